"""The working state of extraction for one article, shared by the stages inside ``extract/``.

Mentions and linking fill it; relations read it (and may add entities, e.g. a race session
they discover); :func:`racegraph.extract.extract_article` turns it into a plain
:class:`~racegraph.records.Extraction`. spaCy objects never leave ``extract/``.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from racegraph.records import Article, Entity, EntityType, EventKind, Fact

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from racegraph.reference import Reference


@dataclass(frozen=True, slots=True)
class LinkedMention:
    """A span of ``article.text`` (character offsets) linked to an entity key."""

    start: int
    end: int
    text: str
    entity: str
    type: EntityType
    rule: str


@dataclass(slots=True)
class DocContext:
    """Everything known about one article while extracting it."""

    article: Article
    doc: Doc
    reference: Reference
    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: list[LinkedMention] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def add_entity(
        self,
        key: str,
        type: EntityType,
        name: str,
        *,
        mention: str | None = None,
        reference: str | None = None,
        kind: EventKind | None = None,
    ) -> Entity:
        """Add an entity or merge a new surface form into an existing one (same key)."""
        existing = self.entities.get(key)
        if existing is None:
            entity = Entity(
                key=key,
                type=type,
                name=name,
                mentions=(mention,) if mention else (),
                reference=reference,
                kind=kind,
            )
        else:
            forms = existing.mentions
            if mention and mention not in forms:
                forms = (*forms, mention)
            entity = Entity(
                key=existing.key,
                type=existing.type,
                name=existing.name,
                mentions=forms,
                reference=existing.reference or reference,
                kind=existing.kind or kind,
            )
        self.entities[key] = entity
        return entity

    def add_mention(self, mention: LinkedMention) -> None:
        """Record a linked mention, keeping the list sorted by offset."""
        bisect.insort(self.mentions, mention, key=lambda m: (m.start, m.end))
        self.add_entity(
            mention.entity,
            mention.type,
            self.entities[mention.entity].name if mention.entity in self.entities else mention.text,
            mention=mention.text,
        )

    def mentions_between(self, start: int, end: int) -> list[LinkedMention]:
        """Linked mentions fully inside the character range ``[start, end)``."""
        i = bisect.bisect_left(self.mentions, start, key=lambda m: m.start)
        out = []
        for m in self.mentions[i:]:
            if m.start >= end:
                break
            if m.end <= end:
                out.append(m)
        return out

    def mentions_in(self, span: Span) -> list[LinkedMention]:
        """Linked mentions inside a spaCy span (e.g. a sentence)."""
        return self.mentions_between(span.start_char, span.end_char)
