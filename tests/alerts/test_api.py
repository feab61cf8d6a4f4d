"""The API's flashpoint, alert and Atom routes over a store holding a showdown built by hand."""

from __future__ import annotations

from typing import Any
from xml.etree import ElementTree

from fastapi.testclient import TestClient

from flashpoint.alerts import refresh_alerts
from flashpoint.api import create_app
from flashpoint.settings import Settings
from flashpoint.store import Store

DAY = "2024-02-05"

SHOWDOWN = [
    ("Ankara demanded that American troops leave Manbij.", "REQUEST", "demanded", "TURGOV", "USAMIL", -1.0),
    ("A US general refused to pull troops out of Manbij.", "REJECT", "refused", "USAMIL", "TURGOV", -4.0),
    (
        "The Turkish president threatened to strike Manbij next.",
        "THREATEN",
        "threatened",
        "TURGOV",
        "USA",
        -4.4,
    ),
    ("Turkish armour rolled towards Manbij overnight.", "MOBILIZE", "rolled", "TURMIL", None, -6.5),
]


def _client(store: Store, report: Any, tmp_path: Any) -> TestClient:
    report.add_all(store, SHOWDOWN, day=DAY, place="Manbij")
    return TestClient(create_app(Settings(db=str(tmp_path / "unused.db")), store=store))


def test_api_flashpoints_lists_the_showdown(store: Store, report: Any, tmp_path: Any) -> None:
    body = _client(store, report, tmp_path).get("/api/flashpoints").json()
    assert body["available"] is True
    titles = [f["title"] for f in body["flashpoints"]]
    assert any(t.startswith("TUR–USA near Manbij") for t in titles), titles
    flashpoint = next(f for f in body["flashpoints"] if tuple(f["actors"]) == ("TUR", "USA"))
    assert {e["type"] for e in flashpoint["evidence"]} >= {"REQUEST", "REJECT", "THREATEN"}


def test_api_flashpoints_empty_before_the_events(store: Store, report: Any, tmp_path: Any) -> None:
    body = _client(store, report, tmp_path).get("/api/flashpoints", params={"as_of": "2023-01-01"}).json()
    assert body["flashpoints"] == [] and body["count"] == 0


def test_api_alerts_and_atom_feed(store: Store, report: Any, tmp_path: Any) -> None:
    client = _client(store, report, tmp_path)
    assert client.get("/api/alerts").json()["alerts"] == []
    changes = refresh_alerts(store)
    assert changes.opened
    alerts = client.get("/api/alerts", params={"status": "open"}).json()["alerts"]
    assert {a["id"] for a in alerts} == set(changes.opened)
    assert client.get("/api/alerts", params={"status": "nonsense"}).status_code == 422
    feed = client.get("/api/alerts.atom")
    assert feed.headers["content-type"].startswith("application/atom+xml")
    root = ElementTree.fromstring(feed.text)
    entries = root.findall("{http://www.w3.org/2005/Atom}entry")
    assert len(entries) == len(changes.opened)
