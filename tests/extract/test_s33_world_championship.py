"""Session 33: "the world championship" names a championship: the last world championship
the story named, else the sports-car one (an entry-list story: "LMP2, which appears in the
world championship only at Le Mans"). Own sentences, full pipeline."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from racegraph.reference import Reference
from tests.extract._pipeline_harness import predict


def _named_by(nlp: Language, reference: Reference, text: str) -> set[str]:
    """The entities "the world championship" is linked to in ``text``."""
    doc = predict(nlp, reference, text, published=dt.date(2025, 2, 7))
    return {e.key for e in doc.entities if "the world championship" in e.mentions}


def test_in_an_entry_list_story_it_is_the_wec(nlp: Language, reference: Reference) -> None:
    text = (
        "Sixty cars are entered for the 24 Hours of Le Mans, 20 of them in Hypercar. LMP2, "
        "which appears in the world championship only at Le Mans, has 17 Oreca 07 Gibsons."
    )
    assert _named_by(nlp, reference, text) == {"fia-wec"}


def test_after_another_world_championship_it_is_that_one(
    nlp: Language, reference: Reference
) -> None:
    text = (
        "Marco Rossi raced in the Formula One World Championship for three seasons. He left "
        "the world championship in 2019 to drive for Team WRT."
    )
    assert _named_by(nlp, reference, text) == {"formula-1"}
