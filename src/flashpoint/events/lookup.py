"""Argument tokens resolved to coded actors: the resolver, the actor stage's mentions, and placing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Token

from flashpoint.actors.resolver import SPONSORS
from flashpoint.events.arguments import Resolver, core_span
from flashpoint.events.docindex import sentence, sentence_ents
from flashpoint.records import Actor, Mention, PlaceMention

__all__ = ["ActorLookup", "is_feature"]

# Nouns of the land itself: "the eastern bank of the river", "the outskirts of X" are places, never parties.
_FEATURES = frozenset(
    {
        "bank",
        "banks",
        "shore",
        "shores",
        "coast",
        "coastline",
        "outskirts",
        "edge",
        "valley",
        "riverbank",
        "hills",
        "hillside",
        "plain",
        "plains",
        "countryside",
        "foothills",
        "bend",
    }
)
_DIRECTIONS = frozenset(
    {
        "east",
        "west",
        "north",
        "south",
        "eastern",
        "western",
        "northern",
        "southern",
        "left",
        "right",
        "opposite",
        "other",
        "far",
        "near",
        "river",
    }
)


# Sectors of a state's own bodies and officials: "the minister", "the army", "police" without a country are
# most often those of the state the document has been speaking of.
_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "LEG", "JUD", "SPY"})
# Nouns of "in front of", "in the middle of": where someone stands, not whose they are.
_SPOTS = frozenset({"front", "middle", "heart", "centre", "center", "vicinity", "side", "part"})
# Codes of bodies above or across states: a party of theirs says nothing of where others are.
_NOT_STATES = frozenset({"IGO", "NGO", "IMG", "MNC", "UIS"})


# Prepositions whose object may say whose a party is ("a spokesman for the army"), and those that may
# for a thing ("the home of the ambassador", "a convoy from X").
_COMPLEMENTS = frozenset({"of", "from", "in", "for"})
_OWNERS = frozenset({"of", "from", "in"})


def _outlet(actor: Actor) -> bool:
    """Return True for a news outlet ("AFP", "the BBC"): it carries a story, it is no party to it."""
    return actor.kind == "organisation" and actor.sector == "JRN"


def _sponsor_follows(text: str, end: int) -> bool:
    """Return True when a place name ends in a sponsor word ("the Britain-based monitor", "Moscow-backed
    fighters"): it says where someone else sits or who backs them, not where this party is."""
    if text[end : end + 1] != "-":
        return False
    return text[end + 1 : end + 16].split(" ", 1)[0].strip(".,;:").lower() in SPONSORS


# Nouns of a line two countries share, and the nouns after one that name a place on one side of it.
_BORDERS = frozenset({"border", "borders", "frontier", "boundary"})
_BORDER_PLACES = frozenset({"town", "towns", "village", "villages", "city", "district", "province", "region"})


def _names_a_border(text: str, start: int, end: int) -> bool:
    """Return True when a place name says which border ("near the Somali border", "at the Syria-Turkey
    border", "a border crossing with Turkey"): the line is shared, so it places no one on either side
    (but "the Somali border town of X" is a town in Somalia)."""
    before = text[max(0, start - 30) : start].lower().split()
    if len(before) >= 2 and before[-1] == "with" and before[-2] in _BORDERS | {"crossing", "crossings"}:
        return True
    words = text[end : end + 40].replace("-", " ").split()
    while words and words[0][:1].isupper():  # the other country of "Syria-Turkey border"
        words = words[1:]
    if not words or words[0].strip(".,;:").lower() not in _BORDERS:
        return False
    return len(words) < 2 or words[1].strip(".,;:").lower() not in _BORDER_PLACES


def is_feature(token: Token) -> bool:
    """Return True when a noun names a stretch of land ("the eastern bank of …", "the outskirts of X"),
    not a party; a capitalised name ("West Bank", "World Bank") or a "central bank" is not one."""
    lemma = token.lower_
    if lemma not in _FEATURES or token.text[:1].isupper() or token.ent_type_ in {"GPE", "LOC", "ORG"}:
        return False
    if lemma not in {"bank", "banks"}:
        return True
    directed = any(c.dep_ in {"amod", "compound"} and c.lower_ in _DIRECTIONS for c in token.children)
    return directed or any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)


