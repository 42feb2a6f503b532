"""The working state of extraction for one article, shared by the stages inside ``extract/``.

Mentions and linking fill it; relations read it (and may add entities, e.g. a race session
they discover); :func:`racegraph.extract.extract_article` turns it into a plain
:class:`~racegraph.records.Extraction`. spaCy objects never leave ``extract/``.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from racegraph.records import Article, Entity, EntityType, EventKind, Evidence, Fact

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from racegraph.reference import Reference


_PAST_ASIDE = re.compile(
    r"(?:,\s*|\s)(?:who|which)\s+(?:had\s+)?(?:won|took|claimed|finished|raced|started)\s+"
    r"(?:[\w-]+\s+){0,3}?$"
    r"|\b(?:success|win|victory|podium|points)\s+since\s+$"
    r"|,\s*(?:the\s+|a\s+)?(?:(?:\w+-time|reigning|defending)\s+)?winners?\s+of\s+$",
    re.I,
)


def recalled_race(text: str, pos: int) -> bool:
    """Is the event named at ``pos`` recalled by a relative clause ("A and B, who won the
    Rolex 24 at Daytona in January, ...") or as the last success ("their first win since
    the 6 Hours of Imola", "A, winner of the Dubai 24 Hour three weeks ago")? It is not the
    race the story goes on about."""
    return bool(_PAST_ASIDE.search(text[max(0, pos - 60) : pos]))


@dataclass(frozen=True, slots=True)
class LinkedMention:
    """A span of ``article.text`` (character offsets) linked to an entity key."""

    start: int
    end: int
    text: str
    entity: str
    type: EntityType
    rule: str


@dataclass(frozen=True, slots=True)
class ValueMention:
    """A non-entity span with a normalised value: a date, a position, a race number, a count.

    ``label`` is ``DATE`` (``value`` = ISO date or year as text, empty when unresolved),
    ``POSITION`` (``value`` = the position as text, ``"1"`` for "pole"/"winner" is NOT
    assumed: pole gives ``"pole"``, runner-up ``"2"``, podium ``"podium"``), ``RACE_NUMBER``
    (``"46"``), ``ORDINAL`` or ``CARDINAL`` (the number as text when known).
    """

    start: int
    end: int
    text: str
    label: str
    value: str
    rule: str


@dataclass(frozen=True, slots=True)
class EventInfo:
    """What the text says about a minted event (keys of other entities, or None)."""

    key: str
    kind: EventKind
    championship: str | None = None
    venue: str | None = None
    country: str | None = None
    year: int | None = None
    round: int | None = None
    date: _dt.date | None = None
    parent: str | None = None


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
    values: list[ValueMention] = field(default_factory=list)
    events: dict[str, EventInfo] = field(default_factory=dict)
    subject: str | None = None
    """Key of the article's main person (most mentioned), when there is one."""

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

    def add_mention(self, mention: LinkedMention, *, label: bool = True) -> None:
        """Record a linked mention, keeping the list sorted by offset. Without ``label`` the
        text refers to the entity but does not name it ("Thursday's Hyperpole" of a race):
        it is no surface form of the entity."""
        bisect.insort(self.mentions, mention, key=lambda m: (m.start, m.end))
        self.add_entity(
            mention.entity,
            mention.type,
            self.entities[mention.entity].name if mention.entity in self.entities else mention.text,
            mention=mention.text if label else None,
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

    def sentence_bounds(self, start: int) -> tuple[int, int]:
        """Character range of the sentence containing offset ``start``."""
        token = self.doc.char_span(start, start + 1, alignment_mode="expand")
        if token is None or len(token) == 0:
            return 0, len(self.article.text)
        sent = token[0].sent
        return sent.start_char, sent.end_char

    def evidence(
        self, start: int, end: int | None = None, *, rule: str, confidence: float = 0.8
    ) -> Evidence:
        """Evidence for a fact found in the sentence containing ``start``.

        The evidence offsets are those of the whole sentence (``Article.text`` offsets) unless
        ``end`` is given, in which case ``[start, end)`` is kept and the sentence text is still
        the full containing sentence.
        """
        s_start, s_end = self.sentence_bounds(start)
        return Evidence(
            sentence=self.article.text[s_start:s_end],
            start=s_start if end is None else start,
            end=s_end if end is None else end,
            rule=rule,
            confidence=confidence,
        )

    def evidence_for(self, span: Span, *, rule: str, confidence: float = 0.8) -> Evidence:
        """Evidence from a spaCy span (usually a sentence): its text and offsets."""
        return Evidence(
            sentence=span.text,
            start=span.start_char,
            end=span.end_char,
            rule=rule,
            confidence=confidence,
        )

    def entities_of(self, *types: EntityType) -> list[Entity]:
        """Entities of the given types, sorted by key."""
        return sorted((e for e in self.entities.values() if e.type in types), key=lambda e: e.key)

    def last_before(
        self, start: int, *types: EntityType, foreground: bool = False
    ) -> LinkedMention | None:
        """The closest linked mention of one of ``types`` ending at or before ``start``
        (with ``foreground``, the closest that is no :meth:`background`, if there is one)."""
        best: LinkedMention | None = None
        fallback: LinkedMention | None = None
        for m in self.mentions:
            if m.start >= start:
                break
            if m.type in types and m.end <= start:
                if foreground and self.background(m):
                    fallback = m
                else:
                    best = m
        return best or fallback

    def background(self, m: LinkedMention) -> bool:
        """Is ``m`` named in a quotation, in a past-tense relative clause about someone
        ("Okafor, who moved to Japan after two seasons in F2, ...") or in an aside about
        what else he does ("who also drives for Century in British GT")? Such a name is
        background: it sets no context for the narrative after it ("the team he still
        represents in X" does)."""
        if in_quotation(self.article.text, m.start):
            return True
        return any(
            t.dep_ == "relcl"
            and (t.tag_ in {"VBD", "VBN"} or any(c.lower_ == "also" for c in t.children))
            for t in self.governors(m)
        )  # "..., who also drives for Century in British GT": an aside

    def governors(self, m: LinkedMention) -> list[Token]:
        """The tokens above the mention's head in the parse, nearest first: the clauses it
        sits in (a relative clause, an adverbial clause) say what the mention is to the
        sentence."""
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        return list(span.root.ancestors) if span is not None else []

    def mention_counts(self) -> dict[str, int]:
        """How many linked mentions each entity key has."""
        counts: dict[str, int] = {}
        for m in self.mentions:
            counts[m.entity] = counts.get(m.entity, 0) + 1
        return counts


QUOTE_MARKS = re.compile(r"[\"“”]")
"""Double quotation marks, straight and curly."""

LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)")
"""The gap between two members of a list: ", ", " and ", ", and "."""

# "British GT's next stop is Spa, where the fifth round runs": a round still to come
NEXT_STOP = re.compile(
    r"\b(?:next\s+(?:stop|round|outing|meeting|event)|moves?\s+on\s+to|heads?\s+(?:to|for)"
    r"|resumes|travels?\s+to)\b",
    re.I,
)
ALSO_ROUND = re.compile(r"\b(?:also|doubled? as|doubles as)\s+(?:the\s+)?$", re.I)
"""What ends the text before a second championship's round phrase: "Watkins Glen was also (round
two of X)"."""


def in_quotation(text: str, pos: int) -> bool:
    """Is ``pos`` of ``text`` inside a quotation opened in its paragraph?"""
    start = text.rfind("\n\n", 0, pos) + 1
    marks = QUOTE_MARKS.findall(text, start, pos)
    straight = sum(1 for q in marks if q == '"')
    return straight % 2 == 1 or marks.count("“") > marks.count("”")
