"""The knowledge graph built from ``data/articles`` once per test session.

Tests that need a real build (saved queries, eval, export, load) share it; building takes a
few seconds, most of it loading spaCy.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "data" / "articles"
GOLD = ROOT / "tests" / "gold"


@pytest.fixture(scope="session")
def pipeline() -> Iterator[object]:
    """The loaded pipeline (spaCy, reference data, ontology, shapes), shared by build tests."""
    from racegraph.build import Pipeline

    yield Pipeline.load()


@pytest.fixture(scope="session")
def built_kg(tmp_path_factory: pytest.TempPathFactory, pipeline: object) -> Path:
    """Path of a finished ``racegraph build`` of data/articles (kg.trig, kg.ttl, store/)."""
    from racegraph.build import BuildOptions, Pipeline, build

    assert isinstance(pipeline, Pipeline)
    out = tmp_path_factory.mktemp("kg")
    result = build(BuildOptions(articles=ARTICLES, out=out), pipeline=pipeline)
    assert result.count("skipped") == 0, [o.message for o in result.outcomes]
    return out
