"""Aligning two tokenised documents: word-trigram anchors, runs, chains across light edits, tight edges.

1. anchors: every word trigram the two documents share (trigrams repeated too often are ignored);
2. runs: anchors on the same diagonal and consecutive positions merge into exact runs of words;
3. chains: runs in order on both sides, separated by at most MAX_GAP words on each side, form one passage
   (so inserted, dropped or replaced words and changed tenses stay inside one detection);
4. edges: weak runs hanging at a chain's edge are dropped, then the chain grows word by word while words match
   (one edit allowed if two matching words follow), and lands on whole words of the original text, taking the
   sentence's final punctuation when the last word is followed by it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from veille.reuse.tokens import ngram_hashes

ANCHOR = 3  # words per anchor
MAX_REPEAT = 6  # a trigram occurring more often than this in a document is not an anchor
MAX_GAP = 20  # words of difference allowed between two runs of one passage, on each side
MIN_MATCH = 15  # aligned words needed for a passage
MIN_DENSITY = 0.5  # aligned words / words of the passage, on each side
SHORT_MATCH = 25  # passages with fewer aligned words than this (one sentence or two) ...
SHORT_DENSITY = 0.85  # ... must be this dense: a template sentence shares its frame, not most of its words
CLOSERS = {")": "(", "»": "«", "”": "“", "]": "["}


@dataclass
class Span:
    """Token range a[a0:a1] aligned with b[b0:b1]; `matched` words aligned exactly."""

    a0: int
    a1: int
    b0: int
    b1: int
    matched: int
    runs: list[tuple[int, int, int]]  # (a start, b start, length)


def anchors(ha: np.ndarray, hb: np.ndarray, k: int = ANCHOR) -> tuple[np.ndarray, np.ndarray]:
    """Positions (i, j) where a[i:i+k] == b[j:j+k]."""
    ga, gb = ngram_hashes(ha, k), ngram_hashes(hb, k)
    if not len(ga) or not len(gb):
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    order = np.argsort(gb, kind="stable")
    sb = gb[order]
    lo = np.searchsorted(sb, ga, "left")
    cnt = np.searchsorted(sb, ga, "right") - lo
    sa = np.sort(ga)
    cnt_a = np.searchsorted(sa, ga, "right") - np.searchsorted(sa, ga, "left")
    ok = (cnt > 0) & (cnt <= MAX_REPEAT) & (cnt_a <= MAX_REPEAT)
    c = cnt[ok]
    i = np.repeat(np.flatnonzero(ok), c)
    within = np.arange(len(i)) - np.repeat(np.cumsum(c) - c, c)
    j = order[np.repeat(lo[ok], c) + within]
    return i, j


def runs_of(i: np.ndarray, j: np.ndarray, k: int = ANCHOR) -> list[tuple[int, int, int]]:
    """Merge anchors into exact runs (a start, b start, length), sorted by a start."""
    if not len(i):
        return []
    diag = j - i
    order = np.lexsort((i, diag))
    i, diag = i[order], diag[order]
    brk = np.ones(len(i), dtype=bool)
    brk[1:] = (diag[1:] != diag[:-1]) | (i[1:] != i[:-1] + 1)
    firsts = np.flatnonzero(brk)
    lasts = np.r_[firsts[1:] - 1, len(i) - 1]
    a0 = i[firsts]
    length = i[lasts] - a0 + k
    out = sorted(zip(a0.tolist(), (a0 + diag[firsts]).tolist(), length.tolist(), strict=True))
    return out


def chain(runs: list[tuple[int, int, int]]) -> list[Span]:
    """Group runs that follow each other on both sides within MAX_GAP words."""
    spans: list[Span] = []
    active: list[Span] = []  # spans that can still take a run: runs come by increasing a
    for a, b, n in runs:
        best, best_gap = None, MAX_GAP + 1
        active = [s for s in active if s.a1 >= a - MAX_GAP]
        for s in active:
            ga, gb = a - s.a1, b - s.b1
            if -ANCHOR < ga <= MAX_GAP and -ANCHOR < gb <= MAX_GAP and max(ga, gb) < best_gap:
                best, best_gap = s, max(ga, gb)
        if best is None:
            spans.append(Span(a, a + n, b, b + n, n, [(a, b, n)]))
            active.append(spans[-1])
            continue
        overlap = max(0, best.a1 - a, best.b1 - b)
        if overlap >= n:
            continue
        best.a1, best.b1 = max(best.a1, a + n), max(best.b1, b + n)
        best.matched += n - overlap
        best.runs.append((a, b, n))
    return spans


def _trim_weak_edges(s: Span) -> Span | None:
    """Drop short runs dangling at either edge of a chain (a stray common phrase a few words away)."""
    runs = s.runs
    while len(runs) > 1:
        a, b, n = runs[0]
        na, nb, _ = runs[1]
        gap = max(na - (a + n), nb - (b + n))
        if n < 5 and gap > n:
            runs = runs[1:]
            continue
        a, b, n = runs[-1]
        pa, pb, pn = runs[-2]
        gap = max(a - (pa + pn), b - (pb + pn))
        if n < 5 and gap > n:
            runs = runs[:-1]
            continue
        break
    a0, b0 = runs[0][0], runs[0][1]
    a1 = max(r[0] + r[2] for r in runs)
    b1 = max(r[1] + r[2] for r in runs)
    matched = sum(r[2] for r in runs)
    return Span(a0, a1, b0, b1, min(matched, a1 - a0, b1 - b0), runs)


def _extend(ha: list[int], hb: list[int], s: Span) -> None:
    """Grow the span outwards over matching words, allowing one edit when two matching words follow it."""
    na, nb = len(ha), len(hb)
    while True:
        if s.a1 < na and s.b1 < nb and ha[s.a1] == hb[s.b1]:
            s.a1, s.b1, s.matched = s.a1 + 1, s.b1 + 1, s.matched + 1
            continue
        for da, db in ((1, 1), (1, 0), (0, 1)):
            x, y = s.a1 + da, s.b1 + db
            if x + 1 < na and y + 1 < nb and ha[x] == hb[y] and ha[x + 1] == hb[y + 1]:
                s.a1, s.b1, s.matched = x + 2, y + 2, s.matched + 2
                break
        else:
            break
    while True:
        if s.a0 > 0 and s.b0 > 0 and ha[s.a0 - 1] == hb[s.b0 - 1]:
            s.a0, s.b0, s.matched = s.a0 - 1, s.b0 - 1, s.matched + 1
            continue
        for da, db in ((1, 1), (1, 0), (0, 1)):
            x, y = s.a0 - 1 - da, s.b0 - 1 - db
            if x >= 1 and y >= 1 and ha[x] == hb[y] and ha[x - 1] == hb[y - 1]:
                s.a0, s.b0, s.matched = x - 1, y - 1, s.matched + 2
                break
        else:
            break


def align_tokens(ha: np.ndarray, hb: np.ndarray) -> list[Span]:
    """Passages (token spans) shared by two token-hash sequences."""
    spans = []
    la, lb = ha.tolist(), hb.tolist()  # word-by-word growth reads Python lists faster than numpy scalars
    for s in chain(runs_of(*anchors(ha, hb))):
        t = _trim_weak_edges(s)
        if t is None:
            continue
        _extend(la, lb, t)
        if t.matched < MIN_MATCH:
            continue
        density = MIN_DENSITY if t.matched >= SHORT_MATCH else SHORT_DENSITY
        if t.matched < density * (t.a1 - t.a0) or t.matched < density * (t.b1 - t.b0):
            continue
        spans.append(t)
    return _merge_overlaps(spans)


def _merge_overlaps(spans: list[Span]) -> list[Span]:
    """One detection per copied block: spans overlapping on both sides become one, and a short span lying
    mostly inside a much longer one on one side (a stock phrase the copy shares with another place) is dropped."""
    spans.sort(key=lambda s: -s.matched)
    out: list[Span] = []
    for s in spans:
        for o in out:
            ov_a = min(s.a1, o.a1) - max(s.a0, o.a0)
            ov_b = min(s.b1, o.b1) - max(s.b0, o.b0)
            if ov_a > 0 and ov_b > 0:
                o.a0, o.a1, o.b0, o.b1 = min(o.a0, s.a0), max(o.a1, s.a1), min(o.b0, s.b0), max(o.b1, s.b1)
                break
            if 2 * s.matched < o.matched and (2 * ov_a > s.a1 - s.a0 or 2 * ov_b > s.b1 - s.b0):
                break
        else:
            out.append(s)
    out.sort(key=lambda s: (s.a0, s.b0))
    return out


SENTENCE_BREAK = frozenset(".!?…:;\n")
_SPACED_DASH = re.compile(r"\s[-–—]+\s")
SNAP_WORDS = 2  # at most this many edited words between a passage edge and its sentence's edge are taken in


def _break_after(text: str, starts: np.ndarray, ends: np.ndarray, t: int) -> bool:
    """Does a sentence (or a dateline, a clause after a colon) end between token t and token t+1?"""
    if t < 0 or t >= len(starts) - 1:
        return True
    gap = text[int(ends[t]):int(starts[t + 1])]
    if not SENTENCE_BREAK.isdisjoint(gap):
        return True
    # a spaced dash ("KYIV (Reuters) - Russia"), not a hyphen inside a word
    return _SPACED_DASH.search(gap) is not None


def _words_to_end(text: str, starts: np.ndarray, ends: np.ndarray, t1: int) -> int | None:
    for k in range(SNAP_WORDS + 1):
        if t1 + k > len(starts):
            return None
        if _break_after(text, starts, ends, t1 + k - 1):
            return k
    return None


def _words_to_start(text: str, starts: np.ndarray, ends: np.ndarray, t0: int) -> int | None:
    for k in range(SNAP_WORDS + 1):
        if t0 - k < 0:
            return None
        if _break_after(text, starts, ends, t0 - k - 1):
            return k
    return None


def snap_to_sentences(s: Span, a: tuple[str, np.ndarray, np.ndarray], b: tuple[str, np.ndarray, np.ndarray]) -> None:
    """When both sides stop one or two words short of their sentence's edge (an edited first or last word),
    take those words in, so a copied sentence is reported whole."""
    ea, eb = _words_to_end(*a, s.a1), _words_to_end(*b, s.b1)
    if ea is not None and eb is not None and min(ea, eb) >= 1:
        s.a1, s.b1 = s.a1 + ea, s.b1 + eb
    sa, sb = _words_to_start(*a, s.a0), _words_to_start(*b, s.b0)
    if sa is not None and sb is not None and min(sa, sb) >= 1:
        s.a0, s.b0 = s.a0 - sa, s.b0 - sb


def char_span(text: str, starts: np.ndarray, ends: np.ndarray, t0: int, t1: int) -> tuple[int, int]:
    """Characters of tokens t0..t1-1, ending on the sentence's final punctuation or a closing bracket/quote
    whose opener is inside the passage."""
    start, end = int(starts[t0]), int(ends[t1 - 1])
    n = len(text)
    while end < n and text[end] in ".!?…":
        end += 1
    while end < n:
        opener = CLOSERS.get(text[end])
        if opener and text.count(opener, start, end) > text.count(text[end], start, end):
            end += 1
            while end < n and text[end] in ".!?…":
                end += 1
        else:
            break
    return start, end
