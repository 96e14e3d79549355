"""`veille dates [--published DATE] [--lang fr|en] [--json] FILE|-`: list the temporal expressions of a text."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from veille.time import extract, infer_publication


def _detect_lang(text: str) -> str:
    try:
        from veille.ingest.lang import detect_lang
    except ImportError:  # the ingest stage is optional for this command
        return "fr" if sum(text.count(w) for w in (" le ", " la ", " les ", " des ")) >= \
            sum(text.count(w) for w in (" the ", " and ", " of ")) else "en"
    return detect_lang(text)


def run(args: argparse.Namespace) -> int:
    text = sys.stdin.read() if args.file == "-" else Path(args.file).read_text(encoding="utf-8")
    lang = args.lang or _detect_lang(text)
    anchor, inferred = args.published, False
    if not anchor:
        anchor, inferred = infer_publication(text, lang), True  # the same anchor `veille ingest` infers
    print(f"# lang={lang} anchor={anchor}{' (inferred)' if inferred and anchor else ''}", file=sys.stderr)
    for t in extract(text, lang, anchor, anchor_inferred=inferred):
        if args.json:
            row: dict[str, object] = {"start": t.start, "end": t.end, "text": t.text, "value": t.value}
            if t.mod:
                row["mod"] = t.mod
            if t.inferred:
                row["inferred"] = True
            print(json.dumps(row, ensure_ascii=False))
        else:
            value = t.value if isinstance(t.value, str) else f"{t.value['from'] or '…'}/{t.value['to'] or '…'}"
            flags = " ".join(x for x in (t.mod or "", "inferred" if t.inferred else "") if x)
            print(f"{t.start}\t{t.end}\t{value}\t{t.text}" + (f"\t{flags}" if flags else ""))
    return 0


def add_command(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("dates", help="list temporal expressions with their spans and ISO values")
    p.add_argument("file", metavar="FILE|-", help="text file, or - for standard input")
    p.add_argument("--published", metavar="DATE", help="publication date (ISO) relative expressions resolve to; "
                   "guessed from the text when absent")
    p.add_argument("--lang", choices=("fr", "en"), help="language (detected when absent)")
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p.set_defaults(func=run)
