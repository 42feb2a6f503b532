"""Stage 2: link mentions to entities (reference or minted) and resolve coreference.

Keys are deterministic and article-independent: reference entities keep their reference key;
minted entities get :func:`~racegraph.vocab.slugify` of their canonical name (people, teams,
car models) or of what the text says about them (events: championship + year + venue/kind).

Passes, in order (later passes see what earlier ones linked):

1. sub-classes ("LMP2 Pro-Am"), reference names, car models, people named in full (a
   "person" that fields cars or has an acronym in its name is a team: "Iron Lynx",
   "Akkodis ASP"), teams named in full;
2. residual NER spans (surnames of people named in full, known team names, organisations,
   demonyms);
3. anaphora in document order: descriptors of the main person ("the Italian", "the
   44-year-old", quoted nicknames), team anaphora ("this team"), "the series", class phrases,
   "the famed French circuit", and event phrases (rounds, races, endurance races named by
   duration with a per-year key when the year is known, dated sessions such as "qualifying on
   Saturday", tests, finales, entry lists, also of a named race).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import itertools
import logging
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, cast

from racegraph.extract.context import (
    ALSO_ROUND,
    LIST_GAP,
    NEXT_STOP,
    DocContext,
    EventInfo,
    LinkedMention,
    ValueMention,
    recalled_race,
)
from racegraph.extract.mentions import (
    NAME_PARTICLES,
    REFERENCE_SPANS,
    Candidate,
    sentence_adverb,
)
from racegraph.extract.time import (
    CARDINALS,
    MONTHS,
    SEASON_YEAR,
    WEEKDAYS,
    days_apart,
    past_months,
    resolve,
    season_of,
    stated_days,
)
from racegraph.records import EntityType, EventKind
from racegraph.vocab import slugify

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from racegraph.reference import Reference, ReferenceEntity

log = logging.getLogger(__name__)

T = EntityType

# Preference among reference entities sharing one surface form.
_TYPE_ORDER = (
    T.CAR_MODEL,
    T.CHAMPIONSHIP,
    T.CLASS,
    T.MANUFACTURER,
    T.ORGANISATION,
    T.VENUE,
    T.COUNTRY,
    T.FIA_CATEGORY,
)
_TEAM_WORDS = frozenset(
    {
        "team",
        "squad",
        "outfit",
        "racing",
        "motorsport",
        "motorsports",
        "autosport",
        "autosports",
        "competition",
        "engineering",
        "run",
        "by",
        "-",
        "entered",
        "prepared",
        "operated",
        "'s",
        "’s",
        "the",
        "this",
        "that",
    }
)
_ROLE_WORDS = frozenset(
    {
        "boss",
        "principal",
        "ceo",
        "director",
        "manager",
        "president",
        "chairman",
        "founder",
        "owner",
        "spokesman",
        "spokesperson",
        "engineer",
        "chief",
        "head",
        "coordinator",
    }
)
_RACING_LEMMAS = frozenset(
    {
        "drive",
        "driver",
        "race",
        "racer",
        "win",
        "victory",
        "finish",
        "qualify",
        "qualified",  # tagged an adjective: "He and X qualified ninth"
        "qualifying",
        "debut",
        "podium",
        "pole",
        "co-driver",
        "test",
        "compete",
        "lap",
        "champion",
        "crew",
        "partner",
        "rider",
        "grid",
        "start",
        "triumph",
        "lineup",
        "line-up",
        "entry",
        "stint",
        "teammate",
        "team-mate",
        "secure",
        "claim",
        "place",
        "car",
        "pilot",
        "category",
        "enter",
        "honour",  # "took class honours"
        "standings",
        "standing",
        # an FIA driver category as a noun ("A, a Swiss Bronze, ...") is a driver's
        "platinum",
        "silver",
        "bronze",
    }
)
_WORLD_ENDURANCE = "FIA World Endurance Championship"  # what "the world championship" means here

_EDITION_NUMBER = re.compile(r"\d{1,3}(?:st|nd|rd|th)")
# "on 24 January", "on Saturday 24 January" right after an event's name
_ON_DAY = re.compile(
    r"\s+on\s+(?:[A-Z][a-z]+day,?\s+)?(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2}\b)"
)
# "Round two, the X, follows on 16 March": the day closes the apposition
_APPOSED_ON_DAY = re.compile(
    r",\s+(?:follows|comes|is|runs|starts|begins|takes\s+place)" + _ON_DAY.pattern
)
_SHARED_BY = re.compile(r"\b(?:shared|driven|crewed)\s+by\s+$")
# "X, who runs Y": X is named in a role (a person, not a driver)
_RUNS_WORDS = frozenset({"runs", "owns", "heads", "leads", "founded", "manages", "ran", "owned"})
_DRIVER_NOUNS = frozenset({"driver", "racer"})
_PERSON_POSSESSIVES = frozenset({"his", "her"})
_SPEECH_LEMMAS = frozenset({"tell", "say", "speak", "explain", "confirm", "reveal", "report"})
# a placing word as the complement of a verb: "was third", "came home fifth", "ended up P4"
_PLACING_DEPS = frozenset({"acomp", "advmod", "attr", "oprd", "npadvmod", "dobj"})
_P_PLACE = re.compile(r"P\d{1,2}")
# "X completed the podium with A and B": X is the team of a crew
_RESULT_LEMMAS = frozenset({"complete", "round"})  # "completed/rounded out the podium"
_TEAM_CUE_BEFORE = frozenset({"for", "with", "join", "joins", "joined", "joining"})
_ENTRANT_VERBS = frozenset({"field", "enter", "run", "return", "withdraw", "bring", "expand"})
_ENTRY_NOUNS = frozenset(
    {"car", "entry", "crew", "line-up", "lineup", "prototype", "machine", "squad", "team"}
)
_SERIES_WORDS = frozenset(
    {
        "season",
        "seasons",
        "calendar",
        "championship",
        "standings",
        "title",
        "grid",
        "field",
        "round",
        "rounds",
        "'s",
        "’s",
    }
)
"""Words after an organiser's name that make it the championship it runs."""
_WINNER_WORDS = frozenset({"winner", "winners", "win", "wins", "victory", "victories"})
_FINISH_WORDS = frozenset({"home", "finish", "line", "flag"})


def _who_follows(doc: Doc, end: int) -> bool:
    """ "X, who ...": a relative clause for a person (an entrant's name takes "which")."""
    return end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ == "who"


def _brought_home(verb: Token) -> bool:
    """ "X brought the car home", "X took the car across the line": a driver finishing, not
    an entrant bringing cars to a race."""
    return any(
        t.lower_ in _FINISH_WORDS and t.i > verb.i for t in verb.subtree if t.dep_ != "nsubj"
    )


_YEAR_WORDS = frozenset({"year", "season"} | set(WEEKDAYS))
_DAY_WORDS = frozenset({"today", "tonight", "tomorrow", "yesterday"} | set(WEEKDAYS))
_RELATIVE_YEAR = re.compile(
    r"\b(?:(?:next|this|last|previous|coming|current|following)\s+(?:year|season)"
    r"|(?:\w+)\s+years?\s+(?:ago|earlier))\b",
    re.I,
)
_DISTANCE_UNITS = frozenset({"km", "kms", "kilometres", "kilometers", "miles"})
# "X drove for Y": Y is an entrant
_DRIVE_FOR_LEMMAS = frozenset({"drive", "race", "compete", "run"})
# "Y has signed X": Y is an entrant when X is a person
_SIGNING_LEMMAS = frozenset({"sign", "hire", "recruit"})
# "the opening race of the season": the season's first round, not a race of the weekend
_SEASON_WORDS = frozenset({"season", "year", "championship", "series"})
# "finished second for the third race in a row", "the first race since Fuji", "his first
# race for Ferrari": a streak, not a session of the meeting
_STREAK_AFTER = re.compile(
    r"^\s*(?:in\s+a\s+row|running|in\s+succession|on\s+the\s+trot|since|after"
    r"|for\s+(?:a|an|the|his|her|its|their)\b)\b",
    re.I,
)
_SESSIONS = frozenset({"qualifying", "hyperpole", "practice", "warm-up"})
# genre rules of races named by a description: "the three-hour season opener at X",
# "X's three-hour race", "this weekend's round at X", "the X opener", "the race at X",
# "the DTM's visit to the Norisring"
_DESCRIPTION_RULES = frozenset(
    {
        "desc-at",
        "weekday-desc-at",
        "named-desc-at",
        "venue-possessive-race",
        "weekend-round-at",
        "venue-opener",
        "race-at",
        "visit-to",
    }
)
_CATEGORY_CUES = ("categor", "rated", "ranked", "graded", "driver")
_NUMBER_WORDS = CARDINALS
_ORDINALS = {
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
    "opening": 1,
}


_RACE_WAS = frozenset({"the race was", "the race is", "the event was", "the event is"})


_PLACEHOLDERS = frozenset({"TBC", "TBA", "TBD", "TBN"})
"""Entry-list placeholders for a seat not yet filled (to be confirmed/announced/named)."""


_KIN = frozenset(
    {"son", "daughter", "brother", "sister", "father", "mother", "wife", "husband", "cousin"}
    | {"nephew", "niece", "uncle", "aunt", "grandson", "granddaughter", "twin"}
)
_KIN_MODIFIER = frozenset({"elder", "older", "eldest", "younger", "youngest", "twin", "little"})


_IN_MONTH = re.compile(r"\s+in\s+([A-Z][a-z]+)\b(?!\s+\d)")
_WILL = re.compile(r"\b(?:will|shall|is\s+to|are\s+to|is\s+set\s+to|are\s+set\s+to)\b|['’]ll\b")
"""A sentence about what is still to come ("will join ... in January")."""


@dataclasses.dataclass(slots=True)
class _Person:
    key: str
    name: str
    spans: list[tuple[int, int, str]]  # char start, end, rule
    tokens: list[tuple[int, int]]  # token start, end


def link_mentions(ctx: DocContext, candidates: Sequence[Candidate]) -> None:
    """Fill ``ctx.entities``, ``ctx.mentions``, ``ctx.values`` and ``ctx.events``."""
    linker = _Linker(ctx, candidates)
    linker.run()


def _age_word(t: Token) -> bool:
    """A word of an age or a plain description before a demonym ("29-year-old", "young")."""
    return t.like_num or t.lower_ in {"-", "year", "years", "old", "young", "veteran", "former"}


_OF_SERIES = re.compile(
    r"\s+of\s+(?:the\s+)?(?:\d{4}\s+)?(?-i:[A-Z])(?![^.,;]{0,40}?\b(?:weekend|meeting|day)\b)"
)


