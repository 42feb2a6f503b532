"""Events: rounds and race sessions (found or minted), eventOf, heldAt, eventDate."""

from __future__ import annotations

import bisect
import dataclasses
import datetime as _dt
import re

from racegraph.extract.context import ALSO_ROUND, NEXT_STOP, LinkedMention, recalled_race
from racegraph.extract.relations._base import (
    PLACE_TYPES,
    VENUE_AND,
    Article,
    Sentence,
    is_named_event,
    is_title_use,
    number,
    ordinal,
    same_clause,
)
from racegraph.extract.time import MONTHS, days_apart, first_season, next_weekday, resolve
from racegraph.records import EntityType, EventKind, Fact, Value
from racegraph.vocab import slugify

E = EntityType.EVENT
C = EntityType.CHAMPIONSHIP
# "round five of the X", "the sixth round of the 2023 X", "the opening round of X"
_ROUND = re.compile(
    r"\b(?:round|rd\.?)\s+(?P<n>\d{1,2}|[a-z]+)\s+of\s+(?:the\s+)?(?:(?:19|20)\d\d(?:[-/]\d\d)?\s+)?",
    re.I,
)
# a day's race with its round in apposition: "Sunday's race, round six of six"
_APPOSED_NUMBER = re.compile(
    r",\s+round\s+(?P<n>\d{1,2}|[a-z]+)\b(?!\s+of\s+(?:the\s+)?[A-Z])", re.I
)
_TEST_WORD = re.compile(r"\btest(?:s|ing)?\b", re.I)
_ROUND_ORD = re.compile(
    r"\b(?P<n>[a-z]+|\d{1,2}(?:st|nd|rd|th))(?:\s+and\s+(?:final|last|deciding))?\s+round\s+of\s+"
    r"(?:the\s+)?(?:(?:19|20)\d\d(?:[-/]\d\d)?\s+)?",
    re.I,
)
# a coming round named by its number and place: "returns to Suzuka for round five",
# "heads to Road America for round six", "round seven at Spa follows in July"
_NEXT_ROUND = re.compile(r"\bround\s+(?P<n>\d{1,2}|[a-z]+)\b(?!\s+of\b)", re.I)
_AT_VENUE = re.compile(r"\s+(?:at|in)\s+(?:the\s+)?[A-Z]")
_TO_PLACE_FOR = re.compile(r"\b(?:to|at|in)\s+(?:the\s+)?$", re.I)
# the article's championship named by a common noun: "the third round of the championship"
_SERIES_WORD = re.compile(r"(?:championship|series|season|campaign)\b", re.I)
_OPENER = re.compile(r"\bseason[- ]open(?:ing|er)\b", re.I)
_FIRST_ROUND = frozenset({"opening", "first", "season-opening"})
# a weekday in a pole / qualifying clause is a session's day, not a race's: "Pole position
# had gone to X on Saturday", "after qualifying second in class on Saturday"
_SESSION_CLAUSE_CUT = re.compile(
    r";|,\s*(?:but|while|whereas|although|as|and)\b|\b(?:after|before|having)\b", re.I
)
_SESSION_WORD = re.compile(  # "lined the #52 up fourth ... on Saturday": the grid's day
    r"\b(?:pole|qualif\w*|practice|warm-?up|shakedown|lin(?:ed|es|ing)\s+(?:\S+\s+){0,5}?up)\b",
    re.I,
)
_RACE_WORD = re.compile(
    r"\b(?:race|won|win|victory|finish\w*|podium|triumph\w*|result|runner-up)\b", re.I
)
_RACE_CONTEXT = re.compile(
    r"\b(?:race|races|victory|win|won|pole|grid|podium|finish\w*|qualifying|result"
    r"|(?<!his\s)(?<!her\s)(?<!its\s)(?<!their\s)place"  # not "take his place"
    r"|started|start|lap|runner-up|triumph\w*|chequered|checkered|flag|P\d{1,2}|honou?rs"
    r"|crossed\s+the\s+(?:finish(?:ing)?\s+)?line"
    r"|(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th))"
    r"\s+on\s+(?:friday|saturday|sunday|monday))\b",  # "was fifth on Saturday"
    re.I,
)
_MONTHS = "(?:" + "|".join(m.title() for m in MONTHS) + ")"
# "had put the car on pole for Sunday's race": the coming day's race in a preview published
# before it, the past day's in a report published after it (the nearer of the two)
_POLE_FOR = r"\b(?:pole|grid|front\s+row|start)\s+(?:\w+\s+){0,2}?(?:for|in)\s+$"
_ON_POLE_FOR = re.compile(_POLE_FOR)
_DAY_NP = re.compile(
    r"(?:\bthe\s+)?(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?P<dated>,?\s+\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTHS + r"\b"
    r"|,?\s+" + _MONTHS + r"\s+\d{1,2}(?:st|nd|rd|th)?\b)?"
    r"(?:(?:['’]s)?(?:\s+[\w-]+){0,2}?\s+(?:race|sprint|feature race|encounter|outing))?"
)
_ANNOUNCED_ON = re.compile(
    r"\b(?:confirmed|announced|revealed|said|told|added|explained|declared|stated)"
    r"\s+(?:[a-z]+\s+){0,2}on\s+$"
)
# "IMSA published the entry list for the Rolex 24 at Daytona on Monday": the list's day
_PUBLISHED = re.compile(
    r"\b(?:published|publishes|revealed|reveals|unveiled|unveils|released|releases|issued"
    r"|issues)\b[^,;:]{0,80}$"
)


def _list_published(art: Article, sent: Sentence, pos: int, date: _dt.date) -> bool:
    """A day said of publishing an entry list dates the list, not the race it is for."""
    lists = [m for m in sent.of(E) if m.end <= pos and art.kind(m.entity) is EventKind.ENTRY_LIST]
    if not lists or not _PUBLISHED.search(sent.gap(sent.start, pos)) or date > art.published:
        return False
    art.emit("eventDate", sent, "eventDate.list-published", 0.75, s=lists[-1].entity, o=date)
    return True


_TOMORROW = re.compile(r"\btomorrow\b", re.I)
# "X will be back in action on Saturday at Y": the day is the coming one, not the last
_FUTURE_CLAUSE = re.compile(
    r"(?:\bwill|['’]ll|\b(?:is|are)\s+(?:set|due|scheduled)\s+to)\b[^,;.]{0,60}?\bon\s+$"
    r"|\bwill\s+(?:start|line\s+up\s+for|contest|race\s+in)\s+$"
    r"|\b(?:starts|begins|finishes|ends|gets\s+under\s+way)\b[^;.]{0,40}?\bon\s+$"
    r"|" + _POLE_FOR + r"|\bahead\s+of\s+$",
    re.I,
)


