"""Per-article pieces: what is final at build time and what is merged across articles."""

from __future__ import annotations

import pytest

from racegraph.assemble import make_piece
from racegraph.export import TYPE_TEXT

STEM = "007_spa"
OWN = f"<https://w3id.org/racegraph/id/result/{STEM}/0123456789abcdef>"
ARTICLE = f"<https://w3id.org/racegraph/id/article/{STEM}>"
OTHER = "<https://w3id.org/racegraph/id/result/008_spa/0123456789abcdef>"
DRIVER = "<https://w3id.org/racegraph/id/person/kevin-estre>"


def test_own_nodes_are_final_and_entities_are_shared() -> None:
    kept = sorted(
        [
            (ARTICLE, TYPE_TEXT, "schema:NewsArticle"),
            (DRIVER, "rdfs:label", '"Kevin Estre"'),
            (OTHER, "rg:position", "2"),
            (OWN, "rg:driver", DRIVER),
            (OWN, "rg:position", "1"),
        ]
    )
    inferred = [(DRIVER, TYPE_TEXT, "rg:Person"), (OWN, TYPE_TEXT, "rg:Assertion")]
    piece = make_piece(STEM, kept, inferred)
    assert [s for s, _ in piece.local] == [ARTICLE, OWN]
    own_statement = dict(piece.local)[OWN]
    assert own_statement.startswith(f"{OWN} a rg:Assertion ;")
    assert "rg:position 1 ." in own_statement
    # another article's node with a similar IRI is not this article's to finalise
    assert {line.split("\t")[0] for line in piece.shared} == {DRIVER, OTHER}
    assert piece.triples == len(kept)
    assert piece.trig.startswith(f"<https://w3id.org/racegraph/graph/article/{STEM}> {{\n")


def test_blank_nodes_are_refused() -> None:
    with pytest.raises(ValueError, match="blank nodes"):
        make_piece(STEM, [(OWN, "rg:requirement", "_:b0")], [])
