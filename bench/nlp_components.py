"""What each spaCy component costs: words/s of the full pipeline, then with each component excluded in turn.

    .venv/bin/python bench/nlp_components.py [--lang fr|en] [--docs 150] [--seed 1]

Texts are the French (or English) documents of bench/ingest_speed.py's generated corpus. Each configuration is
loaded fresh, warmed up on a few texts, then timed on all of them with `nlp.pipe`; the figure is words per
CPU-second (process time, so other load on the machine matters less) and wall-clock words/s. The last line is the
configuration veille uses (`veille.nlp.pipeline.EXCLUDE`). Figures only, no assertion.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ingest_speed import make_corpus  # noqa: E402 - sibling script, not a package


def measure(model: str, texts: list[str], exclude: list[str]) -> tuple[float, float] | str:
    """(words per CPU-second, words per wall second), or why the configuration cannot run."""
    import spacy

    try:
        nlp = spacy.load(model, exclude=exclude)
        nlp.max_length = 3_000_000
        list(nlp.pipe(texts[:5]))
    except Exception as exc:  # noqa: BLE001 - a component others listen to cannot be removed alone
        return f"cannot run: {type(exc).__name__}: {str(exc).splitlines()[0][:90]}"
    words = sum(len(t.split()) for t in texts)
    c0, t0 = time.process_time(), time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return words / (time.process_time() - c0), words / (time.perf_counter() - t0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", choices=["fr", "en"], default="fr")
    ap.add_argument("--docs", type=int, default=150, help="documents of the chosen language to time")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    import spacy

    from veille.nlp.pipeline import EXCLUDE, MODEL_NAMES

    model = MODEL_NAMES[args.lang]
    corpus = [d["text"] for d in make_corpus(args.docs * (6 if args.lang == "en" else 2), args.seed)
              if d["lang"] == args.lang][:args.docs]
    words = sum(len(t.split()) for t in corpus)
    components = spacy.load(model).pipe_names
    print(f"{model}: components {', '.join(components)}; {len(corpus)} texts, {words:,} words")
    print(f"{'configuration':<42} {'words/CPU-s':>12} {'words/s':>10} {'vs full':>8}")
    full = measure(model, corpus, [])
    configs: list[tuple[str, list[str]]] = [("full pipeline", [])]
    configs += [(f"without {c}", [c]) for c in components]
    configs += [("tokenizer only", list(components)), (f"veille (without {', '.join(EXCLUDE[args.lang])})",
                                                        EXCLUDE[args.lang])]
    for label, exclude in configs:
        res = full if not exclude else measure(model, corpus, exclude)
        if isinstance(res, str):
            print(f"{label:<42} {res}")
            continue
        ratio = res[0] / full[0] if not isinstance(full, str) else float("nan")
        print(f"{label:<42} {res[0]:>12,.0f} {res[1]:>10,.0f} {ratio:>7.2f}x")


if __name__ == "__main__":
    main()
