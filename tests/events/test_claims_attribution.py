"""Claims: who a source is, what it reaches us through, and when a party's word claims or denies an act.

Our own invented sentences (Ruritania, Borduria, Syldavia); each case is one attribution pattern of the
claims definition.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from flashpoint.records import Claim, Event

Code = Callable[..., tuple[Event, ...]]


def _claim(events: tuple[Event, ...], plover: str) -> Claim:
    found = [e.claims[0] for e in events if e.type == plover]
    assert found, f"no {plover} event in {[e.type for e in events]}"
    return found[0]


SOURCE_CASES = [
    # a source that closes the sentence after its verb, with its description
    ("If the rebels take the hill they will shell our homes and cut the only road we have said Anna Keller "
     "a 40-year-old nurse.", "ASSAULT", "hypothetical", "Anna Keller a 40-year-old nurse", None),
    # of two subjects the parser gives a verb of saying, the one beside it speaks
    ('"One farmer was killed and three people injured to varying degrees by mortar fire that hit two barns" in '
     "the village of Dorn early on Monday the Syldavian defence ministry said in a statement.", "ASSAULT",
     "reported", "the Syldavian defence ministry", "a statement"),
    ('"Three people were killed and four people injured to differing degrees after a bombing that wrecked two '
     'farms" in the village of Dorn early on Monday the Syldavian defence ministry said in a statement.',
     "ASSAULT", "reported", "the Syldavian defence ministry", "a statement"),
    # a title and the name after it are one source
    ("Earlier the Syldavian Defence Ministry spokesman Major General Pavel Rusk said that the militia attacked "
     "a convoy near the river.", "ASSAULT", "reported",
     "the Syldavian Defence Ministry spokesman Major General Pavel Rusk", None),
    # sources joined by "and" are one claimant; a monitor among them describes, it does not charge
    ("Bordurian jets killed nine people in the village, according to the Ruritanian Red Crescent and the "
     "Syldavian Observatory for Human Rights.", "ASSAULT", "reported",
     "the Ruritanian Red Crescent and the Syldavian Observatory for Human Rights", None),
    # what a subordinate clause says was reported has no source
    ("The militia vowed revenge after the death of its commander was reported shortly after he was shown on a "
     "video circulated online giving details of his capture.", "THREATEN", "threatened", None, None),
    # a negated verb of saying gives no source
    ("The Red Hand has not claimed the attack on the bridge.", "ASSAULT", "asserted", None, None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "plover", "stance", "claimant", "channel"), SOURCE_CASES)
def test_claims_attribution_sources(
    code_events: Code, text: str, plover: str, stance: str, claimant: str | None, channel: str | None
) -> None:
    claim = _claim(code_events(text), plover)
    assert (claim.stance, claim.claimant, claim.channel) == (stance, claimant, channel)


CHANNEL_CASES = [
    # a statement put out on a platform: the platform
    ("The Red Hand group claimed the bombing in a statement posted on Telegram.", "ASSAULT",
     "claimed_responsibility", "The Red Hand group", "Telegram"),
    # a news conference the speaker spoke at
    ("Speaking at a news conference, the governor said rebels had shelled the port.", "ASSAULT", "reported",
     "the governor", "a news conference"),
    # a medium with its author: the author speaks through it
    ("A video released by the Red Hand group showed its fighters attacking a military convoy.", "ASSAULT",
     "claimed_responsibility", "the Red Hand group", "A video"),
    ("Reports by local rights groups indicated that the army had shelled the town.", "ASSAULT", "alleged",
     "local rights groups", "Reports"),
    ("An investigation by the Syldavian Bar Council found that police had tortured detainees.", "ASSAULT",
     "alleged", "the Syldavian Bar Council", "An investigation"),
    # "reports of" an act: no one named, alleged; "press reports" are the channel
    ("The minister said he was looking into press reports of Bordurian airstrikes on a hospital.", "ASSAULT",
     "alleged", None, "press reports"),
    ("There were reports of heavy shelling by Bordurian forces in the east.", "ASSAULT", "alleged", None,
     None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "plover", "stance", "claimant", "channel"), CHANNEL_CASES)
def test_claims_attribution_channels(
    code_events: Code, text: str, plover: str, stance: str, claimant: str | None, channel: str | None
) -> None:
    claim = _claim(code_events(text), plover)
    assert (claim.stance, claim.claimant, claim.channel) == (stance, claimant, channel)


CLAIM_AND_DENIAL_CASES = [
    # a party saying it did not do it denies the act; it claims nothing
    ("The army said it did not shell the village.", "ASSAULT", "denied", "The army"),
    ("The government said it has never used chemical weapons and never will.", "ASSAULT", "denied",
     "The government"),
    ("The army said its soldiers had not arrested any journalists.", "COERCE", "denied", "The army"),
    # an own act that may yet come is no claim of responsibility
    ("The Red Hand said its fighters could attack the base.", "ASSAULT", "hypothetical", "The Red Hand"),
    # no one claims it
    ("Nobody claimed responsibility for the bombing of the bridge.", "ASSAULT", "asserted", None),
    ("No group has claimed responsibility for the attack on the bridge.", "ASSAULT", "asserted", None),
    # the claim of responsibility beside the act it claims
    ("Today, several car bombs, also claimed by the Red Hand, killed at least 12 civilians.", "ASSAULT",
     "claimed_responsibility", "the Red Hand"),
    ("Syldavia strongly condemns the bombings today in the towns of Velka and Morva, for which the Red Hand has "
     "claimed responsibility and where more than 40 people were killed and hurt in several blasts that hit "
     "markets.", "ASSAULT", "claimed_responsibility", "the Red Hand"),
    # one name split into two subjects by the parser
    ("Ruritanian state radio said the blast was caused by a gas leak while the rebel group Red Hand said it "
     "had bombed the depot.", "ASSAULT", "claimed_responsibility", "the rebel group Red Hand"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "plover", "stance", "claimant"), CLAIM_AND_DENIAL_CASES)
def test_claims_attribution_claims_and_denials(
    code_events: Code, text: str, plover: str, stance: str, claimant: str | None
) -> None:
    found = [(e.claims[0].stance, e.claims[0].claimant) for e in code_events(text) if e.type == plover]
    assert (stance, claimant) in found


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("No one was arrested during the protest.", "COERCE"),
        ("Neither side fired a shot during the standoff.", "ASSAULT"),
        ("The soldiers fired no shots at the crowd.", "ASSAULT"),
    ],
)
def test_claims_attribution_no_one_did_it(code_events: Code, text: str, plover: str) -> None:
    event = next(e for e in code_events(text) if e.type == plover)
    assert event.negated and event.claims[0].stance == "negated"


MORE_STANCE_CASES = [
    # a pronoun claimant is not the side of an actor whose name merely contains its letters
    ('"The two villages have had a truce with the army for years and neither fired on the other" he added.',
     "ASSAULT", "negated"),
    # an observer saying nobody fired reports a non-event; it denies nothing
    ("The Syldavian Observatory for Human Rights said the soldiers did not fire on the crowd.", "ASSAULT",
     "negated"),
    # the second of two planned acts is planned too, and claimed by no one yet
    ("The foreign minister told reporters that Ruritania is determined to push ahead with the offensive and "
     "capture the town.", "ASSAULT", "future"),
    ("The Syldavian foreign minister said Syldavia is determined to push ahead with the campaign and capture "
     "Velka from the rebels.", "ASSAULT", "future"),
    # killing someone held captive is a charge, not a casualty report
    ("The Red Hand said the pilot was captured and later killed by a Bordurian officer while being held at a "
     "base.", "ASSAULT", "alleged"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "plover", "stance"), MORE_STANCE_CASES)
def test_claims_attribution_stances(code_events: Code, text: str, plover: str, stance: str) -> None:
    assert stance in [e.claims[0].stance for e in code_events(text) if e.type == plover]


def test_claims_attribution_holding_someone_is_no_charge(code_events: Code) -> None:
    text = "The Red Hand said the pilot was arrested and was later killed by a Bordurian officer while being held."
    events = code_events(text)
    assert "reported" in [e.claims[0].stance for e in events if e.type == "COERCE"]
    assert "alleged" in [e.claims[0].stance for e in events if e.type == "ASSAULT"]


MEDIA_AND_MODALITY_CASES = [
    # state media and partisan media are generic sources
    ("Ruritanian state media said rebels had shelled a school in the capital.", "ASSAULT", "alleged",
     "Ruritanian state media"),
    ("Pro-government media reported that the army had captured the town.", "ASSAULT", "alleged",
     "Pro-government media"),
    # a statement's owner speaks through it
    ("The ministry's statement said troops had arrested twenty suspects in the raid.", "COERCE", "reported",
     "The ministry"),
    # "may have struck" guesses about the past: no threat
    ("Bordurian jets may have struck the convoy, a ministry official said.", "ASSAULT", "hypothetical",
     "a ministry official"),
    # expected acts are future
    ("The rebels are expected to launch an offensive on the city next week.", "ASSAULT", "future", None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "plover", "stance", "claimant"), MEDIA_AND_MODALITY_CASES)
def test_claims_attribution_media_and_modality(
    code_events: Code, text: str, plover: str, stance: str, claimant: str | None
) -> None:
    found = [(e.claims[0].stance, e.claims[0].claimant) for e in code_events(text) if e.type == plover]
    assert (stance, claimant) in found


def test_claims_attribution_a_channel_on_the_speakers_own_outlet(code_events: Code) -> None:
    claim = _claim(
        code_events("The Red Hand said on its Telegram channel that it had attacked the checkpoint."),
        "ASSAULT",
    )
    assert (claim.stance, claim.channel) == ("claimed_responsibility", "its Telegram channel")


def test_claims_attribution_what_a_source_reports_is_not_its_own_act(code_events: Code) -> None:
    claim = _claim(
        code_events("Residents reported heavy shelling in the eastern districts overnight."), "ASSAULT"
    )
    assert (claim.stance, claim.claimant) == ("alleged", "Residents")


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ('"The convoy was hit by rocket fire from the hills and burned near the bridge.', "reported"),
        ("“The militia attacked our positions at dawn and we answered.", "reported"),
        ("They also shelled the market twice.”", "reported"),
        ('The army shelled the "so-called liberated" districts on Monday.', "asserted"),
    ],
)
def test_claims_attribution_a_quote_running_on_is_someones_word(
    code_events: Code, text: str, stance: str
) -> None:
    claim = _claim(code_events(text), "ASSAULT")
    assert (claim.stance, claim.claimant) == (stance, None)


@pytest.mark.parametrize(
    ("text", "plover", "stance"),
    [
        # a failed attempt, an act done without, and an act at risk
        ("Rebels tried to storm the base but failed to break through its defences.", "ASSAULT", "negated"),
        ("The troops entered the town without firing a shot.", "ASSAULT", "negated"),
        (
            "There is a growing risk of clashes between Ruritanian and Bordurian troops.",
            "ASSAULT",
            "hypothetical",
        ),
    ],
)
def test_claims_attribution_failed_avoided_and_risked_acts(
    code_events: Code, text: str, plover: str, stance: str
) -> None:
    assert stance in [e.claims[0].stance for e in code_events(text) if e.type == plover]


@pytest.mark.parametrize(
    "text",
    [
        "The ministry dismissed reports that its troops had looted the village.",
        "The ministry rejected claims that its troops had looted the village.",
    ],
)
def test_claims_attribution_a_denied_charge_denies_its_act(code_events: Code, text: str) -> None:
    events = code_events(text)
    assert all(e.type != "REJECT" for e in events)
    denied = [e for e in events if e.claims[0].stance == "denied"]
    assert denied and all(e.claims[0].claimant == "The ministry" and not e.happened for e in denied)


RELAY_CASES = [
    # the passive "was quoted by X as saying": the speaker speaks, X relays
    ("The governor was quoted by Radio Nord as saying that rebels had shelled the port.", "reported",
     "The governor", "Radio Nord"),
    ("Rebels shelled the port, the governor was quoted by Radio Nord as saying.", "reported", "the governor",
     "Radio Nord"),
    # "X reported, citing Y": Y is the innermost source, X the channel
    ("Rebels shelled the port overnight, Radio Nord reported, citing local officials.", "alleged",
     "local officials", "Radio Nord"),
    ("Rebels shelled the port overnight, Radio Nord reported, citing the governor.", "reported", "the governor",
     "Radio Nord"),
    # a tweet reaches us through Twitter
    ("The governor tweeted that rebels had shelled the port.", "reported", "The governor", "Twitter"),
    # a role and the body it serves are one source
    ("A spokesman for the Syldavian army said Bordurian troops had shelled the port.", "reported",
     "A spokesman for the Syldavian army", None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "stance", "claimant", "channel"), RELAY_CASES)
def test_claims_attribution_relays(
    code_events: Code, text: str, stance: str, claimant: str | None, channel: str | None
) -> None:
    claim = _claim(code_events(text), "ASSAULT")
    assert (claim.stance, claim.claimant, claim.channel) == (stance, claimant, channel)


ALLEGATION_CASES = [
    # an accusation with no accuser named: the act is alleged, by no one in particular
    ("Bordurian troops are accused of killing civilians in the village.", "alleged", None),
    ("Bordurian troops have been blamed for the attack on the market.", "alleged", None),
    ("Bordurian troops are suspected of shelling the market.", "alleged", None),
    # a named source's account that cannot be checked
    ("The army said rebels shelled the market, a claim that could not be independently verified.", "alleged",
     "The army"),
    ("The army said, without providing evidence, that rebels had shelled the market.", "alleged", "The army"),
    # an act a party blamed on another
    ("The bombing, which the government blamed on the Red Hand, killed nine people.", "alleged",
     "the government"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "stance", "claimant"), ALLEGATION_CASES)
def test_claims_attribution_allegations(
    code_events: Code, text: str, stance: str, claimant: str | None
) -> None:
    found = [(e.claims[0].stance, e.claims[0].claimant) for e in code_events(text) if e.type == "ASSAULT"]
    assert (stance, claimant) in found


def test_claims_attribution_a_source_unnamed_by_choice_alleges(code_events: Code) -> None:
    text = "The Bordurian army's chief of staff, speaking on condition of anonymity, said rebels had shelled the town."
    claim = _claim(code_events(text), "ASSAULT")
    assert (claim.stance, claim.claimant, claim.anonymous) == (
        "alleged",
        "The Bordurian army's chief of staff",
        True,
    )
