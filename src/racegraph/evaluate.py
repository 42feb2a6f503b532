"""Measure extraction against the gold annotations (``tests/gold/*.yaml``).

Both sides are brought into one plain shape (:class:`GoldDoc` / :class:`PredictedDoc`, made of
:class:`DocEntity` and :class:`DocFact`) and compared per article. Predictions come either
straight from the extractor's records (:func:`predicted_from_extraction`) or from a built
knowledge graph read back from ``KG/kg.trig`` (:func:`predicted_from_kg`), which reverses the
RDF patterns of ``docs/design.md``. Gold is read only here; building never reads it.

Matching rules (they define the metrics)
----------------------------------------

Articles
    Predicted and gold documents are paired by article file name (compared without the
    extension). A gold article with no prediction scores every gold item as missed; a
    predicted article with no gold file is not scored (listed in ``EvalReport.unscored``).

Entities
    Surface forms of an entity are its name and its mentions, each normalised with
    :func:`racegraph.vocab.slugify` (case, accents and punctuation folded); empty forms are
    dropped. A predicted and a gold entity are *candidates* when their types are compatible
    (equal, or one is ``Driver`` and the other ``Person``) and they share at least one surface
    form. Gold ids are never compared. Candidates are paired one-to-one greedily: most shared
    surface forms first, then same type before Driver/Person, then by gold name, predicted
    name, gold id and predicted key.
    Per-type counts: an aligned pair of equal type is a TP of that type; an aligned pair of
    different types (Driver vs Person) is an FP of the predicted type and an FN of the gold
    type (the alignment still holds for fact matching); an unaligned prediction is an FP of its
    type; an unaligned gold entity is an FN of its type. ``entity_total`` is the sum over types.

Facts
    Two facts match when the relation is equal and the relation's *key roles*
    (:data:`KEY_ROLES`) are equal; other roles (``asOf``, ``note``, ``modality``, ``team`` of
    a result, ...) are ignored. Entity-valued roles of a prediction are first mapped to the gold
    id their entity was aligned to; a role naming an unaligned predicted entity never matches.
    Normalisation: ``driver: x`` is ``drivers: [x]``; entity lists compare as sets; ``season``
    is a set of ints (``2023`` == ``[2023]``); dates compare as ISO strings, years as ints
    (a gold ``o: 2015`` of ``eventDate`` or ``date: 2021`` is a year, so it never equals a full
    date); ``classification`` is ``"overall"`` or a class entity; ``status``, ``kind`` and
    ``discipline`` compare case-insensitively; numbers as ints. ``coDriver`` compares its
    ``s``/``o`` as an unordered pair. A key role missing on both sides is equal; present on one
    side only is a mismatch. Relations outside :data:`KEY_ROLES` compare on all their roles
    except ``asOf``, ``note`` and ``modality``.
    Predictions are deduplicated by key before matching (a repeated prediction is neither a
    second TP nor an FP), and gold facts with the same key count once (ambiguous only if all
    of them are). Each gold fact is matched at most once.
    A gold fact marked ``ambiguous: true`` is optional: matching it is a TP, missing it is not
    an FN.

Counts
    Precision ``tp/(tp+fp)``, recall ``tp/(tp+fn)``, F1 their harmonic mean; each is 0 when its
    denominator is 0. A row with ``tp == fp == fn == 0`` is *empty*: shown as ``-`` and
    ``null`` in JSON, and to be excluded from threshold checks.

>>> gold = GoldDoc(article="a.txt", entities=(DocEntity("rossi", "Driver", "Valentino Rossi"),
...     DocEntity("it", "Country", "Italy", ("Italian",))),
...     facts=(DocFact("nationality", (("o", "it"), ("s", "rossi"))),))
>>> pred = PredictedDoc(article="a.txt", entities=(DocEntity("vr", "Driver", "Rossi",
...     ("Valentino Rossi",)), DocEntity("italy", "Country", "italy")),
...     facts=(DocFact("nationality", (("o", "italy"), ("s", "vr"))),))
>>> report = score([pred], [gold])
>>> (report.fact_total.tp, report.fact_total.fp, report.fact_total.fn)
(1, 0, 0)
"""

from __future__ import annotations

import datetime as _dt
import logging
import re
import warnings
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from rdflib import RDF, RDFS, SKOS, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from racegraph.errors import InputError, StoreError
from racegraph.records import (
    ENTITY_ROLES,
    LITERAL_OBJECT_RELATIONS,
    Extraction,
    LineupRequirement,
    Value,
)
from racegraph.vocab import GRAPH, ID, RG, slugify

__all__ = [
    "KEY_ROLES",
    "ArticleScore",
    "Counts",
    "DocEntity",
    "DocFact",
    "EvalReport",
    "GoldDoc",
    "PredictedDoc",
    "align_entities",
    "describe_fact",
    "evaluate_kg",
    "load_gold",
    "predicted_from_extraction",
    "predicted_from_graph",
    "predicted_from_kg",
    "score",
]

logger = logging.getLogger(__name__)

