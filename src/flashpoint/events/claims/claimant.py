"""Claimants: who a statement's source is, how it is named, and where its name begins and ends."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

from flashpoint.events.arguments import core_span
from flashpoint.events.docindex import sentence
from flashpoint.events.lexicon import Lexicon

__all__ = []

_FIRST_PERSON = frozenset({"i", "we"})

_THIRD_PERSON = frozenset({"he", "she", "they", "it"})

_RELATIVE = frozenset({"who", "which", "that"})

# Attribution does not cross into an adverbial or relative clause: "after we reported that …, X said".
_BOUNDARY_DEPS = frozenset({"advcl", "relcl"})

_CLAUSE_LINKS = frozenset({"ccomp", "xcomp", "parataxis", "dobj"})

_SAYING_NOUNS = frozenset(
    {"statement", "claim", "accusation", "allegation", "report", "charge", "announcement", "assertion"}
)

# Verbs of saying that may close a sentence after the event they report.
_TRAILING_VERBS = frozenset(
    {
        "said",
        "says",
        "reported",
        "reports",
        "added",
        "told",
        "claimed",
        "claims",
        "quoted",
        "posted",
        "tweeted",
        "wrote",
        "stated",
        "announced",
        "read",
        "reads",
        "noted",
        "affirmed",
        "stressed",
    }
)

# Media that speak as sources ("the statement said", "a report says").
_SOURCE_MEDIA = frozenset(
    {"statement", "report", "communique", "video", "tweet", "post", "bulletin", "release",
     "footage", "picture", "image", "photo", "photograph"}
)  # fmt: skip

_INQUIRY_NOUNS = frozenset({"investigation", "inquiry", "probe", "study", "survey", "analysis", "assessment"})

_INDEFINITE_DETS = frozenset({"a", "an", "one", "some", "several", "two", "three", "many"})

# Groups named only by what they are ("rebels said", "the opposition said"): unnamed sources.
_GENERIC = frozenset(
    {"rebel", "opponent", "opposition", "activist", "critic", "militant", "fighter", "insurgent", "eyewitness", "survivor",
     "villager"}
)  # fmt: skip

# … and words that are generic only in the plural ("local authorities", but "the port authority").
_GENERIC_PLURAL = frozenset({"authority", "group", "monitor", "doctor", "analyst", "expert"})

# Participles that describe how a source spoke, not who it is: "a source quoted by Radio Nord",
# "an officer speaking on condition of anonymity".
_SPEAKING_PARTICIPLES = frozenset({"quote", "cite", "speak", "talk", "write"})

# People who report for an outlet: the outlet they report for is their channel.
_JOURNALISTS = frozenset(
    {"reporter", "correspondent", "journalist", "editor", "anchor", "presenter", "columnist", "stringer"}
)

# People named by their role: the body they serve is part of who they are.
_ROLE_NOUNS = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "official", "source", "head", "chief", "director", "commander",
     "member", "representative", "adviser", "advisor", "minister", "envoy", "officer", "ambassador"}
)  # fmt: skip

# Roles whose post is named by "to": "the envoy to the talks".
_POSTED_ROLES = frozenset({"ambassador", "envoy"})

# Sources that can be placed by a preposition before their verb ("residents in the town said").
_PLACED_SOURCES = _GENERIC | _ROLE_NOUNS | frozenset(
    {"resident", "witness", "medic", "doctor", "local", "people", "monitor", "journalist", "correspondent"}
)  # fmt: skip
_PLACE_PREPOSITIONS = frozenset({"in", "at", "from", "inside", "on"})


@dataclass(frozen=True, slots=True)
class _Layer:
    claimant: str | None
    token: Token | None
    channel: str | None
    stance: str
    anonymous: bool
    speaker: str | None = None  # who relays an unnamed source: "I am hearing from one source"
    # read from "according to X", which a parser may hang inside what X's speaker says
    according: bool = False


def _unnamed_by_choice(source: Token) -> bool:
    """Return True when a source or its verb says it spoke on condition of anonymity."""
    verb = source.head
    places = [source, *(c for c in verb.children if c.dep_ in {"advcl", "prep", "parataxis"} and c != source)]
    return any(t.lower_ in {"anonymity", "anonymously"} for place in places for t in place.subtree)


def _author(medium: Token) -> Token | None:
    """Return X of "a statement by X", "a video released by X", "reports from X", else None."""
    for child in medium.children:
        if child.dep_ == "prep" and child.lower_ in {"by", "from"}:
            return next((c for c in child.children if c.dep_ == "pobj"), None)
        if child.dep_ == "acl" and child.tag_ == "VBN":
            for agent in child.children:
                if agent.dep_ == "agent" or (agent.dep_ == "prep" and agent.lower_ in {"by", "from"}):
                    return next((c for c in agent.children if c.dep_ == "pobj"), None)
    return None


def _subject(verb: Token) -> tuple[Any | None, int | None]:
    """Return a verb of saying's subject and, when the parser split one name into two subjects ("the
    rebel group Jaish al- | Islam said"), the index its span runs to; of two apart, the nearer one
    ("four people injured … the ministry said")."""
    # markup left in the text ("**General Votel**") can be parsed as a subject: take a word
    subjects = [
        c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and any(ch.isalnum() for ch in c.text)
    ]
    if not subjects:
        # "IS said …": an acronym the parser read as the auxiliary "is" is the subject it lost
        acronym = next(
            (c for c in verb.lefts if c.dep_ in {"aux", "auxpass"} and c.text.isupper() and len(c.text) > 1),
            None,
        )
        return acronym, None
    if len(subjects) < 2:
        return subjects[0], None
    before = [c for c in subjects if c.i < verb.i]
    if len(before) < 2:
        return subjects[0], None
    first, nearest = before[-2], before[-1]
    if first.right_edge.i + 1 >= nearest.left_edge.i and not any(t.pos_ == "VERB" for t in first.subtree):
        return first, nearest.right_edge.i
    return nearest, None


def _closing_source(verb: Token) -> Token | None:
    """Return the source of "…, said Ivan Petrov, a teacher." when the parser made it the verb's
    complement or object: a noun phrase right after the verb that runs to the end of the sentence."""
    if (
        verb.lower_ not in {"said", "says", "added", "reported", "reports"}
        or verb.i + 1 >= sentence(verb).end
    ):
        return None
    noun = next(
        (c for c in verb.children if c.i > verb.i and c.dep_ in {"ccomp", "dobj", "attr", "nsubj"}), None
    )
    if noun is None or noun.pos_ not in {"NOUN", "PROPN"} or noun.left_edge.i != verb.i + 1:
        return None
    if noun.dep_ == "dobj" and any(
        c.dep_ == "nsubj" and c.i < verb.i and c.pos_ != "PRON" for c in verb.children
    ):
        return None  # "… a monitor said, part of a wider escalation": the source is before its verb
    if noun.lemma_.lower() in _SOURCE_MEDIA:
        return None  # "said the statement": read below, with the medium as the channel
    rest = verb.doc[noun.right_edge.i + 1 : sentence(verb).end]
    return noun if all(t.is_punct or t.is_space for t in rest) else None


def _source_span(token: Token) -> tuple[int, int]:
    """Return (first, last) of a source's name: its core, a name in apposition right after it ("the
    ministry spokesman Major General Ivan Petrov") and the sources joined to it by "and"."""
    first, last = core_span(token)
    for child in token.rights:
        if child.dep_ == "prep" and any(c.dep_ == "pcomp" and c.pos_ == "VERB" for c in child.children):
            # "accused by the governor | of attacking …": the charge the parser hung on the accuser
            last = min(last, child.i - 1)
    if token.pos_ == "PROPN":
        # "the Observatory for Human Rights", "the Committee on Missing Persons": one name with its phrase
        named = next(
            (c for c in token.rights if c.dep_ == "prep" and c.lower_ in {"for", "on", "against"}), None
        )
        if (
            named is not None
            and named.i == last + 1
            and all(t.is_title or t.lower_ in {"and", "of", "the"} for t in named.subtree if t != named)
            and any(t.pos_ == "PROPN" for t in named.subtree)
        ):
            last = named.right_edge.i
    if token.lemma_.lower() in _ROLE_NOUNS:
        # "a spokesman for the army", "the head of the council": whose role it is belongs to the name
        # an envoy's post is where it is sent: "the ambassador to the UN"
        whose = {"for", "of", "at", "from", *(("to",) if token.lemma_.lower() in _POSTED_ROLES else ())}
        role = next((c for c in token.rights if c.dep_ == "prep" and c.lower_ in whose), None)
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


