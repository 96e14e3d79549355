"""The one place that loads spaCy and runs it (sentences, tokens, dependency parse, NER)."""

from veille.nlp.pipeline import (
    MODEL_NAMES,
    doc_text,
    get_nlp,
    normalise_for_nlp,
    parse,
    parse_many,
    sentence_end,
    sentence_start,
)

__all__ = ["MODEL_NAMES", "doc_text", "get_nlp", "normalise_for_nlp", "parse", "parse_many", "sentence_end", "sentence_start"]
