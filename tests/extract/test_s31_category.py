"""Session 31: a category change told as a recategorisation with the old rating in a
participle before it ("Rated Gold when he was hurt, the Dane has been recategorised as a
Silver"). Own sentences, full pipeline."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from racegraph.reference import Reference
from tests.extract._pipeline_harness import facts, predict


def test_recategorised_with_the_old_rating_before(nlp: Language, reference: Reference) -> None:
    doc = predict(
        nlp,
        reference,
        "Comeback\n\nDaniel Hwang returns at Sebring in the #120 Porsche. Rated Gold when he "
        "was hurt, the American has been recategorised as a Silver by the FIA for 2024.\n",
        published=dt.date(2024, 3, 6),
    )
    cats = [(f["s"], f["o"], f.get("previous")) for f in facts(doc, "fiaCategory")]
    assert ("daniel-hwang", "silver", "gold") in cats
