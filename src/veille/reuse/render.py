"""Showing a passage and its copy with the differences marked at word level ([-removed-] {+added+})."""

from __future__ import annotations

import difflib
import re
import unicodedata

_WORD = re.compile(r"\S+")
_APOS = str.maketrans({"’": "'", "‘": "'", "‑": "-", "–": "-", "—": "-", "‐": "-"})


def _key(word: str) -> str:
    """Comparison form of a word: case, Unicode form, apostrophe/hyphen variants and edge punctuation ignored."""
    w = unicodedata.normalize("NFC", word.translate(_APOS)).casefold()
    return w.strip(".,;:!?()«»\"“”[]") or w


def word_diff(old: str, new: str) -> str:
    """`new` with the words of `old` it dropped as [-…-] and the words it added or changed as {+…+}."""
    a, b = _WORD.findall(old), _WORD.findall(new)
    sm = difflib.SequenceMatcher(None, [_key(w) for w in a], [_key(w) for w in b], autojunk=False)
    out: list[str] = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            out += b[j1:j2]
            continue
        if i2 > i1:
            out.append("[-" + " ".join(a[i1:i2]) + "-]")
        if j2 > j1:
            out.append("{+" + " ".join(b[j1:j2]) + "+}")
    return " ".join(out)


def show_passage(doc: str, doc_text: str, start: int, end: int, other: str, other_text: str, o_start: int,
                 o_end: int, score: float, source_name: str | None) -> str:
    """A printable block: both sides one after the other, then the other side's text as a diff of this one."""
    origin = f"likely original: {source_name}" if source_name else "original unknown (dates missing or equal)"
    mine, theirs = doc_text[start:end], other_text[o_start:o_end]
    return "\n".join([
        f"=== {doc} [{start}:{end}]  <->  {other} [{o_start}:{o_end}]  score {score:.2f}, {origin}",
        f"--- {doc}", mine,
        f"+++ {other}", theirs,
        "*** differences ([-only in the first-] {+only in the second+})", word_diff(mine, theirs), ""])
