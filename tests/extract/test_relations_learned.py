"""The learned pair classifier: its features, its model file, how it adds facts, its trainer.

Own sentences of the genre. The model-dependent tests use links the shipped model reads with
a wide margin over its threshold; the mechanism tests use small hand-made models so they do
not depend on training data.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from racegraph import train
from racegraph.build import pipeline_fingerprint
from racegraph.extract.relations import learned
from racegraph.extract.relations.learned import PairModel
from racegraph.records import Extraction
from racegraph.reference import Reference, default_reference_dir
from tests.extract._pipeline_harness import extract

_SHARE = (
    "Lars Berg, the reigning champion, will share the Proton Competition Porsche 911 GT3 R "
    "with rookie Ivo Lind in the European Le Mans Series this year."
)


def _extract(nlp: Language, reference: Reference, text: str) -> Extraction:
    return extract(nlp, reference, text)


def _learned(ex: Extraction, relation: str) -> list[dict[str, object]]:
    return [
        dict(f.args)
        for f in ex.facts
        if f.relation == relation and f.evidence.rule == "learned." + relation
    ]


def test_the_shipped_model_links_a_crew_mate_the_rules_leave_without_a_team(
    nlp: Language, reference: Reference
) -> None:
    ex = _extract(nlp, reference, _SHARE)
    member = _learned(ex, "memberOf")
    assert sorted((m["s"], m["o"], m["championship"], m["season"]) for m in member) == [
        ("ivo-lind", "proton-competition", "elms", 2024),
        ("lars-berg", "proton-competition", "elms", 2024),
    ]
    cars = _learned(ex, "drives")
    assert [(c["s"], c["o"]) for c in cars] == [("ivo-lind", "porsche-911-gt3-r")]
    for f in ex.facts:
        if f.evidence.rule.startswith("learned."):
            assert 0.5 <= f.evidence.confidence <= learned.MAX_CONFIDENCE
            assert f.evidence.sentence == _SHARE


def test_rivals_in_a_passing_move_are_not_made_co_drivers(
    nlp: Language, reference: Reference
) -> None:
    ex = _extract(
        nlp,
        reference,
        "Lars Berg passed Ivo Lind for third place in the European Le Mans Series race at "
        "Imola on Sunday.",
    )
    assert not [f for f in ex.facts if f.relation == "coDriver"]


def test_a_pair_model_adds_only_links_no_rule_stated(
    nlp: Language, reference: Reference, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = _SHARE
    monkeypatch.setenv(learned.MODEL_ENV, "off")
    rules = _extract(nlp, reference, text)
    stated = {(f.get("s"), f.get("o")) for f in rules.facts if f.relation == "memberOf"}
    eager = PairModel(weights={"memberOf": {"bias": 5.0}}, threshold=0.5)
    monkeypatch.setattr(learned, "default_model", lambda: eager)
    both = _extract(nlp, reference, text)
    added = _learned(both, "memberOf")
    assert added, "a model that accepts every pair adds the unstated ones"
    assert not {(a["s"], a["o"]) for a in added} & stated
    assert ("lars-berg", "proton-competition") in {(a["s"], a["o"]) for a in added}
    shy = PairModel(weights={"memberOf": {"bias": -5.0}}, threshold=0.5)
    monkeypatch.setattr(learned, "default_model", lambda: shy)
    assert not _learned(_extract(nlp, reference, text), "memberOf")


def test_the_model_file_round_trips_and_its_bytes_are_stable() -> None:
    model = PairModel(
        weights={"drives": {"w:in": 1.23456, "bias": -0.5, "w:of": 0.00001}}, threshold=0.6
    )
    text = model.to_json(trained_on=["a"])
    again = PairModel.from_json(text)
    assert again.weights == {"drives": {"bias": -0.5, "w:in": 1.2346}}
    assert again.threshold == 0.6
    assert again.to_json(trained_on=["a"]) == text
    assert again.probability("drives", ("w:in",)) > 0.5 > again.probability("drives", ("bias",))
    assert again.probability("coDriver", ("w:in",)) == 0.0


def test_the_shipped_model_covers_the_three_relations_and_names_its_training_sets() -> None:
    data = json.loads(learned.MODEL_PATH.read_text(encoding="utf-8"))
    assert set(data["weights"]) == {"memberOf", "drives", "coDriver"}
    trained = " ".join(data["trained_on"])
    for untouched in ("heldout", "blind10", "blind15", "blind18", "blind20", "blind69", "blind70"):
        assert untouched not in trained


def test_fit_learns_which_features_mark_a_link() -> None:
    examples = [train.Example("memberOf", ("bias", "w:for"), True)] * 20 + [
        train.Example("memberOf", ("bias", "w:against"), False)
    ] * 20
    model = train.fit(examples)
    assert model.probability("memberOf", ("bias", "w:for")) > 0.8
    assert model.probability("memberOf", ("bias", "w:against")) < 0.2
    assert train.fit(examples).to_json() == model.to_json()


def test_examples_are_labelled_by_the_gold_through_name_alignment(
    tmp_path: Path, nlp: Language, reference: Reference
) -> None:
    articles, gold = tmp_path / "articles", tmp_path / "gold"
    articles.mkdir()
    gold.mkdir()
    (articles / "a.txt").write_text(" date 2024-04-15\n" + _SHARE + "\n", encoding="utf-8")
    (gold / "a.yaml").write_text(
        "article: a.txt\npublished: 2024-04-15\nentities:\n"
        "  - {id: x1, name: Lars Berg, type: Driver}\n"
        "  - {id: x2, name: Ivo Lind, type: Driver}\n"
        "  - {id: x3, name: Proton Competition, type: Team}\n"
        "facts:\n  - {s: x2, p: memberOf, o: x3}\n  - {s: x2, p: coDriver, o: x1}\n",
        encoding="utf-8",
    )
    found = train.examples_from(articles, gold, nlp=nlp, reference=reference)
    labels = {(e.relation, e.label) for e in found}
    assert ("memberOf", True) in labels  # Ivo Lind - Proton Competition
    assert ("memberOf", False) in labels  # Lars Berg - Proton Competition: not in the gold
    assert ("coDriver", True) in labels
    assert all(e.relation != "drives" for e in found)  # the car is not in the gold: no label


def test_the_model_file_is_part_of_the_build_fingerprint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ontology = Path(__file__).resolve().parents[2] / "ontology"
    shipped = pipeline_fingerprint(default_reference_dir(), ontology)
    other = tmp_path / "m.json"
    other.write_text(PairModel(weights={}, threshold=0.5).to_json(), encoding="utf-8")
    monkeypatch.setenv(learned.MODEL_ENV, str(other))
    assert pipeline_fingerprint(default_reference_dir(), ontology) != shipped
    monkeypatch.setenv(learned.MODEL_ENV, "off")
    assert learned.default_model() is None


def test_no_learned_co_driver_across_a_crew_the_rules_read(
    nlp: Language, reference: Reference, monkeypatch: pytest.MonkeyPatch
) -> None:
    eager = PairModel(weights={"coDriver": {"bias": 5.0}}, threshold=0.5)
    monkeypatch.setattr(learned, "default_model", lambda: eager)
    ex = _extract(
        nlp,
        reference,
        "Lars Berg and Ivo Lind won the European Le Mans Series race at Imola on Sunday, "
        "ahead of Paul Dorn.",
    )
    pairs = {frozenset((f.get("s"), f.get("o"))) for f in ex.facts if f.relation == "coDriver"}
    assert frozenset(("lars-berg", "ivo-lind")) in pairs  # the crew the rules read
    assert not [p for p in pairs if "paul-dorn" in p]
