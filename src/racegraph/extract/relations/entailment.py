"""What an article's facts entail about participation, once every rule family has run.

A race report seldom says "X competes in the ELMS": it says who raced, with whom and for
which team. The rule families state what each sentence says; this pass draws the
participation those statements imply, the way a reader (and the gold annotations) do:

* a crew that raced together at a past event of a championship competed in it that season
  (``competesIn`` confirmed, with the class the sentence names);
* a team that fielded drivers in a championship season competed in it (``competesIn`` of the
  team, confirmed, with its drivers' class when they all share one);
* a team membership stated in the sentence of a result of the driver belongs to the
  championship and season of that race;
* a driver who raced, named where the paragraph is about one class ("In Hypercar, the #8
  Toyota of A and B won"), competed in that class;
* a crew named with its car ("the #5 Optimum McLaren 720S GT3 Evo of A, B and C", "A and B
  shared the #48 Oreca 07") drove that car, with its race number, that season;
* a crew named with only part of its entry ("in the Acura", "the sister #6 Porsche") takes
  the team and car of the entry the article describes elsewhere (:mod:`.entries`);
* who leads a championship's standings ("A and B now lead the class by 19 points") and is
  not otherwise placed in it that season competes in it;
* a driver who drives a car in a championship season competes in it, and a class-less
  participation takes the one class the entry has elsewhere (a class result, a crew mate;
  for a team, its drivers).

Only what is missing is added; nothing stated is changed except that an unqualified
``memberOf`` gains the qualifiers of the race its sentence reports.
"""

from __future__ import annotations

import re
from collections import defaultdict

from racegraph.extract.context import LinkedMention
from racegraph.extract.relations import entries
from racegraph.extract.relations._base import Article, Sentence, subject_seasons
from racegraph.extract.relations._consolidate import STATUS_STRENGTH
from racegraph.extract.relations.entry_phrases import CREW_LINK
from racegraph.extract.relations.participation import (
    known_class,
    modality_of,
    standings_leaders,
)
from racegraph.records import EntityType, Evidence, Fact, Value

_RESULT_RELATIONS = frozenset({"raceResult", "gridPosition", "coDriver"})


def complete(art: Article) -> None:
    """Add the participation facts the article's facts entail (in place, deterministic)."""
    events = _event_context(art)
    _qualify_memberships(art, events)
    _crews_compete(art, events)
    _crews_drive(art, events)
    _partners_share_entry(art, events)
    entries.resolve(art, events)
    entries.listed_crews(art)
    _class_of_raced(art)
    _entrants_compete(art)
    _classes_of_entries(art, events)
    _teams_compete(art)
    standings_leaders(art)


def _event_context(art: Article) -> dict[str, tuple[str, int]]:
    """Event key -> (championship, season), from eventOf facts and the events' dates."""
    out: dict[str, tuple[str, int]] = {}
    for f in art.facts:
        if f.relation != "eventOf":
            continue
        s, o, season = f.get("s"), f.get("o"), f.get("season")
        if not isinstance(s, str) or not isinstance(o, str):
            continue
        if not isinstance(season, int):
            date = art.race_dates.get(s)
            season = date.year if date is not None else None
        if isinstance(season, int):
            out.setdefault(s, (o, season))
    return out


def _crew_of(f: Fact) -> tuple[str, ...]:
    if f.relation == "coDriver":
        return tuple(str(x) for x in (f.get("s"), f.get("o")) if x is not None)
    crew = f.get("drivers")
    if isinstance(crew, tuple):
        return tuple(str(x) for x in crew)
    return (str(crew),) if isinstance(crew, str) else ()


def _race_of(f: Fact, events: dict[str, tuple[str, int]]) -> tuple[str, int] | None:
    event = f.get("event")
    return events.get(event) if isinstance(event, str) else None


