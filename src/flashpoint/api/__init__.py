"""The HTTP face: a FastAPI app with the read API, token-protected writes and the web map page."""

from __future__ import annotations

from flashpoint.api.app import create_app
from flashpoint.api.server import serve
from flashpoint.api.tokens import TokenInfo, create_token, list_tokens, revoke_token, verify_token

__all__ = ["TokenInfo", "create_app", "create_token", "list_tokens", "revoke_token", "serve", "verify_token"]
