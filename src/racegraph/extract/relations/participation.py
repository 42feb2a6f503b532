"""Participation: competesIn (with claim status and the text's modality), memberOf, drives."""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Iterable

from spacy.tokens import Token

from racegraph.extract.context import LinkedMention
from racegraph.extract.relations import class_context, partners
from racegraph.extract.relations._base import (
    PERSON_TYPES,
    Article,
    Sentence,
    group_after,
    group_before,
    is_title_use,
    same_clause,
    subject_seasons,
    tokens_in,
    verb_subject,
    where_antecedent,
)
from racegraph.extract.relations.classes import _car_manufacturer
from racegraph.records import EntityType, EventKind, Fact, Value

D = EntityType.DRIVER
T = EntityType.TEAM
C = EntityType.CHAMPIONSHIP
K = EntityType.CLASS

_CERTAIN_NOT_CONFIRMED = re.compile(
    r"not (?:yet )?(?:been )?(?:officially )?confirmed\b.{0,40}?"
    r"(?:considered|deemed|regarded as|seen as) (?:certain|a formality)"
    r"|(?:considered|deemed) certain.{0,40}?not (?:yet )?(?:been )?confirmed",
    re.I,
)
_UNCERTAIN = re.compile(
    r"\b(?:uncertain|unclear|in doubt|not certain|undecided|remains? to be seen|open question"
    r"|subject to (?:budget|funding|sponsorship|a deal|contract)|in talks|in discussions"
    r"|in negotiations)\b",
    re.I,
)
_LIKELY = re.compile(
    r"\b(?:(?:increasingly|more and more|very|highly|most|quite)\s+)?likely\b|\bprobabl[ey]\b"
    r"|\bexpected to\b|\bmaybe\b|\bperhaps\b|\bpossibl[ey]\b|\bcould\b|\bwould\b|\bmight\b"
    r"|\btipped to\b|\bpoised to\b|\bin line (?:for|to)\b|\bclose to\b",
    re.I,
)
_WEAK_MODALS = frozenset({"could", "would", "might"})
_CONFIRMED = re.compile(
    r"(?<!not )(?<!not yet )(?<!been )\b(?:officially\s+)?confirmed\b|\bannounced\b|\bsigned\b",
    re.I,
)
_PLANNED = re.compile(
    r"\bcertain\b|\bset to\b|\bplans? to\b|\bplanning to\b|\bdefinitely\b|\bintends? to\b"
    r"|\bgoing to\b|\bwill\b|['’]ll\b",
    re.I,
)
_CUE = re.compile(
    r"\b(?:start(?:s|ed|ing)?|compet(?:e|es|ed|ing)|rac(?:es|ed)|(?:to|will|would|could|might|can)"
    r" race|driv(?:e|es|ing)|drove|contest(?:s|ed|ing)?|participat(?:e|es|ed|ing|ion)|take part"
    r"|took part|line up|venture|mov(?:e|ed|ing)|switch(?:es|ed)?|enter(?:s|ed)?|entry"
    r"|return(?:s|ed)?"
    r"|remain(?:s|ed)?|continue(?:s|d)?|stay(?:s|ed)?|debut|foray|inclusion|focus(?:ing|ed)? on"
    r"|ride|rode|ridden|riding|contest|tackle|join(?:s|ed)?|field(?:s|ed|ing)?"
    r"|represent(?:s|ed|ing)?|spen[dt]\s+(?:\w+\s+)?(?:seasons|years))\b",
    re.I,
)
_NEGATED = re.compile(
    r"\b(?:not|n['’]t|never|no longer|ruled out|rules out|rule out|denied|without)\b", re.I
)
_CONTINUE = re.compile(r"\b(?:remain|continue|stay|carry on|keep)\w*\b(?!\s+together)", re.I)
_PAST = re.compile(
    r"\b(?:stint|focus(?:ing|ed)|competed|raced|drove|took part|rode|career|spent)\b", re.I
)
# "Ganassi, which has run Cadillac's single WEC entry since ...": up to now, this season
_UP_TO_NOW = re.compile(
    r"\b(?:has|have)\s+(?:\w+\s+)?(?:run|raced|competed|entered|contested)\s+(?:[\w'’-]+\s+){0,3}$",
    re.I,
)
_AFTER_NOUN = re.compile(
    r"^\s*(?:['’]s?\s+)?(?:\w+\s+)?(?:stint|campaign|programme|program|entry|line-?up)\b", re.I
)
_WISH = re.compile(r"\b(?:ambition|desire|dream|wish|hope|goal|eagerness|aim)\b[^,.;]{0,25}$", re.I)
_WITH_TEAM = re.compile(
    r"\b(?:together with|with|for|run by|joins?|joined|of)\s+(?:the\s+)?$", re.I
)
_DRIVE_CUE = re.compile(
    r"\b(?:driv(?:e|es|ing|en)|drove|pilot(?:s|ed|ing)?|steer\w*|behind the wheel of"
    r"|shar(?:e|es|ed|ing)|at the wheel of|raced|compet(?:e|es|ed|ing)"
    r"|(?:will|to|would|could|can)\s+race(?=\s+(?:the|a|an|his|her|its|their)\b))"
    r"\b[^.;]{0,60}$"
    r"|\bin an?\s+$",
    re.I,
)
_NUMBER = re.compile(r"#\s?(\d{1,3})\b|\bNo\.\s?(\d{1,3})\b|\bnumber\s+(\d{1,3})\b")
_SPEECH = re.compile(r"\b(?:said|says|told|added|explained|admitted|revealed)\b", re.I)
_FOR_YEARS = re.compile(r"\bfor (?P<n>two|three|four|five|six|\d) (?:years|seasons)\b", re.I)
_INCLUDE = re.compile(
    r"\bconfirmed (?:drivers|entries|entrants|teams|crews)\s+in\s+(?:the\s+)?", re.I
)
_MEMBER_CUES = re.compile(
    r"\b(?:drives|races|rides|drove|raced|rode|signed|signs) (?:for|with)\s+(?:the\s+)?$"
    r"|\bjoin(?:s|ed|ing)?\s+(?:the\s+)?$|\binclusion in\s+(?:the\s+)?$"
    r"|\b(?:remain|remains|stay|stays|continue|continues)\s+(?:[a-z]+\s+)?with\s+(?:the\s+)?$",
    re.I,
)


# "is set to join", "will join", "is expected to join": a move still to come
_TO_JOIN = re.compile(r"\b(?:will|to)\s+(?:\w+\s+)?$", re.I)


def modality(text: str) -> tuple[str, str | None]:
    """Claim status and the text's wording for a participation statement.

    >>> modality("It is increasingly likely that he will compete in the WEC.")
    ('likely', 'increasingly likely')
    >>> modality("He is certain to start in the Endurance Cup in 2024.")
    ('planned', 'certain')
    >>> modality("It has not yet been confirmed, but is considered certain.")
    ('planned', 'considered certain, not yet confirmed')
    >>> modality("He was officially confirmed in the entry list.")
    ('confirmed', 'confirmed')
    >>> modality("He is set to move to IMSA, where he would drive the #10 Cadillac.")
    ('planned', 'set to')
    """
    if _CERTAIN_NOT_CONFIRMED.search(text):
        return "planned", "considered certain, not yet confirmed"
    m = _UNCERTAIN.search(text)
    if m and not (m.group(0).lower().startswith("subject to") and _LIKELY.search(text)):
        return "uncertain", m.group(0).lower()  # "likely ..., subject to budget": likely
    likely = [x.group(0).lower() for x in _LIKELY.finditer(text)]
    if likely and set(likely) <= _WEAK_MODALS:
        # "is set to move ..., where he would drive ...": the stated plan, not the modal
        plans = {p.group(0).lower().strip("'’") for p in _PLANNED.finditer(text)}
        if _CONFIRMED.search(text) or plans - {"will", "ll"}:
            likely = []
    if likely:
        return "likely", likely[0]
    m = _CONFIRMED.search(text)
    if m:
        return "confirmed", "confirmed"
    m = _PLANNED.search(text)
    if m:
        word = m.group(0).lower()
        return "planned", "certain" if word == "certain" else word.strip("'’")
    return "confirmed", None


_BARE_FUTURE = frozenset({"will", "ll"})


def settle_will(facts: list[Fact]) -> list[Fact]:
    """A plain "will" states what an announcement settles ("Varga will partner Pike", "the
    #7 will start from pole"), not a plan: such facts are confirmed. The rules keep "will"
    as a plan until here because it also says the season is the coming one. The annotated
    sets agree on staying on too ("will stay with Wright for a third season": 19 of 25)."""
    out: list[Fact] = []
    for f in facts:
        if f.get("status") == "planned" and _bare_will(f):
            roles = {k: v for k, v in f.args if k != "modality"}
            roles["status"] = "confirmed"
            f = Fact.make(f.relation, f.evidence, **roles)
        out.append(f)
    return out


def _bare_will(f: Fact) -> bool:
    wording = f.get("modality")
    if wording is not None and wording not in _BARE_FUTURE:
        return False
    text = f.evidence.sentence
    cues = {m.group(0).lower().strip("'’") for m in _PLANNED.finditer(text)}
    return bool(cues) and cues <= _BARE_FUTURE


def modality_of(art: Article, sent: Sentence) -> tuple[str, str | None]:
    """:func:`modality` of a sentence, computed once per article."""
    found = art.modalities.get(sent.index)
    if found is None:
        found = art.modalities[sent.index] = modality(sent.text)
    return found


def speaker(art: Article, sent: Sentence) -> str | None:
    """The driver quoted in this paragraph ("... ," said Rossi)."""
    for s in [sent, *[x for x in art.sentences if x.paragraph == sent.paragraph and x is not sent]]:
        for m in _SPEECH.finditer(s.text):
            pos = s.abs(m.start())
            after = [d for d in s.after(pos, D) if d.start - pos < 20]
            before = [d for d in s.before(pos, D) if pos - d.end < 3]
            if after or before:
                return (after or before)[0].entity
    return None


_REL_CLAUSE = re.compile(r",\s*(?:who|whose|which)\b[^,;]*(?:,|$)")


def _rel_spans(sent: Sentence, cue: int) -> list[tuple[int, int]]:
    """Relative clauses (", who shared the car with X this year,") ending before ``cue``."""
    out = []
    for rc in _REL_CLAUSE.finditer(sent.text):
        a, b = sent.abs(rc.start()), sent.abs(rc.end())
        if b <= cue:
            out.append((a, b))
    return out


def _season_outside(art: Article, sent: Sentence, pos: int) -> int | None:
    """:meth:`Article.season_in` ignoring relative clauses before ``pos``."""
    spans = _rel_spans(sent, pos)
    if not spans:
        return art.season_in(sent, pos)
    chars = list(sent.text)
    for a, b in spans:
        for i in range(sent.rel(a), sent.rel(b)):
            chars[i] = " "
    return art.season_in(dataclasses.replace(sent, text="".join(chars)), pos)


