"""POST /api/documents with the real default pipeline (spaCy model, gazetteer), then the events read back."""

from __future__ import annotations

from fastapi.testclient import TestClient

from flashpoint.api import create_app, create_token
from flashpoint.settings import Settings

ARTICLE = (
    "Turkish troops shelled Kurdish positions near Manbij on Monday, the army said. "
    "A Syrian Kurdish commander denied that his fighters had fired first."
)


def test_write_with_the_default_pipeline_reads_events_back(settings: Settings) -> None:
    token = create_token(settings.db, name="desk")
    with TestClient(create_app(settings)) as client:  # the pipeline is flashpoint.load_pipeline(settings)
        response = client.post(
            "/api/documents",
            json={"text": ARTICLE, "format": "text", "published": "2018-01-29", "publisher": "Wire One"},
            headers={"Authorization": f"Bearer {token}"},
        )
        assert response.status_code == 201, response.text
        [stored] = response.json()["documents"]
        assert stored["added"] is True and stored["events"]
        details = [client.get(f"/api/events/{event_id}").json() for event_id in stored["events"]]
        listed = client.get("/api/events", params={"since": "2018-01-01", "until": "2018-02-28"}).json()
    assert {e["id"] for e in listed["events"]} == set(stored["events"])
    shelling = next(d for d in details if d["event"]["type"] == "ASSAULT")
    assert shelling["event"]["actor_code"].startswith("TUR")
    (report,) = shelling["reports"]
    assert report["sentence"].startswith("Turkish troops shelled")
    assert report["publisher"] == "Wire One" and report["place_name"] == "Manbij"
    assert shelling["event"]["place_name"] == "Manbij" and shelling["event"]["date"] == "2018-01-29"
