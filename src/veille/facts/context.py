"""Shared primitives of the fact readers: the per-document context (mentions and resolved anaphors as
arguments carrying their head token and introducing preposition, time expressions, main actor, lexicon), tree and
preposition helpers, argument lists read over coordination (« A, B et C »), the date nearest a trigger, negation and
cessation, the cited Fact builder, sentence units and the per-sentence dedupe.

Every other reader (`extract`, `arguments`, `structures`, `memberships`, `forces`, `document`) builds on this module,
which imports none of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from veille.facts.anaphora import anaphor_mentions, main_actor
from veille.facts.attributes import dates_from
from veille.facts.lexicon import Entry, Lexicon, get_lexicon, is_cessation
from veille.model import Analysis, Fact, Mention, Timex
from veille.nlp import doc_text

_NOUN_SUFFIXES = ("tion", "sion", "ment", "ance", "ence", "age", "ure", "ité", "iat", "ien", "ure", "ship", "ord",
                  "ogue", "port", "ions", "ents", "ises", "ats", "ité", "embargo", "aison", "ente", "ission")
_SUBJ_DEPS = ("nsubj", "nsubj:pass", "nsubjpass", "expl:subj", "csubj")
_CLAUSE_DEPS = ("ccomp", "advcl", "acl:relcl", "relcl", "parataxis", "csubj")
_RELATIVE = {"qui", "que", "who", "which", "that"}
_PREP_NORMAL = {"d'": "de", "du": "de", "des": "de", "au": "à", "aux": "à", "a": "à", "de la": "de"}


@dataclass
class Arg:
    """A mention (or resolved anaphor) as an argument: its entity, span, head token and introducing preposition."""

    m: Mention
    head: int  # token index of the span's syntactic head
    prep: str


def _norm_prep(text: str) -> str:
    t = text.lower()
    return _PREP_NORMAL.get(t, t)


def _prep_of(tok, lang: str) -> str:
    """The preposition introducing the phrase headed by `tok` ('' if none); conjuncts inherit their first's."""
    for _ in range(3):
        if lang == "en":
            if tok.dep_ == "pobj":
                return tok.head.text.lower()
            if tok.dep_ == "agent":
                return "by"
        else:
            cases = [c for c in tok.children if c.dep_ == "case" and c.i < tok.i]
            if cases:
                prep = _norm_prep(cases[0].text)
                if prep == "de" and tok.head.text.lower() == "sein":  # « au sein de la KFOR »
                    return "au sein de"
                return prep
            if tok.dep_ == "obl:agent":
                return "par"
        if tok.dep_ in ("conj", "appos") and tok.head.i < tok.i:
            tok = tok.head
            continue
        break
    return ""


def _subtree_ids(tok) -> frozenset[int]:
    """Indices of the token's subtree, computed once per token and document (kept in the doc's `user_data`)."""
    cache = tok.doc.user_data.setdefault("veille_subtrees", {})
    ids = cache.get(tok.i)
    if ids is None:
        ids = cache[tok.i] = frozenset(t.i for t in tok.subtree)
    return ids


def _ancestor_depths(tok) -> dict[int, int]:
    """Token index -> number of edges up from `tok`, for `tok` and its ancestors (once per token and document)."""
    cache = tok.doc.user_data.setdefault("veille_ancestors", {})
    pos = cache.get(tok.i)
    if pos is None:
        pos = cache[tok.i] = {t.i: k for k, t in enumerate([tok, *tok.ancestors])}
    return pos


def lca(a, b):
    """Lowest common ancestor of two tokens in the dependency tree and the number of edges between them (None and
    99 across parse trees)."""
    pos = _ancestor_depths(a)
    k, t = 0, b
    while t.i not in pos:
        if t.head.i == t.i:
            return None, 99
        t, k = t.head, k + 1
    return t, k + pos[t.i]


def _tree_dist(a, b) -> int:
    """Number of dependency edges between two tokens."""
    return lca(a, b)[1]


