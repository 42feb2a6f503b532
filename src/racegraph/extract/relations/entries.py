"""The article's entry table: one row per racing entry (a car of a team, with its race number
and crew), gathered from every sentence, so that a crew named with only part of its entry
("finished second in the Acura", "the sister #6 Porsche of A and B", "shared the #7 car")
inherits the rest from where the entry was described in full.

Reports name an entry once in full ("the #40 Wayne Taylor Racing Acura ARX-06") and then by
a fragment: its make, its number, or as the "sister" of another car of the same team. The
rule families only see one sentence at a time, so a crew named with a fragment loses its team
and car. This pass:

1. collects an entry per crew of every sentence (from the facts the rule families stated:
   results, co-drivers, drives, memberships, plus the number and makes written next to the
   crew) and per numbered car description without a crew ("#40 Team X Acura ARX-06");
2. merges, in text order, rows that share a race number or a crew member in the same
   championship season, and resolves a crew's make-only reference to the one earlier entry
   of that make ("sister" gives the team of the last entry of that make instead);
3. gives each crew member of a resolved entry what the entry implies and the article does
   not state yet: ``memberOf`` (team, championship, season) and ``drives`` (car, number,
   team, class, season).

Makes are read from the mentions (a make nested in a car model or team name) and from the
reference data (a car model's manufacturer), never from a list of names. Evidence is the
sentence that joined the crew to the entry, with a lower confidence than stated facts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from racegraph.extract.context import LinkedMention
from racegraph.extract.relations import entry_phrases as phrases
from racegraph.extract.relations._base import Article, Sentence, group_after, subject_seasons
from racegraph.extract.relations.pair_features import LEARNED_RULE
from racegraph.records import EntityType, EventKind, Fact, Value

RULE = "entry.coref"
CONFIDENCE = 0.55

_CREW_FACTS = frozenset({"raceResult", "gridPosition", "coDriver", "drives", "memberOf"})
_NUM_LEAD = re.compile(r"#\s?(\d{1,3})\s+(?:[\w&'’-]+\s+){0,1}$")
_SISTER = re.compile(r"\bsister\b", re.I)
_SISTER_CAR = re.compile(
    r"\bsister\s+(?:#\s?(?P<n>\d{1,3})\s+)?(?:car|entry|machine)\s+" + phrases.CREW_LINK + r"\s+$",
    re.I,
)
_NUM_AFTER = re.compile(
    r"^\s+(?:shared|drove|driving|in|aboard|brought|steered)\s+(?:the|their|its)\s+"
    r"#\s?(?P<n>\d{1,3})\s+(?:car|entry|machine)\b",
    re.I,
)


@dataclass(slots=True)
class Entry:
    """One racing entry as far as the article describes it."""

    sentence: Sentence
    number: int | None = None
    team: str | None = None
    car: str | None = None
    makes: set[str] = field(default_factory=set)
    cls: str | None = None
    race: tuple[str, int] | None = None  # (championship, season)
    year: int | None = None  # the season the crew's facts name when no race or series does
    status: Value | None = None
    crew: dict[str, Sentence] = field(default_factory=dict)  # driver -> joining sentence
    # driver -> whether the sentence that named the driver gave the team / the car itself
    stated: dict[str, tuple[bool, bool]] = field(default_factory=dict)
    sister: bool = False  # "the sister #6 Porsche": same team as the last entry of the make

    def conflicts(self, other: Entry) -> bool:
        """Two rows that cannot be the same car: different numbers, teams, cars, series or
        seasons."""
        pairs = (
            (self.number, other.number),
            (self.team, other.team),
            (self.car, other.car),
            (self.season, other.season),
            (self.series, other.series),
        )
        return any(a is not None and b is not None and a != b for a, b in pairs)

    @property
    def season(self) -> int | None:
        return self.race[1] if self.race is not None else self.year

    @property
    def series(self) -> str | None:
        return self.race[0] if self.race is not None else None

    def absorb(self, other: Entry) -> None:
        """Take what ``other`` knows and this row does not."""
        self.number = self.number if self.number is not None else other.number
        self.team = self.team or other.team
        self.car = self.car or other.car
        self.cls = self.cls or other.cls
        self.race = self.race or other.race
        self.year = self.year if self.year is not None else other.year
        self.status = self.status if self.status is not None else other.status
        self.makes |= other.makes
        for d, sent in other.crew.items():
            self.crew.setdefault(d, sent)
        for d, known in other.stated.items():
            self.stated.setdefault(d, known)
        self.sentence = other.sentence  # the entry was last named here


def resolve(art: Article, events: dict[str, tuple[str, int]]) -> None:
    """Build the entry table and add what resolved entries imply (in place)."""
    by_sentence: dict[int, list[Fact]] = {}
    for f in art.facts:
        if f.relation in _CREW_FACTS and not f.evidence.rule.startswith(LEARNED_RULE):
            by_sentence.setdefault(f.evidence.start, []).append(f)
    table: list[Entry] = []
    for sent in art.sentences:
        for row in _rows(art, sent, by_sentence.get(sent.start, []), events):
            _place(table, row)
    _crew_results(art, table)
    _propagate(art, table)


# --------------------------------------------------------------------------- collection


def _rows(
    art: Article, sent: Sentence, facts: list[Fact], events: dict[str, tuple[str, int]]
) -> list[Entry]:
    """The entries a sentence names (``facts``: the sentence's crew facts): one per crew,
    then numbered cars without a crew."""
    found = [_crew_row(art, sent, crew, facts, events) for crew in _crews(facts)]
    rows = [r for r in found if r is not None]
    covered = {d for r in rows for d in r.crew}
    rows.extend(_unstated_crews(art, sent, covered, events))
    named = {r.number for r in rows if r.number is not None}
    for row in _described(art, sent):
        if row.number not in named:
            rows.append(row)
    return rows


def _crews(facts: list[Fact]) -> list[list[str]]:
    """Driver groups of a sentence's facts: result crews and co-driver pairs, joined when they
    share a driver; drivers of no such group that ``drives`` facts give the same car and
    number."""
    groups: list[list[str]] = []
    for f in facts:
        if f.relation in {"raceResult", "gridPosition"}:
            crew = f.get("drivers") or f.get("driver")
            members = [str(x) for x in crew] if isinstance(crew, tuple) else [str(crew)]
            groups.append([m for m in members if m != "None"])
        elif f.relation == "coDriver":
            groups.append([str(f.get("s")), str(f.get("o"))])
    grouped = {d for g in groups for d in g}
    cars: dict[tuple[Value | None, Value | None], list[str]] = {}
    for f in facts:
        if f.relation == "drives" and f.get("s") not in grouped:
            cars.setdefault((f.get("o"), f.get("number")), []).append(str(f.get("s")))
    groups.extend(cars.values())
    merged: list[list[str]] = []
    for g in groups:
        hits = [m for m in merged if set(m) & set(g)]
        target = hits[0] if hits else []
        for other in hits[1:]:
            target.extend(x for x in other if x not in target)
            merged.remove(other)
        target.extend(x for x in g if x not in target)
        if not hits and target:
            merged.append(target)
    return merged


def _one(values: list[Value | None]) -> Value | None:
    """The single value the facts agree on (None when none or several)."""
    found = {v for v in values if v is not None}
    return found.pop() if len(found) == 1 else None


def _crew_row(
    art: Article,
    sent: Sentence,
    crew: list[str],
    facts: list[Fact],
    events: dict[str, tuple[str, int]],
) -> Entry | None:
    """The entry of one crew of a sentence, from its facts and the words next to it."""
    members = set(crew)
    own = [f for f in facts if _subjects(f) & members]
    drives = [f for f in own if f.relation == "drives"]
    results = [f for f in own if f.relation in {"raceResult", "gridPosition"}]
    row = Entry(sentence=sent, crew={d: sent for d in crew})
    team = _one([f.get("team") for f in drives + results] + [f.get("o") for f in own if _member(f)])
    car = _one([f.get("o") for f in drives] + [f.get("car") for f in results])
    row.team = str(team) if team is not None else None
    row.car = str(car) if car is not None else None
    number = _one([f.get("number") for f in drives])
    row.number = number if isinstance(number, int) else None
    cls = _one([f.get("class") for f in drives] + [_class_of(f) for f in results])
    row.cls = str(cls) if cls is not None else None
    row.status = _one([f.get("status") for f in drives])
    row.race = _race(own, events)
    years = _one([f.get("season") for f in own])
    row.year = years if isinstance(years, int) else None
    if row.race is not None and any(y != row.race[1] for _, y in sent.years()):
        return None  # "when A shared the winning car with B in 2019": another season's car
    # a car a driver was given for another season than the race's is not this entry's
    season = row.race[1] if row.race is not None else None
    elsewhere = {f.get("s") for f in drives if f.get("season") != season}
    named = {m.entity for m in sent.of(EntityType.DRIVER)}
    row.stated = {
        d: (
            row.team is not None and (d not in named or _gives(own, d, "team")),
            row.car is not None
            and d not in elsewhere
            and (d not in named or _gives(own, d, "car")),
        )
        for d in crew
    }
    _read_words(art, sent, crew, row)
    return row


def _unstated_crews(
    art: Article, sent: Sentence, covered: set[str], events: dict[str, tuple[str, int]]
) -> list[Entry]:
    """Crews of the race being reported that no fact names yet, written with their entry
    ("one place behind the Cadillac Racing entry of A and B")."""
    event = art.race_at(sent.start + 1) or (next(iter(events)) if len(events) == 1 else "")
    race, date = events.get(event), art.race_dates.get(event)
    if race is None or (date is not None and date > art.published):
        return []
    out: list[Entry] = []
    for m in sent.of(EntityType.DRIVER):
        if m.entity in covered:
            continue
        run = group_after(sent, m.start, [EntityType.DRIVER])
        crew = [x.entity for x in run]
        covered |= set(crew)
        near = phrases.entry_before(sent, run[0].start)
        if len(crew) < 2 or near is None or (near.team is None and near.car is None):
            continue
        row = Entry(sentence=sent, team=near.team, car=near.car, number=near.number, race=race)
        row.crew = {d: sent for d in crew}
        for key in near.keys:
            row.makes |= _makes_of(art, sent, key)
        out.append(row)
    return out


def _subjects(f: Fact) -> set[str]:
    crew = f.get("drivers")
    out = {str(x) for x in crew} if isinstance(crew, tuple) else set()
    out |= {str(v) for v in (f.get("s"), f.get("o"), f.get("driver")) if isinstance(v, str)}
    return out


def _gives(facts: list[Fact], driver: str, role: str) -> bool:
    """Whether the sentence's own facts give this driver the entry's team or car (a co-driver
    the rules linked only to a crew mate gets it from the entry table)."""
    for f in facts:
        if f.relation in {"raceResult", "gridPosition"}:
            if driver in _subjects(f) and f.get(role) is not None:
                return True
        elif f.get("s") == driver:
            if f.relation == "drives" and (role == "car" or f.get("team") is not None):
                return True
            if role == "team" and _member(f):
                return True
    return False


def _member(f: Fact) -> bool:
    return f.relation == "memberOf" and f.get("season") is not None


def _class_of(f: Fact) -> Value | None:
    cls = f.get("classification")
    return None if cls in (None, "overall") or f.relation != "raceResult" else cls


def _race(facts: list[Fact], events: dict[str, tuple[str, int]]) -> tuple[str, int] | None:
    """The championship season a crew's facts are about: their race, else a drives fact's."""
    for f in facts:
        event = f.get("event")
        if isinstance(event, str) and event in events:
            return events[event]
    for f in facts:
        champ, season = f.get("championship"), f.get("season")
        drives_or_member = f.relation in {"drives", "memberOf"}
        if drives_or_member and isinstance(champ, str) and isinstance(season, int):
            return champ, season
    return None


def _read_words(art: Article, sent: Sentence, crew: list[str], row: Entry) -> None:
    """Number, makes and "sister" written next to the crew ("the sister #6 Porsche of",
    "in the Acura", "shared the #7 car")."""
    for key in (row.car, row.team):
        if key is not None:
            row.makes |= _makes_of(art, sent, key)
    first = next((m for m in sent.of(EntityType.DRIVER) if m.entity in crew), None)
    if first is None:
        return
    run = group_after(sent, first.start, [EntityType.DRIVER])
    near = phrases.Entry()
    for found in (phrases.entry_before(sent, run[0].start), phrases.entry_after(sent, run[-1].end)):
        if found is not None:
            near.update(found)
    if row.number is None:
        row.number = near.number
    for key in near.keys:
        row.makes |= _makes_of(art, sent, key)
    lead = sent.tail(run[0].start, 60)
    sister = _SISTER_CAR.search(lead)
    if sister or (near.keys and _SISTER.search(lead)):
        row.sister = True
        if sister and sister.group("n") and row.number is None:
            row.number = int(sister.group("n"))
    after = _NUM_AFTER.match(sent.gap(run[-1].end, sent.end))
    if after and row.number is None:
        row.number = int(after.group("n"))


def _makes_of(art: Article, sent: Sentence, key: str) -> set[str]:
    """The makes an entry mention names: itself when a make, the make written inside a car
    model or team name ("Porsche Penske Motorsport"), a car model's reference manufacturer."""
    ent = art.entity(key)
    if ent is None:
        return set()
    if ent.type is EntityType.MANUFACTURER:
        return {key}
    out: set[str] = set()
    for m in sent.of(EntityType.CAR_MODEL, EntityType.TEAM):
        if m.entity != key:
            continue
        out |= {
            x.entity
            for x in sent.of(EntityType.MANUFACTURER)
            if m.start <= x.start and x.end <= m.end
        }
    if ent.type is EntityType.CAR_MODEL and ent.reference:
        ref = art.ctx.reference.by_iri(ent.reference)
        if ref is not None and ref.manufacturer:
            make = art.ctx.reference.by_iri(ref.manufacturer)
            if make is not None:
                out.add(_local_key(art, make.iri, make.key))
    return out


def _local_key(art: Article, iri: str, key: str) -> str:
    """The article's key of a reference entity (its reference key when not in the article)."""
    for k, e in art.ctx.entities.items():
        if e.reference == iri:
            return k
    return key


def _described(art: Article, sent: Sentence) -> list[Entry]:
    """Numbered car descriptions of the sentence without a crew: "#40 Team X Acura ARX-06"."""
    out: list[Entry] = []
    seen: set[int] = set()
    for head in phrases.entry_mentions(sent, sent.start, after=True):
        if head.start in seen:
            continue
        chain = _extend(sent, phrases.chain(sent, head, forward=True))
        seen |= {m.start for m in chain}
        lead = _NUM_LEAD.search(sent.tail(head.start, 40))
        if lead is None:
            continue
        row = Entry(sentence=sent, number=int(lead.group(1)))
        _fill(art, sent, chain, row)
        if row.car is not None or row.team is not None or row.makes:
            row.race = _race_at(art, sent)
            out.append(row)
    return out


_JOINED_NAME = re.compile(r"^\s+(?:with|&|and)\s+(?:[A-Z][\w&'’-]*\s+){1,2}$")


def _extend(sent: Sentence, chain: list[LinkedMention]) -> list[LinkedMention]:
    """A team name the linker cut short ("Wayne Taylor Racing with Andretti Acura ARX-06"):
    the car model right after the unlinked rest of the name still belongs to the chain."""
    if any(m.type is EntityType.CAR_MODEL for m in chain):
        return chain
    nxt = [m for m in phrases.entry_mentions(sent, chain[-1].end, after=True)]
    if (
        nxt
        and nxt[0].type is EntityType.CAR_MODEL
        and _JOINED_NAME.match(sent.gap(chain[-1].end, nxt[0].start))
    ):
        return [*chain, nxt[0]]
    return chain


def _fill(art: Article, sent: Sentence, chain: list[LinkedMention], row: Entry) -> None:
    for m in chain:
        if m.type is EntityType.TEAM and row.team is None:
            row.team = m.entity
        elif m.type is EntityType.CAR_MODEL:
            row.car = m.entity
        row.makes |= _makes_of(art, sent, m.entity)


def _race_at(art: Article, sent: Sentence) -> tuple[str, int] | None:
    race = art.race_at(sent.start + 1)
    champ = art.event_championships.get(race or "") or art.championship_at(sent.start + 1)
    date = art.race_dates.get(race or "")
    if champ is None or date is None:
        return None
    return champ, date.year


# --------------------------------------------------------------------------- the table


def _place(table: list[Entry], row: Entry) -> None:
    """Merge a row into the entry it names (same number or a shared driver, no conflict), or
    into the one earlier entry of its make; a "sister" takes the team of the last entry of its
    make; otherwise it is a new entry."""
    if row.sister:
        _sister(table, row)
        table.append(row)
        return
    same = [
        e
        for e in table
        if not e.conflicts(row)
        and ((row.number is not None and e.number == row.number) or (set(e.crew) & set(row.crew)))
    ]
    if not same and row.crew and row.number is None and (row.team is None or row.car is None):
        same = _by_make(table, row)
    if len(same) == 1:
        same[0].absorb(row)
        table.remove(same[0])
        table.append(same[0])
    else:
        table.append(row)


def _by_make(table: list[Entry], row: Entry) -> list[Entry]:
    """The earlier entries a make-only reference may name: of that make, with no other crew."""
    if not row.makes:
        return []
    return [
        e
        for e in table
        if e.makes & row.makes
        and not e.conflicts(row)
        and (not e.crew or set(e.crew) & set(row.crew))
    ]


def _sister(table: list[Entry], row: Entry) -> None:
    """The sister car of the last entry of the row's make (or of the last entry when the row
    names no make) belongs to the same team, and is the same model unless the row names
    one ("the sister #7 car of A and B")."""
    for e in reversed(table):
        if e.team is None:
            continue
        if row.makes and not e.makes & row.makes:
            continue
        if row.season is not None and e.season is not None and row.season != e.season:
            continue
        row.team = row.team or e.team
        if row.car is None and e.car is not None and e.number != row.number:
            row.car = e.car
            row.makes |= e.makes
        return


# --------------------------------------------------------------------------- crewless results


def _crew_results(art: Article, table: list[Entry]) -> None:
    """ "The Silver Cup went to X's #26 Audi and its all-French line-up of A, B and C";
    "Comtoyou won the Gold Cup with its #21 Aston Martin" (crew told elsewhere): a result the
    rules gave a car or team but no crew takes the crew of the one entry it names (by its
    race number, else by its team when the team has one crewed entry) and the class it runs
    in."""
    for i, f in enumerate(art.facts):
        if (
            f.relation != "raceResult"
            or f.get("drivers")
            or f.evidence.rule.startswith(LEARNED_RULE)
        ):
            continue
        team, car = f.get("team"), f.get("car")
        if team is None and car is None:
            continue
        numbers = {int(n) for n in phrases.RACE_NUMBER.findall(f.evidence.sentence)}
        found = [
            e
            for e in table
            if e.crew
            and (
                e.number in numbers
                if numbers and e.number is not None
                else e.team is not None and e.team == team and _told_near(art, e, f)
            )
            and team in (None, e.team)
            and car in (None, e.car)
            and _class_fits(f, e)
        ]
        if len(found) != 1:
            continue
        crew = tuple(found[0].crew)
        if len(crew) < 2 or _holds_other_place(art, f, crew):  # one driver: a crew half told
            continue
        roles: dict[str, Value | None] = dict(f.args)
        roles["drivers"] = crew
        art.facts[i] = Fact.make(f.relation, f.evidence, **roles)


def _class_fits(result: Fact, entry: Entry) -> bool:
    """An overall place fits any entry; a class place an entry of that class or of none
    known."""
    cls = _class_of(result)
    return cls is None or entry.cls in (None, cls)


def _told_near(art: Article, entry: Entry, result: Fact) -> bool:
    """An entry known by its team only is the result's when its crew is told in the result's
    paragraph (a team's other car may be told elsewhere)."""
    sent = art.sentence_at(result.evidence.start)
    return sent is not None and any(s.paragraph == sent.paragraph for s in entry.crew.values())


def _holds_other_place(art: Article, result: Fact, crew: tuple[str, ...]) -> bool:
    """A crew member already placed elsewhere in this race's classification: another car."""
    for f in art.facts:
        if (
            f.relation == "raceResult"
            and f.get("event") == result.get("event")
            and f.get("classification") == result.get("classification")
            and f.get("position") != result.get("position")
            and set(crew) & _subjects(f)
        ):
            return True
    return False


# --------------------------------------------------------------------------- propagation


def _propagate(art: Article, table: list[Entry]) -> None:
    """Each crew member of an entry with a team or car gets the membership and car the entry
    implies, when another sentence told them (the crew's own sentence is the rule families'
    to read) and the article has none for that season."""
    members = subject_seasons(art, "memberOf")
    cars = subject_seasons(art, "drives")
    _team_by_make(art, table)
    for e in table:
        if e.race is None or not e.crew:
            continue
        champ, season = e.race
        root = art.root_known(champ)
        for d, sent in e.crew.items():
            ent = art.entity(d)
            if ent is None or ent.type is not EntityType.DRIVER:
                continue
            team_known, car_known = e.stated.get(d, (False, False))
            if e.team is not None and not team_known and (d, season) not in members:
                members.add((d, season))
                art.emit(
                    "memberOf",
                    sent,
                    RULE,
                    CONFIDENCE,
                    s=d,
                    o=e.team,
                    championship=root,
                    season=season,
                )
            if e.car is not None and not car_known and (d, season) not in cars:
                cars.add((d, season))
                art.emit(
                    "drives",
                    sent,
                    RULE,
                    CONFIDENCE,
                    s=d,
                    o=e.car,
                    number=e.number,
                    championship=champ,
                    season=season,
                    team=e.team,
                    status=e.status,
                    **{"class": e.cls},
                )


def _team_by_make(art: Article, table: list[Entry]) -> None:
    """ "The #8 Toyota TR010 Hybrid of A, B and C won" in a report that names one team with
    the make in its name ("Toyota Gazoo Racing"): a crew's entry with no team is that works
    team's this season, when the team runs no other model and in no other championship in
    the article."""
    teams: dict[str, set[str]] = {}
    for t in art.ctx.mentions:
        if t.type is not EntityType.TEAM:
            continue
        for m in art.ctx.mentions_between(t.start, t.end):
            if m.type is EntityType.MANUFACTURER:
                teams.setdefault(m.entity, set()).add(t.entity)
    for e in table:
        if e.team is not None or e.car is None or not e.crew or len(e.makes) != 1:
            continue
        found = teams.get(next(iter(e.makes)), set())
        if len(found) != 1:
            continue
        team = next(iter(found))
        rows = [r for r in table if r.team == team]
        if e.season == art.published.year and all(
            r.car in (None, e.car) and r.race in (None, e.race) for r in rows
        ):
            e.team = team


# --------------------------------------------------------------------------- listed crews

LISTED_RULE = "competesIn.listed-crew"


def listed_crews(art: Article) -> None:
    """A driver the article puts in a car or team of a championship season whose entry list
    the story reports is on that list: ``competesIn`` confirmed (with the team, and the class
    of the car or of the sentence), when the article states no participation of the driver in
    that championship season. A line-up written as "X has named A and B" or "a Porsche for A
    and B" carries no participation verb, yet an entry list is the confirmation."""
    lists = entry_lists(art)
    if not lists:
        return
    have = {
        (f.get("s"), art.root(str(f.get("o"))), f.get("season"))
        for f in art.facts
        if f.relation == "competesIn"
    }
    for f, driver, champ, season in driver_entries(art, ("memberOf", "drives")):
        key = (driver, art.root(champ), season)
        if key[1:] not in lists or key in have:
            continue
        have.add(key)
        team = f.get("o") if f.relation == "memberOf" else f.get("team")
        art.emit(
            "competesIn",
            art.sentence_at(f.evidence.start) or art.sentences[0],
            LISTED_RULE,
            0.6,
            s=driver,
            o=art.root_known(champ),
            season=season,
            status="confirmed",
            modality="entry list",
            asOf=art.published,
            team=team,
            **{"class": f.get("class") or _crew_class(art, f.evidence.start, driver)},
        )


def driver_entries(art: Article, relations: Iterable[str]) -> list[tuple[Fact, str, str, int]]:
    """The article's stated entries of drivers: facts of ``relations`` that put a driver in a
    championship season and are not in doubt (no status, or confirmed), as (fact, driver,
    championship, season). A list, so the caller may add facts while reading it."""
    wanted = set(relations)
    out: list[tuple[Fact, str, str, int]] = []
    for f in art.facts:
        if f.relation not in wanted or f.get("status") not in (None, "confirmed"):
            continue
        driver, champ, season = f.get("s"), f.get("championship"), f.get("season")
        if not (isinstance(driver, str) and isinstance(champ, str) and isinstance(season, int)):
            continue
        ent = art.entity(driver)
        if ent is not None and ent.type is EntityType.DRIVER:
            out.append((f, driver, champ, season))
    return out


def entry_lists(art: Article) -> set[tuple[str, int]]:
    """(championship root, season) of the entry lists the article reports."""
    out: set[tuple[str, int]] = set()
    for f in art.facts:
        s, o, season = f.get("s"), f.get("o"), f.get("season")
        if f.relation != "eventOf" or not isinstance(s, str) or not isinstance(o, str):
            continue
        if art.kind(s) is EventKind.ENTRY_LIST and isinstance(season, int):
            out.add((art.root(o), season))
    return out


def _crew_class(art: Article, start: int, driver: str) -> str | None:
    """The class of a crew member's sentence: the one class it names, else the class named
    nearest before the driver in the paragraph."""
    sent = art.sentence_at(start)
    if sent is None:
        return None
    named = {m.entity for m in sent.of(EntityType.CLASS)}
    if len(named) == 1:
        return named.pop()
    mention = next((m for m in sent.of(EntityType.DRIVER) if m.entity == driver), None)
    return art.class_at(sent, mention.start) if mention is not None else None
