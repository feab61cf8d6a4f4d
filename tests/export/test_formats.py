"""Stored events written as CSV, GeoJSON, JSON lines and JSON."""

from __future__ import annotations

import csv
import io
import json

import pytest

from flashpoint.errors import ExportError
from flashpoint.export import (
    CSV_COLUMNS,
    event_json,
    write_csv,
    write_events,
    write_geojson,
    write_json,
    write_jsonl,
)
from flashpoint.store import StoredEvent


def test_formats_csv_header_and_rows(stored: list[StoredEvent]) -> None:
    out = io.StringIO()
    assert write_csv(stored, out) == 3
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == CSV_COLUMNS
    by_type = {row["plover_type"]: row for row in rows}
    assault = by_type["ASSAULT"]
    assert assault["event_date"] == "2023-05-09"
    assert assault["year"] == "2023"
    assert assault["time_precision"] == "1"
    assert (assault["event_type"], assault["sub_event_type"]) == ("Battles", "Armed clash")
    assert (assault["actor1"], assault["actor1_code"]) == ("Border guards", "IRQMIL")
    # "---CRM" (no country) starts like a formula: neutralised, a spreadsheet shows it as text.
    assert (assault["actor2"], assault["actor2_code"]) == ("smugglers", "'---CRM")
    assert (assault["country"], assault["iso3"], assault["admin1"], assault["location"]) == (
        "Iraq",
        "IRQ",
        "Duhok",
        "Zakho",
    )
    assert (float(assault["latitude"]), float(assault["longitude"])) == (37.1437, 42.6819)
    assert assault["geo_precision"] == "1"
    assert assault["source"] == "Example Wire"
    assert assault["notes"].startswith("Border guards fired")
    assert assault["fatalities"] == "1"
    assert int(assault["timestamp"]) > 0
    mobilize = by_type["MOBILIZE"]
    assert (mobilize["time_precision"], mobilize["happened"], mobilize["latitude"]) == ("2", "false", "")
    assert by_type["PROTEST"]["time_precision"] == "3"


def test_formats_csv_empty_has_header_only() -> None:
    out = io.StringIO()
    assert write_csv([], out) == 0
    assert out.getvalue().strip().split(",") == list(CSV_COLUMNS)


@pytest.mark.parametrize("include_unlocated", [False, True])
def test_formats_geojson_structure(stored: list[StoredEvent], include_unlocated: bool) -> None:
    out = io.StringIO()
    written = write_geojson(stored, out, include_unlocated=include_unlocated)
    collection = json.loads(out.getvalue())
    assert collection["type"] == "FeatureCollection"
    features = collection["features"]
    assert len(features) == written == (3 if include_unlocated else 2)
    for feature in features:
        assert feature["type"] == "Feature"
        assert feature["properties"]["type"] in {"ASSAULT", "MOBILIZE", "PROTEST"}
        assert "place_lat" not in feature["properties"]
        if feature["geometry"] is None:
            assert feature["properties"]["type"] == "MOBILIZE"
            continue
        assert feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
    zakho = next(f for f in features if f["properties"]["place_name"] == "Zakho")
    assert zakho["geometry"]["coordinates"] == [42.6819, 37.1437]  # longitude first


def test_formats_jsonl_round_trip(stored: list[StoredEvent]) -> None:
    out = io.StringIO()
    assert write_jsonl(stored, out) == 3
    lines = out.getvalue().splitlines()
    assert [json.loads(line) for line in lines] == [event_json(e) for e in stored]
    first = json.loads(lines[0])
    assert (first["id"], first["type"]) == (stored[0].id, stored[0].type)
    assert first["outlet"] == "Example Wire"


def test_formats_event_json_is_flat_with_place_fields(stored: list[StoredEvent]) -> None:
    records = {r["type"]: r for r in map(event_json, stored)}
    assault = records["ASSAULT"]
    assert all(not isinstance(v, dict) for v in assault.values())
    assert (assault["actor_code"], assault["recipient_code"]) == ("IRQMIL", "---CRM")
    assert (assault["place_lat"], assault["place_lon"], assault["place_admin1"]) == (
        37.1437,
        42.6819,
        "Duhok",
    )
    assert assault["date"] == "2023-05-09"
    assert assault["sentence"].startswith("Border guards fired")
    mobilize = records["MOBILIZE"]
    assert (mobilize["recipient_code"], mobilize["place_lat"], mobilize["place_name"]) == (
        None,
        None,
        "village",
    )
    assert (mobilize["happened"], mobilize["aux_modes"]) == (False, ["negation"])


def test_formats_json_array(stored: list[StoredEvent]) -> None:
    out = io.StringIO()
    assert write_json(stored, out) == 3
    assert json.loads(out.getvalue()) == [event_json(e) for e in stored]


@pytest.mark.parametrize("name", ["csv", "GeoJSON", "jsonl", "json"])
def test_formats_write_events_by_name(stored: list[StoredEvent], name: str) -> None:
    out = io.StringIO()
    assert write_events(stored, out, format=name) >= 2
    assert out.getvalue()


def test_formats_write_events_unknown_format(stored: list[StoredEvent]) -> None:
    with pytest.raises(ExportError, match="unknown export format"):
        write_events(stored, io.StringIO(), format="xlsx")


def test_formats_public_names_resolve() -> None:
    import flashpoint.export as package

    assert {"extract_record", "write_csv", "write_geojson", "write_jsonl", "write_json"} <= set(
        package.__all__
    )
    assert all(getattr(package, name, None) is not None for name in package.__all__)


@pytest.mark.parametrize("prefix", ["=", "+", "-", "@", "\t", "\r"])
def test_formats_csv_neutralises_formulas_in_every_text_column(
    stored: list[StoredEvent], prefix: str
) -> None:
    import dataclasses

    from flashpoint.export.formats import FORMULA_PREFIXES

    payload = f'{prefix}HYPERLINK("http://x.example","y")'
    hostile = [
        dataclasses.replace(
            event,
            **{
                f.name: payload
                for f in dataclasses.fields(event)
                if isinstance(getattr(event, f.name), str) and f.name not in ("id", "type")
            },
        )
        for event in stored
    ]
    out = io.StringIO()
    write_csv(hostile, out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    cells = [value for row in rows for value in row.values()]
    assert any(cell == "'" + payload for cell in cells)
    assert not [cell for cell in cells if cell.startswith(FORMULA_PREFIXES)]
    assert {row["source"] for row in rows} == {"'" + payload}


def test_formats_csv_keeps_negative_numbers(stored: list[StoredEvent]) -> None:
    import dataclasses

    out = io.StringIO()
    write_csv([dataclasses.replace(stored[0], lon=-3.5)], out)
    (row,) = csv.DictReader(io.StringIO(out.getvalue()))
    assert row["longitude"] == "-3.5"
