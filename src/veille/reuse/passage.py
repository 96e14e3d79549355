"""The record of one copied passage shared by two documents, and which side is the likely original."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class Passage:
    """Characters `a_start:a_end` of document `a_doc` reappear (lightly edited) as `b_start:b_end` of `b_doc`.

    `score` is the share of aligned words (0..1); `source` is "a" or "b" when one document was published earlier,
    else None.
    """

    a_doc: str
    a_start: int
    a_end: int
    b_doc: str
    b_start: int
    b_end: int
    score: float
    source: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The `reuse.jsonl` line of FORMAT.md."""
        return {"a": {"doc": self.a_doc, "start": self.a_start, "end": self.a_end},
                "b": {"doc": self.b_doc, "start": self.b_start, "end": self.b_end},
                "score": round(self.score, 3), "source": self.source}

    def swapped(self) -> Passage:
        src = {"a": "b", "b": "a"}.get(self.source or "")
        return Passage(self.b_doc, self.b_start, self.b_end, self.a_doc, self.a_start, self.a_end, self.score, src)

    def side(self, name: str) -> tuple[int, int, str, int, int]:
        """(start, end, other doc, other start, other end) seen from document `name`."""
        if name == self.a_doc:
            return self.a_start, self.a_end, self.b_doc, self.b_start, self.b_end
        return self.b_start, self.b_end, self.a_doc, self.a_start, self.a_end


def likely_source(a_published: str | None, b_published: str | None) -> str | None:
    """"a" or "b" for the side published earlier (ISO dates at any precision); None when unknown or tied."""
    if not a_published or not b_published:
        return None
    a, b = str(a_published)[:10], str(b_published)[:10]
    n = min(len(a), len(b))
    if a[:n] == b[:n]:
        return None
    return "a" if a[:n] < b[:n] else "b"
