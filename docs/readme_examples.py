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


def with_oxigraph(*commands: str, head: int | None = None) -> str:
    """Run ``commands`` against a fresh Oxigraph server ({query}/{store} in them are filled in).

    The server is the ``oxigraph`` binary from PyPI on a free loopback port, stopped after.
    """
    import socket
    import tempfile
    import urllib.request

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as location:
        server = subprocess.Popen(
            [str(BIN / "oxigraph"), "serve", "--location", location, "--bind", f"127.0.0.1:{port}"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            for _ in range(100):
                try:
                    urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=1)
                    break
                except OSError:
                    time.sleep(0.1)
            blocks = [
                run(c.format(query=f"{base}/query", store=f"{base}/store"), head=head)
                for c in commands
            ]
        finally:
            server.terminate()
            server.wait(timeout=30)
    return "\n".join(blocks).replace(str(port), "7878")
