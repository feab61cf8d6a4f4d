"""The jobs the faces (CLI, API, batch) run: read inputs, run the pipeline, store or emit the results."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import IO, Protocol

from flashpoint.pipeline import Pipeline
from flashpoint.records import Document, Rejection
from flashpoint.settings import Settings

__all__ = ["DocumentSink", "IngestSummary", "ingest_items", "read_and_run"]


class DocumentSink(Protocol):
    """Where `ingest_items` puts what it reads: a `flashpoint.store.Store`, or anything that adds alike.

    A protocol, so this module need not import the store (the store is a layer above the pipeline).
    """

    def add(self, doc: Document) -> bool:
        """Store `doc`; return False when it was stored already."""
        ...

    def add_rejection(self, rejection: Rejection) -> None:
        """Record an input that could not be read."""
        ...


@dataclass(frozen=True, slots=True)
class IngestSummary:
    """What one ingest run did."""

    added: int
    already_present: int
    rejected: int
    events: int

    def as_dict(self) -> dict[str, int]:
        return {
            "added": self.added,
            "already_present": self.already_present,
            "rejected": self.rejected,
            "events": self.events,
        }


def read_and_run(
    paths: Iterable[str],
    *,
    settings: Settings,
    pipeline: Pipeline,
    stdin: IO[bytes] | None = None,
    skip: Callable[[Document], bool] | None = None,
    tick: Callable[[], None] | None = None,
) -> Iterator[Document | Rejection]:
    """Yield each input read and run through the pipeline, or its Rejection.

    `skip` drops a document before the (expensive) pipeline, e.g. one already stored;
    `tick` is called once per input read, for a progress bar.
    """
    from flashpoint.ingest import read_inputs

    def items() -> Iterator[Document | Rejection]:
        for item in read_inputs(paths, settings=settings, stdin=stdin):
            if tick is not None:
                tick()
            if skip is not None and isinstance(item, Document) and skip(item):
                yield Rejection(source=item.source or item.id, reason="already in the store", stage="skip")
                continue
            yield item

    return pipeline.pipe(items())


def ingest_items(
    items: Iterable[Document | Rejection],
    store: DocumentSink,
    *,
    on_rejection: Callable[[Rejection], None] | None = None,
) -> IngestSummary:
    """Store each document (one transaction each) and each rejection; return the counts."""
    added = present = rejected = events = 0
    for item in items:
        if isinstance(item, Rejection):
            if item.stage == "skip":
                present += 1
                continue
            rejected += 1
            store.add_rejection(item)
            if on_rejection is not None:
                on_rejection(item)
        elif store.add(item):
            added += 1
            events += len(item.events)
        else:
            present += 1
    return IngestSummary(added=added, already_present=present, rejected=rejected, events=events)
