"""The document's main actor and what « le pays », « il », « cette organisation », "the company"… stand for.

Anaphors become pseudo-mentions (origin "anaphor") resolved to an entity already mentioned, so the extractor treats
them like any other argument; the span kept is the anaphor's own.
"""

from __future__ import annotations

import re
from collections import Counter

from veille.facts.roles import _capital_state, kb_actor
from veille.model import Analysis, Mention
from veille.nlp import doc_text, sentence_start

# head noun of a definite/demonstrative NP -> the entity types it can stand for ("main" = the main actor)
_NOUN_TYPES = {
    "pays": "main", "country": "main", "état": "main", "state": "main",
    "société": ("company", "organization"), "compagnie": ("company", "organization"),
    "entreprise": ("company", "organization"), "groupe": ("company", "organization"),
    "company": ("company", "organization"), "firm": ("company", "organization"),
    "organisation": ("organization",), "organization": ("organization",), "organisation's": ("organization",),
    "forum": ("organization",), "alliance": ("organization",), "conseil": ("organization",),
    "council": ("organization",), "bloc": ("organization",), "union": ("organization",),
    "group": ("organization", "company"), "body": ("organization",), "organe": ("organization",),
    "instance": ("organization",), "agency": ("organization",), "agence": ("organization",),
    "coalition": ("organization",), "consortium": ("organization", "company"),
    "projet": ("place", "programme", "agreement", "other"), "project": ("place", "programme", "agreement", "other"),
    "programme": ("programme",), "program": ("programme",), "plan": ("programme",), "initiative": ("programme",),
    "mission": ("operation",), "opération": ("operation",), "operation": ("operation",), "force": ("operation",),
    "accord": ("agreement",), "agreement": ("agreement",), "traité": ("agreement",), "treaty": ("agreement",),
    "corridor": ("place",), "ville": ("place",), "city": ("place",), "port": ("place",),
    # a breakaway or sub-national region named before: "the enclave", « la région », « le territoire »
    "enclave": ("region",), "région": ("region",), "region": ("region",), "territoire": ("region",),
    "territory": ("region",), "province": ("region",),
    # descriptors of a company: « le géant russe », "the Russian giant", « l'opérateur », "the supplier"
    "géant": ("company",), "giant": ("company",), "major": ("company",), "opérateur": ("company",),
    "operator": ("company",), "producteur": ("company",), "producer": ("company",), "fournisseur": ("company",),
    "supplier": ("company",), "exportateur": ("company",), "exporter": ("company",), "monopole": ("company",),
    "monopoly": ("company",), "conglomérat": ("company",), "conglomerate": ("company",),
}
_DESCRIPTORS = {noun for noun, kinds in _NOUN_TYPES.items() if kinds == ("company",)}  # « le géant », "the supplier"
_DEFINITE = {"le", "la", "l'", "ce", "cet", "cette", "the", "this", "that"}
_DEMONSTRATIVE = {"ce", "cet", "cette", "this", "that"}
_PRONOUNS = {"il", "elle", "it", "he", "she"}
# « Il est en outre membre du Forum régional de l'ASEAN »: the parser may read such an « il » as impersonal; before
# a status noun it stands for an actor
_STATUS_HEADS = {"membre", "membres", "partenaire", "partenaires", "observateur", "observatrice", "signataire",
                 "fondateur", "fondatrice", "allié", "alliée", "candidat", "candidate", "contributeur", "contributrice"}
# « les deux pays », "the three countries", "both sides": a number of actors named just before
_GROUP_NUMBERS = {"deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "two": 2, "three": 3, "four": 4, "five": 5,
                  "both": 2}
