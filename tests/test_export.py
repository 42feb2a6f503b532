"""Deterministic serialisation (export.write_*) and `racegraph export`."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF

from racegraph.cli import cli
from racegraph.export import write_jsonld, write_nquads, write_ntriples, write_trig, write_turtle
from racegraph.store import write_store

FIXTURE = Path(__file__).parent / "data" / "kg" / "kg.trig"


def _dataset() -> Dataset:
    ds = Dataset()
    ds.parse(FIXTURE, format="trig")
    return ds


@pytest.fixture(scope="module")
def kg_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A built-KG folder (kg.trig + store/) made from the hand-written fixture."""
    kg = tmp_path_factory.mktemp("kg")
    shutil.copy(FIXTURE, kg / "kg.trig")
    write_store(kg, kg / "kg.trig")
    return kg


def _quad_count(ds: Dataset) -> int:
    return len(list(ds.quads((None, None, None, None))))


def test_trig_is_byte_identical_across_parses() -> None:
    first, second = io.StringIO(), io.StringIO()
    write_trig(_dataset(), first)
    write_trig(_dataset(), second)
    assert first.getvalue() == second.getvalue()


def test_trig_round_trips_through_two_parsers() -> None:
    ds = _dataset()
    out = io.StringIO()
    written = write_trig(ds, out)
    assert written == _quad_count(ds)
    text = out.getvalue()
    again = Dataset()
    again.parse(data=text, format="trig")
    assert _quad_count(again) == written
    assert sum(1 for _ in ox.parse(text.encode(), format=ox.RdfFormat.TRIG)) == written


def test_turtle_round_trips_through_two_parsers() -> None:
    out = io.StringIO()
    written = write_turtle(_dataset(), out)
    text = out.getvalue()
    assert len(Graph().parse(data=text, format="turtle")) == written
    assert sum(1 for _ in ox.parse(text.encode(), format=ox.RdfFormat.TURTLE)) == written
    assert "@prefix rg: <https://w3id.org/racegraph/ontology#> ." in text
    assert " a rg:Driver ;" in text
    assert "owl:members ( rg:Person rg:Organisation rg:CarModel )" in text


def test_blank_node_labels_do_not_depend_on_parser_labels() -> None:
    def graph(label: str) -> Graph:
        g = Graph()
        b = BNode(label)
        g.add((URIRef("urn:x"), URIRef("urn:p"), b))
        g.add((URIRef("urn:y"), URIRef("urn:p"), b))
        g.add((b, RDF.value, Literal("v")))
        return g

    one, two = io.StringIO(), io.StringIO()
    write_turtle(graph("zzz"), one)
    write_turtle(graph("aaa"), two)
    assert one.getvalue() == two.getvalue()
    assert "_:b0" in one.getvalue()


def test_escaping_survives_round_trip() -> None:
    g = Graph()
    tricky = 'quote " backslash \\ newline \n tab \t bell \x07 é 😀'
    g.add((URIRef("urn:s"), URIRef("urn:p"), Literal(tricky)))
    g.add((URIRef("urn:s"), URIRef("urn:p"), Literal("01", datatype=URIRef("urn:dt"))))
    out = io.StringIO()
    write_turtle(g, out)
    back = Graph().parse(data=out.getvalue(), format="turtle")
    assert Literal(tricky) in set(back.objects())
    parsed = list(ox.parse(out.getvalue().encode(), format=ox.RdfFormat.TURTLE))
    assert tricky in {t.object.value for t in parsed}


def test_ntriples_nquads_sorted() -> None:
    nt, nq = io.StringIO(), io.StringIO()
    ds = _dataset()
    write_ntriples(((s, p, o) for s, p, o, _ in ds.quads()), nt)
    write_nquads(ds, nq)
    lines = nt.getvalue().splitlines()
    assert lines == sorted(lines)
    assert sum(1 for _ in ox.parse(nq.getvalue().encode(), format=ox.RdfFormat.N_QUADS)) == (
        _quad_count(ds)
    )


def test_jsonld_round_trips() -> None:
    ds = _dataset()
    out = io.StringIO()
    written = write_jsonld(ds, out)
    assert sum(1 for _ in ox.parse(out.getvalue().encode(), format=ox.RdfFormat.JSON_LD)) == (
        written
    )


