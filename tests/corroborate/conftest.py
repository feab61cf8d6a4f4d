"""Corroboration fixtures: one-sentence documents with one hand-built event each, and a fresh store."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

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

PLACES = {
    "Manbij": Place(id="166365", name="Manbij", lat=36.5281, lon=37.9549, country="SYR"),
    "Afrin": Place(id="170017", name="Afrin", lat=36.5119, lon=36.8692, country="SYR"),
    "Jarabulus": Place(id="169303", name="Jarabulus", lat=36.8175, lon=38.0111, country="SYR"),
    "Idlib": Place(id="169388", name="Idlib", lat=35.9306, lon=36.6339, country="SYR"),
}


def _actor(code: str | None) -> Actor | None:
    if not code:
        return None
    return Actor(code[:3], code[3:] or None)


def make_report(
    text: str,
    *,
    type: str = "ASSAULT",
    trigger: str | None = None,
    actor: str | None = "TURMIL",
    recipient: str | None = "SYRREB",
    place: str | None = "Manbij",
    day: dt.date | None = dt.date(2024, 5, 2),
    outlet: str | None = "Wire One",
    origin: str | None = None,
    stance: str | None = None,
    claimant: str | None = None,
    negated: bool = False,
    goldstein: float | None = None,
    handle: str | None = None,
    preamble: str = "",
) -> Document:
    """Return a document whose sentence `text` states one event (inside a post by `handle` when given)."""
    body = f"{preamble}{text}"
    start = len(preamble)
    word = trigger or text.split()[1]
    at = body.index(word, start)
    mention = None
    if place is not None:
        where = body.find(place)
        where = start if where < 0 else where
        mention = PlaceMention(where, where + len(place), place, PLACES[place], precision=1, sentence=0)
    event = Event(
        type=type,
        sentence=0,
        trigger_start=at,
        trigger_end=at + len(word),
        trigger=word,
        actor=_actor(actor),
        recipient=_actor(recipient),
        negated=negated,
        aux_modes=("negation",) if negated else (),
        claims=(Claim(stance=stance, claimant=claimant),) if stance else (),
        place=mention,
        date=day,
        date_precision="day" if day else None,
        goldstein=goldstein,
    )
    posts = (Post(start=start, end=len(body), handle=handle),) if handle else ()
    return Document(
        id=f"doc-{content_hash(body)[:8]}",
        text=body,
        publisher=outlet,
        origin=origin,
        published=day,
        hash=content_hash(body),
        sentences=(Sentence(index=0, start=start, end=len(body), text=text),),
        places=(mention,) if mention else (),
        events=(event,),
        posts=posts,
    )


ReportFactory = Callable[..., Document]


@pytest.fixture()
def report() -> ReportFactory:
    """Return the builder of one-event documents (see `make_report`)."""
    return make_report


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[Store]:
    """A fresh SQLite store with the default clustering rules (50 km, 3 days)."""
    opened = open_store(str(tmp_path / "corroborate.db"))
    yield opened
    opened.close()