_GROUP_NOUNS = {
    "pays": ("country",), "countries": ("country",), "états": ("country",), "etats": ("country",),
    "states": ("country",), "nations": ("country",), "capitales": ("country",), "capitals": ("country",),
    "gouvernements": ("country",), "governments": ("country",), "voisins": ("country",),
    "neighbours": ("country",), "neighbors": ("country",), "parties": ("country", "organization"),
    "sides": ("country", "organization"), "camps": ("country",), "républiques": ("country",),
    "republics": ("country",), "organisations": ("organization",), "organizations": ("organization",),
    "dirigeants": ("person",), "leaders": ("person",), "présidents": ("person",), "presidents": ("person",),
    "ministres": ("person",), "ministers": ("person",), "hommes": ("person",), "men": ("person",),
    "partenaires": ("country",), "partners": ("country",), "alliés": ("country",), "allies": ("country",),
    "entreprises": ("company",), "companies": ("company",), "groupes": ("company",), "firms": ("company",),
}
_IMPERSONAL_NEXT = ("convient", "semble", "faut", "s'agit", "agit", "y", "est", "reste", "seems", "is", "was")


def main_actor(analysis: Analysis) -> str | None:
    """The entity the document is about: its most-mentioned country (else its most-mentioned entity)."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for m in analysis.mentions:
        if m.type == "country":
            counts[m.entity] += 1
            first.setdefault(m.entity, m.start)
    if not counts:
        for m in analysis.mentions:
            counts[m.entity] += 1
            first.setdefault(m.entity, m.start)
    if not counts:
        return None
    return max(counts, key=lambda e: (counts[e], -first[e]))


def _last_of_types(mentions: list[Mention], before: int, types: tuple[str, ...], not_after: int | None = None,
                   exclude: str | None = None) -> Mention | None:
    limit = before if not_after is None else min(before, not_after)
    for m in reversed(mentions):
        if m.end <= limit and m.type in types and m.entity != exclude:
            return m
    return None


def anaphor_mentions(analysis: Analysis, sdoc, main: str | None) -> list[Mention]:
    """Pseudo-mentions for anaphors whose antecedent can be found (sorted by position)."""
    mentions = sorted(analysis.mentions, key=lambda m: m.start)
    text = doc_text(sdoc)
    covered = set()
    for m in mentions:
        covered.update(range(m.start, m.end))
    demonyms = {m.start for m in mentions if m.origin == "demonym"}
    out: list[Mention] = []
    by_id = {m.entity: m for m in mentions}
    subjects: list[tuple[int, str, str]] = []  # (position, entity, type) of mentions heading a subject
    for m in mentions:
        span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and span.root.dep_.startswith("nsubj"):
            subjects.append((m.start, m.entity, m.type))

    subject_starts = {pos for pos, _, _ in subjects}
    as_states = [_capital_as_state(m, analysis.doc.lang, text) for m in mentions]
    for tok in sdoc:
        if tok.idx in covered:
            continue
        low = tok.text.lower()
        if low in _GROUP_NOUNS and tok.i > 0 and tok.nbor(-1).text.lower() in _GROUP_NUMBERS:
            group = _group_mention(as_states, text, tok, _GROUP_NUMBERS[tok.nbor(-1).text.lower()], _GROUP_NOUNS[low])
            if group is None:
                group = _members_of_body(as_states, text, tok, _GROUP_NUMBERS[tok.nbor(-1).text.lower()])
            if group is not None:
                out.append(group)
            continue
        if low in _MEMBER_NOUNS and tok.i > 0 and tok.nbor(-1).text.lower() in ("les", "ces", "the", "leurs", "their"):
            group = _members_of_body(as_states, text, tok, None)  # « les États de l'AES », "the states of the AES"
            if group is not None:
                out.append(group)
            continue
        if low in _PLURAL_PRONOUNS and tok.dep_.startswith("nsubj") or low == "them" and tok.dep_ in ("dobj", "pobj"):
            group = _plural_subject(mentions, text, tok, subject_starts, out)
            if group is not None:
                out.append(group)
            continue
        if low in _PRONOUNS and (tok.dep_.startswith("nsubj") or
                                 tok.dep_ == "expl:subj" and tok.head.lower_ in _STATUS_HEADS):
            nxt = tok.nbor(1).text.lower() if tok.i + 1 < len(sdoc) else ""
            if nxt in _IMPERSONAL_NEXT and low in ("il", "it") and tok.head.i == tok.i + 1:
                continue
            ent = None
            # "it" is never a person, and may be a programme or a mission ("It replaced the IPCP"); « il » may be
            # a man
            kinds = ("country", "organization", "company", "programme", "operation", "agreement") if low == "it" \
                else ("country", "organization", "company", "person")
            for pos, e, typ in sorted(subjects, reverse=True):  # the latest subject before (pronouns resolved
                if pos < tok.idx and typ in kinds:                 # earlier were appended out of text order)
                    ent = (e, typ)
                    break
            if low in ("he", "she"):
                prev = _last_of_types(mentions, tok.idx, ("person",))
                ent = (prev.entity, "person") if prev else None
            if ent is None and main:
                ent = (main, "country")
            if ent:
                out.append(Mention(tok.idx, tok.idx + len(tok), tok.text, ent[0], ent[1], "anaphor", "pronoun"))
                subjects.append((tok.idx, ent[0], ent[1]))
            continue
        if low == "en" and tok.dep_ in ("iobj", "obj", "expl", "expl:comp", "obl", "obl:arg"):
            sent_start = sdoc[sentence_start(sdoc, tok.i)].idx
            prev = _last_of_types(mentions, sent_start, ("organization",))
            if prev:
                out.append(Mention(tok.idx, tok.idx + len(tok), tok.text, prev.entity, prev.type, "anaphor", "en"))
            continue
        if low in ("lui", "leur") and tok.dep_ in ("iobj", "obj", "obl:arg") and _GIVING.match(tok.head.lower_):
            # « un contrat pour lui livrer trois radars »: whom one gives to is the country the text is about, or
            # the one the sentence before was about (never the giver)
            giver = next((m.entity for m in mentions if m.start < tok.idx and m.type in ("country", "organization")
                          and sdoc[sentence_start(sdoc, tok.i)].idx <= m.start), None)
            prev = None
            if main and main != giver and by_id.get(main) is not None and by_id[main].type == "country":
                prev = by_id[main]
            else:
                prev = _salient([m for m in mentions if m.entity != giver and m.origin != "demonym"], sdoc,
                                sdoc[sentence_start(sdoc, tok.i)].idx, ("country",))
            if prev is not None:
                out.append(Mention(tok.idx, tok.idx + len(tok), tok.text, prev.entity, prev.type, "anaphor", "dative"))
            continue
        if low == "y" and tok.dep_ in ("iobj", "obl", "obl:arg", "obl:mod", "expl:comp") and not _impersonal_y(tok):
            prev = _y_referent(mentions, sdoc, tok, text, out)
            if prev:
                out.append(Mention(tok.idx, tok.idx + len(tok), tok.text, prev.entity, prev.type, "anaphor", "y"))
            continue
        kind = _NOUN_TYPES.get(low)
        if kind is None:
            continue
        dets = [c.text.lower() for c in tok.children if c.dep_ == "det"]
        if not dets and low == "pays" and any(c.lower_ in ("du", "au") for c in tok.children if c.dep_ == "case"):
            dets = ["le"]  # « dans le nord du pays »: the article is inside the preposition
        if not dets or dets[0] not in _DEFINITE:
            continue
        if any(c.dep_ in ("nmod", "amod", "appos", "flat:name", "compound", "prep") and c.idx in covered
               and not (low in _DESCRIPTORS and c.dep_ == "amod" and c.idx in demonyms) for c in tok.children):
            continue  # « le pays de X », « la société Lukoil »: a mention is right there (« le géant russe » is no name)
        if low in _DESCRIPTORS and any(c.dep_ in ("nmod", "appos", "flat:name", "compound") for c in tok.children):
            continue  # « le géant de l'énergie Gazprom », "the supplier of …" describe, they do not point back
        if kind != "main" and dets[0] not in _DEMONSTRATIVE and low not in _DESCRIPTORS and any(
                c.dep_ in ("acl", "acl:relcl", "relcl", "nmod", "amod", "appos", "prep") for c in tok.children):
            continue  # « l'opération dirigée par l'OTAN en Afghanistan » describes a new referent
        det_tok = next((c for c in tok.children if c.dep_ in ("det", "case")), tok)
        start = min(det_tok.idx, tok.idx)
        if kind == "main":
            if dets[0] in _DEMONSTRATIVE or not main:
                continue
            ent_id, typ = main, by_id[main].type if main in by_id else "country"
        else:
            # a demonstrative points back beyond its own sentence; a definite may point inside it
            limit = sdoc[sentence_start(sdoc, tok.i)].idx if dets[0] in _DEMONSTRATIVE else tok.idx
            if kind == ("region",):
                regions = [m for m in mentions if m.type == "place" and getattr(kb_actor(m.entity), "kind", None)
                           == "region"]
                prev = _salient(regions, sdoc, limit, ("place",), recent=True)
            else:
                prev = _salient(mentions, sdoc, limit, kind,
                                recent=dets[0] in _DEMONSTRATIVE and kind == ("organization",))
            if prev is None:
                continue
            ent_id, typ = prev.entity, prev.type
        out.append(Mention(start, tok.idx + len(tok), text[start:tok.idx + len(tok)], ent_id, typ, "anaphor",
                           "np"))
    return out


_BODIES = ("organization", "programme", "operation", "event")
# verbs of giving whose dative clitic (« lui », « leur ») is the recipient
_GIVING = re.compile(r"^(?:livr|fourn|vend|cèd|céd|offr|offert|accord|donn|transf[ée]r|envoy|expédi)")
# verbs whose « y » is a body one joins or serves in (« la Jordanie s'y est associée », « 121 militaires y ont été
# déployés »); elsewhere « y » is a place (« les négociations s'y sont ouvertes », « il y a rencontré »)
_JOINING = re.compile(r"^(?:adh[ée]r|particip|associ|contribu|rejoi|engag|envoy|déploy|siég|représent|intégr)")
_LOCATIVE_BEFORE = re.compile(r"(?:\b(?:dans|à|en|au|aux)\s+(?:la |le |les |l['’])?(?:[\w-]+\s+){0,2}(?:de |d['’]|du )?)$")


def _impersonal_y(tok) -> bool:
    """« il y a » (there is, ago), « il n'y avait pas », « y compris »."""
    doc = tok.doc
    nxt = doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else ""
    before = [t.lower_ for t in doc[max(0, tok.i - 2):tok.i]]
    return nxt == "compris" or "il" in before or "ils" in before and nxt.startswith(("a", "av"))


