"""Titles and championships won: "the 2023 champion", "a three-time Le Mans winner", "sealed
the LMP2 title", "were crowned champions", "the title went to"."""

from __future__ import annotations

import datetime as _dt
import re

from racegraph.extract.relations._base import (
    CHAMPION_LABEL,
    PERSON_TYPES,
    Article,
    Sentence,
    group_after,
    group_before,
    number,
    tokens_in,
    verb_subject,
)
from racegraph.extract.relations.identity import subject_near
from racegraph.extract.time import MONTHS
from racegraph.records import EntityType
from racegraph.reference import key_of

D = EntityType.DRIVER
_PHRASE_CHAR = r"(?:[^,;.]|\.(?=\S))"
"""A character of a phrase that runs to the next punctuation; a dot inside a model name
("Corvette Z06 GT3.R") does not end it."""
_TITLE = re.compile(
    r"\b(?P<count>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|double|triple)[- ]times?\s+"
    r"(?P<body>(?:[\w-]+\s+){0,4}?)(?P<head>champion|winner|title[- ]holder|victor)\b",
    re.I,
)


def extract(art: Article) -> None:
    for sent in art.sentences:
        _title(art, sent)
        _champion(art, sent)
        _crowned_champions(art, sent)
        _apposed_champions(art, sent)
        _title_clause(art, sent)
        _title_went_to(art, sent)
        _beat_to_title(art, sent)
        _won_series(art, sent)


def _title(art: Article, sent: Sentence) -> None:
    if "time" not in sent.lower:
        return
    for m in _TITLE.finditer(sent.text):
        count = number(m.group("count"))
        body = [w for w in m.group("body").split() if w not in {"world", "the", "a"}]
        discipline = " ".join(body) or None
        a, b = sent.abs(m.start()), sent.abs(m.end())
        for s in subject_near(art, sent, a, b)[:1]:
            art.emit(
                "title",
                sent,
                "title.n-time",
                0.85,
                s=s,
                o=m.group(0),
                count=count,
                discipline=discipline,
            )


_CHAMPION_BEFORE = re.compile(
    r"\b(?P<mod>former|ex-|(?:19|20)\d\d|(?P<now>crowned|bec[oa]me)(?:\s+the)?)\s+$", re.I
)
_WON_TITLE = re.compile(
    r"\b(?:won|clinched|claimed|took|secured|sealed|lifted|wrapped\s+up"
    r"|wins|clinches|claims|takes|secures|seals|lifts|wraps\s+up"
    r"|(?P<inf>win|clinch|claim|take|secure|seal|lift|wrap\s+up))\s+"
    r"(?P<what>the|that|his|her)\s+"
    r"(?P<body>[^,;.]{0,70}?)\b(?:title|crown|championship)\b(?!\s+(?:race|decider|fight|battle))"
)
_FOR_GROUP = re.compile(r"\s+for\s+(?=\S)")
_LEAD = re.compile(r"(?:the\s+)?(?:[\w-]+\s+){0,2}")
"""What may stand before a name: "the Swiss A", "the Bronze-rated B"."""
_PURPOSE = re.compile(
    r"\b(?:enough|needed|came\s+home|finished|crossed\s+the\s+line)\b[^.;]{0,80}?\bto\s+$"
)
"""What makes an infinitive title phrase a fact: "was enough to seal the title", "came home
second to take the crown" (not "hopes to win the title")."""


def _champion(art: Article, sent: Sentence) -> None:
    """ "the former GT4 America champion X", "X, the 2025 Carrera Cup Asia champion": a title
    with the championship as its discipline, and the championship won (that season)."""
    if "champion" not in sent.lower:
        return
    for c in sent.of(EntityType.CHAMPIONSHIP):
        mod = _CHAMPION_BEFORE.search(sent.tail(c.start, 30))
        after = CHAMPION_LABEL.match(sent.text[sent.rel(c.end) :])
        if mod is None or after is None or art.quoted(c.start):
            continue
        a, b = c.start - len(sent.tail(c.start, 30)) + mod.start(), c.end + after.end()
        year = mod.group("mod")
        if mod.group("now"):  # "were crowned GTWC Europe Endurance Cup champions": this season
            year = str(art.season_in(sent, a, clause=False) or art.published.year)
        cls = [k.entity for k in sent.of(EntityType.CLASS) if c.end <= k.start < b]
        plural = sent.gap(a, b).lower().endswith("champions")
        for who in _crowned(art, sent, a, b) or subject_near(art, sent, a, b)[:1]:
            if not mod.group("now"):  # a career title, not the one just won
                art.emit(
                    "title",
                    sent,
                    "title.champion",
                    0.8,
                    s=who,
                    o=sent.gap(a, b),
                    discipline=None if plural else c.text,
                )
            art.emit(
                "won",
                sent,
                "won.champion",
                0.75,
                s=who,
                o=c.entity,
                season=int(year) if year.isdigit() else None,
                **{"class": cls[0] if cls else None},
            )