KEY_ROLES: Mapping[str, tuple[str, ...]] = {
    "nationality": ("s", "o"),
    "worksDriverFor": ("s", "o"),
    "memberOf": ("s", "o", "championship", "season"),
    "teamPrincipal": ("s", "o"),
    "basedIn": ("s", "o"),
    "competesIn": ("s", "o", "season", "status", "class"),
    "raceResult": ("event", "position", "classification", "drivers"),
    "gridPosition": ("event", "position", "kind", "drivers"),
    "coDriver": ("pair", "event"),
    "drives": ("s", "o", "number", "season"),
    "manufacturerOf": ("s", "o"),
    "fiaCategory": ("s", "o", "previous"),
    "title": ("s", "count", "discipline"),
    "classOf": ("s", "o", "season"),
    "replaces": ("s", "o"),
    "entryCount": ("championship", "season", "class", "count"),
    "manufacturerEntry": ("manufacturer", "championship", "season", "class", "cars"),
    "classRule": ("class",),
    "tested": ("s", "o"),
    "retired": ("s", "o"),
    "age": ("s", "o"),
    "eventOf": ("s", "o", "season"),
    "heldAt": ("s", "o"),
    "eventDate": ("s", "o"),
    "won": ("s", "o"),
}
"""For each relation, the roles that must be equal for two facts to match (``pair`` is the
unordered ``{s, o}`` of ``coDriver``)."""

_IGNORED_ROLES = frozenset({"asOf", "note", "modality"})
_INT_ROLES = frozenset({"position", "count", "cars", "number", "round", "lineupSize"})
_CASEFOLD_ROLES = frozenset({"status", "kind", "discipline"})
_COMPATIBLE_TYPES = frozenset({"Driver", "Person"})
_COMPETENCY_FILE = "COMPETENCY.yaml"


# --------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class DocEntity:
    """An entity of one article: ``key`` is a gold id or a predicted key (never compared)."""

    key: str
    type: str
    name: str
    mentions: tuple[str, ...] = ()

    def surface_forms(self) -> frozenset[str]:
        """Normalised name and mentions.

        >>> sorted(DocEntity("x", "Driver", "Niklas Krütten", ("Krütten",)).surface_forms())
        ['krutten', 'niklas-krutten']
        """
        forms = {slugify(text) for text in (self.name, *self.mentions)}
        forms.discard("")
        return frozenset(forms)


@dataclass(frozen=True, slots=True)
class DocFact:
    """A fact in the gold relation vocabulary: ``args`` are sorted ``(role, value)`` pairs."""

    relation: str
    args: tuple[tuple[str, Value], ...]
    ambiguous: bool = False
    note: str = ""

    def get(self, role: str) -> Value | None:
        for name, value in self.args:
            if name == role:
                return value
        return None


@dataclass(frozen=True, slots=True)
class GoldDoc:
    """The gold annotation of one article."""

    article: str
    entities: tuple[DocEntity, ...]
    facts: tuple[DocFact, ...]
    published: _dt.date | None = None
    path: Path | None = None


@dataclass(frozen=True, slots=True)
class PredictedDoc:
    """What a system claims about one article, in the same shape as :class:`GoldDoc`."""

    article: str
    entities: tuple[DocEntity, ...]
    facts: tuple[DocFact, ...]


