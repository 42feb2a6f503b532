"""Qualifiers of participation facts: crew partners the parse attaches to a driver whose
participation is stated (partners.py), and the class a statement leaves open, from the
discourse ("Elsewhere in the Hypercar class", "In GTD Pro, ...") or from the crew
(class_context.py)."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from racegraph.evaluate import PredictedDoc
from racegraph.reference import Reference

from ._pipeline_harness import facts, predict

DEC = dt.date(2025, 12, 10)


def _competes(doc: PredictedDoc) -> set[tuple[object, ...]]:
    """(driver or team name, championship name, season, class name, status)."""
    names = {e.key: e.name for e in doc.entities}
    return {
        (
            names.get(str(f["s"])),
            names.get(str(f["o"])),
            f.get("season"),
            names.get(str(f.get("class"))) if f.get("class") else None,
            f.get("status"),
        )
        for f in facts(doc, "competesIn")
    }


def _named(doc: PredictedDoc, relation: str) -> set[str | None]:
    names = {e.key: e.name for e in doc.entities}
    return {names.get(str(f["s"])) for f in facts(doc, relation)}


def test_partners_in_a_where_clause_join_the_crew(nlp: Language, reference: Reference) -> None:
    doc = predict(
        nlp,
        reference,
        "Cool Racing has named Lorenzo Fluxa in its #37 Oreca 07 for the 2026 European Le Mans "
        "Series, where the Spanish driver teams up with Malthe Jakobsen and Adrien Chila.",
        published=DEC,
    )
    comp = _competes(doc)
    for who in ("Lorenzo Fluxa", "Malthe Jakobsen", "Adrien Chila"):
        assert any(c[0] == who and c[2] == 2026 for c in comp), who
    assert {"Malthe Jakobsen", "Adrien Chila"} <= _named(doc, "memberOf")
    assert {"Malthe Jakobsen", "Adrien Chila"} <= _named(doc, "drives")
    names = {e.key: e.name for e in doc.entities}
    pairs = {
        frozenset({names.get(str(f["s"])), names.get(str(f["o"]))}) for f in facts(doc, "coDriver")
    }
    assert frozenset({"Malthe Jakobsen", "Adrien Chila"}) in pairs


def test_partner_of_a_past_relative_clause_gets_nothing(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(
        nlp,
        reference,
        "Dutchman Nicky Catsburg, who shared the car with Tommy Milner this year, is likely to "
        "move to the GT World Challenge Europe Endurance Cup with Boutsen VDS.",
        published=DEC,
    )
    comp = _competes(doc)
    assert any(c[0] == "Nicky Catsburg" and c[4] == "likely" for c in comp)
    assert not any(c[0] == "Tommy Milner" and c[4] == "likely" for c in comp)


def test_elsewhere_in_a_class_applies_to_the_story_before_and_after(
    nlp: Language, reference: Reference
) -> None:
    doc = predict(nlp, reference, _WEC_STORY.format(frame="Elsewhere in"), published=DEC)
    wec = {c for c in _competes(doc) if c[2] == 2026}
    assert ("Alex Lynn", "FIA World Endurance Championship", 2026, "Hypercar", "confirmed") in wec
    assert any(c[0] == "Nicolas Lapierre" and c[3] == "Hypercar" for c in wec)
    assert not any(c[0] == "Alex Lynn" and c[3] is None for c in wec)


def test_a_plain_class_frame_does_not_reach_back(nlp: Language, reference: Reference) -> None:
    doc = predict(nlp, reference, _WEC_STORY.format(frame="In"), published=DEC)
    wec = {c for c in _competes(doc) if c[2] == 2026}
    assert ("Alex Lynn", "FIA World Endurance Championship", 2026, None, "confirmed") in wec
    assert not any(c[0] == "Alex Lynn" and c[3] == "Hypercar" for c in wec)


# the #12 is not named: a named Cadillac V-Series.R (LMDh) would be a Hypercar by its car
_WEC_STORY = (
    "Hertz Team Jota has confirmed Alex Lynn and Will Stevens in its #12 car "
    "for the 2026 FIA World Endurance Championship.\n\n"
    "{frame} the Hypercar class, Alpine has named Charles Milesi as a driver of its #36 Alpine "
    "A424 for 2026.\n\n"
    "Nicolas Lapierre is expected to drive the #35 Alpine A424 in the FIA World Endurance "
    "Championship in 2026."
)


def test_team_takes_the_class_of_the_crew_it_names(nlp: Language, reference: Reference) -> None:
    doc = predict(
        nlp,
        reference,
        "LMP2 remains the biggest class of the 2026 European Le Mans Series with 16 cars, all "
        "of them Oreca 07s.\n\n"
        "In LMGT3 there are 14 cars, and Ferrari leads the way with five 296 GT3s.\n\n"
        "IDEC Sport has also named Paul Lafargue in its #28 Oreca, where the Frenchman teams "
        "up with Job van Uitert.",
        published=DEC,
    )
    comp = _competes(doc)
    assert ("IDEC Sport", "European Le Mans Series", 2026, "LMP2", "confirmed") in comp
    assert not any(c[0] == "IDEC Sport" and c[3] is None for c in comp)
    assert any(c[0] == "Job van Uitert" and c[3] == "LMP2" for c in comp)
