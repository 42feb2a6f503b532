"""Competency questions (tests/gold/COMPETENCY.yaml) answered by the saved queries on the graph
built from data/articles.

Rows are compared by label: an IRI in a result matches an expected name when one of its
labels or aliases (rdfs:label, skos:altLabel, folded with ``slugify``) is one of the gold
entity's name or mentions; literals compare by their folded lexical form; ``null`` matches an
empty cell. Every expected row must be found (a missing row fails the test, it is never
skipped), except rows listed in ``ambiguous_rows``, which are optional. Extra rows are
reported in the message but do not fail: the questions define what must be found.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
import yaml
from rdflib import Literal, URIRef
from rdflib.namespace import RDFS, SKOS

from racegraph import queries as q
from racegraph.store import open_store
from racegraph.vocab import RG, slugify

GOLD = Path(__file__).parent / "gold"
COMPETENCY = yaml.safe_load((GOLD / "COMPETENCY.yaml").read_text(encoding="utf-8"))
QUESTIONS = {item["id"]: item for item in COMPETENCY["questions"]}

Keys = frozenset[str]
Row = tuple[Keys, ...]


@cache
def gold_forms() -> dict[str, tuple[str, Keys]]:
    """gold id -> (name, folded name and mentions), merged over the dev articles."""
    out: dict[str, tuple[str, set[str]]] = {}
    for path in sorted(GOLD.glob("[0-9][0-9][0-9]_*.yaml")):
        for ent in yaml.safe_load(path.read_text(encoding="utf-8"))["entities"]:
            _, forms = out.setdefault(ent["id"], (ent["name"], set()))
            forms |= {slugify(f) for f in [ent["name"], *ent.get("mentions", [])]} - {""}
    return {k: (name, frozenset(forms)) for k, (name, forms) in out.items()}


@cache
def gold_by_name() -> dict[str, Keys]:
    return {name: forms for name, forms in gold_forms().values()}


@dataclass
class KG:
    store: ox.Store

    def forms(self, iri: str) -> Keys:
        node = ox.NamedNode(iri)
        out = {slugify(iri)}
        for pred in (RDFS.label, SKOS.altLabel, RG.fileName):
            for quad in self.store.quads_for_pattern(node, ox.NamedNode(str(pred)), None, None):
                out.add(slugify(str(getattr(quad.object, "value", ""))))
        return frozenset(out - {""})

    def keys(self, term: object) -> Keys:
        if term is None:
            return frozenset({""})
        if isinstance(term, URIRef):
            return self.forms(str(term))
        return frozenset({slugify(str(term)) or str(term)})

    def iri(self, gold_id: str) -> str:
        """The KG entity sharing most surface forms with a gold entity."""
        _, wanted = gold_forms()[gold_id]
        label = ox.NamedNode(str(RDFS.label))
        alt = ox.NamedNode(str(SKOS.altLabel))
        scores: dict[str, int] = {}
        for pred in (label, alt):
            for quad in self.store.quads_for_pattern(None, pred, None, None):
                text = str(getattr(quad.object, "value", ""))
                if isinstance(quad.subject, ox.NamedNode) and slugify(text) in wanted:
                    scores[quad.subject.value] = scores.get(quad.subject.value, 0) + 1
        if not scores:
            pytest.fail(f"no entity of the graph matches gold entity {gold_id!r}")
        return max(sorted(scores), key=lambda k: scores[k])

    def run(self, name: str, **params: str) -> list[dict[str, Any]]:
        result = q.run(name, params, store=self.store)
        return [dict(zip(result.variables, row, strict=True)) for row in result.rows]


def expected_keys(value: object) -> Keys:
    if value is None:
        return frozenset({""})
    text = str(value)
    return gold_by_name().get(text, frozenset({slugify(text) or text}))


def _row_matches(expected: Sequence[Keys], got: Row) -> bool:
    return len(expected) == len(got) and all(e & g for e, g in zip(expected, got, strict=True))


def check(cq: str, got: Iterable[Row], expected: Sequence[Sequence[Keys]] | None = None) -> None:
    question = QUESTIONS[cq]
    rows = list(got)
    wanted = expected or [tuple(expected_keys(v) for v in row) for row in question["expected"]]
    optional = set(question.get("ambiguous_rows", []))
    missing = [
        question["expected"][i]
        for i, row in enumerate(wanted)
        if i + 1 not in optional and not any(_row_matches(row, r) for r in rows)
    ]
    extra = [r for r in rows if not any(_row_matches(w, r) for w in wanted)]
    assert not missing, (
        f"{cq} ({question['question']}): {len(missing)} expected row(s) missing: {missing}; "
        f"the graph gave {len(rows)} row(s), {len(extra)} not expected: "
        f"{[tuple(sorted(c)[0] if c else '' for c in r) for r in extra[:8]]}"
    )


@pytest.fixture(scope="module")
def kg(built_kg: Path) -> KG:
    return KG(open_store(built_kg))


def project(kg: KG, rows: Iterable[dict[str, Any]], *cols: str) -> list[Row]:
    return [tuple(kg.keys(r[c]) for c in cols) for r in rows]


def _param(kg: KG, cq: str, role: str) -> str:
    return kg.iri(QUESTIONS[cq]["params"][role])


def _is(kg: KG, term: object, gold_id: str) -> bool:
    return bool(kg.keys(term) & gold_forms()[gold_id][1])


# --- one test per question ----------------------------------------------------------------


def test_cq01_drivers(kg: KG) -> None:
    check("cq01", project(kg, kg.run("drivers"), "driver"))


def test_cq02_nationalities(kg: KG) -> None:
    rows = [r for r in kg.run("drivers") if r["nationality"] is not None]
    check("cq02", project(kg, rows, "driver", "nationality"))


def test_cq03_driver_teams(kg: KG) -> None:
    rows = kg.run("driver-teams", driver=_param(kg, "cq03", "driver"))
    check("cq03", project(kg, rows, "team", "championship", "season", "status", "as_of"))


def test_cq04_driver_manufacturers(kg: KG) -> None:
    rows = kg.run("driver-manufacturers", driver=_param(kg, "cq04", "driver"))
    check("cq04", project(kg, rows, "manufacturer", "relation"))


def test_cq05_driver_championships(kg: KG) -> None:
    rows = kg.run("driver-championships", driver=_param(kg, "cq05", "driver"))
    cols = ("championship", "season", "class", "status", "modality", "as_of")
    check("cq05", project(kg, rows, *cols))


def test_cq06_event_results(kg: KG) -> None:
    rows = kg.run("event-results", event=_param(kg, "cq06", "event"))
    got = [
        (
            kg.keys(r["race"]),
            kg.keys(r["date"]),
            kg.keys(r["position"]),
            kg.keys(r["class"]) if str(r["classification"]) == "class" else frozenset({"overall"}),
            kg.keys(r["driver"]),
            kg.keys(r["team"]),
        )
        for r in rows
    ]
    check("cq06", got)


def test_cq07_co_drivers(kg: KG) -> None:
    check("cq07", project(kg, kg.run("co-drivers"), "driver", "co_driver", "event"))


def test_cq08_pole_positions(kg: KG) -> None:
    rows = [
        r
        for r in kg.run("grid-positions", event=_param(kg, "cq08", "event"))
        if str(r["kind"]) == "pole"
    ]
    check("cq08", project(kg, rows, "driver", "race", "date"))


def test_cq09_driver_cars(kg: KG) -> None:
    rows = [
        r
        for r in kg.run("driver-cars", driver=_param(kg, "cq09", "driver"))
        if _is(kg, r["championship"], "fia-wec")
    ]
    check("cq09", project(kg, rows, "car", "number", "team", "class", "season"))


def test_cq10_class_manufacturers(kg: KG) -> None:
    rows = kg.run(
        "class-manufacturers",
        championship=kg.iri("fia-wec"),
        season="2024",
        **{"class": kg.iri("lmgt3")},
    )
    check("cq10", project(kg, rows, "manufacturer", "cars"))


def test_cq11_entry_counts(kg: KG) -> None:
    rows = kg.run("entry-counts", championship=kg.iri("fia-wec"), season="2024")
    check("cq11", project(kg, rows, "class", "count", "status"))


def test_cq12_categories(kg: KG) -> None:
    rows = kg.run("driver-categories", driver=_param(kg, "cq12", "driver"))
    check("cq12", project(kg, rows, "category", "current_or_previous", "as_of"))


def test_cq13_class_rules(kg: KG) -> None:
    rows = kg.run("class-rules", **{"class": _param(kg, "cq13", "class")})
    by_requirement: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        by_requirement.setdefault(str(r["requirement"]), []).append(r)
    got: list[Row] = []
    for reqs in by_requirement.values():
        first = reqs[0]
        count = str(first["count"])
        if str(first["minimum"]).lower() == "true":
            count = f"at least {count}"
        categories = frozenset(
            "|".join(sorted(f for f in kg.keys(r["category"]) if "/" not in f)) for r in reqs
        )
        got.append((categories, kg.keys(Literal(count)), kg.keys(first["strictness"])))
    expected = []
    for category, count, strictness in QUESTIONS["cq13"]["expected"]:
        names = [n.strip() for n in re.sub(r"\(.*?\)", "", category).split(" or ")]
        expected.append((frozenset(names), expected_keys(count), expected_keys(strictness)))

    def same(e: tuple[frozenset[str], Keys, Keys], g: Row) -> bool:
        names, count_keys, strict_keys = e
        kg_cats = [set(c.split("|")) for c in g[0]]
        cats_ok = len(kg_cats) == len(names) and all(
            any(slugify(n) in c for c in kg_cats) for n in names
        )
        return cats_ok and bool(count_keys & g[1]) and bool(strict_keys & g[2])

    missing = [e for e in expected if not any(same(e, g) for g in got)]
    assert not missing, f"cq13: missing {missing}; the graph gave {got}"


def test_cq14_team_principal(kg: KG) -> None:
    rows = [
        r
        for r in kg.run("team-people", team=_param(kg, "cq14", "team"))
        if str(r["role"]) == "team principal"
    ]
    check("cq14", project(kg, rows, "person"))


def test_cq15_test_drives(kg: KG) -> None:
    event = QUESTIONS["cq15"]["params"]["event"]
    rows = [r for r in kg.run("test-drives") if _is(kg, r["event"], event)]
    got = [
        (
            kg.keys(r["driver"]),
            kg.keys(r["car"]) | kg.keys(r["class"]),  # "Accept LMP2 as the car"
            kg.keys(r["team"]),
            kg.keys(r["place"]),
            kg.keys(r["championship"]),
        )
        for r in rows
    ]
    expected = [
        tuple(
            expected_keys(v) | (gold_forms()["lmp2"][1] if i == 1 else frozenset())
            for i, v in enumerate(row)
        )
        for row in QUESTIONS["cq15"]["expected"]
    ]
    check("cq15", got, expected)


def test_cq16_sources_of_wec_plan(kg: KG) -> None:
    rows = [
        r
        for r in kg.run("driver-championships", driver=_param(kg, "cq16", "driver"))
        if _is(kg, r["championship"], "fia-wec") and str(r["season"]) == "2024"
    ]
    check("cq16", project(kg, rows, "article", "published", "modality", "status"))


def test_cq17_titles(kg: KG) -> None:
    rows = kg.run("driver-titles", driver=_param(kg, "cq17", "driver"))
    check("cq17", project(kg, rows, "title", "count", "discipline", "article"))


def test_cq18_class_replacements(kg: KG) -> None:
    rows = kg.run("class-replacements", **{"class": _param(kg, "cq18", "class")})
    check("cq18", project(kg, rows, "replaced_class", "article"))


def test_cq19_wins(kg: KG) -> None:
    rows = kg.run("wins", driver=_param(kg, "cq19", "driver"))
    expected = [tuple(expected_keys(v) for v in row[:2]) for row in QUESTIONS["cq19"]["expected"]]
    # "either the round or Race 2 is correct"
    expected[0] = (expected[0][0] | gold_forms()["misano-sprint-2023"][1], expected[0][1])
    got = project(kg, rows, "event", "date")
    optional = set(QUESTIONS["cq19"].get("ambiguous_rows", []))
    missing = [
        QUESTIONS["cq19"]["expected"][i]
        for i, e in enumerate(expected)
        if i + 1 not in optional and not any(_row_matches(e, g) for g in got)
    ]
    assert not missing, f"cq19: missing {missing}; the graph gave {got}"


def test_cq20_last_bmw_win(kg: KG) -> None:
    wins = kg.run(
        "wins",
        manufacturer=kg.iri("bmw"),
        championship=kg.iri("gtwc-europe-sprint-cup"),
    )
    got: list[Row] = []
    for win in wins:
        year = str(win["date"] or "")[:4]
        co = [
            c for c in kg.run("co-drivers", driver=str(win["driver"])) if c["event"] == win["event"]
        ]
        for c in co:
            got.append(
                (
                    frozenset({year}),
                    kg.keys(win["driver"]),
                    kg.keys(c["co_driver"]),
                    kg.keys(win["car"]),
                )
            )
    check("cq20", got)


def test_every_question_has_a_test() -> None:
    names = {n for n in globals() if n.startswith("test_cq")}
    for cq in QUESTIONS:
        assert any(n.startswith(f"test_{cq}_") for n in names), cq
