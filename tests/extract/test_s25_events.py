"""Session 25: which event a fact hangs on. A two-race weekend's crews are the round's; an
entry list belongs to its race's championship; "The race ... opens both X and its Y" makes the
race the first round of each; "since 2021" dates nothing; a full stop inside a car's name
("V-Series.R") ends no sentence. Own sentences, full pipeline."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from racegraph.evaluate import PredictedDoc
from racegraph.reference import Reference
from tests.extract._pipeline_harness import entity_types, event_key, events, facts, predict

_WEEKEND = (
    "Oulton Park splits the spoils\n\n"
    "Oulton Park hosted the fourth round of the 2025 British GT Championship on Saturday and "
    "Sunday. Race 1 went to the #7 Aston Martin Vantage AMR GT3 Evo of Mark Hale and Tom "
    "Reese. Race 2 was won by the #22 McLaren 720S GT3 Evo of Ian Ross and Paul Grey.\n"
)


@pytest.fixture(scope="module")
def weekend(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _WEEKEND, published=dt.date(2025, 6, 2))


def test_a_weekend_crew_is_the_rounds(weekend: PredictedDoc) -> None:
    evs = events(weekend)
    rnd = event_key(evs, "the fourth round of the 2025 British GT Championship")
    pairs = {(frozenset({f["s"], f["o"]}), f.get("event")) for f in facts(weekend, "coDriver")}
    assert (frozenset({"mark-hale", "tom-reese"}), rnd) in pairs
    assert (frozenset({"ian-ross", "paul-grey"}), rnd) in pairs
    # the results stay on the races
    results = {f.get("event") for f in facts(weekend, "raceResult")}
    assert rnd not in results and len(results) == 2


_ENTRIES = (
    "Fifty-eight cars for Daytona\n\n"
    "IMSA released the 58-car entry list for the 2026 Rolex 24 at Daytona on Tuesday. The race "
    "begins at 14:10 on Saturday 24 January and opens both the WeatherTech SportsCar "
    "Championship and the Michelin Endurance Cup.\n\n"
    "Wayne Taylor Racing's #10 Cadillac V-Series.R is shared by Ana Ruiz, Ben Ford and Carl "
    "Diaz, who has been with the team since 2021.\n"
)


@pytest.fixture(scope="module")
def entries(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _ENTRIES, published=dt.date(2026, 1, 14))


def test_the_race_opens_both_championships(entries: PredictedDoc) -> None:
    evs = events(entries)
    race = event_key(evs, "The race")
    assert race == event_key(evs, "Rolex 24 at Daytona")
    tied = {(f["o"], f.get("round"), f.get("season")) for f in facts(entries, "eventOf")}
    assert {(race, 1, 2026)} <= {(race, r, s) for o, r, s in tied if o == "imsa"}
    assert ("michelin-endurance-cup", 1, 2026) in tied


def test_the_edition_is_named_with_its_year(entries: PredictedDoc) -> None:
    evs = events(entries)
    assert "Rolex 24 at Daytona (2026)" in evs[event_key(evs, "The race")]


def test_an_entry_list_is_its_races_series(entries: PredictedDoc) -> None:
    lists = [k for k, ms in events(entries).items() if k.endswith("entry-list")]
    assert len(lists) == 1
    of = {(f["s"], f["o"], f.get("season")) for f in facts(entries, "eventOf")}
    assert (lists[0], "imsa", 2026) in of
    assert not any(s == lists[0] and o == "michelin-endurance-cup" for s, o, _ in of)
    counts = {(f.get("championship"), f["count"]) for f in facts(entries, "entryCount")}
    assert ("imsa", 58) in counts


def test_a_crew_of_a_car_with_a_dotted_name(entries: PredictedDoc) -> None:
    types = entity_types(entries)
    assert {types[d] for d in ("ana-ruiz", "ben-ford", "carl-diaz")} == {"Driver"}
    competes = {(f["s"], f["o"], f.get("season")) for f in facts(entries, "competesIn")}
    assert {("ana-ruiz", "imsa", 2026), ("carl-diaz", "imsa", 2026)} <= competes


def test_since_a_year_dates_nothing(entries: PredictedDoc) -> None:
    seasons = {f.get("season") for f in facts(entries, "competesIn") if f["s"] == "carl-diaz"}
    assert seasons == {2026}


_FINALE = (
    "Title decided at Jerez\n\n"
    "Nina Kos and Luca Berti won the 2025 GT World Challenge Europe Sprint Cup title at Jerez. "
    "They started the fourth and final round two points ahead. Kos and Berti won Saturday's "
    "race in the #9 Audi R8 LMS GT3 Evo II; on Sunday Omar Haddad and Jens Vik won in the #3 "
    "BMW M4 GT3 Evo.\n"
)


@pytest.fixture(scope="module")
def finale(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _FINALE, published=dt.date(2025, 10, 13))


def test_the_nth_and_final_round_is_the_rounds_phrase(finale: PredictedDoc) -> None:
    evs = events(finale)
    rnd = event_key(evs, "the fourth and final round")
    of = {(f["s"], f["o"], f.get("round")) for f in facts(finale, "eventOf")}
    assert (rnd, "gtwc-europe-sprint-cup", 4) in of
    pairs = {(frozenset({f["s"], f["o"]}), f.get("event")) for f in facts(finale, "coDriver")}
    assert (frozenset({"nina-kos", "luca-berti"}), rnd) in pairs
    assert (frozenset({"omar-haddad", "jens-vik"}), rnd) in pairs


def test_an_nth_and_final_round_of_the_season_is_not_cut(
    nlp: Language, reference: Reference
) -> None:
    text = (
        "Bahrain decides it\n\nThe 8 Hours of Bahrain, the eighth and final round of the "
        "season, went to the #7 Toyota GR010 Hybrid of Mia Holt and Tim Lenz on Saturday.\n"
    )
    doc = predict(nlp, reference, text, published=dt.date(2025, 11, 10))
    assert len(events(doc)) == 1  # the race is the round, not a second event


def test_a_race_dated_next_month_is_next_years(nlp: Language, reference: Reference) -> None:
    text = (
        "BMW line-up set\n\nAda Lind joins the #25 BMW M Hybrid V8 for the Rolex 24 at Daytona "
        "on 25 January.\n"
    )
    doc = predict(nlp, reference, text, published=dt.date(2025, 12, 2))
    key = event_key(events(doc), "Rolex 24 at Daytona")
    assert key.endswith("2026")
    dates = {(f["s"], f["o"]) for f in facts(doc, "eventDate")}
    assert (key, dt.date(2026, 1, 25)) in dates
