"""Reads that hold under load: every GET under /api/ is answered from a per-process cache of finished
responses, keyed on the route, its query and the store's version, with an ETag and 304 for revalidation.

The store's version (`Store.version`: a `meta` row every write rewrites, the newest report, the newest
alert change) is read through `VersionWatch`, a microsecond check on SQLite.  While it stays the same a
repeated read costs a dictionary lookup and a send: the body is kept as it left the app, gzipped when the
client accepts gzip, with every header the app set.  A client that sends the ETag back in If-None-Match
gets `304 Not Modified` without the route running.  Tags are weak (`W/"…"`): the same data travels
gzipped or not.

After a write, a read recomputes its answer once per process (concurrent requests for the same answer
wait for that one computation instead of repeating it).  With `slow` set (`serve` sets 0.1; an app
built by `create_app` alone always answers fresh), a read whose last computation took longer than
`slow` seconds (the whole-store flashpoint detection, statistics over a large store) is not recomputed
in the request: the previous answer, with its own ETag, is served while one refresh runs in the
background, and refreshes of that answer start at most every `cost / refresh_share` seconds, so an
ingest that writes every second cannot keep a core busy recomputing it.  Such an answer lags the store
by at most a few of its own computation times.

Only GET under /api/ is concerned; writes, HEAD, the page and /healthz pass through.  Only 200 answers are
kept; others (422, 404, 503) are sent to the requests that waited for them and computed again next time.
"""

from __future__ import annotations

import asyncio
import hashlib
import time
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode

import anyio.to_thread
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from flashpoint.api.versions import VersionWatch

__all__ = ["CacheCounters", "CachedResponse", "ReadCache", "etag", "normalised_query"]

_Key = tuple[str, str, bool, bytes]


def etag(version: str, path: str, query: str) -> str:
    """Return the weak ETag of a read: the store's version, the path and the (normalised) query string."""
    key = f"{version}|{path}?{query}"
    return 'W/"' + hashlib.sha256(key.encode("utf-8")).hexdigest()[:32] + '"'


def normalised_query(query: str) -> str:
    """Return the query string with its parameters sorted by name (repeated names keep their order)."""
    pairs = parse_qsl(query, keep_blank_values=True)
    return urlencode(sorted(pairs, key=lambda pair: pair[0]))


def _matches(header: str, tag: str) -> bool:
    """Return True when an If-None-Match header names `tag` (weak comparison) or is "*"."""
    if header.strip() == "*":
        return True
    wanted = tag.removeprefix("W/")
    return any(part.strip().removeprefix("W/") == wanted for part in header.split(","))


@dataclass(slots=True)
class CachedResponse:
    """A finished response: status, headers and body as the app sent them, and how it was made."""

    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes
    version: str
    tag: str
    cost: float  # seconds the app took to make it
    made: float = field(default_factory=time.monotonic)

    @property
    def size(self) -> int:
        return len(self.body) + sum(len(k) + len(v) for k, v in self.headers)


@dataclass(slots=True)
class CacheCounters:
    """What a ReadCache did: answers sent from memory (fresh or stale), computed, 304s, background refreshes."""

    hits: int = 0
    stale: int = 0
    computed: int = 0
    not_modified: int = 0
    refreshes: int = 0


