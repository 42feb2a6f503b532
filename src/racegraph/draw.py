"""Graphviz pictures of the knowledge graph: an entity's neighbourhood, and the class diagram.

The neighbourhood drawing reads the built store (article and reference graphs; the inferred
graph only adds inverse edges and is left out). Provenance plumbing is hidden: statement
nodes (``rg:Statement``) repeat direct triples, and ``schema:mentions`` /
``prov:wasDerivedFrom`` edges link to articles. N-ary nodes (results, entries, category
assignments, titles, …) are drawn as small record boxes with their values (position, date…)
and are expanded one step further for free, so ``--depth 1`` already shows the race, team
and class of a result. One colour per class; everything is sorted, so the same graph gives
the same drawing.
"""

from __future__ import annotations

import hashlib
import html
import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import graphviz
import pyoxigraph as ox

from racegraph.errors import InputError, UsageError
from racegraph.store import open_store
from racegraph.vocab import INFERRED_GRAPH, ONTOLOGY_GRAPH, PREFIXES, RG

__all__ = ["draw_entity", "draw_ontology", "render", "resolve_entity"]

log = logging.getLogger(__name__)

_RDF = PREFIXES["rdf"]
_RDFS = PREFIXES["rdfs"]
_SKOS = PREFIXES["skos"]
_TYPE = _RDF + "type"
_LABEL = _RDFS + "label"
_HIDDEN_PREDICATES = {
    _TYPE,
    _LABEL,
    _SKOS + "altLabel",
    PREFIXES["schema"] + "mentions",
    PREFIXES["prov"] + "wasDerivedFrom",
    PREFIXES["skos"] + "exactMatch",
    _RDF + "subject",
    _RDF + "predicate",
    _RDF + "object",
}
_HIDDEN_TYPES = {str(RG.Statement), str(RG.ParticipationClaim), PREFIXES["schema"] + "NewsArticle"}
_NARY = {
    str(t)
    for t in (
        RG.Result,
        RG.GridPosition,
        RG.Entry,
        RG.EntryCount,
        RG.ManufacturerEntry,
        RG.LineupRule,
        RG.LineupRequirement,
        RG.Title,
        RG.CategoryAssignment,
    )
}
_NARY_VALUES = (
    "position", "classification", "gridKind", "raceNumber", "date", "asOf", "year", "count",
    "titleText", "cars", "round",
)  # fmt: skip
_PROVENANCE_VALUES = {"sentence", "charStart", "charEnd", "extractionRule", "confidence"}

# one colour per class (most specific first); other classes get a colour from their name
_CLASS_COLOURS: tuple[tuple[str, str], ...] = (
    ("Driver", "#f4a259"),
    ("Person", "#f4c28c"),
    ("Team", "#8cb369"),
    ("Manufacturer", "#5b8e7d"),
    ("CarModel", "#bc4b51"),
    ("Championship", "#3d5a80"),
    ("SubChampionship", "#5c7aa8"),
    ("Season", "#98c1d9"),
    ("RaceClass", "#e0c3fc"),
    ("Race", "#ee6c4d"),
    ("Event", "#f08a73"),
    ("Test", "#f7b2a1"),
    ("Venue", "#c9ada7"),
    ("Country", "#d8e2dc"),
    ("FIACategory", "#ffd166"),
    ("Result", "#ffffff"),
    ("GridPosition", "#ffffff"),
    ("Entry", "#ffffff"),
    ("CategoryAssignment", "#ffffff"),
    ("Title", "#ffffff"),
    ("Organisation", "#a3b18a"),
)
_PALETTE = ("#cdb4db", "#bde0fe", "#ffc8dd", "#caffbf", "#fdffb6", "#9bf6ff", "#ffd6a5")
_DARK = {"#3d5a80", "#5b8e7d", "#5c7aa8", "#bc4b51"}
_MAX_FANOUT = 12


def _local(iri: str) -> str:
    for sep in ("#", "/"):
        if sep in iri:
            iri = iri.rsplit(sep, 1)[1]
    return iri


