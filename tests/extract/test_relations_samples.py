"""The three sample articles through the full pipeline, scored with racegraph.evaluate."""

from __future__ import annotations

from pathlib import Path

import pytest

from racegraph.articles import read_article
from racegraph.evaluate import EvalReport, load_gold, predicted_from_extraction, score
from racegraph.extract import extract_article, load_pipeline
from racegraph.records import RELATIONS
from racegraph.reference import load_reference

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def report() -> EvalReport:
    reference = load_reference()
    nlp = load_pipeline(reference)
    extractions = [
        extract_article(read_article(p), nlp=nlp, reference=reference)
        for p in sorted((ROOT / "data" / "articles").glob("*.txt"))
    ]
    for ex in extractions:
        assert not [w for w in ex.warnings if "relations" in w], ex.warnings
    return score(
        [predicted_from_extraction(ex) for ex in extractions], load_gold(ROOT / "tests" / "gold")
    )


def test_overall_fact_f1(report: EvalReport) -> None:
    assert report.fact_total.f1 >= 0.85, (report.missed, report.spurious)


@pytest.mark.parametrize("relation", RELATIONS)
def test_fact_f1_per_relation(report: EvalReport, relation: str) -> None:
    counts = report.facts.get(relation)
    if counts is None or counts.empty:
        pytest.skip(f"no {relation} facts in the samples")
    assert counts.f1 >= 0.6, [m for m in report.missed + report.spurious if relation in m]
