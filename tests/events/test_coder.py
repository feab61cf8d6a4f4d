"""The event coder: triggers by type, several events per sentence, reporting verbs and boilerplate."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from flashpoint.records import Event

Code = Callable[..., tuple[Event, ...]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ruritania demanded that Borduria hand over the fugitives.", "REQUEST"),
        ("Borduria refused the proposal from Ruritania.", "REJECT"),
        ("Ruritania threatened to impose tariffs on Borduria.", "THREATEN"),
        ("Ruritanian artillery shelled the Bordurian border post.", "ASSAULT"),
        ("Ruritanian troops crossed into Borduria on Sunday.", "MOBILIZE"),
        ("Borduria withdrew its troops from the disputed valley.", "RETREAT"),
        ("Ruritania and Borduria agreed to a ceasefire.", "AGREE"),
        ("The Ruritanian minister visited Borduria.", "CONSULT"),
        ("Thousands of students demonstrated in the Ruritanian capital.", "PROTEST"),
        ("Borduria accused Ruritania of sabotage.", "ACCUSE"),
        ("Ruritania expelled three Bordurian diplomats.", "SANCTION"),
        ("Bordurian police arrested twelve opposition activists.", "COERCE"),
        ("Syldavia donated medicine to Borduria.", "AID"),
        ("Ruritania praised Borduria for its restraint.", "SUPPORT"),
        ("Ruritania extradited a suspect to Borduria.", "COOPERATE"),
        ("Borduria eased restrictions on Ruritanian traders.", "CONCEDE"),
    ],
)
def test_coder_trigger_types(code_events: Code, text: str, expected: str) -> None:
    assert expected in [e.type for e in code_events(text)]


def test_coder_reporting_verb_alone_gives_no_event(code_events: Code) -> None:
    assert code_events("The Ruritanian spokesman said a statement would follow on Friday.") == ()


def test_coder_several_events_in_one_sentence(code_events: Code) -> None:
    events = code_events("Ruritanian troops shelled the town and arrested the mayor.")
    assert sorted(e.type for e in events) == ["ASSAULT", "COERCE"]


def test_coder_governed_act_is_not_a_second_event(code_events: Code) -> None:
    events = code_events("Ruritania demanded that Bordurian forces withdraw from the river.")
    assert [e.type for e in events] == ["REQUEST"]
    assert events[0].mode == "yield"


def test_coder_nominal_trigger_with_adjectival_actor(code_events: Code) -> None:
    events = code_events("Villagers fled during the Ruritanian bombing of the valley.")
    assault = next(e for e in events if e.type == "ASSAULT")
    assert assault.actor is not None and assault.actor.country == "RUR"


def test_coder_trigger_offsets_index_the_text(code_events: Code) -> None:
    text = "Bordurian police arrested twelve activists."
    event = code_events(text)[0]
    assert text[event.trigger_start : event.trigger_end] == event.trigger == "arrested"


def test_coder_notice_addressed_to_reader_gives_no_event(code_events: Code) -> None:
    assert code_events("To reuse this page you must request permission from the publisher.") == ()


def test_coder_one_act_named_twice_in_a_sentence_is_one_event(code_events: Code) -> None:
    events = code_events(
        "The Ruritanian convoy was moving through Borduria when the Ruritanian trucks crossed into the valley."
    )
    assert [e.type for e in events].count("MOBILIZE") == 1


def test_coder_different_sources_keep_their_own_events(code_events: Code) -> None:
    text = "Borduria said Ruritania attacked the bridge, and Syldavia said Ruritania attacked the dam."
    assert [e.type for e in code_events(text)].count("ASSAULT") == 2
