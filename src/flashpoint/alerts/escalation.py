"""Escalation: a daily series of Goldstein-style scores per ordered actor pair (or per place), and its trend.

Every point of a series lists the event clusters behind it, so a trend can always be taken apart.  An
event counts once however many reports it has; negated and hypothetical events do not count (a denied
attack is not hostility).  An event without a Goldstein score gets the typical score of its QuadClass.

The trend compares hostility (minus the summed scores, per day) in the recent window, the
`recent_days` ending on `as_of`, with the `baseline_days` before it:

- escalating: the recent window has at least `min_events` events, its hostility per day is at least
  `floor`, and it exceeds the baseline's by at least `delta`;
- de-escalating: the baseline has at least `min_events` events and its hostility per day exceeds the
  recent window's by at least `delta`;
- stable otherwise.

The floor keeps a cold start (nothing stored before the recent window) from calling a trickle of
accusations an escalation, while a burst of threats and refusals on one day still counts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from flashpoint.records import NOT_HAPPENED_STANCES
from flashpoint.store import StoredEvent

__all__ = [
    "MATERIAL_TYPES",
    "VERBAL_TYPES",
    "Day",
    "EscalationRules",
    "Hostility",
    "Point",
    "Series",
    "Trend",
    "conflict_kind",
    "counts",
    "daily_hostility",
    "event_day",
    "hostility",
    "pair_series",
    "place_series",
    "series",
]

Trend = Literal["escalating", "stable", "de-escalating"]

_QUAD_SCORE = {1: 1.0, 2: 4.0, 3: -2.0, 4: -8.0}
# Used when an event has no QuadClass: conflict done (material) and conflict said (verbal).
MATERIAL_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "SANCTION"})
VERBAL_TYPES = frozenset({"THREATEN", "ACCUSE", "REJECT", "PROTEST"})


@dataclass(frozen=True, slots=True)
class EscalationRules:
    """The windows and thresholds of the trend rule (see the module docstring)."""

    recent_days: int = 7
    baseline_days: int = 28
    min_events: int = 2
    floor: float = 1.5  # hostility per day: about one threat every three days
    delta: float = 0.5


@dataclass(frozen=True, slots=True)
class Point:
    """One day of a series: the summed score and the event clusters behind it."""

    day: dt.date
    score: float
    event_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Series:
    """A daily score series for one key (an ordered actor pair or a place), with its trend."""

    key: tuple[str, ...]
    points: tuple[Point, ...]
    trend: Trend
    recent_hostility: float  # per day, over the recent window
    baseline_hostility: float  # per day, over the baseline window
    recent_events: int
    baseline_events: int


def event_day(event: StoredEvent) -> dt.date | None:
    """Return the day an event is counted on: its date, else its document's publication date."""
    return event.date or event.published


# The stances under which the event itself did not (yet) take place; a threat did, as a threat.
_UNHAPPENED = NOT_HAPPENED_STANCES - {"threatened"}


def score(event: StoredEvent) -> float:
    """Return the event's Goldstein-style score (its QuadClass's typical score when it has none)."""
    if event.goldstein is not None:
        return float(event.goldstein)
    return _QUAD_SCORE.get(event.quad_class or 0, 0.0)


def counts(event: StoredEvent) -> bool:
    """Return True when the event counts towards a series: told as having happened (a threat is an act
    of its own), not negated, denied, hypothetical or only planned."""
    if event.negated or "negation" in event.aux_modes or "hypothetical" in event.aux_modes:
        return False
    return event.stance not in _UNHAPPENED


def hostility(points: Iterable[Point], *, start: dt.date, end: dt.date) -> tuple[float, int]:
    """Return (hostility per day, events) over the days start..end inclusive."""
    days = (end - start).days + 1
    total, events = 0.0, 0
    for point in points:
        if start <= point.day <= end:
            total -= point.score
            events += len(point.event_ids)
    return (total / days if days > 0 else 0.0), events


def series(
    key: tuple[str, ...], events: Iterable[StoredEvent], *, as_of: dt.date, rules: EscalationRules
) -> Series:
    """Return the daily series of `events` up to `as_of`, with its trend."""
    by_day: dict[dt.date, list[StoredEvent]] = {}
    for event in events:
        day = event_day(event)
        if day is None or day > as_of or not counts(event):
            continue
        by_day.setdefault(day, []).append(event)
    points = tuple(
        Point(day=day, score=sum(score(e) for e in evs), event_ids=tuple(sorted(e.id for e in evs)))
        for day, evs in sorted(by_day.items())
    )
    recent_start = as_of - dt.timedelta(days=rules.recent_days - 1)
    base_end = recent_start - dt.timedelta(days=1)
    base_start = recent_start - dt.timedelta(days=rules.baseline_days)
    recent, n_recent = hostility(points, start=recent_start, end=as_of)
    baseline, n_base = hostility(points, start=base_start, end=base_end)
    trend: Trend = "stable"
    if n_recent >= rules.min_events and recent >= rules.floor and recent - baseline >= rules.delta:
        trend = "escalating"
    elif n_base >= rules.min_events and baseline - recent >= rules.delta:
        trend = "de-escalating"
    return Series(
        key=key,
        points=points,
        trend=trend,
        recent_hostility=recent,
        baseline_hostility=baseline,
        recent_events=n_recent,
        baseline_events=n_base,
    )


