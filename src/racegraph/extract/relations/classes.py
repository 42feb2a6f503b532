"""Classes and entries: classOf, replaces, classRule, entryCount, manufacturerEntry,
manufacturerOf, tested."""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

from racegraph.extract.context import LinkedMention
from racegraph.extract.relations._base import (
    Article,
    Sentence,
    category_key,
    group_after,
    group_before,
    is_title_use,
    number,
    same_clause,
    where_antecedent,
)
from racegraph.records import EntityType, EventKind, LineupRequirement, Value
from racegraph.vocab import slugify

if TYPE_CHECKING:
    from spacy.tokens import Token

C = EntityType.CHAMPIONSHIP
K = EntityType.CLASS
M = EntityType.MANUFACTURER
CAR = EntityType.CAR_MODEL

_CLASS_WORD = re.compile(r"^(?:['’]s)?\s*(?:class|category|cup|division)\b", re.I)
_REPLACE_NOUN = re.compile(r"\breplacement of\s+(?:the\s+)?$", re.I)
_RULE_CUE = re.compile(
    r"\b(?:rules?|regulations?)\b[^.]{0,40}?"
    r"\b(?:mandate|require|stipulate|demand|specify|call for)s?\b"
    r"|\bline-?ups? must\b|\bmust (?:include|feature|comprise|contain|have)\b"
    # "each crew may include no more than one gold-rated driver", "every crew needs one bronze"
    r"|\b(?:crews?|line-?ups?|cars?|entr(?:y|ies)|teams?)\s+(?:(?:must|may|can|has\s+to|have\s+to)"
    r"(?:\s+not)?|needs?|requires?)\s+(?:(?:include|feature|comprise|contain|have|field|run"
    r"|use)\s+)?",
    re.I,
)
_CATEGORY = re.compile(r"\b(platinum|gold|silver|bronze)\b", re.I)
_CLAUSE_SPLIT = re.compile(
    r",?\s*\balong with\b|,\s*(?:and|plus)\b|;|\band\s+(?=(?:a|an|one|two|at least)\b)"
)
_COUNT = re.compile(
    r"\b(?P<min>at least|a minimum of|minimum of|min\.?)?\s*(?P<n>one|two|three|four|a|an|\d)\b"
    r"(?:\s+(?P<ord>third|second|fourth))?",
    re.I,
)
_ORD_DRIVER = re.compile(r"\b(?:a|the)\s+(second|third|fourth)\s+driver\b", re.I)
# "a 30-car entry list", "a 30-car full-season entry list", "the entry list"
_ENTRY_LIST = re.compile(
    r"\b(?P<n>\d{1,3})[- ]car\s+(?:(?:full-season|full-time|season-long|provisional|final"
    r"|official)\s+){0,2}entry(?:\s+list)?\b|\bentry list\b"
    # "This year's entry was the maximum of 58 cars", "The grid counted 39 cars"
    r"|\b(?:entry|grid|field)\s+(?:was|is|numbers|numbered|totals|totalled|counts|counted"
    r"|stands\s+at|stood\s+at)\s+"
    r"(?:(?:the|a)\s+(?:maximum|record|full\s+house)\s+of\s+)?(?P<m>\d{1,3})\s+cars\b",
    re.I,
)
# "..., up from 26 cars last year": the previous season's total next to this one's
_PREV_TOTAL = re.compile(
    r"^[^.;]{0,50}?,\s*(?:up|down)\s+from\s+(?P<n>\d{1,3})\s+(?:cars|entries|entrants|crews)"
    r"\s+(?:last\s+(?:year|season)|in\s+(?P<y>(?:19|20)\d\d)\b|a\s+year\s+(?:ago|earlier))",
    re.I,
)
_CARS_IN = re.compile(
    r"\b(?P<n>\d{1,3}|[a-z]+)\s+(?:of\s+(?:them|which|those)\s+)?(?:cars|entries|entrants|crews)?\s*"
    r"(?:in|contest|contesting|compete in|competing in|race in|racing in|run in|running in"
    r"|are in|line up in)\s+(?:the\s+)?$",
    re.I,
)
_CLASS_HAS = re.compile(
    r"^(?:\s+(?:class|category))?\s+(?:features|has|includes|comprises|counts|boasts|with"
    r"|attracts|attracted|draws|drew|totals|numbers|sees|brings together)\s+"
    r"(?P<n>\d{1,3}|[a-z]+)\s+(?:cars|entries|entrants|crews)\b",
    re.I,
)
_TOTAL = re.compile(
    r"\b(?:featuring|features|with|of|comprising|totall?ing|counting)\s+(?P<n>\d{1,3}|[a-z]+)\s+"
    r"(?:cars|entries|entrants|crews)\b(?!\s+in\b)"
    r"|\b(?P<n2>\d{1,3})\s+(?:cars|entries|entrants|crews)\s+(?:are|were|have been)\s+"
    r"(?:on\s+(?:it|the\s+list)|named|listed|included|entered)\b",
    re.I,
)
# "of which two are reserves", "three of them reserves", "including both reserves",
# "and two more named as reserves": the reserves among the cars just counted
_RESERVES = re.compile(
    r"^[^.;]{0,40}?(?:\bof which\s+(?P<a>\w+)\s+(?:are|were|is)\s+(?:\w+\s+)?reserves?\b"
    r"|\b(?P<b>\w+)\s+of (?:them|which|those)\s+(?:are\s+|as\s+)?(?:\w+\s+)?reserves?\b"
    r"|\bincluding\s+(?:the\s+)?(?P<c>\w+)\s+(?:of\s+the\s+)?reserves?\b"
    r"|\b(?:and|plus|with)\s+(?P<d>\w+)\s+(?:more\s+|further\s+|others?\s+)?"
    r"(?:(?:cars|entries|entrants|crews)\s+)?(?:named\s+|listed\s+|held\s+|kept\s+|entered\s+)?"
    r"as\s+reserves\b)",
    re.I,
)
# "The 42 full-season entries are one more than last year": the list's permanent entries
_FULL_SEASON = re.compile(
    r"\b(?P<n>\d{1,3})\s+(?:full-season|full-time|season-long|permanent|regular)\s+"
    r"(?:cars|entries|entrants|crews)\b",
    re.I,
)
_EACH_WITH = re.compile(r"\beach with (?P<n>\w+) cars?\b|\b(?P<n2>\w+) cars? each\b", re.I)
_FIELDS = re.compile(
    r"\b(?:will\s+)?(?:field|fields|fielding|enter|enters|entering|run|runs|returns? with)\s+"
    r"(?:two|three|four|five|six|\d)\s+(?:[\w-]+\s+)?$",
    re.I,
)
_INCLUDING = re.compile(r"\b(?:including|include|includes|namely|:)\s+", re.I)
_TEST = re.compile(r"\btest(?:s|ed|ing)?\b|\bshakedown\b", re.I)
_TEST_PARTNER = re.compile(
    r"\b(?:alongside|together with|sharing (?:the|a) (?:car|cockpit|seat|wheel|duties) with"
    r"|shared (?:the|a) (?:car|cockpit|seat|wheel|duties) with)\s+(?:(?:the|his|her)\s+)?"
    r"(?:[A-Z][a-z]+\s+)?$",
    re.I,
)
_TEST_VERB = re.compile(
    r"\b(?:drove|tested|tried|sampled|drives|got behind the wheel of|ran"
    r"|(?P<part>took\s+part\s+in|participated\s+in|joined|completed|contested))\b",
    re.I,
)
# "took part in the rookie test at Paul Ricard in an LMP3 of Team Virage": the car after
_IN_A = re.compile(
    r"\b(?:in|driving|at\s+the\s+wheel\s+of|behind\s+the\s+wheel\s+of)\s+(?:an?|the)\s+$", re.I
)


# an entry list of the story: championship, season, status, source (the list's event)
_Listed = tuple[str | None, int, str, str | None]


def extract(art: Article) -> None:
    replaced: set[tuple[int, str]] = set()
    for sent in art.sentences:
        _replaces(art, sent, replaced)
    known = {k for _, k in replaced}
    lists: dict[int, _Listed] = {}
    for sent in art.sentences:
        _class_of(art, sent, replaced, known)
        _class_list(art, sent)
        _class_rule(art, sent)
        _entry_count(art, sent, lists)
        _manufacturer_entry(art, sent)
        _make_tallies(art, sent)
        _grid_counts(art, sent, lists)
        _starters(art, sent)
        _list_line(art, sent, lists)
        _down_from(art, sent)
        _that_is_more(art, sent)
        _maker_groups(art, sent)
        _team_fields_make(art, sent)
        _make_fields(art, sent)
        _split_by_series(art, sent)
        _respectively(art, sent)
        _as_do(art, sent)
        _other_models(art, sent)
        _tested(art, sent)
    _manufacturer_of(art)
    _class_of_entries(art)


_LIST_CUE = re.compile(
    r"\b(?:classes|categories|divisions)\b[^.;:]{0,40}:\s*"
    r"|\b(?:classes|categories|divisions)\s+(?:are|will\s+be|remain|include)\s+",
    re.I,
)
_ARE_CLASSES = re.compile(
    r"^\s+(?:remain|are|will\s+(?:again\s+)?be|form|make\s+up|stay)\s+the\s+(?:\w+\s+)?"
    r"(?:classes|categories|divisions)\b",
    re.I,
)


def _frame_champ(art: Article, sent: Sentence, pos: int) -> str | None:
    """The championship a sentence is about: "In the Le Mans Cup, ..." first, else its
    subject (the first championship named), else the discourse's."""
    champs = [c for c in sent.of(C) if not is_title_use(sent, c)]
    for c in champs:
        if re.fullmatch(r"\s*(?:In|For|Across)\s+(?:the\s+)?", sent.gap(sent.start, c.start)):
            return c.entity
    before = [c for c in champs if c.start < pos]
    if before:
        return before[0].entity
    return _champ_for(art, sent, pos)


