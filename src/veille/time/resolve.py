"""Turn scanned atoms into `Timex` records: resolve relative and year-less expressions against an anchor date.

Conventions (documented in `veille.time`):
- a month or day without a year takes the anchor's year; when the anchor gives a month, a past-tense clause
  cannot speak of a later date (→ previous year) and a future-tense clause of an earlier one (→ next year);
  with no tense found, a date more than 6 months after (before) the anchor moves to the previous (next) year;
- « hier », « mardi », « la semaine dernière » need an anchor precise to the day, « le mois dernier » to the
  month, « l'an dernier » to the year; expressions the anchor cannot resolve are dropped.
"""

from __future__ import annotations

import datetime as dt
import re

from veille.model import Timex
from veille.time.patterns import Patterns
from veille.time.scan import Atom, Partial

_ANCHOR = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_SENTENCE_END = re.compile(r"[.;!?\n]")

Value = str | dict[str, str | None]
Core = tuple[Partial | None, Partial | None]  # (first, last); equal for a point


def parse_anchor(anchor: str | None) -> Partial | None:
    """« 2025 », « 2025-10 », « 2025-10-14 » or a full timestamp → (year, month, day)."""
    if not anchor:
        return None
    m = _ANCHOR.match(anchor)
    if not m:
        return None
    y, mo, d = (int(x) if x else None for x in m.groups())
    return (y, mo, d)


def iso(p: Partial | None) -> str | None:
    if p is None or p[0] is None:
        return None
    out = f"{p[0]:04d}"
    if p[1]:
        out += f"-{p[1]:02d}"
        if p[2]:
            out += f"-{p[2]:02d}"
    return out


def tense_at(text: str, pos: int, pat: Patterns) -> str | None:
    """'past', 'future' or None: the tense of the verb nearest to `pos` within its sentence."""
    lo = max(0, pos - 200)
    before = text[lo:pos]
    cut = [m.end() for m in _SENTENCE_END.finditer(before)]
    lo = lo + cut[-1] if cut else lo
    after = text[pos:pos + 200]
    m_end = _SENTENCE_END.search(after)
    hi = pos + (m_end.start() if m_end else len(after))
    window = text[lo:hi]
    best: tuple[int, str] | None = None
    for rx, name in ((pat.future, "future"), (pat.past, "past")):
        for m in rx.finditer(window):
            dist = min(abs(lo + m.start() - pos), abs(lo + m.end() - pos))
            if best is None or dist < best[0]:
                best = (dist, name)
    return best[1] if best else None


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def fill_year(p: Partial, anchor: Partial, tense: str | None) -> Partial:
    """`p` (no year) placed in the year of `anchor`, moved a year back or on by the tense or by distance."""
    ay, am, ad = anchor
    assert ay is not None
    y, m, d = ay, p[1], p[2]
    if am is not None and m is not None:
        later = m > am or (m == am and d is not None and ad is not None and d > ad)
        earlier = m < am or (m == am and d is not None and ad is not None and d < ad)
        if tense == "past" and later:
            y -= 1
        elif tense == "future" and earlier:
            y += 1
        elif tense is None and m - am > 6:
            y -= 1
        elif tense is None and am - m > 6:
            y += 1
    return (y, m, d)


def _date(p: Partial) -> dt.date:
    return dt.date(p[0] or 1, p[1] or 1, p[2] or 1)


def _part(d: dt.date) -> Partial:
    return (d.year, d.month, d.day)


def _core(atom: Atom, anchor: Partial | None, tense: str | None) -> Core | None:
    spec = atom.spec
    kind = spec[0]
    if atom.direction:
        tense = "past" if atom.direction < 0 else "future"
    if kind == "date":
        p = spec[1]
        if p[0] is None:
            if anchor is None:
                return None
            p = (anchor[0] + atom.year_off, p[1], p[2]) if atom.year_off is not None else fill_year(p, anchor, tense)
        return (p, p)
    if kind == "span":
        first, last = spec[1], spec[2]
        if first[0] is None or last[0] is None:
            if anchor is None:
                return None
            first, last = fill_year(first, anchor, tense), fill_year(last, anchor, tense)
        return (first, last)
    if anchor is None:
        return None
    ay, am, ad = anchor
    if kind == "rel":
        unit, n = spec[1], spec[2]
        if unit == "year":
            return ((ay + n, None, None),) * 2  # type: ignore[return-value]
        if unit == "month":
            if am is None:
                return None
            y, m = _add_months(ay, am, n)  # type: ignore[arg-type]
            return ((y, m, None),) * 2  # type: ignore[return-value]
        if ad is None or am is None:
            return (anchor, anchor) if n == 0 and unit == "day" else None
        base = dt.date(ay, am, ad)  # type: ignore[arg-type]
        if unit == "day":
            d = _part(base + dt.timedelta(days=n))
            return (d, d)
        monday = base - dt.timedelta(days=base.weekday()) + dt.timedelta(weeks=n)
        return (_part(monday), _part(monday + dt.timedelta(days=6)))
    if kind == "weekday":
        if ad is None or am is None:
            return None
        base = dt.date(ay, am, ad)  # type: ignore[arg-type]
        day = base - dt.timedelta(days=base.weekday()) + dt.timedelta(days=spec[1])
        # with no tense to go by, a news text's bare weekday is one just gone
        direction = spec[2] or {"past": -1, "future": 1}.get(tense or "", -1)
        # a bare weekday naming the publication's own weekday is that day (a Monday dispatch's "on Monday");
        # « lundi dernier » / "next Monday" never are
        if direction < 0 and (day > base or day == base and spec[2]):
            day -= dt.timedelta(days=7)
        elif direction > 0 and (day < base or day == base and spec[2]):
            day += dt.timedelta(days=7)
        return (_part(day), _part(day))
    return None


def _needs_anchor(atom: Atom) -> bool:
    spec = atom.spec
    if spec[0] == "date":
        return spec[1][0] is None
    if spec[0] == "span":
        return spec[1][0] is None or spec[2][0] is None
    return True


def to_timex(text: str, atom: Atom, pat: Patterns, anchor: Partial | None, anchor_inferred: bool,
             local: bool = False) -> Timex | None:
    """`local`: the anchor is a date of the same sentence, not the time of writing: no tense shift."""
    tense = tense_at(text, atom.start, pat) if not local and (_needs_anchor(atom) or (atom.to and _needs_anchor(
        atom.to))) else None
    core = _core(atom, anchor, tense)
    if core is None:
        return None
    first, last = core
    mod = atom.mod
    end = atom.end
    value: Value
    if atom.to is not None:
        other = _core(atom.to, anchor, tense)
        if other is None:
            return None
        value = {"from": iso(first), "to": iso(other[1])}
        if atom.to.merged:
            end = atom.to.end
            mod = None
        else:
            mod = "start"
    elif atom.role == "start" or atom.role == "from" and atom.prefix.lower() == "from":
        # "from 1 July 2026" with no end: an open start, like « à partir du 1er juillet »
        value, mod = {"from": iso(first), "to": None}, "start"
    elif atom.role == "end":
        value, mod = {"from": None, "to": iso(last)}, "end"
    elif first != last:
        value = {"from": iso(first), "to": iso(last)}
    else:
        value = iso(first) or ""
        if atom.role in ("before", "after"):
            mod = atom.role
        if atom.end_of:
            mod = "end"
    inferred = anchor_inferred and (_needs_anchor(atom) or bool(atom.to and _needs_anchor(atom.to)))
    start = atom.span_start
    return Timex(start=start, end=end, text=text[start:end], value=value, mod=mod, inferred=inferred)
