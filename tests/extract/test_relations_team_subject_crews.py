"""A result whose subject is a team (or its car) and whose crew follows in a phrase of the
clause: "with A and B", an apposition, "thanks to", an absolute clause ("A and B sharing the
#7"), "went to Team X with A and B", a relative clause ("whose Porsche was driven by"). The
crew is the result's drivers; the team, car and class stay. A "with" phrase that is no crew
("after a battle with A", "with A retiring", "with A and B fourth") credits nobody. Own
sentences."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from spacy.language import Language

from racegraph.reference import Reference
from tests.extract._pipeline_harness import extract
from tests.extract._relations_harness import CAR, RACE, C, D, E, K, T, has, roles, run

PUB = dt.date(2025, 5, 5)  # a Monday
OPENING = (
    "Ann Alpha and Bea Beta won the Imola 6 Hours on Sunday, the second round of the GT Cup, "
    "for Red Racing. "
)
MENTIONS = [
    ("the Imola 6 Hours", "imola-6h", E, RACE),
    ("GT Cup", "gt-cup", C),
    ("Ann Alpha", "a", D),
    ("Bea Beta", "b", D),
    ("Cal Gamma", "c", D),
    ("Dan Delta", "d", D),
    ("Eve Epsilon", "e", D),
    ("Red Racing", "red", T),
    ("Blue Motorsport", "blue", T),
    ("Green Team", "green", T),
    ("LMP2", "lmp2", K),
    ("GT3", "gt3", K),
    ("Oreca", "oreca", CAR),
    ("Ferrari", "ferrari", CAR),
    ("Porsche", "porsche", CAR),
]


def _results(sentence: str) -> list[dict[str, Any]]:
    facts = run(OPENING + sentence, MENTIONS, published=PUB)
    return [r for r in roles(facts, "raceResult") if r["position"] != 1]


def _only(sentence: str) -> dict[str, Any]:
    (result,) = _results(sentence)
    return result


@pytest.mark.parametrize(
    ("sentence", "position", "classification"),
    [
        ("Blue Motorsport was third with Cal Gamma and Dan Delta.", 3, "overall"),
        ("Blue Motorsport, with Cal Gamma and Dan Delta, finished third.", 3, "overall"),
        ("Blue Motorsport took third in LMP2 thanks to Cal Gamma and Dan Delta.", 3, "lmp2"),
        ("Blue Motorsport claimed third in GT3 courtesy of Cal Gamma and Dan Delta.", 3, "gt3"),
        ("Third went to Blue Motorsport with Cal Gamma and Dan Delta.", 3, "overall"),
        ("Blue Motorsport were fifth through Cal Gamma and Dan Delta.", 5, "overall"),
    ],
)
def test_a_crew_credited_to_the_team_subject_is_the_results_crew(
    sentence: str, position: int, classification: str
) -> None:
    r = _only(sentence)
    assert set(r["drivers"]) == {"c", "d"}
    assert r["team"] == "blue"
    assert r["position"] == position
    assert r["classification"] == classification


def test_a_with_clause_of_the_crew_sharing_the_car() -> None:
    r = _only(
        "Blue Motorsport finished fourth in LMP2, with Cal Gamma and Dan Delta sharing the Oreca."
    )
    assert (set(r["drivers"]), r["team"], r["position"]) == ({"c", "d"}, "blue", 4)
    assert (r["classification"], r["car"]) == ("lmp2", "oreca")


def test_an_absolute_clause_names_the_crew_and_its_car() -> None:
    r = _only("Blue Motorsport finished sixth, Cal Gamma and Dan Delta sharing the #7 Porsche.")
    assert (set(r["drivers"]), r["team"], r["position"]) == ({"c", "d"}, "blue", 6)
    assert r["car"] == "porsche"


def test_the_car_of_a_team_as_subject_with_an_absolute_crew() -> None:
    r = _only(
        "The #51 Ferrari of Blue Motorsport took second, Cal Gamma and Dan Delta having led early."
    )
    assert (set(r["drivers"]), r["team"], r["car"]) == ({"c", "d"}, "blue", "ferrari")
    assert r["position"] == 2


def test_the_teams_crew_of_three_after_completing_the_podium() -> None:
    r = _only(
        "Blue Motorsport completed the podium in GT3 with its crew of Cal Gamma, Dan Delta "
        "and Eve Epsilon."
    )
    assert (set(r["drivers"]), r["team"], r["classification"]) == ({"c", "d", "e"}, "blue", "gt3")
    assert r["position"] == 3


def test_a_place_that_went_to_a_team_whose_car_was_driven_by_a_crew() -> None:
    r = _only(
        "Second place went to Blue Motorsport, whose Porsche was driven by Cal Gamma and Dan Delta."
    )
    assert (set(r["drivers"]), r["team"], r["car"], r["position"]) == (
        {"c", "d"},
        "blue",
        "porsche",
        2,
    )


def test_the_credited_crew_are_co_drivers() -> None:
    sentence = "Blue Motorsport, with Cal Gamma and Dan Delta, finished third."
    facts = run(OPENING + sentence, MENTIONS)
    pairs = {frozenset((r["s"], r["o"])) for r in roles(facts, "coDriver")}
    assert frozenset(("c", "d")) in pairs


@pytest.mark.parametrize(
    "sentence",
    [
        "Blue Motorsport was third, while Cal Gamma and Dan Delta retired.",
        "Blue Motorsport was third, Cal Gamma and Dan Delta having retired early.",
        "Blue Motorsport was third, with Cal Gamma and Dan Delta retiring.",
        "Blue Motorsport finished third after a battle with Cal Gamma and Dan Delta.",
        "Blue Motorsport was classified third despite a collision with Cal Gamma and Dan Delta.",
        "Blue Motorsport was third, ahead of Cal Gamma and Dan Delta.",
    ],
)
def test_drivers_outside_the_teams_crew_are_not_credited(sentence: str) -> None:
    # a crew that retired has a result of its own, without a place (DNF)
    (r,) = [r for r in _results(sentence) if r["position"] != "DNF"]
    assert (r["team"], r["position"]) == ("blue", 3)
    assert not r.get("drivers")


def test_a_with_phrase_stating_its_own_place_is_another_result() -> None:
    facts = run(
        OPENING
        + "Blue Motorsport finished third, with Green Team's Cal Gamma and Dan Delta fourth.",
        MENTIONS,
        published=PUB,
    )
    assert has(facts, "raceResult", position=3, team="blue")
    assert not any(r.get("drivers") for r in roles(facts, "raceResult") if r["position"] == 3)
    assert has(facts, "raceResult", position=4, team="green", drivers=("c", "d"))


def test_the_crew_of_a_team_placed_in_a_report_are_drivers(
    nlp: Language, reference: Reference
) -> None:
    """Through the whole pipeline: persons named only as the crew of a team's place ("was
    third with A and B") are typed as drivers, so the result keeps them."""
    text = (
        "Racing Spirit of Leman won the 4 Hours of Imola on Sunday, the second round of the "
        "European Le Mans Series. United Autosports was third with Jorge Almeida and Pietro "
        "Castellan."
    )
    extraction = extract(nlp, reference, text)
    third = [dict(f.args) for f in extraction.facts if f.relation == "raceResult"]
    third = [r for r in third if r["position"] == 3]
    assert [(r["team"], set(r.get("drivers", ()))) for r in third] == [
        ("united-autosports", {"jorge-almeida", "pietro-castellan"})
    ]
