"""Event detection: labour strikes, coordinated statements, called-off acts, lexicon families, and verbs
that act on nothing."""

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
        "Bus drivers struck for a second day in the capital.",
        "Hospital nurses struck on Monday over unpaid wages.",
        "The teachers' strike entered its third week.",
        "A two-day strike over pensions shut the ports.",
        "Dock workers walked off the job on Monday.",
    ],
)
def test_detection_labour_strike_is_a_protest(code_events: Code, text: str) -> None:
    events = code_events(text)
    assert "PROTEST" in _types(events)
    assert "ASSAULT" not in _types(events)


@pytest.mark.parametrize(
    "text",
    [
        "Ruritanian warplanes struck a fuel depot near the border.",
        "Bordurian artillery struck at the rebel positions overnight.",
    ],
)
def test_detection_strike_with_a_target_stays_an_attack(code_events: Code, text: str) -> None:
    assert "ASSAULT" in _types(code_events(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Borduria rejected the proposal and opposed the new tariff.", ["REJECT", "REJECT"]),
        ("The Ruritanian ministry rejected the budget and condemned the decision.", ["REJECT", "ACCUSE"]),
    ],
)
def test_detection_coordinated_statements_are_two_events(
    code_events: Code, text: str, expected: list[str]
) -> None:
    assert sorted(_types(code_events(text))) == sorted(expected)


def test_detection_one_act_done_twice_over_stays_one(code_events: Code) -> None:
    assert _types(code_events("Syldavia donated and delivered medicine to Borduria.")) == ["AID"]


@pytest.mark.parametrize(
    "text",
    ["The talks were called off.", "The talks planned for Friday were cancelled."],
)
def test_detection_called_off_talks_without_parties(code_events: Code, text: str) -> None:
    events = code_events(text)
    assert _types(events) == ["CONSULT"]
    assert events[0].negated


@pytest.mark.parametrize(
    "text",
    [
        "Shops closed along the main road.",
        "Several offices closed early in the afternoon.",
    ],
)
def test_detection_dictionary_verb_acting_on_nothing_is_no_event(code_events: Code, text: str) -> None:
    assert code_events(text) == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ruritania and Borduria reached an agreement on fishing rights.", "AGREE"),
        ("The rival factions reached a deal on sharing power.", "AGREE"),
        ("The Bordurian president arrived in Ruritania on a three-day state visit.", "CONSULT"),
        ("The Syldavian envoy paid a visit to the Ruritanian capital.", "CONSULT"),
        ("Ruritanian authorities lifted the curfew in the capital.", "CONCEDE"),
        ("Borduria announced an easing of travel restrictions for Ruritanian traders.", "CONCEDE"),
        ("Bordurian soldiers forced the villagers to leave their homes.", "COERCE"),
        ("Ruritania has used chemical weapons against the rebels.", "ASSAULT"),
        ("The use of poison gas by Bordurian forces was condemned.", "ASSAULT"),
    ],
)
def test_detection_lexicon_families(code_events: Code, text: str, expected: str) -> None:
    assert expected in _types(code_events(text))


def test_detection_lifted_curfew_is_not_a_curfew(code_events: Code) -> None:
    assert "COERCE" not in _types(code_events("Ruritanian authorities lifted the curfew in the capital."))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The council met on Friday to discuss the alleged attack on the village.", "ASSAULT"),
        ("Witnesses told of a suspected raid on the clinic.", "COERCE"),
        ("An attack that killed four guards shocked the Ruritanian capital.", "ASSAULT"),
    ],
)
def test_detection_event_noun_with_its_own_stance_or_clause(
    code_events: Code, text: str, expected: str
) -> None:
    assert expected in _types(code_events(text))


def test_detection_event_noun_alone_is_a_reference_back(code_events: Code) -> None:
    assert "ASSAULT" not in _types(code_events("The attack shocked the Ruritanian capital."))


def test_detection_verb_whose_subject_is_an_act_is_no_new_event(code_events: Code) -> None:
    assert code_events("The talks went on for hours.") == ()


def test_detection_launched_strikes_are_attacks(code_events: Code) -> None:
    events = code_events("Ruritanian jets launched twelve strikes against Bordurian positions.")
    assert _types(events) == ["ASSAULT"]


def test_detection_use_of_weapons_needs_a_user(code_events: Code) -> None:
    assert code_events("The use of chemical weapons is a breach of international law.") == ()
    assert "ASSAULT" in _types(code_events("The use of chemical weapons by Bordurian forces was confirmed."))


@pytest.mark.parametrize(
    "text",
    [
        "The Ruritanian reporter asked the minister whether he had known about the plan.",
        "Borduria asked Syldavia what it intended to do.",
    ],
)
def test_detection_a_question_is_no_request(code_events: Code, text: str) -> None:
    assert "REQUEST" not in _types(code_events(text))


def test_detection_asking_for_an_act_is_a_request(code_events: Code) -> None:
    assert "REQUEST" in _types(code_events("Borduria asked Syldavia to release the detained fishermen."))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He was captured by Bordurian special forces in May.", "COERCE"),
        ("Ruritanian troops captured two suspected smugglers near the border.", "COERCE"),
        ("Rebels captured the town after a week of fighting.", "ASSAULT"),
    ],
)
def test_detection_capturing_people_is_an_arrest(code_events: Code, text: str, expected: str) -> None:
    types = _types(code_events(text))
    assert expected in types
    assert ({"COERCE", "ASSAULT"} - {expected}).isdisjoint(types)


