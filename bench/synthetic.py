"""A synthetic event store for the load and scale benches: made-up places, actors and sentences, seeded.

Nothing here is copied from a corpus: towns are invented names at invented coordinates scattered around a
few regional centres, sentences come from templates written for this bench.  `fill(store, events=N)`
writes N events (one report each, a document per `per_doc` events) in bulk, without corroboration
(every event is its own cluster), so a million events take minutes rather than hours; `document(i)` makes
one small document for an ingest that goes through `Store.add` like the real pipeline's output.

    .venv/bin/python bench/synthetic.py /tmp/big.db --events 1000000
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from collections.abc import Iterator
from typing import Any

from sqlalchemy import insert

from flashpoint import open_store
from flashpoint.corroborate import Corroboration
from flashpoint.records import Actor, Claim, Document, Event, Place, PlaceMention, Sentence, content_hash
from flashpoint.store import Store
from flashpoint.store import schema as t
from flashpoint.store.rows import document_rows

__all__ = ["END", "REGIONS", "document", "documents", "fill"]

END = dt.date(2026, 6, 30)  # the last event day of a synthetic store

# (country, centre lat, centre lon, spread in degrees, share of events)
REGIONS = (
    ("SYR", 35.5, 38.0, 2.0, 0.22),
    ("IRQ", 33.5, 43.5, 2.5, 0.14),
    ("UKR", 48.5, 35.0, 3.0, 0.18),
    ("SDN", 14.0, 30.0, 4.0, 0.10),
    ("MLI", 15.0, -3.0, 4.0, 0.08),
    ("MMR", 20.0, 96.0, 3.0, 0.08),
    ("COL", 5.0, -74.0, 3.0, 0.06),
    ("YEM", 15.5, 45.0, 2.0, 0.08),
    ("SOM", 4.0, 45.5, 3.0, 0.06),
)
RIVALS = {
    "SYR": ("TUR", "RUS", "USA"),
    "IRQ": ("IRN", "USA", "TUR"),
    "UKR": ("RUS",),
    "SDN": ("SDN", "TCD"),
    "MLI": ("MLI", "FRA"),
    "MMR": ("MMR", "CHN"),
    "COL": ("COL", "VEN"),
    "YEM": ("SAU", "USA"),
    "SOM": ("SOM", "KEN"),
}
# (PLOVER type, QuadClass, score, share)
TYPES = (
    ("ASSAULT", 4, -9.0, 0.30),
    ("COERCE", 4, -6.0, 0.08),
    ("MOBILIZE", 4, -5.0, 0.06),
    ("PROTEST", 3, -4.0, 0.12),
    ("ACCUSE", 3, -2.0, 0.10),
    ("THREATEN", 3, -6.0, 0.05),
    ("CONSULT", 1, 1.0, 0.12),
    ("AID", 2, 7.0, 0.07),
    ("AGREE", 1, 4.0, 0.05),
    ("REQUEST", 1, -1.0, 0.05),
)
SECTORS = ("MIL", "GOV", "REB", "CVL", "POL")
SYLLABLES = ("ka", "ra", "mi", "to", "sul", "an", "bel", "dor", "zi", "hal", "nur", "vek", "os", "tam")
TEMPLATES = {
    "ASSAULT": "Forces of {a} shelled positions of {b} near {place} early on {day}, witnesses said.",
    "COERCE": "Security units of {a} detained several people linked to {b} in {place} on {day}.",
    "MOBILIZE": "{a} moved armoured columns towards {place} on {day}, a spokesperson said.",
    "PROTEST": "Crowds in {place} rallied against {b} on {day}, local reporters said.",
    "ACCUSE": "Officials of {a} blamed {b} for the unrest around {place} on {day}.",
    "THREATEN": "{a} warned {b} of retaliation if fighting near {place} went on, it said on {day}.",
    "CONSULT": "Envoys of {a} and {b} met in {place} on {day} to discuss the crossings.",
    "AID": "{a} sent food and medicine to families in {place} on {day}, aid workers said.",
    "AGREE": "{a} and {b} agreed on a local truce around {place} on {day}.",
    "REQUEST": "{a} asked {b} to reopen the road to {place} on {day}.",
}


def _town(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


class _World:
    """The made-up towns of each region, drawn once per seed."""

    def __init__(self, rng: random.Random, towns_per_region: int = 60) -> None:
        self.towns: dict[str, list[Place]] = {}
        for country, lat, lon, spread, _share in REGIONS:
            towns = []
            for k in range(towns_per_region):
                t_lat = max(-89.0, min(89.0, rng.gauss(lat, spread)))
                t_lon = max(-179.0, min(179.0, rng.gauss(lon, spread)))
                name = _town(rng)
                towns.append(Place(f"fp:syn-{country}-{k}", name, round(t_lat, 4), round(t_lon, 4), country))
            self.towns[country] = towns
        self.region_weights = [share for *_rest, share in REGIONS]
        self.type_weights = [share for *_rest, share in TYPES]


def _event(rng: random.Random, world: _World, day: dt.date, sentence: int, start: int) -> tuple[Event, str]:
    country, *_ = rng.choices(REGIONS, weights=world.region_weights)[0]
    kind, quad, score, _share = rng.choices(TYPES, weights=world.type_weights)[0]
    place = rng.choice(world.towns[country])
    rival = rng.choice(RIVALS[country])
    first, second = (rival, country) if rng.random() < 0.5 else (country, rival)
    actor = Actor(first, rng.choice(SECTORS))
    # Most reports code one side only (as in real news): a recipient on a quarter of them.
    recipient = Actor(second, rng.choice(SECTORS)) if first != second and rng.random() < 0.25 else None
    text = TEMPLATES[kind].format(
        a=actor.code, b=recipient.code if recipient else "residents", place=place.name, day=day.isoformat()
    )
    at = text.index(place.name)
    trigger = text.split()[2]
    event = Event(
        type=kind,
        sentence=sentence,
        trigger_start=start + text.index(trigger),
        trigger_end=start + text.index(trigger) + len(trigger),
        trigger=trigger,
        actor=actor,
        recipient=recipient,
        place=PlaceMention(start + at, start + at + len(place.name), place.name, place, precision=1),
        date=day,
        date_precision="day",
        quad_class=quad,
        goldstein=score,
        claims=(Claim(stance="reported", claimant="witnesses"),) if rng.random() < 0.3 else (),
    )
    return event, text


def document(index: int, *, day: dt.date = END, seed: int = 7, per_doc: int = 2) -> Document:
    """Return synthetic document number `index`: `per_doc` events on `day`, one sentence each."""
    rng = random.Random(f"{seed}-{index}")
    world = _world(seed)
    sentences: list[Sentence] = []
    events: list[Event] = []
    pos = 0
    for k in range(per_doc):
        event, text = _event(rng, world, day, k, pos)
        sentences.append(Sentence(k, pos, pos + len(text), text))
        events.append(event)
        pos += len(text) + 1
    body = " ".join(s.text for s in sentences) + f" (note {seed}-{index})"
    return Document(
        id=f"syn-{seed}-{index}",
        text=body,
        hash=content_hash(body),
        title=f"Regional update {index}",
        publisher="Synthetic Wire",
        published=day,
        sentences=tuple(sentences),
        events=tuple(events),
    )


_WORLDS: dict[int, _World] = {}


def _world(seed: int) -> _World:
    if seed not in _WORLDS:
        _WORLDS[seed] = _World(random.Random(seed))
    return _WORLDS[seed]


def documents(*, events: int, days: int = 365, seed: int = 7, per_doc: int = 4) -> Iterator[Document]:
    """Yield documents holding `events` events in all, spread over the `days` days ending on END."""
    rng = random.Random(seed)
    made = 0
    index = 0
    while made < events:
        day = END - dt.timedelta(days=int(rng.random() ** 0.7 * days))  # denser towards the end
        count = min(per_doc, events - made)
        yield document(index, day=day, seed=seed, per_doc=count)
        made += count
        index += 1


def fill(
    store: Store, *, events: int, days: int = 365, seed: int = 7, per_doc: int = 4, batch: int = 2000
) -> int:
    """Write `events` synthetic events into `store` in bulk (no corroboration); return the documents written."""
    now = dt.datetime(2026, 7, 1, tzinfo=dt.UTC)
    written = 0
    buffer: dict[str, list[dict[str, Any]]] = {}
    places: dict[str, dict[str, Any]] = {}

    def flush() -> None:
        with store.engine.begin() as conn:
            if conn.dialect.name == "sqlite":  # a big page cache: index inserts at random keys stay in memory
                conn.exec_driver_sql("PRAGMA cache_size=-400000")
            new_places = [row for key, row in places.items() if key not in seen_places]
            if new_places:
                conn.execute(insert(t.places), new_places)
                seen_places.update(row["id"] for row in new_places)
            for name in ("documents", "sentences", "events", "reports"):
                if buffer.get(name):
                    conn.execute(insert(getattr(t, name)), buffer[name])
        claims = buffer.get("claims_pending", [])
        if claims:  # claims need their report ids: look them up by (event id)
            with store.engine.begin() as conn:
                ids = dict(
                    conn.execute(
                        t.reports.select()
                        .with_only_columns(t.reports.c.event_id, t.reports.c.id)
                        .where(t.reports.c.event_id.in_([c["event_id"] for c in claims]))
                    ).all()
                )
                conn.execute(insert(t.claims), [{**c, "report_id": ids[c["event_id"]]} for c in claims])
        buffer.clear()
        places.clear()

    seen_places: set[str] = set()
    pending = 0
    for doc in documents(events=events, days=days, seed=seed, per_doc=per_doc):
        rows = document_rows(doc, now=now, voices=Corroboration())
        buffer.setdefault("documents", []).append({**rows.document, "origin_id": rows.document["id"]})
        buffer.setdefault("sentences", []).extend(rows.sentences)
        places.update(rows.places)
        for event_row, report, claims in zip(rows.events, rows.reports, rows.claims, strict=True):
            buffer.setdefault("events", []).append({**event_row, "origins": 1, "stance": report["stance"]})
            buffer.setdefault("reports", []).append({**report, "origin_key": rows.document["id"]})
            buffer.setdefault("claims_pending", []).extend(claims)
        written += 1
        pending += len(rows.events)
        if pending >= batch:
            flush()
            pending = 0
    if buffer:
        flush()
    return written


def main() -> int:
    """Build a synthetic store at the given path or URL; print how long it took."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", help="a SQLite path or a PostgreSQL URL (an empty store)")
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--days", type=int, default=365 * 3)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--per-doc", type=int, default=4, help="events per document")
    args = parser.parse_args()
    started = time.perf_counter()
    with open_store(args.db) as store:
        docs = fill(store, events=args.events, days=args.days, seed=args.seed, per_doc=args.per_doc)
    print(f"{args.events} events in {docs} documents written in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
