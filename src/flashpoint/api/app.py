"""The FastAPI application: read and write routes, JSON errors, a body size limit, CORS and the web page."""

from __future__ import annotations

import logging
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
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from flashpoint import __version__
from flashpoint.api.analysis import analysis_router
from flashpoint.api.conditional import ConditionalReads
from flashpoint.api.reads import read_router
from flashpoint.api.tokens import ensure_table
from flashpoint.api.writes import PipelineSlot, write_router
from flashpoint.errors import FlashpointError, StoreError
from flashpoint.pipeline import Pipeline
from flashpoint.settings import Settings
from flashpoint.store import Store

__all__ = ["BodyLimit", "create_app", "web_root"]

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


def _error(status: int, detail: Any, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(
        {"error": _STATUS_NAMES.get(status, "error"), "detail": detail}, status_code=status, headers=headers
    )


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
) -> Any:
    """Return the FastAPI app serving the API and the web page for the store in `settings.db`.

    `store` and `pipeline` replace the defaults (a Store opened on `settings.db_url`, and
    `flashpoint.load_pipeline(settings)` built on the first write).  CORS is off unless origins are
    given (never a wildcard); `tile_url` is a raster tile template ("…/{z}/{x}/{y}.png") for the map.
    """
    owned = store is None
    store = store or Store.from_settings(settings)
    ensure_table(store.engine)
    origins = tuple(cors_origins if cors_origins is not None else getattr(settings, "cors_origins", ()) or ())
    if "*" in origins:
        raise FlashpointError("CORS origins must be listed one by one; a wildcard is refused")
    tiles = tile_url if tile_url is not None else getattr(settings, "tile_url", None)

    def default_pipeline() -> Pipeline:
        from flashpoint.pipeline import load_pipeline

        return load_pipeline(settings)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        if owned:
            store.close()

    app = FastAPI(
        lifespan=lifespan,
        title="flashpoint",
        version=__version__,
        description="Sourced, geocoded conflict events: who did what to whom, where, when — and who says so.",
    )
    app.state.store = store
    app.state.settings = settings
    app.state.pipeline = PipelineSlot(pipeline or default_pipeline)
    app.state.tile_url = tiles
    app.include_router(read_router())
    app.include_router(analysis_router())
    app.include_router(write_router())
    _add_error_handlers(app)
    _add_web(app)
    app.add_middleware(ConditionalReads)  # ETag / 304 on GET /api/…, inside CORS so a 304 carries its headers
    if origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
        )
    app.add_middleware(BodyLimit, max_bytes=settings.max_bytes)
    app.add_middleware(GZipMiddleware, minimum_size=1024)
    return app


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
        log.error("store error: %s", exc)
        return _error(503, str(exc))

    @app.exception_handler(FlashpointError)
    async def domain_error(_request: Request, exc: FlashpointError) -> JSONResponse:
        return _error(400, str(exc))

    @app.exception_handler(Exception)
    async def crash(_request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error")
        return _error(500, f"{type(exc).__name__}; see the server log")


def _origin_of(url: str | None) -> list[str]:
    if not url:
        return []
    parts = urlsplit(url)
    host = parts.netloc.replace("{s}", "*")
    return [f"{parts.scheme}://{host}"] if parts.scheme in ("http", "https") and host else []


def _add_web(app: FastAPI) -> None:
    root = web_root()

    @app.get("/", include_in_schema=False)
    def index(request: Request) -> FileResponse:
        # The page builds every element from data with textContent; the policy is a second wall:
        # no inline script, no script from elsewhere, images only from us and the tile server.
        images = " ".join(["'self'", "data:", *_origin_of(request.app.state.tile_url)])
        policy = (
            f"default-src 'self'; script-src 'self'; style-src 'self'; img-src {images}; "
            "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
        )
        return FileResponse(
            root / "index.html",
            media_type="text/html; charset=utf-8",
            headers={"Content-Security-Policy": policy, "X-Content-Type-Options": "nosniff"},
        )

    @app.get("/api/config", tags=["meta"])
    def config(request: Request) -> dict[str, Any]:
        """Return what the web page needs to know: the basemap tile template (null when none)."""
        return {"tile_url": request.app.state.tile_url, "version": __version__}

    app.mount("/static", StaticFiles(directory=root), name="static")
