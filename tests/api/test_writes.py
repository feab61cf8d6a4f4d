"""POST /api/documents: bearer tokens (401/403), the body limit and a stored ingest (201)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from tests.api.trigger_stage import TriggerStage

from flashpoint.api import create_app, create_token, revoke_token
from flashpoint.errors import ModelNotFound
from flashpoint.pipeline import Pipeline
from flashpoint.settings import Settings
from flashpoint.store import Store


@pytest.fixture()
def client(api_settings: Settings, filled_store: Store) -> Iterator[TestClient]:
    app = create_app(api_settings, store=filled_store, pipeline=lambda: Pipeline([TriggerStage()]))
    with TestClient(app) as client:
        yield client


def test_writes_refuse_without_token(client: TestClient) -> None:
    response = client.post("/api/documents", json={"text": "Guns shelled the ridge."})
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert response.json()["error"] == "unauthorized"


@pytest.mark.parametrize("token", ["fp_wrong", "not-even-a-token", ""])
def test_writes_refuse_wrong_token(client: TestClient, api_settings: Settings, token: str) -> None:
    create_token(api_settings.db, name="desk")
    response = client.post(
        "/api/documents",
        json={"text": "Guns shelled the ridge."},
        headers={"Authorization": f"Bearer {token}x"},
    )
    assert response.status_code == 403
    assert response.json()["error"] == "forbidden"


def test_writes_refuse_revoked_token(client: TestClient, api_settings: Settings) -> None:
    token = create_token(api_settings.db, name="old")
    assert revoke_token(api_settings.db, name="old")
    response = client.post("/api/documents", json={"text": "x"}, headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 403


def test_writes_refuse_large_body(client: TestClient, api_settings: Settings) -> None:
    token = create_token(api_settings.db, name="big")
    response = client.post(
        "/api/documents",
        json={"text": "word " * api_settings.max_bytes},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 413
    assert response.json()["error"] == "payload too large"


@pytest.mark.parametrize(
    ("body", "status"),
    [({"text": 5}, 422), ({"text": "x", "format": "pdf"}, 422), ({"text": "   "}, 422)],
)
def test_writes_reject_bad_bodies(
    client: TestClient, api_settings: Settings, body: dict[str, object], status: int
) -> None:
    token = create_token(api_settings.db, name="bodies")
    response = client.post("/api/documents", json=body, headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == status
    assert response.json()["detail"]


def test_writes_store_document_and_events(client: TestClient, api_settings: Settings) -> None:
    token = create_token(api_settings.db, name="desk")
    text = "Mortars shelled a depot near the river.\nNobody was hurt."
    response = client.post(
        "/api/documents",
        json={"text": text, "format": "text", "title": "Depot hit", "published": "2026-05-01"},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 201, response.text
    [stored] = response.json()["documents"]
    assert stored["added"] is True and len(stored["events"]) == 1
    document = client.get(f"/api/documents/{stored['id']}").json()
    assert document["title"] == "Depot hit" and document["published"] == "2026-05-01"
    event = client.get(f"/api/events/{stored['events'][0]}").json()
    assert event["reports"][0]["sentence"] == "Mortars shelled a depot near the river."
    again = client.post("/api/documents", json={"text": text}, headers={"Authorization": f"Bearer {token}"})
    assert again.json()["documents"][0]["added"] is False


def test_writes_refuse_large_chunked_body(client: TestClient, api_settings: Settings) -> None:
    token = create_token(api_settings.db, name="chunked")

    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(api_settings.max_bytes // 512 + 1):
            yield b"x" * 512
        yield b'"}'

    response = client.post(
        "/api/documents",
        content=chunks(),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    assert response.status_code == 413


def test_writes_pipeline_that_cannot_load_is_503(api_settings: Settings, filled_store: Store) -> None:
    def broken() -> Pipeline:
        raise ModelNotFound("no English model installed")

    token = create_token(api_settings.db, name="desk")
    with TestClient(create_app(api_settings, store=filled_store, pipeline=broken)) as client:
        response = client.post(
            "/api/documents", json={"text": "A text."}, headers={"Authorization": f"Bearer {token}"}
        )
    assert response.status_code == 503
    assert "no English model" in response.json()["detail"]
