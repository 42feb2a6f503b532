"""Results: raceResult, gridPosition, won; crews give coDriver, results give participation
(competesIn confirmed) and team membership (memberOf) when a team is credited."""

from __future__ import annotations

import datetime as _dt
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from racegraph.extract.context import LinkedMention
from racegraph.extract.relations._base import (
    PERSON_TYPES,
    VENUE_AND,
    Article,
    Sentence,
    group_after,
    group_before,
    is_named_event,
    is_title_use,
    number,
    ordinal,
    tokens_in,
)
from racegraph.extract.relations.entry_phrases import (
    ENTRY_TYPES,
    RACE_NUMBER,
    Entry,
    chain,
    crew_entry,
    entry_after,
    entry_before,
    entry_mentions,
)
from racegraph.extract.relations.result_syntax import (
    RECORD_BEFORE,
    RETIRED_FROM,
    SyntaxResult,
    SyntaxRival,
    held_during_race,
    shared_wins,
    syntax_results,
    syntax_rivals,
    with_crew_credits,
)
from racegraph.extract.time import MONTHS
from racegraph.records import EntityType, EventKind, Fact

D = EntityType.DRIVER
T = EntityType.TEAM
_WIN = re.compile(
    r"\b(?:victory|victories|win|wins|won|triumph(?:ed|ing)?|top spot|chequered flag"
    r"|checkered flag|belonged to)\b",
    re.I,
)
_TOOK_RACE = re.compile(
    r"\b(?P<verb>took|takes|claimed|captured|bagged)\s+(?:(?:the\s+)?(?:first|second|opening"
    r"|final|last|(?-i:[A-Z])[a-z]+day['’]s)\s+race|race\s+(?:one|two|three|\d)"
    r"|(?-i:[A-Z])[a-z]+day['’]s\s+(?:opener|finale|sprint|feature\s+race))\b",
    re.I,
)
_COUNTS = r"\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many"
_MARGIN = (
    r"by\s+(?:(?:just|only)\s+)?(?:\d+(?:\.\d+)?|a|an|half\s+a|one|two|three|four|five|six"
    r"|seven|eight|nine|ten)\s+(?:\w+\s+)?(?:seconds?|tenths?|hundredths?|laps?)"
)
_BEAT_BY = re.compile(
    r"\b(?:beat|held\s+off|holds\s+off|fended\s+off|fends\s+off|edged(?:\s+out)?|pipped)\b"
    rf"(?=[^.;]{{0,80}}?\b{_MARGIN}\b)",
    re.I,
)
_WIN_COUNT_AFTER = re.compile(
    rf"^\s+(?:(?:{_COUNTS})\s+(?:\w+\s+)?(?:races|times|rounds)|titles|championships|races)\b",
    re.I,
)
_COUNT_BEFORE = re.compile(rf"\b(?:{_COUNTS})\s+(?:\w+\s+)?$", re.I)
_WON_TITLE_AFTER = re.compile(
    r"^\s+(?:the|a|his|her|its|their)\s+(?:[\w'’-]+\s+){0,4}?(?:title|championship|crown)\b"
    r"(?!\s+(?:race|round|opener|finale|decider))",
    re.I,
)
_ORD = (
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|thirteenth|fourteenth|fifteenth|\d{1,2}(?:st|nd|rd|th)"
)
_POSITION = re.compile(
    rf"\b(?P<ord>{_ORD})(?P<ctx>[- ]place(?:[- ]finish)?|\s+position|\s+overall|\s+in class"
    r"|(?:[- ]place)?\s+on the (?:starting\s+)?grid|(?:[- ]place)?\s+in qualifying)?\b"
    r"|\bP(?P<p>\d{1,2})\b|\brunners?-up\b|\bpole(?:\s+position)?\b",
    re.I,
)
_FINISH_BEFORE = re.compile(
    r"\b(?:finish(?:ed|ing)?|cross(?:ed|ing) the line|was|were|came(?:\s+home)?|ran|faded"
    r"|dropped|fell|slipped|recovered|climbed|classified|settle[ds]?\s+for|took|claimed)"
    r"\s+(?:back\s+)?(?:to\s+|in\s+|home\s+)?$",
    re.I,
)
_STANDINGS_AFTER = re.compile(
    r"^\s+(?:in|of)\s+(?:the\s+)?(?:championship|standings|points|title|drivers)", re.I
)
# "Second went to the #48 ...", "... of A and B in third, ahead of ...", "... of A and B third."
_ORD_WENT = re.compile(r"^\s+(?:place\s+)?(?:went|goes|fell)\s+to\b", re.I)
_POLE_TO = re.compile(
    r"^(?:-?sitting\b|\s+(?:position\s+)?(?:had\s+)?(?:gone|went|fell)\s+to\b"
    r"|\s+(?:position\s+)?(?:had\s+been\s+|was\s+)?(?:set|taken|claimed|secured)\s+by\b)",
    re.I,
)
# "started from P3", "lined up third", "started from third": a starting slot
_START_BEFORE = re.compile(
    r"\b(?:start(?:ed|ing|s)?|lin(?:ed|ing|es)\s+up)\s+(?:from\s+|in\s+)?$", re.I
)
_CLASS_HONOURS = re.compile(r"^\s+(honou?rs|spoils|laurels)\b", re.I)
_HONOURS_BEFORE = re.compile(
    r"\b(?:took|take|takes|taking|claimed|claims|claiming|secured|won|scooped|collected)"
    r"\s+(?:the\s+)?$",
    re.I,
)
# "claimed class honours" with no class named there: the class of the clause or paragraph
# or "took the class" itself, ending its clause ("took the class after ...", "won the class.")
_CLASS_HONOURS_WORD = re.compile(
    r"\bclass(?:\s+(?:honou?rs|spoils|laurels)\b|(?=\s*[,.;]|\s+(?:after|with|ahead|despite)\b))",
    re.I,
)
_WON_THE_CLASS = re.compile(r"\s+the\s+class\s+(?:with|ahead\s+of|by)\b", re.I)
_ORD_END = re.compile(r"^\s*(?:[,.;]|$)")
_AHEAD_OF = re.compile(
    r"^(?:[^;.]|\.\d){0,40}?,?\s*(?:ahead of|clear of|(?:margin|advantage|gap) over)\s+", re.I
)
_RESPECTIVELY = re.compile(
    rf"\b(?P<ords>(?:{_ORD})(?:\s*,\s*(?:{_ORD}))*\s*,?\s+and\s+(?:{_ORD}))"
    r"(?P<ctx>\s+(?:in\s+class|overall))?\s+respectively\b",
    re.I,
)
_QUALI_BEFORE = re.compile(
    r"\bqualif(?:ied|ying)\s+(?:(?:the|their|his|her)\s+car\s+|it\s+)?(?:in\s+)?$", re.I
)
_EXCLUDE_BEFORE = re.compile(
    r"\b(?:joining|along with|alongside|together with|partnered with|behind|ahead of|beat"
    r"|beating|over|with|passed|passing|overtook|overtaking|jumped|jumping|pipped|pipping)"
    r"(?:\s+(?:the\s+)?(?:pole-?sitter|polesitter|leader|race leader|team-?mate))?\s+$",
    re.I,
)
_PARTNER = re.compile(
    r"\b(?:partnered with|partnering|alongside|together with|team-?mates?(?: with)?"
    r"|co-?drivers?|with co-driver"
    r"|shar(?:e|es|ed|ing)\s+(?:(?:the|his|her|their|a|an)\s+(?!podium)(?:[\w-]+\s+){0,5}?)?with)\s+$",
    re.I,
)
_PODIUM = re.compile(
    r"\b(?:complet(?:ed|es|ing)|round(?:ed|s|ing)\s+(?:out|off))\s+the\s+(?:class\s+|overall\s+)?"
    r"podium\b|\bpodium\s+(?:was|is)\s+(?:completed|rounded\s+(?:out|off))(?=\s+by\b)",
    re.I,
)
_EVENT_WENT = re.compile(r"^(?:\s+(?:in|of)\s+the\s+[^,;.]{0,60}?)?\s+(?:went|goes|fell)\s+to\b")
_WENT_TO = re.compile(r"\b(?:went|goes|fell)\s+to\s+(?:the\s+)?(?:#\s?\d{1,3}\s+|#)?$", re.I)
_TITLE_WENT = re.compile(r"\b(?:title|crown|championship)\s+(?:went|goes|fell)\s+to\s+\S*$", re.I)
# "Toyota scored a one-two": the team holds the first two (or three) places
_ONE_TWO = re.compile(r"\bone-two(?P<three>-three)?\b|\b1-2(?P<three2>-3)?\b", re.I)
# "Vasser Sullivan took GTD Pro with the #14 ...": a class win (not "took the GTD Pro title")
_TOOK_CLASS = re.compile(r"\b(?P<verb>took|claimed|captured|bagged)\s+(?:the\s+)?$", re.I)
_TOOK_CLASS_AFTER = re.compile(
    r"\s*(?:with\s+(?:the|its|their)\s|in\s+(?:the|its|their)\s|for\s|,|\.|$)", re.I
)
# the crew named after the cue: "took the win with A and B", "whose Porsche was driven by A"
_WITH_CREW = re.compile(
    r"^(?:(?!,\s*(?:while|whereas|but|although|and|where|which)\b)[^;.]){0,80}?"
    r"\b(?:with|by)\s+(?:(?:the|his|her|their)\s+)?(?:[\w-]+\s+){0,2}$",
    re.I,
)
_CLAUSE_START = re.compile(
    r"(?:,\s*(?:while|whereas|but|although|and|as|where|which)\b|;|\bafter\b)", re.I
)
_CREW_CLAUSE = re.compile(r",\s*(?:while|whereas|but|although|and|where|which)\b|;", re.I)
_TITLE_AFTER = re.compile(r"^\s+(?:title|crown|championship|standings|points)\b", re.I)
_CLASS_RESULT = re.compile(
    r"\bclass\s+(?:win|victory|podium|honou?rs|spoils)\b|^class\b(?!\s+(?:title|standings))", re.I
)
_IN_CLASS_LEAD = re.compile(r"^(?:In|Among)\s+(?:the\s+)?$")
_SHARED = re.compile(
    r"\bshar(?:e|es|ed|ing)\s+(?:the|a|an|their)\s+(?P<win>winning\s+)?"
    r"(?:(?P<placed>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)-placed\s+)?",
    re.I,
)
_CREDIT = re.compile(r"\breasons? to celebrate\b|\bcelebrated\b|\bdouble podium\b", re.I)
_EARLIER = re.compile(
    r"\b(?P<n>several|a few|few|a|an|\d+|[a-z]+)\s+(?P<unit>day|week|month)s?\s+"
    r"(?:earlier|before|ago|prior)\b",
    re.I,
)
_YEARS_AGO = re.compile(r"\b(?P<n>\w+)\s+years?\s+ago\b", re.I)


@dataclass(slots=True)
class _Result:
    sent: Sentence
    pos: int
    event: str | None
    round: str | None
    position: int
    classification: str
    drivers: list[str] = field(default_factory=list)
    team: str | None = None
    car: str | None = None
    kind: str | None = None  # gridPosition kind; None for a finishing position
    named: list[str] = field(default_factory=list)
    number: int | None = None
    keys: set[str] = field(default_factory=set)  # team / car / make of the crew's entry
    table: bool = False  # a numbered line of a results table
    parsed: bool = False  # found by the parse (result_syntax), not by a surface rule

    def absorb(self, other: _Result) -> None:
        """Take the crew, team, car and number of ``other``, a report of the same place."""
        for d in other.drivers:
            if d not in self.drivers:
                self.drivers.append(d)
        self.team = self.team or other.team
        self.car = self.car or other.car
        self.number = self.number if self.number is not None else other.number

    def take_crew(self, crew: Iterable[str]) -> None:
        """Add a crew the text names for this place (drivers not already in it)."""
        for d in crew:
            if d not in self.drivers:
                self.drivers.append(d)
            if d not in self.named:
                self.named.append(d)


def extract(art: Article) -> None:
    results: list[_Result] = []
    partners: list[tuple[str, str, str | None, int | None, Sentence]] = []
    credit: dict[int, tuple[int, str]] = {}
    for sent in art.sentences:
        teams = sent.of(EntityType.TEAM)
        if teams and _CREDIT.search(sent.text):
            credit[sent.paragraph] = (sent.start, teams[0].entity)
        if _table_row(art, sent, results):
            continue
        _shared_crew(art, sent, results)
        _entry_completes(art, sent, results)
        _crew_told_next(art, sent, results)
        n = len(results)
        other_wins: list[tuple[int, int]] = []
        if not _sentence_results(art, sent, results, credit, other_wins):
            _partners(art, sent, partners)
        _syntax_fill(art, sent, results, other_wins)
        if not any(r.kind is None for r in results[n:]):
            _subject_ahead(art, sent, results)
        _rivals(art, sent, results)
        _beaten_entry(art, sent, results)
        _won_from(sent, results)
        _followed_home(art, sent, results)
        _title_won(art, sent)
        _entry_crews(art, sent)
    _inline_list(art, results)
    _top_in_class(art, results)
    _finish(art, results, partners)


# "The first three overall were all Pro entries", "All three podium cars ran in Pro", "The top
# three were all entered in SP9 Pro", "The first five finishers all ran in SP9 Pro"
_TOP_ALL = re.compile(
    r"\b(?:(?:the\s+)?(?:first|top)\s+(?P<n>two|three|four|five|six|[2-9])"
    r"(?:\s+(?:overall|finishers|cars|places))?|all\s+three\s+podium\s+(?:cars|finishers|entries))"
    r"\s+(?:were\s+|all\s+)*(?:were|ran|raced|entered)\b[^.;]{0,25}$",
    re.I,
)


