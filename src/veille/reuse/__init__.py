"""Text reuse: passages copied between documents, aligned with tight edges and their likely original.

`align_pair` compares two texts, `find_reuse` a whole corpus (sub-quadratic, multi-process), and
`veille.reuse.incremental` keeps the store's passages up to date one ingested document at a time.
"""

from veille.reuse.engine import align_pair, find_reuse
from veille.reuse.passage import Passage, likely_source

__all__ = ["Passage", "align_pair", "find_reuse", "likely_source"]