@dataclass(frozen=True, slots=True)
class Counts:
    """True positives, false positives, false negatives.

    >>> c = Counts(tp=3, fp=1, fn=2)
    >>> (c.precision, round(c.recall, 3), round(c.f1, 3))
    (0.75, 0.6, 0.667)
    >>> Counts().empty
    True
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(tp=self.tp + other.tp, fp=self.fp + other.fp, fn=self.fn + other.fn)

    @property
    def empty(self) -> bool:
        """Nothing predicted and nothing expected: P/R/F1 are undefined."""
        return self.tp == 0 and self.fp == 0 and self.fn == 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict[str, int | float | None]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": None if self.empty else round(self.precision, 4),
            "recall": None if self.empty else round(self.recall, 4),
            "f1": None if self.empty else round(self.f1, 4),
        }


@dataclass(frozen=True, slots=True)
class ArticleScore:
    """Totals of one article."""

    entities: Counts
    facts: Counts

    def to_json(self) -> dict[str, dict[str, int | float | None]]:
        return {"entities": self.entities.to_json(), "facts": self.facts.to_json()}


@dataclass(frozen=True, slots=True)
class EvalReport:
    """Scores per entity type and per relation, totals, and the facts that differ.

    ``missed``/``spurious`` are human-readable lines (``stem: relation(role=Name, ...)``) of
    unmatched non-ambiguous gold facts and unmatched predicted facts; likewise
    ``missed_entities``/``spurious_entities``.
    """

    entities: dict[str, Counts]
    facts: dict[str, Counts]
    entity_total: Counts
    fact_total: Counts
    missed: list[str]
    spurious: list[str]
    missed_entities: list[str] = field(default_factory=list)
    spurious_entities: list[str] = field(default_factory=list)
    articles: dict[str, ArticleScore] = field(default_factory=dict)
    unscored: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {
            "entities": {name: c.to_json() for name, c in sorted(self.entities.items())},
            "facts": {name: c.to_json() for name, c in sorted(self.facts.items())},
            "entity_total": self.entity_total.to_json(),
            "fact_total": self.fact_total.to_json(),
            "missed": list(self.missed),
            "spurious": list(self.spurious),
            "missed_entities": list(self.missed_entities),
            "spurious_entities": list(self.spurious_entities),
            "articles": {name: a.to_json() for name, a in sorted(self.articles.items())},
            "unscored": list(self.unscored),
        }


# --------------------------------------------------------------------------- entry point


def evaluate_kg(*, gold: Path, kg: Path) -> EvalReport:
    """Score a built knowledge graph (``KG/kg.trig``) against the gold folder.

    Gold is checked first, then the KG; both raise a racegraph error naming what is missing.
    """
    gold_docs = load_gold(gold)
    return score(predicted_from_kg(kg), gold_docs)


# --------------------------------------------------------------------------- gold


def load_gold(directory: Path) -> list[GoldDoc]:
    """Read every ``*.yaml`` gold file of ``directory`` except ``COMPETENCY.yaml``.

    Raises :class:`InputError` naming the file when the folder is missing or a file is not
    valid gold YAML.
    """
    if not directory.is_dir():
        raise InputError(f"gold folder {directory}/ not found; pass --gold DIR")
    docs = [
        _read_gold_file(path)
        for path in sorted(directory.glob("*.yaml"))
        if path.name != _COMPETENCY_FILE
    ]
    if not docs:
        raise InputError(f"no gold *.yaml files in {directory}/")
    return docs


def _read_gold_file(path: Path) -> GoldDoc:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read gold file: {exc}") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        raise InputError(f"{path}{where}: invalid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise InputError(f"{path}: gold file must be a mapping with article, entities, facts")
    article = data.get("article")
    if not isinstance(article, str) or not article:
        article = path.stem + ".txt"
    published = data.get("published")
    entities = tuple(
        _gold_entity(path, i, item) for i, item in enumerate(_list(path, data, "entities"))
    )
    facts = tuple(_gold_fact(path, i, item) for i, item in enumerate(_list(path, data, "facts")))
    ids = {e.key for e in entities}
    for fact in facts:
        for key in _fact_entity_keys(fact):
            if key not in ids:
                logger.warning("%s: fact %s names unknown entity id %r", path, fact.relation, key)
    return GoldDoc(
        article=article,
        entities=entities,
        facts=facts,
        published=published if isinstance(published, _dt.date) else None,
        path=path,
    )


def _list(path: Path, data: dict[object, object], name: str) -> list[object]:
    value = data.get(name) or []
    if not isinstance(value, list):
        raise InputError(f"{path}: `{name}` must be a list")
    return value


def _gold_entity(path: Path, index: int, item: object) -> DocEntity:
    if not isinstance(item, dict) or not all(k in item for k in ("id", "name", "type")):
        raise InputError(f"{path}: entity #{index + 1} needs id, name and type: {item!r}")
    mentions = item.get("mentions") or []
    if not isinstance(mentions, list):
        raise InputError(f"{path}: entity {item['id']!r}: mentions must be a list")
    return DocEntity(
        key=str(item["id"]),
        type=str(item["type"]),
        name=str(item["name"]),
        mentions=tuple(str(m) for m in mentions),
    )


def _gold_fact(path: Path, index: int, item: object) -> DocFact:
    if not isinstance(item, dict) or "p" not in item:
        raise InputError(f"{path}: fact #{index + 1} needs a relation `p`: {item!r}")
    args: dict[str, Value] = {}
    for role, raw in item.items():
        role = str(role)
        if role in ("p", "ambiguous", "note"):
            continue
        if role == "driver":
            role = "drivers"
        args[role] = _gold_value(raw)
        if role == "drivers" and not isinstance(args[role], tuple):
            args[role] = (str(raw),)
    return DocFact(
        relation=str(item["p"]),
        args=tuple(sorted(args.items())),
        ambiguous=bool(item.get("ambiguous", False)),
        note=str(item.get("note") or ""),
    )


def _gold_value(raw: object) -> Value:
    if isinstance(raw, bool):
        return str(raw).lower()
    if isinstance(raw, int | str):
        return raw
    if isinstance(raw, _dt.datetime):
        return raw.date()
    if isinstance(raw, _dt.date):
        return raw
    if isinstance(raw, list):
        if all(isinstance(v, int) and not isinstance(v, bool) for v in raw):
            return tuple(int(v) for v in raw)
        return tuple(str(v) for v in raw)
    return str(raw)


def _fact_entity_keys(fact: DocFact) -> list[str]:
    keys: list[str] = []
    for role, value in fact.args:
        if _is_entity_role(fact.relation, role) or (
            role == "classification" and isinstance(value, str) and value.lower() != "overall"
        ):
            if isinstance(value, str):
                keys.append(value)
            elif isinstance(value, tuple):
                keys.extend(v for v in value if isinstance(v, str))
    return keys


# --------------------------------------------------------------------------- predictions


def predicted_from_extraction(extraction: Extraction) -> PredictedDoc:
    """The extractor's records as a :class:`PredictedDoc` (no RDF involved)."""
    entities = tuple(
        DocEntity(key=e.key, type=str(e.type), name=e.name, mentions=tuple(e.mentions))
        for e in extraction.entities
    )
    facts = tuple(
        DocFact(relation=f.relation, args=tuple(sorted(_crew(k, v) for k, v in f.args)))
        for f in extraction.facts
    )
    return PredictedDoc(article=extraction.article.file_name, entities=entities, facts=facts)


