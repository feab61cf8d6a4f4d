"""A local HTTP server on 127.0.0.1 whose routes a test changes while the watcher polls it."""

from __future__ import annotations

import contextlib
import os
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from flashpoint import open_store
from flashpoint.store import Store

PG_URL = os.environ.get("FLASHPOINT_TEST_PG_URL")


@dataclass
class Route:
    """What a path answers: status, body, headers; `delay` seconds before answering (for timeouts)."""

    body: bytes = b""
    status: int = 200
    content_type: str = "application/rss+xml"
    etag: str | None = None
    delay: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class FeedServer:
    """The routes served and the requests seen, path by path."""

    base: str
    routes: dict[str, Route] = field(default_factory=dict)
    hits: dict[str, int] = field(default_factory=dict)
    conditional: dict[str, int] = field(default_factory=dict)

    def url(self, path: str) -> str:
        return f"{self.base}{path}"


def _handler(server: FeedServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_args: object) -> None:
            return

        def do_GET(self) -> None:
            path = self.path
            server.hits[path] = server.hits.get(path, 0) + 1
            route = server.routes.get(path)
            if route is None:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if route.delay:
                time.sleep(route.delay)
            if route.etag is not None and self.headers.get("If-None-Match") == route.etag:
                server.conditional[path] = server.conditional.get(path, 0) + 1
                self.send_response(304)
                self.send_header("ETag", route.etag)
                self.end_headers()
                return
            self.send_response(route.status)
            self.send_header("Content-Type", route.content_type)
            self.send_header("Content-Length", str(len(route.body)))
            if route.etag is not None:
                self.send_header("ETag", route.etag)
            for key, value in route.headers.items():
                self.send_header(key, value)
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(route.body)

    return Handler


@pytest.fixture()
def feed_server() -> Iterator[FeedServer]:
    """A threaded HTTP server on an ephemeral loopback port, stopped after the test."""
    state = FeedServer(base="")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    httpd.daemon_threads = True
    state.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield state
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=5)


def _rss(items: list[tuple[str, str, str]], *, title: str = "Test Wire") -> bytes:
    parts = [
        f"<item><guid>{guid}</guid><title>Item {guid}</title><link>{link}</link>"
        f"<description>{summary}</description><pubDate>Mon, 03 Mar 2025 10:00:00 GMT</pubDate></item>"
        for guid, link, summary in items
    ]
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{title}</title><link>http://example.org/</link><description>d</description>"
        + "".join(parts)
        + "</channel></rss>"
    ).encode("utf-8")


@pytest.fixture()
def make_rss() -> Callable[..., bytes]:
    """Return a function making an RSS 2.0 feed of (guid, link, summary) items."""
    return _rss


@pytest.fixture()
def route() -> type[Route]:
    """The Route class, to build what a path answers."""
    return Route


@pytest.fixture(
    params=[
        "sqlite",
        pytest.param(
            "postgresql",
            marks=[
                pytest.mark.postgres,
                pytest.mark.skipif(
                    PG_URL is None, reason="set FLASHPOINT_TEST_PG_URL to run against PostgreSQL"
                ),
            ],
        ),
    ]
)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A fresh Store: an SQLite file, or a private schema on the PostgreSQL server."""
    if request.param == "sqlite":
        opened = open_store(str(tmp_path / "watch.db"))
        yield opened
        opened.close()
        return
    from sqlalchemy import create_engine, text

    assert PG_URL is not None
    schema = f"fp_watch_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    separator = "&" if "?" in PG_URL else "?"
    opened = open_store(f"{PG_URL}{separator}options=-csearch_path%3D{schema}")
    yield opened
    opened.close()
    with admin.begin() as conn:
        conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    admin.dispose()
