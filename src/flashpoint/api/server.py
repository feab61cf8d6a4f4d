"""Running the API: uvicorn serving `create_app(settings)`, with an access log that never holds a token."""

from __future__ import annotations

import copy
import logging
import re
from collections.abc import Sequence
from typing import Any

from flashpoint.settings import Settings

__all__ = ["RedactSecrets", "log_config", "redact", "serve"]

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
    uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False, log_config=log_config())
