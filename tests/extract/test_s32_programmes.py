"""Session 32: programme news. The day a maker "confirmed on Wednesday" its plans is the
news's day, not the day of the race the sentence dates ("the 8 Hours of Bahrain on 8
November"); a race a driver "will join ... in January", in an October story, is next
January's; and an age before a descriptor noun ("his 52-year-old compatriot X") is the
named person's. Own sentences, full pipeline."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from racegraph.reference import Reference
from tests.extract._pipeline_harness import events, facts, predict


def test_an_announcement_day_does_not_date_the_race(nlp: Language, reference: Reference) -> None:
    doc = predict(
        nlp,
        reference,
        "Porsche leaves the WEC\n\n"
        "The 8 Hours of Bahrain on 8 November, the last of the year's eight rounds, will be "
        "the final race for Porsche Penske Motorsport's two 963s, the manufacturer confirmed "
        "on Wednesday.\n",
        published=dt.date(2025, 10, 23),
    )
    assert {f["o"] for f in facts(doc, "eventDate")} == {dt.date(2025, 11, 8)}


@pytest.mark.parametrize(
    ("sentence", "edition"),
    [
        (  # still to come: next January
            "Daniel Hwang and Anders Holm will join Porsche Penske Motorsport's GTP line-up "
            "from the Rolex 24 At Daytona in January.",
            "rolex-24-2026",
        ),
        (  # already won: this year's January
            "Daniel Hwang and Anders Holm won GTD Pro at the Rolex 24 At Daytona in January.",
            "rolex-24-2025",
        ),
    ],
)
def test_a_race_in_an_earlier_month_is_next_years_only_if_still_to_come(
    nlp: Language, reference: Reference, sentence: str, edition: str
) -> None:
    doc = predict(
        nlp, reference, f"Two drivers and IMSA\n\n{sentence}\n", published=dt.date(2025, 10, 23)
    )
    assert [k for k, ms in events(doc).items() if "the Rolex 24 At Daytona" in ms] == [edition]


def test_an_age_before_a_descriptor_is_the_named_persons(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        "Century fills its car\n\n"
        "Century Motorsport has signed the Briton Daniel Hwang, a 23-year-old Silver, to "
        "share its car in the Bronze Cup with his 52-year-old compatriot Marco Rossi.\n",
        published=dt.date(2024, 9, 19),
    )
    ages = {(f["s"], f["o"]) for f in facts(doc, "age")}
    assert ages == {("daniel-hwang", 23), ("marco-rossi", 52)}


def test_every_driver_of_a_roster_story_is_the_makers(nlp: Language, reference: Reference) -> None:
    doc = predict(
        nlp,
        reference,
        "Lamborghini names its drivers\n\n"
        "Lamborghini Squadra Corse has confirmed its works drivers for 2026, placed with three "
        "customer teams.\n\n"
        "Daniel Hwang, 27, will race for Iron Lynx in the WEC. Anders Holm moves to the GT World "
        "Challenge Europe with the Dutch team.\n\n"
        "The programme was presented by motorsport director Pablo Ortega. Holm shares his car "
        "with the Bronze-rated Marco Rossi, who is 52.\n",
        published=dt.date(2026, 1, 20),
    )
    works = {f["s"] for f in facts(doc, "worksDriverFor") if f["o"] == "lamborghini"}
    assert {"daniel-hwang", "anders-holm"} <= works
    assert not works & {"pablo-ortega", "marco-rossi"}


def test_a_makes_cars_split_by_championship(nlp: Language, reference: Reference) -> None:
    doc = predict(
        nlp,
        reference,
        "Ferrari places its customers\n\n"
        "Eight examples of the Ferrari 296 GT3 will be entered by customer teams in 2026: "
        "four in the GT World Challenge Europe, two in the IMSA WeatherTech SportsCar "
        "Championship and two in the LMGT3 class of the FIA World Endurance Championship.\n",
        published=dt.date(2025, 11, 3),
    )
    entries = {
        (f["championship"], f.get("class"), f["cars"], f["season"])
        for f in facts(doc, "manufacturerEntry")
        if f["manufacturer"] == "ferrari"
    }
    assert entries == {
        ("gtwc-europe", None, 4, 2026),
        ("imsa", None, 2, 2026),
        ("fia-wec", "lmgt3", 2, 2026),
    }
