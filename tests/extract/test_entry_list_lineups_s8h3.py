"""Entry-list stories (s8h3): a list total written with adjectives ('a 42-car full-season entry
list') and compared with last year's, a class counted as 'the N <class> cars', makes ranked
('X is the best-represented make with N <models>', 'Y with four', 'A, B and C with three, two
and one respectively', 'Z two'), a sentence the parser breaks inside a car model, line-ups of
the list's cars (confirmed participation, asides about a crew member's other series kept out),
and the Silver-Am / Am classes."""

from __future__ import annotations

import datetime as dt

from racegraph.reference import load_reference
from tests.extract._relations_harness import CAR, C, D, K, M, T, has, run

PUB = dt.date(2026, 3, 3)
GTO = ("International GT Open", "gt-open", C)


def test_list_total_with_adjectives_and_last_years_total() -> None:
    text = (
        "The organisers have released a 42-car full-season entry list for the 2026 "
        "International GT Open, up from 38 cars last year."
    )
    facts = run(text, [GTO], published=PUB)
    assert has(facts, "entryCount", championship="gt-open", season=2026, count=42)
    assert has(facts, "entryCount", championship="gt-open", season=2025, count=38)


def test_class_counted_as_the_n_class_cars_but_not_a_teams_cars() -> None:
    text = (
        "The organisers have released the entry list for the 2026 International GT Open. "
        "Ferrari is the most represented manufacturer among the 31 GT3 cars, and the two GT3 "
        "cars of Team Rho are the only Lamborghinis."
    )
    facts = run(text, [GTO, ("GT3", "gt3", K), ("Ferrari", "ferrari", M), ("Team Rho", "rho", T)])
    assert has(facts, "entryCount", championship="gt-open", **{"class": "gt3"}, count=31)
    assert not has(facts, "entryCount", count=2)


def test_makes_ranked_with_counts_and_respectively() -> None:
    text = (
        "The organisers have released the entry list for the 2026 International GT Open.\n\n"
        "McLaren is the best-represented make among the GT3 cars with six 720S GT3 Evos, "
        "ahead of BMW with five, Audi with four and Ford, Aston Martin and Porsche with "
        "three, two and one respectively."
    )
    mentions = [
        GTO,
        ("GT3", "gt3", K),
        ("McLaren", "mclaren", M),
        ("720S GT3 Evos", "mclaren-720s-gt3", CAR),
        ("BMW", "bmw", M),
        ("Audi", "audi", M),
        ("Ford", "ford", M),
        ("Aston Martin", "aston-martin", M),
        ("Porsche", "porsche", M),
    ]
    facts = run(text, mentions, published=PUB)
    kw = {"championship": "gt-open", "season": 2026, "class": "gt3"}
    for make, cars in [
        ("mclaren", 6),
        ("bmw", 5),
        ("audi", 4),
        ("ford", 3),
        ("aston-martin", 2),
        ("porsche", 1),
    ]:
        assert has(facts, "manufacturerEntry", manufacturer=make, cars=cars, **kw), make
    assert not has(facts, "manufacturerEntry", manufacturer="porsche", cars=3)


def test_count_closing_the_clause_and_a_model_the_parser_splits() -> None:
    text = (
        "The organisers have released the entry list for the 2026 International GT Open.\n\n"
        "In GT4, Toyota supplies four GR Supra GT4 Evos and Mercedes-AMG two."
    )
    mentions = [
        GTO,
        ("GT4", "gt4", K),
        ("Toyota", "toyota", M),
        ("GR Supra GT4 Evos", "toyota-gr-supra-gt4", CAR),
        ("Mercedes-AMG", "mercedes-amg", M),
    ]
    facts = run(text, mentions, published=PUB)
    kw = {"championship": "gt-open", "season": 2026, "class": "gt4"}
    assert has(facts, "manufacturerEntry", manufacturer="toyota", cars=4, **kw)
    assert has(facts, "manufacturerEntry", manufacturer="mercedes-amg", cars=2, **kw)


def test_numbered_line_up_keeps_a_crew_members_asides_out() -> None:
    text = (
        "The organisers have released the entry list for the 2026 International GT Open.\n\n"
        "Team Rho is back with two McLarens. Its #12 Pro-Am car will be shared by Ana Vidal, "
        "the 2024 Porsche Carrera Cup Italia champion, and the Danish works driver Erik Holm, "
        "who raced for Team Sigma in the European Le Mans Series last year."
    )
    mentions = [
        GTO,
        ("Team Rho", "rho", T),
        ("Pro-Am", "pro-am", K),
        ("Ana Vidal", "ana-vidal", D),
        ("Porsche Carrera Cup Italia", "pcci", C),
        ("Erik Holm", "erik-holm", D),
        ("Team Sigma", "sigma", T),
        ("European Le Mans Series", "elms", C),
    ]
    facts = run(text, mentions, published=PUB)
    for d in ("ana-vidal", "erik-holm"):
        assert has(facts, "competesIn", s=d, o="gt-open", season=2026, team="rho"), d
        assert has(facts, "memberOf", s=d, o="rho", championship="gt-open", season=2026), d
        assert not has(facts, "competesIn", s=d, o="elms", team="rho")
    assert not has(facts, "competesIn", s="ana-vidal", o="elms")
    assert has(facts, "coDriver", s="ana-vidal", o="erik-holm", season=2026)


def test_line_up_of_the_list_competes_confirmed() -> None:
    text = (
        "The organisers have released the entry list for the 2026 International GT Open.\n\n"
        "Team Rho moves up to the Silver-Am class with a McLaren 720S GT3 Evo for Ana Vidal "
        "and Erik Holm."
    )
    mentions = [
        GTO,
        ("Team Rho", "rho", T),
        ("Silver-Am", "silver-am", K),
        ("McLaren 720S GT3 Evo", "mclaren-720s-gt3", CAR),
        ("Ana Vidal", "ana-vidal", D),
        ("Erik Holm", "erik-holm", D),
    ]
    facts = run(text, mentions, published=PUB)
    for d in ("ana-vidal", "erik-holm"):
        assert has(
            facts,
            "competesIn",
            s=d,
            o="gt-open",
            season=2026,
            status="confirmed",
            **{"class": "silver-am"},
        ), d


def test_no_list_no_listed_crew() -> None:
    text = "Team Rho has a McLaren 720S GT3 Evo for Ana Vidal and Erik Holm in the 2026 GT Open."
    mentions = [
        ("GT Open", "gt-open", C),
        ("Team Rho", "rho", T),
        ("McLaren 720S GT3 Evo", "mclaren-720s-gt3", CAR),
        ("Ana Vidal", "ana-vidal", D),
        ("Erik Holm", "erik-holm", D),
    ]
    facts = run(text, mentions, published=PUB)
    assert not any(f.evidence.rule == "competesIn.listed-crew" for f in facts)


def test_reference_knows_silver_am_and_bare_am() -> None:
    ref = load_reference()
    assert [e.key for e in ref.lookup("Silver-Am")] == ["silver-am"]
    assert [e.key for e in ref.lookup("Am")] == ["am-cup"]
    assert [e.key for e in ref.lookup("GR Supra GT4 Evo")] == ["toyota-gr-supra-gt4"]
