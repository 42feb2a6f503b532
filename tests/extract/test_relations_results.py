"""Results: raceResult, gridPosition, won, coDriver, and what results entail."""

from __future__ import annotations

import datetime as dt

from racegraph.extract.relations._oracle import Placement
from racegraph.records import Fact
from tests.extract._relations_harness import (
    CAR,
    RACE,
    ROUND,
    C,
    D,
    E,
    K,
    M,
    N,
    T,
    V,
    has,
    roles,
    run,
)

PUB = dt.date(2024, 6, 3)  # a Monday
SAT, SUN = dt.date(2024, 6, 1), dt.date(2024, 6, 2)


def _report() -> list[Fact]:
    text = (
        "At the Zandvoort round of the DTM, Mirko Bortolotti and Luca Engstler won the "
        "Saturday race from pole position. Partnered with Kelvin van der Linde, Rene Rast "
        "secured victory on Sunday. Thomas Preining and Ayhancan Guven fought their way "
        "from 15th on the grid to finish in second place on Sunday. Joining Rast and van "
        "der Linde on the podium were Lucas Auer and Arjun Maini, who took a third-place finish."
    )
    mentions: list[Placement] = [
        ("Zandvoort round", "zandvoort-round", E, ROUND),
        ("DTM", "dtm", C),
        ("Mirko Bortolotti", "mb", D),
        ("Luca Engstler", "le", D),
        ("Kelvin van der Linde", "kvdl", D),
        ("van der Linde", "kvdl", D),
        ("Rene Rast", "rr", D),
        ("Rast", "rr", D),
        ("Thomas Preining", "tp", D),
        ("Ayhancan Guven", "ag", D),
        ("Lucas Auer", "la", D),
        ("Arjun Maini", "am", D),
    ]
    return run(text, mentions, published=PUB)


def test_race_sessions_are_minted_from_weekdays() -> None:
    facts = _report()
    dates = {r["o"] for r in roles(facts, "eventDate")}
    assert dates == {SAT, SUN}
    assert has(facts, "eventOf", o="dtm", season=2024)


def test_results_positions_crews_and_days() -> None:
    facts = _report()
    results = {
        (r["date"], r["position"], frozenset(r["drivers"])) for r in roles(facts, "raceResult")
    }
    assert (SAT, 1, frozenset({"mb", "le"})) in results
    assert (SUN, 1, frozenset({"rr", "kvdl"})) in results  # the partner completes the crew
    assert (SUN, 2, frozenset({"tp", "ag"})) in results
    assert (SUN, 3, frozenset({"la", "am"})) in results  # "joining X on the podium" excluded
    grid = {
        (r["kind"], r["position"], frozenset(r["drivers"])) for r in roles(facts, "gridPosition")
    }
    assert ("pole", 1, frozenset({"mb", "le"})) in grid
    assert ("grid", 15, frozenset({"tp", "ag"})) in grid


def test_results_entail_co_drivers_and_participation() -> None:
    facts = _report()
    pairs = {frozenset((r["s"], r["o"])) for r in roles(facts, "coDriver")}
    assert frozenset({"rr", "kvdl"}) in pairs and frozenset({"tp", "ag"}) in pairs
    assert all(r.get("event") == "zandvoort-round" for r in roles(facts, "coDriver"))
    for d in ("mb", "rr", "tp", "la"):
        assert has(facts, "competesIn", s=d, o="dtm", season=2024, status="confirmed")


def test_class_results_and_credited_team() -> None:
    text = (
        "Iron Lynx had reasons to celebrate at the Imola round of the GTWC. Sarah Bovy and "
        "Michelle Gatting secured the Silver Cup victory on Sunday, following their runner-up "
        "position on Saturday."
    )
    facts = run(
        text,
        [
            ("Iron Lynx", "iron-lynx", T),
            ("Imola round", "imola", E, ROUND),
            ("GTWC", "gtwc", C),
            ("Sarah Bovy", "sb", D),
            ("Michelle Gatting", "mg", D),
            ("Silver Cup", "silver-cup", K),
        ],
        published=PUB,
    )
    assert has(
        facts, "raceResult", position=1, classification="silver-cup", date=SUN, team="iron-lynx"
    )
    assert has(facts, "raceResult", position=2, classification="silver-cup", date=SAT)
    assert has(facts, "memberOf", s="sb", o="iron-lynx", championship="gtwc", season=2024)
    assert has(facts, "competesIn", s="mg", o="gtwc", **{"class": "silver-cup"})


