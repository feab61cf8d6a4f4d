"""Geo: toponyms recognised and resolved against the gazetteer (placeholder until the geo module lands)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from flashpoint.records import Document
from flashpoint.settings import Settings

__all__ = ["GeoStage", "PlaceLinkStage"]


class GeoStage:
    name = "geo"
    requires = frozenset({"sentences", "parsed"})
    provides = frozenset({"places"})

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def __call__(self, doc: Document) -> Document:
        return doc

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        return (self(d) for d in docs)


class PlaceLinkStage:
    name = "geo-link"
    requires = frozenset({"events", "places"})
    provides = frozenset({"events.place"})

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def __call__(self, doc: Document) -> Document:
        return doc

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        return (self(d) for d in docs)
