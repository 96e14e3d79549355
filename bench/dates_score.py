"""Score veille's temporal-expression extractor against the labelled sentences of eval/timex/{fr,en}.jsonl.

A predicted expression matches a gold one when their character spans overlap (one-to-one, largest overlap
first). Span P/R/F1 counts matches; value P/R/F1 counts matches whose values are equal (intervals compared
as {"from", "to"} dicts). Figures are printed per language and overall.

    .venv/bin/python bench/dates_score.py [--lang fr|en] [--misses] [--json]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from veille.time import extract

GOLD_DIR = Path(__file__).resolve().parents[1] / "eval/timex"
Value = str | dict[str, str | None] | None


@dataclass
class Span:
    """One temporal expression, gold or predicted, located in its sentence."""

    start: int
    end: int
    text: str
    value: Value


@dataclass
class Tally:
    """Counts for one language (or all): gold, predicted, span matches, value matches, and the misses."""

    gold: int = 0
    pred: int = 0
    span_ok: int = 0
    value_ok: int = 0
    misses: list[tuple[str, str, str, str]] = field(default_factory=list)  # (kind, sentence id, label, detail)

    def add(self, other: Tally) -> None:
        self.gold += other.gold
        self.pred += other.pred
        self.span_ok += other.span_ok
        self.value_ok += other.value_ok
        self.misses += other.misses


def prf(ok: int, pred: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 (0 when undefined)."""
    p = ok / pred if pred else 0.0
    r = ok / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def norm_value(value: object) -> Value:
    """A value comparable across gold and prediction: a string, or a {"from", "to"} dict."""
    if isinstance(value, dict):
        return {"from": value.get("from"), "to": value.get("to")}
    return None if value is None else str(value)


def locate(text: str, needle: str, occurrence: int = 1) -> int:
    """Character offset of the n-th occurrence of `needle` in `text`; raises if absent."""
    pos = -1
    for _ in range(occurrence):
        pos = text.find(needle, pos + 1)
        if pos < 0:
            raise ValueError(f"{needle!r} (occurrence {occurrence}) not in {text!r}")
    return pos


def gold_spans(row: dict) -> list[Span]:
    spans = []
    for t in row["timexes"]:
        start = locate(row["text"], t["text"], t.get("occurrence", 1))
        spans.append(Span(start, start + len(t["text"]), t["text"], norm_value(t["value"])))
    return spans


def match(gold: list[Span], pred: list[Span]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index) of overlapping spans, largest overlap first."""
    candidates = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            overlap = min(g.end, p.end) - max(g.start, p.start)
            if overlap > 0:
                candidates.append((overlap, i, j))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, i, j in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return pairs


_KINDS: list[tuple[str, str]] = [
    ("ago", r"\b(il y a|ago)\b"),
    ("weekday", r"\b(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|"
                r"friday|saturday|sunday)\b"),
    ("day-word", r"\b(hier|demain|aujourd|yesterday|tomorrow|today)\b"),
    ("week", r"\b(semaine|week)\b"),
    ("this/last/next month", r"\b(mois|month)\b"),
    ("this/last/next year", r"\b(an|année|year)\b"),
    ("fuzzy part", r"\b(début|fin|mi|early|late|mid|end)\b"),
]


def kind_of(span: Span) -> str:
    """A coarse label of what kind of expression this is, to group the misses."""
    low = span.text.lower()
    for name, pattern in _KINDS:
        if re.search(pattern, low):
            return name
    v = span.value
    if isinstance(v, dict):
        if v["from"] and v["to"]:
            return "interval"
        return "open start" if v["from"] else "open end"
    if v is None:
        return "no value"
    has_year = bool(re.search(r"\b\d{4}\b", span.text))
    precision = {4: "year", 7: "month", 10: "day"}.get(len(v), "other")
    return f"{precision}{'' if has_year else ' (no year)'}"


def fp_kind(span: Span) -> str:
    """What a spurious prediction looks like: numeric shape or word."""
    if re.fullmatch(r"[\W\d_]+", span.text):
        return "number-like"
    return "words" if not re.search(r"\d", span.text) else "words+digits"


def show(v: Value) -> str:
    if isinstance(v, dict):
        return f"{v['from'] or '…'}/{v['to'] or '…'}"
    return str(v)


def score_file(path: Path) -> Tally:
    tally = Tally()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        gold = gold_spans(row)
        pred = [Span(t.start, t.end, t.text, norm_value(t.value))
                for t in extract(row["text"], row["lang"], anchor=row.get("published"))]
        pairs = match(gold, pred)
        tally.gold += len(gold)
        tally.pred += len(pred)
        tally.span_ok += len(pairs)
        sid = row["id"]
        for i, j in pairs:
            g, p = gold[i], pred[j]
            if g.value == p.value:
                tally.value_ok += 1
            else:
                tally.misses.append((f"wrong value: {kind_of(g)}", sid, "VAL",
                                     f"{g.text!r} gold={show(g.value)} got {p.text!r}={show(p.value)}"))
        matched_g = {i for i, _ in pairs}
        matched_p = {j for _, j in pairs}
        for i, g in enumerate(gold):
            if i not in matched_g:
                tally.misses.append((f"missed: {kind_of(g)}", sid, "FN", f"{g.text!r} = {show(g.value)}"))
        for j, p in enumerate(pred):
            if j not in matched_p:
                tally.misses.append((f"spurious: {fp_kind(p)}", sid, "FP", f"{p.text!r} = {show(p.value)}"))
    return tally


def report(name: str, t: Tally) -> dict[str, float | int]:
    sp, sr, sf = prf(t.span_ok, t.pred, t.gold)
    vp, vr, vf = prf(t.value_ok, t.pred, t.gold)
    print(f"{name:8} gold={t.gold:4} pred={t.pred:4}  span P={sp:.3f} R={sr:.3f} F1={sf:.3f}  "
          f"value P={vp:.3f} R={vr:.3f} F1={vf:.3f}")
    return {"gold": t.gold, "pred": t.pred, "span_p": sp, "span_r": sr, "span_f1": sf,
            "value_p": vp, "value_r": vr, "value_f1": vf}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", choices=("fr", "en"), help="score one language only")
    ap.add_argument("--misses", action="store_true", help="list every FN / FP / wrong value, then miss kinds")
    ap.add_argument("--json", action="store_true", help="also print the figures as one JSON object")
    ap.add_argument("--gold-dir", type=Path, default=GOLD_DIR, help="directory holding fr.jsonl and en.jsonl")
    args = ap.parse_args(argv)
    langs = [args.lang] if args.lang else ["fr", "en"]
    total = Tally()
    figures: dict[str, dict[str, float | int]] = {}
    per_lang: dict[str, Tally] = {}
    for lang in langs:
        path = args.gold_dir / f"{lang}.jsonl"
        if not path.exists():
            print(f"missing gold file {path}", file=sys.stderr)
            return 2
        per_lang[lang] = score_file(path)
        total.add(per_lang[lang])
    if args.misses:
        for kind, sid, label, detail in sorted(total.misses, key=lambda m: (m[1], m[2])):
            print(f"{sid}\t{label}\t{detail}\t[{kind}]")
        print("\nmiss kinds:")
        for kind, n in Counter(m[0] for m in total.misses).most_common():
            print(f"{n:4}  {kind}")
        print()
    for lang, t in per_lang.items():
        figures[lang] = report(lang, t)
    if len(per_lang) > 1:
        figures["all"] = report("all", total)
    if args.json:
        print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
