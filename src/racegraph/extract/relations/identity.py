"""Who someone is: nationality, basedIn, worksDriverFor, age, retired, fiaCategory,
teamPrincipal."""

from __future__ import annotations

import re

from spacy.tokens import Token

from racegraph.extract.context import QUOTE_MARKS, LinkedMention, in_quotation
from racegraph.extract.relations._base import (
    PERSON_TYPES,
    Article,
    Sentence,
    category_key,
    group_after,
    group_before,
    number,
    same_clause,
)
from racegraph.records import EntityType, Fact

D = EntityType.DRIVER
_PERSON_NOUNS = frozenset(
    [
        "driver",
        "rider",
        "platinum",
        "gold",
        "silver",
        "bronze",
        "racer",
        "motorcyclist",
        "legend",
        "champion",
        "star",
        "ace",
        "veteran",
        "youngster",
        "rookie",
        "pilot",
        "man",
        "woman",
        "teenager",
        "talent",
        "hero",
        "icon",
        "great",
        "compatriot",
    ]
)
_TEAM_NOUNS = frozenset(["team", "squad", "outfit", "crew", "operation", "équipe", "stable"])
_FROM = re.compile(r",?\s+(?:who\s+(?:hails|comes|originates)\s+)?(?:from|of)\s+(?:the\s+)?$", re.I)
_DESCRIPTOR = re.compile(
    r"^\s*(?:(?:[A-Z][\w-]*\s+){0,2}(?:[a-z][a-z-]*\s+){0,2}(?:driver|youngster|rookie|veteran"
    r"|racer|ace|star|pilot|teenager|newcomer|talent)\s+"
    r"|(?:[Pp]latinum|[Gg]old|[Ss]ilver|[Bb]ronze)(?:-rated)?\s+)?$",
)
"""What may stand between a demonym and the name it describes: "Belgian driver", "Austrian
Porsche works driver", "British Aston Martin factory driver", "the Lebanese silver"."""
_ISO_PAREN = re.compile(r"^\s*\(([A-Z]{3})\)")
_WORKS = re.compile(
    r"\b(?P<kind>works|factory)\s+(?:driver|rider|racer|pilot)(?P<pl>s)?\b"
    r"(?:\s+(?:for|with|of)\s+)?",
    re.I,
)
_AGE = re.compile(r"\b(?P<age>\d{1,2})-year-old\b")
_AGE_APPOS = re.compile(r"^\s*,\s*(?P<age>\d{1,2})\s*(?:,|\.(?!\d)|\s+and\s+an?\b)")
_RETIRE = re.compile(r"\bretire(?:d|s|ment)?\b|\bhung up (?:his|her) (?:helmet|boots)\b", re.I)
_RETIRE_CONTEXT = re.compile(
    r"\bas an? (?:rider|driver|racer)\b|\bfrom (?:racing|competition|the sport)\b"
    r"|\b(?:at the )?end of (?:the )?(?:\d{4}|season|year)\b|\bin (?:19|20)\d\d\b",
    re.I,
)
_YEAR_AFTER = re.compile(r"\b(?:end of|in|after)\s+(?:the\s+)?((?:19|20)\d\d)\b")
_CATEGORY = r"(?:platinum|gold|silver|bronze)"
_CAT_CHANGE = re.compile(
    rf"\bfrom\s+(?P<prev>{_CATEGORY})\s+to\s+(?P<new>{_CATEGORY})\b"
    rf"|\b(?:re-?rated|upgraded|downgraded|promoted|demoted|reclassified|re-?categori[sz]ed|moved)"
    rf"\s+(?:to|as)\s+(?:an?\s+)?(?P<new2>{_CATEGORY})\b",
    re.I,
)
# "Rated Gold when he was hurt, the American has been recategorised as a Silver"
_CAT_BEFORE = re.compile(
    rf"\b(?:rated|formerly|previously|once)\s+(?:an?\s+)?(?P<prev>{_CATEGORY})\b", re.I
)
_CAT_RATED = re.compile(
    rf"(?:\b(?P<cat>{_CATEGORY})[- ](?:rated|ranked|graded)\s+"
    r"(?:(?:(?-i:[A-Z][a-z]+)|team\s+owner|owner|gentleman|amateur|driver|rookie|veteran)\s+){0,2}"
    rf"|\b(?P<cat2>{_CATEGORY})\s+(?:driver|racer)\s+"
    rf"|(?-i:\b[A-Z][a-z]+)\s+(?P<cat3>{_CATEGORY})\s+)$",
    re.I,
)
"""A rating right before a name: "bronze-rated American Ryan Hollis", "bronze driver Carlos
Benavides", "the Lebanese silver Darius Sayegh" (not "The silver-rated Turk joins Tom")."""
_CAT_CUE = re.compile(
    r"categori[sz]ation|categor(?:y|ies)|rating|rated|ranked|status|grading|FIA|upgraded"
    r"|downgraded|promoted|demoted|reclassified|recategori[sz]ed"
    rf"|\b{_CATEGORY}\s+(?:driver|racer|(?-i:[A-Z]))|\bfrom\s+{_CATEGORY}\s+to\b"
    rf"|\b(?:remains?|still)\s+{_CATEGORY}\b|(?-i:\b(?:Platinum|Gold|Silver|Bronze)\b)",
    re.I,
)
_CAT_STATE = re.compile(
    rf"\b(?:remains?|is\s+still|has\s+been\s+rated|(?:was|is)\s+(?:now\s+)?rated)"
    rf"\s+(?P<cat>{_CATEGORY})\b"
    r"(?![- ](?:cup|class|rated))",
    re.I,
)
"""A category stated without a change: "remains gold", "Harry is still silver", "has been
rated platinum", "who is rated Gold"."""
_CAT_WISH = re.compile(
    r"\b(?:asked|wanted|hoped|applied|appealed|requested|wished)\s+(?:\w+\s+){0,2}to\s+be\s+$",
    re.I,
)
_PRINCIPAL = re.compile(
    r"\b(?:team\s+(?:boss|principal|manager|owner|chief|founder)|boss|principal)\s+$", re.I
)
_PRINCIPAL_INSIDE = re.compile(
    r"(?:team\s+)?(?:boss|principal|manager|owner|chief)\s+(?=[A-Z])", re.I
)
_ROLE_OPENER = re.compile(
    r"^The\s+(?:[A-Z][\w'’.-]*\s+){1,5}(?:team\s+(?:principal|boss)|team\s+owner)\b"
)
_PRINCIPAL_OF = re.compile(
    r"\b(?:is|remains|was|becomes|became|named|appointed|as)\s+(?:the\s+|new\s+)*"
    r"(?:team\s+)?(?:principal|boss)\s+(?:of|at)\s+(?:the\s+)?$",
    re.I,
)
_PRINCIPAL_AFTER = re.compile(
    r"^\s*,\s*(?:the\s+)?(?:team\s+)?(?:boss|principal|owner|manager|chief)\s+(?:of|at)\s+(?:the\s+)?$"
    r"|^\s*,\s*who\s+(?:(?:had|has)\s+run|runs|owns|heads|leads|founded|manages|bosses)"
    r"\s+(?:the\s+)?$",
    re.I,
)
_ITS_PRINCIPAL = re.compile(
    r"^['’]s?\s+(?:long-?time\s+|new\s+)?(?:team\s+)?(?:boss|principal|owner|manager|chief)\b",
    re.I,
)
_APPOINTED_AS = re.compile(
    r"^\s+as\s+(?:its|their|the\s+team's|the)\s+(?:new\s+)?(?:team\s+)?(?:principal|boss)\b"
    r"|^\s+(?:becomes|will\s+become|is\s+named|has\s+been\s+named|takes\s+over\s+as)\s+"
    r"(?:the\s+)?(?:new\s+)?team\s+(?:principal|boss)\b",
    re.I,
)
"""After the person a team appointed: "X has appointed A as its new team principal", "the
team announced that A becomes team principal"."""
_PREDECESSOR = re.compile(
    r"\b(?:replaces|replacing|replaced|succeeds|succeeding|succeeded"
    r"|(?:took|takes|taking)\s+over\s+from)\s+$",
    re.I,
)
"""Before the person a new principal takes over from."""


