"""Session 20: team news and qualifying reports. A team "has appointed A as its new team
principal"; the principal's predecessor ("The Dutchman replaces B", "A took over from B as
team principal") ran the team too, but a driver who replaces another is no principal; a
principal who is not a driver is no member of the crews. A team's short name at the start of
a sentence ("Apex won the 2024 title") is the team. "In IMSA, ..." opening a sentence is the
championship; "IMSA has confirmed" is the body. "Who is rated Gold" states a category. A
race still to run has no finishing order: "Second in class is the #4 ..." in a report
published the day before it is a qualifying position. Own sentences, full pipeline."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from racegraph.evaluate import PredictedDoc
from racegraph.reference import Reference
from tests.extract._pipeline_harness import facts, predict

_PRINCIPAL = (
    "United Autosports has appointed Pieter Hendriks as its new team principal, the British "
    "squad announced on Monday. The 51-year-old Dutchman replaces Graham Colby, who steps "
    "down after eight seasons in charge.\n\n"
    "United won the 2024 ELMS LMP2 title with the #22 Oreca. Hendriks said the team would "
    "keep both of its cars. Daniel Moreau replaces Lucas Ferreira in the #22 Oreca, and "
    "Moreau, who is rated Gold, joins Marco Bianchi in the car.\n"
)

_TOOK_OVER = (
    'Haupt Racing Team will leave the DTM at the end of the season. "We could not do both '
    'properly," said team principal Katrin Bauer. Bauer, 47, took over from Frank Richter as '
    "team principal in 2023.\n"
)

_IMSA = (
    "Ford has named its works drivers for 2026.\n\n"
    "In IMSA, Harrison Voss and Matteo Conti continue in the #64 Ford Mustang GT3 in the GTD "
    "Pro class. IMSA has confirmed 45 full-season entries.\n"
)

_QUALIFYING = (
    "IDEC Sport's #28 Oreca 07 will start Sunday's 4 Hours of Spa-Francorchamps from LMP2 pole "
    "after Bastien Girard set the fastest lap in qualifying on Saturday morning.\n\n"
    "In LMP3, Inter Europol Competition's #13 Ligier took pole with Tomas Novak. Second in "
    "class is the #4 360 Racing Ligier of Elena Marchetti.\n"
)


@pytest.fixture(scope="module")
def principal(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _PRINCIPAL, published=dt.date(2025, 6, 24))


@pytest.fixture(scope="module")
def took_over(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _TOOK_OVER, published=dt.date(2025, 9, 2))


@pytest.fixture(scope="module")
def imsa(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _IMSA, published=dt.date(2025, 12, 9))


@pytest.fixture(scope="module")
def qualifying(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _QUALIFYING, published=dt.date(2025, 8, 23))


def _principals(doc: PredictedDoc) -> set[tuple[str, str]]:
    return {(str(f["s"]), str(f["o"])) for f in facts(doc, "teamPrincipal")}


def test_an_appointed_principal_and_the_one_he_replaces(principal: PredictedDoc) -> None:
    heads = _principals(principal)
    assert ("united-autosports", "pieter-hendriks") in heads
    assert ("united-autosports", "graham-colby") in heads


def test_a_driver_who_replaces_another_is_no_principal(principal: PredictedDoc) -> None:
    people = {o for _, o in _principals(principal)}
    assert "lucas-ferreira" not in people
    assert "daniel-moreau" not in people


def test_a_principal_is_no_member_of_the_crews(principal: PredictedDoc) -> None:
    members = {str(f["s"]) for f in facts(principal, "memberOf")}
    assert "pieter-hendriks" not in members


def test_a_short_team_name_opening_a_sentence_is_the_team(principal: PredictedDoc) -> None:
    winners = {str(f["s"]) for f in facts(principal, "won") if f["o"] == "elms"}
    assert winners == {"united-autosports"}


def test_who_is_rated_states_a_category(principal: PredictedDoc) -> None:
    cats = {(str(f["s"]), str(f["o"])) for f in facts(principal, "fiaCategory")}
    assert ("daniel-moreau", "gold") in cats


def test_took_over_from_names_the_predecessor(took_over: PredictedDoc) -> None:
    heads = _principals(took_over)
    assert ("haupt", "katrin-bauer") in heads
    assert ("haupt", "frank-richter") in heads


def test_in_imsa_opening_a_sentence_is_the_championship(imsa: PredictedDoc) -> None:
    champs = {
        str(f["o"])
        for f in facts(imsa, "competesIn")
        if f["s"] in {"harrison-voss", "matteo-conti"}
    }
    assert "imsa" in champs
    assert "fia-wec" not in champs
    bodies = {e.key for e in imsa.entities if e.type == "Organisation"}
    assert "international-motor-sports-association" in bodies


def test_a_race_still_to_run_has_qualifying_places(qualifying: PredictedDoc) -> None:
    assert not [f for f in facts(qualifying, "raceResult") if f.get("position") == 2]
    grid = {
        (f["position"], f["kind"], tuple(f.get("drivers") or ()))
        for f in facts(qualifying, "gridPosition")
    }
    assert (2, "qualifying", ("elena-marchetti",)) in grid
