"""The read cache on a real uvicorn server: ETag/304, answers from memory until a write, one computation
for many waiting requests, stale answers refreshed in the background, and the store version's cheap read.

Nothing here measures time: every wait is bounded and polls for a state, so a regression fails.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import os
import socket
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn

from flashpoint import open_store
from flashpoint.api import create_app
from flashpoint.api.conditional import normalised_query
from flashpoint.api.versions import VersionWatch
from flashpoint.settings import Settings
from flashpoint.store import Store

from .conftest import SPECS, build_document

WAIT = 20.0  # seconds any single wait may take before the test gives up (never an assertion on time)


@contextmanager
def live(app: Any) -> Iterator[str]:
    """Serve `app` with uvicorn on a free loopback port; yield its base URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, lifespan="on", log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    waited = threading.Event()
    for _ in range(int(WAIT * 20)):
        if server.started:
            break
        waited.wait(0.05)
    assert server.started, "uvicorn did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=WAIT)
        sock.close()


def _new_document(name: str, *, day: int = 20) -> Any:
    # A month after every sample event: its own event, not another report of one already stored.
    spec = dataclasses.replace(SPECS[0], doc_id=name, date=dt.date(2026, 5, day))
    return build_document(spec, extra_text=f" A paragraph only {name} has.")


def test_read_cache_304_until_a_write_then_a_new_answer(api_settings: Settings, filled_store: Store) -> None:
    app = create_app(api_settings, store=filled_store)
    counters = app.state.read_cache
    with live(app) as base, httpx.Client(base_url=base, timeout=WAIT) as client:
        first = client.get("/api/events", params={"limit": 50})
        tag = first.headers["etag"]
        assert first.status_code == 200 and first.headers["cache-control"] == "no-cache"
        again = client.get("/api/events", params={"limit": 50}, headers={"If-None-Match": tag})
        assert (again.status_code, again.content, again.headers["etag"]) == (304, b"", tag)
        assert again.headers["x-content-type-options"] == "nosniff"  # the security headers still apply
        computed = counters.computed
        repeat = client.get("/api/events", params={"limit": 50})
        assert repeat.content == first.content and repeat.headers["etag"] == tag
        assert counters.computed == computed and counters.hits >= 1  # from memory: the route did not run
        # A write by another connection (another process would do the same) moves the version.
        with open_store(api_settings.db_url) as writer:
            assert writer.add(_new_document("written-elsewhere"))
        changed = client.get("/api/events", params={"limit": 50}, headers={"If-None-Match": tag})
        assert changed.status_code == 200 and changed.headers["etag"] != tag
        assert changed.json()["count"] == first.json()["count"] + 1
        assert counters.computed == computed + 1


def test_read_cache_same_answer_for_reordered_parameters(api_settings: Settings, filled_store: Store) -> None:
    app = create_app(api_settings, store=filled_store)
    with live(app) as base, httpx.Client(base_url=base, timeout=WAIT) as client:
        one = client.get("/api/events?limit=2&type=ASSAULT")
        computed = app.state.read_cache.computed
        other = client.get("/api/events?type=ASSAULT&limit=2")
        assert other.headers["etag"] == one.headers["etag"] and other.content == one.content
        assert app.state.read_cache.computed == computed
    assert normalised_query("b=2&a=1&b=1") == "a=1&b=2&b=1"


def test_read_cache_gzip_kept_for_gzip_clients_only(api_settings: Settings, filled_store: Store) -> None:
    app = create_app(api_settings, store=filled_store)
    with live(app) as base, httpx.Client(base_url=base, timeout=WAIT) as client:
        for _ in range(2):  # computed, then from memory: the same encodings both times
            zipped = client.get("/api/events", headers={"Accept-Encoding": "gzip"})
            plain = client.get("/api/events", headers={"Accept-Encoding": "identity"})
            assert zipped.headers["content-encoding"] == "gzip"
            assert "content-encoding" not in plain.headers
            assert zipped.json() == plain.json()
            assert zipped.headers["etag"] == plain.headers["etag"]  # weak: the same data


def test_read_cache_many_waiting_requests_share_one_computation(
    api_settings: Settings, filled_store: Store
) -> None:
    app = create_app(api_settings, store=filled_store)
    counters = app.state.read_cache
    with live(app) as base:
        httpx.get(base + "/api/stats", timeout=WAIT)
        with open_store(api_settings.db_url) as writer:
            assert writer.add(_new_document("one-more"))
        computed = counters.computed

        async def many() -> list[httpx.Response]:
            async with httpx.AsyncClient(base_url=base, timeout=WAIT) as client:
                return list(await asyncio.gather(*(client.get("/api/stats") for _ in range(12))))

        answers = asyncio.run(many())
    assert {a.status_code for a in answers} == {200}
    assert len({a.headers["etag"] for a in answers}) == 1
    assert counters.computed == computed + 1  # whether they waited for it or came after it