_VENUE_ROUND = re.compile(
    r"^\s+(?:round|meeting|race weekend|weekend|event|rounds)\b(?:\s+of\s+(?:the\s+)?)?", re.I
)
_HOURS_NAME = re.compile(  # "the 24 Hours of Le Mans", "the Twelve Hours of Sebring"
    r"\b(?:\d+|one|two|three|four|five|six|eight|ten|twelve)\s?-?\s?hours?\b", re.I
)
_RACE_NAME = re.compile(r"\b(?:hours|race|grand prix|gp|\d+\s?(?:km|miles))\b", re.I)
_YEARS_AGO = re.compile(r"\b(?P<n>\w+)\s+years?\s+ago\b", re.I)
_RELATIVE_SEASON = re.compile(
    r"\b(?:next|this|last|previous|coming|current|following)\s+(?:year|season)\b", re.I
)
_TIE_AFTER = re.compile(
    r"^\s*(?:(?:race|round|event|finale)\s+)?(?:of|in)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.I
)
_TIE_BEFORE = re.compile(
    r"^(?:['’]s?)?\s*(?:(?:win|victory|race|round|event)\s+)?(?:at|in)?\s*(?:the\s+)?"
    r"(?:\d{4}\s+)?(?:[\w-]+\s+){0,1}$",
    re.I,
)
# "<race> ... opens both the WeatherTech SportsCar Championship and the Michelin Endurance
# Cup", "<race> opened the 2024 X and the four-race Y": the race is the first round of each
_TIE_OPENS = re.compile(
    r"^(?:\d[:.]\d|[^.;:]){0,60}?\b(?:open(?:s|ed)|will\s+open|kick(?:s|ed)\s+off)\s+"
    r"(?:both\s+)?(?:the\s+)?(?:\d{4}\s+)?"
    r"(?:[^.;:]{0,80}?\s+and\s+(?:its|the)\s+(?:[\w-]+\s+)?)?$",
    re.I,
)
_PLACE_TIE = re.compile(
    r"^\s*(?:(?:race|round|event|finale|test)\s+)?(?:of\s+(?:the\s+)?(?:[\w'’-]+\s+){1,5}?)?"
    r"(?:in|at)\s+(?:the\s+)?(?:[\w-]+\s+){0,4}$"
    r"|^\s*,\s*$",
    re.I,
)
# a calendar statement: the events it names belong to the season the article is about
_SCHEDULE = re.compile(
    r"\b(?:next|heads?|moves (?:on )?to|continues? (?:at|with)|(?:season )?opener|finale"
    r"|starts? with|opens? with|begins? with|kicks? off with|scheduled|expected to contest"
    r"|upcoming|calendar|post-season)\b",
    re.I,
)
# "the pre-season test at X", "the Prologue": an event of the coming season
_PRE_SEASON = re.compile(r"\bpre-?season\b|\bprologue\b", re.I)
# "The season opens with the 4 Hours of X": the first round of the article's championship
_SEASON_OPENS = re.compile(
    r"\b(?:season|campaign|championship|series)\s+(?:will\s+)?(?:opens?|begins?|starts?"
    r"|kicks?\s+off|gets?\s+under\s*way)\s+with\s+(?:the\s+)?$",
    re.I,
)
# "The championship concludes with the 8 Hours of X": the last round of the article's
# championship (its number is not said)
_SEASON_ENDS = re.compile(
    r"\b(?:season|campaign|championship|series)\s+(?:will\s+)?(?:concludes?|ends?|finish(?:es)?"
    r"|closes?|wraps?\s+up)\s+with\s+(?:the\s+)?$",
    re.I,
)
_APPOSED_ROUND = re.compile(r"(?:\s+on\s+\w+)?\s*,\s*(?:the\s+)?", re.I)
_SESSIONS = (
    r"qualifying|practice|warm-?up|testing|test|shakedown|session|shoot-?out|rest\s+day"
    r"|scrutineering"
)
# "after Vaudrey's lap on Friday": one driver's lap on a day is a session's
_SESSION_BEFORE = re.compile(
    rf"(?:\b(?:{_SESSIONS})|['’]s\s+(?:\w+\s+)?lap)\s+(?:on\s+)?(?:the\s+)?$", re.I
)
_SESSION_AFTER = re.compile(
    rf"^(?:['’]s)?\s+(?:(?:top\s+\d+|(?-i:[A-Z][\w-]*))\s+)?(?:{_SESSIONS}|hyperpole|superpole|pole"
    rf"|free\s+practice)\b",
    re.I,
)
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_ON_DATE = re.compile(
    r"^,?[^,;.]{0,40}?\bon\s+(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m1>"
    + _MONTHS
    + r")|(?P<m2>"
    + _MONTHS
    + r")\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?)\b(?!,?\s+\d{4})",
    re.I,
)
_MOVE_VERB = (
    r"(?P<verb>opens?|begins?|starts?|kicks?\s+off|gets?\s+under\s*way|returns?|heads?"
    r"|travels?|moves?\s+on|continues?|resumes?|concludes?|ends?|finish(?:es)?)"
)
# "<championship> heads to X", "<championship> opens its season at X"
_SERIES_MOVES = re.compile(
    r"\s+(?:will\s+)?(?:then\s+)?" + _MOVE_VERB + r"(?:\s+its\s+(?:\d{4}\s+)?(?:season|campaign"
    r"|calendar))?\s+(?:to|at|in)\s+(?:the\s+)?",
    re.I,
)
_SERIES_WORD_MOVES = re.compile(
    r"\b(?:championship|series)\s+(?:will\s+)?(?:then\s+)?"
    + _MOVE_VERB
    + r"(?:\s+its\s+(?:\d{4}\s+)?(?:season|campaign|calendar))?\s+(?:to|at|in)\s+(?:the\s+)?$",
    re.I,
)
# "The season opens at X on 11 April and ends at Y on 18 October": a dated first or last
# meeting (undated, "opens in Qatar in February" names a place, not an event)
_SEASON_VERB_AT = (
    r"\b(?:season|campaign|championship|series|year)\s+(?:will\s+)?(?P<verb>opens?|begins?"
    r"|starts?|kicks?\s+off|gets?\s+under\s*way|concludes?|ends?|finish(?:es)?|closes?)"
    r"\s+(?:at|in)\s+(?:the\s+)?"
)
_SEASON_AT = re.compile(_SEASON_VERB_AT + "$", re.I)
_SEASON_AT_ANY = re.compile(_SEASON_VERB_AT, re.I)
_AND_ENDS_AT = re.compile(
    r"\band\s+(?:then\s+)?(?P<verb>concludes?|ends?|finish(?:es)?|closes?)\s+(?:at|in)"
    r"\s+(?:the\s+)?$",
    re.I,
)
_NEXT_AT = re.compile(
    r"\b(?:the\s+)?(?:next|following|upcoming|coming)\s+(?P<series>(?:(?-i:[A-Z])[\w-]*\s+){0,4}?)"
    r"(?:round|meeting|race\s+weekend|event)\s*,?\s+(?:at|in)\s+(?:the\s+)?",
    re.I,
)
# "a difficult weekend at Autopolis", "their last outing at Imola": a meeting at a place
_MEETING_AT = re.compile(
    r"\b(?:a|an|the|that|this|last|our|their|his|her|its)\s+(?:(?-i:[a-z])[\w-]*\s+){0,2}?"
    r"(?:weekend|outing|visit|meeting|race|round)\s+(?:at|in)\s+(?:the\s+)?$",
    re.I,
)
# "shared a car with X at Sebring and Road Atlanta": the series' meetings at those places
_RACED_AT = re.compile(
    r"\b(?:shared|raced|drove|won|finished|competed|contested|started|scored|claimed|took"
    r"|led|ran|appeared)\b[^,;:.()\"“”]{0,80}?\bat\s+(?:the\s+)?$",
    re.I,
)
_FOR_EVENT = re.compile(r"[^.;]{0,40}?\bfor\s+(?:its\s+)?", re.I)
_FOR_RACE = re.compile(
    r"^[^.;,]{0,40}?\bfor\s+(?P<race>(?:the|its|a|an)\s+(?:[\w-]+\s+){0,3}?(?:race|round|event"
    r"|finale|opener))\b",
    re.I,
)
# "<round> on 19 October", "<round> follows on 24 August", "<round> takes place on 3 May"
_DATE_NEXT = re.compile(
    r"^\s*,?\s*(?:(?:follows?|takes?\s+place|(?:is|will\s+be)\s+(?:held|run)|runs?)\s+)?"
    r"on\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z]|[A-Z][a-z]+\s+\d)"
)
# "the rookie test follows at the same circuit the next day": the day after the last dated
# event of the text
_NEXT_DAY = re.compile(
    r"^[^,;.]{0,60}?\b(?:the\s+(?:next|following)\s+day|the\s+day\s+after)\b(?!\s+\w+ing\b)",
    re.I,
)
_EDITION = "event-edition"
_RACE_N = re.compile(r"-race-(\d+)$")
_GENERIC_EVENT = re.compile(
    r"\b(?:finale|opener|round|test|test day|shakedown|prologue|season)\b", re.I
)


# a race named by a description: "the three-hour season opener at X", "the season finale at
# Y", "X's three-hour race" (and "the race" / "the event" after one)
_DESCRIBED = re.compile(
    r"^event-(?:desc-at|weekday-desc-at|named-desc-at|venue-possessive-race|weekend-round-at|venue-opener"
    r"|race-at|finale\S*|opener\S*|anaphor)$"
)
_DAY_RACE = "event-weekday-race"
"""The rule of a day's race phrase ("Sunday's four-hour race") the linker put in its round."""


def _is_round(art: Article, m: LinkedMention) -> bool:
    kind = art.kind(m.entity)
    if kind is EventKind.ROUND:
        return True
    return kind in (None, EventKind.EVENT) and bool(
        re.search(r"\b(?:round|meeting|weekend|home event)\b", m.text, re.I)
    )


