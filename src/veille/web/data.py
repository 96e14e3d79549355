"""Read-only queries behind the web app's pages and JSON API: search, actor, timeline, graph, document, copy.

Every function takes an open SQLite connection and returns plain JSON-friendly dicts and lists, so the same
result feeds a Jinja template and `/api/...`. Untrusted text is returned as data, never as markup: templates
and scripts escape it.
"""

from __future__ import annotations

import difflib
import json
import re
import sqlite3
from typing import Any

from veille.kb import fold
from veille.reuse.incremental import passages_for
from veille.reuse.render import _key as diff_key  # the same word comparison as the CLI's diffs
from veille.store.queries import ORIGIN_EXPLAINED, aliases_of

# relations that are one-off events; the others are states that hold from their start on
EVENT_RELATIONS = frozenset({"meets", "attacks", "proposes", "agreement_with", "threatens"})
_FTS_SYNTAX = re.compile(r'["*():^]|\b(AND|OR|NOT|NEAR)\b')
_HIT_OPEN, _HIT_CLOSE = "\x02", "\x03"
_ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class BadQuery(ValueError):
    """A search query SQLite's full-text engine cannot parse (the user sees the message)."""


def prepare(conn: sqlite3.Connection) -> sqlite3.Connection:
    """Register the SQL functions the queries use (accent folding)."""
    conn.create_function("fold", 1, lambda s: fold(s) if s else "", deterministic=True)
    return conn


# --- search -----------------------------------------------------------------------------------------------------

def fts_query(q: str) -> str:
    """The FTS5 expression for a user query: plain words become quoted terms (so « Nagorno-Karabakh » or
    « l'OTAN » just work); a query using FTS5 syntax (quotes, AND/OR/NOT, NEAR, *, parentheses) is kept as is."""
    q = q.strip()
    if _FTS_SYNTAX.search(q):
        return q
    return " ".join('"' + w.replace('"', "") + '"' for w in q.split())


def _segments(marked: str) -> list[dict[str, Any]]:
    """Split a snippet carrying hit markers into [{"text", "hit"}] pieces."""
    out = []
    for i, part in enumerate(re.split(f"[{_HIT_OPEN}{_HIT_CLOSE}]", marked)):
        if part:
            out.append({"text": part, "hit": i % 2 == 1})
    return out


