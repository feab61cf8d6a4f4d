"""Flashpoints: rival actors whose forces are reported near one place while hostility there rises.

For every unordered pair of countries {A, B}, as of a day (`as_of`, the latest event day by default):

1. rivals: at least one hostile event (HOSTILE_TYPES) from A to B or from B to A in the rivalry window
   (`rivalry_days` ending on `as_of`);
2. the place: an anchor is a place (exact or district precision, never a country centroid) where the
   pair's forces are reported in the recent window (`EscalationRules.recent_days`): a MOBILIZE, ASSAULT
   or COERCE by A or B there, or an event there with a military actor or recipient of A or B; a place
   merely named in a statement is never one.  Around it, the *local* events are the pair's own events
   (wherever placed) and the events involving A or B placed within `radius_km`;
3. forces: events placing A's or B's forces (a MOBILIZE or ASSAULT by A or B, or any event with a MIL
   actor or recipient of A or B).  The anchor needs forces within `forces_km`, and either forces of both
   sides within `forces_km` or one of the pair's own events within `anchor_km` (the rivals meet there);
4. rising hostility: the local events' daily series is escalating (`flashpoint.alerts.escalation`).

Qualifying anchors rank by pair events within `anchor_km`, then sides with forces, then local events; the
best is chosen, then every other one at least `forces_km` from all chosen ones, so a pair meeting in
several places has a flashpoint at each; every placed local event belongs to its nearest chosen anchor.
The evidence is the local events in the recent window, each with its reports' sentences, claimants and
origins; an event all of whose reports come from one origin is marked single-source.

`detect_flashpoints` moves through time: it runs the detection as of every event day in a window ending
on `as_of` and keeps each flashpoint as of the last day it was detected, so a store that mixes 2018 and
2025 shows the 2018 showdowns when asked about 2018 (or about everything), and says which "now" it used.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from flashpoint.alerts.escalation import EscalationRules, Series, Trend, counts, event_day, series
from flashpoint.store import EventDetail, EventQuery, Store, StoredEvent
from flashpoint.store.queries import haversine_km

__all__ = [
    "ANCHOR_TYPES",
    "FORCE_TYPES",
    "HOSTILE_TYPES",
    "Detection",
    "Evidence",
    "Flashpoint",
    "FlashpointRules",
    "Timeframe",
    "detect_flashpoints",
    "find_flashpoints",
    "flashpoint_id",
    "local_events",
    "pair_events",
    "timeframe",
]

HOSTILE_TYPES = frozenset({"THREATEN", "ACCUSE", "REJECT", "SANCTION", "COERCE", "ASSAULT"})
FORCE_TYPES = frozenset({"MOBILIZE", "ASSAULT"})
ANCHOR_TYPES = frozenset({"MOBILIZE", "ASSAULT", "COERCE"})  # what the pair's forces do where they are
Severity = Literal["low", "medium", "high"]
Role = Literal["hostility", "dealings", "forces"]


@dataclass(frozen=True, slots=True)
class FlashpointRules:
    """Distances and the escalation rule flashpoint detection uses."""

    radius_km: float = 150.0
    anchor_km: float = 25.0
    forces_km: float = 50.0  # both sides' forces this near the anchor; anchors this far apart are two
    rivalry_days: int = 14
    escalation: EscalationRules = field(default_factory=EscalationRules)


@dataclass(frozen=True, slots=True)
class Source:
    """One report behind an evidence event: where it is said and who says it."""

    document_id: str
    sentence: str | None
    origin: str | None
    claimants: tuple[str, ...]
    stances: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Evidence:
    """An event cluster supporting a flashpoint, with its role and sources."""

    event_id: str
    role: Role
    type: str
    date: dt.date | None
    actor: str | None
    recipient: str | None
    place: str | None
    reports: int
    origins: int
    single_source: bool
    stance: str | None
    sources: tuple[Source, ...]

    @property
    def only_alleged(self) -> bool:
        """Return True when no source states the event more firmly than as an allegation."""
        return self.stance == "alleged"


@dataclass(frozen=True, slots=True)
class Flashpoint:
    """A detected flashpoint: place, the rival pair, severity, trend and the evidence."""

    id: str
    actors: tuple[str, str]
    place_id: str | None
    place_name: str | None
    lat: float | None
    lon: float | None
    severity: Severity
    score: float
    trend: Trend
    first_date: dt.date | None
    last_date: dt.date | None
    evidence: tuple[Evidence, ...]
    as_of: dt.date | None = None  # the day it was detected as of
    severity_reason: str = ""  # one line: why this severity
    trend_reason: str = ""  # one line: why this trend

    def as_dict(self) -> dict[str, Any]:
        """Return the flashpoint as JSON-ready values."""
        from dataclasses import asdict

        data = asdict(self)
        data["first_date"] = self.first_date.isoformat() if self.first_date else None
        data["last_date"] = self.last_date.isoformat() if self.last_date else None
        data["as_of"] = self.as_of.isoformat() if self.as_of else None
        for item in data["evidence"]:
            item["date"] = item["date"].isoformat() if item["date"] else None
        return data


def flashpoint_id(actors: tuple[str, str], place_id: str | None) -> str:
    """Return the stable id of a flashpoint (and its alert): "al_" + 16 hex of the pair and the place."""
    key = f"{min(actors)}|{max(actors)}|{place_id or ''}"
    return "al_" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def _placed(event: StoredEvent) -> bool:
    return event.lat is not None and event.lon is not None and (event.precision or 3) <= 2


def _side(event: StoredEvent, pair: set[str]) -> str | None:
    """Return which of the pair has forces in this event, if any."""
    if event.type in FORCE_TYPES and not counts(event):
        return None
    if event.actor_country in pair and (event.type in FORCE_TYPES or event.actor_sector == "MIL"):
        return event.actor_country
    if event.recipient_country in pair and event.recipient_sector == "MIL":
        return event.recipient_country
    return None


def _km(a: StoredEvent, b: StoredEvent) -> float:
    assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


@dataclass(frozen=True, slots=True)
class Timeframe:
    """The "now" a detection used: the last day (`as_of`), the first day of the window, and where it came from.

    `basis` is "given" when the caller named `as_of`, "latest event day" when it defaulted to the store's
    latest event day, and "empty store" when there is no dated event at all.
    """

    as_of: dt.date | None
    since: dt.date | None
    basis: Literal["given", "latest event day", "empty store"]

    @property
    def window(self) -> int | None:
        """Return the window's length in days (None for an empty store)."""
        if self.as_of is None or self.since is None:
            return None
        return (self.as_of - self.since).days + 1

    def as_dict(self) -> dict[str, Any]:
        """Return the timeframe as JSON-ready values."""
        return {
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "since": self.since.isoformat() if self.since else None,
            "window": self.window,
            "basis": self.basis,
        }


