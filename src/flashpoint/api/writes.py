"""The write API: `POST /api/documents` reads a text, runs the pipeline and stores what it finds.

Writes need `Authorization: Bearer <token>` with a token from `flashpoint token create`:
401 without one, 403 with one that is unknown or revoked.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Callable
from dataclasses import replace
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from flashpoint.api.tokens import TokenInfo, verify_token
from flashpoint.errors import FlashpointError, IngestError
from flashpoint.pipeline import Pipeline
from flashpoint.records import Document, Rejection
from flashpoint.store import Store, document_id, event_id
from flashpoint.store.ids import document_hash

__all__ = ["PipelineSlot", "require_token", "write_router"]

_RAW_FORMATS = {"text/plain": "auto", "text/markdown": "markdown", "text/html": "html"}
_FIELDS = ("title", "author", "publisher", "url", "origin")
_TEXT_FIELD = {"type": "string"}
_REQUEST_BODY: dict[str, Any] = {
    "required": True,
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "required": ["text"],
                "properties": {
                    "text": _TEXT_FIELD,
                    "format": {
                        "type": "string",
                        "enum": ["auto", "text", "markdown", "html", "json", "jsonl"],
                    },
                    "source": _TEXT_FIELD,
                    **{name: _TEXT_FIELD for name in _FIELDS},
                    "published": {"type": "string", "format": "date"},
                },
            }
        },
        **{kind: {"schema": _TEXT_FIELD} for kind in ("text/plain", "text/markdown", "text/html")},
    },
}


class PipelineSlot:
    """The pipeline, built on first use (loading spaCy is slow) and run by one request at a time."""

    def __init__(self, factory: Callable[[], Pipeline]) -> None:
        self._factory = factory
        self._pipeline: Pipeline | None = None
        self._lock = threading.Lock()

    def run(self, docs: list[Document]) -> list[Document | Rejection]:
        """Return each document run through the pipeline, or its Rejection."""
        with self._lock:
            if self._pipeline is None:
                try:
                    self._pipeline = self._factory()
                except FlashpointError as exc:
                    # A missing model or unreadable gazetteer is the server's fault, not the caller's.
                    raise HTTPException(503, f"the pipeline cannot be loaded: {exc}") from exc
            return list(self._pipeline.pipe(docs))


def require_token(request: Request) -> TokenInfo:
    """Return the caller's token metadata; HTTP 401 without a bearer token, 403 with a bad one."""
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise HTTPException(
            401, "this endpoint needs Authorization: Bearer <token>", headers={"WWW-Authenticate": "Bearer"}
        )
    store: Store = request.app.state.store
    info = verify_token(store.engine, token.strip())
    if info is None:
        raise HTTPException(403, "the token is unknown or revoked")
    return info


async def _read_body(request: Request) -> tuple[str, str, dict[str, Any]]:
    raw = await request.body()
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type in _RAW_FORMATS:
        return raw.decode("utf-8", errors="replace"), _RAW_FORMATS[content_type], {}
    if content_type not in ("application/json", ""):
        raise HTTPException(415, "send application/json, text/plain, text/markdown or text/html")
    try:
        body = json.loads(raw or b"null")
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise HTTPException(400, f"the body is not valid JSON: {exc}") from None
    if not isinstance(body, dict) or not isinstance(body.get("text"), str):
        raise HTTPException(422, 'the JSON body needs a "text" string')
    return body["text"], str(body.get("format") or "auto"), body


def _with_metadata(doc: Document, body: dict[str, Any]) -> Document:
    changes: dict[str, Any] = {f: str(body[f]) for f in _FIELDS if isinstance(body.get(f), str) and body[f]}
    if isinstance(body.get("published"), str):
        try:
            changes["published"] = dt.date.fromisoformat(body["published"][:10])
        except ValueError:
            raise HTTPException(422, "published must be an ISO date (YYYY-MM-DD)") from None
    return replace(doc, **changes) if changes else doc


def _ingest(store: Store, slot: PipelineSlot, docs: list[Document]) -> dict[str, Any]:
    stored: list[dict[str, Any]] = []
    rejected: list[dict[str, str]] = []
    for item in slot.run(docs):
        if isinstance(item, Rejection):
            store.add_rejection(item)
            rejected.append({"source": item.source, "reason": item.reason, "stage": item.stage})
            continue
        digest = document_hash(item)
        added = store.add(item)
        stored.append(
            {
                "id": document_id(digest),
                "added": added,
                "events": list(dict.fromkeys(event_id(digest, e) for e in item.events)),
            }
        )
    return {"documents": stored, "rejected": rejected}


def write_router() -> APIRouter:
    """Return the router with the token-protected write routes."""
    router = APIRouter()

    @router.post(
        "/api/documents",
        tags=["documents"],
        status_code=201,
        openapi_extra={"requestBody": _REQUEST_BODY},
        responses={
            401: {"description": "no bearer token"},
            403: {"description": "unknown or revoked token"},
            413: {"description": "body larger than max_bytes"},
            422: {"description": "nothing readable"},
        },
    )
    async def post_document(
        request: Request, token: Annotated[TokenInfo, Depends(require_token)]
    ) -> JSONResponse:
        """Ingest a text (JSON {"text", "format", "source", "title", "url", "published"} or a raw body).

        Returns 201 with the stored document ids and event ids; 422 when nothing could be read.
        """
        text, format, body = await _read_body(request)
        source = str(body.get("source") or f"api:{token.name}")
        from flashpoint.ingest import FORMATS, read_text

        if format not in FORMATS:
            raise HTTPException(422, f"format must be one of {', '.join(FORMATS)}")
        try:
            docs = read_text(text, format=format, source=source)
        except IngestError as exc:
            raise HTTPException(422, exc.reason) from None
        docs = [_with_metadata(doc, body) for doc in docs]
        result = await run_in_threadpool(_ingest, request.app.state.store, request.app.state.pipeline, docs)
        status = 201 if result["documents"] else 422
        return JSONResponse(result, status_code=status)

    return router
