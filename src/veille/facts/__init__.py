"""Facts: dated, cited relations and events between the actors a document mentions (see `extract`)."""

from veille.facts.anaphora import main_actor
from veille.facts.extract import extract_facts

__all__ = ["extract_facts", "main_actor"]
