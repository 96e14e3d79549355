"""Memberships, participations and support stated by a construction rather than a trigger's frame:
« ses membres sont A, B et C », "Kazakhstan is a member of the SCO", "Ukraine became an Enhanced Opportunities
Partner", "Armenia froze its participation" (a membership that ends), "Turkey's parliament approved Sweden's bid"
(supports the candidate), « lors du sommet de l'OSCE, la Russie … » (participates_in the event).

The owner of a bid and the body a sentence is about also serve the trigger readers.
"""

from __future__ import annotations

import re

from veille.facts.context import (
    _SUBJ_DEPS,
    Arg,
    _add_with_conjuncts,
    _args_under,
    _clause_subject,
    _DocContext,
    _make,
    _named_args,
    _negated,
    _pick_date,
    _prep_of,
    _subtree_ids,
    _tree_dist,
    past_participle,
)
from veille.model import Fact
from veille.nlp import sentence_start


def _topic_body(ctx: _DocContext, sent, tok, exclude: set[str], types: tuple[str, ...] = ("organization", "programme"),
                anaphors: bool = False) -> Arg | None:
    """The organisation or programme (or other `types`) named last before `tok`, in its sentence or the one before
    (the body a subject joins when the verb has no object); with `anaphors`, « the consortium » counts as named."""
    k = ctx.arg_index.get(id(ctx.tok_arg[tok.i])) if tok.i in ctx.tok_arg else None
    prev_start = sentence_start(ctx.sdoc, sent.start - 1) if sent.start > 0 else sent.start
    for a in reversed(ctx.args[:k] if k is not None else ctx.args):
        if a.head >= tok.i:
            continue
        if a.head < prev_start:
            break
        if a.m.type in types and a.m.entity not in exclude and (anaphors or a.m.origin != "anaphor"):
            return a
    return None


_MEMBERS_ARE = re.compile(r"\b(?:members|membres|member states|États membres|pays membres|shareholders|actionnaires)"
                          r"\s*(?:are|include|included|were|comprise|sont|étaient|comprennent|incluent|:)\s*$",
                          re.IGNORECASE)


def _member_list(ctx: _DocContext, sent, sent_args: list[Arg]) -> list[tuple[int, Fact]]:
    """"its members are Russia, Belarus and Armenia", « ses membres sont la Russie, le Bélarus… », "its shareholders
    include Chevron and ExxonMobil": each listed state or company is a member of the body the possessive points to
    (named just before)."""
    out: list[tuple[int, Fact]] = []
    for a in sent_args:
        if a.m.type not in ("country", "company") or a.m.origin == "demonym":
            continue
        before = ctx.ntext[max(sent.start_char, a.m.start - 40):a.m.start]
        before = re.sub(r"(?:\b(?:the|la|le|les)\s+|\bl')$", "", before, flags=re.IGNORECASE)
        m = _MEMBERS_ARE.search(before)
        if m is None:
            continue
        owned = next((b for b in sent_args if b.m.type == "company" and
                      re.fullmatch(r"['’]s\s+", ctx.ntext[a.m.end:b.m.start])), None)
        a = owned or a  # "include Russia's Transneft, …": the company, not its state
        tok = ctx.toks[a.head]
        body = _topic_body(ctx, sent, tok, {a.m.entity}, ("organization", "programme", "company"), anaphors=True)
        if body is None:
            return out
        members: list[Arg] = []
        _add_with_conjuncts(ctx, a, members)
        start = a.m.start - (len(before) - m.start())
        for c in members:  # the shareholders of a consortium are companies ("… include Chevron and ExxonMobil")
            if c.m.type in ("country", "company") and c.m.entity != body.m.entity and c.m.origin != "demonym":
                out.append((2, _make(ctx, sent, "member_of", c, c.m.entity, body, (start, c.m.end), None, False, 0.6,
                                     "COOPERATE", "members")))
        return out
    return out


# words naming a body's members just before the body, and the words introducing some of them by name after it
_MEMBERS_OF = re.compile(r"\b(?:membres?|members?|member states|member countries|États membres|pays membres|"
                         r"(?:pays|États|Etats|countries|states|nations)(?= (?:de l|of the)))\s+"
                         r"(?:de la |de l'|de l’|du |des |de |d'|d’|of the |of )?$", re.IGNORECASE)
