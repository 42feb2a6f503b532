"""Median latency of every saved query: embedded pyoxigraph vs rdflib's in-memory engine.

Loads one TriG file (e.g. from bench/synth.py) into

* a pyoxigraph ``Store()`` in memory (``embedded``), and optionally an on-disk store
  (``--disk DIR``: the layout ``racegraph build`` writes and ``racegraph query`` reads);
* an rdflib ``Dataset`` (``rdflib``),

then runs each saved query with its header's example parameters, bound exactly as
``racegraph.queries.run`` binds them (one VALUES row in the query text). Entity names are
resolved once, on the embedded store, so both engines run the same text.

rdflib is slow on large graphs: its runs are capped (``--rdflib-reps``, default 3, and
``--rdflib-budget`` seconds per query, default 120: no further run starts once the budget is
spent; a single run is never interrupted — ``--rdflib-timeout`` skips queries whose first run
would exceed it, via a subprocess-free alarm). The JSON says how many runs each median uses.

Prints one JSON line per query and a final summary line:

    python bench/query_latency.py /tmp/synth-1m.trig --reps 7
"""

from __future__ import annotations

import argparse
import json
import signal
import statistics
import sys
import time
from pathlib import Path
from types import FrameType

import pyoxigraph as ox
from rdflib import Dataset

from racegraph import queries as q


class _Timeout(Exception):
    pass


def _alarm(_signum: int, _frame: FrameType | None) -> None:
    raise _Timeout


def _time_ox(store: ox.Store, text: str, reps: int) -> tuple[float, int]:
    times = []
    rows = 0
    for _ in range(reps):
        start = time.perf_counter()
        answer = store.query(text)
        assert isinstance(answer, ox.QuerySolutions)
        rows = len(list(answer))
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), rows


def _time_rdflib(
    ds: Dataset, text: str, reps: int, budget: float, timeout: float
) -> tuple[float | None, int, int]:
    times: list[float] = []
    rows = 0
    spent = 0.0
    for _ in range(reps):
        if times and spent > budget:
            break
        signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, timeout)
        start = time.perf_counter()
        try:
            rows = len(list(ds.query(text)))
        except _Timeout:
            return None, 0, len(times)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        elapsed = time.perf_counter() - start
        spent += elapsed
        times.append(elapsed * 1000)
    return statistics.median(times), rows, len(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("trig", type=Path)
    parser.add_argument("--reps", type=int, default=7, help="embedded runs per query")
    parser.add_argument("--rdflib-reps", type=int, default=3)
    parser.add_argument("--rdflib-budget", type=float, default=120.0)
    parser.add_argument("--rdflib-timeout", type=float, default=600.0)
    parser.add_argument("--no-rdflib", action="store_true")
    parser.add_argument("--disk", type=Path, help="also time an on-disk store built here")
    parser.add_argument("--only", nargs="*", help="query names")
    args = parser.parse_args(argv)

    start = time.perf_counter()
    store = ox.Store()
    store.bulk_load(path=str(args.trig), format=ox.RdfFormat.TRIG)
    load_ox = time.perf_counter() - start
    triples = len(store)
    disk = None
    if args.disk:
        if not args.disk.exists():
            writer = ox.Store(str(args.disk))
            writer.bulk_load(path=str(args.trig), format=ox.RdfFormat.TRIG)
            writer.optimize()
            writer.flush()
            del writer
        disk = ox.Store.read_only(str(args.disk))
    ds = None
    load_rdflib = None
    if not args.no_rdflib:
        start = time.perf_counter()
        ds = Dataset()
        ds.parse(str(args.trig), format="trig")
        load_rdflib = time.perf_counter() - start
    backend = q._Embedded(store)
    results = []
    for saved in q.list_queries():
        if args.only and saved.name not in args.only:
            continue
        bindings = q.bind_params(saved, saved.example, backend)
        text = q.bind_values(saved.body, bindings)
        emb, rows = _time_ox(store, text, args.reps)
        line: dict[str, object] = {
            "bench": "query_latency",
            "query": saved.name,
            "triples": triples,
            "rows": rows,
            "embedded_ms": round(emb, 2),
            "embedded_reps": args.reps,
        }
        if disk is not None:
            line["embedded_disk_ms"] = round(_time_ox(disk, text, args.reps)[0], 2)
        if ds is not None:
            rd, rd_rows, runs = _time_rdflib(
                ds, text, args.rdflib_reps, args.rdflib_budget, args.rdflib_timeout
            )
            line["rdflib_ms"] = None if rd is None else round(rd, 1)
            line["rdflib_runs"] = runs
            line["rdflib_rows"] = rd_rows
            line["ratio"] = None if rd is None else round(rd / max(emb, 1e-6), 1)
            line["same_rows"] = rd is None or rd_rows == rows
        results.append(line)
        print(json.dumps(line), flush=True)
    ms = [float(str(r["embedded_ms"])) for r in results]
    slowest = results[ms.index(max(ms))]
    summary: dict[str, object] = {
        "bench": "query_latency_summary",
        "triples": triples,
        "queries": len(results),
        "load_pyoxigraph_s": round(load_ox, 1),
        "load_rdflib_s": None if load_rdflib is None else round(load_rdflib, 1),
        "embedded_median_of_medians_ms": round(statistics.median(ms), 1),
        "embedded_max_ms": slowest["embedded_ms"],
        "slowest_query": slowest["query"],
        "under_100ms": sum(1 for m in ms if m < 100),
        "slowest_query_ratio": slowest.get("ratio"),
    }
    print(json.dumps(summary), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
