"""The records that cross module lines: frozen dataclasses, no free-form dicts.

A `Document` enters the pipeline with its text and metadata and each stage returns an enriched copy
(`dataclasses.replace`).  Character offsets (`start`, `end`) always index `Document.text`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

__all__ = [
    "NOT_HAPPENED_STANCES",
    "STANCES",
    "Actor",
    "Claim",
    "Document",
    "Event",
    "Mention",
    "Place",
    "PlaceMention",
    "Post",
    "Rejection",
    "Sentence",
    "Stance",
    "content_hash",
]

# The nine stances of ../shared/CLAIMS.md, in its order of precedence: when several apply, the first wins.
Stance = Literal[
    "claimed_responsibility",
    "denied",
    "threatened",
    "negated",
    "hypothetical",
    "future",
    "alleged",
    "reported",
    "asserted",
]
STANCES: tuple[str, ...] = get_args(Stance)
# Stances under which the text does not present the event as having taken place.
NOT_HAPPENED_STANCES: frozenset[str] = frozenset(
    {"denied", "threatened", "negated", "hypothetical", "future"}
)


DatePrecision = Literal["day", "week", "month", "year"]


def content_hash(text: str) -> str:
    """Return the hex SHA-256 of whitespace-normalised text: the identity of a document body.

    Never raises: a lone surrogate is hashed as its code point ("surrogatepass"), although readers
    refuse such text before it gets here (flashpoint.ingest.decode.text_problem).
    """
    normalised = " ".join(text.split())
    return hashlib.sha256(normalised.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True, slots=True)
class Post:
    """A social-media post embedded in a document (a quoted tweet), or a post that is the document."""

    start: int
    end: int
    author: str | None = None
    handle: str | None = None
    published: dt.date | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Actor:
    """A coded actor: ISO3 country (or IGO/NGO…) plus sector, optionally a named entity.

    `code` is the CAMEO-style concatenation, e.g. "TURMIL", "USAGOV", "IGO".
    """

    country: str | None
    sector: str | None = None
    name: str | None = None  # canonical name of a person, group or organisation
    kind: Literal["state", "person", "group", "organisation", "people"] = "state"
    role: str | None = None  # e.g. "President of Turkey" at the document date

    @property
    def code(self) -> str:
        return f"{self.country or '---'}{self.sector or ''}"


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor mention in the text, resolved (actor set) or not."""

    start: int
    end: int
    text: str
    actor: Actor | None
    sentence: int = -1


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry: coordinates and what kind of place it is."""

    id: str  # geonameid or our own "fp:…" id
    name: str
    lat: float
    lon: float
    country: str | None  # ISO3
    admin1: str | None = None
    feature_class: str | None = None  # GeoNames class: P populated place, A admin area, …
    feature_code: str | None = None  # PPL, PPLA, ADM1, PCLI, …
    population: int = 0


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A toponym in the text: the raw surface is always kept, the place is None when unresolved.

    precision: 1 exact place, 2 district/near, 3 region/country (ACLED's geo_precision convention).
    """

    start: int
    end: int
    surface: str
    place: Place | None
    precision: int | None = None
    score: float = 0.0
    sentence: int = -1
    demonym: bool = False  # "Syrian" rather than "Syria": a place of origin, not a location
    # The gazetteer lacks the name: `place` is the document's focus, the best guess of where it lies.
    inferred: bool = False


@dataclass(frozen=True, slots=True)
class Claim:
    """Who asserts an event and how.

    `chain` holds outer claimants for nested attribution ("Moussa reports that a source says"):
    the claimant here is the innermost, the chain runs outermost first.
    """

    stance: str  # one of STANCES
    claimant: str | None = None
    claimant_actor: Actor | None = None
    channel: str | None = None  # outlet, programme or handle
    quote: str | None = None
    quote_start: int | None = None
    quote_end: int | None = None
    chain: tuple[str, ...] = ()
    anonymous: bool = False  # "one source on the ground"


@dataclass(frozen=True, slots=True)
class Event:
    """One event as one sentence states it (a report of an event in corroboration's terms)."""

    type: str  # PLOVER event type
    sentence: int
    trigger_start: int
    trigger_end: int
    trigger: str
    mode: str | None = None
    actor: Actor | None = None
    actor_text: str | None = None
    recipient: Actor | None = None
    recipient_text: str | None = None
    negated: bool = False
    # PLOVER auxiliary modes: "negation", "future", "hypothetical", "historical"; empty when it happened.
    aux_modes: tuple[str, ...] = ()
    claims: tuple[Claim, ...] = ()
    co_actors: tuple[Actor, ...] = ()  # the other members of a compound actor ("Jordan and Britain")
    place: PlaceMention | None = None
    date: dt.date | None = None
    date_precision: str | None = None  # day|week|month|year
    cameo_root: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    fatalities: int | None = None

    @property
    def happened(self) -> bool:
        """True when the text states the event as having taken place (not negated, future or hypothetical)."""
        return not self.negated and not self.aux_modes


@dataclass(frozen=True, slots=True)
class Document:
    """A text to read, with its metadata; stages fill the tuples below it."""

    id: str
    text: str
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    published: dt.date | None = None
    url: str | None = None
    source: str | None = None  # where it was read from: a path, URL or "-"
    origin: str | None = None  # the original outlet of a re-post ("The original source of this article is …")
    format: str = "text"  # text | markdown | html | json | post | feed
    posts: tuple[Post, ...] = ()
    hash: str = ""
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    events: tuple[Event, ...] = ()
    # The spaCy Doc made by the nlp stage; not part of the record's identity and never stored.
    parsed: Any = field(default=None, compare=False, repr=False)

    def sentence_at(self, offset: int) -> Sentence | None:
        """Return the sentence that contains character `offset`, if any."""
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
        return None

    def post_at(self, offset: int) -> Post | None:
        """Return the embedded post that contains character `offset`, if any."""
        for post in self.posts:
            if post.start <= offset < post.end:
                return post
        return None


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that could not be read, with the reason; the store records every one."""

    source: str
    reason: str
    stage: str = "ingest"
