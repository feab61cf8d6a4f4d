"""Events: PLOVER events with actors, negation and claims (placeholder until the events module lands)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from flashpoint.records import Document
from flashpoint.settings import Settings

__all__ = ["EventStage"]


class EventStage:
    name = "events"
    requires = frozenset({"sentences", "parsed", "mentions", "places"})
    provides = frozenset({"events"})

    def __init__(self, settings: Settings, *, resolver: Any = None) -> None:
        self.resolver = resolver

    def __call__(self, doc: Document) -> Document:
        return doc

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        return (self(d) for d in docs)