def _top_in_class(art: Article, results: list[_Result]) -> None:
    """A class that holds the whole top of the order: the first N overall are the first N of
    that class too (their crews raced in it)."""
    for sent in art.sentences:
        for c in sent.of(EntityType.CLASS):
            m = _TOP_ALL.search(sent.text[: sent.rel(c.start)])
            if m is None:
                continue
            n = number(m.group("n")) if m.group("n") else 3
            race = art.race_for(sent, c.start)
            top = [
                r
                for r in results
                if r.kind is None
                and r.classification == "overall"
                and isinstance(r.position, int)
                and r.position <= (n or 0)
                and r.event == race
            ]
            twins: dict[int, _Result] = {}
            for r in top:
                if any(
                    x.event == r.event
                    and x.kind is None
                    and x.position == r.position
                    and x.classification == c.entity
                    for x in results
                ):
                    continue  # the text told that class place itself
                twin = twins.get(r.position)
                if twin is None:
                    twin = twins[r.position] = _Result(
                        sent=sent,
                        pos=c.start,
                        event=r.event,
                        round=r.round,
                        position=r.position,
                        classification=c.entity,
                    )
                twin.absorb(r)
            results.extend(twins.values())
            break


# "The rest of the top six: 4. Cadillac Hertz Team JOTA #12 (Cadillac V-Series.R); 5. ..."
_INLINE_HEAD = re.compile(
    r"\b(?:top\s+(?:three|four|five|six|seven|eight|nine|ten|\d{1,2})|results?|classification"
    r"|finishing\s+order)\b[^:.;\n]{0,40}:\s*(?=\d{1,2}\.\s)",
    re.I,
)
_INLINE_ITEM = re.compile(r"(?P<n>\d{1,2})\.\s+(?P<body>[^;\n]+?)(?=\.(?=\s|$)|;|\n|$)")


def _inline_list(art: Article, results: list[_Result]) -> None:
    """A numbered list run into one paragraph under a results header: each item is the
    finisher at that position (its team, number, car and any crew it names)."""
    text = art.ctx.article.text
    for head in _INLINE_HEAD.finditer(text):
        if _NOT_RESULTS.search(head.group(0)) or art.quoted(head.start()):
            continue
        sent = art.sentence_at(head.start())
        if sent is None:
            continue
        cls = [k.entity for k in sent.of(EntityType.CLASS) if sent.start <= k.start < head.end()]
        pos = head.end()
        while (item := _INLINE_ITEM.match(text, pos)) is not None:
            a, b = item.start(), item.end()
            row = art.ctx.mentions_between(a, b)
            teams = [m.entity for m in row if m.type is T]
            cars = [m.entity for m in row if m.type is EntityType.CAR_MODEL]
            crew = list(dict.fromkeys(m.entity for m in row if m.type is D))
            num = RACE_NUMBER.search(item.group("body"))
            race = art.race_at(a)
            if teams or crew:
                results.append(
                    _Result(
                        sent=art.sentence_at(a) or sent,
                        pos=a,
                        event=race,
                        round=art.race_round.get(race) if race else art.round_at(a),
                        position=int(item.group("n")),
                        classification=cls[0] if cls else "overall",
                        drivers=crew,
                        team=teams[0] if teams else None,
                        car=cars[-1] if cars else None,
                        number=int(num.group(1)) if num else None,
                        keys=set(teams + cars),
                        named=list(crew),
                        table=True,
                    )
                )
            more = re.match(r";\s*", text[b:])
            if more is None:
                break
            pos = b + more.end()


def _entry_beats(sent: Sentence, a: int, subject: str | None) -> bool:
    """Is the subject of "beat" an entry: a team ("X's #91 Porsche held off ...") or a car with
    its crew ("The #91 Porsche of A, B and C beat ...")? A crew as the subject ("A and B shared
    the #7 and beat C") is the parse's (:func:`_rivals`)."""
    drivers = sent.before(a, D)
    if not drivers:
        return subject is not None
    lead = sent.gap(_clause_start(sent, a), drivers[0].start)
    return bool(re.search(r"#\s?\d|\bof\s+$", lead))


_QUALIFYING_TALK = re.compile(r"\b(?:pole|hyperpole|qualifying|session|practice)\b", re.I)


def _qualifying_talk(art: Article, sent: Sentence) -> bool:
    """Does the sentence, or the one before it in its paragraph, talk of qualifying?"""
    prev = art.previous_in_paragraph(sent)
    return bool(_QUALIFYING_TALK.search(sent.text + " " + (prev.text if prev else "")))


def _beaten_entry(art: Article, sent: Sentence, results: list[_Result]) -> None:
    """ "X's #91 Porsche held off Y's #60 Lamborghini by 1.2 seconds": the entry beaten by a margin
    is one place behind the winner, in its class."""
    for m in _BEAT_BY.finditer(sent.text):
        a, b = sent.abs(m.start()), sent.abs(m.end())
        won = next((r for r in results if r.sent is sent and r.pos == a and r.kind is None), None)
        crew = {x.entity for x in sent.before(a, D)}
        if won is None and crew:  # the crew's result is stated already
            won = next(
                (
                    r
                    for r in reversed(results)
                    if r.kind is None
                    and r.position == 1
                    and r.sent.paragraph == sent.paragraph
                    and crew & set(r.drivers)
                ),
                None,
            )
        by = re.search(r"\bby\b", sent.text[m.end() :])
        if won is None or by is None:
            continue
        end = b + by.start()
        row = art.ctx.mentions_between(b, end)
        teams = [x.entity for x in row if x.type is T]
        if not teams or teams[0] == won.team or any(x.type is D for x in row):
            continue  # a crew beaten is the parse's (_rivals)
        cars = [x.entity for x in row if x.type is EntityType.CAR_MODEL]
        num = RACE_NUMBER.search(sent.text[m.end() : m.end() + by.start()])
        results.append(
            _behind(
                won,
                sent,
                b,
                team=teams[0],
                car=cars[-1] if cars else None,
                number=int(num.group(1)) if num else None,
                keys=set(teams + cars),
            )
        )


def _behind(
    won: _Result,
    sent: Sentence,
    pos: int,
    *,
    drivers: list[str] | None = None,
    team: str | None = None,
    car: str | None = None,
    number: int | None = None,
    keys: set[str] | None = None,
) -> _Result:
    """The place right behind ``won``, in its race and class: the beaten entry's result."""
    return _Result(
        sent=sent,
        pos=pos,
        event=won.event,
        round=won.round,
        position=won.position + 1,
        classification=won.classification,
        drivers=drivers or [],
        named=list(drivers or []),
        team=team,
        car=car,
        number=number,
        keys=keys or set(),
    )


_WON_FROM = re.compile(rf"\b(?:won|wins)\b[^.;:]{{0,60}}?\b{_MARGIN}\s+from\s+(?:the\s+)?", re.I)


def _won_from(sent: Sentence, results: list[_Result]) -> None:
    """ "Fenzi won by 3.3 seconds from Brenninger": the driver after "from" was second."""
    for m in _WON_FROM.finditer(sent.text):
        b = sent.abs(m.end())
        won = next(
            (r for r in results if r.sent is sent and r.kind is None and r.position == 1), None
        )
        group = group_after(sent, b, [D])
        if won is None or not group or group[0].start != b:
            continue
        beaten = [g.entity for g in group]
        if set(beaten) & set(won.drivers):
            won.drivers = [d for d in won.drivers if d not in beaten]
        results.append(_behind(won, sent, b, drivers=beaten))


# "B crossed the line 1.4 seconds behind", "B followed him home": the place after the one the
# text has just given
_FOLLOWED = re.compile(
    r"\b(?:followed\s+(?:him|her|them|the\s+winner)\s+home"
    r"|(?:crossed\s+the\s+(?:finish(?:ing)?\s+)?line|finished|came\s+home)\s+"
    r"[\d.]+\s+seconds?\s+(?:behind|adrift|back)(?!\s+(?:the|of|him|her)\b))",
    re.I,
)


def _followed_home(art: Article, sent: Sentence, results: list[_Result]) -> None:
    """ "A won ... B crossed the line 1.4 seconds behind": B is the next place of that race."""
    for m in _FOLLOWED.finditer(sent.text):
        a = sent.abs(m.start())
        group = group_before(sent, a, [D])
        if not group or not re.fullmatch(r"\s*", sent.gap(group[-1].end, a)):
            continue
        told = [
            r
            for r in results
            if r.kind is None and r.pos < a and r.sent.paragraph == sent.paragraph
        ]
        if not told or not told[-1].drivers:
            continue
        last = told[-1]
        crew = [g.entity for g in group if g.entity not in last.drivers]
        taken = any(
            r.event == last.event and r.kind is None and r.position == last.position + 1
            for r in results
        )
        if not crew or taken:
            continue
        entry = crew_entry(sent, crew)
        results.append(
            _behind(
                last, sent, a, drivers=crew, team=entry.team, car=entry.car, number=entry.number
            )
        )


def _entry_crews(art: Article, sent: Sentence) -> None:
    """Every crew of a team's car in a race report, result or not: "the #51 AF Corse Ferrari
    of A, B and C", "A, B and C (Team X)" give memberOf the team (championship and season of
    the reported race) and coDriver among the crew."""
    seen: set[int] = set()
    for m in sent.of(D):
        if m.start in seen:
            continue
        group = group_after(sent, m.start, [D])
        seen.update(g.start for g in group)
        crew = list(dict.fromkeys(g.entity for g in group))
        entry = entry_before(sent, m.start) or entry_after(sent, group[-1].end)
        if entry is None or entry.team is None:
            continue
        race = art.race_for(sent, m.start)
        if race is None:
            continue
        date = art.race_dates.get(race)
        season = date.year if date else art.published.year
        rnd = _crew_event(art, race)
        paired = None if art.later_in_calendar(sent, race) else rnd
        stated = [c.entity for c in sent.of(EntityType.CHAMPIONSHIP) if not is_title_use(sent, c)]
        champ = (
            art.event_championships.get(rnd)
            or art.event_tied.get(rnd)
            or (stated[0] if stated else None)
            or art.championship_at(sent.start + 1)
        )
        for i, x in enumerate(crew):
            for y in crew[i + 1 :]:
                art.emit(
                    "coDriver",
                    sent,
                    "coDriver.entry-crew",
                    0.7,
                    s=x,
                    o=y,
                    event=paired,
                    season=season,
                )
        if champ is None:
            continue
        root = art.root(champ)
        if root not in art.ctx.entities:
            root = champ
        for d in crew:
            art.emit(
                "memberOf",
                sent,
                "memberOf.entry-crew",
                0.65,
                s=d,
                o=entry.team,
                championship=root,
                season=season,
            )


_SITTER = re.compile(r"-?sitter\s+$", re.I)


def _pole_sitter(sent: Sentence, b: int) -> list[str]:
    """ "pole-sitter A": the driver the noun names, whoever the clause's subject is."""
    after = sent.after(b, D)
    if after and _SITTER.fullmatch(sent.gap(b, after[0].start)):
        return [after[0].entity]
    return []


_FOR_CREW = re.compile(r"\s+for\s+the\s+(?:pair|duo|trio|crew)\b", re.I)


def _crew(art: Article, sent: Sentence, a: int, b: int) -> list[str]:
    after = group_after(sent, b, [D])
    if after and re.fullmatch(r"\s*(?:for|by)\s+", sent.gap(b, after[0].start)):
        return [m.entity for m in after]
    tail = _entry_tail_crew(sent, b)
    if tail:
        return tail
    shared = _who_shared(sent, a)
    if shared:
        return shared
    start = sent.start  # the crew of this clause ("..., while the X class was won by ...")
    for m in _CREW_CLAUSE.finditer(sent.text[: sent.rel(a)]):
        if re.search(r"\b(?:which|where)$", m.group(0)) and "," in sent.text[m.end() : sent.rel(a)]:
            continue  # "the #91 X of A and B, which had been on pole, took third": parenthetical
        start = sent.abs(m.end())
    named = [g for g in group_before(sent, a, [D]) if g.start >= start]
    group = [g for g in named if not _name_as_modifier(art, g)]
    if named and not group:  # "X started fourth and, after the Y penalty, was classified
        group = [  # fourth": the driver named before the name that only modifies a noun
            g
            for g in group_before(sent, named[0].start, [D])
            if g.start >= start and not _name_as_modifier(art, g)
        ]
    kept = []
    excluded = False
    prev_end = sent.start
    for g in group:
        gap = sent.gap(prev_end, g.start)
        if _EXCLUDE_BEFORE.search(gap):
            excluded = True
        elif excluded and not re.search(r"\band\b|&", gap):
            excluded = False
        if not excluded:
            kept.append(g.entity)
        prev_end = g.end
    if group and _PRONOUN_AND.search(sent.gap(start, group[0].start)):
        ante = art.antecedent(sent, start)  # "He and Cesar Gazeau led every lap ... to win"
        if ante and ante not in kept:
            kept.insert(0, ante)
    if (
        group
        and re.match(r"\s*,\s*who\b", sent.gap(group[-1].end, a))
        and (sharer := _sharer(sent, start, group[0].start))
        and sharer not in kept
    ):
        kept.insert(0, sharer)
    if len(kept) == 1:
        kept += [d for d in _sharing_with(sent, b) if d not in kept]
    if group:
        return kept
    gap = sent.gap(sent.start, a)
    if re.search(r"\b(?:they|their|them|pair|duo|trio|crew)\b", gap, re.I) or _FOR_CREW.match(
        sent.text[sent.rel(b) :]
    ):  # "the pair took second", "a class win for the pair"
        prev = [c for p, c in art.crews if p < a]
        return list(prev[-1]) if prev else []
    if re.search(r"\b(?:he|his|him|she|her)\b", gap, re.I):
        ante = art.antecedent(sent, a)  # "finishing fourth ... with A and the Australian B"
        return list(dict.fromkeys([ante, *_with_crew(art, sent, b)])) if ante else []
    return []


