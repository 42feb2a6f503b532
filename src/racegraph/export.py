"""Deterministic RDF serialisation and ``racegraph export``.

rdflib's serialisers do not promise a stable order and give blank nodes random labels, so
racegraph writes RDF itself: subjects, predicates (``a`` first) and objects sorted by the
text a reader sees, prefixed names from :data:`racegraph.vocab.PREFIXES` (always the same
header), and
blank nodes labelled from their content (a hash of their neighbourhood), so the same graph
always gives the same bytes. Blank nodes used once are written inline as ``[ … ]`` and RDF
lists as ``( … )``.

>>> import io
>>> from rdflib import Graph, Literal, URIRef
>>> from rdflib.namespace import RDF, RDFS
>>> from racegraph.vocab import RG
>>> g = Graph()
>>> s = URIRef("https://w3id.org/racegraph/id/person/valentino-rossi")
>>> _ = g.add((s, RDFS.label, Literal("Valentino Rossi", lang="en")))
>>> _ = g.add((s, RDF.type, RG.Driver))
>>> out = io.StringIO()
>>> write_turtle(g, out)
2
>>> print(out.getvalue().split("\\n\\n", 1)[1], end="")
<https://w3id.org/racegraph/id/person/valentino-rossi> a rg:Driver ;
    rdfs:label "Valentino Rossi"@en .
"""

from __future__ import annotations

import enum
import hashlib
import json
import logging
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import IO, TypeAlias

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID, ConjunctiveGraph
from rdflib.namespace import RDF, XSD
from rdflib.term import Node

from racegraph.errors import InputError, UsageError
from racegraph.store import open_store, to_rdflib
from racegraph.vocab import GRAPH, INFERRED_GRAPH, ONTOLOGY_GRAPH, PREFIXES, REFERENCE_GRAPH

__all__ = [
    "TYPE_TEXT",
    "ExportFormat",
    "Quad",
    "Row",
    "Triple",
    "export_kg",
    "graph_rows",
    "iri_text",
    "resolve_graph",
    "store_quads",
    "subject_block",
    "write_graph_block",
    "write_jsonld",
    "write_nquads",
    "write_ntriples",
    "write_prefixes",
    "write_rows",
    "write_trig",
    "write_turtle",
]

log = logging.getLogger(__name__)

Term: TypeAlias = URIRef | BNode | Literal
Triple: TypeAlias = tuple[Node, Node, Node]
Quad: TypeAlias = tuple[Node, Node, Node, Node | None]
"""(subject, predicate, object, graph name); graph ``None`` is the default graph."""


class ExportFormat(enum.Enum):
    """Formats ``racegraph export`` writes."""

    TURTLE = "turtle"
    TRIG = "trig"
    NTRIPLES = "ntriples"
    NQUADS = "nquads"
    JSONLD = "jsonld"

    @property
    def has_graphs(self) -> bool:
        return self in (ExportFormat.TRIG, ExportFormat.NQUADS, ExportFormat.JSONLD)


# --- terms ----------------------------------------------------------------------------------

_PN_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*(?:\.+[A-Za-z0-9_\-]+)*")
_IRI_BAD = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_STRING_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\b": "\\b",
    "\f": "\\f",
}
_STRING_BAD = re.compile(r'[\\"\x00-\x1f\x7f]')


def _escape_string(text: str) -> str:
    return _STRING_BAD.sub(
        lambda m: _STRING_ESCAPES.get(m.group(), f"\\u{ord(m.group()):04X}"), text
    )


def _iri(value: str) -> str:
    return "<" + _IRI_BAD.sub(lambda m: f"\\u{ord(m.group()):04X}", value) + ">"


