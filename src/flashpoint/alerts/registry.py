"""The alerts table: flashpoints persisted as alerts that open, update as evidence arrives, and close.

`refresh_alerts` detects the flashpoints as of a day and reconciles the table with them in one
transaction: a new flashpoint opens an alert (or reopens a closed one with the same id: same pair, same
place), a changed one (severity, trend, score or evidence) updates it, and an open alert whose flashpoint
is no longer detected closes.  Every change also queues the alert's JSON in `alert_outbox`, which the
webhook sender delivers later (`flashpoint.alerts.webhook`), so detection never waits on the network.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import RowMapping, insert, or_, select, update

from flashpoint.alerts.flashpoints import Flashpoint, FlashpointRules, find_flashpoints
from flashpoint.store import Store
from flashpoint.store import schema as t
from flashpoint.store.rows import aware

__all__ = ["Alert", "AlertChanges", "list_alerts", "refresh_alerts"]

Status = Literal["open", "closed"]


@dataclass(frozen=True, slots=True)
class Alert:
    """A stored alert: the flashpoint's summary, its status and the evidence as JSON-ready data."""

    id: str
    status: Status
    actors: tuple[str, str]
    place_id: str | None
    place_name: str | None
    lat: float | None
    lon: float | None
    severity: str
    score: float
    trend: str
    first_date: dt.date | None
    last_date: dt.date | None
    evidence: tuple[dict[str, Any], ...]
    opened_at: dt.datetime
    updated_at: dt.datetime
    closed_at: dt.datetime | None

    def as_dict(self) -> dict[str, Any]:
        """Return the alert as JSON-ready values (dates as ISO strings)."""
        return {
            "id": self.id,
            "status": self.status,
            "actors": list(self.actors),
            "place_id": self.place_id,
            "place_name": self.place_name,
            "lat": self.lat,
            "lon": self.lon,
            "severity": self.severity,
            "score": self.score,
            "trend": self.trend,
            "first_date": self.first_date.isoformat() if self.first_date else None,
            "last_date": self.last_date.isoformat() if self.last_date else None,
            "evidence": list(self.evidence),
            "opened_at": self.opened_at.isoformat(),
            "updated_at": self.updated_at.isoformat(),
            "closed_at": self.closed_at.isoformat() if self.closed_at else None,
        }


@dataclass(frozen=True, slots=True)
class AlertChanges:
    """What one refresh did: the ids of alerts opened, updated and closed."""

    opened: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    closed: tuple[str, ...] = ()


def _row(fp: Flashpoint, now: dt.datetime) -> dict[str, Any]:
    data = fp.as_dict()
    return {
        "id": fp.id,
        "status": "open",
        "actor_a": fp.actors[0],
        "actor_b": fp.actors[1],
        "place_id": fp.place_id,
        "place_name": fp.place_name,
        "lat": fp.lat,
        "lon": fp.lon,
        "severity": fp.severity,
        "score": fp.score,
        "trend": fp.trend,
        "first_date": fp.first_date,
        "last_date": fp.last_date,
        "evidence": json.dumps(data["evidence"], sort_keys=True),
        "updated_at": now,
        "closed_at": None,
    }


_COMPARED = ("status", "severity", "score", "trend", "evidence", "first_date", "last_date")


def refresh_alerts(
    store: Store,
    *,
    as_of: dt.date | None = None,
    rules: FlashpointRules | None = None,
    flashpoints: Sequence[Flashpoint] | None = None,
) -> AlertChanges:
    """Return what changed after reconciling the alerts table with the flashpoints detected as of `as_of`.

    `flashpoints` skips detection when the caller has just run `find_flashpoints` itself.
    """
    if flashpoints is None:
        flashpoints = find_flashpoints(store, as_of=as_of, rules=rules)
    now = store.clock()
    opened: list[str] = []
    updated: list[str] = []
    closed: list[str] = []
    with store.engine.begin() as conn:
        stored = {r["id"]: r for r in conn.execute(select(t.alerts)).mappings()}
        for fp in flashpoints:
            row = _row(fp, now)
            old = stored.get(fp.id)
            if old is None:
                conn.execute(insert(t.alerts).values(**row, opened_at=now))
                opened.append(fp.id)
            elif old["status"] == "closed":
                conn.execute(update(t.alerts).where(t.alerts.c.id == fp.id).values(**row, opened_at=now))
                opened.append(fp.id)
            elif any(old[k] != row[k] for k in _COMPARED):
                conn.execute(update(t.alerts).where(t.alerts.c.id == fp.id).values(**row))
                updated.append(fp.id)
        current = {fp.id for fp in flashpoints}
        for alert_id, old in stored.items():
            if old["status"] == "open" and alert_id not in current:
                conn.execute(
                    update(t.alerts)
                    .where(t.alerts.c.id == alert_id)
                    .values(status="closed", closed_at=now, updated_at=now)
                )
                closed.append(alert_id)
        changed = (
            [("opened", i) for i in opened]
            + [("updated", i) for i in updated]
            + [("closed", i) for i in closed]
        )
        if changed:
            rows = {r["id"]: r for r in conn.execute(select(t.alerts)).mappings()}
            conn.execute(
                insert(t.alert_outbox),
                [
                    {
                        "alert_id": alert_id,
                        "payload": json.dumps({"change": change, "alert": _alert(rows[alert_id]).as_dict()}),
                        "created_at": now,
                        "attempts": 0,
                        "next_attempt_at": now,
                    }
                    for change, alert_id in changed
                ],
            )
    return AlertChanges(opened=tuple(opened), updated=tuple(updated), closed=tuple(closed))


def _alert(row: RowMapping) -> Alert:
    opened_at = aware(row["opened_at"])
    updated_at = aware(row["updated_at"])
    assert opened_at is not None and updated_at is not None
    return Alert(
        id=row["id"],
        status=row["status"],
        actors=(row["actor_a"], row["actor_b"]),
        place_id=row["place_id"],
        place_name=row["place_name"],
        lat=row["lat"],
        lon=row["lon"],
        severity=row["severity"],
        score=float(row["score"]),
        trend=row["trend"],
        first_date=row["first_date"],
        last_date=row["last_date"],
        evidence=tuple(json.loads(row["evidence"])),
        opened_at=opened_at,
        updated_at=updated_at,
        closed_at=aware(row["closed_at"]),
    )


def list_alerts(
    store: Store,
    *,
    since: dt.date | dt.datetime | None = None,
    status: Status | None = None,
    during: tuple[dt.date, dt.date] | None = None,
) -> list[Alert]:
    """Return stored alerts changed on or after `since` (a day or a moment), newest change first.

    `during` (first day, last day) keeps the alerts whose evidence dates overlap those days.
    """
    stmt = select(t.alerts).order_by(t.alerts.c.updated_at.desc(), t.alerts.c.id)
    if status is not None:
        stmt = stmt.where(t.alerts.c.status == status)
    if during is not None:
        first, last = during
        stmt = stmt.where(
            or_(t.alerts.c.first_date.is_(None), t.alerts.c.first_date <= last),
            or_(t.alerts.c.last_date.is_(None), t.alerts.c.last_date >= first),
        )
    if since is not None:
        moment = since if isinstance(since, dt.datetime) else dt.datetime.combine(since, dt.time(), dt.UTC)
        stmt = stmt.where(t.alerts.c.updated_at >= moment)
    with store.engine.connect() as conn:
        return [_alert(r) for r in conn.execute(stmt).mappings()]
