"""Find temporal expressions in a text as anchor-independent `Atom`s (what the words say, before resolution).

Steps: run every atom pattern, keep the longest non-overlapping matches, read the preposition before each atom
(its role: point, start, end, from, to…), drop numbers that are quantities rather than years, then join pairs
into intervals (« de 1999 à 2008 », « between 2002 and 2014 ») and give a start an end stated later in the same
clause (« à partir de 2002 et jusqu'à la fin de …, en 2014 »).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from veille.time.lexicon import APOS
from veille.time.patterns import Patterns, patterns

# A partial date: (year, month, day); year None = to be taken from the anchor.
Partial = tuple[int | None, int | None, int | None]

ROMAN = {"I": 1, "V": 5, "X": 10}
STRONG_YEAR_ROLES = {"start", "end", "before", "after", "point", "from"}
INCLUDED_ROLES = {"start", "end", "before", "after", "point", "from"}
_CLAUSE_END = re.compile(r"[.;!?\n]")
_ARTICLES = {"the", "le", "la", "les", "l'", "l’"}
_GAP_SIMPLE = re.compile(r"^\s*$")
_GAP_AND = re.compile(r"^\s*,?\s*(?:et|and)?\s*,?\s*$", re.IGNORECASE)


@dataclass
class Atom:
    """One core expression. `spec` kinds: ("date", Partial), ("span", Partial, Partial),
    ("rel", unit, offset), ("weekday", weekday, direction), ("after", unit, offset) counted from the date told
    before it (« trois jours plus tard », "the following year")."""

    start: int
    end: int
    kind: str
    spec: tuple
    mod: str | None = None  # early / mid / late
    pstart: int = -1  # start of the preposition, if any
    role: str | None = None
    prefix: str = ""
    to: Atom | None = None  # end of an interval started by this atom
    end_of: bool = False  # this atom closes an interval stated earlier in the clause
    merged: bool = False  # absorbed into the previous atom's interval
    direction: int = 0  # « mai dernier » / "last May" = -1, « prochain » / "next" = +1
    year_off: int | None = None  # the year is the anchor's plus this ("in March last year", « l'an dernier en mars »)

    @property
    def span_start(self) -> int:
        return self.pstart if self.pstart >= 0 else self.start


def _roman(s: str) -> int:
    if s.isdigit():
        return int(s)
    total = 0
    values = [ROMAN.get(ch, 0) for ch in s.upper()]
    for i, v in enumerate(values):
        total += -v if i + 1 < len(values) and values[i + 1] > v else v
    return total


def _year2(y1: int, y2s: str) -> int:
    return int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)


def _month(pat: Patterns, word: str) -> int:
    m = pat.lex.months.get(word) or pat.lex.months.get(word.lower()) or pat.lex.months.get(word + ".")
    if m is None:
        m = next(v for k, v in pat.lex.months.items() if k.lower() == word.lower())
    return m


def _weekday(pat: Patterns, word: str) -> int:
    return next(v for k, v in pat.lex.weekdays.items() if k.lower() == word.lower())


def _build(pat: Patterns, kind: str, m: re.Match[str]) -> Atom | None:  # noqa: PLR0911, PLR0912 - one branch a kind
    g = m.groupdict()
    y = int(g["y"]) if g.get("y") else None
    s, e = m.start(), m.end()
    if kind == "iso":
        mo, d = int(g["m"]), int(g["d"])
        return Atom(s, e, kind, ("date", (y, mo, d))) if 1 <= mo <= 12 and 1 <= d <= 31 else None
    if kind == "numeric":
        a, b = int(g["a"]), int(g["b"])
        d, mo = (b, a) if pat.lex is not None and _is_en(pat) and a <= 12 and b > 12 else (a, b)
        if _is_en(pat) and a <= 12 and b <= 12:
            mo, d = a, b
        if not (1 <= mo <= 12 and 1 <= d <= 31) or not (1800 <= (y or 0) <= 2100):
            return None
        return Atom(s, e, kind, ("date", (y, mo, d)))
    if kind == "dayrange":
        mo = _month(pat, g["mon"])
        d1, d2 = int(g["d1"]), int(g["d2"])
        if not (1 <= d1 < d2 <= 31):
            return None
        return Atom(s, e, kind, ("span", (y, mo, d1), (y, mo, d2)))
    if kind == "day":
        d = 1 if g["d"].lower() in ("1er", "premier") else int(g["d"])
        if not 1 <= d <= 31:
            return None
        direction = {"dernier": -1, "prochain": 1}.get((g.get("dir") or "").lower(), 0)
        return Atom(s, e, kind, ("date", (y, _month(pat, g["mon"]), d)), direction=direction)
    if kind == "month":
        direction = {"last": -1, "dernier": -1, "next": 1, "prochain": 1}.get((g.get("dir") or "").lower(), 0)
        return Atom(s, e, kind, ("date", (y, _month(pat, g["mon"]), None)), direction=direction)
    if kind == "season":
        first, last = next(v for k, v in pat.lex.seasons.items() if k.lower() == g["season"].lower())
        end_year = y + 1 if last < first and y else y
        return Atom(s, e, kind, ("span", (y, first, None), (end_year, last, None)))
    if kind == "half":
        i = next(int(k[1:]) for k, v in g.items() if k.startswith("h") and v)
        _, first, last = pat.lex.halves[i]
        return Atom(s, e, kind, ("span", (y, first, None), (y, last, None)))
    if kind == "decade":
        dec = g["dec"].lstrip("'’")
        start = int(dec) if len(dec) == 4 else 1900 + int(dec)
        if start % 10:
            return None
        return Atom(s, e, kind, ("span", (start, None, None), (start + 9, None, None)))
    if kind == "century":
        c = _roman(g["c"])
        if not 15 <= c <= 22:
            return None
        return Atom(s, e, kind, ("span", ((c - 1) * 100, None, None), ((c - 1) * 100 + 99, None, None)))
    if kind in ("yearword", "year"):
        return Atom(s, e, kind, ("date", (y, None, None)))
    if kind == "yearrange":
        y1 = int(g["y1"])
        y2 = _year2(y1, g["y2"])
        if not (y1 < y2 <= y1 + (12 if len(g["y2"]) == 2 else 60) and y2 <= 2100):
            return None
        return Atom(s, e, kind, ("span", (y1, None, None), (y2, None, None)))
    if kind == "rel":
        i = next(int(k[1:]) for k, v in g.items() if k.startswith("r") and v)
        _, unit, off = pat.lex.relatives[i]
        # « fin de l'année », "the start of the year": the part of the year is a modifier
        low = m.group(0).lower()
        mod = "late" if _END_OF.match(low) else "early" if _START_OF.match(low) else None
        return Atom(s, e, kind, ("rel", unit, off), mod=mod)
    if kind == "ago":
        n = int(g["n"]) if g["n"].isdigit() else pat.lex.numbers[g["n"].lower()]
        i = next(int(k[1:]) for k, v in g.items() if k.startswith("u") and v)
        unit = list(pat.lex.units.values())[i]
        return Atom(s, e, kind, ("rel", unit, -n))
    if kind == "later":
        n = int(g["n"]) if g["n"].isdigit() else pat.lex.numbers[g["n"].lower()]
        unit = list(pat.lex.units.values())[next(int(k[1:]) for k, v in g.items() if k.startswith("u") and v)]
        sign = pat.lex.later[next(int(k[1:]) for k, v in g.items() if k.startswith("l") and v)][1]
        return Atom(s, e, kind, ("after", unit, sign * n))
    if kind == "next_to":
        _, unit, off = pat.lex.next_to[next(int(k[1:]) for k, v in g.items() if k.startswith("x") and v)]
        return Atom(s, e, kind, ("after", unit, off))
    if kind == "weekday":
        direction = {"last": -1, "past": -1, "dernier": -1, "passé": -1, "next": 1, "coming": 1,
                     "prochain": 1}.get((g.get("dir") or "").lower(), 0)
        return Atom(s, e, kind, ("weekday", _weekday(pat, g["wd"]), direction))
    return None


_END_OF = re.compile(r"(?:the\s+|la\s+)?(?:end|fin)\b")
_START_OF = re.compile(r"(?:the\s+|le\s+)?(?:start|beginning|début)\b")


def _is_en(pat: Patterns) -> bool:
    return "January" in pat.lex.months


def _candidates(text: str, pat: Patterns) -> list[Atom]:
    found: list[tuple[int, int, int, Atom]] = []
    for prio, (kind, rx) in enumerate(pat.atoms):
        for m in rx.finditer(text):
            atom = _build(pat, kind, m)
            if atom is not None:
                found.append((atom.end - atom.start, -prio, atom.start, atom))
    found.sort(key=lambda t: (-t[0], -t[1], t[2]))
    taken: list[Atom] = []
    occupied = bytearray(len(text) + 1)
    for _, _, _, atom in found:
        if 1 in occupied[atom.start:atom.end]:
            continue
        occupied[atom.start:atom.end] = b"\x01" * (atom.end - atom.start)
        taken.append(atom)
    taken.sort(key=lambda a: a.start)
    return taken


def _attach_modifier(text: str, atom: Atom, pat: Patterns) -> None:
    """« début octobre », « fin 2023 », "early 1990s", « mardi 4 novembre »: words before the core."""
    window = text[max(0, atom.start - 40):atom.start]
    if atom.kind in ("day", "numeric", "iso"):
        m = pat.weekday_before.search(window)
        if m:
            atom.start -= len(window) - m.start()
        return
    if atom.kind not in ("month", "year", "decade", "yearrange", "century", "rel"):
        return
    m = pat.modifier.search(window)
    if not m:
        return
    name = next(k for k, v in m.groupdict().items() if v is not None)
    atom.mod = pat.lex.modifiers[int(name[1:])][1]
    atom.start -= len(window) - m.start()
    if atom.kind == "decade":
        lo = atom.spec[1][0]
        first, last = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}[atom.mod]
        atom.spec = ("span", (lo + first, None, None), (lo + last, None, None))


def _attach_prefix(text: str, atom: Atom, pat: Patterns) -> None:
    window = text[max(0, atom.start - 40):atom.start]
    m = pat.prefix.search(window)
    if not m:
        return
    name = next(k for k, v in m.groupdict().items() if v is not None)
    atom.role = pat.prefix_roles[int(name[1:])]
    atom.prefix = m.group(name)
    atom.pstart = atom.start - (len(window) - m.start())


def _is_year_ok(text: str, atom: Atom, pat: Patterns) -> bool:
    """A bare 4-digit number is a year after a time preposition, or when what follows reads like a year's
    neighbour (punctuation, verb, article) and what precedes is not a quantity word."""
    y = atom.spec[1][0]
    after = text[atom.end:atom.end + 30]
    if pat.quantity_after.match(after):
        return False
    before = text[max(0, atom.start - 30):atom.start]
    if atom.role in STRONG_YEAR_ROLES and atom.prefix.lower() not in ("the", "le", "l'", "l’"):
        return 1800 <= y <= 2100
    qb = pat.quantity_before.search(before)
    fm = pat.follower.match(after)
    word = fm.group(1).lower().split("'")[0].split("’")[0] if fm else ""
    if _is_en(pat) and re.search(r"(?<!\w)(?:the|a|an|its|their|this)\s+$", before, re.IGNORECASE) and \
            word and (not word.endswith("s") or word.endswith(("ss", "is", "us"))):
        return 1900 <= y <= 2100  # "the 2008 crisis", "a 2014 agreement" (not "the 2000 soldiers")
    if re.match(r"\s+[A-Z][a-z]", after) and (not qb or qb.group(0).strip().lower() in _ARTICLES):
        return 1900 <= y <= 2100  # « the 2022 Strategic Concept », « Steadfast Defender 2024 »
    if qb and atom.role not in ("from?", "to?"):
        return False
    if not 1900 <= y <= 2100:
        return False
    if re.match(r"\s*(?:$|[^\w\s])", after) or after.startswith(("\n",)):
        return not re.match(r"\s*[-–/]\s*\d", after)
    return word in pat.lex.year_followers or bool(re.search(pat.lex.verb_endings, word))


def _keep(text: str, atom: Atom, pat: Patterns) -> bool:
    role = atom.role
    if atom.kind == "year":
        return (atom.mod is not None and 1800 <= atom.spec[1][0] <= 2100) or _is_year_ok(text, atom, pat)
    if atom.kind == "month" and atom.spec[1][0] is None and atom.mod is None and not atom.direction:
        # a month name alone needs a time preposition (« en novembre », « in May ») or a year after it ("September
        # last year")
        return role is not None and role not in ("det", "of") or (atom.prefix.lower() in ("le", "ce", "this")) or \
            _REL_YEAR_AFTER.match(text, atom.end) is not None
    if atom.kind == "weekday" and not atom.spec[2]:
        # « le mardi » is a habit, "The Sunday Times" a name: only « mardi, », « ce mardi », "on Tuesday"
        if atom.prefix.lower().split()[-1:] in (["le"], ["the"]) or re.match(r"\s+[A-Z]", text[atom.end:atom.end + 3]):
            return False
    if atom.kind == "yearrange":
        m = pat.quantity_before.search(text[max(0, atom.start - 30):atom.start])
        return not m or m.group(0).strip().lower() in _ARTICLES
    return True


def _include_prefix(atom: Atom) -> None:
    """Decide whether the preposition belongs to the span (TIMEX3-like: meaning-carrying words only)."""
    role = atom.role
    if role is None:
        return
    keep = role in INCLUDED_ROLES
    if role == "det" and atom.kind in ("day", "dayrange", "weekday", "decade", "iso", "numeric", "rel"):
        keep = True
    if role == "from?" and atom.kind in ("day", "dayrange", "numeric", "iso") and atom.prefix.lower() == "du":
        keep = True
    if not keep:
        atom.pstart = -1
        atom.role = None if role in ("to?", "of", "det") else role
        atom.prefix = ""


_REL_YEAR_AFTER = re.compile(rf"\s*,?\s*(?:of\s+|de\s+|d{APOS})?(?:(?:last|this|next)\s+year|l{APOS}(?:an|année)\s+"
                             r"(?:derni|pass|prochain|en\s+cours))", re.IGNORECASE)
_MONTH_OF_YEAR = re.compile(rf"\s*,?\s*(?:of\s+|de\s+|d{APOS})?", re.IGNORECASE)  # "March of last year"
_YEAR_THEN_MONTH = re.compile(r"\s*,?\s*(?:in\s+|en\s+|au\s+mois\s+d['’e]\s*)?", re.IGNORECASE)  # « l'an dernier, en mars »


def _relative_year(a: Atom, b: Atom, text: str) -> Atom | None:
    """A month told with a year relative to the time of writing, in either order ("in September last year",
    « en mars de l'année dernière », « l'an dernier en mars »): one expression, the month's atom."""
    def is_rel_year(x: Atom) -> bool:
        return x.spec[0] == "rel" and x.spec[1] == "year" and x.mod is None and x.to is None

    def is_month(x: Atom) -> bool:
        return x.spec[0] == "date" and x.spec[1][0] is None and x.spec[1][1] is not None and x.to is None
    if is_month(a) and is_rel_year(b) and _MONTH_OF_YEAR.fullmatch(text, a.end, b.start):
        a.year_off, a.end = b.spec[2], b.end
        return a
    if is_rel_year(a) and is_month(b) and _YEAR_THEN_MONTH.fullmatch(text, a.end, b.start) and \
            b.role in (None, "point"):
        b.year_off, b.pstart = a.spec[2], a.span_start
        b.role = b.role if a.role is None else a.role
        return b
    return None