def _qualify_memberships(art: Article, events: dict[str, tuple[str, int]]) -> None:
    """``memberOf`` without championship or season, said in the sentence of a result of the
    same driver, takes the championship (its top level) and season of that race."""
    races: dict[tuple[int, str], tuple[str, int]] = {}
    for f in art.facts:
        if f.relation not in _RESULT_RELATIONS:
            continue
        race = _race_of(f, events)
        if race is None:
            continue
        for d in _crew_of(f):
            races.setdefault((f.evidence.start, d), race)
    for i, f in enumerate(art.facts):
        if f.relation != "memberOf" or f.get("championship") is not None:
            continue
        if f.get("season") is not None:
            continue
        race = races.get((f.evidence.start, str(f.get("s"))))
        if race is None:
            continue
        champ, season = race
        root = art.root_known(champ)
        roles: dict[str, Value | None] = dict(f.args)
        roles.update(championship=root, season=season)
        art.facts[i] = Fact.make(f.relation, _derived(f.evidence, "+race"), **roles)


def _crews_compete(art: Article, events: dict[str, tuple[str, int]]) -> None:
    """Co-drivers of a past event compete in its championship that season; so do the crews
    of a coming race whose entry list the story reports."""
    have = subject_seasons(art, "competesIn")
    lists = entries.entry_lists(art)
    for f in list(art.facts):
        if f.relation != "coDriver":
            continue
        race = _race_of(f, events)
        event = f.get("event")
        if race is None or not isinstance(event, str):
            continue
        champ, season = race
        date = art.race_dates.get(event)
        listed = (date is not None and date > art.published) or season > art.published.year
        if listed and (art.root(champ), season) not in lists:
            continue
        cls = _sentence_class(art, f.evidence.start)
        rule, how = (
            ("competesIn.crew-listed", "entry list")
            if listed
            else ("competesIn.crew-raced", "raced")
        )
        for d in _crew_of(f):
            if (d, season) in have:
                continue
            have.add((d, season))
            _add_competes(art, f, rule, d, champ, season, cls, how)


_NUMBER = re.compile(r"(?:#|\bNo\.\s?)(\d{1,3})\b")
# between a car and its crew: "the #5 McLaren 720S GT3 Evo of A", "... Porsche 963 entry
# shared by A"
_CAR_OF = re.compile(r"^\s*(?:[\w-]+\s+){0,2}?" + CREW_LINK + r"\s+$")
# between a crew and the car named after it: "A and B shared the #48 Oreca 07"
_CAR_AFTER = re.compile(
    r"^[^;:]{0,30}?\b(?:shared|drove|driving|in|aboard|piloted|brought|steered)\s+"
    r"(?:the|a|an|their|its)\s+[^;,]{0,30}$",
    re.I,
)


def _crews_drive(art: Article, events: dict[str, tuple[str, int]]) -> None:
    """A crew of a race named next to its car drove it: the car model between the crew and
    the crew before it in the sentence ("the #5 X McLaren 720S GT3 Evo of A and B"), or just
    after the crew ("A and B shared the #48 Oreca 07"), with the race number written there."""
    have = subject_seasons(art, "drives")
    crews: dict[tuple[int, str], set[str]] = defaultdict(set)
    for f in art.facts:
        if f.relation not in {"coDriver", "raceResult"}:
            continue
        event = f.get("event")
        if isinstance(event, str) and event in events:
            crews[(f.evidence.start, event)].update(_crew_of(f))
    teams = {
        (f.evidence.start, str(f.get("s"))): str(f.get("o"))
        for f in art.facts
        if f.relation == "memberOf"
    }
    for (start, event), members in sorted(crews.items()):
        sent = art.sentence_at(start)
        if sent is None:
            continue
        champ, season = events[event]
        cls = _sentence_class(art, start)
        for crew, car, num in _crew_cars(sent, members):
            for d in crew:
                if (d, season) in have:
                    continue
                have.add((d, season))
                art.emit(
                    "drives",
                    sent,
                    "drives.crew-car",
                    0.6,
                    s=d,
                    o=car,
                    number=num,
                    championship=champ,
                    season=season,
                    team=teams.get((start, d)),
                    **{"class": cls},
                )


