"""Session 31: a family team's portrait. Relatives named by a first name alone ("His son
Marco drives its car", "Holm's wife, Ingrid, runs the logistics") carry the family's surname,
and the first name alone names them from then on, while the surname alone stays the father's.
Own sentences, full pipeline."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from racegraph.reference import Reference
from tests.extract._pipeline_harness import entity_types, facts, predict

_FAMILY = (
    "A family affair\n\n"
    "Anders Holm founded the Danish team and is still its team principal. His son Marco "
    "drives its car in the European Le Mans Series, and his younger daughter Freja drives in "
    "the Michelin Le Mans Cup.\n\n"
    'Marco, 24, shares the #11 Ligier JS P325 with Daniel Hwang. "It is cheaper," Holm '
    "said. Holm's wife, Ingrid, runs the logistics.\n"
)


def test_relatives_take_the_family_name(nlp: Language, reference: Reference) -> None:
    doc = predict(nlp, reference, _FAMILY, published=dt.date(2025, 3, 31))
    people = entity_types(doc)
    for key in ("marco-holm", "freja-holm", "ingrid-holm", "anders-holm"):
        assert key in people, key
    assert people["marco-holm"] == "Driver"
    assert {"s": "marco-holm", "o": 24} in [{"s": f["s"], "o": f["o"]} for f in facts(doc, "age")]
    pairs = {frozenset((f["s"], f["o"])) for f in facts(doc, "coDriver")}
    assert frozenset(("marco-holm", "daniel-hwang")) in pairs


def test_a_first_name_before_the_pronoun_i_is_no_new_person(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        "Debut win\n\nDaniel Hwang and Pablo Ortega won the LMP3 class at Spa on Saturday. "
        '"I told Daniel I would not lose him more than ten seconds," said Ortega.\n',
        published=dt.date(2024, 8, 25),
    )
    people = entity_types(doc)
    assert "daniel-i" not in people
    assert "daniel-hwang" in people


def test_a_principal_named_by_role_or_by_its(nlp: Language, reference: Reference) -> None:
    doc = predict(nlp, reference, _FAMILY_PRINCIPAL, published=dt.date(2025, 3, 31))
    principals = {(f["s"], f["o"]) for f in facts(doc, "teamPrincipal")}
    assert ("eurointernational", "anders-holm") in principals
    assert ("proton-competition", "daniel-hwang") in principals


_FAMILY_PRINCIPAL = (
    "Two teams\n\n"
    "Anders Holm founded Eurointernational, is still its team principal and makes the "
    "coffee.\n\n"
    "Daniel Hwang does not do false modesty. Asked to sum up Proton Competition's season, the "
    "team principal of the German outfit chose a single word.\n"
)