def _season_main(art: Article, sent: Sentence, pos: int) -> int | None:
    """:meth:`Article.season_in` ignoring every relative clause that does not hold ``pos``
    ("set to remain in the #40, which they drove together in 2025": not 2025)."""
    chars = list(sent.text)
    for rc in _REL_CLAUSE.finditer(sent.text):
        if not sent.abs(rc.start()) <= pos < sent.abs(rc.end()):
            for i in range(rc.start(), rc.end()):
                chars[i] = " "
    return art.season_in(dataclasses.replace(sent, text="".join(chars)), pos)


def _subjects(art: Article, sent: Sentence, cue: int) -> list[tuple[str, EntityType]]:
    found = _subjects_all(art, sent, cue)
    spans = _rel_spans(sent, cue)
    if spans and found and all(ty is D for _, ty in found):
        inside = {
            m.entity for m in sent.of(*PERSON_TYPES) if any(a <= m.start < b for a, b in spans)
        }
        if {e for e, _ in found} <= inside:
            # "Pera, who shared the car with Lietz this year, is likely to move": Pera
            head = group_before(sent, spans[-1][0] + 1, PERSON_TYPES)
            if head:
                return [(g.entity, D) for g in head]
    return found


def _subjects_all(art: Article, sent: Sentence, cue: int) -> list[tuple[str, EntityType]]:
    clause_start = sent.start
    for m in re.finditer(r"[;:]|,\s*(?:but|and|while)\b", sent.text):
        if sent.abs(m.start()) < cue:
            clause_start = sent.abs(m.end())
    head = sent.gap(clause_start, cue)
    part = re.search(r"\bparticipation of\s+(?:the\s+)?", sent.text)
    if part:
        m = part
        teams = [
            t for t in sent.after(sent.abs(m.end()) - 5, T) if t.start - sent.abs(m.end()) < 30
        ]
        if teams:
            return [(teams[0].entity, T)]
        if re.match(r"(?:[\w-]+\s+){0,3}(?:team|squad|outfit)\b", sent.text[m.end() :]):
            t = art.last_team(sent, sent.abs(m.start()))
            return [(t, T)] if t else []
    group = group_before(sent, cue, PERSON_TYPES)
    group = [g for g in group if g.start >= clause_start]
    if group:
        return [(g.entity, D) for g in group]
    if re.search(r"\b(?:I|me|my)\b", head):
        who = speaker(art, sent)
        return [(who, D)] if who else []
    teams = [t for t in sent.before(cue, T) if t.start >= clause_start]
    if teams and not re.search(r"\b(?:he|his|she|her)\b", head, re.I):
        return [(teams[-1].entity, T)]
    crew = _CAR_CREW.search(sent.text, sent.rel(cue))
    if crew and _CAR_SUBJECT.search(head):  # "A third car ... is likely to be shared by A, B"
        group = group_after(sent, sent.abs(crew.end()), PERSON_TYPES)
        if group and group[0].start - sent.abs(crew.end()) < 40:
            return [(g.entity, D) for g in group]
    if _named_subject(sent, clause_start, cue) or _GENERIC_SUBJECT.search(head):
        return []  # the clause is about someone named but not linked as a person
    if re.search(r"\b(?:he|his|him|she|her)\b", sent.gap(sent.start, cue), re.I) or not sent.before(
        cue, *PERSON_TYPES
    ):
        ante = art.antecedent(sent, cue)
        if ante is None or not sent.before(cue, D):
            later = sent.of(D)
            if later and re.search(r"\b(?:his|her)\b", head, re.I) and not sent.before(cue, D):
                return [(later[0].entity, D)]
        return [(ante, D)] if ante else []
    return []


_CAR_SUBJECT = re.compile(r"^\W*(?:the|a|an|its|their)\b[^,]*?\b(?:car|entry|machine)\b", re.I)
_CAR_CREW = re.compile(r"\b(?:shared|driven|raced|crewed|piloted)\s+by\s+")
_GENERIC_SUBJECT = re.compile(
    r"\b(?:\d+|entries|cars|teams|manufacturers|crews|entrants|drivers|outfits|squads"
    r"|(?:car|entry)(?=\s*,|\s+(?:is|will|was|has)\b))\b",
    re.I,
)
_NAME_START = re.compile(r"\s*[\"“]?(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)")
_NOT_NAMES = frozenset(
    [
        "The",
        "A",
        "An",
        "It",
        "He",
        "She",
        "His",
        "Her",
        "They",
        "Their",
        "I",
        "We",
        "Our",
        "This",
        "That",
        "Instead",
        "However",
        "Although",
        "But",
        "And",
        "Meanwhile",
        "Also",
        "Start",
    ]
)


def _named_subject(sent: Sentence, clause_start: int, cue: int) -> bool:
    """The clause opens with a proper name (linked to a non-person, or not linked at all)."""
    m = _NAME_START.match(sent.gap(clause_start, cue))
    if m is None or m.group("name").split()[0] in _NOT_NAMES:
        return False
    start = clause_start + m.start("name")
    return not any(x.start <= start < x.end and x.type in PERSON_TYPES for x in sent.mentions) and (
        any(x.start <= start < x.end for x in sent.mentions) or " " in m.group("name")
    )


def _team_in(sent: Sentence, lo: int, hi: int) -> str | None:
    for t in sent.of(T):
        if lo <= t.start and t.end <= hi:
            gap = sent.gap(lo, t.start)
            if (
                _WITH_TEAM.search(gap)
                or re.search(r"\binclusion in\s+(?:the\s+)?$", gap)
                or re.match(r"^-?run\b", sent.text[sent.rel(t.end) :])
                or re.match(  # "the team's Endurance Cup programme"
                    r"^['’]s\s+(?:[A-Z][\w-]*\s+){1,5}(?:programme|program|campaign|entry)\b",
                    sent.text[sent.rel(t.end) :],
                )
            ):
                return t.entity
    return None


def extract(art: Article) -> None:
    crews: dict[int, _Crew] = {}
    for sent in art.sentences:
        _competes(art, sent)
        _include_list(art, sent)
        _member(art, sent)
        _drives(art, sent)
        _team_entries(art, sent)
        _shared_with(art, sent)
        _team_signs(art, sent, crews)
        _numbered_crews(art, sent, crews)
        _past_crew(art, sent, crews)
        _joined(art, sent, crews)
        _programme_in_doubt(art, sent)
        _takes_the_place(art, sent)
    _lineups(art)
    for sent in art.sentences:
        if " of " in sent.lower:
            _crew_of_team(art, sent)
    partners.extract(art)
    for sent in art.sentences:
        _status_update(art, sent)
    class_context.complete(art)


_CREW_OF = re.compile(
    r"\b(?:crew|line-?up|trio|duo|pairing|pair)\s+of\s+(?:(?:the|his|her)\s+)?$", re.I
)


def _crew_of_team(art: Article, sent: Sentence) -> None:
    """A team's car and its crew: "Iron Dames will return with the all-female crew of A,
    B and C" (memberOf, coDriver; competesIn where the championship is known)."""
    for d in sent.of(D):
        if not _CREW_OF.search(sent.tail(d.start, 30)):
            continue
        teams = [t for t in sent.before(d.start, T)]
        if not teams or not same_clause(sent, teams[-1].end, d.start):
            continue
        crew = [g.entity for g in group_after(sent, d.start, [D])]
        if len(crew) < 2:
            continue
        team = teams[-1].entity
        champ = art.championship_at(sent.start + 1)
        season = art.season_in(sent) or art.focus_season
        for x in crew:
            art.emit(
                "memberOf",
                sent,
                "memberOf.crew-of",
                0.7,
                s=x,
                o=team,
                championship=art.root_known(champ) if champ else None,
                season=season,
                asOf=art.published,
            )
        event = _listed_for(art, sent)
        for i, x in enumerate(crew):
            for y in crew[i + 1 :]:
                art.emit(
                    "coDriver", sent, "coDriver.crew-of", 0.7, s=x, o=y, event=event, season=season
                )
        break


def _listed_for(art: Article, sent: Sentence) -> str | None:
    """The race an earlier entry list of the story is for ("the entry list for the 2024 24
    Hours of Le Mans"): the crews it lists race there."""
    for prev in art.sentences[: sent.index]:
        if "entry list" not in prev.lower:
            continue
        for e in prev.of(EntityType.EVENT):
            if re.search(r"\bentry list for\s+(?:the\s+)?$", prev.tail(e.start, 30), re.I):
                return e.entity
    return None


_ANNOUNCE = re.compile(
    r"\b(?:line-?ups?|signed|signs|confirmed|confirms|announced|announces|named|nominated)\b",
    re.I,
)
_CREW_CUE = re.compile(
    r"\b(?:shar(?:e|es|ed|ing)|driv(?:e|es|en|ing)|pilot(?:s|ed)?|alongside|together with"
    r"|partner(?:s|ed|ing)?(?: with| by)?|joined by|teamed with|team up with)\b",
    re.I,
)
_CO_LINK = re.compile(
    r"^(?:\s*,?\s+(?:the|a|an)\s+[^,;.]{1,60},)?\s*,?\s*(?:(?:together|along)\s+with|alongside"
    r"|with|and|by)\s+(?:(?:the|his|her)\s+)?(?:[A-Z][a-z]+\s+)?$"
)
_RUNS_CAR = re.compile(
    r"^\s*(?:will\s+|is\s+to\s+|is\s+set\s+to\s+)?(?:run|runs|field|fields|enter|enters"
    r"|operate|operates|look after|looks after)\s+the\s+(?:car|entry|\w+\s+car)\b",
    re.I,
)
_PAST_SHARE = re.compile(r"\b(?:shared|partnered|teamed up with|drove with)\b", re.I)
_RESULT_WORDS = re.compile(
    r"\b(?:won|win|victory|finish(?:ed|ing)?|podium|pole|winning|qualifying"
    r"|(?:second|third)[- ](?:place|position|overall))\b",
    re.I,
)


def _race_result(sent: Sentence) -> bool:
    """The sentence reports a race result ("Completing the podium were A, B and C in the
    #1 Audi"), not a season standing ("finishing fifth in the standings")."""
    text = re.sub(
        r"\bfinish\w*\s+\w+\s+in\s+the\s+(?:standings|championship|points|table)\b",
        "",
        sent.text,
        flags=re.I,
    )
    return bool(_RESULT_WORDS.search(text))


