"""Sentences that tell no happening: questions, definitions, wishes, obligations, attacks made in words."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from flashpoint.records import Event

Code = Callable[..., tuple[Event, ...]]


@pytest.mark.parametrize(
    "text",
    [
        # a yes/no question asks whether something counts; it reports nothing
        "Does hosting a Bordurian trade fair breach the embargo?",
        "Did supplying fuel to Ruritania violate the ban?",
        # a definition tells what a kind of weapon is and does in general
        "Cluster munitions are crude weapons that scatter bomblets over a wide area with "
        "little attempt at hitting a single target.",
        # a wish is not a request made of anyone
        "The Ruritanian rebels have said they seek to capture the capital.",
        # a process as subject: nobody threatens, helps or supports anyone
        "The collapse of the currency could threaten the hold of the Bordurian government.",
    ],
)
def test_generic_statements_code_nothing(code_events: Code, text: str) -> None:
    assert [e.type for e in code_events(text)] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the question rule is about asking: a plain statement of the same act is coded
        ("Borduria hosted Ruritanian envoys for talks.", "CONSULT"),
        # a definite subject is a thing in the news, not a kind
        ("The cause of the blackout was an attack on the power station by Ruritanian rebels.", "ASSAULT"),
    ],
)
def test_generic_statements_leave_reports_alone(code_events: Code, text: str, expected: str) -> None:
    assert expected in [e.type for e in code_events(text)]


def test_generic_relative_clause_tells_what_the_attack_did(code_events: Code) -> None:
    text = "Borduria accused Ruritania of the attack, which it says killed forty villagers."
    assert sorted(e.type for e in code_events(text)) == ["ACCUSE", "ASSAULT"]


@pytest.mark.parametrize(
    "text",
    [
        "Borduria must allow aid convoys into the besieged city and release the detained journalists.",
        "The Bordurian government must withdraw its troops from the border.",
    ],
)
def test_generic_demanded_acts_are_not_done(code_events: Code, text: str) -> None:
    # an obligation in the author's voice: the demanded acts did not happen (and whose demand it is
    # lies beyond the sentence, so no request is coded either)
    assert [e.type for e in code_events(text)] == []


def test_generic_obligation_with_a_speaker_is_a_request(code_events: Code) -> None:
    events = code_events("Borduria must withdraw its troops, the Ruritanian foreign minister said.")
    assert [e.type for e in events] == ["REQUEST"]


def test_generic_must_have_is_a_conclusion(code_events: Code) -> None:
    events = code_events("Ruritanian troops must have shelled the village overnight, residents said.")
    assert [e.type for e in events] == ["ASSAULT"]


def test_generic_noun_under_an_obligation_is_told(code_events: Code) -> None:
    text = (
        "The world must respond firmly to the shelling of the market by Bordurian artillery, the envoy said."
    )
    assert "ASSAULT" in [e.type for e in code_events(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("During the hearing the senator attacked the minister in a speech laced with insults.", "ACCUSE"),
        ("Ruritanian rebels attacked a Bordurian army post, killing three soldiers.", "ASSAULT"),
    ],
)
def test_generic_attack_in_words_is_an_accusation(code_events: Code, text: str, expected: str) -> None:
    assert [e.type for e in code_events(text)][:1] == [expected]


def test_generic_convoy_an_attack_hit_is_no_deployment(code_events: Code) -> None:
    events = code_events("Ruritania condemned the attack on an aid convoy near the border.")
    assert "MOBILIZE" not in [e.type for e in events]


def test_generic_process_subject_of_a_governing_verb(code_events: Code) -> None:
    text = "Bordurian officials say the rollout of new checkpoints helps contribute to calm in the region."
    assert [e.type for e in code_events(text)] == []


def test_generic_captured_person_in_a_despite_clause(code_events: Code) -> None:
    text = "Despite being captured by Ruritanian forces, Colonel Ivan Petrov was later praised by Borduria."
    types = [e.type for e in code_events(text)]
    assert "COERCE" in types
    assert "ASSAULT" not in types


@pytest.mark.parametrize(
    "text",
    [
        # an aim worked for has not happened
        "Ruritania and Borduria have come together to work to end the border war.",
        # an act allowed is not an act made
        "Borduria said it would allow Ruritanian envoys to visit the camps.",
        # "recognise" with no party or standing as its object is no diplomatic support
        "Ruritania recognizes the hard work ahead.",
        # the aid as the subject of helping tells the aid's purpose, not a second act
        "The Ruritanian grant will support relief work in Borduria.",
    ],
)
def test_generic_aims_permissions_and_aid_purposes(code_events: Code, text: str) -> None:
    types = [e.type for e in code_events(text)]
    assert not {"RETREAT", "CONSULT", "SUPPORT"} & set(types)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ruritania recognized the new Bordurian government.", "SUPPORT"),
        ("Ruritanian donors sent food aid to Borduria.", "AID"),
        ("Ruritanian envoys visited the camps in Borduria.", "CONSULT"),
    ],
)
def test_generic_aims_rules_leave_acts_alone(code_events: Code, text: str, expected: str) -> None:
    assert expected in [e.type for e in code_events(text)]


@pytest.mark.parametrize(
    "text",
    [
        # abilities
        "The Ruritanian army can strike targets deep inside Borduria.",
        # accidents and natural disasters: harm no party did
        "A bus overturned on a mountain road in Borduria, killing twelve passengers.",
        "An earthquake struck northern Ruritania on Tuesday, killing at least 30 people.",
        # declining to comment refuses no one anything
        "A spokesman for the Ruritanian army declined to comment on the report.",
        # a war's running toll is a statistic, not an attack
        "The war has killed more than 10,000 people in Borduria since 2014.",
        # forces staying where they are is a state
        "Ruritanian troops remain in the northern province of Borduria.",
    ],
)
def test_generic_abilities_mishaps_tolls_and_states(code_events: Code, text: str) -> None:
    assert [e.type for e in code_events(text)] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ruritanian jets struck a market in Borduria, killing twelve people.", "ASSAULT"),
        ("A car bomb exploded outside a Bordurian police station, killing four officers.", "ASSAULT"),
        ("The Ruritanian army refused to withdraw from the border.", "REJECT"),
        ("Ruritanian troops moved into the northern province of Borduria.", "MOBILIZE"),
    ],
)
def test_generic_abilities_rules_leave_acts_alone(code_events: Code, text: str, expected: str) -> None:
    assert expected in [e.type for e in code_events(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a train or a lorry that hits something had an accident: no one attacked
        ("A passenger train hit a lorry at a level crossing, killing the driver.", []),
        ("A minibus struck a wall near the Bordurian border, killing four.", []),
        # a bomb in a car is a weapon, not a vehicle in an accident
        ("A car bomb struck a police checkpoint in Tarnow, killing four officers.", ["ASSAULT"]),
    ],
)
def test_mishap_ground_vehicles(code_events: Code, text: str, expected: list[str]) -> None:
    assert [e.type for e in code_events(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an idea or a work attacked is attacked in words
        ("Opposition leaders attacked the budget as reckless.", ["ACCUSE"]),
        # a place or a party attacked is an assault
        ("Rebels attacked the army base outside Tarnow.", ["ASSAULT"]),
    ],
)
def test_verbal_attack_on_ideas(code_events: Code, text: str, expected: list[str]) -> None:
    assert [e.type for e in code_events(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        # instructions to the reader: no party acts
        "Visit the museum website to book a ticket.",
        "Please leave the dough to rest for an hour.",
    ],
)
def test_instructions_code_nothing(code_events: Code, text: str) -> None:
    assert [e.type for e in code_events(text)] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a party that visits is a visit, and a demand in quotes is someone's demand
        ("The Bordurian president visited Tarnow on Monday.", "CONSULT"),
        ('"Release the prisoners now," the protesters in Tarnow shouted.', "CONCEDE"),
    ],
)
def test_instructions_rule_leaves_statements_alone(code_events: Code, text: str, expected: str) -> None:
    assert expected in [e.type for e in code_events(text)]


@pytest.mark.parametrize(
    "text",
    [
        # a war's toll, counted over years, is no attack
        "More than ten thousand people have been killed in the Bordurian civil war.",
        "At least 400 civilians have been killed since the start of the conflict.",
    ],
)
def test_tolls_code_nothing(code_events: Code, text: str) -> None:
    assert [e.type for e in code_events(text)] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Three soldiers were killed in fighting near Tarnow on Friday.", "ASSAULT"),
        ("Bordurian voters fear their country could be involved in a war.", "ASSAULT"),
    ],
)
def test_acts_near_tolls_still_code(code_events: Code, text: str, expected: str) -> None:
    assert expected in [e.type for e in code_events(text)]


@pytest.mark.parametrize(
    "text",
    [
        # aims, remits and needs tell no act
        "The new fund is designed to help farmers in the border villages.",
        "The militia was founded in 2010 to fight the Bordurian government.",
        "It is vital that humanitarian access to Tarnow is granted.",
    ],
)
def test_aims_and_needs_code_nothing(code_events: Code, text: str) -> None:
    assert [e.type for e in code_events(text)] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Borduria granted aid agencies access to Tarnow on Monday.", "COOPERATE"),
        ("The militia fought the Bordurian army near Tarnow in 2010.", "ASSAULT"),
    ],
)
def test_acts_beside_aims_still_code(code_events: Code, text: str, expected: str) -> None:
    assert expected in [e.type for e in code_events(text)]