class ReadCache:
    """ASGI middleware: cached, conditional GET /api/… reads (see the module's docstring)."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        versions: VersionWatch,
        max_bytes: int = 64 * 1024 * 1024,
        max_entry_bytes: int = 8 * 1024 * 1024,
        slow: float | None = None,
        refresh_share: float = 0.2,
        min_refresh: float = 1.0,
        counters: CacheCounters | None = None,
        not_modified_headers: Sequence[tuple[bytes, bytes]] = (),
    ) -> None:
        self.app = app
        self.versions = versions
        self.max_bytes = max_bytes
        self.max_entry_bytes = max_entry_bytes
        self.slow = slow
        self.refresh_share = refresh_share
        self.min_refresh = min_refresh
        self.entries: OrderedDict[_Key, CachedResponse] = OrderedDict()
        self.bytes = 0
        self.computing: dict[_Key, asyncio.Future[CachedResponse]] = {}
        self.refreshing: set[asyncio.Task[None]] = set()
        self.counters = counters or CacheCounters()
        self.not_modified_headers = list(not_modified_headers)
        self._queries: dict[bytes, str] = {}  # raw query string -> normalised, for the repeated ones

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or not scope["path"].startswith("/api/"):
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        query = self._normalised(scope.get("query_string", b""))
        gzip = b"gzip" in headers.get(b"accept-encoding", b"")
        key: _Key = (scope["path"], query, gzip, headers.get(b"origin", b""))
        version = self.versions.recent()
        if version is None and self.versions.cheap:
            version = self.versions.current()
        elif version is None:
            version = await anyio.to_thread.run_sync(self.versions.current)
        entry = self.entries.get(key)
        if (
            entry is not None
            and entry.version != version
            and self.slow is not None
            and entry.cost >= self.slow
        ):
            self._maybe_refresh(key, entry, scope, version)
            self.counters.stale += 1  # served as it is: see the module's docstring
        elif entry is None or entry.version != version:
            tag = etag(version, scope["path"], query)
            asked = headers.get(b"if-none-match")
            if asked is not None and _matches(asked.decode("latin-1"), tag):
                self.counters.not_modified += 1
                await self._not_modified(send, tag)
                return
            entry = await self._compute(key, scope, version)
        else:
            self.counters.hits += 1
        if key in self.entries:
            self.entries.move_to_end(key)
        asked = headers.get(b"if-none-match")
        if entry.status == 200 and asked is not None and _matches(asked.decode("latin-1"), entry.tag):
            self.counters.not_modified += 1
            await self._not_modified(send, entry.tag)
            return
        await send({"type": "http.response.start", "status": entry.status, "headers": entry.headers})
        await send({"type": "http.response.body", "body": entry.body})

    def _normalised(self, raw: bytes) -> str:
        if not raw:
            return ""
        query = self._queries.get(raw)
        if query is None:
            if len(self._queries) >= 4096:  # a bound, not an LRU: the map asks the same few again and again
                self._queries.clear()
            query = self._queries[raw] = normalised_query(raw.decode("latin-1"))
        return query

    async def _not_modified(self, send: Send, tag: str) -> None:
        headers = [(b"etag", tag.encode()), (b"cache-control", b"no-cache"), *self.not_modified_headers]
        await send({"type": "http.response.start", "status": 304, "headers": headers})
        await send({"type": "http.response.body", "body": b""})

    async def _compute(self, key: _Key, scope: Scope, version: str) -> CachedResponse:
        """Return the response for `key` at `version`, computed once however many requests ask at once."""
        running = self._running(key)
        if running is not None:
            return await asyncio.shield(running)
        future: asyncio.Future[CachedResponse] = asyncio.get_running_loop().create_future()
        self.computing[key] = future
        try:
            self.counters.computed += 1
            entry = await self._run(scope, version)
        except BaseException as exc:
            future.set_exception(exc)
            future.exception()  # retrieved: waiters re-raise it, nobody logs "never retrieved"
            raise
        finally:
            if self.computing.get(key) is future:
                del self.computing[key]
        future.set_result(entry)
        self._keep(key, entry)
        return entry

    def _running(self, key: _Key) -> asyncio.Future[CachedResponse] | None:
        """Return the computation of `key` in progress on this event loop, if any.

        A computation left on another loop (a test client runs each request on its own loop, which may
        end with a refresh unfinished) is forgotten rather than awaited forever.
        """
        running = self.computing.get(key)
        if running is not None and running.get_loop() is not asyncio.get_running_loop():
            del self.computing[key]
            return None
        return running

    def _maybe_refresh(self, key: _Key, entry: CachedResponse, scope: Scope, version: str) -> None:
        if self._running(key) is not None:
            return
        if time.monotonic() - entry.made < max(self.min_refresh, entry.cost / self.refresh_share):
            return
        self.counters.refreshes += 1
        task = asyncio.get_running_loop().create_task(self._refresh(key, dict(scope), version))
        self.refreshing.add(task)
        task.add_done_callback(self.refreshing.discard)

    async def _refresh(self, key: _Key, scope: Scope, version: str) -> None:
        try:
            await self._compute(key, scope, version)
        except Exception:  # the app logged it; the previous answer stays until the next refresh
            return

    async def _run(self, scope: Scope, version: str) -> CachedResponse:
        """Run the app for a copy of `scope` (without If-None-Match) and collect what it sends."""
        inner = dict(scope)
        inner["headers"] = [(k, v) for k, v in scope.get("headers") or [] if k != b"if-none-match"]
        tag = etag(version, scope["path"], self._normalised(scope.get("query_string", b"")))
        status = 500
        headers: list[tuple[bytes, bytes]] = []
        chunks: list[bytes] = []
        asked = False

        async def receive() -> Message:
            nonlocal asked
            if not asked:
                asked = True
                return {"type": "http.request", "body": b"", "more_body": False}
            return {"type": "http.disconnect"}

        async def collect(message: Message) -> None:
            nonlocal status, headers
            if message["type"] == "http.response.start":
                status = int(message["status"])
                headers = [(bytes(k), bytes(v)) for k, v in message.get("headers", [])]
            elif message["type"] == "http.response.body":
                chunks.append(bytes(message.get("body", b"")))

        started = time.monotonic()
        await self.app(inner, receive, collect)
        cost = time.monotonic() - started
        if status == 200:
            headers = [(k, v) for k, v in headers if k.lower() not in (b"etag", b"cache-control")]
            headers += [(b"etag", tag.encode()), (b"cache-control", b"no-cache")]
        return CachedResponse(status, headers, b"".join(chunks), version, tag, cost)

    def _keep(self, key: _Key, entry: CachedResponse) -> None:
        old = self.entries.pop(key, None)
        if old is not None:
            self.bytes -= old.size
        if entry.status != 200 or entry.size > self.max_entry_bytes:
            return
        self.entries[key] = entry
        self.bytes += entry.size
        while self.bytes > self.max_bytes and self.entries:
            _key, dropped = self.entries.popitem(last=False)
            self.bytes -= dropped.size
