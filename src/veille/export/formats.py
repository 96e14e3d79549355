"""Exports of the knowledge base for other tools: CSV tables, GraphML and GEXF graphs (Gephi, yEd, networkx) and
FollowTheMoney entities as JSON lines (Aleph, OpenAleph, `ftm` tools).

The graph writers take the {"nodes", "edges"} dicts of `veille.store.graph` so `veille graph` (one actor's
neighbourhood) and `veille export` (the whole graph) write the same files. XML is built with ElementTree, so it is
always well formed and escaped.
"""

from __future__ import annotations

import csv
import json
import sqlite3
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from veille.store import graph

FORMATS = ("csv", "graphml", "gexf", "ftm")

NODE_ATTRS = (("type", "string"), ("name_fr", "string"), ("name_en", "string"), ("qid", "string"),
              ("depth", "int"), ("mentions", "int"), ("documents", "int"))
EDGE_ATTRS = (("relation", "string"), ("start", "string"), ("end", "string"), ("what", "string"),
              ("quantity", "string"), ("confidence", "double"), ("documents", "int"), ("fact", "string"))


def _edge_value(edge: dict, key: str) -> object:
    return f"f{edge['id']}" if key == "fact" else edge.get(key)


def _xml(root: ET.Element) -> str:
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def to_graphml(g: dict[str, list[dict]]) -> str:
    """GraphML: node `label` and attributes, edge `label` (relation), dates and `weight` (number of sources)."""
    ET.register_namespace("", "http://graphml.graphdrawing.org/xmlns")
    ns = "{http://graphml.graphdrawing.org/xmlns}"
    root = ET.Element(f"{ns}graphml")
    ET.SubElement(root, f"{ns}key", {"id": "label", "for": "node", "attr.name": "label", "attr.type": "string"})
    for name, kind in NODE_ATTRS:
        ET.SubElement(root, f"{ns}key", {"id": f"n_{name}", "for": "node", "attr.name": name, "attr.type": kind})
    ET.SubElement(root, f"{ns}key", {"id": "e_label", "for": "edge", "attr.name": "label", "attr.type": "string"})
    ET.SubElement(root, f"{ns}key", {"id": "weight", "for": "edge", "attr.name": "weight", "attr.type": "double"})
    for name, kind in EDGE_ATTRS:
        ET.SubElement(root, f"{ns}key", {"id": f"e_{name}", "for": "edge", "attr.name": name, "attr.type": kind})
    gr = ET.SubElement(root, f"{ns}graph", {"id": "veille", "edgedefault": "directed"})
    for n in g["nodes"]:
        node = ET.SubElement(gr, f"{ns}node", {"id": n["id"]})
        ET.SubElement(node, f"{ns}data", {"key": "label"}).text = n["name"]
        for name, _ in NODE_ATTRS:
            if n.get(name) is not None:
                ET.SubElement(node, f"{ns}data", {"key": f"n_{name}"}).text = str(n[name])
    for e in g["edges"]:
        edge = ET.SubElement(gr, f"{ns}edge", {"id": f"f{e['id']}", "source": e["source"], "target": e["target"]})
        ET.SubElement(edge, f"{ns}data", {"key": "e_label"}).text = e["relation"]
        ET.SubElement(edge, f"{ns}data", {"key": "weight"}).text = str(float(e["weight"]))
        for name, _ in EDGE_ATTRS:
            value = _edge_value(e, name)
            if value is not None:
                ET.SubElement(edge, f"{ns}data", {"key": f"e_{name}"}).text = str(value)
    return _xml(root)


