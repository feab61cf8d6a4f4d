"""Moving through time: a store mixing two periods shows each showdown in its own timeframe, never hides one."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.alerts.showdowns import BORDER, MANBIJ, NEW, OLD

from flashpoint.alerts import refresh_alerts
from flashpoint.alerts.flashpoints import detect_flashpoints, timeframe
from flashpoint.api import create_app
from flashpoint.settings import Settings
from flashpoint.store import Store


def _fill(store: Store, report: Any) -> None:
    report.add_all(store, MANBIJ, day=OLD)
    report.add_all(store, BORDER, day=NEW)


def _pairs(found: Any) -> set[tuple[str, ...]]:
    return {tuple(fp.actors) for fp in found}


def test_detect_flashpoints_never_hides_an_older_period(store: Store, report: Any) -> None:
    _fill(store, report)
    detection = detect_flashpoints(store)
    assert _pairs(detection.flashpoints) == {("TUR", "USA"), ("IND", "PAK")}
    assert detection.timeframe.basis == "latest event day"
    assert detection.timeframe.as_of == NEW and detection.timeframe.since == OLD
    old = next(fp for fp in detection.flashpoints if fp.actors == ("TUR", "USA"))
    assert old.as_of == OLD and old.place_name == "Manbij"


@pytest.mark.parametrize(
    ("as_of", "window", "pairs"),
    [
        (OLD + dt.timedelta(days=3), 30, {("TUR", "USA")}),
        (NEW, 30, {("IND", "PAK")}),
        (OLD - dt.timedelta(days=1), None, set()),
    ],
)
def test_detect_flashpoints_follows_the_timeframe(
    store: Store, report: Any, as_of: dt.date, window: int | None, pairs: set[tuple[str, ...]]
) -> None:
    _fill(store, report)
    detection = detect_flashpoints(store, as_of=as_of, window=window)
    assert _pairs(detection.flashpoints) == pairs
    assert detection.timeframe.as_of == as_of and detection.timeframe.basis == "given"


def test_timeframe_spans_window_days_and_refuses_an_empty_window() -> None:
    frame = timeframe([dt.date(2020, 1, 1), dt.date(2020, 2, 1)], window=10)
    assert frame.as_of == dt.date(2020, 2, 1) and frame.since == dt.date(2020, 1, 23) and frame.window == 10
    assert timeframe([]).basis == "empty store"
    with pytest.raises(ValueError, match="window"):
        timeframe([dt.date(2020, 1, 1)], window=0)


def _client(store: Store, tmp_path: Any) -> TestClient:
    return TestClient(create_app(Settings(db=str(tmp_path / "unused.db")), store=store))


def test_api_flashpoints_say_which_now_they_used(store: Store, report: Any, tmp_path: Any) -> None:
    _fill(store, report)
    client = _client(store, tmp_path)
    body = client.get("/api/flashpoints").json()
    assert {tuple(f["actors"]) for f in body["flashpoints"]} == {("TUR", "USA"), ("IND", "PAK")}
    assert body["timeframe"] == {
        "as_of": NEW.isoformat(),
        "since": OLD.isoformat(),
        "window": (NEW - OLD).days + 1,
        "basis": "latest event day",
    }
    brushed = client.get("/api/flashpoints", params={"as_of": "2018-01-25", "window": 14}).json()
    assert [tuple(f["actors"]) for f in brushed["flashpoints"]] == [("TUR", "USA")]
    assert brushed["flashpoints"][0]["as_of"] == "2018-01-25"
    assert brushed["timeframe"]["since"] == "2018-01-12" and brushed["timeframe"]["basis"] == "given"
    assert client.get("/api/flashpoints", params={"window": 0}).status_code == 422


def test_api_stats_count_the_timeframe(store: Store, report: Any, tmp_path: Any) -> None:
    _fill(store, report)
    client = _client(store, tmp_path)
    everything = client.get("/api/stats").json()
    assert everything["events"] == len(MANBIJ) + len(BORDER)
    assert everything["timeframe"]["basis"] == "latest event day"
    old = client.get("/api/stats", params={"as_of": "2018-01-31", "window": 31}).json()
    assert old["events"] == len(MANBIJ) and old["documents"] == len(MANBIJ)
    assert set(old["events_by_type"]) == {"REQUEST", "REJECT", "THREATEN", "MOBILIZE"}
    assert old["last_date"] == OLD.isoformat()
    assert old["timeframe"]["as_of"] == "2018-01-31"


def test_api_alerts_follow_the_timeframe(store: Store, report: Any, tmp_path: Any) -> None:
    _fill(store, report)
    refresh_alerts(store, as_of=OLD)
    refresh_alerts(store, as_of=NEW)  # the 2018 alert closes, the 2025 one opens: both are stored
    client = _client(store, tmp_path)
    assert len(client.get("/api/alerts").json()["alerts"]) == 2
    old = client.get("/api/alerts", params={"as_of": "2018-02-01", "window": 30}).json()
    assert [tuple(a["actors"]) for a in old["alerts"]] == [("TUR", "USA")]
    new = client.get("/api/alerts", params={"as_of": NEW.isoformat(), "window": 7}).json()
    assert [tuple(a["actors"]) for a in new["alerts"]] == [("IND", "PAK")]


def test_api_flashpoints_answer_again_after_the_store_changes(
    store: Store, report: Any, tmp_path: Any
) -> None:
    client = _client(store, tmp_path)
    assert client.get("/api/flashpoints").json()["flashpoints"] == []
    before = store.version()
    _fill(store, report)  # a kept answer must not hide what was just stored
    assert store.version() != before
    body = client.get("/api/flashpoints").json()
    assert {tuple(f["actors"]) for f in body["flashpoints"]} == {("TUR", "USA"), ("IND", "PAK")}
    assert client.get("/api/flashpoints").json() == body