def _crew_of(art: Article, sent: Sentence) -> list[str]:
    """The drivers a line-up sentence puts in one car: the subject ("The Italian", "Callum
    Ilott") and the drivers linked to it by "with", "alongside", "together with", "driven
    by" (through an apposition "X, the 2009 champion, together with Y and Z")."""
    cue = _CREW_CUE.search(sent.text)
    if cue is None:
        return []
    pos = sent.abs(cue.start())
    named = sent.before(pos, D) or re.search(r"\b(?:he|she)\b", sent.gap(sent.start, pos), re.I)
    passive = re.search(r"\b(?:by|joined)\s*$|\bdriven$", sent.text[: cue.end()], re.I)
    crew = [e for e, ty in _subjects(art, sent, pos) if ty is D] if named and not passive else []
    end = sent.abs(cue.end())
    for d in sent.after(sent.abs(cue.start()), D):
        if d.start < end:
            continue
        if not (
            re.fullmatch(
                r"[^,;.]{0,60}?\b(?:with|by|alongside)\s+(?:[\w-]+\s+){0,2}", sent.gap(end, d.start)
            )
            or _CO_LINK.match(sent.gap(end, d.start))
        ):
            break
        group = group_after(sent, d.start, [D])
        crew.extend(g.entity for g in group if g.entity not in crew)
        end = group[-1].end
    return crew if len(crew) > 1 else []


def _lineups(art: Article) -> None:
    """Line-up stories: a team or maker announces drivers for a championship season
    ("JOTA has confirmed its line-up for the 2024 WEC", "Lamborghini has signed X for the
    IMSA"), then crew sentences put drivers in its cars ("X will share the #12 Porsche 963
    with Y and Z"; "The second car will be driven by A together with B and C"). Each crew
    gets coDriver pairs, competesIn and (with a team) memberOf; a following "TEAM will run
    the car in the GTP class" names the crew's team and class."""
    context: tuple[str | None, str, int, str] | None = None  # team, championship, season, status
    last: tuple[Sentence, list[str]] | None = None
    for sent in art.sentences:
        main_end = _main_clause_end(sent)
        champs = [
            c
            for c in sent.of(C)
            if not is_title_use(sent, c) and c.start < main_end and not art.condition_clause(c)
        ]
        if champs and _ANNOUNCE.search(sent.text):
            teams = [t for t in sent.of(T) if t.start < main_end]
            status, _ = modality_of(art, sent)
            season = art.season_in(sent, champs[0].start)
            if season is None:
                season = art.plan_season(sent) if art.published.month > 6 else art.focus_season
            context = (teams[0].entity if teams else None, champs[0].entity, season, status)
            if teams:
                _emit_competes(art, sent, teams[0].entity, context, None, status)
        follows = last is not None and context is not None and last[0].index == sent.index - 1
        runs = [t for t in sent.of(T) if follows and _RUNS_CAR.match(sent.text[sent.rel(t.end) :])]
        if runs and last is not None and context is not None:
            team = runs[0].entity
            classes = sent.of(K)
            cls = classes[0].entity if classes else None
            context = (team, context[1], context[2], context[3])
            _emit_competes(art, sent, team, context, cls, context[3])
            for d in last[1]:
                _emit_crew_member(art, sent, d, context, cls, context[3])
            continue
        if context is None or "test" in sent.lower or _RESULT_WORDS.search(sent.text):
            continue
        if _PAST_SHARE.search(sent.text):
            continue  # "who shared the car with Lietz this year": not the announced line-up
        crew = _crew_of(art, sent)
        if not crew:
            continue
        status, _ = modality_of(art, sent)
        if status == "planned" and context[3] == "confirmed":
            status = "confirmed"  # "will share" after the confirmed line-up
        classes = sent.of(K)
        cls = classes[0].entity if classes else None
        if cls is None:
            cls = known_class(art, crew, context[1])
        crew_team = _team_in(sent, sent.start, main_end) or context[0]
        own = _own_championship(art, sent, champs)
        ctx = (crew_team, own or context[1], context[2], context[3])
        for d in crew:
            _emit_crew_member(art, sent, d, ctx, cls, status)
        if not sent.of(EntityType.CAR_MODEL) and re.search(r"\bthe\s+car\b", sent.text):
            _share_known_car(art, sent, crew, ctx[2])
        if crew_team is not None and cls is not None:
            _emit_competes(art, sent, crew_team, ctx, cls, status)
        for i, x in enumerate(crew):
            for y in crew[i + 1 :]:
                art.emit("coDriver", sent, "coDriver.lineup", 0.7, s=x, o=y, season=ctx[2])
        last = (sent, crew)


def _own_championship(art: Article, sent: Sentence, champs: list[LinkedMention]) -> str | None:
    """The one championship a crew sentence names itself, not for a past season ("will also
    keep its GT4 cars in GT4 America, with A and B expected to share one"): the crew races
    there, not in the announcement's championship."""
    pub = art.published.year
    now = [
        c
        for c in champs
        if (art.season_in(sent, c.start) or pub) >= pub and not art.career_spell(c)
    ]
    own = {c.entity for c in now}
    return now[0].entity if len(own) == 1 else None


def _emit_competes(
    art: Article,
    sent: Sentence,
    who: str,
    ctx: tuple[str | None, str, int, str],
    cls: str | None,
    status: str,
) -> None:
    art.emit(
        "competesIn",
        sent,
        "competesIn.lineup",
        0.7,
        s=who,
        o=ctx[1],
        season=ctx[2],
        **{"class": cls},
        status=status,
        asOf=art.published,
    )


def _emit_crew_member(
    art: Article,
    sent: Sentence,
    driver: str,
    ctx: tuple[str | None, str, int, str],
    cls: str | None,
    status: str,
) -> None:
    _emit_competes(art, sent, driver, ctx, cls, status)
    if ctx[0] is not None:
        art.emit(
            "memberOf",
            sent,
            "memberOf.lineup",
            0.7,
            s=driver,
            o=ctx[0],
            championship=art.root_known(ctx[1]),
            season=ctx[2],
            asOf=art.published,
        )


def _targets(art: Article, sent: Sentence) -> list[tuple[int, int, str, str | None]]:
    """(cue position, target end, championship, class) of participation statements."""
    out: list[tuple[int, int, str, str | None]] = []
    for m in sent.of(C, K):
        if m.type is C and is_title_use(sent, m):
            continue
        lo = max(sent.start, m.start - 130)
        window = sent.gap(lo, m.start)
        cut = max(window.rfind(","), window.rfind(";"), window.rfind('"'), window.rfind("“"))
        cue = None
        cues = [c for c in _CUE.finditer(window) if c.start() > cut]
        if cues and (
            re.search(r"\b(?:in|into|at|to|on|of)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,5}$", window)
            or re.fullmatch(
                r"\w*\s+(?:together\s+for\s+)?(?:the\s+)?(?:\d{4}\s+)?", window[cues[-1].end() :]
            )
        ):
            cue = lo + cues[-1].start()
        if cue is None and m.type is C and _AFTER_NOUN.match(sent.text[sent.rel(m.end) :]):
            cue = m.start
        if cue is None:
            continue
        if _WISH.search(sent.tail(cue)) or _NEGATED.search(
            sent.gap(max(sent.start, cue - 40), m.start)
        ):
            continue
        if m.type is C:
            cls = _class_for(art, sent, m)
            out.append((cue, m.end, m.entity, cls))
        else:
            champs = [c for c in sent.of(C) if not is_title_use(sent, c)]
            named = [
                c for c in champs if same_clause(sent, c.start, m.end)
            ]  # "in the GTD Pro class of the IMSA WeatherTech SportsCar Championship"
            where = where_antecedent(sent, champs, m.start)
            champ = (
                min(named, key=lambda c: abs(c.start - m.end)).entity
                if named
                else where.entity
                if where
                else art.championship_at(m.start)
            )
            if champ:
                out.append((cue, m.end, champ, m.entity))
    for adv in re.finditer(r"\b(?:compete|race|drive|ride|start|be)\s+(?:there|here)\b", sent.text):
        champ = art.championship_at(sent.abs(adv.start()))
        if champ:
            out.append(
                (
                    sent.abs(adv.start()),
                    sent.abs(adv.end()),
                    champ,
                    art.class_at(sent, sent.abs(adv.start())),
                )
            )
    return out


def _mention_text(sent: Sentence, end: int) -> str:
    for m in sent.mentions:
        if m.end == end:
            return m.text
    return ""


_NEW_ITEM = re.compile(
    r",\s+(?:and\s+)?(?:[\w-]+\s+){0,3}(?:will|would|are|is|was|were|go|goes|went)\b", re.I
)


def _class_for(art: Article, sent: Sentence, champ: LinkedMention) -> str | None:
    """The class named with a championship in its clause and list item ("four cars will
    contest the Endurance Cup, two will race in the GTD Pro class of IMSA": not GTD Pro)."""
    classes = [
        k
        for k in sent.of(K)
        if same_clause(sent, k.start, champ.end)
        and not _NEW_ITEM.search(sent.gap(min(k.end, champ.end), max(k.start, champ.start)))
    ]
    if classes:
        return min(classes, key=lambda k: abs(k.start - champ.end)).entity
    return None


def _competes(art: Article, sent: Sentence) -> None:
    for cue, end, champ, cls in _targets(art, sent):
        status, wording = modality_of(art, sent)
        career = _career_clause(art, sent, cue)
        if career is not None:
            status, wording = modality(career)
        subjects = _subjects(art, sent, cue)
        if cue == end - len(_mention_text(sent, end)) and re.match(
            r"^\s*(?:['’]s?\s+)?(?:\w+\s+)?(?:entry|line-?up)\b", sent.text[sent.rel(end) :]
        ):
            for t in sent.of(T):
                if (t.entity, T) not in subjects:
                    subjects.append((t.entity, T))
        if not subjects:
            continue
        explicit = _season_outside(art, sent, end)
        pub = art.published.year
        continuing = bool(_CONTINUE.search(sent.gap(cue, end) + sent.gap(sent.start, cue)[-40:]))
        seasons: list[tuple[int | None, str, str | None]] = []
        if re.search(r"\b(?:still|currently)\s+(?:\w+\s+)?$", sent.tail(cue, 30)):
            seasons.append((pub, "confirmed", wording))  # "the team he still represents in"
        elif status == "confirmed" and not explicit and _UP_TO_NOW.search(sent.tail(cue, 50)):
            seasons.append((pub, "confirmed", wording or "raced"))
        elif continuing:
            seasons.append((pub, "confirmed", "raced"))
            future = explicit if explicit and explicit > pub else art.plan_season(sent)
            seasons.append((future, status if status != "confirmed" else "planned", wording))
        elif status != "confirmed":
            seasons.append(
                (
                    explicit if explicit and explicit >= pub else art.plan_season(sent),
                    status,
                    wording,
                )
            )
        elif _PAST.search(sent.gap(max(sent.start, cue - 20), end + 20)) and (
            not explicit or re.match(r"spen[dt]\s", sent.gap(cue, end))
        ):
            seasons.append((None, status, wording or "raced"))
        else:
            seasons.append((explicit or art.focus_season, status, wording))
        team = _team_in(sent, max(sent.start, cue - 60), sent.end)
        for t in sent.before(cue, T):
            if re.fullmatch(
                r",?\s*(?:that|which)?\s*(?:he|she)\s+(?:\w+\s+)?", sent.gap(t.end, cue), re.I
            ):
                team = t.entity  # "the German team he still represents in the Endurance Cup"
        if subjects and all(ty is D for _, ty in subjects):
            subjects += [(d, D) for d in _alongside(sent, end) if (d, D) not in subjects]
        for s, stype in subjects:
            for season, st, word in seasons:
                future = season is not None and season > pub
                art.emit(
                    "competesIn",
                    sent,
                    "competesIn.statement",
                    0.75,
                    s=s,
                    o=champ,
                    season=season,
                    **{"class": cls if (future or cls) else None},
                    team=team if (future and stype is D) else None,
                    status=st,
                    modality=word,
                    asOf=art.published,
                )
                if team and stype is D:
                    art.emit(
                        "memberOf",
                        sent,
                        "memberOf.statement",
                        0.7,
                        s=s,
                        o=team,
                        championship=art.root_known(champ),
                        season=season,
                        status=st if st != "confirmed" else None,
                        asOf=art.published,
                    )


