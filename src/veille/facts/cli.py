"""Fact-facing commands: `veille timeline`, `veille graph`, `veille facts` and `veille conflicts`.

They read the store (see `veille.store.graph` for the queries) and print, for every fact, its dates at the
precision the text gives, the relation, the other actor, and each source document with its exact quote. Sources
that copy another document (a passage aligned by reuse detection) are marked, and facts say how many of their
sources are independent once copies are collapsed.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from pathlib import Path

WIDTH = 110


def _open(args: argparse.Namespace):
    from veille.store import db

    return db.connect(args.db, readonly=True)


def _resolve(conn, query: str) -> dict | None:
    from veille.store.queries import find_entity

    row = find_entity(conn, query)
    return dict(row) if row is not None else None


def _no_entity(query: str) -> int:
    print(f"no actor matches {query!r} (try its id, its French or English name, or an alias seen in a text)",
          file=sys.stderr)
    return 1


def format_dates(fact: dict) -> str:
    """« 1992 », « 2025-08 → 2025-11 », « → 2008 », or « undated »."""
    start, end = fact.get("start"), fact.get("end")
    if start and end and end != start:
        return f"{start} → {end}"
    if start:
        return start
    if end:
        return f"→ {end}"
    return "undated"


def _quote(text: str, indent: str) -> str:
    body = " ".join(text.split())
    return textwrap.fill(f"« {body} »", WIDTH, initial_indent=indent, subsequent_indent=indent + "  ")


def _extra(fact: dict) -> str:
    bits = [b for b in (fact.get("what"), fact.get("quantity")) if b]
    return f" [{', '.join(bits)}]" if bits else ""


def _print_sources(fact: dict, indent: str = "    ") -> None:
    n, ind = fact["n_sources"], fact["n_independent"]
    print(f"{indent}{n} source{'s' * (n != 1)}, {ind} independent"
          + (" (copies collapsed)" if ind < n else ""))
    for s in fact["sources"]:
        copied = f"  [copied from {s['copied_from']}]" if s.get("copied_from") else ""
        group = f"  (source group {s['group'] + 1})" if ind < n else ""
        print(f"{indent}- {s['doc']} [{s['start']}:{s['end']}]{copied}{group}")
        print(_quote(s["quote"], indent + "  "))


def _name(actor: dict | None) -> str:
    return f"{actor['name']} ({actor['id']})" if actor else "—"


def print_fact(fact: dict, focus: str | None = None) -> None:
    """One fact: dates, relation and actors (seen from `focus` when given), then its sources."""
    dates = format_dates(fact)
    if focus is not None:
        arrow = "→" if fact["direction"] == "out" else "←"
        head = f"{dates:<24} {arrow} {fact['relation']:<16} {_name(fact['other'])}{_extra(fact)}"
    else:
        head = (f"{dates:<24} {_name(fact['subject'])} —{fact['relation']}→ {_name(fact['object'])}"
                f"{_extra(fact)}")
    print(head + f"   conf {fact['confidence']:.2f}  f{fact['id']}")
    if fact.get("inferred"):
        print(f"    inferred: {fact['inferred']}")
    _print_sources(fact)


def _dump(data: object) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    print()


# ---- timeline ----------------------------------------------------------------------------------------------------

def run_timeline(args: argparse.Namespace) -> int:
    from veille.store.graph import timeline

    conn = _open(args)
    actor = _resolve(conn, args.actor)
    if actor is None:
        return _no_entity(args.actor)
    other = None
    if args.with_:
        other = _resolve(conn, args.with_)
        if other is None:
            return _no_entity(args.with_)
    facts = timeline(conn, actor["id"], other["id"] if other else None, args.date_from, args.date_to,
                     relation=args.relation, min_confidence=args.min_confidence)
    if args.json:
        _dump({"actor": actor, "with": other, "from": args.date_from, "to": args.date_to, "facts": facts})
        return 0
    scope = f" with {_name(other)}" if other else ""
    window = f" from {args.date_from or '…'} to {args.date_to or '…'}" if args.date_from or args.date_to else ""
    print(f"{_name(actor)}, {actor['type']}{scope}{window}: {len(facts)} fact{'s' * (len(facts) != 1)}"
          f"  (→ {actor['name']} is the subject, ← the object)")
    undated_shown = False
    for f in facts:
        if not f["start"] and not f["end"] and not undated_shown:
            print("-- undated --")
            undated_shown = True
        print_fact(f, focus=actor["id"])
    return 0


# ---- graph -------------------------------------------------------------------------------------------------------

def _graph_text(g: dict, root: str) -> str:
    names = {n["id"]: n["name"] for n in g["nodes"]}
    lines = [f"{len(g['nodes'])} actors, {len(g['edges'])} facts around {names.get(root, root)} ({root})", ""]
    for n in g["nodes"]:
        lines.append(f"{'  ' * n.get('depth', 0)}[{n.get('depth', 0)}] {n['name']} ({n['id']}, {n['type']})")
    lines.append("")
    for e in g["edges"]:
        dates = format_dates(e)
        lines.append(f"{dates:<24} {names.get(e['source'], e['source'])} —{e['relation']}→ "
                     f"{names.get(e['target'], e['target'])}   weight {e['weight']}  f{e['id']}")
    return "\n".join(lines) + "\n"


def run_graph(args: argparse.Namespace) -> int:
    from veille.export.formats import to_gexf, to_graphml
    from veille.store.graph import neighbours

    conn = _open(args)
    actor = _resolve(conn, args.actor)
    if actor is None:
        return _no_entity(args.actor)
    g = neighbours(conn, actor["id"], args.depth)
    if args.format == "graphml":
        out = to_graphml(g)
    elif args.format == "gexf":
        out = to_gexf(g)
    elif args.format == "json":
        out = json.dumps(g, ensure_ascii=False, indent=2) + "\n"
    else:
        out = _graph_text(g, actor["id"])
    if args.out:
        Path(args.out).write_text(out, encoding="utf-8")
        print(f"{args.out}: {len(g['nodes'])} nodes, {len(g['edges'])} edges", file=sys.stderr)
    else:
        sys.stdout.write(out)
    return 0


# ---- facts / conflicts ---------------------------------------------------------------------------------------------

def run_facts(args: argparse.Namespace) -> int:
    from veille.store.graph import list_facts

    conn = _open(args)
    entity_id = None
    if args.actor:
        actor = _resolve(conn, args.actor)
        if actor is None:
            return _no_entity(args.actor)
        entity_id = actor["id"]
    if args.doc and conn.execute("SELECT 1 FROM documents WHERE name = ?", (args.doc,)).fetchone() is None:
        print(f"no document named {args.doc!r} in {args.db}", file=sys.stderr)
        return 1
    facts = list_facts(conn, relation=args.relation, doc=args.doc, entity_id=entity_id, limit=args.limit,
                       min_confidence=args.min_confidence)
    if args.json:
        _dump(facts)
        return 0
    print(f"{len(facts)} fact{'s' * (len(facts) != 1)}")
    for f in facts:
        print_fact(f)
    return 0


def run_conflicts(args: argparse.Namespace) -> int:
    from veille.store.graph import list_conflicts

    conn = _open(args)
    pairs = list_conflicts(conn)
    if args.json:
        _dump(pairs)
        return 0
    if not pairs:
        print("no conflicting sources")
        return 0
    print(f"{len(pairs)} conflict{'s' * (len(pairs) != 1)}: sources disagreeing on the dates or amount of a fact")
    for p in pairs:
        a, b = p["a"], p["b"]
        print()
        print(f"{_name(a['subject'])} —{a['relation']}→ {_name(a['object'])}: different {p['field']}")
        for side, f in (("A", a), ("B", b)):
            value = format_dates(f) if p["field"] == "dates" else (f.get("quantity") or "—")
            print(f"  {side}: {value}{_extra(f) if p['field'] == 'dates' else ''}   f{f['id']}")
            for s in f["sources"]:
                copied = f"  [copied from {s['copied_from']}]" if s.get("copied_from") else ""
                print(f"     {s['doc']} [{s['start']}:{s['end']}]{copied}")
                print(_quote(s["quote"], "       "))
    return 0


_MIN_CONF = "only facts of at least this confidence (0.5 hides the learned scorer's pairs, which are at most 0.45)"


def add_command(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("timeline", help="an actor's dated facts, chronological, with sources and quotes")
    p.add_argument("actor", metavar="ACTOR", help="id, French or English name, or alias (Q227, Azerbaïdjan, OTAN)")
    p.add_argument("--with", dest="with_", metavar="OTHER", help="only facts between ACTOR and OTHER")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="facts meeting this date or later (YYYY[-MM[-DD]])")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="facts meeting this date or earlier")
    p.add_argument("--relation", help="only this relation")
    p.add_argument("--min-confidence", type=float, metavar="C", help=_MIN_CONF)
    p.add_argument("--json", action="store_true", help="JSON output")
    p.set_defaults(func=run_timeline)

    p = sub.add_parser("graph", help="an actor's neighbourhood: text, GraphML or GEXF (Gephi)")
    p.add_argument("actor", metavar="ACTOR")
    p.add_argument("--depth", type=int, default=1, help="steps away from ACTOR (default 1)")
    p.add_argument("--format", default="text", choices=["text", "graphml", "gexf", "json"])
    p.add_argument("--out", metavar="FILE", help="write to FILE instead of stdout")
    p.set_defaults(func=run_graph)

    p = sub.add_parser("facts", help="list facts with their sources")
    p.add_argument("--relation", help="only this relation (member_of, supplies, …)")
    p.add_argument("--doc", metavar="NAME", help="only facts stated in this document")
    p.add_argument("--actor", help="only facts involving this actor")
    p.add_argument("--limit", type=int, help="at most this many facts")
    p.add_argument("--min-confidence", type=float, metavar="C", help=_MIN_CONF)
    p.add_argument("--json", action="store_true", help="JSON output")
    p.set_defaults(func=run_facts)

    p = sub.add_parser("conflicts", help="sources giving different dates or amounts for the same fact")
    p.add_argument("--json", action="store_true", help="JSON output")
    p.set_defaults(func=run_conflicts)
