"""Session 29: season entry lists. A driver who "arrives straight from the Asian Le Mans
Series" does not move the story to that series; a calendar "from A on 12 April to B on 10
October" runs forward (October of the coming season in a February story); a crew named for
the season is not the crew of the calendar's last race. Own sentences, full pipeline."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from racegraph.evaluate import PredictedDoc
from racegraph.reference import Reference
from tests.extract._pipeline_harness import facts, predict

_LIST = (
    "ELMS publishes its 2026 entry list\n\n"
    "The European Le Mans Series published its 2026 entry list yesterday. Forty cars are "
    "entered for all six rounds, from the 4 Hours of Barcelona on 11 April to the 4 Hours of "
    "Portimão on 9 October.\n\n"
    "Nordic Racing has signed Henrik Aalto for its #21 Oreca 07 Gibson. The Finn arrives "
    "straight from the Asian Le Mans Series, whose finale ended on Sunday.\n\n"
    "Aalto will be joined in the #21 by Tobias Rask and Jesper Lind, while Dunmore Racing's "
    "#7 Ligier JS P325 is shared by Owen Carrick and Liam Dunne.\n"
)


@pytest.fixture(scope="module")
def entry_list(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _LIST, published=dt.date(2026, 2, 12))


def test_a_former_series_is_no_context(entry_list: PredictedDoc) -> None:
    series = {f["o"] for f in facts(entry_list, "competesIn") if f["s"] == "owen-carrick"}
    assert series == {"elms"}


def test_a_calendar_range_runs_forward(entry_list: PredictedDoc) -> None:
    dates = {f["o"] for f in facts(entry_list, "eventDate")}
    assert dt.date(2026, 10, 9) in dates
    assert dt.date(2025, 10, 9) not in dates


def test_a_season_crew_is_not_the_last_races(entry_list: PredictedDoc) -> None:
    pairs = [f for f in facts(entry_list, "coDriver") if "owen-carrick" in (f["s"], f["o"])]
    assert pairs
    assert all(f.get("event") is None for f in pairs)
