"""Running the API: uvicorn serving `create_app(settings)`, in one process or in several workers, with an
access log that never holds a token.

With `workers` above 1, uvicorn starts that many processes, each building its own app from the
environment: `serve` writes the settings as FLASHPOINT_* variables (what `Settings.load` reads) and the
serving options as FLASHPOINT_SERVE_* ones, and each worker calls `app_from_environment`.  SQLite readers
never wait on the writer (WAL), so the workers share one database file.
"""

from __future__ import annotations

import copy
import json
import logging
import os
import re
from collections.abc import Sequence
from dataclasses import fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from flashpoint.settings import Settings

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = [
    "SERVE_READ_CACHE",
    "RedactSecrets",
    "app_from_environment",
    "log_config",
    "redact",
    "serve",
    "settings_environment",
]

# A query parameter starts right after "?" or "&" (the look-behind keeps each search from rescanning a
# long name from every position: the log filter must stay linear in the line it cleans).
_PARAM = re.compile(r"(?<=[?&])([^?&=\s]+)=([^&\s]*)")
_SECRET_NAME = re.compile(r"token|key|auth|secret|passw", re.IGNORECASE)
# Our token shape, only where a token can start (not inside a longer run of token characters).
_TOKEN = re.compile(r"(?<![A-Za-z0-9_\-])fp_[A-Za-z0-9_\-]{8,}")


def _param(match: re.Match[str]) -> str:
    name = match.group(1)
    return f"{name}=[redacted]" if _SECRET_NAME.search(name) else match.group(0)


def redact(text: str) -> str:
    """Return `text` with API tokens and the values of secret-looking query parameters replaced."""
    return _TOKEN.sub("fp_[redacted]", _PARAM.sub(_param, text))


class RedactSecrets(logging.Filter):
    """A logging filter that removes tokens from uvicorn's access log lines (and any other record)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(redact(arg) if isinstance(arg, str) else arg for arg in record.args)
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        return True


def log_config() -> dict[str, Any]:
    """Return uvicorn's logging configuration with `RedactSecrets` on its access and error loggers."""
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config.setdefault("filters", {})["redact"] = {"()": f"{__name__}.RedactSecrets"}
    for name in ("uvicorn.access", "uvicorn.error"):
        config["loggers"].setdefault(name, {})["filters"] = ["redact"]
    return config


# A served read that took longer than this to compute is answered from its previous version while it is
# recomputed in the background (see flashpoint.api.conditional): the map never waits on a detection.
SERVE_READ_CACHE: dict[str, Any] = {"slow": 0.1}

WORKER_HEALTHCHECK_SECONDS = 60

_CORS = "FLASHPOINT_SERVE_CORS_ORIGINS"  # a JSON list
_TILES = "FLASHPOINT_SERVE_TILE_URL"


def settings_environment(settings: Settings) -> dict[str, str]:
    """Return the FLASHPOINT_* variables from which `Settings.load()` rebuilds `settings`."""
    env: dict[str, str] = {}
    for f in fields(settings):
        value = getattr(settings, f.name)
        if value is None:
            continue
        if isinstance(value, tuple):  # as Settings.load splits it: origins on ",", paths on os.pathsep
            value = ("," if f.name == "cors_origins" else os.pathsep).join(str(v) for v in value)
        elif isinstance(value, Path):
            value = str(value)
        env[f"FLASHPOINT_{f.name.upper()}"] = str(value)
    return env


def app_from_environment() -> FastAPI:
    """Return the app a worker serves: settings from FLASHPOINT_*, CORS and tiles from FLASHPOINT_SERVE_*."""
    from flashpoint.api.app import create_app

    origins = json.loads(os.environ.get(_CORS) or "null")
    return create_app(
        Settings.load(),
        cors_origins=origins,
        tile_url=os.environ.get(_TILES) or None,
        read_cache=SERVE_READ_CACHE,
    )


def serve(
    settings: Settings,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    cors_origins: Sequence[str] | None = None,
    tile_url: str | None = None,
    log_level: str = "info",
    workers: int = 1,
) -> None:
    """Serve the API and the web page until interrupted (blocks); `workers` processes when above 1."""
    import uvicorn

    from flashpoint.api.app import create_app
    from flashpoint.api.nodelay import NODELAY_HTTP

    if workers <= 1:
        app = create_app(settings, cors_origins=cors_origins, tile_url=tile_url, read_cache=SERVE_READ_CACHE)
        uvicorn.run(
            app,
            host=host,
            port=port,
            log_level=log_level,
            server_header=False,
            log_config=log_config(),
            http=NODELAY_HTTP,
        )
        return
    # Fail here (bad URL, a newer schema, a wildcard origin), not once in every worker.
    create_app(settings, cors_origins=cors_origins, tile_url=tile_url).state.store.close()
    os.environ.update(settings_environment(settings))
    os.environ[_CORS] = json.dumps(list(cors_origins) if cors_origins is not None else None)
    os.environ[_TILES] = tile_url or ""
    uvicorn.run(
        "flashpoint.api.server:app_from_environment",
        factory=True,
        workers=workers,
        host=host,
        port=port,
        log_level=log_level,
        server_header=False,
        log_config=log_config(),
        # uvicorn kills a worker that does not answer its supervisor's ping within this many seconds (5 by
        # default): on a busy machine a worker still importing its app misses it and is restarted forever.
        timeout_worker_healthcheck=WORKER_HEALTHCHECK_SECONDS,
        http=NODELAY_HTTP,  # uvicorn's worker sockets leave Nagle on: 40 ms a response (api/nodelay.py)
    )