def _crew(role: str, value: Value) -> tuple[str, Value]:
    if role in ("driver", "drivers") and isinstance(value, str):
        return ("drivers", (value,))
    return ("drivers" if role == "driver" else role, value)


# --------------------------------------------------------------------------- scoring


def score(predicted: Sequence[PredictedDoc], gold: Sequence[GoldDoc]) -> EvalReport:
    """Compare predictions with gold, article by article (see the module docstring)."""
    entity_counts: dict[str, Counts] = defaultdict(Counts)
    fact_counts: dict[str, Counts] = defaultdict(Counts)
    missed: list[str] = []
    spurious: list[str] = []
    missed_entities: list[str] = []
    spurious_entities: list[str] = []
    articles: dict[str, ArticleScore] = {}
    by_article: dict[str, PredictedDoc] = {}
    for doc in predicted:
        by_article[_article_id(doc.article)] = doc
    gold_ids = {_article_id(doc.article) for doc in gold}
    unscored = sorted(a for a in by_article if a not in gold_ids)

    for gold_doc in sorted(gold, key=lambda d: _article_id(d.article)):
        stem = _article_id(gold_doc.article)
        pred_doc = by_article.get(
            stem, PredictedDoc(article=gold_doc.article, entities=(), facts=())
        )
        result = _score_article(stem, pred_doc, gold_doc)
        for name, counts in result.entity_counts.items():
            entity_counts[name] += counts
        for name, counts in result.fact_counts.items():
            fact_counts[name] += counts
        missed.extend(result.missed)
        spurious.extend(result.spurious)
        missed_entities.extend(result.missed_entities)
        spurious_entities.extend(result.spurious_entities)
        articles[stem] = ArticleScore(
            entities=_total(result.entity_counts.values()),
            facts=_total(result.fact_counts.values()),
        )

    return EvalReport(
        entities=dict(sorted(entity_counts.items())),
        facts=dict(sorted(fact_counts.items())),
        entity_total=_total(entity_counts.values()),
        fact_total=_total(fact_counts.values()),
        missed=missed,
        spurious=spurious,
        missed_entities=missed_entities,
        spurious_entities=spurious_entities,
        articles=articles,
        unscored=unscored,
    )


def _article_id(name: str) -> str:
    return Path(name).stem if name.endswith(".txt") else Path(name).name


def _total(counts: Iterable[Counts]) -> Counts:
    total = Counts()
    for c in counts:
        total += c
    return total


@dataclass(frozen=True, slots=True)
class _ArticleResult:
    entity_counts: dict[str, Counts]
    fact_counts: dict[str, Counts]
    missed: list[str]
    spurious: list[str]
    missed_entities: list[str]
    spurious_entities: list[str]


def _score_article(stem: str, pred: PredictedDoc, gold: GoldDoc) -> _ArticleResult:
    alignment = align_entities(pred.entities, gold.entities)
    pred_by_key = {e.key: e for e in pred.entities}
    gold_by_key = {e.key: e for e in gold.entities}

    entity_counts: dict[str, Counts] = defaultdict(Counts)
    missed_entities: list[str] = []
    spurious_entities: list[str] = []
    aligned_gold = set(alignment.values())
    for entity in pred.entities:
        gold_key = alignment.get(entity.key)
        gold_entity = gold_by_key.get(gold_key) if gold_key is not None else None
        if gold_entity is not None and gold_entity.type == entity.type:
            entity_counts[entity.type] += Counts(tp=1)
        else:
            entity_counts[entity.type] += Counts(fp=1)
            spurious_entities.append(f"{stem}: {entity.type} {entity.name}")
            if gold_entity is not None:
                entity_counts[gold_entity.type] += Counts(fn=1)
                missed_entities.append(
                    f"{stem}: {gold_entity.type} {gold_entity.name} (predicted as {entity.type})"
                )
    for entity in gold.entities:
        if entity.key not in aligned_gold:
            entity_counts[entity.type] += Counts(fn=1)
            missed_entities.append(f"{stem}: {entity.type} {entity.name}")

    gold_names = {e.key: e.name for e in gold.entities}
    pred_names = {e.key: e.name for e in pred.entities}

    gold_facts: dict[_Key, DocFact] = {}
    for fact in gold.facts:
        key = _fact_key(fact, None)
        previous = gold_facts.get(key)
        if previous is None or (previous.ambiguous and not fact.ambiguous):
            gold_facts[key] = fact
    pred_facts: dict[_Key, DocFact] = {}
    for fact in pred.facts:
        pred_facts.setdefault(_fact_key(fact, alignment, pred_by_key), fact)

    fact_counts: dict[str, Counts] = defaultdict(Counts)
    missed: list[str] = []
    spurious: list[str] = []
    for key, fact in pred_facts.items():
        if key in gold_facts:
            fact_counts[fact.relation] += Counts(tp=1)
        else:
            fact_counts[fact.relation] += Counts(fp=1)
            spurious.append(f"{stem}: {describe_fact(fact, pred_names)}")
    for key, fact in gold_facts.items():
        if key in pred_facts:
            continue
        if fact.ambiguous:
            fact_counts.setdefault(fact.relation, Counts())
            continue
        fact_counts[fact.relation] += Counts(fn=1)
        missed.append(f"{stem}: {describe_fact(fact, gold_names)}")

    return _ArticleResult(
        entity_counts=dict(entity_counts),
        fact_counts=dict(fact_counts),
        missed=sorted(missed),
        spurious=sorted(spurious),
        missed_entities=sorted(missed_entities),
        spurious_entities=sorted(spurious_entities),
    )


