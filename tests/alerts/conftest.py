"""Alerts fixtures: hand-built one-event documents at real places, the border corpus, a store, a clock."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from flashpoint import open_store
from flashpoint.records import (
    Actor,
    Claim,
    Document,
    Event,
    Place,
    PlaceMention,
    Post,
    Sentence,
    content_hash,
)
from flashpoint.store import Store

FIXTURES = Path(__file__).parent / "fixtures"

# Coordinates of real places (facts, rounded); ids are our own.
PLACES = {
    name: Place(id=f"fp:{name.lower()}", name=name, lat=lat, lon=lon, country=country)
    for name, lat, lon, country in [
        ("Manbij", 36.5281, 37.9549, "SYR"),
        ("Afrin", 36.5119, 36.8692, "SYR"),
        ("Idlib", 35.9306, 36.6339, "SYR"),
        ("Kafr Halab", 36.08, 36.86, "SYR"),
        ("Ankara", 39.9199, 32.8543, "TUR"),
        ("Poonch", 33.7731, 74.0927, "IND"),
        ("Uri", 34.0830, 74.0500, "IND"),
        ("Rajouri", 33.3772, 74.3153, "IND"),
        ("Kotli", 33.5184, 73.9022, "PAK"),
        ("Mytilene", 39.1047, 26.5547, "GRC"),
        ("Ayvalik", 39.3190, 26.6955, "TUR"),
        ("Chios", 38.3710, 26.1358, "GRC"),
    ]
}


class Clock:
    """A settable clock for the store (alert and delivery times)."""

    def __init__(self) -> None:
        self.now = dt.datetime(2024, 3, 1, 12, 0, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now


def _actor(code: str | None) -> Actor | None:
    return Actor(code[:3], code[3:] or None) if code else None


def make_report(
    text: str,
    *,
    type: str,
    trigger: str,
    actor: str | None,
    recipient: str | None,
    place: str | None,
    day: str | dt.date,
    outlet: str | None = "Wire One",
    goldstein: float | None = None,
    stance: str | None = None,
    claimant: str | None = None,
    handle: str | None = None,
    aux_modes: tuple[str, ...] = (),
    precision: int = 1,
) -> Document:
    """Return a one-sentence document stating one event (inside a post by `handle` when given)."""
    date = dt.date.fromisoformat(day) if isinstance(day, str) else day
    at = text.index(trigger)
    mention = None
    if place is not None:
        where = max(text.find(place), 0)
        mention = PlaceMention(
            where, where + len(place), place, PLACES[place], precision=precision, sentence=0
        )
    event = Event(
        type=type,
        sentence=0,
        trigger_start=at,
        trigger_end=at + len(trigger),
        trigger=trigger,
        actor=_actor(actor),
        recipient=_actor(recipient),
        aux_modes=aux_modes,
        negated="negation" in aux_modes,
        claims=(Claim(stance=stance, claimant=claimant),) if stance else (),
        place=mention,
        date=date,
        date_precision="day",
        goldstein=goldstein,
    )
    return Document(
        id=f"doc-{content_hash(text)[:10]}",
        text=text,
        publisher=outlet,
        published=date,
        hash=content_hash(text),
        sentences=(Sentence(index=0, start=0, end=len(text), text=text),),
        places=(mention,) if mention else (),
        events=(event,),
        posts=(Post(start=0, end=len(text), handle=handle, author=None),) if handle else (),
    )


# (text, type, trigger, actor, recipient, place, goldstein), or without the place when one is given for all
Row = tuple[Any, ...]


class ReportFactory:
    """Builds one-event documents (`make_report`) and stores whole lists of them (`add_all`)."""

    def __call__(self, text: str, **fields: Any) -> Document:
        return make_report(text, **fields)

    def documents(
        self, rows: Iterable[Row], *, day: str | dt.date, place: str | None = None, **extra: Any
    ) -> list[Document]:
        """Return one document per row, all on `day`; `place` (when given) is every row's place."""
        found = []
        for row in rows:
            text, kind, trigger, actor, recipient, *rest = row
            where, score = (place, rest[0]) if place is not None else (rest[0], rest[1])
            found.append(
                make_report(
                    text,
                    type=kind,
                    trigger=trigger,
                    actor=actor,
                    recipient=recipient,
                    place=where,
                    goldstein=score,
                    day=day,
                    **extra,
                )
            )
        return found

    def add_all(
        self, store: Store, rows: Iterable[Row], *, day: str | dt.date, place: str | None = None, **extra: Any
    ) -> None:
        """Store the documents of `rows` (see `documents`)."""
        for doc in self.documents(rows, day=day, place=place, **extra):
            store.add(doc)


@pytest.fixture()
def report() -> ReportFactory:
    """Return the builder of one-event documents (see `make_report`) that can also fill a store."""
    return ReportFactory()


@pytest.fixture(scope="session")
def border_corpus() -> dict[str, Any]:
    """The invented border corpus: reports, the run-up day and the escalation day."""
    data: dict[str, Any] = json.loads((FIXTURES / "border_corpus.json").read_text(encoding="utf-8"))
    return data


@pytest.fixture()
def clock() -> Clock:
    return Clock()


@pytest.fixture()
def store(tmp_path: Path, clock: Clock) -> Iterator[Store]:
    """A fresh SQLite store whose clock the test controls."""
    opened = open_store(str(tmp_path / "alerts.db"), clock=clock)
    yield opened
    opened.close()
