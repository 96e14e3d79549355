"""Learned pair scorer: two actors named in one sentence that no rule related are scored by a logistic model over
features of the sentence (entity types, dependency path, trigger words, distance, what the rules said elsewhere),
and a pair scored high enough becomes a fact of lower confidence.

The rules are precise but miss phrasings nobody wrote a rule for; the model ranks the pairs they left by how often
such pairs are related in annotated documents. Its weights are data (`data/pair_model.json`), trained offline by
`python -m veille.facts.train_pairs` on the project's annotated sets; scoring is a sum of weights, no library.
The relation and direction are those annotators most often gave such pairs (same nearest trigger word and types,
else same types); the date is the one nearest the trigger, else the words that join the two actors.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from veille.facts.context import (
    RELATION_PLOVER,
    Arg,
    _cessation,
    _date_ends,
    _DocContext,
    _make,
    _negated,
    _pick_date,
    _Trig,
    lca,
)
from veille.model import Fact

MODEL_PATH = Path(__file__).parent / "data" / "pair_model.json"
# types that take part in relations; a place is only ever where something is
_TYPES = ("country", "organization", "person", "company", "programme", "operation", "event", "agreement", "place")


@dataclass
class Candidate:
    """Two actors of one sentence (`a` before `b`) that no rule related there, with their features."""

    sent: object  # spaCy Span
    a: Arg
    b: Arg
    features: list[str]
    trig: _Trig | None  # the trigger that would give the relation, if any
    lca: object  # the two heads' lowest common ancestor (spaCy Token), None across parse trees


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return f">{edges[-1]}"


def _coordinated(a, b) -> bool:
    """`b` is in the list `a` heads or shares (« A, B et C », "A and B")."""
    x = b
    while x.dep_ == "conj" and x.head.i != x.i:
        x = x.head
        if x.i == a.i:
            return True
    return a.dep_ == "conj" and b.dep_ == "conj" and a.head.i == b.head.i


def _features(ctx: _DocContext, sent, a: Arg, b: Arg, top, plen: int, trigs: list[_Trig], sent_facts: list[Fact],
              doc_pairs: set[frozenset], in_facts: set[str]) -> tuple[list[str], _Trig | None]:
    sd = ctx.sdoc
    ta, tb = sd[a.head], sd[b.head]
    ea, eb = a.m.entity, b.m.entity
    lo, hi = sorted((a.head, b.head))
    f = [f"lang={ctx.lang}", f"tp={a.m.type}>{b.m.type}", f"tps={'|'.join(sorted((a.m.type, b.m.type)))}",
         f"oa={a.m.origin}", f"ob={b.m.origin}", f"pa={a.prep}", f"pb={b.prep}", f"da={ta.dep_}", f"db={tb.dep_}",
         f"dist={_bucket(hi - lo, (2, 5, 10, 20))}",
         f"nb={_bucket(sum(1 for x in ctx.args if lo < x.head < hi and x.m.entity not in (ea, eb)), (0, 1, 2))}"]
    f.append(f"dd={ta.dep_}>{tb.dep_}")
    f.append(f"pp={a.prep}>{b.prep}|{a.m.type}>{b.m.type}")
    f.append(f"na={_bucket(len({x.m.entity for x in ctx.args if sent.start <= x.head < sent.end}), (2, 3, 4, 6))}")
    if _coordinated(ta, tb) or _coordinated(tb, ta):
        f.append("coord")
        f.append(f"coord|{a.m.type}>{b.m.type}")
    f.append(f"plen={_bucket(plen, (1, 2, 3, 5, 8))}")
    if top is not None:
        f += [f"lcapos={top.pos_}", f"lca={top.lemma_.lower()}"]
        if top.i == ta.i:
            f.append("lca_a")
        elif top.i == tb.i:
            f.append("lca_b")
    gap = [t for t in sd[lo + 1:hi] if not t.is_punct]
    if len(gap) <= 8:
        f += [f"w={t.lemma_.lower()}" for t in gap if ctx.tok_arg.get(t.i) is None]
    best = None
    for tr in trigs:
        where = "in" if lo < tr.tok.i < hi else "out"
        f.append(f"tr_{where}={tr.entry.relation}")
        f.append(f"tr_{where}={tr.entry.relation}|{a.m.type}>{b.m.type}")
        d = 0 if where == "in" else min(abs(tr.tok.i - lo), abs(tr.tok.i - hi))
        if top is not None and tr.tok.i == top.i:
            f.append(f"tr_lca={tr.entry.relation}")
            d = -1
        if best is None or d < best[0]:
            best = (d, tr)
    if not trigs:
        f.append("no_trig")
    elif best is not None and best[0] <= 6:
        en = best[1].entry
        f.append(f"near={en.relation}{'<' if en.inverse else ''}")
        side = "mid" if lo < best[1].tok.i < hi else ("pre" if best[1].tok.i < lo else "post")
        f.append(f"near_side={side}")
    if frozenset((ea, eb)) in doc_pairs:
        f.append("paired_elsewhere")
    f += ["a_busy"] if ea in in_facts else []
    f += ["b_busy"] if eb in in_facts else []
    f.append(f"nf={_bucket(len(sent_facts), (0, 1, 3))}")
    if ea == ctx.main or eb == ctx.main:
        f.append("main")
    if any(sent.start <= ti < sent.end for _, ti in ctx.timexes):
        f.append("dated")
    return f, (best[1] if best is not None and best[0] <= 6 else None)


# nouns a demonym only gives the origin or nationality of (« citoyens serbes d'origine russe »): no actor acts there
_ORIGIN_NOUNS = {"origine", "origin", "descent", "citoyens", "citoyen", "citizens", "citizen", "ressortissants",
                 "nationals", "habitants", "residents", "inhabitants", "population", "minorité", "minority",
                 "diaspora", "communauté", "community"}


def _origin_only(ctx: _DocContext, a: Arg) -> bool:
    tok = ctx.sdoc[a.head]
    return a.m.origin == "demonym" and tok.head.i != tok.i and tok.head.lower_ in _ORIGIN_NOUNS


def pair_candidates(ctx: _DocContext, said: list[tuple], facts: list[Fact]) -> list[Candidate]:
    """Every two actors of a sentence that no fact of that sentence relates (the closest mentions of each)."""
    doc_pairs = {frozenset((f.subject, f.object)) for f in facts if f.object}
    by_start = sorted(facts, key=lambda f: f.span_start)
    starts = [f.span_start for f in by_start]
    out: list[Candidate] = []
    for sent, sent_args, trigs in said:
        here = by_start[bisect_left(starts, sent.start_char):bisect_left(starts, sent.end_char)]
        paired = {frozenset((f.subject, f.object)) for f in here if f.object}
        in_facts = {e for f in here for e in (f.subject, f.object) if e}
        # a demonym that only says where a company or a place is (« le groupe français X ») is no party
        located = {f.object_span for f in here if f.relation == "located_in"}
        args = [x for x in sent_args if x.m.type in _TYPES and not _origin_only(ctx, x) and
                not (x.m.origin == "demonym" and (x.m.start, x.m.end) in located)]
        best: dict[frozenset, tuple[int, Arg, Arg]] = {}
        for i, a in enumerate(args):
            for b in args[i + 1:]:
                key = frozenset((a.m.entity, b.m.entity))
                if len(key) < 2 or key in paired:
                    continue
                if a.m.type == "place" and b.m.type == "place":
                    continue
                d = abs(b.head - a.head)
                if key not in best or d < best[key][0]:
                    best[key] = (d, a, b) if a.head <= b.head else (d, b, a)
        for _, a, b in best.values():
            top, plen = lca(ctx.sdoc[a.head], ctx.sdoc[b.head])
            feats, trig = _features(ctx, sent, a, b, top, plen, trigs, here, doc_pairs, in_facts)
            if any(t is not None and _negated(ctx, t) for t in (top, trig.tok if trig else None)):
                continue  # "Georgia never joined the CSTO": what a clause denies, the model does not restore
            out.append(Candidate(sent, a, b, feats, trig, top))
    return out


@lru_cache(maxsize=1)
def load_model(path: str = str(MODEL_PATH)) -> dict | None:
    p = Path(path)
    if not p.exists():
        return None
    return json.loads(p.read_text(encoding="utf-8"))


def score(model: dict, features: list[str]) -> float:
    w = model["weights"]
    z = model["bias"] + sum(w.get(x, 0.0) for x in features)
    return 1.0 / (1.0 + math.exp(-z))


def learned_facts(ctx: _DocContext, said: list[tuple], facts: list[Fact]) -> list[Fact]:
    """Facts for the candidate pairs the model scores at or above its threshold, one per pair and sentence."""
    model = load_model()
    if model is None:
        return []
    by_sent: dict[int, list[tuple[float, Candidate]]] = {}
    for c in pair_candidates(ctx, said, facts):
        p = score(model, c.features)
        if p >= model["threshold"]:
            by_sent.setdefault(c.sent.start, []).append((p, c))
    out: list[Fact] = []
    cap = model.get("per_sentence", 99)
    for kept in by_sent.values():
        kept.sort(key=lambda x: -x[0])  # a dense list of names: only its likeliest pairs
        out += [_fact_for(ctx, model, c, p) for p, c in kept[:cap]]
    return sorted(out, key=lambda f: f.span_start)


def relation_of(model: dict, c: Candidate) -> tuple[str, bool]:
    """The relation annotators most often gave such a pair (same nearest trigger and types, else same types) and
    whether the later actor is its subject."""
    tp = f"{c.a.m.type}>{c.b.m.type}"
    near = next((x[5:] for x in c.features if x.startswith("near=")), "")
    table = model["relations"]
    rel, flip = table.get(f"{near}|{tp}") or table.get(tp) or ("other", False)
    return rel, bool(flip)


def _fact_for(ctx: _DocContext, model: dict, c: Candidate, p: float) -> Fact:
    a, b, sd = c.a, c.b, ctx.sdoc
    rel, flip = relation_of(model, c)
    subj, obj = (b, a) if flip else (a, b)
    if c.trig is not None:
        tok = c.trig.tok
        word = tok.text
        plover = c.trig.entry.plover if c.trig.entry.relation == rel else RELATION_PLOVER.get(rel)
        span = (tok.idx, sd[c.trig.end].idx + len(sd[c.trig.end]))
        date = _pick_date(ctx, tok, c.sent)
        ends = _cessation(ctx, tok, date)
    else:
        anchor = c.lca if c.lca is not None else sd[b.head]
        plover, word, span = RELATION_PLOVER.get(rel), None, (anchor.idx, anchor.idx + len(anchor))
        date = _pick_date(ctx, anchor, c.sent)
        ends = _date_ends(ctx, date)  # « la mission … a pris fin en mai 2024 »
    return _make(ctx, c.sent, rel, subj, subj.m.entity, obj, span, date, ends, min(0.45, round(p * 0.5, 2)),
                 plover, word)
