"""The trigger lexicon (data/triggers.json, data/commodities.json) and matching it against tokens.

French is parsed without lemmas or POS tags, so triggers are matched on lower-cased word prefixes ("adhér" covers
adhéré, adhère, adhérer; "adhésion" the nominalisation); multi-word stems ("prend part") match token sequences.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"
# relations whose missing subject may be the document's main actor (« en coopération avec X, … »)
_IMPLICIT_OK = {"cooperates_with", "supplies", "supports", "contributes_to", "proposes", "sanctions", "participates_in",
                "member_of", "agreement_with", "partner_of"}


@dataclass(frozen=True)
class Entry:
    """One trigger family in one language."""

    relation: str
    plover: str
    stems: tuple[str, ...]
    preps: frozenset[str]
    priority: int = 1
    inverse: bool = False
    symmetric: bool = False
    supply: bool = False
    mediation: bool = False
    clause_object: bool = False
    passive_only: bool = False
    passive_agent: bool = False
    of_object: bool = False
    implicit: bool = True
    obj_types: tuple[str, ...] = ()
    obj_required: bool = False
    ends: bool = False  # the trigger itself ends the relation (« quitter », "withdraw from"): its date is the end
    after_prep: tuple[str, ...] = ()  # the trigger counts only right after one of these (« dans le cadre de »)
    by_type: dict[str, str] = field(default_factory=dict, hash=False, compare=False)


@dataclass
class Lexicon:
    """Everything the extractor looks words up in, for one language."""

    entries: list[Entry]
    single: dict[str, list[tuple[str, Entry]]]  # first letter -> [(stem, entry)] for one-word stems
    multi: list[tuple[tuple[str, ...], Entry]]  # multi-word stems as token tuples
    multi_by_letter: dict[str, list[tuple[tuple[str, ...], Entry]]]  # the same, by their first letter
    titles: list[tuple[str, ...]]
    seat_titles: list[tuple[str, ...]]
    rank_titles: list[tuple[str, ...]]
    cessation: tuple[str, ...]
    aspiration: tuple[str, ...]
    negation: frozenset[str]
    commodities: dict[str, str]
    units: dict[str, str]
    multipliers: dict[str, int]
    # per-word look-ups, filled as words are met (a document repeats its words, a corpus its vocabulary)
    _single_hits: dict[str, tuple[Entry, ...]] = field(default_factory=dict, repr=False, compare=False)
    _multi_hits: dict[str, tuple[tuple[tuple[str, ...], Entry], ...]] = field(default_factory=dict, repr=False,
                                                                              compare=False)


@lru_cache(maxsize=4)
def get_lexicon(lang: str) -> Lexicon:
    """The lexicon for 'fr' or 'en' (anything else falls back to French)."""
    lang = lang if lang in ("fr", "en") else "fr"
    raw = json.loads((DATA / "triggers.json").read_text(encoding="utf-8"))
    com = json.loads((DATA / "commodities.json").read_text(encoding="utf-8"))
    entries = []
    for e in raw["entries"]:
        per = e.get(lang)
        if not per:
            continue
        entries.append(Entry(
            relation=e["relation"], plover=e["plover"], stems=tuple(s.lower() for s in per["stems"]),
            preps=frozenset(per.get("preps", [""])), priority=e.get("priority", 1), inverse=e.get("inverse", False),
            symmetric=e.get("symmetric", False), supply=e.get("supply", False), mediation=e.get("mediation", False),
            clause_object=e.get("clause_object", False), passive_only=e.get("passive_only", False),
            passive_agent=e.get("passive_agent", False), of_object=e.get("of_object", False),
            implicit=e.get("implicit", e["relation"] in _IMPLICIT_OK), obj_types=tuple(e.get("obj_types", ())),
            obj_required=e.get("obj_required", False), ends=e.get("ends", False),
            after_prep=tuple(per.get("after_prep", ())),
            by_type=dict(e.get("by_type", {})),
        ))
    single: dict[str, list[tuple[str, Entry]]] = {}
    multi = []
    for en in entries:
        for s in en.stems:
            if " " in s:
                multi.append((tuple(s.replace("'", "' ").split()), en))
            else:
                single.setdefault(s[0], []).append((s, en))
    for lst in single.values():  # longest stem first: the most specific wins
        lst.sort(key=lambda x: -len(x[0]))
    return Lexicon(
        entries=entries, single=single, multi=multi, multi_by_letter=_by_letter(multi),
        titles=[tuple(t.split()) for t in raw["leader_titles"][lang]],
        seat_titles=[tuple(t.split()) for t in raw.get("seat_titles", {}).get(lang, [])],
        rank_titles=[tuple(t.split()) for t in raw.get("rank_titles", {}).get(lang, [])],
        cessation=tuple(raw["cessation"][lang]), aspiration=tuple(raw.get("aspiration", {}).get(lang, ())),
        negation=frozenset(raw["negation"][lang]),
        commodities=com["commodities"], units=com["units"], multipliers=com["multipliers"],
    )


def _by_letter(multi: list[tuple[tuple[str, ...], Entry]]) -> dict[str, list[tuple[tuple[str, ...], Entry]]]:
    out: dict[str, list[tuple[tuple[str, ...], Entry]]] = {}
    for stems, en in multi:
        out.setdefault(stems[0][:1], []).append((stems, en))
    return out


_CACHE_WORDS = 200_000


def match_token(lex: Lexicon, word: str) -> tuple[Entry, ...]:
    """Entries whose one-word stem is a prefix of `word` (lower case), most specific stem first, one per entry."""
    w = word.lower()
    hits = lex._single_hits.get(w)
    if hits is None:
        if len(lex._single_hits) > _CACHE_WORDS:
            lex._single_hits.clear()  # a corpus's vocabulary keeps growing: bound the memory the cache holds
        hits = lex._single_hits[w] = tuple(_match_token(lex, w))
    return hits


def _match_token(lex: Lexicon, w: str) -> list[Entry]:
    if not w:
        return []
    out: list[Entry] = []
    for stem, en in lex.single.get(w[0], ()):
        if stem.endswith("$"):
            if w == stem[:-1] and en not in out:
                out.append(en)
            continue
        if w.startswith(stem) and en not in out:
            if len(stem) <= 4 and len(w) > len(stem) + 4:  # short stems ("ban", "met") must be near-whole words
                continue
            out.append(en)
    return out


def multi_starting(lex: Lexicon, word: str) -> tuple[tuple[tuple[str, ...], Entry], ...]:
    """The multi-word stems whose first word `word` (lower case) is, or starts with, in lexicon order."""
    hits = lex._multi_hits.get(word)
    if hits is None:
        if len(lex._multi_hits) > _CACHE_WORDS:
            lex._multi_hits.clear()
        hits = lex._multi_hits[word] = tuple((stems, en) for stems, en in lex.multi_by_letter.get(word[:1], ())
                                             if word == stems[0] or word.startswith(stems[0]))
    return hits


def is_cessation(lex: Lexicon, word: str) -> bool:
    """A word that says something ends; a stem ending in '$' matches the whole word only ("end$" is not
    "endorsed", « fin$ » is not « financer »)."""
    w = word.lower()
    return any(w == s[:-1] if s.endswith("$") else w.startswith(s) for s in lex.cessation)


def is_aspiration(lex: Lexicon, word: str) -> bool:
    """« aspire », « candidature », "applied", "bid": a wish or request rather than a fact."""
    w = word.lower()
    return any(w.startswith(s) for s in lex.aspiration)
