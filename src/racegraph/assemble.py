"""Write ``kg.trig``, ``kg.ttl`` and the store from per-article pieces.

Each article's triples are formatted once, when the article is built, into a :class:`Piece`
(its sorted rows, its TriG block, and a Turtle statement per subject) that the build caches.
Assembling the outputs is then a sort of text: only the subjects that several graphs describe
(drivers, teams, championships…) are merged row by row, so an incremental build that changed
one article does not re-parse or re-format the other thousands.

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
import os
import shutil
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import IO, Any, TypeAlias

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
from racegraph.store import store_path, write_store
from racegraph.vocab import INFERRED_GRAPH, ONTOLOGY_GRAPH, REFERENCE_GRAPH, article_graph

__all__ = ["Packed", "Piece", "make_piece", "pack_rows", "unpack_rows", "write_outputs"]

log = logging.getLogger(__name__)

STATE_FILE = ".state.json"

Packed: TypeAlias = list[list[Any]]
"""Sorted rows as ``[[subject, [[predicate, [object, …]], …]], …]``: each text stored once."""


@dataclass(slots=True)
class Piece:
    """What the outputs need from one article, computed once when it is built."""

    stem: str
    kept: list[Row]  # sorted rows of the article graph
    inferred: list[Row]  # sorted rows of its inferences
    trig: str  # its ``name { … }`` block ("" when nothing was kept)
    subjects: list[tuple[str, str]]  # (subject, Turtle statement) over kept ∪ inferred

    @property
    def graph_name(self) -> str:
        return iri_text(str(article_graph(self.stem)))

    def to_json(self) -> dict[str, Any]:
        return {
            "kept": pack_rows(self.kept),
            "inferred": pack_rows(self.inferred),
            "trig": self.trig,
            "subjects": self.subjects,
        }

    @staticmethod
    def from_json(stem: str, data: Mapping[str, Any]) -> Piece:
        return Piece(
            stem=stem,
            kept=unpack_rows(data["kept"]),
            inferred=unpack_rows(data["inferred"]),
            trig=str(data["trig"]),
            subjects=[(str(s), str(text)) for s, text in data["subjects"]],
        )


def make_piece(stem: str, kept: Sequence[Row], inferred: Sequence[Row]) -> Piece:
    """Format an article's kept and inferred rows (each sorted and unique) for the outputs."""
    block = io.StringIO()
    if kept:
        write_graph_block(iri_text(str(article_graph(stem))), kept, block)
    union = sorted({*kept, *inferred})
    subjects = [(s, subject_block(list(rows))) for s, rows in groupby(union, itemgetter(0))]
    return Piece(stem, list(kept), list(inferred), block.getvalue(), subjects)


def pack_rows(rows: Sequence[Row]) -> Packed:
    packed: Packed = []
    for subject, by_subject in groupby(rows, key=itemgetter(0)):
        predicates = [
            [p, [row[2] for row in group]] for p, group in groupby(by_subject, itemgetter(1))
        ]
        packed.append([subject, predicates])
    return packed


def unpack_rows(packed: Packed) -> list[Row]:
    return [(s, p, o) for s, predicates in packed for p, objects in predicates for o in objects]


@contextmanager
def atomic_write(path: Path) -> Iterator[IO[str]]:
    """Write to ``path`` through a temporary sibling renamed into place on success."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "w", encoding="utf-8") as handle:
        yield handle
    os.replace(tmp, path)


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
        handle.write("\n".join(blocks[name] for name in sorted(blocks)))


def _write_union(path: Path, fixed: Sequence[Sequence[Row]], pieces: Mapping[str, Piece]) -> None:
    """kg.ttl: every subject once; only subjects several sources describe are re-merged."""
    sources = Counter(s for rows in fixed for s in {row[0] for row in rows})
    for piece in pieces.values():
        sources.update(s for s, _ in piece.subjects)
    shared = {s for s, n in sources.items() if n > 1}
    statements: dict[str, str] = {}
    merged: dict[str, set[Row]] = defaultdict(set)
    for rows in fixed:
        for subject, group in groupby(rows, key=itemgetter(0)):
            if subject in shared:
                merged[subject].update(group)
            else:
                statements[subject] = subject_block(list(group))
    for piece in pieces.values():
        mine = {s for s, _ in piece.subjects if s in shared}
        statements.update((s, text) for s, text in piece.subjects if s not in mine)
        if mine:
            for part in (piece.kept, piece.inferred):
                for row in part:
                    if row[0] in mine:
                        merged[row[0]].add(row)
    for subject, described in merged.items():
        statements[subject] = subject_block(sorted(described))
    with atomic_write(path) as handle:
        write_prefixes(handle)
        handle.write("\n".join(statements[s] for s in sorted(statements)))


def write_outputs(
    out: Path,
    *,
    ontology: Graph,
    reference: Graph,
    pieces: Mapping[str, Piece],
    fingerprint: str,
) -> int:
    """Write kg.trig, kg.ttl and the store of ``pieces``; returns the number of quads."""
    inferred = sorted({row for piece in pieces.values() for row in piece.inferred})
    reference_rows = graph_rows(reference)
    fixed_trig = {
        iri_text(str(ONTOLOGY_GRAPH)): graph_rows(ontology, indent="    ", name=ONTOLOGY_GRAPH),
        iri_text(str(REFERENCE_GRAPH)): reference_rows,
        iri_text(str(INFERRED_GRAPH)): inferred,
    }
    _write_trig(out / "kg.trig", fixed_trig, pieces)
    _write_union(out / "kg.ttl", [graph_rows(ontology), reference_rows, inferred], pieces)
    _update_store(out, pieces, inferred, fingerprint)
    kept = sum(len(piece.kept) for piece in pieces.values())
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
    out: Path, pieces: Mapping[str, Piece], inferred: Sequence[Row], fingerprint: str
) -> None:
    state = _read_state(out)
    blocks = {stem: _digest(piece.trig) for stem, piece in pieces.items()}
    new_state = {"fingerprint": fingerprint, "blocks": blocks, "inferred": pack_rows(inferred)}
    if (
        state is not None
        and state.get("fingerprint") == fingerprint
        and store_path(out).is_dir()
        and isinstance(state.get("blocks"), dict)
    ):
        old_blocks: dict[str, str] = state["blocks"]
        changed = sorted(stem for stem, sha in blocks.items() if old_blocks.get(stem) != sha)
        removed = sorted(set(old_blocks) - set(blocks))
        old_inferred = set(unpack_rows(state.get("inferred", [])))
        new_inferred = set(inferred)
        if not changed and not removed and old_inferred == new_inferred:
            return
        try:
            (out / STATE_FILE).unlink(missing_ok=True)
            _patch_store(
                out,
                pieces=[pieces[stem] for stem in changed],
                removed=[*changed, *removed],
                drop=sorted(old_inferred - new_inferred),
                add=sorted(new_inferred - old_inferred),
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
