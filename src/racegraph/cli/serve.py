"""`racegraph serve`: a read-only SPARQL endpoint (and YASGUI page) over the built KG."""

from __future__ import annotations

from pathlib import Path

import click

from racegraph.cli._errors import handle_errors
from racegraph.serve import serve_kg, wait_until_stopped


@click.command("serve")
@click.option(
    "--kg",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("build"),
    show_default=True,
    help="Folder of the built knowledge graph.",
)
@click.option("--port", type=click.IntRange(1, 65535), default=7878, show_default=True)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to bind; loopback unless you say otherwise (e.g. 0.0.0.0).",
)
@handle_errors
def serve_command(kg: Path, port: int, host: str) -> None:
    """Serve the built KG read-only with Oxigraph until Ctrl-C.

    Prints the YASGUI page, the SPARQL endpoint and how to run a saved query against it.
    """
    try:
        with serve_kg(kg, host=host, port=port) as server:
            click.echo(f"YASGUI:          {server.yasgui_url}")
            click.echo(f"SPARQL endpoint: {server.query_url}")
            click.echo(f"Saved queries:   racegraph query NAME --endpoint {server.query_url}")
            click.echo("Press Ctrl-C to stop.", err=True)
            wait_until_stopped(server)
            raise click.ClickException("the Oxigraph server stopped unexpectedly")
    except KeyboardInterrupt:
        click.echo("stopped", err=True)


COMMANDS: list[click.Command] = [serve_command]
