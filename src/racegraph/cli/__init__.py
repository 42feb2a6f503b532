"""The ``racegraph`` command line: thin wrappers over library functions, one module per group."""

from __future__ import annotations

import sys

from racegraph.cli._app import cli


def main() -> None:
    """Console-script entry point."""
    sys.exit(cli.main(standalone_mode=True))


__all__ = ["cli", "main"]
