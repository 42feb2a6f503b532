"""The racegraph SHACL shapes compiled to plain Python plus one Oxigraph query per constraint.

pyshacl evaluates every property shape and every SPARQL constraint once per focus node
(hundreds per article) through rdflib, which costs 0.3-0.9 s an article. The same rules
read once from the shapes graph are cheap: core constraints become set look-ups over an
index of the article graph plus the ontology, and each SHACL-SPARQL ``sh:select`` runs once
per graph on an in-memory Oxigraph store, with ``$this`` left free and restricted to the
shape's focus nodes by a sub-select of the shape's targets put first in the WHERE group.

Nothing is named after a particular shape: :meth:`CompiledShapes.from_graphs` walks the
shapes graph and refuses (:class:`UnsupportedShapes`, naming the feature) anything outside
the subset it implements, so an edit of ``shapes.ttl`` cannot silently leave it. The
semantics copy pyshacl 0.40's (see ``pyshacl/constraints/core``): ill-typed literals and
``sh:datatype``, ``sh:in``/``sh:hasValue`` by RDF term equality, which results carry
``sh:value``, the node shape's severity for its SPARQL constraints, message placeholders.
``tests/test_shacl_compiled.py`` checks the findings equal pyshacl's on built articles, on
every broken example of the shape tests and on a few hundred random mutations.

Oxigraph's store canonicalises some literals: derived integer types become ``xsd:integer``
(and ``xsd:dateTimeStamp`` ``xsd:dateTime``), numeric lexical forms are normalised. rdflib
keeps both, and a constraint like ``datatype(?v) != xsd:nonNegativeInteger`` sees them. So
literals of the datatypes the store would rename are loaded under a private surrogate
datatype (and the queries' references to those datatype IRIs rewritten to match), and a
graph holding a literal the store would still change is refused with :class:`UnsupportedData`
(the caller then runs pyshacl). Arithmetic or ordering applied directly to surrogate-typed
values would differ from rdflib; no shape does that (the position check casts ``STR`` first).
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from typing import TypeVar

import pyoxigraph as ox
from pyshacl.errors import ReportableRuntimeError
from pyshacl.rdfutil.clone import clone_blank_node
from pyshacl.rdfutil.compare import compare_literal
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH, XSD
from rdflib.term import Node

from racegraph.validate import Finding, _findings

__all__ = ["CompiledShapes", "UnsupportedData", "UnsupportedShapes"]


class UnsupportedShapes(ValueError):
    """The shapes use a SHACL feature the compiled checker does not implement."""


class UnsupportedData(ValueError):
    """This data graph cannot be checked exactly (pyshacl must validate it)."""


_RDFS_Class = RDFS.Class
_RDFS_Datatype = RDFS.Datatype
_RDFS_Literal = RDFS.Literal
_RDFS_subClassOf = RDFS.subClassOf
_RDF_langString = RDF.langString
_RDF_type = RDF.type
_SH_BlankNode = SH.BlankNode
_SH_BlankNodeOrIRI = SH.BlankNodeOrIRI
_SH_BlankNodeOrLiteral = SH.BlankNodeOrLiteral
_SH_ClassConstraintComponent = SH.ClassConstraintComponent
_SH_DatatypeConstraintComponent = SH.DatatypeConstraintComponent
_SH_DisjointConstraintComponent = SH.DisjointConstraintComponent
_SH_EqualsConstraintComponent = SH.EqualsConstraintComponent
_SH_HasValueConstraintComponent = SH.HasValueConstraintComponent
_SH_IRI = SH.IRI
_SH_IRIOrLiteral = SH.IRIOrLiteral
_SH_InConstraintComponent = SH.InConstraintComponent
_SH_Info = SH.Info
_SH_LessThanOrEqualsConstraintComponent = SH.LessThanOrEqualsConstraintComponent
_SH_Literal = SH.Literal
_SH_MaxCountConstraintComponent = SH.MaxCountConstraintComponent
_SH_MaxInclusiveConstraintComponent = SH.MaxInclusiveConstraintComponent
_SH_MinCountConstraintComponent = SH.MinCountConstraintComponent
_SH_MinInclusiveConstraintComponent = SH.MinInclusiveConstraintComponent
_SH_MinLengthConstraintComponent = SH.MinLengthConstraintComponent
_SH_NodeKindConstraintComponent = SH.NodeKindConstraintComponent
_SH_NodeShape = SH.NodeShape
_SH_PatternConstraintComponent = SH.PatternConstraintComponent
_SH_PropertyShape = SH.PropertyShape
_SH_SPARQLConstraint = SH.SPARQLConstraint
_SH_SPARQLConstraintComponent = SH.SPARQLConstraintComponent
_SH_ValidationReport = SH.ValidationReport
_SH_ValidationResult = SH.ValidationResult
_SH_Violation = SH.Violation
_SH_Warning = SH.Warning
_SH_conforms = SH.conforms
_SH_datatype = SH.datatype
_SH_declare = SH.declare
_SH_disjoint = SH.disjoint
_SH_equals = SH.equals
_SH_focusNode = SH.focusNode
_SH_hasValue = SH.hasValue
_SH_lessThanOrEquals = SH.lessThanOrEquals
_SH_message = SH.message
_SH_minLength = SH.minLength
_SH_namespace = SH.namespace
_SH_nodeKind = SH.nodeKind
_SH_path = SH.path
_SH_pattern = SH.pattern
_SH_prefix = SH.prefix
_SH_prefixes = SH.prefixes
_SH_property = SH.property
_SH_result = SH.result
_SH_resultMessage = SH.resultMessage
_SH_resultPath = SH.resultPath
_SH_resultSeverity = SH.resultSeverity
_SH_select = SH.select
_SH_severity = SH.severity
_SH_sourceConstraint = SH.sourceConstraint
_SH_sourceConstraintComponent = SH.sourceConstraintComponent
_SH_sourceShape = SH.sourceShape
_SH_sparql = SH.sparql
_SH_targetClass = SH.targetClass
_SH_targetNode = SH.targetNode
_SH_targetObjectsOf = SH.targetObjectsOf
_SH_targetSubjectsOf = SH.targetSubjectsOf
_SH_value = SH.value
_XSD_boolean = XSD.boolean
_XSD_date = XSD.date
_XSD_dateTime = XSD.dateTime
_XSD_decimal = XSD.decimal
_XSD_float = XSD.float
_XSD_integer = XSD.integer
_XSD_string = XSD.string
_XSD_time = XSD.time

_SUPPORTED_PREDICATES = frozenset(
    SH[name]
    for name in (
        "targetClass",
        "targetSubjectsOf",
        "targetObjectsOf",
        "targetNode",
        "property",
        "path",
        "class",
        "datatype",
        "minCount",
        "maxCount",
        "nodeKind",
        "in",
        "pattern",
        "minLength",
        "minInclusive",
        "maxInclusive",
        "lessThanOrEquals",
        "hasValue",
        "equals",
        "disjoint",
        "severity",
        "message",
        "sparql",
        "select",
        "prefixes",
        "declare",
        "prefix",
        "namespace",
        "name",
        "description",
    )
)
_SUPPORTED_TYPES = frozenset({_SH_NodeShape, _SH_PropertyShape, _SH_SPARQLConstraint})
_NODE_KINDS = {
    _SH_BlankNode: (True, False, False),
    _SH_IRI: (False, True, False),
    _SH_Literal: (False, False, True),
    _SH_BlankNodeOrIRI: (True, True, False),
    _SH_BlankNodeOrLiteral: (True, False, True),
    _SH_IRIOrLiteral: (False, True, True),
}

_Term = Node
_Result = tuple[
    _Term,  # focus node
    _Term | None,  # result path
    _Term | None,  # value
    _Term,  # source shape
    _Term,  # severity
    tuple[Literal, ...],  # messages
    URIRef,  # constraint component
    _Term | None,  # source constraint
]


# ---------------------------------------------------------------------------------------------
# The data graph + ontology, indexed
# ---------------------------------------------------------------------------------------------


class _Index:
    """Triple look-ups over the data graph and the (pre-indexed) ontology together."""

    def __init__(self, base: _BaseIndex, data: Iterable[tuple[Node, Node, Node]]) -> None:
        self.base = base
        iris = base.canon_iri
        sp: dict[_Term, dict[_Term, set[_Term]]] = {}
        ps: dict[_Term, set[_Term]] = {}
        po: dict[_Term, set[_Term]] = {}
        types: dict[_Term, set[_Term]] = {}
        sub_edges: list[tuple[_Term, _Term]] = []
        for s, p, o in data:
            if isinstance(p, URIRef):
                p = iris.get(str(p), p)
            if p is _RDF_type:
                if isinstance(o, URIRef):
                    o = iris.get(str(o), o)
                types.setdefault(o, set()).add(s)
            elif p is _RDFS_subClassOf:
                sub_edges.append((_canonical(iris, s), _canonical(iris, o)))
            by_p = sp.get(s)
            if by_p is None:
                sp[s] = {p: {o}}
            else:
                values = by_p.get(p)
                if values is None:
                    by_p[p] = {o}
                else:
                    values.add(o)
            subjects = ps.get(p)
            if subjects is None:
                ps[p] = {s}
                po[p] = {o}
            else:
                subjects.add(s)
                po[p].add(o)
        self.sp = sp
        self.ps = ps
        self.po = po
        self.types = types
        if sub_edges:
            supers, subs = _closures([*base.sub_edges, *sub_edges])
            self.supers, self.subs = supers, subs
        else:
            self.supers, self.subs = base.supers, base.subs

    def objects(self, s: _Term, p: _Term) -> set[_Term]:
        by_p = self.sp.get(s)
        mine = by_p.get(p) if by_p is not None else None
        theirs = self.base.sp.get(s, {}).get(p)
        if theirs is None:
            return set(mine) if mine else set()
        if not mine:
            return set(theirs)
        return set(mine) | theirs

    def instances(self, cls: _Term) -> set[_Term]:
        out: set[_Term] = set()
        for sub in self.subs.get(cls, (cls,)):
            out.update(self.types.get(sub, ()))
            out.update(self.base.types.get(sub, ()))
        return out

    def subjects_of(self, p: _Term) -> set[_Term]:
        return set(self.ps.get(p, ())) | self.base.ps.get(p, set())

    def objects_of(self, p: _Term) -> set[_Term]:
        return set(self.po.get(p, ())) | self.base.po.get(p, set())

    def is_instance(self, value: _Term, cls: _Term) -> bool:
        for ctype in self.objects(value, _RDF_type):
            if ctype is cls or cls in self.supers.get(ctype, ()):
                return True
        return False


@dataclass(frozen=True)
class _BaseIndex:
    sp: dict[_Term, dict[_Term, set[_Term]]]
    ps: dict[_Term, set[_Term]]
    po: dict[_Term, set[_Term]]
    types: dict[_Term, set[_Term]]
    sub_edges: tuple[tuple[_Term, _Term], ...]
    supers: dict[_Term, frozenset[_Term]]
    subs: dict[_Term, frozenset[_Term]]
    canon_iri: dict[str, Node]

    @staticmethod
    def of(ontology: Graph, canon: dict[Node, Node]) -> _BaseIndex:
        """Index the ontology; ``canon`` maps each IRI to one object, so look-ups by it are
        identity hits (rdflib's ``URIRef.__eq__`` is Python code, ~15k calls a graph). The
        data side looks the canonical object up by plain ``str``, for the same reason."""
        sp: dict[_Term, dict[_Term, set[_Term]]] = defaultdict(lambda: defaultdict(set))
        ps: dict[_Term, set[_Term]] = defaultdict(set)
        po: dict[_Term, set[_Term]] = defaultdict(set)
        types: dict[_Term, set[_Term]] = defaultdict(set)
        edges: list[tuple[_Term, _Term]] = []
        for triple in ontology:
            s, p, o = (canon.get(t, t) for t in triple)
            sp[s][p].add(o)
            ps[p].add(s)
            po[p].add(o)
            if p == _RDF_type:
                types[o].add(s)
            elif p == _RDFS_subClassOf:
                edges.append((s, o))
        supers, subs = _closures(edges)
        return _BaseIndex(
            sp={k: dict(v) for k, v in sp.items()},
            ps=dict(ps),
            po=dict(po),
            types=dict(types),
            sub_edges=tuple(edges),
            supers=supers,
            subs=subs,
            canon_iri={str(k): v for k, v in canon.items()},
        )


def _canonical(iris: dict[str, Node], term: Node) -> Node:
    return iris.get(str(term), term) if isinstance(term, URIRef) else term


def _closures(
    edges: Iterable[tuple[_Term, _Term]],
) -> tuple[dict[_Term, frozenset[_Term]], dict[_Term, frozenset[_Term]]]:
    """Reflexive-transitive ``rdfs:subClassOf`` both ways, as rdflib's transitive walks."""
    up: dict[_Term, set[_Term]] = defaultdict(set)
    down: dict[_Term, set[_Term]] = defaultdict(set)
    for s, o in edges:
        up[s].add(o)
        down[o].add(s)

    def walk(start: _Term, step: dict[_Term, set[_Term]]) -> frozenset[_Term]:
        seen = {start}
        stack = [start]
        while stack:
            for nxt in step.get(stack.pop(), ()):
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append(nxt)
        return frozenset(seen)

    nodes = set(up) | set(down)
    return {n: walk(n, up) for n in nodes}, {n: walk(n, down) for n in nodes}


# ---------------------------------------------------------------------------------------------
# Core constraints (one function per component, pyshacl's semantics)
# ---------------------------------------------------------------------------------------------

# (focus, value nodes, index) -> [(value or None, component)]
_Check = Callable[[_Term, set[_Term], _Index], list[tuple[_Term | None, URIRef]]]


def _string_of(v: _Term) -> str:
    if (
        isinstance(v, Literal)
        and v.value is not None
        and v.datatype in (None, _RDF_langString, _XSD_string)
    ):
        return str(v.value)
    return str(v)


_PYTHON_TYPES: dict[str, type | tuple[type, ...]] = {
    str(XSD.string): (str, bytes),
    str(RDF.langString): (str, bytes),
    str(XSD.integer): int,
    str(XSD.float): float,
    str(XSD.decimal): Decimal,
    str(XSD.boolean): bool,
    str(XSD.date): date,
    str(XSD.time): time,
    str(XSD.dateTime): datetime,
}
"""pyshacl's ``DatatypeConstraintComponent._assert_actual_datatype``: other types pass."""


def _datatype_ok(rule: _Term) -> Callable[[_Term], bool]:
    """pyshacl's ``sh:datatype`` test, with the comparisons against ``rule`` made once."""
    iri = type(rule) is URIRef
    wanted = _PYTHON_TYPES.get(str(rule)) if iri else None
    is_literal = iri and str(rule) == str(RDFS.Literal)
    is_datatype = iri and str(rule) == str(RDFS.Datatype)
    is_string = iri and str(rule) == str(XSD.string)
    is_lang_string = iri and str(rule) == str(RDF.langString)
    rule_text, rule_type = str(rule), type(rule)

    def actual(v: Literal) -> bool:
        return wanted is None or isinstance(v.value, wanted)

    def ok(v: _Term) -> bool:
        if not isinstance(v, Literal):
            return False
        datatype = v.datatype
        if type(datatype) is rule_type and str.__eq__(datatype, rule_text):
            return getattr(v, "ill_typed", None) is not True and actual(v)
        if is_literal:
            return True
        if is_datatype and datatype:
            return True
        if datatype is None and v.language is None and is_string:
            return actual(v)
        if is_lang_string and v.language:
            return actual(v)
        return False

    return ok


def _per_value(component: URIRef, ok: Callable[[_Term], bool]) -> _Check:
    def check(_f: _Term, values: set[_Term], _ix: _Index) -> list[tuple[_Term | None, URIRef]]:
        return [(v, component) for v in values if not ok(v)]

    return check


def _class_check(cls: _Term) -> _Check:
    def check(_f: _Term, values: set[_Term], ix: _Index) -> list[tuple[_Term | None, URIRef]]:
        return [
            (v, _SH_ClassConstraintComponent)
            for v in values
            if isinstance(v, Literal) or not ix.is_instance(v, cls)
        ]

    return check


def _count_check(limit: int, component: URIRef, at_least: bool) -> _Check:
    def check(_f: _Term, values: set[_Term], _ix: _Index) -> list[tuple[_Term | None, URIRef]]:
        ok = len(values) >= limit if at_least else len(values) <= limit
        return [] if ok else [(None, component)]

    return check


def _range_ok(v: _Term, bound: Literal, test: Callable[[int], bool]) -> bool:
    if not isinstance(v, Literal):
        if isinstance(v, (BNode, URIRef)):
            return False
        raise ReportableRuntimeError("Not sure how to compare anything else.")
    if isinstance(bound.value, str) != isinstance(v.value, str):
        return False
    try:
        return test(compare_literal(v, bound))  # type: ignore[no-untyped-call]
    except (TypeError, NotImplementedError):
        return False


def _ltoe_check(other: _Term) -> _Check:
    def as_comparable(node: _Term) -> tuple[object, bool]:
        if isinstance(node, BNode):
            raise ReportableRuntimeError("Cannot use sh:lessThanOrEquals to compare a BlankNode.")
        if isinstance(node, URIRef):
            return str(node), True
        if isinstance(node, Literal) and isinstance(node.value, str):
            return node.value, True
        return node, False

    def check(f: _Term, values: set[_Term], ix: _Index) -> list[tuple[_Term | None, URIRef]]:
        out: list[tuple[_Term | None, URIRef]] = []
        compare = ix.objects(f, other)
        for v in values:
            left, left_str = as_comparable(v)
            for c in compare:
                right, right_str = as_comparable(c)
                if left_str != right_str or not left <= right:  # type: ignore[operator]
                    out.append((v, _SH_LessThanOrEqualsConstraintComponent))
        return out

    return check


def _has_value_check(wanted: _Term) -> _Check:
    def check(_f: _Term, values: set[_Term], _ix: _Index) -> list[tuple[_Term | None, URIRef]]:
        return [] if any(v == wanted for v in values) else [(None, _SH_HasValueConstraintComponent)]

    return check


def _equals_check(other: _Term) -> _Check:
    def check(f: _Term, values: set[_Term], ix: _Index) -> list[tuple[_Term | None, URIRef]]:
        compare = ix.objects(f, other)
        missing = [*(values - compare), *(compare - values)]
        return [(v, _SH_EqualsConstraintComponent) for v in missing]

    return check


def _disjoint_check(other: _Term) -> _Check:
    def check(f: _Term, values: set[_Term], ix: _Index) -> list[tuple[_Term | None, URIRef]]:
        return [(v, _SH_DisjointConstraintComponent) for v in values & ix.objects(f, other)]

    return check


def _pattern_ok(matcher: re.Pattern[str]) -> Callable[[_Term], bool]:
    def ok(v: _Term) -> bool:
        if isinstance(v, BNode):
            return False
        text = _string_of(v)
        return bool(matcher.match(text) or matcher.search(text))

    return ok


def _node_kind_ok(kind: _Term) -> Callable[[_Term], bool]:
    blank, iri, literal = _NODE_KINDS[kind]  # type: ignore[index]

    def ok(v: _Term) -> bool:
        if isinstance(v, BNode):
            return blank
        if isinstance(v, Literal):
            return literal
        return iri

    return ok


# ---------------------------------------------------------------------------------------------
# Compiled shapes
# ---------------------------------------------------------------------------------------------


@dataclass
class _Shape:
    node: _Term
    path: URIRef | None
    severity: _Term
    messages: tuple[Literal, ...]
    checks: list[_Check] = field(default_factory=list)
    properties: list[_Shape] = field(default_factory=list)
    sparql: list[_Sparql] = field(default_factory=list)


@dataclass(frozen=True)
class _Targets:
    nodes: tuple[_Term, ...]
    classes: tuple[_Term, ...]
    subjects_of: tuple[_Term, ...]
    objects_of: tuple[_Term, ...]

    def focus(self, ix: _Index) -> set[_Term]:
        out = set(self.nodes)
        for cls in self.classes:
            out |= ix.instances(cls)
        for p in self.subjects_of:
            out |= ix.subjects_of(p)
        for p in self.objects_of:
            out |= ix.objects_of(p)
        return out

    def sparql(self) -> str:
        """A group that binds ``?this`` to exactly the focus nodes (as pyshacl finds them)."""
        parts = [f"{{ ?this <{_RDF_type}>/<{_RDFS_subClassOf}>* {_iri(c)} }}" for c in self.classes]
        parts += [f"{{ ?this {_iri(p)} [] }}" for p in self.subjects_of]
        parts += [f"{{ [] {_iri(p)} ?this }}" for p in self.objects_of]
        if self.nodes:
            parts.append(f"{{ VALUES ?this {{ {' '.join(_iri(n) for n in self.nodes)} }} }}")
        return f"{{ SELECT DISTINCT ?this WHERE {{ {' UNION '.join(parts)} }} }}"


def _iri(term: _Term) -> str:
    if not isinstance(term, URIRef):
        raise UnsupportedShapes(f"a target that is not an IRI: {term!r}")
    return f"<{term}>"


@dataclass(frozen=True)
class _Sparql:
    node: _Term
    query: str
    messages: tuple[Literal, ...]


@dataclass(frozen=True)
class _TopShape:
    shape: _Shape
    targets: _Targets


class CompiledShapes:
    """The shapes graph as Python checks and prepared queries; build once, :meth:`check` often.

    Not thread-safe (one Oxigraph store is reused); a forked worker gets its own store.
    """

    def __init__(
        self,
        shapes: Graph,
        base: _BaseIndex,
        top: list[_TopShape],
        ontology_triples: frozenset[tuple[Node, Node, Node]],
        surrogates: frozenset[str],
    ) -> None:
        self.shapes = shapes
        self._base = base
        self._top = top
        self._ontology_triples = ontology_triples
        self._surrogates = surrogates
        self._terms = _TermCodec(surrogates)
        self._store: ox.Store | None = None
        self._store_pid = -1
        self._has_sparql = any(_walk_sparql(t.shape) for t in top)

    @staticmethod
    def from_graphs(shapes: Graph, ontology: Graph) -> CompiledShapes:
        """Compile ``shapes``; raise :class:`UnsupportedShapes` naming what is not supported."""
        _refuse_unsupported(shapes)
        surrogates = _probe_renamed_datatypes()
        canon: dict[Node, Node] = {_RDF_type: _RDF_type, _RDFS_subClassOf: _RDFS_subClassOf}
        for graph in (ontology, shapes):
            for triple in graph:
                for term in triple:
                    if isinstance(term, URIRef):
                        canon.setdefault(term, term)
        top = _Compiler(shapes, surrogates, canon).top_shapes()
        base = _BaseIndex.of(ontology, canon)
        return CompiledShapes(shapes, base, top, frozenset(ontology), surrogates)

    # -- checking ---------------------------------------------------------------------------

    def check(self, data: Graph) -> list[Finding]:
        """pyshacl's findings for ``data`` + ontology: violations first, then the rest."""
        violations, warnings = _findings(self.report_graph(data), self.shapes)
        return [*violations, *warnings]

    def report_graph(self, data: Graph) -> Graph:
        """A W3C ``sh:ValidationReport`` graph of the results (``sh:conforms`` as pyshacl's)."""
        return self._report(data, self.results(data))

    def results(self, data: Graph) -> list[_Result]:
        """Every validation result as raw terms (duplicates included, as pyshacl makes them)."""
        triples = _all_triples(data)
        ix = _Index(self._base, triples)
        out: list[_Result] = []
        rows = self._sparql_rows(triples) if self._has_sparql else {}
        for top in self._top:
            focus = top.targets.focus(ix)
            if focus:
                self._validate(top.shape, focus, ix, rows, out)
        return out

    def _validate(
        self,
        shape: _Shape,
        focus: Iterable[_Term],
        ix: _Index,
        rows: dict[tuple[_Term, _Term], dict[_Term, list[dict[str, _Term]]]],
        out: list[_Result],
    ) -> None:
        for f in focus:
            values = {f} if shape.path is None else ix.objects(f, shape.path)
            for check in shape.checks:
                for value, component in check(f, values, ix):
                    out.append(
                        (
                            f,
                            shape.path,
                            value,
                            shape.node,
                            shape.severity,
                            shape.messages,
                            component,
                            None,
                        )
                    )
            for prop in shape.properties:
                if values:
                    self._validate(prop, values, ix, rows, out)
            for constraint in shape.sparql:
                found = rows[(shape.node, constraint.node)].get(f, [])
                out.extend(_sparql_results(shape, constraint, f, found))

    # -- SPARQL ------------------------------------------------------------------------------

    def _store_for_process(self) -> ox.Store:
        if self._store is None or self._store_pid != os.getpid():
            store = ox.Store()
            store.extend(self._terms.load_ontology(self._ontology_triples, _ONTOLOGY_GRAPH))
            self._store, self._store_pid = store, os.getpid()
        return self._store

    def _sparql_rows(
        self, triples: list[tuple[Node, Node, Node]]
    ) -> dict[tuple[_Term, _Term], dict[_Term, list[dict[str, _Term]]]]:
        store = self._store_for_process()
        store.clear_graph(_DATA_GRAPH)
        local = _LocalTerms(self._terms)
        store.extend(local.load(triples, self._ontology_triples, _DATA_GRAPH))
        rows: dict[tuple[_Term, _Term], dict[_Term, list[dict[str, _Term]]]] = {}
        for top in self._top:
            for constraint in top.shape.sparql:
                per_focus: dict[_Term, list[dict[str, _Term]]] = defaultdict(list)
                solutions = store.query(
                    constraint.query, default_graph=[_ONTOLOGY_GRAPH, _DATA_GRAPH]
                )
                assert isinstance(solutions, ox.QuerySolutions)
                names = [v.value for v in solutions.variables]
                for solution in solutions:
                    row: dict[str, _Term] = {}
                    for name in names:
                        term = solution[name]
                        if term is not None:
                            row[name] = local.decode(term)
                    per_focus[row["this"]].append(row)
                rows[(top.shape.node, constraint.node)] = per_focus
        store.clear_graph(_DATA_GRAPH)
        return rows

    # -- report ------------------------------------------------------------------------------

    def _report(self, data: Graph, results: list[_Result]) -> Graph:
        report = Graph(bind_namespaces="core")
        for prefix, namespace in self.shapes.namespace_manager.namespaces():
            report.namespace_manager.bind(prefix, namespace)
        root = BNode()
        report.add((root, _RDF_type, _SH_ValidationReport))
        conforms = all(r[4] in (_SH_Warning, _SH_Info) for r in results)
        report.add((root, _SH_conforms, Literal(conforms)))
        for focus, path, value, shape, severity, messages, component, source in results:
            node = BNode()
            report.add((root, _SH_result, node))
            report.add((node, _RDF_type, _SH_ValidationResult))
            report.add((node, _SH_sourceConstraintComponent, component))
            report.add((node, _SH_sourceShape, self._copy(self.shapes, shape, report)))
            report.add((node, _SH_resultSeverity, severity))
            report.add((node, _SH_focusNode, self._copy(data, focus, report)))
            if value is not None:
                report.add((node, _SH_value, self._copy(data, value, report)))
            if path is not None:
                report.add((node, _SH_resultPath, path))
            if source is not None:
                report.add((node, _SH_sourceConstraint, self._copy(self.shapes, source, report)))
            for message in messages:
                report.add((node, _SH_resultMessage, message))
        return report

    @staticmethod
    def _copy(source: Graph, term: _Term, report: Graph) -> Node:
        if isinstance(term, BNode):
            return clone_blank_node(source, term, report, keepid=True)
        return term


def _walk_sparql(shape: _Shape) -> bool:
    return bool(shape.sparql) or any(_walk_sparql(p) for p in shape.properties)


def _sparql_results(
    shape: _Shape, constraint: _Sparql, focus: _Term, rows: list[dict[str, _Term]]
) -> list[_Result]:
    """pyshacl's ``SPARQLBasedConstraint._evaluate_sparql_constraint`` for one focus node."""
    failures: list[dict[str, _Term]] = []
    found: list[tuple[_Term | None, _Term | None, _Term | None, dict[str, _Term]]] = []
    for row in rows:
        var_dict = dict(row)
        if var_dict.pop("failure", None) is not None:
            if not failures:
                failures.append(var_dict)
            continue
        p = var_dict.pop("path", None)
        v = var_dict.pop("value", None)
        t = var_dict.pop("this", None)
        if (p is not None or v is not None or t is not None) and (t, p, v, var_dict) not in found:
            found.append((t, p, v, var_dict))
    out: list[_Result] = []
    component = _SH_SPARQLConstraintComponent
    for bound in failures:
        messages = _sparql_messages(shape, constraint, bound)
        out.append(
            (focus, None, focus, shape.node, shape.severity, messages, component, constraint.node)
        )
    for t, p, v, var_dict in found:
        value = focus if v is None else v
        bound_vars: dict[str, _Term] = dict(var_dict)
        for name, val in (("this", t), ("path", p), ("value", value)):
            if val is not None:
                bound_vars[name] = val
        messages = _sparql_messages(shape, constraint, bound_vars)
        out.append(
            (t or focus, p, value, shape.node, shape.severity, messages, component, constraint.node)
        )
    return out


def _sparql_messages(
    shape: _Shape, constraint: _Sparql, bound: dict[str, _Term]
) -> tuple[Literal, ...]:
    def fill(message: Literal) -> Literal:
        text = str(message.value)
        for name, val in bound.items():
            text = re.sub(f"{{[?$]{name}}}", str(val), text)
        return Literal(text)

    own = [fill(m) for m in constraint.messages if m not in shape.messages]
    return (*own, *(fill(m) for m in shape.messages))


# ---------------------------------------------------------------------------------------------
# Reading the shapes graph
# ---------------------------------------------------------------------------------------------


def _refuse_unsupported(shapes: Graph) -> None:
    """Refuse any SHACL term outside the implemented subset (by predicate and by type)."""
    sh_ns = str(SH)
    for _s, p, o in shapes:
        if str(p).startswith(sh_ns) and p not in _SUPPORTED_PREDICATES:
            raise UnsupportedShapes(f"{p.n3(shapes.namespace_manager)} is not supported")
        if p == _RDF_type and str(o).startswith(sh_ns) and o not in _SUPPORTED_TYPES:
            raise UnsupportedShapes(f"{o.n3(shapes.namespace_manager)} is not supported")
    for shape, path in shapes.subject_objects(_SH_path):
        if not isinstance(path, URIRef):
            raise UnsupportedShapes(f"complex sh:path on {shape} (only IRI paths are supported)")
    for shape in shapes.subjects(_RDF_type, None):
        if (
            set(shapes.objects(shape, _RDF_type)) & {_RDFS_Class, OWL.Class}
            and (
                shape,
                _RDF_type,
                _SH_NodeShape,
            )
            in shapes
        ):
            raise UnsupportedShapes(f"implicit class target (shape {shape} is also a class)")


def _one(shapes: Graph, node: _Term, predicate: URIRef) -> Node | None:
    values = list(shapes.objects(node, predicate))
    if len(values) > 1:
        raise UnsupportedShapes(f"several {predicate.n3(shapes.namespace_manager)} on {node}")
    return values[0] if values else None


class _Compiler:
    def __init__(self, shapes: Graph, surrogates: frozenset[str], canon: dict[Node, Node]) -> None:
        self.g = shapes
        self.surrogates = surrogates
        self.canon = canon
        self.compiled: dict[_Term, _Shape] = {}
        self.in_progress: set[_Term] = set()

    def top_shapes(self) -> list[_TopShape]:
        g = self.g
        candidates: set[_Term] = set()
        for predicate in (
            _SH_targetClass,
            _SH_targetNode,
            _SH_targetSubjectsOf,
            _SH_targetObjectsOf,
        ):
            candidates.update(g.subjects(predicate, None))
        out = []
        for node in sorted(candidates, key=str):
            targets = self.targets(node)
            for target in targets.nodes:
                if not isinstance(target, URIRef):
                    raise UnsupportedShapes(f"sh:targetNode {target!r} (only IRIs are supported)")
            out.append(_TopShape(self.shape(node, top=True), targets))
        return out

    def c(self, term: Node) -> Node:
        return self.canon.get(term, term)

    def targets(self, node: _Term) -> _Targets:
        g = self.g
        return _Targets(
            nodes=tuple(self.c(t) for t in g.objects(node, _SH_targetNode)),
            classes=tuple(self.c(t) for t in g.objects(node, _SH_targetClass)),
            subjects_of=tuple(self.c(t) for t in g.objects(node, _SH_targetSubjectsOf)),
            objects_of=tuple(self.c(t) for t in g.objects(node, _SH_targetObjectsOf)),
        )

    def shape(self, node: _Term, *, top: bool) -> _Shape:
        if node in self.compiled:
            return self.compiled[node]
        if node in self.in_progress:
            raise UnsupportedShapes(f"recursive shapes through {node}")
        self.in_progress.add(node)
        g = self.g
        path = _one(g, node, _SH_path)
        path = None if path is None else self.c(path)
        if path is not None and (node, _RDF_type, _SH_NodeShape) in g:
            raise UnsupportedShapes(f"sh:path on the node shape {node}")
        severity = _one(g, node, _SH_severity) or _SH_Violation
        messages = _messages(g, node)
        if len(messages) != len(set(g.objects(node, _SH_message))):
            raise UnsupportedShapes(f"a non-literal sh:message on {node}")
        shape = _Shape(node, path, severity, messages)  # type: ignore[arg-type]
        shape.checks = self.checks(node, path)
        if shape.checks and not messages:
            raise UnsupportedShapes(f"no sh:message on {node} (pyshacl's generic messages)")
        for prop in g.objects(node, _SH_property):
            child = self.shape(prop, top=False)
            if child.path is None:
                raise UnsupportedShapes(f"sh:property {prop} has no sh:path")
            shape.properties.append(child)
        for constraint in g.objects(node, _SH_sparql):
            if path is not None or not top:
                raise UnsupportedShapes(f"sh:sparql on a property shape ({node})")
            shape.sparql.append(self.sparql(node, constraint))
        self.in_progress.discard(node)
        self.compiled[node] = shape
        return shape

    def checks(self, node: _Term, path: Node | None) -> list[_Check]:
        g = self.g
        out: list[_Check] = []
        for cls in g.objects(node, SH["class"]):
            out.append(_class_check(self.c(cls)))
        datatype = _one(g, node, _SH_datatype)
        if datatype is not None:
            out.append(_per_value(_SH_DatatypeConstraintComponent, _datatype_ok(datatype)))
        kind = _one(g, node, _SH_nodeKind)
        if kind is not None:
            if kind not in _NODE_KINDS:
                raise UnsupportedShapes(f"sh:nodeKind {kind} on {node}")
            out.append(_per_value(_SH_NodeKindConstraintComponent, _node_kind_ok(kind)))
        for name, component, at_least in (
            ("minCount", _SH_MinCountConstraintComponent, True),
            ("maxCount", _SH_MaxCountConstraintComponent, False),
        ):
            count = _one(g, node, SH[name])
            if count is None:
                continue
            if path is None or not isinstance(count, Literal) or count.datatype != _XSD_integer:
                raise UnsupportedShapes(f"sh:{name} {count!r} on {node}")
            if at_least and int(count.value) == 0:
                continue
            out.append(_count_check(int(count.value), component, at_least))
        in_list = _one(g, node, SH["in"])
        if in_list is not None:
            allowed = set(g.items(in_list))
            out.append(_per_value(_SH_InConstraintComponent, lambda v: v in allowed))
        for pattern in g.objects(node, _SH_pattern):
            if not isinstance(pattern, Literal):
                raise UnsupportedShapes(f"sh:pattern {pattern!r} on {node}")
            text = (
                str(pattern.value)
                if pattern.value is not None and len(pattern.value) > 1
                else str(pattern)
            )
            out.append(_per_value(_SH_PatternConstraintComponent, _pattern_ok(re.compile(text))))
        min_length = _one(g, node, _SH_minLength)
        if min_length is not None:
            if not isinstance(min_length, Literal) or not isinstance(min_length.value, int):
                raise UnsupportedShapes(f"sh:minLength {min_length!r} on {node}")
            least = int(min_length.value)
            out.append(
                _per_value(
                    _SH_MinLengthConstraintComponent,
                    lambda v: not isinstance(v, BNode) and len(_string_of(v)) >= least,
                )
            )
        for name, component, test in (
            ("minInclusive", _SH_MinInclusiveConstraintComponent, lambda c: c >= 0),
            ("maxInclusive", _SH_MaxInclusiveConstraintComponent, lambda c: c <= 0),
        ):
            for bound in g.objects(node, SH[name]):
                if not isinstance(bound, Literal):
                    raise UnsupportedShapes(f"sh:{name} {bound!r} on {node}")
                out.append(_per_value(component, _bound_ok(bound, test)))
        for other in g.objects(node, _SH_lessThanOrEquals):
            if path is None or not isinstance(other, URIRef):
                raise UnsupportedShapes(f"sh:lessThanOrEquals {other!r} on {node}")
            out.append(_ltoe_check(self.c(other)))
        for wanted in g.objects(node, _SH_hasValue):
            out.append(_has_value_check(wanted))
        for other in g.objects(node, _SH_equals):
            out.append(_equals_check(self.c(other)))
        for other in g.objects(node, _SH_disjoint):
            out.append(_disjoint_check(self.c(other)))
        return out

    def sparql(self, shape: _Term, node: Node) -> _Sparql:
        g = self.g
        select = _one(g, node, _SH_select)
        if not isinstance(select, Literal) or not isinstance(select.value, str):
            raise UnsupportedShapes(f"sh:sparql {node} without one sh:select string")
        messages = _messages(g, node)
        prefixes = _collect_prefixes(g, node)
        targets = self.targets(shape)
        body = _prepare_select(str(select.value), prefixes, targets.sparql(), self.surrogates)
        head = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in prefixes.items())
        return _Sparql(node, f"{head}\n{body}", messages)


