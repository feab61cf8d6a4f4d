"""Who did an act named by a noun: a party's common name as its modifier ("regime shelling", "a police
raid"), and the agent of a series that gathers such acts ("a wave of strikes by X")."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from flashpoint.records import Event

Code = Callable[..., tuple[Event, ...]]


@pytest.mark.parametrize(
    ("text", "kind", "actor"),
    [
        ("The market was left in ruins by regime bombardment.", "ASSAULT", "regime"),
        ("A police raid on a Bordurian newspaper drew wide criticism.", "COERCE", "police"),
    ],
)
def test_arguments_party_noun_before_an_act_is_its_actor(
    code_events: Code, text: str, kind: str, actor: str
) -> None:
    events = [e for e in code_events(text) if e.type == kind]
    assert [e.actor_text for e in events] == [actor]


def test_arguments_a_series_agent_did_its_acts(code_events: Code) -> None:
    events = code_events(
        "Doctors were flown to the town after a wave of airstrikes by Ruritanian jets that left four dead."
    )
    attacks = [e for e in events if e.type == "ASSAULT"]
    assert len(attacks) == 1
    assert attacks[0].actor is not None and attacks[0].actor.country == "RUR"


def test_arguments_a_place_noun_before_an_act_is_no_actor(code_events: Code) -> None:
    events = [
        e
        for e in code_events("The Bordurian army said a border raid had been repelled.")
        if e.type == "COERCE"
    ]
    assert all(e.actor_text != "border" for e in events)
