"""Claims: who asserts an event, through which channel, with what stance, and the quoted span."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from flashpoint.events.arguments import core_span
from flashpoint.events.lexicon import Lexicon
from flashpoint.events.lookup import ActorLookup
from flashpoint.events.modality import CANCEL_VERBS, Modality
from flashpoint.records import STANCES, Actor, Claim, Document

__all__ = [
    "ClaimReader",
    "denial_accusers",
    "denied_charge",
    "is_outlet",
    "overall_stance",
    "quote_spans",
    "related_stance",
    "responsibility_claimer",
]

_QUOTES = re.compile(r"“([^”]{1,2000})”|\"([^\"\n]{1,2000})\"|``(.{1,2000}?)''", re.DOTALL)
_FIRST_PERSON = frozenset({"i", "we"})
_THIRD_PERSON = frozenset({"he", "she", "they", "it"})
_RELATIVE = frozenset({"who", "which", "that"})
# Attribution does not cross into an adverbial or relative clause: "after we reported that …, X said".
_BOUNDARY_DEPS = frozenset({"advcl", "relcl"})
_STRIP = " ,.;:*_"
_WHEN = frozenset({"DATE", "TIME"})
_CLAUSE_LINKS = frozenset({"ccomp", "xcomp", "parataxis", "dobj"})
# Words in a source's name that make it an outlet (its own channel), and a few outlets without one.
_OUTLET_WORDS = frozenset(
    {
        "agency",
        "news",
        "newspaper",
        "tv",
        "television",
        "radio",
        "broadcaster",
        "broadcasting",
        "channel",
        "daily",
        "times",
        "post",
        "press",
        "gazette",
        "herald",
        "tribune",
        "journal",
        "magazine",
        "media",
        "outlet",
        "network",
        "telegraph",
        "guardian",
        "twitter",
        "telegram",
        "facebook",
        "youtube",
        "website",
        "newswire",
        "wire",
        "reuters",
        "afp",
        "bbc",
        "cnn",
        "tass",
        "xinhua",
        "sana",
        "irna",
        "anadolu",
        "jazeera",
        "arabiya",
        "ria",
        "interfax",
        "yonhap",
    }
)
_SAYING_NOUNS = frozenset(
    {"statement", "claim", "accusation", "allegation", "report", "charge", "announcement", "assertion"}
)
# Verbs of saying that may close a sentence after the event they report.
_TRAILING_VERBS = frozenset(
    {"said", "says", "reported", "reports", "added", "told", "claimed", "claims", "quoted"}
)
# Media that speak as sources ("the statement said", "a report says").
_SOURCE_MEDIA = frozenset(
    {"statement", "report", "communique", "video", "tweet", "post", "bulletin", "release"}
)
_INQUIRY_NOUNS = frozenset({"investigation", "inquiry", "probe", "study", "survey", "analysis", "assessment"})
_INDEFINITE_DETS = frozenset({"a", "an", "one", "some", "several", "two", "three", "many"})
# Media a statement reaches us through, when no outlet or platform is named.
_MEDIA_NOUNS = frozenset(
    {
        "statement",
        "video",
        "interview",
        "tweet",
        "post",
        "broadcast",
        "communique",
        "conference",
        "message",
        "speech",
        "letter",
        "briefing",
        "recording",
        "audio",
        "footage",
        "bulletin",
        "release",
        "address",
        "posting",
    }
)
_OUTLET_NAMES = frozenset({"ap", "associated press", "state media", "al aan"})
# Acts whose charge against another party is an accusation of wrongdoing.
_UNLAWFUL = frozenset({"ASSAULT", "COERCE"})
# Words that make an act a charge of wrongdoing rather than a casualty report.
_UNLAWFUL_CUE = re.compile(
    r"\b(chemical|sarin|chlorine|toxic|poison|nerve agent|gas attack|execut|massacr|civilian|children|"
    r"besieg|siege|starv|tortur|prisoner|captive|detainee|protester|indiscriminate|war crime|barrel bomb|"
    r"hospital|rape|abuse|loot|kidnap|abduct|mass grave|genocide|ethnic cleansing|human shield)",
    re.IGNORECASE,
)
# … and, for a killing, that its victim was held captive (holding someone is no charge in itself).
_CAPTIVE_CUE = re.compile(r"\b(custody|being held|in detention)\b", re.IGNORECASE)
# Sources that observe a conflict rather than take part: their accounts are reports, not charges.
_NEUTRAL_WORDS = frozenset(
    {
        "crescent",
        "cross",
        "observatory",
        "monitor",
        "monitors",
        "un",
        "nations",
        "amnesty",
        "rights",
        "unicef",
        "ocha",
        "unhcr",
        "icrc",
        "msf",
        "doctors",
        "hospital",
        "medics",
        "police",
        "coroner",
    }
)
# Groups named only by what they are ("rebels said", "the opposition said"): unnamed sources.
_GENERIC = frozenset(
    {"rebel", "opponent", "opposition", "activist", "militant", "fighter", "insurgent", "eyewitness", "survivor",
     "villager"}
)  # fmt: skip
# … and words that are generic only in the plural ("local authorities", but "the port authority").
_GENERIC_PLURAL = frozenset({"authority", "group", "monitor", "doctor", "analyst", "expert"})
_OBSERVERS = frozenset({"JRN", "MED", "NGO", "IGO", "HLH", "EDU"})
_SELF_WORDS = frozenset({"it", "we", "they", "i", "he", "she", "us", "our forces", "its forces"})
_RELATED = {"REJECT": "negated"}
# Verbs (and nouns) that charge a party with an act; condemning or criticising an act does not.
_ACCUSING_VERBS = frozenset(
    {"accuse", "accusation", "blame", "charge", "allege", "allegation", "hold", "suspect", "implicate"}
)
# What a denial rejects when it is a statement: the charge, not a request.
_DENIED_NOUNS = frozenset(
    {"claim", "accusation", "allegation", "report", "charge", "involvement", "responsibility", "role",
     "suggestion", "rumour", "rumor", "story"}
)  # fmt: skip
_DENY_VERBS = frozenset({"deny", "reject", "dismiss", "refute"})
_CHARGE_NOUNS = frozenset({"claim", "accusation", "allegation", "report", "charge", "suggestion"})
_POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her", "our", "my", "your"})
_CLAIM_VERBS = frozenset({"claim", "accept", "admit", "take", "assume"})
# Verbs that put a medium out on a platform: "a statement posted on Telegram".
_PUBLISHING_VERBS = frozenset(
    {"post", "publish", "release", "issue", "broadcast", "air", "upload", "carry", "circulate", "share"}
)
# People named by their role: the body they serve is part of who they are.
_ROLE_NOUNS = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "official", "source", "head", "chief", "director", "commander",
     "member", "representative", "adviser", "advisor", "minister", "envoy", "officer"}
)  # fmt: skip
# Hedges on a source's account: the act is unverified.
_UNVERIFIED = re.compile(
    r"\b(could not be|cannot be|can't be|has not been|have not been|was not|were not)\s+(independently\s+)?"
    r"(verified|confirmed|corroborated)|without (providing|offering|giving|citing) (any )?evidence|"
    r"\b(unverified|unconfirmed)\b",
    re.IGNORECASE,
)
_OPENING_MARKS = ("“",)
_QUOTED_WORDS = 5  # fewer quoted words are a phrase ("so-called 'liberation'"), not a statement
_FLAT_NEGATIONS = frozenset({"not", "n't", "never"})
_NOBODY = frozenset({"nobody", "none", "noone", "neither"})


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

    def claim(
        self,
        trigger: Any,
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
        layers = self._layers(trigger)
        post = self.doc.post_at(trigger.idx)
        if post is not None and self.doc.format == "post" and post.start == 0:
            post = None  # the document is the post: its author's own voice
        quote = self._quote(trigger.idx)
        if not layers and quote is not None:
            layers = self._speaker_near(trigger)
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
            and _charges(trigger.sent.text, plover, actor_text, actor, claimant, claimant_actor)
        ):
            stance = "alleged"  # a named party charging another with violence
        if claimant is not None and stance == "reported" and _UNVERIFIED.search(trigger.sent.text):
            stance = "alleged"  # "…, a claim that could not be independently verified"
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
        responsible = claimer is not None or (
            done
            and not reported_object
            and claimant is not None
            and _own_attack(plover, actor_text, actor, claimant, claimant_actor)
        )
        if (
            claimant is not None
            and layers
            and plover in _UNLAWFUL
            and _flatly_denied(trigger, modality)
            and not _observer(claimant, claimant_actor)
        ):
            stance = "denied"  # "the army said it did not shell the village": a party rejects the charge
        stance = overall_stance(stance, plover, modality, responsible=responsible)
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

    def accused(self, claim: Claim, accuser: Any, modality: Modality) -> Claim:
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
            # "said X worked to secure sanctions": a purpose clause is part of what is said
            purpose = node.dep_ == "advcl" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in node.children
            )
            # "X said villagers fled when troops withdrew": a time clause inside what is said is said too,
            # but "after rebels shelled the town, the army said …" is not the army's report of the shelling
            purpose = purpose or (
                node.dep_ == "advcl"
                and not self.lexicon.is_reporting(head)
                and _said_above(head, self.lexicon)
            )
            if (node.dep_ in _BOUNDARY_DEPS and not complement and not purpose) or (
                layers and node.dep_ not in _CLAUSE_LINKS and not complement
            ):
                break
            hearsay = node.dep_ == "xcomp" and any(c.dep_ == "auxpass" for c in head.children)
            if hearsay:
                pass  # "troops are said to have shelled …": no source named, the modality says alleged
            elif self.lexicon.is_reporting(head) and (node.dep_ in _CLAUSE_LINKS or complement):
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

    def _reports_of(self, reports: Any) -> _Layer:
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

    def _noun_layer(self, noun: Any) -> _Layer | None:
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
        if noun.dep_ == "pobj" and self.lexicon.is_reporting(verb):
            said = self._layer(verb)
            if said is not None:
                return _Layer(said.claimant, said.token, said.channel or medium, said.stance, said.anonymous)
        return None

    def _misread_report(self, verb: Any) -> list[_Layer]:
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

    def _trailing_report(self, root: Any, trigger: Any) -> list[_Layer]:
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
        return found

    def _according_to(self, node: Any) -> list[_Layer]:
        for child in node.children:
            if child.dep_ == "prep" and child.lower_ == "according":
                for to in child.children:
                    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
                    if pobj is not None:
                        return [self._medium_layer(pobj) or self._source_layer(pobj, "reported")]
        return []

    def _medium_layer(self, medium: Any) -> _Layer | None:
        # "according to a statement released by X": X speaks, the statement is the channel.
        if medium.lemma_.lower() not in _MEDIA_NOUNS:
            return None
        author = next(
            (p for t in medium.subtree if t.dep_ in {"agent", "prep"} and t.lower_ in {"by", "from"}
             for p in t.children if p.dep_ == "pobj"),
            None,
        )  # fmt: skip
        if author is None:
            return _Layer(None, None, _phrase(medium), "reported", False)
        layer = self._source_layer(author, "reported")
        return _Layer(layer.claimant, layer.token, _phrase(medium), layer.stance, layer.anonymous)

    def _medium_source(self, medium: Any) -> _Layer:
        # "a statement said", "IS's statement said", "a Defence Ministry statement said", "a report says":
        # the medium is the channel; its owner, when named, the claimant.
        first, last = core_span(medium)
        owner = next((c for c in medium.children if c.dep_ == "poss"), None)
        if owner is None:
            owners = [t for t in medium.doc[first : medium.i] if t.dep_ == "compound" and t.pos_ == "PROPN"]
            owner = owners[-1] if owners else None
        author = _author(medium)
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

    def _trailing_source(self, trigger: Any) -> list[_Layer]:
        """Return the source named after the event when the parse lost it: "… the Observatory said",
        "… rebels said", "… said the statement", "… was quoted as saying by local media"."""
        sent = trigger.sent
        for word in sent:
            if word.i > trigger.i and word.lower_ == "according":
                for to in word.children:
                    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
                    if pobj is not None:
                        return [self._medium_layer(pobj) or self._source_layer(pobj, "reported")]
        for verb in sent:
            if verb.i <= trigger.i or verb.lower_ not in _TRAILING_VERBS or verb.dep_ in {"amod", "compound"}:
                continue
            closing = _closing_source(verb)
            if closing is not None:
                # "…, said Ivan Petrov, a 40-year-old teacher.": the source closes the sentence
                layer = self._source_layer(closing, "reported")
                claimant = sent.doc[closing.left_edge.i : closing.right_edge.i + 1].text.strip(_STRIP + '"“”')
                return [_Layer(claimant, layer.token, layer.channel, layer.stance, layer.anonymous)]
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
            )
            before = None if inverted and following else _noun_phrase_before(verb, trigger)
            if before is not None:
                layer = self._source_layer(before[1], "reported")
                claimant = sent.doc[before[0] : before[1].i + 1].text.strip(_STRIP)
                channel = claimant if is_outlet(claimant) else _channel(verb)
                return [_Layer(claimant, layer.token, channel, layer.stance, layer.anonymous)]
            after = verb.doc[verb.i + 1] if verb.i + 1 < sent.end else None
            if after is not None and after.pos_ in {"DET", "PROPN", "NOUN"}:
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

    def _passive_quote(self, verb: Any) -> _Layer | None:
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

    def _layer(self, verb: Any, clause: Any | None = None) -> _Layer | None:
        lemma = verb.lemma_.lower()
        quoted = _quoted_as(verb)
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
        node = verb
        while subject is None and node.dep_ in {"advcl", "conj", "xcomp"} and node.head != node:
            # "X rejected the demand, saying …": the participle speaks for X.
            node = node.head
            subject = next((c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is None or _nobody(subject):
            return None  # "nobody claimed the attack": no one says so
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
        if cited is not None:
            # "…, Radio Nord reported, citing the governor": the governor speaks, Radio Nord relays
            source = self._source_layer(cited, stance)
            relay = channel or (layer.claimant if layer.claimant and is_outlet(layer.claimant) else None)
            return _Layer(
                source.claimant, source.token, source.channel or relay, source.stance, source.anonymous
            )
        return _Layer(layer.claimant, layer.token, channel, layer.stance, layer.anonymous)

    def _source_layer(self, token: Any, stance: str, *, end: int | None = None) -> _Layer:
        if token.lower_ == "it" and token.dep_ == "nsubjpass":
            return _Layer(None, None, None, "alleged", False)  # "it is claimed that …": no one named
        if token.lemma_.lower() in _SOURCE_MEDIA or (
            token.lemma_.lower() in _INQUIRY_NOUNS and _author(token) is not None
        ):
            return self._medium_source(token)  # "an inquiry by X found …": X speaks through it
        if token.lower_ in _THIRD_PERSON:
            token = _earlier_speaker(token, self.lexicon) or token  # "He said …": the speaker named before
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
        )
        anonymous = not named and (generic or indefinite)
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
        # "the army's chief of staff, speaking on condition of anonymity, said": unnamed by choice
        anonymous = anonymous or _unnamed_by_choice(token)
        if stance in {"asserted", "reported"}:
            # A neutral verb: a named source reports, an unnamed or generic one ("residents") alleges.
            stance = "alleged" if anonymous else "reported"
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


def _unnamed_by_choice(source: Any) -> bool:
    """Return True when a source or its verb says it spoke on condition of anonymity."""
    verb = source.head
    places = [source, *(c for c in verb.children if c.dep_ in {"advcl", "prep", "parataxis"} and c != source)]
    return any(t.lower_ in {"anonymity", "anonymously"} for place in places for t in place.subtree)


def _blamer(trigger: Any) -> Any | None:
    """Return X of "the attack, which X blamed on Y" (on the trigger or on its subject), else None."""
    subjects = [c for c in trigger.children if c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ == "NOUN"]
    for noun in (trigger, *subjects):
        for child in noun.children:
            if child.dep_ in {"relcl", "acl"} and child.lemma_.lower() == "blame":
                return next(
                    (c for c in child.children if c.dep_ == "nsubj" and c.lower_ not in _RELATIVE), None
                )
    return None


def _quoted_clause(trigger: Any, quoted: str | None) -> bool:
    """Return True when the trigger stands in a quoted clause: inside quotation marks that hold more than
    a phrase, or in a sentence that opens a quotation it does not close (a quote running on) or closes
    one it did not open."""
    if quoted is not None:
        return len(quoted.split()) >= _QUOTED_WORDS
    text = str(trigger.sent.text).strip()
    opens = sum(text.count(mark) for mark in _OPENING_MARKS)
    closes = text.count("”")
    straight = text.count('"')
    if straight % 2 == 1:
        return text.startswith('"') or text.rstrip(".!? ").endswith('"')
    return (text.startswith("“") and opens > closes) or (text.rstrip(".!? ").endswith("”") and closes > opens)


def _author(medium: Any) -> Any | None:
    """Return X of "a statement by X", "a video released by X", "reports from X", else None."""
    for child in medium.children:
        if child.dep_ == "prep" and child.lower_ in {"by", "from"}:
            return next((c for c in child.children if c.dep_ == "pobj"), None)
        if child.dep_ == "acl" and child.tag_ == "VBN":
            for agent in child.children:
                if agent.dep_ == "agent" or (agent.dep_ == "prep" and agent.lower_ in {"by", "from"}):
                    return next((c for c in agent.children if c.dep_ == "pobj"), None)
    return None


def _flatly_denied(trigger: Any, modality: Modality) -> bool:
    """Return True when an act is said not to have happened in plain words ("did not", "has never",
    "no … were arrested"), not said to have failed or to be yet to come."""
    if not modality.negated or modality.future or modality.hypothetical or modality.conditional:
        return False
    heads = [trigger, trigger.head] if trigger.dep_ == "xcomp" else [trigger]
    if any(c.dep_ == "neg" and c.lower_ in _FLAT_NEGATIONS for h in heads for c in h.children):
        return True
    return any(c.dep_ in {"nsubj", "nsubjpass"} and _nobody(c) for c in trigger.children)


def _nobody(token: Any) -> bool:
    """Return True for "no one", "nobody", "none of them", "no civilians"."""
    return token.lower_ in _NOBODY or any(c.dep_ == "det" and c.lower_ == "no" for c in token.children)


def _subject(verb: Any) -> tuple[Any | None, int | None]:
    """Return a verb of saying's subject and, when the parser split one name into two subjects ("the
    rebel group Jaish al- | Islam said"), the index its span runs to; of two apart, the nearer one
    ("four people injured … the ministry said")."""
    # markup left in the text ("**General Votel**") can be parsed as a subject: take a word
    subjects = [
        c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and any(ch.isalnum() for ch in c.text)
    ]
    if len(subjects) < 2:
        return (subjects[0] if subjects else None), None
    before = [c for c in subjects if c.i < verb.i]
    if len(before) < 2:
        return subjects[0], None
    first, nearest = before[-2], before[-1]
    if first.right_edge.i + 1 >= nearest.left_edge.i and not any(t.pos_ == "VERB" for t in first.subtree):
        return first, nearest.right_edge.i
    return nearest, None


def _closing_source(verb: Any) -> Any | None:
    """Return the source of "…, said Ivan Petrov, a teacher." when the parser made it the verb's
    complement or object: a noun phrase right after the verb that runs to the end of the sentence."""
    if verb.lower_ not in {"said", "says", "added", "reported", "reports"} or verb.i + 1 >= verb.sent.end:
        return None
    noun = next(
        (c for c in verb.children if c.i > verb.i and c.dep_ in {"ccomp", "dobj", "attr", "nsubj"}), None
    )
    if noun is None or noun.pos_ not in {"NOUN", "PROPN"} or noun.left_edge.i != verb.i + 1:
        return None
    if noun.lemma_.lower() in _SOURCE_MEDIA:
        return None  # "said the statement": read below, with the medium as the channel
    rest = verb.doc[noun.right_edge.i + 1 : verb.sent.end]
    return noun if all(t.is_punct or t.is_space for t in rest) else None


def _source_span(token: Any) -> tuple[int, int]:
    """Return (first, last) of a source's name: its core, a name in apposition right after it ("the
    ministry spokesman Major General Ivan Petrov") and the sources joined to it by "and"."""
    first, last = core_span(token)
    if token.lemma_.lower() in _ROLE_NOUNS:
        # "a spokesman for the army", "the head of the council": whose role it is belongs to the name
        role = next(
            (c for c in token.rights if c.dep_ == "prep" and c.lower_ in {"for", "of", "at", "from"}), None
        )
        if role is not None and role.i == last + 1:
            last = role.right_edge.i
    for child in token.rights:
        name = child.dep_ == "appos" and child.pos_ == "PROPN" and child.left_edge.i == last + 1
        joined = (
            child.dep_ == "conj"
            and child.pos_ in {"NOUN", "PROPN"}
            and all(t.dep_ in {"cc", "punct"} for t in token.doc[last + 1 : child.left_edge.i])
        )
        if name or joined:
            last = child.right_edge.i
    return first, last


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


