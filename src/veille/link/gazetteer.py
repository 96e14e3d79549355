"""Gazetteer matching: every surface form the knowledge base knows (names, acronyms, demonyms, capitals,
periphrases, in French and English) found in a parsed document with spaCy's PhraseMatcher.

Two matchers per language: acronyms match case-sensitively on ORTH (PPP is not « ppp »), everything else on LOWER
and is then checked for case (« Alliance » the actor, not « une alliance »; « azéri » in any case).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from veille.kb import is_acronym, load_kb, normalize
from veille.nlp import get_nlp, normalise_for_nlp


@dataclass(frozen=True)
class Hit:
    start: int  # character offsets
    end: int
    text: str
    surface: str  # the KB surface form matched
    ids: tuple[tuple[str, str], ...]  # (actor id, origin) candidates


class Gazetteer:
    def __init__(self, lang: str) -> None:
        nlp = get_nlp(lang)
        kb = load_kb()
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        # match key -> {surface: [(id, origin)]}
        self.entries: dict[str, dict[str, list[tuple[str, str]]]] = {}
        seen: set[tuple[str, str, str]] = set()
        forms: dict[str, list[tuple[str, str]]] = {}
        for other in ("fr", "en"):
            for surface, actor_id, origin in kb.surface_forms(other):
                surface = normalise_for_nlp(surface.strip())
                if len(surface) < 2 or (surface, actor_id, origin) in seen:
                    continue
                seen.add((surface, actor_id, origin))
                forms.setdefault(surface, []).append((actor_id, origin))
        exact_patterns: dict[str, list[Doc]] = {}
        lower_patterns: dict[str, list[Doc]] = {}
        for surface, ids in forms.items():
            key = surface if is_acronym(surface) else surface.lower()
            self.entries.setdefault(key, {})[surface] = ids
            target = exact_patterns if is_acronym(surface) else lower_patterns
            target.setdefault(key, [])
        for key in exact_patterns:
            exact_patterns[key] = [nlp.make_doc(key)]
        for key in lower_patterns:
            lower_patterns[key] = [nlp.make_doc(s) for s in self.entries[key] if not is_acronym(s)][:4]
        for key, docs in exact_patterns.items():
            self.exact.add(key, docs)
        for key, docs in lower_patterns.items():
            self.lower.add(key, docs)

    def find(self, doc: Doc, text: str) -> list[Hit]:
        """Every KB surface form in `doc` (offsets into `text`, the original text), overlapping hits included."""
        hits: list[Hit] = []
        vocab = doc.vocab
        for matcher, exact in ((self.exact, True), (self.lower, False)):
            for match_id, s, e in matcher(doc):
                key = vocab.strings[match_id]
                span = doc[s:e]
                cs, ce = span.start_char, span.end_char
                found = text[cs:ce]
                entry = self.entries.get(key, {})
                ids: list[tuple[str, str]] = []
                surface = ""
                for surf, cands in entry.items():
                    if exact or _case_agrees(found, surf):
                        ids.extend(cands)
                        surface = surface or surf
                if ids:
                    hits.append(Hit(cs, ce, found, surface, tuple(dict.fromkeys(ids))))
        return hits


def _case_agrees(found: str, surface: str) -> bool:
    """A capitalised surface form needs a capitalised text (or an all-caps heading); lower-case forms match any
    case."""
    first_s = next((c for c in surface if c.isalpha()), "")
    first_f = next((c for c in found if c.isalpha()), "")
    if not first_s or first_s.islower():
        return True
    if found.isupper() and len(found) > 3:
        return True
    return first_f.isupper()


@lru_cache(maxsize=4)
def get_gazetteer(lang: str) -> Gazetteer:
    """The gazetteer for `lang`, built once per process."""
    return Gazetteer(lang if lang in ("fr", "en") else "fr")


__all__ = ["Gazetteer", "Hit", "get_gazetteer", "normalize"]
