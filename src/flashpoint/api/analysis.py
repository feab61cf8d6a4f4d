"""Reads that move through time: the timeframe (`as_of`, `window`) shared by flashpoints, alerts and stats.

Every route that takes `as_of` and `window` answers with a `timeframe` object saying which "now" it used:
`as_of` (the last day), `since` (the first day), `window` (days) and `basis` ("given" when the caller
named `as_of`, "latest event day" when it defaulted to the store's latest event day, "empty store").
Without a window the timeframe reaches back to the store's first event day, so nothing stored is hidden.
"""

from __future__ import annotations

import datetime as dt
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response

from flashpoint.alerts.escalation import daily_hostility
from flashpoint.alerts.flashpoints import (
    Flashpoint,
    Timeframe,
    detect_flashpoints,
    local_events,
    pair_events,
    timeframe,
)
from flashpoint.api.validation import check_date
from flashpoint.store import EventQuery, Store, StoredEvent

__all__ = [
    "SERIES_DAYS",
    "AsOf",
    "Window",
    "analysis_router",
    "escalation_body",
    "flashpoints_body",
    "stats_body",
    "store_timeframe",
]

SERIES_DAYS = 35  # a flashpoint's chart: the trend's baseline (28 days) and recent window (7)

MAX_WINDOW = 36600  # a century of days: more is a typo

AsOf = Annotated[
    dt.date | None, Query(description="the last day of the timeframe (default: the latest event day)")
]
Window = Annotated[
    int | None,
    Query(ge=1, le=MAX_WINDOW, description="days in the timeframe, ending on as_of (default: all)"),
]


def store_timeframe(store: Store, *, as_of: dt.date | None, window: int | None) -> Timeframe:
    """Return the timeframe ending on `as_of` (default: the store's latest event day), `window` days long."""
    first, last = store.day_range()
    days = [d for d in (first, last) if d is not None]
    return timeframe(days, as_of=as_of, window=window)


class _Memo:
    """The last few answers of the costly analysis reads, valid while the store's version stays the same."""

    def __init__(self, size: int = 32) -> None:
        self.size = size
        self.items: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: tuple[Any, ...], make: Callable[[], Any]) -> Any:
        with self.lock:
            if key in self.items:
                self.items.move_to_end(key)
                return self.items[key]
        value = make()
        with self.lock:
            self.items[key] = value
            while len(self.items) > self.size:
                self.items.popitem(last=False)
        return value


_MEMOS: weakref.WeakKeyDictionary[Store, _Memo] = weakref.WeakKeyDictionary()


def _memo(store: Store) -> _Memo:
    memo = _MEMOS.get(store)
    if memo is None:
        memo = _MEMOS.setdefault(store, _Memo())
    return memo


def flashpoints_body(store: Store, *, as_of: dt.date | None, window: int | None) -> dict[str, Any]:
    """Return the /api/flashpoints body: flashpoints (each titled, as of its last detection) and the timeframe.

    Answers are kept while the store's version (`Store.version`) stays the same.
    """
    key = ("flashpoints", store.version(), as_of, window)
    body: dict[str, Any] = _memo(store).get(key, lambda: _flashpoints_body(store, as_of=as_of, window=window))
    return body


def _flashpoints_body(store: Store, *, as_of: dt.date | None, window: int | None) -> dict[str, Any]:
    detection = detect_flashpoints(store, as_of=as_of, window=window)
    events = store.events(EventQuery()) if detection.flashpoints else []
    items = []
    for flashpoint in detection.flashpoints:
        data = flashpoint.as_dict()
        data["series"] = _flashpoint_series(events, flashpoint, detection.flashpoints)
        first, second = [*flashpoint.actors, "?", "?"][:2]
        data["title"] = (
            f"{first}–{second} near {flashpoint.place_name} ({flashpoint.severity}, {flashpoint.trend})"
        )
        items.append(data)
    return {
        "flashpoints": items,
        "available": True,
        "count": len(items),
        "timeframe": detection.timeframe.as_dict(),
    }


def stats_body(store: Store, *, as_of: dt.date | None, window: int | None) -> dict[str, Any]:
    """Return the /api/stats body: counts over the timeframe (all of the store without as_of and window)."""
    frame = store_timeframe(store, as_of=as_of, window=window)
    if as_of is None and window is None:
        data = store.stats().as_dict()
    else:
        data = store.stats(since=frame.since, until=frame.as_of).as_dict()
    data["timeframe"] = frame.as_dict()
    return data


def _flashpoint_series(
    events: list[StoredEvent], flashpoint: Flashpoint, siblings: Sequence[Flashpoint]
) -> list[dict[str, Any]]:
    end = flashpoint.as_of or flashpoint.last_date or dt.date.today()
    start = end - dt.timedelta(days=SERIES_DAYS - 1)
    hostility = daily_hostility(local_events(events, flashpoint, siblings=siblings), since=start, until=end)
    return [day.as_dict() for day in hostility.days]


def _pair(value: str) -> tuple[str, str]:
    parts = [p.strip().upper() for p in value.replace("-", ",").split(",") if p.strip()]
    if len(parts) != 2 or parts[0] == parts[1] or not all(p.isalpha() and len(p) == 3 for p in parts):
        raise HTTPException(422, "pair must be two different country codes, e.g. TUR,USA")
    first, second = sorted(parts)
    return first, second