def _said_above(node: Any, lexicon: Lexicon) -> bool:
    """Return True when a clause is (within a few steps) the complement of a verb of saying."""
    for _ in range(4):
        if node.head == node:
            return False
        if node.dep_ == "ccomp" and lexicon.is_reporting(node.head):
            return True
        node = node.head
    return False


def _closing(verb: Any) -> bool:
    """Return True for a verb of saying misparsed as a relative clause that in fact closes the sentence
    ("… a possible raid the news agency has reported."): no relative pronoun, no object, nothing after
    it but circumstances."""
    if any(c.tag_ in {"WDT", "WP", "WP$"} or c.dep_ in {"dobj", "ccomp", "xcomp"} for c in verb.children):
        return False
    after = [t for t in verb.sent if t.i > verb.i and not t.is_punct]
    return all(
        t.dep_ in {"prep", "pobj", "npadvmod", "det", "amod", "compound"} or t.ent_type_ in {"DATE", "TIME"}
        for t in after
    )


def _named(span: Any) -> bool:
    """Return True when a source's words name it: a person or organisation, or a proper noun that is
    not just a place or nationality ("US officials", "Syrian activists" are unnamed)."""
    return any(
        t.ent_type_ in {"PERSON", "ORG"} or (t.pos_ == "PROPN" and t.ent_type_ not in {"GPE", "NORP", "LOC"})
        for t in span
    )


