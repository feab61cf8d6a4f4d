"""Event pages rendered as JSON, ACLED-style CSV or GeoJSON responses (the same filtered page in each)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from fastapi.responses import JSONResponse, Response

from flashpoint.api.search import event_dict
from flashpoint.export import write_csv, write_geojson
from flashpoint.store import StoredEvent

__all__ = ["FORMATS", "events_response"]

FORMATS = ("json", "csv", "geojson")


def events_response(events: Sequence[StoredEvent], *, format: str, page: dict[str, Any]) -> Response:
    """Return the HTTP response for one page of events in `format` (json, csv or geojson).

    CSV and GeoJSON are written by `flashpoint.export`, so a download matches `flashpoint events --csv`;
    paging information travels in `X-Next-Offset` for them.
    """
    headers = {} if page.get("next_offset") is None else {"X-Next-Offset": str(page["next_offset"])}
    if format == "csv":
        out = io.StringIO()
        write_csv(events, out)
        headers["Content-Disposition"] = 'attachment; filename="events.csv"'
        return Response(out.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)
    if format == "geojson":
        out = io.StringIO()
        write_geojson(events, out)
        return Response(out.getvalue(), media_type="application/geo+json", headers=headers)
    return JSONResponse({"events": [event_dict(e) for e in events], **page})
