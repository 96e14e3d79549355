"""Read files into `Document`s: .txt/.md as text, .html/.htm through trafilatura, .jsonl one record per line.

Readers never raise for a bad document: they yield `Rejected(name, reason)` and carry on, so one unreadable
file never stops a batch. Text is decoded as UTF-8 (with or without BOM); anything else is tried as
Windows-1252/Latin-1 only when the bytes look like text, and that fallback is reported in `Document.source`.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from veille.ingest.html import html_to_document
from veille.model import Document

TEXT_SUFFIXES = {".txt", ".md", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

MAX_DOC_CHARS = 2_000_000  # ~300k words: far beyond any article; bigger inputs are reported, not ingested
MAX_FILE_BYTES = 20_000_000  # for a single text/html document; JSONL files are streamed line by line

_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?")


@dataclass
class Rejected:
    """A document that could not be ingested, and why."""

    name: str
    reason: str


def iter_paths(paths: Iterable[str | os.PathLike]) -> Iterator[Path]:
    """Files under the given paths (folders walked in sorted order), unsupported suffixes included so they are
    reported rather than silently dropped."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not child.name.startswith("."):
                    yield child
        else:
            yield path


def decode_bytes(data: bytes) -> tuple[str | None, str]:
    """Decode document bytes; returns (text or None, note). None means binary or undecodable."""
    if not data:
        return None, "empty file"
    if b"\x00" in data[:8192]:
        return None, "binary file (NUL bytes)"
    try:
        return data.decode("utf-8-sig"), ""
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace")
    # Text in a legacy 8-bit encoding is mostly printable; a binary blob is not.
    sample = text[:20000]
    printable = sum(1 for c in sample if c.isprintable() or c in "\n\r\t")
    if printable / max(1, len(sample)) < 0.95 or "\ufffd" in sample:
        text = data.decode("latin-1")
        sample = text[:20000]
        printable = sum(1 for c in sample if c.isprintable() or c in "\n\r\t")
        if printable / max(1, len(sample)) < 0.95:
            return None, "binary or undecodable file"
    return text, "decoded as Windows-1252, not UTF-8"


def normalise_date(value: object) -> str | None:
    """An ISO date prefix (YYYY, YYYY-MM or YYYY-MM-DD) from metadata, or None."""
    if not value:
        return None
    m = _DATE_RE.match(str(value).strip())
    return m.group(0) if m else None


def _check_text(name: str, text: str) -> str | None:
    """The reason a decoded text cannot be a document, or None."""
    if not text.strip():
        return "empty document (no text)"
    if len(text) > MAX_DOC_CHARS:
        return f"document too large ({len(text):,} characters > {MAX_DOC_CHARS:,})"
    return None


def read_file(path: Path, published: str | None = None) -> Iterator[Document | Rejected]:
    """Documents (or rejections) read from one file."""
    name = path.name
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        yield Rejected(name, f"unsupported file type '{suffix or '(none)'}'")
        return
    try:
        size = path.stat().st_size
    except OSError as exc:
        yield Rejected(name, f"unreadable: {exc.strerror or exc}")
        return
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path, published)
        return
    if size > MAX_FILE_BYTES:
        yield Rejected(name, f"file too large ({size / 1e6:.1f} MB > {MAX_FILE_BYTES / 1e6:.0f} MB)")
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Rejected(name, f"unreadable: {exc.strerror or exc}")
        return
    text, note = decode_bytes(data)
    if text is None:
        yield Rejected(name, note)
        return
    source = str(path) + (f" ({note})" if note else "")
    if suffix in HTML_SUFFIXES:
        doc = html_to_document(name, text, source=source)
        if doc is None:
            yield Rejected(name, "no readable text in HTML")
            return
        if published:
            doc.published = published
    else:
        doc = Document(name=name, text=text, published=published, source=source)
    reason = _check_text(name, doc.text)
    yield Rejected(name, reason) if reason else doc


def read_jsonl(path: Path, published: str | None = None) -> Iterator[Document | Rejected]:
    """One document per line: `id`, `text`, optional `published`, `title`, `url`, `lang`."""
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield Rejected(path.name, f"unreadable: {exc.strerror or exc}")
        return
    with fh:
        for lineno, raw in enumerate(fh, 1):
            where = f"{path.name}:{lineno}"
            if not raw.strip():
                continue
            try:
                rec = json.loads(raw.decode("utf-8-sig"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                yield Rejected(where, f"bad JSON line: {exc}")
                continue
            if not isinstance(rec, dict):
                yield Rejected(where, "JSON line is not an object")
                continue
            rid, text = rec.get("id"), rec.get("text")
            if rid is None or str(rid).strip() == "":
                yield Rejected(where, "record without 'id'")
                continue
            if not isinstance(text, str):
                yield Rejected(str(rid), "record without a 'text' string")
                continue
            reason = _check_text(str(rid), text)
            if reason:
                yield Rejected(str(rid), reason)
                continue
            lang = rec.get("lang")
            yield Document(
                name=str(rid), text=text, published=normalise_date(rec.get("published")) or published,
                source=f"{path}#{lineno}", title=rec.get("title"), url=rec.get("url"),
                lang=lang if isinstance(lang, str) and lang else "",
            )


def read_paths(paths: Iterable[str | os.PathLike], published: str | None = None) -> Iterator[Document | Rejected]:
    """Every document (or rejection) under the given files and folders."""
    for path in iter_paths(paths):
        if not path.exists():
            yield Rejected(path.name, "no such file or folder")
            continue
        yield from read_file(path, published)
