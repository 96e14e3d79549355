"""Facts read from fixed phrasings around a mention rather than from a trigger's frame: a mediator introduced by
« en présence de », « négocié par », "brokered by" (mediates the clause's parties), a designation as a terrorist
organisation (opposes), goods « d'origine russe », "Russian-made" (supplies the country holding them), a pipeline or
route « qui traverse X », "which passes through X" (located_in), the items of a list of threats (threatens).

The extractor passes its context and two helpers, so this module needs no import from it:
`subject_args(tok)` gives the argument(s) heading the clause subject of a token, `make(rel, subj, obj, anchor_tok)`
builds the cited, dated Fact.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_PARTIES = ("country", "person", "organization")
_ART = r"(?:(?:the|la|le|les|l')\s*)?"
_DE = r"d(?:e la |e l'|u |es |e |')"
_MEDIATOR = re.compile(
    rf"(?:en (?:la )?présence {_DE}|négociée?s? par |sous l'égide {_DE}|par l'entremise {_DE}|sous la médiation {_DE}"
    rf"|avec la médiation {_DE}|grâce à la médiation {_DE}|facilitée?s? par |in the presence of |brokered by |mediated by "
    rf"|facilitated by "
    rf"|negotiated by |under the auspices of |through the mediation of |with the mediation of ){_ART}$",
    re.IGNORECASE)
_MEDIATOR_AFTER = re.compile(r"\.?[-‑](?:brokered|mediated|facilitated)\b", re.IGNORECASE)  # "a U.S.-brokered truce"
# what a mediator brokers: an agreement, a truce, talks
_DEALT = re.compile(r"\b(?:agreement|accord|deal|truce|ceasefire|cease-fire|cessez-le-feu|trêve|talks|pourparlers|"
                    r"négociations|negotiations|déclaration|declaration|treaty|traité|arrangement|entente)\b", re.IGNORECASE)
_TERROR = re.compile(r"\bterroris[tm]", re.IGNORECASE)
_DESIGNATE = ("regard", "consider", "designat", "list", "label", "brand", "class", "qualif", "considèr", "consid",
              "désign", "inscri", "tien", "tenu")
_ORIGIN_BEFORE = re.compile(r"(?:d'origine|de fabrication|de conception)\s+$", re.IGNORECASE)
_ORIGIN_AFTER = re.compile(r"^(?:-made|-built|-manufactured|-supplied|-designed|\s+origin\b)", re.IGNORECASE)
_GOODS = re.compile(r"\b(?:arme|armement|équipement|matériel|char|blindé|avion|chasseur|hélicoptère|missile|drone"
                    r"|munition|canon|radar|navire|fusil|gaz|pétrole|weapon|arms\b|armament|equipment|hardware|tank"
                    r"|aircraft|jet|fighter|helicopter|missile|drone|munition|gun|radar|ship|rifle|gas\b|oil\b)",
                    re.IGNORECASE)


def mediation_facts(ctx, sent, sent_args, subject_args: Callable, make: Callable) -> list:
    """« A et B ont signé un accord en présence de C », "a ceasefire brokered by C between A and B": C mediates A, B."""
    out = []
    seen: set[int] = set()
    for a in sent_args:
        if a.m.type not in _PARTIES or a.m.origin == "anaphor" or id(a) in seen or \
                not (_MEDIATOR.search(ctx.ntext[max(sent.start_char, a.m.start - 45):a.m.start])
                     or _MEDIATOR_AFTER.match(ctx.ntext, a.m.end)):
            continue
        mediators: list = []
        ctx.add_list(a, mediators)  # "brokered by the United States and France"
        seen.update(id(m) for m in mediators)
        parties = [b for b in sent_args if b.prep in ("entre", "between") and b.m.type in _PARTIES]
        if not parties:
            t = ctx.toks[a.head]
            for _ in range(6):
                if t.head.i == t.i:
                    break
                t = t.head
                if t.pos_ in ("VERB", "AUX") or any(c.dep_.startswith("nsubj") for c in t.children):
                    parties = subject_args(t)
                    break
        if parties:  # « A et le président B ont signé »: names of the same kind listed with the first party
            last = max(p.head for p in parties)
            parties = parties + [b for b in sent_args if last < b.head < a.head and b.prep == "" and b not in parties
                                 and b.m.type == parties[0].m.type and b.m.origin != "demonym"
                                 and re.match(r"\s*(?:,|et|and)\b", ctx.ntext[parties[-1].m.end:b.m.start] + " ")]
        for m in mediators:
            for p in parties:
                if p.m.entity != m.m.entity and p.m.type in _PARTIES and m.m.entity not in (None, "") and \
                        p not in mediators:
                    out.append((4, make("mediates", m, p, ctx.toks[m.head])))
            if not parties and ctx.last_sides is not None and sent.start_char - ctx.last_sides[2] <= 1200 and \
                    _DEALT.search(ctx.ntext, sent.start_char, a.m.start):
                # "The agreement was brokered by the United States and France": the sides of the dealing just told
                for side in ctx.last_sides[:2]:
                    if side != m.m.entity:
                        f = make("mediates", m, None, ctx.toks[m.head])
                        f.object = side
                        f.span_start, f.quote = sent.start_char, ctx.text[sent.start_char:f.span_end]
                        out.append((4, f))
    return out


def terrorist_designation_facts(ctx, sent, sent_args, subject_args: Callable, make: Callable) -> list:
    """"which Ankara and the EU regard as a terrorist organisation", « que la Turquie considère comme une
    organisation terroriste », "X is designated a terrorist group by Y": the designating actors oppose X."""
    m = _TERROR.search(ctx.ntext[sent.start_char:sent.end_char])
    if m is None:
        return []
    at = sent.start_char + m.start()
    verbs = [t for t in ctx.toks[sent.start:sent.end] if t.idx < at and at - t.idx < 60 and t.text.lower().startswith(_DESIGNATE)]
    if not verbs:
        return []
    v = verbs[-1]
    passive = any(c.dep_ in ("auxpass", "aux:pass", "nsubjpass", "nsubj:pass") for c in v.children)
    if passive:
        subjects = [b for b in sent_args if b.prep in ("by", "par") and b.head > v.i]
        targets = [ctx.tok_arg[c.i] for c in v.children if c.dep_ in ("nsubjpass", "nsubj:pass") and c.i in ctx.tok_arg]
    else:
        subjects = subject_args(v)
        if not subjects:  # « …, que Israël et l'UE considèrent comme … » parsed apart: the names after the relative
            rel = [t.i for t in ctx.toks[sent.start:sent.end] if t.i < v.i and t.text.lower() in ("que", "qu'", "which", "that", "whom")]
            subjects = [b for b in sent_args if rel and rel[-1] < b.head < v.i and b.prep == ""
                        and b.m.origin != "demonym"]
        targets = [ctx.tok_arg[c.i] for c in v.children if c.dep_ in ("dobj", "obj") and c.i in ctx.tok_arg]
    subj_ids = {b.m.entity for b in subjects}
    if not targets:
        before = [b for b in sent_args if b.head < v.i and b.m.entity not in subj_ids and b.m.origin != "demonym"
                  and b.m.type in ("organization", "company", "person", "other")]
        targets = before[-1:]
    out = []
    for s in subjects:
        for o in targets:
            if s.m.type in _PARTIES and s.m.entity != o.m.entity:
                out.append((3, make("opposes", s, o, v)))
    return out


def origin_supply_facts(ctx, sent, sent_args, make: Callable) -> list:
    """« des armements azéris d'origine russe », "Russian-made tanks", "weapons of Turkish origin": the country of
    origin supplies the country holding the goods (named before in the sentence, else the document's main actor)."""
    text = ctx.ntext[sent.start_char:sent.end_char]
    if not _GOODS.search(text):
        return []
    out = []
    for k, a in enumerate(sent_args):
        if a.m.type != "country":
            continue
        before = ctx.ntext[max(sent.start_char, a.m.start - 20):a.m.start]
        if not (_ORIGIN_BEFORE.search(before) and a.m.origin == "demonym"
                or _ORIGIN_AFTER.match(ctx.ntext[a.m.end:a.m.end + 16])):
            continue
        holders = [b for b in sent_args[:k] if b.m.type == "country" and b.m.entity != a.m.entity]
        if holders:
            out.append((2, make("supplies", a, holders[-1], ctx.toks[a.head])))
        elif ctx.main and ctx.main != a.m.entity:
            f = make("supplies", a, None, ctx.toks[a.head])
            f.object = ctx.main
            out.append((2, f))
    return out


_THREAT_INTRO = re.compile(r"\b(?:menace|threat|risque|risk|danger|péril)\w*\b[^:\n]{0,60}:[ \t]*$",
                           re.IGNORECASE | re.MULTILINE)
_ITEM = re.compile(r"^[ \t]*(?:[.\-–—•*·▪]|\d{1,2}[.)])\s+")


def threat_list_facts(ctx, make: Callable) -> list:
    """A line announcing threats (« … exposé à trois principales menaces : », "faces three threats:") followed by
    list items (« . l'Iran qui … », "- Russia, which …"): the first actor of each item threatens the intro's actor
    (its first country, else the document's main actor). `make(subj_arg, obj_entity, item_start, item_end)`."""
    out = []
    text = ctx.ntext
    for m in _THREAT_INTRO.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        intro = [a for a in ctx.args if line_start <= a.m.start < m.end() and a.m.type == "country"]
        target = intro[0].m.entity if intro else ctx.main
        if target is None:
            continue
        pos = m.end()
        while pos < len(text):
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            line = text[pos:end]
            if not line.strip():
                pos = end + 1
                continue
            if not _ITEM.match(line):
                break
            actors = [a for a in ctx.args if pos <= a.m.start < end and a.m.entity != target
                      and a.m.type in ("country", "organization", "person")]
            if actors:
                out.append(make(actors[0], target, pos, end))
            pos = end + 1
    return out


_ROUTE = re.compile(r"^\s*\)?\s*,?\s*(?:(?:long|longue) de [\d\s,.]+ ?km\s+(?=à travers|across)|(?:qui|which|that)\s+)(?:(?:passe|passait|passera|transite|transitait|court|courait)"
                    r"\s+(?:par|à travers|via)|traverse|traversait|traversera|relie|reliait|reliera|longe|longeait"
                    r"|(?:runs|ran|passes|passed|goes|went|transits) (?:through|across|via)|crosses|crossed|links"
                    r"|linked|connects|connected|traverses|traversed|à travers|across)\b", re.IGNORECASE)
_ROUTE_NOUN = re.compile(r"\b(?:gazoduc|oléoduc|pipeline|corridor|route|câble|cable|interconnex\w*|interconnector"
                         r"|voie ferrée|chemin de fer|railway|autoroute|highway|canal)\b", re.IGNORECASE)
_ACROSS = re.compile(r"^\s*(?:\([^)]{1,15}\)\s*)?(?:across|à travers|through)\b", re.IGNORECASE)
_ROUTE_STOP = re.compile(r"[;.()]|\b(?:permet|allows|et (?:qui|permet)|and (?:is|has|allows))\b", re.IGNORECASE)


def route_facts(ctx, sent, sent_args, make: Callable) -> list:
    """« le gazoduc G, qui traverse la mer Noire jusqu'à la Turquie », "the route R, which passes through Azerbaijan
    and Georgia": the pipeline or route is located in each place or country it crosses."""
    out = []
    for k, a in enumerate(sent_args):
        if a.m.type in ("person", "country", "event") or a.m.origin in ("anaphor", "demonym"):
            continue
        routed = a.m.type in ("place", "programme", "other") or _ROUTE_NOUN.search(a.m.text)
        m = _ROUTE.match(ctx.ntext[a.m.end:sent.end_char]) if routed else None
        if m is None and _ROUTE_NOUN.search(a.m.text):
            m = _ACROSS.match(ctx.ntext[a.m.end:sent.end_char])  # "the South Caucasus Pipeline across Georgia"
        if m is None:
            continue
        start = a.m.end + m.end()
        stop = _ROUTE_STOP.search(ctx.ntext[start:sent.end_char])
        limit = start + stop.start() if stop else sent.end_char
        for b in sent_args[k + 1:]:
            if b.m.start >= limit:
                break
            if _ROUTE_NOUN.search(b.m.text):
                break  # the next route of a list: "the SCP across Georgia, the TANAP across Türkiye"
            if b.m.type in ("place", "country") and b.m.entity != a.m.entity and b.m.origin != "demonym":
                out.append((1, make("located_in", a, b, ctx.toks[b.head])))
    return out


_LAUNCHED_WITH = re.compile(
    r"^[^.;:]{0,60}?\b(?P<verb>lancée?s?|créée?s?|fondée?s?|établie?s?|inaugurée?s?|mise? en place|launched|created"
    r"|established|founded|set up|formed|inaugurated)\b[^.;:]{0,50}?\b(?:(?:avec|with)\s+(?:(?:la|le|les|the)\s+|l')?"
    # "launched … by the EU and six eastern neighbours: Armenia, …": the founders enumerated after a colon
    r"|(?:by|par)\s+[^.;:]{0,60}?\s*[:–—]\s*(?:(?:la|le|les|the)\s+|l')?)$",
    re.IGNORECASE)


def framework(ctx, entity: str) -> bool:
    """A partnership or dialogue of states ("Eastern Partnership", "Mediterranean Dialogue", « Partenariat pour la
    paix »): its partners are its members (FORMAT.md: joining a partnership framework is member_of)."""
    info = ctx.analysis.entities.get(entity)
    words = info.name.lower().split() if info is not None else []
    return bool(words) and (words[-1] in ("partnership", "dialogue", "partner", "partners") or words[0] == "partnership" and
                            len(words) > 1 and words[1] == "for")


def launched_with_facts(ctx, sent, sent_args, make: Callable) -> list:
    """« le Partenariat oriental, lancé à Prague en mai 2009 avec l'Arménie, l'Azerbaïdjan… », "the Mediterranean
    Dialogue, launched in 1994 with Egypt, Israel…": the states a body or programme was launched with belong to it
    (member_of an organisation, participates_in a programme)."""
    out = []
    for k, a in enumerate(sent_args):
        if a.m.type not in ("organization", "programme") or a.m.origin in ("anaphor", "demonym"):
            continue
        for b in sent_args[k + 1:k + 8]:
            if b.m.type != "country" or b.m.origin == "demonym":
                continue
            m = _LAUNCHED_WITH.match(ctx.ntext[a.m.end:b.m.start])
            if not m:
                continue
            if any(c.m.type in ("organization", "programme") and a.m.end <= c.m.start < a.m.end + m.start("verb")
                   and c.m.entity != a.m.entity for c in sent_args):
                break  # another body is named between: the participle is its own
            members: list = []
            ctx.add_list(b, members)
            rel = "member_of" if a.m.type == "organization" or framework(ctx, a.m.entity) else "participates_in"
            verb = next((t for t in ctx.toks[sent.start:sent.end] if a.m.end <= t.idx < b.m.start and t.text.lower().startswith(
                ("lanc", "cré", "fond", "établ", "inaugur", "mis", "launch", "creat", "establ", "found", "set",
                 "form"))), ctx.toks[b.head])
            for c in members:
                if c.m.type == "country" and c.m.entity != a.m.entity:
                    out.append((1, make(rel, c, a, verb)))
            break
    return out


_TAKES_OFFICE = re.compile(
    r"^\s*,?\s*(?:(?:who|qui)\s+)?(?:was|has been|had been|is|a été|avait été|est|sera|will be)?\s*(?:sworn in|inaugurated"
    r"|elected|re-elected|reelected|appointed|named|investie?|élue?|réélue?|nommée?|désignée?|took office|became"
    r"|est devenue?|a pris ses fonctions|a prêté serment)\s+(?:as\s+|comme\s+|en tant que\s+)?(?:the\s+|le\s+|la\s+)?"
    r"(?:new\s+|nouveau\s+|nouvelle\s+)?(?P<title>[\w\s'-]{3,40}?)\s*(?:of the\s+|of\s+|de la\s+|de l'|du\s+|de\s+|d')?$",
    re.IGNORECASE)


def takes_office_facts(ctx, sent, sent_args, make: Callable) -> list:
    """"Mikheil Kavelashvili was sworn in as Georgia's president", « X a été élu président de la Moldavie »: the
    person heads the country or body from the clause's date (leader_of; a minister's seat is part_of)."""
    out = []
    leaders = {" ".join(t) for t in ctx.lex.titles}
    seats = {" ".join(t) for t in ctx.lex.seat_titles}
    for k, p in enumerate(sent_args):
        if p.m.type != "person" or p.m.origin == "anaphor":
            continue
        for b in sent_args[k + 1:k + 4]:
            if b.m.type not in ("country", "organization"):
                continue
            gap = ctx.ntext[p.m.end:b.m.start]
            possessive = re.search(r"\s(?:as|comme)\s+(?:the\s+)?$", gap) and \
                re.match(r"['’]s?\s+(?:new\s+)?(\w[\w\s-]{2,30})", ctx.ntext[b.m.end:b.m.end + 40])
            m = _TAKES_OFFICE.match(gap)
            title = m.group("title").strip().lower() if m else None
            if possessive:
                title = possessive.group(1).strip().lower()
            if title is None and m is None:
                continue
            words = title.split() if title else []
            # the title may carry a demonym or extra words: the first known title inside it decides
            hit = next((" ".join(words[i:j]) for i in range(len(words)) for j in range(len(words), i, -1)
                        if " ".join(words[i:j]) in leaders | seats), None)
            if hit is None:
                continue
            rel = "part_of" if hit in seats and hit not in leaders else "leader_of"
            out.append((2, make(rel, p, b, ctx.toks[p.head])))
            break
    return out
