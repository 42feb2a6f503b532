"""The makes of cars a driver raced for a team: "his stint with WRT in both Audi and BMW cars".

A membership stated in the same sentence as "<Make> (and <Make>) car(s)" gets a
``manufacturers`` role with those makes (the gold vocabulary's qualifier of ``memberOf``).
Runs after the other families, on the facts they produced.
"""

from __future__ import annotations

import re

from racegraph.extract.relations._base import Article
from racegraph.records import EntityType, Fact

_THEN_CARS = re.compile(r"(?:\s*(?:,|and|or)\s*[A-Z][\w-]*(?:\s[A-Z][\w-]*)?)*\s+cars?\b")


def annotate(art: Article) -> None:
    """Add ``manufacturers`` to memberOf facts whose sentence names the makes of the cars."""
    ctx = art.ctx
    text = ctx.article.text
    for index, fact in enumerate(art.facts):
        if fact.relation != "memberOf" or fact.get("manufacturers") is not None:
            continue
        ev = fact.evidence
        keys = tuple(
            sorted(
                {
                    m.entity
                    for m in ctx.mentions_between(ev.start, ev.end)
                    if m.type is EntityType.MANUFACTURER
                    and _THEN_CARS.match(text, m.end, ev.end) is not None
                }
            )
        )
        if keys:
            roles = dict(fact.args)
            roles["manufacturers"] = keys
            art.facts[index] = Fact.make(fact.relation, fact.evidence, **roles)
