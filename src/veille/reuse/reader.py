"""Reading documents for standalone reuse detection: folders of .txt/.md files and JSONL corpora."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

TEXT_SUFFIXES = {".txt", ".md"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}


def iter_paths(paths: list[str]) -> Iterator[Path]:
    """Files named, and the .txt/.md/.jsonl files under folders named (sorted, recursively)."""
    for p in map(Path, paths):
        if p.is_dir():
            yield from sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in
                              TEXT_SUFFIXES | JSONL_SUFFIXES)
        elif p.exists():
            yield p
        else:
            raise FileNotFoundError(f"no such file or folder: {p}")


def iter_documents(paths: list[str]) -> Iterator[tuple[str, str, str | None]]:
    """(name, text, published) for every document: a text file's basename, or a JSONL record's `id`."""
    for f in iter_paths(paths):
        if f.suffix.lower() in JSONL_SUFFIXES:
            with f.open(encoding="utf-8") as fh:
                for lineno, line in enumerate(fh, 1):
                    if not line.strip():
                        continue
                    try:
                        rec = json.loads(line)
                    except json.JSONDecodeError as exc:
                        print(f"{f}:{lineno}: skipped, not JSON ({exc})", file=sys.stderr)
                        continue
                    if "text" not in rec:
                        continue
                    name = rec.get("id", rec.get("doc", rec.get("name", f"{f.name}:{lineno}")))
                    yield str(name), rec["text"] or "", rec.get("published")
        else:
            yield f.name, f.read_text(encoding="utf-8", errors="replace"), None
