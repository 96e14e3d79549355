"""A trigger's arguments read from the dependency parse: its subject (nsubj subtree, passive agent, « de X »
of a nominalisation, a name in apposition, the governing clause's subject, the addressee of « appeler X à ») and its
objects (arguments introduced by a preposition of the trigger's frame, best scored by tree distance and entity type),
both expanded over coordination; the successor and predecessor of « succéder à », "replace"; actors doing the same
("together with A"); the host of a meeting; the antecedent of a relative clause whose pronoun is the object."""

from __future__ import annotations

import re

from veille.facts.context import (
    _SUBJ_DEPS,
    Arg,
    _add_with_conjuncts,
    _args_under,
    _clause_subject,
    _DocContext,
    _in_other_relative,
    _named_args,
    _named_over_demonym,
    _prep_of,
    _subtree_ids,
    _tree_dist,
    _Trig,
)
from veille.facts.memberships import _bid_owner

_DATIVE_RELATIVE = {"auquel", "auxquels", "auxquelles", "laquelle"}  # « auquel a succédé X »: to which


_CLAUSE_PRONOUNS = {"où", "where", "qui", "which", "who", "whom"}  # « dont » may mean "including": no clause


def _controller(ctx: _DocContext, verb, sent_args: list[Arg]) -> Arg | None:
    """The implicit subject of an infinitive: the addressee after « appeler X à », "call on X to", "urge X to"; the
    owner of the noun it completes in « la volonté de l'Arménie de normaliser … », "Armenia's decision to …"."""
    if verb.dep_ == "acl" and verb.head.i != verb.i and any(c.dep_ in ("mark", "aux") and c.lower_ in ("de", "d'", "to")
                                                             for c in verb.children):
        for c in verb.head.children:
            if c.i in ctx.tok_arg and c.i < verb.i and (c.dep_ in ("poss", "nmod:poss") or c.dep_ == "nmod" and
                                                        _prep_of(c, ctx.lang) == "de"):
                a = ctx.tok_arg[c.i]
                if a.m.type in ("country", "organization", "person", "company"):
                    return a
        return None
    if verb.dep_ not in ("xcomp", "advcl", "ccomp") or not verb.head.lower_.startswith(_ADDRESS_VERBS):
        return None
    gov = verb.head
    for c in gov.children:
        if c.i in ctx.tok_arg and c.dep_ in ("obj", "dobj") and c.i < verb.i:
            return ctx.tok_arg[c.i]
        if c.lower_ in ("on", "upon"):
            got = [g for g in c.children if g.i in ctx.tok_arg]
            if got:
                return ctx.tok_arg[got[0].i]
    return None


_ADDRESS_VERBS = ("appel", "exhort", "invit", "enjoin", "somm", "pri", "call", "urg", "ask", "press")