_ALLIES = {"alliés", "allies", "allied"}
_MEMBERS_NAMED = re.compile(r"(?:pays|États|Etats|countries|states|membres|members|member states)\s", re.IGNORECASE)
_SOME_OF_THEM = re.compile(r"\s*\)?\s*(?::|\s[–—]|,?\s*(?:dont|notamment|including|among them|such as|like|"
                           r"parmi lesquels|parmi lesquelles|à savoir|namely)\b)\s*(?:the |le |la |les |l['’])?",
                           re.IGNORECASE)


_ARE_MEMBERS = re.compile(r"\s+(?:sont|étaient|are|were)\s+(?:(?:les|des|the)\s+)?(?:actionnaires|membres|members|"
                          r"shareholders)\b", re.IGNORECASE)


def _named_members(ctx: _DocContext, sent, sent_args: list[Arg]) -> list[tuple[int, Fact]]:
    """« cinq États membres de l'UE : l'Espagne, la Grèce… », « plusieurs Alliés, dont le Canada et la France »,
    "Several Allies, including France and Norway", « Le TAP, dont bp et SOCAR sont actionnaires »: each state or
    company named after the members of a body is a member."""
    out: list[tuple[int, Fact]] = []
    for k, b in enumerate(sent_args):
        if b.m.type not in ("organization", "company", "place", "programme") or b.m.origin in ("demonym", "anaphor"):
            continue
        intro = _SOME_OF_THEM.match(ctx.ntext, b.m.end)
        if intro is None:
            continue
        are = _ARE_MEMBERS.search(ctx.ntext, intro.end(), min(sent.end_char, intro.end() + 200))
        if are is not None and not re.search(r"[;.]", ctx.ntext[intro.end():are.start()]):
            # « Le TAP, dont bp, SOCAR, l'italien Snam et le belge Fluxys sont actionnaires »: whoever is named there
            members = [a for a in sent_args if intro.end() <= a.m.start and a.m.end <= are.start()]
        elif b.m.type == "organization" and (b.m.text.lower() in _ALLIES or _MEMBERS_NAMED.match(b.m.text) or
                                             _MEMBERS_OF.search(ctx.ntext, max(sent.start_char, b.m.start - 30),
                                                                b.m.start)):
            first = next((a for a in sent_args[k + 1:k + 2] if a.m.start == intro.end()), None)
            if first is None:
                continue
            members = []
            _add_with_conjuncts(ctx, first, members)
        else:
            continue
        for c in members:
            if c.m.type in ("country", "company", "organization") and c.m.origin not in ("demonym", "anaphor") and \
                    c.m.entity != b.m.entity:
                out.append((5, _make(ctx, sent, "member_of", c, c.m.entity, b, (b.m.start, c.m.end), None, False,
                                     0.6, "COOPERATE", "members")))
    return out


_SUSPENDS = re.compile(
    r"\b(?P<verb>froze|freezes|frozen|suspended|suspends|suspend|ended|ends|halted|gelé|gèle|gelait|suspendu|suspend"
    r"|suspendait|mis fin à|met fin à|mettre fin à)\s+(?:again\s+|à nouveau\s+)?(?:its|sa|son|their|leur)\s+"
    r"(?P<what>participation|membership|adhésion|appartenance|cooperation|coopération)\b", re.IGNORECASE)


def _suspended_membership(ctx: _DocContext, sent, sent_args: list[Arg],
                          bodies: dict[str, tuple[str, str]]) -> list[tuple[int, Fact]]:
    """"Armenia froze its participation in February 2024", « le pays a suspendu son adhésion »: the subject's
    membership (or participation, cooperation) ends at the clause's date. The body is the one named next
    ("… its participation in the Assembly") or else the one the document last related the subject to."""
    out: list[tuple[int, Fact]] = []
    for m in _SUSPENDS.finditer(ctx.ntext, sent.start_char, sent.end_char):
        verb = next((t for t in ctx.toks[sent.start:sent.end] if t.idx >= m.start("verb")), None)
        if verb is None:
            continue
        s = _clause_subject(verb, ctx.lang)
        subj = _args_under(ctx, s, sent_args) if s is not None else []
        if not subj:
            before = [a for a in sent_args if a.m.end <= m.start() and a.prep == "" and
                      a.m.type in ("country", "organization")]
            subj = before[-1:]
        subj = [a for a in _named_args(ctx, subj) if a.m.type in ("country", "organization", "company")]
        if not subj:
            continue
        coop = m.group("what").lower().startswith("coop")
        after = ctx.ntext[m.end():m.end() + 60]
        named = re.match(r"\s*(?:in|to|of|with|à|au|aux|dans|avec)\s+(?:(?:the|la|le|les)\s+|l')?", after)
        target = None
        if named:
            at = m.end() + named.end()
            target = next((a for a in sent_args if a.m.start == at and a.m.type in (
                "organization", "programme", "country" if coop else "organization")), None)
        date = _pick_date(ctx, verb, sent)
        for a in subj:
            if target is not None:
                rel = "cooperates_with" if coop else "participates_in" if target.m.type == "programme" else "member_of"
                obj_e = target.m.entity
            elif a.m.entity in bodies and not coop:
                rel, obj_e = bodies[a.m.entity]
            else:
                continue
            if obj_e == a.m.entity:
                continue
            f = _make(ctx, sent, rel, a, a.m.entity, target, (m.start(), m.end()), date, True, 0.6, "COOPERATE",
                      m.group("verb"))
            f.object = obj_e
            out.append((3, f))
    return out


