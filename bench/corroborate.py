"""Cost of incremental corroboration: milliseconds per `Store.add` as the store grows.

    .venv/bin/python bench/corroborate.py --docs 8000 --step 1000
    .venv/bin/python bench/corroborate.py --docs 4000 --copies 0.3   # 30% near-duplicate re-posts

Each synthetic document has ~150 random words and three events (random type among six, one of 40 places,
one of 8 countries, dated within a week of the document's day: news arrives at `--per-day` documents a day), so clustering and the MinHash/LSH lookup both have work to do.  A
share of documents (`--copies`) are lightly edited copies of an earlier one under another outlet.  For
each slice of `--step` documents the script prints the mean ms per document, the events (clusters) and
reports so far, and the distinct origins: flat ms/doc means a new document costs the same however
much is stored (no reprocessing).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, select

from flashpoint import open_store
from flashpoint.records import Actor, Document, Event, Place, PlaceMention, Sentence, content_hash
from flashpoint.store import schema as t

TYPES = ("ASSAULT", "MOBILIZE", "THREATEN", "ACCUSE", "CONSULT", "PROTEST")
COUNTRIES = ("SYR", "TUR", "IRQ", "IRN", "ISR", "LBN", "RUS", "USA")
START = dt.date(2024, 1, 1)


def _vocabulary(rng: random.Random) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    return ["".join(rng.choice(letters) for _ in range(rng.randint(3, 9))) for _ in range(5000)]


def _document(
    i: int,
    rng: random.Random,
    words: list[str],
    places: list[Place],
    earlier: list[str],
    copies: float,
    per_day: int,
) -> Document:
    if earlier and rng.random() < copies:
        body = rng.choice(earlier).split()
        for _ in range(5):
            body[rng.randrange(len(body))] = rng.choice(words)
        text = " ".join(body)
        outlet = f"copier {rng.randrange(20)}"
    else:
        text = " ".join(rng.choice(words) for _ in range(150))
        outlet = f"outlet {rng.randrange(50)}"
    earlier.append(text)
    events = []
    for k in range(3):
        place = rng.choice(places)
        at = k * 10
        events.append(
            Event(
                type=rng.choice(TYPES),
                sentence=0,
                trigger_start=at,
                trigger_end=at + 3,
                trigger=text[at : at + 3],
                actor=Actor(rng.choice(COUNTRIES), "MIL"),
                recipient=Actor(rng.choice(COUNTRIES), None),
                place=PlaceMention(0, 3, place.name, place, precision=1, sentence=0),
                date=START + dt.timedelta(days=i // per_day - rng.randrange(7)),
                goldstein=-5.0,
            )
        )
    return Document(
        id=f"bench-{i}",
        text=text,
        publisher=outlet,
        hash=content_hash(text),
        sentences=(Sentence(index=0, start=0, end=len(text), text=text),),
        events=tuple(events),
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=4000)
    parser.add_argument("--step", type=int, default=500)
    parser.add_argument("--copies", type=float, default=0.2)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--per-day", type=int, default=20, help="documents a day in the stream")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    words = _vocabulary(rng)
    places = [
        Place(
            id=f"fp:p{i}", name=f"P{i}", lat=32 + rng.random() * 6, lon=35 + rng.random() * 8, country="SYR"
        )
        for i in range(40)
    ]
    earlier: list[str] = []
    earlier_limit = 2000  # copies are made of recent articles, as syndication does
    with tempfile.TemporaryDirectory() as folder, open_store(str(Path(folder) / "bench.db")) as store:
        print(f"{'docs':>6} {'ms/doc':>8} {'events':>7} {'reports':>8} {'origins':>8}")
        for base in range(0, args.docs, args.step):
            del earlier[:-earlier_limit]
            docs = [
                _document(base + i, rng, words, places, earlier, args.copies, args.per_day)
                for i in range(args.step)
            ]
            began = time.perf_counter()
            for doc in docs:
                store.add(doc)
            elapsed = (time.perf_counter() - began) * 1000 / len(docs)
            with store.engine.connect() as conn:
                events = conn.execute(select(func.count()).select_from(t.events)).scalar_one()
                reports = conn.execute(select(func.count()).select_from(t.reports)).scalar_one()
                origins = conn.execute(
                    select(func.count(func.distinct(t.documents.c.origin_id)))
                ).scalar_one()
            print(f"{base + args.step:>6} {elapsed:>8.2f} {events:>7} {reports:>8} {origins:>8}")


if __name__ == "__main__":
    main()
