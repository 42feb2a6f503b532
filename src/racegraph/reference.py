"""Reference data: the curated entities in ``data/reference/*.ttl`` as plain records.

Championships, classes, manufacturers, car models, venues, countries, FIA driver categories
and governing bodies are written once, by hand, with their aliases and Wikidata matches.
Extraction links surface forms to them with :meth:`Reference.lookup`; the build puts
:meth:`Reference.graph` into the reference named graph.

>>> ref = load_reference()
>>> [e.key for e in ref.lookup("GTWC")]
['gtwc-europe']
>>> italy = ref.lookup("Italian")[0]
>>> (italy.key, italy.iso3, italy.wikidata)
('it', 'ITA', 'http://www.wikidata.org/entity/Q38')
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, RDFS, SKOS, BNode, Graph, Literal, URIRef
from rdflib.term import Node

from racegraph.errors import InputError
from racegraph.records import EntityType
from racegraph.vocab import ID, PREFIXES, RG, WD, slugify

__all__ = ["Reference", "ReferenceEntity", "default_reference_dir", "load_reference"]

log = logging.getLogger(__name__)

# Ontology class -> entity type. Order matters: the first class an entity has wins, so a
# manufacturer that is also typed as an organisation stays a manufacturer.
_CLASS_TYPES: tuple[tuple[URIRef, EntityType], ...] = (
    (RG.Country, EntityType.COUNTRY),
    (RG.FIACategory, EntityType.FIA_CATEGORY),
    (RG.SubChampionship, EntityType.CHAMPIONSHIP),
    (RG.Championship, EntityType.CHAMPIONSHIP),
    (RG.RaceClass, EntityType.CLASS),
    (RG.CarModel, EntityType.CAR_MODEL),
    (RG.Manufacturer, EntityType.MANUFACTURER),
    (RG.Team, EntityType.TEAM),
    (RG.Venue, EntityType.VENUE),
    (RG.GoverningBody, EntityType.ORGANISATION),
    (RG.Organisation, EntityType.ORGANISATION),
)


@dataclass(frozen=True, slots=True)
class ReferenceEntity:
    """One curated entity. IRIs are plain strings; ``key`` is the IRI's last path segment.

    ``aliases`` are the ``skos:altLabel`` values (sorted). Country demonyms (``rg:demonym``)
    and ISO codes are kept in their own fields, not in ``aliases``, though
    :meth:`Reference.lookup` finds countries by demonym and ISO 3166 alpha-3 code too.
    """

    iri: str
    type: EntityType
    key: str
    label: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    parent: str | None = None
    manufacturer: str | None = None
    country: str | None = None
    iso2: str | None = None
    iso3: str | None = None
    demonyms: tuple[str, ...] = ()
    sub_championship: bool = False
    championship: str | None = None  # a class of one championship ("GTD Pro": IMSA)
    built_to: str | None = None  # a car model's regulations, a class IRI ("499P": LMH)
    admits: tuple[str, ...] = ()  # a class's car regulations ("Hypercar": LMH, LMDh)
    organises: str | None = None  # the one championship an organisation runs ("IMSA")
    drivers_per_car: int | None = None  # 1: a sprint series (DTM), no driver has a co-driver
    top_class: str | None = None  # a series with no overall order: an unclassed place's class

    def surface_forms(self) -> tuple[str, ...]:
        """The names :meth:`Reference.lookup` matches loosely: label, aliases, demonyms.

        >>> ReferenceEntity(iri="x", type=EntityType.COUNTRY, key="it", label="Italy",
        ...     iso3="ITA", demonyms=("Italian",)).surface_forms()
        ('Italy', 'Italian')
        """
        return (self.label, *self.aliases, *self.demonyms)


@dataclass(frozen=True, slots=True)
class Reference:
    """All reference entities (sorted by IRI) plus the graph they were read from.

    Build it with :func:`load_reference`; it holds an index, so load it once and pass it on.
    """

    entities: tuple[ReferenceEntity, ...]
    _graph: Graph = field(repr=False, compare=False)
    _by_iri: dict[str, ReferenceEntity] = field(init=False, repr=False, compare=False)
    _by_surface: dict[str, tuple[ReferenceEntity, ...]] = field(
        init=False, repr=False, compare=False
    )
    _by_iso3: dict[str, tuple[ReferenceEntity, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_surface: dict[str, list[ReferenceEntity]] = {}
        for entity in self.entities:
            seen: set[str] = set()
            for form in entity.surface_forms():
                norm = slugify(form)
                if norm and norm not in seen:
                    seen.add(norm)
                    by_surface.setdefault(norm, []).append(entity)
        by_iso3: dict[str, list[ReferenceEntity]] = {}
        for entity in self.entities:
            if entity.iso3 is not None:
                by_iso3.setdefault(entity.iso3, []).append(entity)
        object.__setattr__(self, "_by_iso3", {k: tuple(v) for k, v in by_iso3.items()})
        object.__setattr__(self, "_by_iri", {e.iri: e for e in self.entities})
        object.__setattr__(
            self,
            "_by_surface",
            {k: tuple(sorted(v, key=lambda e: e.iri)) for k, v in by_surface.items()},
        )

    def by_iri(self, iri: str) -> ReferenceEntity | None:
        """The entity with this IRI, or None."""
        return self._by_iri.get(iri)

    def of_type(self, t: EntityType) -> tuple[ReferenceEntity, ...]:
        """All entities of one type, sorted by IRI."""
        return tuple(e for e in self.entities if e.type is t)

    def lookup(self, surface: str) -> tuple[ReferenceEntity, ...]:
        """Entities whose label or alias equals ``surface`` after :func:`~racegraph.vocab.slugify`
        (case, accents and punctuation ignored); countries also match by demonym, and by
        ISO 3166 alpha-3 code when written in capitals exactly ("ITA", not "ita": many codes
        are English words, e.g. CAN, AND, PER). A leading "the" is dropped when the full
        form finds nothing; a trailing possessive "'s" is ignored. Several entities (of
        different types, e.g. a country and a circuit) may match; they are sorted by IRI.
        No match gives ``()``.
        """
        text = surface.strip()
        if text[-2:] in ("'s", "’s"):
            text = text[:-2]
        norm = slugify(text)
        hits = self._by_surface.get(norm, ())
        if not hits and norm.startswith("the-"):
            hits = self._by_surface.get(norm[4:], ())
        iso = self._by_iso3.get(surface.strip(), ())
        if iso:
            hits = tuple(sorted({*hits, *iso}, key=lambda e: e.iri))
        return hits

    def surface_forms(self) -> dict[str, tuple[ReferenceEntity, ...]]:
        """The lookup index: normalised surface form -> entities (a copy, for pattern builders)."""
        return dict(self._by_surface)

    def graph(self) -> Graph:
        """A fresh copy of the parsed reference triples (for the reference named graph)."""
        copy = Graph()
        for prefix, ns in PREFIXES.items():
            copy.bind(prefix, ns)
        for triple in self._graph:
            copy.add(triple)
        return copy


def default_reference_dir() -> Path:
    """The repository's ``data/reference`` directory."""
    return Path(__file__).resolve().parents[2] / "data" / "reference"


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _term(term: object) -> Node:
    """A pyoxigraph term as the equivalent rdflib term (plain strings stay untyped)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value, datatype=None if datatype == _XSD_STRING else URIRef(datatype))
    raise TypeError(f"unexpected RDF term {term!r}")


def _parse(path: Path, into: Graph) -> None:
    """Parse one Turtle file into ``into``.

    pyoxigraph's Rust parser does the parsing (rdflib's Turtle parser is ~50x slower and
    this runs once per build and per worker); the triples are then added to rdflib.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read reference file: {exc}") from exc
    try:
        quads = list(ox.parse(input=data, format=ox.RdfFormat.TURTLE, base_iri=path.as_uri()))
    except SyntaxError as exc:
        where = f"{path}:{exc.lineno}" if exc.lineno else str(path)
        raise InputError(f"{where}: Turtle syntax error: {exc.msg}") from exc
    except ValueError as exc:  # e.g. invalid UTF-8
        raise InputError(f"{path}: Turtle syntax error: {exc}") from exc
    for quad in quads:
        into.add((_term(quad.subject), _term(quad.predicate), _term(quad.object)))


