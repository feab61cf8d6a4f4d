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
    of"), a hyphenated activity ("fire-fighting operations") or a threat that is a danger, not a statement
    ("the threat this group poses")."""
    if entry.type == "ASSAULT":
        return _figurative_blow(token) or _hyphenated_activity(token)
    if entry.type == "THREATEN" and entry.pos == "noun":
        return _danger(token)
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