def _join(text: str, atoms: list[Atom], pat: Patterns) -> list[Atom]:
    out: list[Atom] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        one = _relative_year(a, b, text) if b is not None else None
        if one is not None:
            out.append(one)
            i += 2
            continue
        if b is not None and _pairs(text, a, b):
            a.to, b.merged = b, True
            b_year = _year_of(b)
            if _year_of(a) is None and b_year is not None:
                if _yearless_month(a, interval=True) and b.spec[0] == "date" and b.spec[1][1] is not None and \
                        a.spec[1][1] > b.spec[1][1]:
                    b_year -= 1  # "between December and January 2024": December 2023
                a.spec = _with_year(a.spec, b_year)
            out.append(a)
            i += 2
            continue
        if b is not None and _yearless_month(a) and b.spec[0] == "date" and b.spec[1][0] is not None and \
                b.spec[1][1] is not None and b.prefix.lower() in ("", "and", "et", "or", "ou"):
            # "January–February 2023", « janvier et février 2023 »: the first month is in the year told after it
            # (the year before when it comes later in the calendar: « décembre et janvier 2024 »)
            gap = text[a.end:b.start]
            year = b.spec[1][0] - (a.spec[1][1] > b.spec[1][1])
            if _MONTH_DASH.fullmatch(gap):
                a.spec = _with_year(a.spec, year)
                a.to, b.merged = b, True
                out.append(a)
                i += 2
                continue
            if _MONTH_AND.fullmatch(gap):
                a.spec = _with_year(a.spec, year)
        out.append(a)
        i += 1
    # a start whose end comes later in the clause: « à partir de 2002 et jusqu'à la fin de …, en 2014 »
    for j, a in enumerate(out):
        if a.role not in ("start", "from", "from?") or a.to is not None or j + 1 >= len(out):
            continue  # (« de 2015 jusqu'à son terme en 2021 »: « de » opens a period when an end follows)
        b = out[j + 1]
        gap = text[a.end:b.span_start]
        if len(gap) > 160 or _CLAUSE_END.search(gap) or not pat.end_keyword.search(gap) or \
                a.role == "from?" and _NOW.search(gap):
            continue
        if b.spec[0] == "date" and b.spec[1][0] is not None and b.role in (None, "point", "end"):
            a.to, b.end_of = b, True
    return out