@dataclass(frozen=True, slots=True)
class Detection:
    """The flashpoints detected over a timeframe, most severe first, and the timeframe itself."""

    flashpoints: tuple[Flashpoint, ...]
    timeframe: Timeframe


@dataclass(frozen=True, slots=True)
class _Found:
    """A flashpoint before its evidence is read from the store."""

    pair: tuple[str, str]
    anchor: StoredEvent
    local: tuple[StoredEvent, ...]
    trend: Series
    as_of: dt.date
    recent_start: dt.date


def timeframe(
    days: Sequence[dt.date], *, as_of: dt.date | None = None, window: int | None = None
) -> Timeframe:
    """Return the timeframe ending on `as_of` (default: the latest of `days`) spanning `window` days.

    Without a window the timeframe starts on the earliest of `days` (the whole store up to `as_of`).
    """
    if window is not None and window < 1:
        raise ValueError(f"window must be at least one day, not {window}")
    if as_of is None and not days:
        return Timeframe(as_of=None, since=None, basis="empty store")
    basis: Literal["given", "latest event day"] = "given" if as_of is not None else "latest event day"
    end = as_of or max(days)
    if window is not None:
        start = end - dt.timedelta(days=window - 1)
    else:
        start = min([*days, end]) if days else end
        start = min(start, end)
    return Timeframe(as_of=end, since=start, basis=basis)