# the PLOVER category of a relation stated without a trigger word of its own (FORMAT.md's correspondence)
RELATION_PLOVER = {"cooperates_with": "COOPERATE", "agreement_with": "AGREE", "supports": "SUPPORT",
                   "opposes": "REJECT", "threatens": "THREATEN", "attacks": "ASSAULT", "sanctions": "SANCTION",
                   "supplies": "AID", "mediates": "MEDIATE", "meets": "CONSULT", "contributes_to": "AID",
                   "proposes": "REQUEST"}


class _DocContext:
    """Per-document state: arguments by sentence, timexes, main actor, lexicon."""

    def __init__(self, analysis: Analysis, sdoc) -> None:
        self.analysis = analysis
        self.sdoc = sdoc
        # the two sides of the latest dealing told (an agreement, a war, talks), for a mediation told after it
        # without them ("The agreement was brokered by the United States"): (subject, object, end of its span)
        self.last_sides: tuple[str, str, int] | None = None
        self.text = analysis.doc.text
        self.ntext = doc_text(sdoc)  # same offsets, typographic apostrophes made ASCII
        # index this, not `sdoc`, which builds a new Token object on each access (kept here, not in the doc's
        # user_data: tokens refer to their doc, and a cycle would leave freeing the doc to the garbage collector)
        self.toks = list(sdoc)
        # string attributes cost a look-up on each access: the ones read for every token, read once
        self.lower = [t.lower_ for t in self.toks]  # trigger matching's and cessation's words
        self.lang = analysis.doc.lang if analysis.doc.lang in ("fr", "en") else "fr"
        self.lex: Lexicon = get_lexicon(self.lang)
        self.main = main_actor(analysis)
        self.types = {m.entity: m.type for m in analysis.mentions}
        self.form_owner: dict[str, str] = {}  # a name used in this document -> its entity (no demonyms)
        for m in analysis.mentions:
            if m.origin not in ("demonym", "anaphor", "role") and len(m.text) >= 2 and m.text[0].isupper():
                self.form_owner.setdefault(m.text.replace("’", "'"), m.entity)
        mentions = sorted(list(analysis.mentions) + anaphor_mentions(analysis, sdoc, self.main),
                          key=lambda m: (m.start, -m.end))
        # words that begin a title (« ministre », "minister", « vice-ministre »): a demonym among them is a title's
        self.title_words = {t[0] for t in self.lex.titles + self.lex.seat_titles} | {
            t[-1] for t in self.lex.titles + self.lex.seat_titles}
        self.topic: tuple[int, list[str]] | None = None  # (paragraph start, actors) the last sentence was about
        self.args: list[Arg] = []
        self.tok_arg: dict[int, Arg] = {}
        self.group: dict[int, list[Arg]] = {}
        self.group_head: dict[int, Arg] = {}
        last_end = -1
        for m in mentions:
            if m.start < last_end:  # overlapping spans: keep the first (longest)
                continue
            span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            last_end = m.end
            root = _span_head(span)
            prep = "de" if m.label == "en" else _prep_of(root, self.lang)
            if not prep and m.origin == "demonym" and root.dep_ == "amod" and root.head.i != root.i:
                # « avec les forces armées turques », "with Turkish forces": the adjective's noun carries the preposition
                prep = _prep_of(root.head, self.lang)
            a = Arg(m, root.i, prep)
            self.args.append(a)
            for t in span:
                self.tok_arg[t.i] = a
            if m.label.startswith("group:"):  # « les deux pays »: the other members follow, on the same words
                members = [Arg(Mention(m.start, m.end, m.text, *member.split("\t"), "anaphor", "member"), root.i, prep)
                           for member in m.label[6:].split("|")]
                self.args.extend(members)
                self.group[id(a)] = members
                self.group_head.update({id(b): a for b in members})
        self.arg_index = {id(a): k for k, a in enumerate(self.args)}
        self.timexes: list[tuple[Timex, int]] = []
        for tx in analysis.timexes:
            span = sdoc.char_span(tx.start, tx.end, alignment_mode="expand")
            if span is not None and len(span):
                self.timexes.append((tx, span.root.i))

    def add_list(self, a: Arg, out: list[Arg]) -> None:
        """`a` and the arguments listed with it (« A, B et C »), for modules that read lists."""
        _add_with_conjuncts(self, a, out)

    def mention_tokens(self) -> set[int]:
        return set(self.tok_arg)


