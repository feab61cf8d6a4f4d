"""Export: the JSON record of one document, and stored events as CSV, GeoJSON, JSON lines, JSON or text."""

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
from flashpoint.export.text import claimant_label, clip, events_table, nested_text, report_places

__all__ = [
    "CSV_COLUMNS",
    "FORMATS",
    "ExportError",
    "claimant_label",
    "clip",
    "csv_row",
    "event_json",
    "events_table",
    "extract_record",
    "nested_text",
    "report_places",
    "write_csv",
    "write_events",
    "write_geojson",
    "write_json",
    "write_jsonl",
]