def _messages(g: Graph, node: Node) -> tuple[Literal, ...]:
    found = [m for m in g.objects(node, _SH_message) if isinstance(m, Literal)]
    return tuple(sorted(found, key=lambda m: (str(m), m.language or "")))


def _bound_ok(bound: Literal, test: Callable[[int], bool]) -> Callable[[_Term], bool]:
    return lambda v: _range_ok(v, bound, test)


def _collect_prefixes(g: Graph, node: Node) -> dict[str, str]:
    """pyshacl's ``SPARQLQueryHelper.collect_prefixes`` (rdf, rdfs, owl always declared)."""
    prefixes = {"rdf": str(RDF), "rdfs": str(RDFS), "owl": str(OWL)}
    named = set(g.objects(g.identifier, _SH_declare)) if g.identifier else set()
    ontologies = set(g.subjects(_RDF_type, OWL.Ontology))
    every = set(named)
    for ontology in ontologies:
        every.update(g.objects(ontology, _SH_declare))
    for holder in g.objects(node, _SH_prefixes):
        own = set(g.objects(holder, _SH_declare))
        declares = own | named if own and holder in ontologies else every | own
        for declare in declares:
            prefix = _one(g, declare, _SH_prefix)
            namespace = _one(g, declare, _SH_namespace)
            if not isinstance(prefix, Literal) or not isinstance(namespace, Literal):
                raise UnsupportedShapes(f"sh:declare {declare} without one sh:prefix/sh:namespace")
            prefixes[str(prefix.value)] = str(namespace.value)
    return prefixes


