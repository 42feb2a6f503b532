"""`racegraph query`, `queries`, `sparql` through CliRunner: output, exit codes, messages."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from racegraph import queries as q
from racegraph.cli import cli
from racegraph.errors import (
    EndpointError,
    ParameterError,
    QuerySyntaxError,
    StoreError,
    UnknownQuery,
    UpdateRefused,
)
from racegraph.store import open_store, write_store

MINI = Path(__file__).parent / "data" / "queries" / "mini.trig"


@pytest.fixture(scope="module")
def kg(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("mini-kg")
    write_store(out, MINI)
    return out


def invoke(*args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=stdin, catch_exceptions=False)


def assert_one_line_error(result: Result, code: int, *needles: str) -> None:
    assert result.exit_code == code, (result.exit_code, result.output, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]
    assert result.stdout == ""


def test_queries_lists_every_saved_query() -> None:
    result = invoke("queries")
    assert result.exit_code == 0
    for saved in q.list_queries():
        assert saved.name in result.stdout
    assert "driver-teams" in result.stdout and "[driver]" in result.stdout


def test_queries_name_shows_params_and_example() -> None:
    result = invoke("queries", "driver-teams")
    assert result.exit_code == 0
    assert "driver (entity, required)" in result.stdout
    assert "racegraph query driver-teams -p driver='Valentino Rossi'" in result.stdout
    assert "SELECT DISTINCT" in result.stdout


def test_queries_markdown_writes_the_catalogue(tmp_path: Path) -> None:
    out = tmp_path / "queries.md"
    result = invoke("queries", "--markdown", "--out", str(out))
    assert result.exit_code == 0
    assert out.read_text(encoding="utf-8") == q.catalogue_markdown(q.list_queries())


def test_query_tsv_when_piped(kg: Path) -> None:
    result = invoke("query", "driver-teams", "-p", "driver=Rossi", "--kg", str(kg))
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "\t".join(f"?{c}" for c in q.load_query("driver-teams").columns)
    assert lines[1].startswith("<https://w3id.org/racegraph/id/team/wrt>\t")
    assert len(lines) == 3


def test_query_csv_json_xml_md(kg: Path) -> None:
    base = ("query", "driver-titles", "-p", "driver=Valentino Rossi", "--kg", str(kg))
    csv_out = invoke(*base, "--format", "csv").stdout_bytes
    assert csv_out.startswith(b"title,count,discipline,article,published\r\n")
    doc = json.loads(invoke(*base, "--format", "json").stdout)
    assert doc["results"]["bindings"][0]["title"]["value"] == "nine-time motorcycle world champion"
    assert "<sparql xmlns=" in invoke(*base, "--format", "xml").stdout
    md = invoke(*base, "--format", "md").stdout
    assert "| nine-time motorcycle world champion | 9 | motorcycle | 000_a.txt |" in md


def test_query_table_and_limit(kg: Path) -> None:
    result = invoke(
        "query",
        "sources",
        "-p",
        "entity=Rossi",
        "--kg",
        str(kg),
        "--format",
        "table",
        "--limit",
        "2",
    )
    assert result.exit_code == 0
    assert "subject" in result.stdout and "2 row(s)" in result.stdout


def test_query_file_with_and_without_header(kg: Path, tmp_path: Path) -> None:
    with_header = tmp_path / "by label.rq"
    with_header.write_text(
        "#+ summary: by label\n#+ param name: string required — a label\n"
        "#+ example: {name: WRT}\n"
        "SELECT ?x WHERE { GRAPH ?g { ?x <http://www.w3.org/2000/01/rdf-schema#label> ?name } }\n"
    )
    result = invoke(
        "query", "--file", str(with_header), "-p", "name=WRT", "--kg", str(kg), "--format", "csv"
    )
    assert result.exit_code == 0, result.stderr
    assert "https://w3id.org/racegraph/id/team/wrt" in result.stdout
    plain = tmp_path / "plain.rq"
    plain.write_text("ASK { GRAPH ?g { ?s ?p ?o } }")
    result = invoke("query", "--file", str(plain), "--kg", str(kg), "--format", "json")
    assert json.loads(result.stdout) == {"head": {}, "boolean": True}


def test_sparql_reads_stdin(kg: Path) -> None:
    result = invoke(
        "sparql",
        "-",
        "--kg",
        str(kg),
        "--format",
        "csv",
        stdin="SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
    )
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "n" and int(result.stdout.splitlines()[1]) > 100


def test_update_refused_then_allowed(kg: Path, tmp_path: Path) -> None:
    update = "INSERT DATA { GRAPH <http://g> { <http://a> <http://b> <http://c> } }"
    assert_one_line_error(
        invoke("sparql", update, "--kg", str(kg)), UpdateRefused.exit_code, "--allow-update"
    )
    copy = tmp_path / "kg"
    shutil.copytree(kg, copy)
    before = len(open_store(copy))
    result = invoke("sparql", update, "--kg", str(copy), "--allow-update")
    assert result.exit_code == 0, result.stderr
    assert len(open_store(copy)) == before + 1


@pytest.mark.parametrize(
    ("args", "code", "needles"),
    [
        (("query", "driver-team"), UnknownQuery.exit_code, ("did you mean driver-teams",)),
        (("query", "driver-teams"), ParameterError.exit_code, ("missing required parameter",)),
        (
            ("query", "driver-teams", "-p", "driver=Rossi", "-p", "x=1"),
            ParameterError.exit_code,
            ("unknown parameter x",),
        ),
        (
            ("query", "entry-counts", "-p", "championship=WEC", "-p", "season=soon"),
            ParameterError.exit_code,
            ("4-digit year",),
        ),
        (("query", "driver-teams", "-p", "driver"), ParameterError.exit_code, ("KEY=VALUE",)),
        (
            ("query", "driver-teams", "-p", "driver=Martin"),
            ParameterError.exit_code,
            ("ambiguous", "Maxime Martin", "Thomas Martin"),
        ),
        (
            ("query", "driver-teams", "-p", "driver=Nobody"),
            ParameterError.exit_code,
            ("no entity is named 'Nobody'",),
        ),
        (("sparql", "SELECT ?x WHERE { ?x }"), QuerySyntaxError.exit_code, ("line 1, column",)),
    ],
)
def test_errors_are_one_line_with_distinct_codes(
    kg: Path, args: tuple[str, ...], code: int, needles: tuple[str, ...]
) -> None:
    assert_one_line_error(invoke(*args, "--kg", str(kg)), code, *needles)


def test_no_graph_built_yet(tmp_path: Path) -> None:
    assert_one_line_error(
        invoke("query", "drivers", "--kg", str(tmp_path / "nothing")),
        StoreError.exit_code,
        "racegraph build",
    )


def test_unreachable_endpoint() -> None:
    from tests.fixtures_server import free_port

    url = f"http://127.0.0.1:{free_port()}/query"
    assert_one_line_error(
        invoke("query", "drivers", "--endpoint", url, "--timeout", "2"),
        EndpointError.exit_code,
        "unreachable",
    )


def test_distinct_exit_codes() -> None:
    from racegraph import errors

    codes = [
        errors.QueryError.exit_code,
        errors.UnknownQuery.exit_code,
        errors.ParameterError.exit_code,
        errors.QuerySyntaxError.exit_code,
        errors.UpdateRefused.exit_code,
        errors.StoreError.exit_code,
        errors.EndpointError.exit_code,
        errors.EndpointTimeout.exit_code,
        errors.EndpointAuthError.exit_code,
    ]
    assert len(set(codes)) == len(codes) and 0 not in codes


def test_every_command_has_help() -> None:
    for name in ("query", "queries", "sparql"):
        result = invoke(name, "--help")
        assert result.exit_code == 0 and "Usage:" in result.stdout
