"""Watcher: feeds that change, fail and recover against a loopback server; every good item stored once."""

from __future__ import annotations

import datetime as dt
import os
import signal
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import pytest
from sqlalchemy import func, select

from flashpoint.ingest.fetch import Fetcher
from flashpoint.pipeline import Pipeline
from flashpoint.records import Document
from flashpoint.store import Store
from flashpoint.store import schema as t
from flashpoint.watch import Watcher, backoff, parse_every

HOUR = dt.timedelta(hours=1)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = dt.datetime(2025, 3, 3, 12, 0, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, delta: dt.timedelta) -> None:
        self.now += delta


class Hook:
    """A pipeline stage that calls `on_doc` for each document it sees (and changes nothing)."""

    name = "hook"
    requires: frozenset[str] = frozenset()
    provides: frozenset[str] = frozenset()

    def __init__(self, on_doc: Callable[[Document], None]) -> None:
        self.on_doc = on_doc

    def __call__(self, doc: Document) -> Document:
        self.on_doc(doc)
        return doc

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            yield self(doc)


def _summary(n: int) -> str:
    return f"Artillery fire hit the grain depot at checkpoint {n} overnight, local officials said."


def _page(n: int) -> bytes:
    body = (
        f"<html><head><title>Report {n}</title></head><body><article><h1>Report {n}</h1>"
        f"<p>Full report number {n}: drones struck a fuel convoy on the northern ring road before dawn, "
        "according to two officials who asked not to be named.</p>"
        "<p>Residents described hearing several blasts; no group said it was behind the strike.</p>"
        "</article></body></html>"
    )
    return body.encode("utf-8")


def _count(store: Store, table: Any) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def _texts(store: Store) -> list[str]:
    with store.engine.connect() as conn:
        return [str(text) for text in conn.execute(select(t.documents.c.text)).scalars()]


@pytest.fixture()
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(allow_private=True, timeout=0.5) as client:
        yield client


def _watcher(store: Store, fetcher: Fetcher, clock: Clock, stages: list[Any] | None = None) -> Watcher:
    return Watcher(store=store, pipeline=Pipeline(stages or []), fetcher=fetcher, every=HOUR, clock=clock)


def test_watcher_ingests_good_items_once_through_failures_and_recovery(
    feed_server: Any, route: Any, make_rss: Callable[..., bytes], store: Store, fetcher: Fetcher
) -> None:
    srv, Route = feed_server, route
    good = lambda ns: make_rss([(f"g{n}", srv.url(f"/art/{n}"), _summary(n)) for n in ns])  # noqa: E731
    for n in range(1, 12):
        srv.routes[f"/art/{n}"] = Route(body=_page(n), content_type="text/html; charset=utf-8")
    del srv.routes["/art/2"]  # a dead article link: the summary is stored instead
    srv.routes["/a.rss"] = Route(body=good([1, 2]), etag='"a1"')
    srv.routes["/b.rss"] = Route(body=b"upstream down", status=500, content_type="text/plain")
    srv.routes["/c.rss"] = Route(body=good([5]), delay=1.5)  # slower than the fetcher's timeout
    srv.routes["/d.rss"] = Route(
        body=b"<html><body><p>not a feed at all</p></body></html>", content_type="text/xml"
    )
    declared_utf8 = good([7]).replace(b"grain", "gr\u00e4in".encode("latin-1"))
    srv.routes["/e.rss"] = Route(body=declared_utf8)  # says UTF-8, is Latin-1
    no_text = make_rss([("g9", srv.url("/missing"), "")])
    srv.routes["/f.rss"] = Route(body=no_text)

    clock = Clock()
    watcher = _watcher(store, fetcher, clock)
    assert (
        watcher.add_feeds(srv.url(p) for p in ("/a.rss", "/b.rss", "/c.rss", "/d.rss", "/e.rss", "/f.rss"))
        == 6
    )

    first = watcher.cycle()
    status = {r.url.rsplit("/", 1)[-1]: r.status for r in first.feeds}
    assert status == {
        "a.rss": "ok",
        "b.rss": "failed",
        "c.rss": "failed",
        "d.rss": "failed",
        "e.rss": "failed",
        "f.rss": "ok",
    }
    assert _count(store, t.documents) == 2
    texts = _texts(store)
    assert any("Full report number 1" in text for text in texts)  # the article page
    assert any(_summary(2) in text for text in texts)  # the summary, its page being gone
    reasons = {r.source: r.reason for r in store.rejections()}
    assert reasons[srv.url("/b.rss")] == "HTTP 500"
    assert "timed out" in reasons[srv.url("/c.rss")]
    assert "not an RSS or Atom feed" in reasons[srv.url("/d.rss")]
    assert "declared as utf-8" in reasons[srv.url("/e.rss")]
    assert "no text" in reasons[srv.url("/missing")]

    # Nothing is due again before the interval (failing feeds wait longer: backoff).
    clock.advance(dt.timedelta(minutes=30))
    assert watcher.cycle().feeds == ()

    # The feeds recover and change; the good feed grows.
    srv.routes["/a.rss"] = Route(body=good([1, 2, 3]), etag='"a2"')
    srv.routes["/b.rss"] = Route(body=good([4]))
    srv.routes["/c.rss"] = Route(body=good([5]))
    srv.routes["/d.rss"] = Route(body=good([6, 1]))  # item 1 again, from another feed: same key
    srv.routes["/e.rss"] = Route(body=good([7]))
    clock.advance(3 * HOUR)
    second = watcher.cycle()
    assert {r.status for r in second.feeds} == {"ok"}
    assert _count(store, t.documents) == 7  # items 1-7

    # A third poll changes nothing; the unchanged feed answers 304.
    clock.advance(3 * HOUR)
    third = watcher.cycle()
    assert third.added == 0
    assert srv.conditional.get("/a.rss", 0) >= 1
    assert _count(store, t.documents) == 7
    assert len(set(_texts(store))) == 7
    assert all(f.failures == 0 for f in watcher.state.feeds())


