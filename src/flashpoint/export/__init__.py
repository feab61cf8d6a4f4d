"""Export: the JSON record of one document, and stored events as CSV, GeoJSON, JSON lines or JSON."""

from __future__ import annotations

from flashpoint.export.formats import (
    CSV_COLUMNS,
    FORMATS,
    ExportError,
    csv_row,
    event_json,
    write_csv,
    write_events,
    write_geojson,
    write_json,
    write_jsonl,
)
from flashpoint.export.record import extract_record

__all__ = [
    "CSV_COLUMNS",
    "FORMATS",
    "ExportError",
    "csv_row",
    "event_json",
    "extract_record",
    "write_csv",
    "write_events",
    "write_geojson",
    "write_json",
    "write_jsonl",
]
