"""Reuse detection inside the SQLite store, one new document at a time (no full recompute).

Tables (prefixed `reuse_`): `reuse_shingle` holds every document's word 5-gram hashes (stable 64-bit values stored
as signed integers) and `reuse_passage` the passages found. Indexing a document looks its shingles up among the
stored ones, keeps those shared by few documents, aligns the new document with the documents that share enough
of them (texts from the `documents` table), then stores its passages and shingles. No function here begins or
commits a transaction: the caller wraps one document in one.
"""

from __future__ import annotations

import sqlite3
from collections import Counter

import numpy as np

from veille.reuse.engine import MAX_DF, MIN_SEEDS, spans_to_passages
from veille.reuse.passage import Passage
from veille.reuse.tokens import SHINGLE, shingles, tokenize

_LOOKUP_CHUNK = 500


def ensure_schema(conn: sqlite3.Connection) -> None:
    """Create the reuse tables and indexes if missing (plain statements, safe inside a transaction)."""
    conn.execute("CREATE TABLE IF NOT EXISTS reuse_shingle (hash INTEGER NOT NULL, doc TEXT NOT NULL,"
                 " pos INTEGER NOT NULL)")
    conn.execute("CREATE INDEX IF NOT EXISTS reuse_shingle_hash ON reuse_shingle(hash)")
    conn.execute("CREATE INDEX IF NOT EXISTS reuse_shingle_doc ON reuse_shingle(doc)")
    conn.execute("CREATE TABLE IF NOT EXISTS reuse_passage (a_doc TEXT NOT NULL, a_start INTEGER NOT NULL,"
                 " a_end INTEGER NOT NULL, b_doc TEXT NOT NULL, b_start INTEGER NOT NULL, b_end INTEGER NOT NULL,"
                 " score REAL, source TEXT, UNIQUE (a_doc, a_start, a_end, b_doc, b_start, b_end))")
    conn.execute("CREATE INDEX IF NOT EXISTS reuse_passage_b ON reuse_passage(b_doc)")
    # documents per shingle: boilerplate shared by many documents is skipped without reading its postings
    conn.execute("CREATE TABLE IF NOT EXISTS reuse_df (hash INTEGER PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID")


def remove_document(conn: sqlite3.Connection, name: str) -> None:
    """Forget a document's shingles and every passage it takes part in."""
    conn.execute("UPDATE reuse_df SET n = n - 1 WHERE hash IN (SELECT DISTINCT hash FROM reuse_shingle WHERE doc = ?)",
                 (name,))
    conn.execute("DELETE FROM reuse_df WHERE n <= 0")
    conn.execute("DELETE FROM reuse_shingle WHERE doc = ?", (name,))
    conn.execute("DELETE FROM reuse_passage WHERE a_doc = ? OR b_doc = ?", (name, name))


def _doc_row(conn: sqlite3.Connection, name: str) -> tuple[str, str | None] | None:
    row = conn.execute("SELECT text, published, published_inferred FROM documents WHERE name = ?",
                       (name,)).fetchone()
    if row is None:
        return None
    return row[0] or "", row[1] or row[2]


def index_document(conn: sqlite3.Connection, name: str, text: str, published: str | None = None) -> list[Passage]:
    """Find the passages `name` shares with the documents already indexed, store them and the document's
    shingles, and return them (the stored document is `a`, the new one `b`). Re-indexing a name replaces it."""
    remove_document(conn, name)
    toks = tokenize([text])
    sh, first = shingles(toks, SHINGLE)
    signed = sh.view(np.int64).tolist()
    unique = sorted(set(signed))
    # with the new document, at most MAX_DF documents may share a shingle for it to seed an alignment
    rare: list[int] = []
    for i in range(0, len(unique), _LOOKUP_CHUNK):
        chunk = unique[i:i + _LOOKUP_CHUNK]
        marks = ",".join("?" * len(chunk))
        rare += [h for h, n in conn.execute(f"SELECT hash, n FROM reuse_df WHERE hash IN ({marks})", chunk)
                 if n < MAX_DF]
    docs_of: dict[int, set[str]] = {}
    for i in range(0, len(rare), _LOOKUP_CHUNK):
        chunk = rare[i:i + _LOOKUP_CHUNK]
        marks = ",".join("?" * len(chunk))
        for h, doc in conn.execute(f"SELECT DISTINCT hash, doc FROM reuse_shingle WHERE hash IN ({marks})", chunk):
            docs_of.setdefault(h, set()).add(doc)
    seeds: Counter[str] = Counter()
    for docs in docs_of.values():
        seeds.update(docs)
    found: list[Passage] = []
    for other, n in sorted(seeds.items()):
        if n < MIN_SEEDS:
            continue
        row = _doc_row(conn, other)
        if row is None:
            continue
        o_text, o_pub = row
        found += spans_to_passages(other, o_text, tokenize([o_text]).of(0), name, text, toks.of(0), o_pub, published)
    conn.executemany(
        "INSERT OR REPLACE INTO reuse_passage(a_doc, a_start, a_end, b_doc, b_start, b_end, score, source)"
        " VALUES (?,?,?,?,?,?,?,?)",
        [(p.a_doc, p.a_start, p.a_end, p.b_doc, p.b_start, p.b_end, p.score, p.source) for p in found])
    _store_shingles(conn, name, signed, first.tolist())
    return found


def _store_shingles(conn: sqlite3.Connection, name: str, signed: list[int], first: list[int]) -> None:
    conn.executemany("INSERT INTO reuse_shingle(hash, doc, pos) VALUES (?,?,?)",
                     zip(signed, [name] * len(signed), first, strict=True))
    conn.executemany("INSERT INTO reuse_df(hash, n) VALUES (?, 1) ON CONFLICT(hash) DO UPDATE SET n = n + 1",
                     [(h,) for h in sorted(set(signed))])


def add_shingles(conn: sqlite3.Connection, name: str, text: str) -> None:
    """Index a document's shingles without looking for passages (its passages are known, e.g. from Spark)."""
    sh, first = shingles(tokenize([text]), SHINGLE)
    _store_shingles(conn, name, sh.view(np.int64).tolist(), first.tolist())


def _rows(cur: sqlite3.Cursor) -> list[Passage]:
    return [Passage(r[0], r[1], r[2], r[3], r[4], r[5], r[6] if r[6] is not None else 0.0, r[7]) for r in cur]


_COLS = "a_doc, a_start, a_end, b_doc, b_start, b_end, score, source"


def passages_for(conn: sqlite3.Connection, name: str) -> list[Passage]:
    """Passages that document `name` shares with others (it may be side a or b)."""
    return _rows(conn.execute(f"SELECT {_COLS} FROM reuse_passage WHERE a_doc = ? OR b_doc = ?"
                              " ORDER BY a_doc, a_start, b_doc, b_start", (name, name)))


def all_passages(conn: sqlite3.Connection) -> list[Passage]:
    """Every stored passage, in a stable order."""
    return _rows(conn.execute(f"SELECT {_COLS} FROM reuse_passage ORDER BY a_doc, a_start, b_doc, b_start"))
