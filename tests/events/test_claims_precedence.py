"""Claims: the order of precedence when several stances apply, and relays named after the act.

Our own invented sentences (Ruritania, Borduria, Syldavia, Radio Nord, Agence Velka); each case pairs two
readings that can meet in one sentence and names the one the definition puts first.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from flashpoint.records import Claim, Event

Code = Callable[..., tuple[Event, ...]]


def _claim(events: tuple[Event, ...], plover: str) -> tuple[Claim, Event]:
    found = [e for e in events if e.type == plover]
    assert found, f"no {plover} event in {[e.type for e in events]}"
    return found[0].claims[0], found[0]


PRECEDENCE_CASES = [
    # negated over future and over a hedge: a negated verb of letting withholds the act it lets happen
    ("Seems for now the Bordurians are not going to allow the Ruritanian convoy to pass.", "MOBILIZE",
     "negated"),
    ("The Bordurians will not allow the Ruritanian convoy to pass.", "MOBILIZE", "negated"),
    ("Borduria did not allow Ruritanian troops to withdraw from the town.", "RETREAT", "negated"),
    # hypothetical over negated: a negation inside an "if" clause
    ("If Ruritanian troops do not withdraw from the border, Borduria will respond.", "RETREAT",
     "hypothetical"),
    ("If the police had not arrested the organisers, the march would have grown.", "COERCE", "hypothetical"),
    # hypothetical over negated: a negation under "may" or "might" is a guess
    ("Ruritanian jets may not have struck the depot.", "ASSAULT", "hypothetical"),
    # … a plain negation says it did not happen
    ("Ruritanian jets did not strike the depot.", "ASSAULT", "negated"),
    # a judged chance of an act to come is hypothetical, not a hedge on a past act
    ("Borduria is unlikely to withdraw its troops.", "RETREAT", "hypothetical"),
    ("Borduria is likely to send more troops.", "MOBILIZE", "hypothetical"),
    # negated over alleged, future over alleged, hypothetical over alleged
    ("Ruritanian troops apparently did not withdraw from the town.", "RETREAT", "negated"),
    ("The rebels reportedly will attack the town next week.", "ASSAULT", "future"),
    # future over asserted
    ("Ruritanian troops are expected to withdraw next week.", "RETREAT", "future"),
    # future: "is to", "was to"; but "is to blame" is no act to come
    ("Ruritania is to hold talks with Borduria next week.", "CONSULT", "future"),
    # hypothetical: an act only thought about
    ("Ruritania is considering sanctions against Borduria.", "SANCTION", "hypothetical"),
    ("Ruritania is weighing sending troops to the border.", "MOBILIZE", "hypothetical"),
    # negated: an act held back
    ("Ruritania stopped short of imposing sanctions.", "SANCTION", "negated"),
    ("The rebels refrained from attacking the convoy.", "ASSAULT", "negated"),
    # alleged: hearsay on who is behind an act
    ("Ruritania is believed to be behind the attack on the convoy.", "ASSAULT", "alleged"),
    # "would not hesitate to": an act announced, a threat, not a negation nor an act owned up to
    ("Ruritania said it would not hesitate to strike the rebels.", "THREATEN", "threatened"),
    # denied over negated and future
    ("The ministry denied that its forces had shelled the market.", "ASSAULT", "denied"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "plover", "stance"), PRECEDENCE_CASES)
def test_claims_precedence_first_stance_that_applies(
    code_events: Code, text: str, plover: str, stance: str
) -> None:
    claim, _ = _claim(code_events(text), plover)
    assert claim.stance == stance


def test_claims_precedence_a_negation_inside_a_condition_leaves_the_act_unflagged(code_events: Code) -> None:
    _, event = _claim(code_events("If Ruritanian troops do not withdraw, Borduria will respond."), "RETREAT")
    assert not event.negated


def test_claims_precedence_an_onlooker_saying_it_did_not_happen_is_no_denial(code_events: Code) -> None:
    # a party rejecting a charge denies it; witnesses telling that it did not happen tell a negation
    onlookers, _ = _claim(
        code_events("Witnesses said Ruritanian troops did not fire on the crowd."), "ASSAULT"
    )
    party, _ = _claim(code_events("The army said its soldiers did not fire on the crowd."), "ASSAULT")
    assert (onlookers.stance, onlookers.claimant) == ("negated", "Witnesses")
    assert (party.stance, party.claimant) == ("denied", "The army")


CHANNEL_CASES = [
    # an outlet named after the act relays the speaker named before it
    ("The governor said police arrested twelve smugglers, Radio Nord reported.", "The governor", "Radio Nord"),
    ("The governor told reporters that police arrested twelve smugglers, Agence Velka reported.",
     "The governor", "Agence Velka"),
    # an outlet's "quoting X" hung on what it reports: X speaks, the outlet relays; a reason is no source
    ("Radio Nord reported that police had arrested two smugglers, quoting a harbour official.",
     "a harbour official", "Radio Nord"),
    ("Radio Nord reported that police had arrested two smugglers, citing security concerns.", "Radio Nord",
     "Radio Nord"),
    # the that-clause hung on an outlet or a medium's participle: still what the source says
    ("The governor told state-run television that police arrested two smugglers.", "The governor",
     "state-run television"),
    ("The mayor said in remarks broadcast on state television that police arrested two smugglers.",
     "The mayor", "state television"),
    # "through" an outlet
    ("The ministry said through its news agency that police arrested two smugglers.", "The ministry",
     "its news agency"),
    # a medium the source told its words to, as the verb's object
    ("The governor told a press conference that police arrested twelve smugglers.", "The governor",
     "a press conference"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "claimant", "channel"), CHANNEL_CASES)
def test_claims_precedence_relays_and_media(
    code_events: Code, text: str, claimant: str, channel: str
) -> None:
    claim, _ = _claim(code_events(text), "COERCE")
    assert (claim.claimant, claim.channel) == (claimant, channel)


RESPONSIBILITY_CASES = [
    # a charge its subject calls false is denied by whoever says so
    ("The ministry said reports that its jets had bombed a clinic were false.", "denied", "The ministry"),
    ("The Red Hand said claims that it attacked the convoy were baseless lies.", "denied", "The Red Hand"),
    # "was behind" said of itself: a claim of responsibility, and its negation a denial
    ("The Red Hand said it was behind the attack on the convoy.", "claimed_responsibility", "The Red Hand"),
    ("The Red Hand said it was not behind the attack on the convoy.", "denied", "The Red Hand"),
    # "took credit for", the "for" hung on the verb
    ("The Red Hand took credit for the bombing.", "claimed_responsibility", "The Red Hand"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "stance", "claimant"), RESPONSIBILITY_CASES)
def test_claims_precedence_responsibility_and_denials(
    code_events: Code, text: str, stance: str, claimant: str
) -> None:
    claim, _ = _claim(code_events(text), "ASSAULT")
    assert (claim.stance, claim.claimant) == (stance, claimant)


HEARSAY_CASES = [
    # an account no one owns: alleged, no claimant
    ("There were reports that Ruritanian troops shelled the town.", "alleged", None),
    ("Borduria closed the border amid claims that Ruritanian troops had shelled the town.", "alleged", None),
    # … also when a party only looks into it: no claim of its own
    ("The army said it was investigating reports that its jets struck the market.", "alleged", None),
    # … but one a named party takes up is that party's report
    ("The ministry confirmed reports that Ruritanian troops shelled the town.", "reported", "The ministry"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "stance", "claimant"), HEARSAY_CASES)
def test_claims_precedence_accounts_no_one_owns(
    code_events: Code, text: str, stance: str, claimant: str | None
) -> None:
    claim, _ = _claim(code_events(text), "ASSAULT")
    assert (claim.stance, claim.claimant) == (stance, claimant)