def _objects(ctx: _DocContext, tr: _Trig, sent_args: list[Arg], subj_ids: set[str], passive: bool,
             nounish: bool) -> list[Arg]:
    en, tok = tr.entry, tr.tok
    sub = _subtree_ids(tok)
    ccomp = {i for c in tok.children if c.dep_ in ("ccomp", "xcomp", "advcl") for i in _subtree_ids(c)}
    light = _subtree_ids(tok.head) - sub if nounish and tok.dep_ in ("obj", "dobj") else set()
    addressee = en.relation == "proposes" and not nounish and tok.lower_.startswith(_ADDRESS_VERBS)
    best, best_s = None, 2.4
    for a in sent_args:
        if a.m.entity in subj_ids or tok.i <= a.head <= tr.end or en.obj_required and a.m.type not in en.obj_types:
            continue
        owned = ctx.tok_arg.get(ctx.toks[a.head].head.i)
        if ctx.toks[a.head].dep_ in ("poss", "nmod:poss") and owned is not None and owned.m.entity in subj_ids:
            continue  # "Azerbaijan's Ministry of Foreign Affairs condemned …": the subject's owner is no object
        if en.supply and not en.inverse and a.m.origin == "demonym" and ctx.toks[a.head].dep_ in ("amod", "compound") and \
                ctx.toks[a.head].head.dep_ in ("obj", "dobj") and ctx.toks[a.head].head.head.i == tok.i:
            continue  # « achemine le gaz azerbaïdjanais vers l'Italie »: the goods' origin, not where they go
        s = 0.0
        prep = a.prep
        if prep in en.preps or (prep == "" and "" in en.preps and not nounish):
            s += 3
        elif not (en.clause_object and a.head in ccomp):
            continue
        if nounish and a.head not in sub and prep not in ("entre", "between") and not (
                light and prep and prep in en.preps and a.head in light):
            continue  # a noun's arguments hang under it (or, marked, under its light verb: "imposed bans on X")
        if prep in ("par", "by") and not passive:
            s -= 3
        if en.ends and a.head not in sub:
            continue  # "left the presidential palace … Georgian Dream": what one leaves is the verb's own
        if a.head in sub:
            s += 2
            s -= 0.3 * _tree_dist(tok, ctx.toks[a.head])
            if not nounish and _in_other_relative(ctx.toks[a.head], tok, _CLAUSE_PRONOUNS, by_label=False):
                s -= 3  # « … en Transnistrie, où stationnent 1 500 militaires russes »: another clause's actor
            elif not nounish and not (en.clause_object and a.head in ccomp) and a.prep == "" and \
                    ctx.toks[a.head].dep_ in _SUBJ_DEPS and ctx.toks[a.head].head.i != tok.i:
                s -= 3  # "Moscow recognised …, and Tbilisi severed ties": the next clause's subject
        else:
            s -= 0.08 * abs(a.head - tok.i)
        if en.clause_object and a.head in ccomp:
            s += 1.5
        if en.obj_types and a.m.type in en.obj_types:
            s += 1.5
        if addressee and a.m.type in ("country", "organization", "person") and a.head > tok.i and \
                ctx.toks[a.head].head.i in {tok.i, tr.end} | {c.i for c in tok.children if c.lower_ in ("on", "upon")}:
            s += 4  # « appellent la Russie à retirer … de Transnistrie », "call on Russia to …": the one addressed
        if a.head < tok.i and not (light and a.head in light and prep):
            s -= 1.5  # (« apportent à l'Ukraine un soutien »: the light verb's marked argument may come first)
        if s > best_s:
            best, best_s = a, s
    if best is None and nounish:
        best = _exposed_to(ctx, tok, subj_ids)
    if en.relation == "attacks" and not nounish and not passive and \
            (best is None or best.head < tok.i and best.m.origin == "demonym"):  # ("…, Iranian time, X bombed …")
        best = _target_site(ctx, tok, sent_args, subj_ids) or best
    if best is None:
        return []
    best = _named_over_demonym(ctx, best)
    out: list[Arg] = []
    _add_with_conjuncts(ctx, best, out)
    if not nounish:
        # "joined the PfP in 1994 and the EAPC in 1997": a parser that hangs the second object on the verb
        for c in tok.children:
            if c.dep_ == "conj" and c.i in ctx.tok_arg and c.i > tok.i and ctx.tok_arg[c.i] not in out and \
                    ctx.tok_arg[c.i].prep == "" and not any(g.dep_ in _SUBJ_DEPS for g in c.children):
                _add_with_conjuncts(ctx, ctx.tok_arg[c.i], out)
    if en.relation == "contributes_to" and not nounish:
        # « ont servi au sein de la KFOR de 2004 à 2023, ainsi qu'en Afghanistan dans la FIAS »: each operation
        # a force served in, under the verb by its own preposition, is an object
        for a in sent_args:
            if a not in out and a.head in sub and a.m.type == "operation" and a.prep in en.preps and a.prep and \
                    a.m.entity not in subj_ids and _tree_dist(tok, ctx.toks[a.head]) <= 3 and \
                    not _across_clause(ctx.toks[a.head], tok):
                _add_with_conjuncts(ctx, a, out)
    return [a for a in out if a.m.entity not in subj_ids]


def _across_clause(t, top) -> bool:
    """Is there a clause boundary (a subordinate or conjoined verb) between `t` and its ancestor `top`?"""
    while t.i != top.i and t.head.i != t.i:
        if t.dep_ in ("xcomp", "advcl", "ccomp", "acl", "acl:relcl", "relcl", "parataxis") or t.dep_ == "conj" and (
                t.pos_ in ("VERB", "AUX") or any(c.dep_.startswith(("aux", "nsubj")) for c in t.children)):
            return True
        t = t.head
    return False