def index_events(art: Article) -> None:
    """First pass: find the rounds and race sessions the article reports."""
    known_before = set(art.ctx.entities)
    day_raced: set[str] = set()  # races minted from a bare weekday ("on Sunday")
    for sent in art.sentences:
        for m in sent.of(E):
            if m.rule == _EDITION:
                continue  # "last year's race": not the race the text reports
            if _is_round(art, m):
                if not recalled_race(art.ctx.article.text, m.start):
                    art.round_marks.append((m.start, m.entity))
            elif (
                art.kind(m.entity) is EventKind.RACE
                and not is_named_event(m)
                and not art.quoted(m.start)
                and not recalled_race(art.ctx.article.text, m.start)
            ):
                art.race_marks.append((m.start, m.entity))
        for pat in (_ROUND, _ROUND_ORD):
            for rm in pat.finditer(sent.text):
                word = rm.group("n").lower()
                n = 1 if word in _FIRST_ROUND else ordinal(word)
                if pat is _ROUND:  # "round five of"; "the one round of X that ..." is none
                    n = n or number(word)
                end = sent.abs(rm.end())
                champs = [c for c in sent.after(end, C) if c.start - end <= 2]
                champ = champs[0].entity if champs else None
                champ_end = champs[0].end if champs else end
                champ_text = champs[0].text if champs else ""
                series = _SERIES_WORD.match(sent.text[rm.end() :])
                titled = False
                if champ is None and series:  # "the third round of the championship"
                    champ, titled = _series_context(art, sent, end)
                    champ_end, champ_text = end + series.end(), series.group(0)
                if n is None or champ is None:
                    continue
                rounds = [m for m in sent.of(E) if m.start <= sent.abs(rm.start()) < m.end]
                if not rounds:  # the round phrase is not linked to an event of its own
                    rounds = [
                        m for m in sent.of(E) if _is_round(art, m) or art.kind(m.entity) is None
                    ]
                    rounds = [m for m in rounds if art.kind(m.entity) not in (EventKind.RACE,)]
                if not rounds:  # "the 3 Hours of X on Sunday, the fourth round of the Y"
                    rounds = [
                        m
                        for m in sent.of(E)
                        if m.end <= sent.abs(rm.start())
                        and (is_named_event(m) or _RACE_NAME.search(m.text))
                        and _APPOSED_ROUND.fullmatch(
                            re.sub(r"\s*the\s*$", " ", sent.gap(m.end, sent.abs(rm.start())))
                        )
                    ]
                if rounds:
                    key = rounds[0].entity
                    _add_form(art, key, sent, rounds[0].start, max(champ_end, rounds[0].end))
                    info = art.ctx.events.get(key)
                    if (
                        info is not None
                        and info.championship not in (None, champ)
                        and ALSO_ROUND.search(sent.text[: rm.start()])
                    ):
                        # "X was also round two of Y": Y's round, not the event's own
                        art.also_rounds.setdefault(key, []).append((sent.start, champ, n))
                        art.event_championships.setdefault(key, info.championship or champ)
                        art.round_marks.append((sent.start, key))
                        continue
                else:
                    season = (None if titled else art.season_in(sent, end)) or art.published.year
                    cname = art.name(champ)
                    key = art.mint(
                        f"{champ}-{season}-round-{n}",
                        E,
                        f"{cname} {season} Round {n}",
                        mention=_determiner(sent.text[: rm.start()]) + rm.group(0) + champ_text,
                        kind=EventKind.ROUND,
                    )
                    art.event_seasons[key] = season
                art.round_numbers[key] = n
                art.event_championships.setdefault(key, champ)
                if not rounds:
                    art.held[key] = _places_after(art, sent, champ_end)
                art.round_marks.append((sent.start, key))
        _coming_round(art, sent)
        _series_at_place(art, sent)
        _next_round_at(art, sent)
        _meeting_at(art, sent)
        for v in sent.of(EntityType.VENUE):
            vr = _VENUE_ROUND.match(sent.text[sent.rel(v.end) :])
            if vr is None or any(_is_round(art, m) for m in sent.of(E)):
                continue
            near = [c for c in sent.after(v.end, C) if c.start - v.end <= len(vr.group(0)) + 2]
            vchamp = near[0].entity if near else art.championship_at(v.start)
            season = art.season_in(sent, v.end) or art.published.year
            key = art.mint(
                f"{vchamp or 'event'}-{season}-{v.entity}",
                E,
                f"{art.name(vchamp) + ' ' if vchamp else ''}{season} {art.name(v.entity)}",
                mention=sent.text[sent.rel(v.start) : sent.rel(v.end) + len(vr.group(0))],
                kind=EventKind.ROUND,
            )
            art.event_seasons[key] = season
            if vchamp:
                art.event_championships.setdefault(key, vchamp)
            art.held[key] = [v.entity]
            art.round_marks.append((sent.start, key))
        if not _about_race(art, sent):
            continue  # a day is a race's when the sentence is about a race
        for dm in _DAY_NP.finditer(sent.text):
            a = sent.abs(dm.start())
            apposed = _APPOSED_NUMBER.match(sent.text[dm.end() :])
            if art.quoted(a):
                continue  # "we won on Sunday," said X: the narrative dates the race
            if (
                _SESSION_BEFORE.search(sent.text[: dm.start()])
                or _SESSION_AFTER.match(sent.text[dm.end() :])
                or _session_day(sent, dm)
            ):
                continue  # "in qualifying on Saturday", "Saturday's qualifying": a session's
            if _other_season(art, sent, a):
                continue  # "Last year ... winning Race 1 on the Saturday": not this week's day
            if _ANNOUNCED_ON.search(sent.text[: dm.start()]):
                continue  # "the manufacturer confirmed on Wednesday": the news's day
            span = resolve(dm.group(0), art.published)
            if span is None:
                continue
            date = span.start
            if _list_published(art, sent, a, date):
                continue
            coming = next_weekday(dm.group("day"), art.published)
            if dm.group("dated"):
                pass  # "on Saturday 24 January": the date says which Saturday
            elif (
                _FUTURE_CLAUSE.search(sent.text[: dm.start()])
                and not (
                    _ON_POLE_FOR.search(sent.text[: dm.start()])
                    and art.published - date < coming - art.published
                )
            ) or (
                coming == art.published + _dt.timedelta(days=1)
                and _TOMORROW.search(art.ctx.article.text)
            ):  # a preview that also says "tomorrow" means the coming day by its name too
                date = coming
            described = [
                m
                for m in sent.of(E)
                if m.start <= a < m.end
                and (
                    _DESCRIBED.match(m.rule)
                    or (
                        _is_round(art, m)
                        and m.rule == _DAY_RACE
                        and art.race_dates.get(m.entity, date) == date  # not another day's
                    )
                )
            ]
            test = [
                m
                for m in sent.of(E)
                if art.kind(m.entity) is EventKind.TEST
                and m.end <= a
                and re.fullmatch(r"\s+for\s+[^,;.]{3,60}?\s+(?:on\s+)?", sent.gap(m.end, a))
            ]
            if test and not described:  # "the Test Day for the 24 Hours of Le Mans on Sunday"
                art.emit("eventDate", sent, "eventDate.test-day", 0.8, s=test[-1].entity, o=date)
                continue
            # "Sunday's four-hour race at X": the day dates the described race; "the season
            # finale on Saturday": the day of that round's race
            dated = (
                described[:1]
                or [
                    m
                    for m in sent.of(E)
                    if _is_round(art, m)
                    and m.entity not in art.race_round.values()
                    and re.fullmatch(r"\s+on\s+", sent.gap(m.end, a))
                ][-1:]
            )
            if dated:
                key = dated[0].entity
                day_races = sorted(
                    k
                    for k, d in art.race_dates.items()
                    if d == date and k != key and art.race_round.get(k) in (key, None)
                )
                if len(day_races) == 1:  # "Sunday's race" of a meeting told race by race
                    art.race_marks.append((a, day_races[0]))
                    continue
                art.race_dates.setdefault(key, date)
                art.race_marks.append((a, key))
                art.race_round.setdefault(key, key)
                continue
            cover = [
                m
                for m in sent.of(E)
                if m.start <= a + 4 and m.end >= a + 4 and not _is_round(art, m)
            ] or [
                m
                for m in sent.of(E)
                if m.entity not in art.race_dates
                and (
                    art.kind(m.entity) is EventKind.RACE
                    or (art.kind(m.entity) in (None, EventKind.EVENT) and _RACE_NAME.search(m.text))
                )
                and not _run_elsewhere(art, sent, m)
            ]
            if cover:
                key = cover[0].entity
            else:
                known = [k for k, d in art.race_dates.items() if d == date]
                if known:
                    key = known[0]
                    art.mint(key, E, key, mention=dm.group(0))
                else:
                    rnd = art.round_at(a + 1)
                    base = (
                        rnd
                        or art.championship_at(a)
                        or next((c.entity for c in sent.after(a, C)), None)
                    )
                    named = (
                        _hours_round(art, rnd, a) or _named_race_of_round(art, rnd, a)
                        if rnd
                        else _the_named_race(art, a, by_name=True)
                    )
                    if (
                        named not in (None, rnd)
                        and art.event_championships.get(named, base) != base
                    ):
                        named = None
                    if named is not None:
                        # "crossed the line on Sunday" in a report of the 24 Hours of Le Mans:
                        # that race's day; a day far from it ("called up on Wednesday") is none
                        if abs((art.race_dates.setdefault(named, date) - date).days) > 1:
                            continue
                        art.race_marks.append((a, named))
                        art.race_round.setdefault(named, None)
                        if _RACE_WORD.search(dm.group(0)):  # "Sunday's race" names it too
                            _add_form(art, named, sent, a, sent.abs(dm.end()))
                        continue
                    # a meeting's only race ("on Sunday", "Sunday's race") is the meeting;
                    # "the Sunday race" sets it apart from the meeting's other races
                    if not (
                        _RACE_WORD.search(dm.group(0)) and re.match(r"the\s", dm.group(0), re.I)
                    ):
                        day_raced.add(
                            f"{base}-race-{date.isoformat()}"
                            if base
                            else f"race-{date.isoformat()}"
                        )
                    key = art.mint(
                        f"{base}-race-{date.isoformat()}" if base else f"race-{date.isoformat()}",
                        E,
                        f"{art.name(base)} race, {date.isoformat()}" if base else f"Race, {date}",
                        mention=dm.group(0),
                        kind=EventKind.RACE,
                    )
                    # "left Yas Marina Circuit on Sunday", "Saturday's race, round five": a
                    # race of the series the text is about, at that place
                    places = _venues_on_day(art, sent, date)
                    if (
                        rnd is None
                        and base is not None
                        and (places or apposed)
                        and not _TEST_WORD.search(sent.text)
                    ):
                        art.event_championships.setdefault(key, base)
                        art.held.setdefault(key, places)
            art.race_dates.setdefault(key, date)
            art.race_marks.append((a, key))
            art.race_round.setdefault(key, art.round_at(a + 1))
            if apposed and key in art.event_championships and (n := number(apposed.group("n"))):
                art.round_numbers.setdefault(key, n)
    art.race_marks.sort()
    art.round_marks.sort()
    _drop_next_years(art)
    _year_dated_races(art)
    for key in list(art.race_round):
        if art.race_round[key] is None:
            art.race_round[key] = _first_fitting_round(art, key)
    for sent in art.sentences:  # once every race is known: the days the text turns to
        _day_later(art, sent)
        if not _about_race(art, sent):
            _raced_day(art, sent)
    _single_race_rounds(art, {slugify(k) for k in day_raced} - known_before)
    minted = set(art.race_dates) - known_before
    _settle_day_races(art, minted, minted & {slugify(k) for k in day_raced})
    _named_race_there(art, minted)
    _named_race_rounds(art, minted)
    _venue_named_races(art)
    _fold_venue_winners(art)
    _unnamed_meetings(art)
    _number_day_races(art)


# "A day later the Lamborghini was nowhere", "The next day": the race run the day after
_DAY_LATER = re.compile(r"\b(?:a|one)\s+day\s+later\b|\bthe\s+(?:next|following)\s+day\b", re.I)


def _about_race(art: Article, sent: Sentence) -> bool:
    return bool(_RACE_CONTEXT.search(sent.text)) or any(
        (art.kind(m.entity) is EventKind.RACE and _RACE_NAME.search(m.text))
        or _DESCRIBED.match(m.rule)
        for m in sent.of(E)
    )


def _day_later(art: Article, sent: Sentence) -> None:
    """ "A day later": the text turns to the race run the day after the one it was telling."""
    for m in _DAY_LATER.finditer(sent.text):
        a = sent.abs(m.start())
        told = art.race_at(a)
        day = art.race_dates.get(told or "")
        if day is None or art.quoted(a):
            continue
        after = _races_on(art, day + _dt.timedelta(days=1))
        if len(after) == 1:
            bisect.insort(art.race_marks, (a, after.pop()))


def _raced_day(art: Article, sent: Sentence) -> None:
    """ "He answered on Sunday.": a day named outside race talk still turns the text to the
    one race the text has told of on that day."""
    for dm in _DAY_NP.finditer(sent.text):
        a = sent.abs(dm.start())
        if art.quoted(a) or _ANNOUNCED_ON.search(sent.text[: dm.start()]):
            continue
        if _SESSION_BEFORE.search(sent.text[: dm.start()]) or _SESSION_AFTER.match(
            sent.text[dm.end() :]
        ):
            continue
        span = resolve(dm.group(0), art.published)
        if span is None or dm.group("dated"):
            continue
        places = {v.entity for v in sent.of(EntityType.VENUE)}
        races = {
            k
            for k in _races_on(art, span.start)
            if _day_apart(art, k)
            and not places - set(art.held.get(k) or art.held.get(art.race_round.get(k) or "", []))
        }
        if len(races) == 1:
            bisect.insort(art.race_marks, (a, races.pop()))


def _races_on(art: Article, day: _dt.date) -> set[str]:
    """The races the text has dated to ``day``."""
    return {k for k, d in art.race_dates.items() if d == day and art.kind(k) is EventKind.RACE}