def _career_clause(art: Article, sent: Sentence, cue: int) -> str | None:
    """The text of the relative clause holding ``cue`` when its verb is past, per the parse
    ("X, who raced in the ELMS last year, is likely to join ...", "a driver who contested
    the IGTC in 2024"): such a clause has its own status, not the main clause's."""
    toks = tokens_in(art, cue, cue + 1)
    t = toks[0] if toks else None
    while t is not None and t.dep_ != "relcl":
        t = t.head if t.head.i != t.i else None
    if t is None or not _past_verb(t):
        return None
    sub = list(t.subtree)
    return art.ctx.article.text[sub[0].idx : sub[-1].idx + len(sub[-1].text)]


def _past_verb(verb: Token) -> bool:
    """A simple past or a perfect ("who spent", "who has contested")."""
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in verb.children)


def _alongside(sent: Sentence, pos: int) -> list[str]:
    """Drivers who take part with the subject: "race in the WEC next year alongside A and B"."""
    after = sent.after(pos, D)
    if not after or not re.fullmatch(
        r"[^,;.]{0,30}?\b(?:alongside|together with|with)\s+(?:(?:the|his|her)\s+)?",
        sent.gap(pos, after[0].start),
    ):
        return []
    return [g.entity for g in group_after(sent, after[0].start, [D])]


def _include_list(art: Article, sent: Sentence) -> None:
    for m in _INCLUDE.finditer(sent.text):
        b = sent.abs(m.end())
        classes = [k for k in sent.of(K) if abs(k.start - b) < 6]
        cls = classes[0].entity if classes else None
        inc = re.search(r"\binclude[sd]?\b|:", sent.text[m.end() :])
        if not inc:
            continue
        start = b + inc.end()
        drivers = group_after(sent, start, [D])
        champ = art.championship_at(b)
        if champ is None:
            continue
        season = art.focus_season
        for d in drivers:
            art.emit(
                "competesIn",
                sent,
                "competesIn.confirmed-list",
                0.8,
                s=d.entity,
                o=champ,
                season=season,
                **{"class": cls},
                status="confirmed",
                modality="confirmed",
                asOf=art.published,
            )
        if (
            re.search(r"\bother\b", sent.gap(sent.start, b), re.I)
            and art.focus_driver
            and art.focus_driver not in {d.entity for d in drivers}
        ):
            art.emit(
                "competesIn",
                sent,
                "competesIn.other-confirmed",
                0.7,
                s=art.focus_driver,
                o=champ,
                season=season,
                **{"class": cls},
                status="confirmed",
                modality="confirmed",
                asOf=art.published,
            )


def _team_labels(sent: Sentence, t: LinkedMention) -> list[str]:
    """Persons a team is attached to by the phrase itself: "Rossi's team WRT",
    "WRT's Charles Weerts", "WRT drivers Weerts and Vanthoor"."""
    owner = [
        p
        for p in sent.before(t.start, *PERSON_TYPES)
        if re.fullmatch(
            r"['’]s?\s+(?:new\s+|current\s+)?team,?\s+(?:the\s+)?", sent.gap(p.end, t.start)
        )
    ]
    if owner:
        return [owner[-1].entity]
    after = group_after(sent, t.end, PERSON_TYPES)
    if after and re.fullmatch(
        r"(?:['’]s?|\s+(?:drivers?|racers?|riders?|duo|pair))\s+", sent.gap(t.end, after[0].start)
    ):
        return [p.entity for p in after]
    return []


_YEAR_SPAN = re.compile(
    r"^\s+(?:from|between)\s+((?:19|20)\d\d)\s+(?:to|and|until)\s+((?:19|20)\d\d)\b"
)


def _member(art: Article, sent: Sentence) -> None:
    for t in sent.of(T):
        base = max(sent.start, t.start - 80)
        before = sent.gap(base, t.start)
        cue = _MEMBER_CUES.search(before)
        along = re.search(r"^\s*,?\s*along with\s+$", sent.gap(t.end, t.end + 14))
        subjects: list[str] = []
        if cue:
            subjects = [s for s, ty in _subjects(art, sent, base + cue.start()) if ty is D]
        elif along:
            after = [d for d in sent.after(t.end, D) if d.start - t.end <= 14]
            subjects = [after[0].entity] if after else []
        elif re.search(
            r"\bridden with\s+(?:this\s+|the\s+)?$|\bwith (?:this|the same) team\s*$", before
        ):
            subjects = [s for s, ty in _subjects(art, sent, t.start - 12) if ty is D]
        else:
            subjects = _team_labels(sent, t)
        if not subjects:
            continue
        champs = [
            c
            for c in sent.of(C)
            if not is_title_use(sent, c)
            and not any(
                o.entity != t.entity and min(c.end, t.end) <= o.start < max(c.start, t.start)
                for o in sent.of(T)
            )  # "raced for A from 2013 before joining B, which he represents in CH": not A's
        ]
        champ = champs[0].entity if champs else None
        years = _FOR_YEARS.search(sent.text)
        span = _YEAR_SPAN.match(sent.text[sent.rel(t.end) :])
        season: int | tuple[int, ...] | None
        if span and int(span.group(1)) <= int(span.group(2)) <= int(span.group(1)) + 30:
            season = tuple(range(int(span.group(1)), int(span.group(2)) + 1))
        elif years:
            n = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}.get(years.group("n").lower())
            n = n or int(years.group("n"))
            season = tuple(range(art.published.year - n + 1, art.published.year + 1))
        elif champ:
            season = art.season_in(sent) or art.focus_season
        else:
            season = art.season_in(sent)
        status, _ = modality_of(art, sent)
        if cue and not champs and re.match(r"join", cue.group(0), re.I):
            lead = sent.gap(max(sent.start, base + cue.start() - 40), base + cue.start())
            if _TO_JOIN.search(lead):  # "X is set to join Jota": the series of the story, next
                champ = art.championship_at(t.start)
                season = art.season_in(sent) or art.plan_season(sent)
                status, _ = modality(lead + cue.group(0))
        if cue and re.match(r"(?:remain|stay|continue)", cue.group(0), re.I) and season:
            for s in subjects:  # staying with a team: a member now
                art.emit(
                    "memberOf",
                    sent,
                    "memberOf.remain",
                    0.7,
                    s=s,
                    o=t.entity,
                    championship=art.root_known(champ) if champ else None,
                    season=art.published.year,
                    asOf=art.published,
                )
        for s in subjects:
            art.emit(
                "memberOf",
                sent,
                "memberOf.cue",
                0.75,
                s=s,
                o=t.entity,
                championship=art.root_known(champ) if champ else None,
                season=season,
                status=status if status != "confirmed" else None,
                asOf=art.published,
            )


def _drives(art: Article, sent: Sentence) -> None:
    tests = [sent.abs(t.start()) for t in re.finditer(r"\btest\w*\b", sent.text, re.I)]
    para_test = not tests and any(
        re.search(r"\btest", m.text, re.I) or art.kind(m.entity) is EventKind.TEST
        for s in art.sentences[: sent.index]
        if s.paragraph == sent.paragraph
        for m in s.of(EntityType.EVENT)
    )
    for car in sent.of(EntityType.CAR_MODEL):
        if para_test or any(same_clause(sent, t, car.start) for t in tests):
            continue
        before = sent.gap(max(sent.start, car.start - 90), car.start)
        cue = _DRIVE_CUE.search(before)
        if not cue:
            continue
        cue_pos = car.start - len(before) + cue.start()
        if cue.group(0).lower().startswith("in"):
            verbs = [
                v for v in _CUE.finditer(before[: cue.start()]) if v.start() > before.rfind(",")
            ]
            if verbs:
                cue_pos = car.start - len(before) + verbs[0].start()
        subjects = [s for s, ty in _subjects(art, sent, cue_pos) if ty is D]
        if not subjects:
            continue
        co = [d for d in sent.after(car.end, D) if d.entity not in subjects]
        if co and re.fullmatch(
            r"[^,;.]{0,25}?\b(?:with|alongside|together with)\s+(?:(?:the|his|her)\s+)?",
            sent.gap(car.end, co[0].start),
        ):
            subjects += [g.entity for g in group_after(sent, co[0].start, [D])]
        num = _NUMBER.search(sent.text)
        number = int(next(g for g in num.groups() if g)) if num else None
        team = _team_in(sent, sent.start, sent.end)
        if team is None:
            runs = [
                t
                for t in sent.of(T)
                if re.search(r"\brun by\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", sent.tail(t.start))
            ]
            team = runs[0].entity if runs else None
        champs = [c for c in sent.of(C) if not is_title_use(sent, c)]
        champ = (
            min(champs, key=lambda c: abs(c.start - car.start)).entity
            if champs
            else art.championship_at(car.start)
        )
        classes = sent.of(K)
        cls = (
            min(classes, key=lambda k: abs(k.start - car.start)).entity
            if classes
            else art.class_at(sent, car.start) or _only_class(art, car.start, champ)
        )
        status, _ = modality_of(art, sent)
        season = art.season_in(sent, car.start)
        races = [k for p, k in art.race_marks if sent.start <= p < sent.end]
        if season is None and races and races[0] in art.race_dates:
            season = art.race_dates[races[0]].year
        if season is None:
            season = art.plan_season(sent) if status != "confirmed" else art.focus_season
        if (
            len(subjects) > 1
            and status == "confirmed"
            and season <= art.published.year
            and not _race_result(sent)  # a race's crews: results.py
        ):
            # "This year he shared the #2 Mercedes-AMG GT3 Evo with A and B"
            for i, x in enumerate(subjects):
                for y in subjects[i + 1 :]:
                    art.emit("coDriver", sent, "coDriver.shared-car", 0.7, s=x, o=y, season=season)
                if champ is not None:
                    art.emit(
                        "competesIn",
                        sent,
                        "competesIn.drove",
                        0.7,
                        s=x,
                        o=champ,
                        season=season,
                        **{"class": cls},
                        team=team,
                        status="confirmed",
                        asOf=art.published,
                    )
        for s in subjects:
            art.emit(
                "drives",
                sent,
                "drives.cue",
                0.75,
                s=s,
                o=car.entity,
                number=number,
                team=team,
                championship=champ,
                season=season,
                **{"class": cls},
                status=status if status != "confirmed" else None,
            )


