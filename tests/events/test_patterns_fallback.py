"""The CAMEO-pattern fallback on sentences written for these tests: the right PLOVER type, or no event.

Each sentence uses a verb our own lexicon does not code, so what it gets comes from the converted PETRARCH2
table (events/data/cameo_verbs.tsv) through EventCoder's fallback.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from flashpoint.records import Event

Code = Callable[..., tuple[Event, ...]]


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("Ruritanian artillery pounded Bordurian trenches overnight.", "ASSAULT"),
        ("Bordurian helicopters dropped barrel bombs on the market town.", "ASSAULT"),
        ("A Ruritanian rocket hit the school in Klow.", "ASSAULT"),
        ("Syldavian jets hit the fuel depot at dawn.", "ASSAULT"),
        ("Ruritania launched an operation against the Bordurian militia.", "ASSAULT"),
        ("The Bordurian army began an operation in the northern hills.", "ASSAULT"),
        ("Ruritanian troops started a ground operation near the river.", "ASSAULT"),
        ("The rebels mounted an attack on the garrison.", "ASSAULT"),
        ("Two bombers blew themselves up at the checkpoint.", "ASSAULT"),
        ("Bordurian forces encircled the rebel stronghold.", "ASSAULT"),
        ("Entire streets were flattened by Ruritanian shelling.", "ASSAULT"),
        ("The militia set three houses on fire in the village.", "ASSAULT"),
        ("Ruritanian jets carried out air raids on the border villages.", "ASSAULT"),
        ("Ruritanian forces engaged the rebels outside the capital.", "ASSAULT"),
        ("Bordurian warplanes launched airstrikes on the rebel camps.", "ASSAULT"),
        ("Bordurian artillery hammered rebel positions east of the city.", "ASSAULT"),
        # occupying territory is an ASSAULT (the crosswalk's COERCE for CAMEO 192, corrected)
        ("Syldavian troops entered the town of Klow on Sunday.", "ASSAULT"),
        ("The Bordurian army took over the airport after a week of fighting.", "ASSAULT"),
        ("Syldavia rescued forty Bordurian sailors.", "AID"),
        ("Borduria confiscated the cargo of the Ruritanian ship.", "COERCE"),
        ("The militia prevented civilians from leaving the town.", "COERCE"),
        ("The Bordurian government gave up its chemical weapons.", "RETREAT"),
        ("Syldavia resumed negotiations with Borduria on Monday.", "CONSULT"),
    ],
)
def test_fallback_codes_the_act(code_events: Code, text: str, plover: str) -> None:
    assert plover in [e.type for e in code_events(text)]


@pytest.mark.parametrize(
    "text",
    [
        # departures are no visits, and leaving a country is no meeting
        "Many families left the country for good.",
        "The foreign minister left for Klow on Monday.",
        "The minister flew to Klow on Tuesday.",
        "The plan is to leave the city by the northern road.",
        "The convoy headed for the border crossing.",
        # joining up with allies, roads that link towns, managing to arrive: no intent to cooperate
        "The rebels linked up with their allies in the south.",
        "The highway links the port with the capital.",
        "The Bordurian delegation managed to reach the capital before dark.",
        # holding ground and being allied are states
        "The Ruritanian militia controls the area east of the river.",
        "The commander's group is allied with the northern rebels.",
        "Control of the city has been divided between the two factions.",
        # no act told
        "Neither air force was carrying out missions in the area.",
        "The town was used by the militia to protect its supply line.",
        "It would be hard for the rebels to overcome the defences.",
        "The Secretary authorized a reward for information on the smugglers.",
        "Children took cover in the school basement.",
        "The hospital contributes to medical research in the region.",
        "The ministry is looking for a new spokesman.",
    ],
)
def test_fallback_codes_no_event(code_events: Code, text: str) -> None:
    assert [e.type for e in code_events(text)] == []


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # a pattern written for a verbal attack ("attack the government") is not lent to fighting
        ("Bordurian troops battled government forces near the dam.", "ACCUSE"),
        ("The air force hit positions for the rebel brigade.", "ACCUSE"),
        # nor is easing dissent ("overcome militants") lent to defeating them
        ("The Bordurian army defeated the militants outside Klow.", "CONCEDE"),
        ("Ruritanian troops took the village after heavy fighting.", "COERCE"),
        ("Bordurian soldiers occupied the hills above the town.", "COERCE"),
        ("The rebels captured the airbase and pushed into the old city.", "COERCE"),
        # an intent to meet needs a verb of intent
        ("The air force carried out missions over the northern province.", "AGREE"),
        ("Government forces controlled the crossing to the north.", "AGREE"),
        ("The militia fighters managed to take the bridge.", "AGREE"),
        ("The pilots flew sorties over the rebel-held town.", "AGREE"),
        ("The army pushed the rebels out of the town.", "AGREE"),
        ("The army continued its operations in the eastern districts.", "AGREE"),
        ("The rebels battled the army for control of the bridge.", "ACCUSE"),
    ],
)
def test_fallback_never_codes_the_wrong_type(code_events: Code, text: str, wrong: str) -> None:
    assert wrong not in [e.type for e in code_events(text)]


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("Ruritania pledged to send food to the besieged city.", "AGREE"),
        ("Borduria offered to hold talks with the rebels.", "AGREE"),
        ("Syldavia promised to rebuild the bridge it destroyed.", "AGREE"),
    ],
)
def test_fallback_intent_with_a_verb_of_intent(code_events: Code, text: str, plover: str) -> None:
    assert plover in [e.type for e in code_events(text)]
