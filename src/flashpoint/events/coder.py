"""The event coder: PLOVER events, with arguments, modality and claims, from one parsed document."""

from __future__ import annotations

import bisect
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from flashpoint.actors.era import era
from flashpoint.actors.resolver import ActorResolver
from flashpoint.errors import FlashpointError
from flashpoint.events import docindex
from flashpoint.events.acled import NOTE_SENTENCES, classify, elsewhere, label_note, note_length
from flashpoint.events.arguments import (
    PRONOUNS,
    SEALING_VERBS,
    ArgumentFinder,
    Resolver,
    in_state,
    instrument_owner,
    stance_object,
)
from flashpoint.events.background import is_background, stance_word
from flashpoint.events.claims import (
    ClaimReader,
    accused_party,
    blamed_party,
    charge_denier,
    denial_accusers,
    denied_charge,
    denies_a_claim,
    is_outlet,
    medium_content,
    overall_stance,
    related_stance,
    responsibility_claimer,
    responsibility_denier,
)
from flashpoint.events.figures import names_no_act
from flashpoint.events.generic import (
    ability,
    aid_as_subject,
    aimed_at,
    as_a_rule,
    asks,
    defines,
    forecasts,
    habitual,
    in_a_text,
    in_general,
    in_the_terms,
    instructs,
    material_backing,
    mishap,
    no_comment,
    obliged,
    obliges,
    permitted,
    recognises_no_party,
    running_toll,
    stays,
    tells_of_attack,
    verbal_attack,
    wishes,
)
from flashpoint.events.learned import MESSAGES
from flashpoint.events.lexicon import Lexicon, TriggerEntry
from flashpoint.events.lookup import ActorLookup
from flashpoint.events.modality import Modality, cancelled, read_modality, recode, threat_mode
from flashpoint.events.ontology import crosswalk
from flashpoint.events.parties import carried, counterpart, pick_recipient, placed, unidentified, with_owner
from flashpoint.events.patterns import VerbPattern, VerbTable, load_verb_table
from flashpoint.events.senses import other_sense
from flashpoint.records import Actor, Document, Event, PlaceMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from flashpoint.events.learned import EventModel

__all__ = ["EventCoder"]

# DEBUG lines name each CAMEO-fallback trigger with its pattern, for auditing the fallback on new text.
log = logging.getLogger(__name__)

# Edges through which a trigger is the content of a governing trigger above it.
_CONTENT_DEPS = frozenset(
    {"xcomp", "ccomp", "dobj", "pobj", "pcomp", "acl", "conj", "dative", "attr", "oprd", "nsubjpass"}
)
# Prepositions that attach circumstances, not content: "as part of the offensive", "after the attack".
_CIRCUMSTANCE_PREPS = frozenset(
    {"as", "in", "during", "after", "before", "despite", "amid", "following", "since", "due", "because"}
)
_MUST = TriggerEntry("REQUEST", None, "must", (), "verb", "say that … must")
# "The regime must allow access": a clause of obligation is a demand made of its subject.
_OBLIGATION = TriggerEntry("REQUEST", None, "must", (), "verb", "X must …")
# Statements that are always made by someone to someone: without either party the trigger was misread.
_NEEDS_PARTY = frozenset({"REQUEST", "REJECT", "THREATEN", "ACCUSE", "AGREE", "CONSULT", "SUPPORT"})
_SECOND_PERSON = frozenset({"you", "your", "yourself", "yourselves"})
# Words of things, not parties: "if anything will keep pressing" has no actor, it is no event.
_INDEFINITE = frozenset({"anything", "something", "nothing", "everything"})
# Weapons and attacks as a clause's subject say how it was done, not who did it ("a bomb killed four").
_INSTRUMENTS = frozenset(
    {
        "strike",
        "airstrike",
        "attack",
        "bomb",
        "blast",
        "explosion",
        "shell",
        "shelling",
        "missile",
        "rocket",
        "mortar",
        "grenade",
        "mine",
        "landmine",
        "ied",
        "bombing",
        "raid",
        "gunfire",
        "fire",
        "bullet",
        "round",
    }
)
# Devices left or thrown by attackers who are seldom named ("a roadside bomb", "a mine"): the attack is coded
# to an unnamed group of the country it happened in. Strikes, shells and raids come from forces too often
# abroad ("airstrikes led by the coalition") to be placed so.
_DEVICES = frozenset({"bomb", "blast", "explosion", "mine", "landmine", "ied", "bombing", "grenade"})
# Fights two parties have with each other: "the army and rebels exchanged fire near X" — the rebels, not X.
_RECIPROCAL = frozenset({"exchange", "clash", "fight", "battle"})
# Acts two parties do together: with coordinated subjects, the second is the first one's counterpart.
_JOINT = frozenset({"AGREE", "CONSULT", "COOPERATE"})


@dataclass(frozen=True, slots=True)
class _Context:
    """What coding one document's triggers needs: the document, its actor lookup, claims and triggers."""

    doc: Document
    lookup: ActorLookup
    claims: ClaimReader
    triggers: dict[int, TriggerEntry]
    sentence_index: dict[int, int] = field(default_factory=dict)
    # (trigger offset, type) → (trigger token, negated when coded): the crosswalks are read for the
    # events that survive the document's filters only, from what each event was when it was coded.
    crosswalk_inputs: dict[tuple[int, str], tuple[Any, bool]] = field(default_factory=dict)
    # trigger index → its modality as read from the parse (asked again for an act a statement governs)
    modalities: dict[int, Modality] = field(default_factory=dict)
    # sentence starts that ask, define or tell of abilities and mishaps: no verb in them tells an act
    silenced: set[int] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.sentence_index.update({s.start: s.index for s in self.doc.sentences})


