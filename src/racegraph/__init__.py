"""racegraph: motorsport news articles to a validated, queryable RDF knowledge graph."""

from __future__ import annotations

__version__ = "0.1.0"
PIPELINE_VERSION = "2"

__all__ = ["PIPELINE_VERSION", "__version__"]
