"""Negation, future, hypothetical and historical readings of a trigger, and the PLOVER recoding they imply."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Token

from flashpoint.events.docindex import children, doc_text, sentence_ents, subtree

__all__ = [
    "ALLEGING_WORDS",
    "COOPERATIVE",
    "MATERIAL_CONFLICT",
    "Modality",
    "read_modality",
    "recode",
    "threat_mode",
]

# Acts that, announced for the future, are threats; and acts that, announced, are agreements.
MATERIAL_CONFLICT = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST", "MOBILIZE"})
COOPERATIVE = frozenset({"SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE", "CONSULT"})
_THREAT_MODES = {
    "ASSAULT": "violence",
    "SANCTION": "relations",
    "PROTEST": "restrict",
    "MOBILIZE": "violence",
}
_COERCE_THREAT_MODES = {"arrest": "arrest", "deport": "expel", "seize": "territory"}


def threat_mode(plover: str, mode: str | None) -> str:
    """Return the THREATEN mode for a threatened act of type `plover` (and its mode)."""
    if plover == "COERCE":
        return _COERCE_THREAT_MODES.get(mode or "", "restrict")
    return _THREAT_MODES.get(plover, "violence")


_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
_THREAT_AUX = frozenset({"may"})
_HYPOTHETICAL_AUX = frozenset({"could", "might", "should", "can"})
_CONDITION_MARKS = frozenset({"if", "unless", "whether"})
# Heads whose xcomp inherits their negation and modals: "is not going to allow", "will not try to".
_TRANSPARENT = frozenset(
    {"go", "try", "attempt", "want", "continue", "keep", "resume", "begin", "start", "seek", "be", "have"}
)
# Hedges that attribute the act to unnamed others rather than doubt it: the stance is alleged.
ALLEGING_WORDS = frozenset(
    {"reportedly", "allegedly", "apparently", "purportedly", "supposedly", "ostensibly"}
)
# Modifiers of a noun that say the act failed, might happen, or is only alleged; heads of a failed attempt.
# Intent words that describe an activity under way rather than a declared stance.
_PLANNING_WORDS = frozenset(
    {"plan", "plans", "planned", "planning", "preparing", "prepares", "aim", "aims", "aiming", "set", "intend",
     "intends", "intending", "decided", "decide", "decides"}
)  # fmt: skip
_FAILED_WORDS = frozenset({"failed", "foiled", "thwarted", "aborted", "abortive", "unsuccessful", "botched"})
_POSSIBLE_WORDS = frozenset({"possible", "potential", "likely", "feared"})
_PLANNED_WORDS = frozenset(
    {"planned", "expected", "imminent", "upcoming", "scheduled", "proposed", "announced", "forthcoming"}
)
_ALLEGED_WORDS = frozenset({"alleged", "suspected", "reported", "purported", "apparent", "claimed"})
_FAIL_HEADS = frozenset({"fail", "unable", "refuse"})
# Verbs that call an act off, or stop it before it happens ("thwarted an attack").
CANCEL_VERBS = frozenset(
    {"cancel", "scrap", "postpone", "abandon", "suspend", "scuttle", "axe", "shelve",
     "foil", "thwart", "avert"}
)  # fmt: skip
_HEARSAY_VERBS = frozenset({"say", "believe", "report", "think", "understand", "rumour", "rumor", "suspect"})
# Hedges that judge how likely an act is rather than make it a condition: an unverified account, alleged
# ("jets probably struck the market", "it seems rebels shelled the town"); "may", "could", "if" stay hypothetical.
_EVIDENTIAL_HEDGES = frozenset({"likely", "probably", "probable", "seem", "appear"})
# Verbs whose object is a statement about an act, not the act's own tense: "has not claimed the attack".
_STATEMENT_VERBS = frozenset({"claim", "report", "confirm", "deny", "say", "announce", "describe", "mention"})
_ATTEMPT_HEADS = frozenset({"try", "attempt", "seek"})
_RISK_NOUNS = frozenset({"risk", "danger", "possibility", "prospect", "fear", "spectre", "specter"})
_CHARGING_VERBS = frozenset({"accuse", "blame", "suspect", "charge", "implicate"})
_EXPECTED_HEADS = frozenset({"expect", "schedule", "due", "slate"})
_NOBODY = frozenset({"nobody", "none", "neither", "noone"})
_HISTORICAL_WORDS = frozenset({"previously", "formerly", "ago"})
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj"})
_STOP = re.compile(r"[.!?\n]")


@dataclass(frozen=True, slots=True)
class Modality:
    """How a sentence presents one trigger."""

    negated: bool = False
    future: bool = False
    intended: bool = False  # an announced intention: "will", "may", "prepared to", "vowed"
    hypothetical: bool = False
    conditional: bool = False
    question: bool = False
    hedged: bool = False
    historical: bool = False
    # "reportedly", "allegedly", "is said to": told on unnamed authority, an allegation (not a condition).
    alleging: bool = False

    @property
    def aux_modes(self) -> tuple[str, ...]:
        """Return the PLOVER auxiliary modes, in a fixed order."""
        modes: list[str] = []
        if self.negated:
            modes.append("negation")
        if self.future:
            modes.append("future")
        if self.hypothetical or self.conditional or self.question or self.hedged:
            modes.append("hypothetical")
        if self.historical:
            modes.append("historical")
        return tuple(modes)


def _chain(trigger: Token, intent: frozenset[str]) -> list[Any]:
    # The trigger and the transparent/intent heads above it ("not going to allow" -> allow, going;
    # "no intention of backing down" -> backing, intention).
    nodes = [trigger]
    node = trigger
    while len(nodes) < 4:
        if node.dep_ == "xcomp" and node.head != node:
            node = node.head
        elif (
            node.dep_ in {"pcomp", "acl"}
            and node.head.dep_ == "prep"
            and node.head.head.lemma_.lower() in intent
        ):
            node = node.head.head
        elif node.dep_ == "acl" and node.head.lemma_.lower() in intent:
            node = node.head
        else:
            break
        nodes.append(node)
    return nodes


def _reported(token: Token, reporting: Mapping[str, str]) -> bool:
    # Under a verb of saying ("said it would"): the actor's side announcing, not a third party's report.
    node = token
    for _ in range(4):
        if node.head == node:
            return False
        if node.dep_ in {"ccomp", "xcomp"} and reporting.get(node.head.lemma_.lower()) == "asserted":
            return True
        if node.dep_ in {"advcl", "relcl", "acl"}:
            return False  # "said the raids came after X found militants preparing to attack": not X's word
        node = node.head
    return False


def read_modality(
    trigger: Token,
    *,
    intent: frozenset[str],
    hedge: frozenset[str],
    reporting: Mapping[str, str],
    published: dt.date | None,
) -> Modality:
    """Return the Modality of a trigger token from its auxiliaries, negations and clause."""
    negated = future = intended = hypothetical = conditional = hedged = historical = alleging = False
    in_condition = False  # the act is named inside an "if", "unless" or "whether" clause
    chain = _chain(trigger, intent)
    announced = _reported(trigger, reporting)
    for index, node in enumerate(chain):
        lemma = node.lemma_.lower()
        if index > 0 and lemma == "hesitate" and any(c.dep_ == "neg" for c in children(node)):
            # "would not hesitate to strike": a declared readiness, the act to come
            future = True
            intended = intended or announced
            break
        if index > 0 and lemma not in _TRANSPARENT and lemma not in intent:
            break
        if index > 0 and lemma in intent:
            # "plans to attack", "preparing to attack" are future acts; a declared readiness ("is prepared
            # to", "no intention of") or the actor's own announcement is a threat or a refusal
            future = True
            intended = intended or announced or node.lower_ not in _PLANNING_WORDS
        if index > 0 and lemma == "go" and node.tag_ == "VBG":
            future = True
            intended = intended or announced
        if index > 0 and lemma == "be" and _is_to(chain[index - 1]):
            future = True  # "Ruritania is to hold talks", "the minister was to visit"
        for child in children(node):
            word = child.lower_
            if child.dep_ == "neg" and _negates_adverb(child):
                continue  # "not surprisingly", "not only": the negation is the adverb's
            if child.dep_ == "neg" or (child.dep_ == "det" and word == "no" and node.pos_ == "NOUN"):
                negated = not negated if word != "no" else True
            elif child.dep_ == "aux" and child.tag_ == "MD":
                if word in _FUTURE_AUX:
                    future = True
                    intended = intended or announced
                elif word == "would":
                    if announced:
                        intended = future = True
                    else:
                        hypothetical = True
                elif word in _THREAT_AUX:
                    hypothetical = True
                    # "may have struck": a guess about the past, never an announced act
                    guessed = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in children(node))
                    intended = intended or (announced and not guessed)
                elif word in _HYPOTHETICAL_AUX:
                    hypothetical = True
            elif (child.dep_ == "advmod" and child.lower_ in ALLEGING_WORDS) or (
                child.dep_ == "advmod" and child.lemma_.lower() in _EVIDENTIAL_HEDGES
            ):
                alleging = True
            elif child.dep_ == "advmod" and child.lemma_.lower() in hedge:
                hedged = True
            elif child.dep_ == "advmod" and word in _HISTORICAL_WORDS:
                historical = True
            elif child.dep_ == "mark" and word in _CONDITION_MARKS:
                conditional = in_condition = True
    # Conditions and hedges higher up the clause: "if they attack", "it seems they will".
    node = trigger
    for _ in range(6):
        if node.head == node:
            break
        if node.dep_ in _CLAUSE_DEPS and any(
            c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS for c in children(node)
        ):
            conditional = in_condition = True
        node = node.head
        if node.lower_ in ALLEGING_WORDS or node.lemma_.lower() in _EVIDENTIAL_HEDGES:
            alleging = True
        elif any(c.dep_ == "acomp" and c.lemma_.lower() in _EVIDENTIAL_HEDGES for c in node.children):
            alleging = True  # "it was likely that gas was used in the attack"
        elif node.lemma_.lower() in hedge:
            hedged = True
    # "they will besiege us if the siege breaks": the act is the consequence of a condition.
    conditional = conditional or any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in children(c))
        for c in children(trigger)
    )
    # "a failed attack", "a possible strike", "the alleged raid"; "failed to reach", "unable to retake"
    for word in (t for t in subtree(trigger) if t.i < trigger.i):
        if word.dep_ in {"amod", "compound"}:
            lemma = word.lower_
            negated = negated or lemma in _FAILED_WORDS
            hypothetical = hypothetical or lemma in _POSSIBLE_WORDS
            future = future or lemma in _PLANNED_WORDS
            alleging = alleging or lemma in _ALLEGED_WORDS
    negated = negated or any(
        node.dep_ == "xcomp" and node.head.lemma_.lower() in _FAIL_HEADS for node in chain
    )
    for verb in _light_verbs(trigger):
        # "will hold a meeting", "talks that will be held", "did not launch an offensive"
        for child in children(verb):
            if child.dep_ == "neg":
                negated = True
            elif child.dep_ == "aux" and child.tag_ == "MD":
                future = future or child.lower_ in _FUTURE_AUX
                hypothetical = hypothetical or child.lower_ in _HYPOTHETICAL_AUX | _THREAT_AUX | {"would"}
    # "no one was arrested", "neither side fired", "fired no shots": nobody did it
    negated = negated or any(
        (c.dep_ in {"nsubj", "nsubjpass", "dobj"} and _nobody(c))
        or (c.dep_ == "preconj" and c.lower_ == "neither")
        for c in children(trigger)
    )
    # "tried to storm the base but failed", "without firing a shot": the act did not come off
    negated = negated or any(
        node.lemma_.lower() in _ATTEMPT_HEADS
        and any(c.dep_ == "conj" and c.lemma_.lower() in _FAIL_HEADS for c in children(node))
        for node in chain[1:]
    )
    negated = negated or (trigger.dep_ == "pcomp" and trigger.head.lower_ == "without")
    # "has yet to release the prisoners", "is yet to withdraw": not done so far
    negated = negated or any(
        node.dep_ == "xcomp"
        and node.head.lemma_.lower() in {"have", "be"}
        and any(c.dep_ == "advmod" and c.lower_ == "yet" for c in node.head.children)
        for node in chain
    )
    # "tried to retake the base with no luck", "attacked without success", "to no avail", "in vain"
    negated = negated or any(_fruitless(node) for node in chain)
    # "they would succeed in laying siege if the hill fell": the clause the act is named in is conditional
    clause = _clause_head(trigger)
    if clause is not None:
        conditional = conditional or any(
            c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in c.children)
            for c in clause.children
        )
    # "the risk of clashes", "fears of an attack": an act that may come
    hypothetical = hypothetical or (
        trigger.dep_ == "pobj"
        and trigger.head.lower_ == "of"
        and trigger.head.head.lemma_.lower() in _RISK_NOUNS
    )
    # "are expected to launch an offensive", "is due to meet": scheduled or expected acts
    future = future or any(
        node.dep_ == "xcomp" and node.head.lemma_.lower() in _EXPECTED_HEADS
        for node in (*chain, *_light_verbs(trigger))
    )
    # "is determined to push on and capture the town": the second act is planned too
    future = future or (
        trigger.dep_ == "conj"
        and (
            (trigger.head.dep_ == "xcomp" and trigger.head.head.lemma_.lower() in intent)
            # … parsed with "capture" hung on "is"
            or any(c.dep_ == "acomp" and c.lemma_.lower() in intent for c in children(trigger.head))
        )
    )
    question = _question(trigger)
    # A subject clause names a topic, not an act: "withdrawing the troops is not an option".
    hypothetical = hypothetical or trigger.dep_ in {"csubj", "csubjpass"}
    if trigger.dep_ in {"csubj", "csubjpass"} and _ruled_out(trigger.head):
        # "said withdrawing is not an option": the speaker rules the act out, a refusal when announced.
        negated = True
        intended = intended or _reported(trigger.head, reporting)
    historical = historical or _historical_date(trigger, published)
    alleging = alleging or _said_to(chain)
    negated = negated or cancelled(trigger)
    # "will not allow the convoy to pass", "are not going to let troops withdraw": the act is not let happen
    barred, barred_later = _withheld(trigger, intent)
    negated = negated or barred
    future = future or barred_later
    # "Borduria is unlikely to withdraw", "is likely to send troops": a judged chance of an act to come
    hypothetical = hypothetical or any(_judged_chance(node) for node in chain)
    # "is considering sanctions", "weighs sending troops": an act only thought about
    hypothetical = hypothetical or any(
        node.dep_ in {"dobj", "xcomp", "ccomp"} and node.head.lemma_.lower() in _WEIGHING_VERBS
        for node in chain
    )
    # "stopped short of imposing sanctions", "refrained from attacking": the act was held back
    negated = negated or any(_held_back(node) for node in chain)
    # "if troops do not withdraw", "may not have struck": a negation inside a condition or under a
    # modal of possibility says the act might not happen, not that it did not
    if in_condition or _possibly_not(chain):
        negated = False
    return Modality(
        negated, future, intended, hypothetical, conditional, question, hedged, historical, alleging
    )


_FRUITLESS_ADVERBS = frozenset({"unsuccessfully", "vainly", "fruitlessly"})
_SUCCESS_NOUNS = frozenset({"luck", "success", "result", "avail"})
# Dependencies that keep a word inside the clause of the verb above it: "succeed in laying siege".
_IN_CLAUSE = frozenset({"dobj", "pobj", "prep", "pcomp", "xcomp", "acomp", "attr"})


def _fruitless(node: Token) -> bool:
    """Return True when an act is said to have come to nothing: "with no luck", "without success",
    "to no avail", "in vain", "unsuccessfully"."""
    for child in node.children:
        if child.dep_ == "advmod" and child.lower_ in _FRUITLESS_ADVERBS:
            return True
        if child.dep_ != "prep":
            continue
        for pobj in (c for c in child.children if c.dep_ == "pobj"):
            no = any(c.dep_ == "det" and c.lower_ == "no" for c in pobj.children)
            word = pobj.lemma_.lower()
            if (child.lower_ == "without" and word in _SUCCESS_NOUNS) or (
                child.lower_ in {"with", "to"} and no and word in _SUCCESS_NOUNS
            ):
                return True
            if child.lower_ == "in" and pobj.lower_ == "vain":
                return True
    return False


def _clause_head(trigger: Token) -> Token | None:
    """Return the verb of the clause a nominal or -ing act is named in ("would succeed in laying siege"
    → succeed), or None when the trigger heads its own clause."""
    node = trigger
    for _ in range(6):
        if node.dep_ not in _IN_CLAUSE or node.head == node:
            break
        node = node.head
    return node if node is not trigger and node.pos_ in {"VERB", "AUX"} else None


def _nobody(token: Token) -> bool:
    """Return True for a participant that is no one: "nobody", "none", "no one", "neither side"."""
    if token.lower_ in _NOBODY:
        return True
    return any(c.dep_ in {"det", "preconj"} and c.lower_ in {"no", "neither"} for c in token.children)


def _light_verbs(trigger: Token) -> list[Any]:
    """Return the verbs that carry a trigger's tense: for a noun, the verb it is the object or subject
    of ("hold talks") and the verbs of its relative clauses ("talks that will be held"); for a bare
    participle, the verb it accompanies."""
    if (
        trigger.tag_ == "VBG"
        and trigger.dep_ == "advcl"
        and not any(c.dep_ in {"nsubj", "nsubjpass", "mark"} for c in trigger.children)
    ):
        return [
            trigger.head
        ]  # "will return to the Gulf, visiting Riyadh": the participle's tense is its head's
    if trigger.pos_ not in {"NOUN", "PROPN"}:
        return []
    verbs = [c for c in trigger.children if c.dep_ in {"relcl", "acl"} and c.pos_ in {"VERB", "AUX"}]
    head = trigger.head
    # "has not claimed the attack", "did not report the raid": the verb says something about the act
    if (
        trigger.dep_ in {"dobj", "nsubjpass", "nsubj"}
        and head.pos_ in {"VERB", "AUX"}
        and head.lemma_.lower() not in _STATEMENT_VERBS
    ):
        verbs.append(head)
    return verbs


def cancelled(trigger: Token) -> bool:
    """Return True when the trigger names an act that was called off: "the talks were cancelled",
    "scrapped the visit", "called off the strike"."""
    head = trigger.head
    if head == trigger or trigger.dep_ not in {"nsubjpass", "dobj"}:
        return False
    lemma = head.lemma_.lower()
    if lemma == "call":
        return any(c.dep_ == "prt" and c.lower_ == "off" for c in head.children)
    return lemma in CANCEL_VERBS


def _said_to(chain: list[Any]) -> bool:
    """Return True for an act told as hearsay: "is said to", "are believed to", "was reported to"."""
    for node in chain:
        head = node.head
        if (
            node.dep_ == "xcomp"
            and head.lemma_.lower() in _HEARSAY_VERBS
            and any(c.dep_ == "auxpass" for c in head.children)
        ):
            return True
    # "is believed to be behind the attack", "are thought to be responsible for the raid"
    clause = _clause_head(chain[0])
    if (
        clause is not None
        and clause.lemma_.lower() in _HEARSAY_VERBS
        and any(c.dep_ == "auxpass" for c in clause.children)
        and any(c.dep_ == "xcomp" and c.lemma_.lower() == "be" for c in clause.children)
    ):
        return True
    # "the shelling, believed to have been carried out by jets", "a raid that is thought to have killed …"
    node = chain[0]
    if node.pos_ in {"NOUN", "PROPN"} and any(
        c.dep_ in {"acl", "relcl"} and c.lemma_.lower() in _HEARSAY_VERBS and c.tag_ == "VBN"
        for c in node.children
    ):
        return True
    # … and the same parsed with the act as the hearsay verb's subject ("The shelling, believed to have …")
    head = node.head
    if (
        node.pos_ in {"NOUN", "PROPN"}
        and node.dep_ in {"nsubj", "nsubjpass"}
        and head.lemma_.lower() in _HEARSAY_VERBS
        and head.tag_ in {"VBN", "VBD"}
        and any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in head.children)
    ):
        return True
    # "are accused of killing", "have been blamed for the attack", "are suspected of shelling": no accuser
    # named, the act is an allegation
    if node.dep_ in {"pcomp", "pobj"} and node.head.lower_ in {"of", "for"}:
        verb = node.head.head
        return verb.lemma_.lower() in _CHARGING_VERBS and any(c.dep_ == "auxpass" for c in verb.children)
    return False


# Verbs of letting whose negation withholds the act they let happen: "will not allow the convoy to pass".
_PERMIT_VERBS = frozenset({"allow", "let", "permit"})


def _withheld(trigger: Token, intent: frozenset[str]) -> tuple[bool, bool]:
    """Return (negated, future) of a negated verb of letting above an act ("did not allow troops to
    withdraw", "are not going to let the convoy pass", "refused to allow the aid convoy through"):
    the act is not let happen, and "will not", "not going to" put that refusal ahead."""
    verb = (
        trigger.head if trigger.dep_ in {"nsubj", "dobj"} and trigger.pos_ in {"NOUN", "PROPN"} else trigger
    )
    if verb.dep_ not in {"ccomp", "xcomp"} or verb.head.lemma_.lower() not in _PERMIT_VERBS:
        return False, False
    chain = _chain(verb.head, intent)
    negated = any(c.dep_ == "neg" for node in chain for c in children(node)) or any(
        node.dep_ == "xcomp" and node.head.lemma_.lower() in _FAIL_HEADS for node in chain
    )
    if not negated:
        return False, False
    future = any(
        (c.dep_ == "aux" and c.lower_ in _FUTURE_AUX) for node in chain for c in children(node)
    ) or any(node.lemma_.lower() == "go" and node.tag_ == "VBG" for node in chain[1:])
    return True, future


# Verbs whose object is an act only thought about: "is considering sanctions".
_WEIGHING_VERBS = frozenset({"consider", "weigh", "mull", "contemplate", "ponder"})


def _is_to(node: Token) -> bool:
    """Return True for the infinitive of "is to hold talks", "was to visit" (not "is to blame")."""
    return (
        node.dep_ == "xcomp"
        and node.lemma_.lower() != "blame"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in children(node))
        and not any(c.dep_ in {"advmod", "acomp", "attr"} for c in children(node.head) if c.i < node.i)
    )


def _held_back(node: Token) -> bool:
    """Return True for an act held back: "stopped short of imposing sanctions", "refrained from attacking"."""
    if node.dep_ not in {"pcomp", "pobj"} or node.head.dep_ != "prep":
        return False
    prep, head = node.head, node.head.head
    if prep.lower_ == "of" and head.lower_ == "short":
        return head.head.lemma_.lower() in {"stop", "fall"}
    return prep.lower_ == "from" and head.lemma_.lower() in {"refrain", "abstain", "desist"}


_CHANCE_WORDS = frozenset({"likely", "unlikely", "probable", "improbable"})


def _judged_chance(node: Token) -> bool:
    """Return True for an act to come whose chance is judged: "is unlikely to withdraw", "is likely to
    send troops" (not "is likely to have struck", a guess about the past)."""
    return (
        node.dep_ == "xcomp"
        and node.head.lemma_.lower() in _CHANCE_WORDS
        and not any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in children(node))
    )


