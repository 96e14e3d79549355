"""Score the facts stage alone: analyse documents in-process, write entities.jsonl (from the mentions) and
facts.jsonl in the export format, run the evaluation's score.py on them.

    .venv/bin/python bench/facts_score.py [DOCS_DIR GOLD_DIR] [--show]
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from veille.ingest import read_paths
from veille.pipeline import analyze

EVAL = Path(__file__).resolve().parents[2] / "shared/eval"


def main() -> int:
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


if __name__ == "__main__":
    sys.exit(main())
