"""The webhook sink, against a real HTTP server on 127.0.0.1: delivery, retries with backoff, no blocking."""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from tests.alerts.showdowns import POONCH_DAY, POONCH_MOVE, POONCH_THREAT

from flashpoint.alerts.registry import refresh_alerts
from flashpoint.alerts.webhook import WebhookSender, deliver_pending, pending_deliveries
from flashpoint.store import Store

DAY = POONCH_DAY


class Receiver:
    """A local HTTP server that records JSON bodies and fails the first `failures` requests."""

    def __init__(self, failures: int = 0) -> None:
        self.bodies: list[dict[str, Any]] = []
        self.failures = failures
        self.received = threading.Event()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                if receiver.failures > 0:
                    receiver.failures -= 1
                    self.send_response(503)
                else:
                    receiver.bodies.append(json.loads(body))
                    receiver.received.set()
                    self.send_response(204)
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)


@pytest.fixture()
def receiver(request: pytest.FixtureRequest) -> Iterator[Receiver]:
    made = Receiver(failures=getattr(request, "param", 0))
    made.thread.start()
    yield made
    made.server.shutdown()
    made.server.server_close()


def _queue_one(store: Store, report: Any) -> None:
    report.add_all(store, [POONCH_THREAT, POONCH_MOVE], day=DAY, place="Poonch")
    assert refresh_alerts(store, as_of=DAY).opened


def test_webhook_delivers_queued_alerts(store: Store, report: Any, receiver: Receiver) -> None:
    _queue_one(store, report)
    assert deliver_pending(store, receiver.url).sent == 1
    [body] = receiver.bodies
    assert body["change"] == "opened" and body["alert"]["actors"] == ["IND", "PAK"]
    assert pending_deliveries(store) == 0
    assert deliver_pending(store, receiver.url).sent == 0  # delivered once only


@pytest.mark.parametrize("receiver", [2], indirect=True)
def test_webhook_retries_with_backoff(store: Store, report: Any, receiver: Receiver, clock: Any) -> None:
    _queue_one(store, report)
    assert deliver_pending(store, receiver.url, base_delay=60).failed == 1
    assert deliver_pending(store, receiver.url, base_delay=60).failed == 0  # not due yet: backing off
    clock.now += dt.timedelta(seconds=61)
    assert deliver_pending(store, receiver.url, base_delay=60).failed == 1  # second failure: wait 120 s
    clock.now += dt.timedelta(seconds=61)
    assert deliver_pending(store, receiver.url, base_delay=60).sent == 0
    clock.now += dt.timedelta(seconds=60)
    assert deliver_pending(store, receiver.url, base_delay=60).sent == 1
    assert len(receiver.bodies) == 1


def test_webhook_unreachable_url_keeps_the_alert_queued(store: Store, report: Any) -> None:
    _queue_one(store, report)
    report_ = deliver_pending(store, "http://127.0.0.1:9/nothing-listens-here", timeout=2.0)
    assert (report_.sent, report_.failed) == (0, 1)
    assert pending_deliveries(store) == 1


def test_webhook_sender_thread_delivers_in_the_background(
    store: Store, report: Any, receiver: Receiver
) -> None:
    sender = WebhookSender(store, receiver.url, interval=0.05).start()
    try:
        _queue_one(store, report)
        assert receiver.received.wait(10)
    finally:
        sender.stop()
    assert pending_deliveries(store) == 0
