"""The map's bounding-box read on a big store: p50/p95 of `/api/events?bbox=…&since=…&until=…` (30 days).

    .venv/bin/python bench/scale.py                              # SQLite, 1,000,000 synthetic events
    .venv/bin/python bench/scale.py --db /tmp/big.db --keep      # build once, measure again later
    .venv/bin/python bench/scale.py --postgres "$(bash scripts/start-postgres.sh)"
    .venv/bin/python bench/scale.py --postgres URL --no-sqlite --schema fp_scale_1m --keep   # build once, again later
    .venv/bin/python bench/scale.py --events 2000 --queries 20   # a quick run

Builds a synthetic store (`bench/synthetic.py`: invented towns around nine regional centres, three years,
denser towards the end; PostgreSQL in a private schema dropped at the end) unless the store already
holds that many events, then asks --queries bounding-box reads: a box of 4–16 degrees around one of the
regional centres and the 30 days ending on a day of the last year, 500 events a page, as the map asks.
Prints p50, p95 and max of the query (`find_events`: the SQL and the rows) and of the whole answer
(the query and the GeoJSON body), and how many events each box held.  --json prints one JSON object.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synthetic

from flashpoint import open_store
from flashpoint.api.formats import events_response
from flashpoint.api.search import BBox, EventSearch, find_events
from flashpoint.store import EventQuery


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return round(1000 * ordered[min(len(ordered) - 1, int(share * len(ordered)))], 2)


def searches(count: int, *, seed: int = 3) -> list[EventSearch]:
    """Return `count` map reads: a box around a regional centre and 30 days ending in the last year."""
    rng = random.Random(seed)
    found = []
    for _ in range(count):
        _country, lat, lon, _spread, _share = rng.choice(synthetic.REGIONS)
        half = rng.uniform(2.0, 8.0)
        until = synthetic.END - dt.timedelta(days=rng.randrange(365))
        box = BBox(
            west=max(-180.0, lon - half),
            south=max(-90.0, lat - half),
            east=min(180.0, lon + half),
            north=min(90.0, lat + half),
        )
        query = EventQuery(since=until - dt.timedelta(days=29), until=until)
        found.append(EventSearch(query=query, bbox=box, limit=501))
    return found


def measure(db: str, *, events: int, days: int, queries: int) -> dict[str, Any]:
    """Return the figures of `queries` bounding-box reads on `db`, filling it first when needed."""
    with open_store(db) as store:
        held = store.stats().events
        built = None
        if held < events:
            started = time.perf_counter()
            synthetic.fill(store, events=events - held, days=days, seed=7 + held)
            built = round(time.perf_counter() - started, 1)
            held = store.stats().events
        if store.engine.dialect.name == "postgresql":
            # what autovacuum does soon after a bulk load (PostgreSQL 13+ vacuums insert-only tables too):
            # statistics, and the visibility map that lets the page of ids come from the index alone
            with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.exec_driver_sql("VACUUM ANALYZE")
        plan = searches(queries)
        for search in plan[:3]:  # the first reads warm the page cache
            find_events(store, search)
        query_s, answer_s, sizes = [], [], []
        for search in plan:
            started = time.perf_counter()
            page = find_events(store, search)
            queried = time.perf_counter()
            events_response(page[:500], format="geojson", page={"next_offset": None})
            answered = time.perf_counter()
            query_s.append(queried - started)
            answer_s.append(answered - started)
            sizes.append(len(page))
    return {
        "events": held,
        "build_s": built,
        "queries": queries,
        "page_sizes": {"min": min(sizes), "median": statistics.median(sizes), "max": max(sizes)},
        "query_ms": {
            "p50": _percentile(query_s, 0.5),
            "p95": _percentile(query_s, 0.95),
            "max": _percentile(query_s, 1.0),
        },
        "answer_ms": {
            "p50": _percentile(answer_s, 0.5),
            "p95": _percentile(answer_s, 0.95),
            "max": _percentile(answer_s, 1.0),
        },
    }


@contextmanager
def postgres_schema(url: str, *, keep: bool, schema: str | None = None) -> Iterator[str]:
    """Yield `url` narrowed to a private schema (`schema`, else a new one), dropped afterwards unless `keep`."""
    from sqlalchemy import create_engine, text

    schema = schema or f"fp_scale_{uuid.uuid4().hex[:8]}"
    print(f"scale: PostgreSQL schema {schema}", file=sys.stderr, flush=True)
    admin = create_engine(url)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA IF NOT EXISTS {schema}"))
    try:
        yield f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"
    finally:
        if not keep:
            with admin.begin() as conn:
                conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


def main() -> int:
    """Measure the bounding-box read on SQLite (and PostgreSQL with --postgres); print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="a SQLite file to use (filled up to --events when it holds fewer)")
    parser.add_argument("--postgres", help="a PostgreSQL URL: also measure there (in a private schema)")
    parser.add_argument("--no-sqlite", action="store_true", help="PostgreSQL only")
    parser.add_argument("--keep", action="store_true", help="keep the PostgreSQL schema")
    parser.add_argument(
        "--schema", help="the PostgreSQL schema to fill or reuse (with --keep: measure again later)"
    )
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--days", type=int, default=3 * 365)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    report: dict[str, Any] = {"started": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "results": {}}
    with tempfile.TemporaryDirectory() as tmp:
        if not args.no_sqlite:
            db = args.db or str(Path(tmp) / "scale.db")
            report["results"]["sqlite"] = measure(
                db, events=args.events, days=args.days, queries=args.queries
            )
            if not args.json:
                print(f"sqlite: {json.dumps(report['results']['sqlite'])}", flush=True)
        if args.postgres:
            with postgres_schema(args.postgres, keep=args.keep, schema=args.schema) as url:
                figures = measure(url, events=args.events, days=args.days, queries=args.queries)
            report["results"]["postgresql"] = figures
            if not args.json:
                print(f"postgresql: {json.dumps(figures)}", flush=True)
    if args.json:
        print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
