"""RSS and Atom feeds: their entries (guid, link, title, summary, date), and a Document per entry.

feedparser does the XML; we decide what counts as a feed. A feed whose XML is not well-formed but
still yields entries is read leniently (feedparser's loose parser). A feed that declares one encoding
and is written in another is rejected, as every other input is: guessing a legacy encoding would
silently garble the text (see `flashpoint.ingest.decode`).
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from flashpoint.errors import IngestError
from flashpoint.ingest.dates import parse_date
from flashpoint.ingest.decode import looks_binary
from flashpoint.ingest.document import make_document
from flashpoint.records import Document, Rejection

__all__ = ["FEED_FORMAT", "Feed", "FeedEntry", "entry_document", "looks_like_feed", "parse_feed", "read_feed"]

FEED_FORMAT = "feed"
MAX_ENTRIES = 1000  # a feed with more entries is cut here: no real feed carries that many at once
# The root element, after an optional BOM, XML declaration, stylesheet, comments and doctype.
_FEED_ROOT = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?[^>]{0,500}\?>\s*|<!--.{0,2000}?-->\s*"
    rb"|<!DOCTYPE[^>\[]{0,500}(?:\[.{0,100000}?\])?\s*>\s*)*"
    rb"<(?:rss|feed|rdf:RDF)[\s>]",
    re.IGNORECASE | re.DOTALL,
)
_ENTITY = re.compile(rb"<!ENTITY", re.IGNORECASE)
_TAG = re.compile(r"<[^<>]{0,2000}>")  # stops at the next "<": a run of "<" is not rescanned
_BLOCK_END = re.compile(r"</?(?:p|div|br|li|h[1-6]|blockquote|tr)\b[^>]{0,2000}>", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One item of a feed: `key` (its guid, else its link, else a hash) names it across polls."""

    key: str
    link: str | None = None
    title: str | None = None
    summary: str | None = None  # HTML or plain text, as the feed gives it
    published: dt.date | None = None
    author: str | None = None


@dataclass(frozen=True, slots=True)
class Feed:
    """A parsed feed: its title, its entries, and what was wrong with its XML when it was read leniently."""

    title: str | None
    entries: tuple[FeedEntry, ...]
    problem: str | None = None


def looks_like_feed(data: bytes | str) -> bool:
    """Return True when the document's root element (after any prolog) is RSS, Atom or RDF."""
    head = data[:110_000]
    raw = head.encode("utf-8", "replace") if isinstance(head, str) else head
    return bool(_FEED_ROOT.search(raw))


def parse_feed(data: bytes | str, *, source: str, content_type: str | None = None) -> Feed:
    """Return the feed in `data` (the bytes of an RSS/Atom document, or its text).

    Raises IngestError with a short reason: binary data, not a feed, a declared encoding the bytes do
    not match, or XML so broken that no entry could be read.
    """
    import feedparser  # imported here: loading it costs time every command does not need

    if isinstance(data, bytes):
        if not data.strip():
            raise IngestError(source, "empty input")
        if looks_binary(data):
            raise IngestError(source, "binary data, not text")
    elif not data.strip():
        raise IngestError(source, "empty input")
    if not looks_like_feed(data):
        raise IngestError(source, "not an RSS or Atom feed")
    _check_markup(data, source=source)
    headers = {"content-type": content_type} if content_type else None
    try:
        parsed: Any = feedparser.parse(data, response_headers=headers, sanitize_html=True)
    except Exception as exc:  # feedparser's loose parser can fail in odd ways on hostile input
        raise IngestError(source, f"cannot parse feed: {type(exc).__name__}") from exc
    problem = _problem(parsed)
    if problem is not None and problem.startswith("encoding:"):
        raise IngestError(source, f"feed {problem.removeprefix('encoding: ')}")
    if not parsed.get("version") and not parsed.entries:
        if problem is not None and looks_like_feed(data):
            raise IngestError(source, f"malformed feed XML ({problem})")
        raise IngestError(source, "not an RSS or Atom feed")
    entries = tuple(_entry(raw) for raw in parsed.entries[:MAX_ENTRIES])
    title = _clean(parsed.feed.get("title"))
    return Feed(title=title, entries=entries, problem=problem)


def read_feed(
    data: bytes | str, *, source: str, content_type: str | None = None
) -> Iterator[Document | Rejection]:
    """Yield a Document per feed entry (its summary as text), or Rejections saying why not."""
    try:
        feed = parse_feed(data, source=source, content_type=content_type)
    except IngestError as exc:
        yield Rejection(source, exc.reason)
        return
    if not feed.entries:
        yield Rejection(source, "feed has no entries")
        return
    for index, entry in enumerate(feed.entries, start=1):
        entry_source = entry.link or f"{source}#{index}"
        try:
            yield entry_document(entry, source=entry_source, publisher=feed.title)
        except IngestError as exc:
            yield Rejection(entry_source, exc.reason)


