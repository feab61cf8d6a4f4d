"""Event detection as the claims definition reads it: the lexicon's verbs of recruiting, dispatching,
suppressing, travelling and congratulating; relative clauses that tell a happening of their own."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from flashpoint.records import Event

Code = Callable[..., tuple[Event, ...]]


def _types(events: tuple[Event, ...]) -> list[str]:
    return [e.type for e in events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ruritania recruited hundreds of new fighters in the spring.", "MOBILIZE"),
        ("Borduria dispatched two frigates toward the Syldavian coast.", "MOBILIZE"),
        ("A Bordurian militant detonated a device at the checkpoint.", "ASSAULT"),
        ("Bordurian fighters made new efforts to reclaim the town.", "ASSAULT"),
        ("Bordurian police suppressed the rally in the capital.", "COERCE"),
        ("The Syldavian envoy will travel to Borduria next week.", "CONSULT"),
        ("The Ruritanian president congratulated Syldavia on the vote.", "SUPPORT"),
        ("The minister said Borduria bears responsibility for the shelling.", "ACCUSE"),
    ],
)
def test_detection_lexicon_verbs_code_their_type(code_events: Code, text: str, expected: str) -> None:
    assert expected in _types(code_events(text))


@pytest.mark.parametrize(
    "text",
    [
        "Aid workers reached the village, where Bordurian soldiers had burned the market.",
        "Aid workers reached the village, where the market was burned by Bordurian soldiers.",
        "Syldavia named the base from which the strike on the harbour was launched.",
    ],
)
def test_detection_relative_clause_with_its_own_doer_is_an_event(code_events: Code, text: str) -> None:
    assert "ASSAULT" in _types(code_events(text))


@pytest.mark.parametrize(
    "text",
    [
        "The Syldavian envoy met the rebels who attacked the town last year.",
        "Farmers marched in Borduria, where nine people were killed in unrest last spring.",
    ],
)
def test_detection_relative_clause_describing_its_noun_is_background(code_events: Code, text: str) -> None:
    assert "ASSAULT" not in _types(code_events(text))


def test_detection_what_befell_a_described_person_is_background(code_events: Code) -> None:
    events = code_events(
        "Relatives of a farmer who was shot by a neighbour marched in the Bordurian capital."
    )
    assert "ASSAULT" not in _types(events)


@pytest.mark.parametrize(
    ("text", "coded"),
    [
        (
            "Ruritania expelled the Bordurian envoy a day after the alleged arrest of a Ruritanian reporter.",
            True,
        ),
        ("Ruritania expelled the Bordurian envoy a day after the arrest of a Ruritanian reporter.", False),
    ],
)
def test_detection_time_anchor_with_a_stance_word_is_an_event(
    code_events: Code, text: str, coded: bool
) -> None:
    assert ("COERCE" in _types(code_events(text))) is coded


def test_detection_name_ending_in_an_act_names_the_act(code_events: Code) -> None:
    events = code_events("The Bordurian government denied responsibility for the Borville Massacre.")
    assert "ASSAULT" in _types(events)


def test_detection_name_with_an_act_word_inside_names_no_act(code_events: Code) -> None:
    events = code_events("The Ruritanian Campaign Against Invasion met the minister.")
    assert "ASSAULT" not in _types(events)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "A Syldavian envoy said that military escalation against civilians by Borduria comes as the date"
            " set for the start of a transition nears.",
            "AID",
        ),
        ("The start of Ruritanian operations to retake the border town marks another step forward.", "AGREE"),
        ("Rescue operations had been going on for three hours near the Kell depot.", "CONSULT"),
    ],
)
def test_detection_dictionary_verb_with_a_process_for_subject_is_no_event(
    code_events: Code, text: str, kind: str
) -> None:
    assert kind not in _types(code_events(text))