def align_entities(predicted: Sequence[DocEntity], gold: Sequence[DocEntity]) -> dict[str, str]:
    """One-to-one alignment ``predicted key -> gold id`` by shared normalised surface forms.

    >>> align_entities([DocEntity("p1", "Driver", "Krutten", ("N. Krütten",))],
    ...                [DocEntity("niklas-krutten", "Person", "Niklas Krütten", ("Krütten",))])
    {'p1': 'niklas-krutten'}
    """
    candidates: list[tuple[int, int, str, str, str, str]] = []
    gold_forms = [(g, g.surface_forms()) for g in gold]
    for p in predicted:
        p_forms = p.surface_forms()
        for g, g_forms in gold_forms:
            if not _types_compatible(p.type, g.type):
                continue
            overlap = len(p_forms & g_forms)
            if overlap:
                candidates.append((-overlap, int(p.type != g.type), g.name, p.name, g.key, p.key))
    candidates.sort()
    alignment: dict[str, str] = {}
    used_gold: set[str] = set()
    for _, _, _, _, g_key, p_key in candidates:
        if p_key in alignment or g_key in used_gold:
            continue
        alignment[p_key] = g_key
        used_gold.add(g_key)
    return alignment


def _types_compatible(a: str, b: str) -> bool:
    return a == b or (a in _COMPATIBLE_TYPES and b in _COMPATIBLE_TYPES)


# --------------------------------------------------------------------------- fact keys

_Canon = str | int | frozenset[str] | frozenset[int] | tuple[str, str] | None
_Key = tuple[str, tuple[tuple[str, _Canon], ...]]


def _key_roles(fact: DocFact) -> tuple[str, ...]:
    roles = KEY_ROLES.get(fact.relation)
    if roles is not None:
        return roles
    return tuple(role for role, _ in fact.args if role not in _IGNORED_ROLES)


def _is_entity_role(relation: str, role: str) -> bool:
    if role == "o":
        return relation not in LITERAL_OBJECT_RELATIONS
    return role in ENTITY_ROLES


def _fact_key(
    fact: DocFact,
    alignment: Mapping[str, str] | None,
    known: Mapping[str, DocEntity] | None = None,
) -> _Key:
    """The comparable form of a fact; ``alignment`` maps predicted keys to gold ids (None for
    gold facts, whose entity values already are gold ids)."""

    def entity(value: str) -> str:
        if alignment is None:
            return value
        if known is not None and value in known and value in alignment:
            return alignment[value]
        return "\x00unaligned:" + value  # never equal to a gold id

    def entities(value: Value | None) -> frozenset[str] | None:
        if value is None:
            return None
        if isinstance(value, str):
            return frozenset({entity(value)})
        if isinstance(value, tuple):
            return frozenset(entity(str(v)) for v in value)
        return frozenset({entity(str(value))})

    parts: list[tuple[str, _Canon]] = []
    for role in _key_roles(fact):
        canon: _Canon
        if role == "pair":
            pair = entities(_pair(fact.get("s"), fact.get("o")))
            canon = pair
        elif role == "drivers":
            crew = fact.get("drivers")
            canon = entities(crew if crew is not None else fact.get("driver"))
        elif role == "classification":
            value = fact.get(role)
            if isinstance(value, str) and value.strip().lower() == "overall":
                canon = "overall"
            elif isinstance(value, str):
                canon = entity(value)
            else:
                canon = _literal(role, value)
        elif _is_entity_role(fact.relation, role):
            value = fact.get(role)
            if value is None:
                canon = None
            elif isinstance(value, tuple):
                canon = entities(value)
            else:
                canon = entity(str(value))
        elif role == "season":
            canon = _seasons(fact.get(role))
        else:
            canon = _literal(role, fact.get(role))
        parts.append((role, canon))
    return (fact.relation, tuple(parts))


