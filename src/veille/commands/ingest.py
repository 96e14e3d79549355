"""`veille ingest PATH...`: read, analyse and store documents, corpus-level steps included.

Each document is written in its own transaction together with its copied passages and its merged facts, so the
store is complete when the command returns, and consistent if it is killed at any point. A document whose text
is already stored under the same name is skipped; a changed text replaces the old version. Documents that cannot
be ingested are listed at the end by name with the reason, and the batch goes on.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass

from tqdm import tqdm

from veille.ingest import Rejected, read_paths
from veille.model import Analysis, Document
from veille.store import db
from veille.store.facts import mark_copied, save_facts


@dataclass
class Report:
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    duplicates: int = 0
    words: int = 0
    rejected: list[Rejected] | None = None
    notes: list[tuple[str, str]] | None = None


def _worker_init() -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _analyze_chunk(docs: list[Document]) -> list[Analysis | Rejected]:
    from veille.pipeline import analyze_many

    return list(analyze_many(docs))


def _chunks(items: list[Document], size: int) -> Iterator[list[Document]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def store_analysis(conn, analysis: Analysis, replace_id: int | None) -> int:
    """One document, its facts and its copied passages, in one transaction."""
    from veille.reuse import incremental

    doc = analysis.doc
    digest = db.text_hash(doc.text)
    with db.transaction(conn):
        if replace_id is not None:
            db.delete_document(conn, replace_id, doc.name)
        doc_id = db.save_analysis(conn, analysis, digest)
        save_facts(conn, doc_id, analysis.facts)
        incremental.index_document(conn, doc.name, doc.text, doc.anchor)
        mark_copied(conn, doc_id)
        db.clear_rejected(conn, doc.name)
    return doc_id


def ingest(db_path: str, paths: list[str], published: str | None = None, workers: int = 1,
           progress: bool = True, lang: str | None = None) -> Report:
    conn = db.connect(db_path)
    report = Report(rejected=[], notes=[])
    todo: list[tuple[Document, int | None]] = []
    seen_hashes: dict[str, str] = {}
    for item in read_paths(paths, published):
        if isinstance(item, Rejected):
            report.rejected.append(item)
            continue
        if lang:
            item.lang = lang
        decoded = re.search(r"\((decoded as [^()]*)\)$", item.source)
        if decoded:
            report.notes.append((item.name, decoded.group(1)))
        digest = db.text_hash(item.text)
        existing = db.find_by_name(conn, item.name)
        if existing is not None and existing["hash"] == digest:
            report.unchanged += 1
            continue
        twin = db.find_by_hash(conn, digest)
        twin_name = twin["name"] if twin is not None else seen_hashes.get(digest)
        if twin_name and twin_name != item.name:
            report.duplicates += 1
            report.notes.append((item.name, f"same text as '{twin_name}', already ingested: skipped"))
            continue
        seen_hashes[digest] = item.name
        todo.append((item, existing["id"] if existing is not None else None))

    replace_ids = {d.name: rid for d, rid in todo}
    docs = [d for d, _ in todo]
    bar = tqdm(total=len(docs), unit="doc", disable=not progress or len(docs) < 2, file=sys.stderr,
               desc="ingest")
    if workers > 1 and len(docs) >= 4 * workers:
        ctx = mp.get_context("spawn")
        pool = ctx.Pool(workers, initializer=_worker_init)
        results: Iterator[list[Analysis | Rejected]] = pool.imap(_analyze_chunk, _chunks(docs, 8))
    else:
        pool = None
        # in-process, bigger chunks let spaCy batch more texts through its networks at once
        results = (_analyze_chunk(c) for c in _chunks(docs, 16))
    try:
        for chunk in results:
            for analysis in chunk:
                bar.update(1)
                if isinstance(analysis, Rejected):
                    report.rejected.append(analysis)
                    with db.transaction(conn):
                        db.record_rejected(conn, analysis.name, analysis.reason)
                    continue
                try:
                    store_analysis(conn, analysis, replace_ids.get(analysis.doc.name))
                except Exception as exc:  # noqa: BLE001 - report, keep going with the rest of the batch
                    report.rejected.append(Rejected(analysis.doc.name, f"could not be stored: {exc}"))
                    continue
                report.words += len(analysis.doc.text.split())
                if replace_ids.get(analysis.doc.name) is not None:
                    report.replaced += 1
                else:
                    report.added += 1
    finally:
        bar.close()
        if pool is not None:
            pool.terminate()
    if report.rejected:
        with db.transaction(conn):
            for r in report.rejected:
                db.record_rejected(conn, r.name, r.reason)
    conn.close()
    return report


def run(args: argparse.Namespace) -> int:
    report = ingest(args.db, args.paths, published=args.published, workers=args.workers,
                    progress=not args.quiet, lang=args.lang)
    print(f"ingested {report.added} new, {report.replaced} updated, {report.unchanged} unchanged"
          f" ({report.words:,} words) into {args.db}")
    for name, note in report.notes or []:
        print(f"  note: {name}: {note}")
    if report.rejected:
        print(f"{len(report.rejected)} document(s) could not be ingested:")
        for r in report.rejected:
            print(f"  {r.name}: {r.reason}")
    return 0


def add_command(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ingest", help="read, analyse and store documents (.txt .md .html .jsonl, files or folders)")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--published", help="publication date (ISO) for documents that carry none")
    p.add_argument("--lang", choices=["fr", "en"], help="force the language instead of detecting it")
    p.add_argument("--workers", type=int, default=1, help="analysis processes (default 1)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=run)