def _day_apart(art: Article, race: str) -> bool:
    """Is ``race`` one of a meeting's races run on different days (a two-race weekend)?"""
    day, rnd = art.race_dates.get(race), art.race_round.get(race)
    return day is not None and any(
        k not in (race, rnd)
        and art.kind(k) is EventKind.RACE
        and art.race_round.get(k) == rnd
        and 0 < abs((d - day).days) <= 3
        for k, d in art.race_dates.items()
    )


_WEEKDAY_NAME = r"(?P<day>(?:mon|tues|wednes|thurs|fri|satur|sun)day)"
_ON_WEEKDAY = re.compile(r"\s+on\s+(?:the\s+)?" + _WEEKDAY_NAME + r"\b", re.I)
_DAY_AT = re.compile(  # "on Saturday night at the ..."
    r"\bon\s+(?:the\s+)?" + _WEEKDAY_NAME + r"(?:\s+(?:morning|afternoon|evening|night))?"
    r"\s+at\s+(?:the\s+)?$",
    re.I,
)


def _venues_on_day(art: Article, sent: Sentence, day: _dt.date) -> list[str]:
    """ "left Yas Marina Circuit on Sunday", "on Saturday night at the Algarve International
    Circuit": the place of that day's race."""
    out = []
    for v in sent.of(EntityType.VENUE):
        on = _ON_WEEKDAY.match(sent.text[sent.rel(v.end) :]) or _DAY_AT.search(
            sent.text[: sent.rel(v.start)]
        )
        span = resolve(on.group("day"), art.published) if on else None
        if span is not None and span.start == day:
            out.append(v.entity)
    return out


def _named_race_there(art: Article, minted: set[str]) -> None:
    """ "On Saturday night at the Algarve International Circuit, the team won the title" and
    "at the 4 Hours of Portimão" in the next sentence: the day's race is the one race the
    text names at that place, not one of its own."""
    for key in sorted(minted):
        date = art.race_dates.get(key)
        if date is None or key not in art.ctx.entities or art.race_round.get(key):
            continue
        places = {
            v
            for p, k in art.race_marks
            if k == key and (sent := art.sentence_at(p)) is not None
            for v in _venues_on_day(art, sent, date)
        }
        named = [
            k
            for k, info in art.ctx.events.items()
            if info.kind is EventKind.RACE
            and info.venue in places
            and info.year in (None, date.year)
            and k in art.ctx.entities
            and k not in art.race_dates
            and info.parent is None
        ]
        if len(named) == 1:
            art.event_championships.pop(key, None)
            art.held.pop(key, None)
            _merge_race(art, key, named[0])


def _run_elsewhere(art: Article, sent: Sentence, race: LinkedMention) -> bool:
    """ "left Yas Marina on Sunday with the title and no invitation to the 24 Hours of Le
    Mans": the sentence puts its day at another circuit ("<venue> on <weekday>") than the
    race's own ("the 4 Hours of Abu Dhabi at Yas Marina on Sunday" names its own place)."""
    info = art.ctx.events.get(race.entity)
    if info is None or info.venue is None:
        return False
    return any(
        v.entity != info.venue
        and _ON_WEEKDAY.match(sent.text[sent.rel(v.end) :])
        and not re.fullmatch(r"\s+(?:at|in)\s+(?:the\s+)?", sent.gap(race.end, v.start))
        for v in sent.of(EntityType.VENUE)
    )


def _drop_next_years(art: Article) -> None:
    """ "an automatic invitation to the 2026 24 Hours of Le Mans" in a 2025 report: an
    edition named with next year is no race the report tells, when the report has a race
    of its own."""
    later = {
        k
        for p, k in art.race_marks
        if (info := art.ctx.events.get(k)) is not None
        and info.year is not None
        and info.year > art.published.year
        and k not in art.race_dates
        and any(
            m.entity == k and str(info.year) in m.text for m in art.ctx.mentions if m.start == p
        )
    }
    if later and any(k not in later for _p, k in art.race_marks):
        art.race_marks[:] = [(p, k) for p, k in art.race_marks if k not in later]


def _year_dated_races(art: Article) -> None:
    """ "at the Twelve Hours of Sebring ... Saturday night's finish": a race the text names
    without its year is the edition of the day that dates it, so "12 Hours of Sebring 2025"
    names it too."""
    for key, day in art.race_dates.items():
        info = art.ctx.events.get(key)
        entity = art.ctx.entities.get(key)
        if info is None or entity is None or info.year is not None or info.parent:
            continue
        if _HOURS_NAME.search(entity.name) and not re.search(r"\d{4}", entity.name):
            # "12 Hours of Sebring (2025)", and the text's own spelling with it ("Twelve
            # Hours of Sebring (2025)")
            for form in sorted({entity.name, *entity.mentions}):
                if _HOURS_NAME.search(form) and not re.search(r"\d{4}", form):
                    art.ctx.add_entity(key, E, entity.name, mention=f"{form} ({day.year})")


def _number_day_races(art: Article) -> None:
    """A meeting told race by race ("Saturday's opener", "on Sunday"), each race minted from
    its day: they are its Race 1 and Race 2, in the order they were run (their names; keys
    keep the day)."""
    by_meeting: dict[str, list[tuple[_dt.date, str]]] = {}
    for key, day in art.race_dates.items():
        rnd = art.race_round.get(key)
        if (
            rnd
            and rnd != key
            and key == slugify(f"{rnd}-race-{day.isoformat()}")
            and art.kind(rnd) is EventKind.ROUND
            and key in art.ctx.entities
        ):
            by_meeting.setdefault(rnd, []).append((day, key))
    for rnd, races in sorted(by_meeting.items()):
        days = sorted(races)
        if len({d for d, _ in days}) != len(days) or len(days) < 2:
            continue
        if (days[-1][0] - days[0][0]).days > 3:
            continue
        for n, (_, key) in enumerate(days, start=1):
            ent = art.ctx.entities[key]
            art.ctx.entities[key] = dataclasses.replace(ent, name=f"{art.name(rnd)} Race {n}")


def _unnamed_meetings(art: Article) -> None:
    """The meeting of "race one ... race two" that the text never names as a whole (see
    ``implicit_meeting`` in linking) is its championship's event of that season at its place."""
    named = {m.entity for m in art.ctx.mentions}
    for key, info in art.ctx.events.items():
        if (
            info.kind is EventKind.ROUND
            and key not in named
            and key in art.ctx.entities
            and info.championship
            and info.year
            and any(i.parent == key and k in named for k, i in art.ctx.events.items())
        ):
            art.event_championships.setdefault(key, info.championship)
            art.event_seasons.setdefault(key, info.year)
            if info.venue:
                art.held.setdefault(key, [info.venue])


def _the_named_race(art: Article, pos: int, *, by_name: bool = False) -> str | None:
    """The one race named by its own name ("the 24 Hours of Le Mans") before ``pos``;
    ``by_name``: a name with no length in it counts too ("the Rolex 24 At Daytona")."""
    races = {
        m.entity
        for m in art.ctx.mentions
        if m.start < pos
        and m.type is E
        and art.kind(m.entity) is EventKind.RACE
        and (_HOURS_NAME.search(m.text) or (by_name and m.rule == "event-name-24"))
        and not art.quoted(m.start)
        and not ((sent := art.sentence_at(m.start)) and _run_elsewhere(art, sent, m))
    }
    return races.pop() if len(races) == 1 else None


def _named_race_of_round(art: Article, rnd: str, pos: int) -> str | None:
    """The named race a round with no race of its own is ("the Rolex 24 At Daytona ...
    the opening round of the IMSA championship ... The race starts on Saturday")."""
    if any(r == rnd and k != rnd for k, r in art.race_round.items()):
        return None
    race = _the_named_race(art, pos, by_name=True)
    if race is None or art.race_round.get(race) not in (None, rnd):
        return None
    champ = art.event_championships.get(race)
    if champ is not None and champ != art.event_championships.get(rnd, champ):
        return None
    return race if _same_place(art, rnd, race) else None


def _hours_round(art: Article, rnd: str, pos: int) -> str | None:
    """The round itself when it is one race named by its length ("the 93rd 24 Hours of Le
    Mans ... Le Mans is the fourth round"): its race starts "on Saturday"."""
    named = any(
        m.entity == rnd and m.start < pos and _HOURS_NAME.search(m.text)
        for m in art.ctx.mentions
        if m.type is E
    )
    return rnd if named else None


def _first_fitting_round(art: Article, race: str) -> str | None:
    """The article's first round a race with no round of its own can belong to: not one held
    elsewhere, nor one dated days away ("won the Nürburgring 24 Hours on Sunday ... round
    five of the NLS on 12 July" are two events)."""
    info = art.ctx.events.get(race)
    venue = info.venue if info else None
    day = art.race_dates.get(race)
    marks = [p for p, k in art.race_marks if k == race]
    own = art.sentence_at(min(marks)) if marks else None
    here = {  # "at Barcelona, where X opens in the Saturday race": the race's own place
        v.entity
        for p in marks
        if (sent := art.sentence_at(p)) is not None
        for v in sent.of(EntityType.VENUE)
    }
    for pos, key in art.round_marks:
        if day is not None and day <= art.published and NEXT_STOP.search(_sentence_text(art, pos)):
            continue  # "the next stop is Spa, where round five runs": not the race just run
        rinfo = art.ctx.events.get(key)
        places = set(art.held.get(key, [])) | ({rinfo.venue} if rinfo and rinfo.venue else set())
        if venue and places and venue not in places:
            continue
        if here and places and not here & places and art.sentence_at(pos) is not own:
            continue
        if days_apart({day} if day else set(), art.days_at(pos)):
            continue
        return key
    meetings = {
        info.parent
        for info in art.ctx.events.values()
        if info.parent and info.kind is EventKind.RACE and _RACE_N.search(info.key)
    }
    if len(meetings) == 1:  # "race one ... race two" of the one meeting the report is about
        meeting = meetings.pop()
        info = art.ctx.events.get(meeting)
        if info is not None and (venue is None or info.venue in (None, venue)):
            return meeting
    return None


def _sentence_text(art: Article, pos: int) -> str:
    sent = art.sentence_at(pos)
    return sent.text if sent is not None else ""


