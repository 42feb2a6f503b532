"""Entry-list, class and line-up-rule mechanisms found on blind set 13 (tests/extract/blind13),
each on a sentence of its own: reserves "held as reserves", a previous count in a following
"That is N more than last year", one-make class counts ("all of them Oreca 07s", "the other
four are Ginettas"), "X completes the class with N", totals announced without "entry list",
list lines ("GTP - 10"), "down from N last season", "again ... each", "as do", "ahead of X
with N", a team's class "returns to LMP2 with two cars" (no class count), enumerated classes,
line-up rules per class with "may" / "needs", and "took part in the test ... in an LMP3"."""

from __future__ import annotations

import datetime as dt

from tests.extract._relations_harness import CAR, TEST, C, D, E, K, M, T, has, roles, run

PUB = dt.date(2025, 10, 7)


def test_reserves_held_and_a_previous_total_in_the_next_sentence() -> None:
    text = (
        "The Le Mans Cup has published a provisional entry list of 41 cars for the 2026 "
        "season, with two more entries held as reserves. That is five cars fewer than last "
        "year."
    )
    facts = run(text, [("Le Mans Cup", "lmc", C)], published=PUB)
    kw = {"championship": "lmc"}
    assert has(facts, "entryCount", count=41, season=2026, status="provisional", **kw)
    assert has(facts, "entryCount", count=2, season=2026, **kw)
    assert has(facts, "entryCount", count=46, season=2025, status="confirmed", **kw)


def test_one_make_class_counts_and_the_rest_of_a_class() -> None:
    text = (
        "The 2026 ELMS entry list is out. LMP2 has 15 entries, all of them Oreca 07s.\n\n"
        "In LMP3, Ligier supplies six of the ten cars; the other four are Ginetta G61s. "
        "Duqueine completes the class with two D09s run by Graff."
    )
    facts = run(
        text,
        [
            ("ELMS", "elms", C),
            ("LMP2", "lmp2", K),
            ("Oreca", "oreca", M),
            ("Oreca 07s", "oreca-07", CAR),
            ("LMP3", "lmp3", K),
            ("Ligier", "ligier", M),
            ("Ginetta", "ginetta", M),
            ("Ginetta G61s", "ginetta-g61", CAR),
            ("Duqueine", "duqueine", M),
            ("D09s", "duqueine-d09", CAR),
            ("Graff", "graff", T),
        ],
        published=PUB,
    )
    kw = {"championship": "elms", "season": 2026}
    assert has(facts, "entryCount", count=15, **{"class": "lmp2"}, **kw)
    assert has(
        facts, "manufacturerEntry", manufacturer="oreca", cars=15, car="oreca-07", **kw,
        **{"class": "lmp2"},
    )  # fmt: skip
    assert has(facts, "manufacturerEntry", manufacturer="ginetta", cars=4, **{"class": "lmp3"})
    assert has(facts, "manufacturerEntry", manufacturer="duqueine", cars=2, **{"class": "lmp3"})


def test_total_announced_without_entry_list_list_lines_and_down_from() -> None:
    text = (
        "IMSA has confirmed 52 full-season entries for the 2026 WeatherTech SportsCar "
        "Championship.\n"
        "Cars per class:\n"
        "GTP - 11\n"
        "GTD Pro: 15\n"
        "GTD - 26 cars\n\n"
        "The GTD Pro class is up from 12 cars last season."
    )
    facts = run(
        text,
        [
            ("WeatherTech SportsCar Championship", "imsa", C),
            ("GTP", "gtp", K),
            ("GTD Pro", "gtd-pro", K),
            ("GTD", "gtd", K),
        ],
        published=PUB,
    )
    kw = {"championship": "imsa", "status": "confirmed"}
    assert has(facts, "entryCount", count=52, season=2026, **kw)
    assert has(facts, "entryCount", count=11, season=2026, **{"class": "gtp"}, **kw)
    assert has(facts, "entryCount", count=15, season=2026, **{"class": "gtd-pro"}, **kw)
    assert has(facts, "entryCount", count=26, season=2026, **{"class": "gtd"}, **kw)
    assert has(facts, "entryCount", count=12, season=2025, **{"class": "gtd-pro"}, **kw)
    assert has(facts, "classOf", s="gtp", o="imsa", season=2026)


def test_a_bare_list_line_outside_an_entry_list_story_is_no_count() -> None:
    text = "Results by class:\nGTP - 3\nThe team was happy."
    facts = run(text, [("GTP", "gtp", K)], published=PUB)
    assert not roles(facts, "entryCount")


def test_again_each_as_do_and_ahead_of_with() -> None:
    text = (
        "In the 2026 GTD class, Audi and Ford again bring two cars each, as do Lexus and "
        "Acura. Ferrari leads the way with six cars, ahead of Porsche with five and "
        "McLaren with three."
    )
    makes = ["Audi", "Ford", "Lexus", "Acura", "Ferrari", "Porsche", "McLaren"]
    facts = run(
        text,
        [("GTD", "gtd", K)] + [(m, m.lower(), M) for m in makes],
        published=PUB,
    )
    for make, n in [("audi", 2), ("ford", 2), ("lexus", 2), ("acura", 2)]:
        assert has(facts, "manufacturerEntry", manufacturer=make, cars=n, **{"class": "gtd"})
    for make, n in [("ferrari", 6), ("porsche", 5), ("mclaren", 3)]:
        assert has(facts, "manufacturerEntry", manufacturer=make, cars=n, **{"class": "gtd"})


