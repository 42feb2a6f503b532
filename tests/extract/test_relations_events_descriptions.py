"""Races named by a description rather than a name ("the three-hour season opener at X",
"the season finale in Y", "X's three-hour race", "this weekend's round at X"): the description
is the race, keyed like other rounds; its weekday dates it; "the race" / "the event" later
is the same race. Own sentences, full pipeline."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from racegraph.reference import Reference
from tests.extract._pipeline_harness import events, facts, predict

SAT, SUN = dt.date(2024, 4, 13), dt.date(2024, 4, 14)


def test_described_opener_is_the_round_dated_by_its_weekday(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        "Ann Example won the three-hour season opener at Monza on Sunday, the first round of "
        "the GT World Challenge Europe Endurance Cup. The race was stopped twice.",
    )
    key = "gtwc-europe-endurance-cup-2024-monza"
    evs = events(doc)
    assert set(evs) == {key}  # no "<championship> race, <date>"
    assert "the three-hour season opener at Monza" in evs[key]
    assert "The race" in evs[key]  # rule 3: later "the race" corefers
    assert {"s": key, "o": "gtwc-europe-endurance-cup", "season": 2024, "round": 1} in facts(
        doc, "eventOf"
    )
    assert {"s": key, "o": "monza"} in facts(doc, "heldAt")
    assert facts(doc, "eventDate") == [{"s": key, "o": SUN}]
    (win,) = facts(doc, "raceResult")
    assert win["event"] == key and win["drivers"] == ("ann-example",)


def test_described_finale_in_a_country_and_the_event_later(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        "Cara Test won the season finale in Bahrain on Saturday in the FIA World Endurance "
        "Championship. Dan Probe finished second and called the event his best.",
    )
    evs = events(doc)
    assert len(evs) == 1
    ((key, mentions),) = evs.items()
    assert key.endswith("-2024-bh") and "the event" in mentions
    assert facts(doc, "eventDate") == [{"s": key, "o": SAT}]
    assert {r["position"] for r in facts(doc, "raceResult") if r["event"] == key} == {1, 2}


def test_venue_possessive_race_then_the_race(nlp: Language, reference: Reference) -> None:
    doc = predict(
        nlp,
        reference,
        "Eve Trial led early in Imola's three-hour race in the European Le Mans Series. "
        "Fay Check won the race on Sunday.",
    )
    assert set(events(doc)) == {"elms-2024-imola"}
    assert facts(doc, "eventDate") == [{"s": "elms-2024-imola", "o": SUN}]
    assert {"s": "elms-2024-imola", "o": "imola"} in facts(doc, "heldAt")


def test_this_weekends_round_at_a_venue(nlp: Language, reference: Reference) -> None:
    doc = predict(
        nlp,
        reference,
        "Gus Demo won this weekend's round at Spa in the GT World Challenge Europe Sprint Cup "
        "on Sunday.",
    )
    key = "gtwc-europe-sprint-cup-2024-spa-francorchamps"
    assert set(events(doc)) == {key}
    assert facts(doc, "eventDate") == [{"s": key, "o": SUN}]
    assert facts(doc, "raceResult")[0]["event"] == key
