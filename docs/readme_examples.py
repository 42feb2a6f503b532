"""Runs the CLI examples shown in README.md and pastes their real output (via cog).

``make readme`` (``cog -r README.md``) rebuilds the reference section. The outputs include
timings, so the section is regenerated, not checked byte for byte; ``tests/test_readme.py``
checks that every command is documented with an example.
"""

from __future__ import annotations

import os
import shlex
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def run(command: str, *, head: int | None = None, seconds: float | None = None) -> str:
    """``$ command`` followed by what it printed (stdout and stderr), as a console block."""
    env = os.environ | {"COLUMNS": "110", "NO_COLOR": "1", "TERM": "dumb"}
    args = shlex.split(command)
    args[0] = str(BIN / args[0])
    if seconds is None:
        proc = subprocess.run(
            args, cwd=ROOT, env=env, capture_output=True, text=True, check=False, timeout=600
        )
        out = proc.stdout + proc.stderr
    else:
        popen = subprocess.Popen(
            args, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        time.sleep(seconds)
        popen.send_signal(signal.SIGINT)
        out, _ = popen.communicate(timeout=30)
    lines = out.rstrip("\n").splitlines()
    if head is not None and len(lines) > head:
        lines = [*lines[:head], "..."]
    body = "\n".join(lines)
    return f"```console\n$ {command}\n{body}\n```\n"