def nounish_head(tok) -> bool:
    return tok.head.i != tok.i


def _span_head(span):
    """The leftmost token of the span whose head lies outside it (spans the parser cut in two keep their start)."""
    for t in span:
        if t.head.i < span.start or t.head.i >= span.end or t.head.i == t.i:
            return t
    return span.root


def _is_nounish(tok, lang: str) -> bool:
    if lang == "en":
        return tok.pos_ in ("NOUN", "PROPN")
    if any(c.dep_.startswith("aux") for c in tok.children) and not any(c.dep_ == "case" for c in tok.children):
        return False  # « les armées … ont toutes acquis »: a parser that reads « toutes » as the verb's determiner
    if any(c.dep_ in ("det", "case") for c in tok.children):
        return True
    if any(c.dep_.startswith("aux") or c.dep_ in _SUBJ_DEPS for c in tok.children):
        return False
    low = tok.text.lower()
    if tok.dep_ in ("nmod", "obj", "nsubj", "obl:arg", "obl:mod", "appos", "obl") and low.endswith(_NOUN_SUFFIXES):
        return True
    return False


def _apposed_participle(tok, lang: str) -> bool:
    """« Le CCNA, remplacé en 1997 par le CPEA, … », "The NUC, replaced by the Council, …": a past participle set off
    by a comma after a name, with no auxiliary, whatever head the parser gave it."""
    if tok.i == 0 or tok.doc[tok.i - 1].text != "," or any(c.dep_.startswith("aux") for c in tok.children):
        return False
    return past_participle(tok, lang)


def past_participle(tok, lang: str) -> bool:
    """A past participle: its ending in French (no tagger there), its tag in English."""
    return tok.lower_.endswith(("é", "ée", "és", "ées")) if lang == "fr" else tok.tag_ == "VBN"


def _is_passive(tok, lang: str) -> bool:
    if any(c.dep_ in ("nsubj:pass", "nsubjpass", "aux:pass", "auxpass") for c in tok.children):
        return True
    if _apposed_participle(tok, lang) and any(
            t.lower_ in ("par", "by") for t in tok.doc[tok.i + 1:min(len(tok.doc), tok.i + 8)]):
        return True
    # participle modifying a noun: « ce projet soutenu par Washington », "the force led by NATO"
    return tok.dep_ in ("acl", "amod") and any(
        c.dep_ in ("obl:agent", "agent") or (c.dep_ in ("case", "prep") and c.text.lower() in ("par", "by"))
        for c in list(tok.children) + [g for c in tok.children for g in c.children])


def _args_under(ctx: _DocContext, root, sent_args: list[Arg], exclude: set[int] = frozenset()) -> list[Arg]:
    """The argument(s) heading the phrase rooted at `root`: the shallowest mention(s) in its subtree, with their
    coordinated conjuncts."""
    if root.i in ctx.tok_arg:
        found = [ctx.tok_arg[root.i]]
    else:
        frontier = [root]
        found = []
        for _ in range(4):
            nxt = []
            for t in frontier:
                for c in t.children:
                    if c.i in exclude or c.dep_ in ("punct", "cc") or c.dep_ in _CLAUSE_DEPS and c.i != root.i:
                        continue
                    if c.i in ctx.tok_arg:
                        a = ctx.tok_arg[c.i]
                        if a not in found:
                            found.append(a)
                    else:
                        nxt.append(c)
            if found:
                break
            frontier = nxt
        # « le président ukrainien X et le président finlandais Y »: a coordinated head noun brings its own name
        for c in root.children:
            if c.dep_ == "conj" and c.i not in ctx.tok_arg and c.i not in exclude and c.i > root.i:
                found.extend(a for a in _args_under(ctx, c, sent_args, exclude) if a not in found)
    found = [_named_over_demonym(ctx, a) for a in found]
    inside = {id(a) for a in sent_args}
    out: list[Arg] = []
    for a in found:
        if id(a) in inside:  # the parser's tree may run past our sentence unit
            _add_with_conjuncts(ctx, a, out)
    return [a for a in out if id(a) in inside]