_BECAME = re.compile(r"^,?\s+(?:became|has become|had become|becomes|is now|est devenue?|devient|a été reconnue? comme)\s+"
                     r"(?:(?:an?|the|one of(?: the)? (?:\w+ )?|un|une|l'un des (?:\w+ )?|l'une des (?:\w+ )?)\s*)?$",
                     re.IGNORECASE)
_STATUS_NOUN = re.compile(r"(?i)^(?:partenaires?|membres?|observateurs?)\b|\b(?:partners?|members?|observers?)$")
_COPULA_MEMBER = re.compile(
    r"^,?\s+(?:est|était|a été|avait été|fut|reste|demeure|is|was|has been|had been|remains|became|est devenue?)\s+"
    r"(?:(?:le|la|l'|un|une|the|a|an|l'un des|l'une des|one of the)\s*)(?:[\w-]+\s+){0,2}?"
    r"(?:pays|état|états|etat|membre|membres|country|countries|state|states|member|members)\s+"
    r"(?:fondateurs?\s+|founding\s+)?(?:de la|de l'|du|des|de|d'|of the|of)\s*$", re.IGNORECASE)


def _copula_membership(ctx: _DocContext, sent, sent_args: list[Arg]) -> list[tuple[int, Fact]]:
    """« l'Ukraine a été le premier pays de la CEI à … », "Kazakhstan is a member of the SCO": the state named is a
    member of the body its predicate names."""
    out: list[tuple[int, Fact]] = []
    for k, a in enumerate(sent_args):
        if a.m.type != "country" or a.m.origin in ("demonym",):
            continue
        for b in sent_args[k + 1:k + 3]:
            between = ctx.ntext[a.m.end:b.m.start]
            if b.m.type == "programme" and _BECAME.match(between) and \
                    _STATUS_NOUN.search(ctx.ntext[b.m.start:b.m.end]) and not _negated(ctx, ctx.toks[b.head]):
                # "Ukraine became an Enhanced Opportunities Partner": a status a programme confers
                out.append((2, _make(ctx, sent, "member_of", a, a.m.entity, b, (a.m.start, b.m.end),
                                     _pick_date(ctx, ctx.toks[b.head].head, sent), False, 0.6, "COOPERATE", "became")))
                break
            if b.m.type != "organization" or b.m.start - a.m.end > 70:
                continue
            if _COPULA_MEMBER.match(between) and not _negated(ctx, ctx.toks[b.head]):
                # « X est devenu membre de Y le 4 avril 2023 »: a date of the member noun's own clause dates it
                noun = ctx.toks[b.head].head
                date = _pick_date(ctx, noun, sent)
                if date is not None and _tree_dist(noun, ctx.toks[date[1]]) > 3:
                    date = None
                out.append((2, _make(ctx, sent, "member_of", a, a.m.entity, b, (a.m.start, b.m.end), date, False,
                                     0.6, "COOPERATE", "member")))
            break
    return out


_APPROVE = ("approv", "approuv", "ratif", "endors", "entérin", "avalis", "valid", "greenlit", "green-lit")
_BID_NOUNS = {"bid", "application", "accession", "membership", "candidacy", "request", "candidature", "demande",
              "adhésion", "entrée", "admission"}


def _bid_owner(ctx: _DocContext, noun):
    """The state whose bid a noun names: "Sweden's bid", « la candidature de la Suède », "Sweden's accession
    protocol"."""
    if noun.text.lower() not in _BID_NOUNS and not (noun.text.lower() in ("protocol", "protocole") and any(
            c.text.lower() in ("accession", "adhésion") for c in noun.subtree)):
        return None
    for c in noun.children:
        if c.i in ctx.tok_arg and (c.dep_ in ("poss", "nmod:poss") or c.dep_ == "nmod" and
                                   _prep_of(c, ctx.lang) == "de"):
            a = ctx.tok_arg[c.i]
            if a.m.type in ("country", "organization"):
                return a
    return None


