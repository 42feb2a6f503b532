"""ontology/racegraph.ttl: parses, declares exactly the RG vocabulary, documents every term,
is consistent under HermiT, and stays well-behaved under owlrl (OWL 2 RL)."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import owlrl
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from racegraph.validate import DEFAULT_ONTOLOGY_DIR, load_ontology, parse_rdf_file
from racegraph.vocab import ONTOLOGY_IRI, ONTOLOGY_VERSION_IRI, PROV, RG, SCHEMA, VANN

RG_NS = str(RG._NS)
XSD_NS = "http://www.w3.org/2001/XMLSchema#"
DECLARATION_TYPES = (
    OWL.Class,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    OWL.NamedIndividual,
    SKOS.ConceptScheme,
)
EXAMPLES = Path(__file__).parent / "data" / "shapes"


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return load_ontology()


def rg_terms_used(graph: Graph) -> set[URIRef]:
    nodes = set(graph.subjects()) | set(graph.predicates()) | set(graph.objects())
    return {n for n in nodes if isinstance(n, URIRef) and str(n).startswith(RG_NS)}


def vocab_terms() -> set[URIRef]:
    return {URIRef(RG_NS + name) for name in RG.__annotations__}


def declared(graph: Graph, kind: URIRef) -> set[URIRef]:
    return {s for s in graph.subjects(RDF.type, kind) if str(s).startswith(RG_NS)}  # type: ignore[misc]


def test_ontology_files_parse() -> None:
    assert len(load_ontology()) > 500
    assert len(parse_rdf_file(DEFAULT_ONTOLOGY_DIR / "shapes.ttl")) > 300


def test_metadata(ontology: Graph) -> None:
    onto = URIRef(ONTOLOGY_IRI)
    assert (onto, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(onto, OWL.versionIRI) == URIRef(ONTOLOGY_VERSION_IRI)
    for prop in (DCTERMS.title, DCTERMS.description, DCTERMS.license, DCTERMS.created):
        assert ontology.value(onto, prop) is not None, prop
    assert ontology.value(onto, VANN.preferredNamespacePrefix) == Literal("rg")
    assert str(ontology.value(onto, VANN.preferredNamespaceUri)) == RG_NS


def test_every_vocab_term_is_declared(ontology: Graph) -> None:
    missing = [
        t
        for t in sorted(vocab_terms())
        if not any((t, RDF.type, kind) in ontology for kind in DECLARATION_TYPES)
    ]
    assert missing == []


def test_every_rg_term_in_the_file_is_in_vocab(ontology: Graph) -> None:
    assert rg_terms_used(ontology) - vocab_terms() == set()
    assert vocab_terms() - rg_terms_used(ontology) == set()


def test_term_counts(ontology: Graph) -> None:
    classes = declared(ontology, OWL.Class)
    object_props = declared(ontology, OWL.ObjectProperty)
    datatype_props = declared(ontology, OWL.DatatypeProperty)
    print(f"classes={len(classes)} object={len(object_props)} datatype={len(datatype_props)}")
    assert len(classes) == 34
    assert len(object_props) == 57
    assert len(datatype_props) == 32
    assert not classes & (object_props | datatype_props)
    assert not object_props & datatype_props


def test_every_class_and_property_is_documented(ontology: Graph) -> None:
    terms = (
        declared(ontology, OWL.Class)
        | declared(ontology, OWL.ObjectProperty)
        | declared(ontology, OWL.DatatypeProperty)
        | declared(ontology, OWL.NamedIndividual)
    )
    for term in sorted(terms):
        label = ontology.value(term, RDFS.label)
        definition = ontology.value(term, SKOS.definition)
        assert isinstance(label, Literal) and label.language == "en", term
        assert isinstance(definition, Literal) and definition.language == "en", term
        assert len(str(definition)) > 15, term


def test_properties_have_domain_and_range(ontology: Graph) -> None:
    for prop in declared(ontology, OWL.ObjectProperty) | declared(ontology, OWL.DatatypeProperty):
        assert ontology.value(prop, RDFS.domain) is not None, prop
        assert ontology.value(prop, RDFS.range) is not None, prop
    assert ontology.value(RG.heldAt, RDFS.range) == RG.Place
    assert ontology.value(RG.position, RDFS.range) == URIRef(XSD_NS + "positiveInteger")


@pytest.mark.parametrize(
    ("sub", "sup"),
    [
        (RG.Driver, RG.Person),
        (RG.Person, RG.Agent),
        (RG.Team, RG.Organisation),
        (RG.Manufacturer, RG.Organisation),
        (RG.GoverningBody, RG.Organisation),
        (RG.Organisation, RG.Agent),
        (RG.SubChampionship, RG.Championship),
        (RG.Round, RG.Event),
        (RG.Race, RG.Event),
        (RG.Test, RG.Event),
        (RG.EntryList, RG.Event),
        (RG.Venue, RG.Place),
        (RG.Country, RG.Place),
        (RG.Statement, RG.Assertion),
        (RG.Statement, RDF.Statement),
        (RG.ParticipationClaim, RG.Statement),
        (RG.CategoryAssignment, RG.Statement),
        (RG.Entry, RG.Assertion),
        (RG.Result, RG.Assertion),
        (RG.GridPosition, RG.Assertion),
        (RG.EntryCount, RG.Assertion),
        (RG.ManufacturerEntry, RG.Assertion),
        (RG.LineupRule, RG.Assertion),
        (RG.Title, RG.Assertion),
        (RG.Assertion, PROV.Entity),
        (RG.Agent, PROV.Agent),
        (RG.FIACategory, SKOS.Concept),
        (RG.ClaimStatus, SKOS.Concept),
    ],
)
def test_class_hierarchy(ontology: Graph, sub: URIRef, sup: URIRef) -> None:
    assert (sub, RDFS.subClassOf, sup) in ontology


def test_property_characteristics(ontology: Graph) -> None:
    pairs = [
        (RG.worksDriverFor, RG.hasWorksDriver),
        (RG.memberOf, RG.hasMember),
        (RG.teamPrincipal, RG.principalOf),
        (RG.competesIn, RG.hasCompetitor),
        (RG.manufacturer, RG.makes),
        (RG.classOf, RG.hasClass),
        (RG.replaces, RG.replacedBy),
        (RG.eventOf, RG.hasEvent),
        (RG.partOfEvent, RG.hasSession),
        (RG.subChampionshipOf, RG.hasSubChampionship),
        (RG.seasonOf, RG.hasSeason),
    ]
    for prop, inverse in pairs:
        assert (prop, OWL.inverseOf, inverse) in ontology
    assert (RG.coDriver, RDF.type, OWL.SymmetricProperty) in ontology
    assert (RG.testedCar, RDFS.subPropertyOf, RG.tested) in ontology
    assert (RG.testedClass, RDFS.subPropertyOf, RG.tested) in ontology
    for functional in (RG.position, RG.seasonOf, RG.charStart, RG.charEnd, RG.asOf):
        assert (functional, RDF.type, OWL.FunctionalProperty) in ontology
    # a statement carries one rg:year per season it spans (design.md)
    assert (RG.year, RDF.type, OWL.FunctionalProperty) not in ontology
    # n-ary roles are many-valued by design: declaring them functional would make owlrl
    # merge every crew member into one node
    for role in (RG.race, RG.driver, RG.team, RG.season, RG.championship):
        assert (role, RDF.type, OWL.FunctionalProperty) not in ontology
        assert (role, RDF.type, OWL.InverseFunctionalProperty) not in ontology


def test_claim_statuses_are_skos_concepts(ontology: Graph) -> None:
    assert (RG.ClaimStatusScheme, RDF.type, SKOS.ConceptScheme) in ontology
    assert (RG.FIACategoryScheme, RDF.type, SKOS.ConceptScheme) in ontology
    for status in (RG.confirmed, RG.planned, RG.likely, RG.uncertain, RG.provisional):
        assert (status, RDF.type, RG.ClaimStatus) in ontology
        assert (status, RDF.type, SKOS.Concept) in ontology
        assert (status, SKOS.inScheme, RG.ClaimStatusScheme) in ontology


def test_disjointness(ontology: Graph) -> None:
    assert (RG.Venue, OWL.disjointWith, RG.Country) in ontology
    groups = [
        set(ontology.items(members))
        for node in ontology.subjects(RDF.type, OWL.AllDisjointClasses)
        if (members := ontology.value(node, OWL.members)) is not None
    ]
    required = {
        RG.Person,
        RG.Organisation,
        RG.Event,
        RG.Championship,
        RG.Season,
        RG.RaceClass,
        RG.Place,
        RG.CarModel,
        RG.Assertion,
    }
    assert any(required <= group for group in groups)


def test_alignments(ontology: Graph) -> None:
    assert (RG.Person, OWL.equivalentClass, SCHEMA.Person) in ontology
    assert (RG.Team, RDFS.subClassOf, SCHEMA.SportsTeam) in ontology
    wdt = "http://www.wikidata.org/prop/direct/"
    assert (RG.nationality, SKOS.closeMatch, URIRef(wdt + "P27")) in ontology
    assert (RG.date, SKOS.closeMatch, URIRef("http://www.w3.org/2006/time#inXSDDate")) in ontology


def _example_data() -> Graph:
    data = Graph()
    for path in sorted(EXAMPLES.glob("*.ttl")):
        if not path.name.startswith("syntax"):
            data += parse_rdf_file(path)
    return data


def test_owlrl_closure_is_tame(ontology: Graph) -> None:
    """The colleague's reason.py runs owlrl on article graph + ontology: it must stay small,
    make no owl:sameAs between distinct nodes and find the subclass/inverse entailments."""
    data = _example_data()
    graph = Graph()
    graph += data
    graph += ontology
    before = len(graph)
    start = time.perf_counter()
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(graph)
    elapsed = time.perf_counter() - start
    print(f"owlrl: {before} -> {len(graph)} triples in {elapsed:.2f}s")
    same = [(s, o) for s, o in graph.subject_objects(OWL.sameAs) if s != o]
    assert same == []
    person = URIRef("https://w3id.org/racegraph/id/person/valentino-rossi")
    wec = URIRef("https://w3id.org/racegraph/id/championship/fia-wec")
    assert (person, RDF.type, RG.Agent) in graph
    assert (person, RDF.type, SCHEMA.Person) in graph
    assert (wec, RG.hasCompetitor, person) in graph
    errors = [o for o in graph.objects(None, RDFS.comment) if "error" in str(o).lower()]
    assert errors == []


def _hermit(graph: Graph) -> tuple[bool, list[str], float]:
    import owlready2

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "racegraph.nt"
        graph.serialize(path, format="nt", encoding="utf-8")
        world = owlready2.World()
        onto = world.get_ontology(path.as_uri()).load()
        start = time.perf_counter()
        try:
            with onto:
                # xsd:date and xsd:gYear are outside the OWL 2 datatype map HermiT implements
                owlready2.sync_reasoner_hermit(world, ignore_unsupported_datatypes=True, debug=0)
        except owlready2.OwlReadyInconsistentOntologyError:
            return False, [], time.perf_counter() - start
        elapsed = time.perf_counter() - start
        unsatisfiable = sorted(str(c.iri) for c in world.inconsistent_classes())
        return True, unsatisfiable, elapsed


@pytest.mark.slow
def test_hermit_consistent_and_all_classes_satisfiable(ontology: Graph) -> None:
    consistent, unsatisfiable, elapsed = _hermit(ontology)
    print(f"HermiT: consistent={consistent} unsatisfiable={unsatisfiable} in {elapsed:.2f}s")
    assert consistent
    assert unsatisfiable == []


@pytest.mark.slow
def test_hermit_detects_a_clash(ontology: Graph) -> None:
    """Guards the test above against a reasoner that silently accepts anything."""
    broken = Graph()
    broken += ontology
    clash = URIRef("https://example.org/PersonTeam")
    broken.add((clash, RDF.type, OWL.Class))
    broken.add((clash, RDFS.subClassOf, RG.Person))
    broken.add((clash, RDFS.subClassOf, RG.Team))
    _consistent, unsatisfiable, _elapsed = _hermit(broken)
    assert str(clash) in unsatisfiable
