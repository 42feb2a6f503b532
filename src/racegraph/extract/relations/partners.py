"""Crew partners of a participation statement: drivers the parse attaches to a driver whose
participation the sentence states, but who got no fact of their own.

"IDEC Sport has named A in its #28 Oreca, where the Frenchman teams up with B and C", "A
will race the #5 car alongside B", "A joins B and C in the #7": B and C share the car, so they
take part where A does (the same championship, season, class, team and car). The link is
read from the dependency parse, not from phrase patterns, so any verb and list shape works:
the partner is a conjunct of a host, the object of "with" / "alongside" in the host's clause,
or the object of "join" / "partner" whose subject is the host.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from racegraph.extract.context import LinkedMention
from racegraph.extract.relations._base import Article, Sentence
from racegraph.records import EntityType, Fact, Value

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

D = EntityType.DRIVER

_COPIED = frozenset({"competesIn", "memberOf", "drives"})
_RESULTS = frozenset({"raceResult", "gridPosition"})
# a title a driver won is the driver's own: "A, who won the X title in 2022, joins B"
_PERSONAL_RULES = frozenset({"competesIn.title-won", "memberOf.title-won"})
_PREPS = frozenset({"with", "alongside"})
_JOIN_LEMMAS = frozenset({"join", "partner", "accompany"})
# "with" of an opponent or a negotiation, not of a crew mate
_RIVAL_LEMMAS = frozenset(
    {
        "battle",
        "fight",
        "duel",
        "collide",
        "collision",
        "contact",
        "clash",
        "tangle",
        "talk",
        "negotiation",
        "discussion",
        "deal",
        "contract",
        "compare",
        "tie",
        "level",
    }
)
_RELATIVE = frozenset({"who", "that", "which", "whom"})
_CLAUSE_DEPS = frozenset({"ROOT", "relcl", "advcl", "ccomp", "conj", "xcomp", "acl", "pcomp"})


def extract(art: Article) -> None:
    """Give each partner the participation facts its host has in the same sentence."""
    by_sent: dict[int, list[Fact]] = defaultdict(list)
    results: set[int] = set()
    for f in art.facts:
        if f.evidence.rule in _PERSONAL_RULES:
            continue
        if f.relation in _COPIED and _is_driver(art, f.get("s")):
            by_sent[f.evidence.start].append(f)
        elif f.relation in _RESULTS:
            results.add(f.evidence.start)
    for sent in art.sentences:
        facts = by_sent.get(sent.start)
        if facts and sent.start not in results:  # a result's crews are results.py's
            _partners(art, sent, facts)


def _is_driver(art: Article, key: Value | None) -> bool:
    ent = art.entity(str(key)) if isinstance(key, str) else None
    return ent is not None and ent.type is D


def _partners(art: Article, sent: Sentence, facts: list[Fact]) -> None:
    hosts = {str(f.get("s")) for f in facts if f.relation == "competesIn"}
    if not hosts or all(m.entity in hosts for m in sent.of(D)):
        return
    span = art.ctx.doc.char_span(sent.start, sent.end, alignment_mode="expand")
    if span is None:
        return
    heads = _mention_heads(span, sent)
    done: set[str] = set(hosts)
    crews: dict[str, list[str]] = defaultdict(list)
    for tok, m in heads.values():
        if m.entity in done:
            continue
        found = _host(tok, heads, hosts)
        if found is None:
            continue
        host, shares = found
        done.add(m.entity)
        for f in facts:
            if f.get("s") == host:
                args: dict[str, Value | None] = dict(f.args)
                args["s"] = m.entity
                art.emit(f.relation, sent, f.evidence.rule + "+partner", 0.6, **args)
        if shares:
            crews[host].append(m.entity)
    if sent.of(EntityType.EVENT):
        return  # a race's crews are co-drivers of that race: results.py
    for host, mates in crews.items():
        season = next((f.get("season") for f in facts if f.get("s") == host), None)
        crew = [host, *mates]
        for i, x in enumerate(crew):
            for y in crew[i + 1 :]:
                art.emit("coDriver", sent, "coDriver.partner", 0.6, s=x, o=y, season=season)


def _mention_heads(span: Span, sent: Sentence) -> dict[int, tuple[Token, LinkedMention]]:
    """Token index -> (token, driver mention) for the syntactic head of each driver mention."""
    out: dict[int, tuple[Token, LinkedMention]] = {}
    for m in sent.of(D):
        toks = [t for t in span if t.idx < m.end and t.idx + len(t) > m.start]
        if not toks:
            continue
        ids = {t.i for t in toks}
        roots = [t for t in toks if t.head.i not in ids or t.head.i == t.i]
        tok = (roots or toks)[-1]
        out[tok.i] = (tok, m)
    return out


def _host(
    tok: Token, heads: dict[int, tuple[Token, LinkedMention]], hosts: set[str]
) -> tuple[str, bool] | None:
    """The host driver a partner token is attached to, and whether the two share a car
    (a "with" / "join" partner does; a driver listed with the host need not)."""
    top = tok
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head
        if top.i in heads and heads[top.i][1].entity in hosts:
            return heads[top.i][1].entity, False  # listed with a host: "A, B and C will race"
    host = None
    if top.dep_ == "pobj" and top.head.lower_ in _PREPS:
        gov = top.head.head
        if gov.lemma_.lower() not in _RIVAL_LEMMAS:
            host = _subject_host(gov, heads, hosts)
    elif top.dep_ == "dobj" and top.head.lemma_.lower() in _JOIN_LEMMAS:
        host = _subject_host(top.head, heads, hosts)
    return (host, True) if host is not None else None


def _subject_host(
    tok: Token, heads: dict[int, tuple[Token, LinkedMention]], hosts: set[str]
) -> str | None:
    """The host that is the subject of the clause holding ``tok``: a host named as its
    subject (or as the antecedent of "who"), else the sentence's only host when the subject
    names no driver ("the Frenchman teams up with", "where he shares the car with")."""
    verb = tok
    while verb.dep_ not in _CLAUSE_DEPS and verb.head.i != verb.i:
        verb = verb.head
    for _ in range(4):
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            if subj[0].lower_ in _RELATIVE and verb.dep_ == "relcl":
                if _past(verb):
                    return None  # "A, who shared the car with B last year, will move to": not B
                return _named_host(verb.head, heads, hosts)
            named = [heads[t.i][1].entity for t in subj[0].subtree if t.i in heads]
            if named:
                return named[0] if named[0] in hosts else None
            break
        if verb.dep_ not in ("xcomp", "conj", "advcl") or verb.head.i == verb.i:
            break
        verb = verb.head
    return next(iter(hosts)) if len(hosts) == 1 else None


def _named_host(
    tok: Token, heads: dict[int, tuple[Token, LinkedMention]], hosts: set[str]
) -> str | None:
    m = heads.get(tok.i)
    return m[1].entity if m is not None and m[1].entity in hosts else None


def _past(verb: Token) -> bool:
    """A clause in the past tense ("who shared", "who had raced")."""
    aux = [c for c in verb.children if c.dep_ == "aux"]
    if any(a.lower_ in ("will", "'ll", "is", "are", "to") for a in aux):
        return False
    return verb.tag_ in ("VBD", "VBN") or any(a.tag_ == "VBD" for a in aux)
