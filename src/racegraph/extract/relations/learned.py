"""Learned pair classifier: links the rule families missed between two mentions of a sentence.

Rules fitted to the articles we read carry over to new wording at a fraction of the rate they
improve the text they were written for. A logistic-regression model over the features of
:mod:`.pair_features`, trained on every annotated article of the repository except the
untouched measurement sets (``python -m racegraph.train``), reads the links between a driver
and a team (``memberOf``), a driver and a car (``drives``) and two drivers (``coDriver``) in any
phrasing the training articles share. It only adds: a pair the rules already relate is left to
them, and a pair goes in only when its probability reaches the model's threshold. Added facts
carry rule ``learned.<relation>`` and the probability as their confidence, and take their
qualifiers (championship, season, event, race number) from what the article states about the
same driver, else from the discourse context. They run before entailment, so a learned crew
also gets its participation.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from racegraph.extract.context import LinkedMention
from racegraph.extract.relations._base import (
    Article,
    Sentence,
    group_after,
    group_before,
    same_clause,
)
from racegraph.extract.relations.entry_phrases import crew_entry, number_before
from racegraph.extract.relations.pair_features import (
    LEARNED_RULE,
    PAIR_TYPES,
    PairCandidate,
    candidates,
    result_crews,
)
from racegraph.records import EntityType, Fact, Value

MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "pairs.json"
MODEL_ENV = "RACEGRAPH_PAIR_MODEL"
"""Environment variable naming another model file, or ``off`` for rules only (experiments)."""

MAX_CONFIDENCE = 0.95
"""A learned link is never certain (and a confidence of 1.0 is what only a rule may claim)."""
_RESULTS = frozenset({"raceResult", "gridPosition", "coDriver"})


@dataclass(frozen=True, slots=True)
class PairModel:
    """One weight per feature string and relation, and the probability a link needs."""

    weights: Mapping[str, Mapping[str, float]]
    threshold: float

    def probability(self, relation: str, features: tuple[str, ...]) -> float:
        weights = self.weights.get(relation)
        if not weights:
            return 0.0
        z = sum(weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self, **meta: object) -> str:
        """The model as stable JSON (sorted, rounded): the same weights give the same bytes."""
        body = {
            **meta,
            "threshold": self.threshold,
            "weights": {
                rel: {f: round(w, 4) for f, w in sorted(ws.items()) if round(w, 4) != 0.0}
                for rel, ws in sorted(self.weights.items())
            },
        }
        return json.dumps(body, indent=1, sort_keys=True, ensure_ascii=False) + "\n"

    @staticmethod
    def from_json(text: str) -> PairModel:
        data = json.loads(text)
        weights = {
            str(rel): {str(f): float(w) for f, w in ws.items()}
            for rel, ws in dict(data["weights"]).items()
        }
        return PairModel(weights=weights, threshold=float(data["threshold"]))


def model_path() -> Path | None:
    """The model file builds use: ``$RACEGRAPH_PAIR_MODEL`` or the shipped one (None: off)."""
    chosen = os.environ.get(MODEL_ENV, "")
    if chosen.lower() == "off":
        return None
    path = Path(chosen) if chosen else MODEL_PATH
    return path if path.is_file() else None


def default_model() -> PairModel | None:
    """The model of :func:`model_path` (None when there is none: rules only)."""
    path = model_path()
    return None if path is None else _load(path)


@cache
def _load(path: Path) -> PairModel:
    return PairModel.from_json(path.read_text(encoding="utf-8"))


def pair_key(relation: str, s: str, o: str) -> tuple[str, str, str]:
    """The key of a link: a co-driver pair is unordered."""
    if relation == "coDriver" and o < s:
        s, o = o, s
    return (relation, s, o)


def propose(art: Article, model: PairModel | None = None) -> None:
    """Add the pair facts the model finds and no rule stated (in place, deterministic)."""
    model = model if model is not None else default_model()
    if model is None:
        return
    stated = {
        pair_key(f.relation, str(f.get("s")), str(f.get("o")))
        for f in art.facts
        if f.relation in PAIR_TYPES
    }
    best: dict[tuple[str, str, str], tuple[float, PairCandidate]] = {}
    crews = result_crews(art)
    for cand in candidates(art):
        key = pair_key(cand.relation, cand.s.entity, cand.o.entity)
        if key in stated or _splits_a_crew(cand, crews.get(cand.sentence.start, [])):
            continue
        if cand.relation == "drives" and (_rival_car(cand) or _not_the_crews_car(cand)):
            continue
        p = model.probability(cand.relation, cand.features)
        if p >= model.threshold and (key not in best or p > best[key][0]):
            best[key] = (p, cand)
    for key in sorted(best):
        p, cand = best[key]
        _emit(art, cand, round(min(p, MAX_CONFIDENCE), 3))


def _splits_a_crew(cand: PairCandidate, crews: list[frozenset[str]]) -> bool:
    """Two drivers of which one is in a crew the rules read in this sentence and the other
    is not in it: the sentence names them apart ("A won and shared the podium with B")."""
    if cand.relation != "coDriver":
        return False
    a, b = cand.s.entity, cand.o.entity
    return any((a in c) != (b in c) for c in crews)


_RIVAL = re.compile(
    r"\b(?:than|ahead\s+of|behind|in\s+front\s+of|clear\s+of)\b"
    r"|\b(?:beat|beating|passed|overtook)\s+(?:[\w-]+(?:['’]s)?\s+){0,3}(?:#\s?\d{1,3}\s+)?$"
)
_OWN_CAR = re.compile(r"\b(?:in|at\s+the\s+wheel\s+of|driving)\s+(?:his|her|their)\s+[^,;]*$")


def _rival_car(cand: PairCandidate) -> bool:
    """ "A put the #6 on pole, 0.081s quicker than the #12 Cadillac": a car named after a
    comparison with the driver's own is a rival's ("finished 1.9 seconds behind in his #33
    BMW" is his own)."""
    sent = cand.sentence
    if cand.o.start < cand.s.end:
        return False
    gap = sent.lower[sent.rel(cand.s.end) : sent.rel(cand.o.start)]
    return bool(_RIVAL.search(gap)) and not _OWN_CAR.search(gap)


def _not_the_crews_car(cand: PairCandidate) -> bool:
    """ "The #8 Toyota TR010 Hybrid of A, B and C won ... after the leading #51 Ferrari 499P
    stopped": a crew named with its own car drives no other car of the sentence."""
    own = crew_entry(cand.sentence, _crew_of(cand.sentence, cand.s)).car
    return own is not None and own != cand.o.entity


def _emit(art: Article, cand: PairCandidate, confidence: float) -> None:
    sent, s, o = cand.sentence, cand.s.entity, cand.o.entity
    rule = LEARNED_RULE + cand.relation
    if cand.relation == "coDriver":
        event = _shared_event(art, s, o)
        if event is None:
            race = art.race_at(max(cand.s.end, cand.o.end))
            event = None if race is None or art.later_in_calendar(sent, race) else race
        if event is not None and art.long_past(sent, event):
            event = None
        year = None if event else _season(art, sent, s, cand.s.start)
        art.emit("coDriver", sent, rule, confidence, s=s, o=o, event=event, season=year)
        return
    championship, season = _context(art, sent, s, cand.s.start, cand.o.start)
    if cand.relation == "memberOf":
        art.emit(
            "memberOf",
            sent,
            rule,
            confidence,
            s=s,
            o=o,
            championship=championship,
            season=season,
            asOf=art.published,
        )
        return
    own = crew_entry(sent, _crew_of(sent, cand.s))
    art.emit(
        "drives",
        sent,
        rule,
        confidence,
        s=s,
        o=o,
        number=own.number if own.number is not None else number_before(sent, cand.o.start),
        championship=championship,
        season=season,
        team=own.team or _team_of(art, s, season),
        asOf=art.published,
    )


def _crew_of(sent: Sentence, m: LinkedMention) -> list[str]:
    """The coordinated drivers a driver mention is named with ("the sister #7 car of A and
    B"): their entry, not the car the link reaches, gives the race number."""
    crew = group_before(sent, m.end, [EntityType.DRIVER]) + group_after(
        sent, m.start, [EntityType.DRIVER]
    )
    return list(dict.fromkeys(x.entity for x in crew))


def _facts_of(art: Article, driver: str, *relations: str) -> list[Fact]:
    return [f for f in art.facts if f.relation in relations and f.get("s") == driver]


def _context(
    art: Article, sent: Sentence, driver: str, pos: int, obj: int
) -> tuple[str | None, Value | None]:
    """(championship, season) of a driver's link: what the sentence names near the link ("for
    Andretti in the IndyCar Series in 2025"; the year in the team's or car's clause first: "X,
    who was runner-up with 2 Seas in 2025, ..."), else what the article states about the
    driver's participation, else the championship the text is about and the article's season."""
    named = _championship_near(art, sent, pos) or _championship_near(art, sent, obj)
    year: Value | None = art.season_in(sent, obj) or art.season_in(sent, pos)
    stated = _facts_of(art, driver, "competesIn", "memberOf", "drives")
    here_first = sorted(stated, key=lambda f: not sent.start <= f.evidence.start < sent.end)
    for f in here_first:
        champ = f.get("o") if f.relation == "competesIn" else f.get("championship")
        if isinstance(champ, str) and f.get("season") is not None and named in (None, champ):
            return named or champ, year or f.get("season")
    here = named or art.championship_at(pos) or art.dominant_championship()
    return (art.root_known(here) if here else None), year or _season(art, sent, driver, pos)


def _championship_near(art: Article, sent: Sentence, pos: int) -> str | None:
    """A championship the sentence names in the clause of ``pos``, nearest first."""
    near = [
        m
        for m in sent.of(EntityType.CHAMPIONSHIP)
        if same_clause(sent, m.start, pos) and not _side_relative(art, m)
    ]
    if not near:
        return None
    best = min(near, key=lambda m: abs(m.start - pos))
    return art.root_known(best.entity)


def _side_relative(art: Article, m: LinkedMention) -> bool:
    """ "the trio who are warming up in the Asian Le Mans Series this winter": a second
    programme told in a relative clause is not the championship of the link."""
    return art.side_programme(m) and any(t.dep_ == "relcl" for t in art.ctx.governors(m))


def _season(art: Article, sent: Sentence, driver: str, pos: int) -> int:
    planned_before = any(start < sent.start for start, _ in art.plan_seasons)
    if planned_before and _FUTURE.search(sent.text):  # "for 2026 ... will make his debut"
        return art.season_in(sent, pos) or art.plan_season(sent)
    return art.season_in(sent, pos) or art.focus_season or art.published.year


_FUTURE = re.compile(
    r"\b(?:will|set to|expected to|is to|are to)\s+(?:\w+\s+)?"
    r"(?:make|drive|race|share|join|partner|compete|contest|line up|be)\b",
    re.I,
)


def _shared_event(art: Article, a: str, b: str) -> str | None:
    """The race both drivers' results or crews name (a crew the rules read in part)."""
    events: dict[str, set[str]] = {a: set(), b: set()}
    for f in art.facts:
        if f.relation not in _RESULTS or not isinstance(f.get("event"), str):
            continue
        crew = f.get("drivers")
        members = set(crew) if isinstance(crew, tuple) else {crew, f.get("s"), f.get("o")}
        for d in (a, b):
            if d in members:
                events[d].add(str(f.get("event")))
    both = sorted(events[a] & events[b]) or sorted(events[a] | events[b])
    return both[0] if both else None


def _team_of(art: Article, driver: str, season: Value | None) -> str | None:
    teams = sorted(
        {
            str(f.get("o"))
            for f in _facts_of(art, driver, "memberOf")
            if f.get("season") in (season, None)
        }
    )
    return teams[0] if len(teams) == 1 else None
