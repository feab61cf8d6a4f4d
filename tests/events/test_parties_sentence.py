"""Unnamed groups no place names: the one country of the others in their sentence, and the names that
place no one (a body above states)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest

from flashpoint.actors import ActorResolver
from flashpoint.events import EventStage
from flashpoint.records import Actor, Document, Event, Mention, Place, PlaceMention
from flashpoint.settings import Settings

from .conftest import FakeResolver

# Sector words of these sentences; the invented countries come from the conftest resolver.
_SECTORS = {
    "smugglers": "CRM",
    "government": "GOV",
    "villagers": "CVL",
    "rebels": "REB",
    "soldiers": "MIL",
    "president": "GOV",
    "monitor": "NGO",
    "fighters": "REB",
}


class _SectorResolver(FakeResolver):
    def resolve(
        self, text: str, *, date: Any = None, context: str | None = None, cased: bool | None = None
    ) -> Actor | None:
        found = super().resolve(text, date=date, context=context, cased=cased)
        sector = next((_SECTORS[w] for w in text.lower().split() if w in _SECTORS), None)
        if sector is None:
            return found
        return Actor(country=found.country if found else None, sector=sector)


@pytest.fixture(scope="module")
def code(parse: Callable[..., Document]) -> Callable[..., tuple[Event, ...]]:
    stage = EventStage(Settings(), resolver=_SectorResolver())

    def run(text: str, mentions: dict[str, Actor], places: dict[str, str] | None = None) -> tuple[Event, ...]:
        doc = parse(text)
        found = []
        for surface, actor in mentions.items():
            start = text.index(surface)
            found.append(Mention(start, start + len(surface), surface, actor))
        located = []
        for surface, country in (places or {}).items():
            start = text.index(surface)
            # the invented names are whole countries, as the gazetteer codes them
            place = Place(id=surface, name=surface, lat=0.0, lon=0.0, country=country, feature_code="PCLI")
            located.append(PlaceMention(start, start + len(surface), surface, place))
        return stage(replace(doc, mentions=tuple(found), places=tuple(located))).events

    return run


def _only(events: tuple[Event, ...], plover: str) -> Event:
    found = [e for e in events if e.type == plover]
    assert len(found) == 1, events
    return found[0]


_PRESIDENT = Actor(country="SYL", sector="GOV", name="Ivo Marek", kind="person")
_FORCES = Actor(country="RUR", sector="MIL")


@pytest.mark.parametrize(
    ("text", "mentions", "plover", "country"),
    [
        # a person the dictionary knows lends the country to the body they call on
        (
            "Ivo Marek called on the government to free the strikers.",
            {"Ivo Marek": _PRESIDENT},
            "REQUEST",
            "SYL",
        ),
        # forces that arrest a group with no place named arrest it at home
        (
            "Ruritanian soldiers arrested thirty smugglers on Tuesday.",
            {"Ruritanian soldiers": _FORCES},
            "COERCE",
            "RUR",
        ),
        # two countries named with it: none is lent
        (
            "Ivo Marek said the Tesk Front had arrested thirty smugglers.",
            {"Ivo Marek": _PRESIDENT, "the Tesk Front": Actor(country="RUR", sector="REB", kind="group")},
            "COERCE",
            None,
        ),
        # a body above states places no one
        (
            "The Jesk monitor said the rebels had killed nine smugglers.",
            {"Jesk monitor": Actor(country="NGO"), "the rebels": Actor(country=None, sector="REB")},
            "ASSAULT",
            None,
        ),
    ],
)
def test_parties_recipient_takes_the_one_country_of_its_sentence(
    code: Callable[..., tuple[Event, ...]],
    text: str,
    mentions: dict[str, Actor],
    plover: str,
    country: str | None,
) -> None:
    event = _only(code(text, mentions), plover)
    assert event.recipient is not None
    assert event.recipient.country == country


class _TownResolver(_SectorResolver):
    """Reads "Kelvale" as the largest town of that name, a Bordurian one (as the dictionary's town table
    does, without context)."""

    def resolve(
        self, text: str, *, date: Any = None, context: str | None = None, cased: bool | None = None
    ) -> Actor | None:
        if text.lower().removeprefix("the ").strip() == "kelvale":
            return Actor(country="BOR", sector="CVL")
        return super().resolve(text, date=date, context=context, cased=cased)


@pytest.mark.parametrize(("geocoded", "country"), [("SYL", "SYL"), ("BOR", "BOR"), (None, "BOR")])
def test_parties_town_name_takes_the_geoparsers_country(
    parse: Callable[..., Document], geocoded: str | None, country: str
) -> None:
    text = "Ruritanian rebels shelled Kelvale on Sunday."
    start = text.index("Kelvale")
    doc = parse(text)
    places = ()
    if geocoded is not None:
        place = Place(id="k", name="Kelvale", lat=0.0, lon=0.0, country=geocoded)
        places = (PlaceMention(start, start + 7, "Kelvale", place),)
    stage = EventStage(Settings(), resolver=_TownResolver())
    event = _only(stage(replace(doc, places=places)).events, "ASSAULT")
    assert event.recipient is not None and event.recipient.country == country


def test_parties_attackers_country_does_not_place_their_targets(
    code: Callable[..., tuple[Event, ...]],
) -> None:
    # the document is about Syldavia; the strikes are Borduria's, the civilians are where the war is
    text = "The war spread across Syldavia. Borduria's jets killed the villagers on Monday."
    places = {"Syldavia": "SYL", "Borduria": "BOR"}
    events = code(text, {"Borduria": Actor(country="BOR")}, places=places)
    event = next(e for e in events if e.trigger == "killed")
    assert event.recipient is not None and event.recipient.country == "SYL"


def test_parties_thing_placed_by_its_complement_yields_to_a_named_party(
    parse: Callable[..., Document],
) -> None:
    # with the real dictionary, "in Quito" places the accord in Ecuador (its capital: the government);
    # the accord is no party, and the state it was signed with comes first
    stage = EventStage(Settings(), resolver=ActorResolver())
    events = stage(parse("Chile signed a trade accord with Peru in Quito on Monday.")).events
    event = next(e for e in events if e.trigger == "signed")
    assert event.recipient is not None and event.recipient.country == "PER"


def test_parties_hyphenated_name_split_by_the_parser_stays_the_subject(
    code: Callable[..., tuple[Event, ...]],
) -> None:
    # the parser reads "Jae-in" as two subjects; the act is the person's, not the word "in"'s
    text = "Syldavian President Moon Jae-in urged Borduria to reopen the border."
    events = code(text, {"Syldavian President Moon Jae": Actor(country="SYL", sector="GOV")})
    event = _only(events, "REQUEST")
    assert event.actor_text is not None and event.actor_text != "in"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # a stateless people is not of the nation whose forces back it, nor of the sentence's one country
        ("Ruritanian soldiers backed Kurdish fighters on Tuesday.", None),
        # a group of no people at all still takes the one country of its sentence
        ("Ruritanian soldiers arrested thirty fighters on Tuesday.", "RUR"),
    ],
)
def test_parties_stateless_people_take_no_other_partys_country(
    code: Callable[..., tuple[Event, ...]], text: str, country: str | None
) -> None:
    events = code(text, {"Ruritanian soldiers": _FORCES})
    assert events
    recipients = [e.recipient for e in events if e.recipient is not None]
    assert recipients, events
    assert all(r.country == country for r in recipients), events
