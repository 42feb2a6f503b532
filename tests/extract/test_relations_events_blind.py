"""Event phrasings met on blind race reports: ordinal rounds with a year, weekdays of pole /
qualifying clauses, one-race meetings dated by their race day. Own sentences."""

from __future__ import annotations

import datetime as dt

from tests.extract._relations_harness import RACE, ROUND, C, D, E, V, has, roles, run

PUB = dt.date(2025, 5, 5)  # a Monday
SAT, SUN = dt.date(2025, 5, 3), dt.date(2025, 5, 4)


def test_ordinal_round_with_a_year_ties_the_named_race() -> None:
    text = (
        "Ann Alpha won the Imola 6 Hours on Sunday, the opening round of the 2025 GT Cup. "
        "Bea Beta finished second."
    )
    facts = run(
        text,
        [
            ("the Imola 6 Hours", "imola-6h", E, RACE),
            ("GT Cup", "gt-cup", C),
            ("Ann Alpha", "a", D),
            ("Bea Beta", "b", D),
        ],
        published=PUB,
    )
    assert has(facts, "eventOf", s="imola-6h", o="gt-cup", season=2025, round=1)
    assert has(facts, "eventDate", s="imola-6h", o=SUN)
    assert has(facts, "raceResult", event="imola-6h", position=2, drivers=("b",))


def test_a_meeting_with_one_race_day_is_dated_itself() -> None:
    text = (
        "Ann Alpha won at Imola on Sunday in the fourth round of the 2025 GT Cup. "
        "Bea Beta had qualified third on Saturday."
    )
    facts = run(
        text,
        [("GT Cup", "gt-cup", C), ("Ann Alpha", "a", D), ("Bea Beta", "b", D)],
        published=PUB,
    )
    events = {r["s"] for r in roles(facts, "eventOf")}
    assert len(events) == 1  # no separate 'race of round four'
    (event,) = events
    assert has(facts, "eventOf", s=event, o="gt-cup", season=2025, round=4)
    assert {(r["s"], r["o"]) for r in roles(facts, "eventDate")} == {(event, SUN)}
    assert has(facts, "gridPosition", event=event, position=3, kind="qualifying")


def test_two_race_days_keep_two_races() -> None:
    text = (
        "Ann Alpha won the Saturday race at the Imola round of the GT Cup. Bea Beta won on Sunday."
    )
    facts = run(
        text,
        [
            ("the Imola round", "imola-round", E, ROUND),
            ("GT Cup", "gt-cup", C),
            ("Ann Alpha", "a", D),
            ("Bea Beta", "b", D),
        ],
        published=PUB,
    )
    assert {r["o"] for r in roles(facts, "eventDate")} == {SAT, SUN}
    assert not has(facts, "eventDate", s="imola-round")


def test_weekday_of_a_pole_clause_is_not_a_race() -> None:
    text = (
        "Ann Alpha won the Imola 6 Hours on Sunday. Bea Beta had secured pole on Saturday, "
        "and Cal Gamma triumphed in class after qualifying fifth on Saturday."
    )
    facts = run(
        text,
        [
            ("the Imola 6 Hours", "imola-6h", E, RACE),
            ("Ann Alpha", "a", D),
            ("Bea Beta", "b", D),
            ("Cal Gamma", "c", D),
        ],
        published=PUB,
    )
    assert {r["o"] for r in roles(facts, "eventDate")} == {SUN}
    assert has(facts, "gridPosition", event="imola-6h", kind="pole", drivers=("b",))
    assert has(facts, "gridPosition", event="imola-6h", kind="qualifying", position=5)


def test_coming_round_named_by_number_and_venue() -> None:
    text = (
        "Ann Alpha won the Imola 6 Hours on Sunday in the GT Cup. The series returns to Monza "
        "for round six in June."
    )
    facts = run(
        text,
        [
            ("the Imola 6 Hours", "imola-6h", E, RACE),
            ("GT Cup", "gt-cup", C),
            ("Monza", "monza", V),
            ("Ann Alpha", "a", D),
        ],
        published=PUB,
    )
    rounds = [r for r in roles(facts, "eventOf") if r.get("round") == 6]
    assert len(rounds) == 1 and rounds[0]["o"] == "gt-cup" and rounds[0]["season"] == 2025
    assert has(facts, "heldAt", s=rounds[0]["s"], o="monza")
    assert not has(facts, "eventOf", s="imola-6h", round=6)
