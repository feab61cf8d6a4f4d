"""Latency of /api/events with a bounding box and a 30-day window over N synthetic events in SQLite.

    .venv/bin/python bench/api_latency.py --events 1000000          # the target size
    .venv/bin/python bench/api_latency.py --events 100000 --queries 200

Events are written straight into the store's tables (one document, sentence and report per event) so
that building a large database takes seconds per 100k rather than running the pipeline.  Queries go
through the real app in-process (FastAPI TestClient): routing, validation, SQL, JSON rendering.
Prints p50/p95/max in milliseconds and the mean number of events returned.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import insert

from flashpoint import open_store
from flashpoint.api import create_app
from flashpoint.settings import Settings
from flashpoint.store import Store
from flashpoint.store import schema as t

TYPES = ("ASSAULT", "COERCE", "PROTEST", "THREATEN", "CONSULT", "AID", "ACCUSE", "MOBILIZE")
COUNTRIES = ("SYR", "TUR", "IRQ", "UKR", "RUS", "ISR", "LBN", "YEM", "SDN", "MLI")
START = dt.date(2024, 1, 1)
DAYS = 730


def fill(store: Store, n: int, *, seed: int, chunk: int = 20_000) -> None:
    """Write `n` synthetic events, each with its own document, sentence and report."""
    rng = random.Random(seed)
    now = dt.datetime.now(dt.UTC)
    for base in range(0, n, chunk):
        docs, sents, events, reports = [], [], [], []
        for i in range(base, min(n, base + chunk)):
            doc_id = f"doc_{i:016x}"
            event_id = f"ev_{i:016x}"
            text = f"Synthetic report number {i} of an incident."
            lat, lon = rng.uniform(-55, 70), rng.uniform(-170, 170)
            docs.append(
                {
                    "id": doc_id,
                    "ref": doc_id,
                    "hash": f"{i:064x}",
                    "format": "text",
                    "text": text,
                    "ingested_at": now,
                    "publisher": "Bench Wire",
                }
            )
            sents.append({"document_id": doc_id, "index": 0, "start": 0, "end": len(text), "text": text})
            events.append(
                {
                    "id": event_id,
                    "type": rng.choice(TYPES),
                    "actor_country": rng.choice(COUNTRIES),
                    "actor_sector": "MIL",
                    "negated": False,
                    "aux_modes": "",
                    "happened": True,
                    "lat": lat,
                    "lon": lon,
                    "precision": rng.choice((1, 2, 3)),
                    "place_name": f"P{i % 5000}",
                    "place_country": rng.choice(COUNTRIES),
                    "quad_class": rng.choice((1, 2, 3, 4)),
                    "date": START + dt.timedelta(days=rng.randrange(DAYS)),
                    "date_precision": "day",
                }
            )
            reports.append(
                {
                    "event_id": event_id,
                    "document_id": doc_id,
                    "sentence": 0,
                    "trigger_start": 0,
                    "trigger_end": 9,
                    "trigger": "Synthetic",
                }
            )
        with store.engine.begin() as conn:
            conn.execute(insert(t.documents), docs)
            conn.execute(insert(t.sentences), sents)
            conn.execute(insert(t.events), events)
            conn.execute(insert(t.reports), reports)
        print(f"  wrote {min(n, base + chunk):,} events", end="\r", flush=True)
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000, help="synthetic events (default 1,000,000)")
    parser.add_argument("--queries", type=int, default=200, help="timed requests")
    parser.add_argument("--box", type=float, default=10.0, help="bbox side in degrees")
    parser.add_argument("--limit", type=int, default=100, help="page size")
    parser.add_argument("--db", type=Path, help="reuse or create this SQLite file instead of a temp one")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    folder = tempfile.TemporaryDirectory()
    db = args.db or Path(folder.name) / "bench.db"
    fresh = not db.exists()
    store = open_store(str(db))
    if fresh:
        started = time.perf_counter()
        fill(store, args.events, seed=args.seed)
        print(f"filled {args.events:,} events in {time.perf_counter() - started:.1f} s")
    rng = random.Random(args.seed + 1)
    timings: list[float] = []
    returned: list[int] = []
    with TestClient(create_app(Settings(db=str(db)), store=store)) as client:
        client.get("/api/events", params={"limit": 1})  # warm the connection pool and caches
        for _ in range(args.queries):
            west, south = rng.uniform(-170, 170 - args.box), rng.uniform(-55, 70 - args.box)
            since = START + dt.timedelta(days=rng.randrange(DAYS - 30))
            params = {
                "bbox": f"{west},{south},{west + args.box},{south + args.box}",
                "since": since.isoformat(),
                "until": (since + dt.timedelta(days=29)).isoformat(),
                "limit": str(args.limit),
            }
            started = time.perf_counter()
            response = client.get("/api/events", params=params)
            timings.append((time.perf_counter() - started) * 1000)
            response.raise_for_status()
            returned.append(response.json()["count"])
    timings.sort()
    p95 = timings[min(len(timings) - 1, int(0.95 * len(timings)))]
    print(
        f"/api/events bbox {args.box}° x 30 days over {store.stats().events:,} events, {args.queries} queries: "
        f"p50 {statistics.median(timings):.1f} ms, p95 {p95:.1f} ms, max {timings[-1]:.1f} ms, "
        f"mean {statistics.fmean(returned):.1f} events returned"
    )
    store.close()
    folder.cleanup()


if __name__ == "__main__":
    main()
