"""The only place IRIs are written down.

``RG`` is a closed rdflib ``DefinedNamespace``: using a term the ontology does not define
raises at import or call time instead of minting a typo into the graph. A test checks that
every term here is declared in ``ontology/racegraph.ttl`` and the other way round.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

BASE = "https://w3id.org/racegraph/"
ONTOLOGY_IRI = BASE + "ontology"
ONTOLOGY_VERSION_IRI = BASE + "ontology/0.1.0"


class RG(DefinedNamespace):
    """racegraph ontology terms."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    # classes: agents
    Agent: URIRef
    Person: URIRef
    Driver: URIRef
    Organisation: URIRef
    Team: URIRef
    Manufacturer: URIRef
    GoverningBody: URIRef
    # classes: competitions
    Championship: URIRef
    SubChampionship: URIRef
    Season: URIRef
    RaceClass: URIRef
    Event: URIRef
    Round: URIRef
    Race: URIRef
    Test: URIRef
    EntryList: URIRef
    # classes: places and things
    Place: URIRef
    Venue: URIRef
    Country: URIRef
    CarModel: URIRef
    # classes: what articles state (all carry provenance)
    Assertion: URIRef
    Statement: URIRef
    ParticipationClaim: URIRef
    CategoryAssignment: URIRef
    Entry: URIRef
    Result: URIRef
    GridPosition: URIRef
    EntryCount: URIRef
    ManufacturerEntry: URIRef
    LineupRule: URIRef
    LineupRequirement: URIRef
    Title: URIRef
    # closed vocabularies (SKOS concepts)
    FIACategory: URIRef
    FIACategoryScheme: URIRef
    ClaimStatus: URIRef
    ClaimStatusScheme: URIRef
    confirmed: URIRef
    planned: URIRef
    likely: URIRef
    uncertain: URIRef
    provisional: URIRef

    # direct ("truthy") object properties
    nationality: URIRef
    worksDriverFor: URIRef
    hasWorksDriver: URIRef
    memberOf: URIRef
    hasMember: URIRef
    teamPrincipal: URIRef
    principalOf: URIRef
    basedIn: URIRef
    competesIn: URIRef
    hasCompetitor: URIRef
    coDriver: URIRef
    drives: URIRef
    manufacturer: URIRef
    makes: URIRef
    builtTo: URIRef
    admits: URIRef
    topClass: URIRef
    fiaCategory: URIRef
    classOf: URIRef
    hasClass: URIRef
    replaces: URIRef
    replacedBy: URIRef
    succeeds: URIRef
    tested: URIRef
    testedCar: URIRef
    testedClass: URIRef
    retiredFrom: URIRef
    won: URIRef
    eventOf: URIRef
    hasEvent: URIRef
    partOfEvent: URIRef
    hasSession: URIRef
    heldAt: URIRef
    locatedIn: URIRef
    subChampionshipOf: URIRef
    hasSubChampionship: URIRef
    organisedBy: URIRef
    seasonOf: URIRef
    hasSeason: URIRef

    # qualifiers and n-ary roles
    season: URIRef
    championship: URIRef
    raceClass: URIRef
    team: URIRef
    event: URIRef
    race: URIRef
    driver: URIRef
    carModel: URIRef
    participant: URIRef
    claimStatus: URIRef
    category: URIRef
    previousCategory: URIRef
    holder: URIRef
    requirement: URIRef
    entryList: URIRef
    manufacturerOfEntry: URIRef
    withManufacturer: URIRef
    resultClass: URIRef

    # datatype properties
    year: URIRef
    date: URIRef
    round: URIRef
    position: URIRef
    finishStatus: URIRef
    classification: URIRef
    gridKind: URIRef
    raceNumber: URIRef
    modality: URIRef
    asOf: URIRef
    count: URIRef
    minimum: URIRef
    strictness: URIRef
    cars: URIRef
    titleText: URIRef
    discipline: URIRef
    age: URIRef
    ruleText: URIRef
    lineupSize: URIRef
    iso2: URIRef
    iso3: URIRef
    driversPerCar: URIRef
    demonym: URIRef

    # provenance and evidence
    sentence: URIRef
    charStart: URIRef
    charEnd: URIRef
    extractionRule: URIRef
    confidence: URIRef
    fileName: URIRef
    sha256: URIRef
    wordCount: URIRef
    pipelineVersion: URIRef


SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
WD = Namespace("http://www.wikidata.org/entity/")
WDT = Namespace("http://www.wikidata.org/prop/direct/")
VANN = Namespace("http://purl.org/vocab/vann/")
TIME = Namespace("http://www.w3.org/2006/time#")

ID = Namespace(BASE + "id/")
GRAPH = Namespace(BASE + "graph/")

ONTOLOGY_GRAPH = URIRef(BASE + "graph/ontology")
REFERENCE_GRAPH = URIRef(BASE + "graph/reference")
INFERRED_GRAPH = URIRef(BASE + "graph/inferred")
MANIFEST_GRAPH = URIRef(BASE + "graph/manifest")

PREFIXES: dict[str, str] = {
    "rg": str(RG._NS),
    "rgid": str(ID),
    "rgg": str(GRAPH),
    "schema": str(SCHEMA),
    "prov": str(PROV),
    "wd": str(WD),
    "wdt": str(WDT),
    "vann": str(VANN),
    "time": str(TIME),
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "sh": "http://www.w3.org/ns/shacl#",
}


_UNFOLDED = str.maketrans(
    {"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ß": "ss", "ł": "l"}
    | {"Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "ı": "i"}
)
"""Letters NFKD leaves whole (no combining mark to drop): "Sørgaard" is "sorgaard"."""


def slugify(text: str) -> str:
    """Normalised kebab-case key: accents folded, punctuation dropped.

    >>> slugify("Niklas Krütten")
    'niklas-krutten'
    >>> slugify("  BMW M4 GT3 ")
    'bmw-m4-gt3'
    >>> slugify("Mikkel Sørgaard")
    'mikkel-sorgaard'
    """
    folded = unicodedata.normalize("NFKD", text.translate(_UNFOLDED))
    ascii_text = "".join(c for c in folded if not unicodedata.combining(c))
    ascii_text = ascii_text.replace("’", "").replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


_TYPE_PATHS: dict[str, str] = {
    "Driver": "person",
    "Person": "person",
    "Team": "team",
    "Manufacturer": "manufacturer",
    "Championship": "championship",
    "Class": "class",
    "Event": "event",
    "Venue": "venue",
    "CarModel": "car",
    "Country": "country",
    "FIACategory": "fia-category",
    "Organisation": "organisation",
}


def entity_iri(entity_type: str, key: str) -> URIRef:
    """IRI of a minted (non-reference) entity. Drivers and persons share one path so that a
    person typed differently in two articles is still one node.

    >>> str(entity_iri("Driver", "valentino-rossi"))
    'https://w3id.org/racegraph/id/person/valentino-rossi'
    """
    return URIRef(f"{ID}{_TYPE_PATHS[entity_type]}/{key}")


def article_iri(stem: str) -> URIRef:
    """>>> str(article_iri("000_abc"))
    'https://w3id.org/racegraph/id/article/000_abc'
    """
    return URIRef(f"{ID}article/{stem}")


def article_graph(stem: str) -> URIRef:
    """>>> str(article_graph("000_abc"))
    'https://w3id.org/racegraph/graph/article/000_abc'
    """
    return URIRef(f"{GRAPH}article/{stem}")


def season_iri(championship_key: str, year: int) -> URIRef:
    """>>> str(season_iri("fia-wec", 2024))
    'https://w3id.org/racegraph/id/season/fia-wec/2024'
    """
    return URIRef(f"{ID}season/{championship_key}/{year}")


def node_iri(kind: str, stem: str, *parts: str) -> URIRef:
    """Deterministic IRI of an n-ary node stated by one article: a hash of its content.

    >>> node_iri("result", "000_abc", "a", "b") == node_iri("result", "000_abc", "a", "b")
    True
    """
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:16]
    return URIRef(f"{ID}{kind}/{stem}/{digest}")
