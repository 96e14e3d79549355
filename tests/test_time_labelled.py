"""`veille dates` against the labelled French and English sentences of eval/timex (written for the project):
the value F1 a user relies on, per language, and the traps (« mer », "Article 5", « 30.000 tonnes ») left alone."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _scorer():
    spec = importlib.util.spec_from_file_location("dates_score", ROOT / "bench/dates_score.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["dates_score"] = mod  # its dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_value_f1_on_labelled_sentences(lang: str) -> None:
    ds = _scorer()
    t = ds.score_file(ROOT / "eval/timex" / f"{lang}.jsonl")
    assert t.gold > 100
    _, _, span_f1 = ds.prf(t.span_ok, t.pred, t.gold)
    _, _, value_f1 = ds.prf(t.value_ok, t.pred, t.gold)
    assert span_f1 >= 0.95, t.misses
    assert value_f1 >= 0.88, t.misses


def test_trap_sentences_give_no_date() -> None:
    ds = _scorer()
    spurious = [m for lang in ("fr", "en") for m in ds.score_file(ROOT / "eval/timex" / f"{lang}.jsonl").misses
                if m[0].startswith("spurious")]
    assert len(spurious) <= 4, spurious
