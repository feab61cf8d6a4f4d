"""Which reader a text goes to: by file extension, or sniffed from the content itself."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator

from flashpoint.errors import IngestError
from flashpoint.ingest.decode import decode_bytes, looks_binary, text_problem
from flashpoint.ingest.feeds import looks_like_feed, read_feed
from flashpoint.ingest.html import read_html
from flashpoint.ingest.posts import read_json, read_jsonl
from flashpoint.ingest.text import read_markdown
from flashpoint.records import Document, Rejection

__all__ = ["EXTENSIONS", "FORMATS", "read_bytes", "read_decoded", "sniff_format"]

FORMATS: tuple[str, ...] = ("auto", "text", "markdown", "html", "json", "jsonl", "feed")
# "auto" for .txt: a .txt file may be a saved markdown article, and is labelled by what it holds.
EXTENSIONS: dict[str, str] = {
    ".txt": "auto",
    ".text": "auto",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}
_CHECKED_FIELDS = ("text", "title", "author", "publisher", "url", "origin", "source")
_HTML_HINT = re.compile(r"<(?:!doctype\s+html|html|head|body|article|div|p)[\s>]", re.IGNORECASE)


def sniff_format(text: str) -> str:
    """Return the format `text` is written in: "feed", "html", "json", "jsonl" or "auto" (plain or markdown)."""
    stripped = text.lstrip()
    if looks_like_feed(stripped):
        return "feed"
    if stripped.startswith(("{", "[")):
        try:
            json.loads(stripped)
        except RecursionError:
            return "json"  # the JSON reader rejects it: nested too deeply
        except json.JSONDecodeError:
            first_line = stripped.split("\n", 1)[0]
            try:
                json.loads(first_line)
            except RecursionError:
                return "jsonl"
            except json.JSONDecodeError:
                return "jsonl" if stripped.startswith("{") else "auto"
            return "jsonl"
        return "json"
    if stripped.startswith("<") and _HTML_HINT.search(stripped[:5000]):
        return "html"
    return "auto"


def read_bytes(data: bytes, *, format: str, source: str) -> Iterator[Document | Rejection]:
    """Yield the Documents in raw input bytes, or the Rejection saying why they cannot be read."""
    if not data.strip():
        yield Rejection(source, "empty input")
        return
    if looks_binary(data):
        yield Rejection(source, "binary data, not text")
        return
    if format == "feed" or (format == "auto" and looks_like_feed(data)):
        yield from _screened(read_feed(data, source=source))  # feedparser reads the XML encoding itself
        return
    try:
        text = decode_bytes(data, source=source)
    except IngestError as exc:
        yield Rejection(source, exc.reason)
        return
    yield from read_decoded(text, format=format, source=source)


def read_decoded(text: str, *, format: str, source: str) -> Iterator[Document | Rejection]:
    """Yield the Documents in decoded text of the given format ("auto" sniffs it)."""
    if format not in FORMATS:
        raise IngestError(source, f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")
    if not text.strip():
        yield Rejection(source, "empty input")
        return
    if format == "auto":
        format = sniff_format(text)
    if format == "feed":
        yield from _screened(read_feed(text, source=source))
        return
    if format == "jsonl":
        yield from _screened(read_jsonl(text, source=source))
        return
    if format == "json":
        yield from _screened(read_json(text, source=source))
        return
    problem = text_problem(text)  # JSON and feeds are checked per record, after parsing
    if problem is not None:
        yield Rejection(source, f"the input {problem}")
        return
    try:
        if format == "html":
            document = read_html(text, source=source)
        else:
            document = read_markdown(text, format=format, source=source)
    except IngestError as exc:
        yield Rejection(source, exc.reason)
        return
    if not document.text.strip():
        yield Rejection(source, "no article text found")
        return
    yield document


def _screened(items: Iterable[Document | Rejection]) -> Iterator[Document | Rejection]:
    """Yield `items`, each Document with a NUL or unpaired surrogate in a text field as a Rejection."""
    for item in items:
        if isinstance(item, Document):
            for name in _CHECKED_FIELDS:
                value = getattr(item, name)
                problem = text_problem(value) if isinstance(value, str) else None
                if problem is not None:
                    item = Rejection(item.source or "<text>", f"{name} {problem}")
                    break
        yield item