def test_qualifying_position() -> None:
    text = "The DTM race took place on Sunday. Marco Wittmann secured fifth place in qualifying."
    facts = run(text, [("DTM", "dtm", C), ("Marco Wittmann", "mw", D)], published=PUB)
    assert has(facts, "gridPosition", kind="qualifying", position=5, drivers=("mw",))
    assert roles(facts, "raceResult") == []


def test_win_of_a_named_event_is_won() -> None:
    text = "Weeks earlier, Charles Weerts had taken his first victory at the Spa 24 Hours."
    facts = run(text, [("Charles Weerts", "cw", D), ("Spa 24 Hours", "spa-24", E)], published=PUB)
    assert has(facts, "won", s="cw", o="spa-24")
    assert roles(facts, "raceResult") == []


def test_past_win_years_ago_mints_an_event() -> None:
    text = (
        "Augusto Farfus was part of the last BMW victory in the DTM, which occurred five "
        "years ago alongside Marco Wittmann, driving a BMW M4 DTM."
    )
    facts = run(
        text,
        [
            ("Augusto Farfus", "af", D),
            ("BMW", "bmw", M),
            ("DTM", "dtm", C),
            ("Marco Wittmann", "mw", D),
            ("BMW M4 DTM", "bmw-m4-dtm", CAR),
        ],
        published=PUB,
    )
    won = roles(facts, "won")
    assert {r["s"] for r in won} == {"af", "mw"}
    assert all(r["season"] == 2019 and r["car"] == "bmw-m4-dtm" for r in won)
    event = won[0]["o"]
    assert has(facts, "eventDate", s=event, o=2019)
    assert has(facts, "eventOf", s=event, o="dtm", season=2019)
    assert has(facts, "coDriver", event=event, season=2019)
    assert has(facts, "drives", s="mw", o="bmw-m4-dtm", championship="dtm", season=2019)
    assert has(facts, "competesIn", s="af", o="dtm", season=2019, status="confirmed")


def test_venue_round_chequered_flag_compatriot_and_qualifying() -> None:
    text = (
        "Nick Tandy (GBR) took the chequered flag at the Road America round of IMSA on "
        "Sunday, sharing the Porsche 963 with Mathieu Jaminet. His compatriot Jack Aitken "
        "finished P3 after qualifying second. Tandy will remain with Penske next year."
    )
    facts = run(
        text,
        [
            ("Nick Tandy", "nt", D),
            ("Tandy", "nt", D),
            ("GBR", "gb", N),
            ("Road America", "road-america", V),
            ("IMSA", "imsa", C),
            ("Porsche 963", "porsche-963", CAR),
            ("Porsche", "porsche", M),
            ("Mathieu Jaminet", "mj", D),
            ("Jack Aitken", "ja", D),
            ("Penske", "penske", T),
        ],
        published=dt.date(2024, 9, 2),
    )
    sunday = dt.date(2024, 9, 1)
    assert has(facts, "raceResult", position=1, drivers=("nt", "mj"), date=sunday)
    assert has(facts, "raceResult", position=3, drivers=("ja",), date=sunday)
    assert has(facts, "gridPosition", kind="qualifying", position=2, drivers=("ja",))
    rounds = [r for r in roles(facts, "eventOf") if r.get("round") is None and r["o"] == "imsa"]
    assert rounds
    assert has(facts, "heldAt", o="road-america")
    assert has(facts, "nationality", s="nt", o="gb")
    assert has(facts, "nationality", s="ja", o="gb")
    assert has(facts, "drives", s="nt", o="porsche-963", season=2024)
    assert has(facts, "memberOf", s="nt", o="penske", season=2024)
    assert has(facts, "memberOf", s="nt", o="penske", season=2025, status="confirmed")


