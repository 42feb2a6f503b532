"""Write ``kg.trig``, ``kg.ttl`` and the store from per-article pieces.

Each article's triples are formatted once, when the article is built, into a :class:`Piece`
(its TriG block, the final Turtle statements of its own nodes, rows about entities) that the
build caches. Assembling the outputs is then a sort of text: only the subjects that several
graphs describe (drivers, teams, championships…) are merged row by row, so an incremental
build that changed one article does not re-parse or re-format the other thousands.

The store follows the same idea: when the previous build's state (``OUT/.state.json``) has
the same pipeline fingerprint, only the graphs of changed or deleted articles and the changed
inferred triples are written, into a backup of the store (RocksDB hard links) that is then
swapped in; otherwise the store is bulk-loaded from ``kg.trig``. Either way a killed build
leaves the previous store whole, and the state file is removed before and rewritten after
the swap, so a store whose state is unknown is always rebuilt in full.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import re
import shutil
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Graph

from racegraph.errors import StoreError
from racegraph.export import (
    Row,
    graph_rows,
    iri_text,
    subject_block,
    write_graph_block,
    write_prefixes,
)
from racegraph.files import atomic_write
from racegraph.store import store_path, write_store
from racegraph.vocab import ID, INFERRED_GRAPH, ONTOLOGY_GRAPH, REFERENCE_GRAPH, article_graph

__all__ = ["Piece", "make_piece", "write_outputs"]

log = logging.getLogger(__name__)

STATE_FILE = ".state.json"


@dataclass(slots=True)
class Piece:
    """What the outputs need from one article, computed once when it is built.

    Its subjects are split in two. *Local* subjects are the nodes only this article can
    describe (its article node and the statement/result/… nodes minted under its stem):
    their kg.ttl statements are final and stored as text. *Shared* subjects (entities,
    which other articles and the reference data describe too) are stored as rows, merged
    with everyone else's at assembly.
    """

    stem: str
    trig: str  # its ``name { … }`` block ("" when nothing was kept)
    local: list[tuple[str, str]]  # (subject, kg.ttl statement), sorted
    shared: list[str]  # rows about other subjects, as ``s\tp\to`` lines
    inferred: list[str]  # its inferences, as ``s\tp\to`` lines
    triples: int  # triples kept in its graph

    @property
    def graph_name(self) -> str:
        return iri_text(str(article_graph(self.stem)))

    def to_json(self) -> dict[str, Any]:
        return {
            "trig": self.trig,
            "local": self.local,
            "shared": self.shared,
            "inferred": self.inferred,
            "triples": self.triples,
        }

    @staticmethod
    def from_json(stem: str, data: Mapping[str, Any]) -> Piece:
        return Piece(
            stem=stem,
            trig=str(data["trig"]),
            local=[(str(s), str(text)) for s, text in data["local"]],
            shared=[str(line) for line in data["shared"]],
            inferred=[str(line) for line in data["inferred"]],
            triples=int(data["triples"]),
        )


def _line(row: Row) -> str:
    return "\t".join(row)


def _row(line: str) -> Row:
    s, p, o = line.split("\t")
    return s, p, o


def _is_local(stem: str) -> Callable[[str], bool]:
    """Does a subject's text name a node minted for article ``stem``? (vocab.node_iri)"""
    own = re.compile(
        rf"<{re.escape(str(ID))}(?:article/{re.escape(stem)}>|[^/>]+/{re.escape(stem)}/)"
    )
    return lambda subject: own.match(subject) is not None


def make_piece(stem: str, kept: Sequence[Row], inferred: Sequence[Row]) -> Piece:
    """Format an article's kept and inferred rows (each sorted and unique) for the outputs.

    The rows must be free of blank nodes: their labels would clash between articles.
    """
    if any(text.startswith(("_:", "[", "(")) for row in (*kept, *inferred) for text in row):
        raise ValueError(f"{stem}: article graphs must not contain blank nodes")
    block = io.StringIO()
    if kept:
        write_graph_block(iri_text(str(article_graph(stem))), kept, block)
    local = _is_local(stem)
    statements: list[tuple[str, str]] = []
    shared: list[str] = []
    for subject, rows in groupby(sorted({*kept, *inferred}), itemgetter(0)):
        if local(subject):
            statements.append((subject, subject_block(list(rows))))
        else:
            shared.extend(_line(row) for row in rows)
    return Piece(
        stem=stem,
        trig=block.getvalue(),
        local=statements,
        shared=shared,
        inferred=[_line(row) for row in inferred],
        triples=len(kept),
    )


def _rendered(name: str, rows: Sequence[Row]) -> str:
    buffer = io.StringIO()
    write_graph_block(name, rows, buffer)
    return buffer.getvalue()


def _write_trig(
    path: Path, fixed: Mapping[str, Sequence[Row]], pieces: Mapping[str, Piece]
) -> None:
    blocks = {name: _rendered(name, rows) for name, rows in fixed.items() if rows}
    for piece in pieces.values():
        if piece.trig:
            blocks[piece.graph_name] = piece.trig
    with atomic_write(path) as handle:
        write_prefixes(handle)
        for i, name in enumerate(sorted(blocks)):
            handle.write(f"\n{blocks[name]}" if i else blocks[name])


