"""LMGT3 cars and a name described by the next sentence (session 16): "296 LMGT3" is the
Ferrari 296 LMGT3 (a GT3 car in its WEC specification, its own model as makers and the gold
name it), not the class; a name an organisation tag took ("Lachlan Brereton") is a person
when the next sentence describes it by an age ("The 22-year-old Australian ..."). Own
sentences, full pipeline."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from racegraph.reference import Reference
from tests.extract._pipeline_harness import facts, predict

_SEAT = (
    "His LMGT3 seat goes to Lachlan Brereton. The 22-year-old Australian, who tested the 296 "
    "LMGT3 at Vallelunga in December, will share the #54 with the American Dwight Halvorsen.\n"
)


def test_lmgt3_cars_are_their_own_models(reference: Reference) -> None:
    hits = reference.lookup("296 LMGT3")
    assert hits and hits[0].key == "ferrari-296-lmgt3"
    assert hits[0].built_to == "https://w3id.org/racegraph/id/class/gt3"
    mclaren = reference.lookup("720S LMGT3 Evo")
    assert mclaren and mclaren[0].key == "mclaren-720s-lmgt3-evo"


def test_an_aged_description_next_makes_a_person(nlp: Language, reference: Reference) -> None:
    doc = predict(nlp, reference, _SEAT, published=dt.date(2026, 1, 20))
    assert {"s": "lachlan-brereton", "o": 22} in [
        {"s": f["s"], "o": f["o"]} for f in facts(doc, "age")
    ]
    assert ("lachlan-brereton", "au") in {(f["s"], f["o"]) for f in facts(doc, "nationality")}
    tested = {(f["s"], f["o"]) for f in facts(doc, "tested")}
    assert ("lachlan-brereton", "ferrari-296-lmgt3") in tested
