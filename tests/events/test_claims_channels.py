"""Claims: the channel a statement reaches us through, and the source behind a relay.

Our own invented sentences (Ruritania, Borduria, Syldavia, Radio Nord, Rutag); each case is one pattern of the
claims definition's channel rules.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from flashpoint.records import Event

Code = Callable[..., tuple[Event, ...]]

CHANNEL_CASES = [
    # a that-clause the parser hangs on the medium is still what is said
    ("The governor told the Velka Courier in an interview that troops had shelled the town.", "reported",
     "The governor", "the Velka Courier"),
    ("The minister told reporters at a briefing that rebels had shelled the town.", "reported", "The minister",
     "a briefing"),
    # the outlet that carries a statement is named before the medium
    ("The ministry, in a statement carried by the state news agency Rutag, said troops had shelled the town.",
     "reported", "The ministry", "the state news agency Rutag"),
    ("Militants stormed the base, the defence ministry said in a statement carried by the Rutag news "
     "agency.", "reported", "the defence ministry", "the Rutag news agency"),
    # a closing "X quoted Y as saying": Y speaks, X relays
    ("Troops shelled the town, Radio Nord quoted the port governor as saying.", "reported",
     "the port governor", "Radio Nord"),
    # a platform after "posted on"
    ("Troops shelled the town, the governor posted on Telegram.", "reported", "the governor", "Telegram"),
    # a medium hung on the source of an inverted "said X in a statement"
    ('"Troops shelled the town all night," said the governor in a statement.', "reported", "the governor",
     "a statement"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "stance", "claimant", "channel"), CHANNEL_CASES)
def test_claims_channels_patterns(
    code_events: Code, text: str, stance: str, claimant: str, channel: str
) -> None:
    found = [(e.claims[0].stance, e.claims[0].claimant, e.claims[0].channel) for e in code_events(text)]
    assert found == [(stance, claimant, channel)]


def test_claims_channels_a_claim_of_responsibility_keeps_its_channel(code_events: Code) -> None:
    text = "The Red Hand claimed responsibility for the attack in a statement posted on its website."
    found = [(e.claims[0].stance, e.claims[0].claimant, e.claims[0].channel) for e in code_events(text)]
    assert found == [("claimed_responsibility", "The Red Hand", "its website")]
