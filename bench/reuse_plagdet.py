"""PAN text-alignment measures (Potthast et al. 2010) for reuse.jsonl detections against truth.

    python bench/reuse_plagdet.py --truth truth.jsonl --pred pairs.jsonl

A case (truth) and a detection are both a pair of character spans (one per document). A detection detects a case
when they concern the same two documents and overlap on both sides. Over the characters of both sides:
recall = mean over cases of the share of its characters covered by detections that detect it; precision = mean
over detections of the share of its characters covered by cases it detects; granularity = mean number of
detections per detected case; PlagDet = F1 / log2(1 + granularity).
"""

from __future__ import annotations

import argparse
import json
import math
from collections import defaultdict
from pathlib import Path

Span = tuple[str, int, int]
Pair = tuple[Span, Span]


def read_pairs(path: str | Path) -> list[Pair]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                r = json.loads(line)
                out.append(((r["a"]["doc"], r["a"]["start"], r["a"]["end"]),
                            (r["b"]["doc"], r["b"]["start"], r["b"]["end"])))
    return out


def _orient(p: Pair, first_doc: str) -> Pair:
    return p if p[0][0] == first_doc else (p[1], p[0])


def _overlap(x: Span, y: Span) -> int:
    return max(0, min(x[2], y[2]) - max(x[1], y[1]))


def _covered(span: Span, others: list[Span]) -> int:
    """Characters of `span` covered by the union of `others`."""
    ivs = sorted((max(span[1], o[1]), min(span[2], o[2])) for o in others if _overlap(span, o))
    total, cur_s, cur_e = 0, None, None
    for s, e in ivs:
        if cur_e is None or s > cur_e:
            if cur_e is not None:
                total += cur_e - cur_s
            cur_s, cur_e = s, e
        else:
            cur_e = max(cur_e, e)
    if cur_e is not None:
        total += cur_e - cur_s
    return total


def _size(p: Pair) -> int:
    return (p[0][2] - p[0][1]) + (p[1][2] - p[1][1])


def plagdet(truth: list[Pair], pred: list[Pair]) -> dict[str, float]:
    by_docs: dict[frozenset, list[int]] = defaultdict(list)
    for k, r in enumerate(pred):
        by_docs[frozenset((r[0][0], r[1][0]))].append(k)
    detects: dict[int, list[int]] = defaultdict(list)  # case -> detections
    detected_by: dict[int, list[int]] = defaultdict(list)  # detection -> cases
    for c, s in enumerate(truth):
        for k in by_docs.get(frozenset((s[0][0], s[1][0])), []):
            r = _orient(pred[k], s[0][0])
            if _overlap(s[0], r[0]) and _overlap(s[1], r[1]):
                detects[c].append(k)
                detected_by[k].append(c)
    rec = []
    for c, s in enumerate(truth):
        rs = [_orient(pred[k], s[0][0]) for k in detects.get(c, [])]
        got = _covered(s[0], [r[0] for r in rs]) + _covered(s[1], [r[1] for r in rs])
        rec.append(got / _size(s) if _size(s) else 0.0)
    prec = []
    for k, r in enumerate(pred):
        ss = [_orient(truth[c], r[0][0]) for c in detected_by.get(k, [])]
        got = _covered(r[0], [s[0] for s in ss]) + _covered(r[1], [s[1] for s in ss])
        prec.append(got / _size(r) if _size(r) else 0.0)
    recall = sum(rec) / len(rec) if rec else 1.0
    precision = sum(prec) / len(prec) if prec else 0.0
    found = [len(v) for v in detects.values()]
    gran = sum(found) / len(found) if found else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"plagdet": f1 / math.log2(1 + gran), "recall": recall, "precision": precision, "granularity": gran,
            "cases": len(truth), "detections": len(pred), "cases_detected": len(found)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--truth", required=True)
    ap.add_argument("--pred", required=True)
    args = ap.parse_args()
    res = plagdet(read_pairs(args.truth), read_pairs(args.pred))
    print(json.dumps({k: round(v, 4) if isinstance(v, float) else v for k, v in res.items()}))


if __name__ == "__main__":
    main()