def entry_document(
    entry: FeedEntry, *, source: str, publisher: str | None = None, article: Document | None = None
) -> Document:
    """Return the Document for a feed entry: the fetched `article` when given, else the entry's summary.

    The entry's title, link, date and author fill what the article lacks. Raises IngestError when
    there is neither an article nor a summary with text.
    """
    if article is not None and article.text.strip():
        return make_document(
            article.text,
            format=article.format,
            title=article.title or entry.title,
            author=article.author or entry.author,
            publisher=article.publisher or publisher,
            published=article.published or entry.published,
            url=entry.link or article.url,
            source=source,
            origin=article.origin,
            posts=article.posts,
        )
    text = summary_text(entry.summary or "")
    if not text:
        raise IngestError(source, "feed entry has no text (no summary, and no article was read)")
    return make_document(
        text,
        format=FEED_FORMAT,
        title=entry.title,
        author=entry.author,
        publisher=publisher,
        published=entry.published,
        url=entry.link,
        source=source,
    )


def summary_text(summary: str) -> str:
    """Return the plain text of an entry summary (HTML tags dropped, entities decoded, paragraphs kept)."""
    marked = _BLOCK_END.sub("\n\n", summary)
    plain = html.unescape(_TAG.sub("", marked))
    paragraphs = (" ".join(_SPACES.sub(" ", part).split()) for part in re.split(r"\n\s*\n", plain))
    return "\n\n".join(p for p in paragraphs if p)


def _check_markup(data: bytes | str, *, source: str) -> None:
    """Refuse what no real feed needs and a hostile one uses: entity declarations, absurd nesting.

    Entity declarations are how entity-expansion bombs and external-entity reads work; nesting deeper
    than libxml2's limit (256) makes feedparser's HTML sanitiser crawl. Other XML errors are left to
    feedparser's lenient parser.
    """
    import lxml.etree

    raw = data.encode("utf-8") if isinstance(data, str) else data
    if _ENTITY.search(raw[:200_000]):
        raise IngestError(source, "feed declares XML entities (refused: entity expansion)")
    parser = lxml.etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, recover=False, load_dtd=False
    )
    try:
        lxml.etree.fromstring(raw, parser=parser)
    except lxml.etree.XMLSyntaxError as exc:
        if "depth" in str(exc).lower():
            raise IngestError(source, "feed markup nested too deeply") from exc
    except (ValueError, lxml.etree.LxmlError):
        return


def _problem(parsed: Any) -> str | None:
    if not parsed.get("bozo"):
        return None
    exc = parsed.get("bozo_exception")
    name = type(exc).__name__
    if name == "CharacterEncodingOverride":
        return f"encoding: {exc}; refusing to guess"
    if name == "CharacterEncodingUnknown":
        return f"encoding: {exc}"
    message = " ".join(str(exc).split())[:160]
    return f"{name}: {message}" if message else name


def _entry(raw: Any) -> FeedEntry:
    link = _clean(raw.get("link"))
    guid = _clean(raw.get("id"))
    raw_title = raw.get("title")
    title = _clean(summary_text(raw_title)) if isinstance(raw_title, str) else None
    summary = _body(raw)
    key = guid or link or _fallback_key(title, summary)
    return FeedEntry(
        key=key[:2000],
        link=link if link and link.startswith(("http://", "https://")) else None,
        title=title,
        summary=summary,
        published=_date(raw),
        author=_clean(raw.get("author")),
    )


def _body(raw: Any) -> str | None:
    # content:encoded / atom:content is the full text when the feed carries it; else the summary.
    best: str | None = None
    for part in raw.get("content") or ():
        value = part.get("value") if hasattr(part, "get") else None
        if isinstance(value, str) and value.strip() and (best is None or len(value) > len(best)):
            best = value
    summary = raw.get("summary")
    if isinstance(summary, str) and summary.strip() and (best is None or len(summary) > len(best)):
        best = summary
    return best


def _date(raw: Any) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = raw.get(key)
        if value:
            try:
                return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
            except (ValueError, AttributeError):
                continue
    for key in ("published", "updated"):
        value = raw.get(key)
        if isinstance(value, str):
            found = parse_date(value)
            if found is not None:
                return found
    return None


def _fallback_key(title: str | None, summary: str | None) -> str:
    from flashpoint.records import content_hash

    return "sha256:" + content_hash(f"{title or ''}\n{summary or ''}")


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None