@pytest.mark.parametrize(
    ("args", "fmt"),
    [
        (["--format", "turtle"], ox.RdfFormat.TURTLE),
        (["--format", "trig"], ox.RdfFormat.TRIG),
        (["--format", "ntriples"], ox.RdfFormat.N_TRIPLES),
        (["--format", "nquads"], ox.RdfFormat.N_QUADS),
        (["--format", "jsonld"], ox.RdfFormat.JSON_LD),
    ],
)
def test_cli_export_formats_are_deterministic(
    kg_dir: Path, args: list[str], fmt: ox.RdfFormat
) -> None:
    runner = CliRunner()
    first = runner.invoke(cli, ["export", "--kg", str(kg_dir), *args])
    second = runner.invoke(cli, ["export", "--kg", str(kg_dir), *args])
    assert first.exit_code == 0, first.output
    assert first.stdout == second.stdout
    assert sum(1 for _ in ox.parse(first.stdout.encode(), format=fmt)) > 100


def test_cli_export_all_graphs_matches_fixture(kg_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.trig"
    result = CliRunner().invoke(
        cli, ["export", "--kg", str(kg_dir), "--format", "trig", "--all", "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    assert "wrote 155 quads" in result.stderr
    assert sum(1 for _ in ox.parse(path=str(target), format=ox.RdfFormat.TRIG)) == 155


def test_cli_export_one_graph_with_and_without_inferred(kg_dir: Path) -> None:
    runner = CliRunner()
    only = runner.invoke(
        cli, ["export", "--kg", str(kg_dir), "--format", "nquads", "--graph", "001_wec"]
    )
    assert only.exit_code == 0, only.output
    graphs = {line.rsplit(" ", 2)[1] for line in only.stdout.splitlines()}
    assert graphs == {"<https://w3id.org/racegraph/graph/article/001_wec>"}
    both = runner.invoke(
        cli,
        ["export", "--kg", str(kg_dir), "--format", "nquads", "--graph", "001_wec", "--inferred"],
    )
    assert len({line.rsplit(" ", 2)[1] for line in both.stdout.splitlines()}) == 2
    union = runner.invoke(cli, ["export", "--kg", str(kg_dir), "--no-inferred"])
    assert "rg:hasWorksDriver" not in union.stdout


def test_cli_export_errors(kg_dir: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    missing = runner.invoke(cli, ["export", "--kg", str(tmp_path / "nope")])
    assert missing.exit_code == 8
    assert "run `racegraph build` first" in missing.stderr
    unknown = runner.invoke(cli, ["export", "--kg", str(kg_dir), "--graph", "999_none"])
    assert unknown.exit_code == 2
    assert "no such graph" in unknown.stderr
    bad = runner.invoke(cli, ["export", "--kg", str(kg_dir), "--format", "turtle", "--all"])
    assert bad.exit_code == 2


@pytest.mark.slow
def test_real_build_exports_are_deterministic_and_parse(built_kg: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    store = ox.Store.read_only(str(built_kg / "store"))
    quads = sum(1 for q in store if not isinstance(q.graph_name, ox.DefaultGraph))
    outputs = []
    for run in range(2):
        target = tmp_path / f"kg{run}.trig"
        result = runner.invoke(
            cli, ["export", "--kg", str(built_kg), "--format", "trig", "-o", str(target)]
        )
        assert result.exit_code == 0, result.output
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1]
    # the build writes kg.trig with write_trig: exporting it again gives the same bytes
    assert outputs[0] == (built_kg / "kg.trig").read_bytes()
    assert sum(1 for _ in ox.parse(outputs[0], format=ox.RdfFormat.TRIG)) == quads
    again = Dataset()
    again.parse(data=outputs[0].decode(), format="trig")
    assert _quad_count(again) == quads
    turtle = runner.invoke(cli, ["export", "--kg", str(built_kg)])
    assert turtle.exit_code == 0, turtle.output
    assert turtle.stdout == (built_kg / "kg.ttl").read_text(encoding="utf-8")
    triples = sum(1 for _ in ox.parse(turtle.stdout.encode(), format=ox.RdfFormat.TURTLE))
    assert len(Graph().parse(data=turtle.stdout, format="turtle")) == triples
