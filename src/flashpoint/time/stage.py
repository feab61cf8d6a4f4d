"""The time stage: each event's date and precision, from the temporal expressions of its sentence."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

from flashpoint.records import Document, Event
from flashpoint.settings import Settings
from flashpoint.time.expressions import PRECISIONS, DateMatch, find_dates

__all__ = ["UNDATED_PRECISION", "TimeStage", "event_date", "reference_date"]

# An event whose sentence says nothing about time was reported around the reference date: we keep that
# date but only claim the week, since reports often lag the event by a day or more.
UNDATED_PRECISION = "week"

# Any fixed day serves to find absolute expressions when there is no reference date.
_ANY_DAY = dt.date(2000, 1, 1)


def reference_date(doc: Document, offset: int) -> dt.date | None:
    """Return the date text at `offset` is relative to: its embedded post's date, else the document's."""
    post = doc.post_at(offset)
    if post is not None and post.published is not None:
        return post.published
    return doc.published


def event_date(doc: Document, event: Event) -> tuple[dt.date, str] | None:
    """Return (date, precision) for `event`: the temporal expression nearest its trigger, else the reference.

    A day the parse attaches to another verb only dates the event to that week.

    None when the sentence has no absolute date and there is no reference date to resolve against.
    """
    reference = reference_date(doc, event.trigger_start)
    matches = _sentence_dates(doc, event, reference or _ANY_DAY)
    if reference is None:
        matches = [m for m in matches if m.absolute]
    if matches:
        trigger = _trigger_token(doc.parsed, event)
        best = min(matches, key=lambda m: _rank(m, event, doc, trigger))
        if trigger is not None and best.precision == "day" and not _attached(doc.parsed, best, trigger):
            # The parse ties the day to another verb ("said on Monday that … attacked"): the event is
            # near that day, not surely on it.
            return best.date, "week"
        return best.date, best.precision
    if reference is None:
        return None
    return reference, UNDATED_PRECISION


def _rank(match: DateMatch, event: Event, doc: Document, trigger: Token) -> tuple[int, int, int, int, int]:
    """Order candidate expressions: attached to the trigger in the parse, same clause, near, precise, long."""
    if match.end <= event.trigger_start:
        gap = doc.text[match.end : event.trigger_start]
    elif match.start >= event.trigger_end:
        gap = doc.text[event.trigger_end : match.start]
    else:
        gap = ""
    crosses = int(any(mark in gap for mark in ",;:()"))
    detached = 0 if trigger is None else int(not _attached(doc.parsed, match, trigger))
    return detached, crosses, len(gap), PRECISIONS.index(match.precision), -(match.end - match.start)


def _trigger_token(parsed: Doc, event: Event) -> Any:
    if parsed is None:
        return None
    span = parsed.char_span(event.trigger_start, event.trigger_end, alignment_mode="expand")
    return None if span is None else span.root


def _attached(parsed: Doc, match: DateMatch, trigger: Token) -> bool:
    # True when the trigger is what the expression modifies: reached going up the parse from the
    # expression before any other verb ("the attack on Sunday", "stormed the office yesterday").
    span = parsed.char_span(match.start, match.end, alignment_mode="expand")
    if span is None:
        return False
    token = span.root
    while token.head.i != token.i:
        token = token.head
        if token.i == trigger.i:
            return True
        if token.pos_ in ("VERB", "AUX"):
            return False
    return False


def _sentence_dates(doc: Document, event: Event, reference: dt.date) -> list[DateMatch]:
    sentence = next((s for s in doc.sentences if s.index == event.sentence), None)
    if sentence is None:
        sentence = doc.sentence_at(event.trigger_start)
    if sentence is None:
        return []
    found = [_shift(m, sentence.start) for m in _dates_in(sentence.text, reference, False)]
    for entity in _date_entities(doc.parsed, sentence.start, sentence.end):
        found.extend(_shift(m, entity.start_char) for m in _dates_in(entity.text, reference, True))
    return found


@functools.lru_cache(maxsize=256)
def _dates_in(text: str, reference: dt.date, bare: bool) -> tuple[DateMatch, ...]:
    """Return `find_dates` of a text, kept: the events of one sentence ask for the same sentence again."""
    return tuple(find_dates(text, reference=reference, bare=bare))


def _date_entities(parsed: Doc, start: int, end: int) -> list[Any]:
    if parsed is None:
        return []
    return [e for e in _dates_of(parsed) if start <= e.start_char and e.end_char <= end]


@functools.lru_cache(maxsize=4)
def _dates_of(parsed: Doc) -> tuple[Any, ...]:
    """Return the DATE entities of a parsed document (`doc.ents` builds every entity span on each call)."""
    return tuple(e for e in parsed.ents if e.label_ == "DATE")


def _shift(match: DateMatch, offset: int) -> DateMatch:
    return replace(match, start=match.start + offset, end=match.end + offset)


class TimeStage:
    """Document → Document with each event's `date` and `date_precision` filled where they were empty."""

    name = "time"
    requires = frozenset({"events", "sentences"})
    provides = frozenset({"events.date"})

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def __call__(self, doc: Document) -> Document:
        if not doc.events:
            return doc
        return replace(doc, events=tuple(self._date(doc, event) for event in doc.events))

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        return (self(doc) for doc in docs)

    @staticmethod
    def _date(doc: Document, event: Event) -> Event:
        if event.date is not None:
            return event  # an earlier stage (or the input) already knew the date
        resolved = event_date(doc, event)
        if resolved is None:
            return event
        return replace(event, date=resolved[0], date_precision=resolved[1])