_SHARING_WITH = re.compile(
    r"^[^;.]{0,60}?,\s*shar(?:ing|ed)\s+(?:the|a|an|his|her)\b[^;.]{0,60}?\bwith\s+$", re.I
)


def _sharing_with(sent: Sentence, b: int) -> list[str]:
    """ "X finished sixth in the finale, sharing the #3 Nissan with A": A is the crew too."""
    after = sent.after(b, D)
    if not after or not _SHARING_WITH.match(sent.gap(b, after[0].start)):
        return []
    return [m.entity for m in group_after(sent, after[0].start, [D])]


def _name_as_modifier(art: Article, m: LinkedMention) -> bool:
    """ "after the Solvang penalty": a driver's name modifying a noun names no crew."""
    if not re.search(r"\bthe\s+$", art.ctx.article.text[max(0, m.start - 5) : m.start]):
        return False
    after = tokens_in(art, m.end, m.end + 2)
    return bool(after) and after[0].pos_ == "NOUN" and after[0].text.islower()


_MARGIN_WITH = re.compile(
    r"^\s*by\s+(?:a|an|one|two|three|four|five|half\s+a|[\d.]+)\s+(?:laps?|seconds?|minutes?)\s+with\s",
    re.I,
)
_BRACKETED = re.compile(r"[^();.]{0,60}\(\s*")
_IN_WHICH = re.compile(r"[^;.()]{0,80},\s+in\s+which\s+(?:[\w-]+\s+){0,4}")
_WHOSE_DRIVER = re.compile(
    r"[^;.()]{0,80},\s+whose\s+(?:[\w-]+\s+){0,4}(?:driver|drivers|crew|line-?up)\s*,?\s*(?:was\s+|were\s+)?"
)
_JOINED_BY = re.compile(r"(?:,[^,;.]{0,20},)?\s+(?:was|were)\s+joined\s+by\s+")


def _with_entry_team(sent: Sentence, a: int) -> str | None:
    """The team of an entry that a trailing phrase places: "X won, with the #27 Heart of
    Racing Team Aston Martin second", "A and B were second, Peugeot TotalEnergies' #93 Peugeot
    third" (no crew of its own; not the winner's)."""
    m = _WITH_ENTRY.search(sent.text[: sent.rel(a)])
    if m is None or not (m.group("with") or "#" in m.group(0)):
        return None  # without "with", only a numbered entry: not "In LMGT3, X won"
    start = sent.abs(m.start())
    teams = [t for t in sent.of(EntityType.TEAM) if start <= t.start and t.end <= a]
    if len(teams) != 1 or any(start <= d.start < a for d in sent.of(D)):
        return None
    return teams[0].entity


_WITH_ENTRY = re.compile(
    r",\s*(?P<with>with\s+)?(?:the\s+)?(?:#\s?\d{1,3}\s+)?[A-Z][\w'’&.-]*\s+"
    r"(?:(?:[A-Z0-9#][\w'’&.-]*|of)\s+){0,7}$"
)


def _entry_tail_crew(sent: Sentence, b: int) -> list[str]:
    """The crew written after the entry a result cue names: in brackets ("completed by
    United Autosports' #22 (A, B, C)") or in a relative clause ("went to GR Racing's #86,
    in which A was joined by B and C")."""
    after = group_after(sent, b, [D])
    if not after:
        return []
    gap = sent.gap(b, after[0].start)
    if _BRACKETED.fullmatch(gap) and re.match(r"\s*\)", sent.text[sent.rel(after[-1].end) :]):
        return [m.entity for m in after]
    if _IN_WHICH.fullmatch(gap):
        return _joined_by(sent, after[0])
    if _WHOSE_DRIVER.fullmatch(gap):
        return [m.entity for m in after]  # "went to X's #30, whose Bronze driver, A, drove"
    return []


def _joined_by(sent: Sentence, first: LinkedMention) -> list[str]:
    """ "..., in which A, 58, was joined by B and C": A and the group after "joined by"."""
    nxt = sent.after(first.end, D)
    rest: list[LinkedMention] = []
    if nxt and _JOINED_BY.match(sent.gap(first.end, nxt[0].start)):
        rest = group_after(sent, nxt[0].start, [D])
    return list(dict.fromkeys([first.entity, *(m.entity for m in rest)]))


_PRONOUN_AND = re.compile(r"(?:^|\W)(?:he|she)\s+and\s+$", re.I)
_WHO_SHARED = re.compile(
    r"\s*,\s*who\s+(?:had\s+)?shar(?:ed|es)\s+(?:the|a|an|his|her|their)\b[^;.]{0,80}?\bwith\s+$"
)
_WHO = re.compile(r"^\s*,\s*(?:who|which)\b[^,;.]{0,80},")
_SHARED_WITH = re.compile(
    r"^(?:\s+[A-Z][\w-]+)?(?:,[^;.]{0,60},)?\s+shar(?:ed|es)\s+(?:the|a|an|his|her|their)\b[^;.,]{0,40}?\bwith\s+"
    r"(?:the\s+)?(?:[\w-]+\s+){0,2}?$"
)


def _sharer(sent: Sentence, start: int, first: int) -> str | None:
    """ "The 31-year-old German, a works driver, shared the car with A and B, who won": the
    subject who shared the car is of the crew the relative clause's result names."""
    subject = next(iter(sent.after(start - 1, D)), None)
    if subject is None or subject.end > first:
        return None
    if not re.fullmatch(r"\s*(?:the\s+)?", sent.gap(start, subject.start), re.I):
        return None
    return subject.entity if _SHARED_WITH.match(sent.gap(subject.end, first)) else None


def _who_shared(sent: Sentence, a: int) -> list[str]:
    """ "X, who shared the #63 Y with A and B, had to settle for fourth": X, A and B are the
    crew of the cue after the relative clause."""
    for m in reversed(sent.before(a, D)):
        mates = [g for g in group_after(sent, m.end, [D]) if g.end <= a]
        if not mates or not _WHO_SHARED.fullmatch(sent.gap(m.end, mates[0].start)):
            continue
        if re.search(r"[;.]|,\s*(?:while|whereas|but)\b", sent.gap(mates[-1].end, a)):
            return []
        return list(dict.fromkeys([m.entity, *(g.entity for g in mates)]))
    return []


def _class_near(sent: Sentence, a: int, b: int) -> str | None:
    for m in sent.of(EntityType.CLASS):
        if m.end <= a and re.fullmatch(r"\s*(?:class\s+)?", sent.gap(m.end, a)):
            return m.entity
        if m.start >= b and re.fullmatch(r"\s+in\s+(?:the\s+)?", sent.gap(b, m.start)):
            return m.entity
        if (
            m.start >= b
            and re.fullmatch(r"\s+(?:the\s+)?", sent.gap(b, m.start))
            and (
                _WIN.fullmatch(sent.text[sent.rel(a) : sent.rel(b)])
                or _TOOK_CLASS.match(sent.text[sent.rel(a) : sent.rel(b) + 1])
            )
            and not _TITLE_AFTER.match(sent.text[sent.rel(m.end) :])
        ):  # "won GT500", "won the Gold Cup" (not "won the Gold Cup title")
            return m.entity
    if re.search(r"\bclass\s+$", sent.tail(a)):
        after = sent.after(b, EntityType.CLASS)
        if after and after[0].start - b < 20:
            return after[0].entity
    return None


_WIN_TO_COME = re.compile(
    r"\b(?:(?:have|has|need|needs)\s+to|must|could|would|might|can|cannot|will|should)\s+$",
    re.I,
)
"""A win not (yet) run: "have to win with the #14", "could win on Sunday"."""
_NOT_WON = re.compile(
    r"\b(?:not|never|n['’]t|without(?:\s+having)?|failed\s+to|yet\s+to)\s+(?:\w+\s+)?$", re.I
)
"""A win denied: "did not win either race", "leads the standings without having won"."""


