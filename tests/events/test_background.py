"""Background mentions: conditions, accompanying acts, relative clauses and time anchors are not events."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from flashpoint.records import Event

Code = Callable[..., tuple[Event, ...]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a condition of a threat belongs to the threat
        ("Ruritania threatened to cut ties unless Borduria released the prisoners.", ["THREATEN"]),
        # purpose of the same actor
        ("Bordurian students began a hunger strike to protest the new law.", ["PROTEST"]),
        # manner of the same actor
        ("Ruritanian artillery shelled the town, killing nine civilians.", ["ASSAULT"]),
        # the same act twice
        ("Syldavian charities donated and delivered blankets to Borduria.", ["AID"]),
        # a relative clause describes a participant
        ("Syldavia sent aid to Borduria, which is preparing an offensive against the rebels.", ["AID"]),
        # an earlier event only dates the reported one
        ("Ruritania declared a ceasefire after two weeks of fighting.", ["RETREAT"]),
        # the act an answer answers is why, not news
        ("Ruritania threatened to shell Bordurian towns in retaliation for an air raid.", ["THREATEN"]),
        ("Syldavia expelled two envoys in response to the bombing of its embassy.", ["SANCTION"]),
        # the main event is a noun the main verb announces; the after-clause only dates it
        (
            "Syldavia announced a suspension of flights to Borduria, a day after Bordurian jets shot "
            "down a Syldavian plane.",
            ["SANCTION"],
        ),
        # what the people arrested are suspected of is a description, not news
        ("Borduria arrested two officers suspected by Ruritania of shelling a village.", ["COERCE"]),
        # a subject noun refers back to an event told before; the after-clause is the news
        ("The raid came a day after Ruritania demanded that Borduria free the prisoners.", ["REQUEST"]),
        # the purpose of a relative clause describes a participant too
        (
            "Borduria agreed to admit Syldavian monitors, who are posted on the border to oversee "
            "a truce between the two rival armies.",
            ["AGREE"],
        ),
        # what talks are about has not happened
        ("Ruritania and Borduria resumed talks on a Ruritanian troop withdrawal.", ["CONSULT"]),
        # a temporal clause introduces another party's act in passing
        ("The Bordurian premier resigned as protesters threatened to storm the palace.", ["RETREAT"]),
    ],
)
def test_background_mentions_are_not_events(code_events: Code, text: str, expected: list[str]) -> None:
    assert sorted(e.type for e in code_events(text)) == expected


def test_background_independent_clauses_both_count(code_events: Code) -> None:
    events = code_events("Ruritania expelled the envoy and Borduria arrested two Ruritanian reporters.")
    assert sorted(e.type for e in events) == ["COERCE", "SANCTION"]


def test_coder_must_statement_is_a_demand(code_events: Code) -> None:
    events = code_events("The Ruritanian foreign ministry declared that Borduria must withdraw its troops.")
    assert [e.type for e in events] == ["REQUEST"]
    assert events[0].actor is not None and events[0].actor.country == "RUR"
    assert events[0].recipient is not None and events[0].recipient.country == "BOR"


def test_arguments_unnamed_group_takes_the_country_of_its_place(code_events: Code) -> None:
    events = code_events("Hundreds of farmers protested in Syldavia on Monday.")
    protest = next(e for e in events if e.type == "PROTEST")
    assert protest.actor is not None and protest.actor.country == "SYL"
    assert protest.actor.kind == "people"


def test_background_effort_content_is_an_event(code_events: Code) -> None:
    events = code_events(
        "Ruritanian troops crossed the river in a push to drive Bordurian militias out of the town."
    )
    assault = next(e for e in events if e.type == "ASSAULT")
    assert assault.actor is not None and assault.actor.country == "RUR"
