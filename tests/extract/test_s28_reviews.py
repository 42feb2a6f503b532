"""Session 28: season reviews. A review tells the season's earlier wins by place and day
("won at Monza on 1 June, the second round, and again at the Nürburgring on 31 August,
round four"): each is a round of the season's championship, held there that day, won by the
crew. Own sentences, full pipeline."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from racegraph.reference import Reference
from tests.extract._pipeline_harness import events, facts, predict

_REVIEW = (
    "How the title was won\n\n"
    "The 2025 GT World Challenge Europe Endurance Cup ended at Barcelona on Sunday, where "
    "Elsa Berg and Tom Kerr took the Pro title.\n\n"
    "Berg and Kerr won at Monza on 1 June, the second round, and again at the Nürburgring "
    "on 31 August, round four. A win at Spa in 2023 was their last before that.\n"
)


def test_dated_wins_are_rounds_of_the_season(nlp: Language, reference: Reference) -> None:
    doc = predict(nlp, reference, _REVIEW, published=dt.date(2025, 10, 14))
    evs = events(doc)
    held = {f["s"]: f["o"] for f in facts(doc, "heldAt")}
    monza = next(k for k in evs if held.get(k) == "monza")
    ring = next(k for k in evs if held.get(k) == "nurburgring")
    rounds = {(f["s"], f.get("round")) for f in facts(doc, "eventOf")}
    assert {(monza, 2), (ring, 4)} <= rounds
    dates = {(f["s"], f["o"]) for f in facts(doc, "eventDate")}
    assert {(monza, dt.date(2025, 6, 1)), (ring, dt.date(2025, 8, 31))} <= dates
    won = {(f["s"], f["o"]) for f in facts(doc, "won")}
    for who in ("elsa-berg", "tom-kerr"):
        assert {(who, monza), (who, ring)} <= won


def test_a_day_after_publication_is_no_past_win(nlp: Language, reference: Reference) -> None:
    doc = predict(nlp, reference, _REVIEW, published=dt.date(2025, 5, 1))
    held = {f["o"] for f in facts(doc, "heldAt")}
    assert "monza" not in held