def _speaker_team(art: Article, sent: Sentence, pos: int) -> str | None:
    """The team a principal speaks for when no team precedes the cue: the last team named
    outside quotes earlier in the paragraph ("Rowe returns. 'A and B will be strong,' said
    team principal X" is Rowe's principal, not B's); in a quote paragraph without such a
    team, the story's subject team (the first team the article names)."""
    text = art.ctx.article.text
    pstart = text.rfind("\n\n", 0, pos) + 1
    teams = [t for t in art.mentions_before(pos, EntityType.TEAM)]  # nearest first
    outside = [t for t in teams if t.start >= pstart and not in_quotation(text, t.start)]
    named = [t for t in outside if t.text[:1].isupper()]  # a name before "the squad"
    if named or outside:
        return (named or outside)[0].entity
    if QUOTE_MARKS.search(text, pstart, text.find("\n\n", pos) % (len(text) + 1)) and teams:
        return min(teams, key=lambda t: t.start).entity
    return art.last_team(sent, pos)


def extract(art: Article) -> None:
    for sent in art.sentences:
        _nationality(art, sent)
        _works(art, sent)
        _age(art, sent)
        _retired(art, sent)
        _fia_category(art, sent)
        _principal(art, sent)
    _predecessors(art)
    _one_category(art)
    _roster(art)


def _one_category(art: Article) -> None:
    """A driver has one category as of the story's date. "A, the team's Bronze, has been
    upgraded to Silver": the description is the category before the change. Two changes
    told of one driver: the one whose sentence names him (the other was a description
    resolved to the wrong person)."""
    by_driver: dict[str, list[Fact]] = {}
    for f in art.facts:
        if f.relation == "fiaCategory" and isinstance(f.get("s"), str):
            by_driver.setdefault(str(f.get("s")), []).append(f)
    drop: set[int] = set()
    add: list[Fact] = []
    for driver, found in by_driver.items():
        if len({f.get("o") for f in found}) < 2:
            continue
        changes = [
            f for f in found if f.get("previous") is not None or f.evidence.rule.endswith(".change")
        ]
        names = _name_forms(art, driver)
        named = [f for f in changes or found if any(n in f.evidence.sentence for n in names)]
        if not changes and len({f.get("o") for f in named}) != 1:
            continue  # two stated categories and no way to tell which is his
        keep = (named or changes)[0]
        for f in found:
            if f is not keep and (changes or f.get("o") != keep.get("o")):
                drop.add(id(f))
        stated = [f for f in found if f not in changes and f.get("o") != keep.get("o")]
        if keep.get("previous") is None and stated:
            drop.add(id(keep))
            args = {**dict(keep.args), "previous": stated[0].get("o")}
            add.append(Fact.make(keep.relation, keep.evidence, **args))
    if drop:
        art.facts[:] = [f for f in art.facts if id(f) not in drop] + add


def _name_forms(art: Article, key: str) -> list[str]:
    entity = art.entity(key)
    if entity is None:
        return []
    words = entity.name.split()
    return [entity.name, words[-1]] if words else [entity.name]


