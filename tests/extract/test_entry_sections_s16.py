"""Entry lists that go class by class (session 16): a class alone on a line heads the
entries under it; "enters two cars in the class" is that section's class; a team's driver
named with its numbered car in a coming season's entry competes in it; a hyphenated first
name is one name. Own sentences, full pipeline."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from racegraph.reference import Reference
from tests.extract._pipeline_harness import facts, predict

_LIST = (
    "ELMS reveals its 2026 grid\n\n"
    "The European Le Mans Series will start the 2026 season with 43 entries, after the series "
    "revealed its entry list on Wednesday.\n\n"
    "LMP2\n\n"
    "Cool Racing leads the class with its #37 Oreca 07 Gibson for the Swiss Daniel Harper and "
    "the Dutchman James Carter.\n\n"
    "LMP2 Pro-Am\n\n"
    "Half of the Pro-Am field is new. AF Corse brings the #83 Oreca for Pieter-Jan Claes, a "
    "58-year-old bronze-rated Belgian who steps up from LMGT3, and the Italian Lucas Moreau. "
    "Proton Competition enters two cars in the class, the #9 and the #88, and its only "
    "confirmed driver is Ryan Mitchell, who raced its LMGT3 Porsche last year.\n"
)
_PUBLISHED = dt.date(2026, 1, 30)


def test_a_class_heading_gives_its_entries_their_class(nlp: Language, reference: Reference) -> None:
    doc = predict(nlp, reference, _LIST, published=_PUBLISHED)
    classes = {
        f["s"]: f.get("class")
        for f in facts(doc, "competesIn")
        if f["o"] == "elms" and f.get("season") == 2026
    }
    assert classes.get("cool") == "lmp2"
    assert classes.get("daniel-harper") == "lmp2"


def test_entering_cars_in_the_class_is_the_sections_class(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(nlp, reference, _LIST, published=_PUBLISHED)
    proton = {
        f.get("class")
        for f in facts(doc, "competesIn")
        if f["s"] == "proton-competition" and f.get("season") == 2026
    }
    assert proton == {"lmp2-pro-am"}


def test_a_teams_drivers_in_its_numbered_car_compete(nlp: Language, reference: Reference) -> None:
    doc = predict(nlp, reference, _LIST, published=_PUBLISHED)
    entered = {
        f["s"]
        for f in facts(doc, "competesIn")
        if f["o"] == "elms" and f.get("season") == 2026 and f.get("status") == "confirmed"
    }
    assert {"pieter-jan-claes", "lucas-moreau"} <= entered


def test_a_hyphenated_first_name_is_one_name(nlp: Language, reference: Reference) -> None:
    doc = predict(nlp, reference, _LIST, published=_PUBLISHED)
    people = {e.key for e in doc.entities if e.type in {"Driver", "Person"}}
    assert "pieter-jan-claes" in people
    assert "jan-claes" not in people


_TALLY = (
    "The European Le Mans Series has published its 2026 entry list.\n\n"
    "LMGT3\n\n"
    "Ferrari has four 296 LMGT3s and Porsche four 911 GT3 R LMGT3s, with Aston Martin on "
    "three and McLaren and BMW on two each. LMP2 is the largest class with 14 Oreca 07 "
    "entries.\n"
)


def test_a_tally_of_cars_per_make(nlp: Language, reference: Reference) -> None:
    doc = predict(nlp, reference, _TALLY, published=_PUBLISHED)
    cars = {(f["manufacturer"], f.get("class")): f["cars"] for f in facts(doc, "manufacturerEntry")}
    assert cars.get(("ferrari", "lmgt3")) == 4
    assert cars.get(("porsche", "lmgt3")) == 4
    assert cars.get(("aston-martin", "lmgt3")) == 3
    assert cars.get(("mclaren", "lmgt3")) == 2
    assert cars.get(("bmw", "lmgt3")) == 2
    assert cars.get(("oreca", "lmp2")) in (None, 14)
