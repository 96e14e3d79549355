"""`veille timeline / graph / facts / conflicts` run as a user would, on a store built from the seed documents.

Besides the facts the extractor finds, the fixture adds statements of its own through `save_facts` (quotes taken
from the stored texts at their real offsets), so ordering, date precision, copied sources and conflicts are
checked even while the extractor finds few facts.
"""

from __future__ import annotations

import json
import re
import sqlite3
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import run_veille

from veille.model import Fact
from veille.store import db
from veille.store.facts import independent_groups, mark_copied, save_facts
from veille.store.graph import timeline


def _sentences(text: str):
    for m in re.finditer(r"[^.\n]+[.\n]?", text):
        if m.group().strip():
            yield m.start(), m.end()


def _add_facts(path: Path) -> None:
    """Statements between Azerbaijan and every other actor it shares a sentence with, dated by the sentence's first
    year; plus an undated one, a month-precision one and a conflicting date."""
    conn = db.connect(path)
    with db.transaction(conn):
        docs = conn.execute("SELECT id, name, text FROM documents ORDER BY name").fetchall()
        for d in docs:
            mentions = conn.execute("SELECT start, end, entity FROM mentions WHERE doc_id = ?", (d["id"],)).fetchall()
            facts = []
            for s0, s1 in _sentences(d["text"]):
                inside = [m for m in mentions if s0 <= m["start"] and m["end"] <= s1]
                if not any(m["entity"] == "Q227" for m in inside):
                    continue
                year = re.search(r"\b(19|20)\d\d\b", d["text"][s0:s1])
                for m in inside:
                    if m["entity"] == "Q227" or any(f.object == m["entity"] for f in facts if f.span_start == s0):
                        continue
                    facts.append(Fact("Q227", "cooperates_with", m["entity"], year.group() if year else None, None,
                                      d["name"], s0, s1, d["text"][s0:s1], trigger="fixture"))
            if facts:
                first = facts[0]
                facts.append(Fact("Q227", "meets", first.object, "1992-05", None, d["name"], first.span_start,
                                  first.span_end, first.quote, trigger="fixture"))
                facts.append(Fact("Q227", "proposes", None, None, None, d["name"], first.span_start,
                                  first.span_end, first.quote, trigger="fixture"))
            save_facts(conn, d["id"], facts)
            mark_copied(conn, d["id"])
        # the same statement with another date in another document: a conflict
        d = docs[-1]
        s0, s1 = next(_sentences(d["text"]))
        save_facts(conn, docs[0]["id"], [Fact("Q227", "sanctions", "Q159", "2001", None, docs[0]["name"], 0, 10,
                                              docs[0]["text"][:10], trigger="fixture")])
        save_facts(conn, d["id"], [Fact("Q227", "sanctions", "Q159", "2003", None, d["name"], s0, s1,
                                        d["text"][s0:s1], trigger="fixture")])
    conn.close()


