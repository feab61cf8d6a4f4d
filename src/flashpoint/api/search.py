"""Event search for the API: the store's EventQuery plus the filters the store does not have yet.

The store's `EventQuery` knows type, actor, country, dates and limit/offset.  The API also filters by a
bounding box, the claim stance, a text search over the reporting sentence and a minimum number of
independent origins.  These are added here as SQL conditions on the store's own SELECT (so pagination
stays in the database); they should move into `EventQuery` when the store grows them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, false, func, or_, select, true
from sqlalchemy.exc import SQLAlchemyError

from flashpoint.errors import StoreError
from flashpoint.store import EventQuery, Store, StoredEvent
from flashpoint.store import schema as t
from flashpoint.store.queries import event_select
from flashpoint.store.rows import stored_event

__all__ = ["BBox", "EventSearch", "event_dict", "find_events", "origins_of", "page_select"]


@dataclass(frozen=True, slots=True)
class BBox:
    """A longitude/latitude box; west > east means it crosses the antimeridian."""

    west: float
    south: float
    east: float
    north: float


@dataclass(frozen=True, slots=True)
class EventSearch:
    """Everything `/api/events` filters by; None matches everything."""

    query: EventQuery = field(default_factory=EventQuery)
    bbox: BBox | None = None
    stance: str | None = None
    text: str | None = None
    min_origins: int = 1
    limit: int = 100
    offset: int = 0


def origins_of(event: StoredEvent) -> int:
    """Return the number of independent origins behind an event (1 until corroboration counts them)."""
    return int(getattr(event, "origins", 1) or 1)


def event_dict(event: StoredEvent) -> dict[str, Any]:
    """Return the JSON shape of an event: the stored fields plus codes and origins."""
    data = event.as_dict()
    data["actor_code"] = event.actor_code
    data["recipient_code"] = event.recipient_code
    data["origins"] = origins_of(event)
    return data


def find_events(store: Store, search: EventSearch) -> list[StoredEvent]:
    """Return one page of events matching `search`, latest date first.

    Without a text filter the page is chosen first on the events table alone (its ids, read from the
    (date, lat, lon, id) index alone for a date range and a box), and only that page is joined with its first
    report, claim, document and sentence: the cost follows the page, not every event that matches.
    """
    stance = search.stance or search.query.stance
    stmt = event_select(replace(search.query, limit=None, offset=0, near=None, stance=stance))
    for clause in _extra_filters(search):
        stmt = stmt.where(clause)
    if search.text:  # the filter reads the joined sentence: one query over the join
        stmt = stmt.offset(search.offset).limit(search.limit)
    else:
        page = page_select(stmt, search)
        stmt = event_select(EventQuery()).where(t.events.c.id.in_(page.scalar_subquery()))
    try:
        with store.engine.connect() as conn:
            result = conn.execute(stmt)
            keys = tuple(result.keys())
            rows = [dict(zip(keys, row, strict=True)) for row in result]  # plain dicts read fastest
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot read events: {exc}") from exc
    return [stored_event(row) for row in rows]


def page_select(stmt: Select[Any], search: EventSearch) -> Select[Any]:
    """Return the SELECT of one page of event ids under `stmt`'s conditions, latest date first.

    On a date range and a box it reads the (date, lat, lon, id) index alone, never the events table.
    """
    events = t.events
    return (
        select(events.c.id)
        .where(stmt.whereclause if stmt.whereclause is not None else true())
        .order_by(events.c.date.desc().nulls_last(), events.c.id)
        .offset(search.offset)
        .limit(search.limit)
    )


def _extra_filters(search: EventSearch) -> list[ColumnElement[bool]]:
    clauses: list[ColumnElement[bool]] = []
    events = t.events
    if search.bbox is not None:
        box = search.bbox
        lat = and_(events.c.lat >= box.south, events.c.lat <= box.north)
        if box.west <= box.east:
            lon: ColumnElement[bool] = and_(events.c.lon >= box.west, events.c.lon <= box.east)
        else:
            lon = or_(events.c.lon >= box.west, events.c.lon <= box.east)
        clauses.append(and_(lat, lon))
    if search.text:
        escaped = search.text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        clauses.append(func.lower(t.sentences.c.text).like(f"%{escaped}%", escape="\\"))
    if search.min_origins > 1:
        if "origins" in events.c:
            clauses.append(events.c["origins"] >= search.min_origins)
        else:
            clauses.append(false())  # every event has exactly one origin until corroboration lands
    return clauses


def date_or_none(value: str | None) -> dt.date | None:
    """Return an ISO date parsed from `value`, None for None; ValueError when malformed."""
    return dt.date.fromisoformat(value) if value else None
