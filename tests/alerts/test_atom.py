"""The Atom feed of alerts parses as Atom and carries one entry per alert."""

from __future__ import annotations

import datetime as dt
from typing import Any
from xml.etree import ElementTree as ET

from tests.alerts.showdowns import POONCH_DAY, POONCH_MOVE, POONCH_THREAT

from flashpoint.alerts.atom import atom_feed
from flashpoint.alerts.registry import list_alerts, refresh_alerts
from flashpoint.store import Store

ATOM = "{http://www.w3.org/2005/Atom}"
DAY = POONCH_DAY


def test_atom_feed_has_an_entry_per_alert(store: Store, report: Any) -> None:
    report.add_all(store, [POONCH_THREAT], day=DAY, place="Poonch")
    report.add_all(store, [POONCH_MOVE], day=DAY, place="Poonch", handle="@ridge_watch")
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
