"""Fetcher: address checks (redirects included), bounded size, redirects, types and time; read_url.

Requests go to httpx's MockTransport with a fake resolver (no traffic leaves the process), or to a
server on 127.0.0.1 with private addresses allowed.
"""

from __future__ import annotations

import gzip
import threading
from collections.abc import Callable, Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from flashpoint.errors import FetchError
from flashpoint.ingest import read_inputs
from flashpoint.ingest.fetch import FEED_TYPES, Fetcher, check_address, is_url
from flashpoint.records import Document, Rejection
from flashpoint.settings import Settings

PUBLIC = "93.184.216.34"  # never contacted: the mock transport answers
HOSTS = {"news.example": [PUBLIC], "intranet.example": ["10.1.2.3"], "mixed.example": [PUBLIC, "127.0.0.1"]}


def _resolve(host: str, _port: int) -> list[str]:
    return HOSTS.get(host, [host])


def _fetcher(handler: Callable[[httpx.Request], httpx.Response], **options: object) -> Fetcher:
    return Fetcher(transport=httpx.MockTransport(handler), resolve=_resolve, **options)  # type: ignore[arg-type]


def _page(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, headers={"Content-Type": "text/html"}, content=b"<p>ok</p>")


@pytest.mark.parametrize(
    ("address", "refused"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("::ffff:127.0.0.1", "loopback"),
        ("169.254.169.254", "link-local"),
        ("fe80::1", "link-local"),
        ("10.0.0.8", "private"),
        ("192.168.1.1", "private"),
        ("172.16.5.4", "private"),
        ("fd00::1", "private"),
        ("0.0.0.0", "address"),
        ("100.64.0.1", "non-public"),
        ("224.0.0.1", "non-public"),
        (PUBLIC, None),
    ],
)
def test_check_address_refuses_non_public(address: str, refused: str | None) -> None:
    reason = check_address(address, allow_private=False)
    assert (reason is None) if refused is None else (reason is not None and refused in reason)
    assert check_address(address, allow_private=True) is None


def test_fetcher_pins_the_checked_address_and_keeps_the_host_header() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return _page(request)

    fetched = _fetcher(handler).get("http://news.example/story?id=3")
    assert fetched.status == 200 and fetched.content == b"<p>ok</p>"
    assert seen[0].url.host == PUBLIC
    assert seen[0].headers["host"] == "news.example"


@pytest.mark.parametrize("url", ["http://intranet.example/", "http://mixed.example/", "http://127.0.0.1:9/"])
def test_fetcher_refuses_private_hosts(url: str) -> None:
    calls: list[httpx.Request] = []
    with pytest.raises(FetchError, match="refused"):
        _fetcher(lambda r: calls.append(r) or _page(r)).get(url)
    assert calls == []


def test_fetcher_refuses_a_redirect_to_a_private_host() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"Location": "http://intranet.example/admin"})

    with pytest.raises(FetchError, match=r"refused: intranet\.example is a private address"):
        _fetcher(handler).get("http://news.example/")


def test_fetcher_follows_a_bounded_number_of_redirects() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        hop = int(request.url.params.get("hop", "0"))
        if hop < 3:
            return httpx.Response(301, headers={"Location": f"/next?hop={hop + 1}"})
        return _page(request)

    fetched = _fetcher(handler, max_redirects=3).get("http://news.example/start")
    assert fetched.url == "http://news.example/next?hop=3"
    with pytest.raises(FetchError, match="more than 2 redirects"):
        _fetcher(handler, max_redirects=2).get("http://news.example/start")


@pytest.mark.parametrize("url", ["ftp://news.example/x", "file:///etc/passwd", "gopher://news.example/"])
def test_fetcher_refuses_other_schemes(url: str) -> None:
    with pytest.raises(FetchError, match="only http and https"):
        _fetcher(_page).get(url)


def test_fetcher_refuses_an_unexpected_content_type() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"Content-Type": "image/png"}, content=b"\x89PNG")

    with pytest.raises(FetchError, match="unexpected content type 'image/png'"):
        _fetcher(handler).get("http://news.example/pic")


def test_fetcher_stops_a_declared_oversize_body() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"Content-Type": "text/html"}, content=b"x" * 5000)

    with pytest.raises(FetchError, match="larger than max_bytes"):
        _fetcher(handler, max_bytes=1000).get("http://news.example/big")


def test_fetcher_stops_a_streamed_body_without_length() -> None:
    def chunks() -> Iterator[bytes]:
        while True:  # endless: only the limit stops it
            yield b"y" * 4096

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"Content-Type": "text/plain"}, stream=_Endless(chunks()))

    with pytest.raises(FetchError, match="larger than max_bytes"):
        _fetcher(handler, max_bytes=100_000).get("http://news.example/stream")


