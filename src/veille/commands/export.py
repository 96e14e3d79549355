"""`veille export --format jsonl|csv|graphml|gexf|ftm --out DIR`."""

from __future__ import annotations

import argparse

from veille.store import db


def run(args: argparse.Namespace) -> int:
    conn = db.connect(args.db, readonly=True)
    if args.format == "jsonl":
        from veille.export.jsonl import export_jsonl

        counts = export_jsonl(conn, args.out)
    else:
        from veille.export import formats

        counts = formats.export(conn, args.format, args.out)
    for name, n in counts.items():
        print(f"{args.out}/{name}: {n} lines")
    return 0


def add_command(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="write the knowledge base to files")
    p.add_argument("--format", default="jsonl", choices=["jsonl", "csv", "graphml", "gexf", "ftm"])
    p.add_argument("--out", required=True, help="output folder")
    p.set_defaults(func=run)
