"""The load and scale benches on a tiny size: they run and report every figure (no timing is asserted)."""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

from flashpoint import open_store
from flashpoint.api.search import find_events
from flashpoint.store import EventQuery

BENCH = Path(__file__).resolve().parents[2] / "bench"


def _bench(name: str) -> ModuleType:
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))  # the benches import bench/synthetic.py as a sibling
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_load_benches_synthetic_store_is_filled_and_searchable(tmp_path: Path) -> None:
    synthetic = _bench("synthetic")
    with open_store(str(tmp_path / "syn.db")) as store:
        documents = synthetic.fill(store, events=120, days=30, per_doc=4)
        stats = store.stats()
        assert (documents, stats.events, stats.reports, stats.documents) == (30, 120, 120, 30)
        assert stats.last_date is not None and stats.last_date <= synthetic.END
        one = store.events(EventQuery(limit=1))[0]
        detail = store.event(one.id)
        assert detail is not None and detail.reports[0].sentence  # each event has its report and sentence
        ingested = synthetic.document(10**9, day=synthetic.END, seed=11, per_doc=2)
        assert store.add(ingested) and store.stats().documents == 31  # the ingest goes through Store.add
        assert synthetic.document(5) == synthetic.document(5)  # seeded: the same store every time


def test_load_benches_scale_reports_its_figures(tmp_path: Path) -> None:
    scale = _bench("scale")
    figures = scale.measure(str(tmp_path / "scale.db"), events=300, days=90, queries=6)
    assert figures["events"] == 300 and figures["queries"] == 6
    for part in ("query_ms", "answer_ms"):
        assert set(figures[part]) == {"p50", "p95", "max"}
        assert 0 <= figures[part]["p50"] <= figures[part]["p95"] <= figures[part]["max"]
    again = scale.measure(str(tmp_path / "scale.db"), events=300, days=90, queries=2)
    assert again["build_s"] is None and again["events"] == 300  # a filled store is reused as it is


def test_load_benches_bbox_pages_match_one_query_over_the_join(tmp_path: Path) -> None:
    # The page is chosen on the events table first, then joined: the same events, in the same order,
    # as the single query over the join that a text filter still uses.
    scale = _bench("scale")
    synthetic = _bench("synthetic")
    with open_store(str(tmp_path / "pages.db")) as store:
        synthetic.fill(store, events=400, days=60)
        for search in scale.searches(5):
            paged = [e.id for e in find_events(store, search)]
            box, query = search.bbox, search.query
            assert box is not None
            everything = [
                e.id
                for e in store.events(query)
                if e.lat is not None
                and e.lon is not None
                and box.south <= e.lat <= box.north
                and box.west <= e.lon <= box.east
            ]
            assert paged == everything[: search.limit]


def test_load_benches_native_load_figures_without_wrk(tmp_path: Path) -> None:
    load = _bench("load_native")
    assert load.process_tree_cpu(os.getpid()) > 0  # this test has spent some CPU already
    with open_store(str(tmp_path / "load.db")) as store:
        _bench("synthetic").fill(store, events=40, days=40)
    routes = load.routes(str(tmp_path / "load.db"))
    assert set(routes) == {"events_bbox_30d", "flashpoints", "stats"}
    with open_store(str(tmp_path / "load.db")) as store:
        _first, last = store.day_range()
    assert last is not None
    since = last - dt.timedelta(days=29)
    assert f"since={since}&until={last}&format=geojson" in routes["events_bbox_30d"]  # the last 30 days
    with load.Ingest(str(tmp_path / "load.db"), 0.01) as ingest:
        waited = 0
        while ingest.stored < 2 and waited < 2000:
            ingest.stop.wait(0.01)
            waited += 1
    assert ingest.stored >= 2