def test_watcher_stops_after_the_current_document_on_sigterm_and_resumes(
    feed_server: Any, route: Any, make_rss: Callable[..., bytes], store: Store, fetcher: Fetcher
) -> None:
    srv, Route = feed_server, route
    srv.routes["/live.rss"] = Route(
        body=make_rss([(f"s{n}", "", _summary(n)) for n in range(1, 5)]), etag='"v1"'
    )
    clock = Clock()
    seen: list[str] = []

    def on_doc(doc: Document) -> None:
        seen.append(doc.text)
        if len(seen) == 1:
            os.kill(os.getpid(), signal.SIGTERM)  # handled by the watcher: stop after this document

    watcher = _watcher(store, fetcher, clock, [Hook(on_doc)])
    watcher.add_feeds([srv.url("/live.rss")])
    previous = signal.getsignal(signal.SIGTERM)
    cycles = watcher.run()
    assert signal.getsignal(signal.SIGTERM) is previous
    assert cycles[-1].stopped
    assert _count(store, t.documents) == 1
    assert watcher.state.get(srv.url("/live.rss")).etag is None  # interrupted: validators not saved

    watcher.stop.clear()
    clock.advance(HOUR)
    watcher.run(once=True)
    assert _count(store, t.documents) == 4
    assert len(seen) == 4  # the first document was not parsed twice


@pytest.mark.parametrize(
    ("failures", "expected"),
    [(1, 2 * HOUR), (2, 4 * HOUR), (3, 6 * HOUR), (30, 6 * HOUR)],
)
def test_backoff_doubles_then_caps(failures: int, expected: dt.timedelta) -> None:
    assert backoff(failures, HOUR) == expected


@pytest.mark.parametrize(
    ("text", "seconds"), [("90s", 90), ("10m", 600), ("2h", 7200), ("1d", 86400), ("45", 45)]
)
def test_parse_every_reads_units(text: str, seconds: int) -> None:
    assert parse_every(text) == dt.timedelta(seconds=seconds)


@pytest.mark.parametrize("text", ["", "0m", "-5s", "soon", "10x"])
def test_parse_every_refuses_bad_intervals(text: str) -> None:
    with pytest.raises(ValueError):
        parse_every(text)
