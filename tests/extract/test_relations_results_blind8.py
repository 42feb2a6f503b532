"""Race-report wordings found on blind sets 6 and 8: a crew in a relative clause ("A, who
shared the #63 X with B and C, had to settle for fourth"), a crew with no result cue that
"crossed the line ahead of the #N Y of D and E" (the subject crew's result, or the driverless
win of the sentence before), races described by a distance or a duration ("Saturday's
1000-kilometre race at X"), and "the Am class" next to a "Pro-Am" class. Own sentences,
full pipeline."""

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


def test_who_shared_relative_clause_is_the_crew_of_the_cue_after_it(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        "Ann Example won Sunday's race at Portimao in the European Le Mans Series. "
        "Ben Sample, who shared the #21 Oreca 07-Gibson with Cal Probe and Dan Trial, "
        "had to settle for fourth after a late stop.",
    )
    assert (4, "overall", frozenset({"ben-sample", "cal-probe", "dan-trial"})) in results(doc)


def test_crew_ahead_of_an_entry_completes_the_driverless_win_before_it(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        "Team WRT claimed victory in Saturday's race at Monza in the European Le Mans Series. "
        "Eva Demo, Finn Check and Gil Sample, who had started seventh, brought the #31 Oreca "
        "07-Gibson home two seconds ahead of the #22 United Autosports Oreca 07-Gibson of "
        "Hugo Probe and Ivo Trial.",
    )
    got = results(doc)
    assert (1, "overall", frozenset({"eva-demo", "finn-check", "gil-sample"})) in got
    assert (2, "overall", frozenset({"hugo-probe", "ivo-trial"})) in got


def test_the_pair_ahead_of_an_entry_puts_the_entry_next(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        "Saturday's race at Monza in the European Le Mans Series went to the #9 United "
        "Autosports Oreca 07-Gibson of Jan Demo and Kurt Check. The pair crossed the line "
        "three seconds ahead of the #14 Ligier JS P320 of Lars Sample and Max Probe.",
    )
    assert (2, "overall", frozenset({"lars-sample", "max-probe"})) in results(doc)


def test_a_distance_race_at_a_venue_is_the_round_itself(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        "Nora Demo and Olaf Check won Saturday's 500-kilometre race at Monza, the third round "
        "of the European Le Mans Series.",
    )
    events = {e.name for e in doc.entities if e.type == "Event"}
    assert len(events) == 1
    assert (1, "overall", frozenset({"nora-demo", "olaf-check"})) in results(doc)


def test_am_class_is_not_the_pro_am_class(nlp: Language, reference: Reference) -> None:
    doc = predict(
        nlp,
        reference,
        "Pia Demo won Sunday's race at Monza in the International GT Open. In Pro-Am, Quin "
        "Check and Rolf Sample took class honours. The Am class was won by Sven Probe and "
        "Tom Trial.",
    )
    classes = {e.name for e in doc.entities if e.type == "Class"}
    assert {"Pro-Am Cup", "Am Cup"} <= classes


def test_a_parenthetical_which_clause_keeps_the_crew_before_it(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        "Una Demo won Sunday's race at Monza in the European Le Mans Series. The #8 United "
        "Autosports Oreca 07-Gibson of Vic Check and Walt Sample, which had started from the "
        "front row, took third after a late stop.",
    )
    assert (3, "overall", frozenset({"vic-check", "walt-sample"})) in results(doc)
