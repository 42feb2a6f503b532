"""`racegraph eval`: precision / recall / F1 of a built graph against the gold annotations."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from racegraph.cli._errors import handle_errors
from racegraph.evaluate import Counts, EvalReport, evaluate_kg


@click.command("eval")
@click.option(
    "--gold",
    "gold_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("tests/gold"),
    show_default=True,
    help="Folder of gold *.yaml annotations (COMPETENCY.yaml is skipped).",
)
@click.option(
    "--kg",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("build"),
    show_default=True,
    help="Folder written by `racegraph build` (reads KG/kg.trig).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON only.")
@handle_errors
def eval_command(gold_dir: Path, kg: Path, as_json: bool) -> None:
    """Score the built knowledge graph against gold annotations.

    Entities are matched by normalised name or mention (never by gold id), facts by relation
    and key roles (qualifiers such as season and status count). Prints precision, recall and
    F1 per entity type and per relation, then the missed and the spurious facts.

    Example: racegraph eval --gold tests/gold --kg build
    """
    report = evaluate_kg(gold=gold_dir, kg=kg)
    if as_json:
        click.echo(json.dumps(report.to_json(), indent=2, sort_keys=True))
        return
    _render(report, Console(highlight=False, soft_wrap=True))


def _fmt(value: float, counts: Counts) -> str:
    return "-" if counts.empty else f"{value:.2f}"


def _table(title: str, first: str, rows: dict[str, Counts], total: Counts) -> Table:
    table = Table(title=title)
    for name in (first, "tp", "fp", "fn", "P", "R", "F1"):
        table.add_column(name, justify="left" if name not in ("tp", "fp", "fn") else "right")
    for name, counts in [*sorted(rows.items()), ("TOTAL", total)]:
        table.add_row(
            name,
            str(counts.tp),
            str(counts.fp),
            str(counts.fn),
            _fmt(counts.precision, counts),
            _fmt(counts.recall, counts),
            _fmt(counts.f1, counts),
            end_section=name == "TOTAL",
        )
    return table


def _render(report: EvalReport, console: Console) -> None:
    console.print(_table("Entities per type", "type", report.entities, report.entity_total))
    console.print(_table("Facts per relation", "relation", report.facts, report.fact_total))
    for title, lines in (
        ("Missed facts (in gold, not predicted)", report.missed),
        ("Spurious facts (predicted, not in gold)", report.spurious),
        ("Missed entities", report.missed_entities),
        ("Spurious entities", report.spurious_entities),
    ):
        console.print(f"\n[bold]{title}: {len(lines)}[/bold]")
        for line in lines:
            console.print(f"  {line}", markup=False)
    if report.unscored:
        console.print(f"\nNot scored (no gold file): {', '.join(report.unscored)}", markup=False)


COMMANDS: list[click.Command] = [eval_command]
