"""Entry counts and make counts found on blind set 5 (tests/extract/blind5), each with a
sentence of its own."""

from __future__ import annotations

import datetime as dt

from tests.extract._relations_harness import CAR, C, K, M, has, run

PUB = dt.date(2025, 3, 3)


def test_class_is_n_strong_and_a_year_named_comparison() -> None:
    text = (
        "In the 2025 Asian Le Mans Series the LMP3 class is 14 strong, two cars more than in 2024."
    )
    facts = run(text, [("Asian Le Mans Series", "alms", C), ("LMP3", "lmp3", K)], published=PUB)
    assert has(facts, "entryCount", championship="alms", season=2025, count=14, **{"class": "lmp3"})
    assert has(facts, "entryCount", season=2024, count=12, **{"class": "lmp3"})
    assert has(facts, "classOf", s="lmp3", o="alms", season=2025)
    assert not has(facts, "classOf", s="lmp3", season=2024)


def test_accounts_for_n_of_the_entries_down_from_last_year() -> None:
    text = (
        "The Michelin Le Mans Cup grid is set. GT3 accounts for 21 of the entries, down from "
        "24 last year, and LMP3 makes up the rest of the field with 19."
    )
    facts = run(
        text,
        [("Michelin Le Mans Cup", "mlmc", C), ("GT3", "gt3", K), ("LMP3", "lmp3", K)],
        published=PUB,
    )
    assert has(facts, "entryCount", championship="mlmc", season=2025, count=21, **{"class": "gt3"})
    assert has(facts, "entryCount", season=2024, count=24, **{"class": "gt3"})
    assert has(facts, "entryCount", season=2025, count=19, **{"class": "lmp3"})


def test_make_fields_n_models_with_ellipsis_and_an_extra_car() -> None:
    text = (
        "In the Hypercar class of the 2025 FIA World Endurance Championship, Toyota fields two "
        "GR010s, Alpine three A424s and Ferrari will field two 499Ps and a customer car."
    )
    facts = run(
        text,
        [
            ("Hypercar", "hypercar", K),
            ("FIA World Endurance Championship", "wec", C),
            ("Toyota", "toyota", M),
            ("Alpine", "alpine", M),
            ("Ferrari", "ferrari", M),
            ("499Ps", "ferrari-499p", CAR),
        ],
        published=PUB,
    )
    kw = {"championship": "wec", "season": 2025, "class": "hypercar"}
    assert has(facts, "manufacturerEntry", manufacturer="toyota", cars=2, **kw)
    assert has(facts, "manufacturerEntry", manufacturer="alpine", cars=3, **kw)
    assert has(facts, "manufacturerEntry", manufacturer="ferrari", cars=3, **kw)
    assert not has(facts, "manufacturerEntry", manufacturer="ferrari", cars=2)


def test_pair_of_represented_by_each_and_respectively() -> None:
    text = (
        "The 2025 ELMS LMGT3 class is 12 strong. Chevrolet returns with a pair of Corvettes, "
        "Lexus and Ford are represented by two cars each, with Porsche and BMW rounding out "
        "the class with four and two cars respectively."
    )
    facts = run(
        text,
        [
            ("ELMS", "elms", C),
            ("LMGT3", "lmgt3", K),
            ("Chevrolet", "chevrolet", M),
            ("Lexus", "lexus", M),
            ("Ford", "ford", M),
            ("Porsche", "porsche", M),
            ("BMW", "bmw", M),
        ],
        published=PUB,
    )
    kw = {"championship": "elms", "season": 2025, "class": "lmgt3"}
    assert has(facts, "entryCount", count=12, **kw)
    for make, cars in (("chevrolet", 2), ("lexus", 2), ("ford", 2), ("porsche", 4), ("bmw", 2)):
        assert has(facts, "manufacturerEntry", manufacturer=make, cars=cars, **kw), make