class _Linker:
    def __init__(self, ctx: DocContext, candidates: Sequence[Candidate]) -> None:
        self.ctx = ctx
        self.doc: Doc = ctx.doc
        self.ref = ctx.reference
        self.cands = list(candidates)
        self.top = [c for c in self.cands if not c.nested]
        self.top_starting = {c.start: c for c in self.top}
        self.top_ending = {c.end: c for c in self.top}
        self.nested = [c for c in self.cands if c.nested]
        self.nationality: dict[str, str] = {}  # person key -> country iri
        self.person_tokens: dict[str, str] = {}  # surname/first name/full name -> person key
        self.team_names: dict[str, str] = {}  # lower-cased core name -> team key
        self.consumed: set[Candidate] = set()  # class names merged into a sub-class
        self.code_countries: dict[int, str] = {}  # token of "(SUI)" -> country iri
        self.unplaced_hours: list[tuple[Candidate, str]] = []  # "the 24-hour race in June"
        self.round_days: dict[str, set[dt.date]] = {}  # the days a round's sentences name

    # ---------------------------------------------------------------- helpers
    def span(self, c: Candidate) -> Span:
        return self.doc[c.start : c.end]

    def add(
        self,
        c: Candidate | Span,
        key: str,
        etype: EntityType,
        name: str,
        rule: str,
        *,
        reference: str | None = None,
        kind: EventKind | None = None,
        text: str | None = None,
        label: bool = True,
    ) -> None:
        span = self.span(c) if isinstance(c, Candidate) else c
        start, end = span.start_char, span.end_char
        surface = text if text is not None else span.text
        if key not in self.ctx.entities:
            self.ctx.add_entity(key, etype, name, reference=reference, kind=kind)
        for m in self.ctx.mentions_between(start, end):
            if m.start == start and m.end == end and m.entity == key:
                return
        self.ctx.add_mention(
            LinkedMention(start=start, end=end, text=surface, entity=key, type=etype, rule=rule),
            label=label,
        )
        if etype is T.EVENT and label and text is None:
            self.add_possessive_day(span, key, etype, name)
            self.add_edition_number(span, key, etype, name)

    def add_possessive_day(self, span: Span, key: str, etype: EntityType, name: str) -> None:
        """ "Sunday's 4 Hours of Imola", "tomorrow's 6 Hours of Spa": the event's name with
        the day it is said of is a surface form of the event too."""
        i = span.start
        if i < 2 or self.doc[i - 1].lower_ not in {"'s", "’s"}:
            return
        day = self.doc[i - 2].lower_
        if day not in _DAY_WORDS and day != "weekend":
            return
        first = i - 3 if day == "weekend" and i >= 3 else i - 2  # "this weekend's"
        self.ctx.add_entity(key, etype, name, mention=self.doc[first : span.end].text)

    def add_edition_number(self, span: Span, key: str, etype: EntityType, name: str) -> None:
        """ "the 61st Twelve Hours of Sebring": the name with its edition's number is a surface
        form of the event too (the mention itself stays the name)."""
        i = span.start
        if i < 1 or not _EDITION_NUMBER.fullmatch(self.doc[i - 1].text):
            return
        first = i - 2 if i >= 2 and self.doc[i - 2].lower_ == "the" else i - 1
        for start in sorted({first, i - 1}):
            self.ctx.add_entity(key, etype, name, mention=self.doc[start : span.end].text)

    def add_ref(self, c: Candidate | Span, entity: ReferenceEntity, rule: str) -> None:
        self.add(c, entity.key, entity.type, entity.label, rule, reference=entity.iri)
        if entity.type is T.CLASS:
            self.add_bare_class_name(self.span(c) if isinstance(c, Candidate) else c, entity)

    def add_bare_class_name(self, span: Span, entity: ReferenceEntity) -> None:
        """ "the Pro-Am class" names the class "Pro-Am": the bare name is a surface form too."""
        words = [t for t in span if t.lower_ not in {"the", "this", "that"}]
        if len(words) < 2 or words[-1].lower_ not in {"class", "category"}:
            return
        bare = self.doc[words[0].i : words[-1].i].text
        self.ctx.add_entity(entity.key, T.CLASS, entity.label, mention=bare)

    def ref_entity(self, iri: str | None) -> ReferenceEntity | None:
        return self.ref.by_iri(iri) if iri else None

    def refs_at(self, c: Candidate) -> list[ReferenceEntity]:
        """All reference entities matched on exactly this span, best type first."""
        out = []
        for span in self.doc.spans[REFERENCE_SPANS]:
            if span.start == c.start and span.end == c.end:
                e = self.ref.by_iri(span.kb_id_)
                if e is not None:
                    out.append(e)
        if not out and c.iri:  # a model with its evolution suffix ("NSX GT3 Evo")
            e = self.ref.by_iri(c.iri)
            out = [e] if e is not None else []
        out.sort(key=lambda e: _TYPE_ORDER.index(e.type) if e.type in _TYPE_ORDER else 99)
        return out

    def exact_ref(self, c: Candidate) -> bool:
        return any(s.start == c.start and s.end == c.end for s in self.doc.spans[REFERENCE_SPANS])

    def refs_inside(self, start: int, end: int) -> list[tuple[Span, ReferenceEntity]]:
        out = []
        for span in self.doc.spans[REFERENCE_SPANS]:
            if start <= span.start and span.end <= end:
                e = self.ref.by_iri(span.kb_id_)
                if e is not None:
                    out.append((span, e))
        return out

    def sentence_text(self, c: Candidate) -> str:
        return self.doc[c.start].sent.text.lower()

    # ---------------------------------------------------------------- main
    def run(self) -> None:
        self.consumed = self.link_sub_classes()
        for c in self.top + self.nested:
            if c in self.consumed:
                continue
            if c.label == "REF":
                self.link_reference(c)
            elif c.label == "SERIES":  # a championship the reference does not list
                name = self.span(c).text
                self.add(c, slugify(name), T.CHAMPIONSHIP, name, c.rule)
            elif c.label == "NORP":
                self.link_demonym(c)
        for c in self.top:
            if c.label == "CAR":
                self.link_car(c)
        self.link_country_codes()
        self.link_people()
        for c in self.top:
            if c.label == "TEAM":
                self.link_team(c, anaphora=False)
        self.link_class_codes()
        for c in self.top:
            if c.label in {"ORG", "GPE", "FAC", "LOC", "EVENT"}:
                self.link_residual(c)
        self.link_team_subjects()
        self.choose_subject()
        self.link_anaphora_and_events()
        self.promote_described_drivers()
        self.promote_crew_mates()
        self.collect_values()

    def promote_described_drivers(self) -> None:
        """A person first named outside any racing context ("X's position is less clear")
        is a driver when a description of him races ("The Pole ... drove the 499P")."""
        promote: set[str] = set()
        for m in self.ctx.mentions:
            if m.type is not T.PERSON or not m.rule.startswith("descriptor-"):
                continue
            sent = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if sent is None:
                continue
            tokens = list(sent.sent)
            if any(t.lower_ in _ROLE_WORDS for t in tokens):
                continue
            if any(t.lemma_.lower() in _RACING_LEMMAS for t in tokens) or any(
                x.type is T.CAR_MODEL
                for x in self.ctx.mentions_between(sent.sent.start_char, sent.sent.end_char)
            ):
                promote.add(m.entity)
        for key in promote:
            entity = self.ctx.entities[key]
            self.ctx.entities[key] = dataclasses.replace(entity, type=T.DRIVER)
            self.ctx.mentions[:] = [
                dataclasses.replace(x, type=T.DRIVER) if x.entity == key else x
                for x in self.ctx.mentions
            ]

    def promote_crew_mates(self) -> None:
        """A person listed in a crew with a driver is a driver ("shared by Daniel Whitcombe,
        Marie Laurent and Tobias Kern", split by the parser inside the car's name): a list of
        three or more names, or two after "shared by"."""
        people = sorted(
            (m for m in self.ctx.mentions if m.type in (T.PERSON, T.DRIVER)),
            key=lambda m: (m.start, m.end),
        )
        text = self.doc.text
        groups: list[list[LinkedMention]] = []
        for m in people:
            last = groups[-1][-1] if groups else None
            if last is not None and LIST_GAP.fullmatch(text[last.end : m.start]):
                groups[-1].append(m)
            else:
                groups.append([m])
        promote: set[str] = set()
        for g in groups:
            shared = _SHARED_BY.search(text[max(0, g[0].start - 20) : g[0].start])
            if len(g) < (2 if shared else 3) or not any(m.type is T.DRIVER for m in g):
                continue
            promote.update(m.entity for m in g if m.type is T.PERSON)
        for key in sorted(promote):
            self.ctx.entities[key] = dataclasses.replace(self.ctx.entities[key], type=T.DRIVER)
        if promote:
            self.ctx.mentions[:] = [
                dataclasses.replace(x, type=T.DRIVER) if x.entity in promote else x
                for x in self.ctx.mentions
            ]

    # ---------------------------------------------------------------- pass 1
    def link_reference(self, c: Candidate) -> None:
        entities = self.refs_at(c)
        if not entities:
            return
        entity = entities[0]
        if entity.type is T.FIA_CATEGORY and self.span(c).text.islower():
            sent = self.sentence_text(c)
            if not any(cue in sent for cue in _CATEGORY_CUES):
                return
        if c.nested and entity.type in {T.CLASS, T.FIA_CATEGORY} and self.inside(c, "CLASS_PHRASE"):
            return  # the class phrase decides ("the GT3 class" may be LMGT3)
        if c.nested and entity.type is T.CLASS and self.inside(c, "CAR"):
            return  # "911 GT3 R" names a car, not the GT3 class
        if entity.type is T.VENUE and self.inside_named_event(c):
            return  # "Road to Le Mans" names a race, not where it is held
        if entity.type is T.VENUE and not c.nested and self.venue_race(c):
            return
        if entity.type is T.CLASS and self.link_class_of_base(c, entity):
            return
        if entity.type is T.CLASS and self.link_class_compound(c):
            return
        if entity.type is T.CHAMPIONSHIP and not self.exact_ref(c):
            name = self.span(c).text  # "Ferrari Challenge Europe": the family's regional series
            self.add(c, slugify(name), T.CHAMPIONSHIP, name, "championship-region")
            return
        if entity.type is T.ORGANISATION and entity.organises and self.series_use(c):
            series = self.ref.by_iri(entity.organises)
            if series is not None:
                self.add_ref(c, series, "organiser-as-series")
                return
        if entity.type is T.CHAMPIONSHIP and (longer := self.longer_named(c, entity)):
            self.add_ref(c, longer, "championship-short-form")
            return
        self.add_ref(c, entity, c.rule if not c.nested else "reference-name-nested")
        if entity.type is T.CAR_MODEL:  # "LMP2 Oreca": the maker is named too
            for s, e in self.refs_inside(c.start, c.end):
                if e.type is T.MANUFACTURER and e.iri == entity.manufacturer:
                    self.add_ref(s, e, "manufacturer-in-car-name")
                if e.type is T.CLASS and s.start == c.start:  # ... and the car's class
                    self.add_ref(s, e, "class-in-car-name")

    def longer_named(self, c: Candidate, entity: ReferenceEntity) -> ReferenceEntity | None:
        """ "an Endurance Cup-only entry" in a story that names the Michelin Endurance Cup:
        the short name is the end of another championship's name the article spells out,
        so it is that championship, not the one the short name is an alias of."""
        short = self.span(c).text.lower()
        text = self.doc.text.lower()
        found = {
            other.key: other
            for other in self.ref.of_type(T.CHAMPIONSHIP)
            if other.key != entity.key
            for form in other.surface_forms()
            if form.lower().endswith(" " + short) and form.lower() in text
        }
        if len(found) != 1:
            return None
        if any(f.lower() != short and f.lower() in text for f in entity.surface_forms()):
            return None  # the alias's own championship is spelled out too
        return next(iter(found.values()))

    def series_use(self, c: Candidate) -> bool:
        """ "In IMSA, ..." opening a sentence, "the full IMSA season", "IMSA's GTP grid": the
        organiser's name stands for the championship it runs. Elsewhere ("IMSA has
        confirmed", "an IMSA offer", "the crew that drives the #6 in IMSA") it is the body or
        an aside, and an aside must not turn the story's championship context."""
        nxt = self.doc[c.end] if c.end < len(self.doc) else None
        prev = self.doc[c.start - 1] if c.start > 0 else None
        if nxt is not None and nxt.lower_ in _SERIES_WORDS:
            return True
        opening = prev is not None and bool(prev.is_sent_start) and prev.lower_ == "in"
        if opening and nxt is not None and nxt.text == ",":
            return True
        # where someone races ("the pair stay with their team in IMSA", "the GTD class of
        # IMSA"), not the body that acts ("IMSA has confirmed", "IMSA president X") nor an
        # aside ("an IMSA offer")
        root = self.span(c).root
        if root.dep_ in {"nsubj", "nsubjpass", "agent"} or (
            prev is not None and prev.lower_ == "by"
        ):
            return False
        if any(
            t.dep_ == "relcl" and any(a.lower_ in {"also", "additionally"} for a in t.children)
            for t in root.ancestors
        ):
            return False  # "X, who also races a Corvette in IMSA, ...": a side programme
        after = [t.lower_ for t in self.doc[c.end : c.end + 3] if t.lower_ not in {"'s", "’s"}]
        if set(after[:2]) & _ROLE_WORDS:
            return False
        if nxt is not None and nxt.lower_ in {"'s", "’s"}:
            return True  # "IMSA's GTD Pro class"
        return prev is not None and prev.lower_ in {"in", "of"}

    def venue_race(self, c: Candidate) -> bool:
        """ "a two-time Le Mans winner", "his Daytona class win": a place named as what was
        won is the race held there (one event per place, whichever edition)."""
        nxt = [t.lower_ for t in self.doc[c.end : c.end + 2]]
        if nxt[:1] in (["class"], ["overall"]):
            nxt = nxt[1:]
        if not nxt or nxt[0] not in _WINNER_WORDS:
            return False
        text = self.span(c).text
        self.add(c, f"{slugify(text)}-race", T.EVENT, text, "event-venue-winner")
        return True

    def link_class_of_base(self, c: Candidate | Span, cup: ReferenceEntity) -> bool:
        """ "the Pro-Am class" in a prototype article is the LMP2 Pro-Am, not the GT cup: a
        cup name is the article's sub-class of that name ("LMP2 Pro-Am"), else, when the
        article names one prototype class and no GT cup, that class's cup."""
        span = self.span(c) if isinstance(c, Candidate) else c
        if cup.key != "pro-am-cup" or any(t.lower_ == "cup" for t in span):
            return False  # "the Pro-Am cup that ran inside LMP2" is the cup
        subs = [
            m
            for m in self.ctx.mentions
            if m.type is T.CLASS and m.rule == "sub-class" and m.entity.endswith("-pro-am")
        ]
        keys = {m.entity for m in subs}
        if len(keys) > 1:
            before = [m for m in subs if m.start < span.start_char]
            keys = {before[-1].entity} if before else set()
        if len(keys) == 1:
            key = keys.pop()
            self.add(span, key, T.CLASS, self.ctx.entities[key].name, "class-of-base")
            return True
        classes = {
            e.key: e
            for s in self.doc.spans[REFERENCE_SPANS]
            if (e := self.ref.by_iri(s.kb_id_)) is not None and e.type is T.CLASS
        }
        bases = [e for k, e in classes.items() if k.startswith("lmp")]
        cups = [k for k in classes if k.endswith("-cup") and k != cup.key]
        if len(bases) != 1 or cups:
            return False
        name = f"{bases[0].label} Pro-Am"
        self.add(span, slugify(name), T.CLASS, name, "class-of-base")
        return True

    def link_sub_classes(self) -> set[Candidate]:
        """ "LMP2 Pro-Am", "the GT3 Pro-Am class": a class name right before a cup or
        sub-class name is one sub-class (key from the combined name), not two classes."""
        classes = [
            (c, e)
            for c in self.top + self.nested
            if c.label == "REF"
            for e in self.refs_at(c)[:1]
            if e.type is T.CLASS
        ]
        consumed: set[Candidate] = set()
        for (c1, e1), (c2, e2) in itertools.pairwise(classes):
            if c1.end != c2.start or e1.iri == e2.iri or c1 in consumed:
                continue
            words = list(self.doc[c1.start : c2.end])
            while words and words[-1].lower_ in {"class", "category", "classification"}:
                words.pop()
            name = self.doc[words[0].i : words[-1].i + 1].text
            key = slugify(name)
            end = c2.end
            start = (
                c1.start - 1 if c1.start and self.doc[c1.start - 1].lower_ == "the" else c1.start
            )
            if start < c1.start and end < len(self.doc) and self.doc[end].lower_ == "class":
                end += 1
            self.add(self.doc[start:end], key, T.CLASS, name, "sub-class")
            if start != c1.start or end != c2.end:
                self.add(self.doc[c1.start : words[-1].i + 1], key, T.CLASS, name, "sub-class")
            consumed.update({c1, c2})
            for c in self.top:
                if c.label == "CLASS_PHRASE" and c.start <= c1.start and c2.end <= c.end:
                    consumed.add(c)
        return consumed

    def inside_named_event(self, c: Candidate) -> bool:
        return self.inside(c, "EVENT_NAMED")

    def inside(self, c: Candidate, label: str) -> bool:
        return any(o.label == label and o.start <= c.start and c.end <= o.end for o in self.top)

    def link_demonym(self, c: Candidate) -> None:
        text = self.span(c).text
        for e in self.ref.lookup(text):
            if e.type is T.COUNTRY:
                self.add_ref(c, e, "demonym")
                return

    def link_car(self, c: Candidate) -> None:
        span = self.span(c)
        hits = [e for e in self.ref.lookup(span.text) if e.type is T.CAR_MODEL]
        if hits:
            self.add_ref(c, hits[0], "car-model")
            return
        maker = self.ref_entity(c.iri)
        if maker is None:
            return
        if c.rule == "model-plural":  # "two Huracans": the make's model of that name
            model = span.text[:-1]
        elif c.rule == "class-manufacturer":
            cls = [(s, e) for s, e in self.refs_inside(c.start, c.end) if e.type is T.CLASS]
            model = cls[0][1].label if cls else span[:-1].text
            if cls:  # "the LMP2 Oreca": a car of the LMP2 class
                self.add_ref(cls[0][0], cls[0][1], "class-in-car-name")
        else:
            maker_len = len(self.ref_span_at(c.start, maker.iri))
            model = span[maker_len:].text
        name = f"{maker.label} {model}"
        self.add(c, slugify(name), T.CAR_MODEL, name, c.rule)

    def ref_span_at(self, start: int, iri: str) -> Span:
        for span in self.doc.spans[REFERENCE_SPANS]:
            if span.start == start and span.kb_id_ == iri:
                return cast("Span", span)
        return self.doc[start : start + 1]

    def link_country_codes(self) -> None:
        """ "Sebastien Buemi (SUI)": a parenthesised three-capital code is a country (ISO or
        sporting code), never a team."""
        doc = self.doc
        for t in doc[1:-1]:
            if not (
                doc[t.i - 1].text == "("
                and doc[t.i + 1].text == ")"
                and len(t.text) == 3
                and t.is_alpha
                and t.is_upper
            ):
                continue
            code = _SPORT_CODES.get(t.text, t.text)
            hits = [e for e in self.ref.lookup(code) if e.type is T.COUNTRY]
            if hits:
                self.code_countries[t.i] = hits[0].iri
                self.add_ref(doc[t.i : t.i + 1], hits[0], "country-code")

    # ---------------------------------------------------------------- people
    def link_people(self) -> None:
        persons: dict[str, _Person] = {}
        singles: list[Candidate] = []
        single_texts = {
            self.span(c).text for c in self.top if c.label == "PERSON" and c.length == 1
        }
        for c in self.top:
            if not (c.label == "PERSON" or self.org_full_name(c, single_texts)):
                continue
            span = self.span(c)
            if span[-1].text == "I" and span[-1].pos_ == "PRON":
                continue  # "I told Emil I would not lose him": a first name and a pronoun
            if len(span) >= 2:
                name = span.text
                key = slugify(name)
                p = persons.setdefault(key, _Person(key, name, [], []))
                p.spans.append((span.start_char, span.end_char, c.rule))
                p.tokens.append((c.start, c.end))
                self.person_tokens[name] = key
                # "Paul-Henri" of "Paul-Henri Castel" is one word, three tokens
                for part in (span[-1].text, span[0].text, name.split()[0], name.split()[-1]):
                    self.person_tokens.setdefault(part, key)
            else:
                singles.append(c)
        self.merge_name_tails(persons)
        # drop first-name keys that clash between two people
        firsts: dict[str, set[str]] = {}
        for p in persons.values():
            for word in (p.name.split()[0], p.name.split()[-1]):
                firsts.setdefault(word, set()).add(p.key)
        for part, keys in firsts.items():
            if len(keys) > 1:
                self.person_tokens.pop(part, None)
        self.link_kin(persons)
        # residual candidates and single tokens that are parts of a full name
        for c in self.top:
            if c.label not in {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "NICKNAME"}:
                continue
            span = self.span(c)
            if len(span) >= 2 and c.label == "PERSON":
                continue
            text = _strip_possessive(span)
            found = self.person_tokens.get(text.text) if text is not None else None
            if found is not None and text is not None:
                p = persons[found]
                first = _particles_before(self.doc, text.start, p.name, set())
                p.spans.append((self.doc[first].idx, text.end_char, "surname"))
                p.tokens.append((first, text.end))
        # any remaining token equal to a known surname and not inside another mention
        taken = {
            i
            for c in self.top
            if c.label != "PERSON" and not self.names_listed(c)
            for i in range(c.start, c.end)
        }
        for tok in self.doc:
            found = self.person_tokens.get(tok.text)
            if found is None or tok.i in taken or not tok.is_title:
                continue
            p = persons[found]
            if any(s <= tok.i < e for s, e in p.tokens):
                continue
            if any(s <= tok.i < e for q in persons.values() for s, e in q.tokens):
                continue
            first = _particles_before(self.doc, tok.i, p.name, taken)
            p.spans.append((self.doc[first].idx, tok.idx + len(tok.text), "surname"))
            p.tokens.append((first, tok.i + 1))
        named_teams = self.named_team_cores()
        for c in singles:
            span = self.span(c)
            if span.text in self.person_tokens:
                continue
            team = named_teams.get(span.text.lower())
            if team is not None:  # "Rutronik Racing ... took second for Rutronik"
                key, name, iri = team
                self.add(c, key, T.TEAM, name, "team-short-name", reference=iri)
                continue
            if self.is_speech_object(span):
                self.add(c, slugify(span.text), T.ORGANISATION, span.text, "speech-object")
                continue
            key = slugify(span.text)
            p = persons.setdefault(key, _Person(key, span.text, [], []))
            p.spans.append((span.start_char, span.end_char, c.rule))
            p.tokens.append((c.start, c.end))
        self.find_nationalities(persons)
        for p in sorted(persons.values(), key=lambda p: p.key):
            etype = self.person_type(p)
            if etype is T.TEAM:
                self.team_names[p.name.lower()] = p.key
            for (start, end, rule), (ts, te) in zip(p.spans, p.tokens, strict=True):
                self.add(self.doc[ts:te], p.key, etype, p.name, rule)
                del start, end

    def link_kin(self, persons: dict[str, _Person]) -> None:
        """ "His son Matteo drives its car", "Ravizza's wife, Simona, runs the logistics": a
        relative named by a first name alone carries the family's surname, and the first name
        alone names that person from then on (the surname stays the named relative's)."""
        doc = self.doc
        for t in doc[:-2]:
            i = t.i + 1
            if t.lower_ in {"his", "her"}:
                owner = self.last_full_name(persons, t.i)
            elif t.is_title and doc[i].text in {"'s", "’s"}:
                owner = persons.get(self.person_tokens.get(t.text, ""))
                i += 1
            else:
                continue
            if i < len(doc) and doc[i].lower_ in _KIN_MODIFIER:
                i += 1
            if i >= len(doc) or doc[i].lower_ not in _KIN:
                continue
            i += 1
            if i < len(doc) and doc[i].text == ",":
                i += 1
            if owner is None or i >= len(doc) or not _is_name_word(doc[i]):
                continue
            nxt = doc[i + 1] if i + 1 < len(doc) else None
            first = doc[i].text
            if (nxt is not None and _is_name_word(nxt)) or first in self.person_tokens:
                continue
            name = f"{first} {owner.name.split()[-1]}"
            key = slugify(name)
            persons.setdefault(key, _Person(key, name, [], []))
            self.person_tokens[first] = key

    def last_full_name(self, persons: dict[str, _Person], i: int) -> _Person | None:
        """The person whose full name (two words or more) was last written before token i."""
        best: tuple[int, _Person] | None = None
        for p in persons.values():
            for ts, te in p.tokens:
                if te <= i and te - ts >= 2 and (best is None or ts > best[0]):
                    best = (ts, p)
        return best[1] if best else None

    def org_full_name(self, c: Candidate, single_texts: set[str]) -> bool:
        """An organisation-tagged "Filipe Albuquerque" whose last word is used alone as a
        person elsewhere in the article ("said Albuquerque"), or an organisation- or
        place-tagged name in a list of three or more names with a person in it ("A, Paul
        Lafargue and B"), or a two-word one a "who" clause describes ("Ewan Dalgleish, who
        won the title"), is a person; so is any such name with an age ("19-year-old Oğuz
        Kaya", "Oğuz Kaya, 19,", "... Oğuz Kaya. The 19-year-old ..."): places and
        organisations have none."""
        if c.label not in {"ORG", "GPE", "FAC"} or not 2 <= c.length <= 4:
            return False
        span = self.span(c)
        if any(t.text in _TEAM_SUFFIX_WORDS for t in span):
            return False
        if not all(_is_name_word(t) for t in span):
            return False
        if c.length <= 3 and (
            _AGE_BEFORE.search(self.doc.text, 0, span.start_char)
            or _age_apposition(self.doc, span.end)
            or _AGED_NEXT.match(self.doc.text, span.end_char)
        ):
            return True
        if c.label == "FAC":
            return False
        if c.label == "ORG" and span[-1].text in single_texts:
            return True
        if c.label == "ORG" and len(span) <= 3 and self.surname_has_person_cue(span[-1].text):
            return True
        if c.label == "ORG" and len(span) == 2 and _who_follows(self.doc, span.end):
            return True
        return self.in_crew_list(c)

    def surname_has_person_cue(self, word: str) -> bool:
        """The last word of an organisation-tagged name, used alone in the article, marks a
        person: the subject of a clause with "his"/"her" ("Ellery rebuilt his career") or a
        name with an age in apposition ("Pulaski, 24,"). Organisations take "its" and have
        no age."""
        doc = self.doc
        for t in doc:
            if t.text != word:
                continue
            if _age_apposition(doc, t.i + 1):
                return True
            if t.dep_ in {"nsubj", "nsubjpass"} and _own_possessive(t.head, t):
                return True
        return False

    def in_crew_list(self, c: Candidate) -> bool:
        """``c`` is one of three or more names joined by commas and "and", at least one of
        them tagged as a person: a crew list."""
        members = [c]
        i = c.end
        while True:
            j = i
            while j < len(self.doc) and self.doc[j].lower_ in {",", "and", "&"}:
                j += 1
            nxt = self.top_starting.get(j)
            if j == i or nxt is None or nxt.label not in {"PERSON", "ORG", "GPE"}:
                break
            members.append(nxt)
            i = nxt.end
        i = c.start
        while True:
            j = i
            while j > 0 and self.doc[j - 1].lower_ in {",", "and", "&"}:
                j -= 1
            prev = self.top_ending.get(j)
            if j == i or prev is None or prev.label not in {"PERSON", "ORG", "GPE"}:
                break
            members.append(prev)
            i = prev.start
        return len(members) >= 3 and any(m.label == "PERSON" for m in members)

    def merge_name_tails(self, persons: dict[str, _Person]) -> None:
        """ "Pier Guidi" after "Alessandro Pier Guidi": a name that is the tail of exactly one
        longer name of the article is that person (multi-word surnames; "De Wilde" opening
        a sentence is "Ugo de Wilde")."""
        for p in sorted(persons.values(), key=lambda p: len(p.name.split())):
            words = p.name.lower().split()
            longer = [
                q
                for q in persons.values()
                if len(q.name.split()) > len(words)
                and q.name.lower().split()[-len(words) :] == words
            ]
            if len(longer) != 1 or p.key not in persons:
                continue
            q = longer[0]
            q.spans.extend((s, e, "surname") for s, e, _r in p.spans)
            q.tokens.extend(p.tokens)
            for part, key in list(self.person_tokens.items()):
                if key == p.key:
                    self.person_tokens[part] = q.key
            del persons[p.key]

    def named_team_cores(self) -> dict[str, tuple[str, str, str | None]]:
        """The short names ("Rutronik") of the teams this article names in full ("Rutronik
        Racing"), with the key, name and reference IRI the team gets: the name alone is the
        team, not a person. A one-word team name ("the #92 Manthey Porsche") is its own
        short name."""
        out: dict[str, tuple[str, str, str | None]] = {}
        for c in self.top:
            if c.label != "TEAM":
                continue
            listed = self.ref.by_iri(c.iri) if c.iri else None
            text = self.span(c).text
            names = (text, listed.label) if listed is not None else (text,)
            for name in names:
                core = name if " " not in name else _short_name(name)
                if core is None or not core[:1].isupper():
                    continue
                if listed is not None:
                    out.setdefault(core.lower(), (listed.key, listed.label, listed.iri))
                else:
                    out.setdefault(core.lower(), (slugify(core), core, None))
        return out

    def is_speech_object(self, span: Span) -> bool:
        root = span.root
        head = root.head
        if root.dep_ in {"dobj", "dative"} and head.lemma_ in _SPEECH_LEMMAS:
            return True
        return root.dep_ == "pobj" and head.lower_ == "to" and head.head.lemma_ in _SPEECH_LEMMAS

    def person_type(self, p: _Person) -> EntityType:
        if self.is_team_name(p):
            return T.TEAM
        role = False
        racing = False
        for ts, te in p.tokens:
            left = {t.lower_ for t in self.doc[max(0, ts - 3) : ts]}
            # "Pierre Fillon, president of the ACO": a role in apposition
            right = [t.lower_ for t in self.doc[te : te + 4]]
            if left & _ROLE_WORDS or (right[:1] == [","] and set(right[1:]) & _ROLE_WORDS):
                role = True
            if right[:2] == [",", "who"] and right[2:3] and right[2] in _RUNS_WORDS:
                role = True  # "Amato Ferrari, who runs AF Corse"
            sent = self.doc[ts].sent
            if any(t.lemma_.lower() in _RACING_LEMMAS or t.lower_ in _RACING_LEMMAS for t in sent):
                racing = True
            elif any(t.text == "#" for t in sent) or any(
                m.type is T.CAR_MODEL
                for m in self.ctx.mentions_between(sent.start_char, sent.end_char)
            ):
                racing = True  # "X and Y shared the #7 Porsche 963"
            elif self.states_placing(sent):
                racing = True  # "Team X was third with A and B"
        if role and not any(self.called_driver(self.doc[ts:te]) for ts, te in p.tokens):
            return T.PERSON
        return T.DRIVER if racing else T.PERSON

    @staticmethod
    def called_driver(span: Span) -> bool:
        """ "Merrill, 57, is a bronze-rated driver": a team owner or boss the text calls a
        driver races himself."""
        root = span.root
        if root.dep_ != "nsubj" or root.head.lemma_ != "be":
            return False
        return any(c.dep_ == "attr" and c.lemma_ in _DRIVER_NOUNS for c in root.head.children)

    @staticmethod
    def states_placing(sent: Span) -> bool:
        """A clause places someone ("X was third", "ended up P4"): an ordinal or a P-number
        that is a verb's complement, not a noun's modifier ("his second visit")."""
        return any(
            (t.ent_type_ == "ORDINAL" or _P_PLACE.fullmatch(t.text) is not None)
            and t.dep_ in _PLACING_DEPS
            and t.head.pos_ in ("VERB", "AUX")
            for t in sent
        )

    def is_team_name(self, p: _Person) -> bool:
        """A "person" the NER found that is an entrant: an acronym in the name ("Akkodis ASP"),
        the subject of fielding cars or a crew ("Iron Lynx will field two cars", "Iron Dames
        return with the crew of ..."), of signing a person ("Jota has signed X") or of a
        predicate with "its" ("Vasser Sullivan claimed its first win"), what a driver drove
        for ("X drove for Kellymoss"), or the owner of a car ("Tresor Attempto, whose Audi
        ... "). One cued mention types the name in the whole article. A part of a
        slash-separated crew ("A/B/C brought the car home"), and a name the article also
        uses by its last word alone ("Lemaire"), is a person, and so is a name listed among
        persons ("A, B and C brought the car home")."""
        if any(rule in {"slash-crew", "listed-person"} for _s, _e, rule in p.spans):
            return False
        words = p.name.split()
        if len(words) >= 2 and any(w.isupper() and w.isalpha() and len(w) >= 2 for w in words):
            return True
        if len(words) >= 2 and any(rule == "surname" for _s, _e, rule in p.spans):
            return False  # "Baptiste Lemaire ... Lemaire": a team is not named by its last word
        return any(self.entrant_cue(self.doc[ts:te]) for ts, te in p.tokens)

    def entrant_cue(self, span: Span) -> bool:
        if self.team_usage_cue(span):
            return True
        root = span.root
        verb = root.head
        if root.dep_ == "nsubj":
            objects = [c for c in verb.children if c.dep_ in {"dobj", "prep"}]
            # "X returns to the team" is a person rejoining, not an entrant
            objects += [
                g for c in objects if c.dep_ == "prep" and c.lower_ != "to" for g in c.children
            ]
            if (
                verb.lemma_ in _ENTRANT_VERBS
                and any(o.lemma_ in _ENTRY_NOUNS for o in objects)
                and not _brought_home(verb)
            ):
                return True
            if verb.lemma_ in _ENTRANT_VERBS and any(  # "X runs two Huracans"
                o.dep_ == "dobj"
                and any(
                    m.type in {T.CAR_MODEL, T.MANUFACTURER} and m.start <= o.idx < m.end
                    for m in self.ctx.mentions_between(o.sent.start_char, o.sent.end_char)
                )
                and any(n.like_num or n.lower_ in _NUMBER_WORDS for n in o.children)
                for o in objects
            ):
                return True
            if verb.lemma_ in _SIGNING_LEMMAS and any(
                o.dep_ == "dobj" and o.ent_type_ == "PERSON" for o in objects
            ):
                return True
            if any(
                g.dep_ == "poss" and g.lower_ == "its" for o in objects for g in o.children
            ) and not _its_of_another(root, verb):
                return True
        if (
            root.dep_ == "pobj"
            and verb.lower_ == "for"
            and verb.head.pos_ == "VERB"
            and verb.head.lemma_ in _DRIVE_FOR_LEMMAS
        ):
            return True
        end = span.end
        crew_mate = root.dep_ == "conj" and root.head.ent_type_ == "PERSON"
        if (
            end + 1 < len(self.doc)
            and self.doc[end].text == ","
            and self.doc[end + 1].lower_ == "whose"
            and not crew_mate  # "A and B, whose Audi ...": the car of a crew
        ):
            sent = span.sent
            clause = self.doc[end + 1 : min(end + 8, sent.end)]
            cars = self.ctx.mentions_between(clause.start_char, clause.end_char)
            if any(m.type in {T.CAR_MODEL, T.MANUFACTURER} for m in cars) or any(
                t.lemma_ in _ENTRY_NOUNS for t in clause
            ):
                return True
        return False

    def team_usage_cue(self, span: Span) -> bool:
        """A name used as a team: "X's #51 Ferrari", "the X crew", "X team boss", or the
        subject of a result with a crew of two or more ("X completed the podium with A and
        B")."""
        doc = self.doc
        end = span.end
        nxt = [t.lower_ for t in doc[end : end + 3]]
        if nxt[:2] in (["'s", "#"], ["’s", "#"]):
            return True
        if nxt[:1] in (["'s"], ["’s"]) and self.possessed_entry(span):
            return True
        if nxt[:1] == ["team"] and nxt[1:2] and nxt[1] in _ROLE_WORDS:
            return True
        if (
            nxt[:1] in (["crew"], ["squad"])
            and span.start > 0
            and doc[span.start - 1].lower_ == "the"
        ):
            return True
        root = span.root
        verb = root.head
        if root.dep_ == "nsubj" and verb.lemma_ in _RESULT_LEMMAS:
            for prep in verb.children:
                if prep.dep_ != "prep" or prep.lower_ != "with":
                    continue
                for obj in prep.children:
                    if (
                        obj.dep_ == "pobj"
                        and obj.ent_type_ == "PERSON"
                        and any(c.dep_ == "conj" and c.ent_type_ == "PERSON" for c in obj.children)
                    ):
                        return True
        return False

    def possessed_entry(self, span: Span) -> bool:
        """What follows "X's" makes X an entrant: a driver ("Iron Lynx's Mirko Bortolotti"),
        or, for a one-word name that is no person's name part, a car ("Barwell's
        Lamborghini")."""
        doc = self.doc
        i = span.end + 1
        if i >= len(doc):
            return False
        if doc[i].ent_type_ == "PERSON" and doc[i].ent_iob_ == "B":
            return True
        if len(span) != 1 or span.text in self.person_tokens:
            return False
        return any(
            m.type in {T.CAR_MODEL, T.MANUFACTURER} and m.start == doc[i].idx
            for m in self.ctx.mentions_between(doc[i].idx, doc[i].sent.end_char)
        )

    def find_nationalities(self, persons: dict[str, _Person]) -> None:
        """ "X from <Country>", "X, the <demonym> ..." and "the <demonym> X"."""
        countries = {
            (s.start, s.end): e
            for s, e in self.refs_inside(0, len(self.doc))
            if e.type is T.COUNTRY
        }
        for p in persons.values():
            for ts, te in p.tokens:
                # coordinated names share the "from <Country>" that follows the last one
                j = te
                while j < len(self.doc) and j - te < 8:
                    tok = self.doc[j]
                    if tok.lower_ == "from":
                        for (cs, _ce), e in countries.items():
                            if cs == j + 1:
                                self.nationality.setdefault(p.key, e.iri)
                        break
                    if (tok.is_punct and tok.text != "-") or tok.pos_ == "VERB":
                        break
                    j += 1
                if te + 1 < len(self.doc) and self.doc[te].text == ",":
                    for (cs, _ce), e in countries.items():
                        if (
                            te + 1 <= cs <= te + 9
                            and self.doc[te + 1].lower_ in {"the", "a", "an"}
                            and all(_age_word(t) for t in self.doc[te + 2 : cs])
                        ):  # "X, an Austrian", "X, a 29-year-old Canadian"
                            self.nationality.setdefault(p.key, e.iri)
                if te + 2 < len(self.doc) and self.doc[te].text == "(":
                    iri = self.code_countries.get(te + 1)
                    if iri is not None:  # "Nicky Catsburg (NED)"
                        self.nationality.setdefault(p.key, iri)
                if ts >= 1:
                    for (_cs, ce), e in countries.items():
                        if ce == ts:
                            self.nationality.setdefault(p.key, e.iri)

    # ---------------------------------------------------------------- teams
    def team_extent(self, c: Candidate) -> Span:
        """The team name of a TEAM phrase: over hyphen-joined words at either edge
        ("Mercedes-AMG Team Mann-Filter"), and cut before a car named inside it ("Team WRT
        BMW M4 GT3": a car model, or a maker followed by a model word)."""
        doc = self.doc
        start, end = c.start, c.end
        while (
            start >= 2
            and doc[start - 1].text == "-"
            and not doc[start - 2].whitespace_
            and not doc[start - 1].whitespace_
            and doc[start - 2].text[:1].isupper()
        ):
            start -= 2
        while (
            end + 1 < len(doc)
            and doc[end].text == "-"
            and not doc[end - 1].whitespace_
            and not doc[end].whitespace_
            and doc[end + 1].text[:1].isupper()
        ):
            end += 2
        # "TGR Team au TOM'S": a short lower-case connector before a capitals name
        while (
            end + 1 < len(doc)
            and doc[end].is_lower
            and doc[end].is_alpha
            and len(doc[end]) <= 3
            and not doc[end].is_stop
            and doc[end + 1].is_upper
            and doc[end + 1].is_alpha
            and len(doc[end + 1]) >= 2
        ):
            end += 2
        if end < len(doc) and doc[end].text in {"'S", "’S"} and doc[end - 1].is_upper:
            end += 1
        for s, e in sorted(self.refs_inside(start, end), key=lambda x: x[0].start):
            if s.start <= c.start:
                continue
            car = e.type is T.CAR_MODEL or (
                e.type is T.MANUFACTURER
                and s.end < end
                and any(ch.isdigit() for ch in doc[s.end].text)
            )
            if car and any(t.text[:1].isupper() for t in doc[c.start : s.start]):
                end = s.start
                break
        return doc[start:end]

    def team_core(self, c: Candidate) -> Span | None:
        span = self.team_extent(c)
        c = dataclasses.replace(c, start=span.start, end=span.end)
        inner = {
            i
            for s, e in self.refs_inside(c.start, c.end)
            if e.type in {T.MANUFACTURER, T.CHAMPIONSHIP, T.COUNTRY, T.CLASS}
            for i in range(s.start, s.end)
        }
        keep = [
            t
            for t in span
            if t.i not in inner
            and (t.lower_ not in _TEAM_WORDS or t.text in {"'S", "’S"})
            and t.ent_type_ != "NORP"
            and (t.text[:1].isupper() or t.text[:1].isdigit())
            and not (t.is_digit and (t.i == 0 or self.doc[t.i - 1].text == "#" or t.i == c.start))
        ]
        if not keep:
            # "Corvette Racing": a capitalised name made only of a make and a team word is
            # still a name, not an anaphor like "the Belgian team" (nor is "#3" part of it)
            while len(span) > 1 and (span[0].text == "#" or span[0].is_digit):
                span = span[1:]
            if len(span) >= 2 and all(t.text[:1].isupper() for t in span):
                return span
            return None
        if len(keep) == 1 and len(keep[0].text) == 1 and keep[0].is_alpha:
            return span  # "M Racing": one letter is no name of its own
        return self.doc[keep[0].i : keep[-1].i + 1]

    def link_team(self, c: Candidate, *, anaphora: bool) -> None:
        listed = self.ref.by_iri(c.iri) if c.iri else None
        if listed is not None:  # a listed team: one key whichever name is used
            if not anaphora:
                self.team_names[self.span(c).text.lower()] = listed.key
                self.add(
                    c, listed.key, T.TEAM, listed.label, "team-reference", reference=listed.iri
                )
            return
        core = self.team_core(c)
        if core is None:
            if anaphora:
                key = self.team_antecedent(c)
                if key:
                    e = self.ctx.entities[key]
                    self.add(c, key, T.TEAM, e.name, "team-anaphor")
            return
        if anaphora:
            return
        name = core.text
        key = self.team_names.get(name.lower()) or slugify(name)
        ref = self.listed_team_inside(c)
        if ref is not None:  # "the Belgian WRT squad", "#40 Wayne Taylor Racing with Andretti"
            self.team_names[name.lower()] = ref.key
            name, key = ref.label, ref.key
        taken = self.ctx.entities.get(key)
        if taken is not None and taken.type is not T.TEAM:
            # "Wayne Taylor Racing" and its owner "Wayne Taylor": two entities
            name = self.span(c).text
            key = slugify(name)
        self.team_names[name.lower()] = key
        span = self.team_extent(c)
        start = span.start
        while start < core.start and (span.doc[start].text == "#" or span.doc[start].is_digit):
            start += 1  # "#93 Sky Tempesta Racing": the race number is not part of the name
        iri = ref.iri if ref is not None and key == ref.key else None
        self.add(self.doc[start : span.end], key, T.TEAM, name, f"team-{c.rule}", reference=iri)

    def names_listed(self, c: Candidate) -> bool:
        """ "Ghirlandi, Strachan and Villafañe lead the standings": an ORG the NER made of
        known surnames and commas is those people."""
        words = [t for t in self.span(c) if not t.is_punct]
        return (
            c.label == "ORG"
            and any(t.text == "," for t in self.span(c))
            and all(t.text in self.person_tokens for t in words)
        )

    def listed_team_inside(self, c: Candidate) -> ReferenceEntity | None:
        """The one reference team named inside a team phrase the genre rules found."""
        teams = {e.iri: e for _, e in self.refs_inside(c.start, c.end) if e.type is T.TEAM}
        return next(iter(teams.values())) if len(teams) == 1 else None

    def team_antecedent(self, c: Candidate) -> str | None:
        """The team "the team" means: the last one named in its paragraph, else the one named
        most often before it (the story's team, not the last one named in passing), else the
        article's most named team."""
        start = self.span(c).start_char
        paragraph = self.ctx.article.text.rfind("\n\n", 0, start)
        last = self.ctx.last_before(start, T.TEAM, foreground=True)
        if last is not None and last.start > paragraph:
            return last.entity
        before = Counter(
            m.entity for m in self.ctx.mentions if m.type is T.TEAM and m.start < start
        )
        counts = self.ctx.mention_counts()
        teams = [e.key for e in self.ctx.entities.values() if e.type is T.TEAM]
        best = _most_named(before, before) or _most_named(counts, teams)
        if best is not None:
            return best
        last = self.ctx.last_before(start, T.TEAM)
        return last.entity if last else None

    def link_class_codes(self) -> None:
        """ "claimed GT500 victory", "GT300 results:": a capitals-and-digits code the
        reference lacks, outside any car name, used as a class (before a class word or a
        colon, or after "in"/"the") is a class (Super GT's GT500/GT300)."""
        doc = self.doc
        for t in doc:
            text = t.text
            letters = text.rstrip("0123456789")
            digits = text[len(letters) :]
            if not (2 <= len(letters) <= 4 and letters.isupper() and 2 <= len(digits) <= 3):
                continue
            if self.ctx.mentions_between(t.idx, t.idx + len(text)) or self.ref.lookup(text):
                continue
            if t.i > 0 and (doc[t.i - 1].text == "#" or _car_word(doc[t.i - 1])):
                continue
            nxt = doc[t.i + 1].lower_ if t.i + 1 < len(doc) else ""
            prev = doc[t.i - 1].lower_ if t.i > 0 else ""
            if nxt in _CLASS_CODE_NEXT or prev in {"in", "the"}:
                self.add(doc[t.i : t.i + 1], slugify(text), T.CLASS, text, "class-code")

    # ---------------------------------------------------------------- residual NER spans
    def link_residual(self, c: Candidate) -> None:
        span = _strip_possessive(self.span(c))
        if span is None:
            return
        if any(m.start <= span.start_char < m.end for m in self.ctx.mentions):
            return
        text = span.text
        if text.upper() in _PLACEHOLDERS:
            return  # 'lists two seats as "TBC"': no one yet
        if sentence_adverb(span.doc, span.start, span.end):
            return  # "Outright, X won": an adverb the NER took for a name
        if text.lower() in self.team_names:
            self.add(span, self.team_names[text.lower()], T.TEAM, text, "known-team")
            return
        hits = self.ref.lookup(text)
        if hits:
            self.add_ref(span, hits[0], "reference-lookup")
            return
        short = _listed_team_cores(self.ref).get(text) if c.label == "ORG" else None
        if short is not None:  # "signing with Manthey": Manthey Racing
            self.add_ref(span, short, "team-short-reference")
            return
        if c.label == "ORG" and _looks_like_name(span):
            if self.has_team_cue(span):
                core = _team_name_core(text)
                key = self.team_names.get(core.lower()) or slugify(core)
                self.team_names[text.lower()] = self.team_names[core.lower()] = key
                self.add(span, key, T.TEAM, core, "org-team-cue")
            else:
                self.add(span, slugify(text), T.ORGANISATION, text, "org")
        elif c.label == "FAC" and _looks_like_name(span):
            self.add(span, slugify(text), T.VENUE, text, "fac-venue")

    def link_team_subjects(self) -> None:
        """ "United won the 2024 title": a team's short name the NER left untagged (often
        at the start of a sentence) is the team when it is the subject of its clause."""
        for t in self.doc:
            key = self.team_names.get(t.lower_)
            if key is None or not t.text[:1].isupper() or t.dep_ not in {"nsubj", "nsubjpass"}:
                continue
            if t.pos_ != "PROPN" or self.ctx.mentions_between(t.idx, t.idx + len(t.text)):
                continue
            nxt = self.doc[t.i + 1] if t.i + 1 < len(self.doc) else None
            if nxt is not None and nxt.text[:1].isupper():
                continue
            self.add(self.doc[t.i : t.i + 1], key, T.TEAM, t.text, "known-team-subject")

    def has_team_cue(self, span: Span) -> bool:
        before = self.doc[max(0, span.start - 2) : span.start]
        if any(t.lower_ in _TEAM_CUE_BEFORE for t in before):
            sent = span.sent
            return any(t.lemma_ in _RACING_LEMMAS for t in sent)
        after = self.doc[span.end : span.end + 2]
        if any(
            t.lower_ in {"team", "squad", "entry", "driver", "drivers", "'s", "’s"} for t in after
        ):
            return True
        # an organisation in a sentence about cars, race numbers or results is an entrant
        sent = span.sent
        cars = self.ctx.mentions_between(sent.start_char, sent.end_char)
        if any(m.type is T.CAR_MODEL for m in cars):
            return True
        return any(t.text == "#" for t in sent) or any(
            t.lemma_ in {"win", "finish", "field", "enter", "run", "lead"} for t in sent
        )

    # ---------------------------------------------------------------- subject
    def choose_subject(self) -> None:
        counts = self.ctx.mention_counts()
        people = [e.key for e in self.ctx.entities.values() if e.type in {T.DRIVER, T.PERSON}]
        if not people:
            return
        first = {m.entity: m.start for m in reversed(self.ctx.mentions)}
        best = max(people, key=lambda k: (counts.get(k, 0), -first.get(k, 0)))
        self.ctx.subject = best

    def person_for_descriptor(self, c: Candidate, country: str | None) -> str | None:
        """The person a descriptor refers to; ``country``: the one its demonym names."""
        # appositive right after a person: "Valentino Rossi, the renowned Italian motorcyclist"
        if c.start >= 2 and self.doc[c.start - 1].text == ",":
            prev = self.ctx.last_before(self.doc[c.start - 1].idx + 1, T.DRIVER, T.PERSON)
            if prev is not None and prev.end == self.doc[c.start - 1].idx:
                return prev.entity
        here = self.span(c).start_char
        named = {m.entity for m in self.ctx.mentions if m.start < here}
        people = self.people_of_previous_sentence(c)
        previous = [
            k for k in people if country is None or self.nationality.get(k, country) == country
        ]
        if country is not None and len(people) == 1 and previous:
            return previous[0]  # "Z signs B for the #15. The Frenchman ...": B, the one named
        if country is not None:
            # an anaphor: of the people named before it ("Arai qualified second. The
            # Japanese shares the car with ...", not "the Japanese Sato" further on)
            same = [k for k, v in self.nationality.items() if v == country and k in named]
            if len(same) == 1:
                return same[0]
            if len(same) > 1:
                counts = self.ctx.mention_counts()
                return max(same, key=lambda k: (counts.get(k, 0), k))
        # "A replaces B, who leaves the team. The Italian ...": of the people the previous
        # sentence names, the one whose stated nationality does not rule him out
        if len(previous) == 1:
            return previous[0]
        if country is not None:
            # a demonym nobody in the article is stated to hold is the main person only when
            # he is the last person named before it and has no other stated nationality;
            # otherwise no guess ("X and Y won. The Swiss pulled clear" is not the subject)
            subject = self.ctx.subject
            last = self.ctx.last_before(self.span(c).start_char, T.DRIVER, T.PERSON)
            if (
                subject is None
                or subject in self.nationality
                or last is None
                or last.entity != subject
            ):
                return None
        if self.ctx.subject is not None and self.ctx.subject not in named:
            # the main person is not named yet: the descriptor refers back to the last one
            last = self.ctx.last_before(here, T.DRIVER, T.PERSON)
            return last.entity if last is not None else None
        return self.ctx.subject

    def country_at(self, i: int) -> str | None:
        """The country of a demonym reference name starting at token ``i``."""
        for s, e in self.refs_inside(i, min(i + 3, len(self.doc))):
            if s.start == i and e.type is T.COUNTRY:
                return e.iri
        return None

    def descriptor_country(self, c: Candidate) -> str | None:
        """The country a person descriptor names ("the Italian", "The 28-year-old Dane")."""
        country = None
        for _s, e in self.refs_inside(c.start, c.end):
            if e.type is T.COUNTRY:
                country = e.iri
        if country is None and c.end < len(self.doc):
            # "The 28-year-old Dane": the demonym right after the age phrase
            country = self.country_at(c.end)
        return country

    def people_of_previous_sentence(self, c: Candidate) -> list[str]:
        """A sentence-initial descriptor ("The Pole, 41, ...", "The 42-year-old Swiss will
        ...") refers to a person the previous sentence names."""
        span = self.span(c)
        sent = span.sent
        if span.start != sent.start or sent.start == 0:
            return []
        prev = self.doc[sent.start - 1].sent
        people = {
            m.entity
            for m in self.ctx.mentions_between(prev.start_char, prev.end_char)
            if m.type in {T.DRIVER, T.PERSON}
        }
        return sorted(people)

    # ---------------------------------------------------------------- pass 3
    def link_anaphora_and_events(self) -> None:
        events: list[Candidate] = []
        for c in self.top:
            label = c.label
            if label == "PERSON_DESC":
                self.link_person_desc(c)
            elif label == "NICKNAME":
                self.link_nickname(c)
            elif label == "TEAM":
                self.link_team(c, anaphora=True)
            elif label == "CHAMP_ANAPHOR":
                named = [
                    e for _s, e in self.refs_inside(c.start, c.end) if e.type is T.CHAMPIONSHIP
                ]
                if c.rule == "the-world-championship":
                    champ = self.world_championship(c.start)
                else:
                    champ = named[0] if named else self.last_championship(c.start)
                if champ is not None:
                    self.add(
                        c,
                        champ.key,
                        T.CHAMPIONSHIP,
                        champ.label,
                        "series-anaphor",
                        reference=champ.iri,
                    )
            elif label == "CLASS_PHRASE" and c not in self.consumed:
                self.link_class_phrase(c)
            elif label == "VENUE_DESC":
                self.link_venue_desc(c)
            elif label.startswith("EVENT_"):
                events.append(c)
        self.link_events(events)

    def link_person_desc(self, c: Candidate) -> None:
        span = self.span(c)
        nxt = self.doc[c.end] if c.end < len(self.doc) else None
        if c.rule == "the-demonym" and nxt is not None and nxt.pos_ in {"NOUN", "PROPN"}:
            if nxt.lower_ in {"circuit", "track", "venue", "raceway", "racetrack"}:
                self.link_venue_desc(c)
            return  # "the Belgian team": not a person
        if self.names_next(c):
            return  # "the German gentleman driver Thomas Neubauer": the name says who
        country = self.descriptor_country(c)
        key = self.named_after_demonym(c) or self.person_for_descriptor(c, country)
        if key is None:
            return
        entity = self.ctx.entities[key]
        self.add(span, key, entity.type, entity.name, f"descriptor-{c.rule}")
        if country is not None:  # "The 25-year-old Dane" is no later "The Italian"
            self.nationality.setdefault(key, country)

    def named_after_demonym(self, c: Candidate) -> str | None:
        """ "the 21-year-old Pole Jakub Nowicki": the person named right after the demonym
        that follows the descriptor, not an earlier one."""
        if c.end >= len(self.doc) or self.country_at(c.end) is None:
            return None
        return self.person_at(c.end + 1)

    def names_next(self, c: Candidate) -> bool:
        """Is the descriptor a premodifier of the person named right after it?"""
        return self.person_at(c.end) is not None

    def person_at(self, i: int) -> str | None:
        """The person whose mention starts at token ``i``, if any."""
        if i >= len(self.doc):
            return None
        at = self.doc[i].idx
        for m in self.ctx.mentions_between(at, self.doc[i].sent.end_char):
            if m.start == at and m.type in {T.DRIVER, T.PERSON}:
                return m.entity
        return None

    def link_nickname(self, c: Candidate) -> None:
        span = self.span(c)
        known = self.person_tokens.get(span.text)
        key = known or self.ctx.subject
        if key is None:
            return
        entity = self.ctx.entities[key]
        self.add(span, key, entity.type, entity.name, "nickname")

    def world_championship(self, token_start: int) -> ReferenceEntity | None:
        """ "the world championship": the last world championship named, else the sports-car
        one (the genre's: a Le Mans entry list's "LMP2 appears in the world championship
        only at Le Mans")."""
        start = self.doc[token_start].idx
        for m in reversed(self.ctx.mentions):
            if m.start >= start or m.type is not T.CHAMPIONSHIP:
                continue
            ref = self.ref.by_iri(self.ctx.entities[m.entity].reference or "")
            if ref is not None and "world" in ref.label.lower():
                return ref
        found = [e for e in self.ref.lookup(_WORLD_ENDURANCE) if e.type is T.CHAMPIONSHIP]
        return found[0] if found else None

    def last_championship(self, token_start: int) -> ReferenceEntity | None:
        start = self.doc[token_start].idx
        m = self.ctx.last_before(start, T.CHAMPIONSHIP, foreground=True)
        if m is None:
            return None
        return self.ref.by_iri(self.ctx.entities[m.entity].reference or "")

    def link_class_phrase(self, c: Candidate) -> None:
        span = self.span(c)
        inner = [e for _s, e in self.refs_inside(c.start, c.end)]
        fia = [e for e in inner if e.type is T.FIA_CATEGORY]
        classes = [e for e in inner if e.type is T.CLASS]
        if classes:
            cls = classes[0]
            longer = [
                e
                for e in self.ref.of_type(T.CLASS)
                if e.iri != cls.iri
                and slugify(e.label).endswith(slugify(cls.label))
                # "LMGT3" ends in "GT3" inside one word; "Pro-Am Cup" is not a longer "Am Cup"
                and not slugify(e.label)[: -len(slugify(cls.label))].endswith("-")
                and any(x.reference == e.iri for x in self.ctx.entities.values())
            ]
            if len(longer) == 1:  # "the GT3 class" in an LMGT3 article
                self.add_ref(span, longer[0], "class-phrase-context")
                return
            if self.link_class_of_base(span, cls):
                return
            self.add_ref(span, cls, "class-phrase")
            return
        if fia:
            self.add_ref(span, fia[0], "category-phrase")
            return
        words = [t for t in span[1:-1] if t.text[:1].isupper() or any(c.isdigit() for c in t.text)]
        mentioned = {
            e.reference for e in self.ctx.entities.values() if e.type is T.CLASS and e.reference
        }
        if words:
            word = words[-1].text.lower()
            fits = [
                e
                for e in self.ref.of_type(T.CLASS)
                if e.iri in mentioned and slugify(e.label).endswith(word)
            ]
            if len(fits) == 1:
                self.add_ref(span, fits[0], "class-suffix")
            elif not fits and self.class_code(span, words):
                code = self.doc[words[0].i : words[0].i + 1]
                self.add(code, slugify(code.text), T.CLASS, code.text, "class-code-new")
            return
        last = self.ctx.last_before(span.start_char, T.CLASS)
        if last is not None and span[0].lower_ in {"this", "that"}:
            e = self.ctx.entities[last.entity]
            self.add(span, e.key, T.CLASS, e.name, "class-anaphor", reference=e.reference)

    def link_class_compound(self, c: Candidate) -> bool:
        """ "the Silver-Am class": a class name joined by a hyphen to the word before it is
        a longer class ("Silver-Am"), not the shorter one it ends with ("Am")."""
        span = self.span(c)
        i = span.start
        if i < 2 or self.doc[i - 1].text != "-" or self.doc[i - 1].whitespace_:
            return False
        head = self.doc[i - 2]
        if head.whitespace_ or not head.is_alpha or not head.text[:1].isupper():
            return False
        words = [t for t in span if t.lower_ not in {"class", "category", "cup"}]
        if not words:
            return False
        name = self.doc[head.i : words[-1].i + 1]
        self.add(name, f"class-{slugify(name.text)}", T.CLASS, name.text, "class-compound")
        return True

    def class_code(self, span: Span, words: list[Token]) -> bool:
        """ "the 992 class", "the SP9 class": a class the reference does not know, named by
        one code word (digits or capitals, not a year) that names nothing else."""
        if len(words) != 1 or len(span) != 3:
            return False
        word = words[0]
        if _is_year(word) or not (word.text.isupper() or any(ch.isdigit() for ch in word.text)):
            return False
        return not any(True for _ in self.refs_inside(word.i, word.i + 1))

    def link_venue_desc(self, c: Candidate) -> None:
        span = self.span(c)
        countries = [e for _s, e in self.refs_inside(c.start, c.end) if e.type is T.COUNTRY]
        if not countries:
            return
        country = countries[0].iri
        best: ReferenceEntity | None = None
        for s in self.doc.spans[REFERENCE_SPANS]:
            if s.start >= c.start:
                break
            e = self.ref.by_iri(s.kb_id_)
            if e is not None and e.type is T.VENUE and e.country == country:
                best = e
        if best is not None:
            self.add_ref(span, best, "venue-descriptor")

    # ---------------------------------------------------------------- events
    def link_events(self, cands: list[Candidate]) -> None:
        year = self.ctx.article.published.year
        rounds: list[tuple[Candidate, dict[str, object]]] = []
        others: list[Candidate] = []
        named = [c for c in cands if c.label in {"EVENT_24H", "EVENT_NAMED"}]
        apposed: list[tuple[Candidate, Candidate]] = []
        anaphors = [c for c in cands if c.label == "EVENT_ANAPHOR"]
        for c in cands:
            race = self.apposed_race(c, named) if c.label == "EVENT_ROUND" else None
            if race is not None:
                apposed.append((c, race))
            elif self.persons_race(c) or self.loose_visit(c) or self.round_of_more(c):
                continue
            elif c.label == "EVENT_ROUND":
                rounds.append((c, self.event_frame(c)))
            elif c.label == "EVENT_FINALE" and self.described_place(self.event_frame(c)):
                rounds.append((c, self.event_frame(c)))  # "the season finale at Bahrain"
            elif c.label != "EVENT_ANAPHOR":
                others.append(c)
        # a race named by a description ("the three-hour season opener at Paul Ricard") is a
        # round at its place; a round phrase of its sentence without a venue is the same event
        places: dict[int, set[str]] = {}
        for c, f in rounds:
            place = self.described_place(f) if self.is_description(c) else None
            if place:
                places.setdefault(self.doc[c.start].sent.start, set()).add(place)
        described = {s: next(iter(p)) for s, p in places.items() if len(p) == 1}
        # rounds: group by venue (and year); the most specific championship wins
        groups: dict[tuple[str | None, int], list[tuple[Candidate, dict[str, object]]]] = {}
        for c, f in rounds:
            venue = f["venue"] if isinstance(f["venue"], str) else None
            if self.is_description(c):
                venue = self.described_place(f)
            elif venue is None:
                venue = described.get(self.doc[c.start].sent.start)
            fyear = f["year"] if isinstance(f["year"], int) else self.sentence_year(c) or year
            groups.setdefault((venue, fyear), []).append((c, f))
        round_keys: list[tuple[int, str]] = []
        described_keys: list[tuple[int, str, str]] = []
        for (venue, ryear), members in groups.items():
            champs = [f["champ"] for _c, f in members if isinstance(f["champ"], str)]
            main = [(c, f) for c, f in members if not self.also_round(c)]
            champ = self.most_specific([f["champ"] for _c, f in main])
            if champ is None and len(main) < len(members):
                champ = self.championship_before_also(members)
            if champ is None:
                champ = self.most_specific(champs)
            if champ is None:
                champ = self.context_championship(members[0][0])
            # an "also" phrase numbers the round of its own championship only
            own = main or [(c, f) for c, f in members if f["champ"] == champ]
            rnd = next((f["round"] for _c, f in own if isinstance(f["round"], int)), None)
            if champ is None or (venue is None and rnd is None):
                continue
            champ_e = self.ref.by_iri(champ)
            ckey = champ_e.key if champ_e else slugify(champ)
            venue_e = self.ref.by_iri(venue) if venue else None
            where = venue_e.key if venue_e else (slugify(venue) if venue else f"round-{rnd}")
            key = f"{ckey}-{ryear}-{where}"
            cname = champ_e.label if champ_e else champ
            vname = self.venue_surface(members, venue_e)
            name = (
                f"{cname} {ryear}"
                + (f" Round {rnd}" if rnd else "")
                + (f" {vname}" if vname else "")
            )
            country = venue_e.country if venue_e else None
            if venue_e is not None and venue_e.type is T.COUNTRY:  # "the season finale in Bahrain"
                country, venue_e = venue_e.iri, None
            country_e = self.ref.by_iri(country) if country else None
            self.ctx.events[key] = EventInfo(
                key=key,
                kind=EventKind.ROUND,
                championship=ckey,
                venue=venue_e.key if venue_e else None,
                country=country_e.key if country_e else None,
                year=ryear,
                round=rnd,
            )
            for c, _f in members:
                self.add(c, key, T.EVENT, name, f"event-{c.rule}", kind=EventKind.ROUND)
                self.round_days.setdefault(key, set()).update(self.sentence_days(c))
                round_keys.append((c.start, key))
                if self.is_description(c):
                    described_keys.append((c.start, key, name))
                    self.placeless_form(c, key, name)
        # "the race", "the event", "the opener" after a described race: that race
        unlinked: list[Candidate] = []
        for c in anaphors:
            before = [(k, n) for s, k, n in sorted(described_keys) if s < c.start]
            if before:
                self.add(c, before[-1][0], T.EVENT, before[-1][1], "event-anaphor")
            else:
                unlinked.append(c)
        # other events in document order
        race_cands = [c for c in others if c.label == "EVENT_RACE"]
        self.link_races(race_cands, round_keys, named=any(c.label == "EVENT_24H" for c in others))
        for c in others:
            if c.label == "EVENT_24H":
                self.link_24h(c)
        for c, n in self.unplaced_hours:
            self.link_unplaced_hours(c, n)
        for c, race in apposed:
            self.link_apposed_round(c, race)
        for c in others:  # named races first: "the entry list for the 2026 Rolex 24" is theirs
            if c.label == "EVENT_NAMED":
                self.link_named_event(c)
        for c in others:
            if c.label in {"EVENT_TEST", "EVENT_FINALE", "EVENT_ENTRY_LIST"}:
                self.link_series_event(c)
        for c in others:
            if c.label == "EVENT_EDITION":
                self.link_edition(c)
        for c in others:
            if c.label == "EVENT_SESSION":
                self.link_session(c)
        for c in others:
            if c.label == "EVENT_PRESS":
                self.link_press(c)
        for c in unlinked:
            self.link_race_anaphor(c)

    def link_race_anaphor(self, c: Candidate) -> None:
        """ "The race begins at 14:10 ..." opening the sentence after one that names one race
        by its name ("the 2026 Rolex 24 at Daytona"): that race. Not "The race was ...",
        which says what the race is."""
        span = self.span(c)
        sent = span.sent
        if span.start != sent.start or span[-1].lower_ != "race" or sent.start == 0:
            return
        if span.end < len(self.doc) and self.doc[span.end].lemma_ == "be":
            return  # "The race was round three of X" names the round (apposed_race)
        prev = self.doc[sent.start - 1].sent
        races = {
            m.entity
            for m in self.ctx.mentions
            if prev.start_char <= m.start < prev.end_char
            and m.type is T.EVENT
            and (info := self.ctx.events.get(m.entity)) is not None
            and info.kind is EventKind.RACE
            and info.parent is None
        }
        if len(races) == 1:
            key = races.pop()
            self.add(c, key, T.EVENT, self.ctx.entities[key].name, "event-race-anaphor")

    def persons_race(self, c: Candidate) -> bool:
        """ "the Dutchman's race lasted less than a lap": a possessor after "the" that names
        no venue is a person (here by a demonym), so the phrase is his race, not a round."""
        if c.rule != "venue-possessive-race" or c.start == 0:
            return False
        if self.doc[c.start - 1].lower_ != "the":
            return False
        return self.event_frame(c)["venue"] is None

    def round_of_more(self, c: Candidate) -> bool:
        """ "the fourth and final round" stands alone; "the eighth and final round of the season"
        is read with what follows it (by the rules for "<ordinal> round of ...")."""
        return (
            c.rule == "ordinal-final-round"
            and c.end < len(self.doc)
            and (self.doc[c.end].lower_ == "of")
        )

    def loose_visit(self, c: Candidate) -> bool:
        """ "the DTM's visit to the Norisring" is that round; "a calendar that includes a visit
        to Spa" names no race of its own."""
        if c.rule != "visit-to":
            return False
        prev = self.doc[c.start - 1].lower_ if c.start else ""
        return prev not in {"'s", "’s", "'", "its", "their", "the"}

    def placeless_form(self, c: Candidate, key: str, name: str) -> None:
        """ "the British GT Championship season finale at Donington Park" is also quoted without
        its place; both are surface forms of the round."""
        span = self.span(c)
        cut = next((t.i for t in span if t.lower_ in {"at", "in"} and t.i > span.start), None)
        if cut is not None:
            form = self.doc[span.start : cut].text
            self.ctx.add_entity(key, T.EVENT, name, mention=form, kind=EventKind.ROUND)

    @staticmethod
    def is_description(c: Candidate) -> bool:
        return c.rule in _DESCRIPTION_RULES or c.label == "EVENT_FINALE"

    def described_place(self, f: dict[str, object]) -> str | None:
        """The venue (else country) a described race is held at: "the season finale at X"."""
        for role in ("venue", "country"):
            if isinstance(f[role], str):
                return f[role]  # type: ignore[return-value]
        return None

    def apposed_race(self, c: Candidate, named: list[Candidate]) -> Candidate | None:
        """ "the 4 Hours of Imola on Sunday, the second round of the ELMS": a round phrase in
        apposition to a race named in the same sentence is that race, not another event; so is
        the round "the race was" in the sentence after a named race."""
        sent = self.doc[c.start].sent
        before = [n for n in named if sent.start <= n.start and n.end <= c.start]
        lead = [t.lower_ for t in self.doc[sent.start : c.start]]
        if not before and " ".join(lead) in _RACE_WAS:
            # "... won the 24 Hours of Spa. The race was the third round of the Endurance Cup"
            earlier = [n for n in named if n.end <= sent.start]
            return earlier[-1] if earlier else None
        if not before:
            return None
        race = before[-1]
        gap = self.doc[race.end : c.start]
        if not any(t.text == "," for t in gap) or gap[-1].text != ",":
            return None
        ok = {",", "on", "in", "at", "this", "last"} | set(WEEKDAYS)
        places = {
            i
            for s, e in self.refs_inside(race.end, c.start)
            if e.type in {T.VENUE, T.COUNTRY}
            for i in range(s.start, s.end)
        }
        if all(t.lower_ in ok or t.ent_type_ == "DATE" or t.i in places for t in gap):
            return race
        return None

    def link_apposed_round(self, c: Candidate, race: Candidate) -> None:
        start = self.span(race).start_char
        linked = next(
            (m for m in self.ctx.mentions if m.start == start and m.type is T.EVENT), None
        )
        if linked is None:
            return
        f = self.event_frame(c)
        info = self.ctx.events.get(linked.entity)
        if info is not None:
            champ = self.ref.by_iri(f["champ"]) if isinstance(f["champ"], str) else None
            self.ctx.events[linked.entity] = dataclasses.replace(
                info,
                championship=info.championship or (champ.key if champ else None),
                round=info.round or (f["round"] if isinstance(f["round"], int) else None),
            )
        entity = self.ctx.entities[linked.entity]
        self.add(c, linked.entity, T.EVENT, entity.name, f"event-apposed-{c.rule}")

    def venue_surface(
        self, members: list[tuple[Candidate, dict[str, object]]], venue: ReferenceEntity | None
    ) -> str:
        for _c, f in members:
            if isinstance(f["venue_text"], str):
                return f["venue_text"]
        return venue.label if venue else ""

    def event_frame(self, c: Candidate) -> dict[str, object]:
        """What an event phrase (and, for rounds, its sentence) says: championship, venue..."""
        inner = self.refs_inside(c.start, c.end)
        champ = self.most_specific([e.iri for _s, e in inner if e.type is T.CHAMPIONSHIP])
        inner = _outside_championships(inner)
        venue = next(((s, e) for s, e in inner if e.type is T.VENUE), None)
        country = next(((s, e) for s, e in inner if e.type is T.COUNTRY), None)
        span = self.span(c)
        year = next((_season_year(t) for t in span if _is_year(t)), None)
        rnd = None
        for i, t in enumerate(span):
            if t.lower_ == "round" and i + 1 < len(span):
                nxt = span[i + 1].lower_
                rnd = int(nxt) if nxt.isdigit() else _NUMBER_WORDS.get(nxt)
            if t.lower_ == "round" and i > 0 and rnd is None:  # "the fifth round of"
                rnd = _ORDINALS.get(span[i - 1].lower_)
                if rnd is None and i > 2 and span[i - 2].lower_ == "and":
                    rnd = _ORDINALS.get(span[i - 3].lower_)  # "the fourth and final round"
        if c.label == "EVENT_ROUND":
            sent = self.doc[c.start].sent
            sent_refs = _outside_championships(self.refs_inside(sent.start, sent.end))
            if champ is None:
                champ = self.most_specific(
                    [e.iri for _s, e in sent_refs if e.type is T.CHAMPIONSHIP]
                )
            if venue is None:
                venue = next(((s, e) for s, e in sent_refs if e.type is T.VENUE), None)
        words = {t.text for t in span if t.text[:1].isupper()}
        if champ is not None:
            champ = self.sub_championship(champ, words)
        return {
            "champ": champ,
            "venue": venue[1].iri if venue else None,
            "venue_text": venue[0].text if venue else None,
            "country": country[1].iri if country else None,
            "year": year,
            "round": rnd,
        }

    def sub_championship(self, champ: str, words: set[str]) -> str:
        """ "the Misano Sprint round" in a GT World Challenge context -> the Sprint Cup."""
        for e in self.ref.of_type(T.CHAMPIONSHIP):
            if e.parent == champ and any(w in e.label.split() for w in words):
                return e.iri
        return champ

    def also_round(self, c: Candidate) -> bool:
        """ "Watkins Glen was also round four of the Michelin Endurance Cup": a second championship
        of an event the story has already placed in another."""
        before = self.doc.text[max(0, self.doc[c.start].idx - 40) : self.doc[c.start].idx]
        return bool(ALSO_ROUND.search(before))

    def championship_before_also(
        self, members: list[tuple[Candidate, dict[str, object]]]
    ) -> str | None:
        """The championship an "also" round phrase adds to: the last one named before it."""
        for c, f in members:
            if self.also_round(c):
                prior = self.last_championship(c.start)
                if prior is not None and prior.iri != f["champ"]:
                    return prior.iri
        return None

    def most_specific(self, iris: Sequence[object]) -> str | None:
        found = [i for i in iris if isinstance(i, str)]
        if not found:
            return None
        for iri in found:
            e = self.ref.by_iri(iri)
            if e is not None and e.parent is not None:
                return iri
        return found[0]

    def context_championship(self, c: Candidate) -> str | None:
        champ = self.last_championship(c.start)
        if champ is not None:
            return champ.iri
        # none named yet: the article's most mentioned championship, if one stands out
        counts = self.ctx.mention_counts()
        champs = sorted(
            (counts.get(e.key, 0), e.reference)
            for e in self.ctx.entities.values()
            if e.type is T.CHAMPIONSHIP and e.reference
        )
        if not champs or (len(champs) > 1 and champs[-1][0] == champs[-2][0]):
            return None
        return champs[-1][1]

    def link_races(
        self, races: list[Candidate], round_keys: list[tuple[int, str]], *, named: bool = False
    ) -> None:
        """Link "Race 2", "the second race", "Sunday's race" to its round's numbered race;
        ``named``: the text also names a race by its own name (an endurance race)."""
        if races and not round_keys and not named:
            meeting = self.implicit_meeting(races)
            round_keys = [(0, meeting)] if meeting else []
        if not races or not round_keys:
            return
        days: dict[Candidate, str] = {}
        for c in races:
            day = next((t.lower_ for t in self.span(c) if t.lower_ in WEEKDAYS), None)
            if day:
                days[c] = day
        distinct = sorted(set(days.values()), key=WEEKDAYS.index)
        for c in races:
            before = [k for s, k in round_keys if s <= c.start]
            if not before:
                first = round_keys[0][1]
                ts = resolve(days[c], self.ctx.article.published) if c in days else None
                if ts and days_apart({ts.start}, self.round_days.get(first, set())):
                    continue  # "Sunday's race" in February: not the June round named later
                if self.elsewhere(c, self.ctx.events[first].venue):
                    continue  # "at Barcelona, where X opens in the Saturday race": not Yas Marina
                before = [first]
            rkey = before[-1]
            info = self.ctx.events[rkey]
            span = self.span(c)
            n = None
            if c.rule == "race-n":
                n = self._race_number(c)
            elif c.rule == "ordinal-race":  # "the second race of the weekend"
                after = [t.lower_ for t in self.doc[c.end : c.end + 3]]
                if after[:1] == ["of"] and _SEASON_WORDS & set(after[1:]):
                    continue  # "the opening race of the season" is a round, not a session
                if _OF_SERIES.match(self.doc.text[span.end_char :]):
                    continue  # "the first race of the Michelin Endurance Cup": a round
                if _STREAK_AFTER.match(self.doc.text[span.end_char :]):
                    continue
                n = self._race_number(c)
            elif len(distinct) > 1 and c in days:
                n = distinct.index(days[c]) + 1
            if n is None:
                self.add(c, rkey, T.EVENT, self.ctx.entities[rkey].name, f"event-{c.rule}")
                continue
            key = f"{rkey}-race-{n}"
            name = f"{self.ctx.entities[rkey].name} Race {n}"
            date = None
            if c in days:
                ts = resolve(days[c], self.ctx.article.published)
                date = ts.start if ts else None
            self.ctx.events[key] = dataclasses.replace(
                info, key=key, kind=EventKind.RACE, parent=rkey, date=date
            )
            self.add(c, key, T.EVENT, name, f"event-{c.rule}", kind=EventKind.RACE)
            if c in days:
                self.link_weekday_mentions(days[c], key, name)

    def elsewhere(self, c: Candidate, venue: str | None) -> bool:
        """Does the candidate's sentence name a place other than ``venue`` (and not it)?"""
        sent = self.doc[c.start].sent
        places = {e.key for _s, e in self.refs_inside(sent.start, sent.end) if e.type is T.VENUE}
        return venue is not None and bool(places) and venue not in places

    def implicit_meeting(self, races: list[Candidate]) -> str | None:
        """ "Race one ... race two" in a report that names no round: the races are the
        sessions of the meeting at the place the report first names, in its championship."""
        numbers = {self._race_number(c) for c in races if c.rule in {"race-n", "ordinal-race"}}
        if max((n for n in numbers if n), default=0) < 2:
            return None  # one race: the meeting is the race
        champ_iri = self.context_championship(races[0])
        champ = self.ref.by_iri(champ_iri) if champ_iri else None
        if champ is None:
            return None
        for span, venue in self.refs_inside(0, len(self.doc)):
            if venue.type is not T.VENUE or NEXT_STOP.search(span.sent.text):
                continue
            year = self.sentence_year(Candidate(span.start, span.end, "VENUE", "venue"))
            year = year or self.ctx.article.published.year
            key = f"{champ.key}-{year}-{venue.key}"
            if key not in self.ctx.events:
                self.ctx.events[key] = EventInfo(
                    key=key,
                    kind=EventKind.ROUND,
                    championship=champ.key,
                    venue=venue.key,
                    country=country.key
                    if (country := self.ref.by_iri(venue.country or ""))
                    else None,
                    year=year,
                )
                self.ctx.add_entity(
                    key, T.EVENT, f"{champ.label} {year} {span.text}", kind=EventKind.ROUND
                )
            return key
        return None

    def _race_number(self, c: Candidate) -> int | None:
        """The number of a numbered race phrase ("race two", "the first race", "the opener")."""
        span = self.span(c)
        word = span[-1].lower_ if c.rule == "race-n" else span[1].lower_ if len(span) > 1 else ""
        if word == "opening":
            return 1
        return int(word) if word.isdigit() else _NUMBER_WORDS.get(word) or _ORDINALS.get(word)

    def link_weekday_mentions(self, day: str, key: str, name: str) -> None:
        for ent in self.doc.ents:
            if ent.label_ == "DATE" and ent.text.lower() == day:
                self.add(ent, key, T.EVENT, name, "event-weekday")

    def named_race_for(self, c: Candidate, *, before: bool) -> str | None:
        """The named race ("the 24 Hours of Le Mans") of a candidate's sentence, else (with
        ``before``) the last one named earlier in the article."""
        sent = self.doc[c.start].sent
        found = None
        for m in self.ctx.mentions:
            info = self.ctx.events.get(m.entity) if m.type is T.EVENT else None
            if info is None or info.kind is not EventKind.RACE or info.parent is not None:
                continue
            if sent.start_char <= m.start < sent.end_char:
                return m.entity
            if before and m.start < self.span(c).start_char:
                found = m.entity
        return found

    def link_race_event(self, c: Candidate, race: str) -> None:
        """ "the entry list for the 24 Hours of Le Mans", "Test day" of that race."""
        what = "entry-list" if c.label == "EVENT_ENTRY_LIST" else "test-day"
        kind = EventKind.ENTRY_LIST if c.label == "EVENT_ENTRY_LIST" else EventKind.TEST
        key = f"{race}-{what}"
        name = f"{self.ctx.entities[race].name} {what.replace('-', ' ')}"
        self.ctx.events[key] = dataclasses.replace(
            self.ctx.events[race], key=key, kind=kind, parent=race
        )
        self.add(c, key, T.EVENT, name, f"event-{c.rule}", kind=kind)
        span = self.span(c)
        text = self.ctx.article.text
        for m in self.ctx.mentions:
            if m.entity == race and re.fullmatch(r"\s+for\s+", text[span.end_char : m.start]):
                # "the entry list for the 94th 24 Hours of Le Mans" names the list in full
                self.ctx.add_entity(key, T.EVENT, name, mention=text[span.start_char : m.end])

    def link_series_event(self, c: Candidate) -> None:
        f = self.event_frame(c)
        if c.label in {"EVENT_ENTRY_LIST", "EVENT_TEST"} and not isinstance(f["champ"], str):
            race = self.named_race_for(c, before=self.context_championship(c) is None)
            if race is not None:
                self.link_race_event(c, race)
                return
        champ_iri = f["champ"] if isinstance(f["champ"], str) else self.context_championship(c)
        if champ_iri is None:
            return
        champ = self.ref.by_iri(champ_iri)
        if champ is None:
            return
        year = f["year"] if isinstance(f["year"], int) else None
        year = year or self.sentence_year(c) or self.ctx.article.published.year
        span = self.span(c)
        if c.label == "EVENT_TEST":
            poss = [t.i for t in span if t.text in {"'", "’", "'s", "’s"}]
            own = span[poss[-1] - span.start + 1 :] if poss else span  # "the series' rookie test"
            words = [t.lower_ for t in own if t.lower_ not in {"the", "a"} and t.is_lower]
            what = "-".join(w for w in words if w not in {"testing", "tests"}).replace("test-", "")
            what = what if what.endswith("test") else f"{what}-test" if what else "test"
            key = f"{champ.key}-{year}-{what}"
            name = f"{champ.label} {year} {what.replace('-', ' ')}"
            kind = EventKind.TEST
        elif c.label == "EVENT_FINALE":
            which = "season-opener" if any(t.lower_ == "opener" for t in span) else "season-finale"
            key = f"{champ.key}-{year}-{which}"
            name = f"{champ.label} {year} {which.replace('-', ' ')}"
            kind = EventKind.ROUND
        else:
            key = f"{champ.key}-{year}-entry-list"
            name = f"{champ.label} {year} entry list"
            kind = EventKind.ENTRY_LIST
        place = f["venue"] if isinstance(f["venue"], str) else None
        country = f["country"] if isinstance(f["country"], str) else None
        old = self.ctx.events.get(key)
        venue_e = self.ref.by_iri(place) if place else None
        country_e = self.ref.by_iri(country) if country else None
        self.ctx.events[key] = EventInfo(
            key=key,
            kind=kind,
            championship=champ.key,
            venue=(venue_e.key if venue_e else None) or (old.venue if old else None),
            country=(country_e.key if country_e else None) or (old.country if old else None),
            year=year,
        )
        self.add(c, key, T.EVENT, name, f"event-{c.rule}", kind=kind)

    def link_24h(self, c: Candidate) -> None:
        """Endurance races named by their duration: "the 4 Hours of Imola", "the 2024 24 Hours
        of Le Mans", "the Nürburgring 24 Hours". The key is per year when the year is known
        (in the name, or from a date in the sentence: "on Sunday", "last year", "in April")."""
        span = self.span(c)
        hours_at = next(i for i, t in enumerate(span) if t.lower_ in {"hours", "hour"})
        if hours_at and span[hours_at - 1].text == "-":
            hours_at -= 1
        n_tok = span[hours_at - 1]
        n = n_tok.text if n_tok.text.isdigit() else str(_NUMBER_WORDS.get(n_tok.lower_, n_tok.text))
        year = next(
            (int(t.text) for t in span if _is_year(t) and t.i != n_tok.i),
            None,
        )
        venues = [(s, e) for s, e in self.refs_inside(c.start, c.end) if e.type is T.VENUE]
        if venues:
            vspan, venue = venues[0]
            vkey, vname = venue.key, vspan.text
        else:
            of = [t.i for t in span[hours_at:] if t.lower_ == "of"]
            place = self.doc[of[0] + 1 : span.end] if of else span  # "Bapco Energies 8 Hours of X"
            words = [
                t
                for t in place
                if t.text[:1].isupper()
                and t.lower_ not in {"hours", "hour", "the"}
                and t.shape_ != "dddd"
                and t.lower_ not in MONTHS  # "the 24-hour race in June" names no place
                and t.lower_ not in WEEKDAYS
            ]
            if not words:
                self.unplaced_hours.append((c, n))
                return
            vname = self.doc[words[0].i : words[-1].i + 1].text
            vkey = slugify(vname)
        if year is None:
            year = self.sentence_year(c) or self.dated_after(c) or self.dated_edition(vkey, n)
        meeting = self.meeting_at(vkey, year, self.sentence_days(c))
        if meeting is not None:  # "the season finale at Portimão" = "the 4 Hours of Portimão"
            self.add(c, meeting, T.EVENT, self.ctx.entities[meeting].name, f"event-{c.rule}")
            return
        key = f"{vkey}-{n}-hours" + (f"-{year}" if year else "")
        self.ctx.events[key] = EventInfo(
            key=key,
            kind=EventKind.RACE,
            venue=vkey,
            country=self.ref_key(venue.country) if venues else None,
            year=year,
        )
        name = f"{n} Hours of {vname}"
        self.add(c, key, T.EVENT, name, f"event-{c.rule}", kind=EventKind.RACE)
        if year:
            self.ctx.add_entity(key, T.EVENT, name, mention=f"{name} ({year})")
            own = self.span(c).text.removeprefix("the ").removeprefix("The ")
            if own != name and not re.search(r"\d{4}", own):  # "Twelve Hours of Sebring (2024)"
                self.ctx.add_entity(key, T.EVENT, name, mention=f"{own} ({year})")
        self.link_day_after(c, key, name)

    def dated_edition(self, vkey: str, n: str) -> int | None:
        """ "the Fuji 24 Hours" named again without a date: the one edition of this season
        or a later one the article has already dated (its earlier mention)."""
        published = self.ctx.article.published.year
        years = {
            info.year
            for key, info in self.ctx.events.items()
            if key.startswith(f"{vkey}-{n}-hours-") and info.year and info.year >= published
        }
        return years.pop() if len(years) == 1 else None

    def link_unplaced_hours(self, c: Candidate, n: str) -> None:
        """ "the 24-hour race in June": the article's race of that length (one venue), of the
        sentence's year (else the publication year)."""
        found = {
            key: info
            for key, info in self.ctx.events.items()
            if info.kind is EventKind.RACE
            and info.parent is None
            and info.venue is not None
            and key.startswith(f"{info.venue}-{n}-hours")
        }
        if len({info.venue for info in found.values()}) != 1:
            return
        year = self.sentence_year(c) or self.ctx.article.published.year
        same = [k for k, info in found.items() if info.year in {None, year}]
        if same:
            key = same[0]
        else:
            some = next(iter(found.values()))
            key = f"{some.venue}-{n}-hours-{year}"
            self.ctx.events[key] = dataclasses.replace(some, key=key, year=year)
        name = self.ctx.entities[next(iter(found))].name
        self.add(c, key, T.EVENT, name, f"event-{c.rule}", kind=EventKind.RACE)

    def meeting_at(self, venue: str, year: int | None, days: set[dt.date]) -> str | None:
        """The one round of the article held at a venue in a year (a race named by its
        duration at that venue is that meeting: "the season finale at X" and "the 4 Hours of
        X" of the same season), unless the two are dated days apart ("won the Nürburgring 24
        Hours on Sunday" is not "round five of the NLS on 12 July")."""
        year = year or self.ctx.article.published.year
        found = {
            key
            for key, info in self.ctx.events.items()
            if info.kind is EventKind.ROUND
            and info.parent is None
            and info.venue == venue
            and info.year == year
            and not days_apart(days, self.round_days.get(key, set()))
        }
        return found.pop() if len(found) == 1 else None

    def sentence_days(self, c: Candidate) -> set[dt.date]:
        return stated_days(self.doc[c.start].sent.text, self.ctx.article.published)

    def sentence_year(self, c: Candidate) -> int | None:
        """The one year the dates of a candidate's sentence resolve to, if they agree."""
        sent = self.doc[c.start].sent
        years: set[int] = set()
        for ent in sent.ents:
            if ent.label_ != "DATE" or (ent.start < c.end and ent.end > c.start):
                continue
            if any(
                o is not c and o.label.startswith("EVENT") and o.start <= ent.start < o.end
                for o in self.top
            ):
                continue  # "the 2026 24 Hours of Le Mans" dates that race, not its neighbours
            if ent[0].lower_ == "since" or (
                ent.start and self.doc[ent.start - 1].lower_ == "since"
            ):
                continue  # "with the team since 2021" is about now, not 2021
            if not any(t.shape_ == "dddd" or t.lower_ in _YEAR_WORDS for t in ent) and not (
                ent[0].lower_ == "last" and len(ent) == 2
            ):
                continue  # a bare month does not say which year ("last October" does)
            ts = resolve(ent.text, self.ctx.article.published)
            if ts is not None:
                years.add(ts.year)
        span = self.span(c)
        for at, y in past_months(sent.text, self.ctx.article.published):
            if not span.start_char <= sent.start_char + at < span.end_char:
                years.add(y)  # "settled at the finale in October", told in February
        # "last year", "the previous season", "two years ago" (the NER may miss them)
        for m in _RELATIVE_YEAR.finditer(sent.text):
            at = sent.start_char + m.start()
            span = self.span(c)
            if span.start_char <= at < span.end_char:
                continue
            ts = resolve(m.group(0), self.ctx.article.published)
            if ts is not None:
                years.add(ts.year)
        return years.pop() if len(years) == 1 else None

    def dated_after(self, c: Candidate) -> int | None:
        """The year of the day an event is dated with right after its name ("the Rolex 24 at
        Daytona on 25 January", in a December story: next January)."""
        end = self.span(c).end_char
        after = self.doc.text[end : end + 60]
        m = _ON_DAY.match(after) or _APPOSED_ON_DAY.match(after)
        days = stated_days(m.group(0), self.ctx.article.published) if m else set()
        if len(days) == 1:
            return next(iter(days)).year
        month = _IN_MONTH.match(after)
        if month is None or month.group(1).lower() not in MONTHS:
            return None
        # "will join ... from the Rolex 24 At Daytona in January", in an October story
        published = self.ctx.article.published
        ahead = MONTHS.index(month.group(1).lower()) + 1 < published.month and bool(
            _WILL.search(self.doc[c.start].sent.text)
        )
        return published.year + 1 if ahead else None

    def year_after(self, c: Candidate) -> int | None:
        """ "won the GTD Pro class of the Rolex 24 at Daytona in 2022": the year right after
        an event's name is its edition's, whatever other years the sentence names."""
        m = re.match(r"\s+in\s+((?:19|20)\d\d)\b", self.doc.text[self.span(c).end_char :])
        return int(m.group(1)) if m else None

    def link_day_after(self, c: Candidate, key: str, name: str) -> None:
        """ "<event> on Sunday": the weekday names the event's day (same entity), not when the
        event is what a test is for ("the Test Day for the 24 Hours of Le Mans on Sunday")."""
        before = [t.lower_ for t in self.doc[max(c.start - 4, 0) : c.start]]
        if before[-1:] == ["for"] and any(w in {"test", "tests", "day"} for w in before):
            return
        j = c.end
        if j + 1 < len(self.doc) and self.doc[j].lower_ == "on":
            day = self.doc[j + 1]
            if day.lower_ in WEEKDAYS:
                self.add(self.doc[j + 1 : j + 2], key, T.EVENT, name, "event-day-after")

    def link_edition(self, c: Candidate) -> None:
        """ "last year's race", "the 2019 Norisring race": an edition of a race the article
        reports, keyed like that race but by its own year (each edition is one event; the
        year of the article's own race is that race)."""
        span = self.span(c)
        pub = self.ctx.article.published.year
        year = next((int(t.text) for t in span if _is_year(t)), pub - 1)
        venues = [e.key for _s, e in self.refs_inside(c.start, c.end) if e.type is T.VENUE]
        base = self.reported_meeting(span.start_char, venues[0] if venues else None)
        if base is None:
            return
        info = self.ctx.events[base]
        if info.year in (None, year):
            self.add(c, base, T.EVENT, self.ctx.entities[base].name, "event-edition-same")
            return
        old = str(info.year)
        key = base.replace(old, str(year)) if old in base else f"{base}-{year}"
        name = self.ctx.entities[base].name
        name = name.replace(old, str(year)) if old in name else f"{name} ({year})"
        name = re.sub(r" Round \d+\b", "", name)  # that edition's round number is not said
        self.ctx.events[key] = dataclasses.replace(
            info, key=key, year=year, round=None, date=None, parent=None
        )
        self.add(c, key, T.EVENT, name, "event-edition", kind=info.kind)

    def reported_meeting(self, pos: int, venue: str | None) -> str | None:
        """The race or meeting of the publication's season the article reports (at
        ``venue`` when one is given): the one named last before ``pos`` (a coming round
        named later is not the one whose edition is meant)."""
        year = self.ctx.article.published.year
        found = {
            key
            for key, info in self.ctx.events.items()
            if info.parent is None
            and info.kind in (EventKind.ROUND, EventKind.RACE)
            and (info.venue == venue if venue else True)
            and info.year in (None, year)
            and key in self.ctx.entities
        }
        before = [m.entity for m in self.ctx.mentions if m.start < pos and m.entity in found]
        return before[-1] if before else None

    def link_session(self, c: Candidate) -> None:
        """ "qualifying on Saturday": a session of the race the sentence (or article) is
        about. It is not an event of its own: a pole or grid slot won in it belongs to that
        race (the position's kind says it came from qualifying), so the session word and
        its weekday are mentions of the race."""
        span = self.span(c)
        word = next(t for t in span if t.lower_ in _SESSIONS)
        sent = self.doc[c.start].sent
        parent = None
        for m in self.ctx.mentions_between(sent.start_char, sent.end_char):
            if m.type is T.EVENT and m.entity in self.ctx.events:
                parent = m.entity
        if parent is None:
            parent = self.current_event_before(span.start_char)
        if parent is None:
            return
        name = self.ctx.entities[parent].name
        self.add(
            self.doc[word.i : word.i + 1], parent, T.EVENT, name, f"event-{c.rule}", label=False
        )
        for t in span:
            if t.lower_ in WEEKDAYS:
                self.add(
                    self.doc[t.i : t.i + 1], parent, T.EVENT, name, "event-session-day", label=False
                )

    def current_event_before(self, pos: int) -> str | None:
        """The last event named before ``pos`` that is not an earlier edition ("since he won
        the Petit Le Mans last year") of an event of a later year the article names, nor a
        race a relative clause recalls ("A and B, who won the Rolex 24 in January, ...")."""
        named = [
            m.entity
            for m in self.ctx.mentions
            if m.end <= pos
            and m.type is T.EVENT
            and m.entity in self.ctx.events
            and not recalled_race(self.ctx.article.text, m.start)
        ]
        years = [y for k in named if (y := self.ctx.events[k].year) is not None]
        latest = max(years, default=None)
        for key in reversed(named):
            year = self.ctx.events[key].year
            if year is None or latest is None or year >= latest:
                return key
        return None

    def ref_key(self, iri: str | None) -> str | None:
        e = self.ref.by_iri(iri) if iri else None
        return e.key if e else None

    def link_named_event(self, c: Candidate) -> None:
        span = self.span(c)
        years = [t for t in span if _is_year(t)]
        year = int(years[0].text) if years else None
        year = (
            year
            or self.year_after(c)
            or self.sentence_year(c)
            or self.dated_after(c)
            or self.ctx.article.published.year
        )
        words = [t for t in span if t not in years and not (t.i == c.start and t.lower_ == "the")]
        # the text's own spacing: "Qatar 1812km", not the tokens' "Qatar 1812 km"
        title = " ".join("".join(t.text_with_ws for t in words).split())
        cut = next((i + 1 for i, t in enumerate(words) if t.text == "24"), len(words))
        key = f"{slugify(' '.join(t.text for t in words[:cut]))}-{year}"  # "the Rolex 24 at X"
        venues = [e for _s, e in self.refs_inside(c.start, c.end) if e.type is T.VENUE]
        if c.rule == "x-le-mans" and self.doc[c.end - 3].lower_ != "to":
            venues = []  # "Petit Le Mans", "Lone Star Le Mans" borrow the name; "Road to" not
        self.ctx.events[key] = EventInfo(
            key=key,
            kind=EventKind.RACE,
            year=year,
            venue=venues[0].key if venues else None,
            country=self.ref_key(venues[0].country) if venues else None,
        )
        self.add(c, key, T.EVENT, f"{title} ({year})", f"event-{c.rule}", kind=EventKind.RACE)
        # every title names the edition with its year ("Rolex 24 at Daytona (2026)"), not only
        # the first one the text used ("the Rolex 24")
        self.ctx.add_entity(key, T.EVENT, f"{title} ({year})", mention=f"{title} ({year})")
        self.ctx.add_entity(key, T.EVENT, f"{title} ({year})", mention=title)  # its plain name

    def link_press(self, c: Candidate) -> None:
        """ "a press conference at <event>" -> an event of that event; otherwise nothing."""
        j = c.end
        if j < len(self.doc) and self.doc[j].lower_ in {"at", "during", "after", "before"}:
            start = self.doc[j + 1].idx if j + 1 < len(self.doc) else None
            for m in self.ctx.mentions:
                if m.start == start and m.type is T.EVENT:
                    parent = self.ctx.events.get(m.entity)
                    key = f"{m.entity}-press-conference"
                    name = f"Press conference, {self.ctx.entities[m.entity].name}"
                    self.ctx.events[key] = EventInfo(
                        key=key,
                        kind=EventKind.EVENT,
                        parent=m.entity,
                        championship=parent.championship if parent else None,
                        venue=parent.venue if parent else None,
                        year=parent.year if parent else None,
                    )
                    self.add(c, key, T.EVENT, name, f"event-{c.rule}", kind=EventKind.EVENT)
                    return

    # ---------------------------------------------------------------- values
    def collect_values(self) -> None:
        published = self.ctx.article.published
        for c in self.top:
            if c.label not in {"DATE", "ORDINAL", "CARDINAL", "RACE_NUMBER", "POSITION"}:
                continue
            span = self.span(c)
            value = ""
            if c.label == "DATE":
                ts = resolve(span.text, published)
                if ts is not None:
                    value = ts.start.isoformat() if ts.precision == "day" else str(ts.year)
            elif c.label == "RACE_NUMBER":
                value = span[-1].text
            elif c.label == "POSITION":
                value = _position_value(span)
            else:
                value = _number_value(span.text)
            self.ctx.values.append(
                ValueMention(
                    start=span.start_char,
                    end=span.end_char,
                    text=span.text,
                    label=c.label,
                    value=value,
                    rule=c.rule,
                )
            )
        self.order_ranges()

    def order_ranges(self) -> None:
        """ "from the 4 Hours of Barcelona on 12 April to the 4 Hours of Portimão on 10
        October": a range runs forward, so its yearless end falls after its start (the
        next year's October in a February story), not in the year nearest publication."""
        text = self.ctx.article.text
        days = [v for v in self.ctx.values if v.label == "DATE" and len(v.value) == 10]
        for a, b in itertools.pairwise(days):
            between = text[a.end : b.start]
            if (
                b.value >= a.value
                or re.search(r"\d{4}", b.text)
                or re.search(r"[.!?;]\s", between)
                or not re.search(r"\b(?:to|until|till|through)\b", between)
                or not re.search(r"\bfrom\b", text[max(0, a.start - 80) : a.start])
            ):
                continue
            day = dt.date.fromisoformat(b.value)
            if (day.month, day.day) == (2, 29):
                continue
            later = day.replace(year=day.year + 1)
            i = self.ctx.values.index(b)
            self.ctx.values[i] = dataclasses.replace(b, value=later.isoformat())


