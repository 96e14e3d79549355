"""Temporal expressions in French and English → ISO values at the precision the text gives.

`extract(text, lang, anchor)` returns `veille.model.Timex` records:
- value: "YYYY", "YYYY-MM", "YYYY-MM-DD", or an interval {"from": …, "to": …} with None for an open end;
  « depuis 1995 » / "since 2017" / « à partir de décembre » → {"from": "1995", "to": None}, mod "start";
  « jusqu'en 2014 » / "until 2014" → {"from": None, "to": "2014"}, mod "end"; « avant/après 2020 » → "2020" with
  mod "before"/"after"; « début/mi-/fin 2023 », "early/mid/late 2023" keep the year's precision with mod
  "early"/"mid"/"late"; decades, seasons, quarters and day ranges are intervals.
- span: includes the preposition that carries meaning (« depuis 1995 », « de 1999 à 2008 », « à partir du
  20 novembre ») and the plain « en »/"in"/"on"/« le »/« du » before a date (« en 1992 », « le 13 août 2025 »);
  « de 1994 » (= of 1994) keeps only « 1994 ».
- anchor: ISO date at any precision. Expressions that need it (months without a year, weekdays, « hier »,
  « l'an dernier »…) are dropped when there is no anchor or it is too coarse (see `resolve`).
  `anchor_inferred=True` marks the values resolved against it as `inferred`.
- « trois jours plus tard », "two years later", « le lendemain », "the following month" count from the date told
  just before them (within a few sentences), at the precision both allow; with no date before, they are dropped.

`infer_anchor(text, lang)` guesses the writing date of an undated document. `TimexIndex` answers "which timexes
lie inside chars [s, e)?" for a document extracted once.
"""

from __future__ import annotations

import bisect
import datetime
import re

from veille.model import Timex
from veille.time.infer import first_year_with_weekday, in_dateline, infer_anchor
from veille.time.local import local_anchors
from veille.time.patterns import patterns
from veille.time.resolve import _add_months, iso, parse_anchor, to_timex
from veille.time.scan import Atom, scan

__all__ = ["TimexIndex", "extract", "extract_in_span", "infer_anchor", "infer_publication"]


def extract(text: str, lang: str = "fr", anchor: str | None = None, *, anchor_inferred: bool = False) -> list[Timex]:
    """Every temporal expression in `text`, in text order, resolved against `anchor` where needed."""
    lang = lang if lang in ("fr", "en") else "fr"
    pat = patterns(lang)
    anchor_p = parse_anchor(anchor)
    out = []
    atoms = scan(text, lang)
    local = local_anchors(text, atoms, anchor_p)
    told: Timex | None = None  # the latest dated point told, what « trois jours plus tard » counts from
    for k, atom in enumerate(atoms):
        if atom.spec[0] == "after":
            timex = _counted_from(text, atom, told)
            if timex is not None:
                out.append(timex)
                told = timex  # « Trois jours plus tard, … Le lendemain, … »: the count goes on from there
            continue
        if k in local:
            # « devenu membre le 4 avril 2023, après la ratification … le 27 mars »: a yearless day sits in the
            # year of the full date its own sentence gives, not in the publication's year
            timex = to_timex(text, atom, pat, local[k], False, local=True)
        else:
            timex = to_timex(text, atom, pat, anchor_p, anchor_inferred)
        if timex is not None:
            out.append(timex)
            if isinstance(timex.value, str) and timex.value and timex.mod is None:
                told = timex
    return out


_AFTER_REACH = 400  # « … le 23 février. Trois jours plus tard, … »: the date counted from is told just before


def _counted_from(text: str, atom: Atom, told: Timex | None) -> Timex | None:
    """« trois jours plus tard », "two years later", « le lendemain »: the date told just before, moved by the
    offset, at the precision both allow (a day from a day, a month from a month, else the year)."""
    if told is None or atom.start - told.end > _AFTER_REACH:
        return None
    _, unit, n = atom.spec
    p = parse_anchor(told.value)
    if p is None:
        return None
    y, m, d = p
    if unit == "week":
        unit, n = "day", 7 * n
    if unit == "day" and d is not None:
        day = datetime.date(y, m, d) + datetime.timedelta(days=n)
        value = day.isoformat()
    elif unit in ("day", "month") and m is not None:
        value = iso(_add_months(y, m, n if unit == "month" else 0) + (None,))
    elif unit == "year":
        value = f"{y + n:04d}"
    else:
        return None
    return Timex(start=atom.span_start, end=atom.end, text=text[atom.span_start:atom.end], value=value, mod=None,
                 inferred=told.inferred)


class TimexIndex:
    """Timexes of one document, sorted by start, for cheap per-sentence look-ups."""

    def __init__(self, timexes: list[Timex]):
        self.timexes = sorted(timexes, key=lambda t: (t.start, t.end))
        self._starts = [t.start for t in self.timexes]

    def within(self, start: int, end: int) -> list[Timex]:
        """Timexes lying entirely inside chars [start, end)."""
        i = bisect.bisect_left(self._starts, start)
        out = []
        while i < len(self.timexes) and self.timexes[i].start < end:
            if self.timexes[i].end <= end:
                out.append(self.timexes[i])
            i += 1
        return out


def extract_in_span(timexes: list[Timex] | TimexIndex, start: int, end: int) -> list[Timex]:
    """Timexes (from one `extract` over the whole document) that lie inside chars [start, end)."""
    index = timexes if isinstance(timexes, TimexIndex) else TimexIndex(timexes)
    return index.within(start, end)


_DATELINE_CHARS = 400
_YEAR_IN = re.compile(r"\b(1[89]|20)\d\d\b")
_DATELINE_END = re.compile(r"\s[–—-]\s|\n")


def infer_publication(text: str, lang: str = "fr") -> str | None:
    """Publication date of a document that gives none in its metadata.

    A full date in the document's head (a dateline: « Note d'analyse – 4 décembre 2024 », "ANKARA, Jan 24", "Analyst
    note, 2 October 2025") is taken as the publication day; a dateline without a year falls on or after the latest
    date the text mentions. Otherwise the anchor `infer_anchor` reads from the whole text."""
    base = infer_anchor(text, lang)
    head = text[:_DATELINE_CHARS]
    for t in extract(head, lang, base):
        if in_dateline(head, t.start) and isinstance(t.value, str) and len(t.value) == 10 and t.mod is None:
            value = t.value
            if not _YEAR_IN.search(t.text):
                if base and value[:len(base)] < base:
                    value = f"{int(value[:4]) + 1}{value[4:]}"
                value = _weekday_year(head, t.start, t.end, value, lang)
            return value
    return base


def _weekday_year(head: str, start: int, end: int, value: str, lang: str) -> str:
    """A yearless dateline that names its weekday (« vendredi 3 janvier », "Wednesday (July 2)") falls in the
    first year from `value`'s on which that day is that weekday; `value` as it is when none is named."""
    line_start = head.rfind("\n", 0, start) + 1
    dash = _DATELINE_END.search(head, end)
    line = head[line_start:dash.start() if dash else end + 20].lower()  # the dateline, not its story's first words
    names = patterns(lang).lex.weekdays
    named = [wd for word, wd in names.items() if re.search(rf"\b{re.escape(word.lower())}\b", line)]
    if len(named) != 1:
        return value
    year = first_year_with_weekday(int(value[:4]), int(value[5:7]), int(value[8:10]), named[0])
    return value if year is None else f"{year:04d}{value[4:]}"
