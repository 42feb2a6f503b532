"""Session 30: mid-season driver-change stories. A crew told in the present ("A, B and C
keep their seats") weeks after a race the story recalls is this season's crew, not that
race's. Own sentences, full pipeline."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from racegraph.evaluate import PredictedDoc
from racegraph.reference import Reference
from tests.extract._pipeline_harness import facts, predict

_RESHUFFLE = (
    "Category change forces Iron Lynx reshuffle\n\n"
    "Iron Lynx will run a new crew in its #61 Mercedes-AMG LMGT3 at the 6 Hours of Sao Paulo "
    "on 13 July. The FIA moved Pablo Ortega from Silver to Gold on Monday.\n\n"
    "Ortega had a strong first half of the year: at the 24 Hours of Le Mans he, Daniel Hwang "
    "and Tomas Hrabal brought the car home fourth in class on Sunday 15 June.\n\n"
    "The #60 is not affected. Anders Holm, Piet Janssen and the Austrian Mercedes-AMG works "
    "driver Florian Gasteiger keep their seats.\n"
)


@pytest.fixture(scope="module")
def reshuffle(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _RESHUFFLE, published=dt.date(2025, 7, 2))


def test_a_crew_told_in_the_present_weeks_after_a_race_is_no_crew_of_it(
    reshuffle: PredictedDoc,
) -> None:
    pairs = {
        frozenset((str(f["s"]), str(f["o"]))): f.get("event") for f in facts(reshuffle, "coDriver")
    }
    kept = frozenset(("anders-holm", "piet-janssen"))
    assert kept in pairs
    assert pairs[kept] is None
