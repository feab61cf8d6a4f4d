"""Fetching URLs safely: public addresses only, bounded time, size and redirects, expected content types.

Every hop of a request (the first URL and each redirect) is resolved once, every address it resolves
to is checked, and the connection goes to that checked address (the Host header and TLS name stay the
host's), so a name cannot resolve to a public address for the check and a private one for the request.
Loopback, private, link-local, shared and reserved addresses are refused unless `allow_private` is on
(`Settings.allow_private_urls`, for tests and intranets). The body is streamed and cut at `max_bytes`
of *decoded* content, so a compressed bomb is stopped as soon as it grows past the limit.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

import httpx

from flashpoint.errors import FetchError
from flashpoint.records import Document, Rejection
from flashpoint.settings import Settings

__all__ = [
    "FEED_TYPES",
    "PAGE_TYPES",
    "Fetched",
    "Fetcher",
    "check_address",
    "is_url",
    "read_url",
]

FEED_TYPES: tuple[str, ...] = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/x-rss+xml",
    "application/x-atom+xml",
    "application/xml",
    "application/octet-stream",
    "text/xml",
    "text/plain",
)
PAGE_TYPES: tuple[str, ...] = ("text/html", "application/xhtml+xml", "text/plain")
USER_AGENT = "flashpoint/0.1 (news event monitor)"
_REDIRECTS = frozenset({301, 302, 303, 307, 308})

Resolver = Callable[[str, int], list[str]]


def is_url(value: str) -> bool:
    """Return True when `value` is an http(s) URL (what `read_inputs` hands to the fetcher)."""
    return value.lower().startswith(("http://", "https://"))


@dataclass(frozen=True, slots=True)
class Fetched:
    """A fetched response: final URL, status, body and the validators for the next conditional GET."""

    url: str
    status: int
    content: bytes = b""
    content_type: str | None = None  # the whole header, charset included
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def media_type(self) -> str | None:
        return _media_type(self.content_type)

    @property
    def charset(self) -> str | None:
        """Return the charset the Content-Type header declares, if any."""
        for part in (self.content_type or "").split(";")[1:]:
            key, _, value = part.partition("=")
            if key.strip().lower() == "charset" and value.strip():
                return value.strip().strip("\"'").lower()
        return None


def check_address(address: str, *, allow_private: bool) -> str | None:
    """Return why `address` (an IP) may not be fetched from, or None when it may."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return f"not an IP address: {address!r}"
    if allow_private:
        return None
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_loopback:
        return f"loopback address {ip}"
    if ip.is_link_local:
        return f"link-local address {ip}"
    if ip.is_private:
        return f"private address {ip}"
    if ip.is_multicast or ip.is_unspecified or ip.is_reserved or not ip.is_global:
        return f"non-public address {ip}"
    return None


