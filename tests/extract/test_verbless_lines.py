"""A verbless line that names a championship of an earlier season ("The 2025 European Le
Mans Series in numbers: ...") once sent the context search up the parse forever: spaCy
makes a new ``Token`` object on every ``.head``, so ``head is not token`` never ended the
walk at the root. The extraction must finish; an alarm turns a hang into a failure."""

from __future__ import annotations

import datetime as dt
import signal
from collections.abc import Iterator
from types import FrameType

import pytest
from spacy.language import Language

from racegraph.reference import Reference
from tests.extract._pipeline_harness import facts, predict

_TEXT = (
    "The 2025 European Le Mans Series in numbers: six rounds, 43 cars.\n\n"
    "In LMP2, United Autosports fields two Oreca 07s for Tom Blake and Ian Fox.\n"
)


def _timeout(signum: int, frame: FrameType | None) -> None:
    raise TimeoutError("extraction did not finish within 60 s")


@pytest.fixture
def alarm() -> Iterator[None]:
    old = signal.signal(signal.SIGALRM, _timeout)
    signal.setitimer(signal.ITIMER_REAL, 60)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


@pytest.mark.usefixtures("alarm")
def test_a_verbless_past_season_line_does_not_hang(nlp: Language, reference: Reference) -> None:
    doc = predict(nlp, reference, _TEXT, published=dt.date(2026, 1, 10))
    drivers = {f["s"] for f in facts(doc, "competesIn")}
    assert {"tom-blake", "ian-fox"} <= drivers
