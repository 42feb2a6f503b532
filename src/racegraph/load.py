"""Push the built knowledge graph into a remote triplestore, one named graph at a time.

Default protocol: SPARQL 1.1 Graph Store HTTP Protocol, one ``PUT`` per named graph (replace
semantics, so loading twice changes nothing). ``protocol="update"`` uses SPARQL 1.1 Update
through SPARQLWrapper instead (``DROP SILENT GRAPH`` + ``INSERT DATA`` in one request; a
large graph is written to a temporary graph in chunks and then ``MOVE``\\ d into place), so a
graph is never left half-written.

What was loaded (graph IRI -> content hash and triple count) is recorded in the manifest
graph :data:`racegraph.vocab.MANIFEST_GRAPH` in the store, so ``only_changed=True`` pushes only
graphs whose content changed and drops the graphs of deleted articles.

Each graph is dumped from the embedded store to a temporary N-Triples file and streamed to
the server from disk: memory stays flat whatever the graph size. Connection failures,
timeouts, HTTP 5xx and 429 are retried with bounded exponential backoff; 401/403/404/415 fail
at once with a hint. After loading, the triples of every graph are counted on the server and
compared with what was sent.

Credentials come from :func:`racegraph.endpoint.credentials_for` (``RACEGRAPH_USER`` /
``RACEGRAPH_PASSWORD`` or ``~/.netrc``) and are never logged.
"""

from __future__ import annotations

import hashlib
import io
import logging
import tempfile
import threading
import time
import urllib.error
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Literal, TypeVar
from urllib.parse import urlsplit

import pyoxigraph as ox
import requests
from requests.auth import AuthBase, HTTPBasicAuth, HTTPDigestAuth

from racegraph.endpoint import credentials_for
from racegraph.errors import EndpointAuthError, EndpointError, EndpointTimeout, UsageError
from racegraph.export import resolve_graph, store_quads, write_ntriples
from racegraph.store import open_store
from racegraph.vocab import MANIFEST_GRAPH, RG

__all__ = [
    "GraphResult",
    "LoadReport",
    "LoadTarget",
    "Protocol",
    "RetryPolicy",
    "load_kg",
    "server_counts",
]

log = logging.getLogger(__name__)

Protocol = Literal["gsp", "update"]
AuthScheme = Literal["auto", "basic", "digest"]
T = TypeVar("T")

