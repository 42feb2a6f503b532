"""The SHACL shapes: well-formed (SHACL-for-SHACL), pass the pattern examples, and every
constraint fires with its own sh:message on a broken copy of an example."""

from __future__ import annotations

from pathlib import Path

import pyshacl
import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH

from racegraph.validate import ShapesValidator, ValidationReport, parse_rdf_file

DATA = Path(__file__).parent / "data" / "shapes"
EXAMPLES = ("result", "category_change", "participation_claims", "entry_count", "lineup_rule")
PREFIXES = """
PREFIX rg: <https://w3id.org/racegraph/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>
PREFIX person: <https://w3id.org/racegraph/id/person/>
PREFIX team: <https://w3id.org/racegraph/id/team/>
PREFIX fia: <https://w3id.org/racegraph/id/fia-category/>
PREFIX article: <https://w3id.org/racegraph/id/article/>
"""


@pytest.fixture(scope="module")
def validator() -> ShapesValidator:
    return ShapesValidator()


def example(name: str) -> Graph:
    return parse_rdf_file(DATA / f"{name}.ttl")


def broken(name: str, update: str) -> Graph:
    graph = example(name)
    before = len(graph)
    graph.update(PREFIXES + update)
    assert len(graph) != before or "DELETE" in update, "the update changed nothing"
    return graph


def messages(report: ValidationReport) -> list[str]:
    return [f.message for f in (*report.violations, *report.warnings)]


def test_shapes_conform_to_shacl_shacl(validator: ShapesValidator) -> None:
    shacl_shacl = Graph().parse(Path(pyshacl.__file__).parent / "assets" / "shacl-shacl.ttl")
    conforms, _graph, text = pyshacl.validate(
        validator.shapes, shacl_graph=shacl_shacl, inference="rdfs"
    )
    assert conforms, text


def test_shacl_shacl_check_is_not_vacuous(validator: ShapesValidator) -> None:
    shacl_shacl = Graph().parse(Path(pyshacl.__file__).parent / "assets" / "shacl-shacl.ttl")
    bad = Graph()
    bad += validator.shapes
    bad.update("""PREFIX sh: <http://www.w3.org/ns/shacl#>
        INSERT DATA { <urn:x:shape> a sh:NodeShape ; sh:property [ sh:minCount "one" ] . }""")
    conforms, _graph, _text = pyshacl.validate(bad, shacl_graph=shacl_shacl, inference="rdfs")
    assert not conforms


def test_every_constraint_has_a_message(validator: ShapesValidator) -> None:
    shapes = validator.shapes
    constraints = set(shapes.subjects(SH.path, None)) | set(shapes.objects(None, SH.sparql))
    assert len(constraints) > 80
    silent = [c for c in constraints if (c, SH.message, None) not in shapes]
    assert silent == []


@pytest.mark.parametrize("name", EXAMPLES)
def test_pattern_example_conforms(validator: ShapesValidator, name: str) -> None:
    report = validator.validate(example(name))
    assert report.conforms, report.text
    assert report.violations == () and report.warnings == ()


def test_examples_together_conform(validator: ShapesValidator) -> None:
    graph = Graph()
    for name in EXAMPLES:
        graph += example(name)
    assert validator.validate(graph, strict=True).conforms


def test_assertion_may_carry_one_year_per_season(validator: ShapesValidator) -> None:
    graph = broken(
        "participation_claims",
        'INSERT { ?c rg:year "2023"^^xsd:gYear , "2024"^^xsd:gYear }'
        " WHERE { ?c a rg:ParticipationClaim }",
    )
    assert validator.validate(graph, strict=True).conforms
    wrong = broken(
        "participation_claims",
        'INSERT { ?c rg:year "2024" } WHERE { ?c a rg:ParticipationClaim }',
    )
    assert "rg:year values are xsd:gYear" in " ".join(messages(validator.validate(wrong)))


