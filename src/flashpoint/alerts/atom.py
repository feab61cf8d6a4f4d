"""The Atom feed of alerts (RFC 4287): one entry per alert, updated when the alert changes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from xml.etree import ElementTree as ET

from flashpoint.alerts.registry import Alert

__all__ = ["alert_title", "atom_feed"]

_ATOM = "http://www.w3.org/2005/Atom"


def alert_title(alert: Alert) -> str:
    """Return a one-line title: status, severity, the pair and the place."""
    place = alert.place_name or "an unplaced area"
    state = "closed" if alert.status == "closed" else alert.severity
    return f"[{state}] {alert.actors[0]}–{alert.actors[1]} near {place} ({alert.trend})"


def _summary(alert: Alert) -> str:
    lines = [
        alert_title(alert),
        f"score {alert.score:.2f}; evidence from {alert.first_date} to {alert.last_date}",
    ]
    for item in alert.evidence:
        single = " [single source]" if item.get("single_source") else ""
        single += " [only alleged]" if item.get("stance") == "alleged" else ""
        lines.append(
            f"- {item.get('date')} {item.get('type')} {item.get('actor')}→{item.get('recipient')} "
            f"at {item.get('place')} ({item.get('role')}, {item.get('origins')} origin(s)){single}"
        )
        for source in item.get("sources", [])[:3]:
            if source.get("sentence"):
                lines.append(f"    “{source['sentence']}” — {', '.join(source.get('claimants') or [])}")
    return "\n".join(lines)


def atom_feed(
    alerts: Sequence[Alert],
    *,
    feed_id: str = "urn:flashpoint:alerts",
    title: str = "flashpoint alerts",
    link: str | None = None,
    now: dt.datetime | None = None,
) -> str:
    """Return the Atom XML of `alerts` (newest change first), as a string."""
    ET.register_namespace("", _ATOM)
    feed = ET.Element(f"{{{_ATOM}}}feed")
    ET.SubElement(feed, f"{{{_ATOM}}}id").text = feed_id
    ET.SubElement(feed, f"{{{_ATOM}}}title").text = title
    latest = max((a.updated_at for a in alerts), default=now or dt.datetime.now(dt.UTC))
    ET.SubElement(feed, f"{{{_ATOM}}}updated").text = latest.isoformat()
    if link:
        ET.SubElement(feed, f"{{{_ATOM}}}link", rel="self", href=link)
    ET.SubElement(ET.SubElement(feed, f"{{{_ATOM}}}author"), f"{{{_ATOM}}}name").text = "flashpoint"
    for alert in sorted(alerts, key=lambda a: (a.updated_at, a.id), reverse=True):
        entry = ET.SubElement(feed, f"{{{_ATOM}}}entry")
        ET.SubElement(entry, f"{{{_ATOM}}}id").text = f"urn:flashpoint:alert:{alert.id}"
        ET.SubElement(entry, f"{{{_ATOM}}}title").text = alert_title(alert)
        ET.SubElement(entry, f"{{{_ATOM}}}updated").text = alert.updated_at.isoformat()
        ET.SubElement(entry, f"{{{_ATOM}}}published").text = alert.opened_at.isoformat()
        for label in (alert.severity, alert.trend, alert.status):
            ET.SubElement(entry, f"{{{_ATOM}}}category", term=label)
        ET.SubElement(entry, f"{{{_ATOM}}}summary", type="text").text = _summary(alert)
        if alert.lat is not None and alert.lon is not None:
            # GeoRSS-simple point, which feed readers with maps understand
            point = ET.SubElement(entry, "{http://www.georss.org/georss}point")
            point.text = f"{alert.lat} {alert.lon}"
    ET.register_namespace("georss", "http://www.georss.org/georss")
    return ET.tostring(feed, encoding="unicode", xml_declaration=True)
