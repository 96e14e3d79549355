"""Facts read from how names are built and joined rather than from a trigger word: two adjacent mentions
(« X, capitale de Y », « le centre C de l'OTAN », "the NATO-led Kosovo Force", « le président azéri A »), a body whose
own name names another actor ("NATO Liaison Office"), a body the KB places inside another the document names, a noun
phrase in apposition ("Operation Active Endeavour, NATO's maritime operation"), and the start such facts take from a
founding participle or a « depuis » / "since" date.

Also the fact makers handed to `roles` (office holders, dated by their tenure) and to `clauses` (fixed phrasings,
lists of threats).
"""

from __future__ import annotations

import re
from dataclasses import replace

from veille.facts.attributes import dates_from
from veille.facts.clauses import (
    launched_with_facts,
    mediation_facts,
    origin_supply_facts,
    route_facts,
    takes_office_facts,
    terrorist_designation_facts,
)
from veille.facts.context import (
    RELATION_PLOVER,
    Arg,
    _add_with_conjuncts,
    _args_under,
    _clause_subject,
    _DocContext,
    _make,
    _named_args,
    _pick_date,
)
from veille.facts.roles import kb_actor, kb_lookup_one, kb_states_named
from veille.kb.actors import COMPANY_NOUNS, STATE_BODY
from veille.model import Fact, Timex

_LOCATIVE = re.compile(r"^\s*(?:,\s*)?(?:(?:la |une |the |a )?(?:[\w-]+ )?(?:capitale|capital|ville|city|port|région|region)"
                       r"\s+(?:de la |de l'|du |de |des |of the |of )|sur (?:la |le |l')|dans (?:la |le |l')?|au |en "
                       r"|à |in (?:the )?(?:(?:north|south)?-?(?:eastern|western)|northern|southern|central|eastern|western)?\s*"
                       r"|dans l'(?:est|ouest)\s+(?:de la |de l'|du |de |des )|on (?:the )?|over (?:the )?"
                       r"|inside (?:the )?|near (?:the )?|off (?:the )?|près de (?:la |l')?"
                       r"|au large d(?:e la |e l'|u |es |e )"
                       r"|(?:au|dans le|in the) (?:nord|sud|est|ouest|centre|north|south|east|west)(?:-\w+)? "
                       r"(?:de la |de l'|du |de |des |of the |of )?|(?:north|south|east|west)(?:-\w+)? of (?:the )?)\s*$",
                       re.IGNORECASE)
_ACRONYM = re.compile(r"^\s*\)?\s*(?:\([^()]{1,24}\)\s*)?")
_LINK_BETWEEN = re.compile(r"^,?\s*(?:(?:[\w-]+\s+){0,3}(?:pipeline|gas pipeline|oil pipeline|cable|link|interconnector|"
                           r"gazoduc|oléoduc|câble|interconnexion|ligne|railway|corridor|bridge|pont)\s+)?"
                           r"(?:between|entre)\s+(?:(?:the|la|le|les)\s+|l')?$", re.IGNORECASE)
_FACILITY = {"college", "school", "centre", "center", "office", "bureau", "headquarters", "command", "mission",
             "agency", "academy", "école", "collège", "académie", "agence", "commandement", "siège", "base", "team",
             "équipe", "camp", "station", "embassy", "ambassade", "consulate", "consulat",
             "university", "université", "institute", "institut"}
_REGION_NOUNS = {"région", "régions", "province", "provinces", "territoire", "territoires", "district", "oblast",
                 "république", "enclave", "exclave", "département", "kraï", "region", "regions", "territory",
                 "territories", "republic", "krai"}
_SITE_NOUNS = {"gisement", "champ", "port", "ville", "base", "site", "terminal", "raffinerie", "centrale", "aéroport",
               "city", "town", "field", "refinery", "plant", "airport", "groupe", "société", "compagnie", "entreprise",
               "company", "firm", "group", "giant", "major"}
_LED = re.compile(r"^-(?:led|run|commanded)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_REGIONS_OF = re.compile(r"^\s+(?:regions?|provinces?|republics?|territories|territory|districts?|oblasts?)\s+of\s+"
                         r"(?:the\s+)?$", re.IGNORECASE)
_DEMONYM_JOIN = re.compile(r"^\s*(?:de la |de l'|du |de |des |d'|of the |of |,\s*)?\s*$", re.IGNORECASE)
# "Russia's Black Sea coast": the country owns a shore of the place, not the place
_SHORE_AFTER = re.compile(r"\s+(?:coast|coastline|coasts|shore|shores|fleet|fleets|waters|ports?|side|border|frontier|"
                          r"littoral|flank|rim|basin)\b", re.IGNORECASE)
