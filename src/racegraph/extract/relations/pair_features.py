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
    for sent in art.sentences:
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
                    feats = pair_features(doc, sent, s, o)
                    out.append(PairCandidate(relation, sent, s, o, feats))
    return out


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
    feats.update(_path_features(span_a, span_b, first is s))
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


def _path_features(a: Span, b: Span, a_is_s: bool) -> set[str]:
    """The dependency path from the head of ``a`` up to the common ancestor and down to ``b``."""
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
    return feats
