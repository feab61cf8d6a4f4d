"""Which word is the actor: control verbs, agentless removals, and the other side of an act as a place."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest

from flashpoint.events import EventStage
from flashpoint.records import Actor, Document, Event, Place, PlaceMention
from flashpoint.settings import Settings

from .conftest import FakeResolver

Code = Callable[..., tuple[Event, ...]]


def _of(events: tuple[Event, ...], plover: str) -> list[Event]:
    return [e for e in events if e.type == plover]


def _country(actor: object) -> str | None:
    return getattr(actor, "country", None)


@pytest.mark.parametrize(
    ("text", "plover", "actor"),
    [
        # after a verb of asking or forcing, its object does what the infinitive says
        ("Syldavia helped Bordurian militias to attack the Ruritanian garrison.", "ASSAULT", "BOR"),
        # after any other verb its subject does
        (
            # (the summons is the protest: ACCUSE, tests/events/test_types_round4.py)
            "The Ruritanian ministry summoned the Bordurian envoy to protest against the raids.",
            "ACCUSE",
            "RUR",
        ),
        # tear gas is crowd control: COERCE (it was coded as an attack before the lexicon knew it)
        ("Ruritanian police used tear gas to disperse the Bordurian pilgrims.", "COERCE", "RUR"),
    ],
)
def test_arguments_infinitive_belongs_to_the_controller(
    code_events: Code, text: str, plover: str, actor: str
) -> None:
    events = _of(code_events(text), plover)
    assert events and _country(events[0].actor) == actor, events


@pytest.mark.parametrize(
    "text",
    [
        "Two Bordurian diplomats were expelled from Ruritania on Monday.",
        "Forty Bordurian traders were deported from Ruritania last week.",
    ],
)
def test_arguments_agentless_removal_is_by_the_country_left(code_events: Code, text: str) -> None:
    events = [e for e in code_events(text) if e.type in {"SANCTION", "COERCE"}]
    assert events, text
    assert (_country(events[0].actor), _country(events[0].recipient)) == ("RUR", "BOR")


class _OfficeResolver(FakeResolver):
    """Knows the invented countries and that a "government" is a government, of no country."""

    def resolve(
        self, text: str, *, date: Any = None, context: str | None = None, cased: bool | None = None
    ) -> Actor | None:
        found = super().resolve(text, date=date, context=context, cased=cased)
        if found is None and "government" in text.lower().split():
            return Actor(country=None, sector="GOV")
        return found


@pytest.fixture(scope="module")
def office_stage() -> EventStage:
    return EventStage(Settings(), resolver=_OfficeResolver())


def _placed(parse: Callable[..., Document], text: str, places: dict[str, tuple[str, str]]) -> Document:
    found = []
    for surface, (country, code) in places.items():
        start = text.index(surface)
        place = Place(id=surface, name=surface, lat=0.0, lon=0.0, country=country, feature_code=code)
        found.append(PlaceMention(start, start + len(surface), surface, place))
    return replace(parse(text), places=tuple(found))


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("The exiled government accused Borduria of sheltering smugglers.", "ACCUSE"),
        ("The provisional government protested to Borduria over the arrests.", "PROTEST"),
    ],
)
def test_arguments_country_acted_on_does_not_place_the_actor(
    parse: Callable[..., Document], office_stage: EventStage, text: str, plover: str
) -> None:
    doc = _placed(parse, text, {"Borduria": ("BOR", "PCLI")})
    events = _of(office_stage(doc).events, plover)
    assert events and _country(events[0].actor) != "BOR", events


def test_arguments_town_acted_on_still_places_the_actor(
    parse: Callable[..., Document], office_stage: EventStage
) -> None:
    # a town is where the act happens, so it places an actor no one else does
    doc = _placed(parse, "The provisional government shelled Kelvale overnight.", {"Kelvale": ("BOR", "PPL")})
    events = _of(office_stage(doc).events, "ASSAULT")
    assert events and _country(events[0].actor) == "BOR", events


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("Ruritania granted asylum to Bordurian officers hiding in its embassy.", "AID"),
        ("Ruritanian police opened fire on Bordurian students marching to the palace.", "ASSAULT"),
    ],
)
def test_arguments_object_the_parser_made_a_subject(code_events: Code, text: str, plover: str) -> None:
    # the parser hangs "Bordurian officers" on the reduced clause after the preposition, not on it
    events = _of(code_events(text), plover)
    assert events and _country(events[0].recipient) == "BOR", events


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Rebels backed by troops from Borduria seized the hill.", None),
        ("Rebels from Borduria seized the hill.", "BOR"),
    ],
)
def test_arguments_backer_does_not_place_a_group(
    parse: Callable[..., Document], office_stage: EventStage, text: str, country: str | None
) -> None:
    doc = _placed(parse, text, {"Borduria": ("BOR", "PCLI")})
    events = [e for e in office_stage(doc).events if e.actor_text == "Rebels"]
    assert events and _country(events[0].actor) == country, events


def test_arguments_one_allowed_is_the_recipient_of_a_refusal(code_events: Code) -> None:
    # "allow X to land": the parser makes X the subject of "land", not the object of "allow"
    events = _of(
        code_events("Ruritania refused to allow Bordurian aircraft to land at the airport."), "REJECT"
    )
    assert events and _country(events[0].recipient) == "BOR", events


@pytest.mark.parametrize(
    "text",
    [
        "A Ruritanian court sentenced the Bordurian colonel for ordering the shelling of the market.",
        "Ruritanian police arrested two Bordurian sailors for attacking the harbour master.",
    ],
)
def test_arguments_one_held_to_account_did_the_act(code_events: Code, text: str) -> None:
    # the court or the police judged the act; the one they judged did it
    events = _of(code_events(text), "ASSAULT")
    assert events and _country(events[0].actor) == "BOR", events


def test_arguments_unclaimed_device_is_an_unidentified_armed_force(
    parse: Callable[..., Document], office_stage: EventStage
) -> None:
    doc = _placed(parse, "A roadside bomb killed two soldiers near Kelvale.", {"Kelvale": ("BOR", "PPL")})
    events = _of(office_stage(doc).events, "ASSAULT")
    assert events and events[0].actor is not None, events
    assert (events[0].actor.country, events[0].actor.sector) == ("BOR", "UAF")
