"""The nine stances and the attribution patterns of the claims definition, on our own invented sentences.

Each case names the event type to look at and the claim expected of it: stance, claimant and channel
(None where the definition wants none).  Names are invented (Ruritania, Borduria, Syldavia).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from flashpoint.events.claims import is_outlet, overall_stance
from flashpoint.events.modality import Modality
from flashpoint.records import STANCES, Claim, Event

Code = Callable[..., tuple[Event, ...]]


def _claims(events: tuple[Event, ...], plover: str) -> list[Claim]:
    found = [e.claims[0] for e in events if e.type == plover]
    assert found, f"no {plover} event in {[e.type for e in events]}"
    return found


STANCE_CASES = [
    # asserted: the author's own voice, no claimant
    ("Ruritanian troops shelled the ridge on Monday.", "ASSAULT", "asserted", None, None),
    # reported: a named source, a neutral verb
    ("The port authority said two ships were detained by Bordurian police.", "COERCE", "reported",
     "The port authority", None),
    # alleged: an unnamed or generic source
    ("Witnesses said Ruritanian soldiers shot two farmers.", "ASSAULT", "alleged", "Witnesses", None),
    # alleged: a hedge word, no claimant
    ("Ruritanian jets reportedly bombed the depot.", "ASSAULT", "alleged", None, None),
    ("Bordurian troops are said to have shelled the village.", "ASSAULT", "alleged", None, None),
    # alleged: a named party charging another with an attack
    ("Syldavia said Bordurian troops killed four civilians.", "ASSAULT", "alleged", "Syldavia", None),
    # claimed responsibility
    ("The Red Hand group claimed responsibility for the bombing.", "ASSAULT", "claimed_responsibility",
     "The Red Hand group", None),
    ("The Red Hand group said it attacked the base, in a statement on Telegram.", "ASSAULT",
     "claimed_responsibility", "The Red Hand group", "Telegram"),
    # denied
    ("The army denied its drones struck the convoy.", "ASSAULT", "denied", "The army", None),
    # threatened: the threat is the event, told by the author
    ("The rebels vowed to storm the city if talks fail.", "THREATEN", "threatened", None, None),
    # negated
    ("Ruritanian troops did not fire on the protesters.", "ASSAULT", "negated", None, None),
    # hypothetical
    ("Ruritanian jets could strike the depot.", "ASSAULT", "hypothetical", None, None),
    # future
    ("Ruritania will send troops to the border next week.", "MOBILIZE", "future", None, None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "plover", "stance", "claimant", "channel"), STANCE_CASES)
def test_stances_each_stance_of_the_definition(
    code_events: Code, text: str, plover: str, stance: str, claimant: str | None, channel: str | None
) -> None:
    claim = _claims(code_events(text), plover)[0]
    assert (claim.stance, claim.claimant, claim.channel) == (stance, claimant, channel)


def test_stances_cover_all_nine() -> None:
    assert {case[2] for case in STANCE_CASES} == set(STANCES) - {"negated"} | {"negated"}
    assert len(STANCES) == 9


ATTRIBUTION_CASES = [
    # nested attribution: the innermost source speaks, the outer one relays
    ("Radio Nord quoted the governor as saying that Bordurian soldiers had arrested ten farmers.", "COERCE",
     "reported", "the governor", "Radio Nord"),
    # an outer relay is the channel when nothing closer is named
    ("Bordurian forces shelled the village, a news agency reports.", "ASSAULT", "alleged", "a news agency",
     "a news agency"),
    # the medium, when no outlet is named
    ("The ministry said in a statement that Bordurian police arrested twenty students.", "COERCE", "reported",
     "The ministry", "a statement"),
    # "according to a statement by X"
    ("Bordurian police arrested ten students, according to a statement released Monday by the Syldavian "
     "Bar Council.", "COERCE", "reported", "the Syldavian Bar Council", "a statement"),
    # a statement that speaks: the statement is the channel, its owner the claimant
    ("A Syldavian Foreign Ministry statement said Bordurian police arrested ten students.", "COERCE",
     "reported", "Syldavian Foreign Ministry", "A Syldavian Foreign Ministry statement"),
    # an outlet that speaks is its own channel
    ("State broadcaster KTV reported that Bordurian police detained two reporters.", "COERCE", "reported",
     "State broadcaster KTV", "State broadcaster KTV"),
    # a source named after its event, without a comma
    ("Bordurian police detained two reporters near the river the Syldavian news agency has reported.",
     "COERCE", "reported", "the Syldavian news agency", "the Syldavian news agency"),
    # … and when the parser coordinates the verb of saying with the event
    ("The strike killed nine fighters as they crossed the river the Borduria-based Observatory said revising "
     "an earlier toll.", "ASSAULT", "reported", "the Borduria-based Observatory", None),
    # the actor's own next act is no source
    ("Bordurian rebels attacked the base and then told reporters.", "ASSAULT", "asserted", None, None),
    # the passive "was quoted as saying by"
    ("Bordurian police detained two nurses the Ruritanian army was quoted as saying by local media.",
     "COERCE", "reported", "the Ruritanian army", "local media"),
    # "told reporters" names no channel; "told Syldavian television" does
    ("General Anna Ott told reporters that Bordurian police had detained two nurses.", "COERCE", "reported",
     "General Anna Ott", None),
    ("Major Anna Weiss told Syldavian television that Bordurian police detained two nurses.", "COERCE",
     "reported", "Major Anna Weiss", "Syldavian television"),
    # "it is claimed" names no one
    ("It is claimed that Bordurian police detained two nurses.", "COERCE", "alleged", None, None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "plover", "stance", "claimant", "channel"), ATTRIBUTION_CASES)
def test_stances_attribution_patterns(
    code_events: Code, text: str, plover: str, stance: str, claimant: str | None, channel: str | None
) -> None:
    claim = _claims(code_events(text), plover)[0]
    assert (claim.stance, claim.claimant, claim.channel) == (stance, claimant, channel)


def test_stances_accused_act_is_alleged_by_the_accuser(code_events: Code) -> None:
    events = code_events("Borduria accused Ruritanian militias of shelling a market.")
    accusation = _claims(events, "ACCUSE")[0]
    assert (accusation.stance, accusation.claimant) == ("asserted", None)
    shelling = next(e for e in events if e.type == "ASSAULT")
    assert (shelling.claims[0].stance, shelling.claims[0].claimant) == ("alleged", "Borduria")
    assert shelling.actor_text == "Ruritanian militias"


def test_stances_condemned_act_is_told_not_alleged(code_events: Code) -> None:
    events = code_events("Syldavia condemned the Bordurian attack on the clinic.")
    assert all(c.stance != "alleged" for c in _claims(events, "ASSAULT"))


def test_stances_denial_lists_the_act_once_per_claimant(code_events: Code) -> None:
    events = code_events("Borduria denied accusations by Ruritania that its artillery shelled the market.")
    claims = sorted((c.stance, c.claimant) for c in _claims(events, "ASSAULT"))
    assert claims == [("alleged", "Ruritania"), ("denied", "Borduria")]
    alleged = next(e for e in events if e.type == "ASSAULT" and e.claims[0].stance == "alleged")
    assert not alleged.negated  # the accuser's version: it happened


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        ("The minister refused to withdraw troops from the border.", "RETREAT"),
        ("The government refused to negotiate with the rebels.", "CONSULT"),
    ],
)
def test_stances_refused_act_is_negated(code_events: Code, text: str, refused: str) -> None:
    events = code_events(text)
    assert _claims(events, "REJECT")[0].stance == "asserted"
    act = next(e for e in events if e.type == refused)
    assert act.negated and not act.happened and act.claims[0].stance == "negated"


@pytest.mark.parametrize(
    "text",
    [
        "A militia commander rejected the demand in a video posted on Sunday.",
        "The ministry rejected the accusation as baseless.",
    ],
)
def test_stances_a_refused_statement_is_no_negated_act(code_events: Code, text: str) -> None:
    # A refusal of a demand or a charge refuses no act: only the REJECT is coded.
    events = code_events(text)
    assert [e.type for e in events if e.claims[0].stance == "negated"] == []
    assert any(e.type == "REJECT" for e in events)


def test_stances_cancelled_act_is_negated(code_events: Code) -> None:
    events = code_events("Borduria cancelled the talks with Ruritania planned for Friday.")
    talks = [e for e in events if e.type == "CONSULT"]
    assert talks and all(e.negated and e.claims[0].stance == "negated" for e in talks)


def test_stances_claim_of_responsibility_by_a_passive_agent(code_events: Code) -> None:
    events = code_events(
        "Today, several attacks, also claimed by the Red Hand, have killed at least 35 civilians."
    )
    claim = _claims(events, "ASSAULT")[0]
    assert (claim.stance, claim.claimant) == ("claimed_responsibility", "the Red Hand")


def test_stances_consequence_of_a_condition_is_hypothetical(code_events: Code) -> None:
    claim = _claims(
        code_events("If the rebels break the siege, Bordurian troops will shell the town."), "ASSAULT"
    )[0]
    assert claim.stance == "hypothetical"


def test_stances_a_noun_takes_the_tense_of_its_light_verb(code_events: Code) -> None:
    claim = _claims(code_events("Ruritania and Borduria will hold talks in Geneva next week."), "CONSULT")[0]
    assert claim.stance == "future"


@pytest.mark.parametrize(
    ("found", "expected"),
    [
        ({"negated": True, "future": True}, "negated"),
        ({"future": True, "alleging": True}, "future"),
        ({"hypothetical": True, "negated": True}, "negated"),
        ({"alleging": True}, "alleged"),
        ({}, "reported"),
    ],
)
def test_stances_precedence(found: dict[str, bool], expected: str) -> None:
    assert overall_stance("reported", "ASSAULT", Modality(**found)) == expected


def test_stances_precedence_puts_threats_and_claims_first() -> None:
    assert overall_stance("denied", "THREATEN", Modality(negated=True)) == "denied"
    assert overall_stance("reported", "THREATEN", Modality(negated=True)) == "threatened"
    assert overall_stance("alleged", "ASSAULT", Modality(negated=True), responsible=True) == (
        "claimed_responsibility"
    )


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Radio Nord", True), ("the state news agency", True), ("Telegram", True), ("General Anna Ott", False)],
)
def test_stances_outlets(name: str, expected: bool) -> None:
    assert is_outlet(name) is expected


@pytest.mark.parametrize(("text", "plover", "stance", "claimant", "channel"), STANCE_CASES)
def test_stances_agree_with_happened(
    code_events: Code, text: str, plover: str, stance: str, claimant: str | None, channel: str | None
) -> None:
    # Corroboration and escalation read `happened`: it must never hold for what did not take place.
    event = next(e for e in code_events(text) if e.type == plover)
    assert event.happened is (stance not in {"denied", "negated", "hypothetical", "future"})


@pytest.mark.parametrize(
    "text",
    ["The Bordurian government denied using chemical weapons.", "The army denied the allegations."],
)
def test_stances_a_denial_of_a_claim_is_no_refusal(code_events: Code, text: str) -> None:
    assert all(e.type != "REJECT" for e in code_events(text))


def test_stances_a_refused_entry_is_still_a_refusal(code_events: Code) -> None:
    events = code_events("Ruritania denied Bordurian diplomats entry to the country.")
    assert [e.type for e in events] == ["REJECT"]


def test_stances_seed_patterns_in_our_own_words(code_events: Code) -> None:
    # The seed article's cases (issue 13), rewritten with invented names.
    text = (
        "Speaking on Channel Nine, General Ivan Petrov said that withdrawing Ruritanian troops from the town "
        'is "not something we are looking into."'
    )
    claim = _claims(code_events(text), "REJECT")[0]
    assert (claim.stance, claim.claimant, claim.channel) == (
        "reported",
        "General Ivan Petrov",
        "Channel Nine",
    )
    claim = _claims(
        code_events("Witnesses on the ground now say that Bordurian troops shelled the bridge."), "ASSAULT"
    )[0]
    assert (claim.stance, claim.claimant) == ("alleged", "Witnesses on the ground")
    claim = _claims(
        code_events("Will Ruritania be crazy enough to start a regional battle against Borduria?"), "ASSAULT"
    )[0]
    assert claim.stance == "hypothetical"


def test_stances_quoted_post_is_reported_by_its_author(code_events: Code) -> None:
    from flashpoint.records import Post

    text = "Intro line.\nA big Bordurian army convoy drove through the valley towards the border.\nOutro."
    start = text.index("A big")
    post = Post(start=start, end=text.index("\nOutro"), author="Lena Ort", handle="lenaort")
    claim = _claims(code_events(text, posts=(post,)), "MOBILIZE")[0]
    assert (claim.stance, claim.claimant) == ("reported", "Lena Ort")
    assert claim.channel is not None and "Twitter" in claim.channel
