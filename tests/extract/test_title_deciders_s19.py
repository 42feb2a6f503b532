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