_TURTLE = "text/turtle; charset=utf-8"
_RESULTS_JSON = "application/sparql-results+json"
_FAIL_FAST = {401, 403, 404, 405, 415}
_CHUNK_TRIPLES = 50_000
_COUNT_EACH_UP_TO = 16  # more graphs than this: one GROUP BY over the store
_TMP_GRAPH_PREFIX = "https://w3id.org/racegraph/graph/tmp/"


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Bounded exponential backoff: ``attempts`` tries, waiting ``base_delay * 2**n`` (at most
    ``max_delay``) between them; ``timeout`` is the per-request socket timeout in seconds."""

    attempts: int = 6
    base_delay: float = 0.5
    max_delay: float = 8.0
    timeout: float = 300.0

    def delay(self, attempt: int) -> float:
        """Seconds to wait after failed attempt number ``attempt`` (0-based).

        >>> [RetryPolicy().delay(n) for n in range(6)]
        [0.5, 1.0, 2.0, 4.0, 8.0, 8.0]
        """
        return float(min(self.max_delay, self.base_delay * 2**attempt))


@dataclass(frozen=True, slots=True)
class LoadTarget:
    """Where to load: the store's SPARQL query URL, its update URL (default: the query URL)
    and its Graph Store Protocol URL (required for ``protocol="gsp"``)."""

    query_url: str
    update_url: str | None = None
    gsp_url: str | None = None
    protocol: Protocol = "gsp"
    verify_tls: bool = True
    auth: AuthScheme = "auto"

    def __post_init__(self) -> None:
        for url in (self.query_url, self.update_url, self.gsp_url):
            if url is not None and urlsplit(url).scheme not in ("http", "https"):
                raise UsageError(f"not an http(s) URL: {_safe_url(url)}")
        if self.protocol == "gsp" and not self.gsp_url:
            raise UsageError(
                "the Graph Store Protocol needs --gsp-url (Oxigraph: http://HOST:7878/store, "
                "Virtuoso: http://HOST:8890/sparql-graph-crud-auth, Fuseki: "
                "http://HOST:3030/DATASET/data), or use --protocol update"
            )

    @property
    def effective_update_url(self) -> str:
        return self.update_url or self.query_url


@dataclass(frozen=True, slots=True)
class GraphResult:
    """One graph's outcome. ``status`` is ``loaded``, ``unchanged``, ``deleted``,
    ``would load``/``would delete`` (dry run), or ``MISMATCH`` when the server's count
    differs from ``triples``."""

    graph: str
    triples: int
    server_triples: int | None
    status: str

    @property
    def ok(self) -> bool:
        return self.status != "MISMATCH"


@dataclass(frozen=True, slots=True)
class LoadReport:
    results: tuple[GraphResult, ...]
    seconds: float
    triples_sent: int
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.results)

    @property
    def mismatches(self) -> tuple[GraphResult, ...]:
        return tuple(r for r in self.results if not r.ok)


ProgressCallback = Callable[[str, int], None]
"""Called as ``progress(graph_iri, triples)`` after each graph is pushed or skipped."""


@dataclass(frozen=True, slots=True)
class _Dumped:
    graph: str
    path: Path
    triples: int
    sha256: str


# --- HTTP ------------------------------------------------------------------------------------


def _safe_url(url: str) -> str:
    """``url`` without user:password or query string, for messages.

    >>> _safe_url("https://bob:secret@example.org:8890/sparql?x=1")
    'https://example.org:8890/sparql'
    """
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host += f":{parts.port}"
    return f"{parts.scheme}://{host}{parts.path}"


class _Client:
    """A requests session with auth, TLS settings and the retry policy."""

    def __init__(self, target: LoadTarget, retry: RetryPolicy) -> None:
        self.target = target
        self.retry = retry
        self.session = requests.Session()
        self.session.verify = target.verify_tls
        self.session.headers["User-Agent"] = "racegraph-load"
        self._auth: dict[str, AuthBase | None] = {}

    def close(self) -> None:
        self.session.close()

    def auth_for(self, url: str) -> AuthBase | None:
        parts = urlsplit(url)
        key = f"{parts.scheme}://{parts.netloc}{parts.path}"  # auth differs per path (Virtuoso)
        if key not in self._auth:
            creds = credentials_for(url)
            if creds is None:
                self._auth[key] = None
            elif self.target.auth == "basic":
                self._auth[key] = HTTPBasicAuth(*creds)
            elif self.target.auth == "digest":
                self._auth[key] = HTTPDigestAuth(*creds)
            else:
                self._auth[key] = self._probe(url, creds)
        return self._auth[key]

    def _probe(self, url: str, creds: tuple[str, str]) -> AuthBase:
        """Basic auth unless the server challenges for digest (Virtuoso does)."""
        try:
            response = self.session.head(url, timeout=30, allow_redirects=False)
        except requests.RequestException:
            return HTTPBasicAuth(*creds)
        challenge = response.headers.get("WWW-Authenticate", "").lower()
        if response.status_code == 401 and challenge.startswith("digest"):
            return HTTPDigestAuth(*creds)
        return HTTPBasicAuth(*creds)

    def request(
        self,
        method: str,
        url: str,
        *,
        what: str,
        params: dict[str, str] | None = None,
        body: Callable[[], IO[bytes] | bytes | dict[str, str]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> requests.Response:
        """Send with retries; ``body`` is called once per attempt (files are reopened)."""
        last: str = ""
        for attempt in range(self.retry.attempts):
            data = body() if body is not None else None
            try:
                response = self.session.request(
                    method,
                    url,
                    params=params,
                    data=data,
                    headers=headers,
                    auth=self.auth_for(url),
                    timeout=(min(30.0, self.retry.timeout), self.retry.timeout),
                )
            except requests.exceptions.SSLError as exc:
                raise EndpointError(
                    f"{what}: TLS verification failed for {_safe_url(url)} ({type(exc).__name__}); "
                    "fix the certificate or pass --insecure"
                ) from None
            except requests.Timeout:
                last = f"no answer within {self.retry.timeout:g}s"
            except requests.ConnectionError:
                last = "connection failed"
            else:
                if response.status_code < 300:
                    return response
                if response.status_code in _FAIL_FAST:
                    raise _fail_fast(response, url, what, self.target)
                if response.status_code < 500 and response.status_code != 429:
                    raise EndpointError(
                        f"{what}: HTTP {response.status_code} from {_safe_url(url)}: "
                        f"{_snippet(response.text)}"
                    )
                last = f"HTTP {response.status_code}"
                retry_after = response.headers.get("Retry-After", "")
                if response.status_code == 429 and retry_after.isdigit():
                    time.sleep(min(float(retry_after), self.retry.max_delay))
                    continue
            finally:
                if data is not None and not isinstance(data, (bytes, dict)):
                    data.close()
            if attempt + 1 < self.retry.attempts:
                wait = self.retry.delay(attempt)
                log.warning("%s: %s; retrying in %.1fs", what, last, wait)
                time.sleep(wait)
        error = EndpointTimeout if last.startswith("no answer") else EndpointError
        raise error(
            f"{what}: {last} at {_safe_url(url)} after {self.retry.attempts} attempts; "
            "graphs loaded before this one stay loaded, rerun to resume"
        )


def _fail_fast(
    response: requests.Response, url: str, what: str, target: LoadTarget
) -> EndpointError:
    code = response.status_code
    where = _safe_url(url)
    host = urlsplit(url).hostname
    if code == 401:
        return EndpointAuthError(
            f"{what}: HTTP 401 from {where}: check RACEGRAPH_USER/RACEGRAPH_PASSWORD or the "
            f"~/.netrc entry for {host} (and --auth basic|digest)"
        )
    if code == 403:
        return EndpointAuthError(
            f"{what}: HTTP 403 from {where}: the user may not write there (Virtuoso: grant "
            "SPARQL_UPDATE; Fuseki: check the dataset's access rules; Oxigraph: not read-only?)"
        )
    if code == 404:
        return EndpointError(
            f"{what}: HTTP 404 from {where}: nothing there; check --endpoint, --update-url and "
            "--gsp-url (Oxigraph: /query, /update, /store; Virtuoso: /sparql, "
            "/sparql-graph-crud-auth; Fuseki: /DATASET/sparql, /DATASET/update, /DATASET/data)"
        )
    if code == 405:
        return EndpointError(
            f"{what}: HTTP 405 from {where}: the URL does not accept {response.request.method}; "
            "is the store read-only, or is this the query URL rather than the update/GSP URL?"
        )
    return EndpointError(
        f"{what}: HTTP 415 from {where}: the store does not accept {_TURTLE.split(';')[0]} "
        f"there; check that --gsp-url is a Graph Store Protocol URL "
        f"(protocol {target.protocol}), or try --protocol update"
    )


def _snippet(text: str) -> str:
    return " ".join(text.split())[:300]


# --- SPARQL over HTTP ------------------------------------------------------------------------


def _select(client: _Client, query: str, *, what: str) -> list[dict[str, str]]:
    response = client.request(
        "POST",
        client.target.query_url,
        what=what,
        body=lambda: {"query": query},
        headers={"Accept": _RESULTS_JSON},
    )
    try:
        bindings = response.json()["results"]["bindings"]
    except (ValueError, KeyError, TypeError) as exc:
        raise EndpointError(
            f"{what}: {_safe_url(client.target.query_url)} did not answer with SPARQL JSON "
            f"results ({type(exc).__name__}); is --endpoint the query URL?"
        ) from None
    return [{k: v["value"] for k, v in row.items()} for row in bindings]


def server_counts(
    client_or_target: LoadTarget, graphs: Sequence[str], *, retry: RetryPolicy | None = None
) -> dict[str, int]:
    """Triples per graph on the server (graphs that are absent or empty are left out)."""
    client = _Client(client_or_target, retry or RetryPolicy())
    try:
        return _server_counts(client, graphs)
    finally:
        client.close()


def _server_counts(client: _Client, graphs: Sequence[str]) -> dict[str, int]:
    """Few graphs: one ``COUNT`` per graph, each on a constant graph IRI. Many graphs: one
    ``GROUP BY ?g`` over the whole store, then one ``COUNT`` for each wanted graph the answer
    lacks (empty or deleted graphs, or a result-row cap on the server).

    Not ``VALUES ?g { … } GRAPH ?g { … }``: Virtuoso 7.2 sometimes plans that join as one scan
    of every graph per listed graph (136 s and 55 CPU-seconds for 200 graphs of 1,000
    triples, against 0.03 s for the ``GROUP BY`` over the whole store).
    """
    wanted = sorted(set(graphs))
    counts: dict[str, int] = {}
    if len(wanted) > _COUNT_EACH_UP_TO:
        rows = _select(
            client,
            "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
            what="counting triples on the server",
        )
        keep = set(wanted)
        counts = {row["g"]: int(row["n"]) for row in rows if row.get("g") in keep}
    for graph in wanted:
        if graph in counts:
            continue
        rows = _select(
            client,
            f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}",
            what=f"counting triples of <{graph}> on the server",
        )
        n = int(rows[0].get("n", "0")) if rows else 0
        if n:
            counts[graph] = n
    return counts


def _read_manifest(client: _Client) -> dict[str, tuple[str, int]]:
    rows = _select(
        client,
        f"SELECT ?g ?h ?n WHERE {{ GRAPH <{MANIFEST_GRAPH}> {{ ?g <{RG.sha256}> ?h "
        f"OPTIONAL {{ ?g <{RG.count}> ?n }} }} }}",
        what="reading the load manifest",
    )
    return {row["g"]: (row["h"], int(row.get("n", "0"))) for row in rows}


def _manifest_turtle(manifest: dict[str, tuple[str, int]]) -> bytes:
    lines = [
        f'<{g}> <{RG.sha256}> "{h}" .\n<{g}> <{RG.count}> '
        f'"{n}"^^<http://www.w3.org/2001/XMLSchema#integer> .\n'
        for g, (h, n) in sorted(manifest.items())
    ]
    return "".join(lines).encode()


# --- writing graphs ---------------------------------------------------------------------------


def _gsp_params(target: LoadTarget, graph: str) -> dict[str, str]:
    gsp = target.gsp_url or ""
    # Virtuoso's SPARQL graph CRUD endpoint names the parameter graph-uri
    return {"graph-uri" if "sparql-graph-crud" in gsp else "graph": graph}


def _put_graph(
    client: _Client, graph: str, body: Callable[[], IO[bytes] | bytes], *, what: str = ""
) -> None:
    target = client.target
    assert target.gsp_url is not None
    client.request(
        "PUT",
        target.gsp_url,
        what=what or f"loading graph <{graph}>",
        params=_gsp_params(target, graph),
        body=body,
        headers={"Content-Type": _TURTLE},
    )


def _delete_graph(client: _Client, graph: str) -> None:
    target = client.target
    if target.protocol == "update":
        _update(client, f"DROP SILENT GRAPH <{graph}>", what=f"deleting graph <{graph}>")
        return
    assert target.gsp_url is not None
    try:
        client.request(
            "DELETE",
            target.gsp_url,
            what=f"deleting graph <{graph}>",
            params=_gsp_params(target, graph),
        )
    except EndpointError as exc:
        if "HTTP 404" not in str(exc):
            raise
        log.info("graph <%s> was already gone", graph)


def _update(client: _Client, text: str, *, what: str) -> None:
    """One SPARQL Update request through SPARQLWrapper, with the client's retry policy."""
    from SPARQLWrapper import BASIC, DIGEST, POST, POSTDIRECTLY, SPARQLWrapper

    url = client.target.effective_update_url
    creds = credentials_for(url)
    last = ""
    for attempt in range(client.retry.attempts):
        sw = SPARQLWrapper(url, updateEndpoint=url)
        sw.setMethod(POST)
        sw.setRequestMethod(POSTDIRECTLY)
        sw.setTimeout(max(1, round(client.retry.timeout)))
        if creds is not None:
            sw.setHTTPAuth(DIGEST if client.target.auth == "digest" else BASIC)
            sw.setCredentials(*creds)
        sw.setQuery(text)
        try:
            sw.query().response.read()
            return
        except urllib.error.HTTPError as exc:
            if exc.code in _FAIL_FAST:
                raise _update_fail_fast(exc.code, url, what, client.target) from None
            if exc.code < 500 and exc.code != 429:
                raise EndpointError(
                    f"{what}: HTTP {exc.code} from {_safe_url(url)}: {_snippet(str(exc))}"
                ) from None
            last = f"HTTP {exc.code}"
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError) as exc:
            last = f"connection failed ({type(exc).__name__})"
        except Exception as exc:  # SPARQLWrapper wraps HTTP errors in its own exceptions
            code = _sparqlwrapper_code(exc)
            if code in _FAIL_FAST:
                raise _update_fail_fast(code, url, what, client.target) from None
            if code is not None and code < 500:
                raise EndpointError(
                    f"{what}: HTTP {code} from {_safe_url(url)}: {_snippet(str(exc))}"
                ) from None
            last = f"HTTP {code or 500}"
        if attempt + 1 < client.retry.attempts:
            wait = client.retry.delay(attempt)
            log.warning("%s: %s; retrying in %.1fs", what, last, wait)
            time.sleep(wait)
    raise EndpointError(
        f"{what}: {last} at {_safe_url(url)} after {client.retry.attempts} attempts; "
        "graphs loaded before this one stay loaded, rerun to resume"
    )


