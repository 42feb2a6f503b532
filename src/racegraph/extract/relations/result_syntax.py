"""Result cues and the crews they govern, read from the dependency parse.

The surface rules of :mod:`.results` look for a crew next to a cue ("A and B finished
second"). Reports also state results through syntax the surface rules do not anticipate: a
relative clause ("..., who were second in class"), a participle ("the #31 BMW driven by A, B
and C"), a passive ("was won by A and B"), a subject cue ("Third in class went to ..."), an
adverbial clause ("Starting from pole, A built a lead"), a possessive crew ("A and B's
Ferrari") or a modifier of the crew's noun ("beating the runner-up X crew of A and B").

:func:`syntax_results` finds every finishing / grid cue of a sentence and walks the parse from
it to the clause that governs it:

* a cue modifying a noun that holds drivers (``amod``/``compound``) is that noun's crew;
* otherwise climb to the nearest verb; its passive agent (``by``), the object of ``to`` when the
  cue is the subject ("went to"), or its subject is the crew; a relative pronoun subject
  ("who", "whose car") stands for the noun the relative clause hangs on; a clause without a
  subject (participle, coordinated verb) takes the subject of the clause it depends on.

A crew is a coordination of driver mentions (``conj`` chains, slashes) extended by partners
the parse attaches to it ("who share the #8 with C", "partnered by C", "alongside C"); drivers
inside "ahead of" / "behind" / "beating" phrases and other clauses are not the crew. The
entry (team, car, number) is read from the noun that holds the crew ("the #6 Porsche Penske
Motorsport 963 of ...", "Manthey EMA's A", "whose Nova Race Honda ...").
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from racegraph.extract.context import LinkedMention
from racegraph.extract.relations._base import (
    ORDINALS,
    Article,
    Sentence,
    group_after,
    group_before,
)
from racegraph.extract.relations.entry_phrases import ENTRY_TYPES, RACE_NUMBER
from racegraph.records import EntityType

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

D = EntityType.DRIVER

# the cues: (pattern, position or None = read the ordinal, kind)
_ORDINAL_WORD = "|".join(k for k in ORDINALS if k.isalpha() and k != "pole")
_CUE = re.compile(
    rf"\b(?P<ord>{_ORDINAL_WORD}|\d{{1,2}}(?:st|nd|rd|th))\b"
    r"|\bP(?P<p>\d{1,2})\b"
    r"|\b(?P<runner>runners?-up)\b"
    r"|\b(?P<win>won|wins?|winning|victory|victorious|triumph(?:ed)?"
    r"|(?:class\s+)?(?:honou?rs|laurels|spoils))\b"
    r"|\b(?P<podium>(?:complet|round)\w*(?:\s+(?:out|off))?\s+the\s+(?:[\w-]+\s+){0,3}?"
    r"(?:podium|top\s+three))\b"
    r"|\b(?P<pole>pole)(?:[- ](?:position|sitters?|winners?))?\b",
    re.I,
)
_SHARED_BEFORE = re.compile(r"\b(?:shared|split|divided)\s+the\s+(?:\w+\s+)?$", re.I)


def shared_wins(word: str, before: str) -> bool:
    """ "A and B shared the wins", "split the victories": one race each, not a crew's win."""
    return word.lower() in {"wins", "victories"} and bool(_SHARED_BEFORE.search(before))


# nouns an ordinal may modify and still be a finishing place
_PLACE_NOUNS = frozenset({"place", "position", "spot", "step", "finish", "placing"})
# verbs (lemmas) of a start / qualifying slot
_GRID_VERBS = frozenset({"start", "line", "qualify", "begin", "launch"})
_QUALI_VERBS = frozenset({"qualify"})
# verbs that give partners of the crew ("who share the #8 with C", "partnered by C")
_SHARE_VERBS = frozenset({"share", "partner", "join", "drive", "pair", "crew", "team"})
# heads of phrases whose drivers are rivals, not the crew
_RIVAL_WORDS = frozenset(
    {"ahead", "behind", "over", "than", "beat", "beating", "pass", "passing", "hold", "holding"}
)
_RIVAL_LEMMAS = frozenset({"beat", "pass", "hold", "overtake", "lead", "fend", "follow", "catch"})
# verbs that take a place away: "a penalty cost it the runner-up spot"
LOSS_LEMMAS = frozenset({"cost", "deny", "rob", "deprive"})
_MODAL = frozenset({"could", "would", "will", "should", "might", "may", "must", "can"})
_PLAN_LEMMAS = frozenset({"hope", "aim", "want", "expect", "target", "plan", "seek", "try"})
_STANDINGS = re.compile(
    r"^\s+(?:(?:place\s+)?in|of|on)\s+(?:the\s+)?(?:\w+\s+){0,2}(?:championship|standings|points"
    r"|title|table|drivers|season)",
    re.I,
)
RETIRED_FROM = re.compile(
    r"\b(?:retired|retiring|stopped|crashed\s+out)\s+(?:from|while\s+(?:running|lying)|in)\s+$"
    r"|\b(?:running|lying)\s+$",
    re.I,
)
"""Before an ordinal, where a car ran when it stopped ("retired from fourth place", "running
fifth, spun off"): no result."""
_RAN_BEFORE = re.compile(
    r"\b(?:was\s+running|lay|was\s+lying|handed\s+over(?:\s+to\s+\w+)?|emerged|rejoined)"
    r"\s+(?:in\s+)?$",
    re.I,
)
_RUN_TIME_AFTER = re.compile(
    r"^\s+(?:place\s+)?(?:in|at|after)\s+the\s+(?:[a-z]+\s+)?(?:hour|lap|stint)\b", re.I
)


