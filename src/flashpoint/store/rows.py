"""Rows: a Document turned into table rows, and table rows turned back into stored records.

`event_fields`, `claim_fields` and `place_fields` are the one definition of a record's flat fields and
their names. Every sink starts from them and only adds keys or encodes values: the SQL rows here (ids,
`aux_modes` and `co_actors` joined into text, a claim's `chain` as JSON), the Parquet tables of a backfill
(`flashpoint.batch.tables`: lists, document ids and positions), and, through the stored rows, CSV and
GeoJSON (`flashpoint.export`). A new event field is one edit to `event_fields` plus a migration adding
its column.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from flashpoint.records import Claim, Document, Event, Place
from flashpoint.store.corroboration import Corroborator
from flashpoint.store.ids import document_hash, document_id, event_id
from flashpoint.store.results import StoredClaim, StoredDocument, StoredEvent

__all__ = [
    "EVENT_FIELDS",
    "REPORT_PLACE_FIELDS",
    "DocumentRows",
    "aware",
    "claim_fields",
    "document_rows",
    "event_fields",
    "place_fields",
    "stored_claim",
    "stored_document",
    "stored_event",
]

log = logging.getLogger(__name__)


@dataclass(slots=True)
class DocumentRows:
    """Everything one document writes, table by table (reports and claims are linked at insert time)."""

    document: dict[str, Any]
    posts: list[dict[str, Any]] = field(default_factory=list)
    sentences: list[dict[str, Any]] = field(default_factory=list)
    places: dict[str, dict[str, Any]] = field(default_factory=dict)
    place_mentions: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    reports: list[dict[str, Any]] = field(default_factory=list)  # parallel to events
    claims: list[list[dict[str, Any]]] = field(default_factory=list)  # parallel to events


def document_rows(doc: Document, *, now: dt.datetime, voices: Corroborator[Any]) -> DocumentRows:
    """Return the rows `doc` writes; events repeating an id within the document are written once.

    `voices` gives each report's stance and, for an embedded post's report, its own origin.
    """
    doc_hash = document_hash(doc)
    doc_id = document_id(doc_hash)
    rows = DocumentRows(
        document={
            "id": doc_id,
            "ref": doc.id,
            "hash": doc_hash,
            "title": doc.title,
            "author": doc.author,
            "publisher": doc.publisher,
            "origin": doc.origin,
            "published": doc.published,
            "url": doc.url,
            "source": doc.source,
            "format": doc.format,
            "text": doc.text,
            "ingested_at": now,
        }
    )
    rows.posts = [
        {
            "document_id": doc_id,
            "start": post.start,
            "end": post.end,
            "author": post.author,
            "handle": post.handle,
            "published": post.published,
            "url": post.url,
        }
        for post in doc.posts
    ]
    rows.sentences = [
        {"document_id": doc_id, "index": s.index, "start": s.start, "end": s.end, "text": s.text}
        for s in doc.sentences
    ]
    for mention in doc.places:
        if mention.place is not None:
            rows.places.setdefault(mention.place.id, place_fields(mention.place))
        rows.place_mentions.append(
            {
                "document_id": doc_id,
                "start": mention.start,
                "end": mention.end,
                "surface": mention.surface,
                "place_id": mention.place.id if mention.place else None,
                "precision": mention.precision,
                "score": mention.score,
                "sentence": mention.sentence,
                "demonym": mention.demonym,
            }
        )
    seen: set[str] = set()
    for event in doc.events:
        ev_id = event_id(doc_hash, event)
        if ev_id in seen:
            log.debug("document %s states event %s twice; stored once", doc.id, ev_id)
            continue
        seen.add(ev_id)
        if event.place is not None and event.place.place is not None:
            rows.places.setdefault(event.place.place.id, place_fields(event.place.place))
        rows.events.append({"id": ev_id, **_sql_event(event_fields(event, published=doc.published))})
        voice = voices.report_origin(doc, event)
        event_place = rows.events[-1]
        rows.reports.append(
            {
                **{key: event_place[key] for key in REPORT_PLACE_FIELDS},
                "event_id": ev_id,
                "document_id": doc_id,
                "sentence": event.sentence,
                "trigger_start": event.trigger_start,
                "trigger_end": event.trigger_end,
                "trigger": event.trigger,
                "own_id": ev_id,
                # an embedded post keeps its own origin; the store fills in the document's otherwise
                "origin_key": voice,
                "stance": voices.report_stance(event.claims),
            }
        )
        rows.claims.append(
            [
                {"event_id": ev_id, **claim, "chain": json.dumps(list(claim["chain"]))}
                for claim in map(claim_fields, event.claims)
            ]
        )
    return rows


def place_fields(place: Place) -> dict[str, Any]:
    """Return a gazetteer place's fields: the `places` columns."""
    return {
        "id": place.id,
        "name": place.name,
        "lat": place.lat,
        "lon": place.lon,
        "country": place.country,
        "admin1": place.admin1,
        "feature_class": place.feature_class,
        "feature_code": place.feature_code,
        "population": place.population,
    }


