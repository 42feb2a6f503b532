"""`racegraph load`: push the built knowledge graph into a remote triplestore."""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from racegraph.cli._errors import handle_errors
from racegraph.load import LoadReport, LoadTarget, RetryPolicy, load_kg
from racegraph.vocab import GRAPH


def _render(report: LoadReport, console: Console) -> None:
    table = Table(title="dry run: nothing was written" if report.dry_run else None)
    table.add_column(f"graph (in {GRAPH})", no_wrap=True)
    table.add_column("triples", justify="right")
    if not report.dry_run:
        table.add_column("on server", justify="right")
    table.add_column("status")
    for r in report.results:
        short = r.graph[len(GRAPH) :] if r.graph.startswith(str(GRAPH)) else r.graph
        row = [short, str(r.triples)]
        if not report.dry_run:
            row.append("" if r.server_triples is None else str(r.server_triples))
        style = "red bold" if not r.ok else ("green" if r.status == "loaded" else "")
        row.append(f"[{style}]{r.status}[/]" if style else r.status)
        table.add_row(*row)
    console.print(table)


@click.command("load")
@click.option(
    "--kg",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("build"),
    show_default=True,
    help="Folder of the built knowledge graph.",
)
@click.option("--endpoint", required=True, metavar="QUERY_URL", help="SPARQL query URL.")
@click.option("--update-url", metavar="URL", help="SPARQL Update URL (default: QUERY_URL).")
@click.option(
    "--gsp-url",
    metavar="URL",
    help="Graph Store Protocol URL, e.g. http://localhost:7878/store (needed for --protocol gsp).",
)
@click.option(
    "--protocol",
    type=click.Choice(["gsp", "update"]),
    default="gsp",
    show_default=True,
    help="gsp: one HTTP PUT per graph; update: SPARQL Update (DROP + INSERT DATA).",
)
@click.option(
    "--graph",
    "graphs",
    multiple=True,
    metavar="ARTICLE",
    help="Load only this graph (article stem, inferred, ontology, reference or IRI).",
)
@click.option("--only-changed", is_flag=True, help="Push only graphs whose content changed.")
@click.option("--dry-run", is_flag=True, help="Show what would be loaded; write nothing.")
@click.option(
    "--auth",
    type=click.Choice(["auto", "basic", "digest"]),
    default="auto",
    show_default=True,
    help="HTTP auth scheme for RACEGRAPH_USER/RACEGRAPH_PASSWORD or ~/.netrc credentials.",
)
@click.option("--insecure", is_flag=True, help="Do not verify TLS certificates.")
@click.option(
    "--timeout",
    type=click.FloatRange(min=1),
    default=300.0,
    show_default=True,
    help="Seconds to wait for each request.",
)
@click.option(
    "--retries",
    type=click.IntRange(min=1, max=20),
    default=6,
    show_default=True,
    help="Attempts per request (exponential backoff) on connection errors, 5xx and 429.",
)
@click.option(
    "--jobs",
    type=click.IntRange(min=1, max=32),
    default=4,
    show_default=True,
    help="Graphs sent at once.",
)
@handle_errors
def load_command(
    kg: Path,
    endpoint: str,
    update_url: str | None,
    gsp_url: str | None,
    protocol: str,
    graphs: tuple[str, ...],
    only_changed: bool,
    dry_run: bool,
    auth: str,
    insecure: bool,
    timeout: float,
    retries: int,
    jobs: int,
) -> None:
    """Load the built KG into a triplestore, each graph as its own named graph, then verify.

    \b
    Examples (Oxigraph):
      racegraph load --endpoint http://localhost:7878/query \\
          --gsp-url http://localhost:7878/store
      racegraph load --endpoint http://localhost:7878/query \\
          --update-url http://localhost:7878/update --protocol update --only-changed

    Exits 1 when a graph's triple count on the server differs from what was sent.
    """
    target = LoadTarget(
        query_url=endpoint,
        update_url=update_url,
        gsp_url=gsp_url,
        protocol="update" if protocol == "update" else "gsp",
        verify_tls=not insecure,
        auth="digest" if auth == "digest" else "basic" if auth == "basic" else "auto",
    )
    err = Console(stderr=True)
    out = Console(soft_wrap=True, width=None if Console().is_terminal else 160)
    with Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[triples]} triples"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    ) as bar:
        task = bar.add_task("loading graphs", total=None, triples=0)
        done = {"triples": 0}

        def progress(graph: str, triples: int) -> None:
            done["triples"] += triples
            bar.update(task, advance=1, triples=done["triples"], description=graph[-40:])

        report = load_kg(
            kg,
            target,
            graphs=graphs,
            only_changed=only_changed,
            dry_run=dry_run,
            retry=RetryPolicy(attempts=retries, timeout=timeout),
            progress=progress,
            jobs=jobs,
        )
    _render(report, out)
    counts: dict[str, int] = {}
    for r in report.results:
        counts[r.status] = counts.get(r.status, 0) + 1
    summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
    rate = report.triples_sent / report.seconds if report.seconds > 0 else 0.0
    click.echo(
        f"{len(report.results)} graphs: {summary}; {report.triples_sent} triples sent in "
        f"{report.seconds:.1f}s ({rate:,.0f} triples/s)"
    )
    if not report.ok:
        click.echo(
            f"Error: {len(report.mismatches)} graph(s) have a different triple count on the "
            "server than was sent",
            err=True,
        )
        raise SystemExit(1)


COMMANDS: list[click.Command] = [load_command]
