"""Load throughput: `racegraph load` into a fresh triplestore vs the store's own bulk loader.

Makes a ~N-triple dataset (``bench/synth.py --triples N --out FILE`` when it exists, else a
built-in generator of article-shaped graphs), builds a KG folder from it (store/ + kg.trig),
then, in the same run:

* Oxigraph: starts a fresh ``oxigraph serve`` and times ``racegraph load`` (GSP, subprocess,
  peak RSS of its process tree), then times ``oxigraph load`` into a new directory;
* Virtuoso (when installed): a fresh ``virtuoso-t`` timed with ``racegraph load`` (GSP +
  digest auth), and another fresh one with the ``ld_dir`` / ``rdf_loader_run`` bulk loader.

Prints one JSON line per store with triples/s of both loaders and their ratio.
Usage: python bench/load_throughput.py --triples 1000000 [--no-virtuoso]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil
import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fixtures_server import (  # noqa: E402 - bench reuses the server launchers
    OxigraphServer,
    VirtuosoServer,
    free_port,
    oxigraph_binary,
    virtuoso_binaries,
)

RG = "https://w3id.org/racegraph/ontology#"
ID = "https://w3id.org/racegraph/id/"
GRAPH = "https://w3id.org/racegraph/graph/article/"
XSD = "http://www.w3.org/2001/XMLSchema#"


def generate(triples: int, out: Path, *, per_graph: int = 1000, seed: int = 7) -> int:
    """Article-shaped N-Quads: entity, statement and result nodes in one graph per article."""
    rng = random.Random(seed)
    written = 0
    article = 0
    with out.open("w", encoding="utf-8") as handle:
        while written < triples:
            g = f"<{GRAPH}{article:06d}_synthetic>"
            stem = f"{article:06d}_synthetic"
            n = min(per_graph, triples - written)
            for i in range(n):
                kind = i % 5
                s = f"<{ID}statement/{stem}/{i // 5:016x}>"
                person = f"<{ID}person/driver-{rng.randrange(20000)}>"
                if kind == 0:
                    line = f"{s} <{RG}driver> {person}"
                elif kind == 1:
                    line = f'{s} <{RG}position> "{rng.randrange(1, 60)}"^^<{XSD}positiveInteger>'
                elif kind == 2:
                    line = f'{s} <{RG}sentence> "Driver {i} finished in P{i % 40} at round {i}."'
                elif kind == 3:
                    line = f'{s} <{RG}asOf> "2024-{1 + i % 12:02d}-{1 + i % 28:02d}"^^<{XSD}date>'
                else:
                    line = f'{person} <http://www.w3.org/2000/01/rdf-schema#label> "Driver {i}"@en'
                handle.write(f"{line} {g} .\n")
            written += n
            article += 1
    return written


class PeakRss:
    """Peak resident memory of a process and its children, sampled every 50 ms."""

    def __init__(self, pid: int) -> None:
        self.proc = psutil.Process(pid)
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                procs = [self.proc, *self.proc.children(recursive=True)]
                self.peak = max(self.peak, sum(p.memory_info().rss for p in procs))
            except psutil.Error:
                pass
            time.sleep(0.05)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


def children_cpu() -> float:
    """CPU seconds (user + system) of the waited-for child processes so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def process_cpu(pid: int) -> float:
    """CPU seconds (user + system) of a running process and its children."""
    proc = psutil.Process(pid)
    total = 0.0
    for p in [proc, *proc.children(recursive=True)]:
        times = p.cpu_times()
        total += times.user + times.system
    return total


def racegraph_load(kg: Path, args: list[str], env: dict[str, str]) -> tuple[float, int, str, float]:
    """Run `racegraph load` as a subprocess: (seconds, peak RSS bytes, last stdout line,
    CPU seconds of the racegraph process)."""
    cpu_before = children_cpu()
    command = [sys.executable, "-c", "from racegraph.cli import main; main()", "load",
               "--kg", str(kg), *args]  # fmt: skip
    started = time.perf_counter()
    proc = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    rss = PeakRss(proc.pid)
    out, err = proc.communicate()
    seconds = time.perf_counter() - started
    peak = rss.stop()
    if proc.returncode != 0:
        raise SystemExit(f"racegraph load failed ({proc.returncode}): {err[-2000:]}")
    return seconds, peak, out.strip().splitlines()[-1], children_cpu() - cpu_before


def bench_oxigraph(kg: Path, data: Path, triples: int, work: Path) -> dict[str, object]:
    binary = oxigraph_binary()
    assert binary is not None, "pip install oxigraph"
    server = OxigraphServer(
        location=work / "ox-serve", port=free_port(), binary=binary, log_path=work / "ox.log"
    )
    server.start()
    try:
        assert server._proc is not None
        server_cpu = process_cpu(server._proc.pid)
        seconds, peak, summary, client_cpu = racegraph_load(
            kg,
            ["--endpoint", server.query_url, "--gsp-url", server.gsp_url],
            dict(os.environ),
        )
        server_cpu = process_cpu(server._proc.pid) - server_cpu
        on_server = server.count()
    finally:
        server.stop()
    bulk_cpu = children_cpu()
    started = time.perf_counter()
    subprocess.run(
        [binary, "load", "--location", str(work / "ox-bulk"), "--file", str(data)],
        check=True,
        capture_output=True,
    )
    bulk_seconds = time.perf_counter() - started
    bulk_cpu = children_cpu() - bulk_cpu
    return _result(
        "oxigraph 0.5.13", "oxigraph load", triples, on_server, seconds, peak, summary,
        client_cpu, server_cpu, bulk_seconds, bulk_cpu,
    )  # fmt: skip


