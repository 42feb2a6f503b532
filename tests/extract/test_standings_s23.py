"""Session 23: a standings story of a support series and a one-team race story. The Pilot
Challenge's classes (GS, "Grand Sport", TCR) and touring cars are reference data; a driver
who "splits his season" with another series names a side programme, not the story's
championship; "N cars started, 22 of them in X" counts per class; a hyphenated given name
("Min-jun") is part of the name; a one-letter team name keeps its "Racing"; "The X team
principal was ..." describes the person just named; a descriptor before the story's main
person is named refers back. Own sentences, full pipeline."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from racegraph.evaluate import PredictedDoc
from racegraph.reference import Reference
from tests.extract._pipeline_harness import entity_types, facts, predict

_STANDINGS = (
    "Pilot Challenge: the Grand Sport title is wide open\n\n"
    "Saturday's two-hour race at Road America was the seventh round of the IMSA Michelin "
    "Pilot Challenge. In Grand Sport, Silver Hook Racing's #44 Ford Mustang GT4 of Dale "
    "Prentice and Owen Kearney won. Kearney, who splits his season between the Mustang and a "
    "Porsche in GT World Challenge America, was delighted.\n\n"
    "Second place went to Turner Motorsport. Alex Brandt and Ian Coley shared the #95 BMW M4 "
    "GT4.\n\n"
    "In TCR, Hyundai works driver Jae-won Seo and Marco Ruiz won in the #33 Hyundai Elantra N "
    "TCR of Bryan Herta Autosport.\n\n"
    "Twenty-eight cars started at Road America, 19 of them in Grand Sport and nine in TCR.\n"
)


@pytest.fixture(scope="module")
def standings(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _STANDINGS, published=dt.date(2025, 8, 5))


def test_a_side_programme_does_not_turn_the_story(standings: PredictedDoc) -> None:
    champs = {f["o"] for f in facts(standings, "competesIn") if f["s"] == "alex-brandt"}
    assert champs == {"michelin-pilot-challenge"}


def test_pilot_challenge_classes(standings: PredictedDoc) -> None:
    classes = {
        (f["s"], f.get("class"))
        for f in facts(standings, "competesIn")
        if f["o"] == "michelin-pilot-challenge"
    }
    assert ("dale-prentice", "grand-sport") in classes
    assert ("marco-ruiz", "tcr") in classes
    cars = {(f["s"], f["o"]) for f in facts(standings, "drives")}
    assert ("jae-won-seo", "hyundai-elantra-n-tcr") in cars


def test_a_hyphenated_given_name(standings: PredictedDoc) -> None:
    assert "jae-won-seo" in entity_types(standings)
    assert "seo" not in entity_types(standings)


def test_starters_per_class(standings: PredictedDoc) -> None:
    counts = {(f.get("class"), f["count"]) for f in facts(standings, "entryCount")}
    assert {(None, 28), ("grand-sport", 19), ("tcr", 9)} <= counts


_ONE_TEAM = (
    '"We had the fastest car and leave with a broken one," said Helen Achterberg on Sunday. '
    "The Cadillac Wayne Taylor Racing team principal was not exaggerating.\n\n"
    "Her team's #40 started from pole at Long Beach, the third round of the IMSA WeatherTech "
    "SportsCar Championship, with Bram Dekker at the wheel.\n\n"
    '"The car was perfect," said the 27-year-old Cadillac works driver. Eleven GTP cars '
    "started the race. Last year Joaquin Ferreyra and Joaquin Ferreyra's team-mate won here; "
    "Ferreyra, Ferreyra and Ferreyra again were the names of the day.\n\n"
    "Separately, M Racing confirmed Luc Arnaud for the European Le Mans Series.\n"
)


@pytest.fixture(scope="module")
def one_team(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _ONE_TEAM, published=dt.date(2025, 4, 14))


def test_the_team_principal_just_named(one_team: PredictedDoc) -> None:
    heads = {(f["s"], f["o"]) for f in facts(one_team, "teamPrincipal")}
    assert ("wayne-taylor", "helen-achterberg") in heads


def test_a_descriptor_before_the_main_person_refers_back(one_team: PredictedDoc) -> None:
    ages = {(f["s"], f["o"]) for f in facts(one_team, "age")}
    assert ("bram-dekker", 27) in ages
    assert not {s for s, _ in ages if s == "joaquin-ferreyra"}


def test_a_class_field_that_started(one_team: PredictedDoc) -> None:
    counts = {(f.get("class"), f["count"]) for f in facts(one_team, "entryCount")}
    assert ("gtp", 11) in counts


def test_a_one_letter_team_name(one_team: PredictedDoc) -> None:
    assert entity_types(one_team).get("m-racing") == "Team"
