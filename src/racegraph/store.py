"""The embedded store: a pyoxigraph ``Store`` on disk in ``KG_DIR/store``.

Wraps pyoxigraph's bare ``OSError``/``SyntaxError`` in racegraph errors so callers get a message
that says what to do.
"""

from __future__ import annotations

import itertools
import shutil
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
from rdflib import XSD, BNode, Literal, URIRef
from rdflib.term import Node

from racegraph.errors import StoreError

_BATCH = 200_000


def store_path(kg: Path) -> Path:
    """Where the store of a built knowledge graph lives."""
    return kg / "store"


def open_store(kg: Path, *, read_only: bool = True) -> ox.Store:
    """Open the store built by ``racegraph build --out KG``.

    Read-only by default so that queries cannot change the built graph.
    """
    path = store_path(kg)
    if not path.is_dir():
        raise StoreError(
            f"no knowledge graph in {kg}/ (missing {path}); run `racegraph build` first "
            "or pass --kg DIR"
        )
    try:
        return ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
    except OSError as exc:
        raise StoreError(f"cannot open the store in {path}: {exc}") from exc


def write_store(kg: Path, trig_file: Path) -> None:
    """(Re)create ``KG/store`` from a TriG file: built beside, then swapped in.

    Writing to a temporary folder and renaming means a killed build never leaves a
    half-written store behind.
    """
    final = store_path(kg)
    tmp = kg / ".store.tmp"
    if tmp.exists():
        shutil.rmtree(tmp)
    store = ox.Store(str(tmp))
    try:
        # In batches: one bulk_load of a 2.7M-quad file peaked at 1.5 GiB, batches of
        # 200k quads at 0.3 GiB, for ~25 % more time.
        quads = ox.parse(path=str(trig_file), format=ox.RdfFormat.TRIG)
        while batch := list(itertools.islice(quads, _BATCH)):
            store.bulk_extend(batch)
        store.optimize()
        store.flush()
    except (OSError, SyntaxError) as exc:
        raise StoreError(f"cannot load {trig_file} into the store: {exc}") from exc
    finally:
        del store
    old = kg / ".store.old"
    if old.exists():
        shutil.rmtree(old)
    if final.exists():
        final.rename(old)
    tmp.rename(final)
    if old.exists():
        shutil.rmtree(old)


def memory_store(quads: Iterable[ox.Quad]) -> ox.Store:
    """An in-memory store holding ``quads`` (for tests and ad-hoc use)."""
    store = ox.Store()
    store.extend(quads)
    return store


def to_rdflib(term: object) -> Node | None:
    """The rdflib term of a pyoxigraph term (None for anything else, e.g. an unbound value).

    Literals keep their lexical form as stored (``normalize=False``).

    >>> to_rdflib(ox.Literal("46", datatype=ox.NamedNode(str(XSD.integer))))
    rdflib.term.Literal('46', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#integer'))
    """
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == str(XSD.string):
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype), normalize=False)
    return None
