"""The flashpoints and alerts commands, run through click with Settings as the context object."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest
from click.testing import CliRunner
from tests.alerts.showdowns import POONCH_DAY, POONCH_MOVE, POONCH_THREAT

from flashpoint import open_store
from flashpoint.alerts.commands import alerts_command, flashpoints_command
from flashpoint.settings import Settings

DAY = POONCH_DAY


@pytest.fixture()
def settings(tmp_path: Path, report: Any) -> Settings:
    db = tmp_path / "cli.db"
    with open_store(str(db)) as store:
        report.add_all(
            store,
            [POONCH_THREAT, POONCH_MOVE],
            day=DAY,
            place="Poonch",
        )
    return Settings(db=str(db))


@pytest.mark.parametrize("fmt", ["table", "json", "geojson"])
def test_commands_flashpoints_formats(settings: Settings, fmt: str) -> None:
    result = CliRunner().invoke(flashpoints_command, ["--format", fmt], obj=settings)
    assert result.exit_code == 0, result.output
    if fmt == "table":
        assert "IND-PAK" in result.output and "Poonch" in result.output
    elif fmt == "json":
        [item] = json.loads(result.output)
        assert item["actors"] == ["IND", "PAK"]
    else:
        [feature] = json.loads(result.output)["features"]
        assert feature["geometry"]["coordinates"] == pytest.approx([74.0927, 33.7731])


def test_commands_alerts_lists_what_flashpoints_recorded(settings: Settings) -> None:
    runner = CliRunner()
    assert runner.invoke(alerts_command, ["--format", "json"], obj=settings).output.strip() == "[]"
    runner.invoke(flashpoints_command, [], obj=settings)
    listed = json.loads(
        runner.invoke(alerts_command, ["--format", "json", "--since", "2000-01-01"], obj=settings).output
    )
    assert [a["status"] for a in listed] == ["open"]
    atom = runner.invoke(alerts_command, ["--format", "atom"], obj=settings).output
    assert len(ET.fromstring(atom).findall("{http://www.w3.org/2005/Atom}entry")) == 1
    assert (
        json.loads(
            runner.invoke(alerts_command, ["--format", "json", "--status", "closed"], obj=settings).output
        )
        == []
    )