def _y_referent(mentions: list[Mention], sdoc, tok, text: str, earlier: list[Mention]) -> Mention | None:
    """What a clitic « y » stands for: after a verb of joining, a body named in its sentence or the one before;
    else the latest place named with a locative there (« Dans la province d'Ourouzgan, … qui y ont dirigé »); else
    what the « y » of the sentence before stood for, else the subject or the salient body or place of the sentences
    before (bodies first after a verb of joining)."""
    i0 = sentence_start(sdoc, tok.i)
    first = sdoc[i0].idx
    lo = sdoc[sentence_start(sdoc, i0 - 1)].idx if i0 > 0 else first
    joining = _JOINING.match(tok.head.lower_) is not None
    named = [m for m in mentions if m.origin != "demonym"]
    if joining and any(lo <= m.start and m.end <= tok.idx and m.type in _BODIES for m in named):
        order: tuple[tuple[str, ...], ...] = (_BODIES,)
    else:
        for m in reversed(named):
            if lo <= m.start and m.end <= tok.idx and m.type in ("place", "country") and \
                    _LOCATIVE_BEFORE.search(text[max(lo, m.start - 40):m.start]):
                return m
        order = (_BODIES, ("place", "country")) if joining else (("place", "country"), _BODIES)
    for types in order:
        again = next((m for m in reversed(earlier) if m.origin == "anaphor" and m.label == "y" and lo <= m.start < first
                      and m.type in types), None)
        if again is not None:
            return again
        prev = _salient(named, sdoc, first, types)
        if prev is None:
            continue
        for m in named:  # the topic of the sentence before (« Le Dialogue … a été lancé par l'OTAN »)
            span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
            if lo <= m.start < first and m.type in types and span is not None and span.root.dep_.startswith("nsubj"):
                return m
        return prev
    return None


