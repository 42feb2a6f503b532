"""Events (eventOf, heldAt, eventDate) and classes / entries (classOf, replaces, classRule,
entryCount, manufacturerEntry, manufacturerOf, tested)."""

from __future__ import annotations

import datetime as dt

from tests.extract._relations_harness import (
    CAR,
    CAT,
    TEST,
    C,
    D,
    E,
    K,
    M,
    N,
    T,
    V,
    has,
    roles,
    run,
)

PUB = dt.date(2024, 11, 20)


def test_round_of_a_championship_and_venue() -> None:
    text = "Round three of the Sprint Cup at Brands Hatch, England, drew a big crowd."
    facts = run(
        text,
        [
            ("Sprint Cup", "sprint-cup", C),
            ("Brands Hatch", "brands-hatch", V),
            ("England", "gb", N),
        ],
        published=PUB,
    )
    rounds = roles(facts, "eventOf")
    assert rounds and rounds[0]["o"] == "sprint-cup" and rounds[0]["round"] == 3
    event = rounds[0]["s"]
    assert has(facts, "heldAt", s=event, o="brands-hatch")
    assert has(facts, "heldAt", s=event, o="gb")


def test_event_of_and_held_at_ties() -> None:
    text = (
        "Jack Aitken attended the season finale of the IMSA series in Atlanta and took part "
        "in the rookie test."
    )
    facts = run(
        text,
        [
            ("Jack Aitken", "ja", D),
            ("the season finale", "imsa-finale", E),
            ("IMSA", "imsa", C),
            ("Atlanta", "atlanta", V),
            ("the rookie test", "imsa-test", E, TEST),
        ],
        published=PUB,
    )
    assert has(facts, "eventOf", s="imsa-finale", o="imsa", season=2024)
    assert has(facts, "heldAt", s="imsa-finale", o="atlanta")
    assert has(facts, "heldAt", s="imsa-test", o="atlanta")


def test_replacement_and_class_of() -> None:
    text = "The new LMGT3 class of the ELMS will replace the GTE class next season."
    facts = run(
        text, [("LMGT3", "lmgt3", K), ("ELMS", "elms", C), ("GTE", "gte", K)], published=PUB
    )
    assert has(facts, "replaces", s="lmgt3", o="gte", championship="elms", season=2025)
    assert has(facts, "classOf", s="lmgt3", o="elms", season=2025)
    assert has(facts, "classOf", s="gte", o="elms", season=2024)
    facts = run(
        "In the IMSA series, the replacement of GTD Pro by GTP was never discussed.",
        [("IMSA", "imsa", C), ("GTD Pro", "gtd-pro", K), ("GTP", "gtp", K)],
        published=PUB,
    )
    assert has(facts, "replaces", s="gtp", o="gtd-pro", championship="imsa")


def test_class_rule_requirements() -> None:
    text = (
        "In the ELMS, the LMP2 Pro-Am class regulations require at least one bronze-rated "
        "driver, along with one driver who is usually silver or gold."
    )
    facts = run(
        text,
        [
            ("ELMS", "elms", C),
            ("LMP2 Pro-Am", "lmp2-pro-am", K),
            ("bronze", "bronze", CAT),
            ("silver", "silver", CAT),
            ("gold", "gold", CAT),
        ],
        published=PUB,
    )
    (rule,) = roles(facts, "classRule")
    assert rule["class"] == "lmp2-pro-am" and rule["championship"] == "elms"
    reqs = rule["structured"]
    assert reqs[0].categories == ("bronze",) and reqs[0].minimum and reqs[0].count == 1
    assert reqs[1].categories == ("silver", "gold") and reqs[1].strictness == "usually"
    assert rule["lineupSize"] == 2


