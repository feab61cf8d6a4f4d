"""Each report keeps its own place: a cluster's second report placed elsewhere is stored with that place."""

from __future__ import annotations

from typing import Any

from flashpoint.store import Store


def test_store_report_keeps_its_own_place(store: Store, make_document: Any) -> None:
    first = make_document()
    second = make_document(suffix=" Fresh lines.", lat=36.31)
    assert store.add(first) and store.add(second)
    shelling = next(e for e in store.events() if e.type == "ASSAULT")
    detail = store.event(shelling.id)
    assert detail is not None and len(detail.reports) == 2, "the two reports should form one cluster"
    places = [(r.place_name, r.lat, r.precision) for r in detail.reports]
    assert places[0][0] == places[1][0] == "Aleppo"
    assert places[0][1] == shelling.lat and places[1][1] == 36.31
    assert all(r.precision == 1 for r in detail.reports)
    data = detail.as_dict()["reports"][1]
    assert data["place_surface"] == "Aleppo" and data["lat"] == 36.31


def test_store_single_report_place_is_the_event_place(store: Store, make_document: Any) -> None:
    store.add(make_document())
    request = next(e for e in store.events() if e.type == "REQUEST")
    detail = store.event(request.id)
    assert detail is not None
    assert [r.place_name for r in detail.reports] == [request.place_name]


def test_event_fields_names_are_event_fields() -> None:
    import datetime as dt

    from flashpoint.records import Event
    from flashpoint.store.rows import EVENT_FIELDS, event_fields

    event = Event(type="PROTEST", sentence=0, trigger_start=0, trigger_end=3, trigger="met")
    fields = event_fields(event, published=dt.date(2024, 3, 1))
    assert tuple(fields) == EVENT_FIELDS
    assert fields["cluster_date"] == dt.date(2024, 3, 1)  # no date of its own: the document's
