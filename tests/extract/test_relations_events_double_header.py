"""A weekend of two races: the day's race the lede names is its round, the other day is the
race the text numbers ("the first race"), and what a speaker says in a quote sets no race
for the narrative after it.

Own article of the genre, through the whole pipeline.
"""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from racegraph.records import EntityType, Extraction
from racegraph.reference import Reference
from tests.extract._pipeline_harness import extract

_WEEKEND = (
    "Apex Racing bounced back from a retirement on Saturday to win Sunday's four-hour race at "
    "Sepang, the third round of the 2025 Asian Le Mans Series.\n\n"
    "Tom Keller, Ivo Marten and Sam Oduya shared the #3 Oreca 07 and finished ten seconds ahead "
    "of the #21 car of Lars Brun and Ken Ito.\n\n"
    '"We lost the first race at turn one, so today was about pace," said Keller.\n\n'
    "In GT, the #9 Porsche 911 GT3 R of Dario Fenn and Raul Ocampo took the class win."
)


def _weekend(nlp: Language, reference: Reference) -> Extraction:
    return extract(nlp, reference, _WEEKEND, published=dt.date(2025, 2, 10))


def _event_with(ex: Extraction, form: str) -> str:
    return next(e.key for e in ex.entities if e.type is EntityType.EVENT and form in e.mentions)


def test_the_day_the_text_numbers_is_that_race_and_the_lede_race_is_its_round(
    nlp: Language, reference: Reference
) -> None:
    ex = _weekend(nlp, reference)
    assert _event_with(ex, "Saturday") == _event_with(ex, "the first race")
    sunday = _event_with(ex, "the third round of the 2025 Asian Le Mans Series")
    assert sum(1 for e in ex.entities if e.type is EntityType.EVENT) == 2
    dates = {f.get("s"): f.get("o") for f in ex.facts if f.relation == "eventDate"}
    assert dates[sunday] == dt.date(2025, 2, 9)
    assert dates[_event_with(ex, "Saturday")] == dt.date(2025, 2, 8)


def test_a_race_named_in_a_quote_is_not_the_race_of_the_next_paragraph(
    nlp: Language, reference: Reference
) -> None:
    ex = _weekend(nlp, reference)
    sunday = _event_with(ex, "the third round of the 2025 Asian Le Mans Series")
    events = {
        frozenset(f.get("drivers") or ()): f.get("event")  # type: ignore[arg-type]
        for f in ex.facts
        if f.relation == "raceResult"
    }
    assert events[frozenset({"dario-fenn", "raul-ocampo"})] == sunday
    assert events[frozenset({"tom-keller", "ivo-marten", "sam-oduya"})] == sunday


def test_the_other_days_race_is_not_the_round_the_first_race_was_apposed_to(
    nlp: Language, reference: Reference
) -> None:
    ex = extract(
        nlp,
        reference,
        "Ruben Sala and Pol Ferrer won Saturday's opening race at Paul Ricard, the first round "
        "of the 2024 International GT Open, before Mark Varga and Olaf Rudd hit back on Sunday."
        "\n\nSunday's race was won by Varga and Rudd, who had qualified fourth.",
        published=dt.date(2024, 5, 6),
    )
    rnd = _event_with(ex, "the first round of the 2024 International GT Open")
    events = {
        frozenset(f.get("drivers") or ()): f.get("event")  # type: ignore[arg-type]
        for f in ex.facts
        if f.relation == "raceResult" and f.get("position") == 1
    }
    assert events[frozenset({"ruben-sala", "pol-ferrer"})] == rnd
    assert events[frozenset({"mark-varga", "olaf-rudd"})] not in (rnd, None)
