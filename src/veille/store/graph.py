"""Fact queries shared by the CLI and the web app: an actor's timeline, its neighbourhood, fact listings, conflicts.

Every function answers with a fixed number of SQL statements (one JOIN fetches facts, both actors' names and all
sources; one more fetches the copied passages between the documents involved), never one query per fact, so a
timeline stays fast on a store of 100,000 facts.

Dates are ISO strings at the precision the text gives ("2025", "2025-08", "2025-08-14"). Plain string order is
already precision-aware: "2025" sorts before "2025-01", and "2024-12" before "2025". Undated facts come last.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

from veille.facts.merge import source_groups

# facts, both actors and every source in one row each; `{where}` selects the facts (aliased `f`)
_FACT_SOURCES_SQL = """
SELECT f.id, f.subject, f.relation, f.object, f.start, f.end, f.what, f.quantity, f.plover, f.confidence,
       es.name AS subject_name, es.type AS subject_type, eo.name AS object_name, eo.type AS object_type,
       s.id AS src_id, s.doc_id, d.name AS doc, d.url AS doc_url, d.published AS doc_published,
       s.start AS src_start, s.end AS src_end, s.quote, s.start_value, s.end_value, s.trigger,
       c.name AS copied_from
FROM ({facts}) f
JOIN entities es ON es.id = f.subject
LEFT JOIN entities eo ON eo.id = f.object
LEFT JOIN fact_sources s ON s.fact_id = f.id
LEFT JOIN documents d ON d.id = s.doc_id
LEFT JOIN documents c ON c.id = s.copied_from
ORDER BY f.start IS NULL, f.start, f.end IS NULL, f.end, f.id, d.name, s.start
"""

_FACT_COLS = "id, subject, relation, object, start, end, what, quantity, plover, confidence"


def precision(value: str | None) -> str | None:
    """'year', 'month' or 'day' for an ISO date at its precision; None when undated."""
    if not value:
        return None
    return {4: "year", 7: "month"}.get(len(value.lstrip("-")), "day")


def _placeholders(items: Sequence) -> str:
    return ",".join("?" * len(items))


def _passages_between(conn: sqlite3.Connection, docs: Iterable[str]
                      ) -> dict[tuple[str, str], list[tuple[int, int, int, int]]]:
    """Copied passages touching `docs`, keyed by ordered document pair: (start, end) on the first, on the second."""
    docs = sorted(set(docs))
    pairs: dict[tuple[str, str], list[tuple[int, int, int, int]]] = {}
    if len(docs) < 2:
        return pairs
    try:
        for i in range(0, len(docs), 400):
            chunk = docs[i:i + 400]
            marks = _placeholders(chunk)
            rows = []
            for side in ("a_doc", "b_doc"):  # two indexed lookups
                rows += conn.execute("SELECT a_doc, a_start, a_end, b_doc, b_start, b_end FROM reuse_passage"
                                     f" WHERE {side} IN ({marks})", chunk).fetchall()
            for a, a0, a1, b, b0, b1 in rows:
                if a == b:
                    continue
                pairs.setdefault((a, b), []).append((a0, a1, b0, b1))
                pairs.setdefault((b, a), []).append((b0, b1, a0, a1))
    except sqlite3.OperationalError:  # a store without the reuse tables
        return {}
    # a pair can be seen from both chunks: de-duplicate
    return {k: sorted(set(v)) for k, v in pairs.items()}


def _group_sources(sources: list[dict], passages: dict[tuple[str, str], list[tuple[int, int, int, int]]]
                   ) -> list[int]:
    """Group index of each source (`veille.facts.merge.source_groups`, from prefetched passages)."""
    docs = {src["doc"] for src in sources}
    flat = [(da, a0, a1, db, b0, b1) for (da, db), spans in passages.items() if da in docs and db in docs
            for a0, a1, b0, b1 in spans]
    return source_groups([(src["doc"], src["start"], src["end"]) for src in sources], flat)


def _facts_from_rows(conn: sqlite3.Connection, rows: list[tuple]) -> list[dict]:
    """Fold the JOIN's rows (one per source, plain tuples in the SELECT's order) into fact dicts with their sources
    and independent-source counts."""
    facts: dict[int, dict] = {}
    for (fid, subj, rel, obj, start, end, what, qty, plover, conf, s_name, s_type, o_name, o_type, src_id, _doc_id,
         doc, url, _published, s0, s1, quote, start_value, end_value, trigger, copied_from) in rows:
        fact = facts.get(fid)
        if fact is None:
            fact = facts[fid] = {
                "id": fid, "start": start, "end": end, "precision": precision(start),
                "end_precision": precision(end), "relation": rel,
                "subject": {"id": subj, "name": s_name, "type": s_type},
                "object": {"id": obj, "name": o_name, "type": o_type} if obj else None,
                "what": what, "quantity": qty, "plover": plover, "confidence": round(conf, 3), "sources": [],
            }
        if src_id is not None:
            fact["sources"].append({
                "doc": doc, "start": s0, "end": s1, "quote": quote, "start_value": start_value,
                "end_value": end_value, "trigger": trigger, "copied_from": copied_from, "url": url,
            })
    passages = _passages_between(conn, {s["doc"] for f in facts.values() for s in f["sources"]})
    for fact in facts.values():
        sources = fact["sources"]
        if passages and len(sources) > 1:
            groups = _group_sources(sources, passages)
        else:
            groups = list(range(len(sources)))
        for s, g in zip(sources, groups, strict=True):
            s["group"] = g
        fact["n_sources"] = len(sources)
        fact["n_documents"] = len({s["doc"] for s in sources})
        fact["n_independent"] = len(set(groups))
    return list(facts.values())


def _select(conn: sqlite3.Connection, facts_sql: str, params: Sequence) -> list[dict]:
    cur = conn.cursor()
    cur.row_factory = None  # plain tuples: several times faster to unpack than sqlite3.Row on large timelines
    rows = cur.execute(_FACT_SOURCES_SQL.format(facts=facts_sql), list(params)).fetchall()
    return _facts_from_rows(conn, rows)


def _date_filter(date_from: str | None, date_to: str | None) -> tuple[str, list[str]]:
    """SQL condition keeping facts whose [start, end] meets [date_from, date_to], compared at the coarser of the two
    precisions (a fact dated « 2025 » meets a window starting in 2025-08). Undated facts never match a window."""
    conds, params = [], []
    if date_from:
        conds.append("coalesce(end, start) >= substr(?, 1, length(coalesce(end, start)))")
        params.append(date_from)
    if date_to:
        conds.append("substr(start, 1, length(?)) <= ?")
        params += [date_to, date_to]
    if conds:
        conds.insert(0, "start IS NOT NULL")
    return " AND ".join(conds), params


def timeline(conn: sqlite3.Connection, entity_id: str, with_id: str | None = None, date_from: str | None = None,
             date_to: str | None = None, relation: str | None = None, limit: int | None = None,
             offset: int = 0, min_confidence: float | None = None) -> list[dict]:
    """Facts where `entity_id` is subject or object, chronological (dated first, coarser date first on ties),
    each with `direction` ('out' when the actor is the subject), `other` (the other actor or None), its sources
    (doc, span, exact quote, `copied_from`, copy `group`) and `n_sources` / `n_independent`. `limit` / `offset`
    page through an actor with thousands of facts (a page of 200 answers in a few milliseconds)."""
    extra, extra_params = _date_filter(date_from, date_to)
    if relation:
        extra = f"{extra} AND relation = ?" if extra else "relation = ?"
        extra_params.append(relation)
    if min_confidence is not None:  # e.g. 0.5 hides the learned scorer's guesses (confidence at most 0.45)
        extra = f"{extra} AND confidence >= ?" if extra else "confidence >= ?"
        extra_params.append(min_confidence)
    tail = f" AND {extra}" if extra else ""
    # two indexed selects instead of one OR over two columns
    if with_id:
        sql = (f"SELECT {_FACT_COLS} FROM facts WHERE subject = ? AND object = ?{tail}"
               f" UNION ALL SELECT {_FACT_COLS} FROM facts WHERE object = ? AND subject = ? AND subject <> object{tail}")
        params = [entity_id, with_id, *extra_params, entity_id, with_id, *extra_params]
    else:
        sql = (f"SELECT {_FACT_COLS} FROM facts WHERE subject = ?{tail}"
               f" UNION ALL SELECT {_FACT_COLS} FROM facts WHERE object = ? AND subject <> object{tail}")
        params = [entity_id, *extra_params, entity_id, *extra_params]
    if limit and not with_id and not extra:
        # a page of a big actor: pick its ids from the covering (subject|object, start) indexes, sorted, then join
        sql = (f"SELECT {_FACT_COLS} FROM facts WHERE id IN (SELECT id FROM (SELECT id, start FROM facts"
               " WHERE subject = ? UNION SELECT id, start FROM facts WHERE object = ?)"
               f" ORDER BY start IS NULL, start, id LIMIT {int(limit)} OFFSET {int(offset)})")
        params = [entity_id, entity_id]
    elif limit:
        sql = (f"SELECT * FROM ({sql}) ORDER BY start IS NULL, start, id"
               f" LIMIT {int(limit)} OFFSET {int(offset)}")
    out = _select(conn, sql, params)
    for fact in out:
        outgoing = fact["subject"]["id"] == entity_id
        fact["direction"] = "out" if outgoing else "in"
        fact["other"] = fact["object"] if outgoing else fact["subject"]
    if not with_id and not relation and not limit:
        out += _carried_by_succession(conn, out, date_from, date_to)
        out.sort(key=lambda f: (not (f["start"] or f["end"]), f["start"] or f["end"] or "", f["id"]))
    return out


_CARRIED = ("member_of", "observer_of", "partner_of")


def _carried_by_succession(conn: sqlite3.Connection, facts: list[dict], date_from: str | None,
                           date_to: str | None) -> list[dict]:
    """Memberships a succession carries over: X member of A, A succeeded by B at date d ⇒ X member of B from d.
    Marked `inferred` with the succession's sources as evidence; never stored or exported as a stated fact."""
    have = {(f["relation"], f["other"]["id"]) for f in facts if f["direction"] == "out" and f.get("other")}
    derived = []
    for f in facts:
        if f["direction"] != "out" or f["relation"] not in _CARRIED or not f.get("other"):
            continue
        old = f["other"]["id"]
        for s in timeline(conn, old, relation="succeeded_by"):
            if s["direction"] != "out" or not s.get("other"):
                continue
            new = s["other"]["id"]
            start = s["start"] or f["start"]
            if (f["relation"], new) in have or (date_to and start and start[:len(date_to)] > date_to):
                continue
            if date_from and (f["end"] or "9999")[:len(date_from)] < date_from:
                continue
            have.add((f["relation"], new))
            derived.append(s | {"id": s["id"], "relation": f["relation"], "subject": f["subject"],
                                "object": s["object"], "other": s["object"], "direction": "out",
                                "start": start, "end": f["end"],
                                "inferred": f"{f['other']['name']} was succeeded by {s['object']['name']}"
                                            f" (f{s['id']}), carrying over f{f['id']}"})
    return derived


