"""`racegraph docs [--out build/docs]`: HTML documentation and class diagram of the ontology."""

from __future__ import annotations

from pathlib import Path

import click

from racegraph.cli._errors import handle_errors
from racegraph.docs import build_docs


@click.command(name="docs")
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("build/docs"),
    show_default=True,
    help="Directory for index.html, diagram.svg and diagram.png.",
)
@handle_errors
def docs_command(out_dir: Path) -> None:
    """Generate HTML docs (pyLODE) and the class diagram (Graphviz) from ontology/racegraph.ttl."""
    result = build_docs(out_dir)
    for path in (result.html, result.svg, result.png):
        click.echo(str(path))


COMMANDS: list[click.Command] = [docs_command]