# nouns a qualifier and "of" name a place with ("the Russian region of Kursk", "the Danube port of Reni")
_PLACE_NOUNS_EN = {"region", "regions", "republic", "republics", "province", "provinces", "port", "ports", "city",
                   "cities", "town", "towns", "island", "islands", "enclave", "oblast", "territory", "territories",
                   "district", "districts", "village", "villages", "base", "bases", "field", "fields", "capital"}


def _named_over_demonym(ctx: _DocContext, a: Arg) -> Arg:
    """« les régions séparatistes géorgiennes d'Abkhazie », "the Russian republic of Tatarstan": a demonym on a
    noun that names its referent after « de » / "of" stands back for that name; so does a place that only qualifies
    the noun ("the Danube port of Reni")."""
    if a.m.origin != "demonym" and not (a.m.type == "place" and ctx.toks[a.head].dep_ == "compound"):
        return a
    noun = ctx.toks[a.head].head
    if noun.i == a.head or ctx.lang == "en" and noun.lower_ not in _PLACE_NOUNS_EN:
        return a  # "the Russian annexation of Crimea": the demonym is who acts, not a place's qualifier
    for c in noun.children:
        if c.i > noun.i and (c.dep_ == "nmod" and _prep_of(c, ctx.lang) == "de" or c.dep_ == "prep" and c.lower_ == "of"):
            target = c if c.i in ctx.tok_arg else next((g for g in c.children if g.i in ctx.tok_arg), None)
            if target is not None and ctx.tok_arg[target.i].m.type in ("place", "country"):
                return ctx.tok_arg[target.i]
    return a


_LIST_SEP = re.compile(r"^\)?\s*(?:,|,?\s*(?:et|ou|and|or|ni|as well as|ainsi que))\s*(?:(?:le|la|les|the)\s+|l')?$",
                       re.IGNORECASE)


_LIST_SEP_PREP = re.compile(r"^\)?\s*(?:,|,?\s*(?:et|ou|and|or|as well as|ainsi que|puis|then|and then|and later|et enfin"
                            r"|et plus tard))\s*(?P<prep>à|au|aux|de|du|des|d'|with|to"
                            r"|in|for|on|from|avec|en|pour|sur|dans)\s*(?:(?:le|la|les|the)\s+|l')?$", re.IGNORECASE)


# "Iran and six powers – the United States, Russia…", « l'UE et six voisins : l'Arménie… »: a counted noun announces
# the enumeration that follows a colon or a dash
_ENUM_GAP = re.compile(r"^\s*(?:,|et|and)?\s*(?:(?:les|des|ses|leurs|the|its|their)\s+)?(?:\d+|deux|trois|quatre|cinq"
                       r"|six|sept|huit|neuf|dix|two|three|four|five|seven|eight|nine|ten)\s+(?:[\w'’-]+\s+){0,3}?"
                       r"[\w'’-]+\s*[:–—]\s*(?:(?:le|la|les|the)\s+|l')?$", re.IGNORECASE)


