"""The web app through a real `veille serve` process and real HTTP: search and filters, actor timeline and graph,
documents and copies, error handling, escaping of hostile texts, offline assets and localhost-only serving."""

from __future__ import annotations

import json
import re
from pathlib import Path

import httpx
import pytest
from conftest import EXAMPLES, run_veille

from veille.model import Fact
from veille.store.db import connect, transaction
from veille.store.facts import save_facts
from veille.web.server import running_server

XSS = "<script>alert('x')</script>"
HOSTILE_TEXT = (
    "Rapport <script>alert('pwned')</script> sur l'OTAN et l'Azerbaïdjan.\n"
    "Une image <img src=x onerror=alert(1)> et un lien <a href=\"javascript:alert(2)\">cliquez</a>.\n"
    "Le Kazakhstan coopère avec l'OTAN depuis 1994 dans le cadre du Partenariat pour la paix.\n"
    "\" onmouseover=\"alert(3)\" ' onfocus='alert(4)' </textarea></title></style> ]]> {{ 7*7 }}\n"
)


@pytest.fixture(scope="module")
def web_kb(tmp_path_factory) -> Path:
    """The examples plus hostile documents ingested by the real CLI, with facts whose names and quotes are
    hostile too."""
    src = tmp_path_factory.mktemp("hostile")
    (src / "hostile.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    record = {"id": "evil-<script>", "lang": "en", "published": "2025-03-04", "url": "javascript:alert(5)",
              "title": f"Title {XSS}", "text": "NATO and Ukraine signed an agreement in March 2025. <b onclick=x>bold</b>"}
    (src / "evil.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    db = tmp_path_factory.mktemp("webkb") / "kb.sqlite"
    run_veille("ingest", "--quiet", str(EXAMPLES), str(src), db=db)
    conn = connect(db)
    with transaction(conn):
        conn.execute("INSERT OR REPLACE INTO entities(id, name, type, name_fr, name_en, origin) VALUES (?,?,?,?,?,?)",
                     ("x:evil", f"Evil {XSS}", "organization", "<img src=x onerror=alert(6)>", "javascript:alert(7)",
                      "text"))
        doc_id, text = conn.execute("SELECT id, text FROM documents WHERE name = 'hostile.txt'").fetchone()
        quote = "<img src=x onerror=alert(1)>"
        i = text.index(quote)
        nato = conn.execute("SELECT id FROM entities WHERE name = 'NATO'").fetchone()[0]
        save_facts(conn, doc_id, [
            Fact("x:evil", "threatens", nato, "2025-11-20", None, "hostile.txt", i, i + len(quote), quote, 0.9),
            Fact("x:evil", "member_of", nato, "1994", None, "hostile.txt", 0, 10, text[:10], 0.9),
            Fact("x:evil", "partner_of", nato, None, "2008-05", "hostile.txt", 0, 10, text[:10], 0.9),
            Fact("x:evil", "sanctions", None, None, None, "hostile.txt", 0, 10, text[:10], 0.9),
        ])
    conn.close()
    return db


@pytest.fixture(scope="module")
def base(web_kb) -> str:
    with running_server(web_kb) as url:
        yield url


@pytest.fixture(scope="module")
def http(base) -> httpx.Client:
    with httpx.Client(base_url=base, timeout=30) as client:
        yield client


def test_search_finds_documents_and_actors_accents_folded(http):
    r = http.get("/api/search", params={"q": "Lukoil"})
    assert r.status_code == 200
    body = r.json()
    assert "lukoil-caspian-2025" in [d["name"] for d in body["documents"]]
    assert "Lukoil" in [a["name"] for a in body["actors"]]
    hit = next(d for d in body["documents"] if d["name"] == "lukoil-caspian-2025")
    assert any(s["hit"] and s["text"].lower() == "lukoil" for s in hit["snippet"])
    # accents folded both ways, French and English documents alike
    folded = {d["name"] for d in http.get("/api/search", params={"q": "azerbaidjan"}).json()["documents"]}
    accented = {d["name"] for d in http.get("/api/search", params={"q": "Azerbaïdjan"}).json()["documents"]}
    assert folded == accented and "hostile.txt" in folded
    assert http.get("/api/search", params={"q": "tankers"}).json()["documents"][0]["name"] == "lukoil-caspian-2025"
    # actor names and aliases: the French form finds the actor
    actors = http.get("/api/search", params={"q": "Azerbaidjan"}).json()["actors"]
    assert actors and actors[0]["name"] == "Azerbaijan"


def test_search_filters(http):
    en = http.get("/api/search", params={"q": "oil OR OTAN", "lang": "en"}).json()["documents"]
    assert en and all(d["lang"] == "en" for d in en)
    dated = http.get("/api/search", params={"from": "2025-11", "to": "2025-12"}).json()["documents"]
    assert [d["name"] for d in dated] == ["lukoil-caspian-2025"]
    lukoil = http.get("/api/search", params={"q": "Lukoil"}).json()["actors"][0]["id"]
    by_actor = http.get("/api/search", params={"actor": lukoil}).json()["documents"]
    assert "lukoil-caspian-2025" in {d["name"] for d in by_actor} and "hostile.txt" not in {d["name"] for d in by_actor}
    threat = http.get("/api/search", params={"relation": "threatens"}).json()["documents"]
    assert "hostile.txt" in [d["name"] for d in threat]
    for d in threat:
        assert "threatens" in {f["relation"] for f in http.get(f"/api/doc/{d['name']}").json()["facts"]}
    companies = http.get("/api/search", params={"type": "company", "q": "oil"}).json()
    assert all(a["type"] == "company" for a in companies["actors"])
    page = http.get("/", params={"q": "Lukoil", "lang": "en"})
    assert page.status_code == 200 and "lukoil-caspian-2025" in page.text


@pytest.mark.parametrize("query", ['"unbalanced', "AND OR", "NEAR(", "title:"])
def test_malformed_query_gives_400_with_a_readable_message(http, query):
    r = http.get("/api/search", params={"q": query})
    assert r.status_code == 400
    assert "search query" in r.json()["detail"]
    page = http.get("/", params={"q": query})
    assert page.status_code == 400 and "cannot read the search query" in page.text
    assert http.get("/api/search", params={"from": "last week"}).status_code == 400


@pytest.mark.parametrize("path", ["/doc/..%2F..%2Fetc%2Fpasswd", "/doc/../../etc/passwd", "/api/doc/..%2F..%2Fetc%2Fpasswd",
                                  "/static/..%2F..%2Fapp.py", "/static/../app.py", "/static/%2e%2e/app.py",
                                  "/actor/..%2F..%2Fetc%2Fpasswd"])
def test_no_path_traversal(http, path):
    r = http.get(path)
    assert r.status_code == 404
    assert "root:" not in r.text and "create_app" not in r.text


def test_hostile_texts_are_escaped_everywhere(http):
    pages = [http.get("/doc/hostile.txt"), http.get("/doc/evil-%3Cscript%3E"), http.get("/actor/x:evil"),
             http.get("/", params={"q": "pwned"}), http.get("/", params={"q": "Evil"})]
    for r in pages:
        assert r.status_code == 200, r.url
        html = r.text
        assert "<script>alert" not in html
        assert "<img src=x onerror" not in html
        assert "<b onclick" not in html
        assert not re.search(r"""href\s*=\s*["']?\s*javascript:""", html, re.I)
        assert "&lt;script&gt;" in html or "&lt;img" in html
        # the only scripts are the package's static files
        assert re.findall(r"<script[^>]*>", html) == re.findall(r'<script src="/static/[a-z]+\.js">', html)
    # the API returns the raw data as JSON, which browsers never render as a page
    api = http.get("/api/actor/x:evil")
    assert api.headers["content-type"] == "application/json" and api.headers["x-content-type-options"] == "nosniff"
    assert api.json()["name"] == f"Evil {XSS}"
    doc = http.get("/doc/hostile.txt").text
    assert "{{ 7*7 }}" in doc  # data is never evaluated as a template
    assert http.get("/doc/evil-%3Cscript%3E").text.count("javascript:") == 0  # unsafe URL not shown as a link
    assert http.get("/api/doc/evil-%3Cscript%3E").json()["url"] is None


def test_security_headers_and_read_only(http):
    r = http.get("/")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert http.post("/api/search", params={"q": "x"}).status_code == 405
    assert http.get("/", headers={"Host": "evil.example"}).status_code == 400  # DNS rebinding


def test_actor_page_and_timeline(http):
    actor = http.get("/api/actor/x:evil").json()
    assert actor["name"] == f"Evil {XSS}" and actor["name_fr"] and actor["n_facts"] == 4
    threat = next(f for f in actor["facts"] if f["relation"] == "threatens")
    assert threat["sources"][0]["quote"] == "<img src=x onerror=alert(1)>"
    assert threat["n_sources"] == 1 and threat["n_independent"] == 1
    tl = http.get("/api/actor/x:evil/timeline").json()["items"]
    by_rel = {it["relation"]: it for it in tl}
    assert by_rel["threatens"]["start_precision"] == "day" and by_rel["threatens"]["event"]
    assert by_rel["member_of"]["start_precision"] == "year" and by_rel["member_of"]["open_end"]
    assert by_rel["partner_of"]["open_start"] and by_rel["partner_of"]["end_precision"] == "month"
    assert not by_rel["sanctions"]["dated"] and tl[-1]["relation"] == "sanctions"  # undated last
    assert [it["start"] or it["end"] for it in tl[:3]] == ["1994", "2008-05", "2025-11-20"]
    # a date range keeps what overlaps it: open intervals and undated facts stay
    after = {it["relation"] for it in http.get("/api/actor/x:evil/timeline", params={"from": "2010"}).json()["items"]}
    assert after == {"threatens", "member_of", "sanctions"}
    graph = http.get("/api/actor/x:evil/graph").json()
    assert {n["name"] for n in graph["nodes"]} >= {"NATO"} and "threatens" in graph["relations"]
    page = http.get("/actor/x:evil")
    assert 'id="timeline"' in page.text and "2025-11-20" in page.text and "&lt;img src=x onerror=alert(1)&gt;" in page.text
    assert http.get("/api/actor/nobody").status_code == 404
    assert http.get("/actor/nobody").status_code == 404


def test_document_page_marks_mentions_facts_and_copies(http):
    doc = http.get("/api/doc/hostile.txt").json()
    assert doc["mentions"] and doc["facts"]
    assert "".join(s["text"] for s in doc["segments"]) == doc["text"]
    fact = next(f for f in doc["facts"] if f["relation"] == "threatens")
    html = http.get("/doc/hostile.txt", params={"fact": fact["source_id"]}).text
    assert re.search(r'<span class="seg[^"]* hl"[^>]*>&lt;img src=x onerror=alert\(1\)&gt;</span>', html)
    assert 'class="mention' in html and 'href="/actor/' in html
    # a copied passage between two examples: marked, linked to the aligned place, shown side by side
    names = [d["name"] for d in http.get("/api/search").json()["documents"]]
    name, p = next((n, p) for n in names for p in http.get(f"/api/doc/{n}").json()["passages"])
    page = http.get(f"/doc/{name}").text
    assert f'href="/doc/{p["other"]}?at={p["other_start"]}#c{p["other_start"]}"' in page
    other = http.get(f"/doc/{p['other']}", params={"at": p["other_start"]}).text
    assert f'id="c{p["other_start"]}"' in other and "seg copied" in other and " focus" in other
    where = {"a": name, "a_start": p["start"], "b": p["other"], "b_start": p["other_start"]}
    copy = http.get("/api/copy", params=where)
    assert copy.status_code == 200
    view = copy.json()
    assert "".join(w["text"] for w in view["left"]) == view["a_text"]
    assert "".join(w["text"] for w in view["right"]) == view["b_text"]
    assert any(w["op"] != "same" for w in view["left"] + view["right"]) or view["a_text"] == view["b_text"]
    assert http.get("/copy", params=where).status_code == 200
    assert http.get("/api/copy", params=where | {"a_start": p["start"] + 1}).status_code == 404


def test_openapi_and_docs_work_offline(http):
    spec = http.get("/openapi.json").json()
    assert {"/api/search", "/api/actor/{entity_id}", "/api/actor/{entity_id}/timeline", "/api/actor/{entity_id}/graph",
            "/api/doc/{name}", "/api/copy"} <= set(spec["paths"])
    for page in ("/docs", "/", "/actor/x:evil", "/doc/hostile.txt"):
        html = http.get(page).text
        refs = re.findall(r'(?:src|href)="([^"]+)"', html)
        assert refs and all(not re.match(r"(https?:)?//", ref) for ref in refs), page
        for ref in refs:
            if ref.startswith("/static/"):
                assert http.get(ref).status_code == 200
    assert http.get("/redoc").status_code == 404


def test_serve_refuses_non_loopback_hosts(web_kb):
    proc = run_veille("serve", "--host", "0.0.0.0", "--no-open", db=web_kb, check=False, timeout=60)
    assert proc.returncode == 2 and "--allow-remote" in proc.stderr
    missing = run_veille("serve", "--no-open", db=web_kb.parent / "missing.sqlite", check=False, timeout=60)
    assert missing.returncode == 1 and "veille ingest" in missing.stderr