# ---------------------------------------------------------------------------------------------
# SPARQL text: scope checks, target injection, datatype surrogates
# ---------------------------------------------------------------------------------------------

_TOKENS = re.compile(
    r"""(?P<ws>\s+)
    |(?P<comment>\#[^\n]*)
    |(?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
        |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
    |(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    |(?P<var>[?$][A-Za-z0-9_]+)
    |(?P<pname>(?:[A-Za-z][\w\-.]*)?:(?:[\w\-]+(?:[\w\-.]*[\w\-])?)?)
    |(?P<number>\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)
    |(?P<word>[A-Za-z_][A-Za-z0-9_]*)
    |(?P<punct>.)""",
    re.VERBOSE | re.DOTALL,
)
_AGGREGATES = frozenset({"COUNT", "SUM", "MIN", "MAX", "AVG", "SAMPLE", "GROUP_CONCAT"})
_FORBIDDEN = frozenset({"MINUS", "VALUES", "SERVICE", "GRAPH", "FROM", "LIMIT", "OFFSET"})
_PREBOUND = frozenset({"PATH", "currentShape", "shapesGraph"})


def _tokens(text: str) -> list[tuple[str, str]]:
    out = []
    for match in _TOKENS.finditer(text):
        kind = match.lastgroup or "punct"
        if kind != "comment":
            out.append((kind, match.group()))
    return out