def _class_list(art: Article, sent: Sentence) -> None:
    """Classes enumerated as a championship's: "... starts its 2026 season with the same four
    classes as last year: LMP2, LMP3 and LMGT3", "LMP3 and GT3 remain the two classes"."""
    if not re.search(r"\b(?:classes|categories|divisions)\b", sent.lower):
        return
    classes = sent.of(K)
    listed: list[LinkedMention] = []
    cue = _LIST_CUE.search(sent.text)
    if cue is not None:
        listed = sent.after(sent.abs(cue.end()), K)
    else:
        for k in classes:
            if _ARE_CLASSES.match(sent.text[sent.rel(k.end) :]):
                listed = group_before(sent, k.end, [K])
                break
    if len({k.entity for k in listed}) < 2:
        return
    champ = _frame_champ(art, sent, listed[0].start)
    if champ is None:
        return
    season = _count_season(art, sent, listed[0].start)
    for k in listed:
        art.emit("classOf", sent, "classOf.listed", 0.7, s=k.entity, o=champ, season=season)


def _class_of_entries(art: Article) -> None:
    """A class a team or driver is entered in, in a championship season ("will race the #59
    in the Gold Cup" of the Endurance Cup): the class is one of that championship's."""
    stated = {(f.get("s"), f.get("o")) for f in art.facts if f.relation == "classOf"}
    for f in list(art.facts):
        if f.relation == "manufacturerEntry":
            # "Ferrari plans three 499Ps in Hypercar": the class is one of the series'
            cls, champ, season = f.get("class"), f.get("championship"), f.get("season")
        elif f.relation != "competesIn" or f.get("status") not in ("confirmed", "planned"):
            continue
        else:
            cls, champ, season = f.get("class"), f.get("o"), f.get("season")
        if not (isinstance(cls, str) and isinstance(champ, str) and isinstance(season, int)):
            continue
        if (cls, champ) in stated or season < art.published.year:
            continue
        sent = art.sentence_at(f.evidence.start)
        if sent is None or cls not in {k.entity for k in sent.of(K)}:
            continue  # the class must be named where the entry is stated
        stated.add((cls, champ))
        art.emit("classOf", sent, "classOf.entered", 0.65, s=cls, o=champ, season=season)


def _champ_for(art: Article, sent: Sentence, pos: int) -> str | None:
    champs = [c for c in sent.of(C) if not is_title_use(sent, c)]
    near = [c for c in champs if same_clause(sent, c.start, pos)]
    where = where_antecedent(sent, champs, pos)
    if not near and where:  # "... with the WEC, where he drives in the Hypercar class"
        return where.entity
    if near:
        return min(near, key=lambda c: abs(c.start - pos)).entity
    # "IMSA published the entry list ..., and the opening round of the IMSA ... will start
    # with 61 cars": the sentence's own championship when the text has named none before
    return art.championship_at(pos) or (
        min(champs, key=lambda c: abs(c.start - pos)).entity if champs else None
    )


def _replaces(art: Article, sent: Sentence, replaced: set[tuple[int, str]]) -> None:
    classes = sent.of(K)
    for i, new in enumerate(classes):
        for old in classes[i + 1 :]:
            gap = sent.gap(new.end, old.start)
            active = re.search(
                r"\b(?:replace[sd]?|replacing|supersede[sd]?|take over from)\b", gap, re.I
            )
            noun = _REPLACE_NOUN.search(sent.tail(new.start)) and re.fullmatch(
                r"\s+by\s+(?:the\s+)?", gap
            )
            if noun:
                new, old = old, new
            elif not active or new.entity == old.entity:
                continue
            if active and any(
                new.end <= k.start and k.end <= new.end + active.start() for k in classes
            ):
                continue  # "A, B ... replaces C": B, the class nearest the cue, is the new one
            champ = _champ_for(art, sent, new.start)
            if champ is None:
                continue
            season = art.season_in(sent, new.start)
            if season is None:
                season = art.plan_season(sent)
            art.emit(
                "replaces",
                sent,
                "replaces.cue",
                0.8,
                s=new.entity,
                o=old.entity,
                championship=champ,
                season=season,
            )
            art.emit(
                "classOf", sent, "classOf.replacement", 0.75, s=new.entity, o=champ, season=season
            )
            art.emit(
                "classOf", sent, "classOf.replaced", 0.7, s=old.entity, o=champ, season=season - 1
            )
            replaced.add((sent.index, new.entity))
            replaced.add((sent.index, old.entity))
            break


def _class_of(
    art: Article, sent: Sentence, replaced: set[tuple[int, str]], known: set[str]
) -> None:
    for k in sent.of(K):
        if (sent.index, k.entity) in replaced:
            continue
        tail = sent.text[sent.rel(k.end) :]
        head = sent.gap(sent.start, k.start)
        classy = (
            _CLASS_WORD.match(tail)
            or re.search(r"\b(?:class|category)\s+$", head)
            or re.search(r"\b(?:cars?|entries)\s+in\s+(?:the\s+)?$", head)
            or re.match(
                r"^\s*(?:[\w-]+\s+){0,3}(?:class|category)\b", sent.text[sent.rel(k.start) :]
            )
        )
        if not classy:
            continue
        tied = [
            c
            for c in sent.of(C)
            if not is_title_use(sent, c)
            and same_clause(sent, c.start, k.start)
            and (abs(c.end - k.start) < 6 or abs(k.end - c.start) < 12)
        ]
        if k.entity in known and not tied:
            continue
        champ = tied[0].entity if tied else _champ_for(art, sent, k.start)
        if champ is None:
            continue
        season = _count_season(art, sent, k.start)
        known.add(k.entity)
        art.emit("classOf", sent, "classOf.class-of", 0.7, s=k.entity, o=champ, season=season)


_CLASS_MUST = re.compile(
    r"^\s+(?:crews?|line-?ups?|teams?|entries|entry|cars?|entrants)?\s*"
    r"(?:must|may|can|needs?|requires?|has\s+to|have\s+to)\b",
    re.I,
)


def _class_rule(art: Article, sent: Sentence) -> None:
    if not re.search(r"\brul|\bregulation|\bmust\b|\bmay\b|\bneed|\brequire", sent.lower):
        return
    cue = _RULE_CUE.search(sent.text)
    if not cue:
        return
    heads = [k for k in sent.of(K) if _CLASS_MUST.match(sent.text[sent.rel(k.end) :])]
    if len({k.entity for k in heads}) > 1:
        # one rule per class: "every LMP2 crew must include ..., and LMGT3 crews must ..."
        for i, k in enumerate(heads):
            end = heads[i + 1].start if i + 1 < len(heads) else sent.end
            seg = sent.gap(k.end, end)
            mm = re.search(
                r"\b(?:must|may|can|needs?|requires?|has\s+to|have\s+to)\s+(?:not\s+)?(?:\w+\s+)?",
                seg,
            )
            if mm is None:
                continue
            a = k.end + mm.end()
            body = re.sub(
                r"[\s,;]*(?:and\s*)?(?:(?:no|each|every|all|any|the|a|an)\s*)?$",
                "",
                sent.gap(a, end),
            ).rstrip(".")
            _rule_for(art, sent, body, a, k.entity)
        return
    body = sent.text[cue.end() :].strip().rstrip(".")
    offset = (
        sent.start
        + cue.end()
        + (len(sent.text[cue.end() :]) - len(sent.text[cue.end() :].lstrip()))
    )
    _rule_for(art, sent, body, offset, None)


def _rule_for(art: Article, sent: Sentence, body: str, offset: int, cls: str | None) -> None:
    """A classRule from the requirement text ``body`` starting at ``offset``."""
    reqs: list[LineupRequirement] = []
    size = 0
    pos = 0
    for part in _CLAUSE_SPLIT.split(body):
        cats = _CATEGORY.findall(part)
        where = body.find(part, pos)
        pos = max(pos, where)
        if not cats:
            continue
        ordm = _ORD_DRIVER.search(part)
        cm = _COUNT.search(part)
        count = 1
        minimum = False
        if cm:
            count = number(cm.group("n")) or 1
            minimum = bool(cm.group("min"))
        strict = "required"
        if re.search(r"\btypically\b", part, re.I):
            strict = "typically"
        elif re.search(r"\busually\b|\bgenerally\b|\boften\b", part, re.I):
            strict = "usually"
        keys = []
        for c in cats:
            key = category_key(art, sent, c, offset + max(where, 0))
            if key and key not in keys:
                keys.append(key)
        reqs.append(
            LineupRequirement(
                categories=tuple(keys),
                count=count,
                minimum=minimum,
                strictness=strict,
                description=part.strip(" ,"),
            )
        )
        size = max(
            size + count,
            {"second": 2, "third": 3, "fourth": 4}.get(ordm.group(1).lower(), 0) if ordm else 0,
        )
    if not reqs:
        return
    if cls is None:
        classes = sent.of(K)
        cls = classes[0].entity if classes else _implied_class(art, sent, sent.start)
    champ = _champ_for(art, sent, sent.start)
    season = art.season_in(sent) or art.focus_season
    art.emit(
        "classRule",
        sent,
        "classRule.mandate",
        0.75,
        **{"class": cls},
        championship=champ,
        season=season,
        rule=body,
        structured=tuple(reqs),
        lineupSize=size or None,
    )


def _entry_list_key(art: Article, sent: Sentence, champ: str, season: int) -> str:
    for ev in sent.of(EntityType.EVENT):
        if art.kind(ev.entity) is EventKind.ENTRY_LIST or "entry" in ev.text.lower():
            return ev.entity
    m = re.search(r"(?:the\s+)?(?:[\w'’-]+\s+){0,3}entry list\b", sent.text)
    cname = art.name(champ)
    key = art.mint(
        f"{champ}-{season}-entry-list",
        EntityType.EVENT,
        f"{cname} {season} entry list",
        mention=m.group(0) if m else None,
        kind=EventKind.ENTRY_LIST,
    )
    art.emit("eventOf", sent, "eventOf.entry-list", 0.75, s=key, o=champ, season=season)
    return key