def _sparqlwrapper_code(exc: Exception) -> int | None:
    from SPARQLWrapper.SPARQLExceptions import (
        EndPointInternalError,
        EndPointNotFound,
        QueryBadFormed,
        Unauthorized,
    )

    mapping: dict[type[Exception], int] = {
        Unauthorized: 401,
        EndPointNotFound: 404,
        QueryBadFormed: 400,
        EndPointInternalError: 500,
    }
    for kind, code in mapping.items():
        if isinstance(exc, kind):
            return code
    raise exc


def _update_fail_fast(code: int, url: str, what: str, target: LoadTarget) -> EndpointError:
    fake = requests.Response()
    fake.status_code = code
    fake.request = requests.Request("POST", url).prepare()
    return _fail_fast(fake, url, what, target)


def _nt_chunks(path: Path, size: int) -> Iterator[str]:
    with path.open("r", encoding="utf-8") as handle:
        chunk: list[str] = []
        for line in handle:
            chunk.append(line)
            if len(chunk) >= size:
                yield "".join(chunk)
                chunk = []
        if chunk:
            yield "".join(chunk)


def _insert(graph: str, ntriples: str) -> str:
    """``INSERT DATA``, or ``INSERT … WHERE {}`` when there are blank nodes (Virtuoso refuses
    blank nodes in ``INSERT DATA``)."""
    if "_:" in ntriples:
        return f"INSERT {{ GRAPH <{graph}> {{\n{ntriples}}} }} WHERE {{}}"
    return f"INSERT DATA {{ GRAPH <{graph}> {{\n{ntriples}}} }}"