def _noun_phrase_before(verb: Any, trigger: Any) -> tuple[int, Any] | None:
    """Return (first index, head token) of the noun phrase just before a verb, after the trigger:
    "… the Borduria-based Observatory said" → the Observatory phrase; None when there is none."""
    doc = verb.doc
    i = verb.i - 1
    while i > trigger.i and doc[i].dep_ in {"aux", "auxpass", "neg"}:
        i -= 1  # "… the news agency has reported"
    head = doc[i] if i > trigger.i else None
    if head is None or head.pos_ not in {"NOUN", "PROPN"}:
        return None
    first = i
    while first - 1 > trigger.i:
        word = doc[first - 1]
        if word.pos_ == "DET":
            first -= 1
            break
        if (
            word.pos_ in {"NOUN", "PROPN", "ADJ", "NUM"}
            or word.text in {"-", "'s", "’s"}
            or (word.pos_ == "VERB" and word.tag_ == "VBN")
            or (word.pos_ == "CCONJ" and first - 2 > trigger.i)
        ):
            first -= 1
            continue
        break
    return first, head


def _cited(verb: Any) -> Any | None:
    """Return Y of "X reported, citing Y" / "X said, quoting Y", else None."""
    for child in verb.children:
        if (
            child.dep_ in {"advcl", "xcomp", "conj"}
            and child.tag_ == "VBG"
            and child.lemma_.lower() in {"cite", "quote"}
        ):
            return next((c for c in child.children if c.dep_ == "dobj"), None)
    return None


