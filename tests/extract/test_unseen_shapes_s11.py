"""Shapes of unseen race reports and line-up stories (session 11): a class named with the
standings, a class before a car, a team's short name, a descriptor before a name, a car as
the subject of a line-up sentence and a career spell in a relative clause. Own sentences,
full pipeline."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from racegraph.reference import Reference
from tests.extract._pipeline_harness import facts, predict

_REPORT = (
    "Inter Europol Competition won the 4 Hours of Barcelona on Sunday, the third round of the "
    "2025 European Le Mans Series, with Anton Wiik and Pavel Ostrowski at the wheel of the #34 "
    "Oreca. "
)

_LINEUP = (
    "Team WRT has confirmed its line-up for the 2026 GT World Challenge Europe Endurance Cup. "
    "Valentino Rossi will drive the #46 BMW M4 GT3 with Maxime Martin. "
)


def _classes(doc: object, who: str, season: int | None = None) -> set[object]:
    return {
        f.get("class")
        for f in facts(doc, "competesIn")  # type: ignore[arg-type]
        if f["s"] == who and season in (None, f.get("season"))
    }


def _championships(doc: object, who: str) -> set[object]:
    return {
        f["o"]
        for f in facts(doc, "competesIn")  # type: ignore[arg-type]
        if f["s"] == who
    }


def test_drivers_leading_class_standings_race_in_that_class(
    nlp: Language, reference: Reference
) -> None:
    text = _REPORT + "Wiik and Ostrowski now lead the LMP2 standings by 12 points."
    doc = predict(nlp, reference, text, published=dt.date(2025, 7, 7))
    assert _classes(doc, "anton-wiik") == {"lmp2"}
    assert _classes(doc, "pavel-ostrowski") == {"lmp2"}


def test_their_lead_in_class_standings_is_the_last_crews(
    nlp: Language, reference: Reference
) -> None:
    text = _REPORT + "The result extends their lead in the LMP2 standings to 15 points."
    doc = predict(nlp, reference, text, published=dt.date(2025, 7, 7))
    assert _classes(doc, "anton-wiik") == {"lmp2"}


def test_a_class_named_as_a_past_title_is_no_standings(nlp: Language, reference: Reference) -> None:
    text = _REPORT + "Wiik and Ostrowski won the LMP3 title in 2022."
    doc = predict(nlp, reference, text, published=dt.date(2025, 7, 7))
    assert "lmp3" not in _classes(doc, "anton-wiik", 2025)


def test_a_rating_class_before_a_car_is_the_crews_class_not_a_model(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        "Garage 59 won the race at Brands Hatch on Sunday, the fourth round of the 2025 British "
        "GT Championship. The Pro-Am McLaren 720S GT3 Evo of Marcus Hale and Tom Brennan "
        "finished third overall.",
        published=dt.date(2025, 5, 12),
    )
    cars = {e.key for e in doc.entities if e.type == "CarModel"}
    assert cars == {"mclaren-720s-gt3-evo"}
    assert _classes(doc, "marcus-hale") == {"pro-am-cup"}


def test_a_car_class_opening_a_car_name_is_the_class_too(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        "IDEC Sport won the 4 Hours of Barcelona on Sunday, the third round of the 2025 "
        "European Le Mans Series. Tobias Renner and Felix Haugland brought the LMP2 Oreca of "
        "Algarve Pro Racing home in third place.",
        published=dt.date(2025, 7, 7),
    )
    assert "lmp2" in {e.key for e in doc.entities if e.type == "Class"}
    assert _classes(doc, "felix-haugland") == {"lmp2"}


def test_a_teams_short_name_is_the_team(nlp: Language, reference: Reference) -> None:
    doc = predict(
        nlp,
        reference,
        "Proton Competition won the 4 Hours of Barcelona on Sunday. The victory was Proton's "
        "second of the season.",
        published=dt.date(2025, 7, 7),
    )
    assert [e.key for e in doc.entities if e.type == "Team"] == ["proton-competition"]


def test_a_descriptor_right_before_a_name_describes_that_person(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        _LINEUP + "The third car will be shared by the German gentleman driver Tomas Neubert "
        "and Jens Liebert.",
        published=dt.date(2025, 12, 3),
    )
    nationalities = {(f["s"], f["o"]) for f in facts(doc, "nationality")}
    assert ("tomas-neubert", "de") in nationalities
    assert ("valentino-rossi", "de") not in nationalities


def test_a_car_shared_by_a_crew_is_that_crews_statement(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        _LINEUP + "A third car, entered in the Bronze Cup, is likely to be shared by Tomas "
        "Neubert, Jens Liebert and Niels Kool.",
        published=dt.date(2025, 12, 3),
    )
    assert _classes(doc, "tomas-neubert") == {"bronze-cup"}
    assert _classes(doc, "niels-kool") == {"bronze-cup"}
    assert "bronze-cup" not in _classes(doc, "valentino-rossi")


def test_a_career_spell_in_a_relative_clause_is_not_the_crews_championship(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        "Team WRT has confirmed its driver line-up for the 2026 GT World Challenge Europe "
        "Endurance Cup. Charles Weerts and Sheldon van der Linde will share the #32 entry in "
        "the Pro class with Kelvin van der Linde, who moves across from Abt Sportsline after "
        "four seasons in DTM.",
        published=dt.date(2025, 12, 3),
    )
    assert _championships(doc, "charles-weerts") == {"gtwc-europe-endurance-cup"}
    members = {(f["s"], f.get("championship")) for f in facts(doc, "memberOf")}
    assert ("charles-weerts", "dtm") not in members


def test_a_contrasting_clause_about_another_car_sets_no_context_for_the_crew(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        "The European Le Mans Series has published its 2026 entry list. Racing Spirit of Leman "
        "has two Aston Martins. The #10 is set to be driven by Callum Rennard and Etienne "
        "Roussin, while the #11 line-up remains uncertain after Max Dewael left for a GT World "
        "Challenge Europe seat with Team WRT.",
        published=dt.date(2026, 2, 6),
    )
    assert _championships(doc, "callum-rennard") == {"elms"}
    teams = {f.get("team") for f in facts(doc, "competesIn") if f["s"] == "callum-rennard"}
    assert "wrt" not in teams
