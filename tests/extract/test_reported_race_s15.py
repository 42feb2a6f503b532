"""Which race "won the race" reports (session 15): the last race named before it that has
been run by publication, not a coming race the text names in between ("is expected back for
the 6 Hours of São Paulo on 13 July"); and "will take his place" is no race context, so the
weekday of the statement ("confirmed on Monday") mints no race. Own sentences, full
pipeline."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from racegraph.reference import Reference
from tests.extract._pipeline_harness import facts, predict

_REPORT = (
    "Porsche Penske Motorsport will be without Lucas Moreau at the 24 Hours of Le Mans next "
    "month. The Frenchman was hurt when his car crashed during Saturday's 6 Hours of "
    "Spa-Francorchamps.\n\n"
    "The team confirmed on Monday that Daniel Harper will take his place.\n\n"
    "Moreau is expected to be back for the 6 Hours of São Paulo on 13 July.\n\n"
    "James Carter, Erik Lindgren and Tom Ashcroft won the race in the #5 Porsche.\n"
)


def test_won_the_race_reports_the_last_race_run(nlp: Language, reference: Reference) -> None:
    doc = predict(nlp, reference, _REPORT, published=dt.date(2025, 5, 13))
    wins = [f for f in facts(doc, "raceResult") if f.get("position") == 1]
    assert wins and all(str(f["event"]).startswith("spa-francorchamps") for f in wins)


def test_taking_someones_place_dates_no_race(nlp: Language, reference: Reference) -> None:
    doc = predict(nlp, reference, _REPORT, published=dt.date(2025, 5, 13))
    assert dt.date(2025, 5, 12) not in {f["o"] for f in facts(doc, "eventDate")}
