"""Channels: the outlet, platform or medium a statement reaches us through."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Token

from flashpoint.events.arguments import core_span
from flashpoint.events.claims.claimant import _Layer

__all__ = ["is_outlet", "medium_content"]

_STRIP = " ,.;:*_"

_WHEN = frozenset({"DATE", "TIME"})

# Words in a source's name that make it an outlet (its own channel), and a few outlets without one.
_OUTLET_WORDS = frozenset(
    {
        "agency",
        "agence",
        "agencia",
        "agenzia",
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
        # more wire services, broadcasters, papers and platforms known by a name without an outlet word
        "courier",
        "chronicle",
        "upi",
        "dpa",
        "efe",
        "ansa",
        "kyodo",
        "nhk",
        "cbs",
        "nbc",
        "cnbc",
        "msnbc",
        "npr",
        "pbs",
        "sputnik",
        "novosti",
        "voa",
        "rferl",
        "euronews",
        "haaretz",
        "ynet",
        "rudaw",
        "tasnim",
        "isna",
        "irib",
        "wafa",
        "kuna",
        "bernama",
        "kcna",
        "mayadeen",
        "asharq",
        "alalam",
        "manar",
        "bloomberg",
        "politico",
        "newsweek",
        "instagram",
        "tiktok",
        "whatsapp",
        "vkontakte",
        "weibo",
        "wechat",
        "reddit",
        "blog",
        "podcast",
        "newsletter",
    }
)

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
        "remark",
        "comment",
        "update",
        "report",
        "announcement",
        "declaration",
        "article",
        "editorial",
        "column",
        "readout",
        "transcript",
        "livestream",
        "email",
        "notice",
    }
)

_STATE_RUN = re.compile(r"\bstate[- ](run|owned|controlled)\b", re.IGNORECASE)

# Participles whose phrase names where a source spoke: "speaking on state television".
_SPEAKING_VERBS = frozenset({"speak", "write", "appear", "talk"})

# Nouns after "on"/"in" that are no medium: "speaking on condition of anonymity", "on behalf of".
_NOT_MEDIA = frozenset(
    {"condition", "anonymity", "behalf", "background", "record", "basis", "occasion", "sideline"}
)

_OUTLET_NAMES = frozenset({"ap", "associated press", "state media", "al aan"})

# Verbs that put a medium out on a platform: "a statement posted on Telegram".
_PUBLISHING_VERBS = frozenset(
    {"post", "publish", "release", "issue", "broadcast", "air", "upload", "carry", "circulate", "share"}
)


def _cited(verb: Token) -> Token | None:
    """Return Y of "X reported, citing Y" / "X said, quoting Y", else None."""
    for child in verb.children:
        if (
            child.dep_ in {"advcl", "xcomp", "conj"}
            and child.tag_ == "VBG"
            and child.lemma_.lower() in {"cite", "quote"}
        ):
            return next((c for c in child.children if c.dep_ == "dobj"), None)
    return None


def _quoted_as(verb: Token) -> tuple[Any, Any | None] | None:
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


def _phrase(token: Token) -> str:
    first, last = core_span(token)
    return str(token.doc[first : last + 1].text).strip(_STRIP)


def _channel(verb: Token, clause: Token | None = None) -> str | None:
    """Return the channel a verb of saying names: "told Radio Nord", "said on Telegram", "speaking on
    CNN", "in a statement (on X)"; `clause` is its complement, where a parser may hang the medium."""
    lemma = verb.lemma_.lower()
    for child in verb.children:
        if lemma == "tell" and child.dep_ in {"dobj", "dative"}:
            told = _phrase(child)
            named = child.pos_ == "PROPN" and child.ent_type_ not in {"PERSON", "GPE", "NORP", "LOC"}
            if is_outlet(told) or child.ent_type_ == "ORG" or named:
                return told  # "told Kurdish media", "told Rutag", not "told reporters" or "told Ivan Petrov"
        if child.dep_ == "prep" and child.lower_ in {"through", "via"}:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and is_outlet(_phrase(pobj)):
                return _phrase(pobj)  # "said through its news agency"
        if child.dep_ == "prep" and child.lower_ in {"on", "to"} and lemma != "tell":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.ent_type_ not in _WHEN and (pobj.pos_ == "PROPN" or pobj.ent_type_):
                return _phrase(pobj)
            if pobj is not None and is_outlet(_phrase(pobj)):
                return _phrase(pobj)  # "said on its Telegram channel", "on state television"
        if child.dep_ == "advcl" and child.lemma_.lower() in _SPEAKING_VERBS:
            spoken = _speaking_channel(child)
            if spoken is not None:
                return spoken
    for holder in (verb, clause):
        medium = _medium(holder) if holder is not None else None
        if medium is not None:
            return medium
    return _issued_medium(verb)