_CROWNED = re.compile(
    r"\s+(?:are|were|is|was|became|become|have\s+been|has\s+been)\s+(?:crowned\s+)?(?:the\s+)?",
    re.I,
)


def _crowned(art: Article, sent: Sentence, a: int, b: int) -> list[str]:
    """ "A, B and C are the 2025 ELMS LMP2 champions": every member of the group that is
    the champions, not just the nearest name; also when the copula is a second verb of the
    group ("A, B and C finished fifth in the #25 and are the 2025 ELMS LMP2 champions")."""
    for types in ([D], [EntityType.TEAM]):
        group = group_before(sent, a, types)
        if group and _CROWNED.fullmatch(sent.gap(group[-1].end, a)):
            return [g.entity for g in group]
    for tok in tokens_in(art, a, b):
        verb = tok.head
        if tok.lower_.startswith("champion") and tok.dep_ == "attr" and verb.lemma_ == "be":
            subject = verb_subject(sent, verb)
            for kind in (D, EntityType.TEAM):
                if members := [m.entity for m in subject if m.type is kind]:
                    return members
    return []


_CROWNED_CHAMPIONS = re.compile(
    r"(?:\s+(?:(?:are|were|is|was|have\s+been|has\s+been)\s+crowned|(?:needed\s+)?to\s+become"
    r"|(?:are|were|is|was)(?:\s+now)?(?=\s+the\s))|(?P<bare>(?<=\S)(?=\s+the\s)))\s+"
    r"(?:the\s+)?(?:(?:overall|drivers['’]?|teams['’]?|world|(?:19|20)\d\d|(?-i:[A-Z][\w-]*))\s+)"
    r"{0,6}champions?\b",
    re.I,
)
_MADE = re.compile(r"\b(?:made|makes|make)\s+$", re.I)


def _crowned_champions(art: Article, sent: Sentence) -> None:
    """ "A and B were crowned overall champions", "R-ace GP were crowned champions", "all A
    and B needed to become GTP champions": the drivers or team right before the phrase won
    the championship it names, else the one the story is about, that season."""
    for m in _CROWNED_CHAMPIONS.finditer(sent.text):
        a, b = sent.abs(m.start()), sent.abs(m.end())
        if art.quoted(a):
            continue
        group = group_before(sent, a, [D])
        if not group or sent.gap(group[-1].end, a):
            group = group_before(sent, a, [EntityType.TEAM])[-1:]
        if not group or sent.gap(group[-1].end, a):
            continue
        if m.group("bare") is not None and not _MADE.search(sent.gap(sent.start, group[0].start)):
            continue  # a bare "A and B the LMP2 champions" only after "made"
        inner = [c.entity for c in sent.of(EntityType.CHAMPIONSHIP) if a <= c.start < b]
        if inner:
            continue  # "were crowned GT World Challenge Europe champions": _champion's
        champ = _story_championship(art, sent, a, b)
        if champ is None:
            continue
        cls = [k.entity for k in sent.of(EntityType.CLASS) if a <= k.start < b]
        season = art.season_in(sent, a, clause=False) or art.focus_season or art.published.year
        teams = [
            t.entity
            for t in sent.before(group[0].start, EntityType.TEAM)
            if re.fullmatch(r"['’]s\s+", sent.gap(t.end, group[0].start))
        ]
        for g in group:
            art.emit(
                "won",
                sent,
                "won.crowned",
                0.75,
                s=g.entity,
                o=champ,
                season=season,
                **{"class": cls[0] if cls else None},
            )
            if g.type is D:
                _champion_season(
                    art, sent, g.entity, champ, season, cls[0] if cls else None, teams, "crowned"
                )


