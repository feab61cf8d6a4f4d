"""A stand-in for the NLP stages in the write-API tests: no spaCy, so a write is fast and predictable."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace

from flashpoint.records import Document, Event, Sentence


class TriggerStage:
    """Sentences end at full stops; an ASSAULT wherever "shelled" occurs."""

    name = "trigger"
    requires = frozenset({"text"})
    provides = frozenset({"sentences", "events"})

    def __call__(self, doc: Document) -> Document:
        sentences, events = [], []
        for index, match in enumerate(re.finditer(r"[^.\s][^.]*\.?", doc.text)):
            sentences.append(Sentence(index, match.start(), match.end(), match.group()))
            at = match.group().find("shelled")
            if at >= 0:
                start = match.start() + at
                events.append(Event("ASSAULT", index, start, start + 7, "shelled"))
        return replace(doc, sentences=tuple(sentences), events=tuple(events))

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        return (self(doc) for doc in docs)
