"""OWL RL inferences per article, keeping only what the article adds.

owlrl computes the closure of the ontology once per process. Per article, running owlrl's
full OWL-RL fixpoint again costs ~1 s even for a tiny graph, because every rule re-scans the
~2k ontology triples on every round. So the closed ontology is *compiled* into lookup tables
for the instance-level OWL 2 RL rules our ontology uses (``prp-spo1``, ``prp-inv1/2``,
``prp-symp``, ``prp-trp``, ``prp-dom``, ``prp-rng``, ``cax-sco``, ``cax-eqc``) and applied to
the article until nothing changes: linear in the article's size. ``method="owlrl"`` runs the
real thing; a test checks that both give the same inferences on the built sample articles.
Functional-property rules (``prp-fp``), which only fire on data that breaks a cardinality,
are left to the SHACL ``sh:maxCount`` shapes: such data is quarantined, not "repaired".

Triples the ontology entails on its own, triples already asserted, and bookkeeping triples
(``owl:sameAs x x``, ``rdf:type owl:Thing``/``rdfs:Resource``) are dropped: the inferred
graph only holds new knowledge about the article's nodes.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Literal as _Lit

import owlrl
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib.term import Node

from racegraph.files import atomic_write

_Triple = tuple[Node, Node, Node]

_NOISE_OBJECTS = frozenset({OWL.Thing, RDFS.Resource, OWL.NamedIndividual})
_NOISE_TYPES = frozenset({RDFS.Class, OWL.Class, RDF.Property, RDFS.Datatype})

Method = _Lit["compiled", "owlrl"]


@dataclass(frozen=True, slots=True)
class Reasoner:
    """The ontology, its closure and the rule tables compiled from it (built once)."""

    ontology: Graph
    ontology_closure: frozenset[_Triple]
    super_properties: dict[Node, frozenset[Node]]
    inverses: dict[Node, frozenset[Node]]
    symmetric: frozenset[Node]
    transitive: frozenset[Node]
    domains: dict[Node, frozenset[Node]]
    ranges: dict[Node, frozenset[Node]]
    super_classes: dict[Node, frozenset[Node]]

    @staticmethod
    def from_ontology(ontology: Graph, *, closure_file: Path | None = None) -> Reasoner:
        """Compile the rule tables; ``closure_file`` caches the ontology's closure.

        owlrl takes seconds to close even this small ontology, and a rebuild that touched
        one article should not pay that again. The file (N-Triples) is only ever read for
        the ontology it was made from: its name must carry the ontology's version.
        """
        closed = Graph()
        if closure_file is not None and closure_file.is_file():
            closed.parse(closure_file, format="nt")
        else:
            closed += ontology
            _expand(closed)
            # generalised triples (a literal as subject) are never new knowledge: see _is_noise
            for triple in [t for t in closed if isinstance(t[0], Literal)]:
                closed.remove(triple)
            if closure_file is not None:
                with atomic_write(closure_file) as handle:
                    handle.write(closed.serialize(format="nt"))

        def table(predicate: Node) -> dict[Node, frozenset[Node]]:
            out: dict[Node, set[Node]] = defaultdict(set)
            for s, o in closed.subject_objects(predicate):
                if s != o and isinstance(o, URIRef):
                    out[s].add(o)
            return {k: frozenset(v) for k, v in out.items()}

        inverses: dict[Node, set[Node]] = defaultdict(set)
        for a, b in closed.subject_objects(OWL.inverseOf):
            inverses[a].add(b)
            inverses[b].add(a)
        return Reasoner(
            ontology=ontology,
            ontology_closure=frozenset(closed),
            super_properties=table(RDFS.subPropertyOf),
            inverses={k: frozenset(v) for k, v in inverses.items()},
            symmetric=frozenset(closed.subjects(RDF.type, OWL.SymmetricProperty)),
            transitive=frozenset(closed.subjects(RDF.type, OWL.TransitiveProperty)),
            domains=table(RDFS.domain),
            ranges=table(RDFS.range),
            super_classes=table(RDFS.subClassOf),
        )

    def infer(self, article: Graph, *, method: Method = "compiled") -> Graph:
        """Triples entailed by ``article`` + ontology that neither states on its own."""
        asserted: set[_Triple] = set(article)
        entailed = self._owlrl(article) if method == "owlrl" else self._compiled(asserted)
        nodes = {s for s, _, _ in asserted} | {o for _, _, o in asserted if isinstance(o, URIRef)}
        out = Graph()
        for triple in entailed - asserted - self.ontology_closure:
            if not _is_noise(triple, nodes):
                out.add(triple)
        return out

    def _owlrl(self, article: Graph) -> set[_Triple]:
        work = Graph()
        work += self.ontology
        work += article
        _expand(work)
        return set(work)

    def _compiled(self, asserted: set[_Triple]) -> set[_Triple]:
        known: set[_Triple] = set(asserted)
        frontier = list(known)
        while frontier:
            new: list[_Triple] = []
            for triple in frontier:
                for derived in self._consequences(triple):
                    if derived not in known:
                        known.add(derived)
                        new.append(derived)
            if self.transitive:
                new.extend(self._transitive_step(known))
            frontier = new
        return known

    def _consequences(self, triple: _Triple) -> list[_Triple]:
        s, p, o = triple
        out: list[_Triple] = []
        if p == RDF.type:
            out.extend((s, RDF.type, c) for c in self.super_classes.get(o, ()))
            return out
        out.extend((s, q, o) for q in self.super_properties.get(p, ()))
        if isinstance(o, URIRef):
            out.extend((o, q, s) for q in self.inverses.get(p, ()))
            if p in self.symmetric:
                out.append((o, p, s))
            out.extend((o, RDF.type, c) for c in self.ranges.get(p, ()))
        out.extend((s, RDF.type, c) for c in self.domains.get(p, ()))
        return out

    def _transitive_step(self, known: set[_Triple]) -> list[_Triple]:
        added: list[_Triple] = []
        for p in self.transitive:
            edges = [(s, o) for s, q, o in known if q == p]
            succ: dict[Node, set[Node]] = defaultdict(set)
            for s, o in edges:
                succ[s].add(o)
            for s, o in edges:
                for o2 in succ.get(o, ()):
                    triple = (s, p, o2)
                    if triple not in known:
                        known.add(triple)
                        added.append(triple)
        return added


def _expand(graph: Graph) -> None:
    owlrl.DeductiveClosure(
        owlrl.OWLRL_Semantics,
        axiomatic_triples=False,
        datatype_axioms=False,
    ).expand(graph)


def _is_noise(triple: _Triple, nodes: set[Node]) -> bool:
    s, p, o = triple
    if s not in nodes or isinstance(s, Literal):
        return True
    if p == OWL.sameAs and s == o:
        return True
    if p == RDF.type and (o in _NOISE_OBJECTS or o in _NOISE_TYPES):
        return True
    return p == RDF.type and isinstance(o, URIRef) and str(o).startswith(str(RDF))
