"""HTML documentation and a class diagram, both generated from ``ontology/racegraph.ttl``.

The HTML comes from pyLODE (``OntPub``); the diagram from Graphviz ``dot``. Both read the
ontology graph itself, so they cannot drift from it. The diagram shows the rg: classes, their
subclass edges and, for every object property that is not merely the inverse of another,
an edge from its domain to its range; datatype properties are listed inside their domain.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import graphviz
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS
from rdflib.term import Node

from racegraph.errors import InputError
from racegraph.validate import load_ontology
from racegraph.vocab import RG

__all__ = ["DocsResult", "build_docs", "diagram", "render_diagram", "render_html"]

log = logging.getLogger(__name__)

_RG = str(RG._NS)


@dataclass(frozen=True, slots=True)
class DocsResult:
    """Paths of what :func:`build_docs` wrote."""

    html: Path
    svg: Path
    png: Path


def _local(term: URIRef) -> str:
    return str(term)[len(_RG) :]


def _is_rg(term: object) -> bool:
    return isinstance(term, URIRef) and str(term).startswith(_RG)


def _docs_view(ontology: Graph) -> Graph:
    """The ontology as pyLODE should see it.

    pyLODE treats every ``skos:ConceptScheme`` as another ontology header (it would
    concatenate their labels into the page title) and lists declared external classes
    (schema.org, PROV-O) as if they were ours; both are dropped from this view only.
    """
    view = Graph()
    for prefix, namespace in ontology.namespaces():
        view.bind(prefix, namespace)
    for s, p, o in ontology:
        if p == RDF.type and o == SKOS.ConceptScheme:
            continue
        if not _is_rg(s) and isinstance(s, URIRef) and (s, RDF.type, OWL.Ontology) not in ontology:
            continue
        view.add((s, p, o))
    return view


def render_html(ontology: Graph) -> str:
    """One self-contained HTML page documenting the ontology (pyLODE OntPub profile)."""
    from pylode import OntPub  # type: ignore[import-untyped]

    page = OntPub(ontology=_docs_view(ontology)).make_html()
    return str(page)


def _rg_iris(nodes: Iterable[Node]) -> list[URIRef]:
    """The rg: IRIs among ``nodes``, sorted."""
    return sorted({n for n in nodes if isinstance(n, URIRef) and str(n).startswith(_RG)})


def diagram(ontology: Graph) -> graphviz.Digraph:
    """The class diagram as a Graphviz graph (deterministic: everything sorted)."""
    classes = _rg_iris(ontology.subjects(RDF.type, OWL.Class))
    datatype_props: dict[URIRef, list[str]] = {c: [] for c in classes}
    for prop in _rg_iris(ontology.subjects(RDF.type, OWL.DatatypeProperty)):
        for domain in _rg_iris(ontology.objects(prop, RDFS.domain)):
            if domain in datatype_props:
                datatype_props[domain].append(_local(prop))

    dot = graphviz.Digraph(name="racegraph", comment="racegraph ontology class diagram")
    dot.attr(rankdir="LR", fontname="Helvetica", fontsize="11", splines="true", nodesep="0.25")
    dot.attr("node", shape="box", style="rounded,filled", fillcolor="#eef3fb", fontname="Helvetica")
    dot.attr("edge", fontname="Helvetica", fontsize="9", color="#555555")
    for cls in classes:
        rows = "".join(
            f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="9">{p}</FONT></TD></TR>'
            for p in datatype_props[cls]
        )
        label = (
            '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0">'
            f"<TR><TD><B>{_local(cls)}</B></TD></TR>{rows}</TABLE>>"
        )
        dot.node(_local(cls), label=label)

    for cls in classes:
        for parent in _rg_iris(ontology.objects(cls, RDFS.subClassOf)):
            if parent in datatype_props:
                dot.edge(_local(cls), _local(parent), arrowhead="empty", color="#1f4e9c")

    inverse_only = set(_rg_iris(ontology.objects(None, OWL.inverseOf)))
    for prop in _rg_iris(ontology.subjects(RDF.type, OWL.ObjectProperty)):
        if prop in inverse_only:
            continue
        for domain in _rg_iris(ontology.objects(prop, RDFS.domain)):
            for range_ in _rg_iris(ontology.objects(prop, RDFS.range)):
                if domain in datatype_props and range_ in datatype_props:
                    dot.edge(_local(domain), _local(range_), label=_local(prop))
    return dot


def render_diagram(
    ontology: Graph, out_stem: Path, *, formats: tuple[str, ...] = ("svg", "png")
) -> tuple[Path, ...]:
    """Write ``out_stem.<format>`` for each format with Graphviz ``dot``; returns the paths."""
    source = diagram(ontology)
    out_stem.parent.mkdir(parents=True, exist_ok=True)
    written = []
    for fmt in formats:
        try:
            data = source.pipe(format=fmt)
        except graphviz.ExecutableNotFound as exc:
            raise InputError("Graphviz 'dot' is not installed (needed for the diagram)") from exc
        path = out_stem.with_suffix(f".{fmt}")
        path.write_bytes(data)
        written.append(path)
    return tuple(written)


def build_docs(out_dir: Path, *, ontology_dir: Path | None = None) -> DocsResult:
    """Write ``index.html`` (pyLODE) and ``diagram.svg`` / ``diagram.png`` into ``out_dir``."""
    ontology = load_ontology(ontology_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    html = out_dir / "index.html"
    html.write_text(render_html(ontology), encoding="utf-8")
    svg, png = render_diagram(ontology, out_dir / "diagram")
    log.info("wrote %s, %s, %s", html, svg, png)
    return DocsResult(html=html, svg=svg, png=png)
