"""A story that goes class by class puts its class-less participation in the class of the
section it is in; a class named beside one crew stays that crew's.

Own paragraphs of the genre, through the whole pipeline.
"""

from __future__ import annotations

from spacy.language import Language

from racegraph.records import Value
from racegraph.reference import Reference
from tests.extract._pipeline_harness import extract


def _classes(nlp: Language, reference: Reference, text: str) -> dict[str, Value | None]:
    ex = extract(nlp, reference, text)
    return {
        str(f.get("s")): f.get("class")
        for f in ex.facts
        if f.relation == "competesIn" and f.get("o") == "fia-wec"
    }


def test_crews_after_a_class_level_sentence_take_its_class(
    nlp: Language, reference: Reference
) -> None:
    text = (
        "The FIA World Endurance Championship will have 36 cars in 2025, according to the "
        "entry list.\n\n"
        "Genesis joins the top class with two cars, taking the number of Hypercar "
        "manufacturers to eight.\n\n"
        "Toyota Gazoo Racing has kept Sebastien Buemi, Brendon Hartley and Ryo Hirakawa "
        "together in the #8 GR010 Hybrid.\n\n"
        "In LMGT3, Ferrari and Porsche each supply two cars."
    )
    got = _classes(nlp, reference, text)
    assert got.get("sebastien-buemi") == "hypercar"
    assert got.get("gazoo") == "hypercar"


def test_a_class_named_beside_one_crew_is_not_a_section(
    nlp: Language, reference: Reference
) -> None:
    text = (
        "Hertz Team JOTA has confirmed its line-up for the 2025 FIA World Endurance "
        "Championship. Callum Ilott will share the #12 car with Will Stevens in the Hypercar "
        "class. The second car will be driven by Phil Hanson together with Oliver Rasmussen."
    )
    got = _classes(nlp, reference, text)
    assert got.get("callum-ilott") == "hypercar"
    assert "phil-hanson" in got
    assert got["phil-hanson"] is None