def _write_union(path: Path, fixed: Sequence[Sequence[Row]], pieces: Mapping[str, Piece]) -> None:
    """kg.ttl: every subject once. Local statements are final; shared rows are merged."""
    pool: set[Row] = set()
    for rows in fixed:
        pool.update(rows)
    for piece in pieces.values():
        pool.update(map(_row, piece.shared))
    statements = [
        (subject, subject_block(list(rows)))
        for subject, rows in groupby(sorted(pool), itemgetter(0))
    ]
    for piece in pieces.values():
        statements.extend(piece.local)
    statements.sort(key=itemgetter(0))
    with atomic_write(path) as handle:
        write_prefixes(handle)
        for i, (_, text) in enumerate(statements):
            handle.write(f"\n{text}" if i else text)


def write_outputs(
    out: Path,
    *,
    ontology: Graph,
    reference: Graph,
    pieces: Mapping[str, Piece],
    fingerprint: str,
) -> int:
    """Write kg.trig, kg.ttl and the store of ``pieces``; returns the number of quads."""
    lines: set[str] = set()
    for piece in pieces.values():
        lines.update(piece.inferred)
    inferred = [_row(line) for line in sorted(lines)]
    reference_rows = graph_rows(reference)
    fixed_trig = {
        iri_text(str(ONTOLOGY_GRAPH)): graph_rows(ontology, indent="    ", name=ONTOLOGY_GRAPH),
        iri_text(str(REFERENCE_GRAPH)): reference_rows,
        iri_text(str(INFERRED_GRAPH)): inferred,
    }
    _write_trig(out / "kg.trig", fixed_trig, pieces)
    _write_union(out / "kg.ttl", [graph_rows(ontology), reference_rows], pieces)
    _update_store(out, pieces, lines, fingerprint)
    kept = sum(piece.triples for piece in pieces.values())
    return len(ontology) + len(reference) + len(inferred) + kept


# --- the store -------------------------------------------------------------------------------


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _read_state(out: Path) -> dict[str, Any] | None:
    try:
        data = json.loads((out / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _quads(graph: str, rows: Sequence[Row]) -> list[ox.Quad]:
    """Parse rows back into pyoxigraph quads of ``graph`` (as a bulk load of kg.trig would)."""
    if not rows:
        return []
    text = io.StringIO()
    write_prefixes(text)
    write_graph_block(iri_text(graph), rows, text)
    return list(ox.parse(text.getvalue().encode(), format=ox.RdfFormat.TRIG))


def _update_store(
    out: Path, pieces: Mapping[str, Piece], inferred: set[str], fingerprint: str
) -> None:
    state = _read_state(out)
    blocks = {stem: _digest(piece.trig) for stem, piece in pieces.items()}
    new_state = {"fingerprint": fingerprint, "blocks": blocks, "inferred": sorted(inferred)}
    if (
        state is not None
        and state.get("fingerprint") == fingerprint
        and store_path(out).is_dir()
        and isinstance(state.get("blocks"), dict)
    ):
        old_blocks: dict[str, str] = state["blocks"]
        changed = sorted(stem for stem, sha in blocks.items() if old_blocks.get(stem) != sha)
        removed = sorted(set(old_blocks) - set(blocks))
        old_inferred = set(state.get("inferred", []))
        new_inferred = inferred
        if not changed and not removed and old_inferred == new_inferred:
            return
        try:
            (out / STATE_FILE).unlink(missing_ok=True)
            _patch_store(
                out,
                pieces=[pieces[stem] for stem in changed],
                removed=[*changed, *removed],
                drop=[_row(line) for line in sorted(old_inferred - new_inferred)],
                add=[_row(line) for line in sorted(new_inferred - old_inferred)],
            )
            log.info(
                "store patched: %d article graph(s) replaced or removed",
                len(changed) + len(removed),
            )
        except (OSError, StoreError, SyntaxError) as exc:
            log.warning("incremental store update failed (%s); reloading the store", exc)
            write_store(out, out / "kg.trig")
    else:
        (out / STATE_FILE).unlink(missing_ok=True)
        write_store(out, out / "kg.trig")
        log.info("store loaded from kg.trig")
    with atomic_write(out / STATE_FILE) as handle:
        json.dump(new_state, handle, sort_keys=True)


def _patch_store(
    out: Path,
    *,
    pieces: Sequence[Piece],
    removed: Sequence[str],
    drop: Sequence[Row],
    add: Sequence[Row],
) -> None:
    """Apply one build's changes to a backup of the store, then swap the backup in."""
    final = store_path(out)
    tmp = out / ".store.tmp"
    if tmp.exists():
        shutil.rmtree(tmp)
    current = ox.Store(str(final))
    try:
        current.backup(str(tmp))
    finally:
        del current
    store = ox.Store(str(tmp))
    try:
        for stem in removed:
            graph = ox.NamedNode(str(article_graph(stem)))
            if store.contains_named_graph(graph):
                store.remove_graph(graph)
        inferred = str(INFERRED_GRAPH)
        for quad in _quads(inferred, drop):
            store.remove(quad)
        store.bulk_extend(_quads(inferred, add))
        for piece in pieces:
            if piece.trig:
                header = io.StringIO()
                write_prefixes(header)
                text = header.getvalue() + piece.trig
                store.bulk_extend(ox.parse(text.encode(), format=ox.RdfFormat.TRIG))
        store.flush()
    finally:
        del store
    old = out / ".store.old"
    if old.exists():
        shutil.rmtree(old)
    final.rename(old)
    tmp.rename(final)
    shutil.rmtree(old)