class EventCoder:
    """Codes the events of parsed documents; build once, call `code(doc)` per document."""

    def __init__(
        self,
        lexicon: Lexicon,
        *,
        resolver: Resolver | None = None,
        verbs: VerbTable | None = None,
        model: EventModel | None = None,
    ) -> None:
        self.lexicon = lexicon
        self.model = model  # the learned chooser (events/learned.py); None: the rules alone
        self.resolver = resolver
        self.verbs = verbs if verbs is not None else load_verb_table()
        self.arguments = ArgumentFinder(
            frozenset(lexicon.reporting), is_event=lambda token: lexicon.match(token) is not None
        )
        # Lemmas that can head a lexicon phrase, spelled as the parser may give them.
        self._heads = (
            frozenset(lemma for _, lemma in lexicon.entries)
            | frozenset(lexicon.verb_lemmas)
            | lexicon.impacts
        )
        # lemma hash → (heads a lexicon phrase, is a verb of the CAMEO table): the same few thousand
        # lemmas come back in every document, so each is looked up in the string store once.
        self._lemma_kinds: dict[int, tuple[bool, bool]] = {}
        self._kinds_of: VerbTable | None = None
        # plain imports: a renamed function fails at import, not by leaving CAMEO/ACLED fields empty
        self.crosswalk: Callable[..., Any] | None = crosswalk
        self.classify: Callable[..., Any] | None = classify

    def code(self, doc: Document) -> tuple[Event, ...]:
        """Return the events stated in a parsed document (empty when it has no parse)."""
        parsed = doc.parsed
        if parsed is None:
            return ()
        docindex.parsed_from(parsed, doc.text)
        triggers: dict[int, TriggerEntry] = {}
        for i in self._possible_triggers(parsed):
            entry = self.lexicon.match(parsed[i])
            if entry is not None:
                triggers[i] = entry
        # "delivered a series of strikes": a verb of giving whose object is the act, no aid of its own
        for i in [i for i, entry in triggers.items() if entry.type == "AID"]:
            if _delivers_act(parsed[i], triggers):
                del triggers[i]
        if "must" in doc.text.lower():
            self._must_statements(parsed, triggers)
            triggers.update({t.i: _OBLIGATION for t in parsed if obliged(t)})
        # An undated text is read in the era its titled office holders imply (actors/era.py).
        date = doc.published or (
            era(doc.text, self.resolver) if isinstance(self.resolver, ActorResolver) else None
        )
        lookup = ActorLookup(doc.mentions, self.resolver, date, doc.places, frozenset(self.lexicon.reporting))
        context = _Context(doc, lookup, ClaimReader(doc, self.lexicon, lookup), triggers)
        coded = self._code_triggers(context, list(triggers))
        # Our lexicon comes first; the CAMEO dictionary speaks only in sentences where it gave no event.
        # … nor in a sentence that asks, defines, or tells of an ability or a mishap
        stated = {docindex.sentence(token).start for token, _ in coded} | context.silenced
        extra = self._dictionary_triggers(parsed, triggers, stated)
        if self.model is not None:  # the learned chooser picks among those sentences' candidates
            extra = self.model.choose(
                parsed, triggers, extra, stated, self.verbs, reporting=self.lexicon.reporting
            )
        if extra:
            triggers.update(extra)
            coded = sorted(coded + self._code_triggers(context, list(extra)), key=lambda pair: pair[0].i)
        events = [event for _, event in coded]
        nominal = frozenset(t.idx for t, _ in coded if t.pos_ in {"NOUN", "PROPN"})  # "the convoy"
        # refusals of a demand made earlier ("rejected the demand")
        answering = frozenset(t.idx for t, e in coded if e.type == "REJECT" and _refers_back(t))
        # statements with no subject of their own ("…, demanding …", "… to denounce …")
        subjectless = frozenset(t.idx for t, _ in coded if t.pos_ in {"VERB", "AUX"} and not _has_subject(t))
        # acts named as called off ("the talks were called off"): told, negated, even with no party named
        called_off = frozenset(t.idx for t, _ in coded if cancelled(t))
        # … as are acts named as held ("a round of talks was held"): told, even with no party named
        held = frozenset(t.idx for t, _ in coded if t.pos_ in {"NOUN", "PROPN"} and _held(t))
        # "shelling and airstrikes": coordinated nouns of two kinds of act are two events
        kinds = frozenset(
            frozenset({t.idx, t.head.idx})
            for t, _ in coded
            if t.dep_ == "conj"
            and t.pos_ == "NOUN"
            and t.head.lemma_.lower() != t.lemma_.lower()
            and t.head.pos_ in {"NOUN", "VERB"}
        ) | frozenset(frozenset({t.idx, t.head.idx}) for t, _ in coded if _two_acts(t))
        kept = _protest_statements(_one_per_sentence(events, nominal, called_off | held, kinds), subjectless)
        sentences = note_length(doc.sentences)
        kept = _one_per_happening(kept, note=sentences <= NOTE_SENTENCES, places=doc.places)
        answered = tuple(self._walked(event, context) for event in _answer_requests(kept, answering))
        if self.classify is None:
            return answered
        return label_note(doc.text, answered, sentences, places=doc.places, nominal=nominal)

    def _possible_triggers(self, parsed: Doc) -> list[int]:
        """Return the indices of the tokens whose lemma heads a lexicon phrase (read from the lemma array,
        without building a token object for every word of the document)."""
        lemmas = parsed.to_array("LEMMA").tolist()
        kinds = self._kinds(parsed, lemmas)
        return [i for i, key in enumerate(lemmas) if kinds[key][0]]

    def _kinds(self, parsed: Doc, lemmas: list[int]) -> dict[int, tuple[bool, bool]]:
        """Return the memo of lemma kinds (see __init__), with the lemmas of `lemmas` in it."""
        kinds = self._lemma_kinds
        if len(kinds) > _LEMMA_MEMO or self._kinds_of is not self.verbs:
            kinds.clear()  # too many, or read for another verb table
            self._kinds_of = self.verbs
        strings = parsed.vocab.strings
        for key in set(lemmas).difference(kinds):
            lemma = strings[key].lower()
            kinds[key] = (lemma in self._heads, lemma in self.verbs.verbs)
        return kinds

    def _code_triggers(self, context: _Context, indices: list[int]) -> list[tuple[Any, Event]]:
        """Return (trigger token, event) for the triggers at `indices` that state events of their own."""
        triggers = context.triggers
        parsed = context.doc.parsed
        coded: list[tuple[Any, Event]] = []
        parts: dict[int, int] = {}  # trigger index → the trigger whose happening it is part of
        # an obligation says what should happen: it is no event the others could be background to
        acts = {i: e for i, e in triggers.items() if e is not _OBLIGATION}
        for i in indices:
            entry = triggers[i]
            token = parsed[i]
            if self._reports(token, triggers) or denies_a_claim(token):
                continue
            if asks(token) or defines(token) or mishap(token) or ability(token):
                context.silenced.add(docindex.sentence(token).start)
                continue  # a question, a definition, an ability, a mishap: no act in the sentence
            if wishes(token, entry) or tells_of_attack(token, entry, triggers):
                continue  # a wish, or what an attack named before did
            if no_comment(token, entry) or running_toll(token, entry) or stays(token, entry):
                continue  # "declined to comment", "the war has killed …", "troops remain in …"
            if forecasts(token, entry, triggers) or habitual(token, entry) or as_a_rule(token):
                continue  # "warned that the toll would rise", "the clinic provides care": no act
            if in_the_terms(token) or in_a_text(token) or in_general(token):
                continue  # "the plan calls for elections", "the chapter discusses …": a text's content
            if other_sense(token, entry) or instructs(token):
                continue  # "came to power", "fired the coach", "sworn in", "in March": no act of that kind
            if token.dep_ == "conj" and triggers.get(token.head.i) is _OBLIGATION and not _has_subject(token):
                continue  # "must allow access and release the prisoners": demanded too, not done
            if (
                entry.type not in {"ASSAULT", "COERCE"}
                and token.pos_ in {"VERB", "AUX"}
                and _process_subject(token)
            ):
                continue  # "the fall of the town would threaten …": a process, no party acting
            governor = self._governor(token, triggers)
            if governor is not None and triggers[governor.i] in (_OBLIGATION, _MUST) and token.dep_ == "pobj":
                governor = None  # "must respond to the use of gas": the use is told, not demanded
            related = related_stance(governor, triggers[governor.i].type) if governor is not None else None
            if governor is None and (
                aimed_at(token)
                or permitted(token)
                or recognises_no_party(token, entry)
                or aid_as_subject(token, entry, triggers)
            ):
                continue  # an aim worked for, an act allowed, "recognised the work", "the grant will help"
            if governor is not None and related is None and not _praised(governor, triggers):
                continue
            if (
                governor is not None
                and token.head == governor
                and token.lemma_.lower() in triggers[governor.i].rest
            ):
                continue  # "lodged a protest": a word of its governor's own phrase, not an act inside it
            if related == "alleged" and token.lemma_.lower() in _CHARGE_WORDS:
                continue  # "accused B of shelling …, an accusation dismissed by B": the charge named again
            if (
                governor is not None
                and related == "negated"
                and triggers[governor.i].type == "REJECT"
                and entry.type in _SAID_ACTS
            ):
                continue  # "rejected the demand": the refusal answers a statement; no act was refused
            # an act an accusation charges or a refusal refuses is its content, not background
            # "denied shelling the village": the denied act is the denial's content, not background
            praised = governor is not None and _praised(governor, triggers)
            if (
                related is None
                and not (praised and token.head == governor)  # "welcomed the agreement": its content
                and not (token.pos_ == "NOUN" and stance_word(token))  # "after the reported raid"
                and is_background(token, entry, acts)
                and not _misparsed_predicate(token)
                and not self._denied(token)
                and not self._said_through_medium(token)
            ):
                continue
            if (
                _named(token)
                or _grievance(token, triggers)
                or _target(token, entry, triggers)
                or _banned(token, triggers)
                or _frame(token)
                or names_no_act(token, entry)
            ):
                continue
            if entry.type == "CONSULT" and _press_audience(token):
                continue  # "spoke to reporters", "talking to Radio Nord": how words reached us, no meeting
            if entry.type == "REQUEST" and _question(token):
                continue  # "asked him whether he knew": a question, not a request
            if _calls_off(token, triggers):
                continue  # "the talks were cancelled": the talks, negated, are the event
            if entry.type == "ASSAULT" and verbal_attack(token):
                entry = replace(entry, type="ACCUSE", mode=None)  # an attack made in words
            elif entry.type == "ASSAULT" and _labour_strike(token):
                entry = _LABOUR_STRIKE
            elif entry.type == "ASSAULT" and _captures_people(token):
                entry = _CAPTURE
            elif entry.type == "ASSAULT" and _stopped(token):
                entry = _HALT
            elif entry.type == "SUPPORT" and material_backing(token):
                entry = replace(entry, type="AID", mode=None)  # "backed the rebels with arms": aid
            elif entry.type == "COERCE" and entry.head == "raid" and _flown(token):
                entry = _AIR_RAID  # "jets raided the villages": bombs from the air, not a search
            event = self._event(context, token, entry)
            if event is not None and entry is _OBLIGATION and event.claims[0].claimant is None:
                continue  # a demand in no one's words here: whose it is lies beyond the sentence
            if event is not None and governor is not None and event.claims[0].stance != "denied":
                event = self._related(event, token, governor, related, context)
            if event is not None:
                coded.append((token, event))
                coded.extend((token, accused) for accused in self._accusers(event, token, context.claims))
                if related == "alleged" and governor is not None:
                    coded.extend(
                        (token, denied) for denied in self._denials(event, token, governor, context.claims)
                    )
                whole = _part_of(token, entry, triggers)
                if whole is not None:
                    parts[i] = whole
        # A part folds into its happening only when that happening was itself coded.
        stated = {token.i for token, _ in coded}
        return [(t, e) for t, e in coded if parts.get(t.i) not in stated]

    def _event(self, context: _Context, token: Token, entry: TriggerEntry) -> Event | None:
        lookup, claims, triggers = context.lookup, context.claims, context.triggers
        found = self.arguments.find(token)
        if entry is _OBLIGATION:  # the one who must act is asked; who asks is the text's speaker
            found = replace(found, actor=None, recipient=found.actor, recipient_alternatives=(), co_actors=())
        if found.actor is None and entry.pos == "noun":
            # "X claimed responsibility for the bombing": the claimer is the actor of its act
            # … and the denier of "X denied responsibility for the massacre" is the one it is charged to
            # … as is the accused of "A accused B of the attack"
            claimer = responsibility_claimer(token) or responsibility_denier(token) or accused_party(token)
            found = replace(found, actor=claimer) if claimer is not None else found
        if found.actor is None and entry.type == "THREATEN" and entry.pos == "noun":
            # "threats of US strikes", "the threat of sanctions by the council": who would act threatens
            inner = self._threatened_act(token, triggers)
            if inner is not None and inner.actor is not None:
                found = replace(
                    found,
                    actor=inner.actor,
                    recipient=inner.recipient,
                    recipient_alternatives=inner.recipient_alternatives,
                )
        if (
            found.actor is not None
            and found.actor.lower_ in {"who", "that", "which"}
            and found.actor.head.dep_ == "relcl"
            and found.actor.head.head.pos_ in {"NOUN", "PROPN"}
        ):
            found = replace(found, actor=found.actor.head.head)  # "the rebels who shelled X": the rebels
        if found.actor is not None and found.actor.lower_ in _SECOND_PERSON | _INDEFINITE:
            return None  # addressed to the reader, or a misread clause: not events
        if found.actor is not None and found.actor.ent_type_ in {"DATE", "TIME"}:
            found = replace(found, actor=None, co_actors=())  # "yesterday's agreement": when, not who
        instrument = None
        if found.actor is not None and found.actor.lemma_.lower() in _INSTRUMENTS:
            # "two strikes destroyed …": how, not who; "a Turkish drone strike killed …": Turkey's
            instrument = found.actor
            found = replace(found, actor=instrument_owner(found.actor), co_actors=())
        # A noun trigger needs its actor (an attack may name only its target): otherwise it is a
        # reference back ("the convoy") or a topic ("talks on independence"), not a report.
        if (
            entry.pos == "noun"
            and found.actor is None
            # an attack may name only its target, but "the use of gas" names only the weapon
            and (entry.type != "ASSAULT" or found.recipient is None or entry.head == "use")
            and not cancelled(token)  # "the talks were cancelled": the called-off act, negated
            and not _reported_happening(token)
            and not stance_word(token)  # "the alleged raid": told as a happening, with its stance
            and not _told_by_clause(token)  # "an attack that killed four"
            and not self._denied(token)  # "the shelling was denied by the army"
            and not stance_object(token)  # "condemned the attacks": told as a happening, by no one named
            and in_state(token) is None  # "the town is under siege": a lasting act its subject suffers
            and not (entry.type == "ASSAULT" and entry.head != "use" and _stated_attack(token))
        ):
            return None  # "the convoy", "media inquiries": a reference back, or no event at all
        if found.actor is None and any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children):
            return None  # "as discussed previously": the writer's own discourse
        # "a series of meetings will take place": the series carries the act's tense and mood
        # … as "be" carries the tense and mood of a lasting act ("the dockers will be on strike")
        modality = self._modality(_counted_by(token) or _state_verb(token) or token, context)
        if self._denied(token):
            modality = replace(modality, negated=True)
        plover, mode, modality = recode(entry.type, entry.mode, modality)
        if plover == "AGREE" and _refused(token, modality) and self._governor(token, triggers) is None:
            # "Borduria did not agree", "has not accepted the offer": a refusal that happened
            plover, mode, modality = "REJECT", None, replace(modality, negated=False)
        plover, mode = self._inner_mode(token, plover, mode, triggers)
        actor, actor_text = lookup.resolve(found.actor) if found.actor is not None else (None, None)
        if found.actor is not None:
            owner = self.arguments.owner(found.actor)  # "Borduria said its troops …": Borduria's
            owned = lookup.resolve(owner)[0] if owner is not None else None
            if owned is not None and owned.country:
                actor = with_owner(actor, owned)
        if found.actor is not None and (actor is None or actor.country is None):
            actor = lookup.mentioned_before(actor, found.actor)  # "the minister": the one named before
        if found.actor is not None and (actor is None or actor.country is None):
            actor = placed(actor, found.actor, lookup)  # "protesters", "rebels": the country they are in
        elif found.actor is None and instrument is not None and instrument.lemma_.lower() in _DEVICES:
            # "a roadside bomb killed three soldiers near X": an attacker no one named, of the country
            # the blast is placed in (a victim's nationality is no clue to it), an unidentified armed
            # force in CAMEO's terms
            actor = unidentified(lookup.located(instrument, nationalities=False))
        first, alternatives = found.recipient, found.recipient_alternatives
        if plover == "MOBILIZE":
            # "a convoy of armoured vehicles", "troops with tanks": what moves, not whom it targets
            first = None if first is not None and carried(first) else first
            alternatives = tuple(t for t in alternatives if not carried(t))
        recipient, recipient_text = pick_recipient(first, alternatives, lookup)
        recipient = counterpart(recipient, recipient_text, actor)
        co_actors = tuple(a for a in (lookup.resolve(t)[0] for t in found.co_actors) if a is not None)
        # "the army and rebels exchanged fire near X": each side fought the other, not X
        fought = plover == "ASSAULT" and token.lemma_.lower() in _RECIPROCAL
        if (
            (plover in _JOINT or fought or token.lemma_.lower() in SEALING_VERBS)
            and found.co_actors
            and (fought or recipient is None or not recipient.country or not recipient.sector)
        ):
            # "X and Y agreed to a truce": the second party is the recipient, the truce is the content.
            recipient, recipient_text = lookup.resolve(found.co_actors[0])
            if recipient is not None and not recipient.country and actor is not None and actor.country:
                # "the Colombian government and the rebels signed an accord in Havana": the other side of a
                # joint act is of the first party's country, not of the venue
                recipient = replace(recipient, country=actor.country)
            elif recipient is not None and not recipient.country:
                recipient = placed(recipient, found.co_actors[0], lookup)
            co_actors = tuple(a for a in (lookup.resolve(t)[0] for t in found.co_actors[1:]) if a is not None)
        claim = claims.claim(token, plover=plover, actor_text=actor_text, modality=modality, actor=actor)
        if self._denied(token):
            claim = claims.denied(claim, token)
        sentence = context.sentence_index.get(docindex.sentence(token).start_char, -1)
        context.crosswalk_inputs.setdefault((token.idx, plover), (token, modality.negated))
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
        )

    def _threatened_act(self, threat: Token, triggers: dict[int, TriggerEntry]) -> Any:
        """Return the parties of the act a threat noun names ("threats of US strikes"), else None."""
        for prep in threat.children:
            if prep.dep_ != "prep" or prep.lower_ != "of":
                continue
            for act in prep.children:
                if act.dep_ == "pobj" and act.i in triggers:
                    return self.arguments.find(act)
        return None

    def _modality(self, token: Token, context: _Context) -> Modality:
        """Return the modality of a trigger as its parse reads (once per trigger and document)."""
        found = context.modalities.get(token.i)
        if found is None:
            found = context.modalities[token.i] = read_modality(
                token,
                intent=self.lexicon.intent,
                hedge=self.lexicon.hedge,
                reporting=self.lexicon.reporting,
                published=context.doc.published,
            )
        return found

    def _related(
        self, event: Event, token: Token, governor: Token, related: str | None, context: _Context
    ) -> Event:
        # The act an accusation charges is alleged by the accuser; a refused act did not happen.
        claims = context.claims
        modality = self._modality(token, context)
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
        blamed = blamed_party(governor, token)
        if accusation.actor is None and blamed is not None:
            # "the bombing was blamed on Y", "an attack blamed on Y": Y did it, on no named accuser's word
            actor, actor_text = claims.lookup.resolve(blamed)
            told = event.claims[0]
            claim = replace(told, stance="alleged") if told.stance in {"asserted", "reported"} else told
            recipient = event.recipient if event.recipient_text != actor_text else None
            return replace(
                event,
                actor=actor,
                actor_text=actor_text,
                recipient=recipient,
                recipient_text=event.recipient_text if recipient is not None else None,
                claims=(claim,),
            )
        if accusation.actor is None:
            if accusation.recipient is not None and event.actor is None:
                # "X was accused of shelling …" with no accuser named: the accused still did the act
                actor, actor_text = claims.lookup.resolve(accusation.recipient)
                return replace(event, actor=actor, actor_text=actor_text)
            return event
        claim = claims.accused(event.claims[0], accusation.actor, modality)
        if blamed is not None:
            # "blamed the bombing on Y": Y is who did it (the parser may hand the act its own name)
            actor, actor_text = claims.lookup.resolve(blamed)
            if event.recipient_text == actor_text:
                return replace(
                    event,
                    actor=actor,
                    actor_text=actor_text,
                    recipient=None,
                    recipient_text=None,
                    claims=(claim,),
                )
            return replace(event, actor=actor, actor_text=actor_text, claims=(claim,))
        # "B was accused by A of shelling …": the parser leaves the act without its actor, the accused
        if accusation.recipient is not None and event.actor_text in {claim.claimant, None}:
            # "A accused B of shelling": the parser hands the act A's subject; the accused is B
            actor, actor_text = claims.lookup.resolve(accusation.recipient)
            return replace(event, actor=actor, actor_text=actor_text, claims=(claim,))
        return replace(event, claims=(claim,))

    def _accusers(self, event: Event, token: Token, claims: ClaimReader) -> list[Event]:
        # A denial names whom it answers: the act is listed again, alleged by each accuser.
        if event.claims[0].stance != "denied":
            return []
        found = []
        for accuser in denial_accusers(token):
            claim = claims.accused(event.claims[0], accuser, Modality())
            aux = tuple(m for m in event.aux_modes if m != "negation")
            found.append(replace(event, negated=False, aux_modes=aux, claims=(claim,)))
        return found

    def _denials(self, event: Event, token: Token, governor: Token, claims: ClaimReader) -> list[Event]:
        # "A accused B of shelling …, but the claim was denied by B": the act once more, denied by B.
        denier = charge_denier(governor)
        if denier is None:
            return []
        claim = claims.denied(event.claims[0], token, denier=denier)
        aux = ("negation", *(m for m in event.aux_modes if m != "negation"))
        return [replace(event, negated=True, aux_modes=aux, claims=(claim,))]

    def _walked(self, event: Event, context: _Context) -> Event:
        """Return the event with its CAMEO, QuadClass, Goldstein and ACLED fields filled in."""
        found = context.crosswalk_inputs.get((event.trigger_start, event.type))
        if found is None:
            return event
        token, negated = found
        fields = self._crosswalks(token, event.type, event.mode, event.actor, event.recipient, negated)
        return replace(event, **fields) if fields else event

    def _crosswalks(
        self,
        token: Token,
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
                docindex.sentence_text(token),
                plover=plover,
                mode=mode,
                actor=actor,
                recipient=recipient,
                negated=negated,
            )
            fields.update(acled_event_type=event_type, acled_sub_event_type=sub_type)
        return fields

    def _must_statements(self, parsed: Doc, triggers: dict[int, TriggerEntry]) -> None:
        # "X declared that China must drop its barriers": a statement of obligation is a demand.
        for token in parsed:
            if token.i in triggers or self.lexicon.reporting.get(token.lemma_.lower()) != "asserted":
                continue
            for clause in token.children:
                if clause.dep_ == "ccomp" and obliges(clause):
                    triggers[token.i] = _MUST

    def _dictionary_triggers(
        self, parsed: Doc, triggers: dict[int, TriggerEntry], stated: set[int]
    ) -> dict[int, TriggerEntry]:
        """Return CAMEO-pattern triggers for the sentences (by start token) not in `stated`.

        One per sentence: the verb nearest the sentence's root, with its most specific pattern.
        """
        found: dict[int, TriggerEntry] = {}
        known = self.verbs.verbs
        lemmas = parsed.to_array("LEMMA").tolist()
        kinds = self._kinds(parsed, lemmas)
        # the tokens whose lemma the table knows, read from the lemma array (no token object per word)
        table_words = [i for i, key in enumerate(lemmas) if kinds[key][1]]
        for sentence in docindex.sentences(parsed):
            if sentence.start in stated:
                continue
            # Verbs the table knows, shallowest first: patterns are matched only at the shallowest depth
            # that has one (matching is the costly part; most verbs never need it).
            first = bisect.bisect_left(table_words, sentence.start)
            last = bisect.bisect_left(table_words, sentence.end)
            candidates = sorted(
                (_depth(token), token.i, token)
                for token in (parsed[i] for i in table_words[first:last])
                if token.pos_ in {"VERB", "AUX"}
                and token.lemma_.lower() in known
                and token.i not in triggers
                and token.dep_ not in _MODIFIER_DEPS
                and not self.lexicon.is_reporting(token)
                # "the talks went on for hours": a verb whose subject is an act tells of that act
                and not any(c.dep_ == "nsubj" and c.i in triggers for c in token.children)
                # "the escalation comes as …", "the deployment helps …": a process as subject, no party acting
                and not any(c.dep_ == "nsubj" and _process(c) for c in token.children)
                # "issued a statement", "released a video": putting out a message is no act of its own
                and not any(c.dep_ == "dobj" and c.lemma_.lower() in MESSAGES for c in token.children)
                # "the army will continue to train its partners": the act is the verb it goes on with
                and not (
                    token.lemma_.lower() in _ASPECTUAL
                    and any(c.dep_ == "xcomp" and c.pos_ == "VERB" for c in token.children)
                )
            )
            best: tuple[int, int, int, TriggerEntry] | None = None
            for depth, i, token in candidates:
                if best is not None and depth > best[0]:
                    break
                pattern = self.verbs.best(token)
                if pattern is None or (
                    pattern.after and not _prepositional(pattern) and not _transitive(token)
                ):
                    # a pattern's words right after the verb name what it was done to: "shops closed along
                    # the road" closed nothing (a verb's bare code holds with or without an object)
                    continue
                rank = (depth, -pattern.size, i)
                if best is None or rank < best[:3]:
                    best = (*rank, pattern.entry(token.lemma_.lower()))
            if best is not None:
                found[best[2]] = best[3]
                if log.isEnabledFor(logging.DEBUG):
                    token = parsed[best[2]]
                    log.debug("CAMEO fallback %r: %s %s", token.text, best[3].phrase, self.verbs.best(token))
        return found

    def _reports(self, token: Token, triggers: dict[int, TriggerEntry]) -> bool:
        # A verb that is both a trigger and a reporting verb ("deny", "allege") reports when its
        # complement holds another trigger; then it is a claim about that event, not an event.
        if not self.lexicon.is_reporting(token) or triggers.get(token.i) is _MUST:
            return False
        # Only a denial takes its event as a plain object: "denied the attack", but "declared a ceasefire".
        denial = self.lexicon.reporting.get(token.lemma_.lower()) == "denied"
        # … and, passive, as its subject: "the shelling was denied by the army"
        deps = {"ccomp", "xcomp", "pcomp", "dobj", "nsubjpass"} if denial else {"ccomp", "xcomp", "pcomp"}
        if any(
            t.i in triggers and t.i != token.i
            for child in docindex.children(token)
            if child.dep_ in deps
            for t in docindex.subtree(child)
        ):
            return True
        # "denied in a statement that its jets bombed …": the parser hangs what is said on the medium
        return any(
            t.i in triggers and t.i != token.i
            for clause in docindex.subtree(token)
            if clause.dep_ in {"acl", "relcl"} and medium_content(clause) == token
            for t in docindex.subtree(clause)
        )

    def _said_through_medium(self, token: Token) -> bool:
        # "told Radio Nord in an interview that troops shelled …": what is said, not a description
        clause = token if token.pos_ in {"VERB", "AUX"} else token.head
        said = medium_content(clause)
        return said is not None and self.lexicon.is_reporting(said)

    def _denied(self, token: Token) -> bool:
        if denied_charge(token):
            return True  # "dismissed reports that its troops looted …" (claims.denied_charge)
        node = token
        for _ in range(4):
            if node.head == node:
                return False
            if node.head.lemma_.lower() == "deny" and node.dep_ in _DENIED_DEPS:
                return True
            node = node.head
        return False

    def _governor(self, token: Token, triggers: dict[int, TriggerEntry]) -> Token | None:
        node = token
        for _ in range(8):
            head = node.head
            if head == node:
                return None
            if node.dep_ == "prep":
                if node.lemma_.lower() in _CIRCUMSTANCE_PREPS or node.lower_ == "according":
                    return None
            elif node.dep_ not in _CONTENT_DEPS and not _purpose(node) and not _charged_by(node):
                return None
            # A coordinated clause with its own subject, or a new verb of saying, starts a new statement:
            # "X demanded that …, the US refused, and a general said that …".
            if node.dep_ == "conj" and node.pos_ in {"VERB", "AUX"} and _has_subject(node):
                return None
            # "rejected the plan and condemned the arrests": a second predicate of the same subject is a
            # second statement, not the content of the first
            if node.dep_ == "conj" and node.pos_ in {"VERB", "AUX"} and head.i in triggers:
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

    def _stated_noun(self, node: Token, head: Token, triggers: dict[int, TriggerEntry]) -> Token | None:
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

    def _governed(self, token: Token, triggers: dict[int, TriggerEntry]) -> bool:
        return self._governor(token, triggers) is not None

    def _inner_mode(
        self, token: Token, plover: str, mode: str | None, triggers: dict[int, TriggerEntry]
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


def _one_per_sentence(
    events: list[Event],
    nominal: frozenset[int] = frozenset(),
    called_off: frozenset[int] = frozenset(),
    kinds: frozenset[frozenset[int]] = frozenset(),
) -> list[Event]:
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
                and frozenset({other.trigger_start, event.trigger_start}) not in kinds
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
            if (
                event.actor_text is not None
                or event.recipient_text is not None
                or not _told(event)
                or event.trigger_start in called_off
            ):
                kept.append(event)
            continue
        kept[twin] = _fill_parties(kept[twin], event)
    return kept


_STATEMENTS = frozenset({"REQUEST", "ACCUSE", "REJECT"})
# Words that name a protest's crowd: "the protesters demanded …" after a march is the march's own demand.
_CROWD = frozenset(
    {
        "protesters",
        "protestors",
        "demonstrators",
        "marchers",
        "strikers",
        "participants",
        "picketers",
        "crowd",
    }
)


def _protest_statements(events: list[Event], subjectless: frozenset[int] = frozenset()) -> list[Event]:
    """Return the events without the demands a protest's own crowd makes in its sentence or the next.

    "Workers picketed the plant. They demanded higher pay.": the demand is what the protest says, one
    happening. The crowd is the same when the statement's actor is a pronoun, names a crowd ("the
    protesters") or has the protest's words,
    or when in the protest's sentence the statement has no subject of its own (`subjectless`: trigger
    offsets).
    """
    kept: list[Event] = []
    protests = [e for e in events if e.type == "PROTEST" and e.actor_text is not None]
    for event in events:
        if event.type in _STATEMENTS and any(
            (
                p.sentence == event.sentence - 1
                or (p.sentence == event.sentence and p.trigger_start < event.trigger_start)
            )
            and (
                (p.sentence == event.sentence and event.trigger_start in subjectless)
                or event.actor_text is None
                or event.actor_text.lower() in PRONOUNS
                or (p.actor_text or "").lower() == event.actor_text.lower()
                or bool(_CROWD & set(event.actor_text.lower().split()))
            )
            for p in protests
        ):
            continue
        kept.append(event)
    return kept


# Acts, not statements: two statements are two events even in one sentence ("rejected …, and opposed …").
_MATERIAL = frozenset({"ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "AID", "RETREAT"})


def _two_acts(token: Token) -> bool:
    """Return True for the second of two coordinated verbs that each take an object of their own
    ("demanded access and requested monitors", "congratulated the rebels and thanked Ruritania"): two
    acts of one speaker, not one act told twice."""
    head = token.head
    if token.dep_ != "conj" or token.pos_ != "VERB" or head.pos_ != "VERB":
        return False
    own = [c for c in token.children if c.dep_ == "dobj"]
    first = [c for c in head.children if c.dep_ == "dobj"]
    return bool(own) and bool(first) and own[0].lemma_.lower() != first[0].lemma_.lower()


def _fill_parties(kept: Event, twin: Event) -> Event:
    """Return `kept` with the actor and recipient it lacks taken from `twin`, a report of the same event."""
    return replace(
        kept,
        actor=kept.actor or twin.actor,
        actor_text=kept.actor_text if kept.actor is not None else twin.actor_text,
        recipient=kept.recipient or twin.recipient,
        recipient_text=kept.recipient_text if kept.recipient is not None else twin.recipient_text,
    )


def _one_per_happening(
    events: list[Event], *, note: bool, places: Sequence[PlaceMention] = ()
) -> list[Event]:
    """Return the events with each happening once: later reports of an act fold into its first report.

    A later act of the same type, told by the same source, is the same happening when it names no actor
    of its own or only a pronoun ("Rebels attacked the town. Five soldiers were killed."), within the next
    two sentences; in a short report (`note`, one happening as ACLED writes them), any later act of the
    same type told by the same source is, and so are the arrests, raids and bans that answer the attack
    or protest the report is about ("… protested outside the ministry. Police arrested two.").
    An act told in a sentence of its own about another town (`places`) is another happening.
    """
    kept: list[Event] = []
    for event in events:
        twin = None
        if event.type in _MATERIAL:
            anonymous = event.actor_text is None or event.actor_text.lower() in PRONOUNS
            twin = next(
                (
                    i
                    for i, other in enumerate(kept)
                    if other.type == event.type
                    and other.happened == event.happened
                    and _claimant(other) == _claimant(event)
                    and (note or (anonymous and 0 <= event.sentence - other.sentence <= 2))
                    # in one sentence of a note, `_one_per_sentence` has already told one act from two
                    and not (note and event.sentence == other.sentence)
                    and not elsewhere(event, other, places)
                ),
                None,
            )
        if twin is None and note and event.type == "COERCE" and _responds(event, kept):
            continue  # the police's answer to the protest or attack the report is about
        if twin is None:
            kept.append(event)
            continue
        kept[twin] = _fill_parties(kept[twin], event)
    return kept


def _responds(event: Event, before: list[Event]) -> bool:
    """Return True when a coercive act follows an attack or a protest told by the same source, by
    another party than the one who attacked or protested (the same party's next act is its own)."""
    return any(
        other.type in {"ASSAULT", "PROTEST"}
        and other.trigger_start < event.trigger_start
        and _claimant(other) == _claimant(event)
        and (event.actor_text is None or (other.actor_text or "").lower() != event.actor_text.lower())
        for other in before
    )


def _claimant(event: Event) -> str | None:
    return event.claims[0].claimant if event.claims else None


def _told(event: Event) -> bool:
    # A demand or a threat is always someone's: with no party at all it is a misread word ("… demands").
    return event.type in _NEEDS_PARTY


def _compatible(a: Actor | None, b: Actor | None) -> bool:
    return a is None or b is None or (a.country == b.country and (a.country is not None or a == b))


# Verbs of going on, starting or stopping: with a verb after them ("continued to train"), that verb is the act.
_ASPECTUAL = frozenset({"continue", "keep", "resume", "begin", "start", "stop", "cease", "go"})
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})
# Lemmas kept in an EventCoder's memo of lemma kinds before it starts afresh (a long backfill's vocabulary).
_LEMMA_MEMO = 200_000


# Nouns that name a process or a situation, not a party: as a subject they act on no one.
_PROCESS_NOUNS = frozenset(
    {
        "escalation",
        "deterioration",
        "rollout",
        "start",
        "end",
        "rise",
        "fall",
        "spread",
        "growth",
        "increase",
        "decline",
        "collapse",
        "change",
        "development",
        "situation",
        "crisis",
        "tension",
        "operation",
    }
)


def _process(subject: Token) -> bool:
    """Return True for a subject noun that names a process ("the escalation"), not who acts."""
    return subject.pos_ == "NOUN" and not subject.ent_type_ and subject.lemma_.lower() in _PROCESS_NOUNS


def _process_subject(token: Token) -> bool:
    """Return True for a verb whose subject, its own or its governing verb's, names a process."""
    node = token
    for _ in range(3):
        if any(c.dep_ == "nsubj" and _process(c) for c in node.children):
            return True
        if node.dep_ != "xcomp" or _has_subject(node):
            return False
        node = node.head  # "the rollout helps contribute to …": the rollout is who contributes
    return False


def _depth(token: Token) -> int:
    """Return how many heads lie between a token and its sentence's root."""
    depth = 0
    while token.head != token and depth < 50:
        token = token.head
        depth += 1
    return depth


# What a happening's own clauses add to it: "clashed …, killing three" is one assault; "marched …, demanding
# higher wages" and "gathered to denounce …" are one protest (the statement is what the protest says).
_PARTS: dict[str, frozenset[str]] = {
    "ASSAULT": frozenset({"ASSAULT"}),
    "PROTEST": frozenset({"PROTEST", "REQUEST", "ACCUSE", "REJECT", "SUPPORT"}),
}
_PART_LINKS = frozenset({"advcl", "xcomp", "conj", "acl", "pcomp", "prep"})


def _part_of(token: Token, entry: TriggerEntry, triggers: dict[int, TriggerEntry]) -> int | None:
    """Return the index of the trigger whose happening a verb trigger's clause is part of, if any.

    A participle or purpose clause without a subject of its own ("… and police arrested five" is a new
    event) that hangs from a trigger of a type it belongs to.
    """
    if token.pos_ not in {"VERB", "AUX"}:
        return None
    node = token
    for _ in range(4):
        if node.dep_ not in _PART_LINKS or node.head == node or _has_subject(node):
            return None
        node = node.head
        governor = triggers.get(node.i)
        if governor is not None:
            return node.i if entry.type in _PARTS.get(governor.type, frozenset()) else None
    return None


_LABOUR_STRIKE = TriggerEntry("PROTEST", "strike", "strike", (), "verb", "strike (labour)")
# People who strike by stopping work: "bus drivers struck", "a strike by teachers".
_WORKERS = frozenset(
    {
        "worker",
        "employee",
        "staff",
        "driver",
        "teacher",
        "nurse",
        "doctor",
        "miner",
        "docker",
        "dockworker",
        "pilot",
        "union",
        "unionist",
        "labourer",
        "laborer",
        "porter",
        "lawyer",
        "clerk",
        "conductor",
        "trader",
        "shopkeeper",
        "farmer",
        "employe",
        "personnel",
        "crew",
        "operator",
    }
)
# What a labour strike is about or how long it lasts: "a strike over pay", "a two-day strike".
_LABOUR_WORDS = frozenset(
    {"pay", "wage", "salary", "pension", "bonus", "contract", "hour", "day", "week", "general", "nationwide"}
)


def _labour_strike(token: Token) -> bool:
    """Return True for a strike of workers, not of arms: "bus drivers struck", "a two-day strike over pay".

    A strike that hits something ("struck the convoy", "strikes on the town") is an attack; one without a
    target whose strikers are workers, or whose words say how long it lasts or what pay it is about, is a
    labour strike.
    """
    if token.lemma_.lower() != "strike":
        return False
    if in_state(token) is not None:
        return True  # "the dockers are on strike": only workers are on strike
    children = list(token.children)
    if any(c.dep_ in {"dobj", "nsubjpass"} for c in children):
        return False
    if any(c.dep_ == "prep" and c.lower_ in _STRIKE_TARGETS and not _when(c) for c in children):
        return False  # "struck at the rebels", "strikes on the town" (but "struck on Monday")
    if token.pos_ in {"VERB", "AUX"}:
        subject = next((c for c in children if c.dep_ == "nsubj"), None)
        return subject is not None and _worker(subject)
    # the noun: "the teachers' strike", "a strike by nurses", "a three-day strike over wages"
    if token.dep_ == "dobj" and any(c.dep_ == "poss" and c.lower_ == "their" for c in children):
        # "the nurses continued their strike": the strikers are the subject of the verb it hangs on
        subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
        if subject is not None and _worker(subject):
            return True
    for child in children:
        if child.dep_ in {"poss", "compound", "amod", "nmod"} and (
            _worker(child) or child.lemma_.lower() in _LABOUR_WORDS
        ):
            return True
        if (
            child.dep_ == "prep"
            and child.lower_ in {"by", "over", "of"}
            and any(
                _worker(o) or o.lemma_.lower() in _LABOUR_WORDS for o in child.children if o.dep_ == "pobj"
            )
        ):
            return True
    return False


_CAPTURE = TriggerEntry("COERCE", "arrest", "capture", (), "verb", "capture (people)")
_AIR_RAID = TriggerEntry("ASSAULT", "aerial", "raid", (), "verb", "raid (by aircraft)")
# What flies a raid: "warplanes raided", "a raid by helicopters".
_AIRCRAFT = frozenset(
    {
        "jet",
        "warplane",
        "plane",
        "aircraft",
        "helicopter",
        "gunship",
        "drone",
        "bomber",
        "fighter",
        "airplane",
    }
)


def _flown(raid: Token) -> bool:
    """Return True for a raid aircraft carry out ("jets raided", "a raid by warplanes", "a helicopter raid")."""
    deps = {"nsubj"} if raid.pos_ in {"VERB", "AUX"} else {"compound", "nmod", "amod"}
    for child in raid.children:
        if child.dep_ in deps and child.lemma_.lower() in _AIRCRAFT:
            return True
        if (
            child.dep_ == "prep"
            and child.lower_ == "by"
            and raid.pos_ not in {"VERB", "AUX"}
            and any(o.dep_ == "pobj" and o.lemma_.lower() in _AIRCRAFT for o in child.children)
        ):
            return True
    return False


_HALT = TriggerEntry("RETREAT", "ceasefire", "stop", (), "verb", "stop (an attack)")
# Verbs that end an attack named by their gerund: "stopped bombing the city" is a de-escalation.
_STOPS = frozenset({"stop", "halt", "cease", "suspend"})


def _stopped(token: Token) -> bool:
    """Return True for an attack verb whose head stops it ("the air forces had stopped bombing X")."""
    return token.pos_ == "VERB" and token.dep_ in {"xcomp", "dobj"} and token.head.lemma_.lower() in _STOPS


# Taking people, not ground: "captured the commander" is an arrest, "captured the town" an assault.
_TAKERS = frozenset({"capture", "seize", "nab", "grab"})
_PEOPLE = frozenset(
    {
        "suspect",
        "leader",
        "commander",
        "fighter",
        "militant",
        "soldier",
        "member",
        "man",
        "woman",
        "official",
        "smuggler",
        "gunman",
        "insurgent",
        "rebel",
        "journalist",
        "activist",
        "deputy",
        "aide",
        "son",
        "brother",
        "chief",
    }
)


def _captures_people(token: Token) -> bool:
    """Return True for a verb of taking whose patient is a person ("was captured by", "seized two suspects")."""
    if token.pos_ not in {"VERB", "AUX"} or token.lemma_.lower() not in _TAKERS:
        return False
    patient = next((c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}), None)
    if (
        patient is None
        and token.dep_ in {"pcomp", "advcl"}
        and any(c.dep_ == "auxpass" for c in token.children)
    ):
        # "despite being captured by X, the colonel …": the captured is the clause's subject
        clause = token.head.head if token.dep_ == "pcomp" else token.head
        patient = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if patient is None:
        return False
    return (
        patient.ent_type_ == "PERSON"
        or patient.lower_ in {"him", "her", "them", "he", "she", "they"}
        or patient.lemma_.lower() in _PEOPLE
    )


