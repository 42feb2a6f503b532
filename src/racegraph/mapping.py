"""Records to RDF: the one place extraction output meets the ontology.

Each article becomes one graph: the article node, the entities it mentions, the direct
("truthy") triples of what it states as fact, and one assertion node per extracted fact that
carries the qualifiers and the evidence (pattern documented in ``docs/design.md``).
"""

from __future__ import annotations

import datetime as _dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from rdflib import RDF, RDFS, SKOS, XSD, BNode, Graph, Literal, URIRef
from rdflib.term import Node

from racegraph.records import (
    FINISH_STATUSES,
    Entity,
    EntityType,
    EventKind,
    Extraction,
    Fact,
    LineupRequirement,
    Value,
)
from racegraph.reference import Reference
from racegraph.vocab import (
    PREFIXES,
    PROV,
    RG,
    SCHEMA,
    article_iri,
    entity_iri,
    node_iri,
    season_iri,
)

log = logging.getLogger(__name__)

_CLASS_OF_TYPE: dict[EntityType, URIRef] = {
    EntityType.DRIVER: RG.Driver,
    EntityType.PERSON: RG.Person,
    EntityType.TEAM: RG.Team,
    EntityType.MANUFACTURER: RG.Manufacturer,
    EntityType.CHAMPIONSHIP: RG.Championship,
    EntityType.CLASS: RG.RaceClass,
    EntityType.EVENT: RG.Event,
    EntityType.VENUE: RG.Venue,
    EntityType.CAR_MODEL: RG.CarModel,
    EntityType.COUNTRY: RG.Country,
    EntityType.FIA_CATEGORY: RG.FIACategory,
    EntityType.ORGANISATION: RG.Organisation,
}

_CLASS_OF_KIND: dict[EventKind, URIRef] = {
    EventKind.EVENT: RG.Event,
    EventKind.ROUND: RG.Round,
    EventKind.RACE: RG.Race,
    EventKind.TEST: RG.Test,
    EventKind.ENTRY_LIST: RG.EntryList,
}

# Binary relations stored as statement nodes: relation -> predicate.
_STATEMENT_PREDICATES: dict[str, URIRef] = {
    "nationality": RG.nationality,
    "worksDriverFor": RG.worksDriverFor,
    "memberOf": RG.memberOf,
    "teamPrincipal": RG.teamPrincipal,
    "basedIn": RG.basedIn,
    "competesIn": RG.competesIn,
    "coDriver": RG.coDriver,
    "manufacturerOf": RG.manufacturer,
    "classOf": RG.classOf,
    "replaces": RG.replaces,
    "retired": RG.retiredFrom,
    "age": RG.age,
    "eventOf": RG.eventOf,
    "heldAt": RG.heldAt,
    "won": RG.won,
}

_TRUTHY_STATUSES = frozenset({"confirmed"})
_PEOPLE = frozenset({EntityType.DRIVER, EntityType.PERSON})


def _decimal(value: float) -> Literal:
    return Literal(Decimal(str(round(value, 3))), datatype=XSD.decimal)


def _year(value: int) -> Literal:
    return Literal(f"{value:04d}", datatype=XSD.gYear)


def _date(value: _dt.date) -> Literal:
    return Literal(value.isoformat(), datatype=XSD.date)


def _positive(value: int) -> Literal:
    return Literal(value, datatype=XSD.positiveInteger)


def _non_negative(value: int) -> Literal:
    return Literal(value, datatype=XSD.nonNegativeInteger)