def _list_gap(gap: str, prep: str) -> bool:
    """Whether `gap` separates two items of one list: « , » « et », or the first item's preposition repeated
    (« à la Bosnie, à la Géorgie et à la Moldavie », "to Georgia and to Moldova"), or a counted noun that
    announces an enumeration ("Iran and six powers – the United States, …")."""
    if _LIST_SEP.match(gap) or _ENUM_GAP.match(gap):
        return True
    m = _LIST_SEP_PREP.match(gap) if prep else None
    return bool(m) and _norm_prep(m.group("prep")) == prep


def _add_with_conjuncts(ctx: _DocContext, a: Arg, out: list[Arg]) -> None:
    a = ctx.group_head.get(id(a), a)
    if a not in out:
        out.append(a)
    for b in ctx.group.get(id(a), ()):
        if b not in out:
            out.append(b)
    # « la Turquie, le Kazakhstan, la Kirghizie et l'Ouzbékistan »: a list read from the text, whatever the parse
    k = ctx.arg_index.get(id(a))
    if k is not None:
        prev = a
        qualifier = None  # « entre Gazprom et l'ukrainien Naftogaz »: a demonym qualifying the next item
        for b in ctx.args[k + 1:k + 12]:
            if b.m.entity == prev.m.entity and re.fullmatch(r"\s*\(\s*", ctx.ntext[prev.m.end:b.m.start]):
                prev = b  # « la Force de mise en œuvre (IFOR), puis à la Force de stabilisation »: the acronym
                continue
            if b.m.origin == "demonym" and b.m.type != a.m.type and qualifier is None:
                qualifier = b
                continue
            if b.m.type != a.m.type and not {a.m.type, b.m.type} <= {"country", "organization"} and \
                    not {a.m.type, b.m.type} <= {"company", "organization"}:
                break
            gap_end = b.m.start
            if qualifier is not None:
                if ctx.ntext[qualifier.m.end:b.m.start].strip():
                    break
                gap_end, qualifier = qualifier.m.start, None
            if not _list_gap(ctx.ntext[prev.m.end:gap_end], a.prep):
                break
            if b not in out:
                out.append(b)
            prev = b
        prev = a
        for b in reversed(ctx.args[max(0, k - 12):k]):
            gap = ctx.ntext[b.m.end:prev.m.start]
            mixed = b.m.type != a.m.type
            if mixed and not ({a.m.type, b.m.type} <= {"country", "organization"} and prev is a
                              and re.fullmatch(r"\s*(?:et|and)\s*(?:(?:la|le|les|the)\s+|l')?", gap)) or \
                    b.m.origin == "demonym" or not _LIST_SEP.match(gap) or \
                    ctx.ntext[b.m.end:prev.m.start].strip().lower() in ("ou", "or"):
                break
            if b not in out:
                out.insert(0, b)
            prev = b
    head = ctx.toks[a.head]
    for c in head.children:
        if c.dep_ in ("conj", "appos") and c.i in ctx.tok_arg:
            b = ctx.tok_arg[c.i]
            if b not in out and b.m.type == a.m.type:
                _add_with_conjuncts(ctx, b, out)


def _clause_subject(tok, lang: str):
    """The subject token of the clause `tok` belongs to, climbing over xcomp/conj/advcl/nominal attachment."""
    t = tok
    for _ in range(6):
        if t is not tok and t.lower_.startswith(_ACCUSE):
            # "Kyrgyzstan accused Tajik forces of attacking villages", « Kiev accuse Moscou d'avoir bombardé
            # Odessa »: who does what one is accused of is the accused
            accused = [c for c in t.children if c.dep_ in ("dobj", "obj")]
            if accused:
                return accused[0]
        subs = [c for c in t.children if c.dep_ in _SUBJ_DEPS]
        if subs:
            s = subs[0]
            if s.text.lower() in _RELATIVE and t.dep_ in ("acl:relcl", "relcl"):
                return t.head
            return s
        if t.head.i == t.i:
            return None
        t = t.head
    return None


