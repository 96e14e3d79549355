"""Passes over the whole document, run after the sentence loop: a pair of actors related once and named
again with a trigger and a date of its own, an actor that "followed" another, a region the KB places in a country the
document names, the programmes and joint bodies a country takes part in without a verb saying so. Also, sentence by sentence, heads of state and envoys
standing for the states and bodies they speak for."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from veille.facts.context import Arg, _cessation, _DocContext, _make, _pick_date
from veille.facts.roles import kb_actor, kb_bodies
from veille.facts.structures import _named_inside
from veille.model import Fact

# relations close enough that a trigger of one restates a pair known by another
_FAMILY = {"agreement_with": "ties", "cooperates_with": "ties", "partner_of": "ties", "meets": "ties",
           "supports": "help", "supplies": "help", "contributes_to": "help",
           "attacks": "hostile", "threatens": "hostile", "opposes": "hostile", "sanctions": "hostile",
           "member_of": "belongs", "participates_in": "belongs", "observer_of": "belongs"}


def _restated_pairs(ctx: _DocContext, said: list[tuple], facts: list[Fact]) -> list[Fact]:
    """A pair of actors the document relates once, named again together with a trigger and a date of its own, is
    the same relation at that other date: "Armenia and the EU signed a partnership agreement in 1996. … The EU and
    Armenia signed a visa facilitation agreement in 2013" — quoted on its own sentence, at lower confidence."""
    known: dict[frozenset, Fact] = {}
    for f in sorted(facts, key=lambda f: -f.confidence):
        if f.object is not None and f.subject != f.object and f.confidence >= 0.5:
            known.setdefault(frozenset((f.subject, f.object)), f)
    starts = [sent.start_char for sent, _, _ in said]
    told: dict[int, set[frozenset]] = {}  # sentence index -> the pairs a fact already states there
    for f in facts:
        told.setdefault(bisect_right(starts, f.span_start) - 1, set()).add(frozenset((f.subject, f.object)))
    out: list[Fact] = []
    for k, (sent, sent_args, trigs) in enumerate(said):
        if not trigs:
            continue
        named = [a for a in sent_args if a.m.origin != "anaphor" and a.m.label != "NESTED"]
        in_sent = told.get(k, set())
        done: set[frozenset] = set()
        for i, a in enumerate(named):
            for b in named[i + 1:]:
                pair = frozenset((a.m.entity, b.m.entity))
                if len(pair) < 2 or pair not in known or pair in in_sent or pair in done:
                    continue
                tr = min(trigs, key=lambda t: abs(t.tok.i - (a.head + b.head) / 2))
                date = _pick_date(ctx, tr.tok, sent)
                if date is None:
                    continue
                ref = known[pair]
                subj, obj = (a, b) if a.m.entity == ref.subject else (b, a)
                rel = tr.entry.by_type.get(obj.m.type, tr.entry.relation)
                if rel != ref.relation and not (_FAMILY.get(rel, rel) == _FAMILY.get(ref.relation, ref.relation)):
                    if tr.entry.inverse or not a.head < tr.tok.i < b.head:
                        continue  # another kind of relation whose direction the words do not tell
                    subj, obj = a, b  # the sentence's own trigger says what, its word order who
                elif rel != ref.relation:
                    rel = ref.relation  # "signed", "concluded" again about partners: the known relation
                f = _make(ctx, sent, rel, subj, subj.m.entity, obj, (tr.tok.idx, tr.tok.idx + len(tr.tok)),
                          date, _cessation(ctx, tr.tok, date), 0.35, ref.plover, tr.tok.text)
                done.add(pair)
                out.append(f)
    return out


_FOLLOWED = {"followed", "follows", "follow", "suivi", "suivie", "emboîté", "imité", "imitée", "imitées", "suivra"}
_FOLLOWABLE = {"member_of", "proposes", "partner_of", "other", "participates_in", "observer_of", "sanctions",
               "supports", "contributes_to", "agreement_with", "cooperates_with"}