def _pair(s: Value | None, o: Value | None) -> tuple[str, ...] | None:
    if s is None and o is None:
        return None
    return tuple(str(v) for v in (s, o) if v is not None)


def _seasons(value: Value | None) -> frozenset[int] | None:
    if value is None:
        return None
    items = value if isinstance(value, tuple) else (value,)
    years: set[int] = set()
    for item in items:
        year = _year(item)
        if year is None:
            logger.debug("season value %r is not a year", item)
            return frozenset({-1})
        years.add(year)
    return frozenset(years)


def _year(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, _dt.date):
        return value.year
    if isinstance(value, str) and re.fullmatch(r"\s*-?\d{1,4}\s*", value):
        return int(value)
    return None


def _literal(role: str, value: Value | None) -> _Canon:
    if value is None:
        return None
    if isinstance(value, tuple):
        if all(isinstance(v, int) for v in value):
            return frozenset(v for v in value if isinstance(v, int))
        return frozenset(_text(v) for v in value)
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, int):
        return value
    text = value.strip()
    if role in _INT_ROLES or re.fullmatch(r"-?\d+", text):
        try:
            return int(text.lstrip("#"))
        except ValueError:
            pass
    if role in _CASEFOLD_ROLES:
        return text.casefold()
    try:
        return _dt.date.fromisoformat(text).isoformat()
    except ValueError:
        return text.casefold()


def _text(value: object) -> str:
    if isinstance(value, LineupRequirement):
        return f"{'|'.join(value.categories)}:{value.count}"
    return str(value).strip().casefold()


# --------------------------------------------------------------------------- display


def describe_fact(fact: DocFact, names: Mapping[str, str]) -> str:
    """Human-readable form of a fact's key roles, entity keys replaced by names.

    >>> describe_fact(DocFact("memberOf", (("o", "wrt"), ("s", "vr"), ("season", 2023))),
    ...               {"vr": "Valentino Rossi", "wrt": "WRT"})
    'memberOf(s=Valentino Rossi, o=WRT, season=2023)'
    """
    shown: list[str] = []
    for role in _key_roles(fact):
        roles = ("s", "o") if role == "pair" else (role,)
        for name in roles:
            value = fact.get(name)
            if value is None and name == "drivers":
                value = fact.get("driver")
            if value is None:
                continue
            shown.append(f"{name}={_show(fact.relation, name, value, names)}")
    return f"{fact.relation}({', '.join(shown)})"


def _show(relation: str, role: str, value: Value, names: Mapping[str, str]) -> str:
    is_entity = _is_entity_role(relation, role) or (
        role == "classification" and isinstance(value, str) and value.lower() != "overall"
    )
    if isinstance(value, tuple):
        items = [names.get(str(v), str(v)) if is_entity else _show_scalar(v) for v in value]
        return "[" + ", ".join(sorted(items)) + "]"
    if is_entity and isinstance(value, str):
        return names.get(value, value)
    return _show_scalar(value)


def _show_scalar(value: object) -> str:
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, LineupRequirement):
        return _text(value)
    return str(value)


# --------------------------------------------------------------------------- from the KG

_ENTITY_CLASSES: tuple[tuple[URIRef, str], ...] = (
    # most specific first
    (RG.Driver, "Driver"),
    (RG.Team, "Team"),
    (RG.Manufacturer, "Manufacturer"),
    (RG.GoverningBody, "Organisation"),
    (RG.SubChampionship, "Championship"),
    (RG.Championship, "Championship"),
    (RG.RaceClass, "Class"),
    (RG.Round, "Event"),
    (RG.Race, "Event"),
    (RG.Test, "Event"),
    (RG.EntryList, "Event"),
    (RG.Event, "Event"),
    (RG.Venue, "Venue"),
    (RG.CarModel, "CarModel"),
    (RG.Country, "Country"),
    (RG.FIACategory, "FIACategory"),
    (RG.Person, "Person"),
    (RG.Organisation, "Organisation"),
)

_STATEMENT_RELATIONS: dict[URIRef, str] = {
    RG.nationality: "nationality",
    RG.worksDriverFor: "worksDriverFor",
    RG.memberOf: "memberOf",
    RG.teamPrincipal: "teamPrincipal",
    RG.basedIn: "basedIn",
    RG.competesIn: "competesIn",
    RG.coDriver: "coDriver",
    RG.drives: "drives",
    RG.manufacturer: "manufacturerOf",
    RG.fiaCategory: "fiaCategory",
    RG.classOf: "classOf",
    RG.replaces: "replaces",
    RG.succeeds: "replaces",
    RG.tested: "tested",
    RG.testedCar: "tested",
    RG.testedClass: "tested",
    RG.retiredFrom: "retired",
    RG.age: "age",
    RG.eventOf: "eventOf",
    RG.heldAt: "heldAt",
    RG.date: "eventDate",
    RG.year: "eventDate",
    RG.won: "won",
}