def _coming_round(art: Article, sent: Sentence) -> None:
    """A calendar statement naming a round by number and venue ("The series returns to Suzuka
    for round five"), or a round named by number and venue ("won round five at Spa"): a
    round of the article's championship held there."""
    schedule = bool(_SCHEDULE.search(sent.text) or re.search(r"\breturns?\b", sent.text, re.I))
    for rm in _NEXT_ROUND.finditer(sent.text):
        if not schedule and not _AT_VENUE.match(sent.text[rm.end() :]):
            continue
        n = number(rm.group("n"))
        if n is None or any(e.start <= sent.abs(rm.start()) < e.end for e in sent.of(E)):
            continue
        a, b = sent.abs(rm.start()), sent.abs(rm.end())
        venues = [
            v
            for v in sent.of(EntityType.VENUE)
            if (
                v.end <= a
                and _TO_PLACE_FOR.search(sent.tail(v.start, 12))
                and re.fullmatch(r"\s+for\s+(?:the\s+)?", sent.gap(v.end, a))
            )
            or (v.start >= b and re.fullmatch(r"\s+(?:at|in)\s+(?:the\s+)?", sent.gap(b, v.start)))
        ]
        champ = art.championship_at(a) or art.dominant_championship()
        if not venues or champ is None:
            continue
        season = art.season_in(sent, a) or art.published.year
        at_venue = [v for v in venues if v.start >= b]
        key = art.mint(
            f"{champ}-{season}-round-{n}",
            E,
            f"{art.name(champ)} {season} Round {n}",
            mention=sent.gap(a, at_venue[0].end) if at_venue else rm.group(0),
            kind=EventKind.ROUND,
        )
        art.emit(
            "eventOf", sent, "eventOf.coming-round", 0.7, s=key, o=champ, season=season, round=n
        )
        art.emit("heldAt", sent, "heldAt.coming-round", 0.7, s=key, o=venues[0].entity)


def _series_at_place(art: Article, sent: Sentence) -> None:
    """A championship going to a place for an event ("The series heads to Portimão for the
    season finale", "The championship returns at Sebring in March for the 12-hour race"): the
    event is held at the place (an event phrase linked to nothing is minted as the
    championship's race there). A place alone ("concludes in Bahrain in November", "opens at
    X on 12 April") names no event."""
    for v in sent.of(*PLACE_TYPES):
        champ = None
        verb = None
        for c in sent.before(v.start, C):
            mv = _SERIES_MOVES.fullmatch(sent.gap(c.end, v.start))
            if mv and not is_title_use(sent, c):
                champ, verb = c.entity, mv.group("verb")
        if champ is None:
            mv = _SERIES_WORD_MOVES.search(sent.tail(v.start, 60))
            if mv is None:
                _dated_season_round(art, sent, v)
                continue
            champ = art.championship_at(v.start) or art.dominant_championship()
            verb = mv.group("verb")
        if champ is None or verb is None:
            continue
        opener = bool(re.match(r"(?:open|begin|start|kick|get)", verb, re.I))
        after = sent.text[sent.rel(v.end) :]
        named = [
            e
            for e in sent.after(v.end, E)
            if _FOR_EVENT.fullmatch(sent.gap(v.end, e.start))
            and art.kind(e.entity) is not EventKind.ENTRY_LIST
        ]
        if named:  # "heads to Portimão for the season finale"
            key = named[0].entity
            art.emit("heldAt", sent, "heldAt.series-goes", 0.75, s=key, o=v.entity)
            if not is_named_event(named[0]) and not _other_season(art, sent, v.start):
                art.emit(
                    "eventOf",
                    sent,
                    "eventOf.series-goes",
                    0.7,
                    s=key,
                    o=champ,
                    season=art.season_in(sent, v.start) or art.focus_season or art.published.year,
                )
            art.held.setdefault(key, [])
            if v.entity not in art.held[key]:
                art.held[key].append(v.entity)
            continue
        if any(e.start < v.start for e in sent.of(E)):
            continue  # "X won the 4 Hours of Y and the series returns to Z": not this rule's
        race = _FOR_RACE.match(after)
        if race is None and re.match(r"(?:resume|continue)", verb, re.I):
            _resumes_at(art, sent, champ, v)
            continue
        if race is None:
            _dated_season_round(art, sent, v, champ, verb)
            continue  # "The championship concludes in Bahrain in November": a place, no event
        season = art.season_in(sent, v.start) or art.focus_season or art.published.year
        art.venue_event(
            sent,
            "series-goes",
            champ,
            season,
            v.entity,
            mention=race.group("race"),
            kind=EventKind.RACE,
            round=1 if opener else None,
            date=_date_on(art, after),
        )


def _dated_season_round(
    art: Article, sent: Sentence, v: LinkedMention, champ: str | None = None, verb: str = ""
) -> None:
    """ "The season opens at X on 11 April and ends at Y on 18 October": the first and the
    last meeting of the championship, held at the place on that day (an event the article
    names as held there, "the Rolex 24 at Daytona", takes the day instead)."""
    base = max(sent.start, v.start - 80)
    tail = sent.gap(base, v.start)
    mv = _SEASON_AT.search(tail)
    start = sent.start if v.start - sent.start <= 90 else base + mv.start() if mv else base
    if mv is None and _SEASON_AT_ANY.search(tail.rsplit(" and ", 1)[0]):
        mv = _AND_ENDS_AT.search(tail)
        start = base + mv.start("verb") if mv else base
    if mv is not None:
        verb = mv.group("verb")
    if not verb or any(e.start < v.start for e in sent.of(E)):
        return
    day = _date_on(art, sent.text[sent.rel(v.end) :])
    champ = champ or art.dominant_championship() or art.championship_at(v.start)
    if day is None or champ is None:
        return
    there = [k for k in sorted(art.ctx.events) if art.held_at(k, v.entity)]
    if there:
        if there[0] not in art.race_dates:
            art.emit("eventDate", sent, "eventDate.season-dates", 0.7, s=there[0], o=day)
        return
    season = art.season_in(sent, v.start) or art.focus_season
    if season and day.year != season:  # the season's last day, not the one nearest publication
        day = day.replace(year=season)
    opener = bool(re.match(r"(?:open|begin|start|kick|get)", verb, re.I))
    key = art.venue_event(
        sent,
        "season-dates",
        champ,
        day.year,
        v.entity,
        mention=v.text,
        kind=EventKind.ROUND,
        round=1 if opener else None,
        date=day,
    )
    _add_form(art, key, sent, start, v.end)


def _series_context(art: Article, sent: Sentence, pos: int) -> tuple[str | None, bool]:
    """The championship "the season" / "the championship" means at ``pos``, and whether the
    sentence names another one only in a title ("Haberl, the 2023 X champion, ... the opening
    round of the season"): a title is no context, nor is its year the season."""
    champ = art.championship_at(pos)
    titles = {c.entity for c in sent.of(C) if c.start < pos and is_title_use(sent, c)}
    plain = {c.entity for c in sent.of(C) if c.start < pos and not is_title_use(sent, c)}
    if champ is None or champ not in titles or champ in plain:
        return champ or art.dominant_championship(), bool(titles - plain)
    return art.championship_at(sent.start) or art.dominant_championship(), True


def _resumes_at(art: Article, sent: Sentence, champ: str, v: LinkedMention) -> None:
    """ "The series resumes at X on 20 July": the championship's next meeting, held at X on
    that day; numbered after the round the article reports, when it numbers one."""
    day = _date_on(art, sent.text[sent.rel(v.end) :])
    if day is None:
        return
    done = [
        n
        for p, k in art.round_marks
        if p < sent.start
        and art.event_championships.get(k) == champ
        and (n := art.round_numbers.get(k)) is not None
    ]
    art.venue_event(
        sent,
        "resumes",
        champ,
        day.year,
        v.entity,
        mention=v.text,
        kind=EventKind.ROUND,
        round=max(done) + 1 if done else None,
        date=day,
    )


def _next_round_at(art: Article, sent: Sentence) -> None:
    """ "The next round at Portimão on 20 July": the coming round of the article's
    championship, held at the place (dated when a day follows)."""
    for nm in _NEXT_AT.finditer(sent.text):
        a, b = sent.abs(nm.start()), sent.abs(nm.end())
        if any(e.start <= a < e.end or a <= e.start < b for e in sent.of(E)):
            continue  # linked already
        places = [v for v in sent.of(EntityType.VENUE) if v.start == b]
        champ = art.championship_at(a) or art.dominant_championship()
        if nm.group("series"):  # "the next ELMS round at X": the named series' round
            s0, s1 = sent.abs(nm.start("series")), sent.abs(nm.end("series"))
            champ = _series_named(art, sent, s0, s1)
        if not places or champ is None:
            continue
        v = places[0]
        day = _date_on(art, sent.text[sent.rel(v.end) :])
        season = day.year if day else art.season_in(sent, a) or art.published.year
        art.venue_event(
            sent,
            "next-round",
            champ,
            season,
            v.entity,
            mention=sent.gap(a, v.end),
            kind=EventKind.ROUND,
            date=day,
        )


def _series_named(art: Article, sent: Sentence, start: int, end: int) -> str | None:
    """The championship named between two offsets, also by the body that runs it ("the next
    IMSA round": the article's IMSA championship)."""
    for m in sent.of(C, EntityType.ORGANISATION):
        if start <= m.start and m.end <= end:
            if m.type is C:
                return m.entity
            prefix = m.text.lower() + " "
            runs = sorted(
                k
                for k, e in art.ctx.entities.items()
                if e.type is C and e.name.lower().startswith(prefix)
            )
            if len(runs) == 1:
                return runs[0]
    return None


