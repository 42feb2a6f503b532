"""Session 17: a described round whose one race has its own name is that race ("the 8 Hours
of Portimão" and "The third round of the season" are one event); a crew linked to its entry
by ", shared by", "in the hands of" or "the #31 crew of"; an unclassed result under a class
heading line; a participation takes the class its driver's car can race in; a sponsored
entry name ("Manthey 1st Phorm") is its team. Own sentences, full pipeline."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from racegraph.evaluate import PredictedDoc
from racegraph.reference import Reference
from tests.extract._pipeline_harness import events, facts, predict

_PUBLISHED = dt.date(2025, 6, 9)

_REPORT = (
    "Toyota Gazoo Racing took its first win of the 2025 FIA World Endurance Championship in the "
    "8 Hours of Portimão on Sunday, as Daniel Harper, Lucas Moreau and James Carter brought "
    "the #7 Toyota GR010 Hybrid home first.\n\n"
    "The third round of the season was settled in the pits. P2 went to Porsche Penske "
    "Motorsport's #6 Porsche 963, shared by Ryan Mitchell, Oliver Grant and Thomas Becker. The "
    "#12 Cadillac V-Series.R of Cadillac Hertz Team Jota finished fifth in the hands of Peter "
    "Walsh and Mark Jensen.\n\n"
    "LMGT3\n\n"
    "Manthey 1st Phorm won LMGT3 with the #92 Porsche 911 GT3 R LMGT3 of Henry Cole, Samuel "
    "Price and Adam Fischer.\n\n"
    "Second place for the #31 crew of Robert Hale, Simon Doyle and Martin Kruger was the BMW "
    "squad's best result of the year, although their #31 BMW M4 LMGT3 had been tapped into a "
    "spin by a Hypercar.\n"
)


@pytest.fixture(scope="module")
def doc(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _REPORT, published=_PUBLISHED)


def test_a_described_round_of_one_named_race_is_that_race(doc: PredictedDoc) -> None:
    evs = events(doc)
    race = [k for k, ms in evs.items() if "the 8 Hours of Portimão" in ms]
    assert race
    assert "The third round of the season" in evs[race[0]]
    assert not [k for k in evs if k != race[0] and "round" in k]
    rounds = {f.get("round") for f in facts(doc, "eventOf") if f["s"] == race[0]}
    assert 3 in rounds
    assert {f["event"] for f in facts(doc, "raceResult")} == {race[0]}


def test_a_crew_after_shared_by(doc: PredictedDoc) -> None:
    second = [f for f in facts(doc, "raceResult") if f.get("position") == 2]
    assert ("ryan-mitchell", "oliver-grant", "thomas-becker") in {f["drivers"] for f in second}


def test_a_crew_in_the_hands_of(doc: PredictedDoc) -> None:
    fifth = [f for f in facts(doc, "raceResult") if f.get("position") == 5]
    assert {f["drivers"] for f in fifth} == {("peter-walsh", "mark-jensen")}


def test_the_numbered_crew_of_a_place_under_a_class_heading(doc: PredictedDoc) -> None:
    crew = ("robert-hale", "simon-doyle", "martin-kruger")
    second = [f for f in facts(doc, "raceResult") if f.get("drivers") == crew]
    assert [(f["position"], f["classification"]) for f in second] == [(2, "lmgt3")]


def test_a_sponsored_entry_name_is_its_team(doc: PredictedDoc) -> None:
    wins = [f for f in facts(doc, "raceResult") if f.get("classification") == "lmgt3"]
    assert {f.get("team") for f in wins if f.get("position") == 1} == {"manthey"}


def test_participation_takes_the_class_of_the_drivers_car(doc: PredictedDoc) -> None:
    classes = {
        str(f["s"]): f.get("class")
        for f in facts(doc, "competesIn")
        if f["s"] in ("daniel-harper", "robert-hale", "henry-cole")
    }
    # the #7 GR010 Hybrid is an LMH car: Hypercar; "tapped into a spin by a Hypercar" does
    # not put the #31 LMGT3 crew in Hypercar
    assert classes == {"daniel-harper": "hypercar", "robert-hale": "lmgt3", "henry-cole": "lmgt3"}


_ASIDE = (
    "Action Express Racing won the Twelve Hours of Sebring on Saturday, as Daniel Harper and "
    "Lucas Moreau took the #31 Cadillac V-Series.R to victory in the second round of the 2025 "
    "IMSA WeatherTech SportsCar Championship.\n\n"
    "James Carter and Ryan Mitchell, who won the Rolex 24 at Daytona in January, finished "
    "second.\n\n"
    "BMW M Team RLL had locked out the front row in Thursday's qualifying. From pole, Peter "
    "Walsh led the opening stint in the #25 BMW M Hybrid V8.\n\n"
    "In LMP2, Henry Cole and Samuel Price took class honours in the #2 Oreca 07.\n"
)


@pytest.fixture(scope="module")
def aside(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _ASIDE, published=dt.date(2025, 3, 17))


def test_a_linked_round_of_one_named_race_is_that_race(aside: PredictedDoc) -> None:
    evs = events(aside)
    race = [k for k, ms in evs.items() if "the Twelve Hours of Sebring" in ms]
    assert race
    assert any(m.startswith("the second round of the 2025 IMSA") for m in evs[race[0]])
    known = set(evs)
    for relation in ("eventOf", "raceResult", "gridPosition", "coDriver"):
        for f in facts(aside, relation):
            event = f.get("event", f.get("s"))
            assert event in known, (relation, f)


def test_a_race_recalled_in_a_relative_clause_is_not_the_story_race(
    aside: PredictedDoc,
) -> None:
    evs = events(aside)
    sebring = next(k for k, ms in evs.items() if "the Twelve Hours of Sebring" in ms)
    poles = [f for f in facts(aside, "gridPosition") if f.get("kind") == "pole"]
    assert poles and {f["event"] for f in poles} == {sebring}
    lmp2 = [f for f in facts(aside, "raceResult") if f.get("classification") == "lmp2"]
    assert lmp2 and {f["event"] for f in lmp2} == {sebring}
