"""Finding copied passages: for one pair of documents, and across a whole corpus.

Corpus level: every document's word 5-gram shingles are hashed (numpy), sorted, and only shingles shared by a
few documents (rare ones) propose candidate pairs; pairs with at least MIN_SEEDS shared shingles are aligned
(`align.py`), split over worker processes. Work and memory grow with the corpus size, not its square.
"""

from __future__ import annotations

import itertools
import multiprocessing as mp
import sys
from collections import deque
from collections.abc import Iterable, Iterator

import numpy as np

from veille.reuse.align import align_tokens, char_span, snap_to_sentences
from veille.reuse.passage import Passage, likely_source
from veille.reuse.tokens import SHINGLE, Tokens, shingles, tokenize

MAX_DF = 12  # a shingle found in more documents than this is boilerplate, not evidence of a copy
MIN_SEEDS = 4  # shared rare shingles needed before a pair is aligned
BATCH = 200  # documents tokenised at once (small enough for the CPU caches)
POOL_MIN_PAIRS = 200  # fewer candidate pairs than this are aligned in-process (a pool costs more than it saves)


def spans_to_passages(a_name: str, a_text: str, a_tok: tuple, b_name: str, b_text: str, b_tok: tuple,
                      a_published: str | None, b_published: str | None) -> list[Passage]:
    """Align two tokenised documents and express the result in characters of the original texts."""
    ha, sa, ea = a_tok
    hb, sb, eb = b_tok
    src = likely_source(a_published, b_published)
    out = []
    for s in align_tokens(ha, hb):
        snap_to_sentences(s, (a_text, sa, ea), (b_text, sb, eb))
        a0, a1 = char_span(a_text, sa, ea, s.a0, s.a1)
        b0, b1 = char_span(b_text, sb, eb, s.b0, s.b1)
        score = 2 * s.matched / ((s.a1 - s.a0) + (s.b1 - s.b0))
        out.append(Passage(a_name, a0, a1, b_name, b0, b1, min(1.0, score), src))
    return out


def align_pair(a_name: str, a_text: str, b_name: str, b_text: str,
               a_published: str | None = None, b_published: str | None = None) -> list[Passage]:
    """Passages that documents a and b share, with character offsets into each text."""
    toks = tokenize([a_text, b_text])
    return spans_to_passages(a_name, a_text, toks.of(0), b_name, b_text, toks.of(1), a_published, b_published)


def hash_batch(texts: list[str]) -> tuple[Tokens, np.ndarray, np.ndarray]:
    """Tokens of a batch, its shingle hashes and the batch-local document index of each shingle."""
    toks = tokenize(texts)
    sh, first = shingles(toks, SHINGLE)
    return toks, sh, np.searchsorted(toks.bounds, first, side="right") - 1