# --- line-up statements found on blind text ----------------------------------------------

_Crew = tuple[tuple[str, ...], str | None, str | None, str | None, int, str | None]
"""A numbered car's crew: drivers, car model, team, championship, season, class."""

_CREW_BEFORE_NUMBER = re.compile(
    r"^\s*(?:[A-Z][a-z]+\s+)?(?:(?:will|are|is|to)\s+)?(?:(?:set|expected|likely|due|poised|tipped)\s+to\s+)?"
    r"(?:be\s+)?(?:sharing|share|shares|driving|drive|drives|(?:back\s+)?in|aboard|racing|race"
    r"|crewing|(?:remain|remains|stay|stays|continue|continues|line up|lines up)\s+in)"
    r"\s+(?:the\s+|its\s+|their\s+|(?-i:[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,2})['’]s\s+)?#\s?(?P<n>\d{1,3})\b(?P<with>(?:\s+[\w-]+){0,3}?\s+(?:with|alongside|together\s+with)\s+)?",
    re.I,
)
# "The #51 is likely to keep A, B and C together", "the #7 retains A and B"
_NUMBER_KEEPS = re.compile(
    r"#\s?(?P<n>\d{1,3})\s+(?:car\s+|entry\s+)?(?:(?:is|are|will)\s+)?"
    r"(?:(?:set|expected|likely|due)\s+to\s+)?(?:again\s+)?"
    r"(?:keeps?|retains?|features?|keep|retain)\s+(?:the\s+)?"
    r"(?:(?:its|their)\s+(?:[\w-]+\s+)?(?:pairing|line-?up|crew|trio|duo|pair)\s+of\s+)?",
    re.I,
)
_NUMBER_SHARED_BY = re.compile(
    r"#\s?(?P<n>\d{1,3})\s+(?:[\w.-]+\s+){0,3}?(?:will\s+be|is|are|to\s+be)\s+"
    r"(?:shared|driven|crewed|raced)\s+(?:again\s+|once\s+more\s+)?by\s+(?:the\s+)?",
    re.I,
)
# "driven by McLaren factory drivers A and B", "shared by the Brazilian A": a short
# description before the names
_DESCRIPTOR = re.compile(
    r"\s{0,2}|(?:[\w-]+\s+){0,3}?(?:drivers?|team-?mates?|regulars?|pair|duo|trio)\s+"
    r"|(?-i:[A-Z][a-z]+)\s+"
)
# "A and B, who line up alongside C"
_LINE_UP_ALONGSIDE = re.compile(
    r",?\s*(?:who|and)\s+(?:will\s+)?(?:line up|lines up|share the car|race)\s+"
    r"(?:alongside|with)\s+"
)
# "A, the 2025 X champion, and the Swedish works driver B": a crew member's apposition
_AFTER_APPOSITION = re.compile(
    r",\s*(?:the|a|an|who|whose)\s+[^,;]{1,60},\s*(?:and\s+)?(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){0,4}?"
)
_JOIN_CREW = re.compile(
    r"\bjoin(?:s|ed|ing)?\s+(?:the\s+)?#\s?(?P<n>\d{1,3})\s+(?:crew|car|entry|line-?up)\b",
    re.I,
)
_JOINED_BY = re.compile(r"\b(?:be|is|was|has been|are|were)\s+joined\s+by\s+(?:the\s+)?", re.I)


def _list_confirmed_before(art: Article, sent: Sentence) -> bool:
    """An entry list was named earlier in the story (its crews are confirmed entries)."""
    return any("entry list" in s.lower for s in art.sentences[: sent.index + 1])


def _line_up_confirmed_before(art: Article, sent: Sentence) -> bool:
    """An earlier sentence confirmed a line-up for a championship ("X has signed Y for its
    2026 Endurance Cup campaign"): the crews that follow are confirmed entries."""
    for prev in art.sentences[: sent.index]:
        champs = [c for c in prev.of(C) if not is_title_use(prev, c)]
        if champs and _ANNOUNCE.search(prev.text) and prev.of(T):
            return modality_of(art, prev)[0] == "confirmed"
    return False


def _crew_car(art: Article, sent: Sentence, lo: int, hi: int) -> str | None:
    """The car model of a numbered car: a model named in ``[lo, hi)`` or the sentence, else
    the last model of the make named right after the number ("Its #22 Oreca")."""
    models = [c for c in sent.of(EntityType.CAR_MODEL) if lo <= c.start < hi] or sent.of(
        EntityType.CAR_MODEL
    )
    if models:
        return models[0].entity
    makes = [m for m in sent.of(EntityType.MANUFACTURER) if lo <= m.start < hi]
    if not makes:
        return _earlier_car(art, sent)
    for m in art.mentions_before(lo, EntityType.CAR_MODEL):
        if _car_manufacturer(art, m.entity) == makes[0].entity:
            return m.entity
    return None


def _earlier_car(art: Article, sent: Sentence) -> str | None:
    """A crew sentence without a model ("X is set to share the #50 car with Y"): the car the
    story named last, in this paragraph or the one before ("the three 499Ps it plans to run"),
    when only one model is named there."""
    near = [
        m
        for s in art.sentences[: sent.index]
        if sent.paragraph - 1 <= s.paragraph <= sent.paragraph
        for m in s.of(EntityType.CAR_MODEL)
    ]
    if len({m.entity for m in near}) != 1:
        return None
    maker = _car_manufacturer(art, near[-1].entity)
    if any(  # "Inter Europol will run two Orecas": not the Ferrari the paragraph before named
        m.entity != maker
        for s in art.sentences[: sent.index + 1]
        if s.paragraph == sent.paragraph
        for m in s.of(EntityType.MANUFACTURER)
        if m.start > near[-1].start
    ):
        return None
    return near[-1].entity


def _class_of_car(art: Article, sent: Sentence, car: str, champ: str) -> str | None:
    """The class an earlier sentence names a car model in ("LMP2 ... 14 Oreca 07 entries"),
    in the same championship (a GT3 car is LMGT3 in the ELMS, not in GTWC Europe)."""
    for prev in reversed(art.sentences[: sent.index]):
        cars = [c for c in prev.of(EntityType.CAR_MODEL) if c.entity == car]
        named = [c.entity for c in prev.of(C) if not is_title_use(prev, c)]
        there = (named[0] if named else _context_championship(art, prev)) if cars else None
        if cars and there is not None and art.root(there) != art.root(champ):
            return None
        classes = prev.of(K)
        if cars and classes:
            near = [
                k
                for k in classes
                if k.end <= cars[0].start and same_clause(prev, k.end, cars[0].start)
            ]
            return (near[-1] if near else classes[0]).entity
        if cars:  # "In LMGT3 there are 16 cars. ... Porsche has four 911 GT3 Rs"
            return art.class_at(prev, cars[0].start)
    return None


def known_class(art: Article, drivers: Iterable[str], champ: str) -> str | None:
    """The class an earlier statement gave one of ``drivers`` in ``champ``: a crew shares a
    car, so "X shares the car with Y and Z" puts Y and Z in X's class."""
    who = set(drivers)
    for f in art.facts:
        if f.relation != "competesIn":
            continue
        roles = dict(f.args)
        cls = roles.get("class")
        if roles.get("s") in who and roles.get("o") == champ and isinstance(cls, str):
            return cls
    return None


def _share_known_car(art: Article, sent: Sentence, crew: list[str], season: int) -> None:
    """ "X shares the car with Y and Z": Y and Z drive the car an earlier sentence gave X."""
    for f in art.facts:
        if f.relation == "drives" and f.get("s") in crew and f.get("season") == season:
            for d in crew:
                if d != f.get("s"):
                    args: dict[str, Value | None] = dict(f.args)
                    args["s"] = d
                    art.emit("drives", sent, "drives.shares-the-car", 0.65, **args)
            return


def _only_class(art: Article, pos: int, champ: str | None) -> str | None:
    """The article's only class, named before ``pos`` ("a third Hypercar season" ... "the
    #51 is likely to keep A, B and C"): announcements about one class name it once."""
    named = {m.entity for m in art.mentions_before(pos, K)}
    if len(named) != 1 or champ is None:
        return None
    if any(m.type is K and m.entity not in named for m in art.ctx.mentions if m.start >= pos):
        return None  # another class named later: the story is not about one class
    return next(iter(named))


def _numbered_crews(art: Article, sent: Sentence, crews: dict[int, _Crew]) -> None:
    """Crews of numbered cars: "with A and B sharing the #10 car and C and D in the #40",
    "Its #22 Oreca will be shared by A, B and C". Each crew member competes (with the team,
    class and the statement's status), is a member of the team, drives the car (when its
    model is known); the crew are co-drivers."""
    if "#" not in sent.text or _race_result(_masked(sent, _driver_asides(sent))):
        return  # the crews of a race report are left to results.py
    found: list[tuple[int, int, list[str]]] = []
    for d in sent.of(D):
        m = _CREW_BEFORE_NUMBER.match(sent.text[sent.rel(d.end) :])
        if m is None:
            continue
        group = [g.entity for g in group_before(sent, d.end, [D])]
        if m.group("with"):  # "is set to share the #50 car with A and B"
            after = sent.after(d.end + m.end(), D)
            if after and after[0].start - (d.end + m.end()) < 3:
                group += [g.entity for g in group_after(sent, after[0].start, [D])]
        found.append((int(m.group("n")), d.end + m.end(), group))
    for m in _NUMBER_KEEPS.finditer(sent.text):
        after = sent.after(sent.abs(m.end()), D)
        if after and after[0].start - sent.abs(m.end()) < 3:
            group = [g.entity for g in group_after(sent, after[0].start, [D])]
            found.append((int(m.group("n")), sent.abs(m.start()), group))
    for m in _NUMBER_SHARED_BY.finditer(sent.text):
        after = sent.after(sent.abs(m.end()), D)
        if not after or not _DESCRIPTOR.fullmatch(sent.gap(sent.abs(m.end()), after[0].start)):
            continue
        members = group_after(sent, after[0].start, [D])
        group = [g.entity for g in members]
        more = sent.after(members[-1].end, D) if members else []
        gap = sent.gap(members[-1].end, more[0].start) if more else ""
        if more and (_LINE_UP_ALONGSIDE.fullmatch(gap) or _AFTER_APPOSITION.fullmatch(gap)):
            group += [g.entity for g in group_after(sent, more[0].start, [D])]
        if group:
            found.append((int(m.group("n")), sent.abs(m.start()), group))
    if not found:
        return
    # "shared by A, the 2025 X champion, and B, who raced for Y in Z last year": the asides
    # about a crew member name another series, team, season and modality than the car's
    asides = _crew_asides(sent)
    main = _masked(sent, asides)
    status, wording = modality_of(art, main)
    ahead = status != "confirmed"
    if status == "planned" and _list_confirmed_before(art, sent):
        status, wording = "confirmed", "entry list"
    elif status == "planned" and _line_up_confirmed_before(art, sent):
        status = "confirmed"  # "the #58 will be driven by A and B" after a confirmed signing
    champs = [c for c in sent.of(C) if not is_title_use(sent, c) and not _within(c, asides)]
    champ = champs[0].entity if champs else _context_championship(art, sent)
    if champ is None:
        return
    # "A and B are set to remain in the #40, which they drove in 2025": not the 2025 crew
    season = _season_main(art, main, min(pos for _, pos, _ in found))
    if season is None:
        season = art.plan_season(sent) if ahead else art.focus_season
    classes = [k for k in sent.of(K) if not _within(k, asides)]
    cls = classes[0].entity if classes else art.class_at(sent, sent.start)
    if cls is None:
        cls = _only_class(art, sent.start, champ)
    teams = [t for t in sent.of(T) if not _within(t, asides)]
    team = teams[0].entity if teams else art.last_team(sent, sent.start)
    for num, pos, crew in found:
        car = _crew_car(art, sent, pos - 12, pos + 40)
        car_cls = _class_of_car(art, sent, car, champ) if car and not classes else None
        own = team if teams else _team_of_number(art, num, sent.start) or team
        stated = None if classes else _class_of_number(art, num, sent.start)
        crews[num] = (tuple(crew), car, own, champ, season, car_cls or stated or cls)
        for x in crew:
            _emit_crew_facts(art, sent, x, crews[num], num, status, wording)
        for i, x in enumerate(crew):
            for y in crew[i + 1 :]:
                art.emit("coDriver", sent, "coDriver.numbered", 0.7, s=x, o=y, season=season)


