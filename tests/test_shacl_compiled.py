"""The compiled SHACL checker gives exactly pyshacl's findings (see racegraph.shacl_compiled).

Equivalence is checked the way tests/test_reason.py checks the compiled reasoner: on the
article graphs of every sample set, on every broken example of the shape tests, and on a few
hundred seeded random mutations of real graphs. pyshacl is the reference throughout.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

from racegraph.shacl_compiled import CompiledShapes, UnsupportedData, UnsupportedShapes
from racegraph.validate import (
    Finding,
    ShapesValidator,
    load_ontology,
    load_shapes,
    parse_rdf_file,
    quarantine_split,
)
from racegraph.vocab import RG
from tests import test_shapes, test_validate

ROOT = Path(__file__).resolve().parent.parent
SHAPES_DATA = ROOT / "tests" / "data" / "shapes"
# measurement-only sets: no test reads them
UNTOUCHED = frozenset({"blind10", "blind15", "blind18", "blind20", "blind69", "blind70"})
ARTICLE_SETS = [
    ROOT / "data" / "articles",
    *sorted(
        p for p in (ROOT / "tests" / "extract").glob("*/articles") if p.parent.name not in UNTOUCHED
    ),
]


@pytest.fixture(scope="module")
def reference() -> ShapesValidator:
    """pyshacl only."""
    return ShapesValidator(compiled=False)


@pytest.fixture(scope="module")
def compiled(reference: ShapesValidator) -> CompiledShapes:
    return CompiledShapes.from_graphs(reference.shapes, reference.ontology)


def pyshacl_findings(reference: ShapesValidator, graph: Graph) -> list[Finding]:
    report = reference.validate(graph)
    return [*report.violations, *report.warnings]


def assert_same(reference: ShapesValidator, compiled: CompiledShapes, graph: Graph) -> int:
    """Assert equal findings; return how many there were."""
    expected = pyshacl_findings(reference, graph)
    assert compiled.check(graph) == expected
    return len(expected)


# ---------------------------------------------------------------------------------------------
# (a) real article graphs
# ---------------------------------------------------------------------------------------------


def built_graphs(pipeline: object, directory: Path) -> Iterator[tuple[str, Graph, Graph]]:
    """(stem, mapped graph, its inferences) of every article in ``directory``."""
    from racegraph.articles import list_articles, read_article
    from racegraph.build import Pipeline
    from racegraph.extract import extract_articles
    from racegraph.mapping import map_extraction

    assert isinstance(pipeline, Pipeline)
    articles = [read_article(path) for path in list_articles(directory)]
    extractions = extract_articles(articles, nlp=pipeline.nlp, reference=pipeline.reference)
    for extraction in extractions:
        graph = map_extraction(extraction, reference=pipeline.reference, pipeline_version="test")
        yield extraction.article.stem, graph, pipeline.reasoner.infer(graph)


@pytest.mark.slow
@pytest.mark.parametrize("directory", ARTICLE_SETS, ids=lambda p: p.parent.name)
def test_same_findings_on_built_articles(
    pipeline: object, reference: ShapesValidator, compiled: CompiledShapes, directory: Path
) -> None:
    graphs = list(built_graphs(pipeline, directory))
    assert graphs
    for stem, graph, inferred in graphs:
        assert len(graph) > 20, stem
        assert_same(reference, compiled, graph)
        if directory.name == "articles" and directory.parent.name == "data":
            assert_same(reference, compiled, graph + inferred)


# ---------------------------------------------------------------------------------------------
# (b) every failing example of the shape and validate tests
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "update", "expected", "severity"),
    test_shapes.CASES,
    ids=[f"{c[0]}:{c[2][:40]}" for c in test_shapes.CASES],
)
def test_same_findings_on_broken_examples(
    reference: ShapesValidator,
    compiled: CompiledShapes,
    name: str,
    update: str,
    expected: str,
    severity: str,
) -> None:
    graph = test_shapes.broken(name, update)
    assert assert_same(reference, compiled, graph) > 0
    assert any(expected in f.message and f.severity == severity for f in compiled.check(graph))


def _subclass_graph() -> Graph:
    graph = parse_rdf_file(test_validate.RESULT)
    graph.remove((test_validate.MARTIN, RDF.type, RG.Driver))
    graph.add((test_validate.MARTIN, RDF.type, RG.Person))
    return graph


def _lineup_without_bronze() -> Graph:
    graph = parse_rdf_file(SHAPES_DATA / "lineup_rule.ttl")
    graph.remove((None, RG.fiaCategory, URIRef(test_validate.ID + "fia-category/bronze")))
    return graph


def _with_ontology() -> Graph:
    graph = test_validate.bad_result_graph()
    graph += load_ontology()
    graph.add((test_validate.RESULT_NODE, RG.claimStatus, RG.provisional))
    return graph


OTHER_GRAPHS: dict[str, Callable[[], Graph]] = {
    "bad_result": test_validate.bad_result_graph,
    "person_not_driver": _subclass_graph,
    "lineup_without_bronze": _lineup_without_bronze,
    "data_with_ontology": _with_ontology,
    **{p.stem: (lambda p=p: parse_rdf_file(p)) for p in sorted(SHAPES_DATA.glob("[!s]*.ttl"))},
}


@pytest.mark.parametrize("name", sorted(OTHER_GRAPHS))
def test_same_findings_on_other_examples(
    reference: ShapesValidator, compiled: CompiledShapes, name: str
) -> None:
    assert_same(reference, compiled, OTHER_GRAPHS[name]())


def test_subclass_added_to_the_data_or_the_ontology(reference: ShapesValidator) -> None:
    sub = URIRef("https://example.org/ReserveDriver")
    ontology = load_ontology()
    ontology.add((sub, RDFS.subClassOf, RG.Driver))
    graph = _subclass_graph()
    graph.remove((test_validate.MARTIN, RDF.type, RG.Person))
    graph.add((test_validate.MARTIN, RDF.type, sub))
    compiled = CompiledShapes.from_graphs(load_shapes(), ontology)
    slow = ShapesValidator(ontology=ontology, shapes=load_shapes(), compiled=False)
    assert compiled.check(graph) == pyshacl_findings(slow, graph) == []
    in_data = graph + Graph()
    in_data.add((sub, RDFS.subClassOf, RG.Driver))
    assert_same(reference, CompiledShapes.from_graphs(load_shapes(), load_ontology()), in_data)


# ---------------------------------------------------------------------------------------------
# (c) seeded random mutations
# ---------------------------------------------------------------------------------------------

XSD_TYPES = [
    None,
    XSD.string,
    XSD.integer,
    XSD.decimal,
    XSD.nonNegativeInteger,
    XSD.positiveInteger,
    XSD.date,
    XSD.gYear,
    XSD.boolean,
    XSD.double,
    XSD.dateTime,
]
LEXICAL = ["", "abc", "-1", "0", "1", "3", "1.5", "2023", "2023-02-30", "2023-07-16", "true", "#7"]


def _random_literal(rng: random.Random) -> Literal:
    if rng.random() < 0.1:
        return Literal(rng.choice(LEXICAL), lang="en")
    return Literal(rng.choice(LEXICAL), datatype=rng.choice(XSD_TYPES))


def mutate(graph: Graph, rng: random.Random, classes: list[URIRef]) -> str:
    """Apply one random mutation in place; return its name."""
    triples = sorted(graph, key=lambda t: (str(t[0]), str(t[1]), str(t[2])))
    literals = [t for t in triples if isinstance(t[2], Literal)]
    iris = [t for t in triples if isinstance(t[2], URIRef) and t[1] != RDF.type]
    typed = [t for t in triples if t[1] == RDF.type]
    subjects = sorted({t[0] for t in triples}, key=str)
    kind = rng.choice(
        [
            "drop",
            "drop",
            "datatype",
            "lexical",
            "retype",
            "second_value",
            "iri_to_literal",
            "reverse_offsets",
            "pole_three",
            "unconfirm",
            "swap_object",
            "blank_subject",
            "drop_subject",
        ]
    )
    if kind == "drop":
        graph.remove(rng.choice(triples))
    elif kind == "datatype" and literals:
        s, p, o = rng.choice(literals)
        graph.remove((s, p, o))
        dt = rng.choice(XSD_TYPES)
        graph.add((s, p, Literal(str(o), datatype=dt) if dt else Literal(str(o))))
    elif kind == "lexical" and literals:
        s, p, o = rng.choice(literals)
        graph.remove((s, p, o))
        graph.add((s, p, Literal(rng.choice(LEXICAL), datatype=o.datatype, lang=o.language)))
    elif kind == "retype" and typed:
        s, p, o = rng.choice(typed)
        graph.remove((s, p, o))
        graph.add((s, p, rng.choice(classes)))
    elif kind == "second_value":
        s, p, o = rng.choice(triples)
        other = _random_literal(rng) if isinstance(o, Literal) else rng.choice(subjects)
        graph.add((s, p, other))
    elif kind == "iri_to_literal" and iris:
        s, p, o = rng.choice(iris)
        graph.remove((s, p, o))
        graph.add((s, p, Literal(str(o))))
    elif kind == "reverse_offsets":
        for s in subjects:
            start, end = graph.value(s, RG.charStart), graph.value(s, RG.charEnd)
            if start is not None and end is not None and rng.random() < 0.5:
                graph.set((s, RG.charStart, end))
                graph.set((s, RG.charEnd, start))
    elif kind == "pole_three":
        for s in graph.subjects(RG.gridKind, None):
            graph.set((s, RG.position, Literal(3, datatype=XSD.positiveInteger)))
            graph.set((s, RG.gridKind, Literal("pole")))
            break
    elif kind == "unconfirm":
        statuses = [RG.planned, RG.likely, RG.uncertain, RG.provisional, Literal("rumour")]
        for s in sorted(graph.subjects(RDF.subject, None), key=str)[:3]:
            graph.set((s, RG.claimStatus, rng.choice(statuses)))
    elif kind == "swap_object" and iris:
        s, p, o = rng.choice(iris)
        graph.remove((s, p, o))
        graph.add((s, p, rng.choice(subjects)))
    elif kind == "blank_subject":
        node, blank = rng.choice(subjects), BNode()
        for s, p, o in list(graph.triples((node, None, None))):
            graph.remove((s, p, o))
            graph.add((blank, p, o))
    elif kind == "drop_subject":
        graph.remove((rng.choice(subjects), None, None))
    return kind


def _bases(pipeline: object | None) -> list[Graph]:
    bases = [parse_rdf_file(p) for p in sorted(SHAPES_DATA.glob("[!s]*.ttl"))]
    if pipeline is not None:
        for _stem, graph, _inferred in built_graphs(pipeline, ROOT / "data" / "articles"):
            bases.append(graph)
    return bases


def run_mutations(
    reference: ShapesValidator,
    compiled: CompiledShapes,
    bases: list[Graph],
    count: int,
    seed: int,
) -> dict[str, int]:
    rng = random.Random(seed)
    found = set(reference.ontology.subjects(RDF.type, OWL.Class))
    classes = sorted((c for c in found if isinstance(c, URIRef)), key=str)
    tally = {"checked": 0, "with_findings": 0, "both_raised": 0, "unsupported_data": 0}
    for n in range(count):
        graph = Graph()
        graph += bases[n % len(bases)]
        names = [mutate(graph, rng, classes) for _ in range(rng.randint(1, 3))]
        try:
            expected = pyshacl_findings(reference, graph)
        except Exception:
            with pytest.raises(Exception):  # noqa: B017 - pyshacl's own errors vary
                compiled.check(graph)
            tally["both_raised"] += 1
            continue
        try:
            got = compiled.check(graph)
        except UnsupportedData:
            tally["unsupported_data"] += 1
            continue
        assert got == expected, (n, names)
        tally["checked"] += 1
        tally["with_findings"] += bool(expected)
    return tally


def test_same_findings_on_mutated_examples(
    reference: ShapesValidator, compiled: CompiledShapes
) -> None:
    tally = run_mutations(reference, compiled, _bases(None), count=220, seed=20261121)
    assert tally["checked"] >= 180, tally
    assert tally["with_findings"] >= 120, tally
    assert tally["unsupported_data"] <= 25, tally


@pytest.mark.slow
def test_same_findings_on_mutated_articles(
    pipeline: object, reference: ShapesValidator, compiled: CompiledShapes
) -> None:
    bases = _bases(pipeline)[-3:]
    tally = run_mutations(reference, compiled, bases, count=40, seed=7)
    assert tally["checked"] >= 30, tally


# ---------------------------------------------------------------------------------------------
# (d) unsupported shapes are refused, naming the feature
# ---------------------------------------------------------------------------------------------

SH_PREFIX = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix rg: <https://w3id.org/racegraph/ontology#> .
@prefix ex: <https://example.org/> .
"""