def _quoted_as(verb: Any) -> tuple[Any, Any | None] | None:
    """Return (speaker, relay) for "<relay> quoted <speaker> as saying", or None."""
    preposition = verb.head
    if verb.dep_ != "pcomp" or preposition.lower_ != "as" or preposition.head == preposition:
        return None
    quoting = preposition.head
    if quoting.lemma_.lower() not in {"quote", "cite"}:
        return None
    # "X quoted Y as saying", and the passive "Y was quoted by X as saying"
    speaker = next((c for c in quoting.children if c.dep_ in {"dobj", "nsubjpass"}), None)
    if speaker is None:
        return None
    relay = next((c for c in quoting.children if c.dep_ == "nsubj"), None)
    if relay is None:
        relay = next(
            (p for a in quoting.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"), None
        )
    return speaker, relay


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


def _channel(verb: Any, clause: Any | None = None) -> str | None:
    """Return the channel a verb of saying names: "told Radio Nord", "said on Telegram", "speaking on
    CNN", "in a statement (on X)"; `clause` is its complement, where a parser may hang the medium."""
    lemma = verb.lemma_.lower()
    for child in verb.children:
        if lemma == "tell" and child.dep_ in {"dobj", "dative"}:
            told = _phrase(child)
            if is_outlet(told) or child.ent_type_ == "ORG":
                return told  # "told Kurdish media", not "told reporters"
        if child.dep_ == "prep" and child.lower_ in {"on", "to"} and lemma != "tell":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.ent_type_ not in _WHEN and (pobj.pos_ == "PROPN" or pobj.ent_type_):
                return _phrase(pobj)
            if pobj is not None and is_outlet(_phrase(pobj)):
                return _phrase(pobj)  # "said on its Telegram channel", "on state television"
        if child.dep_ == "advcl" and child.lemma_.lower() in {"speak", "write", "appear", "talk"}:
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ in {"on", "to", "in"}:
                    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    if pobj is not None:
                        return _phrase(pobj)
            medium = _medium(child)  # "speaking at a news conference"
            if medium is not None:
                return medium
    for holder in (verb, clause):
        medium = _medium(holder) if holder is not None else None
        if medium is not None:
            return medium
    return None


def _medium(holder: Any) -> str | None:
    """Return "a statement" for "in a statement", or the platform in "in a statement on Telegram"."""
    for prep in holder.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"in", "via", "through", "during", "at"}:
            continue
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is None or pobj.lemma_.lower() not in _MEDIA_NOUNS:
            continue
        # "in a statement posted on Telegram": the platform the medium was put out on
        published = [c for c in pobj.children if c.dep_ == "acl" and c.lemma_.lower() in _PUBLISHING_VERBS]
        for inner in [*pobj.children, *(c for verb in published for c in verb.children)]:
            if inner.dep_ == "prep" and inner.lower_ in {"on", "to", "with", "by"}:
                named = next((c for c in inner.children if c.dep_ == "pobj"), None)
                if named is not None and named.ent_type_ in _WHEN:
                    continue  # "in a statement on Wednesday"
                if named is not None and (named.pos_ == "PROPN" or is_outlet(_phrase(named))):
                    return _phrase(named)
        return _phrase(pobj)
    return None