def _one_literal(graph: Graph, subject: Node, predicate: URIRef) -> str | None:
    values = sorted(str(o) for o in graph.objects(subject, predicate) if isinstance(o, Literal))
    return values[0] if values else None


def _one_int(graph: Graph, subject: Node, predicate: URIRef) -> int | None:
    text = _one_literal(graph, subject, predicate)
    return int(text) if text is not None and text.isdigit() else None


def _one_iri(graph: Graph, subject: Node, predicate: URIRef, prefix: str = "") -> str | None:
    values = sorted(
        str(o)
        for o in graph.objects(subject, predicate)
        if isinstance(o, URIRef) and str(o).startswith(prefix)
    )
    return values[0] if values else None


def _iris(graph: Graph, subject: Node, predicate: URIRef) -> tuple[str, ...]:
    return tuple(
        sorted({str(o) for o in graph.objects(subject, predicate) if isinstance(o, URIRef)})
    )


def _literals(graph: Graph, subject: Node, predicate: URIRef) -> tuple[str, ...]:
    return tuple(
        sorted({str(o) for o in graph.objects(subject, predicate) if isinstance(o, Literal)})
    )


def key_of(iri: str) -> str:
    """The key of a reference entity: the last path segment of its IRI."""
    return iri.rstrip("/").rsplit("/", 1)[-1]