def held_during_race(before: str, after: str) -> bool:
    """Is the ordinal between ``before`` and ``after`` a place held during the race, not at
    its finish ("ran second in the fourth hour", "handed over in third")?"""
    return bool(_RAN_BEFORE.search(before) or _RUN_TIME_AFTER.match(after))


# "the first Emirati to win a class": a record the result sets, not another result
RECORD_BEFORE = re.compile(r"\b(?:first|only|youngest|oldest)\s+(?:[\w'’-]+\s+){0,3}to\s+$", re.I)
_WIN_LEMMAS = frozenset(
    {"win", "victory", "triumph", "victorious", "honour", "honor", "honours", "laurel", "spoil"}
)
# verbs of a crew taking its car to the flag ("as A and B brought the #7 home")
_BRING_LEMMAS = frozenset({"bring", "drive", "steer", "guide", "carry", "take", "cross"})
_RELATIVE = frozenset({"who", "which", "that", "whose"})
# verbs of an absolute clause that names the crew: "..., A and B sharing the #7 Porsche"
_ABSOLUTE_LEMMAS = _SHARE_VERBS | _BRING_LEMMAS | {"lead", "start", "qualify", "run"}
# prepositions that credit a crew with a team's result, and the word before a two-word one
_CREDIT_PREPS = frozenset({"with", "through", "via"})
_CREDIT_HEADS = {"to": frozenset({"thanks", "due"}), "of": frozenset({"courtesy"})}


def _places(tok: Token) -> bool:
    """A word that states a place: "fourth", "P4", "runner-up"."""
    return (
        tok.ent_type_ == "ORDINAL"
        or tok.lower_ in ORDINALS
        or re.fullmatch(r"P\d{1,2}|runners?-up", tok.text, re.I) is not None
    )


def with_crew_credits(art: Article, sent: Sentence, driver: LinkedMention) -> bool:
    """Whether the "with" phrase that names ``driver`` after a team's result cue credits
    the team's crew (see :meth:`_Parse.credits`); True when the parse shows no such phrase."""
    span = art.ctx.doc.char_span(sent.start, sent.end, alignment_mode="expand")
    tok = art.ctx.doc.char_span(driver.start, driver.end, alignment_mode="expand")
    if span is None or tok is None or len(tok) == 0:
        return True
    parse = _Parse(span, sent)
    for a in tok.root.ancestors:
        if a.dep_ == "prep":
            return a.lower_ != "with" or parse.credits(a)
        if a.pos_ in ("VERB", "AUX") and a.dep_ != "pcomp":  # "with A retiring": go on
            return True
    return True


def _crediting(tok: Token) -> bool:
    """A preposition that credits its object with the clause's result: "with A and B",
    "through A", "thanks to A", "courtesy of A"."""
    if tok.dep_ != "prep":
        return False
    if tok.lower_ in _CREDIT_PREPS:
        return True
    before = tok.doc[tok.i - 1].lower_ if tok.i > 0 else ""
    return before in _CREDIT_HEADS.get(tok.lower_, frozenset())


@dataclass(slots=True)
class SyntaxResult:
    """A cue and the crew it governs (absolute character offsets)."""

    start: int
    end: int
    position: int
    kind: str | None  # None: a finishing position; "pole" / "grid" / "qualifying"
    crew: list[LinkedMention]
    team: str | None = None
    car: str | None = None
    number: int | None = None
    keys: set[str] = field(default_factory=set)
    lost: bool = False  # a place taken away ("cost it the runner-up spot"): no result
    overall: bool = False
    in_class: bool = False
    class_key: str | None = None  # a class named on the cue ("their Pro-Am win")