def _particles_before(doc: Doc, i: int, name: str, taken: set[int]) -> int:
    """Start of a surname with its particles: "van der Linde" of "Sheldon van der Linde"
    (a bare "Linde" would split "Weerts and van der Linde" into two crews)."""
    words = name.split()
    if doc[i].text not in words:
        return i
    k = words.index(doc[i].text)
    start = i
    while (
        k > 1
        and start > 0
        and start - 1 not in taken
        and words[k - 1].lower() in NAME_PARTICLES
        and doc[start - 1].lower_ == words[k - 1].lower()
    ):
        k -= 1
        start -= 1
    return start


def _outside_championships(
    refs: list[tuple[Span, ReferenceEntity]],
) -> list[tuple[Span, ReferenceEntity]]:
    """Drop the places inside a championship's name ("the European Le Mans Series")."""
    named = [s for s, e in refs if e.type is T.CHAMPIONSHIP]
    return [
        (s, e)
        for s, e in refs
        if e.type is T.CHAMPIONSHIP or not any(n.start <= s.start and s.end <= n.end for n in named)
    ]


def _position_value(span: Span) -> str:
    first = span[0].lower_
    if first == "pole":
        return "pole"
    if first == "podium":
        return "podium"
    if first == "runner":
        return "2"
    if first.startswith("p") and first[1:].isdigit():
        return first[1:]
    return _number_value(first)


