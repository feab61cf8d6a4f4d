"""Loopback load test: the API serving reads while `watch` ingests from feeds that keep growing.

    .venv/bin/python bench/load.py                          # SQLite, 20 s
    .venv/bin/python bench/load.py --seconds 30 --clients 8
    FLASHPOINT_TEST_PG_URL=postgresql+psycopg://… .venv/bin/python bench/load.py --postgres

Everything runs on 127.0.0.1 and stops by itself: a feed server (--feeds feeds, each gaining an item
every --rate seconds, articles served as HTML), the API (uvicorn, `create_app`) on the same database,
a Watcher polling every second, and --clients threads reading /api/events, /api/stats and
/api/events/{id} as fast as they can for --seconds. The pipeline is a light test pipeline (a sentence
and an event per paragraph) so the writer is write-bound like the real one after parsing; pass
--full-pipeline for the spaCy pipeline. Prints requests/s, errors, latency percentiles and documents
ingested during the window.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import tempfile
import threading
import time
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import uvicorn

from flashpoint import open_store
from flashpoint.api import create_app
from flashpoint.ingest.fetch import Fetcher
from flashpoint.pipeline import Pipeline, load_pipeline
from flashpoint.records import Document, Event, Sentence
from flashpoint.settings import Settings
from flashpoint.watch import Watcher

PLACES = ("ridge", "harbour", "depot", "bridge", "market", "checkpoint", "clinic", "school")


class ParagraphEvents:
    """A light stage: one sentence and one ASSAULT event per paragraph."""

    name = "paragraph-events"
    requires: frozenset[str] = frozenset()
    provides = frozenset({"sentences", "events"})

    def __call__(self, doc: Document) -> Document:
        sentences, events, pos = [], [], 0
        for i, para in enumerate(doc.text.split("\n\n")):
            start = doc.text.index(para, pos)
            pos = start + len(para)
            sentences.append(Sentence(i, start, pos, para))
            cut = para.find(" ") if " " in para else len(para)
            events.append(
                Event(
                    type="ASSAULT",
                    sentence=i,
                    trigger_start=start,
                    trigger_end=start + cut,
                    trigger=para[:cut],
                )
            )
        return replace(doc, sentences=tuple(sentences), events=tuple(events))

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            yield self(doc)


def feed_server(feeds: int, rate: float, started: float) -> ThreadingHTTPServer:
    """Return a running server: /feed/N.rss grows by one item every `rate` seconds; /art/N/M is a page."""

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_args: object) -> None:
            return

        def do_GET(self) -> None:
            parts = self.path.strip("/").split("/")
            if parts[0] == "feed":
                feed = int(parts[1].split(".")[0])
                count = 1 + int((time.monotonic() - started) / rate)
                body = _rss(feed, count, self.server.server_address[1]).encode()  # type: ignore[index]
                kind = "application/rss+xml"
            elif parts[0] == "art":
                body = _article(int(parts[1]), int(parts[2])).encode()
                kind = "text/html; charset=utf-8"
            else:
                self.send_response(404)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def _rss(feed: int, count: int, port: int) -> str:
    items = "".join(
        f"<item><guid>f{feed}-{n}</guid><title>Update {feed}-{n}</title>"
        f"<link>http://127.0.0.1:{port}/art/{feed}/{n}</link><description>Summary {feed}-{n}.</description></item>"
        for n in range(max(0, count - 30), count)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Load {feed}</title>{items}</channel></rss>'
    )


def _article(feed: int, n: int) -> str:
    place = PLACES[(feed + n) % len(PLACES)]
    paragraphs = "".join(
        f"<p>Shelling struck the {place} in sector {feed}-{n}-{k} overnight, officials in the region said on Monday.</p>"
        for k in range(3)
    )
    return f"<html><head><title>Update {feed}-{n}</title></head><body><article><h1>Update {feed}-{n}</h1>{paragraphs}</article></body></html>"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def reader(base: str, stop: threading.Event, latencies: list[float], errors: list[str]) -> None:
    """Read the API in a loop until `stop`: events, stats, and one event's detail."""
    with httpx.Client(base_url=base, timeout=10) as client:
        n = 0
        while not stop.is_set():
            n += 1
            path = ("/api/events?limit=50", "/api/stats", "/api/events?limit=5")[n % 3]
            t0 = time.perf_counter()
            try:
                response = client.get(path)
                if response.status_code != 200:
                    errors.append(f"{path}: HTTP {response.status_code}")
                elif path.endswith("limit=5"):
                    body = response.json()
                    rows = body.get("events", body) if isinstance(body, dict) else body
                    if rows:
                        first = rows[0] if isinstance(rows, list) else None
                        if isinstance(first, dict) and "id" in first:
                            detail = client.get(f"/api/events/{first['id']}")
                            if detail.status_code != 200:
                                errors.append(f"detail: HTTP {detail.status_code}")
            except httpx.HTTPError as exc:
                errors.append(f"{path}: {type(exc).__name__}")
            latencies.append(time.perf_counter() - t0)


