"""Issue 16's attacks, one test each: a real uvicorn on loopback where the transport matters.

Nothing here measures time: a slow write is a reader or stage that waits on an Event the test
releases, and every wait is bounded so a regression fails instead of hanging.
"""

from __future__ import annotations

import csv
import io
import logging
import re
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

import httpx
import pytest
import uvicorn
from fastapi.testclient import TestClient
from tests.api.trigger_stage import TriggerStage

import flashpoint.ingest.formats as formats
from flashpoint.api import create_app, create_token
from flashpoint.api.server import log_config, redact
from flashpoint.errors import StoreError
from flashpoint.pipeline import Pipeline
from flashpoint.records import Document
from flashpoint.settings import Settings
from flashpoint.store import Store

WAIT = 20.0  # seconds any single wait may take before the test gives up (never an assertion on time)


class _Gate:
    """Holds whoever calls `wait` until the test calls `open` (bounded by WAIT)."""

    def __init__(self) -> None:
        self.entered = threading.Event()
        self.released = threading.Event()

    def wait(self) -> None:
        self.entered.set()
        self.released.wait(WAIT)

    def open(self) -> None:
        self.released.set()


class _GatedStage(TriggerStage):
    def __init__(self, gate: _Gate) -> None:
        self.gate = gate

    def __call__(self, doc: Document) -> Document:
        self.gate.wait()
        return super().__call__(doc)


def _pipeline() -> Pipeline:
    return Pipeline([TriggerStage()])


