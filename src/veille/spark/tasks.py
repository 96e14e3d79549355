"""The functions Spark runs on executors: reading inputs, the per-document stages, shingles, alignment, merging.

Nothing here imports pyspark: each function takes and returns plain Python values, and calls the same code as
`veille ingest` (`ingest.reader`, `pipeline.analyze_many`, `reuse.align_pair`, `reuse.tokens`), so the two paths
cannot drift apart. Models are loaded on first use by each executor's Python worker (spaCy caches in
`veille.nlp`), so with worker reuse (Spark's default) a model loads once per worker process, not per task.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from pathlib import Path, PurePosixPath
from typing import Any

from veille.facts.merge import source_detail
from veille.ingest.reader import Rejected, read_file
from veille.model import Document
from veille.spark import merge
from veille.spark.rows import analysis_to_row, fact_from_dict

CHUNK = 16  # documents handed to analyze_many at once (it parses them in batches)


def read_blob(uri: str, data: bytes, published: str | None, lang: str | None) -> list[tuple[str, Any]]:
    """One input file's documents and rejections, read by veille's own reader from a private copy: a file of
    any supported type (text, Markdown, HTML, JSONL), wherever Spark found it. Returns ("doc", (line, dict)) and
    ("rejected", (name, reason)) items; `line` is the JSONL line number (0 for a whole-file document)."""
    name = PurePosixPath(uri).name
    out: list[tuple[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="veille-") as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        for item in read_file(path, published):
            if isinstance(item, Rejected):
                out.append(("rejected", (item.name, item.reason)))
                continue
            line = 0
            if "#" in item.source and item.source.startswith(str(path) + "#"):
                line = int(item.source.rsplit("#", 1)[1])
            item.source = item.source.replace(str(path), uri, 1)
            if lang:
                item.lang = lang
            out.append(("doc", (line, item.to_dict())))
    return out


def read_records(part: int, rows: Iterable[dict[str, Any]], where: str, published: str | None,
                 lang: str | None) -> Iterator[tuple[str, Any]]:
    """Records of a table (Parquet: id, text, published, title, url, lang) read exactly like JSONL lines."""
    lines = [json.dumps(r, ensure_ascii=False, default=str) for r in rows]
    if not lines:
        return
    items = read_blob(f"{where}/part-{part:05d}.jsonl", ("\n".join(lines) + "\n").encode("utf-8"), published, lang)
    yield from items


def analyze_partition(items: Iterable[tuple[int, dict[str, Any]]]) -> Iterator[tuple[str, dict[str, Any]]]:
    """The per-document stages over one partition of (seq, document) pairs: ("doc", document row) for each
    analysed document, ("error", {name, reason}) for one that failed; a failure never stops the partition."""
    from veille.pipeline import analyze_many

    chunk: list[tuple[int, dict[str, Any]]] = []

    def run(batch: list[tuple[int, dict[str, Any]]]) -> Iterator[tuple[str, dict[str, Any]]]:
        docs = [Document(**d) for _, d in batch]
        try:
            results = list(analyze_many(docs))
        except Exception as exc:  # noqa: BLE001 - a stage failed outside analyze_many's own guard: isolate it
            if len(batch) > 1:
                for one in batch:
                    yield from run([one])
            else:
                yield "error", {"stage": "analysis", "name": docs[0].name,
                                "reason": f"analysis failed: {type(exc).__name__}: {exc}"}
            return
        for (seq, _), res in zip(batch, results, strict=True):
            if isinstance(res, Rejected):
                yield "error", {"stage": "analysis", "name": res.name, "reason": res.reason}
                continue
            try:
                yield "doc", analysis_to_row(seq, res)
            except Exception as exc:  # noqa: BLE001 - e.g. a record that does not serialise
                yield "error", {"stage": "analysis", "name": res.doc.name,
                                "reason": f"could not be stored: {type(exc).__name__}: {exc}"}

    for item in items:
        chunk.append(item)
        if len(chunk) >= CHUNK:
            yield from run(chunk)
            chunk = []
    if chunk:
        yield from run(chunk)


def doc_shingles(rows: Iterable[tuple[int, str]]) -> Iterator[tuple[int, int]]:
    """(shingle hash as a signed 64-bit integer, seq) once per distinct shingle of each (seq, text)."""
    import numpy as np

    from veille.reuse.tokens import SHINGLE, shingles, tokenize

    for seq, text in rows:
        sh, _ = shingles(tokenize([text]), SHINGLE)
        for h in np.unique(sh.view(np.int64)).tolist():
            yield h, seq


def align_pairs(pairs: Iterable[tuple]) -> Iterator[dict[str, Any]]:
    """Passages of each candidate pair (a_seq, a_name, a_text, a_anchor, b_seq, b_name, b_text, b_anchor), the
    earlier document as side a, exactly as the store's incremental index aligns a new document."""
    from veille.reuse import align_pair

    for a_seq, a_name, a_text, a_pub, b_seq, b_name, b_text, b_pub in pairs:
        for p in align_pair(a_name, a_text, b_name, b_text, a_pub, b_pub):
            row = asdict(p)
            row.update(a_seq=a_seq, b_seq=b_seq)
            yield row


def statements(row: dict[str, Any]) -> Iterator[tuple[tuple, tuple]]:
    """((subject, relation, object), ((seq, index), doc name, fact dict)) for each fact a document states."""
    body = json.loads(row["analysis"])
    for i, f in enumerate(body["facts"]):
        yield (f["subject"], f["relation"], f["object"]), ((row["seq"], i), row["name"], f)


def merge_group(group: Iterable[tuple]) -> list[dict[str, Any]]:
    """Merged facts of one (subject, relation, object) group, as plain dicts with their sources."""
    out = []
    for m in merge.merge_statements((tuple(k), name, fact_from_dict(f)) for k, name, f in group):
        sources = [{"key": list(k), "seq": k[0], "doc": name, "start": f.span_start, "end": f.span_end,
                    "quote": f.quote, "start_value": f.start, "end_value": f.end, "what": f.what,
                    "quantity": f.quantity, "trigger": f.trigger, "confidence": f.confidence,
                    "detail": json.dumps(source_detail(f), ensure_ascii=False)} for k, name, f in m.sources]
        out.append({"key": m.key, "subject": m.subject, "relation": m.relation, "object": m.object,
                    "start": m.start, "end": m.end, "what": m.what, "quantity": m.quantity, "plover": m.plover,
                    "confidence": float(m.confidence), "sources": sources,
                    "conflicts": [(k, fld) for k, fld in m.conflicts]})
    return out