class _Namer:
    """Formats terms: prefixed names when possible, canonical blank-node labels."""

    def __init__(self, prefixes: Mapping[str, str] | None, bnodes: Mapping[BNode, str]) -> None:
        # longest namespace first so `rgid:` wins over a shorter namespace that also matches
        self._prefixes = sorted((prefixes or {}).items(), key=lambda kv: (-len(kv[1]), kv[0]))
        self._bnodes = bnodes
        self._cache: dict[str, str] = {}

    def iri(self, value: str) -> str:
        cached = self._cache.get(value)
        if cached is not None:
            return cached
        text = _iri(value)
        for name, ns in self._prefixes:
            if value.startswith(ns) and _PN_LOCAL.fullmatch(value[len(ns) :]):
                text = f"{name}:{value[len(ns) :]}"
                break
        if len(self._cache) < 100_000:
            self._cache[value] = text
        return text

    def term(self, term: Node) -> str:
        if isinstance(term, URIRef):
            return self.iri(str(term))
        if isinstance(term, BNode):
            return "_:" + self._bnodes.get(term, "b" + _safe_label(str(term)))
        if isinstance(term, Literal):
            text = '"' + _escape_string(str(term)) + '"'
            if term.language:
                return f"{text}@{term.language}"
            if term.datatype is not None and term.datatype != XSD.string:
                return f"{text}^^{self.iri(str(term.datatype))}"
            return text
        raise InputError(f"cannot serialise RDF term {term!r}")


def _safe_label(label: str) -> str:
    return re.sub(r"[^A-Za-z0-9]", "", label) or "x"


def _sort_key(term: Node, bnodes: Mapping[BNode, str]) -> tuple[int, str, str, str]:
    if isinstance(term, URIRef):
        return (0, str(term), "", "")
    if isinstance(term, BNode):
        return (1, bnodes.get(term, str(term)), "", "")
    if isinstance(term, Literal):
        return (2, str(term), str(term.datatype or ""), term.language or "")
    return (3, str(term), "", "")


# --- blank nodes ----------------------------------------------------------------------------


def _bnode_labels(quads: Sequence[Quad]) -> dict[BNode, str]:
    """Deterministic labels ``b0, b1, …`` for the blank nodes in ``quads``.

    Each blank node starts from a hash of its ground neighbourhood and is refined from its
    neighbours' hashes (a few Weisfeiler-Lehman rounds), so the labels depend only on the
    graph's content, not on the labels the parser made up.
    """
    touching: dict[BNode, list[Quad]] = defaultdict(list)
    for quad in quads:
        s, _, o, _ = quad
        if isinstance(s, BNode):
            touching[s].append(quad)
        if isinstance(o, BNode) and o != s:
            touching[o].append(quad)
    if not touching:
        return {}
    color: dict[BNode, str] = dict.fromkeys(touching, "")

    def show(term: Node | None, me: BNode) -> str:
        if term is None:
            return ""
        if isinstance(term, BNode):
            return "SELF" if term == me else "_:" + color[term]
        return term.n3()

    for _ in range(4):
        new: dict[BNode, str] = {}
        for node, qs in touching.items():
            parts = sorted(
                ("out" if s == node else "in")
                + " ".join((show(s, node), show(p, node), show(o, node), show(g, node)))
                for s, p, o, g in qs
            )
            new[node] = hashlib.sha256("\n".join(parts).encode()).hexdigest()
        if len(set(new.values())) == len(set(color.values())) and _ != 0:
            color = new
            break
        color = new
    ordered = sorted(touching, key=lambda b: (color[b], str(b)))
    return {b: f"b{i}" for i, b in enumerate(ordered)}


# --- Turtle / TriG --------------------------------------------------------------------------

TYPE_TEXT = " a"
"""How ``rdf:type`` appears in a :data:`Row`: it sorts before every other predicate's text."""

Row: TypeAlias = tuple[str, str, str]
"""One triple as the Turtle text of its subject, predicate and object.

Sorted rows give the writers' order: subjects, then ``a``, then predicates, then objects, each
by the text a reader sees. Rows are what the build caches per article, so the union of many
graphs is written by sorting rows instead of re-parsing and re-formatting every triple.
"""


