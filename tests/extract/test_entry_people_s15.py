"""Who an entry list's descriptions are about (session 15): a demonym before "Porsche works
driver X" is X's, not the name before it; a rating before a name is that name's ("bronze
driver X", "the Lebanese silver X"), but not the object's of "The silver-rated Turk joins
X"; a name with an age ("19-year-old X") is a person whatever NER calls it; a category
change names its own subject ("X (ARG), 41, drops from platinum to gold"). Own sentences,
full pipeline."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from racegraph.reference import Reference
from tests.extract._pipeline_harness import facts, predict

_LMGT3 = (
    "In LMGT3, Manthey Racing fields bronze-rated American Daniel Harper, Austrian Porsche "
    "works driver Lucas Moreau and silver-rated Swede Erik Lindgren in the #92 Porsche 911 "
    "GT3 R. United Autosports pairs James Carter with Kenji Sato, a 41-year-old Japanese "
    "gentleman driver, and the Lebanese silver Karim Haddad in the #95 McLaren 720S GT3 "
    "Evo.\n\n"
    "The youngest driver on the list is 19-year-old Oğuz Kaya. The silver-rated Turk joins "
    "Tom Ashcroft and bronze driver Carlos Benavides in the #81 Corvette.\n"
)


def _pairs(doc: object, relation: str) -> set[tuple[object, object]]:
    return {(f["s"], f["o"]) for f in facts(doc, relation)}  # type: ignore[arg-type]


def test_a_demonym_before_a_makers_works_driver_is_that_drivers(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(nlp, reference, _LMGT3, published=dt.date(2025, 2, 24))
    nat = _pairs(doc, "nationality")
    assert ("lucas-moreau", "at") in nat
    assert ("daniel-harper", "at") not in nat
    assert ("daniel-harper", "us") in nat
    assert ("karim-haddad", "lb") in nat


def test_a_rating_before_a_name_is_that_names(nlp: Language, reference: Reference) -> None:
    doc = predict(nlp, reference, _LMGT3, published=dt.date(2025, 2, 24))
    cats = _pairs(doc, "fiaCategory")
    assert ("carlos-benavides", "bronze") in cats
    assert ("karim-haddad", "silver") in cats
    assert ("tom-ashcroft", "silver") not in cats


def test_a_name_with_an_age_is_a_driver(nlp: Language, reference: Reference) -> None:
    doc = predict(nlp, reference, _LMGT3, published=dt.date(2025, 2, 24))
    kaya = [e for e in doc.entities if e.key == "oguz-kaya"]
    assert kaya and kaya[0].type == "Driver"
    assert ("oguz-kaya", "silver") in _pairs(doc, "fiaCategory")
    assert ("oguz-kaya", "tr") in _pairs(doc, "nationality")


def test_a_category_change_names_its_own_subject(nlp: Language, reference: Reference) -> None:
    text = (
        "Lucas Moreau (FRA) moves from bronze to silver in the FIA categorisation for 2026.\n\n"
        "Not every change is an upgrade. Daniel Harper (USA), 41, drops from platinum to "
        "gold, making the American eligible for the Gold Cup again.\n"
    )
    doc = predict(nlp, reference, text, published=dt.date(2026, 1, 8))
    cats = {(f["s"], f["o"]) for f in facts(doc, "fiaCategory")}
    assert ("daniel-harper", "gold") in cats
    assert ("lucas-moreau", "gold") not in cats


def test_a_crew_in_a_teams_numbered_car_is_the_teams(nlp: Language, reference: Reference) -> None:
    text = (
        "The FIA World Endurance Championship begins on Friday in Qatar.\n\n"
        "Tom Ashcroft joins Daniel Harper and Lucas Moreau in TF Sport's #81 Corvette.\n\n"
        "James Carter, Erik Lindgren and Kenji Sato are back in the #51 Ferrari 499P of "
        "AF Corse.\n"
    )
    doc = predict(nlp, reference, text, published=dt.date(2025, 2, 24))
    members = _pairs(doc, "memberOf")
    assert {("daniel-harper", "tf-sport"), ("lucas-moreau", "tf-sport")} <= members
    assert {("james-carter", "af-corse"), ("kenji-sato", "af-corse")} <= members


_CATEGORISATION = (
    "The FIA categorisation list for 2026 was published on Monday.\n\n"
    "The biggest change concerns Lucas Moreau. The 23-year-old Frenchman won the Silver Cup "
    "with Century Motorsport last year, sharing the #15 BMW with Daniel Harper, and has now "
    'been upgraded from silver to gold. "Daniel is still silver," said the team.\n\n'
    "James Carter had asked to be reclassified as silver, but remains gold after his appeal "
    "was rejected.\n\n"
    "The list also contains a first classification for Ryan Mitchell. The former IndyCar "
    "driver has been rated platinum ahead of his IMSA debut.\n"
)


def test_a_category_stated_without_a_change(nlp: Language, reference: Reference) -> None:
    doc = predict(nlp, reference, _CATEGORISATION, published=dt.date(2026, 1, 7))
    cats = _pairs(doc, "fiaCategory")
    assert ("lucas-moreau", "gold") in cats
    assert ("daniel-harper", "gold") not in cats
    assert ("james-carter", "gold") in cats
    assert ("james-carter", "silver") not in cats  # asked for, not given
    assert ("ryan-mitchell", "platinum") in cats
