"""Corpus-level reuse: planted copies in a synthetic corpus are found (PlagDet), and `veille reuse PATH...` writes
reuse.jsonl lines from folders of text files and JSONL corpora."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

from test_reuse_align import EN_COPY, EN_SOURCE, FR_REWRITE, FR_SOURCE

from veille.cli import main
from veille.reuse import engine, find_reuse

BENCH = Path(__file__).resolve().parents[1] / "bench"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_planted_copies_in_a_synthetic_corpus_are_found():
    gen, pan = _load("reuse_gen"), _load("reuse_plagdet")
    docs, truth = gen.generate(400, seed=7)
    passages = find_reuse(((d["id"], d["text"], d["published"]) for d in docs), workers=2, progress=False)
    pred = [((p.a_doc, p.a_start, p.a_end), (p.b_doc, p.b_start, p.b_end)) for p in passages]
    gold = [((t["a"]["doc"], t["a"]["start"], t["a"]["end"]), (t["b"]["doc"], t["b"]["start"], t["b"]["end"]))
            for t in truth]
    res = pan.plagdet(gold, pred)
    assert len(truth) == 56
    assert res["recall"] >= 0.98 and res["precision"] >= 0.98 and res["granularity"] == 1.0
    # the earlier document is named as the source; the generator dates every source before its copy
    src_of = {frozenset((g[0][0], g[1][0])): g[0][0] for g in gold}
    for p in passages:
        assert {"a": p.a_doc, "b": p.b_doc}[p.source] == src_of[frozenset((p.a_doc, p.b_doc))]


def test_pool_and_single_process_give_the_same_passages(monkeypatch):
    gen = _load("reuse_gen")
    docs, _ = gen.generate(300, seed=3)
    monkeypatch.setattr(engine, "POOL_MIN_PAIRS", 1)  # use the worker pool even on a small corpus
    triples = [(d["id"], d["text"], d["published"]) for d in docs]
    one = find_reuse(triples, workers=1, progress=False)
    two = find_reuse(triples, workers=2, progress=False)
    assert sorted(map(repr, one)) == sorted(map(repr, two))


def test_cli_on_a_folder_of_texts(tmp_path, capsys):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "page.txt").write_text(EN_SOURCE, encoding="utf-8")
    (folder / "news.md").write_text(EN_COPY, encoding="utf-8")
    (folder / "other.txt").write_text(FR_SOURCE, encoding="utf-8")
    (folder / "ignored.csv").write_text(EN_SOURCE, encoding="utf-8")
    out = tmp_path / "pairs.jsonl"
    assert main(["reuse", str(folder), "--out", str(out), "--no-progress"]) == 0
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 1
    docs = {lines[0]["a"]["doc"], lines[0]["b"]["doc"]}
    assert docs == {"page.txt", "news.md"}
    assert lines[0]["source"] is None
    side = lines[0]["a"] if lines[0]["a"]["doc"] == "page.txt" else lines[0]["b"]
    assert EN_SOURCE[side["start"]:side["end"]].startswith("Georgia joined the North Atlantic")


def test_cli_on_a_jsonl_corpus_writes_to_stdout(tmp_path, capsys):
    corpus = tmp_path / "corpus.jsonl"
    records = [{"id": "conseil", "text": FR_SOURCE, "published": "2024-02-26"},
               {"id": "note", "text": FR_REWRITE, "published": "2024-02-27"},
               {"id": "page", "text": EN_SOURCE}]
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    assert main(["reuse", str(corpus), "--no-progress"]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert len(lines) == 1
    line = lines[0]
    assert (line["a"]["doc"], line["b"]["doc"], line["source"]) == ("conseil", "note", "a")
    assert FR_REWRITE[line["b"]["start"]:line["b"]["end"]].endswith("contre l’Ukraine.")
