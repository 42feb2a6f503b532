"""Session 28: reports of the sessions before a race. A qualifying report that ends with the
timetable ("the race starts at 15:00 on Saturday") speaks of the coming Saturday, not the last
one, and "Thursday's rest day" is no race. When the race is the round itself, named by its
length ("the 12 Hours of Sebring ... the second round"), the grid and the poles are that
race's. Own sentences, full pipeline."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from racegraph.evaluate import PredictedDoc
from racegraph.reference import Reference
from tests.extract._pipeline_harness import event_key, events, facts, predict

_PREVIEW = (
    "Lindqvist grabs Sebring pole\n\n"
    "Oskar Lindqvist will start the 73rd 12 Hours of Sebring from pole position. The Swede "
    "put the #31 Cadillac V-Series.R of Whelen Cadillac Racing on pole in qualifying this "
    "afternoon.\n\n"
    "Marco Fabbri was second in the #6 Porsche 963 of Porsche Penske Motorsport, and the "
    "Porsche starts alongside the Cadillac on the front row.\n\n"
    "Sebring is the second round of the IMSA WeatherTech SportsCar Championship. After "
    "Thursday's rest day the race starts at 10:10 on Saturday and finishes at night.\n"
)


@pytest.fixture(scope="module")
def preview(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _PREVIEW, published=dt.date(2025, 3, 13))


def test_a_timetable_day_is_the_coming_one(preview: PredictedDoc) -> None:
    dates = {f["o"] for f in facts(preview, "eventDate")}
    assert dt.date(2025, 3, 15) in dates
    assert not {d for d in dates if isinstance(d, dt.date) and d < dt.date(2025, 3, 13)}


def test_the_grid_is_the_named_rounds_race(preview: PredictedDoc) -> None:
    race = event_key(events(preview), "12 Hours of Sebring")
    grid = facts(preview, "gridPosition")
    poles = [f for f in grid if f["kind"] == "pole"]
    assert poles and all(f["event"] == race for f in grid)
    assert "oskar-lindqvist" in poles[0]["drivers"]
    assert {f["o"] for f in facts(preview, "eventOf") if f["s"] == race} == {"imsa"}


_CLASS_POLE = (
    "Sebring qualifying\n\n"
    "Marek Zielinski took the LMP2 pole for the 12 Hours of Sebring in the #18 Oreca 07 "
    "Gibson of Era Motorsport. The Pole shares the car with Ian Carrow and Jack Dunmore, and "
    "the crew starts tenth overall.\n"
)


def test_a_class_pole_and_a_polish_driver(nlp: Language, reference: Reference) -> None:
    doc = predict(nlp, reference, _CLASS_POLE, published=dt.date(2025, 3, 13))
    grid = facts(doc, "gridPosition")
    assert [(f["kind"], f["position"]) for f in grid] == [("grid", 10), ("pole", 1)]
    assert all("marek-zielinski" in f["drivers"] for f in grid)
    assert not facts(doc, "raceResult")  # "starts tenth overall" is a grid slot
    assert ("marek-zielinski", "pl") in {(f["s"], f["o"]) for f in facts(doc, "nationality")}


_SHARED = (
    "Hyperpole at Spa\n\n"
    "Tomas Brandt put the #83 Ferrari 499P of AF Corse on pole for the 6 Hours of "
    "Spa-Francorchamps, the third round of the FIA World Endurance Championship. Brandt, "
    "who shares the #83 with Pavel Orlov and Luis Mendes, was two tenths clear.\n"
)


def test_partners_of_a_numbered_car_share_its_entry(nlp: Language, reference: Reference) -> None:
    doc = predict(nlp, reference, _SHARED, published=dt.date(2025, 5, 10))
    drives = {(f["s"], f["o"], f.get("number")) for f in facts(doc, "drives")}
    teams = {(f["s"], f["o"]) for f in facts(doc, "memberOf")}
    for who in ("tomas-brandt", "pavel-orlov", "luis-mendes"):
        assert (who, "ferrari-499p", 83) in drives
        assert (who, "af-corse") in teams


_ROLEX = (
    "Acura on Rolex 24 pole\n\n"
    "Meyer Shank Racing will start the Rolex 24 At Daytona from pole. Sam Keller put the "
    "#60 Acura ARX-06 on pole in Thursday's session. He shares the #60 with Ron Diaz for "
    "the opening round of the IMSA WeatherTech SportsCar Championship, which is also the "
    "first race of the Michelin Endurance Cup.\n\n"
    "The race starts on Saturday afternoon and ends 24 hours later, on Sunday.\n"
)


def test_a_race_named_without_its_length_is_the_round(nlp: Language, reference: Reference) -> None:
    doc = predict(nlp, reference, _ROLEX, published=dt.date(2025, 1, 24))
    evs = events(doc)
    race = event_key(evs, "the Rolex 24 At Daytona")
    assert (
        event_key(evs, "the opening round of the IMSA WeatherTech SportsCar Championship") == race
    )
    assert not [k for k in evs if "-race-" in k]  # "the first race of the Cup": no session
    assert {f["event"] for f in facts(doc, "gridPosition")} == {race}
    assert dt.date(2025, 1, 25) in {f["o"] for f in facts(doc, "eventDate") if f["s"] == race}


_FINALE = (
    "Vance calls time\n\n"
    "Marc Vance has raced his last FIA World Endurance Championship event. The Frenchman "
    "said in Bahrain that the season finale on Saturday, where he finished sixth in "
    "LMGT3, was his final start, and that he will race once more: the Rolex 24 at Daytona "
    "in January.\n"
)


def test_a_day_right_after_a_round_dates_that_round(nlp: Language, reference: Reference) -> None:
    doc = predict(nlp, reference, _FINALE, published=dt.date(2025, 11, 10))
    evs = events(doc)
    finale = event_key(evs, "the season finale")
    assert finale != event_key(evs, "the Rolex 24 at Daytona")
    assert {f["event"] for f in facts(doc, "raceResult")} == {finale}
    assert ("fia-wec", finale) in {(f["o"], f["s"]) for f in facts(doc, "eventOf")}
