"""Race retirements and disqualifications: a car that did not finish the reported race, or was
disqualified from it, is a result without a place (``position: DNF`` / ``DSQ``).

"the #14 of A and B retired after contact", "Proton Competition lost its #88 Porsche to a
gearbox failure", "the #7 crashed out at Eau Rouge with C at the wheel": the entry
is the team, car and race number of the clause, the crew the drivers it names. A driver who
retires from racing ("will retire at the end of the season", "announced his retirement from
professional racing") is :mod:`.identity`'s, not a result; a race still to run has none.
"""

from __future__ import annotations

import re

from racegraph.extract.relations._base import Article, Sentence, same_clause
from racegraph.records import EntityType

D = EntityType.DRIVER
T = EntityType.TEAM

_FAILURE = r"(?:\w+[\s-]+){0,3}(?:failure|problem|issue|fault|damage|fire|crash|accident|leak)"
_CUE = re.compile(
    r"\b(?:retired|crashed\s+out|did\s+not\s+(?:finish|see\s+the\s+(?:finish|chequered\s+flag))"
    r"|failed\s+to\s+finish|was\s+out\s+(?:on|after|in)\b"
    r"|stopped\s+(?:on\s+track\s+|(?:the|its|his|her)\s+#\d{1,3}\b[^.;]{0,50}?)?with\b"
    r"|\b(?:race|run)\s+ended\b"
    rf"|lost\s+(?:its|their|his|her)\s+#\d{{1,3}}\b[^.;]{{0,60}}?\bto\s+(?:an?\s+)?{_FAILURE})",
    re.I,
)
# "..., when A stopped the car", "... after A crashed", "... with A at the wheel"
_HOW = re.compile(r"\S+[^,;]{0,40}?\b(?:when|after|with|as)\s+(?:\w+\s+){0,3}?", re.I)
_THE_CAR = re.compile(r"\b(?:the|its|his|her|their)\s+car\s+(?:was\s+|had\s+to\s+be\s+)?$", re.I)
_SUBJECT = re.compile(r"\s*(?:The\s+)?")
# "the #35 Alpine, which had finished third, was disqualified"
_DISQUALIFIED = re.compile(r"\b(?:was|were|been|being)\s+disqualified\b", re.I)
# a career, not a race: "retired from professional racing", "will retire", "retired in 2019"
_CAREER = re.compile(
    r"\bretired\s+(?:from\s+(?:professional|full-time|top-level|international|single-seater|"
    r"racing|motorsport|the\s+sport|competition)|in\s+(?:19|20)\d\d|at\s+the\s+end\s+of)"
    r"|\b(?:will|to|would|could|may|might)\s+(?:have\s+)?retired?\b",
    re.I,
)


def extract(art: Article) -> None:
    placed = _placed(art)
    for sent in art.sentences:
        if _CAREER.search(sent.text):
            continue
        for m in _CUE.finditer(sent.text):
            if not art.quoted(sent.abs(m.start())):
                _retired(art, sent, sent.abs(m.start()), placed, "DNF")
        for m in _DISQUALIFIED.finditer(sent.text):
            if not art.quoted(sent.abs(m.start())):
                _retired(art, sent, sent.abs(m.start()), set(), "DSQ")


def _retired(
    art: Article,
    sent: Sentence,
    cue: int,
    placed: set[tuple[str | None, tuple[str, ...]]],
    status: str,
) -> None:
    race = art.race_for(sent, cue)
    date = art.race_dates.get(race or "")
    if race is None or (date is not None and date > art.published):
        return
    drivers = [
        d.entity
        for d in sent.of(D)
        if same_clause(sent, d.start, cue)
        or (d.start > cue and _HOW.fullmatch(sent.gap(cue, d.start)))
    ]
    teams = [t.entity for t in sent.of(T) if t.start < cue and same_clause(sent, t.start, cue)]
    if not teams and not drivers:  # "X's #35, which had finished third, was disqualified"
        teams = [t.entity for t in sent.of(T) if _SUBJECT.fullmatch(sent.gap(sent.start, t.start))]
    team = teams[-1] if teams else None
    prev = art.previous_in_paragraph(sent)
    if (
        not drivers
        and team is None
        and prev is not None
        and _THE_CAR.search(sent.gap(sent.start, cue))
    ):  # "A spun the #10 into the barrier. ... the car was retired"
        drivers = [d.entity for d in prev.of(D)]
        team = next((t.entity for t in prev.of(T)), None)
    if not drivers and team is None:
        return
    if not drivers:  # "Alpine's #35 ... was disqualified": the crew the article gives that car
        num = re.match(r"['’]s\s+#(\d{1,3})\b", sent.text[sent.rel(_end_of(sent, team)) :])
        drivers = art.car_crew(int(num.group(1))) if num else []
    if (team, tuple(drivers)) in placed or set(drivers) & _placed_drivers(placed):
        return  # "retired from fourth place" after a result of that crew: its place stands
    cars = [c.entity for c in sent.of(EntityType.CAR_MODEL) if same_clause(sent, c.start, cue)]
    art.emit(
        "raceResult",
        sent,
        f"raceResult.{status.lower()}",
        0.7,
        event=race,
        date=date,
        position=status,
        classification="overall",
        drivers=tuple(dict.fromkeys(drivers)) or None,
        team=team,
        car=cars[0] if cars else None,
    )


def _end_of(sent: Sentence, key: str | None) -> int:
    """Where the last mention of ``key`` in the sentence ends (the sentence's end if none)."""
    ends = [m.end for m in sent.mentions if m.entity == key]
    return ends[-1] if ends else sent.end


def _placed(art: Article) -> set[tuple[str | None, tuple[str, ...]]]:
    """The entries (team, crew) the article has already given a finishing place."""
    out: set[tuple[str | None, tuple[str, ...]]] = set()
    for f in art.facts:
        if f.relation == "raceResult":
            drivers = f.get("drivers")
            crew = tuple(str(d) for d in drivers) if isinstance(drivers, tuple) else ()
            team = f.get("team")
            out.add((str(team) if team else None, crew))
    return out


def _placed_drivers(placed: set[tuple[str | None, tuple[str, ...]]]) -> set[str]:
    return {d for _team, crew in placed for d in crew}
