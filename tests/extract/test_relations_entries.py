"""The article's entry table (relations/entries.py): a crew named with only part of its entry
(its make, "the sister" car) takes the team and car of the entry described elsewhere in the
article. Own sentences of the genre, full pipeline."""

from __future__ import annotations

from spacy.language import Language

from racegraph.evaluate import PredictedDoc
from racegraph.reference import Reference
from tests.extract._pipeline_harness import facts, predict

_OPEN = (
    "Porsche Penske Motorsport's Ann Example, Ben Sample and Cal Probe won Sunday's six-hour "
    "race at Spa, the third round of the 2024 FIA World Endurance Championship. "
)


def of(doc: PredictedDoc, relation: str, who: str) -> list[dict[str, object]]:
    return [f for f in facts(doc, relation) if f["s"] == who]


def test_a_crew_named_with_the_make_of_an_entry_described_earlier_takes_its_team_and_car(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        _OPEN + "They finished ten seconds clear of the #40 Wayne Taylor Racing Acura ARX-06.\n\n"
        "Dan Demo and Eve Trial finished second in the Acura after a late stop.",
    )
    for who in ("dan-demo", "eve-trial"):
        member = of(doc, "memberOf", who)
        assert [(f["o"], f["championship"], f["season"]) for f in member] == [
            ("wayne-taylor", "fia-wec", 2024)
        ], who
        cars = of(doc, "drives", who)
        assert [(f["o"], f.get("number"), f["season"]) for f in cars] == [
            ("acura-arx-06", 40, 2024)
        ], who
        assert cars[0].get("team") == "wayne-taylor"


def test_a_make_shared_by_two_earlier_entries_is_not_resolved(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        _OPEN + "They finished ahead of the #40 Wayne Taylor Racing Acura ARX-06 and the #10 "
        "Andretti Global Acura ARX-06.\n\n"
        "Dan Demo and Eve Trial finished fourth in the Acura after a late stop.",
    )
    assert not of(doc, "memberOf", "dan-demo")
    assert not of(doc, "drives", "dan-demo")


def test_the_sister_car_of_a_make_belongs_to_the_team_of_the_last_entry_of_that_make(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        _OPEN + "The sister #6 Porsche of Dan Demo and Eve Trial finished fourth after a puncture.",
    )
    for who in ("dan-demo", "eve-trial"):
        member = of(doc, "memberOf", who)
        assert [(f["o"], f["season"]) for f in member] == [("penske", 2024)], who


def test_a_crew_of_another_season_named_in_the_report_is_not_joined_to_the_entry(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        "Ann Example and Ben Sample won Sunday's six-hour race at Spa, the third round of the "
        "2024 FIA World Endurance Championship, in the #8 Toyota Gazoo Racing Toyota GR010 "
        "Hybrid.\n\nToyota last won here in 2019, when Ann Example shared the car with Gus "
        "Old.",
    )
    assert not [f for f in of(doc, "drives", "gus-old") if f["season"] == 2024]
    assert not [f for f in of(doc, "memberOf", "gus-old") if f["season"] == 2024]
