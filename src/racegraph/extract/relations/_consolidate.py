"""Merging what several sentences say about the same thing into one fact."""

from __future__ import annotations

from collections.abc import Callable, Hashable

from racegraph.records import Fact, Value

_WEAK_WORDING = frozenset({"will", "ll", "would", "could", "might", "None"})
STATUS_STRENGTH = {"confirmed": 4, "planned": 3, "likely": 2, "uncertain": 1, "provisional": 0}


def _key(*roles: str) -> Callable[[Fact], Hashable]:
    def key(f: Fact) -> Hashable:
        return tuple(repr(f.get(r)) for r in roles)

    return key


_MERGE_KEYS: dict[str, Callable[[Fact], Hashable]] = {
    "competesIn": _key("s", "o", "season", "class"),
    "drives": _key("s", "o", "championship", "season"),
    "memberOf": _key("s", "o", "championship", "season"),
    "manufacturerEntry": _key("manufacturer", "championship", "season", "class"),
    "eventOf": _key("s", "o"),
    "classOf": _key("s", "o", "season"),
    "tested": _key("s", "o", "event"),
    "title": _key("s", "o"),
    "fiaCategory": _key("s", "o"),
    "retired": _key("s", "o"),
    "entryCount": _key("championship", "season", "class", "count"),
    "classRule": _key("class", "championship"),
}


def _merge(a: Fact, b: Fact) -> Fact:
    """Union of roles; a stronger claim status (with its modality) wins."""
    roles: dict[str, Value] = dict(a.args)
    sa = STATUS_STRENGTH.get(str(a.get("status")), -1)
    sb = STATUS_STRENGTH.get(str(b.get("status")), -1)
    stronger = b if sb > sa else a
    if sa == sb and str(a.get("modality")) in _WEAK_WORDING and b.get("modality") is not None:
        stronger = b
    for name, value in b.args:
        roles.setdefault(name, value)
    for name in ("status", "modality"):
        v = stronger.get(name)
        if v is not None:
            roles[name] = v
        elif name in roles and stronger is b:
            del roles[name]
    evidence = a.evidence if a.evidence.confidence >= b.evidence.confidence else b.evidence
    return Fact.make(a.relation, evidence, **roles)


def _codriver_key(f: Fact) -> Hashable:
    return (frozenset({f.get("s"), f.get("o")}), repr(f.get("event")), repr(f.get("season")))


def consolidate(facts: list[Fact]) -> list[Fact]:
    """Drop exact duplicates and merge facts about the same statement, in first-seen order."""
    out: list[Fact] = []
    index: dict[tuple[str, Hashable], int] = {}
    for f in facts:
        if f.relation == "coDriver":
            k: Hashable = _codriver_key(f)
        elif f.relation in _MERGE_KEYS:
            k = _MERGE_KEYS[f.relation](f)
        else:
            k = f.args
        slot = (f.relation, k)
        if slot in index:
            i = index[slot]
            if f.relation != "coDriver":
                out[i] = _merge(out[i], f)
            continue
        index[slot] = len(out)
        out.append(f)
    return _fold_classless(_fold_eventless(out))


def _fold_eventless(facts: list[Fact]) -> list[Fact]:
    """Drop an event-less coDriver pair that the same pair with an event already states."""
    with_event = {
        frozenset({f.get("s"), f.get("o")})
        for f in facts
        if f.relation == "coDriver" and f.get("event") is not None
    }
    return [
        f
        for f in facts
        if not (
            f.relation == "coDriver"
            and f.get("event") is None
            and frozenset({f.get("s"), f.get("o")}) in with_event
        )
    ]


def _fold_classless(facts: list[Fact]) -> list[Fact]:
    """Merge a class-less competesIn into the first one of the same (s, o, season) with a class."""
    classed: dict[Hashable, int] = {}
    for i, f in enumerate(facts):
        if f.relation == "competesIn" and f.get("class") is not None:
            classed.setdefault(_key("s", "o", "season")(f), i)
    out = list(facts)
    drop: set[int] = set()
    for i, f in enumerate(facts):
        if f.relation != "competesIn" or f.get("class") is not None:
            continue
        j = classed.get(_key("s", "o", "season")(f))
        if j is not None:
            out[j] = _merge(out[j], f)
            drop.add(i)
    return [f for i, f in enumerate(out) if i not in drop]
