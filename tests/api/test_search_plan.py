"""The map's read plans well on SQLite: the page of ids for a date range and a box comes from one index alone."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from flashpoint import open_store
from flashpoint.api.search import BBox, EventSearch, page_select
from flashpoint.store import EventQuery
from flashpoint.store.queries import event_select


def _plan(db: Path, search: EventSearch) -> str:
    from flashpoint.api.search import _extra_filters

    with open_store(str(db)) as store:
        stmt = event_select(replace(search.query, limit=None, offset=0))
        for clause in _extra_filters(search):
            stmt = stmt.where(clause)
        sql = str(page_select(stmt, search).compile(store.engine, compile_kwargs={"literal_binds": True}))
        with store.engine.connect() as conn:
            rows = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}").all()
    return " | ".join(str(row[-1]) for row in rows)


@pytest.mark.parametrize(
    "box",
    [
        BBox(west=30.0, south=30.0, east=45.0, north=40.0),
        BBox(west=170.0, south=-20.0, east=-170.0, north=10.0),
    ],
    ids=["box", "across-the-antimeridian"],
)
def test_search_page_of_a_box_and_30_days_reads_the_covering_index(tmp_path: Path, box: BBox) -> None:
    query = EventQuery(since=dt.date(2025, 3, 1), until=dt.date(2025, 3, 30))
    plan = _plan(tmp_path / "plan.db", EventSearch(query=query, bbox=box, limit=501))
    assert "COVERING INDEX ix_events_date_lat_lon_id" in plan, plan
