"""Resolve time expressions of news articles against the published date.

Rules (documented, deliberately simple):

* weekdays ("on Sunday", "Sunday's race", "the Saturday race") -> the most recent such day
  strictly before the published date (a report published on a Monday talks about the weekend
  just gone; a report published on a Sunday about "Sunday" means that day is not supported);
* "today" / "tomorrow" / "yesterday" -> published date +0 / +1 / -1 day;
* explicit dates ("16 July 2023", "July 16, 2023", "2023-07-16") -> that day;
* a month with a year ("March 2024") -> year precision with the month kept;
  a month alone ("in March") -> the nearest such month not after the published month;
* "this/next/last season|year", "N years ago|earlier", "in N years" -> a year;
* "the 2024 season", "at the end of 2021", a bare year -> that year.

Everything returns a :class:`TimeSpan` with a precision (``day``, ``month`` or ``year``) or
None when the expression is not understood.

>>> import datetime as dt
>>> resolve("on Sunday", dt.date(2023, 7, 17))
TimeSpan(start=datetime.date(2023, 7, 16), precision='day', year=2023)
>>> resolve("next season", dt.date(2023, 11, 6)).year
2024
"""

from __future__ import annotations

import datetime as _dt
import itertools
import re
from dataclasses import dataclass

__all__ = ["TimeSpan", "resolve"]

WEEKDAYS: tuple[str, ...] = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)
MONTHS: tuple[str, ...] = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)}
CARDINALS: dict[str, int] = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
}
"""Number words of the genre ("eight years ago", "round two", "the Six Hours of"), shared by
the extraction stages."""
_NUMBER_WORDS = {"a": 1, **CARDINALS}

# Compiled once at import: these are constants, not state.
_MONTH_RE = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DMY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+" + _MONTH_RE + r",?\s+(\d{4})\b")
_MDY = re.compile(r"\b" + _MONTH_RE + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_MY = re.compile(r"\b" + _MONTH_RE + r"\s+(\d{4})\b")
_MONTH_ONLY = re.compile(r"\b" + _MONTH_RE + r"\b")
_YEAR = re.compile(r"\b(19\d{2}|20\d{2})\b")
# a year, or a season over the turn of two years ("the 2024-25 season", "2024/2025"): a
# split season is labelled by the year its races end
SEASON_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)(?:[-/–](\d\d(?:\d\d)?))?\b(?!-\d)")
_AGO = re.compile(
    r"\b(\d+|" + "|".join(_NUMBER_WORDS) + r")\s+(years?|seasons?)\s+(?:ago|earlier)\b"
)
_IN_N = re.compile(r"\bin\s+(\d+|" + "|".join(_NUMBER_WORDS) + r")\s+(years?|seasons?)\b")
_RELATIVE = re.compile(r"\b(this|next|last|previous|coming|current|following)\s+(year|season)\b")
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b")
_DAY_WORD = re.compile(r"\b(today|tomorrow|yesterday|tonight)\b")


def season_of(m: re.Match[str]) -> int:
    """The season a :data:`SEASON_YEAR` match names: the second year of a split season.

    >>> season_of(SEASON_YEAR.search("the 2024-25 season")), first_season("in 2024/2025")
    (2025, 2025)
    """
    first = int(m.group(1))
    second = m.group(2)
    if second is not None:
        end = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
        if end == first + 1:
            return end
    return first


# "was decided at the Paul Ricard finale in October" told in February: last year's October
_PAST_MONTH = re.compile(
    r"\bin\s+(?:early\s+|late\s+|mid-)?(?P<month>"
    + "|".join(m.capitalize() for m in MONTHS)
    + r")\b(?!\s*,?\s*(?:19|20)\d\d)"
)
_PAST_VERB = re.compile(r"\b(?:was|were|had|won|took|ran|\w{3,}ed)\b")
_ASIDE = re.compile(r"\b(?:when|whose|who|which)\b", re.I)  # the month is the aside's
_FUTURE_VERB = re.compile(
    r"\b(?:will|set|scheduled|due|next|is|are|ready|ahead\s+of|for\s+the|before\s+the)\b", re.I
)