def _speaking_channel(participle: Token) -> str | None:
    """Return the channel of "speaking on CNN", "writing in the Courier", "speaking to Radio Nord",
    "speaking at a news conference"; None for "speaking on condition of anonymity", "to reporters"."""
    for prep in participle.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"on", "to", "in", "with"}:
            continue
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is None or pobj.lemma_.lower() in _NOT_MEDIA or pobj.ent_type_ in _WHEN:
            continue
        phrase = _phrase(pobj)
        # "speaking to reporters", "with diplomats": an audience is no channel, an outlet or a name is
        if prep.lower_ in {"to", "with"} and not (is_outlet(phrase) or pobj.pos_ == "PROPN"):
            continue
        return phrase
    return _medium(participle)


def _medium(holder: Token) -> str | None:
    """Return "a statement" for "in a statement", or the platform in "in a statement on Telegram"."""
    for prep in holder.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"in", "via", "through", "during", "at"}:
            continue
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is None or pobj.lemma_.lower() not in _MEDIA_NOUNS:
            continue
        return _platform(pobj) or _phrase(pobj)
    return None


def _platform(medium: Token, *, also: Token | None = None) -> str | None:
    """Return the platform or outlet a medium was put out on: "a statement (posted) on Telegram", "a
    statement carried by the Rutag news agency"; `also` is the verb that put it out, when the platform
    hangs there ("posted a video on Telegram"). None when there is none."""
    published = [c for c in medium.children if c.dep_ == "acl" and c.lemma_.lower() in _PUBLISHING_VERBS]
    holders = [medium, *published, *([also] if also is not None else [])]
    for inner in (c for holder in holders for c in holder.children):
        # "… on Telegram", and the passive's agent: "a statement carried by the Rutag news agency"
        if inner.dep_ in {"prep", "agent"} and inner.lower_ in {"on", "to", "with", "by"}:
            named = next((c for c in inner.children if c.dep_ == "pobj"), None)
            if named is not None and named.ent_type_ in _WHEN:
                continue  # "in a statement on Wednesday"
            if named is not None and (named.pos_ == "PROPN" or is_outlet(_phrase(named))):
                return _phrase(named)
    return None


def _issued_medium(participle: Token) -> str | None:
    """Return the channel of "X issued a statement, saying …", "posted a video on Telegram saying …":
    the medium the participle's verb put out, or the platform it went out on; else None."""
    if participle.dep_ != "advcl" or participle.tag_ != "VBG":
        return None
    verb = participle.head
    if verb.lemma_.lower() not in _PUBLISHING_VERBS:
        return None
    medium = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in _MEDIA_NOUNS), None)
    if medium is None:
        return None
    return _platform(medium, also=verb) or _phrase(medium)


def is_outlet(name: str) -> bool:
    """Return True when a source's name is a news outlet, agency, broadcaster or platform."""
    words = re.findall(r"[a-z0-9]+", name.lower())
    if _STATE_RUN.search(name):
        return True  # "state-run Rutag"
    return any(w in _OUTLET_WORDS for w in words) or " ".join(words) in _OUTLET_NAMES


def _relay(outer: list[_Layer]) -> str | None:
    """Return the nearest outer layer's channel, or its claimant when that is an outlet."""
    for layer in outer:
        if layer.channel:
            return layer.channel
        if layer.claimant and (is_outlet(layer.claimant) or layer.according):
            # "According to Rutag, a source said …": what another's words come through is the relay
            return layer.claimant
    return None


def medium_content(clause: Token) -> Token | None:
    """Return the verb of saying whose medium a that-clause hangs on ("told X in an interview that …",
    "said at a news conference that …": the parser makes the clause the medium's), else None."""
    medium = clause.head
    that = next((c for c in clause.children if c.lower_ == "that" and c.i < clause.i), None)
    # "that" a complementizer: marked so, or read as an object where the clause has its own object
    objects = [c for c in clause.children if c.dep_ == "dobj" and c is not that]
    if (
        clause.dep_ not in {"acl", "relcl"}
        or that is None
        or not (that.dep_ == "mark" or objects)
        or not (medium.lemma_.lower() in _MEDIA_NOUNS or is_outlet(_phrase(medium)))
    ):
        return None
    # up to the verb the medium hangs on: "told a press conference that …", "told state television that
    # …", "said in remarks broadcast on state television that …"
    node = medium
    for _ in range(5):
        if node.dep_ == "dobj" or (node.dep_ == "pobj" and node.head.dep_ == "prep"):
            verb = node.head if node.dep_ == "dobj" else node.head.head
        else:
            return None
        if verb.pos_ in {"VERB", "AUX"} and verb.dep_ not in {"acl", "relcl"}:
            return verb
        if verb.dep_ != "acl" or verb.head.lemma_.lower() not in _MEDIA_NOUNS:
            return None  # only through a medium's participle: "remarks broadcast on …"
        node = verb.head
    return None
