"""Actor and recipient tokens of a trigger, read from the dependency parse."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from spacy.tokens import Token

from flashpoint.events.docindex import children, sentence, subtree
from flashpoint.records import Actor

__all__ = [
    "EFFORT_NOUNS",
    "OBJECT_CONTROL",
    "PRONOUNS",
    "ArgumentFinder",
    "Arguments",
    "Resolver",
    "core_span",
    "in_state",
    "instrument_owner",
    "stance_object",
]

_SUBJECT = frozenset({"nsubj"})
_PASSIVE_SUBJECT = frozenset({"nsubjpass", "csubjpass"})
_CLIMB_FOR_SUBJECT = frozenset({"xcomp", "conj", "advcl", "pcomp", "acomp"})
_OBJECT = ("dobj", "dative", "obj", "attr", "oprd")
_RECIPIENT_PREPS = ("against", "on", "upon", "to", "with", "at", "from", "into", "toward", "towards", "over")
_NOUN_RECIPIENT_PREPS = ("against", "on", "upon", "of", "with", "into", "toward", "towards", "to")
_WHEN = frozenset({"DATE", "TIME"})
# A lasting act its clause's subject is in, and the side the subject takes in it: "dockers are on strike",
# "the envoy is on a visit to X" (the subject acts); "the town is under siege" (the subject suffers it).
# Only these nouns: "the focus is on talks", "the minister is under fire" put no one in an act.
_STATES = {
    "on": ("actor", frozenset({"strike", "visit", "tour"})),
    "under": ("recipient", frozenset({"siege", "blockade", "attack", "bombardment", "shelling", "arrest"})),
}
_STATE_VERBS = frozenset({"be", "remain", "stay"})
_PERSONAL = frozenset({"he", "she"})
_NOT_PERSONS = frozenset({"GPE", "LOC", "ORG", "NORP", "FAC"})
# Prepositions that place an act: with no party named, CAMEO codes the place as the recipient.
_PLACE_PREPS = ("in", "inside", "near", "across", "throughout", "within", "into", "on")
_CORE_LEFT = frozenset({"compound", "amod", "poss", "nmod", "nummod", "npadvmod", "quantmod", "det", "case"})
# Nouns of effort whose infinitive belongs to the clause's subject: "crossed in a push to drive …".
EFFORT_NOUNS = frozenset({"push", "effort", "bid", "attempt", "campaign", "move", "drive", "order", "plan"})
# Pronouns that name no party by themselves ("they fired"): the coder and the parties never code them.
PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i", "them", "its", "their", "his", "her"})
_PRONOUNS = PRONOUNS | {"our"}  # finding arguments also passes over "our"
# In direct speech only these point at the speaker: "'we fired', the colonel said" (but not "'they fired'").
_FIRST_PERSON = frozenset({"i", "we", "my", "our", "me", "us"})
_QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d", "``", "''"})
# Nouns that stand for a statement or a proposal: the real party is whoever owns the proposal.
_PROPOSAL_NOUNS = frozenset(
    {
        "demand",
        "call",
        "appeal",
        "offer",
        "request",
        "proposal",
        "plan",
        "invitation",
        "ultimatum",
        "statement",
        "resolution",
        "motion",
        "bill",
        "initiative",
        "draft",
        "overture",
    }
)


# Verbs that seal or broker an agreement: its parties, not the accord or the venue, are the recipient.
SEALING_VERBS = frozenset({"sign", "ratify", "initial", "broker", "mediate"})


# Verbs whose object does what their infinitive says ("urged Syria to withdraw", "sent troops to
# guard X", "forced villagers to flee"); after any other verb the subject does it ("summoned the envoy
# to protest", "used tear gas to disperse the crowd", "promised voters to cut taxes").
OBJECT_CONTROL = frozenset(
    {
        "ask",
        "urge",
        "press",
        "pressure",
        "pressurise",
        "pressurize",
        "push",
        "force",
        "compel",
        "oblige",
        "order",
        "command",
        "instruct",
        "direct",
        "tell",
        "warn",
        "advise",
        "request",
        "require",
        "persuade",
        "convince",
        "induce",
        "encourage",
        "exhort",
        "implore",
        "beg",
        "invite",
        "challenge",
        "dare",
        "allow",
        "permit",
        "authorise",
        "authorize",
        "empower",
        "enable",
        "help",
        "assist",
        "forbid",
        "send",
        "deploy",
        "dispatch",
        "mobilise",
        "mobilize",
        "recruit",
        "train",
        "hire",
        "pay",
        "arm",
        "want",
        "expect",
        "need",
        "get",
        "cause",
        "lead",
        "prompt",
        "drive",
        "incite",
        "provoke",
        "inspire",
        "appoint",
        "elect",
        "remind",
        "let",
        "make",
    }
)


# Verbs of taking part in an act named by a noun ("joined in the protest", "converged for a rally").
_JOINING = frozenset(
    {
        "take",
        "participate",
        "join",
        "gather",
        "converge",
        "assemble",
        "engage",
        "march",
        "turn",
        "come",
        "flock",
    }
)


# Verbs that act on an act named by their object, stopping it: their subject did not do it ("police
# dispersed the march", "troops broke up the rally", "the army quelled the riot").
_STOPPING = frozenset(
    {"disperse", "break", "ban", "stop", "prevent", "block", "halt", "suppress", "crush", "quell", "storm",
     "disrupt", "thwart", "foil", "repel", "repulse", "forbid", "outlaw", "prohibit"}
)  # fmt: skip


# Verbs whose passive agent performed the act named by their subject ("the raid was carried out by X").
_PERFORMING = frozenset(
    {
        "claim",
        "carry",
        "conduct",
        "launch",
        "stage",
        "organise",
        "organize",
        "perpetrate",
        "commit",
        "mount",
        "lead",
    }
)


# Verbs that take a stance on, suffer or stop an act named by their object: "condemned the bombing",
# "survived an attack", "repelled an offensive" — their subject did not do it.
_STANCE_VERBS = frozenset(
    {
        "condemn",
        "denounce",
        "deplore",
        "decry",
        "criticise",
        "criticize",
        "slam",
        "welcome",
        "praise",
        "hail",
        "applaud",
        "mourn",
        "regret",
        "protest",
        "oppose",
        "blame",
        "investigate",
        "probe",
        "survive",
        "witness",
        "fear",
        "repel",
        "repulse",
        "foil",
        "thwart",
        "resist",
    }
)


# Verbs that hold their object to account for an act: "arrested X for burning …" — X burned it.
_JUDGING = frozenset(
    {
        "accuse",
        "blame",
        "charge",
        "suspect",
        "convict",
        "sentence",
        "indict",
        "try",
        "prosecute",
        "sue",
        "fine",
        "punish",
        "arrest",
        "detain",
        "jail",
        "imprison",
        "execute",
        "hang",
        "condemn",
        "criticise",
        "criticize",
        "denounce",
        "fault",
        "praise",
        "thank",
        "commend",
        "reward",
    }
)


# Verbs of sending people out of a country: with no agent, "from X" names who did it.
_REMOVING = frozenset({"expel", "deport", "evict", "extradite", "banish", "repatriate", "exile"})


# Verbs whose subject suffers the act: "a prisoner died in police custody" names the victim first.
_SUFFERING = frozenset({"die", "perish"})
# Common names of parties that, as a compound before an act, say who did it: "army shelling".
_PARTY_MODIFIERS = frozenset(
    {
        "army",
        "military",
        "regime",
        "government",
        "rebel",
        "militia",
        "police",
        "insurgent",
        "militant",
        "coalition",
        "opposition",
        "troop",
        "jihadist",
        "guerrilla",
        "junta",
    }
)
# Nouns that gather acts of one kind into a series: "a wave of strikes", "a spate of raids".
_SERIES_NOUNS = frozenset(
    {"wave", "series", "spate", "string", "round", "barrage", "volley", "salvo", "flurry", "hail", "campaign"}
)
# Nouns whose owner did it to the victim: "in police custody", "at the hands of X", "under army fire".
_HANDS = frozenset({"custody", "detention", "hands", "fire", "gunfire", "shelling", "bombardment"})


def _perpetrator(trigger: Token) -> Token | None:
    """Return who caused a death told from the victim's side ("died in Israeli police custody", "at the
    hands of the militia", "under army fire"), or None."""
    subject = {t.i for c in trigger.children if c.dep_ in _SUBJECT for t in c.subtree}
    for token in trigger.subtree:
        if token.i in subject or token.dep_ != "pobj" or token.lemma_.lower() not in _HANDS:
            continue
        owner = _prep_object(token, ("of",))
        if owner is not None:
            return owner  # "at the hands of X", "in the custody of X"
        if any(c.dep_ in {"amod", "compound", "poss", "nmod"} for c in token.lefts):
            return token  # "in Israeli police custody": the phrase names its keeper
    return None


