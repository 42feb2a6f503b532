"""Races described rather than named (found on blind set 6): a weekday-possessive
description at a venue ("Saturday's six-hour race at X"), a round of "the championship"
(the article's championship named by a common noun), a standing-alone race tied to the
championship of its sentence with "season-opening" as round one. Own sentences, full
pipeline."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from racegraph.reference import Reference
from tests.extract._pipeline_harness import events, facts, predict

SAT, SUN = dt.date(2024, 4, 13), dt.date(2024, 4, 14)


def test_weekday_possessive_description_at_a_venue_is_the_dated_round(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        "Ann Example and Bo Sample were the class of the field in Saturday's six-hour race at "
        "Spa, the fourth round of the European Le Mans Series. Cy Probe finished third.",
    )
    evs = events(doc)
    assert len(evs) == 1  # no "<championship> race, <date>" beside the described race
    ((key, mentions),) = evs.items()
    assert "Saturday's six-hour race at Spa" in mentions
    assert facts(doc, "eventDate") == [{"s": key, "o": SAT}]
    assert {"s": key, "o": "elms", "season": 2024, "round": 4} in facts(doc, "eventOf")
    assert all(r["event"] == key for r in facts(doc, "raceResult"))


def test_round_of_the_championship_is_a_round_of_the_article_championship(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        "The European Le Mans Series moved to Portimao for its fifth meeting. Dee Trial took "
        "victory in Sunday's four-hour race at Portimao, the fifth round of the championship.",
    )
    evs = events(doc)
    key = next(k for k, ms in evs.items() if "Sunday's four-hour race at Portimao" in ms)
    assert {"s": key, "o": "elms", "season": 2024, "round": 5} in facts(doc, "eventOf")
    assert facts(doc, "eventDate") == [{"s": key, "o": SUN}]


def test_season_opening_race_alone_is_round_one_of_its_sentence_championship(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        "Eve Demo won the season-opening 12-hour race at Sebring on Sunday, the biggest win of "
        "her IMSA WeatherTech SportsCar Championship career so far.",
    )
    evs = events(doc)
    key = next(k for k, ms in evs.items() if "the season-opening 12-hour race at Sebring" in ms)
    assert {"s": key, "o": "imsa", "season": 2024, "round": 1} in facts(doc, "eventOf")
    assert facts(doc, "eventDate") == [{"s": key, "o": SUN}]


def test_round_keyed_by_its_sentence_venue_is_held_there_with_its_races(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        "Two crews split the wins at Hockenheim, where the third round of the GT World "
        "Challenge Europe Sprint Cup was held. Ann Example won Saturday's opening race. "
        "Bo Sample won the Sunday race.",
    )
    held = facts(doc, "heldAt")
    rounds = {f["s"] for f in facts(doc, "eventOf") if f.get("round") == 3}
    assert rounds and all({"s": k, "o": "hockenheim"} in held for k in rounds)


def test_the_second_race_of_the_weekend_is_race_two_of_the_round(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        "Cy Probe won Saturday's race at Zandvoort, the fifth round of the GT World Challenge "
        "Europe Sprint Cup. The second race of the weekend went the way of Dee Trial, who "
        "won from pole on Sunday.",
    )
    evs = events(doc)
    race2 = next(k for k, ms in evs.items() if "The second race of the weekend" in ms)
    assert race2.endswith("-race-2")
    wins = {r["drivers"]: r["event"] for r in facts(doc, "raceResult") if r["position"] == 1}
    assert wins.get(("dee-trial",)) == race2


def test_the_opening_race_of_the_season_is_not_a_race_of_the_weekend(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        "Eve Demo won Saturday's race at Brands Hatch, the first round of the GT World "
        "Challenge Europe Sprint Cup, the opening race of the season.",
    )
    assert not any(k.endswith("-race-1") for k in events(doc))


def test_surname_keeps_its_particles_so_a_pair_stays_one_crew(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        "Ann Example and Bram van der Kolk shared the car in the European Le Mans Series "
        "round at Portimao on Sunday. Example and van der Kolk won by four seconds.",
    )
    wins = [r for r in facts(doc, "raceResult") if r["position"] == 1]
    assert wins and set(wins[0]["drivers"]) == {"ann-example", "bram-van-der-kolk"}