def test_entry_counts_and_manufacturer_entries() -> None:
    text = (
        "The IMSA series published a provisional 2025 entry list featuring 12 cars in the "
        "GTP class and 20 in GTD. The GTD class will see eight manufacturers, each with "
        "two cars, including Ford, Lexus and Acura."
    )
    facts = run(
        text,
        [
            ("IMSA", "imsa", C),
            ("GTP", "gtp", K),
            ("GTD", "gtd", K),
            ("Ford", "ford", M),
            ("Lexus", "lexus", M),
            ("Acura", "acura", M),
        ],
        published=PUB,
    )
    assert has(
        facts,
        "entryCount",
        championship="imsa",
        season=2025,
        count=12,
        status="provisional",
        **{"class": "gtp"},
    )
    assert has(facts, "entryCount", count=20, **{"class": "gtd"})
    for m in ("ford", "lexus", "acura"):
        assert has(facts, "manufacturerEntry", manufacturer=m, cars=2, **{"class": "gtd"})
    facts = run(
        "In the WEC, Rossi drives one of the two Porsche 911 GT3 Rs run by Manthey.",
        [
            ("WEC", "wec", C),
            ("Rossi", "vr", D),
            ("Porsche 911 GT3 Rs", "porsche-911-gt3-r", CAR),
            ("Manthey", "manthey", T),
            ("Porsche", "porsche", M),
        ],
        published=PUB,
    )
    assert has(facts, "manufacturerEntry", manufacturer="porsche", cars=2, team="manthey")


def test_n_car_entry_list() -> None:
    text = "The DTM revealed a 20-car entry list for the new season."
    facts = run(text, [("DTM", "dtm", C)], published=PUB)
    assert has(facts, "entryCount", championship="dtm", count=20, status="confirmed")


def test_tested_class_and_car_in_a_test() -> None:
    text = (
        "Felipe Drugovich took part in the rookie test. During the test, he drove an LMP2 "
        "of the United team. He then drove a JOTA-run Porsche 963 as well."
    )
    facts = run(
        text,
        [
            ("Felipe Drugovich", "fd", D),
            ("the rookie test", "test", E, TEST),
            ("LMP2", "lmp2", K),
            ("United", "united", T),
            ("JOTA", "jota", T),
            ("Porsche 963", "porsche-963", CAR),
        ],
        published=PUB,
    )
    assert has(facts, "tested", s="fd", o="lmp2", event="test", team="united")
    assert has(facts, "tested", s="fd", o="porsche-963", team="jota")
    assert roles(facts, "drives") == []


def test_manufacturer_fields_cars_and_weekday_of_a_named_race() -> None:
    text = (
        "Ferrari will field three Ferrari 499Ps in the WEC, while Penske returns with two "
        "Porsche 963s. Maro Engel and Luca Stolz won the 24 Hours of Spa on Sunday for Team "
        "GetSpeed."
    )
    facts = run(
        text,
        [
            ("Ferrari", "ferrari", M),
            ("Ferrari 499Ps", "ferrari-499p", CAR),
            ("WEC", "wec", C),
            ("Penske", "penske", T),
            ("Porsche 963s", "porsche-963", CAR),
            ("Porsche", "porsche", M),
            ("Maro Engel", "me", D),
            ("Luca Stolz", "ls", D),
            ("24 Hours of Spa", "spa-24", E),
            ("Team GetSpeed", "getspeed", T),
        ],
        published=dt.date(2024, 7, 29),
    )
    assert has(facts, "manufacturerEntry", manufacturer="ferrari", cars=3, car="ferrari-499p")
    assert has(facts, "manufacturerEntry", manufacturer="porsche", cars=2, team="penske")
    assert has(facts, "eventDate", s="spa-24", o=dt.date(2024, 7, 28))
    assert has(
        facts, "raceResult", event="spa-24", position=1, drivers=("me", "ls"), team="getspeed"
    )


def test_class_counts_in_the_sentences_after_an_entry_list() -> None:
    text = (
        "The ELMS has revealed a 43-car entry list for the 2025 season. The LMP2 class "
        "features 16 cars, while 14 entries contest LMGT3."
    )
    facts = run(
        text,
        [("ELMS", "elms", C), ("LMP2", "lmp2", K), ("LMGT3", "lmgt3", K)],
        published=dt.date(2025, 1, 20),
    )
    assert has(facts, "entryCount", championship="elms", season=2025, count=43)
    assert has(facts, "entryCount", count=16, **{"class": "lmp2"})
    assert has(facts, "entryCount", count=14, **{"class": "lmgt3"})
    assert roles(facts, "competesIn") == []  # "14 entries contest LMGT3" names no driver


