"""Office holders: « le président azerbaïdjanais Ilham Aliyev », "NATO Secretary General Jens Stoltenberg",
"President Emmanuel Macron of France", « X, ministre des Affaires étrangères de Y » → leader_of (heads of state,
government or body) or part_of (ministers, ambassadors: a seat in the body).

The body is read from the text next to the title (a country or organisation mention, a demonym); when the text
names none, or the person came from a role phrase the linker resolved (origin "role"), the knowledge base's offices
of the person say which body, preferring one the document mentions and an office held at the document's date.
"""

from __future__ import annotations

import re
from functools import lru_cache

_BODY_TYPES = ("country", "organization")
_OF_AT_END = re.compile(r"\s+(?:of the|of|de la|de l'|du|de|des|d')\s*$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"\s*['’]s?\s+")
_ROLE_BODY = re.compile(r"^.*\s(?:of the|of|de la|de l'|du|des|de|d')\s*(\S.*)$", re.IGNORECASE)
_JOIN = re.compile(r"^[\s,]*(?:(?:de la|de l'|du|de|des|d'|of the|of|the|le|la|l'|les)\s*)?$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _kb():
    try:
        from veille.kb import load_kb

        return load_kb()
    except Exception:  # noqa: BLE001 - the facts stage must work without the packaged KB
        return None


def kb_lookup_one(surface: str, lang: str):
    """The one KB actor a surface form names by its name or acronym (None when unknown or ambiguous)."""
    kb = _kb()
    if kb is None:
        return None
    got = {a.id: a for a, origin in kb.lookup(surface, lang) if origin not in ("demonym", "generic", "capital")}
    return next(iter(got.values())) if len(got) == 1 else None


def kb_actor(entity: str):
    """The KB's record of an entity (None when unknown or when no KB is installed)."""
    kb = _kb()
    return kb.get(entity) if kb is not None else None


def _role_state(text: str, lang: str) -> str | None:
    """The one state a role phrase names (« Premier ministre hongrois » → Hungary; see `kb_states_named`)."""
    found = kb_states_named(text, lang)
    return next(iter(found)) if len(found) == 1 else None


def kb_states_named(text: str, lang: str) -> set[str]:
    """The states a name names by a state's name, acronym or demonym, read over runs of up to three of its words
    ("Royal Australian Navy" → Australia, "US Treasury" → United States, « forces armées de Côte d'Ivoire »)."""
    kb = _kb()
    if kb is None:
        return set()
    words = re.findall(r"[\w’'.]+", re.sub(r"[’']s\b", "", text))
    found: set[str] = set()
    i = 0
    while i < len(words):
        for n in (3, 2, 1):
            surface = " ".join(words[i:i + n]).strip(".")
            if len(words[i:i + n]) < n or len(surface) < 2 or not (surface[0].isupper() or n == 1 and lang == "fr"):
                continue
            got = {a.id for a, origin in kb.lookup(surface, lang) if a.type == "country"
                   and origin in ("name", "demonym", "acronym")}
            if got:
                found |= got
                i += n - 1
                break
        i += 1
    return found


def _capital_state(text: str, lang: str) -> str | None:
    """The state whose capital `text` names (« Niamey » → Niger)."""
    kb = _kb()
    if kb is None:
        return None
    found = {a.id for a, origin in kb.lookup(text, lang) if a.type == "country" and origin == "capital"}
    return next(iter(found)) if len(found) == 1 else None


def _title_at_end(prefix: str, titles: list[tuple[str, ...]]) -> tuple[str, int] | None:
    """The title the (lower-cased) text ends with, and where it starts in `prefix`."""
    p = prefix.rstrip(" ,").lower()
    for t in sorted(titles, key=lambda t: -len(" ".join(t))):
        title = " ".join(t)
        if p.endswith(title) and (len(p) == len(title) or not p[-len(title) - 1].isalnum()):
            return title, len(p) - len(title)
    return None


def _active(office: dict, on: str | None) -> bool:
    if not on:
        return office.get("to") is None
    start, end = office.get("from") or "0000", office.get("to") or "9999"
    return start[:len(on)] <= on <= end[:len(on)] or start[:4] <= on[:4] <= end[:4]


def kb_bodies(person: str, mentioned: set[str], on: str | None) -> list[tuple[str, str]]:
    """(body id, role) of the person's offices in the KB: those whose body the document mentions, the office held at
    `on` first."""
    kb = _kb()
    if kb is None:
        return []
    offices = [o for o in kb.offices_of(person) if o.get("of") in mentioned]
    offices.sort(key=lambda o: not _active(o, on))
    return [(o["of"], o.get("role") or "") for o in offices[:1]]


@lru_cache(maxsize=4)
def _title_after_name(titles: tuple[tuple[str, ...], ...]) -> re.Pattern[str]:
    """« , président de » / ", president of": one pattern for all titles (longest first), compiled once."""
    alts = "|".join(re.escape(" ".join(t)) for t in sorted(titles, key=lambda t: -len(" ".join(t))))
    return re.compile(rf"(?:(?:le|la|l'|the|a|an|one of the|l'un des|l'une des)\s+)?(?:[\w-]+\s+){{0,2}}?"
                      rf"(?P<title>{alts})\s+(?:de la|de l'|du|de|des|d'|of the|of|to the|to|auprès de la|"
                      rf"auprès du|auprès de)?\s*")


# between a body and its title: nothing, a possessive, or up to two lower-case words ("Ukraine's agriculture minister",
# "the South Korean defence minister"), never a function word ("NATO and the EU foreign policy chief")
_BODY_TITLE_GAP = re.compile(r"\s*(?:['’]s?\s+)?(?:(?!(?:and|et|or|ou|the|of|with|avec|de|du|des|la|le|les|to|à|for|pour|"
                             r"by|par|in|en|on|sur|a|an|un|une)\s)[a-zà-ÿ][\w-]*\s+){0,2}")
# a minister's portfolio after the title: "for Defence", "of Foreign Affairs", « de l'Intérieur », « des Affaires
# étrangères et de la Coopération »
_PORTFOLIO_AT_END = re.compile(r"\s+(?:for|of|de la|de l'|du|des|de|d'|chargée? de la|chargée? de l'|chargée? des|"
                               r"chargée? du)\s*(?:the\s+)?[A-ZÉÈ][\w'’-]*(?:\s+(?:and|et|&|de la|de l'|du|des|de|d'|of|"
                               r"the)?\s*[\wÉé'’-]+){0,4}?[\s,]*$")


_IN_POWER = re.compile(r"\s*,?\s*(?:qui est |who has been |who is )?(?:au pouvoir|in power|à la tête du pays|"
                       r"at the helm|qui a pris le pouvoir|who seized power|who took power)\b", re.IGNORECASE)


def _after_body(text: str, a, upto: int) -> str:
    """What stands between a body's mention and `upto`, without the full stop of an acronym ("the U.S. envoy")."""
    gap = text[a.m.end:upto]
    return gap[1:] if gap.startswith(".") and "." in a.m.text else gap


_RANK_BEFORE = re.compile(r",?\s*(?:(?:le|la|l'|the)\s+)?(?:général|générale|colonel|capitaine|amiral|general|colonel|"
                          r"captain|admiral|lieutenant-général|lieutenant general)?\s*$", re.IGNORECASE)


def _title_around_demonym(text: str, floor: int, prev: list, p, titles) -> tuple | None:
    """« le ministre turc des Affaires étrangères Hakan Fidan », « le ministre nigérien de la Défense, le général
    Salifou Mody »: a title whose demonym sits inside it (a rank may stand before the name). Returns the title, the
    demonym's argument (the state) and the span."""
    if not prev or prev[-1].m.origin != "demonym" or prev[-1].m.type != "country" or p.m.start - prev[-1].m.end > 60:
        return None
    d = prev[-1]
    rest = text[d.m.end:p.m.start]
    rest = rest[:_RANK_BEFORE.search(rest).start()] + " "
    if re.search(r"[.;:()]", rest):
        return None
    lo = max(floor, d.m.start - 30)
    head = text[lo:d.m.start].rstrip()
    got = _title_at_end(head + " " + rest.strip(), titles)
    if got is None or got[1] >= len(head):
        return None  # the title must begin before the demonym
    return got[0], d, (lo + got[1], p.m.end)


# titles that only a state's head bears: with no body named, the state is the one the text was just talking about
_STATE_HEADS = {"président", "présidente", "premier ministre", "roi", "reine", "émir", "chancelier", "chancelière",
                "president", "prime minister", "premier", "king", "queen", "emir", "chancellor", "taoiseach"}


# seats only a government has ("the minister", « le chef de la diplomatie »): same reading as a head's title
_STATE_SEATS = {"ministre", "ministre des affaires étrangères", "ministre de la défense", "vice-premier ministre",
                "vice-ministre", "secrétaire d'état", "chef de la diplomatie", "cheffe de la diplomatie", "minister",
                "foreign minister", "defence minister", "defense minister", "deputy prime minister", "deputy minister",
                "deputy foreign minister", "secretary of state", "top diplomat"}


def _state_told_before(ctx, p) -> str | None:
    """The state the text named last before `p`, in the same paragraph and at most a few sentences back
    ("Manila … President Ferdinand Marcos Jr.")."""
    text = ctx.ntext
    floor = max(text.rfind("\n", 0, p.m.start), p.m.start - 400)
    for a in reversed(ctx.args):
        if a.m.start >= p.m.start or a.m.type != "country" or a.m.origin in ("anaphor", "demonym"):
            continue  # a demonym qualifies someone (« son homologue mozambicain »), it does not set the topic
        return a.m.entity if a.m.start > floor else None
    return None


_COUNTERPARTS = {"homologue", "homologues", "counterpart", "counterparts"}


def _counterpart_is_seat(ctx, sent_args, p, titled: dict, seat_set: set[str]) -> bool:
    """Whether a counterpart holds a seat: as the person of the sentence whose counterpart they are does, by the
    title the sentence gave that person, else by that person's office in the KB."""
    for a in sent_args:
        if a is p or a.m.type != "person" or a.m.entity == p.m.entity:
            continue
        title = titled.get(id(a))
        if title is not None and title not in _COUNTERPARTS:
            return title in seat_set
        roles = [role for _, role in kb_bodies(a.m.entity, set(ctx.types), ctx.analysis.doc.anchor)]
        if roles:
            return any(roles[0].lower().startswith(x) for x in seat_set)
    return False


def office_facts(ctx, sent, sent_args, make) -> list:
    """leader_of / part_of facts for the persons of one sentence that carry a title (see the module docstring).
    `make(rel, subj_arg, obj_arg, obj_entity, span)` builds the Fact."""
    out = []
    text = ctx.ntext
    seats = ctx.lex.seat_titles
    titles = ctx.lex.titles + seats
    mentioned = set(ctx.types)
    seat_set = {" ".join(s) for s in seats}
    leader_set = {" ".join(t) for t in ctx.lex.titles}
    titled: dict[int, str] = {}
    owned: dict[int, object] = {}  # person -> the possessor of their title (« Ses coprésidents, X et Y »)
    for k, p in enumerate(sent_args):
        if p.m.type != "person" or p.m.origin == "anaphor":
            continue
        body, span, title, poss = None, None, None, None
        floor = sent.start_char
        # what stands right before the name: [body] title [demonym | body] NAME
        prev = [a for a in sent_args[max(0, k - 3):k] if a.m.end <= p.m.start]
        cursor = p.m.start
        between_body = None
        if prev and prev[-1].m.type in _BODY_TYPES and not text[prev[-1].m.end:p.m.start].strip(" ,"):
            between_body = prev[-1]  # « le président azerbaïdjanais Ilham Aliyev »
            cursor = prev[-1].m.start
        found = _title_at_end(text[max(floor, cursor - 45):cursor], titles)
        if found is None and between_body is None:
            # "Minister for Defence Richard Marles", « le ministre de l'Intérieur, Gérald Darmanin »: a seat and its
            # portfolio (no actor named in it)
            head = text[max(floor, cursor - 60):cursor]
            port = _PORTFOLIO_AT_END.search(head)
            if port and not any(a.m.end > max(floor, cursor - 60) + port.start() for a in prev):
                got = _title_at_end(head[:port.start()], seats)
                # (offset in the 45-character window the rest of the reading uses)
                found = (got[0], got[1] + max(floor, cursor - 60) - max(floor, cursor - 45)) if got else None
        if found is None and between_body is not None:
            # "the President of the European Council, Charles Michel": title, « de » / "of", body, name
            head = text[max(floor, cursor - 45):cursor]
            of = _OF_AT_END.search(head)
            if of:
                got = _title_at_end(head[:of.start()], titles)
                found = (got[0], got[1]) if got else None
        if found is None and prev and prev[-1].m.type in _BODY_TYPES and \
                _POSSESSIVE.fullmatch(text[prev[-1].m.end:p.m.start]):
            # "Kazakhstan's Kassym-Jomart Tokayev": a possessive body and an office the KB knows
            body = prev[-1]
            offices = kb_bodies(p.m.entity, {body.m.entity}, ctx.analysis.doc.anchor)
            for ent, role in offices:
                rel = "part_of" if any(role.lower().startswith(x) for x in seat_set) else "leader_of"
                out.append(make(rel, p, body, ent, (body.m.start, p.m.end)))
            if offices:
                continue
        if found is None and ctx.lex.rank_titles:
            got = _ranked_officer(ctx, sent_args, k, prev, floor, cursor, seat_set)
            if got is not None:
                rank, fact_args = got
                titled[id(p)] = rank
                out.append(make(*fact_args))
                continue
        inner = _title_around_demonym(text, floor, prev, p, titles) if found is None else None
        if inner is not None:
            title, body, span = inner
        elif found:
            title = found[0]
            tstart = max(floor, cursor - 45) + found[1]
            body = between_body
            if body is None:
                # "NATO Secretary General Jens Stoltenberg", "U.S. President Joe Biden"
                before = [a for a in prev if a.m.end <= tstart and a.m.type in _BODY_TYPES
                          and _BODY_TITLE_GAP.fullmatch(_after_body(text, a, tstart))]
                body = before[-1] if before else None
            if body is None and _POSSESSIVE_DET.search(text, max(floor, tstart - 24), tstart) and \
                    not (title.endswith("s") and title in seat_set) and title not in _COUNTERPARTS:
                # ("their foreign ministers" are respective; « son homologue » holds the same office elsewhere)
                poss = _possessor(ctx, sent_args, floor, tstart)  # « Son PDG, Patrick Pouyanné », "its leader, X"
            if body is None:
                # "President Ilham Aliyev of Azerbaijan", « Ilham Aliyev, président de l'Azerbaïdjan »
                nxt = sent_args[k + 1] if k + 1 < len(sent_args) else None
                if nxt is not None and nxt.m.type in _BODY_TYPES and re.fullmatch(
                        r"\s*(?:of the|of|de la|de l'|du|de|d')\s*", text[p.m.end:nxt.m.start], re.IGNORECASE):
                    body = nxt
            span = (min(tstart, body.m.start if body else tstart), max(p.m.end, body.m.end if body else p.m.end))
        elif k and titled.get(id(sent_args[k - 1])) and re.fullmatch(r"\s*(?:,|and|et|,\s*and|,\s*et)\s*",
                                                                    text[sent_args[k - 1].m.end:p.m.start]):
            # "Presidents Vladimir Putin and Masoud Pezeshkian": the title covers the coordinated names (and their
            # possessor: « Ses coprésidents, X et Y »)
            title = titled[id(sent_args[k - 1])]
            span = (sent_args[k - 1].m.start, p.m.end)
            poss = owned.get(id(sent_args[k - 1]))
        elif p.m.origin == "role":
            title = p.m.text.lower()
            span = (p.m.start, p.m.end)
        else:
            # « Ilham Aliyev, président de l'Azerbaïdjan », "Henna Virkkunen, an executive vice-president of the
            # European Commission": the title after the name
            nxt = sent_args[k + 1] if k + 1 < len(sent_args) else None
            if nxt is None or nxt.m.type not in _BODY_TYPES + ("person",) or nxt.m.start - p.m.end > 60:
                continue
            between = text[p.m.end:nxt.m.start].strip(" ,").lower()
            m = _title_after_name(tuple(titles)).fullmatch(between)
            if nxt.m.type == "person":
                # "X, an adviser to Supreme Leader Ali Khamenei": a seat beside a head sits in the head's state
                m = _title_after_name(tuple(seats)).match(between)
                m = m if m and m.group(0).rstrip().endswith(("to", "of", "de", "du")) and \
                    len(between[m.end():].split()) <= 3 else None  # "to [Supreme Leader]"
                heads = [ent for ent, role in kb_bodies(nxt.m.entity, mentioned, ctx.analysis.doc.anchor)
                         if not any(role.lower().startswith(" ".join(x)) for x in seats)] if m else []
                if m and heads:
                    out.append(make("part_of", p, None, heads[0], (p.m.start, nxt.m.end)))
                continue
            if m and nxt.m.type != "person":
                title, body, span = m.group("title"), nxt, (p.m.start, nxt.m.end)
            if title is None:
                continue
        titled[id(p)] = title
        if poss is not None:
            owned[id(p)] = poss
        seat = title in seat_set or (p.m.origin == "role" and any(title.startswith(s) for s in seat_set)
                                     and not any(title.startswith(t) for t in leader_set))
        if title in _COUNTERPARTS:
            # « son homologue mozambicain, Cristóvão Chume »: the office of the one whose counterpart this is
            seat = _counterpart_is_seat(ctx, sent_args, p, titled, seat_set)
        rel = "part_of" if seat else "leader_of"
        if body is not None and body.m.entity != p.m.entity:
            out.append(make(rel, p, body, body.m.entity, span))
            continue
        named_state = _role_state(p.m.text, ctx.lang) if p.m.origin == "role" else None
        bodies = kb_bodies(p.m.entity, mentioned | {named_state} if named_state else mentioned,
                           ctx.analysis.doc.anchor)
        if not bodies and poss is not None and poss.m.entity != p.m.entity:
            bodies = [(poss.m.entity, title)]  # whose title the possessive says, when the KB knows no office
        if not bodies and named_state and not seat:
            bodies = [(named_state, title)]  # « le Premier ministre hongrois »: the demonym names the state
        if not bodies and p.m.origin == "role":
            # « présidente de la Moldavie », "president of Moldova": the role names its body itself
            named = _ROLE_BODY.search(p.m.text)
            actor = kb_lookup_one(named.group(1), ctx.lang) if named else None
            if actor is not None and actor.type in _BODY_TYPES and actor.id != p.m.entity:
                bodies = [(actor.id, title)]
        if not bodies and (title in _STATE_SEATS if seat else title in _STATE_HEADS) and p.m.origin != "role":
            state = _state_told_before(ctx, p)
            if state is not None:
                bodies = [(state, title)]
        for ent, _role in bodies:
            out.append(make(rel, p, None, ent, span))
    return out


# a possessive determiner, maybe an adjective, right before a title: « son PDG », "its new commander"
_POSSESSIVE_DET = re.compile(r"(?<!\w)(?:son|sa|ses|leur|leurs|its|their)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)


def _possessor(ctx, sent_args: list, floor: int, before: int):
    """Whose head a possessive title names: the body or company heading a subject before it in its sentence
    ("Hezbollah lost its leader"), else in the sentence before (« Le groupe TotalEnergies a annoncé … Son PDG »);
    a name that is no subject is not what « son » / "its" points back to."""
    kinds = _BODY_TYPES + ("company",)
    here = [a for a in sent_args if a.m.end <= before and a.m.type in kinds and a.m.origin != "demonym"
            and _heads_subject(ctx.toks[a.head])]
    if here:
        return here[-1]
    earlier = [a for a in ctx.args if floor - 400 <= a.m.start and a.m.end <= floor and a.m.type in kinds
               and a.m.origin != "demonym"]
    if not earlier:
        return None
    last_sent = ctx.toks[earlier[-1].head].sent.start
    # the subject of that sentence's main verb (« … qu'Ankara considère comme … » is no topic)
    subjects = [a for a in earlier if a.head >= last_sent and _heads_subject(ctx.toks[a.head], main=True)]
    return subjects[-1] if subjects else None


def _heads_subject(tok, main: bool = False) -> bool:
    """The name is a subject, or names the noun that is (« Le groupe TotalEnergies a annoncé »); with `main`, of its
    sentence's main verb."""
    if tok.dep_ in ("appos", "flat:name", "nmod", "compound") and tok.head.dep_.startswith("nsubj"):
        tok = tok.head
    return tok.dep_.startswith("nsubj") and (not main or tok.head.dep_ == "ROOT")


def _ranked_officer(ctx, sent_args: list, k: int, prev: list, floor: int, cursor: int,
                    seat_set: set[str]) -> tuple[str, tuple] | None:
    """An officer named by a rank and no title, as (rank, the `make` arguments of their fact): « le général
    Abdourahamane Tiani à Niamey » leads the state of the capital (juntas); "a U.S. general, Jasper Jeffers", « le
    colonel malien X » sit in the state named before or after the rank (leader_of when the KB says they head it);
    « Au Burkina Faso, le capitaine Ibrahim Traoré, au pouvoir depuis … » leads the state just named."""
    text, p = ctx.ntext, sent_args[k]
    nxt = sent_args[k + 1] if k + 1 < len(sent_args) else None
    rank = _title_at_end(text[max(floor, cursor - 30):cursor], ctx.lex.rank_titles)
    state = _capital_state(nxt.m.text, ctx.lang) if nxt is not None and rank else None
    if state and re.fullmatch(r"\s*(?:à|in)\s*", text[p.m.end:nxt.m.start]):
        return rank[0], ("leader_of", p, None, state, (max(floor, cursor - 30) + rank[1], nxt.m.end))
    rank = _title_at_end(text[max(floor, cursor - 45):cursor], ctx.lex.rank_titles)
    if rank is None:
        return None
    rstart = max(floor, cursor - 45) + rank[1]
    before = [a for a in prev if a.m.end <= rstart and a.m.type == "country"
              and _BODY_TITLE_GAP.fullmatch(_after_body(text, a, rstart))]
    if not before and prev and prev[-1].m.origin == "demonym" and prev[-1].m.type == "country" and \
            prev[-1].m.start >= rstart and not text[prev[-1].m.end:p.m.start].strip(" ,"):
        before = [prev[-1]]
    if not before and _IN_POWER.match(text, p.m.end):
        told = _state_told_before(ctx, p)
        return (rank[0], ("leader_of", p, None, told, (rstart, p.m.end))) if told is not None else None
    if not before:
        return None
    state = before[-1]
    known = kb_bodies(p.m.entity, {state.m.entity}, ctx.analysis.doc.anchor)
    rel = "part_of" if not known or any(known[0][1].lower().startswith(x) for x in seat_set) else "leader_of"
    return rank[0], (rel, p, state, state.m.entity, (min(rstart, state.m.start), p.m.end))


# plural titles that a list of states and an equally long list of persons share, one office each
_PLURAL_SEATS = {"ministres", "ministers", "ambassadeurs", "ambassadors", "conseillers", "advisers", "advisors",
                 "envoyés", "envoys", "négociateurs", "negotiators", "représentants", "representatives"}
_PLURAL_HEADS = {"présidents", "presidents", "dirigeants", "leaders"}
_LIST_GAP = re.compile(r"^(?:['’]s)?\s*(?:,|,?\s*(?:and|et))?\s*(?:(?:de la|de l'|du|des|de|d'|the|la|le|l')\s*)?$",
                       re.IGNORECASE)


def _run(ctx, sent_args: list, k: int, kind: str) -> list:
    """The names of type `kind` listed from sent_args[k] on (« la France, de l'Allemagne et de l'Italie »)."""
    out = [sent_args[k]]
    for a in sent_args[k + 1:]:
        if a.m.type != kind or a.m.origin in ("demonym", "anaphor") or \
                not _LIST_GAP.match(ctx.ntext[out[-1].m.end:a.m.start]):
            break
        out.append(a)
    return out


def respective_offices(ctx, sent, sent_args, make) -> list:
    """"The foreign ministers of France and Germany, Jean-Noël Barrot and Annalena Baerbock", "Finland's and Sweden's
    ambassadors to NATO, Klaus Korhonen and Axel Wernhoff", « les conseillers diplomatiques des dirigeants de la
    France, de l'Allemagne et de l'Italie – Emmanuel Bonne, Jens Plötner et Francesco Talò »: the i-th person holds
    the office in the i-th state (part_of a seat, leader_of a head)."""
    text = ctx.ntext
    out = []
    k = 0
    while k < len(sent_args):
        a = sent_args[k]
        if a.m.type != "country" or a.m.origin in ("demonym", "anaphor") or \
                (k and sent_args[k - 1].m.type == "country" and _LIST_GAP.match(text[sent_args[k - 1].m.end:a.m.start])):
            k += 1
            continue
        states = _run(ctx, sent_args, k, "country")
        k += len(states)
        # the persons' list comes next, maybe after the body the office is at ("ambassadors to NATO, …")
        j = next((i for i in (k, k + 1) if i < len(sent_args) and sent_args[i].m.type == "person"), None)
        if len(states) < 2 or j is None:
            continue
        persons = _run(ctx, sent_args, j, "person")
        if len(persons) != len(states):
            continue
        before = text[max(sent.start_char, states[0].m.start - 60):states[0].m.start].lower()
        between = text[states[-1].m.end:persons[0].m.start]
        if len(between) > 40 or not re.search(r"[,:–—-]\s*$", between):
            continue
        words = set(re.findall(r"[\wé-]+", before + " " + between.lower()))
        seat, head = words & _PLURAL_SEATS, words & _PLURAL_HEADS
        if not seat and not head:
            continue
        rel = "part_of" if seat else "leader_of"
        for s, p in zip(states, persons, strict=True):
            out.append(make(rel, p, s, s.m.entity, (min(s.m.start, p.m.start), p.m.end)))
    return out
