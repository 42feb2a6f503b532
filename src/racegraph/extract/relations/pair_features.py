"""Features of two linked mentions in one sentence, for the learned pair classifier.

The rule families read fixed cue shapes; a report phrases the same link in many more ways
("Iron Lynx's Cressoni", "Cressoni, who races for Iron Lynx", "Cressoni (Iron Lynx)"). The
pair classifier (:mod:`.learned`) weighs what lies between and around two mentions instead of
matching one shape: the words between them, the other mentions in the way, punctuation, and
the dependency path that joins their heads. The features are plain strings, so the model is
a weight per string and reads the same on any article of the genre.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from racegraph.extract.context import LinkedMention
from racegraph.extract.relations._base import Article, Sentence
from racegraph.records import EntityType

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

D = EntityType.DRIVER

LEARNED_RULE = "learned."
"""Rule-name prefix of the classifier's facts: guesses, never a crew's stated entry."""
PAIR_TYPES: dict[str, tuple[EntityType, EntityType]] = {
    "memberOf": (D, EntityType.TEAM),
    "drives": (D, EntityType.CAR_MODEL),
    "coDriver": (D, D),
}
"""The relations the pair classifier proposes, with the mention types of ``s`` and ``o``."""

_MAX_PATH = 6
_MAX_BETWEEN = 8


@dataclass(frozen=True, slots=True)
class PairCandidate:
    """Two mentions of one sentence that may stand in ``relation`` (``s`` first)."""

    relation: str
    sentence: Sentence
    s: LinkedMention
    o: LinkedMention
    features: tuple[str, ...]


def candidates(art: Article) -> list[PairCandidate]:
    """Every same-sentence mention pair of the pair relations, with its features."""
    out: list[PairCandidate] = []
    doc = art.ctx.doc
    stated = _stated_by_sentence(art)
    for sent in art.sentences:
        here = stated.get(sent.start, {})
        for relation, (st, ot) in PAIR_TYPES.items():
            subjects = sent.of(st)
            objects = sent.of(ot)
            if not subjects or not objects:
                continue
            for s in subjects:
                for o in objects:
                    if s.entity == o.entity or _overlap(s, o):
                        continue
                    if relation == "coDriver" and o.start < s.start:
                        continue  # an unordered pair: once, in text order
                    feats = pair_features(doc, sent, s, o) + _rule_context(
                        relation, sent, s, o, here
                    )
                    out.append(PairCandidate(relation, sent, s, o, feats))
    return out


_Stated = dict[str, set[tuple[str, str]]]


def result_crews(art: Article) -> dict[int, list[frozenset[str]]]:
    """Sentence start -> the crews of the results (and grid places) the rules read there."""
    out: dict[int, list[frozenset[str]]] = {}
    for f in art.facts:
        crew = f.get("drivers")
        if f.relation in {"raceResult", "gridPosition"} and isinstance(crew, tuple):
            out.setdefault(f.evidence.start, []).append(frozenset(str(d) for d in crew))
    return out


def _stated_by_sentence(art: Article) -> dict[int, _Stated]:
    """Sentence start -> relation -> (s, o) pairs the rule families stated there (crews of a
    result as co-driver pairs, (a, a) for each driver who raced); the learned facts
    themselves are left out."""
    out: dict[int, _Stated] = {}
    for start, crews in result_crews(art).items():
        pairs = out.setdefault(start, {}).setdefault("crew", set())
        pairs.update((a, b) for crew in crews for a in crew for b in crew)
    for f in art.facts:
        if f.relation not in PAIR_TYPES or f.evidence.rule.startswith(LEARNED_RULE):
            continue
        s, o = str(f.get("s")), str(f.get("o"))
        stated = out.setdefault(f.evidence.start, {}).setdefault(f.relation, set())
        stated.add((s, o))
        if f.relation == "coDriver":
            stated.add((o, s))
    return out


def _rule_context(
    relation: str, sent: Sentence, s: LinkedMention, o: LinkedMention, here: _Stated
) -> tuple[str, ...]:
    """What the rules read in the same sentence about either mention: a driver the rules put
    in another crew or team is seldom linked across ("A and B won for Team X, and C and D
    took the class for Team Y")."""
    feats: list[str] = []
    pairs = here.get(relation, set())
    if any(a == s.entity and b != o.entity for a, b in pairs):
        feats.append("ctx:s_has_other")
    if any(b == o.entity and a != s.entity for a, b in pairs):
        feats.append("ctx:o_has_other")
    crew = here.get("crew", set())
    in_crew = {a for a, _ in crew}
    if relation == "coDriver" and (s.entity, o.entity) in crew:
        feats.append("ctx:same_crew")
    elif relation == "coDriver" and s.entity in in_crew and o.entity in in_crew:
        feats.append("ctx:crews_apart")
    elif s.entity in in_crew or o.entity in in_crew:
        feats.append("ctx:one_in_crew")
    same = [m for m in sent.of(o.type) if m.entity != s.entity]
    if same and min(same, key=lambda m: abs(m.start - s.start)).entity == o.entity:
        feats.append("near:o_nearest")
    peers = [m for m in sent.of(s.type) if m.entity != o.entity]
    if peers and min(peers, key=lambda m: abs(m.start - o.start)).entity == s.entity:
        feats.append("near:s_nearest")
    feats.append(f"count:{min(len(same), 4)}")
    return tuple(feats)


def _overlap(a: LinkedMention, b: LinkedMention) -> bool:
    return a.start < b.end and b.start < a.end


def pair_features(doc: Doc, sent: Sentence, s: LinkedMention, o: LinkedMention) -> tuple[str, ...]:
    """The features of mentions ``s`` and ``o`` of ``sent`` (sorted, no duplicates)."""
    first, second = (s, o) if s.start < o.start else (o, s)
    feats: set[str] = {"bias", "order:" + ("so" if first is s else "os")}
    span_a = doc.char_span(first.start, first.end, alignment_mode="expand")
    span_b = doc.char_span(second.start, second.end, alignment_mode="expand")
    if span_a is None or span_b is None:
        return tuple(sorted(feats))
    between = doc[span_a.end : span_b.start]
    feats.add("gap:" + _bucket(len(between)))
    feats.update(_between_words(between))
    for m in sent.mentions:
        if m.start >= first.end and m.end <= second.start:
            feats.add("mid:" + m.type.value)
    if span_a.start > 0 and span_a.start - 1 >= _sent_start(doc, sent):
        feats.add("pre:" + _word(doc[span_a.start - 1]))
    if span_b.end < len(doc) and doc[span_b.end].idx < sent.end:
        feats.add("post:" + _word(doc[span_b.end]))
    feats.update(_path_features(span_a, span_b, first is s, sent))
    root = span_a.sent.root
    feats.add("root:" + root.lemma_.lower())
    return tuple(sorted(feats))


def _sent_start(doc: Doc, sent: Sentence) -> int:
    span = doc.char_span(sent.start, sent.end, alignment_mode="expand")
    return span.start if span is not None else 0


def _bucket(n: int) -> str:
    for limit, name in ((0, "0"), (1, "1"), (2, "2"), (4, "3-4"), (7, "5-7"), (12, "8-12")):
        if n <= limit:
            return name
    return "13+"


def _word(tok: Token) -> str:
    if tok.like_num:
        return "<num>"
    if tok.text.startswith("#"):
        return "<#>"
    return tok.lower_ if tok.is_punct else tok.lemma_.lower()


def _between_words(between: Span) -> set[str]:
    toks = list(between)
    feats: set[str] = set()
    if len(toks) > _MAX_BETWEEN:
        toks = toks[:4] + toks[-4:]
        feats.add("between:long")
    for tok in toks:
        feats.add("w:" + _word(tok))
    if toks:
        feats.add("w1:" + _word(toks[0]))
        feats.add("wn:" + _word(toks[-1]))
    return feats


def _path_features(a: Span, b: Span, a_is_s: bool, sent: Sentence) -> set[str]:
    """The dependency path from the head of ``a`` up to the common ancestor and down to
    ``b``, and the word that governs the ancestor when the ancestor is itself a name (two
    members of one list: "include A, B and C" vs "A, B and C shared the car")."""
    ta, tb = a.root, b.root
    up_a = [ta, *ta.ancestors]
    up_b = [tb, *tb.ancestors]
    ids_b = {t.i for t in up_b}
    lca = next((t for t in up_a if t.i in ids_b), None)
    if lca is None:
        return {"path:none"}
    left = [t.dep_ for t in up_a[: [t.i for t in up_a].index(lca.i)]]
    right = [t.dep_ for t in up_b[: [t.i for t in up_b].index(lca.i)]]
    feats = {"lca:" + lca.lemma_.lower(), "lcapos:" + lca.pos_}
    if len(left) + len(right) > _MAX_PATH:
        feats.add("path:long")
    else:
        path = "^".join(left) + "|" + "v".join(reversed(right))
        feats.add("path:" + path)
        feats.add("pathlca:" + path + ":" + lca.lemma_.lower())
    feats.add("len:" + _bucket(len(left) + len(right)))
    if left:
        feats.add("dep_first:" + left[0])
    if right:
        feats.add("dep_second:" + right[0])
    if not a_is_s:
        feats.add("s_after_o")
    gov = _governor(lca, sent)
    if gov is not None:
        feats.add("gov:" + gov.lemma_.lower())
        feats.add("govdep:" + gov.dep_)
    return feats


def _governor(tok: Token, sent: Sentence) -> Token | None:
    """The first ancestor of ``tok`` outside every mention, when ``tok`` is inside one."""
    spans = [(m.start, m.end) for m in sent.mentions]

    def inside(t: Token) -> bool:
        return any(a <= t.idx < b for a, b in spans)

    if not inside(tok):
        return None
    while inside(tok) and tok.head.i != tok.i:
        tok = tok.head
    return None if inside(tok) else tok