@dataclass(slots=True)
class _Mapper:
    extraction: Extraction
    reference: Reference
    pipeline_version: str
    graph: Graph
    iris: dict[str, URIRef]
    types: dict[str, EntityType]
    names: dict[str, str]

    @property
    def stem(self) -> str:
        return self.extraction.article.stem

    @property
    def article(self) -> URIRef:
        return article_iri(self.stem)

    def add(self, s: Node, p: Node, o: Node) -> None:
        self.graph.add((s, p, o))

    # --- entities -----------------------------------------------------------------------

    def entity(self, key: Value | None) -> URIRef | None:
        if not isinstance(key, str):
            return None
        iri = self.iris.get(key)
        if iri is None:
            log.warning("%s: fact refers to unknown entity %r", self.stem, key)
        return iri

    def map_article(self) -> None:
        art = self.extraction.article
        a = self.article
        self.add(a, RDF.type, SCHEMA.NewsArticle)
        self.add(a, RDF.type, PROV.Entity)
        self.add(a, RDFS.label, Literal(art.file_name))
        self.add(a, SCHEMA.datePublished, _date(art.published))
        self.add(a, RG.fileName, Literal(art.file_name))
        self.add(a, RG.sha256, Literal(art.sha256))
        self.add(a, RG.wordCount, _non_negative(art.word_count))
        self.add(a, RG.pipelineVersion, Literal(self.pipeline_version))

    def entity_class(self, entity: Entity) -> URIRef:
        if entity.type is EntityType.EVENT and entity.kind is not None:
            return _CLASS_OF_KIND[entity.kind]
        if entity.type is EntityType.CHAMPIONSHIP and entity.reference:
            ref = self.reference.by_iri(entity.reference)
            if ref is not None and ref.sub_championship:
                return RG.SubChampionship
        return _CLASS_OF_TYPE[entity.type]

    def map_entities(self) -> None:
        for entity in sorted(self.extraction.entities, key=lambda e: e.key):
            iri = self.iris[entity.key]
            self.add(iri, RDF.type, self.entity_class(entity))
            self.add(iri, RDFS.label, Literal(entity.name))
            for form in sorted(set(entity.mentions)):
                if form and form != entity.name:
                    self.add(iri, SKOS.altLabel, Literal(form))
            self.add(self.article, SCHEMA.mentions, iri)
            parent = self.iris.get(entity.parent) if entity.parent else None
            if parent is not None:
                self.add(iri, RG.partOfEvent, parent)

    # --- assertion nodes ----------------------------------------------------------------

    def node(self, kind: str, klass: URIRef, fact: Fact) -> URIRef:
        ev = fact.evidence
        iri = node_iri(
            kind, self.stem, fact.relation, repr(fact.args), str(ev.start), str(ev.end), ev.rule
        )
        self.add(iri, RDF.type, klass)
        self.add(iri, PROV.wasDerivedFrom, self.article)
        as_of = fact.get("asOf")
        published = self.extraction.article.published
        self.add(iri, RG.asOf, _date(as_of if isinstance(as_of, _dt.date) else published))
        self.add(iri, RG.sentence, Literal(ev.sentence))
        self.add(iri, RG.charStart, _non_negative(ev.start))
        self.add(iri, RG.charEnd, _non_negative(ev.end))
        self.add(iri, RG.extractionRule, Literal(ev.rule))
        self.add(iri, RG.confidence, _decimal(ev.confidence))
        return iri

    def season(self, championship: URIRef | None, value: Value | None) -> list[URIRef]:
        """Season nodes (needs a championship) for one year or several."""
        years = _years(value)
        if championship is None:
            return []
        out = []
        key = str(championship).rsplit("/", 1)[-1]
        champ_name = self.names.get(key, key)
        for year in years:
            iri = season_iri(key, year)
            self.add(iri, RDF.type, RG.Season)
            self.add(iri, RG.seasonOf, championship)
            self.add(iri, RG.year, _year(year))
            self.add(iri, RDFS.label, Literal(f"{champ_name} {year}"))
            out.append(iri)
        return out

    def qualify(self, node: URIRef, fact: Fact, championship: URIRef | None) -> None:
        """Qualifier roles shared by statement and n-ary nodes."""
        for year in _years(fact.get("season")):
            self.add(node, RG.year, _year(year))
        for season in self.season(championship, fact.get("season")):
            self.add(node, RG.season, season)
        simple: dict[str, URIRef] = {
            "championship": RG.championship,
            "class": RG.raceClass,
            "team": RG.team,
            "event": RG.event,
            "car": RG.carModel,
        }
        for role, prop in simple.items():
            target = self.entity(fact.get(role))
            if target is not None:
                self.add(node, prop, target)
        makers = fact.get("manufacturers")
        for key in makers if isinstance(makers, tuple) else ():
            maker = self.entity(key) if isinstance(key, str) else None
            if maker is not None:
                self.add(node, RG.withManufacturer, maker)
        status = fact.get("status")
        if isinstance(status, str):
            self.add(node, RG.claimStatus, RG[status])
        modality = fact.get("modality")
        if isinstance(modality, str):
            self.add(node, RG.modality, Literal(modality))
        count = fact.get("count")
        if isinstance(count, int):
            self.add(node, RG.count, _non_negative(count))
        cars = fact.get("cars")
        if isinstance(cars, int) and cars >= 1:
            self.add(node, RG.cars, _positive(cars))
        number = fact.get("number")
        if isinstance(number, int):
            self.add(node, RG.raceNumber, _non_negative(number))
        rnd = fact.get("round")
        if isinstance(rnd, int):
            self.add(node, RG.round, _positive(rnd))
        discipline = fact.get("discipline")
        if isinstance(discipline, str):
            self.add(node, RG.discipline, Literal(discipline))
        date = fact.get("date")
        if isinstance(date, _dt.date):
            self.add(node, RG.date, _date(date))
        elif isinstance(date, int):
            self.add(node, RG.year, _year(date))

    def statement(self, fact: Fact) -> None:
        predicate = _STATEMENT_PREDICATES[fact.relation]
        if fact.relation == "replaces" and self.types.get(str(fact.get("s"))) in _PEOPLE:
            predicate = RG.succeeds  # a person's seat or role, not a class
        subject = self.entity(fact.get("s"))
        if subject is None:
            return
        obj: Node | None
        if fact.relation == "age":
            age = fact.get("o")
            obj = _non_negative(age) if isinstance(age, int) else None
        else:
            obj = self.entity(fact.get("o"))
        if obj is None:
            return
        klass = RG.ParticipationClaim if fact.relation == "competesIn" else RG.Statement
        node = self.node("statement", klass, fact)
        self.add(node, RDF.subject, subject)
        self.add(node, RDF.predicate, predicate)
        self.add(node, RDF.object, obj)
        championship = self.entity(fact.get("championship"))
        if championship is None and fact.relation in {"competesIn", "classOf", "eventOf"}:
            championship = obj if isinstance(obj, URIRef) else None
        if fact.relation == "competesIn" and championship is not None:
            self.add(node, RG.championship, championship)
        self.qualify(node, fact, championship)
        if fact.relation == "eventOf":
            rnd = fact.get("round")
            if isinstance(rnd, int):
                self.add(subject, RG.round, _positive(rnd))
        status = fact.get("status")
        truthy = status is None or status in _TRUTHY_STATUSES
        if truthy and fact.relation != "age":
            self.add(subject, predicate, obj)

    def literal_statement(self, fact: Fact, predicate: URIRef, obj: Literal) -> URIRef | None:
        subject = self.entity(fact.get("s"))
        if subject is None:
            return None
        node = self.node("statement", RG.Statement, fact)
        self.add(node, RDF.subject, subject)
        self.add(node, RDF.predicate, predicate)
        self.add(node, RDF.object, obj)
        self.add(subject, predicate, obj)
        return node

    # --- relation-specific mappers ------------------------------------------------------

    def event_date(self, fact: Fact) -> None:
        value = fact.get("o")
        if isinstance(value, _dt.date):
            self.literal_statement(fact, RG.date, _date(value))
        elif isinstance(value, int):
            self.literal_statement(fact, RG.year, _year(value))

    def crew(self, node: URIRef, fact: Fact) -> None:
        drivers = fact.get("drivers")
        keys = drivers if isinstance(drivers, tuple) else ()
        for key in keys:
            target = self.entity(key) if isinstance(key, str) else None
            if target is not None:
                self.add(node, RG.driver, target)

    def classification(self, node: URIRef, fact: Fact) -> None:
        value = fact.get("classification")
        if value is None or value == "overall":
            self.add(node, RG.classification, Literal("overall"))
            return
        target = self.entity(value)
        if target is not None:
            self.add(node, RG.classification, Literal("class"))
            self.add(node, RG.resultClass, target)

    def race_and_position(self, node: URIRef, fact: Fact) -> None:
        """The race and the position of a result or a starting slot."""
        race = self.entity(fact.get("event"))
        if race is not None:
            self.add(node, RG.race, race)
        position = fact.get("position")
        if isinstance(position, int) and position >= 1:
            self.add(node, RG.position, _positive(position))
        elif position in FINISH_STATUSES:
            self.add(node, RG.finishStatus, Literal(position))

    def race_result(self, fact: Fact) -> None:
        node = self.node("result", RG.Result, fact)
        self.race_and_position(node, fact)
        self.classification(node, fact)
        self.crew(node, fact)
        self.qualify(node, fact, None)

    def grid_position(self, fact: Fact) -> None:
        node = self.node("grid", RG.GridPosition, fact)
        self.race_and_position(node, fact)
        kind = fact.get("kind")
        if isinstance(kind, str):
            self.add(node, RG.gridKind, Literal(kind))
        self.crew(node, fact)

    def drives(self, fact: Fact) -> None:
        driver = self.entity(fact.get("s"))
        car = self.entity(fact.get("o"))
        if driver is None or car is None:
            return
        node = self.node("entry", RG.Entry, fact)
        self.add(node, RG.driver, driver)
        self.add(node, RG.carModel, car)
        self.qualify(node, fact, self.entity(fact.get("championship")))
        status = fact.get("status")
        if status is None or status in _TRUTHY_STATUSES:
            self.add(driver, RG.drives, car)

    def fia_category(self, fact: Fact) -> None:
        driver = self.entity(fact.get("s"))
        category = self.entity(fact.get("o"))
        if driver is None or category is None:
            return
        node = self.node("category", RG.CategoryAssignment, fact)
        self.add(node, RDF.subject, driver)
        self.add(node, RDF.predicate, RG.fiaCategory)
        self.add(node, RDF.object, category)
        self.add(node, RG.driver, driver)
        self.add(node, RG.category, category)
        previous = self.entity(fact.get("previous"))
        if previous is not None:
            self.add(node, RG.previousCategory, previous)
        self.add(driver, RG.fiaCategory, category)

    def title(self, fact: Fact) -> None:
        holder = self.entity(fact.get("s"))
        text = fact.get("o")
        if holder is None or not isinstance(text, str):
            return
        node = self.node("title", RG.Title, fact)
        self.add(node, RG.holder, holder)
        self.add(node, RG.titleText, Literal(text))
        self.qualify(node, fact, None)

    def entry_count(self, fact: Fact) -> None:
        node = self.node("entry-count", RG.EntryCount, fact)
        championship = self.entity(fact.get("championship"))
        self.qualify(node, fact, championship)
        source = self.entity(fact.get("source"))
        if source is not None:
            self.add(node, RG.entryList, source)

    def manufacturer_entry(self, fact: Fact) -> None:
        node = self.node("manufacturer-entry", RG.ManufacturerEntry, fact)
        maker = self.entity(fact.get("manufacturer"))
        if maker is not None:
            self.add(node, RG.manufacturerOfEntry, maker)
        self.qualify(node, fact, self.entity(fact.get("championship")))

    def class_rule(self, fact: Fact) -> None:
        node = self.node("lineup-rule", RG.LineupRule, fact)
        rule = fact.get("rule")
        if isinstance(rule, str):
            self.add(node, RG.ruleText, Literal(rule))
        size = fact.get("lineupSize")
        if isinstance(size, int):
            self.add(node, RG.lineupSize, _positive(size))
        self.qualify(node, fact, self.entity(fact.get("championship")))
        structured = fact.get("structured")
        requirements = structured if isinstance(structured, tuple) else ()
        for index, req in enumerate(requirements):
            if not isinstance(req, LineupRequirement):
                continue
            req_node = URIRef(f"{node}/requirement/{index + 1}")
            self.add(node, RG.requirement, req_node)
            self.add(req_node, RDF.type, RG.LineupRequirement)
            for key in req.categories:
                category = self.entity(key)
                if category is not None:
                    self.add(req_node, RG.category, category)
            self.add(req_node, RG.count, _non_negative(req.count))
            self.add(req_node, RG.minimum, Literal(req.minimum))
            self.add(req_node, RG.strictness, Literal(req.strictness))
            if req.description:
                self.add(req_node, RDFS.label, Literal(req.description))

    def tested(self, fact: Fact) -> None:
        target_key = fact.get("o")
        subject = self.entity(fact.get("s"))
        target = self.entity(target_key)
        if subject is None or target is None or not isinstance(target_key, str):
            return
        is_class = self.types.get(target_key) is EntityType.CLASS
        predicate = RG.testedClass if is_class else RG.testedCar
        node = self.node("statement", RG.Statement, fact)
        self.add(node, RDF.subject, subject)
        self.add(node, RDF.predicate, predicate)
        self.add(node, RDF.object, target)
        self.qualify(node, fact, None)
        self.add(subject, predicate, target)

    def title_less(self, fact: Fact) -> None:
        log.warning("%s: no RDF mapping for relation %r", self.stem, fact.relation)

    def map_facts(self) -> None:
        special: dict[str, Callable[[Fact], None]] = {
            "raceResult": self.race_result,
            "gridPosition": self.grid_position,
            "drives": self.drives,
            "fiaCategory": self.fia_category,
            "title": self.title,
            "entryCount": self.entry_count,
            "manufacturerEntry": self.manufacturer_entry,
            "classRule": self.class_rule,
            "tested": self.tested,
            "eventDate": self.event_date,
        }
        for fact in self.extraction.facts:
            handler = special.get(fact.relation)
            if handler is not None:
                handler(fact)
            elif fact.relation in _STATEMENT_PREDICATES:
                self.statement(fact)
            else:
                self.title_less(fact)


def _years(value: Value | None) -> list[int]:
    if isinstance(value, int):
        return [value]
    if isinstance(value, tuple):
        return sorted({v for v in value if isinstance(v, int)})
    return []


def entity_iris(extraction: Extraction) -> dict[str, URIRef]:
    """IRI of every entity of an extraction: its reference IRI, else a minted one."""
    return {
        e.key: URIRef(e.reference) if e.reference else entity_iri(e.type.value, e.key)
        for e in extraction.entities
    }


def map_extraction(extraction: Extraction, *, reference: Reference, pipeline_version: str) -> Graph:
    """The article graph of one extraction (no inferences, not yet validated)."""
    graph = Graph()
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns)
    mapper = _Mapper(
        extraction=extraction,
        reference=reference,
        pipeline_version=pipeline_version,
        graph=graph,
        iris=entity_iris(extraction),
        types={e.key: e.type for e in extraction.entities},
        names={e.key: e.name for e in extraction.entities}
        | {r.key: r.label for r in reference.entities},
    )
    mapper.map_article()
    mapper.map_entities()
    mapper.map_facts()
    if any(isinstance(t, BNode) for triple in graph for t in triple):
        raise AssertionError("mapping must not mint blank nodes (determinism)")
    return graph