_EXPOSED = ("expos", "confront", "soumis", "subject", "facing", "victim", "cibl", "target")


def _exposed_to(ctx: _DocContext, tok, subj_ids: set[str]) -> Arg | None:
    """« trois partenaires exposés aux pressions de la Russie », "Moldova, facing Russian pressure": the noun the
    participle qualifies undergoes the trigger noun."""
    part = tok.head
    if part.dep_ == "prep" and tok.dep_ == "pobj":  # "exposed to pressure": the preposition heads the noun
        part = part.head
    if part.i == tok.i or not part.text.lower().startswith(_EXPOSED):
        return None
    target = part.head if part.dep_ in ("acl", "amod", "advcl") else None
    if target is None:
        subs = [c for c in part.children if c.dep_ in _SUBJ_DEPS]
        target = subs[0] if subs else None
    if target is None or target.i not in ctx.tok_arg:
        return None
    a = ctx.tok_arg[target.i]
    return a if a.m.entity not in subj_ids else None


_SITE_PREPS = {"in", "at", "near", "à", "dans", "en", "près", "au", "aux"}


def _target_site(ctx: _DocContext, tok, sent_args: list[Arg], subj_ids: set[str]) -> Arg | None:
    """"bombed the enrichment facilities at Fordow", « a frappé des entrepôts à Izmaïl »: a struck object that is no
    actor is the place named in it (the first place or country under the verb's direct object)."""
    objs = [c for c in tok.children if c.dep_ in ("obj", "dobj") and c.i > tok.i and c.i not in ctx.tok_arg]
    if not objs:
        return None
    inside = _subtree_ids(objs[0]) | {g.i for c in tok.children if c.i > tok.i and c.lower_ in _SITE_PREPS
                                      for g in c.children}  # "struck grain silos … in Izmail"
    for a in sent_args:
        if a.head in inside and a.m.type in ("place", "country") and a.m.origin != "demonym" and \
                a.prep in _SITE_PREPS and a.m.entity not in subj_ids:
            return a
    return None


_COMPANION = re.compile(r"(?:together with|along with|alongside|as did|aux côtés d(?:e la|e l'|u|es|e)|de concert avec"
                        r"|tout comme|de même que)\s+(?:(?:the|la|le|les|l')\s*)?(?:\w+\s+)?$", re.IGNORECASE)


def _companions(ctx: _DocContext, sent_args: list[Arg], subjects: list[Arg], tok=None) -> list[Arg]:
    """Actors doing the same as the subject: "X became a partner, together with A, B and C", « X, aux côtés de A »
    (in the trigger's own clause: "Alongside A, they work …, and in 2017 they joined X" leaves A out of X)."""
    kinds = {a.m.type for a in subjects}
    owner = _clause_owner(tok) if tok is not None else None
    for a in sent_args:
        if a.m.type in kinds and a.m.origin != "anaphor" and \
                _COMPANION.search(ctx.ntext[max(0, a.m.start - 40):a.m.start]) and \
                (owner is None or _clause_owner(ctx.toks[a.head]).i == owner.i or a.head in _subtree_ids(tok)):
            out: list[Arg] = []
            _add_with_conjuncts(ctx, a, out)
            return [b for b in out if b.m.type in kinds]
    return []


def _clause_owner(tok):
    """The nearest token at or above `tok` that has a subject of its own (or the root): the head of its clause."""
    t = tok
    while t.head.i != t.i and not any(c.dep_ in _SUBJ_DEPS for c in t.children):
        t = t.head
    return t


def _chain_same_type(ctx: _DocContext, first: list[Arg], sent_args: list[Arg]) -> list[Arg]:
    """Participants listed after « entre »/"between", read on past titles and "of COUNTRY" that break the parse:
    "between Prime Minister A, President B of X and Council President C"."""
    out = list(first)
    kind = first[0].m.type
    last = max(first, key=lambda a: a.head)
    for a in sent_args:
        if a.head <= last.head or a.m.type != kind or any(a.m.entity == b.m.entity for b in out):
            continue
        gap = ctx.ntext[last.m.end:a.m.start]
        if a.head - last.head > 12 or re.search(r"[.;:()]", gap) or not re.search(r",|\band\b|\bet\b", gap):
            break
        out.append(a)
        last = a
    return out


