"""racegraph.queries on the hand-written mini graph: headers, params, resolution, formats."""

from __future__ import annotations

import csv
import io
import itertools
import json
from pathlib import Path
from xml.etree import ElementTree

import pyoxigraph as ox
import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.query import Result

from racegraph import queries as q
from racegraph.errors import (
    ParameterError,
    QueryError,
    QuerySyntaxError,
    UnknownQuery,
    UpdateRefused,
)

MINI = Path(__file__).parent / "data" / "queries" / "mini.trig"
RG = "https://w3id.org/racegraph/id/"


@pytest.fixture(scope="module")
def mini() -> ox.Store:
    store = ox.Store()
    store.load(path=str(MINI), format=ox.RdfFormat.TRIG)
    return store


def _header(extra: str = "", body: str = "SELECT ?x WHERE { GRAPH ?g { ?x ?p ?name } }") -> str:
    return f"#+ summary: test\n{extra}{body}"


# --- header validation ---------------------------------------------------------------------


def test_every_saved_query_parses_and_documents_its_columns() -> None:
    saved = q.list_queries()
    assert len(saved) >= 22
    for s in saved:
        assert s.summary and s.columns, s.name
        assert s.form == "SELECT"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("SELECT * WHERE {}", "summary"),
        (_header("#+ colour: red\n"), "unknown header key 'colour'"),
        (_header("#+ param name: text required — x\n"), "unknown type 'text'"),
        (_header("#+ param nope: string — x\n"), "?nope is not used"),
        (_header("#+ param name: string required\n"), "expected 'TYPE"),
        (_header("#+ param name: year default=20 — x\n"), "4-digit year"),
        (_header("#+ param name: string required — x\n"), "example lacks required param"),
        (_header("#+ summary: again\n"), "duplicate header key"),
        (_header("#+ columns: [y]\n"), "do not match the SELECT clause"),
        (_header("#+ param _name: string — x\n"), "bad parameter name"),
        (_header("#+ param name: iri(elsewhere) — x\n"), "bad type argument"),
        (_header("#+ example: {other: 1}\n"), "unknown param"),
        (_header(body="INSERT DATA { <http://a> <http://b> <http://c> }"), "read-only"),
        ("#+ summary: [unclosed\nSELECT * {}", "not valid YAML"),
    ],
)
def test_bad_headers_are_errors(text: str, message: str) -> None:
    with pytest.raises(QueryError, match=message.replace("?", r"\?").replace("[", r"\[")):
        q.parse_query(text, name="t")


def test_syntax_error_has_line_and_column() -> None:
    with pytest.raises(QuerySyntaxError, match=r"line 2, column \d+"):
        q.parse_query("#+ summary: s\nSELECT ?x WHERE { ?x }", name="t")


def test_unknown_query_suggests_close_names() -> None:
    with pytest.raises(UnknownQuery, match="did you mean driver-teams"):
        q.load_query("driver-team")
    with pytest.raises(UnknownQuery):
        q.load_query("../etc/passwd")


# --- parameters ----------------------------------------------------------------------------


def _param(ptype: str, namespace: str | None = None) -> q.Param:
    return q.Param("v", ptype, True, None, "", namespace)


@pytest.mark.parametrize(
    ("ptype", "raw", "term"),
    [
        ("integer", "42", Literal("42", datatype=XSD.integer)),
        ("integer", "-7", Literal("-7", datatype=XSD.integer)),
        ("year", "2024", Literal("2024", datatype=XSD.gYear)),
        ("date", "2023-07-16", Literal("2023-07-16", datatype=XSD.date)),
        ("string", 'a "b" }', Literal('a "b" }')),
        ("iri", "https://w3id.org/racegraph/id/team/wrt", URIRef(RG + "team/wrt")),
        ("iri", "<http://example.org/x>", URIRef("http://example.org/x")),
        ("entity", "rgid:team/wrt", URIRef(RG + "team/wrt")),
        ("entity", "Valentino Rossi", Literal("Valentino Rossi")),
    ],
)
def test_convert_param(ptype: str, raw: str, term: q.Term) -> None:
    assert q.convert_param(_param(ptype), raw) == term


