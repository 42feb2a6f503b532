"""Session 22: entry lists. A championship named where someone else went ("the seat of A,
who has left for the WEC") or in a clause that only conditions the statement ("once Toyota
has settled its WEC line-ups") does not become the championship of the crews that follow.
Own sentences, full pipeline."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from racegraph.evaluate import PredictedDoc
from racegraph.reference import Reference
from tests.extract._pipeline_harness import facts, predict

_IMSA_LIST = (
    "IMSA has published the entry list for the 12 Hours of Sebring, the second round of the "
    "2026 IMSA WeatherTech SportsCar Championship.\n\n"
    "Cadillac Whelen keeps Tomas Eberle and Rafael Quintero in the #31 Cadillac V-Series.R. "
    "Eberle takes the seat of Julien Marchetti, who has moved to the FIA World Endurance "
    "Championship.\n\n"
    "JDC-Miller MotorSports has the Dutchman Pieter Vos and the Brazilian Caio Lemos in the #85 "
    "Porsche 963.\n\n"
    "The Austrian Felix Aigner is expected to join Proton Competition once Ford has settled its "
    "WEC line-ups.\n\n"
    "In LMP2, AO Racing's #99 is shared by Mateo Ruiz and Owen Fitzgerald.\n"
)


@pytest.fixture(scope="module")
def imsa_list(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _IMSA_LIST, published=dt.date(2026, 3, 2))


def _championships(doc: PredictedDoc, person: str, relation: str) -> set[object]:
    key = "o" if relation == "competesIn" else "championship"
    return {f.get(key) for f in facts(doc, relation) if f["s"] == person}


@pytest.mark.parametrize("person", ["pieter-vos", "caio-lemos"])
def test_a_destination_in_a_relative_clause_sets_no_context(
    imsa_list: PredictedDoc, person: str
) -> None:
    assert _championships(imsa_list, person, "competesIn") == {"imsa"}


@pytest.mark.parametrize("person", ["mateo-ruiz", "owen-fitzgerald"])
def test_a_championship_in_a_condition_clause_sets_no_context(
    imsa_list: PredictedDoc, person: str
) -> None:
    assert _championships(imsa_list, person, "competesIn") == {"imsa"}


_ROLEX_LIST = (
    "IMSA revealed the entry list for the Rolex 24 at Daytona on Monday, and the opening round "
    "of the 2026 IMSA WeatherTech SportsCar Championship will start with 59 cars. The race "
    "gets under way on Saturday 24 January.\n\n"
    "Twelve of the 59 are GTP prototypes. Behind them come 12 entries in LMP2, 13 in GTD Pro "
    "and 22 in GTD.\n"
)


@pytest.fixture(scope="module")
def rolex_list(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _ROLEX_LIST, published=dt.date(2026, 1, 7))


def test_a_weekday_with_its_date_is_that_day(rolex_list: PredictedDoc) -> None:
    days = {f["o"] for f in facts(rolex_list, "eventDate")}
    assert dt.date(2026, 1, 24) in days
    assert dt.date(2026, 1, 3) not in days  # not the Saturday before publication


def test_the_day_a_list_was_published_dates_the_list(rolex_list: PredictedDoc) -> None:
    dated = {
        str(f["s"]): f["o"] for f in facts(rolex_list, "eventDate") if "entry-list" in str(f["s"])
    }
    assert list(dated.values()) == [dt.date(2026, 1, 5)]
    assert {f["o"] for f in facts(rolex_list, "eventOf") if f["s"] in dated} == {"imsa"}


def test_counts_of_a_race_entry_list_take_its_championship(rolex_list: PredictedDoc) -> None:
    counts = {
        (f.get("class"), f["count"], f.get("championship")) for f in facts(rolex_list, "entryCount")
    }
    assert {(None, 59, "imsa"), ("gtp", 12, "imsa"), ("gtd", 22, "imsa")} <= counts


_WEC_LIST = (
    "The FIA World Endurance Championship published its 2026 entry list on Monday.\n\n"
    "Team WRT's #46 BMW M4 LMGT3 Evo goes to the trio who are warming up in the Asian Le Mans "
    "Series this winter: the Emirati Bronze Saeed Al Nuaimi, BMW works driver Jens Aerts and "
    "the Silver-rated Dutchman Bram de Wit.\n\n"
    "Proton Competition has paired the Austrian Bronze Karl Wieser with the Finnish Silver "
    "Onni Rautio in the #88 Ford Mustang LMGT3.\n\n"
    'Iron Lynx still lists two seats as "TBC" in its #60 Mercedes-AMG LMGT3.\n'
)


@pytest.fixture(scope="module")
def wec_list(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _WEC_LIST, published=dt.date(2026, 2, 3))


@pytest.mark.parametrize("person", ["jens-aerts", "bram-de-wit", "karl-wieser", "onni-rautio"])
def test_a_winter_programme_in_a_relative_clause_is_no_context(
    wec_list: PredictedDoc, person: str
) -> None:
    assert _championships(wec_list, person, "competesIn") == {"fia-wec"}
    assert _championships(wec_list, person, "memberOf") <= {"fia-wec"}


def test_a_placeholder_is_no_team(wec_list: PredictedDoc) -> None:
    assert not [e for e in wec_list.entities if e.name.upper() == "TBC"]


def test_makes_named_after_namely_share_the_count(nlp: Language, reference: Reference) -> None:
    doc = predict(
        nlp,
        reference,
        "The FIA World Endurance Championship 2026 entry list has 36 cars. LMGT3 keeps its "
        "shape: nine manufacturers with two cars each, namely Ferrari, Porsche, BMW, Aston "
        "Martin, Lexus, Ford, Mercedes-AMG, McLaren and Corvette.\n",
        published=dt.date(2026, 2, 3),
    )
    makes = {
        f["manufacturer"]
        for f in facts(doc, "manufacturerEntry")
        if f.get("class") == "lmgt3" and f.get("cars") == 2
    }
    assert {"ferrari", "porsche", "bmw", "aston-martin", "lexus", "ford", "mclaren"} <= makes
