"""The rule for merging the same fact stated by several documents, as pure functions.

Used by the SQLite store (`store/facts.py`, one document at a time) and by the Spark job (`spark/merge.py`, over
all statements in ingest order), so both build the same knowledge base. A statement joins an existing fact when
subject, relation, object and commodity agree and its dates agree (equal, or one a refinement of the other:
« 2025 » and « 2025-11 ») and its quantity too; otherwise it is a new fact, in conflict with the facts of other
documents it disagrees with.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from veille.model import Fact


def dates_agree(a: str | None, b: str | None) -> bool:
    """Unknown agrees with anything; otherwise one value must be a prefix (a coarser precision) of the other."""
    if not a or not b:
        return True
    return a.startswith(b) or b.startswith(a)


def finer(a: str | None, b: str | None) -> str | None:
    """The more precise of two agreeing dates (the first on a tie)."""
    if not a:
        return b
    if not b:
        return a
    return a if len(a) >= len(b) else b


def place_statement(candidates: Sequence[Any], f: Fact, doc: Any) -> tuple[int | None, list[tuple[int, str]]]:
    """Where statement `f` of document `doc` goes among the existing facts with its subject, relation and object
    (in creation order; each has `start`, `end`, `what`, `quantity` and `docs`, the documents sourcing it).

    Returns (index of the fact it joins, or None for a new fact; [(index, "dates"|"quantity")] of the facts a new
    fact conflicts with). A fact whose commodity differs is another fact, not a conflict; a document never
    conflicts with itself."""
    conflicting: list[tuple[int, str]] = []
    for i, r in enumerate(candidates):
        if f.what and r.what and f.what != r.what:
            continue
        agree = dates_agree(f.start, r.start) and dates_agree(f.end, r.end)
        qty_agree = not (f.quantity and r.quantity) or f.quantity == r.quantity
        if agree and qty_agree:
            return i, []
        if doc not in r.docs:
            conflicting.append((i, "dates" if not agree else "quantity"))
    return None, conflicting


def source_detail(f: Fact) -> dict[str, Any]:
    """The `detail` JSON of a fact source: argument and date spans."""
    return {k: v for k, v in (("subject_span", f.subject_span), ("object_span", f.object_span),
                              ("date_span", f.date_span), ("plover", f.plover), ("negated", f.negated)) if v}


Passage = tuple[str, int, int, str, int, int]  # (doc a, start, end, doc b, start, end)


def source_groups(sources: Sequence[tuple[str, int, int]], passages: Sequence[Passage]) -> list[int]:
    """Group index of each (doc, start, end) source of one fact: independent confirmations are the groups.

    Two sources share a group when they come from the same document (a text repeating itself confirms nothing
    more) or when their spans lie on the two sides of one passage copied between their documents."""
    parent = list(range(len(sources)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_pair: dict[tuple[str, str], list[tuple[int, int, int, int]]] = {}
    for da, a0, a1, db, b0, b1 in passages:
        if da != db:
            by_pair.setdefault((da, db), []).append((a0, a1, b0, b1))
            by_pair.setdefault((db, da), []).append((b0, b1, a0, a1))
    for i, (da, sa0, sa1) in enumerate(sources):
        for j in range(i + 1, len(sources)):
            db, sb0, sb1 = sources[j]
            if da == db or any(sa0 < p1 and p0 < sa1 and sb0 < q1 and q0 < sb1
                               for p0, p1, q0, q1 in by_pair.get((da, db), ())):
                parent[find(i)] = find(j)
    roots: dict[int, int] = {}
    return [roots.setdefault(find(i), len(roots)) for i in range(len(sources))]
