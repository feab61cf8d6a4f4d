"""Check a situation brief against `flashpoint events` and `flashpoint flashpoints` on the same window.

    .venv/bin/python bench/brief_check.py --db dev.db --since 2018-01-01 --until 2018-01-31

Builds the brief (`flashpoint.brief.build_brief`), runs the two commands through click with the same
window, and prints what each lists and whether they match (events by id, flashpoints by id, sources by
outlet), the size of the md and html renderings and how long the brief took. Exits 1 on a mismatch.
The database is any store, e.g. the seed article, `examples/` and 200 FA-KES articles from
`../shared/data` ingested with `flashpoint ingest`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time

from click.testing import CliRunner

from flashpoint import open_store
from flashpoint.brief import build_brief, render_brief
from flashpoint.cli import cli


def _cli(db: str, *args: str) -> list[dict[str, object]]:
    result = CliRunner().invoke(cli, ["--db", db, *args])
    if result.exit_code != 0:
        raise SystemExit(result.output)
    data: list[dict[str, object]] = json.loads(result.output)
    return data


def main() -> int:
    """Return 0 when the brief matches the commands, 1 otherwise (and print the comparison)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--since", type=dt.date.fromisoformat, required=True)
    parser.add_argument("--until", type=dt.date.fromisoformat, required=True)
    args = parser.parse_args()
    with open_store(args.db) as store:
        started = time.perf_counter()
        brief = build_brief(store, since=args.since, until=args.until)
        md, html = render_brief(brief, format="md"), render_brief(brief, format="html")
        took = time.perf_counter() - started
    window = ["--since", args.since.isoformat()]
    events = _cli(args.db, "events", *window, "--until", args.until.isoformat(), "--format", "json")
    flashpoints = _cli(args.db, "flashpoints", *window, "--as-of", args.until.isoformat(), "--format", "json")
    checks = {
        "events": [e.id for e in brief.events] == [e["id"] for e in events],
        "flashpoints": [f.id for f in brief.flashpoints] == [f["id"] for f in flashpoints],
        "sources": set(brief.sources) == {e["outlet"] for e in events if e["outlet"]},
    }
    print(f"window {args.since}..{args.until}: {len(brief.events)} events, {len(brief.flashpoints)} flashpoints, "
          f"{len(brief.contested)} contested, {len(brief.sources)} sources")  # fmt: skip
    for fp in brief.flashpoints:
        print(
            f"  {fp.actors[0]}-{fp.actors[1]} near {fp.place_name} ({fp.severity}, {fp.trend}) as of {fp.as_of}"
        )
    print(f"md {len(md):,} chars, html {len(html):,} chars, built and rendered in {took:.2f} s")
    for name, ok in checks.items():
        print(f"{name}: {'match' if ok else 'MISMATCH'}")
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
