"""Oracle linking: a :class:`DocContext` built from hand-placed mentions.

Relation rules are measured and unit-tested on correct mentions, so that their quality does
not depend on NER or linking. ``context_from_mentions`` places given surface forms;
``context_from_gold`` places every mention of a gold annotation (``tests/gold/*.yaml``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from racegraph.extract.context import DocContext, LinkedMention
from racegraph.records import Article, EntityType, EventKind

if TYPE_CHECKING:
    from spacy.language import Language

    from racegraph.reference import Reference

Placement = tuple[str, str, EntityType] | tuple[str, str, EntityType, EventKind | None]


def context_from_mentions(
    article: Article,
    *,
    nlp: Language,
    reference: Reference,
    mentions: Iterable[Placement],
    names: Mapping[str, str] | None = None,
) -> DocContext:
    """Parse ``article.text`` and link every occurrence of each ``(surface, key, type[, kind])``.

    Occurrences are whole-word, case-sensitive. A span nested inside a longer span of the
    same entity is dropped; nested spans of other entities are kept (e.g. "Italian" inside
    "the Italian" linked to a driver).
    """
    ctx = DocContext(article=article, doc=nlp(article.text), reference=reference)
    placed: list[tuple[int, int, str, str, EntityType, EventKind | None]] = []
    for item in mentions:
        surface, key, etype = item[0], item[1], item[2]
        kind = item[3] if len(item) > 3 else None
        pattern = r"(?<!\w)" + re.escape(surface) + r"(?!\w)"
        for m in re.finditer(pattern, article.text):
            placed.append((m.start(), m.end(), surface, key, etype, kind))
    kept = []
    for s, e, surface, key, etype, kind in placed:
        if any(
            k2 == key and s2 <= s and e <= e2 and (s2, e2) != (s, e)
            for s2, e2, _, k2, _, _ in placed
        ):
            continue
        kept.append((s, e, surface, key, etype, kind))
    for s, e, surface, key, etype, kind in sorted(set(kept)):
        name = (names or {}).get(key, surface)
        ctx.add_entity(key, etype, name, kind=kind)
        ctx.add_mention(
            LinkedMention(start=s, end=e, text=surface, entity=key, type=etype, rule="oracle")
        )
    return ctx


_KIND_HINTS = (
    ("entry-list", EventKind.ENTRY_LIST),
    ("entry list", EventKind.ENTRY_LIST),
    ("test", EventKind.TEST),
    ("race-", EventKind.RACE),
    ("round", EventKind.ROUND),
)


def context_from_gold(
    article: Article,
    gold: Mapping[str, object],
    *,
    nlp: Language,
    reference: Reference,
) -> DocContext:
    """A context whose mentions are the gold annotation's entity mentions."""
    placements: list[Placement] = []
    names: dict[str, str] = {}
    entities = gold.get("entities", [])
    assert isinstance(entities, list)
    for ent in entities:
        key = str(ent["id"])
        etype = EntityType(str(ent["type"]))
        names[key] = str(ent["name"])
        kind = None
        if etype is EntityType.EVENT:
            probe = (key + " " + str(ent["name"])).lower()
            kind = next((k for hint, k in _KIND_HINTS if hint in probe), EventKind.EVENT)
        for surface in ent.get("mentions", []) or [ent["name"]]:
            placements.append((str(surface), key, etype, kind))
    return context_from_mentions(
        article, nlp=nlp, reference=reference, mentions=placements, names=names
    )
