"""Result shapes read from the parse (relations/result_syntax.py) that earlier rules missed:
a place parsed as an adverb of "went to", a team credited with a place whose crew follows in
a "with" / "through" phrase, a podium named with its class. Sentences are written for these
tests (not taken from articles)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tests.extract._relations_harness import CAR, RACE, C, D, E, K, M, T, has, roles, run

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


def test_make_one_two_takes_the_crews_of_the_next_sentence() -> None:
    text = (
        "Lancia scored a one-two in the Vallelunga 4 Hours of the GT Cup on Sunday.\n\n"
        "Ann Alpha and Bea Beta brought the #5 Lancia home ahead of the sister car shared by "
        "Cal Gamma and Dan Delta."
    )
    ents = [*BASE, ("Lancia", "lancia", M), *CREW]
    got = _results(run(text, ents, published=PUB))
    assert (1, "overall", frozenset({"a", "b"})) in got
    assert (2, "overall", frozenset({"c", "d"})) in got


def test_one_place_behind_gives_the_place_before() -> None:
    text = LEAD + (
        "Ann Alpha and Bea Beta could only manage sixth, one place behind the Green Lane Racing "
        "entry of Cal Gamma and Dan Delta."
    )
    ents = [*BASE, ("Green Lane Racing", "green-lane", T), *CREW]
    facts = run(text, ents, published=PUB)
    got = _results(facts)
    assert (6, "overall", frozenset({"a", "b"})) in got
    assert (5, "overall", frozenset({"c", "d"})) in got
    assert has(facts, "raceResult", position=5, team="green-lane")


def test_behind_alone_does_not_give_a_place() -> None:
    text = LEAD + (
        "Ann Alpha and Bea Beta finished sixth behind the Green Lane Racing entry of Cal Gamma "
        "and Dan Delta."
    )
    ents = [*BASE, ("Green Lane Racing", "green-lane", T), *CREW]
    got = _results(run(text, ents, published=PUB))
    assert (6, "overall", frozenset({"a", "b"})) in got
    assert not any("c" in crew for _, _, crew in got)


def test_winner_beat_a_crew_to_class_honours() -> None:
    text = LEAD + (
        "In the Silver class, the #5 Blue Owl Motorsport Audi of Ann Alpha and Bea Beta beat the "
        "Green Lane Racing crew of Cal Gamma and Dan Delta to class honours by four seconds."
    )
    ents = [
        *BASE,
        ("Silver", "silver", K),
        ("Blue Owl Motorsport", "blue-owl", T),
        ("Green Lane Racing", "green-lane", T),
        *CREW,
    ]
    got = _results(run(text, ents, published=PUB))
    assert (1, "silver", frozenset({"a", "b"})) in got
    assert (2, "silver", frozenset({"c", "d"})) in got


def test_rival_of_the_pair_before_in_a_sentence_without_a_place() -> None:
    text = LEAD + (
        "Ann Alpha and Bea Beta won the race in the #7 Blue Owl Motorsport Audi. "
        "Bea Beta took the lead at the restart and beat Cal Gamma and Dan Delta by two seconds."
    )
    ents = [*BASE, ("Blue Owl Motorsport", "blue-owl", T), *CREW]
    got = _results(run(text, ents, published=PUB))
    assert (2, "overall", frozenset({"c", "d"})) in got


def test_class_of_a_one_class_report_carries_to_later_paragraphs() -> None:
    text = (
        "Blue Owl Motorsport claimed Silver victory in the Vallelunga 4 Hours of the GT Cup on "
        "Sunday with Ann Alpha and Bea Beta.\n\n"
        "The best of the rest was the #8 Green Lane Racing Audi of Cal Gamma and Dan Delta in "
        "third."
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


def test_class_does_not_carry_after_an_overall_result() -> None:
    text = (
        "Ann Alpha and Bea Beta won the Vallelunga 4 Hours of the GT Cup overall on Sunday, "
        "while Blue Owl Motorsport took Silver victory with Eve Epsilon and Fay Phi.\n\n"
        "The #8 Green Lane Racing Audi of Cal Gamma and Dan Delta finished third."
    )
    ents = [
        *BASE,
        ("Silver", "silver", K),
        ("Blue Owl Motorsport", "blue-owl", T),
        ("Green Lane Racing", "green-lane", T),
        *CREW,
    ]
    got = _results(run(text, ents, published=PUB))
    assert (3, "overall", frozenset({"c", "d"})) in got


def test_team_win_as_its_crew_brought_the_car_home() -> None:
    text = LEAD + (
        "Blue Owl Motorsport won the race, as Ann Alpha, Bea Beta and Cal Gamma brought the #7 "
        "Audi home ten seconds clear of the field."
    )
    ents = [*BASE, ("Blue Owl Motorsport", "blue-owl", T), *CREW]
    facts = run(text, ents, published=PUB)
    assert (1, "overall", frozenset({"a", "b", "c"})) in _results(facts)
    assert has(facts, "raceResult", position=1, team="blue-owl")


def test_team_win_as_a_driver_crashed_gives_no_crew() -> None:
    text = LEAD + "Blue Owl Motorsport won the race, as Ann Alpha crashed out of second place."
    ents = [*BASE, ("Blue Owl Motorsport", "blue-owl", T), *CREW]
    got = _results(run(text, ents, published=PUB))
    assert not any(p == 1 and "a" in crew for p, _, crew in got)


def test_team_place_takes_the_crew_of_its_after_clause() -> None:
    text = LEAD + (
        "Green Lane Racing ended up P5 after a long pit stop dropped Cal Gamma and Dan Delta "
        "behind the #9 Blue Owl Motorsport Audi of Eve Epsilon and Fay Phi."
    )
    ents = [*BASE, ("Green Lane Racing", "green-lane", T), ("Blue Owl Motorsport", "bo", T)]
    facts = run(text, ents + CREW, published=PUB)
    got = _results(facts)
    assert (5, "overall", frozenset({"c", "d"})) in got
    assert not any(p == 5 and "e" in crew for p, _, crew in got)
    assert has(facts, "raceResult", position=5, team="green-lane")


def test_team_place_after_a_lone_driver_gives_no_crew() -> None:
    text = LEAD + "Green Lane Racing ended up P5 after Eve Epsilon spun them at the hairpin."
    ents = [*BASE, ("Green Lane Racing", "green-lane", T), *CREW]
    got = _results(run(text, ents, published=PUB))
    assert not any("e" in crew for _, _, crew in got)


def test_winning_car_of_an_earlier_year_is_no_result_of_the_race() -> None:
    text = (
        "Blue Owl Motorsport won the Vallelunga 4 Hours of the GT Cup on Sunday, as Ann Alpha "
        "and Bea Beta brought the #7 Audi home.\n\n"
        "The team last won the race in 2021, when Ann Alpha shared the winning car with Eve "
        "Epsilon and Fay Phi."
    )
    ents = [*BASE, ("Blue Owl Motorsport", "blue-owl", T), *CREW]
    got = _results(run(text, ents, published=PUB))
    assert (1, "overall", frozenset({"a", "b"})) in got
    assert not any("e" in crew for _, _, crew in got)