class _RowMaker:
    """Turns one graph's triples into rows; inlinable blank nodes become ``[ … ]`` objects."""

    def __init__(self, triples: Iterable[Triple], namer: _Namer, inline_ok: set[BNode]) -> None:
        self.namer = namer
        self.index: dict[Node, dict[Node, list[Node]]] = defaultdict(lambda: defaultdict(list))
        for s, p, o in triples:
            self.index[s][p].append(o)
        self.inline_ok = inline_ok
        self.inlined: set[BNode] = set()

    def _is_list(self, node: Node) -> list[Node] | None:
        items: list[Node] = []
        seen: set[Node] = set()
        while node != RDF.nil:
            if not isinstance(node, BNode) or node not in self.inline_ok or node in seen:
                return None
            props = self.index.get(node)
            if props is None or set(props) != {RDF.first, RDF.rest}:
                return None
            if len(props[RDF.first]) != 1 or len(props[RDF.rest]) != 1:
                return None
            seen.add(node)
            items.append(props[RDF.first][0])
            node = props[RDF.rest][0]
        self.inlined.update(n for n in seen if isinstance(n, BNode))
        return items

    def obj(self, term: Node, indent: str, stack: frozenset[BNode]) -> str:
        if isinstance(term, BNode) and term in self.inline_ok and term not in stack:
            items = self._is_list(term) if term in self.index else None
            if items is not None:
                inner = " ".join(self.obj(i, indent, stack | {term}) for i in items)
                return f"( {inner} )" if inner else "()"
            self.inlined.add(term)
            if term not in self.index:
                return "[]"
            rows = self._subject_rows(term, indent + "    ", stack | {term})
            body = _predicate_list(sorted(set(rows)), indent + "    ")
            return f"[\n{indent}    {body}\n{indent}]"
        return self.namer.term(term)

    def _subject_rows(self, subject: Node, indent: str, stack: frozenset[BNode]) -> list[Row]:
        text = self.namer.term(subject)
        rows: list[Row] = []
        for pred, objs in self.index[subject].items():
            ptext = TYPE_TEXT if pred == RDF.type else self.namer.term(pred)
            rows.extend((text, ptext, self.obj(o, indent, stack)) for o in set(objs))
        return rows

    def rows(self, indent: str) -> list[Row]:
        """Rows of the top-level subjects (inlined blank nodes appear inside objects)."""
        referenced_inline = {
            o
            for props in self.index.values()
            for objs in props.values()
            for o in objs
            if isinstance(o, BNode) and o in self.inline_ok
        }
        rows: list[Row] = []
        for subject in self.index:
            if subject not in referenced_inline:
                rows.extend(self._subject_rows(subject, indent + "    ", frozenset()))
        # inline candidates only reachable through a cycle are written at the top level
        leftovers = [b for b in referenced_inline if b in self.index and b not in self.inlined]
        self.inline_ok.difference_update(leftovers)
        for subject in leftovers:
            rows.extend(self._subject_rows(subject, indent + "    ", frozenset()))
        return rows


def _predicate_list(rows: Sequence[Row], indent: str) -> str:
    """``p o, o ; p o`` for the rows of one subject (sorted, unique)."""
    chunks = []
    for ptext, group in groupby(rows, key=itemgetter(1)):
        head = "a" if ptext == TYPE_TEXT else ptext
        chunks.append(head + " " + ", ".join(row[2] for row in group))
    return f" ;\n{indent}".join(chunks)


def subject_block(rows: Sequence[Row], indent: str = "") -> str:
    """One Turtle statement ``s p o, o ; p o .`` for the sorted, unique rows of one subject."""
    return f"{indent}{rows[0][0]} {_predicate_list(rows, indent + '    ')} .\n"


def write_rows(rows: Iterable[Row], out: IO[str], indent: str = "") -> int:
    """Write sorted, unique rows as Turtle statements (a blank line between subjects).

    Returns the number of rows written. The caller sorts and removes duplicates, so a big
    union can be merged from many sorted parts without building one graph.

    >>> import io
    >>> out = io.StringIO()
    >>> write_rows([("rgid:x", TYPE_TEXT, "rg:Driver"), ("rgid:x", "rdfs:label", '"X"')], out)
    2
    >>> print(out.getvalue(), end="")
    rgid:x a rg:Driver ;
        rdfs:label "X" .
    """
    count = 0
    first = True
    for _subject, group in groupby(rows, key=itemgetter(0)):
        items = list(group)
        count += len(items)
        if not first:
            out.write("\n")
        first = False
        out.write(subject_block(items, indent))
    return count