# "IDEC Sport, crowned LMP2 champions with A and B, ...", "X, the LMP3 champion, ..."
_APPOSED_CHAMPIONS = re.compile(
    r"^,\s+(?:(?:newly\s+)?crowned|the(?:\s+reigning|\s+defending)?)\s+"
    r"(?:(?:overall|(?-i:[A-Z][\w/-]*))\s+){1,4}champions?\b(?P<with>\s+with\s+)?",
    re.I,
)


def _apposed_champions(art: Article, sent: Sentence) -> None:
    """A team or driver in apposition with its title ("IDEC Sport, crowned LMP2
    champions with A and B, receives one of them"; "Nova Racing, the LMP3 champion,
    moves up"): it won the class of the story's championship, and so did the crew it was
    won with. A title told this way is the last season's."""
    for who in sent.of(EntityType.TEAM, D):
        m = _APPOSED_CHAMPIONS.match(sent.text[sent.rel(who.end) :])
        if m is None or art.quoted(who.start):
            continue
        a, b = who.end, who.end + m.end()
        cls = [k.entity for k in sent.of(EntityType.CLASS) if a <= k.start < b]
        champ = _story_championship(art, sent, a, b)
        if champ is None or not cls:
            continue
        winners = [who.entity]
        if m.group("with"):
            winners += [d.entity for d in group_after(sent, b, [D])]
        season = _title_season(art, sent, a, b) or (
            art.published.year - 1 if art.published.month <= 3 else art.published.year
        )
        for w in winners:
            art.emit(
                "won", sent, "won.apposed", 0.7, s=w, o=champ, season=season, **{"class": cls[0]}
            )


def _title_clause(art: Article, sent: Sentence) -> None:
    """ "won the GT4 America Silver class title with the team in 2024", "won the GT3 title
    with Barwell" (the championship of the context), "won that championship in 2022": the
    championship won, and the subject's season in it (class, team)."""
    if not any(w in sent.lower for w in ("title", "crown", "championship")):
        return
    for m in _WON_TITLE.finditer(sent.text):
        a, b = sent.abs(m.start()), sent.abs(m.end())
        if art.quoted(a) or re.search(r"\b(?:19|20)\d\d\s+$", m.group("body")):
            continue  # "won the 2023 X title": results' won.title
        purpose = _PURPOSE.search(sent.text[: m.start()])
        if m.group("inf") and purpose is None:
            continue
        inner = [x for x in sent.of(EntityType.CHAMPIONSHIP) if a <= x.start < b]
        champ = inner[0].entity if inner else _story_championship(art, sent, a, b)
        if champ is None or (m.group("what") == "his" and not inner):
            continue
        cls = [k.entity for k in sent.of(EntityType.CLASS) if a <= k.start < b]
        body = m.group("body").lower()
        bare = not body.strip() or re.match(r"class\b", body)
        if not cls and bare and (paragraph := art.class_at(sent, a)):
            cls = [paragraph]  # "took the title by 31 points" in a paragraph about a class
        who = _beneficiaries(sent, b)
        if who is None and "manufacturer" in body:
            who = _maker_winner(sent, a)
        elif who is None and m.group("inf") and purpose is not None:
            who = _purpose_winners(sent, sent.abs(purpose.start()), a)
        elif who is None:
            who = _team_winners(sent, a, b, teams_title="teams" in body)
        if who is None:
            car = _CAR_SUBJECT.search(sent.text[: m.start()])
            who = art.car_crew(int(car.group(1))) if car else _winners_before(art, sent, a)
        season = _title_season(art, sent, a, b)
        teams = [
            t.entity
            for t in sent.after(b, EntityType.TEAM)
            if re.fullmatch(r"\s+(?:with|for)\s+", sent.gap(b, t.start))
        ]
        for d in who:
            art.emit(
                "won",
                sent,
                "won.title-clause",
                0.75,
                s=d,
                o=champ,
                season=season,
                **{"class": cls[0] if cls else None},
            )
            if season is not None:
                _champion_season(
                    art, sent, d, champ, season, cls[0] if cls else None, teams, "title-clause"
                )


def _beneficiaries(sent: Sentence, b: int) -> list[str] | None:
    """ "which sealed the championship for the Swiss A, the Finn B and C": the drivers the
    title phrase is for, when a group of them follows it."""
    cue = _FOR_GROUP.match(sent.text[sent.rel(b) :])
    if cue is None:
        return None
    group = group_after(sent, b + cue.end(), [D])
    if not group or not _LEAD.fullmatch(sent.gap(b + cue.end(), group[0].start)):
        return None
    return [g.entity for g in group]