_QUALIFIERS: dict[URIRef, str] = {
    RG.championship: "championship",
    RG.season: "season",
    RG.raceClass: "class",
    RG.team: "team",
    RG.event: "event",
    RG.race: "event",
    RG.claimStatus: "status",
    RG.modality: "modality",
    RG.count: "count",
    RG.discipline: "discipline",
    RG.carModel: "car",
    RG.raceNumber: "number",
    RG.round: "round",
    RG.year: "year",  # a season year, or the year of a date-less fact (see _YEAR_IS_DATE)
    RG.date: "date",
    RG.asOf: "asOf",
    RG.position: "position",
    RG.finishStatus: "position",
    RG.gridKind: "kind",
    RG.cars: "cars",
    RG.manufacturerOfEntry: "manufacturer",
    RG.entryList: "source",
    RG.ruleText: "rule",
    RG.lineupSize: "lineupSize",
    RG.titleText: "o",
    RG.holder: "s",
    RG.category: "o",
    RG.previousCategory: "previous",
}

_NARY: dict[URIRef, tuple[str, dict[URIRef, str]]] = {
    RG.Result: ("raceResult", {RG.driver: "drivers"}),
    RG.GridPosition: ("gridPosition", {RG.driver: "drivers"}),
    RG.Entry: ("drives", {RG.driver: "s", RG.carModel: "o"}),
    RG.CategoryAssignment: ("fiaCategory", {RG.driver: "s"}),
    RG.Title: ("title", {}),
    RG.EntryCount: ("entryCount", {}),
    RG.ManufacturerEntry: ("manufacturerEntry", {RG.carModel: "car"}),
    RG.LineupRule: ("classRule", {}),
}

_LIST_ROLES = frozenset({"drivers", "season"})
_YEAR_IS_DATE = frozenset({"retired", "tested", "raceResult", "gridPosition"})
"""Relations whose ``rg:year`` on the assertion node is their ``date`` role (``date: 2021``);
elsewhere ``rg:year`` values are season years, merged with the years of ``rg:season`` nodes."""


def predicted_from_kg(kg: Path) -> list[PredictedDoc]:
    """Read ``KG/kg.trig`` back into one :class:`PredictedDoc` per article graph.

    Entities are the nodes of the article graph typed with an entity class of ``rg:`` (the
    most specific wins; key = last IRI segment; name = ``rdfs:label``; mentions =
    ``skos:altLabel``). Facts are the ``rdf:Statement``-style nodes (``rdf:predicate``) and the
    typed n-ary nodes of ``docs/design.md``; direct triples are not read (every fact has a node).
    """
    trig = kg / "kg.trig"
    if not trig.is_file():
        raise StoreError(
            f"no knowledge graph in {kg}/ (missing {trig}); run `racegraph build` first "
            "or pass --kg DIR"
        )
    dataset = Dataset()
    try:
        with warnings.catch_warnings():  # rdflib's TriG parser uses its own deprecated API
            warnings.simplefilter("ignore", DeprecationWarning)
            dataset.parse(str(trig), format="trig")
    except Exception as exc:  # rdflib raises many parser-specific types
        raise StoreError(f"cannot read {trig}: {exc}") from exc
    prefix = f"{GRAPH}article/"
    docs: list[PredictedDoc] = []
    for graph in dataset.graphs():
        name = str(graph.identifier)
        if name.startswith(prefix):
            docs.append(predicted_from_graph(graph, stem=name[len(prefix) :]))
    return sorted(docs, key=lambda d: d.article)


def predicted_from_graph(graph: Graph, *, stem: str) -> PredictedDoc:
    """One article graph (patterns of ``docs/design.md``) as a :class:`PredictedDoc`."""
    keys = _entity_keys(graph)
    entities = tuple(
        sorted(
            (_entity(graph, node, key) for node, key in keys.items()),
            key=lambda e: (e.type, e.key),
        )
    )
    facts: list[DocFact] = []
    nary_nodes = {node for cls in _NARY for node in graph.subjects(RDF.type, cls)}
    for node in sorted(set(graph.subjects(RDF.predicate, None)) - nary_nodes, key=str):
        fact = _statement_fact(graph, node, keys)
        if fact is not None:
            facts.append(fact)
    for cls, (relation, overrides) in _NARY.items():
        for node in sorted(set(graph.subjects(RDF.type, cls)), key=str):
            facts.append(_nary_fact(graph, node, relation, overrides, keys))
    file_name = f"{stem}.txt"
    for value in graph.objects(None, RG.fileName):
        file_name = str(value)
        break
    return PredictedDoc(article=file_name, entities=entities, facts=tuple(facts))


def _entity_type(graph: Graph, node: Node) -> str | None:
    types = set(graph.objects(node, RDF.type))
    for cls, name in _ENTITY_CLASSES:
        if cls in types:
            return name
    return None