def past_months(text: str, published: _dt.date) -> list[tuple[int, int]]:
    """(offset, year) of each bare "in <Month>" the text tells in the past tense: the last
    such month up to the publication date ("was settled in October" in February is last
    year's October). A month in a clause about what will happen says no year here."""
    found: list[tuple[int, int]] = []
    if re.search(r"\b(?:19|20)\d\d\b", text):
        return found  # the sentence names its year
    for m in _PAST_MONTH.finditer(text):
        lead = re.split(r"[;,]", text[: m.start()])[-1]  # the month's own clause
        if _PAST_VERB.search(lead) and not _FUTURE_VERB.search(lead) and not _ASIDE.search(lead):
            month = MONTHS.index(m.group("month").lower()) + 1
            found.append((m.start(), published.year - (month > published.month)))
    return found


def first_season(text: str) -> int | None:
    """The season of the first year written in ``text``, if any."""
    m = SEASON_YEAR.search(text)
    return season_of(m) if m else None


@dataclass(frozen=True, slots=True)
class TimeSpan:
    """A resolved time: ``start`` is the first day; ``precision`` says how much is known."""

    start: _dt.date
    precision: str  # "day" | "month" | "year"
    year: int

    @staticmethod
    def of_day(day: _dt.date) -> TimeSpan:
        return TimeSpan(start=day, precision="day", year=day.year)

    @staticmethod
    def of_year(year: int) -> TimeSpan:
        return TimeSpan(start=_dt.date(year, 1, 1), precision="year", year=year)

    @staticmethod
    def of_month(year: int, month: int) -> TimeSpan:
        return TimeSpan(start=_dt.date(year, month, 1), precision="month", year=year)


def _month_number(word: str) -> int:
    return _MONTH_ABBR[word.lower().rstrip(".")[:3]]


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS[word]


def _safe_date(year: int, month: int, day: int) -> _dt.date | None:
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None


def last_weekday(name: str, published: _dt.date) -> _dt.date:
    """The most recent ``name`` day strictly before ``published``.

    >>> last_weekday("saturday", _dt.date(2023, 7, 17))
    datetime.date(2023, 7, 15)
    """
    target = WEEKDAYS.index(name.lower())
    delta = (published.weekday() - target) % 7 or 7
    return published - _dt.timedelta(days=delta)


def next_weekday(name: str, published: _dt.date) -> _dt.date:
    """The first ``name`` day strictly after ``published`` ("will be back on Saturday").

    >>> next_weekday("saturday", _dt.date(2023, 7, 17))
    datetime.date(2023, 7, 22)
    """
    target = WEEKDAYS.index(name.lower())
    return published + _dt.timedelta(days=(target - published.weekday()) % 7 or 7)


_DM = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+" + _MONTH_RE + r"(?![\w,]*\s*\d{4})")
_MD = re.compile(r"\b" + _MONTH_RE + r"\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s*\d{4})")


def stated_days(text: str, published: _dt.date) -> set[_dt.date]:
    """The days a sentence names: full dates, "12 July" (the year nearest publication) and
    weekdays (the last one before publication). Two mentions of races that name different
    days are two races, whatever else they share.

    >>> sorted(stated_days("won on Sunday; next is 12 July", _dt.date(2025, 6, 23)))
    [datetime.date(2025, 6, 22), datetime.date(2025, 7, 12)]
    """
    low = text.lower()
    days: set[_dt.date] = set()
    for m in itertools.chain(_DMY.finditer(low), _MDY.finditer(low)):
        day_first = m.re is _DMY
        d, mon = (m.group(1), m.group(2)) if day_first else (m.group(2), m.group(1))
        found = _safe_date(int(m.group(3)), _month_number(mon), int(d))
        if found:
            days.add(found)
    for m in itertools.chain(_DM.finditer(low), _MD.finditer(low)):
        if found := _nearest_day(m, published):
            days.add(found)
    for m in _WEEKDAY.finditer(low):
        if not _DATED_WEEKDAY.match(low, m.end()):
            days.add(last_weekday(m.group(1), published))
    return days


