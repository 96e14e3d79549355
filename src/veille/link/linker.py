"""Mention → actor for one parsed document.

Candidates come from three places: the gazetteer (every surface form the knowledge base knows), spaCy's NER,
and role phrases (« le président azéri » → the office holder at the document's date). Overlaps are settled by
preferring the longest span, then the gazetteer; spans are trimmed of articles and punctuation. Acronyms defined
in the text (« Conseil de partenariat euro-atlantique (CPEA) ») become aliases of the long name's actor for the
rest of the document. Names the knowledge base does not know are matched to a known name with one typo
(« Makhatchala »), to an earlier fuller name in the document (« Aliyev » after « Ilham Aliyev »), or become new
actors whose id is their normalised name, so they merge across documents when the names agree.
Every mention records why it links where it does (`Mention.origin`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Span

from veille.kb import fold, is_acronym, load_kb, normalize
from veille.kb.actors import COMPANY_NOUNS
from veille.link.gazetteer import Hit, get_gazetteer
from veille.model import Document, EntityInfo, Mention
from veille.nlp import get_nlp, sentence_end, sentence_start

NER_TYPES = {"PER": "person", "PERSON": "person", "LOC": "place", "GPE": "place", "ORG": "organization",
             "MISC": "other", "NORP": "other", "FAC": "place", "EVENT": "event", "LAW": "agreement",
             "PRODUCT": "other"}
NER_LABELS = set(NER_TYPES)
_LEADING = re.compile(r"^(?:(?:l'|d'|l’|d’|le |la |les |de |du |des |the |The |Le |La |Les |L'|L’|D'|D’|an |An |a |A |un |Un |une |Une "
                      r"|Several |Many |Some |Most |All |Other |Both |Two |Three |Four |Five |Plusieurs |Certains "
                      r"|Certaines |Tous |Toutes |Deux |Trois |Quatre |Cinq )\s*)+")
_TRAILING = re.compile(r"[\s.,;:!?)\]»\"'’-]+$")
_LEADING_PUNCT = re.compile(r"^[\s(\[«\"'’-]+")
_ACRONYM_DEF = re.compile(r"\s*\(\s*([A-Z][A-Za-z0-9&\-]{1,9})\s*\)")
_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")
_SUFFIX = re.compile(r",?\s+(?:jr|sr|ii|iii|iv)\.?$")  # "Ferdinand Marcos Jr": "Marcos" is his surname
_EQUIPMENT = re.compile(r"^(?:[A-Z][A-Za-z]{0,3}-?\d{1,4}[A-Z]?\d?|[A-Z]{1,3}\d{2,4})(?:\s|$)")
# words that join the parts of a name (not « en », « à », "in", "on": « Crimea in March » is no name)
_CONNECTORS = {"of", "for", "the", "de", "du", "des", "pour", "la", "le", "l'", "d'"}
_ORIGIN_RANK = {"name": 0, "acronym": 1, "periphrasis": 2, "capital": 3, "demonym": 4}


@lru_cache(maxsize=1)
def _data() -> tuple[dict[str, str], set[str], set[str]]:
    base = resources.files("veille.link").joinpath("data")
    heads = json.loads(base.joinpath("head_types.json").read_text(encoding="utf-8"))
    head_type = {w: t for t, words in heads.items() if not t.startswith("_") for w in words}
    stop = json.loads(base.joinpath("not_actors.json").read_text(encoding="utf-8"))
    return head_type, set(stop["acronyms"]), {w.casefold() for w in stop["words"]}


@lru_cache(maxsize=1)
def _equipment() -> frozenset[str]:
    data = json.loads(resources.files("veille.link").joinpath("data/not_actors.json").read_text(encoding="utf-8"))
    return frozenset(normalize(w) for w in data.get("equipment", []))


def _extend_name(sdoc: Doc, ent: Span, known=None) -> int:
    """Token index where a NER name really ends: spaCy often cuts multi-word names short (« NATO Security
    Assistance » for "NATO Security Assistance and Training for Ukraine"), so carry on over capitalised words and
    the small words that join them, within the sentence. In English a lower-case place head ("training area") ends
    a name `known` (the KB) does not already know."""
    end = ent.end
    sent_end = sentence_end(sdoc, ent.start)
    j = end
    while j < sent_end and j - ent.end < 8:
        tok = sdoc[j]
        if tok.is_title or (tok.is_upper and tok.is_alpha and len(tok) > 1):
            j += 1
            end = j
            continue
        joiner = tok.lower_ in _CONNECTORS or (tok.lower_ in ("and", "et") and end - ent.start >= 2)
        nxt = sdoc[j + 1] if j + 1 < sent_end else None
        if joiner and nxt is not None and nxt.is_title and not nxt.is_sent_start:
            if tok.lower_ in ("and", "et"):
                after = sdoc[j + 2] if j + 2 < sent_end else None
                if after is None or not (after.is_title or after.lower_ in _CONNECTORS):
                    break
            j += 1
            continue
        break
    if known is not None and sdoc.lang_ == "en" and end > ent.start and sdoc[end - 1].is_title and \
            not known(sdoc[ent.start:end].text):
        # "the Iliyskiy training area", "the Semipalatinsk nuclear test site": a lower-case place head ends the name
        places = _place_heads()
        for n in (3, 2, 1):
            words = [t.lower_ for t in sdoc[end:min(end + n, sent_end)]]
            if len(words) == n and all(w.isalpha() for w in words) and (
                    " ".join(words) in places or n > 1 and " ".join(words[1:]) in places):
                return end + n
    return end


@lru_cache(maxsize=1)
def _place_heads() -> frozenset[str]:
    return frozenset(w for w, t in _data()[0].items() if t == "place" and w.isascii())


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    data = json.loads(resources.files("veille.link").joinpath("data/titles.json").read_text(encoding="utf-8"))
    return frozenset(data["titles"])


_MEMBERS_OF = re.compile(r"(?:(?:les|the)\s+)?(?:états|etats|pays|membres|états membres|states|countries|members|"
                         r"member states|nations)\s+(?:de l['’]|de la |du |des |d['’]|of the |of )", re.IGNORECASE)


_CAPITALISED_NEXT = re.compile(r" [A-ZÀ-Ý][\w'’-]+")
_TITLE_BEFORE = re.compile(r"(?<![\w-])([\w.-]+),?\s+$")
_TWO_OR_THREE_NAMES = re.compile(r"[A-ZÀ-Ý][\w'’-]+(?: [A-ZÀ-Ý][\w'’-]+){1,2}")
# the head nouns that end an English body's name ("a Joint Coordination Centre", "the Ceasefire Monitoring
# Committee"); a run of capitalised words ending in one is a name the tagger may have missed
_BODY_HEADS = {"centre", "center", "committee", "commission", "council", "agency", "office", "group", "fund",
               "force", "forces", "mission", "programme", "program", "initiative", "corridor", "canal", "pipeline",
               "coalition", "alliance", "authority", "bureau", "secretariat", "tribunal", "court", "directorate",
               "command", "brigade", "battalion", "regiment", "company", "corporation", "bank", "institute",
               "service", "network", "platform", "facility"}
_NAME_JOINERS = {"of", "for", "and", "the", "on", "in"}


def _titled_bodies(sdoc: Doc, text: str, found: list) -> list:
    """English bodies named by capitalised words that the tagger missed ("inspections carried out by a Joint
    Coordination Centre"): a run of two or more capitalised words (with "of", "for"… inside) ending in a body's head
    noun, not opening its sentence."""
    taken = [(c.start, c.end) for c in found] + [(e.start_char, e.end_char) for e in sdoc.ents]
    out = []
    toks = list(sdoc)  # one Token object each (`Doc.__getitem__` builds a new one on every access)
    i, n = 0, len(toks)
    while i < n:
        t = toks[i]
        if not (t.is_title or t.is_upper and len(t) > 1) or t.is_sent_start or t.is_punct:
            i += 1
            continue
        j, last_cap = i, i
        while j + 1 < n:
            nxt = toks[j + 1]
            if nxt.is_title or nxt.is_upper and len(nxt) > 1 and nxt.is_alpha:
                j += 1
                last_cap = j
            elif nxt.lower_ in _NAME_JOINERS and j + 2 < n and (toks[j + 2].is_title or toks[j + 2].is_upper):
                j += 1
            else:
                break
        first = i
        while first < last_cap and toks[first].is_stop:
            first += 1  # "The NATO Military Liaison Office", "Through the Defence … Programme" opening a line
        # the name ends at a head noun that ends the run or is followed by "in …" / "of …" ("Joint Coordination
        # Centre in Istanbul"); a run glued to a hyphen is the end of another name ("NATO-Georgia Commission")
        head = next((p for p in range(last_cap, first, -1) if toks[p].lower_ in _BODY_HEADS and
                     (p == last_cap or toks[p + 1].lower_ in _NAME_JOINERS)), None)
        glued = i and (toks[i - 1].text in "-–‑" and not toks[i - 1].whitespace_ or toks[i - 1].text == ")")
        if head is not None and not glued:  # (nor one going on after an acronym: "… Package (CAP) Trust Fund")
            s, e = toks[first].idx, toks[head].idx + len(toks[head])
            if not any(a < e and s < b for a, b in taken):
                out.append(Candidate(s, e, text[s:e], "ner", [], label="ORG"))
        i = last_cap + 1
    return out


def _strip_titles(text: str, start: int, end: int) -> int:
    """Start of a person's name once leading titles (« général », "President", « M. ») are skipped."""
    titles = _titles()
    while True:
        m = re.match(r"(\S+)\s+", text[start:end])
        if not m or m.group(1).lower() not in titles:
            return start
        start += m.end()


def slug_id(name: str) -> str:
    """Stable id of an actor the KB does not know: its folded, normalised name."""
    return "x:" + re.sub(r"[^0-9a-z]+", "-", fold(name).casefold()).strip("-")


# the last word of a company's name ("Iran Air", "General Dynamics", "Lockheed Martin Corp.")
_COMPANY_WORDS = {"air", "airlines", "airways", "gaz", "gas", "oil", "petroleum", "energy", "energies", "group",
                  "holding", "motors", "systems", "industries", "technologies", "corporation", "corp", "inc", "ltd",
                  "plc", "sa", "ag", "gmbh", "spa", "pjsc", "jsc", "oao", "pao", "llc", "aerospace", "dynamics",
                  "shipyard", "shipbuilding", "petrochemicals", "mining", "metals", "steel"}
_COMPANY_SUFFIXES = ("gaz", "gas", "neft", "oil", "petrol", "energo", "atom", "prom", "bank")


# « le groupe chinois », "the state nuclear corporation", "the Chinese groups": what names a company right after
_COMPANY_BEFORE = re.compile(rf"(?<!\w)(?:{COMPANY_NOUNS})(?:\s+[\w'’-]+){{0,2}}\s+$", re.IGNORECASE)
_LIST_JOIN = re.compile(r"^\s*(?:,|and|et|or|ou)\s*$")


def _told_as_company(text: str, start: int, mentions: list) -> bool:
    """An unknown name introduced as a company (« le groupe chinois CNNC », "the firm Fluxys") or listed right
    after one ("the Chinese groups CGN and CNNC")."""
    window = text[max(0, start - 50):start]
    m = _COMPANY_BEFORE.search(window)
    if m and not re.search(r"[.;:!?,()]", window[m.start():]):
        return True
    prev = mentions[-1] if mentions else None
    return prev is not None and prev.type == "company" and bool(_LIST_JOIN.match(text[prev.end:start]))


# « les villages de », "the town of", « la localité de »: what names a place right after
_PLACE_BEFORE = re.compile(r"(?<!\w)(?:villages?|towns?|cit(?:y|ies)|ville|villes|localités?|communes?|districts?|"
                           r"provinces?|hamlets?|hameaux?|municipalit(?:y|ies)|municipalités?|région|region)"
                           r"\s+(?:of\s+|de\s+|d['’]|du\s+|des\s+)?$", re.IGNORECASE)


def _told_as_place(text: str, start: int, mentions: list) -> bool:
    """An unknown name introduced as a place (« les villages de Baghanis Ayrum et … », "the town of X") or listed
    right after one."""
    if _PLACE_BEFORE.search(text, max(0, start - 30), start):
        return True
    prev = mentions[-1] if mentions else None
    return prev is not None and prev.type == "place" and prev.origin == "new" and \
        bool(_LIST_JOIN.match(text[prev.end:start]))


def guess_type(name: str, label: str, lang: str = "fr") -> str:
    """Type of an unknown actor from its head noun (first word in French, last in English), company markers,
    else the NER label."""
    head_type, _, _ = _data()
    words = normalize(name).split()
    if not words:
        return NER_TYPES.get(label, "other")
    folded = [fold(w).strip("'’.,") for w in words]
    if (len(folded) > 1 and folded[-1] in _COMPANY_WORDS) or (
            len(words) == 1 and folded[0].endswith(_COMPANY_SUFFIXES) and len(folded[0]) > 6):
        return "company"
    first_keys = [" ".join(words[:n]) for n in (3, 2, 1)]
    last_keys = [" ".join(words[-n:]) for n in (3, 2, 1)]
    order = (last_keys + first_keys) if lang == "en" else (first_keys + last_keys[2:])
    for key in order:
        if key in head_type:
            return head_type[key]
    return NER_TYPES.get(label, "other")


@dataclass
class CityInfo:
    id: str
    name: str
    name_fr: str
    name_en: str


_NESTED_AFTER = re.compile(r"(?<!\w)(?:de|des|du|d'|d’|l'|l’|la|le|au|aux|en|pour|of|for|in|the|à)\s*$", re.I)
_LOCATIVE = re.compile(r"(?<!\w)(?:in|at|à|au)\s+(?:(?:the|la|le)\s+|l['’])?$")
# A state's institution named by a common noun and the state's demonym (« la marine tunisienne », « le ministère
# polonais des Affaires étrangères », "the Chinese coast guard", "Venezuela's defence ministry"). Words that stand for
# the state itself in these texts (government, authorities, diplomacy, army, troops, police) are left out: annotators
# and analysts read the state there.
_BODY_BEFORE_DEMONYM = re.compile(
    r"(?<![\w-])(ministère|marine|garde-côtes|gardes-côtes|garde côtière|gardes-frontières|garde-frontières|"
    r"service|parlement|protection civile|commandement militaire|cabinet de sécurité|conseil de sécurité nationale|"
    r"conseil de sécurité|état-major|garde nationale|armée de l'air|armée de l’air|force aérienne|police|"
    r"gendarmerie|(?-i:F)orces (?:armées|de sécurité|de défense))\s+$", re.I)  # « les forces armées turques » are Turkey
_BODY_COMPLEMENT = re.compile(r"\s+(?:de la |de l'|de l’|du |des |d'|d’)[\w'’-]+(?:\s+(?:étrangères|extérieures|"
                              r"intérieures|publique|nationale|civile|(?:et (?:de la |de l'|de l’|du |des )[\w'’-]+)))?")
_BODY_AFTER_DEMONYM = re.compile(
    r"(?:'s|’s)?\s+((?:(?:defen[cs]e|foreign|interior|justice|finance|health|commerce|trade|economy|energy|culture|"
    r"agriculture|education|intelligence|security|emergencies)\s+)?ministry|navy|coast guard|border guards?|"
    r"border service|parliament|security cabinet|national security council|security council|military command|"
    r"high command|general staff|national guard|civil protection|air force)(?![\w-])", re.I)
_COMPLEMENT_HEADS = ("ministère", "service", "conseil de sécurité")
_PARTY_DASH = re.compile(r"\s?[-–]\s?")
_SUMMIT_AFTER = re.compile(r"\s+(?:summit|Summit)\b")
_SUMMIT_BEFORE = re.compile(r"\b[Ss]ommet\s+$")
_EVENT_KIND = {"sommet": "summit", "summit": "summit", "conférence": "conference", "conference": "conference"}
_EVENT_HEAD = re.compile(r"(?<!\w)(sommet|summit|conférence|conference)(?!\w)", re.I)


def _next_word_start(text: str, pos: int) -> int:
    m = re.match(r"[ \t]+", text[pos:pos + 8])
    return pos + m.end() if m else -1


@dataclass
class Candidate:
    start: int
    end: int
    text: str
    source: str  # "gazetteer" | "ner" | "role" | "acronym"
    ids: list[tuple[str, str]] = field(default_factory=list)  # (actor id, origin), best first
    label: str = ""
    etype: str = ""  # type of the first candidate actor, when known
    inner: Candidate | None = None  # a role's country candidate (« Premier ministre hongrois » → « hongrois »)
    title: tuple[int, int] | None = None  # a role's title words (« Premier ministre »)

    @property
    def length(self) -> int:
        return self.end - self.start


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop leading articles/elided determiners and trailing punctuation from a span."""
    span = text[start:end]
    m = _LEADING_PUNCT.match(span)
    if m:
        start += m.end()
        span = text[start:end]
    m = _LEADING.match(span)
    if m and m.end() < len(span):
        start += m.end()
        span = text[start:end]
    m = _TRAILING.search(span)
    if m and m.start() > 0:
        end = start + m.start()
    return start, end


class Linker:
    """Links the mentions of one document; holds only per-process resources (KB, gazetteers)."""

    def __init__(self) -> None:
        self.kb = load_kb()
        self._fuzzy_index: dict[tuple[str, int], list[tuple[str, str]]] | None = None
        self._generic_keys: set[str] | None = None
        self._role_patterns: dict[str, re.Pattern[str]] = {}
        self._role_words: dict[str, dict[str, str]] = {}  # lang -> lower-case role word -> role

    # --- candidates -------------------------------------------------------------------------------------------
    def _gazetteer_candidates(self, sdoc: Doc, text: str, lang: str) -> list[Candidate]:
        out = []
        hits: list[Hit] = get_gazetteer(lang).find(sdoc, text)
        for h in hits:
            if self._is_national_troops(h.text):
                continue  # « forces armées turques », "Russian troops": the demonym names the actor, the country
            ids = sorted(h.ids, key=lambda x: _ORIGIN_RANK.get(x[1], 9))
            s, e = _trim(text, h.start, h.end)  # « le Kremlin » → « Kremlin »
            out.append(Candidate(s, e, text[s:e], "gazetteer", list(ids), label="KB", etype=self._type(ids[0][0])))
        return out

    def _role_pattern(self, lang: str) -> re.Pattern[str]:
        """One regex for every role word of the language, longest first."""
        if lang not in self._role_patterns:
            words = sorted(self.kb.role_lexicon(lang), key=len, reverse=True)
            self._role_patterns[lang] = re.compile(
                r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.I)
        return self._role_patterns[lang]

    def _is_national_troops(self, surface: str) -> bool:
        """A country's armed forces named generically by its demonym: analysts (and annotators) read the country
        as the actor there; the armed forces as a body keep their proper names (« état-major », "TSK")."""
        low = surface.lower()
        if " " not in low or not any(w in low for w in _TROOP_STEMS):
            return False
        words = normalize(surface).split()
        if len(words) < 2 or not any(w in _TROOP_WORDS for w in words):
            return False
        rest = [w for w in words if w not in _TROOP_WORDS]
        return bool(rest) and all(any(o == "demonym" for _, o in self.kb.lookup(w)) for w in rest)

    @staticmethod
    def _common_word(vocab, lower: str, lang: str) -> bool:
        """Is `lower` an ordinary word? The French model's word vectors tell (the small English model has none;
        its web-trained French vectors know most English common words too)."""
        if vocab.has_vector(lower):
            return True
        return lang == "en" and get_nlp("fr").vocab.has_vector(lower)

    def _ner_candidates(self, sdoc: Doc, text: str, lang: str = "fr") -> list[Candidate]:
        _, stop_acr, stop_words = _data()
        vocab = sdoc.vocab
        out = []
        # words of multi-word person names: « Aliyev » alone is a name when « Ilham Aliyev » occurs
        name_words = {t.text for e in sdoc.ents if e.label_ in ("PER", "PERSON") and len(e) > 1 for t in e}
        for ent in sdoc.ents:
            if ent.label_ not in NER_LABELS:
                continue
            label = ent.label_
            end_tok = _extend_name(sdoc, ent, lambda name: bool(self.kb.lookup(name))) \
                if label not in ("PER", "PERSON") else ent.end
            s, e = _trim(text, ent.start_char, sdoc[end_tok - 1].idx + len(sdoc[end_tok - 1].text))
            if text[e - 2:e] in ("'s", "’s") and e - s > 3 and not self.kb.lookup(text[s:e]):
                e -= 2  # "the European Union's members": the possessive is no part of the name (but "Moody's" is)
            dash = min((i for i in (text.find(" – ", s, e), text.find(" — ", s, e)) if i > s), default=-1)
            if dash > s:
                e = dash  # « l'Union – l'Espagne, la Grèce… »: a spaced dash ends a name
            cut = text.find(" (", s, e)
            if cut > s and ")" not in text[cut:e] and self.kb.lookup(text[s:cut]):
                e = cut  # "Nordic Defence Cooperation (NORDEFCO": a known name, its acronym a mention of its own
            first = re.match(r"(\S+)\s+", text[s:e])
            rest = text[s + first.end():e].split() if first else []
            if first and lang == "fr" and first.group(1)[:1].isupper() and 1 <= len(rest) <= 3 and \
                    all(w[:1].isupper() for w in rest) and any(o == "demonym" for _, o in self.kb.lookup(first.group(1))):
                # « l'Allemand Markus Ritter »: a nationality noun, then a person (whom the tagger may have cut short)
                s, label = s + first.end(), "PER"
                more = _CAPITALISED_NEXT.match(text, e)
                if more and len(rest) == 1:
                    e = more.end()
            if first and lang == "en" and first.group(1)[:1].isupper() and rest and \
                    _strip_titles(text, s + first.end(), e) != s + first.end() and \
                    any(o == "demonym" for _, o in self.kb.lookup(first.group(1))):
                s = s + first.end()  # "Kenyan President William Ruto": the state's demonym, then a titled person
            title = _TITLE_BEFORE.search(text, max(0, s - 24), s) if label not in ("PER", "PERSON") else None
            if title and title.group(1).lower() in _titles() and _TWO_OR_THREE_NAMES.fullmatch(text[s:e]) and \
                    not self.kb.lookup(text[s:e]):
                label = "PER"  # "the U.S. deputy envoy Morgan Ortagus", tagged a body: a title before marks a person
            s2 = _strip_titles(text, s, e)
            if s2 != s:
                rest = text[s2:e].split()
                more = _CAPITALISED_NEXT.match(text, e)
                if len(rest) == 1 and rest[0][:1].isupper() and more and \
                        all(a.type == "person" for a, _ in self.kb.lookup(more.group(0).strip())):
                    e = more.end()  # "President Volodymyr" cut short before "Zelenskiy"
                    rest = text[s2:e].split()
                # « General Tural Mammadzade »: a title before capitalised words marks a person
                if label in ("PER", "PERSON") or (len(rest) >= 2 and all(w[:1].isupper() for w in rest)):
                    s, label = s2, "PER"
            if e - s < 2:
                continue
            surface = text[s:e]
            if "\n" in surface:
                continue
            norm = normalize(surface)
            if surface in stop_acr or norm in stop_words:
                continue
            first = next((ch for ch in surface if ch.isalpha()), "")
            if len(ent) > 10 or not any(ch.isupper() for ch in surface):
                continue  # a long run or an all lower-case one is a mis-tagged clause
            if not first.isupper() and normalize(surface).split()[0] not in _data()[0]:
                continue  # names start with a capital, except « ministère de la Défense », « mission X »…
            if _YEAR.search(surface):
                continue  # « Since 2002 »: a date, not a name
            if _MEMBERS_OF.match(surface):
                continue  # « États de l'AES », "Member States of the EU": the members of a body, no name
            if _EQUIPMENT.match(surface) or norm in _equipment():
                continue  # F-16, S-400, GM200, Bayraktar: equipment, not an actor
            line_start = text.rfind("\n", 0, s) + 1
            line_end = text.find("\n", e)
            line = text[line_start:line_end if line_end >= 0 else len(text)].strip(" \t:.-–•")
            if line == surface and not is_acronym(surface) and label not in ("PER", "PERSON"):
                continue  # a heading (« Contexte régional »), not a name
            if " " not in surface and not is_acronym(surface):
                # a single capitalised common word (a heading, « Soutien », « Rappel : ») is not a name
                if self._common_word(vocab, surface.lower(), lang) and (
                        ent.label_ not in ("PER", "PERSON") or ent.start == sentence_start(sdoc, ent.start)
                        or surface not in name_words):
                    continue
            out.append(Candidate(s, e, surface, "ner", [], label=label))
        if lang == "en":
            out += _titled_bodies(sdoc, text, out)
        return out

    def _role_candidates(self, sdoc: Doc, text: str, lang: str, gaz: list[Candidate], on: str | None
                         ) -> list[Candidate]:
        """« le président azéri », « le président de l'Azerbaïdjan », "the Russian president"."""
        if lang not in self._role_words:
            self._role_words[lang] = {k.lower(): v for k, v in self.kb.role_lexicon(lang).items()}
        lowered = self._role_words[lang]
        if not lowered:
            return []
        country_at: dict[int, Candidate] = {}
        for c in gaz:
            if c.ids and self._type(c.ids[0][0]) == "country":
                country_at[c.start] = c
        country_end = {c.end: c for c in country_at.values()}
        out = []
        for m in self._role_pattern(lang).finditer(text):
            role = lowered.get(m.group(0).lower())
            if role is None:
                continue
            # role + demonym / « de » + country
            gap = re.match(r"\s+(?:(?:de la|de l'|de l’|du|des|de|of the|of)\s*)?", text[m.end():m.end() + 40])
            c = country_at.get(m.end() + (gap.end() if gap else 0))
            span_start, span_end = m.start(), None
            if c is not None:
                span_end = c.end
            else:
                c = country_end.get(m.start() - 1)  # English order: "the Russian president"
                if c is not None:
                    span_start, span_end = c.start, m.end()
            if c is None or span_end is None:
                continue
            person = self.kb.officeholder(role, c.ids[0][0], on)
            # an office whose holder is unknown still is no actor name: it blocks the NER span, links nowhere
            out.append(Candidate(span_start, span_end, text[span_start:span_end], "role",
                                 [(person.id, "role")] if person else [], label="ROLE", inner=c,
                                 title=(m.start(), m.end())))
        return out

    # --- resolution -------------------------------------------------------------------------------------------
    @property
    def generic_keys(self) -> set[str]:
        if self._generic_keys is None:
            self._generic_keys = {normalize(f) for lang in ("fr", "en") for f, _ in self.kb.generic_forms(lang)}
        return self._generic_keys

    def _main_country(self, cands: list[Candidate]) -> str | None:
        """The country the document is most about: the most mentioned one."""
        counts: dict[str, int] = {}
        for c in cands:
            if c.ids and self._type(c.ids[0][0]) == "country":
                counts[c.ids[0][0]] = counts.get(c.ids[0][0], 0) + 1
        return max(counts, key=counts.get) if counts else None

    def _city(self, country_id: str, surface: str) -> CityInfo | None:
        """The capital city a capital mention names, with an id shared by its French and English names."""
        actor = self.kb.get(country_id)
        if actor is None:
            return None
        key = fold(surface).casefold()
        for lang in ("fr", "en"):
            forms = actor.capitals.get(lang, [])
            for i, form in enumerate(forms):
                if fold(form).casefold() == key:
                    en = (actor.capitals.get("en") or forms)[min(i, len(actor.capitals.get("en") or forms) - 1)]
                    fr = (actor.capitals.get("fr") or forms)[min(i, len(actor.capitals.get("fr") or forms) - 1)]
                    return CityInfo("city:" + re.sub(r"[^0-9a-z]+", "-", fold(en).casefold()).strip("-"), en, fr, en)
        return None

    def _missions_of_places(self, text: str, gaz: list[Candidate]) -> list[Candidate]:
        """A known mission's acronym followed by another place than its own ("EUTM Mozambique" beside EUTM Mali,
        « EUBAM Libye ») names a sister mission: a new actor of the same kind, not the known one."""
        places = {c.start: c for c in gaz if c.ids and self._type(c.ids[0][0]) in ("country", "place")}
        out = []
        for c in gaz:
            if not c.ids or c.ids[0][1] != "acronym" or self._type(c.ids[0][0]) not in ("operation", "programme"):
                continue
            end, nxt = c.end, places.get(c.end + 1)
            while nxt is not None and text[end:nxt.start] == " ":
                end = nxt.end
                nxt = places.get(end + 1)  # « EUCAP Sahel Niger »
            if end == c.end:
                continue
            actor = self.kb.get(c.ids[0][0])
            own = " ".join([actor.name_en or "", actor.name_fr or ""] + [n for ns in actor.names.values() for n in ns]
                           + [n for ns in actor.acronyms.values() for n in ns]) if actor else ""
            if text[c.end:end].strip() in own:
                continue  # "EUTM Mali" is EUTM Mali
            surface = text[c.start:end]
            out.append(Candidate(c.start, end, surface, "role", [(slug_id(surface), "mission_of_place")],
                                 label=surface, etype=self._type(c.ids[0][0])))
        return out

    def _joint_summits(self, text: str, gaz: list[Candidate]) -> list[Candidate]:
        """A summit named by the parties it brings together ("the China–Central Asia summit", « le sommet
        UE-Moldova », « sommet Russie-Afrique »): one event, its parties kept as the id's sides."""
        sides = sorted((c for c in gaz if c.ids and self._type(c.ids[0][0]) in ("country", "organization", "place")
                        and c.ids[0][1] in ("name", "acronym")), key=lambda c: c.start)
        out = []
        k = 0
        while k < len(sides):
            run = [sides[k]]
            while k + 1 < len(sides) and _PARTY_DASH.fullmatch(text, run[-1].end, sides[k + 1].start):
                k += 1
                run.append(sides[k])
            k += 1
            if len(run) < 2:
                continue
            start, end = run[0].start, run[-1].end
            after = _SUMMIT_AFTER.match(text, end)
            before = _SUMMIT_BEFORE.search(text, max(0, start - 12), start)
            if after:
                end = after.end()
            elif before:
                start = before.start()
            else:
                continue
            ids = "+".join(c.ids[0][0] for c in run)
            actors = [self.kb.get(c.ids[0][0]) for c in run]
            names = "–".join(a.name_en if a else c.text for a, c in zip(actors, run, strict=True))
            out.append(Candidate(start, end, text[start:end], "role", [(f"event:summit@{ids}", "event_place")],
                                 label=f"{names} Summit"))
        return out

    def _event_candidates(self, text: str, gaz: list[Candidate]) -> list[Candidate]:
        """« le sommet de Madrid », "the NATO summit in Vilnius", "the Vilnius Summit": a meeting named by its
        place, one id whatever the language (the KB's own summits match first, being longer or equal)."""
        out = []
        places = {c.start: c for c in gaz if c.ids and c.ids[0][1] in ("capital", "name")
                  and self._type(c.ids[0][0]) in ("place", "country")}
        by_end = {c.end: c for c in places.values()}
        for m in _EVENT_HEAD.finditer(text):
            kind = _EVENT_KIND[m.group(1).lower()]
            gap = re.match(r"\s+(?:de la |de l'|de l’|du |de |d'|d’|in |of |at |à )?", text[m.end():m.end() + 12])
            place = places.get(m.end() + (gap.end() if gap else 0))
            start, end = m.start(), None
            if place is not None:
                end = place.end
            elif m.group(1)[0].isupper():
                before = by_end.get(m.start() - 1)  # "the Vilnius Summit"
                if before is not None:
                    place, start, end = before, before.start, m.end()
            if place is None or end is None:
                continue
            pid = place.ids[0][0]
            if place.ids[0][1] == "capital":
                city = self._city(pid, place.text)
                pid, pname = (city.id, city.name) if city else (pid, place.text)
            else:
                actor = self.kb.get(pid)
                pname = actor.name_en if actor else place.text
            name = f"{pname} {kind.title()}"
            out.append(Candidate(start, end, text[start:end], "role",
                                 [(f"event:{kind}@{pid}", "event_place")], label=name))
        return out

    def _body_candidates(self, text: str, gaz: list[Candidate], lang: str) -> list[Candidate]:
        """A state's institution named by a common noun and its demonym (see `_BODY_BEFORE_DEMONYM`): the
        knowledge base's body of that state when its generic name is known (« ministère russe de la Défense »),
        else a new organisation. The demonym stays the candidate's `inner` state."""
        out = []
        for d in gaz:
            if not d.ids or self._type(d.ids[0][0]) != "country":
                continue
            origin = d.ids[0][1]
            start = end = None
            generic = ""
            if lang == "fr" and origin == "demonym":
                m = _BODY_BEFORE_DEMONYM.search(text, max(0, d.start - 40), d.start)
                if m:
                    start, end = m.start(), d.end
                    generic = m.group(1)
                    if m.group(1).lower() in _COMPLEMENT_HEADS:
                        comp = _BODY_COMPLEMENT.match(text, d.end)
                        if comp is None and m.group(1).lower() != "conseil de sécurité":
                            continue  # « le service russe » says no body
                        if comp is not None:
                            end = comp.end()
                            generic += text[d.end:end]
            elif lang == "en" and origin in ("demonym", "name", "capital"):
                m = _BODY_AFTER_DEMONYM.match(text, d.end)
                if m and (origin == "demonym") == (not m.group(0).startswith(("'", "’"))):
                    start, end, generic = d.start, m.end(), m.group(1)
            if start is None or any(g.ids and g.etype != "country" and g.start < end and start < g.end for g in gaz):
                continue  # the knowledge base names it (« gardes-frontières russes »)
            state = d.ids[0][0]
            body = self.kb.national_body(generic, state)
            surface = text[start:end]
            if body is not None:
                ids = [(body.id, "generic")]
            elif lang == "en" and not generic.islower():
                continue  # "the Royal Australian Navy": a proper name, the tagger's to find whole
            else:
                ids = [(slug_id(surface), "national_body")]
            out.append(Candidate(start, end, surface, "role", ids, label=surface, etype="organization", inner=d))
        return out

    def kb_acronym(self, acr: str) -> list[tuple[str, str]]:
        return [(a.id, o) for a, o in self.kb.lookup(acr) if o == "acronym"]

    def _add_inner_state(self, c: Candidate, entities: dict[str, EntityInfo]) -> None:
        """« le Premier ministre hongrois », « la marine tunisienne »: the state the words name is an actor of the
        document (its facts may name it), though the words are the office holder's or the body's mention."""
        inner = c.inner
        if inner is not None and inner.ids and inner.ids[0][0] not in entities:
            state = self.kb.get(inner.ids[0][0])
            if state is not None:
                entities[state.id] = EntityInfo(state.id, state.name_en or state.name_fr, state.type,
                                                state.name_fr or None, state.name_en or None, state.qid)

    def _type(self, actor_id: str) -> str:
        actor = self.kb.get(actor_id)
        return actor.type if actor else "other"

    def fuzzy_index(self) -> dict[tuple[str, int], list[tuple[str, str]]]:
        """KB names (folded, 6+ characters) by first letter and length, built once per process (a one-off cost
        like loading the models; `bench/ingest_speed.py` builds it before timing)."""
        if self._fuzzy_index is None:
            index: dict[tuple[str, int], list[tuple[str, str]]] = {}
            for lang in ("fr", "en"):
                for surf, actor_id, origin in self.kb.surface_forms(lang):
                    if origin not in ("name", "capital"):
                        continue
                    f = fold(surf)
                    if len(f) >= 6:
                        index.setdefault((f[0], len(f)), []).append((f, actor_id))
            self._fuzzy_index = index
        return self._fuzzy_index

    def _fuzzy(self, surface: str) -> tuple[str, str] | None:
        """A KB name one edit away from `surface` (long names only, same first letter)."""
        key = fold(surface)
        if len(key) < 7 or is_acronym(surface):
            return None
        index = self.fuzzy_index()
        best = None
        for n in (len(key) - 1, len(key), len(key) + 1):
            for cand, actor_id in index.get((key[0], n), []):
                if _within_one_edit(key, cand):
                    if best and best != actor_id:
                        return None  # ambiguous
                    best = actor_id
        return (best, "fuzzy") if best else None

    def link(self, doc: Document, sdoc: Doc) -> tuple[list[Mention], dict[str, EntityInfo]]:
        text = doc.text
        lang = doc.lang if doc.lang in ("fr", "en") else "fr"
        gaz = self._gazetteer_candidates(sdoc, text, lang)
        ner = self._ner_candidates(sdoc, text, lang)
        roles = self._role_candidates(sdoc, text, lang, gaz, doc.anchor)
        # « le président azerbaïdjanais Ilham Aliyev »: the name is the mention, the demonym the country
        person_starts = {c.start for c in gaz if c.ids and self._type(c.ids[0][0]) == "person"}
        person_starts |= {c.start for c in ner if c.label in ("PER", "PERSON")}
        roles = [r for r in roles if _next_word_start(text, r.end) not in person_starts]
        for k, r in enumerate(roles):
            comma = re.match(r",[ \t]+", text[r.end:r.end + 6])
            if comma and r.end + comma.end() in person_starts and r.title is not None:
                # « le Premier ministre hongrois, Viktor Orbán »: the name is the person's mention and the demonym
                # the state's; the title words stay blocked from NER
                t0, t1 = r.title
                roles[k] = Candidate(t0, t1, text[t0:t1], "role", [], label="ROLE")
        joint = self._joint_summits(text, gaz)
        # "the Russia-Africa summit in St Petersburg": the parties name the summit, the place stays a place
        roles += [e for e in self._event_candidates(text, gaz) if not any(j.start <= e.start < j.end for j in joint)]
        roles += joint
        roles += self._body_candidates(text, gaz, lang)
        roles += self._missions_of_places(text, gaz)
        chosen = _select(roles + gaz + ner, self.kb)

        # acronyms defined in the text: « long name (ACR) »
        local: dict[str, tuple[str, str]] = {}  # acronym -> (entity id, origin)
        defined: dict[int, str] = {}  # start of the acronym occurrence -> its long name's candidate text
        for c in chosen:
            m = _ACRONYM_DEF.match(text, c.end)
            if not m or not is_acronym(m.group(1)) or not plausible_acronym(m.group(1), c.text):
                continue
            acr = m.group(1)
            known = {i for i, _ in self.kb_acronym(acr)}
            # a known acronym keeps its reading unless the long name is that very actor or unknown to the KB
            if known and c.ids and c.ids[0][0] not in known:
                continue
            defined[m.start(1)] = c.text
            c.acronym = acr  # type: ignore[attr-defined]

        main_country = self._main_country(chosen)
        mentions: list[Mention] = []
        entities: dict[str, EntityInfo] = {}
        by_surface: dict[str, tuple[str, str]] = {}  # normalised surface -> entity, for « same_name » reuse
        persons: list[tuple[str, str]] = []  # (full folded name, entity id)
        deferred: list[Candidate] = []

        def add(c: Candidate, actor_id: str, origin: str, etype: str, name: str | None = None,
                names: tuple[str | None, str | None] | None = None) -> None:
            mentions.append(Mention(c.start, c.end, c.text, actor_id, etype, origin, c.label))
            if actor_id not in entities:
                actor = self.kb.get(actor_id)
                if actor:
                    entities[actor_id] = EntityInfo(actor_id, actor.name_en or actor.name_fr, actor.type,
                                                    actor.name_fr or None, actor.name_en or None, actor.qid)
                else:
                    nm = name or c.text
                    fr, en = names or (nm if lang == "fr" else None, nm if lang == "en" else None)
                    entities[actor_id] = EntityInfo(actor_id, nm, etype, fr, en)
            entities[actor_id].aliases.append((c.text, origin))

        for c in sorted(chosen, key=lambda x: x.start):
            if c.source == "role" and not c.ids:
                continue
            norm = normalize(c.text)
            acronym = getattr(c, "acronym", None)
            if c.text in local:  # an acronym this document defined
                actor_id, _ = local[c.text]
                add(c, actor_id, "acronym_in_text", self._etype(actor_id, entities))
                continue
            if c.ids:
                actor_id, origin = c.ids[0]
                if self.kb.is_ambiguous(c.text):
                    picked = self.kb.disambiguate(c.text, text, lang)
                    if picked is None:
                        continue  # the reading the context picks is no actor (PPP = partenariat public-privé)
                    actor_id = picked.id
                    origin = next((o for i, o in c.ids if i == actor_id), origin)
                if origin == "acronym":
                    # the text's own spelled-out name beats the knowledge base's reading of the acronym
                    local_id = next((m.entity for m in mentions if _initials(m.text) == c.text.replace(".", "")
                                     and m.entity != actor_id), None)
                    if local_id is not None:
                        add(c, local_id, "acronym_in_text", self._etype(local_id, entities))
                        continue
                if origin == "event_place":
                    add(c, actor_id, origin, "event", name=c.label, names=(None, c.label))
                    continue
                if origin == "national_body":
                    add(c, actor_id, "new", "organization", name=c.label)
                    self._add_inner_state(c, entities)
                    continue
                if origin == "mission_of_place":
                    add(c, actor_id, "new", c.etype or "operation", name=c.text)
                    continue
                if origin == "capital" and _LOCATIVE.search(text, max(0, c.start - 8), c.start):
                    # « signé à Madrid », "a meeting in Prague": the city itself, not the state it stands for
                    city = self._city(actor_id, c.text)
                    if city is not None:
                        add(c, city.id, "capital_city", "place", name=city.name, names=(city.name_fr, city.name_en))
                        continue
                actor = self.kb.get(actor_id)
                etype = actor.type if actor else "other"
                add(c, actor_id, origin, etype)
                self._add_inner_state(c, entities)
                if acronym and acronym not in local:
                    local[acronym] = (actor_id, "acronym_in_text")
                if etype == "person":
                    persons.append((fold(c.text), actor_id))
                continue
            # NER span unknown to the KB
            if norm in self.generic_keys:
                # « ministère de la Défense »: the body of the country the document is about
                body = self.kb.national_body(c.text, main_country, None) if main_country else None
                if body is not None:
                    add(c, body.id, "generic", body.type)
                    continue
                scoped = slug_id(c.text) + (f"@{main_country}" if main_country else "")
                add(c, scoped, "new", guess_type(c.text, c.label, lang), name=c.text)
                continue
            fz = self._fuzzy(c.text)
            if fz:
                actor_id = fz[0]
                add(c, actor_id, "fuzzy", self._type(actor_id))
                if acronym and acronym not in local:
                    local[acronym] = (actor_id, "acronym_in_text")
                continue
            if norm in by_surface:
                actor_id, _ = by_surface[norm]
                add(c, actor_id, "same_name", self._etype(actor_id, entities))
                continue
            etype = guess_type(c.text, "ORG" if is_acronym(c.text) else c.label, lang)
            if etype in ("organization", "other", "place") and _told_as_company(text, c.start, mentions):
                etype = "company"
            elif etype in ("person", "organization", "other") and _told_as_place(text, c.start, mentions):
                etype = "place"
            if etype == "person":
                f = fold(c.text)
                earlier = next((i for full, i in persons
                                if full != f and _SUFFIX.sub("", full).endswith(" " + f)), None)
                if earlier:
                    add(c, earlier, "same_name", "person")
                    continue
            if is_acronym(c.text) and (c.start in defined or text[max(0, c.start - 2):c.start].strip() == "("):
                deferred.append(c)  # « (ACR) » after a long name: linked with that name below
                continue
            if is_acronym(c.text):
                # "the Comprehensive Assistance Package … the CAP": an acronym of a name met earlier
                earlier = next((m.entity for m in mentions if _initials(m.text) == c.text.replace(".", "")), None)
                if earlier is not None:
                    add(c, earlier, "acronym_in_text", self._etype(earlier, entities))
                    continue
                spelled = _spelled_out(text, c.text)
                if spelled is not None and not any(spelled[0] < m.end and m.start < spelled[1] for m in mentions):
                    long_name = text[spelled[0]:spelled[1]]
                    actor_id = slug_id(long_name)
                    lc = Candidate(spelled[0], spelled[1], long_name, "acronym", label="SPELLED")
                    add(lc, actor_id, "new", guess_type(long_name, "ORG", lang), name=long_name)
                    add(c, actor_id, "acronym_in_text", entities[actor_id].type)
                    local[c.text] = (actor_id, "acronym_in_text")
                    continue
            actor_id = slug_id(c.text)
            add(c, actor_id, "new", etype, name=c.text)
            by_surface[norm] = (actor_id, "same_name")
            if etype == "person":
                persons.append((fold(c.text), actor_id))
            if acronym and acronym not in local:
                local[acronym] = (actor_id, "acronym_in_text")

        # « long name (ACR) » where neither the gazetteer nor NER caught the long name: take the noun phrase
        for m in _ACRONYM_DEF.finditer(text):
            acr = m.group(1)
            if acr in local or not is_acronym(acr) or self.kb_acronym(acr):
                continue
            np = _noun_phrase_before(sdoc, m.start())
            if np is None:
                continue
            s0, e0 = np
            long_name = text[s0:e0]
            # actors named after a preposition inside the long name (« Centre … de l'OTAN (CIDO) ») give way to it;
            # a mention covering its start means the long name is already read
            within = [mm for mm in mentions if s0 < mm.end and mm.start < e0]
            if not plausible_acronym(acr, long_name) or any(
                    mm.start <= s0 + 3 or mm.end > e0 or mm.origin == "new" or
                    not _NESTED_AFTER.search(text, max(0, mm.start - 8), mm.start) for mm in within):
                continue
            for mm in within:
                mentions.remove(mm)
            c = Candidate(s0, e0, long_name, "acronym", label="NP")
            actor_id = slug_id(long_name)
            add(c, actor_id, "new", guess_type(long_name, "ORG", lang), name=long_name)
            local[acr] = (actor_id, "acronym_in_text")

        # acronym occurrences the NER and the gazetteer did not catch, once defined
        taken = [(m.start, m.end) for m in mentions]
        for acr, (actor_id, origin) in local.items():
            for m in re.finditer(r"(?<![\w-])" + re.escape(acr) + r"(?![\w-])", text):
                if any(s < m.end() and m.start() < e for s, e in taken):
                    continue
                c = Candidate(m.start(), m.end(), acr, "acronym", label="ACR")
                add(c, actor_id, origin, self._etype(actor_id, entities))
                taken.append((m.start(), m.end()))
        # countries and organisations named inside a longer name (« Force intérimaire des Nations unies au Liban »)
        # are mentions too; they are marked NESTED so that fact extraction reads only the outer name
        outer = [(m.start, m.end, m.entity) for m in mentions]
        # — only after a preposition inside the longer name: in "Kosovo Force" or « Commission OTAN-Géorgie » the
        # country is a word of the name, not an actor of its own
        inner = [g for g in gaz if g.ids and g.ids[0][1] in ("name", "acronym")
                 and g.etype in ("country", "organization")
                 and _NESTED_AFTER.search(text, max(0, g.start - 8), g.start)
                 and any(s < g.start and g.end <= e and g.ids[0][0] != ent for s, e, ent in outer)]
        for g in _select(inner):
            if not any(m.start == g.start and m.end == g.end for m in mentions):
                mentions.append(Mention(g.start, g.end, g.text, g.ids[0][0], g.etype, g.ids[0][1], "NESTED"))
                if g.ids[0][0] not in entities:
                    actor = self.kb.get(g.ids[0][0])
                    if actor is not None:
                        entities[actor.id] = EntityInfo(actor.id, actor.name_en or actor.name_fr, actor.type,
                                                        actor.name_fr or None, actor.name_en or None, actor.qid)
                entities[g.ids[0][0]].aliases.append((g.text, g.ids[0][1]))

        for c in deferred:
            if not any(s < c.end and c.start < e for s, e in taken):
                actor_id = slug_id(c.text)
                # an acronym standing alone names a body more often than a place, whatever NER guessed
                add(c, actor_id, "new", guess_type(c.text, "ORG", lang), name=c.text)
        mentions.extend(_short_names(text, mentions, lang))
        mentions.sort(key=lambda m: m.start)
        return mentions, entities

    def _etype(self, actor_id: str, entities: dict[str, EntityInfo]) -> str:
        if actor_id in entities:
            return entities[actor_id].type
        return self._type(actor_id)