def _update_graph(client: _Client, dumped: _Dumped) -> None:
    graph = dumped.graph
    if dumped.triples <= _CHUNK_TRIPLES:
        data = dumped.path.read_text(encoding="utf-8")
        _update(
            client,
            f"DROP SILENT GRAPH <{graph}> ;\n{_insert(graph, data)}",
            what=f"loading graph <{graph}>",
        )
        return
    tmp = f"{_TMP_GRAPH_PREFIX}{dumped.sha256[:16]}"
    _update(client, f"DROP SILENT GRAPH <{tmp}>", what=f"loading graph <{graph}>")
    for chunk in _nt_chunks(dumped.path, _CHUNK_TRIPLES):
        _update(
            client,
            _insert(tmp, chunk),
            what=f"loading graph <{graph}> (into <{tmp}>)",
        )
    _update(client, f"MOVE SILENT GRAPH <{tmp}> TO GRAPH <{graph}>", what=f"loading <{graph}>")


# --- local graphs ----------------------------------------------------------------------------


def _dump(store: ox.Store, graph: str, path: Path) -> _Dumped:
    store.dump(str(path), ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(graph))
    digest = hashlib.sha256()
    lines = 0
    blank_nodes = False
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
            lines += block.count(b"\n")
            blank_nodes = blank_nodes or b"_:" in block
    if blank_nodes:
        # the store relabels blank nodes on every load: hash a canonical form instead
        canonical = io.StringIO()
        write_ntriples(
            ((s, p, o) for s, p, o, _ in store_quads(store, [ox.NamedNode(graph)])), canonical
        )
        digest = hashlib.sha256(canonical.getvalue().encode())
    return _Dumped(graph=graph, path=path, triples=lines, sha256=digest.hexdigest())