_MONTH_DASH = re.compile(r"\s*[-–—]\s*")
_MONTH_AND = re.compile(r"\s*(?:,|and|et|or|ou|,\s*and|,\s*et)\s*", re.IGNORECASE)


def _yearless_month(a: Atom, interval: bool = False) -> bool:
    """A month (or a day of one) told without its year, not opening an interval of its own (unless `interval`)."""
    return a.spec[0] == "date" and a.spec[1][0] is None and a.spec[1][1] is not None and \
        (interval or a.to is None and a.role in (None, "point"))


_NOW = re.compile(r"jusqu['’]\s*(?:ici|à présent|à maintenant|aujourd)|until now|to date|so far", re.IGNORECASE)


def _pairs(text: str, a: Atom, b: Atom) -> bool:
    gap = text[a.end:b.span_start] if b.pstart >= 0 else text[a.end:b.start]
    if a.role in ("from?", "from") and b.role in ("to?", "end") and _GAP_SIMPLE.match(gap):
        first = a.prefix.lower().split()[0]
        second = b.prefix.lower().split()[0] if b.prefix else ""
        if second in ("et", "and"):
            return first in ("entre", "between")
        return first not in ("entre", "between") or second not in ("à", "au")
    if a.role == "start" and b.role in ("end",) and _GAP_AND.match(gap):
        return True
    # "2010 to 2015": a bare year range without "from"
    return (a.role in (None, "point") and b.prefix.lower() == "to" and _GAP_SIMPLE.match(gap) is not None
            and a.kind == b.kind == "year")


