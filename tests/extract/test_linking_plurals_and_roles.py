"""Plural makes and models, people described by age, people named in a role, and the
prototype Pro-Am class: own sentences, full pipeline."""

from __future__ import annotations

from spacy.language import Language

from racegraph.reference import Reference
from tests.extract._pipeline_harness import predict


def _by_mention(doc: object) -> dict[str, tuple[str, str]]:
    return {
        m: (e.type, e.key)
        for e in doc.entities  # type: ignore[attr-defined]
        for m in e.mentions
    }


def test_plural_makes_and_models_are_linked(nlp: Language, reference: Reference) -> None:
    doc = predict(
        nlp,
        reference,
        "Comtoyou Racing has entered three Aston Martins, Barwell Motorsport brings two "
        "Huracans and the M4s of Team WRT face four Ferraris.",
    )
    found = _by_mention(doc)
    assert found.get("Aston Martins") == ("Manufacturer", "aston-martin"), found
    assert found.get("Ferraris") == ("Manufacturer", "ferrari"), found
    assert found.get("Huracans", ("",))[0] == "CarModel", found
    assert found.get("M4s") == ("CarModel", "bmw-m4"), found


def test_a_name_with_an_age_and_a_demonym_is_a_person(nlp: Language, reference: Reference) -> None:
    doc = predict(
        nlp,
        reference,
        "Lukas Blomkvist, the 19-year-old Swede, will drive for United Autosports in the "
        "European Le Mans Series.",
    )
    found = _by_mention(doc)
    assert found.get("Lukas Blomkvist", ("",))[0] in {"Driver", "Person"}, found


def test_a_person_who_runs_a_team_is_no_driver(nlp: Language, reference: Reference) -> None:
    doc = predict(
        nlp,
        reference,
        "Lukas Demo, who runs Proton Competition, said the team would race in the FIA World "
        "Endurance Championship.",
    )
    assert _by_mention(doc).get("Lukas Demo") == ("Person", "lukas-demo")


def test_the_pro_am_class_of_a_prototype_article(nlp: Language, reference: Reference) -> None:
    doc = predict(
        nlp,
        reference,
        "Peter Probe won the LMP2 Pro-Am class in the European Le Mans Series. In the Pro-Am "
        "class, Hans Demo was second for United Autosports.",
    )
    classes = {e.key for e in doc.entities if e.type == "Class"}
    assert "lmp2-pro-am" in classes and "pro-am-cup" not in classes, classes


def test_the_pro_am_cup_stays_a_cup(nlp: Language, reference: Reference) -> None:
    doc = predict(
        nlp,
        reference,
        "Peter Probe won the Pro-Am class and Hans Demo the Gold Cup in the GT World Challenge "
        "Europe with Team WRT.",
    )
    classes = {e.key for e in doc.entities if e.type == "Class"}
    assert "pro-am-cup" in classes, classes