@pytest.mark.parametrize(
    ("ptype", "raw"),
    [
        ("integer", "4.2"),
        ("integer", "1; DROP ALL"),
        ("year", "24"),
        ("year", "2024-01-01"),
        ("date", "2023-02-30"),
        ("date", "20230716"),
        ("iri", "file:///etc/passwd"),
        ("iri", "<file:///etc/passwd>"),
        ("iri", "http://a/b> } ; DROP ALL ; <http://c"),
        ("iri", "relative/path"),
        ("iri", 'http://a/"x"'),
        ("entity", "<file:///etc/passwd>"),
    ],
)
def test_ill_typed_params_are_refused(ptype: str, raw: str) -> None:
    with pytest.raises(ParameterError):
        q.convert_param(_param(ptype), raw)


def test_iri_namespace_restriction() -> None:
    param = q.parse_param("g", "iri(racegraph) — a racegraph IRI", where="t")
    assert q.convert_param(param, RG + "x") == URIRef(RG + "x")
    with pytest.raises(ParameterError, match="must be in"):
        q.convert_param(param, "http://example.org/x")


def test_missing_extra_and_mistyped_params(mini: ox.Store) -> None:
    with pytest.raises(ParameterError, match="missing required parameter driver"):
        q.run("driver-teams", {}, store=mini)
    with pytest.raises(ParameterError, match="unknown parameter colour"):
        q.run("driver-teams", {"driver": "Rossi", "colour": "red"}, store=mini)
    with pytest.raises(ParameterError, match="4-digit year"):
        q.run("entry-counts", {"championship": "WEC", "season": "next"}, store=mini)


# --- entity resolution ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "iri"),
    [
        ("Valentino Rossi", "person/valentino-rossi"),
        ("Rossi", "person/valentino-rossi"),
        ("il dottore", "person/valentino-rossi"),
        ("WRT", "team/wrt"),
        ("BMW M Team WRT", "team/wrt"),
        ("FIA WEC", "championship/fia-wec"),
        ("Italian", "country/it"),
    ],
)
def test_resolve_entity(mini: ox.Store, name: str, iri: str) -> None:
    assert q.resolve_entity(name, store=mini) == URIRef(RG + iri)


def test_ambiguous_and_unknown_names_list_candidates(mini: ox.Store) -> None:
    with pytest.raises(ParameterError, match=r"ambiguous.*Maxime Martin.*Thomas Martin"):
        q.resolve_entity("Martin", store=mini)
    with pytest.raises(ParameterError, match="no entity is named 'Nobody'"):
        q.resolve_entity("Nobody", store=mini)


# --- binding: substitutions and VALUES agree -----------------------------------------------


def _param_values() -> dict[str, list[str]]:
    return {
        "driver": ["Valentino Rossi", "Maxime Martin", "Dries Vanthoor"],
        "nationality": ["Belgium", "Italy"],
        "manufacturer": ["BMW", "Ferrari"],
        "championship": ["FIA WEC", "GTWC", "Sprint Cup"],
        "season": ["2023", "2024"],
        "class": ["LMGT3", "Gold Cup"],
        "event": [
            "GTWC Europe Sprint Cup 2023 Round 2 Misano",
            "GTWC Europe Sprint Cup 2023 Misano Race 1",
        ],
        "team": ["WRT"],
        "country": ["Belgium"],
        "entity": ["Valentino Rossi", "WRT", "LMGT3"],
    }


def _combinations(saved: q.SavedQuery) -> list[dict[str, str]]:
    values = _param_values()
    options: list[list[tuple[str, str] | None]] = []
    for p in saved.params:
        choices: list[tuple[str, str] | None] = [(p.name, v) for v in values[p.name]]
        if not p.required:
            choices.append(None)
        options.append(choices)
    return [dict(c for c in combo if c is not None) for combo in itertools.product(*options)]


