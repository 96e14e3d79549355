"""`veille reuse`: copied passages, standalone on files or read from the knowledge base.

    veille reuse PATH... [--out pairs.jsonl] [--workers N]   # folders of .txt/.md, JSONL corpora; no NLP, no store
    veille --db kb.sqlite reuse --doc NAME                    # a stored document's passages, differences marked
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from pathlib import Path


def add_command(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("reuse", help="find passages copied between documents, or show a document's",
                              description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("paths", nargs="*", metavar="PATH", help="folders of .txt/.md files or JSONL files "
                   "(records with id, text, optional published)")
    p.add_argument("--out", help="write reuse.jsonl lines here (default: standard output)")
    p.add_argument("--doc", metavar="NAME", help="print the stored passages of this document side by side")
    p.add_argument("--workers", type=int, default=2, help="processes used for alignment (default 2)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar on standard error")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.doc:
        return show_document(args.db, args.doc)
    if not args.paths:
        print("veille reuse: give PATHs to scan, or --doc NAME to show a stored document's passages",
              file=sys.stderr)
        return 2
    from veille.reuse.engine import find_reuse
    from veille.reuse.reader import iter_documents

    try:
        passages = find_reuse(iter_documents(args.paths), workers=max(1, args.workers),
                              progress=not args.no_progress)
    except FileNotFoundError as exc:
        print(f"veille reuse: {exc}", file=sys.stderr)
        return 2
    lines = "".join(json.dumps(p.to_json(), ensure_ascii=False) + "\n" for p in passages)
    if args.out:
        out = Path(args.out)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(lines, encoding="utf-8")
        print(f"{len(passages)} passages written to {out}", file=sys.stderr)
    else:
        sys.stdout.write(lines)
    return 0


def show_document(db: str, name: str) -> int:
    from veille.reuse.incremental import passages_for
    from veille.reuse.render import show_passage

    if not Path(db).exists():
        print(f"veille reuse: no knowledge base at {db}", file=sys.stderr)
        return 2
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        texts = {r[0]: (r[1] or "", r[2] or r[3]) for r in conn.execute(
            "SELECT name, text, published, published_inferred FROM documents")}
        if name not in texts:
            print(f"veille reuse: no document named {name!r} in {db}", file=sys.stderr)
            return 1
        try:
            passages = passages_for(conn, name)
        except sqlite3.OperationalError:
            passages = []
    finally:
        conn.close()
    if not passages:
        print(f"{name}: no passage shared with another document")
        return 0
    print(f"{name}: {len(passages)} passage(s) shared with other documents\n")
    for p in passages:
        start, end, other, o_start, o_end = p.side(name)
        src = {"a": p.a_doc, "b": p.b_doc}.get(p.source or "")
        print(show_passage(name, texts[name][0], start, end, other, texts.get(other, ("", None))[0], o_start,
                           o_end, p.score, src))
    return 0
