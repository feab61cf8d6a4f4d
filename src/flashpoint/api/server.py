"""Running the API: uvicorn serving `create_app(settings)`."""

from __future__ import annotations

from collections.abc import Sequence

from flashpoint.settings import Settings

__all__ = ["serve"]


def serve(
    settings: Settings,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    cors_origins: Sequence[str] | None = None,
    tile_url: str | None = None,
    log_level: str = "info",
) -> None:
    """Serve the API and the web page until interrupted (blocks)."""
    import uvicorn

    from flashpoint.api.app import create_app

    app = create_app(settings, cors_origins=cors_origins, tile_url=tile_url)
    uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False)