def _possibly_not(chain: list[Any]) -> bool:
    """Return True when the negation is under "may" or "might": "may not have struck the depot"."""
    return any(
        any(c.dep_ == "neg" for c in children(node))
        and any(c.dep_ == "aux" and c.lower_ in {"may", "might"} for c in children(node))
        for node in chain
    )


def _ruled_out(copula: Token) -> bool:
    """Return True when a copula denies its complement: "is not an option", "is no longer on the table"."""
    if any(c.dep_ == "neg" for c in copula.children):
        return True
    return any(
        child.dep_ in {"attr", "acomp"}
        and any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in child.children)
        for child in copula.children
    )


# Adverbs after "not" that leave the verb negated: "have not yet withdrawn", "did not immediately claim".
_NEGATED_ADVERBS = frozenset(
    {"yet", "even", "ever", "again", "immediately", "officially", "still", "actually"}
)


def _negates_adverb(neg: Token) -> bool:
    doc = neg.doc
    after = doc[neg.i + 1] if neg.i + 1 < len(doc) else None
    return (
        after is not None
        and after.pos_ == "ADV"
        and after.head == neg.head
        and after.dep_ == "advmod"
        and after.lower_ not in _NEGATED_ADVERBS
    )


def _question(trigger: Token) -> bool:
    # The sentence splitter is unreliable around quotes and markup: look at the next stop in the text
    # (within 400 characters of the trigger).
    stop = _STOP.search(doc_text(trigger.doc), trigger.idx, trigger.idx + 400)
    return stop is not None and stop.group() == "?"


