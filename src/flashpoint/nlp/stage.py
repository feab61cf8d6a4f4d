"""The nlp stage: parses each document once with spaCy and records its sentences."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any

from flashpoint.nlp.model import load_model
from flashpoint.records import Document, Sentence
from flashpoint.settings import Settings

__all__ = ["NlpStage"]


class NlpStage:
    """Document → Document with `sentences` and the spaCy `parsed` Doc."""

    name = "nlp"
    requires = frozenset({"text"})
    provides = frozenset({"sentences", "parsed"})

    def __init__(self, settings: Settings, *, nlp: Any | None = None) -> None:
        self.nlp = nlp if nlp is not None else load_model(settings.model)
        self.nlp.max_length = max(self.nlp.max_length, settings.max_bytes + 1)
        self.batch_size = settings.batch_size

    def __call__(self, doc: Document) -> Document:
        return self._attach(doc, self.nlp(doc.text))

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        docs = list(docs)
        parsed = self.nlp.pipe((d.text for d in docs), batch_size=self.batch_size)
        for doc, spacy_doc in zip(docs, parsed, strict=True):
            yield self._attach(doc, spacy_doc)

    @staticmethod
    def _attach(doc: Document, spacy_doc: Any) -> Document:
        sentences = []
        for i, span in enumerate(spacy_doc.sents):
            # spaCy keeps the whitespace after a sentence in its span; the evidence text should not.
            text = span.text.rstrip()
            lead = len(text) - len(text.lstrip())
            start = span.start_char + lead
            sentences.append(Sentence(index=i, start=start, end=start + len(text.strip()), text=text.strip()))
        return replace(doc, sentences=tuple(sentences), parsed=spacy_doc)
