"""The Parquet tables a backfill writes: explicit Arrow schemas, and the rows of documents and rejections.

Rows keep the order the inputs were read in (documents in input order, events in the order the
document states them), so the output does not depend on how the inputs were partitioned or on
which worker ran what. Event ids are the store's stable ids, so Parquet and database rows join.

Events, claims and places take their fields, names and Arrow types from the store's one definition
(`flashpoint.store.rows.event_fields`, `claim_fields`, `place_fields`, and the SQL column types): this
module only adds keys (document id, positions, codes, the cluster) and keeps lists as Arrow lists.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from typing import Any

import pyarrow as pa
from sqlalchemy import Boolean, Date, Float, Integer, String, Table

from flashpoint.records import Document, Event, PlaceMention, Rejection
from flashpoint.store import schema as t
from flashpoint.store.ids import document_hash, event_id
from flashpoint.store.rows import EVENT_FIELDS, REPORT_PLACE_FIELDS, claim_fields, event_fields, place_fields

__all__ = ["SCHEMAS", "TABLES", "cluster_key", "empty_tables", "make_tables"]

_STR = pa.string()
_INT = pa.int32()
_FLOAT = pa.float64()
_BOOL = pa.bool_()
_DATE = pa.date32()
_STRS = pa.list_(pa.string())
_LISTS = ("aux_modes", "co_actors", "chain")  # text in SQL, lists of strings here


def _arrow(table: Table, name: str) -> pa.DataType:
    """Return the Arrow type of a stored column: lists stay lists, the rest follows the SQL type."""
    if name in _LISTS:
        return _STRS
    sql = table.c[name].type
    for kind, arrow in ((Boolean, _BOOL), (Integer, _INT), (Float, _FLOAT), (Date, _DATE), (String, _STR)):
        if isinstance(sql, kind):
            return arrow
    raise TypeError(f"no Arrow type for {table.name}.{name} ({sql!r}): add one to batch/tables.py")


_CLAIM_FIELDS: tuple[str, ...] = (
    "claimant",
    "claimant_country",
    "claimant_sector",
    "channel",
    "stance",
    "quote",
    "quote_start",
    "quote_end",
    "chain",
    "anonymous",
)
_PLACE_FIELDS = ("name", "lat", "lon", "country", "admin1", "feature_class", "feature_code")

SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema(
        [
            ("document_id", _STR),
            ("hash", _STR),
            ("source", _STR),
            ("format", _STR),
            ("title", _STR),
            ("author", _STR),
            ("publisher", _STR),
            ("origin", _STR),
            ("published", _DATE),
            ("url", _STR),
            ("sentences", _INT),
            ("events", _INT),
            ("text", _STR),
        ]
    ),
    "events": pa.schema(
        [
            ("event_id", _STR),
            ("document_id", _STR),
            ("event_index", _INT),
            *((name, _arrow(t.events, name)) for name in EVENT_FIELDS),
            ("actor_code", _STR),
            ("recipient_code", _STR),
            ("co_actor_codes", _STRS),
            ("cluster_key", _STR),
            # the id of the event's cluster: the event id of the cluster's first report (batch.clusters)
            ("cluster_id", _STR),
        ]
    ),
    "reports": pa.schema(
        [
            ("event_id", _STR),
            ("document_id", _STR),
            ("event_index", _INT),
            ("sentence_index", _INT),
            ("sentence", _STR),
            ("trigger", _STR),
            ("trigger_start", _INT),
            ("trigger_end", _INT),
            # where this report places the event (the cluster's place is the first report's)
            *((name, _arrow(t.reports, name)) for name in REPORT_PLACE_FIELDS),
            ("source", _STR),
            ("publisher", _STR),
            ("url", _STR),
            ("published", _DATE),
        ]
    ),
    "claims": pa.schema(
        [
            ("event_id", _STR),
            ("document_id", _STR),
            ("event_index", _INT),
            ("claim_index", _INT),
            ("claimant_code", _STR),
            *((name, _arrow(t.claims, name)) for name in _CLAIM_FIELDS),
        ]
    ),
    "places": pa.schema(
        [
            ("document_id", _STR),
            ("mention_index", _INT),
            ("start", _INT),
            ("end", _INT),
            ("surface", _STR),
            ("sentence_index", _INT),
            ("demonym", _BOOL),
            ("precision", _INT),
            ("score", _FLOAT),
            ("place_id", _STR),
            *((name, _arrow(t.places, name)) for name in _PLACE_FIELDS),
            ("population", pa.int64()),
        ]
    ),
    "rejections": pa.schema([("source", _STR), ("reason", _STR), ("stage", _STR)]),
}
TABLES: tuple[str, ...] = tuple(SCHEMAS)

_KM_PER_DEGREE = 111.32
_EPOCH = dt.date(1970, 1, 1)


def cluster_key(event: Event, *, km: float, days: int) -> str | None:
    """Return the corroboration key "TYPE|day-bucket|lat-cell:lon-cell", or None without date and place.

    Events that can corroborate each other share a type and fall in the same (or a neighbouring)
    `days`-wide date bucket and `km`-wide grid cell: a coarse key for readers of the files. The
    clusters themselves are in `cluster_id`, from the store's rules (`flashpoint.batch.clusters`).
    """
    mention = event.place
    place = mention.place if mention is not None else None
    if event.date is None or place is None:
        return None
    bucket = (event.date - _EPOCH).days // max(days, 1)
    step = max(km, 1.0) / _KM_PER_DEGREE
    return f"{event.type}|{bucket}|{math.floor(place.lat / step)}:{math.floor(place.lon / step)}"


def empty_tables() -> dict[str, pa.Table]:
    """Return one empty table per dataset, each with its schema."""
    return {name: schema.empty_table() for name, schema in SCHEMAS.items()}


def make_tables(
    items: Iterable[Document | Rejection], *, cluster_km: float, cluster_days: int
) -> dict[str, pa.Table]:
    """Return the six tables holding `items`, rows in the order given."""
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for item in items:
        if isinstance(item, Rejection):
            rows["rejections"].append({"source": item.source, "reason": item.reason, "stage": item.stage})
        else:
            _add_document(rows, item, km=cluster_km, days=cluster_days)
    return {name: pa.Table.from_pylist(rows[name], schema=SCHEMAS[name]) for name in TABLES}


def _add_document(rows: dict[str, list[dict[str, Any]]], doc: Document, *, km: float, days: int) -> None:
    digest = document_hash(doc)
    rows["documents"].append(
        {
            "document_id": doc.id,
            "hash": digest,
            "source": doc.source,
            "format": doc.format,
            "title": doc.title,
            "author": doc.author,
            "publisher": doc.publisher,
            "origin": doc.origin,
            "published": doc.published,
            "url": doc.url,
            "sentences": len(doc.sentences),
            "events": len(doc.events),
            "text": doc.text,
        }
    )
    for index, mention in enumerate(doc.places):
        rows["places"].append(_place_row(doc.id, index, mention))
    for index, event in enumerate(doc.events):
        ev_id = event_id(digest, event)
        fields = event_fields(event, published=doc.published)
        rows["events"].append(
            {
                "event_id": ev_id,
                "document_id": doc.id,
                "event_index": index,
                **fields,
                "actor_code": event.actor.code if event.actor else None,
                "recipient_code": event.recipient.code if event.recipient else None,
                "co_actor_codes": [actor.code for actor in event.co_actors],
                "cluster_key": cluster_key(event, km=km, days=days),
                "cluster_id": None,
            }
        )
        sentence = next((s for s in doc.sentences if s.index == event.sentence), None)
        rows["reports"].append(
            {
                "event_id": ev_id,
                "document_id": doc.id,
                "event_index": index,
                "sentence_index": event.sentence,
                "sentence": sentence.text if sentence is not None else None,
                "trigger": event.trigger,
                "trigger_start": event.trigger_start,
                "trigger_end": event.trigger_end,
                **{name: fields[name] for name in REPORT_PLACE_FIELDS},
                "source": doc.source,
                "publisher": doc.publisher,
                "url": doc.url,
                "published": doc.published,
            }
        )
        for claim_index, claim in enumerate(event.claims):
            actor = claim.claimant_actor
            rows["claims"].append(
                {
                    "event_id": ev_id,
                    "document_id": doc.id,
                    "event_index": index,
                    "claim_index": claim_index,
                    "claimant_code": actor.code if actor else None,
                    **claim_fields(claim),
                }
            )


def _place_row(doc_id: str, index: int, mention: PlaceMention) -> dict[str, Any]:
    place = place_fields(mention.place) if mention.place is not None else {}
    return {
        "document_id": doc_id,
        "mention_index": index,
        "start": mention.start,
        "end": mention.end,
        "surface": mention.surface,
        "sentence_index": mention.sentence,
        "demonym": mention.demonym,
        "precision": mention.precision,
        "score": mention.score,
        "place_id": place.get("id"),
        **{name: place.get(name) for name in _PLACE_FIELDS},
        "population": place.get("population"),
    }
