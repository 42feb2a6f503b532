"""Extraction stage 3: relations between linked entities, each with its evidence.

:func:`extract_relations` reads the sentences and linked mentions of a
:class:`~racegraph.extract.context.DocContext` and appends :class:`~racegraph.records.Fact`
records in the gold relation vocabulary (``tests/gold/FORMAT.md``). One module per relation
family:

* :mod:`.events` - rounds and race sessions (found, or minted from "on Sunday"), eventOf,
  heldAt, eventDate;
* :mod:`.results` - raceResult, gridPosition, won, and what results entail (coDriver,
  competesIn confirmed, memberOf of a credited team);
* :mod:`.retirements` - raceResult without a place (DNF) for a car that retired;
* :mod:`.participation` - competesIn with claim status and modality, memberOf, drives;
* :mod:`.classes` - classOf, replaces, classRule, entryCount, manufacturerEntry,
  manufacturerOf, tested;
* :mod:`.identity` - nationality, basedIn, worksDriverFor, age, retired, fiaCategory,
  teamPrincipal;
* :mod:`.titles` - title and won (a championship's title);
* :mod:`.stints` - the makes of cars of a team membership ("in both Audi and BMW cars");
* :mod:`.learned` - links between two mentions of a sentence that no rule read (driver and
  team, driver and car, two drivers), from a pair classifier trained on the annotated articles
  (:mod:`.pair_features`, :mod:`racegraph.train`);
* :mod:`.entailment` - participation the other facts entail (crews that raced compete, teams
  with drivers compete, a membership stated beside a result belongs to that race's series);
* :mod:`.entry_phrases` - the entry (race number, team, car) a crew is named with in one
  sentence ("the #8 Toyota of A and B", "A and B (Team X)", "in the #8 Toyota"), read for
  :mod:`.results` and :mod:`.entries`;
* :mod:`.entries` - the article's entry table (number, team, car, crew), which resolves a
  crew named by a fragment of its entry ("in the Acura", "the sister #6 Porsche").

Rules are cue expressions over sentence text whose arguments are the linked mentions next to
the cue (plus the parse where it helps, e.g. what a demonym modifies). The patterns are
immutable compiled expressions; all per-article state lives in one
:class:`~racegraph.extract.relations._base.Article` built per call. Cost is linear in the
number of sentences.
"""

from __future__ import annotations

from racegraph.extract.context import DocContext
from racegraph.extract.relations import (
    class_context,
    classes,
    entailment,
    events,
    identity,
    learned,
    participation,
    results,
    retirements,
    stints,
    titles,
)
from racegraph.extract.relations._base import Article, prepare
from racegraph.extract.relations._consolidate import consolidate

__all__ = ["extract_relations", "rule_facts"]


def extract_relations(ctx: DocContext) -> Article:
    """Append the relation facts of one article to ``ctx.facts`` (may add entities, e.g.
    race sessions named only by their day); returns the article's discourse view."""
    art = rule_facts(ctx)
    learned.propose(art)
    entailment.complete(art)
    class_context.refit_to_cars(art)
    events.apply_folds(art)
    identity.drop_principal_members(art)
    results.drop_solo_pairs(art)
    ctx.facts.extend(consolidate(participation.settle_will(consolidate(art.facts))))
    return art


def rule_facts(ctx: DocContext) -> Article:
    """The article's discourse view holding what the rule families state, before the pair
    classifier and entailment: the state the classifier reads, in training as in builds."""
    art = prepare(ctx)
    events.index_events(art)
    events.extract(art)
    results.extract(art)
    participation.extract(art)
    retirements.extract(art)
    classes.extract(art)
    identity.extract(art)
    titles.extract(art)
    stints.annotate(art)
    return art
