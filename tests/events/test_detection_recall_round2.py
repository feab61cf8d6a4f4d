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


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "The council demanded full access for aid workers and requested the envoy to report back.",
            "REQUEST",
        ),
        ("The minister praised the rebels and thanked Syldavia for its help.", "SUPPORT"),
    ],
)
def test_recall_two_coordinated_acts_with_objects_of_their_own(
    code_events: Code, text: str, kind: str
) -> None:
    assert [e.type for e in code_events(text)].count(kind) == 2


def test_recall_one_act_told_with_two_verbs_stays_one(code_events: Code) -> None:
    # the same object twice: one act
    assert [e.type for e in code_events("Ruritania funded and delivered the aid.")].count("AID") == 1


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("A series of meetings will take place between Ruritanian and Bordurian officials.", "future"),
        ("A new round of talks was held on Monday.", "asserted"),
    ],
)
def test_recall_act_counted_by_a_series_told_as_held(code_events: Code, text: str, stance: str) -> None:
    consults = [e for e in code_events(text) if e.type == "CONSULT"]
    assert [e.claims[0].stance for e in consults] == [stance]


def test_recall_act_of_a_force_told_in_its_relative_clause(code_events: Code) -> None:
    events = code_events("Ruritania praised the rebels who fought to free the town.")
    fought = [e for e in events if e.type == "ASSAULT"]
    assert [e.actor_text for e in fought] == ["the rebels"]


@pytest.mark.parametrize(
    "text",
    [
        "Police arrested two men who were wounded in the blast.",  # what befell them: a description
        "The soldiers who guard the checkpoint were replaced.",  # no act of force, present tense
    ],
)
def test_recall_relative_clause_description_stays_background(code_events: Code, text: str) -> None:
    assert "ASSAULT" not in [e.type for e in code_events(text)]


def test_recall_threat_noun_takes_the_party_of_the_act_it_names(code_events: Code) -> None:
    events = code_events("Borduria gave up its rockets under the threat of sanctions by Ruritania.")
    threats = [e for e in events if e.type == "THREATEN"]
    assert [e.actor.country if e.actor else None for e in threats] == ["RUR"]


def test_recall_surrender_is_a_retreat(code_events: Code) -> None:
    assert "RETREAT" in [e.type for e in code_events("Hundreds of Bordurian fighters surrendered on Sunday.")]


def test_recall_joining_a_truce_is_an_agreement(code_events: Code) -> None:
    assert "AGREE" in [e.type for e in code_events("Two Bordurian rebel groups joined the truce on Monday.")]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Ruritanian jets delivered heavy strikes against Bordurian positions.", "ASSAULT"),
        ("Ruritania delivered food aid to Borduria.", "AID"),
    ],
)
def test_recall_giving_verb_with_an_act_as_object_is_that_act(
    code_events: Code, text: str, kind: str
) -> None:
    types = [e.type for e in code_events(text)]
    assert types == [kind]


@pytest.mark.parametrize(
    "text",
    [
        "The Ruritanian army will continue to train its Bordurian partners, the minister said.",
        "Bordurian troops kept patrolling the valley through the winter.",
    ],
)
def test_aspectual_verb_with_a_verb_after_it_is_not_the_act(code_events: Code, text: str) -> None:
    # "continue" with an army as its subject is a CAMEO fallback for fighting; going on training or
    # patrolling is no attack
    assert "ASSAULT" not in [e.type for e in code_events(text)]
    assert "THREATEN" not in [e.type for e in code_events(text)]
