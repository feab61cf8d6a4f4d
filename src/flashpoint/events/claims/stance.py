"""Stance: how firmly a claim states an event, and the tests that move it (charges, denials, own attacks)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

from flashpoint.events.claims.channel import is_outlet
from flashpoint.events.claims.related import _nobody
from flashpoint.events.modality import Modality
from flashpoint.records import STANCES, Actor

__all__ = ["overall_stance"]

# Acts whose charge against another party is an accusation of wrongdoing.
_UNLAWFUL = frozenset({"ASSAULT", "COERCE"})

# Words that make an act a charge of wrongdoing rather than a casualty report.
_UNLAWFUL_CUE = re.compile(
    r"\b(chemical|sarin|chlorine|toxic|poison|nerve agent|gas attack|execut|massacr|civilian|children|"
    r"besieg|siege|starv|tortur|prisoner|captive|detainee|protester|indiscriminate|war crime|barrel bomb|"
    r"hospital|rape|abuse|loot|kidnap|abduct|mass grave|genocide|ethnic cleansing|human shield|"
    # blame: "X bears responsibility for the attack", "is to blame for", "is behind the bombing"
    r"(bears?|bore|hold|holds|held)\b[^.]{0,20}\bresponsib|(is|are|was|were|be)\s+(\w+\s+)?responsible for|"
    r"to blame)",
    re.IGNORECASE,
)

# … and, for a killing, that its victim was held captive (holding someone is no charge in itself).
_CAPTIVE_CUE = re.compile(r"\b(custody|being held|in detention)\b", re.IGNORECASE)

# Sources that observe a conflict rather than take part: their accounts are reports, not charges.
_NEUTRAL_WORDS = frozenset(
    {
        "crescent",
        "cross",
        "observatory",
        "monitor",
        "monitors",
        "un",
        "nations",
        "amnesty",
        "rights",
        "unicef",
        "ocha",
        "unhcr",
        "icrc",
        "msf",
        "doctors",
        "hospital",
        "medics",
        "police",
        "coroner",
    }
)

_OBSERVERS = frozenset({"JRN", "MED", "NGO", "IGO", "HLH", "EDU"})

_SELF_WORDS = frozenset({"it", "we", "they", "i", "he", "she", "us", "our forces", "its forces"})

# Hedges on a source's account: the act is unverified.
_UNVERIFIED = re.compile(
    r"\b(could not be|cannot be|can't be|has not been|have not been|was not|were not)\s+(independently\s+)?"
    r"(verified|confirmed|corroborated)|without (providing|offering|giving|citing) (any )?evidence|"
    r"\b(unverified|unconfirmed)\b",
    re.IGNORECASE,
)

_FLAT_NEGATIONS = frozenset({"not", "n't", "never"})


def _flatly_denied(trigger: Token, modality: Modality) -> bool:
    """Return True when an act is said not to have happened in plain words ("did not", "has never",
    "no … were arrested"), not said to have failed or to be yet to come."""
    if not modality.negated or modality.future or modality.hypothetical or modality.conditional:
        return False
    heads = [trigger, trigger.head] if trigger.dep_ == "xcomp" else [trigger]
    if any(c.dep_ == "neg" and c.lower_ in _FLAT_NEGATIONS for h in heads for c in h.children):
        return True
    return any(c.dep_ in {"nsubj", "nsubjpass"} and _nobody(c) for c in trigger.children)


def overall_stance(stance: str, plover: str, modality: Modality, *, responsible: bool = False) -> str:
    """Return the claim's stance: the first that applies in the definition's order of precedence.

    `stance` is what the attribution gives (asserted, reported, alleged or denied); the event's own
    words add a threat, a negation, a condition, a future or a hedge; `responsible` marks a claim of
    responsibility.
    """
    candidates = {stance}
    if responsible:
        candidates.add("claimed_responsibility")
    if plover == "THREATEN":
        candidates.add("threatened")
    if modality.negated:
        candidates.add("negated")
    if modality.hypothetical or modality.conditional or modality.question or modality.hedged:
        candidates.add("hypothetical")
    if modality.future:
        candidates.add("future")
    if modality.alleging:
        candidates.add("alleged")
    return next(s for s in STANCES if s in candidates)


def _same_side(
    actor_text: str | None, actor: Actor | None, claimant: str, claimant_actor: Actor | None
) -> bool:
    """Return True when the event's actor is the claimant itself ("it", "we", its own name or side)."""
    if actor_text is None:
        return False
    text = actor_text.lower()
    if text in _SELF_WORDS or text.split()[0] in {"its", "our", "their", "his", "her", "my"}:
        return True
    if re.match(r"\w+ of (its|our|their) ", text):
        return True  # "one of its fighters", "two of our units"
    said = claimant.lower()
    # at a word's start: "Syria" in "Syrian troops", but not "he" in "the villages"
    if re.search(r"\b" + re.escape(text), said) or re.search(r"\b" + re.escape(said), text):
        return True
    if actor is not None and claimant_actor is not None and actor.country and claimant_actor.country:
        if actor.sector in _NON_STATE and actor.sector != claimant_actor.sector:
            # a country's word ("a source in Dorn", "the Homs health office") does not own rebels' acts
            return False
        return actor.country == claimant_actor.country and (
            actor.sector == claimant_actor.sector or not actor.sector or not claimant_actor.sector
        )
    return False


