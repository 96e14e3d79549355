"""Score the facts stage alone: analyse documents in-process, write entities.jsonl (from the mentions) and
facts.jsonl in the export format, run the evaluation's score.py on them.

    .venv/bin/python bench/facts_score.py [DOCS_DIR GOLD_DIR] [--show]
    .venv/bin/python bench/facts_score.py [DOCS_DIR GOLD_DIR] --misses [--all] [--pred]   (what was missed, and why)
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from veille.ingest import read_paths
from veille.pipeline import analyze

EVAL = Path(__file__).resolve().parents[2] / "shared/eval"


def main() -> int:
    if "--misses" in sys.argv or "--pred" in sys.argv:
        return show_misses()
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    docs_dir = Path(args[0]) if args else EVAL / "seeds/docs"
    gold_dir = Path(args[1]) if len(args) > 1 else EVAL / "seeds/gold"
    entities: dict[str, dict] = {}
    facts = []
    for doc in read_paths([str(docs_dir)]):
        a = analyze(doc)
        for m in a.mentions:
            e = entities.setdefault(m.entity, {"id": m.entity, "name": m.entity, "type": m.type, "mentions": []})
            e["mentions"].append({"doc": doc.name, "start": m.start, "end": m.end, "text": m.text})
        for f in a.facts:
            facts.append({"id": f"f{len(facts)}", "subject": f.subject, "relation": f.relation, "object": f.object,
                          "start": f.start, "end": f.end, "confidence": f.confidence, "plover": f.plover,
                          "what": f.what, "quantity": f.quantity,
                          "sources": [{"doc": doc.name, "start": f.span_start, "end": f.span_end, "quote": f.quote}]})
            if "--show" in sys.argv:
                print(f"{doc.name[:3]} {f.subject:28s} {f.relation:15s} {str(f.object):28s} {f.start} {f.end} "
                      f"[{f.trigger}] {f.what or ''} {f.quantity or ''} | {f.quote[:110]!r}")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        with (out / "entities.jsonl").open("w", encoding="utf-8") as fh:
            for e in entities.values():
                fh.write(json.dumps(e, ensure_ascii=False) + "\n")
        with (out / "facts.jsonl").open("w", encoding="utf-8") as fh:
            for f in facts:
                fh.write(json.dumps(f, ensure_ascii=False) + "\n")
        return subprocess.call([sys.executable, str(EVAL / "score.py"), "--gold", str(gold_dir), "--docs",
                                str(docs_dir), "--pred", str(out)])


def _score_mod():
    spec = importlib.util.spec_from_file_location("score", EVAL / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def show_misses() -> int:
    """Print each gold fact not fully matched ([PAIR]/[DATE]/[STRICT]/[CITE]) with the mentions and the predicted
    facts around its quote; with --pred, list every predicted fact marked T/F by whether gold pairs its entities."""
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    docs_dir = Path(args[0]) if args else EVAL / "seeds/docs"
    gold_dir = Path(args[1]) if len(args) > 1 else EVAL / "seeds/gold"
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
        if "--pred" in sys.argv:
            gpairs = {frozenset({gf["subject"], gf["object"]} - {None}) for gf in g["facts"]}
            for f in a.facts:
                ok = frozenset({keymap.get(f.subject), keymap.get(f.object)} - {None}) in gpairs
                print(f"  {'T' if ok else 'F'} {f.confidence:.2f} {keymap.get(f.subject, f.subject)} {f.relation} "
                      f"{keymap.get(f.object, f.object)} [{f.trigger}] {f.quote[:100]!r}")
            continue
        for gf in g["facts"]:
            gpair = {gf["subject"], gf["object"]} if gf["object"] else {gf["subject"]}
            q = d.quote_span(gf["quote"])
            best = 0
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
