"""Curated real-world knowledge of actors (countries, organisations, programmes, people, places, companies).

`load_kb()` returns the cached `KB`; see `veille.kb.loader` and `data/README.md`.
"""

from veille.kb.actors import TYPES, Actor
from veille.kb.loader import KB, load_kb
from veille.kb.normalize import fold, is_acronym, normalize

__all__ = ["KB", "TYPES", "Actor", "fold", "is_acronym", "load_kb", "normalize"]
