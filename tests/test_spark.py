"""`veille spark ingest` and `veille load`: the Spark job gives the knowledge base `veille ingest` gives.

The fact-merging rule is checked against the SQLite store without Spark; the end-to-end tests (marked `spark`)
run the seeds plus a generated corpus under local[2] and compare the JSONL exports, then load the Spark output
into a SQLite store and export it again.
"""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest
from conftest import SEED_DOCS, run_veille

from veille.model import Fact
from veille.spark.merge import copied_from, independent_count, merge_statements
from veille.spark.synth import generate, write_jsonl
from veille.store import db
from veille.store.facts import save_facts


def _random_statements(rng: random.Random, n: int) -> list[tuple[tuple[int, int], str, Fact]]:
    out = []
    for i in range(n):
        doc = i // 4
        year = rng.choice([None, "2019", "2019-05", "2019-06", "2020"])
        f = Fact(subject="Q227", relation=rng.choice(["supplies", "member_of"]), object=rng.choice(["Q43", None]),
                 start=year, end=rng.choice([None, None, "2022"]), doc=f"d{doc}", span_start=i, span_end=i + 5,
                 quote="q", confidence=rng.choice([0.5, 0.7, 0.9]), what=rng.choice([None, "gas", "oil"]),
                 quantity=rng.choice([None, None, "30000 t", "10 t"]))
        out.append(((doc, i % 4), f"d{doc}", f))
    return out


def test_fact_merging_matches_the_store(tmp_path):
    """Replaying the merge over statements gives the facts, sources and conflicts `save_facts` writes."""
    stmts = _random_statements(random.Random(3), 160)
    conn = db.connect(tmp_path / "kb.sqlite")
    with db.transaction(conn):
        for qid in ("Q227", "Q43"):
            conn.execute("INSERT INTO entities(id, name, type) VALUES (?, ?, 'country')", (qid, qid))
        for d in sorted({k[0] for k, _, _ in stmts}):
            conn.execute("INSERT INTO documents(id, name, text, hash, chars, ingested_at) VALUES (?,?,?,?,?,?)",
                         (d + 1, f"d{d}", "t", str(d), 1, "now"))
            save_facts(conn, d + 1, [f for k, _, f in stmts if k[0] == d])
    stored = [tuple(r) for r in conn.execute(
        "SELECT subject, relation, object, start, end, what, quantity, confidence FROM facts ORDER BY id")]
    stored_sources = [tuple(r) for r in conn.execute("SELECT fact_id, doc_id, start FROM fact_sources ORDER BY id")]
    stored_conflicts = {tuple(r) for r in conn.execute("SELECT fact_a, fact_b, field FROM conflicts")}

    groups: dict[tuple, list] = {}
    for s in stmts:
        groups.setdefault((s[2].subject, s[2].relation, s[2].object), []).append(s)
    merged = sorted((m for g in groups.values() for m in merge_statements(g)), key=lambda m: m.key)
    ids = {m.key: i + 1 for i, m in enumerate(merged)}
    assert [(m.subject, m.relation, m.object, m.start, m.end, m.what, m.quantity, m.confidence) for m in merged] \
        == stored
    sources = sorted((k, ids[m.key], k[0] + 1, f.span_start) for m in merged for k, _, f in m.sources)
    assert [s[1:] for s in sources] == stored_sources
    conflicts = {(min(ids[m.key], ids[k]), max(ids[m.key], ids[k]), fld) for m in merged for k, fld in m.conflicts}
    assert conflicts == stored_conflicts and conflicts, "the random statements should produce conflicts"


def test_copied_and_independent_sources():
    """A source inside the copy side of a passage is marked with the original; sources linked by a passage are
    one independent source."""
    p = {"a_doc": "old", "a_start": 0, "a_end": 100, "b_doc": "new", "b_start": 50, "b_end": 150, "source": "a",
         "b_seq": 1}
    assert copied_from(60, 90, [p]) == "old"
    assert copied_from(140, 160, [p]) is None
    assert independent_count([("old", 10, 20), ("new", 60, 70)], [p]) == 1
    assert independent_count([("old", 10, 20), ("new", 200, 210)], [p]) == 2
    # a document repeating itself is still one confirmation
    assert independent_count([("old", 10, 20), ("old", 30, 40)], [p]) == 1


def test_generated_corpus_has_copies():
    docs = generate(60, seed=1)
    assert docs == generate(60, seed=1)
    assert {d["lang"] for d in docs} == {"fr", "en"}
    firsts = {d["text"].split("\n\n")[0] for d in docs}
    assert sum(any(f in d["text"] and not d["text"].startswith(f) for f in firsts) for d in docs) >= 3


