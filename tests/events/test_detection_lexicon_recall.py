"""Lexicon families added for claims recall: standing with a party, reaching a consensus, a bombing or air
campaign, and the targeting of places."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from flashpoint.records import Event

Code = Callable[..., tuple[Event, ...]]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Ruritania will stand with Borduria in its hour of need.", "SUPPORT"),
        ("The two delegations reached a consensus on the border line.", "AGREE"),
        ("Borduria was blamed for its bombing campaign over the valley.", "ASSAULT"),
        ("Ruritania widened its air campaign against the rebel towns.", "ASSAULT"),
        ("The report listed the deliberate targeting of clinics by the militia.", "ASSAULT"),
    ],
)
def test_lexicon_recall_families(code_events: Code, text: str, kind: str) -> None:
    assert kind in [e.type for e in code_events(text)]


def test_standing_alone_is_not_support(code_events: Code) -> None:
    assert "SUPPORT" not in [e.type for e in code_events("The crowd stood in the square for an hour.")]