_ENTRY_RELATIONS = {
    "drives": ("o", "number", "championship", "season", "team", "class", "status"),
    "memberOf": ("o", "championship", "season"),
    "competesIn": ("o", "season", "class", "status", "modality"),
}


def _partners_share_entry(art: Article, events: dict[str, tuple[str, int]]) -> None:
    """ "A, who shares the #12 with B and C": B and C drive what A drives as the #12, for
    A's team in A's championship, when nothing else in the article places them that
    season. Only a pairing whose sentence writes the car's number counts, in the pairing's
    own season (its race's, else the one season A has that number)."""
    by_subject: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for f in art.facts:
        if f.relation in _ENTRY_RELATIONS:
            by_subject[(f.relation, str(f.get("s")))].append(f)
    numbers: dict[str, set[tuple[int, Value | None]]] = defaultdict(set)
    for f in art.facts:
        if f.relation == "drives" and isinstance(f.get("number"), int):
            numbers[str(f.get("s"))].add((int(str(f.get("number"))), f.get("season")))
    added: list[Fact] = []
    for f in art.facts:
        if f.relation != "coDriver":
            continue
        pair = (str(f.get("s")), str(f.get("o")))
        race = _race_of(f, events)
        stated = f.get("season") or (race[1] if race else None)
        for x, y in (pair, pair[::-1]):
            said = {n for n in numbers.get(x, ()) if _shares_number(f.evidence.sentence, n[0])}
            seasons = {season for _, season in said}
            if stated is not None:
                seasons &= {stated}
            if len(seasons) != 1:
                continue
            numbers_said = {num for num, _ in said}
            for relation, roles in _ENTRY_RELATIONS.items():
                own = {g.get("season") for g in by_subject[(relation, y)]}
                for g in by_subject[(relation, x)]:
                    if g.get("season") not in seasons or g.get("season") in own:
                        continue
                    if relation == "drives" and g.get("number") not in numbers_said:
                        continue
                    new = Fact.make(
                        relation,
                        _derived(f.evidence, f"{relation}.partner-entry"),
                        s=y,
                        **{r: g.get(r) for r in roles},
                        asOf=g.get("asOf"),
                    )
                    own.add(g.get("season"))
                    by_subject[(relation, y)].append(new)
                    added.append(new)
    art.facts.extend(added)


def _shares_number(text: str, num: int) -> bool:
    """ "who shares the #12 with", "the #92 that A shares with": the sentence pairs the
    drivers as the crew of car ``num``."""
    return bool(
        re.search(rf"\bshar\w*\s+(?:the\s+)?#\s?{num}\b|#\s?{num}\b[^.;]{{0,60}}?\bshar\w*", text)
    )


def _crew_cars(sent: Sentence, members: set[str]) -> list[tuple[list[str], str, int | None]]:
    """(crew, car, race number) for each run of crew drivers in the sentence that has its
    car named next to it."""
    drivers = [m for m in sent.of(EntityType.DRIVER) if m.entity in members]
    runs: list[list[LinkedMention]] = []
    for m in drivers:
        if runs and re.fullmatch(
            r"\s*(?:,|and|,\s*and|&|/)\s*", sent.gap(runs[-1][-1].end, m.start)
        ):
            runs[-1].append(m)
        else:
            runs.append([m])
    cars = sent.of(EntityType.CAR_MODEL)
    out: list[tuple[list[str], str, int | None]] = []
    prev_end = sent.start
    for i, run in enumerate(runs):
        nxt_start = runs[i + 1][0].start if i + 1 < len(runs) else sent.end
        region = prev_end
        before = [
            c
            for c in cars
            if region <= c.start
            and c.end <= run[0].start
            and _CAR_OF.match(sent.gap(c.end, run[0].start))
        ]
        after = [
            c
            for c in cars
            if run[-1].end <= c.start < nxt_start
            and _CAR_AFTER.match(sent.gap(run[-1].end, c.start))
        ]
        prev_end = run[-1].end
        crew = list(dict.fromkeys(m.entity for m in run))
        if len(before) == 1:
            car, lo, hi = before[0], max(region, before[0].start - 60), before[0].start
        elif not before and after:
            car, lo, hi = after[0], run[-1].end, after[0].start
        else:
            continue
        found = list(_NUMBER.finditer(sent.gap(lo, hi)))
        num = int(found[-1].group(1)) if found else None
        out.append((crew, car.entity, num))
    return out