def _number_value(text: str) -> str:
    word = text.lower().strip()
    if word in _ORDINALS:
        return str(_ORDINALS[word])
    if word in _NUMBER_WORDS:
        return str(_NUMBER_WORDS[word])
    digits = "".join(ch for ch in word if ch.isdigit())
    return digits


_AGE_BEFORE = re.compile(r"\b\d{2}-year-old\s+$")
# "His seat goes to Lachlan Brereton. The 22-year-old Australian ...": the next sentence
# describes the name it ends on by an age
_AGED_NEXT = re.compile(r"\.\s+The\s+\d{2}-year-old\b")


def _age_apposition(doc: Doc, i: int) -> bool:
    """ ", 24," right after a name."""
    if i + 2 >= len(doc) or doc[i].text != "," or doc[i + 2].text != ",":
        return False
    age = doc[i + 1].text
    return age.isdigit() and 14 <= int(age) <= 90


def _own_possessive(verb: Token, subject: Token) -> bool:
    """A "his"/"her" in the verb's own clause (not in a nested clause), past its subject."""
    for child in verb.children:
        if child.i <= subject.i or child.dep_ in {"ccomp", "advcl", "relcl", "conj", "xcomp"}:
            continue
        if any(t.lower_ in _PERSON_POSSESSIVES and t.dep_ == "poss" for t in child.subtree):
            return True
    return False


