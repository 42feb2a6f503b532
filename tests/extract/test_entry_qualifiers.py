"""Qualifiers that come from the entry a driver is named with and from the article's focus
season: the sister car's number and model, a crew mate the rules only paired, the season of a
December story about next year.

Own sentences of the genre, through the whole pipeline (spaCy, linking, rules, classifier).
"""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from racegraph.extract.relations import learned
from racegraph.extract.relations.learned import PairModel
from racegraph.records import Extraction, Fact
from racegraph.reference import Reference
from tests.extract._pipeline_harness import extract

_SISTER = (
    "Toyota Gazoo Racing won the 24 Hours of Le Mans, round four of the FIA World Endurance "
    "Championship, on Sunday. The #8 Toyota GR010 Hybrid of Sebastien Buemi, Brendon Hartley "
    "and Ryo Hirakawa finished ahead of the sister #7 car of Kamui Kobayashi and Nyck de "
    "Vries, which was second."
)


def _extract(
    nlp: Language, reference: Reference, text: str, published: dt.date = dt.date(2024, 6, 17)
) -> Extraction:
    return extract(nlp, reference, text, published=published)


def _drives(ex: Extraction) -> dict[str, Fact]:
    return {str(f.get("s")): f for f in ex.facts if f.relation == "drives"}


def test_a_sister_car_crew_gets_the_team_model_and_its_own_number(
    nlp: Language, reference: Reference
) -> None:
    cars = _drives(_extract(nlp, reference, _SISTER))
    for driver in ("kamui-kobayashi", "nyck-de-vries"):
        assert cars[driver].get("o") == "toyota-gr010-hybrid"
        assert cars[driver].get("number") == 7
    for driver in ("sebastien-buemi", "brendon-hartley", "ryo-hirakawa"):
        assert cars[driver].get("number") == 8
    members = {
        (f.get("s"), f.get("o"))
        for f in _extract(nlp, reference, _SISTER).facts
        if f.relation == "memberOf"
    }
    assert ("kamui-kobayashi", "gazoo") in members


def test_a_learned_car_link_takes_the_number_of_the_drivers_own_entry(
    nlp: Language, reference: Reference, monkeypatch: pytest.MonkeyPatch
) -> None:
    eager = PairModel(weights={"drives": {"bias": 5.0}}, threshold=0.5)
    monkeypatch.setattr(learned, "default_model", lambda: eager)
    ex = _extract(nlp, reference, _SISTER)
    got = [f for f in ex.facts if f.evidence.rule == "learned.drives"]
    assert got, "a model that accepts every pair links the sister crew to the Toyota"
    for f in got:
        assert f.get("number") == 7, dict(f.args)


def test_a_december_entry_list_about_next_season_is_dated_next_season(
    nlp: Language, reference: Reference
) -> None:
    text = (
        "The FIA World Endurance Championship will have 36 cars in 2027, 18 in Hypercar and 18 "
        "in LMGT3, according to the entry list the series published on Thursday.\n\n"
        "Porsche has no factory entry after the end of its programme at the close of 2026. "
        "Toyota, BMW and Alpine enter two cars apiece in Hypercar."
    )
    ex = _extract(nlp, reference, text, published=dt.date(2026, 12, 4))
    entries = [f for f in ex.facts if f.relation == "manufacturerEntry"]
    assert {f.get("manufacturer") for f in entries} >= {"toyota", "bmw", "alpine"}
    assert {f.get("season") for f in entries} == {2027}


def test_a_race_report_keeps_its_own_season_when_the_lede_names_none(
    nlp: Language, reference: Reference
) -> None:
    text = (
        "Toyota Gazoo Racing won the 6 Hours of Spa, round two of the FIA World Endurance "
        "Championship, on Saturday.\n\n"
        "Toyota, BMW and Alpine enter two cars apiece in Hypercar. The team will be back in "
        "2025 and in 2026."
    )
    ex = _extract(nlp, reference, text, published=dt.date(2024, 4, 22))
    entries = [f for f in ex.facts if f.relation == "manufacturerEntry"]
    assert entries
    assert {f.get("season") for f in entries} == {2024}


def test_a_race_number_written_no_dot_is_read_and_the_evidence_keeps_the_words(
    nlp: Language, reference: Reference
) -> None:
    text = (
        "Akkodis ASP won the 6 Hours of Spa, round two of the FIA World Endurance "
        "Championship, on Saturday. The No. 87 Lexus RC F GT3 of Jose Maria Lopez and "
        "Kelvin van der Linde finished ahead of the No. 63 Ferrari 296 GT3 of "
        "Mirko Bortolotti and Andrea Caldarelli."
    )
    cars = _drives(_extract(nlp, reference, text, published=dt.date(2024, 4, 22)))
    assert cars["jose-maria-lopez"].get("number") == 87
    assert cars["mirko-bortolotti"].get("number") == 63
    assert "No. 63" in cars["mirko-bortolotti"].evidence.sentence