def _prepare_select(
    text: str, prefixes: dict[str, str], targets: str, surrogates: frozenset[str]
) -> str:
    """Check that ``$this`` may be left free, then bind it to the targets and map datatypes.

    pyshacl pre-binds ``$this`` (rdflib ``initBindings``), so a ``FILTER`` or ``BIND`` sees it
    wherever it is. Joining the targets first in the WHERE group gives the same solutions
    when every such use is in that group, inside ``EXISTS`` of it, or in a nested group that
    binds ``$this`` by a triple pattern before using it; anything else is refused.
    """
    toks = _tokens(text)
    sig = [(i, k, v) for i, (k, v) in enumerate(toks) if k != "ws"]
    words = [v.upper() for _, k, v in sig if k == "word"]
    if words.count("SELECT") != 1 or not words or words[0] != "SELECT":
        raise UnsupportedShapes("a sh:select that is not one plain SELECT (sub-selects)")
    bad = _FORBIDDEN.intersection(words)
    if bad:
        raise UnsupportedShapes(f"{sorted(bad)[0]} in a sh:select")
    if any(k == "var" and v[1:] in _PREBOUND for _, k, v in sig):
        raise UnsupportedShapes("$PATH, $currentShape or $shapesGraph in a sh:select")
    depth = 0
    where_at = None
    projected_this = False
    for pos, (_i, k, v) in enumerate(sig):
        if v == "(":
            depth += 1
        elif v == ")":
            depth -= 1
        elif v == "{" and depth == 0:
            where_at = pos
            break
        elif k == "var" and v[1:] == "this" and depth == 0:
            projected_this = True
    if where_at is None or not projected_this:
        raise UnsupportedShapes("a sh:select that does not project $this")
    _check_this_scopes(sig[where_at:])
    _check_grouping(sig, words)
    out: list[str] = []
    insert_after = sig[where_at][0]
    for i, (k, v) in enumerate(toks):
        if k in ("iri", "pname"):
            v = _rewrite_datatype(v, toks, i, prefixes, surrogates)
        out.append(v)
        if i == insert_after:
            out.append(f" {targets} ")
    return "".join(out)


