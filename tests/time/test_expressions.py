"""Temporal expressions resolved against a reference date (a Wednesday)."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.time import find_dates, resolve_date

REF = dt.date(2021, 3, 10)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("The raid happened on Sunday, locals said.", dt.date(2021, 3, 7), "day"),
        ("on Monday the mayor resigned", dt.date(2021, 3, 8), "day"),
        ("on Wednesday", dt.date(2021, 3, 10), "day"),  # the reference day itself
        ("Thursday's strike", dt.date(2021, 3, 4), "day"),
        ("last Wednesday", dt.date(2021, 3, 3), "day"),
        ("Guards fired yesterday.", dt.date(2021, 3, 9), "day"),
        ("the day before yesterday", dt.date(2021, 3, 8), "day"),
        ("talks resume today", dt.date(2021, 3, 10), "day"),
        ("clashes last night", dt.date(2021, 3, 9), "day"),
        ("a convoy is moving right now", dt.date(2021, 3, 10), "day"),
        ("tomorrow", dt.date(2021, 3, 11), "day"),
        ("troops massed last week", dt.date(2021, 3, 3), "week"),
        ("earlier this week", dt.date(2021, 3, 10), "week"),
        ("over the past week", dt.date(2021, 3, 3), "week"),
        ("last month", dt.date(2021, 2, 1), "month"),
        ("earlier this month", dt.date(2021, 3, 1), "month"),
        ("two days ago", dt.date(2021, 3, 8), "day"),
        ("3 days ago", dt.date(2021, 3, 7), "day"),
        ("a week ago", dt.date(2021, 3, 3), "week"),
        ("several days ago", dt.date(2021, 3, 7), "week"),
        ("six months ago", dt.date(2020, 9, 1), "month"),
        ("two years ago", dt.date(2019, 1, 1), "year"),
        ("January 29, 2018", dt.date(2018, 1, 29), "day"),
        ("Jan. 29, 2018", dt.date(2018, 1, 29), "day"),
        ("29 January 2018", dt.date(2018, 1, 29), "day"),
        ("the 4th of July, 2019", dt.date(2019, 7, 4), "day"),
        ("2019-11-02", dt.date(2019, 11, 2), "day"),
        ("29 January", dt.date(2021, 1, 29), "day"),
        ("on March 12", dt.date(2021, 3, 12), "day"),  # within a week ahead: the same year
        ("on 20 December", dt.date(2020, 12, 20), "day"),  # far ahead: last year's
        ("in January", dt.date(2021, 1, 1), "month"),
        ("in November", dt.date(2020, 11, 1), "month"),
        ("since mid-June", dt.date(2020, 6, 1), "month"),
        ("in February 2015", dt.date(2015, 2, 1), "month"),
        ("on 31 February 2019", dt.date(2019, 2, 1), "month"),  # no such day: only the month is sure
        ("in 2017", dt.date(2017, 1, 1), "year"),
        ("since mid-2016", dt.date(2016, 1, 1), "year"),
        ("last year", dt.date(2020, 1, 1), "year"),
        ("earlier this year", dt.date(2021, 1, 1), "year"),
        ("next month", dt.date(2021, 4, 1), "month"),
    ],
)
def test_expressions_resolve_date(text: str, expected: dt.date, precision: str) -> None:
    assert resolve_date(text, reference=REF) == (expected, precision)


@pytest.mark.parametrize(
    "text",
    [
        "No time is mentioned here.",
        "Officials may 5 times refuse.",  # lower-case "may" is a verb
        "They will march on the capital.",
        "The 2017 fighters were counted.",  # a bare number is not a year without a cue
        "a sunday market",
        "Two days after the vote",
    ],
)
def test_expressions_resolve_date_finds_nothing(text: str) -> None:
    assert resolve_date(text, reference=REF) is None


def test_expressions_find_dates_prefers_the_longest_span() -> None:
    [match] = find_dates("It began on 5 May 2019 at dawn.", reference=REF)
    assert (match.text, match.date, match.precision, match.absolute) == (
        "5 May 2019",
        dt.date(2019, 5, 5),
        "day",
        True,
    )


def test_expressions_find_dates_lists_all_in_order() -> None:
    text = "Shelling on Monday followed talks last month and a truce in 2019."
    found = find_dates(text, reference=REF)
    assert [m.text for m in found] == ["Monday", "last month", "in 2019"]
    assert all(text[m.start : m.end] == m.text for m in found)
    assert [m.absolute for m in found] == [False, False, True]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("January", (dt.date(2021, 1, 1), "month")), ("2016", (dt.date(2016, 1, 1), "year")), ("Jan", None)],
)
def test_expressions_find_dates_bare_for_tagged_spans(
    text: str, expected: tuple[dt.date, str] | None
) -> None:
    found = find_dates(text, reference=REF, bare=True)
    assert ((found[0].date, found[0].precision) if found else None) == expected
    assert find_dates(text, reference=REF) == []


@pytest.mark.parametrize("reference", [dt.date(2020, 1, 1), dt.date(2020, 2, 29), dt.date(2021, 12, 31)])
def test_expressions_weekdays_never_after_reference(reference: dt.date) -> None:
    for name in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"):
        resolved = resolve_date(f"on {name}", reference=reference)
        assert resolved is not None
        day, precision = resolved
        assert precision == "day"
        assert 0 <= (reference - day).days < 7
        assert day.strftime("%A") == name
