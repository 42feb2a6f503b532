"""The root click group; every command module adds itself here."""

from __future__ import annotations

import importlib
import logging

import click

from racegraph import __version__

_COMMAND_MODULES = (
    "build",
    "eval",
    "query",
    "export",
    "load",
    "serve",
    "draw",
    "validate",
    "docs",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="racegraph")
@click.option("--debug", is_flag=True, help="Show tracebacks and debug logging.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """racegraph: motorsport news articles to a validated, queryable RDF knowledge graph."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug
    logging.basicConfig(
        level=logging.DEBUG if debug else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )


for _name in _COMMAND_MODULES:
    _module = importlib.import_module(f"racegraph.cli.{_name}")
    for _command in _module.COMMANDS:
        cli.add_command(_command)