@dataclass(slots=True)
class SyntaxRival:
    """Two crews the parse places next to each other: "A finished ahead of the car of B",
    "A beat the X crew of B", "A could only manage fifth, one place behind B". ``step`` is
    where the rival stands from the crew (+1 behind it, -1 ahead of it); ``adjacent`` says the
    sentence states the places touch ("one place behind"), which "behind" alone does not."""

    start: int
    crew: list[LinkedMention]
    rival: list[LinkedMention]
    step: int
    adjacent: bool
    pronoun: bool  # the crew is "the pair" / "they": the crew of the sentence before
    team: str | None = None
    car: str | None = None
    number: int | None = None
    keys: set[str] = field(default_factory=set)


class _Parse:
    """Token-level view of one sentence: which tokens are (the heads of) which mentions."""

    def __init__(self, span: Span, sent: Sentence) -> None:
        self.span = span
        self.sent = sent
        self.head_of: dict[int, LinkedMention] = {}  # token index -> driver mention it heads
        self.entry_at: dict[int, LinkedMention] = {}  # token index -> team/car/make mention
        self.named: set[int] = set()  # token indices inside any mention
        self.credited: list[Token] = []  # the entry phrases of the last crew a team was credited
        for m in sent.mentions:
            toks = [t for t in span if t.idx < m.end and t.idx + len(t) > m.start]
            if not toks:
                continue
            ids = {t.i for t in toks}
            self.named |= ids
            roots = [t for t in toks if t.head.i not in ids or t.head.i == t.i]
            if m.type is D:
                self.head_of[(roots or toks)[-1].i] = m
            elif m.type in ENTRY_TYPES:
                for t in toks:
                    self.entry_at.setdefault(t.i, m)

    def driver(self, tok: Token) -> LinkedMention | None:
        return self.head_of.get(tok.i)

    # --- crews --------------------------------------------------------------------------
    def group(self, tok: Token) -> list[Token]:
        """The coordination of driver heads ``tok`` belongs to (conj chains, slashes)."""
        top = tok
        while top.dep_ == "conj" and top.head.i != top.i and self.driver(top.head):
            top = top.head
        out = [top]
        stack = [top]
        while stack:
            t = stack.pop()
            for c in t.children:
                coordinated = c.dep_ in ("conj", "appos", "nmod", "compound")
                if coordinated and self.driver(c) and c not in out:
                    out.append(c)
                    stack.append(c)
        heads = sorted(out, key=lambda t: t.i)
        members = {t.i for t in heads}
        # the coordination as written ("A, B and C", "A/B"): the parser may hang a member on
        # another noun ("the #91 Porsche of A, B and C" with B, C conjuncts of "Porsche")
        by_mention = {id(m): i for i, m in self.head_of.items()}
        first = self.head_of[heads[0].i]
        written = group_before(self.sent, first.end, [D]) + group_after(self.sent, first.start, [D])
        for m in written:
            if id(m) in by_mention:
                members.add(by_mention[id(m)])
        ms = sorted(self.head_of.items())
        changed = True
        while changed:
            changed = False
            for (i, m), (j, n) in itertools.pairwise(ms):
                gap = self.sent.gap(m.end, n.start)
                if gap.strip() == "/" and (i in members) != (j in members):
                    members |= {i, j}
                    changed = True
        return [self.span.doc[i] for i in sorted(members)]

    def partners(self, group: list[Token]) -> list[Token]:
        """Drivers the parse attaches to a crew as its partners: "who share the #8 with C",
        "partnered by C", "alongside C", "with C"."""
        found: list[Token] = []
        for g in group:
            for c in g.children:
                verb = c if c.dep_ in ("relcl", "acl") else None
                if verb is not None and verb.lemma_.lower() in _SHARE_VERBS:
                    found.extend(self.drivers_under(verb, rivals=True))
                elif c.dep_ == "prep" and c.lower_ in ("with", "alongside"):
                    found.extend(self.drivers_under(c, rivals=True))
        return [t for t in found if t not in group]

    def drivers_under(self, tok: Token, *, rivals: bool = False) -> list[Token]:
        """Driver heads in the subtree of ``tok`` that belong to it: not inside a rival
        phrase ("ahead of X"), another clause or a relative clause of other verbs."""
        out: list[Token] = []
        stack = [tok]
        while stack:
            t = stack.pop()
            if self.driver(t):
                out.append(t)
            for c in t.children:
                if c.lower_ in _RIVAL_WORDS or c.lemma_.lower() in _RIVAL_LEMMAS:
                    continue
                if c.dep_ in ("advcl", "ccomp", "parataxis", "xcomp", "punct"):
                    continue
                if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"):
                    continue
                if (
                    c.dep_ in ("relcl", "acl")
                    and c.lemma_.lower() not in _SHARE_VERBS
                    and not any(x.dep_ == "agent" for x in c.children)
                ):
                    continue
                if c.dep_ == "prep" and c.lower_ in ("with", "alongside") and not rivals:
                    continue
                stack.append(c)
        return sorted(out, key=lambda t: t.i)

    def crew_of(self, tok: Token) -> list[Token]:
        """The crew held by a noun (or a verb's argument): its drivers grouped, with partners."""
        heads = self.drivers_under(tok)  # "WRT, along with A, ...": A is no crew of the team
        if not heads:
            return []
        group = self.group(heads[0])
        group += [h for h in heads if h not in group and self._same_np(h, group)]
        group += self.partners(group)
        return sorted(dict.fromkeys(group), key=lambda t: t.i)

    def _same_np(self, h: Token, group: list[Token]) -> bool:
        return any(h in self.group(g) for g in group)

    # --- governing clause ---------------------------------------------------------------
    def governor(self, cue: Token) -> list[Token]:
        """The crew the cue token is said of (empty when the parse names none)."""
        # "the runner-up X crew of A and B", "the winning car of A": the cue modifies the crew
        modifier = cue.dep_ in ("amod", "compound", "nmod", "nummod")
        if modifier and cue.head.pos_ in ("NOUN", "PROPN"):
            held = self.crew_of_noun(cue.head)
            if held:
                return held
            if cue.head.lower_ not in _PLACE_NOUNS and cue.head.lemma_.lower() not in ("win",):
                return []
        seen = 0
        t = cue
        while seen < 12:
            seen += 1
            if t.pos_ in ("VERB", "AUX") or (t.dep_ in ("relcl", "advcl") and t.pos_ == "ADJ"):
                crew = self._verb_crew(t, cue)
                if crew is not None:
                    return crew
            if t.head.i == t.i:
                return []
            if t.dep_ == "relcl" and t.pos_ not in ("VERB", "AUX"):
                return self.crew_of_noun(t.head)
            if t is not cue and (
                (t.pos_ in ("NOUN", "PROPN") and t.lower_ not in _PLACE_NOUNS)
                or (t.dep_ == "prep" and t.lower_ == "with")
            ):
                held = self.crew_of_noun(t) if t.pos_ != "ADP" else self.crew_of(t)
                if held:  # "..., with the #14 Lexus of A and B third"
                    return held
            t = t.head
        return []

    def crew_of_noun(self, noun: Token) -> list[Token]:
        """Drivers held by a noun phrase: its own driver head or its "of"/"by"/possessive
        drivers."""
        if self.driver(noun):
            g = self.group(noun)
            return sorted(dict.fromkeys(g + self.partners(g)), key=lambda t: t.i)
        for c in noun.children:
            if c.dep_ == "poss" and self.driver(c):
                g = self.group(c)
                return sorted(dict.fromkeys(g + self.partners(g)), key=lambda t: t.i)
            if (c.dep_ == "prep" and c.lower_ == "of") or (
                c.dep_ == "acl" and c.lemma_.lower() in _SHARE_VERBS
            ):
                crew = self.crew_of(c)
                if crew:
                    return crew
        return []

    def _verb_crew(self, verb: Token, cue: Token) -> list[Token] | None:
        """The crew of a verb governing the cue; None to go on climbing."""
        if verb.lemma_.lower() in LOSS_LEMMAS:
            return []
        if any(c.dep_ == "neg" for c in verb.children):
            return []
        settled = verb.lemma_.lower() == "manage" or any(
            c.lower_ == "only" for c in verb.children
        )  # "could only manage fifth": a result
        if not settled and any(c.dep_ == "aux" and c.lower_ in _MODAL for c in verb.children):
            return []
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _PLAN_LEMMAS:
            return []
        cue_path = {a.i for a in cue.ancestors} | {cue.i}
        for c in verb.children:  # "..., with the #14 Lexus of A and B third"
            if c.dep_ == "prep" and c.lower_ == "with" and max(x.i for x in c.subtree) == cue.i - 1:
                crew = self.crew_of(c)
                if crew:
                    return crew
        for c in verb.children:
            if c.dep_ == "agent":
                crew = self.crew_of(c)
                if crew:
                    return crew
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None and cue.head.i == verb.i and cue.i < verb.i and cue.dep_ != "prep":
            subj = cue  # "Third in class went to X" parsed with the cue as an adverb
        if subj is not None and subj.i in cue_path:  # "Third in class went to X"
            for c in verb.children:
                if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "for"):
                    crew = self.crew_of(c) or self._went_to_team(c, verb, cue)
                    if crew:
                        return crew
            return None if verb.dep_ in ("advcl", "pcomp") else []
        if subj is not None:
            if subj.lower_ in _RELATIVE and verb.dep_ == "relcl":
                before = [i for i in self.head_of if i < subj.i]
                if subj.lower_ == "who" and not self.driver(verb.head) and before:
                    # "who" is a person: the drivers right before it, wherever the parser
                    # hung the clause
                    return self.crew_of_noun(self.span.doc[max(before)])
                return self.crew_of_noun(verb.head)
            whose = any(c.lower_ == "whose" for c in subj.children)
            if whose and verb.dep_ == "relcl":
                return self.crew_of_noun(verb.head)
            crew = self.crew_of_noun(subj) or self.crew_of(subj)
            if crew:
                return crew
            crew = self._credited_crew(subj, verb, cue)
            if crew:
                return crew
            if whose:
                return None
            if subj.pos_ == "PRON":
                return []
            return []
        if verb.dep_ in ("relcl",):
            return self.crew_of_noun(verb.head)
        if verb.dep_ in ("advcl", "conj", "xcomp", "pcomp", "acl", "prep"):
            return None  # the subject of the clause it depends on
        return []

    def entries_in(self, tok: Token) -> list[LinkedMention]:
        """The team / car / make mentions inside the phrase of ``tok``."""
        return list(dict.fromkeys(m for t in tok.subtree if (m := self.entry_at.get(t.i))))

    def _credited_crew(self, subj: Token, verb: Token, cue: Token) -> list[Token]:
        """A team (or a car) credited with the result names its crew in a phrase of the
        clause: "Team X ended up fifth with A and B", "with Team X taking third through A, B
        and C", "Team X, with A and B, was third", "Team X was third thanks to A and B", or
        in an absolute clause ("Team X was third, A and B sharing the #7"). The team is
        remembered as the entry of the result."""
        if not any(self.entry_at.get(t.i) for t in subj.subtree):
            return []
        crew = self._subject_crew(subj)
        clause: Token | None = None
        if not crew:
            crew, clause = self._clause_crew(verb, subj)
        if not crew:
            crew = next((k for c in verb.children if (k := self._after_crew(c))), [])
        if crew:  # the car of an absolute or "as" clause is the team's entry too
            objs = [c for c in clause.children if c.dep_ == "dobj"] if clause is not None else []
            self.credited = [subj, *objs]
        return crew

    def _subject_crew(self, subj: Token) -> list[Token]:
        """The crew a "with" phrase or an apposition gives the subject itself: "Team X, with
        A and B, was third", "Team X, the crew of A and B, ..." ("along with A" adds a rival
        or a guest, not the crew)."""
        for c in subj.children:
            if self.credits(c):
                crew = self.crew_of(c)
                if crew:
                    return crew
            if c.dep_ == "appos" and not self.driver(c):
                crew = self.crew_of_noun(c)
                if crew:
                    return crew
        return []

    def _clause_crew(self, verb: Token, subj: Token) -> tuple[list[Token], Token | None]:
        """The crew a phrase of the result clause credits: "with" / "through" / "thanks to"
        / "courtesy of", or an absolute clause or an "as" clause of the crew's driving (the
        clause is returned with it: its object is the crew's car)."""
        stack = [verb]
        while stack:
            t = stack.pop()
            for c in t.children:
                held = self._bringing_crew(c) or self._absolute_crew(c)
                if held:
                    return held, c
                if c.i == subj.i or c.dep_ in ("advcl", "ccomp", "relcl", "acl", "parataxis"):
                    continue
                if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"):
                    continue
                if self.credits(c):
                    crew = self.crew_of(c)
                    if crew:
                        return crew, None
                stack.append(c)
        return [], None

    def credits(self, prep: Token) -> bool:
        """A preposition that credits its drivers with the clause's result ("with A and B",
        "thanks to A"), not one of a noun inside another phrase ("after a battle with A"),
        an absolute "with" of another event ("with A retiring") or a "with" phrase that
        states its own place ("with A and B fourth")."""
        if not _crediting(prep) or any(x.lower_ == "along" for x in prep.children):
            return False  # "along with A": a guest or a rival, not the crew
        head = prep.head  # "in GTD with A", "in the #57 Porsche with A" are the result's own
        nested = head.dep_ == "pobj" and head.pos_ == "NOUN" and head.head.lower_ != "in"
        if nested and head.i not in self.named and prep.lower_ in _CREDIT_PREPS:
            return False
        verb = next((c for c in prep.children if c.dep_ == "pcomp" and c.pos_ == "VERB"), None)
        if verb is not None and verb.lemma_.lower() not in _ABSOLUTE_LEMMAS:
            return False
        drivers = [t for t in prep.subtree if self.driver(t)]
        if not drivers:
            return True
        end = self.head_of[drivers[-1].i].end
        after = next((t for t in self.span if t.idx >= end and not t.is_punct), None)
        return after is None or not _places(after)

    def _went_to_team(self, prep: Token, verb: Token, cue: Token) -> list[Token]:
        """ "Third went to Team X with A and B": the team the place went to is credited
        with the crew of the clause."""
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        return self._credited_crew(obj, verb, cue) if obj is not None else []

    def _absolute_crew(self, clause: Token) -> list[Token]:
        """The crew of an absolute clause on the result: "Team X finished third, A and B
        sharing the #7 Porsche", "..., A and B having led early". The clause has no
        conjunction of its own (not "while A and B retired"), a participle verb of the crew's
        driving and drivers as its subject."""
        if clause.dep_ not in ("advcl", "conj") or clause.pos_ != "VERB":
            return []
        if any(c.dep_ in ("mark", "cc", "neg") for c in clause.children):
            return []
        if clause.dep_ == "conj" and any(c.dep_ == "cc" for c in clause.head.children):
            return []  # "X took third and A and B ...": a clause of its own
        participle = clause.tag_ in ("VBG", "VBN") and (
            clause.tag_ == "VBG" or any(c.lower_ == "having" for c in clause.children)
        )
        if not participle or clause.lemma_.lower() not in _ABSOLUTE_LEMMAS:
            return []
        subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        return self.crew_of_noun(subj) if subj is not None else []

    def _after_crew(self, clause: Token) -> list[Token]:
        """The one crew an "after" clause of the team's place names: "Team X ended up P4
        after a slow stop dropped A and B behind the #96", "... after A and B lost a place"
        (rival phrases left out; a lone driver may be a rival, so a crew takes two)."""
        if clause.dep_ != "advcl" or not any(
            c.dep_ == "mark" and c.lower_ == "after" for c in clause.children
        ):
            return []
        heads = self.drivers_under(clause)
        if not heads:
            return []
        group = self.group(heads[0])
        if len(group) < 2 or any(h not in group for h in heads):
            return []
        return group

    def _bringing_crew(self, clause: Token) -> list[Token]:
        """The crew of an "as" clause that brings the team's car home: "Team X won, as A, B
        and C brought the #7 Toyota home"."""
        if clause.dep_ != "advcl" or clause.lemma_.lower() not in _BRING_LEMMAS:
            return []
        if not any(c.dep_ == "mark" and c.lower_ == "as" for c in clause.children):
            return []
        subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        return self.crew_of_noun(subj) if subj is not None else []

    # --- entry --------------------------------------------------------------------------
    def entry(self, crew: list[Token], verb_side: Token | None) -> tuple[list[LinkedMention], str]:
        """Team / car / make mentions of the noun holding the crew, and its text (numbers)."""
        if not crew:
            return [], ""
        holder: Token | None = None
        first = crew[0]
        top = first
        while top.dep_ == "conj" and top.head.i != top.i:
            top = top.head
        if top.dep_ == "pobj" and top.head.lower_ in ("of", "by"):
            prep = top.head
            holder = prep.head
            if prep.dep_ == "agent" and holder.dep_ == "acl":  # "the #31 BMW driven by A"
                holder = holder.head
        elif top.dep_ == "poss":  # "A and B's Ferrari 296 GT3"
            holder = top.head
        mentions: list[LinkedMention] = []
        text = ""
        if holder is not None:
            lo = min(t.i for t in holder.subtree)
            hi = holder.i + 1
            for i in range(lo, hi):
                m = self.entry_at.get(i)
                if m is not None and m not in mentions:
                    mentions.append(m)
            text = self.span.doc[lo:hi].text
        for g in crew:  # "Manthey EMA's A", "A, whose Nova Race Honda ..."
            for c in g.children:
                if c.dep_ == "poss" or (c.dep_ in ("relcl", "appos")):
                    sub = (
                        c
                        if c.dep_ == "poss"
                        else next((x for x in c.subtree if x.lower_ == "whose"), None)
                    )
                    if sub is None:
                        continue
                    host = c if c.dep_ == "poss" else sub.head
                    lo = min(t.i for t in host.subtree)
                    hi = host.i + 1
                    for i in range(lo, hi):
                        m = self.entry_at.get(i)
                        if m is not None and m not in mentions:
                            mentions.append(m)
                    text += " " + self.span.doc[lo:hi].text
        return mentions, text


