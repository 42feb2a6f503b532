"""The extraction glue on the three sample articles, scored against tests/gold."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from racegraph.articles import list_articles, read_article
from racegraph.evaluate import load_gold, predicted_from_extraction, score
from racegraph.extract import extract_article, extract_articles
from racegraph.extract.context import DocContext
from racegraph.extract.factories import GENRE_RULER, REFERENCE_RULER
from racegraph.records import Article, Extraction
from racegraph.reference import Reference

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    return [read_article(p) for p in list_articles(ROOT / "data" / "articles")]


@pytest.fixture(scope="module")
def extractions(articles: list[Article], nlp: Language, reference: Reference) -> list[Extraction]:
    return extract_articles(articles, nlp=nlp, reference=reference, batch_size=2)


def test_pipeline_components(nlp: Language) -> None:
    assert nlp.pipe_names[-2:] == [REFERENCE_RULER, GENRE_RULER]
    analysis = nlp.analyze_pipes()
    assert analysis is not None
    assert analysis["summary"][GENRE_RULER]["assigns"] == ["doc.spans"]
    assert not any(analysis["problems"].values())


def test_entity_f1_on_the_samples(extractions: list[Extraction]) -> None:
    gold = load_gold(ROOT / "tests" / "gold")
    report = score([predicted_from_extraction(e) for e in extractions], gold).to_json()
    entities = report["entities"]
    assert isinstance(entities, dict)
    tp = sum(v["tp"] for v in entities.values())
    fp = sum(v["fp"] for v in entities.values())
    fn = sum(v["fn"] for v in entities.values())
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    assert precision >= 0.95, entities
    assert recall >= 0.95, entities
    for etype in ("Driver", "Team", "Championship", "Country", "Manufacturer", "Venue"):
        assert entities[etype]["f1"] >= 0.95, (etype, entities[etype])


def test_batch_equals_one_by_one(
    articles: list[Article], nlp: Language, reference: Reference, extractions: list[Extraction]
) -> None:
    single = [extract_article(a, nlp=nlp, reference=reference) for a in articles]
    assert [e.entities for e in single] == [e.entities for e in extractions]
    assert [e.mentions for e in single] == [e.mentions for e in extractions]


def test_output_is_sorted_and_anchored(extractions: list[Extraction]) -> None:
    for ex in extractions:
        keys = [e.key for e in ex.entities]
        assert keys == sorted(keys)
        assert len(set(keys)) == len(keys)
        for m in ex.mentions:
            assert ex.article.text[m.start : m.end] == m.text
        for fact in ex.facts:
            ev = fact.evidence
            assert 0 <= ev.start <= ev.end <= len(ex.article.text)


def test_same_entity_same_key_across_articles(extractions: list[Extraction]) -> None:
    per_article = [{e.key for e in ex.entities} for ex in extractions]
    assert {"valentino-rossi", "wrt", "bmw"} <= per_article[0] & per_article[1] & per_article[2]
    rookie = "fia-wec-2023-rookie-test"
    assert rookie in per_article[1] and rookie in per_article[2]


def test_evidence_helper(articles: list[Article], nlp: Language, reference: Reference) -> None:
    article = articles[0]
    ctx = DocContext(article=article, doc=nlp(article.text), reference=reference)
    at = article.text.index("Partnered with Maxime Martin")
    ev = ctx.evidence(at, rule="test")
    assert ev.sentence.startswith("Partnered with Maxime Martin")
    assert article.text[ev.start : ev.end] == ev.sentence
    assert ev.rule == "test"
