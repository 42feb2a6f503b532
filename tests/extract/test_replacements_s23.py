"""Session 23: who takes whose seat or role. "A moves into the #81 in place of the Dane B",
"A becomes team principal, replacing B", "He replaces the Italian B", "B was replaced by A"
all say A replaces B (``rg:succeeds`` between people in the graph, ``rg:replaces`` stays
for classes); the subject of ", replacing B" is the subject of its verb, not the last name
before it; a stint handover ("took over from B at the first stops") is no replacement. "The
team announced that A becomes team principal" names the principal, and "that A becomes
team" is no team phrase. Own sentences, full pipeline."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from racegraph.evaluate import PredictedDoc
from racegraph.reference import Reference
from tests.extract._pipeline_harness import entity_types, facts, predict

_MARKET = (
    "Garage 59 will begin its fourth season with McLaren under new leadership. The British "
    "team announced on Monday that Sian Pritchard becomes team principal on 1 January, "
    "replacing Owen Maddocks, who leaves at the end of the year.\n\n"
    "Luca Ferrante, the 29-year-old Italian McLaren works driver, moves into the #58 in place "
    "of the Swede Nils Ekdahl, who joins the IMSA programme. Ferrante will drive the #58 "
    "alongside Tom Hale and Ben Cross, replacing the retired Piet de Wit.\n\n"
    "Kasper Lund was quick in practice. He replaces the Austrian Felix Gruber at Spa.\n\n"
    "At Monza, Marco Villa was replaced by Dario Conti after a crash. Conti took over from "
    "Tom Hale at the first round of stops.\n"
)


@pytest.fixture(scope="module")
def market(nlp: Language, reference: Reference) -> PredictedDoc:
    return predict(nlp, reference, _MARKET, published=dt.date(2025, 11, 18))


def _pairs(doc: PredictedDoc) -> set[tuple[object, object]]:
    return {(f["s"], f["o"]) for f in facts(doc, "replaces")}


def test_in_place_of(market: PredictedDoc) -> None:
    assert ("luca-ferrante", "nils-ekdahl") in _pairs(market)


def test_replacing_is_said_of_the_subject(market: PredictedDoc) -> None:
    assert ("luca-ferrante", "piet-de-wit") in _pairs(market)
    assert ("ben-cross", "piet-de-wit") not in _pairs(market)


def test_a_new_principal(market: PredictedDoc) -> None:
    assert ("sian-pritchard", "owen-maddocks") in _pairs(market)
    heads = {(f["s"], f["o"]) for f in facts(market, "teamPrincipal")}
    assert ("garage-59", "sian-pritchard") in heads
    assert entity_types(market).get("sian-pritchard") in {"Person", "Driver"}


def test_a_pronoun_replaces(market: PredictedDoc) -> None:
    assert ("kasper-lund", "felix-gruber") in _pairs(market)


def test_the_passive(market: PredictedDoc) -> None:
    assert ("dario-conti", "marco-villa") in _pairs(market)


def test_a_stint_handover_is_no_replacement(market: PredictedDoc) -> None:
    assert ("dario-conti", "tom-hale") not in _pairs(market)