_STRIKE_TARGETS = frozenset({"on", "against", "at", "near"})


def _when(preposition: Token) -> bool:
    """Return True for a prepositional phrase that names a time ("on Monday", "at dawn")."""
    return any(
        o.ent_type_ in {"DATE", "TIME"} or o.lemma_.lower() in {"dawn", "dusk", "night", "noon"}
        for o in preposition.children
        if o.dep_ == "pobj"
    )


def _worker(token: Token) -> bool:
    return token.lemma_.lower() in _WORKERS


def _told_by_clause(token: Token) -> bool:
    """Return True for an event noun whose own relative clause tells what it did ("a raid that killed
    four", "an attack which left dozens dead"): a report, not a reference back."""
    return any(
        c.dep_ == "relcl"
        and c.pos_ in {"VERB", "AUX"}
        and any(s.dep_ == "nsubj" and s.lower_ in {"that", "which"} for s in c.children)
        for c in token.children
    )


# Verbs of praise: what is welcomed or commended is told as done ("welcomes the liberation of X").
_PRAISE = frozenset({"welcome", "praise", "commend", "congratulate", "hail", "applaud", "salute"})


def _praised(governor: Token, triggers: dict[int, TriggerEntry]) -> bool:
    """Return True when the governing trigger praises its content, which is then an act of its own."""
    return triggers[governor.i].type == "SUPPORT" and governor.lemma_.lower() in _PRAISE


