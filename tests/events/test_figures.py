"""Trigger words that name no act: figures of speech, hyphenated activities, threats that are dangers,
bans in force and acts only wished for."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from flashpoint.records import Event

Code = Callable[..., tuple[Event, ...]]


def _types(events: tuple[Event, ...]) -> list[str]:
    return [e.type for e in events]


@pytest.mark.parametrize(
    "text",
    [
        "The new tax law strikes at the heart of the farmers' livelihood.",
        "The minister's speech struck a chord with voters in the north.",
        "Crews kept up fire-fighting efforts at the depot through the night.",
        "Crime-fighting units were praised by the mayor of the capital.",
    ],
)
def test_figures_words_of_blows_that_strike_nothing(code_events: Code, text: str) -> None:
    assert "ASSAULT" not in _types(code_events(text))


@pytest.mark.parametrize(
    "text",
    [
        "Ruritanian jets struck at rebel positions near the river.",
        "Fighting between Bordurian troops and militias raged in the hills.",
    ],
)
def test_figures_real_blows_stay_attacks(code_events: Code, text: str) -> None:
    assert "ASSAULT" in _types(code_events(text))


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania will keep working with its partners to eliminate the threat this militia poses.",
        "The two ministers discussed trade and their joint work on combating the terrorist threat.",
    ],
)
def test_figures_a_threat_as_a_danger_is_no_threatening_statement(code_events: Code, text: str) -> None:
    assert "THREATEN" not in _types(code_events(text))


def test_figures_a_threat_that_someone_makes_stays_a_threat(code_events: Code) -> None:
    events = code_events("Borduria's threat to close the border alarmed Syldavia.")
    assert "THREATEN" in _types(events)


@pytest.mark.parametrize(
    "text",
    [
        "Cluster munitions are banned by international law.",
        "Such arms are prohibited under the convention signed in Velka.",
        "The treaty bans the use of such mines.",
    ],
)
def test_figures_a_ban_in_force_is_no_act(code_events: Code, text: str) -> None:
    assert "COERCE" not in _types(code_events(text))


def test_figures_a_ban_by_a_party_stays_an_act(code_events: Code) -> None:
    assert "COERCE" in _types(code_events("The Ruritanian army banned protests in the capital."))


@pytest.mark.parametrize(
    "text",
    [
        "We hope the inspectors will be given access to the depot.",
        "The mediator said she hoped that the two sides would meet again soon.",
    ],
)
def test_figures_an_act_only_wished_for_is_no_event(code_events: Code, text: str) -> None:
    assert _types(code_events(text)) == []


def test_figures_an_act_beside_a_wish_stays_an_event(code_events: Code) -> None:
    events = code_events("Bordurian troops shelled the town, and residents hope the fighting ends soon.")
    assert "ASSAULT" in _types(events)