def list_facts(conn: sqlite3.Connection, relation: str | None = None, doc: str | None = None,
               entity_id: str | None = None, limit: int | None = None,
               min_confidence: float | None = None) -> list[dict]:
    """Facts, chronological, optionally of one relation, stated in one document (by name), involving one actor or
    of at least some confidence."""
    conds, params = [], []
    if min_confidence is not None:
        conds.append("confidence >= ?")
        params.append(min_confidence)
    if relation:
        conds.append("relation = ?")
        params.append(relation)
    if entity_id:
        conds.append("(subject = ? OR object = ?)")
        params += [entity_id, entity_id]
    if doc:
        conds.append("id IN (SELECT s.fact_id FROM fact_sources s JOIN documents d ON d.id = s.doc_id"
                     " WHERE d.name = ?)")
        params.append(doc)
    sql = f"SELECT {_FACT_COLS} FROM facts"
    if conds:
        sql += " WHERE " + " AND ".join(conds)
    if limit:
        sql += f" ORDER BY start IS NULL, start, end IS NULL, end, id LIMIT {int(limit)}"
    return _select(conn, sql, params)


def facts_by_id(conn: sqlite3.Connection, ids: Iterable[int]) -> dict[int, dict]:
    """Fact dicts (with sources) for the given ids."""
    ids = sorted(set(ids))
    out: dict[int, dict] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        for fact in _select(conn, f"SELECT {_FACT_COLS} FROM facts WHERE id IN ({_placeholders(chunk)})", chunk):
            out[fact["id"]] = fact
    return out


