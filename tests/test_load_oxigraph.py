"""`racegraph load` against a real Oxigraph server (tests/fixtures_server.py)."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
import requests
from click.testing import CliRunner
from rdflib import Dataset, Literal, URIRef

from racegraph import load as load_module
from racegraph.cli import cli
from racegraph.errors import EndpointError
from racegraph.export import write_trig
from racegraph.load import LoadTarget, RetryPolicy, load_kg
from racegraph.store import write_store
from tests.fixtures_server import OxigraphServer

pytestmark = pytest.mark.slow

ARTICLE_0 = "https://w3id.org/racegraph/graph/article/000_rossi"
ARTICLE_1 = "https://w3id.org/racegraph/graph/article/001_wec"
MANIFEST = "https://w3id.org/racegraph/graph/manifest"


@pytest.fixture
def server(oxigraph_server: OxigraphServer) -> Iterator[OxigraphServer]:
    oxigraph_server.start()
    oxigraph_server.clear()
    yield oxigraph_server
    oxigraph_server.start()


def _args(server: OxigraphServer, kg: Path, *extra: str) -> list[str]:
    return [
        "load", "--kg", str(kg), "--endpoint", server.query_url,
        "--gsp-url", server.gsp_url, "--update-url", server.update_url, *extra,
    ]  # fmt: skip


def _graph_counts(server: OxigraphServer) -> dict[str, int]:
    resp = requests.post(
        server.query_url,
        data={"query": "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"},
        headers={"Accept": "application/sparql-results+json"},
        timeout=30,
    )
    resp.raise_for_status()
    return {b["g"]["value"]: int(b["n"]["value"]) for b in resp.json()["results"]["bindings"]}


def _copy_kg(small_kg: Path, target: Path) -> Path:
    shutil.copytree(small_kg, target)
    return target


def test_load_all_graphs_then_reload_is_idempotent(server: OxigraphServer, small_kg: Path) -> None:
    runner = CliRunner()
    first = runner.invoke(cli, _args(server, small_kg))
    assert first.exit_code == 0, first.output
    assert "5 graphs: 5 loaded" in first.stdout
    counts = _graph_counts(server)
    assert counts[ARTICLE_0] == 62
    assert sum(n for g, n in counts.items() if g != MANIFEST) == 155
    assert counts[MANIFEST] == 10  # sha256 + count per graph
    second = runner.invoke(cli, _args(server, small_kg))
    assert second.exit_code == 0, second.output
    assert _graph_counts(server) == counts


def test_only_changed_pushes_changes_and_deletes_removed_articles(
    server: OxigraphServer, small_kg: Path, tmp_path: Path
) -> None:
    runner = CliRunner()
    assert runner.invoke(cli, _args(server, small_kg)).exit_code == 0
    same = runner.invoke(cli, _args(server, small_kg, "--only-changed"))
    assert same.exit_code == 0, same.output
    assert "5 graphs: 5 unchanged; 0 triples sent" in same.stdout

    # next build: article 001 deleted, article 000 gained a triple
    kg = tmp_path / "kg2"
    kg.mkdir()
    ds = Dataset()
    ds.parse(small_kg / "kg.trig", format="trig")
    ds.remove_graph(ds.graph(URIRef(ARTICLE_1)))
    ds.graph(URIRef(ARTICLE_0)).add(
        (URIRef("urn:x:new"), URIRef("https://w3id.org/racegraph/ontology#year"), Literal(2025))
    )
    with (kg / "kg.trig").open("w", encoding="utf-8") as out:
        write_trig(ds, out)
    write_store(kg, kg / "kg.trig")

    dry = runner.invoke(cli, _args(server, kg, "--only-changed", "--dry-run"))
    assert dry.exit_code == 0, dry.output
    assert "would delete" in dry.stdout and "would load" in dry.stdout
    assert ARTICLE_1 in _graph_counts(server)

    changed = runner.invoke(cli, _args(server, kg, "--only-changed"))
    assert changed.exit_code == 0, changed.output
    assert "4 graphs" not in changed.stdout
    assert "1 deleted, 1 loaded, 3 unchanged; 63 triples sent" in changed.stdout
    counts = _graph_counts(server)
    assert ARTICLE_1 not in counts
    assert counts[ARTICLE_0] == 63
    assert counts[MANIFEST] == 8


def test_update_protocol_with_chunks(
    server: OxigraphServer, small_kg: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(load_module, "_CHUNK_TRIPLES", 20)  # article 000 goes via tmp + MOVE
    result = CliRunner().invoke(
        cli,
        [
            "load",
            "--kg",
            str(small_kg),
            "--endpoint",
            server.query_url,
            "--update-url",
            server.update_url,
            "--protocol",
            "update",
        ],
    )
    assert result.exit_code == 0, result.output
    counts = _graph_counts(server)
    assert counts[ARTICLE_0] == 62
    assert not [g for g in counts if "/graph/tmp/" in g]
    again = CliRunner().invoke(
        cli,
        [
            "load",
            "--kg",
            str(small_kg),
            "--endpoint",
            server.query_url,
            "--update-url",
            server.update_url,
            "--protocol",
            "update",
            "--only-changed",
        ],
    )
    assert "5 unchanged" in again.stdout


def test_count_mismatch_exits_non_zero(server: OxigraphServer, small_kg: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(cli, _args(server, small_kg)).exit_code == 0
    requests.post(
        server.update_url,
        data={"update": f"INSERT DATA {{ GRAPH <{ARTICLE_1}> {{ <urn:a> <urn:b> <urn:c> }} }}"},
        timeout=10,
    ).raise_for_status()
    result = runner.invoke(cli, _args(server, small_kg, "--only-changed"))
    assert result.exit_code == 1
    assert "MISMATCH" in result.stdout
    assert "1 graph(s) have a different triple count" in result.stderr


def test_fail_fast_on_404_and_hint(server: OxigraphServer, small_kg: Path) -> None:
    result = CliRunner().invoke(
        cli,
        [
            "load",
            "--kg",
            str(small_kg),
            "--endpoint",
            server.query_url,
            "--gsp-url",
            server.base_url + "/nope",
        ],
    )
    assert result.exit_code == 10
    assert "HTTP 404" in result.stderr and "--gsp-url" in result.stderr


def test_missing_gsp_url_is_a_usage_error(small_kg: Path) -> None:
    result = CliRunner().invoke(
        cli, ["load", "--kg", str(small_kg), "--endpoint", "http://127.0.0.1:9/query"]
    )
    assert result.exit_code == 2
    assert "--gsp-url" in result.stderr


def test_unreachable_names_the_graph_and_hides_credentials(
    small_kg: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RACEGRAPH_USER", "alice")
    monkeypatch.setenv("RACEGRAPH_PASSWORD", "s3cret-pw")
    from tests.fixtures_server import free_port

    port = free_port()
    target = LoadTarget(
        query_url=f"http://alice:s3cret-pw@127.0.0.1:{port}/query",
        gsp_url=f"http://127.0.0.1:{port}/store",
    )
    with pytest.raises(EndpointError) as info:
        load_kg(small_kg, target, retry=RetryPolicy(attempts=2, base_delay=0.01))
    message = str(info.value)
    assert "connection failed" in message and "after 2 attempts" in message
    assert "s3cret" not in message and "alice" not in message


def _many_graph_kg(folder: Path, graphs: int, triples: int) -> Path:
    folder.mkdir()
    quads = [
        (
            URIRef(f"https://w3id.org/racegraph/id/person/p{g}-{i}"),
            URIRef("https://w3id.org/racegraph/ontology#count"),
            Literal(i),
            URIRef(f"https://w3id.org/racegraph/graph/article/{g:03d}_synthetic"),
        )
        for g in range(graphs)
        for i in range(triples)
    ]
    with (folder / "kg.trig").open("w", encoding="utf-8") as out:
        write_trig(quads, out)
    write_store(folder, folder / "kg.trig")
    return folder


def test_server_killed_mid_load_resumes_with_nothing_lost_or_duplicated(
    server: OxigraphServer, tmp_path: Path
) -> None:
    kg = _many_graph_kg(tmp_path / "kg", graphs=30, triples=400)
    done: list[str] = []
    restarter: list[threading.Thread] = []

    def progress(graph: str, triples: int) -> None:
        done.append(graph)
        if len(done) == 5:  # kill -9 the store after 5 graphs; bring it back 1.5s later
            server.stop(kill=True)
            timer = threading.Timer(1.5, server.start)
            timer.start()
            restarter.append(timer)

    target = LoadTarget(query_url=server.query_url, gsp_url=server.gsp_url)
    report = load_kg(
        kg, target, retry=RetryPolicy(attempts=8, base_delay=0.25, max_delay=2.0),
        progress=progress,
    )  # fmt: skip
    for timer in restarter:
        timer.join()
    assert restarter, "the server was never killed"
    assert report.ok
    assert [r.status for r in report.results] == ["loaded"] * 30
    counts = _graph_counts(server)
    assert sum(n for g, n in counts.items() if g != MANIFEST) == 30 * 400
    assert all(counts[r.graph] == 400 for r in report.results)
    # and a rerun with --only-changed finds everything in place
    again = load_kg(kg, target, only_changed=True)
    assert {r.status for r in again.results} == {"unchanged"}
    assert again.ok


def test_server_down_too_long_fails_naming_graph_and_keeps_loaded_graphs(
    server: OxigraphServer, tmp_path: Path
) -> None:
    kg = _many_graph_kg(tmp_path / "kg", graphs=40, triples=10)
    done: list[str] = []

    def progress(graph: str, triples: int) -> None:
        done.append(graph)
        if len(done) == 3:
            server.stop()

    target = LoadTarget(query_url=server.query_url, gsp_url=server.gsp_url)
    with pytest.raises(EndpointError, match=r"loading graph <.*_synthetic>: connection failed"):
        load_kg(
            kg, target, retry=RetryPolicy(attempts=2, base_delay=0.05), progress=progress, jobs=2
        )
    server.start()
    counts = _graph_counts(server)
    assert len(done) >= 3
    assert [counts.get(g, 0) for g in done] == [10] * len(done)


def test_real_build_loads_and_verifies(server: OxigraphServer, built_kg: Path) -> None:
    result = CliRunner().invoke(cli, _args(server, built_kg))
    assert result.exit_code == 0, result.output
    counts = _graph_counts(server)
    local = ox.Store.read_only(str(built_kg / "store"))
    for graph in local.named_graphs():
        expected = sum(1 for _ in local.quads_for_pattern(None, None, None, graph))
        assert counts[graph.value] == expected, graph.value
    again = CliRunner().invoke(cli, _args(server, built_kg, "--only-changed"))
    assert again.exit_code == 0, again.output
    assert "loaded" not in again.stdout.rsplit("\n", 2)[-2]


def test_count_check_one_query_for_many_graphs_and_each_for_absent_ones(
    server: OxigraphServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kg = _many_graph_kg(tmp_path / "kg", graphs=20, triples=7)
    target = LoadTarget(query_url=server.query_url, gsp_url=server.gsp_url)
    report = load_kg(kg, target)
    assert report.ok and [r.server_triples for r in report.results] == [7] * 20
    graphs = [r.graph for r in report.results]
    absent = "https://w3id.org/racegraph/graph/article/999_absent"
    queries: list[str] = []
    original = load_module._select

    def spy(client: load_module._Client, query: str, *, what: str) -> list[dict[str, str]]:
        queries.append(query)
        return original(client, query, what=what)

    monkeypatch.setattr(load_module, "_select", spy)
    many = load_module.server_counts(target, [*graphs, absent])
    assert many == dict.fromkeys(graphs, 7)
    assert len(queries) == 2 and "GROUP BY ?g" in queries[0] and absent in queries[1]
    queries.clear()
    few = load_module.server_counts(target, [*graphs[:3], absent])
    assert few == dict.fromkeys(graphs[:3], 7)
    assert len(queries) == 4 and not any("GROUP BY" in q for q in queries)