def test_team_subject_results_with_crews_and_class_paragraphs() -> None:
    text = (
        "Apex Racing claimed victory in the 6 Hours of Vallelunga on Sunday. Ivo Brandt "
        "shared the winning car with Lena Moss from the Netherlands and the Swiss rookie "
        "Tom Ruegg. The trio had started from pole position. Nordic Motorsport finished "
        "second overall with Per Lind and Ola Berg, while Team Kite completed the podium.\n"
        "In GT Am, Delta Works took the class win with Anna Rey. Orion finished second with "
        "Jon Tal."
    )
    facts = run(
        text,
        [
            ("Apex Racing", "apex", T),
            ("the 6 Hours of Vallelunga", "vallelunga-6h", E),
            ("Ivo Brandt", "ib", D),
            ("Lena Moss", "lm", D),
            ("Netherlands", "nl", N),
            ("Tom Ruegg", "tr", D),
            ("Nordic Motorsport", "nordic", T),
            ("Per Lind", "pl", D),
            ("Ola Berg", "ob", D),
            ("Team Kite", "kite", T),
            ("GT Am", "gt-am", K),
            ("Delta Works", "delta", T),
            ("Anna Rey", "ar", D),
            ("Orion", "orion", T),
            ("Jon Tal", "jt", D),
        ],
        published=PUB,
    )
    results = {
        (r["position"], r["classification"], frozenset(r.get("drivers", ())), r.get("team"))
        for r in roles(facts, "raceResult")
        if r["event"] == "vallelunga-6h"
    }
    assert (1, "overall", frozenset({"ib", "lm", "tr"}), "apex") in results
    assert (2, "overall", frozenset({"pl", "ob"}), "nordic") in results
    assert (3, "overall", frozenset(), "kite") in results
    assert (1, "gt-am", frozenset({"ar"}), "delta") in results
    assert (2, "gt-am", frozenset({"jt"}), "orion") in results  # the paragraph's class
    assert has(facts, "gridPosition", kind="pole", position=1, drivers=("ib", "lm", "tr"))
    assert has(facts, "coDriver", s="pl", o="ob")
    assert has(facts, "coDriver", s="ib", o="tr", event="vallelunga-6h")


def test_class_went_to_and_passive_wins() -> None:
    text = (
        "Omega won the 4 Hours of Aragon on Sunday. "
        "The GT class went to Rho Racing, whose Audi was driven by Kai Wen and Bo Lund. "
        "The season opener at Vallelunga had been won by Sigma in the LMP3 class, with "
        "Eva Dorn."
    )
    facts = run(
        text,
        [
            ("Omega", "omega", T),
            ("the 4 Hours of Aragon", "aragon-4h", E),
            ("GT", "gt", K),
            ("Rho Racing", "rho", T),
            ("Kai Wen", "kw", D),
            ("Bo Lund", "bl", D),
            ("The season opener at Vallelunga", "opener", E),
            ("Sigma", "sigma", T),
            ("LMP3", "lmp3", K),
            ("Eva Dorn", "ed", D),
        ],
        published=PUB,
    )
    assert has(
        facts,
        "raceResult",
        event="aragon-4h",
        position=1,
        classification="gt",
        drivers=("kw", "bl"),
    )
    assert has(
        facts, "raceResult", event="opener", position=1, classification="lmp3", drivers=("ed",)
    )


def test_crew_sentence_after_a_team_win() -> None:
    text = (
        "Kappa Motorsport won the 12 Hours of Mugello on Saturday. Ada Noor, Ben Ito and "
        "Cy Park shared the #8 Ligier."
    )
    facts = run(
        text,
        [
            ("Kappa Motorsport", "kappa", T),
            ("the 12 Hours of Mugello", "mugello-12h", E),
            ("Ada Noor", "an", D),
            ("Ben Ito", "bi", D),
            ("Cy Park", "cp", D),
        ],
        published=PUB,
    )
    assert has(
        facts,
        "raceResult",
        event="mugello-12h",
        position=1,
        drivers=("an", "bi", "cp"),
        team="kappa",
    )