_NOUN_OF = re.compile(r"^\s+([a-z]+?)(?:e?s)?\s+of\s+(?:the\s+)?$")
_OF = re.compile(r"^\s*(?:\([^()]{1,20}\)\s*)?(?:de la |de l'|du |de |des |of the |of )\s*$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"^\s*'s?\s*$")
_BORDER = re.compile(r"\s*(?:border|frontier|boundary)\b", re.IGNORECASE)
_COMPANY_APPOSITION = re.compile(r"^\s*,\s*(?:the|an?|la|le|l'|une?)\s*(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
_COMPANY_NOUN = re.compile(rf"\b(?:{COMPANY_NOUNS})\b", re.IGNORECASE)


# what makes a body one of another's: affiliation, a subsidiary, a branch or wing, a tutelage (a demonym may qualify
# the parent: « filiale du roumain Transgaz »)
_AFFILIATED = re.compile(r"^\s*,?\s*(?:(?:qui est|which is|an?|une?|la|le|l'|the)\s*)?(?:affiliée?s?\s+(?:à|au)|"
                         r"affiliated\s+(?:to|with)|filiales?\s+d(?:e la|e l'|u|es|e)|subsidiary\s+of|"
                         r"branche\s+(?:[a-zé]+\s+)?d(?:e la|e l'|u|es|e)|(?:[a-z]+\s+)?(?:branch|arm|wing)\s+of|"
                         r"(?:placée?s?\s+)?sous\s+la\s+tutelle\s+d(?:e la|e l'|u|es|e)|"
                         r"under\s+the\s+(?:authority|command|control)\s+of)\s*(?:the\s+)?(?:[a-zé]+\s+){0,2}$",
                         re.IGNORECASE)
_SUBSIDIARY_OF_OWNER = re.compile(r"^['’]s?\s+(?:[a-z]+\s+){0,2}(?:subsidiary|subsidiaries|arm|unit|branch|wing|"
                                  r"affiliate)\s+$", re.IGNORECASE)
_PLURAL_BEFORE = re.compile(r"\b[a-zé]{3,}s\s+$")
_PLACE_PREP = re.compile(r"\b(?:in|into|across|through|via|over|en|dans|à travers|par)\s+(?:the\s+|la\s+|le\s+|l'|les\s+)?$",
                         re.IGNORECASE)
_RANKED_OWNER = re.compile(r"\s+(?:du|of)\s+[\w.-]+\s+", re.IGNORECASE)
_SHIP_NOUNS = (r"(?:ship|vessel|tanker|oil tanker|carrier|bulk carrier|container ship|cargo ship|freighter|bulker|"
               r"trawler|navire|pétrolier|cargo|vraquier|porte-conteneurs|méthanier|chalutier)")
_FLAGGED = re.compile(rf"^[-‑]?\s*(?:flagged|registered)\s+(?:[\w-]+\s+){{0,2}}?{_SHIP_NOUNS}\s+$", re.IGNORECASE)
_OPENED_IN = re.compile(r"^\s*,?\s*(?:(?:qui\s+)?(?:a|ont|avait|avaient)\s+été\s+|(?:was|were|has been|have been|had been)\s+)?"
                        r"(?:(?:first|officially|officiellement)\s+)?(?:ouverte?s?|inaugurée?s?|installée?s?|établie?s?|"
                        r"opened|inaugurated|established|set up|installed)\s+(?:(?:en|in)\s+\d{4}\s+)?"
                        r"(?:à|au|aux|en|in|at)\s+(?:(?:the|la|le)\s+|l')?$", re.IGNORECASE)
_FLAGGED_AFTER = re.compile(r"^\s*,\s*(?:an?|the)\s+$", re.IGNORECASE)
# "the French group Orano", "Russia's state nuclear corporation Rosatom", « l'énergéticien public Energocom »
_COMPANY_BEFORE = re.compile(rf"^(?:'s?)?\s+(?:[\w-]+\s+){{0,3}}?(?:{COMPANY_NOUNS})\s+$", re.IGNORECASE)
_SHIP = re.compile(rf"^\s+(?:[\w-]+\s+){{0,1}}?{_SHIP_NOUNS}\s+$", re.IGNORECASE)


def _is_facility(ctx: _DocContext, a: Arg) -> bool:
    """A body that sits somewhere: the head noun of its name (or of the name an acronym stands for) is centre,
    school, office… (« Bureau de liaison de l'OTAN », "NATO Liaison Office in Georgia")."""
    info = ctx.analysis.entities.get(a.m.entity)
    return _name_head(a.m.text) in _FACILITY or info is not None and _name_head(info.name) in _FACILITY


def _name_head(name: str) -> str:
    """The head noun of a name: the first word of a French one (« Bureau de liaison »), the last word before
    "of"/"in"/"for" of an English one ("Liaison Office in Georgia"); both are tried as the language is unknown here."""
    words = re.sub(r"^(?:l'|l’|la |le |les |the )", "", name.lower()).split()
    if not words:
        return ""
    if words[0] in _FACILITY:
        return words[0]
    cut = next((i for i, w in enumerate(words) if w in ("of", "in", "for", "at") and i), len(words))
    return words[cut - 1]


def _structural_facts(ctx: _DocContext, sent, sent_args: list[Arg], dates_any) -> list[tuple[int, Fact]]:
    """located_in / part_of / participates_in / leader_of read from how two adjacent mentions are joined."""
    out: list[tuple[int, Fact]] = []
    for i, a in enumerate(sent_args):
        for b in sent_args[i + 1:i + 3]:
            if b.m.start - a.m.end > 40 or a.m.entity == b.m.entity:
                continue
            between = ctx.ntext[a.m.end:b.m.start]
            plain = between[_ACRONYM.match(between).end():]  # "ISAF (FIAS) in Afghanistan"
            rel, sub, obj = None, a, b
            ta, tb = a.m.type, b.m.type
            if b.m.origin == "demonym" and (_BORDER.match(ctx.ntext, b.m.end) or
                                            _COMPANY_NOUN.match(ctx.ntext, b.m.end + 1)):
                continue  # "near the Ukrainian border", "over the French group" place nothing in Ukraine or France
            if (ta in ("place", "company", "operation", "event") or ta == "organization" and
                    _is_facility(ctx, a)) and tb in ("place", "country") and \
                    (_LOCATIVE.match(plain) or ta == "place" and tb == "country" and between.strip() == ","):
                rel = "located_in"
                if ctx.lang == "en" and ta == "place" and tb == "place" and _NOUN_OF.match(between):
                    sub, obj = b, a  # "the Danube port of Reni": the first name qualifies the noun the second names
            elif (ta in ("organization", "operation", "company") or ta == "place") and tb in ("place", "country") and \
                    _OPENED_IN.match(plain) and b.m.origin != "demonym":
                # « un bureau de liaison de l'OTAN a été ouvert à Chisinau en décembre 2017 », "opened in Kyiv in 1999"
                when = next(((tx, ti) for tx, ti in ctx.timexes if b.m.end <= tx.start <= b.m.end + 4), None)
                out.append((1, _make(ctx, sent, "located_in", a, a.m.entity, b, (a.m.start, b.m.end), when, False, 0.6,
                                     None, None)))
                continue
            elif tb != "country" and ta in ("place", "country") and a.m.origin != "demonym" and \
                    _FLAGGED.match(between):
                rel, sub, obj = "located_in", b, a  # "the Hong Kong-flagged container ship Newnew Polar Bear"
            elif ta in ("other", "organization", "company", "place") and tb in ("place", "country") and \
                    _FLAGGED_AFTER.match(between) and b.m.origin != "demonym":
                rel = "located_in"  # "the Eagle S, a Cook Islands-registered oil tanker"
            elif a.m.origin == "demonym" and tb != "country" and b.m.origin != "demonym" and _SHIP.match(between):
                rel, sub, obj = "located_in", b, a  # "the Chinese bulk carrier Yi Peng 3", « le pétrolier russe X »
            elif a.m.origin == "demonym" and ctx.lang == "en" and tb in ("place", "company") and \
                    (noun_of := _NOUN_OF.match(between)) and noun_of.group(1) in _REGION_NOUNS | _SITE_NOUNS:
                # "the Ukrainian ports of Odesa and Izmail", "the Russian region of Kursk"
                rel = "part_of" if noun_of.group(1) in _REGION_NOUNS else "located_in"
                parts = []
                _add_with_conjuncts(ctx, b, parts)
                for c in parts[1:]:
                    out.append((1, _make(ctx, sent, rel, c, c.m.entity, a, (a.m.start, c.m.end), None, False, 0.6,
                                         None, None)))
                sub, obj = b, a
            elif a.m.origin == "demonym" and tb not in ("country", "person") and _DEMONYM_JOIN.match(between) and \
                    _demonym_noun(ctx, a, sent) in _REGION_NOUNS | _SITE_NOUNS:
                # « les régions (séparatistes) géorgiennes d'Abkhazie », « le gisement kazakh de Tenguiz »
                noun = _demonym_noun(ctx, a, sent)
                rel = "part_of" if noun in _REGION_NOUNS else "located_in"
                parts: list[Arg] = []
                _add_with_conjuncts(ctx, b, parts)
                for c in parts[1:]:  # « d'Abkhazie et d'Ossétie du Sud », not « … et l'italien Snam »
                    if _own_demonym(sent_args, c):
                        continue
                    f = _make(ctx, sent, rel, c, c.m.entity, a, (a.m.start, c.m.end), None, False, 0.6, None, None)
                    out.append((1, f))
                sub, obj = b, a
            elif ta == "company" and b.m.origin == "demonym" and _COMPANY_APPOSITION.match(between) and \
                    _COMPANY_NOUN.search(between + ctx.ntext[b.m.end:b.m.end + 30]):
                rel = "located_in"  # "Moldovagaz, the Moldovan gas company", « Bulgargaz, l'opérateur bulgare »
            elif a.m.origin == "demonym" and (tb == "company" or tb == "organization" and b.m.origin != "demonym") \
                    and not between.strip():
                rel, sub, obj = "located_in", b, a  # « l'américain Chevron », « l'opérateur bulgare Bulgargaz »
            elif (a.m.origin == "demonym" or ta == "country" and ctx.lang == "en") and tb in ("company", "organization") \
                    and b.m.origin not in ("demonym", "anaphor") and _COMPANY_BEFORE.match(between) and \
                    (ta == "country" or not between.startswith("'")):
                rel, sub, obj = "located_in", b, a  # "the Russian company Stroytransgaz", "South Korea's utility KHNP"
            elif ta == "company" and a.m.origin == "anaphor" and b.m.origin == "demonym" and not between.strip():
                rel = "located_in"  # « le géant russe », standing for a company named before
            elif ta in ("place", "country") and tb == "operation" and between.strip() == "(" and \
                    re.search(r"\b(?:au|en|à|in)\s+$", ctx.ntext[max(sent.start_char, a.m.start - 6):a.m.start]):
                rel, sub, obj = "located_in", b, a  # « … au Kosovo (KFOR) »
            elif ta in ("organization", "country") and tb in ("operation", "organization", "programme") and \
                    _LED.match(between):
                rel = "leader_of"  # "the NATO-led Kosovo Force", « la force dirigée par l'OTAN » is read by triggers
            elif ta == "place" and tb == "country" and _LINK_BETWEEN.match(between):
                # "the Balticconnector gas pipeline between Finland and Estonia": the link lies in both
                ends: list[Arg] = []
                _add_with_conjuncts(ctx, b, ends)
                for c in ends[1:]:
                    if c.m.type == "country":
                        out.append((1, _make(ctx, sent, "located_in", a, a.m.entity, c, (a.m.start, c.m.end), None,
                                             False, 0.6, None, None)))
                rel = "located_in"
            elif ta == "place" and tb == "country" and _REGIONS_OF.match(between):
                # "the Abkhazia and South Ossetia regions of Georgia"
                parts = []
                _add_with_conjuncts(ctx, a, parts)
                for c in parts:
                    if c.m.type == "place" and c is not a:
                        out.append((1, _make(ctx, sent, "part_of", c, c.m.entity, b, (c.m.start, b.m.end), None,
                                             False, 0.6, None, None)))
                rel = "part_of"
            elif ta in ("organization", "company", "operation", "programme") and \
                    tb in ("organization", "company") and b.m.origin not in ("demonym", "anaphor") and \
                    _AFFILIATED.match(between):
                rel = "part_of"  # « JNIM, affilié à Al-Qaïda », "Vestmoldtransgaz, a subsidiary of Transgaz"
            elif ta in ("organization", "company") and tb in ("organization", "company") and \
                    b.m.origin not in ("demonym", "anaphor") and _SUBSIDIARY_OF_OWNER.match(between):
                rel, sub, obj = "part_of", b, a  # "Rosatom's subsidiary Uranium One", "Gazprom's export arm"
            elif ta in ("organization", "programme", "operation") and (tb == "organization" or tb == "programme" and
                                                                      ta == "programme") and _OF.match(between) \
                    and b.m.origin != "anaphor":
                rel = "part_of"  # « le Partenariat pour la paix de l'OTAN », « le PARP du PPP »
            elif ta in ("organization", "programme") and tb in ("programme", "operation") and a.m.origin != "anaphor" \
                    and re.fullmatch(r" |-(?:funded|financed|sponsored|run) ", between):
                rel, sub, obj = "part_of", b, a  # "the PfP Planning and Review Process", "SPS-funded Virtual Silk Highway"
            elif ta == "programme" and tb == "country" and _OF.match(between):
                rel, sub, obj = "participates_in", b, a
            elif ctx.lang == "en" and (tb in ("organization", "programme", "company") and ta in ("organization", "country")
                                       or tb == "place" and ta == "country" and b.m.origin != "demonym"
                                       and not _SHORE_AFTER.match(ctx.ntext, b.m.end)) \
                    and _POSSESSIVE.match(between):
                # "NATO's Partnership for Peace", "Russia's Federal Security Service": a body of the one named first
                rel, sub, obj = ("part_of", b, a) if ta in ("organization", "country") and tb == "organization" or \
                    ta == "organization" and tb == "programme" else \
                    ("participates_in", a, b) if tb == "programme" and ta == "country" else \
                    ("part_of", b, a) if tb == "place" and ta == "country" and _is_region(ctx, b) else \
                    ("located_in", b, a) if tb in ("company", "place") and ta == "country" else (None, a, b)
            elif ta == "person" and tb in ("country", "organization") and _title_between(ctx, between, of=True):
                rel = "leader_of"
            elif tb == "person" and ta in ("country", "organization") and not between.strip() and \
                    _title_before(ctx, a.m.start, sent.start_char):
                rel, sub, obj = "leader_of", b, a
            elif ta == "country" and tb == "person" and a.m.origin not in ("demonym", "anaphor") and \
                    _RANKED_OWNER.fullmatch(between) and (between.split()[-1].lower(),) in ctx.lex.rank_titles:
                rel, sub, obj = "leader_of", b, a  # « le Mali du général Assimi Goïta »: the officer's state
            elif ta == "country" and tb == "person" and a.m.origin in ("name", "acronym") and \
                    re.fullmatch(r" de |\s?d['’]", between) and b.m.origin != "anaphor":
                rel, sub, obj = "leader_of", b, a  # « la Serbie d'Aleksandar Vučić », « la Russie de Vladimir Poutine »
            elif ctx.lang == "en" and ta == "person" and tb == "country" and b.m.origin == "name" and \
                    _POSSESSIVE.match(between) and ctx.toks[b.head].dep_ != "compound":
                rel = "leader_of"  # "Putin's Russia" (not "Biden's Ukraine policy")
            if rel is None or sub.m.origin == "anaphor" and rel != "located_in":
                continue
            f = _make(ctx, sent, rel, sub, sub.m.entity, obj, (a.m.start, b.m.end), None, False, 0.6, None, None)
            out.append((1, f))
            # the later name may head a list: "the Chinese groups CGN and CNNC" (a plural noun: each is one), "runs
            # through Greece and Albania" (a preposition), not "Kazakhstan's KazMunayGas, Chevron …"
            if not (sub is b and _PLURAL_BEFORE.search(between) or obj is b and _PLACE_PREP.search(between)):
                continue
            done = {(g.subject, g.object) for _, g in out}
            listed: list[Arg] = []
            _add_with_conjuncts(ctx, b, listed)
            for c in listed[1:]:
                if c.m.type != b.m.type or c.m.origin in ("demonym", "anaphor") or c.m.entity in (a.m.entity,
                                                                                                   b.m.entity):
                    continue
                s2, o2 = (c, obj) if sub is b else (sub, c)
                if (s2.m.entity, o2.m.entity) not in done:
                    out.append((1, _make(ctx, sent, rel, s2, s2.m.entity, o2, (a.m.start, c.m.end), None, False, 0.6,
                                         None, None)))
    return out


def _own_demonym(sent_args: list[Arg], c: Arg) -> bool:
    """A listed name that has a demonym of its own just before it (« le groupe français X et l'italien Y »)."""
    return any(x.m.origin == "demonym" and x.m.end <= c.m.start and c.m.start - x.m.end <= 2 for x in sent_args)


def _is_region(ctx: _DocContext, a: Arg) -> bool:
    """A place that is a part of its country (the KB's regions, or one named with a region noun: "Krasnodar region")
    rather than a site in it."""
    actor = kb_actor(a.m.entity)
    if actor is not None and actor.kind == "region":
        return True
    nxt = re.match(r"\s+([a-zï]+)", ctx.ntext[a.m.end:a.m.end + 20])
    return bool(nxt and nxt.group(1) in _REGION_NOUNS) or a.m.text.split()[-1].lower() in _REGION_NOUNS


def _dated_presence(ctx: _DocContext, sent, got: list[tuple[int, Fact]]) -> list[tuple[int, Fact]]:
    """"Since February 2023, an EU civilian mission (EUMA) has monitored …", « le bureau de liaison de l'OTAN à
    Chisinau, depuis décembre 2017 »: a mission's or office's location read from its name or an adjacent place
    starts with the sentence's one « depuis » / "since" date."""
    since = [(tx, ti) for tx, ti in ctx.timexes if sent.start <= ti < sent.end and tx.mod == "start"
             and isinstance(tx.value, dict) and tx.value.get("to") is None]
    out = []
    for prio, f in got:
        if f.start is None and f.end is None:
            founded = _founding_date(ctx, f)
            if founded is not None:
                start, end = dates_from(founded, False)
                f = replace(f, start=start, end=end, date_span=(founded.start, founded.end))
            elif len(since) == 1 and f.relation == "located_in" and ctx.types.get(f.subject) in ("operation",
                                                                                              "organization"):
                f = replace(f, start=since[0][0].value["from"], date_span=(since[0][0].start, since[0][0].end))
            elif f.relation == "located_in" and ctx.types.get(f.subject) == "event" and f.subject_span:
                # "the Russia-Africa summit in St Petersburg on 27 and 28 July": where a meeting was, when it was
                head = ctx.sdoc.char_span(*f.subject_span, alignment_mode="expand")
                when = _pick_date(ctx, head.root, sent) if head is not None else None
                if when is not None:
                    start, _ = dates_from(when[0], False)
                    f = replace(f, start=start, date_span=(when[0].start, when[0].end))
        out.append((prio, f))
    return out


_FOUNDED = re.compile(r"^\s*\)?\s*(?:\([^()]{1,40}\)\s*)?,\s*(?:(?:qui a été|qui est|which was|that was|which has been)\s+)?"
                      r"(?:créée?s?|fondée?s?|instituée?s?|ouverte?s?|inaugurée?s?|établie?s?|mise?s? en place|"
                      r"lancée?s?|déployée?s?|installée?s?|implantée?s?|en service|active|set up|established|created|"
                      r"founded|opened|launched|inaugurated|deployed|stationed|in service|in operation|active)"
                      r"\b[^,;.()]{0,40}?$", re.IGNORECASE)


def _founding_date(ctx: _DocContext, f: Fact) -> Timex | None:
    """The date of a participle right after a body and its place: "the Kant air base in Kyrgyzstan, opened in 2003",
    « la MINUSMA, déployée de 2013 à 2023 », « le groupe de Minsk de l'OSCE, créé en 1992 »."""
    spans = [s for s in (f.subject_span, f.object_span) if s is not None]
    if not spans:
        return None
    after = max(e for _, e in spans)
    for tx, _ in ctx.timexes:
        if after <= tx.start <= after + 70 and _FOUNDED.match(ctx.ntext[after:tx.start]):
            return tx
    return None


def _demonym_noun(ctx: _DocContext, a: Arg, sent) -> str:
    """The noun a demonym qualifies (« régions séparatistes géorgiennes » → régions), else the word before it."""
    noun = ctx.toks[a.head].head
    if noun.i != a.head and noun.i < a.head and ctx.toks[a.head].dep_ == "amod":
        return noun.text.lower()
    return _word_before(ctx, a.m.start, sent.start_char)


def _last_word(text: str) -> str:
    words = text.lower().split()
    return words[-1] if words else ""


def _word_before(ctx: _DocContext, pos: int, floor: int) -> str:
    """The word right before `pos` in the sentence (an elided article keeps its apostrophe: « l' »)."""
    m = re.search(r"(\w+'|\w+)\s*$", ctx.ntext[max(floor, pos - 30):pos])
    return m.group(1).lower() if m else ""


def _kb_part_of(ctx: _DocContext, sent, sent_args: list[Arg], seen: set[str]) -> list[tuple[int, Fact]]:
    """A body the KB places inside another the document also names (« le parlement arménien », "NATO School"):
    part_of at its first mention, quoted with the larger body when it stands right next to it."""
    out: list[tuple[int, Fact]] = []
    for k, a in enumerate(sent_args):
        e = a.m.entity
        if a.m.origin == "anaphor" or e in seen or a.m.type not in ("organization", "programme", "operation"):
            continue
        seen.add(e)
        actor = kb_actor(e)
        parent = getattr(actor, "part_of", None) if actor is not None else None
        if not parent or parent == e or parent not in ctx.types or not _names_parent(a.m.text, kb_actor(parent)):
            continue
        near = [b for b in sent_args[max(0, k - 1):k + 2] if b.m.entity == parent and abs(b.m.start - a.m.start) < 60]
        f = _make(ctx, sent, "part_of", a, e, near[0] if near else None, (a.m.start, a.m.end), None, False, 0.6,
                  None, None)
        f.object = parent
        out.append((0, f))
    return out


_NEST_LINK = re.compile(r"^|\b(?:(?P<of>of the|of|de la|de l'|du|des|de|d')|(?P<in>in|au|aux|en|à|dans|to))\s+"
                        r"(?:the\s+|la\s+|le\s+|les\s+|l')?|(?<=^[Mm]ission )(?P<bare>)(?=[A-Z]{2,}\b)",
                        re.IGNORECASE)


def _named_inside(ctx: _DocContext, words: list[str], skip: set[str]) -> tuple[str, str, str] | None:
    """The actor (id, type) named by the longest run of `words` from the first: a name of the document or the KB's."""
    for n in range(min(5, len(words)), 0, -1):
        surface = " ".join(words[:n])
        if not surface[:1].isupper():
            continue
        e = ctx.form_owner.get(surface)
        if e is not None:
            if e in skip:
                continue
            return e, ctx.types.get(e, ""), surface
        actor = kb_lookup_one(surface, ctx.lang)
        if actor is not None and actor.id not in skip:
            return actor.id, actor.type, surface
    return None


def _nested_name_facts(ctx: _DocContext, sent, sent_args: list[Arg], seen: set[str]) -> list[tuple[int, Fact]]:
    """A body whose own name names another actor: "NATO Liaison Office", « Force intérimaire des Nations unies au
    Liban », "European Union Mission in Armenia" → part_of the organisation named first or after « de »/"of",
    located_in the country or place named after « au »/"in". Joint bodies ("NATO-Ukraine Commission") are left out."""
    out: list[tuple[int, Fact]] = []
    for a in sent_args:
        e, name = a.m.entity, ctx.ntext[a.m.start:a.m.end]
        if a.m.origin in ("anaphor", "demonym") or e in seen or a.m.type not in ("organization", "programme",
                                                                                  "operation"):
            continue
        seen.add(e)
        if re.search(r"\w[-–]\w", name) or len(name.split()) < 2:
            continue
        done: set[str] = {e}
        for m in _NEST_LINK.finditer(name):
            words = re.findall(r"[\w']+", name[m.end():])
            got = _named_inside(ctx, words, done) if words else None
            if got is None or got[0] not in ctx.analysis.entities:  # the store knows the document's entities only
                continue
            other, otype, surface = got
            if m.start() == 0 and not (surface.isupper() or " " in surface or re.fullmatch(r"[A-Z][A-Za-z]*[A-Z]",
                                                                                            surface)):
                continue  # "NATO School", "European Union Mission", not « Alliance sur la cyberdéfense »
            if (otype == "organization" or otype == "programme" and a.m.type == "programme") and m.group("in") is None:
                rel = "part_of"  # "NATO Liaison Office", "the PfP Planning and Review Process"
            elif otype in ("country", "place") and m.group("in") is not None:
                rel = "located_in"
            else:
                continue
            done.add(other)
            f = _make(ctx, sent, rel, a, e, None, (a.m.start, a.m.end), None, False, 0.6, None, "name")
            f.object = other
            out.append((0, f))
    return out


_HYPHENED = re.compile(r"([\w.]+)\s?[-–/]\s?([\w.]+)")


def _joint(name: str, lang: str) -> bool:
    """A joint body named by two actors ("NATO-Ukraine Commission", « Commission OTAN-Géorgie »)."""
    return any(kb_lookup_one(m.group(1), lang) and kb_lookup_one(m.group(2), lang) for m in _HYPHENED.finditer(name))


def _state_body_facts(ctx: _DocContext, sent, sent_args: list[Arg], seen: set[str]) -> list[tuple[int, Fact]]:
    """A state's institution named with its state ("the Royal Australian Navy", « la marine tunisienne », "Japan
    Self-Defense Forces", "the US Treasury") is part_of that state, once per body and document."""
    out: list[tuple[int, Fact]] = []
    for a in sent_args:
        e = a.m.entity
        if a.m.origin in ("anaphor", "demonym") or a.m.type != "organization" or e in seen:
            continue
        name = ctx.ntext[a.m.start:a.m.end]
        if not STATE_BODY.search(name) or _joint(name, ctx.lang):
            continue
        states = kb_states_named(name, ctx.lang) - {e}
        if len(states) != 1:
            continue
        state = next(iter(states))
        if state not in ctx.analysis.entities:
            continue  # the store knows the document's entities only
        seen.add(e)
        f = _make(ctx, sent, "part_of", a, e, None, (a.m.start, a.m.end), None, False, 0.6, None, "name")
        f.object = state
        out.append((0, f))
    return out


def _summit_parties(ctx: _DocContext, sent, sent_args: list[Arg]) -> list[tuple[int, Fact]]:
    """The states and bodies a summit is named by (« le sommet UE-Moldova », "the China–Central Asia summit") take
    part in it, when the text names them on their own too; at the summit's date."""
    out: list[tuple[int, Fact]] = []
    for a in sent_args:
        if a.m.origin != "event_place" or "+" not in a.m.entity:
            continue
        date = _pick_date(ctx, ctx.toks[a.head], sent)
        for side in a.m.entity.split("@", 1)[1].split("+"):
            if ctx.types.get(side) in ("country", "organization"):
                f = _make(ctx, sent, "participates_in", None, side, a, (a.m.start, a.m.end), date, False, 0.6,
                          RELATION_PLOVER.get("participates_in"), "name")
                out.append((0, f))
    return out


def _names_parent(text: str, parent) -> bool:
    """Whether a body's own name says whose it is (« parlement arménien », "NATO School"), a joint body
    ("NATO-Ukraine Commission") excepted."""
    if parent is None or re.search(r"\w-\w", text):
        return False
    forms: list[str] = [parent.name_en or "", parent.name_fr or ""]
    for d in (parent.names, parent.acronyms, parent.demonyms):
        for v in (d or {}).values():
            forms.extend(v if isinstance(v, list) else [v])
    low = text.lower()
    for f in forms:
        f = f.lower()
        if len(f) >= 3 and re.search(rf"(?<!\w){re.escape(f[:max(3, len(f) - 3)])}", low):
            return True
    return False


_TENURE = re.compile(r"^\s*,?\s*(?:(?:qui est |who has been |who was )?(?:au pouvoir|in power|in office|in post|en poste"
                     r"|en fonctions?|à la tête d[eu] (?:pays|l'état|gouvernement)|at the helm)\s+(?:depuis|since|from)"
                     r"|(?:depuis|since)\s+(?=le |l'|en |\d)"  # « secrétaire général de l'OTAN depuis le 1er octobre »
                     r"|(?:(?:who|qui)\s+)?(?:(?:had|has)\s+)?(?:took office|taken office|assumed office|(?:was|has been) "
                     r"(?:re-?elected|elected|appointed|sworn in|inaugurated|installed)|(?:replaced|succeeded) [^,;.()]{3,40}?"
                     r"|a pris ses fonctions|est entrée? en fonctions?|(?:a|avait) été (?:réélue?|élue?|nommée?|investie?)"
                     r"|(?:a|avait) (?:remplacé|succédé à) [^,;.()]{3,40}?|(?:came|rose|swept) to power|(?:seized|took) power"
                     r"|(?:a |avait )?(?:été )?(?:porté|arrivé|parvenu)e? au pouvoir(?: [^,;.()]{3,25}?)?|a pris le pouvoir)"
                     r"\s+(?=in |on |en |le |l'|depuis |since |from )"
                     r"|(?:re-?elected|elected|appointed|sworn in|réélue?|élue?|nommée?|investie?)\s+(?=in |on |en |le )"
                     r"|(?P<end>dont le mandat (?:s'achève|s'achevait|expire|prend fin|a pris fin)|whose (?:term|mandate) "
                     r"(?:ends|ended|expires)))", re.IGNORECASE)


def _tenure_date(ctx: _DocContext, sent, span_end: int) -> tuple[tuple[Timex, int] | None, bool]:
    """« le président X, au pouvoir depuis 2019 », "X, in office since 2019", « dont le mandat s'achève ce mois-ci »:
    the date of the office (and whether it is its end)."""
    m = _TENURE.match(ctx.ntext[span_end:min(sent.end_char, span_end + 80)])
    if m is None:
        return None, False
    at = span_end + m.end()
    for tx, ti in ctx.timexes:
        if at - 8 <= tx.start <= at + 25 and tx.end <= sent.end_char:
            return (tx, ti), m.group("end") is not None
    return None, False


# "X succeeded Y as President of Finland", "was elected president in 2019", « a été élu président de la République »,
# « nommé Premier ministre le 5 mars »: the verb that made the person the holder of the title that follows it
_BECAME = re.compile(r"\b(?:succeeded|replaced|(?:re-?)?elected|appointed|named|sworn in|became|inaugurated|installed|"
                     r"chosen|succédé à|remplacé|réélue?|élue?|nommée?|devenue?|investie?|désignée?|choisie?)\b"
                     r"(?:[^,;.()]{0,45}?\s(?:as|comme|en tant que|au poste de))?\s+(?:the\s+|a\s+|le\s+|la\s+|l'|new\s+|"
                     r"nouveau\s+|nouvelle\s+)*$", re.IGNORECASE)


def _became_date(ctx: _DocContext, sent, title_start: int) -> tuple[Timex, int] | None:
    """The date of the clause whose verb made the person the title's holder (see `_BECAME`): the sentence's date
    nearest to the verb."""
    before = ctx.ntext[max(sent.start_char, title_start - 90):title_start]
    m = _BECAME.search(before)
    if m is None:
        return None
    verb = title_start - len(before) + m.start()
    near = [(abs(tx.start - verb), (tx, ti)) for tx, ti in ctx.timexes
            if sent.start_char <= tx.start and tx.end <= sent.end_char and tx.mod != "end"]
    return min(near, key=lambda x: x[0])[1] if near else None


# « le renversement du président X », "the ousting of Prime Minister X", "replacing the caretaker premier X": what
# ends the office held by the person named right after
_OUSTED = re.compile(r"\b(?:renversement|chute|destitution|éviction|assassinat|mort|décès|overthrow|ousting|ouster|"
                     r"toppling|fall|assassination|killing|death|ousted|toppled|overthrew|deposed|replacing|"
                     r"remplaçant|renversé|destitué)\s+(?:(?:de|du|des|d'|of)\s+)?[^,;.()]{0,60}$", re.IGNORECASE)


def _ousted_date(ctx: _DocContext, sent, person: Arg) -> tuple[Timex, int] | None:
    """The date of the clause that ends the person's office (« le renversement du président Bazoum, le 26 juillet
    2023 »), when words before the person say it ends."""
    lo = max(sent.start_char, person.m.start - 80)
    m = _OUSTED.search(ctx.ntext, lo, person.m.start)
    if m is None:
        return None
    cue = ctx.sdoc.char_span(m.start(), m.start() + len(m.group(0).split()[0]), alignment_mode="expand")
    return _pick_date(ctx, cue.root, sent) if cue is not None else None


def _office_maker(ctx: _DocContext, sent):
    def make(rel: str, subj: Arg, obj: Arg | None, obj_ent: str, span: tuple[int, int]) -> tuple[int, Fact]:
        date, ends = _tenure_date(ctx, sent, max(span[1], subj.m.end))
        if date is None and rel == "leader_of":
            date = _ousted_date(ctx, sent, subj)
            ends = date is not None
        if date is None:
            date = _became_date(ctx, sent, span[0])
        f = _make(ctx, sent, rel, subj, subj.m.entity, obj, span, date, ends, 0.7, None, "title")
        f.object = obj_ent
        return 2, f
    return make


def _title_between(ctx: _DocContext, between: str, of: bool) -> bool:
    w = between.strip(" ,").lower()
    for t in ctx.lex.titles:
        title = " ".join(t)
        if re.fullmatch(rf"(?:(?:le|la|l'|the|a|an)\s+)?{re.escape(title)}\s+(?:de la|de l'|du|de|des|of the|of)",
                        w):
            return True
    return False


def _title_before(ctx: _DocContext, pos: int, floor: int) -> bool:
    before = ctx.text[max(floor, pos - 40):pos].lower().rstrip()
    return any(before.endswith(" ".join(t)) for t in ctx.lex.titles)


_LED_NOUNS = {"operation", "mission", "force", "forces", "exercise", "opération", "exercice"}
_PART_NOUNS = {"link", "component", "part", "element", "pillar", "branch", "arm", "centrepiece", "centerpiece",
               "segment", "section", "maillon", "composante", "élément", "volet", "pilier", "branche", "bras",
               "tronçon"}
_DESCRIPTOR_NOUNS = _LED_NOUNS | _PART_NOUNS | {
    "programme", "program", "initiative", "body", "agency", "centre", "center", "office", "command", "pipeline",
    "railway", "route", "corridor", "fund", "package", "platform", "forum", "framework", "headquarters", "unit",
    "organe", "agence", "bureau", "commandement", "gazoduc", "oléoduc", "fonds", "paquet", "plateforme", "cadre",
    "instance", "unité", "siège"}
_APPOSED_NP = re.compile(r"\s*\)?(?:\s*\([^()]{1,24}\))?(?:\s*,|\s+(?:is|was|has been|remains|est|était|reste|demeure)\s)"
                         r"\s*(?:(?:the|a|an|its|un|une|le|la|l'|son|sa|one of the|l'un des|l'une des)\s*)?"
                         r"(?P<np>[^,;:.()]{3,110})")


def _appositive_descriptions(ctx: _DocContext, sent, sent_args: list[Arg]) -> list[tuple[int, Fact]]:
    """A noun phrase in apposition that says what a name is: "Operation Active Endeavour, NATO's maritime operation in
    the Mediterranean" (NATO leader_of it, located_in the Mediterranean), "the Rasht–Astara railway, a missing link of
    the North–South corridor" (part_of it), « l'EUMA, mission civile de l'UE en Arménie »; and the same said with a
    copula: "KAZCENT is a training centre of the Partnership for Peace"."""
    out: list[tuple[int, Fact]] = []
    for k, a in enumerate(sent_args):
        if a.m.type not in ("operation", "organization", "programme", "place") or a.m.origin in ("anaphor", "demonym"):
            continue
        m = _APPOSED_NP.match(ctx.ntext, a.m.end, sent.end_char)
        if m is None:
            continue
        np_start, np_end = m.start("np"), m.end("np")
        words = re.findall(r"[\w'’-]+", ctx.ntext[np_start:np_end].lower())
        inside = [b for b in sent_args[k + 1:] if np_start <= b.m.start and b.m.end <= np_end and b.m.origin != "anaphor"]
        # the descriptor noun: the first listed noun before any name inside the phrase but an owner's
        first_name = min((b.m.start for b in inside if ctx.ntext[b.m.end:b.m.end + 2] not in ("'s", "’s")),
                         default=np_end)
        head = [w for w in re.findall(r"[\w'’-]+", ctx.ntext[np_start:first_name].lower()) if w in _DESCRIPTOR_NOUNS]
        if not head or not words or words[0] in ("which", "who", "qui", "que", "dont", "where", "où"):
            continue
        noun = head[-1]
        for b in inside:
            if b.m.entity == a.m.entity:
                continue
            before = ctx.ntext[np_start:b.m.start].lower()
            owner = ctx.ntext[b.m.end:b.m.end + 2] in ("'s", "’s") and b.m.type in ("organization", "country")
            of = re.search(r"(?:\bof(?: the)?|\bde la|\bde l'|\bdu|\bdes|\bde)\s*$", before) is not None
            locative = re.search(r"(?:\b(?:in|off|near|over|across)(?: the)?|\ben|\bau|\baux|\bà|\bdans(?: la| le|l')?)\s*$", before)
            if of and b.m.type == "programme" and noun not in _LED_NOUNS | _PART_NOUNS and a.m.type != "operation":
                rel, sub, obj = "part_of", a, b  # "KAZCENT is a training centre of the Partnership for Peace"
            elif (owner or of and b.m.type in ("organization", "country") and noun not in _PART_NOUNS) and \
                    b.m.type in ("organization", "country"):
                rel, sub, obj = ("leader_of", b, a) if noun in _LED_NOUNS or a.m.type == "operation" else \
                    ("part_of", a, b)
            elif of and noun in _PART_NOUNS and b.m.type in ("programme", "organization", "place", "operation"):
                rel, sub, obj = "part_of", a, b
            elif locative and b.m.type in ("place", "country") and a.m.type != "programme":
                rel, sub, obj = "located_in", a, b
            else:
                continue
            copula = not ctx.ntext[a.m.end:np_start].strip(" ()").startswith(",")
            out.append((1, _make(ctx, sent, rel, sub, sub.m.entity, obj, (a.m.start, b.m.end),
                                 _pick_date(ctx, ctx.toks[a.head].head, sent) if copula else None, False, 0.6,
                                 None, noun)))
    return out


# "Japan, a close partner of NATO,", « la Géorgie, partenaire de l'OTAN », "…, the Alliance's other partners"
_STATUS = r"(?P<noun>partners?|allies|ally|members?|observers?|partenaires?|alliée?s?|membres?|observateurs?)"
_STATUS_OF = re.compile(rf"\s*,\s*(?:(?:the|a|an|one of(?: the)?|l'un des|l'une des|un|une|le|la|l')\s+)?"
                        rf"(?:[\w-]+\s+){{0,2}}?{_STATUS}\s+(?:of the|of|de la|de l'|du|des|de|d')\s*", re.IGNORECASE)
_STATUS_OWNED = re.compile(rf"['’]s\s+(?:[\w-]+\s+){{0,2}}?{_STATUS}\b", re.IGNORECASE)
_STATUS_REL = {"partner": "partner_of", "ally": "partner_of", "allie": "partner_of", "member": "member_of",
               "observer": "observer_of", "partenaire": "partner_of", "allié": "partner_of", "alliée": "partner_of",
               "membre": "member_of", "observateur": "observer_of"}
_LIST_JOIN = re.compile(r"\s*(?:,|,?\s*(?:and|et))\s*(?:the\s+|la\s+|le\s+|l['’]|les\s+)?", re.IGNORECASE)


def _status_of(noun: str) -> str | None:
    n = noun.lower()
    return _STATUS_REL.get(n) or _STATUS_REL.get(n[:-1]) or _STATUS_REL.get(n[:-2])  # partners, alliées, allies


def _status_appositions(ctx: _DocContext, sent, sent_args: list[Arg]) -> list[tuple[int, Fact]]:
    """A state (or the states listed before it) described in apposition as a partner, ally, member or observer of a
    body ("Japan, a close partner of NATO, …", "Australia, New Zealand and Korea, the Alliance's other partners")."""
    out: list[tuple[int, Fact]] = []
    for k, a in enumerate(sent_args):
        if a.m.type != "country" or a.m.origin in ("anaphor", "demonym") or k + 1 >= len(sent_args):
            continue
        b = sent_args[k + 1]
        if b.m.type not in ("organization", "country") or b.m.origin == "demonym":
            continue
        m = _STATUS_OF.match(ctx.ntext, a.m.end)
        rel = None
        if m is not None and m.end() == b.m.start:
            rel = _status_of(m.group("noun"))
        elif re.fullmatch(r"\s*,\s*(?:the|its|their|l['’]|la|le)?\s*", ctx.ntext[a.m.end:b.m.start]):
            owned = _STATUS_OWNED.match(ctx.ntext, b.m.end)
            rel = _status_of(owned.group("noun")) if owned else None
        if rel is None:
            continue
        listed = [a]  # the states listed just before it share the description
        j = k - 1
        while j >= 0 and sent_args[j].m.type == "country" and sent_args[j].m.origin not in ("anaphor", "demonym") and \
                _LIST_JOIN.fullmatch(ctx.ntext, sent_args[j].m.end, listed[-1].m.start):
            listed.append(sent_args[j])
            j -= 1
        for c in listed:
            if c.m.entity != b.m.entity:
                out.append((5, _make(ctx, sent, rel, c, c.m.entity, b, (c.m.start, b.m.end), None, False, 0.6,
                                     RELATION_PLOVER.get(rel), "apposition")))
    return out


def _phrasing_facts(ctx: _DocContext, sent, sent_args: list[Arg]) -> list[tuple[int, Fact]]:
    """Mediators, terrorist designations, goods of foreign origin, routes crossing places (see clauses.py)."""
    def subject_args(tok) -> list[Arg]:
        s = _clause_subject(tok, ctx.lang)
        return _named_args(ctx, _args_under(ctx, s, sent_args)) if s is not None and s.i != tok.i else []

    def make(rel: str, subj: Arg, obj: Arg | None, anchor) -> Fact:
        return _make(ctx, sent, rel, subj, subj.m.entity, obj, (anchor.idx, anchor.idx + len(anchor)),
                     _pick_date(ctx, anchor, sent), False, 0.6, RELATION_PLOVER.get(rel), rel)

    return (mediation_facts(ctx, sent, sent_args, subject_args, make)
            + terrorist_designation_facts(ctx, sent, sent_args, subject_args, make)
            + origin_supply_facts(ctx, sent, sent_args, make)
            + route_facts(ctx, sent, sent_args, make)
            + launched_with_facts(ctx, sent, sent_args, make)
            + takes_office_facts(ctx, sent, sent_args, make))


# "His successor, Mark Rutte", « son successeur Ashraf Ghani », "the follow-on Resolute Support Mission"
_SUCCESSOR_BEFORE = re.compile(r"(?:\b(?:his|her|its|their|son|sa|leur)\s+(?:[\w-]+\s+)?(?:successor|successeur|"
                               r"successrice|remplaçant|remplaçante)|\b(?:the|a|la|le|une?)\s+(?:follow-on|"
                               r"successor|follow-up))\s*,?\s*(?:(?:the|le|la|l['’])\s*)?$", re.IGNORECASE)
_SUCCEEDING_TYPES = {"person": ("person",), "operation": ("operation",), "programme": ("programme",),
                     "organization": ("organization",), "agreement": ("agreement",)}


def _successor_facts(ctx: _DocContext, sent, sent_args: list[Arg]) -> list[tuple[int, Fact]]:
    """A successor named with a possessive or as "the follow-on X" succeeds the one of its kind named last before
    (the person for « son successeur », the mission for "the follow-on mission")."""
    out: list[tuple[int, Fact]] = []
    for a in sent_args:
        kinds = _SUCCEEDING_TYPES.get(a.m.type)
        if kinds is None or a.m.origin in ("demonym", "anaphor"):
            continue
        m = _SUCCESSOR_BEFORE.search(ctx.ntext, max(sent.start_char - 1, a.m.start - 40), a.m.start)
        if m is None:
            continue
        floor = max(0, sent.start_char - 600)
        before = [x for x in ctx.args if floor <= x.m.start and x.m.end <= m.start() and x.m.type in kinds
                  and x.m.entity != a.m.entity and x.m.origin != "demonym"]
        if not before:
            continue
        prev = before[-1]
        date = _pick_date(ctx, ctx.toks[a.head], sent)
        f = _make(ctx, sent, "succeeded_by", prev, prev.m.entity, a, (m.start(), a.m.end), date, False, 0.6,
                  RELATION_PLOVER.get("succeeded_by"), "successor")
        if prev.m.start < sent.start_char:
            f = replace(f, span_start=m.start(), quote=ctx.text[m.start():f.span_end])
        out.append((1, f))
    return out


def _list_maker(ctx: _DocContext):
    def make(subj: Arg, obj_entity: str, start: int, end: int) -> Fact:
        sent = ctx.sdoc.char_span(start, end, alignment_mode="expand")
        item = ctx.ntext[start:end]
        pieces_end = subj.m.end
        # the quote runs to the end of the item's first clause (« l'Iran qui a toujours craint qu'… »)
        cut = re.search(r"[,;(]|$", item[subj.m.end - start:])
        pieces_end = min(end, subj.m.end + cut.start()) if cut else pieces_end
        f = _make(ctx, sent, "threatens", subj, subj.m.entity, None, (subj.m.start, pieces_end), None, False, 0.55,
                  "THREATEN", "list")
        f.object = obj_entity
        return f
    return make


_HQ = re.compile(r"(?P<owner>\b(?:its|their|whose|son|sa|leur|dont\s+le|dont\s+les)\b|['’]s)\s+"
                 r"(?:(?:main|permanent|principal|provisional)\s+)?(?P<noun>headquarters|HQ|seat|base|siège|"
                 r"quartier général|quartiers généraux|état-major)\s+(?:(?:is|are|was|were|has been|est|sont|était|"
                 r"se trouve|se trouvent|a été)\s+)?(?:(?:now|still|désormais|toujours)\s+)?(?:(?:located|based|"
                 r"set up|installée?s?|située?s?|établie?s?|basée?s?)\s+)?(?:in|at|à|au|en|dans)\s+"
                 r"(?:(?:the|la|le|les)\s+|l['’])?$", re.IGNORECASE)


def _headquarters(ctx: _DocContext, sent, sent_args: list[Arg]) -> list[tuple[int, Fact]]:
    """"Its headquarters are in Yeghegnadzor", « l'OTSC, dont le siège est à Moscou », "NATO's headquarters are in
    Brussels": the body whose seat the sentence names is located_in that place."""
    out: list[tuple[int, Fact]] = []
    for b in sent_args:
        if b.m.type not in ("place", "country") or b.m.origin == "anaphor":
            continue
        floor = max(sent.start_char, b.m.start - 90)
        m = _HQ.search(ctx.ntext[floor:b.m.start])
        if m is None:
            continue
        at = floor + m.start()
        # "NATO's", « X, dont le siège », "its" / « son »: the body just before (for "its", in this sentence or
        # the one before)
        bodies = [a for a in ctx.args if a.m.end <= at and at - a.m.end <= 300 and a.m.origin != "demonym"
                  and a.m.type in ("organization", "operation", "company") and a.m.entity != b.m.entity]
        if not bodies:
            continue
        owner = bodies[-1]
        out.append((1, _make(ctx, sent, "located_in", owner, owner.m.entity, b, (at, b.m.end), None, False, 0.6,
                             None, m.group("noun"))))
    return out
