"""Race-report phrasings met on blind text: car entries of crews, ordinal cues, 'respectively',
'ahead of', class honours. Sentences are written for these tests (not taken from articles)."""

from __future__ import annotations

import datetime as dt

from racegraph.extract.relations._oracle import Placement
from racegraph.records import Fact
from tests.extract._relations_harness import CAR, RACE, C, D, E, K, M, N, T, has, roles, run

PUB = dt.date(2025, 5, 5)  # a Monday
SUN = dt.date(2025, 5, 4)

_RACE: list[Placement] = [
    ("the Imola 6 Hours", "imola-6h", E, RACE),
    ("GT Cup", "gt-cup", C),
]


def _crew(facts: list[Fact], relation: str, **expected: object) -> set[str]:
    found = [r for r in roles(facts, relation) if all(r.get(k) == v for k, v in expected.items())]
    assert len(found) == 1, found
    return set(found[0].get("drivers") or ())


def test_car_entry_of_a_crew_gives_car_number_team_and_codrivers() -> None:
    text = (
        "The #14 Racing Spirit Aston Martin Vantage GT3 of Tom Gamble, Dan Lloyd and Ben Jones "
        "won the Imola 6 Hours on Sunday in the GT Cup."
    )
    facts = run(
        text,
        [
            *_RACE,
            ("Racing Spirit", "racing-spirit", T),
            ("Aston Martin Vantage GT3", "vantage", CAR),
            ("Tom Gamble", "tg", D),
            ("Dan Lloyd", "dl", D),
            ("Ben Jones", "bj", D),
        ],
        published=PUB,
    )
    assert _crew(facts, "raceResult", position=1) == {"tg", "dl", "bj"}
    assert has(facts, "raceResult", position=1, team="racing-spirit", car="vantage")
    for d in ("tg", "dl", "bj"):
        assert has(facts, "drives", s=d, o="vantage", number=14, team="racing-spirit", season=2025)
        assert has(facts, "memberOf", s=d, o="racing-spirit")
    pairs = {frozenset((r["s"], r["o"])) for r in roles(facts, "coDriver")}
    assert pairs == {frozenset(p) for p in (("tg", "dl"), ("tg", "bj"), ("dl", "bj"))}


def test_ordinal_went_to_and_completing_the_podium_were() -> None:
    text = (
        "Ann Alpha and Bea Beta won the Imola 6 Hours on Sunday. Second went to the #9 "
        "Lexus RC F GT3 of Cal Gamma and Dan Delta. Completing the podium were Eve Epsilon "
        "and Fay Zeta in the #5 Nordic Racing Lexus RC F GT3."
    )
    facts = run(
        text,
        [
            ("the Imola 6 Hours", "imola-6h", E, RACE),
            ("Lexus RC F GT3", "rcf", CAR),
            ("Nordic Racing", "nordic", T),
            ("Ann Alpha", "a", D),
            ("Bea Beta", "b", D),
            ("Cal Gamma", "c", D),
            ("Dan Delta", "d", D),
            ("Eve Epsilon", "e", D),
            ("Fay Zeta", "f", D),
        ],
        published=PUB,
    )
    assert _crew(facts, "raceResult", position=2) == {"c", "d"}
    assert _crew(facts, "raceResult", position=3) == {"e", "f"}
    assert has(facts, "raceResult", position=3, team="nordic", car="rcf")
    assert has(facts, "drives", s="c", o="rcf", number=9)
    assert has(facts, "drives", s="f", o="rcf", number=5, team="nordic")


