"""Running `veille serve` as a separate process on a free localhost port (used by the browser tests and the
timeline benchmark, which must talk to a real server over real HTTP)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _veille() -> list[str]:
    exe = Path(sys.executable).with_name("veille")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "veille.cli"]


@contextmanager
def running_server(db: str | Path, port: int | None = None, timeout: float = 60.0) -> Iterator[str]:
    """Start `veille --db DB serve --port N --no-open`, wait until it answers, yield its base URL, stop it."""
    port = port or free_port()
    url = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen(_veille() + ["--db", str(db), "serve", "--port", str(port), "--no-open"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=dict(os.environ))
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                out = proc.stdout.read().decode("utf-8", "replace") if proc.stdout else ""
                raise RuntimeError(f"veille serve exited with {proc.returncode}:\n{out}")
            try:
                with urllib.request.urlopen(f"{url}/api/facets", timeout=2) as r:
                    if r.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if time.monotonic() > deadline:
                raise TimeoutError(f"veille serve did not answer on {url} within {timeout:.0f} s")
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
