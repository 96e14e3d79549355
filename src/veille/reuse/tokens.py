"""Vectorised normalisation and hashing of texts into word tokens and word n-gram shingles.

Texts become arrays of code points (numpy), mapped through a lookup table that casefolds, strips accents and turns
every non-alphanumeric character (apostrophes, hyphens, punctuation, spaces) into a separator. The mapping keeps
one code point per original code point, so token offsets are offsets into the original text. Each token gets a
stable 64-bit hash (the same in every process and run, so hashes can be stored in SQLite), computed without a
Python loop per token.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

SHINGLE = 5  # word n-gram length of the candidate index

_M1 = np.uint64(0xBF58476D1CE4E5B9)
_M2 = np.uint64(0x94D049BB133111EB)
_P1 = np.uint64(0x9E3779B97F4A7C15)
_P2 = np.uint64(0xC2B2AE3D27D4EB4F)
# one multiplier per position inside an n-gram
_NGRAM_MULT = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93,
                        0xA0761D6478BD642F, 0xE7037ED1A0B428DB, 0x8EBC6AF09C88C6E3, 0x589965CC75374CC3],
                       dtype=np.uint64)


def mix64(x: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser, element-wise, modulo 2**64 (in place on a copy)."""
    x = x.astype(np.uint64, copy=True)
    x ^= x >> np.uint64(30)
    x *= _M1
    x ^= x >> np.uint64(27)
    x *= _M2
    x ^= x >> np.uint64(31)
    return x


@lru_cache(maxsize=1)
def lookup_table() -> np.ndarray:
    """Code point (BMP) -> normalised code point, 0 for separators."""
    table = np.zeros(0x10000, dtype=np.uint32)
    for cp in range(0x10000):
        ch = chr(cp)
        if not ch.isalnum():
            continue
        if cp >= 0x3000:  # CJK and other scripts without case or accents worth folding
            table[cp] = cp
            continue
        decomposed = unicodedata.normalize("NFKD", ch)
        if decomposed != ch:
            decomposed = "".join(c for c in decomposed if not unicodedata.combining(c))
        base = decomposed.lower()
        table[cp] = ord(base[0]) if base else ord(ch)
    return table


@dataclass
class Tokens:
    """Tokens of a batch of texts, concatenated; `bounds[d]:bounds[d+1]` are the tokens of text d."""

    hashes: np.ndarray  # uint64 per token
    starts: np.ndarray  # int32, offset in its own text
    ends: np.ndarray  # int32
    bounds: np.ndarray  # int64, len(texts) + 1

    def of(self, d: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        lo, hi = self.bounds[d], self.bounds[d + 1]
        return self.hashes[lo:hi], self.starts[lo:hi], self.ends[lo:hi]


def tokenize(texts: list[str]) -> Tokens:
    """Tokenise and hash a batch of texts at once."""
    lengths = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    text_starts = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum(lengths + 1, out=text_starts[1:])
    cps = np.frombuffer("\n".join(texts).encode("utf-32-le"), dtype=np.uint32)
    table = lookup_table()
    codes = table[np.minimum(cps, 0xFFFF)]
    astral = cps > 0xFFFF
    if astral.any():
        codes[astral] = cps[astral]
    del cps
    is_tok = codes != 0
    edge = np.empty(len(is_tok) + 1, dtype=bool)
    edge[0] = is_tok[0] if len(is_tok) else False
    edge[-1] = is_tok[-1] if len(is_tok) else False
    np.not_equal(is_tok[1:], is_tok[:-1], out=edge[1:-1])
    flips = np.flatnonzero(edge)
    tok_start, tok_end = flips[0::2], flips[1::2]
    idx = np.flatnonzero(is_tok)
    if len(idx):
        # offset of each token character inside its token
        first_in_idx = np.zeros(len(tok_start), dtype=np.int64)
        np.cumsum((tok_end - tok_start)[:-1], out=first_in_idx[1:])
        tok_of_char = np.zeros(len(idx), dtype=np.int64)
        tok_of_char[first_in_idx[1:]] = 1
        np.cumsum(tok_of_char, out=tok_of_char)
        rel = (idx - tok_start[tok_of_char]).astype(np.uint64)
        x = codes[idx].astype(np.uint64) * _P1 + rel * _P2
        hashes = np.add.reduceat(mix64(x), first_in_idx)
        hashes = mix64(hashes ^ (tok_end - tok_start).astype(np.uint64))
    else:
        hashes = np.zeros(0, dtype=np.uint64)
    doc_of_tok = np.searchsorted(text_starts, tok_start, side="right") - 1
    base = text_starts[doc_of_tok]
    bounds = np.searchsorted(doc_of_tok, np.arange(len(texts) + 1), side="left").astype(np.int64)
    return Tokens(hashes, (tok_start - base).astype(np.int32), (tok_end - base).astype(np.int32), bounds)


def ngram_hashes(hashes: np.ndarray, n: int) -> np.ndarray:
    """Hash of every run of n consecutive tokens (len(hashes) - n + 1 values)."""
    m = len(hashes) - n + 1
    if m <= 0:
        return np.zeros(0, dtype=np.uint64)
    acc = hashes[:m] * _NGRAM_MULT[0]
    for k in range(1, n):
        acc += hashes[k:k + m] * _NGRAM_MULT[k]
    return mix64(acc)


def shingles(tokens: Tokens, n: int = SHINGLE) -> tuple[np.ndarray, np.ndarray]:
    """Shingle hashes of a batch and the global index of each shingle's first token (none cross two texts)."""
    sh = ngram_hashes(tokens.hashes, n)
    first = np.arange(len(sh), dtype=np.int64)
    counts = np.diff(tokens.bounds)
    doc_of = np.repeat(np.arange(len(counts)), counts)[: len(sh)]
    ok = first + n <= tokens.bounds[doc_of + 1]
    return sh[ok], first[ok]