_RACED_RULES = ("competesIn.result", "competesIn.crew-raced", "competesIn.crew-listed")


def _class_of_raced(art: Article) -> None:
    """A class-less ``competesIn`` of a driver who raced takes the class the paragraph names
    nearest before the driver's mention in the fact's sentence."""
    for i, f in enumerate(art.facts):
        if f.relation != "competesIn" or f.get("class") is not None:
            continue
        if not f.evidence.rule.startswith(_RACED_RULES):
            continue
        sent = art.sentence_at(f.evidence.start)
        who = f.get("s")
        if sent is None or not isinstance(who, str):
            continue
        mention = next((m for m in sent.mentions if m.entity == who), None)
        if mention is None or mention.type is not EntityType.DRIVER:
            continue
        cls = (
            _car_class(sent, mention.start)
            or art.class_at(sent, mention.start)
            or _section_class(art, sent, who)
        )
        if cls is None:
            continue
        roles: dict[str, Value | None] = dict(f.args)
        roles["class"] = cls
        art.facts[i] = Fact.make(f.relation, _derived(f.evidence, "+paragraph-class"), **roles)


_CLASS_PLACE = re.compile(
    r"\b(?:in|of\s+the)\s+class\b|\bclass\s+(?:podium|win|victory|honours|pole|lead)\b", re.I
)


def _section_class(art: Article, sent: Sentence, who: str) -> str | None:
    """The class a race report leaves to its reader: a crew placed "in class" is in the class
    of the report's section, the class the nearest earlier result sentence names ("In GT300,
    the #61 won ...", then "The #65 finished third in class"); a crew placed overall is in
    the car class of the overall winner, where the winner's sentence names one ("took the #36
    to victory in the GT500 class")."""
    here = [
        f
        for f in art.facts
        if f.relation == "raceResult" and sent.start <= f.evidence.start < sent.end
    ]
    mine = [f for f in here if who in _crew_of(f)] or [f for f in here if not _crew_of(f)]
    if not mine:
        return None
    if _CLASS_PLACE.search(sent.text) and not sent.of(EntityType.CLASS):
        for m in art.mentions_before(sent.start, EntityType.CLASS):
            at = art.sentence_at(m.start)
            if art.quoted(m.start) or at is None:
                continue
            if any(
                f.relation == "raceResult" and at.start <= f.evidence.start < at.end
                for f in art.facts
            ):
                return m.entity
        return None
    if not all(f.get("classification") == "overall" for f in mine):
        return None
    event = mine[0].get("event")
    won = [
        f
        for f in art.facts
        if f.relation == "raceResult" and f.get("event") == event and f.get("position") == 1
    ]
    winners = {_crew_of(f) for f in won if f.get("classification") == "overall"}
    classes = {str(f.get("classification")) for f in won if _crew_of(f) in winners} - {"overall"}
    car_classes = {k for k in classes if not _rating_cup(art, k)}
    return car_classes.pop() if len(classes) == 1 and car_classes else None


_RATING_WORDS = frozenset({"pro", "am", "silver", "gold", "bronze", "cup", "class", "trophy"})


def _rating_cup(art: Article, key: str) -> bool:
    """A cup of driver ratings ("Pro-Am", "Silver Cup") runs inside the field: the overall
    winner winning it says nothing of the other finishers' class, as a car class ("GT500",
    "GTP") does."""
    entity = art.entity(key)
    words = re.split(r"[\s-]+", (entity.name if entity else key).lower())
    return all(w in _RATING_WORDS for w in words if w)