def _class_of_number(art: Article, num: int, before: int) -> str | None:
    """The class the text gave car ``num`` earlier ("two Orecas, the #34 in LMP2 and the
    #43 in LMP2 Pro-Am")."""
    text = art.ctx.article.text
    for m in art.mentions_before(before, K):
        if re.search(
            rf"#{num}\s+(?:[\w-]+\s+)?in\s+(?:the\s+)?$", text[max(0, m.start - 30) : m.start]
        ):
            return m.entity
    return None


def _team_of_number(art: Article, num: int, before: int) -> str | None:
    """The team the text gave car ``num`` to earlier ("Toyota Gazoo Racing's #8 Toyota"), so
    "the Canadian shares the #8 with ..." is that team's crew, not the last team named."""
    text = art.ctx.article.text
    found = [
        m.entity
        for m in art.mentions_before(before, T)
        if re.match(rf"['’]s\s+#{num}\b", text[m.end : m.end + 12])
    ]
    return found[0] if found else None


_APPOSITION = re.compile(r"^,\s*(?:the|a|an)\s+[^,;]*(?:,|$)")


def _crew_asides(sent: Sentence) -> list[tuple[int, int]]:
    """Appositions and relative clauses right after a driver (", the 2025 X champion,",
    ", who raced for Y last year") and a contrasting clause about another car."""
    out = _driver_asides(sent)
    end = _main_clause_end(sent)
    if end < sent.end:
        out.append((end, sent.end))
    return out


def _driver_asides(sent: Sentence) -> list[tuple[int, int]]:
    """Appositions and relative clauses right after a driver: ", who won the class together
    at Indianapolis" tells a past result, not the sentence's."""
    out: list[tuple[int, int]] = []
    for d in sent.of(D):
        tail = sent.text[sent.rel(d.end) :]
        m = _APPOSITION.match(tail) or _REL_CLAUSE.match(tail) or _AGED_REL.match(tail)
        if m is not None:
            out.append((d.end, d.end + m.end()))
    return out


_AGED_REL = re.compile(r",\s*\d{1,2}\s*" + _REL_CLAUSE.pattern)  # ", 27, who won ..."


_CONTRAST = re.compile(r",\s*(?:while|whereas|although)\b|;")


def _main_clause_end(sent: Sentence) -> int:
    """Where a contrasting clause about another car starts (", while the #11 ... left for a
    X seat with Y"), else the sentence end: what follows sets no context for the crew."""
    m = _CONTRAST.search(sent.text)
    return sent.abs(m.start()) if m else sent.end


def _within(m: LinkedMention, spans: list[tuple[int, int]]) -> bool:
    return any(a <= m.start < b for a, b in spans)


def _masked(sent: Sentence, spans: list[tuple[int, int]]) -> Sentence:
    """The sentence with the text of ``spans`` blanked (offsets kept)."""
    chars = list(sent.text)
    for a, b in spans:
        for i in range(sent.rel(a), sent.rel(b)):
            chars[i] = " "
    return dataclasses.replace(sent, text="".join(chars))


def _emit_crew_facts(
    art: Article,
    sent: Sentence,
    driver: str,
    crew: _Crew,
    num: int,
    status: str,
    wording: str | None,
) -> None:
    _, car, team, champ, season, cls = crew
    if champ is None:
        return
    art.emit(
        "competesIn",
        sent,
        "competesIn.numbered-crew",
        0.7,
        s=driver,
        o=champ,
        season=season,
        **{"class": cls},
        team=team,
        status=status,
        modality=wording,
        asOf=art.published,
    )
    if team is not None:
        art.emit(
            "memberOf",
            sent,
            "memberOf.numbered-crew",
            0.7,
            s=driver,
            o=team,
            championship=art.root_known(champ),
            season=season,
            asOf=art.published,
        )
    if car is not None:
        art.emit(
            "drives",
            sent,
            "drives.numbered-crew",
            0.7,
            s=driver,
            o=car,
            number=num,
            team=team,
            championship=champ,
            season=season,
            **{"class": cls},
            status=status if status != "confirmed" else None,
        )


def _joined(art: Article, sent: Sentence, crews: dict[int, _Crew]) -> None:
    """A driver added to a line-up: "X will join the #10 crew" (the crew's car, team and
    championship), "He will be joined by Y" (Y takes part where he does)."""
    status, wording = modality_of(art, sent)
    for m in _JOIN_CREW.finditer(sent.text):
        num = int(m.group("n"))
        if num not in crews:
            continue
        who = [x for x, ty in _subjects(art, sent, sent.abs(m.start())) if ty is D]
        for x in who:
            _emit_crew_facts(art, sent, x, crews[num], num, status, wording)
            for y in crews[num][0]:
                if y != x:
                    art.emit("coDriver", sent, "coDriver.joins", 0.65, s=x, o=y)
    for m in _JOINED_BY.finditer(sent.text):
        cue = sent.abs(m.start())
        new = [g.entity for g in group_after(sent, sent.abs(m.end()), [D])]
        after = sent.after(sent.abs(m.end()), D)
        if not new or not after or after[0].start - sent.abs(m.end()) > 2:
            continue
        hosts = [x for x, ty in _subjects(art, sent, cue) if ty is D]
        if len(hosts) != 1:
            continue
        host = hosts[0]
        pub = art.published.year
        copied: list[Fact] = [
            f
            for f in art.facts
            if f.get("s") == host
            and f.relation in {"competesIn", "memberOf", "drives"}
            and isinstance(f.get("season"), int)
            and int(str(f.get("season"))) >= pub
        ]
        for x in new:
            art.emit("coDriver", sent, "coDriver.joined-by", 0.7, s=x, o=host)
            for f in copied:
                args: dict[str, Value | None] = dict(f.args)
                args["s"] = x
                if status in {"likely", "uncertain", "planned"} and f.relation == "competesIn":
                    args["status"], args["modality"] = status, wording
                art.emit(f.relation, sent, f.evidence.rule + "+joined-by", 0.65, **args)


_SHARE_WITH = re.compile(
    r"\bshar(?:e|es|ed|ing)\s+(?:the|a|his|her|their)\s+(?:#\d+\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:car|seat|cockpit|entry|drive|wheel)\s+(?:with|alongside)\s+(?:(?:the|his|her)\s+)?$",
    re.I,
)


def _shared_with(art: Article, sent: Sentence) -> None:
    """ "X shared the car with Y": co-drivers (a car model is left to :func:`_drives`)."""
    if "shar" not in sent.lower or sent.of(EntityType.CAR_MODEL):
        return
    for d in sent.of(D):
        m = _SHARE_WITH.search(sent.tail(d.start, 80))
        if m is None:
            continue
        cue = d.start - len(sent.tail(d.start, 80)) + m.start()
        who = [x for x, ty in _subjects(art, sent, cue) if ty is D]
        partners = [g.entity for g in group_after(sent, d.start, [D])]
        season = art.season_in(sent, cue)
        for x in who:
            for y in partners:
                if x != y:
                    art.emit("coDriver", sent, "coDriver.shared", 0.7, s=x, o=y, season=season)
        break


_TEAM_ENTERS = re.compile(
    r"^\s*(?:,[^,;]{0,40},)?\s+(?:will\s+|is\s+set\s+to\s+|also\s+)?"
    r"(?:enters?|fields?|runs?)\s+(?P<n>one|two|three|four|five|six|\d)\s+",
    re.I,
)


def _team_entries(art: Article, sent: Sentence) -> None:
    """A team's entries: "United Autosports enters two LMP2 cars and one in LMP3", "TF
    Sport runs three Corvettes" (in the class the story is about)."""
    for t in sent.of(T):
        m = _TEAM_ENTERS.match(sent.text[sent.rel(t.end) :])
        if m is None:
            continue
        start = t.end + m.end()
        stop = re.search(
            r"[;.]|,\s*(?:while|but|and\s+(?![a-z]+\s+in\b))", sent.text[sent.rel(start) :]
        )
        end = start + stop.start() if stop else sent.end
        classes = [k for k in sent.of(K) if start <= k.start < end]
        if not classes:
            # "enters two cars in the class": the class of the section it stands in
            section = art.heading_class(t.start) if "the class" in sent.gap(start, end) else None
            cls = section or art.class_at(sent, t.start)
            if cls is None:
                continue
            keys = [cls]
        else:
            keys = list(dict.fromkeys(k.entity for k in classes))
        champs = [c for c in sent.of(C) if not is_title_use(sent, c)]
        champ = champs[0].entity if champs else art.championship_at(t.start)
        if champ is None:
            continue
        status, wording = modality_of(art, sent)
        season = art.season_in(sent, t.start) or art.focus_season
        for k in keys:
            art.emit(
                "competesIn",
                sent,
                "competesIn.team-enters",
                0.7,
                s=t.entity,
                o=champ,
                season=season,
                **{"class": k},
                status=status,
                modality=wording,
                asOf=art.published,
            )


