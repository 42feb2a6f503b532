"""`racegraph eval` through the CLI: table, JSON, and errors when gold or KG is missing."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from racegraph.cli import cli

ROOT = Path(__file__).resolve().parent.parent
EVAL_DATA = ROOT / "tests" / "data" / "eval"


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["eval", *args])
    return result.exit_code, result.stdout, result.stderr


def test_eval_prints_tables_and_missed_facts() -> None:
    code, out, err = invoke("--gold", str(EVAL_DATA / "gold"), "--kg", str(EVAL_DATA / "kg"))
    assert code == 0, err
    assert "Entities per type" in out
    assert "Facts per relation" in out
    assert "Missed facts (in gold, not predicted): 1" in out
    assert "900_eval_fixture: nationality(s=Maxime Martin, o=Belgium)" in out
    assert "Spurious facts (predicted, not in gold): 0" in out


def test_eval_json_prints_only_json() -> None:
    code, out, _ = invoke(
        "--gold", str(EVAL_DATA / "gold"), "--kg", str(EVAL_DATA / "kg"), "--json"
    )
    assert code == 0
    report = json.loads(out)
    assert report["fact_total"]["tp"] == 26
    assert report["fact_total"]["fn"] == 1
    assert report["entity_total"]["f1"] == 1.0
    assert report["facts"]["memberOf"] == {
        "tp": 1,
        "fp": 0,
        "fn": 0,
        "precision": 1.0,
        "recall": 1.0,
        "f1": 1.0,
    }


def test_eval_without_built_kg_says_run_build(tmp_path: Path) -> None:
    code, out, err = invoke("--gold", str(EVAL_DATA / "gold"), "--kg", str(tmp_path / "none"))
    assert code == 8  # StoreError
    assert out == ""
    assert err.startswith("Error: no knowledge graph in ")
    assert "run `racegraph build` first" in err


def test_eval_without_gold_folder(tmp_path: Path) -> None:
    code, out, err = invoke("--gold", str(tmp_path / "nogold"), "--kg", str(EVAL_DATA / "kg"))
    assert code == 2  # InputError
    assert out == ""
    assert "gold folder" in err and "nogold" in err


def test_eval_with_broken_gold_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("entities: [\n", encoding="utf-8")
    code, _, err = invoke("--gold", str(tmp_path), "--kg", str(EVAL_DATA / "kg"))
    assert code == 2
    assert "bad.yaml" in err


def test_eval_help() -> None:
    result = CliRunner().invoke(cli, ["eval", "--help"])
    assert result.exit_code == 0
    assert "--gold" in result.output and "--kg" in result.output and "--json" in result.output
