"""Announcement / entry-list rules found on blind set 7 (tests/extract/blind7), each with a
sentence of its own: a model name ending in a capital letter before a full stop, a
championship named for a past season in an aside, a crew's class carried from a team-mate
or from the story's only class, a car taken from an earlier sentence."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from racegraph.extract.pipeline import load_pipeline
from racegraph.reference import load_reference
from tests.extract._relations_harness import CAR, C, D, K, T, has, roles, run

PUB = dt.date(2026, 3, 2)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline(load_reference())


def test_a_model_letter_before_a_full_stop_ends_the_sentence(nlp: Language) -> None:
    doc = nlp(
        "Walkenhorst will run Tim Smith in its #34 M4 GT3 R. Smith, a silver driver, "
        "won twice last year. J. R. Hildebrand was not entered."
    )
    sents = [s.text for s in doc.sents]
    assert sents[0].endswith("M4 GT3 R.")
    assert sents[1].startswith("Smith,")
    assert not any(e.text.startswith(("R.", "GT3 R")) for e in doc.ents)
    assert any("J. R. Hildebrand" in s for s in sents)  # initials stay initials


def test_a_championship_named_for_last_season_in_an_aside_is_not_the_context() -> None:
    text = (
        "The Asian Le Mans Series has opened entries for the new season.\n\n"
        "Kessel Racing has named Max Rossi in its #74 car. Rossi raced in the GT World "
        "Challenge Europe last season.\n\n"
        "Also on the list, Tom Baker will share the #99 car with Jan Kowal."
    )
    facts = run(
        text,
        [
            ("Asian Le Mans Series", "alms", C),
            ("Kessel Racing", "kessel", T),
            ("Max Rossi", "mr", D),
            ("Rossi", "mr", D),
            ("GT World Challenge Europe", "gtwce", C),
            ("Tom Baker", "tb", D),
            ("Jan Kowal", "jk", D),
        ],
        published=PUB,
    )
    assert has(facts, "competesIn", s="tb", o="alms")
    assert not has(facts, "competesIn", s="tb", o="gtwce")


def test_team_mates_sharing_the_car_take_the_class_of_the_signed_driver() -> None:
    text = (
        "Team Heart has signed Lena Berg for its 2026 International GT Open campaign. Berg "
        "will race the team's #12 Audi R8 LMS in the Am class.\n\n"
        "Berg shares the car with Ivo Marek and Paul Sand."
    )
    facts = run(
        text,
        [
            ("Team Heart", "heart", T),
            ("Lena Berg", "lb", D),
            ("International GT Open", "gtopen", C),
            ("Berg", "lb", D),
            ("Audi R8 LMS", "r8", CAR),
            ("Am", "am", K),
            ("Ivo Marek", "im", D),
            ("Paul Sand", "ps", D),
        ],
        published=PUB,
    )
    assert has(facts, "competesIn", s="im", o="gtopen", season=2026, **{"class": "am"})
    assert has(facts, "competesIn", s="ps", o="gtopen", **{"class": "am"})
    assert has(facts, "drives", s="lb", o="r8", number=12)
    assert has(facts, "drives", s="im", o="r8", number=12)  # "shares the car"


def test_numbered_crews_take_the_only_class_of_the_story() -> None:
    text = (
        "Cadillac is likely to field two cars in the GTP class of the 2026 IMSA series.\n\n"
        "The #31 is set to keep Jack Aitken and Tom Blomqvist together."
    )
    facts = run(
        text,
        [
            ("Cadillac", "cad", T),
            ("GTP", "gtp", K),
            ("IMSA", "imsa", C),
            ("Jack Aitken", "ja", D),
            ("Tom Blomqvist", "tbl", D),
        ],
        published=PUB,
    )
    assert has(facts, "competesIn", s="ja", o="imsa", **{"class": "gtp"})


def test_no_only_class_when_the_story_names_two() -> None:
    text = (
        "In the 2026 IMSA series, the #31 is set to keep Jack Aitken and Tom Blomqvist "
        "together.\n\nCadillac is likely to field two cars in the GTP class. Its GTD Pro "
        "entry is not yet confirmed."
    )
    facts = run(
        text,
        [
            ("Cadillac", "cad", T),
            ("GTP", "gtp", K),
            ("IMSA", "imsa", C),
            ("Jack Aitken", "ja", D),
            ("Tom Blomqvist", "tbl", D),
            ("GTD Pro", "gtdpro", K),
        ],
        published=PUB,
    )
    assert [r.get("class") for r in roles(facts, "competesIn") if r["s"] == "ja"] == [None]


def test_class_of_a_car_named_in_a_paragraph_about_the_class() -> None:
    text = (
        "The 2026 Asian Le Mans Series entry list is out. In GT there are 14 cars. Audi "
        "brings four R8 LMSs.\n\n"
        "Car Collection will run Jon Rey and Ian Dal in its #8 R8 LMS."
    )
    facts = run(
        text,
        [
            ("Asian Le Mans Series", "alms", C),
            ("GT", "gt", K),
            ("R8 LMSs", "r8", CAR),
            ("Car Collection", "cc", T),
            ("Jon Rey", "jr", D),
            ("Ian Dal", "id", D),
            ("R8 LMS", "r8", CAR),
        ],
        published=PUB,
    )
    assert has(facts, "competesIn", s="jr", o="alms", **{"class": "gt"})


def test_a_numbered_car_driven_by_described_drivers_after_a_confirmed_signing() -> None:
    text = (
        "Sainteloc has signed Ana Lee for its 2026 GT World Challenge Europe campaign. "
        "In the Silver Cup, the #26 will be driven by Audi works drivers Bo Kim and Cy Day, "
        "who line up alongside Ed Fox."
    )
    facts = run(
        text,
        [
            ("Sainteloc", "sl", T),
            ("Ana Lee", "al", D),
            ("GT World Challenge Europe", "gtwce", C),
            ("Silver Cup", "silver", K),
            ("Bo Kim", "bk", D),
            ("Cy Day", "cd", D),
            ("Ed Fox", "ef", D),
        ],
        published=PUB,
    )
    for d in ("bk", "cd", "ef"):
        assert has(facts, "competesIn", s=d, o="gtwce", status="confirmed", **{"class": "silver"})
        assert has(facts, "memberOf", s=d, o="sl")
    assert has(facts, "coDriver", s="bk", o="ef")


def test_a_numbered_crew_without_a_model_drives_the_car_named_before() -> None:
    text = (
        "Peugeot plans to run two 9X8s in the 2026 World Endurance Championship.\n\n"
        "Jean Vergne is set to share the #93 car with Paul di Resta and Mikkel Jensen."
    )
    facts = run(
        text,
        [
            ("Peugeot", "peugeot", T),
            ("9X8s", "9x8", CAR),
            ("World Endurance Championship", "wec", C),
            ("Jean Vergne", "jv", D),
            ("Paul di Resta", "pdr", D),
            ("Mikkel Jensen", "mj", D),
        ],
        published=PUB,
    )
    assert has(facts, "drives", s="pdr", o="9x8", number=93)
    assert has(facts, "competesIn", s="mj", o="wec", season=2026, status="planned")