def graph_rows(
    triples: Graph | Iterable[Triple],
    *,
    prefixes: Mapping[str, str] = PREFIXES,
    indent: str = "",
    name: Node | None = None,
) -> list[Row]:
    """Sorted, unique rows of one graph, formatted for a graph body at ``indent``.

    Only graphs with blank nodes depend on ``indent`` (their ``[ … ]`` objects span lines)
    and on ``name``, the graph's name, which their labels are derived from as in
    :func:`write_trig`.
    """
    quads = [(s, p, o, name) for s, p, o, _ in _normalise_quads(triples)]
    if not any(isinstance(s, BNode) or isinstance(o, BNode) for s, _, o, _ in quads):
        namer = _Namer(prefixes, {})
        term = namer.term
        return sorted(
            {(term(s), TYPE_TEXT if p == RDF.type else term(p), term(o)) for s, p, o, _ in quads}
        )
    bnodes = _bnode_labels(quads)
    maker = _RowMaker(
        ((s, p, o) for s, p, o, _ in quads),
        _Namer(prefixes, bnodes),
        _inline_candidates(quads),
    )
    return sorted(set(maker.rows(indent)))


def iri_text(iri: str, prefixes: Mapping[str, str] = PREFIXES) -> str:
    """How the writers show ``iri``: a prefixed name when one fits, else ``<iri>``."""
    return _Namer(prefixes, {}).iri(iri)


def write_graph_block(name: str, rows: Iterable[Row], out: IO[str]) -> int:
    """One TriG ``name { … }`` block of sorted rows; returns the number of rows."""
    out.write(f"{name} {{\n")
    count = write_rows(rows, out, "    ")
    out.write("}\n")
    return count


def write_prefixes(out: IO[str], prefixes: Mapping[str, str] = PREFIXES) -> None:
    """The ``@prefix`` header every racegraph Turtle and TriG file starts with."""
    for name in sorted(prefixes):
        out.write(f"@prefix {name}: {_iri(prefixes[name])} .\n")
    out.write("\n")


def _named(names: Iterable[Node | None]) -> list[Node]:
    return [n for n in names if n is not None]


def _normalise_quads(data: Graph | Iterable[Quad] | Iterable[Triple]) -> list[Quad]:
    quads: list[Quad] = []
    if isinstance(data, (Dataset, ConjunctiveGraph)):
        for s, p, o, g in data.quads((None, None, None, None)):
            name = g.identifier if isinstance(g, Graph) else g
            if name == DATASET_DEFAULT_GRAPH_ID:
                name = None
            quads.append((s, p, o, name))
        return quads
    if isinstance(data, Graph):
        return [(s, p, o, None) for s, p, o in data]
    for item in data:
        if len(item) == 4:
            gname = item[3]
            quads.append(
                (item[0], item[1], item[2], None if gname == DATASET_DEFAULT_GRAPH_ID else gname)
            )
        else:
            quads.append((item[0], item[1], item[2], None))
    return quads


def _inline_candidates(quads: Sequence[Quad]) -> set[BNode]:
    """Blank nodes used exactly once as an object and described in that same graph only."""
    as_object: dict[BNode, int] = defaultdict(int)
    object_graph: dict[BNode, Node | None] = {}
    subject_graphs: dict[BNode, set[Node | None]] = defaultdict(set)
    for s, _, o, g in quads:
        if isinstance(o, BNode):
            as_object[o] += 1
            object_graph[o] = g
        if isinstance(s, BNode):
            subject_graphs[s].add(g)
    return {
        b
        for b, n in as_object.items()
        if n == 1 and subject_graphs.get(b, {object_graph[b]}) <= {object_graph[b]}
    }


