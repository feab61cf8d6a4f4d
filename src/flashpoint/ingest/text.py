"""Documents from plain text and markdown, including re-posted articles with embedded posts.

The "seed format" is a re-posted web article saved as markdown-ish text: a headline, a byline
("By [Name](#)"), an "Outlet, Month D, YYYY" line, taxonomy lines, the body with `[text](#)` link
artefacts and emphasis, quoted posts each followed by a signature line ("— Name (@handle) [date](#)"),
and site chrome at the end. The reader keeps the body and turns the rest into metadata.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from flashpoint.ingest.chrome import TAXONOMY, is_chrome
from flashpoint.ingest.dates import parse_date
from flashpoint.ingest.document import make_document
from flashpoint.ingest.embedded import SIGNATURE, Paragraph, assemble, post_from_signature
from flashpoint.ingest.frontmatter import split_front_matter
from flashpoint.ingest.markdown import has_markdown, strip_inline
from flashpoint.records import Document

__all__ = ["read_markdown"]

_HEADER_LINES = 10  # metadata lines (byline, dateline) are looked for this far into the text only
_BODY_WORDS = 25  # a line this long is body text: the header is over

_BYLINE = re.compile(r"^(?:by|written by|author:)\s+(?P<name>.{2,120})$", re.IGNORECASE)
# Spaces around the separator are bounded: lines are space-collapsed, and an unbounded `\s*` after a
# lazy outlet retries the whole run of spaces for each outlet length.
_DATELINE = re.compile(r"^(?P<outlet>[^,|–—]{2,60}?)\s{0,3}(?:,|\||–|—)\s{0,3}(?P<date>.{6,40})$")
_ORIGIN = re.compile(
    r"^(?:the original source of this article is|this article was (?:originally|first) published"
    r"(?: on| by| at| in)?|originally published (?:on|by|at|in))\s+(?P<origin>.+?)\.?$",
    re.IGNORECASE,
)
_MID_SENTENCE_END = re.compile(r"[\w,]$")
_LOWER_START = re.compile(r"^[a-z]")
_ONLY_LINKS = re.compile(r"^\s*(?:!?\[[^\]]*\]\([^)]*\)[\s,;|·•/-]*)+$")


@dataclass(slots=True)
class _Header:
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    published: dt.date | None = None
    origin: str | None = None
    metadata_found: bool = False
    dropped: set[int] = field(default_factory=set)  # indexes of header lines that are not body


def read_markdown(text: str, *, format: str = "auto", source: str | None = None) -> Document:
    """Return the Document for a plain-text or markdown article: cleaned body, metadata, embedded posts.

    `format` "auto" labels the Document "markdown" when the text carries markdown syntax, else "text".
    """
    if format == "auto":
        format = "markdown" if has_markdown(text) else "text"
    meta, text = split_front_matter(text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = text.split("\n")
    header = _read_header(lines)
    paragraphs = _join_broken_paragraphs(_body_paragraphs(lines, header))
    body, posts = assemble(paragraphs)
    return make_document(
        body,
        format=format,
        title=_meta_text(meta, "title") or header.title,
        author=_meta_text(meta, "author", "authors") or header.author,
        publisher=_meta_text(meta, "publisher", "outlet", "source", "site") or header.publisher,
        published=_meta_date(meta) or header.published,
        url=_meta_text(meta, "url", "link", "canonical"),
        source=source,
        origin=_meta_text(meta, "origin") or header.origin,
        posts=posts,
    )


def _meta_text(meta: dict[str, Any], *keys: str) -> str | None:
    for key in keys:
        value = meta.get(key)
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            return ", ".join(value)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _meta_date(meta: dict[str, Any]) -> dt.date | None:
    for key in ("published", "date", "pubdate"):
        published = parse_date(meta.get(key))
        if published is not None:
            return published
    return None


def _read_header(lines: list[str]) -> _Header:
    header = _Header()
    seen = 0
    title_index: int | None = None
    for index, raw in enumerate(lines):
        if not raw.strip():
            continue
        seen += 1
        plain = strip_inline(raw)
        if seen > _HEADER_LINES or len(plain.split()) >= _BODY_WORDS:
            break
        if title_index is None and seen == 1:
            if _looks_like_headline(plain):
                header.title = plain
                title_index = index
                if raw.lstrip().startswith("#"):
                    header.metadata_found = True
            continue
        if _ONLY_LINKS.match(raw):
            header.dropped.add(index)  # the author or section repeated as a bare link
        elif (byline := _BYLINE.match(plain)) and header.author is None:
            header.author = byline.group("name").strip()
            header.dropped.add(index)
        elif (dateline := _DATELINE.match(plain)) and header.published is None:
            published = parse_date(dateline.group("date"))
            if published is None:
                continue
            header.publisher = dateline.group("outlet").strip()
            header.published = published
            header.dropped.add(index)
        elif header.published is None and len(plain) <= 40 and (published := parse_date(plain)):
            header.published = published
            header.dropped.add(index)
        elif TAXONOMY.match(plain):
            header.dropped.add(index)
    if header.dropped:
        header.metadata_found = True
    if title_index is not None and header.metadata_found:
        header.dropped.add(title_index)  # a headline with a byline is metadata, not body
    return header


def _looks_like_headline(plain: str) -> bool:
    words = plain.split()
    return 0 < len(words) <= 20 and len(plain) <= 200 and not plain.endswith((".", ",", ";", ":"))


def _body_paragraphs(lines: list[str], header: _Header) -> list[Paragraph]:
    """Return the body's paragraphs: chrome, taxonomy and signature lines dropped, posts marked."""
    paragraphs: list[Paragraph] = []
    current: list[str] = []

    def close() -> None:
        if current:
            paragraphs.append(Paragraph(list(current)))
            current.clear()

    for index, raw in enumerate(lines):
        if not raw.strip():
            close()
            continue
        if index in header.dropped:
            continue
        signature = SIGNATURE.match(raw)
        if signature:
            close()
            if paragraphs and paragraphs[-1].post is None:
                paragraphs[-1].post = post_from_signature(signature)
            continue
        plain = strip_inline(raw)
        origin = _ORIGIN.match(plain)
        if origin:
            header.origin = header.origin or origin.group("origin").strip()
            continue
        if _ONLY_LINKS.match(raw) or is_chrome(plain):
            continue
        current.append(plain)
    close()
    return paragraphs


def _join_broken_paragraphs(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Return paragraphs with scraping breaks mended: a paragraph that stops mid-sentence (no closing
    punctuation) and a next one that starts in lower case are one paragraph."""
    joined: list[Paragraph] = []
    for paragraph in paragraphs:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.post is None
            and paragraph.post is None
            and _MID_SENTENCE_END.search(previous.lines[-1])
            and _LOWER_START.match(paragraph.lines[0])
        ):
            previous.lines.extend(paragraph.lines)
            continue
        joined.append(paragraph)
    return joined
