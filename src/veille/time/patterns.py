"""Compiled regular expressions for one language, built once from the word tables of `lexicon`.

Each atom pattern recognises one kind of core expression (a full date, a month, a year, a decade, a relative
word…) without its preposition; prepositions are read separately, backwards from the atom's start, so that the
same atom can be « depuis 1995 », « en 1995 » or « de 1995 à … ».
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from veille.time.lexicon import APOS, LEXICONS, QUANTITY_UNITS, Lexicon


def _alt(words: list[str] | dict[str, int]) -> str:
    """Regex alternation of literal words, longest first so « sept. » does not stop at « sept »."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _first_chars(frag: str) -> set[str] | None:
    """Letters a regex fragment of the simple shapes used in `lexicon` can start with (None: unknown)."""
    if not frag:
        return None
    if frag.startswith("(?:"):
        depth, i = 0, 0
        for i, ch in enumerate(frag):
            depth += ch == "(" and frag[i - 1:i] != "\\"
            depth -= ch == ")" and frag[i - 1:i] != "\\"
            if depth == 0:
                break
        inner, rest = frag[3:i], frag[i + 1:]
        parts, depth, cur = [], 0, ""
        for ch in inner:
            depth += ch == "("
            depth -= ch == ")"
            if ch == "|" and depth == 0:
                parts.append(cur)
                cur = ""
            else:
                cur += ch
        parts.append(cur)
        found: set[str] = set()
        for part in parts:
            chars = _first_chars(part)
            if chars is None:
                return None
            found |= chars
        if rest.startswith("?"):
            more = _first_chars(rest[1:])
            return None if more is None else found | more
        return found
    ch = frag[0]
    if ch.isalpha():
        return {ch.lower(), ch.upper()}
    if ch == "\\" and frag[1:2] == "d":
        return set("0123456789")
    return None


def _guard(fragments: list[str]) -> str:
    """A look-ahead on the first character: lets the regex engine skip most positions of the text."""
    chars: set[str] = set()
    for frag in fragments:
        found = _first_chars(frag)
        if found is None:
            return ""
        chars |= found
    return "(?=[" + "".join(sorted(re.escape(c) for c in chars)) + "])"


@dataclass(frozen=True)
class Patterns:
    lex: Lexicon
    atoms: list[tuple[str, re.Pattern[str]]]  # (kind, pattern), in priority order
    prefix: re.Pattern[str]  # matches a preposition at the end of a window of text
    prefix_roles: list[str]  # role of each named group r0, r1… of `prefix`
    quantity_before: re.Pattern[str]
    quantity_after: re.Pattern[str]
    follower: re.Pattern[str]
    future: re.Pattern[str]
    past: re.Pattern[str]
    end_keyword: re.Pattern[str]
    modifier: re.Pattern[str]  # « début », "early"… at the end of a window, groups m0, m1… as in lex.modifiers
    weekday_before: re.Pattern[str]  # « mardi » before « 4 novembre »


def _cs(fragment: str, lang: str) -> str:
    """English month and weekday names are matched case-sensitively (« may », « march » are verbs)."""
    return f"(?-i:{fragment})" if lang == "en" else fragment