_WAR_WORDS = {"guerre", "war", "invasion", "conflit", "conflict", "offensive"}
_ACCUSE = ("accus", "blam", "soupçonn", "suspect", "reproch")


@dataclass
class _Trig:
    entry: Entry
    tok: object  # spaCy Token
    end: int  # last token index of a multi-word trigger


_TENURE_BEFORE = re.compile(r"(?:au pouvoir|in power|in office|en poste|en fonctions?)(?:\s+(?:depuis|since))?\s*$",
                            re.IGNORECASE)


_REL_PRONOUNS = {"auquel", "auxquels", "auxquelles", "duquel", "dont", "lequel", "laquelle", "lesquels", "lesquelles",
                 "qui", "which", "whom", "who", "où", "where"}


def _is_relative(t, pronouns: set[str] = _REL_PRONOUNS, by_label: bool = True) -> bool:
    """A relative clause's verb, by its label or, where the parser attached it elsewhere, by its pronoun."""
    return by_label and t.dep_ in ("acl:relcl", "relcl") or any(c.lower_ in pronouns and c.i < t.i
                                                                  for c in t.children)


def _in_other_relative(tok, trig, pronouns: set[str] = _REL_PRONOUNS, by_label: bool = True) -> bool:
    """Whether `tok` sits in a relative clause that does not hold `trig`."""
    t = tok
    for _ in range(8):
        if t.head.i == t.i or t.i == trig.i:
            return False
        if _is_relative(t, pronouns, by_label):
            return trig.i not in _subtree_ids(t)
        t = t.head
    return False


AGREEMENT_WORDS = {"accord", "agreement", "traité", "treaty", "charte", "charter", "pacte", "pact", "mémorandum",
                   "memorandum", "protocole", "protocol"}
# « l'accord d'association, signé le 27 juin 2014 », "a memorandum between A, B and C, signed in Madrid on 28 June"
_SIGNED_ON = re.compile(r"[^.;:()]{0,70}?\b(?:signed|signé|signée|signés|signées|conclu|conclue|concluded|paraphé|"
                        r"paraphée|initialled|initialed|adopted|adopté|adoptée)\b[^.;:()]{0,30}$", re.IGNORECASE)


def _pick_date(ctx: _DocContext, trig, sent) -> tuple[Timex, int] | None:
    if trig.lower_ in AGREEMENT_WORDS and trig.pos_ in ("NOUN", "PROPN"):
        for tx, ti in ctx.timexes:
            if sent.start <= ti < sent.end and tx.start > trig.idx and _SIGNED_ON.match(ctx.ntext, trig.idx + len(trig),
                                                                                         tx.start):
                return tx, ti  # the date its signing is told with, whatever the parse made of the phrase
    best, best_key = None, None
    for tx, ti in ctx.timexes:
        if not (sent.start <= ti < sent.end) or _TENURE_BEFORE.search(ctx.ntext[max(0, tx.start - 30):tx.start]):
            continue
        d = _tree_dist(trig, ctx.toks[ti])
        if d > 5:
            d = 50  # another parse tree (the parser cut the sentence): linear distance decides
        elif _in_other_relative(ctx.toks[ti], trig):
            d += 4  # « a rejoint le CCNA, auquel a succédé en 1997 le CPEA »: 1997 dates the relative clause
        key = (d, abs(ti - trig.i))
        if best_key is None or key < best_key:
            best, best_key = (tx, ti), key
    if best is not None and isinstance(best[0].value, str):
        # « à partir de 2002 et jusqu'à …, en 2014 »: the interval that ends (or starts) at the point wins
        for tx, ti in ctx.timexes:
            v = tx.value
            if sent.start <= ti < sent.end and isinstance(v, dict) and best[0].value in (v.get("from"), v.get("to")):
                return tx, ti
    return best


