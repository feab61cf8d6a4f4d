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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an act noun whose own verb says it got under way or was put into effect
        ("The summit of Syldavian and Bordurian leaders opened on Monday.", "CONSULT"),
        ("The talks began in the capital on Tuesday.", "CONSULT"),
        ("The truce took effect at dawn.", "AGREE"),
        ("The withdrawal of Ruritanian troops was completed in June.", "RETREAT"),
        ("A ban on opposition marches was imposed last week.", "COERCE"),
    ],
)
def test_recall_act_noun_under_way_or_in_effect(code_events: Code, text: str, expected: str) -> None:
    assert expected in [e.type for e in code_events(text)]


def test_recall_act_noun_that_anchors_a_time_is_background(code_events: Code) -> None:
    # "since the fighting started": when, not a report of the fighting
    assert "ASSAULT" not in [
        e.type for e in code_events("Since the fighting started, many families have left.")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "A ban on opposition marches was imposed last week.",
        "The Ruritanian ministry imposed a ban on opposition marches.",
        "The council placed an embargo on union strikes.",
    ],
)
def test_recall_act_a_ban_forbids_did_not_happen(code_events: Code, text: str) -> None:
    assert "PROTEST" not in [e.type for e in code_events(text)]


@pytest.mark.parametrize(
    ("text", "expected", "wrong"),
    [
        # a weapons test readies arms; nothing was fired at anyone
        ("Ruritania test-fired a cruise missile over the gulf.", "MOBILIZE", "ASSAULT"),
        ("Borduria carried out a nuclear test in the desert.", "MOBILIZE", "ASSAULT"),
        ("Syldavia tested a new rocket on Thursday.", "MOBILIZE", "ASSAULT"),
        # labour: stopping work is a strike
        ("Ruritanian dockers stopped work over unpaid wages.", "PROTEST", "ASSAULT"),
        # talks held at a distance
        ("The Syldavian and Bordurian ministers held a video call on Monday.", "CONSULT", None),
        # a ban scrapped is a concession
        ("Borduria scrapped the ban on Syldavian newspapers.", "CONCEDE", None),
        ("The Ruritanian court revoked the ban on the union.", "CONCEDE", None),
        # an agreement concluded or brought into force
        ("The Ruritanian-Bordurian border accord was concluded in the spring.", "AGREE", None),
        ("The truce between Ruritania and Borduria came into force at noon.", "AGREE", None),
    ],
)
def test_recall_tests_strikes_calls_and_ended_bans(
    code_events: Code, text: str, expected: str, wrong: str | None
) -> None:
    types = [e.type for e in code_events(text)]
    assert expected in types
    assert wrong is None or wrong not in types


@pytest.mark.parametrize(
    "text",
    [
        "Ruritanian warplanes raided two hamlets south of the river.",
        "Bordurian helicopters raided a rebel depot at dawn.",
        "A raid by Syldavian jets destroyed the bridge.",
    ],
)
def test_recall_a_raid_aircraft_fly_is_an_attack(code_events: Code, text: str) -> None:
    types = [e.type for e in code_events(text)]
    assert "ASSAULT" in types
    assert "COERCE" not in types


def test_recall_a_raid_on_foot_stays_coercion(code_events: Code) -> None:
    assert "COERCE" in [e.type for e in code_events("Ruritanian police raided the printing house.")]


def test_recall_workers_continuing_their_strike_is_a_labour_strike(code_events: Code) -> None:
    types = [e.type for e in code_events("The Bordurian nurses continued their strike for a third week.")]
    assert "PROTEST" in types
    assert "ASSAULT" not in types


@pytest.mark.parametrize(
    "text",
    [
        "Ruritanian police used water cannon on the marchers.",
        "Bordurian gendarmes used tear gas against the strikers near the mine.",
    ],
)
def test_recall_crowd_control_is_coercion_not_an_attack(code_events: Code, text: str) -> None:
    types = [e.type for e in code_events(text)]
    assert "COERCE" in types
    assert "ASSAULT" not in types


@pytest.mark.parametrize(
    "text",
    [
        "Ruritanian riot police used water cannon on the marchers.",
        "Officers in riot gear stood outside the Bordurian embassy.",
    ],
)
def test_recall_riot_police_and_riot_gear_are_no_riot(code_events: Code, text: str) -> None:
    assert "PROTEST" not in [e.type for e in code_events(text)]


def test_recall_a_riot_is_still_a_riot(code_events: Code) -> None:
    assert "PROTEST" in [e.type for e in code_events("Ruritanian youths rioted in the port after the match.")]


@pytest.mark.parametrize(
    "text",
    [
        "Riot police broke up the rally outside the ministry.",
        "Soldiers dispersed the march with batons and tear gas.",
    ],
)
def test_breaking_up_a_gathering_is_coerce_by_the_force_not_a_protest_by_it(
    code_events: Code, text: str
) -> None:
    events = code_events(text)
    assert any(e.type == "COERCE" for e in events)
    # the force that stops the march did not march
    assert not any(
        e.type == "PROTEST" and e.actor is not None and e.actor.sector in {"COP", "MIL"} for e in events
    )