def test_a_team_returning_to_a_class_with_cars_is_no_class_count() -> None:
    text = (
        "The 2026 Asian Le Mans Series entry list has 36 cars. Inter Europol returns to "
        "LMP2 with three cars, and Comtoyou has entered two Aston Martins in GT."
    )
    facts = run(
        text,
        [
            ("Asian Le Mans Series", "alms", C),
            ("Inter Europol", "inter-europol", T),
            ("LMP2", "lmp2", K),
            ("Comtoyou", "comtoyou", T),
            ("Aston Martins", "aston-martin", M),
            ("GT", "gt", K),
        ],
        published=PUB,
    )
    assert not has(facts, "entryCount", **{"class": "lmp2"})
    assert has(facts, "manufacturerEntry", manufacturer="aston-martin", cars=2, team="comtoyou")


def test_enumerated_classes_and_classes_that_remain() -> None:
    text = (
        "The Asian Le Mans Series begins its 2026 season with the same three classes as last "
        "year: LMP2, LMP3 and GT. In the Le Mans Cup, which runs alongside, LMP3 and GT3 "
        "remain the two categories."
    )
    facts = run(
        text,
        [
            ("Asian Le Mans Series", "alms", C),
            ("LMP2", "lmp2", K),
            ("LMP3", "lmp3", K),
            ("GT", "gt", K),
            ("Le Mans Cup", "lmc", C),
            ("GT3", "gt3", K),
        ],
        published=PUB,
    )
    for k in ("lmp2", "lmp3", "gt"):
        assert has(facts, "classOf", s=k, o="alms", season=2026)
    assert not has(facts, "classOf", o="alms", season=2025)
    for k in ("lmp3", "gt3"):
        assert has(facts, "classOf", s=k, o="lmc", season=2026)


def test_line_up_rules_per_class_with_may_and_needs() -> None:
    text = (
        "For 2026, every GT3 crew must include a bronze-rated driver, and no LMP3 car may "
        "have more than one gold driver. In the Pro-Am class, each line-up needs two "
        "bronze drivers."
    )
    facts = run(
        text,
        [
            ("GT3", "gt3", K),
            ("LMP3", "lmp3", K),
            ("Pro-Am class", "pro-am", K),
        ],
        published=PUB,
    )
    rules = {r["class"]: r["rule"] for r in roles(facts, "classRule")}
    assert rules["gt3"] == "a bronze-rated driver"
    assert "one gold driver" in rules["lmp3"]
    assert rules["pro-am"] == "two bronze drivers"


def test_took_part_in_a_test_in_a_class_car_of_a_team() -> None:
    text = (
        "Mia Keller took part in the rookie test at Aragon in a Hypercar of Alpine, and Tom "
        "Dorn tested a Ligier JS P325 with Graff."
    )
    facts = run(
        text,
        [
            ("Mia Keller", "mia-keller", D),
            ("the rookie test", "rookie-test", E, TEST),
            ("Hypercar", "hypercar", K),
            ("Alpine", "alpine", T),
            ("Tom Dorn", "tom-dorn", D),
            ("Ligier JS P325", "ligier-js-p325", CAR),
            ("Graff", "graff", T),
        ],
        published=PUB,
    )
    assert has(facts, "tested", s="mia-keller", o="hypercar", event="rookie-test", team="alpine")
    assert has(facts, "tested", s="tom-dorn", o="ligier-js-p325", team="graff")
    assert not has(facts, "tested", s="tom-dorn", o="hypercar")


def test_a_class_of_one_conjunct_clause_is_not_the_next_clauses_class() -> None:
    text = (
        "For 2026, Audi fields four R8s in the Gold Cup, and Lexus is represented by two "
        "RC Fs. In GTD Pro, Ford will field two Mustangs, and Acura returns with a pair of "
        "NSXs."
    )
    facts = run(
        text,
        [
            ("Audi", "audi", M),
            ("R8s", "audi-r8", CAR),
            ("Gold Cup", "gold-cup", K),
            ("Lexus", "lexus", M),
            ("RC Fs", "lexus-rc-f", CAR),
            ("GTD Pro", "gtd-pro", K),
            ("Ford", "ford", M),
            ("Mustangs", "ford-mustang", CAR),
            ("Acura", "acura", M),
            ("NSXs", "acura-nsx", CAR),
        ],
        published=PUB,
    )
    assert has(facts, "manufacturerEntry", manufacturer="audi", cars=4, **{"class": "gold-cup"})
    assert has(facts, "manufacturerEntry", manufacturer="lexus", cars=2, **{"class": None})
    assert not has(facts, "manufacturerEntry", manufacturer="lexus", **{"class": "gold-cup"})
    # a sentence-opening "In GTD Pro," frames every clause
    assert has(facts, "manufacturerEntry", manufacturer="acura", cars=2, **{"class": "gtd-pro"})


def test_cars_a_make_plans_to_run_and_a_make_in_the_plural_after_a_team() -> None:
    text = (
        "Alpine has yet to name the drivers of the two A424s it plans to run in the Hypercar "
        "class of the 2026 FIA World Endurance Championship. Iron Lynx has entered three "
        "Lamborghinis, all of them in LMGT3."
    )
    facts = run(
        text,
        [
            ("Alpine", "alpine", M),
            ("A424s", "alpine-a424", CAR),
            ("Hypercar", "hypercar", K),
            ("FIA World Endurance Championship", "fia-wec", C),
            ("Iron Lynx", "iron-lynx", T),
            ("LMGT3", "lmgt3", K),
        ],
        published=PUB,
    )
    kw = {"championship": "fia-wec", "season": 2026}
    assert has(facts, "manufacturerEntry", manufacturer="alpine", cars=2, **{"class": "hypercar"})
    assert has(facts, "classOf", s="hypercar", o="fia-wec", season=2026)
    assert has(
        facts, "manufacturerEntry", manufacturer="lamborghini", cars=3, team="iron-lynx", **kw,
        **{"class": "lmgt3"},
    )  # fmt: skip
