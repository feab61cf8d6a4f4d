"""Documents from JSON records: articles, or social posts that are a document of their own."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from typing import Any

from flashpoint.ingest.dates import parse_date
from flashpoint.ingest.document import make_document
from flashpoint.ingest.markdown import strip_post_artefacts
from flashpoint.records import Document, Post, Rejection

__all__ = ["read_json", "read_jsonl", "read_record"]

_TEXT_KEYS = ("text", "full_text", "body", "content", "message")
_DATE_KEYS = ("published", "time", "date", "created_at", "timestamp", "published_at")
_HANDLE_KEYS = ("handle", "screen_name", "username")
_SOURCE_KEYS = ("source", "outlet", "publisher", "site")
_SOCIAL_URL = re.compile(
    r"^https?://(?:www\.|mobile\.)?(?:twitter\.com|x\.com|t\.me|bsky\.app|mastodon\.\w+|threads\.net|"
    r"facebook\.com|instagram\.com|tiktok\.com)/",
    re.IGNORECASE,
)


def read_jsonl(text: str, *, source: str) -> Iterator[Document | Rejection]:
    """Yield one Document per JSON line, and a Rejection ("source:line") for each bad line."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Rejection(where, f"malformed JSON line ({exc.msg})")
            continue
        except RecursionError:
            yield Rejection(where, "JSON nested too deeply")
            continue
        yield _record_or_rejection(record, source=where)


def read_json(text: str, *, source: str) -> Iterator[Document | Rejection]:
    """Yield the Documents of a JSON file holding one record, a list of records, or one record a line."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" and exc.lineno > 1:  # one record per line, saved as .json
            yield from read_jsonl(text, source=source)
        else:
            yield Rejection(source, f"malformed JSON ({exc.msg} at line {exc.lineno})")
        return
    except RecursionError:
        yield Rejection(source, "JSON nested too deeply")
        return
    if isinstance(data, list):
        for number, record in enumerate(data, start=1):
            yield _record_or_rejection(record, source=f"{source}:{number}")
    else:
        yield _record_or_rejection(data, source=source)


def read_record(record: Mapping[str, Any], *, source: str) -> Document | None:
    """Return the Document for one JSON record, or None when it has no usable text.

    A record with a handle (or a social-media URL) is a post: its whole text is one Post.
    """
    text = _first_text(record, _TEXT_KEYS)
    if text is None:
        return None
    text = text.strip()
    author, handle = _author_and_handle(record)
    published = next((d for key in _DATE_KEYS if (d := parse_date(record.get(key))) is not None), None)
    url = _first_text(record, ("url", "link", "permalink"))
    is_post = handle is not None or bool(url and _SOCIAL_URL.match(url)) or record.get("type") == "post"
    if is_post:
        text = strip_post_artefacts(text) or text
    posts = (Post(0, len(text), author, handle, published, url),) if is_post else ()
    record_id = record.get("id")
    return make_document(
        text,
        format="post" if is_post else "json",
        doc_id=str(record_id).strip() if isinstance(record_id, str | int) else None,
        title=_first_text(record, ("title", "headline")),
        author=author or (f"@{handle}" if handle else None),
        publisher=_first_text(record, _SOURCE_KEYS),
        published=published,
        url=url,
        source=source,
        posts=posts,
    )


def _record_or_rejection(record: object, *, source: str) -> Document | Rejection:
    if not isinstance(record, dict):
        return Rejection(source, f"JSON record is a {type(record).__name__}, not an object")
    try:
        document = read_record(record, source=source)
        if document is not None:
            for value in (document.title, document.author, document.publisher, document.url):
                if value is not None:
                    value.encode("utf-8")
    except UnicodeEncodeError:  # "\ud800" escapes decode to lone surrogates, which no text may hold
        return Rejection(source, "JSON text is not valid Unicode (unpaired surrogate escapes)")
    if document is None:
        return Rejection(source, "JSON record has no text")
    return document


def _first_text(record: Mapping[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return value
    return None


def _author_and_handle(record: Mapping[str, Any]) -> tuple[str | None, str | None]:
    """Return the author's name and handle (without "@") from flat keys or a nested user object."""
    author: str | None = None
    handle = _first_text(record, _HANDLE_KEYS)
    for key in ("author", "user", "account"):
        value = record.get(key)
        if isinstance(value, dict):
            author = author or _first_text(value, ("name", "display_name", "displayName"))
            handle = handle or _first_text(value, _HANDLE_KEYS)
        elif isinstance(value, str) and value.strip():
            # "@name", or a bare account name under "user", is a handle; anything else is a name.
            is_handle = value.strip().startswith("@") or (key == "user" and " " not in value.strip())
            if is_handle and handle is None:
                handle = value
            elif not is_handle and author is None:
                author = value
    if handle is not None:
        handle = handle.strip().lstrip("@") or None
    return (author.strip() if author else None), handle
