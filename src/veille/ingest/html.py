"""HTML page → Document: main text without boilerplate (menus, cookie banners, footers), title and date.

trafilatura does the extraction; broken HTML still gives whatever text it holds. When trafilatura finds no main
content (a tiny page), the visible text of the body is used instead so nothing readable is lost.
"""

from __future__ import annotations

import html as htmllib
import re

from veille.model import Document

_TAG_RE = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]+>", re.S | re.I)
_TITLE_RE = re.compile(r"<title[^>]*>(.*?)</title\s*>", re.S | re.I)


def _fallback_text(markup: str) -> str:
    text = htmllib.unescape(_TAG_RE.sub("\n", markup))
    lines = [re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in text.splitlines()]
    return "\n".join(line for line in lines if line)


def html_to_document(name: str, markup: str, source: str = "") -> Document | None:
    """The page's main text with its title and publication date, or None when it holds no text."""
    import trafilatura  # imported here: it costs ~0.4 s and most commands never read HTML

    extracted = None
    try:
        extracted = trafilatura.bare_extraction(
            markup, with_metadata=True, favor_recall=True, include_comments=False, include_tables=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception:  # noqa: BLE001 - trafilatura raises assorted lxml errors on broken markup
        extracted = None
    text = getattr(extracted, "text", None) if extracted is not None else None
    title = getattr(extracted, "title", None) if extracted is not None else None
    date = getattr(extracted, "date", None) if extracted is not None else None
    if not text or not text.strip():
        text = _fallback_text(markup)
        m = _TITLE_RE.search(markup)
        title = title or (htmllib.unescape(m.group(1)).strip() if m else None)
    if not text.strip():
        return None
    from veille.ingest.reader import normalise_date

    return Document(name=name, text=text, title=title or None, published=normalise_date(date), source=source)
