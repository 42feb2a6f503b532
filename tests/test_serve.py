"""`racegraph serve`: starts, answers a saved query over HTTP, stops cleanly on Ctrl-C."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from click.testing import CliRunner

from racegraph.cli import cli
from tests.fixtures_server import free_port, oxigraph_binary

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def needs_oxigraph() -> None:
    if oxigraph_binary() is None:
        pytest.skip("the Oxigraph server is not installed: pip install oxigraph==0.5.13")


def test_serve_runs_saved_query_and_stops_on_ctrl_c(needs_oxigraph: None, small_kg: Path) -> None:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-c", "from racegraph.cli import main; main()",
         "serve", "--kg", str(small_kg), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    try:
        assert proc.stdout is not None
        lines = [proc.stdout.readline() for _ in range(3)]
        endpoint = f"http://127.0.0.1:{port}/query"
        assert lines[0].strip() == f"YASGUI:          http://127.0.0.1:{port}/"
        assert lines[1].strip() == f"SPARQL endpoint: {endpoint}"
        assert f"racegraph query NAME --endpoint {endpoint}" in lines[2]
        assert "yasgui" in requests.get(f"http://127.0.0.1:{port}/", timeout=10).text.lower()
        result = CliRunner().invoke(
            cli, ["query", "driver-teams", "-p", "driver=Valentino Rossi",
                  "--endpoint", endpoint, "--format", "csv"]
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        assert "team-wrt" in result.stdout
        # read-only: updates are refused
        refused = requests.post(
            f"http://127.0.0.1:{port}/update", data={"update": "CLEAR ALL"}, timeout=10
        )
        assert refused.status_code >= 400
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            _, err = proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            raise
    assert proc.returncode == 0, err
    assert "stopped" in err
    time.sleep(0.2)
    with pytest.raises(requests.ConnectionError):
        requests.get(f"http://127.0.0.1:{port}/", timeout=2)


def test_serve_without_build_says_what_to_do(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["serve", "--kg", str(tmp_path), "--port", str(free_port())])
    assert result.exit_code == 8
    assert "run `racegraph build`" in result.stderr
