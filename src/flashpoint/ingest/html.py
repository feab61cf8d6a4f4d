"""Documents from HTML pages: the article body and its metadata, boilerplate removed, nothing fetched."""

from __future__ import annotations

import logging
import re
from typing import Any

import lxml.etree
import lxml.html
import trafilatura

from flashpoint.errors import IngestError
from flashpoint.ingest.chrome import is_chrome
from flashpoint.ingest.dates import parse_date
from flashpoint.ingest.document import make_document
from flashpoint.ingest.embedded import split_posts
from flashpoint.records import Document

__all__ = ["read_html"]

# Dates only from the page's metadata and markup: a date guessed from free text is worse than none.
_DATE_PARAMS: dict[str, Any] = {"extensive_search": False, "original_date": True}
_NOT_ARTICLE = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "template", "svg")
_SUFFIX_WORDS = 4
_BLANK_LINES = re.compile(r"\n\s*\n+")
_SPACES = re.compile(r"[ \t\u00a0]+")


def read_html(html: str, *, source: str | None = None, url: str | None = None) -> Document:
    """Return the Document for an HTML page: trafilatura's article text and metadata.

    Falls back to the page's visible text when trafilatura finds no article; raises IngestError when
    the page has no text at all.
    """
    origin = source or "<html>"
    if not html.strip():
        raise IngestError(origin, "empty input")
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    logging.getLogger("htmldate").setLevel(logging.ERROR)
    try:
        extracted = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params=_DATE_PARAMS,
        )
    except (ValueError, TypeError, lxml.etree.LxmlError) as exc:  # trafilatura raises on odd markup
        raise IngestError(origin, f"cannot parse HTML: {exc}") from exc
    title = _without_site_suffix(getattr(extracted, "title", None))
    text = _without_headline(_paragraphs(getattr(extracted, "text", None) or ""), title)
    if not text:
        try:
            text = _visible_text(html)
        except (ValueError, lxml.etree.LxmlError) as exc:  # lxml refuses control characters in text
            raise IngestError(origin, f"cannot parse HTML: {exc}") from exc
    text, posts = split_posts(text)
    if not text:
        raise IngestError(origin, "no article text found")
    return make_document(
        text,
        format="html",
        title=title,
        author=getattr(extracted, "author", None),
        publisher=getattr(extracted, "sitename", None),
        published=parse_date(getattr(extracted, "date", None)),
        url=getattr(extracted, "url", None) or url,
        source=source,
        posts=posts,
    )


def _paragraphs(text: str) -> str:
    """Return text with one blank line between paragraphs, as the other readers give it; chrome dropped."""
    lines = (_SPACES.sub(" ", line).strip() for line in text.replace("\r", "\n").split("\n"))
    return "\n\n".join(line for line in lines if line and not is_chrome(line))


def _without_site_suffix(title: str | None) -> str | None:
    """Return a page title without trailing " | Site | date" parts (each a few words at most)."""
    if not title or " | " not in title:
        return title
    head, *tail = title.split(" | ")
    return head if all(len(part.split()) <= _SUFFIX_WORDS for part in tail) else title


def _without_headline(text: str, title: str | None) -> str:
    """Return text without a first paragraph that repeats the title: the title is metadata, as in text."""
    first, _, rest = text.partition("\n\n")
    if title and rest and " ".join(first.split()).casefold() == " ".join(title.split()).casefold():
        return rest
    return text


def _visible_text(html: str) -> str:
    try:
        tree = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return ""
    for element in tree.iter(*_NOT_ARTICLE):
        element.drop_tree()
    blocks = tree.xpath("//p|//li|//h1|//h2|//h3|//td|//blockquote|//pre")
    texts = [block.text_content() for block in blocks] if blocks else [tree.text_content()]
    return _paragraphs(_BLANK_LINES.sub("\n", "\n".join(texts)))
