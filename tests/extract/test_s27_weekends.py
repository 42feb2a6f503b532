"""Session 27: sprint weekends. A report of "race one" and "race two" that never names the
meeting as a whole still has one: its championship's event at the place the report names, with
the two races as its sessions. A round the report says is still to come ("the next stop is X,
where round five runs") is not the meeting just run. Own sentences, full pipeline."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from racegraph.evaluate import PredictedDoc
from racegraph.reference import Reference
from tests.extract._pipeline_harness import event_key, events, facts, predict

_DOUBLE = (
    "Rivals split the Brands Hatch spoils\n\n"
    "Two teams shared the wins at Brands Hatch on Sunday, as the British GT Championship's "
    "sprint double-header went two ways.\n\n"
    "2 Seas Motorsport won race one with the #42 Mercedes-AMG GT3 Evo of Nina Holt and Raul "
    "Ortega.\n\n"
    "Race two was different. Optimum Motorsport won it with the #72 McLaren 720S GT3 Evo of "
    "Sam Becker and Ola Lund.\n\n"
    "The championship's next stop is Spa-Francorchamps, where the fifth round of the season "
    "runs in late June.\n"
)


@pytest.fixture(scope="module")
def double(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _DOUBLE, published=dt.date(2025, 5, 27))


def test_two_numbered_races_make_a_meeting(double: PredictedDoc) -> None:
    evs = events(double)
    race1, race2 = event_key(evs, "race one"), event_key(evs, "Race two")
    assert race1 != race2
    tied = {f["s"]: f["o"] for f in facts(double, "eventOf")}
    assert tied[race1] == tied[race2] == "british-gt"
    meeting = race1.rsplit("-race-", 1)[0]
    assert meeting == race2.rsplit("-race-", 1)[0]
    assert tied[meeting] == "british-gt"
    held = {(f["s"], f["o"]) for f in facts(double, "heldAt")}
    assert {(meeting, "brands-hatch"), (race2, "brands-hatch")} <= held


def test_the_next_round_takes_no_results(double: PredictedDoc) -> None:
    evs = events(double)
    rnd5 = event_key(evs, "the fifth round of the season")
    results = facts(double, "raceResult")
    assert results
    assert all(f["event"] != rnd5 for f in results)
    winners = {f["event"]: set(f["drivers"]) for f in results if f["position"] == 1}
    assert winners[event_key(evs, "race one")] >= {"nina-holt", "raul-ortega"}
    assert winners[event_key(evs, "Race two")] >= {"sam-becker", "ola-lund"}


_ENDURANCE = (
    "Falken ready for the Ring\n\n"
    "Falken Motorsports arrive at the Nürburgring 24 Hours on a high after winning the "
    "second race of the qualifiers in May. Nina Holt and Raul Ortega share the #33 Porsche "
    "911 GT3 R.\n"
)


def test_a_named_race_is_no_sprint_weekend(nlp: Language, reference: Reference) -> None:
    doc = predict(nlp, reference, _ENDURANCE, published=dt.date(2025, 6, 10))
    assert not [k for k in events(doc) if k.endswith("-race-2")]


_TITLES = (
    "Titles settled at Sepang\n\n"
    "Nina Holt and Raul Ortega won the GT World Challenge Asia finale at Sepang on Sunday.\n\n"
    "The Silver-Am title had already gone to Team KRC on Saturday.\n\n"
    "The Am Cup, whose cars are shared by two Bronze drivers, went to Craft-Bamboo Racing. "
    "Sam Becker and Ola Lund won the class in both races and took the title.\n"
)


def test_a_title_that_had_gone_to_a_team(nlp: Language, reference: Reference) -> None:
    doc = predict(nlp, reference, _TITLES, published=dt.date(2025, 10, 20))
    won = {(f["s"], f.get("class")) for f in facts(doc, "won")}
    assert ("krc", "silver-am") in won
    assert ("craft-bamboo", "am-cup") in won
    assert {("sam-becker", "am-cup"), ("ola-lund", "am-cup")} <= won


def test_a_cup_won_in_a_race_is_no_title(nlp: Language, reference: Reference) -> None:
    text = (
        "Sepang report\n\n"
        "Nina Holt and Raul Ortega won the GT World Challenge Asia race at Sepang on "
        "Sunday. The Am Cup went to Craft-Bamboo Racing.\n"
    )
    doc = predict(nlp, reference, text, published=dt.date(2025, 10, 20))
    assert not [f for f in facts(doc, "won") if f["s"] == "craft-bamboo"]


_DTM = (
    "Weber and Bellini share Zandvoort\n\n"
    "Jonas Weber and Marco Bellini shared the wins in the DTM at Circuit Zandvoort at the "
    "weekend.\n\n"
    "Weber took Saturday's race in the #48 Mercedes-AMG GT3 Evo. Eric Lund finished second "
    "in his #33 BMW M4 GT3 Evo.\n\n"
    "Sunday's race was settled in the pit lane. Bellini controlled it in the #27 Lamborghini "
    "Huracán GT3 Evo2 and won by 3.3 seconds from Weber.\n\n"
    "Tom Baker was fifth on Saturday and fourth on Sunday.\n"
)


def test_single_driver_weekend(nlp: Language, reference: Reference) -> None:
    doc = predict(nlp, reference, _DTM, published=dt.date(2025, 6, 9))
    evs = events(doc)
    sat, sun = event_key(evs, "Saturday's race"), event_key(evs, "Sunday's race")
    assert sat != sun
    places = {(f["event"], f["position"], tuple(f["drivers"])) for f in facts(doc, "raceResult")}
    assert {
        (sat, 1, ("jonas-weber",)),
        (sat, 2, ("eric-lund",)),
        (sun, 1, ("marco-bellini",)),
        (sun, 2, ("jonas-weber",)),
        (sat, 5, ("tom-baker",)),
        (sun, 4, ("tom-baker",)),
    } <= places
    assert not [p for p in places if p[1] == 1 and len(p[2]) > 1]  # "shared the wins"


def test_a_distance_race_of_a_series(nlp: Language, reference: Reference) -> None:
    text = (
        "SARD wins at Suzuka\n\n"
        "TGR Team SARD won the Suzuka GT 300km Race on Sunday, the fifth round of the Super "
        "GT season, with a car that started sixth. Suzuka was the first race since the summer "
        "sprint event at Fuji at which success ballast counted again.\n"
    )
    doc = predict(nlp, reference, text, published=dt.date(2025, 8, 25))
    evs = events(doc)
    race = event_key(evs, "the Suzuka GT 300km Race")
    assert not [k for k in evs if k.endswith("-race-1")]  # "the first race since": no session
    tied = {(f["s"], f["o"], f.get("round")) for f in facts(doc, "eventOf")}
    assert (race, "super-gt", 5) in tied


def test_an_aside_sets_no_championship(nlp: Language, reference: Reference) -> None:
    text = (
        "Penalty decides Misano\n\n"
        "Elite Motorsport won Saturday's race at Misano. A penalty decided the opening race "
        "of round four of the GT4 European Series.\n\n"
        '"You never want to win in an office," said Tom Baker, who also drives for Century '
        "Motorsport in British GT. Ola Lund, the series' Silver champion in 2022, did not "
        "argue.\n\n"
        "Sunday's race went to Team Speedcar.\n"
    )
    doc = predict(nlp, reference, text, published=dt.date(2025, 7, 21))
    assert not [k for k in events(doc) if k.startswith("british-gt")]
    tied = {f["o"] for f in facts(doc, "eventOf")}
    assert "british-gt" not in tied
    assert "gt4-european-series" in tied
