"""The feed monitor: polls due feeds, fetches new items' articles, runs the pipeline and stores them.

Incremental and crash-safe: an item is skipped when its key (guid, else link) was already handled or
its content hash is already stored; it is marked handled only after its document (one transaction, see
`Store.add`) or its rejection is stored; a feed's validators (ETag, Last-Modified) are saved only after
every new item in it was handled, so an interrupted poll is redone in full and nothing is lost. A
failing feed is retried with exponential backoff and never stops the others.
"""

from __future__ import annotations

import datetime as dt
import logging
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from types import FrameType
from typing import TYPE_CHECKING, Any

from flashpoint.errors import FetchError, IngestError, StoreError
from flashpoint.ingest.feeds import Feed, FeedEntry, entry_document, parse_feed
from flashpoint.ingest.fetch import FEED_TYPES, PAGE_TYPES, Fetcher
from flashpoint.ingest.formats import read_bytes
from flashpoint.pipeline import Pipeline
from flashpoint.records import Document, Rejection
from flashpoint.watch.state import FeedInfo, FeedState

if TYPE_CHECKING:
    from flashpoint.store import Store

__all__ = ["CycleReport", "PollReport", "Watcher", "backoff", "parse_every"]

log = logging.getLogger(__name__)

MAX_BACKOFF = dt.timedelta(hours=6)
Clock = Callable[[], dt.datetime]


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def parse_every(value: str) -> dt.timedelta:
    """Return the interval "90s", "10m", "2h", "1d" or a bare number of seconds stands for."""
    text = value.strip().lower()
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    scale = units.get(text[-1:], 0)
    number = text[:-1] if scale else text
    try:
        seconds = float(number) * (scale or 1)
    except ValueError as exc:
        raise ValueError(f"not an interval: {value!r} (try 30s, 10m, 2h)") from exc
    if seconds <= 0:
        raise ValueError(f"the interval must be positive, not {value!r}")
    return dt.timedelta(seconds=seconds)


def backoff(failures: int, every: dt.timedelta) -> dt.timedelta:
    """Return how long to wait after `failures` failed polls in a row: every × 2^failures, capped."""
    cap = max(MAX_BACKOFF, every)
    delay: dt.timedelta = every * (2 ** min(failures, 20))
    return min(cap, delay)


@dataclass(frozen=True, slots=True)
class PollReport:
    """What polling one feed did: status is "ok", "not modified", "failed" or "interrupted"."""

    url: str
    status: str
    added: int = 0
    present: int = 0
    rejected: int = 0
    error: str | None = None

    def line(self) -> str:
        """Return a one-line summary for a terminal."""
        if self.status == "failed":
            return f"{self.url}: failed ({self.error})"
        counts = f"{self.added} added, {self.present} already seen, {self.rejected} rejected"
        return f"{self.url}: {self.status}, {counts}"


@dataclass(frozen=True, slots=True)
class CycleReport:
    """What one polling cycle did, feed by feed."""

    feeds: tuple[PollReport, ...] = ()
    stopped: bool = False
    added: int = field(default=0)
    rejected: int = field(default=0)

    @classmethod
    def of(cls, reports: Iterable[PollReport], *, stopped: bool) -> CycleReport:
        reports = tuple(reports)
        return cls(
            feeds=reports,
            stopped=stopped,
            added=sum(r.added for r in reports),
            rejected=sum(r.rejected for r in reports),
        )


