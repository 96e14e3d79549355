"""The seed documents through `veille reuse`, scored by the shared evaluation script: the analyst's note copies
two paragraphs of NATO's page, found whole, with tight edges, and nothing else."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from veille.cli import main

SEEDS = Path(__file__).resolve().parents[2] / "shared/eval/seeds"
SCORER = SEEDS.parent / "score.py"

pytestmark = pytest.mark.skipif(not (SEEDS / "docs").is_dir() or not SCORER.exists(),
                                reason=f"seed documents not found at {SEEDS}")


def test_seed_reuse_meets_the_targets(tmp_path):
    out = tmp_path / "export"
    assert main(["reuse", str(SEEDS / "docs"), "--out", str(out / "reuse.jsonl"), "--no-progress"]) == 0
    for name in ("entities.jsonl", "facts.jsonl", "documents.jsonl"):
        (out / name).write_text("", encoding="utf-8")
    spec = importlib.util.spec_from_file_location("veille_eval_score", SCORER)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    summary = scorer.score(SEEDS / "gold", SEEDS / "docs", out)["summary"]
    assert summary["reuse_recall"] >= 0.98
    assert summary["reuse_precision"] >= 0.95
    assert summary["reuse_granularity"] == 1.0
    assert summary["reuse_spurious_pairs"] == 0
