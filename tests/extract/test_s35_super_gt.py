"""Session 35: SUPER GT reports. A series with no overall order (a win is a GT500 win), the
round named by the day and the series ("Sunday's SUPER GT season opener at X"), a headline's
"with X win", an entry name ending in a capital letter before a sentence ("the #12 MARELLI
IMPUL Z. Luc Marchand ..."), "He and X qualified ninth", a series named in a quote or in
"his Formula 1 days", and a round recalled in a relative clause. Own sentences, full
pipeline."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from racegraph.evaluate import PredictedDoc
from racegraph.reference import Reference
from tests.extract._pipeline_harness import entity_types, events, facts, predict

_OPENER = (
    "Hwang and Ota start their title defence with Okayama win\n\n"
    "Daniel Hwang and Kenji Ota won Sunday's SUPER GT season opener at Okayama International "
    "Circuit in the #37 GR Supra. Pablo Ortega and Marco Rossi finished second for Cerumo.\n\n"
    "Every eye was on the #12 MARELLI IMPUL Z. Luc Marchand, the 30-year-old Frenchman, made his "
    "SUPER GT debut for Team Impul. He and Jonas Weber qualified ninth and climbed to sixth.\n"
)


@pytest.fixture(scope="module")
def opener(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _OPENER, published=dt.date(2024, 4, 15))


def _results(doc: PredictedDoc) -> set[tuple[object, ...]]:
    return {
        (f["event"], f["position"], f["classification"], tuple(sorted(f["drivers"])))  # type: ignore[arg-type]
        for f in facts(doc, "raceResult")
    }


def test_super_gt_has_no_overall_order(reference: Reference) -> None:
    top = {e.key: e.top_class for e in reference.entities}
    assert top["super-gt"] is not None and top["super-gt"].endswith("/gt500")
    assert top["fia-wec"] is None


def test_the_day_and_series_name_the_round(opener: PredictedDoc) -> None:
    evs = events(opener)
    assert len(evs) == 1, evs  # the headline's "Okayama win" is the same race
    (key,) = evs
    assert {"o": "super-gt", "s": key, "season": 2024, "round": 1} in facts(opener, "eventOf")
    assert {"s": key, "o": dt.date(2024, 4, 14)} in facts(opener, "eventDate")
    assert {"s": key, "o": "okayama"} in facts(opener, "heldAt")


def test_a_win_without_a_class_is_a_gt500_win(opener: PredictedDoc) -> None:
    (key,) = events(opener)
    results = _results(opener)
    assert (key, 1, "gt500", ("daniel-hwang", "kenji-ota")) in results
    assert (key, 2, "gt500", ("marco-rossi", "pablo-ortega")) in results
    assert not [r for r in results if r[2] == "overall"]


def test_an_entry_name_ending_in_a_capital_ends_its_sentence(opener: PredictedDoc) -> None:
    types = entity_types(opener)
    assert "luc-marchand" in types
    assert not [k for k in types if k.startswith("z-")]


def test_he_and_a_named_driver_are_one_crew(opener: PredictedDoc) -> None:
    (key,) = events(opener)
    assert (key, 6, "gt500", ("jonas-weber", "luc-marchand")) in _results(opener)
    grid = facts(opener, "gridPosition")
    assert [sorted(g["drivers"]) for g in grid if g["position"] == 9] == [  # type: ignore[call-overload]
        ["jonas-weber", "luc-marchand"]
    ]


_SEPANG = (
    "Luca Ferrante and Erik Lund won the third round of the SUPER GT season at the Sepang "
    "International Circuit.\n\n"
    "Third went to Callum Reid and Paul Girard. Reid, who won the 2025 finale at Motegi, knew "
    'the track from his Formula 1 days. "Formula 1 here was a sauna," he said.\n\n'
    "Oscar Lindqvist and Matteo Conti finished ninth for TOM'S.\n"
)


@pytest.fixture(scope="module")
def sepang(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _SEPANG, published=dt.date(2026, 6, 22))


def test_a_recalled_round_takes_no_later_result(sepang: PredictedDoc) -> None:
    ninth = [f for f in facts(sepang, "raceResult") if f["position"] == 9]
    assert len(ninth) == 1
    winners = [f for f in facts(sepang, "raceResult") if f["position"] == 1]
    assert [f["event"] for f in ninth] == [f["event"] for f in winners]


def test_a_quoted_series_is_not_the_story_series(sepang: PredictedDoc) -> None:
    series = {f["o"] for f in facts(sepang, "competesIn") if f["s"] == "oscar-lindqvist"}
    assert series == {"super-gt"}


def test_sharing_the_car_completes_a_described_crew(nlp: Language, reference: Reference) -> None:
    doc = predict(
        nlp,
        reference,
        "Luc Marchand said goodbye to SUPER GT at Motegi on Sunday. The 46-year-old finished "
        "sixth in the season finale, sharing the #3 Nissan Z NISMO GT500 with Hugo Benard.\n",
        published=dt.date(2025, 11, 4),
    )
    sixth = [f for f in facts(doc, "raceResult") if f["position"] == 6]
    assert [sorted(f["drivers"]) for f in sixth] == [["hugo-benard", "luc-marchand"]]  # type: ignore[call-overload]
    assert all(f.get("team") is None for f in sixth)  # the described driver is no team
