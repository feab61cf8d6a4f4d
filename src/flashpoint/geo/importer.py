"""Importing GeoNames dump files and user CSV files into the gazetteer index (streamed, idempotent)."""

from __future__ import annotations

import csv
import io
import sqlite3
import zipfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from flashpoint.errors import GazetteerError
from flashpoint.geo.build import country_codes
from flashpoint.geo.index import connect, write_rows
from flashpoint.geo.names import index_key, is_latin
from flashpoint.geo.tables import GazetteerRow, split_alternates

__all__ = ["import_csv", "import_geonames"]

# GeoNames feature classes worth keeping for news: areas, places, regions, relief, water.
KEPT_CLASSES = frozenset("APLTH")
# Alternate-name "languages" that are codes or links, not names.
SKIPPED_LANGUAGES = frozenset({"link", "post", "iata", "icao", "faac", "wkdt", "unlc", "tcid", "fr_1793"})
_BATCH = 20000


def import_geonames(
    path: Path, files: Sequence[Path], *, progress: Callable[[int], None] | None = None
) -> int:
    """Return the number of rows read from GeoNames dump files into the index at `path`.

    Accepts place tables (allCountries.txt, XX.txt, cities500.txt, or their .zip), alternateNamesV2.txt
    (or alternateNames.zip) and admin1CodesASCII.txt; each file is streamed and may be imported again.
    """
    iso3 = {iso2: codes[0] for iso2, codes in country_codes().items()}
    conn = connect(path)
    total = 0
    try:
        for file in files:
            for member, lines in _open_text(Path(file)):
                kind = _kind_of(member)
                with conn:
                    if kind == "admin1":
                        total += _import_admin1(conn, lines)
                    elif kind == "alternates":
                        total += _import_alternates(conn, lines, progress)
                    else:
                        total += _import_places(conn, lines, iso3, progress)
    except (OSError, sqlite3.Error, zipfile.BadZipFile, UnicodeDecodeError) as exc:
        raise GazetteerError(f"cannot import GeoNames files into {path}: {exc}") from exc
    finally:
        conn.close()
    return total


def _open_text(file: Path) -> Iterator[tuple[str, Iterator[str]]]:
    if not file.exists():
        raise GazetteerError(f"no such file: {file}")
    if file.suffix.lower() == ".zip":
        with zipfile.ZipFile(file) as archive:
            for member in archive.namelist():
                if member.endswith(".txt") and "readme" not in member.lower():
                    with archive.open(member) as raw:
                        yield member, iter(io.TextIOWrapper(raw, encoding="utf-8"))
        return
    with file.open(encoding="utf-8") as handle:
        yield file.name, iter(handle)


def _kind_of(name: str) -> str:
    lowered = Path(name).name.lower()
    if lowered.startswith("admin1codes"):
        return "admin1"
    if lowered.startswith("alternatenames"):
        return "alternates"
    return "places"


def _import_admin1(conn: sqlite3.Connection, lines: Iterator[str]) -> int:
    rows = [line.rstrip("\n").split("\t") for line in lines if line.strip() and not line.startswith("#")]
    pairs = [(r[0], r[1]) for r in rows if len(r) >= 2]
    conn.executemany("INSERT OR REPLACE INTO admin_codes VALUES (?, ?)", pairs)
    return len(pairs)


def _import_alternates(
    conn: sqlite3.Connection, lines: Iterator[str], progress: Callable[[int], None] | None
) -> int:
    known = {r[0] for r in conn.execute("SELECT id FROM places")}
    batch: list[tuple[str, str, str, int]] = []
    count = 0
    for line in lines:
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 4 or cols[1] not in known or cols[2] in SKIPPED_LANGUAGES:
            continue
        if not is_latin(cols[3]):
            continue
        batch.append((cols[1], cols[3], index_key(cols[3]), 0))
        if len(batch) >= _BATCH:
            conn.executemany("INSERT OR IGNORE INTO names VALUES (?, ?, ?, ?)", batch)
            count += len(batch)
            if progress:
                progress(len(batch))
            batch = []
    conn.executemany("INSERT OR IGNORE INTO names VALUES (?, ?, ?, ?)", batch)
    return count + len(batch)


