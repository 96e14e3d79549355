"""Surface-form normalisation shared by the KB index and its callers.

`normalize` turns a mention into the form used as a lookup key: NFKC, one apostrophe, one hyphen, single
spaces, no quotation marks, leading French/English articles stripped, case folded unless the text is an
acronym. `fold` additionally removes diacritics, so "Etats-Unis", "Erdogan" or "Tbilissi" written without
accents still find their actor.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = str.maketrans({c: "'" for c in "’‘ʼ`´′ʹ"})
_HYPHENS = str.maketrans({c: "-" for c in "‐‑‒–—―−"})
_QUOTES = re.compile(r"[«»“”„\"‹›]")
_SPACES = re.compile(r"\s+")
_SPACE_AROUND_HYPHEN = re.compile(r"\s*-\s*")
# Articles and partitive/possessive determiners that precede a name in running text.
_LEADING = re.compile(r"^(?:(?:l'|d'|le |la |les |de |du |des |the )\s*)+", re.IGNORECASE)
_ACRONYM = re.compile(r"^[A-Z0-9][A-Z0-9&+.\-]{1,7}$")
_DOTTED = re.compile(r"(?<![\w.])((?:[A-Z]\.){1,3}[A-Z])\.?(?![\w.])")  # "U.S.", "E.U", "U.K." → US, EU, UK


def is_acronym(text: str) -> bool:
    """True for all-capital short tokens such as OTAN, PfP-like forms excluded, G7, OPEC+, EU."""
    core = text.replace(".", "")
    letters = [c for c in core if c.isalpha()]
    return bool(_ACRONYM.match(text)) and 2 <= len(core) <= 7 and len(letters) >= 1 and all(c.isupper() for c in letters)


def clean(text: str) -> str:
    """NFKC, unified apostrophes/hyphens/spaces, no quotation marks; case and articles kept."""
    s = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).translate(_HYPHENS)
    s = _QUOTES.sub(" ", s)
    s = _SPACES.sub(" ", s).strip()
    s = _SPACE_AROUND_HYPHEN.sub("-", s) if " - " not in s else s
    if "." in s:
        s = _DOTTED.sub(lambda m: m.group(1).replace(".", ""), s)
    return s


@lru_cache(maxsize=1 << 16)
def normalize(text: str) -> str:
    """Lookup form of a surface string (see module docstring)."""
    s = clean(text)
    stripped = _LEADING.sub("", s).strip()
    if stripped:
        s = stripped
    if is_acronym(s):
        return s
    return s.casefold()


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if unicodedata.category(c) != "Mn"))


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """`normalize` without diacritics: the key the KB index uses."""
    return strip_accents(normalize(text)).replace("ı", "i")
