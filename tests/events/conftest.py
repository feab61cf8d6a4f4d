"""Helpers for the event tests: code a parsed sentence with hand-made mentions and a tiny resolver."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest

from flashpoint.events import EventStage
from flashpoint.records import Actor, Document, Event, Mention, Place, PlaceMention, Post
from flashpoint.settings import Settings

# A few names our own test sentences use; the real resolver lives in flashpoint.actors.
_NAMES = {
    "ruritania": "RUR",
    "ruritanian": "RUR",
    "ruritanian troops": "RUR",
    "borduria": "BOR",
    "bordurian": "BOR",
    "syldavia": "SYL",
    "syldavian": "SYL",
}


# Sector words with the real dictionary's pitfalls: a money "bank", an adjective "local".
_SECTORS = {"bank": "BUS", "local": "CVL"}


class FakeResolver:
    """Resolves a handful of invented country names and two sector words; everything else is unknown."""

    def resolve(
        self, text: str, *, date: Any = None, context: str | None = None, cased: bool | None = None
    ) -> Actor | None:
        words = text.lower().replace("'s", "").split()
        for word in words:
            if word in _NAMES:
                return Actor(country=_NAMES[word])
        for word in words:
            if word in _SECTORS:
                return Actor(country=None, sector=_SECTORS[word])
        return None


@pytest.fixture(scope="module")
def event_stage() -> EventStage:
    return EventStage(Settings(), resolver=FakeResolver())


@pytest.fixture(scope="module")
def code_events(parse: Callable[..., Document], event_stage: EventStage) -> Callable[..., tuple[Event, ...]]:
    """Return a function: text (plus optional mentions/posts/metadata) -> the coded events."""

    def run(
        text: str,
        *,
        mentions: dict[str, str] | None = None,
        posts: tuple[Post, ...] = (),
        published: dt.date | None = None,
        author: str | None = None,
        places: dict[str, str] | None = None,
    ) -> tuple[Event, ...]:
        doc = parse(text, posts=posts, published=published)
        found = []
        for surface, country in (mentions or {}).items():
            start = text.index(surface)
            found.append(Mention(start, start + len(surface), surface, Actor(country=country)))
        located = []
        for surface, country in (places or {}).items():
            start = text.index(surface)
            place = Place(id=surface, name=surface, lat=0.0, lon=0.0, country=country)
            located.append(PlaceMention(start, start + len(surface), surface, place))
        doc = replace(doc, mentions=tuple(found), places=tuple(located), author=author)
        return event_stage(doc).events

    return run