def _champion_season(
    art: Article,
    sent: Sentence,
    driver: str,
    champ: str,
    season: int,
    cls: str | None,
    teams: list[str],
    rule: str,
) -> None:
    """A champion raced that season in the championship (and for the team named with it)."""
    art.emit(
        "competesIn",
        sent,
        f"competesIn.{rule}",
        0.7,
        s=driver,
        o=champ,
        season=season,
        **{"class": cls},
        team=teams[0] if teams else None,
        status="confirmed",
        asOf=art.published,
    )
    if teams:
        art.emit(
            "memberOf",
            sent,
            f"memberOf.{rule}",
            0.7,
            s=driver,
            o=teams[0],
            championship=art.root_known(champ),
            season=season,
            asOf=art.published,
        )


_WENT_TO = re.compile(
    r"\b(?P<what>title|crown|championship|(?-i:Cup))"
    r"(?:\s*,\s*(?:though|however|meanwhile)\s*,|\s*,\s+(?:whose|which|where|in\s+which)\b[^;.]{0,100}?,)?"
    r"\s+(?:went|goes|fell|(?:had|has)\s+(?:already\s+)?gone)\s+to\s+",
    re.I,
)
_TITLE_TALK = re.compile(r"\b(?:titles?|champions?|championship|crown)\b", re.I)
_RECIPIENT_GAP = re.compile(r"(?:the\s+)?(?:#\d+\s+)?|[^;.]{0,120}?(?:['’]s|\bof|\bby)\s+")


def _title_went_to(art: Article, sent: Sentence) -> None:
    """ "The LMP2 Pro-Am crown went to Nielsen Racing's Gerald Kincaid", "The title, though,
    went to the #10 Spirit of Léman Aston Martin, whose crew of A, B and C ...": the team
    and drivers it names won the championship (the class of the phrase or the paragraph)."""
    for m in _WENT_TO.finditer(sent.text):
        a, b = sent.abs(m.start()), sent.abs(m.end())
        champ = art.championship_at(a)
        if champ is None or art.quoted(a):
            continue
        if m.group("what") == "Cup" and not any(
            _TITLE_TALK.search(s.text) for s in art.sentences if s.paragraph == sent.paragraph
        ):
            continue  # "the Am Cup went to X" in a race report: the class win, no title
        named = [k.entity for k in sent.of(EntityType.CLASS) if k.start <= a and a - k.end <= 12]
        cls = named[-1] if named else art.class_at(sent, a)
        who: list[str] = []
        team = sent.after(b, EntityType.TEAM)
        if (
            team
            and _RECIPIENT_GAP.fullmatch(sent.gap(b, team[0].start))
            and not re.match(r"['’]s?\s", sent.gap(team[0].end, sent.end))
        ):
            who.append(team[0].entity)  # not "Nielsen Racing's Gerald Kincaid": his title
        crew = group_after(sent, b, [D])
        if crew and _RECIPIENT_GAP.fullmatch(sent.gap(b, crew[0].start)):
            who += [d.entity for d in crew]
        season = _title_season(art, sent, a, b) or art.focus_season
        for s in who:
            art.emit("won", sent, "won.went-to", 0.7, s=s, o=champ, season=season, **{"class": cls})


_BEAT_TO = re.compile(
    r"\bbeat\s+" + _PHRASE_CHAR + r"{1,60}?\bto\s+the\s+(?P<body>[^,;.]{0,40}?)\b(?:title|crown)\b"
)


def _beat_to_title(art: Article, sent: Sentence) -> None:
    """ "A, B and C needed only a top-five finish to beat the Algarve trio to the title",
    "finished second in class, enough to beat the Proton crew to the title": the crew before
    the result won the championship (the rival named after "beat" did not)."""
    for m in _BEAT_TO.finditer(sent.text):
        a, b = sent.abs(m.start()), sent.abs(m.end())
        if art.quoted(a):
            continue
        purpose = _PURPOSE.search(sent.text[: m.start()])
        group = group_before(sent, a, [D])
        if purpose is not None:
            who = _purpose_winners(sent, sent.abs(purpose.start()), a) or []
        elif group and _TEAM_SUBJECT_GAP.fullmatch(sent.gap(group[-1].end, a)):
            who = [g.entity for g in group]
        else:
            continue
        champ = _story_championship(art, sent, a, b)
        if champ is None:
            continue
        named = [k.entity for k in sent.of(EntityType.CLASS) if a <= k.start < b]
        cls = named[0] if named else art.class_at(sent, a)
        for d in who:
            art.emit("won", sent, "won.beat-to", 0.7, s=d, o=champ, **{"class": cls})


