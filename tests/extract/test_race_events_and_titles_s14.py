"""Which race a report's facts belong to, and what is no race result (session 14): a named
N-hours race and a later round of another series at the same circuit, dated weeks apart,
are two events; a weekday in a report of one named race is that race's day, and a day far
from it ("called up on Wednesday") dates no race; "Saturday's Top 10 Shootout" is a
session; "sixth in class" in a report of one class is that class; a class named in a
", where ..." clause belongs to the championship the clause follows; "In Cup 3," names no
series. A season review's "were crowned overall champions" wins the story's championship,
and tallies ("won four races"), titles ("won the teams' championship") and last season's
standing ("second overall in 2024") are no race results. Own sentences, full pipeline."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from racegraph.extract.time import stated_days
from racegraph.reference import Reference
from tests.extract._pipeline_harness import event_key, events, facts, predict

_N24 = (
    "Falken Motorsports won the Nürburgring 24 Hours on Sunday, as Max Fehr and Tim Kolb "
    "brought the #33 Porsche 911 GT3 R home 20 seconds clear.\n\n"
    "Kolb was called up on Wednesday to replace the injured Jan Wirth, and drove a triple "
    "stint in the dark before the red flag.\n\n"
    "In Cup 3, the class for the Porsche Cayman, Adrian Voss and Kai Lenz won by a lap.\n\n"
    "Most of the crews return to the Nordschleife for round six of the Nürburgring Endurance "
    "Series on 9 August.\n"
)


def test_a_named_race_and_a_later_round_at_its_circuit_are_two_events(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(nlp, reference, _N24, published=dt.date(2025, 6, 23))
    evs = events(doc)
    race = event_key(evs, "the Nürburgring 24 Hours")
    rnd = event_key(evs, "round six of the Nürburgring Endurance Series")
    assert race != rnd
    wins = [f for f in facts(doc, "raceResult") if f.get("position") == 1]
    assert wins and all(f["event"] == race for f in wins)
    assert {"max-fehr", "tim-kolb"} <= set(wins[0]["drivers"])  # type: ignore[arg-type]


def test_a_day_far_from_the_named_race_dates_no_race(nlp: Language, reference: Reference) -> None:
    doc = predict(nlp, reference, _N24, published=dt.date(2025, 6, 23))
    dates = {f["o"] for f in facts(doc, "eventDate")}
    assert dt.date(2025, 6, 22) in dates
    assert dt.date(2025, 6, 18) not in dates  # the Wednesday of the call-up
    assert not any(k.startswith("race-") for k in events(doc))


def test_a_sentence_opening_in_cup_names_no_series(nlp: Language, reference: Reference) -> None:
    doc = predict(nlp, reference, _N24, published=dt.date(2025, 6, 23))
    champs = {e.key for e in doc.entities if e.type == "Championship"}
    assert not any(k.startswith("in-") for k in champs)


_CLASS_REPORT = (
    "The Hypercars took the headlines, but the LMGT3 class of the 24 Hours of Le Mans had a "
    "story of its own.\n\n"
    "The #33 Corvette crossed the line at 4pm on Sunday a lap clear of the field.\n\n"
    "The #87 Lexus ran with Ryo Tanaka in place of Tom Bell, who broke his wrist last month. "
    "Tanaka, Paul Morel and Ken Suda brought the car home sixth in class.\n"
)


def test_sixth_in_class_in_a_report_of_one_class_is_that_class(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(nlp, reference, _CLASS_REPORT, published=dt.date(2025, 6, 16))
    sixth = [f for f in facts(doc, "raceResult") if f.get("position") == 6]
    assert sixth and all(f["classification"] == "lmgt3" for f in sixth)
    evs = events(doc)
    assert {f["event"] for f in sixth} == {event_key(evs, "the 24 Hours of Le Mans")}
    dates = {f["o"] for f in facts(doc, "eventDate")}
    assert dates == {dt.date(2025, 6, 15)}  # the race's Sunday, no second "race" of the day


_BATHURST = (
    "Arise Racing GT won the Bathurst 12 Hour on Sunday to open the 2025 Intercontinental GT "
    "Challenge.\n\n"
    "Rocco Valli had put the car second on the grid in Saturday's Top 10 Shootout.\n\n"
    "Valli combines the Intercontinental GT Challenge with the FIA World Endurance "
    "Championship, where he drives for AF Corse in the Hypercar class.\n"
)


def test_a_class_in_a_where_clause_belongs_to_the_championship_before_it(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(nlp, reference, _BATHURST, published=dt.date(2025, 2, 3))
    class_of = {(f["s"], f["o"]) for f in facts(doc, "classOf")}
    assert ("hypercar", "fia-wec") in class_of
    assert ("hypercar", "igtc") not in class_of
    entries = [f for f in facts(doc, "competesIn") if f["s"] == "rocco-valli"]
    assert {f["o"] for f in entries if f.get("class") == "hypercar"} == {"fia-wec"}


def test_a_named_shootout_is_a_session_not_a_race_day(nlp: Language, reference: Reference) -> None:
    doc = predict(nlp, reference, _BATHURST, published=dt.date(2025, 2, 3))
    assert {f["o"] for f in facts(doc, "eventDate")} == {dt.date(2025, 2, 2)}
    grid = [f for f in facts(doc, "gridPosition") if f.get("position") == 2]
    evs = events(doc)
    assert grid and grid[0]["event"] == event_key(evs, "the Bathurst 12 Hour")


_REVIEW = (
    "The 2025 GT World Challenge Europe season ended at Barcelona on Sunday, where Team WRT's "
    "Daniel Harper and Lucas Moreau finished fourth.\n\n"
    "Team WRT's Daniel Harper and Lucas Moreau were crowned overall champions after a year in "
    "which their #32 BMW won four races. Moreau had finished second overall in 2024. WRT also "
    "won the teams' championship. The pair, both 21, won five times.\n"
)


def test_crowned_champions_win_the_story_championship_with_their_team(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(nlp, reference, _REVIEW, published=dt.date(2025, 10, 14))
    won = {(f["s"], f["o"], f.get("season")) for f in facts(doc, "won")}
    assert ("daniel-harper", "gtwc-europe", 2025) in won
    assert ("lucas-moreau", "gtwc-europe", 2025) in won
    members = {(f["s"], f["o"], f.get("season")) for f in facts(doc, "memberOf")}
    assert ("daniel-harper", "wrt", 2025) in members


def test_tallies_titles_and_last_seasons_standing_are_no_race_results(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(nlp, reference, _REVIEW, published=dt.date(2025, 10, 14))
    assert {f["position"] for f in facts(doc, "raceResult")} == {4}  # Sunday's fourth only


def test_stated_days_reads_dates_weekdays_and_bare_day_months() -> None:
    published = dt.date(2025, 6, 23)
    assert stated_days("won on Sunday", published) == {dt.date(2025, 6, 22)}
    assert stated_days("round five on 12 July", published) == {dt.date(2025, 7, 12)}
    assert stated_days("on July 12, 2024", published) == {dt.date(2024, 7, 12)}
    assert stated_days("back in January", published) == set()
    assert stated_days("in June 2024", published) == set()