@cache
def patterns(lang: str) -> Patterns:
    lex = LEXICONS.get(lang, LEXICONS["fr"])
    mon = _cs(_alt(lex.months), lang)
    # next to a day number, agency datelines drop the abbreviation's dot ("ANKARA, Jan 24"); alone, "Jan" is a name
    mon_d = _cs(_alt(list(lex.months) + [k[:-1] for k in lex.months if k.endswith(".")]), lang)
    wd = _cs(_alt(lex.weekdays), lang)
    g_mon, g_wd = _guard(list(lex.months)), _guard(list(lex.weekdays))
    y4 = r"(?P<y>(?:1[89]|20)\d\d)(?![\d])"
    year_part = rf",?\s+(?:de\s+l{APOS}année\s+|of\s+)?{y4}"
    opt_year = f"(?:{year_part})?"
    nb = r"(?<![\w.,/\-–])"  # not glued to another number or word
    atoms: list[tuple[str, str]] = [
        ("iso", rf"{nb}(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}})(?![\d\-])"),
        ("numeric", rf"{nb}(?P<a>\d{{1,2}})(?P<sep>[/.])(?P<b>\d{{1,2}})(?P=sep)(?P<y>\d{{4}})(?![\d/]|\.\d)"),
    ]
    if lang == "en":
        day = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?"
        atoms += [
            ("dayrange", rf"{nb}(?P<mon>{mon_d})\s+(?P<d1>\d{{1,2}})\s*[-–]\s*(?P<d2>\d{{1,2}})(?!\d){opt_year}"),
            ("dayrange", rf"{nb}(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:[-–]|and|to)\s*(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?"
                         rf"\s+(?P<mon>{mon_d}){opt_year}"),
            ("day", rf"(?:the\s+)?{nb}{day}(?:\s+of)?\s+(?P<mon>{mon_d})(?!\w){opt_year}"),
            ("day", rf"\b{g_mon}(?P<mon>{mon_d})\s+(?:the\s+)?{day}(?![\d:])(?!\s*%){opt_year}"),
        ]
    else:
        day = r"(?P<d>1er|premier|\d{1,2})(?:er|e)?"
        atoms += [
            ("dayrange", rf"{nb}(?P<d1>\d{{1,2}})(?:er)?\s*(?:-|–|au|et(?:\s+le)?)\s*(?P<d2>\d{{1,2}})\s+"
                         rf"(?P<mon>{mon}){opt_year}"),
            ("day", rf"{nb}{day}\s+(?P<mon>{mon})(?:{year_part}|\s+(?P<dir>dernier|prochain)\b)?"),
        ]
    seasons = _alt(list(lex.seasons))
    halves = "|".join(f"(?P<h{i}>{h})" for i, (h, _, _) in enumerate(lex.halves))
    connector = rf"(?:\s+(?:de\s+l{APOS}année\s+|de\s+|d{APOS}|of\s+)?|\s*)"
    atoms += [
        ("month", rf"\b{_guard(['last', 'next', *lex.months])}(?:(?P<dir>last|next)\s+)?(?P<mon>{mon})(?!\w){opt_year}"
         if lang == "en" else
         rf"\b{g_mon}(?P<mon>{mon})(?!\w)(?:{year_part}|\s+(?P<dir>dernier|prochain)\b)?"),
        ("season", rf"\b{_guard(list(lex.seasons))}(?P<season>{seasons}){connector}{y4}"),
        ("half", rf"\b{_guard([h for h, _, _ in lex.halves])}(?:{halves}){connector}{y4}"),
    ]
    if lang == "en":
        atoms += [
            ("decade", r"(?<!\w)(?P<dec>(?:1[89]|20)\d0|['’]\d0)s\b"),
            ("century", r"\b(?P<c>\d{1,2})(?:st|nd|rd|th)[-\s]century\b"),
            ("yearword", rf"\b(?:the\s+)?(?:fiscal\s+)?year\s+{y4}"),
        ]
    else:
        atoms += [
            ("decade", r"\bannées\s+(?P<dec>(?:1[89]|20)\d0|\d0)(?!\d)"),
            ("century", r"\b(?P<c>[XVI]{1,5}|\d{1,2})(?:e|ème|er)\s+siècle\b"),
            ("yearword", rf"\b(?:l{APOS}an(?:née)?|année)\s+{y4}"),
        ]
    atoms += [
        ("yearrange", rf"{nb}(?P<y1>(?:1[89]|20)\d\d)\s*[-–—/]\s*(?P<y2>(?:1[89]|20)\d\d|\d\d)(?!\d|[.,]\d|[-–]\d)"),
        ("year", r"(?<![\w.,/–])(?<!\d-)(?P<y>(?:1[89]|20)\d\d)(?!\w|[.,]\d|\s\d{3}(?!\d)|\s*[-–]\s*\d)"),
    ]
    rel = "|".join(f"(?P<r{i}>{r})" for i, (r, _, _) in enumerate(lex.relatives))
    num = _alt(lex.numbers)
    units = "|".join(f"(?P<u{i}>{u})" for i, u in enumerate(lex.units))
    atoms.append(("rel", rf"\b{_guard([r for r, _, _ in lex.relatives])}(?:{rel})(?!\w)"))
    later = "|".join(f"(?P<l{i}>{r})" for i, (r, _) in enumerate(lex.later))
    atoms.append(("later", rf"\b(?P<n>\d{{1,2}}|{num})\s+(?:{units})\s+(?:{later})(?!\w)"))
    nxt = "|".join(f"(?P<x{i}>{r})" for i, (r, _, _) in enumerate(lex.next_to))
    atoms.append(("next_to", rf"\b(?:{nxt})(?!\w)"))
    if lang == "en":
        atoms += [
            ("ago", rf"\b(?P<n>\d{{1,2}}|{num})\s+(?:{units})\s+ago\b"),
            ("weekday", rf"\b{_guard(['last', 'next', 'this', 'past', 'coming', *lex.weekdays])}"
                        rf"(?:(?P<dir>last|next|this|past|coming)\s+)?(?P<wd>{wd})\b"),
        ]
    else:
        atoms += [
            ("ago", rf"\bil\s+y\s+a\s+(?P<n>\d{{1,2}}|{num})\s+(?:{units})(?!\w)"),
            ("weekday", rf"\b{g_wd}(?P<wd>{wd})(?:\s+(?P<dir>dernier|prochain|passé))?\b"),
        ]
    flags = re.IGNORECASE
    compiled = [(kind, re.compile(p, flags)) for kind, p in atoms]
    roles = [role for _, role in lex.prefixes]
    prefix_alt = "|".join(f"(?P<r{i}>{p})" for i, (p, _) in enumerate(lex.prefixes))
    prefix = re.compile(rf"(?<![\w'’])(?:{prefix_alt})\s*$", flags)
    follower = re.compile(r"\s*([\w’'-]+)")
    return Patterns(
        lex=lex,
        atoms=compiled,
        prefix=prefix,
        prefix_roles=roles,
        quantity_before=re.compile(rf"(?<![\w'’])(?:{lex.quantity_before})\s*$", flags),
        quantity_after=re.compile(rf"\s*(?:{QUANTITY_UNITS})(?!\w)", flags),
        follower=follower,
        future=re.compile(lex.future, flags),
        past=re.compile(lex.past, flags),
        modifier=re.compile(
            rf"(?<![\w'’])(?:{'|'.join(f'(?P<m{i}>{m})' for i, (m, _) in enumerate(lex.modifiers))})\s*$", flags),
        weekday_before=re.compile(rf"(?<![\w'’])(?P<wd>{wd}),?\s+(?:the\s+)?$", flags),
        end_keyword=re.compile(r"jusqu['’]|\buntil\b|\btill\b|\bthrough\b|\bto\s+the\s+end\b", flags),
    )