def test_team_possessive_entry_was_fourth_and_in_third_ahead_of() -> None:
    text = (
        "Ann Alpha and Bea Beta won the Imola 6 Hours on Sunday. The #23 Mazda of Cal Gamma "
        "and Dan Delta finished in third, ahead of the #7 Apex Motorsport Porsche 911 GT3 R "
        "of Eve Epsilon and Fay Zeta. Blue Racing's #6 Porsche 911 GT3 R of Gil Eta and "
        "Hal Theta was fifth."
    )
    facts = run(
        text,
        [
            ("the Imola 6 Hours", "imola-6h", E, RACE),
            ("Mazda", "mazda", M),
            ("Apex Motorsport", "apex", T),
            ("Blue Racing", "blue", T),
            ("Porsche 911 GT3 R", "p911", CAR),
            ("Ann Alpha", "a", D),
            ("Bea Beta", "b", D),
            ("Cal Gamma", "c", D),
            ("Dan Delta", "d", D),
            ("Eve Epsilon", "e", D),
            ("Fay Zeta", "f", D),
            ("Gil Eta", "g", D),
            ("Hal Theta", "h", D),
        ],
        published=PUB,
    )
    assert _crew(facts, "raceResult", position=3) == {"c", "d"}
    assert _crew(facts, "raceResult", position=4) == {"e", "f"}
    assert has(facts, "raceResult", position=4, team="apex", car="p911")
    assert _crew(facts, "raceResult", position=5) == {"g", "h"}
    assert has(facts, "drives", s="g", o="p911", number=6, team="blue")


def test_positions_respectively_one_crew_each() -> None:
    text = (
        "In LMP3, Ann Alpha and Bea Beta took the class win at the Imola 6 Hours on Sunday. "
        "The #17 Cool Racing Ligier of Cal Gamma and Dan Delta and the #31 Racing Spirit "
        "entry of Eve Epsilon and Fay Zeta finished second and third in class respectively."
    )
    facts = run(
        text,
        [
            ("the Imola 6 Hours", "imola-6h", E, RACE),
            ("LMP3", "lmp3", K),
            ("Cool Racing", "cool", T),
            ("Racing Spirit", "rs", T),
            ("Ligier", "ligier", M),
            ("Ann Alpha", "a", D),
            ("Bea Beta", "b", D),
            ("Cal Gamma", "c", D),
            ("Dan Delta", "d", D),
            ("Eve Epsilon", "e", D),
            ("Fay Zeta", "f", D),
        ],
        published=PUB,
    )
    assert _crew(facts, "raceResult", position=2, classification="lmp3") == {"c", "d"}
    assert _crew(facts, "raceResult", position=3, classification="lmp3") == {"e", "f"}
    assert has(facts, "raceResult", position=2, team="cool")
    assert not has(facts, "coDriver", s="d", o="e")


def test_class_honours_went_to_and_entry_shared_by() -> None:
    text = (
        "Ann Alpha and Bea Beta won the Imola 6 Hours on Sunday. Silver honours went to "
        "Nordic Racing, whose #88 Ferrari 296 GT3 was shared by Cal Gamma and Dan Delta. "
        "Bronze honours went to Blue Racing's Ferrari 296 GT3 of Eve Epsilon and Fay Zeta."
    )
    facts = run(
        text,
        [
            ("the Imola 6 Hours", "imola-6h", E, RACE),
            ("Silver", "silver", K),
            ("Bronze", "bronze", K),
            ("Nordic Racing", "nordic", T),
            ("Blue Racing", "blue", T),
            ("Ferrari 296 GT3", "f296", CAR),
            ("Ann Alpha", "a", D),
            ("Bea Beta", "b", D),
            ("Cal Gamma", "c", D),
            ("Dan Delta", "d", D),
            ("Eve Epsilon", "e", D),
            ("Fay Zeta", "f", D),
        ],
        published=PUB,
    )
    assert _crew(facts, "raceResult", position=1, classification="silver") == {"c", "d"}
    assert has(facts, "raceResult", classification="silver", team="nordic", car="f296")
    assert has(facts, "drives", s="c", o="f296", number=88, team="nordic")
    assert _crew(facts, "raceResult", position=1, classification="bronze") == {"e", "f"}
    assert has(facts, "raceResult", classification="bronze", team="blue", car="f296")


