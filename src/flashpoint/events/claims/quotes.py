"""Quotations: where they are in a text, and whether a trigger stands in a quoted statement."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

from flashpoint.events.docindex import sentence_text

__all__ = ["quote_spans"]

_QUOTES = re.compile(r"“([^”]{1,2000})”|\"([^\"\n]{1,2000})\"|``(.{1,2000}?)''", re.DOTALL)

_OPENING_MARKS = ("“",)

_QUOTED_WORDS = 5  # fewer quoted words are a phrase ("so-called 'liberation'"), not a statement


def quote_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Return (start, end) character offsets of the inside of each quotation in `text`."""
    spans: list[tuple[int, int]] = []
    for match in _QUOTES.finditer(text):
        group = next(i for i in (1, 2, 3) if match.group(i) is not None)
        spans.append((match.start(group), match.end(group)))
    return tuple(spans)


def _quoted_clause(trigger: Token, quoted: str | None) -> bool:
    """Return True when the trigger stands in a quoted clause: inside quotation marks that hold more than
    a phrase, or in a sentence that opens a quotation it does not close (a quote running on) or closes
    one it did not open."""
    if quoted is not None:
        return len(quoted.split()) >= _QUOTED_WORDS
    text = sentence_text(trigger).strip()
    opens = sum(text.count(mark) for mark in _OPENING_MARKS)
    closes = text.count("”")
    straight = text.count('"')
    if straight % 2 == 1:
        return text.startswith('"') or text.rstrip(".!? ").endswith('"')
    return (text.startswith("“") and opens > closes) or (text.rstrip(".!? ").endswith("”") and closes > opens)
