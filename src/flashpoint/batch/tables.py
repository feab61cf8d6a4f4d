"""The Parquet tables a backfill writes: explicit Arrow schemas, and the rows of documents and rejections.

Rows keep the order the inputs were read in (documents in input order, events in the order the
document states them), so the output does not depend on how the inputs were partitioned or on
which worker ran what. Event ids are the store's stable ids, so Parquet and database rows join.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from typing import Any

import pyarrow as pa

from flashpoint.records import Actor, Document, Event, PlaceMention, Rejection
from flashpoint.store.ids import document_hash, event_id

__all__ = ["SCHEMAS", "TABLES", "cluster_key", "empty_tables", "make_tables"]

_STR = pa.string()
_INT = pa.int32()
_FLOAT = pa.float64()
_BOOL = pa.bool_()
_DATE = pa.date32()
_STRS = pa.list_(pa.string())

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
            ("type", _STR),
            ("mode", _STR),
            ("date", _DATE),
            ("date_precision", _STR),
            ("actor_code", _STR),
            ("actor_country", _STR),
            ("actor_sector", _STR),
            ("actor_name", _STR),
            ("actor_text", _STR),
            ("recipient_code", _STR),
            ("recipient_country", _STR),
            ("recipient_sector", _STR),
            ("recipient_name", _STR),
            ("recipient_text", _STR),
            ("co_actor_codes", _STRS),
            ("negated", _BOOL),
            ("aux_modes", _STRS),
            ("happened", _BOOL),
            ("place_id", _STR),
            ("place_name", _STR),
            ("place_surface", _STR),
            ("place_lat", _FLOAT),
            ("place_lon", _FLOAT),
            ("place_precision", _INT),
            ("place_country", _STR),
            ("place_admin1", _STR),
            ("cameo_root", _STR),
            ("quad_class", _INT),
            ("goldstein", _FLOAT),
            ("acled_event_type", _STR),
            ("acled_sub_event_type", _STR),
            ("fatalities", _INT),
            ("cluster_key", _STR),
            # the date clustering compares (the event's, else its document's publication date) and the
            # id of the event's cluster: the event id of the cluster's first report (batch.clusters)
            ("cluster_date", _DATE),
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
            ("stance", _STR),
            ("claimant", _STR),
            ("claimant_code", _STR),
            ("claimant_country", _STR),
            ("claimant_sector", _STR),
            ("channel", _STR),
            ("quote", _STR),
            ("quote_start", _INT),
            ("quote_end", _INT),
            ("chain", _STRS),
            ("anonymous", _BOOL),
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
            ("name", _STR),
            ("lat", _FLOAT),
            ("lon", _FLOAT),
            ("country", _STR),
            ("admin1", _STR),
            ("feature_class", _STR),
            ("feature_code", _STR),
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
        row = _event_row(doc.id, index, ev_id, event, km=km, days=days)
        rows["events"].append({**row, "cluster_date": event.date or doc.published, "cluster_id": None})
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
                    "stance": claim.stance,
                    "claimant": claim.claimant,
                    "claimant_code": actor.code if actor else None,
                    "claimant_country": actor.country if actor else None,
                    "claimant_sector": actor.sector if actor else None,
                    "channel": claim.channel,
                    "quote": claim.quote,
                    "quote_start": claim.quote_start,
                    "quote_end": claim.quote_end,
                    "chain": list(claim.chain),
                    "anonymous": claim.anonymous,
                }
            )


def _actor_fields(prefix: str, actor: Actor | None, text: str | None) -> dict[str, Any]:
    return {
        f"{prefix}_code": actor.code if actor else None,
        f"{prefix}_country": actor.country if actor else None,
        f"{prefix}_sector": actor.sector if actor else None,
        f"{prefix}_name": actor.name if actor else None,
        f"{prefix}_text": text,
    }


def _event_row(doc_id: str, index: int, ev_id: str, event: Event, *, km: float, days: int) -> dict[str, Any]:
    mention = event.place
    place = mention.place if mention is not None else None
    return {
        "event_id": ev_id,
        "document_id": doc_id,
        "event_index": index,
        "type": event.type,
        "mode": event.mode,
        "date": event.date,
        "date_precision": event.date_precision,
        **_actor_fields("actor", event.actor, event.actor_text),
        **_actor_fields("recipient", event.recipient, event.recipient_text),
        "co_actor_codes": [actor.code for actor in event.co_actors],
        "negated": event.negated,
        "aux_modes": list(event.aux_modes),
        "happened": event.happened,
        "place_id": place.id if place else None,
        "place_name": place.name if place else (mention.surface if mention else None),
        "place_surface": mention.surface if mention else None,
        "place_lat": place.lat if place else None,
        "place_lon": place.lon if place else None,
        "place_precision": mention.precision if mention else None,
        "place_country": place.country if place else None,
        "place_admin1": place.admin1 if place else None,
        "cameo_root": event.cameo_root,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "acled_event_type": event.acled_event_type,
        "acled_sub_event_type": event.acled_sub_event_type,
        "fatalities": event.fatalities,
        "cluster_key": cluster_key(event, km=km, days=days),
    }


def _place_row(doc_id: str, index: int, mention: PlaceMention) -> dict[str, Any]:
    place = mention.place
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
        "place_id": place.id if place else None,
        "name": place.name if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "country": place.country if place else None,
        "admin1": place.admin1 if place else None,
        "feature_class": place.feature_class if place else None,
        "feature_code": place.feature_code if place else None,
        "population": place.population if place else None,
    }
