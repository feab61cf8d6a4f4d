"""Tables: rows of hand-made documents, in input order, with the store's event ids and cluster keys."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from flashpoint.batch import SCHEMAS, TABLES, cluster_key, make_tables
from flashpoint.records import Actor, Claim, Document, Event, Place, PlaceMention, Rejection, Sentence
from flashpoint.store import event_id


def _place(lat: float, lon: float) -> PlaceMention:
    place = Place(id=f"p{lat}", name="Somewhere", lat=lat, lon=lon, country="XXX")
    return PlaceMention(start=0, end=4, surface="Here", place=place, precision=1)


def _event(
    kind: str = "ASSAULT", *, day: int = 10, place: PlaceMention | None = None, start: int = 0
) -> Event:
    return Event(
        type=kind,
        sentence=0,
        trigger_start=start,
        trigger_end=start + 4,
        trigger="shot",
        actor=Actor(country="AAA", sector="MIL"),
        date=dt.date(2024, 5, day),
        place=place,
        claims=(Claim(stance="reported", claimant="a spokesman", chain=("outer",)),),
    )


def _document(doc_id: str, *events: Event) -> Document:
    text = "They shot at the post."
    return Document(
        id=doc_id,
        text=text,
        hash=doc_id * 4,
        sentences=(Sentence(index=0, start=0, end=len(text), text=text),),
        places=(_place(1.0, 2.0),),
        events=events,
    )


def test_make_tables_keeps_input_order_and_store_ids() -> None:
    second = _document("bbb", _event(start=0), _event("PROTEST", start=5))
    items = [_document("zzz", _event()), Rejection("bad.txt", "empty input"), second]
    tables = make_tables(items, cluster_km=50.0, cluster_days=3)
    assert set(tables) == set(TABLES)
    assert all(tables[name].schema.equals(SCHEMAS[name]) for name in TABLES)
    assert tables["documents"].column("document_id").to_pylist() == ["zzz", "bbb"]
    events = tables["events"].to_pylist()
    assert [(e["document_id"], e["event_index"]) for e in events] == [("zzz", 0), ("bbb", 0), ("bbb", 1)]
    assert events[2]["event_id"] == event_id("bbb" * 4, second.events[1])
    assert tables["reports"].column("sentence").to_pylist() == ["They shot at the post."] * 3
    assert tables["claims"].column("chain").to_pylist() == [["outer"]] * 3
    assert tables["places"].num_rows == 2
    assert tables["rejections"].to_pylist() == [
        {"source": "bad.txt", "reason": "empty input", "stage": "ingest"}
    ]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (_event(day=10, place=_place(10.0, 20.0)), _event(day=10, place=_place(10.01, 20.01)), True),
        (_event(day=10, place=_place(10.0, 20.0)), _event("AID", day=10, place=_place(10.0, 20.0)), False),
        (_event(day=1, place=_place(10.0, 20.0)), _event(day=25, place=_place(10.0, 20.0)), False),
        (_event(day=10, place=_place(10.0, 20.0)), _event(day=10, place=_place(14.0, 20.0)), False),
    ],
)
def test_cluster_key_groups_near_events_of_one_type(a: Event, b: Event, same: bool) -> None:
    key_a = cluster_key(a, km=50.0, days=3)
    key_b = cluster_key(b, km=50.0, days=3)
    assert key_a is not None and key_b is not None
    assert (key_a == key_b) is same


def test_cluster_key_needs_a_place_and_a_date() -> None:
    assert cluster_key(_event(), km=50.0, days=3) is None


def test_schemas_every_column_is_documented() -> None:
    docs = (Path(__file__).parents[2] / "docs" / "batch.md").read_text(encoding="utf-8")
    missing = [f"{name}.{field.name}" for name, schema in SCHEMAS.items() for field in schema]
    assert [column for column in missing if f"`{column.split('.')[1]}`" not in docs] == []


def test_schemas_events_use_the_store_field_names() -> None:
    from flashpoint.store.rows import EVENT_FIELDS

    names = SCHEMAS["events"].names
    assert names[3 : 3 + len(EVENT_FIELDS)] == list(EVENT_FIELDS)


def test_make_tables_event_and_report_fields_equal_the_store_rows() -> None:
    from flashpoint.corroborate import Corroboration
    from flashpoint.store.rows import EVENT_FIELDS, REPORT_PLACE_FIELDS, document_rows

    event = replace(_event(place=_place(5.0, 6.0)), aux_modes=("hypothetical",))
    doc = _document("ccc", event)
    [parquet] = make_tables([doc], cluster_km=50.0, cluster_days=3)["events"].to_pylist()
    [report] = make_tables([doc], cluster_km=50.0, cluster_days=3)["reports"].to_pylist()
    stored = document_rows(doc, now=dt.datetime(2024, 6, 1, tzinfo=dt.UTC), voices=Corroboration())
    [sql] = stored.events
    assert parquet["event_id"] == sql["id"]
    lists = {"aux_modes": ",".join, "co_actors": lambda names: "; ".join(names) or None}
    assert {name: lists.get(name, lambda v: v)(parquet[name]) for name in EVENT_FIELDS} == {
        name: sql[name] for name in EVENT_FIELDS
    }
    assert {name: report[name] for name in REPORT_PLACE_FIELDS} == {
        name: stored.reports[0][name] for name in REPORT_PLACE_FIELDS
    }
    assert parquet["lat"] == 5.0 and parquet["cluster_date"] == event.date