def _around(token: Token, *, preps: frozenset[str] = frozenset({"of", "from", "in", "for"})) -> list[Any]:
    found: list[Any] = []
    for child in token.children:
        if child.dep_ == "appos":
            found.append(child)
        elif child.dep_ == "prep" and child.lower_ in preps:
            found.extend(c for c in child.children if c.dep_ == "pobj")
        elif child.dep_ == "amod":
            # "militants loyal to X"
            for prep in child.children:
                if prep.dep_ == "prep":
                    found.extend(c for c in prep.children if c.dep_ == "pobj")
    return found


@dataclass(frozen=True, slots=True)
class ActorLookup:
    """Resolves argument tokens to actors: actor-stage mentions first, then the resolver."""

    mentions: Sequence[Mention]
    resolver: Resolver | None
    date: dt.date | None
    places: Sequence[PlaceMention] = ()
    # Verbs of saying: a place inside what a group says ("…, saying it awaits word from X") is not where
    # the group is.
    reporting: frozenset[str] = frozenset()
    # token index → (its document, what `resolve` gave): the coder, the claims and the parties ask about
    # the same argument tokens several times per document.
    _resolved: dict[int, tuple[Any, tuple[Actor | None, str]]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    # sentence start → (its document, the participial statements in it: their tokens and character span)
    _statements: dict[int, tuple[Any, tuple[tuple[frozenset[int], tuple[int, int]], ...]]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def _said(self, token: Token) -> list[tuple[int, int]]:
        """Return the character spans of the participial statements in a token's sentence that do not
        hold the token ("…, saying it would wait for word from X")."""
        sent = sentence(token)
        known = self._statements.get(sent.start)
        if known is None or known[0] is not token.doc:
            found = []
            for verb in sent:
                if verb.dep_ == "advcl" and verb.lemma_.lower() in self.reporting:
                    subtree = list(verb.subtree)
                    span = (subtree[0].idx, subtree[-1].idx + len(subtree[-1]))
                    found.append((frozenset(t.i for t in subtree), span))
            known = self._statements[sent.start] = (token.doc, tuple(found))
        return [span for holds, span in known[1] if token.i not in holds]

    def located(
        self,
        token: Token,
        *,
        nationalities: bool = True,
        parties: Sequence[tuple[int, int]] = (),
        elsewhere: Sequence[tuple[int, int]] = (),
    ) -> Actor | None:
        """Return a country-level actor for an unnamed group from the nearest place in its sentence.

        ACLED's convention for "protesters", "rebels", "prisoners": the group of the country where the
        sentence places it. Geocoded places come first, then place names and (with `nationalities`)
        nationality words in the sentence. A whole country inside `parties` (character spans of the
        other side of the act: "accused Honduras", "protested to Japan") is a party, not where it is;
        nothing inside `elsewhere` ("backed by US strikes") places it.
        """
        sent = sentence(token)
        best: tuple[int, str] | None = None
        # Its own phrase does not place it ("US-backed Kurds" are not American).
        first, last = core_span(token)
        own_start, own_end = token.doc[first].idx, token.doc[last].idx + len(token.doc[last])
        said = [*self._said(token), *elsewhere]
        for place in self.places:
            if (
                place.place is not None
                and not place.inferred
                and not place.demonym  # nationality words come last, below
                and place.place.country
                and sent.start_char <= place.start < sent.end_char
                and not (place.start < own_end and place.end > own_start)
                and not any(start <= place.start < end for start, end in said)
                and not _sponsor_follows(token.doc.text, place.end)
                and not _names_a_border(token.doc.text, place.start, place.end)
                and not (
                    (place.place.feature_code or "").startswith("PCL")
                    and any(start <= place.start < end for start, end in parties)
                )
            ):
                distance = abs(place.start - token.idx)
                if best is None or distance < best[0]:
                    best = (distance, place.place.country)
        if best is None:
            # Place names beat nationality words, which are often someone else's ("Turkish troops
            # drove Kurds out of X").
            for labels in ({"GPE", "LOC"}, {"NORP"}) if nationalities else ({"GPE", "LOC"},):
                for ent in sentence_ents(token):
                    if (
                        ent.label_ not in labels
                        or (ent.start_char < own_end and ent.end_char > own_start)
                        or any(start <= ent.start_char < end for start, end in said)
                        or _sponsor_follows(token.doc.text, ent.end_char)
                        or _names_a_border(token.doc.text, ent.start_char, ent.end_char)
                    ):
                        continue
                    actor = self._from_mentions(ent.start_char, ent.end_char) or self._resolve_text(
                        ent.text, token
                    )
                    if (
                        actor is not None
                        and actor.country
                        and actor.country not in _NOT_STATES  # "the UN envoy" is no place
                        and not (
                            # a country or a nationality word of the other side ("Russian strikes")
                            actor.kind in ("state", "people")
                            and actor.sector is None
                            and any(start <= ent.start_char < end for start, end in parties)
                        )
                        # a group the parser took for a place ("Daesh") does not place anyone
                        and not (labels != {"NORP"} and actor.kind in ("group", "organisation", "person"))
                        and not _outlet(actor)  # "a monitor told AFP": the agency is not the scene
                    ):
                        distance = abs(ent.start_char - token.idx)
                        if best is None or distance < best[0]:
                            best = (distance, actor.country)
                if best is not None:
                    break
        return Actor(country=best[1], kind="people") if best is not None else None

    def document_country(self, token: Token) -> str | None:
        """Return the one country the document's earlier sentences are about, or None.

        The places and nationality words named before the token's sentence vote; the country named most
        often wins when no other is named as often ("Violence flared in X. The country's interior
        minister …" → X), and a document about two countries equally gives none.
        """
        start = sentence(token).start_char
        votes: dict[str, int] = {}
        for place in self.places:
            if place.start >= start or place.place is None or place.inferred or not place.place.country:
                continue
            votes[place.place.country] = votes.get(place.place.country, 0) + 1
        if not votes:
            return None
        ranked = sorted(votes.values(), reverse=True)
        if len(ranked) > 1 and ranked[0] == ranked[1]:
            return None
        return max(votes, key=lambda c: votes[c])

    def sentence_country(self, token: Token) -> str | None:
        """Return the one country of the other parties its sentence names, or None.

        "X's president called on the government to …", "Y's soldiers arrested 30 gang members": with
        no place named, an unnamed group acts or is acted on at home, in the country of the officials,
        forces and people named with it. A country named alone ("accused Honduras") is a party or a
        place, which `located` has weighed; bodies above states (IGO, NGO) place no one; two countries
        give none.
        """
        sent = sentence(token)
        first, last = core_span(token)
        own_start, own_end = token.doc[first].idx, token.doc[last].idx + len(token.doc[last])
        found = set()
        for mention in self.mentions:
            actor = mention.actor
            if (
                actor is None
                or not actor.country
                or actor.country in _NOT_STATES
                or not sent.start_char <= mention.start < sent.end_char
                or (mention.start < own_end and mention.end > own_start)
                or (actor.kind == "state" and actor.sector is None)
                or _outlet(actor)  # the agency that carries the story is not where it happened
            ):
                continue
            found.add(actor.country)
        return found.pop() if len(found) == 1 else None

    def mentioned_before(self, actor: Actor | None, token: Token) -> Actor | None:
        """Return the actor with the country of the last body or official of its sector named in an
        earlier sentence, when it names none itself ("Syrian President X arrived … The president
        criticised …"); unchanged otherwise. Groups are placed by where they are, not by this."""
        if actor is None or actor.country or actor.sector not in _STATE_SECTORS:
            return actor
        first, last = core_span(token)
        if any(t.i != token.i and t.pos_ != "DET" for t in token.doc[first : last + 1]):
            return actor  # "the Asad regime", "a senior minister": more than a bare office word
        start = sentence(token).start_char
        before = [m for m in self.mentions if m.actor is not None and m.end <= start]
        same = [
            m for m in before if m.actor is not None and m.actor.sector == actor.sector and m.actor.country
        ]
        if not same:
            return actor
        named = max(same, key=lambda m: m.end)
        return replace(actor, country=named.actor.country) if named.actor is not None else actor

    def resolve(self, token: Token) -> tuple[Actor | None, str]:
        """Return (actor or None, the phrase text) for an argument head token."""
        known = self._resolved.get(token.i)
        if known is not None and known[0] is token.doc:
            return known[1]
        actor, text = self._resolve(token)
        found = (self._as_geocoded(actor, token), text)
        self._resolved[token.i] = (token.doc, found)
        return found

    def _as_geocoded(self, actor: Actor | None, token: Token) -> Actor | None:
        """Return the actor of a bare town name in the country the geoparser placed it, else unchanged.

        The dictionary's towns (CVL, no name) are the most populous of each name, read without context;
        the geoparser weighs the document ("a nightclub in Bali" is the Indonesian island, not the Indian
        town of that name). Only a phrase that is the place name alone, with at most a determiner.
        """
        if actor is None or actor.sector != "CVL" or actor.kind != "state" or actor.name or not actor.country:
            return actor
        first, last = core_span(token)
        words = [t for t in token.doc[first : last + 1] if t.pos_ != "DET"]
        for place in self.places:
            if (
                place.place is not None
                and not place.inferred
                and not place.demonym
                and place.place.country
                and place.place.country != actor.country
                and all(place.start <= t.idx < place.end for t in words)
            ):
                return replace(actor, country=place.place.country)
        return actor

    def _resolve(self, token: Token) -> tuple[Actor | None, str]:
        doc = token.doc
        first, last = core_span(token)
        core = doc[first : last + 1]
        text = core.text.strip(" ,.;:'\"")
        if is_feature(token):
            # A stretch of land: at most the country of the place it belongs to, never a party.
            place = None
            for other in _around(token):
                o_first, o_last = core_span(other)
                span = doc[o_first : o_last + 1]
                place = self._from_mentions(span.start_char, span.end_char) or self._resolve_text(
                    span.text, token
                )
                if place is not None:
                    break
            return (Actor(country=place.country) if place is not None and place.country else None), text
        # The whole phrase first: the resolver reads its head and complements ("the sides of X" are not
        # X); the actor stage's mentions inside it answer when the phrase as a whole names nothing.
        actor = self._resolve_text(text, token)
        found = self._from_mentions(core.start_char, core.end_char)
        longer = self._named_beyond(core.start_char, core.end_char)
        if longer is not None:
            # "the Egyptian Organization for Human Rights": the body's whole name, not its first words
            return longer, text
        if actor is not None:
            if actor.sector is None and found is not None and found.country == actor.country:
                return found, text  # "Turkish" inside "the Turkish army convoy": the mention says army
            if actor.country is None and found is not None and found.country and found.sector == actor.sector:
                return found, text  # "the ministry" after "Iraq's defence ministry": the document's context
            if actor.country is None and actor.sector is not None:
                # "rebels loyal to X", "officials from X", "the envoy, a Jordanian": the phrase around
                # the head says whose they are
                country = self._around_country(token)
                if country is not None:
                    return replace(actor, country=country), text
            return self._office(token, actor), text
        if found is not None:
            return found, text
        # The phrase around the head may name the party: an apposition ("Oshima, the UN coordinator")
        # or an of/from/in phrase ("members of the Association", "rebels in the Ivory Coast"); what a
        # thing is for ("a call for peacekeepers", "a plan for troops") is its content, not its party.
        preps = _COMPLEMENTS if self.names_party(token) else _OWNERS
        for other in _around(token, preps=preps):
            o_first, o_last = core_span(other)
            actor = self._phrase(doc[o_first : o_last + 1], token)
            if actor is not None:
                return actor, text
        return self._geocoded(token), text

    def _phrase(self, span: Any, token: Token) -> Actor | None:
        """Return the actor a whole phrase around an argument names ("governor of Kandahar province" →
        AFG GOV), its country filled from the mentions inside it when the phrase names none; the
        mentions alone (the document's context) when the resolver knows nothing of the phrase."""
        found = self._from_mentions(span.start_char, span.end_char)
        actor = self._resolve_text(span.text, token)
        if actor is None:
            return found
        if actor.country is None and found is not None and found.country:
            return replace(actor, country=found.country)
        return actor

    def _around_country(self, token: Token) -> str | None:
        """Return the country an apposition or complement of the head names ("rebels loyal to X",
        "officials from X"), or None; a stretch of land ("the outskirts of X") is not a complement."""
        doc = token.doc
        for other in _around(token):
            if is_feature(other) or other.lower_ in _SPOTS:
                continue  # "protesters in front of the US embassy" are not the embassy's
            o_first, o_last = core_span(other)
            actor = self._phrase(doc[o_first : o_last + 1], token)
            if actor is not None and actor.country and not _outlet(actor):
                return actor.country
        return None

    def _geocoded(self, token: Token) -> Actor | None:
        """Return the country of a place name the gazetteer placed but the actor dictionary does not know
        ("fired at targets in Jenin"), or None."""
        if token.ent_type_ not in {"GPE", "LOC", "FAC"}:
            return None
        for place in self.places:
            if (
                place.place is not None
                and not place.inferred
                and not place.demonym
                and place.place.country
                and place.start <= token.idx < place.end
            ):
                return Actor(country=place.place.country)
        return None

    def _office(self, token: Token, actor: Actor) -> Actor:
        """Return the actor, or for a known person out of office on the date (no sector, or ELI) the office
        their apposition names ("Oshima, the United Nations relief coordinator" → IGO): the text was
        written while they held it."""
        if actor.kind != "person" or actor.sector not in (None, "ELI"):
            return actor
        for child in token.children:
            if child.dep_ != "appos":
                continue
            o_first, o_last = core_span(child)
            span = token.doc[o_first : o_last + 1]
            office = self._resolve_text(span.text, token)
            if office is not None and office.kind != "person" and (office.country or office.sector):
                return Actor(office.country or actor.country, office.sector, actor.name, "person", None)
        return actor

    def _resolve_text(self, text: str, token: Token) -> Actor | None:
        if self.resolver is None or not text:
            return None
        # Text from a document keeps its case: "four shell bombs" does not name the Shell company.
        # No sentence as context: a short one ("The president criticised Israel.") would lend the country
        # of the other party it names.
        return self.resolver.resolve(text, date=self.date, cased=True)

    def _from_mentions(self, start: int, end: int) -> Actor | None:
        best: Mention | None = None
        for mention in self.mentions:
            if mention.actor is None or mention.end <= start or mention.start >= end:
                continue
            # Prefer the mention closest to the head (the right end of an English noun phrase).
            if best is None or mention.end > best.end:
                best = mention
        return best.actor if best is not None else None

    def _named_beyond(self, start: int, end: int) -> Actor | None:
        """Return the actor of a named body whose mention starts inside [start, end) and runs on past it
        (a mention leaves out the phrase's article), or None."""
        for mention in self.mentions:
            actor = mention.actor
            if (
                actor is not None
                and actor.name is not None
                and actor.kind in ("organisation", "group")
                and start <= mention.start < end < mention.end
            ):
                return actor
        return None

    def borrowed(self, token: Token) -> bool:
        """Return True when a common noun's phrase names no party itself, so that its actor can only
        come from a complement around it ("a peace accord … in Algiers" is no Algerian party)."""
        if token.pos_ != "NOUN" or token.ent_type_ or self.names_party(token):
            return False
        first, last = core_span(token)
        core = token.doc[first : last + 1]
        text = core.text.strip(" ,.;:'\"")
        return (
            self._resolve_text(text, token) is None
            and self._from_mentions(core.start_char, core.end_char) is None
        )

    def names_party(self, token: Token) -> bool:
        """Return True when the head word alone names a party ("rebels", "Kurds"), not a thing ("aid")."""
        if token.pos_ == "PROPN" or token.ent_type_ in {"NORP", "ORG", "PERSON", "GPE"}:
            return True
        actor = self._resolve_text(token.text.lower(), token)
        return actor is not None and actor.sector is not None
