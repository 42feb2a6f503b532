"""Stage 1: find mentions.

Two cheap rule components run inside the spaCy pipeline (registered in
:mod:`racegraph.extract.factories`, compiled once in :func:`racegraph.extract.load_pipeline`):

* :class:`ReferenceRuler` marks every label, alias and demonym of the reference data
  (``doc.spans["rg_reference"]``, span label = entity type, ``kb_id`` = reference IRI);
* :class:`GenreRuler` marks genre phrases from ``extract/patterns/*.jsonl``
  (``doc.spans["rg_genre"]``: team names, event phrases, descriptors, positions, race numbers).

:func:`extract_mentions` then merges those spans with the statistical NER into
non-overlapping :class:`Candidate` records (plus nested ones worth keeping), fixing the small
model's person errors with rules that generalise (trim leading verbs, extend over adjacent
proper nouns and surname particles, coordination with a person, surnames of a person named
in full, name runs cued by a demonym before, a role noun before, "from <Country>" or a person
apposition after, or opened by a known given name, noun demonyms that are given names:
"Dane Cameron").
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token

from racegraph.extract.time import WEEKDAYS
from racegraph.records import EntityType
from racegraph.vocab import slugify

if TYPE_CHECKING:
    from spacy.language import Language

    from racegraph.reference import Reference

REFERENCE_SPANS = "rg_reference"
GENRE_SPANS = "rg_genre"

# spaCy NER labels kept as candidates (others are ignored).
NER_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "EVENT", "FAC", "DATE", "ORDINAL", "CARDINAL", "LOC"}
)
VALUE_LABELS = frozenset({"DATE", "ORDINAL", "CARDINAL", "RACE_NUMBER", "POSITION"})

NAME_PARTICLES = frozenset(
    {"van", "der", "den", "de", "von", "da", "di", "du", "dos", "del", "della", "ter", "le", "la"}
)
ROLE_NOUNS = frozenset(
    {
        "boss",
        "principal",
        "president",
        "manager",
        "owner",
        "director",
        "chief",
        "head",
        "ceo",
        "chairman",
        "founder",
        "coordinator",
    }
)
# heads of a person apposition ("X, the former Formula One driver")
PERSON_NOUNS = frozenset(
    {
        "driver",
        "racer",
        "rider",
        "champion",
        "pilot",
        "youngster",
        "veteran",
        "rookie",
        "teammate",
        "team-mate",
        "winner",
        "ace",
    }
)
# last words of team names ("Comtoyou Racing"): a run ending so is not a person
TEAM_SUFFIXES = frozenset(
    {
        "Racing",
        "Motorsport",
        "Motorsports",
        "Corse",
        "Competition",
        "Autosport",
        "Autosports",
        "Engineering",
        "Competizione",
        "Sport",
        "Team",
        "Squadra",
        "Performance",
    }
)
# noun demonyms that are also given names ("Dane Cameron"); adjectival ones are not
_ADJ_DEMONYM_ENDINGS = ("an", "ish", "ese", "ch", "ic", "i", "ss")

# words that make a capitalised run a place or an organisation, whatever name opens it
# ("Virginia International Raceway", "Paul Ricard Circuit")
_PLACE_ORG_WORDS = frozenset(
    {
        "International",
        "Raceway",
        "Speedway",
        "Circuit",
        "Park",
        "Ring",
        "Autodromo",
        "Hours",
        "Cup",
        "Trophy",
        "Series",
        "Championship",
        "Challenge",
        "Grand",
        "Prix",
        "Group",
        "Academy",
        "Foundation",
        "Club",
        "Association",
        "University",
    }
)

_TEAM_SUFFIX_AFTER = r"\s+(?:" + "|".join(sorted(TEAM_SUFFIXES)) + r")\b"

QUOTES = frozenset({'"', "“", "”", "‘", "’", "'", "``", "''"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})


@dataclass(frozen=True, slots=True)
class Candidate:
    """A span that may name or refer to something, before linking (token offsets)."""

    start: int
    end: int
    label: str
    rule: str
    iri: str | None = None
    priority: int = 0
    nested: bool = False

    @property
    def length(self) -> int:
        return self.end - self.start


# --------------------------------------------------------------------------------------
# pipeline components
# --------------------------------------------------------------------------------------


def _short_model_plurals(reference: Reference) -> dict[str, set[str]]:
    """Plurals of a model's first name token after its make ("two 963s", "four M4s", "three
    R8s"), kept only where one model of the reference claims the token; the bare token is
    not added (a number alone is no model)."""
    makes = {e.iri: e for e in reference.entities if e.type.value == "Manufacturer"}
    claims: dict[str, set[str]] = {}
    for entity in reference.entities:
        if entity.type.value != "CarModel":
            continue
        make = makes.get(entity.manufacturer or "")
        for form in entity.surface_forms():
            words = form.split()
            if make is not None and any(form.startswith(n + " ") for n in make.surface_forms()):
                words = words[
                    len(next(n for n in make.surface_forms() if form.startswith(n + " ")).split()) :
                ]
            if not words:
                continue
            head = words[0]
            if re.fullmatch(r"[A-Z]?\d{1,3}[A-Z]?|[A-Z]{1,2}\d{1,2}", head) and not re.match(
                r"GT\d", head
            ):  # "GT3" names a class, not a model
                claims.setdefault(head + "s", set()).add(entity.iri)
    out: dict[str, set[str]] = {}
    for plural, iris in claims.items():
        base = next(iter(iris)) if len(iris) == 1 else _base_model(reference, iris)
        if base is not None:
            out.setdefault(base, set()).add(plural)
    return out


def _base_model(reference: Reference, iris: set[str]) -> str | None:
    """One make's models of one regulation that share a number ("Ferrari 296 GT3" and its
    "Ferrari 296 LMGT3" spec) are one car: "two 296s" is the base model, the shortest name.
    Models of different regulations ("911 RSR", "911 GT3 R") leave the number unclaimed."""
    models = [e for iri in sorted(iris) if (e := reference.by_iri(iri)) is not None]
    if len({(e.manufacturer, e.built_to) for e in models}) != 1 or models[0].built_to is None:
        return None
    return min(models, key=lambda e: (len(e.label), e.iri)).iri


_HEAD_PLURALS: dict[int, tuple[Reference, dict[str, str]]] = {}


def _model_head_plurals(reference: Reference) -> dict[str, str]:
    """Plurals of the first model word after a make -> the make's IRI: "M4s", "Huracans",
    "Mustangs" (a make's cars in general, whichever of its models they are)."""
    cached = _HEAD_PLURALS.get(id(reference))
    if cached is not None and cached[0] is reference:
        return cached[1]
    makes = {e.iri: e for e in reference.entities if e.type.value == "Manufacturer"}
    out: dict[str, str] = {}
    for entity in reference.entities:
        make = makes.get(entity.manufacturer or "") if entity.type.value == "CarModel" else None
        if make is None:
            continue
        for form in entity.surface_forms():
            prefix = next((n for n in make.surface_forms() if form.startswith(n + " ")), None)
            words = form[len(prefix) + 1 :].split() if prefix else []
            head = words[0] if words else ""
            if re.fullmatch(r"GT\d.*", head) or head.endswith("s"):
                continue  # "GT3" names a class
            if re.fullmatch(r"[A-Z][^\W\d_]{3,}", head) or re.fullmatch(
                r"(?=.*\d)[A-Z0-9]{2,6}", head
            ):
                for h in {head, slugify(head).capitalize() if head.isalpha() else head}:
                    out[h + "s"] = make.iri
    _HEAD_PLURALS[id(reference)] = (reference, out)
    return out


class ReferenceRuler:
    """Marks reference labels, aliases and demonyms (phrase matching, no regexes).

    Short or all-capitals forms ("WEC", "BMW", "FIA") match case-sensitively; longer forms
    match case-insensitively. Car model names also match with a plural ``s``.
    """

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self._vocab = nlp.vocab
        self._make_doc = nlp.make_doc
        self._lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._types: dict[str, str] = {}
        self._bare_classes: dict[str, str] = {}

    def add_reference(self, reference: Reference) -> None:
        """Add one phrase pattern per surface form of every reference entity."""
        short = _short_model_plurals(reference)
        for entity in reference.entities:
            forms = set(entity.surface_forms())
            if entity.type.value == "CarModel":
                forms |= {f + "s" for f in forms if f[-1:].isalnum() and not f.endswith("s")}
                forms |= short.get(entity.iri, set())
            elif entity.type.value == "Manufacturer":  # "two Ferraris", "three Aston Martins"
                forms |= {
                    f + "s"
                    for f in forms
                    if (f[-1:].islower() and f.split()[-1].isalpha())
                    or (" " not in f and f.isupper() and f.isalpha())
                }
            self._types[entity.iri] = entity.type.value
            lower: list[Doc] = []
            orth: list[Doc] = []
            for form in sorted(forms):
                doc = self._make_doc(form)
                if len(form) <= 3 or form.isupper() or entity.type.value == "Team":
                    orth.append(doc)  # a team is a proper name: "Cool Racing", not "cool racing"
                else:
                    lower.append(doc)
            if lower:
                self._lower.add(entity.iri, lower)
            if orth:
                self._orth.add(entity.iri, orth)
        self._bare_classes.update(_bare_class_heads(reference))

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        strings = self._vocab.strings
        seen: set[tuple[int, int, str]] = set()
        for matcher in (self._lower, self._orth):
            for match_id, start, end in matcher(doc):
                iri = strings[match_id]
                if (start, end, iri) in seen:
                    continue
                seen.add((start, end, iri))
                spans.append(Span(doc, start, end, label=self._types[iri], kb_id=iri))
        covered = {i for s in spans for i in range(s.start, s.end)}
        for t in doc:
            bare = self._bare_classes.get(t.text)
            if bare is not None and t.i not in covered and _class_frame(doc, t.i):
                spans.append(Span(doc, t.i, t.i + 1, label=self._types[bare], kb_id=bare))
        spans.sort(key=lambda s: (s.start, s.end, s.kb_id_))
        doc.spans[REFERENCE_SPANS] = spans
        return doc


# what a class wins or holds: "the GT pole", "the Silver win"
_CLASS_NOUNS = frozenset(
    {"pole", "win", "victory", "honours", "honors", "podium", "spoils", "winners", "winner"}
)


def _bare_class_heads(reference: Reference) -> dict[str, str]:
    """Class names the reference only knows with "class" / "category" ("GT class"): the bare
    head word ("GT") -> the class IRI, where no other reference form is that word. The bare
    word is too common to match everywhere; :func:`_class_frame` says where it names the
    class."""
    taken = {f for e in reference.entities for f in e.surface_forms()}
    out: dict[str, str] = {}
    for entity in reference.entities:
        if entity.type.value != "Class":
            continue
        for form in entity.surface_forms():
            m = re.fullmatch(r"([A-Z][A-Za-z]*) (?:class|category)", form)
            if m and m.group(1) not in taken:
                out[m.group(1)] = entity.iri
    return out


def _class_frame(doc: Doc, i: int) -> bool:
    """A bare class word used as a class: a section opener "In GT, ..." or a class result
    noun after it ("the GT pole", "took GT honours"). Inside a longer name ("GT World
    Challenge", "GT Open") the word is already covered by that name."""
    prev = doc[i - 1] if i > 0 else None
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if prev is None or nxt is None:
        return False
    opens = prev.i == 0 or prev.is_sent_start or doc[prev.i - 1].is_space
    if prev.lower_ == "in" and (opens or doc[prev.i - 1].text in {".", ";"}) and nxt.text == ",":
        return True
    return nxt.lower_ in _CLASS_NOUNS and (prev.lower_ in {"the", "in"} or prev.pos_ == "VERB")


def default_pattern_files() -> list[Path]:
    """The JSONL pattern files shipped in ``extract/patterns/``."""
    root = resources.files("racegraph.extract") / "patterns"
    return sorted(Path(str(p)) for p in root.iterdir() if p.name.endswith(".jsonl"))


def read_patterns(paths: Iterable[Path]) -> list[dict[str, Any]]:
    """Read ``{"label", "id", "pattern"}`` lines (blank lines and ``//`` comments skipped)."""
    out: list[dict[str, Any]] = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("//"):
                out.append(json.loads(line))
    return out


_ANNOTATED = frozenset({"POS", "TAG", "ENT_TYPE", "LEMMA", "DEP", "MORPH", "ENT_IOB"})


class GenreRuler:
    """Token-pattern matcher for genre phrases; longest match per pattern key wins."""

    def __init__(self, nlp: Language, name: str, *, patterns: Sequence[dict[str, Any]]) -> None:
        self.name = name
        self._vocab = nlp.vocab
        self._matcher = Matcher(nlp.vocab)
        # patterns usable on untagged docs (spacy.blank): no POS / ENT_TYPE / LEMMA / DEP
        self._plain = Matcher(nlp.vocab)
        grouped: dict[str, list[list[dict[str, Any]]]] = {}
        for p in patterns:
            grouped.setdefault(f"{p['label']}|{p['id']}", []).append(p["pattern"])
        for key, pats in grouped.items():
            self._matcher.add(key, pats, greedy="LONGEST")
            plain = [pat for pat in pats if not any(_ANNOTATED & set(tok) for tok in pat)]
            if plain:
                self._plain.add(key, plain, greedy="LONGEST")

    def __call__(self, doc: Doc) -> Doc:
        strings = self._vocab.strings
        spans = []
        matcher = self._matcher if doc.has_annotation("POS") else self._plain
        for match_id, start, end in matcher(doc):
            label, rule = strings[match_id].split("|", 1)
            spans.append(Span(doc, start, end, label=label, span_id=rule))
        spans.sort(key=lambda s: (s.start, s.end, s.label_))
        doc.spans[GENRE_SPANS] = spans
        return doc


# --------------------------------------------------------------------------------------
# candidates
# --------------------------------------------------------------------------------------

# Priorities: genre phrases > reference names > rule-fixed persons > raw NER.
P_GENRE = 40
P_REFERENCE = 30
P_PERSON = 25
P_CREW = 26  # a part of a slash-separated crew beats the NER's merged span
P_NER = 10

# Genre labels whose spans swallow what is inside (nested reference names are kept apart).
_PHRASE_LABELS = frozenset(
    {
        "EVENT_ROUND",
        "EVENT_RACE",
        "EVENT_TEST",
        "EVENT_FINALE",
        "EVENT_ENTRY_LIST",
        "EVENT_NAMED",
        "EVENT_24H",
        "EVENT_PRESS",
        "EVENT_SESSION",
        "EVENT_ANAPHOR",
        "EVENT_EDITION",
        "TEAM",
        "PERSON_DESC",
        "VENUE_DESC",
        "CHAMP_ANAPHOR",
        "CLASS_PHRASE",
        "CAR",
        "RACE_NUMBER",
        "POSITION",
    }
)


def _is_name_token(token: Token) -> bool:
    return (token.is_title and token.pos_ == "PROPN" and token.is_alpha) or (
        token.pos_ == "PROPN" and "-" in token.text and token.text[:1].isupper()
    )


_RATINGS = frozenset(
    {"bronze", "silver", "gold", "platinum", "bronzes", "silvers", "golds", "platinums"}
)


def _person_span(doc: Doc, start: int, end: int, blocked: set[int]) -> tuple[int, int] | None:
    """Trim a PERSON span to its proper-noun core and extend it over adjacent name tokens."""
    while (
        start < end
        and (
            doc[start].pos_ not in {"PROPN"}
            or doc[start].lower_ in _RATINGS  # "the Indonesian Bronze Rizal Hartono"
            or doc[start].text in QUOTES
            or not doc[start].is_title
            or not doc[start].text[:1].isalpha()  # the "'S" of "TOM'S"
        )
    ):
        start += 1
    while end > start and (doc[end - 1].text in POSSESSIVE or doc[end - 1].is_punct):
        end -= 1
    # "Era Motorsport's Ryan Dalziel" is one PERSON to the NER: the person follows the possessor
    inner = [i for i in range(start + 1, end) if doc[i].text in POSSESSIVE]
    if inner:
        start = inner[-1] + 1
    if start >= end:
        return None
    while start > 0 and start - 1 not in blocked and _is_name_token(doc[start - 1]):
        if doc[start - 1].is_sent_start and doc[start - 1].pos_ != "PROPN":
            break
        if doc[start - 1].lower_ in _RATINGS:
            break  # "the German Silvers Tim Wendling and ..."
        start -= 1
    if (  # "Jae-won Seo": the NER found only the surname
        start >= 3
        and not blocked & {start - 1, start - 2, start - 3}
        and _name_hyphen(doc, start - 2)
        and doc[start - 1].is_lower
        and _is_name_token(doc[start - 3])
    ):
        start -= 3
    while end < len(doc) and end not in blocked:
        if _is_name_token(doc[end]) or _particle_before_name(doc, end):
            end += 1
        else:
            break
    if end - start > 1 and _gerund_opener(doc, start):
        start += 1
    if end - start > 2 and doc[start].lower_ in WEEKDAYS:
        start += 1  # "on Sunday Omar Haddad and Jens Vik won": the day is no first name
    return start, end


def _gerund_opener(doc: Doc, i: int) -> bool:
    """ "Leaving Wright was the hardest decision": a capitalised -ing word that opens a
    sentence or a quote is a verb, not a given name (the NER tags it a PERSON)."""
    t = doc[i]
    opens = t.is_sent_start or (i > 0 and doc[i - 1].text in QUOTES)
    return opens and t.lower_.endswith("ing") and t.text not in given_names()


def _particle_before_name(doc: Doc, i: int) -> bool:
    """A lower-case surname particle ("van", "der", "de") followed by more of the name."""
    j = i
    while j < len(doc) and doc[j].lower_ in NAME_PARTICLES and doc[j].is_lower:
        j += 1
    return j > i and j < len(doc) and _is_name_token(doc[j])


def _name_run_end(doc: Doc, i: int, blocked: set[int]) -> int:
    """End of a run of 2-5 title-case name tokens (particles allowed inside) starting at
    ``i``, or ``i`` when there is none."""
    j = i
    while j < len(doc) and j not in blocked and j - i < 5:
        t = doc[j]
        if (
            (t.is_title and t.is_alpha and t.pos_ in {"PROPN", "NOUN", "ADJ"})
            or (j > i and (_particle_before_name(doc, j) or _name_hyphen(doc, j)))
            or (j > i + 1 and _name_hyphen(doc, j - 1))  # "won" of "Jae-won Seo"
        ):
            j += 1
        else:
            break
    if j - i < 2 or doc[j - 1].text in TEAM_SUFFIXES:
        return i
    return j


def _name_hyphen(doc: Doc, j: int) -> bool:
    """The hyphen inside a double first name or surname ("Pieter-Jan Claes", "Jae-won
    Seo")."""
    t = doc[j]
    return (
        t.text == "-"
        and not t.whitespace_
        and not doc[j - 1].whitespace_
        and j + 1 < len(doc)
        and (
            doc[j + 1].is_title
            or (doc[j + 1].is_lower and doc[j + 1].is_alpha and len(doc[j + 1]) <= 4)
        )
    )


def _person_apposition(doc: Doc, end: int, demonyms: Set[int] = frozenset()) -> bool:
    """ "X, the former Formula One driver", "X, the 19-year-old Swede": an apposition headed
    by a person noun, a demonym noun after an age, or an age alone."""
    if end + 1 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ not in {"the", "a"}:
        return False
    aged = False
    for t in doc[end + 2 : end + 8]:
        if t.text == "-" and not t.whitespace_ and not doc[t.i - 1].whitespace_:
            continue  # "19-year-old"
        if t.is_punct:
            return aged
        if t.lower_ in PERSON_NOUNS:
            return True
        if aged and t.i in demonyms and (t.i + 1 == len(doc) or doc[t.i + 1].is_punct):
            return True  # the demonym is the head noun ("the 19-year-old Swede,")
        if t.lower_ == "old" and doc[t.i - 2 : t.i].text.lower() in {"year-", "years-"}:
            aged = True
    return aged


def _cued_person_runs(doc: Doc, refs: Sequence[Span], blocked: set[int]) -> list[Candidate]:
    """Name runs the NER missed or called an organisation, with a person cue:
    "the American Elliott Skeer" (demonym before), "Rik Breukers from the Netherlands"
    (origin after), "SRO boss Stephane Ratel" (role noun before)."""
    countries = [s for s in refs if s.label_ == "Country"]
    country_ends = {s.end for s in countries}
    country_starts = {s.start for s in countries}
    car_ends = {s.end for s in refs if s.label_ == "CarModel"}
    out: list[Candidate] = []
    crew_end = -1
    i = 0
    while i < len(doc):
        if doc[i].lower_ in _RATINGS and i in country_ends:
            country_ends.add(i + 1)  # "the German Silvers Tim Wendling": the rating is no name
            i += 1
            continue
        end = max(_name_run_end(doc, i, blocked), _given_name_end(doc, i, blocked))
        if end == i and not _role_apposition(doc, i, blocked):
            i += 1
            continue
        rule = None
        if end > i and (
            _car_of(doc, i, car_ends)
            or (i >= 1 and i - 1 == crew_end and doc[i - 1].lower_ in {"and", ","})
        ):
            rule = "car-of-crew"
            crew_end = end
        elif i in country_ends:
            rule = "demonym-name"
        elif i > 0 and doc[i - 1].lower_ in ROLE_NOUNS:
            rule = "role-name"
        elif (
            end < len(doc)
            and doc[end].lower_ == "from"
            and (
                end + 1 in country_starts
                or (end + 2 in country_starts and doc[end + 1].lower_ == "the")
            )
        ):
            rule = "name-from-country"
        elif _person_apposition(doc, end, country_starts):
            rule = "name-apposition"
        elif end > i and _country_code_after(doc, end):
            rule = "name-country-code"
        elif end == i and _role_apposition(doc, i, blocked):
            rule = "surname-role-apposition"
            end = i + 1
        elif _given_name_run(doc, i, end):
            rule = "given-name"
        if rule is not None:
            out.append(Candidate(i, end, "PERSON", rule, priority=P_PERSON))
        i = end
    return out


@functools.cache
def given_names() -> frozenset[str]:
    """The given-name list shipped in ``extract/patterns/given_names.txt`` (generated from
    Faker's person providers by ``tools/generate_given_names.py``)."""
    path = resources.files("racegraph.extract") / "patterns" / "given_names.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def _given_name_end(doc: Doc, i: int, blocked: set[int]) -> int:
    """End of a known given name and the one or two title-case words after it, whatever
    their tags ("Anders Fjeldsted" with the surname tagged a verb), or ``i``."""
    if i in blocked or doc[i].text not in given_names():
        return i
    j, words = i + 1, 1
    while j < len(doc) and j not in blocked and words < 3:
        t = doc[j]
        if _name_hyphen(doc, j) or _particle_before_name(doc, j):
            j += 1
        elif t.is_title and t.is_alpha and not t.is_sent_start:
            j += 1
            words += 1
            if doc[j - 2].text == "-":
                words -= 1
        else:
            break
    if words < 2 or (j < len(doc) and doc[j].text in TEAM_SUFFIXES):
        return i  # "Paul Miller Racing" is a team named for a person
    return j


def _given_name_run(doc: Doc, start: int, end: int) -> bool:
    """ "Wiktor Zając", "Paul-Henri Castel": a run of two or three name words that opens
    with a known given name and holds no word of a place or an organisation is a person,
    whatever the NER made of it (it misses or mislabels many non-English names)."""
    if end - start < 2 or doc[start].text not in given_names():
        return False
    if start > 0 and doc[start - 1].lower_ in {"the", "a", "an"}:
        return False  # "the Dane Kjærgaard": a descriptor, not a given name
    if re.search(re.escape(doc[start:end].text) + _TEAM_SUFFIX_AFTER, doc.text):
        return False  # "Paul Miller BMW" after "Paul Miller Racing": the team's short name
    words = [t for t in doc[start:end] if t.text != "-" and not t.is_lower]
    joined = sum(1 for t in doc[start:end] if t.text == "-")
    if not 2 <= len(words) - joined <= 3:
        return False
    return not any(t.text in _PLACE_ORG_WORDS for t in words)


def _numbered_entrants(doc: Doc, refs: Sequence[Span]) -> list[Candidate]:
    """ "#88 JLOC Lamborghini Huracan GT3", "#1 ABT Audi R8", "#28 Jota entry": the name
    between a race number and the car (a maker or car model) or "entry"/"car" is the
    entrant team (one to three capitalised words, or a lower-case word before a team
    suffix: "muta Racing")."""
    car_starts = {s.start for s in refs if s.label_ in {"Manufacturer", "CarModel"}}
    other = {
        i
        for s in refs
        if s.label_ not in {"Manufacturer", "CarModel"}
        for i in range(s.start, s.end)
    }
    out: list[Candidate] = []
    for t in doc[:-2]:
        if t.text != "#" or not doc[t.i + 1].is_digit:
            continue
        start = t.i + 2
        end = start
        while end < len(doc) and end - start < 4 and end not in car_starts:
            if doc[end].lower_ in {"entry", "car"} or _model_code(doc[end]):
                break
            end += 1
        if end == start or end - start > 3 or end >= len(doc):
            continue
        if not (end in car_starts or doc[end].lower_ in {"entry", "car"} or _model_code(doc[end])):
            continue
        words = doc[start:end]
        if any(i in other for i in range(start, end)) or any(not w.is_alpha for w in words):
            continue
        if all(w.text[:1].isupper() for w in words) or (
            len(words) == 2 and words[-1].text in TEAM_SUFFIXES
        ):
            out.append(Candidate(start, end, "TEAM", "number-entrant", priority=P_GENRE))
    return out


# words that take a number without being a team name ("Round 3", "Turn 1")
_NUMBERED_NOUNS = frozenset(
    {
        "round",
        "race",
        "turn",
        "lap",
        "car",
        "group",
        "class",
        "stage",
        "part",
        "formula",
        "section",
        "gate",
        "pit",
        "heat",
        "day",
        "week",
        "season",
        "chapter",
        "level",
        "category",
        "top",
        "the",
        "a",
        "in",
        "at",
        "on",
        "of",
        "for",
        "and",
        "with",
        "by",
    }
)
_TEAM_VERBS = frozenset(
    {
        "have",
        "field",
        "enter",
        "run",
        "return",
        "sign",
        "name",
        "confirm",
        "announce",
        "be",
        "will",
        "add",
        "complete",
        "bring",
        "switch",
        "expand",
        "retain",
        "keep",
        "unveil",
    }
)


def _name_number_teams(doc: Doc, refs: Sequence[Span]) -> list[Candidate]:
    """ "Garage 59 has signed ...", "Garage 59 fields two McLarens", "Garage 59's McLaren":
    a capitalised word and a one-to-three digit number (not a race number, not inside a
    reference name) acting as the subject of an entrant verb or as a possessor is a team."""
    ref_tokens = {i for s in refs for i in range(s.start, s.end)}
    out: list[Candidate] = []
    for t in doc[1:-1]:
        word = doc[t.i - 1]
        if not (t.is_digit and len(t.text) <= 3) or t.i in ref_tokens or word.i in ref_tokens:
            continue
        if not (word.is_title and word.is_alpha) or word.lower_ in _NUMBERED_NOUNS:
            continue
        if word.i > 0 and doc[word.i - 1].text == "#":
            continue
        start = word.i  # "Racing Spirit 7": up to two more capitalised words before
        while (
            start > 0
            and word.i - start < 2
            and doc[start - 1].is_title
            and doc[start - 1].is_alpha
            and doc[start - 1].lower_ not in _NUMBERED_NOUNS
            and start - 1 not in ref_tokens
        ):
            start -= 1
        nxt = doc[t.i + 1]
        if nxt.text in POSSESSIVE or (nxt.lemma_ in _TEAM_VERBS and nxt.pos_ in {"VERB", "AUX"}):
            out.append(Candidate(start, t.i + 1, "TEAM", "name-number", priority=P_GENRE))
    return out


def _model_code(token: Token) -> bool:
    """ "GR86", "R8", "M4": letters with digits (not a plain number)."""
    text = token.text
    return token.is_alpha is False and text.isalnum() and not text.isdigit() and text[0].isupper()


def _car_of(doc: Doc, i: int, car_ends: set[int]) -> bool:
    """ "the #100 Honda Civic Type R-GT of Naoki Yamamoto": a name run after "of" that
    follows a car (a car model, or a model word with a digit a few words before)."""
    if i < 2 or doc[i - 1].lower_ != "of":
        return False
    if any(e in car_ends for e in range(i - 3, i)):
        return True
    for t in reversed(doc[max(0, i - 9) : i - 1]):
        if t.is_punct and t.text not in {"-", ".", "#"}:
            return False
        if t.pos_ == "VERB":
            return False
        if any(ch.isdigit() for ch in t.text) and (
            not t.like_num or (t.i > 0 and doc[t.i - 1].text == "#")
        ):
            return True
    return False


def _country_code_after(doc: Doc, end: int) -> bool:
    """ "Jan de Wit (NED)": a sporting nationality code in brackets after a name."""
    if end + 2 >= len(doc) or doc[end].text != "(" or doc[end + 2].text != ")":
        return False
    code = doc[end + 1].text
    return len(code) == 3 and code.isalpha() and code.isupper()


def _role_apposition(doc: Doc, i: int, blocked: set[int]) -> bool:
    """ "Marchand, the team's chief engineer, said": a lone capitalised name the NER missed,
    in apposition to a role noun (a person; organisations are not "the chief engineer")."""
    t = doc[i]
    if i in blocked or not (t.is_title and t.is_alpha and t.pos_ == "PROPN"):
        return False
    if t.ent_type_ not in {"", "ORG"} or (i + 1 < len(doc) and doc[i + 1].ent_iob_ == "I"):
        return False
    if i + 2 >= len(doc) or doc[i + 1].text != "," or doc[i + 2].lower_ not in {"the", "a"}:
        return False
    for tok in doc[i + 3 : i + 9]:
        if tok.is_punct and tok.text not in {"'s", "’s"}:
            return False
        if tok.lower_ in ROLE_NOUNS or tok.lower_ == "engineer":
            return True
    return False


def _quoted(doc: Doc, start: int, end: int) -> bool:
    return (
        start > 0 and end < len(doc) and doc[start - 1].text in QUOTES and (doc[end].text in QUOTES)
    )


def extract_mentions(doc: Doc, reference: Reference) -> list[Candidate]:
    """All candidates of a processed doc: top-level non-overlapping ones plus nested
    reference names inside genre phrases (``nested=True``), sorted by offset."""
    raw: list[Candidate] = []
    genre = list(doc.spans[GENRE_SPANS]) if GENRE_SPANS in doc.spans else []
    refs = list(doc.spans[REFERENCE_SPANS]) if REFERENCE_SPANS in doc.spans else []
    for span in genre:
        if span.label_ == "EVENT_NAMED" and _inside_longer_reference(span, refs):
            continue  # "European Le Mans" of "European Le Mans Series" is not a race name
        if span.label_ == "PERSON_DESC" and _ends_inside_reference(span, refs):
            continue  # "the British" of "the British GT Championship" is no person
        raw.append(Candidate(span.start, span.end, span.label_, span.id_, priority=P_GENRE))
    ref_tokens: set[int] = set()
    given_names = _demonym_given_names(doc, refs, reference)
    for span in refs:
        if not _plausible_reference(span) or (span.start, span.end) in given_names:
            continue
        if span.label_ == "Team":  # linked as a team, keyed by the reference
            if _inside_longer_reference(span, [r for r in refs if r.label_ == "CarModel"]):
                continue  # "Duqueine" of "the DKR Engineering Duqueine D09" is the maker
            raw.append(
                Candidate(span.start, span.end, "TEAM", "team-reference", span.kb_id_, P_GENRE)
            )
            ref_tokens.update(range(span.start, span.end))
            continue
        end = span.end
        if span.label_ == "CarModel":
            end = _model_suffix_end(doc, span.end)
        elif span.label_ == "Championship":
            end = _region_suffix_end(doc, span.end)
        raw.append(
            Candidate(span.start, end, "REF", "reference-name", span.kb_id_, priority=P_REFERENCE)
        )
        ref_tokens.update(range(span.start, end))
    raw.extend(_series_names(doc, refs))
    raw.extend(_car_candidates(doc, refs))
    raw.extend(_model_plural_candidates(doc, refs, reference))
    raw.extend(_bare_class_names(doc, refs, reference))
    raw.extend(_numbered_entrants(doc, refs))
    raw.extend(_name_number_teams(doc, refs))
    crews = _slash_crew_candidates(doc, refs) + _listed_crew_candidates(doc, refs)
    if crews:
        crew_tokens = {i for c in crews for i in range(c.start, c.end)}
        raw = [
            c
            for c in raw
            if not (
                c.label == "REF"
                and _ref_label(refs, c) == "Country"
                and crew_tokens.issuperset(range(c.start, c.end))
            )
        ]
        raw.extend(crews)
    raw.extend(_person_candidates(doc, ref_tokens))
    genre_tokens = {i for s in genre if s.label_ in _PHRASE_LABELS for i in range(s.start, s.end)}
    raw.extend(_cued_person_runs(doc, refs, ref_tokens | genre_tokens))
    for ent in doc.ents:
        if ent.label_ in NER_LABELS and ent.label_ != "PERSON":
            raw.append(Candidate(ent.start, ent.end, ent.label_, "ner", priority=P_NER))
    chosen = _select(raw)
    # nested reference names inside genre phrases (demonyms inside team names, championships
    # inside event phrases, ...)
    top = [c for c in chosen if c.label in _PHRASE_LABELS]
    nested: list[Candidate] = []
    for c in top:
        if c.label in {"RACE_NUMBER", "POSITION"}:
            continue
        inner = [
            r
            for r in raw
            if r.label in {"REF", "NORP", "SERIES"}
            and not (c.label == "TEAM" and r.rule == "series-name")  # "Team Handwork Challenge"
            and c.start <= r.start
            and r.end <= c.end
            and r != c
        ]
        for r in _select(inner):
            nested.append(
                Candidate(r.start, r.end, r.label, r.rule, r.iri, r.priority, nested=True)
            )
    out = chosen + nested
    out.sort(key=lambda c: (c.start, -c.end, c.nested, c.label))
    return out


def _ref_label(refs: Sequence[Span], c: Candidate) -> str:
    for r in refs:
        if (r.start, r.end, r.kb_id_) == (c.start, c.end, c.iri):
            return str(r.label_)
    return ""


def _crew_word(token: Token) -> bool:
    return token.is_alpha and token.is_title and token.pos_ in {"PROPN", "NOUN", "ADJ"}


def _crew_segment_start(doc: Doc, end: int) -> int:
    """Start of the name written right before token ``end`` (a slash), or ``end``."""
    i = end
    while i > 0 and end - i < 4:
        t = doc[i - 1]
        if _crew_word(t) or (t.lower_ in NAME_PARTICLES and t.is_lower and i < end):
            i -= 1
        else:
            break
    while i < end and doc[i].is_lower:  # never open on a particle
        i += 1
    return i


def _crew_segment_end(doc: Doc, start: int) -> int:
    j = start
    while j < len(doc) and j - start < 4:
        if _crew_word(doc[j]) or (j > start and _particle_before_name(doc, j)):
            j += 1
        else:
            break
    return j


def _slash_crew_candidates(doc: Doc, refs: Sequence[Span]) -> list[Candidate]:
    """Slash-separated crews ("Laurin Heinrich/Klaus Bachler", "Nasr/Cameron/Campbell",
    "Maro Engel / Luca Stolz"): every part is a person (a part holding a reference name
    other than a demonym, or ending on a team word, disqualifies the crew)."""
    blocked = {i for r in refs if r.label_ != "Country" for i in range(r.start, r.end)}
    out: list[Candidate] = []
    i = 0
    while i < len(doc):
        if doc[i].text != "/" or i == 0:
            i += 1
            continue
        parts = [(_crew_segment_start(doc, i), i)]
        j = i
        while j < len(doc) and doc[j].text == "/":
            end = _crew_segment_end(doc, j + 1)
            parts.append((j + 1, end))
            j = end
        ok = all(
            e > s
            and not blocked & set(range(s, e))
            and doc[e - 1].text not in TEAM_SUFFIXES
            and not (e - s == 1 and doc[s].is_sent_start and doc[s].pos_ != "PROPN")
            for s, e in parts
        )
        if ok:
            out.extend(Candidate(s, e, "PERSON", "slash-crew", priority=P_CREW) for s, e in parts)
        i = max(j, i + 1)
    return out


def _listed_crew_candidates(doc: Doc, refs: Sequence[Span]) -> list[Candidate]:
    """A list of three or more names at least two of which the NER calls persons ("Proton
    Competition's Giorgio Roda, Mathias Beche and Bent Viscaal", "with Russell Ward, Philip
    Ellis, Indy Dontje and Daniel Morad"): every name of it is a person, also one whose first
    word is a place's nickname ("Indy"). A name a reference entry covers whole keeps it."""
    out: list[Candidate] = []
    i = 0
    while i < len(doc):
        if i > 0 and _is_name_token(doc[i - 1]):
            i += 1
            continue
        items: list[tuple[int, int]] = []
        j = i
        while True:
            e = _name_run_end(doc, j, set())
            if e == j or e - j > 4:
                break
            items.append((j, e))
            sep = [t.lower_ for t in doc[e : e + 2]]
            if sep[:1] != [","] and sep[:1] != ["and"]:
                break
            j = e + 2 if sep == [",", "and"] else e + 1
            if "and" in sep[: j - e]:  # the last name of the list
                last = _name_run_end(doc, j, set())
                if last > j and last - j <= 4:
                    items.append((j, last))
                break
        persons = [(s, e) for s, e in items if all(t.ent_type_ == "PERSON" for t in doc[s:e])]
        if len(items) >= 3 and len(persons) >= 2:
            for s, e in items:
                s = _after_demonym(doc, s, e, refs)
                whole = any(r.start <= s and e <= r.end for r in refs)
                part = any(r.start < e and s < r.end for r in refs)
                if ((s, e) not in persons or part) and not whole:
                    rank = P_REFERENCE + 1 if part else P_CREW  # "Indy" of "Indy Dontje"
                    out.append(Candidate(s, e, "PERSON", "listed-person", priority=rank))
        i = max(i + 1, items[-1][1] if items else i + 1)
    return out


def _after_demonym(doc: Doc, s: int, e: int, refs: Sequence[Span]) -> int:
    """Where the name starts in a listed "American Gary Holt": after a country word that
    opens a full name (given name and surname)."""
    for r in refs:
        if r.label_ == "Country" and r.start == s and _full_name_follows(doc, r.end) and e > r.end:
            return r.end
    return s


def _inside_longer_reference(span: Span, refs: Sequence[Span]) -> bool:
    """A genre phrase that a longer reference name covers and extends past."""
    return any(
        r.start <= span.start
        and span.end <= r.end
        and (r.end - r.start) > (span.end - span.start)
        and _plausible_reference(r)
        for r in refs
    )


def _ends_inside_reference(span: Span, refs: Sequence[Span]) -> bool:
    """A genre phrase whose last word opens a longer reference name."""
    return any(span.start < r.start < span.end < r.end and r.label_ == "Championship" for r in refs)


def _demonym_given_names(
    doc: Doc, refs: Sequence[Span], reference: Reference
) -> set[tuple[int, int]]:
    """Country matches that are a given name: a one-token noun demonym ("Dane Cameron", not
    "the Italian Rossi") or a country name ("Jordan Taylor") opening a person the NER found,
    followed by a capitalised surname (one name word: "Briton Harvey Cole" is a Briton),
    with no determiner before."""
    starts = {e.start for e in doc.ents if e.label_ == "PERSON" and len(e) >= 2}
    out: set[tuple[int, int]] = set()
    for span in refs:
        if span.label_ != "Country" or len(span) != 1:
            continue
        entity = reference.by_iri(span.kb_id_)
        demonym = entity is not None and span.text in entity.demonyms
        if (
            span.start in starts
            and (not demonym or not span.text.lower().endswith(_ADJ_DEMONYM_ENDINGS))
            and span.end < len(doc)
            and _is_name_token(doc[span.end])
            and not (demonym and _full_name_follows(doc, span.end))
            and (span.start == 0 or doc[span.start - 1].pos_ not in {"DET", "ADJ"})
        ):
            out.add((span.start, span.end))
    return out


def _full_name_follows(doc: Doc, i: int) -> bool:
    """A given name and a surname start at ``i`` ("Briton Harvey Cole"): the demonym before
    them describes the person instead of being the given name."""
    return i + 1 < len(doc) and _is_name_token(doc[i]) and _is_name_token(doc[i + 1])


def _plausible_reference(span: Span) -> bool:
    """Reject lower-case matches of capitalised names ("ford" the river crossing) except FIA
    driver categories, which are written in lower case."""
    text = span.text
    if span.label_ == "FIACategory":
        return True
    if span.label_ == "CarModel" and any(ch.isdigit() for ch in text):
        return True  # "two 963s": a model number is no lower-case word
    return not text.islower()


def _car_candidates(doc: Doc, refs: Sequence[Span]) -> list[Candidate]:
    """Car models the reference lacks: "<Manufacturer> <model with a digit>" and
    "<class> <Manufacturer>" ("LMP2 Oreca")."""
    out: list[Candidate] = []
    cars = {(s.start, s.end) for s in refs if s.label_ == "CarModel"}
    makers = {s.start for s in refs if s.label_ == "Manufacturer"}
    covered = {i for s in refs if s.label_ == "CarModel" for i in range(s.start, s.end)}
    for span in refs:
        if span.label_ == "Manufacturer":
            end = span.end
            while end < len(doc) and end - span.end < 3 and _model_token(doc[end]):
                end += 1
            if end == span.end:
                end = _named_model_end(doc, span.end, makers)
            if end > span.end:
                end = _model_suffix_end(doc, end)
            if end > span.end and not any(i in covered for i in range(span.start, end)):
                out.append(
                    Candidate(span.start, end, "CAR", "manufacturer-model", span.kb_id_, P_GENRE)
                )
        if span.label_ == "Class" and span.end < len(doc) and _names_car_kind(span):
            for other in refs:
                if (
                    other.start == span.end
                    and other.label_ == "Manufacturer"
                    and (span.start, other.end) not in cars
                    and not _model_follows(doc, other.end, refs, makers)
                ):
                    out.append(
                        Candidate(
                            span.start,
                            other.end,
                            "CAR",
                            "class-manufacturer",
                            other.kb_id_,
                            P_GENRE,
                        )
                    )
    return out


def _names_car_kind(span: Span) -> bool:
    """A class that names a kind of car ("LMP2", "GT3"), not a driver rating ("Pro-Am",
    "Silver Cup"): "the LMP2 Oreca" is a car model, "the Pro-Am McLaren" a car of the class."""
    return any(ch.isdigit() for ch in span.text)


def _model_follows(doc: Doc, end: int, refs: Sequence[Span], makers: set[int]) -> bool:
    """Does a model name follow the maker ("LMP2 Oreca 07", "GT3 Porsche 911 GT3 R")? Then
    the class only qualifies that car."""
    if end >= len(doc):
        return False
    if any(s.start == end and s.label_ == "CarModel" for s in refs):
        return True
    return _model_token(doc[end]) or _named_model_end(doc, end, makers) > end


def _model_plural_candidates(
    doc: Doc, refs: Sequence[Span], reference: Reference
) -> list[Candidate]:
    """ "two Huracans", "the M4s": a plural model word of one make, where no reference model
    is named (a car of the make, whichever of its models)."""
    plurals = _model_head_plurals(reference)
    covered = {i for s in refs for i in range(s.start, s.end)}
    return [
        Candidate(t.i, t.i + 1, "CAR", "model-plural", plurals[t.text], P_GENRE)
        for t in doc
        if t.text in plurals and t.i not in covered
    ]


_BARE_CLASS_WON = frozenset({"won", "wins", "win", "winning", "took", "takes", "led", "leads"})
_BARE_CLASS_AFTER = frozenset(
    {"title", "class", "category", "standings", "field", "crew", "crews", "win", "victory"}
    | {"honours", "podium", "winner", "winners", "entries", "points", "champions", "leaders"}
    | {".", ",", ";", ":", ")"}
)
# a class word written alone -> the reference name that finds its class
_BARE_CLASS_WORDS = {"GT": "GT class", "Pro": "Pro class"}


def _bare_class_names(doc: Doc, refs: Sequence[Span], reference: Reference) -> list[Candidate]:
    """ "GT" alone as the class of the Asian Le Mans Series ("the #58 McLaren won GT", "14 in GT",
    "every LMP2 and GT crew") and "Pro" alone as the SRO cup ("17 in Pro", "Pro, Gold and
    Silver", a heading "Pro: the title to lose"): next to another class, in a class's slot or
    heading a paragraph, never "GT racing" or "GT cars"."""
    iris = {
        word: found[0].iri
        for word, name in _BARE_CLASS_WORDS.items()
        if (found := [e for e in reference.lookup(name) if e.type is EntityType.CLASS])
    }
    classes = {i for s in refs if s.label_ == "Class" for i in (s.start, s.end - 1)}
    out: list[Candidate] = []
    for t in doc:
        if t.text not in iris or any(s.start <= t.i < s.end for s in refs):
            continue
        prev = doc[t.i - 1] if t.i > 0 else None
        nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
        after = nxt is None or nxt.lower_ in _BARE_CLASS_AFTER
        coordinated = (
            prev is not None and prev.lower_ in {"and", "or", ","} and t.i - 2 in classes
        ) or (nxt is not None and nxt.lower_ in {"and", "or", ","} and t.i + 2 in classes)
        won = (  # "Garage 59 won GT with the #58": a win of the class
            prev is not None
            and prev.lower_ in _BARE_CLASS_WON
            and (nxt is None or nxt.pos_ not in {"NOUN", "PROPN", "NUM"})
        )
        heading = t.is_sent_start and nxt is not None and nxt.text == ":"
        slot = after and prev is not None and prev.lower_ in {"in", "the", "all", "were"}
        if coordinated or won or heading or slot:
            out.append(Candidate(t.i, t.i + 1, "REF", "bare-class", iris[t.text], P_REFERENCE))
    return out


def _named_model_end(doc: Doc, start: int, makers: set[int]) -> int:
    """ "Honda Civic Type R-GT", "Toyota GR Supra GT500", "Nissan Z NISMO GT500": model words
    after a maker that end on a model code (a word with a digit, or "-GT"); ``start`` if
    none. A maker's sub-brand in capitals inside the model ("Z NISMO") is part of it; any
    other maker's name starts another car ("Corvette Racing Chevrolet Corvette C8.R")."""
    end = start
    j = start
    while j < len(doc) and j - start < 6:
        t = doc[j]
        joined = t.text == "-" and j > start and not doc[j - 1].whitespace_ and not t.whitespace_
        if not (joined or (t.is_alpha and t.text[:1].isupper()) or _model_token(t)):
            break
        if j in makers and (j == start or not t.is_upper):
            break  # "NISMO Nissan Z GT500": the car is the second maker's
        code = any(ch.isdigit() for ch in t.text) and not t.like_num
        if code or (t.is_upper and t.is_alpha and j > start and doc[j - 1].text == "-"):
            end = j + 1
        j += 1
    return end


_ROLE_WORDS = frozenset(
    {"boss", "principal", "director", "manager", "chief", "ceo", "founder", "owner", "president"}
)
_SPEECH_WORDS = frozenset({"said", "says", "told", "added", "explained", "admitted", "insisted"})
_RUNS_WORDS = frozenset({"runs", "owns", "heads", "leads", "founded", "manages"})


def _named_like_a_make(doc: Doc, start: int, end: int, blocked: set[int]) -> bool:
    """A person whose surname is a make or a team ("AF Corse boss Amato Ferrari said"): a
    person span that starts with a free name word and ends in a reference name, named in a
    role ("boss X", "X, who runs Y") or as a speaker."""
    if start in blocked or not any(i in blocked for i in range(start + 1, end)):
        return False
    if end < len(doc) and (_model_token(doc[end]) or doc[end].text in POSSESSIVE):
        return False
    before = {t.lower_ for t in doc[max(0, start - 3) : start]}
    after = [t.lower_ for t in doc[end : end + 4]]
    if after[:2] == [",", "who"] and after[2:3] and after[2] in _RUNS_WORDS:
        return True  # "Amato Ferrari, who runs AF Corse"
    return bool((before | set(after)) & (_ROLE_WORDS | _SPEECH_WORDS))


_MODEL_SUFFIXES = frozenset({"evo", "evo2", "evo22", "ii", "iii", "evo.2", "hybrid", "lmgt3"})


def _model_suffix_end(doc: Doc, end: int) -> int:
    """The end of a car model named with its evolution or version ("Honda NSX GT3 Evo",
    "Huracan GT3 Evo II", "Toyota TR010 Hybrid", "Porsche 911 GT3 R LMGT3"): the reference
    lists the base model, and a bare "Evo" or "Hybrid" left over would read as a name."""
    stop = min(len(doc), end + 2)
    while end < stop and doc[end].lower_ in _MODEL_SUFFIXES and doc[end - 1].whitespace_:
        end += 1
        if doc[end - 1].lower_ == "evo" and end < len(doc) and doc[end].text == "2":
            end += 1
    return end


_REGIONS = frozenset(
    {
        "europe",
        "asia",
        "america",
        "americas",
        "benelux",
        "iberia",
        "italia",
        "scandinavia",
        "australia",
        "japan",
        "china",
        "korea",
        "oceania",
        "africa",
        "lights",
    }
)
_REGION_LEADS = frozenset({"north", "south", "middle", "latin"})


def _region_suffix_end(doc: Doc, end: int) -> int:
    """The end of a known championship named with its region ("Ferrari Challenge Europe",
    "Lamborghini Super Trofeo Asia", "Super Formula Lights"): a series of its own that the
    reference lists only as the family."""
    i = end
    if i < len(doc) and doc[i].lower_ in _REGION_LEADS and doc[i].is_title:
        i += 1
    if i < len(doc) and doc[i].lower_ in _REGIONS and doc[i].is_title and doc[i - 1].whitespace_:
        return i + 1
    return end


_SERIES_HEADS = frozenset({"championship", "series", "cup", "trophy", "trofeo", "challenge"})
_SERIES_NOT_FIRST = frozenset(
    {
        "drivers",
        "teams",
        "team",
        "manufacturers",
        "constructors",
        "pro",
        "am",
        "silver",
        "gold",
        "bronze",
        "platinum",
        "iron",
        "endurance",
        "sprint",
        "rookie",
        "junior",
        "overall",
        "class",
        "title",
        "world",
        "nations",
    }
)
_SERIES_INSIDE_OK = frozenset({"Manufacturer", "Country"})


def _series_word(token: Token) -> bool:
    text = token.text
    if (
        token.pos_ in {"DET", "ADP", "CCONJ", "SCONJ", "PRON"}  # "In Cup 2, ...": no name
        or not text[:1].isalnum()
        or text.lower() in _SERIES_HEADS
    ):
        return False
    return (
        token.is_title
        or (text[:1].isupper() and any(ch.isdigit() for ch in text))
        or (text.isupper() and len(text) > 1)
    )


def _series_names(doc: Doc, refs: Sequence[Span]) -> list[Candidate]:
    """Championships the reference does not list, by the shape of their names: proper words
    ending in Championship, Series, Cup, Trophy or Challenge, and maybe a region ("Porsche
    Carrera Cup Benelux"). Class names ("Silver Cup"), title
    tables ("Drivers' Championship") and names the reference lists are left alone."""
    out: list[Candidate] = []
    for head in doc:
        if head.lower_ not in _SERIES_HEADS or not head.is_title:
            continue
        start = head.i
        while start > 0 and _series_word(doc[start - 1]) and head.i - start < 5:
            start -= 1
        while start < head.i and doc[start].lower_ in _SERIES_NOT_FIRST:
            start += 1
        if start == head.i:
            continue
        end = _region_suffix_end(doc, head.i + 1)
        if any(r.start < end and start < r.end and r.label_ not in _SERIES_INSIDE_OK for r in refs):
            continue
        out.append(Candidate(start, end, "SERIES", "series-name", priority=P_REFERENCE))
    return out


def _model_token(token: Token) -> bool:
    """ "Z4", "GT3", "296", "911" and, after such a token, short capitals ("R", "RSR", "EVO")."""
    text = token.text.rstrip(".")
    if not text[:1].isalnum():
        return False
    if any(ch.isdigit() for ch in text):
        if text.isdigit():
            return len(text) == 3  # "911", "296"; not "2" or a year
        return not text.lower().endswith(("st", "nd", "rd", "th"))
    return text.isupper() and 1 <= len(text) <= 4 and token.i > 0 and _model_token_prev(token)


def _model_token_prev(token: Token) -> bool:
    prev = token.doc[token.i - 1]
    return any(ch.isdigit() for ch in prev.text)


_SESSION_WORDS = frozenset(
    {"qualifying", "hyperpole", "superpole", "practice", "shootout", "warm-up", "pole"}
)


# words a report opens a sentence with before a comma ("Outright, X won")
_SENTENCE_ADVERBS = frozenset(
    {
        "outright",
        "overall",
        "elsewhere",
        "meanwhile",
        "behind",
        "ahead",
        "ultimately",
        "instead",
        "afterwards",
        "later",
        "earlier",
        "finally",
        "eventually",
        "initially",
        "otherwise",
    }
)


def sentence_adverb(doc: Doc, start: int, end: int) -> bool:
    """ "Outright, X won": one word opening its sentence, set off by a comma and parsed as
    (or known as) an adverb, is no name even when the NER tags it as one."""
    return (
        end == start + 1
        and doc[start].is_sent_start is True
        and (doc[start].dep_ == "advmod" or doc[start].lower_ in _SENTENCE_ADVERBS)
        and end < len(doc)
        and doc[end].text == ","
    )


def _person_candidates(doc: Doc, blocked: set[int]) -> list[Candidate]:
    out: list[Candidate] = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        if _quoted(doc, ent.start, ent.end):
            out.append(Candidate(ent.start, ent.end, "NICKNAME", "quoted-name", priority=P_PERSON))
            continue
        if sentence_adverb(doc, ent.start, ent.end):
            continue
        fixed = _person_span(doc, ent.start, ent.end, blocked)
        if fixed is None:
            continue
        start, end = fixed
        if doc[end - 1].lower_ in _SESSION_WORDS:
            continue  # "Saturday's Top Qualifying" is a session
        rule = "ner-person" if (start, end) == (ent.start, ent.end) else "ner-person-fixed"
        if _named_like_a_make(doc, start, end, blocked):
            out.append(Candidate(start, end, "PERSON", "person-role", priority=P_GENRE + 1))
            continue
        out.append(Candidate(start, end, "PERSON", rule, priority=P_PERSON))
    # an unlabelled name run that is the subject of a racing verb is a person
    for run in _unlabelled_name_runs(doc):
        root = run.root
        if (
            root.dep_ == "nsubj"
            and root.head.lemma_ in _ACTOR_VERBS
            and not set(range(run.start, run.end)) & blocked
        ):
            out.append(Candidate(run.start, run.end, "PERSON", "subject-name", priority=P_PERSON))
    # the object of a signing ("X has named Paul-Loup Chatin in its #28") and a partner
    # ("teams up with A and B", "alongside A") is a person
    for ent in [*doc.ents, *_unlabelled_name_runs(doc)]:
        if ent.label_ not in {"ORG", "GPE", "NORP", "FAC", ""} or len(ent) > 5:
            continue
        if set(range(ent.start, ent.end)) & blocked or ent[-1].text in TEAM_SUFFIXES:
            continue
        if not all(_is_name_token(t) or t.text == "-" for t in ent) or any(
            t.is_upper and len(t) > 1 for t in ent
        ):
            continue
        root = ent.root
        before = [t.lower_ for t in doc[max(0, ent.start - 3) : ent.start]]
        signed = root.dep_ == "dobj" and root.head.lemma_ in _SIGNING_VERBS
        partner = before[-1:] == ["alongside"] or before[-3:] in (
            ["teams", "up", "with"],
            ["team", "up", "with"],
            ["teamed", "up", "with"],
        )
        role = before[-1:] in (["driver"], ["drivers"], ["co-driver"], ["team-mate"])
        if signed or partner or role:  # "Lexus works driver Daichi Morimoto" (an ORG to NER)
            out.append(Candidate(ent.start, ent.end, "PERSON", "cued-person", priority=P_PERSON))
    # coordination: a capitalised name run conjoined with a person is a person
    person_heads = {c.end - 1 for c in out if c.label == "PERSON"}
    for ent in [*doc.ents, *_unlabelled_name_runs(doc)]:
        if ent.label_ not in {"ORG", "GPE", "NORP", "FAC", ""} or len(ent) > 4:
            continue
        if not all(
            _is_name_token(t) or t.text == "-" or _particle_before_name(doc, t.i) for t in ent
        ):
            continue
        root = ent.root
        linked = {root.head.i} | {c.i for c in root.children if c.dep_ == "conj"}
        coordinated = root.dep_ == "conj" or any(c.dep_ == "conj" for c in root.children)
        if coordinated and linked & person_heads and not set(range(ent.start, ent.end)) & blocked:
            out.append(Candidate(ent.start, ent.end, "PERSON", "conj-person", priority=P_PERSON))
    return out


_WEAK_ENTS = frozenset({"", "PRODUCT", "WORK_OF_ART"})
_SIGNING_VERBS = frozenset({"sign", "name", "hire", "recruit", "draft"})
_ACTOR_VERBS = frozenset(
    {
        "win",
        "drive",
        "race",
        "finish",
        "qualify",
        "start",
        "lead",
        "test",
        "claim",
        "secure",
        "take",
        "join",
        "crash",
        "retire",
        "score",
        "set",
        "partner",
        "share",
        "say",
    }
)


def _unlabelled_name_runs(doc: Doc) -> list[Span]:
    """Runs of two or three capitalised proper nouns the NER left unlabelled (or called a
    product)."""
    runs: list[Span] = []
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and doc[j].ent_type_ in _WEAK_ENTS and _is_name_token(doc[j]):
            j += 1
        if 2 <= j - i <= 3:
            runs.append(doc[i:j])
        i = max(j, i + 1)
    return runs


def _select(cands: Sequence[Candidate]) -> list[Candidate]:
    """Greedy non-overlapping selection: higher priority, then longer, then earlier."""
    taken: set[int] = set()
    out: list[Candidate] = []
    for c in sorted(cands, key=lambda c: (-c.priority, -c.length, c.start, c.label)):
        span = range(c.start, c.end)
        if any(i in taken for i in span):
            continue
        taken.update(span)
        out.append(c)
    out.sort(key=lambda c: (c.start, c.end))
    return out


def _name_word(text: str) -> bool:
    """A word of a model or entry name: letters with digits ("GT3", "499P") or capitals only
    ("MARELLI IMPUL Z"), never a given name that an initial would follow."""
    letters = any(c.isalpha() for c in text)
    return letters and (
        any(c.isdigit() for c in text) or (len(text) > 1 and text.isalpha() and text.isupper())
    )


def split_model_period(doc: Doc) -> Doc:
    """A model name ending in a capital letter closes a sentence: "its #88 911 GT3 R. Hardwick,
    a bronze-rated American, ..." The tokenizer reads "R." as an initial (and NER then finds a
    person "GT3 R. Hardwick"); after a model or entry-name token ("GT3", "499P", "IMPUL") the
    letter is split from the full stop and the next capitalised word starts a sentence.
    A full stop inside a word ("V-Series.R") is not one."""
    spots = [
        t
        for t in doc[1:-1]
        if len(t.text) == 2
        and t.text[0].isupper()
        and t.text[1] == "."
        and t.whitespace_
        and t.nbor(1).text[:1].isupper()
        and _name_word(t.nbor(-1).text)
        and t.nbor(-1).whitespace_
    ]
    if spots:
        starts = [t.i + k + 2 for k, t in enumerate(spots)]  # the word after each split stop
        with doc.retokenize() as retok:
            for t in spots:
                retok.split(t, [t.text[0], "."], heads=[t, (t, 0)])
        for i in starts:
            doc[i].is_sent_start = True
    # a full stop inside a word ("the #10 Cadillac V-Series.R is shared by ...") ends no sentence
    for t in doc[1:-1]:
        glued = t.text == "." and not t.whitespace_ and not t.nbor(-1).whitespace_
        if glued and t.nbor(-1).is_alpha and t.nbor(1).is_alpha:
            t.nbor(1).is_sent_start = False
    return doc
