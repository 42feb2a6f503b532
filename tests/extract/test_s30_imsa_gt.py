"""Session 30: IMSA reports told from the GT classes. A race named by its length in words
("the Twelve Hours of Sebring") is dated by the race day the report gives and so names its
edition; "Round two, the X, follows on 16 March" dates the next race; "a year earlier" is a
year; "For 23 hours ..." and "Outright, ..." name no race and no team. Own sentences, full
pipeline."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from racegraph.evaluate import PredictedDoc
from racegraph.reference import Reference
from tests.extract._pipeline_harness import entity_types, events, facts, predict

_SEBRING = (
    "Turner takes GTD at Sebring\n\n"
    "Turner Motorsport won GTD at the Mobil 1 Twelve Hours of Sebring. The #96 BMW M4 GT3 "
    "Evo crossed the line after Saturday night's finish with Anders Lindqvist at the wheel.\n\n"
    "Pablo Ortega, whose Rolex 24 had ended in the wall a year earlier, won GTD Pro in the #77 "
    "Porsche 911 GT3 R (992) with Daniel Hwang.\n"
)


@pytest.fixture(scope="module")
def sebring(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _SEBRING, published=dt.date(2025, 3, 17))


def test_a_race_named_in_words_takes_the_year_of_its_race_day(sebring: PredictedDoc) -> None:
    evs = events(sebring)
    race = next(k for k, ms in evs.items() if "Twelve Hours of Sebring" in ms)
    assert "12 Hours of Sebring (2025)" in evs[race]
    assert {"s": race, "o": dt.date(2025, 3, 15)} in [
        {"s": f["s"], "o": f["o"]} for f in facts(sebring, "eventDate")
    ]


def test_a_year_earlier_is_last_years_edition(sebring: PredictedDoc) -> None:
    evs = events(sebring)
    rolex = [k for k, ms in evs.items() if "Rolex 24" in ms]
    assert rolex
    assert rolex[0].endswith("2024")


_DAYTONA = (
    "Lexus snatches GTD Pro\n\n"
    "For 23 hours and 50 minutes, GTD Pro at the Rolex 24 At Daytona looked like Ford's to "
    "lose. Then Pablo Ortega passed on the final lap, and Vasser Sullivan's #14 Lexus RC F "
    "GT3 took the chequered flag on Sunday afternoon 0.4 seconds ahead of the #64 Ford "
    "Mustang GT3.\n\n"
    "Outright, Wayne Taylor Racing with Andretti's #40 Acura ARX-06 beat Action Express "
    "Racing's #31 Cadillac V-Series.R.\n\n"
    "The Rolex 24 opened the 2024 IMSA WeatherTech SportsCar Championship and the four-race "
    "Michelin Endurance Cup. Round two, the "
    "Mobil 1 Twelve Hours of Sebring, follows on 16 March.\n"
)


@pytest.fixture(scope="module")
def daytona(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _DAYTONA, published=dt.date(2024, 1, 29))


def test_a_duration_opening_a_sentence_is_no_race(daytona: PredictedDoc) -> None:
    evs = events(daytona)
    assert not any("For 23 hours" in ms or "23 hours" in ms for ms in evs.values())
    results = facts(daytona, "raceResult")
    rolex = next(k for k, ms in evs.items() if "the Rolex 24 At Daytona" in ms)
    assert results and {f["event"] for f in results} == {rolex}


def test_an_adverb_opening_a_sentence_is_no_team(daytona: PredictedDoc) -> None:
    types = entity_types(daytona)
    assert "outright" not in types
    assert types.get("wayne-taylor") == "Team"


def test_the_next_round_apposed_to_its_day_is_dated(daytona: PredictedDoc) -> None:
    evs = events(daytona)
    sebring = next(k for k, ms in evs.items() if "Twelve Hours of Sebring" in ms)
    assert sebring.endswith("2024")
    assert {"s": sebring, "o": dt.date(2024, 3, 16)} in [
        {"s": f["s"], "o": f["o"]} for f in facts(daytona, "eventDate")
    ]


_ELKHART = (
    "Bronze driver sets up LMP2 win\n\n"
    "At Road America on Sunday Reid Fallon won LMP2 for PR1 Mathiasen Motorsports. The "
    "Bronze driver lined the #52 Oreca 07 Gibson up fourth on Saturday, then opened the race "
    "with a long stint. Kacper Dziedzic brought the car home first in class.\n\n"
    "Road America is the one round of the IMSA WeatherTech SportsCar Championship that "
    "Fallon calls home.\n"
)


@pytest.fixture(scope="module")
def elkhart(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _ELKHART, published=dt.date(2025, 8, 4))


def test_the_day_a_car_lined_up_is_no_race(elkhart: PredictedDoc) -> None:
    days = {f["o"] for f in facts(elkhart, "eventDate")}
    assert dt.date(2025, 8, 2) not in days
    assert {f["event"] for f in facts(elkhart, "raceResult")} == {
        next(f["s"] for f in facts(elkhart, "eventDate") if f["o"] == dt.date(2025, 8, 3))
    }


def test_the_one_round_of_a_championship_is_no_first_round(elkhart: PredictedDoc) -> None:
    assert not any(f.get("round") == 1 for f in facts(elkhart, "eventOf"))
    assert not any(k.endswith("round-1") for k in events(elkhart))


_GLEN = (
    "Cup-only entry wins GTD\n\n"
    "Iron Dames enter only the four rounds of the Michelin Endurance Cup. On Sunday their #83 "
    "Lamborghini Huracan GT3 Evo2 won GTD at Watkins Glen, the first class win for an "
    "Endurance Cup-only entry this year.\n"
)


def test_a_short_name_is_the_championship_the_article_spells_out(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(nlp, reference, _GLEN, published=dt.date(2024, 6, 24))
    types = entity_types(doc)
    assert types.get("michelin-endurance-cup") == "Championship"
    assert "gtwc-europe-endurance-cup" not in types
    assert not any("gtwc" in k for k, t in types.items() if t == "Championship")


def test_a_race_that_opened_a_championship_and_its_cup_keeps_crews_in_the_championship(
    daytona: PredictedDoc,
) -> None:
    rolex = next(k for k, ms in events(daytona).items() if "the Rolex 24 At Daytona" in ms)
    ties = {(f["o"], f.get("round")) for f in facts(daytona, "eventOf") if f["s"] == rolex}
    assert {("imsa", 1), ("michelin-endurance-cup", 1)} <= ties
    series = {f["o"] for f in facts(daytona, "competesIn") if f["s"] == "pablo-ortega"}
    assert series == {"imsa"}