_PAST_RULES = frozenset(
    {"competesIn.drove", "competesIn.retired", "competesIn.result", "competesIn.won"}
)
_STATUS_CLAUSE = re.compile(r",\s*(?:while|whereas|although|though|but)\b|;")
_PARTICIPATION_WORD = re.compile(
    r"\b(?:place|seat|programme|program|contract|drive|race|racing|season|entry|deal"
    r"|budget|stay|return|line-?up)\b",
    re.I,
)


def _status_update(art: Article, sent: Sentence) -> None:
    """A later clause about one driver's programme sets the status of his announced
    participation: "Jarvis ... is confirmed for the full season, while Sato's programme is
    subject to budget", "Deletraz ... is expected to race the full season"."""
    bounds = [sent.start]
    bounds += [sent.abs(m.end()) for m in _STATUS_CLAUSE.finditer(sent.text)]
    bounds.append(sent.end)
    pub = art.published.year
    for a, b in itertools.pairwise(bounds):
        clause = sent.gap(a, b)
        people = [m for m in sent.of(*PERSON_TYPES) if a <= m.start < b]
        if (
            not people
            or sent.gap(a, people[0].start).strip(" ,")
            or any(
                a <= c.start < b
                and not re.search(r"\b(?:who|which)\b[^,;]*$", sent.gap(a, c.start))
                for c in sent.of(C)
            )
        ):
            continue
        if not _PARTICIPATION_WORD.search(clause):
            continue
        status, wording = modality(clause)
        if wording is None:
            continue
        who = people[0].entity
        plans = {
            f.get("o")
            for f in art.facts
            if f.relation == "competesIn"
            and f.get("s") == who
            and isinstance(f.get("season"), int)
            and int(str(f.get("season"))) >= pub
        }
        if len(plans) != 1:
            continue  # plans in several championships: the clause does not say which
        for i, f in enumerate(art.facts):
            season = f.get("season")
            if (
                f.relation != "competesIn"
                or f.get("s") != who
                or not isinstance(season, int)
                or season < pub
                or (season == pub and f.evidence.rule in _PAST_RULES)
                or f.evidence.start >= sent.start
            ):
                continue
            args: dict[str, Value | None] = dict(f.args)
            args["status"], args["modality"] = status, wording
            art.facts[i] = Fact.make(f.relation, f.evidence, **args)


# --- announcements parsed with spaCy --------------------------------------------------------

_SIGN_LEMMAS = frozenset(
    {"confirm", "name", "sign", "hire", "announce", "retain", "nominate", "recruit", "draft"}
)
_SIDE_USE = re.compile(
    r"\s+(?:commitments?|schedule|duties|career|title|champions?|championships)\b", re.I
)
_ALSO_PROGRAMME = re.compile(r"\balso\b[^,;.]{0,40}$", re.I)


# what stands between the newcomer and the person whose seat or role he takes
_REPLACE_CUE = re.compile(
    r"\b(?:replaces|replacing|will\s+replace|succeeds|succeeding|will\s+succeed"
    r"|(?:takes|took|taking|will\s+take)\s+(?:over\s+)?the\s+(?:seat|place|drive)\s+of"
    r"|(?:steps|stepping|stands|standing)\s+in\s+for|in\s+place\s+of"
    r"|as\s+a\s+replacement\s+for|(?P<over>(?:takes|took|taking)\s+over\s+from))\s+(?:the\s+)?",
    re.I,
)
_AS_ROLE = re.compile(r"^[^,;.]{0,40}?\bas\s+(?:the\s+)?(?:team\s+)?(?:principal|boss|manager)\b")
_REPLACE_WORDS = ("replac", " place ", "succeed", " in for ", " seat ", " drive ", "over from")
_REPLACED_BY = re.compile(r"\b(?:is|was|will\s+be|has\s+been)\s+replaced\s+by\s+(?:the\s+)?", re.I)


def _takes_the_place(art: Article, sent: Sentence) -> None:
    """A person who takes another's seat or role ("Ferrante moves into the #58 in place of the
    Swede Ekdahl", "A becomes team principal, replacing B", "He replaces the
    Italian X", "X was replaced by Y"): ``replaces`` between the two people."""
    if not any(w in sent.lower for w in _REPLACE_WORDS):
        return
    people = sent.of(*PERSON_TYPES)
    for m in _REPLACE_CUE.finditer(sent.text):
        a, b = sent.abs(m.start()), sent.abs(m.end())
        old = _person_right_after(sent, b)
        if old is None:
            continue
        if m.group("over") and not _AS_ROLE.match(sent.text[sent.rel(b) :]):
            continue  # "took over from B at the first stops": a stint, not a seat
        new = [p for p in people if p.end <= a and same_clause(sent, p.start, a)]
        who = _participle_subject(art, sent, a) or (new[-1].entity if new else None)
        if who is None and sent.gap(sent.start, a).strip(" ,").count(" ") <= 6:
            # "X was quick in practice. He replaces the Italian Y": the last sentence's subject
            prev = art.sentences[sent.index - 1].of(*PERSON_TYPES) if sent.index else []
            pronoun = re.match(r"\s*(?:He|She)\b", sent.text)
            who = prev[0].entity if prev and pronoun else art.antecedent(sent, a)
        if who is not None and who != old:
            _emit_replaces(art, sent, who, old)
    for m in _REPLACED_BY.finditer(sent.text):
        a, b = sent.abs(m.start()), sent.abs(m.end())
        new_person = _person_right_after(sent, b)
        before = [p for p in people if p.end <= a]
        if new_person is not None and before and before[-1].entity != new_person:
            _emit_replaces(art, sent, new_person, before[-1].entity)


def _participle_subject(art: Article, sent: Sentence, pos: int) -> str | None:
    """Whom ", replacing B" is said of: the subject of the verb the participle hangs on
    ("F will drive the #58 alongside A and C, replacing B": F)."""
    toks = tokens_in(art, pos, pos + 1)
    if not toks or toks[0].tag_ != "VBG":
        return None
    people = [m for m in verb_subject(sent, toks[0].head) if m.type in PERSON_TYPES]
    return people[0].entity if people else None


def _person_right_after(sent: Sentence, pos: int) -> str | None:
    """The person named at ``pos``, after at most a descriptor ("the Dane Anders X")."""
    after = [p for p in sent.of(*PERSON_TYPES) if p.start >= pos and p.start - pos <= 45]
    if not after:
        return None
    gap = sent.gap(pos, after[0].start)
    if gap.strip() and not re.fullmatch(r"\s*(?:[\w'’-]+\s+){0,3}", gap):
        return None
    return after[0].entity


def _emit_replaces(art: Article, sent: Sentence, who: str, old: str) -> None:
    art.emit("replaces", sent, "replaces.person", 0.7, s=who, o=old)


# "A, B and C now lead the class by 19 points", "the pair top the LMP2 standings"
_LEAD_STANDINGS = re.compile(
    r"(?P<gap>\s*(?:,\s*who\s+)?(?:now|still|currently|jointly|therefore|also)?\s*)"
    r"(?:leads?|tops?|heads?)\s+the\s+(?:(?P<cls>class)|(?:[\w-]+(?:\s+[\w-]+)?\s+)?"
    r"(?:standings|championship|points|table|classification))\b(?!\s+(?:for|of)\b)",
    re.I,
)


def standings_leaders(art: Article) -> None:
    """Who leads the standings races in that championship this season ("A, B and C now lead
    the class by 19 points", "Favre tops the LMP2 standings"): the class is the one named
    there, or for "the class" the paragraph's. Run once the race facts are drawn, for the
    leaders nothing else places in the championship that season."""
    have = subject_seasons(art, "competesIn")
    for sent in art.sentences:
        if art.quoted(sent.start) or ("lead" not in sent.lower and "top" not in sent.lower):
            continue
        for m in _LEAD_STANDINGS.finditer(sent.text):
            pos = sent.abs(m.start("gap"))
            who = group_before(sent, pos, (D, EntityType.TEAM))
            if not who or sent.gap(who[-1].end, pos).strip(" ,"):
                continue
            if modality_of(art, sent)[0] != "confirmed":
                continue
            champ = art.championship_at(pos) or art.dominant_championship()
            if champ is None:
                continue
            named = [
                k
                for k in sent.of(EntityType.CLASS)
                if sent.abs(m.start()) <= k.start < sent.abs(m.end())
            ]
            cls = named[0].entity if named else None
            if m.group("cls") and cls is None:
                cls = art.class_at(sent, pos)
            season = art.season_in(sent, pos) or art.focus_season
            for w in who:
                if (w.entity, season) in have:
                    continue
                have.add((w.entity, season))
                art.emit(
                    "competesIn",
                    sent,
                    "competesIn.standings",
                    0.65,
                    s=w.entity,
                    o=champ,
                    season=season,
                    status="confirmed",
                    modality="raced",
                    asOf=art.published,
                    **{"class": cls},
                )


def _context_championship(art: Article, sent: Sentence) -> str | None:
    """:meth:`Article.championship_at` the sentence start, passing over a second programme
    named on the side ("X will also race in the IndyCar Series for Y"), titles ("a
    six-time IndyCar champion") and where someone else went ("the seat of A, who has left
    for the WEC"), unless nothing else is named."""
    aside: str | None = None
    for m in art.mentions_before(sent.start, C):
        where = art.sentence_at(m.start)
        if where is None:
            return m.entity
        if (
            (art.ctx.background(m) and not art.quoted(m.start))
            or art.condition_clause(m)
            or art.side_programme(m)
            or art.about_someone(m)
        ):
            aside = aside or m.entity
            continue
        if is_title_use(where, m) or _ALSO_PROGRAMME.search(where.tail(m.start, 60)):
            continue
        if re.search(r"\b(?:\w+-time|former|ex-)\s*$", where.tail(m.start, 20), re.I):
            continue
        if _SIDE_USE.match(art.ctx.article.text[m.end : m.end + 30]):
            continue  # "his IndyCar commitments"
        marks = [
            where.abs(x.start())
            for x in re.finditer(r"\b(?:last|previous)\s+(?:year|season)\b", where.text, re.I)
        ] + [p for p, y in where.years() if y < art.published.year]
        if where.index < sent.index and any(
            "," not in where.gap(min(p, m.start), max(p, m.start)) for p in marks
        ):
            continue  # "after racing for T in the ELMS in 2025": a past aside
        return _class_turn(art, sent, m) or m.entity
    return aside


def _class_turn(art: Article, sent: Sentence, champ: LinkedMention) -> str | None:
    """A class of another championship named after the context championship ("... enter the
    ELMS. The GTD Pro pair will be run by Pfaff"): the text has turned to the class's own."""
    k = next(art.mentions_before(sent.end, K), None)
    return art.class_turn(k.entity, champ.entity) if k and k.start >= champ.end else None


