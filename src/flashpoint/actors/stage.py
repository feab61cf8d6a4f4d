"""The actors stage: finds actor mentions in the parsed text and codes each one."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any

from flashpoint.actors.entries import STRONG_KINDS
from flashpoint.actors.resolver import ActorResolver
from flashpoint.actors.text import tokenize
from flashpoint.records import Document, Mention
from flashpoint.settings import Settings

__all__ = ["ActorStage"]

_ENTITY_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# A bare place after these words is where something happened, not who did it ("clashes in Idlib").
_LOCATIVE = frozenset(
    [
        "in",
        "at",
        "near",
        "into",
        "inside",
        "outside",
        "around",
        "across",
        "throughout",
        "within",
        "towards",
        "toward",
        "from",
        "outside",
    ]
)
# Dictionary hits the phrase pass adds even where spaCy found no chunk or entity.
_PHRASE_KINDS = STRONG_KINDS | {"capital"}


class ActorStage:
    """Document → Document with `mentions`: noun chunks, named entities and dictionary phrases, coded."""

    name = "actors"
    requires = frozenset({"sentences", "parsed"})
    provides = frozenset({"mentions"})

    def __init__(self, settings: Settings, *, resolver: ActorResolver | None = None) -> None:
        self.resolver = resolver if resolver is not None else ActorResolver.from_files(settings.actors_files)

    def __call__(self, doc: Document) -> Document:
        if doc.parsed is None:
            return doc
        return replace(doc, mentions=tuple(self.mentions(doc)))

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            yield self(doc)

    def mentions(self, doc: Document) -> list[Mention]:
        """Return the coded actor mentions of a parsed document, in text order, without overlaps."""
        parsed: Any = doc.parsed
        starts = [s.start for s in doc.sentences]
        taken = bytearray(len(doc.text) + 1)  # 1 where a mention already covers the character
        found: list[Mention] = []

        def add(start: int, end: int, text: str) -> None:
            if taken.find(1, start, end) != -1:
                return
            actor = self.resolver.resolve(text, date=doc.published, cased=True)
            if actor is None:
                return
            taken[start:end] = b"\x01" * (end - start)
            sentence = max(bisect.bisect_right(starts, start) - 1, 0) if starts else -1
            found.append(Mention(start, end, text, actor, sentence))

        for span in _spans(parsed):
            add(span.start_char, span.end_char, span.text)
        tokens = tokenize(doc.text)
        for hit in self.resolver.scan(tokens):
            before = tokens[hit.first - 1].key if hit.first else ""
            if hit.entry.kind in _PHRASE_KINDS and before not in _LOCATIVE:
                add(hit.start, hit.end, doc.text[hit.start : hit.end])
        found.sort(key=lambda m: m.start)
        return found


def _spans(parsed: Any) -> Iterator[Any]:
    """Yield candidate spans: noun chunks, then named entities, skipping bare places used as locations."""
    seen: set[tuple[int, int]] = set()
    chunks = list(parsed.noun_chunks) if parsed.has_annotation("DEP") else []
    for span in [*chunks, *(e for e in parsed.ents if e.label_ in _ENTITY_LABELS)]:
        key = (span.start, span.end)
        if key in seen or _locative(span):
            continue
        seen.add(key)
        yield _trim(span)


def _locative(span: Any) -> bool:
    root = span.root
    if root.pos_ != "PROPN" or root.dep_ != "pobj":
        return False
    return root.head.lower_ in _LOCATIVE


def _trim(span: Any) -> Any:
    # Leading determiners and numbers are not part of the name ("the Kremlin" → "Kremlin" keeps offsets honest).
    start = span.start
    while start < span.end - 1 and span.doc[start].pos_ in ("DET", "PRON", "NUM", "PUNCT"):
        start += 1
    return span.doc[start : span.end]
