"""Temporal expressions: dates with a precision, resolved against a reference (publication) date.

Conventions for the date a precision carries:
- day: that day.
- week: a day inside the week meant ("last week" is the reference minus seven days).
- month: the first day of the month.  year: the first of January.
Day-and-month without a year takes the reference year, unless that lands more than a week after the
reference (then the year before: news mostly reports the past).  A month without a year is the latest
such month that does not start after the reference.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

__all__ = ["CALENDAR_NAMES", "DateMatch", "find_dates", "resolve_date"]

PRECISIONS: tuple[str, ...] = ("day", "week", "month", "year")

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
# Month and weekday names, lower-cased: words that tell a time, never a name or a place.
CALENDAR_NAMES = frozenset([*(n.lower() for n in calendar.month_name if n), *_WEEKDAYS])
_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "several": 3,
    "a few": 3,
    "a couple of": 2,
}

_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?P<weekday>" + "|".join(_WEEKDAYS) + r")"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_COUNT = r"(?P<count>\d{1,3}|" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) + r")"

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        ("iso", r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
        ("month_day_year", rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"),
        ("day_month_year", rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b"),
        ("month_day", rf"\b{_MONTH}\s+{_DAY}\b(?!\s*(?:,\s*)?(?:19|20)\d\d)(?![\d:])"),
        ("day_month", rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\b(?!,?\s+(?:19|20)\d\d)"),
        ("month_year", rf"\b{_MONTH},?\s+{_YEAR}\b"),
        ("in_month", rf"\b(?:in|during|since|early|late|mid|mid-|throughout)\s*(?:-\s*)?{_MONTH}\b"),
        ("in_year", rf"\b(?:in|during|since|early|late|mid|mid-|until|throughout)\s*(?:-\s*)?{_YEAR}\b"),
        ("ago", rf"\b{_COUNT}\s+(?P<unit>day|week|month|year)s?\s+ago\b"),
        ("last_weekday", rf"\blast\s+{_WEEKDAY}\b"),
        ("weekday", rf"\b{_WEEKDAY}(?:'s)?\b"),
        (
            "relative",
            r"\b(?P<word>the\s+day\s+before\s+yesterday|yesterday|today|tonight|tomorrow|"
            r"last\s+night|this\s+(?:morning|afternoon|evening)|right\s+now|currently|"
            r"(?:earlier\s+|later\s+)?this\s+(?:week|month|year)|last\s+(?:week|weekend|month|year)|"
            r"next\s+(?:week|month|year)|(?:the\s+)?(?:past|previous)\s+(?:week|month|year))\b",
        ),
    )
)

_ABSOLUTE = frozenset({"iso", "month_day_year", "day_month_year", "month_year", "in_year"})


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A temporal expression found in a text: its span, the date it means and how precise that is."""

    start: int
    end: int
    text: str
    date: dt.date
    precision: str
    absolute: bool = False  # the text alone fixes the date ("29 January 2018"): no reference needed


def resolve_date(text: str, *, reference: dt.date) -> tuple[dt.date, str] | None:
    """Return (date, precision) of the first temporal expression in `text`, or None when there is none."""
    found = find_dates(text, reference=reference)
    return (found[0].date, found[0].precision) if found else None


def find_dates(text: str, *, reference: dt.date, bare: bool = False) -> list[DateMatch]:
    """Return every temporal expression in `text`, in text order, overlaps resolved to the longest.

    `bare=True` also accepts a lone month name or year ("January", "2017"): for a span a tagger already
    labelled as a date, where those cannot be a name or a quantity.
    """
    candidates: list[DateMatch] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            resolved = _resolve(kind, match, reference)
            if resolved is not None:
                absolute = kind in _ABSOLUTE
                candidates.append(DateMatch(match.start(), match.end(), match.group(0), *resolved, absolute))
    if bare:
        candidates.extend(_bare(text, reference))
    chosen: list[DateMatch] = []
    for candidate in sorted(candidates, key=lambda m: (-(m.end - m.start), m.start)):
        if all(candidate.end <= c.start or candidate.start >= c.end for c in chosen):
            chosen.append(candidate)
    return sorted(chosen, key=lambda m: m.start)


def _bare(text: str, reference: dt.date) -> list[DateMatch]:
    # Inside a span already tagged as a date, a lone year or full month name is a date too.
    found: list[DateMatch] = []
    for match in re.finditer(r"\b(?:19|20)\d\d\b", text):
        year = dt.date(int(match.group(0)), 1, 1)
        found.append(DateMatch(match.start(), match.end(), match.group(0), year, "year", absolute=True))
    for match in re.finditer(r"\b[A-Z][a-z]{3,8}\b", text):
        month = _MONTHS.get(match.group(0).lower())
        if month is not None:
            start = _latest_month(month, reference)
            found.append(DateMatch(match.start(), match.end(), match.group(0), start, "month"))
    return found