def _import_places(
    conn: sqlite3.Connection,
    lines: Iterator[str],
    iso3: dict[str, str],
    progress: Callable[[int], None] | None,
) -> int:
    def rows() -> Iterator[GazetteerRow]:
        for line in lines:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 15 or cols[6] not in KEPT_CLASSES:
                continue
            try:
                lat, lon, population = float(cols[4]), float(cols[5]), int(cols[14] or 0)
            except ValueError:
                continue
            iso2 = cols[8]
            yield GazetteerRow(
                id=cols[0], name=cols[1], asciiname=cols[2] or None, lat=lat, lon=lon,
                country=iso3.get(iso2, iso2 or None), feature_class=cols[6], feature_code=cols[7],
                population=population, admin1=f"{iso2}.{cols[10]}" if cols[10] else None,
                admin2=cols[11] or None, alternates=tuple(a for a in cols[3].split(",") if a),
            )  # fmt: skip

    count = 0
    batch: list[GazetteerRow] = []
    for row in rows():
        batch.append(row)
        if len(batch) >= _BATCH:
            count += write_rows(conn, batch, source="geonames")
            if progress:
                progress(len(batch))
            batch = []
    return count + write_rows(conn, batch, source="geonames")


def import_csv(path: Path, file: Path) -> int:
    """Return the number of places read from a user CSV into the index at `path`.

    Columns: name, alternates ("|"-separated), lat, lon, country (ISO2 or ISO3), admin1, and optionally
    feature_code (default PPL) and population.
    """
    codes = country_codes()
    iso3s = {c[0] for c in codes.values()}
    try:
        with Path(file).open(encoding="utf-8", newline="") as handle:
            records = list(csv.DictReader(handle))
    except OSError as exc:
        raise GazetteerError(f"cannot read {file}: {exc}") from exc
    rows: list[GazetteerRow] = []
    for line, record in enumerate(records, start=2):
        try:
            name = (record.get("name") or "").strip()
            country = (record.get("country") or "").strip().upper()
            lat, lon = float(record["lat"]), float(record["lon"])
        except (KeyError, TypeError, ValueError) as exc:
            raise GazetteerError(f"{file}:{line}: needs name, lat, lon ({exc})") from exc
        if not name:
            raise GazetteerError(f"{file}:{line}: the name is empty")
        iso3 = codes[country][0] if country in codes else (country if country in iso3s else None)
        if country and iso3 is None:
            raise GazetteerError(f"{file}:{line}: unknown country code {country!r}")
        code = (record.get("feature_code") or "PPL").strip().upper()
        admin1 = (record.get("admin1") or "").strip() or None
        rows.append(
            GazetteerRow(
                id=f"csv:{iso3 or '-'}:{admin1 or '-'}:{name}", name=name, lat=lat, lon=lon,
                country=iso3, feature_class=_class_of(code), feature_code=code,
                population=int(record.get("population") or 0), admin1=admin1,
                alternates=split_alternates(record.get("alternates") or ""),
            )
        )  # fmt: skip
    conn = connect(path)
    try:
        with conn:
            return write_rows(conn, rows, source=f"csv:{Path(file).name}")
    except sqlite3.Error as exc:
        raise GazetteerError(f"cannot write {file} into {path}: {exc}") from exc
    finally:
        conn.close()


def _class_of(code: str) -> str:
    if code.startswith(("ADM", "PCL")):
        return "A"
    if code.startswith("PP"):
        return "P"
    if code in {"STM", "LK", "SEA", "OCN", "GULF", "BAY", "STRT", "CNL"}:
        return "H"
    if code in {"MT", "MTS", "HLL", "PEN", "ISL", "VAL"}:
        return "T"
    return "L" if code in {"RGN", "AREA", "CONT"} else "S"
