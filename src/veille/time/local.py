"""A yearless date's year from its own sentence: « devenu membre le 4 avril 2023, après la ratification … le
27 mars » puts the 27th of March in 2023, not in the year of writing."""

from __future__ import annotations

import re

from veille.time.resolve import fill_year

SENTENCE_END = re.compile(r"[.!?]\s|\n")


def yearless_day(atom) -> bool:
    spec = atom.spec
    return atom.to is None and not atom.direction and spec[0] == "date" and spec[1][0] is None and \
        spec[1][1] is not None


def sentence_anchor(text: str, atom, atoms) -> tuple | None:
    """The nearest full date (year and month) stated before the yearless `atom` in its own sentence, if any (a reader
    carries the year just given forward; a full date later in the sentence may date another, earlier event)."""
    if not yearless_day(atom):
        return None
    lo = max((m.end() for m in SENTENCE_END.finditer(text, max(0, atom.start - 300), atom.start)), default=0)
    best = None
    for other in atoms:
        if other is atom or other.start < lo or other.end > atom.start or other.spec[0] != "date" or \
                other.role not in (None, "point", "det"):
            continue  # « depuis le 28 février 2022 » opens a period: it says nothing of a later day's year
        if abs(other.start - atom.start) > 120 or ";" in text[min(other.end, atom.end):max(other.start, atom.start)]:
            continue
        p = other.spec[1]
        if p[0] is None or p[1] is None or other.to is not None:
            continue
        dist = abs(other.start - atom.start)
        if best is None or dist < best[0]:
            best = (dist, p)
    return best[1] if best else None


def local_anchors(text: str, atoms) -> dict[int, tuple]:
    """Index of each yearless atom whose year its sentence gives -> the full date to resolve it against: the full
    date before it (`sentence_anchor`), or the yearless day just resolved before it in the same sentence
    (« … le 27 mars et par la Grande Assemblée nationale turque le 30 mars »)."""
    out: dict[int, tuple] = {}
    chained: tuple[int, tuple] | None = None  # (end, full date) of the last day resolved by its sentence
    for k, atom in enumerate(atoms):
        anchor = sentence_anchor(text, atom, atoms)
        if anchor is None and chained is not None and yearless_day(atom) and atom.start - chained[0] <= 120 \
                and not SENTENCE_END.search(text, chained[0], atom.start):
            anchor = chained[1]
        if anchor is None:
            continue
        out[k] = anchor
        p = atom.spec[1]
        if p[2] is not None:  # a day: the next yearless day of the sentence follows it
            chained = (atom.end, fill_year(p, anchor, None))
    return out
