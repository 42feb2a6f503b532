"""Linking rules found on blind set 7 (tests/extract/blind7), each with a sentence of its own:
team names made of a word and a number, "returns to the squad", sentence-initial
descriptions after a sentence naming one person, people promoted to drivers by a racing
description."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from racegraph.extract.context import DocContext
from racegraph.extract.linking import link_mentions
from racegraph.extract.mentions import extract_mentions
from racegraph.records import Article, EntityType
from racegraph.reference import Reference

T = EntityType


def link(nlp: Language, reference: Reference, text: str) -> DocContext:
    article = Article(
        stem="t",
        file_name="t.txt",
        published=dt.date(2025, 3, 4),
        text=text,
        sha256="",
        word_count=len(text.split()),
    )
    ctx = DocContext(article=article, doc=nlp(text), reference=reference)
    link_mentions(ctx, extract_mentions(ctx.doc, reference))
    return ctx


def forms(ctx: DocContext, key: str) -> tuple[str, ...]:
    return ctx.entities[key].mentions if key in ctx.entities else ()


def test_word_and_number_subject_of_an_entrant_verb_is_a_team(
    nlp: Language, reference: Reference
) -> None:
    ctx = link(
        nlp,
        reference,
        "Racing Spirit 7 has signed Lukas Brandt for the European Le Mans Series. "
        "Later this year Lukas Brandt will also test for the squad.",
    )
    teams = [e for e in ctx.entities.values() if e.type is T.TEAM]
    assert any(e.name.endswith("7") for e in teams)


def test_a_number_after_round_is_not_a_team(nlp: Language, reference: Reference) -> None:
    ctx = link(nlp, reference, "Round 3 will be held at Imola, where Lukas Brandt won last year.")
    assert not [e for e in ctx.entities.values() if "Round" in e.name]


def test_returning_to_the_squad_is_a_person_not_an_entrant(
    nlp: Language, reference: Reference
) -> None:
    ctx = link(
        nlp,
        reference,
        "Hugo Lenoir, 27, returns to the French squad after two seasons in the DTM.",
    )
    people = [e for e in ctx.entities.values() if e.name == "Hugo Lenoir"]
    assert people and people[0].type is not T.TEAM


def test_sentence_initial_description_refers_to_the_one_person_named_before(
    nlp: Language, reference: Reference
) -> None:
    ctx = link(
        nlp,
        reference,
        "Marco Bellini is the most experienced driver in the field. "
        "Heart of Racing has confirmed Jonas Eklund for its second Aston Martin. "
        "The 31-year-old Swede will race alongside Marco Bellini.",
    )
    key = next(k for k, e in ctx.entities.items() if e.name == "Jonas Eklund")
    assert "The 31-year-old" in forms(ctx, key)
    other = next(k for k, e in ctx.entities.items() if e.name == "Marco Bellini")
    assert "The 31-year-old" not in forms(ctx, other)


def test_person_described_as_racing_becomes_a_driver(nlp: Language, reference: Reference) -> None:
    ctx = link(
        nlp,
        reference,
        "Tomasz Nowak's future is still open. "
        "The Austrian, 36, drove a Porsche 911 GT3 R for Proton Competition last season.",
    )
    key = next(k for k, e in ctx.entities.items() if e.name == "Tomasz Nowak")
    assert ctx.entities[key].type is T.DRIVER


def test_object_of_a_naming_and_a_partner_are_people(nlp: Language, reference: Reference) -> None:
    ctx = link(
        nlp,
        reference,
        "Algarve Pro Racing has named Jean-Baptiste Lahaye in its #25 car, where the "
        "Frenchman teams up with Olli Caldwell and Kriton Lendoudis.",
    )
    by_name = {e.name: e.type for e in ctx.entities.values()}
    assert by_name.get("Jean-Baptiste Lahaye") in {T.DRIVER, T.PERSON}
    assert by_name.get("Olli Caldwell") in {T.DRIVER, T.PERSON}
