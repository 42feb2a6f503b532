"""A car races in the classes its regulations are admitted to (session 15): in a story that
names the championship's classes, a class-less entry takes the one class that admits its
car's regulations (an LMH or LMDh car is a Hypercar, a GT3 car an LMGT3), even after an
"In LMGT3, ..." frame. Own sentences, full pipeline."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from racegraph.reference import Reference
from tests.extract._pipeline_harness import facts, predict

_PREVIEW = (
    "The FIA World Endurance Championship opens in Qatar on Friday, with 18 cars in the "
    "Hypercar class and 18 in LMGT3.\n\n"
    "Eight makes are represented in the top class. In LMGT3, nine makes bring two cars "
    "each.\n\n"
    "Toyota Gazoo Racing has kept Lucas Moreau and Daniel Harper in the #8 GR010 Hybrid.\n\n"
    "Manthey Racing keeps Thomas Weber in the #92 Porsche 911 GT3 R.\n"
)


def _classes(doc: object, driver: str) -> set[object]:
    return {
        f.get("class")
        for f in facts(doc, "competesIn")  # type: ignore[arg-type]
        if f["s"] == driver and f["o"] == "fia-wec"
    }


def test_an_lmh_car_is_a_hypercar_after_an_lmgt3_frame(nlp: Language, reference: Reference) -> None:
    doc = predict(nlp, reference, _PREVIEW, published=dt.date(2025, 2, 24))
    assert _classes(doc, "daniel-harper") == {"hypercar"}
    assert _classes(doc, "lucas-moreau") == {"hypercar"}


def test_a_gt3_car_is_an_lmgt3(nlp: Language, reference: Reference) -> None:
    doc = predict(nlp, reference, _PREVIEW, published=dt.date(2025, 2, 24))
    assert _classes(doc, "thomas-weber") == {"lmgt3"}


def test_every_car_regulation_is_admitted_by_some_class(reference: Reference) -> None:
    admitted = {iri for e in reference.entities for iri in e.admits}
    built = {e.built_to for e in reference.entities if e.built_to is not None}
    assert built and built <= admitted
    hypercar = reference.lookup("Hypercar")[0]
    assert reference.lookup("499P")[0].built_to in hypercar.admits
    assert reference.lookup("Porsche 963")[0].built_to in hypercar.admits
