"""The event coder: triggers by type, several events per sentence, reporting verbs and boilerplate."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from flashpoint.events.parties import with_owner
from flashpoint.records import Actor, Event

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


@pytest.mark.parametrize(
    ("owner", "own", "expected"),
    [
        # an armed group's "men" are of the group
        (Actor(country="BOR", sector="REB"), Actor(country=None, sector="MIL"), ("BOR", "REB")),
        # a state's "troops" are its army
        (Actor(country="BOR", sector="GOV"), Actor(country=None, sector="MIL"), ("BOR", "MIL")),
        (Actor(country="BOR", sector="GOV"), Actor(country="SYL", sector="MIL"), ("BOR", "MIL")),
        (Actor(country="BOR", sector="GOV"), None, ("BOR", "GOV")),
    ],
)
def test_coder_owned_phrase_takes_its_owner_side(
    owner: Actor, own: Actor | None, expected: tuple[str, str]
) -> None:
    found = with_owner(own, owner)
    assert (found.country, found.sector) == expected


def test_coder_participle_speaks_for_the_clause_subject(code_events: Code) -> None:
    events = code_events(
        "A Bordurian commander dismissed the offer, saying his men would not withdraw and warning "
        "that they would shell Syldavian outposts."
    )
    threat = next(e for e in events if e.type == "THREATEN")
    assert threat.actor is not None and threat.actor.country == "BOR"
    assert threat.claims[0].claimant == "A Bordurian commander"


@pytest.mark.parametrize("verb", ["agreed to a truce", "agreed to a local truce", "held talks"])
def test_coder_coordinated_subjects_are_the_two_parties(code_events: Code, verb: str) -> None:
    events = [e for e in code_events(f"Borduria and Syldavia {verb}.") if e.type in {"AGREE", "CONSULT"}]
    assert len(events) == 1
    (event,) = events
    assert event.actor is not None and event.actor.country == "BOR"
    assert event.recipient is not None and event.recipient.country == "SYL"
    assert event.co_actors == ()


def test_coder_adjective_does_not_make_a_thing_a_party(code_events: Code) -> None:
    (event,) = code_events("Borduria signed a local truce.")
    assert event.recipient is None or event.recipient.sector != "CVL"


def test_coder_refusal_of_the_demand_answers_the_request(code_events: Code) -> None:
    events = code_events(
        "Ruritania demanded that Bordurian militias leave the valley. "
        "A Bordurian militia leader rejected the demand on Monday."
    )
    refusal = next(e for e in events if e.type == "REJECT")
    assert refusal.actor is not None and refusal.actor.country == "BOR"
    assert refusal.recipient is not None and refusal.recipient.country == "RUR"


@pytest.mark.parametrize("distance", ["15 KMs", "12 miles"])
def test_coder_distance_is_never_a_recipient(code_events: Code, distance: str) -> None:
    (event,) = code_events(f"Ruritanian jets even bombed {distance} away from the camp.")
    assert event.type == "ASSAULT"
    assert distance.split()[-1] not in (event.recipient_text or "")


def test_coder_indefinite_pronoun_is_no_actor(code_events: Code) -> None:
    events = code_events("Ruritania will not back down, and if anything will keep pressing Borduria.")
    assert all(e.actor_text != "anything" for e in events)


@pytest.mark.parametrize("parties", ["both sides", "both parties", "the warring parties"])
def test_coder_both_sides_are_not_placed_at_the_venue(code_events: Code, parties: str) -> None:
    events = code_events(f"Mediators said {parties} had agreed in Ruritania to a truce.")
    agree = next(e for e in events if e.type == "AGREE")
    assert agree.actor is None or agree.actor.country != "RUR"


def test_coder_a_named_party_is_still_placed(code_events: Code) -> None:
    events = code_events("The Green party said it would boycott the vote in Ruritania.")
    assert events
    assert events[0].actor is not None and events[0].actor.country == "RUR"


def test_coder_what_a_convoy_carries_is_not_its_recipient(code_events: Code) -> None:
    events = code_events("A Ruritanian convoy with Bordurian tanks was seen near the border.")
    convoy = next(e for e in events if e.type == "MOBILIZE")
    assert convoy.recipient is None or convoy.recipient.country != "BOR"


def test_coder_that_clause_hung_on_the_verb_is_the_demand_content(code_events: Code) -> None:
    events = code_events(
        "The Ruritanian league repeated its demand today that Borduria ease curbs on traders."
    )
    assert [e.type for e in events] == ["REQUEST"]
    assert events[0].recipient is not None and events[0].recipient.country == "BOR"


def test_coder_purpose_of_an_agreed_act_is_its_content(code_events: Code) -> None:
    events = code_events("Ruritania agreed to open a clinic to support Bordurian refugees.")
    assert [e.type for e in events] == ["AGREE"]