# Casualty words in an attack noun's own clause: "an attack that left 50 dead", "strikes that killed 9".
_CASUALTY_WORDS = frozenset({"kill", "dead", "die", "wound", "injure", "life", "casualty", "toll", "leave"})
_HARM_WORDS = _CASUALTY_WORDS | {"destroy", "damage", "hit", "target", "victim", "claim"}
# What a copula ranks or calls an attack: "the bombing is the latest in a series", "an act of terror".
_RANKS = _HARM_WORDS | {
    "act",
    "latest",
    "deadliest",
    "worst",
    "bloodiest",
    "heaviest",
    "terror",
    "crime",
    "atrocity",
}


def _stated_attack(token: Token) -> bool:
    """Return True for an attack noun the sentence states as a happening though it names no actor:
    the subject of its clause ("the attack left 50 dead", "strikes have claimed hundreds of lives",
    "the bombing is the latest in a series"), what a passive act happened in ("chemicals were used in the
    attack", "was caught up in the explosion"), what someone bears responsibility for, or a noun whose
    own clause counts casualties. Not "such an attack" (a kind), nor an attack that only dates, explains
    or is the topic of another act ("following the massacre", "an inquiry into the attack")."""
    if any(c.dep_ == "predet" or (c.dep_ in {"det", "amod"} and c.lower_ == "such") for c in token.children):
        return False
    head = token.head
    if token.dep_ in {"nsubj", "nsubjpass"} and head.pos_ in {"VERB", "AUX"}:
        # "the airstrikes came a day after …": a reference back that dates another act; "the attack
        # shocked the capital": a reference back too, unless its clause says what it did or what it was
        lemma = head.lemma_.lower()
        return (
            token.lemma_.lower() not in _STATE_NOUNS
            and lemma not in _SAY_HEADS
            and any(
                {w.lower_, w.lemma_.lower()} & (_RANKS if lemma == "be" else _HARM_WORDS)
                for w in head.subtree
            )
        )
    if token.dep_ == "attr" and head.lemma_ == "be":
        # "this was an indefensible attack": a demonstrative subject points at the happening
        return any(c.dep_ == "nsubj" and c.lower_ in {"this", "it", "that"} for c in head.children)
    if token.dep_ == "pobj" and head.lower_ == "in" and head.head.pos_ == "VERB":
        verb = head.head
        return verb.tag_ == "VBN" and any(c.dep_ in {"auxpass", "prt"} for c in verb.children)
    if token.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() == "responsibility":
        return True
    return any(
        c.dep_ in {"relcl", "acl"} and any(w.lemma_.lower() in _CASUALTY_WORDS for w in c.subtree)
        for c in token.children
    )


