"""Related events: accused, denied, refused and cancelled acts, and claims of responsibility."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Token

from flashpoint.events.claims.claimant import _RELATIVE
from flashpoint.events.docindex import sentence
from flashpoint.events.modality import CANCEL_VERBS

__all__ = [
    "accused_party",
    "blamed_party",
    "charge_denier",
    "denial_accusers",
    "denied_charge",
    "denies_a_claim",
    "related_stance",
    "responsibility_claimer",
    "responsibility_denier",
]

_RELATED = {"REJECT": "negated"}

# Verbs (and nouns) that charge a party with an act; condemning or criticising an act does not.
_ACCUSING_VERBS = frozenset(
    {"accuse", "accusation", "blame", "charge", "allege", "allegation", "hold", "suspect", "implicate"}
)

# What a denial rejects when it is a statement: the charge, not a request.
_DENIED_NOUNS = frozenset(
    {"claim", "accusation", "allegation", "report", "charge", "involvement", "responsibility", "role",
     "suggestion", "rumour", "rumor", "story"}
)  # fmt: skip

_DENY_VERBS = frozenset({"deny", "reject", "dismiss", "refute"})

_CHARGE_NOUNS = frozenset({"claim", "accusation", "allegation", "report", "charge", "suggestion"})

# The same charges in the plural, which a parser may read as verbs ("reports that … were false").
_CHARGE_PLURALS = frozenset({"claims", "accusations", "allegations", "reports", "charges", "suggestions"})

# What a party calls a charge it denies: "the reports were false", "the claims are baseless".
_FALSE_WORDS = frozenset(
    {"false", "untrue", "baseless", "unfounded", "groundless", "fabricated", "lie", "lies", "fabrication",
     "incorrect", "inaccurate", "fake", "nonsense"}
)  # fmt: skip


def _called_false(verb: Token) -> bool:
    """Return True for a copula that calls its subject false: "… were false", "… are baseless lies"."""
    return any(c.dep_ in {"acomp", "attr"} and c.lemma_.lower() in _FALSE_WORDS for c in verb.children)


_POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her", "our", "my", "your"})

_CLAIM_VERBS = frozenset({"claim", "accept", "admit", "take", "assume"})

_NOBODY = frozenset({"nobody", "none", "noone", "neither"})


def _blamer(trigger: Token) -> Token | None:
    """Return X of "the attack, which X blamed on Y" (on the trigger or on its subject), else None."""
    subjects = [c for c in trigger.children if c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ == "NOUN"]
    for noun in (trigger, *subjects):
        for child in noun.children:
            if child.dep_ in {"relcl", "acl"} and child.lemma_.lower() == "blame":
                return next(
                    (c for c in child.children if c.dep_ == "nsubj" and c.lower_ not in _RELATIVE), None
                )
    return None


def _nobody(token: Token) -> bool:
    """Return True for "no one", "nobody", "none of them", "no civilians", "neither X nor Y"."""
    return token.lower_ in _NOBODY or any(
        (c.dep_ == "det" and c.lower_ == "no") or (c.dep_ in {"preconj", "det"} and c.lower_ == "neither")
        for c in token.children
    )


def related_stance(governor: Token, governor_type: str) -> str | None:
    """Return how an act named inside a statement (`governor`, a trigger of `governor_type`) is coded
    as an event of its own: "alleged" for the act an accusation charges ("accused B of shelling"),
    "negated" for a refused act, "" for an act condemned or criticised (coded as told); None when the
    definition does not code it (requested, threatened, agreed or praised acts)."""
    if governor_type == "ACCUSE":
        return "alleged" if governor.lemma_.lower() in _ACCUSING_VERBS else ""
    if governor.lemma_.lower() in CANCEL_VERBS:
        return "negated"  # "cancelled the talks": the cancelling act, and the talks that did not happen
    return _RELATED.get(governor_type)


def denies_a_claim(token: Token) -> bool:
    """Return True for a denial of a statement ("denied using chemical weapons", "denied that its jets
    struck", "denied the allegations"): a claim about an act, not a refusal (REJECT) of anything."""
    if token.lemma_.lower() == "reject" and token.pos_ == "VERB":
        # "rejected claims that its troops looted …": a charge with its content is denied, not refused
        return any(
            c.dep_ in {"dobj", "nsubjpass"}
            and c.lemma_.lower() in _CHARGE_NOUNS
            and any(g.dep_ in {"acl", "ccomp"} for g in c.children)
            for c in token.children
        )
    if token.lemma_.lower() not in {"deny", "dismiss", "refute"} or token.pos_ != "VERB":
        return False
    for child in token.children:
        if child.dep_ in {"ccomp", "xcomp", "pcomp"}:
            return True
        if child.dep_ in {"dobj", "nsubjpass"} and child.lemma_.lower() in _DENIED_NOUNS:
            return True
    # "… – an accusation dismissed by the government"
    return token.dep_ == "acl" and token.head.lemma_.lower() in _DENIED_NOUNS


def denied_charge(trigger: Token) -> bool:
    """Return True for an act that a denied charge states: "dismissed reports that its troops looted …",
    "rejected claims that …", "an allegation, denied by X, that …"."""
    node = trigger
    for _ in range(4):
        head = node.head
        if head == node:
            return False
        if node.dep_ in {"acl", "ccomp"} and (
            head.lemma_.lower() in _CHARGE_NOUNS or head.lower_ in _CHARGE_PLURALS
        ):
            if head.dep_ == "nsubj" and _called_false(head.head):
                return True  # "said reports that its jets bombed a hospital were false"
            return denies_a_claim(head.head) if head.dep_ in {"dobj", "nsubjpass"} else False
        if node.dep_ not in {"conj", "ccomp", "xcomp"}:
            return False
        node = head
    return False


def denial_accusers(trigger: Token) -> tuple[Any, ...]:
    """Return the parties whose charge a denial rejects ("denied Ruritania's claims that it shelled …",
    "denied accusations by Borduria of …"): one more claimant each, alleging the act."""
    node = trigger
    for _ in range(5):
        head = node.head
        if head == node:
            return ()
        if head.lemma_.lower() in _DENY_VERBS:
            break
        node = head
    else:
        return ()
    # The charge is the denial's object: its clause hangs on it or, misparsed, on the verb.
    charges = [node] + [c for c in head.children if c.dep_ == "dobj"]
    charge = next((c for c in charges if c.lemma_.lower() in _CHARGE_NOUNS), None)
    if charge is None:
        return ()
    found: list[Any] = []
    for child in charge.children:
        if child.dep_ == "poss" and child.lower_ not in _POSSESSIVE_PRONOUNS:
            found.append(child)
        elif child.dep_ == "prep" and child.lower_ in {"by", "from"}:
            found.extend(c for c in child.children if c.dep_ == "pobj")
    return tuple(found)


def responsibility_denier(trigger: Token) -> Token | None:
    """Return the subject of "denied responsibility for <trigger>", else None."""
    node = trigger
    for _ in range(4):
        head = node.head
        if head == node:
            return None
        if node.lemma_.lower() == "responsibility" and head.lemma_.lower() in _DENY_VERBS:
            subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
            return None if subject is None or _nobody(subject) else subject
        node = head
    return None


def accused_party(trigger: Token) -> Token | None:
    """Return B of "A accused B of the attack" / "blamed B for the attack" (an act named by a noun, whose
    doer the charge names), else None."""
    preposition = trigger.head
    if trigger.dep_ != "pobj" or preposition.lower_ not in {"of", "for"} or preposition.head == preposition:
        return None
    verb = preposition.head
    if verb.lemma_.lower() not in _ACCUSING_VERBS or verb.pos_ != "VERB":
        return None
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    return next((c for c in verb.children if c.dep_ == ("nsubjpass" if passive else "dobj")), None)


def blamed_party(verb: Token, trigger: Token) -> Token | None:
    """Return Y of "blamed the bombing on Y" / "the bombing was blamed on Y", else None; the parser may
    hang "on Y" on the blamed act itself, where the last "on" is the one blamed ("blamed the attack on
    the convoy on the militia")."""
    if verb.lemma_.lower() != "blame":
        return None
    holders = [verb, trigger] if trigger.dep_ == "dobj" and trigger.head == verb else [verb]
    found = [
        p
        for holder in holders
        for c in holder.children
        if c.dep_ == "prep" and c.lower_ in {"on", "upon"}
        for p in c.children
        if p.dep_ == "pobj"
    ]
    return max(found, key=lambda t: t.i) if found else None


def charge_denier(accusation: Token) -> Token | None:
    """Return who denies an accusation made in the same sentence, when the denial points back at it
    ("A accused B of shelling …, but the claim was denied by B", "…, an accusation dismissed by B",
    "… while B refuted these allegations"), else None."""
    for verb in sentence(accusation):
        if verb.i <= accusation.i or verb.lemma_.lower() not in _DENY_VERBS or verb.pos_ != "VERB":
            continue
        charges = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
        if verb.dep_ == "acl":
            charges.append(verb.head)  # "an accusation dismissed by B"
        charge = next((c for c in charges if c.lemma_.lower() in _CHARGE_NOUNS), None)
        if charge is None or any(c.dep_ in {"acl", "ccomp", "relcl"} and c != verb for c in charge.children):
            continue  # "denied claims that …": a charge with its own content, read where it is stated
        agent = next(
            (p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"), None
        )
        found = agent if agent is not None else next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if found is not None and not _nobody(found) and found.lower_ not in _RELATIVE:
            return found
    return None


# Messages a party puts out, through which it claims: "issued a statement claiming …".
_MESSAGES = frozenset({"statement", "communique", "communiqué", "video", "message", "post", "tweet"})


def responsibility_claimer(trigger: Token) -> Token | None:
    """Return the subject of "claimed responsibility for <trigger>" (or "… for which X claimed
    responsibility"), else None; None too when no one claims it ("no group has claimed the attack")."""
    subjects = [c for c in trigger.children if c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ == "NOUN"]
    for child in [c for noun in (trigger, *subjects) for c in noun.children]:
        # "the attack, for which X claimed responsibility", "attacks, also claimed by X, killed …"
        if child.dep_ in {"relcl", "acl", "parataxis"} and child.lemma_.lower() in _CLAIM_VERBS:
            if any(c.lemma_.lower() == "responsibility" for c in child.children):
                return _claimer(child)
            if child.lemma_.lower() == "claim" and child.tag_ == "VBN":
                return _claimer(child)
    head = trigger.head
    if trigger.dep_ == "dobj" and head.lemma_.lower() == "claim":
        return _claimer(head)  # "X claimed the attacks"
    if (
        trigger.dep_ == "nsubjpass"
        and head.lemma_.lower() == "claim"
        and any(c.dep_ == "agent" for c in head.children)
    ):
        return _claimer(head)  # "the bombing was claimed by X"
    if trigger.dep_ == "conj" and head.lemma_.lower() == "claim":
        # "attacks, also claimed by X, have killed …"; "… for which X claimed responsibility and where
        # scores were killed"
        passive = head.tag_ == "VBN" and any(c.dep_ == "agent" for c in head.children)
        relative = head.dep_ == "relcl" and any(c.lemma_.lower() == "responsibility" for c in head.children)
        if passive or relative:
            return _claimer(head)
    if (
        trigger.dep_ == "pobj"
        and head.lower_ == "for"
        and head.head.lemma_.lower() in _CLAIM_VERBS
        and any(
            c.dep_ == "dobj" and c.lemma_.lower() in {"responsibility", "credit"} for c in head.head.children
        )
    ):
        return _claimer(head.head)  # "took credit for the bombing", the "for" hung on the verb
    node = trigger
    for _ in range(4):
        head = node.head
        if head == node:
            return None
        if node.lemma_.lower() in {"responsibility", "credit"} and head.lemma_.lower() in _CLAIM_VERBS:
            return _claimer(head)
        node = head
    return None


def _claimer(verb: Token) -> Token | None:
    """Return who claims with `verb` (its subject, or the agent of "claimed by X"), unless the claim
    is negated or made by no one."""
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    # "claimed by X" names the claimer even where the parser gave the participle a subject
    found = next(
        (p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"), None
    )
    if found is None:
        found = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if found is None and verb.dep_ == "acl" and verb.head.lemma_.lower() in _MESSAGES:
        # "X issued a statement claiming responsibility …": whose the message is claims
        message = verb.head
        found = next((c for c in message.children if c.dep_ == "poss"), None)
        if found is None and message.dep_ == "dobj":
            found = next((c for c in message.head.children if c.dep_ == "nsubj"), None)
    return None if found is None or _nobody(found) else found