def test_sister_car_crew_and_class_of_from_class_results() -> None:
    text = (
        "Zeta Racing won the 6 Hours of Imola on Sunday, the third round of the Asian Series. "
        "The sister car of Kai Berg and Ole Rask finished second. In GT Am, Mu Motorsport "
        "took the class win with Ana Reis."
    )
    facts = run(
        text,
        [
            ("Zeta Racing", "zeta", T),
            ("the 6 Hours of Imola", "imola-6h", E),
            ("Asian Series", "asian", C),
            ("Kai Berg", "kb", D),
            ("Ole Rask", "or", D),
            ("GT Am", "gt-am", K),
            ("Mu Motorsport", "mu", T),
            ("Ana Reis", "ar", D),
        ],
        published=PUB,
    )
    assert has(facts, "raceResult", position=2, drivers=("kb", "or"), team="zeta")
    assert has(facts, "memberOf", s="kb", o="zeta", championship="asian", season=2024)
    assert has(facts, "classOf", s="gt-am", o="asian", season=2024)


def test_crew_of_a_named_race_shares_the_car_at_that_race() -> None:
    text = (
        "Team Orca won the 3 Hours of Assen on Sunday, the fifth round of the GT Cup. "
        "Jo Kurz shared the winning car with Max Dorn."
    )
    facts = run(
        text,
        [
            ("Team Orca", "orca", T),
            ("the 3 Hours of Assen", "assen-3h", E, RACE),
            ("fifth round of the GT Cup", "gt-cup-round-5", E, ROUND),
            ("GT Cup", "gt-cup", C),
            ("Jo Kurz", "jk", D),
            ("Max Dorn", "md", D),
        ],
        published=PUB,
    )
    assert has(facts, "raceResult", event="assen-3h", position=1, drivers=("jk", "md"))
    assert has(facts, "coDriver", s="jk", o="md", event="assen-3h")


def test_object_team_is_not_a_result_subject_and_partners_stay_in_their_paragraph() -> None:
    text = (
        "Rhea Racing won the 6 Hours of Fuji on Sunday. Ivo Lenz drove for the squad last "
        "year and finished second in the race.\n"
        "Next season the second car goes to Al Moss together with Bea Kay."
    )
    facts = run(
        text,
        [
            ("Rhea Racing", "rhea", T),
            ("the 6 Hours of Fuji", "fuji-6h", E, RACE),
            ("Ivo Lenz", "il", D),
            ("the squad", "rhea", T),
            ("Al Moss", "am", D),
            ("Bea Kay", "bk", D),
        ],
        published=PUB,
    )
    assert not [
        r for r in roles(facts, "raceResult") if r["position"] == 2 and not r.get("drivers")
    ]
    assert not [r for r in roles(facts, "coDriver") if r.get("event") == "fuji-6h"]


def test_won_a_named_event_as_object() -> None:
    text = "Nina Holt, who won the 2023 Spa 24 Hours, joins the team."
    facts = run(
        text,
        [("Nina Holt", "nh", D), ("the 2023 Spa 24 Hours", "spa-24h-2023", E)],
        published=PUB,
    )
    assert has(facts, "won", s="nh", o="spa-24h-2023")


def test_win_at_a_meeting_with_reported_races_belongs_to_the_race() -> None:
    text = (
        "At the Zandvoort round of the DTM, Mia Lenz won the Sunday race. "
        "At the Zandvoort round, Mia Lenz secured her first victory."
    )
    facts = run(
        text,
        [
            ("Zandvoort round", "zandvoort-round", E, ROUND),
            ("DTM", "dtm", C),
            ("Mia Lenz", "ml", D),
        ],
        published=PUB,
    )
    assert not [r for r in roles(facts, "raceResult") if r["event"] == "zandvoort-round"]


def test_win_of_a_past_race_behind_the_and_a_year_is_won() -> None:
    text = "His place goes to Marco Vitali, who won the 2022 Daytona 24 Hours."
    facts = run(
        text,
        [("Marco Vitali", "mv", D), ("the 2022 Daytona 24 Hours", "daytona-24-2022", E, RACE)],
        published=PUB,
    )
    assert has(facts, "won", s="mv", o="daytona-24-2022")
    assert roles(facts, "raceResult") == []


