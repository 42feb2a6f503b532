"""Mention rule components on ``spacy.blank("en")`` (no trained model) and the merge step."""

from __future__ import annotations

from typing import cast

import pytest
import spacy
from rdflib import Graph
from spacy.language import Language

from racegraph.extract import factories, load_pipeline
from racegraph.extract.mentions import (
    GENRE_SPANS,
    REFERENCE_SPANS,
    ReferenceRuler,
    default_pattern_files,
    extract_mentions,
    read_patterns,
)
from racegraph.records import EntityType
from racegraph.reference import Reference, ReferenceEntity, load_reference

ID = "https://w3id.org/racegraph/id/"


@pytest.fixture(scope="module")
def reference() -> Reference:
    entities = (
        ReferenceEntity(
            iri=ID + "championship/elms",
            type=EntityType.CHAMPIONSHIP,
            key="elms",
            label="European Le Mans Series",
            aliases=("ELMS",),
        ),
        ReferenceEntity(
            iri=ID + "manufacturer/ferrari",
            type=EntityType.MANUFACTURER,
            key="ferrari",
            label="Ferrari",
        ),
        ReferenceEntity(
            iri=ID + "car/ferrari-296-gt3",
            type=EntityType.CAR_MODEL,
            key="ferrari-296-gt3",
            label="Ferrari 296 GT3",
            aliases=("296 GT3",),
            manufacturer=ID + "manufacturer/ferrari",
        ),
        ReferenceEntity(
            iri=ID + "country/nl",
            type=EntityType.COUNTRY,
            key="nl",
            label="Netherlands",
            iso3="NLD",
            demonyms=("Dutch",),
        ),
        ReferenceEntity(
            iri=ID + "fia-category/bronze",
            type=EntityType.FIA_CATEGORY,
            key="bronze",
            label="Bronze",
        ),
    )
    return Reference(entities=entities, _graph=Graph())


@pytest.fixture(scope="module")
def nlp(reference: Reference) -> Language:
    nlp = spacy.blank("en")
    ruler = cast(ReferenceRuler, nlp.add_pipe(factories.REFERENCE_RULER))
    ruler.add_reference(reference)
    nlp.add_pipe(factories.GENRE_RULER)
    return nlp


def spans(nlp: Language, text: str, group: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    return [(s.text, s.label_) for s in doc.spans[group]]


def test_analyze_pipes_declares_span_groups(nlp: Language) -> None:
    analysis = nlp.analyze_pipes()
    assert analysis is not None
    summary = analysis["summary"]
    assert summary[factories.REFERENCE_RULER]["assigns"] == ["doc.spans"]
    assert summary[factories.GENRE_RULER]["assigns"] == ["doc.spans"]
    assert not analysis["problems"][factories.REFERENCE_RULER]


def test_reference_names_aliases_demonyms_and_plurals(nlp: Language) -> None:
    found = spans(
        nlp,
        "The Dutch driver raced two Ferrari 296 GT3s in the ELMS.",
        REFERENCE_SPANS,
    )
    assert ("Dutch", "Country") in found
    assert ("Ferrari 296 GT3s", "CarModel") in found
    assert ("Ferrari", "Manufacturer") in found  # nested names are kept for linking
    assert ("ELMS", "Championship") in found


def test_short_capitals_match_case_sensitively(nlp: Language) -> None:
    assert spans(nlp, "elms and oaks", REFERENCE_SPANS) == []


def test_reference_span_ids_are_iris(nlp: Language) -> None:
    doc = nlp("A win in the European Le Mans Series.")
    (span,) = doc.spans[REFERENCE_SPANS]
    assert span.kb_id_ == ID + "championship/elms"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iron Lynx drove for Akkodis ASP Team at Spa.", ("Akkodis ASP Team", "TEAM")),
        ("Team WRT won again.", ("Team WRT", "TEAM")),
        ("He joined Proton Competition in May.", ("Proton Competition", "TEAM")),
        ("Spirit of Race finished third.", ("Spirit of Race", "TEAM")),
        ("a Manthey-run 911", ("Manthey-run", "TEAM")),
        ("round four of the Endurance Cup at Monza", None),
        ("the #51 Ferrari", ("# 51", "RACE_NUMBER")),
        ("she started 14th on the grid", ("14th on the grid", "POSITION")),
        ("Vanthoor was P3 in qualifying", ("P3", "POSITION")),
        ("runner-up in the Silver Cup", ("runner-up", "POSITION")),
        ("the pre-season test at Sebring", ("the pre-season test", "EVENT_TEST")),
        ("the 2025 entry list", ("the 2025 entry list", "EVENT_ENTRY_LIST")),
        ("the 24 Hours of Spa", ("the 24 Hours of Spa", "EVENT_24H")),
        ("won the 6 Hours of Fuji", ("the 6 Hours of Fuji", "EVENT_24H")),
        ("before the 2025 12 Hours of Sebring", ("the 2025 12 Hours of Sebring", "EVENT_24H")),
        ("at the Daytona 24 Hours", ("the Daytona 24 Hours", "EVENT_24H")),
        ("fastest in qualifying on Friday", ("qualifying on Friday", "EVENT_SESSION")),
        ("Saturday's qualifying was wet", ("Saturday's qualifying", "EVENT_SESSION")),
        ("Team Principal Ann Lee said", None),
        ("at the Road to Le Mans", ("Road to Le Mans", "EVENT_NAMED")),
        ("the season finale in Portimao", ("the season finale in Portimao", "EVENT_FINALE")),
        ("during round two of the Sprint Cup", ("round two of the Sprint Cup", "EVENT_ROUND")),
        ("a press conference at the track", ("a press conference", "EVENT_PRESS")),
    ],
)
def test_genre_patterns(nlp: Language, text: str, expected: tuple[str, str] | None) -> None:
    found = spans(nlp, text, GENRE_SPANS)
    if expected is None and "Team" in text:
        assert not any(label == "TEAM" for _t, label in found)  # a role, not a team name
    elif expected is None:
        assert any(label == "EVENT_ROUND" for _t, label in found)
    elif expected[1] == "RACE_NUMBER":
        assert any(label == "RACE_NUMBER" for _t, label in found)
    else:
        assert expected in found


