"""A name spaCy tags as an organisation or a place inside a crew list ("the podium with
A, B and C") is a driver, not a team. Own sentences of the genre, full pipeline."""

from __future__ import annotations

import pytest
from spacy.language import Language

from racegraph.reference import Reference
from tests.extract._pipeline_harness import predict


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Algarve Pro Racing completed the podium with Paul Lafargue, Job van Uitert and "
            "Reshad de Gerus in the European Le Mans Series race at Portimao on Sunday.",
            ("Paul Lafargue", "Job van Uitert", "Reshad de Gerus"),
        ),
        (
            "TF Sport rounded out the podium with Marc Durand, Reshad Perrin and Jonas Kowal "
            "in the European Le Mans Series race at Portimao on Sunday.",
            ("Marc Durand", "Reshad Perrin", "Jonas Kowal"),
        ),
    ],
)
def test_names_in_a_crew_list_are_drivers(
    nlp: Language, reference: Reference, text: str, names: tuple[str, ...]
) -> None:
    doc = predict(nlp, reference, text)
    types = {e.name: e.type for e in doc.entities}
    for name in names:
        assert types.get(name) == "Driver", (name, types)
