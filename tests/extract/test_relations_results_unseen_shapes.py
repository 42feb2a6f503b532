"""Result shapes read from the parse (relations/result_syntax.py) that earlier rules missed:
a place parsed as an adverb of "went to", a team credited with a place whose crew follows in
a "with" / "through" phrase, a podium named with its class. Sentences are written for these
tests (not taken from articles)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tests.extract._relations_harness import CAR, RACE, C, D, E, K, T, has, roles, run

PUB = dt.date(2025, 6, 9)  # a Monday
LEAD = "The Vallelunga 4 Hours of the GT Cup was held on Sunday. "
BASE: list[tuple[Any, ...]] = [
    ("Vallelunga 4 Hours", "vallelunga-4h", E, RACE),
    ("GT Cup", "gt-cup", C),
]
CREW: list[tuple[Any, ...]] = [
    ("Ann Alpha", "a", D),
    ("Bea Beta", "b", D),
    ("Cal Gamma", "c", D),
    ("Dan Delta", "d", D),
    ("Eve Epsilon", "e", D),
    ("Fay Phi", "f", D),
]


def _results(facts: list[Any]) -> set[tuple[Any, ...]]:
    return {
        (r["position"], r["classification"], frozenset(r.get("drivers") or ()))
        for r in roles(facts, "raceResult")
    }


def test_team_ended_up_fifth_with_its_crew() -> None:
    text = LEAD + "Green Lane Racing ended up fifth with Ann Alpha, Bea Beta and Cal Gamma."
    ents = [*BASE, ("Green Lane Racing", "green-lane", T), *CREW]
    facts = run(text, ents, published=PUB)
    assert (5, "overall", frozenset({"a", "b", "c"})) in _results(facts)
    assert has(facts, "raceResult", position=5, team="green-lane")
    assert has(facts, "memberOf", s="b", o="green-lane")


def test_team_taking_a_place_through_its_crew() -> None:
    text = LEAD + (
        "Ann Alpha and Bea Beta were runner-up in their Ferrari 296 GT3, with Green Lane Racing "
        "taking third through Cal Gamma, Dan Delta and Eve Epsilon."
    )
    ents = [*BASE, ("Green Lane Racing", "green-lane", T), ("Ferrari 296 GT3", "f296", CAR)]
    facts = run(text, ents + CREW, published=PUB)
    got = _results(facts)
    assert (3, "overall", frozenset({"c", "d", "e"})) in got
    assert not any(p == 3 and "a" in crew for p, _, crew in got)
    assert has(facts, "raceResult", position=3, team="green-lane")


def test_team_with_a_broken_car_has_no_crew() -> None:
    text = LEAD + "Green Lane Racing ended up fifth with a damaged splitter."
    ents = [*BASE, ("Green Lane Racing", "green-lane", T), *CREW]
    facts = run(text, ents, published=PUB)
    assert not any(crew for _, _, crew in _results(facts))


def test_podium_named_with_its_class_keeps_the_class() -> None:
    text = LEAD + (
        "In the Silver class, the Blue Owl Motorsport crew of Ann Alpha and Bea Beta won. "
        "Green Lane Racing completed the Silver class podium with Cal Gamma and Dan Delta."
    )
    ents = [
        *BASE,
        ("Silver", "silver", K),
        ("Blue Owl Motorsport", "blue-owl", T),
        ("Green Lane Racing", "green-lane", T),
        *CREW,
    ]
    got = _results(run(text, ents, published=PUB))
    assert (3, "silver", frozenset({"c", "d"})) in got


def test_place_as_adverb_of_went_to() -> None:
    text = LEAD + (
        "Fourth in class went to the #12 Green Lane Racing Porsche 911 GT3 R driven by Eve "
        "Epsilon and Fay Phi."
    )
    ents = [
        *BASE,
        ("Green Lane Racing", "green-lane", T),
        ("Porsche 911 GT3 R", "p911", CAR),
        *CREW,
    ]
    facts = run(text, ents, published=PUB)
    crews = [frozenset(r["drivers"]) for r in roles(facts, "raceResult") if r["position"] == 4]
    assert crews == [frozenset({"e", "f"})]
