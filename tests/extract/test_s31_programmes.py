"""Session 31: a manufacturer's programmes in several championships. A class of one
championship ("GTD Pro": IMSA) carried by context into the next paragraph does not become the
class of an entry in another championship (the WEC). Own sentences, full pipeline."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from racegraph.reference import Reference
from tests.extract._pipeline_harness import facts, predict

_PLAN = (
    "Ford's plans\n\n"
    "Ford Multimatic Motorsports runs two Mustang GT3s in the GTD Pro class of the IMSA "
    "WeatherTech SportsCar Championship, with Daniel Hwang and Pablo Ortega in the #64.\n\n"
    "The FIA World Endurance Championship programme stays with Proton Competition, which will "
    "again run two Ford Mustang LMGT3s. Anders Holm and Marco Rossi continue in the #77.\n"
)


def test_a_class_of_one_series_is_not_carried_into_another(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(nlp, reference, _PLAN, published=dt.date(2025, 1, 22))
    wec = [f for f in facts(doc, "competesIn") if f["o"] == "fia-wec"]
    assert wec
    assert not [f for f in wec if f.get("class") == "gtd-pro"]