def test_shipped_patterns_are_well_formed() -> None:
    files = default_pattern_files()
    assert files, "extract/patterns/*.jsonl is packaged"
    patterns = read_patterns(files)
    assert all({"label", "id", "pattern"} <= set(p) for p in patterns)
    labels = {p["label"] for p in patterns}
    assert {"TEAM", "EVENT_ROUND", "POSITION", "RACE_NUMBER", "PERSON_DESC"} <= labels


# Person cues need the statistical model (POS, NER): these run the shipped pipeline.
@pytest.fixture(scope="module")
def full_reference() -> Reference:
    return load_reference()


@pytest.fixture(scope="module")
def full_nlp(full_reference: Reference) -> Language:
    return load_pipeline(full_reference)


def _persons(nlp: Language, reference: Reference, text: str) -> list[str]:
    doc = nlp(text)
    return [
        doc[c.start : c.end].text for c in extract_mentions(doc, reference) if c.label == "PERSON"
    ]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The Porsche was shared by the Austrian Klaus Bachler and Ayhancan Guven.",
            "Klaus Bachler",
        ),
        ("He shared the car with Tom Blomqvist from the United States.", "Tom Blomqvist"),
        ("The decision was confirmed by ACO boss Pierre Fillon.", "Pierre Fillon"),
        ("Jan Heylen and the Dutchman Renger van der Zande won.", "Renger van der Zande"),
        ("Marco Bonanomi, Dane Cameron and Kamui Kobayashi finished third.", "Dane Cameron"),
        ("He raced with Lena Maier, the former karting champion, at Spa.", "Lena Maier"),
        (
            "He shared the car with Robin de Haan and the Argentinian Jose Maria Lopez.",
            "Robin de Haan",
        ),
    ],
)
def test_cued_person_names(
    full_nlp: Language, full_reference: Reference, text: str, name: str
) -> None:
    assert name in _persons(full_nlp, full_reference, text)


@pytest.mark.parametrize(
    "text",
    [
        "LMP2 victory went to Era Motorsport's Ryan Dalziel, Dwight Merriman and Connor Zilisch.",
        "Class honours went to Proton Competition's Giorgio Roda and Julien Andlauer.",
    ],
)
def test_person_after_a_possessor_inside_one_ner_span(
    full_nlp: Language, full_reference: Reference, text: str
) -> None:
    persons = _persons(full_nlp, full_reference, text)
    first = text.split("'s ")[1].split(",")[0].split(" and ")[0]
    assert first in persons
    assert not any("'s" in p for p in persons)


def test_noun_demonym_after_determiner_stays_a_demonym(
    full_nlp: Language, full_reference: Reference
) -> None:
    doc = full_nlp("The Dane finished second.")
    cands = extract_mentions(doc, full_reference)
    assert any(doc[c.start : c.end].text == "Dane" and c.label == "REF" for c in cands)


def test_plural_manufacturer_names(full_nlp: Language) -> None:
    found = spans(full_nlp, "two Ferraris and three Toyotas", REFERENCE_SPANS)
    assert ("Ferraris", "Manufacturer") in found
    assert ("Toyotas", "Manufacturer") in found


def test_lone_surname_with_role_apposition_is_a_person() -> None:
    full = load_reference()
    nlp = load_pipeline(full)
    doc = nlp("Dupont, the team's chief engineer, said the car was fast from the first lap.")
    cands = extract_mentions(doc, full)
    assert any(c.label == "PERSON" and doc[c.start : c.end].text == "Dupont" for c in cands)


def test_plural_of_capitals_manufacturer_name(full_nlp: Language) -> None:
    found = spans(full_nlp, "The grid has four BMWs and three Porsches.", REFERENCE_SPANS)
    assert ("BMWs", "Manufacturer") in found
    assert ("Porsches", "Manufacturer") in found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Proton Competition's Giorgio Roda, Mathias Beche and Bent Viscaal were second.",
            "Giorgio Roda",
        ),
        (
            "Winward Racing finished second with Russell Ward, Philip Ellis, Indy Dontje and "
            "Daniel Morad.",
            "Indy Dontje",
        ),
    ],
)
def test_every_name_of_a_list_of_persons_is_a_person(
    full_nlp: Language, full_reference: Reference, text: str, name: str
) -> None:
    assert name in _persons(full_nlp, full_reference, text)


def test_a_list_of_places_beside_two_persons_stays_places(
    full_nlp: Language, full_reference: Reference
) -> None:
    persons = _persons(
        full_nlp,
        full_reference,
        "The series visits Spa, Monza, Imola and Paul Ricard with Ann Example and Ben Sample.",
    )
    assert not {"Paul Ricard", "Imola", "Monza"} & set(persons)