def _car_class(sent: Sentence, pos: int) -> str | None:
    """The class a sentence names as its car's ("the Pro-Am McLaren 720S of A and B", "A and
    B brought the LMP2 Oreca home"): the nearest before ``pos``, else the only one after."""
    cars = sent.of(EntityType.CAR_MODEL)
    marks = [
        k
        for k in sent.of(EntityType.CLASS)
        if any(c.start == k.start or (0 <= c.start - k.end <= 1) for c in cars)
    ]
    before = [k for k in marks if k.end <= pos]
    if before:
        return before[-1].entity
    after = {k.entity for k in marks}
    return after.pop() if len(after) == 1 else None


def _sentence_class(art: Article, pos: int) -> str | None:
    """The one class a sentence names (None when it names none or several)."""
    sent = art.sentence_at(pos)
    if sent is None:
        return None
    classes = {m.entity for m in sent.of(EntityType.CLASS)}
    return classes.pop() if len(classes) == 1 else None


def _entrants_compete(art: Article) -> None:
    """A driver who drives a car in a championship season (or is a team's driver in a
    sentence of its numbered car) competes in it that season, in the class of the drive
    (else of a crew mate, else of the paragraph), with the status of the sentence that says
    so (confirmed for a past season); a drive in doubt is no entry."""
    stated = {
        (f.get("s"), f.get("o"), f.get("season")) for f in art.facts if f.relation == "competesIn"
    }
    report = any(f.relation == "raceResult" for f in art.facts)
    for f, s, champ, season in entries.driver_entries(art, ("drives", "memberOf")):
        if (s, champ, season) in stated:
            continue
        sent = art.sentence_at(f.evidence.start)
        if sent is None:
            continue
        if f.relation == "memberOf" and (report or not _entry(art, sent, season)):
            continue
        status, wording = modality_of(art, sent)
        cls = f.get("class") or _entrant_class(art, sent, s, champ)
        if season < art.published.year:
            status, wording = "confirmed", None
        stated.add((s, champ, season))
        _add_competes(art, f, "competesIn.entrant", s, champ, season, cls, wording, status)


def _entry(art: Article, sent: Sentence, season: int) -> bool:
    """A sentence of a coming season's entry: a team's car by its race number ("AF Corse
    brings the #83 Oreca for A, B and C"). A membership stated there is a drive in that car
    (in a race report, the caller's ``report``, the results say who raced)."""
    return (
        season >= art.published.year
        and bool(sent.of(EntityType.CAR_MODEL, EntityType.MANUFACTURER))
        and "#" in sent.source
    )


def _entrant_class(art: Article, sent: Sentence, driver: str, champ: str) -> str | None:
    """The class of a driver's entry: one a crew mate competes in, else the class the
    paragraph names before the driver."""
    mates = {
        str(x)
        for f in art.facts
        if f.relation == "coDriver" and driver in (f.get("s"), f.get("o"))
        for x in (f.get("s"), f.get("o"))
    }
    known = known_class(art, mates - {driver}, champ)
    if known is not None:
        return known
    mention = next((m for m in sent.mentions if m.entity == driver), None)
    return art.class_at(sent, mention.start) if mention is not None else None


