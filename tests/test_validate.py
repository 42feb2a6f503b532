"""racegraph.validate (library) and `racegraph validate` (CLI)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from racegraph.cli import cli
from racegraph.errors import InputError
from racegraph.validate import (
    Finding,
    ShapesValidator,
    load_ontology,
    load_shapes,
    parse_rdf_file,
    quarantine_split,
    render_report,
    validate_files,
    validate_graph,
)
from racegraph.vocab import PROV, RG

DATA = Path(__file__).parent / "data" / "shapes"
RESULT = DATA / "result.ttl"
ID = "https://w3id.org/racegraph/id/"
ROSSI = URIRef(ID + "person/valentino-rossi")
MARTIN = URIRef(ID + "person/maxime-martin")
RESULT_NODE = URIRef(ID + "result/000_4c063b5a83620a77/0a1b2c3d4e5f6071")
GRID_NODE = URIRef(ID + "grid/000_4c063b5a83620a77/1a2b3c4d5e6f7081")
ARTICLE = URIRef(ID + "article/000_4c063b5a83620a77")


@pytest.fixture(scope="module")
def validator() -> ShapesValidator:
    return ShapesValidator()


def bad_result_graph() -> Graph:
    """The result example with a 0th place (a violation on the result node only)."""
    graph = parse_rdf_file(RESULT)
    graph.remove((RESULT_NODE, RG.position, None))
    graph.add((RESULT_NODE, RG.position, Literal(0)))
    return graph


def test_validate_graph_defaults_to_the_repository_ontology() -> None:
    report = validate_graph(parse_rdf_file(RESULT))
    assert report.conforms
    assert "Conforms: True" in report.text


def test_findings_are_plain_strings(validator: ShapesValidator) -> None:
    report = validator.validate(bad_result_graph())
    assert not report.conforms
    assert report.violations
    for finding in report.violations:
        assert isinstance(finding, Finding)
        assert all(isinstance(getattr(finding, f), str) for f in Finding.__slots__)
        assert finding.focus_node == str(RESULT_NODE)
        assert finding.severity == "Violation"
    by_message = {f.message: f for f in report.violations}
    sparql = next(f for m, f in by_message.items() if m.startswith("Positions start at 1"))
    assert sparql.value == Literal(0).n3()
    assert sparql.source_shape == "https://w3id.org/racegraph/ontology/shapes#PositionShape"
    datatype = next(f for m, f in by_message.items() if "xsd:positiveInteger" in m)
    assert datatype.path == str(RG.position)


def test_data_graph_is_not_modified(validator: ShapesValidator) -> None:
    graph = bad_result_graph()
    before = set(graph)
    validator.validate(graph)
    assert set(graph) == before


def test_subclasses_satisfy_sh_class_without_inference(validator: ShapesValidator) -> None:
    """rg:driver expects a rg:Driver; a rg:Person is not enough, a rg:Driver subclass is."""
    graph = parse_rdf_file(RESULT)
    graph.remove((MARTIN, RDF.type, RG.Driver))
    graph.add((MARTIN, RDF.type, RG.Person))
    assert not validator.validate(graph).conforms
    sub = URIRef("https://example.org/ReserveDriver")
    ontology = load_ontology()
    ontology.add((sub, RDFS.subClassOf, RG.Driver))
    graph.remove((MARTIN, RDF.type, RG.Person))
    graph.add((MARTIN, RDF.type, sub))
    assert ShapesValidator(ontology=ontology, shapes=load_shapes()).validate(graph).conforms


def test_strict_counts_warnings(validator: ShapesValidator) -> None:
    graph = parse_rdf_file(DATA / "lineup_rule.ttl")
    graph.remove((None, RG.fiaCategory, URIRef(ID + "fia-category/bronze")))
    assert validator.validate(graph).conforms
    strict = validator.validate(graph, strict=True)
    assert not strict.conforms
    assert strict.warnings and not strict.violations


def test_render_report_groups_by_focus_node(validator: ShapesValidator) -> None:
    graph = bad_result_graph()
    graph.remove((MARTIN, RDFS.label, None))
    text = render_report(validator.validate(graph))
    lines = text.splitlines()
    assert "rgid:person/maxime-martin" in lines
    assert "rgid:result/000_4c063b5a83620a77/0a1b2c3d4e5f6071" in lines
    assert '(value "0"^^xsd:integer)' in text
    assert "  [Violation] Positions start at 1" in text
    assert lines[-1].startswith("does not conform:")
    assert "on 2 node(s)" in lines[-1]


def test_quarantine_split_moves_the_failing_node_and_what_hangs_on_it(
    validator: ShapesValidator,
) -> None:
    graph = bad_result_graph()
    requirement = URIRef(ID + "result-detail/x")
    graph.add((RESULT_NODE, RG.requirement, requirement))
    graph.add((requirement, RG.count, Literal(1)))
    graph.add((URIRef(ID + "other/statement"), RDF.object, RESULT_NODE))
    report = validator.validate(graph)
    kept, quarantined = quarantine_split(graph, report)
    assert len(kept) + len(quarantined) == len(graph)
    assert set(kept) & set(quarantined) == set()
    assert (RESULT_NODE, RG.position, Literal(0)) in quarantined
    assert (RESULT_NODE, PROV.wasDerivedFrom, ARTICLE) in quarantined
    assert (requirement, RG.count, Literal(1)) in quarantined
    assert (URIRef(ID + "other/statement"), RDF.object, RESULT_NODE) in quarantined
    assert not list(kept.triples((RESULT_NODE, None, None)))
    # shared nodes stay: the article, the drivers, the grid position
    assert (ARTICLE, RDF.type, URIRef("https://schema.org/NewsArticle")) in kept
    assert (ROSSI, RDFS.label, Literal("Valentino Rossi")) in kept
    assert (GRID_NODE, RG.driver, MARTIN) in kept
    assert validator.validate(kept).conforms


def test_quarantine_split_never_takes_ontology_terms(validator: ShapesValidator) -> None:
    graph = bad_result_graph()
    graph += validator.ontology
    graph.add((RESULT_NODE, RG.claimStatus, RG.provisional))
    kept, quarantined = quarantine_split(graph, validator.validate(graph))
    assert (RESULT_NODE, RG.position, Literal(0)) in quarantined
    assert (RG.Result, RDFS.subClassOf, RG.Assertion) in kept
    assert (RG.provisional, RDF.type, RG.ClaimStatus) in kept
    assert not list(quarantined.triples((RG.Result, None, None)))


def test_quarantine_split_of_a_conforming_graph_keeps_everything(
    validator: ShapesValidator,
) -> None:
    graph = parse_rdf_file(RESULT)
    kept, quarantined = quarantine_split(graph, validator.validate(graph))
    assert len(quarantined) == 0
    assert set(kept) == set(graph)


def test_warnings_quarantine_nothing(validator: ShapesValidator) -> None:
    graph = parse_rdf_file(DATA / "lineup_rule.ttl")
    graph.remove((None, RG.fiaCategory, URIRef(ID + "fia-category/bronze")))
    _kept, quarantined = quarantine_split(graph, validator.validate(graph))
    assert len(quarantined) == 0


def test_validate_files_merges_formats(tmp_path: Path) -> None:
    nt = tmp_path / "result.nt"
    parse_rdf_file(RESULT).serialize(nt, format="nt")
    jsonld = tmp_path / "claims.jsonld"
    parse_rdf_file(DATA / "participation_claims.ttl").serialize(jsonld, format="json-ld")
    report = validate_files([nt, jsonld])
    assert report.conforms


@pytest.mark.parametrize(
    ("name", "content", "line"),
    [
        ("bad.ttl", '@prefix ex: <http://ex/> .\nex:a ex:b ex:c .\nex:a ex:b "x" "y" .\n', 3),
        ("bad.nt", "<http://ex/a> <http://ex/b> <http://ex/c> .\n<http://ex/a> oops .\n", 2),
        (
            "bad.rdf",
            '<?xml version="1.0"?>\n'
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
            "<rdf:Description>\n</rdf:RDF>\n",
            4,
        ),
        ("bad.jsonld", '{\n  "@id": "http://ex/a",\n  "http://ex/b": [1,\n}\n', 4),
        ("bad.trig", "@prefix ex: <http://ex/> .\nex:g {\n ex:a ex:b ex:c\n ex:d }\n", 4),
    ],
)
def test_syntax_errors_name_file_and_line(
    tmp_path: Path, name: str, content: str, line: int
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as info:
        parse_rdf_file(path)
    assert str(info.value).startswith(f"{path}:{line}: ")
    assert info.value.exit_code == 2


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        validate_files([tmp_path / "absent.ttl"])


def test_cli_good_file_exits_0() -> None:
    result = CliRunner().invoke(cli, ["validate", str(RESULT)])
    assert result.exit_code == 0, result.output
    assert result.output.strip().splitlines()[-1] == (
        "conforms: 0 violation(s), 0 warning(s) on 0 node(s)"
    )


def test_cli_violating_file_exits_1(tmp_path: Path) -> None:
    path = tmp_path / "bad_result.ttl"
    bad_result_graph().serialize(path, format="turtle")
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exit_code == 1
    assert "[Violation] Positions start at 1: rg:position 0" in result.stdout
    assert "does not conform: 2 violation(s)" in result.stdout
    assert "Error: 2 violation(s) in 1 file(s)" in result.stderr


def test_cli_warnings_exit_0_unless_strict(tmp_path: Path) -> None:
    graph = parse_rdf_file(DATA / "lineup_rule.ttl")
    graph.remove((None, RG.fiaCategory, URIRef(ID + "fia-category/bronze")))
    path = tmp_path / "crew.ttl"
    graph.serialize(path, format="turtle")
    relaxed = CliRunner().invoke(cli, ["validate", str(path)])
    assert relaxed.exit_code == 0
    assert "[Warning] LMGT3 line-up rule" in relaxed.stdout
    strict = CliRunner().invoke(cli, ["validate", "--strict", str(path)])
    assert strict.exit_code == 1
    assert "Error: 1 warning(s) (--strict)" in strict.stderr


def test_cli_syntax_error_exits_2_with_file_and_line() -> None:
    path = DATA / "syntax_error.ttl"
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exit_code == 2
    assert f"Error: {path}:5: turtle syntax error" in result.stderr
    assert result.stdout == ""


def test_cli_help_documents_exit_codes() -> None:
    result = CliRunner().invoke(cli, ["validate", "--help"])
    assert result.exit_code == 0
    assert "--strict" in result.output
    assert "1 on violations" in result.output


def test_report_graph_is_serialisable(validator: ShapesValidator) -> None:
    report = validator.validate(bad_result_graph())
    data = json.loads(report.report_graph.serialize(format="json-ld"))
    assert data