def overall_stance(stance: str, plover: str, modality: Modality, *, responsible: bool = False) -> str:
    """Return the claim's stance: the first that applies in the definition's order of precedence.

    `stance` is what the attribution gives (asserted, reported, alleged or denied); the event's own
    words add a threat, a negation, a condition, a future or a hedge; `responsible` marks a claim of
    responsibility.
    """
    candidates = {stance}
    if responsible:
        candidates.add("claimed_responsibility")
    if plover == "THREATEN":
        candidates.add("threatened")
    if modality.negated:
        candidates.add("negated")
    if modality.hypothetical or modality.conditional or modality.question or modality.hedged:
        candidates.add("hypothetical")
    if modality.future:
        candidates.add("future")
    if modality.alleging:
        candidates.add("alleged")
    return next(s for s in STANCES if s in candidates)


def is_outlet(name: str) -> bool:
    """Return True when a source's name is a news outlet, agency, broadcaster or platform."""
    words = re.findall(r"[a-z0-9]+", name.lower())
    return any(w in _OUTLET_WORDS for w in words) or " ".join(words) in _OUTLET_NAMES


def _relay(outer: list[_Layer]) -> str | None:
    """Return the nearest outer layer's channel, or its claimant when that is an outlet."""
    for layer in outer:
        if layer.channel:
            return layer.channel
        if layer.claimant and is_outlet(layer.claimant):
            return layer.claimant
    return None


