"""Extraction: article text -> entities, mentions and facts (spaCy stays inside this package).

>>> from racegraph.extract import extract_article, extract_articles, load_pipeline
"""

from racegraph.extract.pipeline import extract_article, extract_articles, load_pipeline

__all__ = ["extract_article", "extract_articles", "load_pipeline"]
