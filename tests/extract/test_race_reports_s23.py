"""Session 23: what a race report of a winter series says in passing. A split season ("the
2024-25 season") is labelled by the year its races end; three names listed before a verb are
a crew, not a team; an FIA category can stand for its driver ("Moreau, a 24-year-old
Belgian Silver"); who leads the standings competes; the Asian Le Mans Series' bare "GT" is
its class where a class belongs; "N cars took the start: ..." counts the field; a demonym
refers back, not forward; a paragraph that opens "For 2026" or "Last year" frames the
seasons of its sentences; "in IMSA" is the championship. Own sentences, full pipeline."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from racegraph.evaluate import PredictedDoc
from racegraph.reference import Reference
from tests.extract._pipeline_harness import entity_types, facts, predict

_WINTER = (
    "Nielsen Racing wins in Sepang as the Asian Le Mans Series heads to Dubai\n\n"
    "Nielsen Racing won the third round of the 2025-26 Asian Le Mans Series at Sepang "
    "International Circuit on Saturday. Brock Fairbanks, Pierre Moreau and Jonas Berglund "
    "brought the #24 Oreca 07 Gibson home nine seconds clear of the #9 of Iron Lynx.\n\n"
    "Moreau, a 24-year-old Belgian Silver, started from pole. Berglund, the Swede who is the "
    "crew's Bronze, drove the middle stint. Kenji Arai had qualified the #9 second. The "
    "Japanese shares the car with the Danish Bronze Mikkel Holm and the Spaniard Raul Ortega.\n\n"
    "In LMP3, the #30 Ligier JS P320 of CLX Motorsport won. Henri Favre, a 51-year-old French "
    "Bronze, the Japanese Ryo Sato and the Austrian Lukas Brandl now "
    "lead the class by 12 points.\n\n"
    "Garage 59 won GT with the #58 McLaren 720S GT3 Evo. Thirty-eight cars took the start: the "
    "14 Oreca 07 Gibsons of LMP2, ten LMP3 cars and 14 in GT. The Frenchman Paul Girard was "
    "quickest in GT racing practice.\n"
)


@pytest.fixture(scope="module")
def winter(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _WINTER, published=dt.date(2025, 12, 14))


def test_a_split_season_is_the_year_its_races_end(winter: PredictedDoc) -> None:
    rounds = [f for f in facts(winter, "eventOf") if f.get("round") == 3]
    assert rounds and {f["season"] for f in rounds} == {2026}
    seasons = {f["season"] for f in facts(winter, "competesIn") if f["s"] == "jonas-berglund"}
    assert seasons == {2026}


def test_a_listed_crew_is_people(winter: PredictedDoc) -> None:
    types = entity_types(winter)
    assert types["brock-fairbanks"] == "Driver"
    drivers = {f["s"] for f in facts(winter, "drives") if f.get("number") == 24}
    assert {"brock-fairbanks", "jonas-berglund", "pierre-moreau"} <= drivers


def test_a_category_stands_for_its_driver(winter: PredictedDoc) -> None:
    cats = {(f["s"], f["o"]) for f in facts(winter, "fiaCategory")}
    assert ("pierre-moreau", "silver") in cats
    assert ("jonas-berglund", "bronze") in cats
    assert ("henri-favre", "bronze") in cats
    assert ("mikkel-holm", "bronze") in cats  # "the Danish Bronze Mikkel Holm": the name after
    assert not {c for s, c in cats if s == "kenji-arai"}
    nats = {(f["s"], f["o"]) for f in facts(winter, "nationality")}
    assert {("pierre-moreau", "be"), ("henri-favre", "fr"), ("mikkel-holm", "dk")} <= nats


def test_a_demonym_refers_back(winter: PredictedDoc) -> None:
    nats = {(f["s"], f["o"]) for f in facts(winter, "nationality")}
    assert ("kenji-arai", "jp") in nats  # "The Japanese shares the car": Arai, named before


def test_standings_leaders_compete_in_the_class(winter: PredictedDoc) -> None:
    leaders = {
        f["s"]
        for f in facts(winter, "competesIn")
        if f["o"] == "asian-le-mans-series" and f.get("class") == "lmp3"
    }
    assert {"henri-favre", "lukas-brandl"} <= leaders


def test_bare_gt_is_the_class(winter: PredictedDoc) -> None:
    wins = [
        f
        for f in facts(winter, "raceResult")
        if f.get("team") == "garage-59" and f["position"] == 1
    ]
    assert wins and wins[0]["classification"] == "gt-class"
    assert not [f for f in facts(winter, "competesIn") if f["s"] == "paul-girard"]


def test_the_starting_field_is_counted(winter: PredictedDoc) -> None:
    counts = {
        (f.get("class"), f["count"])
        for f in facts(winter, "entryCount")
        if f["championship"] == "asian-le-mans-series"
    }
    assert {(None, 38), ("lmp2", 14), ("lmp3", 10), ("gt-class", 14)} <= counts


_PLANS = (
    "Ford names its drivers for 2027\n\n"
    "Ford will enter two Hypercars in the FIA World Endurance Championship from 2027 with "
    "Jonas Eklund and Pedro Salgado.\n\n"
    "For 2026 the pair keep their current seats. Eklund and Salgado stay with Ford Multimatic "
    "Motorsports in IMSA, in the #65 and #64 Ford Mustang GT3s respectively.\n\n"
    "Last year brought a first title for Salgado. He raced for Ford Multimatic Motorsports "
    "and won at Road America.\n\n"
    "IMSA has confirmed 45 full-season entries for the new season.\n"
)


@pytest.fixture(scope="module")
def plans(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _PLANS, published=dt.date(2026, 2, 24))


def test_a_paragraph_opening_names_its_season(plans: PredictedDoc) -> None:
    seats = {(f["s"], f["season"]) for f in facts(plans, "drives")}
    assert ("jonas-eklund", 2026) in seats
    assert not {s for s, y in seats if y == 2027}


def test_in_imsa_is_the_championship(plans: PredictedDoc) -> None:
    champs = {f["o"] for f in facts(plans, "competesIn") if f["s"] == "jonas-eklund"}
    assert "imsa" in champs
    types = entity_types(plans)
    assert types.get("international-motor-sports-association") == "Organisation"