def _classes_of_entries(art: Article, events: dict[str, tuple[str, int]]) -> None:
    """A class-less ``competesIn`` takes the one class the article gives the entry elsewhere
    in that championship season: a class result of the driver ("also a Pro-Am class win for
    the pair"), the class title won ("are the 2025 ELMS LMP2 champions") or a crew mate's
    class; a team takes the one class its classed drivers share."""
    known: dict[tuple[str, str, int], set[str]] = defaultdict(set)
    for f in art.facts:
        race = _race_of(f, events)
        cls = f.get("classification")
        if f.relation in _RESULT_RELATIONS and race is not None and isinstance(cls, str):
            kind = art.entity(cls)
            if kind is not None and kind.type is EntityType.CLASS:
                for d in _crew_of(f):
                    known[(d, *race)].add(cls)
        champ, season, cls = f.get("o"), f.get("season"), f.get("class")
        if f.relation in ("competesIn", "won") and isinstance(season, int) and isinstance(cls, str):
            known[(str(f.get("s")), str(champ), season)].add(cls)
    for key, cls in _standings_classes(art):
        if not known.get(key):  # a class stated for the entry itself comes first
            known[key].add(cls)
    mates: dict[str, set[str]] = defaultdict(set)
    for f in art.facts:
        if f.relation in _RESULT_RELATIONS:
            crew = _crew_of(f)
            for d in crew:
                mates[d].update(x for x in crew if x != d)
    members: dict[tuple[str, int], set[str]] = defaultdict(set)
    for f in art.facts:
        team, season = f.get("o"), f.get("season")
        if f.relation == "memberOf" and isinstance(team, str) and isinstance(season, int):
            members[(team, season)].add(str(f.get("s")))
    for i, f in enumerate(art.facts):
        if f.relation != "competesIn" or f.get("class") is not None:
            continue
        s, champ, season = f.get("s"), f.get("o"), f.get("season")
        if not (isinstance(s, str) and isinstance(champ, str) and isinstance(season, int)):
            continue
        entity = art.entity(s)
        if entity is None:
            continue
        if entity.type is EntityType.DRIVER:
            found = known.get((s, champ, season)) or set().union(
                *(known.get((m, champ, season), set()) for m in mates.get(s, ()))
            )
        elif entity.type is EntityType.TEAM:
            found = set().union(
                *(known.get((d, champ, season), set()) for d in members.get((s, season), ()))
            )
        else:
            continue
        if len(found) != 1:
            continue
        roles: dict[str, Value | None] = dict(f.args)
        roles["class"] = next(iter(found))
        art.facts[i] = Fact.make(f.relation, _derived(f.evidence, "+entry-class"), **roles)


_STANDINGS_AFTER = re.compile(
    r"^\s*(?:class\s+|category\s+|drivers'?\s+|teams'?\s+)?"
    r"(?:standings|points|table|classification)\b",
    re.I,
)
_STANDINGS_BEFORE = re.compile(r"\b(?:lead|leads|leader|leaders|top)\s+(?:of|in)?\s*the\s+$", re.I)
_CREW_PRONOUN = re.compile(r"\b(?:they|their|the (?:pair|duo|trio))\b", re.I)


def _standings_classes(art: Article) -> list[tuple[tuple[str, str, int], str]]:
    """Who a standings sentence puts in a class ("Smiechowski and Yelloly now lead the LMP2
    championship", "the result extends their lead in the GTD Pro standings"): the drivers
    and teams it names (or, for "they"/"the pair", the crew of the last result before it)
    race in that class in the championship the text is about, where they raced that season."""
    competes: dict[tuple[str, int], set[str]] = defaultdict(set)
    for f in art.facts:
        champ, season = f.get("o"), f.get("season")
        if (
            f.relation == "competesIn"
            and f.evidence.rule.startswith(_RACED_RULES)
            and isinstance(champ, str)
            and isinstance(season, int)
        ):
            competes[(str(f.get("s")), season)].add(champ)
    out: list[tuple[tuple[str, str, int], str]] = []
    for sent in art.sentences:
        classes = {k.entity for k in sent.of(EntityType.CLASS)}
        if len(classes) != 1:
            continue
        k = sent.of(EntityType.CLASS)[0]
        if not (
            _STANDINGS_AFTER.match(sent.gap(k.end, sent.end))
            or _STANDINGS_BEFORE.search(sent.gap(sent.start, k.start))
        ):
            continue
        who = {m.entity for m in sent.of(EntityType.DRIVER, EntityType.TEAM) if m.end <= k.start}
        if not who and _CREW_PRONOUN.search(sent.gap(sent.start, k.start)):
            who = set(_last_crew(art, sent.start))
        season = art.season_in(sent, k.start) or art.published.year
        here = art.championship_at(k.start)
        for w in sorted(who):
            for champ in sorted(competes.get((w, season), ())):
                if here is None or art.root(champ) == art.root(here):
                    out.append(((w, champ, season), k.entity))
    return out


