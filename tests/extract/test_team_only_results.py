"""A result the report credits to a team alone ("United Autosports were third overall") is a
valid rg:Result: it needs a driver or a team, not necessarily a driver. A result with neither
is still a violation and is quarantined. Checked with pyshacl and with the compiled checker,
on a hand-made graph and on the graph the pipeline maps from an article."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF
from spacy.language import Language

from racegraph.mapping import map_extraction
from racegraph.reference import Reference
from racegraph.validate import ShapesValidator, parse_rdf_file, quarantine_split
from racegraph.vocab import RG
from tests.extract._pipeline_harness import extract

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "shapes" / "result.ttl"
MESSAGE = "A result needs at least one rg:driver (one per crew member) or"


@pytest.fixture(scope="module", params=[True, False], ids=["compiled", "pyshacl"])
def validator(request: pytest.FixtureRequest) -> ShapesValidator:
    v = ShapesValidator(compiled=request.param)
    assert (v.compiled is not None) is request.param
    return v


def _results(graph: Graph) -> list[URIRef]:
    return [r for r in graph.subjects(RDF.type, RG.Result) if isinstance(r, URIRef)]


def _example_without(*paths: URIRef) -> Graph:
    graph = parse_rdf_file(EXAMPLE)
    for result in _results(graph):
        for path in paths:
            graph.remove((result, path, None))
    return graph


def test_a_result_of_a_team_without_its_crew_conforms(validator: ShapesValidator) -> None:
    graph = _example_without(RG.driver)
    (result,) = _results(graph)
    assert graph.value(result, RG.team) is not None
    report = validator.validate(graph)
    assert report.conforms, [f.message for f in report.violations]
    kept, quarantined = quarantine_split(graph, report)
    assert (result, RG.team, graph.value(result, RG.team)) in kept
    assert len(quarantined) == 0


def test_a_result_with_neither_driver_nor_team_is_quarantined(
    validator: ShapesValidator,
) -> None:
    graph = _example_without(RG.driver, RG.team)
    (result,) = _results(graph)
    report = validator.validate(graph)
    assert not report.conforms
    hits = [f for f in report.violations if MESSAGE in f.message]
    assert [f.focus_node for f in hits] == [str(result)]
    assert "rg:team" in hits[0].message
    kept, quarantined = quarantine_split(graph, report)
    assert (result, RDF.type, RG.Result) in quarantined
    assert not _results(kept)


def test_a_crew_alone_still_conforms(validator: ShapesValidator) -> None:
    graph = _example_without(RG.team)
    assert validator.validate(graph).conforms


def test_a_team_placed_in_a_report_keeps_its_result_after_validation(
    nlp: Language, reference: Reference
) -> None:
    text = (
        "Racing Spirit of Leman won the 4 Hours of Imola on Sunday, the second round of the "
        "European Le Mans Series. Jean Dupont and Marco Rossi took the win for the French "
        "team. United Autosports were third overall."
    )
    extraction = extract(nlp, reference, text)
    team_only = [
        dict(f.args)
        for f in extraction.facts
        if f.relation == "raceResult" and not f.get("drivers")
    ]
    assert [(r["position"], r["team"]) for r in team_only] == [(3, "united-autosports")]
    graph = map_extraction(extraction, reference=reference, pipeline_version="test")
    for v in (ShapesValidator(), ShapesValidator(compiled=False)):
        report = v.validate(graph)
        assert report.conforms, [f.message for f in report.violations]
        kept, _ = quarantine_split(graph, report)
        placed = [
            r
            for r in _results(kept)
            if kept.value(r, RG.driver) is None and kept.value(r, RG.team) is not None
        ]
        assert len(placed) == 1


def test_the_compiled_checker_itself_finds_the_same_violation() -> None:
    """The compiled checker hands violating graphs to pyshacl for the report; its own check
    must still find the result with neither driver nor team, and only that."""
    from racegraph.shacl_compiled import CompiledShapes

    reference = ShapesValidator(compiled=False)
    compiled = CompiledShapes.from_graphs(reference.shapes, reference.ontology)
    neither = _example_without(RG.driver, RG.team)
    found = compiled.check(neither)
    assert found == [*reference.validate(neither).violations]
    assert [f.message for f in found if MESSAGE in f.message]
    assert compiled.check(_example_without(RG.driver)) == []
