"""Facts in the store: merging the same fact stated by several documents, conflicts, independent sources.

A statement extracted from a document joins an existing fact when subject, relation, object and commodity agree
and its dates agree with the fact's (equal, or one a refinement of the other: « 2025 » and « 2025-11 »). When they
disagree the statement becomes a fact of its own and the pair is recorded as a conflict, so `veille conflicts`
lists both. A source copied from another document (it lies inside a passage aligned with that document) is not
an independent confirmation: `independent_sources` collapses sources linked by copied passages.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from veille.facts.merge import finer, place_statement, source_detail, source_groups
from veille.model import Fact


@dataclass
class _Candidate:
    id: int
    start: str | None
    end: str | None
    what: str | None
    quantity: str | None
    docs: set[int]


def save_facts(conn: sqlite3.Connection, doc_id: int, facts: list[Fact]) -> list[int]:
    """Merge one document's statements into the facts table (inside the caller's transaction), with the rule of
    `veille.facts.merge` that the Spark job shares."""
    ids = []
    for f in facts:
        rows = conn.execute(
            "SELECT f.id, f.start, f.end, f.what, f.quantity, group_concat(DISTINCT s.doc_id) AS docs FROM facts f"
            " LEFT JOIN fact_sources s ON s.fact_id = f.id WHERE f.subject = ? AND f.relation = ? AND f.object IS ?"
            " GROUP BY f.id ORDER BY f.id",
            (f.subject, f.relation, f.object),
        ).fetchall()
        candidates = [_Candidate(r["id"], r["start"], r["end"], r["what"], r["quantity"],
                                 {int(d) for d in (r["docs"] or "").split(",") if d}) for r in rows]
        target, conflicting = place_statement(candidates, f, doc_id)
        if target is None:
            cur = conn.execute(
                "INSERT INTO facts(subject, relation, object, start, end, what, quantity, plover, confidence)"
                " VALUES (?,?,?,?,?,?,?,?,?)",
                (f.subject, f.relation, f.object, f.start, f.end, f.what, f.quantity, f.plover, f.confidence),
            )
            fact_id = int(cur.lastrowid)
            for i, field_name in conflicting:
                a, b = sorted((fact_id, candidates[i].id))
                conn.execute("INSERT OR IGNORE INTO conflicts(fact_a, fact_b, field) VALUES (?,?,?)",
                             (a, b, field_name))
        else:
            c = candidates[target]
            fact_id = c.id
            conn.execute(
                "UPDATE facts SET start = ?, end = ?, what = coalesce(what, ?), quantity = coalesce(quantity, ?),"
                " confidence = max(confidence, ?) WHERE id = ?",
                (finer(c.start, f.start), finer(c.end, f.end), f.what, f.quantity, f.confidence, fact_id),
            )
        conn.execute(
            "INSERT INTO fact_sources(fact_id, doc_id, start, end, quote, start_value, end_value, what, quantity,"
            " trigger, confidence, detail) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (fact_id, doc_id, f.span_start, f.span_end, f.quote, f.start, f.end, f.what, f.quantity, f.trigger,
             f.confidence, json.dumps(source_detail(f), ensure_ascii=False)),
        )
        ids.append(fact_id)
    return ids


def mark_copied(conn: sqlite3.Connection, doc_id: int) -> None:
    """Set `copied_from` on this document's fact sources that lie inside a passage copied from an earlier
    document, and on other documents' sources copied from this one (inside the caller's transaction)."""
    name = conn.execute("SELECT name FROM documents WHERE id = ?", (doc_id,)).fetchone()[0]
    from veille.reuse import incremental

    for p in incremental.passages_for(conn, name):
        if p.source is None:
            continue
        # the copy's side and the original's side
        if p.source == "a":
            src_doc, copy_doc, cs, ce = p.a_doc, p.b_doc, p.b_start, p.b_end
        else:
            src_doc, copy_doc, cs, ce = p.b_doc, p.a_doc, p.a_start, p.a_end
        conn.execute(
            "UPDATE fact_sources SET copied_from = (SELECT id FROM documents WHERE name = ?)"
            " WHERE doc_id = (SELECT id FROM documents WHERE name = ?) AND start >= ? AND end <= ?",
            (src_doc, copy_doc, cs, ce),
        )


def sources_of(conn: sqlite3.Connection, fact_id: int) -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT s.*, d.name AS doc, c.name AS copied_from_doc FROM fact_sources s JOIN documents d ON d.id = s.doc_id"
        " LEFT JOIN documents c ON c.id = s.copied_from WHERE s.fact_id = ? ORDER BY d.name, s.start",
        (fact_id,),
    ).fetchall()


def independent_groups(conn: sqlite3.Connection, fact_id: int) -> list[list[sqlite3.Row]]:
    """The fact's sources grouped by `veille.facts.merge.source_groups`: one group per independent confirmation."""
    from veille.reuse import incremental

    rows = sources_of(conn, fact_id)
    passages = [(p.a_doc, p.a_start, p.a_end, p.b_doc, p.b_start, p.b_end)
                for doc in {r["doc"] for r in rows} for p in incremental.passages_for(conn, doc)]
    groups: dict[int, list[sqlite3.Row]] = {}
    for g, r in zip(source_groups([(r["doc"], r["start"], r["end"]) for r in rows], passages), rows, strict=True):
        groups.setdefault(g, []).append(r)
    return list(groups.values())


def conflicts(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT c.field, a.id AS a_id, b.id AS b_id FROM conflicts c JOIN facts a ON a.id = c.fact_a"
        " JOIN facts b ON b.id = c.fact_b ORDER BY a.subject, a.relation"
    ).fetchall()
