"""The read API: events (filtered, paged, in three formats), one event, documents, actors, places, stats."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response
from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError

from flashpoint.api.analysis import AsOf, Window, flashpoints_body, stats_body, store_timeframe
from flashpoint.api.formats import events_response
from flashpoint.api.links import absolute_url
from flashpoint.api.search import BBox, EventSearch, event_dict, find_events
from flashpoint.api.validation import MAX_FILTER_CHARS, MAX_OFFSET, MAX_ORIGINS, check_date
from flashpoint.errors import StoreError
from flashpoint.records import Stance
from flashpoint.store import EventQuery, Store
from flashpoint.store import schema as t

__all__ = ["MAX_LIMIT", "parse_bbox", "read_router"]

MAX_LIMIT = 5000


def parse_bbox(value: str) -> BBox:
    """Return the box in "minlon,minlat,maxlon,maxlat"; HTTP 422 when it is malformed."""
    try:
        west, south, east, north = (float(part) for part in value.split(","))
    except ValueError:
        raise HTTPException(422, "bbox must be minlon,minlat,maxlon,maxlat (four numbers)") from None
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise HTTPException(
            422, "bbox is out of range: lon in [-180, 180], lat in [-90, 90], minlat <= maxlat"
        )
    return BBox(west=west, south=south, east=east, north=north)


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def read_router() -> APIRouter:
    """Return the router with every read-only route."""
    router = APIRouter()

    @router.get("/healthz", tags=["meta"])
    def healthz(request: Request) -> dict[str, str]:
        """Return ok when the database answers."""
        try:
            with _store(request).engine.connect() as conn:
                conn.execute(select(1))
        except SQLAlchemyError as exc:
            raise StoreError(f"database unreachable: {exc}") from exc
        return {"status": "ok"}

    @router.get("/api/events", tags=["events"])
    def list_events(
        request: Request,
        bbox: Annotated[str | None, Query(description="minlon,minlat,maxlon,maxlat")] = None,
        since: Annotated[dt.date | None, Query(description="first day (ISO date), inclusive")] = None,
        until: Annotated[dt.date | None, Query(description="last day (ISO date), inclusive")] = None,
        actor: Annotated[
            str | None, Query(max_length=MAX_FILTER_CHARS, description="actor code prefix or name")
        ] = None,
        country: Annotated[
            str | None, Query(max_length=MAX_FILTER_CHARS, description="ISO3 of actor, recipient or place")
        ] = None,
        type: Annotated[
            str | None, Query(max_length=MAX_FILTER_CHARS, description="PLOVER event type")
        ] = None,
        stance: Annotated[Stance | None, Query(description="a claim stance")] = None,
        q: Annotated[
            str | None, Query(max_length=MAX_FILTER_CHARS, description="text in the reporting sentence")
        ] = None,
        min_origins: Annotated[
            int, Query(ge=1, le=MAX_ORIGINS, description="independent origins at least")
        ] = 1,
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 100,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
        format: Literal["json", "csv", "geojson"] = "json",
    ) -> Response:
        """Return one page of events matching the filters, latest first, as JSON, CSV or GeoJSON."""
        search = EventSearch(
            query=EventQuery(
                type=type,
                actor=actor,
                country=country,
                since=check_date(since, name="since"),
                until=check_date(until, name="until"),
            ),
            bbox=parse_bbox(bbox) if bbox else None,
            stance=stance,
            text=q.strip() or None if q else None,
            min_origins=min_origins,
            limit=limit + 1,  # one more tells whether a next page exists
            offset=offset,
        )
        events = find_events(_store(request), search)
        more = len(events) > limit
        events = events[:limit]
        page = {
            "limit": limit,
            "offset": offset,
            "count": len(events),
            "next_offset": offset + limit if more else None,
        }
        return events_response(events, format=format, page=page)

    @router.get("/api/events/{event_id}", tags=["events"])
    def get_event(request: Request, event_id: str) -> dict[str, Any]:
        """Return an event with its reports: sentence, document, trigger and the claims behind it."""
        detail = _store(request).event(event_id)
        if detail is None:
            raise HTTPException(404, f"no event {event_id!r}")
        data = detail.as_dict()
        data["event"] = event_dict(detail.event)
        return data

    @router.get("/api/documents/{document_id}", tags=["documents"])
    def get_document(request: Request, document_id: str) -> dict[str, Any]:
        """Return a stored document: metadata, text, sentence offsets and the ids of its events."""
        store = _store(request)
        document = store.document(document_id)
        if document is None:
            raise HTTPException(404, f"no document {document_id!r}")
        data = document.as_dict()
        with store.engine.connect() as conn:
            rows = conn.execute(
                select(t.sentences.c.index, t.sentences.c.start, t.sentences.c.end)
                .where(t.sentences.c.document_id == document.id)
                .order_by(t.sentences.c.index)
            ).all()
        data["sentences"] = [{"index": i, "start": s, "end": e} for i, s, e in rows]
        return data

    @router.get("/api/flashpoints", tags=["alerts"])
    def list_flashpoints(request: Request, as_of: AsOf = None, window: Window = None) -> dict[str, Any]:
        """Return the flashpoints detected in the timeframe, each as of its last day; and the timeframe used."""
        return flashpoints_body(_store(request), as_of=check_date(as_of, name="as_of"), window=window)

    @router.get("/api/alerts", tags=["alerts"])
    def get_alerts(
        request: Request,
        since: Annotated[dt.date | None, Query()] = None,
        status: Annotated[Literal["open", "closed"] | None, Query()] = None,
        as_of: AsOf = None,
        window: Window = None,
    ) -> dict[str, Any]:
        """Return the persisted alerts (opened, updated, closed as evidence arrives), newest change first.

        With `as_of` or `window`, only alerts whose evidence dates overlap the timeframe.
        """
        from flashpoint.alerts import list_alerts

        store = _store(request)
        as_of = check_date(as_of, name="as_of")
        frame = store_timeframe(store, as_of=as_of, window=window)
        during = None
        if (as_of or window) and frame.since and frame.as_of:
            during = (frame.since, frame.as_of)
        alerts = list_alerts(store, since=check_date(since, name="since"), status=status, during=during)
        return {"alerts": [alert.as_dict() for alert in alerts], "timeframe": frame.as_dict()}

    @router.get("/api/alerts.atom", tags=["alerts"], response_class=Response)
    def get_alerts_atom(request: Request) -> Response:
        """Return the alerts as an Atom feed, for feed readers."""
        from flashpoint.alerts import atom_feed, list_alerts

        # The self link comes from settings.base_url (or the listening address), never the Host header.
        link = absolute_url(
            request.url.path, base_url=request.app.state.base_url, server=request.scope.get("server")
        )
        xml = atom_feed(list_alerts(_store(request)), link=link)
        return Response(content=xml, media_type="application/atom+xml")

    @router.get("/api/actors", tags=["actors"])
    def list_actors(
        request: Request, limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 200
    ) -> dict[str, Any]:
        """Return coded actors seen as initiator or recipient, with event counts, most active first."""
        e = t.events
        counts: dict[tuple[str, str | None], dict[str, Any]] = {}
        with _store(request).engine.connect() as conn:
            for role, country, sector, name in (
                ("actor", e.c.actor_country, e.c.actor_sector, e.c.actor_name),
                ("recipient", e.c.recipient_country, e.c.recipient_sector, e.c.recipient_name),
            ):
                stmt = (
                    select(country, sector, func.max(name), func.count())
                    .where(country.is_not(None))
                    .group_by(country, sector)
                )
                for c, s, n, k in conn.execute(stmt):
                    entry = counts.setdefault(
                        (c, s),
                        {
                            "code": f"{c}{s or ''}",
                            "country": c,
                            "sector": s,
                            "name": n,
                            "as_actor": 0,
                            "as_recipient": 0,
                        },
                    )
                    entry[f"as_{role}"] += int(k)
                    entry["name"] = entry["name"] or n
        actors = sorted(counts.values(), key=lambda a: (-(a["as_actor"] + a["as_recipient"]), a["code"]))
        return {"actors": actors[:limit]}

    @router.get("/api/places", tags=["places"])
    def list_places(
        request: Request, limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 200
    ) -> dict[str, Any]:
        """Return places that events happened at, with coordinates and event counts, busiest first."""
        e = t.events
        stmt = (
            select(e.c.place_id, e.c.place_name, e.c.place_country, e.c.lat, e.c.lon, func.count().label("n"))
            .where(e.c.place_id.is_not(None))
            .group_by(e.c.place_id, e.c.place_name, e.c.place_country, e.c.lat, e.c.lon)
            .order_by(func.count().desc(), e.c.place_id)
            .limit(limit)
        )
        with _store(request).engine.connect() as conn:
            rows = conn.execute(stmt).all()
        return {
            "places": [
                {"id": p, "name": n, "country": c, "lat": la, "lon": lo, "events": int(k)}
                for p, n, c, la, lo, k in rows
            ]
        }

    @router.get("/api/stats", tags=["meta"])
    def stats(request: Request, as_of: AsOf = None, window: Window = None) -> dict[str, Any]:
        """Return counts of documents, events, reports and claims, events by type and the date range.

        With `as_of` or `window`, counted over that timeframe; `timeframe` says which one was used.
        """
        return stats_body(_store(request), as_of=check_date(as_of, name="as_of"), window=window)

    return router
