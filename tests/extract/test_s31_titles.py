"""Session 31: titles in a finale report. A lede about months ago ("In February, X won the
Asian Le Mans Series LMP3 title") is not the championship of the story; a title a race
settled days before publication ("second place secured the Pro-Am title for A and B") is
that race's season. Own sentences, full pipeline."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from racegraph.reference import Reference
from tests.extract._pipeline_harness import entity_types, facts, predict

_FINALE = (
    "Champions at Portimão\n\n"
    "In February, Nielsen Racing won the Asian Le Mans Series LMP3 title in Abu Dhabi. On "
    "Saturday, Inter Europol Competition won the 4 Hours of Portimão, the last round of the "
    "European Le Mans Series.\n\n"
    "Team Virage's #8 finished second in LMP2 Pro-Am, and that secured the Pro-Am title for "
    "Daniel Hwang, Pablo Ortega and Anders Holm.\n"
)


def test_a_title_settled_days_ago_is_the_story_series_of_that_season(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(nlp, reference, _FINALE, published=dt.date(2025, 10, 20))
    won = {(f["s"], f["o"], f.get("season")) for f in facts(doc, "won")}
    assert ("daniel-hwang", "elms", 2025) in won
    assert not [w for w in won if w[0] == "daniel-hwang" and w[1] != "elms"]


def test_an_entry_stated_as_a_count_of_cars(nlp: Language, reference: Reference) -> None:
    doc = predict(
        nlp,
        reference,
        "Road to Le Mans\n\nRoad to Le Mans is the third round of the 2024 Michelin Le Mans "
        "Cup. This year's entry was the maximum of 58 cars: 40 in LMP3 and 18 in GT3.\n\n"
        "At Spa the grid counted 39 cars, 28 of them in LMP3.\n",
        published=dt.date(2024, 6, 15),
    )
    counts = {(f.get("class"), f["count"]) for f in facts(doc, "entryCount")}
    assert {(None, 58), ("lmp3", 40), ("gt3", 18), (None, 39), ("lmp3", 28)} <= counts
    assert not [k for k, v in entity_types(doc).items() if k.endswith("entry-list")]