def write_trig(
    data: Dataset | ConjunctiveGraph | Iterable[Quad],
    out: IO[str],
    *,
    prefixes: Mapping[str, str] = PREFIXES,
) -> int:
    """Write a dataset (or quads ``(s, p, o, graph_or_None)``) as deterministic pretty TriG.

    Returns the number of distinct quads written. Graphs are sorted by name, the default
    graph (if any) comes first without a ``GRAPH`` block; the output is byte-identical for
    the same dataset.

    >>> import io
    >>> from rdflib import Literal, URIRef
    >>> g = URIRef("https://w3id.org/racegraph/graph/article/000_x")
    >>> s = URIRef("https://w3id.org/racegraph/id/article/000_x")
    >>> p = URIRef("https://w3id.org/racegraph/ontology#wordCount")
    >>> out = io.StringIO()
    >>> write_trig([(s, p, Literal(42), g)], out)
    1
    >>> print(out.getvalue().split("\\n\\n", 1)[1], end="")
    <https://w3id.org/racegraph/graph/article/000_x> {
        <https://w3id.org/racegraph/id/article/000_x> rg:wordCount "42"^^xsd:integer .
    }
    """
    quads = list(set(_normalise_quads(data)))
    bnodes = _bnode_labels(quads)
    namer = _Namer(prefixes, bnodes)
    inline_ok = _inline_candidates(quads)
    by_graph: dict[Node | None, list[Triple]] = defaultdict(list)
    for s, p, o, g in quads:
        by_graph[g].append((s, p, o))
    write_prefixes(out, prefixes)
    default = by_graph.pop(None, None)
    first = True
    if default:
        write_rows(sorted(set(_RowMaker(default, namer, inline_ok).rows(""))), out)
        first = False
    for name in sorted(_named(by_graph), key=namer.term):
        if not first:
            out.write("\n")
        first = False
        rows = sorted(set(_RowMaker(by_graph[name], namer, inline_ok).rows("    ")))
        write_graph_block(namer.term(name), rows, out)
    return len(quads)


def write_turtle(
    graph: Graph | Iterable[Triple],
    out: IO[str],
    *,
    prefixes: Mapping[str, str] = PREFIXES,
) -> int:
    """Write a graph (or triples) as deterministic pretty Turtle; returns the triple count.

    A ``Dataset``/``ConjunctiveGraph`` is written as the union of its graphs.
    """
    triples = {(s, p, o) for s, p, o, _ in _normalise_quads(graph)}
    write_prefixes(out, prefixes)
    write_rows(graph_rows(triples, prefixes=prefixes), out)
    return len(triples)


# --- N-Triples / N-Quads / JSON-LD ------------------------------------------------------------


def _line_sorted(lines: Iterable[str], out: IO[str]) -> int:
    unique = sorted(set(lines))
    for line in unique:
        out.write(line)
    return len(unique)


def write_ntriples(triples: Graph | Iterable[Triple], out: IO[str]) -> int:
    """Sorted N-Triples (one line per distinct triple); returns the triple count."""
    quads = _normalise_quads(triples)
    namer = _Namer(None, _bnode_labels(quads))
    return _line_sorted(
        (f"{namer.term(s)} {namer.term(p)} {namer.term(o)} .\n" for s, p, o, _ in quads), out
    )


def write_nquads(data: Dataset | ConjunctiveGraph | Iterable[Quad], out: IO[str]) -> int:
    """Sorted N-Quads, graph by graph (default graph first); returns the quad count."""
    quads = _normalise_quads(data)
    namer = _Namer(None, _bnode_labels(quads))
    by_graph: dict[Node | None, list[Quad]] = defaultdict(list)
    for q in quads:
        by_graph[q[3]].append(q)
    total = 0
    for name in sorted(by_graph, key=lambda n: "" if n is None else n.n3()):
        suffix = "" if name is None else " " + namer.term(name)
        total += _line_sorted(
            (
                f"{namer.term(s)} {namer.term(p)} {namer.term(o)}{suffix} .\n"
                for s, p, o, _ in by_graph[name]
            ),
            out,
        )
    return total


def _jsonld_value(term: Node, namer: _Namer) -> dict[str, str]:
    if isinstance(term, Literal):
        value: dict[str, str] = {"@value": str(term)}
        if term.language:
            value["@language"] = term.language
        elif term.datatype is not None and term.datatype != XSD.string:
            value["@type"] = _compact(str(term.datatype), namer)
        return value
    return {"@id": _jsonld_id(term, namer)}


def _compact(iri: str, namer: _Namer) -> str:
    text = namer.iri(iri)
    return iri if text.startswith("<") else text


