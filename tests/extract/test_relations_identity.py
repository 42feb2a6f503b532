"""Identity relations: nationality, basedIn, worksDriverFor, title, age, retired,
fiaCategory, teamPrincipal (genre sentences, hand-placed mentions)."""

from __future__ import annotations

import datetime as dt

from tests.extract._relations_harness import CAT, C, D, M, N, P, T, has, roles, run


def test_nationality_from_country_pairs_and_single() -> None:
    text = (
        "Laurens Vanthoor and Kevin Estre from France took the lead, while Nick Tandy "
        "from Britain and Mathieu Jaminet from Germany chased them."
    )
    facts = run(
        text,
        [
            ("Laurens Vanthoor", "lv", D),
            ("Kevin Estre", "ke", D),
            ("France", "fr", N),
            ("Nick Tandy", "nt", D),
            ("Britain", "gb", N),
            ("Mathieu Jaminet", "mj", D),
            ("Germany", "de", N),
        ],
    )
    got = {(r["s"], r["o"]) for r in roles(facts, "nationality")}
    assert got == {("lv", "fr"), ("ke", "fr"), ("nt", "gb"), ("mj", "de")}


def test_nationality_demonym_before_name_and_description() -> None:
    text = (
        "Spaniard Miguel Molina led early. Antonio Fuoco, the Italian racing driver, "
        "set the fastest lap."
    )
    facts = run(
        text,
        [
            ("Spaniard", "es", N),
            ("Miguel Molina", "mm", D),
            ("Italian", "it", N),
            ("Antonio Fuoco", "af", D),
        ],
    )
    assert has(facts, "nationality", s="mm", o="es")
    assert has(facts, "nationality", s="af", o="it")


def test_demonym_of_a_team_is_based_in_not_nationality() -> None:
    text = "Marco Sorensen will drive for the Danish Dinamic squad this year."
    facts = run(text, [("Marco Sorensen", "ms", D), ("Danish", "dk", N), ("Dinamic", "dinamic", T)])
    assert has(facts, "basedIn", s="dinamic", o="dk")
    assert not has(facts, "nationality", s="ms")


def test_nationality_iso_code_in_parentheses() -> None:
    facts = run("Alex Riberas (ESP) won.", [("Alex Riberas", "ar", D), ("ESP", "es", N)])
    assert has(facts, "nationality", s="ar", o="es")


def test_works_driver_before_name_and_factory_driver_for() -> None:
    text = (
        "Porsche works driver Kevin Estre set pole. Later, Nicki Thiim, a factory driver for "
        "Aston Martin, crashed."
    )
    facts = run(
        text,
        [
            ("Porsche", "porsche", M),
            ("Kevin Estre", "ke", D),
            ("Nicki Thiim", "nt", D),
            ("Aston Martin", "aston-martin", M),
        ],
    )
    assert has(facts, "worksDriverFor", s="ke", o="porsche")
    assert has(facts, "worksDriverFor", s="nt", o="aston-martin")


def test_plural_works_drivers_without_names_give_nothing() -> None:
    text = "Kelvin van der Linde raced alongside experienced Audi works drivers."
    facts = run(text, [("Kelvin van der Linde", "kvdl", D), ("Audi", "audi", M)])
    assert roles(facts, "worksDriverFor") == []


def test_title_count_discipline_and_subject() -> None:
    text = "Sebastien Ogier, the eight-time WRC champion, tested the car."
    facts = run(text, [("Sebastien Ogier", "so", D), ("WRC", "wrc", C)])
    assert has(facts, "title", s="so", count=8, discipline="WRC", o="eight-time WRC champion")


def test_title_of_the_antecedent_and_winner_titles() -> None:
    text = "Tom Kristensen arrived early. The nine-time Le Mans winner signed autographs."
    facts = run(text, [("Tom Kristensen", "tk", D)])
    assert has(facts, "title", s="tk", count=9, discipline="Le Mans")


def test_age_descriptions_and_appositions() -> None:
    text = "Fernando Alonso, 42, was quick. The 23-year-old Oliver Rasmussen impressed too."
    facts = run(text, [("Fernando Alonso", "fa", D), ("Oliver Rasmussen", "or", D)])
    assert has(facts, "age", s="fa", o=42, asOf=dt.date(2024, 5, 6))
    assert has(facts, "age", s="or", o=23)


def test_retired_from_a_championship_with_year() -> None:
    text = "Andrea Dovizioso left MotoGP, where he retired as a rider in 2022."
    facts = run(text, [("Andrea Dovizioso", "ad", D), ("MotoGP", "motogp", C)])
    assert has(facts, "retired", s="ad", o="motogp", date=2022)
    assert has(facts, "competesIn", s="ad", o="motogp", season=2022, status="confirmed")


