"""Participation in driver announcements and season plans: a team naming its drivers (spaCy
subject), past crews in relative clauses, programmes in doubt, crews staying "alongside"."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from racegraph.reference import Reference

from ._pipeline_harness import facts, predict

DEC = dt.date(2025, 12, 10)


def _rows(doc: object, relation: str, *roles: str) -> set[tuple[object, ...]]:
    return {tuple(f.get(r) for r in roles) for f in facts(doc, relation)}  # type: ignore[arg-type]


def test_team_signs_drivers_for_its_numbered_car(nlp: Language, reference: Reference) -> None:
    doc = predict(
        nlp,
        reference,
        "Cool Racing has confirmed Alexandre Coigny and Malthe Jakobsen for another season in "
        "its #37 Oreca 07 in the 2026 European Le Mans Series.",
        published=DEC,
    )
    names = {e.key: e.name for e in doc.entities}
    comp = {
        (names.get(str(f["s"])), f.get("season"), f.get("status")) for f in facts(doc, "competesIn")
    }
    assert ("Alexandre Coigny", 2026, "confirmed") in comp
    assert ("Malthe Jakobsen", 2026, "confirmed") in comp
    drives = {
        (names.get(str(f["s"])), f.get("number"), f.get("season")) for f in facts(doc, "drives")
    }
    assert ("Alexandre Coigny", 37, 2026) in drives
    members = {(names.get(str(f["s"])), names.get(str(f["o"]))) for f in facts(doc, "memberOf")}
    assert any(d == "Malthe Jakobsen" and "Cool" in str(t) for d, t in members)


def test_past_crew_in_relative_clause(nlp: Language, reference: Reference) -> None:
    doc = predict(
        nlp,
        reference,
        "Iron Lynx has confirmed Matteo Cressoni and Franck Perera in its #60 Lamborghini "
        "Huracan GT3 Evo2 for the 2026 European Le Mans Series. Claudio Schiavoni, who shared "
        "the #60 with Cressoni in 2025, is yet to find a seat for 2026.",
        published=DEC,
    )
    names = {e.key: e.name for e in doc.entities}
    drives = {
        (names.get(str(f["s"])), f.get("number"), f.get("season")) for f in facts(doc, "drives")
    }
    assert ("Claudio Schiavoni", 60, 2025) in drives
    assert ("Matteo Cressoni", 60, 2025) in drives
    comp = {
        (names.get(str(f["s"])), f.get("season"), f.get("status")) for f in facts(doc, "competesIn")
    }
    assert ("Claudio Schiavoni", 2025, "confirmed") in comp
    assert ("Claudio Schiavoni", 2026, "uncertain") in comp
    pairs = {
        frozenset({names.get(str(f["s"])), names.get(str(f["o"]))}) for f in facts(doc, "coDriver")
    }
    assert frozenset({"Claudio Schiavoni", "Matteo Cressoni"}) in pairs


def test_stay_in_numbered_car_alongside(nlp: Language, reference: Reference) -> None:
    doc = predict(
        nlp,
        reference,
        "United Autosports will race the Oreca 07 in the 2026 European Le Mans Series. "
        "Oliver Jarvis is expected to stay in the #22 alongside Ben Hanley.",
        published=DEC,
    )
    names = {e.key: e.name for e in doc.entities}
    comp = {
        (names.get(str(f["s"])), f.get("season"), f.get("status")) for f in facts(doc, "competesIn")
    }
    assert ("Ben Hanley", 2026, "likely") in comp
    assert ("Oliver Jarvis", 2026, "likely") in comp