def _jsonld_id(term: Node, namer: _Namer) -> str:
    if isinstance(term, BNode):
        return namer.term(term)
    return _compact(str(term), namer)


def write_jsonld(
    data: Dataset | ConjunctiveGraph | Iterable[Quad],
    out: IO[str],
    *,
    prefixes: Mapping[str, str] = PREFIXES,
) -> int:
    """Deterministic JSON-LD 1.1 (flattened, one ``@graph`` object per named graph)."""
    quads = list(set(_normalise_quads(data)))
    bnodes = _bnode_labels(quads)
    namer = _Namer(prefixes, bnodes)
    graphs: dict[Node | None, dict[Node, dict[str, list[dict[str, str]]]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(list))
    )
    for s, p, o, g in quads:
        key = "@type" if p == RDF.type and not isinstance(o, Literal) else _compact(str(p), namer)
        graphs[g][s][key].append(_jsonld_value(o, namer))

    def nodes(subjects: dict[Node, dict[str, list[dict[str, str]]]]) -> list[object]:
        result: list[object] = []
        for subject in sorted(subjects, key=lambda t: _sort_key(t, bnodes)):
            node: dict[str, object] = {"@id": _jsonld_id(subject, namer)}
            for key, values in subjects[subject].items():
                if key == "@type":
                    node["@type"] = sorted(v["@id"] for v in values)
                else:
                    node[key] = sorted(values, key=lambda v: json.dumps(v, sort_keys=True))
            result.append(node)
        return result

    top: list[object] = nodes(graphs.pop(None, {}))
    for name in sorted(_named(graphs), key=lambda n: _sort_key(n, bnodes)):
        top.append({"@id": _jsonld_id(name, namer), "@graph": nodes(graphs[name])})
    doc = {"@context": dict(sorted(prefixes.items())), "@graph": top}
    json.dump(doc, out, indent=2, sort_keys=True, ensure_ascii=False)
    out.write("\n")
    return len(quads)


# --- reading the built knowledge graph --------------------------------------------------------


_SPECIAL_GRAPHS = {
    "inferred": INFERRED_GRAPH,
    "ontology": ONTOLOGY_GRAPH,
    "reference": REFERENCE_GRAPH,
}


def resolve_graph(name: str) -> URIRef:
    """Graph IRI for ``name``: an article stem, ``inferred``/``ontology``/``reference``, a
    ``rgg:`` name or a full IRI.

    >>> str(resolve_graph("000_abc"))
    'https://w3id.org/racegraph/graph/article/000_abc'
    >>> str(resolve_graph("inferred"))
    'https://w3id.org/racegraph/graph/inferred'
    """
    if name in _SPECIAL_GRAPHS:
        return _SPECIAL_GRAPHS[name]
    if name.startswith("rgg:"):
        return URIRef(str(GRAPH) + name[4:])
    if re.match(r"^[a-z][a-z0-9+.-]*:", name):
        return URIRef(name)
    return URIRef(f"{GRAPH}article/{name}")


def _selected_graphs(
    store: ox.Store, graphs: Sequence[str], *, inferred: bool | None
) -> list[ox.NamedNode]:
    present = {g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode)}
    if graphs:
        wanted = [str(resolve_graph(g)) for g in graphs]
        missing = [w for w in wanted if w not in present]
        if missing:
            raise UsageError(
                "no such graph in the built KG: "
                + ", ".join(missing)
                + " (list them with `racegraph export --format nquads | cut -d' ' -f4 | sort -u`)"
            )
        if inferred and str(INFERRED_GRAPH) not in wanted and str(INFERRED_GRAPH) in present:
            wanted.append(str(INFERRED_GRAPH))
    else:
        wanted = sorted(present)
        if inferred is False:
            wanted = [w for w in wanted if w != str(INFERRED_GRAPH)]
    return [ox.NamedNode(w) for w in sorted(set(wanted))]


def store_quads(store: ox.Store, graphs: Sequence[ox.NamedNode]) -> Iterator[Quad]:
    """The quads of ``graphs`` in a pyoxigraph store, as rdflib terms."""
    for graph in graphs:
        name = URIRef(graph.value)
        for q in store.quads_for_pattern(None, None, None, graph):
            yield (to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object), name)  # type: ignore[misc]