class Resolver(Protocol):
    def resolve(
        self, text: str, *, date: dt.date | None = None, context: str | None = None, cased: bool | None = None
    ) -> Actor | None: ...


@dataclass(frozen=True, slots=True)
class Arguments:
    """Actor and recipient tokens (heads of their phrases) found for one trigger."""

    actor: Token | None
    recipient: Token | None
    co_actors: tuple[Any, ...] = ()
    # Other phrases that may name the recipient when `recipient` names a thing ("sent arms to X").
    recipient_alternatives: tuple[Any, ...] = ()


def stance_object(token: Token) -> bool:
    """Return True for an act named as the object of a verb that condemns, suffers or stops it
    ("condemned the bombing", "survived an attack"): told as a happening, but not its subject's act."""
    return (
        token.dep_ in {"dobj", "nsubjpass"}
        and token.head.pos_ == "VERB"
        and token.head.lemma_.lower() in _STANCE_VERBS
    )


def _name_tail(token: Token) -> bool:
    """Return True for the part of a hyphenated name after its hyphen ("in" of "Jae-in")."""
    if token.i < 2:
        return False
    dash, name = token.doc[token.i - 1], token.doc[token.i - 2]
    return dash.text == "-" and not dash.whitespace_ and not name.whitespace_ and name.pos_ == "PROPN"