@pytest.mark.parametrize("saved", q.list_queries(), ids=lambda s: s.name)
def test_every_parameter_mix_runs(mini: ox.Store, saved: q.SavedQuery) -> None:
    """Every saved query runs for every mix of parameter values, giving its declared
    columns, and some mix gives rows on the mini graph."""
    backend = q._Embedded(mini)
    nonempty = 0
    for params in _combinations(saved):
        result = backend.select(saved.body, q.bind_params(saved, params, backend))
        assert result.variables == saved.columns
        nonempty += bool(result.rows)
    assert nonempty, f"{saved.name}: no parameter mix gives rows on the mini graph"


def test_pyoxigraph_substitutions_differ_from_values() -> None:
    """Why the embedded store binds with VALUES too: pyoxigraph's substitutions do not make
    the variable visible to BOUND(), so an optional-parameter guard behaves differently."""
    store = ox.Store()
    text = "SELECT ?x ?c WHERE { VALUES ?x { 1 2 } FILTER(!BOUND(?c) || ?x = ?c) }"
    substituted = store.query(text, substitutions={ox.Variable("c"): ox.Literal(1)})
    assert isinstance(substituted, ox.QuerySolutions)
    assert len(list(substituted)) == 2  # the guard did not filter
    bound = q.bind_values(text, {"c": Literal(1)})
    answer = store.query(bound)
    assert isinstance(answer, ox.QuerySolutions)
    assert [str(getattr(r["x"], "value", "")) for r in answer] == ["1"]


def test_optional_filter_params_filter(mini: ox.Store) -> None:
    belgians = q.run("drivers", {"nationality": "Belgian"}, store=mini, labels=True)
    assert [r[0] for r in q.display_rows(belgians)] == ["Dries Vanthoor"]
    everyone = q.run("drivers", {}, store=mini)
    assert len(everyone.rows) == 5
    bmw = q.run("wins", {"manufacturer": "BMW"}, store=mini)
    assert {str(r[0]) for r in bmw.rows} == {RG + "event/misano-sprint-2023"}
    wec = q.run("wins", {"championship": "FIA WEC"}, store=mini)
    assert wec.rows == ()
    gtwc = q.run("wins", {"championship": "GTWC"}, store=mini)  # parent championship
    assert len(gtwc.rows) == 4  # the won statement, the overall winners, the class winner


def test_a_result_without_a_place_shows_its_finish_status(mini: ox.Store) -> None:
    rows = q.run("driver-results", {"driver": "Thomas Martin"}, store=mini).records()
    assert sorted(str(r["position"]) for r in rows) == ["1", "DNF"]
    rows = q.run("event-results", {"event": RG + "event/misano-race-1"}, store=mini).records()
    assert {str(r["position"]) for r in rows} == {"3", "DNF"}


def test_results_are_typed(mini: ox.Store) -> None:
    result = q.run("driver-titles", {"driver": "Rossi"}, store=mini)
    (record,) = result.records()
    assert record["count"] == 9
    assert str(record["published"]) == "2023-07-17"
    assert isinstance(result.rows[0][1], Literal) and result.rows[0][1].toPython() == 9


def test_limit_and_labels(mini: ox.Store) -> None:
    result = q.run("sources", {"entity": "Rossi"}, store=mini, limit=2, labels=True)
    assert len(result.rows) == 2
    assert result.labels[RG + "person/valentino-rossi"] == "Valentino Rossi"


def test_run_sparql_refuses_updates(mini: ox.Store) -> None:
    with pytest.raises(UpdateRefused):
        q.run_sparql("DELETE WHERE { GRAPH ?g { ?s ?p ?o } }", store=mini)
    assert len(mini) > 0


def test_ask_and_construct(mini: ox.Store) -> None:
    assert q.run_sparql("ASK { GRAPH ?g { ?s a ?t } }", store=mini).boolean is True
    built = q.run_sparql(
        "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 3", store=mini
    )
    assert built.variables == ("subject", "predicate", "object") and len(built.rows) == 3


