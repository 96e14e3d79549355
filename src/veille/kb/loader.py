"""Loads the curated JSONL data into an indexed, read-only `KB`.

The index maps the accent-folded normalised form of every surface (name, acronym, demonym, capital or seat
of power, periphrasis) to the actors it names, with the language and origin of each entry. Acronyms keep
their case. Ambiguous surfaces (listed in ambiguous.jsonl) are resolved from context cue words.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from veille.kb.actors import Actor, date_bounds, overlap_days
from veille.kb.normalize import fold, is_acronym, strip_accents

DATA_DIR = Path(__file__).resolve().parent / "data"
ACTOR_FILES = ("countries.jsonl", "organizations.jsonl", "companies.jsonl", "people.jsonl", "places.jsonl")
LANGS = ("en", "fr")
ORIGINS = ("name", "acronym", "demonym", "capital", "periphrasis")
# Names of one language that are ordinary words in the other, never offered to the other language's gazetteer.
_NOT_CROSS_LANGUAGE = {"alliance", "allies", "allied", "union", "council", "conseil", "commission",
                       "organisation", "organization", "agence", "agency", "the alliance", "mission", "force"}
# Which actor type wins when a surface has several candidates and no cue decides.
_TYPE_RANK = {t: i for i, t in enumerate(("country", "organization", "programme", "operation", "agreement",
                                          "company", "person", "place", "event", "other"))}
_WORD = re.compile(r"\w[\w'-]*")


@lru_cache(maxsize=8)  # a document's ambiguous names are all read against that document's text
def _folded_words(text: str) -> str:
    """The words of `text` without accents, case-folded, space-separated and space-framed."""
    return " " + " ".join(_WORD.findall(strip_accents(text).casefold().replace("’", "'"))) + " "


@lru_cache(maxsize=4096)
def _folded_cue(cue: str) -> str:
    return f" {' '.join(_WORD.findall(strip_accents(cue).casefold()))} "


def _key(surface: str) -> str:
    return fold(surface)


def _read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.strip()
            if not line or line.startswith("//"):
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path.name}:{lineno}: {exc}") from exc


def _capitalise(word: str) -> str:
    return word[:1].upper() + word[1:]


class KB:
    """Curated actors, their surface forms, roles and ambiguity cues."""

    def __init__(self, data_dir: Path = DATA_DIR) -> None:
        self.data_dir = data_dir
        self.actors: dict[str, Actor] = {}
        self.sources: dict[str, str] = {}  # actor id -> file it came from
        self.duplicates: list[str] = []
        for fname in ACTOR_FILES:
            path = data_dir / fname
            if not path.exists():
                continue
            for rec in _read_jsonl(path):
                actor = Actor.from_record(rec)
                if actor.id in self.actors:
                    self.duplicates.append(actor.id)
                    continue
                self.actors[actor.id] = actor
                self.sources[actor.id] = fname
        self.ambiguous: dict[str, list[dict[str, Any]]] = {}
        amb_path = data_dir / "ambiguous.jsonl"
        if amb_path.exists():
            for rec in _read_jsonl(amb_path):
                self.ambiguous.setdefault(_key(rec["surface"]), []).append(rec)
        self.roles: list[dict[str, Any]] = list(_read_jsonl(data_dir / "roles.jsonl")) if (
            data_dir / "roles.jsonl").exists() else []
        self._role_index: dict[str, str] = {}
        for role in self.roles:
            self._role_index[_key(role["role"].replace("_", " "))] = role["role"]
            self._role_index[_key(role["role"])] = role["role"]
            for lang in LANGS:
                for word in role.get(lang, []):
                    self._role_index[_key(word)] = role["role"]
        self._index: dict[str, list[tuple[str, str, str]]] = {}  # key -> [(actor id, origin, lang)]
        self._acronym_lower: dict[str, str] = {}  # "nato" -> "NATO" for press styles writing "Nato"
        self._generic: dict[str, list[tuple[str, str]]] = {}  # key -> [(actor id, lang)]
        for actor in self.actors.values():
            for surface, origin, lang in self._own_forms(actor):
                self._add(surface, actor.id, origin, lang)
            for lang, forms in actor.generic.items():
                for form in forms:
                    self._generic.setdefault(_key(form), []).append((actor.id, lang))
        self._holders: dict[tuple[str, str], list[tuple[Actor, dict[str, Any]]]] = {}
        for actor in self.actors.values():
            for office in actor.offices:
                self._holders.setdefault((office["role"], office.get("of") or ""), []).append((actor, office))

    # ----------------------------------------------------------------- building
    @staticmethod
    def _own_forms(actor: Actor) -> Iterator[tuple[str, str, str]]:
        """(surface, origin, lang) of an actor as written in the data, plus the capitalised noun forms of
        French demonyms ("les Russes") and English plural nouns given in the data."""
        for lang, canonical in (("en", actor.name_en), ("fr", actor.name_fr)):
            if canonical:
                yield canonical, "name", lang
        for field_name, origin in (("names", "name"), ("acronyms", "acronym"), ("demonyms", "demonym"),
                                   ("capitals", "capital"), ("periphrases", "periphrasis")):
            per_lang: dict[str, list[str]] = getattr(actor, field_name)
            for lang, forms in per_lang.items():
                for form in forms:
                    yield form, origin, lang
                    if origin == "demonym" and lang == "fr" and form[:1].islower():
                        yield _capitalise(form), origin, lang

    def _add(self, surface: str, actor_id: str, origin: str, lang: str) -> None:
        key = _key(surface)
        if not key:
            return
        entries = self._index.setdefault(key, [])
        entry = (actor_id, origin, lang)
        if entry not in entries:
            entries.append(entry)
        if is_acronym(key) and len(key) >= 4 and key.isalpha():
            self._acronym_lower.setdefault(key.casefold(), key)

    # ----------------------------------------------------------------- queries
    def get(self, actor_id: str) -> Actor | None:
        return self.actors.get(actor_id)

    def __len__(self) -> int:
        return len(self.actors)

    def __iter__(self) -> Iterator[Actor]:
        return iter(self.actors.values())

    def lookup(self, surface: str, lang: str | None = None) -> list[tuple[Actor, str]]:
        """Actors a surface form names, with the origin of each match. Entries of `lang` come first; other
        languages' entries are used only when `lang` has none."""
        key = _key(surface)
        entries = self._index.get(key)
        if not entries and key in self._acronym_lower:
            entries = self._index.get(self._acronym_lower[key])
        if not entries:
            generic = self._generic.get(key, [])
            return [(self.actors[a], "generic") for a, lg in generic if not lang or lg == lang]
        if lang:
            own = [e for e in entries if e[2] == lang]
            entries = own or entries
        out: list[tuple[Actor, str]] = []
        seen: set[tuple[str, str]] = set()
        for actor_id, origin, _ in entries:
            if (actor_id, origin) not in seen:
                seen.add((actor_id, origin))
                out.append((self.actors[actor_id], origin))
        return out

    def surface_forms(self, lang: str) -> Iterable[tuple[str, str, str]]:
        """(surface text, actor id, origin) for a gazetteer of `lang` documents.

        Includes the language's own forms with their capitalisation and inflections, every acronym, and the
        other language's capitalised proper names (texts often quote the English name: "Nagorno-Karabakh",
        "mission Resolute Support"), but not the other language's common words.
        """
        seen: set[tuple[str, str, str]] = set()
        for actor in self.actors.values():
            for surface, origin, form_lang in self._own_forms(actor):
                if form_lang != lang:
                    if origin == "acronym":
                        pass
                    elif origin != "name" or not surface[:1].isupper() or fold(surface) in _NOT_CROSS_LANGUAGE:
                        continue
                item = (surface, actor.id, origin)
                if item not in seen:
                    seen.add(item)
                    yield item

    def national_body(self, surface: str, country_id: str, lang: str | None = None) -> Actor | None:
        """The body of `country_id` a generic name designates ("ministère de la Défense", "Foreign Ministry"),
        once the linker knows which country the text is about."""
        for actor_id, lg in self._generic.get(_key(surface), []):
            actor = self.actors[actor_id]
            if (not lang or lg == lang) and country_id in (actor.country, actor.part_of):
                return actor
        return None

    def generic_forms(self, lang: str) -> Iterable[tuple[str, str]]:
        """(generic surface, actor id) pairs of `lang`, e.g. ("ministère de la Défense", "az-mod")."""
        for actor in self.actors.values():
            for form in actor.generic.get(lang, []):
                yield form, actor.id

    # ----------------------------------------------------------------- ambiguity
    def is_ambiguous(self, surface: str) -> bool:
        return _key(surface) in self.ambiguous or len({a.id for a, _ in self.lookup(surface)}) > 1

    def disambiguate(self, surface: str, context_text: str, lang: str | None = None) -> Actor | None:
        """The actor a surface names given the surrounding text, or None when the best reading is not an
        actor of the KB (e.g. PPP = partenariat public-privé) or nothing matches."""
        context = self._context_words(context_text)
        records = [r for r in self.ambiguous.get(_key(surface), []) if not lang or r.get("lang") in (None, lang)]
        if not records:
            records = self.ambiguous.get(_key(surface), [])
        if records:
            best_id, best_score = records[0].get("default"), 0
            for rec in records:
                for reading in rec["readings"]:
                    score = sum(1 for cue in reading.get("cues", []) if self._cue_in(cue, context, context_text))
                    if score > best_score:
                        best_id, best_score = reading.get("id"), score
            return self.actors.get(best_id) if best_id else None
        candidates = self.lookup(surface, lang)
        if not candidates:
            return None
        if len({a.id for a, _ in candidates}) == 1:
            return candidates[0][0]
        def score(item: tuple[Actor, str]) -> tuple[int, int]:
            actor, _ = item
            hits = 0
            for related in (actor.country, actor.part_of):
                rel = self.actors.get(related) if related else None
                if rel and any(fold(n) in context for n in (rel.name_en, rel.name_fr)):
                    hits += 1
            return (-hits, _TYPE_RANK.get(actor.type, 99))
        return min(candidates, key=score)[0]

    @staticmethod
    def _context_words(text: str) -> str:
        return _folded_words(text)

    @staticmethod
    def _cue_in(cue: str, folded_context: str, raw_context: str) -> bool:
        if is_acronym(cue):
            return re.search(rf"(?<![\w]){re.escape(cue)}(?![\w])", raw_context) is not None
        return _folded_cue(cue) in folded_context

    # ----------------------------------------------------------------- roles and office holders
    def normalize_role(self, role: str) -> str | None:
        return self._role_index.get(_key(role))

    def role_lexicon(self, lang: str) -> dict[str, str]:
        """Surface words of roles in `lang` (lower case) -> normalised role ("foreign_minister", …)."""
        out: dict[str, str] = {}
        for role in self.roles:
            for word in role.get(lang, []):
                out[word] = role["role"]
        return out

    def officeholder(self, role: str, of_id: str, on: str | None = None) -> Actor | None:
        """Who held `role` of `of_id` at date `on` (ISO, any precision; None = today). When several terms
        overlap a coarse date (a year with a change of president) the longest overlap wins."""
        norm = self.normalize_role(role) or role
        holders = self._holders.get((norm, of_id), [])
        if not holders:
            return None
        span = date_bounds(on)
        best: tuple[int, date] | None = None
        winner: Actor | None = None
        for actor, office in holders:
            start = date_bounds(office.get("from"), open_end=True)[0]
            end = date_bounds(office.get("to"), open_end=True)[1]
            days = overlap_days(span, (start, end))
            if days <= 0:
                continue
            rank = (days, start)
            if best is None or rank > best:
                best, winner = rank, actor
        return winner

    def offices_of(self, person_id: str) -> list[dict[str, Any]]:
        actor = self.actors.get(person_id)
        return list(actor.offices) if actor else []

    # ----------------------------------------------------------------- checks
    def collisions(self) -> list[tuple[str, str, list[str]]]:
        """Surface keys of one origin naming several actors and not declared in ambiguous.jsonl."""
        out = []
        for key, entries in self._index.items():
            if key in self.ambiguous:
                continue
            by_origin: dict[str, set[str]] = {}
            for actor_id, origin, _ in entries:
                by_origin.setdefault(origin, set()).add(actor_id)
            for origin, ids in by_origin.items():
                if len(ids) > 1:
                    out.append((key, origin, sorted(ids)))
        return out


@lru_cache(maxsize=1)
def load_kb() -> KB:
    """The packaged knowledge base, loaded once per process."""
    return KB()