def _sentence_results(
    art: Article,
    sent: Sentence,
    results: list[_Result],
    credit: dict[int, tuple[int, str]],
    other_wins: list[tuple[int, int]] | None = None,
) -> bool:
    """Collect the results of one sentence; True when it states a win of another event
    (whose cue spans go to ``other_wins``, with the cues "respectively" consumed)."""
    won = False
    found: list[tuple[int, int, int, str | None]] = []  # (start, end, position, grid kind)
    wins: set[int] = set()
    taken = _respectively(art, sent, results)
    if other_wins is not None:
        other_wins.extend(taken)
    for m in _WIN.finditer(sent.text):
        if (
            _WIN_COUNT_AFTER.match(sent.text[m.end() :])
            or _WON_TITLE_AFTER.match(sent.text[m.end() :])
            or (
                m.group(0).lower() in {"wins", "victories"}
                and _COUNT_BEFORE.search(sent.text[: m.start()])
            )
            or RECORD_BEFORE.search(sent.text[: m.start()])
            or (m.group(0).lower() == "win" and _WIN_TO_COME.search(sent.text[: m.start()]))
            or _NOT_WON.search(sent.text[: m.start()])
            or shared_wins(m.group(0), sent.text[: m.start()])
            or (_WON_PRONOUN.match(sent.text[m.end() :]) and art.quoted(sent.abs(m.start())))
        ):
            continue  # "won four races", "three wins", "won the teams' title": no race result
        found.append((sent.abs(m.start()), sent.abs(m.end()), 1, None))
        wins.add(sent.abs(m.start()))
    for m in _PODIUM.finditer(sent.text):
        found.append((sent.abs(m.start()), sent.abs(m.end()), 3, None))
    beats: set[int] = set()
    margins = list(_BEAT_BY.finditer(sent.text))
    if margins and not _qualifying_talk(art, sent):  # "beat X to pole by a tenth": a lap
        for m in margins:  # "X's #91 held off Y's #60 by 1.2 seconds": X won
            found.append((sent.abs(m.start()), sent.abs(m.end()), 1, None))
            beats.add(sent.abs(m.start()))
    open_places: set[int] = set()  # "Ferrari scored a one-two": places whose crews follow
    for m in _ONE_TWO.finditer(sent.text):
        a, b = sent.abs(m.start()), sent.abs(m.end())
        if sent.of(D):
            continue
        last = 3 if (m.group("three") or m.group("three2")) else 2
        if _subject_team(sent, a, b) is not None:
            found.extend((a, b, p, None) for p in range(1, last + 1))
        elif sent.before(a, EntityType.MANUFACTURER):
            found.extend((a, b, p, None) for p in range(1, last + 1))
            open_places.add(a)
    for c in sent.of(EntityType.CLASS):  # "took GT300 honours": the class win
        honours = _CLASS_HONOURS.match(sent.text[sent.rel(c.end) :])
        if honours and _HONOURS_BEFORE.search(sent.tail(c.start)):
            hb = c.end + honours.end()
            found.append((hb - len(honours.group(1)), hb, 1, None))
    for c in sent.of(EntityType.CLASS):  # "Vasser Sullivan took GTD Pro with the #14 ..."
        took = _TOOK_CLASS.search(sent.tail(c.start, 30))
        if took and _TOOK_CLASS_AFTER.match(sent.text[sent.rel(c.end) :]):
            a = c.start - len(took.group(0))
            found.append((a, a + len(took.group("verb")), 1, None))
    for m in _CLASS_HONOURS_WORD.finditer(sent.text):  # "took class honours": a class win
        if _HONOURS_BEFORE.search(sent.text[: m.start()]):
            found.append((sent.abs(m.start()), sent.abs(m.end()), 1, None))
    for m in _TOOK_RACE.finditer(sent.text):  # "A took Saturday's race in the #48": A won it
        found.append((sent.abs(m.start()), sent.abs(m.end("verb")), 1, None))
    for ev in sent.of(EntityType.EVENT):  # "Saturday's race at X went to the #9 Y of A and B"
        went = _EVENT_WENT.match(sent.text[sent.rel(ev.end) :])
        if went:
            found.append((ev.end, ev.end + went.end(), 1, None))
    for t in sent.of(EntityType.TEAM):
        if (
            _WENT_TO.search(sent.tail(t.start, 20))
            and sent.before(t.start, EntityType.CLASS)
            and not _TITLE_WENT.search(sent.tail(t.start, 40))
        ):
            pole = re.search(r"\bpole\s+(?:position\s+)?went\s+to\s+$", sent.tail(t.start, 30))
            found.append((t.start, t.start, 1, "pole" if pole else None))
    for m in _POSITION.finditer(sent.text):
        a, b = sent.abs(m.start()), sent.abs(m.end())
        word = m.group(0).lower()
        before = sent.tail(a)
        if word.startswith("pole"):
            if not any(c.start <= a < c.end for c in sent.of(EntityType.COUNTRY)):
                found.append((a, b, 1, "pole"))  # not "the Pole", a Polish driver
            continue
        if word in ("runner-up", "runners-up"):
            found.append((a, b, 2, None))
            continue
        if any(x <= a < y for x, y in taken):
            continue  # "second and third in class respectively"
        if m.group("p"):  # "started from P3" is a grid slot, "finished P3" a finish
            found.append(
                (a, b, int(m.group("p")), "grid" if _START_BEFORE.search(before) else None)
            )
            continue
        pos = ordinal(m.group("ord"))
        ctx = (m.group("ctx") or "").lower()
        if pos is None:
            continue
        after = sent.text[m.end() :]
        if held_during_race(before, after):
            continue  # "ran second in the fourth hour", "handed over in third": not the finish
        drivers_before = sent.before(a, D)
        if not ctx and (
            (_ORD_WENT.match(after) and not sent.gap(_clause_start(sent, a), a).strip())
            or (
                _ORD_END.match(after)
                and (
                    re.search(r"\bin\s+$", before)
                    or (
                        drivers_before and re.fullmatch(r"\s+", sent.gap(drivers_before[-1].end, a))
                    )
                )
            )
        ):
            found.append((a, b, pos, None))
            continue
        if _STANDINGS_AFTER.match(after) or RETIRED_FROM.search(before):
            continue  # "retired from fourth place": where it ran, not a result
        if not ctx and _ORD_END.match(after) and _with_entry_team(sent, a) is not None:
            found.append((a, b, pos, None))  # "..., with the #27 X Aston Martin second."
            continue
        if "grid" in ctx or (ctx in ("", " in class", " overall") and _START_BEFORE.search(before)):
            found.append((a, b, pos, "grid"))
        elif (
            "qualifying" in ctx
            or _QUALI_BEFORE.search(before)
            or re.match(r"^\s+in qualifying\b", sent.text[m.end() :])
        ):
            found.append((a, b, pos, "qualifying"))
        elif ctx or _FINISH_BEFORE.search(before):
            found.append((a, b, pos, None))
    found.sort()
    last_class: str | None = None
    for a, b, position, kind in found:
        if kind is None and _title_cue(art, sent, a, b):
            continue
        if a in wins and (_past_venue_win(art, sent, a, b) or _dated_wins(art, sent, a, b)):
            continue
        if a in wins and _won(art, sent, a, b):
            won = True
            if other_wins is not None:
                other_wins.append((a, b))
            continue
        subject = _subject_team(sent, a, b) if kind is None or a == b else None
        if a in beats and not _entry_beats(sent, a, subject):
            continue
        if subject is None and kind is None:
            subject = _team_with_crew(art, sent, a, b)
        crew = _with_crew(art, sent, b) if subject else []
        if subject and not crew:
            crew = _slash_crew(sent, b) or _as_crew(sent, b) or _entry_tail_crew(sent, b)
        pole_to = kind == "pole" and bool(_POLE_TO.match(sent.text[sent.rel(b) :]))
        if pole_to or (kind is None and re.match(r"\s+by\s+the\b", sent.text[sent.rel(b) :])):
            crew = _of_crew(sent, b)  # "Pole had gone to the X of A and B", "the pole-sitting X of"
        if kind == "pole" and not crew:
            crew = _pole_sitter(sent, b)  # "jumped pole-sitter A at the start"
        trailing = _with_entry_team(sent, a) if kind is None and subject is None else None
        if trailing is not None:
            subject = trailing  # ", with the #27 Heart of Racing Team Aston Martin second"
        if not crew and subject is None and not pole_to:
            crew = _crew(art, sent, a, b)
        if not crew:
            crew = _of_crew(sent, b)
        if not crew and subject is None:
            crew = _entry_subject_crew(art, sent, a, results)
        if a in beats:  # the crew after "beat" is the beaten car's
            crew = [d for d in crew if d in {x.entity for x in sent.before(a, D)}]
        team = subject
        entry = crew_entry(sent, crew)
        sister = re.search(
            r"\b(?:sister|second|other)\s+(?:#\s?\d{1,3}\s+)?(?:car|entry)\b",
            sent.gap(sent.start, a),
        )
        if team is None and crew and sister:
            prior = [r for r in results if r.team and r.sent.paragraph == sent.paragraph]
            team = prior[-1].team if prior else art.last_team(sent, a)  # "the sister car of A"
            if prior and entry.car is None:
                entry.car = prior[-1].car
        if team is None and entry.team is not None and crew:
            team = entry.team
        if team is not None:
            pass
        elif not crew:
            subj_team = [t for t in sent.of(EntityType.TEAM)]
            if subj_team and kind is None and re.search(r"\boverall\b", sent.text, re.I):
                team = subj_team[0].entity
            elif a not in open_places:
                continue
        cls = _class_near(sent, a, b) if kind is None else _clause_class(art, sent, a, b)
        in_class = (
            re.match(r"^\s+in\s+class\b", sent.text[sent.rel(b) :])
            or re.search(r"\bin\s+class$", sent.text[sent.rel(a) : sent.rel(b)])
            or (b - a > 2 and _WON_THE_CLASS.match(sent.text[sent.rel(b) :]))
        )  # "third in class", "won the class with ...": the class of the paragraph
        if cls is None and in_class:  # "started from pole in class" is a class pole too
            cls = art.class_at(sent, a)
        if cls is None and kind is None and re.search(r"\bclass\s+$", sent.tail(a)):
            cls = art.class_at(sent, a) or next(  # "The class win went to X": the last class
                (k.entity for k in art.mentions_before(a, EntityType.CLASS)), None
            )
        overall = kind is None and re.search(r"\boverall$", sent.text[sent.rel(a) : sent.rel(b)])
        if cls is None and kind is None and not overall:
            cls = _clause_class(art, sent, a, b)
        if cls is None and kind is None and last_class is not None and crew and not overall:
            cls = last_class
        if cls is None and kind is None and not overall:
            cls = _paragraph_class(art, results, sent, a, same_sentence=subject is not None)
        if cls is None and in_class:  # "second in class": never overall; the last class's
            cls = (
                art.only_class_before(a)
                or next(
                    (r.classification for r in reversed(results) if r.classification != "overall"),
                    None,
                )
                or next((k.entity for k in art.mentions_before(a, EntityType.CLASS)), None)
            )
        if cls and kind is None:
            last_class = cls
        after_team = [
            t
            for t in sent.after(b, EntityType.TEAM)
            if re.fullmatch(
                r"[^,.;]{0,60}?\b(?:for|with)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}", sent.gap(b, t.start)
            )
        ]
        if team is None and after_team and crew:
            team = after_team[0].entity
        if team is None and not entry.keys:  # a crew named with its own car has its team there
            before_teams = [t for t in sent.before(a, EntityType.TEAM)]
            if before_teams and crew:
                team = before_teams[-1].entity
            elif sent.paragraph in credit and credit[sent.paragraph][0] <= sent.start and crew:
                team = credit[sent.paragraph][1]
        race = _stated_event(art, sent, a) or art.race_for(sent, a)
        rnd = art.race_round.get(race) if race else art.round_at(a)
        results.append(
            _Result(
                sent=sent,
                pos=a,
                event=race,
                round=rnd,
                position=position,
                classification=cls or "overall",
                drivers=crew,
                team=team,
                kind=kind,
                named=[d for d in crew if d in {m.entity for m in sent.of(D)}],
                car=entry.car,
                number=entry.number,
                keys=entry.keys,
            )
        )
        if crew:
            art.crews.append((a, tuple(crew)))
        if kind is None and crew:
            _ahead_of(art, sent, b, results[-1], results)
    return won


def _paragraph_class(
    art: Article, results: list[_Result], sent: Sentence, a: int, *, same_sentence: bool = True
) -> str | None:
    """The class a class paragraph goes on with: that of the paragraph's last earlier result
    (from an earlier sentence only, unless ``same_sentence``), none when that one is overall;
    with no earlier result, the class of a heading line above it ("LMGT3" alone on a line),
    else the report's class (:func:`_report_class`)."""
    prev = [
        r
        for r in results
        if r.kind is None
        and r.sent.paragraph == sent.paragraph
        and r.pos < a
        and (same_sentence or r.sent.start < sent.start)
    ]
    if prev:
        last = prev[-1].classification
        return last if last != "overall" else None
    return art.heading_class(a) or _opening_class(art, sent) or _report_class(results, sent, a)


_OPENS_WITH_CLASS = re.compile(r"(?:In\s+(?:the\s+)?)?$")


def _opening_class(art: Article, sent: Sentence) -> str | None:
    """The class a paragraph opens with ("LMGT3, the class for GT3 cars, gave the
    closest finish.", "In LMP2, ...", "The closest finish came in GTD."): the paragraph is
    about that class."""
    first = next(s for s in art.sentences if s.paragraph == sent.paragraph)
    classes = first.of(EntityType.CLASS)
    if classes and _OPENS_WITH_CLASS.fullmatch(first.gap(first.start, classes[0].start)):
        return classes[0].entity
    if (  # "The closest finish of the day came in GTD."
        len(classes) == 1
        and not first.of(D, EntityType.TEAM)
        and re.fullmatch(r"[\s.!:]*", first.gap(classes[0].end, first.end))
    ):
        return classes[0].entity
    return None


def _report_class(results: list[_Result], sent: Sentence, a: int) -> str | None:
    """The class of a report that has stated its results in one class only ("TGR Team au
    TOM'S claimed GT500 victory ... [next paragraph] the #23 Nissan of A and B in third"):
    an unclassed place of a later paragraph is in that class too."""
    earlier = {
        r.classification
        for r in results
        if r.kind is None and r.pos < a and r.sent.paragraph < sent.paragraph
    }
    if len(earlier) == 1 and "overall" not in earlier:
        return next(iter(earlier))
    return None


def _syntax_fill(
    art: Article, sent: Sentence, results: list[_Result], other_wins: list[tuple[int, int]]
) -> None:
    """Results the parse finds that the surface rules left out (see :mod:`.result_syntax`):
    a cue no surface rule resolved gets the crew its clause governs; a result of this
    sentence without a crew gets the crew of its cue."""
    for s in syntax_results(art, sent):
        if any(a < s.end and s.start < b for a, b in other_wins):
            continue  # a win of another event
        if s.kind is None and _title_cue(art, sent, s.start, s.end):
            continue  # a championship title: a career aside, not this race's result
        if s.kind is None and (
            _WIN_TO_COME.search(sent.text[: sent.rel(s.start)])
            or _NOT_WON.search(sent.text[: sent.rel(s.start)])
        ):
            continue  # "have to win with the #14": not run yet; "without having won"
        if s.lost:  # "a penalty cost it the runner-up spot": the place is not theirs
            results[:] = [r for r in results if not (r.sent is sent and s.start <= r.pos < s.end)]
            continue
        crew = [m.entity for m in s.crew if not _name_as_modifier(art, m)]
        trailing = _with_entry_team(sent, s.start) if s.kind is None else None
        if trailing is not None:
            crew = []  # ", with the #27 Heart of Racing Team Aston Martin second": not A's
        here = [r for r in results if r.sent is sent]
        covered = [
            r
            for r in here
            if s.start <= r.pos < s.end
            or (r.kind == s.kind and r.position == s.position and set(r.drivers) & set(crew))
        ]
        if covered:
            for r in covered:
                if (
                    s.start <= r.pos < s.end
                    and r.kind == s.kind
                    and len(crew) > 1
                    and not set(r.drivers) & set(crew)
                ):  # the parse names the cue's crew: it wins over proximity
                    r.drivers.clear()
                    r.named.clear()
                if not r.drivers and s.start <= r.pos < s.end:
                    _complete(art, r, s, crew)
            continue
        if any(set(r.drivers) & set(crew) and r.kind == s.kind for r in here if r.pos == s.start):
            continue
        results.append(_syntax_result(art, sent, s, crew, results))
        if trailing is not None:
            results[-1].team, results[-1].car, results[-1].number = trailing, None, None
            continue
        art.crews.append((s.start, tuple(crew)))


def _complete(art: Article, r: _Result, s: SyntaxResult, crew: list[str]) -> None:
    r.take_crew(crew)
    r.car = r.car or s.car
    r.number = r.number if r.number is not None else s.number
    r.keys |= s.keys
    art.crews.append((s.start, tuple(r.drivers)))


def _syntax_result(
    art: Article, sent: Sentence, s: SyntaxResult, crew: list[str], results: list[_Result]
) -> _Result:
    """A :class:`_Result` for a parse-found cue: class, entry and race as the surface rules
    read them around the cue."""
    a, b = s.start, s.end
    entry = Entry(team=s.team, car=s.car, number=s.number, keys=set(s.keys))
    entry.update(crew_entry(sent, crew))
    cls: str | None = None
    if s.kind is None:
        cls = s.class_key or _class_near(sent, a, b)
        if cls is None and s.in_class:
            cls = art.class_at(sent, a)
        if cls is None and not s.overall:
            cls = _clause_class(art, sent, a, b)
        if cls is None and not s.overall:
            cls = _paragraph_class(art, results, sent, a)
        if cls is None and s.in_class:
            cls = art.only_class_before(a)
    race = _stated_event(art, sent, a) or art.race_for(sent, a)
    return _Result(
        sent=sent,
        pos=a,
        event=race,
        round=art.race_round.get(race) if race else art.round_at(a),
        position=s.position,
        classification=cls or "overall",
        drivers=crew,
        team=entry.team,
        car=entry.car,
        kind=s.kind,
        named=list(crew),
        number=entry.number,
        keys=entry.keys,
        parsed=True,
    )


def _ahead_of(art: Article, sent: Sentence, b: int, r: _Result, results: list[_Result]) -> None:
    """ "X took the class win, ahead of the Y of A and B": the next position, same class."""
    m = _AHEAD_OF.match(sent.text[sent.rel(b) :])
    if m is None:
        return
    crew = _of_crew(sent, b + m.end() - 1)
    bare = sent.after(b + m.end(), D)
    if not crew and bare and bare[0].start == b + m.end():  # "ahead of A and B (Team X)"
        crew = [x.entity for x in group_after(sent, bare[0].start, [D])]
    if not crew or set(crew) & set(r.drivers):
        return
    entry = crew_entry(sent, crew)
    results.append(
        _Result(
            sent=sent,
            pos=b + m.end(),
            event=r.event,
            round=r.round,
            position=r.position + 1,
            classification=r.classification,
            drivers=crew,
            team=entry.team,
            car=entry.car,
            number=entry.number,
            keys=entry.keys,
            named=list(crew),
        )
    )
    art.crews.append((b + m.end(), tuple(crew)))