def test_race_retirement_is_not_a_career_retirement() -> None:
    text = "Nick Cassidy retired from the race with a gearbox issue."
    assert roles(run(text, [("Nick Cassidy", "nc", D)]), "retired") == []


def test_fia_category_change_and_rated() -> None:
    text = (
        "Ben Keating's switch from bronze to silver under the FIA categorisation surprised "
        "many. Gold-rated Ahmad Al Harthy also joined."
    )
    facts = run(
        text,
        [
            ("Ben Keating", "bk", D),
            ("bronze", "bronze", CAT),
            ("silver", "silver", CAT),
            ("Ahmad Al Harthy", "aah", D),
            ("Gold", "gold", CAT),
        ],
    )
    assert has(facts, "fiaCategory", s="bk", o="silver", previous="bronze")
    assert has(facts, "fiaCategory", s="aah", o="gold")


def test_team_principal_before_and_after_the_name() -> None:
    text = (
        "Iron Lynx team principal Andrea Piccini was pleased. Pierre Dieudonne, the team "
        "principal of JOTA, disagreed."
    )
    facts = run(
        text,
        [
            ("Iron Lynx", "iron-lynx", T),
            ("Andrea Piccini", "ap", P),
            ("Pierre Dieudonne", "pd", P),
            ("JOTA", "jota", T),
        ],
    )
    assert has(facts, "teamPrincipal", s="iron-lynx", o="ap")
    assert has(facts, "teamPrincipal", s="jota", o="pd")


def test_remains_team_principal_of() -> None:
    text = "Kamui Kobayashi, a two-time Le Mans winner, remains team principal of Toyota."
    facts = run(text, [("Kamui Kobayashi", "kk", D), ("Toyota", "toyota", T)])
    assert has(facts, "teamPrincipal", s="toyota", o="kk")
    assert has(facts, "title", s="kk", count=2, discipline="Le Mans")


def test_nationality_variants_in_crew_lists() -> None:
    text = (
        "Ana Ruiz, Bo Stahl and Cem Aksoy from Turkey won, with Polish racer Dan Nowak "
        "second. Eli Roth, from the Netherlands, was third alongside the Irish Finn Kelly and "
        "Gus Moe from Norway."
    )
    facts = run(
        text,
        [
            ("Ana Ruiz", "ar", D),
            ("Bo Stahl", "bs", D),
            ("Cem Aksoy", "ca", D),
            ("Turkey", "tr", N),
            ("Polish", "pl", N),
            ("Dan Nowak", "dn", D),
            ("Eli Roth", "er", D),
            ("Netherlands", "nl", N),
            ("Irish", "ie", N),
            ("Finn Kelly", "fk", D),
            ("Gus Moe", "gm", D),
            ("Norway", "no", N),
        ],
    )
    got = {(r["s"], r["o"]) for r in roles(facts, "nationality")}
    assert got == {("ca", "tr"), ("dn", "pl"), ("er", "nl"), ("fk", "ie"), ("gm", "no")}


def test_works_driver_from_signings_and_moves() -> None:
    text = (
        "Porsche has signed Ivo Brand for 2025. Ana Weiss, who joined Ford from Audi in May, "
        "leads. Tom Beck quit the series after nine seasons with Bentley."
    )
    facts = run(
        text,
        [
            ("Porsche", "porsche", M),
            ("Ivo Brand", "ib", D),
            ("Ana Weiss", "aw", D),
            ("Ford", "ford", M),
            ("Audi", "audi", M),
            ("Tom Beck", "tb", D),
            ("Bentley", "bentley", M),
        ],
    )
    got = {(r["s"], r["o"]) for r in roles(facts, "worksDriverFor")}
    assert got == {("ib", "porsche"), ("aw", "ford"), ("tb", "bentley")}


def test_retirement_from_a_named_championship() -> None:
    text = "Tom Beck has announced his retirement from the Super GT series after ten seasons."
    facts = run(text, [("Tom Beck", "tb", D), ("Super GT", "super-gt", C)])
    assert has(facts, "retired", s="tb", o="super-gt")


def test_singular_works_driver_title_is_the_first_name_of_a_list_only() -> None:
    text = (
        "Heart of Racing has named Aston Martin works driver Ross Gunn, Ian James and "
        "Zach Robichon."
    )
    facts = run(
        text,
        [
            ("Heart of Racing", "hor", T),
            ("Aston Martin", "am", M),
            ("Ross Gunn", "rg", D),
            ("Ian James", "ij", D),
            ("Zach Robichon", "zr", D),
        ],
    )
    assert has(facts, "worksDriverFor", s="rg", o="am")
    assert not has(facts, "worksDriverFor", s="ij", o="am")
