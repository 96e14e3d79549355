"""The Spark plan of `veille spark ingest`: read, analyse per document, then the corpus-level steps as Spark jobs.

1. inputs → documents: any file Spark lists (text, Markdown, HTML, JSONL, through veille's reader) and Parquet
   tables (id, text, published, title, url, lang); a global ingest order (input, path, line) is fixed, duplicate
   texts and names are dropped as `veille ingest` drops them;
2. per-document stages in `mapPartitions` (`pipeline.analyze_many`, one model load per Python worker), written
   as the `documents` table and read back (the analysis is never recomputed);
3. corpus level: entity identity (a reduce by id), copied passages (a self-join on rare word 5-gram hashes —
   the first MAX_DF documents of each hash, as the store's incremental index sees them — then `align_pair` on
   the candidate pairs), fact merging (a group by subject, relation, object replaying `merge.merge_statements`
   in ingest order), copied sources and independent sources (joins with the passages);
4. Parquet tables under OUT (documents, mentions, entities, facts, fact_sources, conflicts, reuse, errors) and the
   JSONL export of FORMAT.md in OUT/export. Every table is overwritten, so a re-run gives the same output.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pyspark import StorageLevel
from pyspark.sql import DataFrame, SparkSession, Window
from pyspark.sql import functions as F
from pyspark.sql import types as T

from veille.reuse.engine import MAX_DF, MIN_SEEDS
from veille.spark import merge, rows, tasks
from veille.store.db import text_hash

S, L, N, D = T.StringType(), T.LongType(), T.IntegerType(), T.DoubleType()


def _schema(*cols: tuple[str, T.DataType]) -> T.StructType:
    return T.StructType([T.StructField(n, t, True) for n, t in cols])


DOCUMENTS = _schema(("seq", L), ("name", S), ("text", S), ("hash", S), ("lang", S), ("published", S),
                    ("published_inferred", S), ("source", S), ("title", S), ("url", S), ("chars", N),
                    ("words", N), ("analysis", S))
ERRORS = _schema(("stage", S), ("name", S), ("reason", S))
MENTIONS = _schema(("seq", L), ("doc", S), ("idx", N), ("start", N), ("end", N), ("text", S), ("entity", S),
                   ("type", S), ("origin", S), ("label", S))
ENTITIES = _schema(("id", S), ("name", S), ("type", S), ("name_fr", S), ("name_en", S), ("qid", S), ("origin", S),
                   ("first_seq", L), ("mentions", L))
SHINGLES = _schema(("hash", L), ("seq", L))
REUSE = _schema(("a_doc", S), ("a_start", N), ("a_end", N), ("b_doc", S), ("b_start", N), ("b_end", N),
                ("score", D), ("source", S), ("a_seq", L), ("b_seq", L))
FACTS = _schema(("id", L), ("subject", S), ("relation", S), ("object", S), ("start", S), ("end", S), ("what", S),
                ("quantity", S), ("plover", S), ("confidence", D), ("independent_sources", N))
FACT_SOURCES = _schema(("fact_id", L), ("seq", L), ("idx", N), ("doc", S), ("start", N), ("end", N), ("quote", S),
                       ("start_value", S), ("end_value", S), ("what", S), ("quantity", S), ("trigger", S),
                       ("confidence", D), ("detail", S), ("copied_from", S))
CONFLICTS = _schema(("fact_a", L), ("fact_b", L), ("field", S))
TABLES = ("documents", "mentions", "entities", "facts", "fact_sources", "conflicts", "reuse", "errors")


@dataclass
class JobReport:
    documents: int = 0
    errors: int = 0
    entities: int = 0
    facts: int = 0
    passages: int = 0
    seconds: dict[str, float] = field(default_factory=dict)  # wall time per step


def session(master: str | None = None, partitions: int = 8, memory: str = "1g") -> SparkSession:
    """A Spark session set up for veille (no UI, few shuffle partitions, Python workers reused so models load
    once per worker, recursive directory listing)."""
    if not master or master.startswith("local"):
        # local workers run this interpreter (its venv has veille and the models); a cluster sets its own
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    b = (SparkSession.builder.appName("veille")
         .config("spark.ui.enabled", "false")
         .config("spark.ui.showConsoleProgress", "false")
         .config("spark.sql.shuffle.partitions", str(max(2, partitions)))
         .config("spark.default.parallelism", str(max(2, partitions)))
         .config("spark.python.worker.reuse", "true")
         .config("spark.driver.memory", memory)
         .config("spark.hadoop.mapreduce.input.fileinputformat.input.dir.recursive", "true")
         .config("spark.sql.execution.arrow.pyspark.enabled", "false"))
    if master:
        b = b.master(master)
    spark = b.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def _is_parquet(path: str) -> bool:
    p = path.rstrip("/")
    return p.endswith(".parquet") or (Path(p).is_dir() and any(Path(p).glob("*.parquet")))


def _path_key(uri: str) -> tuple[str, ...]:
    # `veille ingest` walks folders in sorted(Path) order, i.e. part by part
    return tuple(uri.split("/"))


def read_inputs(spark: SparkSession, inputs: list[str], published: str | None, lang: str | None):
    """RDD of ("doc", (order key, document dict)) and ("rejected", (name, reason))."""
    sc = spark.sparkContext
    parts = []
    for i, path in enumerate(inputs):
        if _is_parquet(path):
            def from_table(p: int, it, i=i, path=path):
                for kind, item in tasks.read_records(p, (r.asDict() for r in it), path, published, lang):
                    yield (kind, ((i, (f"{p:08d}",), item[0]), item[1])) if kind == "doc" else (kind, item)

            parts.append(spark.read.parquet(path).rdd.mapPartitionsWithIndex(from_table))
        else:
            def from_file(kv, i=i):
                uri, data = kv
                return [(kind, ((i, _path_key(uri), item[0]), item[1])) if kind == "doc" else (kind, item)
                        for kind, item in tasks.read_blob(uri, bytes(data), published, lang)]

            parts.append(sc.binaryFiles(path).flatMap(from_file))
    return sc.union(parts) if len(parts) > 1 else parts[0]


def _first_of(group, stage: str, why) -> list[tuple[str, Any]]:
    items = sorted(group, key=lambda kd: kd[0])
    out: list[tuple[str, Any]] = [("keep", items[0])]
    first = items[0][1]["name"]
    out += [("error", {"stage": stage, "name": d["name"], "reason": why(first)}) for _, d in items[1:]]
    return out


def _df(spark: SparkSession, rdd, schema: T.StructType) -> DataFrame:
    names = schema.fieldNames()
    return spark.createDataFrame(rdd.map(lambda r: tuple(r.get(n) for n in names)), schema)


def _write(df: DataFrame, out: str, table: str) -> DataFrame:
    df.write.mode("overwrite").parquet(f"{out}/{table}")
    return df.sparkSession.read.parquet(f"{out}/{table}")


def run_job(spark: SparkSession, inputs: list[str], out: str, partitions: int = 8, published: str | None = None,
            lang: str | None = None, export: bool = True) -> JobReport:
    """Run the whole pipeline over `inputs` and write the tables (and the JSONL export) under `out`."""
    report = JobReport()
    t = time.perf_counter()
    out = str(Path(out).resolve()) if "://" not in out else out

    def lap(step: str) -> None:
        nonlocal t
        now = time.perf_counter()
        report.seconds[step] = round(now - t, 2)
        t = now

    items = read_inputs(spark, inputs, published, lang).persist(StorageLevel.MEMORY_AND_DISK)
    errors = items.filter(lambda x: x[0] == "rejected").map(
        lambda x: {"stage": "read", "name": x[1][0], "reason": x[1][1]})
    # the same text under two names, or two documents with one name: the first in ingest order is kept
    by_text = items.filter(lambda x: x[0] == "doc").map(lambda x: (text_hash(x[1][1]["text"]), x[1])).groupByKey() \
        .flatMap(lambda kv: _first_of(kv[1], "duplicate",
                                      lambda first: f"same text as '{first}', already ingested: skipped"))
    by_name = by_text.filter(lambda x: x[0] == "keep").map(lambda x: (x[1][1]["name"], x[1])).groupByKey() \
        .flatMap(lambda kv: _first_of(kv[1], "duplicate", lambda first: "another document has the same name"))
    errors = errors.union(by_text.filter(lambda x: x[0] == "error").map(lambda x: x[1])) \
        .union(by_name.filter(lambda x: x[0] == "error").map(lambda x: x[1]))
    ordered = by_name.filter(lambda x: x[0] == "keep").map(lambda x: x[1]).sortBy(lambda kd: kd[0]) \
        .zipWithIndex().map(lambda kdi: (kdi[1], kdi[0][1])).persist(StorageLevel.MEMORY_AND_DISK)
    n = max(1, ordered.count())
    lap("read")

    # contiguous ranges of the ingest order, one per partition
    p = max(1, partitions)
    analysed = ordered.partitionBy(p, lambda seq: min(p - 1, seq * p // n)) \
        .mapPartitions(tasks.analyze_partition).persist(StorageLevel.MEMORY_AND_DISK)
    docs = _write(_df(spark, analysed.filter(lambda x: x[0] == "doc").map(lambda x: x[1]), DOCUMENTS),
                  out, "documents")
    errors = errors.union(analysed.filter(lambda x: x[0] == "error").map(lambda x: x[1]))
    err_df = _write(_df(spark, errors, ERRORS), out, "errors")
    report.documents, report.errors = docs.count(), err_df.count()
    for r in (analysed, ordered, items):
        r.unpersist()
    lap("analysis")

    mentions = _write(_df(spark, docs.select("seq", "name", "analysis").rdd.flatMap(_mention_rows), MENTIONS),
                      out, "mentions")
    infos = docs.select("seq", "analysis").rdd.flatMap(_entity_records).reduceByKey(merge.merge_entity_records)
    counts = mentions.groupBy("entity").count().rdd.map(lambda r: (r["entity"], r["count"]))
    ents = infos.leftOuterJoin(counts).map(lambda kv: dict(kv[1][0], mentions=kv[1][1] or 0))
    entities = _write(_df(spark, ents, ENTITIES), out, "entities")
    report.entities = entities.where("mentions > 0").count()
    lap("entities")

    reuse = _write(_reuse(spark, docs), out, "reuse")
    report.passages = reuse.count()
    lap("reuse")

    facts, sources, conflicts = _facts(docs, reuse)
    _write(_df(spark, conflicts, CONFLICTS), out, "conflicts")
    fact_df = _write(_df(spark, facts, FACTS), out, "facts")
    _write(_df(spark, sources, FACT_SOURCES), out, "fact_sources")
    report.facts = fact_df.count()
    lap("facts")

    if export and ("://" not in out or out.startswith("file:")):  # the driver writes the JSONL files locally
        write_export(spark, out)
        lap("export")
    return report


def _mention_rows(r) -> list[dict[str, Any]]:
    body = json.loads(r["analysis"])
    return [dict(m, seq=r["seq"], doc=r["name"], idx=i) for i, m in enumerate(body["mentions"])]


def _entity_records(r) -> list[tuple[str, dict[str, Any]]]:
    body = json.loads(r["analysis"])
    return [(e["id"], {"id": e["id"], "name": e["name"], "type": e["type"], "name_fr": e["name_fr"],
                       "name_en": e["name_en"], "qid": e["qid"], "origin": merge.entity_origin(e["id"], e["qid"]),
                       "seq": r["seq"], "first_seq": r["seq"]}) for e in body["entities"]]


def _reuse(spark: SparkSession, docs: DataFrame) -> DataFrame:
    """Candidate pairs by a self-join on rare shingles, then the passages `align_pair` finds in each pair."""
    sh = spark.createDataFrame(docs.select("seq", "text").rdd.map(tuple).mapPartitions(tasks.doc_shingles),
                               SHINGLES)
    # as the incremental index sees it: a document pairs on a hash only while fewer than MAX_DF earlier
    # documents hold it, i.e. only the first MAX_DF documents of each hash pair on it
    ranked = sh.withColumn("r", F.row_number().over(Window.partitionBy("hash").orderBy("seq"))) \
        .where(F.col("r") <= MAX_DF).drop("r")
    x, y = ranked.alias("x"), ranked.alias("y")
    pairs = x.join(y, (F.col("x.hash") == F.col("y.hash")) & (F.col("x.seq") < F.col("y.seq"))) \
        .groupBy(F.col("x.seq").alias("a_seq"), F.col("y.seq").alias("b_seq")).count() \
        .where(F.col("count") >= MIN_SEEDS)
    info = docs.select("seq", "name", "text", F.coalesce("published", "published_inferred").alias("anchor"))
    a = info.select(*[F.col(c).alias(f"a_{c}") for c in info.columns])
    b = info.select(*[F.col(c).alias(f"b_{c}") for c in info.columns])
    cand = pairs.join(a, "a_seq").join(b, "b_seq").select(
        "a_seq", "a_name", "a_text", "a_anchor", "b_seq", "b_name", "b_text", "b_anchor")
    passages = _df(spark, cand.rdd.map(tuple).mapPartitions(tasks.align_pairs), REUSE)
    return passages.dropDuplicates(["a_doc", "a_start", "a_end", "b_doc", "b_start", "b_end"])


def _facts(docs: DataFrame, reuse: DataFrame):
    """(facts, fact sources, conflicts) RDDs of dicts, ids numbered in the order the store would create them."""
    merged = docs.select("seq", "name", "analysis").rdd.flatMap(tasks.statements).groupByKey() \
        .flatMap(lambda kv: tasks.merge_group(kv[1]))
    numbered = merged.sortBy(lambda m: tuple(m["key"])).zipWithIndex() \
        .map(lambda mi: dict(mi[0], id=mi[1] + 1)).persist(StorageLevel.MEMORY_AND_DISK)
    key_to_id = numbered.map(lambda m: (tuple(m["key"]), m["id"]))
    # a conflict names the fact created first by its key: number both sides, smaller id first
    conflicts = numbered.flatMap(lambda m: [(tuple(k), (m["id"], fld)) for k, fld in m["conflicts"]]) \
        .join(key_to_id).map(lambda kv: (min(kv[1][0][0], kv[1][1]), max(kv[1][0][0], kv[1][1]), kv[1][0][1])) \
        .distinct().map(lambda c: {"fact_a": c[0], "fact_b": c[1], "field": c[2]})

    passages = reuse.rdd.map(lambda r: r.asDict())
    by_copy = passages.flatMap(lambda p: [(merge.copy_side(p)[0], p)] if merge.copy_side(p) else [])
    sources = numbered.flatMap(lambda m: [(s["doc"], dict(s, fact_id=m["id"], idx=s["key"][1])) for s in m["sources"]]) \
        .cogroup(by_copy).flatMap(_mark_copied).persist(StorageLevel.MEMORY_AND_DISK)

    by_fact = sources.map(lambda s: (s["fact_id"], (s["doc"], s["start"], s["end"]))).groupByKey().mapValues(list)
    pair_of = passages.map(lambda p: (tuple(sorted((p["a_doc"], p["b_doc"]))), p))
    wants = by_fact.flatMap(lambda kv: [(pair, kv[0]) for pair in _doc_pairs(kv[1])])
    linked = wants.join(pair_of).map(lambda kv: kv[1]).groupByKey().mapValues(list)
    independent = by_fact.leftOuterJoin(linked).mapValues(lambda v: merge.independent_count(v[0], v[1] or []))
    facts = numbered.map(lambda m: (m["id"], m)).join(independent) \
        .map(lambda kv: dict(kv[1][0], independent_sources=kv[1][1]))
    return facts, sources, conflicts


def _doc_pairs(srcs: list[tuple[str, int, int]]) -> list[tuple[str, str]]:
    names = sorted({d for d, _, _ in srcs})
    return [(a, b) for i, a in enumerate(names) for b in names[i + 1:]]


def _mark_copied(kv) -> list[dict[str, Any]]:
    _, (srcs, passages) = kv
    plist = list(passages)
    return [dict(s, copied_from=merge.copied_from(s["start"], s["end"], plist)) for s in srcs]


def _local_lines(df: DataFrame):
    for r in df.toLocalIterator():
        yield r.asDict(recursive=True)


def write_export(spark: SparkSession, out: str) -> dict[str, int]:
    """The four JSONL files of FORMAT.md, from the Parquet tables, into OUT/export (replaced atomically)."""
    read = spark.read.parquet
    base = Path(out.removeprefix("file:"))
    tmp = base / "export.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    docs = read(f"{out}/documents").select("name", "lang", "published", "published_inferred", "chars", "title") \
        .orderBy("name")
    mentions = read(f"{out}/mentions").groupBy("entity").agg(F.sort_array(F.collect_list(F.struct(
        "doc", "start", "seq", "idx", "end", "text", "origin"))).alias("m"))
    ents = read(f"{out}/entities").where("mentions > 0").join(mentions, F.col("id") == F.col("entity")) \
        .orderBy("id")
    srcs = read(f"{out}/fact_sources").groupBy("fact_id").agg(F.sort_array(F.collect_list(F.struct(
        "doc", "start", "seq", "idx", "end", "quote", "copied_from"))).alias("s"))
    facts = read(f"{out}/facts").join(srcs, F.col("id") == F.col("fact_id")).orderBy("id")
    reuse = read(f"{out}/reuse").orderBy("a_doc", "a_start", "b_doc", "b_start")
    lines = {
        "documents.jsonl": (rows.document_line(r) for r in _local_lines(docs)),
        "entities.jsonl": (rows.entity_line(r, [{k: m[k] for k in ("doc", "start", "end", "text", "origin")}
                                                for m in r["m"]]) for r in _local_lines(ents)),
        "facts.jsonl": (rows.fact_line(r, r["s"]) for r in _local_lines(facts)),
        "reuse.jsonl": (rows.reuse_line(r) for r in _local_lines(reuse)),
    }
    counts = {}
    for name, it in lines.items():
        n = 0
        with (tmp / name).open("w", encoding="utf-8") as fh:
            for line in it:
                fh.write(json.dumps(line, ensure_ascii=False) + "\n")
                n += 1
        counts[name] = n
    final = base / "export"
    shutil.rmtree(final, ignore_errors=True)
    tmp.rename(final)
    return counts