def _country_key(art: Article, sent: Sentence, start: int, end: int) -> str | None:
    for m in sent.of(EntityType.COUNTRY):
        if m.start >= start and m.end <= end:
            return m.entity
    return None


def _nationality(art: Article, sent: Sentence) -> None:
    for c in sent.of(EntityType.COUNTRY):
        before = sent.gap(sent.start, c.start)
        # "A and B from France", "Maxime Martin from Belgium"
        if _FROM.search(before):
            cut = sent.abs(_FROM.search(before).start())  # type: ignore[union-attr]
            group = group_before(sent, cut + 1, PERSON_TYPES)
            last = [m for m in sent.of(*PERSON_TYPES) if m.end <= cut]
            if last and not sent.gap(last[-1].end, cut).strip(" ,"):
                more = sent.after(c.end, *PERSON_TYPES)
                if more and re.fullmatch(
                    r"\s*(?:,|and|,\s*and)\s*", sent.gap(c.end, more[0].start)
                ):
                    group = group[-1:]  # "A, B from Oman and C": a list, each with its own
                if len(group) > 2:
                    group = group[-1:]  # "A, B and C from Brazil": each of a list has its own
                for i, d in enumerate(group):
                    nxt = group[i + 1].start if i + 1 < len(group) else cut
                    if i + 1 < len(group) and (
                        _own_demonym(art, sent, d)
                        or re.search(r",\s+(?:the|a|an)\s", sent.gap(d.end, nxt))
                    ):
                        continue  # "the American A and B from Belgium", "A, the ex-F1 driver,"
                    if d.end <= cut and not re.search(r"\bfrom\b", sent.gap(d.end, nxt)):
                        art.emit(
                            "nationality", sent, "nationality.from", 0.85, s=d.entity, o=c.entity
                        )
            continue
        if _is_demonym(art, c):
            _demonym(art, sent, c)
    # "his compatriot Jack Aitken": the nationality of the person compared with
    for d in sent.of(*PERSON_TYPES):
        if not re.search(r"\bcompatriots?\s+$|\bfellow countryman\s+$", sent.tail(d.start)):
            continue
        other = art.antecedent(sent, d.start)
        known = [
            f.get("o") for f in art.facts if f.relation == "nationality" and f.get("s") == other
        ]
        if other and other != d.entity and known and isinstance(known[0], str):
            art.emit("nationality", sent, "nationality.compatriot", 0.7, s=d.entity, o=known[0])
    # "Valentino Rossi (ITA)"
    for d in sent.of(*PERSON_TYPES):
        m = _ISO_PAREN.match(sent.text[sent.rel(d.end) :])
        if not m:
            continue
        key = _country_key(art, sent, d.end, d.end + m.end())
        if key is None:
            refs = [r for r in art.ctx.reference.lookup(m.group(1)) if r.type is EntityType.COUNTRY]
            key = art.ensure_reference(refs[0].iri, EntityType.COUNTRY) if refs else None
        if key:
            art.emit("nationality", sent, "nationality.iso-code", 0.85, s=d.entity, o=key)


def _own_demonym(art: Article, sent: Sentence, d: LinkedMention) -> bool:
    """A demonym names this person already ("the American Elliott Skeer")."""
    return any(
        c.end <= d.start + len(c.text) + 20
        and c.start < d.end
        and (
            (d.start <= c.start and c.end <= d.end)
            or _DESCRIPTOR.match(sent.gap(c.end, d.start)) is not None
        )
        for c in sent.of(EntityType.COUNTRY)
    )


def _is_demonym(art: Article, c: LinkedMention) -> bool:
    """ "Italian", "Spaniard", "Danish" rather than a country name or an ISO code."""
    if c.text.isupper():
        return False
    text = c.text.lower()
    for ref in art.ctx.reference.lookup(c.text):
        if ref.type is EntityType.COUNTRY:
            return text in {d.lower() for d in ref.demonyms}
    tok = _token_at(art, c.start)
    if tok is not None and (tok.ent_type_ == "NORP" or tok.pos_ == "ADJ"):
        return True
    return bool(re.search(r"(?:ian|ish|ese|ard|ch|ic|ean|can|man|ani|ss)$", text))


