"""The class of a participation the statement itself leaves open, from the discourse.

* A class framed as "Elsewhere in the Hypercar class, ..." says the story is about that
  class: the class-less announcements of the same championship before and after it take it.
* A car races in the classes its regulations are admitted to: a participation whose
  statement names a car (or whose driver the story puts in one) takes the one class the
  story names that admits the car (the #8 GR010 Hybrid, an LMH car, is a Hypercar when the
  story names Hypercar and LMGT3; a GT3 car in that story is an LMGT3).
* A crew shares one car, so one class: a driver's class-less ``competesIn`` takes the class
  another statement of the story gives the same driver in the same championship season; a
  team's class-less ``competesIn`` takes the class of the crews the same sentence puts in
  its car.

Race results are left alone: the gold convention gives an overall result no class unless
the text names it, and results.py / entailment.py decide those.
"""

from __future__ import annotations

import re
from collections import defaultdict

from racegraph.extract.context import QUOTE_MARKS, LinkedMention
from racegraph.extract.relations._base import Article, is_title_use
from racegraph.records import EntityType, Fact, Value
from racegraph.reference import ReferenceEntity, key_of

D = EntityType.DRIVER
T = EntityType.TEAM
K = EntityType.CLASS

_ELSEWHERE = re.compile(r"^\W*(?:elsewhere|also)\s+in\s+(?:the\s+)?$", re.I)
_IN_CLASS = re.compile(r"^\W*in\s+(?:the\s+)?$", re.I)
_AFTER_CLASS = re.compile(r"^\s*(?:class|category)?\s*,", re.I)
_CLASS_CAR = re.compile(r"^\s*(?:cars?|prototypes?|machines?|entry|entries|of)\b", re.I)
_RESULT_RULES = frozenset({"competesIn.result", "competesIn.won", "competesIn.drove"})


def complete(art: Article) -> None:
    """Fill the class of class-less participation facts (see the module docstring)."""
    _car_class(art)
    _crew_class(art)
    _elsewhere_class(art)
    _section_class(art)


def _open(art: Article, f: Fact) -> bool:
    """A class-less competesIn of a driver or team stated outside a race result."""
    if f.relation != "competesIn" or f.get("class") is not None:
        return False
    if f.evidence.rule.split("+")[0] in _RESULT_RULES:
        return False
    ent = art.entity(str(f.get("s")))
    return ent is not None and ent.type in (D, T)


def _same_series(art: Article, a: Value | None, b: str) -> bool:
    return isinstance(a, str) and art.root(a) == art.root(b)


def _elsewhere_class(art: Article) -> None:
    """ "Elsewhere in the Hypercar class, ..." says the story is about that class: the
    class-less statements before it (since the last class named) and after it (until another
    class is named) are in it. A plain "In LMGT3, ..." opens a new section instead."""
    marks = [m for m in art.ctx.mentions if m.type is K]
    for sent in art.sentences:
        for k in sent.of(K):
            if not _ELSEWHERE.match(sent.gap(sent.start, k.start)):
                continue
            champ = _champ_of(art, sent.start, k.start)
            if champ is None:
                continue
            since = max((m.end for m in marks if m.end <= sent.start), default=0)
            until = min(
                (m.start for m in marks if m.start > k.end and m.entity != k.entity),
                default=len(art.ctx.article.text),
            )
            for i, f in enumerate(art.facts):
                if (
                    _open(art, f)
                    and since <= f.evidence.start < until
                    and _same_series(art, f.get("o"), champ)
                ):
                    art.facts[i] = _with_class(f, k.entity)


