"""Reading articles from disk: the first line is `` date YYYY-MM-DD``, the rest is the body.

Bad files raise :class:`~racegraph.errors.InputError` naming the file and what to do; the build
catches these per article so one bad file never stops the others.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import re
from pathlib import Path

from racegraph.errors import InputError
from racegraph.records import Article

MAX_BYTES = 5 * 1024 * 1024
_DATE_LINE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})(?:[ \t]+|\r?\n|$)")
_HTML = re.compile(r"<\s*(html|body|div|p|span|script|a\s|br|head|!doctype)\b", re.IGNORECASE)
_ENGLISH_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "of",
        "in",
        "to",
        "is",
        "was",
        "for",
        "on",
        "with",
        "at",
        "his",
        "her",
        "their",
        "by",
        "from",
        "as",
        "that",
        "it",
        "has",
        "have",
    ]
)


def read_article(path: Path) -> Article:
    """Read and check one article file.

    The date line may be followed by the body on the same line (as in the sample corpus) or on
    the next line.
    """
    name = path.name
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{name}: cannot read file ({exc.strerror}); check permissions") from exc
    if len(raw) > MAX_BYTES:
        raise InputError(
            f"{name}: file is {len(raw) / 1e6:.1f} MB, over the 5 MB limit; split it into articles"
        )
    if not raw.strip():
        raise InputError(f"{name}:1: empty file; remove it or add ' date YYYY-MM-DD' and a body")
    if b"\x00" in raw:
        raise InputError(f"{name}: binary content (NUL bytes); only UTF-8 text articles are read")
    try:
        content = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not valid UTF-8 at byte {exc.start}; re-save the file as UTF-8"
        ) from exc
    content = content.removeprefix("\ufeff")
    match = _DATE_LINE.match(content)
    if match is None:
        first = content.splitlines()[0][:40] if content.splitlines() else ""
        raise InputError(
            f"{name}:1: missing or malformed date line (got {first!r}); "
            "the first line must be ' date YYYY-MM-DD'"
        )
    try:
        published = _dt.date.fromisoformat(match.group(1))
    except ValueError as exc:
        raise InputError(
            f"{name}:1: invalid date {match.group(1)!r} ({exc}); use a real calendar date"
        ) from exc
    body = content[match.end() :]
    if not body.strip():
        raise InputError(f"{name}: the article has a date line but no body text")
    if _HTML.search(body):
        raise InputError(f"{name}: looks like HTML markup; save the article's plain text instead")
    words = re.findall(r"[^\W\d_]+", body.lower())
    if len(words) >= 20:
        share = sum(w in _ENGLISH_WORDS for w in words) / len(words)
        if share < 0.08:
            raise InputError(
                f"{name}: does not look like English ({share:.0%} common English words); "
                "racegraph extracts English articles only"
            )
    return Article(
        stem=path.stem,
        file_name=name,
        published=published,
        text=body,
        sha256=hashlib.sha256(raw).hexdigest(),
        word_count=len(body.split()),
        path=path,
    )


def list_articles(directory: Path) -> list[Path]:
    """Article files (``*.txt``) of a folder, sorted by name for deterministic builds."""
    if not directory.is_dir():
        raise InputError(f"{directory}: no such folder; pass --articles DIR with the .txt articles")
    return sorted(p for p in directory.glob("*.txt") if p.is_file())
