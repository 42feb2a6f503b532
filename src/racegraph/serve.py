"""Serve the built knowledge graph read-only over SPARQL with the Oxigraph server.

The graph is bulk-loaded from ``KG/kg.trig`` into a private temporary Oxigraph directory
(``oxigraph load``), then served with ``oxigraph serve-read-only``: the build folder is never
opened by the server, so rebuilding while serving is safe. Oxigraph serves a YASGUI page at
``/`` and the SPARQL endpoint at ``/query``.
"""

from __future__ import annotations

import logging
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import requests

from racegraph.errors import StoreError, UsageError

__all__ = ["RunningServer", "oxigraph_binary", "serve_kg"]

log = logging.getLogger(__name__)

_INSTALL = "install it with `pip install oxigraph==0.5.13` (the Oxigraph server binary)"


def oxigraph_binary() -> str:
    """Path of the ``oxigraph`` server binary: next to the running Python, else on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file():
        return str(beside)
    found = shutil.which("oxigraph")
    if found is None:
        raise StoreError(f"the Oxigraph server is not installed: {_INSTALL}")
    return found


@dataclass(frozen=True, slots=True)
class RunningServer:
    """URLs of a running read-only server."""

    host: str
    port: int
    pid: int

    @property
    def base_url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def yasgui_url(self) -> str:
        return self.base_url + "/"

    @property
    def query_url(self) -> str:
        return self.base_url + "/query"


def _check_port_free(host: str, port: int) -> None:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError as exc:
            raise UsageError(
                f"cannot listen on {host}:{port} ({exc.strerror}); pass --port"
            ) from None


def _wait_ready(url: str, proc: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise StoreError(f"the Oxigraph server exited with code {proc.returncode}")
        try:
            requests.get(url, timeout=1.0)
            return
        except requests.RequestException:
            time.sleep(0.1)
    raise StoreError(f"the Oxigraph server did not answer at {url} within {timeout:g}s")


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is not None:
        return
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)


@contextmanager
def serve_kg(
    kg: Path,
    *,
    host: str = "127.0.0.1",
    port: int = 7878,
    union_default_graph: bool = True,
    startup_timeout: float = 60.0,
) -> Iterator[RunningServer]:
    """Run a read-only Oxigraph server over ``kg/kg.trig`` for the ``with`` block.

    The default graph is the union of the named graphs (``union_default_graph``) so ad-hoc
    queries in YASGUI see everything; saved queries use ``GRAPH`` patterns and give the same
    rows either way. The server and its temporary data are removed on exit.
    """
    trig = kg / "kg.trig"
    if not trig.is_file():
        raise StoreError(f"no knowledge graph in {kg}/ (missing {trig}); run `racegraph build`")
    binary = oxigraph_binary()
    _check_port_free(host, port)
    with tempfile.TemporaryDirectory(prefix="racegraph-serve-") as tmp:
        location = Path(tmp) / "store"
        log.info("loading %s into %s", trig, location)
        loaded = subprocess.run(
            [binary, "load", "--location", str(location), "--file", str(trig)],
            capture_output=True,
            text=True,
            check=False,
        )
        if loaded.returncode != 0:
            raise StoreError(f"oxigraph load failed on {trig}: {loaded.stderr.strip()[-500:]}")
        command = [binary, "serve-read-only", "--location", str(location),
                   "--bind", f"{host}:{port}"]  # fmt: skip
        if union_default_graph:
            command.append("--union-default-graph")
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            server = RunningServer(host=host, port=port, pid=proc.pid)
            _wait_ready(server.query_url + "?query=ASK%7B%7D", proc, startup_timeout)
            yield server
        finally:
            _stop(proc)
            if proc.stderr is not None:
                proc.stderr.close()


def wait_until_stopped(server: RunningServer, poll: float = 0.5) -> None:
    """Block until the server process at ``server.pid`` is gone (or KeyboardInterrupt)."""
    while True:
        try:
            with open(f"/proc/{server.pid}/stat") as stat:
                if stat.read().split()[2] == "Z":
                    return
        except FileNotFoundError:
            return
        time.sleep(poll)
