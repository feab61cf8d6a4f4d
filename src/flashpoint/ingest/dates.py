"""Publication dates from the strings articles and posts carry, never guessed from nothing."""

from __future__ import annotations

import datetime as dt
import re

from dateutil import parser as date_parser

__all__ = ["parse_date"]

# Two far-apart defaults: a field dateutil filled from a default differs between the two parses,
# which tells us the string did not state it.
_DEFAULT_A = dt.datetime(1901, 1, 1)
_DEFAULT_B = dt.datetime(1902, 2, 2)
_YEAR = re.compile(r"\b(1[89]\d\d|2\d\d\d)\b")
_MIN_EPOCH = 100_000_000  # 1973: smaller numbers are counts or ids, not timestamps


def parse_date(value: object) -> dt.date | None:
    """Return the calendar date stated by `value` (ISO, "January 29, 2018", RFC 822, epoch), else None.

    A string must state year, month and day; a partial date ("January 2018") gives None rather than a
    guessed first of the month.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return _from_epoch(float(value))
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > 80:
        return None
    if text.isdigit():
        return _from_epoch(float(text))
    if not _YEAR.search(text):
        return None
    try:
        first = date_parser.parse(text, default=_DEFAULT_A)
        second = date_parser.parse(text, default=_DEFAULT_B)
    except (ValueError, OverflowError):
        return None
    if (first.year, first.month, first.day) != (second.year, second.month, second.day):
        return None
    return first.date()


def _from_epoch(seconds: float) -> dt.date | None:
    if seconds > 10**11:  # milliseconds
        seconds /= 1000
    if seconds < _MIN_EPOCH:
        return None
    try:
        return dt.datetime.fromtimestamp(seconds, tz=dt.UTC).date()
    except (OverflowError, OSError, ValueError):
        return None