def list_conflicts(conn: sqlite3.Connection) -> list[dict]:
    """Pairs of facts that are the same statement except for their dates or quantity: {field, a, b}."""
    from veille.store.facts import conflicts

    pairs = conflicts(conn)
    facts = facts_by_id(conn, [r["a_id"] for r in pairs] + [r["b_id"] for r in pairs])
    return [{"field": r["field"], "a": facts[r["a_id"]], "b": facts[r["b_id"]]}
            for r in pairs if r["a_id"] in facts and r["b_id"] in facts]


def _edges_sql(where: str) -> str:
    return ("SELECT f.id, f.subject, f.object, f.relation, f.start, f.end, f.what, f.quantity, f.confidence,"
            " count(s.id) AS weight, count(DISTINCT s.doc_id) AS docs FROM facts f"
            f" LEFT JOIN fact_sources s ON s.fact_id = f.id WHERE f.object IS NOT NULL AND ({where})"
            " GROUP BY f.id ORDER BY f.start IS NULL, f.start, f.id")


def _edge(r: sqlite3.Row) -> dict:
    return {"id": r["id"], "source": r["subject"], "target": r["object"], "relation": r["relation"],
            "start": r["start"], "end": r["end"], "what": r["what"], "quantity": r["quantity"],
            "confidence": round(r["confidence"], 3), "weight": r["weight"], "documents": r["docs"]}


