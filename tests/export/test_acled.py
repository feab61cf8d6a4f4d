"""ACLED-style CSV columns: actor types, interaction, source scale, admin2 and associated actors."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from flashpoint import open_store
from flashpoint.export import CSV_COLUMNS, write_csv
from flashpoint.export.acled import admin2_name, inter_code, interaction, source_scale
from flashpoint.records import Actor, Document
from flashpoint.store import StoredEvent


@pytest.mark.parametrize(
    ("country", "sector", "place", "kind", "expected"),
    [
        ("IRQ", "MIL", "IRQ", "ASSAULT", 1),  # an army at home: state forces
        ("TUR", "MIL", "SYR", "MOBILIZE", 8),  # an army abroad: external forces
        ("SYR", "REB", "SYR", "ASSAULT", 2),
        (None, "CRM", "IRQ", "ASSAULT", 3),
        ("SYR", "REL", "SYR", "ASSAULT", 4),
        ("IRQ", "CVL", "IRQ", "PROTEST", 6),
        ("IRQ", "CVL", "IRQ", "ASSAULT", 7),
        ("IGO", None, "SYR", "AID", 8),
        ("SYR", None, "SYR", "ASSAULT", None),  # a bare country says nothing of its type
        ("SYR", "BUS", "SYR", "ASSAULT", None),
    ],
)
def test_acled_inter_code(
    country: str | None, sector: str | None, place: str, kind: str, expected: int | None
) -> None:
    assert inter_code(country, sector, place_country=place, event_type=kind) == expected


@pytest.mark.parametrize(
    ("inter1", "inter2", "expected"), [(1, 7, 17), (7, 1, 17), (2, None, 20), (None, 3, None), (8, 8, 88)]
)
def test_acled_interaction_puts_the_lower_type_first(
    inter1: int | None, inter2: int | None, expected: int | None
) -> None:
    assert interaction(inter1, inter2) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://x.com/someone/status/1", "New media"),
        ("https://www.youtube.com/watch?v=1", "New media"),
        ("https://t.me/channel/5", "New media"),
        ("https://wire.example/7", ""),
        (None, ""),
    ],
)
def test_acled_source_scale(url: str | None, expected: str) -> None:
    assert source_scale(url) == expected


def test_acled_admin2_is_the_nearest_town_division_of_the_same_country() -> None:
    assert admin2_name(48.857, 2.352, "FRA") == "Paris"
    assert admin2_name(48.857, 2.352, "DEU") == ""  # no German town there
    assert admin2_name(None, 2.352, "FRA") == ""
    assert admin2_name(0.0, -30.0, None) == ""  # the open Atlantic


def _rows(events: list[StoredEvent]) -> dict[str, dict[str, str]]:
    out = io.StringIO()
    write_csv(events, out)
    return {row["plover_type"]: row for row in csv.DictReader(io.StringIO(out.getvalue()))}


def test_acled_csv_has_the_new_columns(stored: list[StoredEvent]) -> None:
    assert {
        "assoc_actor_1",
        "assoc_actor_2",
        "inter1",
        "inter2",
        "interaction",
        "source_scale",
        "admin2",
    } <= set(CSV_COLUMNS)
    rows = _rows(stored)
    assert (rows["ASSAULT"]["inter1"], rows["ASSAULT"]["inter2"], rows["ASSAULT"]["interaction"]) == (
        "1",
        "3",
        "13",
    )
    assert (rows["PROTEST"]["inter1"], rows["PROTEST"]["inter2"], rows["PROTEST"]["interaction"]) == (
        "6",
        "",
        "60",
    )
    assert rows["MOBILIZE"]["inter1"] == rows["MOBILIZE"]["interaction"] == ""
    assert rows["ASSAULT"]["source_scale"] == "" and rows["ASSAULT"]["admin1"] == "Duhok"


def test_acled_csv_lists_co_actors_as_associated_actors(document: Document, tmp_path: Path) -> None:
    from dataclasses import replace

    joint = replace(
        document.events[0], co_actors=(Actor("TUR", "MIL"), Actor("USA", "MIL", name="US-led coalition"))
    )
    doc = replace(document, events=(joint, *document.events[1:]))
    with open_store(str(tmp_path / "joint.db")) as store:
        store.add(doc)
        rows = _rows(store.events())
    assert rows["ASSAULT"]["assoc_actor_1"] == "TURMIL; US-led coalition"
    assert rows["PROTEST"]["assoc_actor_1"] == ""
