"""Read queries shared by the CLI and the web app: actors, their aliases and mentions, documents."""

from __future__ import annotations

import sqlite3

from veille.kb import fold, normalize

ORIGIN_EXPLAINED = {
    "name": "name in the curated knowledge base (gazetteer)",
    "acronym": "acronym in the curated knowledge base",
    "acronym_in_text": "acronym defined in the text next to the full name",
    "demonym": "demonym or adjective of the country",
    "capital": "capital or seat of power standing for its state",
    "periphrasis": "periphrasis standing for the actor (knowledge base)",
    "role": "office held at the document's date (knowledge base)",
    "fuzzy": "one-letter variant of a known name",
    "same_name": "same name as an earlier mention",
    "new": "name first seen in a text (id from its normalised name, merges across documents by name)",
    "coref": "pronoun or « le pays » standing for the document's main actor",
}


def find_entity(conn: sqlite3.Connection, query: str) -> sqlite3.Row | None:
    """An entity by id, by canonical/French/English name, or by any alias seen in a document."""
    row = conn.execute("SELECT * FROM entities WHERE id = ?", (query,)).fetchone()
    if row:
        return row
    q = query.strip()
    for col in ("name", "name_en", "name_fr"):
        row = conn.execute(f"SELECT * FROM entities WHERE {col} = ? COLLATE NOCASE", (q,)).fetchone()
        if row:
            return row
    norm = normalize(q)
    row = conn.execute(
        "SELECT e.* FROM aliases a JOIN entities e ON e.id = a.entity WHERE a.norm = ?"
        " GROUP BY e.id ORDER BY sum(a.count) DESC LIMIT 1", (norm,)).fetchone()
    if row:
        return row
    folded = fold(q)
    for r in conn.execute("SELECT * FROM entities"):
        if any(fold(v or "") == folded for v in (r["name"], r["name_en"], r["name_fr"])):
            return r
    try:
        from veille.kb import load_kb

        for actor, _ in load_kb().lookup(q):
            row = conn.execute("SELECT * FROM entities WHERE id = ?", (actor.id,)).fetchone()
            if row:
                return row
    except Exception:  # noqa: BLE001 - the KB is a convenience here
        pass
    return None


def list_entities(conn: sqlite3.Connection, doc: str | None = None, etype: str | None = None
                  ) -> list[sqlite3.Row]:
    sql = ("SELECT e.id, e.name, e.type, e.name_fr, e.name_en, count(m.id) AS mentions,"
           " count(DISTINCT m.doc_id) AS docs FROM entities e JOIN mentions m ON m.entity = e.id"
           " JOIN documents d ON d.id = m.doc_id WHERE 1=1")
    params: list = []
    if doc:
        sql += " AND d.name = ?"
        params.append(doc)
    if etype:
        sql += " AND e.type = ?"
        params.append(etype)
    sql += " GROUP BY e.id ORDER BY mentions DESC, e.name"
    return conn.execute(sql, params).fetchall()


def aliases_of(conn: sqlite3.Connection, entity: str) -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT a.alias, a.origin, sum(a.count) AS count, group_concat(DISTINCT d.name) AS docs FROM aliases a"
        " JOIN documents d ON d.id = a.doc_id WHERE a.entity = ? GROUP BY a.norm, a.origin ORDER BY count DESC",
        (entity,)).fetchall()


def mentions_of(conn: sqlite3.Connection, entity: str, context: int = 60) -> list[dict]:
    out = []
    for r in conn.execute(
            "SELECT d.name AS doc, d.text, m.start, m.end, m.text AS mention, m.origin FROM mentions m"
            " JOIN documents d ON d.id = m.doc_id WHERE m.entity = ? ORDER BY d.name, m.start", (entity,)):
        text = r["text"]
        left = text[max(0, r["start"] - context):r["start"]].replace("\n", " ")
        right = text[r["end"]:r["end"] + context].replace("\n", " ")
        out.append({"doc": r["doc"], "start": r["start"], "end": r["end"], "text": r["mention"],
                    "origin": r["origin"], "left": left, "right": right})
    return out
