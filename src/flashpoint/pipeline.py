"""The pipeline: an ordered list of stages, checked once when built, run over one document or a stream."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from typing import Protocol, runtime_checkable

from flashpoint.errors import FlashpointError, PipelineError
from flashpoint.records import Document, Rejection
from flashpoint.settings import Settings

__all__ = ["Pipeline", "Stage", "load_pipeline"]

log = logging.getLogger(__name__)

# What a freshly read Document already carries.
INPUT_FIELDS = frozenset({"text", "metadata", "posts"})


@runtime_checkable
class Stage(Protocol):
    """One pipeline stage: Document in, enriched Document out, plus a streaming `pipe`."""

    name: str
    requires: frozenset[str]
    provides: frozenset[str]

    def __call__(self, doc: Document) -> Document: ...

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]: ...


class Pipeline:
    """Runs documents through stages; a stage failure on one document becomes a Rejection, not a crash."""

    def __init__(self, stages: Sequence[Stage]) -> None:
        available = set(INPUT_FIELDS)
        for stage in stages:
            missing = stage.requires - available
            if missing:
                raise PipelineError(
                    f"stage {stage.name!r} needs {sorted(missing)}, which no earlier stage provides; "
                    f"order was {[s.name for s in stages]}"
                )
            available |= stage.provides
        self.stages: tuple[Stage, ...] = tuple(stages)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(stage.name for stage in self.stages)

    def __call__(self, doc: Document) -> Document:
        """Return `doc` run through every stage (errors propagate)."""
        for stage in self.stages:
            doc = stage(doc)
        return _drop_parse(doc)

    def pipe(self, docs: Iterable[Document | Rejection]) -> Iterator[Document | Rejection]:
        """Yield each document enriched, or a Rejection naming the stage that failed on it.

        Stages batch internally (spaCy's nlp.pipe); a failing batch is retried one document at a time
        so that one bad document cannot take its neighbours down with it.
        """
        batch: list[Document] = []
        for item in docs:
            if isinstance(item, Rejection):
                yield from self._run_batch(batch)
                batch = []
                yield item
                continue
            batch.append(item)
            if len(batch) >= 64:
                yield from self._run_batch(batch)
                batch = []
        yield from self._run_batch(batch)

    def _run_batch(self, batch: list[Document]) -> Iterator[Document | Rejection]:
        if not batch:
            return
        try:
            results: list[Document] = list(batch)
            for stage in self.stages:
                results = list(stage.pipe(results))
        except Exception:  # isolate the failing document below
            log.debug("batch failed; retrying documents one by one", exc_info=True)
            for doc in batch:
                yield self._run_one(doc)
            return
        for doc in results:
            yield _drop_parse(doc)

    def _run_one(self, doc: Document) -> Document | Rejection:
        stage_name = "pipeline"
        try:
            for stage in self.stages:
                stage_name = stage.name
                doc = stage(doc)
        except FlashpointError as exc:
            return Rejection(source=doc.source or doc.id, reason=str(exc), stage=stage_name)
        except Exception as exc:  # a bug on one input must not stop the batch
            log.exception("stage %s failed on %s", stage_name, doc.source or doc.id)
            return Rejection(
                source=doc.source or doc.id,
                reason=f"internal error in {stage_name}: {type(exc).__name__}: {exc}",
                stage=stage_name,
            )
        return _drop_parse(doc)


def _drop_parse(doc: Document) -> Document:
    # The spaCy Doc is large and not picklable cheaply: nothing after the pipeline needs it.
    return doc if doc.parsed is None else replace(doc, parsed=None)


def load_pipeline(settings: Settings | None = None) -> Pipeline:
    """Return the standard pipeline: nlp → actors → geo → events → geo link → time."""
    from flashpoint.actors import ActorStage
    from flashpoint.events import EventStage
    from flashpoint.geo import GeoStage, PlaceLinkStage
    from flashpoint.nlp import NlpStage
    from flashpoint.time import TimeStage

    settings = settings or Settings.load()
    actors = ActorStage(settings)
    geo = GeoStage(settings)
    return Pipeline(
        [
            NlpStage(settings),
            actors,
            geo,
            EventStage(settings, resolver=actors.resolver),
            PlaceLinkStage(settings, gazetteer=geo.gazetteer),
            TimeStage(settings),
        ]
    )
