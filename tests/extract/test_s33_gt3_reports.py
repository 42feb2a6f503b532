"""Session 33: GT3 endurance reports outside the WEC. A lede that says the winner "crossed
the line first on Sunday" dates the race named in the headline; "the second round of the X
and the third of four in the Y" makes the race an event of both series, and its crews race
in the first (whose classes the report uses); a class result written with its car and a
crew whose sentence the rules could not read takes the crew of that car's entry; a team
name ending in "Challenge" is no championship. Own sentences, full pipeline."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from racegraph.evaluate import PredictedDoc
from racegraph.reference import Reference
from tests.extract._pipeline_harness import entity_types, facts, predict

_REPORT = (
    "Stewards hand ROWE the 24 Hours of Spa\n\n"
    "The #88 Mercedes-AMG GT3 Evo of Akkodis ASP Team crossed the line first at 16:30 on "
    "Sunday. The stewards later gave the CrowdStrike 24 Hours of Spa to ROWE Racing.\n\n"
    "The Silver Cup went to Saintéloc Racing's #26 Audi R8 LMS GT3 Evo II and its all-French "
    "line-up of Paul Girard, Luc Marchand and Hugo Benard, all three of them rated Silver.\n\n"
    "The 24 Hours was the second round of the 2024 GT World Challenge Europe Endurance Cup and "
    "the third of four in the Intercontinental GT Challenge. Later, the second safety car came "
    "out after Kenji Ota crashed Team Handwork Challenge's #30 Nissan GT-R Nismo GT3.\n"
)
_RACE = "spa-francorchamps-24-hours-2024"
_CREW = {"paul-girard", "luc-marchand", "hugo-benard"}


@pytest.fixture(scope="module")
def report(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _REPORT, published=dt.date(2024, 7, 1))


def test_crossing_the_line_on_sunday_dates_the_race(report: PredictedDoc) -> None:
    dates = {(f["s"], f["o"]) for f in facts(report, "eventDate")}
    assert (_RACE, dt.date(2024, 6, 30)) in dates


def test_a_race_of_two_series_is_an_event_of_both(report: PredictedDoc) -> None:
    of = {(f["s"], f["o"], f.get("round")) for f in facts(report, "eventOf")}
    assert (_RACE, "gtwc-europe-endurance-cup", 2) in of
    assert (_RACE, "igtc", None) in of
    assert not any(s != _RACE for s, _, _ in of)  # no round minted beside the race


def test_its_crews_race_in_the_series_whose_classes_the_report_uses(
    report: PredictedDoc,
) -> None:
    champs = {f["o"] for f in facts(report, "competesIn") if f["s"] in _CREW}
    assert champs == {"gtwc-europe-endurance-cup"}


def test_a_class_winning_car_takes_its_entrys_crew(report: PredictedDoc) -> None:
    wins = [f for f in facts(report, "raceResult") if f["classification"] == "silver-cup"]
    assert len(wins) == 1
    assert set(wins[0]["drivers"]) == _CREW
    assert wins[0]["event"] == _RACE


def test_a_team_named_challenge_is_no_championship(report: PredictedDoc) -> None:
    types = entity_types(report)
    assert types.get("handwork-challenge") == "Team"
    assert "Championship" not in {t for k, t in types.items() if "handwork" in k}


_FINALE = (
    "Nordlicht wins at Indianapolis\n\n"
    "Nordlicht Racing won the Indianapolis 8 Hour on Saturday with the #34 Ferrari 296 GT3 of "
    "Anders Holm, Erik Lund and Jonas Weber. Team Zenith's #32 BMW M4 GT3 of Marco Rossi and "
    "Matteo Conti was second, and the #57 Mercedes-AMG GT3 Evo of Paul Girard and Callum Reid "
    "finished third. All three podium cars were Pro entries.\n\n"
    "The Indianapolis race was the fourth and final round of the 2024 Intercontinental GT "
    "Challenge, and it also closed the 2024 GT World Challenge America season.\n"
)
_INDY = "indianapolis-8-hours-2024"


@pytest.fixture(scope="module")
def finale(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _FINALE, published=dt.date(2024, 10, 7))


def test_a_class_holding_the_podium_places_its_crews_in_the_class(
    finale: PredictedDoc,
) -> None:
    pro = {
        f["position"]: set(f["drivers"])
        for f in facts(finale, "raceResult")
        if f["classification"] == "pro-cup"
    }
    assert pro == {
        1: {"anders-holm", "erik-lund", "jonas-weber"},
        2: {"marco-rossi", "matteo-conti"},
        3: {"paul-girard", "callum-reid"},
    }


def test_the_fourth_and_final_round_and_the_season_it_also_closed(
    finale: PredictedDoc,
) -> None:
    of = {(f["s"], f["o"], f.get("round")) for f in facts(finale, "eventOf")}
    assert (_INDY, "igtc", 4) in of
    assert (_INDY, "gtwc-america", None) in of


_WINNERS = (
    "Nordlicht conquers the Mountain\n\n"
    "On Sunday Nordlicht Racing won the Bathurst 12 Hour: its #32 BMW M4 GT3 took the "
    "chequered flag 4.8 seconds clear of the field.\n\n"
    "Anders Holm, Erik Lund and Jonas Weber, all three of them BMW works drivers, shared the "
    "winning car.\n"
)


@pytest.fixture(scope="module")
def winners(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _WINNERS, published=dt.date(2024, 2, 19))


def test_a_crew_with_an_apposition_shared_the_winning_car(winners: PredictedDoc) -> None:
    wins = [
        f
        for f in facts(winners, "raceResult")
        if f["position"] == 1 and f["classification"] == "overall"
    ]
    assert [set(f["drivers"]) for f in wins] == [{"anders-holm", "erik-lund", "jonas-weber"}]


def test_all_three_of_them_works_drivers(winners: PredictedDoc) -> None:
    works = {(f["s"], f["o"]) for f in facts(winners, "worksDriverFor")}
    assert works == {("anders-holm", "bmw"), ("erik-lund", "bmw"), ("jonas-weber", "bmw")}
