"""Actors and recipients from the parse, resolved through mentions or the resolver."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from flashpoint.records import Event

Code = Callable[..., tuple[Event, ...]]


def _only(events: tuple[Event, ...], plover: str) -> Event:
    found = [e for e in events if e.type == plover]
    assert len(found) == 1, events
    return found[0]


def _country(actor: object) -> str | None:
    return getattr(actor, "country", None)


def test_arguments_active_subject_and_object(code_events: Code) -> None:
    event = _only(code_events("Borduria accused Ruritania of sabotage."), "ACCUSE")
    assert (_country(event.actor), _country(event.recipient)) == ("BOR", "RUR")


def test_arguments_passive_by_agent(code_events: Code) -> None:
    event = _only(code_events("The Bordurian envoy was expelled by Ruritania on Monday."), "SANCTION")
    assert _country(event.actor) == "RUR"
    assert _country(event.recipient) == "BOR"


def test_arguments_coordinated_actors_keep_first_and_note_rest(code_events: Code) -> None:
    event = _only(code_events("Ruritania and Syldavia condemned Borduria."), "ACCUSE")
    assert _country(event.actor) == "RUR"
    assert [a.country for a in event.co_actors] == ["SYL"]
    assert _country(event.recipient) == "BOR"


def test_arguments_demand_that_clause_subject_is_recipient(code_events: Code) -> None:
    event = _only(code_events("Ruritania demanded that Bordurian troops leave the valley."), "REQUEST")
    assert (_country(event.actor), _country(event.recipient)) == ("RUR", "BOR")


def test_arguments_object_of_drive_out(code_events: Code) -> None:
    events = code_events("Ruritanian troops tried to drive Bordurian militias out of the valley.")
    event = _only(events, "ASSAULT")
    assert (_country(event.actor), _country(event.recipient)) == ("RUR", "BOR")


def test_arguments_mentions_answer_when_the_resolver_knows_nothing(code_events: Code) -> None:
    events = code_events("The Iron Brigade attacked Borduria.", mentions={"Iron Brigade": "XYZ"})
    assert _country(_only(events, "ASSAULT").actor) == "XYZ"


def test_arguments_whole_phrase_beats_a_mention_inside_it(code_events: Code) -> None:
    # The resolver reads the head of the phrase; the mention names only its complement.
    text = "The Ruritanian side of the old Bordurian island attacked the fort."
    events = code_events(text, mentions={"Bordurian island": "BOR"})
    assert _country(_only(events, "ASSAULT").actor) == "RUR"


def test_arguments_rejected_proposal_recipient_is_its_owner(code_events: Code) -> None:
    event = _only(code_events("Borduria rejected Ruritania's demand for talks."), "REJECT")
    assert (_country(event.actor), _country(event.recipient)) == ("BOR", "RUR")


def test_arguments_pronoun_in_reported_speech_points_to_speaker(code_events: Code) -> None:
    event = _only(code_events("Syldavia said it would send aid to Borduria."), "AGREE")
    assert _country(event.actor) == "SYL"


def test_arguments_recipient_behind_a_thing_object(code_events: Code) -> None:
    event = _only(code_events("Syldavia sent weapons to Borduria last year."), "AID")
    assert (_country(event.actor), _country(event.recipient)) == ("SYL", "BOR")


def test_arguments_recipient_owns_the_rejected_plan(code_events: Code) -> None:
    event = _only(code_events("Borduria rejected a Ruritanian peace plan."), "REJECT")
    assert _country(event.recipient) == "RUR"


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("Ruritania imposed a curfew in Borduria.", "COERCE"),
        ("Syldavia shared intelligence with Borduria about the smugglers.", "COOPERATE"),
    ],
)
def test_arguments_recipient_is_the_party_or_place_not_the_thing(
    code_events: Code, text: str, plover: str
) -> None:
    event = _only(code_events(text), plover)
    assert (event.recipient_text, _country(event.recipient)) == ("Borduria", "BOR")


def test_arguments_date_is_never_a_recipient(code_events: Code) -> None:
    event = _only(code_events("Thousands of Syldavian students marched on Monday."), "PROTEST")
    assert event.recipient_text != "Monday"


def test_arguments_purpose_of_a_light_verb_names_the_recipient(code_events: Code) -> None:
    event = _only(
        code_events("Hundreds of Syldavian farmers began a hunger strike to protest the Bordurian ban."),
        "PROTEST",
    )
    assert (_country(event.actor), _country(event.recipient)) == ("SYL", "BOR")


def test_arguments_circumstance_clause_lends_no_recipient(code_events: Code) -> None:
    text = "Ruritanian fishermen staged rallies as police in Borduria cracked down on Syldavian traders."
    event = _only(code_events(text), "PROTEST")
    assert _country(event.recipient) != "SYL"


def test_arguments_possessive_pronoun_lends_its_antecedent(code_events: Code) -> None:
    event = _only(code_events("Borduria said its troops will not pull out from the valley."), "REJECT")
    assert _country(event.actor) == "BOR"


def test_arguments_quoted_third_person_is_not_the_speaker(code_events: Code) -> None:
    # Inside a direct quotation "they" are the attackers the speaker describes, not the speaker.
    (event,) = code_events('"They stormed the depot before sunrise," a Bordurian colonel said.')
    assert event.type == "ASSAULT"
    assert event.actor is None
    assert event.actor_text == "They"
    assert "colonel" in (event.claims[0].claimant or "")


def test_arguments_quoted_first_person_is_the_speaker(code_events: Code) -> None:
    (event,) = code_events('"We stormed the depot before sunrise," a Bordurian colonel said.')
    assert event.actor is not None and event.actor.country == "BOR"


def test_arguments_river_bank_is_not_a_business(code_events: Code) -> None:
    (event,) = code_events("Bordurian troops withdrew from the eastern bank of the river.")
    assert event.type == "RETREAT"
    assert event.recipient is None
    assert "bank" in (event.recipient_text or "")
