"""Native load test: `wrk` against `flashpoint serve --workers N` on SQLite and PostgreSQL while an ingest runs.

    bash scripts/install-load.sh                              # Debian's wrk and ab
    .venv/bin/python bench/load_native.py                     # SQLite: a synthetic store of 1000 events
    .venv/bin/python bench/load_native.py --postgres "$(bash scripts/start-postgres.sh)"
    .venv/bin/python bench/load_native.py --db dev.db         # an existing store (documents are added to it)
    .venv/bin/python bench/load_native.py --conditional       # clients revalidate with If-None-Match

For each database: builds a synthetic store (`bench/synthetic.py`; PostgreSQL in a private schema, dropped
at the end) unless --db names one, starts the server (its own process group, stopped at the end), warms
each route, then starts an ingest (a thread storing one synthetic two-event document every --write-every
seconds through `Store.add`, corroboration included) and runs `wrk` for --seconds on each of the map's
reads: `/api/events` with a bounding box and the last 30 days as GeoJSON, `/api/flashpoints`, `/api/stats`,
and then on the three together (`mixed`, round robin).  Clients send `Accept-Encoding: gzip` as browsers do.

Prints, per run: wrk's command line, requests per second, errors (connect, read, write, timeout, HTTP
status >= 400), p50 and p95 latency, the documents stored during the run, and the server's CPU time per
request (user + system time of the server and its workers over the run, divided by the requests: a
figure that holds on a busy machine, where requests per second do not).  --json prints one JSON object.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synthetic

from flashpoint import open_store

_CLOCK = os.sysconf("SC_CLK_TCK")
_DONE = r"""
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("FLASHPOINT %d %d %d %d %d %d %d %.3f %.3f\n", summary.requests, summary.duration,
    e.connect, e.read, e.write, e.status, e.timeout, latency:percentile(50) / 1000, latency:percentile(95) / 1000))
end
"""
_ROUND_ROBIN = r"""
local paths = {%s}
local headers = {%s}
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n %% #paths) + 1], headers)
end
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def process_tree_cpu(root: int) -> float:
    """Return the user + system CPU seconds of process `root` and its descendants (Linux /proc)."""
    children: dict[int, list[int]] = {}
    stats: dict[int, float] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            raw = (entry / "stat").read_text()
        except OSError:
            continue
        fields = raw[raw.rindex(")") + 2 :].split()
        pid, ppid = int(entry.name), int(fields[1])
        children.setdefault(ppid, []).append(pid)
        stats[pid] = (int(fields[11]) + int(fields[12])) / _CLOCK  # utime, stime
    total, todo = 0.0, [root]
    while todo:
        pid = todo.pop()
        total += stats.get(pid, 0.0)
        todo.extend(children.get(pid, ()))
    return total


class Ingest:
    """A thread storing one synthetic document every `every` seconds through `Store.add`."""

    def __init__(self, db: str, every: float) -> None:
        self.db, self.every = db, every
        self.stored = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        with open_store(self.db) as store:
            index = 10_000_000 + int(time.time() * 1000) % 1_000_000 * 100
            while not self.stop.is_set():
                index += 1
                if store.add(synthetic.document(index, day=synthetic.END, seed=11, per_doc=2)):
                    self.stored += 1
                self.stop.wait(self.every)

    def __enter__(self) -> Ingest:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join(timeout=60)


def wrk(
    base: str, paths: list[str], *, seconds: int, connections: int, headers: dict[str, str], folder: Path
) -> dict[str, Any]:
    """Return wrk's figures for `paths` (one path, or round robin over several) on `base`."""
    script = folder / f"wrk-{uuid.uuid4().hex[:8]}.lua"
    lua = _DONE
    if len(paths) > 1:
        quoted = ", ".join(json.dumps(p) for p in paths)
        pairs = ", ".join(f"[{json.dumps(k)}] = {json.dumps(v)}" for k, v in headers.items())
        lua = _ROUND_ROBIN % (quoted, pairs) + lua
    script.write_text(lua)
    command = [
        "wrk",
        "-t",
        "2",
        "-c",
        str(connections),
        "-d",
        f"{seconds}s",
        "--timeout",
        "10s",
        "-s",
        str(script),
    ]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    command.append(base + paths[0])
    out = subprocess.run(command, capture_output=True, text=True, check=False, timeout=seconds + 60).stdout
    found = re.search(r"^FLASHPOINT (.+)$", out, re.MULTILINE)
    if found is None:
        raise SystemExit(f"wrk printed no figures:\n{out}")
    requests, micros, connect, read, write, status, timeout, p50, p95 = found.group(1).split()
    duration = int(micros) / 1e6
    return {
        "command": shlex.join(command),
        "requests": int(requests),
        "requests_per_s": round(int(requests) / duration, 1),
        "errors": sum(int(x) for x in (connect, read, write, status, timeout)),
        "error_kinds": {
            "connect": int(connect),
            "read": int(read),
            "write": int(write),
            "status": int(status),
            "timeout": int(timeout),
        },
        "p50_ms": float(p50),
        "p95_ms": float(p95),
        "lua": lua,
    }


