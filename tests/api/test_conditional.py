"""Conditional reads: ETag on GET /api/…, 304 for a matching If-None-Match until a write, gzip for big bodies."""

from __future__ import annotations

import dataclasses

from fastapi.testclient import TestClient

from flashpoint.api import create_app
from flashpoint.settings import Settings
from flashpoint.store import Store

from .conftest import SPECS, build_document


def test_conditional_reads_answer_304_until_the_store_changes(
    api_settings: Settings, filled_store: Store
) -> None:
    client = TestClient(create_app(api_settings, store=filled_store))
    for route in ("/api/events", "/api/stats", "/api/flashpoints", "/api/escalation", "/api/places"):
        first = client.get(route)
        tag = first.headers["etag"]
        assert first.status_code == 200 and tag.startswith('W/"')
        again = client.get(route, headers={"If-None-Match": tag})
        assert (again.status_code, again.content, again.headers["etag"]) == (304, b"", tag)
    events = client.get("/api/events").headers["etag"]
    other_query = client.get("/api/events", params={"limit": 1}, headers={"If-None-Match": events})
    assert other_query.status_code == 200 and other_query.headers["etag"] != events
    assert "etag" not in client.get("/healthz").headers  # the page keeps its own file ETag
    version = filled_store.version()
    spec = dataclasses.replace(SPECS[0], doc_id="a-new-one")
    assert filled_store.add(build_document(spec, extra_text=" A fresh paragraph."))
    assert filled_store.version() != version
    changed = client.get("/api/events", headers={"If-None-Match": events})
    assert changed.status_code == 200 and changed.headers["etag"] != events


def test_conditional_reads_gzip_large_bodies(api_settings: Settings, filled_store: Store) -> None:
    client = TestClient(create_app(api_settings, store=filled_store))
    big = client.get("/api/events", headers={"Accept-Encoding": "gzip"})
    assert big.headers.get("content-encoding") == "gzip" and big.json()["count"] == len(SPECS)
    plain = client.get("/api/events", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers and plain.json() == big.json()