def _opener(path: Path) -> Callable[[], IO[bytes]]:
    return lambda: path.open("rb")


def _local_graphs(store: ox.Store, selected: Sequence[str]) -> list[str]:
    present = sorted(
        g.value
        for g in store.named_graphs()
        if isinstance(g, ox.NamedNode) and g.value != str(MANIFEST_GRAPH)
    )
    if not selected:
        return present
    wanted = sorted({str(resolve_graph(name)) for name in selected})
    missing = [w for w in wanted if w not in present]
    if missing:
        raise UsageError("no such graph in the built KG: " + ", ".join(missing))
    return wanted


@contextmanager
def _client(target: LoadTarget, retry: RetryPolicy) -> Iterator[_Client]:
    client = _Client(target, retry)
    try:
        yield client
    finally:
        client.close()


@dataclass
class _ManifestWriter:
    """The manifest, rewritten (one ``PUT``) every ``interval`` seconds during a load so an
    interrupted load resumes with ``--only-changed``, and once at the end.

    Each rewrite sends the whole manifest (two triples per graph), so the wait after a
    rewrite grows with what it cost: at least ``cost_factor`` times its duration. That keeps
    the rewrites under about 5 % of the load time when there are thousands of graphs.
    """

    client: _Client
    entries: dict[str, tuple[str, int]]
    interval: float = 2.0
    cost_factor: float = 20.0
    _last: float = field(default=0.0)
    _wait: float = field(default=0.0)
    dirty: bool = False

    def set(self, graph: str, sha: str, triples: int) -> None:
        self.entries[graph] = (sha, triples)
        self.dirty = True
        if time.monotonic() - self._last > max(self.interval, self._wait):
            try:  # periodic and best effort: a graph's own failure is the error to report
                self.flush()
            except EndpointError as exc:
                log.warning("could not save the load manifest yet: %s", exc)
                self._last = time.monotonic()

    def drop(self, graph: str) -> None:
        self.entries.pop(graph, None)
        self.dirty = True

    def flush(self) -> None:
        if not self.dirty:
            return
        started = time.monotonic()
        body = _manifest_turtle(self.entries)
        graph = str(MANIFEST_GRAPH)
        if self.client.target.protocol == "gsp":
            _put_graph(self.client, graph, lambda: body, what="writing the load manifest")
        else:
            _update(
                self.client,
                f"DROP SILENT GRAPH <{graph}> ;\n"
                f"INSERT DATA {{ GRAPH <{graph}> {{\n{body.decode()}}} }}",
                what="writing the load manifest",
            )
        self._last = time.monotonic()
        self._wait = self.cost_factor * (self._last - started)
        self.dirty = False