def test_read_cache_errors_are_not_kept(api_settings: Settings, filled_store: Store) -> None:
    app = create_app(api_settings, store=filled_store)
    with live(app) as base, httpx.Client(base_url=base, timeout=WAIT) as client:
        for _ in range(2):
            bad = client.get("/api/events", params={"bbox": "1,2,3"})
            assert bad.status_code == 422 and "etag" not in bad.headers
    assert app.state.read_cache.computed == 2


def test_read_cache_slow_answer_is_served_stale_while_refreshed(
    api_settings: Settings, filled_store: Store
) -> None:
    # Every answer counts as slow: after a write the old one is sent, and refreshed in the background.
    app = create_app(
        api_settings,
        store=filled_store,
        read_cache={"slow": 0.0, "min_refresh": 0.0, "refresh_share": 1.0},
    )
    counters = app.state.read_cache
    with live(app) as base, httpx.Client(base_url=base, timeout=WAIT) as client:
        before = client.get("/api/stats")
        with open_store(api_settings.db_url) as writer:
            assert writer.add(_new_document("arrives-later"))
        stale = client.get("/api/stats")
        assert stale.content == before.content and stale.headers["etag"] == before.headers["etag"]
        assert counters.stale >= 1
        revalidated = client.get("/api/stats", headers={"If-None-Match": before.headers["etag"]})
        assert revalidated.status_code in (200, 304)  # 304 while the old answer is still the one served
        fresh = stale
        done = threading.Event()
        for _ in range(int(WAIT * 20)):
            fresh = client.get("/api/stats")
            if fresh.headers["etag"] != before.headers["etag"]:
                break
            done.wait(0.05)
        assert fresh.json()["documents"] == before.json()["documents"] + 1
        assert counters.refreshes >= 1


def test_read_cache_fresh_by_default_after_a_write(api_settings: Settings, filled_store: Store) -> None:
    app = create_app(api_settings, store=filled_store)
    with live(app) as base, httpx.Client(base_url=base, timeout=WAIT) as client:
        before = client.get("/api/flashpoints").json()
        with open_store(api_settings.db_url) as writer:
            assert writer.add(_new_document("fresh-one"))
        after = client.get("/api/stats").json()
        assert after["documents"] == len(SPECS) + 1
        assert "flashpoints" in before
    assert app.state.read_cache.stale == 0


def test_version_watch_reads_the_store_only_after_a_commit(tmp_path: Path) -> None:
    db = str(tmp_path / "watched.db")
    with open_store(db) as store, open_store(db) as writer:
        watch = VersionWatch(store)
        try:
            assert watch.cheap
            first = watch.current()
            assert first == store.version() == watch.current()
            assert writer.add(_new_document("moves-it"))
            moved = watch.current()
            assert moved != first and moved == store.version()
            assert store.add(_new_document("from-the-same-store", day=25))  # the watch's own store writing
            assert watch.current() not in (first, moved)
        finally:
            watch.close()
        assert not watch.cheap and watch.current() == store.version()  # closed: asks the store


@pytest.mark.parametrize("url", [":memory:"])
def test_version_watch_without_a_file_asks_the_store(url: str) -> None:
    with open_store(url) as store:
        watch = VersionWatch(store)
        assert not watch.cheap
        assert watch.current() == store.version()


PG_URL = os.environ.get("FLASHPOINT_TEST_PG_URL")


@pytest.fixture()
def pg_url() -> Iterator[str]:
    """A private schema on the PostgreSQL server of FLASHPOINT_TEST_PG_URL, dropped afterwards."""
    from sqlalchemy import create_engine, text

    assert PG_URL is not None
    schema = f"fp_cache_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        yield f"{PG_URL}{'&' if '?' in PG_URL else '?'}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


@pytest.mark.postgres
@pytest.mark.skipif(PG_URL is None, reason="set FLASHPOINT_TEST_PG_URL to run against PostgreSQL")
def test_version_watch_on_postgresql_reuses_a_read_briefly(pg_url: str) -> None:
    with open_store(pg_url) as store, open_store(pg_url) as writer:
        watch = VersionWatch(store)
        assert not watch.cheap and watch.max_age > 0
        assert watch.recent() is None
        first = watch.current()
        assert watch.recent() == first  # within max_age: no query
        assert writer.add(_new_document("on-postgres"))
        watch.max_age = 0.0  # the next read asks the server
        assert watch.current() != first and watch.current() == store.version()
