"""Result wordings found on blind set 6: "took class honours" with no class named there
(the class of the clause or paragraph), "ninth overall" stays overall after a class win,
a class paragraph opened by "In <class>," goes on with its class in later sentences, and
"started from pole in class" is a class pole (not merged with the overall pole). Own
sentences, full pipeline."""

from __future__ import annotations

from spacy.language import Language

from racegraph.evaluate import PredictedDoc
from racegraph.reference import Reference
from tests.extract._pipeline_harness import predict


def results(doc: PredictedDoc) -> set[tuple[object, ...]]:
    return {
        (f["position"], f["classification"], frozenset(f.get("drivers") or ()))  # type: ignore[arg-type]
        for f in (dict(x.args) for x in doc.facts if x.relation == "raceResult")
    }


def test_class_honours_take_the_class_named_after_them(nlp: Language, reference: Reference) -> None:
    doc = predict(
        nlp,
        reference,
        "Ann Example won the 6 Hours of Spa on Sunday in the FIA World Endurance Championship. "
        "Thomas Becker and Luis Moreno took class honours in LMGT3 for Heart of Racing.",
    )
    assert (1, "lmgt3", frozenset({"thomas-becker", "luis-moreno"})) in results(doc)


def test_overall_position_after_class_honours_stays_overall(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        "Dee Trial won Sunday's race at Portimao in the European Le Mans Series. In LMP2 Pro-Am, "
        "Eve Demo and Fay Check claimed class honours, finishing seventh overall.",
    )
    got = results(doc)
    crew = frozenset({"eve-demo", "fay-check"})
    assert (1, "lmp2-pro-am", crew) in got
    assert (7, "overall", crew) in got


def test_class_paragraph_goes_on_in_its_next_sentence(nlp: Language, reference: Reference) -> None:
    doc = predict(
        nlp,
        reference,
        "Gus Demo won Sunday's race at Portimao in the European Le Mans Series.\n\n"
        "In LMP3, the #11 Ligier JS P320 of Hal Sample and Ida Probe took the win. "
        "The #4 Ligier JS P320 of Jo Trial and Kai Check was second.",
    )
    assert (2, "lmp3", frozenset({"jo-trial", "kai-check"})) in results(doc)


def test_pole_in_class_is_not_merged_with_the_overall_pole(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        "Lou Demo won Sunday's race at Portimao in the European Le Mans Series after Max "
        "Sample had taken pole on Saturday.\n\nIn LMP3, Ned Probe won after he had started "
        "from pole in class.",
    )
    poles = [dict(f.args) for f in doc.facts if f.relation == "gridPosition"]
    assert all(len(p["drivers"]) == 1 for p in poles)  # type: ignore[arg-type]


def test_a_race_that_belonged_to_a_crew_is_their_win(nlp: Language, reference: Reference) -> None:
    doc = predict(
        nlp,
        reference,
        "Saturday's race at Portimao, the sixth round of the European Le Mans Series, belonged "
        "to the #22 United Autosports Oreca of Thomas Becker and Luis Moreno.",
    )
    assert (1, "overall", frozenset({"thomas-becker", "luis-moreno"})) in results(doc)
