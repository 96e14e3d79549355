"""Guess when an undated document was written from the dates it mentions and the tense of its verbs.

Lower bound: the latest explicit dated mention (day or month with a year) outside future-tense clauses, raised by
past-tense months without a year in that same year (« début octobre, le président a proposé » ⇒ written in
October or later), or in the next year when they cannot follow it in its own (news style writes the year of
earlier years' dates only). When the text has only years, the latest year outside future-tense or deadline contexts.
The result keeps the month when one is known (« 2025-10 »), else the year; None when the text has no date.
"""

from __future__ import annotations

from veille.time.local import local_anchors
from veille.time.patterns import patterns
from veille.time.resolve import iso, tense_at
from veille.time.scan import scan

_FUTURE_ROLES = ("end", "before")


def infer_anchor(text: str, lang: str = "fr") -> str | None:
    """ISO date ("YYYY" or "YYYY-MM") the text was probably written at, or None."""
    lang = lang if lang in ("fr", "en") else "fr"
    pat = patterns(lang)
    dated: list[tuple[int, int]] = []
    years: list[int] = []
    yearless_past: list[int] = []
    atoms = scan(text, lang)
    local = local_anchors(text, atoms)
    for k, atom in enumerate(atoms):
        spec = atom.spec
        if spec[0] == "span":
            spec = ("date", spec[2])
        if spec[0] != "date" or atom.role in _FUTURE_ROLES:
            continue
        y, m, _ = spec[1]
        tense = tense_at(text, atom.start, pat)
        if tense == "future":
            continue
        if y is None:
            # a yearless day next to a full date of its sentence belongs to that date's year, not the writing's
            if m is not None and tense == "past" and k not in local:
                yearless_past.append(m)
        elif m is not None:
            dated.append((y, m))
        else:
            years.append(y)
    if dated:
        y, m = max(dated)
        later = [mm for mm in yearless_past if mm > m]
        if later:
            return iso((y, max(later), None))
        if yearless_past:
            # news style gives the year of past years' dates only: past-tense dates without a year that cannot
            # follow the latest dated mention in its own year happened the year after (« en septembre 2024 … le
            # 13 juin » written in 2025)
            return iso((y + 1, max(yearless_past), None))
        return iso((y, m, None))
    if years:
        return str(max(years))
    return None