def load_kg(
    kg: Path,
    target: LoadTarget,
    *,
    graphs: Sequence[str] = (),
    only_changed: bool = False,
    dry_run: bool = False,
    retry: RetryPolicy | None = None,
    progress: ProgressCallback | None = None,
    jobs: int = 4,
) -> LoadReport:
    """Load the built knowledge graph in ``kg`` into ``target``; returns what happened.

    Every named graph of the build (article graphs, inferred, ontology, reference) is pushed
    as its own named graph, or only ``graphs`` (article stems, ``inferred``, … or IRIs).
    With ``only_changed`` graphs whose hash matches the store's manifest are skipped. Without
    a ``graphs`` selection, graphs listed in the manifest that the build no longer has are
    deleted. Up to ``jobs`` graphs are dumped and sent at once. Raises
    :class:`~racegraph.errors.EndpointError` naming the graph that failed; graphs loaded
    before it stay loaded.
    """
    if jobs < 1:
        raise UsageError("--jobs must be at least 1")
    retry = retry or RetryPolicy()
    started = time.monotonic()
    store = open_store(kg)
    names = _local_graphs(store, graphs)
    results: list[GraphResult] = []
    sent = 0
    sent_counts: dict[str, int] = {}
    with (
        _client(target, retry) as client,
        tempfile.TemporaryDirectory(prefix="racegraph-load-") as tmp,
    ):
        remote = _read_manifest(client) if only_changed or not graphs else {}
        # entries of graphs this run does not touch are kept
        manifest = _ManifestWriter(client, dict(remote))
        local = threading.local()
        extra_clients: list[_Client] = []
        lock = threading.Lock()

        def worker_client() -> _Client:
            mine: _Client | None = getattr(local, "client", None)
            if mine is None:
                mine = _Client(target, retry)
                local.client = mine
                with lock:
                    extra_clients.append(mine)
            return mine

        def push(index: int, name: str) -> tuple[_Dumped, str]:
            dumped = _dump(store, name, Path(tmp) / f"{index}.nt")
            try:
                if only_changed and remote.get(name, ("", 0))[0] == dumped.sha256:
                    return dumped, "unchanged"
                if dry_run:
                    return dumped, "would load"
                log.info("loading <%s> (%d triples)", name, dumped.triples)
                if target.protocol == "gsp":
                    _put_graph(worker_client(), name, _opener(dumped.path))
                else:
                    _update_graph(worker_client(), dumped)
                return dumped, "loaded"
            finally:
                dumped.path.unlink(missing_ok=True)

        failure: BaseException | None = None
        try:
            with ThreadPoolExecutor(max_workers=jobs, thread_name_prefix="racegraph-load") as pool:
                pending: deque[Future[tuple[_Dumped, str]]] = deque()
                todo = iter(enumerate(names))
                while True:
                    while failure is None and len(pending) < 2 * jobs:
                        item = next(todo, None)
                        if item is None:
                            break
                        pending.append(pool.submit(push, *item))
                    if not pending:
                        break
                    future = pending.popleft()
                    try:
                        dumped, status = future.result()
                    except Exception as exc:  # first failure wins; in-flight graphs finish
                        failure = failure or exc
                        continue
                    if status == "loaded":
                        sent += dumped.triples
                    if not dry_run:
                        manifest.set(dumped.graph, dumped.sha256, dumped.triples)
                    sent_counts[dumped.graph] = dumped.triples
                    results.append(GraphResult(dumped.graph, dumped.triples, None, status))
                    if progress is not None:
                        progress(dumped.graph, dumped.triples)
        finally:
            for extra in extra_clients:
                extra.close()
        if failure is not None:
            raise failure
        stale = sorted(set(remote) - set(names)) if not graphs else []
        for name in stale:
            if dry_run:
                results.append(GraphResult(name, 0, None, "would delete"))
                continue
            _delete_graph(client, name)
            manifest.drop(name)
            sent_counts[name] = 0
            results.append(GraphResult(name, 0, None, "deleted"))
        if dry_run:
            return LoadReport(tuple(results), time.monotonic() - started, 0, dry_run=True)
        manifest.dirty = True
        manifest.flush()
        counts = _server_counts(client, sorted(sent_counts))
    verified = []
    for result in results:
        on_server = counts.get(result.graph, 0)
        status = result.status if on_server == result.triples else "MISMATCH"
        verified.append(GraphResult(result.graph, result.triples, on_server, status))
    return LoadReport(tuple(verified), time.monotonic() - started, sent)