# Clause heads under which an attack noun is what is said or shown, not a subject that acts.
_SAY_HEADS = frozenset({"show", "say", "mean", "remain", "seem", "appear", "come", "follow"})
# Attack nouns that can name a state left behind rather than an act ("the destruction is in the south").
_STATE_NOUNS = frozenset({"destruction"})


# Verbs that state a happening named by their subject: "a shoot-out took place", "clashes erupted".
_HAPPEN = frozenset(
    {
        "occur",
        "erupt",
        "happen",
        "continue",
        "ensue",
        "resume",
        "rage",
        "intensify",
        "escalate",
        # "the talks began", "the summit opened": the act got under way
        "begin",
        "start",
        "commence",
        "open",
    }
)
# Words that forbid an act: "a ban on rallies", "an embargo on arms sales".
_BANS = frozenset({"ban", "embargo", "moratorium", "prohibit", "prohibition", "outlaw"})
# Verbs that say an act got under way, and the subordinators that turn such a clause into a time anchor.
_UNDER_WAY = frozenset({"begin", "start", "commence", "open"})
_ANCHORS = frozenset({"since", "after", "before", "when", "until", "once", "as", "while"})
# Nouns that count acts: "a series of meetings", "a round of talks", "a wave of arrests".
_SERIES = frozenset({"series", "round", "wave", "spate", "string"})
# Passive verbs whose subject is the act held: "talks will be held", "a meeting was convened".
_HELD = frozenset(
    {
        "hold",
        "convene",
        "stage",
        "conduct",
        "organise",
        "organize",
        # "the ban was imposed", "the withdrawal was completed": an act put into effect
        "impose",
        "complete",
        "implement",
        "enforce",
        "conclude",
    }
)


