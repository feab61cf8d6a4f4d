"""Parties of an event: owners' sides, placing unnamed groups, and choosing the recipient."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Token

from flashpoint.actors.resolver import STATELESS
from flashpoint.events.arguments import PRONOUNS, core_span
from flashpoint.events.lookup import ActorLookup
from flashpoint.events.senses import MUNITIONS
from flashpoint.records import Actor

__all__ = ["carried", "counterpart", "pick_recipient", "placed", "unidentified", "with_owner"]

# Words that make "sides" or "parties" refer back to parties named elsewhere ("both sides").
_BOTH = frozenset({"both", "two", "all", "either", "neither", "warring", "opposing", "rival"})

# Words of forces from outside the country they act in: "coalition forces" in Syria are not Syria's.
_FOREIGN = frozenset(
    {
        "coalition",
        "multinational",
        "international",
        "allied",
        "foreign",
        "peacekeeping",
        "peacekeepers",
        "nato",
    }
)
# Sectors of armed groups outside a state: their forces, fighters and men are of the same sector.
_NON_STATE = frozenset({"REB", "INS", "CRM", "SEP", "UAF"})


def with_owner(actor: Actor | None, owner: Actor) -> Actor:
    """Return the actor of a phrase with a possessive pronoun ("his forces") given its owner's actor.

    The owner's country wins; a non-state owner also lends its sector ("an RSF commander … his
    forces" are rebels, not an army), while a state's "troops" keep their own sector.
    """
    if actor is None:
        return owner
    sector = owner.sector if owner.sector in _NON_STATE or actor.sector is None else actor.sector
    return replace(actor, country=owner.country, sector=sector)


def counterpart(recipient: Actor | None, text: str | None, actor: Actor | None) -> Actor | None:
    """Return a recipient named as the actor's counterpart ("met his Sudanese counterpart") with the
    actor's sector: a president's counterpart is a head of government, a general's an officer."""
    if recipient is None or recipient.sector or actor is None or not actor.sector or not text:
        return recipient
    if text.lower().split()[-1] not in ("counterpart", "counterparts"):
        return recipient
    return replace(recipient, sector=actor.sector)


def unidentified(located: Actor | None) -> Actor | None:
    """Return the attacker behind a device no one claims ("a roadside bomb killed …"): an unidentified
    armed force (CAMEO's UAF) of the country the blast is placed in, or None when nothing places it."""
    return None if located is None else replace(located, sector="UAF")


def _refers_to_parties(token: Token) -> bool:
    """Return True for "both sides", "the warring parties": a reference back to parties named elsewhere,
    whose country the venue does not give (but "the Umma party" is a party of its own)."""
    lemma = token.lemma_.lower()
    if lemma == "side":
        return True
    return lemma == "party" and any(c.lower_ in _BOTH for c in token.children)


def placed(actor: Actor | None, token: Token, lookup: ActorLookup) -> Actor | None:
    """Return the actor with the country of the nearest place in its sentence when it names none.

    Unnamed groups ("protesters", "ethnic Albanians") and people the dictionary does not know take the
    country the sentence places them in; a pronoun that found no antecedent and forces from outside
    ("coalition forces", "peacekeepers") are left alone.
    """
    person = actor is None and token.pos_ == "PROPN" and token.ent_type_ == "PERSON"
    if (
        token.lower_ in PRONOUNS
        or _refers_to_parties(token)
        or (actor is None and token.pos_ != "NOUN" and not person)
    ):
        return actor
    first, last = core_span(token)
    if any(t.lower_ in _FOREIGN for t in token.doc[first : last + 1]):
        return actor  # a coalition acting in a country is not that country's
    # "American troops backed Kurdish fighters": a stateless people is placed by where it is, never by
    # another party's nationality word or country
    stateless = any(t.lower_ in STATELESS for t in token.doc[first : last + 1])
    located = lookup.located(
        token, parties=_other_side(token), elsewhere=_backers(token), nationalities=not stateless
    )
    if located is None:
        # nothing in its sentence places it: the country the document has been about, if only one,
        # else (not for a person, who is as likely the other side's counterpart) the one country of
        # the others its sentence names
        country = lookup.document_country(token) or (
            None if person or stateless else lookup.sentence_country(token)
        )
        located = Actor(country=country, kind="people") if country is not None else None
    if located is None:
        return actor
    if actor is None:
        # a person the dictionary does not know is most likely of the country the sentence is about
        return replace(located, kind="person") if person else located
    return replace(actor, country=located.country)