def _rivals(art: Article, sent: Sentence, results: list[_Result]) -> None:
    """Crews the parse places next to a placed crew (see :func:`syntax_rivals`): "ahead of
    the sister car shared by A and B" gives A and B the next place, "one place behind the
    entry of A and B" (or "second behind ...") the place before. The placed crew's result is
    in this sentence, or in the sentence before when this one states no finish ("The pair
    crossed the line ahead of ...", "Baumann ... beat A and B"), where a result stated without
    a crew ("Ferrari scored a one-two") takes the crew of this sentence."""
    for rv in syntax_rivals(art, sent):
        rival = list(dict.fromkeys(m.entity for m in rv.rival))
        if any(r.sent is sent and r.kind is None and set(r.drivers) & set(rival) for r in results):
            continue
        target = _rival_target(sent, rv, results)
        if target is None:
            continue
        if not target.drivers:
            crew = list(dict.fromkeys(m.entity for m in rv.crew))
            target.drivers.extend(crew)
            target.named.extend(crew)
            art.crews.append((rv.start, tuple(crew)))
        if rv.step < 0 and not (rv.adjacent or target.position == 2):
            continue  # "behind X" alone does not say X was one place ahead
        position = target.position + rv.step
        if position < 1:
            continue
        entry = Entry(team=rv.team, car=rv.car, number=rv.number, keys=set(rv.keys))
        entry.update(crew_entry(sent, rival))
        open_slot = next(
            (
                r
                for r in results
                if r.kind is None
                and not r.drivers
                and r.sent is target.sent
                and r.position == position
                and r.classification == target.classification
            ),
            None,
        )
        if open_slot is not None:  # "a one-two": the second place waits for its crew
            open_slot.drivers.extend(rival)
            open_slot.named.extend(rival)
            open_slot.team = open_slot.team or entry.team
            open_slot.car = open_slot.car or entry.car
            open_slot.number = entry.number if open_slot.number is None else open_slot.number
            open_slot.keys |= entry.keys
            art.crews.append((rv.start, tuple(rival)))
            continue
        results.append(
            _Result(
                sent=sent,
                pos=rv.start,
                event=target.event,
                round=target.round,
                position=position,
                classification=target.classification,
                drivers=rival,
                team=entry.team,
                car=entry.car,
                number=entry.number,
                keys=entry.keys,
                named=list(rival),
                parsed=True,
            )
        )
        art.crews.append((rv.start, tuple(rival)))


def _rival_target(sent: Sentence, rv: SyntaxRival, results: list[_Result]) -> _Result | None:
    """The result of the crew a rival phrase is measured from."""
    crew = {m.entity for m in rv.crew}
    here = [r for r in results if r.sent is sent and r.kind is None]
    mine = sorted(
        (r for r in here if set(r.drivers) & crew), key=lambda r: (r.pos > rv.start, -r.pos)
    )  # the crew's result stated before the rival word, else after it ("beat B to the win")
    if mine:
        return mine[0]
    if here:
        return None
    before = [
        r
        for r in results
        if r.kind is None and r.sent.index == sent.index - 1 and r.sent.start < sent.start
    ]
    if rv.pronoun:
        return before[-1] if len({tuple(r.drivers) for r in before}) == 1 else None
    named = [r for r in before if set(r.drivers) & crew]
    if named:
        return named[-1]
    open_ = sorted((r for r in before if not r.drivers), key=lambda r: r.position)
    return open_[0] if open_ else None


_AHEAD_CUE = re.compile(r"\b(?:ahead of|clear of)\s+(?:the\s+)?#", re.I)
_PAIR_SUBJECT = re.compile(r"^\s*(?:the\s+(?:pair|duo|trio|crew)|they)\b", re.I)


def _subject_ahead(art: Article, sent: Sentence, results: list[_Result]) -> None:
    """A sentence with no result cue whose subject crew "crossed the line / brought the #88
    X home ahead of the #32 Y of A and B": the named crew is next behind the subject crew,
    whose result is known ("The pair ...") or is the driverless win of the sentence before
    ("Team X claimed victory ... A, B and C, who had started fifth, brought the #88 home")."""
    m = _AHEAD_CUE.search(sent.text)
    if m is None:
        return
    cue = sent.abs(m.start())
    drivers = sent.of(D)
    crew: list[str] = []
    end = sent.start
    if (
        drivers
        and drivers[0].start < cue
        and re.fullmatch(r"\s*", sent.gap(sent.start, drivers[0].start))
    ):
        group = [g for g in group_after(sent, drivers[0].start, [D]) if g.end <= cue]
        crew = [g.entity for g in group]
        end = group[-1].end if group else end
    elif _PAIR_SUBJECT.match(sent.text):
        prev = [c for p, c in art.crews if p < sent.start]
        crew = list(prev[-1]) if prev else []
    if not crew:
        return
    target = None
    for r in reversed(results):
        if r.kind is None and set(r.drivers) == set(crew):
            target = r
            break
        if (
            r.kind is None
            and not r.drivers
            and r.sent.paragraph == sent.paragraph
            and r.sent.index == sent.index - 1
        ):
            target = r
            break
    if target is None:
        return
    if not target.drivers:
        who = _WHO.match(sent.text[sent.rel(end) :])
        entry = entry_after(sent, end + (who.end() if who else 0)) or Entry()
        target.drivers.extend(crew)
        target.named.extend(crew)
        target.car = target.car or entry.car
        target.number = target.number if target.number is not None else entry.number
        target.keys |= entry.keys
        art.crews.append((sent.start, tuple(crew)))
    _ahead_of(art, sent, cue, target, results)


def _respectively(art: Article, sent: Sentence, results: list[_Result]) -> list[tuple[int, int]]:
    """ "The X of A and B and the Y of C and D finished second and third in class
    respectively": one crew per position, in order. Returns the spans it consumed."""
    if "respectively" not in sent.lower:
        return []
    taken: list[tuple[int, int]] = []
    for m in _RESPECTIVELY.finditer(sent.text):
        a, b = sent.abs(m.start()), sent.abs(m.end())
        words = re.findall(rf"{_ORD}", m.group("ords"), re.I)
        positions = [ordinal(w) for w in words]
        start = _clause_start(sent, a)
        groups: list[list[LinkedMention]] = []
        edge = a
        while len(groups) < len(positions):
            g = group_before(sent, edge, [D])
            if not g or g[0].start < start:
                break
            groups.insert(0, g)
            edge = g[0].start
        if len(groups) != len(positions):
            continue
        ctx = (m.group("ctx") or "").lower()
        cls = art.class_at(sent, a) if "class" in ctx else None
        race = _stated_event(art, sent, a) or art.race_for(sent, a)
        for g, position in zip(groups, positions, strict=True):
            if position is None:
                continue
            crew = [x.entity for x in g]
            entry = crew_entry(sent, crew)
            results.append(
                _Result(
                    sent=sent,
                    pos=g[0].start,
                    event=race,
                    round=art.race_round.get(race) if race else art.round_at(a),
                    position=position,
                    classification=cls or "overall",
                    drivers=crew,
                    team=entry.team,
                    car=entry.car,
                    number=entry.number,
                    keys=entry.keys,
                    named=list(crew),
                )
            )
            art.crews.append((g[0].start, tuple(crew)))
        taken.append((a, b))
    return taken


def _entry_subject_crew(art: Article, sent: Sentence, a: int, results: list[_Result]) -> list[str]:
    """ "..., but the Ferrari faded to ninth": the crew of the entry named earlier."""
    start = _clause_start(sent, a)
    subj = [m for m in sent.of(*ENTRY_TYPES, D) if start <= m.start and m.end <= a]
    if not subj or subj[0].type is D or not re.search(r"\bthe\s+$", sent.gap(start, subj[0].start)):
        return []
    key, name = subj[0].entity, subj[0].text.lower()
    for r in reversed(results):
        if r.drivers and (key in r.keys or any(k.startswith(key + "-") for k in r.keys)):
            return list(r.drivers)
        if r.drivers and any(art.name(k).lower().startswith(name) for k in r.keys):
            return list(r.drivers)  # "the Ferrari": the crew of the Ferrari 296 GT3
    return []


_NAMED_RACE = re.compile(r"^(?:the\s+)?(?:\d{4}\s+)?(?:\d+\s+Hours|[A-Z][\w'’-]+\s+\d+\s+Hours)\b")


def _named_race(art: Article, key: str | None) -> bool:
    """A race with a name of its own ("the 3 Hours of Hockenheim"), not a session of a
    meeting ("the Saturday race"): a crew shares the car at the race itself."""
    ent = art.entity(key) if key else None
    return ent is not None and any(_NAMED_RACE.match(m) for m in ent.mentions)


def _crew_event(art: Article, race: str) -> str:
    """The event a crew shares its car at: a race with a name of its own, else the meeting
    the race is part of ("Race 1" of the Oulton Park round: the crew is the round's, for both
    races), else the race."""
    if _named_race(art, race):
        return race
    info = art.ctx.events.get(race)
    parent = info.parent if info is not None else None
    if rnd := art.race_round.get(race):
        return rnd
    if parent is not None and art.kind(parent) is EventKind.ROUND:
        return parent
    return race


def _clause_start(sent: Sentence, a: int) -> int:
    """Where the clause holding absolute offset ``a`` starts."""
    start = sent.start
    for m in _CLAUSE_START.finditer(sent.text[: sent.rel(a)]):
        start = sent.abs(m.end())
    return start


def _subject_team(sent: Sentence, a: int, b: int) -> str | None:
    """The team a result cue is about: the team subject of the clause ("AF Corse finished
    second", "..., while United Autosports completed the podium") with no driver between it
    and the cue, or the agent after a passive cue ("won by Manthey EMA", "went to Wright")."""
    start = _clause_start(sent, a)
    near = [
        m
        for m in sent.mentions
        if start <= m.start and m.end <= a and m.type in (D, EntityType.TEAM)
    ]
    if near and all(m.type is EntityType.TEAM for m in near):  # the team is the subject
        if re.match(r"\s+(?:pair|duo|trio|crew|drivers)\b", sent.text[sent.rel(near[-1].end) :]):
            return None  # "the Team Kunimitsu pair had to settle for second": a crew
        return near[-1].entity
    after = sent.after(b, EntityType.TEAM)
    if after and re.fullmatch(r"\s*(?:by|to)\s+(?:the\s+)?", sent.gap(b, after[0].start)):
        return after[0].entity
    went = [t for t in sent.of(EntityType.TEAM) if t.start == a]
    return went[0].entity if went else None


def _team_with_crew(art: Article, sent: Sentence, a: int, b: int) -> str | None:
    """The unresolved name opening a result clause whose crew follows "with"/"by" ("Iron Lynx
    completed the podium with A and B", "Team X took second with A, B and C"): the team."""
    start = _clause_start(sent, a)
    near = [m for m in sent.mentions if start <= m.start and m.end <= a]
    if len(near) != 1 or near[0].type is not D:
        return None
    head = near[0]
    ent = art.entity(head.entity)
    if ent is None or ent.reference is not None or sent.gap(start, head.start).strip():
        return None
    if head.rule.startswith("descriptor-"):
        return None  # "The 46-year-old finished sixth ..., sharing the car with A": a person
    if not re.fullmatch(r"\s+(?:[a-z]+\s+){0,3}(?:the\s+)?", sent.gap(head.end, a)):
        return None
    crew = _with_crew(art, sent, b)
    if not crew or head.entity in crew:
        return None
    return art.mint(f"{head.entity}-team", EntityType.TEAM, ent.name, mention=head.text)


def _slash_crew(sent: Sentence, b: int) -> list[str]:
    """A slash-separated crew after the cue that takes a numbered car ("... as A/B/C brought
    the #31 Cadillac V-Series.R home"): the crew of that car."""
    for m in sent.after(b, D):
        group = [m]
        for n in sent.after(m.end, D):
            if sent.gap(group[-1].end, n.start) != "/":
                break
            group.append(n)
        if len(group) > 1 and re.match(
            r"\s+(?:[a-z]+\s+){1,2}(?:the|their|its)\s+#\s?\d", sent.text[sent.rel(group[-1].end) :]
        ):
            return [g.entity for g in group]
    return []


_AS_CLAUSE = re.compile(r",\s*as\s+$")
_TAKES_CAR = re.compile(r"\s+(?:[a-z]+\s+){1,2}(?:the|their|its)\s+(?:#\s?\d|[A-Z])")


def _as_crew(sent: Sentence, b: int) -> list[str]:
    """The crew of a team's win told by an "as" clause that takes the car ("X won the race,
    as A and B brought the #63 Y home"): the drivers of that clause."""
    for m in sent.after(b, D):
        gap = sent.gap(b, m.start)
        if re.search(r";|\.\s", gap):
            return []
        if not _AS_CLAUSE.search(gap):
            continue
        group = group_after(sent, m.start, [D])
        if _TAKES_CAR.match(sent.text[sent.rel(group[-1].end) :]):
            return list(dict.fromkeys(g.entity for g in group))
        return []
    return []


def _with_crew(art: Article, sent: Sentence, b: int) -> list[str]:
    """The drivers named after a result cue by "with" / "by" in the same clause."""
    after = sent.after(b, D)
    if not after or not _WITH_CREW.match(sent.gap(b, after[0].start)):
        return []
    if any(b <= t.start < after[0].start for t in sent.of(EntityType.TEAM)) and not re.search(
        r"\b(?:with|by)\s+(?:[\w-]+\s+){0,2}$", sent.gap(b, after[0].start)
    ):
        return []
    margin = _MARGIN_WITH.search(sent.gap(b, after[0].start))  # "won by a lap with A"
    if not margin and not with_crew_credits(art, sent, after[0]):
        return []  # "after a battle with A", "with A fourth"
    return [m.entity for m in group_after(sent, after[0].start, [D])]


