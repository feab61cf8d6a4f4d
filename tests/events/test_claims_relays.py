"""Claims: how a source spoke and who relayed it — participles on the source, "citing", "according to",
names with their own phrase, denials put out in a medium, and hedges that leave an act unverified.

Our own invented sentences (Ruritania, Borduria, Syldavia, Radio Nord, the Velka Courier); each case is one
pattern of the claims definition.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from flashpoint.records import Event

Code = Callable[..., tuple[Event, ...]]


def _assaults(code_events: Code, text: str) -> list[tuple[str, str | None, str | None]]:
    return [
        (e.claims[0].stance, e.claims[0].claimant, e.claims[0].channel)
        for e in code_events(text)
        if e.type == "ASSAULT"
    ]


RELAY_CASES = [
    # a participle on the source says how it spoke: it is no part of the source's name
    ("A police officer quoted by Radio Nord said rebels had shelled the town.", "alleged", "A police officer",
     "Radio Nord"),
    ("The governor, speaking on state television, said rebels had shelled the town.", "reported",
     "The governor", "state television"),
    ("A source speaking to Radio Nord said rebels had shelled the town.", "alleged", "A source", "Radio Nord"),
    # … and anonymity is no channel
    ("An army officer, speaking on condition of anonymity, said rebels had shelled the town.", "alleged",
     "An army officer", None),
    ("Rebels shelled the town, an army officer said, speaking on condition of anonymity.", "alleged",
     "an army officer", None),
    # whoever cites another relays it, an outlet by its name or not
    ("Rebels shelled the town, the Velka Courier said, citing a police officer.", "alleged", "a police officer",
     "the Velka Courier"),
    ("The Velka Courier, citing local officials, said rebels shelled the town.", "alleged", "local officials",
     "The Velka Courier"),
    # "X said …, according to <a report>": X speaks, the report relays
    ("The minister said the militia had shelled the market, according to a report by the Velka Courier.",
     "reported", "The minister", "a report"),
    ("The militia shelled the market again Ivan Petrov said according to the Velka Courier report.",
     "reported", "Ivan Petrov", "the Velka Courier report"),
    # "X said that, according to witnesses, …": the witnesses are the innermost source
    ("The minister said that, according to witnesses, the militia had shelled the market.", "alleged",
     "witnesses", None),
    # a name that runs on in a phrase of its own
    ("The Syldavian Observatory for Human Rights said rebels attacked a checkpoint near the river.", "reported",
     "The Syldavian Observatory for Human Rights", None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "stance", "claimant", "channel"), RELAY_CASES)
def test_claims_relays_patterns(
    code_events: Code, text: str, stance: str, claimant: str, channel: str | None
) -> None:
    assert _assaults(code_events, text) == [(stance, claimant, channel)]


def test_claims_relays_a_denial_in_a_statement_is_no_claim_of_responsibility(code_events: Code) -> None:
    text = "The Ruritanian army denied in a statement that its jets had bombed the market."
    assert _assaults(code_events, text) == [("denied", "The Ruritanian army", "a statement")]


@pytest.mark.parametrize(
    "text",
    [
        "Bordurian jets probably bombed the market, the governor said.",
        "The governor said Bordurian jets had likely bombed the market.",
        "The governor said it was likely that Bordurian jets had bombed the market.",
        "It seems that Bordurian jets bombed the market.",
    ],
)
def test_claims_relays_a_judged_likelihood_leaves_the_act_alleged(code_events: Code, text: str) -> None:
    assert [s for s, _, _ in _assaults(code_events, text)] == ["alleged"]


@pytest.mark.parametrize(
    "text",
    [
        "Bordurian jets could bomb the market.",
        "Bordurian jets might have bombed the market, the governor said.",
    ],
)
def test_claims_relays_a_modal_guess_stays_hypothetical(code_events: Code, text: str) -> None:
    assert [s for s, _, _ in _assaults(code_events, text)] == ["hypothetical"]


def test_claims_relays_an_act_believed_done_is_alleged(code_events: Code) -> None:
    text = "The shelling of the market, believed to have been carried out by Bordurian jets, drew protests."
    assert [s for s, _, _ in _assaults(code_events, text)] == ["alleged"]


CHANNEL_CASES = [
    # a source that speaks to a named outlet: the outlet is the channel, a person is not
    ("A military source told the Velka Courier that rebels had shelled the town.", "alleged",
     "A military source", "the Velka Courier"),
    ("Rebels shelled the town, the governor told Ivan Petrov.", "reported", "the governor", None),
    # a journalist's outlet is the channel
    ("A reporter for the Velka Courier said rebels had shelled the town.", "reported", "A reporter",
     "the Velka Courier"),
    ("The Velka Courier's correspondent said rebels had shelled the town.", "reported",
     "The Velka Courier's correspondent", "The Velka Courier"),
    # "According to X, a source said …": X relays the source
    ("According to the Velka Courier, a military source said rebels had shelled the town.", "alleged",
     "a military source", "the Velka Courier"),
    # a state-run outlet is its own channel
    ("Rebels shelled the town, state-run Velka Radio reported.", "reported", "state-run Velka Radio",
     "state-run Velka Radio"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "stance", "claimant", "channel"), CHANNEL_CASES)
def test_claims_relays_channels(
    code_events: Code, text: str, stance: str, claimant: str, channel: str | None
) -> None:
    assert _assaults(code_events, text) == [(stance, claimant, channel)]


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        # a named party blaming another is an allegation
        ("The governor said the Red Hand bears responsibility for the bombing of the bridge.", "alleged"),
        ("The governor said the Red Hand was responsible for the bombing of the bridge.", "alleged"),
        # … a speaker owning up to it claims it, and one saying it is not responsible denies it
        ("The Red Hand said it was responsible for the bombing of the bridge.", "claimed_responsibility"),
        ("The Red Hand said it was not responsible for the bombing of the bridge.", "denied"),
    ],
)
def test_claims_relays_responsibility(code_events: Code, text: str, stance: str) -> None:
    assert [s for s, _, _ in _assaults(code_events, text)] == [stance]


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        # the agent of a passive report is its source; of a passive claim, the one who claims the act
        ("The attack on the village was reported by residents.", ("alleged", "residents", None)),
        ("The bombing was claimed by the Red Hand.", ("claimed_responsibility", "the Red Hand", None)),
        # a spokesman's "his fighters" are the speaker's own side
        ("The rebels' spokesman said on Twitter that his fighters had shot down a helicopter.",
         ("claimed_responsibility", "The rebels' spokesman", "Twitter")),
    ],
)  # fmt: skip
def test_claims_relays_passive_agents_and_own_side(
    code_events: Code, text: str, claim: tuple[str, str, str | None]
) -> None:
    assert _assaults(code_events, text) == [claim]


def test_claims_relays_an_object_after_claimed_is_no_source(code_events: Code) -> None:
    # "claimed … lives" kills; it is no one's claim
    assert _assaults(code_events, "Bordurian strikes have claimed hundreds of civilian lives.") == [
        ("asserted", None, None)
    ]


def test_claims_relays_a_closing_name_with_its_own_phrase(code_events: Code) -> None:
    text = "Bordurian jets bombed the market on Monday the Syldavian Observatory for Human Rights said."
    assert [c for _, c, _ in _assaults(code_events, text)] == ["the Syldavian Observatory for Human Rights"]


def test_claims_relays_a_monitor_claims_no_attack(code_events: Code) -> None:
    text = "The Ruritanian Observatory said Ruritanian troops had shelled the village."
    assert [s for s, _, _ in _assaults(code_events, text)] == ["reported"]


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        # reports, updates and announcements are media as much as statements are
        ("Rebels shelled the town, the army said in a daily update.", ("reported", "the army", "a daily update")),
        ("The army said in its daily report that rebels shelled the town.",
         ("reported", "The army", "its daily report")),
        # … but a report without an author is hearsay
        ("According to a report, rebels shelled the town.", ("alleged", None, "a report")),
    ],
)  # fmt: skip
def test_claims_relays_media(code_events: Code, text: str, claim: tuple[str, str | None, str]) -> None:
    assert _assaults(code_events, text) == [claim]


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        # a group named only by the side it is on is an unnamed source
        ("Opposition forces said Ruritanian jets bombed the market.", "alleged"),
        ("Rebel commanders said Ruritanian jets bombed the market.", "alleged"),
        # … a named body is not
        ("The Bordurian foreign ministry said Ruritanian jets bombed the market.", "reported"),
    ],
)
def test_claims_relays_generic_groups(code_events: Code, text: str, stance: str) -> None:
    assert [s for s, _, _ in _assaults(code_events, text)] == [stance]


def test_an_attribution_does_not_reach_into_the_next_paragraph(code_events: Code) -> None:
    text = (
        "Talks collapse in the capital\n\n"
        '"We will not withdraw," General Osric Vane said on Radio Nord\n\n'
        "Rebels shelled the village of Kell on Monday."
    )
    assaults = [e for e in code_events(text) if e.type == "ASSAULT"]
    assert assaults
    assert all(e.claims[0].claimant is None and e.claims[0].channel is None for e in assaults)
