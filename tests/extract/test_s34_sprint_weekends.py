"""Session 34: sprint weekends of a series whose cars have one driver each (the DTM): two
races told day by day, a team-mate who drives another car, a day named outside race talk
("He answered on Sunday"), "a day later", a win denied, a name that only modifies a noun
("after the Hwang penalty"). Own sentences, full pipeline."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from racegraph.evaluate import PredictedDoc
from racegraph.reference import Reference
from tests.extract._pipeline_harness import facts, predict

_WEEKEND = (
    "Norisring: one win each for Mercedes and BMW\n\n"
    "Daniel Hwang won Saturday's race at the Norisring, the fourth round of the DTM, from pole "
    "position in the #4 Mercedes-AMG GT3 Evo of Haupt Racing Team. Pablo Ortega finished third "
    "in the #31 BMW M4 GT3 of Schubert Motorsport.\n\n"
    "A day later Hwang was nowhere: he qualified tenth and came home eighth.\n\n"
    "Ortega did not win on Saturday. He answered on Sunday. Starting fourth, Ortega passed "
    "three cars at the stops and won by two seconds.\n\n"
    "Anders Holm had put the #90 Porsche 911 GT3 R on pole for Sunday's race and finished "
    "second on Sunday. His team-mate Marco Rossi started sixth in the sister #91 Porsche and, "
    "after the Hwang penalty, was classified fifth.\n"
)


@pytest.fixture(scope="module")
def weekend(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _WEEKEND, published=dt.date(2025, 7, 7))


def _race_days(doc: PredictedDoc) -> dict[object, object]:
    return {f["s"]: f["o"] for f in facts(doc, "eventDate")}


def _results(doc: PredictedDoc, relation: str = "raceResult") -> set[tuple[object, ...]]:
    days = _race_days(doc)
    return {
        (days.get(f["event"]), f["position"], tuple(f["drivers"]))  # type: ignore[arg-type]
        for f in facts(doc, relation)
    }


SATURDAY, SUNDAY = dt.date(2025, 7, 5), dt.date(2025, 7, 6)


def test_the_dtm_has_one_driver_per_car(reference: Reference) -> None:
    per_car = {e.key: e.drivers_per_car for e in reference.entities}
    assert per_car["dtm"] == 1
    assert per_car["fia-wec"] is None


def test_no_co_drivers_in_a_one_driver_series(weekend: PredictedDoc) -> None:
    assert facts(weekend, "coDriver") == []


def test_each_result_has_one_driver(weekend: PredictedDoc) -> None:
    results = _results(weekend)
    assert (SATURDAY, 1, ("daniel-hwang",)) in results
    assert all(len(drivers) == 1 for _, _, drivers in results)


def test_a_day_later_is_the_next_days_race(weekend: PredictedDoc) -> None:
    assert (SUNDAY, 8, ("daniel-hwang",)) in _results(weekend)
    assert (SATURDAY, 8, ("daniel-hwang",)) not in _results(weekend)


def test_a_day_named_outside_race_talk_turns_the_text_to_that_race(
    weekend: PredictedDoc,
) -> None:
    assert (SUNDAY, 1, ("pablo-ortega",)) in _results(weekend)


def test_a_win_denied_is_no_win(weekend: PredictedDoc) -> None:
    assert (SATURDAY, 1, ("pablo-ortega",)) not in _results(weekend)


def test_pole_for_sundays_race_in_a_monday_report_is_yesterdays_race(
    weekend: PredictedDoc,
) -> None:
    assert (SUNDAY, 1, ("anders-holm",)) in _results(weekend, "gridPosition")


def test_a_name_that_modifies_a_noun_is_no_crew(weekend: PredictedDoc) -> None:
    fifth = {drivers for day, pos, drivers in _results(weekend) if pos == 5}
    assert fifth == {("marco-rossi",)}


_OPENER = (
    "Two winners at Zandvoort\n\n"
    "Luca Ferrante took Saturday's opener at Zandvoort, the third round of the DTM, in the #92 "
    "Lamborghini Huracán GT3 Evo2. Kenji Ota crossed the line 1.4 seconds behind in the #48 "
    "Mercedes-AMG GT3 Evo.\n\n"
    '"Second is fine," said Ota, "but it is wins that win titles."\n'
)


@pytest.fixture(scope="module")
def opener(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _OPENER, published=dt.date(2025, 6, 9))


def test_saturdays_opener_taken_is_a_win(opener: PredictedDoc) -> None:
    assert (dt.date(2025, 6, 7), 1, ("luca-ferrante",)) in _results(opener)


def test_crossing_the_line_seconds_behind_is_the_next_place(opener: PredictedDoc) -> None:
    assert (dt.date(2025, 6, 7), 2, ("kenji-ota",)) in _results(opener)


def test_wins_that_win_titles_is_no_result(opener: PredictedDoc) -> None:
    assert {drivers for _, pos, drivers in _results(opener) if pos == 1} == {("luca-ferrante",)}