# a weekday followed by its date: "Saturday 24 January", "Saturday, January 24"
_DATED_WEEKDAY = re.compile(
    r",?\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?"
    + _MONTH_RE
    + r"|"
    + _MONTH_RE
    + r"\s+\d{1,2}\b)"
)


def _nearest_day(m: re.Match[str], published: _dt.date) -> _dt.date | None:
    """The day of a day-and-month match (:data:`_DM` or :data:`_MD`) in the year nearest
    publication ("24 January" in a story of 6 January 2026 is 2026-01-24)."""
    d, mon = (m.group(1), m.group(2)) if m.re is _DM else (m.group(2), m.group(1))
    near = [
        x
        for y in (published.year - 1, published.year, published.year + 1)
        if (x := _safe_date(y, _month_number(mon), int(d)))
    ]
    return min(near, key=lambda x: abs((x - published).days)) if near else None


def days_apart(a: set[_dt.date], b: set[_dt.date]) -> bool:
    """Both sides are dated, and no day of one is within a race weekend (three days) of a
    day of the other: two mentions so dated are two events."""
    return bool(a and b) and all(abs((x - y).days) > 3 for x in a for y in b)


def resolve(expression: str, published: _dt.date) -> TimeSpan | None:
    """Resolve one time expression (see the module docstring for the rules).

    >>> resolve("the Saturday race", _dt.date(2023, 7, 17)).start
    datetime.date(2023, 7, 15)
    >>> resolve("at the end of 2021", _dt.date(2023, 11, 29))
    TimeSpan(start=datetime.date(2021, 1, 1), precision='year', year=2021)
    >>> resolve("the race", _dt.date(2023, 11, 29)) is None
    True
    """
    text = expression.lower().replace("’", "'")
    if m := _ISO.search(text):
        day = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if day:
            return TimeSpan.of_day(day)
    if m := _DMY.search(text):
        day = _safe_date(int(m.group(3)), _month_number(m.group(2)), int(m.group(1)))
        if day:
            return TimeSpan.of_day(day)
    if m := _MDY.search(text):
        day = _safe_date(int(m.group(3)), _month_number(m.group(1)), int(m.group(2)))
        if day:
            return TimeSpan.of_day(day)
    if m := _MY.search(text):
        return TimeSpan.of_month(int(m.group(2)), _month_number(m.group(1)))
    for m in (_DM.search(text), _MD.search(text)):
        if m and (day := _nearest_day(m, published)):
            return TimeSpan.of_day(day)
    if m := _DAY_WORD.search(text):
        offset = {"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1}[m.group(1)]
        return TimeSpan.of_day(published + _dt.timedelta(days=offset))
    if m := _WEEKDAY.search(text):
        return TimeSpan.of_day(last_weekday(m.group(1), published))
    if m := _AGO.search(text):
        return TimeSpan.of_year(published.year - _number(m.group(1)))
    if m := _IN_N.search(text):
        return TimeSpan.of_year(published.year + _number(m.group(1)))
    if m := _RELATIVE.search(text):
        which = m.group(1)
        if which in {"next", "coming", "following"}:
            return TimeSpan.of_year(published.year + 1)
        if which in {"last", "previous"}:
            return TimeSpan.of_year(published.year - 1)
        return TimeSpan.of_year(published.year)
    if m := _YEAR.search(text):
        return TimeSpan.of_year(int(m.group(1)))
    if (m := _MONTH_ONLY.search(text)) and m.group(1) != "may":
        month = _month_number(m.group(1))
        year = published.year if month <= published.month else published.year - 1
        return TimeSpan.of_month(year, month)
    return None