def _token_at(art: Article, pos: int):  # type: ignore[no-untyped-def]
    doc = art.ctx.doc
    span = doc.char_span(pos, pos + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


_PLURAL_RATING = re.compile(rf"\s+(?P<cat>{_CATEGORY})s\s+", re.I)


def _rated_pair(art: Article, sent: Sentence, c: LinkedMention, first: LinkedMention) -> None:
    """ "the German Silvers A and B": both are German, both are Silver."""
    m = _PLURAL_RATING.fullmatch(sent.gap(c.end, first.start))
    if m is None:
        return
    pair = [first]
    second = next(iter(sent.after(first.end, *PERSON_TYPES)), None)
    if second is not None and re.fullmatch(r"\s+and\s+", sent.gap(first.end, second.start)):
        pair.append(second)
    key = category_key(art, sent, m.group("cat"), first.start)
    for p in pair:
        if p is not first:
            art.emit("nationality", sent, "nationality.demonym-pair", 0.8, s=p.entity, o=c.entity)
        if key:
            art.emit(
                "fiaCategory", sent, "fiaCategory.rated", 0.8, s=p.entity, o=key, asOf=art.published
            )


def _demonym(art: Article, sent: Sentence, c: LinkedMention) -> None:
    after = sent.text[sent.rel(c.end) :]
    # "Belgium-based WRT"
    if re.match(r"^-based\b", after):
        teams = sent.after(c.end, EntityType.TEAM)
        if teams and teams[0].start - c.end < 12:
            art.emit("basedIn", sent, "basedIn.based", 0.85, s=teams[0].entity, o=c.entity)
        return
    plural = _PLURAL_RATING.match(after)
    first = next(
        (m for m in sent.of(*PERSON_TYPES) if plural and m.start == c.end + plural.end()), None
    )
    if first is not None:  # "the German Silvers A and B"
        art.emit("nationality", sent, "nationality.demonym-name", 0.85, s=first.entity, o=c.entity)
        _rated_pair(art, sent, c, first)
        return
    # the demonym directly before a person mention: "Belgian Maxime Martin"
    nxt = [
        m
        for m in sent.mentions
        if m.start >= c.end
        and m.start - c.end <= 30
        and _DESCRIPTOR.match(sent.gap(c.end, m.start))
    ]
    person = [m for m in nxt if m.type in PERSON_TYPES and m.start > c.start]
    if person:
        art.emit(
            "nationality", sent, "nationality.demonym-name", 0.85, s=person[0].entity, o=c.entity
        )
        _rated_pair(art, sent, c, person[0])
        return
    # a person mention covering the demonym ("the Italian" linked to the driver)
    cover = [m for m in sent.of(*PERSON_TYPES) if m.start <= c.start and c.end <= m.end]
    if cover:
        art.emit("nationality", sent, "nationality.demonym-ref", 0.8, s=cover[0].entity, o=c.entity)
        return
    # "The 24-year-old Dane graduates ...": the age description right before it is linked
    described = [
        m
        for m in sent.of(*PERSON_TYPES)
        if m.end <= c.start and not sent.gap(m.end, c.start).strip() and _AGE.search(m.text)
    ]
    if described:
        art.emit(
            "nationality", sent, "nationality.demonym-ref", 0.8, s=described[0].entity, o=c.entity
        )
        return
    team_cover = [m for m in sent.of(EntityType.TEAM) if m.start <= c.start and c.end <= m.end]
    tok = _token_at(art, c.start)
    head_noun = ""
    if tok is not None:
        if tok.dep_ in {"amod", "compound", "nmod"} and tok.head.i > tok.i:
            head_noun = tok.head.lemma_.lower()
        elif tok.dep_ in {"nsubj", "nsubjpass", "pobj", "dobj", "attr", "appos", "ROOT"}:
            head_noun = "<bare>"
    words = re.findall(r"[A-Za-z-]+", after)[:4]
    if team_cover or head_noun in _TEAM_NOUNS or any(w.lower() in _TEAM_NOUNS for w in words[:3]):
        team = team_cover[0].entity if team_cover else None
        if team is None:
            ts = [t for t in sent.after(c.end, EntityType.TEAM) if t.start - c.end < 25]
            team = ts[0].entity if ts else art.last_team(sent, c.start)
        if team is not None:
            art.emit("basedIn", sent, "basedIn.demonym", 0.8, s=team, o=c.entity)
        return
    person_noun = head_noun in _PERSON_NOUNS or any(w.lower() in _PERSON_NOUNS for w in words[:3])
    det = re.search(r"\b(?:the|an?|fellow)\s+(?:[\w-]+\s+){0,2}$", sent.tail(c.start), re.I)
    if person_noun or (head_noun == "<bare>" and det):
        # apposition "Rossi, the Italian motorcyclist," or a description of the antecedent
        appos = re.search(
            r",\s*(?:the|an?)\s+(?:[a-z]+['’]s\s+)?(?:[a-z\d-]+\s+){0,2}$", sent.tail(c.start)
        )
        before = sent.before(c.start, *PERSON_TYPES)
        if appos and before and not sent.gap(before[-1].end, c.start).strip(", ").count(" ") > 3:
            subj: str | None = before[-1].entity
        else:
            subj = art.antecedent(sent, c.start)
        if subj:
            art.emit(
                "nationality", sent, "nationality.demonym-description", 0.7, s=subj, o=c.entity
            )


def subject_near(art: Article, sent: Sentence, start: int, end: int) -> list[str]:
    """The person a description at [start, end) is about: names right after it
    ("BMW works driver Rossi"), an apposition before it ("Rossi, a ..."), the nearest person
    earlier in the sentence, else the discourse antecedent."""
    after = group_after(sent, end, PERSON_TYPES)
    if after and not sent.gap(end, after[0].start).strip(" ,"):
        return [m.entity for m in after]
    if after and _nouns_only(art, end, after[0].start):  # "his 52-year-old compatriot X"
        return [after[0].entity]
    if any(
        m.start >= end
        and not sent.gap(end, m.start).strip()
        and m.type not in (EntityType.FIA_CATEGORY, EntityType.COUNTRY)
        for m in sent.mentions
    ):
        return []  # a name follows but it is not a person (mis-typed): do not guess
    before = sent.before(start, *PERSON_TYPES)
    if before:
        return [before[-1].entity]
    ante = art.antecedent(sent, start)
    return [ante] if ante else []


def _nouns_only(art: Article, start: int, end: int) -> bool:
    """Is the text between ``start`` and ``end`` one to three nouns and adjectives
    ("compatriot", "Aston Martin factory driver"), a description of the name after it?"""
    span = art.ctx.doc.char_span(start, end, alignment_mode="expand")
    words = [t for t in span if not t.is_space] if span is not None else []
    return 0 < len(words) <= 3 and all(t.pos_ in {"NOUN", "PROPN", "ADJ"} for t in words)


_SIGNED_BY = re.compile(
    r"^\s+(?:has\s+|have\s+)?(?:signed|re-signed|hired|recruited|snapped up|drafted in)\s+$", re.I
)
_JOINED = re.compile(
    r"^\s*,?\s+(?:who\s+)?(?:has\s+|have\s+|had\s+)?(?:joined|signed (?:for|with)|moved to"
    r"|switched to)\s+$"
    r"|^[^.;]{0,100}?\bafter\s+(?:\w+\s+)?(?:seasons|years)\s+(?:with|at)\s+$",
    re.I,
)


def _signed(art: Article, sent: Sentence) -> None:
    """A maker signs a driver ("Lamborghini has signed X"), a driver joins a maker ("X
    joined BMW from Mercedes-AMG", "after twelve seasons with Aston Martin")."""
    for manu in sent.of(EntityType.MANUFACTURER):
        after = sent.after(manu.end, EntityType.DRIVER)
        if after and _SIGNED_BY.match(sent.gap(manu.end, after[0].start)):
            for d in group_after(sent, after[0].start, [EntityType.DRIVER]):
                art.emit(
                    "worksDriverFor", sent, "worksDriverFor.signed", 0.75, s=d.entity, o=manu.entity
                )
            continue
        before = sent.before(manu.start, EntityType.DRIVER)
        if not before:
            continue
        gap = sent.gap(before[-1].end, manu.start)
        if _JOINED.match(gap) and not re.search(r"\b(?:he|she)\b", gap, re.I):
            if re.search(r"[-\s](?:based|run)\s*$|\bteam\b", gap):
                continue
            art.emit(
                "worksDriverFor",
                sent,
                "worksDriverFor.joined",
                0.7,
                s=before[-1].entity,
                o=manu.entity,
            )


_ROSTER = re.compile(
    r"^(?-i:\s+[A-Z][\w-]*){0,2}\s*(?:has\s+|have\s+)?"
    r"(?:confirmed|named|announced|unveiled|revealed|names|confirms|announces|unveils)\s+"
    r"(?:(?:its|their)\s+)?(?:(?:full|new|\d{4}|[a-z]+)\s+)?"
    r"(?:works[- ]drivers?|factory[- ]drivers?|works[- ]driver\s+(?:roster|line-?up))\b",
    re.I,
)
"""After a maker's name in a story's lede: "(Motorsport) has confirmed its works drivers"."""
_ROLE_NEAR = re.compile(
    r"\b(?:director|head|chief|boss|manager|principal|president|CEO|engineer)\b", re.I
)


def _roster(art: Article) -> None:
    """ "Mercedes-AMG Motorsport has confirmed its works drivers for 2025": in a story that
    opens with a maker's roster, every driver it names is one of them, unless the story
    makes the driver another maker's, an official ("motorsports director X") or a Bronze
    (an amateur)."""
    first = art.sentences[0].paragraph if art.sentences else 0
    lede = [s for s in art.sentences if s.paragraph <= first + 1][:3]
    maker = next(
        (
            m.entity
            for sent in lede
            for m in sent.of(EntityType.MANUFACTURER)
            if _ROSTER.match(sent.text[sent.rel(m.end) :])
        ),
        None,
    )
    if maker is None:
        return
    works = {
        str(f.get("o" if f.relation == "teamPrincipal" else "s"))
        for f in art.facts
        if f.relation in ("worksDriverFor", "teamPrincipal")
        or (f.relation == "fiaCategory" and f.get("o") == "bronze")  # amateurs
    }
    for key, ent in sorted(art.ctx.entities.items()):
        if ent.type is not EntityType.DRIVER or key in works:
            continue
        named = next((m for m in art.ctx.mentions if m.entity == key), None)
        sent = art.sentence_at(named.start) if named is not None else None
        if (
            sent is not None
            and named is not None
            and not _ROLE_NEAR.search(
                sent.text[max(0, sent.rel(named.start) - 40) : sent.rel(named.end) + 40]
            )
        ):
            art.emit("worksDriverFor", sent, "worksDriverFor.roster", 0.6, s=key, o=maker)


# "All six are Ford works drivers", ", all three of them BMW works drivers,"
_ALL_WORKS = re.compile(
    r"\b(?:all\s+(?P<n>two|three|four|five|six|seven|eight|\d)|(?P<both>both))\s+(?:of\s+them\s+)?"
    r"(?:(?:are|were|will\s+be)\s+|(?<=them\s)|(?<=,\sboth\s))"
    r"(?P<manu>[\w-]+(?:\s+[\w-]+)?\s+)?(?:works|factory)\s+drivers\b",
    re.I,
)


def _all_works(art: Article, sent: Sentence) -> None:
    """ "All six are Ford works drivers", "A, B and C, all three of them BMW works drivers,":
    the six drivers the text named last (this paragraph and the one before), when it named at
    least that many."""
    for m in _ALL_WORKS.finditer(sent.text):
        n = 2 if m.group("both") else number(m.group("n"))
        manus = [
            x.entity
            for x in sent.of(EntityType.MANUFACTURER)
            if m.group("manu") and sent.abs(m.start("manu")) <= x.start < sent.abs(m.end("manu"))
        ]
        if not n or not manus:
            continue
        named: list[str] = []
        for x in art.mentions_before(sent.abs(m.start()), EntityType.DRIVER):
            where = art.sentence_at(x.start)
            if where is None or where.paragraph < sent.paragraph - 1:
                break
            if x.entity not in named:
                named.append(x.entity)
            if len(named) == n:
                break
        if len(named) == n:
            for d in named:
                art.emit(
                    "worksDriverFor",
                    sent,
                    "worksDriverFor.all",
                    0.7,
                    s=d,
                    o=manus[0],
                    asOf=art.published,
                )


def _works(art: Article, sent: Sentence) -> None:
    _signed(art, sent)
    if "works" not in sent.lower and "factory" not in sent.lower:
        return
    _all_works(art, sent)
    for m in _WORKS.finditer(sent.text):
        a, b = sent.abs(m.start()), sent.abs(m.end())
        manu = None
        if m.group(0).rstrip().lower().endswith(("for", "with", "of")):
            after = sent.after(b, EntityType.MANUFACTURER)
            if after and after[0].start - b <= 5:
                manu = after[0].entity
                b = after[0].end
        if manu is None:
            before = sent.before(a, EntityType.MANUFACTURER)
            if before and re.fullmatch(  # "Ford's other works driver"
                r"\s*(?:[A-Z][\w-]{0,3}\s+)?|['’]s\s+(?:other\s+|new\s+|fellow\s+)?",
                sent.gap(before[-1].end, a),
            ):
                manu = before[-1].entity
        if manu is None:
            continue
        names = group_after(sent, b, PERSON_TYPES)
        if names and not sent.gap(b, names[0].start).strip(" ,"):
            # "Porsche works driver A, B and C": the singular title is A's only
            subjects = [n.entity for n in (names if m.group("pl") else names[:1])]
        elif m.group("pl"):
            continue  # "alongside seasoned BMW works drivers": nobody named
        else:
            subjects = subject_near(art, sent, a, b)
        for s in subjects:
            art.emit(
                "worksDriverFor", sent, "worksDriverFor.cue", 0.85, s=s, o=manu, asOf=art.published
            )


def _age(art: Article, sent: Sentence) -> None:
    for m in _AGE.finditer(sent.text):
        a, b = sent.abs(m.start()), sent.abs(m.end())
        cover = [p for p in sent.of(*PERSON_TYPES) if p.start <= a and b <= p.end]
        # "The 41-year-old Austrian" linked to the driver: the age is that driver's
        for s in ([cover[0].entity] if cover else subject_near(art, sent, a, b))[:1]:
            art.emit(
                "age", sent, "age.year-old", 0.85, s=s, o=int(m.group("age")), asOf=art.published
            )
    for c in sent.of(EntityType.COUNTRY):
        # "The Dane, 32, ...": a demonym description with an age apposition
        m3 = _AGE_APPOS.match(sent.text[sent.rel(c.end) :])
        if (
            m3
            and re.fullmatch(r"\s*(?:the|a)\s+", sent.gap(sent.start, c.start), re.I)
            and not any(p.start <= c.start and c.end <= p.end for p in sent.of(*PERSON_TYPES))
        ):
            who = art.antecedent(sent, c.start)
            if who:
                art.emit(
                    "age",
                    sent,
                    "age.demonym-apposition",
                    0.75,
                    s=who,
                    o=int(m3.group("age")),
                    asOf=art.published,
                )
    for d in sent.of(EntityType.DRIVER):
        m2 = _AGE_APPOS.match(sent.text[sent.rel(d.end) :])
        if m2:
            art.emit(
                "age",
                sent,
                "age.apposition",
                0.8,
                s=d.entity,
                o=int(m2.group("age")),
                asOf=art.published,
            )


def _retired(art: Article, sent: Sentence) -> None:
    if "retire" not in sent.lower and "hung up" not in sent.lower:
        return
    for m in _RETIRE.finditer(sent.text):
        from_champ = [
            c
            for c in sent.of(EntityType.CHAMPIONSHIP)
            if re.fullmatch(r"\s+from\s+(?:the\s+)?", sent.gap(sent.abs(m.end()), c.start))
        ]
        if not _RETIRE_CONTEXT.search(sent.text) and not from_champ:
            continue
        if not from_champ and re.match(r"\s+from\s+", sent.text[m.end() :]):
            continue  # "retire from professional racing": no championship named
        pos = sent.abs(m.start())
        champs = sent.of(EntityType.CHAMPIONSHIP)
        if not champs:
            continue
        champ = min(champs, key=lambda c: abs(c.start - pos)).entity
        subj = art.antecedent(sent, pos)
        if subj is None:
            continue
        y = _YEAR_AFTER.search(sent.text, m.end())
        year = int(y.group(1)) if y else None
        phrase = sent.text[m.start() : y.end() if y else m.end()]
        art.emit("retired", sent, "retired.cue", 0.8, s=subj, o=champ, date=year)
        art.emit(
            "competesIn",
            sent,
            "competesIn.retired",
            0.7,
            s=subj,
            o=champ,
            season=year,
            status="confirmed",
            modality=f"raced ({phrase})",
            asOf=art.published,
        )


def _fia_category(art: Article, sent: Sentence) -> None:
    if not _CAT_CUE.search(sent.text):
        return
    for m in _CAT_CHANGE.finditer(sent.text):
        pos = sent.abs(m.start())
        if _CAT_WISH.search(sent.text, 0, m.start()):
            continue  # "had asked to be reclassified as silver"
        new_w = m.group("new") or m.group("new2")
        new = category_key(art, sent, new_w, pos)
        prev = category_key(art, sent, m.group("prev"), pos) if m.group("prev") else None
        before = _CAT_BEFORE.search(sent.text, 0, m.start()) if prev is None else None
        if before is not None and before.group("prev").lower() != str(new_w).lower():
            prev = category_key(art, sent, before.group("prev"), sent.abs(before.start()))
        subj = _change_subject(art, sent, pos)
        if subj and new:
            art.emit(
                "fiaCategory",
                sent,
                "fiaCategory.change",
                0.85,
                s=subj,
                o=new,
                previous=prev,
                asOf=art.published,
            )
    for m in _CAT_STATE.finditer(sent.text):
        pos = sent.abs(m.start())
        subj = _change_subject(art, sent, pos)
        key = category_key(art, sent, m.group("cat"), pos)
        if subj and key:
            art.emit(
                "fiaCategory", sent, "fiaCategory.state", 0.75, s=subj, o=key, asOf=art.published
            )
    for c in sent.of(EntityType.FIA_CATEGORY):
        who = _rated_description(art, sent, c)
        if who is not None:
            art.emit(
                "fiaCategory",
                sent,
                "fiaCategory.described",
                0.75,
                s=who,
                o=c.entity,
                asOf=art.published,
            )
    for d in sent.of(*PERSON_TYPES):
        m2 = _CAT_RATED.search(sent.tail(d.start))
        if m2:
            word = m2.group("cat") or m2.group("cat2") or m2.group("cat3")
            key = category_key(art, sent, word, d.start)
            if key:
                art.emit(
                    "fiaCategory",
                    sent,
                    "fiaCategory.rated",
                    0.8,
                    s=d.entity,
                    o=key,
                    asOf=art.published,
                )


def _change_subject(art: Article, sent: Sentence, pos: int) -> str | None:
    """Whose category changes at ``pos``: the subject of the verb the change hangs on ("The
    23-year-old Swede won the title with A, sharing the car with B, and has now been
    upgraded from silver to gold": the Swede, not B), else the nearest person before it in
    its clause, else the discourse antecedent."""
    tok = _token_at(art, pos)
    verb = tok
    for _ in range(6):
        if verb is None or verb.head.i == verb.i:
            break
        if verb.pos_ in {"VERB", "AUX"} and verb.dep_ not in {"aux", "auxpass"}:
            break
        verb = verb.head
    while verb is not None:
        subj = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subj:
            head = subj[0]
            if head.lower_ in {"he", "she"}:
                return art.antecedent(sent, head.idx)
            lo = min(t.idx for t in head.subtree)
            hi = max(t.idx + len(t) for t in head.subtree)
            found = [m for m in sent.of(*PERSON_TYPES) if lo <= m.start and m.end <= hi]
            if found:
                return found[0].entity
            if head.pos_ == "NOUN" and any(c.lower_ == "the" for c in head.children):
                # "The former IndyCar driver ... has been rated platinum": the person the
                # sentence before names, driver or not yet known as one
                for prev in reversed(art.sentences[: sent.index]):
                    people = prev.of(*PERSON_TYPES)
                    if people:
                        return people[0].entity
            break
        verb = verb.head if verb.dep_ == "conj" and verb.head.i != verb.i else None
    named = [p for p in sent.before(pos, *PERSON_TYPES) if same_clause(sent, p.end, pos)]
    return named[-1].entity if named else art.antecedent(sent, pos)


def _rated_description(art: Article, sent: Sentence, cat: LinkedMention) -> str | None:
    """The driver a rated description stands for, per the parse: the subject of "is a
    bronze-rated driver", the name it is in apposition to ("Lemaire, the team's
    silver-rated driver"), or the driver a sentence-opening "The platinum-rated Dane"
    refers back to. A rating right before a name is :data:`_CAT_RATED`'s."""
    text = art.ctx.article.text[cat.start : cat.end + 8]
    rated = re.match(r"\w+[- ](?:rated|ranked|graded)\b", text)
    if not rated and not cat.text[:1].isupper():
        return None
    noun = _token_at(art, cat.start)
    if noun is None:
        return None
    # or the category as a noun for its driver: "Moreau, a 24-year-old Belgian Silver",
    # "who is the crew's Bronze", "the Norwegian is a Gold"
    if not rated and noun.dep_ not in {"appos", "attr"}:
        return None
    if not rated and any(  # "the Danish Bronze Mikkel Holm": the name after it
        not sent.gap(cat.end, p.start).strip() for p in sent.of(*PERSON_TYPES) if p.start >= cat.end
    ):
        return None
    while noun.dep_ in {"amod", "compound", "npadvmod", "advmod"} and noun.head.i != noun.i:
        noun = noun.head
    if any(d.start <= noun.idx < d.end for d in sent.of(*PERSON_TYPES)):
        return None
    if noun.dep_ == "appos":  # "Lemaire, the team's silver-rated driver, ..."
        return _person_at(sent, noun.head)
    if noun.dep_ == "attr" and noun.head.lemma_ == "be":
        subj = [c for c in noun.head.children if c.dep_ == "nsubj"]
        if subj and subj[0].lower_ in {"who", "that"} and noun.head.dep_ == "relcl":
            described = noun.head.head  # "Berglund, the Swede who is the crew's Bronze"
            return _person_at(sent, described.head if described.dep_ == "appos" else described)
        return _person_at(sent, subj[0]) if subj else None
    if noun.dep_ in {"nsubj", "nsubjpass"} and re.fullmatch(
        r"\s*the\s+", sent.gap(sent.start, cat.start), re.I
    ):
        return art.antecedent(sent, cat.start)
    return None


def _person_at(sent: Sentence, tok: Token) -> str | None:
    hits = [d for d in sent.of(*PERSON_TYPES) if d.start <= tok.idx < d.end]
    return hits[0].entity if hits else None


def _principal(art: Article, sent: Sentence) -> None:
    for p in sent.of(*PERSON_TYPES):
        base = max(sent.start, p.start - 80)
        m = _PRINCIPAL.search(sent.gap(base, p.start))
        inner = _PRINCIPAL_INSIDE.match(p.text)
        if m is None and inner is not None:
            base, m = p.start, inner
        team = None
        if m:
            pos = base + m.start()
            teams = [t for t in sent.before(pos, EntityType.TEAM) if pos - t.end <= 3]
            team = teams[-1].entity if teams else _speaker_team(art, sent, p.start)
        elif _APPOINTED_AS.match(sent.text[sent.rel(p.end) :]):
            teams = sent.before(p.start, EntityType.TEAM)
            team = teams[-1].entity if teams else None
        else:
            teams = sent.after(p.end, EntityType.TEAM)
            if (
                teams
                and (
                    _PRINCIPAL_AFTER.match(sent.gap(p.end, teams[0].start))
                    or (  # "said A, Manthey's team principal"
                        re.fullmatch(r"\s*,\s*", sent.gap(p.end, teams[0].start))
                        and _ITS_PRINCIPAL.match(sent.text[sent.rel(teams[0].end) :])
                    )
                )
            ):
                team = teams[0].entity
        if team and team != p.entity:
            art.emit("teamPrincipal", sent, "teamPrincipal.cue", 0.85, s=team, o=p.entity)
    for t in sent.of(EntityType.TEAM):
        m = _PRINCIPAL_OF.search(sent.tail(t.start))
        if m is None:
            continue
        pos = t.start - len(sent.tail(t.start)) + m.start()
        people = sent.before(pos, *PERSON_TYPES)
        if people:
            art.emit(
                "teamPrincipal", sent, "teamPrincipal.of", 0.8, s=t.entity, o=people[-1].entity
            )
    _principal_by_role(art, sent)
    # "... said Helen Achterberg. The Cadillac Wayne Taylor Racing team principal was not
    # exaggerating": the role describes the person just named
    opener = _ROLE_OPENER.match(sent.text)
    if opener and not sent.of(*PERSON_TYPES):
        teams = [t for t in sent.of(EntityType.TEAM) if t.end <= sent.abs(opener.end())]
        prev = art.sentences[sent.index - 1].of(*PERSON_TYPES) if sent.index else []
        if teams and prev:
            art.emit(
                "teamPrincipal",
                sent,
                "teamPrincipal.anaphor",
                0.7,
                s=teams[0].entity,
                o=prev[-1].entity,
            )


_ROLE_OF = re.compile(r"\bthe\s+team\s+(?:principal|boss)\s+of\s+(?:the\s+)?$", re.I)
_ITS_ROLE = re.compile(
    r"\b(?:is|remains|was)\s+(?:still\s+|also\s+)?(?:its|their)\s+team\s+(?:principal|boss)\b", re.I
)


def _principal_by_role(art: Article, sent: Sentence) -> None:
    """ "A does not do false modesty. Asked ..., the team principal of the German outfit
    chose a word": the role in a sentence naming nobody is the person just named; "A founded
    the Italian team, is still its team principal": the team the subject founded."""
    people = sent.of(*PERSON_TYPES)
    for t in sent.of(EntityType.TEAM):
        if people or not _ROLE_OF.search(sent.tail(t.start, 40)):
            continue
        prev = art.sentences[sent.index - 1].of(*PERSON_TYPES) if sent.index else []
        if len({p.entity for p in prev}) == 1:
            art.emit(
                "teamPrincipal", sent, "teamPrincipal.role-of", 0.7, s=t.entity, o=prev[0].entity
            )
    m = _ITS_ROLE.search(sent.text)
    if m and people and people[0].start < sent.abs(m.start()):
        teams = sent.before(sent.abs(m.start()), EntityType.TEAM)
        if teams:
            art.emit(
                "teamPrincipal",
                sent,
                "teamPrincipal.its",
                0.75,
                s=teams[-1].entity,
                o=people[0].entity,
            )


def _predecessors(art: Article) -> None:
    """ "The 46-year-old Dutchman replaces B", "A took over from B as team principal": B
    ran the team before its principal A. Only a person already known as a team's principal
    succeeds anyone here; a driver who replaces another is a seat change, not a principal."""
    heads: dict[str, str] = {}
    for f in art.facts:
        if f.relation == "teamPrincipal":
            args = dict(f.args)
            heads.setdefault(str(args["o"]), str(args["s"]))
    if not heads:
        return
    for sent in art.sentences:
        for p in sent.of(*PERSON_TYPES):
            m = _PREDECESSOR.search(sent.gap(max(sent.start, p.start - 40), p.start))
            if m is None or p.entity in heads:
                continue
            before = art.mentions_before(p.start - len(m.group(0)), *PERSON_TYPES)
            successor = next((b.entity for b in before), None)  # the nearest: its subject
            if successor in heads:
                art.emit(
                    "teamPrincipal",
                    sent,
                    "teamPrincipal.predecessor",
                    0.7,
                    s=heads[successor],
                    o=p.entity,
                )


_DRIVING = frozenset(
    {"drives", "raceResult", "gridPosition", "coDriver", "fiaCategory", "worksDriverFor", "won"}
)
"""Facts that show a person racing."""


def drop_principal_members(art: Article) -> None:
    """A team principal the text never shows driving runs a team and is no member of any
    crew: "For Gachet, who has run the team since 2017", "Verschoor arrives from Team WRT,
    where he ran operations" or a learned pairing of the boss with a championship give no
    memberOf. A principal who races (a result, a car, a co-driver, a rating) keeps his."""
    bosses = {str(dict(f.args)["o"]) for f in art.facts if f.relation == "teamPrincipal"}
    if not bosses:
        return
    racing: set[str] = set()
    for f in art.facts:
        if f.relation in _DRIVING:
            for role, value in f.args:
                if role in {"s", "o", "drivers"}:
                    values = value if isinstance(value, tuple) else (value,)
                    racing.update(str(v) for v in values)
    idle = bosses - racing
    art.facts[:] = [
        f for f in art.facts if f.relation != "memberOf" or str(dict(f.args)["s"]) not in idle
    ]
