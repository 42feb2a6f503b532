"""Names the linker used to get wrong in race reports: a car model named with its evolution
("NSX GT3 Evo"), a crew mate followed by "whose", a driver who "brought the car home", a
place named as what was won ("a Le Mans winner") and races named "<name> 24".

Own sentences of the genre, through the whole pipeline.
"""

from __future__ import annotations

from spacy.language import Language

from racegraph.records import EntityType, Extraction
from racegraph.reference import Reference
from tests.extract._pipeline_harness import extract


def _types(ex: Extraction) -> dict[str, EntityType]:
    return {e.key: e.type for e in ex.entities}


def _mentions(ex: Extraction, key: str) -> tuple[str, ...]:
    return next(e.mentions for e in ex.entities if e.key == key)


def test_an_evolution_suffix_belongs_to_the_car_not_to_a_driver(
    nlp: Language, reference: Reference
) -> None:
    ex = extract(
        nlp,
        reference,
        "Mika Sato and Jonas Brandt finished fourth in the Nova Race Honda NSX GT3 Evo, ahead "
        "of the Audi R8 LMS Evo II of Lena Vogt.",
    )
    types = _types(ex)
    assert "evo" not in types
    assert "Honda NSX GT3 Evo" in _mentions(ex, "honda-nsx-gt3")
    assert types["honda-nsx-gt3"] is EntityType.CAR_MODEL
    assert any("Evo II" in m for m in _mentions(ex, "audi-r8-lms-gt3"))


def test_the_last_of_a_crew_before_whose_is_a_driver_and_an_entrant_stays_a_team(
    nlp: Language, reference: Reference
) -> None:
    crew = extract(
        nlp,
        reference,
        "The Silver class went to Pedro Lanza and Arne Voss, whose Audi R8 LMS GT3 finished "
        "ninth overall.",
    )
    assert _types(crew)["arne-voss"] is EntityType.DRIVER
    entrant = extract(
        nlp,
        reference,
        "Kessel Blaufeld, whose Audi R8 LMS GT3 finished ninth overall, won the Silver class.",
    )
    assert _types(entrant)["kessel-blaufeld"] is EntityType.TEAM


def test_a_driver_who_brought_the_car_home_is_no_team(nlp: Language, reference: Reference) -> None:
    ex = extract(
        nlp,
        reference,
        "Tomas Ruiz built an early lead in the #4 car, and Hugo Lamarque brought the car home "
        "four seconds clear of the field.",
    )
    assert _types(ex)["hugo-lamarque"] is EntityType.DRIVER
    fielding = extract(nlp, reference, "Kessel Blaufeld will bring two cars to Imola.")
    assert _types(fielding)["kessel-blaufeld"] is EntityType.TEAM


def test_a_place_named_as_what_was_won_is_its_race(nlp: Language, reference: Reference) -> None:
    ex = extract(
        nlp,
        reference,
        "Calado, a two-time Le Mans winner, returns. He finished fifth at Le Mans last year.",
    )
    events = [e for e in ex.entities if e.type is EntityType.EVENT]
    assert [e.mentions for e in events] == [("Le Mans",)]
    assert _types(ex)["le-mans"] is EntityType.VENUE  # "at Le Mans" is the place


def test_a_race_named_name_24_is_one_event_with_or_without_its_place(
    nlp: Language, reference: Reference
) -> None:
    ex = extract(
        nlp,
        reference,
        "The season opens with the Rolex 24 at Daytona in January. Herta joins the crew for the "
        "Rolex 24 and for Sebring.",
    )
    events = [e for e in ex.entities if e.type is EntityType.EVENT]
    assert len(events) == 1
    assert set(events[0].mentions) >= {"the Rolex 24 at Daytona", "the Rolex 24"}


def test_a_series_named_in_full_is_that_series_and_a_demonym_opening_a_name_is_no_person(
    nlp: Language, reference: Reference
) -> None:
    ex = extract(
        nlp,
        reference,
        "Kai Brandt won at Spa in the GT4 European Series. He also races in the IMSA series and "
        "raced in the British Touring Car Championship.",
    )
    champs = {e.key: e.mentions for e in ex.entities if e.type is EntityType.CHAMPIONSHIP}
    assert set(champs) == {"gt4-european-series", "imsa", "btcc"}
    assert "the IMSA series" in champs["imsa"]  # the name, not an anaphor of the GT4 series