def to_gexf(g: dict[str, list[dict]]) -> str:
    """GEXF 1.3 (Gephi's own format): node labels, typed attributes, edge label = relation, weight = sources."""
    ET.register_namespace("", "http://gexf.net/1.3")
    ns = "{http://gexf.net/1.3}"
    root = ET.Element(f"{ns}gexf", {"version": "1.3"})
    meta = ET.SubElement(root, f"{ns}meta", {"lastmodifieddate": date.today().isoformat()})
    ET.SubElement(meta, f"{ns}creator").text = "veille"
    ET.SubElement(meta, f"{ns}description").text = "actors and dated relations, weight = number of sources"
    gr = ET.SubElement(root, f"{ns}graph", {"defaultedgetype": "directed", "mode": "static"})
    for cls, attrs in (("node", NODE_ATTRS), ("edge", EDGE_ATTRS)):
        block = ET.SubElement(gr, f"{ns}attributes", {"class": cls, "mode": "static"})
        for i, (name, kind) in enumerate(attrs):
            ET.SubElement(block, f"{ns}attribute", {"id": str(i), "title": name, "type": kind})
    nodes = ET.SubElement(gr, f"{ns}nodes")
    for n in g["nodes"]:
        node = ET.SubElement(nodes, f"{ns}node", {"id": n["id"], "label": n["name"]})
        values = ET.SubElement(node, f"{ns}attvalues")
        for i, (name, _) in enumerate(NODE_ATTRS):
            if n.get(name) is not None:
                ET.SubElement(values, f"{ns}attvalue", {"for": str(i), "value": str(n[name])})
    edges = ET.SubElement(gr, f"{ns}edges")
    for e in g["edges"]:
        edge = ET.SubElement(edges, f"{ns}edge", {
            "id": f"f{e['id']}", "source": e["source"], "target": e["target"], "label": e["relation"],
            "kind": e["relation"], "weight": str(float(e["weight"]))})
        values = ET.SubElement(edge, f"{ns}attvalues")
        for i, (name, _) in enumerate(EDGE_ATTRS):
            value = _edge_value(e, name)
            if value is not None:
                ET.SubElement(values, f"{ns}attvalue", {"for": str(i), "value": str(value)})
    return _xml(root)


# ---- CSV ----------------------------------------------------------------------------------------------------

def _write_csv(path: Path, header: list[str], rows: Iterator[list]) -> int:
    n = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        for row in rows:
            w.writerow(["" if v is None else v for v in row])
            n += 1
    return n


def export_csv(conn: sqlite3.Connection, out: Path) -> dict[str, int]:
    """entities.csv, mentions.csv, facts.csv (with a compact `sources` column) and fact_sources.csv (quotes)."""
    counts = {}
    counts["entities.csv"] = _write_csv(
        out / "entities.csv", ["id", "name", "type", "name_fr", "name_en", "qid", "mentions", "documents"],
        ([r["id"], r["name"], r["type"], r["name_fr"], r["name_en"], r["qid"], r["n"], r["docs"]] for r in
         conn.execute("SELECT e.*, count(m.id) AS n, count(DISTINCT m.doc_id) AS docs FROM entities e"
                      " LEFT JOIN mentions m ON m.entity = e.id GROUP BY e.id ORDER BY e.id")))
    counts["mentions.csv"] = _write_csv(
        out / "mentions.csv", ["entity", "doc", "start", "end", "text", "origin", "label"],
        ([r["entity"], r["doc"], r["start"], r["end"], r["text"], r["origin"], r["label"]] for r in
         conn.execute("SELECT m.*, d.name AS doc FROM mentions m JOIN documents d ON d.id = m.doc_id"
                      " ORDER BY d.name, m.start")))
    facts = graph.list_facts(conn)
    counts["facts.csv"] = _write_csv(
        out / "facts.csv",
        ["id", "subject", "subject_name", "relation", "object", "object_name", "start", "end", "what", "quantity",
         "plover", "confidence", "n_sources", "n_independent", "sources"],
        ([f"f{f['id']}", f["subject"]["id"], f["subject"]["name"], f["relation"],
          f["object"]["id"] if f["object"] else None, f["object"]["name"] if f["object"] else None,
          f["start"], f["end"], f["what"], f["quantity"], f["plover"], f["confidence"], f["n_sources"],
          f["n_independent"], "; ".join(f"{s['doc']}:{s['start']}-{s['end']}" for s in f["sources"])]
         for f in facts))
    counts["fact_sources.csv"] = _write_csv(
        out / "fact_sources.csv", ["fact", "doc", "start", "end", "quote", "copied_from", "independent_group"],
        ([f"f{f['id']}", s["doc"], s["start"], s["end"], s["quote"], s["copied_from"], s["group"]]
         for f in facts for s in f["sources"]))
    return counts


# ---- FollowTheMoney ---------------------------------------------------------------------------------------------

# entity type -> FtM schema; states are public bodies (FtM has no "Country" schema: countries are property values)
FTM_SCHEMA = {
    "country": "PublicBody", "organization": "Organization", "company": "Company", "person": "Person",
    "place": "Address", "programme": "Event", "operation": "Event", "event": "Event", "agreement": "Event",
    "other": "LegalEntity",
}
_LEGAL = {"PublicBody", "Organization", "Company", "Person", "LegalEntity"}
_ORG = {"PublicBody", "Organization", "Company"}


def _props(**values: object) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for key, value in values.items():
        items = value if isinstance(value, list | tuple | set) else [value]
        kept = sorted({str(v) for v in items if v not in (None, "")})
        if kept:
            out[key] = kept
    return out