def _section_class(art: Article) -> None:
    """A story that goes class by class ("Genesis takes the number of Hypercar makes to
    eight. ... In LMGT3, ...") puts each class-less statement of the same championship in
    the class of the last section frame before it. A frame is a sentence opening "In
    <class>," or a class-level sentence (one class, no driver, no quote); a class named
    beside a crew ("A shares the #10 with B in LMP2") is that crew's, not a frame."""
    frames = [(m.end, m.entity, champ) for m, champ in _frames(art)]
    if not frames:
        return
    for i, f in enumerate(art.facts):
        if not _open(art, f):
            continue
        before = [fr for fr in frames if fr[0] <= f.evidence.end]
        if before and _same_series(art, f.get("o"), before[-1][2]):
            art.facts[i] = _with_class(f, before[-1][1])


def _frames(art: Article) -> list[tuple[LinkedMention, str]]:
    out: list[tuple[LinkedMention, str]] = []
    for sent in art.sentences:
        classes = sent.of(K)
        if not classes or len({k.entity for k in classes}) > 1:
            continue
        k = classes[0]
        opening = _IN_CLASS.match(sent.gap(sent.start, k.start)) and _AFTER_CLASS.match(
            sent.gap(k.end, sent.end)
        )
        level = not sent.of(D, EntityType.PERSON) and not QUOTE_MARKS.search(sent.text)
        if not (opening or (level and not _CLASS_CAR.match(sent.gap(k.end, sent.end)))):
            continue
        named = [c for c in sent.of(EntityType.CHAMPIONSHIP) if not is_title_use(sent, c)]
        champ = named[0].entity if named else art.championship_at(k.start)
        if champ is not None:
            out.append((k, champ))
    return out


def _champ_of(art: Article, lo: int, pos: int) -> str | None:
    sent = art.sentence_at(lo)
    if sent is not None:
        named = [c for c in sent.of(EntityType.CHAMPIONSHIP) if not is_title_use(sent, c)]
        if named:
            return named[0].entity
    return art.championship_at(pos)


def _car_class(art: Article) -> None:
    """The one class of the championship the story names that admits the regulations of
    the participant's car: the cars the statement names, else the cars the story says the
    driver drives. A class is the championship's by the reference ("GTP": IMSA), else by
    where the story names it (the championship its sentence names, else the one the text
    is about there)."""
    named, where = _story_classes(art)
    if not named:
        return
    for i, f in enumerate(art.facts):
        if not _open(art, f):
            continue
        fits = _fitting_classes(art, f, _regulations(art, f), named, where)
        if len(fits) == 1:
            art.facts[i] = _with_class(f, next(iter(fits)))


def refit_to_cars(art: Article) -> None:
    """Once every rule has spoken (the crews' cars included): a participation whose class
    cannot take the participant's car ("contact with a Hypercar" put an LMGT3 crew in
    Hypercar), or that has no class, takes the one class of the story that can: the cars
    the story gives the driver decide, then the cars of the statement."""
    named, where = _story_classes(art)
    for i, f in enumerate(art.facts):
        cls = f.get("class")
        if f.relation == "competesIn" and isinstance(cls, str):
            own = _class_built_to(art, cls, str(f.get("o")), where)
            if own is not None:  # "GT3" in the WEC: its GT3 class, LMGT3
                art.facts[i] = f = _with_class(f, own)
                cls = own
        if f.relation != "competesIn" or (cls is not None and cls not in named):
            continue
        ent = art.entity(str(f.get("s")))
        if ent is None or ent.type not in (D, T):
            continue
        # a stated class gives way to the driver's own car only, not to a car the sentence
        # names for another crew
        regulations = _regulations(art, f, driven_first=True, stated=cls is None)
        if len(regulations) != 1 or (isinstance(cls, str) and regulations & set(named[cls].admits)):
            continue
        fits = _fitting_classes(art, f, regulations, named, where)
        if len(fits) == 1:
            art.facts[i] = _with_class(f, next(iter(fits)))