def _earlier_speaker(pronoun: Token, lexicon: Lexicon) -> Token | None:
    """Return the named subject of a verb of saying in the two sentences before a pronoun claimant
    ("X told the radio … He said …" → X), nearest first; a person for "he"/"she", anyone for "they"/"it"."""
    personal = pronoun.lower_ in {"he", "she"}
    sent = sentence(pronoun)
    for _ in range(2):
        if sent.start == 0:
            return None
        sent = sentence(pronoun.doc[sent.start - 1])
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


def _last_named(pronoun: Token) -> Token | None:
    """Return whom a speaking pronoun most likely stands for when no earlier speaker is found: for "he"
    or "she" the last person named before it (this sentence and the two before), for "it" or "they" the
    named subject of the sentence before ("The ministry issued a statement. It said …"); else None."""
    doc = pronoun.doc
    start = sentence(pronoun).start
    for _ in range(2):
        if start == 0:
            break
        start = sentence(doc[start - 1]).start
    if pronoun.lower_ in {"he", "she"}:
        people = [t for t in doc[start : pronoun.i] if t.ent_type_ == "PERSON" and t.pos_ == "PROPN"]
        if not people:
            return _earlier_person(pronoun)
        last = people[-1]
        # the head of the name ("Anna Keller" → "Keller"), so the source's span covers the whole name
        while last.head.ent_type_ == "PERSON" and last.head.i > last.i and last.dep_ == "compound":
            last = last.head
        return last
    subject = _subject_before(pronoun)
    if subject is None or subject.pos_ not in {"NOUN", "PROPN"}:
        return None
    if pronoun.lower_ == "it" and subject.tag_ in {"NNS", "NNPS"}:
        return None
    return subject


