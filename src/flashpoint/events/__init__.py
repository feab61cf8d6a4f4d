"""Events: PLOVER events with actor, recipient, negation, modality and the claims that state them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from flashpoint.events.arguments import Resolver
from flashpoint.events.coder import EventCoder
from flashpoint.events.learned import load_event_model
from flashpoint.events.lexicon import PLOVER_TYPES, Lexicon, TriggerEntry, load_lexicon
from flashpoint.records import Document
from flashpoint.settings import Settings

__all__ = ["PLOVER_TYPES", "EventCoder", "EventStage", "Lexicon", "TriggerEntry", "load_lexicon"]


class EventStage:
    """Document → Document with `events`: one Event per trigger a sentence states, with its claims."""

    name = "events"
    requires = frozenset({"sentences", "parsed", "mentions", "places"})
    provides = frozenset({"events"})

    def __init__(
        self, settings: Settings, *, resolver: Resolver | None = None, lexicon: Path | None = None
    ) -> None:
        self.settings = settings
        self.resolver = resolver
        model = load_event_model() if settings.event_model else None
        self.coder = EventCoder(load_lexicon(lexicon), resolver=resolver, model=model)

    def __call__(self, doc: Document) -> Document:
        return replace(doc, events=self.coder.code(doc))

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            yield self(doc)