def _same_side(
    actor_text: str | None, actor: Actor | None, claimant: str, claimant_actor: Actor | None
) -> bool:
    """Return True when the event's actor is the claimant itself ("it", "we", its own name or side)."""
    if actor_text is None:
        return False
    text = actor_text.lower()
    if text in _SELF_WORDS or text.split()[0] in {"its", "our", "their"}:
        return True
    said = claimant.lower()
    # at a word's start: "Syria" in "Syrian troops", but not "he" in "the villages"
    if re.search(r"\b" + re.escape(text), said) or re.search(r"\b" + re.escape(said), text):
        return True
    if actor is not None and claimant_actor is not None and actor.country and claimant_actor.country:
        return actor.country == claimant_actor.country and (
            actor.sector == claimant_actor.sector or not actor.sector or not claimant_actor.sector
        )
    return False


def _charges(
    sentence: str,
    plover: str,
    actor_text: str | None,
    actor: Actor | None,
    claimant: str,
    claimant_actor: Actor | None,
) -> bool:
    """Return True when a named source charges another party with an unlawful act or abuse (chemical
    weapons, executions, attacks on civilians, sieges, torture…): an allegation.  A casualty report
    ("strikes killed twelve") is not a charge."""
    cue = _UNLAWFUL_CUE.search(sentence) or (plover == "ASSAULT" and _CAPTIVE_CUE.search(sentence))
    if plover not in _UNLAWFUL or is_outlet(claimant) or not cue:
        return False
    if _observer(claimant, claimant_actor):
        return False  # a journalist, a monitor, a relief agency: they describe; a party charges
    return not _same_side(actor_text, actor, claimant, claimant_actor)