def _iso_codes() -> dict[str, str]:
    """Country entity id -> ISO code from the curated knowledge base (empty if it cannot be read)."""
    try:
        from veille.kb import load_kb

        return {a.id: a.iso.lower() for a in load_kb() if getattr(a, "iso", None)}
    except Exception:  # noqa: BLE001 - the code is a nicety
        return {}


def ftm_entities(conn: sqlite3.Connection) -> Iterator[dict]:
    """Actors then relations as FtM entities ({id, schema, properties}); every value is a list of strings."""
    iso = _iso_codes()
    aliases: dict[str, set[str]] = {}
    for r in conn.execute("SELECT DISTINCT entity, alias FROM aliases"):
        aliases.setdefault(r[0], set()).add(r[1])
    schema_of: dict[str, str] = {}
    for e in conn.execute("SELECT * FROM entities ORDER BY id"):
        schema = FTM_SCHEMA.get(e["type"], "LegalEntity")
        schema_of[e["id"]] = schema
        names = {e["name_fr"], e["name_en"]} | aliases.get(e["id"], set())
        names.discard(e["name"])
        if schema == "Address":
            props = _props(full=e["name"], name=e["name"], summary=sorted(n for n in names if n))
        else:
            props = _props(name=e["name"], alias=[n for n in names if n], wikidataId=e["qid"])
        if e["type"] == "country" and e["id"] in iso:
            props["country"] = props["jurisdiction"] = [iso[e["id"]]]
        if schema == "Event" and e["type"] != "event":
            props["summary"] = [e["type"]]
        yield {"id": e["id"], "schema": schema, "properties": props}
    for f in graph.list_facts(conn):
        yield _ftm_link(f, schema_of)


def _ftm_link(f: dict, schema_of: dict[str, str]) -> dict:
    subj = f["subject"]["id"]
    obj = f["object"]["id"] if f["object"] else None
    s_schema, o_schema = schema_of.get(subj, "LegalEntity"), schema_of.get(obj or "", "")
    rel = f["relation"]
    common = {"startDate": f["start"], "endDate": f["end"],
              "description": [s["quote"] for s in f["sources"]],
              "publisher": [s["doc"] for s in f["sources"]],
              "sourceUrl": [s["url"] for s in f["sources"] if s.get("url")], "recordId": f"f{f['id']}"}
    if rel in ("member_of", "observer_of", "part_of") and s_schema in _LEGAL and o_schema in _ORG:
        schema, props = "Membership", _props(member=subj, organization=obj, role=rel.replace("_", " "), **common)
    elif rel == "leader_of" and s_schema in _LEGAL and o_schema in _ORG:
        schema, props = "Directorship", _props(director=subj, organization=obj, role="leader", **common)
    elif rel == "succeeded_by" and s_schema in _LEGAL and o_schema in _LEGAL:
        schema, props = "Succession", _props(predecessor=subj, successor=obj, **common)
    elif rel == "sanctions" and obj:
        schema, props = "Sanction", _props(entity=obj, authority=f["subject"]["name"], reason=f["what"], **common)
    elif rel in ("participates_in", "contributes_to", "meets") and o_schema == "Event":
        # the programme / operation is an Event: record the participant on a link of its own
        schema, props = "UnknownLink", _props(subject=subj, object=obj, role=rel.replace("_", " "), **common)
    else:
        role = rel.replace("_", " ") + (f" ({f['what']}{', ' + f['quantity'] if f['quantity'] else ''})"
                                        if f["what"] else "")
        schema, props = "UnknownLink", _props(subject=subj, object=obj, role=role, **common)
    return {"id": f"veille-f{f['id']}", "schema": schema, "properties": props}


def export_ftm(conn: sqlite3.Connection, out: Path) -> dict[str, int]:
    n = 0
    with (out / "entities.ftm.json").open("w", encoding="utf-8") as fh:
        for entity in ftm_entities(conn):
            fh.write(json.dumps(entity, ensure_ascii=False) + "\n")
            n += 1
    return {"entities.ftm.json": n}


def export(conn: sqlite3.Connection, fmt: str, out_dir: str | Path) -> dict[str, int]:
    """Write the knowledge base as `fmt` (csv, graphml, gexf, ftm) into `out_dir`; returns {file name: count}
    (rows for CSV and FtM, nodes + edges for the graphs)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    if fmt == "csv":
        return export_csv(conn, out)
    if fmt == "ftm":
        return export_ftm(conn, out)
    if fmt in ("graphml", "gexf"):
        g = graph.whole_graph(conn)
        name = f"veille.{fmt}"
        (out / name).write_text(to_graphml(g) if fmt == "graphml" else to_gexf(g), encoding="utf-8")
        return {name: len(g["nodes"]) + len(g["edges"])}
    raise ValueError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)}, or jsonl)")