def test_upgraded_category() -> None:
    text = "Louis Deletraz was upgraded to platinum this winter."
    facts = run(text, [("Louis Deletraz", "ld", D), ("platinum", "platinum", CAT)], published=PUB)
    assert has(facts, "fiaCategory", s="ld", o="platinum")


def test_event_without_year_takes_the_articles_season() -> None:
    text = "Nico Varga won the 2025 opener. The Asian Series then moves to the 8 Hours of Sepang."
    facts = run(
        text,
        [
            ("Nico Varga", "nico-varga", D),
            ("Asian Series", "asian-series", C),
            ("the 8 Hours of Sepang", "sepang-8h", E),
        ],
        published=PUB,
    )
    assert has(facts, "eventOf", s="sepang-8h", o="asian-series", season=2025)


def test_session_day_does_not_mint_a_race() -> None:
    text = "Mara Holt took pole position in qualifying on Saturday at the 6 Hours of Fuji."
    facts = run(
        text,
        [("Mara Holt", "mara-holt", D), ("the 6 Hours of Fuji", "fuji-6h", E)],
        published=dt.date(2024, 9, 16),
    )
    assert not [r for r in roles(facts, "eventDate") if r["o"] == dt.date(2024, 9, 14)]


def test_event_dated_by_its_own_clause() -> None:
    text = "The official test day takes place on 3 March, two weeks before the opener."
    facts = run(text, [("The official test day", "test-day", E, TEST)], published=PUB)
    assert has(facts, "eventDate", s="test-day", o=dt.date(2025, 3, 3))  # nearest 3 March


def test_class_of_ignores_a_championship_used_as_a_career_label() -> None:
    text = "Former Formula 2 racer Ivo Lam will race in the Hypercar class."
    facts = run(
        text,
        [("Formula 2", "f2", C), ("Ivo Lam", "il", D), ("Hypercar", "hypercar", K)],
        published=PUB,
    )
    assert not roles(facts, "classOf")


def test_event_entry_list_story_counts_and_makes() -> None:
    text = (
        "Organisers have published the entry list for the 2025 12 Hours of Bathurst, featuring "
        "41 cars. The Pro class counts 12 entries, including three Audis and the two Ford "
        "cars of Walkinshaw.\n"
        "The Am class attracts 9 cars."
    )
    facts = run(
        text,
        [
            ("the entry list", "bathurst-entry-list", E),
            ("the 2025 12 Hours of Bathurst", "bathurst-12h-2025", E),
            ("Pro", "pro", K),
            ("Audis", "audi", M),
            ("Ford", "ford", M),
            ("Walkinshaw", "walkinshaw", T),
            ("Am", "am", K),
        ],
        published=PUB,
    )
    assert has(facts, "entryCount", season=2025, count=41)
    assert has(facts, "entryCount", season=2025, count=12, **{"class": "pro"})
    assert has(facts, "entryCount", season=2025, count=9, **{"class": "am"})
    assert has(facts, "manufacturerEntry", manufacturer="audi", cars=3, **{"class": "pro"})
    assert has(facts, "manufacturerEntry", manufacturer="ford", cars=2, **{"class": "pro"})


def test_test_drive_partners_tested_too() -> None:
    text = (
        "Ivo Lenz tested the Ferrari 499P at Fiorano on Monday, sharing the car with Al Moss "
        "and the Danish Bea Kay."
    )
    facts = run(
        text,
        [
            ("Ivo Lenz", "il", D),
            ("Ferrari 499P", "ferrari-499p", CAR),
            ("Fiorano", "fiorano", V),
            ("Al Moss", "am", D),
            ("Danish", "dk", N),
            ("Bea Kay", "bk", D),
        ],
        published=PUB,
    )
    assert {r["s"] for r in roles(facts, "tested")} == {"il", "am", "bk"}


def test_event_without_year_outside_a_calendar_statement_keeps_no_season() -> None:
    text = "Nico Varga dreams of racing at the 8 Hours of Sepang in the Asian Series one day."
    facts = run(
        text,
        [
            ("Nico Varga", "nico-varga", D),
            ("the 8 Hours of Sepang", "sepang-8h", E),
            ("Asian Series", "asian-series", C),
        ],
        published=PUB,
    )
    assert has(facts, "eventOf", s="sepang-8h", o="asian-series", season=None)
