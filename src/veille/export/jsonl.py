"""JSON-lines export in the evaluation format (documents, entities, facts, reuse — see FORMAT.md)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path


def _write(path: Path, rows) -> int:
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
    return n


def documents(conn: sqlite3.Connection):
    for r in conn.execute("SELECT name, lang, published, published_inferred, chars, title, source FROM documents"
                          " ORDER BY name"):
        yield {"doc": r["name"], "lang": r["lang"], "published": r["published"],
               "published_inferred": r["published_inferred"], "chars": r["chars"], "title": r["title"]}


def entities(conn: sqlite3.Connection):
    by_entity: dict[str, list[dict]] = {}
    for r in conn.execute("SELECT m.entity, d.name AS doc, m.start, m.end, m.text, m.origin FROM mentions m"
                          " JOIN documents d ON d.id = m.doc_id ORDER BY d.name, m.start"):
        by_entity.setdefault(r["entity"], []).append(
            {"doc": r["doc"], "start": r["start"], "end": r["end"], "text": r["text"], "origin": r["origin"]})
    for e in conn.execute("SELECT id, name, type, name_fr, name_en, qid FROM entities ORDER BY id"):
        mentions = by_entity.get(e["id"])
        if not mentions:
            continue
        yield {"id": e["id"], "name": e["name"], "type": e["type"], "name_fr": e["name_fr"],
               "name_en": e["name_en"], "qid": e["qid"], "mentions": mentions}


def facts(conn: sqlite3.Connection):
    """Every fact with its sources and independent-source count, read in one batched query (`store.graph`)."""
    from veille.store.graph import list_facts

    for f in sorted(list_facts(conn), key=lambda f: f["id"]):
        sources = [{"doc": s["doc"], "start": s["start"], "end": s["end"], "quote": s["quote"],
                    "copied_from": s["copied_from"]} for s in f["sources"]]
        row = {"id": f"f{f['id']}", "subject": f["subject"]["id"], "relation": f["relation"],
               "object": f["object"]["id"] if f["object"] else None, "start": f["start"], "end": f["end"],
               "sources": sources, "confidence": f["confidence"], "plover": f["plover"],
               "independent_sources": f["n_independent"]}
        if f["what"]:
            row["what"] = f["what"]
        if f["quantity"]:
            row["quantity"] = f["quantity"]
        yield row


def reuse(conn: sqlite3.Connection):
    from veille.reuse import incremental

    for p in incremental.all_passages(conn):
        yield p.to_json()


def export_jsonl(conn: sqlite3.Connection, out: str | Path) -> dict[str, int]:
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    return {
        "documents.jsonl": _write(out / "documents.jsonl", documents(conn)),
        "entities.jsonl": _write(out / "entities.jsonl", entities(conn)),
        "facts.jsonl": _write(out / "facts.jsonl", facts(conn)),
        "reuse.jsonl": _write(out / "reuse.jsonl", reuse(conn)),
    }
