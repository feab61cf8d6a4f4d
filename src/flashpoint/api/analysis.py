"""Reads that move through time: the timeframe (`as_of`, `window`) shared by flashpoints, alerts and stats.

Every route that takes `as_of` and `window` answers with a `timeframe` object saying which "now" it used:
`as_of` (the last day), `since` (the first day), `window` (days) and `basis` ("given" when the caller
named `as_of`, "latest event day" when it defaulted to the store's latest event day, "empty store").
Without a window the timeframe reaches back to the store's first event day, so nothing stored is hidden.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import Query

from flashpoint.alerts.flashpoints import Timeframe, detect_flashpoints, timeframe
from flashpoint.store import Store

__all__ = ["AsOf", "Window", "flashpoints_body", "stats_body", "store_timeframe"]

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


def flashpoints_body(store: Store, *, as_of: dt.date | None, window: int | None) -> dict[str, Any]:
    """Return the /api/flashpoints body: flashpoints (each titled, as of its last detection) and the timeframe."""
    detection = detect_flashpoints(store, as_of=as_of, window=window)
    items = []
    for flashpoint in detection.flashpoints:
        data = flashpoint.as_dict()
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
