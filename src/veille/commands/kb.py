"""`veille entities` and `veille entity NAME-OR-ID`: the actors of the knowledge base and why each alias is
theirs."""

from __future__ import annotations

import argparse
import json

from veille.store import db, queries


def run_entities(args: argparse.Namespace) -> int:
    conn = db.connect(args.db, readonly=True)
    rows = queries.list_entities(conn, args.doc, args.type)
    if args.json:
        for r in rows:
            print(json.dumps(dict(r), ensure_ascii=False))
        return 0
    for r in rows:
        print(f"{r['id']:<28} {r['type']:<13} {r['name']:<40} {r['mentions']:>4} mentions in {r['docs']} doc(s)")
    print(f"{len(rows)} entities")
    return 0


def run_entity(args: argparse.Namespace) -> int:
    conn = db.connect(args.db, readonly=True)
    ent = queries.find_entity(conn, args.query)
    if ent is None:
        print(f"no entity matches '{args.query}'")
        return 1
    aliases = queries.aliases_of(conn, ent["id"])
    mentions = queries.mentions_of(conn, ent["id"])
    if args.json:
        print(json.dumps({"entity": dict(ent), "aliases": [dict(a) for a in aliases], "mentions": mentions},
                         ensure_ascii=False, indent=1))
        return 0
    print(f"{ent['name']}  [{ent['id']}]  type: {ent['type']}")
    print(f"  French: {ent['name_fr'] or '—'}    English: {ent['name_en'] or '—'}"
          + (f"    Wikidata: {ent['qid']}" if ent["qid"] else ""))
    print("  aliases (why merged):")
    for a in aliases:
        why = queries.ORIGIN_EXPLAINED.get(a["origin"], a["origin"])
        print(f"    {a['alias']!r:<45} ×{a['count']:<3} {why}  [{a['docs']}]")
    print("  mentions:")
    current = None
    for m in mentions:
        if m["doc"] != current:
            current = m["doc"]
            print(f"    {current}")
        print(f"      {m['start']:>6}  …{m['left'][-40:]}[{m['text']}]{m['right'][:40]}…")
    return 0


def add_command(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("entities", help="list actors (optionally of one document or one type)")
    p.add_argument("--doc", help="only actors mentioned in this document")
    p.add_argument("--type", help="only actors of this type (country, organization, programme, …)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run_entities)
    p = sub.add_parser("entity", help="one actor: names, aliases and why they were merged, mentions")
    p.add_argument("query", metavar="NAME-OR-ID")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run_entity)
