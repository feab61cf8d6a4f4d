"""Publication dates: stated formats parse, partial or absent dates give None."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.ingest.dates import parse_date


@pytest.mark.parametrize(
    "value",
    [
        "2018-01-29",
        "2018-01-29T22:10:00Z",
        "January 29, 2018",
        "29 Jan 2018",
        "Mon, 29 Jan 2018 10:00:00 +0000",
        "Mon Jan 29 10:00:00 +0000 2018",
        1517220000,
        dt.datetime(2018, 1, 29, 5, 0),
    ],
)
def test_dates_stated_formats_parse(value: object) -> None:
    assert parse_date(value) == dt.date(2018, 1, 29)


@pytest.mark.parametrize(
    "value", ["January 2018", "2018", "Sunday", "last week", "", None, 42, True, "not a date 2018"]
)
def test_dates_never_guessed(value: object) -> None:
    assert parse_date(value) is None
