"""One event per race, whatever the text calls it (blind set 16): a weekday race is the
numbered race of its round that ran that day ("the Sunday race" = "Race 2"), a meeting with one
race day is that race ("won at X on Saturday" = "the second round of the championship"), a race
named by its venue is held there, and earlier editions ("last year's race", "the 2021 X race")
are events of their own year. Own sentences, full pipeline."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from racegraph.reference import Reference
from tests.extract._pipeline_harness import event_key, events, facts, predict

MONDAY = dt.date(2025, 6, 23)


def test_weekday_race_is_the_numbered_race_of_that_day(nlp: Language, reference: Reference) -> None:
    doc = predict(
        nlp,
        reference,
        "Ann Example and Bo Sample won Race 1 on Saturday at Zandvoort, the fourth round of the "
        "GT World Challenge Europe Sprint Cup. Race 2 was stopped twice for rain. Cy Person "
        "and Di Person finished second in the Sunday race.",
        published=MONDAY,
    )
    evs = events(doc)
    race2 = event_key(evs, "Race 2")
    assert "the Sunday race" in evs[race2]
    assert event_key(evs, "Race 1") != race2
    assert {"s": race2, "o": dt.date(2025, 6, 22)} in facts(doc, "eventDate")
    assert not any(k.endswith("2025-06-22") for k in evs)  # no race minted from the day


def test_one_race_day_of_a_meeting_is_the_meeting(nlp: Language, reference: Reference) -> None:
    doc = predict(
        nlp,
        reference,
        "Porsche Penske Motorsport won at Sebring on Saturday with Ann Example and Bo Sample. "
        "The race, the second round of the 2025 IMSA SportsCar Championship, ended under "
        "yellow flags.",
        published=dt.date(2025, 3, 17),
    )
    evs = events(doc)
    assert len(evs) == 1
    key = event_key(evs, "Sebring")
    assert {"s": key, "o": "sebring"} in facts(doc, "heldAt")
    assert {"s": key, "o": dt.date(2025, 3, 15)} in facts(doc, "eventDate")


def test_round_of_the_season_keeps_its_whole_phrase(nlp: Language, reference: Reference) -> None:
    doc = predict(
        nlp,
        reference,
        "United Autosports won the European Le Mans Series race at Imola on Sunday. It was "
        "the fourth round of the 2025 season.",
        published=dt.date(2025, 7, 7),
    )
    evs = events(doc)
    key = event_key(evs, "the fourth round of the 2025 season")
    assert {"s": key, "o": "elms", "season": 2025, "round": 4} in facts(doc, "eventOf")


def test_last_years_race_is_the_edition_of_the_year_before(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        "Ann Example won the feature race at the Norisring on Sunday, the fourth round of the "
        "2025 DTM season. Last year's race ended in the wall for her.",
        published=dt.date(2025, 7, 7),
    )
    evs = events(doc)
    past = event_key(evs, "Last year's race")
    now = event_key(evs, "the fourth round of the 2025 DTM")
    assert past != now and "2024" in past
    assert {"s": past, "o": 2024} in facts(doc, "eventDate")
    assert {"s": past, "o": "norisring"} in facts(doc, "heldAt")
    assert {"s": past, "o": "dtm", "season": 2024} in facts(doc, "eventOf")


def test_edition_named_by_year_and_venue_is_keyed_by_its_year(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        "Ann Example won at the Norisring on Sunday, the fourth round of the 2025 DTM season. "
        "She also won the 2021 Norisring race. Bo Sample finished second on Sunday.",
        published=dt.date(2025, 7, 7),
    )
    evs = events(doc)
    past = event_key(evs, "the 2021 Norisring race")
    assert "2021" in past
    assert {"s": "ann-example", "o": past} in facts(doc, "won")
    results = [f for f in facts(doc, "raceResult") if f.get("position") == 2]
    assert results and all(f["event"] != past for f in results)  # the edition is not "now"


def test_an_edition_of_the_same_year_is_the_reported_race(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        "Ann Example won at the Norisring on Sunday, the fourth round of the 2025 DTM season. "
        "The 2025 race was her first win.",
        published=dt.date(2025, 7, 7),
    )
    evs = events(doc)
    assert event_key(evs, "The 2025 race") == event_key(evs, "the fourth round of the 2025 DTM")


def test_the_prologue_is_the_series_test_of_the_season(nlp: Language, reference: Reference) -> None:
    doc = predict(
        nlp,
        reference,
        "Ann Example was fastest at the Prologue at Barcelona for the European Le Mans Series.",
        published=dt.date(2025, 4, 14),
    )
    key = event_key(events(doc), "the Prologue")
    assert {"s": key, "o": "elms", "season": 2025} in facts(doc, "eventOf")


def test_a_round_that_follows_on_a_day_is_dated(nlp: Language, reference: Reference) -> None:
    doc = predict(
        nlp,
        reference,
        "Ann Example won the European Le Mans Series race at Imola on Sunday. The Spa round "
        "follows on 24 August.",
        published=dt.date(2025, 7, 7),
    )
    key = event_key(events(doc), "The Spa round")
    assert {"s": key, "o": dt.date(2025, 8, 24)} in facts(doc, "eventDate")