def _organisation_owner(ctx: _DocContext, tr: _Trig, sent_args: list[Arg]) -> Arg | None:
    """The organisation a member or partner noun belongs to when it is its possessor ("NATO's 31st member", "one of
    NATO's partners", « l'un des partenaires de l'OTAN » is read by the « de » rule): it is the fact's object."""
    if tr.entry.relation not in ("member_of", "partner_of") or tr.entry.inverse:
        return None
    for c in tr.tok.children:
        if c.dep_ in ("poss", "nmod:poss") and c.i in ctx.tok_arg:
            a = ctx.tok_arg[c.i]
            if a.m.type == "organization" and a in sent_args:
                return a
    return None


_APPOSED = re.compile(r"^\s*,\s*(?:(?:the|a|an|its|le|la|l'|un|une|son|sa)\s+)?(?:(?!(?:avec|with|par|by|de|of|à|to|dans"
                      r"|in|pour|for|sous|under|et|and|ou|or|qui|who|which|dont|whose|que|that)\b)[\w-]+\s+){0,2}$",
                      re.IGNORECASE)


def _subjects(ctx: _DocContext, tr: _Trig, sent, sent_args: list[Arg], passive: bool,
              nounish: bool, skip: frozenset[int] = frozenset()) -> tuple[list[Arg], bool]:
    """Subject arguments of the trigger and whether they were found syntactically (False: implicit/main actor)."""
    tok = tr.tok
    en = tr.entry
    if passive:
        agents = [a for a in sent_args if a.prep in ("par", "by") and tok.i < a.head <= tok.i + 12
                  and (_tree_dist(tok, ctx.toks[a.head]) <= 2 or 0 < a.head - tr.end <= 5)]
        if agents:
            out: list[Arg] = []
            _add_with_conjuncts(ctx, agents[0], out)
            return out, True
        if en.passive_only or en.passive_agent:
            return [], False  # "was set up in 2008", "was succeeded in 1997": the clause subject is the patient
    if not nounish and tok.dep_ in ("acl", "xcomp") and tok.head.i != tok.i:
        owner = _bid_owner(ctx, tok.head)  # "Sweden's bid to join NATO": Sweden asks to join
        if owner is not None:
            return [owner], True
    if nounish:
        # « Il est en outre membre du Forum … »: a predicate noun's own subject is the actor (its « de X » the body)
        for c in tok.children:
            if c.dep_ in _SUBJ_DEPS and c.i in ctx.tok_arg and c.i not in skip:
                out = []
                _add_with_conjuncts(ctx, ctx.tok_arg[c.i], out)
                return out, True
        # "criticism from EU leaders", « des critiques de la part de Bruxelles »: the source acts (but "imports
        # from Romania" name their object so)
        for c in tok.children:
            if c.i > tok.i and (c.lower_ == "from" and "from" not in en.preps or c.lower_ == "part" and tok.nbor(1).lower_ == "de"):
                got = [a for a in sent_args if a.head in _subtree_ids(c) and a.m.type in ("country", "organization",
                                                                                            "person")]
                if got:
                    return got[:1], True
        # "Bidzina Ivanishvili, the billionaire founder of …", « X, membre fondateur de … »: the noun in apposition
        # describes the name just before it
        prev = [a for a in sent_args if a.m.end <= tok.idx and a.m.type in ("person", "country", "organization",
                                                                           "company")]
        if prev and _APPOSED.match(ctx.ntext[prev[-1].m.end:tok.idx]):
            out = []
            _add_with_conjuncts(ctx, prev[-1], out)
            return out, True
        # « l'adhésion de X », « sa participation », « la coopération turque », "Azerbaijan's accession"
        for c in tok.children:
            if c.i in ctx.tok_arg and c.dep_ in ("amod", "poss", "compound", "nmod:poss") and c.i not in skip:
                a = ctx.tok_arg[c.i]
                if not (c.dep_ == "compound" and a.m.type not in ("country", "organization", "company", "person")):
                    out = []
                    _add_with_conjuncts(ctx, a, out)
                    return out, True
        # « l'invasion à grande échelle lancée par la Russie », "the war waged by Russia": a participle's agent
        inside = _subtree_ids(tok)
        for a in sent_args:
            if a.head in inside and a.prep in ("par", "by") and ctx.toks[a.head].head.dep_ in ("acl", "amod") and \
                    ctx.toks[a.head].head.i in inside and a.m.type in ("country", "organization", "person"):
                out = []
                _add_with_conjuncts(ctx, a, out)
                return out, True
        if en.of_object:  # « l'annexion de la Crimée par la Russie », "the invasion of X by Y": the agent acts
            for c in tok.children:
                if c.i > tok.i and _prep_of(c, ctx.lang) in ("par", "by"):
                    got = _args_under(ctx, c, sent_args)
                    if got:
                        return got, True
        for c in tok.children if not en.of_object else ():
            if c.i > tok.i and c.dep_ in ("nmod", "prep") and _prep_of(c, ctx.lang) in ("de", "of"):
                got = _args_under(ctx, c, sent_args)
                if got and en.supply and en.inverse and got[0].m.origin == "demonym" and c.i not in ctx.tok_arg:
                    continue  # « les importations de produits azerbaïdjanais »: the goods' origin supplies them
                if got and got[0].prep in ("de", "of", ""):
                    return got, True
        gov = tok.head
        while gov.i != gov.head.i and gov.dep_ in ("nmod", "obl", "obl:mod", "obl:arg", "obj", "pobj", "prep",
                                                       "dobj", "nsubj") and gov.i != tok.i:
            if any(c.dep_ in _SUBJ_DEPS for c in gov.children):
                break
            gov = gov.head
        ctrl = _controller(ctx, gov, sent_args) if gov.i != tok.i else None
        if ctrl is not None:
            return [ctrl], True  # « appellent la Russie à revenir sur la reconnaissance de … »: Russia recognised
        s = _clause_subject(gov, ctx.lang) if gov.i != tok.i else None
        if s is not None and s.i not in _subtree_ids(tok) and s.i != tok.i:
            got = _args_under(ctx, s, sent_args)
            if got:
                return got, True
        return [], False
    s = _clause_subject(tok, ctx.lang)
    if s is not None and s.i != tok.i:
        got = _args_under(ctx, s, sent_args)
        named = [ctx.tok_arg[c.i] for c in s.children if c.dep_ == "appos" and c.i in ctx.tok_arg
                 and ctx.tok_arg[c.i].m.type == "person" and s.i not in ctx.tok_arg]
        if named:
            # "Finland's and Sweden's ambassadors to NATO, Klaus Korhonen and Axel Wernhoff, handed …": the persons
            # the subject noun is put beside act, not the states that qualify the noun
            got = []
            _add_with_conjuncts(ctx, named[0], got)
        for sib in s.head.children:  # a parser that splits « X et Y » into two subjects
            if sib.i != s.i and sib.dep_ == s.dep_ and sib.i < s.head.i:
                got.extend(a for a in _args_under(ctx, sib, sent_args) if a not in got)
        got = [a for a in got if a.prep in ("", "de") or a.prep not in en.preps or
               a.head != s.i and a.prep in ("des", "du", "d'", "of")]  # « les armées des trois pays ont acquis »
        if got:
            return got, True
    # no usable subject: the nearest preceding argument not introduced by a preposition
    before = [a for a in sent_args if a.head < tok.i and a.prep == ""]
    if before:
        # a clause subject first, then a head noun rather than an adjective (« pétroliers russes »)
        subj = [a for a in before if ctx.toks[a.head].dep_ in _SUBJ_DEPS]
        plain = [a for a in before if ctx.toks[a.head].dep_ not in ("amod", "nmod", "flat:name")]
        out = []
        _add_with_conjuncts(ctx, (subj or plain or before)[-1], out)
        return out, False
    after = [a for a in sent_args if a.head > tok.i and a.prep == "" and not en.inverse]
    if en.inverse and not after:
        after = [a for a in sent_args if a.head > tok.i and a.prep == ""]
    if after and en.relation == "succeeded_by":
        return [after[0]], False
    return [], False