def _check_this_scopes(sig: list[tuple[int, str, str]]) -> None:
    frames: list[dict[str, object]] = []
    depth = 0
    previous = ""
    for _i, k, v in sig:
        if v == "(":
            depth += 1
        elif v == ")":
            depth -= 1
        elif v == "{":
            frames.append({"exists": previous == "EXISTS", "depth": depth, "binds": False})
        elif v == "}":
            frames.pop()
            if not frames:
                return
        elif k == "var" and v[1:] == "this":
            exists_at = next((n for n, f in enumerate(frames) if f["exists"]), None)
            if exists_at is not None:
                owner = exists_at - 1
                if owner > 0 and not frames[owner]["binds"]:
                    raise UnsupportedShapes("$this inside EXISTS of a group that does not bind it")
            elif depth == frames[-1]["depth"]:
                frames[-1]["binds"] = True
            elif len(frames) > 1 and not frames[-1]["binds"]:
                raise UnsupportedShapes("$this in an expression of a group that does not bind it")
        previous = v.upper() if k == "word" else v


def _check_grouping(sig: list[tuple[int, str, str]], words: list[str]) -> None:
    aggregated = any(
        k == "word" and v.upper() in _AGGREGATES and n + 1 < len(sig) and sig[n + 1][2] == "("
        for n, (_i, k, v) in enumerate(sig)
    )
    grouped = "GROUP" in words
    if not (aggregated or grouped):
        return
    keys: list[str] = []
    collecting = False
    for n, (_i, k, v) in enumerate(sig):
        if (
            k == "word"
            and v.upper() == "GROUP"
            and n + 1 < len(sig)
            and sig[n + 1][2].upper() == "BY"
        ):
            collecting = True
            continue
        if collecting and k == "word" and v.upper() in ("HAVING", "ORDER"):
            break
        if collecting and k == "var":
            keys.append(v[1:])
    if "this" not in keys:
        raise UnsupportedShapes("aggregates in a sh:select not grouped by $this")