def core_span(token: Token) -> tuple[int, int]:
    """Return (first, last) token indices of a noun phrase's core: its head and the modifiers on its left."""
    first = token.i
    stack = [token]
    while stack:
        node = stack.pop()
        for child in node.lefts:
            if child.dep_ in _CORE_LEFT or (child.dep_ == "punct" and child.text == "-"):
                first = min(first, child.left_edge.i if child.dep_ != "det" else child.i)
                stack.append(child)
    last = token.i
    for child in token.rights:
        # "Government of Syria", "army of Turkey": the country sits in a right-hand of-phrase.
        if child.dep_ == "prep" and child.lemma_ == "of" and child.i == last + 1:
            last = child.right_edge.i
        elif child.dep_ in {"compound", "flat", "nummod"} and child.i == last + 1:
            last = child.i
    return first, last


def instrument_owner(token: Token) -> Token | None:
    """Return whose weapon an instrument subject is ("a Turkish drone strike", "Hamas rockets",
    "the army's shells" → the owner's token), or None for a bare instrument ("two strikes")."""
    owner = _child(token, ("poss",))
    if owner is not None and owner.lower_ not in _PRONOUNS:
        return owner
    for child in token.lefts:
        if child.dep_ in {"amod", "compound", "nmod"} and (
            child.ent_type_ in {"NORP", "GPE", "ORG"}
            # "Mortar rounds landed …": a capital that only starts the sentence names no one
            or (child.pos_ == "PROPN" and (bool(child.ent_type_) or not child.is_sent_start))
        ):
            return child
    return None


def _gerund_subject(token: Token) -> bool:
    """Return True for an -ing form that is a clause's subject ("fighting between A and B killed 40"):
    an act named like a noun."""
    return token.tag_ == "VBG" and token.dep_ in {"nsubj", "nsubjpass"}


def _child(token: Token, deps: frozenset[str] | tuple[str, ...]) -> Token | None:
    for child in children(token):
        if child.dep_ in deps:
            return child
    return None


def in_state(trigger: Token) -> str | None:
    """Return "actor" or "recipient": the side the subject of "be on strike", "be under siege" takes in
    the act noun `trigger`; None for any other noun."""
    preposition = trigger.head
    if trigger.dep_ != "pobj" or preposition.dep_ != "prep" or preposition.lower_ not in _STATES:
        return None
    side, nouns = _STATES[preposition.lower_]
    verb = preposition.head
    if trigger.lemma_.lower() not in nouns or verb.lemma_.lower() not in _STATE_VERBS:
        return None
    return side if _child(verb, _SUBJECT) is not None else None


def _prep_object(token: Token, preps: tuple[str, ...]) -> Token | None:
    for child in children(token):
        if child.dep_ in {"prep", "dative"} and child.lemma_.lower() in preps:
            pobj = _child(child, ("pobj",))
            if pobj is not None and pobj.ent_type_ in _WHEN:
                continue  # "on Monday": a date, not a target
            if pobj is not None:
                return pobj
            # "out of Afrin": a nested preposition
            inner = _child(child, ("prep",))
            if inner is not None:
                return _child(inner, ("pobj",))
            stranded = _stranded(child)
            if stranded is not None:
                return stranded
        if child.dep_ == "agent":
            continue
    return None


def _stranded(prep: Token) -> Token | None:
    """Return the object of a preposition the parser left without one, having made it the subject of
    the reduced clause after it ("opened fire on students marching to X": "students"), or None."""
    if any(c.dep_ in {"pobj", "prep"} for c in children(prep)):
        return None
    for token in prep.doc[prep.i + 1 : min(prep.i + 8, len(prep.doc))]:
        if (
            token.dep_ in _SUBJECT
            and token.left_edge.i == prep.i + 1
            and token.pos_ in {"NOUN", "PROPN"}
            and token.head.tag_ in {"VBG", "VBN", "VBD"}
            and token.head.i > token.i
        ):
            return token
    return None