def search_documents(conn: sqlite3.Connection, q: str = "", actor: str | None = None, actor_type: str | None = None,
                     relation: str | None = None, date_from: str | None = None, date_to: str | None = None,
                     lang: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
    """Documents matching the full-text query and the filters, best first, each with a highlighted snippet.

    Dates filter on the document's date (published, else inferred from its text); `actor` keeps documents that
    mention that entity id; `actor_type` documents mentioning an actor of that type; `relation` documents that
    state a fact of that relation."""
    where, params = [], []
    if actor:
        where.append("d.id IN (SELECT doc_id FROM mentions WHERE entity = ?)")
        params.append(actor)
    if actor_type:
        where.append("d.id IN (SELECT m.doc_id FROM mentions m JOIN entities e ON e.id = m.entity WHERE e.type = ?)")
        params.append(actor_type)
    if relation:
        where.append("d.id IN (SELECT s.doc_id FROM fact_sources s JOIN facts f ON f.id = s.fact_id"
                     " WHERE f.relation = ?)")
        params.append(relation)
    if lang:
        where.append("d.lang = ?")
        params.append(lang)
    for value, op in ((date_from, ">="), (date_to, "<=")):
        if value:
            if not _ISO.match(value):
                raise BadQuery(f"dates are YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
            # compare at the coarser of the two precisions so « 2025 » matches a document dated 2025-11-12
            where.append(f"substr(coalesce(d.published, d.published_inferred), 1, {len(value)}) {op} ?")
            params.append(value)
    cond = (" AND " + " AND ".join(where)) if where else ""
    cols = ("d.id, d.name, d.title, d.lang, coalesce(d.published, d.published_inferred) AS date, d.chars")
    if q.strip():
        sql = (f"SELECT {cols}, snippet(documents_fts, 2, '{_HIT_OPEN}', '{_HIT_CLOSE}', '…', 24) AS snip"
               f" FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid"
               f" WHERE documents_fts MATCH ?{cond} ORDER BY bm25(documents_fts) LIMIT ?")
        args = [fts_query(q), *params, limit]
    else:
        sql = f"SELECT {cols}, substr(d.text, 1, 160) AS snip FROM documents d WHERE 1=1{cond} ORDER BY d.name LIMIT ?"
        args = [*params, limit]
    try:
        rows = conn.execute(sql, args).fetchall()
    except sqlite3.OperationalError as exc:
        msg = str(exc)
        if "fts5" in msg or "syntax" in msg or "no such column" in msg or "unterminated" in msg:
            raise BadQuery(f"cannot read the search query {q!r}: {msg.removeprefix('fts5: ')}. Use plain words,"
                           ' "a phrase", AND, OR, NOT, prefix*') from exc
        raise
    return [{"name": r["name"], "title": r["title"], "lang": r["lang"], "date": r["date"], "chars": r["chars"],
             "snippet": _segments(r["snip"] or "")} for r in rows]


def search_actors(conn: sqlite3.Connection, q: str = "", actor_type: str | None = None,
                  limit: int = 50) -> list[dict[str, Any]]:
    """Actors whose canonical, French or English name or any alias contains the query (accents and case folded),
    exact matches first, then by number of mentions."""
    folded = fold(q.strip()) if q.strip() else ""
    like = "%" + folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    params: list[Any] = []
    sql = ("SELECT e.id, e.name, e.type, e.name_fr, e.name_en, (SELECT count(*) FROM mentions m WHERE m.entity = e.id)"
           " AS mentions FROM entities e WHERE 1=1")
    if folded:
        sql += (" AND (fold(e.name) LIKE ? ESCAPE '\\' OR fold(e.name_fr) LIKE ? ESCAPE '\\'"
                " OR fold(e.name_en) LIKE ? ESCAPE '\\' OR e.id IN (SELECT entity FROM aliases WHERE fold(alias)"
                " LIKE ? ESCAPE '\\'))")
        params += [like] * 4
    if actor_type:
        sql += " AND e.type = ?"
        params.append(actor_type)
    rows = conn.execute(sql, params).fetchall()

    def rank(r: sqlite3.Row) -> tuple:
        exact = folded and any(fold(v or "") == folded for v in (r["name"], r["name_fr"], r["name_en"]))
        return (not exact, -r["mentions"], r["name"])

    return [{"id": r["id"], "name": r["name"], "type": r["type"], "name_fr": r["name_fr"], "name_en": r["name_en"],
             "mentions": r["mentions"]} for r in sorted(rows, key=rank)[:limit]]


def facets(conn: sqlite3.Connection) -> dict[str, list[str]]:
    """The values the search filters offer."""
    return {
        "types": [r[0] for r in conn.execute("SELECT DISTINCT type FROM entities ORDER BY type")],
        "relations": [r[0] for r in conn.execute("SELECT DISTINCT relation FROM facts ORDER BY relation")],
        "langs": [r[0] for r in conn.execute("SELECT DISTINCT lang FROM documents WHERE lang IS NOT NULL ORDER BY lang")],
    }


# --- actor ------------------------------------------------------------------------------------------------------

def entity(conn: sqlite3.Connection, entity_id: str) -> dict[str, Any] | None:
    row = conn.execute("SELECT * FROM entities WHERE id = ?", (entity_id,)).fetchone()
    return dict(row) if row else None


def actor(conn: sqlite3.Connection, entity_id: str) -> dict[str, Any] | None:
    """An actor's names, aliases (with why each was merged) and the documents mentioning it."""
    ent = entity(conn, entity_id)
    if ent is None:
        return None
    ent["aliases"] = [{"alias": a["alias"], "origin": a["origin"], "why": ORIGIN_EXPLAINED.get(a["origin"], a["origin"]),
                       "count": a["count"], "docs": sorted(set((a["docs"] or "").split(",")))}
                      for a in aliases_of(conn, entity_id)]
    ent["documents"] = [dict(r) for r in conn.execute(
        "SELECT d.name, d.title, count(*) AS mentions FROM mentions m JOIN documents d ON d.id = m.doc_id"
        " WHERE m.entity = ? GROUP BY d.id ORDER BY mentions DESC, d.name", (entity_id,))]
    ent["n_facts"] = conn.execute("SELECT (SELECT count(*) FROM facts WHERE subject = ?)"
                                  " + (SELECT count(*) FROM facts WHERE object = ?)", (entity_id, entity_id)).fetchone()[0]
    return ent


def _names(conn: sqlite3.Connection, ids: set[str]) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    ids_l = [i for i in ids if i]
    for i in range(0, len(ids_l), 500):
        chunk = ids_l[i:i + 500]
        for r in conn.execute(f"SELECT id, name, type FROM entities WHERE id IN ({','.join('?' * len(chunk))})", chunk):
            out[r["id"]] = {"id": r["id"], "name": r["name"], "type": r["type"]}
    return out


def _facts_rows(conn: sqlite3.Connection, entity_id: str, date_from: str | None, date_to: str | None,
                limit: int) -> list[dict[str, Any]]:
    cond, params = "", []
    if date_from:
        cond += " AND (coalesce(end, start) IS NULL OR substr(coalesce(end, '9999'), 1, ?) >= ?)"
        params += [len(date_from), date_from]
    if date_to:
        cond += " AND (coalesce(start, end) IS NULL OR substr(coalesce(start, '0000'), 1, ?) <= ?)"
        params += [len(date_to), date_to]
    cols = "id, subject, relation, object, start, end, what, quantity, confidence"
    # per side and per kind of dating, so that the (subject|object, start) indexes give rows already ordered
    # and each query stops at `limit` even for an actor with tens of thousands of facts
    found: list[sqlite3.Row] = []
    for side, extra, side_params in (("subject", "", [entity_id]), ("object", " AND subject != ?", [entity_id] * 2)):
        base = f"SELECT {cols} FROM facts WHERE {side} = ?{extra}{cond}"
        for tail in (" AND start IS NOT NULL ORDER BY start LIMIT ?",
                     " AND start IS NULL AND end IS NOT NULL ORDER BY end LIMIT ?",
                     " AND start IS NULL AND end IS NULL ORDER BY id LIMIT ?"):
            found += conn.execute(base + tail, [*side_params, *params, limit]).fetchall()
    rows = sorted(found, key=lambda r: (r["start"] is None and r["end"] is None, r["start"] or r["end"] or "",
                                        r["id"]))[:limit]
    # source counts only for the facts kept (a per-row subquery would run for every fact of a busy actor)
    counts: dict[int, int] = {}
    ids = [r["id"] for r in rows]
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        counts.update(conn.execute(f"SELECT fact_id, count(*) FROM fact_sources WHERE fact_id IN"
                                   f" ({','.join('?' * len(chunk))}) GROUP BY fact_id", chunk).fetchall())
    return [dict(r) | {"n_sources": counts.get(r["id"], 0)} for r in rows]


def precision(value: str | None) -> str | None:
    if not value:
        return None
    return {4: "year", 7: "month", 10: "day"}.get(len(value), "day")


def timeline(conn: sqlite3.Connection, entity_id: str, date_from: str | None = None, date_to: str | None = None,
             limit: int = 500) -> dict[str, Any]:
    """The actor's facts for a time axis, oldest first. Each item says how to draw it: `start`/`end` ISO values
    at their precision (a year is a span, a day a point), `open_start`/`open_end` for intervals the text leaves
    open, `event` for one-off events; undated facts come last."""
    rows = _facts_rows(conn, entity_id, date_from, date_to, limit)
    names = _names(conn, {r["subject"] for r in rows} | {r["object"] for r in rows if r["object"]})
    items = []
    for r in rows:
        subject_side = r["subject"] == entity_id
        other = r["object"] if subject_side else r["subject"]
        event = r["relation"] in EVENT_RELATIONS
        items.append({
            "id": r["id"], "relation": r["relation"], "role": "subject" if subject_side else "object",
            "subject": names.get(r["subject"], {"id": r["subject"], "name": r["subject"]}),
            "object": names.get(r["object"]) if r["object"] else None,
            "other": names.get(other) if other else None,
            "start": r["start"], "end": r["end"], "start_precision": precision(r["start"]),
            "end_precision": precision(r["end"]), "event": event,
            "open_start": bool(r["end"] and not r["start"]), "open_end": bool(r["start"] and not r["end"] and not event),
            "dated": bool(r["start"] or r["end"]), "what": r["what"], "quantity": r["quantity"],
            "sources": r["n_sources"], "confidence": r["confidence"],
        })
    return {"entity": entity_id, "items": items, "truncated": len(rows) >= limit}


def graph(conn: sqlite3.Connection, entity_id: str, limit: int = 60) -> dict[str, Any]:
    """The actor's neighbours through facts: nodes and edges labelled by relation type (edge counts merged)."""
    rows = conn.execute(
        "SELECT subject, relation, object, count(*) AS n FROM facts WHERE subject = ? AND object IS NOT NULL"
        " GROUP BY subject, relation, object UNION ALL SELECT subject, relation, object, count(*) FROM facts"
        " WHERE object = ? AND subject != ? GROUP BY subject, relation, object", (entity_id, entity_id, entity_id)
    ).fetchall()
    weight: dict[str, int] = {}
    for r in rows:
        other = r["object"] if r["subject"] == entity_id else r["subject"]
        weight[other] = weight.get(other, 0) + r["n"]
    keep = set(sorted(weight, key=lambda k: (-weight[k], k))[:limit])
    names = _names(conn, keep | {entity_id})
    nodes = [names.get(entity_id, {"id": entity_id, "name": entity_id, "type": "other"}) | {"center": True}]
    nodes += [names.get(k, {"id": k, "name": k, "type": "other"}) | {"center": False} for k in sorted(keep)]
    edges = [{"source": r["subject"], "target": r["object"], "relation": r["relation"], "count": r["n"]}
             for r in rows if (r["object"] if r["subject"] == entity_id else r["subject"]) in keep]
    return {"entity": entity_id, "nodes": nodes, "edges": edges, "relations": sorted({e["relation"] for e in edges}),
            "truncated": len(weight) > len(keep)}


def facts_table(conn: sqlite3.Connection, entity_id: str, limit: int = 500) -> list[dict[str, Any]]:
    """The actor's facts with every source (quote, document, span), the number of independent sources (sources
    linked by a copied passage count once) and the facts it conflicts with."""
    from veille.store.facts import independent_groups

    rows = _facts_rows(conn, entity_id, None, None, limit)
    names = _names(conn, {r["subject"] for r in rows} | {r["object"] for r in rows if r["object"]})
    out = []
    for r in rows:
        groups = independent_groups(conn, r["id"])
        sources = [{"id": s["id"], "doc": s["doc"], "start": s["start"], "end": s["end"], "quote": s["quote"],
                    "copied_from": s["copied_from_doc"], "group": gi}
                   for gi, g in enumerate(groups) for s in g]
        conflicts = [dict(c) | {"other": c["other"]} for c in conn.execute(
            "SELECT CASE WHEN fact_a = ? THEN fact_b ELSE fact_a END AS other, field FROM conflicts"
            " WHERE fact_a = ? OR fact_b = ?", (r["id"], r["id"], r["id"]))]
        out.append({"id": r["id"], "subject": names.get(r["subject"], {"id": r["subject"], "name": r["subject"]}),
                    "relation": r["relation"],
                    "object": names.get(r["object"], {"id": r["object"], "name": r["object"]}) if r["object"] else None,
                    "start": r["start"], "end": r["end"], "what": r["what"], "quantity": r["quantity"],
                    "confidence": r["confidence"], "sources": sorted(sources, key=lambda s: (s["doc"], s["start"])),
                    "n_sources": len(sources), "n_independent": len(groups), "conflicts": conflicts})
    return out


# --- document ---------------------------------------------------------------------------------------------------

def document_row(conn: sqlite3.Connection, name: str) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM documents WHERE name = ?", (name,)).fetchone()


def safe_url(url: str | None) -> str | None:
    """The document's URL if it is a web link (never a `javascript:` or other scheme)."""
    if url and re.match(r"^https?://", url, re.I):
        return url
    return None


def document(conn: sqlite3.Connection, name: str) -> dict[str, Any] | None:
    """A document's text and metadata, its mentions, the facts it states (with spans) and its copied passages,
    plus `segments`: the text cut at every span boundary, each piece naming the mention, facts and passages
    covering it, ready to render with highlights."""
    row = document_row(conn, name)
    if row is None:
        return None
    text = row["text"]
    mentions = [dict(r) for r in conn.execute(
        "SELECT m.start, m.end, m.text, m.entity, m.origin, e.name, e.type FROM mentions m"
        " JOIN entities e ON e.id = m.entity WHERE m.doc_id = ? ORDER BY m.start, m.end DESC", (row["id"],))]
    facts = []
    for r in conn.execute(
            "SELECT s.id AS source_id, s.fact_id, s.start, s.end, s.quote, s.detail, f.subject, f.relation, f.object,"
            " f.start AS date_start, f.end AS date_end, f.what, f.quantity, c.name AS copied_from"
            " FROM fact_sources s JOIN facts f ON f.id = s.fact_id LEFT JOIN documents c ON c.id = s.copied_from"
            " WHERE s.doc_id = ? ORDER BY s.start", (row["id"],)):
        facts.append(dict(r) | {"detail": json.loads(r["detail"]) if r["detail"] else {}})
    names = _names(conn, {f["subject"] for f in facts} | {f["object"] for f in facts if f["object"]})
    for f in facts:
        f["subject_name"] = names.get(f["subject"], {}).get("name", f["subject"])
        f["object_name"] = names.get(f["object"], {}).get("name", f["object"]) if f["object"] else None
    passages = []
    for p in passages_for(conn, name):
        start, end, other, o_start, o_end = p.side(name)
        original = {"a": p.a_doc, "b": p.b_doc}.get(p.source or "")
        passages.append({"start": start, "end": end, "other": other, "other_start": o_start, "other_end": o_end,
                         "score": round(p.score, 3), "original": original, "is_original": original == name})
    doc = {"name": row["name"], "title": row["title"], "lang": row["lang"], "published": row["published"],
           "published_inferred": row["published_inferred"], "url": safe_url(row["url"]), "source": row["source"],
           "chars": row["chars"], "words": row["words"], "text": text, "mentions": mentions, "facts": facts,
           "passages": passages}
    doc["segments"] = segments(text, mentions, facts, passages)
    counts: dict[str, int] = {}
    for m in mentions:
        counts[m["entity"]] = counts.get(m["entity"], 0) + 1
    first = {m["entity"]: m for m in reversed(mentions)}
    doc["actors"] = [{"id": k, "name": first[k]["name"], "type": first[k]["type"], "n": n}
                     for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], first[kv[0]]["name"]))]
    return doc


