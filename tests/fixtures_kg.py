"""Placeholder: the build owner replaces this with the session fixture ``built_kg``
(the path of a real build of data/articles)."""

from __future__ import annotations
