"""Dictionary entries: what one phrase of the actor dictionary stands for."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

__all__ = ["KINDS", "STRONG_KINDS", "Entry", "EntryKind", "Role"]

EntryKind = Literal[
    "city",  # a city: its country, and its people when alone (CVL)
    "region",  # a province or region: its country
    "capital",  # a capital or seat of power used as a metonym for the government
    "country",  # a country name
    "demonym",  # "Turkish", "Turks": the country, no sector
    "sector",  # a noun that gives the sector: "troops", "police"
    "title",  # a title that yields to the institution it heads: "president of the Riigikogu"
    "modifier",  # "former", "retired": turns an office holder into an elite (ELI)
    "organisation",  # a named organisation, group, party or institution
    "person",  # a named person whose sector depends on the date
]
KINDS: frozenset[str] = frozenset(EntryKind.__args__)  # type: ignore[attr-defined]
# Named things whose own sector outranks the generic nouns around them ("FSA forces" → REB).
STRONG_KINDS: frozenset[str] = frozenset({"organisation", "person"})


@dataclass(frozen=True, slots=True)
class Role:
    """An office a person held: sector and title between two dates (open-ended when None)."""

    sector: str
    title: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    country: str | None = None  # the office's own code when it is not the person's (IGO for a UN post)

    def covers(self, date: dt.date) -> bool:
        """Return True when the person held this office on `date`."""
        return (self.start is None or self.start <= date) and (self.end is None or date < self.end)


@dataclass(frozen=True, slots=True)
class Entry:
    """What a dictionary phrase means: a country and sector, and for people the offices they held."""

    kind: EntryKind
    country: str | None = None
    sector: str | None = None
    name: str | None = None
    roles: tuple[Role, ...] = ()
    after: str | None = "ELI"  # a person's sector once every office they held has ended
    case_sensitive: bool = False  # "US", "IS": only when written in capitals
    partial: bool = False  # a person's bare surname: not after another capitalised name ("Adam Brown")

    def in_office(self, date: dt.date) -> bool:
        """Return True when a role covers `date` (or the entry has no roles at all)."""
        return not self.roles or any(role.covers(date) for role in self.roles)

    def on(self, date: dt.date) -> tuple[str | None, str | None, str | None]:
        """Return (country, sector, role title) on `date`: people are coded by the office they held then."""
        for role in self.roles:
            if role.covers(date):
                return role.country or self.country, role.sector, role.title
        if any(role.end is not None and role.end <= date for role in self.roles):
            return self.country, self.after or self.sector, None
        return self.country, self.sector, None
