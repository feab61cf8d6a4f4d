"""Events a sentence tells in words our lexicon once lacked: crucifixions, torching, counter-attacks,
abandoned posts, trade bans, cut aid, downgraded ties, tear gas (own sentences)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from flashpoint.records import Event

Code = Callable[..., tuple[Event, ...]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ruritanian militants crucified two shepherds near the dam.", "ASSAULT"),
        ("Bordurian militiamen torched a row of shops on Friday.", "ASSAULT"),
        ("Ruritanian soldiers set fire to the granary.", "ASSAULT"),
        ("The Bordurian rebels launched a counterattack on the airfield.", "ASSAULT"),
        ("Syldavian troops began a counteroffensive in the hills.", "ASSAULT"),
        ("Ruritanian conscripts abandoned their positions along the canal.", "RETREAT"),
        ("Borduria banned imports of Syldavian grain.", "SANCTION"),
        ("Ruritania cut off aid to the Bordurian ministry.", "SANCTION"),
        ("Syldavia downgraded ties with Borduria after the row.", "SANCTION"),
        ("Ruritanian police fired tear gas at the crowd outside the court.", "COERCE"),
    ],
)
def test_recall_lexicon_round3(code_events: Code, text: str, expected: str) -> None:
    assert expected in [e.type for e in code_events(text)]


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # tear gas is crowd control, not an armed attack
        ("Ruritanian police fired tear gas at the crowd outside the court.", "ASSAULT"),
        # a trade ban cuts relations; it is no arrest or raid
        ("Borduria banned imports of Syldavian grain.", "COERCE"),
    ],
)
def test_recall_lexicon_round3_not_the_wider_type(code_events: Code, text: str, wrong: str) -> None:
    assert wrong not in [e.type for e in code_events(text)]