def _named_args(ctx: _DocContext, args: list[Arg]) -> list[Arg]:
    """Arguments with a demonym that only qualifies the name right after it (« le groupe russe Gazprom », « le groupe
    autrichien OMV ») replaced by that name; order kept, duplicates dropped."""
    out: list[Arg] = []
    for a in args:
        if a.m.origin == "demonym":
            k = ctx.arg_index.get(id(a))
            nxt = ctx.args[k + 1] if k is not None and k + 1 < len(ctx.args) else None
            if nxt is not None and nxt.m.type in ("company", "person", "organization") and \
                    not ctx.ntext[a.m.end:nxt.m.start].strip() and nxt.m.origin != "demonym":
                a = nxt
        if all(a.m.entity != b.m.entity for b in out):
            out.append(a)
    return out


# verbs whose subject is what ends ("the contract expired", « les livraisons ont cessé »)
_ENDS_ITSELF = ("expir", "collaps", "lapse", "ended", "ceased", "stopped", "halted", "effondr", "cessé", "arrêté",
                "pris fin", "terminé")


def _cessation(ctx: _DocContext, tok, date: tuple | None = None) -> bool:
    """Whether the trigger `tok` is said to end (« cessera de fournir », "no longer a member", "the deal expired");
    a date that qualifies the trigger noun itself ("the 1974 agreement … collapsed") still dates its start."""
    if date is not None and _is_nounish(tok, ctx.lang) and ctx.toks[date[1]].head.i == tok.i and (
            date[1] < tok.i or re.fullmatch(r"\s*(?:de|d'|of)\s*", ctx.ntext[tok.idx + len(tok):date[0].start])):
        return False
    near = ctx.lower[max(tok.sent.start, tok.i - 4):tok.i + 3]
    if any(w == "longer" and k and near[k - 1] == "no" for k, w in enumerate(near)) or \
            "plus" in near and any(w in ("ne", "n'", "n’") for w in near[:near.index("plus")]):
        return True  # « ne font plus partie de », "is no longer a member of": what held until then ends
    t = tok
    for _ in range(2):
        if t.head.i == t.i:
            break
        if t.dep_ in ("xcomp", "obl:arg", "nmod", "obj", "ccomp", "pobj", "pcomp", "prep", "dobj") and \
                is_cessation(ctx.lex, t.head.text):
            return True
        if t.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") and t.head.lower_.startswith(_ENDS_ITSELF):
            return True  # "the agreement expired", « l'accord s'est effondré »
        t = t.head
    return False


def _date_ends(ctx: _DocContext, date: tuple | None) -> bool:
    """Whether the verb a date hangs on says something ends (« a cessé ses activités le 31 décembre 2011 », « a pris
    fin en mai 2024 », "ended in 2014"): for a fact no trigger word dates, the date is then its end."""
    if date is None or date[0].mod == "start":
        return False  # « à l'arrêt depuis mars 2023 »: when the stop began, not when something ended
    t = ctx.toks[date[1]]
    for _ in range(4):
        if t.head.i == t.i:
            break
        t = t.head
        two = t.lower_ + (" " + ctx.lower[t.i + 1] if t.i + 1 < len(ctx.lower) else "")
        if two.startswith(_ENDS_ITSELF) or is_cessation(ctx.lex, t.text):
            return True
        if t.dep_ not in ("nmod", "obl", "obl:mod", "obl:arg", "pobj", "prep", "npadvmod", "nummod", "compound"):
            break
    return False


_NEGATORS = ("pas", "jamais", "not", "n't", "never", "non", "no")


def _negated(ctx: _DocContext, tok) -> bool:
    """« n'a pas adhéré », "never joined", and prefix negation: « pays non membres », "non-member states"."""
    if tok.lower_.startswith(("non-", "non‑")):
        return True
    prev = ctx.toks[tok.i - 1] if tok.i > 0 else None
    if prev is not None and prev.lower_ in ("non", "not", "non-"):
        return True
    return any(c.dep_ in ("advmod", "neg") and c.lower_ in _NEGATORS for c in tok.children)


