"""Check article graphs against the racegraph SHACL shapes and split off what fails.

The shapes (``ontology/shapes.ttl``) are checked on the data graph with the ontology
(``ontology/racegraph.ttl``) mixed in, so ``sh:class`` and ``sh:targetClass`` follow
``rdfs:subClassOf`` (a ``rg:Driver`` is a ``rg:Person``) without running a reasoner:
pre-inference would cost far more than the article graph itself.

Two engines give the same findings. pyshacl is the reference, but it evaluates every
constraint per focus node and costs 0.3-0.9 s an article, several times the rest of the
build. :mod:`racegraph.shacl_compiled` compiles the shapes once into Python checks plus one
Oxigraph query per SHACL-SPARQL constraint (~0.02 s an article); the tests compare both on
built articles, the broken shape examples and random mutations. A :class:`ShapesValidator`
uses the compiled checker when the shapes stay inside the subset it implements (else it
logs why and uses pyshacl) and returns its report when there is no violation. A graph with
a violation is rare (it gets quarantined), so it is validated again by pyshacl and gets
pyshacl's full, authoritative report; so does a graph the compiled checker cannot load
exactly. ``compiled=False`` forces pyshacl.

pyshacl re-parses every SPARQL constraint for every focus node, and rdflib's SPARQL parser
is slow (~0.1 s a query), so a :class:`ShapesValidator` keeps the prepared queries and is
meant to be built once and reused for every article graph. :func:`validate_graph` is the
one-shot form. The library never prints: :func:`render_report` builds the text the CLI shows.
"""

from __future__ import annotations

import json
import logging
import re
import xml.sax
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyshacl
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH
from rdflib.plugins.parsers.notation3 import BadSyntax
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.query import Result
from rdflib.term import IdentifiedNode, Node
from rdflib.util import guess_format

from racegraph.errors import InputError
from racegraph.vocab import PREFIXES, RG, SCHEMA

if TYPE_CHECKING:
    from racegraph.shacl_compiled import CompiledShapes

__all__ = [
    "DEFAULT_ONTOLOGY_DIR",
    "Finding",
    "ShapesValidator",
    "ValidationReport",
    "load_ontology",
    "load_shapes",
    "parse_rdf_file",
    "quarantine_split",
    "render_report",
    "validate_files",
    "validate_graph",
]

log = logging.getLogger(__name__)

DEFAULT_ONTOLOGY_DIR = Path(__file__).resolve().parents[2] / "ontology"
"""The repository's ``ontology/`` directory (racegraph runs from a source checkout)."""

ONTOLOGY_FILE = "racegraph.ttl"
SHAPES_FILE = "shapes.ttl"

_RG_NS = str(RG._NS)
_QUAD_FORMATS = frozenset({"trig", "nquads", "trix"})
_LINE_FORMATS = frozenset({"nt", "nquads"})


@dataclass(frozen=True, slots=True)
class Finding:
    """One SHACL result as plain strings (IRIs in full, literals in N-Triples form)."""

    focus_node: str
    path: str
    value: str
    message: str
    severity: str
    source_shape: str


@dataclass(frozen=True, eq=False)
class ValidationReport:
    """Outcome of one validation. ``conforms`` ignores warnings unless validated strictly."""

    conforms: bool
    violations: tuple[Finding, ...]
    warnings: tuple[Finding, ...]
    report_graph: Graph
    text: str


def _parse_packaged(path: Path) -> Graph:
    if not path.is_file():
        raise InputError(f"{path}: not found (expected the racegraph ontology directory)")
    return parse_rdf_file(path)


def load_ontology(root: Path | None = None) -> Graph:
    """Parse ``racegraph.ttl`` from ``root`` (default: the repository's ``ontology/``)."""
    return _parse_packaged((root or DEFAULT_ONTOLOGY_DIR) / ONTOLOGY_FILE)


def load_shapes(root: Path | None = None) -> Graph:
    """Parse ``shapes.ttl`` from ``root`` (default: the repository's ``ontology/``)."""
    return _parse_packaged((root or DEFAULT_ONTOLOGY_DIR) / SHAPES_FILE)


