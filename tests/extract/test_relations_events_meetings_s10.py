"""Meetings named only by their place (relations/events.py, results.py): "a difficult weekend at
X", "the next ELMS round at X" (a series named in the phrase, also by the body that runs it),
the places a crew raced at ("shared a car with B at X and Y"), and a past win that "came at X
in 2017". Own sentences, full pipeline."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from racegraph.reference import Reference
from tests.extract._pipeline_harness import event_key, events, facts, predict


def test_a_weekend_at_a_place_is_the_series_meeting_there_that_season(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        "Kazuto Aramaki won the Super Formula race at Fuji Speedway on Sunday. "
        '"We had a difficult weekend at Autopolis, so this is a big relief," he said.',
        published=dt.date(2026, 5, 25),
    )
    key = event_key(events(doc), "a difficult weekend at Autopolis")
    assert {"s": key, "o": "super-formula", "season": 2026} in facts(doc, "eventOf")
    assert {"s": key, "o": "autopolis"} in facts(doc, "heldAt")


def test_a_place_without_a_meeting_word_or_series_names_no_meeting(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        "Ann Example lives near Autopolis and trains at Fuji Speedway.",
        published=dt.date(2026, 5, 25),
    )
    assert facts(doc, "heldAt") == []


def test_the_next_round_of_a_named_series_is_that_series_round(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        "Ann Example won the GT World Challenge Europe race at Monza. "
        "Her focus is the next ELMS round at Spa-Francorchamps on 24 August.",
        published=dt.date(2025, 8, 14),
    )
    key = event_key(events(doc), "the next ELMS round at Spa-Francorchamps")
    assert {"s": key, "o": "elms", "season": 2025} in facts(doc, "eventOf")
    assert {"s": key, "o": "spa-francorchamps"} in facts(doc, "heldAt")
    assert {"s": key, "o": dt.date(2025, 8, 24)} in facts(doc, "eventDate")


def test_a_crew_sharing_a_car_at_two_places_meets_at_each(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        "Grant Pulaski made his GT3 debut this year in the GTD class of the IMSA WeatherTech "
        "SportsCar Championship, where he shared a Vantage with Mads Kjeldsen at Sebring and "
        "Road Atlanta.",
        published=dt.date(2025, 10, 1),
    )
    evs = events(doc)
    sebring, atlanta = event_key(evs, "Sebring"), event_key(evs, "Road Atlanta")
    assert sebring != atlanta
    for key, venue in ((sebring, "sebring"), (atlanta, "road-atlanta")):
        assert {"s": key, "o": "imsa", "season": 2025} in facts(doc, "eventOf")
        assert {"s": key, "o": venue} in facts(doc, "heldAt")
    pairs = {(f["event"], frozenset((f["s"], f["o"]))) for f in facts(doc, "coDriver")}
    crew = frozenset(("grant-pulaski", "mads-kjeldsen"))
    assert {(sebring, crew), (atlanta, crew)} <= pairs


def test_a_past_series_victory_that_came_at_a_place_in_a_year(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        "Ann Example finished third in the Porsche Supercup race at Spa in 2016. "
        "Her only Supercup victory came at Monza in 2017.",
        published=dt.date(2025, 8, 14),
    )
    key = event_key(events(doc), "Monza in 2017")
    assert {"s": key, "o": "porsche-supercup", "season": 2017} in facts(doc, "eventOf")
    assert {"s": key, "o": "monza"} in facts(doc, "heldAt")
    assert {"s": "ann-example", "o": key} in facts(doc, "won")