def _entity_keys(graph: Graph) -> dict[URIRef, str]:
    nodes = sorted(
        {
            node
            for node in graph.subjects(RDF.type, None)
            if isinstance(node, URIRef) and _entity_type(graph, node) is not None
        },
        key=str,
    )
    keys: dict[URIRef, str] = {}
    taken: set[str] = set()
    for node in nodes:
        text = str(node).rstrip("/")
        key = text.rsplit("/", 1)[-1].rsplit("#", 1)[-1]
        if key in taken:
            key = text[len(str(ID)) :] if text.startswith(str(ID)) else text
        taken.add(key)
        keys[node] = key
    return keys


def _entity(graph: Graph, node: URIRef, key: str) -> DocEntity:
    labels = sorted(str(v) for v in graph.objects(node, RDFS.label))
    alts = sorted(str(v) for v in graph.objects(node, SKOS.altLabel))
    name = labels[0] if labels else key
    mentions = tuple(dict.fromkeys([*labels[1:], *alts]))
    entity_type = _entity_type(graph, node)
    assert entity_type is not None
    return DocEntity(key=key, type=entity_type, name=name, mentions=mentions)


def _statement_fact(graph: Graph, node: Node, keys: Mapping[URIRef, str]) -> DocFact | None:
    predicate = graph.value(node, RDF.predicate)
    relation = _STATEMENT_RELATIONS.get(predicate) if isinstance(predicate, URIRef) else None
    if relation is None:
        logger.debug("statement %s has unknown predicate %s", node, predicate)
        return None
    args: dict[str, list[Value]] = defaultdict(list)
    subject = graph.value(node, RDF.subject)
    obj = graph.value(node, RDF.object)
    if subject is not None:
        args["s"].append(_value(subject, keys))
    if obj is not None:
        args["o"].append(_value(obj, keys))
    elif relation == "competesIn":
        championship = graph.value(node, RG.championship)
        if championship is not None:
            args["o"].append(_value(championship, keys))
    for p, o in graph.predicate_objects(node):
        role = _QUALIFIERS.get(p) if isinstance(p, URIRef) else None
        if role is None or role in ("s", "o"):
            continue
        if relation == "competesIn" and role == "championship":
            continue  # the object of a participation claim
        args[role].append(_value(o, keys))
    return DocFact(relation=relation, args=_collapse(_place_years(relation, args)))


def _place_years(relation: str, args: dict[str, list[Value]]) -> dict[str, list[Value]]:
    years = args.pop("year", [])
    if not years:
        return args
    if relation in _YEAR_IS_DATE:
        if "date" not in args:
            args["date"] = years
    else:
        args["season"] = [*args.get("season", []), *years]
    return args


def _nary_fact(
    graph: Graph,
    node: Node,
    relation: str,
    overrides: Mapping[URIRef, str],
    keys: Mapping[URIRef, str],
) -> DocFact:
    args: dict[str, list[Value]] = defaultdict(list)
    classification: str | None = None
    result_class: Value | None = None
    for p, o in graph.predicate_objects(node):
        if not isinstance(p, URIRef):
            continue
        if p == RG.classification:
            classification = str(o)
            continue
        if p == RG.resultClass:
            result_class = _value(o, keys)
            continue
        role = overrides.get(p) or _QUALIFIERS.get(p)
        if role is None:
            continue
        args[role].append(_value(o, keys))
    if classification is not None or result_class is not None:
        if result_class is not None and (classification or "class").lower() != "overall":
            args["classification"].append(result_class)
        else:
            args["classification"].append(classification or "overall")
    return DocFact(relation=relation, args=_collapse(_place_years(relation, args)))


def _collapse(args: Mapping[str, list[Value]]) -> tuple[tuple[str, Value], ...]:
    out: list[tuple[str, Value]] = []
    for role, all_values in args.items():
        values = list(dict.fromkeys(all_values))  # e.g. rg:race and rg:event naming one race
        if role in _LIST_ROLES or len(values) > 1:
            if all(isinstance(v, int) for v in values):
                out.append((role, tuple(sorted({v for v in values if isinstance(v, int)}))))
            else:
                out.append((role, tuple(sorted({str(v) for v in values}))))
        else:
            out.append((role, values[0]))
    return tuple(sorted(out, key=lambda item: item[0]))


def _value(node: Node, keys: Mapping[URIRef, str]) -> Value:
    if isinstance(node, Literal):
        python = node.toPython()
        if isinstance(python, bool):
            return str(python).lower()
        if isinstance(python, int):
            return python
        if isinstance(python, _dt.datetime):
            return python.date()
        if isinstance(python, _dt.date):
            return python
        text = str(node)
        year = _year(text)
        return year if year is not None else text
    if isinstance(node, URIRef):
        if node in keys:
            return keys[node]
        text = str(node)
        season_prefix = f"{ID}season/"
        if text.startswith(season_prefix):
            year = _year(text.rsplit("/", 1)[-1])
            if year is not None:
                return year
        if text.startswith(str(RG._NS)):
            return text[len(str(RG._NS)) :]
        return text.rstrip("/").rsplit("/", 1)[-1]
    return str(node)
