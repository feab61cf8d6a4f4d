"""The store: documents, events, reports, claims and rejections in SQLite or PostgreSQL."""

from __future__ import annotations

from flashpoint.store.ids import document_id, event_id
from flashpoint.store.results import (
    EventDetail,
    EventQuery,
    StoredClaim,
    StoredDocument,
    StoredEvent,
    StoredRejection,
    StoredReport,
    StoreStats,
)
from flashpoint.store.store import Store, database_url, migrate

__all__ = [
    "EventDetail",
    "EventQuery",
    "Store",
    "StoreStats",
    "StoredClaim",
    "StoredDocument",
    "StoredEvent",
    "StoredRejection",
    "StoredReport",
    "database_url",
    "document_id",
    "event_id",
    "migrate",
]