def _historical_date(trigger: Token, published: dt.date | None) -> bool:
    if published is None:
        return False
    for ent in sentence_ents(trigger):
        if ent.label_ != "DATE":
            continue
        head = ent.root
        # Only dates that modify this trigger's own clause, not a neighbouring one.
        hops = 0
        while head != trigger and head.head != head and hops < 3 and head.pos_ != "VERB":
            head = head.head
            hops += 1
        if head != trigger:
            continue
        match = _YEAR.search(ent.text)
        if match and int(match.group(1)) < published.year:
            return True
        if "ago" in ent.text.lower().split() and any(w in ent.text.lower() for w in ("year", "decade")):
            return True
    return False


def recode(plover: str, mode: str | None, modality: Modality) -> tuple[str, str | None, Modality]:
    """Return the PLOVER type, mode and remaining modality after reading announced intentions.

    An announced future act of material conflict is a THREATEN; an announced cooperative act is an
    AGREE, and a refusal of one ("will not pull out") is a REJECT.  The recoded event is the statement
    itself, which did happen, so the modes it consumed are dropped; hedges and conditions remain.
    """
    if not modality.intended or modality.question or modality.conditional:
        return plover, mode, modality
    consumed = Modality(
        hypothetical=False,
        hedged=modality.hedged,
        historical=modality.historical,
        alleging=modality.alleging,
    )
    if plover in MATERIAL_CONFLICT and not modality.negated:
        return "THREATEN", threat_mode(plover, mode), consumed
    if plover in COOPERATIVE:
        return ("REJECT" if modality.negated else "AGREE"), None, consumed
    return plover, mode, modality
