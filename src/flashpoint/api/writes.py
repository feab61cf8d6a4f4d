"""The write API: `POST /api/documents` reads a text, runs the pipeline and stores what it finds.

Writes need `Authorization: Bearer <token>` with a token from `flashpoint token create`:
401 without one, 403 with one that is unknown or revoked.  Reading and coding run in the app's
`WritePool` (never on the event loop), within `settings.write_budget` seconds; a text that cannot be
read, or one over budget, is recorded as a Rejection and answered 422.  The stored `source` is
"api:<token name>" (plus ":<label>" when the body gives a `source`), so every document names the
token that wrote it and no caller can pass a document off as a local file.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from flashpoint.api.tokens import TokenInfo, verify_token
from flashpoint.api.validation import API_FORMATS, api_source, check_date, parse_json, text_field
from flashpoint.api.workers import Busy, Deadline, OverBudget, WritePool
from flashpoint.errors import FlashpointError
from flashpoint.ingest.formats import read_bytes, read_decoded
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
                        "enum": list(API_FORMATS),
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


async def _read_body(request: Request) -> tuple[str | bytes, str, dict[str, Any]]:
    """Return the payload (raw bytes, or the JSON body's text), its format and the JSON body ({} for raw)."""
    raw = await request.body()
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type in _RAW_FORMATS:
        # Decoded by the CLI's rules (byte-order mark, UTF-8, declared charset; binary refused).
        return raw, _RAW_FORMATS[content_type], {}
    if content_type not in ("application/json", ""):
        raise HTTPException(415, "send application/json, text/plain, text/markdown or text/html")
    body = parse_json(raw)
    if not isinstance(body, dict) or not isinstance(body.get("text"), str):
        raise HTTPException(422, 'the JSON body needs a "text" string')
    format = body.get("format") or "auto"
    if not isinstance(format, str) or format not in API_FORMATS:
        raise HTTPException(422, f"format must be one of {', '.join(API_FORMATS)}")
    return body["text"], format, body


def _metadata(body: dict[str, Any]) -> dict[str, Any]:
    """Return the checked metadata fields of a JSON body (HTTP 422 for a bad one)."""
    changes: dict[str, Any] = {}
    for name in _FIELDS:
        value = text_field(body, name)
        if value:
            changes[name] = value
    published = body.get("published")
    if published is not None:
        try:
            day = dt.date.fromisoformat(published[:10]) if isinstance(published, str) else None
        except ValueError:
            day = None
        if day is None:
            raise HTTPException(422, "published must be an ISO date (YYYY-MM-DD)")
        changes["published"] = check_date(day, name="published")
    return changes


def _write(
    store: Store,
    slot: PipelineSlot,
    request: _WriteRequest,
    deadline: Deadline,
) -> dict[str, Any] | None:
    """Return the stored ids for one write (run in a worker), or None when it was abandoned over budget.

    A text that cannot be read is recorded as a Rejection and answered with HTTP 422.
    """
    if isinstance(request.payload, bytes):
        items = list(read_bytes(request.payload, format=request.format, source=request.source))
    else:
        items = list(read_decoded(request.payload, format=request.format, source=request.source))
    refused = next((item for item in items if isinstance(item, Rejection)), None)
    if refused is not None:
        store.add_rejection(Rejection(refused.source, refused.reason, stage="api"))
        raise HTTPException(422, refused.reason)
    docs = [replace(item, **request.metadata) if request.metadata else item for item in items]
    deadline.check()
    results = slot.run([doc for doc in docs if isinstance(doc, Document)])
    if not deadline.commit():
        return None
    stored: list[dict[str, Any]] = []
    rejected: list[dict[str, str]] = []
    for item in results:
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


@dataclass(frozen=True, slots=True)
class _WriteRequest:
    payload: str | bytes
    format: str
    source: str
    metadata: dict[str, Any]


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
        payload, format, body = await _read_body(request)
        write = _WriteRequest(
            payload=payload,
            format=format,
            source=api_source(token.name, text_field(body, "source", limit=200)),
            metadata=_metadata(body),
        )
        store: Store = request.app.state.store
        slot: PipelineSlot = request.app.state.pipeline
        pool: WritePool = request.app.state.writes
        try:
            result = await pool.run(partial(_write, store, slot, write))
        except Busy:
            raise HTTPException(
                503, "the server is busy with other writes; retry shortly", headers={"Retry-After": "5"}
            ) from None
        except OverBudget:
            result = None
        if result is None:
            reason = f"reading and coding took longer than the write budget ({pool.budget:g} s)"
            await run_in_threadpool(store.add_rejection, Rejection(write.source, reason, stage="api"))
            raise HTTPException(422, reason)
        status = 201 if result["documents"] else 422
        return JSONResponse(result, status_code=status)

    return router