# What a person named only by role is not: a place, a people, a body, a time.
_NOT_PEOPLE = frozenset({"GPE", "LOC", "NORP", "FAC", "ORG", "DATE", "TIME", "CARDINAL"})

# People named by an office or a part they play, for whom a later "he" or "she" can stand.
_PERSONAL_ROLES = _ROLE_NOUNS | _JOURNALISTS | frozenset(
    {"mayor", "governor", "president", "premier", "general", "colonel", "captain", "leader", "chairman",
     "chairwoman", "senator", "lawmaker", "ambassador", "diplomat", "secretary", "prosecutor", "judge",
     "lawyer", "witness", "resident", "doctor", "activist", "priest", "imam", "king", "queen", "emir",
     "prince", "negotiator", "mediator", "inspector", "sheriff", "chief", "man", "woman"}
)  # fmt: skip


def _subject_before(pronoun: Token) -> Token | None:
    """Return the subject of the main verb of the sentence before a pronoun's, else None."""
    if sentence(pronoun).start == 0:
        return None
    before = sentence(pronoun.doc[sentence(pronoun).start - 1])
    return next((c for c in before.root.children if c.dep_ == "nsubj"), None)


def _earlier_person(pronoun: Token) -> Token | None:
    """Return the one person a "he" or "she" can stand for when no name is tagged before it: the
    singular subject of the sentence before ("The mayor toured the market. She said …"), else None."""
    subject = _subject_before(pronoun)
    if subject is None or subject.tag_ not in {"NN", "NNP"}:
        return None
    # "Police commander Ivo Brand" tagged a body: the title before the name says it is a person
    titled = any(c.dep_ == "compound" and c.lemma_.lower() in _PERSONAL_ROLES for c in subject.lefts)
    if subject.ent_type_ in _NOT_PEOPLE and not titled:
        return None
    return subject if subject.pos_ == "PROPN" or subject.lemma_.lower() in _PERSONAL_ROLES else None


def _said_above(node: Token, lexicon: Lexicon) -> bool:
    """Return True when a clause is (within a few steps) the complement of a verb of saying."""
    for _ in range(4):
        if node.head == node:
            return False
        if node.dep_ == "ccomp" and lexicon.is_reporting(node.head):
            return True
        node = node.head
    return False


def _closing(verb: Token) -> bool:
    """Return True for a verb of saying misparsed as a relative clause that in fact closes the sentence
    ("… a possible raid the news agency has reported."): no relative pronoun, no object, nothing after
    it but circumstances."""
    if any(c.tag_ in {"WDT", "WP", "WP$"} or c.dep_ in {"dobj", "ccomp", "xcomp"} for c in verb.children):
        return False
    after = [t for t in sentence(verb) if t.i > verb.i and not t.is_punct]
    return all(
        t.dep_ in {"prep", "pobj", "npadvmod", "det", "amod", "compound"} or t.ent_type_ in {"DATE", "TIME"}
        for t in after
    )


def _named(span: Span) -> bool:
    """Return True when a source's words name it: a person or organisation, or a proper noun that is
    not just a place or nationality ("US officials", "Syrian activists" are unnamed)."""
    return any(
        t.ent_type_ in {"PERSON", "ORG"} or (t.pos_ == "PROPN" and t.ent_type_ not in {"GPE", "NORP", "LOC"})
        for t in span
    )


