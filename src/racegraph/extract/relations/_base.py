"""Shared machinery of the relation rules: sentences with their linked mentions, discourse
state (who "he" is, which championship / race / season the text is talking about) and fact
emission with evidence.

Rules work on sentence text with linked-mention slots: a cue is found with a regular
expression (compiled once, module-level constants are immutable ``re.Pattern`` objects) and
its arguments are the linked mentions next to it. No spaCy object leaves ``extract/``.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Token

from racegraph.extract.context import LIST_GAP, DocContext, LinkedMention, in_quotation
from racegraph.extract.time import (
    CARDINALS,
    SEASON_YEAR,
    WEEKDAYS,
    past_months,
    season_of,
    stated_days,
)
from racegraph.records import Entity, EntityType, EventKind, Evidence, Fact, Value
from racegraph.reference import ReferenceEntity, key_of
from racegraph.vocab import slugify

PERSON_TYPES = frozenset({EntityType.DRIVER, EntityType.PERSON})
PLACE_TYPES = frozenset({EntityType.VENUE, EntityType.COUNTRY})
# a race report is published within days of its race; a race further back is recalled
_REPORT_DAYS = 10

_TENS = {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80}
NUMBER_WORDS: dict[str, int] = {
    **CARDINALS,
    **_TENS,
    "a": 1,
    "an": 1,
    "single": 1,
    "double": 2,
    "triple": 3,
    "both": 2,
}

ORDINALS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "runner-up": 2,
    "pole": 1,
}


_FRAME_SEASON = re.compile(
    r"(?:For|In|During|Throughout)\s+(?:the\s+)?"
    + SEASON_YEAR.pattern
    + r"(?:\s+season)?\b(?!\s+and\b)"
)


_FRAME_RELATIVE = re.compile(r"(Last|Next|This)\s+(?:year|season)(?:['’]s)?\b(?!\s+and\b)")


_RELATIVE = re.compile(
    r"\b(?:(?P<rel>next|this|last|previous|coming|current|following)\s+(?:year|season)"
    r"|(?P<n>\w+)\s+years?\s+ago)\b",
    re.I,
)
_DAY = re.compile(
    r"\b(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:['’]s)?\b"
)
_LEDE_WEIGHT = 2
"""Extra votes for a season the first sentence names: the lede says what the story is about."""
VENUE_AND = re.compile(LIST_GAP.pattern + r"(?:at\s+)?(?:the\s+)?")
"""The gap between coordinated places ("at Sebring and Road Atlanta", "Spa, Monza and at
Imola")."""
_PRONOUN_SUBJ = re.compile(r"\b(?:he|she|him|his|her)\b", re.I)
_PLURAL_PRONOUN = re.compile(r"\b(?:they|them|their)\b", re.I)


def number(word: str) -> int | None:
    """An integer from digits or an English number word.

    >>> number("nine"), number("21"), number("many")
    (9, 21, None)
    """
    w = word.lower()
    if w.isdigit():
        return int(w)
    tens, _, unit = w.partition("-")  # "thirty-eight"
    ten = NUMBER_WORDS.get(tens, 0)
    if unit and ten >= 20 and ten % 10 == 0 and CARDINALS.get(unit, 10) < 10:
        return ten + CARDINALS[unit]
    return NUMBER_WORDS.get(w)


def ordinal(word: str) -> int | None:
    """An integer from an ordinal.

    >>> ordinal("third"), ordinal("21st"), ordinal("P3"), ordinal("runner-up")
    (3, 21, 3, 2)
    """
    w = word.lower()
    if w in ORDINALS:
        return ORDINALS[w]
    m = re.fullmatch(r"p?(\d{1,2})(?:st|nd|rd|th)?", w)
    return int(m.group(1)) if m else None


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence (spaCy sentence, split again at line breaks) with its linked mentions."""

    index: int
    paragraph: int
    start: int
    end: int
    text: str  # the rules' view: race numbers written "#N" (see :func:`race_numbers`)
    mentions: tuple[LinkedMention, ...]
    lower: str = ""  # the text in lower case, for cheap cue pre-checks
    source: str = ""  # the article's own words, for evidence
    _by_types: dict[tuple[EntityType, ...], tuple[LinkedMention, ...]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def of(self, *types: EntityType) -> list[LinkedMention]:
        """Mentions of these types, in text order."""
        found = self._by_types.get(types)
        if found is None:
            found = self._by_types[types] = tuple(m for m in self.mentions if m.type in types)
        return list(found)

    def rel(self, offset: int) -> int:
        """Sentence-relative offset of an absolute article offset."""
        return offset - self.start

    def abs(self, offset: int) -> int:
        """Absolute article offset of a sentence-relative offset."""
        return offset + self.start

    def before(self, pos: int, *types: EntityType) -> list[LinkedMention]:
        """Mentions of these types ending at or before absolute offset ``pos`` (text order)."""
        return [m for m in self.of(*types) if m.end <= pos]

    def after(self, pos: int, *types: EntityType) -> list[LinkedMention]:
        """Mentions of these types starting at or after absolute offset ``pos``."""
        return [m for m in self.of(*types) if m.start >= pos]

    def gap(self, left: int, right: int) -> str:
        """Sentence text between two absolute offsets."""
        return self.text[max(0, left - self.start) : max(0, right - self.start)]

    def tail(self, pos: int, n: int = 80) -> str:
        """At most ``n`` characters of sentence text before absolute offset ``pos``
        (end-anchored cue patterns only need the recent context)."""
        return self.gap(max(self.start, pos - n), pos)

    def years(self) -> list[tuple[int, int]]:
        """Explicit years in the sentence as (absolute offset, year); not the start of a span
        that lasts until now ("with the team since 2021" is not about 2021)."""
        return [
            (self.abs(m.start()), season_of(m))
            for m in SEASON_YEAR.finditer(self.text)
            if not _SINCE.search(self.text, 0, m.start())
        ]


_SINCE = re.compile(r"\bsince\s+(?:the\s+)?(?:start\s+of\s+|end\s+of\s+)?$", re.I)

# between two members of a coordination: ", ", " and ", ", and ", "/", with the origin of the
# previous member ("from the Netherlands", "of Fiji", "(GBR)") and a descriptor of the next
# one ("the American", "German driver", "the Swiss youngster", "the local", "the British
# Aston Martin factory driver")
_COORD_GAP = re.compile(
    r"(?:\s+(?:from|of)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?|\s*\([A-Z]{2,3}\)|,\s+\d{2}(?=,)"
    r"|,\s+(?:the|a|an)\s+[^,;.()]{1,50}(?=,))?"  # an apposition: ", the former F1 driver,"
    r"\s*(?:,|and|&|,\s*and|/)\s*"
    r"(?:(?:the\s+)?(?:(?:local|hometown)\s+(?:hero\s+|favourite\s+)?)?"
    r"(?:\d{2}-year-old\s+|[A-Z][a-z]+-rated\s+)?(?:[A-Z][\w-]*\s+){0,3}"
    r"(?:(?:(?:works|factory)\s+)?"
    r"(?:driver|youngster|veteran|rookie|racer|ace|star|newcomer|compatriot)\s+)?)?"
)


def group_before(sent: Sentence, pos: int, types: Iterable[EntityType]) -> list[LinkedMention]:
    """The coordinated group of mentions ("A and B", "A, B and C") nearest before ``pos``.

    Only the group that ends the text before ``pos`` with no other mention of the types in
    between; the members may be separated by ", ", " and " and "from <Country>" phrases.
    """
    tset = set(types)
    cands = [m for m in sent.mentions if m.type in tset and m.end <= pos]
    if not cands:
        return []
    group = [cands[-1]]
    for m in reversed(cands[:-1]):
        if m.end > group[0].start:
            continue
        gap = sent.gap(m.end, group[0].start)
        if _COORD_GAP.fullmatch(gap):
            group.insert(0, m)
        else:
            break
    return _dedupe_mentions(group)


def group_after(sent: Sentence, pos: int, types: Iterable[EntityType]) -> list[LinkedMention]:
    """The coordinated group of mentions starting right after ``pos`` (see group_before)."""
    tset = set(types)
    cands = [m for m in sent.mentions if m.type in tset and m.start >= pos]
    if not cands:
        return []
    group = [cands[0]]
    for m in cands[1:]:
        if m.start < group[-1].end:
            continue
        gap = sent.gap(group[-1].end, m.start)
        if _COORD_GAP.fullmatch(gap):
            group.append(m)
        elif m.entity == group[-1].entity and _SAME_PERSON_GAP.fullmatch(gap):
            group[-1] = m  # "the 21-year-old Pole Jakub Nowicki": descriptor, then the name
        else:
            break
    return _dedupe_mentions(group)


_SAME_PERSON_GAP = re.compile(r"\s+(?:[A-Z][a-z]+\s+)?")


def _dedupe_mentions(ms: list[LinkedMention]) -> list[LinkedMention]:
    seen: set[str] = set()
    out = []
    for m in ms:
        if m.entity not in seen:
            seen.add(m.entity)
            out.append(m)
    return out


# the subordinators of a clause that only conditions its sentence (Article.condition_clause)
_CONDITION_MARKS = frozenset({"once", "until", "unless", "because", "although", "though"})
_CAREER_SPELL = re.compile(
    r"\b(?:after|following|from)\s+(?:\w+\s+){0,3}(?:seasons?|years?|campaigns?|stints?)"
    r"\s+(?:in|with)\s+(?:the\s+)?$",
    re.I,
)


_SIDE_PROGRAMME = re.compile(
    r"\b(?:also|additionally)\s+(?:races?|raced|racing|competes?|competing|contests?|drives?"
    r"|runs?|has\s+a\s+seat)\b|\bcombines?\b|\bdoubles?\s+up\b|\bdoubling\s+up\b"
    r"|\bwarm(?:s|ing|ed)?[\s-]+up\b"
    r"|\bsplit(?:s|ting)?\s+(?:his|her|their|its)\s+(?:season|time|year|programme|weekends)\b",
    re.I,
)

_CAME_FROM = re.compile(
    r"\b(?:arriv(?:es|ed|ing)|comes?|came|coming|moves?|moved|moving|switch(?:es|ed|ing)"
    r"|steps?|stepped|graduat(?:es|ed|ing)|promoted|joins?|joined|returns?|returned)"
    r"\s+(?:[\w-]+\s+){0,3}?from\s+(?:the\s+|a\s+|his\s+|her\s+|their\s+)?$",
    re.I,
)
"""Where a driver comes from ("arrives straight from the Asian Le Mans Series")."""

_ALSO_COUNTS = re.compile(
    r"\b(?:also\s+)?(?:count(?:s|ed|ing)?|scor(?:es|ed|ing))\s+(?:points\s+)?(?:towards|for)"
    r"\s+(?:the\s+)?$|\b(?:also|doubles?\s+as|doubled\s+as)\s+(?:a\s+)?round\s+of\s+(?:the\s+)?$"
    r"|\balso\s+(?:closed|opened|ended|concluded)\s+(?:the\s+)?(?:(?:19|20)\d\d\s+)?$"
    # "the second round of the X and the third of four in the Y"
    r"|\bround\s+of\s+[^.;]{3,80}\s+and\s+the\s+(?:\d{1,2}(?:st|nd|rd|th)|first|second|third"
    r"|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|final|last)"
    r"(?:\s+round)?(?:\s+of\s+\w+)?\s+(?:in|of)\s+(?:the\s+)?(?:(?:19|20)\d\d\s+)?$",
    re.I,
)


@dataclass(slots=True)
class Article:
    """Discourse view of one article, shared by all rule families."""

    ctx: DocContext
    sentences: list[Sentence]
    facts: list[Fact] = field(default_factory=list)
    focus_season: int = 0
    focus_driver: str | None = None
    plan_seasons: list[tuple[int, int]] = field(default_factory=list)
    # paragraph -> (index of its opening sentence, the season that opening frames)
    frames: dict[int, tuple[int, int]] = field(default_factory=dict)
    race_marks: list[tuple[int, str]] = field(default_factory=list)
    round_marks: list[tuple[int, str]] = field(default_factory=list)
    race_dates: dict[str, _dt.date] = field(default_factory=dict)
    race_round: dict[str, str | None] = field(default_factory=dict)
    round_numbers: dict[str, int] = field(default_factory=dict)
    event_seasons: dict[str, int] = field(default_factory=dict)
    event_championships: dict[str, str] = field(default_factory=dict)
    # event -> (sentence start, championship, round) of "was also round two of Y"
    also_rounds: dict[str, list[tuple[int, str, int]]] = field(default_factory=dict)
    held: dict[str, list[str]] = field(default_factory=dict)
    event_tied: dict[str, str] = field(default_factory=dict)
    folded: dict[str, str] = field(default_factory=dict)  # an event key -> the one it is
    _parents: dict[str, str | None] = field(default_factory=dict)
    crews: list[tuple[int, tuple[str, ...]]] = field(default_factory=list)
    modalities: dict[int, tuple[str, str | None]] = field(default_factory=dict)

    def race_at(self, pos: int) -> str | None:
        """The race the text is about at ``pos`` (last race named before it)."""
        best = None
        for p, key in self.race_marks:
            if p < pos:
                best = key
        return best

    def race_for(self, sent: Sentence, pos: int) -> str | None:
        """The race a result cue at ``pos`` reports: the place right after it, else the race
        named nearest in its sentence (after it first), else the last race run before it."""
        if (there := self._race_at_place(sent, pos)) is not None:
            return there
        marks = [(p, k) for p, k in self.race_marks if sent.start <= p < sent.end]
        after = [(p, k) for p, k in marks if p >= pos and p - pos <= 45]
        if after:
            return after[0][1]
        before = [(p, k) for p, k in marks if p < pos]
        if before:
            return before[-1][1]
        if marks:
            return marks[0][1]
        return self._last_run_race(pos)

    def race_days(self) -> list[tuple[str, _dt.date]]:
        """Every (event, day) the text dates: the race days the rules settled first, then
        the eventDate facts stated so far."""
        return [*self.race_dates.items()] + [
            (str(f.get("s")), d)
            for f in self.facts
            if f.relation == "eventDate" and isinstance(d := f.get("o"), _dt.date)
        ]

    def later_in_calendar(self, sent: Sentence, race: str) -> bool:
        """Is ``race`` still to come, with another race to come named before it, and neither
        named in ``sent``? "from Barcelona on 12 April to Portimão on 10 October ... A will be
        joined by B" pairs a season's crew, not the finale's; the race of an entry list ("the
        Rolex 24 ... The 12 Hours of Sebring follows") is no later race."""
        ahead = {
            k
            for k, d in self.race_days()
            if d > self.published and self.kind(k) is not EventKind.TEST
        }
        if race not in ahead:
            return False
        first = next((m.entity for m in self.ctx.mentions if m.entity in ahead), None)
        named = {m.entity for m in sent.of(EntityType.EVENT)}
        return first not in (None, race) and not named & {race, first}

    def long_past(self, sent: Sentence, race: str) -> bool:
        """Is ``race`` a race run weeks before publication that ``sent`` does not name, while
        ``sent`` speaks in the present ("The #60 is not affected. A, B and C keep their
        seats", in July, after a recalled Le Mans)? Then the sentence is about now."""
        day = next((d for k, d in self.race_days() if k == race), None)
        if day is None or (self.published - day).days <= _REPORT_DAYS:
            return False
        if race in {m.entity for m in sent.of(EntityType.EVENT)}:
            return False
        span = self.ctx.doc.char_span(sent.start, sent.end, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        return root.tag_ in {"VB", "VBP", "VBZ"} or any(
            t.tag_ == "MD" and t.head == root for t in root.children
        )

    def _race_at_place(self, sent: Sentence, pos: int) -> str | None:
        """ "won at Imola from pole, six weeks after winning the 4 Hours of Le Castellet": the
        place right after the cue names its race, before any race named later in the clause."""
        venue = next(iter(sent.after(pos, EntityType.VENUE)), None)
        if venue is None or not CUE_AT_PLACE.fullmatch(sent.gap(pos, venue.start)):
            return None
        for keys in ([k for _, k in self.race_marks], [k for _, k in self.round_marks]):
            races = sorted({k for k in keys if self.held_at(k, venue.entity)})
            if races:
                return races[0] if len(races) == 1 else None
        return None

    def _last_run_race(self, pos: int) -> str | None:
        """The race a result names none for ("won the race"): the last race named before it
        that has been run by the publication date. "Dufresne is expected back for the 6 Hours
        of São Paulo on 13 July. ... A, B and C won the race" reports Saturday's race, not
        July's. A race run weeks ago and recalled in an earlier paragraph ("Since Le Mans the
        crew have won the 6 Hours of São Paulo on 13 July") gives way to the race of the
        report, run in the days before publication."""
        here = self.sentence_at(pos)
        run = [
            (p, key, self.race_dates.get(key) or min(self.days_at(p), default=self.published))
            for p, key in self.race_marks
            if p < pos
        ]
        run = [(p, key, date) for p, key, date in run if date <= self.published]
        report = next(
            (
                key
                for _p, key, date in reversed(run)
                if (self.published - date).days <= _REPORT_DAYS
            ),
            None,
        )
        for p, key, date in reversed(run):
            recalled = (self.published - date).days > _REPORT_DAYS and (
                here is None or (p < here.start and self.paragraph_of(p) != here.paragraph)
            )
            if report is not None and key != report and recalled:
                continue
            return key
        return self.race_at(pos)

    def paragraph_of(self, pos: int) -> int | None:
        sent = self.sentence_at(pos)
        return sent.paragraph if sent is not None else None

    def round_at(self, pos: int) -> str | None:
        """The round (race meeting) the text is about at ``pos``."""
        best = None
        for p, key in self.round_marks:
            if p < pos:
                best = key
        return best

    @property
    def published(self) -> _dt.date:
        return self.ctx.article.published

    def entity(self, key: str) -> Entity | None:
        return self.ctx.entities.get(key)

    def listed(self, key: str) -> ReferenceEntity | None:
        """The reference entity an article entity was linked to (None when it was minted)."""
        ent = self.ctx.entities.get(key)
        return self.ctx.reference.by_iri(ent.reference) if ent and ent.reference else None

    def name(self, key: str) -> str:
        """The canonical name of an entity (its key when unknown)."""
        e = self.ctx.entities.get(key)
        return e.name if e is not None else key

    def kind(self, key: str) -> EventKind | None:
        e = self.ctx.entities.get(key)
        return e.kind if e else None

    # --- emission -------------------------------------------------------------------------
    def emit(
        self,
        relation: str,
        sent: Sentence,
        rule: str,
        confidence: float = 0.8,
        /,
        **roles: Value | None,
    ) -> Fact:
        """Record a fact with the sentence as evidence. A class of one championship ("GTD
        Pro": IMSA) carried by context to an entry of another (the WEC) says nothing there."""
        cls = roles.get("class")
        champ = roles.get("o")
        if (
            relation == "competesIn"
            and isinstance(cls, str)
            and isinstance(champ, str)
            and self.class_turn(cls, champ) is not None
        ):
            roles["class"] = None
        evidence = Evidence(
            sentence=sent.source or sent.text,
            start=sent.start,
            end=sent.end,
            rule=rule,
            confidence=confidence,
        )
        fact = Fact.make(relation, evidence, **roles)
        self.facts.append(fact)
        return fact

    # --- discourse ------------------------------------------------------------------------
    def mentions_before(self, pos: int, *types: EntityType) -> Iterator[LinkedMention]:
        """Mentions of these types ending before ``pos``, nearest first."""
        for m in reversed(self.ctx.mentions):
            if m.end <= pos and m.type in types:
                yield m

    def antecedent(self, sent: Sentence, pos: int) -> str | None:
        """The driver a pronoun or description at ``pos`` most likely refers to.

        The nearest driver earlier in the same sentence; otherwise the first driver of the
        nearest earlier sentence that names one (sentence subjects come first); otherwise the
        article's most mentioned driver.
        """
        inside = [m for m in sent.before(pos, EntityType.DRIVER)]
        if inside:
            return inside[-1].entity
        for prev in reversed(self.sentences[: sent.index]):
            drivers = prev.of(EntityType.DRIVER)
            if drivers:
                if self._described_subject(prev, drivers[0]):
                    return self.antecedent(prev, prev.start)
                return drivers[0].entity
        return self.focus_driver

    def _described_subject(self, sent: Sentence, first: LinkedMention) -> bool:
        """The sentence's main subject is a pronoun or a description ("He", "The American",
        "The 24-year-old") before its first named driver, who is then an object ("The American
        shared a car with Kjeldsen"): the subject carries on from the sentences before."""
        toks = [t for t in self.ctx.doc if sent.start <= t.idx < min(sent.end, first.start)]
        for t in toks:
            if t.dep_ not in {"nsubj", "nsubjpass"} or t.head.dep_ != "ROOT":
                continue
            if t.lower_ in {"he", "she"}:
                return True
            phrase = " ".join(w.lower_ for w in t.subtree)
            described = any(
                m.type is EntityType.COUNTRY and t.idx <= m.start < first.start
                for m in sent.mentions
            )
            return phrase.startswith("the ") and (described or "year" in phrase)
        return False

    def car_crew(self, number: int) -> list[str]:
        """The crew the article says drives the car with this race number ("The #46 BMW won
        the title", "Alpine's #35 ... was disqualified"), from its drives facts so far."""
        return list(
            dict.fromkeys(
                s
                for f in self.facts
                if f.relation == "drives" and f.get("number") == number
                for s in [f.get("s")]
                if isinstance(s, str)
            )
        )

    def last_team(self, sent: Sentence, pos: int) -> str | None:
        """The nearest team mentioned before ``pos`` (same sentence or earlier)."""
        for m in self.mentions_before(pos, EntityType.TEAM):
            return m.entity
        return None

    def parent(self, key: str) -> str | None:
        """The parent championship of a sub-championship (reference data, else key prefix)."""
        if key not in self._parents:
            self._parents[key] = self._find_parent(key)
        return self._parents[key]

    def _find_parent(self, key: str) -> str | None:
        ref = self.listed(key)
        if ref is not None and ref.parent:
            return key_of(ref.parent)
        best: str | None = None
        for other, oent in self.ctx.entities.items():
            if (
                oent.type is EntityType.CHAMPIONSHIP
                and other != key
                and key.startswith(other + "-")
                and (best is None or len(other) > len(best))
            ):
                best = other
        return best

    def root(self, key: str) -> str:
        """The top-level championship of a (sub-)championship."""
        seen = {key}
        while (p := self.parent(key)) is not None and p not in seen:
            seen.add(p)
            key = p
        return key

    def root_known(self, key: str) -> str:
        """The top-level championship of a (sub-)championship among the article's entities
        (the named championship itself when no parent of it is an entity of the article)."""
        best = key
        seen = {key}
        while (p := self.parent(key)) is not None and p not in seen:
            seen.add(p)
            key = p
            if p in self.ctx.entities:
                best = p
        return best

    def is_headline(self, sent: Sentence) -> bool:
        """The story's headline: a first paragraph of one sentence without a final stop."""
        return sent is self.sentences[0] and _lede(self.sentences) == 1

    def in_lede(self, pos: int) -> bool:
        """Is ``pos`` in the headline or the story's first paragraph (what the story is about)?"""
        sent = self.sentence_at(pos)
        first = self.sentences[_lede(self.sentences)] if self.sentences else None
        return sent is not None and first is not None and sent.paragraph <= first.paragraph

    def one_driver(self, champ: str | None) -> bool:
        """Is ``champ`` a sprint series whose cars have one driver each (``rg:driversPerCar``
        in the reference data)? There a team-mate drives another car: no crew, no co-driver."""
        ref = self.listed(champ) if champ else None
        return ref is not None and ref.drivers_per_car == 1

    def top_class(self, champ: str | None) -> str | None:
        """The class an unqualified place of ``champ`` is in, when its races have no overall
        order (``rg:topClass``: a SUPER GT win is a GT500 win); the class's key."""
        ref = self.listed(champ) if champ else None
        top = ref.top_class if ref is not None else None
        return key_of(top) if top else None

    def classes_admitting(self, regulations: str) -> list[ReferenceEntity]:
        """The reference classes that admit cars built to ``regulations`` (a class IRI):
        GT3 cars race in LMGT3, GTD and GTD Pro; LMDh cars in Hypercar and GTP."""
        return [e for e in self.ctx.reference.entities if regulations in e.admits]

    def series_of(self, event: str | None) -> str | None:
        """The championship an event (or the meeting a race is part of) belongs to."""
        for key in (event, self.race_round.get(event or "")):
            if key and (champ := self.event_championships.get(key) or self.event_tied.get(key)):
                return champ
        return None

    def championship_at(self, pos: int) -> str | None:
        """The championship the text is about at ``pos``.

        The last championship mentioned before ``pos``, except that a parent championship
        does not replace a sub-championship of it mentioned earlier ("round two of the Sprint
        Cup ... in GTWC Europe" stays in the Sprint Cup).
        """
        current: str | None = None
        aside: str | None = None
        here = self.sentence_at(pos)
        present = here is None or not self._past_clause(here, pos)
        last: LinkedMention | None = None
        for m in self.ctx.mentions:
            if m.start >= pos:
                break
            if m.type is EntityType.CHAMPIONSHIP:
                last, before = m, last
                if before is not None and self._rider(before, m):
                    continue  # "opens both the WeatherTech ... and the Michelin Endurance Cup"
            if m.type is EntityType.CLASS and current is not None:
                own = self.class_turn(m.entity, current)
                if own and not self._past_aside(m, here) and not self._aside(m, present=present):
                    current = own  # "The GTD Pro pair will be run by Pfaff": IMSA's class
                continue
            if m.type is not EntityType.CHAMPIONSHIP:
                continue
            text = self.ctx.article.text
            if (
                _CAREER_LABEL.match(text[m.end : m.end + 30])
                or re.search(
                    r"\b(?:\w+-time|former|ex-)\s*$", text[max(0, m.start - 20) : m.start], re.I
                )
                or self._past_champion(m)
            ):
                continue  # "former Formula 2 racer", "nine-time champion": not the context
            if current is not None and self.parent(current) == m.entity:
                continue
            if current is not None and self.quoted(m.start) and not self.quoted(pos):
                continue  # "Formula 1 here was a sauna," he said: the narrative's series stays
            if current is not None and self._past_aside(m, here):
                continue
            if self._aside(m, present=present):
                aside = m.entity
                continue
            current = m.entity
        return current or aside

    def _rider(self, before: LinkedMention, m: LinkedMention) -> bool:
        """A sub-championship coordinated right after its parent ("the WeatherTech
        SportsCar Championship and the Michelin Endurance Cup") rides along with it: the text
        stays about the parent."""
        gap = self.ctx.article.text[before.end : m.start]
        return self.parent(m.entity) == before.entity and bool(
            re.fullmatch(r"\s*(?:,\s*)?and\s+(?:its|the|their)\s+(?:\d{4}\s+)?", gap)
        )

    def _past_champion(self, m: LinkedMention) -> bool:
        """ "Amaral, the 2023 European Le Mans Series LMP3 champion": a title of an earlier
        season describes a person; it does not turn the text to that championship."""
        text = self.ctx.article.text
        year = re.search(r"\b((?:19|20)\d\d)\s+$", text[max(0, m.start - 8) : m.start])
        return (
            year is not None
            and int(year.group(1)) < self.published.year
            and CHAMPION_LABEL.match(text[m.end : m.end + 40]) is not None
        )

    def class_turn(self, key: str, current: str) -> str | None:
        """The one championship a class belongs to in the reference ("GTD Pro": IMSA), when
        the article knows it and it is not (a part of) ``current``: naming the class turns
        the text to that championship."""
        ref = self.listed(key)
        if ref is None or ref.championship is None:
            return None
        champ = key_of(ref.championship)
        if champ not in self.ctx.entities or self.root(champ) == self.root(current):
            return None
        return champ

    def _lead(self, m: LinkedMention, width: int | None = None) -> str:
        """The text of a mention's sentence before it (its last ``width`` characters)."""
        sent = self.sentence_at(m.start)
        if sent is None:
            return ""
        start = sent.start if width is None else max(sent.start, m.start - width)
        return self.ctx.article.text[start : m.start]

    def side_programme(self, m: LinkedMention) -> bool:
        """ "Kraus also races in the Endurance Cup with Rutronik", "Ghiotti combines Super GT
        with a Pro-Am programme in GTWC Asia", "X arrives straight from the Asian Le Mans
        Series": a second or former programme of one driver, named beside the story's
        championship, is no context for what follows."""
        return bool(_SIDE_PROGRAMME.search(self._lead(m)) or _CAME_FROM.search(self._lead(m, 60)))

    def also_counts(self, m: LinkedMention) -> bool:
        """ "The race ... also counted towards the Intercontinental GT Challenge": a second
        championship of the race, not the one its results are told in."""
        return bool(_ALSO_COUNTS.search(self._lead(m, 140)))

    def _past_clause(self, sent: Sentence, pos: int) -> bool:
        season = self.season_in(sent, pos)
        return season is not None and season < self.published.year

    def _before_focus(self, sent: Sentence, pos: int) -> bool:
        """A clause of a season before the story's: an earlier year, or this year in a story
        about next season ("raced in the ELMS this year" in a 2026 entry-list story)."""
        season = self.season_in(sent, pos)
        return season is not None and (
            season < self.published.year or (season == self.published.year < self.focus_season)
        )

    def _aside(self, m: LinkedMention, *, present: bool = True) -> bool:
        """A championship named in a quotation, in a relative clause about someone ("The
        21-year-old, who moved to Japan after two seasons in F2, ...") or by a past-tense
        verb of a past season ("won the DTM title in 2022") is no context for a statement
        about now; "the team he still represents in X" is."""
        if self.ctx.background(m):
            return True
        if self.career_spell(m) or self.condition_clause(m):
            return True
        if self.side_programme(m) or self.also_counts(m) or self.about_someone(m):
            return True
        span = self.ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
        sent = self.sentence_at(m.start)
        if span is None or not present or sent is None or not self._before_focus(sent, m.start):
            return False
        verb = span.root
        while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
            verb = verb.head
        return verb.tag_ in {"VBD", "VBN"}

    def about_someone(self, m: LinkedMention) -> bool:
        """ "X, who races a Mustang in the GT World Challenge", "having raced in Super GT for a
        decade", "after the Italian chose to race in the GTWC": a championship in a clause
        that describes a person is no context for the story's statements after it ("Y, who
        moves to IMSA" is one of them)."""
        return any(
            (
                t.dep_ == "relcl"
                and t.lemma_ in _RACES_LEMMAS
                and any(c.dep_ == "nsubj" and c.lower_ == "who" for c in t.children)
            )
            or (
                t.dep_ == "advcl"
                and any(c.dep_ == "aux" and c.lower_ == "having" for c in t.children)
            )
            or (  # "after the Italian chose to race in the GTWC instead"
                t.dep_ == "advcl"
                and t.tag_ == "VBD"
                and any(c.dep_ == "mark" and c.lower_ in {"after", "because"} for c in t.children)
            )
            for t in self.ctx.governors(m)
        )

    def condition_clause(self, m: LinkedMention) -> bool:
        """ "expected to join them once BMW has settled its WEC line-ups": a championship in a
        clause that only conditions the statement is no context for what follows."""
        return any(
            t.dep_ == "advcl"
            and any(c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS for c in t.children)
            for t in self.ctx.governors(m)
        )

    def career_spell(self, m: LinkedMention) -> bool:
        """ "after four seasons in DTM": where someone was, not what the story is about."""
        return bool(_CAREER_SPELL.search(self.ctx.article.text[max(0, m.start - 60) : m.start]))

    def _past_aside(self, m: LinkedMention, here: Sentence | None) -> bool:
        """A championship named for a past season in an earlier paragraph ("X raced for the
        team in the WEC last season") does not become the context of later paragraphs."""
        sent = self.sentence_at(m.start)
        if sent is None or here is None or sent.paragraph == here.paragraph:
            return False
        pub = self.published.year
        past = re.search(r"\b(?:last|previous)\s+(?:year|season)\b", sent.text, re.I)
        return bool(past) or any(y < pub for _, y in sent.years())

    def dominant_championship(self) -> str | None:
        """The championship the article names most often (first named wins ties). The body
        that runs just one championship names it too ("IMSA published the entry list")."""
        counts: Counter[str] = Counter()
        first: dict[str, int] = {}
        for m in self.ctx.mentions:
            key: str | None = m.entity if m.type is EntityType.CHAMPIONSHIP else None
            if m.type is EntityType.ORGANISATION:
                ref = self.listed(m.entity)
                runs = key_of(ref.organises) if ref is not None and ref.organises else None
                key = runs if runs in self.ctx.entities else None
            if key is not None:
                counts[key] += 1
                first.setdefault(key, m.start)
        if not counts:
            return None
        return max(counts, key=lambda k: (counts[k], -first[k]))

    def class_at(self, sent: Sentence, pos: int) -> str | None:
        """The class mentioned nearest before ``pos`` in this paragraph, else the class of
        the section heading above it."""
        for m in self.mentions_before(pos, EntityType.CLASS):
            s = self.sentence_at(m.start)
            if s is not None and s.paragraph == sent.paragraph:
                return m.entity
            break
        return self.heading_class(pos)

    def heading_class(self, pos: int) -> str | None:
        """The class of the nearest heading line before ``pos``: an entry list that goes
        class by class puts the class alone on a line ("LMP2 Pro-Am") above its entries, a
        story by class heads each section with it ("LMP2: a procession, for now")."""
        for m in self.mentions_before(pos, EntityType.CLASS):
            s = self.sentence_at(m.start)
            if s is None:
                continue
            if s.source.lower() in (m.text.lower(), f"{m.text.lower()} class"):
                return m.entity
            if m.start == s.start and len(s.source) <= 60 and s.gap(m.end, s.end).startswith(":"):
                return m.entity
        return None

    def days_at(self, pos: int) -> set[_dt.date]:
        """The days the sentence at ``pos`` names (:func:`~racegraph.extract.time.stated_days`)."""
        sent = self.sentence_at(pos)
        return stated_days(sent.text, self.published) if sent is not None else set()

    def only_class_before(self, pos: int) -> str | None:
        """The one class the article has named before ``pos``: the class of a place said to
        be "in class" in a report of one class ("the LMGT3 class of the 24 Hours")."""
        found = {m.entity for m in self.mentions_before(pos, EntityType.CLASS)}
        return found.pop() if len(found) == 1 else None

    def quoted(self, pos: int) -> bool:
        """Is ``pos`` inside a quotation of its paragraph? What a speaker says ("we threw away
        the first race") is no narrative: it sets no context for the sentences after it."""
        return in_quotation(self.ctx.article.text, pos)

    def previous_in_paragraph(self, sent: Sentence) -> Sentence | None:
        """The sentence before ``sent`` in its paragraph (None for a paragraph's first)."""
        prev = self.sentences[sent.index - 1] if sent.index > 0 else None
        return prev if prev is not None and prev.paragraph == sent.paragraph else None

    def sentence_at(self, pos: int) -> Sentence | None:
        for s in self.sentences:
            if s.start <= pos < s.end:
                return s
        return None

    def season_in(
        self, sent: Sentence, pos: int | None = None, *, clause: bool = True
    ) -> int | None:
        """The season a sentence names, nearest to ``pos`` (in its clause unless ``clause`` is
        false): an explicit year, "next season", "this year", "eight years ago" (relative to
        the publication date)."""
        near = pos if clause else None
        found: list[tuple[int, int]] = [
            (p, y) for p, y in sent.years() if near is None or same_clause(sent, p, near)
        ]
        year = self.published.year
        for m in _RELATIVE.finditer(sent.text):
            if near is not None and not same_clause(sent, sent.abs(m.start()), near):
                continue
            if m.group("rel"):
                rel = m.group("rel").lower()
                y = year + 1 if rel in {"next", "coming", "following"} else year
                if rel in {"last", "previous"}:
                    y = year - 1
                found.append((sent.abs(m.start()), y))
            else:
                n = number(m.group("n"))
                if n is not None:
                    found.append((sent.abs(m.start()), year - n))
        for at, y in past_months(sent.text, self.published):
            if near is None or same_clause(sent, sent.abs(at), near):
                found.append((sent.abs(at), y))
        if not found:
            return self.framed_season(sent)
        if pos is None:
            return found[0][1]
        return min(found, key=lambda t: abs(t[0] - pos))[1]

    def framed_season(self, sent: Sentence) -> int | None:
        """The season a paragraph opens with ("For 2026 the pair keep their current seats.
        Eklund and Salgado stay with ...", "Last year brought a first title"): the frame of
        its later sentences (:func:`_frame`)."""
        frame = self.frames.get(sent.paragraph)
        return frame[1] if frame is not None and frame[0] < sent.index else None

    def plan_season(self, sent: Sentence) -> int:
        """The season a future statement without a year is about: the last future season
        named earlier in the article, else the focus season if it lies ahead, else the current
        season in the first half of the year and the next one in the second half."""
        for start, y in reversed(self.plan_seasons):
            if start < sent.start:
                return y
        if self.focus_season > self.published.year:
            return self.focus_season
        return self.published.year + (1 if self.published.month > 6 else 0)

    def day_mentions(self, sent: Sentence) -> list[tuple[int, int, str]]:
        """Weekday expressions in the sentence: (abs start, abs end, weekday)."""
        return [
            (sent.abs(m.start()), sent.abs(m.end()), m.group("day"))
            for m in _DAY.finditer(sent.text)
        ]

    def has_pronoun(self, sent: Sentence, start: int, end: int, plural: bool = False) -> bool:
        pat = _PLURAL_PRONOUN if plural else _PRONOUN_SUBJ
        return bool(pat.search(sent.gap(start, end)))

    def mint(
        self,
        key: str,
        type_: EntityType,
        name: str,
        mention: str | None = None,
        kind: EventKind | None = None,
    ) -> str:
        """Add an entity the rules discovered (deterministic key)."""
        key = slugify(key)
        self.ctx.add_entity(key, type_, name, mention=mention, kind=kind)
        return key

    def venue_event(
        self,
        sent: Sentence,
        rule: str,
        champ: str,
        season: int,
        venue: str,
        *,
        mention: str,
        kind: EventKind,
        round: int | None = None,
        date: _dt.date | int | None = None,
    ) -> str:
        """The championship's meeting at a place in a season (one key per series, season and
        place, however the text names it), stated as ``eventOf.<rule>``, ``heldAt.<rule>``
        and, when the text dates it, ``eventDate.<rule>``."""
        key = self.mint(
            f"{champ}-{season}-{venue}",
            EntityType.EVENT,
            f"{self.name(champ)} {season} {self.name(venue)}",
            mention=mention,
            kind=kind,
        )
        self.emit(
            "eventOf", sent, f"eventOf.{rule}", 0.7, s=key, o=champ, season=season, round=round
        )
        self.emit("heldAt", sent, f"heldAt.{rule}", 0.7, s=key, o=venue)
        if venue not in self.held.setdefault(key, []):
            self.held[key].append(venue)
        if date is not None:
            self.emit("eventDate", sent, f"eventDate.{rule}", 0.7, s=key, o=date)
        return key

    def held_at(self, key: str, venue: str) -> bool:
        """Is event ``key`` held at ``venue`` (stated so, or the place its name gives)?"""
        info = self.ctx.events.get(key)
        return venue in self.held.get(key, []) or (info is not None and info.venue == venue)

    def ensure_reference(self, key_or_iri: str, type_: EntityType) -> str | None:
        """The ctx key of a reference entity (added to the context if needed)."""
        ref = self.ctx.reference.by_iri(key_or_iri)
        if ref is None:
            for cand in self.ctx.reference.of_type(type_):
                if cand.key == key_or_iri:
                    ref = cand
                    break
        if ref is None:
            return None
        for k, e in self.ctx.entities.items():
            if e.reference == ref.iri:
                return k
        if ref.key not in self.ctx.entities:
            self.ctx.add_entity(ref.key, ref.type, ref.label, reference=ref.iri)
        return ref.key


_TITLE_USE = re.compile(
    r"^\s*(?:world\s+)?(?:champion|title|winner|crown|racer|driver|star|veteran|graduate)s?\b",
    re.I,
)
_CAREER_LABEL = re.compile(r"^\s*(?:racer|driver|star|veteran|graduate|days|career|past)s?\b", re.I)
CHAMPION_LABEL = re.compile(r"^(?:\s+[A-Z][\w-]*){0,2}?(?:\s+class)?\s+champions?\b")
"""After a championship's name, the title it makes: "European Le Mans Series LMP3 champion"."""
_RACES_LEMMAS = frozenset({"race", "compete", "drive", "run", "contest", "lead"})
_CLAUSE_BREAK = re.compile(
    r",\s*(?:where|which|who|while|although|though|but|whereas|when)\b|;|,\s*and\s+(?:his|her|the|a)\b",
    re.I,
)


def category_key(art: Article, sent: Sentence, word: str, near: int) -> str | None:
    """The FIA category entity a word ("gold", "bronze-rated") names: the nearest mention in
    the sentence, an entity of the article, the reference concept, or a minted one."""
    cands = [m for m in sent.of(EntityType.FIA_CATEGORY) if word.lower() in m.text.lower()]
    if cands:
        return min(cands, key=lambda m: abs(m.start - near)).entity
    for k, e in art.ctx.entities.items():
        if e.type is EntityType.FIA_CATEGORY and e.name.lower() == word.lower():
            return k
    refs = [r for r in art.ctx.reference.lookup(word) if r.type is EntityType.FIA_CATEGORY]
    if refs:
        return art.ensure_reference(refs[0].iri, EntityType.FIA_CATEGORY)
    return art.mint("fia-" + word.lower(), EntityType.FIA_CATEGORY, word.capitalize(), mention=word)


def subject_seasons(art: Article, relation: str) -> set[tuple[Value | None, Value | None]]:
    """(subject, season) of the article's facts of ``relation`` that name a season: what a
    pass that adds entailed facts must not state a second time."""
    return {
        (f.get("s"), f.get("season"))
        for f in art.facts
        if f.relation == relation and f.get("season") is not None
    }


def is_title_use(sent: Sentence, m: LinkedMention) -> bool:
    """A championship named inside a title ("seven-time MotoGP champion"), not a context."""
    return bool(_TITLE_USE.match(sent.text[sent.rel(m.end) :])) or bool(
        re.search(r"\b\w+-time\s+$", sent.tail(m.start))
    )


_WHERE = re.compile(r"\s*,\s*(?:where|in which)\b[^,;]*", re.I)


def where_antecedent(
    sent: Sentence, mentions: Sequence[LinkedMention], pos: int
) -> LinkedMention | None:
    """The mention a relative clause holding ``pos`` is about: "... the FIA WEC, where he
    drives for AF Corse in the Hypercar class" (the WEC's class, not the story's series)."""
    before = [m for m in mentions if m.end <= pos and _WHERE.fullmatch(sent.gap(m.end, pos))]
    return before[-1] if before else None


def same_clause(sent: Sentence, a: int, b: int) -> bool:
    """No clause boundary (", where", ", which", ", but", ";") between two offsets."""
    lo, hi = min(a, b), max(a, b)
    return not _CLAUSE_BREAK.search(sent.gap(lo, hi))


CUE_AT_PLACE = re.compile(r"\S*(?:\s+(?:the\s+)?(?:race|round|class|overall))?\s+(?:at|in)\s+$")

_NUMBERED_RACE = frozenset({"event-race-n", "event-ordinal-race"})


def is_named_event(m: LinkedMention) -> bool:
    """A proper-named event ("Road to Le Mans", "Le Mans 24 Hours"), not "the Saturday race"."""
    text = m.text.lstrip("‘'\"“ ")
    first = text.split()[0] if text.split() else ""
    return (
        m.rule not in _NUMBERED_RACE  # "Race two was different": capitalised, not a name
        and bool(first)
        and (first[0].isupper() or first[0].isdigit())
        and first.lower() not in {"the", "a", "an", "his", "her", "their"}
        and first.rstrip("’'s").lower() not in WEEKDAYS
    )


def _outermost(mentions: list[LinkedMention]) -> tuple[LinkedMention, ...]:
    """Drop a mention nested in a longer mention of the same type ("GTWC" inside "GTWC Sprint
    Cup"); nested mentions of other types stay ("Italian" inside "the Italian")."""
    return tuple(
        m
        for m in mentions
        if not any(
            o is not m
            and o.type is m.type
            and o.start <= m.start
            and m.end <= o.end
            and (o.end - o.start) > (m.end - m.start)
            for o in mentions
        )
    )


_NO_NUMBER = re.compile(r"\b(?:No|Nr)\.?\s?(?=\d{1,3}\b(?![.,:]\d))")


def race_numbers(text: str) -> str:
    """The text with race numbers written "No. 63" / "No.63" as "#63", padded in front to
    the same length so every offset still points at the article: the rules read one
    notation.

    >>> race_numbers("the No. 63 Iron Lynx Huracan and the #7 Toyota")
    'the    #63 Iron Lynx Huracan and the #7 Toyota'
    """
    return _NO_NUMBER.sub(lambda m: " " * (len(m.group()) - 1) + "#", text)


def build_sentences(ctx: DocContext) -> list[Sentence]:
    """spaCy sentences, split again at line breaks (headlines are sentences of their own)."""
    out: list[Sentence] = []
    paragraph = 0
    text = ctx.article.text
    spans: list[tuple[int, int]] = []
    inside = {i for m in ctx.mentions for i in range(m.start + 1, m.end)}
    for span in ctx.doc.sents:
        s0, s1 = span.start_char, span.end_char
        if spans and s0 > 0 and (not text[s0 - 1].isspace() or s0 in inside):
            # "Cadillac V-Series.R", "four GR Supra GT4 Evos": no break inside a word or name
            spans[-1] = (spans[-1][0], s1)
        else:
            spans.append((s0, s1))
    for s0, s1 in spans:
        pieces = []
        cur = s0
        for m in re.finditer(r"\n+", text[s0:s1]):
            pieces.append((cur, s0 + m.start(), True))
            cur = s0 + m.end()
        pieces.append((cur, s1, False))
        for a, b, breaks in pieces:
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if a < b:
                rules_view = race_numbers(text[a:b])
                out.append(
                    Sentence(
                        index=len(out),
                        paragraph=paragraph,
                        start=a,
                        end=b,
                        text=rules_view,
                        mentions=_outermost(ctx.mentions_between(a, b)),
                        lower=rules_view.lower(),
                        source=text[a:b],
                    )
                )
            if breaks:
                paragraph += 1
    return out


def _lede(sentences: list[Sentence]) -> int:
    """The index of the first sentence of the story: after a headline (a paragraph of one
    sentence without a final stop), else the first. Headline and lede both say what the
    story is about."""
    if (
        len(sentences) > 1
        and sentences[1].paragraph != sentences[0].paragraph
        and not sentences[0].text.rstrip().endswith((".", "!", "?", '"', "”"))
    ):
        return 1
    return 0


def _frame(sent: Sentence, published: int) -> int | None:
    """The season a paragraph's opening sentence frames: "For 2026 ...", "Last year ..."."""
    m = _FRAME_SEASON.match(sent.text)
    if m is not None:
        return season_of(m)
    rel = _FRAME_RELATIVE.match(sent.text)
    if rel is None:
        return None
    return published + {"last": -1, "next": 1, "this": 0}[rel.group(1).lower()]


def prepare(ctx: DocContext) -> Article:
    """Discourse state for one article: sentences, focus season and driver, plan seasons."""
    sentences = build_sentences(ctx)
    art = Article(ctx=ctx, sentences=sentences)
    pub = ctx.article.published.year
    seasons: Counter[int] = Counter()
    lede = _lede(sentences)
    for i, sent in enumerate(sentences):
        for pos, y in sent.years():
            seasons[y] += 1 + _LEDE_WEIGHT * (i in (0, lede))
            if y > pub:
                art.plan_seasons.append((pos, y))
        for m in _RELATIVE.finditer(sent.text):
            if m.group("rel") and m.group("rel").lower() in {"next", "coming", "following"}:
                seasons[pub + 1] += 1
                art.plan_seasons.append((sent.abs(m.start()), pub + 1))
    art.plan_seasons.sort()
    openings = {s.paragraph: s for s in reversed(sentences)}
    for opening in openings.values():
        if (framed := _frame(opening, pub)) is not None:
            art.frames[opening.paragraph] = (opening.index, framed)
    # a race report (weekday results) is about its own season; otherwise the most named
    # season from the publication year on, the lede's counting more, a later one winning
    # ties (announcements)
    seasons[pub] += 1 + sum(1 for s in sentences if _DAY.search(s.text))
    art.focus_season = max((y for y in seasons if y >= pub), key=lambda y: (seasons[y], y))
    drivers: Counter[str] = Counter(m.entity for m in ctx.mentions if m.type is EntityType.DRIVER)
    if drivers:
        first = {m.entity: m.start for m in reversed(ctx.mentions)}
        art.focus_driver = max(drivers, key=lambda k: (drivers[k], -first.get(k, 0)))
    return art


def tokens_in(art: Article, lo: int, hi: int) -> list[Token]:
    """The tokens that start in [lo, hi) (found by bisection: rules call this per sentence
    and per cue)."""
    doc = art.ctx.doc
    i = bisect.bisect_left(doc, lo, key=lambda t: t.idx)
    j = bisect.bisect_left(doc, hi, lo=i, key=lambda t: t.idx)
    return [doc[k] for k in range(i, j)]


def verb_subject(sent: Sentence, verb: Token) -> list[LinkedMention]:
    """Mentions covering the nominal subject of ``verb`` (through an auxiliary chain)."""
    heads = [verb]
    while heads[-1].dep_ in {"xcomp", "conj"} and heads[-1].head.i != heads[-1].i:
        heads.append(heads[-1].head)
    for h in heads:
        subj = [c for c in h.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subj:
            lo = min(t.idx for t in subj[0].subtree)
            hi = max(t.idx + len(t) for t in subj[0].subtree)
            return [m for m in sent.mentions if lo <= m.start and m.end <= hi]
    return []
