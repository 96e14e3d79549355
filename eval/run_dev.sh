#!/usr/bin/env bash
# Scores veille on the development set (eval/dev): checks the gold files, then runs ../shared/eval/run.sh on them.
#   bash eval/run_dev.sh [--json]      (run from the repository root)
set -euo pipefail
cd "$(dirname "$0")/.."
py=.venv/bin/python; [ -x "$py" ] || py=python3
# Gold sanity check: aliases and quotes verbatim in the text, relations/types in FORMAT.md's vocabulary, known keys.
"$py" - eval/dev <<'PYEOF'
import json, re, sys
from pathlib import Path
root = Path(sys.argv[1])
REL = set("member_of observer_of participates_in contributes_to partner_of cooperates_with agreement_with mediates "
          "supports opposes threatens attacks sanctions supplies leader_of part_of located_in succeeded_by proposes "
          "meets other".split())
TYPES = set("country organization programme operation person place company agreement event other".split())
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
errs = []
for gp in sorted((root / "gold").glob("*.json")):
    g = json.loads(gp.read_text(encoding="utf-8"))
    text = (root / "docs" / g["doc"]).read_text(encoding="utf-8")
    def err(m, d=g["doc"]):
        errs.append(f"{d}: {m}")
    keys = {e["key"] for e in g["entities"]}
    for e in g["entities"]:
        if e["type"] not in TYPES:
            err(f"bad type {e['type']!r}")
        for a in e["aliases"]:
            if not re.search(r"(?<!\w)" + re.escape(a) + r"(?!\w)", text):
                err(f"alias not in text: {a!r}")
    for f in g["facts"]:
        if f["relation"] not in REL:
            err(f"bad relation {f['relation']!r}")
        for k in ("subject", "object"):
            if f[k] is not None and f[k] not in keys:
                err(f"unknown {k} {f[k]!r}")
        for k in ("start", "end"):
            if f[k] is not None and not DATE.match(f[k]):
                err(f"bad date {f[k]!r}")
        if f["quote"] not in text:
            err(f"quote not in text: {f['quote'][:60]!r}")
    for r in g["reuse"]:
        if r["quote"] not in text:
            err(f"reuse quote not in text: {r['quote'][:60]!r}")
print("\n".join(errs) or f"gold check OK ({len(list((root / 'gold').glob('*.json')))} documents)")
sys.exit(1 if errs else 0)
PYEOF
../shared/eval/run.sh eval/dev/docs eval/dev/gold "$@"