UNSUPPORTED = {
    "sh:or": "ex:S a sh:NodeShape ; sh:targetClass rg:Team ; sh:message 'm' ;"
    " sh:or ( [ sh:class rg:Team ] [ sh:class rg:Driver ] ) .",
    "sh:node": "ex:S a sh:NodeShape ; sh:targetClass rg:Team ; sh:node ex:T ."
    " ex:T a sh:NodeShape .",
    "complex sh:path": "ex:S a sh:NodeShape ; sh:targetClass rg:Team ;"
    " sh:property [ sh:path [ sh:inversePath rg:team ] ; sh:minCount 1 ; sh:message 'm' ] .",
    "sh:closed": "ex:S a sh:NodeShape ; sh:targetClass rg:Team ; sh:closed true .",
    "sh:languageIn": "ex:S a sh:NodeShape ; sh:targetClass rg:Team ;"
    " sh:property [ sh:path rg:x ; sh:languageIn ( 'en' ) ; sh:message 'm' ] .",
    "sh:qualifiedValueShape": "ex:S a sh:NodeShape ; sh:targetClass rg:Team ;"
    " sh:property [ sh:path rg:x ; sh:qualifiedValueShape [ sh:class rg:Driver ] ] .",
    "sh:maxLength": "ex:S a sh:NodeShape ; sh:targetClass rg:Team ;"
    " sh:property [ sh:path rg:x ; sh:maxLength 3 ; sh:message 'm' ] .",
    "sh:message": "ex:S a sh:NodeShape ; sh:targetClass rg:Team ;"
    " sh:property [ sh:path rg:x ; sh:minCount 1 ] .",
    "MINUS": "ex:S a sh:NodeShape ; sh:targetClass rg:Team ; sh:sparql [ sh:message 'm' ;"
    " sh:select 'SELECT $this WHERE { $this ?p ?o MINUS { $this a ?c } }' ] .",
    "does not project $this": "ex:S a sh:NodeShape ; sh:targetClass rg:Team ;"
    " sh:sparql [ sh:message 'm' ; sh:select 'SELECT ?o WHERE { $this ?p ?o }' ] .",
    "not grouped by $this": "ex:S a sh:NodeShape ; sh:targetClass rg:Team ;"
    " sh:sparql [ sh:message 'm' ;"
    " sh:select 'SELECT $this (COUNT(?o) AS ?n) WHERE { $this ?p ?o }' ] .",
    "group that does not bind it": "ex:S a sh:NodeShape ; sh:targetClass rg:Team ;"
    " sh:sparql [ sh:message 'm' ; sh:select"
    " 'SELECT $this WHERE { $this ?p ?o . { ?a ?b ?c FILTER (?a = $this) } }' ] .",
    "sh:SPARQLRule": "ex:S a sh:NodeShape ; sh:targetClass rg:Team ;"
    " sh:rule [ a sh:SPARQLRule ; sh:construct 'CONSTRUCT {} WHERE {}' ] .",
}