def _entities(graph: Graph) -> Iterable[ReferenceEntity]:
    typed: dict[URIRef, EntityType] = {}
    sub: set[URIRef] = set()
    for cls, etype in _CLASS_TYPES:
        for s in graph.subjects(RDF.type, cls):
            if isinstance(s, URIRef) and str(s).startswith(str(ID)):
                typed.setdefault(s, etype)
                if cls == RG.SubChampionship:
                    sub.add(s)
    for s, etype in typed.items():
        iri = str(s)
        label = _one_literal(graph, s, RDFS.label)
        if label is None:
            raise InputError(f"reference entity {iri} has no rdfs:label")
        yield ReferenceEntity(
            iri=iri,
            type=etype,
            key=key_of(iri),
            label=label,
            aliases=_literals(graph, s, SKOS.altLabel),
            wikidata=_one_iri(graph, s, SKOS.exactMatch, str(WD)),
            parent=_one_iri(graph, s, RG.subChampionshipOf),
            manufacturer=_one_iri(graph, s, RG.manufacturer),
            country=_one_iri(graph, s, RG.locatedIn),
            iso2=_one_literal(graph, s, RG.iso2),
            iso3=_one_literal(graph, s, RG.iso3),
            demonyms=_literals(graph, s, RG.demonym),
            sub_championship=s in sub,
            championship=_one_iri(graph, s, RG.classOf),
            built_to=_one_iri(graph, s, RG.builtTo),
            admits=_iris(graph, s, RG.admits),
            organises=_organised(graph, s),
            drivers_per_car=_one_int(graph, s, RG.driversPerCar),
            top_class=_one_iri(graph, s, RG.topClass),
        )


def _organised(graph: Graph, organiser: URIRef) -> str | None:
    """The championship ``organiser`` runs, when it runs exactly one: only then does its
    name used as a series ("in IMSA") say which championship."""
    runs = sorted(str(c) for c in graph.subjects(RG.organisedBy, organiser))
    return runs[0] if len(runs) == 1 else None


def load_reference(directory: Path | None = None) -> Reference:
    """Parse every ``*.ttl`` in ``directory`` (default :func:`default_reference_dir`).

    Raises :class:`~racegraph.errors.InputError` naming ``file:line`` on a Turtle syntax
    error, and when the directory is missing or an entity has no label.
    """
    directory = default_reference_dir() if directory is None else directory
    if not directory.is_dir():
        raise InputError(f"{directory}: reference data directory not found")
    graph = Graph()
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns)
    files = sorted(directory.glob("*.ttl"))
    for path in files:
        _parse(path, graph)
    entities = tuple(sorted(_entities(graph), key=lambda e: e.iri))
    log.debug("loaded %d reference entities from %d files", len(entities), len(files))
    return Reference(entities=entities, _graph=graph)