_SHORT_HEADS = {"commission", "council", "conseil", "assembly", "assemblée", "parliament", "parlement", "mission",
                "union", "alliance", "agency", "agence", "court", "cour", "tribunal", "bank", "banque", "fund", "fonds",
                "organization", "organisation", "forum", "committee", "comité", "group", "groupe", "consortium"}
_SHORT_AFTER = re.compile(r"\s+(?:(?:vice-)?presidents?|spokes(?:man|woman|person)|chief|head|officials?|"
                          r"(?:vice-)?président(?:e)?|porte-parole)\b", re.IGNORECASE)


def _name_head(name: str, lang: str) -> str | None:
    """The head noun of a multi-word body name: « Commission européenne » → commission, "Parliamentary Assembly of the
    Council of Europe" → assembly."""
    words = re.findall(r"[\w-]+", name)
    if len(words) < 2:
        return None
    if lang == "fr":
        head = words[0]
    else:
        cut = next((k for k, w in enumerate(words) if w.lower() in ("of", "for", "to", "in")), len(words))
        head = words[cut - 1] if cut else words[-1]
    return head.lower() if head.lower() in _SHORT_HEADS else None


def _short_names(text: str, mentions: list[Mention], lang: str) -> list[Mention]:
    """« la Commission » after « la Commission européenne », "the Assembly" after "the Parliamentary Assembly of the
    Council of Europe", "Commission President X": a body named again by its head noun alone, capitalised, when one
    body of the document has that head."""
    owners: dict[str, set[str]] = {}
    first: dict[str, int] = {}
    for m in mentions:
        if m.type in ("organization", "operation", "programme") and m.origin not in ("demonym", "capital"):
            head = _name_head(m.text, lang)
            if head:
                owners.setdefault(head, set()).add(m.entity)
                first[m.entity] = min(first.get(m.entity, m.start), m.start)
    out: list[Mention] = []
    taken = [(m.start, m.end) for m in mentions]
    for head, ents in owners.items():
        if len(ents) != 1:
            continue
        ent = next(iter(ents))
        etype = next(m.type for m in mentions if m.entity == ent)
        for mm in re.finditer(rf"(?<![\w-]){head.capitalize()}(?![\w-])", text):
            s, e = mm.start(), mm.end()
            if s < first[ent] or any(a < e and s < b for a, b in taken):
                continue
            nxt = text[e:e + 30]
            if re.match(r"\s+(?:of|de|du|des|d')\b|\s+[A-ZÀ-Ý]\w*\b", nxt) and \
                    not _SHORT_AFTER.match(nxt):
                continue  # "the Council of Europe", « la Commission Venise »: another name
            before = text[max(0, s - 5):s].lower()
            if not (re.search(r"(?:the|la|le|l'|l’)\s*$", before) or _SHORT_AFTER.match(nxt)):
                continue
            out.append(Mention(s, e, text[s:e], ent, etype, "same_name", "SHORT"))
            taken.append((s, e))
    return out