_WON_SERIES = re.compile(r"\b(?:won|clinched|claimed|lifted)\s+the\s+$")
_EVENT_AFTER = re.compile(r"^\s*(?:race|round|opener|finale|event|\d|'s)", re.I)


def _won_series(art: Article, sent: Sentence) -> None:
    """ "Ferrucci, who won the Porsche Carrera Cup Italia last year": a championship won
    outright (its title), in the season the clause names."""
    if "won" not in sent.lower and "clinched" not in sent.lower:
        return
    for c in sent.of(EntityType.CHAMPIONSHIP):
        m = _WON_SERIES.search(sent.tail(c.start, 20))
        if m is None or art.quoted(c.start) or _EVENT_AFTER.match(sent.gap(c.end, sent.end)):
            continue
        if re.match(
            r"\s+(?:[A-Z][\w-]*\s+)?(?:title|crown|championship|class)\b",
            sent.gap(c.end, sent.end),
        ):
            continue  # _title_clause's ("won the Asian Le Mans Series LMP3 title")
        a = c.start - len(sent.tail(c.start, 20)) + m.start()
        season = _title_season(art, sent, a, c.end)
        for d in _winners_before(art, sent, a):
            art.emit("won", sent, "won.series", 0.7, s=d, o=c.entity, season=season)


# "IDEC Sport also won", "The British team, first reserve last year, won"
_TEAM_SUBJECT_GAP = re.compile(
    r"(?:,\s+[^,;:\"“”]{3,90},)?\s+(?:also\s+|then\s+|duly\s+|finally\s+)?"
)
_TEAM_CAR_SUBJECT = re.compile(r"['’]s\s+#\d+\s+" + _PHRASE_CHAR + r"{0,40}?\s+(?:also\s+)?")
_CREW_OF_CAR = re.compile(
    r"\s+with\s+(?:(?:the|its|their)\s+" + _PHRASE_CHAR + r"{0,60}?\bof\s+)?$"
)


def _team_winners(sent: Sentence, a: int, b: int, *, teams_title: bool) -> list[str] | None:
    """A team that is the subject of a title phrase ("IDEC Sport also secured the LMP2
    teams' title", "M Racing clinched the LMP3 title with the #17 Ligier of A and B"): the
    team, and the crew of the car it won with (not for a teams' title). None when no team
    is the subject; an empty list for a teams' title nobody names a team for."""
    before = sent.before(a, EntityType.TEAM)
    if before and _TEAM_CAR_SUBJECT.fullmatch(sent.gap(before[-1].end, a)):
        return [before[-1].entity]  # "AF Corse's #52 Ferrari 296 GT3 sealed the crown"
    if not before or not _TEAM_SUBJECT_GAP.fullmatch(sent.gap(before[-1].end, a)):
        return [] if teams_title else None
    after = [] if teams_title else group_after(sent, b, PERSON_TYPES)
    if after and not _CREW_OF_CAR.fullmatch(sent.gap(b, after[0].start)):
        after = []
    return [before[-1].entity, *(d.entity for d in after)]


def _story_championship(art: Article, sent: Sentence, a: int, b: int) -> str | None:
    """The championship of a title phrase that names none: the one the text is about, else
    the one the sentence goes on to name ("to clinch the LMP2 title at the final round of the
    2025 European Le Mans Series")."""
    later = [c for c in sent.after(b, EntityType.CHAMPIONSHIP) if not art.quoted(c.start)]
    here = art.championship_at(a)
    main = _lede_championship(art)
    if here is not None and main and here != main and not _named_in_paragraph(art, sent, here, a):
        return main  # "X will race in the ELMS this year. ... to become champions": the story's
    if here or later:
        return here or later[0].entity
    # "A, B and C are the 2025 Hypercar world champions" before any championship is named:
    # the class's own championship, else the one the story names most
    for k in sent.of(EntityType.CLASS):
        ref = art.listed(k.entity) if a <= k.start < b else None
        if ref is not None and ref.championship and key_of(ref.championship) in art.ctx.entities:
            return key_of(ref.championship)
    return art.dominant_championship()