def test_where_group_that_is_a_subselect_is_wrapped() -> None:
    body = "SELECT ?x WHERE { SELECT ?x WHERE { ?x ?p ?o } }"
    bound = q.bind_values(body, {"o": Literal(1)})
    store = ox.Store()
    store.query(bound)  # parses
    assert bound.count("VALUES") == 1


def test_bind_values_skips_comments_strings_and_construct_templates() -> None:
    body = (
        '# WHERE { not here\nCONSTRUCT { ?s <http://p> "WHERE {" } '
        "WHERE { ?s ?p ?o FILTER(?o != '}') }"
    )
    bound = q.bind_values(body, {"o": Literal("x")})
    assert bound.index("VALUES") > bound.index("WHERE {", bound.index("CONSTRUCT {") + 30)
    ox.Store().query(bound)


# --- W3C result formats --------------------------------------------------------------------

SAMPLE = q.QueryResult(
    ("s", "n", "t"),
    (
        (URIRef("http://e/1"), Literal("42", datatype=XSD.integer), Literal('x, "y"\n', lang="en")),
        (BNode("b0"), None, Literal("tab\there")),
        (None, Literal("2024", datatype=XSD.gYear), Literal("plain")),
    ),
)


@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv"])
def test_formats_round_trip_through_rdflib(fmt: str) -> None:
    text = q.serialize(SAMPLE, fmt)
    parsed = Result.parse(
        io.StringIO(text) if fmt != "xml" else io.BytesIO(text.encode()), format=fmt
    )
    assert [str(v) for v in parsed.vars or []] == list(SAMPLE.variables)
    rows = [tuple(row) for row in parsed if not isinstance(row, bool)]
    assert len(rows) == 3
    if fmt in ("json", "xml", "tsv"):  # lossless formats
        assert rows[0][0] == URIRef("http://e/1")
        assert rows[0][1] == Literal("42", datatype=XSD.integer)
        assert rows[0][2] == Literal('x, "y"\n', lang="en")
        assert rows[1][1] is None and rows[2][0] is None


def test_csv_is_rfc4180_with_crlf() -> None:
    text = q.serialize(SAMPLE, "csv")
    assert text.startswith("s,n,t\r\n")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[1] == ["http://e/1", "42", 'x, "y"\n']
    assert rows[2][0] == "_:b0" and rows[3][0] == ""


def test_json_and_xml_shapes() -> None:
    doc = json.loads(q.serialize(SAMPLE, "json"))
    assert doc["head"]["vars"] == ["s", "n", "t"]
    first = doc["results"]["bindings"][0]
    assert first["n"] == {"type": "literal", "value": "42", "datatype": str(XSD.integer)}
    assert first["t"]["xml:lang"] == "en"
    assert "n" not in doc["results"]["bindings"][1]
    root = ElementTree.fromstring(q.serialize(SAMPLE, "xml"))
    ns = "{http://www.w3.org/2005/sparql-results#}"
    assert [v.get("name") for v in root.iter(f"{ns}variable")] == ["s", "n", "t"]
    assert json.loads(q.serialize(q.QueryResult((), (), boolean=True), "json")) == {
        "head": {},
        "boolean": True,
    }


def test_markdown_uses_labels_and_escapes_pipes() -> None:
    result = q.QueryResult(
        ("x", "y"), ((URIRef("http://e/1"), Literal("a|b")),), labels={"http://e/1": "One"}
    )
    assert q.serialize(result, "md").splitlines()[-1] == "| One | a\\|b |"


def test_catalogue_is_up_to_date() -> None:
    doc = Path(__file__).resolve().parent.parent / "docs" / "queries.md"
    assert doc.read_text(encoding="utf-8") == q.catalogue_markdown(q.list_queries()), (
        "docs/queries.md is stale: run `racegraph queries --markdown`"
    )