def test_slash_crew_nationality_codes_and_team_in_parentheses() -> None:
    text = (
        "Ann Alpha/Bea Beta won the Imola 6 Hours on Sunday. In Silver, Cal Gamma (GBR) and "
        "Dan Delta (FRA) took the class win in the #3 Ferrari 296 GT3, ahead of Eve Epsilon "
        "and Fay Zeta (Nordic Racing)."
    )
    facts = run(
        text,
        [
            ("the Imola 6 Hours", "imola-6h", E, RACE),
            ("Silver", "silver", K),
            ("GBR", "gb", N),
            ("FRA", "fr", N),
            ("Nordic Racing", "nordic", T),
            ("Ferrari 296 GT3", "f296", CAR),
            ("Ann Alpha", "a", D),
            ("Bea Beta", "b", D),
            ("Cal Gamma", "c", D),
            ("Dan Delta", "d", D),
            ("Eve Epsilon", "e", D),
            ("Fay Zeta", "f", D),
        ],
        published=PUB,
    )
    assert _crew(facts, "raceResult", position=1, classification="overall") == {"a", "b"}
    assert has(facts, "coDriver", s="a", o="b")
    assert has(facts, "drives", s="c", o="f296", number=3)
    assert has(facts, "drives", s="d", o="f296", number=3)
    assert _crew(facts, "raceResult", position=2, classification="silver") == {"e", "f"}
    assert has(facts, "raceResult", position=2, team="nordic")


def test_pole_went_to_an_entry_and_the_make_that_faded() -> None:
    text = (
        "Ann Alpha and Bea Beta won the Imola 6 Hours on Sunday. Pole position had gone to "
        "the #51 Nordic Racing Ferrari 296 GT3 of Cal Gamma and Dan Delta on Saturday, but "
        "the Ferrari faded to seventh after a penalty."
    )
    facts = run(
        text,
        [
            ("the Imola 6 Hours", "imola-6h", E, RACE),
            ("Nordic Racing", "nordic", T),
            ("Ferrari 296 GT3", "f296", CAR),
            ("Ferrari", "ferrari", M),
            ("Ann Alpha", "a", D),
            ("Bea Beta", "b", D),
            ("Cal Gamma", "c", D),
            ("Dan Delta", "d", D),
        ],
        published=PUB,
    )
    grid = roles(facts, "gridPosition")
    assert len(grid) == 1 and grid[0]["kind"] == "pole" and grid[0]["event"] == "imola-6h"
    assert set(grid[0]["drivers"]) == {"c", "d"}
    assert _crew(facts, "raceResult", position=7) == {"c", "d"}
    assert has(facts, "drives", s="c", o="f296", number=51, team="nordic")
    assert {r["o"] for r in roles(facts, "eventDate")} == {SUN}  # Saturday was qualifying


def test_team_one_two_credits_both_crews_and_settle_for() -> None:
    text = (
        "Nordic Racing scored a one-two in the Imola 6 Hours on Sunday. Ann Alpha and Bea Beta "
        "won in the #8 Chevrolet Corvette Z06 GT3.R, with the sister #9 car of Cal Gamma and "
        "Dan Delta finishing second. The pole-sitting #4 Blue Racing Ferrari 296 GT3 of Eve "
        "Epsilon and Fay Zeta faded, and the Blue Racing pair had to settle for third."
    )
    facts = run(
        text,
        [
            ("the Imola 6 Hours", "imola-6h", E, RACE),
            ("Nordic Racing", "nordic", T),
            ("Blue Racing", "blue", T),
            ("Chevrolet Corvette Z06 GT3.R", "z06", CAR),
            ("Ferrari 296 GT3", "f296", CAR),
            ("Ann Alpha", "a", D),
            ("Bea Beta", "b", D),
            ("Cal Gamma", "c", D),
            ("Dan Delta", "d", D),
            ("Eve Epsilon", "e", D),
            ("Fay Zeta", "f", D),
        ],
        published=PUB,
    )
    assert _crew(facts, "raceResult", position=1) == {"a", "b"}
    assert has(facts, "raceResult", position=1, team="nordic", car="z06")
    assert _crew(facts, "raceResult", position=2) == {"c", "d"}
    assert has(facts, "raceResult", position=2, team="nordic")
    assert has(facts, "drives", s="a", o="z06", number=8)
    assert has(facts, "gridPosition", kind="pole", drivers=("e", "f"))
    assert _crew(facts, "raceResult", position=3) == {"e", "f"}