def _initials(name: str) -> str:
    """Initials of a name's significant words: "NATO Security Assistance and Training for Ukraine" → NSATU."""
    words = [w for w in re.split(r"[\s\-’']+", name) if w and w.lower() not in _CONNECTORS | {"and", "et", "à"}]
    if len(words) < 2:
        return ""
    return "".join(w[0].upper() for w in words)


def _spelled_out(text: str, acr: str) -> tuple[int, int] | None:
    """Span of capitalised words whose initials spell `acr` ("Comprehensive Assistance Package" for CAP), the
    first occurrence in the text, or None."""
    letters = [ch for ch in acr if ch.isalpha()]
    if not 2 <= len(letters) <= 7 or not acr.isupper():
        return None
    joiner = r"(?:\s+(?:of|for|and|the|on|de|du|des|la|le|pour|et|d'|l')\s*|\s+|-)"
    pattern = joiner.join(rf"{ch}[\w’'-]+" for ch in letters)
    m = re.search(rf"(?<![\w-]){pattern}(?![\w-])", text)
    return (m.start(), m.end()) if m else None


def plausible_acronym(acr: str, long_name: str) -> bool:
    """Could `acr` abbreviate `long_name`? Its letters must be initials of the name's words, in any order, since
    texts often give the English acronym of a French name (« plan d'action individuel pour le partenariat (IPAP) »).
    """
    letters = [c for c in fold(acr).lower() if c.isalpha()]
    words = [w for w in re.split(r"[\s'’\-«»]+", fold(long_name).lower()) if w]
    if len(words) < 2 and not (words and words[0].startswith("".join(letters))):
        return False
    initials = [w[0] for w in words]
    missing = 0
    for ch in letters:
        if ch in initials:
            initials.remove(ch)
        else:
            missing += 1
    # one letter may come from a word the other language has (« Organisation des États turciques (OTS) »)
    if missing == 0 or (missing == 1 and len(letters) >= 3):
        return True
    # syllabic acronyms: "Kazakhstan Peacekeeping Training Centre (KAZCENT)", "Kazakh battalion (KAZBAT)"
    return len(letters) >= 4 and _prefixes_spell("".join(letters), [w for w in words if len(w) > 2])