def _observer(claimant: str, claimant_actor: Actor | None) -> bool:
    """Return True for a source that watches a conflict rather than takes part: an outlet, a journalist,
    a monitor, a relief or rights group, the UN."""
    if is_outlet(claimant) or (claimant_actor is not None and claimant_actor.sector in _OBSERVERS):
        return True
    return any(w in _NEUTRAL_WORDS for w in re.findall(r"[a-z]+", claimant.lower()))


def _own_attack(
    plover: str, actor_text: str | None, actor: Actor | None, claimant: str, claimant_actor: Actor | None
) -> bool:
    """Return True when a party says it carried out an attack itself ("the coalition said it conducted
    strikes", "the group said it planted the bomb"): a claim of responsibility."""
    if plover != "ASSAULT" or not _same_side(actor_text, actor, claimant, claimant_actor):
        return False
    return not is_outlet(claimant)


def related_stance(governor: Any, governor_type: str) -> str | None:
    """Return how an act named inside a statement (`governor`, a trigger of `governor_type`) is coded
    as an event of its own: "alleged" for the act an accusation charges ("accused B of shelling"),
    "negated" for a refused act, "" for an act condemned or criticised (coded as told); None when the
    definition does not code it (requested, threatened, agreed or praised acts)."""
    if governor_type == "ACCUSE":
        return "alleged" if governor.lemma_.lower() in _ACCUSING_VERBS else ""
    if governor.lemma_.lower() in CANCEL_VERBS:
        return "negated"  # "cancelled the talks": the cancelling act, and the talks that did not happen
    return _RELATED.get(governor_type)