def test_entry_with_an_unresolved_first_name_and_team_in_parentheses_before_the_car() -> None:
    text = (
        "Ann Alpha and Bea Beta (Nordic Racing) won the Imola 6 Hours on Sunday in the #57 "
        "Ferrari 296 GT3. Pole had gone to the #4 Blue Racing Ferrari 296 GT3 of Zed Unknown, "
        "Cal Gamma and Dan Delta on Saturday."
    )
    facts = run(
        text,
        [
            ("the Imola 6 Hours", "imola-6h", E, RACE),
            ("Nordic Racing", "nordic", T),
            ("Blue Racing", "blue", T),
            ("Ferrari 296 GT3", "f296", CAR),
            ("Ann Alpha", "a", D),
            ("Bea Beta", "b", D),
            ("Cal Gamma", "c", D),
            ("Dan Delta", "d", D),
        ],
        published=PUB,
    )
    assert has(facts, "raceResult", position=1, team="nordic", car="f296")
    assert has(facts, "drives", s="b", o="f296", number=57, team="nordic")
    assert has(facts, "drives", s="c", o="f296", number=4, team="blue")
    assert has(facts, "gridPosition", kind="pole", drivers=("c", "d"))


def test_entry_sentence_completes_a_team_win_and_passive_class_win() -> None:
    text = (
        "Nordic Racing claimed victory in the Imola 6 Hours on Sunday. The #37 Oreca 07 of Ann "
        "Alpha and Bea Beta crossed the line 12 seconds ahead of the #22 Blue Racing Oreca 07 "
        "shared by Cal Gamma and Dan Delta. Red Racing rounded out the podium with Eve Epsilon "
        "and Fay Zeta.\n\nIn LMP3, the #17 Ligier JS P320 of Gil Eta and Hal Theta won, while "
        "the LMGT3 class was won by the #60 Porsche 911 GT3 R of Ian Iota and Jon Kappa."
    )
    facts = run(
        text,
        [
            ("the Imola 6 Hours", "imola-6h", E, RACE),
            ("Nordic Racing", "nordic", T),
            ("Blue Racing", "blue", T),
            ("Red Racing", "red", T),
            ("Oreca 07", "o07", CAR),
            ("Ligier JS P320", "p320", CAR),
            ("Porsche 911 GT3 R", "p911", CAR),
            ("LMP3", "lmp3", K),
            ("LMGT3", "lmgt3", K),
            ("Ann Alpha", "a", D),
            ("Bea Beta", "b", D),
            ("Cal Gamma", "c", D),
            ("Dan Delta", "d", D),
            ("Eve Epsilon", "e", D),
            ("Fay Zeta", "f", D),
            ("Gil Eta", "g", D),
            ("Hal Theta", "h", D),
            ("Ian Iota", "i", D),
            ("Jon Kappa", "j", D),
        ],
        published=PUB,
    )
    assert _crew(facts, "raceResult", position=1, classification="overall") == {"a", "b"}
    assert has(facts, "raceResult", position=1, team="nordic", car="o07")
    assert has(facts, "drives", s="a", o="o07", number=37, team="nordic")
    assert _crew(facts, "raceResult", position=2) == {"c", "d"}
    assert has(facts, "raceResult", position=2, team="blue")
    assert _crew(facts, "raceResult", position=3) == {"e", "f"}
    assert _crew(facts, "raceResult", classification="lmp3") == {"g", "h"}
    assert _crew(facts, "raceResult", classification="lmgt3") == {"i", "j"}
    assert has(facts, "drives", s="j", o="p911", number=60)


