"""The HTTP face: a FastAPI app with the read API, token-protected writes and the web map page."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from flashpoint.api.server import serve
from flashpoint.api.tokens import TokenInfo, create_token, list_tokens, revoke_token, verify_token

if TYPE_CHECKING:
    from flashpoint.api.app import create_app

__all__ = ["TokenInfo", "create_app", "create_token", "list_tokens", "revoke_token", "serve", "verify_token"]


def __getattr__(name: str) -> Any:
    # FastAPI loads when the app is first asked for, so the CLI's token and serve commands start quickly.
    if name == "create_app":
        from flashpoint.api.app import create_app

        return create_app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
