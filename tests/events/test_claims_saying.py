"""Claims: verbs of saying the reporting lexicon lacked, and messages put out as the frame of a claim.

Our own invented sentences (Ruritania, Borduria, Syldavia, the Red Hand group).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from flashpoint.records import Event

Code = Callable[..., tuple[Event, ...]]


SAYING_CASES = [
    # verbs of saying with a clause: the subject is the source
    ("The governor affirmed that Bordurian troops shelled the market on Monday.", "ASSAULT", "The governor"),
    ("The envoy mentioned that Red Hand fighters attacked a convoy near the border.", "ASSAULT", "The envoy"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "plover", "claimant"), SAYING_CASES)
def test_claims_saying_verbs_with_a_clause_name_the_source(
    code_events: Code, text: str, plover: str, claimant: str
) -> None:
    found = [e.claims[0].claimant for e in code_events(text) if e.type == plover]
    assert claimant in found


def test_claims_saying_an_affirmed_noun_is_the_authors_word(code_events: Code) -> None:
    # "affirms support": the speech act itself, told in the author's voice, not a report of it
    events = code_events("The Syldavian minister affirms his country's support for the Ruritanian army.")
    assert [e.claims[0].claimant for e in events if e.type == "SUPPORT"] == [None]


def test_claims_saying_a_closing_statement_is_the_channel(code_events: Code) -> None:
    events = code_events("Red Hand fighters shelled the airport overnight, the statement read.")
    claims = [(e.claims[0].claimant, e.claims[0].channel) for e in events if e.type == "ASSAULT"]
    assert claims == [(None, "the statement")]


@pytest.mark.parametrize(
    "text",
    [
        "The Red Hand group issued a statement claiming responsibility for the attack.",
        "The Red Hand group issued a statement claiming responsibility for the bombing of the bridge.",
    ],
)
def test_claims_saying_a_statement_claiming_an_attack(code_events: Code, text: str) -> None:
    # putting out a statement is no act of its own; the attack it claims is the event
    events = code_events(text)
    assert [e.type for e in events] == ["ASSAULT"]
    claim = events[0].claims[0]
    assert (claim.stance, claim.claimant, claim.channel) == (
        "claimed_responsibility",
        "The Red Hand group",
        "a statement",
    )


def test_claims_saying_a_denial_in_a_statement_is_no_refusal(code_events: Code) -> None:
    # the denied act is coded, denied; the denial itself is no REJECT
    events = code_events("The Bordurian ministry denied in a statement that its jets had bombed the clinic.")
    assert [(e.type, e.claims[0].stance, e.claims[0].channel) for e in events] == [
        ("ASSAULT", "denied", "a statement")
    ]
