"""Negation, announced intentions, conditions, questions and historical references."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from flashpoint.records import Event

Code = Callable[..., tuple[Event, ...]]


def test_modality_negated_past_event_did_not_happen(code_events: Code) -> None:
    (event,) = code_events("Ruritanian troops did not attack the village.")
    assert event.type == "ASSAULT" and event.negated
    assert "negation" in event.aux_modes and not event.happened


def test_modality_refusal_of_a_requested_withdrawal_is_a_rejection(code_events: Code) -> None:
    events = code_events("The Ruritanian general said his troops will not pull out of the valley.")
    assert [e.type for e in events] == ["REJECT"]
    assert events[0].happened


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania said it will bomb the Bordurian bridges.",
        "The Ruritanian army is prepared to shell Bordurian positions.",
    ],
)
def test_modality_announced_attack_is_a_threat(code_events: Code, text: str) -> None:
    events = code_events(text)
    assert [e.type for e in events] == ["THREATEN"]
    assert events[0].mode == "violence"


def test_modality_warning_that_forces_could_strike_is_a_threat_not_an_assault(code_events: Code) -> None:
    events = code_events("Ruritania warned that its jets could soon strike the Bordurian camps.")
    assert [e.type for e in events] == ["THREATEN"]
    assert events[0].claims[0].stance == "threatened"


def test_modality_future_cooperation_is_an_agreement(code_events: Code) -> None:
    events = code_events("Syldavia announced it would provide aid to Borduria.")
    assert [e.type for e in events] == ["AGREE"]


def test_modality_conditional_is_hypothetical(code_events: Code) -> None:
    events = code_events("If the talks fail, Ruritanian troops might attack the border towns.")
    assault = next(e for e in events if e.type == "ASSAULT")
    assert "hypothetical" in assault.aux_modes and not assault.happened


def test_modality_question_is_hypothetical(code_events: Code) -> None:
    events = code_events("Will Ruritania attack Borduria before the winter?")
    assert events and all("hypothetical" in e.aux_modes for e in events)


def test_modality_prediction_by_a_third_party_stays_future(code_events: Code) -> None:
    events = code_events("The reporter heard that the Ruritanian convoy will go back to the border.")
    (event,) = events
    assert event.type == "RETREAT" and "future" in event.aux_modes


def test_modality_historical_year(code_events: Code) -> None:
    events = code_events("Ruritania invaded Borduria in 1998.", published=dt.date(2020, 3, 1))
    assert "historical" in events[0].aux_modes


def test_modality_no_intention_of_backing_down_is_a_rejection(code_events: Code) -> None:
    events = code_events("Ruritania has no intention of backing down.")
    assert [e.type for e in events] == ["REJECT"]


def test_modality_refusal_answers_the_earlier_request(code_events: Code) -> None:
    text = (
        "Borduria demanded that Ruritanian troops leave the valley. "
        "A Ruritanian general said his troops will not pull out of the valley."
    )
    events = code_events(text)
    reject = next(e for e in events if e.type == "REJECT")
    assert reject.actor is not None and reject.actor.country == "RUR"
    assert reject.recipient is not None and reject.recipient.country == "BOR"


def test_modality_not_before_an_adverb_does_not_negate(code_events: Code) -> None:
    (event,) = code_events("Not surprisingly, Borduria expelled the Ruritanian envoy.")
    assert event.type == "SANCTION" and not event.negated


def test_modality_act_ruled_out_by_its_side_is_a_rejection(code_events: Code) -> None:
    text = "The Bordurian defence minister said that withdrawing Bordurian troops from the valley is not an option."
    events = code_events(text)
    assert [(e.type, e.happened, e.actor.country if e.actor else None) for e in events] == [
        ("REJECT", True, "BOR")
    ]


def test_modality_subject_clause_of_a_plain_copula_stays_hypothetical(code_events: Code) -> None:
    events = code_events("Analysts said that withdrawing Bordurian troops from the valley is a likely step.")
    assert [(e.type, e.happened) for e in events] == [("RETREAT", False)]


def test_modality_preparing_to_attack_is_a_future_act_not_a_threat(code_events: Code) -> None:
    # CLAIMS.md: "plans to", "is to", "is set to" are future; a threat is the actor's own announcement.
    events = code_events("Bordurian militants are preparing to attack the border post.")
    assert [(e.type, e.claims[0].stance) for e in events] == [("ASSAULT", "future")]


def test_modality_an_announcement_reported_in_passing_is_not_the_actors(code_events: Code) -> None:
    text = "The report said the raids came after Ruritania found that Bordurian militants would attack."
    assert all(e.type != "THREATEN" for e in code_events(text))


@pytest.mark.parametrize(
    "text",
    [
        "Ruritanian troops tried to retake the bridge with no luck.",
        "Ruritanian troops tried in vain to storm the base.",
        "Ruritanian troops attacked the base without success.",
        "Ruritanian troops unsuccessfully tried to storm the base.",
    ],
)
def test_modality_an_act_that_came_to_nothing_is_negated(code_events: Code, text: str) -> None:
    (event,) = code_events(text)
    assert event.type == "ASSAULT" and event.negated


def test_modality_an_act_named_in_the_consequence_of_a_condition_is_hypothetical(code_events: Code) -> None:
    text = "If the hill fell, Ruritanian troops would succeed in laying siege to the Bordurian town."
    (event,) = code_events(text)
    assert event.type == "COERCE" and event.claims[0].stance == "hypothetical"


def test_modality_a_likely_act_is_alleged(code_events: Code) -> None:
    (event,) = code_events("It was likely that a toxic gas was used in the Bordurian attack.")
    assert event.type == "ASSAULT" and event.claims[0].stance == "alleged"


@pytest.mark.parametrize(
    "text",
    [
        "Ruritanian troops have not yet withdrawn from the Bordurian town.",
        "Ruritanian troops did not even enter the Bordurian town.",
        "Ruritania has yet to pull its troops out of Borduria.",
    ],
)
def test_modality_not_done_so_far_is_negated(code_events: Code, text: str) -> None:
    events = code_events(text)
    assert events and all(e.negated for e in events)


def test_modality_not_only_is_no_negation(code_events: Code) -> None:
    (event,) = code_events("Ruritanian troops not only shelled the Bordurian town.")
    assert not event.negated
