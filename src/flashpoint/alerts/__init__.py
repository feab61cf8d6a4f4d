"""Alerts: escalation series per actor pair and place, flashpoint detection, and the alert sinks."""

from __future__ import annotations

from flashpoint.alerts.atom import atom_feed
from flashpoint.alerts.escalation import EscalationRules, Point, Series, pair_series, place_series
from flashpoint.alerts.flashpoints import Evidence, Flashpoint, FlashpointRules, find_flashpoints
from flashpoint.alerts.registry import Alert, AlertChanges, list_alerts, refresh_alerts
from flashpoint.alerts.webhook import DeliveryReport, WebhookSender, deliver_pending, pending_deliveries

__all__ = [
    "Alert",
    "AlertChanges",
    "DeliveryReport",
    "EscalationRules",
    "Evidence",
    "Flashpoint",
    "FlashpointRules",
    "Point",
    "Series",
    "WebhookSender",
    "atom_feed",
    "deliver_pending",
    "find_flashpoints",
    "list_alerts",
    "pair_series",
    "pending_deliveries",
    "place_series",
    "refresh_alerts",
]