def _noun_phrase_before(verb: Token, trigger: Token) -> tuple[int, Any] | None:
    """Return (first index, head token) of the noun phrase just before a verb, after the trigger:
    "… the Borduria-based Observatory said" → the Observatory phrase; None when there is none."""
    doc = verb.doc
    i = verb.i - 1
    while i > trigger.i and doc[i].dep_ in {"aux", "auxpass", "neg"}:
        i -= 1  # "… the news agency has reported"
    named_aside = i - 1 > trigger.i and doc[i].text == "," and doc[i - 1].ent_type_ == "PERSON"
    if named_aside:
        i -= 1  # "…, the police chief, Jan Ruel, said": a name set off by commas before its verb
    head = doc[i] if i > trigger.i else None
    if head is None or head.pos_ not in {"NOUN", "PROPN"}:
        return None
    first = i
    while first - 1 > trigger.i:
        word = doc[first - 1]
        if word.pos_ == "DET":
            first -= 1
            if _placed_source(doc, first, trigger):
                # "… activists in the town said": the source with where it is, not the place
                first -= 2
                head = doc[first]
                continue
            break
        if (
            word.lower_ in {"for", "of", "on"}
            and first - 2 > trigger.i
            and doc[first].is_title
            and doc[first - 2].pos_ == "PROPN"
        ):
            first -= 1  # "the Observatory for Human Rights said": one name with its phrase
            continue
        if _run_on(word, doc[first]):
            break
        if (
            word.pos_ in {"NOUN", "PROPN", "ADJ", "NUM"}
            or word.text in {"-", "'s", "’s"}
            # "the Dorn-based monitor", "armed opposition groups", but not "… were injured local media said"
            or (
                word.pos_ == "VERB"
                and word.tag_ == "VBN"
                and (word.dep_ in {"amod", "compound"} or doc[word.i - 1].text == "-")
            )
            or (word.pos_ == "CCONJ" and first - 2 > trigger.i)
        ):
            first -= 1
            continue
        if _placed_source(doc, first, trigger):
            first -= 2
            head = doc[first]
            continue
        break
    if named_aside and first - 2 > trigger.i and doc[first - 1].text == ",":
        first = _role_before(doc, first - 2, trigger)  # "the city's police chief, Jan Ruel"
    return first, head


def _role_before(doc: Any, last: int, trigger: Token) -> int:
    """Return where the role phrase ending at `last` begins when it is a person's office set before
    their name ("the city's police chief, | Jan Ruel"); else the index after it (the name alone)."""
    if doc[last].lemma_.lower() not in _PERSONAL_ROLES:
        return last + 2
    first = last
    while first - 1 > trigger.i and (
        doc[first - 1].pos_ in {"DET", "NOUN", "PROPN", "ADJ"} or doc[first - 1].tag_ == "POS"
    ):
        first -= 1
    return first


def _run_on(word: Token, name: Token) -> bool:
    """Return True when `word` ends the clause before a source that closes an unpunctuated sentence: a
    time ("… in the last 48 hours military sources said") or a place right before a name ("… in Aleppo
    Ibrahim Leith told …"), which would give the source a country it does not have."""
    if word.ent_type_ in {"DATE", "TIME"} and name.ent_type_ not in {"DATE", "TIME"}:
        return True
    return (
        word.ent_type_ in {"GPE", "LOC", "FAC"}
        and name.ent_iob_ == "B"
        and name.ent_type_ in {"PERSON", "ORG"}
        and name.pos_ == "PROPN"
    )


def _placed_source(doc: Any, first: int, trigger: Token) -> bool:
    """Return True when the phrase starting at `first` is the place of a source before it ("activists |
    in | the town"), so that the source's phrase runs on to the left."""
    if first - 2 <= trigger.i:
        return False
    word, source = doc[first - 1], doc[first - 2]
    return (
        word.pos_ == "ADP"
        and word.lower_ in _PLACE_PREPOSITIONS
        and source.pos_ == "NOUN"
        and source.lemma_.lower() in _PLACED_SOURCES
    )


def _finite_after_infinitive(node: Token) -> bool:
    """Return True for a clause with its own subject coordinated with an infinitive: a misparse of
    a new sentence-level statement, which the infinitive's reporting verb does not cover."""
    if node.dep_ != "conj" or not any(c.dep_ in {"nsubj", "nsubjpass"} for c in node.children):
        return False
    head = node.head
    return head.dep_ == "xcomp" or any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children)
