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


def test_a_name_owning_a_driver_is_a_team(nlp: Language, reference: Reference) -> None:
    doc = predict(
        nlp,
        reference,
        "Kessler Dunn's Marco Demo, who shared the #71 Ferrari 296 GT3 with Ivo Check, "
        "finished sixth in the GT World Challenge Europe race at Zandvoort on Sunday.",
    )
    types = {e.name: e.type for e in doc.entities}
    assert types.get("Kessler Dunn") == "Team", types
    assert types.get("Marco Demo") == "Driver", types


def test_a_one_word_name_owning_a_car_is_the_team_named_with_a_suffix(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        "The #77 Halloran Motorsport crew of Ann Demo and Ben Check took fourth in the GT "
        "World Challenge Europe race at Zandvoort on Sunday. Halloran's Lamborghini had "
        "started from 19th on the grid.",
    )
    teams = [e for e in doc.entities if "Halloran" in e.name]
    assert len(teams) == 1, teams
    assert teams[0].type == "Team"
    assert {"Halloran", "Halloran Motorsport"} <= set(teams[0].mentions) | {teams[0].name}


def test_a_driver_with_his_car_stays_a_driver(nlp: Language, reference: Reference) -> None:
    doc = predict(
        nlp,
        reference,
        "Jack Demo's BMW M4 GT3 was hit at the first corner of the GT World Challenge "
        "Europe race at Zandvoort on Sunday.",
    )
    types = {e.name: e.type for e in doc.entities}
    assert types.get("Jack Demo") == "Driver", types