_VISITED = re.compile(r"(?:rendue?s?|visitée?s?|visited|visiting|travell?ed to|arrivée?s? à|arrived in|went to|flew to)"
                      r"\s+(?:à\s+|au\s+|en\s+)?$", re.IGNORECASE)


_MEMBER_NOUNS = {"états", "etats", "pays", "states", "countries", "membres", "members", "nations"}
# « de l'AES », "of the AES" between a group noun and the body whose members it names
OF_BODY = re.compile(r"\s*(?:membres?\s+)?(?:de l['’]|de la |du |des |d['’]|of the |of )\s*", re.IGNORECASE)


def _members_of_body(mentions: list[Mention], text: str, tok, n: int | None) -> Mention | None:
    """« les trois pays de l'AES », « les États de l'AES », "the three states of the AES": the states the document
    listed together, before, in a sentence naming that body (`n` of them when a number is given)."""
    tok_end = tok.idx + len(tok)
    body = next((m for m in mentions if m.start > tok.idx and m.start - tok_end <= 16 and m.type == "organization"),
                None)
    if body is None or not OF_BODY.fullmatch(text[tok_end:body.start]):
        return None
    start = tok.nbor(-1).idx
    if n is not None and tok.i > 1 and tok.nbor(-2).text.lower() in ("les", "ces", "the", "these", "leurs", "their"):
        start = tok.nbor(-2).idx
    with_body = {text.rfind(".", 0, m.start) for m in mentions if m.entity == body.entity and m.end <= start}
    for run in reversed(_list_runs(mentions, text, start, 0, ("country",))):
        ents = list(dict.fromkeys(m.entity for m in run))
        if len(ents) >= 2 and (n is None or len(ents) == n) and len(ents) == len(run) and \
                text.rfind(".", 0, run[0].start) in with_body:
            return _group(text, start, tok_end, run, "country")
    return None


