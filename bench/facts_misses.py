"""Dump the gold facts the extractor misses, with what it produced around each quote (a development aid).

    .venv/bin/python bench/facts_misses.py [DOCS_DIR GOLD_DIR] [--all]
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import defaultdict
from pathlib import Path

from veille.ingest import read_paths
from veille.pipeline import analyze

EVAL = Path(__file__).resolve().parents[2] / "shared/eval"


def _score_mod():
    spec = importlib.util.spec_from_file_location("score", EVAL / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    docs_dir = Path(args[0]) if args else Path("eval/dev/docs")
    gold_dir = Path(args[1]) if len(args) > 1 else Path("eval/dev/gold")
    sc = _score_mod()
    golds = {json.loads(p.read_text())["doc"]: json.loads(p.read_text()) for p in gold_dir.glob("*.json")}
    counts = defaultdict(int)
    for doc in read_paths([str(docs_dir)]):
        g = golds.get(doc.name)
        if g is None:
            continue
        d = sc.Doc(g, doc.text)
        a = analyze(doc)
        votes: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for m in a.mentions:
            k = d.best_key((m.start, m.end))
            if k:
                votes[m.entity][k] += 1
        keymap = {e: max(v, key=v.get) for e, v in votes.items()}
        print(f"===== {doc.name}")
        for gf in g["facts"]:
            gpair = {gf["subject"], gf["object"]} if gf["object"] else {gf["subject"]}
            q = d.quote_span(gf["quote"])
            best, why = 0, "pair"
            for f in a.facts:
                if {keymap.get(f.subject), keymap.get(f.object)} - {None} != gpair:
                    continue
                lvl = 1
                if sc.date_agrees(gf.get("start"), f.start) and sc.date_agrees(gf.get("end"), f.end):
                    lvl = 2
                    if f.relation == gf["relation"] and keymap.get(f.subject) == gf["subject"]:
                        lvl = 3
                cited = q is not None and sc.overlap((f.span_start, f.span_end), q) > 0
                best = max(best, lvl * 2 + cited)
            lvl, cited = best // 2, best % 2
            status = ["PAIR", "DATE", "STRICT", "ok"][lvl]
            if lvl == 3 and not cited:
                status = "CITE"
            counts[status] += 1
            if status == "ok" and "--all" not in sys.argv:
                continue
            print(f"[{status}] {gf['subject']} {gf['relation']} {gf['object']} {gf.get('start')} {gf.get('end')}"
                  f"\n    Q: {gf['quote']!r}")
            if q:
                ms = [f"{m.text}->{keymap.get(m.entity, '?' + m.entity)}" for m in a.mentions
                      if m.start < q[1] + 60 and m.end > q[0] - 60]
                print("    M:", ", ".join(ms))
                for f in a.facts:
                    if f.span_start < q[1] and f.span_end > q[0]:
                        print(f"    P: {keymap.get(f.subject, f.subject)} {f.relation} "
                              f"{keymap.get(f.object, f.object)} {f.start} {f.end} [{f.trigger}] {f.quote[:90]!r}")
    print(dict(counts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
