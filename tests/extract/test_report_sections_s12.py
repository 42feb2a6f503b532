"""Classes a race report leaves to its reader (session 12): a crew placed "in class" is in
the class of the report's section, the finishers behind an overall winner whose class is
named are in that car class (not in a driver-rating cup the winner also won), and a Super
GT car name with its maker's sub-brand inside ("Nissan Z NISMO GT500") is one car. Own
sentences, full pipeline."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from racegraph.reference import Reference
from tests.extract._pipeline_harness import facts, predict

_SUPER_GT = (
    "TOM'S won the Autopolis 450km on Sunday, the sixth round of the 2025 Super GT season, "
    "as Kenji Arai and Paolo Ferri took the #37 Toyota GR Supra to victory in the GT500 class.\n\n"
    "Arai passed the #17 Honda Civic Type R-GT of Daisuke Mori and Ivo Lindqvist with ten laps "
    "to go, and Mori and Lindqvist held on for second.\n\n"
    "In GT300, the #2 Subaru BRZ GT300 of Ryo Sato and Koji Endo won from the #9 Mercedes-AMG "
    "GT3 of Taro Kimura and Yuki Abe.\n\n"
    "The #31 Lexus RC F GT3 finished third in class, with Sho Nagai and Riku Hoshino sharing "
    "the driving.\n"
)


def _classes(doc: object, who: str) -> set[object]:
    return {
        f.get("class")
        for f in facts(doc, "competesIn")  # type: ignore[arg-type]
        if f["s"] == who and f["o"] == "super-gt"
    }


def test_a_crew_third_in_class_is_in_the_class_of_the_section(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(nlp, reference, _SUPER_GT, published=dt.date(2025, 9, 29))
    assert _classes(doc, "sho-nagai") == {"gt300"}
    assert _classes(doc, "riku-hoshino") == {"gt300"}


def test_finishers_behind_a_class_winner_overall_share_its_car_class(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(nlp, reference, _SUPER_GT, published=dt.date(2025, 9, 29))
    assert _classes(doc, "daisuke-mori") == {"gt500"}
    assert _classes(doc, "ryo-sato") == {"gt300"}


def test_an_overall_winner_s_rating_cup_is_not_the_field_s_class(
    nlp: Language, reference: Reference
) -> None:
    text = (
        "Barwell Motorsport won at Oulton Park on Monday, the second round of the 2025 British "
        "GT Championship, as Rob Collard and Lewis Proctor took the Pro-Am class win and the "
        "overall victory in the #63 Lamborghini Huracan GT3 Evo2.\n\n"
        "Ian Loggie and Jules Gounon finished second for 2 Seas Motorsport.\n"
    )
    doc = predict(nlp, reference, text, published=dt.date(2025, 4, 22))
    mates = {f.get("class") for f in facts(doc, "competesIn") if f["s"] == "ian-loggie"}
    assert mates == {None}


def test_a_sub_brand_inside_a_car_name_is_part_of_the_car(
    nlp: Language, reference: Reference
) -> None:
    text = (
        "The #23 NISMO Nissan Z NISMO GT500 of Kazu Ono and Tomo Saito completed the podium "
        "at Suzuka on Sunday in the 2025 Super GT season.\n"
    )
    doc = predict(nlp, reference, text, published=dt.date(2025, 8, 25))
    cars = {f["o"] for f in facts(doc, "drives") if f["s"] == "kazu-ono"}
    assert cars == {"nissan-z-nismo-gt500"}
    kinds = {e.key for e in doc.entities if e.type == "Class"}
    assert "class-gt500" not in kinds


def _types(doc: object) -> dict[str, str]:
    return {e.key: e.type for e in doc.entities}  # type: ignore[attr-defined]


def test_a_name_used_by_its_last_word_is_a_driver_not_a_team(
    nlp: Language, reference: Reference
) -> None:
    text = (
        "VDS Panis Racing won the 4 Hours of Imola on Sunday, the third round of the 2025 "
        "European Le Mans Series, as Baptiste Lemaire, Oskar Wennberg and Tiago Furtado brought "
        "the #48 Oreca 07 Gibson home 11.8 seconds clear of IDEC Sport.\n\n"
        "A full-course yellow in the second hour wiped out most of that margin, but Lemaire, "
        "the team's silver-rated driver, held off Gaspard Vuillemin in the #28 IDEC Sport "
        "Oreca through the final stint.\n\n"
        '"We knew the pace was there after Le Castellet," said Lemaire, 23.\n'
    )
    doc = predict(nlp, reference, text, published=dt.date(2025, 7, 7))
    assert _types(doc).get("baptiste-lemaire") == "Driver"


def test_a_name_with_a_who_clause_is_a_person(nlp: Language, reference: Reference) -> None:
    text = (
        "Team principal Fabrizio Lanza confirmed that Ewan Dalgleish, who won the Porsche "
        "Carrera Cup Italia title with the team this year, will lead the #54 entry in 2026.\n"
    )
    doc = predict(nlp, reference, text, published=dt.date(2025, 12, 9))
    assert _types(doc).get("ewan-dalgleish") == "Driver"


def test_a_noun_demonym_before_a_full_name_is_no_given_name(
    nlp: Language, reference: Reference
) -> None:
    text = (
        "The #34 will be shared by Kacper Wróbel and Briton Harvey Cole in the 2026 European "
        "Le Mans Series.\n"
    )
    doc = predict(nlp, reference, text, published=dt.date(2026, 2, 6))
    types = _types(doc)
    assert types.get("harvey-cole") == "Driver"
    assert "briton-harvey-cole" not in types


def _profile(doc: object, relation: str, who: str) -> set[object]:
    return {f["o"] for f in facts(doc, relation) if f["s"] == who}  # type: ignore[arg-type]


def test_a_rating_and_a_demonym_before_a_name_are_that_driver_s(
    nlp: Language, reference: Reference
) -> None:
    text = (
        "United Autosports won in LMP2 at Imola on Sunday with its #2 Oreca 07 Gibson, shared "
        "by the bronze-rated American Gary Holt, Piero Sanfelice and Emre Kaya. The third "
        "seat is still to be confirmed, although the silver-rated Frenchman Hugo Darras is "
        "understood to be the favourite.\n"
    )
    doc = predict(nlp, reference, text, published=dt.date(2025, 7, 7))
    assert _profile(doc, "fiaCategory", "gary-holt") == {"bronze"}
    assert _profile(doc, "fiaCategory", "hugo-darras") == {"silver"}


def test_an_apposition_with_age_rating_and_demonym_describes_the_name(
    nlp: Language, reference: Reference
) -> None:
    text = (
        "Walter Penrose, a 55-year-old bronze-rated American who contested the Asian Le Mans "
        "Series with the team last winter, is confirmed as its gentleman driver for the 2026 "
        "European Le Mans Series.\n"
    )
    doc = predict(nlp, reference, text, published=dt.date(2025, 12, 9))
    assert _profile(doc, "age", "walter-penrose") == {55}
    assert _profile(doc, "fiaCategory", "walter-penrose") == {"bronze"}
    assert _profile(doc, "nationality", "walter-penrose") == {"us"}


def test_an_age_after_a_speaker_ending_the_sentence_is_the_speaker_s(
    nlp: Language, reference: Reference
) -> None:
    text = (
        "Ethan Marlow won the three-hour race at the Nürburgring on Sunday, the fourth round "
        'of the 2025 Endurance Cup. "We have never been this strong," said Marlow, 26.\n'
    )
    doc = predict(nlp, reference, text, published=dt.date(2025, 9, 1))
    assert _profile(doc, "age", "ethan-marlow") == {26}


def test_a_championship_won_outright_in_a_who_clause(nlp: Language, reference: Reference) -> None:
    text = (
        "Manthey has named Elena Ferro, an LMGT3 newcomer who won the Porsche Carrera Cup "
        "Italia last year, for its second car in the 2026 FIA World Endurance Championship.\n"
    )
    doc = predict(nlp, reference, text, published=dt.date(2026, 2, 6))
    won = [f for f in facts(doc, "won") if f["s"] == "elena-ferro"]
    assert [(f["o"], f.get("season")) for f in won] == [("porsche-carrera-cup-italia", 2025)]


def test_a_weekday_s_qualifying_is_no_race_of_the_round(
    nlp: Language, reference: Reference
) -> None:
    text = (
        "Porsche Penske Motorsport won at Road America on Sunday, as Anders Holm and Theo "
        "Marchal brought the #7 Porsche 963 home in the eighth round of the 2025 IMSA "
        "WeatherTech SportsCar Championship.\n\n"
        "Marchal had started from pole after a record lap in Saturday's qualifying.\n"
    )
    doc = predict(nlp, reference, text, published=dt.date(2025, 8, 4))
    dates = {f["s"]: f["o"] for f in facts(doc, "eventDate")}
    assert set(dates.values()) == {dt.date(2025, 8, 3)}
    won = {f["event"] for f in facts(doc, "raceResult") if f["position"] == 1}
    assert len(won) == 1 and won <= set(dates)
