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


_CREWS = (
    "The line-ups\n\n"
    "Ford Multimatic Motorsports runs two Ford Mustang GT3s in the GTD Pro class of IMSA, and "
    "the #64 keeps its pairing of Daniel Hwang, a 33-year-old German, and the Briton Pablo "
    "Ortega, 27, who won the class together at Indianapolis last September. The #65 is shared "
    "again by the Brazilian Anders Holm and the Australian Marco Rossi. Holm and Rossi "
    "finished fifth in the class at Daytona in 2024.\n\n"
    "In the European Le Mans Series, Inter Europol Competition will run two Orecas, the #34 "
    "in LMP2 and the #43 in LMP2 Pro-Am, and returns to LMP3 with a Ligier. The #34 will be "
    "shared by Tomás Vidal, who finished second in the LMP3 standings last year, and Kenji "
    "Ota.\n"
)


def test_crews_of_numbered_cars_told_after_the_number(nlp: Language, reference: Reference) -> None:
    doc = predict(nlp, reference, _CREWS, published=dt.date(2025, 1, 22))
    numbers = {(f["s"], f.get("number")) for f in facts(doc, "drives")}
    for driver, num in (
        ("daniel-hwang", 64),
        ("pablo-ortega", 64),
        ("anders-holm", 65),
        ("marco-rossi", 65),
    ):
        assert (driver, num) in numbers, driver
    classes = {f.get("class") for f in facts(doc, "competesIn") if f["s"] == "kenji-ota"}
    assert classes == {"lmp2"}


def test_works_drivers_by_count_and_by_possessive(nlp: Language, reference: Reference) -> None:
    doc = predict(
        nlp,
        reference,
        "Ford's drivers\n\n"
        "Daniel Hwang and Pablo Ortega share the #64 Ford Mustang GT3 in IMSA. Anders Holm "
        'and Marco Rossi share the #65. "All four are Ford works drivers, and that is the '
        'point," said the programme director.\n\n'
        "Kenji Ota, Ford's other works driver in the WEC, leads the #88.\n",
        published=dt.date(2025, 1, 22),
    )
    works = {f["s"] for f in facts(doc, "worksDriverFor") if f["o"] == "ford"}
    assert works == {"daniel-hwang", "pablo-ortega", "anders-holm", "marco-rossi", "kenji-ota"}


def test_an_entry_named_x_by_team_keeps_its_whole_name(nlp: Language, reference: Reference) -> None:
    doc = predict(
        nlp,
        reference,
        "GT3\n\nHaegeli by T2 Racing's #18 Porsche 911 GT3 R (992) won the GT3 class of the "
        "Michelin Le Mans Cup, with Daniel Hwang and Pablo Ortega sharing it. WTM by Rinaldi "
        "Racing's Duqueine D09 was third in LMP3.\n",
        published=dt.date(2024, 8, 25),
    )
    forms = {m for e in doc.entities if e.type == "Team" for m in (e.name, *e.mentions)}
    assert "Haegeli by T2 Racing" in forms
    assert "WTM by Rinaldi Racing" in forms