def _resolve(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


class Fetcher:
    """Fetches http(s) URLs with the limits above; one instance keeps one connection pool."""

    def __init__(
        self,
        *,
        allow_private: bool = False,
        timeout: float = 10.0,
        max_bytes: int = 5_000_000,
        max_redirects: int = 5,
        transport: httpx.BaseTransport | None = None,
        resolve: Resolver | None = None,
    ) -> None:
        self.allow_private = allow_private
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self._resolve = resolve or _resolve
        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout, connect=min(timeout, 5.0)),
            follow_redirects=False,
            transport=transport,
            headers={"User-Agent": USER_AGENT},
        )

    @classmethod
    def from_settings(cls, settings: Settings) -> Fetcher:
        """Return a Fetcher configured by Settings (a page is never read past 5 MB, whatever `max_bytes`)."""
        return cls(
            allow_private=settings.allow_private_urls,
            timeout=settings.fetch_timeout,
            max_bytes=min(settings.max_bytes, 5_000_000),
            max_redirects=settings.max_redirects,
        )

    def close(self) -> None:
        """Close the connection pool."""
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(
        self,
        url: str,
        *,
        accept: Sequence[str] = PAGE_TYPES,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> Fetched:
        """Return the response for `url`, following at most `max_redirects` redirects.

        A 304 (with `etag`/`last_modified` sent) comes back as `Fetched.not_modified`. Raises FetchError
        for a refused address, a timeout, a connection error, an HTTP error status, a body over
        `max_bytes`, or a content type not in `accept`.
        """
        headers = {"Accept": ", ".join((*accept, "*/*;q=0.1"))}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        deadline = time.monotonic() + self.timeout * 3
        current = url
        for _hop in range(self.max_redirects + 1):
            response = self._request(current, headers=headers, accept=accept, deadline=deadline)
            if isinstance(response, Fetched):
                return response
            current = response
        raise FetchError(url, f"more than {self.max_redirects} redirects")

    def _request(
        self, url: str, *, headers: dict[str, str], accept: Sequence[str], deadline: float
    ) -> Fetched | str:
        target, extra = self._pinned(url)
        try:
            with self._client.stream(
                "GET", target, headers={**headers, **extra}, extensions=self._sni(url)
            ) as r:
                if r.status_code in _REDIRECTS:
                    location = r.headers.get("location")
                    if not location:
                        raise FetchError(url, f"HTTP {r.status_code} redirect without a Location")
                    return str(httpx.URL(url).join(location))
                validators = {
                    "etag": r.headers.get("etag"),
                    "last_modified": r.headers.get("last-modified"),
                }
                if r.status_code == 304:
                    return Fetched(url=url, status=304, **validators)
                if r.status_code >= 400 or r.status_code < 200:
                    raise FetchError(url, f"HTTP {r.status_code}")
                content_type = r.headers.get("content-type")
                media_type = _media_type(content_type)
                if media_type and media_type not in accept:
                    raise FetchError(url, f"unexpected content type {media_type!r}")
                declared = r.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > self.max_bytes:
                    raise FetchError(url, f"larger than max_bytes ({declared} > {self.max_bytes} bytes)")
                body = self._read_body(r, url=url, deadline=deadline)
                return Fetched(
                    url=url, status=r.status_code, content=body, content_type=content_type, **validators
                )
        except httpx.TimeoutException as exc:
            raise FetchError(url, "timed out") from exc
        except httpx.DecodingError as exc:
            raise FetchError(url, "bad content encoding") from exc
        except httpx.HTTPError as exc:
            raise FetchError(url, f"cannot fetch: {type(exc).__name__}: {exc}") from exc

    def _read_body(self, response: httpx.Response, *, url: str, deadline: float) -> bytes:
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchError(url, f"larger than max_bytes (over {self.max_bytes} bytes)")
            if time.monotonic() > deadline:
                raise FetchError(url, "timed out (body too slow)")
            chunks.append(chunk)
        return b"".join(chunks)

    def _pinned(self, url: str) -> tuple[httpx.URL, dict[str, str]]:
        """Return the URL aimed at the checked address of its host, and the Host header to send."""
        try:
            parsed = httpx.URL(url)
        except (httpx.InvalidURL, TypeError, ValueError) as exc:
            raise FetchError(url, f"invalid URL: {exc}") from exc
        if parsed.scheme not in ("http", "https") or not parsed.host:
            raise FetchError(url, "only http and https URLs are fetched")
        port = parsed.port or (443 if parsed.scheme == "https" else 80)
        try:
            addresses = self._resolve(parsed.host, port)
        except (OSError, UnicodeError) as exc:
            raise FetchError(url, f"cannot resolve host {parsed.host!r}") from exc
        if not addresses:
            raise FetchError(url, f"cannot resolve host {parsed.host!r}")
        for address in addresses:
            refusal = check_address(address, allow_private=self.allow_private)
            if refusal is not None:
                raise FetchError(url, f"refused: {parsed.host} is a {refusal}")
        host_header = parsed.netloc.decode("ascii", "replace").rsplit("@", 1)[-1]
        return parsed.copy_with(host=addresses[0]), {"Host": host_header}

    @staticmethod
    def _sni(url: str) -> dict[str, Any]:
        parsed = httpx.URL(url)
        return {"sni_hostname": parsed.host} if parsed.scheme == "https" else {}


def _media_type(header: str | None) -> str | None:
    if not header:
        return None
    return header.split(";", 1)[0].strip().lower() or None


def read_url(
    url: str, *, settings: Settings, fetcher: Fetcher | None = None
) -> Iterator[Document | Rejection]:
    """Yield the Documents at `url` (an HTML page, a text, or a feed's entries), or the Rejection why not."""
    from flashpoint.ingest.feeds import looks_like_feed, read_feed
    from flashpoint.ingest.formats import read_bytes

    own = fetcher is None
    client = fetcher or Fetcher.from_settings(settings)
    try:
        fetched = client.get(url, accept=(*PAGE_TYPES, *FEED_TYPES))
    except FetchError as exc:
        yield Rejection(url, exc.reason, stage="fetch")
        return
    finally:
        if own:
            client.close()
    media = fetched.media_type or ""
    if (media in FEED_TYPES and media != "text/plain") or looks_like_feed(fetched.content):
        yield from read_feed(fetched.content, source=url, content_type=fetched.content_type)
        return
    format = "html" if media in ("text/html", "application/xhtml+xml") else "auto"
    for item in read_bytes(_with_charset(fetched), format=format, source=url):
        yield item if isinstance(item, Rejection) else replace(item, url=item.url or fetched.url)


def _with_charset(fetched: Fetched) -> bytes:
    """Return the body as UTF-8 when the HTTP header declares another charset that decodes it."""
    charset = fetched.charset
    if not charset or charset in ("utf-8", "utf8"):
        return fetched.content
    try:
        fetched.content.decode("utf-8")
        return fetched.content
    except UnicodeDecodeError:
        pass
    try:
        return fetched.content.decode(charset).encode("utf-8")
    except (LookupError, UnicodeDecodeError):
        return fetched.content  # the readers reject it with their own reason