CASES: list[tuple[str, str, str, str]] = [
    # (example, SPARQL update, expected message fragment, severity)
    (
        "result",
        "DELETE WHERE { person:maxime-martin rdfs:label ?l }",
        "Every entity needs at least one non-empty rdfs:label",
        "Violation",
    ),
    (
        "result",
        'DELETE { ?r rg:position ?p } INSERT { ?r rg:position "0"^^xsd:integer }'
        " WHERE { ?r a rg:Result ; rg:position ?p }",
        "Positions start at 1",
        "Violation",
    ),
    (
        "result",
        'DELETE { ?r rg:position ?p } INSERT { ?r rg:position "1" }'
        " WHERE { ?r a rg:Result ; rg:position ?p }",
        "A result has at most one rg:position, an xsd:positiveInteger",
        "Violation",
    ),
    (
        "result",
        "DELETE { ?r rg:position ?p } WHERE { ?r a rg:Result ; rg:position ?p }",
        "A result needs exactly one of rg:position and rg:finishStatus",
        "Violation",
    ),
    (
        "result",
        'INSERT { ?r rg:finishStatus "DNF" } WHERE { ?r a rg:Result }',
        "A result needs exactly one of rg:position and rg:finishStatus",
        "Violation",
    ),
    (
        "result",
        'DELETE { ?r rg:position ?p } INSERT { ?r rg:finishStatus "retired" }'
        " WHERE { ?r a rg:Result ; rg:position ?p }",
        'rg:finishStatus: "DNF", "DSQ" or "DNS"',
        "Violation",
    ),
    (
        "result",
        'DELETE { ?r rg:classification ?c } INSERT { ?r rg:classification "winner" }'
        " WHERE { ?r a rg:Result ; rg:classification ?c }",
        'rg:classification: "overall" or "class"',
        "Violation",
    ),
    (
        "result",
        'DELETE { ?r rg:classification ?c } INSERT { ?r rg:classification "class" }'
        " WHERE { ?r a rg:Result ; rg:classification ?c }",
        'rg:resultClass goes with rg:classification "class"',
        "Violation",
    ),
    (
        "result",
        'DELETE { ?g rg:gridKind ?k } INSERT { ?g rg:gridKind "front-row" }'
        " WHERE { ?g a rg:GridPosition ; rg:gridKind ?k }",
        'rg:gridKind: "pole", "grid" or "qualifying"',
        "Violation",
    ),
    (
        "result",
        'DELETE { ?g rg:position ?p } INSERT { ?g rg:position "3"^^xsd:positiveInteger }'
        " WHERE { ?g a rg:GridPosition ; rg:position ?p }",
        "A pole position is position 1",
        "Violation",
    ),
    (
        "result",
        "DELETE { ?r rg:driver ?d } INSERT { ?r rg:driver team:wrt }"
        " WHERE { ?r a rg:Result ; rg:driver ?d }",
        "rg:driver must point to a rg:Driver",
        "Violation",
    ),
    (
        "result",
        "DELETE { ?r rg:driver ?d } WHERE { ?r a rg:Result ; rg:driver ?d } ;"
        " DELETE { ?r rg:team ?t } WHERE { ?r a rg:Result ; rg:team ?t }",
        "A result needs at least one rg:driver (one per crew member) or,",
        "Violation",
    ),
    (
        "result",
        "DELETE { ?r prov:wasDerivedFrom ?a } WHERE { ?r a rg:Result ; prov:wasDerivedFrom ?a }",
        "exactly one prov:wasDerivedFrom, a schema:NewsArticle",
        "Violation",
    ),
    (
        "result",
        "INSERT { ?r prov:wasDerivedFrom team:wrt } WHERE { ?r a rg:Result }",
        "exactly one prov:wasDerivedFrom, a schema:NewsArticle",
        "Violation",
    ),
    (
        "result",
        'DELETE { ?r rg:charStart ?s } INSERT { ?r rg:charStart "500"^^xsd:nonNegativeInteger }'
        " WHERE { ?r a rg:Result ; rg:charStart ?s }",
        "Evidence offsets are reversed",
        "Violation",
    ),
    (
        "result",
        'DELETE { ?r rg:confidence ?c } INSERT { ?r rg:confidence "1.5"^^xsd:decimal }'
        " WHERE { ?r a rg:Result ; rg:confidence ?c }",
        "rg:confidence, an xsd:decimal between 0 and 1",
        "Violation",
    ),
    (
        "result",
        'DELETE { ?r rg:asOf ?d } INSERT { ?r rg:asOf "17 July 2023" }'
        " WHERE { ?r a rg:Result ; rg:asOf ?d }",
        "exactly one rg:asOf, an xsd:date",
        "Violation",
    ),
    (
        "result",
        "DELETE { ?r rg:sentence ?s } WHERE { ?r a rg:Result ; rg:sentence ?s }",
        "non-empty rg:sentence",
        "Violation",
    ),
    (
        "result",
        "DELETE { ?r rg:extractionRule ?s } WHERE { ?r a rg:Result ; rg:extractionRule ?s }",
        "non-empty rg:extractionRule",
        "Violation",
    ),
    (
        "result",
        "DELETE WHERE { article:000_4c063b5a83620a77 schema:datePublished ?d }",
        "exactly one schema:datePublished",
        "Violation",
    ),
    (
        "result",
        "DELETE { ?e rg:heldAt ?v } INSERT { ?e rg:heldAt person:valentino-rossi }"
        " WHERE { ?e a rg:Race ; rg:heldAt ?v }",
        "rg:heldAt must point to a rg:Place",
        "Violation",
    ),
    (
        "result",
        'INSERT { ?r rg:raceNumber "#46" } WHERE { ?r a rg:Result }',
        "rg:raceNumber is at most one literal of 1 to 4 digits",
        "Violation",
    ),
    (
        "result",
        "INSERT DATA { person:valentino-rossi rg:nationality team:wrt }",
        "rg:nationality must point to a rg:Country",
        "Violation",
    ),
    (
        "category_change",
        "INSERT { ?other a rg:CategoryAssignment ; rg:driver ?d ; rg:asOf ?date ;"
        " prov:wasDerivedFrom ?a ; rg:category fia:gold ; rg:sentence ?s ; rg:charStart ?cs ;"
        " rg:charEnd ?ce ; rg:extractionRule ?r ; rg:confidence ?c . }"
        " WHERE { ?ca a rg:CategoryAssignment ; rg:driver ?d ; rg:asOf ?date ;"
        " prov:wasDerivedFrom ?a ; rg:sentence ?s ; rg:charStart ?cs ; rg:charEnd ?ce ;"
        " rg:extractionRule ?r ; rg:confidence ?c ."
        " BIND (IRI(CONCAT(STR(?ca), '-other')) AS ?other) }",
        "Conflicting FIA categories",
        "Violation",
    ),
    (
        "category_change",
        "DELETE { ?ca rg:category ?c } INSERT { ?ca rg:category fia:diamond }"
        " WHERE { ?ca a rg:CategoryAssignment ; rg:category ?c }",
        "exactly one rg:category: platinum, gold, silver or bronze",
        "Violation",
    ),
    (
        "category_change",
        "DELETE { ?ca rg:previousCategory ?c } INSERT { ?ca rg:previousCategory fia:silver }"
        " WHERE { ?ca a rg:CategoryAssignment ; rg:previousCategory ?c }",
        "different from rg:category",
        "Violation",
    ),
    (
        "category_change",
        "INSERT DATA { person:valentino-rossi rg:fiaCategory fia:gold }",
        "at most one current rg:fiaCategory",
        "Violation",
    ),
    (
        "participation_claims",
        "DELETE { ?c rg:claimStatus ?s } INSERT { ?c rg:claimStatus rg:rumoured }"
        " WHERE { ?c a rg:ParticipationClaim ; rg:claimStatus ?s }",
        "rg:claimStatus is at most one of rg:confirmed",
        "Violation",
    ),
    (
        "participation_claims",
        "DELETE { ?c rdf:object ?o } INSERT { ?c rdf:object team:wrt }"
        " WHERE { ?c a rg:ParticipationClaim ; rdf:object ?o }",
        "rdf:object must equal its rg:championship",
        "Violation",
    ),
    (
        "participation_claims",
        "DELETE { ?c rdf:predicate ?p } INSERT { ?c rdf:predicate rg:memberOf }"
        " WHERE { ?c a rg:ParticipationClaim ; rdf:predicate ?p }",
        "rdf:predicate is rg:competesIn",
        "Violation",
    ),
    (
        "participation_claims",
        "DELETE { ?c rdf:subject ?s } WHERE { ?c a rg:ParticipationClaim ; rdf:subject ?s }",
        "needs rdf:subject, rdf:predicate and rdf:object",
        "Violation",
    ),
    (
        "participation_claims",
        "DELETE WHERE { ?c rg:claimStatus rg:confirmed ; ?p ?o }",
        "only confirmed statements get one",
        "Warning",
    ),
    (
        "participation_claims",
        "DELETE { ?s rg:year ?y } WHERE { ?s a rg:Season ; rg:year ?y }",
        "A season needs exactly one rg:year, an xsd:gYear",
        "Violation",
    ),
    (
        "participation_claims",
        "INSERT { ?c rg:season team:wrt } WHERE { ?c a rg:ParticipationClaim }",
        "rg:season must point to a rg:Season node",
        "Violation",
    ),
    (
        "participation_claims",
        "INSERT DATA { <urn:x:age> a rg:Statement ; rdf:subject person:valentino-rossi ;"
        ' rdf:predicate rg:age ; rdf:object "forty-four" ;'
        " prov:wasDerivedFrom article:002_e97e1b5073b860a3 ;"
        ' rg:asOf "2023-11-29"^^xsd:date ; rg:sentence "The 44-year-old" ;'
        ' rg:charStart "1"^^xsd:nonNegativeInteger ; rg:charEnd "2"^^xsd:nonNegativeInteger ;'
        ' rg:extractionRule "age" ; rg:confidence "0.5"^^xsd:decimal . }',
        "An rg:age statement needs an rdf:object that is an xsd:nonNegativeInteger",
        "Violation",
    ),
    (
        "entry_count",
        "DELETE { ?e rg:championship ?c } WHERE { ?e a rg:EntryCount ; rg:championship ?c }",
        "An entry count needs exactly one rg:championship",
        "Violation",
    ),
    (
        "entry_count",
        'DELETE { ?e rg:count ?c } INSERT { ?e rg:count "-1"^^xsd:integer }'
        " WHERE { ?e a rg:EntryCount ; rg:count ?c }",
        "rg:count, an xsd:nonNegativeInteger",
        "Violation",
    ),
    (
        "lineup_rule",
        'INSERT { ?r rg:strictness "sometimes" } WHERE { ?r a rg:LineupRequirement }',
        'rg:strictness is at most one of "required", "typically", "usually"',
        "Violation",
    ),
    (
        "lineup_rule",
        'DELETE { ?r rg:lineupSize ?s } INSERT { ?r rg:lineupSize "three" }'
        " WHERE { ?r a rg:LineupRule ; rg:lineupSize ?s }",
        "rg:lineupSize, an xsd:positiveInteger",
        "Violation",
    ),
    (
        "lineup_rule",
        "DELETE { ?e rg:driver person:driver-c }"
        " WHERE { ?e a rg:Entry ; rg:driver person:driver-c }",
        "not met: 2 driver(s), 1 known bronze",
        "Warning",
    ),
    (
        "lineup_rule",
        "DELETE WHERE { person:driver-b rg:fiaCategory ?c }",
        "not met: 3 driver(s), 0 known bronze",
        "Warning",
    ),
    (
        "lineup_rule",
        "INSERT DATA { <https://w3id.org/racegraph/id/car/bmw-m4-gt3> rg:manufacturer team:wrt }",
        "rg:manufacturer of a car model must point to a rg:Manufacturer",
        "Violation",
    ),
]