def _rewrite_datatype(
    token: str,
    toks: list[tuple[str, str]],
    at: int,
    prefixes: dict[str, str],
    surrogates: frozenset[str],
) -> str:
    if token.startswith("<"):
        iri = token[1:-1]
    else:
        prefix, _, local = token.partition(":")
        if prefix not in prefixes:
            return token
        iri = prefixes[prefix] + local
    if iri not in surrogates:
        return token
    following = next((v for k, v in toks[at + 1 :] if k != "ws"), "")
    if following == "(":
        raise UnsupportedShapes(f"a cast to <{iri}> in a sh:select")
    return f"<{_SURROGATE}{iri}>"


# ---------------------------------------------------------------------------------------------
# rdflib <-> Oxigraph terms
# ---------------------------------------------------------------------------------------------

_SURROGATE = "urn:x-racegraph:shacl-datatype:"
_XSD_STRING_IRI = str(XSD.string)
_ONTOLOGY_GRAPH = ox.NamedNode("urn:x-racegraph:shacl:ontology")
_DATA_GRAPH = ox.NamedNode("urn:x-racegraph:shacl:data")
_XSD = str(XSD)
_PROBES = {
    "integer": "5", "int": "5", "long": "5", "short": "5", "byte": "5",
    "nonNegativeInteger": "5", "positiveInteger": "5", "negativeInteger": "-5",
    "nonPositiveInteger": "-5", "unsignedInt": "5", "unsignedLong": "5", "unsignedShort": "5",
    "unsignedByte": "5", "decimal": "5.5", "float": "5.5", "double": "5.5", "boolean": "true",
    "date": "2023-01-01", "dateTime": "2023-01-01T00:00:00", "time": "10:00:00",
    "dateTimeStamp": "2023-01-01T00:00:00Z", "gYear": "2023", "gYearMonth": "2023-01",
    "gMonth": "--01", "gDay": "---01", "gMonthDay": "--01-01", "duration": "P1D",
    "dayTimeDuration": "P1D", "yearMonthDuration": "P1Y", "string": "x",
    "normalizedString": "x", "token": "x", "language": "en", "anyURI": "http://x",
}  # fmt: skip


