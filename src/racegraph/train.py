"""Train the pair classifier of :mod:`racegraph.extract.relations.learned` from gold files.

Offline and deterministic: for each annotated article the rule families run as in a build, up
to the point where the classifier reads them and without any model, so training never depends
on an earlier model. Every same-sentence mention pair of a pair relation becomes an example,
and its label is whether the gold states that relation between the gold entities the two
mentions align to (the alignment of ``racegraph eval``, by name and mention, never by id).
Pairs whose entities do not align are left out, and so are articles whose gold lists no facts
(entity-only annotations): the gold says nothing about them. The model is logistic regression
with an L2 penalty, fitted by full-batch gradient descent from zero weights, so the same
examples give the same weights. Builds only read the saved model; they never read gold.

    python -m racegraph.train --set data/articles=tests/gold --set DIR=GOLD ... --out FILE
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from racegraph import evaluate
from racegraph.articles import list_articles, read_article
from racegraph.extract.pipeline import linked_context, load_pipeline, to_extraction
from racegraph.extract.relations import rule_facts
from racegraph.extract.relations.learned import MODEL_PATH, PairModel, pair_key
from racegraph.extract.relations.pair_features import PAIR_TYPES, candidates
from racegraph.reference import Reference, load_reference

log = logging.getLogger(__name__)

THRESHOLD = 0.5
L2 = 1.0
ITERATIONS = 400
MIN_COUNT = 2


@dataclass(frozen=True, slots=True)
class Example:
    relation: str
    features: tuple[str, ...]
    label: bool


def examples_from(
    articles: Path, gold: Path, *, nlp: object, reference: Reference
) -> list[Example]:
    """The labelled pairs of the articles of ``articles`` that have a gold file in ``gold``."""
    from spacy.language import Language

    assert isinstance(nlp, Language)
    golds = {Path(g.article).stem: g for g in evaluate.load_gold(gold)}
    out: list[Example] = []
    for path in list_articles(articles):
        doc_gold = golds.get(path.stem)
        if doc_gold is None or not doc_gold.facts:
            continue  # an entity-only gold says nothing about links
        article = read_article(path)
        ctx = linked_context(article, nlp(article.text), reference=reference)
        art = rule_facts(ctx)
        predicted = evaluate.predicted_from_extraction(to_extraction(ctx))
        aligned = evaluate.align_entities(predicted.entities, doc_gold.entities)
        stated = _gold_pairs(doc_gold)
        for cand in candidates(art):
            gs, go = aligned.get(cand.s.entity), aligned.get(cand.o.entity)
            if gs is None or go is None:
                continue
            label = pair_key(cand.relation, gs, go) in stated
            out.append(Example(cand.relation, cand.features, label))
    return out


def _gold_pairs(doc: evaluate.GoldDoc) -> set[tuple[str, str, str]]:
    return {
        pair_key(f.relation, str(f.get("s")), str(f.get("o")))
        for f in doc.facts
        if f.relation in PAIR_TYPES
    }


def fit(examples: Sequence[Example], *, l2: float = L2, iterations: int = ITERATIONS) -> PairModel:
    """One logistic regression per relation over the feature strings seen ``MIN_COUNT`` times."""
    weights: dict[str, dict[str, float]] = {}
    for relation in sorted({e.relation for e in examples}):
        rows = [e for e in examples if e.relation == relation]
        weights[relation] = _fit_one(
            [e.features for e in rows], [e.label for e in rows], l2, iterations
        )
    return PairModel(weights=weights, threshold=THRESHOLD)


def _fit_one(
    rows: Sequence[tuple[str, ...]], labels: Sequence[bool], l2: float, iterations: int
) -> dict[str, float]:
    import numpy as np

    counts = Counter(f for feats in rows for f in set(feats))
    names = sorted(f for f, c in counts.items() if c >= MIN_COUNT or f == "bias")
    index = {f: j for j, f in enumerate(names)}
    x = np.zeros((len(rows), len(names)))
    for i, feats in enumerate(rows):
        for f in feats:
            j = index.get(f)
            if j is not None:
                x[i, j] = 1.0
    y = np.asarray(labels, dtype=float)
    n = max(1, len(rows))
    w = np.zeros(len(names))
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for t in range(1, iterations + 1):  # Adam, full batch, fixed step: deterministic
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        g = x.T @ (p - y) / n + l2 * w / n
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        w -= 0.1 * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
    return {f: float(w[j]) for f, j in index.items()}


def train(
    sets: Iterable[tuple[Path, Path]], *, reference: Reference | None = None
) -> tuple[PairModel, dict[str, int]]:
    """Fit the model on ``(articles, gold)`` folders; also returns example counts by relation."""
    reference = reference or load_reference()
    nlp = load_pipeline(reference)
    examples: list[Example] = []
    for articles, gold in sets:
        found = examples_from(articles, gold, nlp=nlp, reference=reference)
        log.info("%s: %d pairs", articles, len(found))
        examples.extend(found)
    counts = Counter(e.relation + (":pos" if e.label else ":neg") for e in examples)
    return fit(examples), dict(sorted(counts.items()))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m racegraph.train", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument(
        "--set",
        action="append",
        required=True,
        metavar="ARTICLES=GOLD",
        help="a folder of articles and its gold folder (repeat)",
    )
    parser.add_argument(
        "--out", type=Path, default=MODEL_PATH, help="model file (default: the shipped one)"
    )
    args = parser.parse_args(argv)
    sets: list[tuple[Path, Path]] = []
    for spec in args.set:
        articles, sep, gold = spec.partition("=")
        if not sep or not Path(articles).is_dir() or not Path(gold).is_dir():
            parser.error(f"--set {spec}: expected ARTICLES=GOLD, two existing folders")
        sets.append((Path(articles), Path(gold)))
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    model, counts = train(sets)
    names = sorted(str(a) for a, _ in sets)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.out.with_suffix(".tmp")
    tmp.write_text(model.to_json(trained_on=names, examples=counts), encoding="utf-8")
    tmp.replace(args.out)
    print(f"wrote {args.out}: {counts}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
