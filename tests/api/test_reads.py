"""The read API against a real SQLite store: filters, pagination, formats and JSON errors."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from flashpoint.api import create_app
from flashpoint.settings import Settings
from flashpoint.store import Store


@pytest.fixture()
def client(api_settings: Settings, filled_store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(api_settings, store=filled_store)) as client:
        yield client


def _places(response: object) -> list[str]:
    return sorted(e["place_name"] for e in response.json()["events"])  # type: ignore[attr-defined]


def test_reads_events_lists_all_latest_first(client: TestClient) -> None:
    body = client.get("/api/events").json()
    assert [e["place_name"] for e in body["events"]] == ["Idlib", "Afrin", "Manbij"]
    assert body["count"] == 3 and body["next_offset"] is None
    assert all(e["origins"] == 1 for e in body["events"])


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"bbox": "37.5,36,38.5,37"}, ["Manbij"]),
        ({"bbox": "36,35,37.2,37"}, ["Afrin", "Idlib"]),
        ({"since": "2026-03-10"}, ["Afrin", "Idlib"]),
        ({"until": "2026-03-20"}, ["Afrin", "Manbij"]),
        ({"since": "2026-03-10", "until": "2026-03-31"}, ["Afrin"]),
        ({"type": "ASSAULT"}, ["Idlib", "Manbij"]),
        ({"actor": "RUS"}, ["Idlib"]),
        ({"actor": "TURMIL"}, ["Manbij"]),
        ({"country": "TUR"}, ["Manbij"]),
        ({"stance": "alleged"}, ["Idlib"]),
        ({"stance": "denied"}, []),
        ({"q": "MARKET"}, ["Idlib"]),
        ({"q": "100%_"}, []),
        ({"min_origins": "1"}, ["Afrin", "Idlib", "Manbij"]),
        ({"min_origins": "2"}, []),
        ({"type": "ASSAULT", "bbox": "36,35,37.2,37"}, ["Idlib"]),
    ],
)
def test_reads_events_filters(client: TestClient, params: dict[str, str], expected: list[str]) -> None:
    response = client.get("/api/events", params=params)
    assert response.status_code == 200
    assert _places(response) == expected


def test_reads_events_paginates(client: TestClient) -> None:
    first = client.get("/api/events", params={"limit": 2}).json()
    second = client.get("/api/events", params={"limit": 2, "offset": first["next_offset"]}).json()
    assert first["next_offset"] == 2 and second["next_offset"] is None
    ids = [e["id"] for e in first["events"] + second["events"]]
    assert len(set(ids)) == 3


@pytest.mark.parametrize(
    "params",
    [
        {"limit": "0"},
        {"limit": "100000"},
        {"offset": "-1"},
        {"bbox": "1,2,3"},
        {"bbox": "1,80,3,10"},
        {"since": "yesterday"},
        {"stance": "rumoured"},
        {"format": "xml"},
        {"min_origins": "0"},
    ],
)
def test_reads_events_rejects_bad_parameters_as_json(client: TestClient, params: dict[str, str]) -> None:
    response = client.get("/api/events", params=params)
    assert response.status_code == 422
    assert response.json()["error"] == "invalid request" and response.json()["detail"]


def test_reads_events_csv_respects_filters(client: TestClient) -> None:
    response = client.get("/api/events", params={"format": "csv", "type": "ASSAULT"})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert sorted(r["location"] for r in rows) == ["Idlib", "Manbij"]


def test_reads_events_geojson_respects_filters(client: TestClient) -> None:
    response = client.get("/api/events", params={"format": "geojson", "bbox": "37.5,36,38.5,37"})
    body = response.json()
    assert body["type"] == "FeatureCollection"
    [feature] = body["features"]
    assert feature["geometry"]["coordinates"] == pytest.approx([37.9549, 36.5281])


def test_reads_event_detail_has_reports_and_claims(client: TestClient) -> None:
    [idlib] = client.get("/api/events", params={"actor": "RUS"}).json()["events"]
    body = client.get(f"/api/events/{idlib['id']}").json()
    [report] = body["reports"]
    assert report["sentence"].startswith("Russian jets struck")
    assert report["claims"][0]["claimant"] == "rescuers"
    assert report["claims"][0]["chain"] == ["a regional broadcaster"]
    assert body["event"]["actor_code"] == "RUSMIL"


def test_reads_document_has_text_and_sentence_offsets(client: TestClient) -> None:
    [manbij] = client.get("/api/events", params={"actor": "TUR"}).json()["events"]
    body = client.get(f"/api/documents/{manbij['document_id']}").json()
    first = body["sentences"][0]
    assert body["text"][first["start"] : first["end"]] == manbij["sentence"]
    assert manbij["id"] in body["event_ids"]


@pytest.mark.parametrize("path", ["/api/events/ev_missing", "/api/documents/doc_missing", "/api/nothing"])
def test_reads_missing_is_json_404(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response.json()["error"] == "not found"


def test_reads_flashpoints_none_without_a_hostile_dyad(client: TestClient) -> None:
    body = client.get("/api/flashpoints").json()
    assert body["flashpoints"] == [] and body["available"] is True and body["count"] == 0


def test_reads_actors_counts_both_roles(client: TestClient) -> None:
    actors = {a["code"]: a for a in client.get("/api/actors").json()["actors"]}
    assert actors["SYRCVL"]["as_actor"] == 1 and actors["SYRCVL"]["as_recipient"] == 1
    assert actors["SYRREB"]["name"] == "Manbij Military Council"


def test_reads_places_have_coordinates(client: TestClient) -> None:
    places = {p["name"]: p for p in client.get("/api/places").json()["places"]}
    assert set(places) == {"Manbij", "Afrin", "Idlib"}
    assert places["Afrin"]["lon"] == pytest.approx(36.8692)


def test_reads_stats_and_health(client: TestClient) -> None:
    assert client.get("/api/stats").json()["events"] == 3
    assert client.get("/healthz").json() == {"status": "ok"}


def test_reads_openapi_lists_every_route(client: TestClient) -> None:
    paths = set(client.get("/openapi.json").json()["paths"])
    assert {
        "/api/events",
        "/api/events/{event_id}",
        "/api/documents",
        "/api/flashpoints",
        "/healthz",
    } <= paths


def test_reads_no_cors_by_default(client: TestClient) -> None:
    response = client.get("/api/stats", headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in response.headers


def test_reads_cors_allows_only_listed_origins(api_settings: Settings, filled_store: Store) -> None:
    app = create_app(api_settings, store=filled_store, cors_origins=["https://desk.example"])
    with TestClient(app) as client:
        ok = client.get("/api/stats", headers={"Origin": "https://desk.example"})
        other = client.get("/api/stats", headers={"Origin": "https://elsewhere.example"})
    assert ok.headers["access-control-allow-origin"] == "https://desk.example"
    assert "access-control-allow-origin" not in other.headers


def test_reads_page_and_assets_are_served_locally(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "script-src 'self'" in page.headers["content-security-policy"]
    assert "http://" not in page.text and "https://" not in page.text
    assert client.get("/static/app.js").status_code == 200
    assert client.get("/api/config").json()["tile_url"] is None


@pytest.mark.parametrize("format", ["csv", "geojson"])
def test_reads_events_export_pages_through_header(client: TestClient, format: str) -> None:
    first = client.get("/api/events", params={"format": format, "limit": 2})
    last = client.get("/api/events", params={"format": format, "limit": 2, "offset": 2})
    assert first.headers["x-next-offset"] == "2"
    assert "x-next-offset" not in last.headers


def test_reads_cors_origins_and_tile_url_come_from_the_config_file(
    api_settings: Settings, filled_store: Store, tmp_path: Path
) -> None:
    config = tmp_path / "api.toml"
    config.write_text(
        f'[flashpoint]\ndb = "{api_settings.db}"\ncors_origins = ["https://desk.example"]\n'
        'tile_url = "https://tiles.example/{z}/{x}/{y}.png"\n'
    )
    app = create_app(Settings.load(config=config, env={}), store=filled_store)
    with TestClient(app) as client:
        ok = client.get("/api/stats", headers={"Origin": "https://desk.example"})
        assert client.get("/api/config").json()["tile_url"] == "https://tiles.example/{z}/{x}/{y}.png"
    assert ok.headers["access-control-allow-origin"] == "https://desk.example"
