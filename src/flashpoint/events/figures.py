"""Trigger words that name no act: figures of speech, hyphenated activities, threats that are dangers."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

from flashpoint.events.lexicon import TriggerEntry

__all__ = ["names_no_act"]

# "strikes at the heart of", "hit at the root of": a blow in words only.
_FIGURATIVE_TARGETS = frozenset({"heart", "core", "root", "foundation", "centre", "center"})
# "struck a chord", "strike a balance", "strike the right tone": no blow at all.
_FIGURATIVE_OBJECTS = frozenset({"chord", "note", "balance", "tone", "nerve", "pose", "match"})
# The first half of a hyphenated activity: "fire-fighting", "crime-fighting" fight no party.
_ACTIVITY_OBJECTS = frozenset({"fire", "crime", "fraud", "corruption", "drug", "poverty", "disease", "pest"})
# A threat as a danger someone faces or counters, not a threatening statement:
# "to eliminate the threat this group poses", "combating the terrorist threat", "poses a threat to".
_DANGER_VERBS = frozenset(
    {
        "pose",
        "eliminate",
        "combat",
        "counter",
        "face",
        "tackle",
        "address",
        "defeat",
        "confront",
        "reduce",
        "remove",
        "neutralize",
        "neutralise",
        "fight",
        "deter",
        "assess",
        "mitigate",
    }
)
_DANGER_WORDS = frozenset({"terrorist", "terror", "security", "nuclear", "existential", "growing"})


def names_no_act(token: Token, entry: TriggerEntry) -> bool:
    """Return True for a trigger word that names no act here: a figure of speech ("strikes at the heart
    of"), a hyphenated activity ("fire-fighting operations"), a threat that is a danger, not a statement
    ("the threat this group poses"), a ban that is a law's standing rule ("banned by international law")
    or an act only wished for ("we hope the inspectors will be given access")."""
    if _wished(token):
        return True
    if entry.type == "ASSAULT":
        return _figurative_blow(token) or _hyphenated_activity(token)
    if entry.type == "THREATEN" and entry.pos == "noun":
        return _danger(token)
    if entry.type == "COERCE":
        return _legal_ban(token)
    return False


# What a ban can be "by" or "under" when it is a rule in force, not an act: "banned by international law".
_LAWS = frozenset({"law", "convention", "treaty", "constitution", "charter", "protocol", "statute"})
_BANS = frozenset({"ban", "prohibit", "outlaw", "forbid"})
# Verbs of wishing, as written (the lemmatizer reads "hoped" as "hop"): what they govern is wanted, not
# done or planned ("we hope talks will resume").
_WISHES = frozenset({"hope", "hopes", "hoped", "hoping", "wish", "wishes", "wished", "wishing"})


def _legal_ban(token: Token) -> bool:
    """Return True for a ban that is a law's standing rule ("are banned by international law", "prohibited
    under the convention", "the treaty bans such arms"): a legal status, no act of banning."""
    if token.pos_ not in {"VERB", "AUX"} or token.lemma_.lower() not in _BANS:
        return False
    for child in token.children:
        if child.dep_ == "nsubj" and child.lemma_.lower() in _LAWS:
            return True
        if (child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ in {"by", "under"})) and any(
            g.dep_ == "pobj" and g.lemma_.lower() in _LAWS for g in child.children
        ):
            return True
    return False


def _wished(token: Token) -> bool:
    """Return True for an act in what a verb of wishing governs ("we hope the inspectors will be given
    access"): a wish, which the claims definition does not code."""
    node = token
    for _ in range(3):
        if node.head == node or (node.pos_ in {"VERB", "AUX"} and node.dep_ not in {"ccomp", "xcomp"}):
            break
        if node.dep_ in {"ccomp", "xcomp"} and node.head.lower_ in _WISHES:
            return True
        node = node.head
    return False


def _figurative_blow(token: Token) -> bool:
    if token.pos_ not in {"VERB", "AUX"}:
        return False
    for child in token.children:
        if (
            child.dep_ == "prep"
            and child.lower_ == "at"
            and any(g.dep_ == "pobj" and g.lemma_.lower() in _FIGURATIVE_TARGETS for g in child.children)
        ):
            return True
        if child.dep_ == "dobj" and child.lemma_.lower() in _FIGURATIVE_OBJECTS:
            return True
    return False


def _hyphenated_activity(token: Token) -> bool:
    doc = token.doc
    if token.i < 2 or doc[token.i - 1].text != "-" or doc[token.i - 1].whitespace_:
        return False
    first = doc[token.i - 2]
    return not first.whitespace_ and first.lower_ in _ACTIVITY_OBJECTS


def _danger(token: Token) -> bool:
    if any(c.dep_ == "relcl" and c.lemma_.lower() == "pose" for c in token.children):
        return True
    if any(c.dep_ in {"amod", "compound"} and c.lower_ in _DANGER_WORDS for c in token.children):
        return True
    head = token.head
    return token.dep_ == "dobj" and head.lemma_.lower() in _DANGER_VERBS
