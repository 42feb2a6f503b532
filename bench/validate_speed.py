"""SHACL validation time per article: pyshacl against the compiled checker.

Maps each article of the sample set(s) to its graph (as ``racegraph build`` does), then
times ``ShapesValidator.validate`` with ``compiled=False`` (pyshacl) and with the compiled
checker (the build's default), best of ``--repeat`` runs each, after one warm-up run (pyshacl
prepares its SPARQL queries on first use). Also checks that both give the same findings.

Prints one JSON line per article and a summary line.
Usage: python bench/validate_speed.py [--articles data/articles ...] [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from racegraph.articles import list_articles, read_article
from racegraph.build import Pipeline
from racegraph.extract import extract_articles
from racegraph.mapping import map_extraction
from racegraph.validate import ShapesValidator

ROOT = Path(__file__).resolve().parent.parent


def best_of(repeat: int, run: object) -> float:
    assert callable(run)
    run()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=Path, nargs="+", default=[ROOT / "data" / "articles"])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    pipeline = Pipeline.load()
    slow = ShapesValidator(
        ontology=pipeline.ontology, shapes=pipeline.validator.shapes, compiled=False
    )
    fast = ShapesValidator(ontology=pipeline.ontology, shapes=pipeline.validator.shapes)
    assert fast.compiled is not None, "the shapes did not compile"
    ratios = []
    for directory in args.articles:
        articles = [read_article(path) for path in list_articles(directory)]
        extractions = extract_articles(articles, nlp=pipeline.nlp, reference=pipeline.reference)
        for extraction in extractions:
            graph = map_extraction(
                extraction, reference=pipeline.reference, pipeline_version=pipeline.fingerprint
            )
            before = best_of(args.repeat, lambda g=graph: slow.validate(g))
            after = best_of(args.repeat, lambda g=graph: fast.validate(g))
            a, b = slow.validate(graph), fast.validate(graph)
            same = (a.violations, a.warnings) == (b.violations, b.warnings)
            ratios.append(before / after)
            print(
                json.dumps(
                    {
                        "article": extraction.article.file_name,
                        "triples": len(graph),
                        "pyshacl_s": round(before, 4),
                        "compiled_s": round(after, 4),
                        "speedup": round(before / after, 1),
                        "same_findings": same,
                        "violations": len(a.violations),
                        "warnings": len(a.warnings),
                    }
                ),
                flush=True,
            )
    print(
        json.dumps({"articles": len(ratios), "median_speedup": round(statistics.median(ratios), 1)})
    )


if __name__ == "__main__":
    main()