def segments(text: str, mentions: list[dict], facts: list[dict], passages: list[dict]) -> list[dict[str, Any]]:
    """`text` cut at every mention, fact-source and passage boundary; each piece lists what covers it."""
    cuts = {0, len(text)}
    spans = [m for m in mentions if 0 <= m["start"] < m["end"] <= len(text)]
    for items in (spans, facts, passages):
        for it in items:
            cuts.add(max(0, min(len(text), it["start"])))
            cuts.add(max(0, min(len(text), it["end"])))
    bounds = sorted(cuts)
    out: list[dict[str, Any]] = []
    mi = 0
    for a, b in zip(bounds, bounds[1:], strict=False):
        while mi < len(spans) and spans[mi]["end"] <= a:
            mi += 1
        mention = next((m for m in spans[mi:mi + 4] if m["start"] <= a and b <= m["end"]), None)
        seg = {"start": a, "end": b, "text": text[a:b],
               "entity": mention["entity"] if mention else None, "entity_name": mention["name"] if mention else None,
               "entity_type": mention["type"] if mention else None,
               "mention_start": bool(mention and mention["start"] == a),
               "facts": [f["source_id"] for f in facts if f["start"] <= a and b <= f["end"]],
               "passages": [i for i, p in enumerate(passages) if p["start"] <= a and b <= p["end"]]}
        seg["passage_start"] = [i for i in seg["passages"] if passages[i]["start"] == a]
        seg["fact_start"] = [f["source_id"] for f in facts if f["start"] == a]
        out.append(seg)
    return out


