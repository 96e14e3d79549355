"""Analyses as flat rows (Parquet-friendly) and back, and the lines of the JSONL export built from those rows.

A document row carries the document's fields plus its whole analysis as one JSON string, so the per-document
results survive the trip executor → Parquet → `veille load` unchanged. The export line builders give the same
lines as `veille export --format jsonl` (`export/jsonl.py`) does from a SQLite store.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from veille.model import Analysis, Document, EntityInfo, Fact, Mention, Timex
from veille.store.db import text_hash

DOC_FIELDS = ("seq", "name", "text", "hash", "lang", "published", "published_inferred", "source", "title", "url",
              "chars", "words", "analysis")


def analysis_to_row(seq: int, a: Analysis) -> dict[str, Any]:
    """One document row: the document, its counts and its analysis (mentions, entities, time, facts) as JSON."""
    d = a.doc
    body = {"mentions": [asdict(m) for m in a.mentions],
            "entities": [asdict(e) for e in a.entities.values()],
            "timexes": [asdict(t) for t in a.timexes],
            "facts": [asdict(f) for f in a.facts],
            "sentences": [list(s) for s in a.sentences]}
    return {"seq": seq, "name": d.name, "text": d.text, "hash": text_hash(d.text), "lang": d.lang,
            "published": d.published, "published_inferred": d.published_inferred, "source": d.source,
            "title": d.title, "url": d.url, "chars": len(d.text), "words": len(d.text.split()),
            "analysis": json.dumps(body, ensure_ascii=False)}


def _tuple(v: Any) -> Any:
    return tuple(v) if isinstance(v, list) else v


def fact_from_dict(d: dict[str, Any]) -> Fact:
    d = dict(d)
    for k in ("subject_span", "object_span", "date_span"):
        d[k] = _tuple(d.get(k))
    return Fact(**d)


def row_to_analysis(row: dict[str, Any]) -> Analysis:
    """The `Analysis` a document row was made from."""
    doc = Document(name=row["name"], text=row["text"], lang=row["lang"], published=row["published"],
                   published_inferred=row["published_inferred"], source=row["source"] or "", title=row["title"],
                   url=row["url"])
    body = json.loads(row["analysis"])
    entities = {}
    for e in body["entities"]:
        e["aliases"] = [tuple(x) for x in e.get("aliases") or []]
        entities[e["id"]] = EntityInfo(**e)
    return Analysis(doc=doc, mentions=[Mention(**m) for m in body["mentions"]], entities=entities,
                    timexes=[Timex(**t) for t in body["timexes"]],
                    facts=[fact_from_dict(f) for f in body["facts"]],
                    sentences=[tuple(s) for s in body["sentences"]])


def document_line(row: dict[str, Any]) -> dict[str, Any]:
    return {"doc": row["name"], "lang": row["lang"], "published": row["published"],
            "published_inferred": row["published_inferred"], "chars": row["chars"], "title": row["title"]}


def entity_line(ent: dict[str, Any], mentions: list[dict[str, Any]]) -> dict[str, Any]:
    """`mentions`: {doc, start, end, text, origin} already in (doc, start) order."""
    return {"id": ent["id"], "name": ent["name"], "type": ent["type"], "name_fr": ent["name_fr"],
            "name_en": ent["name_en"], "qid": ent["qid"], "mentions": mentions}


def fact_line(fact: dict[str, Any], sources: list[dict[str, Any]]) -> dict[str, Any]:
    """`sources`: fact-source rows in (doc, start) order."""
    row = {"id": f"f{fact['id']}", "subject": fact["subject"], "relation": fact["relation"],
           "object": fact["object"], "start": fact["start"], "end": fact["end"],
           "sources": [{"doc": s["doc"], "start": s["start"], "end": s["end"], "quote": s["quote"],
                        "copied_from": s["copied_from"]} for s in sources],
           "confidence": round(fact["confidence"], 3), "plover": fact["plover"],
           "independent_sources": fact["independent_sources"]}
    if fact["what"]:
        row["what"] = fact["what"]
    if fact["quantity"]:
        row["quantity"] = fact["quantity"]
    return row


def reuse_line(p: dict[str, Any]) -> dict[str, Any]:
    return {"a": {"doc": p["a_doc"], "start": p["a_start"], "end": p["a_end"]},
            "b": {"doc": p["b_doc"], "start": p["b_start"], "end": p["b_end"]},
            "score": round(p["score"], 3), "source": p["source"]}