def _prefixes_spell(acr: str, words: list[str]) -> bool:
    """Is `acr` the first word's first letters followed by prefixes of at least two letters of later words, in
    order (KAZ+CENT, K+FOR)?"""
    if not words or not acr or acr[0] != words[0][0]:
        return False

    def spell(rest: str, k: int, first: bool) -> bool:
        if not rest:
            return True
        for j in range(k, len(words)):
            if first and j > k:
                break
            n = 1
            while n <= len(rest) and n <= len(words[j]) and words[j][:n] == rest[:n]:
                if (n >= 2 or first) and spell(rest[n:], j + 1, False):
                    return True
                n += 1
        return False

    return spell(acr, 0, True)


def _within_one_edit(a: str, b: str) -> bool:
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
                                   and a[diff[1]] == b[diff[0]])
    if la > lb:
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1:]


def _same_initial(full: str, ids: list[tuple[str, str]], kb) -> bool:
    """Whether a known person's names start like `full` ("Volodymyr Zelenskiy" for Zelensky, not "Hafez al-Assad"
    for Bashar)."""
    actor = kb.get(ids[0][0]) if ids and kb is not None else None
    if actor is None:
        return False
    names = [actor.name_en, actor.name_fr] + [n for v in actor.names.values() for n in v]
    return any(n and " " in n and fold(n)[:1].lower() == fold(full)[:1].lower() for n in names)


