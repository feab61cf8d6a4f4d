"""Our own small tables (countries, first-level divisions, features, demonyms) read from geo/data/."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources

__all__ = ["GazetteerRow", "read_table"]


@dataclass(frozen=True, slots=True)
class GazetteerRow:
    """One place as written to the index: its names and where it is."""

    id: str
    name: str
    lat: float
    lon: float
    country: str | None  # ISO3
    feature_class: str
    feature_code: str
    population: int = 0
    admin1: str | None = None
    admin2: str | None = None
    alternates: tuple[str, ...] = ()
    asciiname: str | None = None


def read_table(filename: str) -> Iterator[list[str]]:
    """Yield the tab-separated rows of one of our data files, without comments and blank lines."""
    text = resources.files("flashpoint.geo").joinpath("data", filename).read_text(encoding="utf-8")
    lines = (line for line in text.splitlines() if line.strip() and not line.startswith("#"))
    for row in csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        yield [cell.strip() for cell in row]


def split_alternates(cell: str) -> tuple[str, ...]:
    """Return the "|"-separated names of a cell, stripped, without empties."""
    return tuple(part.strip() for part in cell.split("|") if part.strip())
