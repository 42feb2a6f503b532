"""Race-report result syntax: a team's win whose crew follows in an "as" clause, career
titles and standings named in asides ("who won the X title in 2022", "the runner-up in the
Y in 2021") that are no result of the reported race, "a class win for the pair", a class pole
that is not the overall pole, "jumped pole-sitter A" (A has the pole, the subject wins) and
"the second race in a row" (a streak, not a second race of the meeting). Own sentences."""

from __future__ import annotations

import datetime as dt
from typing import Any

from spacy.language import Language

from racegraph.reference import Reference
from tests.extract._pipeline_harness import events, predict
from tests.extract._relations_harness import CAR, RACE, C, D, E, K, T, has, roles, run

PUB = dt.date(2025, 9, 15)  # a Monday
OPENING = "Red Racing won the Zolder 6 Hours on Sunday, the fourth round of the GT Cup"
MENTIONS = [
    ("the Zolder 6 Hours", "zolder-6h", E, RACE),
    ("GT Cup", "gt-cup", C),
    ("Sprint Series", "sprint-series", C),
    ("Ann Alpha", "a", D),
    ("Bea Beta", "b", D),
    ("Cal Gamma", "c", D),
    ("Dan Delta", "d", D),
    ("Eve Epsilon", "e", D),
    ("Red Racing", "red", T),
    ("Blue Motorsport", "blue", T),
    ("Pro-Am", "pro-am", K),
    ("GT4", "gt4", K),
    ("Ferrari 296 GT3", "ferrari-296", CAR),
]


def _run(text: str) -> list[Any]:
    return run(text, MENTIONS, published=PUB)


def _results(text: str, position: int | None = None) -> list[dict[str, Any]]:
    found = roles(_run(text), "raceResult")
    return [r for r in found if position is None or r["position"] == position]


def test_as_clause_names_the_crew_of_a_team_win() -> None:
    text = OPENING + ", as Ann Alpha and Bea Beta brought the #7 Ferrari 296 GT3 home first."
    (win,) = _results(text, 1)
    assert set(win["drivers"]) == {"a", "b"}
    assert win["team"] == "red"


def test_as_clause_without_a_car_is_no_crew() -> None:
    text = OPENING + ", as Ann Alpha and Bea Beta watched from the pit wall."
    assert not any(set(r.get("drivers") or ()) & {"a", "b"} for r in _results(text, 1))


def test_a_championship_title_in_an_aside_is_no_race_win() -> None:
    text = (
        OPENING + ". Blue Motorsport finished second with Cal Gamma and Dan Delta. "
        "Gamma, who won the Sprint Series title in 2022, set the fastest lap."
    )
    facts = _run(text)
    assert not has(facts, "raceResult", position=1, drivers=("c",))
    assert has(facts, "won", s="c", o="sprint-series", season=2022)
    assert has(facts, "competesIn", s="c", o="sprint-series", season=2022)


def test_a_class_title_names_the_class() -> None:
    text = OPENING + ". Eve Epsilon, who won the Sprint Series Pro-Am title in 2023, was fifth."
    facts = _run(text)
    assert has(facts, "won", s="e", o="sprint-series", season=2023, **{"class": "pro-am"})
    assert has(facts, "classOf", s="pro-am", o="sprint-series", season=2023)
    assert not has(facts, "raceResult", position=1, drivers=("e",))


def test_a_past_runner_up_is_a_standing_not_a_place() -> None:
    text = OPENING + ". Dan Delta, the runner-up in the Sprint Series in 2021, crashed out."
    assert not has(_run(text), "raceResult", position=2, drivers=("d",))


def test_a_race_runner_up_still_counts() -> None:
    text = OPENING + ". Dan Delta was the runner-up for Blue Motorsport."
    assert has(_run(text), "raceResult", position=2, drivers=("d",))


def test_a_class_win_for_the_pair_takes_the_last_crew() -> None:
    text = (
        OPENING + ", as Ann Alpha and Bea Beta brought the #7 Ferrari 296 GT3 home first. "
        "It was also a Pro-Am class win for the pair."
    )
    assert has(_run(text), "raceResult", position=1, classification="pro-am", drivers=("a", "b"))


def test_a_class_pole_is_not_merged_into_the_overall_pole() -> None:
    text = (
        OPENING + ". Cal Gamma had taken pole position for Blue Motorsport. "
        "In GT4, the #40 car of Dan Delta and Eve Epsilon won the class from pole."
    )
    poles = [r for r in roles(_run(text), "gridPosition") if r["kind"] == "pole"]
    assert {tuple(sorted(p["drivers"])) for p in poles} == {("c",), ("d", "e")}