def _year_of(atom: Atom) -> int | None:
    spec = atom.spec
    if spec[0] == "date":
        return spec[1][0]
    if spec[0] == "span":
        return spec[1][0] or spec[2][0]
    return None


def _with_year(spec: tuple, year: int) -> tuple:
    if spec[0] == "date":
        return ("date", (year, spec[1][1], spec[1][2]))
    if spec[0] == "span":
        return ("span", (spec[1][0] or year, spec[1][1], spec[1][2]), (spec[2][0] or year, spec[2][1], spec[2][2]))
    return spec


def scan(text: str, lang: str = "fr") -> list[Atom]:
    """Every temporal expression of `text` as unresolved atoms, intervals already joined. The atoms are shared
    by the calls on one text (ingest scans a document to infer its date, then to extract its timexes): read them,
    do not modify them."""
    return list(_scan(text, lang))


@lru_cache(maxsize=32)  # more than the documents of one parse batch (prepared together, then analysed)
def _scan(text: str, lang: str) -> tuple[Atom, ...]:
    pat = patterns(lang)
    atoms: list[Atom] = []
    for atom in _candidates(text, pat):
        _attach_modifier(text, atom, pat)
        _attach_prefix(text, atom, pat)
        if not _keep(text, atom, pat):
            continue
        while atoms and atoms[-1].end > atom.start:  # swallowed by this atom's modifier (« Monday, 3 March »)
            atoms.pop()
        atoms.append(atom)
    # the role of « du », « de », « à », « et » depends on the neighbour: join first, then trim prefixes
    joined = _join(text, atoms, pat)
    for atom in joined:
        if atom.to is not None and not atom.end_of and atom.to.merged:
            continue
        _include_prefix(atom)
        if atom.role == "from?":
            atom.role = None
    return tuple(joined)
