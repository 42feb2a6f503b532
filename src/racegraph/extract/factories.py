"""All spaCy component registrations of racegraph (one place, like ``spacy.pipeline.factories``).

Components are built empty by spaCy and filled by :func:`racegraph.extract.load_pipeline`
(the reference ruler needs the :class:`~racegraph.reference.Reference` passed at run time).
Registration happens when this module is imported; it is idempotent.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language

from racegraph.extract.mentions import (
    GenreRuler,
    ReferenceRuler,
    default_pattern_files,
    read_patterns,
    split_model_period,
)

REFERENCE_RULER = "racegraph_reference_ruler"
GENRE_RULER = "racegraph_genre_ruler"
MODEL_PERIOD = "racegraph_model_period"

Language.component(MODEL_PERIOD, func=split_model_period)


@Language.factory(
    REFERENCE_RULER,
    assigns=["doc.spans"],
    requires=[],
    default_config={},
)
def make_reference_ruler(nlp: Language, name: str) -> ReferenceRuler:
    """Phrase matcher over reference labels/aliases; fill with ``add_reference``."""
    return ReferenceRuler(nlp, name)


@Language.factory(
    GENRE_RULER,
    assigns=["doc.spans"],
    requires=[],
    default_config={"patterns_dir": ""},
)
def make_genre_ruler(nlp: Language, name: str, patterns_dir: str) -> GenreRuler:
    """Token matcher over the genre patterns (``extract/patterns/*.jsonl`` by default)."""
    files = sorted(Path(patterns_dir).glob("*.jsonl")) if patterns_dir else default_pattern_files()
    return GenreRuler(nlp, name, patterns=read_patterns(files))


__all__ = [
    "GENRE_RULER",
    "MODEL_PERIOD",
    "REFERENCE_RULER",
    "make_genre_ruler",
    "make_reference_ruler",
]
