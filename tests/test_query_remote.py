"""The same saved queries give the same rows on a real Oxigraph server; endpoint errors map
to one-line errors with their own exit codes; credentials are sent but never shown."""

from __future__ import annotations

import base64
import http.server
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pyoxigraph as ox
import pytest
import requests
from hypothesis import HealthCheck, given, settings
from rdflib import Literal

from racegraph import queries as q
from racegraph.endpoint import Endpoint, credentials_for, run_query
from racegraph.errors import (
    EndpointAuthError,
    EndpointError,
    EndpointTimeout,
    ParameterError,
    QuerySyntaxError,
)
from racegraph.store import open_store
from tests.fixtures_server import OxigraphServer, free_port
from tests.test_query_safety import hostile_text

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def loaded(oxigraph_server: OxigraphServer, built_kg: Path) -> Iterator[OxigraphServer]:
    """The Oxigraph server holding exactly the built graph (kg.trig)."""
    oxigraph_server.clear()
    with (built_kg / "kg.trig").open("rb") as data:
        requests.post(
            oxigraph_server.gsp_url,
            data=data,
            headers={"Content-Type": "application/trig"},
            timeout=120,
        ).raise_for_status()
    yield oxigraph_server
    oxigraph_server.clear()


@pytest.fixture(scope="module")
def embedded(built_kg: Path) -> ox.Store:
    return open_store(built_kg)


def _param_sets(saved: q.SavedQuery) -> list[dict[str, str]]:
    sets = [dict(saved.example)]
    if all(not p.required for p in saved.params):
        sets.append({})
    return sets


@pytest.mark.parametrize("saved", q.list_queries(), ids=lambda s: s.name)
def test_same_rows_embedded_and_remote(
    loaded: OxigraphServer, embedded: ox.Store, saved: q.SavedQuery
) -> None:
    assert len(embedded) == loaded.count() + _default_graph_size(embedded)
    endpoint = Endpoint(loaded.query_url, timeout=60)
    for params in _param_sets(saved):
        try:
            local = q.run(saved, params, store=embedded)
        except ParameterError as exc:
            with pytest.raises(ParameterError, match=r"no entity|ambiguous"):
                q.run(saved, params, endpoint=endpoint)
            assert "no entity" in str(exc) or "ambiguous" in str(exc)
            continue
        remote = q.run(saved, params, endpoint=endpoint)
        assert remote.variables == local.variables == saved.columns
        assert sorted(map(repr, remote.rows)) == sorted(map(repr, local.rows)), params


def _default_graph_size(store: ox.Store) -> int:
    return sum(1 for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))


def test_entity_resolution_is_the_same_remotely(loaded: OxigraphServer, embedded: ox.Store) -> None:
    endpoint = Endpoint(loaded.query_url)
    for name in ("Valentino Rossi", "Rossi", "WRT", "FIA WEC", "LMGT3"):
        assert q.resolve_entity(name, endpoint=endpoint) == q.resolve_entity(name, store=embedded)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(value=hostile_text)
def test_hostile_values_come_back_unchanged_remotely(
    oxigraph_server: OxigraphServer, value: str
) -> None:
    endpoint = Endpoint(oxigraph_server.query_url, timeout=60)
    result = run_query(endpoint, q.bind_values("SELECT ?v WHERE { }", {"v": Literal(value)}))
    assert result.rows == ((Literal(value),),)


def test_ask_and_construct_remotely(loaded: OxigraphServer) -> None:
    endpoint = Endpoint(loaded.query_url)
    assert q.run_sparql("ASK { GRAPH ?g { ?s ?p ?o } }", endpoint=endpoint).boolean is True
    built = q.run_sparql(
        "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 5", endpoint=endpoint
    )
    assert len(built.rows) == 5


def test_bad_query_is_a_syntax_error(oxigraph_server: OxigraphServer) -> None:
    with pytest.raises(QuerySyntaxError):
        q.run_sparql("SELECT ?x WHERE { ?x }", endpoint=Endpoint(oxigraph_server.query_url))


