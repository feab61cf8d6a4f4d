"""Documents built the one way every reader builds them: id and hash from the cleaned text."""

from __future__ import annotations

import datetime as dt

from flashpoint.records import Document, Post, content_hash

__all__ = ["make_document"]


def make_document(
    text: str,
    *,
    format: str,
    doc_id: str | None = None,
    title: str | None = None,
    author: str | None = None,
    publisher: str | None = None,
    published: dt.date | None = None,
    url: str | None = None,
    source: str | None = None,
    origin: str | None = None,
    posts: tuple[Post, ...] = (),
) -> Document:
    """Return a Document for cleaned `text`; without `doc_id` the id is "doc_" + 16 hex of its hash.

    The same text always gets the same id, so reading an input twice is idempotent.
    """
    digest = content_hash(text)
    return Document(
        id=doc_id or f"doc_{digest[:16]}",
        text=text,
        title=_blank_to_none(title),
        author=_blank_to_none(author),
        publisher=_blank_to_none(publisher),
        published=published,
        url=_blank_to_none(url),
        source=source,
        origin=_blank_to_none(origin),
        format=format,
        posts=posts,
        hash=digest,
    )


def _blank_to_none(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None