def _charged(prep: Token) -> Token | None:
    """Return the one a verb of judging holds to account for an act ("convicted X of taking part in
    …", "arrested X for burning …", "praised X for helping …": X did it), given the act's "of"/"for"/
    "with" preposition, or None."""
    if prep.lower_ not in {"of", "for", "with"}:
        return None
    governor = prep.head
    if governor.pos_ in {"NOUN", "PROPN"} and governor.dep_ == "dobj":
        # "convicted [20 members [of taking part …]]": the preposition hangs on the object
        return governor if governor.head.lemma_.lower() in _JUDGING else None
    if governor.pos_ == "VERB" and governor.lemma_.lower() in _JUDGING:
        obj = _child(governor, ("dobj",))
        if obj is not None and obj.pos_ in {"NOUN", "PROPN"}:
            return obj
    return None


def _shared_agent(verb: Token) -> Token | None:
    """Return the agent that coordinated passive verbs share ("was shot and killed by X": "shot" has X
    too), or None."""
    for conj in verb.children:
        if conj.dep_ == "conj" and conj.pos_ == "VERB" and _child(conj, _PASSIVE_SUBJECT) is None:
            agent = _agent(conj)
            if agent is not None:
                return agent
    return None


def _between(token: Token) -> tuple[Any, ...]:
    """Return the sides of a "between A and B" phrase on a noun (A, then B), or ()."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "between":
            first = _child(child, ("pobj",))
            if first is None:
                return ()
            second = _child(first, ("conj",))
            return (first,) if second is None else (first, second)
    return ()


def _blamed_or_performed(act: Token) -> Token | None:
    """Return who an act's own clause says did it ("an attack blamed on X", "a raid carried out by X"),
    or None."""
    for clause in act.children:
        if clause.dep_ != "acl" or clause.pos_ != "VERB":
            continue
        if clause.lemma_.lower() == "blame":
            return _prep_object(clause, ("on", "upon"))
        if clause.lemma_.lower() in _PERFORMING:
            return _agent(clause)
    return None


def _agent(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lemma_.lower() == "by"):
            return _child(child, ("pobj",))
    return None


class ArgumentFinder:
    """Finds the actor and recipient of verbal and nominal triggers."""

    def __init__(self, reporting: frozenset[str], *, is_event: Callable[[Any], bool] | None = None) -> None:
        self.reporting = reporting
        self.is_event = is_event or (lambda token: False)

    def find(self, trigger: Token) -> Arguments:
        """Return the arguments of a trigger token (a verb or an event noun)."""
        if trigger.pos_ in {"NOUN", "PROPN"} or _gerund_subject(trigger):
            return self._nominal(trigger)
        return self._verbal(trigger)

    def _verbal(self, trigger: Token) -> Arguments:
        actor: Token | None = None
        recipient: Token | None = None
        passive = _child(trigger, _PASSIVE_SUBJECT)
        if passive is None and trigger.lemma_.lower() in _SUFFERING:
            # "a prisoner died in police custody": the subject is the victim; the keeper did it
            victim = self._subject(trigger)
            actor = _perpetrator(trigger)
            return Arguments(actor, victim, (), _alternatives(trigger, victim, actor, self.is_event))
        if passive is not None:
            recipient = passive
            actor = _agent(trigger) or _shared_agent(trigger)
            if actor is None and trigger.lemma_.lower() in _REMOVING:
                # "two diplomats were expelled from X": the state they are sent out of sends them
                actor = _prep_object(trigger, ("from",))
        else:
            actor = self._subject(trigger)
        if actor is not None and (actor.pos_ == "NOUN" or _gerund_subject(actor)) and self.is_event(actor):
            # "fighting between the army and rebels killed 40", "the offensive by X killed …": the act
            # that did it names who did it outside its own phrase (an act naming no one stays, for the
            # coder's instruments; "an Israeli army convoy" is read whole)
            act = self._nominal(actor)
            first, last = core_span(actor)
            if act.actor is not None and not first <= act.actor.i <= last:
                return Arguments(
                    act.actor,
                    self._verbal_recipient(trigger) if recipient is None else recipient,
                    _conjuncts(act.actor),
                    _alternatives(trigger, recipient, act.actor, self.is_event),
                )
        if actor is not None and actor.lower_ in _PRONOUNS:
            actor = self._antecedent(actor) or actor
        if recipient is None and trigger.lemma_.lower() in SEALING_VERBS:
            sealed = self._sealed(trigger)
            if sealed is not None:
                return Arguments(actor, sealed[0] if sealed else None, _conjuncts(actor), sealed[1:])
        if recipient is None:
            recipient = self._verbal_recipient(trigger)
        return Arguments(
            actor, recipient, _conjuncts(actor), _alternatives(trigger, recipient, actor, self.is_event)
        )

    def _sealed(self, trigger: Token) -> tuple[Any, ...] | None:
        """Return the parties to an agreement signed or brokered ("signed a treaty with X", "brokered a
        truce between X and Y"), () when it names none, or None when the object is no agreement.

        The accord, the talks, the ceremony and the city are no recipient of the signing.
        """
        obj = _child(trigger, _OBJECT)
        if obj is not None and not self.is_event(obj) and not _between(obj):
            return None
        found = [*_between(trigger), *_pobjs(trigger, ("with",))]
        if obj is not None:
            found.extend((*_between(obj), *_pobjs(obj, ("with",))))
        return tuple(found)

    def _subject(self, token: Token, depth: int = 0) -> Token | None:
        subjects = [c for c in token.children if c.dep_ in _SUBJECT]
        if len(subjects) > 1:
            # "Moon Jae-in urged …": the parser split the name at its hyphen into two subjects
            subjects = [c for c in subjects if not _name_tail(c)] or subjects
        if subjects:
            # With two subjects (a misparse of a long sentence) the one nearest the verb is its own.
            before = [c for c in subjects if c.i < token.i]
            return before[-1] if before else subjects[0]
        head = token.head
        if (
            token.dep_ == "csubj"
            and head.lemma_ == "be"
            and head.dep_ == "ccomp"
            and head.head.lemma_ in self.reporting
        ):
            # "X said withdrawing is not an option": the act is the speaker's side's.
            return _child(head.head, _SUBJECT)
        if depth < 4 and token.dep_ in _CLIMB_FOR_SUBJECT and token.head != token:
            head = token.head
            if token.dep_ == "xcomp" and head.lemma_.lower() in OBJECT_CONTROL:
                # Object control: "urged Syria to withdraw" — Syria withdraws (but "summoned the envoy
                # to protest", "used tear gas to disperse them": the subject does).
                obj = _child(head, ("dobj",))
                if obj is not None and head.lemma_.lower() not in self.reporting:
                    return obj
            if token.dep_ == "xcomp" and _child(head, _SUBJECT) is None:
                # "the ministers are set to meet", "X was ordered to withdraw": the passive's subject
                passive = _child(head, ("nsubjpass",))
                if passive is not None:
                    return passive
            if token.dep_ == "pcomp" and head.head != head:
                charged = _charged(head)
                if charged is not None:
                    return charged
                return self._subject(head.head, depth + 1)
            return self._subject(head, depth + 1)
        if token.pos_ == "NOUN" and token.dep_ in {"dobj", "attr"} and depth < 4:
            # "has no intention of backing down": the noun's verb carries the subject.
            return self._subject(token.head, depth + 1)
        if token.dep_ in {"relcl", "acl"} and token.head.pos_ in {"NOUN", "PROPN", "PRON"}:
            noun = token.head
            if noun.lemma_.lower() in EFFORT_NOUNS and depth < 4:
                owner = _child(noun, ("poss",))
                if owner is not None:
                    return owner
                verb = noun.head.head if noun.dep_ == "pobj" else noun.head
                if verb.pos_ in {"VERB", "AUX"}:
                    return self._subject(verb, depth + 1)
                return None
            return noun
        return None

    def _verbal_recipient(self, trigger: Token) -> Token | None:
        obj = _child(trigger, _OBJECT)
        if obj is not None and obj.lemma_.lower() == "fire":
            # "set fire to two schools", "opened fire on the crowd": the fire is the act, not its target
            obj = _prep_object(trigger, ("to", "on", "at", "upon")) or obj
        if obj is not None and obj.pos_ in {"NOUN", "PROPN", "PRON"}:
            if obj.lemma_.lower() in _PROPOSAL_NOUNS:
                owner = self._owner(obj)
                if owner is not None:
                    return owner
            return obj
        clause = _child(trigger, ("ccomp", "xcomp"))
        if clause is not None:
            inner = _child(clause, _SUBJECT) or _child(clause, _PASSIVE_SUBJECT)
            # "warned that the offensive could target X": the target, not the event noun, is the recipient.
            if inner is not None and self.is_event(inner):
                inner = _child(clause, ("dobj",)) or _prep_object(clause, _RECIPIENT_PREPS)
            if (
                inner is None
                and clause.lemma_.lower() in OBJECT_CONTROL
                and _child(clause, ("dobj",)) is None
            ):
                # "refused to allow UN planes to land": the parser makes the one allowed the subject
                # of the inner clause
                deeper = _child(clause, ("ccomp",))
                inner = _child(deeper, _SUBJECT) if deeper is not None else None
                if inner is not None and inner.pos_ not in {"NOUN", "PROPN"}:
                    inner = None
            if inner is not None:
                return inner
        found = _prep_object(trigger, _RECIPIENT_PREPS)
        if found is not None:
            return found
        if clause is not None:
            inner_obj = _child(clause, ("dobj",))
            if inner_obj is not None and inner_obj.pos_ in {"NOUN", "PROPN"}:
                return inner_obj
        return None

    def _owner(self, noun: Token) -> Token | None:
        owner = _child(noun, ("poss",))
        if owner is not None:
            return owner
        by = _prep_object(noun, ("by", "from", "of"))
        if by is not None:
            return by
        for child in noun.lefts:
            if child.dep_ in {"compound", "amod"} and (child.ent_type_ or child.pos_ == "PROPN"):
                return child
        return None

    def _nominal(self, trigger: Token) -> Arguments:
        actor = _child(trigger, ("poss",))
        if actor is not None and actor.ent_type_ in _WHEN:
            actor = None  # "Friday's bombing": when it was, not who did it
        actor = actor or _agent(trigger)
        if actor is None:
            for child in trigger.lefts:
                if child.dep_ in {"amod", "compound", "nmod"} and (
                    child.ent_type_ in {"NORP", "GPE", "ORG", "PERSON"}
                    or child.pos_ == "PROPN"
                    # "regime bombardment", "a police raid": a party's common name as the act's modifier
                    or (child.dep_ == "compound" and child.lemma_.lower() in _PARTY_MODIFIERS)
                ):
                    actor = child
                    break
        if (
            actor is None
            and trigger.dep_ == "pobj"
            and trigger.head.lower_ == "of"
            and trigger.head.head.lemma_.lower() in _SERIES_NOUNS
        ):
            # "a wave of airstrikes by X": the series' own agent or owner did each act of it
            series = trigger.head.head
            actor = _child(series, ("poss",)) or _agent(series)
        if actor is None and trigger.dep_ == "nsubjpass" and trigger.head.lemma_.lower() in _PERFORMING:
            # "the attack was claimed by X", "the raid was carried out by X": the agent did it
            actor = _agent(trigger.head)
        if actor is None:
            actor = _blamed_or_performed(trigger)
        sides = _between(trigger)
        if (
            actor is None
            and not sides  # "the region has seen fighting between A and B": the sides fought
            and trigger.dep_ in {"dobj", "nsubjpass"}
            and trigger.head.pos_ == "VERB"
            and trigger.head.lemma_.lower() not in _STOPPING
            and not stance_object(trigger)
        ):
            # A light verb carries the actor: "staged rallies", "launched an offensive".
            actor = self._subject(trigger.head)
        if actor is None and trigger.dep_ == "pobj" and trigger.head.lower_ in {"in", "for", "into"}:
            # Taking part carries it too: "took part in a protest", "gathered for a rally".
            verb = trigger.head.head
            if verb.pos_ == "VERB" and verb.lemma_.lower() in _JOINING:
                actor = self._subject(verb)
        state = in_state(trigger)
        if actor is None and state == "actor":
            actor = self._subject(trigger.head.head)  # "dockers are on strike"
        recipient = _stated_subject(trigger) or _prep_object(trigger, _NOUN_RECIPIENT_PREPS)
        if recipient is None and state == "recipient":
            recipient = self._subject(trigger.head.head)  # "the town has been under siege"
        if actor is None and sides:
            # "clashes between the army and rebels": the first side acts, the second is its counterpart.
            actor, recipient = sides[0], (sides[1] if len(sides) > 1 else recipient)
        if recipient is not None and recipient.i == getattr(actor, "i", None):
            recipient = None
        if actor is not None and actor.lower_ in _PRONOUNS:
            actor = self._antecedent(actor) or actor
        return Arguments(
            actor, recipient, _conjuncts(actor), _alternatives(trigger, recipient, actor, self.is_event)
        )

    def owner(self, token: Token) -> Token | None:
        """Return the antecedent of a possessive pronoun on a phrase ("its troops" → the clause's
        speaker or subject), or None."""
        for child in token.children:
            if child.dep_ == "poss" and child.lower_ in _PRONOUNS:
                return self._antecedent(child)
        return None

    def _antecedent(self, pronoun: Token) -> Token | None:
        quoted = _quotation(pronoun)
        if quoted is not None:
            return self._quoted_antecedent(pronoun, quoted)
        # A pronoun inside reported speech most often points back at the speaker: "Iraq said it would".
        node = pronoun.head
        for _ in range(6):
            if node.lemma_.lower() in self.reporting:
                # "…, saying his forces would": a participle speaks for the subject of its clause.
                subject = self._subject(node)
                if subject is not None and subject.lower_ not in _PRONOUNS:
                    return subject
            if node.head == node:
                break
            node = node.head
        # A subject pronoun of a later clause points at the nearest earlier subject of its sentence:
        # "the rebels rejected the plan and said they opposed …", "the minister said … as he left".
        if pronoun.dep_ in _SUBJECT:
            earlier = [
                t
                for t in sentence(pronoun)
                if t.i < pronoun.i
                and t.dep_ in _SUBJECT
                and t.lower_ not in _PRONOUNS
                and t.pos_ != "PRON"
                # "he", "she" name a person, not a country or an organisation
                and not (pronoun.lower_ in _PERSONAL and t.ent_type_ in _NOT_PERSONS)
            ]
            if earlier:
                return earlier[-1]
        # A possessive points at the subject of its clause: "X continued their hunger strike".
        if pronoun.dep_ == "poss":
            node = pronoun.head
            for _ in range(4):
                if node.pos_ in {"VERB", "AUX"}:
                    subject = _child(node, _SUBJECT)
                    if (
                        subject is not None
                        and subject.lower_ not in _PRONOUNS
                        and pronoun not in subject.subtree  # "his forces" do not own themselves
                    ):
                        return subject
                if node.head == node:
                    break
                node = node.head
        return None

    def _quoted_antecedent(self, pronoun: Token, quoted: tuple[int, int]) -> Token | None:
        # Direct speech: "we" is the speaker; "they", "it", "he" are someone else, named inside the
        # quotation or not at all (the speaker of a quote is its claimant, not its actor).
        if pronoun.lower_ in _FIRST_PERSON:
            for token in sentence(pronoun):
                if (quoted[0] <= token.i < quoted[1]) or token.lemma_.lower() not in self.reporting:
                    continue
                subject = _child(token, _SUBJECT)
                if subject is not None and subject.lower_ not in _PRONOUNS:
                    return subject
            return None
        earlier = [
            t
            for t in pronoun.doc[quoted[0] : pronoun.i]
            if t.dep_ in _SUBJECT and t.pos_ != "PRON" and t.lower_ not in _PRONOUNS
        ]
        return earlier[-1] if earlier else None


def _quotation(token: Token) -> tuple[int, int] | None:
    """Return the (first, end) token indices of the direct quotation holding `token` in its sentence or
    the one before, or None when it is not quoted."""
    sent = sentence(token)
    start = sent.start
    if start > 0:
        start = sentence(token.doc[start - 1]).start
    marks = [t.i for t in token.doc[start : sent.end] if t.text in _QUOTE_MARKS]
    opened: int | None = None
    for i in marks:
        text = token.doc[i].text
        if opened is None and text not in {"\u201d", "''"}:
            opened = i
        elif opened is not None and text not in {"\u201c", "``"}:
            if opened < token.i < i:
                return opened + 1, i
            opened = None
    if opened is not None and opened < token.i:
        return opened + 1, sent.end
    return None


def _stated_subject(noun: Token) -> Token | None:
    """Return the subject of a that-clause stating a noun's content, whether the parser hung it on the
    noun or on its verb ("repeated its demand today that X ease …" → X), or None."""
    holders = [noun] + ([noun.head] if noun.dep_ == "dobj" else [])
    for holder in holders:
        for clause in holder.children:
            if clause.dep_ in {"ccomp", "acl"} and any(
                c.dep_ == "mark" and c.lower_ == "that" for c in clause.children
            ):
                subject = _child(clause, _SUBJECT)
                if subject is not None and subject.lower_ not in _PRONOUNS:
                    return subject
    return None


def _pobjs(token: Token, preps: tuple[str, ...]) -> list[Any]:
    found = []
    for child in children(token):
        if child.dep_ in {"prep", "dative"} and child.lower_ in preps:
            objects = [pobj for pobj in children(child) if pobj.dep_ == "pobj"]
            stranded = None if objects else _stranded(child)
            found.extend(objects if stranded is None else [stranded])
    return found


def _alternatives(
    trigger: Token, recipient: Token | None, actor: Token | None, is_event: Callable[[Any], bool]
) -> tuple[Any, ...]:
    """Return further recipient candidates, nearest first: the trigger's prepositional objects, those of
    its complement clause, the owner or target of a thing-object ("a Senegalese plan", "blockade on X",
    "shared evidence with X"), and last the places the act happens in ("imposed a curfew in X")."""
    found: list[Any] = list(_pobjs(trigger, _RECIPIENT_PREPS))
    for clause in children(trigger):
        if clause.dep_ in {"xcomp", "ccomp"}:
            found.extend(c for c in children(clause) if c.dep_ in {"dobj", "dative"})
            found.extend(_pobjs(clause, _RECIPIENT_PREPS))
    if recipient is not None:
        for child in children(recipient):
            if child.dep_ == "poss" or (
                child.dep_ in {"amod", "compound"} and child.ent_type_ in {"NORP", "GPE"}
            ):
                found.append(child)
        found.extend(_pobjs(recipient, ("on", "of", "to", "against", "from", "by", "for", "with")))
    found.extend(_reach(trigger, actor))
    found.extend(_places(trigger, actor, is_event))
    skip = {getattr(recipient, "i", -1), getattr(actor, "i", -1)}
    unique: dict[int, Any] = {}
    for token in found:
        if token.i not in skip and token.ent_type_ not in _WHEN and token.lower_ not in _PRONOUNS:
            unique.setdefault(token.i, token)
    return tuple(unique.values())


# Edges from an act to what it is about: objects, purpose and complement clauses, owners and agents
# ("a hunger strike to protest X's failure", "demanded the resignation of X", "property seized by X").
_REACH_DEPS = frozenset({"dobj", "pobj", "xcomp", "ccomp", "advcl", "acl", "poss", "agent", "pcomp"})
_REACH_PREPS = frozenset({"of", "by", "against", "for", "from", "to", "with", "on", "at"})


def _reach(trigger: Token, actor: Token | None) -> list[Any]:
    """Return the nouns an act is about, breadth first through its objects and purpose clauses."""
    own = set() if actor is None else {t.i for t in subtree(actor)}
    found: list[Any] = []
    frontier = [trigger]
    if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" and trigger.head.pos_ == "VERB":
        frontier.append(trigger.head)  # "began a hunger strike to protest X": the light verb's purpose
    seen = {trigger.i}
    for _ in range(4):
        nxt: list[Any] = []
        for node in frontier:
            for child in children(node):
                if child.i in own or child.i in seen:
                    continue
                if child.dep_ == "prep" and child.lower_ not in _REACH_PREPS:
                    continue
                if child.dep_ == "advcl" and not any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in children(child)
                ):
                    continue  # only a purpose ("to protest X"), not a circumstance ("as police cracked down")
                seen.add(child.i)
                if child.dep_ in _REACH_DEPS or child.dep_ == "prep":
                    nxt.append(child)
                    if child.pos_ in {"NOUN", "PROPN"}:
                        found.append(child)
        frontier = nxt
    return found


def _places(trigger: Token, actor: Token | None, is_event: Callable[[Any], bool]) -> list[Any]:
    """Return the place names where a trigger's act happens: its own locative phrases, those of its
    objects and of their clauses, then any other place name in its phrase outside the actor's."""
    found: list[Any] = []
    frontier = [trigger]
    for _ in range(3):
        nxt: list[Any] = []
        for node in frontier:
            found.extend(p for p in _pobjs(node, _PLACE_PREPS) if p.ent_type_ in {"GPE", "LOC", "FAC"})
            for child in children(node):
                if child.dep_ in {"dobj", "pobj", "prep", "acl", "xcomp", "nsubjpass", "compound", "appos"}:
                    nxt.append(child)
        frontier = nxt
    own = set() if actor is None else {t.i for t in subtree(actor)}
    # A coordinated act of its own is not where this one happens: "will not withdraw … and accuses X"
    # does not withdraw from X (but "set up ties with and opened an embassy in X" shares X).
    for child in children(trigger):
        if child.dep_ == "conj" and child.pos_ in {"VERB", "AUX"} and is_event(child):
            own.update(t.i for t in subtree(child))
    for token in subtree(trigger):
        # One token per name: "East Timor" offers "Timor", not also its compound "East".
        if (
            token.i > trigger.i
            and token.ent_type_ in {"GPE", "LOC"}  # the cheap tests first: most tokens are no place
            and token.i not in own
            and (token.dep_ != "compound" or token.head.ent_type_ != token.ent_type_)
            and not _on_the_way(token)
        ):
            found.append(token)
    return found


# Prepositions of a route: "drove through X", "sailed past X" pass a place, they do not act on it.
_ROUTE_PREPS = frozenset({"through", "past", "via", "along", "around", "by"})


def _on_the_way(token: Token) -> bool:
    """Return True for a place named as a route ("drove through Hebron", "the road along the border")."""
    while token.dep_ in {"compound", "amod"} and token.head != token:
        token = token.head
    if token.dep_ == "pobj" and token.head.lower_ in _ROUTE_PREPS:
        return True
    # "through the town of X": the town is on the way, and so is X
    head = token.head
    return (
        token.dep_ == "pobj"
        and head.lower_ == "of"
        and head.head.dep_ == "pobj"
        and head.head.head.lower_ in _ROUTE_PREPS
    )


def _conjuncts(token: Token | None) -> tuple[Any, ...]:
    if token is None:
        return ()
    return tuple(child for child in token.children if child.dep_ == "conj")
