"""Synthetic corpora with planted, lightly edited copies and PAN-style truth, for the reuse benchmark.

    python bench/reuse_gen.py --docs 5000 --out DIR [--seed 1]

Writes DIR/corpus.jsonl (id, text, published) and DIR/truth.jsonl (reuse.jsonl lines: `a` is the source
passage, `b` the planted copy, `source` "a"). Texts are French-ish or English-ish made-up prose drawn from a
Zipfian vocabulary (real function words on top, invented words below); about 14 % of the documents are the
source of one copy and as many the target of one (each used once). A copy is a run of whole sentences of 300–900
characters with ~5 % of its words dropped or replaced, inserted at a sentence boundary of the target.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

FUNCTION_WORDS = {
    "fr": "de la le et les des en du un une à est que pour dans qui au par sur pas plus ne se avec il ce sont "
          "a ont été son sa ses aux leur cette elle nous vous mais ou été entre selon après contre".split(),
    "en": "the of and to in a is that for on with as by was it be are from at this an which has have not "
          "its were their or but been also after between against said will more other".split(),
}
SYLLABLES = {
    "fr": "ba be bi bo bu ca ce ci co cou da de di do dou fa fe fi fo ga ge gi go la le li lo lou ma me mi mo "
          "mou na ne ni no nou pa pe pi po pou ra re ri ro rou sa se si so sou ta te ti to tou va ve vi vo "
          "tion ment eau ain eur ier ette ique oir ance age é è ê ç ille".split(),
    "en": "ba be bi bo bu ca co cu da de di do fa fe fi fo ga ge gi go ha he hi ho la le li lo ma me mi mo "
          "na ne ni no pa pe pi po ra re ri ro sa se si so ta te ti to wa we wi wo ing er ly tion ness ment "
          "ous ful able ight ster".split(),
}
VOCAB = 20000


def vocabulary(lang: str, rng: np.random.Generator) -> tuple[list[str], np.ndarray]:
    """Words ranked by frequency and their Zipf-Mandelbrot probabilities."""
    words = list(FUNCTION_WORDS[lang])
    seen = set(words)
    syl = np.array(SYLLABLES[lang])
    while len(words) < VOCAB:
        lengths = rng.integers(2, 5, size=VOCAB)
        picks = rng.integers(0, len(syl), size=(VOCAB, 4))
        for n, row in zip(lengths.tolist(), syl[picks].tolist(), strict=True):
            w = "".join(row[:n])
            if w not in seen and len(words) < VOCAB:
                seen.add(w)
                words.append(w)
    ranks = np.arange(1, len(words) + 1)
    p = 1.0 / (ranks + 2.7) ** 1.05
    return words, p / p.sum()


def make_sentences(words: list[str], p: np.ndarray, rng: np.random.Generator, chars: int) -> list[str]:
    """Sentences totalling about `chars` characters."""
    out: list[str] = []
    total = 0
    ids = rng.choice(len(words), size=chars // 4, p=p)
    k = 0
    while total < chars:
        n = int(rng.integers(8, 28))
        if k + n > len(ids):
            ids = np.concatenate([ids[k:], rng.choice(len(words), size=chars // 4, p=p)])
            k = 0
        ws = [words[i] for i in ids[k:k + n]]
        k += n
        for c in set(rng.integers(2, n - 1, size=int(rng.integers(0, 3))).tolist()):
            ws[c] += ","
        ws[0] = ws[0].capitalize()
        s = " ".join(ws).rstrip(",") + "."
        out.append(s)
        total += len(s) + 1
    return out


def render(sentences: list[str], rng: np.random.Generator) -> tuple[str, list[int]]:
    """Join sentences into paragraphs; return the text and each sentence's start offset."""
    parts, starts, pos = [], [], 0
    for i, s in enumerate(sentences):
        if i:
            sep = "\n" if rng.random() < 0.2 else " "
            parts.append(sep)
            pos += 1
        starts.append(pos)
        parts.append(s)
        pos += len(s)
    return "".join(parts), starts


