"""Session 19: how a title decider says who won the championship. The crew of a result is
the subject of "was enough to clinch the title"; "for X to secure" names the team; a make
wins a manufacturers' title (not the driver named before it); a team "were crowned
champions"; "Proton's #88 sealed the crown" is the team's title; "enough to beat the Heart of
Racing crew to the title" is the crew's, not the rival's. "Hopes to win the title" is no
fact, and "the 2022 ELMS champion" describes a person without turning the story to the ELMS.
Own sentences, full pipeline."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from racegraph.evaluate import PredictedDoc
from racegraph.reference import Reference
from tests.extract._pipeline_harness import facts, predict

_FINALE = (
    "Iron Lynx won the 6 Hours of Fuji on Sunday, but fifth place for the #50 Ferrari 499P of "
    "Antonio Rossi, Henrik Sorensen and Paul Weber was enough to clinch the Hypercar drivers' "
    "title at the final round of the 2025 FIA World Endurance Championship. Ferrari also "
    "wrapped up the manufacturers' title, and Peugeot hopes to win the title next year.\n\n"
    "In LMGT3, Team WRT were crowned champions. Second place was enough for United "
    "Autosports to secure the teams' title. Proton's #88 Ford Mustang LMGT3 sealed the Bronze "
    "crown. The #77 of Marco Bianchi and Jens Holm finished fourth, enough to beat the Heart "
    "of Racing crew to the title.\n"
)

_ASIAN = (
    "Algarve Pro Racing won the 4 Hours of Abu Dhabi on Sunday at the final round of the "
    "Asian Le Mans Series.\n\n"
    "Tomas Kowalski, the 2022 European Le Mans Series LMP3 champion, drove the last stint.\n\n"
    "The LMP3 title went to the #8 Ligier JS P320 of Daniel Harper and Lucas Moreau.\n"
)


@pytest.fixture(scope="module")
def finale(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _FINALE, published=dt.date(2025, 11, 3))


@pytest.fixture(scope="module")
def asian(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _ASIAN, published=dt.date(2025, 2, 10))


def _winners(doc: PredictedDoc, championship: str) -> set[str]:
    return {str(f["s"]) for f in facts(doc, "won") if f["o"] == championship}


def test_the_crew_of_the_result_that_was_enough_won_the_title(finale: PredictedDoc) -> None:
    assert {"antonio-rossi", "henrik-sorensen", "paul-weber"} <= _winners(finale, "fia-wec")


def test_a_manufacturers_title_is_the_makes_and_a_hope_is_no_title(finale: PredictedDoc) -> None:
    winners = _winners(finale, "fia-wec")
    assert "ferrari" in winners
    assert "peugeot" not in winners


def test_teams_crowned_or_named_after_for_won_the_title(finale: PredictedDoc) -> None:
    assert {"wrt", "united-autosports", "proton-competition"} <= _winners(finale, "fia-wec")


def test_the_crew_that_beat_a_rival_to_the_title_won_it(finale: PredictedDoc) -> None:
    winners = _winners(finale, "fia-wec")
    assert {"marco-bianchi", "jens-holm"} <= winners
    assert "heart-of-racing" not in winners


def test_a_past_title_of_a_driver_does_not_change_the_storys_championship(
    asian: PredictedDoc,
) -> None:
    assert {"daniel-harper", "lucas-moreau"} <= _winners(asian, "asian-le-mans-series")
    assert not {"daniel-harper", "lucas-moreau"} & _winners(asian, "elms")


_RACE = (
    "Toyota Gazoo Racing won the 8 Hours of Bahrain on Saturday.\n\n"
    "In LMGT3, the title went to the #33 Corvette Z06 LMGT3.R of Daniel Harper and Lucas "
    "Moreau, who came home fifth in class. The #38 Cadillac V-Series.R of Paul Weber and Jens "
    "Holm retired from fourth place with a gearbox failure.\n\n"
    "The class win went to Manthey, whose #92 Porsche 911 GT3 R was shared by Marco Bianchi "
    "and Antonio Rossi.\n"
)


@pytest.fixture(scope="module")
def race(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _RACE, published=dt.date(2025, 11, 10))


def _places(doc: PredictedDoc) -> set[tuple[str, object, object]]:
    return {
        (str(d), f.get("classification"), f.get("position"))
        for f in facts(doc, "raceResult")
        for d in f.get("drivers") or ()  # type: ignore[attr-defined]
    }


def test_a_retirement_from_a_place_is_no_result(race: PredictedDoc) -> None:
    # "retired from fourth place": no fourth place, a result without one (DNF)
    assert {p[2] for p in _places(race) if p[0] in ("paul-weber", "jens-holm")} <= {"DNF"}


def test_the_title_went_to_is_no_win_and_the_class_win_takes_the_last_class(
    race: PredictedDoc,
) -> None:
    places = _places(race)
    assert ("daniel-harper", "lmgt3", 5) in places
    assert ("daniel-harper", "lmgt3", 1) not in places
    assert ("marco-bianchi", "lmgt3", 1) in places
    assert ("marco-bianchi", "overall", 1) not in places


_ENTRY_LIST = (
    "Genesis in, Porsche out as WEC names 36-car field\n\n"
    "The FIA World Endurance Championship published its 2026 entry list on Thursday. "
    "Daniel Harper raced in LMP2 in the European Le Mans Series this year.\n\n"
    "The #15 BMW M Hybrid V8 of Team WRT is set to welcome Lucas Moreau.\n"
)


@pytest.fixture(scope="module")
def entry_list(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _ENTRY_LIST, published=dt.date(2025, 12, 5))


def test_the_lede_after_a_headline_sets_the_season_and_a_past_clause_no_context(
    entry_list: PredictedDoc,
) -> None:
    moreau = {
        (f["o"], f["season"]) for f in facts(entry_list, "competesIn") if f["s"] == "lucas-moreau"
    }
    assert moreau == {("fia-wec", 2026)}