def _ntriples_error_line(path: Path) -> int | None:
    """N-Triples errors carry no line number; re-parse line by line to find the first bad one."""
    with path.open(encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            try:
                Graph().parse(data=line, format="nt")
            except Exception:
                return number
    return None


def _error_location(path: Path, fmt: str, exc: Exception) -> tuple[int | None, str]:
    if isinstance(exc, BadSyntax):
        return (exc.lines or 0) + 1, str(exc.args[4])
    if isinstance(exc, xml.sax.SAXParseException):
        return exc.getLineNumber(), str(exc.getMessage())
    if isinstance(exc, json.JSONDecodeError):
        return exc.lineno, exc.msg
    if fmt in _LINE_FORMATS:
        return _ntriples_error_line(path), str(exc)
    return None, str(exc)


def parse_rdf_file(path: Path) -> Graph:
    """Parse any RDF file rdflib knows (format guessed from the suffix) into one graph.

    Quad formats (TriG, N-Quads) are flattened: validation looks at all triples together.
    Syntax errors become :class:`~racegraph.errors.InputError` naming ``file:line``.
    """
    fmt = guess_format(str(path)) or "turtle"
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    try:
        if fmt in _QUAD_FORMATS:
            dataset = Dataset()
            dataset.parse(str(path), format=fmt)
            graph = Graph()
            for s, p, o, _ in dataset.quads((None, None, None, None)):
                graph.add((s, p, o))
            for prefix, namespace in dataset.namespaces():
                graph.bind(prefix, namespace, override=False)
            return graph
        return Graph().parse(str(path), format=fmt)
    except Exception as exc:
        line, reason = _error_location(path, fmt, exc)
        where = f"{path}:{line}" if line is not None else str(path)
        raise InputError(f"{where}: {fmt} syntax error: {reason.strip()}") from exc


def _term_text(term: Node | None, graph: Graph) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return str(term)
    if isinstance(term, BNode):
        return _path_text(term, graph)
    if isinstance(term, Literal):
        return str(term.n3())
    return str(term)


def _path_text(node: BNode, graph: Graph) -> str:
    """Render a SHACL path blank node (inverse, alternative, sequence) readably."""
    inverse = graph.value(node, SH.inversePath)
    if inverse is not None:
        return f"^{_term_text(inverse, graph)}"
    alternative = graph.value(node, SH.alternativePath)
    if alternative is not None:
        items = graph.collection(alternative)
        return "|".join(_term_text(item, graph) for item in items)
    if graph.value(node, RDF.first) is not None:
        return "/".join(_term_text(item, graph) for item in graph.collection(node))
    return f"_:{node}"


def _shape_text(shape: Node | None, shapes: Graph) -> str:
    """Name a source shape; an anonymous one is named after the shape that holds it."""
    if shape is None:
        return ""
    if not isinstance(shape, BNode):
        return str(shape)
    for link in (SH.property, SH.sparql):
        parent = shapes.value(predicate=link, object=shape)
        if parent is not None:
            path = shapes.value(shape, SH.path)
            detail = f" {_term_text(path, shapes)}" if path is not None else " SPARQL"
            return f"{_shape_text(parent, shapes)}{detail}"
    return f"_:{shape}"


def _findings(report: Graph, shapes: Graph) -> tuple[list[Finding], list[Finding]]:
    violations: list[Finding] = []
    warnings: list[Finding] = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        severity = report.value(result, SH.resultSeverity)
        messages = sorted(str(m) for m in report.objects(result, SH.resultMessage))
        finding = Finding(
            focus_node=_term_text(report.value(result, SH.focusNode), report),
            path=_term_text(report.value(result, SH.resultPath), report),
            value=_term_text(report.value(result, SH.value), report),
            message=" / ".join(messages),
            severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
            source_shape=_shape_text(report.value(result, SH.sourceShape), shapes),
        )
        (violations if severity == SH.Violation else warnings).append(finding)
    key = lambda f: (f.focus_node, f.path, f.message, f.value)  # noqa: E731
    return sorted(set(violations), key=key), sorted(set(warnings), key=key)


class _PreparedQueryGraph(Graph):
    """A graph whose SPARQL queries are parsed once per text, via a cache owned by the caller."""

    def __init__(self, cache: dict[str, Query]) -> None:
        super().__init__()
        self._prepared = cache

    def query(self, query_object: str | Query, *args: Any, **kwargs: Any) -> Result:
        if isinstance(query_object, str):
            prepared = self._prepared.get(query_object)
            if prepared is None:
                prepared = prepareQuery(query_object)
                self._prepared[query_object] = prepared
            query_object = prepared
        return super().query(query_object, *args, **kwargs)


class ShapesValidator:
    """Validates graphs against parsed shapes; build once, call :meth:`validate` per graph.

    ``ontology`` may be the ontology plus reference data: anything whose ``rdf:type`` and
    ``rdfs:subClassOf`` triples ``sh:class`` should see. Not thread-safe (the query cache,
    the compiled checker's store). ``compiled=False`` always runs pyshacl.

    >>> validator = ShapesValidator()
    >>> validator.validate(Graph()).conforms
    True
    """

    def __init__(
        self,
        *,
        ontology: Graph | None = None,
        shapes: Graph | None = None,
        advanced: bool = True,
        compiled: bool = True,
    ) -> None:
        self.ontology = load_ontology() if ontology is None else ontology
        self.shapes = load_shapes() if shapes is None else shapes
        self.advanced = advanced
        self._prepared: dict[str, Query] = {}
        self.compiled: CompiledShapes | None = None
        if compiled:
            from racegraph.shacl_compiled import CompiledShapes, UnsupportedShapes

            try:
                self.compiled = CompiledShapes.from_graphs(self.shapes, self.ontology)
            except UnsupportedShapes as exc:
                log.warning("SHACL fast path off, pyshacl validates every graph: %s", exc)

    def validate(self, data: Graph, *, strict: bool = False) -> ValidationReport:
        """Validate ``data`` (never modified); ``strict`` makes warnings break conformance."""
        if self.compiled is not None:
            fast = self._validate_compiled(data, strict=strict)
            if fast is not None:
                return fast
        return self._validate_pyshacl(data, strict=strict)

    def _validate_compiled(self, data: Graph, *, strict: bool) -> ValidationReport | None:
        """The compiled checker's report, or None when pyshacl must make it (violations)."""
        from racegraph.shacl_compiled import UnsupportedData

        assert self.compiled is not None
        try:
            report_graph = self.compiled.report_graph(data)
        except UnsupportedData as exc:
            log.debug("pyshacl validates this graph: %s", exc)
            return None
        except Exception as exc:  # the same input makes pyshacl fail or decide: let it
            log.warning(
                "compiled SHACL check failed (%s: %s); using pyshacl", type(exc).__name__, exc
            )
            return None
        violations, warnings = _findings(report_graph, self.shapes)
        if violations:
            return None
        report = ValidationReport(
            conforms=not (strict and warnings),
            violations=(),
            warnings=tuple(warnings),
            report_graph=report_graph,
            text="",
        )
        text = f"Validation Report\nConforms: True\n{render_report(report)}\n"
        log.debug("validated %d triples (compiled): %d warnings", len(data), len(warnings))
        return ValidationReport(
            conforms=report.conforms,
            violations=(),
            warnings=report.warnings,
            report_graph=report_graph,
            text=text,
        )

    def _validate_pyshacl(self, data: Graph, *, strict: bool) -> ValidationReport:
        work = _PreparedQueryGraph(self._prepared)
        for triple in data:
            work.add(triple)
        for triple in self.ontology:
            work.add(triple)
        _conforms, report_graph, text = pyshacl.validate(
            work,
            shacl_graph=self.shapes,
            inference="none",
            inplace=True,
            advanced=self.advanced,
            allow_warnings=True,
            allow_infos=True,
        )
        if not isinstance(report_graph, Graph):
            raise InputError(f"the SHACL shapes could not be run: {report_graph}")
        violations, warnings = _findings(report_graph, self.shapes)
        conforms = not violations and not (strict and warnings)
        log.debug("validated %d triples: %d violations", len(data), len(violations))
        return ValidationReport(
            conforms=conforms,
            violations=tuple(violations),
            warnings=tuple(warnings),
            report_graph=report_graph,
            text=str(text),
        )


def validate_graph(
    data: Graph,
    *,
    ontology: Graph | None = None,
    shapes: Graph | None = None,
    advanced: bool = True,
    strict: bool = False,
) -> ValidationReport:
    """One-shot validation of ``data``; see :class:`ShapesValidator` for repeated use.

    ``ontology`` and ``shapes`` default to the repository's ``ontology/`` files.
    """
    validator = ShapesValidator(ontology=ontology, shapes=shapes, advanced=advanced)
    return validator.validate(data, strict=strict)


def validate_files(
    paths: Sequence[Path],
    *,
    strict: bool = False,
    ontology_dir: Path | None = None,
) -> ValidationReport:
    """Parse every file (any RDF syntax), merge them and validate the merged graph.

    Raises :class:`~racegraph.errors.InputError` naming ``file:line`` on a syntax error.
    """
    data = Graph()
    for path in paths:
        data += parse_rdf_file(Path(path))
    validator = ShapesValidator(
        ontology=load_ontology(ontology_dir), shapes=load_shapes(ontology_dir)
    )
    return validator.validate(data, strict=strict)


def _violating_nodes(report: ValidationReport) -> set[IdentifiedNode]:
    graph = report.report_graph
    nodes: set[IdentifiedNode] = set()
    for result in graph.subjects(SH.resultSeverity, SH.Violation):
        focus = graph.value(result, SH.focusNode)
        if isinstance(focus, IdentifiedNode):
            nodes.add(focus)
    return nodes


def _owned_closure(data: Graph, roots: Iterable[IdentifiedNode]) -> set[IdentifiedNode]:
    """The roots plus the nodes that hang only on them (blank nodes, requirement nodes...).

    A node is owned when every triple pointing at it comes from an owned node and it is
    neither an article (shared provenance) nor a class or ontology term (reached through
    ``rdf:type`` or in the rg: namespace), even when ``data`` includes the ontology.
    """
    owned = set(roots)
    frontier = list(owned)
    while frontier:
        node = frontier.pop()
        for predicate, child in set(data.predicate_objects(node)):
            if not isinstance(child, IdentifiedNode) or child in owned or predicate == RDF.type:
                continue
            if str(child).startswith(_RG_NS) or (child, RDF.type, SCHEMA.NewsArticle) in data:
                continue
            if all(subject in owned for subject in data.subjects(None, child)):
                owned.add(child)
                frontier.append(child)
    return owned


def quarantine_split(data: Graph, report: ValidationReport) -> tuple[Graph, Graph]:
    """Split ``data`` into (kept, quarantined) using the violations of ``report``.

    Quarantined: every triple about a violating focus node, about the nodes that hang only
    on it (recursively), and every triple pointing at one of those. Warnings quarantine
    nothing. Both graphs keep ``data``'s namespace bindings; ``data`` is not modified.
    """
    kept = Graph()
    quarantined = Graph()
    for graph in (kept, quarantined):
        for prefix, namespace in data.namespaces():
            graph.bind(prefix, namespace, override=False)
    owned = _owned_closure(data, _violating_nodes(report))
    for triple in data:
        subject, _predicate, obj = triple
        if subject in owned or obj in owned:
            quarantined.add(triple)
        else:
            kept.add(triple)
    return kept, quarantined


_IRI_IN_TEXT = re.compile(r"<(https?://[^>\s]+)>")


def _shorten(text: str) -> str:
    """``prefix:rest`` for an IRI (or for each ``<IRI>`` inside an N-Triples literal).

    For reading only: ``rgid:person/x`` is not a valid Turtle prefixed name.
    """
    namespaces = sorted(PREFIXES.items(), key=lambda item: -len(item[1]))

    def short(iri: str) -> str:
        for prefix, namespace in namespaces:
            if iri.startswith(namespace) and len(iri) > len(namespace):
                return f"{prefix}:{iri[len(namespace) :]}"
        return f"<{iri}>"

    if text.startswith(("http://", "https://")):
        return short(text)
    return _IRI_IN_TEXT.sub(lambda match: short(match.group(1)), text)


def render_report(report: ValidationReport) -> str:
    """Human-readable report grouped by focus node, ending with a one-line summary."""
    by_focus: dict[str, list[Finding]] = defaultdict(list)
    for finding in (*report.violations, *report.warnings):
        by_focus[finding.focus_node].append(finding)
    lines: list[str] = []
    for focus in sorted(by_focus):
        lines.append(_shorten(focus))
        for finding in by_focus[focus]:
            detail = []
            if finding.path:
                detail.append(f"path {_shorten(finding.path)}")
            if finding.value:
                detail.append(f"value {_shorten(finding.value)}")
            suffix = f" ({', '.join(detail)})" if detail else ""
            lines.append(f"  [{finding.severity}] {finding.message}{suffix}")
    nodes = len(by_focus)
    verdict = "conforms" if report.conforms else "does not conform"
    lines.append(
        f"{verdict}: {len(report.violations)} violation(s), {len(report.warnings)} warning(s)"
        f" on {nodes} node(s)"
    )
    return "\n".join(lines)
