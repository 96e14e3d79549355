"""A yearless date's year from its own sentence: « devenu membre le 4 avril 2023, après la ratification … le
27 mars » puts the 27th of March in 2023, not in the year of writing."""

from __future__ import annotations

import re

from veille.time.resolve import fill_year

SENTENCE_END = re.compile(r"[.!?]\s|\n")


def yearless_day(atom) -> bool:
    """A day (or a day range, « du 7 au 8 août ») with a month and no year."""
    spec = atom.spec
    if atom.to is not None or atom.direction:
        return False
    if spec[0] == "span":
        return all(p[0] is None and p[1] is not None and p[2] is not None for p in spec[1:3])
    return spec[0] == "date" and spec[1][0] is None and spec[1][1] is not None


def sentence_anchor(text: str, atom, atoms) -> tuple | None:
    """The nearest full date (year and month) stated before the yearless `atom` in its own sentence, if any (a reader
    carries the year just given forward; a full date later in the sentence may date another, earlier event)."""
    if not yearless_day(atom):
        return None
    lo = max((m.end() for m in SENTENCE_END.finditer(text, max(0, atom.start - 300), atom.start)), default=0)
    found = _nearest_full_date(text, atom, atoms, lo, 120)
    if found is not None and abs(found[1] - atom.spec[1][1]) > 6:
        return None  # "a charter signed in January 2009, on 30 November": another event's date, not this one's year
    return found


def paragraph_anchor(text: str, atom, atoms, writing: tuple | None = None) -> tuple | None:
    """The full date of the previous sentence of the paragraph, for a yearless day of a story told in the past
    ("The war of August 2008 … ended with a ceasefire. On 26 August Moscow recognised …"): a reader keeps the year
    of the episode being told. Only when the day comes after that date in its year; a day of a later month than the
    writing's would otherwise be moved a year back."""
    if not yearless_day(atom) or atom.spec[1][2] is None:
        return None
    if writing is not None and writing[1] is not None and (writing[1] - atom.spec[1][1]) % 12 <= 3:
        return None  # a day of the last weeks before the writing is news of the day, whatever the story told
    para = text.rfind("\n", 0, atom.start) + 1
    ends = [m.end() for m in SENTENCE_END.finditer(text, max(para, atom.start - 500), atom.start)]
    if not ends:
        return None
    lo = ends[-2] if len(ends) >= 2 else max(para, atom.start - 500)
    found = _nearest_full_date(text, atom, atoms, lo, 500)
    month, day = atom.spec[1][1], atom.spec[1][2]
    if found is None or (found[1], found[2] or 0) > (month, day):
        return None
    return found


def _nearest_full_date(text: str, atom, atoms, lo: int, reach: int) -> tuple | None:
    best = None
    for other in atoms:
        if other is atom or other.start < lo or other.end > atom.start or other.spec[0] != "date" or \
                other.role not in (None, "point", "det"):
            continue  # « depuis le 28 février 2022 » opens a period: it says nothing of a later day's year
        if abs(other.start - atom.start) > reach or ";" in text[min(other.end, atom.end):max(other.start, atom.start)]:
            continue
        p = other.spec[1]
        if p[0] is None or p[1] is None or other.to is not None:
            continue
        dist = abs(other.start - atom.start)
        if best is None or dist < best[0]:
            best = (dist, p)
    return best[1] if best else None


# « en décembre de la même année », "in December of that year": the year is the one the text gave last
SAME_YEAR = re.compile(r"\s*,?\s*(?:de (?:la|cette) même année|de cette année-là|of (?:that|the) same year|of that year"
                       r"|that (?:same )?year)\b", re.IGNORECASE)


def same_year_anchor(text: str, atom, atoms) -> tuple | None:
    """The year of the latest date before a yearless month or day followed by « de la même année »."""
    spec = atom.spec
    if spec[0] != "date" or spec[1][0] is not None or spec[1][1] is None or atom.to is not None or \
            not SAME_YEAR.match(text, atom.end):
        return None
    years = [o.spec[1][0] for o in atoms if o.end <= atom.start and atom.start - o.start <= 1500
             and o.spec[0] == "date" and o.spec[1][0] is not None]
    return (years[-1], None, None) if years else None


def local_anchors(text: str, atoms, writing: tuple | None = None, paragraph: bool = True) -> dict[int, tuple]:
    """Index of each yearless atom whose year its sentence gives -> the full date to resolve it against: the full
    date before it (`sentence_anchor`), or the yearless day just resolved before it in the same sentence
    (« … le 27 mars et par la Grande Assemblée nationale turque le 30 mars »)."""
    out: dict[int, tuple] = {}
    chained: tuple[int, tuple] | None = None  # (end, full date) of the last day resolved by its sentence
    for k, atom in enumerate(atoms):
        anchor = same_year_anchor(text, atom, atoms) or sentence_anchor(text, atom, atoms)
        if anchor is None and chained is not None and yearless_day(atom) and atom.start - chained[0] <= 120 \
                and not SENTENCE_END.search(text, chained[0], atom.start):
            anchor = chained[1]
        if anchor is None and paragraph:
            anchor = paragraph_anchor(text, atom, atoms, writing)
        if anchor is None:
            continue
        out[k] = anchor
        p = atom.spec[1]
        if p[2] is not None:  # a day: the next yearless day of the sentence follows it
            chained = (atom.end, fill_year(p, anchor, None))
    return out
