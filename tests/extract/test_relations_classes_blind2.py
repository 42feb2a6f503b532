"""Entry counts, make counts, replacements and per-class line-up rules found on blind set 2
(tests/extract/blind2), each with a sentence of its own."""

from __future__ import annotations

import datetime as dt

from tests.extract._relations_harness import CAR, C, K, M, T, has, roles, run

PUB = dt.date(2025, 1, 20)


def test_n_car_grid_and_the_previous_season() -> None:
    text = "A 62-car grid will contest the 2025 Asian Le Mans Series, four more than last season."
    facts = run(text, [("Asian Le Mans Series", "alms", C)], published=PUB)
    assert has(facts, "entryCount", championship="alms", season=2025, count=62)
    assert has(facts, "entryCount", championship="alms", season=2024, count=58)


def test_class_counts_with_ellipsis_and_comparison() -> None:
    text = (
        "The GT World Challenge Asia has its classes set. Pro counts nine entries and "
        "Am 14, three fewer than last year."
    )
    facts = run(
        text,
        [("GT World Challenge Asia", "gtwca", C), ("Pro", "pro", K), ("Am", "am", K)],
        published=PUB,
    )
    assert has(facts, "entryCount", championship="gtwca", season=2025, count=9, **{"class": "pro"})
    assert has(facts, "entryCount", season=2025, count=14, **{"class": "am"})
    assert has(facts, "entryCount", season=2024, count=17, **{"class": "am"})
    assert not has(facts, "entryCount", count=6)
    assert has(facts, "classOf", s="am", o="gtwca", season=2025)


def test_class_grid_count_takes_the_championship_of_the_class() -> None:
    text = (
        "The GTD Pro class of the IMSA SportsCar Championship is growing. Next year the "
        "GTD Pro grid will count 11 full-season cars."
    )
    facts = run(
        text,
        [("IMSA SportsCar Championship", "imsa", C), ("GTD Pro", "gtdpro", K)],
        published=dt.date(2024, 11, 2),
    )
    assert has(facts, "entryCount", championship="imsa", count=11, **{"class": "gtdpro"})


def test_one_make_class_count() -> None:
    text = "In the 2025 ELMS, LMP2 is the largest class with 12 Oreca 07 entries."
    facts = run(
        text,
        [("ELMS", "elms", C), ("LMP2", "lmp2", K), ("Oreca", "oreca", M), ("Oreca 07", "o7", CAR)],
        published=PUB,
    )
    assert has(facts, "entryCount", count=12, **{"class": "lmp2"})
    assert has(facts, "manufacturerEntry", manufacturer="oreca", cars=12, **{"class": "lmp2"})


def test_makes_each_field_and_apiece() -> None:
    text = (
        "In the GT3 class of the 2025 IGTC, Audi, BMW and Ford each field four cars, with "
        "Honda and Nissan entering one apiece."
    )
    facts = run(
        text,
        [
            ("GT3", "gt3", K),
            ("IGTC", "igtc", C),
            ("Audi", "audi", M),
            ("BMW", "bmw", M),
            ("Ford", "ford", M),
            ("Honda", "honda", M),
            ("Nissan", "nissan", M),
        ],
        published=PUB,
    )
    for make in ("audi", "bmw", "ford"):
        assert has(facts, "manufacturerEntry", manufacturer=make, cars=4, championship="igtc")
    for make in ("honda", "nissan"):
        assert has(facts, "manufacturerEntry", manufacturer=make, cars=1, **{"class": "gt3"})


def test_a_team_runs_cars_of_a_make_and_others_complete_the_class() -> None:
    text = (
        "In the 2025 GTWC Europe Pro class, Emil Frey runs three Ferraris, and Lexus and "
        "Honda complete the class with one car each."
    )
    facts = run(
        text,
        [
            ("GTWC Europe", "gtwc", C),
            ("Pro", "pro", K),
            ("Emil Frey", "ef", T),
            ("Ferraris", "ferrari", M),
            ("Lexus", "lexus", M),
            ("Honda", "honda", M),
        ],
        published=PUB,
    )
    assert has(facts, "manufacturerEntry", manufacturer="ferrari", cars=3, team="ef")
    assert has(facts, "manufacturerEntry", manufacturer="lexus", cars=1)
    assert not has(facts, "manufacturerEntry", manufacturer="ferrari", cars=1)


def test_a_team_entering_cars_is_not_a_class_count() -> None:
    text = "For the 2025 ELMS, Nielsen Racing enters two LMP2 cars and one in LMP3."
    facts = run(
        text,
        [
            ("ELMS", "elms", C),
            ("Nielsen Racing", "nr", T),
            ("LMP2", "lmp2", K),
            ("LMP3", "lmp3", K),
        ],
        published=PUB,
    )
    assert not roles(facts, "entryCount")


def test_replacement_by_the_class_nearest_the_cue() -> None:
    text = "In the 2025 GT Cup, Pro, which now replaces the Pro-Am trophy, has eight cars."
    facts = run(
        text,
        [("GT Cup", "gtc", C), ("Pro", "pro", K), ("Pro-Am trophy", "proam", K)],
        published=PUB,
    )
    assert has(facts, "replaces", s="pro", o="proam")
    text2 = "In the 2025 GT Cup, LMP2 and Pro, which replaces the Pro-Am trophy, race together."
    facts2 = run(
        text2,
        [
            ("GT Cup", "gtc", C),
            ("LMP2", "lmp2", K),
            ("Pro", "pro", K),
            ("Pro-Am trophy", "proam", K),
        ],
        published=PUB,
    )
    assert not has(facts2, "replaces", s="lmp2")


def test_one_line_up_rule_per_class() -> None:
    text = (
        "In the 2025 ELMS, every LMP3 crew must include at least one bronze driver, and "
        "LMGT3 line-ups must contain two bronze drivers."
    )
    facts = run(
        text, [("ELMS", "elms", C), ("LMP3", "lmp3", K), ("LMGT3", "lmgt3", K)], published=PUB
    )
    rules = {r["class"]: r for r in roles(facts, "classRule")}
    assert set(rules) == {"lmp3", "lmgt3"}
    assert "two bronze" in str(rules["lmgt3"]["rule"])
