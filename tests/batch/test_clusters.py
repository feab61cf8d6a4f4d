"""Event clusters: the keyed reduction gives each event the cluster the store gives its report."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from flashpoint.batch import make_tables
from flashpoint.batch.clusters import cluster_ids, cluster_ids_on_dask, group_key, rows_of
from flashpoint.corroborate import Corroboration
from flashpoint.corroborate.clusters import ClusterRules
from flashpoint.records import Actor, Document, Event, Place, PlaceMention, Sentence
from flashpoint.store import Store
from flashpoint.store import schema as t

RULES = ClusterRules(km=50.0, days=3)
TOWNS = {
    "north": Place(id="t:north", name="North Town", lat=10.0, lon=20.0, country="AAA"),
    "near": Place(id="t:near", name="Near Town", lat=10.2, lon=20.1, country="AAA"),  # ~25 km away
    "far": Place(id="t:far", name="Far Town", lat=14.0, lon=20.0, country="AAA"),
}


def _event(kind: str, *, day: int | None, town: str | None, actor: str | None, start: int) -> Event:
    place = None
    if town is not None:
        place = PlaceMention(start=0, end=4, surface=TOWNS[town].name, place=TOWNS[town], precision=1)
    return Event(
        type=kind,
        sentence=0,
        trigger_start=start,
        trigger_end=start + 3,
        trigger="hit",
        actor=Actor(country=actor, sector="MIL") if actor else None,
        recipient=Actor(country="BBB", sector="CVL"),
        date=dt.date(2024, 5, day) if day else None,
        place=place,
    )


def _document(number: int, *events: Event, published: int = 20) -> Document:
    text = f"Report number {number} of fighting in the region."
    return Document(
        id=f"doc-{number}",
        text=text,
        published=dt.date(2024, 5, published),
        sentences=(Sentence(index=0, start=0, end=len(text), text=text),),
        events=events,
    )


def _documents() -> list[Document]:
    """Reports that join, miss by type, distance, date or dyad, lack a place or a date, and repeat."""
    docs = [
        _document(1, _event("ASSAULT", day=3, town="north", actor="AAA", start=0)),
        _document(2, _event("ASSAULT", day=4, town="near", actor="AAA", start=0)),  # joins 1
        _document(3, _event("ASSAULT", day=4, town="far", actor="AAA", start=0)),  # too far
        _document(4, _event("PROTEST", day=3, town="north", actor="AAA", start=0)),  # another type
        _document(5, _event("ASSAULT", day=12, town="north", actor="AAA", start=0)),  # too late
        _document(6, _event("ASSAULT", day=5, town="north", actor="CCC", start=0)),  # other actor
        _document(
            7,
            _event("ASSAULT", day=None, town=None, actor="AAA", start=0),  # dated by publication
            _event("ASSAULT", day=6, town="near", actor=None, start=10),
        ),
        _document(8, _event("ASSAULT", day=None, town=None, actor="AAA", start=0), published=21),
        _document(9, _event("ASSAULT", day=2, town="north", actor=None, start=0)),
        _document(10, _event("ASSAULT", day=6, town="near", actor="AAA", start=0)),
    ]
    return [*docs, docs[1]]  # the same document read twice


def _store_clusters(docs: list[Document], tmp_path: Path) -> dict[str, str]:
    store = Store.open(f"sqlite:///{tmp_path / 'clusters.db'}", corroborator=Corroboration(RULES))
    try:
        for doc in docs:
            store.add(doc)
        with store.engine.connect() as conn:
            rows = conn.execute(select(t.reports.c.own_id, t.reports.c.event_id)).all()
    finally:
        store.close()
    return {own: cluster for own, cluster in rows}


def _rows(docs: list[Document]) -> list[dict[str, Any]]:
    events = make_tables(docs, cluster_km=RULES.km, cluster_days=RULES.days)["events"]
    return rows_of(events, first=0)


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_cluster_ids_equal_the_store_clusters(tmp_path: Path, seed: int) -> None:
    docs = _documents()
    random.Random(seed).shuffle(docs)
    rows = _rows(docs)
    expected = _store_clusters(docs, tmp_path)
    got = cluster_ids(rows, RULES)
    assert {row["id"]: cluster for row, cluster in zip(rows, got, strict=True)} == expected
    assert len(set(got)) < len(set(expected))  # some reports did join another's cluster


def test_cluster_ids_join_only_compatible_reports() -> None:
    rows = _rows(_documents())
    ids = dict(zip([row["id"] for row in rows], cluster_ids(rows, RULES), strict=False))
    first, near, far = (rows[i]["id"] for i in range(3))
    assert ids[first] == ids[near] == first
    assert ids[far] == far


def _random_rows(count: int) -> list[dict[str, Any]]:
    pick = random.Random(7)
    rows = []
    for position in range(count):
        lat = pick.choice([None, 10.0, 10.1, 10.3, 11.0])
        rows.append(
            {
                "id": f"ev_{position:04d}",
                "type": pick.choice(["ASSAULT", "PROTEST", "COERCE"]),
                "happened": pick.random() < 0.9,
                "actor_country": pick.choice([None, "AAA", "BBB"]),
                "actor_sector": pick.choice([None, "MIL"]),
                "recipient_country": pick.choice([None, "CCC"]),
                "recipient_sector": None,
                "cluster_date": pick.choice(
                    [None, dt.date(2024, 1, 1) + dt.timedelta(days=pick.randrange(9))]
                ),
                "place_id": None if lat is None else f"p{lat}",
                "lat": lat,
                "lon": None if lat is None else 30.0,
                "position": position,
            }
        )
    return rows


def test_cluster_ids_on_dask_equal_cluster_ids(client: Any) -> None:
    rows = _random_rows(600)
    expected = cluster_ids(rows, RULES)
    assert len({group_key(row) for row in rows}) == 6
    assert len(set(expected)) < len(rows)  # the groups do merge reports
    assert cluster_ids_on_dask(client, rows, RULES) == expected
