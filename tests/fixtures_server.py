"""Real SPARQL servers as subprocess fixtures: Oxigraph (PyPI ``oxigraph``) and Virtuoso.

``oxigraph_server`` (session scope) starts ``oxigraph serve`` on a free loopback port in a
temporary directory and stops it at teardown. Tests may ``stop()``, ``start()`` or
``restart()`` it (same port, same data directory) to simulate faults; call ``clear()`` to
empty it between tests.

``virtuoso_server`` (session scope) writes a ``virtuoso.ini`` binding free loopback ports,
starts ``virtuoso-t`` in the foreground and sets a new ``dba`` password. When Virtuoso is not
installed the fixture skips with a reason that says how to install it, except under CI
(env ``CI=true``), where it fails instead.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import requests

__all__ = [
    "SMALL_KG_TRIG",
    "OxigraphServer",
    "VirtuosoServer",
    "free_port",
    "oxigraph_binary",
    "oxigraph_server",
    "small_kg",
    "virtuoso_server",
]


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def oxigraph_binary() -> str | None:
    """The ``oxigraph`` server binary: next to the running Python first, then on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file():
        return str(beside)
    return shutil.which("oxigraph")


def _wait_http(url: str, proc: subprocess.Popen[bytes], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with code {proc.returncode} before answering {url}")
        try:
            requests.get(url, timeout=1.0)
            return
        except requests.RequestException:
            time.sleep(0.1)
    raise RuntimeError(f"server did not answer {url} within {timeout}s")


@dataclass
class OxigraphServer:
    """A running ``oxigraph serve`` process (read-write) on 127.0.0.1."""

    location: Path
    port: int
    binary: str
    log_path: Path
    _proc: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def query_url(self) -> str:
        return f"{self.base_url}/query"

    @property
    def update_url(self) -> str:
        return f"{self.base_url}/update"

    @property
    def gsp_url(self) -> str:
        return f"{self.base_url}/store"

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def start(self) -> None:
        """Start the server (no-op when already running) and wait until it answers."""
        if self.running:
            return
        log = self.log_path.open("ab")
        self._proc = subprocess.Popen(
            [
                self.binary,
                "serve",
                "--location",
                str(self.location),
                "--bind",
                f"127.0.0.1:{self.port}",
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        _wait_http(self.base_url + "/", self._proc)

    def stop(self, *, kill: bool = False) -> None:
        """Stop the server: SIGTERM (or SIGKILL with ``kill=True``), then wait."""
        proc, self._proc = self._proc, None
        if proc is None or proc.poll() is not None:
            return
        proc.send_signal(signal.SIGKILL if kill else signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=15)

    def restart(self) -> None:
        self.stop()
        self.start()

    def clear(self) -> None:
        """Remove every quad (default graph and named graphs)."""
        requests.post(self.update_url, data={"update": "CLEAR ALL"}, timeout=30).raise_for_status()

    def count(self, graph: str | None = None) -> int:
        """Number of triples in ``graph`` (all named graphs when None)."""
        where = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "GRAPH ?g { ?s ?p ?o }"
        resp = requests.post(
            self.query_url,
            data={"query": f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}"},
            headers={"Accept": "application/sparql-results+json"},
            timeout=60,
        )
        resp.raise_for_status()
        return int(resp.json()["results"]["bindings"][0]["n"]["value"])


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphServer]:
    """A read-write Oxigraph server on a free loopback port, for the whole session."""
    binary = oxigraph_binary()
    if binary is None:
        pytest.skip("the Oxigraph server is not installed: pip install oxigraph==0.5.13")
    root = tmp_path_factory.mktemp("oxigraph")
    server = OxigraphServer(
        location=root / "data", port=free_port(), binary=binary, log_path=root / "server.log"
    )
    server.start()
    try:
        yield server
    finally:
        server.stop()


SMALL_KG_TRIG = Path(__file__).parent / "data" / "kg" / "kg.trig"


@pytest.fixture(scope="session")
def small_kg(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A built-KG folder (``kg.trig`` + ``store/``) from the hand-written tests/data/kg/kg.trig:
    two article graphs plus the inferred, ontology and reference graphs (155 quads)."""
    from racegraph.store import write_store

    kg = tmp_path_factory.mktemp("small_kg")
    shutil.copy(SMALL_KG_TRIG, kg / "kg.trig")
    write_store(kg, kg / "kg.trig")
    return kg


# --- Virtuoso -----------------------------------------------------------------------------

VIRTUOSO_INSTALL = (
    "Virtuoso Open Source is not installed (virtuoso-t, isql-vt not on PATH): "
    "install it with `sudo apt-get install virtuoso-opensource` (Debian/Ubuntu), "
    "then rerun; .ci/run installs it in CI"
)

_VIRTUOSO_INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{isql_port}
LiteMode = 0
DisableUnixSocket = 1
DisableTcpSocket = 0
ServerThreads = 20
CheckpointInterval = 60
O_DIRECT = 0
CaseMode = 2
MaxStaticCursorRows = 5000
CheckpointAuditTrail = 0
AllowOSCalls = 0
SchedulerInterval = 10
DirsAllowed = ., {dir}, /usr/share/virtuoso-opensource-7/vad
ThreadCleanupInterval = 0
ThreadThreshold = 10
ResourcesCleanupInterval = 0
FreeTextBatchSize = 100000
SingleCPU = 0
VADInstallDir = /usr/share/virtuoso-opensource-7/vad/
PrefixResultNames = 0
RdfFreeTextRulesSize = 100
IndexTreeMaps = 64
MaxMemPoolSize = 200000000
PrefixResultNames = 0
MacSpotlight = 0
MaxQueryMem = 2G
VectorSize = 1000
MaxVectorSize = 1000000
AdjustVectorSize = 0
ThreadsPerQuery = 4
AsyncQueueMaxThreads = 10
NumberOfBuffers = 170000
MaxDirtyBuffers = 130000

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = /var/lib/virtuoso-opensource-7/vsp
MaxClientConnections = 10
DavRoot = DAV
EnabledDavVSP = 0
HTTPProxyEnabled = 0
TempASPXDir = 0
DefaultMailServer = localhost:25
MaxKeepAlives = 10
KeepAliveTimeout = 10
MaxCachedProxyConnections = 10
ProxyConnectionCacheTimeout = 15
HTTPThreadSize = 280000
HttpPrintWarningsInOutput = 0
Charset = UTF-8
MaintenancePage = atomic.html
EnabledGzipContent = 1

[AutoRepair]
BadParentLinks = 0

[Client]
SQL_PREFETCH_ROWS = 100
SQL_PREFETCH_BYTES = 16000
SQL_QUERY_TIMEOUT = 0
SQL_TXN_TIMEOUT = 0

[VDB]
ArrayOptimization = 0
NumArrayParameters = 10
VDBDisconnectTimeout = 1000
KeepConnectionOnFixedThread = 0

[Replication]
ServerName = racegraph-test
ServerEnable = 1
QueueMax = 50000

[Striping]
Segment1 = 100M, db-seg1-1.db, db-seg1-2.db

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryCostEstimationTime = 400
MaxQueryExecutionTime = 600
DefaultQuery = select distinct ?Concept where {{[] a ?Concept}} LIMIT 100
DeferInferenceRulesInit = 0
"""


def virtuoso_binaries() -> tuple[str, str] | None:
    """(virtuoso-t, isql-vt) when both are installed."""
    server = shutil.which("virtuoso-t")
    isql = shutil.which("isql-vt") or shutil.which("isql")
    if server is None or isql is None:
        return None
    return server, isql


@dataclass
class VirtuosoServer:
    """A running ``virtuoso-t`` on 127.0.0.1 with its own database directory."""

    directory: Path
    http_port: int
    isql_port: int
    server_binary: str
    isql_binary: str
    user: str = "dba"
    password: str = "dba"
    _proc: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def query_url(self) -> str:
        return f"{self.base_url}/sparql"

    @property
    def update_url(self) -> str:
        """SPARQL Update needs an authenticated endpoint on Virtuoso."""
        return f"{self.base_url}/sparql-auth"

    @property
    def gsp_url(self) -> str:
        return f"{self.base_url}/sparql-graph-crud-auth"

    @property
    def ini_path(self) -> Path:
        return self.directory / "virtuoso.ini"

    def isql(self, sql: str, *, password: str | None = None) -> str:
        """Run SQL through ``isql-vt`` as dba; returns its output."""
        result = subprocess.run(
            [
                self.isql_binary,
                f"127.0.0.1:{self.isql_port}",
                self.user,
                password or self.password,
                f"EXEC={sql}",
            ],
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        if result.returncode != 0 or "*** Error" in result.stdout + result.stderr:
            raise RuntimeError(f"isql failed: {result.stdout}\n{result.stderr}")
        return result.stdout

    def start(self) -> None:
        if self._proc is not None and self._proc.poll() is None:
            return
        self.ini_path.write_text(
            _VIRTUOSO_INI.format(
                dir=self.directory, isql_port=self.isql_port, http_port=self.http_port
            )
        )
        log = (self.directory / "stdout.log").open("ab")
        self._proc = subprocess.Popen(
            [self.server_binary, "+foreground", "+configfile", str(self.ini_path)],
            cwd=self.directory,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        _wait_http(self.base_url + "/sparql?query=ASK%7B%7D", self._proc, timeout=120)

    def stop(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None or proc.poll() is not None:
            return
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=30)

    def clear(self, prefix: str = "https://w3id.org/racegraph/") -> None:
        """Drop every graph whose IRI starts with ``prefix``."""
        resp = requests.post(
            self.query_url,
            data={"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"},
            headers={"Accept": "application/sparql-results+json"},
            timeout=120,
        )
        resp.raise_for_status()
        for row in resp.json()["results"]["bindings"]:
            graph = row["g"]["value"]
            if graph.startswith(prefix):
                self.isql(f"SPARQL CLEAR GRAPH <{graph}>")

    def count(self, graph: str | None = None) -> int:
        where = (
            f"GRAPH <{graph}> {{ ?s ?p ?o }}"
            if graph
            else 'GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), "https://w3id.org/racegraph/"))'
        )
        resp = requests.post(
            self.query_url,
            data={"query": f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}"},
            headers={"Accept": "application/sparql-results+json"},
            timeout=120,
        )
        resp.raise_for_status()
        return int(resp.json()["results"]["bindings"][0]["n"]["value"])


def _virtuoso_or_skip() -> tuple[str, str]:
    found = virtuoso_binaries()
    if found is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true but {VIRTUOSO_INSTALL}")
        pytest.skip(VIRTUOSO_INSTALL)
    return found


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[VirtuosoServer]:
    """Virtuoso Open Source on free loopback ports with a fresh database.

    The ``dba`` password is changed from the default; it is in ``server.password``.
    """
    server_binary, isql_binary = _virtuoso_or_skip()
    directory = tmp_path_factory.mktemp("virtuoso")
    http_port, isql_port = free_port(), free_port()
    server = VirtuosoServer(
        directory=directory,
        http_port=http_port,
        isql_port=isql_port,
        server_binary=server_binary,
        isql_binary=isql_binary,
    )
    server.start()
    try:
        new_password = "racegraph-test-secret"
        server.isql(f'SET PASSWORD dba "{new_password}";')
        server.password = new_password
        yield server
    finally:
        server.stop()