def _last_crew(art: Article, pos: int) -> tuple[str, ...]:
    """The crew of the last race result stated in the paragraph before ``pos``."""
    sent = art.sentence_at(pos)
    best: Fact | None = None
    for f in art.facts:
        if f.relation != "raceResult" or f.evidence.start >= pos:
            continue
        at = art.sentence_at(f.evidence.start)
        if sent is None or at is None or at.paragraph != sent.paragraph:
            continue
        if best is None or f.evidence.start > best.evidence.start:
            best = f
    return _crew_of(best) if best is not None else ()


def _teams_compete(art: Article) -> None:
    """A team with drivers confirmed in a championship season competes in it: the
    championships its drivers compete in that season, with their class when all share one."""
    teams: dict[tuple[str, int], set[str]] = defaultdict(set)
    for f in art.facts:
        if f.relation != "memberOf":
            continue
        team, season, driver = f.get("o"), f.get("season"), f.get("s")
        if isinstance(team, str) and isinstance(season, int) and isinstance(driver, str):
            teams[(team, season)].add(driver)
    competes: dict[tuple[str, int], list[Fact]] = defaultdict(list)
    stated: set[tuple[str, str, int]] = set()
    for f in art.facts:
        if f.relation != "competesIn":
            continue
        s, o, season = f.get("s"), f.get("o"), f.get("season")
        if isinstance(s, str) and isinstance(o, str) and isinstance(season, int):
            competes[(s, season)].append(f)
            stated.add((s, o, season))
    stated_teams = {(s, season) for s, _, season in stated}
    for (team, season), drivers in sorted(teams.items()):
        if (team, season) in stated_teams:
            continue
        entity = art.entity(team)
        if entity is None or entity.type is not EntityType.TEAM:
            continue
        by_champ: dict[str, list[Fact]] = defaultdict(list)
        for d in sorted(drivers):
            for f in competes.get((d, season), ()):
                by_champ[str(f.get("o"))].append(f)
        for champ, facts in sorted(by_champ.items()):
            classes = {f.get("class") for f in facts}
            cls = classes.pop() if len(classes) == 1 else None
            best = max(facts, key=lambda f: STATUS_STRENGTH.get(str(f.get("status")), 0))
            if best.get("status") != "confirmed":
                continue  # a plan of its drivers is not yet the team's entry
            art.facts.append(
                Fact.make(
                    "competesIn",
                    _derived(best.evidence, "competesIn.team-of-drivers"),
                    s=team,
                    o=champ,
                    season=season,
                    status=best.get("status"),
                    modality=best.get("modality"),
                    asOf=art.published,
                    **{"class": cls},
                )
            )


def _add_competes(
    art: Article,
    source: Fact,
    rule: str,
    who: str,
    champ: str,
    season: int,
    cls: Value | None,
    modality: str | None,
    status: str = "confirmed",
) -> None:
    """Append the ``competesIn`` that ``source`` entails."""
    art.facts.append(
        Fact.make(
            "competesIn",
            _derived(source.evidence, rule),
            s=who,
            o=champ,
            season=season,
            status=status,
            modality=modality,
            asOf=art.published,
            **{"class": cls},
        )
    )


def _derived(evidence: Evidence, rule: str) -> Evidence:
    """Evidence of an entailed fact: the sentence of the fact it follows from, a lower
    confidence, and the rule name (appended when it starts with "+")."""
    name = evidence.rule + rule if rule.startswith("+") else rule
    return Evidence(
        sentence=evidence.sentence,
        start=evidence.start,
        end=evidence.end,
        rule=name,
        confidence=round(min(evidence.confidence, 0.7) - 0.05, 2),
    )
