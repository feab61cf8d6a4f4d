"""Store.event_details: many events with their reports and claims in a constant number of queries."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event as sa_event

from flashpoint.store import Store


def test_store_event_details_equal_one_by_one_reads(store: Store, make_document: Any) -> None:
    store.add(make_document())
    store.add(make_document(suffix=" Fresh lines.", lat=36.31))
    ids = [e.id for e in store.events()]
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(str(args[2]))

    sa_event.listen(store.engine, "before_cursor_execute", count)
    try:
        details = store.event_details([*ids, "ev_unknown", ids[0]])
    finally:
        sa_event.remove(store.engine, "before_cursor_execute", count)
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 3
    assert set(details) == set(ids)
    for event_id in ids:
        assert details[event_id] == store.event(event_id)
    assert store.event_details([]) == {}