def _approved_bids(ctx: _DocContext, sent) -> list[tuple[int, Fact]]:
    """"Turkey's parliament approved Sweden's bid to join NATO", « le Parlement hongrois a ratifié l'adhésion de la
    Suède »: approving a state's bid or accession supports that state."""
    out: list[tuple[int, Fact]] = []
    for tok in ctx.toks[sent.start:sent.end]:
        if not tok.text.lower().startswith(_APPROVE):
            continue
        for noun in tok.children:
            if noun.dep_ not in ("obj", "dobj", "nsubj:pass", "nsubjpass"):
                continue
            owner = _bid_owner(ctx, noun)
            if owner is None:
                continue
            if noun.dep_ in ("obj", "dobj"):
                s = _clause_subject(tok, ctx.lang)
                subjects = _args_under(ctx, s, list(ctx.args)) if s is not None else []
            else:
                subjects = [ctx.tok_arg[c.i] for c in tok.subtree if c.i in ctx.tok_arg and
                            _prep_of(c, ctx.lang) in ("par", "by")]
            for subj in _named_args(ctx, subjects):
                if subj.m.entity != owner.m.entity:
                    out.append((3, _make(ctx, sent, "supports", subj, subj.m.entity, owner, (tok.idx, tok.idx + len(tok)),
                                         _pick_date(ctx, tok, sent), False, 0.7, "SUPPORT", tok.text)))
    return out


_AT_EVENT = re.compile(r"\b(?:at|during|lors d(?:e la|e l'|u|es|e)|au cours d(?:e la|e l'|u|es|e)|à l'occasion d(?:e la"
                       r"|e l'|u|es|e)|au|à la|à l'|en marge d(?:e la|e l'|u|es|e)|on the (?:sidelines|margins) of|"
                       r"in the margins of)\s*(?:(?:the|a|an|this|that|its|le|la|l'|ce|cet|cette)\s*)?"
                       r"(?:[\w-]+\s+)?$", re.IGNORECASE)
# a gathering the linker typed as a body ("the St Petersburg International Economic Forum")
_GATHERING = re.compile(r"\b(?:summit|sommet|forum|conference|conférence|congress|congrès)\b", re.IGNORECASE)
_NOUN_CLAUSES = ("acl", "acl:relcl", "relcl")


def _bare_participle(t, lang: str) -> bool:
    """A past participle heading a clause of its own without subject or auxiliary (« …, lancée au sommet de X »,
    "…, launched at the X summit"): it tells what happened to a noun, not what the sentence's subject did."""
    if t.dep_ not in ("advcl", "acl") or any(c.dep_.startswith(("aux", "nsubj")) for c in t.children):
        return False
    return past_participle(t, lang)


def _event_participation(ctx: _DocContext, sent, sent_args: list[Arg]) -> list[tuple[int, Fact]]:
    """« Lors du sommet de l'OSCE à Istanbul, la Russie s'est engagée … », "At a NATO summit in Vilnius, Erdogan
    agreed …": the state or person acting at a summit or exercise takes part in it (participates_in)."""
    out: list[tuple[int, Fact]] = []
    for a in sent_args:
        if not (a.m.type == "event" or a.m.type in ("organization", "other") and _GATHERING.search(a.m.text)) or \
                a.m.origin == "anaphor" or \
                not _AT_EVENT.search(ctx.ntext[max(sent.start_char, a.m.start - 40):a.m.start]):
            continue
        t = ctx.toks[a.head]
        subj = None
        for _ in range(5):
            if t.head.i == t.i or t.dep_ in _NOUN_CLAUSES or _bare_participle(t, ctx.lang):
                break  # « l'initiative DCB, lancée au sommet du pays de Galles »: the noun's, not the clause's
            t = t.head
            subj = next((c for c in t.children if c.dep_ in _SUBJ_DEPS and c.i not in _subtree_ids(ctx.toks[a.head])),
                        None)
            if subj is not None:
                break
        if subj is None:
            continue
        date = _pick_date(ctx, ctx.toks[a.head], sent)
        for s_arg in _named_args(ctx, _args_under(ctx, subj, sent_args)):
            if s_arg.m.type not in ("person", "country") or s_arg.m.entity == a.m.entity:
                continue
            f = _make(ctx, sent, "participates_in", s_arg, s_arg.m.entity, a, (a.m.start, a.m.end), date, False, 0.6,
                      "CONSULT", "event")
            out.append((1, f))
    return out