def _entry_count(art: Article, sent: Sentence, lists: dict[int, _Listed]) -> None:
    """Counts of an entry list, in its sentence or the next ones of the story (an entry-list
    story goes on class by class: "LMP2 has 16 entries. ... The LMGT3 class attracts 23")."""
    el = _ENTRY_LIST.search(sent.text) if re.search(r"entry|grid|field", sent.lower) else None
    if el is None and _announced(art, sent, lists):
        return
    if el is None:
        current = [p for p in lists if p <= sent.paragraph]
        if current and re.search(r"\b(?:cars|entries|entrants|crews|prototypes)\b", sent.lower):
            listed = lists[max(current)]
            _full_season(art, sent, *listed)
            _class_counts(art, sent, *listed)
            _make_counts(art, sent, listed[0], listed[1], [k.entity for k in sent.of(K)])
        return
    champ = _champ_for(art, sent, sent.abs(el.start()))
    event_list = [
        ev
        for ev in sent.of(EntityType.EVENT)
        if art.kind(ev.entity) is EventKind.ENTRY_LIST or "entry" in ev.text.lower()
    ]
    if champ is None and not event_list:
        return
    if champ is None:  # "IMSA released the entry list for the Rolex 24": the race's series
        champ = next(
            (
                str(f.get("o"))
                for f in art.facts
                if f.relation == "eventOf" and f.get("s") == event_list[0].entity
            ),
            None,
        )
    season = _count_season(art, sent, sent.abs(el.start()))
    status = "provisional" if re.search(r"\bprovisional\b", sent.text, re.I) else "confirmed"
    source = (
        event_list[0].entity
        if event_list
        else None
        if el.group("m")  # "the entry was 58 cars": a count, no list document
        else _entry_list_key(art, sent, champ or "", season)
    )
    if event_list and champ is not None:  # "the entry list for the Rolex 24": IMSA's list
        art.emit("eventOf", sent, "eventOf.entry-list", 0.7, s=source, o=champ, season=season)
    lists[sent.paragraph] = (champ, season, status, source)
    total = _TOTAL.search(sent.text, el.end())
    n_total = number(total.group("n") or total.group("n2")) if total else None
    stated = el.group("n") or el.group("m")
    if total and not stated and n_total:
        art.emit(
            "entryCount",
            sent,
            "entryCount.total",
            0.75,
            championship=champ,
            season=season,
            count=n_total,
            status=status,
            source=source,
        )
        _reserves(art, sent, sent.abs(total.end()), champ, season, None, status)
    if stated:
        art.emit(
            "entryCount",
            sent,
            "entryCount.n-car",
            0.8,
            championship=champ,
            season=season,
            count=int(stated),
            status=status,
            source=source,
        )
    if stated or total:
        _previous_total(art, sent, sent.abs(el.end()), champ, season)
    _class_counts(art, sent, champ, season, status, source)


def _previous_total(art: Article, sent: Sentence, pos: int, champ: str | None, season: int) -> None:
    """ "a 30-car entry list for 2026, up from 26 cars last year": the total the list is
    compared with is the previous season's (or the named year's) count."""
    prev = _PREV_TOTAL.match(sent.text[sent.rel(pos) :])
    if prev is None or champ is None:
        return
    _previous_count(art, sent, "entryCount.up-from", champ, None, prev, season, int(prev["n"]))


def _previous_count(
    art: Article,
    sent: Sentence,
    rule: str,
    champ: Value | None,
    cls: str | None,
    when: re.Match[str],
    season: int,
    count: int,
) -> None:
    """The count of the season a comparison names ("in 2024", group ``y``), else of the
    season before ``season`` ("last year")."""
    art.emit(
        "entryCount",
        sent,
        rule,
        0.7,
        championship=champ,
        season=int(when["y"]) if when["y"] else season - 1,
        **{"class": cls},
        count=count,
        status="confirmed",
    )


_ANNOUNCED = re.compile(
    r"\b(?:confirmed|published|released|announced|revealed|unveiled|received|accepted"
    r"|approved|issued)\s+(?:a\s+total\s+of\s+|a\s+record\s+)?"
    r"(?P<n>\d{1,3}|[a-z]+(?:-[a-z]+)?)\s+(?P<full>(?:full-season|full-time|season-long"
    r"|permanent|provisional)\s+)?(?:cars|entries|entrants|crews)\b(?!\s+(?:in|of)\s)",
    re.I,
)


def _announced(art: Article, sent: Sentence, lists: dict[int, _Listed]) -> bool:
    """ "IMSA has confirmed 45 full-season entries for the 2026 WeatherTech SportsCar
    Championship": a list's total stated without the words "entry list"."""
    a = _ANNOUNCED.search(sent.text)
    if a is None:
        return False
    n = number(a.group("n"))
    pos = sent.abs(a.start("n"))
    champs = [
        c for c in sent.of(C) if not is_title_use(sent, c) and same_clause(sent, c.start, pos)
    ]
    if not n or not champs:
        return False
    champ = min(champs, key=lambda c: abs(c.start - pos)).entity
    season = _count_season(art, sent, pos)
    status = "provisional" if re.search(r"\bprovisional\b", sent.text, re.I) else "confirmed"
    lists[sent.paragraph] = (champ, season, status, None)
    art.emit(
        "entryCount",
        sent,
        "entryCount.announced",
        0.75,
        championship=champ,
        season=season,
        count=n,
        status=status,
    )
    _reserves(art, sent, sent.abs(a.end()), champ, season, None, status)
    _class_counts(art, sent, champ, season, status, None)
    return True


def _reserves(
    art: Article,
    sent: Sentence,
    pos: int,
    champ: str | None,
    season: int,
    cls: str | None,
    status: str,
) -> None:
    """The reserves among the cars counted just before ``pos``: "44 cars, of which two are
    reserves", "16 cars, including both reserves" (the count's status, the wording as
    modality: the ontology has no reserve status)."""
    r = _RESERVES.match(sent.text[sent.rel(pos) :])
    if r is None:
        return
    word = next(g for g in r.groups() if g)
    n = 2 if word.lower() == "both" else number(word)
    if not n:
        return
    art.emit(
        "entryCount",
        sent,
        "entryCount.reserves",
        0.7,
        championship=champ,
        season=season,
        **{"class": cls},
        count=n,
        status=status,
        modality=r.group(0).strip(" ,"),
    )


def _full_season(
    art: Article, sent: Sentence, champ: str | None, season: int, status: str, source: str | None
) -> None:
    """ "The 42 full-season entries are one more than last year": the list's permanent
    entries, in a sentence of an entry-list story that names no class."""
    if sent.of(K):
        return
    for m in _FULL_SEASON.finditer(sent.text):
        n = number(m.group("n"))
        if n:
            _emit_count(
                art,
                sent,
                "entryCount.full-season",
                sent.abs(m.end()),
                champ,
                None,
                n,
                season,
                status=status,
            )


def _make_counts(
    art: Article, sent: Sentence, champ: str | None, season: int, classes: list[str]
) -> None:
    """Cars per make in an entry list: "two Ferraris from AF Corse, three Toyotas and the
    two Cadillac cars of Chip Ganassi Racing"."""
    cls = classes[0] if len(set(classes)) == 1 else None
    for m in sent.of(M):
        if not classes:  # "There are three Porsches": the class the story is on
            cls = _implied_class(art, sent, m.start)
        nm = re.search(
            r"\b(?P<n>two|three|four|five|six|seven|eight|\d)\s+$", sent.tail(m.start, 20)
        )
        plural = m.text.endswith("s") or re.match(
            r"^\s+(?:cars|entries|machines)\b", sent.text[sent.rel(m.end) :]
        )
        if nm is None or not plural:
            continue
        art.emit(
            "manufacturerEntry",
            sent,
            "manufacturerEntry.count",
            0.7,
            manufacturer=m.entity,
            championship=champ,
            season=season,
            **{"class": cls},
            cars=number(nm.group("n")),
        )


# "Ten of the 61 are GTP prototypes": a class's share of the field
_N_OF_ALL = re.compile(
    r"\b(?P<n>\d{1,3}|[A-Za-z]+)\s+of\s+(?:the|those|these)\s+\d{1,3}\s+(?:cars\s+|entries\s+)?"
    r"(?:are|will\s+be)\s+(?:an?\s+)?$",
    re.I,
)
# "among the 24 GT3 cars": a class's count written as the number of its cars (digits only:
# "the two GT3 cars of Team X" are a team's)
_THE_N_CLASS = re.compile(r"\bthe\s+(?P<n>\d{1,3})\s+$", re.I)
_LISTED_N = re.compile(r"(?:[:;,]|\band)\s+(?P<n>\d{1,3}|[a-z]+)\s+$", re.I)
_THE_N_OF = re.compile(
    r"(?:^|[:;,]|\band)\s*the\s+(?P<n>\d{1,3})\s+(?-i:[A-Z])[^,;:()]{0,40}?\s+(?:of|in)\s+$", re.I
)
_CLASS_CARS_AFTER = re.compile(
    r"^\s+(?:cars|entries|entrants|machines)\b(?!\s+(?:of|run\s+by|entered\s+by|for)\b)",
    re.I,
)


_STARTERS = re.compile(
    r"\b(?P<n>\d{1,3}|[A-Za-z]+(?:-[a-z]+)?)\s+(?:cars\s+)?(?:took|take|will\s+take)\s+the\s+"
    r"(?:start|green\s+flag)\b"
    r"|\b(?P<n2>\d{1,3}|[A-Za-z]+(?:-[a-z]+)?)\s+(?:[A-Z][\w-]*\s+)?cars\s+"
    r"(?:started|lined\s+up|will\s+start)\b"
    r"|\b(?:there\s+(?:were|are|will\s+be)\s+)(?P<n3>\d{1,3}|[a-z]+)\s+starters\b",
    re.I,
)


