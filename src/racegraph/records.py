"""Plain typed records passed between pipeline stages.

Extraction produces these; only :mod:`racegraph.mapping` turns them into RDF. They use the
relation vocabulary of the gold format (``tests/gold/FORMAT.md``) so that what the extractor
claims and what a person annotated can be compared without going through RDF.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


class EntityType(StrEnum):
    """The entity types of the gold format; mapping picks the ontology class."""

    DRIVER = "Driver"
    PERSON = "Person"
    TEAM = "Team"
    MANUFACTURER = "Manufacturer"
    CHAMPIONSHIP = "Championship"
    CLASS = "Class"
    EVENT = "Event"
    VENUE = "Venue"
    CAR_MODEL = "CarModel"
    COUNTRY = "Country"
    FIA_CATEGORY = "FIACategory"
    ORGANISATION = "Organisation"


class EventKind(StrEnum):
    """Finer kind of an Event entity (maps to rg:Round, rg:Race, rg:Test, rg:EntryList)."""

    EVENT = "event"
    ROUND = "round"
    RACE = "race"
    TEST = "test"
    ENTRY_LIST = "entry-list"


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from disk (body without the date line)."""

    stem: str
    file_name: str
    published: _dt.date
    text: str
    sha256: str
    word_count: int
    path: Path | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a fact or mention came from: sentence text, offsets into ``Article.text``, rule."""

    sentence: str
    start: int
    end: int
    rule: str
    confidence: float = 0.8


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of the article text that names or refers to something."""

    text: str
    start: int
    end: int
    label: str
    rule: str


@dataclass(frozen=True, slots=True)
class Entity:
    """A thing the article talks about.

    ``key`` is a deterministic, normalised identifier (kebab-case, e.g. ``valentino-rossi``);
    the same key in two articles is the same node. ``reference`` is the IRI of the matching
    reference-data entity when linking found one.
    """

    key: str
    type: EntityType
    name: str
    mentions: tuple[str, ...] = ()
    reference: str | None = None
    kind: EventKind | None = None
    parent: str | None = None
    """For events: the key of the event this one is part of (a race of a round)."""


@dataclass(frozen=True, slots=True)
class LineupRequirement:
    """One clause of a class line-up rule: e.g. at least one bronze driver, required."""

    categories: tuple[str, ...]
    count: int
    minimum: bool = False
    strictness: str = "required"
    description: str = ""


Value = str | int | _dt.date | tuple[str, ...] | tuple[int, ...] | tuple[LineupRequirement, ...]


@dataclass(frozen=True, slots=True)
class Fact:
    """One statement of an article, in the gold relation vocabulary.

    ``args`` maps role names of the gold format (``s``, ``o``, ``season``, ``drivers``, ...)
    to values. Which roles hold entity keys is fixed by :data:`ENTITY_ROLES`.
    Years are ``int``; calendar dates are ``datetime.date``; crews are tuples of entity keys.
    """

    relation: str
    args: tuple[tuple[str, Value], ...]
    evidence: Evidence

    def get(self, role: str) -> Value | None:
        for name, value in self.args:
            if name == role:
                return value
        return None

    @staticmethod
    def make(relation: str, evidence: Evidence, **args: Value | None) -> Fact:
        """Build a fact, dropping roles whose value is None and sorting the rest."""
        items = tuple(sorted((k, v) for k, v in args.items() if v is not None))
        return Fact(relation=relation, args=items, evidence=evidence)


RELATIONS: tuple[str, ...] = (
    "nationality",
    "worksDriverFor",
    "memberOf",
    "teamPrincipal",
    "basedIn",
    "competesIn",
    "raceResult",
    "gridPosition",
    "coDriver",
    "drives",
    "manufacturerOf",
    "fiaCategory",
    "title",
    "classOf",
    "replaces",
    "entryCount",
    "manufacturerEntry",
    "classRule",
    "tested",
    "retired",
    "age",
    "eventOf",
    "heldAt",
    "eventDate",
    "won",
)

ENTITY_ROLES: frozenset[str] = frozenset(
    {
        "s",
        "championship",
        "class",
        "team",
        "event",
        "drivers",
        "car",
        "previous",
        "manufacturer",
        "manufacturers",
        "source",
    }
)
"""Roles whose values are entity keys. ``o`` is an entity key except for the relations in
:data:`LITERAL_OBJECT_RELATIONS`; ``classification`` is ``"overall"`` or a class entity key."""

LITERAL_OBJECT_RELATIONS: frozenset[str] = frozenset({"title", "age", "eventDate"})

FINISH_STATUSES: frozenset[str] = frozenset({"DNF", "DSQ", "DNS"})
"""What a result's position may be instead of a place: did not finish, disqualified, did not
start."""

CLAIM_STATUSES: tuple[str, ...] = ("confirmed", "planned", "likely", "uncertain", "provisional")


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one article."""

    article: Article
    entities: tuple[Entity, ...]
    facts: tuple[Fact, ...]
    mentions: tuple[Mention, ...] = field(default=())
    warnings: tuple[str, ...] = field(default=())
