"""The SQLite knowledge base: opening it (WAL, versioned schema) and writing one analysed document atomically.

One document is one transaction: its row, mentions, aliases, time expressions, facts and copied passages are
written together or not at all, so an ingest killed at any point leaves every document either fully present or
absent, and a re-run completes the batch without duplicates.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from veille.model import Analysis

SCHEMA_VERSION = 1


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def connect(path: str | Path, readonly: bool = False) -> sqlite3.Connection:
    """Open (and create or migrate) the knowledge base at `path`."""
    path = Path(path)
    if readonly:
        if not path.exists():
            raise FileNotFoundError(f"no knowledge base at {path}: run `veille ingest` first")
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA busy_timeout=30000")
    if not readonly:
        _ensure_schema(conn)
    return conn


def _ensure_schema(conn: sqlite3.Connection) -> None:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise RuntimeError(f"knowledge base has schema version {version}, newer than this veille ({SCHEMA_VERSION})")
    if version == SCHEMA_VERSION:
        return
    sql = resources.files("veille.store").joinpath("schema.sql").read_text(encoding="utf-8")
    # one script, one transaction: a half-created schema is never left behind
    conn.executescript(f"BEGIN IMMEDIATE;\n{sql}\nCOMMIT;")
    from veille.reuse import incremental

    with transaction(conn):
        incremental.ensure_schema(conn)
        conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
        conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE … COMMIT, rolled back on any exception."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def find_by_name(conn: sqlite3.Connection, name: str) -> sqlite3.Row | None:
    return conn.execute("SELECT id, name, hash FROM documents WHERE name = ?", (name,)).fetchone()


def find_by_hash(conn: sqlite3.Connection, digest: str) -> sqlite3.Row | None:
    return conn.execute("SELECT id, name FROM documents WHERE hash = ?", (digest,)).fetchone()


def delete_document(conn: sqlite3.Connection, doc_id: int, name: str) -> None:
    """Remove a document and everything that only it supported (inside the caller's transaction)."""
    from veille.reuse import incremental

    incremental.remove_document(conn, name)
    conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
    conn.execute("DELETE FROM facts WHERE id NOT IN (SELECT fact_id FROM fact_sources)")
    conn.execute(
        "DELETE FROM entities WHERE origin = 'text' AND id NOT IN (SELECT entity FROM mentions)"
        " AND id NOT IN (SELECT subject FROM facts) AND id NOT IN (SELECT object FROM facts WHERE object IS NOT NULL)"
    )


def save_analysis(conn: sqlite3.Connection, analysis: Analysis, digest: str) -> int:
    """Write one analysed document with its mentions, aliases and time expressions (inside the caller's
    transaction); returns the document's row id."""
    doc = analysis.doc
    now = datetime.now(UTC).isoformat(timespec="seconds")
    cur = conn.execute(
        "INSERT INTO documents(name, text, hash, lang, published, published_inferred, source, title, url, chars,"
        " words, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        (doc.name, doc.text, digest, doc.lang, doc.published, doc.published_inferred, doc.source, doc.title,
         doc.url, len(doc.text), len(doc.text.split()), now),
    )
    doc_id = int(cur.lastrowid)
    conn.executemany(
        "INSERT INTO entities(id, name, type, name_fr, name_en, qid, origin) VALUES (?,?,?,?,?,?,?)"
        " ON CONFLICT(id) DO UPDATE SET name_fr = coalesce(entities.name_fr, excluded.name_fr),"
        " name_en = coalesce(entities.name_en, excluded.name_en)",
        [(ent.id, ent.name, ent.type, ent.name_fr, ent.name_en, ent.qid,
          "kb" if ent.qid or not ent.id.startswith("x:") else "text") for ent in analysis.entities.values()],
    )
    from veille.kb import normalize

    alias_rows: dict[tuple[str, str, str], list] = {}
    for m in analysis.mentions:
        key = (m.entity, normalize(m.text), m.origin)
        if key in alias_rows:
            alias_rows[key][4] += 1
        else:
            alias_rows[key] = [m.entity, m.text, key[1], m.origin, 1, m.label or None]
    conn.executemany(
        "INSERT INTO aliases(entity, alias, norm, origin, doc_id, count, detail) VALUES (?,?,?,?,?,?,?)",
        [(e, a, n, o, doc_id, c, d) for e, a, n, o, c, d in alias_rows.values()],
    )
    conn.executemany(
        "INSERT INTO mentions(doc_id, start, end, text, entity, origin, label) VALUES (?,?,?,?,?,?,?)",
        [(doc_id, m.start, m.end, m.text, m.entity, m.origin, m.label) for m in analysis.mentions],
    )
    conn.executemany(
        "INSERT OR IGNORE INTO timexes(doc_id, start, end, text, value, mod) VALUES (?,?,?,?,?,?)",
        [(doc_id, t.start, t.end, t.text, json.dumps(t.value, ensure_ascii=False), t.mod) for t in analysis.timexes],
    )
    return doc_id


def record_rejected(conn: sqlite3.Connection, name: str, reason: str) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO rejected(name, reason, at) VALUES (?,?,?)",
        (name, reason, datetime.now(UTC).isoformat(timespec="seconds")),
    )


def clear_rejected(conn: sqlite3.Connection, name: str) -> None:
    conn.execute("DELETE FROM rejected WHERE name = ?", (name,))