@pytest.mark.parametrize("feature", sorted(UNSUPPORTED))
def test_unsupported_shapes_name_the_feature(feature: str) -> None:
    shapes = Graph().parse(data=SH_PREFIX + UNSUPPORTED[feature], format="turtle")
    with pytest.raises(UnsupportedShapes) as info:
        CompiledShapes.from_graphs(shapes, load_ontology())
    alternatives = {
        "sh:SPARQLRule": ("sh:rule", "sh:SPARQLRule", "sh:construct"),
        "complex sh:path": ("complex sh:path", "sh:inversePath"),
    }
    assert any(name in str(info.value) for name in alternatives.get(feature, (feature,)))


def test_unsupported_shapes_fall_back_to_pyshacl(caplog: pytest.LogCaptureFixture) -> None:
    shapes = load_shapes()
    shapes.parse(data=SH_PREFIX + UNSUPPORTED["sh:or"], format="turtle")
    validator = ShapesValidator(shapes=shapes)
    assert validator.compiled is None
    assert "sh:or" in caplog.text
    assert validator.validate(parse_rdf_file(test_validate.RESULT)).conforms


# ---------------------------------------------------------------------------------------------
# ShapesValidator: which engine reports
# ---------------------------------------------------------------------------------------------


def test_conforming_graph_never_runs_pyshacl(monkeypatch: pytest.MonkeyPatch) -> None:
    validator = ShapesValidator()
    assert validator.compiled is not None

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("pyshacl ran")

    monkeypatch.setattr("racegraph.validate.pyshacl.validate", refuse)
    report = validator.validate(_lineup_without_bronze())
    assert report.conforms and not report.violations
    assert [f.severity for f in report.warnings] == ["Warning"]
    assert "Conforms: True" in report.text
    assert "[Warning] LMGT3 line-up rule" in report.text
    assert not validator.validate(_lineup_without_bronze(), strict=True).conforms
    assert report.report_graph.serialize(format="json-ld")


def test_violating_graph_gets_pyshacls_report_and_quarantine() -> None:
    fast = ShapesValidator()
    slow = ShapesValidator(compiled=False)
    graph = test_validate.bad_result_graph()
    report = fast.validate(graph)
    reference = slow.validate(graph)
    assert not report.conforms
    assert report.violations == reference.violations
    assert "Constraint Violation in" in report.text  # pyshacl's own description
    assert len(report.report_graph) == len(reference.report_graph)
    kept, quarantined = quarantine_split(graph, report)
    kept_ref, quarantined_ref = quarantine_split(graph, reference)
    assert set(quarantined) == set(quarantined_ref) and len(quarantined) > 0
    assert set(kept) == set(kept_ref)
