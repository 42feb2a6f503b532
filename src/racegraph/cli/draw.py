"""`racegraph draw`: Graphviz pictures of an entity's neighbourhood or the ontology."""

from __future__ import annotations

from pathlib import Path

import click

from racegraph.cli._errors import handle_errors
from racegraph.draw import draw_entity, draw_ontology, render
from racegraph.vocab import slugify


@click.command("draw")
@click.argument("entity", required=False)
@click.option(
    "--kg",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("build"),
    show_default=True,
    help="Folder of the built knowledge graph.",
)
@click.option(
    "--depth",
    type=click.IntRange(1, 2),
    default=1,
    show_default=True,
    help="Steps out from ENTITY (a result or entry and its roles count as one step).",
)
@click.option("--ontology", is_flag=True, help="Draw the ontology class diagram instead.")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="FILE.svg, .png, .pdf or .dot (default: ENTITY.svg, or ontology.svg).",
)
@handle_errors
def draw_command(
    entity: str | None, kg: Path, depth: int, ontology: bool, output: Path | None
) -> None:
    """Draw ENTITY's neighbourhood (a name, alias, prefixed name or IRI) with Graphviz.

    \b
    Examples:
      racegraph draw "Valentino Rossi" --depth 2 -o rossi.svg
      racegraph draw --ontology -o ontology.png
    """
    if ontology == (entity is not None):
        raise click.UsageError("give an ENTITY or --ontology (not both)")
    if ontology:
        dot = draw_ontology(kg)
        target = output or Path("ontology.svg")
    else:
        assert entity is not None
        dot = draw_entity(kg, entity, depth=depth)
        target = output or Path(f"{slugify(entity.rsplit('/', 1)[-1]) or 'entity'}.svg")
    click.echo(str(render(dot, target)))


COMMANDS: list[click.Command] = [draw_command]
