"""Per-document indices the event stage reads many times over: sentences and their entities, built once.

`token.sent` walks the parse to find the sentence bounds, and `span.ents` rebuilds every entity span of the
whole document on each call; the coder asks both for every candidate trigger. The index is built on the
first question about a document and kept until a question about another document comes (one slot per
thread: the stage codes one document at a time).
"""

from __future__ import annotations

import bisect
import threading
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


__all__ = [
    "children",
    "doc_text",
    "parsed_from",
    "sentence",
    "sentence_ents",
    "sentence_text",
    "sentences",
    "subtree",
]


class _Index:
    """The sentences of one parsed document, their start tokens, and the entities of each."""

    __slots__ = ("doc", "ents", "kids", "sentences", "starts", "text", "texts", "trees")

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text: str | None = None  # `doc.text` joins every token's text on each call: kept once
        # token index → its children / its subtree, as spaCy gives them, kept from the first question
        self.kids: dict[int, tuple[Token, ...]] = {}
        self.trees: dict[int, tuple[Any, ...]] = {}
        try:
            self.sentences: list[Span] = list(doc.sents)
        except ValueError:  # no sentence boundaries: callers fall back to `token.sent`
            self.sentences = []
        self.texts: list[str | None] = [None] * len(self.sentences)
        self.starts: list[int] = [s.start for s in self.sentences]
        ents: list[list[Any]] = [[] for _ in self.sentences]
        for ent in doc.ents:
            at = bisect.bisect_right(self.starts, ent.start) - 1
            if at >= 0 and ent.end <= self.sentences[at].end:
                ents[at].append(ent)
        self.ents: list[tuple[Any, ...]] = [tuple(found) for found in ents]

    def position(self, token: Token) -> int:
        return max(bisect.bisect_right(self.starts, token.i) - 1, 0)

    def whole_text(self) -> str:
        if self.text is None:
            self.text = str(self.doc.text)
        return self.text


_slot = threading.local()


def _index(doc: Doc) -> _Index:
    found: _Index | None = getattr(_slot, "index", None)
    if found is None or found.doc is not doc:
        found = _Index(doc)
        _slot.index = found
    return found


def children(token: Token) -> tuple[Token, ...]:
    """Return a token's syntactic children, left to right (as `tuple(token.children)`, read once per token).

    spaCy's `token.children` scans the token's whole subtree and builds a new token object per child on
    every call; the rules ask the same few tokens (triggers, their heads and objects) again and again.
    """
    kids = _index(token.doc).kids
    found = kids.get(token.i)
    if found is None:
        found = kids[token.i] = tuple(token.children)
    return found


def subtree(token: Token) -> tuple[Any, ...]:
    """Return a token and its descendants, in spaCy's order (as `tuple(token.subtree)`, read once per token)."""
    trees = _index(token.doc).trees
    found = trees.get(token.i)
    if found is None:
        found = trees[token.i] = tuple(token.subtree)
    return found


def sentences(doc: Doc) -> list[Span]:
    """Return the sentence spans of a parsed document (as `list(doc.sents)`, built once per document)."""
    index = _index(doc)
    return index.sentences if index.sentences else list(doc.sents)


def sentence(token: Token) -> Span:
    """Return the sentence span that holds a token (the same span as `token.sent`)."""
    index = _index(token.doc)
    return index.sentences[index.position(token)] if index.sentences else token.sent


def sentence_ents(token: Token) -> tuple[Any, ...]:
    """Return the entities inside the sentence that holds a token (as `token.sent.ents`)."""
    index = _index(token.doc)
    return index.ents[index.position(token)] if index.sentences else tuple(token.sent.ents)


def sentence_text(token: Token) -> str:
    """Return the text of the sentence that holds a token (as `token.sent.text`)."""
    index = _index(token.doc)
    if not index.sentences:
        return str(token.sent.text)
    at = index.position(token)
    text = index.texts[at]
    if text is None:
        # a span's text is the document's text between its first and last character
        span = index.sentences[at]
        text = index.texts[at] = index.whole_text()[span.start_char : span.end_char]
    return text


def parsed_from(doc: Doc, text: str) -> None:
    """Record the text a document was parsed from, so that `doc_text` need not join its tokens again.

    spaCy's `doc.text` is the string it was given; a text that cannot be that one (another length) is
    not recorded, and `doc_text` joins the tokens as before.
    """
    index = _index(doc)
    if index.text is None and len(doc) and doc[-1].idx + len(doc[-1].text_with_ws) == len(text):
        index.text = text


def doc_text(doc: Doc) -> str:
    """Return the text of a parsed document (as `doc.text`, joined once per document)."""
    return _index(doc).whole_text()
