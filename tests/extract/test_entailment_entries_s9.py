"""Participation an entry entails (relations/entailment.py): a driver who drives a car in a
championship season competes in it; a class-less entry takes the class its class result or
its crew mates give it. The article view is built from hand-placed mentions and one stated
fact is added by hand, so the test reads the entailment alone."""

from __future__ import annotations

import datetime as dt
import hashlib

from spacy.language import Language

from racegraph.extract.relations import entailment
from racegraph.extract.relations._base import Article, prepare
from racegraph.extract.relations._oracle import context_from_mentions
from racegraph.records import Article as Doc
from racegraph.reference import Reference
from tests.extract._pipeline_harness import facts, predict
from tests.extract._relations_harness import CAR, C, D, K, T
from tests.extract._relations_harness import nlp as oracle_nlp
from tests.extract._relations_harness import reference as oracle_reference

_TEXT = (
    "The FIA World Endurance Championship has published its 2026 entry list. "
    "In LMGT3, Manthey runs the #91 Porsche 911 GT3 R for Ann Example and Ben Sample."
)
_PLACED = [
    ("FIA World Endurance Championship", "fia-wec", C),
    ("LMGT3", "lmgt3", K),
    ("Manthey", "manthey", T),
    ("Porsche 911 GT3 R", "porsche-911-gt3-r", CAR),
    ("Ann Example", "ann-example", D),
    ("Ben Sample", "ben-sample", D),
]


def _view(text: str = _TEXT) -> Article:
    doc = Doc(
        stem="t",
        file_name="t.txt",
        published=dt.date(2025, 12, 5),
        text=text,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        word_count=len(text.split()),
    )
    ctx = context_from_mentions(
        doc, nlp=oracle_nlp(), reference=oracle_reference(), mentions=_PLACED
    )
    art = prepare(ctx)
    art.facts.clear()
    return art


def _competes(art: Article, who: str) -> list[dict[str, object]]:
    return [dict(f.args) for f in art.facts if f.relation == "competesIn" and f.get("s") == who]


def test_a_driver_who_drives_a_car_in_a_season_competes_in_that_championship() -> None:
    art = _view()
    sent = art.sentences[1]
    for who in ("ann-example", "ben-sample"):
        art.emit(
            "drives", sent, "test", 0.8, s=who, o="porsche-911-gt3-r", number=91,
            championship="fia-wec", season=2026, **{"class": "lmgt3"},
        )  # fmt: skip
    entailment.complete(art)
    for who in ("ann-example", "ben-sample"):
        got = [(f["o"], f["season"], f["status"], f["class"]) for f in _competes(art, who)]
        assert got == [("fia-wec", 2026, "confirmed", "lmgt3")], who


def test_a_driver_who_drives_without_a_championship_is_not_said_to_compete() -> None:
    art = _view()
    art.emit("drives", art.sentences[1], "test", 0.8, s="ann-example", o="porsche-911-gt3-r")
    entailment.complete(art)
    assert _competes(art, "ann-example") == []


def _crew_of_two(mate_championship: str) -> Article:
    """Ann (in LMGT3 of ``mate_championship``) and Ben (WEC, no class) share a car."""
    art = _view()
    sent = art.sentences[1]
    art.emit(
        "competesIn", sent, "test", 0.8, s="ann-example", o=mate_championship, season=2026,
        status="confirmed", **{"class": "lmgt3"},
    )  # fmt: skip
    art.emit(
        "competesIn", sent, "test", 0.8, s="ben-sample", o="fia-wec", season=2026,
        status="confirmed",
    )  # fmt: skip
    art.emit("coDriver", sent, "test", 0.8, s="ann-example", o="ben-sample", season=2026)
    entailment.complete(art)
    return art


def test_a_class_less_entry_takes_the_class_of_its_crew_mate() -> None:
    art = _crew_of_two("fia-wec")
    assert [f.get("class") for f in _competes(art, "ben-sample")] == ["lmgt3"]


def test_a_crew_mate_in_another_championship_gives_no_class() -> None:
    art = _crew_of_two("elms")
    assert [f.get("class") for f in _competes(art, "ben-sample")] == [None]


def test_a_team_takes_the_class_of_its_crew_s_class_win(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        "Barwell Motorsport won the race at Donington Park on Sunday in the British GT "
        "Championship, as Dan Example and Ed Sample brought the #63 Lamborghini Huracan GT3 "
        "Evo2 home first. The victory was also a Pro-Am class win for the pair.",
        published=dt.date(2025, 6, 23),
    )
    team = [f for f in facts(doc, "competesIn") if f["s"] == "barwell"]
    assert [(f["o"], f["season"], f.get("class")) for f in team] == [
        ("british-gt", 2025, "pro-am-cup")
    ]