class Watcher:
    """Polls feeds into a store. `stop` (a threading.Event) ends the run after the current document."""

    def __init__(
        self,
        *,
        store: Store,
        pipeline: Pipeline,
        fetcher: Fetcher,
        every: dt.timedelta = dt.timedelta(minutes=10),
        clock: Clock | None = None,
        stop: threading.Event | None = None,
        fetch_articles: bool = True,
    ) -> None:
        self.store = store
        self.pipeline = pipeline
        self.fetcher = fetcher
        self.every = every
        self.clock: Clock = clock or _utcnow
        self.stop = stop or threading.Event()
        self.fetch_articles = fetch_articles
        self.state = FeedState(store.engine)

    def add_feeds(self, urls: Iterable[str]) -> int:
        """Add feeds to the state; return how many were new."""
        now = self.clock()
        return sum(self.state.add(url, now=now) for url in urls)

    def cycle(self, *, on_report: Callable[[PollReport], None] | None = None) -> CycleReport:
        """Poll every due feed once; return what each poll did."""
        reports: list[PollReport] = []
        for feed in self.state.due(self.clock()):
            if self.stop.is_set():
                break
            try:
                report = self.poll(feed)
            except StoreError:
                raise  # the database is gone: nothing else can be stored either
            except Exception as exc:  # a bug on one feed must not stop the others
                log.exception("polling %s failed", feed.url)
                report = self._failed(feed, f"internal error: {type(exc).__name__}: {exc}", now=self.clock())
            reports.append(report)
            if on_report is not None:
                on_report(report)
        return CycleReport.of(reports, stopped=self.stop.is_set())

    def run(
        self, *, once: bool = False, on_report: Callable[[PollReport], None] | None = None
    ) -> list[CycleReport]:
        """Poll cycle after cycle until `stop` is set (SIGTERM/SIGINT set it); return the cycle reports."""
        cycles: list[CycleReport] = []
        with _StopOnSignals(self.stop):
            while not self.stop.is_set():
                cycles.append(self.cycle(on_report=on_report))
                if once:
                    break
                self.stop.wait(self._seconds_to_next_poll())
        return cycles

    def _seconds_to_next_poll(self) -> float:
        now = self.clock()
        upcoming = [f.next_poll for f in self.state.feeds() if f.next_poll is not None]
        target = min(upcoming, default=now + self.every)
        return max(1.0, min((target - now).total_seconds(), self.every.total_seconds()))

    # -- one feed ------------------------------------------------------------------------------------

    def poll(self, feed: FeedInfo) -> PollReport:
        """Poll one feed: fetch it (conditionally), handle its new items, record success or failure."""
        now = self.clock()
        try:
            fetched = self.fetcher.get(
                feed.url, accept=FEED_TYPES, etag=feed.etag, last_modified=feed.last_modified
            )
            if fetched.not_modified:
                self._succeeded(feed, etag=feed.etag, last_modified=feed.last_modified)
                return PollReport(feed.url, "not modified")
            parsed = parse_feed(fetched.content, source=feed.url, content_type=fetched.content_type)
        except IngestError as exc:  # FetchError included
            return self._failed(feed, exc.reason, now=now)
        if parsed.problem:
            log.info("feed %s read leniently: %s", feed.url, parsed.problem)
        added = present = rejected = 0
        for entry in reversed(parsed.entries):  # oldest first
            if self.stop.is_set():
                return PollReport(feed.url, "interrupted", added, present, rejected)
            outcome = self._handle(entry, feed=feed, parsed=parsed)
            added += outcome == "added"
            present += outcome == "present"
            rejected += outcome == "rejected"
        self._succeeded(feed, etag=fetched.etag, last_modified=fetched.last_modified)
        return PollReport(feed.url, "ok", added, present, rejected)

    def _handle(self, entry: FeedEntry, *, feed: FeedInfo, parsed: Feed) -> str:
        if self.state.seen(entry.key):
            return "present"
        source = entry.link or f"{feed.url}#{entry.key}"
        article = self._article(entry.link) if self.fetch_articles and entry.link else None
        try:
            doc = entry_document(entry, source=source, publisher=parsed.title, article=article)
        except IngestError as exc:
            self.store.add_rejection(Rejection(source, exc.reason, stage="watch"))
            self._mark(entry, feed, None)
            return "rejected"
        if self.store.has_document(doc.hash):
            self._mark(entry, feed, doc.hash)
            return "present"
        outcome = "present"
        for item in self.pipeline.pipe([doc]):
            if isinstance(item, Rejection):
                self.store.add_rejection(item)
                outcome = "rejected"
            elif self.store.add(item):
                outcome = "added"
        self._mark(entry, feed, doc.hash)
        return outcome

    def _article(self, link: str) -> Document | None:
        """Return the article page at `link` read as HTML, or None (the summary is used instead)."""
        try:
            fetched = self.fetcher.get(link, accept=PAGE_TYPES)
        except FetchError as exc:
            log.info("article %s not fetched (%s); using the feed summary", link, exc.reason)
            return None
        media = fetched.media_type or ""
        format = "html" if media in ("text/html", "application/xhtml+xml") else "auto"
        for item in _first(read_bytes(fetched.content, format=format, source=link)):
            if isinstance(item, Document):
                return item
            log.info("article %s not read (%s); using the feed summary", link, item.reason)
        return None

    def _mark(self, entry: FeedEntry, feed: FeedInfo, document_hash: str | None) -> None:
        self.state.mark_seen(entry.key, feed_url=feed.url, document_hash=document_hash, now=self.clock())

    def _succeeded(self, feed: FeedInfo, *, etag: str | None, last_modified: str | None) -> None:
        now = self.clock()
        self.state.succeeded(
            feed.url, now=now, next_poll=now + self.every, etag=etag, last_modified=last_modified
        )

    def _failed(self, feed: FeedInfo, reason: str, *, now: dt.datetime) -> PollReport:
        failures = self.state.failed(feed.url, now=now, error=reason, delay=lambda n: backoff(n, self.every))
        self.store.add_rejection(Rejection(feed.url, reason, stage="watch"))
        log.warning("feed %s failed (%d in a row): %s", feed.url, failures, reason)
        return PollReport(feed.url, "failed", error=reason)


def _first(items: Iterator[Document | Rejection]) -> Iterator[Document | Rejection]:
    for item in items:
        yield item
        return


class _StopOnSignals:
    """Set `stop` on SIGTERM and SIGINT while inside (main thread only); restore the old handlers after."""

    def __init__(self, stop: threading.Event) -> None:
        self.stop = stop
        self.previous: dict[int, Any] = {}

    def _handle(self, signum: int, _frame: FrameType | None) -> None:
        log.warning("signal %d: stopping after the current document", signum)
        self.stop.set()

    def __enter__(self) -> None:
        if threading.current_thread() is not threading.main_thread():
            return
        for signum in (signal.SIGTERM, signal.SIGINT):
            self.previous[signum] = signal.signal(signum, self._handle)

    def __exit__(self, *exc: object) -> None:
        for signum, handler in self.previous.items():
            signal.signal(signum, handler)