class Corpus:
    """Texts and their tokens, concatenated batch by batch."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.texts: list[str] = []
        self.published: list[str | None] = []
        self._parts: list[Tokens] = []
        self.tokens: Tokens | None = None
        self.sh_hash: np.ndarray | None = None
        self.sh_doc: np.ndarray | None = None
        self._sh: list[np.ndarray] = []
        self._shd: list[np.ndarray] = []

    def add_batch(self, batch: list[tuple[str, str, str | None]], hashed: tuple | None = None) -> None:
        """Append documents; `hashed` is `hash_batch` of their texts when a worker already computed it."""
        first_doc = len(self.names)
        texts = [t for _, t, _ in batch]
        self.names += [n for n, _, _ in batch]
        self.texts += texts
        self.published += [p for _, _, p in batch]
        toks, sh, doc = hashed if hashed is not None else hash_batch(texts)
        self._parts.append(toks)
        self._sh.append(sh)
        self._shd.append((doc + first_doc).astype(np.int32))

    def finish(self) -> None:
        parts = self._parts
        offsets = np.cumsum([0] + [len(p.hashes) for p in parts])
        bounds = [np.zeros(1, np.int64)] + [p.bounds[1:] + off for p, off in zip(parts, offsets, strict=False)]
        self.tokens = Tokens(np.concatenate([p.hashes for p in parts]), np.concatenate([p.starts for p in parts]),
                             np.concatenate([p.ends for p in parts]), np.concatenate(bounds))
        self._parts = []
        self.sh_hash = np.concatenate(self._sh) if self._sh else np.zeros(0, np.uint64)
        self.sh_doc = np.concatenate(self._shd) if self._shd else np.zeros(0, np.int32)
        self._sh, self._shd = [], []

    def candidate_pairs(self) -> np.ndarray:
        """(n, 2) array of document pairs (lower index first) sharing at least MIN_SEEDS rare shingles."""
        h, d = self.sh_hash, self.sh_doc
        # one entry per (shingle, document): a phrase repeated inside one document counts once. Shingles were
        # appended in document order, so a stable sort on the hash keeps documents ascending inside a group.
        key_order = np.argsort(h, kind="stable")
        h, d = h[key_order], d[key_order]
        del key_order
        keep = np.ones(len(h), dtype=bool)
        keep[1:] = (h[1:] != h[:-1]) | (d[1:] != d[:-1])
        h, d = h[keep], d[keep]
        self.sh_hash = self.sh_doc = None  # free memory before pairing
        brk = np.ones(len(h) + 1, dtype=bool)
        brk[1:-1] = h[1:] != h[:-1]
        starts = np.flatnonzero(brk)
        sizes = np.diff(starts)
        starts = starts[:-1]
        n = len(self.names)
        keys = []
        for size in range(2, MAX_DF + 1):
            g = starts[sizes == size]
            if not len(g):
                continue
            members = d[g[:, None] + np.arange(size)]  # (groups, size), doc indices ascending
            for x in range(size):
                for y in range(x + 1, size):
                    keys.append(members[:, x].astype(np.int64) * n + members[:, y])
        if not keys:
            return np.zeros((0, 2), dtype=np.int64)
        allkeys = np.concatenate(keys)
        uniq, counts = np.unique(allkeys, return_counts=True)
        uniq = uniq[counts >= MIN_SEEDS]
        return np.stack([uniq // n, uniq % n], axis=1)

    def align(self, x: int, y: int) -> list[Passage]:
        assert self.tokens is not None
        return spans_to_passages(self.names[x], self.texts[x], self.tokens.of(x), self.names[y], self.texts[y],
                                 self.tokens.of(y), self.published[x], self.published[y])


_CORPUS: Corpus | None = None  # read by forked workers (inherited, not pickled)


def _align_chunk(pairs: np.ndarray) -> list[Passage]:
    assert _CORPUS is not None
    out: list[Passage] = []
    for x, y in pairs.tolist():
        out += _CORPUS.align(x, y)
    return out


def find_reuse(docs: Iterable[tuple[str, str, str | None]], workers: int = 2, progress: bool = True) -> list[Passage]:
    """Every passage shared by two documents of `docs` ((name, text, published) triples). Each pair is reported
    once, `a_doc` being the document that came first."""
    global _CORPUS
    corpus = Corpus()
    bar = _bar(progress, "reading", "docs")
    batches = _batches(docs)
    head = list(itertools.islice(batches, 2))
    batches = itertools.chain(head, batches)
    if workers > 1 and len(head) > 1 and "fork" in mp.get_all_start_methods():
        # hashing runs in the workers while this process reads and parses the next batches
        with mp.get_context("fork").Pool(workers) as pool:
            pending: deque = deque()
            for batch in batches:
                pending.append((batch, pool.apply_async(hash_batch, ([t for _, t, _ in batch],))))
                while len(pending) > 2 * workers or (pending and pending[0][1].ready()):
                    done, res = pending.popleft()
                    corpus.add_batch(done, res.get())
                    bar.update(len(done))
            while pending:
                done, res = pending.popleft()
                corpus.add_batch(done, res.get())
                bar.update(len(done))
    else:
        for batch in batches:
            corpus.add_batch(batch)
            bar.update(len(batch))
    bar.close()
    if not corpus.names:
        return []
    corpus.finish()
    pairs = corpus.candidate_pairs()
    _CORPUS = corpus
    try:
        return _run_alignment(pairs, workers, progress)
    finally:
        _CORPUS = None


def _batches(docs: Iterable[tuple[str, str, str | None]]) -> Iterator[list[tuple[str, str, str | None]]]:
    batch: list[tuple[str, str, str | None]] = []
    for item in docs:
        batch.append((str(item[0]), item[1] or "", item[2] if len(item) > 2 else None))
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _run_alignment(pairs: np.ndarray, workers: int, progress: bool) -> list[Passage]:
    bar = _bar(progress, "aligning", "pairs", total=len(pairs))
    out: list[Passage] = []
    chunks = np.array_split(pairs, max(1, min(len(pairs) // 50, 64))) if len(pairs) else []
    if workers > 1 and len(pairs) >= POOL_MIN_PAIRS and "fork" in mp.get_all_start_methods():
        with mp.get_context("fork").Pool(workers) as pool:
            for chunk, res in zip(chunks, pool.imap(_align_chunk, chunks), strict=True):
                out += res
                bar.update(len(chunk))
    else:
        for chunk in chunks:
            out += _align_chunk(chunk)
            bar.update(len(chunk))
    bar.close()
    return out


class _NoBar:
    def update(self, n: int) -> None:
        pass

    def close(self) -> None:
        pass


def _bar(progress: bool, desc: str, unit: str, total: int | None = None):
    if not progress:
        return _NoBar()
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit=f" {unit}", file=sys.stderr, mininterval=0.5, leave=False)