def _probe_renamed_datatypes() -> frozenset[str]:
    """The XSD datatypes whose IRI Oxigraph's store replaces (derived integers, ...)."""
    store = ox.Store()
    subject = ox.NamedNode("urn:x-racegraph:probe")
    for name, lexical in _PROBES.items():
        literal = ox.Literal(lexical, datatype=ox.NamedNode(_XSD + name))
        store.add(ox.Quad(subject, ox.NamedNode(f"urn:x-racegraph:p:{name}"), literal))
    renamed = set()
    for quad in store:
        name = quad.predicate.value.rsplit(":", 1)[1]
        if quad.object.datatype.value != _XSD + name:
            renamed.add(_XSD + name)
    return frozenset(renamed)


_OxTerm = ox.NamedNode | ox.BlankNode | ox.Literal
_OxT = TypeVar("_OxT", ox.NamedNode, ox.BlankNode)


class _TermCodec:
    """rdflib -> Oxigraph encodings kept across graphs (IRIs and verified literals repeat)."""

    _LIMIT = 200_000

    def __init__(self, surrogates: frozenset[str]) -> None:
        self.surrogates = surrogates
        self.nodes: dict[str, ox.NamedNode] = {}
        self.blanks: dict[str, ox.BlankNode] = {}
        self.literals: dict[Literal, ox.Literal] = {}
        self.datatypes: dict[Node, ox.NamedNode] = {}
        self.ontology_literals: dict[ox.Literal, Literal] = {}
        self.ontology_subjects: frozenset[Node] = frozenset()

    def node(self, term: Node) -> ox.NamedNode | ox.BlankNode:
        """Encode an IRI or blank node, cached by plain ``str`` (C-level hashing and equality)."""
        text = str(term)
        if isinstance(term, URIRef):
            hit = self.nodes.get(text)
            if hit is None:
                if len(self.nodes) > self._LIMIT:
                    self.nodes.clear()
                hit = self.nodes[text] = _checked(ox.NamedNode, term)
            return hit
        if isinstance(term, BNode):
            blank = self.blanks.get(text)
            if blank is None:
                if len(self.blanks) > self._LIMIT:
                    self.blanks.clear()
                blank = self.blanks[text] = _checked(ox.BlankNode, term)
            return blank
        raise UnsupportedData(f"Oxigraph cannot hold {term!r} in this position")

    def literal(self, term: Literal) -> ox.Literal:
        """Encode (uncached): surrogate datatype for those the store would rename."""
        try:
            if term.language is not None:
                return ox.Literal(str(term), language=term.language)
            datatype = term.datatype
            if datatype is None:
                return ox.Literal(str(term))
            named = self.datatypes.get(datatype)
            if named is None:
                iri = str(datatype)
                if iri in self.surrogates:
                    iri = _SURROGATE + iri
                named = self.datatypes[datatype] = ox.NamedNode(iri)
            return ox.Literal(str(term), datatype=named)
        except ValueError as exc:
            raise UnsupportedData(f"Oxigraph cannot hold {term!r}: {exc}") from exc

    def load_ontology(
        self, triples: Iterable[tuple[Node, Node, Node]], graph: ox.NamedNode
    ) -> list[ox.Quad]:
        local = _LocalTerms(self)
        quads = local.load(triples, frozenset(), graph)
        self.ontology_literals = dict(local.back)
        self.ontology_subjects = frozenset(t[0] for t in triples)
        return quads


