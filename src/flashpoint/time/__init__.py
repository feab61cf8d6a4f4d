"""Time: event dates resolved against the publication date (placeholder until the time module lands)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from flashpoint.records import Document
from flashpoint.settings import Settings

__all__ = ["TimeStage"]


class TimeStage:
    name = "time"
    requires = frozenset({"events", "sentences"})
    provides = frozenset({"events.date"})

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def __call__(self, doc: Document) -> Document:
        return doc

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        return (self(d) for d in docs)
