"""The situation brief matches `flashpoints` and `events` for its window, in Markdown and in HTML."""

from __future__ import annotations

import datetime as dt
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from flashpoint.alerts.flashpoints import detect_flashpoints
from flashpoint.api import create_app
from flashpoint.brief import Area, build_brief, render_brief
from flashpoint.cli import cli
from flashpoint.settings import Settings
from flashpoint.store import Store

SINCE, UNTIL = dt.date(2018, 1, 1), dt.date(2018, 1, 31)


def _cli(db: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--db", str(db), *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_brief_matches_flashpoints_and_events_for_the_window(store: Store) -> None:
    brief = build_brief(store, since=SINCE, until=UNTIL)
    db = Path(str(store.engine.url.database))
    listed = json.loads(
        _cli(db, "events", "--since", "2018-01-01", "--until", "2018-01-31", "--format", "json")
    )
    assert [e.id for e in brief.events] == [e["id"] for e in listed]
    assert {e.outlet for e in brief.events} == {e["outlet"] for e in listed} == set(brief.sources)
    detected = json.loads(
        _cli(db, "flashpoints", "--since", "2018-01-01", "--as-of", "2018-01-31", "--format", "json")
    )
    assert [fp.id for fp in brief.flashpoints] == [fp["id"] for fp in detected]
    assert [fp.id for fp in brief.flashpoints] == [
        fp.id for fp in detect_flashpoints(store, as_of=UNTIL, window=31).flashpoints
    ]
    assert ("TUR", "USA") in {fp.actors for fp in brief.flashpoints}
    assert all(e.date and SINCE <= e.date <= UNTIL for e in brief.events)  # the 2017 delivery is left out
    assert {e.type for e in brief.contested} >= {"MOBILIZE", "ASSAULT"}  # alleged, denied (and single-source)
    assert dict(brief.by_type)["MOBILIZE"] == 1 and brief.by_area == (("SYR", 5),)


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_brief_renders_every_flashpoint_event_and_source(store: Store, fmt: str) -> None:
    brief = build_brief(store, since=SINCE, until=UNTIL)
    text = render_brief(brief, format=fmt)
    assert "<svg" in text and "<script" not in text
    for fp in brief.flashpoints:
        assert f"{fp.actors[0]}–{fp.actors[1]} near {fp.place_name}" in text and fp.trend_reason in text
    for event in brief.events:
        assert event.outlet is not None and event.outlet in text
    contested = text[text.index("Contested claims") :]
    assert "alleged" in contested and "denied" in contested
    if fmt == "html":
        assert "<b>locals</b>" not in text and "&lt;b&gt;locals&lt;/b&gt;" in text
        parser = _Links()
        parser.feed(text)
        assert parser.external == []  # self-contained: nothing to fetch


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.external: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("src", "href") and value:
                self.external.append(value)


def test_brief_area_keeps_the_flashpoints_and_events_near_a_point(store: Store) -> None:
    far = build_brief(
        store, since=SINCE, until=UNTIL, area=Area(near=(33.77, 74.09, 50.0), near_name="Poonch")
    )
    assert (
        far.events == ()
        and far.flashpoints == ()
        and "within 50 km of Poonch" in render_brief(far, format="md")
    )
    manbij = build_brief(store, since=SINCE, until=UNTIL, area=Area(near=(36.53, 37.95, 30.0)))
    assert {e.place_name for e in manbij.events} == {"Manbij"} and manbij.flashpoints


def test_brief_refuses_a_window_that_ends_before_it_starts(store: Store) -> None:
    with pytest.raises(ValueError, match="before it starts"):
        build_brief(store, since=UNTIL, until=SINCE)
    with pytest.raises(ValueError, match="format"):
        render_brief(build_brief(store, since=SINCE, until=UNTIL), format="pdf")


def test_api_brief_serves_the_timeframe(store: Store, tmp_path: Path) -> None:
    client = TestClient(create_app(Settings(db=str(tmp_path / "unused.db")), store=store))
    page = client.get("/api/brief", params={"as_of": "2018-01-31", "window": 31})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "script-src" not in page.headers["content-security-policy"]
    assert "Situation brief, 2018-01-01 to 2018-01-31" in page.text and "TUR–USA near Manbij" in page.text
    md = client.get(
        "/api/brief", params={"as_of": "2018-01-31", "window": 31, "format": "md", "country": "tur"}
    )
    assert md.headers["content-type"].startswith("text/markdown") and "involving TUR" in md.text
    assert client.get("/api/brief", params={"near": "north"}).status_code == 422
    assert client.get("/api/brief", params={"format": "pdf"}).status_code == 422


def test_api_brief_of_an_empty_store_is_404(tmp_path: Path) -> None:
    client = TestClient(create_app(Settings(db=str(tmp_path / "empty.db"))))
    assert client.get("/api/brief").status_code == 404


def test_cli_flashpoints_writes_the_brief(store: Store) -> None:
    db = Path(str(store.engine.url.database))
    md = _cli(
        db,
        "flashpoints",
        "--since",
        "2018-01-01",
        "--as-of",
        "2018-01-31",
        "--format",
        "md",
        "--country",
        "TUR",
    )
    assert md.startswith("# Situation brief, 2018-01-01 to 2018-01-31") and "involving TUR" in md
    html = _cli(
        db, "flashpoints", "--as-of", "2018-01-31", "--format", "html", "--near", "36.53,37.95", "--km", "30"
    )
    assert html.startswith("<!doctype html>") and "2018-01-02 to 2018-01-31" in html


def test_cli_brief_writes_the_window_as_flashpoints_does(store: Store, tmp_path: Path) -> None:
    db = Path(str(store.engine.url.database))
    window = ("--since", "2018-01-01", "--country", "TUR", "--format", "md")
    md = _cli(db, "brief", "--until", "2018-01-31", *window)
    assert md.startswith("# Situation brief, 2018-01-01 to 2018-01-31") and "involving TUR" in md
    assert md == _cli(db, "flashpoints", "--as-of", "2018-01-31", *window)
    out = tmp_path / "brief.html"
    assert _cli(db, "brief", "--until", "2018-01-31", "--format", "html", "--out", str(out)) == ""
    assert out.read_text(encoding="utf-8").startswith("<!doctype html>")
    result = CliRunner().invoke(
        cli, ["--db", str(db), "brief", "--since", "2018-02-01", "--until", "2018-01-31"]
    )
    assert result.exit_code != 0 and "--since" in result.output
