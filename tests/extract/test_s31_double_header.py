"""Session 31: a winter double-header told from one class. A day the text places at another
circuit ("left Dubai Autodrome on Sunday ... no invitation to the 24 Hours of Le Mans") is
not the day of the race named beside it; the day's race is the series' own, held there, and
numbered by its apposition ("Saturday's race, round three"); a later "round four of the
World Endurance Championship ... on 14 and 15 June" is not the round of a February race.
Own sentences, full pipeline."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from racegraph.evaluate import PredictedDoc
from racegraph.reference import Reference
from tests.extract._pipeline_harness import events, facts, predict

_DUBAI = (
    "Nielsen Racing takes the Asian GT title\n\n"
    "Nielsen Racing left Dubai Autodrome on Sunday evening with the Asian Le Mans Series GT "
    "title and no invitation to the 24 Hours of Le Mans. Daniel Hwang and Anders Holm won "
    "Sunday's race in the #7 Ferrari 296 GT3.\n\n"
    "Saturday's race, round three, had gone to Pablo Ortega.\n\n"
    "The GT champions of the European series go to Le Mans instead. The race, round four of "
    "the World Endurance Championship, is on 14 and 15 June.\n"
)


@pytest.fixture(scope="module")
def dubai(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _DUBAI, published=dt.date(2025, 2, 17))


def _race_of(doc: PredictedDoc, day: dt.date) -> str:
    return next(f["s"] for f in facts(doc, "eventDate") if f["o"] == day)


def test_a_day_at_another_circuit_is_not_the_named_races(dubai: PredictedDoc) -> None:
    le_mans = [k for k, ms in events(dubai).items() if "the 24 Hours of Le Mans" in ms]
    assert le_mans
    assert not [f for f in facts(dubai, "eventDate") if f["s"] in le_mans]
    sunday = _race_of(dubai, dt.date(2025, 2, 16))
    assert sunday not in le_mans
    assert {"s": sunday, "o": "dubai-autodrome"} in [
        {"s": f["s"], "o": f["o"]} for f in facts(dubai, "heldAt")
    ]


def test_the_days_races_are_the_series_own_and_numbered(dubai: PredictedDoc) -> None:
    of = {f["s"]: f for f in facts(dubai, "eventOf")}
    sunday = _race_of(dubai, dt.date(2025, 2, 16))
    saturday = _race_of(dubai, dt.date(2025, 2, 15))
    assert of[sunday]["o"] == "asian-le-mans-series"
    assert of[saturday]["o"] == "asian-le-mans-series"
    assert of[saturday].get("round") == 3


def test_a_later_round_of_another_series_takes_no_february_race(dubai: PredictedDoc) -> None:
    rounds = [f["s"] for f in facts(dubai, "eventOf") if f["o"] == "fia-wec"]
    assert rounds
    wins = [f for f in facts(dubai, "raceResult") if f.get("position") == 1]
    assert wins
    assert not [f for f in wins if f["event"] in rounds or "fia-wec" in str(f["event"])]


def test_a_name_borrowed_from_le_mans_is_not_held_there(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        "Finale\n\nDaniel Hwang won the Motul Petit Le Mans at Michelin Raceway Road Atlanta "
        "on Saturday in the #7 Porsche 963.\n",
        published=dt.date(2025, 10, 6),
    )
    petit = [k for k, ms in events(doc).items() if "Motul Petit Le Mans" in ms]
    assert petit
    held = {f["o"] for f in facts(doc, "heldAt") if f["s"] in petit}
    assert "le-mans" not in held
    assert {f["s"] for f in facts(doc, "eventDate") if f["o"] == dt.date(2025, 10, 4)} == set(petit)


_FINALE = (
    "Titles at Spa\n\n"
    "On Saturday night at the Circuit de Spa-Francorchamps, Nielsen Racing won the LMP3 "
    "title. Fourth place at the 4 Hours of Spa-Francorchamps was enough for Daniel Hwang and "
    "Anders Holm, and the title carries an invitation to the 2026 24 Hours of Le Mans.\n\n"
    "Team Virage's #8 of Pablo Ortega won the race from the class pole, after Ortega's lap "
    "on Friday.\n"
)


@pytest.fixture(scope="module")
def finale(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _FINALE, published=dt.date(2025, 10, 20))


def test_a_day_at_a_circuit_dates_the_race_named_there(finale: PredictedDoc) -> None:
    spa = [k for k, ms in events(finale).items() if "the 4 Hours of Spa-Francorchamps" in ms]
    assert spa
    dated = {f["s"]: f["o"] for f in facts(finale, "eventDate")}
    assert dated.get(spa[0]) == dt.date(2025, 10, 18)
    assert dt.date(2025, 10, 17) not in dated.values()  # a driver's lap on Friday: no race


def test_next_years_edition_is_not_the_race_reported(finale: PredictedDoc) -> None:
    spa = [k for k, ms in events(finale).items() if "the 4 Hours of Spa-Francorchamps" in ms]
    wins = [f for f in facts(finale, "raceResult") if f.get("position") == 1]
    assert wins
    assert {f["event"] for f in wins} == set(spa)


def test_a_race_before_any_round_is_not_a_round_held_elsewhere(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        "Season start\n\nThe season starts this week at Barcelona, where Daniel Hwang opens "
        "the Le Mans Cup season in the Saturday race. He spent the winter in the Asian Le Mans "
        "Series, finishing third in LMP3 in the final race at Yas Marina in February with "
        "Anders Holm.\n",
        published=dt.date(2025, 3, 31),
    )
    yas = {f["s"] for f in facts(doc, "heldAt") if f["o"] == "yas-marina"}
    assert yas
    dated = [f["s"] for f in facts(doc, "eventDate") if f["o"] == dt.date(2025, 3, 29)]
    assert dated
    assert not yas & set(dated)


def test_a_race_named_in_words_keeps_its_spelling_with_the_year(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        "Comeback\n\nDaniel Hwang will race again at the Mobil 1 Twelve Hours of Sebring on "
        "16 March in the #120 Porsche 911 GT3 R (992).\n",
        published=dt.date(2024, 3, 6),
    )
    forms = [ms for ms in events(doc).values() if "12 Hours of Sebring (2024)" in ms]
    assert forms
    assert "Twelve Hours of Sebring (2024)" in forms[0]
