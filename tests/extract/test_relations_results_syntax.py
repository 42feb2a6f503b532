"""Results read from the dependency parse (relations/result_syntax.py): the crew a cue governs
through relative clauses, passives, participles, possessives and "with X third". Sentences
are written for these tests (not taken from articles)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tests.extract._relations_harness import CAR, RACE, C, D, E, K, T, has, roles, run

PUB = dt.date(2025, 5, 5)  # a Monday
LEAD = "The Imola 6 Hours of the GT Cup was held on Sunday. "
BASE: list[tuple[Any, ...]] = [("Imola 6 Hours", "imola-6h", E, RACE), ("GT Cup", "gt-cup", C)]


def _results(facts: list[Any], relation: str = "raceResult") -> set[tuple[Any, ...]]:
    return {
        (r["position"], r.get("classification", r.get("kind")), frozenset(r.get("drivers") or ()))
        for r in roles(facts, relation)
    }


def test_relative_clause_gives_the_crew_of_its_noun() -> None:
    text = LEAD + (
        "Ann Alpha and Bea Beta won the class, finishing ahead of the Red Fox Racing Ferrari of "
        "Cal Gamma and Dan Delta, who were second in class."
    )
    ents = [
        *BASE,
        ("Red Fox Racing", "red-fox", T),
        ("Ann Alpha", "a", D),
        ("Bea Beta", "b", D),
        ("Cal Gamma", "c", D),
        ("Dan Delta", "d", D),
    ]
    got = _results(run(text, ents, published=PUB))
    assert (2, "overall", frozenset({"c", "d"})) in got
    assert not any(p == 2 and "a" in crew for p, _, crew in got)


def test_passive_win_and_qualifying_in_a_relative_clause() -> None:
    text = LEAD + (
        "The race was won by Ann Alpha and Bea Beta, who had qualified fourth in the #99 "
        "Blue Owl Motorsport McLaren 720S GT3 Evo."
    )
    ents = [
        *BASE,
        ("Blue Owl Motorsport", "blue-owl", T),
        ("McLaren 720S GT3 Evo", "m720", CAR),
        ("Ann Alpha", "a", D),
        ("Bea Beta", "b", D),
    ]
    facts = run(text, ents, published=PUB)
    assert (1, "overall", frozenset({"a", "b"})) in _results(facts)
    assert (4, "qualifying", frozenset({"a", "b"})) in _results(facts, "gridPosition")


def test_subject_place_goes_to_the_crew_of_a_participle() -> None:
    text = LEAD + (
        "Third in class went to the #31 Red Fox Racing Ferrari 296 GT3 driven by Ann Alpha, "
        "Bea Beta and Cal Gamma."
    )
    ents = [
        *BASE,
        ("Red Fox Racing", "red-fox", T),
        ("Ferrari 296 GT3", "f296", CAR),
        ("Ann Alpha", "a", D),
        ("Bea Beta", "b", D),
        ("Cal Gamma", "c", D),
    ]
    facts = run(text, ents, published=PUB)
    crews = [frozenset(r["drivers"]) for r in roles(facts, "raceResult") if r["position"] == 3]
    assert crews == [frozenset({"a", "b", "c"})]
    assert has(facts, "raceResult", position=3, team="red-fox", car="f296")


def test_ordinal_after_a_with_phrase_is_that_crews() -> None:
    text = LEAD + (
        "Ann Alpha/Bea Beta took P2 for Red Fox Racing, with the #14 Blue Owl Motorsport "
        "Lexus of Cal Gamma and Dan Delta third."
    )
    ents = [
        *BASE,
        ("Red Fox Racing", "red-fox", T),
        ("Blue Owl Motorsport", "blue-owl", T),
        ("Ann Alpha", "a", D),
        ("Bea Beta", "b", D),
        ("Cal Gamma", "c", D),
        ("Dan Delta", "d", D),
    ]
    got = _results(run(text, ents, published=PUB))
    assert (3, "overall", frozenset({"c", "d"})) in got
    assert not any(p == 3 and "a" in crew for p, _, crew in got)


def test_place_taken_away_is_no_result() -> None:
    text = LEAD + (
        "The #6 Red Fox Racing Ferrari of Ann Alpha and Bea Beta was classified third after a "
        "penalty cost it the runner-up spot."
    )
    ents = [*BASE, ("Red Fox Racing", "red-fox", T), ("Ann Alpha", "a", D), ("Bea Beta", "b", D)]
    got = _results(run(text, ents, published=PUB))
    assert (3, "overall", frozenset({"a", "b"})) in got
    assert not any(p == 2 for p, _, _ in got)


def test_pole_in_a_relative_clause_of_the_car_and_a_crew_partner() -> None:
    text = LEAD + (
        "Ann Alpha and Bea Beta, who share the #8 Ferrari 296 GT3 with Cal Gamma, could only "
        "manage fifth. The #91 Ferrari 296 GT3 of Dan Delta, Eve Epsilon and Fay Phi, which "
        "had been on pole, took fourth."
    )
    ents = [
        *BASE,
        ("Ferrari 296 GT3", "f296", CAR),
        ("Ann Alpha", "a", D),
        ("Bea Beta", "b", D),
        ("Cal Gamma", "c", D),
        ("Dan Delta", "d", D),
        ("Eve Epsilon", "e", D),
        ("Fay Phi", "f", D),
    ]
    facts = run(text, ents, published=PUB)
    assert (5, "overall", frozenset({"a", "b", "c"})) in _results(facts)
    assert (1, "pole", frozenset({"d", "e", "f"})) in _results(facts, "gridPosition")
    pairs = {frozenset((r["s"], r["o"])) for r in roles(facts, "coDriver")}
    assert frozenset(("a", "c")) in pairs


def test_possessive_crew_and_a_class_named_on_the_win() -> None:
    text = LEAD + (
        "Ann Alpha and Bea Beta repeated their Pro-Am win, while Cal Gamma and Dan Delta's "
        "Ferrari 296 GT3 finished sixth overall."
    )
    ents = [
        *BASE,
        ("Pro-Am", "pro-am", K),
        ("Ferrari 296 GT3", "f296", CAR),
        ("Ann Alpha", "a", D),
        ("Bea Beta", "b", D),
        ("Cal Gamma", "c", D),
        ("Dan Delta", "d", D),
    ]
    got = _results(run(text, ents, published=PUB))
    assert (1, "pro-am", frozenset({"a", "b"})) in got
    assert (6, "overall", frozenset({"c", "d"})) in got


def test_a_win_credited_to_a_team_keeps_the_crew_it_possesses() -> None:
    text = LEAD + "LMP2 victory went to Red Fox Racing's Ann Alpha, Bea Beta and Cal Gamma."
    ents = [
        *BASE,
        ("LMP2", "lmp2", K),
        ("Red Fox Racing", "red-fox", T),
        ("Ann Alpha", "a", D),
        ("Bea Beta", "b", D),
        ("Cal Gamma", "c", D),
    ]
    results = roles(run(text, ents, published=PUB), "raceResult")
    got = [(r["position"], frozenset(r.get("drivers") or ()), r.get("team")) for r in results]
    assert got == [(1, frozenset({"a", "b", "c"}), "red-fox")]