def _strip_possessive(span: Span) -> Span | None:
    end = span.end
    while end > span.start and span.doc[end - 1].text in {"'s", "’s", "'", "’"}:
        end -= 1
    start = span.start
    while start < end and span.doc[start].lower_ == "the":
        start += 1
    if start >= end:
        return None
    return span.doc[start:end]


_CLASS_CODE_NEXT = frozenset(
    {
        "class",
        "category",
        "victory",
        "win",
        "results",
        "result",
        "honours",
        "pole",
        "title",
        "field",
        "race",
        "standings",
        "winner",
        "winners",
        "championship",
        ":",
    }
)


def _car_word(token: Token) -> bool:
    """A word of a car name before a model code ("Supra GT500", "Nissan Z GT500")."""
    return token.text[:1].isupper() and token.pos_ == "PROPN" and token.lower_ not in {"the"}


# sporting (IOC/FIA) nationality codes that differ from ISO 3166 alpha-3
_SPORT_CODES = {
    "SUI": "CHE",
    "NED": "NLD",
    "GER": "DEU",
    "DEN": "DNK",
    "POR": "PRT",
    "RSA": "ZAF",
    "UAE": "ARE",
    "CRO": "HRV",
    "GRE": "GRC",
    "INA": "IDN",
    "MAS": "MYS",
    "PHI": "PHL",
    "KSA": "SAU",
    "BUL": "BGR",
    "CHI": "CHL",
    "URU": "URY",
    "PAR": "PRY",
    "LAT": "LVA",
    "SLO": "SVN",
    "MON": "MCO",
    "TPE": "TWN",
    "ZIM": "ZWE",
    "NGR": "NGA",
    "IRI": "IRN",
    "ALG": "DZA",
    "VIE": "VNM",
    "LIB": "LBN",
    "KUW": "KWT",
    "BRN": "BHR",
    "OMA": "OMN",
    "GUA": "GTM",
    "CRC": "CRI",
    "ESA": "SLV",
    "HON": "HND",
    "PUR": "PRI",
    "ISV": "VIR",
    "BAR": "BRB",
}