def _grouped(
    events: Sequence[StoredEvent],
    key_of: Callable[[StoredEvent], tuple[str, ...] | None],
    *,
    as_of: dt.date,
    rules: EscalationRules,
) -> list[Series]:
    groups: dict[Hashable, list[StoredEvent]] = {}
    for event in events:
        key = key_of(event)
        if key is not None:
            groups.setdefault(key, []).append(event)
    return [series(key, evs, as_of=as_of, rules=rules) for key, evs in sorted(groups.items())]  # type: ignore[arg-type]


def pair_series(
    events: Sequence[StoredEvent], *, as_of: dt.date, rules: EscalationRules | None = None
) -> list[Series]:
    """Return one series per ordered (actor country, recipient country) pair of different countries."""

    def key_of(event: StoredEvent) -> tuple[str, ...] | None:
        a, b = event.actor_country, event.recipient_country
        return (a, b) if a and b and a != b else None

    return _grouped(events, key_of, as_of=as_of, rules=rules or EscalationRules())


def place_series(
    events: Sequence[StoredEvent], *, as_of: dt.date, rules: EscalationRules | None = None
) -> list[Series]:
    """Return one series per place (gazetteer id) where events are placed."""

    def key_of(event: StoredEvent) -> tuple[str, ...] | None:
        return (event.place_id,) if event.place_id else None

    return _grouped(events, key_of, as_of=as_of, rules=rules or EscalationRules())


@dataclass(frozen=True, slots=True)
class Day:
    """One day of hostility: material and verbal conflict (minus their scores), and the events behind it."""

    day: dt.date
    material: float
    verbal: float
    score: float  # the summed score of every counted event that day, cooperation included
    event_ids: tuple[str, ...]
    material_ids: tuple[str, ...]
    verbal_ids: tuple[str, ...]

    def as_dict(self) -> dict[str, object]:
        """Return the day as JSON-ready values."""
        return {
            "day": self.day.isoformat(),
            "material": round(self.material, 3),
            "verbal": round(self.verbal, 3),
            "score": round(self.score, 3),
            "event_ids": list(self.event_ids),
            "material_ids": list(self.material_ids),
            "verbal_ids": list(self.verbal_ids),
        }


@dataclass(frozen=True, slots=True)
class Hostility:
    """A dense daily hostility series from `since` to `until` (days without events are zero)."""

    since: dt.date
    until: dt.date
    days: tuple[Day, ...]

    def sparkline(self) -> str:
        """Return the series as a text sparkline, one block character per day (material + verbal)."""
        blocks = " ▁▂▃▄▅▆▇█"
        levels = [d.material + d.verbal for d in self.days]
        top = max(levels, default=0.0)
        if top <= 0:
            return blocks[0] * len(levels)
        return "".join(blocks[0 if v <= 0 else max(1, round(v / top * 8))] for v in levels)


def conflict_kind(event: StoredEvent) -> Literal["material", "verbal"] | None:
    """Return whether an event is material or verbal conflict (by QuadClass, else by type), or None."""
    if event.quad_class == 4:
        return "material"
    if event.quad_class == 3:
        return "verbal"
    if event.quad_class is None and event.type in MATERIAL_TYPES:
        return "material"
    if event.quad_class is None and event.type in VERBAL_TYPES:
        return "verbal"
    return None


def daily_hostility(events: Iterable[StoredEvent], *, since: dt.date, until: dt.date) -> Hostility:
    """Return the daily material and verbal hostility of `events` from `since` to `until`, every day listed.

    Counted events only (not negated, not hypothetical); hostility is minus the summed scores of the
    day's conflict events of that kind, so a day of attacks is a tall positive bar.
    """
    by_day: dict[dt.date, list[StoredEvent]] = {}
    for event in events:
        day = event_day(event)
        if day is None or not since <= day <= until or not counts(event):
            continue
        by_day.setdefault(day, []).append(event)
    days = []
    for n in range((until - since).days + 1):
        day = since + dt.timedelta(days=n)
        evs = sorted(by_day.get(day, ()), key=lambda e: e.id)
        kinds = [(e, conflict_kind(e)) for e in evs]
        days.append(
            Day(
                day=day,
                material=-sum(score(e) for e, k in kinds if k == "material"),
                verbal=-sum(score(e) for e, k in kinds if k == "verbal"),
                score=sum(score(e) for e in evs),
                event_ids=tuple(e.id for e in evs),
                material_ids=tuple(e.id for e, k in kinds if k == "material"),
                verbal_ids=tuple(e.id for e, k in kinds if k == "verbal"),
            )
        )
    return Hostility(since=since, until=until, days=tuple(days))