def _select(cands: list[Candidate], kb=None) -> list[Candidate]:
    """Non-overlapping candidates: longest first; on equal extent roles, then the gazetteer, then NER."""
    priority = {"role": 0, "gazetteer": 1, "ner": 2}
    # a NER span that only adds generic words around a known name gives way to the name
    ordered = sorted(cands, key=lambda c: (-c.length, priority.get(c.source, 3), c.start))
    gaz_spans = [c for c in cands if c.source in ("gazetteer", "role")]
    chosen: list[Candidate] = []
    occupied: list[tuple[int, int]] = []
    extra: list[Candidate] = []
    for c in ordered:
        if c.source == "ner" and any(g.start < c.end and c.start < g.end and not (c.start <= g.start and g.end <= c.end)
                                     and not (g.start <= c.start and c.end <= g.end) for g in gaz_spans):
            continue  # « European Commission President Ursula » cuts through a known name: the known names win
        if c.source == "ner":
            inner = [g for g in gaz_spans if c.start <= g.start and g.end <= c.end and g.length < c.length]
            if inner and _only_generic_around(c, inner):
                continue
            if c.label in ("PER", "PERSON") and len(inner) == 1 and inner[0].source == "gazetteer" and \
                    _is_person(inner[0]) and inner[0].end == c.end and \
                    re.fullmatch(r"(?:[A-ZÀ-Ý][\w'’.-]*\s+){1,2}", c.text[:inner[0].start - c.start]) and \
                    _strip_titles(c.text, 0, len(c.text)) == 0 and _same_initial(c.text, inner[0].ids, kb):
                # "Volodymyr Zelenskiy" around the known "Zelenskiy": the known person, named in full
                c = Candidate(c.start, c.end, c.text, "gazetteer", inner[0].ids, label="KB", etype="person")
            elif inner and any(g.source == "role" or _is_person(g) for g in inner):
                # « Premier ministre arménien Nikol Pachinian »: a role and a name, not one actor
                extra.extend(_leftovers(c, inner))
                continue
        if any(c.start < e and s < c.end for s, e in occupied):
            continue
        chosen.append(c)
        occupied.append((c.start, c.end))
    for c in extra:
        if not any(c.start < e and s < c.end for s, e in occupied):
            chosen.append(c)
            occupied.append((c.start, c.end))
    return chosen


