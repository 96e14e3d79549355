"""Spark benchmark: documents per second under local[1] and local[2], start-up cost, memory, 1 M-document estimate.

    .venv/bin/python bench/spark_scaling.py [--docs 1200] [--out /tmp/veille-spark-bench] [--masters 1,2]

For each local[k]: a fresh Spark session (its start-up time is Spark's fixed cost), a warm-up job that loads the
models once in each Python worker (the per-executor cost), then the whole `veille spark ingest` job over a
generated corpus (`veille.spark.synth`), timed step by step. Documents per second are given for the per-document
stage alone (the part that scales with cores) and for the whole job. Peak resident memory of the Python workers
and of the JVM is sampled from /proc. The estimate for 1 M documents on a 100-core cluster extrapolates the
measured per-document core-seconds of each step. Results are printed and written to OUT/results.json.
"""

from __future__ import annotations

import argparse
import json
import os
import threading
import time
from pathlib import Path


def _descendants(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            ppid = int((d / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(d.name))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        for c in children.get(pid, []):
            out.append(c)
            todo.append(c)
    return out


def _rss_mb(pid: int) -> tuple[str, float]:
    try:
        cmd = (Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace"))
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return cmd, int(line.split()[1]) / 1024
    except OSError:
        pass
    return "", 0.0


class MemorySampler(threading.Thread):
    """Peak RSS of the JVM and of each Python worker (descendants of this process), sampled twice a second."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.jvm = 0.0
        self.worker = 0.0
        self.workers_total = 0.0
        self._halt = threading.Event()

    def run(self) -> None:
        while not self._halt.is_set():
            total = 0.0
            for pid in _descendants(os.getpid()):
                cmd, rss = _rss_mb(pid)
                if "java" in cmd.split(" ")[0]:
                    self.jvm = max(self.jvm, rss)
                elif "pyspark" in cmd or "python" in cmd:
                    self.worker = max(self.worker, rss)
                    total += rss
            self.workers_total = max(self.workers_total, total)
            time.sleep(0.5)

    def stop(self) -> None:
        self._halt.set()


def _warm(_it):
    from veille.model import Document
    from veille.nlp import get_nlp
    from veille.pipeline import analyze

    t = time.perf_counter()
    for lang in ("fr", "en"):
        get_nlp(lang)
    analyze(Document(name="warm", text="La France a rejoint l'OTAN en 1949.", lang="fr", published="2020"))
    yield os.getpid(), time.perf_counter() - t


def bench_master(k: int, corpus: Path, out: Path, partitions: int) -> dict:
    from veille.spark.job import run_job, session

    sampler = MemorySampler()
    sampler.start()
    t0 = time.perf_counter()
    spark = session(f"local[{k}]", partitions=partitions, memory="1g")
    spark.sparkContext.parallelize([0], 1).count()
    start = time.perf_counter() - t0
    t1 = time.perf_counter()
    loads = spark.sparkContext.parallelize(range(k), k).mapPartitions(_warm).collect()
    warm = time.perf_counter() - t1
    report = run_job(spark, [str(corpus)], str(out / f"local{k}"), partitions=partitions)
    spark.stop()
    sampler.stop()
    total = sum(report.seconds.values())
    return {"master": f"local[{k}]", "documents": report.documents, "spark_start_s": round(start, 1),
            "model_load_s": round(max(s for _, s in loads), 1), "warmup_s": round(warm, 1),
            "steps_s": report.seconds, "job_s": round(total, 1),
            "analysis_docs_per_s": round(report.documents / report.seconds["analysis"], 2),
            "job_docs_per_s": round(report.documents / total, 2),
            "peak_rss_mb": {"jvm": round(sampler.jvm), "python_worker": round(sampler.worker),
                            "python_workers_total": round(sampler.workers_total)},
            "facts": report.facts, "passages": report.passages}


def estimate(r1: dict, docs: int = 1_000_000, cores: int = 100) -> dict:
    """Hours for `docs` documents on `cores` cores from local[1]'s per-document core-seconds of each step."""
    n = r1["documents"]
    per_doc = {step: s / n for step, s in r1["steps_s"].items()}
    analysis_h = per_doc["analysis"] * docs / cores / 3600
    corpus_h = sum(v for s, v in per_doc.items() if s not in ("analysis", "export")) * docs / cores / 3600
    return {"documents": docs, "cores": cores, "core_s_per_doc": {k: round(v, 4) for k, v in per_doc.items()},
            "analysis_h": round(analysis_h, 2), "corpus_steps_h": round(corpus_h, 2),
            "fixed_s": r1["spark_start_s"] + r1["model_load_s"],
            "total_h": round(analysis_h + corpus_h + (r1["spark_start_s"] + r1["model_load_s"]) / 3600, 2)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1200)
    ap.add_argument("--out", default="/tmp/veille-spark-bench")
    ap.add_argument("--masters", default="1,2", help="local[k] values to run, comma-separated")
    ap.add_argument("--partitions", type=int, default=8)
    args = ap.parse_args()
    from veille.spark.synth import generate, write_jsonl

    out = Path(args.out)
    corpus = write_jsonl(generate(args.docs, seed=11), out / "corpus" / "synth.jsonl")
    results = [bench_master(int(k), corpus, out, args.partitions) for k in args.masters.split(",")]
    summary: dict = {"runs": results}
    if len(results) > 1:
        summary["scaling_analysis"] = round(results[1]["analysis_docs_per_s"] / results[0]["analysis_docs_per_s"], 2)
        summary["scaling_job"] = round(results[1]["job_docs_per_s"] / results[0]["job_docs_per_s"], 2)
    summary["estimate_1M_docs_100_cores"] = estimate(results[0])
    (out / "results.json").write_text(json.dumps(summary, indent=2))
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
