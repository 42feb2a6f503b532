"""End-to-end build: outputs, determinism, incremental rebuilds, jobs, bad input, quarantine."""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Dataset

from racegraph.build import BuildOptions, Pipeline, build
from racegraph.cli import cli
from racegraph.vocab import INFERRED_GRAPH, ONTOLOGY_GRAPH, REFERENCE_GRAPH, article_graph

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "data" / "articles"
SAMPLE = sorted(ARTICLES.glob("*.txt"))


def _copy_corpus(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for path in SAMPLE:
        shutil.copy(path, dest / path.name)
    return dest


def _graph_names(kg: Path) -> set[str]:
    ds = Dataset()
    ds.parse(kg / "kg.trig", format="trig")
    return {str(g.identifier) for g in ds.graphs() if len(g)}


@pytest.mark.slow
def test_build_writes_every_output(built_kg: Path) -> None:
    for name in ("kg.trig", "kg.ttl", "report.md", "report.json"):
        assert (built_kg / name).stat().st_size > 0, name
    assert (built_kg / "store").is_dir()
    names = _graph_names(built_kg)
    for path in SAMPLE:
        assert str(article_graph(path.stem)) in names
    for graph in (INFERRED_GRAPH, ONTOLOGY_GRAPH, REFERENCE_GRAPH):
        assert str(graph) in names
    report = json.loads((built_kg / "report.json").read_text())
    assert report["summary"]["articles"] == 3
    for item in report["articles"]:
        assert item["status"] in {"built", "cached"}
        assert sum(item["facts"].values()) > 0
        assert set(item["timings"]) >= {"extract", "map", "reason", "validate"}


@pytest.mark.slow
def test_rebuild_is_byte_identical(tmp_path: Path, pipeline: Pipeline, built_kg: Path) -> None:
    out = tmp_path / "again"
    build(BuildOptions(articles=ARTICLES, out=out, force=True), pipeline=pipeline)
    for name in ("kg.trig", "kg.ttl", "report.md"):
        assert (out / name).read_bytes() == (built_kg / name).read_bytes(), name


@pytest.mark.slow
def test_jobs_give_the_same_graph(tmp_path: Path, pipeline: Pipeline, built_kg: Path) -> None:
    out = tmp_path / "jobs"
    build(BuildOptions(articles=ARTICLES, out=out, jobs=2, force=True), pipeline=pipeline)
    assert (out / "kg.trig").read_bytes() == (built_kg / "kg.trig").read_bytes()


@pytest.mark.slow
def test_incremental_rebuild(tmp_path: Path, pipeline: Pipeline) -> None:
    articles = _copy_corpus(tmp_path / "articles")
    out = tmp_path / "kg"
    first = build(BuildOptions(articles=articles, out=out), pipeline=pipeline)
    assert {o.status for o in first.outcomes} == {"built"}

    second = build(BuildOptions(articles=articles, out=out), pipeline=pipeline)
    assert {o.status for o in second.outcomes} == {"cached"}

    touched = articles / SAMPLE[0].name
    touched.write_text(touched.read_text() + "\nRossi was happy.\n", encoding="utf-8")
    third = build(BuildOptions(articles=articles, out=out), pipeline=pipeline)
    statuses = {o.stem: o.status for o in third.outcomes}
    assert statuses[SAMPLE[0].stem] == "built"
    assert [s for k, s in statuses.items() if k != SAMPLE[0].stem] == ["cached", "cached"]

    (articles / SAMPLE[1].name).unlink()
    fourth = build(BuildOptions(articles=articles, out=out), pipeline=pipeline)
    assert SAMPLE[1].stem not in {o.stem for o in fourth.outcomes}
    assert str(article_graph(SAMPLE[1].stem)) not in _graph_names(out)
    assert not (out / "cache" / f"{SAMPLE[1].stem}.json").exists()

    forced = build(BuildOptions(articles=articles, out=out, force=True), pipeline=pipeline)
    assert {o.status for o in forced.outcomes} == {"built"}


def _ground_quads(kg: Path) -> tuple[int, set[ox.Quad]]:
    """All quads of the store, and those without blank nodes (their ids differ per load)."""
    quads = list(ox.Store.read_only(str(kg / "store")))
    ground = {
        q for q in quads if not any(isinstance(t, ox.BlankNode) for t in (q.subject, q.object))
    }
    return len(quads), ground


@pytest.mark.slow
def test_incremental_outputs_equal_a_full_build(
    tmp_path: Path, pipeline: Pipeline, caplog: pytest.LogCaptureFixture
) -> None:
    """The store is patched, not reloaded, when some articles change: it must not drift."""
    articles = _copy_corpus(tmp_path / "articles")
    out = tmp_path / "kg"
    build(BuildOptions(articles=articles, out=out), pipeline=pipeline)
    state = (out / ".state.json").read_text()
    touched = articles / SAMPLE[0].name
    touched.write_text(
        touched.read_text() + "\nKevin Estre won the race at Spa on Sunday for Porsche.\n",
        encoding="utf-8",
    )
    (articles / SAMPLE[2].name).unlink()
    with caplog.at_level(logging.INFO, logger="racegraph.assemble"):
        build(BuildOptions(articles=articles, out=out), pipeline=pipeline)
    assert "store patched: 2 article graph(s)" in caplog.text
    assert (out / ".state.json").read_text() != state
    full = tmp_path / "full"
    build(BuildOptions(articles=articles, out=full), pipeline=pipeline)
    for name in ("kg.trig", "kg.ttl", ".state.json"):
        assert (out / name).read_bytes() == (full / name).read_bytes(), name
    assert _ground_quads(out) == _ground_quads(full)


BAD_INPUTS: dict[str, bytes] = {
    "empty.txt": b"",
    "no_date.txt": b"Valentino Rossi won the race at Misano on Sunday with WRT.\n",
    "bad_date.txt": b" date 2023-13-45 Rossi won the race.\n",
    "latin1.txt": " date 2023-07-17 Niklas Krütten won.".encode("latin-1"),
    "binary.txt": b" date 2023-07-17 \x00\x01\x02\x03 binary",
    "markup.txt": b" date 2023-07-17 <html><body><p>Rossi won the race.</p></body></html>",
    "german.txt": (
        " date 2023-07-17 Valentino Rossi gewinnt das Rennen in Misano. Der Italiener "
        "fuhr mit seinem Teamkollegen Maxime Martin einen souveränen Sieg nach Hause. "
        "Nach dem Start aus der dritten Reihe übernahm er früh die Führung und gab sie "
        "bis zum Ziel nicht mehr ab."
    ).encode(),
}


@pytest.mark.slow
def test_bad_input_is_reported_and_the_rest_builds(tmp_path: Path, pipeline: Pipeline) -> None:
    articles = _copy_corpus(tmp_path / "articles")
    for name, content in BAD_INPUTS.items():
        (articles / name).write_bytes(content)
    (articles / "huge.txt").write_bytes(b" date 2023-07-17 " + b"word " * 1_100_000)
    shutil.copy(SAMPLE[0], articles / "zz_duplicate.txt")
    out = tmp_path / "kg"
    result = build(BuildOptions(articles=articles, out=out), pipeline=pipeline)
    by_name = {o.file_name: o for o in result.outcomes}
    skipped = {n for n, o in by_name.items() if o.status == "skipped"}
    assert skipped == {*BAD_INPUTS, "huge.txt", "zz_duplicate.txt"}
    for name in skipped:
        assert name in by_name[name].message
    assert "date" in by_name["no_date.txt"].message
    assert "UTF-8" in by_name["latin1.txt"].message
    assert "HTML" in by_name["markup.txt"].message
    assert "English" in by_name["german.txt"].message
    assert "5 MB" in by_name["huge.txt"].message
    assert SAMPLE[0].name in by_name["zz_duplicate.txt"].message
    assert {by_name[p.name].status for p in SAMPLE} == {"built"}
    assert result.exit_code == 1
    names = _graph_names(out)
    assert all(str(article_graph(p.stem)) in names for p in SAMPLE)


@pytest.mark.slow
def test_cli_build_exit_codes_and_messages(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    shutil.copy(SAMPLE[2], articles / SAMPLE[2].name)
    (articles / "empty.txt").write_bytes(b"")
    runner = CliRunner()
    result = runner.invoke(
        cli, ["build", "--articles", str(articles), "--out", str(tmp_path / "kg"), "--quiet"]
    )
    assert result.exit_code == 1, result.output
    assert "empty.txt" in result.stderr
    usage = runner.invoke(cli, ["build", "--jobs", "0"])
    assert usage.exit_code == 2
    missing = runner.invoke(cli, ["build", "--articles", str(tmp_path / "nope"), "--quiet"])
    assert missing.exit_code == 2
    assert "no such folder" in missing.stderr


@pytest.mark.slow
def test_violating_facts_are_quarantined(tmp_path: Path) -> None:
    """An extra shape that the samples violate sends the offending nodes to quarantine/."""
    onto = tmp_path / "ontology"
    shutil.copytree(ROOT / "ontology", onto)
    extra = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix rg: <https://w3id.org/racegraph/ontology#> .
<urn:test:NationalityRequired> a sh:NodeShape ;
    sh:targetClass rg:Driver ;
    sh:property [ sh:path rg:nationality ; sh:minCount 1 ;
                  sh:message "test: every driver needs a nationality" ] .
"""
    with (onto / "shapes.ttl").open("a", encoding="utf-8") as handle:
        handle.write(extra)
    pipe = Pipeline.load(ontology_dir=onto)
    out = tmp_path / "kg"
    result = build(BuildOptions(articles=ARTICLES, out=out, ontology_dir=onto), pipeline=pipe)
    quarantined = [o for o in result.outcomes if o.status == "quarantined"]
    assert quarantined, "the 002 article names drivers without nationality"
    assert result.exit_code == 1
    for outcome in quarantined:
        text = (out / "quarantine" / f"{outcome.stem}.ttl").read_text()
        assert "every driver needs a nationality" in text
        assert "sh:ValidationReport" in text or "ValidationReport" in text
        assert outcome.quarantined_triples > 0
        assert outcome.triples > 0, "the article's other facts stay in"
