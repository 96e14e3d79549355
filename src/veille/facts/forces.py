"""Armed forces and wars: troops arriving in, stationed in or leaving a country or an operation (« des
instructeurs militaires russes sont arrivés au Niger », "the CSTO sent 2,000 troops to Kazakhstan": supports or
contributes_to, ended by a withdrawal), and the start and end of a war read from its sentence ("which broke out in
September 2020, ended on Nov. 10")."""

from __future__ import annotations

import re
from dataclasses import replace

from veille.facts.attributes import dates_from
from veille.facts.context import (
    _WAR_WORDS,
    Arg,
    _add_with_conjuncts,
    _args_under,
    _clause_subject,
    _DocContext,
    _make,
    _named_args,
    _pick_date,
    _subtree_ids,
    _tree_dist,
)
from veille.model import Fact

_TROOPS = {"armée", "armées", "troupes", "soldats", "militaires", "forces", "contingent", "contingents", "instructeurs",
           "casques", "paramilitaires", "mercenaires", "army", "troops", "soldiers", "military", "instructors", "peacekeepers", "mercenaries", "servicemen", "personnel"}
_TROOPS_IN = ("déploy", "déploi", "station", "arriv", "envoy", "dépêch", "rest", "maint", "présent", "deploy", "sent",
              "send", "dispatch", "remain", "based")
_TROOPS_OUT = ("quitt", "retir", "retrait", "parti", "left", "leav", "withdr", "pull")
_POSSESSIVE_DETS = {"its", "their", "his", "her", "son", "sa", "ses", "leur", "leurs"}
_TO_PLACE = {"à", "au", "aux", "en", "dans", "vers", "to", "in", "into", "de", "du", "des", "from", "d'", "", "out of"}


def _troop_facts(ctx: _DocContext, sent, sent_args: list[Arg]) -> list[tuple[int, Fact]]:
    """« des instructeurs militaires russes sont arrivés au Niger », « l'armée française a quitté le pays le 15 août
    2022 », "the CSTO sent 2,000 troops to Kazakhstan": a state's (or body's) forces arriving in or stationed in a
    country support it from that date; leaving or withdrawing ends that support."""
    out: list[tuple[int, Fact]] = []
    for t in ctx.toks[sent.start:sent.end]:
        if t.lower_ not in _TROOPS or t.dep_ in ("amod", "compound"):
            continue
        owner = next((ctx.tok_arg[c.i] for c in t.children if c.i in ctx.tok_arg and c.dep_ in (
            "amod", "nmod", "poss", "nmod:poss", "compound") and ctx.tok_arg[c.i].m.type in ("country",
                                                                                           "organization")), None)
        verb = t.head
        w = verb.lower_
        if owner is None and any(c.lower_ in _POSSESSIVE_DETS for c in t.children):
            continue  # « ses forces », "its forces": whose, the parse cannot tell reliably
        if t.dep_ in ("obj", "dobj") and owner is None:
            s = _clause_subject(verb, ctx.lang)
            got = _args_under(ctx, s, sent_args) if s is not None else []
            owner = got[0] if got and got[0].m.type in ("country", "organization") else None
        if owner is None or verb.i == t.i:
            continue
        ends = w.startswith(_TROOPS_OUT)
        if not ends and not w.startswith(_TROOPS_IN):
            continue
        owner = _named_args(ctx, [owner])[0]
        under = _subtree_ids(verb) - _subtree_ids(t)
        places = [a for a in sent_args if a.head in under and _tree_dist(verb, ctx.toks[a.head]) <= 2 and
                  a.m.type in ("country", "place", "operation") and a.m.origin != "demonym" and a.prep in _TO_PLACE and
                  a.m.entity != owner.m.entity and (a.prep != "" or ends)]
        if not places:
            continue
        spread: list[Arg] = []
        _add_with_conjuncts(ctx, places[0], spread)
        date = _pick_date(ctx, verb, sent)
        since = None  # « Présente au Mali depuis 2013, l'armée française a quitté le pays en 2022 »
        for c in verb.children:
            if ends and c.dep_ == "advcl" and c.lower_.startswith(("présent", "present", "déploy", "deploy",
                                                                    "station", "engag")):
                inside = _subtree_ids(c)
                got = _pick_date(ctx, c, sent)
                if got is not None and got[1] in inside:
                    since = dates_from(got[0], False)[0]
                if date is not None and date[1] in inside:
                    date = None  # the participle's date is the start, not the departure
        for place in _named_args(ctx, spread):
            if place.m.type in ("country", "place", "operation") and place.m.entity != owner.m.entity:
                # troops sent to an operation contribute to it; to a country, they support it
                rel = "contributes_to" if place.m.type == "operation" else "supports"
                f = _make(ctx, sent, rel, owner, owner.m.entity, place, (t.idx, verb.idx + len(verb)), date,
                          ends, 0.55, "AID", verb.text)
                f.start = f.start or since
                out.append((1, f))
    return out


_ONSET = re.compile(r"(?:broke out|erupted|began|started|was launched|éclaté|éclate|commencé|débuté|déclenchée?)"
                    r"\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_ENDED = re.compile(r"(?:ended|was over|ceased|finished|s'est achevée?|s'est terminée?|a pris fin|prend fin|a cessé)"
                    r"\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


def _war_bounds(ctx: _DocContext, sent, cands: list[tuple[int, Fact]]) -> list[tuple[int, Fact]]:
    """"The war between A and B, which broke out in September 2020, ended on Nov. 10": a war's sentence says when it
    started and when it ended, whichever date the trigger's nearest one was."""
    wars = [k for k, (_, f) in enumerate(cands) if f.relation == "attacks" and (f.trigger or "").lower() in _WAR_WORDS]
    if not wars:
        return cands
    onset = ended = None
    for tx, ti in ctx.timexes:
        if sent.start <= ti < sent.end and isinstance(tx.value, str):
            before = ctx.ntext[max(sent.start_char, tx.start - 40):tx.start]
            if _ONSET.search(before):
                onset = onset or tx
            elif _ENDED.search(before):
                ended = ended or tx
    if onset is None and ended is None:
        return cands
    out = list(cands)
    for k in wars:
        prio, f = out[k]
        out[k] = (prio, replace(f, start=onset.value if onset else f.start if ended is None else None,
                                end=ended.value if ended else f.end))
    return out
