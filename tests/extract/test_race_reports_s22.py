"""Session 22: race reports of title deciders. A sponsor's name before "N Hours of X" is part
of the race's name; "their first win since the 6 Hours of Imola" recalls a race and is not
the one reported; "won the class with the #92 ... of A, 41, B and C" is a class win of that
crew; "The rest of the top six: 4. Team #12 (Car); 5. ..." lists finishers; a session word
("Hyperpole") refers to the race but does not name it. Own sentences, full pipeline."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from racegraph.evaluate import PredictedDoc
from racegraph.records import EntityType
from racegraph.reference import Reference
from tests.extract._pipeline_harness import extract, facts, predict

_FINALE = (
    "Toyota won the Bapco Energies 8 Hours of Bahrain on Saturday. Kenji Arai, Luc Marchal "
    "and Pedro Sousa converted pole into a win with the #8 Toyota GR010 Hybrid, their first "
    "success since the 6 Hours of Imola in April. Arai had taken pole in Thursday's "
    "Hyperpole.\n\n"
    "The sister car finished third. The rest of the top six: 4. Cadillac Hertz Team JOTA #38 "
    "(Cadillac V-Series.R); 5. BMW M Team WRT #15 (BMW M Hybrid V8); 6. Alpine Endurance Team "
    "#35 (Alpine A424). Eighteen Hypercars took the start.\n\n"
    "In LMGT3, Manthey 1st Phorm won the class with the #91 Porsche 911 GT3 R LMGT3 of the "
    "Bronze-rated American Carl Dorsey, 44, the Silver driver Ian Mertens and Porsche works "
    "driver Axel Brandt.\n"
)


@pytest.fixture(scope="module")
def finale(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _FINALE, published=dt.date(2025, 11, 10))


def _results(doc: PredictedDoc) -> list[dict[str, object]]:
    return [dict(f) for f in facts(doc, "raceResult")]


def test_the_sponsored_race_is_the_reported_one(finale: PredictedDoc) -> None:
    events = {f["event"] for f in _results(finale)}
    assert len(events) == 1
    assert "bahrain" in str(events.pop())


def test_the_class_win_has_its_crew(finale: PredictedDoc) -> None:
    wins = [f for f in _results(finale) if f["classification"] == "lmgt3" and f["position"] == 1]
    assert len(wins) == 1
    assert set(wins[0]["drivers"]) == {"carl-dorsey", "ian-mertens", "axel-brandt"}  # type: ignore[arg-type]
    overall = [
        f for f in _results(finale) if f["classification"] == "overall" and f["position"] == 1
    ]
    assert [set(f["drivers"]) for f in overall] == [{"kenji-arai", "luc-marchal", "pedro-sousa"}]  # type: ignore[arg-type]


def test_an_inline_numbered_list_gives_places(finale: PredictedDoc) -> None:
    places = {
        f["position"]: f.get("team")
        for f in _results(finale)
        if f["classification"] == "overall" and f["position"] in (4, 5, 6)
    }
    assert places == {4: "hertz-team-jota", 5: "wrt", 6: "alpine-endurance"}


def test_a_session_word_is_no_name_of_the_race(nlp: Language, reference: Reference) -> None:
    ex = extract(nlp, reference, _FINALE, published=dt.date(2025, 11, 10))
    races = [e for e in ex.entities if "bahrain" in e.key and e.type is EntityType.EVENT]
    assert races
    assert all("Hyperpole" not in e.mentions and "Thursday" not in e.mentions for e in races)
