"""Guess when an undated document was written from the dates it mentions and the tense of its verbs.

Lower bound: the latest explicit dated mention (day or month with a year) outside future-tense clauses, raised by
past-tense months without a year in that same year (« début octobre, le président a proposé » ⇒ written in
October or later), or in the next year when they cannot follow it in its own (news style writes the year of
earlier years' dates only). When the text has only years, the latest year outside future-tense or deadline contexts.
Past-tense months without a year told after a bare past year later than every dated mention fall in the
year after it. A yearless day that names its weekday (« jeudi 9 janvier ») is dated by it: the first year from the
latest one mentioned where that day is that weekday, and the months told without a year lie around it.
The result keeps the month when one is known (« 2025-10 »), else the year; None when the text has no date.
"""

from __future__ import annotations

import datetime
import re

from veille.time.local import local_anchors
from veille.time.patterns import patterns
from veille.time.resolve import iso, tense_at
from veille.time.scan import scan

_FUTURE_ROLES = ("end", "before")


def infer_anchor(text: str, lang: str = "fr") -> str | None:
    """ISO date ("YYYY" or "YYYY-MM") the text was probably written at, or None. A time elapsed since a year the
    text names (« trois ans jour pour jour après », "eight years ago", « depuis plus de sept ans ») raises the
    year when a reading lands just after the latest year named (see `_elapsed_floor`)."""
    lang = lang if lang in ("fr", "en") else "fr"
    got = _dated_anchor(text, lang)
    floor = _elapsed_floor(text)
    if got is None or floor is None or floor <= int(got[:4]):
        return got
    return f"{floor}{got[4:]}"