def _clause_class(art: Article, sent: Sentence, a: int, b: int) -> str | None:
    """The class a result is classified in, from its clause: "In LMGT3, X took the win",
    "The GTD class went to X", "won by X in the LMGT3 class", "completed the class podium"."""
    start = _clause_start(sent, a)
    for m in sent.of(EntityType.CLASS):
        if m.start < start:
            continue
        lead = sent.gap(start, m.start)
        if m.end <= a and (_IN_CLASS_LEAD.match(lead.strip() + " ") or _IN_CLASS_LEAD.match(lead)):
            return m.entity
        if m.end <= a and not sent.gap(m.end, a).strip():
            return m.entity  # "took the LMP2 pole": the class the place is in
        if m.end <= a and re.match(
            r"^\s*(?:class\s+)?(?:(?:honou?rs|win|victory|spoils|pole)\s+)?"
            r"(?:(?:went|goes|fell)\s+to|(?:was|were|is)\s+(?:won|claimed|taken)(?!\s+over))\b",
            sent.gap(m.end, a + 12),
        ):
            return m.entity
        if m.start >= b and re.fullmatch(r"[^,;]{0,40}?\bin\s+(?:the\s+)?", sent.gap(b, m.start)):
            return m.entity
    if _CLASS_RESULT.search(sent.gap(a, b + 15)) or re.search(r"\bclass\s+$", sent.tail(a, 10)):
        return art.class_at(sent, a)
    return None


def _stated_event(art: Article, sent: Sentence, a: int) -> str | None:
    """A named meeting the result clause itself reports ("The season opener at Barcelona had
    been won by ..."), if it is not a timed session."""
    if any(sent.start <= p < sent.end for p, _ in art.race_marks):
        return None  # the sentence names its race session
    start = _clause_start(sent, a)
    for e in sent.of(EntityType.EVENT):
        if (
            start <= e.start
            and e.end <= a
            and art.kind(e.entity) not in (EventKind.TEST, EventKind.ENTRY_LIST)
        ):
            if re.search(r"\b(?:qualifying|practice|session|test)\b", e.text, re.I):
                continue
            if e.entity in art.race_round.values():
                continue  # a meeting whose races are reported: the result is a race's
            return e.entity
    return None


def _shared_crew(art: Article, sent: Sentence, results: list[_Result]) -> None:
    """A crew sentence after a team result: "X shared the winning car with Y and Z", "A, B
    and C shared the #7 Porsche 963". The crew completes the driverless result it follows
    (a winning car is the winner's even without one)."""
    m = _SHARED.search(sent.text)
    if m is None:
        return
    cue = sent.abs(m.start())
    before = group_before(sent, cue, [D])
    if not before or not re.fullmatch(
        r"[^,;]{0,40}|\s*,\s*(?:[^,;]{3,60},\s*)?", sent.gap(before[-1].end, cue)
    ):
        return  # the crew is the subject right before "shared" (after an apposition)
    crew = [d.entity for d in before] + [
        d for d in _with_crew(art, sent, sent.abs(m.end())) if d not in {x.entity for x in before}
    ]
    placed = ordinal(m.group("placed")) if m.group("placed") else None
    winning = bool(m.group("win")) or placed is not None
    place = placed or 1
    target = None
    for r in reversed(results):
        if r.kind is not None or (r.sent.paragraph != sent.paragraph and placed is None):
            continue
        if winning and r.position == place and not r.drivers:
            target = r
            break
        if not winning and not r.drivers and r.sent.index == sent.index - 1:
            target = r
            break
        if not winning and r.drivers[:1] == crew[:1] and r.sent.index >= sent.index - 2:
            target = r  # "A took the flag. The Italian shared the car with B and C"
            break
    if target is None and winning:
        named = [t.entity for t in sent.of(EntityType.TEAM) if t.start >= sent.abs(m.end())]
        team = named[0] if placed and named else art.last_team(sent, cue)
        race = art.race_for(sent, cue)
        if _earlier_year(art, sent, race):
            return  # "Toyota last won the race in 2019, when A shared the winning car ..."
        cls = art.class_at(sent, cue)
        target = _Result(
            sent=sent,
            pos=cue,
            event=race,
            round=art.race_round.get(race) if race else art.round_at(cue),
            position=place,
            classification=cls or "overall",
            team=team,
        )
        results.append(target)
    if target is None:
        return
    target.take_crew(crew)
    art.crews.append((cue, tuple(target.drivers)))


_TOLD_CREW = re.compile(
    r"\bshar(?:ed|es|ing)\s+(?:the|a|an|its|his|her|their)\b|\bteam-?mates?\b", re.I
)


def _crew_told_next(art: Article, sent: Sentence, results: list[_Result]) -> None:
    """ "Second went to Winward Racing's #16 Mercedes. Its Bronze driver, A, drove seven
    hours, and his team-mates B, C and D did the rest"; "X's #48 won by 38 seconds. A took
    the last stint for the French team, having shared the car with B and C": the sentence
    after an entry's crewless result names its crew, when it talks of sharing the car and
    names no other entry."""
    prev = [
        r
        for r in results
        if r.kind is None and r.sent.paragraph == sent.paragraph and r.sent.index == sent.index - 1
    ]
    classes = [r.classification for r in prev]
    if (
        not prev
        or any(r.drivers for r in prev)
        or len({(r.team, r.number) for r in prev}) != 1
        or (prev[0].team is None and prev[0].number is None)
        or len(set(classes)) != len(classes)  # one car: a place per classification
        or not _TOLD_CREW.search(sent.text)
    ):
        return
    team, number = prev[0].team, prev[0].number
    numbers = {m.group(1) for m in RACE_NUMBER.finditer(sent.text)}
    if numbers - {str(number)} or {t.entity for t in sent.of(EntityType.TEAM)} - {team}:
        return
    cut = re.search(r";|,\s*(?:while|whereas|but)\b", sent.text)
    end = sent.abs(cut.start()) if cut else sent.end
    crew = list(
        dict.fromkeys(m.entity for m in sent.of(D) if m.end <= end and not art.quoted(m.start))
    )
    if len(crew) < 2:
        return
    for r in prev:
        r.take_crew(crew)
    art.crews.append((sent.start, tuple(crew)))


def _earlier_year(art: Article, sent: Sentence, race: str | None) -> bool:
    """The sentence dates what it tells to a year before the race's: a past edition."""
    date = art.race_dates.get(race or "")
    year = date.year if date else art.published.year
    return any(int(y) < year for y in re.findall(r"\b(?:19|20)\d\d\b", sent.text))


# "the 2023 Nürburgring 24 Hours": a proper-named event behind "the" (+ a year)
_NAMED_THE = re.compile(r"the\s+(?:(?:19|20)\d\d\s+)?[A-Z0-9]")
_YEAR = r"(?:19|20)\d\d"
# "won the [2023] <championship> [<class>] title [in 2023]": a season's title, not a race
_TITLE_VERB = re.compile(
    rf"\b(?P<verb>won|clinched|claimed|took|secured|sealed)\s+the\s+(?:(?P<year>{_YEAR})\s+)?$"
)
_TITLE_NOUN = re.compile(
    rf"^\s+(?:drivers['’]?\s+)?(?:title|crown|championship)\b(?:\s+in\s+(?P<year>{_YEAR})\b)?"
)
# "the runner-up in the [2024] <championship> [in 2024]": a season's standings
_STANDING_IN = re.compile(rf"^\s+in\s+the\s+(?:{_YEAR}\s+)?$")
_PAST_STANDING = re.compile(rf"^\s+in\s+(?:the\s+)?[^,;.]{{0,60}}?\b(?P<year>{_YEAR})\b")
_WON_PRONOUN = re.compile(r"\s+(?:us|me|them|him|her|it|this|that)\b", re.I)
"""A speaker's "his first stint won us this": talk about the win, not a result of its own."""
_NOT_STANDING = re.compile(r"^\s+(?:race|round|opener|finale|event|sprint)\b", re.I)


@dataclass(slots=True)
class _Title:
    """A championship title (or standings place) a cue names: its series, class and season."""

    champ: LinkedMention
    cls: str | None
    season: int | None
    start: int  # where the title phrase starts (the verb)


def _title_of(sent: Sentence, c: LinkedMention) -> _Title | None:
    """ "won the GT4 America Pro-Am title in 2024", "took the 2019 DTM crown": the title
    phrase around championship mention ``c`` (a class or the rest of a longer series name may
    stand between the series and "title")."""
    verb = _TITLE_VERB.search(sent.text[: sent.rel(c.start)])
    if verb is None:
        return None
    end = c.end
    cls: str | None = None
    for _ in range(2):  # "<series> Pro-Am title", "<series> Europe title"
        nxt = [k for k in sent.after(end, EntityType.CLASS) if k.start - end <= 1]
        word = re.match(r"\s+[A-Z][\w-]*(?=\s)", sent.text[sent.rel(end) :])
        if nxt:
            cls, end = nxt[0].entity, nxt[0].end
        elif word and not _TITLE_NOUN.match(sent.text[sent.rel(end) :]):
            end += word.end()
        else:
            break
    noun = _TITLE_NOUN.match(sent.text[sent.rel(end) :])
    if noun is None:
        return None
    year = verb.group("year") or noun.group("year")
    return _Title(c, cls, int(year) if year else None, sent.abs(verb.start()))


def _title_cue(art: Article, sent: Sentence, a: int, b: int) -> bool:
    """A place cue that names a championship's title or standings rather than a race: "who
    won the X title in 2022", "the runner-up in the Y in 2024" (career asides of a report)."""
    cue = sent.text[sent.rel(a) : sent.rel(b)].lower()
    rest = sent.text[sent.rel(b) :]
    past = _PAST_STANDING.match(rest)
    if cue.startswith("runner") and past and int(past.group("year")) < art.published.year:
        return True
    overall = re.match(r"^\s+overall\b", rest)
    standing = _PAST_STANDING.match(rest[overall.end() :] if overall else rest)
    if (
        (overall or cue.endswith("overall"))
        and standing
        and int(standing.group("year")) < art.published.year
        and not sent.of(EntityType.EVENT)
    ):
        return True  # "had finished second overall in 2024": a season's standing
    for c in sent.after(b, EntityType.CHAMPIONSHIP)[:1]:
        if cue.startswith("runner") and _STANDING_IN.fullmatch(sent.gap(b, c.start)):
            return not _NOT_STANDING.match(sent.text[sent.rel(c.end) :])
        title = _title_of(sent, c)
        if title is not None and title.start <= a:
            return True
    return False


def _title_won(art: Article, sent: Sentence) -> None:
    """A driver "won the 2023 <championship> title [with <team>]" or "won the <championship>
    <class> title in 2024": won(s, o=championship, season, class), with competesIn and
    memberOf of that season."""
    for c in sent.of(EntityType.CHAMPIONSHIP):
        title = _title_of(sent, c)
        if title is None or title.season is None:
            continue
        season = title.season
        a = title.start
        group = group_before(sent, a, [D])
        crew = [x.entity for x in group] if group else []
        subject = sent.before(a, EntityType.TEAM)
        team_won = bool(subject) and re.fullmatch(r"\s*", sent.gap(subject[-1].end, a)) is not None
        if not crew and not team_won:  # a team's title is no driver's (see titles.py)
            ante = art.antecedent(sent, a)
            crew = [ante] if ante else []
        teams = [
            t
            for t in sent.after(c.end, EntityType.TEAM)
            if re.fullmatch(
                r"\s+(?:drivers['’]?\s+)?(?:title|crown|championship)\s+(?:with|for)\s+",
                sent.gap(c.end, t.start),
            )
        ]
        for d in crew:
            art.emit(
                "won",
                sent,
                "won.title",
                0.8,
                s=d,
                o=c.entity,
                season=season,
                **{"class": title.cls},
            )
            art.emit(
                "competesIn",
                sent,
                "competesIn.title-won",
                0.75,
                s=d,
                o=c.entity,
                season=season,
                status="confirmed",
                modality="raced",
                asOf=art.published,
                **{"class": title.cls},
            )
            if teams:
                art.emit(
                    "memberOf",
                    sent,
                    "memberOf.title-won",
                    0.75,
                    s=d,
                    o=teams[0].entity,
                    championship=c.entity,
                    season=season,
                )
        if title.cls is not None and (crew or team_won):
            art.emit("classOf", sent, "classOf.title", 0.7, s=title.cls, o=c.entity, season=season)


_AT_PLACE = re.compile(r"\s+(?:at|in)\s+(?:the\s+)?$")
_CAME_AT = re.compile(r"\s+(?:came|arrived)\s+(?:at|in)\s+(?:the\s+)?$")
_IN_YEAR = re.compile(rf"^\s+in\s+(?P<year>{_YEAR})\b")
_RECENTLY = re.compile(
    r"^\s+(?:last\s+(?:month|weekend|week)|earlier\s+this\s+(?:year|season|month)"
    r"|(?:two|three|four|five|six|a\s+few)\s+(?:weeks|months)\s+ago"
    r"|in\s+(?P<month>January|February|March|April|May|June|July|August|September|October"
    r"|November|December))\b"
)
"""When a win this season came, after its place: "won at Spa last month", "This season she
won at Sebring in March" (a bare month only in a sentence that says "this season")."""


_MONTH = "(?P<mon>" + "|".join(m.title() for m in MONTHS) + ")"
_ON_DAY = re.compile(
    rf"^\s+on\s+(?:(?P<d1>\d{{1,2}})\s+{_MONTH}|(?P<m2>[A-Z][a-z]+)\s+(?P<d2>\d{{1,2}}))\b"
)
"""A day of this season after a win's place: "won at Monza on 1 June"."""
_ROUND_AFTER = re.compile(
    r"^,\s+(?:the\s+(?P<ord>\w+)\s+round|round\s+(?P<n>\w+))\b(?!\s+of\s+(?:the\s+)?\d{4})"
)
_AGAIN_AT = re.compile(r"^,?\s+and\s+(?:again\s+)?at\s+(?:the\s+)?$")


def _told_crew(art: Article, sent: Sentence, a: int) -> list[str]:
    """Who a win told at ``a`` is of: the drivers named right before it, else the one the
    text is about ("He also won at Sugo in 2023")."""
    group = group_before(sent, a, [D])
    if group:
        return [m.entity for m in group]
    ante = art.antecedent(sent, a)
    return [ante] if ante else []


