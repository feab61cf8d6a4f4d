"""Claims: who asserts an event, through which channel, with what stance, and the quoted span."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from flashpoint.events.arguments import core_span
from flashpoint.events.lexicon import Lexicon
from flashpoint.events.lookup import ActorLookup
from flashpoint.events.modality import Modality
from flashpoint.records import Actor, Claim, Document

__all__ = ["ClaimReader", "quote_spans"]

_QUOTES = re.compile(r"“([^”]{1,2000})”|\"([^\"\n]{1,2000})\"|``(.{1,2000}?)''", re.DOTALL)
_FIRST_PERSON = frozenset({"i", "we"})
_THIRD_PERSON = frozenset({"he", "she", "they", "it"})
_RELATIVE = frozenset({"who", "which", "that"})
# Attribution does not cross into an adverbial or relative clause: "after we reported that …, X said".
_BOUNDARY_DEPS = frozenset({"advcl", "relcl"})
_STRIP = " ,.;:*_"
_WHEN = frozenset({"DATE", "TIME"})
_CLAUSE_LINKS = frozenset({"ccomp", "xcomp", "parataxis", "dobj"})
# Stances that describe the event's reality override the plain attribution stance, in this order.
_STANCE_ORDER = ("denied", "hypothetical", "future", "threatened", "alleged", "reported", "asserted")


def quote_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Return (start, end) character offsets of the inside of each quotation in `text`."""
    spans: list[tuple[int, int]] = []
    for match in _QUOTES.finditer(text):
        group = next(i for i in (1, 2, 3) if match.group(i) is not None)
        spans.append((match.start(group), match.end(group)))
    return tuple(spans)


@dataclass(frozen=True, slots=True)
class _Layer:
    claimant: str | None
    token: Any | None
    channel: str | None
    stance: str
    anonymous: bool
    speaker: str | None = None  # who relays an unnamed source: "I am hearing from one source"