def _starters(art: Article, sent: Sentence) -> None:
    """ "Thirty-eight cars took the start: the 14 Oreca 07 Gibsons of LMP2, ten LMP3 cars and
    14 in GT", "Eleven GTP cars started the race": the race's field, overall and per class."""
    m = _STARTERS.search(sent.text)
    if m is None or art.quoted(sent.start):
        return
    n = number(m.group("n") or m.group("n2") or m.group("n3"))
    if n is None or n < 5:
        return
    pos = sent.abs(m.start())
    champ = _champ_for(art, sent, pos)
    if champ is None:
        return
    season = _count_season(art, sent, pos)
    inside = [k for k in sent.of(K) if pos <= k.start < sent.abs(m.end())]
    cls = inside[0].entity if inside else None  # a class field ("Eleven GTP cars started")
    _emit_count(art, sent, "entryCount.starters", pos, champ, cls, n, season)
    if cls is None:
        _class_counts(art, sent, champ, season, "confirmed", None)


def _class_counts(
    art: Article, sent: Sentence, champ: str | None, season: int, status: str, source: str | None
) -> None:
    """ "19 cars in the Hypercar class", "14 entries contest LMGT3", "LMP2 features 16 cars"."""
    for k in sent.of(K):
        m = _CARS_IN.search(sent.gap(max(sent.start, k.start - 40), k.start))
        if m is None:
            m = _N_OF_ALL.search(sent.gap(max(sent.start, k.start - 40), k.start))
        if m is None:
            m = _THE_N_CLASS.search(sent.tail(k.start, 20))
            if m is not None and not _CLASS_CARS_AFTER.match(sent.text[sent.rel(k.end) :]):
                m = None
        if m is None:  # "..., eight LMP3 cars and 20 in GT"
            m = _LISTED_N.search(sent.tail(k.start, 20))
            if m is not None and not _CLASS_CARS_AFTER.match(sent.text[sent.rel(k.end) :]):
                m = None
        if m is None:  # "the 14 Oreca 07 Gibsons of LMP2"
            m = _THE_N_OF.search(sent.tail(k.start, 60))
        if m is None:
            m = _CLASS_HAS.match(sent.text[sent.rel(k.end) :])
            if m is not None and _class_is_object(sent, k):
                continue  # "Algarve Pro Racing returns to LMP2 with two cars": a team's cars
        if not m:
            continue
        if sent.before(k.start, EntityType.TEAM) and _TEAM_ENTERS.search(
            sent.gap(sent.start, k.start)
        ):
            continue  # "United Autosports enters two LMP2 cars and one in LMP3"
        n = number(m.group("n"))
        if n is None:
            continue
        art.emit(
            "entryCount",
            sent,
            "entryCount.class",
            0.8,
            championship=champ,
            season=season,
            **{"class": k.entity},
            count=n,
            status=status,
            source=source,
        )
        if champ is not None:
            art.emit("classOf", sent, "classOf.counted", 0.7, s=k.entity, o=champ, season=season)
        after = k.end + m.end() if m.re is _CLASS_HAS else k.end
        _reserves(art, sent, max(k.end, sent.abs(m.end())), champ, season, k.entity, status)
        _one_make(art, sent, after, champ, season, k.entity, n)


_ALL_OF_THEM = re.compile(
    r"^\s*(?:,|:|-|–|—)?\s*(?:all|every\s+one|each)\s+(?:of\s+(?:them|which|those)\s+)?"
    r"(?:(?:are|being|is|will\s+be)\s+)?(?:an?\s+)?",
    re.I,
)
_OTHER_N = re.compile(
    r"\b(?:the\s+)?(?:other|remaining|last)\s+(?P<n>\w+)\s+(?:(?:cars|entries)\s+)?"
    r"(?:are|being|will\s+be|are\s+all)\s+(?:all\s+)?$",
    re.I,
)


def _one_make(
    art: Article,
    sent: Sentence,
    pos: int,
    champ: str | None,
    season: int,
    cls: str | None,
    n: int,
) -> None:
    """ "The LMP2 class has 11 entries, all of them Oreca 07s": a one-make count."""
    m = _ALL_OF_THEM.match(sent.text[sent.rel(pos) :])
    if m is None:
        return
    at = pos + m.end()
    models = sorted(
        (c for c in sent.after(at, CAR, M) if c.start - at < 2), key=lambda c: c.type is not CAR
    )
    if not models:
        return
    car = models[0] if models[0].type is CAR else None
    manu = _car_manufacturer(art, car.entity) if car else models[0].entity
    if manu is None:
        return
    art.emit(
        "manufacturerEntry",
        sent,
        "manufacturerEntry.all-of-them",
        0.7,
        manufacturer=manu,
        championship=champ,
        season=season,
        **{"class": cls},
        cars=n,
        car=car.entity if car else None,
    )


def _other_models(art: Article, sent: Sentence) -> None:
    """ "Ligier supplies five of the eight cars; the other three are Duqueine D09s": the
    cars of a model counted as the rest of a class."""
    if "other" not in sent.lower and "remaining" not in sent.lower and "last" not in sent.lower:
        return
    for x in sent.of(CAR, M):
        o = _OTHER_N.search(sent.tail(x.start, 60))
        if o is None:
            continue
        n = number(o.group("n"))
        if not n:
            continue
        car = x if x.type is CAR else None
        manu = _car_manufacturer(art, x.entity) if car else x.entity
        if manu is None or (car is None and not x.text.endswith("s")):
            continue
        classes = [k for k in sent.of(K) if same_clause(sent, k.start, x.start)] or sent.of(K)
        cls = classes[0].entity if classes else _implied_class(art, sent, x.start)
        champ = _class_champ(art, sent, cls, x.start) if cls else _champ_for(art, sent, x.start)
        art.emit(
            "manufacturerEntry",
            sent,
            "manufacturerEntry.other-n",
            0.7,
            manufacturer=manu,
            championship=champ,
            season=_count_season(art, sent, x.start),
            **{"class": cls},
            cars=n,
            car=car.entity if car else None,
        )


_TO_CLASS = re.compile(r"\b(?:to|into|in|for|from)\s+(?:the\s+)?$", re.I)


def _class_is_object(sent: Sentence, k: LinkedMention) -> bool:
    """The class is the object of a preposition after a team or make in its clause ("X
    returns to LMP2 with two cars", "Y steps up to the Gold Cup with three"): the count that
    follows is that entrant's, not the class's."""
    if not _TO_CLASS.search(sent.tail(k.start, 20)):
        return False
    return any(
        same_clause(sent, e.end, k.start) and k.start - e.end < 60
        for e in sent.before(k.start, EntityType.TEAM, M, EntityType.DRIVER)
    )


_FRAME = re.compile(
    r"^(?:In|Within|For)\s+(?:the\s+)?(?P<w>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)"
    r"(?:\s+(?:class|category|division))?\s*,"
)
_CLASS_SUFFIX = re.compile(r"\s+(?:class|category|division)$", re.I)


def _implied_class(art: Article, sent: Sentence, pos: int) -> str | None:
    """The class a sentence is about when it names none as a mention: "In GT, Ferrari and
    Porsche each bring four cars" after "the GT class" (a short name of a class the article
    knows), else the class named last before ``pos`` in the paragraph."""
    for s in reversed(art.sentences[: sent.index + 1]):
        if s.paragraph != sent.paragraph:
            break
        named = [m for m in s.of(K) if m.end <= pos]
        if named:
            return named[-1].entity
        f = _FRAME.match(s.text)
        if f is None or [m for m in s.mentions if m.start < s.abs(f.end())]:
            continue
        word = f.group("w").lower()
        for key, e in art.ctx.entities.items():
            if e.type is K and _CLASS_SUFFIX.sub("", e.name).lower() == word:
                return key
    return art.class_at(sent, pos)


def _class_or_only(art: Article, sent: Sentence, pos: int) -> str | None:
    """The class of the paragraph, else the story's only class (a story on one class goes
    on without naming it: "Elsewhere in the class ... X will again enter two 963s")."""
    cls = _implied_class(art, sent, pos)
    if cls is not None:
        return cls
    named = {m.entity for m in art.ctx.mentions if m.type is K}
    return next(iter(named)) if len(named) == 1 else None


def _built_for(art: Article, car: str, champ: str) -> str | None:
    """The one class of ``champ`` (reference data) that admits the car's regulations: two
    Porsche 963s (LMDh) in the WEC race in Hypercar."""
    listed, series = art.listed(car), art.listed(art.root(champ))
    if listed is None or listed.built_to is None or series is None:
        return None
    fits = [e.iri for e in art.classes_admitting(listed.built_to) if e.championship == series.iri]
    return art.ensure_reference(fits[0], K) if len(fits) == 1 else None


def _car_manufacturer(art: Article, car: str) -> str | None:
    ref = art.listed(car)
    if ref is not None and ref.manufacturer:
        return art.ensure_reference(ref.manufacturer, M)
    ent = art.entity(car)
    best = None
    for k, e in art.ctx.entities.items():
        if (
            e.type is M
            and (
                car.startswith(k + "-") or (ent and slugify(e.name) in slugify(ent.name).split("-"))
            )
            and (best is None or len(k) > len(best))
        ):
            best = k
    return best


_NUM_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
# "Ferrari has four 296 LMGT3s", "Porsche four 911 GT3 R LMGT3s", "with Aston Martin on
# three", "McLaren and Mercedes-AMG on two each", "BMW, Aston Martin and Chevrolet three apiece"
_TALLY = re.compile(
    r"^\s*(?P<verb>(?:has|have|fields?|enters?|brings?|runs?)\s+)?(?P<on>on\s+)?"
    rf"(?P<n>{_NUM_WORD})\b(?P<rest>[^,.;]*)",
    re.I,
)
_TALLY_UNIT = re.compile(r"^\s+(?:cars?|entries|each|apiece)\b", re.I)
_TALLY_SHARED = re.compile(r"^\s+(?:cars\s+)?(?:each|apiece)\b", re.I)
_NOT_CARS = re.compile(r"\b(?:points?|laps?|seconds?|wins?|titles?|podiums?|races?)\b", re.I)
_MAKE_LINK = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+)$")


