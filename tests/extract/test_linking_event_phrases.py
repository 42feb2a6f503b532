"""Event phrases and linking of the genre: own sentences, full pipeline."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from racegraph.reference import Reference
from tests.extract._pipeline_harness import predict


def _events(doc: object) -> dict[str, tuple[str, ...]]:
    return {e.key: e.mentions for e in doc.entities if e.type == "Event"}  # type: ignore[attr-defined]


def test_a_month_after_a_duration_race_is_no_venue(nlp: Language, reference: Reference) -> None:
    doc = predict(
        nlp, reference, "Hans Demo will race at the 24-hour race in June with Proton Competition."
    )
    assert not any("june" in k for k in _events(doc)), _events(doc)


def test_a_duration_race_without_a_place_is_the_articles_race(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        "Hans Demo won the 24 Hours of Le Mans in 2022. He returns to the 24-hour race in June "
        "with Proton Competition.",
    )
    events = _events(doc)
    assert "le-mans-24-hours-2022" in events
    later = [k for k, m in events.items() if "the 24-hour race in June" in m]
    assert later == ["le-mans-24-hours-2024"], events


def test_a_distance_is_no_year(nlp: Language, reference: Reference) -> None:
    doc = predict(
        nlp,
        reference,
        "Peter Probe won the 1000km race at Spa in the European Le Mans Series with United "
        "Autosports.",
    )
    events = _events(doc)
    assert events and all("1000" not in k for k in events), events
    assert all("-2024-" in k for k in events), events


def test_a_round_last_year_is_of_last_year(nlp: Language, reference: Reference) -> None:
    doc = predict(
        nlp, reference, "Last year, Peter Probe won the Sprint Cup round at Misano for Team WRT."
    )
    events = _events(doc)
    assert any("2023" in k for k in events) and not any("2024" in k for k in events), events


def test_a_possessed_test_and_a_distance_race_keep_their_words(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        "Peter Probe drove for United Autosports in the European Le Mans Series. The series' "
        "rookie test takes place at Barcelona. He won the Monza 1000km for United Autosports.",
    )
    mentions = {m for ms in _events(doc).values() for m in ms}
    assert {"The series' rookie test", "the Monza 1000km"} <= mentions, mentions
    assert "elms-2024-rookie-test" in _events(doc)


def test_a_finale_and_a_duration_race_at_one_venue_are_one_event(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        "The season finale of the European Le Mans Series at Portimão is in October. The 4 "
        "Hours of Portimão will decide the LMP2 title, Peter Probe said.",
        published=dt.date(2024, 9, 2),
    )
    events = _events(doc)
    assert len(events) == 1, events
    (mentions,) = events.values()
    assert "The 4 Hours of Portimão" in mentions
