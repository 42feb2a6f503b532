"""Session 28: ratings written into a name's description. "the Indonesian Bronze Rizal
Hartono" is a Bronze driver from Indonesia named Rizal Hartono, not a person named "Bronze
Rizal Hartono"; "the German Silvers A and B" makes both German and both Silver. Own
sentences, full pipeline."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from racegraph.reference import Reference
from tests.extract._pipeline_harness import facts, predict

_RATED = (
    "Qualifying report\n\n"
    "Adam Reyes put the #95 McLaren 720S LMGT3 Evo third, a car he shares with the "
    "Indonesian Bronze Dimas Wibowo. The #65 Mustang, raced by the German Silvers Jonas "
    "Falk and Lukas Brenner, was fifth.\n"
)


def test_ratings_before_names(nlp: Language, reference: Reference) -> None:
    doc = predict(nlp, reference, _RATED, published=dt.date(2025, 4, 12))
    nat = {(f["s"], f["o"]) for f in facts(doc, "nationality")}
    cat = {(f["s"], f["o"]) for f in facts(doc, "fiaCategory")}
    assert {("dimas-wibowo", "id"), ("jonas-falk", "de"), ("lukas-brenner", "de")} <= nat
    assert {
        ("dimas-wibowo", "bronze"),
        ("jonas-falk", "silver"),
        ("lukas-brenner", "silver"),
    } <= cat
    assert not [s for s, _ in nat if s.startswith(("bronze-", "silvers-"))]
    assert ("adam-reyes", "id") not in nat
