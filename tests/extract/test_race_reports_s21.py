"""Session 21: crews of race reports written around the entry. "The podium was completed by
Team X's #22 (A, B, C)"; "The LMGT3 class went to X's #86 ..., in which A, 58, was joined by
B and works driver C"; "Its Bronze driver, the Briton A, shared the car with B" after a
driverless class win; "A shared the second-placed X car with B and C"; a crew list with "the
Silver-rated A" or "Ferrari works driver B" in it. Own sentences, full pipeline."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from racegraph.evaluate import PredictedDoc
from racegraph.reference import Reference
from tests.extract._pipeline_harness import extract, facts, predict

_REPORT = (
    "Cool Racing won the 4 Hours of Barcelona on Sunday, the second round of the 2025 European "
    "Le Mans Series. Marc Lenoir, Pablo Serrano and Dieter Hahn shared the #37 Oreca 07 Gibson "
    "and beat IDEC Sport's #28 by six seconds.\n\n"
    "Lenoir passed Thomas Berger for the lead with ten minutes to go. Thomas Berger shared the "
    "second-placed IDEC Sport car with Ruben Costa and Jan Vermeer. The podium was completed by "
    "Inter Europol Competition's #43 (Adam Nowicki, Luca Ferri, Owen Price).\n\n"
    "Proton Competition's #88 won LMP2 Pro-Am. Its Bronze driver, the 51-year-old Briton Henry "
    "Ashworth, shared the car with Sven Lindholm, who won the class in 2023.\n\n"
    "In LMP3, 360 Racing's #4 Ligier JS P325 won with the Swede Erik Dahl, Tim Brauer and the "
    "Bronze-rated Colin Marsh.\n\n"
    "The LMGT3 class went to Kessel Racing's #74 Ferrari 296 LMGT3, in which the Swiss Bronze "
    "Rolf Keller, 61, was joined by Dario Conti and Ferrari works driver Paolo Gatti.\n"
)


@pytest.fixture(scope="module")
def report(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _REPORT, published=dt.date(2025, 4, 7))


def _crew(doc: PredictedDoc, position: int, classification: str) -> set[str]:
    crews = [
        set(f.get("drivers") or ())
        for f in facts(doc, "raceResult")
        if f["position"] == position and f["classification"] == classification
    ]
    assert len(crews) == 1, crews
    return crews[0]


def test_a_crew_in_brackets_after_the_entry(report: PredictedDoc) -> None:
    assert _crew(report, 3, "overall") == {"adam-nowicki", "luca-ferri", "owen-price"}


def test_a_second_placed_car_shared_with_a_crew(report: PredictedDoc) -> None:
    assert _crew(report, 2, "overall") == {"thomas-berger", "ruben-costa", "jan-vermeer"}


def test_its_driver_shared_the_car_after_a_driverless_class_win(report: PredictedDoc) -> None:
    assert _crew(report, 1, "lmp2-pro-am") == {"henry-ashworth", "sven-lindholm"}


def test_a_rated_driver_in_a_crew_list(report: PredictedDoc) -> None:
    assert _crew(report, 1, "lmp3") == {"erik-dahl", "tim-brauer", "colin-marsh"}


def test_in_which_a_was_joined_by_b_and_c(report: PredictedDoc) -> None:
    assert _crew(report, 1, "lmgt3") == {"rolf-keller", "dario-conti", "paolo-gatti"}


_LE_MANS = (
    "Ferrari won the 24 Hours of Le Mans on Sunday with Marco Ferri. In LMP2, United "
    "Autosports' #22 Oreca 07 Gibson won by a lap with the 22-year-old Pole Jakub Zielinski, "
    "Ewan Hardy and Rafael Sousa. The LMP2 Pro-Am honours went to Duqueine Team's #30, whose "
    "Bronze-rated Swiss driver, Pascal Imhof, 55, drove a triple stint. Akkodis ASP Team won "
    "LMGT3 with the #78 Lexus RC F LMGT3 of Olivier Dams and Lexus works driver Daichi "
    "Morimura. Pole went to Marco Ferri on Saturday.\n"
)


@pytest.fixture(scope="module")
def le_mans(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _LE_MANS, published=dt.date(2025, 6, 16))


def test_won_by_a_lap_with_a_crew(le_mans: PredictedDoc) -> None:
    assert _crew(le_mans, 1, "lmp2") == {"jakub-zielinski", "ewan-hardy", "rafael-sousa"}


def test_the_age_and_demonym_before_a_name_are_that_person_s(le_mans: PredictedDoc) -> None:
    assert {"s": "jakub-zielinski", "o": 22} in [
        {"s": f["s"], "o": f["o"]} for f in facts(le_mans, "age")
    ]
    assert ("jakub-zielinski", "pl") in {(f["s"], f["o"]) for f in facts(le_mans, "nationality")}
    assert not [f for f in facts(le_mans, "nationality") if f["s"] == "marco-ferri"]


def test_whose_driver_is_the_crew_of_the_entry(le_mans: PredictedDoc) -> None:
    assert _crew(le_mans, 1, "lmp2-pro-am") == {"pascal-imhof"}


def test_a_works_driver_the_ner_calls_an_organisation(le_mans: PredictedDoc) -> None:
    assert _crew(le_mans, 1, "lmgt3") == {"olivier-dams", "daichi-morimura"}


def test_pole_at_a_sentence_start_is_still_a_position(nlp: Language, reference: Reference) -> None:
    ex = extract(nlp, reference, _LE_MANS, published=dt.date(2025, 6, 16))
    labels = {(m.text, m.start >= _LE_MANS.index("Pole went")): m.label for m in ex.mentions}
    assert labels[("Pole", True)] == "POSITION"
    assert labels[("Pole", False)] == "pl"


_DAYTONA = (
    "Cadillac Wayne Taylor Racing won the Rolex 24 at Daytona on Sunday. Vasser Sullivan took "
    "GTD Pro with the #14 Lexus RC F GT3 of Aaron Kowal, Lexus works driver Shun Ishida and the "
    "Frenchman Jules Fontenay. The GTD class went to Inception Racing's #70 Ferrari 296 GT3, "
    "driven by Callum Reed, Giulia Fabris and Tom Akerman, with the #27 Heart of Racing Team "
    "Aston Martin second.\n"
)


@pytest.fixture(scope="module")
def daytona(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _DAYTONA, published=dt.date(2025, 1, 27))


def test_a_team_took_a_class_with_a_crew(daytona: PredictedDoc) -> None:
    assert _crew(daytona, 1, "gtd-pro") == {"aaron-kowal", "shun-ishida", "jules-fontenay"}


def test_with_an_entry_second_is_that_entry_s_place(daytona: PredictedDoc) -> None:
    assert _crew(daytona, 2, "gtd") == set()
    second = [f for f in facts(daytona, "raceResult") if f["position"] == 2]
    assert [f.get("team") for f in second] == ["heart-of-racing"]
    assert _crew(daytona, 1, "gtd") == {"callum-reed", "giulia-fabris", "tom-akerman"}