def _succession(ctx: _DocContext, tr: _Trig, sent_args: list[Arg], subjects: list[Arg],
                explicit: bool) -> tuple[list[Arg], bool, list[Arg] | None]:
    """Successor(s) and predecessor of « succéder à », « prendre le relais de », "take over from", "replace":
    French may put the successor after the verb and the predecessor first (« À ce forum a succédé le CPEA »)."""
    tok = tr.tok
    pron = next((c for c in tok.children if c.text.lower() in _DATIVE_RELATIVE and c.i < tok.i), None)
    if pron is not None:
        # « le CCNA, auquel a succédé en 1997 le CPEA »: the antecedent is the predecessor (the noun the clause
        # hangs on, or, where the parser attached the clause elsewhere, the name just before the pronoun)
        ante = ctx.tok_arg.get(tok.head.i) if tok.dep_ in ("acl:relcl", "relcl") else None
        if ante is None:
            ante = next((a for a in reversed(sent_args) if a.m.end <= pron.idx and
                         not ctx.ntext[a.m.end:pron.idx].strip(" ,")), None)
        after = [a for a in sent_args if a.head > tr.end and a.prep == "" and a.head - tr.end <= 8]
        if after and ante is not None:
            return after[:1], True, [ante]
    marked = [a for a in sent_args if a.prep in tr.entry.preps and a.prep and abs(a.head - tok.i) <= 8
              and not (tok.i <= a.head <= tr.end)]
    pred = sorted(marked, key=lambda a: (a.head < tok.i, abs(a.head - tok.i)))[:1]
    if not pred:  # "X replaced Y": the direct object
        return subjects, explicit, None
    if subjects and explicit and not any(a is pred[0] or (a.prep and a.prep in tr.entry.preps) for a in subjects):
        return subjects, explicit, pred
    after = [a for a in sent_args if a.head > tr.end and a.prep == "" and a.head - tr.end <= 8]
    if after:
        out: list[Arg] = []
        _add_with_conjuncts(ctx, after[0], out)
        return out, True, pred
    before = [a for a in sent_args if a.head < tok.i and a.prep == ""]
    return (before[-1:], False, pred) if before else (subjects, explicit, pred)


