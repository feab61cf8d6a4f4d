"""Actors: mentions resolved to coded actors (placeholder until the actors module lands)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from flashpoint.records import Actor, Document
from flashpoint.settings import Settings

__all__ = ["ActorResolver", "ActorStage"]


class ActorResolver:
    def resolve(self, text: str, *, date: Any = None, context: str | None = None) -> Actor | None:
        return None


class ActorStage:
    name = "actors"
    requires = frozenset({"sentences", "parsed"})
    provides = frozenset({"mentions"})

    def __init__(self, settings: Settings) -> None:
        self.resolver = ActorResolver()

    def __call__(self, doc: Document) -> Document:
        return doc

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        return (self(d) for d in docs)
