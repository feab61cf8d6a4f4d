"""Queries: the portable SELECTs behind `Store.events`, and the great-circle filter applied after them."""

from __future__ import annotations

import math
import re
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, exists, false, func, or_, select

from flashpoint.geo.distance import EARTH_RADIUS_KM
from flashpoint.geo.distance import great_circle_km as haversine_km
from flashpoint.store.results import EventQuery, StoredEvent
from flashpoint.store.schema import claims, documents, events, reports, sentences

__all__ = ["EARTH_RADIUS_KM", "event_select", "haversine_km", "within"]

_CODE = re.compile(r"[A-Z]{3}[A-Z]*")


def within(event: StoredEvent, near: tuple[float, float, float]) -> bool:
    """Return True when the event has coordinates within `near` = (lat, lon, km)."""
    lat, lon, km = near
    if event.lat is None or event.lon is None:
        return False
    return haversine_km(lat, lon, event.lat, event.lon) <= km


def event_select(query: EventQuery, *, event_id: str | None = None) -> Select[Any]:
    """Return the SELECT of events (joined with their first report) matching `query`, ordered by date.

    `limit` and `offset` are applied here only when no `near` filter follows in Python.
    """
    other = reports.alias("other_reports")
    first_report = (
        select(func.min(other.c.id))
        .where(other.c.event_id == events.c.id)
        .correlate(events)
        .scalar_subquery()
    )
    report_count = (
        select(func.count(other.c.id))
        .where(other.c.event_id == events.c.id)
        .correlate(events)
        .scalar_subquery()
    )
    first_claim = (
        select(claims.c.id)
        .where(claims.c.report_id == reports.c.id)
        .order_by(claims.c.id)
        .limit(1)
        .correlate(reports)
        .scalar_subquery()
    )
    joined = (
        events.outerjoin(reports, reports.c.id == first_report)
        .outerjoin(claims, claims.c.id == first_claim)
        .outerjoin(documents, documents.c.id == reports.c.document_id)
        .outerjoin(
            sentences,
            and_(sentences.c.document_id == reports.c.document_id, sentences.c.index == reports.c.sentence),
        )
    )
    stmt = select(
        events,
        reports.c.document_id,
        reports.c.trigger,
        sentences.c.text.label("sentence_text"),
        documents.c.publisher,
        documents.c.origin,
        documents.c.url,
        documents.c.published,
        documents.c.ingested_at,
        report_count.label("report_count"),
        claims.c.claimant,
        claims.c.channel,
    ).select_from(joined)
    for clause in _filters(query):
        stmt = stmt.where(clause)
    if event_id is not None:
        stmt = stmt.where(events.c.id == event_id)
    stmt = stmt.order_by(events.c.date.desc().nulls_last(), events.c.id)
    if query.near is None:
        if query.offset:
            stmt = stmt.offset(query.offset)
        if query.limit is not None:
            stmt = stmt.limit(query.limit)
    return stmt


def _filters(query: EventQuery) -> list[ColumnElement[bool]]:
    clauses: list[ColumnElement[bool]] = []
    if query.type:
        clauses.append(events.c.type == query.type.upper())
    if query.actor:
        clauses.append(_actor_clause(query.actor))
    if query.country:
        code = query.country.upper()
        clauses.append(
            or_(
                events.c.actor_country == code,
                events.c.recipient_country == code,
                events.c.place_country == code,
            )
        )
    if query.since is not None:
        clauses.append(events.c.date >= query.since)
    if query.until is not None:
        clauses.append(events.c.date <= query.until)
    if query.happened_only:
        clauses.append(events.c.happened == True)  # noqa: E712 - SQL expression, not a Python test
    if query.near is not None:
        clauses.append(_bounding_box(*query.near))
    if query.stance:
        # an alias: the outer SELECT joins `claims` for the first claim, this asks about any of them
        any_claim = claims.alias("any_claim")
        clauses.append(
            exists(
                select(any_claim.c.id).where(
                    any_claim.c.event_id == events.c.id, any_claim.c.stance == query.stance
                )
            )
        )
    return clauses


def _like(text: str) -> str:
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _actor_clause(actor: str) -> ColumnElement[bool]:
    pattern = _like(actor.strip())
    options: list[ColumnElement[bool]] = [
        func.lower(events.c.actor_name).like(pattern, escape="\\"),
        func.lower(events.c.actor_text).like(pattern, escape="\\"),
    ]
    code = actor.strip()
    if _CODE.fullmatch(code):
        by_code = events.c.actor_country == code[:3]
        if len(code) > 3:
            sector = code[3:].replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            by_code = and_(by_code, events.c.actor_sector.like(f"{sector}%", escape="\\"))
        options.append(by_code)
    return or_(*options)


def _bounding_box(lat: float, lon: float, km: float) -> ColumnElement[bool]:
    # The smallest lat/lon box holding the whole circle (exact spherical extents, plus a hair of margin),
    # so the SQL prefilter never drops an event the haversine test would keep.
    if km < 0:
        return false()
    radius = km / EARTH_RADIUS_KM
    dlat = math.degrees(radius) + 1e-6
    box = and_(events.c.lat >= lat - dlat, events.c.lat <= lat + dlat)
    cos_lat = math.cos(math.radians(lat))
    if lat + dlat >= 90 or lat - dlat <= -90 or math.sin(radius) >= cos_lat:
        return box  # the circle reaches a pole: every longitude is in range
    dlon = math.degrees(math.asin(math.sin(radius) / cos_lat)) + 1e-6
    west, east = lon - dlon, lon + dlon
    if west < -180:
        lon_clause = or_(events.c.lon >= west + 360, events.c.lon <= east)
    elif east > 180:
        lon_clause = or_(events.c.lon >= west, events.c.lon <= east - 360)
    else:
        lon_clause = and_(events.c.lon >= west, events.c.lon <= east)
    return and_(box, lon_clause)
