"""What a brief says: the window's flashpoints, its events by type and area, and the contested ones.

The brief reads the store exactly as the faces do, so it matches them for the same window: its events are
`Store.events(EventQuery(since, until, country, near))` (what `flashpoint events --since --until` lists),
and its flashpoints are `detect_flashpoints(as_of=until, window=until - since + 1)` (what
`flashpoint flashpoints --since --as-of` lists), kept when their anchor lies in the area (near: within
`km` of the point; country: the country is one of the pair).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from flashpoint.alerts.escalation import Hostility, daily_hostility
from flashpoint.alerts.flashpoints import Flashpoint, FlashpointRules, detect_flashpoints, local_events
from flashpoint.store import EventQuery, Store, StoredEvent
from flashpoint.store.queries import haversine_km

__all__ = ["CONTESTED_STANCES", "Area", "Brief", "build_brief"]

CONTESTED_STANCES = frozenset({"alleged", "denied"})
CHART_DAYS = 35  # a flashpoint's chart: the trend's baseline (28 days) and recent window (7)


@dataclass(frozen=True, slots=True)
class Area:
    """Where a brief looks: near a point (lat, lon, km) and/or one country (ISO3); None is everywhere."""

    near: tuple[float, float, float] | None = None
    near_name: str | None = None
    country: str | None = None

    def label(self) -> str:
        """Return the area in words ("within 50 km of Manbij, SYR"), or "everywhere"."""
        parts = []
        if self.near is not None:
            lat, lon, km = self.near
            parts.append(f"within {km:g} km of {self.near_name or f'{lat:.3f},{lon:.3f}'}")
        if self.country:
            parts.append(f"involving {self.country}")
        return ", ".join(parts) or "everywhere"


@dataclass(frozen=True, slots=True)
class Brief:
    """A situation brief: the window, the area, flashpoints with their charts, events and the contested ones."""

    since: dt.date
    until: dt.date
    area: Area
    flashpoints: tuple[Flashpoint, ...]
    charts: tuple[Hostility, ...]  # parallel to flashpoints
    events: tuple[StoredEvent, ...]  # latest first, as `flashpoint events` lists them
    by_type: tuple[tuple[str, int], ...]  # most frequent first
    by_area: tuple[tuple[str, int], ...]  # "admin1, ISO3" (or the country) with counts, most first
    contested: tuple[StoredEvent, ...]  # alleged, denied or single-source

    @property
    def sources(self) -> tuple[str, ...]:
        """Return the outlets of the events (their first reports), each once, in order of first mention."""
        return tuple(dict.fromkeys(e.outlet for e in self.events if e.outlet))


def contested(event: StoredEvent) -> bool:
    """Return True when an event is alleged, denied or rests on one source."""
    return event.stance in CONTESTED_STANCES or event.single_source


def _area_of(event: StoredEvent) -> str:
    if event.admin1 and event.place_country:
        return f"{event.admin1}, {event.place_country}"
    return event.place_country or "no place"


def _in_area(flashpoint: Flashpoint, area: Area) -> bool:
    if area.country and area.country not in flashpoint.actors:
        return False
    if area.near is not None:
        lat, lon, km = area.near
        if flashpoint.lat is None or flashpoint.lon is None:
            return False
        return haversine_km(lat, lon, flashpoint.lat, flashpoint.lon) <= km
    return True


def build_brief(
    store: Store,
    *,
    since: dt.date,
    until: dt.date | None = None,
    area: Area | None = None,
    rules: FlashpointRules | None = None,
) -> Brief:
    """Return the brief of `since`..`until` (default: the latest event day) in `area` (default: everywhere)."""
    area = area or Area()
    until = until or store.day_range()[1] or since
    if until < since:
        raise ValueError(f"the brief's window ends ({until}) before it starts ({since})")
    query = EventQuery(since=since, until=until, country=area.country, near=area.near)
    events = tuple(store.events(query))
    window = (until - since).days + 1
    detection = detect_flashpoints(store, as_of=until, window=window, rules=rules)
    flashpoints = tuple(fp for fp in detection.flashpoints if _in_area(fp, area))
    everything = store.events(EventQuery()) if flashpoints else []
    charts = []
    for fp in flashpoints:
        end = fp.as_of or until
        start = end - dt.timedelta(days=CHART_DAYS - 1)
        local = local_events(everything, fp, rules=rules, siblings=detection.flashpoints)
        charts.append(daily_hostility(local, since=start, until=end))
    by_type = Counter(e.type for e in events).most_common()
    by_area = Counter(_area_of(e) for e in events).most_common()
    return Brief(
        since=since,
        until=until,
        area=area,
        flashpoints=flashpoints,
        charts=tuple(charts),
        events=events,
        by_type=tuple(sorted(by_type, key=lambda kv: (-kv[1], kv[0]))),
        by_area=tuple(sorted(by_area, key=lambda kv: (-kv[1], kv[0]))),
        contested=tuple(e for e in events if contested(e)),
    )
