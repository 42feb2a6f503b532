"""Run the whole extraction pipeline on a sentence of the genre and read back its records.

For tests of rules that depend on NER and linking too (the relation harness places mentions
by hand instead).
"""

from __future__ import annotations

import datetime as dt
import hashlib

from spacy.language import Language

from racegraph.evaluate import PredictedDoc, predicted_from_extraction
from racegraph.extract import extract_article
from racegraph.records import Article, Extraction
from racegraph.reference import Reference

MONDAY = dt.date(2024, 4, 15)


def extract(
    nlp: Language, reference: Reference, text: str, *, published: dt.date = MONDAY
) -> Extraction:
    """The records of ``text`` read as an article of its own (evidence and rules included)."""
    art = Article(
        stem="t",
        file_name="t.txt",
        published=published,
        text=text,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        word_count=len(text.split()),
    )
    return extract_article(art, nlp=nlp, reference=reference)


def predict(
    nlp: Language, reference: Reference, text: str, *, published: dt.date = MONDAY
) -> PredictedDoc:
    return predicted_from_extraction(extract(nlp, reference, text, published=published))


def facts(doc: PredictedDoc, relation: str) -> list[dict[str, object]]:
    return [dict(f.args) for f in doc.facts if f.relation == relation]


def events(doc: PredictedDoc) -> dict[str, tuple[str, ...]]:
    return {e.key: e.mentions for e in doc.entities if e.type == "Event"}


def event_key(evs: dict[str, tuple[str, ...]], mention: str) -> str:
    """The key of the event (of :func:`events`) that ``mention`` names."""
    return next(k for k, ms in evs.items() if mention in ms)


def entity_types(doc: PredictedDoc) -> dict[str, str]:
    return {e.key: e.type for e in doc.entities}