def _class_built_to(art: Article, cls: str, champ: str, where: set[tuple[str, str]]) -> str | None:
    """The one class of ``champ`` that admits the regulations ``cls`` names (GT3 cars race
    in the WEC's LMGT3), when ``cls`` is a set of regulations rather than a class of a
    championship: a class of it in the reference data or named with it in the story."""
    listed = art.listed(cls)
    root = art.root(champ)
    series = art.listed(root)
    if listed is None or series is None or listed.championship or listed.admits:
        return None
    fits = [e for e in art.classes_admitting(listed.iri) if e.key in art.ctx.entities]
    own = [e.key for e in fits if e.championship == series.iri or (root, e.key) in where]
    if len(own) == 1:
        return own[0]
    return fits[0].key if len(fits) == 1 else None  # the story's one class for such cars


def _story_classes(
    art: Article,
) -> tuple[dict[str, ReferenceEntity], set[tuple[str, str]]]:
    """The classes the story names that admit cars (by key), and the (championship, class)
    pairs the story names them with."""
    named: dict[str, ReferenceEntity] = {}
    where: set[tuple[str, str]] = set()
    for sent in art.sentences:
        for k in sent.of(K):
            listed = art.listed(k.entity)
            if listed is None or not listed.admits:
                continue
            named[k.entity] = listed
            champ = _champ_of(art, sent.start, k.start)
            if champ is not None:
                where.add((art.root(champ), k.entity))
    return named, where


def _fitting_classes(
    art: Article,
    f: Fact,
    regulations: set[str],
    named: dict[str, ReferenceEntity],
    where: set[tuple[str, str]],
) -> set[str]:
    """The story's classes of the fact's championship that admit one of ``regulations``."""
    champ = art.root(str(f.get("o")))
    return {
        key
        for key, cls in named.items()
        if regulations & set(cls.admits)
        and (
            (champ, key) in where if cls.championship is None else key_of(cls.championship) == champ
        )
    }


def _regulations(
    art: Article, f: Fact, *, driven_first: bool = False, stated: bool = True
) -> set[str]:
    """The regulations (class IRIs) of the cars a participation statement names, else of
    the cars the story's ``drives`` facts give its driver in the same season (those first
    when ``driven_first``; those only unless ``stated``)."""
    sent = art.sentence_at(f.evidence.start)
    named = [m.entity for m in sent.of(EntityType.CAR_MODEL)] if sent is not None and stated else []
    driven = [
        str(d.get("o"))
        for d in art.facts
        if d.relation == "drives"
        and d.get("s") == f.get("s")
        and d.get("season") in (f.get("season"), None)
    ]
    cars = (driven or named) if driven_first else (named or driven)
    out: set[str] = set()
    for car in cars:
        listed = art.listed(car)
        if listed is not None and listed.built_to is not None:
            out.add(listed.built_to)
    return out


def _crew_class(art: Article) -> None:
    """A driver's other classed statement of the same championship season; a team's crews
    in the same sentence."""
    classes: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    crew_classes: dict[tuple[int, str, str], set[str]] = defaultdict(set)
    for f in art.facts:
        cls = f.get("class")
        if f.relation != "competesIn" or not isinstance(cls, str):
            continue
        key = (str(f.get("s")), str(f.get("o")), repr(f.get("season")))
        classes[key].add(cls)
        team = f.get("team")
        if isinstance(team, str):
            crew_classes[(f.evidence.start, team, str(f.get("o")))].add(cls)
    for i, f in enumerate(art.facts):
        if not _open(art, f):
            continue
        s, o = str(f.get("s")), str(f.get("o"))
        found = classes.get((s, o, repr(f.get("season"))), set())
        if art.entity(s).type is T:  # type: ignore[union-attr]
            found = crew_classes.get((f.evidence.start, s, o), set())
        if len(found) == 1:
            art.facts[i] = _with_class(f, next(iter(found)))


def _with_class(f: Fact, cls: str) -> Fact:
    args: dict[str, Value | None] = dict(f.args)
    args["class"] = cls
    return Fact.make(f.relation, f.evidence, **args)