_TEAM_SUFFIX_WORDS = frozenset({"Racing", "Motorsport", "Motorsports", "Team", "Corse", "Sport"})


@functools.cache
def _listed_team_cores(ref: Reference) -> dict[str, ReferenceEntity]:
    """Listed teams by their one-word short name ("Manthey" for "Manthey Racing"), where
    only one team has it."""
    found: dict[str, set[ReferenceEntity]] = {}
    for team in ref.of_type(T.TEAM):
        for name in team.surface_forms():
            core = _short_name(name)
            if core is not None:
                found.setdefault(core, set()).add(team)
    return {core: next(iter(ts)) for core, ts in found.items() if len(ts) == 1}


def _short_name(name: str) -> str | None:
    """A team's one-word short name ("Rutronik" of "Rutronik Racing"), if it has one."""
    core = _team_name_core(name)
    return core if " " not in core and core != name else None


def _team_name_core(text: str) -> str:
    """A team's name without its generic words ("Barwell Motorsport" -> "Barwell"), the form
    the article may also use alone; a name made only of generic words stays whole, and so
    does a name whose core would be one letter ("M Racing")."""
    words = text.split()
    if len(words) > 1 and len(words[0]) == 1:
        return text
    while len(words) > 1 and words[-1].lower() in _TEAM_WORDS:
        words.pop()
    while len(words) > 1 and words[0].lower() in _TEAM_WORDS:
        words.pop(0)
    return " ".join(words)


