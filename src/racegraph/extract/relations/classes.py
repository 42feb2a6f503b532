"""Classes and entries: classOf, replaces, classRule, entryCount, manufacturerEntry,
manufacturerOf, tested."""

from __future__ import annotations

import re

from racegraph.extract.context import LinkedMention
from racegraph.extract.relations._base import (
    Article,
    Sentence,
    group_after,
    is_title_use,
    number,
    same_clause,
)
from racegraph.records import EntityType, EventKind, LineupRequirement
from racegraph.vocab import slugify

C = EntityType.CHAMPIONSHIP
K = EntityType.CLASS
M = EntityType.MANUFACTURER
CAR = EntityType.CAR_MODEL

_CLASS_WORD = re.compile(r"^(?:['’]s)?\s*(?:class|category|cup|division)\b", re.I)
_REPLACE_NOUN = re.compile(r"\breplacement of\s+(?:the\s+)?$", re.I)
_RULE_CUE = re.compile(
    r"\b(?:rules?|regulations?)\b[^.]{0,40}?"
    r"\b(?:mandate|require|stipulate|demand|specify|call for)s?\b"
    r"|\bline-?ups? must\b|\bmust (?:include|feature|comprise)\b",
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
_ENTRY_LIST = re.compile(r"\b(?P<n>\d{1,3})[- ]car\s+entry(?:\s+list)?\b|\bentry list\b", re.I)
_CARS_IN = re.compile(
    r"\b(?P<n>\d{1,3}|[a-z]+)\s+(?:cars|entries|entrants|crews)?\s*"
    r"(?:in|contest|contesting|compete in|competing in|race in|racing in)\s+(?:the\s+)?$",
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
    r"(?:cars|entries|entrants|crews)\b(?!\s+in\b)",
    re.I,
)
_EACH_WITH = re.compile(r"\beach with (?P<n>\w+) cars?\b|\b(?P<n2>\w+) cars? each\b", re.I)
_FIELDS = re.compile(
    r"\b(?:will\s+)?(?:field|fields|fielding|enter|enters|entering|run|runs|returns? with)\s+"
    r"(?:two|three|four|five|six|\d)\s+(?:[\w-]+\s+)?$",
    re.I,
)
_INCLUDING = re.compile(r"\b(?:including|include|includes|:)\s+", re.I)
_TEST = re.compile(r"\btest(?:s|ed|ing)?\b|\bshakedown\b", re.I)
_TEST_PARTNER = re.compile(
    r"\b(?:alongside|together with|sharing (?:the|a) (?:car|cockpit|seat|wheel|duties) with"
    r"|shared (?:the|a) (?:car|cockpit|seat|wheel|duties) with)\s+(?:(?:the|his|her)\s+)?"
    r"(?:[A-Z][a-z]+\s+)?$",
    re.I,
)
_TEST_VERB = re.compile(
    r"\b(?:drove|tested|tried|sampled|drives|got behind the wheel of|ran)\b", re.I
)


def extract(art: Article) -> None:
    replaced: set[tuple[int, str]] = set()
    for sent in art.sentences:
        _replaces(art, sent, replaced)
    known = {k for _, k in replaced}
    lists: dict[int, tuple[str | None, int, str, str]] = {}
    for sent in art.sentences:
        _class_of(art, sent, replaced, known)
        _class_rule(art, sent)
        _entry_count(art, sent, lists)
        _manufacturer_entry(art, sent)
        _tested(art, sent)
    _manufacturer_of(art)


def _champ_for(art: Article, sent: Sentence, pos: int) -> str | None:
    champs = [c for c in sent.of(C) if not is_title_use(sent, c)]
    near = [c for c in champs if same_clause(sent, c.start, pos)]
    if near or champs:
        champs = near
        if not champs:
            return art.championship_at(pos)
    if champs:
        return min(champs, key=lambda c: abs(c.start - pos)).entity
    return art.championship_at(pos)


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
        season = art.season_in(sent, k.start) or art.focus_season
        known.add(k.entity)
        art.emit("classOf", sent, "classOf.class-of", 0.7, s=k.entity, o=champ, season=season)


def _category_key(art: Article, sent: Sentence, word: str, near: int) -> str | None:
    cands = [m for m in sent.of(EntityType.FIA_CATEGORY) if word.lower() in m.text.lower()]
    if cands:
        return min(cands, key=lambda m: abs(m.start - near)).entity
    for k, e in art.ctx.entities.items():
        if e.type is EntityType.FIA_CATEGORY and e.name.lower() == word.lower():
            return k
    refs = [r for r in art.ctx.reference.lookup(word) if r.type is EntityType.FIA_CATEGORY]
    if refs:
        return art.ensure_reference(refs[0].iri, EntityType.FIA_CATEGORY)
    return art.mint("fia-" + word.lower(), EntityType.FIA_CATEGORY, word.capitalize(), mention=word)


def _class_rule(art: Article, sent: Sentence) -> None:
    if "rule" not in sent.lower and "regulation" not in sent.lower and "must" not in sent.lower:
        return
    cue = _RULE_CUE.search(sent.text)
    if not cue:
        return
    body = sent.text[cue.end() :].strip().rstrip(".")
    offset = (
        sent.start
        + cue.end()
        + (len(sent.text[cue.end() :]) - len(sent.text[cue.end() :].lstrip()))
    )
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
            key = _category_key(art, sent, c, offset + max(where, 0))
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
    classes = sent.of(K)
    cls = classes[0].entity if classes else art.class_at(sent, sent.start)
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


def _entry_count(
    art: Article, sent: Sentence, lists: dict[int, tuple[str | None, int, str, str]]
) -> None:
    """Counts of an entry list, in its sentence or the next ones of the story (an entry-list
    story goes on class by class: "LMP2 has 16 entries. ... The LMGT3 class attracts 23")."""
    el = _ENTRY_LIST.search(sent.text) if "entry" in sent.lower else None
    if el is None:
        current = [p for p in lists if p <= sent.paragraph]
        if current and re.search(r"\b(?:cars|entries|entrants|crews)\b", sent.lower):
            listed = lists[max(current)]
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
    season = art.season_in(sent, sent.abs(el.start())) or art.focus_season
    status = "provisional" if re.search(r"\bprovisional\b", sent.text, re.I) else "confirmed"
    source = event_list[0].entity if event_list else _entry_list_key(art, sent, champ or "", season)
    lists[sent.paragraph] = (champ, season, status, source)
    total = _TOTAL.search(sent.text, el.end())
    if total and not el.group("n") and number(total.group("n")):
        art.emit(
            "entryCount",
            sent,
            "entryCount.total",
            0.75,
            championship=champ,
            season=season,
            count=number(total.group("n")),
            status=status,
            source=source,
        )
    if el.group("n"):
        art.emit(
            "entryCount",
            sent,
            "entryCount.n-car",
            0.8,
            championship=champ,
            season=season,
            count=int(el.group("n")),
            status=status,
            source=source,
        )
    _class_counts(art, sent, champ, season, status, source)


def _make_counts(
    art: Article, sent: Sentence, champ: str | None, season: int, classes: list[str]
) -> None:
    """Cars per make in an entry list: "two Ferraris from AF Corse, three Toyotas and the
    two Cadillac cars of Chip Ganassi Racing"."""
    cls = classes[0] if len(set(classes)) == 1 else None
    for m in sent.of(M):
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


def _class_counts(
    art: Article, sent: Sentence, champ: str | None, season: int, status: str, source: str
) -> None:
    """ "19 cars in the Hypercar class", "14 entries contest LMGT3", "LMP2 features 16 cars"."""
    for k in sent.of(K):
        m = _CARS_IN.search(sent.gap(max(sent.start, k.start - 40), k.start))
        if m is None:
            m = _CLASS_HAS.match(sent.text[sent.rel(k.end) :])
        if not m:
            continue
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


def _car_manufacturer(art: Article, car: str) -> str | None:
    ent = art.entity(car)
    if ent is not None and ent.reference:
        ref = art.ctx.reference.by_iri(ent.reference)
        if ref is not None and ref.manufacturer:
            return art.ensure_reference(ref.manufacturer, M)
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
        fields = re.search(_FIELDS, sent.tail(car.start, 60))
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
        cls = classes[0].entity if classes else None
        season = art.season_in(sent, car.start) or art.focus_season
        art.emit(
            "manufacturerEntry",
            sent,
            "manufacturerEntry.run-by",
            0.75,
            manufacturer=manu,
            championship=champ,
            season=season,
            **{"class": cls},
            cars=number(nm.group("n")),
            team=teams[0].entity if teams else None,
            car=car.entity,
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
    for v in _TEST_VERB.finditer(sent.text):
        if re.search(r"\b(?:will|would|to)\s+$", sent.text[: v.start()]):
            continue
        vpos = sent.abs(v.end())
        objs: list[LinkedMention] = [o for o in sent.after(vpos, CAR, K) if o.start - vpos < 35]
        if not objs:
            continue
        cars = [o for o in objs if o.type is CAR]
        obj = cars[0] if cars else objs[0]
        subj = art.antecedent(sent, sent.abs(v.start()))
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
