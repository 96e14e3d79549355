"""`veille export --format csv|graphml|gexf|ftm` on a store built from the seeds, read back as a user's tool would."""

from __future__ import annotations

import csv
import json
import sqlite3
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import run_veille

from veille.model import Fact
from veille.store import db
from veille.store.facts import save_facts

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"
GEXF = "{http://gexf.net/1.3}"


@pytest.fixture(scope="module")
def kb(seed_kb, tmp_path_factory) -> Path:
    """The seed store plus two hand-made statements with exact quotes (so the exports have edges to check)."""
    path = tmp_path_factory.mktemp("exports") / "kb.sqlite"
    src, dst = sqlite3.connect(seed_kb), sqlite3.connect(path)
    src.backup(dst)
    src.close()
    dst.close()
    conn = db.connect(path)
    with db.transaction(conn):
        for doc_id, text, name in conn.execute("SELECT id, text, name FROM documents ORDER BY name").fetchall():
            i = text.find("OTAN")
            s0, s1 = max(0, i - 40), i + 4
            save_facts(conn, doc_id, [
                Fact("Q227", "member_of", "Q7184", "1992", None, name, s0, s1, text[s0:s1], trigger="fixture"),
                Fact("Q227", "supplies", "Q399", "2025-11", None, name, s0, s1, text[s0:s1], what="oil",
                     quantity="30000 t", trigger="fixture"),
            ])
    conn.close()
    return path


def _export(kb: Path, fmt: str, out: Path) -> str:
    return run_veille("export", "--format", fmt, "--out", str(out), db=kb).stdout


def test_csv_tables(kb, tmp_path):
    printed = _export(kb, "csv", tmp_path)
    assert "facts.csv" in printed
    with (tmp_path / "entities.csv").open(encoding="utf-8", newline="") as fh:
        entities = {r["id"]: r for r in csv.DictReader(fh)}
    assert entities["Q227"]["name"] == "Azerbaijan" and int(entities["Q227"]["mentions"]) > 0
    with (tmp_path / "mentions.csv").open(encoding="utf-8", newline="") as fh:
        mentions = list(csv.DictReader(fh))
    texts = dict(sqlite3.connect(kb).execute("SELECT name, text FROM documents"))
    assert mentions and all(texts[m["doc"]][int(m["start"]):int(m["end"])] == m["text"] for m in mentions)
    with (tmp_path / "facts.csv").open(encoding="utf-8", newline="") as fh:
        facts = list(csv.DictReader(fh))
    member = [f for f in facts if (f["subject"], f["relation"], f["object"]) == ("Q227", "member_of", "Q7184")]
    assert member and member[0]["start"] == "1992" and int(member[0]["n_sources"]) >= 2
    assert all(doc in member[0]["sources"] for doc in texts)
    with (tmp_path / "fact_sources.csv").open(encoding="utf-8", newline="") as fh:
        sources = list(csv.DictReader(fh))
    assert all(texts[s["doc"]][int(s["start"]):int(s["end"])] == s["quote"] for s in sources)


def test_graphml(kb, tmp_path):
    _export(kb, "graphml", tmp_path)
    root = ET.parse(tmp_path / "veille.graphml").getroot()
    keys = {k.get("id"): k.get("attr.name") for k in root.iter(f"{GRAPHML}key")}
    nodes = {n.get("id"): {keys[d.get("key")]: d.text for d in n} for n in root.iter(f"{GRAPHML}node")}
    assert nodes["Q227"]["label"] == "Azerbaijan" and nodes["Q227"]["type"] == "country"
    assert nodes["Q7184"]["label"] == "NATO"
    edges = [{keys[d.get("key")]: d.text for d in e} | {"s": e.get("source"), "t": e.get("target")}
             for e in root.iter(f"{GRAPHML}edge")]
    assert all(e["s"] in nodes and e["t"] in nodes for e in edges)
    member = [e for e in edges if (e["s"], e["label"], e["t"]) == ("Q227", "member_of", "Q7184")]
    assert member and member[0]["start"] == "1992" and float(member[0]["weight"]) >= 2


def test_gexf(kb, tmp_path):
    _export(kb, "gexf", tmp_path)
    root = ET.parse(tmp_path / "veille.gexf").getroot()
    assert root.tag == f"{GEXF}gexf"
    labels = {n.get("id"): n.get("label") for n in root.iter(f"{GEXF}node")}
    assert labels["Q227"] == "Azerbaijan"
    titles = {a.get("id"): a.get("title") for a in root.find(f"{GEXF}graph").findall(f"{GEXF}attributes")[1]}
    supplies = [e for e in root.iter(f"{GEXF}edge") if e.get("label") == "supplies" and e.get("source") == "Q227"]
    assert supplies and float(supplies[0].get("weight")) >= 2
    values = {titles[v.get("for")]: v.get("value") for v in supplies[0].iter(f"{GEXF}attvalue")}
    assert values["start"] == "2025-11" and values["what"] == "oil"


def test_followthemoney(kb, tmp_path):
    _export(kb, "ftm", tmp_path)
    lines = [json.loads(x) for x in (tmp_path / "entities.ftm.json").read_text(encoding="utf-8").splitlines()]
    by_id = {e["id"]: e for e in lines}
    assert all(set(e) == {"id", "schema", "properties"} for e in lines)
    assert all(isinstance(v, list) and all(isinstance(x, str) for x in v)
               for e in lines for v in e["properties"].values())
    aze = by_id["Q227"]
    assert aze["schema"] == "PublicBody" and aze["properties"]["country"] == ["az"]
    assert "Azerbaïdjan" in aze["properties"]["alias"]
    assert by_id["Q7184"]["schema"] == "Organization"
    memberships = [e for e in lines if e["schema"] == "Membership" and e["properties"].get("member") == ["Q227"]
                   and e["properties"].get("organization") == ["Q7184"]]
    assert memberships and memberships[0]["properties"]["startDate"] == ["1992"]
    # every entity a link points to is in the file
    for e in lines:
        for prop in ("member", "organization", "subject", "object", "director", "entity", "predecessor"):
            for ref in e["properties"].get(prop, []):
                assert ref in by_id, (e["id"], prop, ref)


def test_unknown_format_is_refused(kb, tmp_path):
    proc = run_veille("export", "--format", "xlsx", "--out", str(tmp_path), db=kb, check=False)
    assert proc.returncode != 0
