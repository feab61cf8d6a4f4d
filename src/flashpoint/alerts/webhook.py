"""The webhook sink: POST each queued alert change (the `alert_outbox` table) as JSON to a configured URL.

Delivery is separate from detection: `refresh_alerts` only queues, `deliver_pending` sends what is due,
and `WebhookSender` runs `deliver_pending` on a daemon thread, so ingest never waits on the network.
A failed POST (a connection error or a non-2xx answer) is retried with exponential backoff:
`base_delay * 2 ** (attempts - 1)` seconds after the attempt, up to `max_attempts`, then left in the outbox
with its last error (visible with `pending_deliveries`).
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from dataclasses import dataclass

import httpx
from sqlalchemy import select, update

from flashpoint.store import Store
from flashpoint.store import schema as t

__all__ = ["DeliveryReport", "WebhookSender", "deliver_pending", "pending_deliveries"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class DeliveryReport:
    """What one delivery pass did."""

    sent: int = 0
    failed: int = 0


def deliver_pending(
    store: Store,
    url: str,
    *,
    client: httpx.Client | None = None,
    max_attempts: int = 8,
    base_delay: float = 5.0,
    timeout: float = 10.0,
) -> DeliveryReport:
    """Return how many queued alert changes were POSTed to `url` now, and how many failed (to retry later)."""
    now = store.clock()
    with store.engine.connect() as conn:
        due = conn.execute(
            select(t.alert_outbox.c.id, t.alert_outbox.c.payload, t.alert_outbox.c.attempts)
            .where(
                t.alert_outbox.c.sent_at.is_(None),
                t.alert_outbox.c.next_attempt_at <= now,
                t.alert_outbox.c.attempts < max_attempts,
            )
            .order_by(t.alert_outbox.c.id)
        ).all()
    if not due:
        return DeliveryReport()
    owned = client is None
    http = client or httpx.Client(timeout=timeout)
    sent = failed = 0
    try:
        for row_id, payload, attempts in due:
            error: str | None = None
            try:
                answer = http.post(url, content=payload, headers={"Content-Type": "application/json"})
                if not answer.is_success:
                    error = f"HTTP {answer.status_code}"
            except httpx.HTTPError as exc:
                error = f"{type(exc).__name__}: {exc}"
            done = attempts + 1
            values: dict[str, object] = {"attempts": done, "last_error": error}
            if error is None:
                values["sent_at"] = store.clock()
                sent += 1
            else:
                values["next_attempt_at"] = store.clock() + dt.timedelta(seconds=base_delay * 2 ** (done - 1))
                failed += 1
                log.warning("webhook delivery %s to %s failed (attempt %d): %s", row_id, url, done, error)
            with store.engine.begin() as conn:
                conn.execute(update(t.alert_outbox).where(t.alert_outbox.c.id == row_id).values(**values))
    finally:
        if owned:
            http.close()
    return DeliveryReport(sent=sent, failed=failed)


def pending_deliveries(store: Store) -> int:
    """Return how many queued alert changes are not delivered yet."""
    with store.engine.connect() as conn:
        return len(conn.execute(select(t.alert_outbox.c.id).where(t.alert_outbox.c.sent_at.is_(None))).all())


class WebhookSender:
    """A daemon thread that delivers the outbox every `interval` seconds until `stop()`."""

    def __init__(self, store: Store, url: str, *, interval: float = 5.0, base_delay: float = 5.0) -> None:
        self.store = store
        self.url = url
        self.interval = interval
        self.base_delay = base_delay
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="flashpoint-webhook", daemon=True)

    def start(self) -> WebhookSender:
        """Start delivering in the background; return self."""
        self._thread.start()
        return self

    def stop(self, *, timeout: float = 10.0) -> None:
        """Ask the thread to finish its pass and wait for it (at most `timeout` seconds)."""
        self._stop.set()
        self._thread.join(timeout)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                deliver_pending(self.store, self.url, base_delay=self.base_delay)
            except Exception:  # a broken pass must not kill the sender; the next one retries
                log.exception("webhook delivery pass failed")
            self._stop.wait(self.interval)
