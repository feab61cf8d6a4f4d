"""The claim reader: the attribution layers of each trigger, innermost first, turned into one Claim."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Token

from flashpoint.events.arguments import core_span
from flashpoint.events.claims.channel import (
    _MEDIA_NOUNS,
    _PUBLISHING_VERBS,
    _STRIP,
    _channel,
    _cited,
    _medium,
    _phrase,
    _platform,
    _quoted_as,
    _relay,
    _speaking_channel,
    is_outlet,
    medium_content,
)
from flashpoint.events.claims.claimant import (
    _BOUNDARY_DEPS,
    _CLAUSE_LINKS,
    _FIRST_PERSON,
    _GENERIC,
    _GENERIC_PLURAL,
    _INDEFINITE_DETS,
    _INQUIRY_NOUNS,
    _JOURNALISTS,
    _RELATIVE,
    _ROLE_NOUNS,
    _SAYING_NOUNS,
    _SOURCE_MEDIA,
    _SPEAKING_PARTICIPLES,
    _THIRD_PERSON,
    _TRAILING_VERBS,
    _author,
    _closing,
    _closing_source,
    _earlier_speaker,
    _finite_after_infinitive,
    _last_named,
    _Layer,
    _named,
    _noun_phrase_before,
    _said_above,
    _source_span,
    _subject,
    _unnamed_by_choice,
)
from flashpoint.events.claims.quotes import _quoted_clause, quote_spans
from flashpoint.events.claims.related import (
    _CHARGE_NOUNS,
    _CHARGE_PLURALS,
    _DENY_VERBS,
    _POSSESSIVE_PRONOUNS,
    _blamer,
    _nobody,
    responsibility_claimer,
)
from flashpoint.events.claims.stance import (
    _UNLAWFUL,
    _UNVERIFIED,
    _charges,
    _flatly_denied,
    _observer,
    _own_attack,
    _owned_up,
    _same_side,
    overall_stance,
)
from flashpoint.events.docindex import children, sentence, sentence_text
from flashpoint.events.lexicon import Lexicon
from flashpoint.events.lookup import ActorLookup
from flashpoint.events.modality import Modality
from flashpoint.records import Actor, Claim, Document

__all__ = ["ClaimReader"]


# What "according to" can follow that speaks for no one: "according to the deal, rebels will leave",
# "according to their flight patterns".
_NO_SOURCES = frozenset(
    {"plan", "agreement", "deal", "accord", "treaty", "law", "rule", "schedule", "timetable", "term",
     "pattern", "type", "protocol", "procedure", "roadmap", "constitution", "principle", "tradition",
     "custom", "instruction", "order", "resolution", "arrangement", "design", "script", "need"}
)  # fmt: skip


# Acts done, not said: a party's word that its own side did not do one is a denial.
_MATERIAL = frozenset(
    {"ASSAULT", "COERCE", "SANCTION", "AID", "CONCEDE", "RETREAT", "MOBILIZE", "COOPERATE", "PROTEST"}
)

# What a finding is called when it "shows" or "indicates" something: no one who speaks.
_DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})

# Sources whose word means they are not named, whatever body they are said to belong to.
_HIDDEN_SOURCES = frozenset({"source", "insider"})

_WHEN_ENTITIES = frozenset({"DATE", "TIME"})

# Bodies a place names as part of their own name ("the Dorn Police Command").
_INSTITUTIONS = frozenset(
    {"directorate", "command", "council", "ministry", "committee", "office", "police", "authority",
     "department", "hospital", "university", "agency", "court", "governorate", "municipality",
     "brigade", "division", "front", "army", "forces", "observatory", "centre", "center", "times", "post"}
)  # fmt: skip
_QUOTE_MARKS = '"“”'

# Broadcasters named only by their kind, like "state media": generic sources.
_BROADCASTS = frozenset(
    {"television", "tv", "radio", "broadcaster", "channel", "newspaper", "press", "outlet", "daily"}
)
_BROADCAST_KINDS = frozenset(
    {"state", "state-run", "government", "local", "official", "pro-government", "regime"}
)


def _hedging_participle(verb: Token) -> bool:
    """Return True for "believed to be", "thought to belong": a participle hedging who its subject is,
    with no auxiliary of its own, which no one is named as saying."""
    # the parser often tags the participle a past tense: the "to" right after it tells ("believed to")
    return (
        verb.tag_ in {"VBN", "VBD"}
        and verb.i + 1 < len(verb.doc)
        and verb.doc[verb.i + 1].lower_ == "to"
        and verb.lemma_.lower() in {"believe", "think", "suspect", "say", "report", "understand"}
        and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)
        and any(
            c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            for c in verb.children
        )
    )


def _closing_relative(root: Token, trigger: Token, lexicon: Lexicon) -> Token | None:
    """Return the verb of a source that closes an unpunctuated sentence when the parser made it a
    relative clause on the noun before ("… killed in the same area the army said in its update"): a
    verb of saying with a subject of its own, nothing said in it, no relative word, and only its own
    words after it; else None."""
    last = max((t.i for t in root.subtree if not t.is_punct), default=root.i)
    for verb in root.subtree:
        if (
            verb.dep_ == "relcl"
            and verb.i > trigger.i
            and verb.right_edge.i >= last
            and lexicon.is_reporting(verb)
            and any(c.dep_ == "nsubj" and c.lower_ not in _RELATIVE for c in verb.children)
            and not any(
                c.dep_ in {"ccomp", "xcomp", "dobj", "advcl"} or c.lower_ in _RELATIVE for c in verb.children
            )
        ):
            return verb
    return None


class ClaimReader:
    """Reads the attribution of each trigger in one document."""

    def __init__(self, doc: Document, lexicon: Lexicon, lookup: ActorLookup) -> None:
        self.doc = doc
        self.lexicon = lexicon
        self.lookup = lookup
        self.quotes = quote_spans(doc.text)

    def claim(
        self,
        trigger: Token,
        *,
        plover: str,
        actor_text: str | None,
        modality: Modality,
        actor: Actor | None = None,
    ) -> Claim:
        """Return the claim for one event trigger: who states it, through what, and how firmly.

        `actor` is the event's coded actor; with `actor_text` it tells a party's report of its own act
        from a charge against another.
        """
        layers = _trailing_outlet(_relayed(self._layers(trigger)), trigger)
        post = self.doc.post_at(trigger.idx)
        if post is not None and self.doc.format == "post" and post.start == 0:
            post = None  # the document is the post: its author's own voice
        quote = self._quote(trigger.idx)
        if not layers and quote is not None:
            layers = self._speaker_near(trigger, quote[1])
        if not layers:
            layers = self._trailing_source(trigger)
        outer: list[str] = []
        channel: str | None = None
        if post is not None and post.author:
            outer.append(post.author)
            channel = f"Twitter @{post.handle}" if post.handle else "social media"
        for layer in reversed(layers[1:]):
            if layer.claimant:
                outer.append(layer.claimant)
        claimant_actor: Actor | None = None
        anonymous = False
        if layers:
            inner = layers[0]
            if inner.speaker:
                outer.append(inner.speaker)
            claimant = inner.claimant
            stance = inner.stance
            anonymous = inner.anonymous
            # The closest channel named wins; an outer relay ("…, a news agency reports") only when none is.
            channel = inner.channel or _relay(layers[1:]) or channel
            claimant_actor = self._actor(inner)
        elif post is not None and post.author:
            # A post quoted in an article: its author is the (named) source, the platform the channel.
            claimant, stance = outer.pop(), "reported"
            claimant_actor = self._resolve_text(claimant)
        elif _quoted_clause(trigger, self.doc.text[quote[0] : quote[1]] if quote else None):
            # a quoted statement whose speaker this sentence does not name: someone's words, not the author's
            claimant, stance = None, "reported"
        else:
            claimant, stance = None, "asserted"  # the author's own voice (a re-post's outlet is no claimant)
        # An own-voice claimant ("I", "we") is the post's author, or else the author: no claimant.
        if claimant and claimant.lower() in _FIRST_PERSON:
            if post is not None and post.author:
                claimant = post.author
                if outer and outer[-1] == post.author:
                    outer.pop()
            else:
                claimant, stance, channel, claimant_actor = None, "asserted", None, None
        voice = post.author if post is not None else None
        outer = [o for o in ((voice or "") if o.lower() in _FIRST_PERSON else o for o in outer) if o]
        if claimant is not None and channel is None and is_outlet(claimant):
            channel = claimant  # "State broadcaster KTV reported …": the outlet is its own channel
        if (
            claimant is not None
            and stance == "reported"
            and _charges(sentence_text(trigger), plover, actor_text, actor, claimant, claimant_actor)
        ):
            stance = "alleged"  # a named party charging another with violence
        if claimant is not None and stance == "reported" and _UNVERIFIED.search(sentence_text(trigger)):
            stance = "alleged"  # "…, a claim that could not be independently verified"
        if stance in {"asserted", "reported"} and any(_hedging_participle(a) for a in trigger.ancestors):
            stance = "alleged"  # "jets believed to be Bordurian bombed …": who did it is a belief
        blamer = _blamer(trigger)
        if blamer is not None and not layers:
            # "the bombing, which the government blamed on the Red Hand, …": the government alleges it
            layer = self._source_layer(blamer, "alleged")
            claimant, claimant_actor, stance = layer.claimant, self._actor(layer), "alleged"
        claimer = responsibility_claimer(trigger)
        if claimer is not None and claimant is None:
            # "attacks, also claimed by X": X is who says so
            layer = self._source_layer(claimer, "reported")
            claimant, claimant_actor = layer.claimant, self._actor(layer)
            # "… claimed responsibility in a statement posted on its website": the claim's own channel
            verb = claimer.head if claimer.dep_ == "nsubj" else claimer.head.head
            channel = channel or _channel(verb) or _medium(trigger)
            message = next(
                (c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in _SOURCE_MEDIA), None
            )
            if channel is None and message is not None:
                channel = _phrase(message)  # "issued a statement claiming responsibility …"
        # An act not done (yet) is claimed by no one: "said it will take the town", "said it never used"
        done = not (
            modality.negated
            or modality.future
            or modality.hypothetical
            or modality.conditional
            or modality.question
        )
        # "residents reported shelling": what a source reports as its object is no act of its own
        reported_object = (
            trigger.dep_ == "dobj"
            and self.lexicon.is_reporting(trigger.head)
            and trigger.head.lemma_ != "claim"
        )
        owned = _owned_up(trigger) if claimant is not None else None
        if owned is False:
            stance = "denied"  # "the group said it was not responsible for the bombing"
        responsible = (
            claimer is not None
            or (owned is True and stance != "denied")
            or (
                done
                and stance != "denied"  # "denied in a statement that its jets struck …": no claim of it
                and not reported_object
                and claimant is not None
                and not _names_the_object(trigger)
                and _own_attack(plover, actor_text, actor, claimant, claimant_actor)
            )
        )
        if (
            claimant is not None
            and layers
            and _flatly_denied(trigger, modality)
            and (
                # "witnesses said troops did not fire": an onlooker's account that it did not happen, negated
                (plover in _UNLAWFUL and not _observer(claimant, claimant_actor) and not anonymous)
                # "police said they had not arrested anyone", "rebels said their fighters executed no one":
                # a party, named or not, saying its own side did not act rejects that the act happened
                or (plover in _MATERIAL and _same_side(actor_text, actor, claimant, claimant_actor))
            )
        ):
            stance = "denied"  # "the army said it did not shell the village": a party rejects the charge
        stance = overall_stance(stance, plover, modality, responsible=responsible)
        if claimant is not None and any(q in claimant for q in _QUOTE_MARKS):
            # 'the villages" activists told …': a source's name never runs into the quotation before it
            claimant = re.split("[" + _QUOTE_MARKS + "]", claimant)[-1].strip(_STRIP) or claimant
        return Claim(
            stance=stance,
            claimant=claimant,
            claimant_actor=claimant_actor,
            channel=channel,
            quote=self.doc.text[quote[0] : quote[1]] if quote else None,
            quote_start=quote[0] if quote else None,
            quote_end=quote[1] if quote else None,
            chain=tuple(dict.fromkeys(o for o in outer if o and o != claimant)),
            anonymous=anonymous,
        )

    def denied(self, claim: Claim, trigger: Token, *, denier: Token | None = None) -> Claim:
        """Return the claim for a denied act: stance denied, and the denier as claimant ("the army denied
        shelling …", "the shelling was denied by the army"); the claim as read when no denier is named.
        `denier` names the denier when the denial is not above the act ("…, but B denied the claim")."""
        denier = denier if denier is not None else _denier(trigger)
        if denier is None:
            return replace(claim, stance="denied")
        layer = self._source_layer(denier, "denied")
        return replace(
            claim,
            stance="denied",
            claimant=layer.claimant,
            claimant_actor=self._actor(layer),
            anonymous=layer.anonymous,
        )

    def accused(self, claim: Claim, accuser: Token, modality: Modality) -> Claim:
        """Return the claim for an act an accusation charges ("A accused B of shelling …"): alleged,
        with the accuser as claimant (the accusation itself is the author's)."""
        layer = self._source_layer(accuser, "alleged")
        stance = overall_stance("alleged", "", modality)
        return replace(
            claim,
            stance=stance,
            claimant=layer.claimant,
            claimant_actor=self._actor(layer),
            anonymous=layer.anonymous,
        )

    def _layers(self, trigger: Token) -> list[_Layer]:
        # Innermost first: each reporting verb whose complement contains the trigger, then "according to".
        layers: list[_Layer] = []
        node = trigger
        for _ in range(12):
            layers.extend(self._according_to(node) or self._as_reported(node, trigger))
            head = node.head
            if head == node:
                layers.extend(self._trailing_report(node, trigger))
                break
            said = medium_content(node)
            if said is not None and self.lexicon.is_reporting(said):
                # "told Radio Nord in an interview that …": the that-clause hung on the medium is what is said
                layer = self._layer(said, node)
                if layer is not None:
                    layers.append(layer)
                node = said
                continue
            # An adverbial clause marked "that" is a misparsed complement clause.
            complement = node.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ == "that" for c in node.children
            )
            if _finite_after_infinitive(node):
                break  # "… calling on X to cease support, the US refused": a new statement, misattached
            # "said X worked to secure sanctions": a purpose clause is part of what is said
            purpose = node.dep_ == "advcl" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in node.children
            )
            # "X said villagers fled when troops withdrew": a time clause inside what is said is said too,
            # but "after rebels shelled the town, the army said …" is not the army's report of the shelling
            # so is a relative clause inside what is said ("X said a raid on the village where rebels are
            # fighting killed …")
            purpose = purpose or (
                node.dep_ in {"advcl", "relcl"}
                and not self.lexicon.is_reporting(head)
                and _said_above(head, self.lexicon)
            )
            if (node.dep_ in _BOUNDARY_DEPS and not complement and not purpose) or (
                layers and node.dep_ not in _CLAUSE_LINKS and not complement
            ):
                break
            hearsay = node.dep_ == "xcomp" and any(c.dep_ == "auxpass" for c in head.children)
            # "jets believed to be Bordurian killed …" parsed as the jets believing: a hedge on the actor
            hearsay = hearsay or _hedging_participle(head)
            agent = (
                _reporting_agent(node, head) if node == trigger and self.lexicon.is_reporting(head) else None
            )
            if agent is not None:
                # "the attack was reported by residents": the agent of the report is its source
                layers.append(
                    self._source_layer(agent, self.lexicon.reporting.get(head.lemma_.lower(), "asserted"))
                )
            elif hearsay:
                pass  # "troops are said to have shelled …": no source named, the modality says alleged
            elif (
                node.dep_ in {"ccomp", "acl"}
                and head.lower_ in _CHARGE_PLURALS
                and head.dep_ in {"dobj", "attr", "nsubj", "nsubjpass", "pobj"}
            ):
                # "confirmed reports that …" with "reports" tagged a verb: a noun by its place in the clause
                layer = self._noun_layer(head)
                if layer is not None:
                    layers.append(layer)
            elif (
                self.lexicon.is_reporting(head)
                and (node.dep_ in _CLAUSE_LINKS or complement)
                # "residents reported shelling", but not "must show a reaction to the use of gas": an
                # object is what is reported only when it is the event itself
                and (node.dep_ != "dobj" or node == trigger)
                # "affirmed its support": the object is the speech act itself, in the author's voice;
                # these verbs report only what a clause says
                and (node.dep_ != "dobj" or head.lemma_.lower() not in _CLAUSE_ONLY)
            ):
                layer = self._layer(head, node)
                if layer is not None:
                    layers.append(layer)
            elif node.dep_ == "ccomp" and head.pos_ == "NOUN" and head.lower_ in {"reports", "says"}:
                layers.extend(self._misread_report(head))
            elif node.dep_ in {"acl", "ccomp"} and head.lemma_.lower() in _SAYING_NOUNS:
                layer = self._noun_layer(head)
                if layer is not None:
                    layers.append(layer)
            elif (
                node.dep_ == "prep"
                and node.lower_ in {"of", "about", "on"}
                and head.lemma_.lower() == "report"
                and head.pos_ == "NOUN"
            ):
                layers.append(self._reports_of(head))
            node = head
        return layers

    def _reports_of(self, reports: Token) -> _Layer:
        """Return the source of "reports of shelling": unnamed (alleged, no claimant) unless the reports
        say whose they are; "press reports", "media reports" are the channel."""
        owner = next((c for c in reports.children if c.dep_ == "poss"), None) or _author(reports)
        modified = any(c.dep_ in {"compound", "amod", "nmod"} for c in reports.children)
        first, _ = core_span(reports)
        words = str(reports.doc[first : reports.i + 1].text).strip(_STRIP)
        channel = words if modified or owner is not None else None
        if owner is not None and owner.lower_ not in _POSSESSIVE_PRONOUNS:
            layer = self._source_layer(owner, "reported")
            return _Layer(layer.claimant, layer.token, channel, layer.stance, layer.anonymous)
        return _Layer(None, None, channel, "alleged", True)

    def _noun_layer(self, noun: Token) -> _Layer | None:
        # "Ruritania's claims that …", "a statement by the ministry that …", "said in a statement that …".
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is None:
            owner = next(
                (
                    p
                    for c in noun.children
                    if c.dep_ == "prep" and c.lower_ in {"by", "from"}
                    for p in c.children
                    if p.dep_ == "pobj"
                ),
                None,
            )
        verb = noun.head.head if noun.dep_ == "pobj" and noun.head.head != noun.head else noun.head
        if verb.lemma_.lower() in _DENY_VERBS:
            # the denier speaks ("dismissed reports that …"); the charge's author is another claimant
            # (denial_accusers)
            subject = _subject(verb)[0] if noun.lemma_.lower() in _CHARGE_NOUNS else None
            return self._source_layer(subject, "denied") if subject is not None else None
        medium = _phrase(noun) if noun.lemma_.lower() in _MEDIA_NOUNS else None
        if owner is not None and owner.lower_ in _POSSESSIVE_PRONOUNS and noun.dep_ == "dobj":
            # "Ruritania repeated its claim that …": the pronoun is the verb's subject
            owner = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        if owner is not None and owner.lower_ not in _POSSESSIVE_PRONOUNS:
            stance = "alleged" if noun.lemma_.lower() in _CHARGE_NOUNS - {"report"} else "reported"
            layer = self._source_layer(owner, stance)
            return _Layer(layer.claimant, layer.token, medium, layer.stance, layer.anonymous)
        if noun.dep_ in {"pobj", "dobj"} and self.lexicon.is_reporting(verb):
            said = self._layer(verb)
            if said is not None:
                relay = said.channel or (medium if noun.dep_ == "pobj" else None)  # not "confirmed reports"
                return _Layer(said.claimant, said.token, relay, said.stance, said.anonymous)
        if owner is None and noun.lemma_.lower() in _HEARSAY_NOUNS and _unowned_hearsay(noun):
            # "there were reports that …", "amid claims that …": no one named, an unverified account
            return self._reports_of(noun)
        return None

    def _misread_report(self, verb: Token) -> list[_Layer]:
        # "…, a news agency reports" parsed as one noun phrase: its modifiers name the source.
        modifiers = [c for c in verb.lefts if c.dep_ in {"det", "compound", "amod", "nmod", "poss"}]
        if not modifiers or not any(c.dep_ != "det" for c in modifiers):
            return []
        source = [c for c in modifiers if c.dep_ != "det"][-1]
        span = verb.doc[modifiers[0].i : verb.i]
        named = _named(span)
        indefinite = modifiers[0].lower_ in _INDEFINITE_DETS
        anonymous = indefinite or (source.lemma_.lower() in self.lexicon.anonymous and not named)
        claimant = span.text.strip(_STRIP)
        stance = "alleged" if anonymous and not named else "reported"
        channel = claimant if is_outlet(claimant) else None
        return [_Layer(claimant or None, None, channel, stance, anonymous and not named)]

    def _trailing_report(self, root: Token, trigger: Token) -> list[_Layer]:
        # "Serb forces killed three people, a council said" parsed with "said" under the event clause.
        found: list[_Layer] = []
        for child in root.children:
            # "shelled the town, claiming to have hit …": the actor's own gloss, not a source of the act
            trailing = (
                child.dep_ in {"parataxis", "ccomp", "advcl"} and child.i > trigger.i and child.tag_ != "VBG"
            )
            # "… after the execution was reported": what is reported, in a clause of its own
            subordinate = any(c.dep_ in {"mark", "auxpass"} for c in child.children)
            if (
                trailing
                and not subordinate
                and self.lexicon.is_reporting(child)
                and not any(c.dep_ == "ccomp" for c in child.children)
            ):
                layer = self._layer(child)
                if layer is not None:
                    found.append(layer)
        if not found:
            closing = _closing_relative(root, trigger, self.lexicon)
            layer = self._layer(closing) if closing is not None else None
            if layer is not None:
                found.append(layer)
        return found

    def _as_reported(self, node: Token, trigger: Token) -> list[_Layer]:
        # "…, as reported by the Klow Courier", "as the ministry said on Monday, …": an "as" clause of
        # saying, with nothing said in it, names the source of the clause it hangs on.
        if node != trigger and node.pos_ not in {"VERB", "AUX"}:
            return []
        for child in children(node):
            if (
                child.dep_ == "advcl"
                and self.lexicon.is_reporting(child)
                and any(c.dep_ == "mark" and c.lower_ == "as" for c in child.children)
                and not any(c.dep_ in {"ccomp", "xcomp", "dobj", "neg"} for c in child.children)
            ):
                source = next(
                    (p for a in child.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"),
                    None,
                ) or next((c for c in child.children if c.dep_ == "nsubj"), None)
                if source is not None and not _nobody(source):
                    stance = self.lexicon.reporting.get(child.lemma_.lower(), "asserted")
                    return [self._source_layer(source, stance)]
        return []

    def _according_to(self, node: Token) -> list[_Layer]:
        for child in children(node):
            if child.dep_ == "prep" and child.lower_ == "according":
                for to in children(child):
                    pobj = next((c for c in children(to) if c.dep_ == "pobj"), None)
                    if pobj is not None and pobj.lemma_.lower() not in _NO_SOURCES:
                        layer = self._medium_layer(pobj) or self._source_layer(pobj, "reported")
                        return [replace(layer, according=True)]
        return []

    def _medium_layer(self, medium: Token) -> _Layer | None:
        # "according to a statement released by X": X speaks, the statement is the channel.
        if medium.lemma_.lower() not in _MEDIA_NOUNS:
            return None
        author = next(
            (p for t in medium.subtree if t.dep_ in {"agent", "prep"} and t.lower_ in {"by", "from"}
             for p in t.children if p.dep_ == "pobj"),
            None,
        )  # fmt: skip
        if author is None and medium.lemma_.lower() == "report":
            return None  # "according to a report": a hearsay source, read as one (an unnamed report alleges)
        if author is None:
            # "according to a statement posted on Telegram": the platform it went out on
            return _Layer(None, None, _platform(medium) or _phrase(medium), "reported", False)
        layer = self._source_layer(author, "reported")
        return _Layer(layer.claimant, layer.token, _phrase(medium), layer.stance, layer.anonymous)

    def _medium_source(self, medium: Token) -> _Layer:
        # "a statement said", "IS's statement said", "a Defence Ministry statement said", "a report says":
        # the medium is the channel; its owner, when named, the claimant.
        first, last = core_span(medium)
        owner = next(
            (c for c in medium.children if c.dep_ == "poss" and c.ent_type_ not in _WHEN_ENTITIES), None
        )  # "Tuesday's statement": a day owns nothing
        if owner is None:
            owners = [t for t in medium.doc[first : medium.i] if t.dep_ == "compound" and t.pos_ == "PROPN"]
            owner = owners[-1] if owners else None
        author = _author(medium)
        if owner is None and author is not None and _relayed_by(medium, author):
            # "the statement, carried by the Rutag news agency, said": the outlet relays an unnamed author
            return _Layer(None, None, _phrase(author), "reported", False)
        if owner is None and author is not None:
            # "a video released by X", "reports by rights groups": X speaks through the medium
            layer = self._source_layer(author, "reported")
            return _Layer(layer.claimant, layer.token, _phrase(medium), layer.stance, layer.anonymous)
        channel = medium.doc[first : last + 1].text.strip(_STRIP)
        if (
            owner is not None
            and owner.dep_ == "poss"
            and owner.lower_ not in _POSSESSIVE_PRONOUNS
            and not _named(medium.doc[owner.i : owner.i + 1])
        ):
            # "the ministry's statement", "the activists' video": whoever owns it speaks through it
            layer = self._source_layer(owner, "reported")
            claimant = (layer.claimant or "").removesuffix("'s").removesuffix("’s").strip(_STRIP)
            return _Layer(claimant or None, layer.token, channel, layer.stance, layer.anonymous)
        if (
            owner is not None
            and owner.lower_ not in _POSSESSIVE_PRONOUNS
            and _named(medium.doc[owner.i : owner.i + 1])
        ):
            o_first, o_last = core_span(owner)
            claimant = medium.doc[o_first : o_last + 1].text.strip(_STRIP)
            if claimant.endswith(("'s", "’s")):
                claimant = claimant[:-2]
            return _Layer(claimant or None, owner, channel, "reported", False)
        indefinite = medium.doc[first].lower_ in _INDEFINITE_DETS or medium.tag_ == "NNS"
        return _Layer(None, None, channel, "alleged" if indefinite else "reported", indefinite)

    def _saying_medium(self, medium: Token) -> _Layer:
        """Return the layer of a medium that says something itself ("a statement saying …"): whoever put
        it out speaks ("the ministry issued a statement saying …"), through the medium or the platform
        it went out on; else the medium read as a source."""
        verb = medium.head
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if (
            medium.dep_ != "dobj"
            or verb.lemma_.lower() not in _PUBLISHING_VERBS
            or subject is None
            or subject.lower_ in _RELATIVE
        ):
            return self._medium_source(medium)
        layer = self._source_layer(subject, "reported")
        channel = _platform(medium, also=verb) or _phrase(medium)
        return _Layer(layer.claimant, layer.token, channel, layer.stance, layer.anonymous)

    def _trailing_source(self, trigger: Token) -> list[_Layer]:
        """Return the source named after the event when the parse lost it: "… the Observatory said",
        "… rebels said", "… said the statement", "… was quoted as saying by local media"."""
        sent = sentence(trigger)
        lower = sentence_text(trigger).lower()  # a word not in the text is no token of it: skip the walks
        if "according" in lower:
            for word in sent:
                # "…, according to X", and "According to X, …" heading the whole sentence
                opening = word.i < trigger.i and word.head == sent.root and word.i == sent.start
                if (word.i > trigger.i or opening) and word.lower_ == "according":
                    for to in word.children:
                        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
                        if pobj is not None and pobj.lemma_.lower() not in _NO_SOURCES:
                            layer = self._medium_layer(pobj) or self._source_layer(pobj, "reported")
                            verb = word.head
                            said = (
                                self._layer(verb)
                                if self.lexicon.is_reporting(verb)
                                and verb.i < word.i
                                and all(t.is_punct for t in sent.doc[verb.i + 1 : word.i])
                                else None
                            )
                            # "… Ivan said according to the Courier's report": Ivan speaks, the report relays
                            return _relayed([replace(layer, according=True), *([said] if said else [])])
        if not any(verb in lower for verb in _TRAILING_VERBS):
            return []
        for verb in sent.doc[trigger.i + 1 : sent.end]:
            if verb.lower_ not in _TRAILING_VERBS or verb.dep_ in {"amod", "compound"}:
                continue
            closing = _closing_source(verb)
            if closing is not None:
                # "…, said Ivan Petrov, a 40-year-old teacher.": the source closes the sentence
                layer = self._source_layer(closing, "reported")
                claimant = sent.doc[closing.left_edge.i : closing.right_edge.i + 1].text.strip(_STRIP + '"“”')
                channel = layer.channel or _channel(verb)
                return [_Layer(claimant, layer.token, channel, layer.stance, layer.anonymous)]
            quoting = _quoting(verb)
            if quoting is not None:
                # "…, Radio Nord quoted a police officer as saying": the officer speaks, Radio Nord relays
                said = self._layer(verb)
                return [said] if said is not None else []
            if any(
                c.i > verb.i and (c.dep_ == "ccomp" or (c.dep_ == "xcomp" and c.tag_ != "VBG"))
                for c in verb.children
            ):
                continue  # the verb introduces its own statement to the right ("said revising": not)
            if any(c.dep_ == "mark" for c in verb.children):
                continue  # "as officials said": a subordinate clause
            quoted = self._passive_quote(verb)
            if quoted is not None:
                return [quoted]
            if any(c.dep_ == "auxpass" for c in verb.children):
                continue  # "after the execution was reported": what is reported, not who reports
            inverted_subject = any(c.dep_ == "nsubj" and c.i > verb.i for c in verb.children)
            if verb.dep_ in {"relcl", "acl"} and not _closing(verb) and not inverted_subject:
                continue  # "the attack, for which X claimed …": a description, not this event's source
            own_subject = any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
            joined = any(c.dep_ == "cc" and trigger.i < c.i < verb.i for c in trigger.children)
            if verb.dep_ == "conj" and verb.head.i == trigger.i and joined and not own_subject:
                continue  # "rebels attacked the base and then told reporters": the actor speaks on
            inverted = not any(c.dep_ in {"nsubj", "nsubjpass"} and c.i < verb.i for c in verb.children)
            following = (
                verb.lower_ in {"said", "says", "reported", "reports", "added"}
                and verb.i + 1 < sent.end
                and verb.doc[verb.i + 1].pos_ in {"DET", "PROPN", "NOUN"}
                and verb.doc[verb.i + 1].ent_type_ not in _WHEN_ENTITIES  # "… the envoy said Wednesday"
            )
            before = None if inverted and following else _noun_phrase_before(verb, trigger)
            if before is not None:
                layer = self._source_layer(before[1], "reported")
                if before[1].lemma_.lower() in _SOURCE_MEDIA:
                    return [layer]  # "…, the statement read": the medium is the channel, its owner speaks
                first = self._after_place(sent.doc, before[0], before[1].i)
                claimant = sent.doc[first : before[1].i + 1].text.strip(_STRIP)
                channel = claimant if is_outlet(claimant) else _channel(verb)
                return [_Layer(claimant, layer.token, channel, layer.stance, layer.anonymous)]
            after = verb.doc[verb.i + 1] if verb.i + 1 < sent.end else None
            # only a verb that can go before its subject: "…, said the statement", but "claimed hundreds of
            # lives" and "told the radio" are objects
            if (
                after is not None
                and after.pos_ in {"DET", "PROPN", "NOUN"}
                and after.ent_type_ not in _WHEN_ENTITIES
                and verb.lower_ in _INVERTING
            ):
                # "… said the statement": the subject follows its verb
                head = after if after.pos_ != "DET" else after.head
                if head.pos_ in {"NOUN", "PROPN"}:
                    layer = self._source_layer(head, "reported")
                    medium = layer.claimant if head.lemma_.lower() in _MEDIA_NOUNS else None
                    return [
                        _Layer(
                            layer.claimant,
                            layer.token,
                            medium or layer.channel,
                            layer.stance,
                            layer.anonymous,
                        )
                    ]
            return []
        return []

    def _after_place(self, doc: Any, first: int, last: int) -> int:
        """Return where a source's name starts when a place ends the clause before it with no comma
        ("… in Dorn Ivan Petrov told …"): after the place, so that the name is not given its country."""
        start = doc[first].idx
        for place in self.doc.places:
            if place.start != start:
                continue
            after = next((t.i for t in doc[first : last + 1] if t.idx >= place.end), None)
            if (
                after is not None
                and doc[after].pos_ == "PROPN"
                and doc[after].ent_iob_ != "I"  # "Homs Health Directorate": one name
                and doc[last].lower_ not in _INSTITUTIONS
            ):
                return int(after)
        return first

    def _passive_quote(self, verb: Token) -> _Layer | None:
        # "the army was quoted as saying by local media": the army speaks, local media relays.
        if verb.lemma_.lower() not in {"quote", "cite"} or not any(
            c.dep_ == "auxpass" for c in verb.children
        ):
            return None
        speaker = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if speaker is None:
            return None
        relay = next(
            (p for t in verb.subtree if t.lower_ == "by" for p in t.children if p.dep_ == "pobj"), None
        )
        layer = self._source_layer(speaker, "reported")
        channel = _phrase(relay) if relay is not None else None
        return _Layer(layer.claimant, layer.token, channel, layer.stance, layer.anonymous)

    def _layer(self, verb: Token, clause: Token | None = None) -> _Layer | None:
        lemma = verb.lemma_.lower()
        quoted = _quoted_as(verb) or _quoting(verb)
        if quoted is not None:
            # "Radio Nord quoted the governor as saying …": the governor speaks, Radio Nord relays.
            source, relay = quoted
            layer = self._source_layer(source, "reported")
            return _Layer(
                layer.claimant,
                layer.token,
                _phrase(relay) if relay is not None else None,
                layer.stance,
                layer.anonymous,
            )
        stance = self.lexicon.reporting.get(lemma, "asserted")
        if any(c.dep_ == "neg" for c in verb.children):
            if lemma != "deny":
                return None  # "X has not claimed the attack", "did not say who fired": not X's word
            stance = "reported"  # "did not deny that strikes took place": the strikes are X's account
        # markup left in the text ("**General Votel**") can be parsed as a subject: take a word
        subject, end = _subject(verb)
        if lemma in {"hear", "learn"}:
            source = next(
                (
                    pobj
                    for prep in verb.children
                    if prep.dep_ == "prep" and prep.lower_ == "from"
                    for pobj in prep.children
                    if pobj.dep_ == "pobj"
                ),
                None,
            )
            if source is not None:
                layer = self._source_layer(source, stance)
                speaker = _phrase(subject) if subject is not None else None
                return _Layer(
                    layer.claimant, layer.token, layer.channel, layer.stance, layer.anonymous, speaker
                )
        if subject is None and verb.dep_ == "acl" and verb.head.lemma_.lower() in _MEDIA_NOUNS:
            return self._saying_medium(verb.head)  # "issued a statement saying …", "a video showing …"
        node = verb
        while subject is None and node.dep_ in {"advcl", "conj", "xcomp"} and node.head != node:
            # "X rejected the demand, saying …": the participle speaks for X; but a finite verb hung on the
            # event clause ("jets bombed the clinic killing nine activists reported") lost its own subject
            if node.dep_ == "advcl" and node.tag_ in {"VBD", "VBZ", "VBP"}:
                break
            node = node.head
            subject = next((c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if _within_statement(node, subject, lemma, self.lexicon):
                # "X said ten people were hurt, adding that …": the participle hangs on what X says, and
                # X, not the clause's subject, goes on speaking
                node = node.head
                subject = next((c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        agent = next(
            (p for a in node.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"), None
        )
        # (but "X was quoted by Radio Nord as saying": the agent relays, read above)
        if (
            subject is not None
            and subject.dep_ == "nsubjpass"
            and agent is not None
            and lemma not in {"quote", "cite"}
        ):
            subject, end = agent, None  # "the findings were confirmed by health officials": they speak
        if subject is None or _nobody(subject):
            return None  # "nobody claimed the attack": no one says so
        if subject.lower_ in _DEMONSTRATIVES and subject.dep_ == "nsubj" and not list(subject.children):
            return None  # "this shows that gas was used, a journalist said": a finding, not a speaker
        if subject.lower_ in _RELATIVE and verb.dep_ == "relcl":
            subject, end = verb.head, None  # "according to Moussa, who notes that …"
        layer = self._source_layer(subject, stance, end=end)
        channel = _channel(verb, clause) or layer.channel or ("Twitter" if lemma == "tweet" else None)
        if channel is None and lemma in {"quote", "cite"}:
            # "…, the governor was quoted by Radio Nord as saying"
            relay = next(
                (p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"), None
            )
            channel = _phrase(relay) if relay is not None else None
        cited = _cited(verb)
        if cited is None and clause is not None and layer.claimant and is_outlet(layer.claimant):
            # "Radio Nord reported that police arrested two men, quoting a spokesman": the parser hangs
            # the outlet's "quoting" on what it reports
            cited = _cited(clause)
            if cited is not None and not self._sourcelike(cited):
                cited = None  # "…, citing security concerns": the actor's own reason
        if cited is not None:
            # "…, Radio Nord reported, citing the governor": the governor speaks, Radio Nord relays
            source = self._source_layer(cited, stance)
            # whoever cites another is the relay, an outlet by name or not ("the Velka Courier, citing …")
            relay = channel or layer.claimant
            return _Layer(
                source.claimant, source.token, source.channel or relay, source.stance, source.anonymous
            )
        return _Layer(layer.claimant, layer.token, channel, layer.stance, layer.anonymous)

    def _sourcelike(self, token: Token) -> bool:
        """Return True for a word that names someone who can speak: a name, a role, an unnamed source."""
        lemma = token.lemma_.lower()
        return (
            token.pos_ == "PROPN"
            or token.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}
            or lemma in self.lexicon.anonymous
            or lemma in _ROLE_NOUNS
            or lemma in _JOURNALISTS
            or lemma in _GENERIC
        )

    def _source_layer(self, token: Token, stance: str, *, end: int | None = None) -> _Layer:
        if token.lower_ == "it" and token.dep_ == "nsubjpass":
            return _Layer(None, None, None, "alleged", False)  # "it is claimed that …": no one named
        if token.lemma_.lower() in _SOURCE_MEDIA or (
            token.lemma_.lower() in _INQUIRY_NOUNS and _author(token) is not None
        ):
            return self._medium_source(token)  # "an inquiry by X found …": X speaks through it
        if token.lower_ in _THIRD_PERSON:
            # "the army says it has documented …": the speaker of the statement around; else "He said …":
            # the speaker named before
            token = (
                _outer_speaker(token, self.lexicon)
                or _earlier_speaker(token, self.lexicon)
                or _last_named(token)
                or token
            )
        first, last = _source_span(token)
        if end is not None:
            last = max(last, end)
        span = token.doc[first : last + 1]
        named = _named(span)
        # "a news agency", "one resident": an indefinite source is unnamed, unless it says whose it is.
        indefinite = span[0].lower_ in _INDEFINITE_DETS and not any(
            c.dep_ == "prep" and c.lower_ in {"for", "of", "from", "at", "with"} for c in token.children
        )
        lemma = token.lemma_.lower()
        words = {lemma, token.lower_}  # "media" has the lemma "medium"
        generic = (
            bool(words & self.lexicon.anonymous)
            or bool(words & _GENERIC)
            or (lemma in _GENERIC_PLURAL and token.tag_ in {"NNS", "NNPS"})
            # "opposition forces", "rebel commanders": a group named only by the side it is on
            or (
                token.tag_ in {"NNS", "NNPS"}
                and any(c.dep_ in {"compound", "amod"} and c.lemma_.lower() in _GENERIC for c in token.lefts)
            )
            # "state television", "local radio": a kind of broadcaster, not a named one
            or (
                lemma in _BROADCASTS
                # "the state-run newspaper" ("state" hangs on "run"); a news agency stays out: "the official
                # Syrian news agency" is one agency, the country's
                and any(
                    c.dep_ in {"compound", "amod"} and _BROADCAST_KINDS & {t.lower_ for t in c.subtree}
                    for c in token.lefts
                )
            )
        )
        # "a source at the Police Command", "sources in the Dorn Brigade": whose they are names a body, not them
        anonymous = (not named and (generic or indefinite)) or lemma in _HIDDEN_SOURCES
        # "a source quoted by Radio Nord", "an officer, speaking on condition of anonymity,": how it spoke
        manner = [
            c
            for c in token.rights
            if c.dep_ in {"acl", "relcl"} and c.lemma_.lower() in _SPEAKING_PARTICIPLES
        ]
        if anonymous:
            # Keep the whole description of an unnamed source: "one source on the ground".
            end = manner[0].left_edge.i if manner else token.right_edge.i + 1
            # "officials who said tests showed …": the relative clause is what they did, not who they are
            clause = next((c for c in token.rights if c.dep_ == "relcl"), None)
            if clause is not None:
                end = min(end, clause.left_edge.i)
            while end - 1 > token.i and token.doc[end - 1].is_punct:
                end -= 1
            after = token.doc[end] if end < len(token.doc) else None
            if (
                after is not None
                and after.dep_ == "prep"
                and after.lower_ in {"on", "in", "at", "near", "inside"}
            ):
                end = after.right_edge.i + 1  # "one source | on the ground" attached to the verb
            span = token.doc[first : max(end, token.i + 1)]
        # "the army's chief of staff, speaking on condition of anonymity, said": unnamed by choice
        anonymous = anonymous or _unnamed_by_choice(token)
        if stance in {"asserted", "reported"}:
            # A neutral verb: a named source reports, an unnamed or generic one ("residents") alleges.
            stance = "alleged" if anonymous else "reported"
        channel = _medium(token)  # "said the governor in a statement", the medium hung on the source
        for participle in manner:
            # "quoted by Radio Nord", "speaking on state television": the relay or the medium
            agent = next(
                (p for a in participle.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"),
                None,
            )
            channel = channel or (_phrase(agent) if agent is not None else _speaking_channel(participle))
        if channel is None and token.lemma_.lower() in _JOURNALISTS:
            channel = _employer(token)  # "Rutag's correspondent", "a reporter for the Velka Courier"
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "with":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    channel = _phrase(pobj)
        return _Layer(span.text.strip(_STRIP) or None, token, channel, stance, anonymous)

    def _speaker_near(self, trigger: Token, quote_end: int) -> list[_Layer]:
        # A quotation without its own attribution belongs to the speaker named beside it: in its own
        # sentence, in the sentence where it closes ("“… all night. They …,” Keller said."), or before.
        own = sentence(trigger)
        candidates = [own]
        following = own
        while following.end < len(trigger.doc) and following.end_char < quote_end:
            following = sentence(trigger.doc[following.end])
            candidates.append(following)
        if own.start > 0:
            candidates.append(sentence(trigger.doc[own.start - 1]))
        for sent in candidates:
            for token in sent:
                if self.lexicon.is_reporting(token):
                    layer = self._layer(token)
                    if layer is not None:
                        return [layer]
        return []

    def _quote(self, offset: int) -> tuple[int, int] | None:
        for start, end in self.quotes:
            if start <= offset < end:
                return start, end
        return None

    def _actor(self, layer: _Layer) -> Actor | None:
        if layer.token is None or layer.anonymous:
            return None
        actor, _ = self.lookup.resolve(layer.token)
        return actor

    def _resolve_text(self, text: str) -> Actor | None:
        resolver = self.lookup.resolver
        return resolver.resolve(text, date=self.lookup.date) if resolver is not None else None


def _employer(journalist: Token) -> str | None:
    """Return the outlet a journalist works for, as written ("Rutag's correspondent", "the Rutag reporter",
    "a reporter for the Velka Courier"), else None."""
    owner = next(
        (c for c in journalist.children if c.dep_ == "poss" and c.lower_ not in _POSSESSIVE_PRONOUNS), None
    )
    if owner is None:
        owner = next(
            (
                c
                for c in journalist.lefts
                if c.dep_ == "compound" and (c.pos_ == "PROPN" or c.ent_type_ == "ORG")
            ),
            None,
        )
    if owner is None:
        owner = next(
            (
                p
                for c in journalist.rights
                if c.dep_ == "prep" and c.lower_ in {"for", "of", "with", "from"}
                for p in c.children
                if p.dep_ == "pobj" and (p.pos_ == "PROPN" or is_outlet(_phrase(p)))
            ),
            None,
        )
    if owner is None:
        return None
    return _phrase(owner).removesuffix("'s").removesuffix("’s").strip(_STRIP) or None


# Verbs of saying that report only a clause ("affirmed that …"), never a noun object ("affirmed its support").
_CLAUSE_ONLY = frozenset({"affirm", "mention"})

# Verbs of saying that news text puts before their subject: "…, said the governor".
_INVERTING = frozenset(
    {"said", "says", "added", "reported", "reports", "wrote", "stated", "tweeted", "posted", "read", "reads"}
)


# Participles of saying that go on with what the speaker around them says: "…, adding that …".
_CONTINUING = frozenset({"add"})

# Verbs that put out another's medium: "a statement carried by the Rutag agency".
_RELAYING = frozenset({"carry", "publish", "broadcast", "air", "run", "relay", "circulate", "distribute"})


def _within_statement(clause: Token, subject: Token | None, lemma: str, lexicon: Lexicon) -> bool:
    """Return True when a participle of saying hangs on a clause that is itself what another says
    ("X said ten people were hurt, adding …", "X said a raid was carried out, saying …"): the speaker
    of the clause around goes on, not its subject (always for "adding", else when that is a patient)."""
    if clause.dep_ != "ccomp" or not lexicon.is_reporting(clause.head) or lexicon.is_reporting(clause):
        return False
    return lemma in _CONTINUING or subject is None or subject.dep_ == "nsubjpass"


def _names_the_object(trigger: Token) -> bool:
    """Return True when an act's pronoun subject stands for what the speaker's verb is about, not for
    the speaker: "X condemned the shelling, saying it killed nine" (the shelling killed, not X)."""
    subject = next((c for c in trigger.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ not in {"it", "they"} or trigger.dep_ != "ccomp":
        return False
    saying = trigger.head
    if saying.dep_ != "advcl" or saying.tag_ != "VBG":
        return False
    about = next((c for c in saying.head.children if c.dep_ == "dobj"), None)
    return (
        about is not None
        and about.pos_ == "NOUN"
        and about.lemma_.lower() not in _MEDIA_NOUNS  # "issued a statement, saying it attacked …": its own
        and (subject.lower_ == "it") == (about.tag_ == "NN")
    )


def _relayed_by(medium: Token, author: Token) -> bool:
    """Return True when the X of "a statement carried by X" is an outlet that put the medium out
    rather than its author ("published by the Velka Courier"; but "a video released by the army")."""
    return (
        author.head.dep_ == "agent"
        and author.head.head.head == medium
        and author.head.head.lemma_.lower() in _RELAYING
        and is_outlet(_phrase(author))
    )


def _reporting_agent(act: Token, verb: Token) -> Token | None:
    """Return X of "<act> was reported by X" (a passive verb of saying with the act as its subject), else
    None; "claimed by X" is a claim of responsibility, read elsewhere."""
    if act.dep_ != "nsubjpass" or verb.lemma_.lower() in {"claim", "deny"}:
        return None
    return next((p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"), None)


def _relayed(layers: list[_Layer]) -> list[_Layer]:
    """Return the layers with "X said …, according to <an outlet or a report>" read as X speaking through
    that outlet or report: the parser hangs "according to" on the reported clause, but a source that is
    an outlet or a medium relays the speaker around it rather than speaking inside what X says."""
    if len(layers) < 2 or not layers[0].according:
        return layers
    inner = layers[0]
    if inner.claimant is not None and not is_outlet(inner.claimant) and inner.channel is None:
        return layers  # "X said that, according to witnesses, …": the witnesses are the innermost source
    speaker = layers[1]
    if speaker.claimant is None or is_outlet(speaker.claimant):
        return layers
    relay = speaker.channel or inner.channel or inner.claimant
    return [replace(speaker, channel=relay), *layers[2:]]


# Verbs that look into an account rather than make it: "is investigating reports that …".
_CHECKING_VERBS = frozenset({"investigate", "examine", "probe", "check", "verify", "review", "study"})

# Nouns for accounts no one need own: "there were reports that …".
_HEARSAY_NOUNS = frozenset({"report", "claim", "allegation", "rumour", "rumor"})


def _unowned_hearsay(noun: Token) -> bool:
    """Return True for an account that stands on its own ("there were reports that …", "reports that …
    emerged", "amid claims that …"), not one a verb takes up ("confirmed reports that …")."""
    head = noun.head
    if noun.dep_ == "attr":
        return any(c.dep_ == "expl" for c in head.children)
    if noun.dep_ in {"nsubj", "nsubjpass"}:
        return not any(c.dep_ in {"acomp", "attr"} for c in head.children)
    if noun.dep_ == "dobj":
        return head.lemma_.lower() in _CHECKING_VERBS  # "is investigating reports that …"
    return noun.dep_ == "pobj" and head.lower_ in {"amid", "amidst", "despite"}


def _trailing_outlet(layers: list[_Layer], trigger: Token) -> list[_Layer]:
    """Return the layers with "X said <act>, Radio Nord reported" read as X speaking through the outlet:
    the parser hangs the closing report inside what X says, but an outlet named after the act relays
    the speaker named before it."""
    if len(layers) < 2:
        return layers
    inner, outer = layers[0], layers[1]
    if (
        inner.token is None
        or outer.token is None
        or not inner.claimant
        or not outer.claimant
        or not is_outlet(inner.claimant)
        or is_outlet(outer.claimant)
        or not outer.token.i < trigger.i < inner.token.i
    ):
        return layers
    return [replace(outer, channel=outer.channel or inner.channel or inner.claimant), *layers[2:]]


def _denier(trigger: Token) -> Token | None:
    """Return who denies an act: the subject of the denial above it, or the agent of "denied by X"."""
    node = trigger
    for _ in range(4):
        head = node.head
        if head == node:
            return None
        if head.lemma_.lower() in _DENY_VERBS and head.pos_ in {"VERB", "AUX"}:
            agent = next(
                (p for a in head.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"), None
            )
            subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
            found = agent if agent is not None else subject
            return None if found is None or found.lower_ in _RELATIVE or _nobody(found) else found
        node = head
    return None


def _outer_speaker(pronoun: Token, lexicon: Lexicon) -> Token | None:
    """Return the named subject of the verb of saying whose statement a pronoun's own saying is part of
    ("the army said it had found that …" → the army), else None."""
    verb = pronoun.head
    if verb.dep_ not in {"ccomp", "xcomp"} or not lexicon.is_reporting(verb.head):
        return None
    subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ == "PRON":
        return None
    if pronoun.lower_ in {"he", "she"} and subject.ent_type_ not in {"PERSON", ""}:
        return None
    return subject


def _quoting(verb: Token) -> tuple[Any, Any] | None:
    """Return (speaker, relay) of a closing "<relay> quoted <speaker> as saying", else None."""
    if verb.lemma_.lower() not in {"quote", "cite"}:
        return None
    speaker = next((c for c in verb.children if c.dep_ == "dobj"), None)
    relay = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    as_saying = any(t.lower_ == "as" for t in verb.subtree if t.i > verb.i)
    if speaker is None or relay is None or not as_saying:
        return None
    return speaker, relay
