"""Session 21: driver announcements. A plain "will" in an announcement states what is settled
("Kovacs will partner Reid in the #3"), so the participation is confirmed; "set to" and "will
definitely" stay plans. A capitalised -ing word opening a quote ("Leaving Hartley was ...") is
no given name. Letters that Unicode does not decompose ("ø", "ł") fold in keys. Own sentences,
full pipeline."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from racegraph.evaluate import PredictedDoc
from racegraph.reference import Reference
from racegraph.vocab import slugify
from tests.extract._pipeline_harness import extract, facts, predict

_SEAT = (
    "Corvette Racing has promoted the Hungarian Adam Kovacs to works driver for 2026. Kovacs "
    "will partner Lewis Reid in the #3 Corvette Z06 GT3.R in the GTD Pro class of the IMSA "
    "WeatherTech SportsCar Championship.\n\n"
    "Marco Lindqvist is set to join Heart of Racing in the FIA World Endurance Championship "
    "next year.\n"
)

_QUOTE = (
    "Søren Holmgaard will drive for Vasser Sullivan in 2026 after four seasons with Wright "
    'Motorsports. "Leaving Wright was the hardest decision of my career," said Holmgaard.\n'
)


@pytest.fixture(scope="module")
def seat(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _SEAT, published=dt.date(2025, 12, 9))


def _status(doc: PredictedDoc, person: str, championship: str, season: int = 2026) -> set[object]:
    return {
        f.get("status")
        for f in facts(doc, "competesIn")
        if f["s"] == person and f["o"] == championship and f.get("season") == season
    }


def test_a_plain_will_in_an_announcement_is_confirmed(seat: PredictedDoc) -> None:
    assert _status(seat, "adam-kovacs", "imsa") == {"confirmed"}
    assert _status(seat, "lewis-reid", "imsa") == {"confirmed"}


def test_set_to_stays_a_plan(seat: PredictedDoc) -> None:
    assert _status(seat, "marco-lindqvist", "fia-wec") == {"planned"}


def test_will_definitely_stays_a_plan(nlp: Language, reference: Reference) -> None:
    doc = predict(
        nlp,
        reference,
        "Lukas Brandt will definitely continue in the GT World Challenge Europe Endurance Cup "
        "next year.\n",
        published=dt.date(2025, 11, 6),
    )
    assert _status(doc, "lukas-brandt", "gtwc-europe-endurance-cup") == {"planned"}


def test_a_gerund_opening_a_quote_is_no_given_name(nlp: Language, reference: Reference) -> None:
    ex = extract(nlp, reference, _QUOTE, published=dt.date(2025, 12, 16))
    named = {m.text: m.label for m in ex.mentions}
    assert "Leaving Wright" not in named
    assert named["Wright"] == "wright"  # the team's short name
    assert named["Søren Holmgaard"] == "soren-holmgaard"


def test_letters_without_a_combining_mark_fold_in_keys() -> None:
    assert slugify("Søren Holmgaard") == "soren-holmgaard"
    assert slugify("Łukasz Kowalski") == "lukasz-kowalski"
    assert slugify("Æsa Brøndum") == "aesa-brondum"


_PROMOTION = (
    "Aston Martin has promoted Nils Haugen to its factory line-up for 2026. The 23-year-old "
    "Norwegian, who has spent two seasons in its junior programme, will make his FIA World "
    "Endurance Championship debut in Heart of Racing's #27 Aston Martin Vantage AMR LMGT3.\n\n"
    "Haugen earned the call-up in the GT World Challenge Europe, where he won the Endurance "
    "Cup's Silver Cup title with Comtoyou Racing last month. He and his team-mates also "
    "finished second in the Silver Cup at the 24 Hours of Spa in June.\n"
)


def test_a_learned_car_link_takes_its_own_sentence_s_championship(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(nlp, reference, _PROMOTION, published=dt.date(2025, 11, 19))
    cars = {
        (f["o"], f.get("championship"), f.get("season"))
        for f in facts(doc, "drives")
        if f["s"] == "nils-haugen"
    }
    assert cars == {("aston-martin-vantage-amr-lmgt3", "fia-wec", 2026)}
