"""Shared pytest plugins: real SPARQL servers (fixtures_server) and the built KG (fixtures_kg)."""

from __future__ import annotations

import sys
from pathlib import Path

# ``--import-mode=importlib`` does not put the project root on sys.path; the plugins below
# are imported as ``tests.<module>``, so make the root importable when pytest is run as
# ``pytest`` rather than ``python -m pytest``.
_ROOT = str(Path(__file__).resolve().parent.parent)
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

pytest_plugins = ["tests.fixtures_server", "tests.fixtures_kg"]