def _followed(ctx: _DocContext, said: list[tuple], facts: list[Fact]) -> list[Fact]:
    """"Finland joined NATO in April 2023; Sweden followed in March 2024", "…, or Georgia, which followed in December
    2023", « la Suède lui a emboîté le pas en 2024 »: the one who followed did what the actor just named did, at
    the date of its own clause."""
    out: list[Fact] = []
    for sent, sent_args, _ in said:
        for tok in ctx.toks[sent.start:sent.end]:
            if tok.text.lower() not in _FOLLOWED or any(c.dep_ in ("obj", "dobj") and c.i in ctx.tok_arg
                                                        for c in tok.children):
                continue  # "Russia followed the talks": a follower with an object follows that, not an example
            date = _pick_date(ctx, tok, sent)
            before = [a for a in sent_args if a.head < tok.i and a.prep == "" and a.m.origin != "demonym"
                      and a.m.type in ("country", "organization", "company") and tok.i - a.head <= 6]
            if date is None or not before:
                continue
            who = before[-1]
            prev = [f for f in facts if f.span_start < who.m.start and f.relation in _FOLLOWABLE and f.object and
                    f.subject != who.m.entity and ctx.types.get(f.subject) == who.m.type and
                    f.object != who.m.entity and who.m.start - f.span_start < 600]
            if not prev:
                continue
            model = max(prev, key=lambda f: (f.span_end, f.confidence))
            f = _make(ctx, sent, model.relation, who, who.m.entity, None, (tok.idx, tok.idx + len(tok)), date,
                      False, 0.5, model.plover, tok.text)
            f.object = model.object
            out.append(f)
    return out


def _regions_of_countries(ctx: _DocContext, said: list[tuple], facts: list[Fact]) -> list[Fact]:
    """A region the KB places in a country the document also names is part of it (« la Transnistrie, région
    séparatiste de l'est du pays »), quoted where both are named together, else at the region's first mention."""
    paired = {frozenset((f.subject, f.object)) for f in facts}
    out: list[Fact] = []
    done: set[str] = set()
    for sent, sent_args, _ in said:
        for a in sent_args:
            e = a.m.entity
            if a.m.type != "place" or a.m.origin == "anaphor" or e in done:
                continue
            actor = kb_actor(e)
            country = getattr(actor, "country", None)
            if actor is None or actor.kind != "region" or country not in ctx.analysis.entities or \
                    frozenset((e, country)) in paired:
                continue
            together = next(((s, args) for s, args, _ in said if any(b.m.entity == e for b in args)
                             and any(b.m.entity == country for b in args)), None)
            done.add(e)
            at, args = together if together is not None else (sent, sent_args)
            own = next(b for b in args if b.m.entity == e)
            other = next((b for b in args if b.m.entity == country), None)
            f = _make(ctx, at, "part_of", own, e, other, (own.m.start, own.m.end), None, False, 0.4, None, None)
            f.object = country
            out.append(f)
    return out


def _implied_participations(ctx: _DocContext, said: list[tuple], facts: list[Fact]) -> list[Fact]:
    """Participations the text implies without a verb, quoted at the body's first mention and dated by its clause
    (« créée en septembre 2008 »):
    - a joint body names its partner: « la Commission OTAN-Géorgie » → Georgia member_of it (a council, commission or
      committee; participates_in a package or programme);
    - on a page about one country, the programmes it names are the country's unless the text ties them to someone
      else: "DEEP supports the National Defence University" → the country participates_in DEEP."""
    main = ctx.main
    counts: dict[str, int] = {}
    for a in ctx.args:
        counts[a.m.entity] = counts.get(a.m.entity, 0) + 1
    page_of = main if main is not None and ctx.types.get(main) == "country" and counts.get(main, 0) >= 3 and \
        counts[main] >= max(counts.values()) / 2 else None
    paired = {frozenset((f.subject, f.object)) for f in facts}
    claimed = {f.object for f in facts if f.relation in ("participates_in", "member_of", "proposes") and
               ctx.types.get(f.subject) == "country"}
    out: list[Fact] = []
    seen: set[str] = set()
    for a in ctx.args:
        e = a.m.entity
        if a.m.type not in ("programme", "organization") or a.m.origin in ("anaphor", "demonym") or e in seen:
            continue
        seen.add(e)
        partner, rel = _joint_partner(ctx, a), "participates_in"
        if partner is not None:
            if re.search(r"(?i)\b(?:council|commission|committee|conseil|comité|forum)\b", a.m.text):
                rel = "member_of"
        elif a.m.type == "programme" and page_of is not None and e not in claimed:
            partner = page_of
        if partner is None or frozenset((partner, e)) in paired:
            continue
        sent = next((s for s, _, _ in said if s.start <= a.head < s.end), None)
        if sent is None:
            continue
        out.append(_make(ctx, sent, rel, None, partner, a, (a.m.start, a.m.end), _pick_date(ctx, ctx.toks[a.head], sent),
                         False, 0.4, "COOPERATE", None))
    return out


