"""Consolidation: event-less coDriver folds into the evented pair; competesIn keeps classes."""

from __future__ import annotations

from racegraph.extract.relations._consolidate import consolidate
from racegraph.records import Evidence, Fact

EV = Evidence(sentence="x", start=0, end=1, rule="t")


def test_eventless_codriver_folds_into_evented_pair() -> None:
    facts = [
        Fact.make("coDriver", EV, s="a", o="b"),
        Fact.make("coDriver", EV, s="b", o="a", event="e1"),
        Fact.make("coDriver", EV, s="a", o="c"),
    ]
    out = consolidate(facts)
    assert [f.get("event") for f in out if f.relation == "coDriver"] == ["e1", None]
    assert {frozenset({f.get("s"), f.get("o")}) for f in out} == {
        frozenset({"a", "b"}),
        frozenset({"a", "c"}),
    }


def test_competes_in_two_classes_keeps_both() -> None:
    facts = [
        Fact.make("competesIn", EV, s="t", o="c", season=2024, status="confirmed"),
        Fact.make(
            "competesIn", EV, s="t", o="c", season=2024, status="confirmed", **{"class": "k1"}
        ),
        Fact.make(
            "competesIn", EV, s="t", o="c", season=2024, status="confirmed", **{"class": "k2"}
        ),
    ]
    out = consolidate(facts)
    assert sorted(str(f.get("class")) for f in out) == ["k1", "k2"]
