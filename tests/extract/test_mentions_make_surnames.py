"""A person whose surname is a make ("AF Corse boss Amato Ferrari") is a person when the text
names a role or a speaker, not the make with a stray first name. Own sentences, full
pipeline."""

from __future__ import annotations

import pytest
from spacy.language import Language

from racegraph.reference import Reference
from tests.extract._pipeline_harness import facts, predict


@pytest.mark.parametrize(
    "text",
    [
        "Proton Competition boss Lukas Ferrari said the team would return to the FIA World "
        "Endurance Championship in 2026.",
        "Lukas Ferrari, who runs Proton Competition, said the team would return to the FIA "
        "World Endurance Championship in 2026.",
    ],
)
def test_a_team_boss_named_like_a_make_is_a_person(
    nlp: Language, reference: Reference, text: str
) -> None:
    doc = predict(nlp, reference, text)
    names = {e.name: e.type for e in doc.entities}
    assert names.get("Lukas Ferrari") in {"Person", "Driver"}, names
    principals = {(f["s"], f["o"]) for f in facts(doc, "teamPrincipal")}
    assert principals == {("proton-competition", "lukas-ferrari")}


def test_a_make_before_a_model_stays_a_make(nlp: Language, reference: Reference) -> None:
    doc = predict(
        nlp,
        reference,
        "Lukas Demo said the Ferrari 499P was the car to beat in the FIA World Endurance "
        "Championship.",
    )
    assert "ferrari" in {e.key for e in doc.entities if e.type == "Manufacturer"}
