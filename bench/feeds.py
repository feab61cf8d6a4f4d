"""Read the development feeds (../shared/data/corpus/feeds) through the real fetch path and the watcher.

    .venv/bin/python bench/feeds.py [--corpus ../shared/data/corpus/feeds]

The files are served by a loopback HTTP server started here (nothing is copied into the repository);
each is fetched as a URL through `read_inputs` (summaries as Documents) and polled once by a Watcher
(summaries only: the article links point to the public web, which is never contacted). Prints, per
feed, the entries read, documents, rejections and the reason a feed was refused.
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import threading
from collections import Counter
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from flashpoint import open_store
from flashpoint.ingest import read_inputs
from flashpoint.ingest.fetch import Fetcher
from flashpoint.pipeline import Pipeline
from flashpoint.records import Document
from flashpoint.settings import Settings
from flashpoint.watch import Watcher


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *_args: object) -> None:
        return


def main() -> None:
    here = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=here.parent / "shared" / "data" / "corpus" / "feeds")
    args = parser.parse_args()
    files = sorted(p for p in args.corpus.iterdir() if p.suffix in (".rss", ".atom", ".xml"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(args.corpus)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    totals: Counter[str] = Counter()
    print(f"{'feed':48} {'docs':>5} {'rejected':>8}  reasons")
    for path in files:
        items = list(read_inputs([f"{base}/{path.name}"], settings=Settings(allow_private_urls=True)))
        docs = sum(isinstance(i, Document) for i in items)
        reasons = Counter(i.reason for i in items if not isinstance(i, Document))
        totals["docs"] += docs
        totals["rejected"] += len(items) - docs
        print(f"{path.name:48} {docs:>5} {len(items) - docs:>8}  {dict(reasons) or ''}")
    with tempfile.TemporaryDirectory() as tmp, Fetcher(allow_private=True) as fetcher:
        store = open_store(str(Path(tmp) / "feeds.db"))
        watcher = Watcher(store=store, pipeline=Pipeline([]), fetcher=fetcher, fetch_articles=False)
        watcher.add_feeds(f"{base}/{p.name}" for p in files)
        cycle = watcher.cycle()
        again = watcher.cycle()  # nothing is due: next poll is in 10 minutes
        watcher.clock = lambda: dt.datetime.now(dt.UTC) + dt.timedelta(hours=1)
        third = watcher.cycle()
        print(
            f"\nwatch: {cycle.added} added, {cycle.rejected} rejected, "
            f"{sum(r.status == 'failed' for r in cycle.feeds)} feed(s) failed "
            f"{[r.error for r in cycle.feeds if r.status == 'failed']}; "
            f"second cycle polled {len(again.feeds)} feed(s); an hour later {third.added} added, "
            f"{sum(r.present for r in third.feeds)} already seen, "
            f"{sum(r.status == 'not modified' for r in third.feeds)} not modified (304)"
        )
        store.close()
    server.shutdown()
    print(f"read_inputs: {totals['docs']} documents, {totals['rejected']} rejections over {len(files)} feeds")


if __name__ == "__main__":
    main()
