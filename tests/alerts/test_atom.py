"""The Atom feed of alerts parses as Atom and carries one entry per alert."""

from __future__ import annotations

import datetime as dt
from typing import Any
from xml.etree import ElementTree as ET

from flashpoint.alerts.atom import atom_feed
from flashpoint.alerts.registry import list_alerts, refresh_alerts
from flashpoint.store import Store

ATOM = "{http://www.w3.org/2005/Atom}"
DAY = dt.date(2024, 3, 11)


def test_atom_feed_has_an_entry_per_alert(store: Store, report: Any) -> None:
    store.add(
        report(
            "India warned Pakistan over firing near Poonch.",
            type="THREATEN",
            trigger="warned",
            actor="INDGOV",
            recipient="PAK",
            place="Poonch",
            day=DAY,
            goldstein=-4.4,
        )
    )
    store.add(
        report(
            "Indian troops moved guns up to Poonch.",
            type="MOBILIZE",
            trigger="moved",
            actor="INDMIL",
            recipient=None,
            place="Poonch",
            day=DAY,
            goldstein=-7.0,
            handle="@ridge_watch",
        )
    )
    refresh_alerts(store, as_of=DAY)
    alerts = list_alerts(store)
    root = ET.fromstring(atom_feed(alerts, link="http://127.0.0.1/alerts.atom"))
    assert root.tag == f"{ATOM}feed"
    [entry] = root.findall(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}id") == f"urn:flashpoint:alert:{alerts[0].id}"
    assert "IND–PAK near Poonch" in (entry.findtext(f"{ATOM}title") or "")
    summary = entry.findtext(f"{ATOM}summary") or ""
    assert "single source" in summary and "India warned Pakistan" in summary


def test_atom_feed_empty_is_valid() -> None:
    root = ET.fromstring(atom_feed([], now=dt.datetime(2024, 1, 1, tzinfo=dt.UTC)))
    assert (
        root.findall(f"{ATOM}entry") == [] and root.findtext(f"{ATOM}updated") == "2024-01-01T00:00:00+00:00"
    )