def test_the_pole_sitter_a_subject_jumped_keeps_the_pole() -> None:
    text = (
        OPENING + ". Ann Alpha started second and jumped pole-sitter Cal Gamma at the start "
        "to win by two seconds."
    )
    facts = _run(text)
    assert has(facts, "gridPosition", kind="pole", drivers=("c",))
    assert not has(facts, "gridPosition", kind="pole", drivers=("a",))
    assert not has(facts, "raceResult", position=1, drivers=("c",))


def test_the_second_race_in_a_row_is_a_streak(nlp: Language, reference: Reference) -> None:
    text = (
        "Tom Fielding won the Super Formula race at Autopolis on Sunday. "
        "Kenji Arai finished second for the second race in a row."
    )
    doc = predict(nlp, reference, text, published=PUB)
    assert not any(k.endswith("-race-2") for k in events(doc))
    results = [dict(f.args) for f in doc.facts if f.relation == "raceResult"]
    assert len({r["event"] for r in results}) == 1


def test_the_second_race_of_a_double_header_is_still_a_race(
    nlp: Language, reference: Reference
) -> None:
    text = (
        "The fourth round of the Super Formula season at Autopolis produced two winners. "
        "Tom Fielding won the first race on Saturday. Kenji Arai won the second race on "
        "Sunday, and Tom Fielding finished second for the second race in a row."
    )
    doc = predict(nlp, reference, text, published=PUB)
    keys = events(doc)
    assert any(k.endswith("-race-1") for k in keys)
    assert any(k.endswith("-race-2") for k in keys)


def _facts(doc: Any, relation: str) -> list[dict[str, Any]]:
    return [dict(f.args) for f in doc.facts if f.relation == relation]


def test_a_named_race_named_again_without_a_year_is_the_same_edition(
    nlp: Language, reference: Reference
) -> None:
    text = (
        "Kenji Arai won the Super Formula race at Autopolis on Sunday. He races next at the "
        "2025 Fuji 24 Hours, the third round of the Super Taikyu series. Tom Fielding will "
        "also make his debut at the Fuji 24 Hours in a Honda."
    )
    doc = predict(nlp, reference, text, published=PUB)
    fuji = [k for k in events(doc) if k.startswith("fuji-24-hours")]
    assert fuji == ["fuji-24-hours-2025"]


def test_a_day_in_a_future_clause_is_the_coming_day(nlp: Language, reference: Reference) -> None:
    text = (
        "Kenji Arai won the Super Formula race at Autopolis on Sunday. Arai will be back in "
        "action on Saturday at the Fuji 24 Hours, the third round of the Super Taikyu series."
    )
    doc = predict(nlp, reference, text, published=PUB)
    dates = {f["s"]: f["o"] for f in _facts(doc, "eventDate")}
    fuji = next(k for k in dates if k.startswith("fuji"))
    assert str(dates[fuji]) == "2025-09-20"  # the Saturday after Monday 15 September
    assert any(str(d) == "2025-09-14" for k, d in dates.items() if k != fuji)


def test_the_series_resumes_at_a_place_on_a_day(nlp: Language, reference: Reference) -> None:
    text = (
        "Tom Fielding won at Brands Hatch on Sunday, the third round of the 2025 British GT "
        "Championship. The British GT Championship resumes at Snetterton on 12 October."
    )
    doc = predict(nlp, reference, text, published=PUB)
    of = [f for f in _facts(doc, "eventOf") if f.get("round") == 4]
    assert len(of) == 1
    key = of[0]["s"]
    assert any(f["s"] == key and str(f["o"]) == "2025-10-12" for f in _facts(doc, "eventDate"))
    assert any(f["s"] == key for f in _facts(doc, "heldAt"))


def test_a_series_resuming_in_a_month_names_no_event(nlp: Language, reference: Reference) -> None:
    text = (
        "Tom Fielding won at Brands Hatch on Sunday, the third round of the 2025 British GT "
        "Championship. The British GT Championship resumes at Snetterton in October."
    )
    doc = predict(nlp, reference, text, published=PUB)
    assert not any(f.get("round") == 4 for f in _facts(doc, "eventOf"))


def test_a_class_code_the_reference_lacks_is_a_class(nlp: Language, reference: Reference) -> None:
    text = (
        "Tom Fielding won the Hockenheim 12 Hours on Sunday. In the SP7 class, the Porsche of "
        "Kenji Arai and Paul Brandt took a comfortable win, finishing ninth overall."
    )
    doc = predict(nlp, reference, text, published=PUB)
    classes = {e.key: e.name for e in doc.entities if e.type == "Class"}
    assert "SP7" in classes.values()
    key = next(k for k, n in classes.items() if n == "SP7")
    assert any(f["position"] == 1 and f["classification"] == key for f in _facts(doc, "raceResult"))