def _ordinal_value(m: re.Match[str]) -> int | None:
    if m.group("p"):
        return int(m.group("p"))
    if m.group("runner"):
        return 2
    if m.group("win"):
        return 1
    if m.group("podium"):
        return 3
    if m.group("pole"):
        return 1
    word = m.group("ord").lower()
    if word in ORDINALS:
        return ORDINALS[word]
    digits = re.match(r"\d+", word)
    return int(digits.group(0)) if digits else None


def _in_quote(sent: Sentence, rel: int) -> bool:
    before = sent.text[:rel]
    return sum(before.count(q) for q in '"“”') % 2 == 1 or ("“" in before and "”" not in before)


def _kind(cue: Token, m: re.Match[str], sent: Sentence, rel_end: int) -> str | None:
    if m.group("pole"):
        return "pole"
    after = sent.text[rel_end : rel_end + 40].lower()
    if re.match(r"^\s*(?:place\s+|position\s+)?on\s+the\s+(?:starting\s+)?grid", after):
        return "grid"
    if re.match(r"^\s*(?:place\s+)?in\s+qualifying", after):
        return "qualifying"
    for a in [cue, *cue.ancestors]:
        lemma = a.lemma_.lower()
        if a.pos_ in ("VERB", "AUX") or a.dep_ in ("advcl", "relcl"):
            if lemma in _QUALI_VERBS:
                return "qualifying"
            if lemma in _GRID_VERBS:
                return "grid"
            return None
    return None


