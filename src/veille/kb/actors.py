"""The `Actor` record and date helpers used by the knowledge base."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

TYPES = ("country", "organization", "programme", "operation", "person", "place", "company", "agreement", "event",
         "other")
# nouns that introduce a company (« le groupe russe », "the state nuclear corporation", "the Chinese groups"): a regex
# alternation, plurals included, for the linker's typing and the facts' home-country rules
_COMPANY_WORDS = ("company", "firm", "group", "giant", "operator", "producer", "supplier", "utility", "trader",
                  "monopoly", "corporation", "conglomerate", "manufacturer", "maker", "contractor", "compagnie",
                  "société", "groupe", "géant", "opérateur", "entreprise", "producteur", "fournisseur", "fabricant",
                  "constructeur", "monopole", "énergéticien", "broadcaster", "airline", "refiner", "shipbuilder",
                  "newspaper", "lender", "insurer", "radiodiffuseur", "raffineur",
                  "quotidien", "assureur", "chantier naval")
COMPANY_NOUNS = "companies|utilities|monopolies|" + "|".join(f"{w}s?" for w in _COMPANY_WORDS)

# Words that make a named body one of a state's institutions (its ministries, armed services, assemblies, courts,
# security bodies): "the Royal Australian Navy", « la marine tunisienne », "Venezuela's defence ministry" is a part of
# that state, where a company or an armed group named with a demonym is only located there.
STATE_BODY_WORDS = ("ministry", "ministries", "department", "army", "navy", "air force", "armed forces", "defence force",
                    "defense force", "defence forces", "defense forces", "self-defense forces", "self-defence forces",
                    "coast guard", "border guard", "border guards", "border service", "police", "gendarmerie",
                    "parliament", "assembly", "senate", "congress", "government", "cabinet", "security council",
                    "national security council", "security committee", "committee", "court", "command", "fleet",
                    "marine corps", "marines", "security service", "intelligence service", "intelligence agency",
                    "treasury", "presidency", "chiefs of staff", "general staff", "civil protection", "central bank",
                    "national guard", "electoral council", "election commission", "electoral commission",
                    "ministère", "ministères", "armée", "armées", "marine", "forces armées", "force aérienne",
                    "armée de l'air", "garde-côtes", "gardes-côtes", "garde côtière", "gardes-frontières",
                    "garde-frontières", "police", "gendarmerie", "parlement", "assemblée", "sénat", "congrès",
                    "gouvernement", "conseil de sécurité", "conseil suprême", "comité", "cour", "commandement",
                    "flotte", "service de sécurité", "services de renseignement", "service de renseignement",
                    "trésor", "présidence", "état-major", "protection civile", "banque centrale", "garde nationale",
                    "commission électorale", "conseil électoral", "forces de sécurité", "forces de défense")
STATE_BODY = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in sorted(STATE_BODY_WORDS, key=len, reverse=True))
                        + r")(?![\w-])", re.IGNORECASE)


@dataclass
class Actor:
    """One curated actor. Names are per language ("en", "fr"); `offices` only for people."""

    id: str
    type: str
    name_en: str
    name_fr: str
    names: dict[str, list[str]] = field(default_factory=dict)
    acronyms: dict[str, list[str]] = field(default_factory=dict)
    demonyms: dict[str, list[str]] = field(default_factory=dict)
    capitals: dict[str, list[str]] = field(default_factory=dict)
    part_of: str | None = None
    country: str | None = None
    qid: str | None = None
    offices: list[dict[str, Any]] = field(default_factory=list)
    periphrases: dict[str, list[str]] = field(default_factory=dict)
    iso: str | None = None
    note: str | None = None
    generic: dict[str, list[str]] = field(default_factory=dict)  # "ministère de la Défense": only with country
    kind: str | None = None  # "region": a place that is a part of its country (Abkhazia), not a site in it

    @property
    def name(self) -> str:
        return self.name_en

    def label(self, lang: str) -> str:
        return self.name_fr if lang == "fr" else self.name_en

    @classmethod
    def from_record(cls, rec: dict[str, Any]) -> Actor:
        rid = rec["id"]
        qid = rec.get("qid") or (rid if rid.startswith("Q") and rid[1:].isdigit() else None)
        return cls(
            id=rid, type=rec["type"], name_en=rec.get("en") or "", name_fr=rec.get("fr") or "",
            names=rec.get("names") or {}, acronyms=rec.get("acronyms") or {}, demonyms=rec.get("demonyms") or {},
            capitals=rec.get("capitals") or {}, part_of=rec.get("part_of"), country=rec.get("country"), qid=qid,
            offices=rec.get("offices") or [], periphrases=rec.get("periphrases") or {}, iso=rec.get("iso"),
            note=rec.get("note"), generic=rec.get("generic") or {}, kind=rec.get("kind"),
        )


def date_bounds(value: str | None, *, open_end: bool = False) -> tuple[date, date]:
    """First and last day covered by an ISO date of any precision (YYYY, YYYY-MM, YYYY-MM-DD).

    None is unbounded: (date.min, date.max) when `open_end`, otherwise today.
    """
    if not value:
        if open_end:
            return date.min, date.max
        today = date.today()
        return today, today
    parts = [int(p) for p in value[:10].split("-") if p]
    year = parts[0]
    if len(parts) == 1:
        return date(year, 1, 1), date(year, 12, 31)
    month = parts[1]
    if len(parts) == 2:
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    d = date(year, month, parts[2])
    return d, d


def overlap_days(a: tuple[date, date], b: tuple[date, date]) -> int:
    """Days shared by two closed intervals (negative when disjoint)."""
    start, end = max(a[0], b[0]), min(a[1], b[1])
    return (end - start).days + 1
