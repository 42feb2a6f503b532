"""Session 18: a run of capitalised words that opens with a known given name is a person,
whatever the small NER model made of it (it misses "Mateusz Wróbel" after "the Pole", tags
"Jean-Marc Vasseur" an organisation and "Henrik Fjeldsted" with a verb); a first name alone
("Jean-Marc") is the person named in full; a team named for a person ("Paul Miller Racing")
stays a team, and a record ("the first Emirati to win a class") is no second result.
"The Italian" after "A replaces B" is the one of them not stated to be of another nation,
and "is set to" outranks the "would" of a relative clause. Own sentences, full pipeline."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from racegraph.evaluate import PredictedDoc
from racegraph.extract.mentions import given_names
from racegraph.reference import Reference
from tests.extract._pipeline_harness import facts, predict

_PUBLISHED = dt.date(2025, 11, 12)

_NEWS = (
    "Peugeot has confirmed its Hypercar crews for next season. Jean-Marc Vasseur completes the "
    "line-up of the #94 Peugeot 9X8, and the Pole Mateusz Wróbel joins him.\n\n"
    '"Jean-Marc knows this car better than anyone," said team principal Claire Dubois.\n\n'
    "In the GT World Challenge Europe, the sister #3 keeps its crew of the Norwegian Henrik "
    "Fjeldsted and the Dane Oskar Lindholm.\n"
)

_REPORT = (
    "The #1 Paul Miller Racing BMW M4 GT3 EVO of Daniel Harper and Lucas Moreau won the GTD Pro "
    "class in the Rolex 24 At Daytona on Sunday. Kessel Racing took GT3 Pro-Am honours with "
    "the #8 Ferrari 296 GT3 of James Carter and Omar Haddad, who finished sixth overall. "
    "Haddad, 34, became the first Emirati to win a class at Daytona.\n"
)


@pytest.fixture(scope="module")
def news(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _NEWS, published=_PUBLISHED)


@pytest.fixture(scope="module")
def report(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _REPORT, published=dt.date(2025, 1, 27))


def test_the_list_holds_given_names_not_common_words() -> None:
    names = given_names()
    assert {"Mateusz", "Henrik", "Jean", "Oskar", "Paul"} <= names
    assert not {"Silver", "Le", "Long", "Red", "The"} & names


def _people(doc: PredictedDoc) -> dict[str, str]:
    return {e.key: e.type for e in doc.entities if e.type in ("Driver", "Person")}


def test_names_the_ner_misses_or_mislabels_are_drivers(news: PredictedDoc) -> None:
    people = _people(news)
    for key in ("jean-marc-vasseur", "mateusz-wrobel", "henrik-fjeldsted"):
        assert people.get(key) == "Driver", key
    teams = {e.key for e in news.entities if e.type == "Team"}
    assert "jean-marc-vasseur" not in teams


def test_a_first_name_alone_is_the_person_named_in_full(news: PredictedDoc) -> None:
    assert "jean-marc" not in {e.key for e in news.entities}
    vasseur = next(e for e in news.entities if e.key == "jean-marc-vasseur")
    assert {m for m in vasseur.mentions if m.startswith("Jean")} - {"Jean-Marc Vasseur"}


def test_the_named_crew_drives_its_car(news: PredictedDoc) -> None:
    drives = {(f["s"], f.get("number")) for f in facts(news, "drives")}
    assert {("jean-marc-vasseur", 94), ("mateusz-wrobel", 94)} <= drives


def test_a_team_named_for_a_person_stays_a_team(report: PredictedDoc) -> None:
    assert "paul-miller" not in _people(report)
    wins = [f for f in facts(report, "raceResult") if f.get("classification") == "gtd-pro"]
    assert {f.get("team") for f in wins} == {"paul-miller"}


def test_a_record_is_no_second_result(report: PredictedDoc) -> None:
    haddad = [f for f in facts(report, "raceResult") if "omar-haddad" in f["drivers"]]
    assert sorted((f["classification"], f["position"]) for f in haddad) == [
        ("gt3-pro-am", 1),
        ("overall", 6),
    ]


_SIGNING = (
    "Peugeot has confirmed that Lucas Moreau will race for Peugeot TotalEnergies in the FIA "
    "World Endurance Championship next season. The 25-year-old Dane joins the #94 crew. "
    "Moreau replaces Daniel Harper, who leaves the team after three seasons. The Italian is set "
    "to move to the IMSA WeatherTech SportsCar Championship in 2026, where he would drive a "
    "Cadillac.\n"
)


@pytest.fixture(scope="module")
def signing(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _SIGNING, published=_PUBLISHED)


def test_a_demonym_goes_to_the_person_it_does_not_contradict(signing: PredictedDoc) -> None:
    nationality = {(f["s"], f["o"]) for f in facts(signing, "nationality")}
    assert ("daniel-harper", "it") in nationality
    assert ("lucas-moreau", "it") not in nationality


def test_the_stated_plan_outranks_a_modal_in_a_relative_clause(signing: PredictedDoc) -> None:
    imsa = [f for f in facts(signing, "competesIn") if f["o"] == "imsa"]
    assert [(f["s"], f["season"], f["status"]) for f in imsa] == [
        ("daniel-harper", 2026, "planned")
    ]