# What a refusal can answer without refusing an act of its own: a demand, an accusation, a threat, praise.
# Nouns that name a charge itself: under an accusation they restate it, they are no act it charges.
_CHARGE_WORDS = frozenset({"accusation", "allegation", "charge", "claim"})
# How a denied act hangs on "deny": "denied that …", "denied shelling", "the shelling was denied".
_DENIED_DEPS = frozenset({"ccomp", "xcomp", "pcomp", "dobj", "nsubjpass"})
_SAID_ACTS = frozenset({"REQUEST", "ACCUSE", "THREATEN", "SUPPORT", "REJECT"})


def _charged_by(node: Token) -> bool:
    """Return True for the agent of a passive charge that the parser gave the charged act: "was accused
    by the governor of attacking …" with "of attacking" under "the governor"."""
    return node.dep_ == "agent" and node.head.lemma_.lower() in {"accuse", "charge", "blame", "suspect"}


def _reported_happening(token: Token) -> bool:
    """Return True for an event noun a clause says happened ("fighting broke out", "there was a clash",
    "talks will be held", "the meeting that took place")."""
    token = _counted_by(token) or token  # "a series of meetings will take place": the series takes place
    head = token.head
    if (
        token.dep_ in {"nsubj", "nsubjpass"}
        and head.pos_ in {"VERB", "AUX"}
        and _happens(head, passive=token.dep_ == "nsubjpass")
    ):
        return True
    if _happens_in_own_clause(token):
        return True
    # "there was an armed clash": the noun is what there was
    return token.dep_ == "attr" and head.lemma_ == "be" and any(c.dep_ == "expl" for c in head.children)


