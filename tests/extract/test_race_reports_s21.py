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
from tests.extract._pipeline_harness import facts, predict

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
