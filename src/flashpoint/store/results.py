"""What the store gives back: frozen dataclasses with `as_dict()` (JSON-ready), and the event query."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from typing import Any

__all__ = [
    "EventDetail",
    "EventQuery",
    "StoreStats",
    "StoredClaim",
    "StoredDocument",
    "StoredEvent",
    "StoredRejection",
    "StoredReport",
]


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if hasattr(value, "as_dict"):
        return value.as_dict()
    return value


class _AsDict:
    __slots__ = ()

    def as_dict(self) -> dict[str, Any]:
        """Return the record as a dict of JSON-ready values (dates as ISO strings)."""
        return {f.name: _jsonable(getattr(self, f.name)) for f in fields(self)}  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Filters for `Store.events`; every filter left at None matches everything.

    actor: a code prefix on the initiating actor ("TUR", "TURMIL") or a case-insensitive substring of its
    name or text.  country: an ISO3 code matched against the actor, the recipient or the place.
    near: (lat, lon, km).
    """

    type: str | None = None
    actor: str | None = None
    country: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    near: tuple[float, float, float] | None = None
    happened_only: bool = False
    stance: str | None = None  # one of STANCES: events with at least one claim of that stance
    limit: int | None = None
    offset: int = 0


@dataclass(frozen=True, slots=True)
class StoredEvent(_AsDict):
    """One event row, with the document and sentence of its first report."""

    id: str
    type: str
    mode: str | None
    actor_country: str | None
    actor_sector: str | None
    actor_name: str | None
    actor_text: str | None
    recipient_country: str | None
    recipient_sector: str | None
    recipient_name: str | None
    recipient_text: str | None
    negated: bool
    aux_modes: tuple[str, ...]
    happened: bool
    place_id: str | None
    place_name: str | None
    place_surface: str | None
    lat: float | None
    lon: float | None
    precision: int | None
    place_country: str | None
    admin1: str | None
    date: dt.date | None
    date_precision: str | None
    cameo_root: str | None
    quad_class: int | None
    goldstein: float | None
    acled_event_type: str | None
    acled_sub_event_type: str | None
    fatalities: int | None
    document_id: str | None = None
    sentence: str | None = None
    trigger: str | None = None
    outlet: str | None = None  # the document's publisher, else its origin
    url: str | None = None
    published: dt.date | None = None
    ingested_at: dt.datetime | None = None
    reports: int = 1  # reports linked to this event cluster
    origins: int = 1  # independent origins among them (see flashpoint.corroborate)
    stance: str | None = None  # the strongest stance among their claims
    claimant: str | None = None  # who the first report's first claim says states it (None: the author)
    channel: str | None = None  # … and through what
    co_actors: tuple[str, ...] = ()  # other members of a compound initiating actor (names, else codes)

    @property
    def single_source(self) -> bool:
        """Return True when every report of the event comes from one origin."""
        return self.origins <= 1

    @property
    def actor_code(self) -> str | None:
        """Return the CAMEO-style actor code ("TURMIL"), or None when the actor is not coded."""
        return _code(self.actor_country, self.actor_sector)

    @property
    def recipient_code(self) -> str | None:
        """Return the CAMEO-style recipient code, or None when the recipient is not coded."""
        return _code(self.recipient_country, self.recipient_sector)


def _code(country: str | None, sector: str | None) -> str | None:
    if country is None and sector is None:
        return None
    return f"{country or '---'}{sector or ''}"


@dataclass(frozen=True, slots=True)
class StoredClaim(_AsDict):
    stance: str
    claimant: str | None
    claimant_country: str | None
    claimant_sector: str | None
    channel: str | None
    quote: str | None
    quote_start: int | None
    quote_end: int | None
    chain: tuple[str, ...]
    anonymous: bool


@dataclass(frozen=True, slots=True)
class StoredDocument(_AsDict):
    id: str
    ref: str
    hash: str
    title: str | None
    author: str | None
    publisher: str | None
    origin: str | None
    published: dt.date | None
    url: str | None
    source: str | None
    format: str
    text: str
    ingested_at: dt.datetime
    event_ids: tuple[str, ...] = ()
    origin_id: str | None = None  # the syndication group (flashpoint.corroborate.syndication)


@dataclass(frozen=True, slots=True)
class StoredReport(_AsDict):
    """One document's statement of an event: the sentence, the trigger and who claims it."""

    document_id: str
    document_title: str | None
    publisher: str | None
    origin: str | None
    published: dt.date | None
    url: str | None
    sentence_index: int
    sentence: str | None
    trigger_start: int
    trigger_end: int
    trigger: str
    claims: tuple[StoredClaim, ...] = ()
    origin_key: str | None = None  # the report's independent source: a document origin or "post:@handle"
    stance: str | None = None
    own_id: str | None = None  # the id the report's event would have on its own
    place_id: str | None = None  # the place this report gives the event (None before migration 0004)
    place_name: str | None = None
    place_surface: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: int | None = None


@dataclass(frozen=True, slots=True)
class EventDetail(_AsDict):
    event: StoredEvent
    reports: tuple[StoredReport, ...]


@dataclass(frozen=True, slots=True)
class StoredRejection(_AsDict):
    id: int
    source: str
    reason: str
    stage: str
    at: dt.datetime


@dataclass(frozen=True, slots=True)
class StoreStats(_AsDict):
    documents: int
    events: int
    reports: int
    claims: int
    rejections: int
    events_by_type: tuple[tuple[str, int], ...]  # most frequent first
    first_date: dt.date | None
    last_date: dt.date | None
    top_actors: tuple[tuple[str, int], ...]  # (actor code, events), most frequent first

    def as_dict(self) -> dict[str, Any]:
        """Return the stats as a dict; the counted pairs become objects keyed by type or code."""
        return {
            "documents": self.documents,
            "events": self.events,
            "reports": self.reports,
            "claims": self.claims,
            "rejections": self.rejections,
            "events_by_type": dict(self.events_by_type),
            "first_date": _jsonable(self.first_date),
            "last_date": _jsonable(self.last_date),
            "top_actors": dict(self.top_actors),
        }
