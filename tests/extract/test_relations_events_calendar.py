"""Events of the calendar (found on blind set 12): a championship going to a place ("heads to
X for the season finale", "returns at X for the 12-hour race"; "opens at X" alone names none), a
round named by number and venue ("won round five at X"), the last round ("the championship
concludes with ..."), days relative to another event ("the next day"), a date after an apposed
round, races of a round with no day of their own, and weekdays of another season. Own
sentences, full pipeline."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from racegraph.reference import Reference
from tests.extract._pipeline_harness import event_key, events, facts, predict

MONDAY = dt.date(2024, 9, 16)


def test_series_heading_to_a_place_for_a_described_event_holds_it_there(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        "The European Le Mans Series heads to Portimao for the season finale on 19 October.",
        published=MONDAY,
    )
    key = event_key(events(doc), "the season finale")
    assert {"s": key, "o": "portimao"} in facts(doc, "heldAt")
    assert {"s": key, "o": dt.date(2024, 10, 19)} in facts(doc, "eventDate")
    assert {"s": key, "o": "elms", "season": 2024} in facts(doc, "eventOf")


def test_series_opening_at_a_venue_on_a_day_is_its_first_round(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        "Ann Example starts her second season with the team when the GT World Challenge "
        "Europe Endurance Cup opens at Paul Ricard on 12 April.",
        published=dt.date(2025, 3, 10),
    )
    key = event_key(events(doc), "Paul Ricard")
    champ = "gtwc-europe-endurance-cup"
    assert {"s": key, "o": champ, "season": 2025, "round": 1} in facts(doc, "eventOf")
    assert {"s": key, "o": "paul-ricard"} in facts(doc, "heldAt")
    assert {"s": key, "o": dt.date(2025, 4, 12)} in facts(doc, "eventDate")


def test_season_ending_at_a_venue_on_a_day_is_its_finale_that_season(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        "Bo Sample will race in the 2026 GT World Challenge Asia. The season opens at Sepang "
        "on 11 April and ends at Shanghai on 18 October.",
        published=dt.date(2026, 2, 10),
    )
    key = event_key(events(doc), "ends at Shanghai")
    assert {"s": key, "o": "gtwc-asia", "season": 2026} in facts(doc, "eventOf")
    assert {"s": key, "o": dt.date(2026, 10, 18)} in facts(doc, "eventDate")  # not 2025


def test_season_opening_in_a_month_names_no_event(nlp: Language, reference: Reference) -> None:
    doc = predict(
        nlp,
        reference,
        "Ann Example joins the team for the IMSA WeatherTech SportsCar Championship. The "
        "season opens at Sebring in March.",
        published=dt.date(2025, 1, 10),
    )
    assert events(doc) == {}  # a place and a month, no dated meeting


def test_championship_returning_for_a_race_by_length_is_that_race(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        "Bo Sample won for the IMSA WeatherTech SportsCar Championship on Sunday. The "
        "championship returns at Sebring in March for the 12-hour race.",
        published=dt.date(2024, 1, 29),
    )
    key = event_key(events(doc), "the 12-hour race")
    assert {"s": key, "o": "imsa", "season": 2024} in facts(doc, "eventOf")
    assert {"s": key, "o": "sebring"} in facts(doc, "heldAt")
    assert not [f for f in facts(doc, "eventDate") if f["s"] == key]  # a month is no day


def test_round_named_by_number_and_venue_is_a_round_of_the_championship(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        "In the European Le Mans Series, Cy Probe and Dee Trial lead the standings after they "
        "won round five at Spa.",
        published=MONDAY,
    )
    key = event_key(events(doc), "round five at Spa")
    assert {"s": key, "o": "elms", "season": 2024, "round": 5} in facts(doc, "eventOf")
    assert {"s": key, "o": "spa-francorchamps"} in facts(doc, "heldAt")


def test_last_round_and_a_test_the_next_day(nlp: Language, reference: Reference) -> None:
    doc = predict(
        nlp,
        reference,
        "Eve Demo won the 6 Hours of Fuji on Sunday for the FIA World Endurance Championship. "
        "The championship concludes with the 8 Hours of Bahrain on 2 November, and the rookie "
        "test follows at the same circuit the next day.",
        published=MONDAY,
    )
    evs = events(doc)
    finale = event_key(evs, "the 8 Hours of Bahrain")
    test = event_key(evs, "the rookie test")
    assert {"s": finale, "o": "fia-wec", "season": 2024} in facts(doc, "eventOf")
    assert {"s": finale, "o": dt.date(2024, 11, 2)} in facts(doc, "eventDate")
    assert {"s": test, "o": dt.date(2024, 11, 3)} in facts(doc, "eventDate")


def test_date_after_an_apposed_round_dates_the_race(nlp: Language, reference: Reference) -> None:
    doc = predict(
        nlp,
        reference,
        "Fay Sample will make her debut in the 6 Hours of Imola, the second round of the FIA "
        "World Endurance Championship, on 20 April.",
        published=dt.date(2025, 3, 10),
    )
    key = event_key(events(doc), "the 6 Hours of Imola")
    assert facts(doc, "eventDate") == [{"s": key, "o": dt.date(2025, 4, 20)}]


def test_races_of_a_past_round_take_its_season_and_venue_and_no_day(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        "Last year Gus Driver also contested the Sprint Cup round at Misano in the GT World "
        "Challenge Europe, winning Race 1 on the Saturday before finishing third in Race 2.",
        published=dt.date(2025, 3, 10),
    )
    evs = events(doc)
    race1, race2 = event_key(evs, "Race 1"), event_key(evs, "Race 2")
    for race in (race1, race2):
        assert {"s": race, "o": "gtwc-europe-sprint-cup", "season": 2024} in facts(doc, "eventOf")
        assert {"s": race, "o": "misano"} in facts(doc, "heldAt")
    assert facts(doc, "eventDate") == []  # "the Saturday" of last year is not last Saturday


def test_next_round_at_a_venue_on_a_day(nlp: Language, reference: Reference) -> None:
    doc = predict(
        nlp,
        reference,
        "Gus Driver won the fourth round of the GT World Challenge Europe Sprint Cup at the Red "
        "Bull Ring. The next round at Portimao on 20 July will decide the Gold Cup title.",
        published=dt.date(2024, 7, 8),
    )
    key = event_key(events(doc), "The next round at Portimao")
    assert {"s": key, "o": "gtwc-europe-sprint-cup", "season": 2024} in facts(doc, "eventOf")
    assert {"s": key, "o": "portimao"} in facts(doc, "heldAt")
    assert {"s": key, "o": dt.date(2024, 7, 20)} in facts(doc, "eventDate")


def test_the_only_weekday_race_of_a_round_is_the_round(nlp: Language, reference: Reference) -> None:
    doc = predict(
        nlp,
        reference,
        "Ann Example won Sunday's race at the Red Bull Ring, the fourth round of the GT World "
        "Challenge Europe Sprint Cup.",
        published=dt.date(2024, 7, 8),
    )
    evs = events(doc)
    assert len(evs) == 1  # no "<round> race, <date>" beside the round
    ((key, _mentions),) = evs.items()
    assert facts(doc, "eventDate") == [{"s": key, "o": dt.date(2024, 7, 7)}]
