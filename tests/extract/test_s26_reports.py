"""Session 26: race reports that place one race in two championships. "X was also round two
of Y" adds Y's round to an event the story has already placed in another championship; the
crews still compete in that first one. An edition's number ("the 52nd Six Hours of Watkins
Glen") is part of the event's name. Own sentences, full pipeline."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from racegraph.evaluate import PredictedDoc
from racegraph.extract.time import past_months
from racegraph.reference import Reference
from tests.extract._pipeline_harness import event_key, events, facts, predict

_ALSO = (
    "Watkins Glen: Acura holds on\n\n"
    "Acura Meyer Shank Racing won the 52nd Six Hours of Watkins Glen on Sunday. Nina Holt, "
    "Raul Ortega and Sam Becker shared the #93 Acura ARX-06 and took the lead of the IMSA "
    "WeatherTech SportsCar Championship with one round left.\n\n"
    "Thirty-nine cars started. Watkins Glen was also round four of the Michelin Endurance "
    "Cup.\n"
)


@pytest.fixture(scope="module")
def also(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _ALSO, published=dt.date(2025, 6, 23))


def test_an_also_round_adds_a_championship(also: PredictedDoc) -> None:
    evs = events(also)
    race = event_key(evs, "round four of the Michelin Endurance Cup")
    tied = {(f["o"], f.get("round")) for f in facts(also, "eventOf") if f["s"] == race}
    assert ("michelin-endurance-cup", 4) in tied
    assert ("imsa", None) in tied
    assert ("imsa", 4) not in tied  # the Endurance Cup's number is not IMSA's


def test_the_crew_competes_in_the_first_championship(also: PredictedDoc) -> None:
    series = {f["o"] for f in facts(also, "competesIn") if f["s"] == "nina-holt"}
    assert series == {"imsa"}


def test_an_edition_number_is_part_of_a_name(also: PredictedDoc) -> None:
    evs = events(also)
    race = event_key(evs, "Six Hours of Watkins Glen")
    assert {"the 52nd Six Hours of Watkins Glen", "52nd Six Hours of Watkins Glen"} <= set(
        evs[race]
    )


_RING = (
    "Ring: Ford wins at last\n\n"
    "HRT Ford Performance won the Nürburgring 24 Hours on Sunday, its #64 Ford Mustang GT3 "
    "finishing 40 seconds clear. Kim Lau, a Ford works driver from Norway who won the "
    "Bathurst 12 Hour in February, took the lead at the Karussell with an hour left. The "
    "#5 Porsche 911 GT3 R (992) of Dirk Adler and Max Vogt was second.\n\n"
    "The SP9 Pro-Am class went to Walkenhorst Motorsport's #34 BMW M4 GT3 Evo.\n"
)


@pytest.fixture(scope="module")
def ring(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _RING, published=dt.date(2025, 6, 23))


def test_a_race_won_in_a_relative_clause_is_not_the_story(ring: PredictedDoc) -> None:
    evs = events(ring)
    race = event_key(evs, "the Nürburgring 24 Hours")
    second = [f for f in facts(ring, "raceResult") if f["position"] == 2]
    assert second and all(f["event"] == race for f in second)


def test_sp9_classes_are_known(ring: PredictedDoc) -> None:
    results = {(f["classification"], f.get("team")) for f in facts(ring, "raceResult")}
    assert ("sp9-pro-am", "walkenhorst") in results


_FLAG = (
    "Spa: Peugeot at last\n\n"
    "The #94 Peugeot 9X8 of Peugeot TotalEnergies won the 6 Hours of Spa on Saturday.\n\n"
    "Ana Ruiz took the chequered flag after a double stint. The 31-year-old Spaniard shared "
    "the car with Leo Marchetti and Tom Fabre, and the three now lead the championship.\n"
)


def test_a_crew_joins_the_result_of_the_driver_who_took_the_flag(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(nlp, reference, _FLAG, published=dt.date(2025, 5, 12))
    winners = [f for f in facts(doc, "raceResult") if f["position"] == 1]
    assert {"ana-ruiz", "leo-marchetti", "tom-fabre"} <= {
        d for f in winners for d in f.get("drivers", ())
    }
    assert all(len(f.get("drivers", ())) != 1 for f in winners)


_CLASS_PARAGRAPH = (
    "Spa: Toyota wins, Porsche takes LMGT3\n\n"
    "The #7 Toyota GR010 Hybrid of Toyota Gazoo Racing won the 6 Hours of Spa on Saturday.\n\n"
    "LMGT3, the class for GT3 cars, gave the closest finish of the day. Manthey 1st Phorm's #91 "
    "Porsche 911 GT3 R LMGT3 held off Iron Lynx's #60 Lamborghini Huracan GT3 Evo2 by 1.2 "
    "seconds.\n\n"
    "Hyperpole had been close too: Pia Lenz beat Tom Hale by a tenth of a second.\n"
)


@pytest.fixture(scope="module")
def class_paragraph(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _CLASS_PARAGRAPH, published=dt.date(2025, 5, 12))


def test_held_off_by_a_margin_is_a_win_and_a_second_place(class_paragraph: PredictedDoc) -> None:
    placed = {
        (f["position"], f["classification"], f.get("team"))
        for f in facts(class_paragraph, "raceResult")
    }
    assert (1, "lmgt3", "manthey") in placed
    assert (2, "lmgt3", "iron-lynx") in placed


def test_a_margin_in_qualifying_is_no_race_result(class_paragraph: PredictedDoc) -> None:
    drivers = {d for f in facts(class_paragraph, "raceResult") for d in f.get("drivers", ())}
    assert not drivers & {"pia-lenz", "tom-hale"}


def test_a_month_told_in_the_past_is_the_last_such_month() -> None:
    published = dt.date(2026, 2, 10)
    assert past_months("The title was settled at the finale in October.", published) == [(36, 2025)]
    assert past_months("The squad won in January.", published) == [(14, 2026)]
    assert past_months("The team will name its drivers in March.", published) == []
    assert past_months("He said it was ready for the opener in April.", published) == []
    assert (
        past_months("He signed, whose seat was named when the list came in December.", published)
        == []
    )
    assert past_months("It was settled in October 2024.", published) == []


def test_an_event_settled_in_a_past_month_is_last_seasons(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        "Invitations handed out\n\nThe ACO has handed out its invitations for Le Mans.\n\n"
        "The European Le Mans Series title was decided at the Paul Ricard finale in October.\n",
        published=dt.date(2026, 2, 10),
    )
    seasons = {f.get("season") for f in facts(doc, "eventOf") if f["o"] == "elms"}
    assert seasons == {2025}


def test_a_title_in_apposition_is_won_by_the_team_and_its_crew(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        "Invitations\n\nThe European Le Mans Series hands out four places. IDEC Sport, crowned "
        "LMP2 champions with Paul Lafargue and Ana Sousa, receives one of them.\n",
        published=dt.date(2026, 2, 10),
    )
    won = {(f["s"], f["o"], f.get("class"), f.get("season")) for f in facts(doc, "won")}
    for who in ("idec-sport", "paul-lafargue", "ana-sousa"):
        assert (who, "elms", "lmp2", 2025) in won


_RETIRED = (
    "Portimão: United win the finale\n\n"
    "United Autosports won the 4 Hours of Portimão on Sunday. Proton Competition lost its #88 "
    "Porsche 911 GT3 R (992) to a gearbox failure in the second hour, and the #14 of Kai Berg "
    "and Ole Lund retired after contact at Turn 5.\n\n"
    "Berg will retire from professional racing at the end of the season.\n"
)


def test_a_retired_car_is_a_result_without_a_place(nlp: Language, reference: Reference) -> None:
    doc = predict(nlp, reference, _RETIRED, published=dt.date(2025, 10, 20))
    dnf = {
        (f.get("team"), tuple(f.get("drivers") or ()))
        for f in facts(doc, "raceResult")
        if f["position"] == "DNF"
    }
    assert dnf == {("proton-competition", ()), (None, ("kai-berg", "ole-lund"))}


def test_a_place_held_when_a_car_crashed_is_no_result(nlp: Language, reference: Reference) -> None:
    doc = predict(
        nlp,
        reference,
        "Ring report\n\nRowe Racing won the Nürburgring 24 Hours on Sunday. Tim Kessler, "
        "running fifth in the #64 Ford Mustang GT3, spun off at the Karussell. Max Vogt had taken "
        "pole in Saturday's Top Qualifying.\n",
        published=dt.date(2025, 6, 23),
    )
    assert all(f["position"] != 5 for f in facts(doc, "raceResult"))
    assert "top-qualifying" not in {e.key for e in doc.entities}


def test_a_disqualified_car_is_a_result_without_a_place(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        "Stewards rewrite Spa\n\nThe stewards of the 6 Hours of Spa met on Monday, a day after "
        "the race. Alpine Endurance Team's #35 Alpine A424, which had finished third on Sunday, "
        "was disqualified for an underweight car.\n",
        published=dt.date(2025, 5, 12),
    )
    dsq = [f for f in facts(doc, "raceResult") if f["position"] == "DSQ"]
    assert [f["team"] for f in dsq] == ["alpine-endurance"]


def test_the_car_retired_is_the_car_of_the_sentence_before(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        "Spa: a long night\n\nComtoyou Racing won the 24 Hours of Spa on Sunday.\n\n"
        "Ivo Marx spun Boutsen VDS's #10 Mercedes-AMG into the barrier at Blanchimont. He was "
        "unhurt, but the car was retired.\n",
        published=dt.date(2025, 6, 30),
    )
    dnf = [f for f in facts(doc, "raceResult") if f["position"] == "DNF"]
    assert [(f.get("team"), f.get("drivers")) for f in dnf] == [("boutsen-vds", ("ivo-marx",))]


@pytest.mark.parametrize("descriptor", ["the local", "local hero", "the Brazilian"])
def test_a_crew_list_reads_through_descriptors_and_origins(
    nlp: Language, reference: Reference, descriptor: str
) -> None:
    doc = predict(
        nlp,
        reference,
        "Mount Panorama\n\nTeam WRT won the Bathurst 12 Hour on Sunday. Arise Racing GT took "
        f"third place with the #26 Ferrari 296 GT3 of Ian Keel of Fiji, Tom Rudd and {descriptor} "
        "Sam Lowe.\n",
        published=dt.date(2025, 3, 3),
    )
    third = [f for f in facts(doc, "raceResult") if f["position"] == 3]
    assert [set(f["drivers"]) for f in third] == [{"ian-keel", "tom-rudd", "sam-lowe"}]


def test_an_elliptical_place_after_a_comma_is_the_entrys(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        "Imola: Porsche again\n\nPorsche Penske Motorsport won the 6 Hours of Imola on Sunday. "
        "The Cadillac of Ana Ruiz and Ben Cole was second, Peugeot TotalEnergies' #93 Peugeot "
        "9X8 third.\n",
        published=dt.date(2025, 4, 21),
    )
    third = [f for f in facts(doc, "raceResult") if f["position"] == 3]
    assert [(f.get("team"), f.get("drivers")) for f in third] == [("peugeot-totalenergies", None)]
