"""Event pages rendered as JSON, CSV or GeoJSON responses (the same filtered page in each format).

CSV and GeoJSON go through `flashpoint.export` when it provides `write_csv` / `write_geojson`
(taking the events and a text stream); until then a minimal rendering of the API's event shape is used.
"""

from __future__ import annotations

import csv
import importlib
import io
import json
from collections.abc import Callable, Sequence
from typing import Any

from fastapi.responses import JSONResponse, Response

from flashpoint.api.search import event_dict
from flashpoint.store import StoredEvent

__all__ = ["CSV_COLUMNS", "FORMATS", "events_response"]

FORMATS = ("json", "csv", "geojson")

CSV_COLUMNS = (
    "id",
    "date",
    "date_precision",
    "type",
    "mode",
    "quad_class",
    "goldstein",
    "actor_code",
    "actor_name",
    "recipient_code",
    "recipient_name",
    "place_name",
    "place_country",
    "lat",
    "lon",
    "precision",
    "acled_event_type",
    "acled_sub_event_type",
    "fatalities",
    "origins",
    "outlet",
    "url",
    "sentence",
)


def events_response(events: Sequence[StoredEvent], *, format: str, page: dict[str, Any]) -> Response:
    """Return the HTTP response for one page of events in `format` (json, csv or geojson)."""
    if format == "csv":
        return Response(
            _render("write_csv", events, _csv),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="events.csv"'},
        )
    if format == "geojson":
        return Response(_render("write_geojson", events, _geojson), media_type="application/geo+json")
    return JSONResponse({"events": [event_dict(e) for e in events], **page})


def _render(
    name: str, events: Sequence[StoredEvent], fallback: Callable[[Sequence[StoredEvent]], str]
) -> str:
    writer = getattr(importlib.import_module("flashpoint.export"), name, None)
    if writer is None:
        return fallback(events)
    out = io.StringIO()
    writer(events, out)
    return out.getvalue()


def _csv(events: Sequence[StoredEvent]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for event in events:
        writer.writerow(event_dict(event))
    return out.getvalue()


def _geojson(events: Sequence[StoredEvent]) -> str:
    features = []
    for event in events:
        properties = event_dict(event)
        lat, lon = properties.pop("lat"), properties.pop("lon")
        geometry = None if lat is None or lon is None else {"type": "Point", "coordinates": [lon, lat]}
        features.append({"type": "Feature", "id": event.id, "geometry": geometry, "properties": properties})
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False)