def test_a_year_or_a_common_word_is_no_class_code(nlp: Language, reference: Reference) -> None:
    text = (
        "Tom Fielding won the Hockenheim 12 Hours on Sunday. The 2024 class of rookies and the "
        "Porsche class were both well represented."
    )
    doc = predict(nlp, reference, text, published=PUB)
    names = {e.name for e in doc.entities if e.type == "Class"}
    assert not names & {"2024", "Porsche"}


def test_a_hyphened_class_name_is_the_longer_class(nlp: Language, reference: Reference) -> None:
    text = (
        "Tom Fielding won the Hockenheim 12 Hours on Sunday. The #12 car of Kenji Arai and "
        "Paul Brandt finished fourth and won the Bronze-Am class."
    )
    doc = predict(nlp, reference, text, published=PUB)
    names = {e.name for e in doc.entities if e.type == "Class"}
    assert "Bronze-Am" in names
    assert "Am Cup" not in names


def test_a_class_phrase_gives_the_bare_class_name(nlp: Language, reference: Reference) -> None:
    text = "Tom Fielding won the Hockenheim 12 Hours on Sunday, and took the Pro-Am class win."
    doc = predict(nlp, reference, text, published=PUB)
    (pro_am,) = [e for e in doc.entities if e.type == "Class"]
    assert "Pro-Am" in pro_am.mentions


def test_a_title_named_in_an_aside_is_not_the_season_of_the_round(
    nlp: Language, reference: Reference
) -> None:
    text = (
        "Red Racing won the 12 Hours of Mugello on Saturday, the second round of the 2026 24H "
        "Series. Dan Delta, the 2022 DTM champion, said the result made up for the opening "
        "round of the season."
    )
    doc = predict(nlp, reference, text, published=dt.date(2026, 3, 30))
    opening = [f for f in _facts(doc, "eventOf") if f.get("round") == 1]
    assert opening
    assert all(f["season"] == 2026 for f in opening)
    assert all(f["o"] != "dtm" for f in opening)


def test_a_race_in_a_quote_is_not_of_the_series_the_narrative_names(
    nlp: Language, reference: Reference
) -> None:
    text = (
        "Red Racing won the 12 Hours of Mugello on Saturday, the second round of the 2026 24H "
        'Series. "We lost the Dubai 24 Hour in the last hour," said Dan Delta, who also races '
        "in the DTM this year."
    )
    doc = predict(nlp, reference, text, published=dt.date(2026, 3, 30))
    assert not any(f["s"].startswith("dubai") and f["o"] == "dtm" for f in _facts(doc, "eventOf"))


def test_a_title_won_is_not_copied_to_the_driver_joined() -> None:
    text = OPENING + ". Ann Alpha, who won the Sprint Series title in 2022, joins Bea Beta."
    facts = _run(text)
    assert has(facts, "competesIn", s="a", o="sprint-series", season=2022)
    assert not has(facts, "competesIn", s="b", o="sprint-series")


def test_the_pair_after_a_shared_car_is_that_crew() -> None:
    text = (
        OPENING + ". Cal Gamma had taken pole position for Blue Motorsport, and the car he "
        "shares with Dan Delta led early. A slow stop dropped the car down the order, and the "
        "pair finished sixth."
    )
    (sixth,) = _results(text, 6)
    assert set(sixth["drivers"]) == {"c", "d"}


def test_a_past_win_at_the_place_is_an_earlier_edition(nlp: Language, reference: Reference) -> None:
    text = (
        "Kenji Arai won the Super Formula race at Autopolis on Sunday, the third round of the "
        "2025 season. Arai also won at Autopolis in 2022, and he said the track suited him."
    )
    doc = predict(nlp, reference, text, published=PUB)
    won = [f for f in _facts(doc, "won") if f["s"] == "kenji-arai"]
    assert len(won) == 1
    past = won[0]["o"]
    assert any(f["s"] == past and f["season"] == 2022 for f in _facts(doc, "eventOf"))
    assert any(f["s"] == past and f["o"] == 2022 for f in _facts(doc, "eventDate"))
    wins = [f for f in _facts(doc, "raceResult") if f["position"] == 1]
    assert {f["event"] for f in wins} != {past}


def test_a_win_at_the_place_this_year_is_no_past_edition(
    nlp: Language, reference: Reference
) -> None:
    text = "Kenji Arai won at Autopolis in 2025, the third round of the Super Formula season."
    doc = predict(nlp, reference, text, published=PUB)
    assert not any(f["s"] == "kenji-arai" for f in _facts(doc, "won"))
