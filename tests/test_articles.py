"""Reading articles: metadata, and one clear message per kind of bad file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from racegraph.articles import list_articles, read_article
from racegraph.errors import InputError

ROOT = Path(__file__).resolve().parent.parent


def test_sample_articles_read() -> None:
    paths = list_articles(ROOT / "data" / "articles")
    assert [p.suffix for p in paths] == [".txt"] * 3
    article = read_article(paths[0])
    assert article.published == dt.date(2023, 7, 17)
    assert article.text.startswith("Valentino Rossi, the renowned")
    assert len(article.sha256) == 64
    assert article.word_count == len(article.text.split())


def test_date_line_on_its_own_line(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(" date 2024-03-02\nIron Lynx won the race at Sebring with Lamborghini.\n")
    article = read_article(path)
    assert article.published == dt.date(2024, 3, 2)
    assert article.text.startswith("Iron Lynx")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "empty file"),
        (b"Rossi won.", "date line"),
        (b" date 2024-02-30 Rossi won.", "invalid date"),
        (b" date 2024-02-03", "no body"),
        (b" date 2024-02-03 \xff\xfe bad", "UTF-8"),
        (b" date 2024-02-03 \x00 nul", "binary"),
        (b" date 2024-02-03 <div>Rossi won</div>", "HTML"),
    ],
)
def test_bad_files_name_file_and_fix(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        read_article(path)
    assert "bad.txt" in str(info.value)
    assert expected in str(info.value)
    assert info.value.exit_code == 2


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such folder"):
        list_articles(tmp_path / "missing")
