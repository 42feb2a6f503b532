"""Cost of the relations stage per article, with and without the learned pair classifier.

    python bench/relations_cost.py [--articles DIR ...] [--repeat 5]

spaCy and linking run once per article outside the clock; the clock covers
``extract_relations`` only (every rule family, the pair classifier and entailment), best of
``--repeat`` runs. Prints one JSON line per setting and a ratio line.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from pathlib import Path

from racegraph.articles import list_articles, read_article
from racegraph.extract.pipeline import linked_context, load_pipeline
from racegraph.extract.relations import extract_relations, learned
from racegraph.reference import load_reference

ROOT = Path(__file__).resolve().parents[1]


def measure(folders: list[Path], repeat: int) -> dict[str, float]:
    reference = load_reference()
    nlp = load_pipeline(reference)
    articles = [read_article(p) for d in folders for p in list_articles(d)]
    docs = list(nlp.pipe(a.text for a in articles))
    per_article: list[float] = []
    for article, doc in zip(articles, docs, strict=True):
        best = float("inf")
        for _ in range(repeat):
            ctx = linked_context(article, doc, reference=reference)
            t0 = time.perf_counter()
            extract_relations(ctx)
            best = min(best, time.perf_counter() - t0)
        per_article.append(best * 1000)
    return {
        "articles": len(articles),
        "mean_ms": round(statistics.mean(per_article), 2),
        "max_ms": round(max(per_article), 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=Path, nargs="*", default=[ROOT / "data" / "articles"])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    rows = {}
    for setting in ("off", "shipped"):
        if setting == "off":
            os.environ[learned.MODEL_ENV] = "off"
        else:
            os.environ.pop(learned.MODEL_ENV, None)
        rows[setting] = measure(args.articles, args.repeat)
        print(json.dumps({"relations_stage": setting, **rows[setting]}))
    ratio = rows["shipped"]["mean_ms"] / max(rows["off"]["mean_ms"], 1e-9)
    print(json.dumps({"ratio_with_learned_to_rules_only": round(ratio, 2)}))


if __name__ == "__main__":
    main()
