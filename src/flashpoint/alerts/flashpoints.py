"""Flashpoints: rival actors whose forces are reported near one place while hostility between them rises.

For every unordered pair of countries {A, B}, over the recent window (`EscalationRules.recent_days`
ending on `as_of`, the latest event day in the store by default):

1. rivals: at least one hostile event (HOSTILE_TYPES) from A to B or from B to A;
2. rising hostility: the pair's combined series (both directions) is escalating;
3. forces: events placing A's or B's forces, a MOBILIZE or ASSAULT by A or B, or any event with a military
   (MIL) actor or recipient of A or B, with coordinates;
4. the place: among the places of those events and of the pair's own events, the anchor is the one with
   the most pair events within `anchor_km`, then the most sides with forces within `radius_km`, then the
   most evidence; it must have forces within `radius_km`, and either forces of both sides or a pair
   event within `anchor_km` (the rivals meet there).

The evidence is the pair's events in the window (hostility and other dealings between them) and the
forces within the radius: each with its reports' sentences, claimants and origins; an event all of whose
reports come from one origin is marked single-source.  One flashpoint per pair.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from flashpoint.alerts.escalation import EscalationRules, Trend, event_day, hostility, series
from flashpoint.store import EventQuery, Store, StoredEvent
from flashpoint.store.queries import haversine_km

__all__ = [
    "FORCE_TYPES",
    "HOSTILE_TYPES",
    "Evidence",
    "Flashpoint",
    "FlashpointRules",
    "find_flashpoints",
    "flashpoint_id",
]

HOSTILE_TYPES = frozenset({"THREATEN", "ACCUSE", "REJECT", "SANCTION", "COERCE", "ASSAULT"})
FORCE_TYPES = frozenset({"MOBILIZE", "ASSAULT"})
Severity = Literal["low", "medium", "high"]
Role = Literal["hostility", "dealings", "forces"]


@dataclass(frozen=True, slots=True)
class FlashpointRules:
    """Distances and the escalation rule flashpoint detection uses."""

    radius_km: float = 150.0
    anchor_km: float = 25.0
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

    def as_dict(self) -> dict[str, Any]:
        """Return the flashpoint as JSON-ready values."""
        from dataclasses import asdict

        data = asdict(self)
        data["first_date"] = self.first_date.isoformat() if self.first_date else None
        data["last_date"] = self.last_date.isoformat() if self.last_date else None
        for item in data["evidence"]:
            item["date"] = item["date"].isoformat() if item["date"] else None
        return data


def flashpoint_id(actors: tuple[str, str], place_id: str | None) -> str:
    """Return the stable id of a flashpoint (and its alert): "al_" + 16 hex of the pair and the place."""
    key = f"{min(actors)}|{max(actors)}|{place_id or ''}"
    return "al_" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def _placed(event: StoredEvent) -> bool:
    return event.lat is not None and event.lon is not None


def _is_force(event: StoredEvent, pair: set[str]) -> bool:
    if not _placed(event) or (event.negated and event.type in FORCE_TYPES):
        return False
    if event.type in FORCE_TYPES and event.actor_country in pair:
        return True
    return (event.actor_country in pair and event.actor_sector == "MIL") or (
        event.recipient_country in pair and event.recipient_sector == "MIL"
    )


def _side(event: StoredEvent, pair: set[str]) -> str | None:
    if event.actor_country in pair and (event.type in FORCE_TYPES or event.actor_sector == "MIL"):
        return event.actor_country
    if event.recipient_country in pair and event.recipient_sector == "MIL":
        return event.recipient_country
    return None


def _km(a: StoredEvent, b: StoredEvent) -> float:
    assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


def find_flashpoints(
    store: Store, *, as_of: dt.date | None = None, rules: FlashpointRules | None = None
) -> list[Flashpoint]:
    """Return the flashpoints in the store as of `as_of` (the latest event day by default), most severe first."""
    rules = rules or FlashpointRules()
    esc = rules.escalation
    everything = store.events(EventQuery())
    days = [d for d in (event_day(e) for e in everything) if d is not None]
    if not days:
        return []
    as_of = as_of or max(days)
    start = as_of - dt.timedelta(days=esc.recent_days - 1)
    history_start = start - dt.timedelta(days=esc.baseline_days)
    known = [e for e in everything if (d := event_day(e)) is not None and history_start <= d <= as_of]
    recent = [e for e in known if (d := event_day(e)) is not None and d >= start]
    pairs = sorted(
        {
            (min(a, b), max(a, b))
            for e in recent
            if e.type in HOSTILE_TYPES and (a := e.actor_country) and (b := e.recipient_country) and a != b
        }
    )
    found = [
        fp for pair in pairs if (fp := _flashpoint(store, pair, known, recent, as_of, rules)) is not None
    ]
    rank = {"high": 0, "medium": 1, "low": 2}
    return sorted(found, key=lambda fp: (rank[fp.severity], -fp.score, fp.id))


def _flashpoint(
    store: Store,
    pair: tuple[str, str],
    known: Sequence[StoredEvent],
    recent: Sequence[StoredEvent],
    as_of: dt.date,
    rules: FlashpointRules,
) -> Flashpoint | None:
    members = set(pair)

    def between(e: StoredEvent) -> bool:
        return {e.actor_country, e.recipient_country} == members

    trend = series(pair, [e for e in known if between(e)], as_of=as_of, rules=rules.escalation)
    if trend.trend != "escalating":
        return None
    dyad = [e for e in recent if between(e)]
    forces = [e for e in recent if _is_force(e, members) and not between(e)]
    forces += [e for e in dyad if _is_force(e, members)]
    anchors = {e.place_id: e for e in [*forces, *dyad] if _placed(e) and e.place_id}
    best: tuple[tuple[int, int, int, str], StoredEvent] | None = None
    for place_id, anchor in anchors.items():
        near_forces = [e for e in forces if _km(anchor, e) <= rules.radius_km]
        sides = {s for e in near_forces if (s := _side(e, members))}
        meets = sum(1 for e in dyad if _placed(e) and _km(anchor, e) <= rules.anchor_km)
        if not near_forces or not (len(sides) == 2 or meets):
            continue
        key = (-meets, -len(sides), -(len(near_forces) + len(dyad)), place_id)
        if best is None or key < best[0]:
            best = (key, anchor)
    if best is None:
        return None
    anchor = best[1]
    near_forces = [e for e in forces if _km(anchor, e) <= rules.radius_km]
    chosen: dict[str, tuple[StoredEvent, Role]] = {}
    for e in dyad:
        chosen[e.id] = (e, "hostility" if e.type in HOSTILE_TYPES else "dealings")
    for e in near_forces:
        chosen.setdefault(e.id, (e, "forces"))
    evidence = tuple(
        _evidence(store, e, role)
        for e, role in sorted(chosen.values(), key=lambda item: (event_day(item[0]) or as_of, item[0].id))
    )
    level, _ = hostility(
        trend.points, start=as_of - dt.timedelta(days=rules.escalation.recent_days - 1), end=as_of
    )
    sides = {s for e in near_forces if (s := _side(e, members))}
    clash = any(e.type == "ASSAULT" for e in dyad)
    severity: Severity = "high" if clash else ("medium" if len(sides) == 2 or level >= 3.0 else "low")
    dates = [d for e, _ in chosen.values() if (d := event_day(e)) is not None]
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
    )


def _evidence(store: Store, event: StoredEvent, role: Role) -> Evidence:
    detail = store.event(event.id)
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
