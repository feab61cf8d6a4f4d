"""Escalation you can see: daily material and verbal hostility, /api/escalation and the table's sparkline."""

from __future__ import annotations

import datetime as dt
from typing import Any

from click.testing import CliRunner
from fastapi.testclient import TestClient

from flashpoint.alerts.escalation import daily_hostility
from flashpoint.api import create_app
from flashpoint.cli import cli
from flashpoint.settings import Settings
from flashpoint.store import Store

DAY = dt.date(2024, 2, 5)
ROWS = [
    # (text, type, trigger, actor, recipient, day offset, goldstein)
    ("Ankara accused Washington of arming militias near Manbij.", "ACCUSE", "accused", "TURGOV", "USAGOV", -3, -2.0),
    ("Washington rejected the Turkish demand over Manbij.", "REJECT", "rejected", "USAGOV", "TURGOV", -1, -4.0),
    ("Turkey threatened to strike US-backed forces at Manbij.", "THREATEN", "threatened", "TURGOV", "USA", 0, -4.4),
    ("Turkish artillery shelled positions held by US allies near Manbij.", "ASSAULT", "shelled", "TURMIL", "USAMIL", 0, -10.0),
    ("A US denial that troops fired near Manbij was issued.", "ASSAULT", "fired", "USAMIL", "TURMIL", 0, -10.0),
]  # fmt: skip


def _fill(store: Store, report: Any) -> None:
    for text, kind, trigger, actor, recipient, offset, score in ROWS:
        aux = ("negation",) if "denial" in text else ()
        store.add(
            report(
                text,
                type=kind,
                trigger=trigger,
                actor=actor,
                recipient=recipient,
                place="Manbij",
                goldstein=score,
                day=DAY + dt.timedelta(days=offset),
                aux_modes=aux,
            )
        )


def test_daily_hostility_splits_material_and_verbal_and_lists_every_day(store: Store, report: Any) -> None:
    _fill(store, report)
    series = daily_hostility(store.events(), since=DAY - dt.timedelta(days=4), until=DAY)
    assert [d.day for d in series.days] == [DAY - dt.timedelta(days=n) for n in (4, 3, 2, 1, 0)]
    by_day = {d.day: d for d in series.days}
    assert (by_day[DAY].material, by_day[DAY].verbal) == (10.0, 4.4)  # the denied shot does not count
    assert len(by_day[DAY].event_ids) == 2 and len(by_day[DAY].material_ids) == 1
    assert (by_day[DAY - dt.timedelta(days=3)].verbal, by_day[DAY - dt.timedelta(days=4)].event_ids) == (
        2.0,
        (),
    )
    assert series.sparkline() == " ▁ ▂█"


def test_daily_hostility_sparkline_of_a_quiet_series_is_blank() -> None:
    quiet = daily_hostility([], since=DAY, until=DAY + dt.timedelta(days=2))
    assert quiet.sparkline() == "   "


def test_api_escalation_per_pair_and_per_flashpoint(store: Store, report: Any, tmp_path: Any) -> None:
    _fill(store, report)
    client = TestClient(create_app(Settings(db=str(tmp_path / "unused.db")), store=store))
    body = client.get(
        "/api/escalation", params={"pair": "usa,tur", "as_of": DAY.isoformat(), "window": 7}
    ).json()
    (pair,) = body["series"]
    assert pair["kind"] == "pair" and pair["actors"] == ["TUR", "USA"]
    assert body["timeframe"]["since"] == (DAY - dt.timedelta(days=6)).isoformat()
    days = {d["day"]: d for d in pair["days"]}
    assert set(days) == {(DAY - dt.timedelta(days=n)).isoformat() for n in (3, 1, 0)}
    assert days[DAY.isoformat()]["material"] == 10.0 and days[DAY.isoformat()]["verbal"] == 4.4
    flashpoints = client.get("/api/flashpoints", params={"as_of": DAY.isoformat(), "window": 1}).json()
    (fp,) = flashpoints["flashpoints"]
    assert len(fp["series"]) == 35 and fp["series"][-1]["day"] == DAY.isoformat()
    one = client.get(
        "/api/escalation", params={"flashpoint": fp["id"], "as_of": DAY.isoformat(), "window": 7}
    )
    (series,) = one.json()["series"]
    assert series["flashpoint_id"] == fp["id"] and series["place_name"] == "Manbij"
    assert client.get("/api/escalation", params={"flashpoint": "al_nothing", "window": 3}).status_code == 404
    assert client.get("/api/escalation", params={"pair": "TUR"}).status_code == 422


def test_cli_flashpoints_table_shows_a_sparkline_and_reasons(
    store: Store, report: Any, tmp_path: Any
) -> None:
    _fill(store, report)
    db = store.engine.url.database
    result = CliRunner().invoke(cli, ["--db", str(db), "flashpoints", "--as-of", DAY.isoformat()])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    row = next(line for line in lines if "TUR-USA" in line)
    assert "single-source" in row and " ▁ ▂█ " in row
    assert any(line.strip().startswith("high: the rivals attacked each other") for line in lines)
    assert any(line.strip().startswith("escalating: hostility") for line in lines)
    windowed = CliRunner().invoke(
        cli, ["--db", str(db), "flashpoints", "--since", "2024-01-01", "--as-of", "2024-03-01"]
    )
    assert windowed.exit_code == 0 and "TUR-USA" in windowed.output


def test_api_escalation_and_brief_answer_304_until_the_store_changes(
    store: Store, report: Any, tmp_path: Any
) -> None:
    _fill(store, report)
    client = TestClient(create_app(Settings(db=str(tmp_path / "unused.db")), store=store))
    for route in ("/api/escalation", "/api/brief"):
        first = client.get(route, params={"as_of": DAY.isoformat(), "window": 7})
        tag = first.headers["etag"]
        again = client.get(
            route, params={"as_of": DAY.isoformat(), "window": 7}, headers={"If-None-Match": tag}
        )
        assert (again.status_code, again.content) == (304, b"")
        other = client.get(
            route, params={"as_of": DAY.isoformat(), "window": 8}, headers={"If-None-Match": tag}
        )
        assert other.status_code == 200 and other.headers["etag"] != tag
    tag = client.get("/api/escalation").headers["etag"]
    store.add(report("Turkey warned again over Manbij.", type="THREATEN", trigger="warned", actor="TURGOV",
                     recipient="USA", place="Manbij", goldstein=-4.4, day=DAY))  # fmt: skip
    changed = client.get("/api/escalation", headers={"If-None-Match": tag})
    assert changed.status_code == 200 and changed.headers["etag"] != tag
