"""Background mentions: triggers that restate, condition or accompany another event rather than report one."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Token

from flashpoint.events.arguments import EFFORT_NOUNS
from flashpoint.events.lexicon import TriggerEntry
from flashpoint.events.modality import cancelled

__all__ = ["is_background", "stance_word"]

# Subordinate clauses that set a condition or a time for the main event: "unless …", "as …", "after …".
_SUBORDINATE_MARKS = frozenset(
    {"if", "unless", "until", "before", "after", "since", "when", "while", "as", "whether", "once"}
)
# Prepositions that anchor the main event in time by an earlier one: "after 12 days of battles".
_TIME_ANCHOR_PREPS = frozenset({"after", "following", "since", "before"})

# Nouns that name an act as the answer to an earlier one: "shelled X in retaliation for a raid".
_ANSWER_NOUNS = frozenset({"retaliation", "response", "revenge", "reprisal", "reaction", "answer"})

# Nouns whose that-clause is what was said: "a statement that …", "accusations that …".
_SAYING_NOUNS = frozenset(
    {
        "statement",
        "claim",
        "accusation",
        "allegation",
        "report",
        "charge",
        "announcement",
        "confirmation",
        "denial",
        "assertion",
        "suggestion",
        "news",
        "word",
        "rumour",
        "rumor",
    }
)

# Messages a party puts out, whose participle can claim an act: "a statement claiming the bombing".
_MESSAGE_NOUNS = frozenset(
    {"statement", "communique", "communiqué", "message", "video", "tweet", "post", "bulletin"}
)

Triggers = Mapping[int, TriggerEntry]

# Words that give an event noun its own stance: "the alleged raid", "a failed attack", "possible strikes".
_STANCE_WORDS = frozenset(
    {
        "alleged",
        "suspected",
        "reported",
        "apparent",
        "purported",
        "presumed",
        "claimed",
        "possible",
        "potential",
        "planned",
        "failed",
        "attempted",
        "thwarted",
        "foiled",
        "imminent",
        "threatened",
    }
)


def stance_word(token: Token) -> bool:
    """Return True for an event noun with a word of its own that says how far it happened."""
    return any(c.dep_ in {"amod", "compound"} and c.lower_ in _STANCE_WORDS for c in token.children)


def is_background(token: Token, entry: TriggerEntry, triggers: Triggers) -> bool:
    """Return True when a trigger is background to another event, not an event of its own."""
    return (
        _in_relative_clause(token, triggers)
        or _subordinate_to_event(token, triggers)
        or _accompanies_event(token, entry, triggers)
        or _merged_noun(token, entry, triggers)
        or _time_anchor(token, entry, triggers)
        or _cause(token, triggers)
        or _topic(token, entry, triggers)
    )


def _clause(token: Token) -> Any:
    clause = token
    for _ in range(8):
        if clause.pos_ in {"VERB", "AUX"} or clause.head == clause:
            break
        clause = clause.head
    return clause


def _in_relative_clause(token: Token, triggers: Triggers) -> bool:
    # "Macedonia, which is preparing an offensive", "property seized by the army": descriptions of
    # participants, told in passing.
    clause = _clause(token)
    for _ in range(2):
        # "peacekeepers, who are deployed to oversee a ceasefire": a relative clause's purpose too
        if (
            clause.dep_ not in {"xcomp", "advcl"}
            or clause.head == clause
            or any(c.dep_ == "mark" for c in clause.children)  # "if", "as": not a purpose
        ):
            break
        upper = _clause(clause.head)
        if upper.dep_ != "relcl":
            break
        clause = upper
    if clause.dep_ == "acl" and clause.head.lemma_.lower() in EFFORT_NOUNS:
        return False  # "a push to drive them out": the effort's content is the act itself
    if (
        clause.dep_ == "acl"
        and clause.lemma_.lower() == "claim"
        and clause.tag_ == "VBG"
        and clause.head.lemma_.lower() in _MESSAGE_NOUNS
    ):
        return False  # "a statement claiming the bombing": a claim of the act, no description
    if clause.dep_ in {"relcl", "acl"} and clause.head.pos_ in {"NOUN", "PROPN", "PRON"}:
        if clause.dep_ == "relcl" and clause == token and _doer_told(token, triggers):
            return False  # "the gunmen who stormed the base": what the party did is the news
        if clause.dep_ == "relcl" and _own_agent(clause, token, triggers):
            # "the town, where soldiers raided homes", "the base from which the strike was launched":
            # a clause with a doer of its own tells a happening, not what the noun is
            return False
        # "a statement that police arrested …", "claims that it shelled …": the noun's content, a report
        return not _noun_content(clause)
    # "nationals suspected of blowing up a plane": the act inside a participle's complement
    if clause.dep_ != "pcomp" or clause.head.lower_ not in {"of", "with"} or clause.head.head == clause.head:
        return False  # "suspected of", "charged with"
    described = _clause(clause.head.head)
    return (
        described.dep_ == "acl"
        and described.tag_ == "VBN"
        and described.head.pos_ in {"NOUN", "PROPN", "PRON"}
    )


# Words that stand for the noun a relative clause hangs from: its subject then is that noun, described.
_RELATIVE_WORDS = frozenset({"who", "whom", "whose", "which", "that", "what"})


# Nouns that name an armed party: a relative clause on them may tell the act they did.
_FORCE_NOUNS = frozenset(
    {
        "militant",
        "rebel",
        "gunman",
        "insurgent",
        "fighter",
        "soldier",
        "troop",
        "force",
        "army",
        "militia",
        "jihadist",
        "terrorist",
        "attacker",
        "assailant",
        "police",
        "policeman",
        "group",
    }
)


def _doer_told(verb: Token, triggers: Triggers) -> bool:
    """Return True for a past act an armed party is said to have done in a relative clause of its own
    ("the militants who stormed the base", "rebels who shelled the town"): told, not a description.

    Only "who" (a party, not a thing), a simple past verb, and an act of force from the lexicon: "the
    group, which is fighting …" and "soldiers who were wounded" stay descriptions.
    """
    entry = triggers.get(verb.i)
    if entry is None or entry.type not in {"ASSAULT", "COERCE"} or verb.tag_ != "VBD":
        return False
    if not any(c.dep_ == "nsubj" and c.lower_ == "who" for c in verb.children):
        return False
    if _long_ago(verb):
        return False  # "met the rebels who attacked the town last year": who they are, not the news
    party = verb.head
    return party.ent_type_ in {"NORP", "ORG", "GPE"} or party.lemma_.lower() in _FORCE_NOUNS


def _long_ago(verb: Token) -> bool:
    """Return True for a clause dated a year or more back ("last year", "in 2014", "years ago")."""
    for node in verb.subtree:
        if node.ent_type_ != "DATE":
            continue
        word = node.lower_
        if word in {"year", "years", "ago", "decade", "decades"} or (word.isdigit() and len(word) == 4):
            return True
    return False


def _own_agent(clause: Token, token: Token, triggers: Triggers) -> bool:
    """Return True for a relative clause with a doer of its own: a subject that is not the relative word
    ("the town, where soldiers burned the market"), a passive's agent when its subject is not the relative
    word either ("where the market was burned by soldiers"), or the act itself as the passive's subject
    ("the base from which the strike was launched").

    "a man who was shot by police", "the town, where 24 people were killed last year": what happened to
    the noun, told to describe it.
    """
    agent = any(
        c.dep_ == "agent" and any(g.dep_ == "pobj" and g.lower_ not in _RELATIVE_WORDS for g in c.children)
        for c in clause.children
    )
    for child in clause.children:
        if child.lower_ in _RELATIVE_WORDS or child.pos_ == "PRON":
            continue
        if child.dep_ == "nsubj":
            return True
        if child.dep_ == "nsubjpass" and (agent or child == token or child.i in triggers):
            return True
    return False


def _noun_content(clause: Token) -> bool:
    """Return True for a that-clause that states what a statement or charge says, not a description."""
    return clause.head.lemma_.lower() in _SAYING_NOUNS and any(
        c.dep_ == "mark" and c.lower_ == "that" for c in clause.children
    )


def _has_trigger_above(node: Token, triggers: Triggers, hops: int = 4) -> bool:
    for _ in range(hops):
        if node.i in triggers:
            return True
        if node.head == node:
            break
        node = node.head
    return False


def _cause(token: Token, triggers: Triggers) -> bool:
    # "threatened to shell towns in retaliation for an air raid": the raid is why, told in passing.
    head = token.head
    if token.dep_ != "pobj" or head.lower_ not in {"for", "to", "against"}:
        return False
    answer = head.head
    return answer.lemma_.lower() in _ANSWER_NOUNS and _has_trigger_above(answer.head, triggers)


def _topic(token: Token, entry: TriggerEntry, triggers: Triggers) -> bool:
    # "renewed negotiations on a troop pullback": what talks are about has not happened.
    head = token.head
    if entry.pos != "noun" or token.dep_ != "pobj" or head.lower_ not in {"on", "about", "over", "regarding"}:
        return False
    talk = triggers.get(head.head.i)
    return talk is not None and talk.type == "CONSULT"


def _main_holds_trigger(node: Token, triggers: Triggers) -> bool:
    # "announced a suspension of links, one day after …": the main clause's event may be its object.
    return _has_trigger_above(node, triggers) or any(
        c.i in triggers for c in node.children if c.dep_ in {"dobj", "attr"}
    )  # but "The attack came days after X demanded …": a subject noun refers back, the demand is news


def _subordinate_to_event(token: Token, triggers: Triggers) -> bool:
    # "threatened to cut ties unless the Kremlin closed its base", "resigned as the opposition threatened".
    clause = _clause(token)
    if clause.dep_ != "advcl" or not any(
        c.dep_ == "mark" and c.lower_ in _SUBORDINATE_MARKS for c in clause.children
    ):
        return False
    return _main_holds_trigger(clause.head, triggers)


def _accompanies_event(token: Token, entry: TriggerEntry, triggers: Triggers) -> bool:
    # Purpose and manner of the same actor: "began a hunger strike to protest …", "rioted, demanding …",
    # "shelled the town, killing 20"; and a repeated verb: "donated and delivered".
    if entry.pos != "verb" or token.head == token:
        return False
    if any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children):
        return False
    head = token.head
    if token.dep_ == "conj":
        # "donated and delivered food" is one act; "rejected the plan and opposed the tariff" are two
        other = triggers.get(head.i)
        return (
            other is not None and other.type == entry.type and not (_has_object(token) and _has_object(head))
        )
    if token.dep_ not in {"advcl", "xcomp", "acl"}:
        return False
    if any(c.dep_ == "mark" for c in token.children):
        return False
    if token.dep_ == "acl" and head.pos_ in {"NOUN", "PROPN"}:
        return head.i in triggers
    if head.lemma_.lower() == "help" and _has_object(head):
        return False  # "helped the militias attack X": the militias' act, not the helper's purpose
    # "began a hunger strike to protest": the light verb's object is the event being explained.
    return head.i in triggers or any(c.dep_ == "dobj" and c.i in triggers for c in head.children)


def _own_party(token: Token) -> bool:
    """Return True for an event noun whose modifier names a party of its own ("an ISIS attack")."""
    return any(
        c.dep_ in {"compound", "poss", "amod"} and c.ent_type_ in {"ORG", "NORP", "GPE", "PERSON"}
        for c in token.children
    )


def _has_object(token: Token) -> bool:
    return any(c.dep_ in {"dobj", "attr", "dative"} for c in token.children)


def _merged_noun(token: Token, entry: TriggerEntry, triggers: Triggers) -> bool:
    # An event noun attached to a trigger verb is that verb's event ("the offensive could target",
    # "staged rallies", "killed in a bombing"), not a second one.
    if entry.pos != "noun" or token.head == token or cancelled(token) or stance_word(token):
        # "the talks were cancelled": the called-off act is coded, negated; "discussed the alleged
        # attack": an act with a stance of its own is not the verb's own act
        return False
    head = token.head
    if token.dep_ == "conj" and head.lemma_.lower() != token.lemma_.lower():
        return False  # "shelling and airstrikes": two kinds of attack, two acts
    if head.i in triggers and triggers[head.i].pos == "verb":
        if token.dep_ == "dobj" and _own_party(token):
            return False  # "repelled an ISIS attack": the object is the other side's act
        return token.dep_ in {"nsubj", "nsubjpass", "dobj"} or triggers[head.i].type == entry.type
    if token.dep_ == "pobj" and head.head.i in triggers:
        return triggers[head.head.i].type == entry.type
    return False


def _time_anchor(token: Token, entry: TriggerEntry, triggers: Triggers) -> bool:
    # "declared a ceasefire after 12 days of battles": the earlier event only dates the reported one.
    if entry.pos != "noun" and token.dep_ not in {"pobj", "pcomp"}:
        return False
    node = token
    for _ in range(4):
        if node.head == node:
            return False
        if node.dep_ == "pobj" and node.head.dep_ == "prep" and node.head.lower_ in _TIME_ANCHOR_PREPS:
            return _has_trigger_above(node.head.head, triggers)
        if node.dep_ == "prep" and node.lower_ in _TIME_ANCHOR_PREPS:
            return _has_trigger_above(node.head, triggers)
        node = node.head
    return False