def _nodes(conn: sqlite3.Connection, ids: Iterable[str], depth: dict[str, int] | None = None) -> list[dict]:
    ids = sorted(set(ids))
    nodes = []
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        for r in conn.execute("SELECT id, name, type, name_fr, name_en, qid FROM entities"
                              f" WHERE id IN ({_placeholders(chunk)})", chunk):
            node = {k: r[k] for k in ("id", "name", "type", "name_fr", "name_en", "qid")}
            if depth is not None:
                node["depth"] = depth.get(r["id"], 0)
            nodes.append(node)
    nodes.sort(key=lambda n: (n.get("depth", 0), n["name"].casefold()))
    return nodes


def neighbours(conn: sqlite3.Connection, entity_id: str, depth: int = 1) -> dict[str, list[dict]]:
    """The actors reached from `entity_id` through facts in at most `depth` steps (either direction), with
    every fact between them: {"nodes": [{id, name, type, …, depth}], "edges": [{id, source, target, relation,
    start, end, weight (sources), documents, …}]}. One query per level."""
    seen = {entity_id: 0}
    frontier = [entity_id]
    edges: dict[int, dict] = {}
    for level in range(1, max(depth, 0) + 1):
        if not frontier:
            break
        nxt: list[str] = []
        for i in range(0, len(frontier), 400):
            chunk = frontier[i:i + 400]
            marks = _placeholders(chunk)
            for r in conn.execute(_edges_sql(f"f.subject IN ({marks}) OR f.object IN ({marks})"), chunk + chunk):
                edges.setdefault(r["id"], _edge(r))
                for end in (r["subject"], r["object"]):
                    if end not in seen:
                        seen[end] = level
                        nxt.append(end)
        frontier = nxt
    # facts among nodes of the last level were not fetched from both sides: keep only edges inside the node set
    kept = [e for e in edges.values() if e["source"] in seen and e["target"] in seen]
    return {"nodes": _nodes(conn, seen, seen), "edges": kept}


def whole_graph(conn: sqlite3.Connection) -> dict[str, list[dict]]:
    """Every actor taking part in a fact or mentioned in a document, and every fact with an object."""
    edges = [_edge(r) for r in conn.execute(_edges_sql("1=1"))]
    ids = {r[0] for r in conn.execute("SELECT DISTINCT entity FROM mentions")}
    ids.update(e["source"] for e in edges)
    ids.update(e["target"] for e in edges)
    mentions = {r[0]: (r[1], r[2]) for r in conn.execute(
        "SELECT entity, count(*), count(DISTINCT doc_id) FROM mentions GROUP BY entity")}
    nodes = _nodes(conn, ids)
    for n in nodes:
        n["mentions"], n["documents"] = mentions.get(n["id"], (0, 0))
    return {"nodes": nodes, "edges": edges}
