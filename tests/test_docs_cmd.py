"""`racegraph docs`: pyLODE HTML and the Graphviz class diagram, generated from the ontology."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from racegraph.cli import cli
from racegraph.docs import diagram
from racegraph.validate import DEFAULT_ONTOLOGY_DIR, load_ontology


def test_docs_writes_html_svg_and_png(tmp_path: Path) -> None:
    out = tmp_path / "docs"
    result = CliRunner().invoke(cli, ["docs", "--out", str(out)])
    assert result.exit_code == 0, result.output
    html = (out / "index.html").read_text(encoding="utf-8")
    assert "<h1>racegraph ontology</h1>" in html
    for label in ("participation claim", "category assignment", "held at", "works driver for"):
        assert label in html
    svg = (out / "diagram.svg").read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    assert ">ParticipationClaim<" in svg and ">heldAt<" in svg
    assert (out / "diagram.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert result.stdout.splitlines() == [
        str(out / "index.html"),
        str(out / "diagram.svg"),
        str(out / "diagram.png"),
    ]


def test_diagram_is_drawn_from_the_ontology() -> None:
    source = diagram(load_ontology()).source
    assert "Driver -> Person [arrowhead=empty" in source
    assert "Event -> Place [label=heldAt]" in source
    assert "hasWorksDriver" not in source  # inverses are not drawn twice
    assert diagram(load_ontology()).source == source  # deterministic


def test_committed_diagram_is_current() -> None:
    committed = (DEFAULT_ONTOLOGY_DIR / "diagram.svg").read_text(encoding="utf-8")
    for node in ("ParticipationClaim", "LineupRequirement", "CategoryAssignment"):
        assert f">{node}<" in committed
    assert (DEFAULT_ONTOLOGY_DIR / "diagram.png").stat().st_size > 10_000
