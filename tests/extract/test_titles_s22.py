"""Session 22: titles decided at a finale. "A, B and C are the 2025 Hypercar world
champions" (a copula, not only "were crowned"), "that made A and B the LMP2 champions", and
"which sealed the championship for A, B and C" all say who won the championship. A class
that belongs to one championship names it when the text has named none yet. Own sentences,
full pipeline."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from racegraph.evaluate import PredictedDoc
from racegraph.reference import Reference
from tests.extract._pipeline_harness import facts, predict

_FINALE = (
    "Lucia Ferraro, Henrik Aas and Tom Wexley are the 2025 Hypercar world champions. The "
    "Toyota crew finished third in the 8 Hours of Bahrain, the final round of the FIA World "
    "Endurance Championship.\n\n"
    "In the European Le Mans Series, Nielsen Racing's #24 was second in class, and that made "
    "Owen Pryce and Luca Benedetti the LMP2 Pro-Am champions. In LMP3, the #17 finished "
    "fourth, which sealed the championship for the Swiss Marc Aebi, the Finn Otto Laine and "
    "the Bronze-rated Remy Girard.\n\n"
    "Paolo Venturi hopes to win the title for Ferrari next year.\n"
)


@pytest.fixture(scope="module")
def finale(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _FINALE, published=dt.date(2025, 11, 10))


def _winners(doc: PredictedDoc, championship: str) -> set[object]:
    return {f["s"] for f in facts(doc, "won") if f["o"] == championship}


def test_are_the_champions_names_the_winners(finale: PredictedDoc) -> None:
    assert {"lucia-ferraro", "henrik-aas", "tom-wexley"} <= _winners(finale, "fia-wec")


def test_made_them_the_champions(finale: PredictedDoc) -> None:
    assert {"owen-pryce", "luca-benedetti"} <= _winners(finale, "elms")


def test_sealed_the_championship_for_a_crew(finale: PredictedDoc) -> None:
    assert {"marc-aebi", "otto-laine", "remy-girard"} <= _winners(finale, "elms")


def test_a_hope_is_no_title(finale: PredictedDoc) -> None:
    assert "paolo-venturi" not in {f["s"] for f in facts(finale, "won")}