def test_championship_title_win_with_a_team() -> None:
    text = "Pietro Lanza won the 2021 Italian GT Championship title with Scuderia Nera."
    facts = run(
        text,
        [
            ("Pietro Lanza", "pl", D),
            ("Italian GT Championship", "italian-gt", C),
            ("Scuderia Nera", "scuderia-nera", T),
        ],
        published=PUB,
    )
    assert has(facts, "won", s="pl", o="italian-gt", season=2021)
    assert has(facts, "competesIn", s="pl", o="italian-gt", season=2021, status="confirmed")
    assert has(facts, "memberOf", s="pl", o="scuderia-nera", championship="italian-gt", season=2021)


def test_make_inside_a_team_name_does_not_hide_the_entry() -> None:
    text = (
        "At the Monza 6 Hours on Sunday, Ana Silva (POR) and Tom Reed (GBR) took the class "
        "win in the #44 Mustang Racing Ford Mustang GT3."
    )
    facts = run(
        text,
        [
            ("Monza 6 Hours", "monza-6h", E, RACE),
            ("Ana Silva", "as", D),
            ("Tom Reed", "tr", D),
            ("Mustang Racing", "mustang-racing", T),
            ("Mustang", "mustang", M),
            ("Ford Mustang GT3", "ford-mustang-gt3", CAR),
        ],
        published=PUB,
    )
    for d in ("as", "tr"):
        assert has(facts, "drives", s=d, o="ford-mustang-gt3", number=44)
        assert not has(facts, "drives", s=d, o="mustang")


def test_team_opening_a_result_clause_with_a_crew_is_the_team() -> None:
    text = (
        "Akkodis ASP won the season opener at Paul Ricard on Sunday, the first round of the "
        "GT World Challenge Europe Endurance Cup. Iron Lynx completed the podium with Mirko "
        "Bortolotti and Marco Mapelli. Team X took second with Ann Bee, Cid Dee and Eve Eff."
    )
    facts = run(
        text,
        [
            ("Akkodis ASP", "asp", T),
            ("GT World Challenge Europe Endurance Cup", "gtwc", C),
            ("Iron Lynx", "il", D),  # an unresolved name the NER took for a driver
            ("Mirko Bortolotti", "mb", D),
            ("Marco Mapelli", "mm", D),
            ("Team X", "tx", T),
            ("Ann Bee", "ab", D),
            ("Cid Dee", "cd", D),
            ("Eve Eff", "ee", D),
        ],
        published=dt.date(2024, 4, 15),
    )
    third = [f for f in facts if f.relation == "raceResult" and f.get("position") == 3]
    assert [f.get("drivers") for f in third] == [("mb", "mm")]
    assert third[0].get("team") not in (None, "il")
    assert has(facts, "memberOf", s="mm", o=third[0].get("team"), championship="gtwc", season=2024)
    assert has(facts, "raceResult", position=2, drivers=("ab", "cd", "ee"), team="tx")
    assert has(facts, "memberOf", s="ee", o="tx", championship="gtwc", season=2024)


def test_slash_separated_crew_takes_the_car_that_follows() -> None:
    text = (
        "Cadillac Racing scored its first win of the season at Watkins Glen on Sunday as "
        "Ann Bee/Cid Dee/Eve Eff brought the #31 Cadillac V-Series.R home in the Six Hours "
        "of The Glen, round five of the IMSA WeatherTech SportsCar Championship."
    )
    facts = run(
        text,
        [
            ("Cadillac Racing", "cad", T),
            ("Ann Bee", "ab", D),
            ("Cid Dee", "cd", D),
            ("Eve Eff", "ee", D),
            ("Cadillac V-Series.R", "vsr", CAR),
            ("IMSA WeatherTech SportsCar Championship", "imsa", C),
        ],
        published=dt.date(2024, 6, 24),
    )
    win = [f for f in facts if f.relation == "raceResult" and f.get("position") == 1]
    assert [f.get("drivers") for f in win] == [("ab", "cd", "ee")]
    assert win[0].get("team") == "cad"
    assert has(facts, "coDriver", s="ab", o="ee")
    assert has(facts, "memberOf", s="cd", o="cad")