def denies_a_claim(token: Any) -> bool:
    """Return True for a denial of a statement ("denied using chemical weapons", "denied that its jets
    struck", "denied the allegations"): a claim about an act, not a refusal (REJECT) of anything."""
    if token.lemma_.lower() == "reject" and token.pos_ == "VERB":
        # "rejected claims that its troops looted …": a charge with its content is denied, not refused
        return any(
            c.dep_ in {"dobj", "nsubjpass"}
            and c.lemma_.lower() in _CHARGE_NOUNS
            and any(g.dep_ in {"acl", "ccomp"} for g in c.children)
            for c in token.children
        )
    if token.lemma_.lower() not in {"deny", "dismiss", "refute"} or token.pos_ != "VERB":
        return False
    for child in token.children:
        if child.dep_ in {"ccomp", "xcomp", "pcomp"}:
            return True
        if child.dep_ in {"dobj", "nsubjpass"} and child.lemma_.lower() in _DENIED_NOUNS:
            return True
    # "… – an accusation dismissed by the government"
    return token.dep_ == "acl" and token.head.lemma_.lower() in _DENIED_NOUNS


def denied_charge(trigger: Any) -> bool:
    """Return True for an act that a denied charge states: "dismissed reports that its troops looted …",
    "rejected claims that …", "an allegation, denied by X, that …"."""
    node = trigger
    for _ in range(4):
        head = node.head
        if head == node:
            return False
        if node.dep_ in {"acl", "ccomp"} and head.lemma_.lower() in _CHARGE_NOUNS:
            return denies_a_claim(head.head) if head.dep_ in {"dobj", "nsubjpass"} else False
        if node.dep_ not in {"conj", "ccomp", "xcomp"}:
            return False
        node = head
    return False


def denial_accusers(trigger: Any) -> tuple[Any, ...]:
    """Return the parties whose charge a denial rejects ("denied Ruritania's claims that it shelled …",
    "denied accusations by Borduria of …"): one more claimant each, alleging the act."""
    node = trigger
    for _ in range(5):
        head = node.head
        if head == node:
            return ()
        if head.lemma_.lower() in _DENY_VERBS:
            break
        node = head
    else:
        return ()
    # The charge is the denial's object: its clause hangs on it or, misparsed, on the verb.
    charges = [node] + [c for c in head.children if c.dep_ == "dobj"]
    charge = next((c for c in charges if c.lemma_.lower() in _CHARGE_NOUNS), None)
    if charge is None:
        return ()
    found: list[Any] = []
    for child in charge.children:
        if child.dep_ == "poss" and child.lower_ not in _POSSESSIVE_PRONOUNS:
            found.append(child)
        elif child.dep_ == "prep" and child.lower_ in {"by", "from"}:
            found.extend(c for c in child.children if c.dep_ == "pobj")
    return tuple(found)


def responsibility_claimer(trigger: Any) -> Any | None:
    """Return the subject of "claimed responsibility for <trigger>" (or "… for which X claimed
    responsibility"), else None; None too when no one claims it ("no group has claimed the attack")."""
    subjects = [c for c in trigger.children if c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ == "NOUN"]
    for child in [c for noun in (trigger, *subjects) for c in noun.children]:
        # "the attack, for which X claimed responsibility", "attacks, also claimed by X, killed …"
        if child.dep_ in {"relcl", "acl", "parataxis"} and child.lemma_.lower() in _CLAIM_VERBS:
            if any(c.lemma_.lower() == "responsibility" for c in child.children):
                return _claimer(child)
            if child.lemma_.lower() == "claim" and child.tag_ == "VBN":
                return _claimer(child)
    head = trigger.head
    if trigger.dep_ == "dobj" and head.lemma_.lower() == "claim":
        return _claimer(head)  # "X claimed the attacks"
    if trigger.dep_ == "conj" and head.lemma_.lower() == "claim":
        # "attacks, also claimed by X, have killed …"; "… for which X claimed responsibility and where
        # scores were killed"
        passive = head.tag_ == "VBN" and any(c.dep_ == "agent" for c in head.children)
        relative = head.dep_ == "relcl" and any(c.lemma_.lower() == "responsibility" for c in head.children)
        if passive or relative:
            return _claimer(head)
    node = trigger
    for _ in range(4):
        head = node.head
        if head == node:
            return None
        if node.lemma_.lower() == "responsibility" and head.lemma_.lower() in _CLAIM_VERBS:
            return _claimer(head)
        node = head
    return None


def _claimer(verb: Any) -> Any | None:
    """Return who claims with `verb` (its subject, or the agent of "claimed by X"), unless the claim
    is negated or made by no one."""
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    # "claimed by X" names the claimer even where the parser gave the participle a subject
    found = next(
        (p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"), None
    )
    if found is None:
        found = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return None if found is None or _nobody(found) else found
