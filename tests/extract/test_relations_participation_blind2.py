"""Participation rules found on blind set 2 (tests/extract/blind2), each with a sentence of
its own: numbered crews, joining a crew, "joined by", later status clauses, relative
clauses, team entries, shared cars, "subject to budget"."""

from __future__ import annotations

import datetime as dt

from tests.extract._relations_harness import CAR, C, D, K, M, T, has, roles, run

PUB = dt.date(2025, 1, 13)


def test_numbered_crews_and_a_driver_joining_one() -> None:
    text = (
        "Action Express is set to run two Cadillac V-Series.R cars in the GTP class of the "
        "2025 IMSA series, with Pipo Derani and Jack Aitken sharing the #31 car and Tom "
        "Blomqvist and Earl Bamber in the #5. Frederik Vesti will join the #31 crew for the "
        "endurance rounds."
    )
    facts = run(
        text,
        [
            ("Action Express", "axr", T),
            ("Cadillac V-Series.R", "vr", CAR),
            ("GTP", "gtp", K),
            ("IMSA", "imsa", C),
            ("Pipo Derani", "pd", D),
            ("Jack Aitken", "ja", D),
            ("Tom Blomqvist", "tb", D),
            ("Earl Bamber", "eb", D),
            ("Frederik Vesti", "fv", D),
        ],
        published=PUB,
    )
    assert has(
        facts, "competesIn", s="pd", o="imsa", season=2025, status="planned", **{"class": "gtp"}
    )
    assert has(facts, "memberOf", s="ja", o="axr", championship="imsa", season=2025)
    assert has(facts, "drives", s="pd", o="vr", number=31)
    assert has(facts, "drives", s="eb", o="vr", number=5)
    assert has(facts, "coDriver", s="tb", o="eb")
    assert has(facts, "drives", s="fv", o="vr", number=31)
    assert has(facts, "competesIn", s="fv", o="imsa", season=2025)


def test_car_shared_by_a_crew_after_an_entry_list() -> None:
    text = (
        "The 2025 ELMS entry list is out, and LMP2 has 12 Oreca 07 entries. Its #43 Oreca will "
        "be shared by Tom Dillmann, Nick Boulle and Jakub Smiechowski."
    )
    facts = run(
        text,
        [
            ("ELMS", "elms", C),
            ("LMP2", "lmp2", K),
            ("Oreca 07", "o7", CAR),
            ("Oreca", "oreca", M),
            ("Inter Europol", "ie", T),
            ("Tom Dillmann", "td", D),
            ("Nick Boulle", "nb", D),
            ("Jakub Smiechowski", "js", D),
        ],
        published=PUB,
    )
    assert has(facts, "competesIn", s="nb", o="elms", status="confirmed", **{"class": "lmp2"})
    assert has(facts, "drives", s="js", o="o7", number=43)


def test_a_later_clause_sets_each_drivers_status() -> None:
    text = (
        "Nick Yelloly and Kay van Berlo will race in the 2025 ELMS. Yelloly is confirmed for "
        "the full season, while van Berlo's programme is subject to budget."
    )
    facts = run(
        text,
        [
            ("Nick Yelloly", "ny", D),
            ("Yelloly", "ny", D),
            ("Kay van Berlo", "kvb", D),
            ("van Berlo", "kvb", D),
            ("ELMS", "elms", C),
        ],
        published=PUB,
    )
    got = {r["s"]: r["status"] for r in roles(facts, "competesIn") if r.get("season") == 2025}
    assert got == {"ny": "confirmed", "kvb": "uncertain"}


def test_joined_by_takes_part_where_the_host_does() -> None:
    text = (
        "Nicki Thiim will race in the LMGT3 class of the 2025 FIA WEC for TF Sport. He will be "
        "joined by Marco Sorensen."
    )
    facts = run(
        text,
        [
            ("Nicki Thiim", "nt", D),
            ("LMGT3", "lmgt3", K),
            ("FIA WEC", "wec", C),
            ("TF Sport", "tfs", T),
            ("Marco Sorensen", "ms", D),
        ],
        published=PUB,
    )
    assert has(facts, "competesIn", s="ms", o="wec", season=2025, **{"class": "lmgt3"})
    assert has(facts, "coDriver", s="ms", o="nt")


