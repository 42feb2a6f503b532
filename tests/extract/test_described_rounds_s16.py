"""Rounds named by a description (session 16): "the DTM's visit to the Norisring" is that
round, "a calendar that includes a visit to Spa" is none; "the Dutchman's race" is a person's
race, not a race in the Netherlands; "the British GT Championship season finale at Donington
Park" is the round at Donington, also quoted without its place; a minted round keeps its
determiner ("its second round of the season"). Own sentences, full pipeline."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from racegraph.reference import Reference
from tests.extract._pipeline_harness import events, facts, predict

_DTM = (
    "Daniel Harper and Lucas Moreau shared the wins in the DTM's visit to the Norisring at the "
    "weekend.\n\n"
    "Harper controlled Saturday's race from pole in the #33 BMW M4 GT3 Evo. De Graaf had taken "
    "pole for Sunday, but the Dutchman's race lasted less than a lap.\n"
)


def test_a_series_visit_to_a_venue_is_its_round(nlp: Language, reference: Reference) -> None:
    doc = predict(nlp, reference, _DTM, published=dt.date(2025, 7, 7))
    rounds = [k for k, ms in events(doc).items() if "visit to the Norisring" in ms]
    assert rounds
    held = {f["o"] for f in facts(doc, "heldAt") if f["s"] == rounds[0]}
    assert held == {"norisring"}


def test_a_demonyms_race_is_not_a_race_in_his_country(nlp: Language, reference: Reference) -> None:
    doc = predict(nlp, reference, _DTM, published=dt.date(2025, 7, 7))
    assert "nl" not in {f["o"] for f in facts(doc, "heldAt")}
    assert not any("Dutchman's race" in ms for ms in events(doc).values())


def test_a_calendar_visit_is_no_round(nlp: Language, reference: Reference) -> None:
    text = (
        "The British GT Championship will race abroad twice in 2026, after SRO confirmed on "
        "Monday a calendar that again includes a visit to Spa-Francorchamps.\n"
    )
    doc = predict(nlp, reference, text, published=dt.date(2025, 11, 3))
    assert not [k for k, ms in events(doc).items() if any("visit" in m for m in ms)]


def test_a_championships_season_finale_at_a_venue(nlp: Language, reference: Reference) -> None:
    text = (
        "Daniel Harper and Lucas Moreau won the British GT Championship season finale at "
        "Donington Park on Sunday.\n"
    )
    doc = predict(nlp, reference, text, published=dt.date(2025, 9, 15))
    finale = [
        k for k, ms in events(doc).items() if "the British GT Championship season finale" in ms
    ]
    assert finale
    assert {f["o"] for f in facts(doc, "heldAt") if f["s"] == finale[0]} == {"donington"}
    wins = [f for f in facts(doc, "raceResult") if f.get("position") == 1]
    assert wins and all(f["event"] == finale[0] for f in wins)


def test_a_minted_round_keeps_its_determiner(nlp: Language, reference: Reference) -> None:
    text = (
        "Team WRT won as the GT World Challenge Europe Sprint Cup visited Zandvoort for its "
        "second round of the season.\n"
    )
    doc = predict(nlp, reference, text, published=dt.date(2025, 6, 23))
    assert any("its second round of the season" in ms for ms in events(doc).values())
