"""Session 24: a championship finale, a mid-season round, a Hyperpole list and a Test Day
report. Champions named by a second verb of their sentence are all champions; a title won
"with" a crew is the crew's too; "won at Imola" names the race held there even when another
race is named later in the clause; a numbered list under a Hyperpole header is the grid's
order; places at a test day are tests, not results of the race it is for; "won at Spa last
month with A and B" is a win of this season's race there. Own sentences, full pipeline."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from racegraph.evaluate import PredictedDoc
from racegraph.reference import Reference
from tests.extract._pipeline_harness import entity_types, event_key, events, facts, predict

_FINALE = (
    "United Autosports win at Portimão, Algarve Pro Racing take the crown\n\n"
    "United Autosports won the 4 Hours of Portimão on Saturday. Lena Vogt, Marc Delaunay and "
    "Rui Fontes finished fifth in the #25 Oreca 07 Gibson and are the 2025 European Le Mans "
    "Series LMP2 champions. Algarve Pro Racing also takes the LMP2 teams' title.\n\n"
    "Proton Competition wrapped up the LMP2 Pro-Am title with Tomas Lind, Erik Sand and Jan "
    "Holm.\n"
)


@pytest.fixture(scope="module")
def finale(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _FINALE, published=dt.date(2025, 10, 20))


def test_champions_named_by_a_second_verb(finale: PredictedDoc) -> None:
    crew = {"lena-vogt", "marc-delaunay", "rui-fontes"}
    won = {(f["s"], f.get("class")) for f in facts(finale, "won") if f["o"] == "elms"}
    assert {(d, "lmp2") for d in crew} <= won
    titles = {f["s"]: f.get("discipline") for f in facts(finale, "title")}
    assert crew <= set(titles)
    assert all(titles[d] is None for d in crew)  # "champions" of a crew: no career label


def test_a_title_won_with_a_crew(finale: PredictedDoc) -> None:
    won = {(f["s"], f.get("class")) for f in facts(finale, "won") if f["o"] == "elms"}
    assert ("algarve-pro", "lmp2") in won  # the team's reference key
    for who in ("tomas-lind", "erik-sand", "jan-holm"):
        assert (who, "lmp2-pro-am") in won


_ROUND = (
    "ELMS at Imola: a double for the #30\n\n"
    "Sunday's 4 Hours of Imola was the third round of the 2025 European Le Mans Series. The "
    "#30 Oreca 07 Gibson of Jean Corbeil, Aku Lehto and Peter Brandt won at Imola from pole, "
    "six weeks after winning the 4 Hours of Le Castellet.\n\n"
    "In LMP2 Pro/Am, Olaf Dahl and Ivo Marin won in the #21 Oreca. The Le Castellet winner, "
    "the #83 of Rafa Soler and Tim Baker, was second in class.\n"
)


@pytest.fixture(scope="module")
def round_doc(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _ROUND, published=dt.date(2025, 7, 8))


def test_won_at_a_place_names_the_race_held_there(round_doc: PredictedDoc) -> None:
    imola = event_key(events(round_doc), "4 Hours of Imola")
    wins = {
        f["event"]
        for f in facts(round_doc, "raceResult")
        if f["position"] == 1 and "jean-corbeil" in (f.get("drivers") or ())
    }
    assert imola in wins


def test_a_pro_slash_am_class(round_doc: PredictedDoc) -> None:
    assert entity_types(round_doc).get("lmp2-pro-am") == "Class"
    classes = {f["classification"] for f in facts(round_doc, "raceResult")}
    assert "lmp2-pro-am" in classes
    assert "am-cup" not in classes


_HYPERPOLE = (
    "Moser on pole at Spa\n\n"
    "Kai Moser starts the TotalEnergies 6 Hours of Spa-Francorchamps from pole position "
    "tomorrow.\n\n"
    "Hyperpole positions in Hypercar:\n"
    "1. Kai Moser, #5 Porsche 963 (Porsche Penske Motorsport), 2m01.114s\n"
    "2. Luis Ortega, #83 Ferrari 499P (AF Corse), +0.136s\n"
    "3. Hanna Berg, #93 Peugeot 9X8 (Peugeot TotalEnergies), +0.201s\n"
)


@pytest.fixture(scope="module")
def hyperpole(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _HYPERPOLE, published=dt.date(2025, 5, 9))


def test_a_hyphenated_place_stays_in_the_event_name(hyperpole: PredictedDoc) -> None:
    assert any(
        m.endswith("TotalEnergies 6 Hours of Spa-Francorchamps")
        for ms in events(hyperpole).values()
        for m in ms
    )


def test_a_hyperpole_list_is_the_qualifying_order(hyperpole: PredictedDoc) -> None:
    race = event_key(events(hyperpole), "the TotalEnergies 6 Hours of Spa-Francorchamps")
    grid = {
        (f["drivers"], f["position"], f["kind"])
        for f in facts(hyperpole, "gridPosition")
        if f["event"] == race
    }
    assert {(("luis-ortega",), 2, "qualifying"), (("hanna-berg",), 3, "qualifying")} <= grid
    assert not facts(hyperpole, "raceResult")


_TEST_DAY = (
    "Toyota quickest at the Test Day\n\n"
    "Paolo Rizzi topped the timesheets at the Test Day for the 24 Hours of Le Mans on Sunday. "
    "Tom Ekberg was second fastest in the #8 Toyota TR010 Hybrid of Toyota Gazoo Racing.\n\n"
    "Kevin Lutz, who won at Spa last month with Ali Demir and Sven Moll, was third in the #6 "
    "Porsche 963. The race is the fourth round of the FIA World Endurance Championship.\n"
)


@pytest.fixture(scope="module")
def day_report(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _TEST_DAY, published=dt.date(2025, 6, 9))


def test_the_day_dates_the_test_not_the_race(day_report: PredictedDoc) -> None:
    evs = events(day_report)
    test = event_key(evs, "Test Day")
    race = event_key(evs, "the 24 Hours of Le Mans")
    dates = {(f["s"], f["o"]) for f in facts(day_report, "eventDate")}
    assert (test, dt.date(2025, 6, 8)) in dates
    assert (race, dt.date(2025, 6, 8)) not in dates


def test_test_day_places_are_tests(day_report: PredictedDoc) -> None:
    test = event_key(events(day_report), "Test Day")
    tested = {(f["s"], f["o"], f.get("event")) for f in facts(day_report, "tested")}
    assert ("tom-ekberg", "toyota-tr010-hybrid", test) in tested
    assert not [f for f in facts(day_report, "raceResult") if "tom-ekberg" in f["drivers"]]


def test_a_win_last_month_with_a_crew(day_report: PredictedDoc) -> None:
    won = {f["s"]: f["o"] for f in facts(day_report, "won")}
    assert {"kevin-lutz", "ali-demir", "sven-moll"} <= set(won)
    held = {(f["s"], f["o"]) for f in facts(day_report, "heldAt")}
    assert (won["kevin-lutz"], "spa-francorchamps") in held


def test_a_day_before_an_event_name_is_part_of_a_surface_form(round_doc: PredictedDoc) -> None:
    evs = events(round_doc)
    assert event_key(evs, "Sunday's 4 Hours of Imola") == event_key(evs, "4 Hours of Imola")


def test_the_winner_at_a_place_won_the_race_named_there(round_doc: PredictedDoc) -> None:
    evs = events(round_doc)
    assert event_key(evs, "Le Castellet") == event_key(evs, "the 4 Hours of Le Castellet")


_PREVIEW = (
    "Petit Le Mans decides the GTP title\n\n"
    "The 2025 IMSA WeatherTech SportsCar Championship ends at Road Atlanta on Saturday. "
    "Action Express finished fourth in the Rolex 24 at Daytona in January.\n\n"
    "Hugo Brandt, Lars Eide and Tom Nash won the Road America round on 3 August in the #31 "
    "Cadillac, the team's first victory in two seasons. Mia Costa and Leo Park have to win with "
    "the #7 Porsche 963.\n"
)


@pytest.fixture(scope="module")
def preview(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _PREVIEW, published=dt.date(2025, 10, 6))


def test_the_event_a_win_verb_takes(preview: PredictedDoc) -> None:
    road_america = event_key(events(preview), "the Road America round")
    assert {f["o"] for f in facts(preview, "won") if f["s"] == "hugo-brandt"} == {road_america}
    crews = [f for f in facts(preview, "raceResult") if "hugo-brandt" in (f.get("drivers") or ())]
    assert all(f["event"] == road_america for f in crews)


def test_a_win_still_to_come_is_no_result(preview: PredictedDoc) -> None:
    crews = [f.get("drivers") or () for f in facts(preview, "raceResult")]
    assert not [c for c in crews if "mia-costa" in c]


_CUPS = (
    "Four cups, one weekend\n\n"
    "The 2025 GT World Challenge Europe Endurance Cup ends on Sunday at Barcelona.\n\n"
    "Pro: a three-way fight\n\n"
    "Thibaut Lenoir, Erik Holm and Marco Viel have 64 points in the #12 Mercedes-AMG GT3 Evo "
    "of Boutsen VDS.\n\n"
    "The entry list counts 52 cars: 15 in Pro, 20 in the Silver Cup and 17 in the Bronze Cup.\n"
)


@pytest.fixture(scope="module")
def cups(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _CUPS, published=dt.date(2025, 10, 8))


def test_a_class_heading_a_section(cups: PredictedDoc) -> None:
    classes = {f.get("class") for f in facts(cups, "competesIn") if f["s"] == "thibaut-lenoir"}
    assert classes == {"pro-cup"}


def test_bare_pro_in_a_class_slot(cups: PredictedDoc) -> None:
    counts = {(f.get("class"), f["count"]) for f in facts(cups, "entryCount")}
    assert ("pro-cup", 15) in counts


_SUBSTITUTES = (
    "Heart of Racing call up a substitute\n\n"
    "Heart of Racing Team has turned to a local man. Kenji Mori will take Dan West's place in "
    "the #27 Aston Martin Vantage AMR LMGT3 Evo at the 6 Hours of Fuji on Sunday.\n\n"
    "Every LMGT3 car in the FIA World Endurance Championship must carry a Bronze driver, and "
    "Mori has the experience, having raced in the GT300 class of Super GT for a decade. He will "
    "share the #27 with Aston Martin works driver Rhys Allen, a Welshman, and Cole Dunn, the "
    "team's 22-year-old Australian Silver.\n"
)


@pytest.fixture(scope="module")
def substitutes(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _SUBSTITUTES, published=dt.date(2025, 9, 23))


def test_a_clause_about_someone_does_not_turn_the_story(substitutes: PredictedDoc) -> None:
    champs = {f.get("championship") for f in facts(substitutes, "memberOf")}
    assert champs == {"fia-wec"}


def test_a_welshman(substitutes: PredictedDoc) -> None:
    assert {"s": "rhys-allen", "o": "gb"} in facts(substitutes, "nationality")
    assert "welshman" not in entity_types(substitutes)


def test_a_championship_in_a_reason_clause_is_an_aside(nlp: Language, reference: Reference) -> None:
    doc = predict(
        nlp,
        reference,
        "ELMS entries\n\n"
        "The 2026 European Le Mans Series has 44 entries. JMW Motorsport's #66 Ferrari 296 LMGT3 "
        "has Ludo Sanz, who replaces Gino Tadd after the Italian chose to race in the GT World "
        "Challenge Europe instead. Marco Rei and Ivo Kral share the #77 Porsche 911 GT3 R "
        "LMGT3 of Proton Competition.\n",
        published=dt.date(2026, 1, 12),
    )
    champs = {f["o"] for f in facts(doc, "competesIn") if f["s"] == "marco-rei"}
    assert champs == {"elms"}


def test_last_month_of_a_past_year(nlp: Language, reference: Reference) -> None:
    doc = predict(
        nlp,
        reference,
        "Kessel keeps its crew\n\nThe #74 Ferrari 296 GT3 defends the Bronze Cup title that Marco "
        "Bassi and Luc Morin won in the GT World Challenge Europe Endurance Cup finale at "
        "Barcelona last October.\n",
        published=dt.date(2026, 1, 21),
    )
    seasons = {f.get("season") for f in facts(doc, "eventOf")}
    assert seasons == {2025}


def test_a_crew_of_a_numbered_car_joins_the_team_named_with_it(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        "Ferrari win at Imola\n\n"
        "Ferrari AF Corse won the 6 Hours of Imola, the second round of the FIA World Endurance "
        "Championship, 3.4 seconds ahead of Toyota Gazoo Racing's #8 Toyota TR010 Hybrid. "
        "Late on, Aston Martin THOR Team's Valkyrie crashed at "
        "Rivazza.\n\n"
        "Kenta Oda and Liam Brook drove the first four hours, and Theo Gale drove the final "
        "stint. The Canadian shares the #8 with the Japanese Oda and Brook, a New Zealander.\n",
        published=dt.date(2025, 4, 21),
    )
    teams = {f["o"] for f in facts(doc, "memberOf") if f["s"] in {"kenta-oda", "liam-brook"}}
    assert teams == {"gazoo"}


def test_a_named_win_with_a_crew_and_a_win_this_season(nlp: Language, reference: Reference) -> None:
    doc = predict(
        nlp,
        reference,
        "Vogt joins the #7\n\n"
        "The 2025 IMSA WeatherTech SportsCar Championship ends at Road Atlanta on Saturday. "
        "Lena Vogt, who won the Road America round in August with Kai Brandt and Tim Olsen, "
        "joins the #7 Porsche 963.\n\n"
        "This season Mia Lund won at Sebring in March. She drives the #31 Cadillac.\n",
        published=dt.date(2025, 10, 6),
    )
    road_america = event_key(events(doc), "the Road America round")
    won = {(f["s"], f["o"]) for f in facts(doc, "won")}
    assert {("kai-brandt", road_america), ("tim-olsen", road_america)} <= won
    sebring = {o for s, o in won if s == "mia-lund"}
    held = {(f["s"], f["o"]) for f in facts(doc, "heldAt")}
    assert len(sebring) == 1 and (sebring.pop(), "sebring") in held
