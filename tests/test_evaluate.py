"""Scoring rules of racegraph.evaluate on small crafted documents, gold loading, KG read-back."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from racegraph.errors import InputError, StoreError
from racegraph.evaluate import (
    Counts,
    DocEntity,
    DocFact,
    GoldDoc,
    PredictedDoc,
    align_entities,
    load_gold,
    predicted_from_extraction,
    predicted_from_kg,
    score,
)
from racegraph.records import (
    Article,
    Entity,
    EntityType,
    Evidence,
    Extraction,
    Fact,
    Value,
)

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = ROOT / "tests" / "gold"
EVAL_DATA = ROOT / "tests" / "data" / "eval"

ROSSI = DocEntity("valentino-rossi", "Driver", "Valentino Rossi", ("Rossi", "The Italian"))
MARTIN = DocEntity("maxime-martin", "Driver", "Maxime Martin", ("Martin",))
KRUTTEN = DocEntity("niklas-krutten", "Driver", "Niklas Krütten", ("Krütten",))
WRT = DocEntity("wrt", "Team", "WRT", ("BMW M Team WRT",))
GTWC = DocEntity("gtwc-europe", "Championship", "GT World Challenge Europe", ("GTWC Europe",))
RACE = DocEntity("race-2", "Event", "Misano Race 2", ("Sunday’s one-hour race",))
GOLD_CUP = DocEntity("gold-cup", "Class", "Gold Cup")
GOLD_ENTITIES = (ROSSI, MARTIN, KRUTTEN, WRT, GTWC, RACE, GOLD_CUP)


def fact(relation: str, *, ambiguous: bool = False, **args: Value) -> DocFact:
    return DocFact(relation, tuple(sorted(args.items())), ambiguous=ambiguous)


def gold_doc(*facts: DocFact, entities: tuple[DocEntity, ...] = GOLD_ENTITIES) -> GoldDoc:
    return GoldDoc(article="a.txt", entities=entities, facts=facts)


def pred_doc(*facts: DocFact, entities: tuple[DocEntity, ...]) -> PredictedDoc:
    return PredictedDoc(article="a.txt", entities=entities, facts=facts)


# Predicted entities: other keys, other canonical names, surface forms that overlap the gold.
P_ROSSI = DocEntity("p1", "Driver", "Rossi")
P_MARTIN = DocEntity("p2", "Driver", "MAXIME MARTIN")
P_KRUTTEN = DocEntity("p3", "Driver", "Niklas Krutten")
P_WRT = DocEntity("p4", "Team", "BMW M Team WRT")
P_GTWC = DocEntity("p5", "Championship", "GTWC-Europe")
P_RACE = DocEntity("p6", "Event", "Sunday's one-hour race")
P_GOLD_CUP = DocEntity("p7", "Class", "gold cup")
PRED_ENTITIES = (P_ROSSI, P_MARTIN, P_KRUTTEN, P_WRT, P_GTWC, P_RACE, P_GOLD_CUP)


# --------------------------------------------------------------------------- Counts


def test_counts_metrics_and_empty() -> None:
    c = Counts(tp=2, fp=2, fn=0)
    assert (c.precision, c.recall) == (0.5, 1.0)
    assert c.f1 == pytest.approx(2 / 3)
    assert Counts().empty and Counts().f1 == 0.0
    assert Counts().to_json()["f1"] is None
    assert Counts(fp=1).to_json()["f1"] == 0.0
    assert Counts(1, 2, 3) + Counts(1, 1, 1) == Counts(2, 3, 4)


# --------------------------------------------------------------------------- entities


def test_entities_align_by_name_or_mention_with_case_accents_punctuation_folded() -> None:
    alignment = align_entities(PRED_ENTITIES, GOLD_ENTITIES)
    assert alignment == {
        "p1": "valentino-rossi",  # predicted name == gold mention
        "p2": "maxime-martin",  # case
        "p3": "niklas-krutten",  # accents
        "p4": "wrt",  # gold mention
        "p5": "gtwc-europe",  # punctuation
        "p6": "race-2",  # curly vs straight apostrophe
        "p7": "gold-cup",
    }
    report = score([pred_doc(entities=PRED_ENTITIES)], [gold_doc()])
    assert report.entity_total == Counts(tp=7)
    assert report.entities["Driver"] == Counts(tp=3)


def test_entities_are_never_matched_by_gold_id() -> None:
    impostor = DocEntity("valentino-rossi", "Driver", "Marc Marquez")
    report = score([pred_doc(entities=(impostor,))], [gold_doc(entities=(ROSSI,))])
    assert report.entities["Driver"] == Counts(tp=0, fp=1, fn=1)
    assert report.spurious_entities == ["a: Driver Marc Marquez"]
    assert report.missed_entities == ["a: Driver Valentino Rossi"]


def test_entities_of_other_types_do_not_align() -> None:
    italy = DocEntity("italy", "Country", "Italy", ("Italian", "The Italian"))
    assert align_entities([italy], [ROSSI]) == {}


def test_alignment_is_one_to_one_most_overlap_first() -> None:
    # "Martin" alone would fit both gold drivers; the full name wins, and one prediction
    # takes at most one gold entity.
    gold = (
        DocEntity("maxime-martin", "Driver", "Maxime Martin", ("Martin",)),
        DocEntity("jorge-martin", "Driver", "Jorge Martin", ("Martin",)),
    )
    pred = (
        DocEntity("a", "Driver", "Martin"),
        DocEntity("b", "Driver", "Maxime Martin", ("Martin",)),
    )
    assert align_entities(pred, gold) == {"b": "maxime-martin", "a": "jorge-martin"}


def test_driver_person_mismatch_aligns_but_counts_fp_and_fn() -> None:
    vosse_gold = DocEntity("vincent-vosse", "Person", "Vincent Vosse")
    vosse_pred = DocEntity("vv", "Driver", "Vincent Vosse")
    team = DocEntity("t", "Team", "WRT")
    gold = gold_doc(fact("teamPrincipal", s="wrt", o="vincent-vosse"), entities=(WRT, vosse_gold))
    pred = pred_doc(fact("teamPrincipal", s="t", o="vv"), entities=(team, vosse_pred))
    report = score([pred], [gold])
    assert report.entities["Driver"] == Counts(fp=1)
    assert report.entities["Person"] == Counts(fn=1)
    assert report.entities["Team"] == Counts(tp=1)
    assert report.facts["teamPrincipal"] == Counts(tp=1)  # alignment still holds


# --------------------------------------------------------------------------- facts


def test_binary_fact_matches_through_alignment_and_ignores_non_key_roles() -> None:
    gold = gold_doc(
        fact("memberOf", s="valentino-rossi", o="wrt", championship="gtwc-europe", season=2023)
    )
    pred = pred_doc(
        fact(
            "memberOf",
            s="p1",
            o="p4",
            championship="p5",
            season=(2023,),
            asOf=dt.date(2023, 7, 17),
            status="confirmed",
        ),
        entities=PRED_ENTITIES,
    )
    report = score([pred], [gold])
    assert report.facts["memberOf"] == Counts(tp=1)
    assert report.missed == [] and report.spurious == []


@pytest.mark.parametrize(
    "changed",
    [
        {"season": 2024},  # qualifier value differs
        {"season": None},  # key role present in gold only
        {"championship": None},
        {"o": "p7"},  # wrong object
    ],
)
def test_key_role_mismatch_is_one_fp_and_one_fn(changed: dict[str, Value | None]) -> None:
    gold = gold_doc(
        fact("memberOf", s="valentino-rossi", o="wrt", championship="gtwc-europe", season=2023)
    )
    args: dict[str, Value | None] = {"s": "p1", "o": "p4", "championship": "p5", "season": 2023}
    args.update(changed)
    present = tuple(sorted((k, v) for k, v in args.items() if v is not None))
    report = score([pred_doc(DocFact("memberOf", present), entities=PRED_ENTITIES)], [gold])
    assert report.facts["memberOf"] == Counts(fp=1, fn=1)
    assert report.missed == [
        "a: memberOf(s=Valentino Rossi, o=WRT, championship=GT World Challenge Europe, season=2023)"
    ]
    assert len(report.spurious) == 1


def test_key_role_present_only_in_prediction_is_a_mismatch() -> None:
    gold = gold_doc(fact("competesIn", s="valentino-rossi", o="gtwc-europe", season=2023))
    pred = pred_doc(
        fact("competesIn", s="p1", o="p5", season=2023, status="confirmed"), entities=PRED_ENTITIES
    )
    assert score([pred], [gold]).facts["competesIn"] == Counts(fp=1, fn=1)


def test_status_compares_case_insensitively_and_matters() -> None:
    gold = gold_doc(
        fact("competesIn", s="valentino-rossi", o="gtwc-europe", season=2024, status="likely")
    )
    same = pred_doc(
        fact("competesIn", s="p1", o="p5", season=2024, status="Likely"), entities=PRED_ENTITIES
    )
    other = pred_doc(
        fact("competesIn", s="p1", o="p5", season=2024, status="confirmed"),
        entities=PRED_ENTITIES,
    )
    assert score([same], [gold]).facts["competesIn"] == Counts(tp=1)
    assert score([other], [gold]).facts["competesIn"] == Counts(fp=1, fn=1)


def test_unaligned_predicted_entity_never_matches() -> None:
    stranger = DocEntity("wrt", "Team", "Team Stranger")  # same key as the gold id
    gold = gold_doc(fact("memberOf", s="valentino-rossi", o="wrt"))
    pred = pred_doc(fact("memberOf", s="p1", o="wrt"), entities=(P_ROSSI, stranger))
    assert score([pred], [gold]).facts["memberOf"] == Counts(fp=1, fn=1)
    # a key that names no predicted entity at all is unaligned too
    pred = pred_doc(fact("memberOf", s="p1", o="wrt"), entities=(P_ROSSI,))
    assert score([pred], [gold]).facts["memberOf"] == Counts(fp=1, fn=1)


def test_drivers_compare_as_sets_and_driver_equals_drivers() -> None:
    gold = gold_doc(
        fact(
            "raceResult",
            event="race-2",
            position=1,
            classification="overall",
            drivers=("valentino-rossi", "maxime-martin"),
        ),
        fact("gridPosition", event="race-2", position=3, kind="qualifying", driver="maxime-martin"),
    )
    pred = pred_doc(
        fact(
            "raceResult",
            event="p6",
            position=1,
            classification="Overall",
            drivers=("p2", "p1"),
            team="p4",
        ),
        fact("gridPosition", event="p6", position=3, kind="qualifying", drivers=("p2",)),
        entities=PRED_ENTITIES,
    )
    report = score([pred], [gold])
    assert report.facts["raceResult"] == Counts(tp=1)
    assert report.facts["gridPosition"] == Counts(tp=1)


def test_partial_crew_does_not_match() -> None:
    gold = gold_doc(
        fact(
            "raceResult",
            event="race-2",
            position=1,
            classification="overall",
            drivers=("valentino-rossi", "maxime-martin"),
        )
    )
    pred = pred_doc(
        fact("raceResult", event="p6", position=1, classification="overall", drivers=("p1",)),
        entities=PRED_ENTITIES,
    )
    assert score([pred], [gold]).facts["raceResult"] == Counts(fp=1, fn=1)


def test_classification_overall_versus_class_entity() -> None:
    gold = gold_doc(
        fact(
            "raceResult",
            event="race-2",
            position=1,
            classification="gold-cup",
            drivers=("niklas-krutten",),
        )
    )
    as_class = pred_doc(
        fact("raceResult", event="p6", position=1, classification="p7", drivers=("p3",)),
        entities=PRED_ENTITIES,
    )
    as_overall = pred_doc(
        fact("raceResult", event="p6", position=1, classification="overall", drivers=("p3",)),
        entities=PRED_ENTITIES,
    )
    assert score([as_class], [gold]).facts["raceResult"] == Counts(tp=1)
    assert score([as_overall], [gold]).facts["raceResult"] == Counts(fp=1, fn=1)


def test_seasons_compare_as_sets() -> None:
    gold = gold_doc(fact("memberOf", s="valentino-rossi", o="wrt", season=(2022, 2023)))
    same = pred_doc(fact("memberOf", s="p1", o="p4", season=(2023, 2022)), entities=PRED_ENTITIES)
    fewer = pred_doc(fact("memberOf", s="p1", o="p4", season=2023), entities=PRED_ENTITIES)
    assert score([same], [gold]).facts["memberOf"] == Counts(tp=1)
    assert score([fewer], [gold]).facts["memberOf"] == Counts(fp=1, fn=1)


def test_event_date_year_is_not_a_full_date() -> None:
    gold = gold_doc(
        fact("eventDate", s="race-2", o=dt.date(2023, 7, 16)),
        fact("eventDate", s="gtwc-europe", o=2015),
    )
    pred = pred_doc(
        fact("eventDate", s="p6", o="2023-07-16"),  # ISO text == date
        fact("eventDate", s="p5", o=dt.date(2015, 1, 1)),  # a date is not the year 2015
        entities=PRED_ENTITIES,
    )
    assert score([pred], [gold]).facts["eventDate"] == Counts(tp=1, fp=1, fn=1)


def test_codriver_is_an_unordered_pair() -> None:
    gold = gold_doc(
        fact("coDriver", s="valentino-rossi", o="maxime-martin", event="race-2", season=2023)
    )
    pred = pred_doc(fact("coDriver", s="p2", o="p1", event="p6"), entities=PRED_ENTITIES)
    assert score([pred], [gold]).facts["coDriver"] == Counts(tp=1)


def test_title_matches_on_count_and_discipline_ignoring_case_and_text() -> None:
    gold = gold_doc(
        fact(
            "title",
            s="valentino-rossi",
            o="nine-time motorcycle world champion",
            count=9,
            discipline="motorcycle",
        )
    )
    pred = pred_doc(
        fact("title", s="p1", o="9-time champion", count=9, discipline="Motorcycle"),
        entities=PRED_ENTITIES,
    )
    assert score([pred], [gold]).facts["title"] == Counts(tp=1)


def test_ambiguous_gold_is_optional() -> None:
    gold = gold_doc(
        fact("memberOf", ambiguous=True, s="niklas-krutten", o="wrt"),
        fact("memberOf", ambiguous=True, s="maxime-martin", o="wrt"),
    )
    pred = pred_doc(fact("memberOf", s="p3", o="p4"), entities=PRED_ENTITIES)
    report = score([pred], [gold])
    assert report.facts["memberOf"] == Counts(tp=1)  # matched ambiguous: TP; other: not FN
    assert report.missed == []


def test_ambiguous_only_relation_is_empty_row() -> None:
    gold = gold_doc(fact("memberOf", ambiguous=True, s="niklas-krutten", o="wrt"))
    report = score([pred_doc(entities=PRED_ENTITIES)], [gold])
    assert report.facts["memberOf"].empty
    assert report.to_json()["facts"] == {
        "memberOf": {"tp": 0, "fp": 0, "fn": 0, "precision": None, "recall": None, "f1": None}
    }


def test_duplicate_predictions_count_once() -> None:
    gold = gold_doc(fact("nationality", s="valentino-rossi", o="wrt"))
    dup = fact("nationality", s="p1", o="p4")
    dup_with_other_evidence = fact("nationality", s="p1", o="p4", asOf=dt.date(2023, 1, 1))
    wrong = fact("nationality", s="p2", o="p4")
    pred = pred_doc(dup, dup_with_other_evidence, wrong, wrong, entities=PRED_ENTITIES)
    assert score([pred], [gold]).facts["nationality"] == Counts(tp=1, fp=1)


def test_missed_and_spurious_name_entities() -> None:
    gold = gold_doc(fact("won", s="valentino-rossi", o="race-2"))
    pred = pred_doc(fact("won", s="p2", o="p6"), entities=PRED_ENTITIES)
    report = score([pred], [gold])
    assert report.missed == ["a: won(s=Valentino Rossi, o=Misano Race 2)"]
    assert report.spurious == ["a: won(s=MAXIME MARTIN, o=Sunday's one-hour race)"]


def test_articles_are_paired_by_file_name() -> None:
    gold = [
        GoldDoc(article="a.txt", entities=(ROSSI,), facts=()),
        GoldDoc(article="b.txt", entities=(MARTIN,), facts=()),
    ]
    pred = [
        PredictedDoc(article="b.txt", entities=(P_MARTIN,), facts=()),
        PredictedDoc(article="c.txt", entities=(P_ROSSI,), facts=()),
    ]
    report = score(pred, gold)
    assert report.articles["a"].entities == Counts(fn=1)
    assert report.articles["b"].entities == Counts(tp=1)
    assert report.unscored == ["c"]
    assert json.loads(json.dumps(report.to_json()))["entity_total"]["tp"] == 1


# --------------------------------------------------------------------------- gold files


def test_load_gold_reads_the_three_sample_files() -> None:
    docs = load_gold(GOLD_DIR)
    counts = {
        d.article: (len(d.entities), len(d.facts), sum(f.ambiguous for f in d.facts)) for d in docs
    }
    assert counts == {
        "000_4c063b5a83620a77.txt": (26, 63, 5),
        "001_a04d29b3adddaf26.txt": (23, 28, 3),
        "002_e97e1b5073b860a3.txt": (39, 47, 1),
    }
    first = docs[0]
    assert first.published == dt.date(2023, 7, 17)
    grid = [f for f in first.facts if f.relation == "gridPosition" and f.get("position") == 3]
    assert grid[0].get("drivers") == ("maxime-martin",)  # `driver:` became `drivers:`
    assert all("note" not in dict(f.args) for f in first.facts)


def test_gold_scores_perfectly_against_itself() -> None:
    docs = load_gold(GOLD_DIR)
    report = score([PredictedDoc(d.article, d.entities, d.facts) for d in docs], docs)
    assert report.entity_total == Counts(tp=88)
    assert report.fact_total == Counts(tp=138)


def test_load_gold_errors_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        load_gold(tmp_path / "missing")
    (tmp_path / "COMPETENCY.yaml").write_text("questions: []\n")
    with pytest.raises(InputError, match="no gold"):
        load_gold(tmp_path)
    (tmp_path / "broken.yaml").write_text("article: x.txt\nentities: [\n")
    with pytest.raises(InputError, match=r"broken\.yaml"):
        load_gold(tmp_path)
    (tmp_path / "broken.yaml").write_text("facts:\n  - {s: a, o: b}\n")
    with pytest.raises(InputError, match=r"broken\.yaml.*relation"):
        load_gold(tmp_path)


# --------------------------------------------------------------------------- predictions


def _extraction() -> Extraction:
    article = Article(
        stem="a",
        file_name="a.txt",
        published=dt.date(2023, 7, 17),
        text="",
        sha256="0",
        word_count=0,
    )
    ev = Evidence(sentence="", start=0, end=0, rule="test")
    return Extraction(
        article=article,
        entities=(
            Entity("rossi", EntityType.DRIVER, "Valentino Rossi", ("Rossi",)),
            Entity("martin", EntityType.DRIVER, "Maxime Martin"),
            Entity("race", EntityType.EVENT, "Misano Race 2"),
        ),
        facts=(
            Fact.make(
                "gridPosition", ev, event="race", position=3, kind="qualifying", driver="martin"
            ),
            Fact.make("coDriver", ev, s="rossi", o="martin", event="race"),
        ),
    )


def test_predicted_from_extraction() -> None:
    doc = predicted_from_extraction(_extraction())
    assert doc.article == "a.txt"
    assert doc.entities[0] == DocEntity("rossi", "Driver", "Valentino Rossi", ("Rossi",))
    assert doc.facts[0].get("drivers") == ("martin",)
    gold = gold_doc(
        fact("gridPosition", event="race-2", position=3, kind="qualifying", driver="maxime-martin"),
        fact("coDriver", s="maxime-martin", o="valentino-rossi", event="race-2"),
    )
    assert score([doc], [gold]).fact_total == Counts(tp=2)


def test_predicted_from_kg_reads_the_design_patterns() -> None:
    docs = predicted_from_kg(EVAL_DATA / "kg")
    assert [d.article for d in docs] == ["900_eval_fixture.txt"]
    doc = docs[0]
    types = {e.key: e.type for e in doc.entities}
    assert types["valentino-rossi"] == "Driver"  # rg:Person only in the inferred graph
    assert types["gtwc-europe-sprint-cup"] == "Championship"  # SubChampionship
    assert types["misano-race-2"] == "Event"  # rg:Race
    assert types["wec-2024-entry-list"] == "Event"  # rg:EntryList
    assert types["fia"] == "Organisation"  # rg:GoverningBody
    assert "ghost" not in types  # the inferred graph is not read
    facts = {f.relation: f for f in doc.facts}
    assert sorted(facts) == sorted(
        {
            "nationality", "memberOf", "teamPrincipal", "basedIn", "competesIn", "raceResult",
            "gridPosition", "coDriver", "drives", "manufacturerOf", "fiaCategory", "title",
            "classOf", "replaces", "entryCount", "manufacturerEntry", "classRule", "tested",
            "retired", "age", "eventOf", "heldAt", "eventDate", "won",
        }
    )  # fmt: skip
    assert len(doc.facts) == 26
    assert facts["competesIn"].get("o") == "fia-wec"
    assert facts["competesIn"].get("status") == "likely"
    assert facts["competesIn"].get("season") == (2024,)
    assert facts["drives"].get("s") == "valentino-rossi"
    assert facts["drives"].get("number") == 46
    assert facts["fiaCategory"].get("previous") == "gold"
    assert facts["title"].get("count") == 9
    assert facts["retired"].get("date") == 2021
    assert facts["age"].get("o") == 44
    assert facts["manufacturerEntry"].get("manufacturer") == "bmw"
    results = {f.get("position"): f for f in doc.facts if f.relation == "raceResult"}
    assert results[1].get("classification") == "overall"
    assert results[1].get("drivers") == ("maxime-martin", "valentino-rossi")
    assert results[2].get("classification") == "gold-cup"
    dates = {f.get("s"): f.get("o") for f in doc.facts if f.relation == "eventDate"}
    assert dates == {"misano-race-2": dt.date(2023, 7, 16), "wec-2024-entry-list": 2023}


def test_predicted_from_kg_scores_against_its_gold() -> None:
    report = score(predicted_from_kg(EVAL_DATA / "kg"), load_gold(EVAL_DATA / "gold"))
    assert report.entity_total == Counts(tp=22)
    assert report.fact_total == Counts(tp=26, fn=1)
    assert report.missed == ["900_eval_fixture: nationality(s=Maxime Martin, o=Belgium)"]
    assert report.spurious == []


def test_predicted_from_kg_reads_mapping_seasons_written_as_years(tmp_path: Path) -> None:
    (tmp_path / "kg.trig").write_text(
        """@prefix rg: <https://w3id.org/racegraph/ontology#> .
@prefix rgid: <https://w3id.org/racegraph/id/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<https://w3id.org/racegraph/graph/article/x> {
  rgid:person\\/vr a rg:Driver ; rdfs:label "Valentino Rossi" .
  rgid:team\\/wrt a rg:Team ; rdfs:label "WRT" .
  rgid:statement\\/x\\/1 a rg:Statement ; rdf:subject rgid:person\\/vr ;
    rdf:predicate rg:memberOf ; rdf:object rgid:team\\/wrt ;
    rg:year "2022"^^xsd:gYear , "2023"^^xsd:gYear .
}
""",
        encoding="utf-8",
    )
    (doc,) = predicted_from_kg(tmp_path)
    assert doc.article == "x.txt"
    assert doc.facts[0].get("season") == (2022, 2023)


def test_predicted_from_kg_without_build_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="racegraph build"):
        predicted_from_kg(tmp_path)
    (tmp_path / "kg.trig").write_text("this is not trig {", encoding="utf-8")
    with pytest.raises(StoreError, match=r"kg\.trig"):
        predicted_from_kg(tmp_path)