def _result(
    store: str,
    bulk_loader: str,
    triples: int,
    on_server: int,
    seconds: float,
    peak: int,
    summary: str,
    client_cpu: float,
    server_cpu: float,
    bulk_seconds: float,
    bulk_cpu: float,
) -> dict[str, object]:
    """One JSON line: wall-clock rates and their ratio, and CPU seconds (racegraph process,
    server during the load, bulk loader) with the ratio of CPU per triple, which depends
    much less on what else the machine is running."""
    rate, bulk_rate = triples / seconds, triples / bulk_seconds
    return {
        "bench": "load_throughput",
        "store": store,
        "triples": triples,
        "on_server": on_server,
        "racegraph_seconds": round(seconds, 2),
        "racegraph_triples_per_s": round(rate),
        "racegraph_peak_rss_mib": round(peak / 2**20),
        "racegraph_cpu_s": round(client_cpu, 1),
        "server_cpu_s": round(server_cpu, 1),
        "bulk_loader": bulk_loader,
        "bulk_seconds": round(bulk_seconds, 2),
        "bulk_triples_per_s": round(bulk_rate),
        "bulk_cpu_s": round(bulk_cpu, 1),
        "ratio": round(rate / bulk_rate, 3),
        "cpu_ratio": round(bulk_cpu / (client_cpu + server_cpu), 3),
        "load_average_1min": round(os.getloadavg()[0], 1),
        "racegraph_summary": summary,
    }


def _virtuoso(work: Path, name: str) -> VirtuosoServer:
    found = virtuoso_binaries()
    assert found is not None
    directory = work / name
    directory.mkdir()
    server = VirtuosoServer(
        directory=directory,
        http_port=free_port(),
        isql_port=free_port(),
        server_binary=found[0],
        isql_binary=found[1],
    )
    server.start()
    return server


def bench_virtuoso(kg: Path, data: Path, triples: int, work: Path) -> dict[str, object]:
    server = _virtuoso(work, "vt-gsp")
    try:
        assert server._proc is not None
        env = dict(os.environ, RACEGRAPH_USER=server.user, RACEGRAPH_PASSWORD=server.password)
        server_cpu = process_cpu(server._proc.pid)
        seconds, peak, summary, client_cpu = racegraph_load(
            kg, ["--endpoint", server.query_url, "--gsp-url", server.gsp_url], env
        )
        server_cpu = process_cpu(server._proc.pid) - server_cpu
        on_server = server.count()
    finally:
        server.stop()
    bulk = _virtuoso(work, "vt-bulk")
    try:
        assert bulk._proc is not None
        shutil.copy(data, bulk.directory / "data.nq")
        bulk_cpu = process_cpu(bulk._proc.pid)
        started = time.perf_counter()
        bulk.isql(f"ld_dir('{bulk.directory}', 'data.nq', 'urn:unused');")
        bulk.isql("rdf_loader_run();")
        bulk.isql("checkpoint;")
        bulk_seconds = time.perf_counter() - started
        bulk_cpu = process_cpu(bulk._proc.pid) - bulk_cpu
        bulk_count = bulk.count()
    finally:
        bulk.stop()
    result = _result(
        "virtuoso-opensource 7.2", "ld_dir + rdf_loader_run + checkpoint", triples, on_server,
        seconds, peak, summary, client_cpu, server_cpu, bulk_seconds, bulk_cpu,
    )  # fmt: skip
    result["bulk_on_server"] = bulk_count
    return result


def make_dataset(triples: int, work: Path, dataset: str) -> tuple[Path, Path, int]:
    """(kg folder, N-Quads file, quad count)."""
    data = work / "data.nq"
    synth = ROOT / "bench" / "synth.py"
    if dataset == "synth" or (dataset == "auto" and synth.is_file()):
        raw = work / "synth.trig"
        subprocess.run(
            [sys.executable, str(synth), "--triples", str(triples), "--out", str(raw)], check=True
        )
        store = ox.Store()
        store.bulk_load(path=str(raw))
        store.dump(str(data), ox.RdfFormat.N_QUADS)
    else:
        generate(triples, data)
    kg = work / "kg"
    kg.mkdir()
    store = ox.Store(str(kg / "store"))
    store.bulk_load(path=str(data), format=ox.RdfFormat.N_QUADS)
    store.optimize()
    store.flush()
    count = len(store)
    del store
    return kg, data, count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--no-virtuoso", action="store_true")
    parser.add_argument(
        "--dataset",
        choices=["auto", "synth", "builtin"],
        default="auto",
        help="bench/synth.py (auto: when it exists) or the built-in article-shaped generator",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="racegraph-bench-") as tmp:
        work = Path(tmp)
        kg, data, triples = make_dataset(args.triples, work, args.dataset)
        print(json.dumps(bench_oxigraph(kg, data, triples, work)), flush=True)
        if not args.no_virtuoso and virtuoso_binaries() is not None:
            print(json.dumps(bench_virtuoso(kg, data, triples, work)), flush=True)


if __name__ == "__main__":
    main()
