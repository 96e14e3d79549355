"""The per-document stages, chained: language, publication-date anchor, parse, linking, time, facts.

`analyze_many` is a pure function of its documents (models are per-process caches), so the very same code runs
in `veille ingest` (in-process or in a multiprocessing pool) and inside Spark's `mapPartitions`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from veille.ingest import Rejected, detect_lang
from veille.model import Analysis, Document
from veille.nlp import get_nlp, normalise_for_nlp


def prepare(doc: Document) -> Document:
    """Language and date anchor: detected or inferred when the metadata does not give them."""
    lang = doc.lang if doc.lang in ("fr", "en") else detect_lang(doc.text)
    inferred = doc.published_inferred
    if not doc.published and not inferred:
        from veille.time import infer_publication

        inferred = infer_publication(doc.text, lang)
    return replace(doc, lang=lang, published_inferred=None if doc.published else inferred)


def _analyze_parsed(doc: Document, sdoc) -> Analysis:
    from veille.link.linker import get_linker
    from veille.time import extract as extract_timexes

    mentions, entities = get_linker().link(doc, sdoc)
    timexes = extract_timexes(doc.text, doc.lang, doc.anchor, anchor_inferred=not doc.published)
    analysis = Analysis(doc=doc, mentions=mentions, entities=entities, timexes=timexes,
                        sentences=[(s.start_char, s.end_char) for s in sdoc.sents])
    try:
        from veille.facts import extract_facts
    except ImportError:  # facts stage not installed in this build
        return analysis
    # facts read the outermost names only: « Conseil de sécurité des Nations unies » is one argument
    outer = replace(analysis, mentions=[m for m in mentions if m.label != "NESTED"])
    analysis.facts = extract_facts(outer, sdoc)
    return analysis


def analyze(doc: Document) -> Analysis:
    """All per-document stages for one document."""
    doc = prepare(doc)
    return _analyze_parsed(doc, get_nlp(doc.lang)(normalise_for_nlp(doc.text)))


def analyze_many(docs: Iterable[Document], batch_size: int = 16) -> Iterator[Analysis | Rejected]:
    """All per-document stages for a stream of documents, parsed in batches (order kept); a document whose
    analysis fails comes back as `Rejected` with the reason."""
    batch: list[Document] = []

    def flush() -> Iterator[Analysis | Rejected]:
        by_lang: dict[str, list[int]] = {}
        for i, d in enumerate(batch):
            by_lang.setdefault(d.lang, []).append(i)
        results: dict[int, Analysis | Rejected] = {}
        for lang, idx in by_lang.items():
            nlp = get_nlp(lang)
            try:
                sdocs = list(nlp.pipe((normalise_for_nlp(batch[i].text) for i in idx), batch_size=batch_size))
            except Exception:  # noqa: BLE001 - parse one by one to find the document that fails
                sdocs = [None] * len(idx)
            for i, sdoc in zip(idx, sdocs, strict=False):
                try:
                    results[i] = _analyze_parsed(batch[i], sdoc if sdoc is not None else
                                                 nlp(normalise_for_nlp(batch[i].text)))
                except Exception as exc:  # noqa: BLE001 - one bad document must not stop the batch
                    results[i] = Rejected(batch[i].name, f"analysis failed: {type(exc).__name__}: {exc}")
        for i in range(len(batch)):
            yield results[i]
        batch.clear()

    for doc in docs:
        batch.append(prepare(doc))
        if len(batch) >= batch_size:
            yield from flush()
    if batch:
        yield from flush()