@contextmanager
def server(db: str, *, workers: int) -> Iterator[tuple[str, int]]:
    """Run `flashpoint serve --workers N` on `db`; yield its base URL and process id."""
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "flashpoint.cli", "--db", db, "serve", "--workers", str(workers),
         "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                httpx.get(base + "/healthz", timeout=5).raise_for_status()
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise SystemExit("the server did not start") from None
                time.sleep(0.5)
        yield base, process.pid
    finally:
        os.killpg(process.pid, signal.SIGTERM)  # the server and the workers it started
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def warm(url: str, *, headers: dict[str, str], workers: int, rounds: int = 20) -> None:
    """Ask `url` on many connections at once until a round answers fast: every worker has computed it.

    Which worker accepts a connection is the kernel's choice; a round of concurrent new connections
    reaches them all sooner or later, and a worker that had not computed the answer makes its round slow.
    """

    def one() -> float:
        started = time.perf_counter()
        httpx.get(url, headers=headers, timeout=900).raise_for_status()
        return time.perf_counter() - started

    for _ in range(rounds):
        with ThreadPoolExecutor(max_workers=4 * workers) as pool:
            slowest = max(pool.map(lambda _i: one(), range(8 * workers)))
        if slowest < 1.0:
            return


def routes(db: str) -> dict[str, str]:
    """Return the map's reads on `db`: the bbox read covers the 30 days ending on the latest event day."""
    with open_store(db) as store:
        _first, last = store.day_range()
    until = last or dt.date.today()
    since = until - dt.timedelta(days=29)
    return {
        "events_bbox_30d": f"/api/events?bbox=30,30,45,40&since={since}&until={until}&format=geojson&limit=500",
        "flashpoints": "/api/flashpoints",
        "stats": "/api/stats",
    }


def measure(db: str, args: argparse.Namespace, folder: Path) -> dict[str, Any]:
    """Return the figures of every run on `db`."""
    paths = routes(db)
    headers = {"Accept-Encoding": "gzip"}
    runs: dict[str, Any] = {}
    with server(db, workers=args.workers) as (base, pid):
        for path in paths.values():
            warm(base + path, headers=headers, workers=args.workers)
        plan = [(name, [path]) for name, path in paths.items()] + [("mixed", list(paths.values()))]
        with Ingest(db, args.write_every) as ingest:
            for name, run_paths in plan:
                asked = dict(headers)
                if args.conditional and len(run_paths) == 1:
                    asked["If-None-Match"] = httpx.get(base + run_paths[0], headers=headers).headers["etag"]
                stored, cpu = ingest.stored, process_tree_cpu(pid)
                result = wrk(base, run_paths, seconds=args.seconds, connections=args.connections,
                             headers=asked, folder=folder)  # fmt: skip
                cpu = process_tree_cpu(pid) - cpu
                result["documents_ingested"] = ingest.stored - stored
                result["server_cpu_ms_per_request"] = round(1000 * cpu / max(1, result["requests"]), 3)
                runs[name] = result
    return {"db": db.split("?")[0] if "://" in db else "sqlite", "workers": args.workers, "runs": runs}


@contextmanager
def database(kind: str, args: argparse.Namespace, folder: Path) -> Iterator[str]:
    """Yield the URL of the store to load: a filled synthetic one unless --db names one."""
    if kind == "sqlite" and args.db:
        yield args.db
        return
    if kind == "sqlite":
        url = str(folder / "load.db")
        with open_store(url) as store:
            synthetic.fill(store, events=args.events, days=args.days)
        yield url
        return
    from sqlalchemy import create_engine, text

    schema = f"fp_load_{uuid.uuid4().hex[:8]}"
    admin = create_engine(args.postgres)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    url = f"{args.postgres}{'&' if '?' in args.postgres else '?'}options=-csearch_path%3D{schema}"
    try:
        with open_store(url) as store:
            synthetic.fill(store, events=args.events, days=args.days)
        yield url
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


def main() -> int:
    """Run the load test on SQLite (and PostgreSQL with --postgres) and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="an existing SQLite store to load instead of a synthetic one")
    parser.add_argument("--postgres", help="a PostgreSQL URL: also run there (in a private schema)")
    parser.add_argument("--no-sqlite", action="store_true", help="PostgreSQL only")
    parser.add_argument("--events", type=int, default=1000, help="events in the synthetic store")
    parser.add_argument("--days", type=int, default=45, help="days the synthetic events span")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seconds", type=int, default=15, help="seconds per wrk run (at most 120)")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--write-every", type=float, default=0.5, help="seconds between stored documents")
    parser.add_argument("--conditional", action="store_true", help="send If-None-Match (revalidation)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    args.seconds = max(1, min(args.seconds, 120))  # bounded, whatever is asked
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: run scripts/install-load.sh")
    kinds = ([] if args.no_sqlite else ["sqlite"]) + (["postgresql"] if args.postgres else [])
    report: dict[str, Any] = {
        "started": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "load_average": os.getloadavg()[0],
        "cores": os.cpu_count(),
        "write_every_s": args.write_every,
        "conditional": args.conditional,
        "results": [],
    }
    with tempfile.TemporaryDirectory() as tmp:
        for kind in kinds:
            with database(kind, args, Path(tmp)) as db:
                result = measure(db, args, Path(tmp))
            result["db"] = kind
            report["results"].append(result)
            if not args.json:
                _print(result, args)
    if args.json:
        for result in report["results"]:
            for run in result["runs"].values():
                run.pop("lua", None)
        print(json.dumps(report, indent=2))
    return 0


def _print(result: dict[str, Any], args: argparse.Namespace) -> None:
    print(f"{result['db']}: {args.workers} workers, {args.connections} connections, {args.seconds} s per run, "
          f"one document stored every {args.write_every} s, conditional={args.conditional}, "
          f"load average {os.getloadavg()[0]:.1f}")  # fmt: skip
    for name, run in result["runs"].items():
        print(f"  {name}: {run['requests_per_s']} requests/s, {run['errors']} errors, p50 {run['p50_ms']} ms, "
              f"p95 {run['p95_ms']} ms, {run['server_cpu_ms_per_request']} server CPU ms/request, "
              f"{run['documents_ingested']} documents ingested\n    {run['command']}")  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