def edit_copy(text: str, words: list[str], p: np.ndarray, rng: np.random.Generator, rate: float) -> str:
    """Drop or replace about `rate` of the words (a word carrying the sentence's period is only replaced)."""
    out = []
    for piece in text.split(" "):
        r = rng.random()
        if "\n" in piece:
            r = 1.0
        if r < rate / 2 and not piece.endswith("."):
            continue
        if r < rate:
            core = piece.rstrip(".,")
            new = words[int(rng.choice(len(words), p=p))]
            if core[:1].isupper():
                new = new.capitalize()
            piece = new + piece[len(core):]
        out.append(piece)
    return " ".join(out)


def generate(n_docs: int, seed: int = 1, copy_share: float = 0.14, rate: float = 0.05
             ) -> tuple[list[dict], list[dict]]:
    rng = np.random.default_rng(seed)
    vocab = {lang: vocabulary(lang, rng) for lang in ("fr", "en")}
    langs = rng.choice(["fr", "en"], size=n_docs)
    sents, texts, starts = [], [], []
    for i in range(n_docs):
        words, p = vocab[langs[i]]
        s = make_sentences(words, p, rng, int(rng.integers(3600, 4400)))
        t, st = render(s, rng)
        sents.append(s)
        texts.append(t)
        starts.append(st)
    published = [f"20{int(rng.integers(18, 25))}-{int(rng.integers(1, 13)):02d}-{int(rng.integers(1, 29)):02d}"
                 for _ in range(n_docs)]
    n_copies = int(round(n_docs * copy_share))
    truth = []
    for lang in ("fr", "en"):
        pool = rng.permutation(np.flatnonzero(langs == lang))
        k = min(int(round(n_copies * np.mean(langs == lang))), len(pool) // 2)
        for src, tgt in zip(pool[:k].tolist(), pool[k:2 * k].tolist(), strict=True):
            truth.append(_plant(src, tgt, texts, sents, starts, published, vocab[lang], rng, rate))
    docs = [{"id": f"doc{i:06d}", "text": texts[i], "published": published[i]} for i in range(n_docs)]
    for t in truth:
        t["a"]["doc"], t["b"]["doc"] = docs[t["a"]["doc"]]["id"], docs[t["b"]["doc"]]["id"]
    return docs, truth


def _plant(src: int, tgt: int, texts: list[str], sents: list[list[str]], starts: list[list[int]],
           published: list[str], vocab: tuple[list[str], np.ndarray], rng: np.random.Generator, rate: float) -> dict:
    want = int(rng.integers(300, 901))
    ss = sents[src]
    first = int(rng.integers(0, len(ss)))
    last = first
    while last + 1 < len(ss) and starts[src][last + 1] + len(ss[last + 1]) - starts[src][first] <= want:
        last += 1
    while starts[src][last] + len(ss[last]) - starts[src][first] < 300 and first > 0:
        first -= 1
    a0, a1 = starts[src][first], starts[src][last] + len(ss[last])
    copy = edit_copy(texts[src][a0:a1], *vocab, rng, rate)
    at = starts[tgt][int(rng.integers(0, len(starts[tgt])))]
    texts[tgt] = texts[tgt][:at] + copy + " " + texts[tgt][at:]
    # the target's sentence offsets after the insertion point move by the copy's length
    shift = len(copy) + 1
    starts[tgt] = [s if s < at else s + shift for s in starts[tgt]]
    if published[tgt] <= published[src]:
        published[src], published[tgt] = min(published[src], published[tgt]), max(published[src], published[tgt])
        if published[src] == published[tgt]:
            published[src] = "2017-01-01"
    return {"a": {"doc": src, "start": a0, "end": a1}, "b": {"doc": tgt, "start": at, "end": at + len(copy)},
            "score": 1.0, "source": "a"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    docs, truth = generate(args.docs, args.seed)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with (out / "corpus.jsonl").open("w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(d, ensure_ascii=False) + "\n" for d in docs)
    with (out / "truth.jsonl").open("w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(t, ensure_ascii=False) + "\n" for t in truth)
    print(f"{len(docs)} documents, {len(truth)} planted copies -> {out}")


if __name__ == "__main__":
    main()
