"""Running the API: uvicorn serving `create_app(settings)`, in one process or in several workers.

With `workers` above 1, uvicorn starts that many processes, each building its own app from the
environment: `serve` writes the settings as FLASHPOINT_* variables (what `Settings.load` reads) and the
serving options as FLASHPOINT_SERVE_* ones, and each worker calls `app_from_environment`.  SQLite readers
never wait on the writer (WAL), so the workers share one database file.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import fields
from pathlib import Path
from typing import Any

from flashpoint.settings import Settings

__all__ = ["app_from_environment", "serve", "settings_environment"]

_CORS = "FLASHPOINT_SERVE_CORS_ORIGINS"  # a JSON list
_TILES = "FLASHPOINT_SERVE_TILE_URL"


def settings_environment(settings: Settings) -> dict[str, str]:
    """Return the FLASHPOINT_* variables from which `Settings.load()` rebuilds `settings`."""
    env: dict[str, str] = {}
    for f in fields(settings):
        value = getattr(settings, f.name)
        if value is None:
            continue
        if isinstance(value, tuple):
            value = os.pathsep.join(str(v) for v in value)
        elif isinstance(value, Path):
            value = str(value)
        env[f"FLASHPOINT_{f.name.upper()}"] = str(value)
    return env


def app_from_environment() -> Any:
    """Return the app a worker serves: settings from FLASHPOINT_*, CORS and tiles from FLASHPOINT_SERVE_*."""
    from flashpoint.api.app import create_app

    origins = json.loads(os.environ.get(_CORS) or "null")
    return create_app(Settings.load(), cors_origins=origins, tile_url=os.environ.get(_TILES) or None)


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

    if workers <= 1:
        app = create_app(settings, cors_origins=cors_origins, tile_url=tile_url)
        uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False)
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
    )