def _make_tallies(art: Article, sent: Sentence) -> None:
    """Cars per make counted after the make, in an entry list's tally: the count names the
    make's cars, its model, "cars", or (after "on") nothing; makes listed together share a
    count said to be "each" or "apiece"."""
    if not re.search(
        r"\b(?:entry|entries|entered|grid|field|cars|LMGT3s|GT3s|each|apiece)\b", sent.text, re.I
    ):
        return
    makes = sent.of(M)
    group: list[LinkedMention] = []
    for i, m in enumerate(makes):
        linked = i > 0 and _MAKE_LINK.match(sent.gap(makes[i - 1].end, m.start))
        group = [*group, m] if linked else [m]
        t = _TALLY.match(sent.text[sent.rel(m.end) :])
        if t is None or _NOT_CARS.search(t.group("rest")):
            continue
        if t.group("n").isdigit() and not (t.group("verb") or t.group("on")):
            continue  # "Oreca 07": a model, not a count
        rest = t.group("rest")
        after_n = m.end + t.start("rest")
        model = [
            c
            for c in sent.of(CAR)
            if 0 <= c.start - after_n <= 1 and _car_manufacturer(art, c.entity) == m.entity
        ]
        shared = bool(_TALLY_SHARED.match(rest))
        bare_on = t.group("on") and (shared or re.match(r"^\s*(?:and\b|$)", rest))
        if not (model or _TALLY_UNIT.match(rest) or bare_on):
            continue
        who = group if shared else [m]
        cls = _class_or_only(art, sent, m.start)
        season = _count_season(art, sent, m.start)
        champ = _champ_for(art, sent, m.start)
        for w in who:
            art.emit(
                "manufacturerEntry",
                sent,
                "manufacturerEntry.tally",
                0.7,
                manufacturer=w.entity,
                championship=champ,
                season=season,
                **{"class": cls},
                cars=number(t.group("n")),
            )


def _manufacturer_entry(art: Article, sent: Sentence) -> None:
    each = _EACH_WITH.search(sent.text)
    if each:
        cars = number(each.group("n") or each.group("n2"))
        inc = _INCLUDING.search(sent.text, each.end())
        if inc:
            start = sent.abs(inc.end())
            manus = [m for m in sent.after(start, M)]
            champ = _champ_for(art, sent, sent.start)
            classes = sent.of(K)
            cls = classes[0].entity if classes else None
            season = art.season_in(sent) or art.focus_season
            for m in manus:
                art.emit(
                    "manufacturerEntry",
                    sent,
                    "manufacturerEntry.list",
                    0.8,
                    manufacturer=m.entity,
                    championship=champ,
                    season=season,
                    **{"class": cls},
                    cars=cars,
                )
    for car in sent.of(CAR):
        before = sent.gap(max(sent.start, car.start - 25), car.start)
        nm = re.search(r"\b(?P<n>two|three|four|five|six|\d)\s+(?:[\w-]+\s+)?$", before)
        after = sent.text[sent.rel(car.end) :]
        run = re.match(r"^s?\s+(?:run|entered|fielded)\s+by\s+(?:the\s+)?", after)
        fields = re.search(_FIELDS, sent.tail(car.start, 60)) or _PLANS_TO_RUN.match(after)
        if not (nm and (run or fields)):
            continue
        if run:
            teams = [t for t in sent.after(car.end, EntityType.TEAM) if t.start - car.end < 40]
        else:
            teams = [t for t in sent.before(car.start, EntityType.TEAM) if car.start - t.end < 60]
        manu = _car_manufacturer(art, car.entity)
        if manu is None:
            continue
        champ = _champ_for(art, sent, car.start)
        classes = sent.of(K)
        cls = classes[0].entity if classes else _class_or_only(art, sent, car.start)
        if cls is not None and not classes:
            champ = _class_champ(art, sent, cls, car.start)
        season = _count_season(art, sent, car.start)
        if (
            fields is not None
            and re.match(r"(?:runs|fields)\b", fields.group(0), re.I)
            and re.search(
                r",\s*(?:which|that|who)\s+$", sent.tail(car.start, 60)[: -len(fields.group(0))]
            )
            and art.season_in(sent, car.start) is None
        ):
            season = art.published.year  # "the squad, which runs two M Hybrid V8s": now
        if cls is None and champ is not None:
            cls = _built_for(art, car.entity, champ)
        art.emit(
            "manufacturerEntry",
            sent,
            "manufacturerEntry.run-by",
            0.75,
            manufacturer=manu,
            championship=champ,
            season=season,
            **{"class": cls},
            cars=(number(nm.group("n")) or 0) + _extra_cars(sent.text[sent.rel(car.end) :]),
            team=teams[0].entity if teams else None,
            car=car.entity,
        )


# "the three 499Ps it plans to run": the cars a make or team means to enter
_PLANS_TO_RUN = re.compile(
    r"^s?\s+(?:that\s+)?(?:it|they|the\s+(?:team|brand|manufacturer|factory|squad))\s+"
    r"(?:plans|intends|hopes|wants|is\s+set|is\s+going|will|is\s+to|aims)\s*(?:to\s+)?"
    r"(?:run|field|enter|bring)\b",
    re.I,
)


_EXTRA = re.compile(
    r"^[\w.-]*\s+and\s+(?P<n>a|an|one|two|three)\s+(?:more\s+|further\s+|third\s+)?"
    r"(?:[\w-]+\s+)?(?:cars?|entry|entries)\b",
    re.I,
)


def _extra_cars(after: str) -> int:
    """ "two 499Ps and a customer car": the cars added after the counted models."""
    m = _EXTRA.match(after)
    return (number(m.group("n")) or 0) if m else 0


# "A and B with two and three cars respectively", "A, B and C with three, two and three
# respectively"
_RESPECTIVELY = re.compile(
    rf"^[^.;]{{0,60}}?\bwith\s+(?P<nums>{_NUM_WORD}(?:\s*,\s*{_NUM_WORD})*,?\s+and\s+"
    rf"{_NUM_WORD})\s+(?:(?:cars|entries)\s+)?respectively\b",
    re.I,
)


def _respective_counts(sent: Sentence, last: LinkedMention) -> list[str] | None:
    """The count words "with three, two and three respectively" that follow the make
    ``last`` with no other make in between (None when there are none)."""
    r = _RESPECTIVELY.match(sent.text[sent.rel(last.end) :])
    if r is None or any(x.start < last.end + r.start("nums") for x in sent.after(last.end, M)):
        return None
    return re.findall(_NUM_WORD, r.group("nums"), re.I)


def _respectively(art: Article, sent: Sentence) -> None:
    """ "with Porsche and BMW rounding out the class with two and three cars respectively",
    "Audi, Ferrari and Lamborghini with three, two and three respectively": the makes of a
    coordinated group take the listed counts in order."""
    if "respectively" not in sent.lower:
        return
    makes = sent.of(M)
    for i, last in enumerate(makes):
        if i + 1 < len(makes) and re.fullmatch(
            r"\s*(?:,|and|,\s*and)\s*", sent.gap(last.end, makes[i + 1].start)
        ):
            continue  # not the end of its group
        words = _respective_counts(sent, last)
        if words is None:
            continue
        group = group_before(sent, last.end, [M])
        if len(group) < len(words) or len(words) < 2:
            continue
        group = group[len(group) - len(words) :]
        a = group[0]
        classes = [k for k in sent.of(K) if same_clause(sent, k.start, a.start)] or sent.of(K)
        cls = classes[0].entity if classes else _implied_class(art, sent, a.start)
        champ = _class_champ(art, sent, cls, a.start) if cls else _champ_for(art, sent, a.start)
        for make, word in zip(group, words, strict=True):
            cars = number(word)
            if cars:
                art.emit(
                    "manufacturerEntry",
                    sent,
                    "manufacturerEntry.respectively",
                    0.7,
                    manufacturer=make.entity,
                    championship=champ,
                    season=_count_season(art, sent, a.start),
                    **{"class": cls},
                    cars=cars,
                )


_MAKE_FIELDS = re.compile(
    r"^\s+(?:again\s+)?(?:will\s+|is\s+set\s+to\s+|plans\s+to\s+)?(?:field|fields|enter|enters"
    r"|run|runs|bring|brings|returns?\s+with|arrives?\s+with"
    r"|completes?\s+the\s+(?:class|field|grid|line-?up)\s+with"
    r"|rounds?\s+(?:out|off)\s+the\s+(?:class|field|grid)\s+with"
    # weaker verbs: only with cars or a model after the count (see _CARS_WHAT)
    r"|(?P<weak>has|have|supplies|supply|provides|provide|contributes|counts|is\s+represented\s+by"
    r"|are\s+represented\s+by|leads\s+the\s+way\s+with|leads\s+with"
    r"|(?P<most>(?:has|have)\s+the\s+most\s+(?:cars|entries),?\s+with)"
    # "Porsche is the best-represented make among the GT3 cars with seven 911 GT3 Rs"
    r"|is\s+(?:again\s+|once\s+again\s+)?the\s+(?:[\w-]+\s+){1,2}(?:make|manufacturer|marque"
    r"|brand)(?:\s+[^,;.]{0,60}?)?,?\s+with))\s+"
    r"(?P<n>a\s+pair\s+of|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\b\s*"
    r"(?P<what>[^,;.]*)",
    re.I,
)
_CARS_WHAT = re.compile(r"^(?:of\s+(?:the|them|those)\b|(?:[\w-]+\s+)?(?:cars|entries|machines)\b)")
_MAKE_ELLIPSIS = re.compile(
    r"^\s+(?P<n>two|three|four|five|six|seven|eight|\d)\s+(?P<what>[A-Z0-9][^,;.]*)"
    r"|^\s+(?:the\s+)?(?:remaining|other|last)\s+(?P<n2>two|three|four|five|six|seven|eight|\d)\b"
    # "ahead of Porsche with four and Mercedes-AMG with three"
    r"|^\s+with\s+(?P<n3>two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\b"
    r"(?!\s*(?:%|per\s*cent|points?|wins?|victories|podiums?|poles?|titles?)\b)"
    # "Toyota supplies four Supras and Mercedes-AMG two."
    r"|^\s+(?P<n4>two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s*(?=[.;]|,\s|$)"
)
# "a lone Lamborghini completes the class": one car of a make
_LONE_BEFORE = re.compile(r"\b(?:a\s+(?:lone|single|solitary)|one)\s+$", re.I)
_LONE_AFTER = re.compile(r"^\s+(?:completes|rounds\s+(?:out|off)|makes\s+up)\b", re.I)


