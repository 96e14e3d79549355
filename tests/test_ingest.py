"""Ingest end to end with the real CLI, model and SQLite file: seeds, examples, bad inputs, idempotence, kill and
re-run."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

from conftest import EXAMPLES, NATO_PAGE, NOTE, run_veille, veille_cmd


def _count(db: Path, sql: str) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchone()[0]


def test_seeds_are_ingested_with_language_and_inferred_date(seed_export):
    docs = {d["doc"]: d for d in map(json.loads, (seed_export / "documents.jsonl").read_text().splitlines())}
    assert set(docs) == {NOTE, NATO_PAGE}
    assert all(d["lang"] == "fr" for d in docs.values())
    # the analyst's note has no date: it is inferred from the text (articles of 2025, Lukoil « à partir du
    # 20 novembre » in the future tense)
    assert docs[NOTE]["published"] is None
    assert (docs[NOTE]["published_inferred"] or "").startswith("2025")


def test_export_files_follow_the_format(seed_export, seeds_dir):
    for name in ("documents.jsonl", "entities.jsonl", "facts.jsonl", "reuse.jsonl"):
        assert (seed_export / name).exists()
    texts = {p.name: p.read_text(encoding="utf-8") for p in seeds_dir.iterdir()}
    entities = [json.loads(line) for line in (seed_export / "entities.jsonl").read_text().splitlines()]
    assert entities
    for e in entities:
        assert e["type"] in {"country", "organization", "programme", "operation", "person", "place", "company",
                             "agreement", "event", "other"}
        for m in e["mentions"]:
            # every mention indexes the original text exactly, with clean edges
            assert texts[m["doc"]][m["start"]:m["end"]] == m["text"]
            assert m["text"] == m["text"].strip(" \n.,;:")
            assert not m["text"].lower().startswith(("l'", "l’", "d'", "d’"))


def test_reingest_is_idempotent(tmp_path, seeds_dir):
    db = tmp_path / "kb.sqlite"
    run_veille("ingest", "--quiet", str(seeds_dir), db=db)
    counts = [_count(db, f"SELECT count(*) FROM {t}") for t in ("documents", "mentions", "facts", "fact_sources")]
    second = run_veille("ingest", "--quiet", str(seeds_dir), db=db)
    assert "0 new" in second.stdout and "2 unchanged" in second.stdout
    assert [_count(db, f"SELECT count(*) FROM {t}") for t in ("documents", "mentions", "facts", "fact_sources")] \
        == counts


def test_same_text_under_another_name_is_not_duplicated(tmp_path):
    src = EXAMPLES / "otan-georgie.txt"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "in" / "copy-of-a.txt").write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    db = tmp_path / "kb.sqlite"
    out = run_veille("ingest", "--quiet", str(tmp_path / "in"), db=db)
    assert _count(db, "SELECT count(*) FROM documents") == 1
    assert "copy-of-a.txt" in out.stdout and "same text" in out.stdout


def test_bad_inputs_are_reported_by_name_and_good_ones_kept(tmp_path):
    d = tmp_path / "batch"
    d.mkdir()
    (d / "good.txt").write_text("L'Arménie a rejoint l'Organisation du traité de sécurité collective en 1992.",
                                encoding="utf-8")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.md").write_text("   \n\n  ", encoding="utf-8")
    (d / "latin1.txt").write_bytes("La Géorgie coopère avec l'OTAN depuis 1994 à Tbilissi.".encode("latin-1"))
    (d / "huge.txt").write_bytes(b"mot " * (50 * 1024 * 1024 // 4))
    (d / "broken.html").write_text("<html><head><title>Brisé</title><body><p>L'Iran menace Israël <b>en 2024"
                                   "<div><p>Le Hezbollah soutient l'Iran.", encoding="utf-8")
    (d / "corpus.jsonl").write_text(
        json.dumps({"id": "rec-1", "text": "La Russie fournit du gaz à l'Arménie.", "published": "2024-05-01"})
        + "\n{not json\n"
        + json.dumps({"id": "rec-3", "text": "Turkey supports Azerbaijan.", "lang": "en"}) + "\n"
        + json.dumps({"text": "no id here"}) + "\n", encoding="utf-8")
    (d / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    db = tmp_path / "kb.sqlite"
    out = run_veille("ingest", "--quiet", str(d), db=db).stdout
    names = {r[0] for r in sqlite3.connect(db).execute("SELECT name FROM documents")}
    assert names == {"good.txt", "latin1.txt", "broken.html", "rec-1", "rec-3"}
    # each bad one is named with its reason
    for expected in ("binary.txt: binary", "empty.txt: empty", "blank.md: empty", "huge.txt: file too large",
                     "corpus.jsonl:2: bad JSON", "corpus.jsonl:4: record without 'id'", "image.png: unsupported"):
        assert expected in out, f"{expected!r} not reported in:\n{out}"
    assert "latin1.txt: decoded as Windows-1252" in out
    text = sqlite3.connect(db).execute("SELECT text FROM documents WHERE name = 'latin1.txt'").fetchone()[0]
    assert "Géorgie" in text and "Tbilissi" in text
    published = sqlite3.connect(db).execute("SELECT published FROM documents WHERE name = 'rec-1'").fetchone()[0]
    assert published == "2024-05-01"
    rejected = {r[0] for r in sqlite3.connect(db).execute("SELECT name FROM rejected")}
    assert {"binary.txt", "empty.txt", "huge.txt"} <= rejected


def _make_corpus(folder: Path, n: int) -> None:
    countries = ["la Géorgie", "l'Arménie", "la Moldavie", "l'Ukraine", "le Kazakhstan", "la Serbie"]
    for i in range(n):
        c = countries[i % len(countries)]
        body = (f"Dépêche {i}. En {1992 + i % 30}, {c} a adhéré au Partenariat pour la paix de l'OTAN. "
                f"Le ministre a rencontré ses homologues à Bruxelles le {1 + i % 27} mars {2000 + i % 25}. ") * 6
        (folder / f"dep-{i:03d}.txt").write_text(body, encoding="utf-8")


def test_killed_ingest_then_rerun_leaves_every_document_once(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _make_corpus(corpus, 40)
    db = tmp_path / "kb.sqlite"
    cmd = veille_cmd() + ["--db", str(db), "ingest", "--quiet", str(corpus)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.time() + 240
    stored = 0
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.2)
        if db.exists():
            try:
                stored = _count(db, "SELECT count(*) FROM documents")
            except sqlite3.OperationalError:
                continue
            if stored >= 3:
                break
    assert proc.poll() is None, "ingest finished before it could be interrupted"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = _count(db, "SELECT count(*) FROM documents")
    assert 0 < partial < 40
    # what was stored is whole: every stored document has its mentions, nothing refers to a missing document
    assert _count(db, "SELECT count(*) FROM documents d WHERE NOT EXISTS"
                      " (SELECT 1 FROM mentions m WHERE m.doc_id = d.id)") == 0
    run_veille("ingest", "--quiet", str(corpus), db=db)
    assert _count(db, "SELECT count(*) FROM documents") == 40
    assert _count(db, "SELECT count(DISTINCT name) FROM documents") == 40
    assert _count(db, "SELECT count(*) FROM mentions WHERE doc_id NOT IN (SELECT id FROM documents)") == 0
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_examples_folder_ingests_all_formats(tmp_path):
    db = tmp_path / "kb.sqlite"
    out = run_veille("ingest", "--quiet", str(EXAMPLES), db=db).stdout
    assert "could not be ingested" not in out
    with sqlite3.connect(db) as conn:
        rows = dict(conn.execute("SELECT name, lang FROM documents"))
        assert rows["armenia-azerbaijan-agreement.txt"] == "en"
        assert rows["otan-georgie.txt"] == "fr"
        assert rows["lukoil-caspian-2025"] == "en"
        title, published, text = conn.execute(
            "SELECT title, published, text FROM documents WHERE name = 'csto-armenia.html'").fetchone()
        assert "OTSC" in title and published == "2024-02-23"
        assert "cookies" not in text and "Mentions légales" not in text and "Pachinian" in text
