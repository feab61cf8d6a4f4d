"""Absolute links the API hands out (the Atom feed's self link), built from a configured base URL.

Never from the request's Host header: a client chooses that header, and a feed reader or cache
would then carry the client's address as ours.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flashpoint.errors import ConfigError

__all__ = ["absolute_url", "check_base_url"]


def check_base_url(base_url: str | None) -> str | None:
    """Return `base_url` without a trailing slash; ConfigError when it is not an http(s) URL with a host."""
    if base_url is None or not base_url.strip():
        return None
    parts = urlsplit(base_url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
        raise ConfigError(
            f"base_url must be an http(s) URL like https://events.example.org, not {base_url!r}"
        )
    return base_url.strip().rstrip("/")


def absolute_url(path: str, *, base_url: str | None, server: tuple[str, int] | None) -> str:
    """Return the absolute URL of `path` (which starts with "/").

    From `base_url` when configured, else from the address the server listens on (`server`, as the
    ASGI scope gives it), else from loopback.
    """
    if base_url:
        return base_url.rstrip("/") + path
    host, port = server if server else ("127.0.0.1", 8000)
    host = f"[{host}]" if ":" in host else host
    return f"http://{host}:{port}{path}"