def _make_fields(art: Article, sent: Sentence) -> None:
    """ "Porsche fields three 963s, BMW two M Hybrid V8s", "Ferrari will field two 499Ps and
    a customer car", "Chevrolet returns with a pair of Corvettes": a make's cars in a class."""
    fired = False
    for m in sent.of(M):
        tail = sent.text[sent.rel(m.end) :]
        if _respective_counts(sent, m) is not None:
            continue  # "A, B and C with three, two and three respectively": _respectively
        f = _MAKE_FIELDS.match(tail) or (_MAKE_ELLIPSIS.match(tail) if fired else None)
        lone = _LONE_BEFORE.search(sent.tail(m.start, 20)) and (fired or _LONE_AFTER.match(tail))
        if f is None and not lone:
            continue
        what = (f.groupdict().get("what") or "") if f else ""
        if re.search(r"\b(?:each|apiece)\b", what, re.I):
            continue
        if [
            t
            for t in sent.before(m.start, EntityType.TEAM)
            if m.start - t.end < 3 and not sent.gap(t.end, m.start).strip()
        ]:
            continue  # "TF Sport runs three Chevrolet Corvettes": the team rule
        at = m.end + f.start("what") if f and f.groupdict().get("what") is not None else m.end
        models = [c for c in sent.of(CAR) if at <= c.start < at + 25]
        weak = f is not None and f.groupdict().get("weak") and not f.group("most")
        if weak and not (_CARS_WHAT.match(what) or (models and models[0].start - at < 3)):
            continue  # "Porsche has two wins": not cars
        word = (
            (
                f.group("n")
                or f.groupdict().get("n2")
                or f.groupdict().get("n3")
                or f.groupdict().get("n4")
                or ""
            )
            if f
            else "one"
        )
        cars = 2 if word.lower().startswith("a") else number(word)
        if not cars:
            continue
        fired = True
        first = re.match(r"[\w.-]+(?:\s+[A-Z0-9][\w.-]*)*", what)
        cars += _extra_cars(what[first.end() :] if first else "")
        classes = [k for k in sent.of(K) if same_clause(sent, k.start, m.start)] or sent.of(K)
        # "BMW fields four M4s in the Gold Cup, and Audi ...": the Gold Cup is not Audi's class
        classes = [
            k for k in classes if _frames(sent, k) or not _other_conjunct(art, k.start, m.start)
        ]
        spread = {k.entity for k in classes if at <= k.start <= at + len(what)}
        cls = (
            None  # "four M4s across the Pro Cup and the Gold Cup": no single class
            if len(spread) > 1
            else min(classes, key=lambda k: abs(k.start - m.start)).entity
            if classes
            else None
            if sent.of(K)
            else _implied_class(art, sent, m.start)
        )
        champ = _class_champ(art, sent, cls, m.start) if cls else _champ_for(art, sent, m.start)
        art.emit(
            "manufacturerEntry",
            sent,
            "manufacturerEntry.make-fields",
            0.7,
            manufacturer=m.entity,
            championship=champ,
            season=_count_season(art, sent, m.start),
            **{"class": cls},
            cars=cars,
            car=models[0].entity if models else None,
        )


_AS_DO = re.compile(r",?\s+as\s+(?:do|does|will|did)\s+", re.I)


def _as_do(art: Article, sent: Sentence) -> None:
    """ "Corvette and Ford each enter two cars, as do Porsche, BMW and Lexus": the makes
    after "as do" have the cars of the entry stated just before."""
    if " as " not in sent.lower:
        return
    for cue in _AS_DO.finditer(sent.text):
        at = sent.abs(cue.start())
        stated = [
            f
            for f in art.facts
            if f.relation == "manufacturerEntry"
            and f.evidence.start == sent.start
            and any(m.entity == f.get("manufacturer") for m in sent.before(at, M))
        ]
        if not stated:
            continue
        last = stated[-1]
        group = group_after(sent, sent.abs(cue.end()), [M])
        if not group or group[0].start - sent.abs(cue.end()) > 4:
            continue
        for g in group:
            art.emit(
                "manufacturerEntry",
                sent,
                "manufacturerEntry.as-do",
                0.7,
                manufacturer=g.entity,
                championship=last.get("championship"),
                season=last.get("season"),
                **{"class": last.get("class")},
                cars=last.get("cars"),
            )


_CLAUSE_DEPS = frozenset({"ROOT", "conj", "ccomp", "advcl", "relcl", "parataxis"})


def _clause_verb(art: Article, pos: int) -> Token | None:
    """The verb heading the clause of the token at article offset ``pos`` (spaCy parse)."""
    span = art.ctx.doc.char_span(pos, pos + 1, alignment_mode="expand")
    if span is None or not len(span):
        return None
    tok = span[0]
    while not (tok.pos_ in ("VERB", "AUX") and tok.dep_ in _CLAUSE_DEPS):
        if tok.head.i == tok.i:  # the root (spaCy makes a new Token object per access)
            return None
        tok = tok.head
    return tok


def _frames(sent: Sentence, k: LinkedMention) -> bool:
    """The class opens the sentence as its frame ("In GTD Pro, A fields ..., and B ...")."""
    return bool(re.fullmatch(r"\s*(?:In|For|Within)\s+(?:the\s+)?", sent.gap(sent.start, k.start)))


def _other_conjunct(art: Article, a: int, b: int) -> bool:
    """Offsets ``a`` and ``b`` sit in two coordinated clauses ("BMW fields four M4s across the
    Gold Cup, and Audi is represented by two R8s"): one clause verb is a conjunct of the
    other's (or both of a third verb)."""
    va, vb = _clause_verb(art, a), _clause_verb(art, b)
    if va is None or vb is None or va == vb:
        return False
    return (
        (va.dep_ == "conj" and va.head == vb)
        or (vb.dep_ == "conj" and vb.head == va)
        or (va.dep_ == vb.dep_ == "conj" and va.head == vb.head)
    )


def _tested(art: Article, sent: Sentence) -> None:
    if not _TEST_VERB.search(sent.text):
        return
    para_test = [
        e
        for e in art.ctx.mentions
        if e.type is EntityType.EVENT
        and e.start < sent.end
        and (art.kind(e.entity) is EventKind.TEST or _TEST.search(e.text))
        and (s := art.sentence_at(e.start)) is not None
        and s.paragraph == sent.paragraph
    ]
    if not (_TEST.search(sent.text) or para_test):
        return
    objs: list[LinkedMention]
    for v in _TEST_VERB.finditer(sent.text):
        if re.search(r"\b(?:will|would|to)\s+$", sent.text[: v.start()]):
            continue
        vpos = sent.abs(v.end())
        if v.group("part"):
            # the verb takes the test as object: it must be there, the car comes after it
            if not _TEST.search(sent.text[v.end() : v.end() + 40]):
                continue
            objs = [
                o
                for o in sent.after(vpos, CAR, K)
                if o.start - vpos < 80 and _IN_A.search(sent.tail(o.start, 30))
            ]
        else:
            objs = [o for o in sent.after(vpos, CAR, K) if o.start - vpos < 35]
        if not objs:
            continue
        cars = [o for o in objs if o.type is CAR]
        obj = cars[0] if cars else objs[0]
        people = sent.before(sent.abs(v.start()), EntityType.DRIVER, EntityType.PERSON)
        if not people and sent.before(sent.abs(v.start()), EntityType.TEAM) and v.start() < 60:
            continue  # "X, the 19-year-old Swede, took part in ...": X is no known person
        subj = people[-1].entity if people else art.antecedent(sent, sent.abs(v.start()))
        if subj is None:
            continue
        tests = [
            e
            for e in sent.of(EntityType.EVENT)
            if art.kind(e.entity) is EventKind.TEST or _TEST.search(e.text)
        ]
        event = tests[0].entity if tests else (para_test[-1].entity if para_test else None)
        teams = [
            t
            for t in sent.of(EntityType.TEAM)
            if abs(t.start - obj.end) < 30 or abs(obj.start - t.end) < 12
        ]
        # who tested with the subject: "..., sharing the car with A and B", "alongside A"
        sharers = [subj]
        for d in sent.after(obj.end, EntityType.DRIVER):
            gap = sent.gap(obj.end, d.start)
            if _TEST_PARTNER.search(gap) and not re.search(r"[.;]", gap):
                sharers += [g.entity for g in group_after(sent, d.start, [EntityType.DRIVER])]
                break
        for who in dict.fromkeys(sharers):
            art.emit(
                "tested",
                sent,
                "tested.drove",
                0.75,
                s=who,
                o=obj.entity,
                event=event,
                team=teams[0].entity if teams else None,
            )


def _manufacturer_of(art: Article) -> None:
    seen: set[str] = set()
    for sent in art.sentences:
        for car in sent.of(CAR):
            if car.entity in seen:
                continue
            seen.add(car.entity)
            manu = _car_manufacturer(art, car.entity)
            if manu:
                art.emit("manufacturerOf", sent, "manufacturerOf.car", 0.85, s=car.entity, o=manu)


# --- counts stated outside an entry-list sentence ----------------------------------------

