"""Time expressions resolved against the published date (racegraph.extract.time)."""

from __future__ import annotations

import datetime as dt

import pytest

from racegraph.extract.time import TimeSpan, last_weekday, resolve

MONDAY = dt.date(2024, 3, 18)


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("on Sunday", dt.date(2024, 3, 17)),
        ("Saturday's feature race", dt.date(2024, 3, 16)),
        ("the Friday practice", dt.date(2024, 3, 15)),
        ("on Monday", dt.date(2024, 3, 11)),  # strictly before the published day
        ("yesterday", dt.date(2024, 3, 17)),
        ("tomorrow", dt.date(2024, 3, 19)),
        ("3 February 2024", dt.date(2024, 2, 3)),
        ("February 3, 2024", dt.date(2024, 2, 3)),
        ("the 21st of June 2025", dt.date(2025, 6, 21)),
        ("2023-11-04", dt.date(2023, 11, 4)),
    ],
)
def test_day_precision(expression: str, expected: dt.date) -> None:
    span = resolve(expression, MONDAY)
    assert span == TimeSpan(start=expected, precision="day", year=expected.year)


@pytest.mark.parametrize(
    ("expression", "year"),
    [
        ("next season", 2025),
        ("next year", 2025),
        ("this season", 2024),
        ("last year", 2023),
        ("the previous season", 2023),
        ("five years ago", 2019),
        ("12 years ago", 2012),
        ("at the end of 2019", 2019),
        ("the 2026 season", 2026),
        ("in two years", 2026),
    ],
)
def test_year_precision(expression: str, year: int) -> None:
    span = resolve(expression, MONDAY)
    assert span is not None
    assert (span.precision, span.year) == ("year", year)


def test_months() -> None:
    assert resolve("in June 2023", MONDAY) == TimeSpan.of_month(2023, 6)
    # a month alone is the nearest one not after the published month
    assert resolve("in January", MONDAY) == TimeSpan.of_month(2024, 1)
    assert resolve("in October", MONDAY) == TimeSpan.of_month(2023, 10)


@pytest.mark.parametrize("expression", ["the race", "a long time", "may well", ""])
def test_unresolved(expression: str) -> None:
    assert resolve(expression, MONDAY) is None


def test_gold_weekend_of_a_monday_report() -> None:
    published = dt.date(2023, 7, 17)
    assert last_weekday("sunday", published) == dt.date(2023, 7, 16)
    assert last_weekday("saturday", published) == dt.date(2023, 7, 15)