def _meeting_at(art: Article, sent: Sentence) -> None:
    """A meeting named by its place ("a difficult weekend at Autopolis") or the places a
    crew raced at ("shared a Vantage with X at Sebring and Road Atlanta"): the meeting of the
    series the sentence is about, in the season of the clause (an event the article already
    holds at the place takes the phrase as one more name)."""
    venues = sent.of(EntityType.VENUE)
    for i, v in enumerate(venues):
        base = max(sent.start, v.start - 100)
        lead = sent.gap(base, v.start)
        meeting = _MEETING_AT.search(lead)
        first = i
        while (
            meeting is None
            and first > 0
            and VENUE_AND.fullmatch(sent.gap(venues[first - 1].end, venues[first].start))
        ):
            first -= 1
        if meeting is None:
            lead = sent.gap(max(sent.start, venues[first].start - 100), venues[first].start)
            if _RACED_AT.search(lead) is None or (
                first == i
                and not (
                    i + 1 < len(venues)
                    and VENUE_AND.fullmatch(sent.gap(v.end, venues[i + 1].start))
                )
            ):
                continue
        a = base + meeting.start() if meeting else venues[first].start
        if any(e.start < v.end and a < e.end for e in sent.of(E)):
            continue
        reach = min(base, venues[first].start - 100)
        champs = [
            c for c in sent.before(v.start, C) if not is_title_use(sent, c) and c.start >= reach
        ]
        if meeting is None and not champs:
            continue
        champ = champs[-1].entity if champs else _series_context(art, sent, a)[0]
        if champ is None:
            continue
        season = (
            art.season_in(sent, v.start)
            or art.season_in(sent, v.start, clause=False)
            or art.focus_season
            or art.published.year
        )
        there = [
            k
            for k in sorted(art.ctx.events)
            if art.held_at(k, v.entity) and art.event_seasons.get(k, season) == season
        ]
        if there:
            _add_form(art, there[0], sent, a, v.end)
            continue
        art.venue_event(
            sent,
            "meeting-at",
            champ,
            season,
            v.entity,
            mention=sent.gap(a, v.end) if meeting else v.text,
            kind=EventKind.ROUND,
        )


def _date_on(art: Article, text: str) -> _dt.date | None:
    """The day of an "on 19 October" at the start of ``text`` (the year the linker read, else
    the year nearest publication)."""
    m = _ON_DATE.match(text)
    if m is None:
        return None
    month = _MONTHS.split("|").index((m.group("m1") or m.group("m2")).lower()) + 1
    day = int(m.group("d1") or m.group("d2"))
    read = {
        _dt.date.fromisoformat(v.value)
        for v in art.ctx.values
        if v.label == "DATE" and len(v.value) == 10 and v.text in m.group(0)
    }
    read = {d for d in read if (d.month, d.day) == (month, day)}
    if len(read) == 1:  # as the linker read it (a range's end after its start)
        return read.pop()
    pub = art.published
    dates = []
    for year in (pub.year - 1, pub.year, pub.year + 1):
        try:
            dates.append(_dt.date(year, month, day))
        except ValueError:
            continue
    return min(dates, key=lambda d: abs((d - pub).days)) if dates else None


def _other_season(art: Article, sent: Sentence, pos: int) -> bool:
    """The clause of ``pos`` is about another season than the publication's ("Last year he
    won Race 1 on the Saturday", "in 2019"): its weekdays are not the days just gone."""
    season = art.season_in(sent, pos)
    return season is not None and season != art.published.year


def _session_day(sent: Sentence, dm: re.Match[str]) -> bool:
    """A weekday whose clause is about pole or qualifying (and not about the race)."""
    if _RACE_WORD.search(dm.group(0)):
        return False  # "the Saturday race"
    lead = sent.text[: dm.start()]
    cut = 0
    for m in _SESSION_CLAUSE_CUT.finditer(lead):
        cut = m.end()
    lead = lead[cut:]
    return bool(_SESSION_WORD.search(lead)) and not _RACE_WORD.search(lead)


def _single_race_rounds(art: Article, minted: set[str]) -> None:
    """A meeting reported with one race day only ("X won on Sunday ..., round five of the Y")
    is the race itself: the day dates the meeting instead of minting a session of it."""
    for key in sorted(minted):
        rnd = art.race_round.get(key)
        if rnd is None or rnd in art.race_dates or key not in art.race_dates:
            continue
        if any(r == rnd for k, r in art.race_round.items() if k != key):
            continue  # several races of the meeting
        first = min(p for p, k in art.race_marks if k == key)
        sent = art.sentence_at(first)
        if sent is None or not any(
            sent.start <= p < sent.end and k == rnd for p, k in art.round_marks
        ):
            continue
        art.race_dates[rnd] = art.race_dates.pop(key)
        art.race_marks[:] = [(p, rnd if k == key else k) for p, k in art.race_marks]
        del art.race_round[key]
        art.race_round[rnd] = rnd
        art.ctx.entities.pop(key, None)


def _named_race_rounds(art: Article, minted: set[str]) -> None:
    """A round the text describes ("the second round of the season") whose one race has a name
    of its own ("the 6 Hours of Imola") is that race: an endurance meeting is its race. Fold
    the round into the race, so that the results, grid and crews of both phrases meet on one
    event and the round's phrase is one of the race's surface forms. ``minted``: the races
    minted here from a weekday, which have no name of their own."""
    rounds = sorted(k for k, e in art.ctx.entities.items() if e.kind is EventKind.ROUND)
    for rnd in rounds:
        if art.listed(rnd) is not None:
            continue
        races = sorted(k for k, r in art.race_round.items() if r == rnd and k != rnd)
        if len(races) != 1 or rnd in art.race_dates:
            continue
        race = races[0]
        if race in minted or _RACE_N.search(race):
            continue
        if not _HOURS_NAME.search(art.name(race)) and not any(
            m.entity == race and m.rule == "event-name-24" for m in art.ctx.mentions
        ):
            continue
        if not _same_place(art, rnd, race):
            continue  # "the season opener in Qatar" is another round than the 6 Hours of Imola
        if not _same_series(art, rnd, race):
            continue  # the WEC finale is no IMSA race
        art.race_round[race] = race
        art.round_marks[:] = sorted((p, race if k == rnd else k) for p, k in art.round_marks)
        for table in (art.round_numbers, art.event_championships, art.event_seasons):
            if rnd in table:
                table.setdefault(race, table.pop(rnd))  # type: ignore[arg-type]
        for place in art.held.pop(rnd, []):
            if place not in art.held.setdefault(race, []):
                art.held[race].append(place)
        _absorb(art, rnd, race)
        art.folded[rnd] = race


def _same_series(art: Article, rnd: str, race: str) -> bool:
    """Can the round be of the race's championship (one not known can)?"""
    series = []
    for key in (rnd, race):
        info = art.ctx.events.get(key)
        champ = art.event_championships.get(key) or (info.championship if info else None)
        series.append(art.root(champ) if champ else None)
    return None in series or series[0] == series[1]


def _same_place(art: Article, rnd: str, race: str) -> bool:
    """Can the round be held where the race is (a round with no place can)?"""
    info, race_info = art.ctx.events.get(rnd), art.ctx.events.get(race)
    places = set(art.held.get(rnd, []))
    if info is not None:
        places |= {p for p in (info.venue, info.country) if p}
    if not places:
        return True
    race_places = set(art.held.get(race, []))
    if race_info is not None:
        race_places |= {p for p in (race_info.venue, race_info.country) if p}
    return bool(places & race_places)


def apply_folds(art: Article) -> None:
    """Re-point what the rules stated of a folded event (a round that is its one race, see
    :func:`_named_race_rounds`) and the mentions linked to it, to the event it is."""
    if not art.folded:
        return

    def to(value: Value) -> Value:
        if isinstance(value, str):
            return art.folded.get(value, value)
        if isinstance(value, tuple) and all(isinstance(v, str) for v in value):
            return tuple(art.folded.get(str(v), str(v)) for v in value)
        return value

    art.facts[:] = [
        Fact(f.relation, tuple((k, to(v)) for k, v in f.args), f.evidence)
        if any(to(v) != v for _k, v in f.args)
        else f
        for f in art.facts
    ]
    art.ctx.mentions[:] = [
        dataclasses.replace(m, entity=art.folded[m.entity]) if m.entity in art.folded else m
        for m in art.ctx.mentions
    ]


def _determiner(before: str) -> str:
    """The determiner right before a phrase, kept in its surface form ("the second round of
    the season", "its third round", as a reader quotes it)."""
    m = re.search(r"\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Tt]his)\s+$", before)
    return m.group(0) if m else ""


def _add_form(art: Article, key: str, sent: Sentence, start: int, end: int) -> None:
    """Record the text between two offsets as one more surface form of an event (the whole
    phrase a reader would quote: "the second round of the 2025 championship")."""
    entity = art.ctx.entities.get(key)
    form = sent.gap(start, end).strip(" ,;")
    if entity is not None and form:
        art.ctx.add_entity(key, entity.type, entity.name, mention=form)


def _settle_day_races(art: Article, minted: set[str], bare: set[str]) -> None:
    """A race minted from a weekday ("on Sunday", "the Sunday race") is usually an event the
    text also names: a numbered race of its round ("Race 2"), or (named by a bare day, in
    ``bare``: "the Sunday race" sets a race apart from the others) the round itself when the
    meeting has one race. Merge it there, so that one race has one key and every phrase for
    it is a surface form of that key."""
    for key in sorted(minted):
        if key in art.race_dates and key in art.ctx.entities:
            target = _same_race(art, key, alone=key in bare)
            if target is not None and target != key:
                _merge_race(art, key, target)


def _venue_named_races(art: Article) -> None:
    """ "X won at Sebring on Saturday": a race day named by its venue is held there, and the
    venue's name is how the text names that race (one of its surface forms)."""
    for pos, key in art.race_marks:
        sent = art.sentence_at(pos)
        if sent is None:
            continue
        for v in sent.of(EntityType.VENUE):
            if v.end <= pos and re.fullmatch(r"\s+on\s+(?:the\s+)?", sent.gap(v.end, pos)):
                if not re.search(r"\b(?:at|in)\s+(?:the\s+)?$", sent.gap(v.start - 9, v.start)):
                    continue
                _add_form(art, key, sent, v.start, v.end)
                if v.entity not in art.held.setdefault(key, []):
                    art.held[key].append(v.entity)
                    art.emit("heldAt", sent, "heldAt.venue-day", 0.8, s=key, o=v.entity)