def run(url: str, args: argparse.Namespace) -> dict[str, Any]:
    """Return the figures of one bounded load run on the database at `url`."""
    settings = Settings(db=url)
    store = open_store(url)
    started = time.monotonic()
    feeds = feed_server(args.feeds, args.rate, started)
    feed_port = feeds.server_address[1]
    pipeline = load_pipeline(settings) if args.full_pipeline else Pipeline([ParagraphEvents()])
    fetcher = Fetcher(allow_private=True, timeout=5)
    watcher = Watcher(store=store, pipeline=pipeline, fetcher=fetcher, every=dt_seconds(1))
    watcher.add_feeds(f"http://127.0.0.1:{feed_port}/feed/{i}.rss" for i in range(args.feeds))
    watch_thread = threading.Thread(target=watcher.run, daemon=True)

    api_store = open_store(url)
    app = create_app(settings, store=api_store)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    api_thread = threading.Thread(target=server.run, daemon=True)
    api_thread.start()
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.1)

    docs_before = store.stats().documents
    watch_thread.start()
    stop = threading.Event()
    latencies: list[float] = []
    errors: list[str] = []
    clients = [
        threading.Thread(target=reader, args=(base, stop, latencies, errors), daemon=True)
        for _ in range(args.clients)
    ]
    t0 = time.perf_counter()
    for thread in clients:
        thread.start()
    time.sleep(args.seconds)
    stop.set()
    for thread in clients:
        thread.join(timeout=15)
    elapsed = time.perf_counter() - t0
    watcher.stop.set()
    watch_thread.join(timeout=30)
    docs_after = store.stats().documents
    rejections = len(store.rejections())
    server.should_exit = True
    api_thread.join(timeout=10)
    feeds.shutdown()
    fetcher.close()
    store.close()
    api_store.close()
    ordered = sorted(latencies)
    return {
        "requests": len(latencies),
        "requests_per_s": round(len(latencies) / elapsed, 1),
        "errors": len(errors),
        "first_errors": errors[:3],
        "p50_ms": round(statistics.median(ordered) * 1000, 1) if ordered else None,
        "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))] * 1000, 1) if ordered else None,
        "max_ms": round(ordered[-1] * 1000, 1) if ordered else None,
        "documents_ingested": docs_after - docs_before,
        "documents_per_s": round((docs_after - docs_before) / elapsed, 1),
        "rejections": rejections,
    }


def dt_seconds(seconds: float) -> Any:
    import datetime as dt

    return dt.timedelta(seconds=seconds)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--feeds", type=int, default=4)
    parser.add_argument("--rate", type=float, default=0.2, help="seconds between new items in each feed")
    parser.add_argument("--postgres", action="store_true", help="also run on FLASHPOINT_TEST_PG_URL")
    parser.add_argument("--full-pipeline", action="store_true", help="the spaCy pipeline, not the light one")
    args = parser.parse_args()
    args.seconds = min(args.seconds, 300.0)  # bounded, whatever is asked

    with tempfile.TemporaryDirectory() as tmp:
        targets = [("sqlite", str(Path(tmp) / "load.db"))]
        pg = os.environ.get("FLASHPOINT_TEST_PG_URL")
        if args.postgres and pg:
            from sqlalchemy import create_engine, text

            schema = f"fp_load_{uuid.uuid4().hex[:8]}"
            admin = create_engine(pg)
            with admin.begin() as conn:
                conn.execute(text(f"CREATE SCHEMA {schema}"))
            sep = "&" if "?" in pg else "?"
            targets.append(("postgresql", f"{pg}{sep}options=-csearch_path%3D{schema}"))
        elif args.postgres:
            print("--postgres: FLASHPOINT_TEST_PG_URL is not set; SQLite only")
        for name, url in targets:
            result = run(url, args)
            print(f"{name}: {result}", flush=True)
        if len(targets) > 1:
            with admin.begin() as conn:
                conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))


if __name__ == "__main__":
    main()
