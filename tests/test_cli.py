"""The `flashpoint` command end to end, on a real SQLite file, the real model and the real gazetteer."""

from __future__ import annotations

import json
import math
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from flashpoint.cli import EXIT_REJECTED, cli

FIXTURES = Path(__file__).parent / "fixtures"
SARAQIB = (35.862, 36.806)

pytestmark = pytest.mark.slow


def run(runner: CliRunner, db: Path, gazetteer: Path, *args: str) -> Result:
    return runner.invoke(cli, ["--db", str(db), "--gazetteer", str(gazetteer), *args], catch_exceptions=False)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(math.sqrt(a))


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory, gazetteer_path: Path) -> tuple[Path, Result]:
    db = tmp_path_factory.mktemp("cli") / "fp.db"
    result = run(CliRunner(), db, gazetteer_path, "ingest", "--quiet", str(FIXTURES / "border-report.md"))
    return db, result


def test_cli_ingest_stores_events(ingested: tuple[Path, Result], gazetteer_path: Path) -> None:
    db, result = ingested
    assert result.exit_code == 0, result.output
    out = run(CliRunner(), db, gazetteer_path, "events", "--format", "json")
    events = json.loads(out.output)
    types = {e["type"] for e in events}
    assert {"ASSAULT", "REQUEST", "REJECT", "MOBILIZE"} <= types
    shelling = next(e for e in events if e["type"] == "ASSAULT")
    assert shelling["actor_country"] == "SYR"
    assert km(shelling["place_lat"], shelling["place_lon"], *SARAQIB) < 50
    assert "shelled" in shelling["sentence"]


def test_cli_boilerplate_gives_no_events(ingested: tuple[Path, Result], gazetteer_path: Path) -> None:
    db, _ = ingested
    events = json.loads(run(CliRunner(), db, gazetteer_path, "events", "--format", "json").output)
    assert not any("Disclaimer" in e["sentence"] or "Member" in e["sentence"] for e in events)


def test_cli_reingest_adds_nothing(ingested: tuple[Path, Result], gazetteer_path: Path) -> None:
    db, _ = ingested
    before = sqlite3.connect(db).execute("select count(*) from events").fetchone()[0]
    result = run(CliRunner(), db, gazetteer_path, "ingest", str(FIXTURES / "border-report.md"))
    assert result.exit_code == 0
    assert "0 document(s) added" in result.output
    assert sqlite3.connect(db).execute("select count(*) from events").fetchone()[0] == before


def test_cli_show_gives_claims_and_document(ingested: tuple[Path, Result], gazetteer_path: Path) -> None:
    db, _ = ingested
    events = json.loads(
        run(CliRunner(), db, gazetteer_path, "events", "--type", "REQUEST", "--format", "json").output
    )
    assert events and all(e["type"] == "REQUEST" for e in events)
    shown = run(CliRunner(), db, gazetteer_path, "show", events[0]["id"], "--format", "json")
    assert shown.exit_code == 0
    assert "Turkey demanded" in shown.output
    missing = run(CliRunner(), db, gazetteer_path, "show", "ev_nope")
    assert missing.exit_code == 1 and "no event" in missing.output


@pytest.mark.parametrize("fmt", ["csv", "geojson", "jsonl", "table"])
def test_cli_events_formats(ingested: tuple[Path, Result], gazetteer_path: Path, fmt: str) -> None:
    db, _ = ingested
    result = run(CliRunner(), db, gazetteer_path, "events", "--format", fmt)
    assert result.exit_code == 0
    if fmt == "csv":
        assert result.output.splitlines()[0].startswith("event_id")
        assert "event_date" in result.output.splitlines()[0]
    elif fmt == "geojson":
        collection = json.loads(result.output)
        assert collection["type"] == "FeatureCollection" and collection["features"]
    elif fmt == "jsonl":
        assert all(json.loads(line)["type"] for line in result.output.splitlines())
    else:
        assert "ASSAULT" in result.output


def test_cli_events_near_filters_by_distance(ingested: tuple[Path, Result], gazetteer_path: Path) -> None:
    db, _ = ingested
    near = json.loads(
        run(
            CliRunner(), db, gazetteer_path, "events", "--near", "Saraqib", "--km", "30", "--format", "json"
        ).output
    )
    far = json.loads(
        run(CliRunner(), db, gazetteer_path, "events", "--near", "48.85,2.35", "--format", "json").output
    )
    assert near and not far


def test_cli_bad_inputs_are_rejected_and_recorded(tmp_path: Path, gazetteer_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "empty.txt").write_text("")
    (inputs / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    (inputs / "good.txt").write_text(
        "Rebels attacked an army checkpoint near Daraa on Friday, the army said.\n"
    )
    db = tmp_path / "fp.db"  # outside the folder ingested
    result = run(CliRunner(), db, gazetteer_path, "ingest", str(inputs))
    assert result.exit_code == EXIT_REJECTED
    assert "empty.txt" in result.output and "binary.txt" in result.output
    con = sqlite3.connect(db)
    assert con.execute("select count(*) from rejections").fetchone()[0] == 2
    assert con.execute("select count(*) from documents").fetchone()[0] == 1


def test_cli_extract_prints_gold_shaped_records(gazetteer_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["--gazetteer", str(gazetteer_path), "extract", "--quiet", str(FIXTURES / "border-report.md")]
    )
    assert result.exit_code == 0, result.output
    record = json.loads(result.output.splitlines()[0])
    assert {"id", "events", "places"} <= record.keys()
    event = record["events"][0]
    for key in ("plover", "mode", "actor", "recipient", "location", "date", "negated", "sentence", "claims"):
        assert key in event
    for place in record["places"]:
        assert {"start", "end", "surface", "lat", "lon", "precision"} <= place.keys()


def test_cli_events_stance_filters_by_claim(ingested: tuple[Path, Result], gazetteer_path: Path) -> None:
    db, _ = ingested
    every = json.loads(run(CliRunner(), db, gazetteer_path, "events", "--format", "json").output)
    stances = {e["stance"] for e in every}
    assert stances  # each exported event says how firmly it is claimed
    for stance in stances:
        chosen = json.loads(
            run(CliRunner(), db, gazetteer_path, "events", "--stance", stance, "--format", "json").output
        )
        # an event's own stance is the strongest of its claims, so it is among those with that stance
        assert {e["id"] for e in every if e["stance"] == stance} <= {e["id"] for e in chosen}
        assert len(chosen) <= len(every)
    bad = run(CliRunner(), db, gazetteer_path, "events", "--stance", "rumoured")
    assert bad.exit_code != 0 and "rumoured" in bad.output