def _span_for(ctx: _DocContext, sent, pieces: list[tuple[int, int]]) -> tuple[int, int]:
    s = max(sent.start_char, min(p[0] for p in pieces))
    e = min(sent.end_char, max(p[1] for p in pieces))
    text = ctx.text
    while e > s and text[e - 1] in " ,;:":
        e -= 1
    return s, e


def _make(ctx: _DocContext, sent, rel: str, subj: Arg | None, subj_ent: str, obj: Arg | None, trig_span,
          date: tuple[Timex, int] | None, cessation: bool, conf: float, plover: str | None, trigger: str | None,
          implicit_span: tuple[int, int] | None = None) -> Fact:
    pieces = [trig_span]
    if subj is not None:
        pieces.append((subj.m.start, subj.m.end))
    if obj is not None:
        pieces.append((obj.m.start, obj.m.end))
    start = end = None
    date_span = None
    if date is not None:
        tx = date[0]
        start, end = dates_from(tx, cessation)
        date_span = (tx.start, tx.end)
        pieces.append(date_span)
    s, e = _span_for(ctx, sent, pieces)
    return Fact(subject=subj_ent, relation=rel, object=obj.m.entity if obj else None, start=start, end=end,
                doc=ctx.analysis.doc.name, span_start=s, span_end=e, quote=ctx.text[s:e], confidence=round(conf, 2),
                plover=plover, trigger=trigger,
                subject_span=(subj.m.start, subj.m.end) if subj is not None else implicit_span,
                object_span=(obj.m.start, obj.m.end) if obj is not None else None, date_span=date_span)


_SENT_END = re.compile(r"[.!?][\"»”)]*\s+(?=[«\"“(\-–•]?\s*[A-ZÀ-ÖØ-Þ0-9])|\n+")
_ABBREV = re.compile(r"(?:\b[A-Z]|\bM|\bMr|\bMrs|\bMs|\bDr|\bSt|\bGen|\bCol|\bNo|\bvs|\betc|\bU\.S|\bU\.K|\bp"
                     r"|\bJan|\bFeb|\bMar|\bApr|\bJun|\bJul|\bAug|\bSept?|\bOct|\bNov|\bDec"  # "on Nov. 10"
                     r"|\bjanv|\bfévr|\bavr|\bjuil|\bsept|\boct|\bnov|\bdéc)$")


def _sentences(sdoc):
    """Sentence units cut from the text (full stops followed by a capital, line breaks): the parser's own sentence
    boundaries are unreliable on long news sentences, and titles/list items must not merge with what follows."""
    text = doc_text(sdoc)
    start = 0
    bounds = []
    for m in _SENT_END.finditer(text):
        if m.group(0)[0] == "." and _ABBREV.search(text[max(0, m.start() - 4):m.start()]):
            continue
        bounds.append((start, m.start() + 1 if m.group(0)[0] != "\n" else m.start()))
        start = m.end()
    bounds.append((start, len(text)))
    for a, b in bounds:
        while a < b and text[a].isspace():
            a += 1
        if b <= a:
            continue
        span = sdoc.char_span(a, b, alignment_mode="expand")
        if span is not None and len(span):
            yield span


def _dedupe(cands: list[tuple[int, Fact]]) -> list[Fact]:
    """One fact per entity pair and date in a sentence: the highest-priority trigger's, then the most confident;
    an undated statement of a pair also stated with a date is dropped."""
    best: dict[tuple, tuple[int, Fact]] = {}
    for prio, f in cands:
        key = (frozenset((f.subject, f.object)), f.start, f.end)
        cur = best.get(key)
        if cur is None or (prio, f.confidence) > (cur[0], cur[1].confidence):
            best[key] = (prio, f)
    dated = {k[0] for k in best if k[1] or k[2]}
    kept = [v for k, v in best.items() if k[1] or k[2] or k[0] not in dated]
    return [f for _, f in sorted(kept, key=lambda x: x[1].span_start)]