def event_fields(event: Event, *, published: dt.date | None) -> dict[str, Any]:
    """Return an event's fields under their one set of names (EVENT_FIELDS, in that order).

    Values are plain Python: `aux_modes` and `co_actors` (names, else codes) are tuples, and
    `cluster_date` is the day clustering compares, the event's date or else `published` (its document's).
    The event's id is the sink's to add: it needs the document's hash (`flashpoint.store.event_id`).
    """
    mention = event.place
    place = mention.place if mention is not None else None
    actor, recipient = event.actor, event.recipient
    return {
        "type": event.type,
        "mode": event.mode,
        "actor_country": actor.country if actor else None,
        "actor_sector": actor.sector if actor else None,
        "actor_name": actor.name if actor else None,
        "actor_text": event.actor_text,
        "recipient_country": recipient.country if recipient else None,
        "recipient_sector": recipient.sector if recipient else None,
        "recipient_name": recipient.name if recipient else None,
        "recipient_text": event.recipient_text,
        "negated": event.negated,
        "aux_modes": tuple(event.aux_modes),
        "happened": event.happened,
        "place_id": place.id if place else None,
        "place_name": place.name if place else (mention.surface if mention else None),
        "place_surface": mention.surface if mention else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "precision": mention.precision if mention else None,
        "place_country": place.country if place else None,
        "admin1": place.admin1 if place else None,
        "date": event.date,
        "date_precision": event.date_precision,
        "cameo_root": event.cameo_root,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "acled_event_type": event.acled_event_type,
        "acled_sub_event_type": event.acled_sub_event_type,
        "fatalities": event.fatalities,
        "co_actors": tuple(a.name or a.code for a in event.co_actors),
        "cluster_date": event.date or published,
    }


def _sql_event(fields: dict[str, Any]) -> dict[str, Any]:
    # the `events` table keeps the two lists as text
    return {
        **fields,
        "aux_modes": ",".join(fields["aux_modes"]),
        "co_actors": "; ".join(fields["co_actors"]) or None,
    }


def claim_fields(claim: Claim) -> dict[str, Any]:
    """Return a claim's fields under their one set of names (`chain` a tuple: the sink encodes it)."""
    actor = claim.claimant_actor
    return {
        "claimant": claim.claimant,
        "claimant_country": actor.country if actor else None,
        "claimant_sector": actor.sector if actor else None,
        "channel": claim.channel,
        "stance": claim.stance,
        "quote": claim.quote,
        "quote_start": claim.quote_start,
        "quote_end": claim.quote_end,
        "chain": tuple(claim.chain),
        "anonymous": claim.anonymous,
    }


def aware(value: dt.datetime | None) -> dt.datetime | None:
    """Return `value` with UTC attached when the database gave it back naive (SQLite does)."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value


REPORT_PLACE_FIELDS = ("place_id", "place_name", "place_surface", "lat", "lon", "precision")

EVENT_FIELDS: tuple[str, ...] = (
    "type",
    "mode",
    "actor_country",
    "actor_sector",
    "actor_name",
    "actor_text",
    "recipient_country",
    "recipient_sector",
    "recipient_name",
    "recipient_text",
    "negated",
    "aux_modes",
    "happened",
    "place_id",
    "place_name",
    "place_surface",
    "lat",
    "lon",
    "precision",
    "place_country",
    "admin1",
    "date",
    "date_precision",
    "cameo_root",
    "quad_class",
    "goldstein",
    "acled_event_type",
    "acled_sub_event_type",
    "fatalities",
    "co_actors",
    "cluster_date",
)
# the fields a StoredEvent takes as they are stored (the lists are decoded, cluster_date stays in SQL)
_PLAIN_FIELDS = ("id", *(f for f in EVENT_FIELDS if f not in ("aux_modes", "co_actors", "cluster_date")))


def stored_event(row: Mapping[Any, Any]) -> StoredEvent:
    """Return a StoredEvent from an events row joined with its first report, sentence and document."""
    values = {name: row[name] for name in _PLAIN_FIELDS}
    values["negated"] = bool(values["negated"])
    values["happened"] = bool(values["happened"])
    aux = row["aux_modes"] or ""
    return StoredEvent(
        **values,
        aux_modes=tuple(m for m in aux.split(",") if m),
        document_id=row.get("document_id"),
        sentence=row.get("sentence_text"),
        trigger=row.get("trigger"),
        outlet=row.get("publisher") or row.get("origin"),
        url=row.get("url"),
        published=row.get("published"),
        ingested_at=aware(row.get("ingested_at")),
        reports=int(row.get("report_count") or 1),
        origins=int(row.get("origins") or 1),
        stance=row.get("stance"),
        claimant=row.get("claimant"),
        channel=row.get("channel"),
        co_actors=tuple(a for a in (row.get("co_actors") or "").split("; ") if a),
    )


def stored_claim(row: Mapping[Any, Any]) -> StoredClaim:
    """Return a StoredClaim from a claims row."""
    return StoredClaim(
        stance=row["stance"],
        claimant=row["claimant"],
        claimant_country=row["claimant_country"],
        claimant_sector=row["claimant_sector"],
        channel=row["channel"],
        quote=row["quote"],
        quote_start=row["quote_start"],
        quote_end=row["quote_end"],
        chain=tuple(json.loads(row["chain"] or "[]")),
        anonymous=bool(row["anonymous"]),
    )


def stored_document(row: Mapping[Any, Any], *, event_ids: tuple[str, ...] = ()) -> StoredDocument:
    """Return a StoredDocument from a documents row."""
    ingested = aware(row["ingested_at"])
    assert ingested is not None  # the column is NOT NULL
    return StoredDocument(
        id=row["id"],
        ref=row["ref"],
        hash=row["hash"],
        title=row["title"],
        author=row["author"],
        publisher=row["publisher"],
        origin=row["origin"],
        published=row["published"],
        url=row["url"],
        source=row["source"],
        origin_id=row.get("origin_id"),
        format=row["format"],
        text=row["text"],
        ingested_at=ingested,
        event_ids=event_ids,
    )
