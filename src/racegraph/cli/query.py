"""`racegraph query`, `racegraph queries`, `racegraph sparql`: saved and ad-hoc SPARQL."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import click
import pyoxigraph as ox

from racegraph import queries as q
from racegraph.cli._errors import handle_errors
from racegraph.endpoint import Endpoint
from racegraph.errors import ParameterError, UpdateRefused
from racegraph.store import open_store

F = TypeVar("F", bound=Callable[..., object])


def _source_options(func: F) -> F:
    """--kg / --endpoint / --timeout / --format / --limit, shared by `query` and `sparql`."""
    decorators = [
        click.option(
            "--kg",
            type=click.Path(file_okay=False, path_type=Path),
            default=Path("build"),
            show_default=True,
            help="Built knowledge graph (its embedded store is KG/store).",
        ),
        click.option(
            "--endpoint",
            metavar="URL",
            help="A SPARQL 1.1 endpoint instead of the embedded store "
            "(auth: RACEGRAPH_USER/RACEGRAPH_PASSWORD or ~/.netrc).",
        ),
        click.option(
            "--timeout",
            type=click.FloatRange(min=0, min_open=True),
            default=30.0,
            show_default=True,
            help="Seconds to wait for a remote endpoint.",
        ),
        click.option(
            "--format",
            "fmt",
            type=click.Choice(q.FORMATS),
            default=None,
            help="Output format (default: table in a terminal, tsv when piped). "
            "csv/tsv/json/xml are the W3C SPARQL 1.1 result formats.",
        ),
        click.option(
            "--limit", type=click.IntRange(min=0), default=None, help="Print at most N rows."
        ),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


def _parse_params(pairs: tuple[str, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise ParameterError(f"-p expects KEY=VALUE, got {pair[:80]!r}")
        key = key.strip()
        if key in out:
            raise ParameterError(f"parameter {key} given twice")
        out[key] = value
    return out


def _target(
    kg: Path, endpoint: str | None, timeout: float, *, writable: bool = False
) -> tuple[ox.Store | None, Endpoint | None]:
    if endpoint:
        return None, Endpoint(endpoint, timeout=timeout)
    return open_store(kg, read_only=not writable), None


def _render(result: q.QueryResult, fmt: str | None) -> None:
    chosen = fmt or ("table" if sys.stdout.isatty() else "tsv")
    if chosen != "table":
        # bytes, so that CSV keeps its CRLF line ends on every platform
        click.echo(q.serialize(result, chosen).encode("utf-8"), nl=False)
        return
    from rich.console import Console
    from rich.table import Table

    console = Console()
    if result.boolean is not None:
        console.print(str(result.boolean).lower())
        return
    table = Table(*result.variables, show_lines=False)
    for row in q.display_rows(result):
        table.add_row(*row)
    console.print(table)
    console.print(f"{len(result.rows)} row(s)", style="dim")


@click.command("query")
@click.argument("name", required=False)
@click.option(
    "-p", "--param", "params", multiple=True, metavar="KEY=VALUE", help="A parameter value."
)
@click.option(
    "--file",
    "query_file",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="Run this .rq file (with or without a #+ header) instead of a saved query.",
)
@click.option("--allow-update", is_flag=True, help="Let --file run a SPARQL UPDATE.")
@_source_options
@handle_errors
def query_command(
    name: str | None,
    params: tuple[str, ...],
    query_file: Path | None,
    allow_update: bool,
    kg: Path,
    endpoint: str | None,
    timeout: float,
    fmt: str | None,
    limit: int | None,
) -> None:
    """Run the saved query NAME (see `racegraph queries`), or --file FILE."""
    values = _parse_params(params)
    if (name is None) == (query_file is None):
        raise click.UsageError("give a saved query NAME or --file FILE (not both)")
    labels = (fmt or ("table" if sys.stdout.isatty() else "tsv")) in ("table", "md")
    if query_file is not None:
        text = query_file.read_text(encoding="utf-8")
        if not text.lstrip().startswith("#+"):
            if values:
                raise ParameterError(f"{query_file} declares no parameters (no #+ header)")
            is_update = q.query_form(text) == "UPDATE"
            store, remote = _target(kg, endpoint, timeout, writable=allow_update and is_update)
            result = q.run_sparql(
                text,
                allow_update=allow_update,
                limit=limit,
                labels=labels,
                store=store,
                endpoint=remote,
            )
            _render(result, fmt)
            return
        saved = q.parse_query(text, name=_slug(query_file.stem), path=query_file)
    else:
        assert name is not None
        saved = q.load_query(name)
    store, remote = _target(kg, endpoint, timeout)
    result = q.run(saved, values, limit=limit, labels=labels, store=store, endpoint=remote)
    _render(result, fmt)


def _slug(stem: str) -> str:
    import re

    slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")
    return slug if slug and slug[0].isalpha() else f"q-{slug or 'file'}"


@click.command("sparql")
@click.argument("text")
@click.option("--allow-update", is_flag=True, help="Allow a SPARQL UPDATE (read-only otherwise).")
@_source_options
@handle_errors
def sparql_command(
    text: str,
    allow_update: bool,
    kg: Path,
    endpoint: str | None,
    timeout: float,
    fmt: str | None,
    limit: int | None,
) -> None:
    """Run an ad-hoc SPARQL query TEXT ('-' reads it from stdin)."""
    if text == "-":
        text = sys.stdin.read()
    labels = (fmt or ("table" if sys.stdout.isatty() else "tsv")) in ("table", "md")
    is_update = q.query_form(text) == "UPDATE"
    if is_update and not allow_update:
        raise UpdateRefused("this is a SPARQL UPDATE; queries are read-only (--allow-update)")
    store, remote = _target(kg, endpoint, timeout, writable=is_update)
    result = q.run_sparql(
        text, allow_update=allow_update, limit=limit, labels=labels, store=store, endpoint=remote
    )
    if not is_update:
        _render(result, fmt)


@click.command("queries")
@click.argument("name", required=False)
@click.option(
    "--markdown",
    is_flag=True,
    help="Write the query catalogue (Markdown) to --out instead of listing.",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Where --markdown writes (default: docs/queries.md of the project).",
)
@handle_errors
def queries_command(name: str | None, markdown: bool, out: Path | None) -> None:
    """List the saved queries, or show the saved query NAME in full."""
    if markdown:
        target = out or q.default_queries_dir().parent / "docs" / "queries.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(q.catalogue_markdown(q.list_queries()), encoding="utf-8")
        click.echo(f"wrote {target}", err=True)
        return
    if name is None:
        saved = q.list_queries()
        width = max((len(s.name) for s in saved), default=0)
        for s in saved:
            params = ", ".join(p.signature() for p in s.params)
            click.echo(f"{s.name:<{width}}  {s.summary}" + (f"  [{params}]" if params else ""))
        return
    s = q.load_query(name)
    click.echo(f"{s.name}: {s.summary}")
    if s.description:
        click.echo(f"\n{s.description}")
    if s.params:
        click.echo("\nParameters:")
        for p in s.params:
            flag = (
                "required" if p.required else (f"default {p.default}" if p.default else "optional")
            )
            click.echo(f"  {p.name} ({p.type}, {flag}): {p.help}")
    click.echo(f"\nColumns: {', '.join(s.columns)}")
    click.echo(f"\nExample:\n  {q.example_command(s)}")
    click.echo(f"\n{s.body.strip()}")


COMMANDS: list[click.Command] = [query_command, queries_command, sparql_command]
