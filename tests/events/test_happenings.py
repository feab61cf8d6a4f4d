"""Every event in a sentence, once per happening: light verbs, parts of a happening, short reports."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from flashpoint.events.acled import NOTE_SENTENCES, label_note
from flashpoint.records import Event

Code = Callable[..., tuple[Event, ...]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # light verbs: the act is the noun
        ("Ruritanian warplanes carried out raids on Bordurian villages.", "COERCE"),
        ("Ruritanian and Bordurian envoys held talks in the capital.", "CONSULT"),
        ("Ruritania conducted strikes against Bordurian positions.", "ASSAULT"),
        ("Dock workers in Ruritania staged a strike over unpaid wages.", "PROTEST"),
        ("Syldavian troops took part in a joint exercise with Bordurian forces.", "COOPERATE"),
        ("Ruritania lodged a protest with Borduria over the arrests.", "ACCUSE"),
        ("Ruritania and Borduria reached a deal on fishing rights.", "AGREE"),
        # acts the held-out misses were made of
        ("The Ruritanian army demolished twelve homes in the border village.", "COERCE"),
        ("Ruritania banned the Bordurian newspaper.", "COERCE"),
        ("Syldavia approved a grant for flood relief in Borduria.", "AID"),
        # passive and agentless clauses
        ("Three Bordurian villages were shelled overnight.", "ASSAULT"),
    ],
)
def test_happening_light_verbs_nouns_and_passives(code_events: Code, text: str, expected: str) -> None:
    assert expected in [e.type for e in code_events(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Ruritanian rebels clashed with Bordurian troops, killing three soldiers.",
        "Ruritanian rebels attacked the Bordurian post and killed three soldiers.",
        "Ruritanian rebels attacked the Bordurian post on Monday. Three soldiers were killed.",
    ],
)
def test_happening_consequences_fold_into_the_attack(code_events: Code, text: str) -> None:
    assert [e.type for e in code_events(text)] == ["ASSAULT"]


@pytest.mark.parametrize(
    "text",
    [
        "Hundreds of Ruritanian farmers marched in the capital, demanding lower fuel prices.",
        "Hundreds of Ruritanian farmers marched in the capital to denounce the fuel prices.",
        "Hundreds of Ruritanian farmers marched in the capital. They demanded lower fuel prices.",
        "Hundreds of Ruritanian farmers marched in the capital. The protesters demanded lower fuel prices.",
    ],
)
def test_happening_what_a_protest_says_is_the_protest(code_events: Code, text: str) -> None:
    assert [e.type for e in code_events(text)] == ["PROTEST"]


def test_happening_a_new_subject_is_a_new_event(code_events: Code) -> None:
    events = code_events("Ruritanian farmers marched in the capital, and Bordurian police beat five of them.")
    assert sorted(e.type for e in events) == ["ASSAULT", "PROTEST"]


def test_happening_statements_stay_separate(code_events: Code) -> None:
    # Two refusals in a short report are two statements, not one happening.
    events = code_events(
        "Borduria rejected the Ruritanian plan. Borduria also rejected the Syldavian proposal."
    )
    assert [e.type for e in events].count("REJECT") == 2


def test_happening_an_actor_in_a_long_story_is_a_new_attack(code_events: Code) -> None:
    text = (
        "Ruritanian rebels attacked a Bordurian post on Monday. The army answered at dawn. "
        "Officials met in the capital. Talks went on for hours. Traders closed their shops. "
        "On Friday Syldavian gunmen attacked a Bordurian convoy."
    )
    assert [e.type for e in code_events(text)].count("ASSAULT") == 2


@pytest.mark.parametrize("subject", ["Two strikes", "A roadside bomb", "Artillery fire"])
def test_happening_a_weapon_as_subject_is_not_the_actor(code_events: Code, subject: str) -> None:
    (event,) = [e for e in code_events(f"{subject} destroyed a Bordurian checkpoint.") if e.type == "ASSAULT"]
    assert event.actor is None and event.actor_text is None


def _event(kind: str, trigger: str, *, start: int, goldstein: float, negated: bool = False) -> Event:
    return Event(
        type=kind,
        sentence=0,
        trigger_start=start,
        trigger_end=start + len(trigger),
        trigger=trigger,
        goldstein=goldstein,
        negated=negated,
        acled_event_type="Protests",
        acled_sub_event_type="Peaceful protest",
    )


def test_label_note_gives_one_label_to_the_main_act() -> None:
    text = "Police fired tear gas at farmers who marched on the ministry, wounding two."
    events = [
        _event("PROTEST", "marched", start=36, goldstein=-6.5),
        _event("ASSAULT", "fired", start=7, goldstein=-9.0),
    ]
    labelled = label_note(text, events, sentences=1)
    # the tear gas is the protest's intervention: one event, the march, with the report's label
    assert [(e.type, e.acled_sub_event_type) for e in labelled] == [("PROTEST", "Protest with intervention")]
    assert labelled[0].acled_event_type == "Protests"


def test_label_note_keeps_sentence_labels_in_a_long_story() -> None:
    events = [_event("PROTEST", "marched", start=0, goldstein=-6.5)]
    assert label_note("Farmers marched.", events, sentences=NOTE_SENTENCES + 1) == tuple(events)


def test_label_note_prefers_an_act_that_happened() -> None:
    text = "Rebels did not attack the town; farmers marched in it."
    events = [
        _event("ASSAULT", "attack", start=16, goldstein=-10.0, negated=True),
        _event("PROTEST", "marched", start=39, goldstein=-6.5),
    ]
    labelled = label_note(text, events, sentences=1)
    assert labelled[0].acled_sub_event_type is None
    assert labelled[1].acled_sub_event_type == "Peaceful protest"


def test_coalition_forces_are_not_placed_in_the_country_they_strike(code_events: Code) -> None:
    text = "In Borduria, coalition forces conducted twelve strikes against militants."
    (event,) = [e for e in code_events(text, places={"Borduria": "BOR"}) if e.type == "ASSAULT"]
    assert event.actor_text is not None and "coalition" in event.actor_text
    assert event.actor is None or event.actor.country != "BOR"


@pytest.mark.parametrize(
    "text",
    [
        "Heavy fighting between Ruritanian troops and Bordurian rebels broke out on Monday.",
        "There was an armed clash between Ruritanian troops and Bordurian rebels.",
        "A gunbattle between Ruritanian troops and Bordurian rebels took place near the border.",
        "Clashes between Ruritanian troops and Bordurian rebels continued for a second day.",
    ],
)
def test_happening_a_noun_the_clause_says_happened_is_coded(code_events: Code, text: str) -> None:
    (event,) = code_events(text)
    assert event.type == "ASSAULT"
    assert event.actor_text is not None and "Ruritanian" in event.actor_text
    assert event.recipient_text is not None and "Bordurian" in event.recipient_text


def test_happening_a_bare_event_noun_is_still_not_coded(code_events: Code) -> None:
    # Talked about, not reported: no actor, no target, no clause saying it happened.
    assert code_events("The clashes were a topic for the evening news.") == ()


@pytest.mark.parametrize(
    "text",
    [
        # sentences the parser reads with the subject as root and "protested" as a clause of it
        "On 4 March 2021, family members of local miners protested in Tarnova (Velka), demanding a new road.",
        "On 9 May 2021, parents of primary school pupils protested in Kessel (Nord), demanding a safer crossing.",
    ],
)
def test_happening_a_long_subject_misparse_keeps_the_protest(code_events: Code, text: str) -> None:
    assert [e.type for e in code_events(text)] == ["PROTEST"]


@pytest.mark.parametrize(
    "text",
    [
        "Hundreds of Ruritanian nurses took part in a protest outside the ministry.",
        "Thousands of Ruritanian farmers converged on Monday for a rally in the capital.",
    ],
)
def test_happening_taking_part_gives_the_act_its_actor(code_events: Code, text: str) -> None:
    (event,) = code_events(text)
    assert event.type == "PROTEST"
    assert event.actor_text is not None and "Ruritanian" in event.actor_text


@pytest.mark.parametrize(
    "text",
    [
        "Hundreds of Ruritanian students protested against the Bordurian invasion of Syldavia.",
        "Hundreds of Ruritanian students rallied over the killing of a classmate by police.",
        "Ruritanian students staged a protest against the Bordurian invasion of Syldavia.",
    ],
)
def test_happening_what_a_protest_is_against_is_its_topic(code_events: Code, text: str) -> None:
    assert [e.type for e in code_events(text)] == ["PROTEST"]


def test_happening_a_convoy_that_was_attacked_is_the_target(code_events: Code) -> None:
    events = code_events("Ruritanian gunmen ambushed a Bordurian army convoy near the border.")
    assert [e.type for e in events] == ["ASSAULT"]


def test_happening_a_short_report_keeps_the_protest_not_the_police_answer(code_events: Code) -> None:
    text = "Hundreds of Ruritanian farmers protested outside the ministry. Police arrested two of them."
    assert [e.type for e in code_events(text)] == ["PROTEST"]


def test_happening_a_long_story_keeps_the_arrests(code_events: Code) -> None:
    text = (
        "Hundreds of Ruritanian farmers protested outside the ministry. The minister stayed inside. "
        "It rained all afternoon. The square was quiet. Buses stopped running. "
        "In the evening police arrested two of the farmers."
    )
    assert sorted(e.type for e in code_events(text)) == ["COERCE", "PROTEST"]


def test_happening_the_frame_of_a_statement_is_not_a_report(code_events: Code) -> None:
    text = "As part of the Ruritanian offensive, the Ruritanian president warned Borduria of further strikes."
    assert [e.type for e in code_events(text)] == ["THREATEN"]
