"""Session 27: who a description ("The Italian", "The Frenchman") refers to. A nationality
stated anywhere in the story ("X, an Austrian", "X, a 29-year-old Canadian") rules a person
out for another demonym; a description opening a sentence after one that names a single
person is that person. Own sentences, full pipeline."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from racegraph.reference import Reference
from tests.extract._pipeline_harness import facts, predict

_STOPS = (
    "Pit stops decide Sunday's race\n\n"
    "Jonas Weber, a Porsche works driver, took pole and led until the stops, but Marco Bellini "
    "stayed out longer and came back out in front. The Italian, 31 and a Ferrari works "
    "driver, won by four seconds. Weber, an Austrian, was third.\n"
)


def test_a_stated_nationality_rules_a_person_out(nlp: Language, reference: Reference) -> None:
    doc = predict(nlp, reference, _STOPS, published=dt.date(2025, 6, 9))
    nationality = {(f["s"], f["o"]) for f in facts(doc, "nationality")}
    assert ("marco-bellini", "it") in nationality
    assert ("jonas-weber", "it") not in nationality
    assert ("jonas-weber", "at") in nationality
    works = {(f["s"], f["o"]) for f in facts(doc, "worksDriverFor")}
    assert ("marco-bellini", "ferrari") in works
    assert {(f["s"], f["o"]) for f in facts(doc, "age")} == {("marco-bellini", 31)}


_CREWS = (
    "LMP3 entries complete\n\n"
    "Team A has built its #28 around Paul Girard, a 61-year-old French Bronze. Another team "
    "has picked Hugo Lemoine, 19, for its #15 Ligier. The Frenchman shares the car with "
    "Tom Baker.\n"
)


def test_a_description_after_one_named_person(nlp: Language, reference: Reference) -> None:
    doc = predict(nlp, reference, _CREWS, published=dt.date(2025, 12, 9))
    nationality = {(f["s"], f["o"]) for f in facts(doc, "nationality")}
    assert ("hugo-lemoine", "fr") in nationality
    assert ("paul-girard", "fr") in nationality


def test_an_age_description_takes_the_demonym_after_it(nlp: Language, reference: Reference) -> None:
    text = (
        "Grasser signs a junior\n\n"
        "Its first confirmed driver is Jan Nowak. The 24-year-old Pole graduates from the "
        "junior programme to a works contract.\n"
    )
    doc = predict(nlp, reference, text, published=dt.date(2025, 11, 20))
    assert ("jan-nowak", "pl") in {(f["s"], f["o"]) for f in facts(doc, "nationality")}


def test_new_car_models_are_known(nlp: Language, reference: Reference) -> None:
    text = (
        "Two new cars\n\n"
        "Pfaff Motorsports will run two Lamborghini Temerario GT3s in 2026, and Century "
        "Motorsport a McLaren Artura GT4 and a Lotus Emira GT4.\n"
    )
    doc = predict(nlp, reference, text, published=dt.date(2025, 11, 20))
    made = {(f["s"], f["o"]) for f in facts(doc, "manufacturerOf")}
    assert {
        ("lamborghini-temerario-gt3", "lamborghini"),
        ("mclaren-artura-gt4", "mclaren"),
        ("lotus-emira-gt4", "lotus"),
    } <= made


def test_irishman_and_dutchwoman(nlp: Language, reference: Reference) -> None:
    text = (
        "BMW completes its crews\n\n"
        "In the #15 he joins the Irishman Sean Byrne, 28, and the Dutchwoman Eva de Vries.\n"
    )
    doc = predict(nlp, reference, text, published=dt.date(2026, 1, 20))
    nationality = {(f["s"], f["o"]) for f in facts(doc, "nationality")}
    assert {("sean-byrne", "ie"), ("eva-de-vries", "nl")} <= nationality


def test_the_year_right_after_a_race_is_its_edition(nlp: Language, reference: Reference) -> None:
    text = (
        "Castro moves to BMW\n\n"
        "Before his Hypercar years Leo Castro won the GTD Pro class of the Rolex 24 at Daytona "
        "in 2022 with Pfaff Motorsports, and he was Porsche Carrera Cup Germany champion in "
        "2020.\n"
    )
    doc = predict(nlp, reference, text, published=dt.date(2026, 1, 20))
    races = {f["event"] for f in facts(doc, "raceResult") if "leo-castro" in f["drivers"]}
    assert races and all("2022" in str(r) for r in races)


_CATEGORIES = (
    "The 2026 categorisation list\n\n"
    "The FIA published its driver categorisation list for 2026 on Friday.\n\n"
    "The headline promotion is Jan Nowak's. The Lamborghini works driver moves from Gold "
    "to Platinum.\n\n"
    "Pedro Alvarez, the 41-year-old Spaniard who races for Proton Competition, drops from "
    "Gold to Silver.\n\n"
    "Rupert Hale, the team's 53-year-old Bronze, has been upgraded to Silver.\n"
)


def test_one_category_per_driver(nlp: Language, reference: Reference) -> None:
    doc = predict(nlp, reference, _CATEGORIES, published=dt.date(2026, 2, 3))
    cats: dict[object, set[tuple[object, object]]] = {}
    for f in facts(doc, "fiaCategory"):
        cats.setdefault(f["s"], set()).add((f["o"], f.get("previous")))
    assert cats["pedro-alvarez"] == {("silver", "gold")}
    assert cats["rupert-hale"] == {("silver", "bronze")}  # one current category: no conflict
