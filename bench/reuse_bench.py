"""Reuse benchmark: `veille reuse corpus.jsonl --out pairs.jsonl` on synthetic corpora of several sizes.

    .venv/bin/python bench/reuse_bench.py [--sizes 1000 5000 20000] [--dir /tmp/veille_reuse_bench]

For each size: generates the corpus once (bench/reuse_gen.py, cached in --dir), runs the command as a user would
(wall time includes Python start and reading), samples the proportional memory (PSS, shared pages counted once)
of the command and its worker processes, and scores the output with PlagDet (bench/reuse_plagdet.py).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import reuse_gen  # noqa: E402
import reuse_plagdet  # noqa: E402


def _tree(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for t in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (t / "children").read_text().split()]
        except OSError:
            pass
    return out


def _pss_kb(pid: int) -> int:
    total = 0
    for p in _tree(pid):
        try:
            for line in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total


def run(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak memory (MB, PSS of the process tree, sampled every 50 ms)."""
    peak = [0]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def sample() -> None:
        while proc.poll() is None:
            peak[0] = max(peak[0], _pss_kb(proc.pid))
            time.sleep(0.05)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    rc = proc.wait()
    wall = time.perf_counter() - t0
    th.join()
    if rc:
        raise SystemExit(f"{' '.join(cmd)} failed with exit code {rc}")
    return wall, peak[0] / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    ap.add_argument("--dir", default="/tmp/veille_reuse_bench")
    ap.add_argument("--veille", default=str(HERE.parent / ".venv/bin/veille"))
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    print(f"{'docs':>7} {'copies':>7} {'wall s':>7} {'docs/s':>8} {'peak MB':>8} {'PlagDet':>8} {'recall':>7} "
          f"{'prec.':>7} {'gran.':>6}")
    for n in args.sizes:
        folder = Path(args.dir) / f"{n}"
        if not (folder / "truth.jsonl").exists():
            docs, truth = reuse_gen.generate(n)
            folder.mkdir(parents=True, exist_ok=True)
            with (folder / "corpus.jsonl").open("w", encoding="utf-8") as fh:
                fh.writelines(json.dumps(d, ensure_ascii=False) + "\n" for d in docs)
            with (folder / "truth.jsonl").open("w", encoding="utf-8") as fh:
                fh.writelines(json.dumps(t) + "\n" for t in truth)
        pairs = folder / "pairs.jsonl"
        wall, peak = run([args.veille, "reuse", str(folder / "corpus.jsonl"), "--out", str(pairs),
                          "--workers", str(args.workers)])
        truth = reuse_plagdet.read_pairs(folder / "truth.jsonl")
        res = reuse_plagdet.plagdet(truth, reuse_plagdet.read_pairs(pairs))
        print(f"{n:>7} {len(truth):>7} {wall:>7.2f} {n / wall:>8.0f} {peak:>8.0f} {res['plagdet']:>8.4f} "
              f"{res['recall']:>7.4f} {res['precision']:>7.4f} {res['granularity']:>6.3f}", flush=True)


if __name__ == "__main__":
    main()
