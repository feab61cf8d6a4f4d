"""Web archives (WARC, ISO 28500; .warc or .warc.gz): each archived HTML or text page is one document.

The archive is streamed record by record with warcio, so a multi-gigabyte crawl never sits in memory;
`max_bytes` applies to each page. Only successful (2xx) responses and resources of an HTML or plain-text
type are read; images, scripts and request records are skipped. A page without a date of its own is dated
by its capture (WARC-Date), the latest day it can have been published.
"""

from __future__ import annotations

import datetime as dt
import zlib
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from flashpoint.errors import IngestError
from flashpoint.ingest.decode import decode_bytes
from flashpoint.ingest.document import make_document
from flashpoint.ingest.html import read_html
from flashpoint.records import Document, Rejection

__all__ = ["WARC_SUFFIXES", "is_warc", "read_warc"]

WARC_SUFFIXES = (".warc", ".warc.gz")
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def is_warc(path: Path) -> bool:
    """Return True when the file name says it is a WARC archive."""
    return path.name.lower().endswith(WARC_SUFFIXES)


def read_warc(path: Path, *, max_bytes: int) -> Iterator[Document | Rejection]:
    """Yield one Document per archived page, and a Rejection per page (or archive) that cannot be read."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    source = str(path)
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield Rejection(source, f"cannot read: {exc.strerror or exc}")
        return
    pages = 0
    with handle:
        try:
            for record in ArchiveIterator(handle):
                if record.rec_type not in {"response", "resource"}:
                    continue
                page = _page(record, source, max_bytes=max_bytes)
                if page is not None:
                    pages += 1
                    yield page
        except (ArchiveLoadFailed, OSError, EOFError, ValueError, zlib.error) as exc:
            detail = " ".join(str(exc).split())[:120]
            yield Rejection(source, f"not a readable WARC archive (stopped after {pages} pages): {detail}")
            return
    if not pages:
        yield Rejection(source, "no HTML or text pages in this WARC archive")


def _page(record: Any, archive: str, *, max_bytes: int) -> Document | Rejection | None:
    uri = record.rec_headers.get_header("WARC-Target-URI")
    label = f"{archive}#{uri or record.rec_headers.get_header('WARC-Record-ID')}"
    headers = record.http_headers
    if headers is not None and not str(headers.get_statuscode() or "").startswith("2"):
        return None  # redirects and errors are not pages
    content_type = (headers.get_header("Content-Type") if headers is not None else None) or (
        record.rec_headers.get_header("Content-Type") or ""
    )
    if not content_type.lower().startswith(PAGE_TYPES):
        return None
    data = record.content_stream().read(max_bytes + 1)
    if len(data) > max_bytes:
        return Rejection(label, f"page larger than max_bytes ({max_bytes} bytes)")
    if not data.strip():
        return Rejection(label, "empty page")
    try:
        text = _decode(data, content_type, label)
        if content_type.lower().startswith("text/plain"):
            doc = make_document(text, format="text", url=uri, source=label)
        else:
            doc = read_html(text, source=label, url=uri)
    except IngestError as exc:
        return Rejection(label, exc.reason)
    if doc.published is None:
        doc = replace(doc, published=_capture_day(record.rec_headers.get_header("WARC-Date")))
    return doc


def _decode(data: bytes, content_type: str, label: str) -> str:
    # The HTTP header's charset first; else what the page itself declares (BOM, UTF-8, <meta charset>).
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            try:
                return data.decode(value.strip().strip('"'))
            except (LookupError, UnicodeDecodeError):
                break
    return decode_bytes(data, source=label)


def _capture_day(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        return None
