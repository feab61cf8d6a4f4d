"""Conditional reads: every GET under /api/ carries an ETag of the store's version, and a match is a 304.

The store's version (`Store.version`: reports, documents and alert changes) moves on every write, so a
client or a cache that sends the ETag back in If-None-Match gets `304 Not Modified` without the route
running at all until something is stored.  Tags are weak (`W/"…"`): the same data may travel gzipped
or not.  Only GET and HEAD under /api/ are concerned; writes, the page and /healthz pass through.
"""

from __future__ import annotations

import hashlib

import anyio.to_thread
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from flashpoint.store import Store

__all__ = ["ConditionalReads", "etag"]


def etag(version: str, path: str, query: str) -> str:
    """Return the weak ETag of a read: the store's version, the path and the query string."""
    key = f"{version}|{path}?{query}"
    return 'W/"' + hashlib.sha256(key.encode("utf-8")).hexdigest()[:32] + '"'


def _matches(header: str, tag: str) -> bool:
    """Return True when an If-None-Match header names `tag` (weak comparison) or is "*"."""
    if header.strip() == "*":
        return True
    wanted = tag.removeprefix("W/")
    return any(part.strip().removeprefix("W/") == wanted for part in header.split(","))


class ConditionalReads:
    """ASGI middleware: ETag on GET /api/… answers, 304 when If-None-Match already names it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] not in ("GET", "HEAD")
            or not scope["path"].startswith("/api/")
        ):
            await self.app(scope, receive, send)
            return
        store: Store = scope["app"].state.store
        version = await anyio.to_thread.run_sync(store.version)
        tag = etag(version, scope["path"], scope.get("query_string", b"").decode("latin-1"))
        headers = dict(scope.get("headers") or [])
        asked = headers.get(b"if-none-match")
        if asked is not None and _matches(asked.decode("latin-1"), tag):
            await send({"type": "http.response.start", "status": 304, "headers": [(b"etag", tag.encode())]})
            await send({"type": "http.response.body", "body": b""})
            return

        async def tagged(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] == 200:
                response_headers = MutableHeaders(scope=message)
                if "etag" not in response_headers:
                    response_headers["ETag"] = tag
            await send(message)

        await self.app(scope, receive, tagged)
