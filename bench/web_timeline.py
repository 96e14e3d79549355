"""Benchmark: the actor timeline API (`/api/actor/ID/timeline`) through a real `veille serve` over a generated
store of 100,000 facts. Prints p50/p95 latencies for ordinary actors and for the most connected one.

    .venv/bin/python bench/web_timeline.py [--facts 100000] [--actors 2000] [--requests 500]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

import httpx

from veille.model import RELATIONS
from veille.store.db import connect, transaction
from veille.web.server import running_server


def _date(rng: random.Random) -> str | None:
    y = rng.randint(1990, 2026)
    return rng.choice([None, f"{y}", f"{y}-{rng.randint(1, 12):02d}", f"{y}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"])


def generate(path: Path, n_facts: int, n_actors: int, n_docs: int = 500, seed: int = 7) -> list[str]:
    """A store with `n_docs` documents, `n_actors` actors and `n_facts` facts, each with one source; actor
    popularity follows a Zipf-like law so a few hubs carry thousands of facts. Returns the actor ids."""
    rng = random.Random(seed)
    conn = connect(path)
    ids = [f"a{i}" for i in range(n_actors)]
    weights = [1 / (i + 1) ** 0.8 for i in range(n_actors)]
    with transaction(conn):
        conn.executemany("INSERT INTO documents(id, name, text, hash, lang, chars, words, ingested_at)"
                         " VALUES (?,?,?,?,?,?,?,?)",
                         [(i + 1, f"doc{i}.txt", f"Document {i} text. " * 50, f"h{i}", "fr", 950, 150, "2025-01-01")
                          for i in range(n_docs)])
        conn.executemany("INSERT INTO entities(id, name, type, origin) VALUES (?,?,?,?)",
                         [(a, f"Actor {a}", rng.choice(["country", "organization", "person"]), "kb") for a in ids])
        rows, sources = [], []
        for fid in range(1, n_facts + 1):
            s, o = rng.choices(ids, weights, k=2)
            start, end = _date(rng), _date(rng) if rng.random() < 0.3 else None
            if start and end and end < start:
                start, end = end, start
            rows.append((fid, s, rng.choice(RELATIONS), o, start, end, rng.random()))
            doc = rng.randint(1, n_docs)
            sources.append((fid, doc, 0, 20, "Document 0 text. Doc"))
        conn.executemany("INSERT INTO facts(id, subject, relation, object, start, end, confidence)"
                         " VALUES (?,?,?,?,?,?,?)", rows)
        conn.executemany("INSERT INTO fact_sources(fact_id, doc_id, start, end, quote) VALUES (?,?,?,?,?)", sources)
    conn.execute("ANALYZE")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return ids


def timed(client: httpx.Client, paths: list[str]) -> list[float]:
    out = []
    for p in paths:
        t0 = time.perf_counter()
        r = client.get(p)
        out.append((time.perf_counter() - t0) * 1000)
        r.raise_for_status()
    return out


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--facts", type=int, default=100_000)
    ap.add_argument("--actors", type=int, default=2_000)
    ap.add_argument("--requests", type=int, default=500)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.sqlite"
        t0 = time.perf_counter()
        ids = generate(db, args.facts, args.actors)
        print(f"generated {args.facts:,} facts over {args.actors:,} actors in {time.perf_counter() - t0:.1f} s")
        conn = connect(db, readonly=True)
        hub, hub_n = conn.execute("SELECT subject, count(*) FROM facts GROUP BY subject ORDER BY 2 DESC LIMIT 1"
                                  ).fetchone()
        conn.close()
        rng = random.Random(1)
        with running_server(db) as url, httpx.Client(base_url=url, timeout=30) as client:
            timed(client, [f"/api/actor/{a}/timeline" for a in ids[:20]])  # warm up
            typical = timed(client, [f"/api/actor/{rng.choice(ids)}/timeline" for _ in range(args.requests)])
            hubs = timed(client, [f"/api/actor/{hub}/timeline"] * 50)
            n_items = len(client.get(f"/api/actor/{hub}/timeline").json()["items"])
        print(f"timeline API, random actors ({args.requests} requests): p50 {pct(typical, 50):.1f} ms,"
              f" p95 {pct(typical, 95):.1f} ms")
        print(f"timeline API, busiest actor ({hub_n:,} facts as subject, {n_items} items returned, 50 requests):"
              f" p50 {pct(hubs, 50):.1f} ms, p95 {pct(hubs, 95):.1f} ms")


if __name__ == "__main__":
    main()
