"""`racegraph draw`: entity neighbourhoods and the ontology diagram."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from racegraph.cli import cli
from racegraph.draw import draw_entity, draw_ontology


def test_neighbourhood_shows_roles_of_results_at_depth_one(small_kg: Path) -> None:
    source = draw_entity(small_kg, "valentino rossi", depth=1).source
    for text in ("Valentino Rossi", "Team WRT", "memberOf", "Result", "position: 5",
                 "Qatar 1812km", "LMGT3", "Silver", "worksDriverFor"):  # fmt: skip
        assert text in source, text
    # provenance plumbing is hidden; depth 1 does not reach the championship of the race
    assert "Statement" not in source and "mentions" not in source
    assert "FIA World Endurance Championship" not in source
    deeper = draw_entity(small_kg, "rgid:person/valentino-rossi", depth=2).source
    assert "FIA World Endurance Championship" in deeper


def test_drawing_is_deterministic(small_kg: Path) -> None:
    first = draw_entity(small_kg, "Valentino Rossi", depth=2).source
    assert first == draw_entity(small_kg, "Valentino Rossi", depth=2).source


def test_cli_draw_writes_svg_and_png(small_kg: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    svg = tmp_path / "rossi.svg"
    result = runner.invoke(cli, ["draw", "The Doctor", "--kg", str(small_kg), "-o", str(svg)])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(svg)
    assert svg.read_text().lstrip().startswith("<?xml")
    png = tmp_path / "onto.png"
    result = runner.invoke(cli, ["draw", "--ontology", "--kg", str(small_kg), "-o", str(png)])
    assert result.exit_code == 0, result.output
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_ontology_diagram_has_classes(small_kg: Path) -> None:
    source = draw_ontology(small_kg).source
    assert "Driver" in source and "Team" in source


def test_cli_draw_errors(small_kg: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    unknown = runner.invoke(cli, ["draw", "Nobody At All", "--kg", str(small_kg)])
    assert unknown.exit_code == 2
    assert "no entity is labelled 'Nobody At All'" in unknown.stderr
    both = runner.invoke(cli, ["draw", "Rossi", "--ontology", "--kg", str(small_kg)])
    assert both.exit_code == 2
    bad = runner.invoke(
        cli, ["draw", "Rossi", "--kg", str(small_kg), "-o", str(tmp_path / "x.jpg")]
    )
    assert bad.exit_code == 2 and ".svg" in bad.stderr


def test_real_build_draws_valentino_rossi(built_kg: Path, tmp_path: Path) -> None:
    source = draw_entity(built_kg, "Valentino Rossi", depth=1).source
    assert "Valentino Rossi" in source
    assert source.count("->") >= 3