def escalation_body(
    store: Store,
    *,
    as_of: dt.date | None,
    window: int | None,
    pair: str | None,
    flashpoint: str | None,
) -> dict[str, Any]:
    """Return the /api/escalation body: daily material and verbal hostility series and the timeframe.

    With `pair` one series for the two countries' events between them; with `flashpoint` one series for
    that flashpoint (its pair's events, and either side's near its anchor); otherwise one per flashpoint
    detected in the timeframe.  Each series lists the days of the timeframe that have counted events,
    with the events behind them (the days between are zero), and a sparkline of its last 35 days.
    """
    frame = store_timeframe(store, as_of=as_of, window=window)
    if frame.as_of is None or frame.since is None:
        return {"series": [], "timeframe": frame.as_dict()}
    events = store.events(EventQuery())
    since, until = frame.since, frame.as_of
    series: list[dict[str, Any]] = []
    if pair is not None:
        members = _pair(pair)
        picked = pair_events(events, members)
        series.append({"kind": "pair", "actors": list(members), **_series(picked, since, until)})
        return {"series": series, "timeframe": frame.as_dict()}
    detection = detect_flashpoints(store, as_of=frame.as_of, window=frame.window)
    found = list(detection.flashpoints)
    if flashpoint is not None:
        found = [fp for fp in found if fp.id == flashpoint]
        if not found:
            raise HTTPException(404, f"no flashpoint {flashpoint!r} in this timeframe")
    for fp in found:
        series.append(
            {
                "kind": "flashpoint",
                "flashpoint_id": fp.id,
                "actors": list(fp.actors),
                "place_name": fp.place_name,
                **_series(local_events(events, fp, siblings=detection.flashpoints), since, until),
            }
        )
    return {"series": series, "timeframe": frame.as_dict()}


def _series(events: list[StoredEvent], since: dt.date, until: dt.date) -> dict[str, Any]:
    # Days with events only (a timeframe may span years); the sparkline shows the last SERIES_DAYS.
    hostility = daily_hostility(events, since=since, until=until)
    last = daily_hostility(events, since=max(since, until - dt.timedelta(days=SERIES_DAYS - 1)), until=until)
    return {
        "since": since.isoformat(),
        "until": until.isoformat(),
        "sparkline": last.sparkline(),
        "days": [day.as_dict() for day in hostility.days if day.event_ids],
    }


def analysis_router() -> APIRouter:
    """Return the router of the analysis reads: escalation series."""
    router = APIRouter()

    @router.get("/api/escalation", tags=["alerts"])
    def escalation(
        request: Request,
        as_of: AsOf = None,
        window: Window = None,
        pair: Annotated[str | None, Query(description="two country codes, e.g. TUR,USA")] = None,
        flashpoint: Annotated[str | None, Query(description="a flashpoint id (al_…)")] = None,
    ) -> dict[str, Any]:
        """Return daily hostility series (material and verbal conflict, events behind each day)."""
        store: Store = request.app.state.store
        as_of = check_date(as_of, name="as_of")
        key = ("escalation", store.version(), as_of, window, pair, flashpoint)
        body: dict[str, Any] = _memo(store).get(
            key, lambda: escalation_body(store, as_of=as_of, window=window, pair=pair, flashpoint=flashpoint)
        )
        return body

    @router.get("/api/brief", tags=["alerts"], response_class=Response)
    def brief(
        request: Request,
        as_of: AsOf = None,
        window: Annotated[int, Query(ge=1, le=MAX_WINDOW, description="days ending on as_of")] = 30,
        near: Annotated[str | None, Query(description="LAT,LON the brief looks around")] = None,
        km: Annotated[float, Query(gt=0, le=20000, description="radius for near")] = 50.0,
        country: Annotated[str | None, Query(min_length=3, max_length=3, description="ISO3")] = None,
        format: Literal["html", "md"] = "html",
    ) -> Response:
        """Return the situation brief of the timeframe: a self-contained HTML page or Markdown."""
        from flashpoint.brief import Area, build_brief, render_brief

        store: Store = request.app.state.store
        frame = store_timeframe(store, as_of=check_date(as_of, name="as_of"), window=window)
        if frame.as_of is None or frame.since is None:
            raise HTTPException(404, "the store holds no dated event: there is nothing to brief")
        area = Area(near=_point(near, km) if near else None, country=country.upper() if country else None)
        text = render_brief(
            build_brief(store, since=frame.since, until=frame.as_of, area=area), format=format
        )
        media = "text/html; charset=utf-8" if format == "html" else "text/markdown; charset=utf-8"
        # The brief runs no script: a policy that forbids any keeps it inert even if escaping failed.
        policy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'"
        headers = {"X-Content-Type-Options": "nosniff", "Content-Security-Policy": policy}
        return Response(text, media_type=media, headers=headers)

    return router


def _point(value: str, km: float) -> tuple[float, float, float]:
    try:
        lat, lon = (float(part) for part in value.split(","))
    except ValueError:
        raise HTTPException(422, "near must be LAT,LON (two numbers)") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise HTTPException(422, "near is out of range: lat in [-90, 90], lon in [-180, 180]")
    return lat, lon, km
