"""Crews of a team's car in a race report, with or without a result in the sentence.
Sentences are written for these tests (not taken from articles)."""

from __future__ import annotations

import datetime as dt

from tests.extract._relations_harness import CAR, RACE, C, D, E, T, has, roles, run

PUB = dt.date(2025, 5, 5)  # a Monday


def test_crew_of_a_teams_car_without_a_result_gives_member_of_and_codrivers() -> None:
    text = (
        "At the Imola 6 Hours of the GT Cup on Sunday, the #51 Red Fox Racing Ferrari 296 GT3 of "
        "Ann Alpha, Bea Beta and Cal Gamma retired after an hour with a broken gearbox."
    )
    facts = run(
        text,
        [
            ("Imola 6 Hours", "imola-6h", E, RACE),
            ("GT Cup", "gt-cup", C),
            ("Red Fox Racing", "red-fox", T),
            ("Ferrari 296 GT3", "f296", CAR),
            ("Ann Alpha", "a", D),
            ("Bea Beta", "b", D),
            ("Cal Gamma", "c", D),
        ],
        published=PUB,
    )
    for d in ("a", "b", "c"):
        assert has(facts, "memberOf", s=d, o="red-fox", championship="gt-cup", season=2025)
    pairs = {frozenset((r["s"], r["o"])) for r in roles(facts, "coDriver")}
    assert pairs == {frozenset(p) for p in (("a", "b"), ("a", "c"), ("b", "c"))}


def test_crew_with_its_team_in_parentheses_gives_member_of() -> None:
    text = (
        "At the Imola 6 Hours of the GT Cup on Sunday, Dan Delta and Eve Epsilon "
        "(Blue Owl Motorsport) spun out of contention on the opening lap."
    )
    facts = run(
        text,
        [
            ("Imola 6 Hours", "imola-6h", E, RACE),
            ("GT Cup", "gt-cup", C),
            ("Blue Owl Motorsport", "blue-owl", T),
            ("Dan Delta", "d", D),
            ("Eve Epsilon", "e", D),
        ],
        published=PUB,
    )
    for d in ("d", "e"):
        assert has(facts, "memberOf", s=d, o="blue-owl", championship="gt-cup", season=2025)
    assert has(facts, "coDriver", s="d", o="e", season=2025)


def test_crew_of_a_car_without_a_team_gives_no_member_of() -> None:
    text = (
        "At the Imola 6 Hours of the GT Cup on Sunday, the #7 Ferrari 296 GT3 of Ann Alpha retired."
    )
    facts = run(
        text,
        [
            ("Imola 6 Hours", "imola-6h", E, RACE),
            ("GT Cup", "gt-cup", C),
            ("Ferrari 296 GT3", "f296", CAR),
            ("Ann Alpha", "a", D),
        ],
        published=PUB,
    )
    assert not roles(facts, "memberOf")