_COMPARISON = re.compile(
    r"\b(?:than|compared (?:with|to)|on|as)\s+(?:last|the previous|a year ago)"
    r"(?:\s+(?:year|season))?"
    r"|\b(?:than|from)\s+(?:a year|\w+ years?) ago\b"
    r"|\bthan\s+in\s+(?:19|20)\d\d\b"
    r"|\b(?:down|up)\s+from\s+\d{1,3}\s+(?:(?:cars|entries)\s+)?"
    r"(?:last\s+(?:year|season)|in\s+(?:19|20)\d\d)\b",
    re.I,
)
_GRID = re.compile(
    r"\b(?P<n>\d{1,3})[- ](?:car|strong)\s+(?:grid|field)\b"
    r"|\b(?:grid|field) of (?P<n2>\d{1,3}) (?:cars|entries)\b",
    re.I,
)
_CLASS_COUNT = re.compile(
    r"^(?:\s+(?:class|category|grid|field))?(?:,\s*(?:which|who)\b[^,;.]*,)?\s+"
    r"(?:will\s+|now\s+)?(?:(?:is|remains|will\s+be|stays|becomes)\s+(?:again\s+|once\s+more\s+)?"
    r"the\s+\w+\s+(?:class|category|division)\s+with"
    r"|features?|has|have|includes?|comprises?|counts?|boasts?|attracts?|attracted|draws?"
    r"|drew|totals?|numbers?|sees|brings together|will have)\s+"
    r"(?P<n>\d{1,3}|[a-z]+)\s+(?:[\w-]+\s+){0,2}?(?:cars|entries|entrants|crews)\b"
    r"|^(?:\s+(?:class|category|grid|field))?\s+(?:is|are|will be|stands at)\s+"
    r"(?P<n2>\d{1,3}|[a-z]+)(?:[- ](?:cars?|entries)\s+|\s+)strong\b"
    r"|^(?:\s+(?:class|category))?\s+(?:accounts?|makes? up)\s+(?:for\s+)?"
    r"(?P<n3>\d{1,3}|[a-z]+)\s+of\s+the\s+(?:cars|entries|entrants|field|grid)\b",
    re.I,
)
# "In LMGT3 there are 16 cars": the class before, the count after
_THERE_ARE = re.compile(
    r"^,?\s+there\s+(?:are|were|will\s+be|is)\s+(?P<n4>\d{1,3}|[a-z]+)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:cars|entries|entrants|crews)\b",
    re.I,
)
# "... and GTD makes up the rest of the grid with 26": a further class of a counted sentence
_REST_WITH = re.compile(r"^\s+[^,;.\d]{0,40}?\bwith\s+(?P<n>\d{1,3})\b(?!\s*%)")
_ELLIPSIS_COUNT = re.compile(r"^\s+(?P<n>\d{1,3})\b(?![-\d]|\s*(?:cars?|entries|%))")
_PREVIOUS = re.compile(
    r"^[^;.\d]{0,40}?\b(?P<d>\w+)\s+(?:(?:cars?|entries)\s+)?(?P<dir>more|fewer|less)"
    r"\s+than\s+(?:last|the previous|a year ago|in\s+(?P<y>(?:19|20)\d\d)\b)"
    r"|^[^;.\d]{0,40}?\b(?P<dir2>down|up)\s+from\s+(?P<old>\d{1,3})\s+"
    r"(?:(?:cars|entries)\s+)?(?:last\s+(?:year|season)|in\s+(?P<y2>(?:19|20)\d\d)\b)",
    re.I,
)
_TEAM_ENTERS = re.compile(
    r"\b(?:enters?|entering|fields?|fielding|runs?|running)\b[^.;]{0,30}$", re.I
)


def _count_season(art: Article, sent: Sentence, pos: int) -> int:
    """The season of a count: what the sentence names, not the year it is compared with
    ("18, two more than last year" is this season's count)."""
    masked = _COMPARISON.sub(lambda m: " " * len(m.group(0)), sent.text)
    plain = dataclasses.replace(sent, text=masked)
    return art.season_in(plain, pos) or art.focus_season


def _class_champ(art: Article, sent: Sentence, cls: str, pos: int) -> str | None:
    """The championship of a class count: one named in the clause, else the championship
    the article already put the class in, else the one the text is about."""
    champs = [
        c for c in sent.of(C) if not is_title_use(sent, c) and same_clause(sent, c.start, pos)
    ]
    if champs:
        return min(champs, key=lambda c: abs(c.start - pos)).entity
    for f in art.facts:
        if f.relation == "classOf" and f.get("s") == cls and isinstance(f.get("o"), str):
            return str(f.get("o"))
    return art.championship_at(pos)


def _emit_count(
    art: Article,
    sent: Sentence,
    rule: str,
    pos: int,
    champ: str | None,
    cls: str | None,
    n: int,
    season: int,
    *,
    status: str | None = None,
) -> None:
    if status is None or re.search(r"\bprovisional\b", sent.text, re.I):
        status = "provisional" if re.search(r"\bprovisional\b", sent.text, re.I) else "confirmed"
    art.emit(
        "entryCount",
        sent,
        rule,
        0.75,
        championship=champ,
        season=season,
        **{"class": cls},
        count=n,
        status=status,
    )
    if cls is not None and champ is not None:
        art.emit("classOf", sent, "classOf.counted", 0.7, s=cls, o=champ, season=season)
    _reserves(art, sent, pos, champ, season, cls, status)
    # "18, two more than last year": last season's count
    prev = _PREVIOUS.match(sent.text[sent.rel(pos) :])
    if prev:
        d = number(prev.group("d")) if prev.group("d") else None
        old: int | None = None
        if prev.group("old"):
            old = int(prev.group("old"))  # "13, down from 15 last year"
        elif d is not None:
            old = n - d if prev.group("dir").lower() == "more" else n + d
        year = prev.group("y") or prev.group("y2")
        if old is not None:
            art.emit(
                "entryCount",
                sent,
                rule + "-previous",
                0.7,
                championship=champ,
                season=int(year) if year else season - 1,
                **{"class": cls},
                count=old,
                status="confirmed",
            )


def _grid_counts(art: Article, sent: Sentence, lists: dict[int, _Listed]) -> None:
    """ "A 45-car grid will contest the 2025 ELMS", "LMP3 counts seven entries and LMGT3
    18, two more than last year", "IMSA's GTP grid will count 13 full-season cars"."""
    for g in _GRID.finditer(sent.text):
        pos = sent.abs(g.start())
        n = int(g.group("n") or g.group("n2"))
        champ = _champ_for(art, sent, pos)
        after = sent.abs(g.end())
        cut = [c for c in sent.of(C) if c.start >= after and same_clause(sent, after, c.start)]
        end = cut[0].end if cut else after
        _emit_count(
            art, sent, "entryCount.grid", end, champ, None, n, _count_season(art, sent, pos)
        )
    counted = False
    for k in sent.of(K):
        tail = sent.text[sent.rel(k.end) :]
        m = _CLASS_COUNT.match(tail)
        if m is None and re.search(r"\b[Ii]n\s+(?:the\s+)?$", sent.gap(sent.start, k.start)):
            m = _THERE_ARE.match(tail)  # "In LMGT3 there are 16 cars"
        if m is None and counted:
            m = _ELLIPSIS_COUNT.match(tail) or _REST_WITH.match(tail)
        if m is None:
            continue
        head = sent.gap(sent.start, k.start)
        if [t for t in sent.before(k.start, EntityType.TEAM)] and _TEAM_ENTERS.search(head):
            continue  # "United Autosports enters two LMP2 cars": a team's entries
        group = next((g for g in ("n", "n2", "n3", "n4") if m.groupdict().get(g)), "n")
        count = number(m.group(group))
        if count is None:
            continue
        n = count
        counted = True
        end = k.end + m.end()
        champ = _class_champ(art, sent, k.entity, k.start)
        season = _count_season(art, sent, k.start)
        # a count in an entry-list story has the list's status ("provisional")
        current = [p for p in lists if p <= sent.paragraph]
        listed = lists[max(current)] if current else None
        _emit_count(
            art,
            sent,
            "entryCount.class-count",
            end,
            champ,
            k.entity,
            n,
            season,
            status=listed[2] if listed and listed[0] in (champ, None) else None,
        )
        # "LMP2 is the largest class with 14 Oreca 07 entries": a one-make class count
        inside = [x for x in sent.mentions if k.end + m.start(group) < x.start and x.end <= end]
        models = [x for x in inside if x.type is CAR]
        manu = _car_manufacturer(art, models[0].entity) if models else None
        if manu is None:
            makes = [x for x in inside if x.type is M]
            manu = makes[0].entity if makes else None
        if manu is None:
            _one_make(art, sent, end, champ, season, k.entity, n)
        if manu is not None:
            art.emit(
                "manufacturerEntry",
                sent,
                "manufacturerEntry.class-count",
                0.7,
                manufacturer=manu,
                championship=champ,
                season=season,
                **{"class": k.entity},
                cars=n,
                car=models[0].entity if models else None,
            )


_LIST_LINE = re.compile(
    r"^\s*(?:[-–—•*|:]\s*|\s*(?:cars|entries)\s*)*(?P<n>\d{1,3})(?:\s+(?:cars|entries))?\s*\|?\.?\s*$",
    re.I,
)


def _list_line(art: Article, sent: Sentence, lists: dict[int, _Listed]) -> None:
    """A line of a list or table: "GTP - 10", "LMGT3: 18 cars", "| Hypercar | 17 |": the
    class count of the entry list the story is on."""
    classes = sent.of(K)
    if len(classes) != 1 or len(sent.text) > 60:
        return
    k = classes[0]
    if sent.gap(sent.start, k.start).strip(" -–—•*|") or sent.mentions[0] is not k:
        return
    m = _LIST_LINE.match(sent.text[sent.rel(k.end) :])
    if m is None:
        return
    current = [p for p in lists if p <= sent.paragraph]
    listed = lists[max(current)] if current else None
    if listed is None:
        return  # a bare "GTP 10" line means nothing outside an entry-list story
    champ, season, status, _ = listed
    _emit_count(
        art,
        sent,
        "entryCount.list-line",
        sent.end,
        champ,
        k.entity,
        int(m.group("n")),
        season,
        status=status,
    )


_DOWN_FROM = re.compile(
    r"^(?:\s+(?:class|category|field|grid|entry))?\s+(?:is|was|has\s+(?:gone|come)|will\s+be"
    r"|stands)\s+(?:now\s+)?(?:down|up)\s+from\s+(?P<n>\d{1,3})\s+(?:(?:cars|entries)\s+)?"
    r"(?:last\s+(?:year|season)|in\s+(?P<y>(?:19|20)\d\d)\b|a\s+year\s+ago)",
    re.I,
)


