"""Session 29: race reports of the endurance series beyond the WEC and IMSA. A driver
recalled as "winner of the X three weeks ago" does not move the story to that race; the
driver who "shared the car with A and B, who became ... to win" is of the winning crew; the
24H Series' classes (GT3 Pro, GT3 Am, TCE), its Middle East Trophy and the one-make Cup car
are known. Own sentences, full pipeline."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from racegraph.evaluate import PredictedDoc
from racegraph.reference import Reference
from tests.extract._pipeline_harness import event_key, events, facts, predict

_BATHURST = (
    "Mercedes conquers the Mountain\n\n"
    "It took twelve hours and nine safety cars, but GruppeM Racing has won the Bathurst "
    "12 Hour. Kristof Vanhaegen took the #6 "
    "Mercedes-AMG GT3 Evo across the line on Sunday. The 29-year-old Belgian shared the car "
    "with the Briton Alfie Pearce and Daniel Hwang, who becomes the first driver from South "
    "Korea to win the "
    "race outright. The Bathurst 12 Hour was the opening round of the 2025 Intercontinental GT "
    "Challenge.\n\n"
    "Second went to the #31 BMW M4 GT3 Evo of Team WRT. Dario Fenzi, winner of the Dubai 24 "
    "Hour three weeks ago, shared it with Tomas Hrabal.\n\n"
    "Team MPC's #75 Audi R8 LMS GT3 Evo II won the Pro-Am class and finished 12th "
    "overall.\n"
)


@pytest.fixture(scope="module")
def bathurst(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _BATHURST, published=dt.date(2025, 2, 3))


def test_the_sharer_is_of_the_crew_a_relative_clause_wins_with(bathurst: PredictedDoc) -> None:
    race = event_key(events(bathurst), "the Bathurst 12 Hour")
    wins = [
        f
        for f in facts(bathurst, "raceResult")
        if f["position"] == 1 and f["classification"] == "overall" and f["event"] == race
    ]
    assert wins
    assert {"kristof-vanhaegen", "alfie-pearce", "daniel-hwang"} <= set(wins[0]["drivers"])


def test_a_race_recalled_by_winner_of_is_not_the_story_race(bathurst: PredictedDoc) -> None:
    race = event_key(events(bathurst), "the Bathurst 12 Hour")
    results = facts(bathurst, "raceResult")
    assert {f["event"] for f in results} == {race}
    assert any(f["position"] == 12 for f in results)


_DUBAI = (
    "WRT wins in the desert\n\n"
    "The Dubai 24 Hour opened the 24H Series season as the first round of the Middle East "
    "Trophy. Team WRT won GT3 Pro with the #32 BMW M4 GT3 Evo of Anders Holm and Piet "
    "Vermeulen. Hofor Racing won GT3 Am with Beat Schnyder and Urs Kaelin.\n\n"
    "An all-Dutch crew of Joost Verhagen and Sem Bakker won the 992 class in the #909 "
    "Porsche 911 GT3 Cup (992), while Lutz Hartwig and Timo Krause won TCE in a Cupra Leon "
    "TCR.\n"
)


def test_the_24h_series_classes_and_cars_are_known(nlp: Language, reference: Reference) -> None:
    doc = predict(nlp, reference, _DUBAI, published=dt.date(2025, 1, 13))
    classes = {f["classification"] for f in facts(doc, "raceResult")}
    assert {"gt3-pro", "gt3-am", "tce"} <= classes
    assert ("porsche-911-gt3-cup", "porsche") in {
        (f["s"], f["o"]) for f in facts(doc, "manufacturerOf")
    }
    assert ("cupra-leon-tcr", "cupra") in {(f["s"], f["o"]) for f in facts(doc, "manufacturerOf")}
    champs = {f["o"] for f in facts(doc, "competesIn")}
    assert "middle-east-trophy" in champs


def test_a_makers_name_in_a_car_is_no_team(nlp: Language, reference: Reference) -> None:
    doc = predict(
        nlp,
        reference,
        "LMP3 finale\n\nThe pair came home second in class, behind the Team Virage Duqueine D09 "
        "of Mateo Arroyo and Kasper Lund, who took the class win.\n",
        published=dt.date(2025, 10, 20),
    )
    teams = {f["o"] for f in facts(doc, "memberOf")}
    assert "duqueine-team" not in teams
    assert "duqueine-d09" in {f["o"] for f in facts(doc, "drives")}


_CREW_NEXT = (
    "Spa report\n\n"
    "Ligier Racing won the 4 Hours of Spa on Sunday, the fourth round of the European Le Mans "
    "Series.\n\n"
    "The tightest fight of the day came in LMGT3. Kessel Racing's #74 Ferrari 296 LMGT3 won "
    "by a second. Its Bronze driver, the Swiss Marco Bernasconi, drove the opening stint, and "
    "his team-mates Oliver Thorne and Kenji Sato did the rest.\n"
)


def test_the_sentence_after_a_crewless_result_names_its_crew(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(nlp, reference, _CREW_NEXT, published=dt.date(2025, 8, 25))
    wins = [
        f for f in facts(doc, "raceResult") if f["position"] == 1 and f["classification"] == "lmgt3"
    ]
    assert wins
    assert set(wins[0]["drivers"]) == {"marco-bernasconi", "oliver-thorne", "kenji-sato"}
