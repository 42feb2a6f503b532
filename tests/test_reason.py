"""The compiled reasoner gives exactly owlrl's OWL-RL inferences on real article graphs."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, BNode, Dataset, Graph

from racegraph.build import Pipeline
from racegraph.reason import Reasoner
from racegraph.vocab import RG, article_graph, entity_iri

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_compiled_reasoner_matches_owlrl(built_kg: Path, pipeline: Pipeline) -> None:
    ds = Dataset()
    ds.parse(built_kg / "kg.trig", format="trig")
    reasoner: Reasoner = pipeline.reasoner
    for path in sorted((ROOT / "data" / "articles").glob("*.txt")):
        article = Graph()
        article += ds.graph(article_graph(path.stem))
        assert len(article) > 50
        fast = set(reasoner.infer(article))
        slow = set(reasoner.infer(article, method="owlrl"))
        assert fast == slow
        assert fast, "drivers are persons: something must be inferred"


def test_inferences_restate_nothing() -> None:
    ontology = Graph().parse(ROOT / "ontology" / "racegraph.ttl")
    reasoner = Reasoner.from_ontology(ontology)
    person = entity_iri("Driver", "test-driver")
    team = entity_iri("Team", "test-team")
    data = Graph()
    data.add((person, RDF.type, RG.Driver))
    data.add((person, RG.memberOf, team))
    inferred = reasoner.infer(data)
    assert (person, RDF.type, RG.Person) in inferred
    assert (team, RG.hasMember, person) in inferred
    assert not any(t in ontology for t in inferred)
    assert not any(t in data for t in inferred)


def test_cached_closure_gives_the_same_reasoner(tmp_path: Path) -> None:
    ontology = Graph().parse(ROOT / "ontology" / "racegraph.ttl")
    cache = tmp_path / "closure.nt"
    fresh = Reasoner.from_ontology(ontology, closure_file=cache)
    assert cache.stat().st_size > 0
    cached = Reasoner.from_ontology(ontology, closure_file=cache)
    assert cached.super_classes == fresh.super_classes
    assert cached.ranges == fresh.ranges
    assert cached.inverses == fresh.inverses
    ground = {t for t in fresh.ontology_closure if not any(isinstance(x, BNode) for x in t)}
    assert ground <= cached.ontology_closure
    data = Graph()
    data.add((entity_iri("Driver", "x"), RG.memberOf, entity_iri("Team", "y")))
    assert set(cached.infer(data)) == set(fresh.infer(data))
