"""Participation and career facts of announcements and career features: the status and season
of a past relative clause, a team owner the text calls a driver, rated descriptions, the
subject carried on by "He" / "The Italian", a crew sentence's own championship, champion
titles and title clauses.

Own sentences of the genre, through the whole pipeline (helpers on a parsed sentence).
"""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from racegraph.extract.linking import _age_apposition, _own_possessive
from racegraph.records import Extraction
from racegraph.reference import Reference
from tests.extract._pipeline_harness import extract

_PUB = dt.date(2025, 11, 3)


def _facts(ex: Extraction, relation: str, subject: str) -> list[dict[str, object]]:
    return [dict(f.args) for f in ex.facts if f.relation == relation and f.get("s") == subject]


def _competes(ex: Extraction, subject: str) -> set[tuple[object, object, object]]:
    return {(f["o"], f.get("season"), f.get("status")) for f in _facts(ex, "competesIn", subject)}


def test_an_own_his_or_an_age_marks_a_person(nlp: Language) -> None:
    doc = nlp("The deal ended in 2018, and Hartwell rebuilt his career in sports cars.")
    subj = next(t for t in doc if t.text == "Hartwell")
    assert _own_possessive(subj.head, subj)
    doc = nlp("The deal ended in 2018, and Hartwell Racing moved its cars to Europe.")
    subj = next(t for t in doc if t.text == "Racing")
    assert not _own_possessive(subj.head, subj)
    doc = nlp("Hartwell, 29, will race in Europe. Hartwell, Ferrari and Audi, will race.")
    assert _age_apposition(doc, 1)
    assert not _age_apposition(doc, 8)


def test_a_past_relative_clause_keeps_its_own_status_and_season(
    nlp: Language, reference: Reference
) -> None:
    text = (
        "Apex Racing is finalising its line-up for the 2026 European Le Mans Series. "
        "Tomas Lindqvist, 27, who raced in the IMSA WeatherTech SportsCar Championship in "
        "2024, is the likely choice for the second seat."
    )
    ex = extract(nlp, reference, text, published=_PUB)
    assert ("imsa", 2024, "confirmed") in _competes(ex, "tomas-lindqvist")
    assert not any(o == "imsa" and st == "likely" for o, _, st in _competes(ex, "tomas-lindqvist"))


def test_a_restrictive_past_clause_of_a_planned_sentence_is_confirmed(
    nlp: Language, reference: Reference
) -> None:
    text = (
        "Apex Racing will field two cars in the 2026 European Le Mans Series. "
        "Lindqvist, 52, is a veteran who contested the Michelin Pilot Challenge with the "
        "team in 2023, and the second car will again run in the LMGT3 class."
    )
    ex = extract(nlp, reference, text, published=_PUB)
    found = _competes(ex, "lindqvist")
    assert ("michelin-pilot-challenge", 2023, "confirmed") in found
    assert not any(st == "planned" for o, _, st in found if o == "michelin-pilot-challenge")


def test_a_team_owner_called_a_driver_races(nlp: Language, reference: Reference) -> None:
    text = (
        "The #12 will run in Pro-Am, where team owner Peter Hallam is set to return to the "
        "European Le Mans Series. Hallam, 58, is a bronze-rated driver who raced in the "
        "Michelin Pilot Challenge in 2024."
    )
    ex = extract(nlp, reference, text, published=_PUB)
    hallam = next(e for e in ex.entities if e.key == "peter-hallam")
    assert hallam.type.value == "Driver"
    assert [f["o"] for f in _facts(ex, "fiaCategory", "peter-hallam")] == ["bronze"]


def test_a_rated_description_opening_a_sentence_is_the_previous_subject(
    nlp: Language, reference: Reference
) -> None:
    text = (
        "Sven Aaltonen will drive for Apex Racing in the European Le Mans Series next year. "
        "The gold-rated Finn tested the car at Aragon last week."
    )
    ex = extract(nlp, reference, text, published=_PUB)
    assert [f["o"] for f in _facts(ex, "fiaCategory", "sven-aaltonen")] == ["gold"]


def test_he_after_a_described_subject_is_that_subject_not_the_object(
    nlp: Language, reference: Reference
) -> None:
    text = (
        "Apex Racing has signed Luca Ferrante for the 2026 European Le Mans Series. "
        "The Italian raced in the Michelin Pilot Challenge this year, where he shared a car "
        "with Jonas Weber. He has been upgraded from silver to gold for 2026."
    )
    ex = extract(nlp, reference, text, published=_PUB)
    assert [f["o"] for f in _facts(ex, "fiaCategory", "luca-ferrante")] == ["gold"]
    assert _facts(ex, "fiaCategory", "jonas-weber") == []


def test_a_crew_sentence_naming_its_own_championship_races_there(
    nlp: Language, reference: Reference
) -> None:
    text = (
        "Apex Racing has confirmed a two-car programme for the 2026 GT World Challenge America. "
        "Apex Racing will also keep its Porsche in GT4 America, with Jake Denton and Mia Sorel "
        "expected to share the car."
    )
    ex = extract(nlp, reference, text, published=_PUB)
    for who in ("jake-denton", "mia-sorel"):
        champs = {f["o"] for f in _facts(ex, "competesIn", who)}
        assert champs == {"gt4-america"}


def test_a_former_champion_holds_a_title_and_won_the_championship(
    nlp: Language, reference: Reference
) -> None:
    text = (
        "Apex Racing will field the former British GT champion Rhys Calder in the European "
        "Le Mans Series next year."
    )
    ex = extract(nlp, reference, text, published=_PUB)
    titles = _facts(ex, "title", "rhys-calder")
    assert [(t["o"], t["discipline"]) for t in titles] == [
        ("former British GT champion", "British GT")
    ]
    assert [f["o"] for f in _facts(ex, "won", "rhys-calder")] == ["british-gt"]


def test_a_title_clause_gives_the_season_team_and_class(
    nlp: Language, reference: Reference
) -> None:
    text = (
        "Nora Lind raced in British GT for Century Motorsport in 2020. "
        "In 2021 she won the GT3 title with Barwell Motorsport, and she now races in the "
        "European Le Mans Series."
    )
    ex = extract(nlp, reference, text, published=_PUB)
    won = _facts(ex, "won", "nora-lind")
    assert [(f["o"], f.get("season"), f.get("class")) for f in won] == [("british-gt", 2021, "gt3")]
    assert ("british-gt", 2021, "confirmed") in _competes(ex, "nora-lind")
    member = {(f["o"], f.get("season")) for f in _facts(ex, "memberOf", "nora-lind")}
    assert ("barwell", 2021) in member


def test_winning_the_title_decider_is_no_title(nlp: Language, reference: Reference) -> None:
    text = "Nora Lind won the British GT title decider at Donington Park in 2021."
    ex = extract(nlp, reference, text, published=_PUB)
    assert _facts(ex, "won", "nora-lind") == [] or all(
        f["o"] != "british-gt" for f in _facts(ex, "won", "nora-lind")
    )