def _resolve(kind: str, match: re.Match[str], reference: dt.date) -> tuple[dt.date, str] | None:
    groups = match.groupdict()
    name = groups.get("month")
    if name is not None and not name.isdigit() and not name[0].isupper():
        return None  # "may", "march" in lower case are a verb or a noun, not a month
    month = _month_number(name)
    try:
        if kind in ("iso", "month_day_year", "day_month_year"):
            assert month is not None
            return dt.date(int(groups["year"]), month, int(groups["day"])), "day"
        if kind in ("month_day", "day_month"):
            assert month is not None
            return _nearest_day(month, int(groups["day"]), reference), "day"
        if kind == "month_year":
            assert month is not None
            return dt.date(int(groups["year"]), month, 1), "month"
    except ValueError:  # 31 February and friends: not a date
        return None
    if kind == "in_month":
        assert month is not None
        return _latest_month(month, reference), "month"
    if kind == "in_year":
        return dt.date(int(groups["year"]), 1, 1), "year"
    if kind == "ago":
        return _ago(groups["count"].lower(), groups["unit"].lower(), reference)
    if kind == "last_weekday":
        return _weekday_before(_WEEKDAYS[groups["weekday"].lower()], reference, strictly=True), "day"
    if kind == "weekday":
        if not match.group(0)[0].isupper():
            return None  # "sunday" in lower case is rarely a date in edited news
        return _weekday_before(_WEEKDAYS[groups["weekday"].lower()], reference, strictly=False), "day"
    return _relative(" ".join(groups["word"].lower().split()), reference)


def _month_number(name: str | None) -> int | None:
    if name is None:
        return None
    if name.isdigit():
        return int(name)
    return _MONTHS.get(name.lower().rstrip("."))


def _nearest_day(month: int, day: int, reference: dt.date) -> dt.date:
    candidate = dt.date(reference.year, month, day)
    if candidate > reference + dt.timedelta(days=7):
        candidate = dt.date(reference.year - 1, month, day)
    return candidate


def _latest_month(month: int, reference: dt.date) -> dt.date:
    year = reference.year if month <= reference.month else reference.year - 1
    return dt.date(year, month, 1)


def _weekday_before(weekday: int, reference: dt.date, *, strictly: bool) -> dt.date:
    back = (reference.weekday() - weekday) % 7
    if back == 0 and strictly:
        back = 7
    return reference - dt.timedelta(days=back)


def _month_start(reference: dt.date, months_back: int) -> dt.date:
    index = reference.year * 12 + reference.month - 1 - months_back
    return dt.date(index // 12, index % 12 + 1, 1)


def _ago(count_text: str, unit: str, reference: dt.date) -> tuple[dt.date, str] | None:
    count = int(count_text) if count_text.isdigit() else _NUMBERS.get(count_text)
    if count is None:
        return None
    vague = not count_text.isdigit() and count_text in ("several", "a few")
    if unit == "day":
        return reference - dt.timedelta(days=count), "week" if vague else "day"
    if unit == "week":
        return reference - dt.timedelta(weeks=count), "month" if vague else "week"
    if unit == "month":
        return _month_start(reference, count), "month"
    return dt.date(reference.year - count, 1, 1), "year"


def _relative(word: str, reference: dt.date) -> tuple[dt.date, str] | None:
    day = dt.timedelta(days=1)
    word = word.removeprefix("the ")
    table: dict[str, tuple[dt.date, str]] = {
        "day before yesterday": (reference - 2 * day, "day"),
        "yesterday": (reference - day, "day"),
        "last night": (reference - day, "day"),
        "today": (reference, "day"),
        "tonight": (reference, "day"),
        "this morning": (reference, "day"),
        "this afternoon": (reference, "day"),
        "this evening": (reference, "day"),
        "right now": (reference, "day"),
        "currently": (reference, "day"),
        "tomorrow": (reference + day, "day"),
        "last weekend": (_weekday_before(5, reference, strictly=True), "week"),
        "last week": (reference - 7 * day, "week"),
        "past week": (reference - 7 * day, "week"),
        "previous week": (reference - 7 * day, "week"),
        "next week": (reference + 7 * day, "week"),
        "last month": (_month_start(reference, 1), "month"),
        "past month": (_month_start(reference, 1), "month"),
        "previous month": (_month_start(reference, 1), "month"),
        "next month": (_month_start(reference, -1), "month"),
        "last year": (dt.date(reference.year - 1, 1, 1), "year"),
        "past year": (dt.date(reference.year - 1, 1, 1), "year"),
        "previous year": (dt.date(reference.year - 1, 1, 1), "year"),
        "next year": (dt.date(reference.year + 1, 1, 1), "year"),
    }
    if word in table:
        return table[word]
    period = word.rsplit(" ", 1)[-1]  # "(earlier|later) this week|month|year"
    if period == "week":
        return reference, "week"
    if period == "month":
        return reference.replace(day=1), "month"
    if period == "year":
        return dt.date(reference.year, 1, 1), "year"
    return None