@pytest.mark.parametrize(
    ("name", "update", "expected", "severity"),
    CASES,
    ids=[f"{c[0]}:{c[2][:40]}" for c in CASES],
)
def test_constraint_fires_with_its_message(
    validator: ShapesValidator, name: str, update: str, expected: str, severity: str
) -> None:
    report = validator.validate(broken(name, update))
    hits = [f for f in (*report.violations, *report.warnings) if expected in f.message]
    assert hits, f"{expected!r} not in {messages(report)}"
    assert {f.severity for f in hits} == {severity}
    assert report.conforms is (severity != "Violation")
    if severity == "Warning":
        assert not report.violations
        assert not validator.validate(broken(name, update), strict=True).conforms


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_required_property_is_checked(validator: ShapesValidator, name: str) -> None:
    """Generic: dropping all values of a sh:minCount property of a targeted node is reported."""
    shapes = validator.shapes
    data = example(name)
    checked = 0
    for shape, target in shapes.subject_objects(SH.targetClass):
        focus_nodes = [n for n in data.subjects(RDF.type, target) if isinstance(n, URIRef)]
        for prop_shape in shapes.objects(shape, SH.property):
            path = shapes.value(prop_shape, SH.path)
            message = str(shapes.value(prop_shape, SH.message))
            if shapes.value(prop_shape, SH.minCount) is None or not isinstance(path, URIRef):
                continue
            for focus in focus_nodes:
                graph = example(name)
                graph.remove((focus, path, None))
                report = validator.validate(graph)
                assert message in messages(report), (focus, path)
                checked += 1
    assert checked > 0
