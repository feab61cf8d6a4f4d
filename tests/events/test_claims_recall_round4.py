"""Acts told inside other frames, each coded with its own stance (own sentences, invented places and parties).

Lasting acts a clause's subject is in ("the dockers are on strike", "the town is under siege"), acts inside
denials, refusals, conditions and plans, acts named as background or as nouns with their own parties, and
claims of responsibility that name the act; and the near neighbours that must stay empty.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from flashpoint.records import Event

Code = Callable[..., tuple[Event, ...]]


def _stances(events: tuple[Event, ...], plover: str) -> list[str]:
    return [e.claims[0].stance for e in events if e.type == plover]


# --- lasting acts a subject is in: "be on strike", "be on a visit to", "be under siege" -----------------


@pytest.mark.parametrize(
    ("text", "plover", "stance"),
    [
        ("Dock workers in Pelora are on strike.", "PROTEST", "asserted"),
        ("Teachers across Ruritania have been on strike for a month.", "PROTEST", "asserted"),
        ("Bus drivers in the capital remain on strike over unpaid wages.", "PROTEST", "asserted"),
        ("Nurses at the Kestrel clinic are on a hunger strike outside the ministry.", "PROTEST", "asserted"),
        ("The miners' union said its members were on strike at three pits.", "PROTEST", "reported"),
        ("Residents said the bakers of Orvane were on strike again.", "PROTEST", "alleged"),
        ("The dockers will be on strike from Monday.", "PROTEST", "future"),
        ("The dockers could be on strike by Friday if the talks fail.", "PROTEST", "hypothetical"),
        ("The refinery workers were not on strike yesterday.", "PROTEST", "negated"),
        ("The port authority denied that the pilots were on strike.", "PROTEST", "denied"),
        ("The Syldavian foreign minister is on a two-day visit to Borduria.", "CONSULT", "asserted"),
        ("The Bordurian president is on a state visit to Ruritania this week.", "CONSULT", "asserted"),
        (
            "Ruritania's envoy was on a visit to the Syldavian capital when the talks collapsed.",
            "CONSULT",
            "asserted",
        ),
        ("The governor will be on an official visit to Borduria next month.", "CONSULT", "future"),
        ("The town of Ostrel has been under siege since June.", "COERCE", "asserted"),
        ("Aid workers said the town has been under siege since June.", "COERCE", "alleged"),
        ("The port of Vessa remains under blockade.", "COERCE", "asserted"),
        ("Marvel Heights has been under government siege for two years.", "COERCE", "asserted"),
        ("The city has been under attack since Monday morning.", "ASSAULT", "asserted"),
        ("The old quarter is under heavy shelling by rebel gunners.", "ASSAULT", "asserted"),
        ("The hill villages were under bombardment for most of the night.", "ASSAULT", "asserted"),
        ("Three journalists remain under arrest in Ruritania.", "COERCE", "asserted"),
        ("The opposition leader has been under house arrest since the vote.", "COERCE", "asserted"),
    ],
)
def test_state_act_coded_with_its_stance(code_events: Code, text: str, plover: str, stance: str) -> None:
    assert stance in _stances(code_events(text), plover)


@pytest.mark.parametrize(
    ("text", "plover", "actor", "recipient"),
    [
        ("Dock workers in Pelora are on strike.", "PROTEST", "Dock workers", None),
        (
            "The Syldavian foreign minister is on a two-day visit to Borduria.",
            "CONSULT",
            "minister",
            "Borduria",
        ),
        ("The town of Ostrel has been under siege since June.", "COERCE", None, "town"),
        ("Marvel Heights has been under government siege for two years.", "COERCE", "government", "Heights"),
        ("The old quarter is under heavy shelling by rebel gunners.", "ASSAULT", "gunners", "quarter"),
    ],
)
def test_state_act_sides(
    code_events: Code, text: str, plover: str, actor: str | None, recipient: str | None
) -> None:
    event = next(e for e in code_events(text) if e.type == plover)
    assert (actor is None) == (event.actor_text is None)
    assert actor is None or actor in (event.actor_text or "")
    assert recipient is None or recipient in (event.recipient_text or "")


def test_state_strike_is_labour_not_arms(code_events: Code) -> None:
    assert "ASSAULT" not in [e.type for e in code_events("Cleaners at the Lorvik airport are on strike.")]


@pytest.mark.parametrize(
    "text",
    [
        "The focus is on talks with Borduria.",  # what the subject is about, not an act it is in
        "The emphasis of the budget is on aid to farmers.",
        "The minister is under fire for his remarks.",  # criticism in words, not shelling
        "The town is under pressure to hold new elections.",
        "Did the dockers go on strike?",  # a question
        "Strikes are common in Ruritania.",  # a generic statement
        "Sieges are a cruel way to wage war.",
        "Analysts expect the dockers to stay calm this winter.",  # a forecast of no act
    ],
)
def test_state_near_neighbours_stay_empty(code_events: Code, text: str) -> None:
    assert code_events(text) == ()


# --- "Friday's bombing": a date owns no act ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("The Red Hand group claimed Friday's bombing of the police station.", "Red Hand"),
        ("The Crimson Dawn militia claimed Sunday's attack on the border post.", "Crimson Dawn"),
        ("The Black Reed faction claimed Tuesday's raid on the depot in a video.", "Black Reed"),
    ],
)
def test_date_possessive_leaves_the_claimer_as_actor(code_events: Code, text: str, actor: str) -> None:
    event = next(e for e in code_events(text) if e.claims[0].stance == "claimed_responsibility")
    assert actor in (event.actor_text or "")


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        # a named owner of the act stays its actor
        ("The Red Hand group claimed its bombing of the police station.", "Red Hand"),
        ("Bordurian police said the Red Hand's bombing of the station killed two.", "Red Hand"),
    ],
)
def test_party_possessive_stays_actor(code_events: Code, text: str, actor: str) -> None:
    assert any(actor in (e.actor_text or "") for e in code_events(text) if e.type == "ASSAULT")


# --- acts inside other frames, across the nine stances (coverage of what we read today) ---------------


@pytest.mark.parametrize(
    ("text", "plover", "stance"),
    [
        # denials
        ("The ministry denied that its jets had bombed the market in Zorava.", "ASSAULT", "denied"),
        ("The army denied shelling the village of Kester.", "ASSAULT", "denied"),
        ("Bordurian officials denied their troops had detained the reporters.", "COERCE", "denied"),
        ("The militia denied that it had kidnapped the engineers.", "ASSAULT", "denied"),
        ("Ruritania denied sending troops to the frontier.", "MOBILIZE", "denied"),
        # claims of responsibility
        (
            "The Red Hand group said it planted the bomb near the bus station.",
            "ASSAULT",
            "claimed_responsibility",
        ),
        (
            "The Crimson Dawn militia claimed responsibility for the ambush on the convoy.",
            "ASSAULT",
            "claimed_responsibility",
        ),
        (
            "A little-known faction claimed the bombing of the police station.",
            "ASSAULT",
            "claimed_responsibility",
        ),
        (
            "The Black Reed group said it had carried out the attack on the checkpoint.",
            "ASSAULT",
            "claimed_responsibility",
        ),
        # threats
        ("The rebels threatened to storm the city if talks fail.", "THREATEN", "threatened"),
        ("Borduria warned it would retaliate against any incursion.", "THREATEN", "threatened"),
        ("The militia vowed to attack the pipeline again.", "THREATEN", "threatened"),
        ("The union threatened a general strike over the pension cuts.", "THREATEN", "threatened"),
        # negated
        ("The army did not deploy troops to the border.", "MOBILIZE", "negated"),
        ("The talks planned for Friday were cancelled.", "CONSULT", "negated"),
        ("Ruritanian troops failed to capture the bridge.", "ASSAULT", "negated"),
        ("The Bordurian army did not withdraw from the valley.", "RETREAT", "negated"),
        ("The police did not arrest anyone at the march.", "COERCE", "negated"),
        # hypothetical
        ("If the rebels attack the dam, the valley will flood.", "ASSAULT", "hypothetical"),
        ("The army could shell the town again tonight.", "ASSAULT", "hypothetical"),
        ("Borduria might impose sanctions on Ruritania.", "SANCTION", "hypothetical"),
        ("Ruritania may withdraw its ambassador from Borduria.", "RETREAT", "hypothetical"),
        ("The rebels might attack the convoy near Kolva.", "ASSAULT", "hypothetical"),
        # future
        ("The army will deploy troops to the border next week.", "MOBILIZE", "future"),
        ("Ruritania plans to send food aid to the flooded provinces.", "AID", "future"),
        ("The two foreign ministers are set to meet in Vessa on Monday.", "CONSULT", "future"),
        ("Borduria is to withdraw its troops from the buffer zone by June.", "RETREAT", "future"),
        ("The council will impose sanctions on the Bordurian bank.", "SANCTION", "future"),
        ("Syldavia is expected to release the detained fishermen.", "CONCEDE", "future"),
        # alleged
        ("Residents said the militia burned homes in Dranov.", "ASSAULT", "alleged"),
        ("Ruritania accused Bordurian troops of shelling a school.", "ASSAULT", "alleged"),
        ("Activists said police beat the protesters outside the court.", "ASSAULT", "alleged"),
        ("Witnesses said soldiers opened fire on the crowd.", "ASSAULT", "alleged"),
        ("The rebels reportedly executed two prisoners in Kolva.", "ASSAULT", "alleged"),
        ("Jets believed to be Bordurian struck the town of Elm Ford.", "ASSAULT", "alleged"),
        # reported
        ("The port authority said two ships were detained off Vessa.", "COERCE", "reported"),
        ("The harbour master said Bordurian police had detained two sailors.", "COERCE", "reported"),
        ("The Kestrel Tribune reported that the two leaders met in secret.", "CONSULT", "reported"),
        ("The foreign ministry said Ruritania had sent two planes of medicine.", "AID", "reported"),
        ("The governor said the army had deployed tanks around the refinery.", "MOBILIZE", "reported"),
        # asserted: background and time anchors that still tell what happened
        ("After the army shelled the town, residents fled to the hills.", "ASSAULT", "asserted"),
        ("Since the rebels shelled the airport in March, no flights have landed.", "ASSAULT", "asserted"),
        ("The shelling of Kharbat by government forces killed six people.", "ASSAULT", "asserted"),
        ("Bordurian forces shelled the town of Kharbat on Tuesday.", "ASSAULT", "asserted"),
        ("Police arrested forty students in Orvane on Friday.", "COERCE", "asserted"),
        ("Thousands of farmers marched on the parliament in Vessa.", "PROTEST", "asserted"),
        ("Ruritania and Borduria agreed a ceasefire in the border town of Kolva.", "AGREE", "asserted"),
        ("Syldavia expelled two Bordurian diplomats on Monday.", "SANCTION", "asserted"),
        ("The Ruritanian battalion pulled out of the valley overnight.", "RETREAT", "asserted"),
        ("The rebels released the three aid workers they had held since May.", "CONCEDE", "asserted"),
    ],
)
def test_act_in_a_frame_keeps_its_stance(code_events: Code, text: str, plover: str, stance: str) -> None:
    assert stance in _stances(code_events(text), plover)


@pytest.mark.parametrize(
    "text",
    [
        # questions with do-support, generic statements, forecasts, bare wishes: no event
        "Did the army shell the town?",
        "Does the militia still hold the bridge?",
        "Airstrikes are a common tactic in such wars.",
        "A ceasefire is an agreement to stop fighting.",
        "The clinic provides care to everyone who comes.",
        "Analysts warned that the death toll would rise.",
        "The ministry declined to comment on the report.",
        "Ruritania wants peace with its neighbours.",
    ],
)
def test_frame_near_neighbours_stay_empty(code_events: Code, text: str) -> None:
    assert code_events(text) == ()


# --- plans whose subject a passive frame carries: "are set to meet", "are expected to release" ---------


@pytest.mark.parametrize(
    ("text", "plover", "actor"),
    [
        ("The two foreign ministers are set to meet in Vessa on Monday.", "CONSULT", "ministers"),
        ("The Ruritanian and Bordurian envoys are scheduled to hold talks on Friday.", "CONSULT", "envoys"),
        ("The rebels are expected to release the hostages on Friday.", "CONCEDE", "rebels"),
        ("The Syldavian premier is set to visit Borduria next month.", "CONSULT", "premier"),
        ("Bordurian troops are set to withdraw from the buffer zone by June.", "RETREAT", "troops"),
    ],
)
def test_passive_frame_gives_the_planned_act_its_subject(
    code_events: Code, text: str, plover: str, actor: str
) -> None:
    event = next(e for e in code_events(text) if e.type == plover)
    assert actor in (event.actor_text or "")
    assert event.claims[0].stance == "future"


@pytest.mark.parametrize(
    ("text", "plover", "actor"),
    [
        # an active subject stays the actor of its own infinitive
        ("The rebels plan to release the hostages on Friday.", "CONCEDE", "rebels"),
        ("Ruritania urged Borduria to withdraw its troops.", "REQUEST", "Ruritania"),
    ],
)
def test_active_frame_keeps_its_subject(code_events: Code, text: str, plover: str, actor: str) -> None:
    assert any(actor in (e.actor_text or "") for e in code_events(text) if e.type == plover)


# --- a talk noun whose own relative clause holds it: "the talks, which will be held in May" ----------


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("The talks, which will be held in Vessa in May, aim to end the war.", "future"),
        ("The summit that was held in Dranov last year changed little.", "asserted"),
        ("The negotiations, which took place behind closed doors, lasted six hours.", "asserted"),
    ],
)
def test_talks_held_in_their_own_clause(code_events: Code, text: str, stance: str) -> None:
    assert stance in _stances(code_events(text), "CONSULT")


@pytest.mark.parametrize(
    "text",
    [
        # a wish for talks names no meeting that takes place
        "The talks that everyone wants would help.",
        "Talks are the only way out, the bishop wrote.",
    ],
)
def test_talks_wished_for_stay_empty(code_events: Code, text: str) -> None:
    assert "CONSULT" not in [e.type for e in code_events(text)]


# --- "was hit by a shell": a weapon's blow is an attack; other blows are not -------------------------


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("The clinic in Dranov was hit by a shell on Tuesday.", "asserted"),
        ("The school was hit by two rockets, the mayor said.", "reported"),
        ("The convoy was hit by an airstrike near Kolva.", "asserted"),
        ("Residents said the bakery was hit by a rocket.", "alleged"),
        ("The depot could be hit by missiles if the truce fails.", "hypothetical"),
        ("The army denied that the hospital was hit by its shells.", "denied"),
        ("Bordurian jets hit the bridge with missiles.", "asserted"),
    ],
)
def test_hit_by_a_weapon_is_assault(code_events: Code, text: str, stance: str) -> None:
    assert stance in _stances(code_events(text), "ASSAULT")


@pytest.mark.parametrize(
    "text",
    [
        "The region was hit by floods in May.",
        "Farmers were hit by the new sanctions.",
        "The striker hit the post twice.",
        "Exports were hit hard by the drought.",
    ],
)
def test_other_blows_are_not_assault(code_events: Code, text: str) -> None:
    assert "ASSAULT" not in [e.type for e in code_events(text)]