def _counted_by(token: Token) -> Token | None:
    """Return the noun that counts an act ("a series of meetings", "a round of talks"), else None."""
    if token.dep_ != "pobj" or token.head.lower_ != "of" or token.head.head == token.head:
        return None
    holder = token.head.head
    return holder if holder.pos_ == "NOUN" and holder.lemma_.lower() in _SERIES else None


def _state_verb(token: Token) -> Token | None:
    """Return the "be" of an act its subject is in ("are on strike", "is under siege"), else None."""
    return token.head.head if in_state(token) is not None else None


def _happens_in_own_clause(token: Token) -> bool:
    """Return True for an act noun whose relative clause says it takes place ("the talks that will be held
    in May", "a massacre which took place there")."""
    return any(
        c.dep_ == "relcl"
        and c.pos_ in {"VERB", "AUX"}
        and any(
            s.dep_ in {"nsubj", "nsubjpass"}
            and s.lower_ in {"that", "which"}
            and _happens(c, passive=s.dep_ == "nsubjpass")
            for s in c.children
        )
        for c in token.children
    )


def _held(token: Token) -> bool:
    """Return True for an act noun a verb of its own says took place ("talks were held", "a round of talks
    took place", "the talks, which will be held in May"), not only one there was or one reported."""
    token = _counted_by(token) or token
    head = token.head
    return (
        token.dep_ in {"nsubj", "nsubjpass"}
        and head.pos_ in {"VERB", "AUX"}
        and _happens(head, passive=token.dep_ == "nsubjpass")
    ) or _happens_in_own_clause(token)


def _happens(verb: Token, *, passive: bool) -> bool:
    """Return True for a verb that says its subject took place: "occurred", "took place", "broke out",
    and in the passive "was held", "were convened"."""
    lemma = verb.lemma_.lower()
    if lemma in _UNDER_WAY and any(c.dep_ == "mark" and c.lower_ in _ANCHORS for c in verb.children):
        return False  # "since the fighting began": a time the sentence is anchored to, told before
    if passive:
        return lemma in _HELD
    particles = {c.lower_ for c in verb.children if c.dep_ in {"prt", "dobj"}}
    return (
        lemma in _HAPPEN
        or (lemma == "take" and bool(particles & {"place", "effect"}))  # "the truce took effect"
        or (lemma == "come" and _into_force(verb))  # "the accord came into force"
        or (lemma == "break" and "out" in particles)
    )


def _into_force(verb: Token) -> bool:
    """Return True for a verb with "into force" under it ("came into force")."""
    return any(
        c.dep_ == "prep" and c.lower_ == "into" and any(o.lower_ == "force" for o in c.children)
        for c in verb.children
    )


# Entities whose names contain event words: "the Campaign for Nuclear Disarmament" is an organisation.
_NAME_ENTITIES = frozenset({"ORG", "FAC", "WORK_OF_ART", "LAW", "PRODUCT"})
# Acts a name can end in: "the Hama Massacre" names the massacre, not an organisation.
_NAMED_ACTS = frozenset({"massacre", "bombing", "bombings", "attack", "attacks", "invasion", "siege"})
# What a protest is against: "protested against the invasion", "rallied over the killing of a student".
_GRIEVANCE_PREPS = frozenset({"against", "over", "about"})
_INSIDE_PHRASE = frozenset(
    {"pobj", "prep", "compound", "amod", "poss", "nmod", "acl", "pcomp", "conj", "dobj"}
)


