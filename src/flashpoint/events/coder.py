"""The event coder: PLOVER events, with arguments, modality and claims, from one parsed document."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from flashpoint.errors import FlashpointError
from flashpoint.events.arguments import ArgumentFinder, Resolver
from flashpoint.events.background import is_background
from flashpoint.events.claims import (
    ClaimReader,
    denial_accusers,
    denies_a_claim,
    overall_stance,
    related_stance,
    responsibility_claimer,
)
from flashpoint.events.lexicon import Lexicon, TriggerEntry
from flashpoint.events.lookup import ActorLookup
from flashpoint.events.modality import Modality, cancelled, read_modality, recode, threat_mode
from flashpoint.events.parties import carried, pick_recipient, placed, with_owner
from flashpoint.records import Actor, Document, Event

__all__ = ["EventCoder"]

# Edges through which a trigger is the content of a governing trigger above it.
_CONTENT_DEPS = frozenset(
    {"xcomp", "ccomp", "dobj", "pobj", "pcomp", "acl", "conj", "dative", "attr", "oprd"}
)
# Prepositions that attach circumstances, not content: "as part of the offensive", "after the attack".
_CIRCUMSTANCE_PREPS = frozenset(
    {"as", "in", "during", "after", "before", "despite", "amid", "following", "since", "due", "because"}
)
_MUST = TriggerEntry("REQUEST", None, "must", (), "verb", "say that … must")
_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i", "them", "its", "their", "his", "her"})
# Statements that are always made by someone to someone: without either party the trigger was misread.
_NEEDS_PARTY = frozenset({"REQUEST", "REJECT", "THREATEN", "ACCUSE", "AGREE", "CONSULT", "SUPPORT"})
_SECOND_PERSON = frozenset({"you", "your", "yourself", "yourselves"})
# Words of things, not parties: "if anything will keep pressing" has no actor, it is no event.
_INDEFINITE = frozenset({"anything", "something", "nothing", "everything"})
# Acts two parties do together: with coordinated subjects, the second is the first one's counterpart.
_JOINT = frozenset({"AGREE", "CONSULT", "COOPERATE"})


def _optional(module: str, name: str) -> Callable[..., Any] | None:
    # The ontology crosswalk and ACLED classifier are optional collaborators: absent, the fields stay None.
    try:
        found = getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None
    return found if callable(found) else None


class EventCoder:
    """Codes the events of parsed documents; build once, call `code(doc)` per document."""

    def __init__(self, lexicon: Lexicon, *, resolver: Resolver | None = None) -> None:
        self.lexicon = lexicon
        self.resolver = resolver
        self.arguments = ArgumentFinder(
            frozenset(lexicon.reporting), is_event=lambda token: lexicon.match(token) is not None
        )
        self.crosswalk = _optional("flashpoint.events.ontology", "crosswalk")
        self.classify = _optional("flashpoint.events.acled", "classify")

    def code(self, doc: Document) -> tuple[Event, ...]:
        """Return the events stated in a parsed document (empty when it has no parse)."""
        parsed = doc.parsed
        if parsed is None:
            return ()
        triggers: dict[int, TriggerEntry] = {}
        for token in parsed:
            entry = self.lexicon.match(token)
            if entry is not None:
                triggers[token.i] = entry
        self._must_statements(parsed, triggers)
        if not triggers:
            return ()
        lookup = ActorLookup(
            doc.mentions, self.resolver, doc.published, doc.places, frozenset(self.lexicon.reporting)
        )
        claims = ClaimReader(doc, self.lexicon, lookup)
        sentence_index = {s.start: s.index for s in doc.sentences}
        events: list[Event] = []
        nominal: set[int] = set()  # trigger offsets of noun triggers ("the convoy")
        answering: set[int] = set()  # refusals of a demand made earlier ("rejected the demand")
        for i, entry in triggers.items():
            token = parsed[i]
            if self._reports(token, triggers) or denies_a_claim(token):
                continue
            governor = self._governor(token, triggers)
            related = related_stance(governor, triggers[governor.i].type) if governor is not None else None
            if governor is not None and related is None:
                continue
            if related is None and is_background(token, entry, triggers):
                continue  # an act an accusation charges or a refusal refuses is its content, not background
            event = self._event(doc, token, entry, lookup, claims, sentence_index, triggers)
            if event is not None and governor is not None and event.claims[0].stance != "denied":
                event = self._related(event, token, governor, related, claims)
            if event is not None:
                events.append(event)
                events.extend(self._accusers(event, token, claims))
                if token.pos_ in {"NOUN", "PROPN"}:
                    nominal.add(token.idx)
                if event.type == "REJECT" and _refers_back(token):
                    answering.add(token.idx)
        return _answer_requests(_one_per_sentence(events, frozenset(nominal)), frozenset(answering))

    def _event(
        self,
        doc: Document,
        token: Any,
        entry: TriggerEntry,
        lookup: ActorLookup,
        claims: ClaimReader,
        sentence_index: dict[int, int],
        triggers: dict[int, TriggerEntry],
    ) -> Event | None:
        found = self.arguments.find(token)
        if found.actor is None and entry.pos == "noun":
            # "X claimed responsibility for the bombing": the claimer is the actor of its act
            claimer = responsibility_claimer(token)
            found = replace(found, actor=claimer) if claimer is not None else found
        if found.actor is not None and found.actor.lower_ in _SECOND_PERSON | _INDEFINITE:
            return None  # addressed to the reader, or a misread clause: not events
        # A noun trigger needs its actor (an attack may name only its target): otherwise it is a
        # reference back ("the convoy") or a topic ("talks on independence"), not a report.
        if (
            entry.pos == "noun"
            and found.actor is None
            and (entry.type != "ASSAULT" or found.recipient is None)
            and not cancelled(token)  # "the talks were cancelled": the called-off act, negated
        ):
            return None  # "the convoy", "media inquiries": a reference back, or no event at all
        if found.actor is None and any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children):
            return None  # "as discussed previously": the writer's own discourse
        modality = read_modality(
            token,
            intent=self.lexicon.intent,
            hedge=self.lexicon.hedge,
            reporting=self.lexicon.reporting,
            published=doc.published,
        )
        if self._denied(token):
            modality = replace(modality, negated=True)
        plover, mode, modality = recode(entry.type, entry.mode, modality)
        plover, mode = self._inner_mode(token, plover, mode, triggers)
        actor, actor_text = lookup.resolve(found.actor) if found.actor is not None else (None, None)
        if found.actor is not None:
            owner = self.arguments.owner(found.actor)  # "Borduria said its troops …": Borduria's
            owned = lookup.resolve(owner)[0] if owner is not None else None
            if owned is not None and owned.country:
                actor = with_owner(actor, owned)
        if found.actor is not None and (actor is None or actor.country is None):
            actor = placed(actor, found.actor, lookup)  # "protesters", "rebels": the country they are in
        first, alternatives = found.recipient, found.recipient_alternatives
        if plover == "MOBILIZE":
            # "a convoy of armoured vehicles", "troops with tanks": what moves, not whom it targets
            first = None if first is not None and carried(first) else first
            alternatives = tuple(t for t in alternatives if not carried(t))
        recipient, recipient_text = pick_recipient(first, alternatives, lookup)
        co_actors = tuple(a for a in (lookup.resolve(t)[0] for t in found.co_actors) if a is not None)
        if plover in _JOINT and found.co_actors and (recipient is None or recipient.country is None):
            # "X and Y agreed to a truce": the second party is the recipient, the truce is the content.
            recipient, recipient_text = lookup.resolve(found.co_actors[0])
            if recipient is not None and not recipient.country:
                recipient = placed(recipient, found.co_actors[0], lookup)
            co_actors = tuple(a for a in (lookup.resolve(t)[0] for t in found.co_actors[1:]) if a is not None)
        claim = claims.claim(token, plover=plover, actor_text=actor_text, modality=modality, actor=actor)
        if self._denied(token):
            claim = replace(claim, stance="denied")
        sentence = sentence_index.get(token.sent.start_char, -1)
        return Event(
            type=plover,
            sentence=sentence,
            trigger_start=token.idx,
            trigger_end=token.idx + len(token.text),
            trigger=token.text,
            mode=mode,
            actor=actor,
            actor_text=actor_text,
            recipient=recipient,
            recipient_text=recipient_text,
            negated=modality.negated,
            aux_modes=modality.aux_modes,
            claims=(claim,),
            co_actors=co_actors,
            **self._crosswalks(token, plover, mode, actor, recipient, modality.negated),
        )

    def _related(
        self, event: Event, token: Any, governor: Any, related: str | None, claims: ClaimReader
    ) -> Event:
        # The act an accusation charges is alleged by the accuser; a refused act did not happen.
        modality = read_modality(
            token,
            intent=self.lexicon.intent,
            hedge=self.lexicon.hedge,
            reporting=self.lexicon.reporting,
            published=claims.doc.published,
        )
        if not related:
            return event  # "condemned the attack": the attack as the sentence tells it
        if related == "negated":
            negated = replace(modality, negated=True)
            claim = replace(
                event.claims[0], stance=overall_stance(event.claims[0].stance, event.type, negated)
            )
            aux = ("negation", *(m for m in event.aux_modes if m != "negation"))
            return replace(event, negated=True, aux_modes=aux, claims=(claim,))
        accusation = self.arguments.find(governor)
        if accusation.actor is None:
            return event
        claim = claims.accused(event.claims[0], accusation.actor, modality)
        if accusation.recipient is not None and event.actor_text == claim.claimant:
            # "A accused B of shelling": the parser hands the act A's subject; the accused is B
            actor, actor_text = claims.lookup.resolve(accusation.recipient)
            return replace(event, actor=actor, actor_text=actor_text, claims=(claim,))
        return replace(event, claims=(claim,))

    def _accusers(self, event: Event, token: Any, claims: ClaimReader) -> list[Event]:
        # A denial names whom it answers: the act is listed again, alleged by each accuser.
        if event.claims[0].stance != "denied":
            return []
        found = []
        for accuser in denial_accusers(token):
            claim = claims.accused(event.claims[0], accuser, Modality())
            aux = tuple(m for m in event.aux_modes if m != "negation")
            found.append(replace(event, negated=False, aux_modes=aux, claims=(claim,)))
        return found

    def _crosswalks(
        self,
        token: Any,
        plover: str,
        mode: str | None,
        actor: Actor | None,
        recipient: Actor | None,
        negated: bool,
    ) -> dict[str, Any]:
        fields: dict[str, Any] = {}
        if self.crosswalk is not None:
            try:
                walked = self.crosswalk(plover, mode)
            except FlashpointError:
                walked = self.crosswalk(plover, None)  # a mode the ontology lacks: the type still scores
            fields.update(
                cameo_root=walked.cameo_root, quad_class=walked.quad_class, goldstein=walked.goldstein
            )
        if self.classify is not None:
            event_type, sub_type = self.classify(
                token.sent.text, plover=plover, mode=mode, actor=actor, recipient=recipient, negated=negated
            )
            fields.update(acled_event_type=event_type, acled_sub_event_type=sub_type)
        return fields

    def _must_statements(self, parsed: Any, triggers: dict[int, TriggerEntry]) -> None:
        # "X declared that China must drop its barriers": a statement of obligation is a demand.
        for token in parsed:
            if token.i in triggers or self.lexicon.reporting.get(token.lemma_.lower()) != "asserted":
                continue
            for clause in token.children:
                if clause.dep_ == "ccomp" and any(
                    c.dep_ == "aux" and c.lower_ == "must" for c in clause.children
                ):
                    triggers[token.i] = _MUST

    def _reports(self, token: Any, triggers: dict[int, TriggerEntry]) -> bool:
        # A verb that is both a trigger and a reporting verb ("deny", "allege") reports when its
        # complement holds another trigger; then it is a claim about that event, not an event.
        if not self.lexicon.is_reporting(token) or triggers.get(token.i) is _MUST:
            return False
        # Only a denial takes its event as a plain object: "denied the attack", but "declared a ceasefire".
        denial = self.lexicon.reporting.get(token.lemma_.lower()) == "denied"
        deps = {"ccomp", "xcomp", "pcomp", "dobj"} if denial else {"ccomp", "xcomp", "pcomp"}
        return any(
            t.i in triggers and t.i != token.i
            for child in token.children
            if child.dep_ in deps
            for t in child.subtree
        )

    def _denied(self, token: Any) -> bool:
        node = token
        for _ in range(4):
            if node.head == node:
                return False
            if node.head.lemma_.lower() == "deny" and node.dep_ in {"ccomp", "xcomp", "pcomp", "dobj"}:
                return True
            node = node.head
        return False

    def _governor(self, token: Any, triggers: dict[int, TriggerEntry]) -> Any | None:
        node = token
        for _ in range(8):
            head = node.head
            if head == node:
                return None
            if node.dep_ == "prep":
                if node.lemma_.lower() in _CIRCUMSTANCE_PREPS or node.lower_ == "according":
                    return None
            elif node.dep_ not in _CONTENT_DEPS and not _purpose(node):
                return None
            # A coordinated clause with its own subject, or a new verb of saying, starts a new statement:
            # "X demanded that …, the US refused, and a general said that …".
            if node.dep_ == "conj" and node.pos_ in {"VERB", "AUX"} and _has_subject(node):
                return None
            if node != token and self.lexicon.is_reporting(node) and node.i not in triggers:
                return None
            noun = self._stated_noun(node, head, triggers)
            if noun is not None:
                return noun
            entry = triggers.get(head.i)
            if entry is not None and entry.type in self.lexicon.governing_types:
                return None if self._reports(head, triggers) else head
            node = head
        return None

    def _stated_noun(self, node: Any, head: Any, triggers: dict[int, TriggerEntry]) -> Any | None:
        # "repeated its demand today that X ease …": the that-clause, hung on the verb, is the content
        # of the verb's object noun.
        if node.dep_ != "ccomp" or not any(c.dep_ == "mark" and c.lower_ == "that" for c in node.children):
            return None
        for child in head.children:
            entry = triggers.get(child.i)
            if (
                child.dep_ == "dobj"
                and child.pos_ == "NOUN"
                and entry is not None
                and entry.type in self.lexicon.governing_types
            ):
                return child
        return None

    def _governed(self, token: Any, triggers: dict[int, TriggerEntry]) -> bool:
        return self._governor(token, triggers) is not None

    def _inner_mode(
        self, token: Any, plover: str, mode: str | None, triggers: dict[int, TriggerEntry]
    ) -> tuple[str, str | None]:
        # The governed act names the mode of a request, refusal or threat: "threatened to shell" → violence.
        if mode is not None or plover not in {"REQUEST", "REJECT", "THREATEN"}:
            return plover, mode
        for t in token.subtree:
            if t.i != token.i and t.i in triggers and self._governor(t, triggers) == token:
                inner = triggers[t.i].type
                if plover == "THREATEN":
                    inner_mode = threat_mode(inner, triggers[t.i].mode)
                else:
                    table = {"RETREAT": "yield", "CONCEDE": "yield", "CONSULT": "meet", "AID": "assist"}
                    inner_mode = table.get(inner, "assist" if inner in {"COOPERATE", "SUPPORT"} else "change")
                return plover, inner_mode
        return plover, mode


def _one_per_sentence(events: list[Event], nominal: frozenset[int] = frozenset()) -> list[Event]:
    """Return the events without repeats and without empty statements.

    One act told twice in a sentence by the same source, once without its actor or once as a noun
    ("the convoy … when it was driving"), is one event; a statement ("… demands" misread as a verb) that names neither actor
    nor recipient is dropped.
    """
    kept: list[Event] = []
    for event in events:
        twin = next(
            (
                i
                for i, other in enumerate(kept)
                if other.sentence == event.sentence
                and other.type == event.type
                # a later mention without its actor restates the act ("…, rebuffing the demand"); a noun
                # ("the Turkish convoy … was driving") names the act its verb reports
                and (
                    event.actor is None
                    or (other.actor is None and other.happened == event.happened)
                    or (
                        {other.trigger_start, event.trigger_start} & nominal
                        and other.happened == event.happened
                        and _compatible(other.actor, event.actor)
                    )
                )
                and other.claims[0].claimant == event.claims[0].claimant
                and _compatible(other.actor, event.actor)
                and (event.actor is None or _compatible(other.recipient, event.recipient))
            ),
            None,
        )
        if twin is None:
            if event.actor_text is not None or event.recipient_text is not None or not _told(event):
                kept.append(event)
            continue
        other = kept[twin]
        kept[twin] = replace(
            other,
            actor=other.actor or event.actor,
            actor_text=other.actor_text if other.actor is not None else event.actor_text,
            recipient=other.recipient or event.recipient,
            recipient_text=other.recipient_text if other.recipient is not None else event.recipient_text,
        )
    return kept


def _told(event: Event) -> bool:
    # A demand or a threat is always someone's: with no party at all it is a misread word ("… demands").
    return event.type in _NEEDS_PARTY


def _compatible(a: Actor | None, b: Actor | None) -> bool:
    return a is None or b is None or (a.country == b.country and (a.country is not None or a == b))


def _purpose(node: Any) -> bool:
    """Return True for a purpose clause ("agreed to set up a centre to develop …"): part of its act."""
    return node.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)


def _has_subject(token: Any) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children)


_PROPOSALS = frozenset({"demand", "call", "request", "ultimatum", "proposal", "offer", "appeal", "plan"})


def _side(actor: Actor) -> tuple[str | None, str | None]:
    return actor.country, actor.sector


def _refers_back(trigger: Any) -> bool:
    """Return True for a refusal of a proposal named only by a definite noun ("rejected the demand"),
    which points back at a request made before."""
    for child in trigger.children:
        if child.dep_ == "dobj" and child.lemma_.lower() in _PROPOSALS:
            return all(
                c.dep_ == "det" and c.lower_ in {"the", "this", "that", "these", "those"} for c in child.lefts
            ) and any(c.dep_ == "det" for c in child.lefts)
    return False


def _answer_requests(events: list[Event], answering: frozenset[int] = frozenset()) -> tuple[Event, ...]:
    """Return the events with each refusal addressed to the party whose request it answers.

    "Turkey demanded that US forces leave … the US refused": a REJECT by the recipient of an earlier
    REQUEST answers that request, so its recipient is the requester. A refusal of "the demand" (its
    trigger offset in `answering`) answers the latest request before it, whoever made it.
    """
    requesters: dict[str, Event] = {}
    answered: list[Event] = []
    latest: Event | None = None
    for event in events:
        if event.type == "REQUEST" and event.actor is not None:
            latest = event
        if (
            event.type == "REJECT"
            and event.trigger_start in answering
            and latest is not None
            and latest.actor is not None
            and (event.actor is None or _side(latest.actor) != _side(event.actor))
        ):
            event = replace(event, recipient=latest.actor, recipient_text=latest.actor_text)
        elif event.type == "REQUEST" and event.recipient is not None and event.recipient.country:
            requesters[event.recipient.country] = event
        elif event.type == "REJECT" and event.actor is not None and event.actor.country in requesters:
            request = requesters[event.actor.country]
            if request.actor is not None and (
                event.recipient is None or event.recipient.country != request.actor.country
            ):
                event = replace(event, recipient=request.actor, recipient_text=request.actor_text)
        answered.append(event)
    return tuple(answered)