def _joint_partner(ctx: _DocContext, a: Arg) -> str | None:
    """The country a joint body's name pairs with an organisation: « Commission OTAN-Géorgie », "EU-Armenia
    Partnership Priorities"."""
    m = re.search(r"([\w.']+)\s?[-–]\s?([\w.']+)", ctx.ntext[a.m.start:a.m.end])
    if m is None:
        return None
    sides = [_named_inside(ctx, [w], {a.m.entity}) for w in m.groups()]
    if None in sides:
        return None
    types = [s[1] for s in sides]
    if sorted(types) != ["country", "organization"]:
        return None
    country = sides[types.index("country")][0]
    return country if country in ctx.analysis.entities else None


def _leaders_sign_for_states(ctx: _DocContext, cands: list[tuple[int, Fact]],
                             leaders: dict[str, str]) -> list[tuple[int, Fact]]:
    """Heads of state or government signing together: their states make the agreement; the leaders meet when the
    text says where they signed (« A et B ont signé à Minsk », "signed … in the Kremlin"), else the agreement is
    theirs too (« la déclaration signée par A et B »)."""
    out = list(cands)
    for prio, f in cands:
        if f.relation == "mediates" and ctx.types.get(f.object or "") == "person":
            # a mediator between envoys mediates between those they speak for, heads, ministers or chiefs alike
            state = _speaks_for(ctx, f.object or "", leaders)
            if state and state != f.subject:
                out.append((prio, replace(f, object=state, confidence=round(f.confidence - 0.1, 2),
                                          object_span=None)))
            continue
        if f.relation in _STATE_ACTS and f.object is not None and ctx.types.get(f.subject) == "person" and \
                f.subject in leaders and leaders[f.subject] != f.object and ctx.types.get(f.object) != "person":
            # « le président X a suspendu la coopération avec l'AIEA »: a head of state acts for the state
            out.append((prio, replace(f, subject=leaders[f.subject], confidence=round(f.confidence - 0.1, 2),
                                      subject_span=None)))
            continue
        if f.relation != "agreement_with" or f.object is None:
            continue
        s_state = _speaks_for(ctx, f.subject, leaders) if ctx.types.get(f.subject) == "person" else f.subject
        o_state = _speaks_for(ctx, f.object, leaders) if ctx.types.get(f.object) == "person" else f.object
        if ctx.types.get(f.subject) == "person" and ctx.types.get(f.object) == "person" and \
                _signed_at_a_place(ctx, f):
            f.relation, f.plover = "meets", "CONSULT"  # signing together somewhere: the leaders met there
        if s_state and o_state and s_state != o_state and (s_state, o_state) != (f.subject, f.object):
            out.append((prio, replace(f, subject=s_state, object=o_state, relation="agreement_with",
                                      confidence=round(f.confidence - 0.1, 2), subject_span=None, object_span=None)))
    return out


_AT = re.compile(r"(?:\bin|\bat|\bà|\bau)\s+(?:the\s+|la\s+|le\s+|l['’])?$", re.IGNORECASE)


def _signed_at_a_place(ctx: _DocContext, f: Fact) -> bool:
    """The clause of a signing names where it happened (« à Minsk », "in the Kremlin", « à la Maison-Blanche »)."""
    tail = ctx.ntext[f.span_end:f.span_end + 80]
    stop = re.search(r"[.;\n]", tail)
    hi = f.span_end + (stop.start() if stop else len(tail))
    return any(a.m.type in ("place", "country") and f.span_start <= a.m.start < hi and
               _AT.search(ctx.ntext, max(0, a.m.start - 8), a.m.start) for a in ctx.args)


def _speaks_for(ctx: _DocContext, person: str, leaders: dict[str, str]) -> str | None:
    """The state or body a person acts for when signing or being mediated: the state the document says they lead,
    else the one the KB says they lead, else the body of any office the KB gives them that the document names."""
    return leaders.get(person) or _kb_state_led(ctx, person) or \
        next((b for b, _ in kb_bodies(person, set(ctx.types), ctx.analysis.doc.anchor)), None)


_STATE_ACTS = {"cooperates_with", "sanctions", "supports", "opposes", "threatens", "attacks"}


def _kb_state_led(ctx: _DocContext, person: str) -> str | None:
    """The state the knowledge base says `person` heads at the document's date, if the document names it."""
    for body, role in kb_bodies(person, set(ctx.types), ctx.analysis.doc.anchor):
        if ctx.types.get(body) == "country" and not any(role.lower().startswith(s) for s in
                                                         ("minister", "ambassador", "foreign", "defen")):
            return body
    return None
