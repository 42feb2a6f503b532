"""Identity rules found on blind set 2 (tests/extract/blind2): descriptions with ages,
"who hails from", "The Dane, 32,", long title bodies, retirement from a non-championship."""

from __future__ import annotations

import datetime as dt

from tests.extract._relations_harness import C, D, N, P, T, has, roles, run

PUB = dt.date(2025, 3, 3)


def test_age_of_a_linked_description() -> None:
    text = "Sophia Floersch tested on Friday. The 24-year-old German impressed the engineers."
    facts = run(
        text,
        [("Sophia Floersch", "sf", D), ("The 24-year-old", "sf", D), ("German", "de", N)],
        published=PUB,
    )
    assert has(facts, "age", s="sf", o=24)


def test_nationality_of_an_aged_description() -> None:
    text = "Tom Blomqvist was quickest. The 31-year-old Briton set the time late on."
    facts = run(
        text,
        [("Tom Blomqvist", "tb", D), ("The 31-year-old", "tb", D), ("Briton", "gb", N)],
        published=PUB,
    )
    assert has(facts, "nationality", s="tb", o="gb")


def test_who_hails_from_a_country() -> None:
    text = "The car is shared with Alex Palou, who hails from Spain."
    facts = run(text, [("Alex Palou", "ap", D), ("Spain", "es", N)], published=PUB)
    assert has(facts, "nationality", s="ap", o="es")


def test_age_apposition_of_a_demonym_description() -> None:
    text = "Mikkel Jensen has joined the squad. The Dane, 29, raced in Asia last year."
    facts = run(text, [("Mikkel Jensen", "mj", D), ("Dane", "dk", N)], published=PUB)
    assert has(facts, "age", s="mj", o=29)


def test_title_with_a_capitalised_world_in_a_name() -> None:
    text = "Raffaele Marciello, a three-time FIA GT World Cup winner, leads the team."
    facts = run(text, [("Raffaele Marciello", "rm", D)], published=PUB)
    assert has(facts, "title", s="rm", count=3, discipline="FIA GT World Cup")


def test_retiring_from_racing_names_no_championship() -> None:
    text = (
        "Marco Wittmann said the DTM finale will be his last race and that he will retire "
        "from professional racing at the end of the season."
    )
    facts = run(text, [("Marco Wittmann", "mw", D), ("DTM", "dtm", C)], published=PUB)
    assert not roles(facts, "retired")


def test_a_person_is_not_the_principal_of_himself() -> None:
    text = "Team boss Jim Glickenhaus said the car was ready."
    facts = run(text, [("Jim Glickenhaus", "jg", P), ("Team boss", "jg", T)], published=PUB)
    assert not [r for r in roles(facts, "teamPrincipal") if r["s"] == r["o"]]