def _capital_as_state(m: Mention, lang: str, text: str) -> Mention:
    """« s'est rendu à Niamey, où les deux pays … »: a capital one visits counts as its state in a group (a capital
    where something happens, « à la Maison-Blanche », does not)."""
    if m.origin != "capital_city" or not _VISITED.search(text, max(0, m.start - 30), m.start):
        return m
    state = _capital_state(m.text, lang)
    return Mention(m.start, m.end, m.text, state, "country", "capital", m.label) if state else m


def _group_mention(mentions: list[Mention], text: str, tok, n: int, types: tuple[str, ...]) -> Mention | None:
    """« les deux pays », "the three countries": the last `n` distinct actors of those types named in the sentences
    before (within the paragraph), as one pseudo-mention standing for the first, the others in its label."""
    num = tok.nbor(-1)
    start = num.idx
    if num.i > 0 and num.nbor(-1).text.lower() in ("les", "ces", "the", "these", "those", "leurs", "their"):
        start = num.nbor(-1).idx
    para = text.rfind("\n\n", 0, start)
    end = tok.idx + len(tok)
    listed = _last_list_of(mentions, text, start, n, types, max(para, start - 900))
    if listed is not None:
        return _group(text, start, end, listed)
    members: list[Mention] = []
    for m in reversed(mentions):
        if m.end > start:
            continue
        if m.end < para or len(members) == n:
            break
        typ = "country" if m.type == "country" or m.origin in ("capital", "demonym") else m.type
        if typ in types and all(m.entity != o.entity for o in members):
            members.append(m)
    if len(members) != n:
        return None
    members.reverse()
    return _group(text, start, end, members)


def _group(text: str, start: int, end: int, members: list[Mention], typ: str | None = None) -> Mention:
    """One pseudo-mention over [start, end) standing for the first member, the others in its label."""
    return Mention(start, end, text[start:end], members[0].entity, typ or members[0].type, "anaphor",
                   "group:" + "|".join(f"{m.entity}\t{typ or m.type}" for m in members[1:]))


