"""Championships the reference does not list: a listed family named with its region, and
names of the shape "<Proper words> Cup/Series/Championship"; "the series" is the story's own.

Own sentences of the genre, through the whole pipeline.
"""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from racegraph.records import EntityType, Extraction
from racegraph.reference import Reference
from tests.extract._pipeline_harness import extract


def _championships(ex: Extraction) -> dict[str, set[str]]:
    return {e.name: set(e.mentions) for e in ex.entities if e.type is EntityType.CHAMPIONSHIP}


def test_a_listed_family_with_its_region_is_a_series_of_its_own(
    nlp: Language, reference: Reference
) -> None:
    text = (
        "Rico Santos, who won the Lamborghini Super Trofeo Asia title in 2023, moves to "
        "Ferrari Challenge North America. His team-mate came up from Super Formula Lights."
    )
    names = set(_championships(extract(nlp, reference, text)))
    assert {
        "Lamborghini Super Trofeo Asia",
        "Ferrari Challenge North America",
        "Super Formula Lights",
    } <= names
    assert not names & {"Lamborghini Super Trofeo", "Ferrari Challenge", "Super Formula"}


def test_an_unlisted_cup_is_minted_but_classes_and_title_tables_are_not(
    nlp: Language, reference: Reference
) -> None:
    text = (
        "Mika Laine won the Porsche Carrera Cup Benelux last year and also took the Silver Cup "
        "class in the GT World Challenge Europe, finishing third in the Drivers' Championship."
    )
    ex = extract(nlp, reference, text)
    names = set(_championships(ex))
    assert "Porsche Carrera Cup Benelux" in names
    assert not any("Silver" in n or "Drivers" in n for n in names)
    assert any(e.type is EntityType.CLASS and e.name == "Silver Cup" for e in ex.entities)


def test_the_series_is_the_story_series_not_one_named_in_a_past_aside(
    nlp: Language, reference: Reference
) -> None:
    text = (
        "Kenji Mori won the Super Formula race at Fuji on Sunday. Liam Ortiz, who raced two "
        "seasons in the FIA Formula 2 Championship, finished third. Ortiz is the best of the "
        "series' rookies."
    )
    ex = extract(nlp, reference, text, published=dt.date(2025, 7, 21))
    series = {e.name for e in ex.entities if "the series" in {m.lower() for m in e.mentions}}
    assert series == {"Super Formula"}
