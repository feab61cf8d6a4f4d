"""The ACLED classifier on sentences written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flashpoint.events.acled import _literals, _rules, classify, read_sentence
from flashpoint.events.ontology import acled_fits, acled_types
from flashpoint.records import Actor

CASES = [
    (
        "Artillery units shelled the outskirts of the northern town overnight, residents said.",
        ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ),
    (
        "Two mortar rounds landed near the market on Tuesday.",
        ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ),
    (
        "An airstrike hit a fuel depot on the edge of the city on Sunday.",
        ("Explosions/Remote violence", "Air/drone strike"),
    ),
    (
        "A drone struck a pickup truck carrying fighters near the border crossing.",
        ("Explosions/Remote violence", "Air/drone strike"),
    ),
    (
        "A roadside bomb exploded as a supply convoy passed the bridge.",
        ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ),
    (
        "A shepherd was wounded when he stepped on a landmine in the valley.",
        ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ),
    (
        "Someone threw a hand grenade into the courtyard of the police station.",
        ("Explosions/Remote violence", "Grenade"),
    ),
    (
        "Government troops clashed with rebel fighters for several hours outside the village.",
        ("Battles", "Armed clash"),
    ),
    (
        "The two armed factions exchanged fire along the ridge on Monday evening.",
        ("Battles", "Armed clash"),
    ),
    (
        "Hundreds of teachers held a peaceful protest outside the ministry to demand higher pay.",
        ("Protests", "Peaceful protest"),
    ),
    (
        "Students rallied in the main square against the new tuition fees. [size=about 300]",
        ("Protests", "Peaceful protest"),
    ),
    (
        "Police dispersed the march with tear gas after demonstrators refused to leave the avenue.",
        ("Protests", "Protest with intervention"),
    ),
    (
        "Rioters protesting the election result torched cars and threw stones at officers.",
        ("Riots", "Violent demonstration"),
    ),
    (
        "A mob beat a suspected thief to death at the bus station.",
        ("Riots", "Mob violence"),
    ),
    (
        "Gunmen abducted three aid workers on the road to the camp.",
        ("Violence against civilians", "Abduction/forced disappearance"),
    ),
    (
        "Unknown gunmen shot and killed a farmer in his field on Friday.",
        ("Violence against civilians", "Attack"),
    ),
    (
        "Police arrested four men suspected of planning the robbery.",
        ("Strategic developments", "Arrests"),
    ),
    (
        "The two sides signed a ceasefire agreement in the capital.",
        ("Strategic developments", "Agreement"),
    ),
    (
        "Armed men looted shops in the town centre after the army left.",
        ("Strategic developments", "Looting/property destruction"),
    ),
    (
        "Army engineers defused an explosive device found under a culvert.",
        ("Strategic developments", "Disrupted weapons use"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_classify_sentences(text: str, expected: tuple[str, str]) -> None:
    assert classify(text, plover=None, mode=None, actor=None, recipient=None) == expected


@pytest.mark.parametrize(("text", "_"), CASES)
def test_classify_returns_known_categories(text: str, _: tuple[str, str]) -> None:
    event_type, sub_event_type = classify(text, plover=None, mode=None, actor=None, recipient=None)
    assert event_type is not None
    assert sub_event_type in acled_types()[event_type]


def test_classify_uses_recipient_side() -> None:
    text = "The patrol was attacked near the checkpoint and two were killed."
    soldiers = Actor(country="MLI", sector="MIL")
    villagers = Actor(country="MLI", sector="CVL", kind="people")
    as_fight = classify(text, plover="ASSAULT", mode=None, actor=None, recipient=soldiers)
    as_attack = classify(text, plover="ASSAULT", mode=None, actor=None, recipient=villagers)
    assert as_fight == ("Battles", "Armed clash")
    assert as_attack == ("Violence against civilians", "Attack")


@pytest.mark.parametrize(
    ("plover", "mode", "expected"),
    [
        ("PROTEST", "demo", ("Protests", "Peaceful protest")),
        ("ASSAULT", "drone", ("Explosions/Remote violence", "Air/drone strike")),
        ("COERCE", "arrest", ("Strategic developments", "Arrests")),
    ],
)
def test_classify_falls_back_to_plover(plover: str, mode: str, expected: tuple[str, str]) -> None:
    # Words that name no ACLED category: the PLOVER coding decides.
    text = "The action took place on Wednesday, officials said."
    assert classify(text, plover=plover, mode=mode, actor=None, recipient=None) == expected


def test_classify_returns_none_for_diplomacy() -> None:
    text = "The foreign ministers met in Geneva to discuss trade."
    assert classify(text, plover="CONSULT", mode=None, actor=None, recipient=None) == (None, None)


def test_classify_negated_event_is_not_coded() -> None:
    text = "The army denied that it shelled the village."
    assert classify(text, plover="ASSAULT", mode=None, actor=None, recipient=None, negated=True) == (
        None,
        None,
    )


def test_classify_tolerates_unknown_plover_mode() -> None:
    text = "The meeting ended without a statement."
    assert classify(text, plover="ASSAULT", mode="no-such-mode", actor=None, recipient=None) == (
        "Violence against civilians",
        "Attack",
    )


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bgrenades?\b(?! launcher)", ("grenade",)),
        # each branch gives its longest run; an optional space splits "tear gas" in two runs
        (r"\b(?:tear ?gas|pepper spray)\b", ("pepper spray", "tear")),
        # a literal that holds another adds nothing
        (r"\b(?:attack|attacked the)\b", ("attack",)),
        # a repeat that may be absent gives nothing; one that must occur gives its item's
        (r"(?:mortar )?shells", ("shells",)),
        (r"(?:rocket )+fire", ("rocket ",)),
        # a branch without any literal, a case-blind pattern, a bare class: nothing is known
        (r"\b(?:bomb|\d+)\b", None),
        (r"(?i)bomb", None),
        (r"\w+", None),
    ],
)
def test_literals_every_match_contains(pattern: str, expected: tuple[str, ...] | None) -> None:
    assert _literals(pattern) == expected


_RULES = _rules()
_NAMED = {
    **_RULES.cues,
    "airstrike_word": _RULES.airstrike_word,
    "police_killing": _RULES.police_killing,
    "armed_victim": _RULES.armed_victim,
    "civilian_victim": _RULES.civilian_victim,
    "off_duty": _RULES.off_duty,
}


def test_rules_know_literals_for_most_cue_families() -> None:
    # The quick test only pays where a family has few literals; most should have them.
    assert sum(_RULES.needed[name] is not None for name in _RULES.cues) >= len(_RULES.cues) * 2 // 3
    assert set(_RULES.needed) == set(_NAMED)


@pytest.mark.parametrize("name", sorted(_NAMED))
def test_rules_search_finds_every_match_of_the_pattern(name: str) -> None:
    pattern = _NAMED[name]

    @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.from_regex(pattern))
    def check(text: str) -> None:
        assert _RULES.search(name, pattern, text) is not None

    check()


@pytest.mark.parametrize(
    "text",
    [
        "A drone strike and then an air raid hit the depot, and fighting broke out.",
        "Former soldiers and protesters clashed with police, who fired tear gas.",
        "Gunmen killed two farmers and abducted a teacher near the market.",
        "The army retook the town after shelling it for a week.",
    ],
)
def test_rules_search_agrees_with_the_patterns_on_sentences(text: str) -> None:
    lowered = text.lower()
    for name, pattern in _NAMED.items():
        assert bool(_RULES.search(name, pattern, lowered)) == bool(pattern.search(lowered)), name


@pytest.mark.parametrize(
    ("text", "plover", "mode", "expected"),
    [
        # The sentence's cue words name a fight; the event coded from it is a demand, a refusal, a threat.
        (
            "The minister demanded that the battalion leave the base, warning of an armed clash.",
            "REQUEST",
            None,
            (None, None),
        ),
        (
            "The council refused to disband the militia, risking a confrontation with the army.",
            "REJECT",
            None,
            (None, None),
        ),
        (
            "The commander threatened to shell the harbour if the ships did not leave.",
            "THREATEN",
            None,
            (None, None),
        ),
        # An air strike told beside a convoy's movement is still an air strike.
        (
            "Jets bombed the road as the armoured column moved north to a new base.",
            "ASSAULT",
            "aerial",
            ("Explosions/Remote violence", "Air/drone strike"),
        ),
        # A troop movement in a sentence that also tells of shelling is no shelling.
        (
            "The convoy turned back after artillery shelled the hills ahead of it.",
            "MOBILIZE",
            "troops",
            (None, None),
        ),
        # A signed agreement keeps its strategic label.
        (
            "The two factions signed a ceasefire agreement in the capital.",
            "AGREE",
            None,
            ("Strategic developments", "Agreement"),
        ),
    ],
)
def test_classify_label_fits_the_events_plover_type(
    text: str, plover: str, mode: str | None, expected: tuple[str | None, str | None]
) -> None:
    assert classify(text, plover=plover, mode=mode, actor=None, recipient=None) == expected


def test_read_sentence_keeps_the_words_label_for_the_report() -> None:
    # A short report's label is the happening's, read from the words, whichever event carries it.
    text = "The minister demanded that the battalion leave the base, warning of an armed clash."
    assert read_sentence(text, plover="REQUEST")[0] == "Battles"


def test_acled_fits_table_names_known_types() -> None:
    assert acled_fits("ASSAULT", "Explosions/Remote violence", "Air/drone strike")
    assert not acled_fits("ASSAULT", "Strategic developments", "Change to group/activity")
    assert not acled_fits("REQUEST", "Battles", "Armed clash")
    assert acled_fits("COERCE", "Battles", "Armed clash")  # not listed: any coding
