"""Native load test: `ab` (apache2-utils) against `flashpoint serve --workers N` while documents are stored.

    scripts/install-load.sh                                   # Debian's ab and wrk
    .venv/bin/python bench/load_native.py --db dev.db --workers 2 --seconds 15
    .venv/bin/python bench/load_native.py --db postgresql+psycopg://…/db --workers 2
    .venv/bin/python bench/load_native.py --db dev.db --conditional   # clients send If-None-Match

Starts the server (its own process group, stopped at the end), a writer thread storing one small
synthetic document every --write-every seconds into the same database, and runs, one after the other,
`ab -k -c CONCURRENCY -t SECONDS` on the map's reads: `/api/events` with a bounding box and a 30-day
window as GeoJSON, `/api/flashpoints` and `/api/stats`.  With --conditional each request carries the
ETag of a first answer (what a browser sends when it revalidates; answers stay 304 until a write).
Prints, per route, ab's command line, requests per second, failed and non-2xx requests, the 95th
percentile latency, and the documents stored during the run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid

import httpx

from flashpoint.records import Document, Sentence, content_hash
from flashpoint.store import Store


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _writer(db: str, every: float, stop: threading.Event, stored: list[int]) -> None:
    with Store.open(db) as store:
        while not stop.is_set():
            text = f"Load test note {uuid.uuid4().hex}: nothing happened here today."
            doc = Document(
                id=f"load-{uuid.uuid4().hex[:12]}", text=text, hash=content_hash(text),
                published=dt.date.today(), sentences=(Sentence(0, 0, len(text), text),),
            )  # fmt: skip
            if store.add(doc):
                stored[0] += 1
            stop.wait(every)


def _ab(url: str, *, seconds: int, concurrency: int, headers: list[str]) -> dict[str, str]:
    command = ["ab", "-k", "-q", "-c", str(concurrency), "-t", str(seconds), "-n", "10000000"]
    for header in headers:
        command += ["-H", header]
    command.append(url)
    out = subprocess.run(command, capture_output=True, text=True, check=False).stdout

    def grab(pattern: str) -> str:
        found = re.search(pattern, out, re.MULTILINE)
        return found.group(1) if found else "-"

    return {
        "command": " ".join(command),
        "rps": grab(r"^Requests per second:\s+([\d.]+)"),
        "complete": grab(r"^Complete requests:\s+(\d+)"),
        "failed": grab(r"^Failed requests:\s+(\d+)"),
        "non2xx": grab(r"^Non-2xx responses:\s+(\d+)") if "Non-2xx" in out else "0",
        "p95_ms": grab(r"^\s+95%\s+(\d+)"),
    }


def main() -> int:
    """Run the load test and print its figures; return 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="a SQLite path or a PostgreSQL URL (a filled store)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--write-every", type=float, default=0.5, help="seconds between stored documents")
    parser.add_argument("--conditional", action="store_true", help="send If-None-Match (revalidation)")
    args = parser.parse_args()
    with Store.open(args.db) as store:
        _first, last = store.day_range()
    until = last or dt.date.today()
    since = until - dt.timedelta(days=29)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    routes = [
        f"/api/events?bbox=30,30,45,40&since={since}&until={until}&format=geojson&limit=500",
        "/api/flashpoints",
        "/api/stats",
    ]
    server = subprocess.Popen(
        [sys.executable, "-m", "flashpoint.cli", "--db", args.db, "serve", "--workers", str(args.workers),
         "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    stop, stored = threading.Event(), [0]
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                httpx.get(base + "/healthz", timeout=5).raise_for_status()
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("the server did not start") from None
                time.sleep(0.5)
        for route in routes:  # warm each worker's caches a little
            httpx.get(base + route, timeout=60)
        writer = threading.Thread(target=_writer, args=(args.db, args.write_every, stop, stored), daemon=True)
        writer.start()
        print(f"db {args.db}, {args.workers} workers, {args.concurrency} clients, {args.seconds} s per route, "
              f"one document stored every {args.write_every} s, conditional={args.conditional}")  # fmt: skip
        for route in routes:
            headers = []
            if args.conditional:
                headers = [f"If-None-Match: {httpx.get(base + route, timeout=60).headers.get('etag', '')}"]
            before = stored[0]
            result = _ab(base + route, seconds=args.seconds, concurrency=args.concurrency, headers=headers)
            print(f"{route}\n  {result['command']}\n  {result['rps']} requests/s, {result['complete']} complete, "
                  f"{result['failed']} failed, {result['non2xx']} non-2xx, p95 {result['p95_ms']} ms, "
                  f"{stored[0] - before} documents stored meanwhile")  # fmt: skip
    finally:
        stop.set()
        os.killpg(server.pid, signal.SIGTERM)  # the server and the workers it started
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