def _day_this_season(art: Article, tail: str) -> tuple[_dt.date, int] | None:
    """The date "on 1 June" gives (in the published year, before publication) and the
    length of the phrase."""
    m = _ON_DAY.match(tail)
    if m is None:
        return None
    month = (m.group("mon") or m.group("m2") or "").lower()
    if month not in MONTHS:
        return None
    day = int(m.group("d1") or m.group("d2"))
    try:
        date = _dt.date(art.published.year, MONTHS.index(month) + 1, day)
    except ValueError:
        return None
    return (date, m.end()) if date < art.published else None


def _dated_wins(art: Article, sent: Sentence, a: int, b: int) -> bool:
    """ "The team won at Monza on 1 June, the second round, and again at the Nürburgring on
    31 August, round four": each place and day is a round of the season's championship that
    the crew won."""
    if sent.text[sent.rel(a) : sent.rel(b)].lower() != "won":
        return False
    pos = b
    wins: list[tuple[LinkedMention, _dt.date, int | None, int]] = []
    for v in sent.after(b, EntityType.VENUE):
        gap = sent.gap(pos, v.start)
        if not (_AT_PLACE.fullmatch(gap) if not wins else _AGAIN_AT.fullmatch(gap)):
            break
        tail = sent.text[sent.rel(v.end) :]
        day = _day_this_season(art, tail)
        if day is None:
            break
        date, length = day
        rm = _ROUND_AFTER.match(tail[length:])
        rnd = None
        if rm is not None:
            rnd = ordinal(rm.group("ord")) if rm.group("ord") else number(rm.group("n") or "")
            length += rm.end()
        wins.append((v, date, rnd, length))
        pos = v.end + length
    if not wins:
        return False
    champ = art.dominant_championship()
    crew = _told_crew(art, sent, a)
    if champ is None or not crew:
        return False
    for v, date, rnd, length in wins:
        mention = sent.text[sent.rel(v.start) : sent.rel(v.end) + length]
        key = art.venue_event(
            sent,
            "dated-win",
            champ,
            date.year,
            v.entity,
            mention=mention,
            kind=EventKind.EVENT,
            round=rnd,
            date=date,
        )
        for d in crew:
            art.emit("won", sent, "won.dated", 0.75, s=d, o=key)
    return True


def _series_at(art: Article, venue: str) -> str | None:
    """The championship of the article's reported round held at ``venue``."""
    for key, champ in art.event_championships.items():
        if art.held_at(key, venue):
            return champ
    return None


def _past_venue_win(art: Article, sent: Sentence, a: int, b: int) -> bool:
    """ "A also won at Sugo in 2023": a past edition of the series' race at that place (not
    the reported race): won, with the edition's series, season, place and year."""
    word = sent.text[sent.rel(a) : sent.rel(b)].lower()
    if word == "won":
        place = _AT_PLACE
    elif word in {"victory", "win"}:  # "his only Supercup victory came at Monza in 2017"
        place = _CAME_AT
    else:
        return False
    venues = [v for v in sent.after(b, EntityType.VENUE) if place.fullmatch(sent.gap(b, v.start))]
    if not venues:
        return False
    v = venues[0]
    tail = sent.text[sent.rel(v.end) :]
    year = _IN_YEAR.match(tail) or _RECENTLY.match(tail)
    if year is None:
        return False
    if year.re is _IN_YEAR:
        season = int(year.group("year"))
        if season >= art.published.year:
            return False
    else:
        season = art.published.year
        if year.group("month") and not re.search(r"\bthis\s+(?:season|year)\b", sent.lower):
            return False
        if any(art.held_at(k, v.entity) for _, k in art.race_marks):
            return False  # the reported race's place: not a win of its own
    named = [c for c in sent.before(a, EntityType.CHAMPIONSHIP) if not sent.gap(c.end, a).strip()]
    champ = (
        (named[-1].entity if named else None)
        or _series_at(art, v.entity)
        or art.dominant_championship()
    )
    crew = _told_crew(art, sent, a)
    crew += [d for d in _won_with(sent, v.end + year.end()) if d not in crew]
    if champ is None or not crew:
        return False
    start = sent.rel(b) if place is _AT_PLACE else sent.rel(v.start)
    mention = sent.text[start : sent.rel(v.end) + year.end()].strip()
    key = art.venue_event(
        sent,
        "past-win",
        champ,
        season,
        v.entity,
        mention=mention,
        kind=EventKind.EVENT,
        date=season,
    )
    for d in crew:
        art.emit("won", sent, "won.past-venue", 0.75, s=d, o=key)
    return True


def _won(art: Article, sent: Sentence, a: int, b: int) -> bool:
    """A win of a named event other than the reported races ("his first victory at the Road
    to Le Mans", "the last BMW victory in the Sprint Cup, eight years ago")."""
    events = [
        e
        for e in sent.of(EntityType.EVENT)
        if e.entity not in art.race_dates
        and (
            art.kind(e.entity) is not EventKind.RACE
            or is_named_event(e)
            or _NAMED_THE.match(e.text)
        )
    ]
    target = None
    for e in events:
        if (
            (e.start <= a and b <= e.end)
            or (
                e.start >= b
                and (
                    re.fullmatch(
                        r"\s+(?:[\w-]+\s+){0,5}?(?:at|in)\s+(?:the\s+)?['‘’\"]?",
                        sent.gap(b, e.start),
                    )
                    or (  # "who won the 2023 Nürburgring 24 Hours": the event is the object
                        sent.text[sent.rel(a) : sent.rel(b)].lower() == "won"
                        and re.fullmatch(r"\s+(?:the\s+)?", sent.gap(b, e.start))
                    )
                )
            )
        ):
            target = e.entity
        if target:
            break
    ago = _YEARS_AGO.search(sent.text)
    season = None
    champ = None
    if ago and number(ago.group("n")):
        season = art.published.year - (number(ago.group("n")) or 0)
    if target is None and season is not None:
        champs = [c for c in sent.after(b, EntityType.CHAMPIONSHIP) if c.start - b < 30]
        if not champs:
            return False
        champ = champs[0].entity
        np_start = sent.text.rfind("the ", 0, sent.rel(a))
        mention = sent.text[np_start if np_start >= 0 else sent.rel(a) : sent.rel(champs[0].end)]
        cname = art.name(champ)
        target = art.mint(
            f"{champ}-{season}-win",
            EntityType.EVENT,
            f"{cname} win ({season})",
            mention=mention,
            kind=EventKind.EVENT,
        )
        art.emit("eventOf", sent, "eventOf.past-win", 0.75, s=target, o=champ, season=season)
        art.emit("eventDate", sent, "eventDate.years-ago", 0.75, s=target, o=season)
    elif target is not None and season is not None and target not in art.race_dates:
        # a named past win ("the last BMW victory ..., eight years ago"): date it, place it
        later = [c for c in sent.after(b, EntityType.CHAMPIONSHIP) if c.start - b < 60]
        inside = [c for c in sent.of(EntityType.CHAMPIONSHIP) if a <= c.start < b + 60]
        past_champs = later or inside
        if past_champs:
            champ = past_champs[0].entity
            art.emit("eventOf", sent, "eventOf.past-win", 0.7, s=target, o=champ, season=season)
        art.emit("eventDate", sent, "eventDate.years-ago", 0.7, s=target, o=season)
    if target is None:
        return False
    earlier = _EARLIER.search(sent.text)
    if earlier and season is None:
        n = number(earlier.group("n")) or 3
        unit = {"day": 1, "week": 7, "month": 30}[earlier.group("unit").lower()]
        when = art.published - _dt.timedelta(days=n * unit)
        art.emit("eventDate", sent, "eventDate.relative", 0.6, s=target, o=when.year)
    if any(art.race_round.get(r) == target for _, r in art.race_marks):
        return False  # the reported meeting itself: a raceResult
    if _story_round(art) == target:
        return False  # "they had won the third round of X": the report's own round
    crew = _told_crew(art, sent, a)
    for p in sent.of(D):
        if p.entity not in crew and _PARTNER.search(sent.tail(p.start)):
            crew.append(p.entity)
    crew += [d for d in _won_with(sent, b) if d not in crew]
    cars = [c for c in sent.after(b, EntityType.CAR_MODEL)]
    car = (
        cars[0].entity
        if cars and re.search(r"\bdriv\w+|\bin an?\b", sent.gap(b, cars[0].start))
        else None
    )
    if champ is None:
        champs = sent.of(EntityType.CHAMPIONSHIP)
        champ = champs[0].entity if champs and season is not None else None
    for d in crew:
        art.emit("won", sent, "won.event", 0.8, s=d, o=target, season=season, car=car)
        if champ is not None:
            art.emit(
                "competesIn",
                sent,
                "competesIn.won",
                0.75,
                s=d,
                o=champ,
                season=season,
                status="confirmed",
                modality="raced",
                asOf=art.published,
            )
            if car is not None:
                art.emit(
                    "drives",
                    sent,
                    "drives.won",
                    0.75,
                    s=d,
                    o=car,
                    championship=champ,
                    season=season,
                )
    for i, x in enumerate(crew):
        for y in crew[i + 1 :]:
            art.emit("coDriver", sent, "coDriver.won", 0.75, s=x, o=y, event=target, season=season)
    return True


def _story_round(art: Article) -> str | None:
    """The round a report without a dated race is about: the first round it names, in its
    lede and of the publication year ("Twenty-four hours later they had won the third round
    of the SUPER GT season" dates no race)."""
    if art.race_marks or not art.round_marks or not art.in_lede(art.round_marks[0][0]):
        return None
    key = art.round_marks[0][1]
    return key if art.event_seasons.get(key, art.published.year) == art.published.year else None


def _tests_for(art: Article) -> dict[str, str]:
    """Race -> the test held for it ("the Test Day for the 24 Hours of Le Mans"): places in
    that race's order before it is run are the test's."""
    found: dict[str, str] = {}
    for sent in art.sentences:
        events = sent.of(EntityType.EVENT)
        for t, race in itertools.pairwise(events):
            if art.kind(t.entity) is EventKind.TEST and re.fullmatch(
                r"\s+for\s+", sent.gap(t.end, race.start)
            ):
                found.setdefault(race.entity, t.entity)
    return found


def _won_with(sent: Sentence, b: int) -> list[str]:
    """ "who won the Road America round in August with A and B": the crew after "with" in
    the win's own clause."""
    for p in sent.after(b, D):
        gap = sent.gap(b, p.start)
        if re.search(r"[,;]", gap):
            break
        if re.search(r"\bwith\s+(?:the\s+[\w-]+\s+)?$", gap):
            return [g.entity for g in group_after(sent, p.start, [D])]
    return []


def _partners(
    art: Article, sent: Sentence, out: list[tuple[str, str, str | None, int | None, Sentence]]
) -> None:
    for first in sent.of(*PERSON_TYPES):
        base = max(sent.start, first.start - 80)
        m = _PARTNER.search(sent.gap(base, first.start))
        if not m:
            continue
        cue = base + m.start()
        group = group_after(sent, first.start, PERSON_TYPES)
        if len(group) > 1 and re.fullmatch(r"\s*,\s*", sent.gap(group[-2].end, group[-1].start)):
            group = group[:-1]  # "Partnered with X, Y won": Y is the subject
        for p in group:
            _partner(art, sent, p, cue, out)


def _partner(
    art: Article,
    sent: Sentence,
    p: LinkedMention,
    cue: int,
    out: list[tuple[str, str, str | None, int | None, Sentence]],
) -> None:
    before = sent.before(cue, *PERSON_TYPES)
    if before:
        subj = before[-1].entity
    else:
        after = [d for d in sent.after(p.end, *PERSON_TYPES) if d.entity != p.entity]
        if after and re.match(r"^[^,]*,\s*$", sent.gap(p.end, after[0].start)):
            subj = after[0].entity
        else:
            subj = art.antecedent(sent, cue) or ""
    if not subj or subj == p.entity:
        return
    race = art.race_for(sent, cue)
    para = [
        p
        for p, k in art.race_marks
        if k == race and (s := art.sentence_at(p)) is not None and s.paragraph == sent.paragraph
    ]
    if (
        race is not None
        and not para
        and not any(sent.start <= p < sent.end for p, _ in art.race_marks)
    ):
        race = None  # a race reported in another paragraph is not this crew's
    met: list[str | None] = [*_meetings_at(art, sent, p.end)] if race is None else []
    for ev in met or [race]:
        out.append((subj, p.entity, ev, None, sent))
    if not any(subj in c and p.entity in c for _, c in art.crews):
        art.crews.append((cue, (subj, p.entity)))  # "the pair" after "the car he shares with B"


def _meetings_at(art: Article, sent: Sentence, pos: int) -> list[str]:
    """The meetings held at the places right after ``pos`` ("shared a car with B at Sebring
    and Road Atlanta": one crew at each of the two)."""
    found: list[str] = []
    end = pos
    for v in sent.after(pos, EntityType.VENUE):
        gap = sent.gap(end, v.start)
        if not (_AT_PLACE.fullmatch(gap) if end == pos else VENUE_AND.fullmatch(gap)):
            break
        there = [k for k in sorted(art.held) if v.entity in art.held[k]]
        if len(there) != 1:
            break
        found.append(there[0])
        end = v.end
    return found