@pytest.fixture(scope="module")
def kb(seed_kb, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("timeline") / "kb.sqlite"
    src = sqlite3.connect(seed_kb)
    dst = sqlite3.connect(path)
    src.backup(dst)
    src.close()
    dst.close()
    _add_facts(path)
    return path


def _texts(path: Path) -> dict[str, str]:
    conn = sqlite3.connect(path)
    return dict(conn.execute("SELECT name, text FROM documents"))


def test_timeline_is_chronological_with_exact_quotes(kb):
    out = json.loads(run_veille("timeline", "Azerbaijan", "--json", db=kb).stdout)
    assert out["actor"]["id"] == "Q227"
    facts = out["facts"]
    assert len(facts) >= 5
    dated = [f["start"] for f in facts if f["start"]]
    assert dated == sorted(dated), "dated facts in chronological order"
    first_undated = next(i for i, f in enumerate(facts) if not f["start"] and not f["end"])
    assert all(not f["start"] and not f["end"] for f in facts[first_undated:]), "undated facts come last"
    # « 1992 » (a year) sorts before « 1992-05 » (a month of it), each keeps its precision
    starts = [f["start"] for f in facts]
    if "1992" in starts and "1992-05" in starts:
        assert starts.index("1992") < starts.index("1992-05")
    assert {f["precision"] for f in facts if f["start"]} >= {"year", "month"}
    texts = _texts(kb)
    for f in facts:
        for s in f["sources"]:
            assert texts[s["doc"]][s["start"]:s["end"]] == s["quote"]


@pytest.mark.parametrize("query", ["Azerbaijan", "Azerbaïdjan", "Q227", "azerbaidjan"])
def test_actor_found_by_any_name(kb, query):
    out = json.loads(run_veille("timeline", query, "--json", db=kb).stdout)
    assert out["actor"]["id"] == "Q227"


def test_copied_sources_are_collapsed(kb):
    conn = db.connect(kb, readonly=True)
    if not conn.execute("SELECT count(*) FROM reuse_passage").fetchone()[0]:
        pytest.skip("the seeds share no detected passage in this build")
    facts = timeline(conn, "Q227")
    both = [f for f in facts if f["n_documents"] == 2]
    assert both, "a statement inside the copied passage is stated by both seeds"
    for f in both:
        assert f["n_independent"] == len(independent_groups(conn, f["id"]))
    assert any(f["n_independent"] == 1 and any(s["copied_from"] for s in f["sources"]) for f in both)
    text = run_veille("timeline", "Azerbaïdjan", db=kb).stdout
    assert "copied from" in text and "independent" in text


def test_timeline_with_other_and_window(kb):
    out = json.loads(run_veille("timeline", "Azerbaijan", "--with", "OTAN", "--json", db=kb).stdout)
    assert out["with"]["id"] == "Q7184"
    assert out["facts"] and all(f["other"]["id"] == "Q7184" for f in out["facts"])
    window = json.loads(run_veille("timeline", "Q227", "--from", "1992-03", "--to", "1999", "--json", db=kb).stdout)
    assert window["facts"]
    for f in window["facts"]:
        assert f["start"][:4] <= "1999" and (f["end"] or f["start"]) >= "1992"[:len(f["end"] or f["start"])]


def test_timeline_text_output(kb):
    out = run_veille("timeline", "Azerbaijan", db=kb).stdout
    lines = out.splitlines()
    assert lines[0].startswith("Azerbaijan (Q227), country")
    assert "« " in out and "-- undated --" in out


def test_unknown_actor_fails_cleanly(kb):
    proc = run_veille("timeline", "Atlantis-that-is-not", db=kb, check=False)
    assert proc.returncode == 1 and "no actor matches" in proc.stderr


def test_graph_formats(kb, tmp_path):
    text = run_veille("graph", "OTAN", "--depth", "2", db=kb).stdout
    assert "NATO" in text and "Azerbaijan" in text
    for fmt in ("graphml", "gexf"):
        out = tmp_path / f"g.{fmt}"
        run_veille("graph", "Azerbaijan", "--format", fmt, "--out", str(out), db=kb)
        root = ET.parse(out).getroot()
        nodes = {n.get("id"): n for n in root.iter() if n.tag.endswith("}node")}
        edges = [e for e in root.iter() if e.tag.endswith("}edge")]
        assert "Q227" in nodes and "Q7184" in nodes
        assert edges and all(e.get("source") in nodes and e.get("target") in nodes for e in edges)
    stdout = run_veille("graph", "Q227", "--format", "gexf", db=kb).stdout
    root = ET.fromstring(stdout)
    labels = {n.get("label") for n in root.iter("{http://gexf.net/1.3}node")}
    assert "Azerbaijan" in labels and "NATO" in labels
    weights = [float(e.get("weight")) for e in root.iter("{http://gexf.net/1.3}edge")]
    assert max(weights) >= 2, "a fact stated by both seeds weighs 2 sources"


def test_facts_listing(kb):
    names = sorted(_texts(kb))
    out = json.loads(run_veille("facts", "--relation", "meets", "--json", db=kb).stdout)
    assert out and all(f["relation"] == "meets" for f in out)
    by_doc = json.loads(run_veille("facts", "--doc", names[0], "--json", db=kb).stdout)
    assert by_doc and all(any(s["doc"] == names[0] for s in f["sources"]) for f in by_doc)
    assert "fact" in run_veille("facts", "--actor", "Azerbaïdjan", db=kb).stdout
    assert run_veille("facts", "--doc", "missing.txt", db=kb, check=False).returncode == 1


def test_conflicts_side_by_side(kb):
    out = json.loads(run_veille("conflicts", "--json", db=kb).stdout)
    mine = [p for p in out if p["a"]["relation"] == "sanctions" and p["a"]["subject"]["id"] == "Q227"]
    assert mine and mine[0]["field"] == "dates"
    assert {mine[0]["a"]["start"], mine[0]["b"]["start"]} == {"2001", "2003"}
    text = run_veille("conflicts", db=kb).stdout
    assert "different dates" in text and "2001" in text and "2003" in text


def test_real_extracted_timeline(seed_kb):
    """On the store as `veille ingest` built it (facts from the extractor only)."""
    conn = db.connect(seed_kb, readonly=True)
    if not conn.execute("SELECT count(*) FROM facts").fetchone()[0]:
        pytest.skip("the fact extractor produced no facts on the seeds in this build")
    out = json.loads(run_veille("timeline", "Azerbaïdjan", "--json", db=seed_kb).stdout)
    dated = [f["start"] for f in out["facts"] if f["start"]]
    assert dated == sorted(dated)
    texts = _texts(seed_kb)
    for f in out["facts"]:
        assert f["precision"] in (None, "year", "month", "day")
        for s in f["sources"]:
            assert texts[s["doc"]][s["start"]:s["end"]] == s["quote"]


def test_min_confidence_hides_the_learned_guesses(seed_kb):
    """The learned pair scorer's facts (confidence at most 0.45) are in the timeline, and `--min-confidence 0.5`
    leaves only what the rules state."""
    everything = json.loads(run_veille("timeline", "Azerbaïdjan", "--json", db=seed_kb).stdout)["facts"]
    confident = json.loads(run_veille("timeline", "Azerbaïdjan", "--min-confidence", "0.5", "--json",
                                      db=seed_kb).stdout)["facts"]
    assert any(f["confidence"] < 0.5 for f in everything)
    assert confident and all(f["confidence"] >= 0.5 for f in confident)
    assert {f["id"] for f in confident} == {f["id"] for f in everything if f["confidence"] >= 0.5}
    listed = json.loads(run_veille("facts", "--min-confidence", "0.5", "--json", db=seed_kb).stdout)
    assert listed and all(f["confidence"] >= 0.5 for f in listed)


def test_precision_aware_order_and_window(tmp_path):
    """Without the seeds: « 2025 » sorts before « 2025-08 », undated last; a window meets coarser dates."""
    from veille.model import Analysis, Document, EntityInfo

    conn = db.connect(tmp_path / "kb.sqlite")
    text = "Armenia and Azerbaijan signed. They met again. A treaty followed. Talks went on."
    with db.transaction(conn):
        analysis = Analysis(doc=Document("t.txt", text, lang="en"),
                            entities={e: EntityInfo(e, n, "country") for e, n in
                                      (("Q399", "Armenia"), ("Q227", "Azerbaijan"))})
        doc_id = db.save_analysis(conn, analysis, db.text_hash(text))
        spans = [(0, 30), (31, 46), (47, 64), (65, 79)]
        dates = ["2025-08", None, "2025", "2024-12-01"]
        save_facts(conn, doc_id, [Fact("Q399", rel, "Q227", d, None, "t.txt", s0, s1, text[s0:s1])
                                  for rel, d, (s0, s1) in zip(("agreement_with", "meets", "supports", "opposes"),
                                                               dates, spans, strict=True)])
    facts = timeline(conn, "Q227")
    assert [f["start"] for f in facts] == ["2024-12-01", "2025", "2025-08", None]
    assert [f["precision"] for f in facts] == ["day", "year", "month", None]
    assert all(f["direction"] == "in" and f["other"]["id"] == "Q399" for f in facts)
    assert [f["start"] for f in timeline(conn, "Q227", date_from="2025-08", date_to="2025-08")] == ["2025", "2025-08"]
    assert [f["start"] for f in timeline(conn, "Q227", limit=2, offset=1)] == ["2025", "2025-08"]
