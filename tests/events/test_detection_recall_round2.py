"""Events a sentence tells that the coder once missed: acts held, talks with a counterpart, press audiences."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from flashpoint.records import Event

Code = Callable[..., tuple[Event, ...]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an act named as a noun, told as held or taking place in its own relative clause
        ("The talks that will be held in Vienna next month are meant to settle the dispute.", "CONSULT"),
        ("The envoys said the summit that took place in Vienna went well.", "CONSULT"),
        # talking to a counterpart is a consultation
        ("The Ruritanian minister said he had spoken to his Bordurian counterpart.", "CONSULT"),
    ],
)
def test_recall_acts_told_as_held_and_talks(code_events: Code, text: str, expected: str) -> None:
    assert expected in [
        e.type for e in code_events(text, places={"Vienna": "AUT"} if "Vienna" in text else None)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Speaking to reporters in the capital, the Ruritanian general said his troops would stay.",
        "The Bordurian president talked to journalists after lunch.",
    ],
)
def test_recall_press_audience_is_no_meeting(code_events: Code, text: str) -> None:
    assert "CONSULT" not in [e.type for e in code_events(text)]
