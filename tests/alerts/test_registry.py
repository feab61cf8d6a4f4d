"""The alerts table: alerts open, update as evidence arrives, close when it fades; changes are queued."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import select
from tests.alerts.showdowns import POONCH_ACCUSATION, POONCH_DAY, POONCH_MOVE, POONCH_THREAT

from flashpoint.alerts.registry import list_alerts, refresh_alerts
from flashpoint.store import Store
from flashpoint.store import schema as t

DAY = POONCH_DAY


def _flare(store: Store, report: Any) -> None:
    move = (*POONCH_MOVE[:5], -6.0)
    report.add_all(store, [POONCH_THREAT, POONCH_ACCUSATION, move], day=DAY, place="Poonch")


def _outbox(store: Store) -> list[tuple[str, str]]:
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(t.alert_outbox.c.alert_id, t.alert_outbox.c.payload).order_by(t.alert_outbox.c.id)
        )
        return [(alert_id, json.loads(payload)["change"]) for alert_id, payload in rows]


def test_registry_alert_lifecycle(store: Store, report: Any, clock: Any) -> None:
    _flare(store, report)
    changes = refresh_alerts(store, as_of=DAY)
    [alert_id] = changes.opened
    [alert] = list_alerts(store)
    assert (alert.status, alert.actors, alert.place_name) == ("open", ("IND", "PAK"), "Poonch")
    assert {e["type"] for e in alert.evidence} == {"THREATEN", "ACCUSE", "MOBILIZE"}

    assert refresh_alerts(store, as_of=DAY).updated == ()  # nothing new, nothing changed

    clock.now += dt.timedelta(hours=2)
    store.add(
        report(
            "Shells from Pakistani guns hit Indian posts near Poonch.",
            type="ASSAULT",
            trigger="hit",
            actor="PAKMIL",
            recipient="INDMIL",
            place="Poonch",
            day=DAY,
            goldstein=-10.0,
        )
    )
    assert refresh_alerts(store, as_of=DAY).updated == (alert_id,)
    [alert] = list_alerts(store)
    assert alert.severity == "high" and "ASSAULT" in {e["type"] for e in alert.evidence}

    clock.now += dt.timedelta(days=20)
    assert refresh_alerts(store, as_of=DAY + dt.timedelta(days=20)).closed == (alert_id,)
    [alert] = list_alerts(store, status="closed")
    assert alert.closed_at == clock.now
    assert _outbox(store) == [(alert_id, "opened"), (alert_id, "updated"), (alert_id, "closed")]


def test_registry_list_alerts_since(store: Store, report: Any, clock: Any) -> None:
    _flare(store, report)
    refresh_alerts(store, as_of=DAY)
    assert len(list_alerts(store, since=clock.now.date())) == 1
    assert list_alerts(store, since=clock.now.date() + dt.timedelta(days=1)) == []