# ---------------------------------------------------------------- Spark end to end

def _spark_available() -> str | None:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return "pyspark is not installed (pip install '.[spark]')"
    if not shutil.which("java"):
        import os

        if not os.environ.get("JAVA_HOME"):
            return "java is not installed (Spark needs Java 17)"
    return None


def _normalised(folder: Path) -> dict[str, list[str]]:
    """Export lines with fact ids dropped and list fields sorted, comparable across runs."""
    out = {}
    for name in ("documents", "entities", "facts", "reuse"):
        rows = [json.loads(line) for line in (folder / f"{name}.jsonl").open(encoding="utf-8")]
        for r in rows:
            r.pop("id", None) if name == "facts" else None
            for k in ("sources", "mentions"):
                if k in r:
                    r[k] = sorted(r[k], key=lambda x: json.dumps(x, sort_keys=True))
        out[name] = sorted(json.dumps(r, sort_keys=True, ensure_ascii=False) for r in rows)
    return out


@pytest.fixture(scope="module")
def spark():
    why = _spark_available()
    if why:
        pytest.skip(why)
    from veille.spark.job import session

    s = session("local[2]", partitions=4, memory="1g")
    yield s
    s.stop()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[str]:
    if not SEED_DOCS.is_dir():
        pytest.skip(f"seed documents not found at {SEED_DOCS} (the ../shared folder is absent)")
    base = tmp_path_factory.mktemp("sparkcorpus")
    synth = write_jsonl(generate(300, seed=7), base / "synth.jsonl")
    bad = base / "bad.jsonl"
    bad.write_text('{"id": "no-text"}\n{"id": "empty", "text": "  "}\n', encoding="utf-8")
    return [str(SEED_DOCS), str(synth), str(bad)]


@pytest.fixture(scope="module")
def spark_out(spark, corpus, tmp_path_factory) -> Path:
    from veille.spark.job import run_job

    out = tmp_path_factory.mktemp("sparkout") / "out"
    report = run_job(spark, corpus, str(out), partitions=4)
    assert report.documents == 302
    return out


@pytest.fixture(scope="module")
def inprocess_export(corpus, tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("inprocess")
    run_veille("ingest", "--quiet", *corpus, db=base / "kb.sqlite")
    run_veille("export", "--format", "jsonl", "--out", str(base / "export"), db=base / "kb.sqlite")
    return base / "export"


@pytest.mark.spark
def test_spark_export_equals_in_process_export(spark_out, inprocess_export):
    spark_lines, local_lines = _normalised(spark_out / "export"), _normalised(inprocess_export)
    for name in ("documents", "entities", "facts", "reuse"):
        assert spark_lines[name] == local_lines[name], f"{name}.jsonl differs between Spark and veille ingest"
    assert len(spark_lines["documents"]) == 302
    assert spark_lines["facts"] and spark_lines["reuse"], "the corpus should yield facts and copied passages"


@pytest.mark.spark
def test_bad_documents_are_listed_with_their_reason(spark, spark_out):
    errors = {r["name"]: r["reason"] for r in spark.read.parquet(str(spark_out / "errors")).collect()}
    assert "record without a 'text' string" in errors["no-text"]
    assert "empty document" in errors["empty"]


@pytest.mark.spark
def test_rerun_over_the_same_output_is_idempotent(spark, tmp_path):
    from veille.spark.job import run_job

    if not SEED_DOCS.is_dir():
        pytest.skip(f"seed documents not found at {SEED_DOCS}")
    out = tmp_path / "out"
    run_job(spark, [str(SEED_DOCS)], str(out), partitions=2)
    first = {p.name: p.read_bytes() for p in (out / "export").iterdir()}
    run_job(spark, [str(SEED_DOCS)], str(out), partitions=2)
    assert {p.name: p.read_bytes() for p in (out / "export").iterdir()} == first
    assert spark.read.parquet(str(out / "documents")).count() == 2


@pytest.mark.spark
def test_load_brings_the_spark_output_into_the_store(spark_out, tmp_path):
    kb = tmp_path / "kb.sqlite"
    proc = run_veille("load", str(spark_out), db=kb)
    assert "loaded 302 documents" in proc.stdout
    run_veille("export", "--format", "jsonl", "--out", str(tmp_path / "export"), db=kb)
    assert _normalised(tmp_path / "export") == _normalised(spark_out / "export")
    refused = run_veille("load", str(spark_out), db=kb, check=False)
    assert refused.returncode == 1 and "already holds documents" in refused.stderr