def test_runners_up_margin_over_podium_completed_by_and_pole_set_by() -> None:
    text = (
        "Ann Alpha and Bea Beta took the chequered flag in the Imola 6 Hours on Sunday with a "
        "4.5-second margin over the Porsche of Cal Gamma and Dan Delta, who finished as "
        "runners-up for Blue Racing. The podium was completed by the Audi of Eve Epsilon and "
        "Fay Zeta. Pole had been set by Alpha on Saturday."
    )
    facts = run(
        text,
        [
            ("the Imola 6 Hours", "imola-6h", E, RACE),
            ("Blue Racing", "blue", T),
            ("Porsche", "porsche", M),
            ("Audi", "audi", M),
            ("Ann Alpha", "a", D),
            ("Alpha", "a", D),
            ("Bea Beta", "b", D),
            ("Cal Gamma", "c", D),
            ("Dan Delta", "d", D),
            ("Eve Epsilon", "e", D),
            ("Fay Zeta", "f", D),
        ],
        published=PUB,
    )
    assert _crew(facts, "raceResult", position=1) == {"a", "b"}
    assert _crew(facts, "raceResult", position=2) == {"c", "d"}
    assert has(facts, "raceResult", position=2, team="blue")
    assert _crew(facts, "raceResult", position=3) == {"e", "f"}
    assert has(facts, "gridPosition", kind="pole", drivers=("a",), event="imola-6h")


def test_numbered_rows_under_a_class_results_header() -> None:
    text = (
        "Ann Alpha and Bea Beta won the Imola 6 Hours on Sunday.\n\n"
        "Silver results:\n"
        "1. #65 Nordic Racing Ferrari 296 GT3 - Cal Gamma, Dan Delta\n"
        "2. #88 Blue Racing Porsche 911 GT3 R - Eve Epsilon, Fay Zeta\n\n"
        "Entry list for Spa:\n"
        "1. #7 Nordic Racing Ferrari 296 GT3 - Gil Eta, Hal Theta"
    )
    facts = run(
        text,
        [
            ("the Imola 6 Hours", "imola-6h", E, RACE),
            ("Silver", "silver", K),
            ("Nordic Racing", "nordic", T),
            ("Blue Racing", "blue", T),
            ("Ferrari 296 GT3", "f296", CAR),
            ("Porsche 911 GT3 R", "p911", CAR),
            ("Ann Alpha", "a", D),
            ("Bea Beta", "b", D),
            ("Cal Gamma", "c", D),
            ("Dan Delta", "d", D),
            ("Eve Epsilon", "e", D),
            ("Fay Zeta", "f", D),
            ("Gil Eta", "g", D),
            ("Hal Theta", "h", D),
        ],
        published=PUB,
    )
    assert _crew(facts, "raceResult", position=1, classification="silver") == {"c", "d"}
    assert has(facts, "raceResult", position=2, classification="silver", team="blue", car="p911")
    assert has(facts, "drives", s="e", o="p911", number=88, team="blue")
    assert not any("g" in (r.get("drivers") or ()) for r in roles(facts, "raceResult"))


def test_qualified_the_car_fifth() -> None:
    text = "Ann Alpha won the Imola 6 Hours on Sunday. Bea Beta had qualified the car fifth."
    facts = run(
        text,
        [("the Imola 6 Hours", "imola-6h", E, RACE), ("Ann Alpha", "a", D), ("Bea Beta", "b", D)],
        published=PUB,
    )
    assert has(facts, "gridPosition", kind="qualifying", position=5, drivers=("b",))
    assert not has(facts, "raceResult", position=5)
