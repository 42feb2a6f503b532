"""The championship a statement is about: the story's series, not one a driver won years ago
or a speaker names in a quote.

Own sentences of the genre (driver announcements), through the whole pipeline.
"""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from racegraph.records import Extraction
from racegraph.reference import Reference
from tests.extract._pipeline_harness import extract

_SIGNING = (
    "Dutch driver Tim Smit will race for Racing Team Holland in the European Le Mans Series "
    "next season. Smit, who won the DTM title in 2022, joins Karl Bauer. Bauer will drive "
    "an Oreca 07 in the LMP2 class."
)
_QUOTED = (
    "Lukas Brenner will race for Apex Motorsport in the European Le Mans Series next season. "
    '"I loved my years in the GT World Challenge Europe Sprint Cup," said Brenner. '
    "Brenner will drive an Oreca 07 in LMP2."
)
_STILL = (
    "Anna Kessler raced for Black Falcon from 2016 to 2019 before joining Team Rhino, the team "
    "she still represents in the GT World Challenge Europe Endurance Cup. This year she shared "
    "the #7 Porsche 911 GT3 R with Paul Vogt."
)


def _championships(ex: Extraction, relation: str, subject: str) -> set[object]:
    return {
        f.get("o") if relation == "competesIn" else f.get("championship")
        for f in ex.facts
        if f.relation == relation and f.get("s") == subject
    }


def test_a_title_won_years_ago_is_no_context_for_the_new_programme(
    nlp: Language, reference: Reference
) -> None:
    ex = extract(nlp, reference, _SIGNING, published=dt.date(2025, 6, 2))
    assert _championships(ex, "competesIn", "karl-bauer") == {"elms"}
    assert _championships(ex, "drives", "karl-bauer") == {"elms"}


def test_a_championship_named_in_a_quote_is_no_context(nlp: Language, reference: Reference) -> None:
    ex = extract(nlp, reference, _QUOTED, published=dt.date(2025, 6, 2))
    assert _championships(ex, "drives", "lukas-brenner") == {"elms"}


def test_the_series_a_driver_still_races_in_stays_the_context(
    nlp: Language, reference: Reference
) -> None:
    ex = extract(nlp, reference, _STILL, published=dt.date(2024, 10, 15))
    assert _championships(ex, "drives", "anna-kessler") == {"gtwc-europe-endurance-cup"}
