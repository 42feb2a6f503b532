"""Linking: a crew of people who "gave the car its win" are drivers, not a team; "the team"
is the team of its paragraph or the story's team so far, not the article's most named one.
Own sentences of the genre, full pipeline."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from racegraph.reference import Reference
from tests.extract._pipeline_harness import facts, predict


def test_a_crew_that_gave_the_car_its_win_are_drivers(nlp: Language, reference: Reference) -> None:
    doc = predict(
        nlp,
        reference,
        "Porsche Penske Motorsport won at Sebring on Saturday as Felix Brandt, Nick Tanner and "
        "Matt Cole gave the #7 Porsche 963 its second victory of the IMSA SportsCar "
        "Championship season.",
        published=dt.date(2025, 3, 17),
    )
    types = {e.key: e.type for e in doc.entities}
    assert types["felix-brandt"] == "Driver"
    crews = [set(f["drivers"]) for f in facts(doc, "raceResult") if f["position"] == 1]  # type: ignore[call-overload]
    assert {"felix-brandt", "nick-tanner", "matt-cole"} in crews


def test_the_team_is_the_team_of_its_paragraph_not_the_most_named(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        "Alpha Racing has signed Ann Example for the 2026 GT World Challenge Europe Endurance "
        "Cup. She will drive the #96 Porsche 911 GT3 R with Ben Sample, who stays with the "
        "team.\n\n"
        "Beta Motorsport will return to the European Le Mans Series. Beta Motorsport has kept "
        "Cal Probe, and Beta Motorsport team principal Dan Demo is pleased.",
        published=dt.date(2025, 11, 20),
    )
    teams = {f["o"] for f in facts(doc, "memberOf") if f["s"] == "ben-sample"}
    assert teams == {"alpha"}
