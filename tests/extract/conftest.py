"""Fixtures shared by the extraction tests: the reference data and the full pipeline.

Session-scoped: loading spaCy and the reference rulers takes seconds, and no test changes
them.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from racegraph.extract import load_pipeline
from racegraph.reference import Reference, load_reference


@pytest.fixture(scope="session")
def reference() -> Reference:
    return load_reference()


@pytest.fixture(scope="session")
def nlp(reference: Reference) -> Language:
    return load_pipeline(reference)
