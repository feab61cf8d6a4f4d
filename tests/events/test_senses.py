"""Trigger words in an everyday sense code nothing; the same words in their conflict sense still code."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from flashpoint.records import Event

Code = Callable[..., tuple[Event, ...]]


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a month is not a march
        ("The mayor of Tarnow took up her post in March 2015.", "PROTEST"),
        # coming to power or to nothing visits no one
        ("The Bordurian reform party came to power after a long campaign.", "CONSULT"),
        ("All the promises of the new cabinet have come to nothing.", "CONSULT"),
        # a plan met with anger is a reception, not a meeting
        ("The new curfew plan was met with anger from shopkeepers.", "CONSULT"),
        # firing people from their jobs is no gunfire
        ("The chairman fired the club's coach after the defeat.", "ASSAULT"),
        ("The two engineers had been fired in front of their colleagues.", "ASSAULT"),
        # a question is not a request
        ("The talk-show host asked about the senator's holiday plans.", "REQUEST"),
        # opinions and courtesies offered are no deal
        ("The retired general offered his perspective on the budget.", "AGREE"),
        ("The professor agreed with her colleague about the dates.", "AGREE"),
        # words and information provided or released are no aid and no release
        ("The museum guide provided a short overview of the collection.", "AID"),
        ("The singer released a new video on Monday.", "RETREAT"),
        ("The singer released a new video on Monday.", "CONCEDE"),
        # credits and causes contribute no aid
        ("Two correspondents contributed to this report.", "AID"),
        # a number that declined refused nothing
        ("The number of visitors declined sharply from last year.", "REJECT"),
        # an oath of office is no vow of violence
        ("The new judge was sworn in on Tuesday.", "THREATEN"),
        # a light verb: "took place" seizes nothing
        ("The ceremony took place in front of the town hall.", "COERCE"),
        ("The ceremony took place in front of the town hall.", "ASSAULT"),
        # filming a scene shoots no one
        ("The crew shot the final scene in the old harbour.", "ASSAULT"),
    ],
)
def test_other_sense_codes_no_event_of_the_type(code_events: Code, text: str, absent: str) -> None:
    assert absent not in [e.type for e in code_events(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thousands of students marched through the capital on Sunday.", "PROTEST"),
        ("The Bordurian foreign minister came to Tarnow for talks with the president.", "CONSULT"),
        ("The envoy was met by the Ruritanian president at the airport.", "CONSULT"),
        ("Soldiers fired on the crowd outside the ministry.", "ASSAULT"),
        ("Rebels fired rockets at the airport.", "ASSAULT"),
        ("Borduria asked the United Nations for emergency aid.", "REQUEST"),
        ("The minister asked the rebels to lay down their weapons.", "REQUEST"),
        ("Borduria agreed with Ruritania on a ceasefire along the border.", "AGREE"),
        ("Borduria provided weapons and ammunition to the rebels.", "AID"),
        ("The militia released twelve hostages on Friday.", "CONCEDE"),
        ("Borduria contributed troops to the peacekeeping mission.", "AID"),
        ("The opposition declined to attend the talks.", "REJECT"),
        ("The rebels took control of the airport.", "ASSAULT"),
        ("Gunmen shot three policemen at a checkpoint.", "ASSAULT"),
    ],
)
def test_same_words_in_their_conflict_sense_still_code(code_events: Code, text: str, expected: str) -> None:
    assert expected in [e.type for e in code_events(text)]


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("The judge delivered her closing remarks in verse.", "AID"),
        ("The court will publish its ruling after the release of the new figures.", "CONCEDE"),
    ],
)
def test_words_delivered_or_released_are_no_goods(code_events: Code, text: str, absent: str) -> None:
    assert absent not in [e.type for e in code_events(text)]


def test_goods_delivered_are_aid(code_events: Code) -> None:
    assert "AID" in [
        e.type for e in code_events("Borduria delivered food and medicine to the besieged town.")
    ]


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        (
            "Fighting broke out between two factions of the Red Hand Front (banned in Ruritania) on Monday.",
            "COERCE",
        ),
        ("Rescuers pulled two children out of the rubble alive.", "RETREAT"),
        ("Rescue workers rushed to the scene after the blast.", "CONSULT"),
    ],
)
def test_labels_rescues_and_errands_are_no_acts_of_the_type(
    code_events: Code, text: str, absent: str
) -> None:
    assert absent not in [e.type for e in code_events(text)]


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("The fuel shortages led to painful choices in the wards.", "AGREE"),
        ("His talk on farm prices was long and dull.", "CONSULT"),
        ("Most of the spilled oil was captured by the cleanup crews.", "ASSAULT"),
        ("The proposal has been met with scorn from the teachers' union.", "CONSULT"),
    ],
)
def test_causes_speeches_and_catches_are_no_acts_of_the_type(
    code_events: Code, text: str, absent: str
) -> None:
    assert absent not in [e.type for e in code_events(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bordurian and Ruritanian envoys held talks in Tarnow on Monday.", "CONSULT"),
        ("Rebels captured the town of Tarnow after heavy fighting.", "ASSAULT"),
        ("The general led an assault on the rebel positions.", "ASSAULT"),
        ("The two presidents met in Tarnow on Monday.", "CONSULT"),
    ],
)
def test_conflict_senses_still_code(code_events: Code, text: str, expected: str) -> None:
    assert expected in [e.type for e in code_events(text)]


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("The home side beat the visitors 3-1 on Saturday.", "ASSAULT"),
        ("The challenger defeated the mayor in the election.", "ASSAULT"),
        ("The novelist has been fighting cancer for years.", "ASSAULT"),
        ("The brewery fought off a takeover bid from its rival.", "ASSAULT"),
        ("The new manager attacked the problem with vigour.", "ASSAULT"),
        ("The comedian killed it at the festival last night.", "ASSAULT"),
        ("The carmaker invaded the electric scooter market.", "ASSAULT"),
        ("The town museum will host an exhibition of old maps.", "CONSULT"),
        ("The mayor opened a new bridge over the river on Monday.", "CONCEDE"),
        ("The club signed a new striker from a rival club.", "SUPPORT"),
    ],
)
def test_games_illnesses_tasks_and_shows_are_no_acts_of_the_type(
    code_events: Code, text: str, absent: str
) -> None:
    assert absent not in [e.type for e in code_events(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bordurian soldiers beat protesters with batons in Tarnow.", "ASSAULT"),
        ("Government forces are fighting the rebels in the hills.", "ASSAULT"),
        ("Gunmen attacked the police station in Tarnow.", "ASSAULT"),
        ("The militia killed four villagers near Tarnow.", "ASSAULT"),
        ("Ruritanian troops invaded the border province of Tarnow.", "ASSAULT"),
        ("Borduria hosted the Ruritanian president for talks.", "CONSULT"),
        ("Borduria reopened the border crossing on Monday.", "CONCEDE"),
    ],
)
def test_struggles_with_parties_still_code(code_events: Code, text: str, expected: str) -> None:
    assert expected in [e.type for e in code_events(text)]


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("The studio announced the third release of its photo app.", "CONCEDE"),
        ("Fans can check out the new trailer online.", "ACCUSE"),
        ("The new handbook will help you plan the trip.", "AID"),
    ],
)
def test_products_and_advice_are_no_acts_of_the_type(code_events: Code, text: str, absent: str) -> None:
    assert absent not in [e.type for e in code_events(text)]


@pytest.mark.parametrize(
    "text",
    [
        "The rebels agreed to the release of twelve hostages.",
        "A court in Tarnow ordered his release from prison.",
    ],
)
def test_release_of_people_still_codes(code_events: Code, text: str) -> None:
    assert {"RETREAT", "CONCEDE", "AGREE", "REQUEST"} & {e.type for e in code_events(text)}


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Secretary-General Ban Ki-moon arrived in Tarnow on Friday.", "COERCE"),
        ("Rebel units pushed deep into the coastal province overnight.", "REQUEST"),
    ],
)
def test_names_and_advances_are_no_acts_of_the_type(code_events: Code, text: str, absent: str) -> None:
    assert absent not in [e.type for e in code_events(text)]


def test_a_push_for_something_is_a_request(code_events: Code) -> None:
    assert "REQUEST" in [e.type for e in code_events("Borduria pushed for a new round of talks.")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The new sanctions regime targets officials who abuse rights.", []),
        ("The militia targeted a police patrol near Tarnow.", ["ASSAULT"]),
    ],
)
def test_measures_aimed_at_people_are_no_attacks(code_events: Code, text: str, expected: list[str]) -> None:
    assert [e.type for e in code_events(text) if e.type == "ASSAULT"] == expected