class ClaimReader:
    """Reads the attribution of each trigger in one document."""

    def __init__(self, doc: Document, lexicon: Lexicon, lookup: ActorLookup) -> None:
        self.doc = doc
        self.lexicon = lexicon
        self.lookup = lookup
        self.quotes = quote_spans(doc.text)

    def claim(self, trigger: Any, *, plover: str, actor_text: str | None, modality: Modality) -> Claim:
        """Return the claim for one event trigger."""
        layers = self._layers(trigger)
        post = self.doc.post_at(trigger.idx)
        quote = self._quote(trigger.idx)
        if not layers and quote is not None:
            layers = self._speaker_near(trigger)
        outer: list[str] = []
        channel: str | None = None
        if post is not None and post.author:
            outer.append(post.author)
            channel = f"Twitter @{post.handle}" if post.handle else "social media"
        for layer in reversed(layers[1:]):
            if layer.claimant:
                outer.append(layer.claimant)
        if layers:
            inner = layers[0]
            if inner.speaker:
                outer.append(inner.speaker)
            claimant = inner.claimant
            stance = inner.stance
            anonymous = inner.anonymous
            channel = inner.channel or channel
            claimant_actor = self._actor(inner)
        elif plover == "THREATEN" and actor_text:
            claimant, stance, anonymous, claimant_actor = actor_text, "threatened", False, None
        elif post is not None and post.author:
            claimant, stance, anonymous = outer.pop(), "asserted", False
            claimant_actor = self._resolve_text(claimant)
        else:
            claimant = self.doc.author or self.doc.publisher
            channel = self.doc.publisher
            stance, anonymous, claimant_actor = "asserted", False, None
        # An own-voice claimant ("I", "we") is the post's author, or else the document's.
        if claimant and claimant.lower() in _FIRST_PERSON:
            if post is not None and post.author:
                claimant = post.author
                if outer and outer[-1] == post.author:
                    outer.pop()
            else:
                claimant = self.doc.author or self.doc.publisher
        voice = (post.author if post is not None else None) or self.doc.author or self.doc.publisher
        outer = [(voice or o) if o.lower() in _FIRST_PERSON else o for o in outer]
        stance = _overall_stance(stance, plover, modality, anonymous)
        if plover == "THREATEN" and stance == "asserted":
            stance = "threatened"
        if claimant_actor is None and layers == [] and plover == "THREATEN" and actor_text:
            claimant_actor = self._resolve_text(actor_text)
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

    def _layers(self, trigger: Any) -> list[_Layer]:
        # Innermost first: each reporting verb whose complement contains the trigger, then "according to".
        layers: list[_Layer] = []
        node = trigger
        for _ in range(12):
            layers.extend(self._according_to(node))
            head = node.head
            if head == node:
                layers.extend(self._trailing_report(node, trigger))
                break
            # An adverbial clause marked "that" is a misparsed complement clause.
            complement = node.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ == "that" for c in node.children
            )
            if _finite_after_infinitive(node):
                break  # "… calling on X to cease support, the US refused": a new statement, misattached
            if (node.dep_ in _BOUNDARY_DEPS and not complement) or (
                layers and node.dep_ not in _CLAUSE_LINKS and not complement
            ):
                break
            if self.lexicon.is_reporting(head) and (node.dep_ in _CLAUSE_LINKS or complement):
                layer = self._layer(head)
                if layer is not None:
                    layers.append(layer)
            node = head
        return layers

    def _trailing_report(self, root: Any, trigger: Any) -> list[_Layer]:
        # "Serb forces killed three people, a council said" parsed with "said" under the event clause.
        found: list[_Layer] = []
        for child in root.children:
            trailing = child.dep_ in {"parataxis", "ccomp", "advcl"} and child.i > trigger.i
            if (
                trailing
                and self.lexicon.is_reporting(child)
                and not any(c.dep_ == "ccomp" for c in child.children)
            ):
                layer = self._layer(child)
                if layer is not None:
                    found.append(layer)
        return found

    def _according_to(self, node: Any) -> list[_Layer]:
        for child in node.children:
            if child.dep_ == "prep" and child.lower_ == "according":
                for to in child.children:
                    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
                    if pobj is not None:
                        return [self._source_layer(pobj, "reported")]
        return []

    def _layer(self, verb: Any) -> _Layer | None:
        lemma = verb.lemma_.lower()
        stance = self.lexicon.reporting.get(lemma, "asserted")
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
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
                return _Layer(layer.claimant, layer.token, layer.channel, stance, layer.anonymous, speaker)
        node = verb
        while subject is None and node.dep_ in {"advcl", "conj", "xcomp"} and node.head != node:
            # "X rejected the demand, saying …": the participle speaks for X.
            node = node.head
            subject = next((c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is None:
            return None
        if subject.lower_ in _RELATIVE and verb.dep_ == "relcl":
            subject = verb.head  # "according to Moussa, who notes that …"
        layer = self._source_layer(subject, stance)
        return _Layer(layer.claimant, layer.token, _channel(verb) or layer.channel, stance, layer.anonymous)

    def _source_layer(self, token: Any, stance: str) -> _Layer:
        if token.lower_ in _THIRD_PERSON:
            token = _earlier_speaker(token, self.lexicon) or token  # "He said …": the speaker named before
        first, last = core_span(token)
        span = token.doc[first : last + 1]
        anonymous = token.lemma_.lower() in self.lexicon.anonymous and not any(
            t.pos_ == "PROPN" or t.ent_type_ in {"PERSON", "ORG"} for t in span
        )
        if anonymous:
            # Keep the whole description of an unnamed source: "one source on the ground".
            end = token.right_edge.i + 1
            after = token.doc[end] if end < len(token.doc) else None
            if (
                after is not None
                and after.dep_ == "prep"
                and after.lower_ in {"on", "in", "at", "near", "inside"}
            ):
                end = after.right_edge.i + 1  # "one source | on the ground" attached to the verb
            span = token.doc[first:end]
            if stance == "asserted":
                stance = "reported"
        channel = None
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "with":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    channel = _phrase(pobj)
        return _Layer(span.text.strip(_STRIP) or None, token, channel, stance, anonymous)

    def _speaker_near(self, trigger: Any) -> list[_Layer]:
        # A quotation without its own attribution belongs to the speaker named beside it.
        sentence = trigger.sent
        candidates = [sentence]
        if sentence.start > 0:
            candidates.append(trigger.doc[sentence.start - 1].sent)
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


def _earlier_speaker(pronoun: Any, lexicon: Lexicon) -> Any | None:
    """Return the named subject of a verb of saying in the two sentences before a pronoun claimant
    ("X told the radio … He said …" → X), nearest first; a person for "he"/"she", anyone for "they"/"it"."""
    personal = pronoun.lower_ in {"he", "she"}
    sent = pronoun.sent
    for _ in range(2):
        if sent.start == 0:
            return None
        sent = pronoun.doc[sent.start - 1].sent
        for verb in reversed(list(sent)):
            if not lexicon.is_reporting(verb):
                continue
            for subject in verb.children:
                if subject.dep_ != "nsubj" or subject.pos_ == "PRON":
                    continue
                if personal and subject.ent_type_ not in {"PERSON", ""}:
                    continue
                return subject
    return None


def _finite_after_infinitive(node: Any) -> bool:
    """Return True for a clause with its own subject coordinated with an infinitive: a misparse of
    a new sentence-level statement, which the infinitive's reporting verb does not cover."""
    if node.dep_ != "conj" or not any(c.dep_ in {"nsubj", "nsubjpass"} for c in node.children):
        return False
    head = node.head
    return head.dep_ == "xcomp" or any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children)


def _phrase(token: Any) -> str:
    first, last = core_span(token)
    return str(token.doc[first : last + 1].text).strip(_STRIP)


def _channel(verb: Any) -> str | None:
    lemma = verb.lemma_.lower()
    for child in verb.children:
        if lemma == "tell" and child.dep_ in {"dobj", "dative"}:
            return _phrase(child)
        if child.dep_ == "prep" and child.lower_ in {"on", "to"} and lemma != "tell":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.ent_type_ not in _WHEN and (pobj.pos_ == "PROPN" or pobj.ent_type_):
                return _phrase(pobj)
        if child.dep_ == "advcl" and child.lemma_.lower() in {"speak", "write", "appear", "talk"}:
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ in {"on", "to", "in"}:
                    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    if pobj is not None:
                        return _phrase(pobj)
    return None


def _overall_stance(stance: str, plover: str, modality: Modality, anonymous: bool) -> str:
    candidates = {stance}
    if modality.hypothetical or modality.conditional or modality.question or modality.hedged:
        candidates.add("hypothetical")
    if modality.future:
        candidates.add("future")
    if anonymous and stance == "asserted":
        candidates.add("reported")
    return next(s for s in _STANCE_ORDER if s in candidates)
