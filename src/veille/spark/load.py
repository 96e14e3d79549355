"""`veille load DIR`: bring the Parquet output of `veille spark ingest` into a SQLite knowledge base.

Documents go through the store's own `save_analysis` (rows, mentions, aliases, time expressions, entities), in
the Spark job's ingest order; merged facts, their sources (with `copied_from`), conflicts and copied passages are
inserted as Spark computed them, with the same ids; each document's shingles are indexed as `veille ingest` does,
so later `veille ingest` runs find copies of the loaded documents. Everything is one transaction. Needs pyarrow
(not Spark).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from veille.reuse import incremental
from veille.spark.rows import row_to_analysis
from veille.store import db


def _table(out: Path, name: str, sort: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    import pyarrow.parquet as pq

    path = out / name
    if not path.exists():
        raise FileNotFoundError(f"{path} missing: is {out} the --out folder of `veille spark ingest`?")
    rows = pq.read_table(path).to_pylist()
    if sort:
        rows.sort(key=lambda r: tuple(r[k] for k in sort))
    return rows


def load(out: str | Path, db_path: str | Path) -> dict[str, int]:
    """Load the tables under `out` into the (empty) store at `db_path`; returns row counts."""
    out = Path(out)
    conn = db.connect(db_path)
    try:
        if conn.execute("SELECT count(*) FROM documents").fetchone()[0]:
            raise ValueError(f"{db_path} already holds documents: load into a new knowledge base")
        docs = _table(out, "documents", ("seq",))
        ids: dict[str, int] = {}
        with db.transaction(conn):
            for row in docs:
                ids[row["name"]] = db.save_analysis(conn, row_to_analysis(row), row["hash"])
                incremental.add_shingles(conn, row["name"], row["text"])
            facts = _table(out, "facts", ("id",))
            conn.executemany(
                "INSERT INTO facts(id, subject, relation, object, start, end, what, quantity, plover, confidence)"
                " VALUES (?,?,?,?,?,?,?,?,?,?)",
                [(f["id"], f["subject"], f["relation"], f["object"], f["start"], f["end"], f["what"],
                  f["quantity"], f["plover"], f["confidence"]) for f in facts])
            sources = _table(out, "fact_sources", ("seq", "idx"))
            conn.executemany(
                "INSERT INTO fact_sources(fact_id, doc_id, start, end, quote, start_value, end_value, what, quantity,"
                " trigger, confidence, detail, copied_from) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [(s["fact_id"], ids[s["doc"]], s["start"], s["end"], s["quote"], s["start_value"], s["end_value"],
                  s["what"], s["quantity"], s["trigger"], s["confidence"], s["detail"],
                  ids.get(s["copied_from"]) if s["copied_from"] else None) for s in sources])
            conflicts = _table(out, "conflicts")
            conn.executemany("INSERT OR IGNORE INTO conflicts(fact_a, fact_b, field) VALUES (?,?,?)",
                             [(c["fact_a"], c["fact_b"], c["field"]) for c in conflicts])
            reuse = _table(out, "reuse", ("a_doc", "a_start", "b_doc", "b_start"))
            conn.executemany(
                "INSERT OR REPLACE INTO reuse_passage(a_doc, a_start, a_end, b_doc, b_start, b_end, score, source)"
                " VALUES (?,?,?,?,?,?,?,?)",
                [(p["a_doc"], p["a_start"], p["a_end"], p["b_doc"], p["b_start"], p["b_end"], p["score"],
                  p["source"]) for p in reuse])
            errors = [e for e in _table(out, "errors", ("name",)) if e["stage"] != "duplicate"]
            for e in errors:
                db.record_rejected(conn, e["name"], e["reason"])
            conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('loaded_from', ?)",
                         (json.dumps(str(out.resolve())),))
    finally:
        conn.close()
    return {"documents": len(docs), "facts": len(facts), "fact_sources": len(sources), "conflicts": len(conflicts),
            "passages": len(reuse), "errors": len(errors)}
