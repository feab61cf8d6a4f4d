"""The store's commands: the events listing costs the same number of queries however many rows it shows."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from sqlalchemy import event

from flashpoint import open_store
from flashpoint.records import Document
from flashpoint.store import EventQuery, Store
from flashpoint.store.commands import write_listing

DocumentFactory = Callable[..., Document]


def _fill(store: Store, make_document: DocumentFactory, documents: int) -> None:
    for year in range(documents):
        doc = make_document(suffix=f" Update {year}.")
        # a year apart, so every document's events start clusters of their own
        day = dt.date(2010 + year, 6, 1)
        doc = replace(doc, events=tuple(replace(e, date=day) for e in doc.events))
        assert store.add(doc)


def _queries(store: Store, fmt: str) -> tuple[int, str]:
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(str(args[2]))

    out = io.StringIO()
    event.listen(store.engine, "before_cursor_execute", count)
    try:
        write_listing(store, EventQuery(), out, format=fmt)
    finally:
        event.remove(store.engine, "before_cursor_execute", count)
    return len(statements), out.getvalue()


def test_write_listing_table_queries_do_not_grow_with_rows(
    tmp_path: Any, make_document: DocumentFactory
) -> None:
    counts = []
    for documents in (1, 4):
        with open_store(str(tmp_path / f"{documents}.db")) as store:
            _fill(store, make_document, documents)
            assert len(store.events()) == 3 * documents
            queries, table = _queries(store, "table")
            counts.append(queries)
            assert table.count("a monitor (reported)") == documents  # the claimant column is filled
    assert counts[0] == counts[1] <= 2


def test_write_listing_writes_an_export_format(store: Store, make_document: DocumentFactory) -> None:
    _fill(store, make_document, 1)
    _queries_count, text = _queries(store, "csv")
    assert text.splitlines()[0].startswith("event_id,event_date")
    assert len(text.splitlines()) == 4


def test_claims_by_event_keeps_report_order(store: Store, make_document: DocumentFactory) -> None:
    _fill(store, make_document, 1)
    claims = store.claims_by_event(e.id for e in store.events())
    assert {c.claimant for found in claims.values() for c in found} == {"a monitor"} | {
        c.claimant for e in make_document().events for c in e.claims
    }
    assert store.claims_by_event([]) == {}