def _is_person(c: Candidate) -> bool:
    return c.source == "role" or c.etype == "person"


def _leftovers(c: Candidate, inner: list[Candidate]) -> list[Candidate]:
    """The capitalised stretches of a NER span left once the known names inside it are taken out."""
    out = []
    pos = c.start
    for g in sorted(inner, key=lambda g: g.start) + [Candidate(c.end, c.end, "", "end")]:
        seg_start, seg_end = pos, g.start
        pos = max(pos, g.end)
        text = c.text[seg_start - c.start:seg_end - c.start]
        lead = len(text) - len(text.lstrip(" ,;:-"))
        trail = len(text.rstrip(" ,;:-"))
        seg = text[lead:trail]
        words = seg.lower().split()
        if (len(seg) >= 3 and seg[0].isupper() and not all(w in _GENERIC or w in _titles() for w in words)
                and not all(w in _ROLE_WORDS or w in _titles() for w in words)):
            out.append(Candidate(seg_start + lead, seg_start + trail, seg, "ner", [], label=c.label))
    return out


_TROOP_STEMS = ("force", "armé", "troup", "milit", "soldat", "army", "troop", "soldier")
_TROOP_WORDS = {"forces", "force", "armées", "armée", "troupes", "militaires", "soldats", "army", "military", "troops",
                "armed", "soldiers", "forces armées"}
