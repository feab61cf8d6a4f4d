"""Sentence boundaries spaCy's parser does not see: a blank line ends a sentence, a closing quote does not open one.

Without this, a heading runs into the paragraph below it and a quoted paragraph ("…," the minister said.)
into the next one, so an attribution or an event's actor crosses from one paragraph to the other. The
component runs before the parser, which keeps boundaries already set.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.language import Language

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["PARAGRAPHS", "mark_paragraphs"]

PARAGRAPHS = "flashpoint_paragraphs"

# A blank line (spaces or tabs allowed on it): the first character after it opens a sentence.
_BREAK = re.compile(r"\n[ \t\r]*\n\s*")
# A closing quote glued to the end of a sentence: it belongs to that sentence.
_CLOSING = re.compile(r"[.!?][\"”’»]")


@Language.component(PARAGRAPHS)
def mark_paragraphs(doc: Doc) -> Doc:
    """Return `doc` with sentence starts set after blank lines and unset on closing quotes."""
    text = doc.text
    has_break = "\n" in text and _BREAK.search(text) is not None
    has_quote = _CLOSING.search(text) is not None
    if not (has_break or has_quote):
        return doc
    starts = {token.idx: token.i for token in doc}
    if has_break:
        for match in _BREAK.finditer(text):
            i = starts.get(match.end())
            if i is not None and i > 0:
                doc[i].is_sent_start = True
    if has_quote:
        for match in _CLOSING.finditer(text):
            i = starts.get(match.start() + 1)
            if i is not None and i > 0:
                doc[i].is_sent_start = False
    return doc
