"""`racegraph validate FILE... [--strict]`: SHACL-check RDF files against the racegraph shapes."""

from __future__ import annotations

from pathlib import Path

import click

from racegraph.cli._errors import handle_errors
from racegraph.errors import ShapeViolation
from racegraph.validate import render_report, validate_files


@click.command(name="validate")
@click.argument(
    "files",
    nargs=-1,
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
)
@click.option("--strict", is_flag=True, help="Fail on warnings too (e.g. the LMGT3 line-up rule).")
@handle_errors
def validate_command(files: tuple[Path, ...], strict: bool) -> None:
    """Validate RDF FILES (any rdflib syntax, merged) against ontology/shapes.ttl.

    Prints the findings grouped by focus node and a summary line. Exit status: 0 when the
    data conforms (warnings allowed unless --strict), 1 on violations, 2 on unreadable input.
    """
    report = validate_files(list(files), strict=strict)
    click.echo(render_report(report))
    if not report.conforms:
        kind = "violation(s)" if report.violations else "warning(s) (--strict)"
        count = len(report.violations) or len(report.warnings)
        raise ShapeViolation(f"{count} {kind} in {len(files)} file(s)")


COMMANDS: list[click.Command] = [validate_command]
