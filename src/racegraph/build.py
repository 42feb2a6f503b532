"""The main job: articles -> extraction -> RDF -> inferences -> SHACL -> knowledge graph.

Per article the work is independent (own named graph, own closure, own validation), which
is what makes ``--jobs N`` and incremental rebuilds possible: an article whose content hash
and pipeline fingerprint are unchanged is taken from ``OUT/cache/`` without re-extraction.

Everything written under ``OUT/`` goes to a temporary file first and is renamed into place,
so a killed build never leaves a half-written file.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import multiprocessing
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from rdflib import Graph

from racegraph import PIPELINE_VERSION
from racegraph.articles import list_articles, read_article
from racegraph.assemble import Piece, make_piece, write_outputs
from racegraph.errors import InputError, UsageError
from racegraph.export import graph_rows, write_turtle
from racegraph.extract.relations import learned
from racegraph.files import atomic_write
from racegraph.reason import Reasoner
from racegraph.records import Article, Extraction
from racegraph.reference import Reference, default_reference_dir, load_reference
from racegraph.validate import (
    ShapesValidator,
    ValidationReport,
    load_ontology,
    load_shapes,
    quarantine_split,
)
from racegraph.vocab import (
    PREFIXES,
)

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[2]
ONTOLOGY_DIR = ROOT / "ontology"


@dataclass(frozen=True, slots=True, kw_only=True)
class BuildOptions:
    """What ``racegraph build`` was asked to do."""

    articles: Path
    out: Path
    jobs: int = 1
    strict: bool = False
    force: bool = False
    reference_dir: Path | None = None
    ontology_dir: Path | None = None


@dataclass(slots=True)
class ArticleOutcome:
    """What happened to one article; also its line in report.json."""

    stem: str
    file_name: str
    status: str  # built | cached | skipped | quarantined
    message: str = ""
    sha256: str = ""
    published: str = ""
    entities: dict[str, int] = field(default_factory=dict)
    facts: dict[str, int] = field(default_factory=dict)
    triples: int = 0
    inferences: int = 0
    violations: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    quarantined_triples: int = 0
    timings: dict[str, float] = field(default_factory=dict)


@dataclass(slots=True)
class _Processed:
    """A processed article as it travels from a worker and lives in the cache."""

    outcome: ArticleOutcome
    piece: Piece | None  # what the outputs need; None once it is in the cache
    quarantine: str | None  # Turtle: quarantined triples + SHACL report


@dataclass(slots=True)
class BuildResult:
    """Outcome of a build, for the CLI summary and the tests."""

    outcomes: list[ArticleOutcome]
    out: Path
    seconds: float
    total_triples: int

    @property
    def exit_code(self) -> int:
        bad = {"skipped", "quarantined"}
        return 1 if any(o.status in bad for o in self.outcomes) else 0

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)


ProgressCallback = Callable[[int, int, str], None]


@dataclass(slots=True)
class Pipeline:
    """The heavy, per-process objects: spaCy pipeline, reference data, ontology, shapes."""

    reference: Reference
    ontology: Graph
    shapes: Graph
    fingerprint: str
    cache_dir: Path | None = None  # where the reasoner keeps the ontology's closure
    _nlp: Any = None
    _validator: ShapesValidator | None = None
    _reasoner: Reasoner | None = None

    @staticmethod
    def load(*, reference_dir: Path | None = None, ontology_dir: Path | None = None) -> Pipeline:
        """Read the reference data, ontology and shapes; the heavy parts load on first use.

        A rebuild where every article is cached never needs spaCy, the reasoner's closure
        or the compiled shapes, which take seconds to load.
        """
        ref_dir = reference_dir or default_reference_dir()
        onto_dir = ontology_dir or ONTOLOGY_DIR
        return Pipeline(
            reference=load_reference(ref_dir),
            ontology=load_ontology(onto_dir),
            shapes=load_shapes(onto_dir),
            fingerprint=pipeline_fingerprint(ref_dir, onto_dir),
        )

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            from racegraph.extract import load_pipeline

            self._nlp = load_pipeline(self.reference)
        return self._nlp

    @property
    def validator(self) -> ShapesValidator:
        if self._validator is None:
            self._validator = ShapesValidator(ontology=self.ontology, shapes=self.shapes)
        return self._validator

    @property
    def reasoner(self) -> Reasoner:
        if self._reasoner is None:
            closure = None
            if self.cache_dir is not None:
                closure = self.cache_dir / f"ontology-closure-{self.fingerprint}.nt"
            self._reasoner = Reasoner.from_ontology(self.ontology, closure_file=closure)
        return self._reasoner

    def process(self, articles: Sequence[Article]) -> list[_Processed]:
        from racegraph.extract import extract_articles

        started = time.perf_counter()
        extractions = extract_articles(articles, nlp=self.nlp, reference=self.reference)
        share = (time.perf_counter() - started) / max(1, len(articles))
        return [self._finish(ex, share) for ex in extractions]

    def _finish(self, extraction: Extraction, extract_seconds: float) -> _Processed:
        from racegraph.mapping import map_extraction

        article = extraction.article
        timings = {"extract": extract_seconds}
        t0 = time.perf_counter()
        graph = map_extraction(
            extraction, reference=self.reference, pipeline_version=self.fingerprint
        )
        t1 = time.perf_counter()
        inferred = self.reasoner.infer(graph)
        t2 = time.perf_counter()
        report: ValidationReport = self.validator.validate(graph)
        t3 = time.perf_counter()
        timings |= {"map": t1 - t0, "reason": t2 - t1, "validate": t3 - t2}
        outcome = ArticleOutcome(
            stem=article.stem,
            file_name=article.file_name,
            status="built",
            sha256=article.sha256,
            published=article.published.isoformat(),
            entities=dict(sorted(Counter(e.type.value for e in extraction.entities).items())),
            facts=dict(sorted(Counter(f.relation for f in extraction.facts).items())),
            warnings=[*extraction.warnings, *(f.message for f in report.warnings)],
            timings={k: round(v, 4) for k, v in timings.items()},
        )
        quarantine_text: str | None = None
        if not report.conforms:
            kept, quarantined = quarantine_split(graph, report)
            outcome.status = "quarantined"
            outcome.violations = [
                f"{f.focus_node}: {f.message}" + (f" ({f.path})" if f.path else "")
                for f in report.violations
            ]
            outcome.quarantined_triples = len(quarantined)
            outcome.message = (
                f"{len(report.violations)} SHACL violation(s); {len(quarantined)} triple(s) "
                f"quarantined in quarantine/{article.stem}.ttl"
            )
            quarantine_text = _quarantine_turtle(quarantined, report)
            graph = kept
            inferred = self.reasoner.infer(graph)
        outcome.triples = len(graph)
        outcome.inferences = len(inferred)
        return _Processed(
            outcome=outcome,
            piece=make_piece(article.stem, graph_rows(graph), graph_rows(inferred)),
            quarantine=quarantine_text,
        )


def pipeline_fingerprint(reference_dir: Path, ontology_dir: Path) -> str:
    """Version of everything besides the article that decides the output.

    Changing the code's PIPELINE_VERSION, the ontology, the shapes, the reference data, the
    extraction patterns or the pair model invalidates every cached article.
    """
    digest = hashlib.sha256(PIPELINE_VERSION.encode())
    patterns = Path(__file__).parent / "extract" / "patterns"
    files = [
        *sorted(reference_dir.glob("*.ttl")),
        *sorted(ontology_dir.glob("*.ttl")),
        *sorted(patterns.glob("*.jsonl")),
        *sorted(patterns.glob("*.txt")),
    ]
    model = learned.model_path()
    if model is not None:
        files.append(model)
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return f"{PIPELINE_VERSION}+{digest.hexdigest()[:12]}"


def _quarantine_turtle(quarantined: Graph, report: ValidationReport) -> str:
    out = Graph()
    for prefix, ns in PREFIXES.items():
        out.bind(prefix, ns)
    out += quarantined
    out += report.report_graph
    buffer = io.StringIO()
    write_turtle(out, buffer)
    return buffer.getvalue()


# --- caching ---------------------------------------------------------------------------------


def _cache_file(out: Path, stem: str) -> Path:
    return out / "cache" / f"{stem}.json"


def _load_cached(out: Path, article: Article, fingerprint: str) -> _Processed | None:
    path = _cache_file(out, article.stem)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if data.get("sha256") != article.sha256 or data.get("fingerprint") != fingerprint:
        return None
    try:
        return _Processed(
            outcome=ArticleOutcome(**data["outcome"]),
            piece=Piece.from_json(article.stem, data["piece"]),
            quarantine=data.get("quarantine"),
        )
    except (KeyError, TypeError, ValueError):
        log.warning("%s: unreadable cache entry, rebuilding the article", path)
        return None


def _cached_piece(out: Path, stem: str) -> Piece:
    data = json.loads(_cache_file(out, stem).read_text(encoding="utf-8"))
    return Piece.from_json(stem, data["piece"])


def _store_cached(out: Path, processed: _Processed, fingerprint: str) -> None:
    data = {
        "sha256": processed.outcome.sha256,
        "fingerprint": fingerprint,
        "outcome": asdict(processed.outcome),
        "piece": processed.piece.to_json() if processed.piece else None,
        "quarantine": processed.quarantine,
    }
    with atomic_write(_cache_file(out, processed.outcome.stem)) as handle:
        json.dump(data, handle, sort_keys=True)


# --- worker processes ------------------------------------------------------------------------

_WORKER_PIPELINE: Pipeline | None = None  # set once in each worker process by _init_worker


def _init_worker(pipeline: Pipeline) -> None:
    global _WORKER_PIPELINE
    _WORKER_PIPELINE = pipeline


def _work(batch: list[Article]) -> list[_Processed]:
    if _WORKER_PIPELINE is None:  # pragma: no cover - initializer always runs first
        raise RuntimeError("worker pipeline not initialised")
    return _WORKER_PIPELINE.process(batch)


def _batches(items: Sequence[Article], size: int) -> list[list[Article]]:
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


def _run(
    pipeline: Pipeline,
    todo: Sequence[Article],
    jobs: int,
    on_done: Callable[[_Processed], None],
) -> None:
    if not todo:
        return
    if jobs <= 1 or len(todo) < 2:
        for batch in _batches(todo, 16):
            for processed in pipeline.process(batch):
                on_done(processed)
        return
    size = max(1, min(16, len(todo) // (jobs * 2) or 1))
    # Each worker loads spaCy itself: a model forked from here is not shared for long
    # (reference counting dirties its pages) and the parent stays small.
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(processes=jobs, initializer=_init_worker, initargs=(pipeline,)) as pool:
        for results in pool.imap(_work, _batches(todo, size)):
            for processed in results:
                on_done(processed)


# --- the build -------------------------------------------------------------------------------


def build(
    options: BuildOptions,
    *,
    progress: ProgressCallback | None = None,
    pipeline: Pipeline | None = None,
) -> BuildResult:
    """Build the knowledge graph of ``options.articles`` into ``options.out``."""
    if options.jobs < 1:
        raise UsageError(f"--jobs must be >= 1 (got {options.jobs})")
    started = time.perf_counter()
    paths = list_articles(options.articles)
    out = options.out
    out.mkdir(parents=True, exist_ok=True)
    outcomes: dict[str, ArticleOutcome] = {}
    articles: list[Article] = []
    seen_hashes: dict[str, str] = {}
    for path in paths:
        try:
            article = read_article(path)
        except InputError as exc:
            outcomes[path.stem] = ArticleOutcome(
                stem=path.stem, file_name=path.name, status="skipped", message=str(exc)
            )
            continue
        twin = seen_hashes.get(article.sha256)
        if twin is not None:
            outcomes[path.stem] = ArticleOutcome(
                stem=path.stem,
                file_name=path.name,
                status="skipped",
                sha256=article.sha256,
                message=(
                    f"{path.name}: same content as {twin}; duplicate skipped "
                    "(delete one of the two files)"
                ),
            )
            continue
        seen_hashes[article.sha256] = path.name
        articles.append(article)

    if pipeline is None:
        pipe = Pipeline.load(reference_dir=options.reference_dir, ontology_dir=options.ontology_dir)
        pipe.cache_dir = out / "cache"
    else:
        pipe = pipeline
    processed: dict[str, _Processed] = {}
    todo: list[Article] = []
    for article in articles:
        cached = None if options.force else _load_cached(out, article, pipe.fingerprint)
        if cached is not None:
            cached.outcome.status = "quarantined" if cached.quarantine else "cached"
            processed[article.stem] = cached
        else:
            todo.append(article)

    total = len(paths)
    done = len(outcomes) + len(processed)
    if progress:
        progress(done, total, "cached and unreadable articles")

    def on_done(item: _Processed) -> None:
        nonlocal done
        processed[item.outcome.stem] = item
        _store_cached(out, item, pipe.fingerprint)
        item.piece = None  # read back at the end: the run never holds every piece at once
        done += 1
        if progress:
            progress(done, total, item.outcome.file_name)

    _run(pipe, todo, options.jobs, on_done)
    for stem, item in processed.items():
        outcomes[stem] = item.outcome
    _write_quarantine(out, processed)
    _prune_cache(out, {a.stem for a in articles}, pipe.fingerprint)
    total_triples = write_outputs(
        out,
        ontology=pipe.ontology,
        reference=pipe.reference.graph(),
        pieces={stem: item.piece or _cached_piece(out, stem) for stem, item in processed.items()},
        fingerprint=pipe.fingerprint,
    )
    ordered = [outcomes[k] for k in sorted(outcomes)]
    result = BuildResult(
        outcomes=ordered,
        out=out,
        seconds=time.perf_counter() - started,
        total_triples=total_triples,
    )
    _write_reports(out, result)
    return result


def _write_quarantine(out: Path, processed: dict[str, _Processed]) -> None:
    folder = out / "quarantine"
    wanted = {stem for stem, item in processed.items() if item.quarantine}
    if folder.is_dir():
        for stale in folder.glob("*.ttl"):
            if stale.stem not in wanted:
                stale.unlink()
    for stem in sorted(wanted):
        text = processed[stem].quarantine or ""
        with atomic_write(folder / f"{stem}.ttl") as handle:
            handle.write(text)


def _prune_cache(out: Path, stems: set[str], fingerprint: str) -> None:
    folder = out / "cache"
    if folder.is_dir():
        for stale in folder.glob("*.json"):
            if stale.stem not in stems:
                stale.unlink()
        for closure in folder.glob("ontology-closure-*.nt"):
            if closure.name != f"ontology-closure-{fingerprint}.nt":
                closure.unlink()


def _write_reports(out: Path, result: BuildResult) -> None:
    summary = {
        "articles": len(result.outcomes),
        "built": result.count("built"),
        "cached": result.count("cached"),
        "skipped": result.count("skipped"),
        "quarantined": result.count("quarantined"),
        "triples": result.total_triples,
    }
    data = {"summary": summary, "articles": [asdict(o) for o in result.outcomes]}
    with atomic_write(out / "report.json") as handle:
        json.dump(data, handle, indent=2, sort_keys=True)
        handle.write("\n")
    with atomic_write(out / "report.md") as handle:
        handle.write(render_report_md(result))


def render_report_md(result: BuildResult) -> str:
    """The human-readable build report (no timings, so it is deterministic)."""
    lines = ["# racegraph build report", ""]
    lines.append(
        f"{len(result.outcomes)} article(s): {result.count('built') + result.count('cached')} "
        f"built, {result.count('quarantined')} with quarantined facts, "
        f"{result.count('skipped')} skipped; {result.total_triples} triples in total."
    )
    lines += ["", "| article | status | entities | facts | triples | inferred | violations |"]
    lines.append("|---|---|---|---|---|---|---|")
    for o in result.outcomes:
        lines.append(
            f"| {o.file_name} | {o.status} | {sum(o.entities.values())} | "
            f"{sum(o.facts.values())} | {o.triples} | {o.inferences} | {len(o.violations)} |"
        )
    for o in result.outcomes:
        if o.message or o.violations or o.warnings:
            lines += ["", f"## {o.file_name}", ""]
            if o.message:
                lines.append(f"- {o.message}")
            lines += [f"- violation: {v}" for v in o.violations]
            lines += [f"- warning: {w}" for w in o.warnings]
        if o.facts:
            facts = ", ".join(f"{k} {v}" for k, v in o.facts.items())
            lines += ["", f"{o.file_name} facts by relation: {facts}"]
    return "\n".join(lines) + "\n"


__all__ = [
    "ArticleOutcome",
    "BuildOptions",
    "BuildResult",
    "Pipeline",
    "build",
    "pipeline_fingerprint",
    "render_report_md",
]
