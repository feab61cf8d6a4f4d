"""Each report's place through the faces: `/api/events/{id}` and `flashpoint show` list it per report."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from click.testing import CliRunner
from fastapi.testclient import TestClient

from flashpoint import open_store
from flashpoint.api import create_app
from flashpoint.cli import cli
from flashpoint.settings import Settings


def _alert_fixtures() -> ModuleType:
    path = Path(__file__).parent.parent / "alerts" / "conftest.py"
    spec = importlib.util.spec_from_file_location("flashpoint_alert_fixtures", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def convoy_store(db: Path) -> str:
    """Store two reports of one convoy move (Idlib, then Kafr Halab nearby); return the event id."""
    make_report = _alert_fixtures().make_report
    with open_store(str(db)) as store:
        for text, trigger, place, outlet, claimant in (
            ("A Turkish army convoy drove through Idlib.", "drove", "Idlib", "Wire One", None),
            ("The Turkish convoy halted near Kafr Halab.", "halted", "Kafr Halab", "Radio Two", "a reporter"),
        ):
            store.add(
                make_report(
                    text,
                    type="MOBILIZE",
                    trigger=trigger,
                    actor="TURMIL",
                    recipient=None,
                    place=place,
                    day="2018-01-29",
                    outlet=outlet,
                    stance="reported" if claimant else None,
                    claimant=claimant,
                )
            )
        (event,) = store.events()
        return event.id


def test_api_event_lists_each_report_with_its_place(tmp_path: Path) -> None:
    db = tmp_path / "convoy.db"
    event_id = convoy_store(db)
    client = TestClient(create_app(Settings(db=str(db))))
    body = client.get(f"/api/events/{event_id}").json()
    assert body["event"]["place_name"] == "Idlib"
    reports = [(r["place_name"], r["publisher"], r["stance"]) for r in body["reports"]]
    assert reports == [("Idlib", "Wire One", "asserted"), ("Kafr Halab", "Radio Two", "reported")]
    assert body["reports"][1]["claims"][0]["claimant"] == "a reporter"
    assert body["reports"][1]["lat"] == 36.08


def test_cli_show_lists_each_report_with_its_place(tmp_path: Path) -> None:
    db = tmp_path / "convoy.db"
    event_id = convoy_store(db)
    result = CliRunner().invoke(cli, ["--db", str(db), "show", event_id])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    at = lines.index("reports by place: (2)")
    assert lines[at + 1 : at + 3] == [
        "  - Idlib · Wire One · the author · asserted",
        "  - Kafr Halab · Radio Two · a reporter · reported",
    ]