def test_relative_clause_is_not_the_subject_and_likely_beats_subject_to() -> None:
    text = (
        "Danish Mikkel Pedersen, 26, who shared the car with Nicklas Nielsen this year, is "
        "likely to move to the GT World Challenge Europe with Dinamic, subject to budget."
    )
    facts = run(
        text,
        [
            ("Mikkel Pedersen", "mp", D),
            ("Nicklas Nielsen", "nn", D),
            ("GT World Challenge Europe", "gtwc", C),
            ("Dinamic", "din", T),
        ],
        published=dt.date(2024, 11, 4),
    )
    assert has(facts, "competesIn", s="mp", o="gtwc", season=2025, status="likely")
    assert not has(facts, "competesIn", s="nn")
    assert has(facts, "coDriver", s="mp", o="nn")


def test_a_team_enters_cars_in_classes() -> None:
    text = "In the 2025 ELMS, Nielsen Racing, based in Britain, enters two LMP3 cars."
    facts = run(
        text,
        [("ELMS", "elms", C), ("Nielsen Racing", "nr", T), ("LMP3", "lmp3", K)],
        published=PUB,
    )
    assert has(facts, "competesIn", s="nr", o="elms", season=2025, **{"class": "lmp3"})


def test_shared_car_this_year_gives_co_drivers_and_participation() -> None:
    text = (
        "Kelvin van der Linde ended the 2024 DTM season. This year he shared the #7 Audi "
        "R8 LMS with Ricardo Feller and Christopher Haase, finishing third in the standings."
    )
    facts = run(
        text,
        [
            ("DTM", "dtm", C),
            ("Audi R8 LMS", "r8", CAR),
            ("Kelvin van der Linde", "kvdl", D),
            ("Ricardo Feller", "rf", D),
            ("Christopher Haase", "ch", D),
        ],
        published=dt.date(2024, 10, 21),
    )
    assert has(facts, "coDriver", s="kvdl", o="rf")
    assert has(facts, "coDriver", s="rf", o="ch")
    assert has(facts, "competesIn", s="rf", o="dtm", season=2024, status="confirmed")


def test_member_seasons_from_a_year_span() -> None:
    text = "Dennis Olsen raced for Frikadelli from 2019 to 2021 before joining Manthey."
    facts = run(
        text,
        [("Dennis Olsen", "do", D), ("Frikadelli", "fr", T), ("Manthey", "man", T)],
        published=PUB,
    )
    assert has(facts, "memberOf", s="do", o="fr", season=(2019, 2020, 2021))


def test_numbered_crew_set_to_share_with_and_a_number_that_keeps_its_crew() -> None:
    text = (
        "Toyota Gazoo Racing is expected to run two GR010s in the 2026 World Endurance "
        "Championship. Sebastien Buemi is set to share the #8 car with Brendon Hartley and "
        "Ryo Hirakawa. The #7 is likely to keep Mike Conway and Kamui Kobayashi together, "
        "while Nyck de Vries is set to remain in the #7 as well."
    )
    facts = run(
        text,
        [
            ("Toyota Gazoo Racing", "tgr", T),
            ("World Endurance Championship", "wec", C),
            ("Sebastien Buemi", "sb", D),
            ("Brendon Hartley", "bh", D),
            ("Ryo Hirakawa", "rh", D),
            ("Mike Conway", "mc", D),
            ("Kamui Kobayashi", "kk", D),
            ("Nyck de Vries", "ndv", D),
        ],
        published=PUB,
    )
    assert has(facts, "coDriver", s="sb", o="rh")
    assert has(facts, "coDriver", s="bh", o="rh")
    assert has(facts, "memberOf", s="rh", o="tgr", championship="wec", season=2026)
    assert has(facts, "competesIn", s="sb", o="wec", season=2026, status="planned")
    assert has(facts, "coDriver", s="mc", o="kk")
    assert has(facts, "competesIn", s="kk", o="wec", season=2026, status="likely")
    assert has(facts, "memberOf", s="ndv", o="tgr", championship="wec", season=2026)


def test_crew_confirmed_in_its_numbered_car() -> None:
    text = (
        "United Autosports has confirmed Ben Hanley, Tom Gamble and Marino Sato in its #23 "
        "Oreca 07 for the 2026 European Le Mans Series."
    )
    facts = run(
        text,
        [
            ("United Autosports", "ua", T),
            ("Ben Hanley", "bh", D),
            ("Tom Gamble", "tg", D),
            ("Marino Sato", "ms", D),
            ("Oreca 07", "o7", CAR),
            ("European Le Mans Series", "elms", C),
        ],
        published=PUB,
    )
    assert has(facts, "drives", s="tg", o="o7", number=23)
    assert has(facts, "memberOf", s="ms", o="ua", championship="elms", season=2026)
    assert has(facts, "coDriver", s="bh", o="ms")
