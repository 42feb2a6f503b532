"""Session 33: titles settled at a season finale. "X took the LMP2 crown" in the report of a
race run days before is that season's title; a team that opens the sentence by description
("The British team, first reserve for Le Mans this year, won the ... title") is the winner,
not a driver named earlier. Own sentences, full pipeline."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from racegraph.evaluate import PredictedDoc
from racegraph.reference import Reference
from tests.extract._pipeline_harness import facts, predict

_FINALE = (
    "Portimão settles the European Le Mans Series titles\n\n"
    "The 4 Hours of Portimão on Saturday, the sixth and final round of the European Le Mans "
    "Series, decided all three classes.\n\n"
    "Nordlicht Racing took the LMP2 crown with the #48 Oreca 07 Gibson.\n\n"
    "Zenith Motorsport has no such doubts. The British team, first reserve for Le Mans this "
    "year, won the LMP2 Pro-Am title with the #24.\n\n"
    "In LMGT3 the title went to Team Aurora.\n"
)


@pytest.fixture(scope="module")
def finale(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _FINALE, published=dt.date(2025, 10, 20))


def _won(doc: PredictedDoc) -> set[tuple[object, ...]]:
    return {(f["s"], f["o"], f.get("season"), f.get("class")) for f in facts(doc, "won")}


def test_a_crown_taken_at_the_finale_is_this_seasons(finale: PredictedDoc) -> None:
    assert ("nordlicht", "elms", 2025, "lmp2") in _won(finale)


def test_a_team_described_at_the_head_of_the_sentence_won_the_title(
    finale: PredictedDoc,
) -> None:
    assert ("zenith", "elms", 2025, "lmp2-pro-am") in _won(finale)


def test_the_title_that_went_to_a_team(finale: PredictedDoc) -> None:
    assert ("aurora", "elms", 2025, "lmgt3") in _won(finale)
