"""Time: event dates resolved against the publication date, with an honest precision."""

from __future__ import annotations

from flashpoint.time.expressions import DateMatch, find_dates, resolve_date
from flashpoint.time.stage import UNDATED_PRECISION, TimeStage, event_date, reference_date

__all__ = [
    "UNDATED_PRECISION",
    "DateMatch",
    "TimeStage",
    "event_date",
    "find_dates",
    "reference_date",
    "resolve_date",
]