def find_flashpoints(
    store: Store, *, as_of: dt.date | None = None, rules: FlashpointRules | None = None
) -> list[Flashpoint]:
    """Return the flashpoints in the store as of `as_of` (the latest event day by default), most severe first."""
    rules = rules or FlashpointRules()
    everything = store.events(EventQuery())
    days = [d for d in (event_day(e) for e in everything) if d is not None]
    if not days:
        return []
    found = _detect(everything, as_of=as_of or max(days), rules=rules)
    return _ranked(store, found, rules)


def detect_flashpoints(
    store: Store,
    *,
    as_of: dt.date | None = None,
    window: int | None = None,
    rules: FlashpointRules | None = None,
) -> Detection:
    """Return the flashpoints detected as of any event day of the timeframe, each as of its last such day.

    The timeframe ends on `as_of` (the latest event day by default) and spans `window` days (by default
    back to the first event day: nothing stored is hidden).  The detection runs as of every event day in
    the timeframe and as of its last day; a flashpoint found on several days is kept as of the last one.
    """
    rules = rules or FlashpointRules()
    everything = store.events(EventQuery())
    days = sorted({d for d in (event_day(e) for e in everything) if d is not None})
    frame = timeframe(days, as_of=as_of, window=window)
    if frame.as_of is None or frame.since is None or not days:
        return Detection(flashpoints=(), timeframe=frame)
    start, end = frame.since, frame.as_of
    moments = sorted({d for d in days if start <= d <= end} | {end})
    # Each moment looks back over its history only: slice the events sorted by day instead of scanning all.
    dated = sorted((e for e in everything if event_day(e) is not None), key=lambda e: event_day(e) or end)
    keys = [event_day(e) or end for e in dated]
    back = dt.timedelta(days=rules.escalation.recent_days - 1 + rules.escalation.baseline_days)
    latest: dict[str, _Found] = {}
    for moment in moments:
        history = dated[bisect_left(keys, moment - back) : bisect_right(keys, moment)]
        for found in _detect(history, as_of=moment, rules=rules):
            latest[flashpoint_id(found.pair, found.anchor.place_id)] = found
    return Detection(flashpoints=tuple(_ranked(store, list(latest.values()), rules)), timeframe=frame)


def _ranked(store: Store, found: Sequence[_Found], rules: FlashpointRules) -> list[Flashpoint]:
    rank = {"high": 0, "medium": 1, "low": 2}
    details = store.event_details(
        e.id for f in found for e in f.local if (d := event_day(e)) is not None and d >= f.recent_start
    )
    built = [_built(details, f, rules) for f in found]
    return sorted(built, key=lambda fp: (rank[fp.severity], -fp.score, fp.id))


def _detect(everything: Sequence[StoredEvent], *, as_of: dt.date, rules: FlashpointRules) -> list[_Found]:
    esc = rules.escalation
    recent_start = as_of - dt.timedelta(days=esc.recent_days - 1)
    rivalry_start = as_of - dt.timedelta(days=rules.rivalry_days - 1)
    history_start = recent_start - dt.timedelta(days=esc.baseline_days)
    known = [e for e in everything if (d := event_day(e)) is not None and history_start <= d <= as_of]
    pairs = sorted(
        {
            (min(a, b), max(a, b))
            for e in known
            if e.type in HOSTILE_TYPES
            and counts(e)
            and (d := event_day(e)) is not None
            and d >= rivalry_start
            and (a := e.actor_country)
            and (b := e.recipient_country)
            and a != b
        }
    )
    return [found for pair in pairs for found in _flashpoints(pair, known, as_of, recent_start, rules)]