def syntax_results(art: Article, sent: Sentence) -> list[SyntaxResult]:
    """Every result cue of the sentence with the crew the parse says it governs."""
    if not sent.of(D):
        return []
    span = art.ctx.doc.char_span(sent.start, sent.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return []
    parse = _Parse(span, sent)
    out: list[SyntaxResult] = []
    for m in _CUE.finditer(sent.text):
        rel_a, rel_b = m.start(), m.end()
        if _in_quote(sent, rel_a):
            continue
        position = _ordinal_value(m)
        if position is None or position > 40:
            continue
        if _STANDINGS.match(sent.text[rel_b:]):
            continue
        cue_span = art.ctx.doc.char_span(sent.abs(rel_a), sent.abs(rel_b), alignment_mode="expand")
        if cue_span is None or len(cue_span) == 0:
            continue
        cue = cue_span[0]  # its first word: "runners-up" may be split across clauses
        if m.group("win"):
            cue = cue_span[-1]  # "class honours": the noun
        if m.group("win") and (
            cue.lemma_.lower() not in _WIN_LEMMAS
            or RECORD_BEFORE.search(sent.text[:rel_a])
            or shared_wins(m.group("win"), sent.text[:rel_a])
        ):
            continue
        if m.group("ord") and (
            RETIRED_FROM.search(sent.text[:rel_a])
            or held_during_race(sent.text[:rel_a], sent.text[rel_b:])
        ):
            continue
        if m.group("ord") and (
            re.search(r"\b(?:a|an)\s+$", sent.text[:rel_a])
            or re.match(r"\s+of\s+(?:a|an|the)\b", sent.text[rel_b:])
        ):
            continue  # "a tenth of a second", "a third of the race": a fraction
        # "the second race", "his third win", "the first corner": not a place
        if (
            (m.group("ord") or m.group("p"))
            and cue.dep_ in ("amod", "nummod", "compound")
            and cue.head.pos_ in ("NOUN", "PROPN")
            and cue.head.lower_ not in _PLACE_NOUNS
            and not parse.crew_of_noun(cue.head)
        ):
            continue
        kind = _kind(cue, m, sent, rel_b)
        if m.group("win") or m.group("runner") or m.group("podium"):
            kind = None
        lost = any(
            a.lemma_.lower() in LOSS_LEMMAS
            for a in [cue, *cue.ancestors]
            if a.pos_ in ("VERB", "AUX")
        )
        parse.credited = []
        tokens = [] if lost else parse.governor(cue)
        crew = [parse.head_of[t.i] for t in tokens if t.i in parse.head_of]
        if lost:
            out.append(
                SyntaxResult(sent.abs(rel_a), sent.abs(rel_b), position, None, [], lost=True)
            )
            continue
        if not crew:
            continue
        mentions, text = parse.entry(tokens, None)
        for phrase in parse.credited:
            mentions += [x for x in parse.entries_in(phrase) if x not in mentions]
            text += " " + " ".join(t.text for t in phrase.subtree)
        teams = [x.entity for x in mentions if x.type is EntityType.TEAM]
        cars = [x.entity for x in mentions if x.type is EntityType.CAR_MODEL]
        nums = RACE_NUMBER.findall(text)
        after = sent.text[rel_b : rel_b + 20].lower()
        classes = [
            c
            for c in sent.of(EntityType.CLASS)
            if (c.end <= sent.abs(rel_a) and re.fullmatch(r"\s*", sent.gap(c.end, sent.abs(rel_a))))
            or sent.abs(rel_a) <= c.start < c.end <= sent.abs(rel_b)  # "the Silver Cup podium"
        ]
        cue_text = m.group(0).lower()
        out.append(
            SyntaxResult(
                start=sent.abs(rel_a),
                end=sent.abs(rel_b),
                position=position,
                kind=kind,
                crew=list(dict.fromkeys(crew)),
                team=teams[0] if teams else None,
                car=cars[-1] if cars else None,
                number=int(nums[-1]) if nums else None,
                keys={x.entity for x in mentions},
                overall=after.lstrip().startswith("overall") or "overall" in cue_text,
                in_class=bool(re.match(r"^\s*in\s+(?:the\s+)?class\b", after))
                or "class" in cue_text,
                class_key=classes[-1].entity if classes else None,
            )
        )
    return out


_AHEAD_WORDS = frozenset({"ahead", "clear"})
_PAIR_WORDS = frozenset({"pair", "duo", "trio", "crew", "they"})


def _one_place(tok: Token) -> bool:
    """ "one place" / "a position": the places touch."""
    return tok.lemma_.lower() in _PLACE_NOUNS and any(
        x.lower_ in ("one", "a", "single") for x in tok.children
    )


def _rival_phrase(tok: Token) -> tuple[Token, int, bool] | None:
    """The noun a rival word governs, the rival's step and whether the places touch."""
    lower, lemma = tok.lower_, tok.lemma_.lower()
    if lower in _AHEAD_WORDS:
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        return (obj, 1, False) if obj is not None else None
    if lemma == "beat" and tok.pos_ == "VERB":
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        return (obj, 1, False) if obj is not None else None
    if lower == "behind":
        obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        one = any(_one_place(c) for c in tok.children if c.dep_ == "npadvmod") or _one_place(
            tok.head
        )
        return (obj, -1, one) if obj is not None else None
    return None


def syntax_rivals(art: Article, sent: Sentence) -> list[SyntaxRival]:
    """Every rival phrase of the sentence whose noun holds a crew, with the crew of the clause
    it belongs to (the subject walk of :meth:`_Parse.governor`)."""
    if not sent.of(D):
        return []
    span = art.ctx.doc.char_span(sent.start, sent.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return []
    parse = _Parse(span, sent)
    out: list[SyntaxRival] = []
    for tok in span:
        phrase = _rival_phrase(tok)
        if phrase is None:
            continue
        noun, step, adjacent = phrase
        held = parse.crew_of_noun(noun) or parse.crew_of(noun)
        if not held:
            continue
        parse.credited = []
        own = parse.governor(tok)
        subj = next(
            (c for a in tok.ancestors for c in a.children if c.dep_ in ("nsubj", "nsubjpass")),
            None,
        )
        pronoun = not own and subj is not None and subj.lower_ in _PAIR_WORDS
        if not own and not pronoun:
            continue
        if {t.i for t in own} & {t.i for t in held}:
            continue
        mentions, text = parse.entry(held, None)
        nums = RACE_NUMBER.findall(text)
        out.append(
            SyntaxRival(
                start=tok.idx,
                crew=[parse.head_of[t.i] for t in own if t.i in parse.head_of],
                rival=list(dict.fromkeys(parse.head_of[t.i] for t in held if t.i in parse.head_of)),
                step=step,
                adjacent=adjacent,
                pronoun=pronoun,
                team=next((x.entity for x in mentions if x.type is EntityType.TEAM), None),
                car=next(
                    (x.entity for x in reversed(mentions) if x.type is EntityType.CAR_MODEL), None
                ),
                number=int(nums[-1]) if nums else None,
                keys={x.entity for x in mentions},
            )
        )
    return out
