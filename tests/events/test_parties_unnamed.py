"""Parties no one names outright: a bomb's unnamed attacker, a death told from the victim's side, an act
that its subject condemns, and a group whose complement says whose it is."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest

from flashpoint.events import EventStage
from flashpoint.records import Actor, Document, Event, Mention, Place, PlaceMention
from flashpoint.settings import Settings

from .conftest import FakeResolver

Code = Callable[..., tuple[Event, ...]]

# Sector words of these sentences (the conftest resolver knows the invented countries only).
_SECTORS = {"rebels": "REB", "police": "COP", "guerrillas": "REB", "president": "GOV", "minister": "GOV"}


class _SectorResolver(FakeResolver):
    def resolve(
        self, text: str, *, date: Any = None, context: str | None = None, cased: bool | None = None
    ) -> Actor | None:
        found = super().resolve(text, date=date, context=context, cased=cased)
        words = text.lower().split()
        sector = next((_SECTORS[w] for w in words if w in _SECTORS), None)
        if sector is None:
            return found
        country = found.country if found else None
        if country is None and context:
            # as the real resolver does: a short context lends its country to a phrase that names none
            hint = super().resolve(context, date=date)
            country = hint.country if hint is not None and len(context.split()) <= 6 else None
        return Actor(country=country, sector=sector)


@pytest.fixture(scope="module")
def event_stage() -> EventStage:
    return EventStage(Settings(), resolver=_SectorResolver())


def _of(events: tuple[Event, ...], plover: str) -> list[Event]:
    return [e for e in events if e.type == plover]


@pytest.mark.parametrize(
    "text",
    [
        "A roadside bomb killed three soldiers near Kelvale on Sunday.",
        "A landmine explosion near Kelvale killed two shepherds.",
    ],
)
def test_parties_unowned_device_is_placed_where_it_went_off(code_events: Code, text: str) -> None:
    events = _of(code_events(text, places={"Kelvale": "BOR"}), "ASSAULT")
    assert events and all(e.actor is not None and e.actor.country == "BOR" for e in events), events


def test_parties_device_victims_nationality_is_no_clue_to_the_attacker(code_events: Code) -> None:
    events = _of(code_events("A bomb killed two Syldavian soldiers on Sunday."), "ASSAULT")
    assert events and all(e.actor is None or e.actor.country != "SYL" for e in events), events


def test_parties_strikes_are_not_placed_like_bombs(code_events: Code) -> None:
    # air and artillery strikes come from forces often abroad: the place does not name them
    events = _of(
        code_events("Two strikes killed three soldiers near Kelvale.", places={"Kelvale": "BOR"}), "ASSAULT"
    )
    assert events and all(e.actor is None for e in events), events


@pytest.mark.parametrize(
    ("text", "keeper"),
    [
        ("A Syldavian prisoner died in Ruritanian police custody last week.", "RUR"),
        ("A Syldavian prisoner died in the custody of Ruritania last week.", "RUR"),
    ],
)
def test_parties_death_in_custody_names_the_keeper_and_the_victim(
    code_events: Code, text: str, keeper: str
) -> None:
    events = _of(code_events(text), "ASSAULT")
    assert events, "dying in custody is an assault"
    event = events[0]
    assert event.actor is not None and event.actor.country == keeper
    assert event.recipient is not None and event.recipient.country == "SYL"


@pytest.mark.parametrize(
    "text",
    [
        "Borduria condemned the bombing of a market in Kelvale.",
        "Borduria strongly denounced the attacks on villages near Kelvale.",
    ],
)
def test_parties_condemned_act_is_not_the_condemners(code_events: Code, text: str) -> None:
    events = code_events(text, places={"Kelvale": "SYL"})
    accusations = _of(events, "ACCUSE")
    assert accusations and accusations[0].actor is not None and accusations[0].actor.country == "BOR"
    assert all(e.actor is None or e.actor.country != "BOR" for e in _of(events, "ASSAULT")), events


def test_parties_condemned_act_is_still_told(code_events: Code) -> None:
    # the act a statement condemns happened, whoever did it: it stays an event with no actor named
    events = code_events("Borduria condemned the attacks this weekend in Kelvale.", places={"Kelvale": "SYL"})
    assert [e.actor for e in _of(events, "ASSAULT")] == [None], events


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Rebels loyal to Borduria seized the town on Monday.", "BOR"),
        ("Guerrillas from Syldavia attacked an army post.", "SYL"),
    ],
)
def test_parties_complement_says_whose_the_group_is(code_events: Code, text: str, country: str) -> None:
    events = [e for e in code_events(text) if e.actor is not None]
    assert events and events[0].actor is not None
    assert (events[0].actor.country, events[0].actor.sector) == (country, "REB")


@pytest.mark.parametrize(
    "text",
    [
        "Fighting between Ruritanian troops and rebels killed 40 people near Kelvale.",
        "The offensive by Ruritanian troops killed dozens of fighters near Kelvale.",
    ],
)
def test_parties_act_that_kills_names_its_own_actor(code_events: Code, text: str) -> None:
    events = _of(code_events(text, places={"Kelvale": "BOR"}), "ASSAULT")
    assert events and all(e.actor is not None and e.actor.country == "RUR" for e in events), events


def test_parties_sides_of_a_fight_are_each_others(code_events: Code) -> None:
    events = _of(
        code_events("Ruritanian troops and Bordurian rebels exchanged fire near Kelvale."), "ASSAULT"
    )
    assert events and events[0].recipient is not None and events[0].recipient.country == "BOR"


def test_parties_route_is_not_a_recipient(code_events: Code) -> None:
    events = code_events("A Ruritanian convoy drove through Kelvale on Sunday.", places={"Kelvale": "BOR"})
    assert all(e.recipient is None or e.recipient.country != "BOR" for e in events), events


def test_parties_coordinated_passives_share_their_agent(code_events: Code) -> None:
    events = _of(
        code_events("A Syldavian farmer was shot and killed by Ruritanian soldiers on Monday."), "ASSAULT"
    )
    assert events and events[0].actor is not None and events[0].actor.country == "RUR", events


def test_parties_place_name_beats_a_nationality_word(
    parse: Callable[..., Document], event_stage: EventStage
) -> None:
    # the rebels are placed by where they are, not by the nationality of what they attacked
    text = "Rebels attacked a Syldavian convoy in Kelvale."
    places = []
    for surface, country, demonym in (("Syldavian", "SYL", True), ("Kelvale", "BOR", False)):
        start = text.index(surface)
        place = Place(id=surface, name=surface, lat=0.0, lon=0.0, country=country)
        places.append(PlaceMention(start, start + len(surface), surface, place, demonym=demonym))
    doc = replace(parse(text), places=tuple(places))
    events = _of(event_stage(doc).events, "ASSAULT")
    assert events and events[0].actor is not None and events[0].actor.country == "BOR", events


def _with_mention(parse: Callable[..., Document], text: str, surface: str, actor: Actor) -> Document:
    start = text.index(surface)
    return replace(parse(text), mentions=(Mention(start, start + len(surface), surface, actor),))


def test_parties_bare_office_is_the_one_named_before(
    parse: Callable[..., Document], event_stage: EventStage
) -> None:
    text = "President Tomas Kraus of Syldavia arrived on Monday. The president later condemned Borduria."
    doc = _with_mention(parse, text, "President Tomas Kraus of Syldavia", Actor("SYL", "GOV", kind="person"))
    events = _of(event_stage(doc).events, "ACCUSE")
    # the president named in the earlier sentence, not the country the sentence condemns
    assert events and events[0].actor is not None and events[0].actor.country == "SYL", events


def test_parties_office_with_its_own_words_is_not_the_earlier_one(
    parse: Callable[..., Document], event_stage: EventStage
) -> None:
    text = "President Tomas Kraus of Syldavia arrived on Monday. A Bordurian minister later condemned him."
    doc = _with_mention(parse, text, "President Tomas Kraus of Syldavia", Actor("SYL", "GOV", kind="person"))
    events = _of(event_stage(doc).events, "ACCUSE")
    assert events and events[0].actor is not None and events[0].actor.country == "BOR", events


def test_parties_short_sentence_lends_no_country_to_its_actor(code_events: Code) -> None:
    # a short sentence is no hint: "Borduria" is the one condemned, not the minister's country
    events = _of(code_events("The minister condemned Borduria."), "ACCUSE")
    assert events and (events[0].actor is None or events[0].actor.country != "BOR"), events
