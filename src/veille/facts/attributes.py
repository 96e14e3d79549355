"""Attributes of a fact read around its trigger: date (from the document's time expressions), cessation,
commodity and quantity."""

from __future__ import annotations

import re

from veille.facts.lexicon import Lexicon
from veille.model import Timex

_SCALED = {"bcm": ("m3", 1_000_000_000)}  # unit abbreviations that carry a multiplier
_NUM = r"(\d{1,3}(?:[ .,\u202f\u00a0]\d{3})+|\d+(?:[.,]\d+)?)"


def dates_from(timex: Timex, cessation: bool) -> tuple[str | None, str | None]:
    """(start, end) of a fact dated by `timex`; a cessation turns the date into the end."""
    v = timex.value
    if isinstance(v, dict):
        start, end = v.get("from"), v.get("to")
    elif timex.mod == "end":
        start, end = None, v
    else:
        start, end = v, None
    if cessation:
        return None, start or end
    return start, end


def parse_number(s: str) -> float | None:
    """« 30.000 », "30,000", « 30 000 » (thousands groups) or « 1,5 » / "1.5" (decimals)."""
    s = s.replace("\u202f", " ").replace("\u00a0", " ")
    if re.fullmatch(r"\d{1,3}(?:[ .,]\d{3})+", s):
        return float(re.sub(r"[ .,]", "", s))
    try:
        return float(s.replace(",", "."))
    except ValueError:
        return None


def quantity_in(text: str, lex: Lexicon, last: bool = False) -> tuple[str, int, int] | None:
    """The first (or `last`) amount with a unit in `text`: ("30000 t", start, end) — offsets relative to `text`."""
    units = sorted(lex.units, key=len, reverse=True)
    mult = "|".join(sorted(map(re.escape, lex.multipliers), key=len, reverse=True))
    unit_re = "|".join(re.escape(u) for u in units)
    pat = re.compile(rf"{_NUM}\s*(?:({mult})\s+)?(?:d[e'’]\s*)?({unit_re})(?!\w)", re.IGNORECASE)
    found = list(pat.finditer(text))
    for m in reversed(found) if last else found:
        n = parse_number(m.group(1))
        if n is None:
            continue
        if m.group(2):
            n *= lex.multipliers[m.group(2).lower()]
        unit = lex.units[m.group(3).lower()]
        if unit in _SCALED:  # "11,4 bcm" is 11.4 billion cubic metres
            unit, factor = _SCALED[unit]
            n *= factor
        amount = str(int(n)) if n == int(n) else f"{n:g}"
        return f"{amount} {unit}", m.start(), m.end()
    return None


def commodity_in(words: list[str], lex: Lexicon) -> str | None:
    """The commodity named by the first word that starts with a commodity stem."""
    for w in words:
        lw = w.lower()
        for stem, what in lex.commodities.items():
            if lw.startswith(stem) and len(lw) <= len(stem) + 4:
                return what
    return None