def _flashpoints(
    pair: tuple[str, str],
    known: Sequence[StoredEvent],
    as_of: dt.date,
    recent_start: dt.date,
    rules: FlashpointRules,
) -> list[_Found]:
    members = set(pair)

    def between(e: StoredEvent) -> bool:
        return {e.actor_country, e.recipient_country} == members

    def involved(e: StoredEvent) -> bool:
        return bool({e.actor_country, e.recipient_country} & members)

    def recent(e: StoredEvent) -> bool:
        day = event_day(e)
        return day is not None and day >= recent_start

    candidates = [e for e in known if involved(e)]
    # An anchor is a place where forces of the pair are reported, never a place merely named in a
    # statement: an event there by or against the pair's forces, or a move, attack or coercion by them.
    anchors = {
        e.place_id: e for e in candidates if recent(e) and _placed(e) and e.place_id and _anchors(e, members)
    }
    qualified: list[tuple[tuple[int, int, int, str], StoredEvent, list[StoredEvent]]] = []
    for place_id, anchor in sorted(anchors.items()):
        local = [e for e in candidates if between(e) or (_placed(e) and _km(anchor, e) <= rules.radius_km)]
        now = [e for e in local if recent(e)]
        sides = {
            s for e in now if _placed(e) and _km(anchor, e) <= rules.forces_km and (s := _side(e, members))
        }
        meets = sum(1 for e in now if between(e) and _placed(e) and _km(anchor, e) <= rules.anchor_km)
        if not sides or not (len(sides) == 2 or meets):
            continue
        qualified.append(((-meets, -len(sides), -len(now), place_id), anchor, local))
    # Several flashpoints per pair when the rivals meet in several places: the best anchor first, then
    # any other at least `forces_km` from every one chosen; each placed event goes to its nearest anchor.
    chosen: list[tuple[StoredEvent, list[StoredEvent]]] = []
    for _key, anchor, local in sorted(qualified, key=lambda q: q[0]):
        if all(_km(anchor, other) >= rules.forces_km for other, _ in chosen):
            chosen.append((anchor, local))
    found = []
    for anchor, local in chosen:
        own = [e for e in local if not _placed(e) or _nearest(e, chosen) is anchor]
        trend = series(pair, own, as_of=as_of, rules=rules.escalation)
        if trend.trend == "escalating":
            found.append(
                _Found(
                    pair=pair,
                    anchor=anchor,
                    local=tuple(own),
                    trend=trend,
                    as_of=as_of,
                    recent_start=recent_start,
                )
            )
    return found


def _anchors(event: StoredEvent, members: set[str]) -> bool:
    """Return True when the event reports forces of the pair at its place."""
    if not counts(event):
        return False
    if event.type in ANCHOR_TYPES and event.actor_country in members:
        return True
    return _side(event, members) is not None


def _nearest(event: StoredEvent, chosen: Sequence[tuple[StoredEvent, list[StoredEvent]]]) -> StoredEvent:
    return min(
        (anchor for anchor, _ in chosen), key=lambda anchor: (_km(anchor, event), anchor.place_id or "")
    )


def _built(details: dict[str, EventDetail], found: _Found, rules: FlashpointRules) -> Flashpoint:
    pair, anchor, trend, as_of = found.pair, found.anchor, found.trend, found.as_of
    members = set(pair)

    def between(e: StoredEvent) -> bool:
        return {e.actor_country, e.recipient_country} == members

    shown = sorted(
        (e for e in found.local if (d := event_day(e)) is not None and d >= found.recent_start),
        key=lambda e: (event_day(e) or as_of, e.id),
    )
    evidence = tuple(_evidence(details.get(e.id), e, _role(e, members, anchor, rules)) for e in shown)
    forces = {
        s for e in shown if _placed(e) and _km(anchor, e) <= rules.radius_km and (s := _side(e, members))
    }
    clash = any(e.type == "ASSAULT" and between(e) and counts(e) for e in shown)
    level = trend.recent_hostility
    severity: Severity = "high" if clash else ("medium" if len(forces) == 2 or level >= 3.0 else "low")
    dates = [d for e in shown if (d := event_day(e)) is not None]
    return Flashpoint(
        id=flashpoint_id(pair, anchor.place_id),
        actors=pair,
        place_id=anchor.place_id,
        place_name=anchor.place_name,
        lat=anchor.lat,
        lon=anchor.lon,
        severity=severity,
        score=round(level, 3),
        trend=trend.trend,
        first_date=min(dates) if dates else None,
        last_date=max(dates) if dates else None,
        evidence=evidence,
        as_of=as_of,
        severity_reason=_severity_reason(severity, clash=clash, forces=forces, level=level),
        trend_reason=_trend_reason(trend, rules.escalation),
    )