def _fold_venue_winners(art: Article) -> None:
    """ "The Le Castellet winner, the #83 of A and B, was second": the winner of the race
    the text names at that place (the 4 Hours of Le Castellet), not another event of the
    place's name. So is a headline's "with Okayama win": the race the story reports."""
    for m in list(art.ctx.mentions):
        if m.rule != "event-venue-winner" or m.entity in art.folded:
            continue
        sent = art.sentence_at(m.start)
        if sent is None:
            continue
        if not art.is_headline(sent) and not re.search(
            r"\bthe\s+$", sent.gap(m.start - 5, m.start), re.I
        ):
            continue
        venues = [r.key for r in art.ctx.reference.lookup(m.text) if r.type is EntityType.VENUE]
        if not venues:
            continue
        there = sorted(
            k
            for k, e in art.ctx.entities.items()
            if e.type is E
            and k != m.entity
            and art.held_at(k, venues[0])
            and getattr(art.ctx.events.get(k), "year", None) in (None, art.published.year)
        )
        if len(there) == 1:
            _absorb(art, m.entity, there[0])
            art.folded[m.entity] = there[0]


def _numbered_races(art: Article, rnd: str) -> list[str]:
    """The races of a round numbered by the text ("Race 1", "the second race"), in order."""
    races = [
        k
        for k, info in art.ctx.events.items()
        if info.parent == rnd and info.kind is EventKind.RACE and k in art.ctx.entities
    ]
    return sorted(races, key=lambda k: int(m.group(1)) if (m := _RACE_N.search(k)) else 99)


def _race_date(art: Article, key: str) -> _dt.date | None:
    info = art.ctx.events.get(key)
    return art.race_dates.get(key) or (info.date if info else None)


def _same_race(art: Article, key: str, *, alone: bool) -> str | None:
    """The event a weekday-minted race is (None when it is a race of its own); ``alone``:
    it may be its meeting's only race."""
    date = art.race_dates[key]
    rnd = art.race_round.get(key)
    if rnd is None:
        return None
    numbered = _numbered_races(art, rnd)
    for race in numbered:
        if _race_date(art, race) == date:
            return race
    others = {
        d
        for k, d in art.race_dates.items()
        if k != key and k != rnd and art.race_round.get(k) == rnd and k not in numbered
    }
    if numbered:  # the weekend's days in order are its races in order: Race N on day N
        days = sorted({date, *others, *(d for r in numbered if (d := _race_date(art, r)))})
        n = days.index(date) + 1
        nth = next((r for r in numbered if (m := _RACE_N.search(r)) and int(m.group(1)) == n), None)
        known = _race_date(art, nth) if nth is not None else None
        return nth if nth is not None and known in (None, date) else None
    if not alone or others or _race_date(art, rnd) not in (None, date):
        return None
    return rnd if art.kind(rnd) in (EventKind.ROUND, EventKind.RACE, EventKind.EVENT) else None


def _merge_race(art: Article, key: str, target: str) -> None:
    """Re-point a minted race's marks, day and surface forms to ``target``."""
    date = art.race_dates.pop(key)
    rnd = art.race_round.pop(key, None)
    art.race_dates.setdefault(target, date)
    art.race_round.setdefault(target, target if target == rnd else rnd)
    _absorb(art, key, target)


def _absorb(art: Article, key: str, target: str) -> None:
    """Re-point the race marks of event ``key`` to ``target`` and make its surface forms
    ``target``'s; ``key`` is no longer an entity."""
    art.race_marks[:] = sorted((p, target if k == key else k) for p, k in art.race_marks)
    gone = art.ctx.entities.pop(key)
    kept = art.ctx.entities[target]
    for form in gone.mentions:
        art.ctx.add_entity(target, kept.type, kept.name, mention=form)


def _phrase_year(art: Article, key: str) -> int | None:
    """The season the phrase naming an event states ("the third round of the 2025-26 X")."""
    info = art.ctx.events.get(key)
    return info.year if info is not None else None


def _event_season(art: Article, sent: Sentence, m: LinkedMention) -> int | None:
    if m.entity in art.event_seasons:
        return art.event_seasons[m.entity]
    if m.entity in art.race_dates:  # a dated race: the year of its day
        return art.race_dates[m.entity].year
    y = first_season(m.text)
    if y:
        return y
    if (y := _phrase_year(art, m.entity)) is not None and y < art.published.year:
        return y  # "the finale at Barcelona last October": the phrase's year, said around it
    around = sent.gap(m.start - 12, m.end + 25)
    y = first_season(around)
    if y:
        return y
    ago = _YEARS_AGO.search(sent.text)
    if ago and number(ago.group("n")):
        return art.published.year - (number(ago.group("n")) or 0)
    relative = _RELATIVE_SEASON.search(sent.text)
    if relative and same_clause(sent, sent.abs(relative.start()), m.start):
        return art.season_in(sent, m.start)
    if re.search(r"\bseason finale|\bthis (?:season|year)\b", m.text + " " + around, re.I):
        return art.published.year
    if _is_round(art, m) and any(art.race_round.get(r) == m.entity for _, r in art.race_marks):
        return art.published.year
    for other in sent.of(E):
        if other.entity != m.entity and re.search(r"\bseason finale\b", other.text, re.I):
            return art.published.year
    return None


def extract(art: Article) -> None:
    for sent in art.sentences:
        _event_of(art, sent)
        _held_at(art, sent)
        _on_date(art, sent)
    # a round keyed by the venue of its sentence ("shared the spoils at X, where the fourth
    # round of the Y ...") is held there, and so are its races
    for _pos, key in art.round_marks:
        info = art.ctx.events.get(key)
        if art.held.get(key) or info is None or info.kind is not EventKind.ROUND:
            continue
        venue = art.entity(info.venue) if info.venue else None
        first = _first_sentence(art, key)
        if venue is None or venue.type is not EntityType.VENUE or first is None:
            continue
        art.held[key] = [venue.key]
        art.emit("heldAt", first, "heldAt.round-venue", 0.75, s=key, o=venue.key)
    # minted / reported rounds and races
    for key, ev_champ in art.event_championships.items():
        first = _first_sentence(art, key)
        if first is not None:
            art.emit(
                "eventOf",
                first,
                "eventOf.round",
                0.85,
                s=key,
                o=ev_champ,
                season=art.event_seasons.get(key) or _phrase_year(art, key) or art.published.year,
                round=_round_number(art, key),
            )
            if key in art.event_seasons or key in art.race_dates:  # minted here
                for place in art.held.get(key, []):
                    art.emit("heldAt", first, "heldAt.round", 0.8, s=key, o=place)
    for key, date in art.race_dates.items():
        race_sent = _first_sentence(art, key)
        if race_sent is None:
            continue
        sent = race_sent
        art.emit("eventDate", sent, "eventDate.weekday", 0.85, s=key, o=date)
        rnd = art.race_round.get(key)
        if rnd is not None:
            race_champ = (
                art.event_championships.get(rnd)
                or art.event_tied.get(rnd)
                or art.championship_at(sent.start + 1)
            )
            if race_champ:
                art.emit(
                    "eventOf",
                    sent,
                    "eventOf.race-of-round",
                    0.8,
                    s=key,
                    o=race_champ,
                    season=date.year,
                    round=_round_number(art, rnd),
                )
            for v in art.held.get(rnd, []):
                ent = art.entity(v)
                if ent is not None and ent.type is EntityType.VENUE:
                    art.emit("heldAt", sent, "heldAt.race-of-round", 0.8, s=key, o=v)

    for key, extra in art.also_rounds.items():
        for pos, champ, n in extra:
            where = art.sentence_at(pos)
            if where is None:
                continue
            season = art.event_seasons.get(key) or _phrase_year(art, key) or art.published.year
            art.emit(
                "eventOf", where, "eventOf.also-round", 0.8, s=key, o=champ, season=season, round=n
            )
    _races_of_rounds(art)
    _lists_of_races(art)
    _editions(art)
    _also_counts(art)


def _lists_of_races(art: Article) -> None:
    """ "IMSA released the 58-car entry list for the 2026 Rolex 24 at Daytona": a race's entry list
    with no championship of its own belongs to the race's championship (its top level) and
    season, with no round of its own."""
    tied = {str(f.get("s")) for f in art.facts if f.relation == "eventOf"}
    for key, info in sorted(art.ctx.events.items()):
        if info.kind is not EventKind.ENTRY_LIST or info.parent is None or key in tied:
            continue
        sent = _first_sentence(art, key)
        if sent is None or key not in art.ctx.entities:
            continue
        done: set[str] = set()
        for f in list(art.facts):
            champ, season = f.get("o"), f.get("season")
            if f.relation != "eventOf" or f.get("s") != info.parent or not isinstance(champ, str):
                continue
            root = art.root_known(champ)
            if root in done:
                continue
            done.add(root)
            art.emit("eventOf", sent, "eventOf.list-of-race", 0.7, s=key, o=root, season=season)


def _round_number(art: Article, key: str) -> int | None:
    """The number of a round: as a "round N of X" phrase states it, else as the round's own
    phrase does ("the fourth and final round")."""
    info = art.ctx.events.get(key)
    return art.round_numbers.get(key) or (info.round if info is not None else None)


def _also_counts(art: Article) -> None:
    """ "The race ... also counted towards the Intercontinental GT Challenge": the race is an
    event of that championship too (its round unstated)."""
    for sent in art.sentences:
        for c in sent.of(C):
            race = art.race_at(c.start)
            if race is None or not art.also_counts(c):
                continue
            date = art.race_dates.get(race)
            season = date.year if date else art.event_seasons.get(race, art.focus_season)
            art.emit("eventOf", sent, "eventOf.also-counts", 0.7, s=race, o=c.entity, season=season)


def _editions(art: Article) -> None:
    """An earlier edition of the reported race ("last year's race", "the 2019 Norisring
    race") took place in its year, in the same series and at the same venue."""
    done: set[str] = set()
    for m in art.ctx.mentions:
        info = art.ctx.events.get(m.entity)
        sent = art.sentence_at(m.start)
        if m.rule != _EDITION or m.entity in done or info is None or info.year is None:
            continue
        if sent is None:
            continue
        done.add(m.entity)
        art.emit("eventDate", sent, "eventDate.edition", 0.75, s=m.entity, o=info.year)
        if info.championship and info.championship in art.ctx.entities:
            art.emit(
                "eventOf",
                sent,
                "eventOf.edition",
                0.7,
                s=m.entity,
                o=info.championship,
                season=info.year,
            )
        if info.venue and info.venue in art.ctx.entities:
            art.emit("heldAt", sent, "heldAt.edition", 0.7, s=m.entity, o=info.venue)