def _class_colour(types: Iterable[str]) -> tuple[str, str]:
    """(class name, fill colour) of the most specific known class among ``types``."""
    locals_ = {_local(t) for t in types if t.startswith(str(RG._NS))}
    for name, colour in _CLASS_COLOURS:
        if name in locals_:
            return name, colour
    if locals_:
        name = sorted(locals_)[0]
        digest = int(hashlib.sha256(name.encode()).hexdigest(), 16)
        return name, _PALETTE[digest % len(_PALETTE)]
    return "", "#eeeeee"


@dataclass
class _Node:
    iri: str
    types: set[str] = field(default_factory=set)
    labels: dict[str, str] = field(default_factory=dict)  # language -> label
    values: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    @property
    def label(self) -> str:
        for lang in ("en", ""):
            if lang in self.labels:
                return self.labels[lang]
        if self.labels:
            return self.labels[sorted(self.labels)[0]]
        return _local(self.iri)


class _Reader:
    """Cached reads of the store, article and reference graphs only."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        skip = {str(INFERRED_GRAPH), str(ONTOLOGY_GRAPH)}
        self.graphs = [
            g for g in store.named_graphs() if isinstance(g, ox.NamedNode) and g.value not in skip
        ]
        self.nodes: dict[str, _Node] = {}

    def _quads(self, subject: ox.NamedNode | None, obj: ox.NamedNode | None) -> Iterable[ox.Quad]:
        for graph in self.graphs:
            yield from self.store.quads_for_pattern(subject, None, obj, graph)

    def node(self, iri: str) -> _Node:
        found = self.nodes.get(iri)
        if found is not None:
            return found
        node = _Node(iri)
        for q in self._quads(ox.NamedNode(iri), None):
            p, o = q.predicate.value, q.object
            if p == _TYPE and isinstance(o, ox.NamedNode):
                node.types.add(o.value)
            elif p == _LABEL and isinstance(o, ox.Literal):
                node.labels.setdefault(o.language or "", o.value)
            elif isinstance(o, ox.Literal):
                node.values[_local(p)].add(o.value)
        self.nodes[iri] = node
        return node

    def edges(self, iri: str) -> set[tuple[str, str, str]]:
        """(subject, predicate, object) IRI edges touching ``iri``, provenance hidden."""
        found: set[tuple[str, str, str]] = set()
        me = ox.NamedNode(iri)
        for q in self._quads(me, None):
            if isinstance(q.object, ox.NamedNode) and q.predicate.value not in _HIDDEN_PREDICATES:
                found.add((iri, q.predicate.value, q.object.value))
        for q in self._quads(None, me):
            if isinstance(q.subject, ox.NamedNode) and q.predicate.value not in _HIDDEN_PREDICATES:
                found.add((q.subject.value, q.predicate.value, iri))
        return {e for e in found if not self.hidden(e[0]) and not self.hidden(e[2])}

    def hidden(self, iri: str) -> bool:
        types = self.node(iri).types
        return bool(types & _HIDDEN_TYPES) or iri.startswith(str(RG._NS))

    def is_nary(self, iri: str) -> bool:
        return bool(self.node(iri).types & _NARY)


def resolve_entity(store: ox.Store, name: str) -> str:
    """IRI of ``name``: an IRI, a ``prefix:local`` name, or a label/alias (any case)."""
    if name.startswith(("http://", "https://")):
        return name
    prefix, _, local = name.partition(":")
    if local and prefix in PREFIXES:
        return PREFIXES[prefix] + local
    # the name goes in as an escaped literal term, never spliced as text
    query = (
        "SELECT DISTINCT ?e WHERE { GRAPH ?g { ?e ?p ?l } "
        f"VALUES ?p {{ <{_LABEL}> <{_SKOS}altLabel> }} VALUES ?name {{ {ox.Literal(name)} }} "
        "FILTER(isLiteral(?l) && LCASE(STR(?l)) = LCASE(STR(?name))) }"
    )
    rows = store.query(query)
    found = sorted({row["e"].value for row in rows if isinstance(row["e"], ox.NamedNode)})  # type: ignore[union-attr]
    if not found:
        raise UsageError(f"no entity is labelled {name!r}; give its IRI or another name")
    if len(found) > 1:
        # prefer the entity with a preferred label equal to the name
        exact = [
            iri
            for iri in found
            if any(
                True
                for _ in store.quads_for_pattern(
                    ox.NamedNode(iri), ox.NamedNode(_LABEL), None, None
                )
            )
        ]
        if len(exact) != 1:
            raise UsageError(
                f"{name!r} names {len(found)} entities: " + ", ".join(found[:5]) + "; give an IRI"
            )
        return exact[0]
    return found[0]


def _node_attrs(node: _Node, *, focus: bool, nary: bool) -> dict[str, str]:
    cls, colour = _class_colour(node.types)
    font = "white" if colour in _DARK else "black"
    if nary:
        rows = [f"<B>{html.escape(cls or _local(node.iri))}</B>"]
        for key in _NARY_VALUES:
            for value in sorted(node.values.get(key, ())):
                rows.append(f"{html.escape(key)}: {html.escape(value)}")
        label = "<" + "<BR/>".join(rows) + ">"
        return {
            "label": label, "shape": "note", "style": "filled", "fillcolor": colour,
            "fontsize": "9", "fontcolor": font,
        }  # fmt: skip
    text = html.escape(node.label)
    sub = f'<BR/><FONT POINT-SIZE="8">{html.escape(cls)}</FONT>' if cls else ""
    return {
        "label": f"<<B>{text}</B>{sub}>" if focus else f"<{text}{sub}>",
        "shape": "box",
        "style": "rounded,filled,bold" if focus else "rounded,filled",
        "fillcolor": colour,
        "fontcolor": font,
        "penwidth": "2.5" if focus else "1",
    }


def draw_entity(kg: Path, entity: str, *, depth: int = 1) -> graphviz.Digraph:
    """The neighbourhood of ``entity`` (label, alias, prefixed name or IRI) up to ``depth``."""
    if depth not in (1, 2):
        raise UsageError("--depth must be 1 or 2")
    store = open_store(kg)
    reader = _Reader(store)
    focus = resolve_entity(store, entity)
    if not reader.node(focus).types and not reader.edges(focus):
        raise UsageError(f"nothing is known about <{focus}> in {kg}")
    shown: set[str] = {focus}
    edges: set[tuple[str, str, str]] = set()
    frontier = [(focus, depth)]
    seen_at: dict[str, int] = {focus: depth}
    while frontier:
        iri, budget = frontier.pop(0)
        by_pred: dict[tuple[str, bool], list[tuple[str, str, str]]] = defaultdict(list)
        for edge in sorted(reader.edges(iri)):
            outgoing = edge[0] == iri
            by_pred[(edge[1], outgoing)].append(edge)
        for (pred, outgoing), group in sorted(by_pred.items()):
            if len(group) > _MAX_FANOUT:
                more = f"more:{iri}:{pred}:{outgoing}"
                edges.add((iri, pred, more) if outgoing else (more, pred, iri))
                shown.add(more)
                group = group[: _MAX_FANOUT - 1]
            for edge in group:
                other = edge[2] if outgoing else edge[0]
                edges.add(edge)
                shown.add(other)
                # n-ary nodes are expanded for free: their roles are part of the fact
                rest = budget if reader.is_nary(other) and not reader.is_nary(iri) else budget - 1
                if rest > 0 and seen_at.get(other, -1) < rest:
                    seen_at[other] = rest
                    frontier.append((other, rest))
    dot = graphviz.Digraph(name="neighbourhood", comment=f"racegraph: neighbourhood of {focus}")
    title = f"{reader.node(focus).label}: depth {depth}"
    dot.attr(rankdir="LR", fontname="Helvetica", splines="true", label=title, labelloc="t")
    dot.attr("node", fontname="Helvetica", fontsize="10")
    dot.attr("edge", fontname="Helvetica", fontsize="8", color="#666666")
    ids = {iri: f"n{i}" for i, iri in enumerate(sorted(shown))}
    for iri in sorted(shown):
        if iri.startswith("more:"):
            dot.node(ids[iri], label="…", shape="plaintext")
            continue
        node = reader.node(iri)
        dot.node(ids[iri], **_node_attrs(node, focus=iri == focus, nary=reader.is_nary(iri)))
    for s, p, o in sorted(edges):
        dot.edge(ids[s], ids[o], label=_local(p))
    return dot


def _ontology_graph(kg: Path) -> object:
    from rdflib import Graph, Literal, URIRef
    from rdflib.term import BNode, Node

    store = open_store(kg)
    graph = Graph()
    for q in store.quads_for_pattern(None, None, None, ox.NamedNode(str(ONTOLOGY_GRAPH))):
        terms: list[Node] = []
        for t in (q.subject, q.predicate, q.object):
            if isinstance(t, ox.NamedNode):
                terms.append(URIRef(t.value))
            elif isinstance(t, ox.BlankNode):
                terms.append(BNode(t.value))
            elif isinstance(t, ox.Literal):
                terms.append(Literal(t.value, lang=t.language or None) if t.language
                             else Literal(t.value, datatype=URIRef(t.datatype.value)))  # fmt: skip
        graph.add((terms[0], terms[1], terms[2]))
    if len(graph) == 0:
        raise InputError(f"the KG in {kg} has no ontology graph <{ONTOLOGY_GRAPH}>")
    return graph


def draw_ontology(kg: Path) -> graphviz.Digraph:
    """The ontology class diagram (``racegraph.docs`` renderer when available)."""
    import importlib

    graph = _ontology_graph(kg)
    try:
        docs = importlib.import_module("racegraph.docs")
    except ImportError:
        docs = None
    for name in ("render_class_diagram", "diagram"):
        renderer = getattr(docs, name, None)
        if renderer is not None:
            result = renderer(graph)
            if isinstance(result, graphviz.Digraph):
                return result
    return _own_class_diagram(graph)


def _own_class_diagram(graph: object) -> graphviz.Digraph:
    from rdflib import Graph, URIRef
    from rdflib.namespace import OWL, RDF, RDFS

    assert isinstance(graph, Graph)
    rg = str(RG._NS)
    classes = sorted(str(c) for c in graph.subjects(RDF.type, OWL.Class) if str(c).startswith(rg))
    dot = graphviz.Digraph(name="ontology")
    dot.attr(rankdir="LR", fontname="Helvetica")
    dot.attr("node", shape="box", style="rounded,filled", fontname="Helvetica")
    for cls in classes:
        dot.node(_local(cls), fillcolor=_class_colour([cls])[1])
    for cls in classes:
        for parent in sorted(str(p) for p in graph.objects(URIRef(cls), RDFS.subClassOf)):
            if parent in classes:
                dot.edge(_local(cls), _local(parent), arrowhead="empty")
    for prop in sorted(str(p) for p in graph.subjects(RDF.type, OWL.ObjectProperty)):
        for d in sorted(str(x) for x in graph.objects(URIRef(prop), RDFS.domain)):
            for r in sorted(str(x) for x in graph.objects(URIRef(prop), RDFS.range)):
                if d in classes and r in classes:
                    dot.edge(_local(d), _local(r), label=_local(prop), fontsize="8")
    return dot


def render(dot: graphviz.Digraph, path: Path) -> Path:
    """Write ``dot`` to ``path``: ``.svg``, ``.png``, ``.pdf`` or ``.dot`` (the source)."""
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in ("svg", "png", "pdf", "dot", "gv"):
        raise UsageError(f"cannot draw to {path.name}: use .svg, .png, .pdf or .dot")
    if fmt in ("dot", "gv"):
        path.write_text(dot.source, encoding="utf-8")
        return path
    try:
        data = dot.pipe(format=fmt)
    except graphviz.ExecutableNotFound:
        raise InputError(
            "Graphviz `dot` is not installed: sudo apt-get install graphviz (or brew install "
            "graphviz)"
        ) from None
    path.write_bytes(data)
    return path