# Sectors of armed or political groups outside the state: only the group itself owns their acts.
_NON_STATE = frozenset({"REB", "OPP", "CRM"})


def _charges(
    sentence: str,
    plover: str,
    actor_text: str | None,
    actor: Actor | None,
    claimant: str,
    claimant_actor: Actor | None,
) -> bool:
    """Return True when a named source charges another party with an unlawful act or abuse (chemical
    weapons, executions, attacks on civilians, sieges, torture…): an allegation.  A casualty report
    ("strikes killed twelve") is not a charge."""
    cue = _UNLAWFUL_CUE.search(sentence) or (plover == "ASSAULT" and _CAPTIVE_CUE.search(sentence))
    if plover not in _UNLAWFUL or is_outlet(claimant) or not cue:
        return False
    if _observer(claimant, claimant_actor):
        return False  # a journalist, a monitor, a relief agency: they describe; a party charges
    return not _same_side(actor_text, actor, claimant, claimant_actor)


def _observer(claimant: str, claimant_actor: Actor | None) -> bool:
    """Return True for a source that watches a conflict rather than takes part: an outlet, a journalist,
    a monitor, a relief or rights group, the UN."""
    if is_outlet(claimant) or (claimant_actor is not None and claimant_actor.sector in _OBSERVERS):
        return True
    return any(w in _NEUTRAL_WORDS for w in re.findall(r"[a-z]+", claimant.lower()))


def _own_attack(
    plover: str, actor_text: str | None, actor: Actor | None, claimant: str, claimant_actor: Actor | None
) -> bool:
    """Return True when a party says it carried out an attack itself ("the coalition said it conducted
    strikes", "the group said it planted the bomb"): a claim of responsibility."""
    if plover != "ASSAULT" or not _same_side(actor_text, actor, claimant, claimant_actor):
        return False
    return not _observer(claimant, claimant_actor)  # a monitor or a rights group carries out no attack


def _owned_up(trigger: Token) -> bool | None:
    """Return True when a speaker says it is responsible for the act ("said it was responsible for the
    bombing", "we bear responsibility for the raid": a claim of responsibility, not a charge), False when
    it says it is not (a denial), None when the act is no one's own responsibility in the words."""
    if trigger.dep_ != "pobj" or trigger.head.lower_ not in {"for", "behind", "in"}:
        return None
    word = trigger.head.head
    if trigger.head.lower_ == "in":
        # "said it was not involved in the kidnapping": a denial (being involved is no claim of the act)
        if word.lower_ != "involved":
            return None
        verb = word.head if word.dep_ in {"acomp", "attr", "amod"} else word
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        negated = any(c.dep_ == "neg" for c in (*verb.children, *word.children))
        return False if negated and subject is not None and subject.lower_ in {"it", "we", "i"} else None
    if trigger.head.lower_ == "behind":
        if word.lemma_.lower() != "be":
            return None
        verb = word  # "said it was behind the bombing"
    elif word.lemma_.lower() not in {"responsible", "responsibility"}:
        return None
    else:
        verb = word.head if word.dep_ in {"acomp", "dobj", "attr", "amod"} else word
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.lower_ not in {"it", "we", "i"}:
        return None
    # "said it was not responsible", "bears no responsibility": a denial
    return not any(
        c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in (*verb.children, *word.children)
    )