# --- copied passage, side by side -------------------------------------------------------------------------------

def find_passage(conn: sqlite3.Connection, a: str, a_start: int, b: str, b_start: int) -> dict[str, Any] | None:
    """The stored passage between documents `a` and `b` starting at those offsets (either orientation)."""
    for p in passages_for(conn, a):
        for q in (p, p.swapped()):
            if q.a_doc == a and q.a_start == a_start and q.b_doc == b and q.b_start == b_start:
                return {"a": q.a_doc, "a_start": q.a_start, "a_end": q.a_end, "b": q.b_doc, "b_start": q.b_start,
                        "b_end": q.b_end, "score": round(q.score, 3),
                        "original": {"a": q.a_doc, "b": q.b_doc}.get(q.source or "")}
    return None


def diff_sides(old: str, new: str) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """Both texts as word pieces tagged `same`, `del` (only in the first) or `ins` (only in the second); words are
    compared ignoring case, accents, apostrophe variants and edge punctuation, and keep their spacing."""
    a = [m for m in re.finditer(r"\S+\s*", old)]
    b = [m for m in re.finditer(r"\S+\s*", new)]
    sm = difflib.SequenceMatcher(None, [diff_key(m.group().strip()) for m in a],
                                 [diff_key(m.group().strip()) for m in b], autojunk=False)
    left: list[dict[str, str]] = []
    right: list[dict[str, str]] = []

    def add(side: list[dict[str, str]], words: list[re.Match], op: str) -> None:
        if words:
            piece = "".join(w.group() for w in words)
            if side and side[-1]["op"] == op:
                side[-1]["text"] += piece
            else:
                side.append({"text": piece, "op": op})

    for op, i1, i2, j1, j2 in sm.get_opcodes():
        same = op == "equal"
        add(left, a[i1:i2], "same" if same else "del")
        add(right, b[j1:j2], "same" if same else "ins")
    return left, right


def copy_view(conn: sqlite3.Connection, a: str, a_start: int, b: str, b_start: int) -> dict[str, Any] | None:
    """A copied passage side by side: both sides' texts with the words that differ marked."""
    p = find_passage(conn, a, a_start, b, b_start)
    if p is None:
        return None
    ta, tb = document_row(conn, p["a"])["text"], document_row(conn, p["b"])["text"]
    left, right = diff_sides(ta[p["a_start"]:p["a_end"]], tb[p["b_start"]:p["b_end"]])
    return p | {"left": left, "right": right, "a_text": ta[p["a_start"]:p["a_end"]],
                "b_text": tb[p["b_start"]:p["b_end"]]}


def stats(conn: sqlite3.Connection) -> dict[str, int]:
    one = conn.execute(
        "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM entities), (SELECT count(*) FROM facts),"
        " (SELECT count(*) FROM reuse_passage)").fetchone()
    return {"documents": one[0], "actors": one[1], "facts": one[2], "passages": one[3]}