def _finish(
    art: Article,
    results: list[_Result],
    partners: list[tuple[str, str, str | None, int | None, Sentence]],
) -> None:
    merged: list[_Result] = []
    for r in results:
        if r.event is None and r.kind is None:
            same = [
                x
                for x in results
                if x.event is not None
                and x.kind is None
                and x.position == r.position
                and x.classification == r.classification
                and (r.round is None or x.round == r.round)
            ]
            events = {x.event for x in same}
            if len(events) == 1:
                r.event = same[0].event
        if r.event is None and r.round is None:  # "they had won the third round of X"
            r.round = next(
                (k for p, k in art.round_marks if r.pos <= p < r.sent.end and p - r.pos <= 45),
                None,
            )
        if r.event is None and r.round is not None and {k for _, k in art.race_marks} <= {r.round}:
            r.event = r.round  # a one-race meeting reported without a race session
        if r.event is None:
            continue
        solo = art.one_driver(art.series_of(r.event))
        if solo:
            r.drivers = r.drivers[:1]  # a team-mate named with him drives another car
        series = art.series_of(art.folded.get(r.event, r.event)) or _series(art, r)
        if r.classification == "overall" and (top := art.top_class(series)):
            r.classification = top  # no overall order: "won the race" is a GT500 win
        twin = next(
            (
                x
                for x in merged
                if x.event == r.event
                and x.position == r.position
                and x.classification == r.classification
                and x.kind == r.kind
            ),
            None,
        )
        if twin is None:
            merged.append(r)
            continue
        if (r.table or twin.table) and twin.drivers and not set(r.drivers) & set(twin.drivers):
            continue  # a table of another (unrecognised) class, not this crew's partners
        if solo and r.drivers and twin.drivers and r.drivers != twin.drivers:
            merged.append(r)  # one driver per car: two claims on one place, both kept
            continue
        if len(r.drivers) > 1 and len(twin.drivers) > 1 and not set(r.drivers) & set(twin.drivers):
            merged.append(r)  # two named crews: not partners of each other
            continue
        if (
            (r.parsed or twin.parsed)
            and r.drivers
            and twin.drivers
            and not set(r.drivers) & set(twin.drivers)
        ):
            continue  # a parsed crew is whole: another crew is not its partner
        twin.absorb(r)
    # crews complete themselves with stated partners at the same meeting
    for r in merged:
        if art.one_driver(art.series_of(r.event)):
            continue
        rnd = art.race_round.get(r.event or "")
        for a, b, race, _, _ in partners:
            prnd = art.race_round.get(race or "")
            if (race == r.event or (prnd is not None and prnd == rnd)) and r.kind is None:
                if a in r.drivers and b not in r.drivers:
                    r.drivers.append(b)
                elif b in r.drivers and a not in r.drivers and r.drivers:
                    r.drivers.append(a)
    tests = _tests_for(art)
    for r in merged:
        if not r.drivers and (r.team is None or r.kind is not None):
            continue
        date = art.race_dates.get(r.event or "")
        crew = tuple(r.drivers)
        # a race still to run has no finishing order: a qualifying report's places
        before_race = r.kind is None and date is not None and date > art.published
        test = tests.get(r.event or "") if r.kind is None and date is None else None
        if test is not None:  # "third fastest" at the Test Day for the race: a test's order
            for d in crew if r.car else ():
                art.emit(
                    "tested", r.sent, "tested.order", 0.7, s=d, o=r.car, event=test, team=r.team
                )
        elif r.kind is None and not before_race:
            art.emit(
                "raceResult",
                r.sent,
                "raceResult.cue",
                0.8,
                event=r.event,
                date=date,
                position=r.position,
                classification=r.classification,
                drivers=crew or None,
                team=r.team,
                car=r.car,
            )
        else:
            art.emit(
                "gridPosition",
                r.sent,
                "gridPosition.before-race" if before_race else "gridPosition.cue",
                0.6 if before_race else 0.8,
                event=r.event,
                position=r.position,
                kind=r.kind or "qualifying",
                drivers=crew,
            )
        rnd = _crew_event(art, r.event) if r.event else None
        season = date.year if date else _split_season(art, rnd) or art.published.year
        champ = _series(art, r)
        if len(crew) > 1 and r.kind is None:  # a crew shares a car, championship or not
            for i, x in enumerate(crew):
                for y in crew[i + 1 :]:
                    art.emit(
                        "coDriver",
                        r.sent,
                        "coDriver.crew",
                        0.75,
                        s=x,
                        o=y,
                        event=rnd,
                        season=season,
                    )
        cls = r.classification if r.classification != "overall" else None
        if r.car is not None:  # "the #32 Team WRT BMW M4 GT3 of A, B and C"
            for d in crew:
                art.emit(
                    "drives",
                    r.sent,
                    "drives.entry",
                    0.75,
                    s=d,
                    o=r.car,
                    number=r.number,
                    team=r.team,
                    championship=champ,
                    season=season,
                    **{"class": cls if r.kind is None else None},
                )
        if champ is None:
            continue
        root = art.root(champ)
        if root not in art.ctx.entities:
            root = champ  # facts only name entities of the article
        if cls is not None and r.kind is None:  # a class result: the class runs in the series
            art.emit("classOf", r.sent, "classOf.result", 0.7, s=cls, o=champ, season=season)
        stated = [
            c.entity
            for c in r.sent.of(EntityType.CHAMPIONSHIP)
            if not is_title_use(r.sent, c) and c.entity != champ
        ]
        for d in crew:
            for ch in [champ, *(dict.fromkeys(stated) if d in r.named else ())]:
                art.emit(
                    "competesIn",
                    r.sent,
                    "competesIn.result",
                    0.75,
                    s=d,
                    o=ch,
                    season=season,
                    **{"class": cls},
                    status="confirmed",
                    modality="raced",
                    asOf=art.published,
                )
            if r.team:
                art.emit(
                    "memberOf",
                    r.sent,
                    "memberOf.result-credit",
                    0.7,
                    s=d,
                    o=r.team,
                    championship=root,
                    season=season,
                )
        if r.team:
            art.emit(
                "competesIn",
                r.sent,
                "competesIn.result",
                0.7,
                s=r.team,
                o=champ,
                season=season,
                **{"class": cls},
                status="confirmed",
                modality="raced",
                asOf=art.published,
            )
    for a, b, race, _, sent in partners:
        rnd = _crew_event(art, race) if race else None
        date = art.race_dates.get(race or "")
        year = date.year if date else (art.season_in(sent) or art.focus_season)
        art.emit("coDriver", sent, "coDriver.partner", 0.75, s=a, o=b, event=rnd, season=year)


_SPLIT_SEASON = re.compile(r"\b(?:19|20)\d\d[-–/]\d\d\b")


def _split_season(art: Article, event: str | None) -> int | None:
    """The season of a winter series' round named with its split season ("the third round of
    the 2025-26 Asian Le Mans Series"): the year its races end."""
    info = art.ctx.events.get(event or "")
    text = art.ctx.article.text
    named = any(
        m.entity == event and _SPLIT_SEASON.search(text[m.start : m.end + 3])
        for m in art.ctx.mentions
    )
    return info.year if info is not None and named else None


def _series(art: Article, r: _Result) -> str | None:
    """The championship of a result's race: the meeting's, else one the sentence names, else
    the one the text is about there."""
    rnd = _crew_event(art, r.event) if r.event else None
    in_sentence = [
        c.entity for c in r.sent.of(EntityType.CHAMPIONSHIP) if not is_title_use(r.sent, c)
    ]
    return (
        art.event_championships.get(rnd or "")
        or art.event_tied.get(rnd or "")
        or (in_sentence[0] if in_sentence else None)
        or art.championship_at(r.sent.start + 1)
    )


def drop_solo_pairs(art: Article) -> None:
    """No co-drivers in a series whose cars have one driver each: pairs read from a sentence
    ("Oberhauser heads Wachtel and Brancaleoni") there are rivals or team-mates."""

    named = {m.entity for m in art.ctx.mentions if m.type is EntityType.CHAMPIONSHIP}
    only = named.pop() if len(named) == 1 else None

    def solo(f: Fact) -> bool:
        event = f.get("event")
        if isinstance(event, str):
            return art.one_driver(art.series_of(event) or only)
        return art.one_driver(only)

    art.facts[:] = [f for f in art.facts if f.relation != "coDriver" or not solo(f)]


# --------------------------------------------------------------------------- car entries
# a crew's entry (race number, team, car) is read by :mod:`.entry_phrases`


# between a result cue and its crew: "were A and B", "was taken by A", "fourth in the hands
# of A and B", "Second place for the #31 crew of A, B and C"
_CREW_AFTER_CUE = re.compile(
    r"\s+(?:were|was|(?:(?:had\s+been|was|were)\s+)?(?:set|taken|claimed|secured)\s+by"
    r"|in\s+the\s+hands\s+of"
    r"|(?:for|to)\s+the\s+(?:#\s?\d{1,3}\s+)?(?:car|entry|crew|machine)\s+of)\s+"
)


def _of_crew(sent: Sentence, b: int) -> list[str]:
    """A crew named after a cue through its entry: "went to the #48 Mercedes-AMG GT3 of A, B
    and C", "Completing the podium were A, B and C"."""
    after = sent.after(b, D)
    if not after:
        return []
    gap = sent.gap(b, after[0].start)
    if re.search(r";|\.\s|,\s*(?:while|but|whereas|although|and)\b", gap) or len(gap) > 100:
        return []
    if _CREW_AFTER_CUE.fullmatch(gap) or (
        any(h.start >= b for h in sent.before(after[0].start, *ENTRY_TYPES))
        and entry_before(sent, after[0].start) is not None
    ):
        return [m.entity for m in group_after(sent, after[0].start, [D])]
    return []


def _entry_completes(art: Article, sent: Sentence, results: list[_Result]) -> None:
    """ "Cool Racing claimed victory ... The #37 Oreca 07 of A, B and C crossed the line ahead
    of ...": a sentence opening on a crew's entry names the crew of the driverless result
    right before it."""
    drivers = sent.of(D)
    if not drivers:
        return
    prev = [
        r
        for r in results
        if r.kind is None
        and not r.drivers
        and r.sent.paragraph == sent.paragraph
        and r.sent.index == sent.index - 1
    ]
    heads = entry_mentions(sent, drivers[0].start, after=False)
    if len(prev) != 1 or not heads:
        return
    links = chain(sent, heads[-1], forward=False)
    if not re.fullmatch(
        r"\s*(?:the\s+)?(?:#\s?\d{1,3}\s+)?", sent.gap(sent.start, links[0].start), re.I
    ):
        return
    entry = entry_before(sent, drivers[0].start)
    if entry is None:
        return
    group = group_after(sent, drivers[0].start, [D])
    target = prev[0]
    target.take_crew(g.entity for g in group)
    target.car = target.car or entry.car
    target.number = target.number if target.number is not None else entry.number
    target.keys |= entry.keys
    art.crews.append((group[0].start, tuple(target.drivers)))
    _ahead_of(art, sent, group[-1].end, target, results)


# a results table: "GT300 results:" then "1. #65 LEON Racing Mercedes-AMG GT3 - A / B"
_ROW = re.compile(r"^\s*(?P<n>\d{1,2})[.)]\s+")
_TABLE_HEADER = re.compile(
    r"\b(?:results?|classification|finishing order|top (?:three|five|six|ten))\b", re.I
)
_NOT_RESULTS = re.compile(r"\b(?:standings|points|entry|entries|line-?ups?|calendar)\b", re.I)
_GRID_HEADER = re.compile(
    r"\b(?P<q>hyperpole|qualifying|pole)\b|\b(?:starting\s+)?(?P<g>grid|starting\s+order)\b", re.I
)
"""A numbered list of a session before the race: "Hyperpole positions in Hypercar:"."""


def _row_number(art: Article, sent: Sentence) -> int | None:
    """The number a table line starts with ("1. ..."; the parser may split "1." off)."""
    m = _ROW.match(sent.text)
    if m is not None:
        return int(m.group("n"))
    prev = art.previous_in_paragraph(sent)
    if prev is not None:
        bare = re.fullmatch(r"\s*(\d{1,2})[.)]\s*", prev.text)
        if bare:
            return int(bare.group(1))
    return None


def _table_row(art: Article, sent: Sentence, results: list[_Result]) -> bool:
    """A numbered line under a results header: the position, its crew and entry."""
    n = _row_number(art, sent)
    drivers = sent.of(D)
    if n is None or not drivers:
        return False
    header = next(
        (
            p
            for p in reversed(art.sentences[: sent.index])
            if _row_number(art, p) is None and not re.fullmatch(r"\s*\d{1,2}[.)]\s*", p.text)
        ),
        None,
    )
    grid = _GRID_HEADER.search(header.text) if header is not None else None
    if (
        header is None
        or not (_TABLE_HEADER.search(header.text) or grid or re.search(r"\border\b", header.text))
        or _NOT_RESULTS.search(header.text)
        or len(header.text) > 80
    ):
        return False
    kind = None
    if grid is not None:
        kind = "pole" if n == 1 else "qualifying" if grid.group("q") else "grid"
    classes = header.of(EntityType.CLASS)
    crew = [d.entity for d in group_after(sent, drivers[0].start, [D])]
    row = entry_mentions(sent, sent.start, after=True)
    teams = [x.entity for x in row if x.type is T]
    cars = [x.entity for x in row if x.type is EntityType.CAR_MODEL]
    num = RACE_NUMBER.search(sent.text)
    race = art.race_at(sent.start)
    if race is None and kind is not None:  # the order of a session before a race to come
        race = next(
            (
                e.entity
                for e in art.mentions_before(header.start, EntityType.EVENT)
                if art.kind(e.entity) not in (EventKind.TEST, EventKind.ENTRY_LIST)
            ),
            None,
        )
    results.append(
        _Result(
            sent=sent,
            pos=sent.start,
            event=race,
            round=art.race_round.get(race) if race else art.round_at(sent.start),
            position=n,
            classification=classes[0].entity if classes else "overall",
            drivers=crew,
            team=teams[0] if teams else None,
            car=cars[-1] if cars else None,
            number=int(num.group(1)) if num else None,
            keys={x.entity for x in row},
            named=list(crew),
            table=True,
            kind=kind,
        )
    )
    art.crews.append((sent.start, tuple(crew)))
    return True