class _Endless(httpx.SyncByteStream):
    def __init__(self, chunks: Iterator[bytes]) -> None:
        self.chunks = chunks

    def __iter__(self) -> Iterator[bytes]:
        return self.chunks


def test_fetcher_stops_a_gzip_bomb_by_decoded_size() -> None:
    bomb = gzip.compress(b"\0" * 20_000_000)  # 20 MB of zeros in about 20 kB

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200, headers={"Content-Type": "text/html", "Content-Encoding": "gzip"}, content=bomb
        )

    assert len(bomb) < 100_000
    with pytest.raises(FetchError, match="larger than max_bytes"):
        _fetcher(handler, max_bytes=1_000_000).get("http://news.example/bomb")


@pytest.mark.parametrize(
    ("error", "reason"),
    [(httpx.ReadTimeout("slow"), "timed out"), (httpx.ConnectError("refused"), "cannot fetch: ConnectError")],
)
def test_fetcher_reports_network_errors(error: Exception, reason: str) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise error

    with pytest.raises(FetchError, match=reason):
        _fetcher(handler).get("http://news.example/")


@pytest.mark.parametrize("status", [403, 404, 500, 503])
def test_fetcher_reports_http_errors(status: int) -> None:
    with pytest.raises(FetchError, match=f"HTTP {status}"):
        _fetcher(lambda r: httpx.Response(status)).get("http://news.example/")


def test_fetcher_sends_validators_and_reports_not_modified() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.headers.get("if-none-match") == '"v7"':
            return httpx.Response(304, headers={"ETag": '"v7"'})
        return httpx.Response(
            200,
            headers={
                "Content-Type": "application/rss+xml",
                "ETag": '"v7"',
                "Last-Modified": "Mon, 03 Mar 2025 10:00:00 GMT",
            },
            content=b"<rss/>",
        )

    fetcher = _fetcher(handler)
    first = fetcher.get("http://news.example/feed", accept=FEED_TYPES)
    assert (first.etag, first.last_modified, first.not_modified) == (
        '"v7"',
        "Mon, 03 Mar 2025 10:00:00 GMT",
        False,
    )
    assert fetcher.get("http://news.example/feed", accept=FEED_TYPES, etag=first.etag).not_modified


def test_fetched_charset_comes_from_the_header() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"Content-Type": 'text/html; charset="ISO-8859-1"'}, content=b"x")

    assert _fetcher(handler).get("http://news.example/").charset == "iso-8859-1"


@pytest.mark.parametrize(
    ("value", "expected"), [("https://a.example/", True), ("HTTP://a", True), ("a.html", False), ("-", False)]
)
def test_is_url(value: str, expected: bool) -> None:
    assert is_url(value) is expected


# -- read_inputs over a real loopback server ----------------------------------------------------------

ARTICLE = (
    "<html><head><title>Bridge closed after blast</title></head><body><article>"
    "<h1>Bridge closed after blast</h1><p>Engineers closed the eastern bridge after an explosion damaged "
    "one of its piers late on Friday, the transport ministry said.</p></article></body></html>"
)
FEED = (
    '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Loop Wire</title>'
    "<item><guid>lw-1</guid><title>Market reopens</title><description>The central market reopened "
    "after three days of clashes.</description></item></channel></rss>"
)


@pytest.fixture()
def site(tmp_path: Path) -> Iterator[str]:
    (tmp_path / "story.html").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "wire.rss").write_text(FEED, encoding="utf-8")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    handler = partial(_QuietHandler, directory=str(tmp_path))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *_args: object) -> None:
        return


def test_read_inputs_reads_urls(site: str) -> None:
    urls = [f"{site}/story.html", f"{site}/wire.rss", f"{site}/photo.png", f"{site}/gone.html"]
    page, entry, photo, gone = list(read_inputs(urls, settings=Settings(allow_private_urls=True)))
    assert isinstance(page, Document) and "eastern bridge" in page.text and page.url == urls[0]
    assert isinstance(entry, Document) and entry.format == "feed" and "central market" in entry.text
    assert isinstance(photo, Rejection) and "unexpected content type 'image/png'" in photo.reason
    assert isinstance(gone, Rejection) and gone.reason == "HTTP 404"


def test_read_inputs_refuses_loopback_urls_by_default(site: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # only Settings.load reads the environment: a Settings built directly keeps its default
    monkeypatch.setenv("FLASHPOINT_ALLOW_PRIVATE_URLS", "1")
    (item,) = list(read_inputs([f"{site}/story.html"], settings=Settings()))
    assert isinstance(item, Rejection)
    assert item.reason == "refused: 127.0.0.1 is a loopback address 127.0.0.1"