_NUMBER_WORDS = {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
                 "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15,
                 "seize": 16, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "one": 1, "two": 2,
                 "three": 3, "four": 4, "five": 5, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                 "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
                 "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
_N = r"(\d{1,2}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
# a time elapsed up to the writing: « il y a trois ans », "eight years ago", « trois ans jour pour jour après »,
# "in the past four years", « après sept ans de rupture », « rompues depuis plus de sept ans »
_ELAPSED = re.compile(rf"(?i)\b(?:il y a\s+(?:plus de\s+|près de\s+)?{_N}\s+ans\b|{_N}\s+years?\s+ago\b"
                      rf"|{_N}\s+ans\s+jour pour jour|{_N}\s+years\s+to the day"
                      rf"|(?:in|over|during) the (?:past|last)\s+{_N}\s+years\b"
                      rf"|après\s+{_N}\s+ans\s+d[e']|after\s+{_N}\s+years\s+of\b"
                      rf"|depuis\s+(?:plus de\s+)?{_N}\s+ans\b)")
_YEAR = re.compile(r"(?<![\d/.-])(1[89]\d\d|20\d\d)(?![\d/.-])")


def _elapsed_floor(text: str) -> int | None:
    """The earliest writing year a time elapsed since a named year gives among the readings that fall in the two
    years after the latest year the text names (any other reading would put the writing years after its news)."""
    years = sorted({int(y) for y in _YEAR.findall(text)})
    if not years:
        return None
    latest = years[-1]
    found: set[int] = set()
    for m in _ELAPSED.finditer(text):
        word = next(g for g in m.groups() if g)
        n = int(word) if word.isdigit() else _NUMBER_WORDS.get(word.lower())
        if n:
            found |= {y + n for y in years if latest < y + n <= latest + 2}
    return min(found, default=None)


def _dated_anchor(text: str, lang: str) -> str | None:
    pat = patterns(lang)
    dated: list[tuple[int, int]] = []
    told: set[tuple[int, int]] = set()  # dated months told without a year (dated by their story or their weekday)
    by_weekday: set[tuple[int, int]] = set()
    years: list[int] = []
    yearless_past: list[int] = []
    past_years: list[tuple[int, int]] = []  # (year, position) of bare years in a past-tense clause, not span ends
    yearless_at: list[tuple[int, int]] = []  # (month, position) of the yearless past-tense dates
    weekday_dates: list[tuple[int, int, int]] = []  # (month, day, weekday) of yearless days that name their weekday
    atoms = scan(text, lang)
    local = local_anchors(text, atoms, paragraph=False)  # the story's year is no evidence of the writing's
    for k, atom in enumerate(atoms):
        spec = atom.spec
        whole = spec[0] == "date"
        if spec[0] == "span":
            spec = ("date", spec[2])
        if spec[0] != "date" or atom.role in _FUTURE_ROLES:
            continue
        y, m, d = spec[1]
        if y is None and "\n" in text and in_dateline(text, atom.start):
            continue  # a yearless dateline (« ADDIS-ABEBA, 15 janvier – ») is the writing day `infer_publication` reads
        tense = tense_at(text, atom.start, pat)
        if tense == "future":
            continue
        if y is None:
            # a yearless day next to a full date of its sentence belongs to that date's year, not the writing's;
            # a later month told just after a full date of its paragraph is dated by it (« Le 6 janvier 2024, …
            # En avril, … »): the episode told, which may be older than the writing's news
            story = _story_date(text, atom, atoms) if m is not None and tense == "past" and k not in local else None
            wd = _weekday_named(text[atom.start:atom.end], pat) if d is not None else None
            if story is not None and m >= story[1]:
                dated.append((story[0], m))
                told.add((story[0], m))
            elif wd is not None and tense == "past" and k not in local:
                weekday_dates.append((m, d, wd))
            elif m is not None and tense == "past" and k not in local:
                yearless_past.append(m)
                yearless_at.append((m, atom.start))
        elif m is not None:
            dated.append((y, m))
        else:
            years.append(y)
            if whole and tense == "past" and atom.role != "start":
                # « à partir de 2025 » in a past clause is often what was announced for later, and « depuis
                # 2016 » says nothing of the months told after it
                past_years.append((y, atom.start))
    bound = max([yy for yy, _ in dated] + years, default=None)
    for m, d, wd in weekday_dates:
        # "Thursday, 9 January" with no year: the first year from the latest one mentioned where 9 January is a
        # Thursday (a day and its weekday meet again only after 5, 6 or 11 years)
        year = first_year_with_weekday(bound, m, d, wd) if bound is not None else None
        if year is not None:
            dated.append((year, m))
            told.add((year, m))
            by_weekday.add((year, m))
    bare, bare_at = max(past_years, default=(0, 0))
    after = [mm for mm, at in yearless_at if at > bare_at]
    if dated and bare > max(dated)[0] and after:
        # "in September 2023 … the peacekeepers left in 2024. In February, …": news style names past years only,
        # so past-tense months without a year told after a later bare year come the year after it
        return iso((bare + 1, max(after), None))
    if dated:
        y, m = max(dated)
        if (y, m) in by_weekday:
            # a weekday's day is a known recent one: the months told without a year lie around it
            return iso(max([(y, m)] + [_nearest(y, m, mm) for mm in yearless_past]) + (None,))
        # a month told without a year again is the same month when that one's year was only the story's too
        later = [mm for mm in yearless_past if mm > m or (mm == m and (y, m) in told)]
        if later:
            return iso(max((y, max(later)), _across_new_year(y, m, [mm for mm, _ in sorted(yearless_at,
                                                                                            key=lambda p: p[1])]))
                       + (None,))
        if yearless_past:
            # news style gives the year of past years' dates only: past-tense dates without a year that cannot
            # follow the latest dated mention in its own year happened the year after (« en septembre 2024 … le
            # 13 juin » written in 2025)
            return iso((y + 1, max(yearless_past), None))
        return iso((y, m, None))
    if years:
        return str(max(years))
    return None


_STORY_REACH = 300
_PROSE = re.compile(r"[.!?]\s+[A-ZÀ-Ý]")  # two sentences: prose, not a title or a dateline


def in_dateline(text: str, start: int) -> bool:
    """Position `start` lies in the document's dateline: a short line among its first three (« Note d'analyse – 4
    décembre 2024 »), or the head of an agency's « KIEV, 1er janvier (AFP) – » opening."""
    line_start = text.rfind("\n", 0, start) + 1
    if text.count("\n", 0, line_start) >= 3:
        return False
    line_end = text.find("\n", start)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    return len(line) < 120 and not _PROSE.search(line) or (_agency_head(line) and start - line_start < 40)


def _agency_head(line: str) -> bool:
    """The line opens on a place in capitals and a comma (« CHIȘINĂU, vendredi 3 janvier — »)."""
    comma = line.find(", ")
    return 0 < comma <= 40 and line[:comma].isupper()


def _nearest(y: int, m: int, month: int) -> tuple[int, int]:
    """(year, month) of `month`'s occurrence nearest to (y, m), the earlier one on a tie."""
    return min(((y + k, month) for k in (-1, 0, 1)), key=lambda p: abs((p[0] - y) * 12 + p[1] - m))


def _weekday_named(span: str, pat) -> int | None:
    """The weekday a date's text opens on (« vendredi 3 janvier », "Thursday, 9 January"), if any."""
    first = re.match(r"\w+", span)
    if not first:
        return None
    word = first.group(0).lower()
    return next((wd for name, wd in pat.lex.weekdays.items() if name.lower() == word), None)


def first_year_with_weekday(year: int, month: int, day: int, weekday: int) -> int | None:
    """The first year from `year` (within seven) in which that day of that month falls on `weekday` (Monday = 0)."""
    for y in range(year, year + 7):
        try:
            if datetime.date(y, month, day).weekday() == weekday:
                return y
        except ValueError:  # 29 February of a common year
            continue
    return None


def _story_date(text: str, atom, atoms) -> tuple[int, int] | None:
    """(year, month) of the nearest full date stated shortly before `atom` in its paragraph, if any."""
    para = text.rfind("\n", 0, atom.start) + 1
    lo = max(para, atom.start - _STORY_REACH)
    best = None
    for other in atoms:
        if other is atom or other.start < lo or other.end > atom.start:
            continue
        spec = other.spec if other.spec[0] == "date" else ("date", other.spec[2]) if other.spec[0] == "span" else None
        if spec is not None and spec[1][0] is not None and spec[1][1] is not None:
            best = (spec[1][0], spec[1][1])
    return best


def _across_new_year(y: int, m: int, months: list[int]) -> tuple[int, int]:
    """Latest (year, month) reached by past-tense months without a year read in text order from the latest dated
    mention: a fall of more than half a year (« 28 novembre … 27 décembre … 6 janvier ») crosses into the next year,
    a rise of as much steps back into the previous one."""
    best, last = (y, m), m
    for mm in months:
        if last - mm > 6:
            y += 1
        elif mm - last > 6:
            y -= 1
        last = mm
        best = max(best, (y, mm))
    return best
