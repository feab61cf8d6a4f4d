"""Claims: denied acts, passive accusations, a speaker inside a statement and the report verbs and media of
the claims definition.

Our own invented sentences (Ruritania, Borduria, Syldavia); each case is one attribution pattern.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from flashpoint.records import Event

Code = Callable[..., tuple[Event, ...]]


def _found(events: tuple[Event, ...], plover: str) -> list[tuple[str, str | None, str | None]]:
    return [
        (e.claims[0].stance, e.claims[0].claimant, e.claims[0].channel) for e in events if e.type == plover
    ]


DENIED_ACT_CASES = [
    # a denial with the act as its gerund complement: the act, denied by the denier; no refusal coded
    ("The Bordurian army denied shelling the market.", "The Bordurian army"),
    ("The ministry flatly denied bombing the hospital in Velka.", "The ministry"),
    # a passive denial: the denied act is the subject, the denier the agent
    ("The shelling of the market was denied by the Bordurian army.", "the Bordurian army"),
]


@pytest.mark.parametrize(("text", "denier"), DENIED_ACT_CASES)
def test_claims_denials_the_denied_act_is_coded_denied(code_events: Code, text: str, denier: str) -> None:
    events = code_events(text)
    assert all(e.type != "REJECT" for e in events)
    assert ("denied", denier) in [(s, c) for s, c, _ in _found(events, "ASSAULT")]


def test_claims_denials_a_denied_gerund_keeps_its_actor(code_events: Code) -> None:
    events = code_events("The Bordurian army denied shelling the market.")
    assert [e.actor_text for e in events if e.type == "ASSAULT"] == ["The Bordurian army"]


PASSIVE_ACCUSATION_CASES = [
    # "B was accused by A of …": the act is B's, alleged by A
    ("Bordurian troops were accused by Ruritania of shelling the market.", "Bordurian troops", "Ruritania"),
    ("The militia was accused by the governor of attacking the depot.", "The militia", "the governor"),
]


@pytest.mark.parametrize(("text", "accused", "accuser"), PASSIVE_ACCUSATION_CASES)
def test_claims_denials_a_passive_accusation_carries_the_accused(
    code_events: Code, text: str, accused: str, accuser: str
) -> None:
    acts = [e for e in code_events(text) if e.type in {"ASSAULT", "COERCE"}]
    assert [(e.actor_text, e.claims[0].stance, e.claims[0].claimant) for e in acts] == [
        (accused, "alleged", accuser)
    ]


SPEAKER_CASES = [
    # a pronoun speaking inside a named speaker's statement is that speaker
    ("The Ruritanian army says it has documented that rebels shelled the market.", "The Ruritanian army"),
    ("Borduria said it had learned that rebels shelled the market.", "Borduria"),
]


@pytest.mark.parametrize(("text", "claimant"), SPEAKER_CASES)
def test_claims_denials_a_pronoun_inside_a_statement_is_its_speaker(
    code_events: Code, text: str, claimant: str
) -> None:
    assert [c for _, c, _ in _found(code_events(text), "ASSAULT")] == [claimant]


REPORT_VERB_CASES = [
    # verbs by which an inquiry or a report states what it found
    ("UN investigators established that Bordurian troops shelled the market.", "UN investigators", None),
    ("The report details the shelling of the market by Bordurian troops.", None, "The report"),
    # remarks put out on a broadcaster: the broadcaster is the channel
    ("The minister said in remarks broadcast on state television that rebels had shelled the market.",
     "The minister", "state television"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "claimant", "channel"), REPORT_VERB_CASES)
def test_claims_denials_report_verbs_and_media(
    code_events: Code, text: str, claimant: str | None, channel: str | None
) -> None:
    assert _found(code_events(text), "ASSAULT") == [("reported", claimant, channel)]


REFERRING_DENIAL_CASES = [
    # a denial that points back at the accusation: the act once alleged by the accuser, once denied
    "Ruritania accused Borduria of shelling the market, but the claim was swiftly denied by Borduria.",
    "Ruritania accused Borduria of shelling the market, an accusation dismissed by Borduria.",
    "Ruritania accused Borduria of shelling the market while Borduria refuted these allegations.",
]


@pytest.mark.parametrize("text", REFERRING_DENIAL_CASES)
def test_claims_denials_a_denial_of_the_accusation_lists_the_act_per_claimant(
    code_events: Code, text: str
) -> None:
    events = code_events(text)
    found = sorted((s, c) for s, c, _ in _found(events, "ASSAULT"))
    assert found == [("alleged", "Ruritania"), ("denied", "Borduria")]
    assert [e.type for e in events].count("ACCUSE") == 1  # "an accusation" restates the charge


def test_claims_denials_an_accusation_with_no_denial_is_listed_once(code_events: Code) -> None:
    events = code_events("Ruritania accused Borduria of shelling the market on Monday.")
    assert [(s, c) for s, c, _ in _found(events, "ASSAULT")] == [("alleged", "Ruritania")]


def test_claims_denials_denied_responsibility_charges_the_denier(code_events: Code) -> None:
    events = code_events("The Bordurian government has denied responsibility for the massacre in Velka.")
    assert [(e.actor_text, e.claims[0].stance, e.claims[0].claimant) for e in events] == [
        ("The Bordurian government", "denied", "The Bordurian government")
    ]


def test_claims_denials_an_act_named_by_a_noun_is_charged_to_the_accused(code_events: Code) -> None:
    events = code_events("Ruritania accused Borduria of the attack on the depot.")
    acts = [(e.actor_text, e.claims[0].stance, e.claims[0].claimant) for e in events if e.type == "ASSAULT"]
    assert acts == [("Borduria", "alleged", "Ruritania")]


def test_claims_denials_according_to_heading_the_sentence_names_the_source(code_events: Code) -> None:
    text = "According to critics, the new permits are slowly forcing farmers to leave their land."
    assert _found(code_events(text), "COERCE") == [("alleged", "critics", None)]


def test_claims_denials_an_object_that_is_not_the_event_is_no_report(code_events: Code) -> None:
    # "show a reaction to the shelling": the shelling is not what the world is said to show
    text = "Syldavia must show a firm reaction to the shelling of the market by the militia."
    assert [c for _, c, _ in _found(code_events(text), "ASSAULT")] == [None]


BLAME_CASES = [
    # "blamed X on Y": Y did it, alleged by the blamer
    ("The governor blamed the bombing of the market on the militia.", "the militia", "The governor"),
    ("The attack, which killed twelve people, was blamed on the militia by the governor.", "the militia",
     "the governor"),
    # "blamed Y for X"
    ("The governor blamed the militia for the bombing of the market.", "the militia", "The governor"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "blamed", "blamer"), BLAME_CASES)
def test_claims_denials_a_blamed_act_is_charged_to_the_blamed(
    code_events: Code, text: str, blamed: str, blamer: str
) -> None:
    acts = [e for e in code_events(text) if e.type == "ASSAULT"]
    assert [(e.actor_text, e.claims[0].stance, e.claims[0].claimant) for e in acts] == [
        (blamed, "alleged", blamer)
    ]