def _list_runs(mentions: list[Mention], text: str, before: int, floor: int,
               types: tuple[str, ...]) -> list[list[Mention]]:
    """Actors of those types named together (« l'Arménie et l'Azerbaïdjan », "France, Russia and the United
    States"), in text order, between `floor` and `before`; a name alone is a list of one."""
    runs: list[list[Mention]] = []
    for m in mentions:
        if m.end > before or m.start < floor or m.origin == "anaphor" or _group_type(m) not in types:
            continue
        if runs and _LIST_GAP.match(text[runs[-1][-1].end:m.start]):
            runs[-1].append(m)
        else:
            runs.append([m])
    return runs


def _plural_subject(mentions: list[Mention], text: str, tok, subject_starts: set[int],
                    found: list[Mention]) -> Mention | None:
    """"Finland and Sweden … In 2017 they joined …", « La Turquie et l'Azerbaïdjan … Ils ont signé … »: a plural
    subject pronoun takes up the list of actors that was the subject of a clause in the two sentences before (or the
    group such a pronoun already took up), within the paragraph."""
    start = tok.idx
    sdoc = tok.doc
    first = sentence_start(sdoc, tok.i)
    for _ in range(2):  # the two sentences before
        if first > 0:
            first = sentence_start(sdoc, first - 1)
    floor = max(sdoc[first].idx, text.rfind("\n", 0, start) + 1)
    best = next((run for run in reversed(_list_runs(mentions, text, start, floor, ("country", "organization")))
                 if len({m.entity for m in run}) >= 2 and run[0].start in subject_starts), None)
    prior = next((g for g in reversed(found) if g.label.startswith("group:") and floor <= g.start < start), None)
    if prior is not None and (best is None or prior.start > best[-1].start):
        return Mention(start, start + len(tok), tok.text, prior.entity, prior.type, "anaphor", prior.label)
    return _group(text, start, start + len(tok), best) if best is not None else None


_PLURAL_PRONOUNS = {"they", "ils", "elles"}
_LIST_GAP = re.compile(r"^\s*(?:,|,?\s*(?:and|et|ou|or))\s*(?:(?:the|le|la|les)\s+|l['’])?$", re.IGNORECASE)


def _group_type(m: Mention) -> str:
    return "country" if m.type == "country" or m.origin in ("capital", "demonym") else m.type


def _last_list_of(mentions: list[Mention], text: str, before: int, n: int, types: tuple[str, ...],
                  floor: int) -> list[Mention] | None:
    """The latest list of exactly `n` actors of those types named together (« l'Arménie et l'Azerbaïdjan », "France,
    Russia and the United States") before `before`: "the two countries" take up a pair named as a pair, not the
    last two names of a longer list."""
    for run in reversed(_list_runs(mentions, text, before, floor, types)):
        if len({m.entity for m in run}) == n and len(run) == n:
            return run
    return None


def _salient(mentions: list[Mention], sdoc, limit: int, types, recent: bool = False) -> Mention | None:
    """The antecedent: among mentions of those types in the two sentences before `limit`, the one highest in its
    parse tree (the topic of its clause), the latest on ties; with `recent` (« ce forum », « ce conseil »: bodies
    are many in a sentence, the demonstrative points at the one just named) the latest."""
    cands = [m for m in mentions if m.end <= limit and m.type in types]
    if not cands:
        return None
    last = cands[-1]
    if recent:
        return last
    span = sdoc.char_span(last.start, last.end, alignment_mode="expand")
    sent_starts = []
    if span is not None:
        first = sentence_start(sdoc, span.start)
        sent_starts.append(sdoc[first].idx)
        if first > 0:
            sent_starts.append(sdoc[sentence_start(sdoc, first - 1)].idx)
    lo = min(sent_starts) if sent_starts else last.start
    best, best_key = None, None
    for m in cands:
        if m.start < lo:
            continue
        sp = sdoc.char_span(m.start, m.end, alignment_mode="expand")
        depth = len(list(sp.root.ancestors)) if sp is not None else 9
        key = (-depth, m.start)
        if best_key is None or key > best_key:
            best, best_key = m, key
    return best