@pytest.mark.parametrize(
    "text",
    ["The Bordurian judge did not agree.", "Ruritania has not accepted the Syldavian offer."],
)
def test_detection_not_agreeing_is_a_refusal(code_events: Code, text: str) -> None:
    events = code_events(text)
    assert _types(events) == ["REJECT"]
    assert not events[0].negated


def test_detection_not_agreeing_in_future_stays_as_told(code_events: Code) -> None:
    assert "REJECT" not in _types(code_events("Ruritania might not agree to the plan if talks fail."))


@pytest.mark.parametrize(
    "text",
    [
        "Bordurian rebels retook the town from the army.",
        "The city was taken back by Ruritanian troops in March.",
        "Syldavian forces liberated the port after a long siege.",
        "The report details the destruction of the old market by the militia.",
        "The execution of the pilot by the rebels drew wide anger.",
    ],
)
def test_detection_taking_ground_and_killing_captives(code_events: Code, text: str) -> None:
    assert "ASSAULT" in _types(code_events(text))


@pytest.mark.parametrize(
    "text",
    ["I hope that yesterday's agreement can help the process.", "They used the March ceasefire to regroup."],
)
def test_detection_a_date_is_no_party(code_events: Code, text: str) -> None:
    assert "AGREE" not in _types(code_events(text))


def test_detection_a_vow_is_a_threat_by_its_owner(code_events: Code) -> None:
    events = code_events("The campaign follows Ruritania's vow to destroy the rebel group.")
    assert _types(events) == ["THREATEN"]
    assert events[0].actor_text == "Ruritania"


@pytest.mark.parametrize(
    "text",
    [
        "The attack left nearly forty villagers dead.",
        "The shelling was the worst the district had seen in years.",
        "Nerve gas was used in the attack, doctors at the clinic said.",
        "The governor said rebels bear full responsibility for the bombing.",
        "This was a cowardly attack on a crowded market.",
    ],
)
def test_detection_attack_stated_without_its_actor(code_events: Code, text: str) -> None:
    assert "ASSAULT" in _types(code_events(text))


@pytest.mark.parametrize(
    "text",
    [
        "Such an attack shows how weak the militia has become.",
        "The exams were postponed following the bombing.",
        "The ministry ordered an inquiry into the attack.",
        "The airstrikes came a day after Ruritania demanded talks.",
    ],
)
def test_detection_attack_noun_that_only_dates_or_explains_is_no_event(code_events: Code, text: str) -> None:
    assert "ASSAULT" not in _types(code_events(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The blast in the old market claimed the lives of twelve shoppers.", "ASSAULT"),
        ("Gunmen murdered two aid workers in the village.", "ASSAULT"),
        ("The siege of the town by Bordurian troops entered its second month.", "COERCE"),
    ],
)
def test_detection_lexicon_words_for_killing_and_sieges(code_events: Code, text: str, expected: str) -> None:
    assert expected in _types(code_events(text))


def test_detection_claiming_a_victory_is_no_killing(code_events: Code) -> None:
    assert "ASSAULT" not in _types(code_events("Syldavia claimed a victory in the regional election."))


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania lodged a formal protest with the Bordurian ambassador over the shooting.",
        "Syldavia filed a protest with Borduria over the seized trawler.",
    ],
)
def test_detection_a_word_of_the_governing_phrase_is_no_second_event(code_events: Code, text: str) -> None:
    # "lodged a protest" is one complaint (ACCUSE), not a complaint and a street protest
    assert _types(code_events(text)) == ["ACCUSE"]


def test_detection_a_protest_that_people_hold_stays_a_protest(code_events: Code) -> None:
    assert "PROTEST" in _types(code_events("Bordurian students held a protest outside the parliament."))


def test_detection_speaking_with_a_leader_is_a_consultation(code_events: Code) -> None:
    events = code_events("The Ruritanian president spoke with the Bordurian prime minister about the border.")
    assert _types(events) == ["CONSULT"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The Syldavian minister welcomed the liberation of the town by Bordurian forces.", "ASSAULT"),
        ("Syldavia welcomed the agreement between Ruritania and Borduria on water sharing.", "AGREE"),
    ],
)
def test_detection_what_is_welcomed_is_told_as_done(code_events: Code, text: str, content: str) -> None:
    assert sorted(_types(code_events(text))) == sorted(["SUPPORT", content])


def test_detection_what_is_urged_stays_the_request_content(code_events: Code) -> None:
    # a request's content is not done: only praise tells its content as an act of its own
    assert _types(code_events("Syldavia urged Ruritania to withdraw its troops from the town.")) == [
        "REQUEST"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Syldavia encourages Ruritania and Borduria to settle the dispute through talks.", ["REQUEST"]),
        ("Bordurian troops killed nine rebels and took forty more prisoners.", ["ASSAULT", "COERCE"]),
    ],
)
def test_detection_encouraging_and_taking_prisoners(
    code_events: Code, text: str, expected: list[str]
) -> None:
    assert sorted(_types(code_events(text))) == sorted(expected)


def test_detection_being_encouraged_is_no_request(code_events: Code) -> None:
    assert code_events("The Ruritanian soldiers were encouraged by the result of the vote.") == ()


def test_detection_stopping_an_attack_is_a_retreat(code_events: Code) -> None:
    assert _types(code_events("The Ruritanian air force stopped bombing the city on Tuesday.")) == ["RETREAT"]


def test_detection_an_attack_beside_a_stop_stays_an_attack(code_events: Code) -> None:
    assert "ASSAULT" in _types(code_events("The Ruritanian army stopped the convoy and shelled the town."))