def _severity_reason(severity: Severity, *, clash: bool, forces: set[str], level: float) -> str:
    if clash:
        return "high: the rivals attacked each other (an ASSAULT between them that happened)"
    sides = " and ".join(sorted(forces)) or "neither side"
    if severity == "medium":
        if len(forces) == 2:
            return f"medium: forces of both sides ({sides}) reported nearby, no clash between them"
        return f"medium: hostility {level:.1f} a day (3.0 or more), forces of {sides} nearby, no clash"
    return f"low: forces of {sides} nearby, hostility {level:.1f} a day, no clash"


def counted(n: int, noun: str) -> str:
    """Return "1 event", "2 events": a count with its noun in the right number."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _trend_reason(trend: Series, rules: EscalationRules) -> str:
    return (
        f"{trend.trend}: hostility {trend.recent_hostility:.1f} a day over the last {rules.recent_days} days "
        f"({counted(trend.recent_events, 'event')}) against {trend.baseline_hostility:.1f} over the "
        f"{rules.baseline_days} days before ({counted(trend.baseline_events, 'event')})"
    )


def local_events(
    events: Iterable[StoredEvent],
    flashpoint: Flashpoint,
    *,
    rules: FlashpointRules | None = None,
    siblings: Sequence[Flashpoint] = (),
) -> list[StoredEvent]:
    """Return the events a flashpoint's series counts: the pair's own, and either side's near its anchor.

    `siblings` are the other flashpoints found with it: a placed event nearer to the anchor of one of the
    same pair belongs to that one, as in detection.
    """
    rules = rules or FlashpointRules()
    members = set(flashpoint.actors)
    anchors = [
        (fp.lat, fp.lon)
        for fp in (flashpoint, *siblings)
        if fp.actors == flashpoint.actors and fp.lat is not None and fp.lon is not None
    ]
    found = []
    for event in events:
        sides = {event.actor_country, event.recipient_country}
        if not sides & members or flashpoint.lat is None or flashpoint.lon is None:
            continue
        if not _placed(event):
            if sides == members:
                found.append(event)
            continue
        assert event.lat is not None and event.lon is not None
        km = haversine_km(flashpoint.lat, flashpoint.lon, event.lat, event.lon)
        if any(haversine_km(lat, lon, event.lat, event.lon) < km for lat, lon in anchors):
            continue  # a sibling's anchor is nearer
        if sides == members or km <= rules.radius_km:
            found.append(event)
    return found


def pair_events(events: Iterable[StoredEvent], pair: tuple[str, str]) -> list[StoredEvent]:
    """Return the events between the two countries of `pair`, in either direction."""
    members = set(pair)
    return [e for e in events if {e.actor_country, e.recipient_country} == members]


def _role(event: StoredEvent, members: set[str], anchor: StoredEvent, rules: FlashpointRules) -> Role:
    if event.type in HOSTILE_TYPES:
        return "hostility"
    if event.type in FORCE_TYPES or (
        {event.actor_country, event.recipient_country} != members
        and _side(event, members)
        and _placed(event)
        and _km(anchor, event) <= rules.radius_km
    ):
        return "forces"
    return "dealings"


def _evidence(detail: EventDetail | None, event: StoredEvent, role: Role) -> Evidence:
    sources: list[Source] = []
    if detail is not None:
        for report in detail.reports:
            claimants = tuple(dict.fromkeys(c.claimant or c.channel or "the author" for c in report.claims))
            stances = tuple(dict.fromkeys(c.stance for c in report.claims)) or (
                (report.stance,) if report.stance else ()
            )
            sources.append(
                Source(
                    document_id=report.document_id,
                    sentence=report.sentence,
                    origin=report.origin_key,
                    claimants=claimants or ("the author",),
                    stances=stances,
                )
            )
    return Evidence(
        event_id=event.id,
        role=role,
        type=event.type,
        date=event_day(event),
        actor=event.actor_code,
        recipient=event.recipient_code,
        place=event.place_name,
        reports=event.reports,
        origins=event.origins,
        single_source=event.single_source,
        stance=event.stance,
        sources=tuple(sources),
    )