def _lede_championship(art: Article) -> str | None:
    """The championship of the story: the one the text is about at the end of the first
    sentence that names one and is not about months ago ("In February, X won the Asian Le
    Mans Series title" opens an October report of another series)."""
    for s in art.sentences:
        opener = _MONTH_OPENER.match(s.text)
        if opener and MONTHS.index(opener.group(1).lower()) + 2 < art.published.month:
            continue
        if any(not art.quoted(c.start) for c in s.of(EntityType.CHAMPIONSHIP)):
            return art.championship_at(s.end)
    return None


_MONTH_OPENER = re.compile(r"\s*(?:back\s+)?in\s+(" + "|".join(MONTHS) + r")\s*,", re.I)


def _named_in_paragraph(art: Article, sent: Sentence, key: str, pos: int) -> bool:
    for m in art.mentions_before(pos, EntityType.CHAMPIONSHIP, EntityType.CLASS):
        where = art.sentence_at(m.start)
        if where is None or where.paragraph != sent.paragraph:
            return False
        if m.entity == key or art.class_turn(m.entity, key) == key:
            return True
    return False


_CAR_SUBJECT = re.compile(r"#(\d+)\s+" + _PHRASE_CHAR + r"{0,40}?\s+(?:also\s+|duly\s+)?$")


def _maker_winner(sent: Sentence, a: int) -> list[str]:
    """ "BMW sealed the manufacturers' title": the make right before the phrase, else nobody
    (a driver named earlier did not win a manufacturers' title)."""
    before = sent.before(a, EntityType.MANUFACTURER)
    if before and _TEAM_SUBJECT_GAP.fullmatch(sent.gap(before[-1].end, a)):
        return [before[-1].entity]
    return []


def _purpose_winners(sent: Sentence, cue: int, a: int) -> list[str] | None:
    """Who an infinitive title phrase is about: "enough for VDS Panis Racing to clinch the
    title" (the team or drivers after "for"), else the crew named before the result ("Third
    place for the #51 Ferrari of A, B and C was enough to seal the title")."""
    for types in ([D], [EntityType.TEAM]):
        group = group_before(sent, a, types)
        if (
            group
            and cue < group[0].start
            and re.fullmatch(r"\s+to\s+", sent.gap(group[-1].end, a))
            and re.search(r"\bfor\s+(?:the\s+)?$", sent.gap(cue, group[0].start))
        ):
            return [g.entity for g in group]
    crew = group_before(sent, cue, [D])
    return [g.entity for g in crew] or None


def _winners_before(art: Article, sent: Sentence, a: int) -> list[str]:
    """Who won, for a win phrase at ``a``: the drivers right before it ("A and B won"), else
    the person a description or relative clause is about ("Ferrucci, who won")."""
    group = [g for g in group_before(sent, a, [D]) if "," not in sent.gap(g.end, a)]
    return [g.entity for g in group] or subject_near(art, sent, a, a)[:1]


def _title_season(art: Article, sent: Sentence, a: int, b: int) -> int | None:
    """The year of a title clause: "in 2024" after it, else "In 2019 he won", else the
    season the sentence names ("the trophy for 2015, when he won the title")."""
    after = re.match(r"[^,;.]{0,60}?\bin\s+((?:19|20)\d\d)\b", sent.text[sent.rel(b) :])
    if after:
        return int(after.group(1))
    years = [y for p, y in sent.years() if p < a]
    if years:
        return years[-1]
    found = art.season_in(sent, a)
    if found is not None and found < art.published.year:
        return found
    # "Second place secured the Pro-Am title for A and B" in the report of a race run days
    # before: that race's season
    if (
        found in (None, art.published.year)
        and _SETTLED.search(sent.text[: sent.rel(a) + 20])
        and not _MONTH_OPENER.match(sent.text)
    ):
        recent = {
            d.year
            for _k, d in art.race_days()
            if _dt.timedelta(0) <= art.published - d <= _dt.timedelta(days=10)
        }
        if len(recent) == 1:
            return recent.pop()
    return None


_SETTLED = re.compile(
    r"\b(?:secured|clinched|sealed|won|wrapped\s+up|claimed|took|captured|went\s+to)\b", re.I
)
