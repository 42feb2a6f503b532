"""Session 34: driver-market columns. A team that "has run" an entry until now races this
season, not the next one the column is about; "GT3" said of a WEC seat is the WEC's GT3
class, LMGT3; a driver "set to join" a team is its member in the story's series next season.
Own sentences, full pipeline."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from racegraph.evaluate import PredictedDoc
from racegraph.reference import Reference
from tests.extract._pipeline_harness import facts, predict

_COLUMN = (
    "Aurora's switch to Cadillac sets the market moving\n\n"
    "Hertz Team Jota will race Cadillacs in the FIA World Endurance Championship next season. "
    "It takes over from Chip Ganassi Racing, which has run Cadillac's single WEC entry since "
    "2023. Porsche confirmed on Tuesday that Pablo Ortega will leave at the end of the year, "
    "and Ortega is set to join Jota as its lead driver.\n\n"
    "At BMW the traffic runs from GT3 to the top class. Daniel Hwang, a BMW works driver, races "
    "Team WRT's #31 BMW M4 LMGT3 this year and won the LMGT3 class at Spa in May.\n"
)


@pytest.fixture(scope="module")
def column(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _COLUMN, published=dt.date(2024, 6, 26))


def _competes(doc: PredictedDoc, subject: str) -> set[tuple[object, ...]]:
    return {
        (f["o"], f.get("season"), f.get("class"), f.get("status"))
        for f in facts(doc, "competesIn")
        if f["s"] == subject
    }


def test_a_team_that_has_run_an_entry_races_this_season(column: PredictedDoc) -> None:
    seasons = {season for _, season, _, _ in _competes(column, "chip-ganassi")}
    assert 2024 in seasons
    assert 2025 not in seasons


def test_gt3_in_the_wec_is_lmgt3(column: PredictedDoc) -> None:
    classes = {cls for champ, _, cls, _ in _competes(column, "daniel-hwang") if champ == "fia-wec"}
    assert "lmgt3" in classes
    assert "gt3" not in classes


def test_a_driver_set_to_join_a_team_is_its_member_next_season(column: PredictedDoc) -> None:
    members = {
        (f["o"], f.get("championship"), f.get("season"))
        for f in facts(column, "memberOf")
        if f["s"] == "pablo-ortega"
    }
    assert ("jota", "fia-wec", 2025) in members
    assert ("jota", None, None) not in members


def test_a_squad_that_runs_two_cars_runs_them_now_in_their_class(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        "BMW's plans\n\nDaniel Hwang is set to step up to BMW M Team WRT's Hypercar squad in "
        "the FIA World Endurance Championship, which runs two M Hybrid V8s. Jota, which runs "
        "two customer Porsche 963s in the WEC, has confirmed a switch to Cadillac.\n",
        published=dt.date(2024, 6, 26),
    )
    entries = {
        (f["manufacturer"], f.get("season"), f.get("class"), f.get("cars"))
        for f in facts(doc, "manufacturerEntry")
    }
    assert ("bmw", 2024, "hypercar", 2) in entries
    assert ("porsche", 2024, "hypercar", 2) in entries