def test_unreachable() -> None:
    with pytest.raises(EndpointError, match="unreachable"):
        q.run_sparql("ASK {}", endpoint=Endpoint(f"http://127.0.0.1:{free_port()}/sparql"))


@pytest.fixture
def silent_server() -> Iterator[str]:
    """Accepts connections and never answers."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}/sparql"
    finally:
        sock.close()


def test_timeout(silent_server: str) -> None:
    with pytest.raises(EndpointTimeout, match="no answer within 1s"):
        q.run_sparql("ASK {}", endpoint=Endpoint(silent_server, timeout=1))


class _AuthHandler(http.server.BaseHTTPRequestHandler):
    status = 401
    seen: ClassVar[list[str | None]] = []

    def do_POST(self) -> None:
        type(self).seen.append(self.headers.get("Authorization"))
        self.send_response(self.status)
        if self.status == 401:
            self.send_header("WWW-Authenticate", 'Basic realm="racegraph"')
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        return


@pytest.fixture(params=[401, 403])
def auth_server(request: pytest.FixtureRequest) -> Iterator[tuple[str, type[_AuthHandler]]]:
    handler = type("Handler", (_AuthHandler,), {"status": request.param, "seen": []})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/sparql", handler
    finally:
        server.shutdown()
        server.server_close()


def test_auth_errors_never_show_the_password(
    auth_server: tuple[str, type[_AuthHandler]], monkeypatch: pytest.MonkeyPatch
) -> None:
    url, handler = auth_server
    monkeypatch.setenv("RACEGRAPH_USER", "alice")
    monkeypatch.setenv("RACEGRAPH_PASSWORD", "s3cret-pw")
    with pytest.raises(EndpointAuthError) as info:
        q.run_sparql("ASK {}", endpoint=Endpoint(url, timeout=5))
    assert "s3cret" not in str(info.value) and "alice" not in str(info.value)
    assert str(info.value).count("\n") == 0
    expected = "Basic " + base64.b64encode(b"alice:s3cret-pw").decode()
    assert expected in handler.seen


def test_cli_auth_error_exit_code(
    auth_server: tuple[str, type[_AuthHandler]], monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from racegraph.cli import cli

    url, _ = auth_server
    monkeypatch.setenv("RACEGRAPH_USER", "alice")
    monkeypatch.setenv("RACEGRAPH_PASSWORD", "s3cret-pw")
    result = CliRunner().invoke(cli, ["sparql", "ASK {}", "--endpoint", url])
    assert result.exit_code == EndpointAuthError.exit_code
    assert "s3cret" not in result.output + result.stderr


def test_cli_timeout_exit_code(silent_server: str) -> None:
    from click.testing import CliRunner

    from racegraph.cli import cli

    result = CliRunner().invoke(
        cli, ["sparql", "ASK {}", "--endpoint", silent_server, "--timeout", "1"]
    )
    assert result.exit_code == EndpointTimeout.exit_code
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1


def test_credentials_from_netrc(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RACEGRAPH_USER", raising=False)
    monkeypatch.delenv("RACEGRAPH_PASSWORD", raising=False)
    netrc = tmp_path / "netrc"
    netrc.write_text("machine sparql.example.org login bob password hunter2\n")
    netrc.chmod(0o600)
    assert credentials_for("https://sparql.example.org/q", netrc_file=netrc) == ("bob", "hunter2")
    assert credentials_for("https://other.example.org/q", netrc_file=netrc) is None
    monkeypatch.setenv("RACEGRAPH_USER", "carol")
    monkeypatch.setenv("RACEGRAPH_PASSWORD", "pw")
    assert credentials_for("https://sparql.example.org/q", netrc_file=netrc) == ("carol", "pw")


def test_endpoint_url_is_checked() -> None:
    with pytest.raises(EndpointError, match="not an http"):
        Endpoint("file:///etc/passwd")