@contextmanager
def live(app: Any) -> Iterator[str]:
    """Serve `app` with uvicorn on a free loopback port (our log config); yield its base URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_config=log_config(), lifespan="on", access_log=True))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    started = threading.Event()
    for _ in range(int(WAIT * 20)):
        if server.started:
            started.set()
            break
        started.wait(0.05)
    assert server.started, "uvicorn did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(WAIT)
        sock.close()


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def text(self) -> str:
        return "\n".join(record.getMessage() for record in self.records)


@contextmanager
def captured(*names: str) -> Iterator[_Records]:
    handler = _Records()
    loggers = [logging.getLogger(name) for name in names]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.addHandler(handler)
        logger.setLevel(logging.DEBUG)
    try:
        yield handler
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.removeHandler(handler)
            logger.setLevel(level)


@pytest.fixture()
def token(api_settings: Settings, filled_store: Store) -> str:
    return create_token(api_settings.db, name="desk")


@pytest.fixture()
def client(api_settings: Settings, filled_store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(api_settings, store=filled_store, pipeline=_pipeline)) as client:
        yield client


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


# --- high: one slow document must not freeze the server ---------------------------------------------


def test_hardening_healthz_answers_while_a_write_is_being_read(
    api_settings: Settings, filled_store: Store, token: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = _Gate()
    real = formats.read_markdown

    def slow_reader(text: str, **options: Any) -> Document:
        gate.wait()  # stands for a reader busy with a hostile text
        return real(text, **options)

    monkeypatch.setattr(formats, "read_markdown", slow_reader)
    app = create_app(api_settings, store=filled_store, pipeline=_pipeline)
    answers: list[httpx.Response] = []
    with live(app) as url:
        writer = threading.Thread(
            target=lambda: answers.append(
                httpx.post(
                    f"{url}/api/documents",
                    json={"text": "Mortars shelled a depot near the river."},
                    headers=_auth(token),
                    timeout=WAIT * 2,
                )
            ),
            daemon=True,
        )
        writer.start()
        try:
            assert gate.entered.wait(WAIT), "the write never reached the reader"
            health = httpx.get(f"{url}/healthz", timeout=WAIT / 2)
            assert health.status_code == 200
            assert not answers, "the write finished early: the reader was not holding it"
        finally:
            gate.open()
        writer.join(WAIT)
    assert [answer.status_code for answer in answers] == [201]


def test_hardening_write_over_budget_is_rejected_and_recorded(
    api_settings: Settings, filled_store: Store, token: str
) -> None:
    gate = _Gate()
    settings = replace(api_settings, write_budget=0.2)
    app = create_app(settings, store=filled_store, pipeline=lambda: Pipeline([_GatedStage(gate)]))
    before = filled_store.stats().documents
    try:
        with TestClient(app) as client:
            response = client.post(
                "/api/documents", json={"text": "Guns shelled the ridge at night."}, headers=_auth(token)
            )
            assert response.status_code == 422
            assert "write budget" in response.json()["detail"]
            gate.open()  # the worker comes back late and must store nothing
            assert client.get("/healthz").status_code == 200
    finally:
        gate.open()
    rejection = filled_store.rejections()[0]
    assert rejection.source == "api:desk" and "write budget" in rejection.reason
    assert filled_store.stats().documents == before


def test_hardening_full_write_queue_is_503(api_settings: Settings, filled_store: Store, token: str) -> None:
    gate = _Gate()
    settings = replace(api_settings, write_workers=1, write_queue=0)
    app = create_app(settings, store=filled_store, pipeline=lambda: Pipeline([_GatedStage(gate)]))
    first: list[httpx.Response] = []
    with live(app) as url:
        writer = threading.Thread(
            target=lambda: first.append(
                httpx.post(
                    f"{url}/api/documents",
                    json={"text": "Guns shelled the ridge."},
                    headers=_auth(token),
                    timeout=WAIT * 2,
                )
            ),
            daemon=True,
        )
        writer.start()
        try:
            assert gate.entered.wait(WAIT)
            second = httpx.post(
                f"{url}/api/documents", json={"text": "Another text."}, headers=_auth(token), timeout=WAIT
            )
            assert second.status_code == 503
            assert second.headers["retry-after"] == "5"
        finally:
            gate.open()
        writer.join(WAIT)
    assert [response.status_code for response in first] == [201]


# --- medium: errors never leak internals -------------------------------------------------------------


def test_hardening_long_filter_is_422_with_an_error_id(client: TestClient) -> None:
    response = client.get("/api/events", params={"actor": "x" * 50_001})
    assert response.status_code == 422
    body = response.json()
    assert re.fullmatch(r"[0-9a-f]{16}", body["error_id"])
    assert "SELECT" not in response.text


def test_hardening_store_error_body_holds_no_sql(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import flashpoint.api.reads as reads

    def failing(*_args: object) -> list[object]:
        raise StoreError(
            "cannot read events: (sqlite3.OperationalError) SELECT events.id FROM events [secret]"
        )

    monkeypatch.setattr(reads, "find_events", failing)
    with caplog.at_level(logging.ERROR, logger="flashpoint.api.app"):
        response = client.get("/api/events")
    assert response.status_code == 503
    body = response.json()
    assert "SELECT" not in response.text and "secret" not in response.text
    assert body["error_id"] in caplog.text and "SELECT events.id" in caplog.text


def test_hardening_crash_body_names_no_exception(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import flashpoint.api.reads as reads

    def failing(*_args: object) -> list[object]:
        raise KeyError("internal_column_name")

    monkeypatch.setattr(reads, "find_events", failing)
    crashing = TestClient(client.app, raise_server_exceptions=False)
    with caplog.at_level(logging.ERROR, logger="flashpoint.api.app"):
        response = crashing.get("/api/events")
    assert response.status_code == 500
    assert "KeyError" not in response.text and "internal_column_name" not in response.text
    assert response.json()["error_id"] in caplog.text


# --- medium: spreadsheets ----------------------------------------------------------------------------


def test_hardening_csv_download_neutralises_formulas(client: TestClient, token: str) -> None:
    formula = '=HYPERLINK("http://x.example","open")'
    response = client.post(
        "/api/documents",
        json={"text": f"{formula} and guns shelled the ridge.", "publisher": formula, "format": "text"},
        headers=_auth(token),
    )
    assert response.status_code == 201, response.text
    table = client.get("/api/events", params={"format": "csv", "type": "ASSAULT"}).text
    cells = [cell for row in csv.reader(io.StringIO(table)) for cell in row]
    assert "'" + formula in cells
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]


# --- low: bad values are 4xx, and the connection survives --------------------------------------------


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/api/events", {"offset": "9223372036854775808"}),
        ("/api/events", {"min_origins": "1e20"}),
        ("/api/events", {"min_origins": "100000000000000000000"}),
        ("/api/events", {"since": "0001-01-01"}),
        ("/api/flashpoints", {"as_of": "0001-01-01"}),
        ("/api/flashpoints", {"as_of": "9999-12-31"}),
        ("/api/alerts", {"since": "0001-01-01"}),
    ],
)
def test_hardening_out_of_range_queries_are_422(
    client: TestClient, path: str, params: dict[str, str]
) -> None:
    response = client.get(path, params=params)
    assert response.status_code == 422, response.text
    assert response.json()["detail"]


@pytest.mark.parametrize(
    ("content", "content_type", "status", "detail"),
    [
        (b"[" * 100_000, "application/json", 400, "nested too deeply"),
        (b'{"text": "Guns \\ud800 shelled."}', "application/json", 422, "unpaired surrogate"),
        (b'{"text": "Guns shelled.", "title": "\\udfff"}', "application/json", 422, "title holds"),
        (b'{"text": "Guns shelled.", "author": "a\\ud800"}', "application/json", 422, "author holds"),
        (b'{"text": "Guns shelled.", "url": "\\ud800"}', "application/json", 422, "url holds"),
        (b'{"text": "Guns shelled.", "source": "\\ud800"}', "application/json", 422, "source holds"),
        (b'{"text": "Guns \\u0000 shelled."}', "application/json", 422, "NUL"),
        (b'{"text": "Guns shelled.", "format": "feed"}', "application/json", 422, "format must be"),
        (b'{"text": "Guns shelled.", "format": ["html"]}', "application/json", 422, "format must be"),
        (b'{"text": "Guns shelled.", "title": 5}', "application/json", 422, "title must be a string"),
        (b"Guns \xff\xfe shelled the ridge.", "text/plain", 422, "not valid UTF-8"),
        (b"Guns \x00 shelled the ridge.", "text/plain", 422, "binary"),
    ],
)
def test_hardening_bad_bodies_are_4xx_and_the_connection_stays(
    api_settings: Settings,
    filled_store: Store,
    token: str,
    content: bytes,
    content_type: str,
    status: int,
    detail: str,
) -> None:
    settings = replace(api_settings, max_bytes=1_000_000)
    app = create_app(settings, store=filled_store, pipeline=_pipeline)
    with live(app) as url, httpx.Client(base_url=url, timeout=WAIT) as http:
        response = http.post(
            "/api/documents", content=content, headers={**_auth(token), "Content-Type": content_type}
        )
        assert response.status_code == status, response.text
        assert detail in response.json()["detail"]
        assert response.headers.get("connection") != "close"
        assert http.get("/healthz").status_code == 200  # the same keep-alive connection answers


def test_hardening_source_names_the_token_and_is_no_path(client: TestClient, token: str) -> None:
    response = client.post(
        "/api/documents",
        json={"text": "Guns shelled the ridge.", "source": "/etc/passwd"},
        headers=_auth(token),
    )
    assert response.status_code == 201, response.text
    document = client.get(f"/api/documents/{response.json()['documents'][0]['id']}").json()
    assert document["source"] == "api:desk:/etc/passwd"
    plain = client.post(
        "/api/documents",
        content=b"Mortars shelled a depot.",
        headers={**_auth(token), "Content-Type": "text/plain"},
    )
    stored = client.get(f"/api/documents/{plain.json()['documents'][0]['id']}").json()
    assert stored["source"] == "api:desk"


# --- low: the token never reaches the access log ------------------------------------------------------


def test_hardening_access_log_never_holds_a_token(
    api_settings: Settings, filled_store: Store, token: str
) -> None:
    app = create_app(api_settings, store=filled_store, pipeline=_pipeline)
    with live(app) as url, captured("uvicorn.access") as log:
        response = httpx.get(f"{url}/api/events", params={"token": token, "limit": 1}, timeout=WAIT)
        assert response.status_code == 200
        httpx.get(f"{url}/api/documents/{token}", timeout=WAIT)
        for _ in range(int(WAIT * 20)):
            if len(log.records) >= 2:
                break
            threading.Event().wait(0.05)
    lines = log.text()
    assert "/api/events" in lines and "/api/documents/" in lines
    assert token not in lines and token[3:] not in lines
    assert "[redacted]" in lines


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("GET /api/events?access_token=abc123&limit=5", "limit=5"),
        ("GET /x?api_key=s3cret", "api_key=[redacted]"),
        ("Bearer fp_AbCdEfGhIjKlMnOp_-xyz", "fp_[redacted]"),
    ],
)
def test_hardening_redact_hides_secret_values(line: str, kept: str) -> None:
    cleaned = redact(line)
    assert kept in cleaned
    assert "abc123" not in cleaned and "s3cret" not in cleaned and "AbCdEf" not in cleaned


# --- low: headers, docs, links -----------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/static/index.html"])
def test_hardening_every_html_response_has_security_headers(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"


def test_hardening_json_responses_are_nosniff(client: TestClient) -> None:
    assert client.get("/healthz").headers["x-content-type-options"] == "nosniff"


def test_hardening_docs_page_is_off_by_default(client: TestClient) -> None:
    assert client.get("/docs").status_code == 404
    assert client.get("/redoc").status_code == 404
    assert client.get("/openapi.json").status_code == 200  # the schema itself needs nothing online


def test_hardening_docs_page_when_enabled_has_its_own_policy(
    api_settings: Settings, filled_store: Store
) -> None:
    app = create_app(replace(api_settings, api_docs=True), store=filled_store, pipeline=_pipeline)
    with TestClient(app) as client:
        response = client.get("/docs")
    assert response.status_code == 200
    policy = response.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy and "https://cdn.jsdelivr.net" in policy
    assert response.headers["x-frame-options"] == "DENY"


def _self_link(feed: str) -> str:
    match = re.search(
        r'<link[^>]*href="([^"]+)"[^>]*rel="self"|<link[^>]*rel="self"[^>]*href="([^"]+)"', feed
    )
    assert match, feed
    return match.group(1) or match.group(2)


def test_hardening_atom_self_link_ignores_the_host_header(client: TestClient) -> None:
    feed = client.get("/api/alerts.atom", headers={"Host": "evil.example"}).text
    assert "evil.example" not in feed
    assert _self_link(feed).endswith("/api/alerts.atom")


def test_hardening_atom_self_link_uses_base_url(api_settings: Settings, filled_store: Store) -> None:
    settings = replace(api_settings, base_url="https://events.example.org/")
    with TestClient(create_app(settings, store=filled_store, pipeline=_pipeline)) as client:
        feed = client.get("/api/alerts.atom", headers={"Host": "evil.example"}).text
    assert _self_link(feed) == "https://events.example.org/api/alerts.atom"


@pytest.mark.parametrize("base_url", ["events.example.org", "ftp://x.example", "https://x.example/?a=1"])
def test_hardening_bad_base_url_is_refused(
    api_settings: Settings, filled_store: Store, base_url: str
) -> None:
    from flashpoint.errors import ConfigError

    with pytest.raises(ConfigError, match="base_url"):
        create_app(replace(api_settings, base_url=base_url), store=filled_store, pipeline=_pipeline)


# --- low: a client that leaves mid-body ------------------------------------------------------------


def test_hardening_client_leaving_mid_body_logs_no_traceback(
    api_settings: Settings, filled_store: Store, token: str
) -> None:
    app = create_app(api_settings, store=filled_store, pipeline=_pipeline)
    names = ("flashpoint.api.app", "uvicorn.error", "uvicorn.access")
    with live(app) as url, captured(*names) as log:
        port = int(url.rsplit(":", 1)[1])
        with socket.create_connection(("127.0.0.1", port), timeout=WAIT) as conn:
            conn.sendall(
                b"POST /api/documents HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + f"Authorization: Bearer {token}\r\nContent-Length: 1000\r\n\r\n".encode()
                + b'{"text": "Guns'
            )
        for _ in range(int(WAIT * 20)):
            if "client disconnected" in log.text():
                break
            threading.Event().wait(0.05)
        assert httpx.get(f"{url}/healthz", timeout=WAIT).status_code == 200
    assert "client disconnected" in log.text()
    assert not [record for record in log.records if record.exc_info], log.text()
    assert "unhandled error" not in log.text() and "Exception in ASGI" not in log.text()
