"""People the dictionary does not know: coded by the office their apposition or complement names."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from flashpoint.events import EventStage
from flashpoint.events.lookup import ActorLookup
from flashpoint.records import Actor, Document, Event
from flashpoint.settings import Settings

from .conftest import FakeResolver

Code = Callable[..., tuple[Event, ...]]

# Office words of these sentences; the countries come from the conftest resolver's invented names.
_OFFICES = {"governor": "GOV", "minister": "GOV", "spokesman": "GOV", "commander": "MIL"}


class _OfficeResolver(FakeResolver):
    """Knows the invented countries and a few office words; a place name alone gives only a country."""

    def resolve(
        self, text: str, *, date: Any = None, context: str | None = None, cased: bool | None = None
    ) -> Actor | None:
        if "ethnic" in text.lower():
            return Actor(country=None, sector="CVL", kind="people")  # coded where they live, as CAMEO does
        found = super().resolve(text, date=date, context=context, cased=cased)
        sector = next((_OFFICES[w] for w in text.lower().split() if w in _OFFICES), None)
        if sector is None:
            return found
        return Actor(country=found.country if found else None, sector=sector)


@pytest.fixture(scope="module")
def event_stage() -> EventStage:
    return EventStage(Settings(), resolver=_OfficeResolver())


def _first(events: tuple[Event, ...], plover: str) -> Event:
    found = [e for e in events if e.type == plover]
    assert found, events
    return found[0]


@pytest.mark.parametrize(
    ("text", "mentions", "country", "sector"),
    [
        # the place inside the apposition is an actor-stage mention with a country and no sector
        (
            "Tomas Velkar, governor of Syldavia province, accused the rebels of burning a school.",
            {"Syldavia province": "SYL"},
            "SYL",
            "GOV",
        ),
        (
            "Anna Brosk, the Ruritanian foreign minister, accused Borduria of shelling the border.",
            {"Ruritanian": "RUR"},
            "RUR",
            "GOV",
        ),
        (
            "Ilse Marnow, a commander of the Bordurian army, accused Syldavia of arming smugglers.",
            {},
            "BOR",
            "MIL",
        ),
    ],
)
def test_parties_unknown_person_takes_the_office_of_the_apposition(
    code_events: Code, text: str, mentions: dict[str, str], country: str, sector: str
) -> None:
    event = _first(code_events(text, mentions=mentions), "ACCUSE")
    assert event.actor is not None, event
    assert (event.actor.country, event.actor.sector) == (country, sector)


def test_parties_member_of_a_people_is_placed_where_the_sentence_puts_them(code_events: Code) -> None:
    events = code_events(
        "Ruritanian police detained an ethnic Syldavian man in Kelvale on Friday.",
        places={"Kelvale": "BOR"},
    )
    event = _first(events, "COERCE")
    assert event.recipient is not None and event.recipient.country == "BOR", event


@pytest.mark.parametrize(
    ("text", "places", "country"),
    [
        (
            "Riots spread across Kelvale overnight. The country's interior minister accused students of arson.",
            {"Kelvale": "BOR"},
            "BOR",
        ),
        # two countries named as often: the document is about neither alone
        (
            "Kelvale and Ostrava traded fire overnight. The country's interior minister accused students of arson.",
            {"Kelvale": "BOR", "Ostrava": "SYL"},
            None,
        ),
    ],
)
def test_parties_unplaced_office_takes_the_country_the_document_is_about(
    code_events: Code, text: str, places: dict[str, str], country: str | None
) -> None:
    event = _first(code_events(text, places=places), "ACCUSE")
    assert event.actor is not None and event.actor.sector == "GOV", event
    assert event.actor.country == country, event


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The council rejected a call for Ruritanian troops to enter the valley.", "call"),
        ("The council discussed a request for Bordurian peacekeepers.", "request"),
    ],
)
def test_parties_what_a_thing_is_for_is_not_its_party(
    parse: Callable[..., Document], text: str, word: str
) -> None:
    doc = parse(text)
    token = next(t for t in doc.parsed if t.text == word)
    actor, _ = ActorLookup((), _OfficeResolver(), None).resolve(token)
    assert actor is None, actor


def test_parties_whom_a_spokesman_is_for_is_his_party(code_events: Code) -> None:
    event = _first(code_events("A spokesman for the Ruritanian army accused Borduria of lying."), "ACCUSE")
    assert event.actor is not None and event.actor.country == "RUR", event
