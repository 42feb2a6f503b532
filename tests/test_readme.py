"""README documents every command with a real example, and the Quick start has two commands."""

from __future__ import annotations

import re
from pathlib import Path

from racegraph.cli import cli

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_quick_start_is_two_commands() -> None:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```console\n(.*?)```", section, re.S)
    assert block is not None
    commands = [line for line in block.group(1).splitlines() if line.strip()]
    assert [c.split("#")[0].strip() for c in commands] == ["make run", "make test"]


def test_every_command_has_an_example_with_output() -> None:
    for name in cli.list_commands(None):  # type: ignore[arg-type]
        assert f"$ racegraph {name}" in README, f"README has no example of `racegraph {name}`"
    examples = re.findall(r"```console\n\$ racegraph .*?\n(.*?)```", README, re.S)
    assert examples and all(body.strip() for body in examples), "an example shows no output"


def test_load_recipes_are_in_the_readme() -> None:
    assert "## Load into your triplestore" in README
    for store in ("Oxigraph", "Virtuoso", "Fuseki", "GraphDB"):
        assert store in README
