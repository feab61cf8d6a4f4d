"""The Phoenix (PETRARCH2) tables shipped in actors/data/phoenix: generic agents and named actors, as entries.

The tables are made by scripts/convert_phoenix.py from the Open Event Data Alliance dictionaries (MIT; the
notice is data/phoenix/NOTICE). They are the bottom layer of the actor dictionary: our YAML overrides them,
and a user's files override both.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from importlib import resources

from flashpoint.actors.entries import Entry, Role
from flashpoint.actors.text import phrase_key
from flashpoint.errors import ActorDictionaryError

__all__ = ["phoenix_entries"]

# actors.tsv kinds → dictionary layers ("place": a country's other names, towns and regions: its country)
_LAYER = {"person": "person", "organisation": "organisation", "place": "region"}


def _read(name: str) -> Iterator[tuple[int, list[str]]]:
    text = resources.files("flashpoint.actors").joinpath("data", "phoenix", name).read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), 1):
        if line and not line.startswith("#"):
            yield number, line.split("\t")


def _date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _roles(text: str) -> tuple[Role, ...]:
    roles = []
    for item in text.split(";") if text else ():
        sector, country, start, end = item.split("/")
        roles.append(Role(sector=sector, start=_date(start), end=_date(end), country=country or None))
    return tuple(roles)


def phoenix_entries() -> Iterator[tuple[str, tuple[str, ...], Entry]]:
    """Yield (layer, phrase key, entry) for every Phoenix agent phrase and named-actor name.

    Agents are sector nouns (every plural form is in the table); people carry their dated roles, coded
    by the office that covers a date; names of three letters or fewer in capitals match only in capitals.
    """
    for number, fields in _read("agents.tsv"):
        if len(fields) != 2:
            raise ActorDictionaryError(f"actors/data/phoenix/agents.tsv:{number}: expected 2 columns")
        yield "sector", tuple(fields[0].split(" ")), Entry(kind="sector", sector=fields[1])
    for number, fields in _read("actors.tsv"):
        if len(fields) != 6 or fields[0] not in _LAYER:
            raise ActorDictionaryError(f"actors/data/phoenix/actors.tsv:{number}: malformed row")
        kind, country, sector, after, roles, names = fields
        layer = _LAYER[kind]
        try:
            parsed = _roles(roles)
        except ValueError as exc:
            raise ActorDictionaryError(f"actors/data/phoenix/actors.tsv:{number}: bad role: {exc}") from exc
        split = names.split("|")
        entry = Entry(
            kind="region" if layer == "region" else kind,  # type: ignore[arg-type]
            country=country or None,
            sector=(sector or None) if layer != "region" else None,
            name=split[0] if layer != "region" else None,
            roles=parsed,
            after=after or None,
        )
        for name in split:
            key = phrase_key(name)
            if not key:
                continue
            if name.isupper() and len(name.replace(".", "")) <= 3:
                yield layer, key, replace(entry, case_sensitive=True)
            else:
                yield layer, key, entry
