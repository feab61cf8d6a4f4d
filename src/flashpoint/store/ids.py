"""Stable identifiers: the same document and event get the same ids on every run and in every store."""

from __future__ import annotations

import hashlib

from flashpoint.records import Document, Event, content_hash

__all__ = ["document_hash", "document_id", "event_id"]


def document_hash(doc: Document) -> str:
    """Return the document's content hash (computed from its text when ingest left it empty)."""
    return doc.hash or content_hash(doc.text)


def document_id(doc_hash: str) -> str:
    """Return the store's id for a document with this content hash: "doc_" + 16 hex."""
    return f"doc_{doc_hash[:16]}"


def event_id(doc_hash: str, event: Event) -> str:
    """Return the stable event id: "ev_" + 16 hex of the document hash, sentence, trigger span and type."""
    key = f"{doc_hash}|{event.sentence}|{event.trigger_start}|{event.trigger_end}|{event.type}"
    return "ev_" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
