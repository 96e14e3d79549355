"""Plain data records passed between veille's stages.

Every per-document stage takes a `Document` and returns plain records (mentions, time expressions, facts),
so the same code runs in-process, in a multiprocessing pool and inside a Spark executor. Records are
dataclasses with only JSON-friendly fields so they pickle and serialise without surprises.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

ENTITY_TYPES = (
    "country", "organization", "programme", "operation", "person", "place", "company", "agreement", "event", "other",
)

RELATIONS = (
    "member_of", "observer_of", "participates_in", "contributes_to", "partner_of", "cooperates_with",
    "agreement_with", "mediates", "supports", "opposes", "threatens", "attacks", "sanctions", "supplies",
    "leader_of", "part_of", "located_in", "succeeded_by", "proposes", "meets", "other",
)


@dataclass
class Document:
    """One ingested text. `name` is the file's basename or the JSONL record's id."""

    name: str
    text: str
    lang: str = ""  # "fr" or "en"; empty until detected
    published: str | None = None  # ISO date from metadata or --published
    published_inferred: str | None = None  # ISO date guessed from the text when `published` is None
    source: str = ""  # path or URL it came from
    title: str | None = None
    url: str | None = None

    @property
    def anchor(self) -> str | None:
        """The date relative expressions resolve against."""
        return self.published or self.published_inferred

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Mention:
    """A span of the document text that names an actor."""

    start: int
    end: int
    text: str
    entity: str  # entity id (Wikidata QID, curated id, or a slug for unknown actors)
    type: str  # one of ENTITY_TYPES
    origin: str  # why this span links to this entity: gazetteer, acronym, demonym, capital, same_name, ner, coref…
    label: str = ""  # NER label or rule name that produced the span


@dataclass
class EntityInfo:
    """What a document tells about an entity it mentions (canonical data comes from the KB)."""

    id: str
    name: str  # canonical (English) name
    type: str
    name_fr: str | None = None
    name_en: str | None = None
    qid: str | None = None
    aliases: list[tuple[str, str]] = field(default_factory=list)  # (alias text, origin)


@dataclass
class Timex:
    """A temporal expression: its span, text and ISO value at the precision the text gives.

    `value` is a string ("1992", "2025-08", "2025-11-20") for a point, or a dict
    {"from": "1999", "to": "2008"} for an interval (None for an open end).
    """

    start: int
    end: int
    text: str
    value: str | dict[str, str | None]
    mod: str | None = None  # "start" (depuis/since/à partir de), "end" (jusqu'à/until), "approx"…
    inferred: bool = False  # resolved against an inferred anchor


@dataclass
class Fact:
    """A dated relation or event between two actors, tied to the characters that state it."""

    subject: str
    relation: str
    object: str | None
    start: str | None
    end: str | None
    doc: str
    span_start: int  # the clause or sentence stating the fact
    span_end: int
    quote: str
    confidence: float = 0.5
    plover: str | None = None
    trigger: str | None = None
    what: str | None = None  # commodity for `supplies`
    quantity: str | None = None  # "30000 t"
    subject_span: tuple[int, int] | None = None
    object_span: tuple[int, int] | None = None
    date_span: tuple[int, int] | None = None
    negated: bool = False


@dataclass
class Analysis:
    """Everything the per-document stages produce for one document."""

    doc: Document
    mentions: list[Mention] = field(default_factory=list)
    entities: dict[str, EntityInfo] = field(default_factory=dict)
    timexes: list[Timex] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