def _races_of_rounds(art: Article) -> None:
    """A race of a round ("Race 1", "the second race of the weekend") with no day of its own
    belongs to the round's championship and season and is held at the round's venue."""
    for key, info in art.ctx.events.items():
        rnd = info.parent
        if (
            info.kind is not EventKind.RACE
            or rnd is None
            or key in art.race_dates
            or key not in art.ctx.entities
            or rnd not in art.ctx.entities
        ):
            continue
        sent = _first_sentence(art, key)
        if sent is None:
            continue
        of_round = [f for f in art.facts if f.get("s") == rnd]
        champs = {str(f.get("o")) for f in of_round if f.relation == "eventOf"}
        for fact in of_round:
            if fact.relation == "eventOf":
                if any(art.parent(c) == fact.get("o") for c in champs):
                    continue  # the sub-championship's round: its races are the Sprint Cup's
                roles = {k: v for k, v in fact.args if k != "s"}
                art.emit("eventOf", sent, "eventOf.race-of-round", 0.75, s=key, **roles)
            elif fact.relation == "heldAt":
                place = art.entity(str(fact.get("o")))
                if place is not None and place.type is EntityType.VENUE:
                    art.emit("heldAt", sent, "heldAt.race-of-round", 0.75, s=key, o=place.key)


def _places_after(art: Article, sent: Sentence, pos: int) -> list[str]:
    """Places named right after ``pos``: "at Brands Hatch, England"."""
    out: list[str] = []
    end = pos
    for p in sent.after(pos, *PLACE_TYPES):
        gap = sent.gap(end, p.start)
        if (not out and re.fullmatch(r"\s*(?:at|in)\s+(?:the\s+)?", gap)) or (
            out and re.fullmatch(r"\s*,\s*", gap)
        ):
            out.append(p.entity)
            end = p.end
        else:
            break
    return out


def _first_sentence(art: Article, key: str) -> Sentence | None:
    for p, k in art.race_marks + art.round_marks:
        if k == key:
            return art.sentence_at(p)
    for m in art.ctx.mentions:
        if m.entity == key:
            return art.sentence_at(m.start)
    return art.sentences[0] if art.sentences else None


def _event_of(art: Article, sent: Sentence) -> None:
    # a dated race of a reported round gets its eventOf from the round; a race standing
    # alone ("won the season-opening 24-hour race at X on Sunday") is tied like any event
    events = [
        m
        for m in sent.of(E)
        if m.entity not in art.race_dates
        or art.race_round.get(m.entity) is None
        or (art.race_round[m.entity] == m.entity and m.entity not in art.event_championships)
    ]
    champs = [c for c in sent.of(C) if not is_title_use(sent, c)]
    if not events:
        return
    tied: set[str] = set()
    used: set[int] = set()
    for ev in events:
        for c in champs:
            ok = (
                (ev.start <= c.start and c.end <= ev.end)
                or (c.start >= ev.end and _TIE_AFTER.match(sent.gap(ev.end, c.start)))
                or (c.end <= ev.start and _TIE_BEFORE.match(sent.gap(c.end, ev.start)))
            )
            opens = c.start >= ev.end and bool(_TIE_OPENS.match(sent.gap(ev.end, c.start)))
            if ok or opens:
                _emit_event_of(art, sent, ev, c.entity, first=opens)
                tied.add(ev.entity)
                used.add(c.start)
    if tied:
        return
    free = [
        ev
        for ev in events
        if not any(
            o.start > ev.end and re.fullmatch(r"\s*(?:at|during)\s+", sent.gap(ev.end, o.start))
            for o in sent.of(E)
        )
    ]
    distinct = {c.entity for c in champs}
    if len(distinct) == 1:
        for ev in free:
            if art.quoted(ev.start) and not art.quoted(champs[0].start):
                continue  # a race the speaker names is not of the series the narrative names
            _emit_event_of(art, sent, ev, champs[0].entity)
    elif not champs:
        for ev in free:
            if _SEASON_OPENS.search(sent.tail(ev.start, 60)) or _SEASON_ENDS.search(
                sent.tail(ev.start, 60)
            ):
                champ = art.dominant_championship()
                if champ:
                    _emit_event_of(art, sent, ev, champ)
                continue
            if not is_named_event(ev) and _GENERIC_EVENT.search(ev.text):
                champ = art.dominant_championship()
                if champ:
                    _emit_event_of(art, sent, ev, champ)


def _emit_event_of(
    art: Article, sent: Sentence, ev: LinkedMention, champ: str, *, first: bool = False
) -> None:
    current = art.event_tied.get(ev.entity)
    # a race that opens both a championship and its cup stays the championship's
    if current is None or (art.parent(champ) == current and not first):
        art.event_tied[ev.entity] = champ
    if ev.entity in art.event_championships and art.event_championships[ev.entity] == champ:
        return
    rnd = None
    gap = sent.text[max(0, sent.rel(ev.start)) : sent.rel(ev.end)]
    rm = _ROUND.search(gap)
    if rm and champ in {c.entity for c in sent.of(C) if ev.start <= c.start <= ev.end}:
        rnd = number(rm.group("n"))
    if rnd is None and (
        first or _OPENER.search(ev.text) or _SEASON_OPENS.search(sent.tail(ev.start, 60))
    ):  # "the season-opening 24-hour race at X", "the season opens with X"
        rnd = 1
    art.emit(
        "eventOf",
        sent,
        "eventOf.tie",
        0.75,
        s=ev.entity,
        o=champ,
        season=_event_season(art, sent, ev)
        or _dated_season(art, sent, ev)
        or (
            _fallback_season(art, sent, ev)
            if _SCHEDULE.search(sent.text)
            or _PRE_SEASON.search(ev.text)
            or _SEASON_ENDS.search(sent.tail(ev.start, 60))
            or (rnd is not None and not is_named_event(ev))
            else None
        ),
        round=rnd,
    )


def _dated_season(art: Article, sent: Sentence, ev: LinkedMention) -> int | None:
    """The year of an event dated by its own clause ("the rookie test ... on 21 October")."""
    day = _date_on(art, sent.text[sent.rel(ev.end) :])
    return day.year if day is not None else None


def _fallback_season(art: Article, sent: Sentence, ev: LinkedMention) -> int:
    """The season of an event named without a year: the sentence's own season ("last
    year"), else the season the article is about."""
    if re.search(r"\bpost-season\b", ev.text, re.I):
        return art.published.year
    return art.season_in(sent, ev.start) or art.focus_season or art.published.year


def _on_date(art: Article, sent: Sentence) -> None:
    """A session or day dated by its own clause: "Test day takes place on 9 June" (the year
    closest to the publication date)."""
    for ev in sent.of(E):
        if ev.entity in art.race_dates:
            continue
        after = sent.text[sent.rel(ev.end) :]
        if _is_round(art, ev) and not (
            art.kind(ev.entity) is EventKind.RACE or _DATE_NEXT.match(after)
        ):
            continue  # a meeting spans days: only "<round> on 19 October" dates it
        nxt = _NEXT_DAY.match(after)
        if nxt is not None:
            prior = _last_date_before(art, sent)
            if prior is not None:
                art.emit(
                    "eventDate",
                    sent,
                    "eventDate.next-day",
                    0.7,
                    s=ev.entity,
                    o=prior + _dt.timedelta(days=1),
                )
            continue
        best = _date_on(art, after)
        if best is not None:
            art.emit("eventDate", sent, "eventDate.on-date", 0.75, s=ev.entity, o=best)


def _last_date_before(art: Article, sent: Sentence) -> _dt.date | None:
    """The day of the event dated last before this sentence's end (for "the next day")."""
    best: tuple[int, _dt.date] | None = None
    for fact in art.facts:
        o = fact.get("o")
        if (
            fact.relation == "eventDate"
            and isinstance(o, _dt.date)
            and fact.evidence.start <= sent.start
            and (best is None or fact.evidence.start >= best[0])
        ):
            best = (fact.evidence.start, o)
    return best[1] if best else None


def _held_at(art: Article, sent: Sentence) -> None:
    events = [m for m in sent.of(E)]
    places = sent.of(*PLACE_TYPES)
    if not events or not places:
        return
    found: dict[str, list[str]] = {}
    for ev in events:
        keys: list[str] = []
        for p in places:
            if ev.start <= p.start and p.end <= ev.end and p.entity != ev.entity:
                keys.append(p.entity)
                continue
            if p.start < ev.end:
                continue
            gap = sent.gap(ev.end, p.start)
            if _PLACE_TIE.match(gap) or (
                keys and re.fullmatch(r"\s*,\s*", sent.gap(_end_of(sent, keys[-1]), p.start))
            ):
                # a demonym names the place only as "the French circuit"
                if (
                    p.type is EntityType.COUNTRY
                    and art.name(p.entity).lower() not in p.text.lower()
                    and not re.match(
                        r"^\s+(?:circuit|track|venue|race ?track)\b", sent.text[sent.rel(p.end) :]
                    )
                ):
                    continue
                keys.append(p.entity)
            else:
                break
        if keys:
            found.setdefault(ev.entity, [])
            for k in keys:
                if k not in found[ev.entity]:
                    found[ev.entity].append(k)
    if found:
        shared = next(iter(found.values()))
        for ev in events:
            if (
                ev.entity not in found
                and art.kind(ev.entity) not in (EventKind.RACE, EventKind.ENTRY_LIST)
                and not is_named_event(ev)
                and "entry" not in ev.text.lower()
            ):
                found[ev.entity] = [k for k in shared if _is_venue_or_country(art, k)]
    for ev_key, keys in found.items():
        for k in keys:
            art.emit("heldAt", sent, "heldAt.in-at", 0.8, s=ev_key, o=k)
            art.held.setdefault(ev_key, [])
            if k not in art.held[ev_key]:
                art.held[ev_key].append(k)


def _end_of(sent: Sentence, key: str) -> int:
    for m in sent.mentions:
        if m.entity == key:
            return m.end
    return sent.start


def _is_venue_or_country(art: Article, key: str) -> bool:
    e = art.entity(key)
    return e is not None and e.type in PLACE_TYPES