def _kg_quads(kg: Path, store: ox.Store, graphs: Sequence[ox.NamedNode]) -> Iterator[Quad]:
    """Quads of ``graphs`` from ``kg/kg.trig`` (exact terms), else from the store.

    The TriG file is preferred because the pyoxigraph store rewrites derived integer
    datatypes (``xsd:positiveInteger``, ``xsd:nonNegativeInteger``…) to ``xsd:integer``.
    """
    trig = kg / "kg.trig"
    if not trig.is_file():
        log.warning(
            "%s is missing: exporting from the store (integer subtypes become xsd:integer)", trig
        )
        yield from store_quads(store, graphs)
        return
    wanted = {g.value for g in graphs}
    try:
        for q in ox.parse(path=str(trig), format=ox.RdfFormat.TRIG):
            graph = q.graph_name
            if isinstance(graph, ox.NamedNode) and graph.value in wanted:
                yield (
                    to_rdflib(q.subject),  # type: ignore[misc]
                    to_rdflib(q.predicate),
                    to_rdflib(q.object),
                    URIRef(graph.value),
                )
    except (SyntaxError, OSError) as exc:
        raise InputError(f"cannot read {trig}: {exc}") from None


def export_kg(
    kg: Path,
    out: IO[str],
    *,
    fmt: ExportFormat = ExportFormat.TURTLE,
    graphs: Sequence[str] = (),
    union: bool | None = None,
    inferred: bool | None = None,
) -> int:
    """Export the built knowledge graph in ``kg`` to ``out``; returns the triples/quads written.

    ``graphs`` selects graphs (article stems, ``inferred``, ``ontology``, ``reference`` or
    IRIs); empty means all. ``union`` merges them into one graph (the default, and the only
    choice, for Turtle and N-Triples). ``inferred`` adds (True) or drops (False) the inferred
    graph; by default it is kept with all graphs and left out with ``graphs``. Terms are read
    from ``kg/kg.trig`` (the store lists the graphs), so ``--format trig`` of a whole build
    reproduces ``kg.trig`` byte for byte.
    """
    if union is None:
        union = not fmt.has_graphs
    if not union and not fmt.has_graphs:
        raise UsageError(f"{fmt.value} holds one graph: use --union or a dataset format (trig)")
    store = open_store(kg)
    selected = _selected_graphs(store, graphs, inferred=inferred)
    log.info("exporting %d graphs from %s as %s", len(selected), kg, fmt.value)
    source = _kg_quads(kg, store, selected)
    if union:
        triples: Iterable[Triple] = ((s, p, o) for s, p, o, _ in source)
        if fmt is ExportFormat.TURTLE:
            return write_turtle(triples, out)
        if fmt is ExportFormat.NTRIPLES:
            return write_ntriples(triples, out)
        quads: Iterable[Quad] = ((s, p, o, None) for s, p, o in triples)
    else:
        quads = source
    if fmt is ExportFormat.TRIG:
        return write_trig(quads, out)
    if fmt is ExportFormat.NQUADS:
        return _write_nquads_streaming(quads, out) if not union else write_nquads(quads, out)
    return write_jsonld(quads, out)


def _write_nquads_streaming(quads: Iterable[Quad], out: IO[str]) -> int:
    """Sorted N-Quads one graph at a time: only the largest graph is held in memory.

    Expects the quads of a graph to come together (as ``write_trig`` writes them); blank
    nodes are labelled per graph.
    """
    total = 0
    group: list[Quad] = []

    def flush() -> int:
        if not group:
            return 0
        namer = _Namer(None, _bnode_labels(group))
        name = group[0][3]
        suffix = "" if name is None else " " + namer.term(name)
        return _line_sorted(
            (
                f"{namer.term(s)} {namer.term(p)} {namer.term(o)}{suffix} .\n"
                for s, p, o, _ in group
            ),
            out,
        )

    for quad in quads:
        if group and quad[3] != group[0][3]:
            total += flush()
            group = []
        group.append(quad)
    return total + flush()
