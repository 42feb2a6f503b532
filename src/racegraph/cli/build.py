"""`racegraph build`: the main job."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from racegraph.build import BuildOptions, BuildResult, build
from racegraph.cli._errors import handle_errors


@click.command(name="build")
@click.option(
    "--articles",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("data/articles"),
    show_default=True,
    help="Folder of .txt articles (first line ' date YYYY-MM-DD').",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("build"),
    show_default=True,
    help="Output folder: kg.trig, kg.ttl, report.md/json, store/, quarantine/.",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Extract in N processes.",
)
@click.option("--strict", is_flag=True, help="Exit 1 when SHACL warnings were reported too.")
@click.option("--force", is_flag=True, help="Rebuild every article, ignoring the cache.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary.")
@handle_errors
def build_command(
    articles: Path, out: Path, jobs: int, strict: bool, force: bool, quiet: bool
) -> None:
    """Build the knowledge graph from ARTICLES into OUT.

    Example: racegraph build --articles data/articles --out build --jobs 2
    """
    options = BuildOptions(articles=articles, out=out, jobs=jobs, strict=strict, force=force)
    err = Console(stderr=True)
    show_progress = not quiet and sys.stderr.isatty()
    if show_progress:
        with Progress(
            TextColumn("[bold]building[/]"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            TextColumn("{task.description}"),
            console=err,
            transient=True,
        ) as bar:
            task = bar.add_task("", total=None, rate="")

            def on_progress(done: int, total: int, name: str) -> None:
                speed = bar.tasks[0].speed
                rate = f"{speed:.1f} art/s" if speed else ""
                bar.update(task, completed=done, total=total, description=name, rate=rate)

            result = build(options, progress=on_progress)
    else:
        result = build(options)
    for outcome in result.outcomes:
        if outcome.status == "skipped":
            err.print(f"[yellow]skipped[/] {outcome.message}", highlight=False)
        elif outcome.status == "quarantined":
            err.print(
                f"[yellow]quarantined[/] {outcome.file_name}: {outcome.message}", highlight=False
            )
    if not quiet:
        _summary(result, Console())
    code = result.exit_code
    if strict and code == 0 and any(o.warnings for o in result.outcomes):
        code = 1
    sys.exit(code)


def _summary(result: BuildResult, console: Console) -> None:
    table = Table(title=f"racegraph build → {result.out}/", show_edge=False)
    for col in ("article", "status", "entities", "facts", "triples", "inferred", "violations"):
        table.add_column(col, justify="left" if col in {"article", "status"} else "right")
    for o in result.outcomes:
        table.add_row(
            o.file_name,
            o.status,
            str(sum(o.entities.values())),
            str(sum(o.facts.values())),
            str(o.triples),
            str(o.inferences),
            str(len(o.violations)),
        )
    console.print(table)
    rate = len(result.outcomes) / result.seconds if result.seconds else 0.0
    console.print(
        f"{len(result.outcomes)} articles: {result.count('built')} built, "
        f"{result.count('cached')} unchanged, {result.count('quarantined')} quarantined, "
        f"{result.count('skipped')} skipped; {result.total_triples} triples in "
        f"{result.seconds:.1f}s ({rate:.1f} articles/s). "
        f"Report: {result.out}/report.md",
        highlight=False,
    )


COMMANDS: list[click.Command] = [build_command]
