"""Whole crews of a result (linking.py, relations/results.py): every name listed in a crew with
a driver is a driver; "He and B ... to win" is the pronoun's driver and B; "finishing fourth
... with A and the Australian B" adds the partners. Own sentences, full pipeline."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from racegraph.reference import Reference
from tests.extract._pipeline_harness import facts, predict


def _crews(doc: object, position: int) -> list[frozenset[str]]:
    return [
        frozenset(f["drivers"])  # type: ignore[arg-type]
        for f in facts(doc, "raceResult")  # type: ignore[arg-type]
        if f["position"] == position
    ]


def test_every_name_of_a_crew_list_with_a_driver_is_a_driver(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        "Ann Example won the 24H Series race at Mugello on Saturday. The GT4 class went to "
        "Teichmann Racing's #438 Toyota GR Supra GT4 Evo, shared by Ann Example, Marie Laurent "
        "and Tobias Kern.",
        published=dt.date(2026, 3, 30),
    )
    types = {e.key: e.type for e in doc.entities}
    assert types["marie-laurent"] == "Driver"
    assert types["tobias-kern"] == "Driver"


def test_he_and_a_partner_are_the_winning_crew(nlp: Language, reference: Reference) -> None:
    doc = predict(
        nlp,
        reference,
        "Aurelien Panis took pole for Boutsen VDS at Brands Hatch on Saturday. He and Cesar "
        "Gazeau led every lap of the race on Sunday in their Mercedes-AMG GT3 Evo to win by "
        "three seconds.",
        published=dt.date(2025, 6, 2),
    )
    assert frozenset({"aurelien-panis", "cesar-gazeau"}) in _crews(doc, 1)


def test_a_result_with_partners_after_it_is_the_whole_crews(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        "Ann Example drove a Porsche in the Intercontinental GT Challenge this year. She was "
        "fourth "
        "in the Bathurst 12 Hour in February with Ben Sample and the Australian Lachlan Reid.",
        published=dt.date(2025, 8, 14),
    )
    assert frozenset({"ann-example", "ben-sample", "lachlan-reid"}) in _crews(doc, 4)
