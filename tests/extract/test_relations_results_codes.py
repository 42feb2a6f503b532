"""Class codes as result cues ('took GT300 honours', 'won GT500') and starting slots
('started from P3'). Sentences are written for these tests (not taken from articles)."""

from __future__ import annotations

import datetime as dt

from racegraph.extract.relations._oracle import Placement
from tests.extract._relations_harness import RACE, C, D, E, K, has, roles, run

PUB = dt.date(2024, 8, 5)  # a Monday
_RACE: list[Placement] = [
    ("Fuji 350km", "fuji", E, RACE),
    ("Super GT", "sgt", C),
    ("Ann Alpha", "a", D),
    ("Bea Beta", "b", D),
]
_PREFIX = "At the Fuji 350km of Super GT on Sunday, "


def test_took_class_code_honours_is_a_class_win() -> None:
    text = _PREFIX + "Ann Alpha and Bea Beta took GT300 honours."
    facts = run(text, [*_RACE, ("GT300", "gt300", K)], published=PUB)
    assert has(facts, "raceResult", event="fuji", position=1, classification="gt300")
    assert set(roles(facts, "raceResult")[0]["drivers"]) == {"a", "b"}


def test_won_class_code_is_a_class_win() -> None:
    text = _PREFIX + "Ann Alpha and Bea Beta won GT500 after a late safety car."
    facts = run(text, [*_RACE, ("GT500", "gt500", K)], published=PUB)
    assert has(facts, "raceResult", event="fuji", position=1, classification="gt500")
    assert not has(facts, "raceResult", classification="overall")


def test_started_from_p3_is_a_grid_slot_not_a_finish() -> None:
    text = _PREFIX + "Ann Alpha started from P3 but faded in the closing stint."
    facts = run(text, _RACE, published=PUB)
    assert has(facts, "gridPosition", event="fuji", position=3, kind="grid", drivers=("a",))
    assert not has(facts, "raceResult", position=3)


def test_lined_up_and_started_from_an_ordinal_are_grid_slots() -> None:
    text = _PREFIX + "Ann Alpha lined up fourth, while Bea Beta started from sixth."
    facts = run(text, _RACE, published=PUB)
    assert has(facts, "gridPosition", position=4, kind="grid", drivers=("a",))
    assert has(facts, "gridPosition", position=6, kind="grid", drivers=("b",))
    assert not roles(facts, "raceResult")


def test_ordinal_in_class_takes_the_class_of_the_paragraph() -> None:
    text = _PREFIX + "Cal Gamma won in GT300. Ann Alpha and Bea Beta finished third in class."
    facts = run(text, [*_RACE, ("GT300", "gt300", K), ("Cal Gamma", "c", D)], published=PUB)
    assert has(facts, "raceResult", position=1, classification="gt300", drivers=("c",))
    assert has(facts, "raceResult", position=3, classification="gt300", drivers=("a", "b"))
    assert not has(facts, "raceResult", classification="overall")
