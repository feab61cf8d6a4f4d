"""A memo in front of spaCy's rule lemmatizer: the same lemmas, looked up with arrays per document.

spaCy's rule lemmatizer decides a lemma from the token's text, coarse part of speech and morphology
only, but visits every token through Python objects. This memo keys on those three values, asks the
model's own lemmatizer once per new key, and writes the lemma column back with `Doc.from_array`.
"""

from __future__ import annotations

from typing import Any

import numpy as np

__all__ = ["LemmaMemo"]


class LemmaMemo:
    """Callable Doc → Doc setting the lemmas the wrapped rule lemmatizer would set."""

    def __init__(self, lemmatizer: Any) -> None:
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        self.name = lemmatizer.name
        self.lemmatizer = lemmatizer
        self.vocab = lemmatizer.vocab
        self._ids = [ORTH, POS, MORPH, LEMMA]
        self._lemma_id = LEMMA
        self._memo: dict[tuple[int, int, int], int] = {}

    @classmethod
    def from_lemmatizer(cls, lemmatizer: Any) -> LemmaMemo | None:
        """Return a memo for a rule-mode lemmatizer that keeps existing lemmas, else None."""
        if getattr(lemmatizer, "mode", None) != "rule" or getattr(lemmatizer, "overwrite", True):
            return None
        return cls(lemmatizer)

    def __call__(self, doc: Any) -> Any:
        if len(doc) == 0:
            return doc
        rows = doc.to_array(self._ids)
        orths, poses, morphs, lemmas = rows.T.tolist()
        get = self._memo.get
        # Lemmas already set (by the attribute rules) stay, as the lemmatizer keeps them too.
        found = [
            lemma or get(key)
            for lemma, key in zip(lemmas, zip(orths, poses, morphs, strict=True), strict=True)
        ]
        if None in found:
            found = [self._ask(doc, i) if f is None else f for i, f in enumerate(found)]
        if found != lemmas:
            doc.from_array([self._lemma_id], np.array(found, dtype=np.uint64).reshape(-1, 1))
        return doc

    def _ask(self, doc: Any, i: int) -> int:
        token = doc[i]
        key = (token.orth, token.pos, token.morph.key)
        found = self._memo.get(key)
        if found is None:
            found = self.vocab.strings.add(self.lemmatizer.lemmatize(token)[0])
            self._memo[key] = found
        return found
