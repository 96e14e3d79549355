"""veille on Apache Spark: `veille spark ingest INPUT... --out DIR` and `veille load DIR`.

The Spark job runs the very stage functions `veille ingest` runs (reader, `pipeline.analyze_many`, the reuse
aligner, the fact-merging rule), per document in `mapPartitions` and corpus-wide as Spark joins and aggregations,
and writes Parquet tables plus the JSONL export; `veille load` turns those tables into a SQLite knowledge base for
the CLI and the web app. PySpark is an optional extra (`pip install 'veille[spark]'`): it is imported only when
the Spark command runs.
"""

from __future__ import annotations

import argparse
import sys
import time

SPARK_MISSING = "PySpark is not installed: pip install 'veille[spark]' (and Java 17 for local runs)"


def run_ingest(args: argparse.Namespace) -> int:
    try:
        from veille.spark.job import run_job, session
    except ImportError as exc:
        if "pyspark" in str(exc) or "py4j" in str(exc):
            print(SPARK_MISSING, file=sys.stderr)
            return 2
        raise
    t0 = time.perf_counter()
    spark = session(args.master, args.partitions, args.driver_memory)
    started = time.perf_counter() - t0
    try:
        report = run_job(spark, args.inputs, args.out, partitions=args.partitions, published=args.published,
                         lang=args.lang, export=not args.no_export)
    finally:
        spark.stop()
    print(f"{report.documents} documents analysed, {report.entities} entities, {report.facts} facts,"
          f" {report.passages} copied passages -> {args.out}")
    steps = ", ".join(f"{k} {v:.1f}s" for k, v in report.seconds.items())
    print(f"spark start {started:.1f}s, {steps}")
    if report.errors:
        print(f"{report.errors} document(s) not analysed: see the `errors` table in {args.out}"
              f" (`veille load` lists them in the store)")
    return 0


def run_load(args: argparse.Namespace) -> int:
    from veille.spark.load import load

    try:
        counts = load(args.dir, args.db)
    except (FileNotFoundError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except ImportError:
        print("pyarrow is needed to read Parquet: pip install 'veille[spark]'", file=sys.stderr)
        return 2
    print(f"loaded {counts['documents']} documents, {counts['facts']} facts, {counts['passages']} copied passages"
          f" into {args.db}" + (f" ({counts['errors']} rejected documents listed)" if counts["errors"] else ""))
    return 0


def add_command(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("spark", help="run the pipeline as an Apache Spark job (optional extra: veille[spark])")
    spark_sub = p.add_subparsers(dest="spark_command", metavar="COMMAND", required=True)
    ing = spark_sub.add_parser("ingest", help="analyse documents with Spark, write Parquet tables and the export")
    ing.add_argument("inputs", nargs="+", metavar="INPUT",
                     help="files or folders (.txt .md .html .jsonl) or Parquet tables, any path Spark reads")
    ing.add_argument("--out", required=True, help="output folder: Parquet tables and export/ (JSONL)")
    ing.add_argument("--master", help="Spark master URL (default: spark-submit's, else local[*])")
    ing.add_argument("--partitions", type=int, default=8, help="analysis partitions (default 8)")
    ing.add_argument("--published", help="publication date (ISO) for documents that carry none")
    ing.add_argument("--lang", choices=["fr", "en"], help="force the language instead of detecting it")
    ing.add_argument("--driver-memory", default="1g", help="driver JVM memory for a local run (default 1g)")
    ing.add_argument("--no-export", action="store_true", help="Parquet tables only, no JSONL export")
    ing.set_defaults(func=run_ingest)

    ld = sub.add_parser("load", help="load the output of `veille spark ingest` into the SQLite knowledge base")
    ld.add_argument("dir", metavar="DIR", help="the --out folder of `veille spark ingest`")
    ld.set_defaults(func=run_load)