def _frame(token: Token) -> bool:
    """Return True for an act named as the frame of another ("as part of the offensive, X warned …")."""
    if token.pos_ not in {"NOUN", "PROPN"} or token.dep_ != "pobj" or token.head.lower_ != "of":
        return False
    part = token.head.head
    return bool(part.lemma_.lower() == "part" and part.dep_ == "pobj" and part.head.lower_ == "as")


def _named(token: Token) -> bool:
    """Return True for a proper-noun trigger inside a name ("Campaign for Nuclear Disarmament"); not
    for the act a name ends in ("the Hama Massacre", "the Embassy Bombing"): that names an act."""
    if token.pos_ != "PROPN" or token.ent_type_ not in _NAME_ENTITIES:
        return False
    ends_name = token.i + 1 >= len(token.doc) or token.doc[token.i + 1].ent_iob_ != "I"
    return not (ends_name and token.ent_iob_ == "I" and token.lemma_.lower() in _NAMED_ACTS)


def _grievance(token: Token, triggers: dict[int, TriggerEntry]) -> bool:
    """Return True for an act named as what a protest is against: the protest's topic, not a report."""
    node = token
    for _ in range(6):
        if node.dep_ not in _INSIDE_PHRASE or node.head == node:
            return False
        node = node.head
        if node.dep_ == "prep" and node.lower_ in _GRIEVANCE_PREPS:
            # on the protest itself, or on the light verb that carries it ("staged a protest against …")
            heads = [node.head, *(c for c in node.head.children if c.dep_ == "dobj")]
            if any((governor := triggers.get(h.i)) is not None and governor.type == "PROTEST" for h in heads):
                return True
    return False


def _target(token: Token, entry: TriggerEntry, triggers: dict[int, TriggerEntry]) -> bool:
    """Return True for a moving force named as what an attack or arrest hit ("ambushed the convoy")."""
    if entry.type != "MOBILIZE" or entry.pos != "noun":
        return False
    node = token
    for _ in range(3):
        if node.dep_ in {"dobj", "nsubjpass"}:
            governor = triggers.get(node.head.i)
            return governor is not None and governor.type in {"ASSAULT", "COERCE"}
        if node.dep_ == "pobj" and node.head.lower_ in {"on", "against"}:
            # "the attack on an aid convoy": the convoy is what the attack hit
            governor = triggers.get(node.head.head.i)
            if governor is not None and governor.type in {"ASSAULT", "COERCE"}:
                return True
        if node.dep_ not in {"pobj", "prep", "compound", "poss"} or node.head == node:
            return False
        node = node.head
    return False


def _banned(token: Token, triggers: dict[int, TriggerEntry]) -> bool:
    """Return True for an act a ban forbids ("a ban on rallies", "banned opposition marches"): what may
    no longer happen is the ban's content, not an act that happened."""
    if token.pos_ not in {"NOUN", "PROPN"}:
        return False
    holder = token.head
    if token.dep_ == "pobj" and holder.lower_ in {"on", "against"} and holder.head != holder:
        holder = holder.head
    elif token.dep_ not in {"dobj", "nsubjpass"}:
        return False
    governor = triggers.get(holder.i)
    return governor is not None and holder.lemma_.lower() in _BANS and governor.type in {"COERCE", "SANCTION"}


def _misparsed_predicate(token: Token) -> bool:
    """Return True for a past verb the parser hung on a noun as if it were a relative clause.

    "On 3 May, family members of students protested in X": with a long subject the parse makes the
    subject the root of a sentence without a verb and "protested" a clause of "students". In a sentence
    whose root is a noun the first such past verb is the sentence's own predicate.
    """
    if token.tag_ not in {"VBD", "VBN"} or token.dep_ not in {"acl", "relcl"}:
        return False
    sentence = token.sent
    if sentence.root.pos_ not in {"NOUN", "PROPN"}:
        return False
    first = next((t for t in sentence if t.dep_ in {"acl", "relcl"} and t.tag_ in {"VBD", "VBN"}), None)
    return first is not None and first.i == token.i


def _purpose(node: Token) -> bool:
    """Return True for a purpose clause ("agreed to set up a centre to develop …"): part of its act."""
    return node.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)


_PREPOSITIONS = frozenset(
    {
        "in",
        "on",
        "at",
        "to",
        "with",
        "for",
        "against",
        "from",
        "into",
        "over",
        "by",
        "of",
        "about",
        "toward",
        "towards",
        "through",
        "across",
        "off",
        "out",
        "up",
        "down",
        "upon",
        "onto",
        "between",
        "among",
    }
)


def _prepositional(pattern: VerbPattern) -> bool:
    """Return True for a CAMEO pattern whose words after the verb start with a preposition ("fire on")."""
    return any(
        alternative and alternative[0] in _PREPOSITIONS for slot in pattern.after[:1] for alternative in slot
    )


def _refused(token: Token, modality: Modality) -> bool:
    """Return True for a plainly negated verb of agreeing: no intention, condition, question or hedge."""
    return (
        token.pos_ in {"VERB", "AUX"}
        and modality.negated
        and not (
            modality.intended
            or modality.future
            or modality.hypothetical
            or modality.conditional
            or modality.question
            or modality.hedged
        )
    )


def _delivers_act(verb: Token, triggers: dict[int, TriggerEntry]) -> bool:
    """Return True for a verb of giving whose object names an act of another kind ("delivered strikes on
    the town", "delivered a series of raids", "gave a stern warning"): a light verb, no aid given."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        act = _counted_act(obj) or obj
        other = triggers.get(act.i)
        if other is not None and other.type not in {"AID", "SUPPORT"} and other is not _OBLIGATION:
            return True
    return False


def _counted_act(noun: Token) -> Token | None:
    """Return the act a series noun counts ("a series of strikes" → strikes), else None."""
    if noun.lemma_.lower() not in _SERIES:
        return None
    return next(
        (p for prep in noun.children if prep.lower_ == "of" for p in prep.children if p.dep_ == "pobj"), None
    )


# Those a speaker talks to when speaking for the record: an audience or an outlet, not a party met.
_PRESS = frozenset(
    {"reporter", "journalist", "correspondent", "press", "media", "newspaper", "medium", "audience", "crowd"}
)


def _press_audience(token: Token) -> bool:
    """Return True for "spoke to reporters", "talked with the BBC", "speaking to a news agency": a verb of
    talking whose addressee is the press or an outlet; "spoke on condition of anonymity" talks to it too."""
    if token.lemma_.lower() not in {"speak", "talk"}:
        return False
    for prep in token.children:
        if (
            prep.dep_ == "prep"
            and prep.lower_ == "on"
            and any(c.lemma_.lower() == "condition" for c in prep.children)
        ):
            return True
        if prep.dep_ != "prep" or prep.lower_ not in {"to", "with"}:
            continue
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            phrase = " ".join(t.text for t in pobj.subtree)
            if pobj.lemma_.lower() in _PRESS or is_outlet(phrase):
                return True
    return False


def _question(token: Token) -> bool:
    """Return True for "ask" with an indirect question and no act asked for ("asked whether he knew")."""
    if token.lemma_.lower() != "ask" or any(c.dep_ == "xcomp" for c in token.children):
        return False
    for clause in token.children:
        if clause.dep_ != "ccomp":
            continue
        if any(c.dep_ == "mark" and c.lower_ in {"whether", "if"} for c in clause.children):
            return True
        if clause.left_edge.tag_ in {"WDT", "WP", "WP$", "WRB"}:
            return True
    return False


def _transitive(token: Token) -> bool:
    """Return True for a verb used with what it acts on: an object, a passive subject or an agent."""
    return any(c.dep_ in {"dobj", "nsubjpass", "dative", "agent"} for c in token.children)


def _calls_off(token: Token, triggers: dict[int, TriggerEntry]) -> bool:
    """Return True for an agentless verb of calling off whose act is coded ("the talks were cancelled")."""
    return (
        token.pos_ in {"VERB", "AUX"}
        and not any(c.dep_ in {"nsubj", "agent"} for c in token.children)
        and any(c.i in triggers and cancelled(c) for c in token.children)
    )


def _has_subject(token: Token) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children)


_PROPOSALS = frozenset({"demand", "call", "request", "ultimatum", "proposal", "offer", "appeal", "plan"})


def _side(actor: Actor) -> tuple[str | None, str | None]:
    return actor.country, actor.sector


def _refers_back(trigger: Token) -> bool:
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
