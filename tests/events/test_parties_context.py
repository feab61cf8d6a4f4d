"""Parties read with the rest of the document: an instrument's owner, the actor's own forces, places the
gazetteer knows and the actor dictionary does not, and the owner of a proposal."""

from __future__ import annotations

from collections.abc import Callable

from flashpoint.records import Event

Code = Callable[..., tuple[Event, ...]]


def _only(events: tuple[Event, ...], plover: str) -> Event:
    found = [e for e in events if e.type == plover]
    assert len(found) == 1, events
    return found[0]


def test_parties_instrument_subject_acts_for_its_owner(code_events: Code) -> None:
    event = _only(code_events("A Ruritanian drone strike killed three soldiers near the dam."), "ASSAULT")
    assert event.actor is not None and event.actor.country == "RUR"


def test_parties_bare_instrument_names_no_actor(code_events: Code) -> None:
    event = _only(code_events("Two strikes killed three soldiers near the dam."), "ASSAULT")
    assert event.actor is None


def test_parties_own_forces_are_not_the_recipient(code_events: Code) -> None:
    events = code_events(
        "Ruritania pulled its troops out of Borduria on Monday.", mentions={"its troops": "RUR"}
    )
    event = _only(events, "RETREAT")
    assert event.recipient is not None and event.recipient.country == "BOR"


def test_parties_geocoded_place_is_a_recipient_country(code_events: Code) -> None:
    events = code_events(
        "Ruritanian tanks fired shells at targets in Kelvale on Sunday.", places={"Kelvale": "BOR"}
    )
    event = _only(events, "ASSAULT")
    assert event.recipient is not None and event.recipient.country == "BOR"


def test_parties_vetoed_resolution_answers_its_owner(code_events: Code) -> None:
    text = "Borduria vetoed a Council resolution censuring the raid on the Syldavian consulate in Kelvale."
    event = _only(code_events(text, mentions={"Council": "IGO"}), "REJECT")
    # the party is the body that moved the resolution, not the document
    assert event.recipient is not None and event.recipient.country == "IGO"
    assert event.recipient_text == "Council"


def test_parties_unknown_person_takes_the_country_of_the_sentence(code_events: Code) -> None:
    events = code_events(
        "Tomas Kraus met Syldavian officials in Kelvale on Monday.", places={"Kelvale": "BOR"}
    )
    event = _only(events, "CONSULT")
    assert event.actor is not None and (event.actor.country, event.actor.kind) == ("BOR", "person")


def test_parties_unknown_person_object_is_the_recipient_not_the_place(code_events: Code) -> None:
    events = code_events(
        "Ruritanian police arrested Maria Lopez in Kelvale on Friday.", places={"Kelvale": "BOR"}
    )
    event = _only(events, "COERCE")
    assert event.recipient_text == "Maria Lopez"


def test_parties_agent_of_a_performing_passive_did_the_act(code_events: Code) -> None:
    event = _only(code_events("The ambush near the dam was carried out by Ruritanian troops."), "ASSAULT")
    assert event.actor is not None and event.actor.country == "RUR"


def test_parties_accused_without_accuser_still_did_the_act(code_events: Code) -> None:
    events = code_events("Ruritanian troops were accused of shelling two Bordurian villages.")
    event = _only(events, "ASSAULT")
    assert event.actor is not None and event.actor.country == "RUR"
