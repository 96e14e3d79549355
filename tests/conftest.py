"""Shared fixtures: the seed documents (read from ../shared, never copied), a fresh knowledge base, the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "eval" / "seeds"
SEED_DOCS = SEEDS / "docs"
SEED_GOLD = SEEDS / "gold"
EXAMPLES = REPO / "examples"
NOTE = "000_c868df7908040aa1.txt"
NATO_PAGE = "003_66d092a99215d8bb.txt"


def veille_cmd() -> list[str]:
    exe = Path(sys.executable).with_name("veille")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "veille.cli"]


def run_veille(*args: str, db: Path | None = None, check: bool = True, timeout: int = 600
               ) -> subprocess.CompletedProcess:
    cmd = veille_cmd() + (["--db", str(db)] if db else []) + list(args)
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env)
    if check and proc.returncode != 0:
        raise AssertionError(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return proc


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEED_DOCS.is_dir():
        pytest.skip(f"seed documents not found at {SEED_DOCS} (the ../shared folder is absent)")
    return SEED_DOCS


@pytest.fixture(scope="session")
def seed_kb(tmp_path_factory, seeds_dir) -> Path:
    """A knowledge base built from the two seeds with the real CLI (shared by the tests that only read it)."""
    db = tmp_path_factory.mktemp("seedkb") / "kb.sqlite"
    run_veille("ingest", "--quiet", str(seeds_dir), db=db)
    return db


@pytest.fixture(scope="session")
def seed_export(tmp_path_factory, seed_kb) -> Path:
    out = tmp_path_factory.mktemp("seedexport")
    run_veille("export", "--format", "jsonl", "--out", str(out), db=seed_kb)
    return out