_ROLE_WORDS = {"secretary", "state", "minister", "ministre", "foreign", "affairs", "affaires", "étrangères",
               "defence", "defense", "défense", "prime", "premier", "général", "general", "chief", "chef", "staff",
               "état-major", "head", "leader", "spokesman", "spokesperson", "porte-parole", "envoy", "envoyé",
               "spécial", "special", "representative", "représentant", "high", "haut", "of", "de", "la", "du", "des",
               "the", "for", "pour", "national", "security", "sécurité", "adviser", "advisor", "conseiller"}
_GENERIC = {"programme", "program", "mission", "opération", "operation", "forces", "force", "armée", "army",
            "président", "president", "ministre", "minister", "gouvernement", "government", "régime", "regime",
            "le", "la", "les", "l'", "de", "du", "des", "d'", "the", "of", "et", "and", "pays", "country", "état",
            "state", "république", "republic", "à", "au", "aux", "en", "in", "avec", "with", "entre", "between",
            "plus", "activités", "activities"}


def _only_generic_around(c: Candidate, inner: list[Candidate]) -> bool:
    rest = c.text
    for g in sorted(inner, key=lambda g: -g.start):
        rest = rest[: g.start - c.start] + " " + rest[g.end - c.start:]
    words = [w for w in re.split(r"[\s'’\-]+", rest.lower()) if w]
    return all(w in _GENERIC for w in words)