_HOST_VERBS = ("host", "organis", "organiz", "convened", "facilitat", "accueill", "abrit", "parrain")


def _host_of(ctx: _DocContext, tok, sent_args: list[Arg], parties: set[str]) -> Arg | None:
    """"Qatar hosted talks between A and B", « le Qatar a accueilli des négociations entre A et B »: the third party
    hosting the meeting of two others mediates between them (also of "rounds of talks", « séries de pourparlers »)."""
    for _ in range(2):
        if tok.dep_ in ("nmod", "pobj", "prep") and tok.head.i != tok.i:
            tok = tok.head
    if tok.dep_ == "prep":
        tok = tok.head
    verb = tok.head
    if tok.dep_ not in ("obj", "dobj", "obl:arg", "obl") or not verb.lower_.startswith(_HOST_VERBS):
        return None
    s = _clause_subject(verb, ctx.lang)
    got = _named_args(ctx, _args_under(ctx, s, sent_args)) if s is not None else []
    got = [a for a in got if a.m.entity not in parties and a.m.type in ("country", "organization", "person")]
    return got[0] if got else None


_OBJECT_RELATIVE = re.compile(r",\s*(?:dont|que|qu'|auquel|auxquels|auxquelles|à laquelle|which|whom)\s+(?P<rest>[^,;:]*)$",
                              re.IGNORECASE)


def _relative_object(ctx: _DocContext, tr: _Trig, sent_args: list[Arg]) -> tuple[Arg, list[Arg]] | None:
    """(antecedent, subjects) when the trigger verb sits in a relative clause whose pronoun is its object: the name
    right before « , dont / que / which » and the names between the pronoun and the verb."""
    tok = tr.tok
    start = max(0, tok.idx - 120)
    m = _OBJECT_RELATIVE.search(ctx.ntext, start, tok.idx)
    if m is None:
        return None
    ante = next((a for a in reversed(sent_args) if a.m.end <= m.start() and
                 not ctx.ntext[a.m.end:m.start()].strip(" )")), None)
    inside = [a for a in sent_args if m.start("rest") <= a.m.start and a.m.end <= tok.idx and a.prep == ""
              and a.m.type in ("country", "organization", "person", "company")]
    if ante is None or not inside or ante.m.type not in ("organization", "programme", "agreement", "operation",
                                                         "event", "country", "place"):
        return None
    subjects: list[Arg] = []
    _add_with_conjuncts(ctx, inside[0], subjects)
    subjects = [a for a in subjects if a.m.entity != ante.m.entity]
    return (ante, subjects) if subjects else None
