"""`racegraph export`: write the built knowledge graph in a deterministic RDF serialisation."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from racegraph.cli._errors import handle_errors
from racegraph.export import ExportFormat, export_kg


@click.command("export")
@click.option(
    "--kg",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("build"),
    show_default=True,
    help="Folder of the built knowledge graph.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice([f.value for f in ExportFormat]),
    default=ExportFormat.TURTLE.value,
    show_default=True,
    help="Output format (turtle and ntriples hold one graph: the union).",
)
@click.option(
    "--graph",
    "graphs",
    multiple=True,
    metavar="ARTICLE",
    help="Export only this graph: an article stem, inferred, ontology, reference or an IRI "
    "(repeatable).",
)
@click.option("--union", "mode", flag_value="union", help="Merge the graphs into one.")
@click.option("--all", "mode", flag_value="all", help="Keep every graph separate (datasets).")
@click.option(
    "--inferred/--no-inferred",
    default=None,
    help="Include the inferred graph (default: yes for all graphs, no with --graph).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    default=Path("-"),
    show_default=True,
    help="Output file, or - for stdout.",
)
@handle_errors
def export_command(
    kg: Path,
    fmt: str,
    graphs: tuple[str, ...],
    mode: str | None,
    inferred: bool | None,
    output: Path,
) -> None:
    """Export the built knowledge graph: sorted, stable prefixes, byte-identical per graph.

    \b
    Examples:
      racegraph export -o kg.ttl
      racegraph export --format trig --all -o kg.trig
      racegraph export --graph 000_4c063b5a83620a77 --inferred
    """
    export_format = ExportFormat(fmt)
    union = None if mode is None else mode == "union"
    if mode == "all" and not export_format.has_graphs:
        raise click.UsageError(f"--all needs a dataset format (trig, nquads, jsonld), not {fmt}")
    if str(output) == "-":
        export_kg(kg, sys.stdout, fmt=export_format, graphs=graphs, union=union, inferred=inferred)
        return
    tmp = output.with_name(output.name + ".tmp")
    with tmp.open("w", encoding="utf-8", newline="\n") as out:
        count = export_kg(kg, out, fmt=export_format, graphs=graphs, union=union, inferred=inferred)
    tmp.replace(output)
    click.echo(
        f"wrote {count} {'quads' if export_format.has_graphs else 'triples'} to {output}", err=True
    )


COMMANDS: list[click.Command] = [export_command]