def _is_name_word(token: Token) -> bool:
    return (token.is_title and token.is_alpha) or (
        token.is_lower and token.lower_ in {"van", "der", "den", "de", "von", "da", "di", "le"}
    )


def _season_year(token: Token) -> int:
    """The season a year token names: the end year of a split season ("2024-25")."""
    m = SEASON_YEAR.match(token.doc[token.i : token.i + 3].text)
    return season_of(m) if m else int(token.text)


def _is_year(token: Token) -> bool:
    """A four-digit year, not a distance ("the Qatar 1812 km")."""
    if token.shape_ != "dddd" or not 1900 <= int(token.text) <= 2100:
        return False
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return nxt is None or nxt.lower_ not in _DISTANCE_UNITS


def _looks_like_name(span: Span) -> bool:
    if len(span) > 5:
        return False
    if span[0].lower_ in WEEKDAYS:
        return False
    return all(t.text[:1].isupper() or t.text[:1].isdigit() or t.is_punct for t in span)


def _most_named(counts: Mapping[str, int], keys: Iterable[str]) -> str | None:
    """The one key of ``keys`` with the most mentions (None when none or tied)."""
    tally = {k: counts.get(k, 0) for k in keys}
    if not tally:
        return None
    top = max(tally.values())
    tied = [k for k, n in tally.items() if n == top]
    return tied[0] if len(tied) == 1 else None


def _its_of_another(subject: Token, verb: Token) -> bool:
    """ "A, B and C gave the #7 Porsche its second win": "its" is the car's when the verb has
    another object before it, and a crew of people is no team."""
    crew = any(c.dep_ == "conj" and c.ent_type_ == "PERSON" for c in subject.children)
    return crew or any(c.dep_ in {"dative", "iobj"} for c in verb.children)


__all__ = ["link_mentions"]
