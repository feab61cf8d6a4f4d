"""The nlp stage: parses each document once with spaCy and records its sentences."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

from flashpoint.nlp.attributes import AttributeTable
from flashpoint.nlp.lemmas import LemmaMemo
from flashpoint.nlp.model import load_model
from flashpoint.records import Document, Sentence
from flashpoint.settings import Settings

__all__ = ["NlpStage"]

# Components that may run before the attribute rules and lemmatizer instead of after: they read neither.
_INDEPENDENT = frozenset({"ner"})


class NlpStage:
    """Document → Document with `sentences` and the spaCy `parsed` Doc."""

    name = "nlp"
    requires = frozenset({"text"})
    provides = frozenset({"sentences", "parsed"})

    def __init__(self, settings: Settings, *, nlp: Language | None = None, fast: bool = True) -> None:
        self.nlp = nlp if nlp is not None else load_model(settings.model)
        self.nlp.max_length = max(self.nlp.max_length, settings.max_bytes + 1)
        self.batch_size = settings.batch_size
        # The model's attribute rules and lemmatizer, replaced by array-based equivalents (same output);
        # the model object itself is shared and left untouched: they are skipped per call instead.
        self._skip: list[str] = []
        self._after: list[Callable[[Doc], Doc]] = []
        if fast:
            self._skip, self._after = _fast_components(self.nlp)

    def __call__(self, doc: Document) -> Document:
        return self._attach(doc, self._finish(self.nlp(doc.text, disable=self._skip)))

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        docs = list(docs)
        parsed = self.nlp.pipe((d.text for d in docs), batch_size=self.batch_size, disable=self._skip)
        for doc, spacy_doc in zip(docs, parsed, strict=True):
            yield self._attach(doc, self._finish(spacy_doc))

    def _finish(self, spacy_doc: Doc) -> Doc:
        for component in self._after:
            spacy_doc = component(spacy_doc)
        return spacy_doc

    @staticmethod
    def _attach(doc: Document, spacy_doc: Doc) -> Document:
        text = doc.text
        sentences = []
        for i, span in enumerate(spacy_doc.sents):
            # spaCy keeps the whitespace after a sentence in its span; the evidence text should not.
            raw = text[span.start_char : span.end_char]
            body = raw.strip()
            start = span.start_char + len(raw) - len(raw.lstrip())
            sentences.append(Sentence(index=i, start=start, end=start + len(body), text=body))
        return replace(doc, sentences=tuple(sentences), parsed=spacy_doc)


def _fast_components(nlp: Language) -> tuple[list[str], list[Callable[[Doc], Doc]]]:
    """Return the components to skip and their stand-ins, or nothing when the model is not the expected shape."""
    names = list(nlp.pipe_names)
    if "attribute_ruler" not in names or "lemmatizer" not in names:
        return [], []
    ruler_at = names.index("attribute_ruler")
    if names[ruler_at + 1 : ruler_at + 2] != ["lemmatizer"] or not set(names[ruler_at + 2 :]) <= _INDEPENDENT:
        return [], []
    table = AttributeTable.from_ruler(nlp.get_pipe("attribute_ruler"))
    memo = LemmaMemo.from_lemmatizer(nlp.get_pipe("lemmatizer"))
    if table is None or memo is None:
        return [], []
    return ["attribute_ruler", "lemmatizer"], [table, memo]
