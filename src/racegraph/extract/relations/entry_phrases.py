"""The entry a crew is named with: its race number, team and car, read from the words around
the crew ("the #8 Toyota of A and B", "Kessel Racing's Ferrari 296 GT3 of A and B", "Team WRT,
whose #41 Oreca 07 was shared by A, B and C", "A and B (Team X)", "A and B won in the #8
Toyota GR010 Hybrid", "..., entered by Team X").

Both the results rules (a result's crew carries its car, number and team) and the article's
entry table (:mod:`.entries`, which merges the entries of every sentence) need the same
reading of one sentence, so it lives here rather than inside either. The reader only looks at
linked mentions and the short gaps between them; it emits no facts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from racegraph.extract.context import LinkedMention
from racegraph.extract.relations._base import Sentence
from racegraph.records import EntityType

__all__ = [
    "ENTRY_TYPES",
    "RACE_NUMBER",
    "Entry",
    "chain",
    "crew_entry",
    "entry_after",
    "entry_before",
    "entry_mentions",
    "entry_of",
]

D = EntityType.DRIVER
T = EntityType.TEAM
ENTRY_TYPES = (T, EntityType.CAR_MODEL, EntityType.MANUFACTURER)
RACE_NUMBER = re.compile(r"#\s?(\d{1,3})\b")
# between an entry and its crew: "the #5 McLaren of A", "the #6 Porsche 963, shared by A",
# "fourth in the hands of A"
CREW_LINK = (
    r"(?:of|in\s+the\s+hands\s+of|,?\s*(?:(?:was|were)\s+)?(?:shared|driven|crewed|raced)\s+by)"
)
_OF_CREW = re.compile(r"^\s*(?:[a-z-]+\s+){0,2}?" + CREW_LINK + r"\s+$")
# "of Alessandro Pier Guidi, B and C" with the first name unresolved: the entry is still B's
_OF_CREW_UNNAMED = re.compile(
    r"^\s*(?:[a-z-]+\s+){0,2}?"
    + CREW_LINK
    + r"\s+(?:[A-Z][\w'’.-]+\s+){1,3}?[A-Z][\w'’.-]+(?:\s*\([A-Z]{2,3}\))?\s*(?:,|/|,?\s*and)\s*$"
)
_CHAIN_GAP = re.compile(r"^\s*(?:['’]s\s+)?(?:#\s?\d{1,3}\s+)?$")
_IN_CAR = re.compile(
    r"^(?:\s*\([^()]{1,40}\))?(?:\s*,\s*who(?:\s+had)?\s+)?[^,;.()]{0,40}?\b(?:in|brought|drove|drives|driving|shared|sharing|steered|piloted)"
    r"\s+(?:(?:the|a|an|their|its)\s+(?:#\s?\d{1,3}\s+|#)?(?:[A-Z][\w&'’-]*\s+){0,2})?$",
)
_OF_TEAM = re.compile(r"^\s+of\s+(?:the\s+)?$")  # "the #51 Ferrari 499P of AF Corse"
_ENTERED_BY = re.compile(r"^\s*,?\s*(?:entered|run|fielded|prepared)\s+by\s+(?:the\s+)?$", re.I)
_NUMBER_BEFORE = re.compile(r"#\s?(\d{1,3})\s+[^,;#()]{0,40}$")
_HEADLESS = re.compile(r"#\s?(\d{1,3})\s+(?:[\w-]+\s+){0,2}?(?:car|entry|machine)\s+of\s+$", re.I)
_WHOSE = re.compile(r"^\s*,\s*whose\s+(?:#\s?\d{1,3}\s+)?$", re.I)


@dataclass(slots=True)
class Entry:
    """A racing entry as far as one phrase names it; ``keys`` are the entities it was read
    from (team, car, make), so a later mention of one of them finds the entry again."""

    team: str | None = None
    car: str | None = None
    number: int | None = None
    keys: set[str] = field(default_factory=set)

    def update(self, other: Entry) -> None:
        """Fill what this entry lacks from ``other`` (what is known first wins)."""
        self.team = self.team or other.team
        self.car = self.car or other.car
        self.number = self.number if self.number is not None else other.number
        self.keys |= other.keys


def entry_mentions(sent: Sentence, pos: int, after: bool) -> list[LinkedMention]:
    """Team / car / make mentions before or after ``pos``, without a make nested in a car
    model or a team name ("Toyota" inside "Toyota GR010 Hybrid", "Corvette" inside
    "Corvette Racing")."""
    cars = sent.of(EntityType.CAR_MODEL, T)
    ms = [
        m
        for m in sent.of(*ENTRY_TYPES)
        if not (
            m.type is EntityType.MANUFACTURER
            and any(c.start <= m.start and m.end <= c.end for c in cars)
        )
    ]
    return [m for m in ms if m.start >= pos] if after else [m for m in ms if m.end <= pos]


def chain(sent: Sentence, head: LinkedMention, forward: bool) -> list[LinkedMention]:
    """Entry mentions glued to ``head``: "#1 ABT Audi R8", "Kessel Racing's Ferrari"."""
    ms = entry_mentions(sent, sent.start, after=True)
    links = [head]
    if forward:
        for m in ms:
            gap = sent.gap(links[-1].end, m.start) if m.start >= links[-1].end else ""
            if m.start >= links[-1].end and (
                _CHAIN_GAP.match(gap) or (m.type is T and _OF_TEAM.match(gap))
            ):
                links.append(m)
            elif m.start >= links[-1].end:
                break
    else:
        for m in reversed(ms):
            if m.end <= links[0].start and _CHAIN_GAP.match(sent.gap(m.end, links[0].start)):
                links.insert(0, m)
            elif m.end <= links[0].start:
                break
    return links


def number_before(sent: Sentence, pos: int) -> int | None:
    """The race number written shortly before ``pos`` in its phrase ("#32 Team WRT BMW")."""
    found = _NUMBER_BEFORE.search(sent.tail(pos, 50))
    return int(found.group(1)) if found else None


def entry_of(sent: Sentence, links: list[LinkedMention], lo: int) -> Entry:
    """The entry a chain of glued mentions names: its first team, last car, and the last race
    number written from ``lo`` (a few characters before the chain, for "#8 ...") to its end."""
    teams = [m.entity for m in links if m.type is T]
    cars = [m.entity for m in links if m.type is EntityType.CAR_MODEL]
    nums = RACE_NUMBER.findall(sent.gap(min(lo, links[0].start), links[-1].end))
    lead = number_before(sent, links[0].start)  # "#32 Team WRT BMW M4 GT3"
    if not nums and lead is not None:
        nums = [str(lead)]
    entry = Entry(
        team=teams[0] if teams else None,
        car=cars[-1] if cars else None,
        number=int(nums[-1]) if nums else None,
        keys={m.entity for m in links},
    )
    if entry.team is None:
        before = [t for t in sent.before(links[0].start, T)]
        if before and _WHOSE.match(sent.gap(before[-1].end, links[0].start)):
            entry.team = before[-1].entity  # "Team WRT, whose #41 Oreca 07 was shared by"
    return entry


def entry_before(sent: Sentence, start: int) -> Entry | None:
    """The entry a crew starting at ``start`` is "of" / "shared by"."""
    heads = entry_mentions(sent, start, after=False)
    drivers = sent.before(start, D)
    if heads and not (drivers and drivers[-1].start > heads[-1].end):
        head = heads[-1]
        gap = sent.gap(head.end, start)
        if _OF_CREW.match(gap.lower()) or _OF_CREW_UNNAMED.match(gap):
            links = chain(sent, head, forward=False)
            return entry_of(sent, links, links[0].start - 6)
    headless = _HEADLESS.search(sent.tail(start, 40))
    if headless:
        return Entry(number=int(headless.group(1)))
    return None


def entry_after(sent: Sentence, end: int) -> Entry | None:
    """The entry named after a crew ending at ``end``: "(Team X)", "in the #8 Toyota"."""
    entry: Entry | None = None
    heads = entry_mentions(sent, end, after=True)
    drivers = sent.after(end, D)
    if (
        heads
        and re.fullmatch(r"\s*\(\s*", sent.gap(end, heads[0].start))
        and heads[0].type is T
        and sent.text[sent.rel(heads[0].end) :].lstrip().startswith(")")
    ):
        entry = Entry(team=heads[0].entity, keys={heads[0].entity})  # "A and B (Team X)"
    for head in heads:
        if drivers and drivers[0].start < head.start:
            break
        gap = sent.gap(end, head.start)
        if head.type is T and _ENTERED_BY.match(gap):  # "..., entered by Team X"
            found = Entry(team=head.entity, keys={head.entity})
            if entry is None:
                entry = found
            else:
                entry.update(found)
            continue
        if _IN_CAR.match(gap):
            found = entry_of(sent, chain(sent, head, forward=True), head.start - 6)
            if entry is None:
                entry = found
            else:
                entry.update(found)
            break
        if re.search(r";|\.\s|,\s*(?:while|but|whereas|although|and)\b", gap):
            break
    return entry


def crew_entry(sent: Sentence, crew: list[str]) -> Entry:
    """The entry of a crew named in this sentence (before or after the names)."""
    ms = [m for m in sent.of(D) if m.entity in crew]
    entry = Entry()
    if not ms:
        return entry
    before = entry_before(sent, ms[0].start)
    if before is not None:
        entry.update(before)
    after = entry_after(sent, ms[-1].end)
    if after is not None:
        entry.update(after)
    return entry
