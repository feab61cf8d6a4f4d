"""Short news reports (own sentences): sit-ins and other hyphenated act nouns, lynchings, gunfights,
weapons caches and explosive devices taken out of use, fires set to property, and a crowd that is only
the target of state forces."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from flashpoint.events.acled import classify
from flashpoint.events.lexicon import load_lexicon
from flashpoint.records import Actor, Event

Code = Callable[..., tuple[Event, ...]]


def test_a_hyphenated_phrase_is_matched_as_the_parts_spacy_splits_it_into() -> None:
    entry = next(e for e in load_lexicon().entries[("noun", "in")] if e.phrase == "sit in")
    assert (entry.type, entry.rest) == ("PROTEST", ("sit",))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nurses staged a sit-in at the Ruritanian health ministry on Monday.", "PROTEST"),
        ("Dockers held a sit-in outside the port offices in the Bordurian capital.", "PROTEST"),
        ("Hundreds of students began a sit-in on the campus lawn to oppose the fee rise.", "PROTEST"),
        ("Riot police broke up a sit-in by Syldavian teachers outside parliament.", "COERCE"),
        ("A shoot-out between Ruritanian police and smugglers left two officers wounded.", "ASSAULT"),
        ("There was a gunfight between rival gangs in the Bordurian port on Friday night.", "ASSAULT"),
        ("A mob lynched a suspected cattle thief in a Syldavian village.", "ASSAULT"),
        ("Villagers lynched two men they accused of witchcraft.", "ASSAULT"),
    ],
)
def test_short_report_acts(code_events: Code, text: str, expected: str) -> None:
    assert expected in [e.type for e in code_events(text)]


@pytest.mark.parametrize(
    "text",
    [
        "The gallery will sit in the old customs house.",  # "sit in" is no sit-in
        "The build-up to the festival took months.",
        "He went to sleep in the back of the car.",
    ],
)
def test_the_parts_of_a_hyphenated_act_alone_code_nothing(code_events: Code, text: str) -> None:
    assert [e.type for e in code_events(text)] == []


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        ("Ruritanian militants set fire to two village schools.", "two village schools"),
        ("Rioters set fire to parked cars in the Bordurian capital.", "parked cars"),
        ("Bordurian soldiers opened fire on the crowd outside the mill.", "the crowd"),
    ],
)
def test_fire_is_the_act_and_the_object_of_to_or_on_its_target(
    code_events: Code, text: str, recipient: str
) -> None:
    events = [e for e in code_events(text) if e.type == "ASSAULT"]
    assert events and events[0].recipient_text == recipient


@pytest.mark.parametrize(
    ("text", "sub_event"),
    [
        (
            "Soldiers seized a large cache of rifles and explosives in a raid on a Ruritanian farm.",
            "Disrupted weapons use",
        ),
        (
            "Police recovered a stock of stolen army rifles from a Bordurian warehouse.",
            "Disrupted weapons use",
        ),
        (
            "Army engineers found and destroyed an improvised explosive device on the Syldavian highway.",
            "Disrupted weapons use",
        ),
        ("Ruritanian troops destroyed two landmines planted near the well.", "Disrupted weapons use"),
        ("Militants set fire to a Bordurian girls' school overnight.", "Looting/property destruction"),
        ("A mob lynched a suspected thief in a Syldavian market.", "Mob violence"),
        (
            "Bordurian police fired live rounds at protesters outside the court.",
            "Excessive force against protesters",
        ),
        ("An angry crowd beat a suspected pickpocket to death at the Syldavian bus station.", "Mob violence"),
    ],
)
def test_short_report_acled_sub_event(code_events: Code, text: str, sub_event: str) -> None:
    labels = [e.acled_sub_event_type for e in code_events(text) if e.acled_sub_event_type]
    assert labels and labels[0] == sub_event


@pytest.mark.parametrize(
    ("sector", "expected"),
    [
        ("MIL", "Attack"),  # state forces shooting into a crowd: the crowd is no mob
        ("COP", "Attack"),
        ("CVL", "Mob violence"),  # a crowd's own people turning on others is
        (None, "Mob violence"),
    ],
)
def test_a_crowd_that_state_forces_fire_on_is_no_mob(sector: str | None, expected: str) -> None:
    text = "Shots were fired into a crowd at the market, killing four."
    actor = Actor(country="RUR", sector=sector)
    crowd = Actor(country="RUR", sector="CVL")
    assert classify(text, plover="ASSAULT", mode="firearms", actor=actor, recipient=crowd)[1] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Rebels freed twelve soldiers they had captured in March.",
        "The talks that stalled in early March resumed on Monday.",
        "The ceasefire has held since March.",
        "Fighting has continued until March, the monitors said.",
    ],
)
def test_the_month_of_march_is_no_protest_march(text: str) -> None:
    assert classify(text, plover="CONCEDE", mode="release")[0] not in {"Protests", "Riots"}


@pytest.mark.parametrize(
    "text",
    [
        "Thousands joined a march in the capital on Sunday.",
        "The march on parliament ended peacefully.",
        "Hundreds took part in the march through the old town.",
    ],
)
def test_a_protest_march_is_still_a_protest(text: str) -> None:
    assert classify(text, plover="PROTEST", mode="demo") == ("Protests", "Peaceful protest")


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("Ruritania will keep backing the Bordurian opposition.", "future"),
        ("Syldavian gunners will resume shelling the ridge at dawn.", "future"),
        ("Ruritania will continue to arm the Bordurian militia.", "future"),
        ("Bordurian gunners kept shelling the ridge all night.", "asserted"),
        ("Syldavian troops resumed their raids on the border villages.", "asserted"),
    ],
)
def test_keep_and_resume_pass_the_tense_to_the_act(code_events: Code, text: str, stance: str) -> None:
    events = code_events(text)
    assert events and events[0].claims[0].stance == stance


def test_a_crowd_that_fought_back_is_still_a_riot_when_soldiers_fire() -> None:
    text = "Clashes broke out between villagers and soldiers, who fired rubber bullets at the crowd."
    soldiers, villagers = Actor(country="RUR", sector="MIL"), Actor(country="RUR", sector="CVL")
    assert classify(text, plover="ASSAULT", actor=soldiers, recipient=villagers)[0] == "Riots"


@pytest.mark.parametrize(
    "text",
    [
        "Clerks organised a sit in outside the tax office to demand back pay.",
        "Retired teachers staged a sit in at the town hall.",
    ],
)
def test_a_sit_in_written_without_its_hyphen_is_a_protest(text: str) -> None:
    # with no PLOVER type to go by, the words alone must say it
    assert classify(text) == ("Protests", "Peaceful protest")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bordurian rebels handed over the town to the army under the deal.", "RETREAT"),
        ("The militia handed over its checkpoints to the Ruritanian police.", "RETREAT"),
        ("The insurgents ceded territory to the Syldavian government last year.", "RETREAT"),
    ],
)
def test_territory_handed_over_is_a_retreat(code_events: Code, text: str, expected: str) -> None:
    assert expected in [e.type for e in code_events(text)]


@pytest.mark.parametrize(
    "text",
    [
        "The founder handed over control of the bakery to his daughter.",
        "The courier handed over the parcel at the door.",
    ],
)
def test_handing_over_a_business_or_a_parcel_is_no_retreat(code_events: Code, text: str) -> None:
    assert "RETREAT" not in [e.type for e in code_events(text)]


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("Mortar rounds landed near the Ruritanian parliament on Tuesday.", "heavy-weapons"),
        ("Artillery shells hit a crowded Bordurian suburb overnight.", "heavy-weapons"),
        ("A rocket slammed into a school on the Syldavian side of the border.", "heavy-weapons"),
        ("Two missiles struck the Ruritanian port before dawn.", "heavy-weapons"),
        ("A shell exploded in the fish market of a Bordurian town.", "heavy-weapons"),
        ("A bomb exploded at a bus stop in the Syldavian capital.", "explosives"),
        ("A roadside bomb went off beside a Ruritanian army truck.", "explosives"),
        ("A landmine exploded under a tractor in a Bordurian field.", "explosives"),
        ("A drone crashed into a Syldavian fuel depot, setting it ablaze.", "drone"),
    ],
)
def test_a_munition_that_lands_or_goes_off_is_an_attack(code_events: Code, text: str, mode: str) -> None:
    events = [e for e in code_events(text) if e.type == "ASSAULT"]
    assert events and events[0].mode == mode


@pytest.mark.parametrize(
    "text",
    [
        "The Ruritanian airliner landed safely after the storm.",
        "Fuel prices fell sharply in Borduria last month.",
        "Heavy rain hit the Syldavian coast on Sunday.",
        "The old shells went into storage at the museum.",
        "The critic slammed the new Ruritanian film.",
    ],
)
def test_landing_and_hitting_without_a_munition_is_no_attack(code_events: Code, text: str) -> None:
    assert "ASSAULT" not in [e.type for e in code_events(text)]


def test_a_capital_that_only_starts_the_sentence_is_no_owner_of_the_weapon(code_events: Code) -> None:
    events = [
        e for e in code_events("Mortar rounds landed near the Ruritanian parliament.") if e.type == "ASSAULT"
    ]
    assert events and events[0].actor_text is None


@pytest.mark.parametrize(
    ("text", "sub_event"),
    [
        (
            "Rebels captured the town of Kamboru on the Bordurian border.",
            "Non-state actor overtakes territory",
        ),
        (
            "Insurgents seized control of the district headquarters at dawn.",
            "Non-state actor overtakes territory",
        ),
        ("Ruritanian forces retook the village of Ostel from the militants.", "Government regains territory"),
        ("The army recaptured the hill town after a week-long push.", "Government regains territory"),
    ],
)
def test_ground_taken_by_force_is_a_battle_without_clash_words(text: str, sub_event: str) -> None:
    assert classify(text, plover="ASSAULT") == ("Battles", sub_event)


def test_a_liberation_army_in_a_name_retakes_nothing() -> None:
    text = "Fighters of the Ruritanian Liberation Army attacked two fuel trucks, killing a driver."
    drivers = Actor(country="RUR", sector="CVL")
    assert classify(text, plover="ASSAULT", recipient=drivers)[1] != "Government regains territory"


def test_a_deal_about_fighting_is_an_agreement() -> None:
    text = "The two armies agreed on a deal to halt offensive operations along the front."
    assert classify(text, plover="AGREE") == ("Strategic developments", "Agreement")


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        ("Ruritania and the rebels agreed to a truce in Lanzburg.", "the rebels"),
        ("Borduria and Ruritania agreed to a prisoner swap in Lanzburg.", "Ruritania"),
    ],
)
def test_the_other_side_of_a_joint_act_is_its_recipient_not_the_venue(
    code_events: Code, text: str, recipient: str
) -> None:
    events = [e for e in code_events(text, places={"Lanzburg": "SYL"}) if e.type == "AGREE"]
    assert events and events[0].recipient_text == recipient