_NP_INTERNAL = {"amod", "nmod", "flat:name", "flat", "fixed", "compound", "nummod", "flat:foreign"}


def _noun_phrase_before(sdoc: Doc, pos: int) -> tuple[int, int] | None:
    """Character span of the noun phrase that ends just before `pos` (an opening parenthesis)."""
    span = sdoc.char_span(max(0, pos - 1), pos, alignment_mode="expand")
    if span is None or not len(span):
        return None
    last = span[0]
    while last.is_space and last.i > 0:
        last = sdoc[last.i - 1]
    tok = last
    while (tok.dep_ in _NP_INTERNAL or tok.dep_ == "conj" and tok.head.dep_ in _NP_INTERNAL) and \
            tok.head.i < tok.i and tok.head.i >= sentence_start(sdoc, last.i):
        tok = tok.head
    members = [t for t in tok.subtree if t.i <= last.i]
    if not members:
        return None
    first = members[0]
    while first.i < last.i and (first.dep_ in ("det", "case") or first.is_punct):
        first = sdoc[first.i + 1]
    if last.i - first.i > 12:
        return None
    return first.idx, last.idx + len(last.text)


def span_of(sdoc: Doc, start: int, end: int) -> Span | None:
    return sdoc.char_span(start, end, alignment_mode="expand")


@lru_cache(maxsize=1)
def get_linker() -> Linker:
    return Linker()
