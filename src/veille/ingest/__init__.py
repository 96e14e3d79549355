"""Reading documents: files and JSONL records → `Document`, language id, boilerplate removal."""

from veille.ingest.lang import detect_lang
from veille.ingest.reader import Rejected, read_paths

__all__ = ["Rejected", "detect_lang", "read_paths"]