def _team_signs(art: Article, sent: Sentence, crews: dict[int, _Crew]) -> None:
    """A team names its drivers: "JOTA has confirmed A and B for another season in its #12
    Cadillac", "Proton has named X as the lead driver of its Porsche 963", "Meyer Shank Racing
    has signed X to partner Y in its #93 Acura", "EFR has confirmed that A and B will drive its
    #14 Ferrari 296 GT3 in the Endurance Cup". The team is the subject of the verb (spaCy);
    the drivers follow it; each competes (confirmed, with the team), is a member of the team
    and drives its car; the crew are co-drivers."""
    if not sent.of(T) or not sent.of(D):
        return
    for verb in tokens_in(art, sent.start, sent.end):
        if verb.lemma_.lower() not in _SIGN_LEMMAS or verb.tag_ not in {"VBN", "VBD", "VBZ"}:
            continue
        subj = [m for m in verb_subject(sent, verb) if m.type is T]
        if not subj:
            continue
        team = subj[-1].entity
        start = verb.idx + len(verb)
        first = sent.after(start, D)
        if not first or not re.fullmatch(r"\s*(?:that\s+)?", sent.gap(start, first[0].start)):
            continue
        group = group_after(sent, first[0].start, [D])
        crew = [g.entity for g in group]
        end = group[-1].end
        partner = sent.after(end, D)
        if partner and re.fullmatch(
            r"\s*(?:to\s+(?:partner|join|drive\s+alongside)|alongside|together\s+with)\s+",
            sent.gap(end, partner[0].start),
        ):
            crew += [
                g.entity for g in group_after(sent, partner[0].start, [D]) if g.entity not in crew
            ]
        text_before = sent.gap(sent.start, verb.idx)
        if _NEGATED.search(text_before) or _UNCERTAIN.search(text_before):
            continue
        status, wording = "confirmed", sent.gap(verb.idx - 4, start).strip()
        if re.search(r"\b(?:has|have)\s*$", sent.gap(sent.start, verb.idx)):
            wording = "has " + verb.text
        champs = [c for c in sent.of(C) if not is_title_use(sent, c)]
        champ = champs[0].entity if champs else _context_championship(art, sent)
        if champ is None:
            continue
        season = _season_main(art, sent, end)
        if season is None:
            season = art.plan_season(sent)
        classes = sent.of(K)
        cls = classes[0].entity if classes else art.class_at(sent, sent.start)
        if cls is None:
            cls = _only_class(art, sent.start, champ)
        num_m = _NUMBER.search(sent.text, sent.rel(end))
        num = int(next(g for g in num_m.groups() if g)) if num_m else None
        npos = sent.abs(num_m.start()) if num_m else end
        models = [c for c in sent.of(EntityType.CAR_MODEL) if c.start >= end]
        car = models[0].entity if models else None
        if car is None and num is not None:
            car = crews[num][1] if num in crews else _crew_car(art, sent, npos, npos + 40)
        entry: _Crew = (tuple(crew), car, team, champ, season, cls)
        if num is not None:
            crews[num] = entry
        _emit_competes(art, sent, team, (team, champ, season, status), cls, status)
        for x in crew:
            _emit_entry(art, sent, x, entry, num, status, wording, "team-signs")
        for i, x in enumerate(crew):
            for y in crew[i + 1 :]:
                art.emit("coDriver", sent, "coDriver.team-signs", 0.7, s=x, o=y, season=season)
        return


def _emit_entry(
    art: Article,
    sent: Sentence,
    driver: str,
    crew: _Crew,
    num: int | None,
    status: str,
    wording: str | None,
    rule: str,
) -> None:
    """competesIn, memberOf (with a team) and drives (with a car) of one crew member."""
    _, car, team, champ, season, cls = crew
    if champ is None:
        return
    art.emit(
        "competesIn",
        sent,
        "competesIn." + rule,
        0.7,
        s=driver,
        o=champ,
        season=season,
        **{"class": cls},
        team=team,
        status=status,
        modality=wording,
        asOf=art.published,
    )
    if team is not None:
        art.emit(
            "memberOf",
            sent,
            "memberOf." + rule,
            0.7,
            s=driver,
            o=team,
            championship=art.root_known(champ),
            season=season,
            status=status if status not in {"confirmed", "planned"} else None,
            asOf=art.published,
        )
    if car is not None:
        art.emit(
            "drives",
            sent,
            "drives." + rule,
            0.7,
            s=driver,
            o=car,
            number=num,
            team=team,
            championship=champ,
            season=season,
            **{"class": cls},
            status=status if status != "confirmed" else None,
        )


_PAST_CREW = re.compile(
    r",\s*who\s+(?:had\s+)?(?:drove|raced|shared|partnered|crewed)\s+(?P<rest>[^,;]*)", re.I
)


def _past_crew(art: Article, sent: Sentence, crews: dict[int, _Crew]) -> None:
    """A past season in a relative clause: "Y, who shared the #38 with X in 2025,", "X, who
    raced the sister #38 car this season", "The Swiss, who drove the #93 Peugeot 9X8 in 2025".
    The driver (and the partner named with "with") raced in the championship that season,
    was a member of the car's team and drove the car."""
    for m in _PAST_CREW.finditer(sent.text):
        lo, hi = sent.abs(m.start()), sent.abs(m.end())
        season = art.season_in(sent, sent.abs(m.start("rest")))
        if season is None or season > art.published.year:
            continue
        if not any(lo <= p < hi for p, _ in sent.years()) and not re.search(
            r"\b(?:this|last|previous)\s+(?:year|season)\b", m.group("rest"), re.I
        ):
            continue
        heads = [d for d in sent.before(lo, D) if lo - d.end <= 1]
        head = heads[-1].entity if heads else None
        if head is None and re.fullmatch(r"(?:The|the)\s+[\w-]+", sent.gap(sent.start, lo)):
            head = art.antecedent(sent, lo)  # "The Swiss, who drove ..."
        if head is None:
            continue
        num_m = _NUMBER.search(m.group("rest"))
        num = int(next(g for g in num_m.groups() if g)) if num_m else None
        known = crews.get(num) if num is not None else None
        models = [c for c in sent.of(EntityType.CAR_MODEL) if lo <= c.start < hi]
        car = models[0].entity if models else (known[1] if known else None)
        teams = [t for t in sent.of(T) if lo <= t.start < hi]
        team = teams[0].entity if teams else (known[2] if known else None)
        if team is None and re.search(r"\bsister\b", m.group("rest"), re.I):
            team = art.last_team(sent, lo)
        if car is None and team is not None:
            car = _team_car(art, team)
        champs = [c for c in sent.of(C) if lo <= c.start < hi and not is_title_use(sent, c)]
        champ = champs[0].entity if champs else (known[3] if known else None)
        champ = champ or _context_championship(art, sent)
        if champ is None:
            continue
        cls = known[5] if known else art.class_at(sent, lo) or _only_class(art, lo, champ)
        partners = [
            d.entity
            for d in sent.of(D)
            if lo <= d.start < hi and re.search(r"\bwith\s+$", sent.tail(d.start, 8))
        ]
        if not partners and re.search(r"\bwith\s+(?:him|her)\b", m.group("rest")):
            ante = art.antecedent(sent, lo) if not heads else None
            prev = [
                d.entity for x in art.sentences[: sent.index] for d in x.of(D) if d.entity != head
            ]
            partner = ante if ante and ante != head else (prev[-1] if prev else None)
            partners = [partner] if partner else []
        if partners and re.search(r"\b(?:that|the|his|her)\s+car\b", m.group("rest")):
            for f in reversed(art.facts):  # "who shared that car with him in 2025"
                if (
                    f.relation == "drives"
                    and f.get("s") == partners[0]
                    and f.get("season") == season
                ):
                    car = car or str(f.get("o"))
                    team = team or (str(f.get("team")) if f.get("team") else None)
                    break
        entry: _Crew = (tuple([head, *partners]), car, team, champ, season, cls)
        for x in [head, *partners]:
            _emit_entry(art, sent, x, entry, num, "confirmed", None, "past-crew")
        for y in partners:
            art.emit("coDriver", sent, "coDriver.past-crew", 0.7, s=head, o=y, season=season)


def _team_car(art: Article, team: str) -> str | None:
    """The car model an earlier fact of the story gives the team's drivers."""
    for f in reversed(art.facts):
        if f.relation == "drives" and f.get("team") == team and isinstance(f.get("o"), str):
            return str(f.get("o"))
    return None


_IN_DOUBT = re.compile(
    r"(?P<who>\b(?:his|her)|['’]s)\s+(?:place|seat|return|future|programme|position|drive)"
    r"(?:\s+(?:in|to|with|at)\s+the\s+(?:team|car|squad|programme))?\s+(?:is|remains|looks)\s+"
    r"(?P<word>(?:less|far from|not)\s+(?:certain|clear)|uncertain|unclear|in doubt)"
    r"|\b(?P<who2>is|are)\s+(?P<word2>unlikely to return|yet to find a (?:seat|drive))"
    r"|\b(?P<word3>may|could)\s+(?:also\s+)?(?:follow\s+\w+\s+out\s+of|leave)\s+the\s+"
    r"(?:programme|team|squad)",
    re.I,
)


def _programme_in_doubt(art: Article, sent: Sentence) -> None:
    """ "X's return is uncertain", "his return to the car is uncertain", "X is unlikely to
    return", "Y may follow him out of the programme": X's participation in the coming season
    is uncertain, in the championship, class and team of his last programme in the story
    (else of the team programme the paragraph is about)."""
    for m in _IN_DOUBT.finditer(sent.text):
        pos = sent.abs(m.start())
        near = [d for d in sent.before(pos + 2, *PERSON_TYPES) if pos - d.end <= 2]
        if near and m.group("who") and m.group("who").startswith(("'", "’")):
            who = near[-1].entity
        elif m.group("who") or not sent.before(pos, *PERSON_TYPES):
            who = art.antecedent(sent, pos) or ""
        else:  # "Y, who shared the car with X in 2025, may follow him out": Y
            subj = [x for x, ty in _subjects(art, sent, pos) if ty is D]
            who = subj[0] if subj else sent.before(pos, *PERSON_TYPES)[-1].entity
        if not who:
            continue
        if art.entity(who) is None or art.entity(who).type not in PERSON_TYPES:  # type: ignore[union-attr]
            continue
        word = (m.group("word") or m.group("word2") or m.group(0)).lower()
        plan = art.plan_season(sent)
        mine = [f for f in art.facts if f.relation == "competesIn" and f.get("s") == who]
        if mine:
            src = mine[-1]
            team = src.get("team")
        else:
            progs = [
                f
                for f in art.facts
                if f.relation == "competesIn"
                and art.entity(str(f.get("s"))) is not None
                and art.entity(str(f.get("s"))).type is T  # type: ignore[union-attr]
                and f.evidence.start < sent.start
            ]
            if not progs:
                continue
            src = progs[-1]
            team = src.get("s")
        art.emit(
            "competesIn",
            sent,
            "competesIn.in-doubt",
            0.6,
            s=who,
            o=src.get("o"),
            season=plan,
            **{"class": src.get("class")},
            team=team,
            status="uncertain",
            modality=word,
            asOf=art.published,
        )
