"""Corpus-level merging as pure functions: facts stated by several documents, entity records, copied sources.

These reproduce, on plain values, what the SQLite store does one document at a time (`store/facts.py save_facts`,
`store/db.py save_analysis`'s entity upsert, `mark_copied`, `independent_groups`), so a Spark job that replays
them over statements in ingest order gets the same knowledge base as `veille ingest`. The decision of where a
statement goes (`place_statement`) is the single rule both can share.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from veille.facts.merge import finer, place_statement, source_groups
from veille.model import Fact

Key = tuple[int, int]  # (document sequence number in ingest order, statement index in the document)






@dataclass
class MergedFact:
    """One fact of the knowledge base: the first statement's values refined by the statements merged into it."""

    key: Key  # the statement that created it: fact ids follow this order
    subject: str
    relation: str
    object: str | None
    start: str | None
    end: str | None
    what: str | None
    quantity: str | None
    plover: str | None
    confidence: float
    docs: set[int] = field(default_factory=set)  # documents (sequence numbers) among its sources
    sources: list[tuple[Key, str, Fact]] = field(default_factory=list)  # (statement key, document name, statement)
    conflicts: list[tuple[Key, str]] = field(default_factory=list)  # (other fact's key, field), other created first




def merge_statements(statements: Iterable[tuple[Key, str, Fact]]) -> list[MergedFact]:
    """Merge the statements of one (subject, relation, object) group, in ingest order, into facts."""
    facts: list[MergedFact] = []
    for key, doc_name, f in sorted(statements, key=lambda s: s[0]):
        target, conflicting = place_statement(facts, f, key[0])
        if target is None:
            m = MergedFact(key, f.subject, f.relation, f.object, f.start, f.end, f.what, f.quantity, f.plover,
                           f.confidence)
            m.conflicts = [(facts[i].key, fld) for i, fld in conflicting]
            facts.append(m)
        else:
            m = facts[target]
            m.start, m.end = finer(m.start, f.start), finer(m.end, f.end)
            m.what = m.what if m.what is not None else f.what
            m.quantity = m.quantity if m.quantity is not None else f.quantity
            m.confidence = max(m.confidence, f.confidence)
        m.docs.add(key[0])
        m.sources.append((key, doc_name, f))
    return facts




def entity_origin(entity_id: str, qid: str | None) -> str:
    """'kb' for a curated actor, 'text' for one first met in a text."""
    return "kb" if qid or not entity_id.startswith("x:") else "text"


def merge_entity_records(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    """Combine two records of one entity (each with `seq`, the first document giving it): the first document's
    name, type and id data win, localised names are the first known (associative, so usable in a reduce)."""
    first, later = (a, b) if a["seq"] <= b["seq"] else (b, a)
    out = dict(first)
    for k in ("name_fr", "name_en"):
        if out.get(k) is None:
            out[k] = later.get(k)
    return out


def copy_update_key(p: dict[str, Any]) -> tuple:
    """The order in which the store applies a passage's `copied_from` marks: by the later document's ingest, then
    as `passages_for` lists them."""
    return (p["b_seq"], p["a_doc"], p["a_start"], p["b_doc"], p["b_start"])


def copy_side(p: dict[str, Any]) -> tuple[str, int, int, str] | None:
    """(copy document, start, end, original document) of a passage whose original is known, else None."""
    if p.get("source") == "a":
        return p["b_doc"], p["b_start"], p["b_end"], p["a_doc"]
    if p.get("source") == "b":
        return p["a_doc"], p["a_start"], p["a_end"], p["b_doc"]
    return None


def copied_from(start: int, end: int, passages: Iterable[dict[str, Any]]) -> str | None:
    """The original a source span [start, end) of a document was copied from: the last applied passage (among
    those whose copy side is this document) that contains it."""
    best = None
    for p in passages:
        side = copy_side(p)
        if side is None or not (start >= side[1] and end <= side[2]):
            continue
        k = copy_update_key(p)
        if best is None or k > best[0]:
            best = (k, side[3])
    return best[1] if best else None


def independent_count(sources: Sequence[tuple[str, int, int]], passages: Iterable[dict[str, Any]]) -> int:
    """How many independent groups a fact's sources ((doc, start, end)) form (`facts.merge.source_groups`)."""
    flat = [(p["a_doc"], p["a_start"], p["a_end"], p["b_doc"], p["b_start"], p["b_end"]) for p in passages]
    return len(set(source_groups(sources, flat)))