# Prepositions that name the other side of an act ("protested to X", "fought with X", "fired at X"), not
# its place.
_PARTY_PREPS = frozenset({"to", "against", "with", "on", "upon", "at", "toward", "towards"})


def _other_side(token: Token) -> tuple[tuple[int, int], ...]:
    """Return the character spans of the phrases an actor acts on ("The X government accused Honduras",
    "… protested to Japan"): a country named there is the other party, not where the actor is."""
    if token.dep_ == "nsubj":
        verb = token.head
    elif token.dep_ == "pobj" and token.head.dep_ == "agent":
        verb = token.head.head  # "Honduras was accused by the X government"
    elif token.dep_ in {"dobj", "nsubjpass"}:
        # "US strikes killed 20 civilians": the acting side's country is not where its targets are
        verb = token.head
        found = [c for c in verb.children if c.dep_ == "nsubj"]
        found.extend(g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj")
        return _spans(token, found)
    else:
        return ()
    found = []
    for child in verb.children:
        if child.dep_ in {"dobj", "dative", "nsubjpass"} and child.i != token.i:
            found.append(child)
        elif child.dep_ == "prep" and child.lower_ in _PARTY_PREPS:
            found.extend(c for c in child.children if c.dep_ == "pobj")
    return _spans(token, found)


def _spans(token: Token, found: list[Any]) -> tuple[tuple[int, int], ...]:
    """Return the character spans of the phrases headed by `found`."""
    spans = []
    for party in found:
        first, last = core_span(party)
        end = token.doc[last]
        spans.append((token.doc[first].idx, end.idx + len(end)))
    return tuple(spans)


# Verbs of backing a group from outside: "fighters backed by US strikes" are not American.
_BACKING = frozenset({"back", "support", "arm", "train", "fund", "finance", "sponsor", "equip", "supply"})


def _backers(token: Token) -> tuple[tuple[int, int], ...]:
    """Return the character spans of the clauses that name who backs a group ("rebels backed by X",
    "militias armed and trained by X"): the backer is someone else, not where the group is."""
    spans = []
    for child in token.children:
        if child.dep_ == "acl" and child.lemma_.lower() in _BACKING:
            words = list(child.subtree)
            spans.append((words[0].idx, words[-1].idx + len(words[-1])))
    return tuple(spans)


def carried(token: Token) -> bool:
    """Return True for the object of "of"/"with" on a noun ("a convoy of trucks", "troops with tanks"),
    or a modifier of it ("with Turkish tanks")."""
    while token.dep_ in {"amod", "compound", "poss", "nmod"} and token.head != token:
        token = token.head
    head = token.head
    return token.dep_ == "pobj" and head.lower_ in {"of", "with"} and head.head.pos_ in {"NOUN", "PROPN"}


def pick_recipient(
    first: Token | None, alternatives: tuple[Any, ...], lookup: ActorLookup
) -> tuple[Actor | None, str | None]:
    """Return the recipient: the first candidate that names a country, else the first that names an
    actor at all, else the direct candidate's text ("imposed a curfew in X": the place, not the curfew)."""
    if first is not None and _munition(first):
        # "fired tear gas at the crowd": the one fired at stands first
        first, alternatives = (alternatives[0], alternatives[1:]) if alternatives else (None, ())
    fallback: tuple[Actor | None, str | None] = (None, None)
    fallback_token: Token | None = None
    own: range = range(0)
    for i, token in enumerate((first, *alternatives)):
        if token is None or _measure(token) or token.i in own or _own_side(token) or _munition(token):
            continue
        actor, text = lookup.resolve(token)
        if actor is not None and not actor.country and actor.kind != "people" and _thing(token, lookup):
            # "a local ceasefire": an adjective does not make a thing a party ("an ethnic Albanian man"
            # is one: a member of a people)
            actor = None
        if i == 0 and actor is not None:
            # The resolver read the whole party phrase: its own modifier ("their Kurdish allies" →
            # "Kurdish") adds nothing but a wrong placing.
            own = range(core_span(token)[0], token.i + 1)
        if (
            actor is not None
            and not actor.country
            and actor.sector
            and (lookup.names_party(token) or actor.kind == "people")
        ):
            # "drove the rebels out of X": rebels of X's country; "detained an ethnic Albanian man in
            # X": a people's member, of the country X is in
            actor = placed(actor, token, lookup)
        elif actor is None and i == 0 and token.pos_ == "PROPN" and token.ent_type_ == "PERSON":
            actor = placed(actor, token, lookup)  # "arrested Ana Ruiz in X": a person, not the place
        if actor is not None and actor.country:
            actor = _where_only(actor, token)
            if i == 0 and alternatives and lookup.borrowed(token):
                # "signed a peace accord with X in Y": a thing placed by its complement is the last
                # resort; a party named with the act comes first
                fallback, fallback_token = (actor, text), token
                continue
            return actor, text
        if i == 0 or (fallback[0] is None and actor is not None):
            fallback, fallback_token = (actor, text), token
    actor = fallback[0]
    if actor is not None and fallback_token is not None and not actor.country and actor.sector:
        # no candidate names a country: a party of a sector ("a navy base", "30 gang members") is of
        # the country its sentence or document places it in
        fallback = (placed(actor, fallback_token, lookup), fallback[1])
    return fallback


# Prepositions that say only where an act happens ("rallied in X", "met near X"), never whom it is aimed at.
_WHERE = frozenset({"in", "inside", "near", "within", "throughout", "across", "outside", "around"})


def _where_only(actor: Actor, token: Token) -> Actor:
    """Return the actor of a bare place name written as where the act happens ("rallied in Nairobi",
    "met in Geneva") as its country alone: a capital there is not its government, a town not its people
    (as CAMEO codes a location recipient); a place acted on ("shelled Sarajevo") keeps its reading."""
    if (
        actor.kind != "state"
        or actor.name is not None
        or actor.sector is None
        or token.ent_type_ not in {"GPE", "LOC"}
        or token.dep_ != "pobj"
        or token.head.lower_ not in _WHERE
    ):
        return actor
    return replace(actor, sector=None)


# Possessive pronouns that point back at the actor: "withdrew its troops from X" acts on X, not on them.
_OWN = frozenset({"its", "their", "our", "his", "her", "my"})
# An actor's own forces: what it moves or sends, never the other party ("their hostages", "his
# counterpart", "its rebels" may well be another's).
_FORCES = frozenset(
    {
        "troop",
        "force",
        "soldier",
        "peacekeeper",
        "army",
        "military",
        "unit",
        "personnel",
        "navy",
        "warship",
        "jet",
        "aircraft",
        "contingent",
        "battalion",
        "brigade",
    }
)


def _own_side(token: Token) -> bool:
    """Return True for the actor's own forces ("its peacekeepers", "their troops"), which are never the
    other party of its act."""
    return token.lemma_.lower() in _FORCES and any(
        c.dep_ == "poss" and c.lower_ in _OWN for c in token.children
    )


# Units of distance and size: "bombed 15 km away from the convoy" is how far, not whom.
_UNITS = frozenset(
    {
        "km",
        "kms",
        "kilometre",
        "kilometres",
        "kilometer",
        "kilometers",
        "mile",
        "miles",
        "metre",
        "metres",
        "meter",
        "meters",
        "yard",
        "yards",
        "hectare",
        "hectares",
    }
)


def _measure(token: Token) -> bool:
    """Return True when a phrase is a measure (a distance, a sum, a share), never a party."""
    return token.ent_type_ in {"QUANTITY", "PERCENT", "MONEY"} or token.lower_ in _UNITS


# Verbs whose object is what is fired, not whom it hits.
_FIRING = frozenset({"fire", "use", "lob", "throw", "hurl", "launch", "shoot", "spray"})


def _munition(token: Token) -> bool:
    """Return True for what is fired or thrown ("fired tear gas", "lobbed grenades"): never the one hit."""
    return (
        token.pos_ == "NOUN"
        and token.lemma_.lower() in MUNITIONS
        and token.dep_ == "dobj"
        and token.head.lemma_.lower() in _FIRING
    )


def _thing(token: Token, lookup: ActorLookup) -> bool:
    """Return True when a phrase names a thing: a common noun that names no party, with no noun or
    name before it that could ("a local truce", but not "an army accountant")."""
    if token.pos_ != "NOUN" or token.ent_type_ or lookup.names_party(token):
        return False
    return not any(
        c.dep_ in {"compound", "poss", "nmod"} and (c.pos_ in {"NOUN", "PROPN", "PRON"} or c.ent_type_)
        for c in token.lefts
    )