_THAT_IS = re.compile(
    r"^(?:that|this)(?:\s+is|['’]s|\s+was|\s+means|\s+makes|\s+represents)\s+(?:a\s+rise\s+of\s+)?"
    r"(?P<d>\w+)\s+(?:(?:cars?|entries|entrants)\s+)?(?P<dir>more|fewer|less)\s+than\s+"
    r"(?:last\s+(?:year|season)|the\s+previous\s+(?:year|season)|a\s+year\s+ago"
    r"|in\s+(?P<y>(?:19|20)\d\d)\b)",
    re.I,
)


def _that_is_more(art: Article, sent: Sentence) -> None:
    """ "... a provisional list of 38 cars. That is six cars more than last year.": the
    previous season's count from the total of the sentence before."""
    t = _THAT_IS.match(sent.text)
    if t is None or sent.index == 0:
        return
    d = number(t.group("d"))
    prev = art.sentences[sent.index - 1]
    totals = [
        f
        for f in art.facts
        if f.relation == "entryCount"
        and f.evidence.start == prev.start
        and f.get("class") is None
        and not f.evidence.rule.startswith("entryCount.reserves")
        and isinstance(f.get("count"), int)
        and isinstance(f.get("season"), int)
    ]
    if d is None or len({f.get("count") for f in totals}) != 1:
        return
    f = totals[0]
    n, season = f.get("count"), f.get("season")
    assert isinstance(n, int) and isinstance(season, int)
    old = n - d if t.group("dir").lower() == "more" else n + d
    _previous_count(
        art, sent, "entryCount.that-is-more", f.get("championship"), None, t, season, old
    )


def _down_from(art: Article, sent: Sentence) -> None:
    """ "The GTP field is down from 12 cars last season": the previous season's count."""
    if "from" not in sent.lower:
        return
    for k in sent.of(K):
        m = _DOWN_FROM.match(sent.text[sent.rel(k.end) :])
        if m is None:
            continue
        champ = _class_champ(art, sent, k.entity, k.start)
        season = _count_season(art, sent, k.start)
        _previous_count(art, sent, "entryCount.down-from", champ, k.entity, m, season, int(m["n"]))


_EACH_FIELD = re.compile(
    r"^\s+(?:(?:again|also|both|all)\s+)?(?:each\s+(?:will\s+)?(?:field|fields|fielding|enter|enters|entering|run|runs|running"
    r"|have|has|bring|brings|supply|supplies|provide|provides)\s+(?P<n>a\s+pair\s+of|\w+)\b"
    r"|(?:will\s+)?(?:field|fields|fielding|enter|enters|entering|run|runs|running|have|bring"
    r"|brings|provide|provides|supply|supplies|contribute|contributes)\s+(?P<n2>\w+)\s+"
    r"(?:[\w-]+\s+)?(?:(?:cars?|entries)\s+)?(?:apiece|each)\b"
    r"|[^.;,]{0,40}?\b(?:with|by)\s+(?P<n3>\w+)\s+(?:[\w-]+\s+)?(?:cars?|entries)\s+"
    r"(?:each|apiece)\b)",
    re.I,
)


_COUNTED_BEFORE = re.compile(
    r"\b(?:runs?|fields?|enters?|one|two|three|four|five|six|seven|eight|\d+)\s+"
    r"(?:[A-Z][\w-]*\s+)?$",
    re.I,
)


_SERIES_SHARE = re.compile(
    r"(?:^|[:,;]|\band)\s*(?P<n>one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
    r"\s+(?:cars?\s+|entries\s+)?in\s+(?:the\s+)?$",
    re.I,
)
_ENTERED = re.compile(r"\b(?:entered|enter|run|field(?:ed)?|race|racing)\b", re.I)


def _split_by_series(art: Article, sent: Sentence) -> None:
    """ "Nine examples of the new BMW M4 GT3 EVO will be entered in 2025: five in the GT World
    Challenge Europe, two in IMSA and two in the LMGT3 class of the WEC": the make's cars per
    championship (and class)."""
    cars = sent.of(CAR)
    if not cars or not _ENTERED.search(sent.text):
        return
    makes = {make for c in cars if (make := _car_manufacturer(art, c.entity)) is not None}
    if len(makes) != 1:
        return
    make = next(iter(makes))
    season = art.season_in(sent, clause=False) or art.published.year
    for champ in sent.of(C):
        cls = None
        start = champ.start
        for k in sent.before(champ.start, K):
            if re.fullmatch(r"\s+(?:class\s+)?of\s+(?:the\s+)?", sent.gap(k.end, champ.start)):
                cls, start = k.entity, k.start
        m = _SERIES_SHARE.search(sent.tail(start, 40))
        if m is None or start <= cars[0].start:
            continue
        n = number(m.group("n"))
        if n:
            art.emit(
                "manufacturerEntry",
                sent,
                "manufacturerEntry.by-series",
                0.7,
                manufacturer=make,
                championship=champ.entity,
                season=season,
                cars=n,
                **{"class": cls},
            )


def _maker_groups(art: Article, sent: Sentence) -> None:
    """ "Ferrari, Porsche and McLaren each field three cars", "with Aston Martin and Lexus
    entering two apiece", "Mercedes-AMG and BMW complete the class with one car each"."""
    if "each" not in sent.lower and "apiece" not in sent.lower:
        return
    for m in sent.of(M):
        e = _EACH_FIELD.match(sent.text[sent.rel(m.end) :])
        if e is None:
            continue
        word = e.group("n") or e.group("n2") or e.group("n3")
        cars = 2 if word.lower().startswith("a pair") else number(word)
        if cars is None:
            continue
        group = group_before(sent, m.end, [M])
        for i in range(len(group) - 1, -1, -1):
            if _COUNTED_BEFORE.search(sent.tail(group[i].start, 30)):
                group = group[i + 1 :]  # "runs three Chevrolets, and A and B ... each"
                break
        if not group:
            continue
        classes = [k for k in sent.of(K) if same_clause(sent, k.start, m.start)] or sent.of(K)
        cls = (
            min(classes, key=lambda k: abs(k.start - m.start)).entity
            if classes
            else _implied_class(art, sent, m.start)
        )
        champ = _class_champ(art, sent, cls, m.start) if cls else _champ_for(art, sent, m.start)
        season = _count_season(art, sent, m.start)
        for g in group:
            art.emit(
                "manufacturerEntry",
                sent,
                "manufacturerEntry.each",
                0.75,
                manufacturer=g.entity,
                championship=champ,
                season=season,
                **{"class": cls},
                cars=cars,
            )


_FIELDS_N = re.compile(
    r"^\s+(?:is\s+set\s+to\s+|will\s+|plans\s+to\s+|is\s+to\s+|is\s+expected\s+to\s+)?"
    r"(?:(?:has|have)\s+(?:now\s+)?)?"
    r"(?:field|fields|fielded|enter|enters|entered|run|runs|operate|operates)\s+(?P<n>\w+)\s+$",
    re.I,
)


_PLURAL_MAKE = re.compile(r"(?P<make>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)s\b")


def _team_fields_plural(art: Article, sent: Sentence, t: LinkedMention) -> None:
    """ "Comtoyou Racing has entered three Aston Martins": a make written in the plural, which
    the mention rules do not link (the reference names the make in the singular)."""
    tail = sent.text[sent.rel(t.end) : sent.rel(t.end) + 60]
    cut = re.match(
        r"^\s+(?:is\s+set\s+to\s+|will\s+|plans\s+to\s+|(?:has|have)\s+(?:now\s+)?)?"
        r"(?:field|fields|fielded|enter|enters|entered|run|runs|operate|operates)\s+"
        r"(?P<n>two|three|four|five|six|seven|eight|\d)\s+",
        tail,
        re.I,
    )
    if cut is None:
        return
    pm = _PLURAL_MAKE.match(tail, cut.end())
    cars = number(cut.group("n"))
    if pm is None or not cars or cars < 2:
        return
    refs = [r for r in art.ctx.reference.lookup(pm.group("make")) if r.type is M]
    manu = art.ensure_reference(refs[0].iri, M) if refs else None
    if manu is None:
        return
    pos = t.end + pm.start()
    classes = [k for k in sent.of(K) if same_clause(sent, k.start, pos) and k.start > pos]
    cls = classes[0].entity if classes else _implied_class(art, sent, pos)
    champ = _class_champ(art, sent, cls, pos) if cls else _champ_for(art, sent, pos)
    art.emit(
        "manufacturerEntry",
        sent,
        "manufacturerEntry.team-fields-plural",
        0.7,
        manufacturer=manu,
        championship=champ,
        season=_count_season(art, sent, pos),
        **{"class": cls},
        cars=cars,
        team=t.entity,
    )


def _team_fields_make(art: Article, sent: Sentence) -> None:
    """ "TF Sport runs three Chevrolet Corvettes", "WTR is set to field two Cadillac
    V-Series.R prototypes in the GTP class of the 2025 IMSA": cars of a make a team runs."""
    for t in sent.of(EntityType.TEAM):
        makes = [m for m in sent.after(t.end, M) if m.start - t.end < 40]
        if not makes:
            _team_fields_plural(art, sent, t)
            continue
        f = _FIELDS_N.match(sent.gap(t.end, makes[0].start))
        cars = number(f.group("n")) if f else None
        if not cars or cars < 2:
            continue
        manu = makes[0]
        models = [c for c in sent.after(manu.start, CAR) if c.start - manu.end < 3]
        classes = [k for k in sent.of(K) if same_clause(sent, k.start, manu.start)]
        cls = classes[0].entity if classes else _implied_class(art, sent, manu.start)
        champ = (
            _class_champ(art, sent, cls, manu.start) if cls else _champ_for(art, sent, manu.start)
        )
        art.emit(
            "manufacturerEntry",
            sent,
            "manufacturerEntry.team-fields",
            0.75,
            manufacturer=manu.entity,
            championship=champ,
            season=_count_season(art, sent, manu.start),
            **{"class": cls},
            cars=cars,
            team=t.entity,
            car=models[0].entity if models else None,
        )
