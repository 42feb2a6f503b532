"""Participation that a race report's facts entail (relations/entailment.py): crews that
raced compete, a team that fields drivers competes, a membership said beside a result takes
that race's series and season. Own sentences of the genre, full pipeline."""

from __future__ import annotations

import pytest
from spacy.language import Language

from racegraph.evaluate import PredictedDoc
from racegraph.reference import Reference
from tests.extract._pipeline_harness import facts, predict

_REPORT = (
    "Ann Example, Ben Sample and Cal Probe won Sunday's four-hour race at Portimao, the "
    "fourth round of the 2024 European Le Mans Series, for United Autosports. "
)


@pytest.fixture(scope="module")
def lmp3_crew(nlp: Language, reference: Reference) -> PredictedDoc:
    """A race report with a class crew named with its car and no result of its own."""
    return predict(
        nlp,
        reference,
        _REPORT + "In LMP3, the #17 Cool Racing Ligier JS P320 of Dora Demo and Emil Trial "
        "spent the final hour in the pits with a gearbox problem.",
    )


def competes(doc: PredictedDoc, who: str) -> list[dict[str, object]]:
    return [f for f in facts(doc, "competesIn") if f["s"] == who]


def test_a_crew_named_in_a_class_without_a_result_competes_in_that_class(
    lmp3_crew: PredictedDoc,
) -> None:
    doc = lmp3_crew
    for who in ("dora-demo", "emil-trial"):
        got = competes(doc, who)
        assert got, who
        assert got[0]["o"] == "elms"
        assert got[0]["season"] == 2024
        assert got[0]["status"] == "confirmed"
        assert got[0].get("class") == "lmp3"


def test_a_team_with_drivers_in_the_race_competes_with_their_class(lmp3_crew: PredictedDoc) -> None:
    doc = lmp3_crew
    team = [f for f in facts(doc, "competesIn") if f["s"] == "cool"]
    assert len(team) == 1
    assert (team[0]["o"], team[0]["season"], team[0].get("class")) == ("elms", 2024, "lmp3")
    assert team[0]["status"] == "confirmed"


def test_a_future_event_crew_is_not_said_to_have_competed(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        "Dora Demo and Emil Trial will share the #17 Cool Racing Ligier JS P320 at the next "
        "round of the 2024 European Le Mans Series at Spa on 22 September.",
    )
    assert not [f for f in competes(doc, "dora-demo") if f.get("modality") == "raced"]


def drives(doc: PredictedDoc, who: str) -> list[dict[str, object]]:
    return [f for f in facts(doc, "drives") if f["s"] == who]


def test_a_crew_named_after_its_car_drove_it_with_its_number(lmp3_crew: PredictedDoc) -> None:
    doc = lmp3_crew
    for who in ("dora-demo", "emil-trial"):
        got = drives(doc, who)
        assert [(f["o"], f.get("number"), f["season"]) for f in got] == [
            ("ligier-js-p320", 17, 2024)
        ]


def test_a_crew_that_shared_a_car_drove_it(nlp: Language, reference: Reference) -> None:
    doc = predict(
        nlp,
        reference,
        _REPORT + "Finn Demo, Gus Trial and Hal Probe shared the #48 Oreca 07-Gibson and "
        "crossed the line ten seconds ahead of the #37 Cool Racing entry of Ivo Demo and "
        "Jan Trial.",
    )
    got = drives(doc, "finn-demo")
    assert [(f["o"], f.get("number")) for f in got] == [("oreca-07", 48)]
    assert not [f for f in drives(doc, "ivo-demo") if f["o"] == "oreca-07"]


def test_a_car_of_another_clause_is_not_the_crew_s(nlp: Language, reference: Reference) -> None:
    doc = predict(
        nlp,
        reference,
        "Kai Demo and Leo Trial finished second in Sunday's GT World Challenge Europe race at "
        "Zandvoort in their Audi R8 LMS GT3 Evo II, while the #32 Team WRT BMW of Max Demo "
        "and Ned Trial completed the podium.",
    )
    assert not [f for f in drives(doc, "max-demo") if f["o"] == "audi-r8-lms-gt3-evo-ii"]


def test_a_driver_who_raced_in_a_class_paragraph_competes_in_that_class(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        "Toyota won Sunday's 6 Hours of Imola, the second round of the 2024 FIA World "
        "Endurance Championship.\n\nThe LMGT3 class was decided on the final lap. The #92 "
        "Manthey Porsche 911 GT3 R of Marco Sala, Tom Weller and Jun Arai lost a place after "
        "a puncture.",
    )
    for who in ("marco-sala", "manthey"):
        got = competes(doc, who)
        assert [(f["o"], f["season"], f.get("class")) for f in got] == [
            ("fia-wec", 2024, "lmgt3")
        ], who
