"""The Oxigraph server fixture starts, answers, restarts and stops."""

from __future__ import annotations

import pytest
import requests

from tests.fixtures_server import OxigraphServer

pytestmark = pytest.mark.slow


def test_oxigraph_server_answers_and_restarts(oxigraph_server: OxigraphServer) -> None:
    oxigraph_server.clear()
    graph = "https://w3id.org/racegraph/graph/test/fixture"
    resp = requests.put(
        oxigraph_server.gsp_url,
        params={"graph": graph},
        data=b"<urn:a> <urn:b> <urn:c> .\n",
        headers={"Content-Type": "application/n-triples"},
        timeout=10,
    )
    assert resp.status_code in (201, 204)
    assert oxigraph_server.count(graph) == 1
    oxigraph_server.restart()
    assert oxigraph_server.count(graph) == 1
    oxigraph_server.clear()
    assert oxigraph_server.count() == 0
