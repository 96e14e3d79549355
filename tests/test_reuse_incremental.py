"""Reuse in the SQLite store: documents indexed one transaction at a time find their copies among the stored
ones; re-indexing is idempotent; removal forgets; `veille reuse --doc` shows both sides with differences."""

from __future__ import annotations

import sqlite3

from test_reuse_align import EN_COPY, EN_SOURCE, FR_REWRITE, FR_SOURCE

from veille.cli import main
from veille.reuse import incremental


def _store(path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TABLE documents (name TEXT PRIMARY KEY, text TEXT, published TEXT, published_inferred TEXT)")
    conn.execute("BEGIN")
    incremental.ensure_schema(conn)
    conn.execute("COMMIT")
    return conn


def _ingest(conn: sqlite3.Connection, name: str, text: str, published: str | None = None):
    conn.execute("BEGIN")
    conn.execute("INSERT OR REPLACE INTO documents VALUES (?,?,?,NULL)", (name, text, published))
    found = incremental.index_document(conn, name, text, published)
    conn.execute("COMMIT")
    return found


def test_each_new_document_is_checked_against_the_store(tmp_path):
    conn = _store(tmp_path / "kb.sqlite")
    assert _ingest(conn, "page.txt", EN_SOURCE, "2024-01-10") == []
    assert _ingest(conn, "conseil.txt", FR_SOURCE) == []
    found = _ingest(conn, "news.txt", EN_COPY, "2024-03-02")
    assert len(found) == 1
    p = found[0]
    assert (p.a_doc, p.b_doc, p.source) == ("page.txt", "news.txt", "a")
    assert EN_COPY[p.b_start:p.b_end].startswith("Georgia joined")
    found = _ingest(conn, "note.txt", FR_REWRITE)
    assert [(p.a_doc, p.b_doc) for p in found] == [("conseil.txt", "note.txt")]
    assert len(incremental.all_passages(conn)) == 2
    assert incremental.passages_for(conn, "page.txt") == [found_p for found_p in incremental.all_passages(conn)
                                                          if "page.txt" in (found_p.a_doc, found_p.b_doc)]


def test_reindexing_is_idempotent_and_removal_forgets(tmp_path):
    conn = _store(tmp_path / "kb.sqlite")
    _ingest(conn, "page.txt", EN_SOURCE)
    _ingest(conn, "news.txt", EN_COPY)
    shingles = conn.execute("SELECT count(*) FROM reuse_shingle").fetchone()[0]
    again = _ingest(conn, "news.txt", EN_COPY)
    assert len(again) == 1
    assert len(incremental.all_passages(conn)) == 1
    assert conn.execute("SELECT count(*) FROM reuse_shingle").fetchone()[0] == shingles
    conn.execute("BEGIN")
    incremental.remove_document(conn, "page.txt")
    conn.execute("COMMIT")
    assert incremental.passages_for(conn, "news.txt") == []
    assert conn.execute("SELECT count(*) FROM reuse_shingle WHERE doc = 'page.txt'").fetchone()[0] == 0


def test_index_document_leaves_the_transaction_to_the_caller(tmp_path):
    conn = _store(tmp_path / "kb.sqlite")
    _ingest(conn, "page.txt", EN_SOURCE)
    conn.execute("BEGIN")
    conn.execute("INSERT INTO documents VALUES ('news.txt', ?, NULL, NULL)", (EN_COPY,))
    assert incremental.index_document(conn, "news.txt", EN_COPY)
    assert conn.in_transaction
    conn.execute("ROLLBACK")
    assert incremental.all_passages(conn) == []
    assert conn.execute("SELECT count(*) FROM reuse_shingle WHERE doc = 'news.txt'").fetchone()[0] == 0


def test_cli_shows_a_documents_passages_with_differences(tmp_path, capsys):
    db = tmp_path / "kb.sqlite"
    conn = _store(db)
    _ingest(conn, "conseil.txt", FR_SOURCE, "2024-02-26")
    _ingest(conn, "note.txt", FR_REWRITE, "2024-02-27")
    conn.close()
    assert main(["--db", str(db), "reuse", "--doc", "note.txt"]) == 0
    out = capsys.readouterr().out
    assert "conseil.txt" in out and "likely original: conseil.txt" in out
    # the note's side comes first: words only it has are [-…-], words only the council's page has are {+…+}
    assert "[-en particulier-] {+notamment+}" in out
    assert "[-– dont les drones –-]" in out
    assert "[-a renforcé-] {+renforce+}" in out
    assert main(["--db", str(db), "reuse", "--doc", "absent.txt"]) == 1
