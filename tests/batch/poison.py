"""A pipeline without the model that fails on purpose, for the retry tests (imported by the workers too)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from flashpoint.pipeline import Pipeline
from flashpoint.records import Document, Rejection
from flashpoint.settings import Settings


class PassStage:
    """A stage that changes nothing: the pipeline without the model."""

    name = "pass"
    requires = frozenset({"text"})
    provides: frozenset[str] = frozenset()

    def __call__(self, doc: Document) -> Document:
        return doc

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        yield from docs


class PoisonedPipeline(Pipeline):
    """Raises on a batch holding "POISON" until it has been tried `heal_after` times (one file per try)."""

    def __init__(self, attempts: Path, heal_after: int) -> None:
        super().__init__([PassStage()])
        self.attempts = attempts
        self.heal_after = heal_after

    def pipe(self, docs: Iterable[Document | Rejection]) -> Iterator[Document | Rejection]:
        docs = list(docs)
        if any(isinstance(d, Document) and "POISON" in d.text for d in docs):
            tries = len(list(self.attempts.iterdir()))
            (self.attempts / f"try-{tries}").touch()
            if tries < self.heal_after:
                raise RuntimeError("poisoned partition")
        return super().pipe(docs)


def poisoned(settings: Settings, *, attempts: Path, heal_after: int) -> Pipeline:
    return PoisonedPipeline(attempts, heal_after)


def write_shards(folder: Path) -> list[str]:
    folder.mkdir()
    texts = ["Rain fell on the town.", "POISON in this one.", "The market reopened."]
    paths = []
    for number, text in enumerate(texts):
        path = folder / f"{number}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths
