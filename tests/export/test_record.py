"""The extract record: gold-schema events plus evidence and claims, and every toponym."""

from __future__ import annotations

import json

from flashpoint.export import extract_record
from flashpoint.records import Document

GOLD_KEYS = {
    "plover",
    "mode",
    "acled_event_type",
    "acled_sub_event_type",
    "case_label",
    "actor",
    "recipient",
    "location",
    "date",
    "fatalities",
}


def test_record_top_level(document: Document) -> None:
    record = extract_record(document)
    assert set(record) == {"id", "title", "published", "events", "places"}
    assert (record["id"], record["title"], record["published"]) == (
        "wire-7",
        "Shots at the border",
        "2023-05-10",
    )
    assert json.loads(json.dumps(record)) == record


def test_record_events_follow_gold_schema(document: Document) -> None:
    events = extract_record(document)["events"]
    assert [e["plover"] for e in events] == ["ASSAULT", "MOBILIZE", "PROTEST"]
    for event in events:
        assert set(event) >= GOLD_KEYS
        assert event["case_label"] is None
        assert set(event["actor"]) == {"text", "country", "sector"}
    first = events[0]
    assert first["actor"] == {"text": "Border guards", "country": "IRQ", "sector": "MIL"}
    assert first["recipient"] == {"text": "smugglers", "country": None, "sector": "CRM"}
    assert first["location"] == {
        "name": "Zakho",
        "lat": 37.1437,
        "lon": 42.6819,
        "admin1": "Duhok",
        "country": "IRQ",
        "precision": 1,
    }
    assert (first["date"], first["fatalities"], first["quad_class"], first["cameo_root"]) == (
        "2023-05-09",
        1,
        4,
        "19",
    )
    assert first["sentence"] == document.sentences[0].text
    assert first["happened"] is True


def test_record_negated_event_and_claims(document: Document) -> None:
    event = extract_record(document)["events"][1]
    assert (event["negated"], event["happened"], event["aux_modes"]) == (True, False, ["negation"])
    assert event["actor"] == {"text": "troops", "country": None, "sector": None}
    assert event["recipient"] is None
    assert event["location"] == {
        "name": "village",
        "lat": None,
        "lon": None,
        "admin1": None,
        "country": None,
        "precision": None,
    }
    assert event["claims"] == [
        {
            "claimant": "A ministry spokesman",
            "claimant_actor": {"country": "IRQ", "sector": "GOV"},
            "channel": None,
            "stance": "denied",
            "quote": "troops entered the village",
        }
    ]


def test_record_places_have_offsets_into_text(document: Document) -> None:
    places = extract_record(document)["places"]
    assert [p["surface"] for p in places] == ["Zakho", "village", "Erbil"]
    for place in places:
        assert document.text[place["start"] : place["end"]] == place["surface"]
        assert set(place) == {
            "start",
            "end",
            "surface",
            "lat",
            "lon",
            "precision",
            "name",
            "country",
            "inferred",
        }
    assert places[1]["lat"] is None and places[1]["name"] is None


def test_record_document_without_events() -> None:
    record = extract_record(Document(id="empty", text="Nothing to see."))
    assert record == {"id": "empty", "title": None, "published": None, "events": [], "places": []}