class _LocalTerms:
    """One graph's load: the literals' way back from Oxigraph, and checks that it is exact."""

    def __init__(self, codec: _TermCodec) -> None:
        self.codec = codec
        self.back: dict[ox.Literal, Literal] = {}

    def load(
        self,
        triples: Iterable[tuple[Node, Node, Node]],
        skip: frozenset[tuple[Node, Node, Node]],
        graph: ox.NamedNode,
    ) -> list[ox.Quad]:
        codec = self.codec
        node, literals, back = codec.node, codec.literals, self.back
        ontology_literals = codec.ontology_literals
        skip_subjects = codec.ontology_subjects if skip else frozenset()
        fresh: dict[Literal, ox.Literal] = {}
        quads = []
        for triple in triples:
            s, p, o = triple
            if s in skip_subjects and triple in skip:
                continue
            ss = node(s)
            pp = node(p)
            if isinstance(o, Literal):
                oo = literals.get(o)
                if oo is None:
                    oo = fresh.get(o)
                    if oo is None:
                        oo = fresh[o] = codec.literal(o)
                known = back.get(oo)
                if known is None:
                    known = ontology_literals.get(oo)
                    back[oo] = o
                if known is not None and known is not o and known != o:
                    raise UnsupportedData(f"{o!r} and {known!r} are one term in Oxigraph")
                quads.append(ox.Quad(ss, pp, oo, graph))  # type: ignore[arg-type]
            else:
                quads.append(ox.Quad(ss, pp, node(o), graph))  # type: ignore[arg-type]
        if fresh:
            self._verify(fresh)
        return quads

    def _verify(self, fresh: dict[Literal, ox.Literal]) -> None:
        """Refuse literals the store would rewrite (non-canonical numbers, ...); cache the rest."""
        store = ox.Store()
        keys = list(fresh)
        predicate = ox.NamedNode("urn:x-racegraph:probe")
        store.extend(
            ox.Quad(ox.NamedNode(f"urn:x-racegraph:probe:{n}"), predicate, fresh[key])
            for n, key in enumerate(keys)
        )
        stored = {int(q.subject.value.rsplit(":", 1)[1]): q.object for q in store}
        literals = self.codec.literals
        if len(literals) > _TermCodec._LIMIT:
            literals.clear()
        bad = None
        for n, key in enumerate(keys):
            if stored.get(n) == fresh[key] and _same_text(stored[n], fresh[key]):
                literals[key] = fresh[key]
            else:
                bad = key
        if bad is not None:
            raise UnsupportedData(f"Oxigraph would rewrite the literal {bad!r}")

    def decode(self, term: object) -> Node:
        if isinstance(term, ox.NamedNode):
            return URIRef(term.value)
        if isinstance(term, ox.BlankNode):
            return BNode(term.value)
        if isinstance(term, ox.Literal):
            known = self.back.get(term)
            if known is None:
                known = self.codec.ontology_literals.get(term)
            if known is not None:
                return known
            if term.language:
                return Literal(term.value, lang=term.language)
            datatype = term.datatype.value
            if datatype.startswith(_SURROGATE):
                datatype = datatype[len(_SURROGATE) :]
            if datatype == _XSD_STRING_IRI:
                return Literal(term.value)
            return Literal(term.value, datatype=URIRef(datatype))
        raise UnsupportedData(f"unexpected query result {term!r}")


def _checked(make: Callable[[str], _OxT], term: Node) -> _OxT:
    try:
        return make(str(term))
    except ValueError as exc:
        raise UnsupportedData(f"Oxigraph cannot hold {term!r}: {exc}") from exc


def _same_text(a: object, b: ox.Literal) -> bool:
    assert isinstance(a, ox.Literal)
    return a.value == b.value and a.language == b.language and a.datatype == b.datatype


def _all_triples(data: Graph) -> list[tuple[Node, Node, Node]]:
    """``list(data)``, read straight from rdflib's Memory store index when that is safe.

    Iterating a Graph costs ~4 us a triple (generator layers, context checks); the store's
    subject index holds the same triples when the store holds no other graph.
    """
    store = data.store
    spo = getattr(store, "_Memory__spo", None)
    if type(data) is Graph and isinstance(spo, dict) and store.__len__(None) == len(data):
        return [(s, p, o) for s, po in spo.items() for p, objs in po.items() for o in objs]
    return list(data)
