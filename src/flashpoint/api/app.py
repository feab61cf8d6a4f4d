"""The FastAPI application: read and write routes, JSON errors, a body size limit, CORS and the web page.

Every error body is {"error", "detail", "error_id"}: the detail is a message meant for the caller,
never a driver message or a traceback; those go to the log under the same error id.  Every response
carries nosniff and no-referrer, every HTML response a Content-Security-Policy and frame denial.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from importlib.resources import files
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from flashpoint import __version__, open_store
from flashpoint.api.analysis import analysis_router
from flashpoint.api.conditional import CacheCounters, ReadCache
from flashpoint.api.links import check_base_url
from flashpoint.api.reads import read_router
from flashpoint.api.versions import VersionWatch
from flashpoint.api.workers import WritePool
from flashpoint.api.writes import PipelineSlot, write_router
from flashpoint.errors import FlashpointError, StoreError
from flashpoint.pipeline import Pipeline
from flashpoint.settings import Settings
from flashpoint.store import Store

__all__ = ["BodyLimit", "SecurityHeaders", "create_app", "web_root"]

log = logging.getLogger(__name__)

_STATUS_NAMES = {
    400: "bad request",
    401: "unauthorized",
    403: "forbidden",
    404: "not found",
    405: "method not allowed",
    413: "payload too large",
    415: "unsupported media type",
    422: "invalid request",
    500: "internal error",
    503: "unavailable",
}


def _error(
    status: int, detail: Any, headers: dict[str, str] | None = None, *, error_id: str | None = None
) -> JSONResponse:
    """Return the JSON error response; `error_id` (new when None) ties it to the log line."""
    error_id = error_id or uuid.uuid4().hex[:16]
    if status < 500:
        log.info("%s %s (error id %s)", status, detail, error_id)
    return JSONResponse(
        {"error": _STATUS_NAMES.get(status, "error"), "detail": detail, "error_id": error_id},
        status_code=status,
        headers=headers,
    )


class SecurityHeaders:
    """ASGI middleware: nosniff and no-referrer on every response; CSP and frame denial on HTML ones.

    `policies` maps a path to its Content-Security-Policy; other HTML gets `default_policy`, unless the route
    set a policy of its own.
    """

    ALWAYS = ((b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer"))

    def __init__(self, app: ASGIApp, *, default_policy: str, policies: dict[str, str] | None = None) -> None:
        self.app = app
        self.default_policy = default_policy
        self.policies = dict(policies or {})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        policy = self.policies.get(scope.get("path", ""), self.default_policy)

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in self.ALWAYS:
                    headers[name.decode()] = value.decode()
                if headers.get("content-type", "").startswith("text/html"):
                    # A route that sets its own policy (the brief: no script at all) keeps it.
                    headers.setdefault("Content-Security-Policy", policy)
                    headers["X-Frame-Options"] = "DENY"
            await send(message)

        await self.app(scope, receive, with_headers)


class BodyLimit:
    """ASGI middleware: answers 413 when a request body is larger than `max_bytes`."""

    def __init__(self, app: ASGIApp, *, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await _error(413, f"the body is larger than {self.max_bytes} bytes")(scope, receive, send)
            return
        seen = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise _TooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except _TooLarge:
            if not started:
                await _error(413, f"the body is larger than {self.max_bytes} bytes")(scope, receive, send)


class _TooLarge(Exception):
    pass


def web_root() -> Path:
    """Return the folder holding the web page and its assets."""
    return Path(str(files("flashpoint") / "web"))


def create_app(
    settings: Settings,
    *,
    store: Store | None = None,
    pipeline: Callable[[], Pipeline] | None = None,
    cors_origins: Sequence[str] | None = None,
    tile_url: str | None = None,
    read_cache: dict[str, Any] | None = None,
) -> FastAPI:
    """Return the FastAPI app serving the API and the web page for the store in `settings.db`.

    `store` and `pipeline` replace the defaults (a Store opened on `settings.db_url`, and
    `flashpoint.load_pipeline(settings)` built on the first write).  CORS is off unless origins are
    given (never a wildcard); `tile_url` is a raster tile template ("…/{z}/{x}/{y}.png") for the map. Both
    default to the settings' `cors_origins` and `tile_url` (a config file can set them).
    `read_cache` sets `ReadCache` options (`slow`, `refresh_share`, `min_refresh`, `max_bytes`).
    """
    base_url = check_base_url(settings.base_url)

    def write_pool() -> WritePool:
        return WritePool(
            workers=settings.write_workers, queue=settings.write_queue, budget=settings.write_budget
        )

    owned = store is None
    store = store or open_store(settings)
    origins = tuple(cors_origins if cors_origins is not None else settings.cors_origins)
    if "*" in origins:
        raise FlashpointError("CORS origins must be listed one by one; a wildcard is refused")
    tiles = tile_url if tile_url is not None else settings.tile_url

    def default_pipeline() -> Pipeline:
        from flashpoint.pipeline import load_pipeline

        return load_pipeline(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if app.state.writes.closed:  # served again after a shutdown (tests do this)
            app.state.writes = write_pool()
        versions.open()
        yield
        app.state.writes.close()
        versions.close()
        if owned:
            store.close()

    app = FastAPI(
        lifespan=lifespan,
        title="flashpoint",
        version=__version__,
        description="Sourced, geocoded conflict events: who did what to whom, where, when — and who says so.",
        # Swagger UI loads its script from a CDN: off unless asked for, so nothing breaks or leaks offline.
        docs_url="/docs" if settings.api_docs else None,
        redoc_url=None,
        # FastAPI's OpenTelemetry bridge asks the global providers (environment look-ups) on every
        # request, a third of what a cached read costs; flashpoint configures no telemetry.
        telemetry={"tracing": False, "metrics": False, "logs": False},
    )
    app.state.store = store
    versions = VersionWatch(store)
    app.state.versions = versions
    app.state.settings = settings
    app.state.pipeline = PipelineSlot(pipeline or default_pipeline)
    app.state.tile_url = tiles
    app.state.base_url = base_url
    app.state.writes = write_pool()
    app.include_router(read_router())
    app.include_router(analysis_router())
    app.include_router(write_router())
    _add_error_handlers(app)
    _add_web(app)
    if origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
        )
    app.add_middleware(BodyLimit, max_bytes=settings.max_bytes)
    # Level 6 (not Starlette's 9): most of the size for a fraction of the time; each answer is compressed
    # once per store version, then served from ReadCache.
    app.add_middleware(GZipMiddleware, minimum_size=1024, compresslevel=6)
    app.add_middleware(
        SecurityHeaders,
        default_policy=_page_policy(tiles),
        policies={"/docs": _DOCS_POLICY} if settings.api_docs else {},
    )
    # Outermost: it keeps what gzip, CORS and the security headers made of an answer (keyed on
    # Accept-Encoding and Origin), so a repeated read runs none of them again.
    app.state.read_cache = CacheCounters()
    app.add_middleware(
        ReadCache,
        versions=versions,
        counters=app.state.read_cache,
        not_modified_headers=SecurityHeaders.ALWAYS,
        **(read_cache or {}),
    )
    return app


# Swagger UI's page: its script and style from the CDN FastAPI names, and one inline start-up script.
_DOCS_POLICY = (
    "default-src 'none'; script-src https://cdn.jsdelivr.net 'unsafe-inline'; "
    "style-src https://cdn.jsdelivr.net; img-src 'self' data: https://fastapi.tiangolo.com; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'"
)


def _page_policy(tile_url: str | None) -> str:
    """Return the CSP of our HTML: no inline script, nothing from elsewhere but the map's tiles."""
    images = " ".join(["'self'", "data:", *_origin_of(tile_url)])
    return (
        f"default-src 'self'; script-src 'self'; style-src 'self'; img-src {images}; "
        "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
    )


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _error(exc.status_code, exc.detail, getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [
            {"where": ".".join(str(p) for p in err.get("loc", ())), "problem": err.get("msg", "")}
            for err in exc.errors()
        ]
        return _error(422, problems)

    @app.exception_handler(StoreError)
    async def store_error(_request: Request, exc: StoreError) -> JSONResponse:
        # The driver's message can hold the SQL and its parameters: the log gets it, the caller an id.
        error_id = uuid.uuid4().hex[:16]
        log.error("store error (error id %s): %s", error_id, exc)
        return _error(503, "the database cannot answer this request; see the server log", error_id=error_id)

    @app.exception_handler(FlashpointError)
    async def domain_error(_request: Request, exc: FlashpointError) -> JSONResponse:
        return _error(400, str(exc))

    @app.exception_handler(ClientDisconnect)
    async def gone(request: Request, _exc: ClientDisconnect) -> Response:
        # Nobody is left to answer: one log line, no traceback.
        log.info("client disconnected before its request was read: %s %s", request.method, request.url.path)
        return Response(status_code=400)

    @app.exception_handler(Exception)
    async def crash(_request: Request, exc: Exception) -> JSONResponse:
        error_id = uuid.uuid4().hex[:16]
        log.error("unhandled error (error id %s)", error_id, exc_info=exc)
        return _error(500, "internal error; see the server log", error_id=error_id)


def _origin_of(url: str | None) -> list[str]:
    if not url:
        return []
    parts = urlsplit(url)
    host = parts.netloc.replace("{s}", "*")
    return [f"{parts.scheme}://{host}"] if parts.scheme in ("http", "https") and host else []


def _add_web(app: FastAPI) -> None:
    root = web_root()

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        # The page builds every element from data with textContent; SecurityHeaders' policy is a
        # second wall: no inline script, no script from elsewhere, images only from us and the tiles.
        return FileResponse(root / "index.html", media_type="text/html; charset=utf-8")

    @app.get("/api/config", tags=["meta"])
    def config(request: Request) -> dict[str, Any]:
        """Return what the web page needs to know: the basemap tile template (null when none)."""
        return {"tile_url": request.app.state.tile_url, "version": __version__}

    app.mount("/static", StaticFiles(directory=root), name="static")
