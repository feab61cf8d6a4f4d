"""Event placement: the place where an event happened, from the parse around its trigger."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

from flashpoint.geo.context import haversine_km
from flashpoint.geo.focus import FACILITY_WORDS
from flashpoint.records import Document, Event, PlaceMention

__all__ = ["dateline", "focus_place", "party_spans", "place_event"]

LOCATIVE = frozenset(
    {"in", "at", "near", "around", "into", "towards", "toward", "through", "thru", "outside", "inside",
     "from", "across", "along", "within", "on", "over", "to", "by", "off", "via", "between", "throughout"}
)  # fmt: skip
# Prepositions that place the event itself (the others may name a destination or an origin).
STRONG = frozenset({"in", "at", "near", "around", "outside", "inside", "within", "across", "throughout"})
FOCUS_SCORE = 0.5
# Events that are things said: placed where they were said, else at the document's focus.
STATEMENTS = frozenset({"AGREE", "REQUEST", "ACCUSE", "REJECT", "SUPPORT", "THREATEN"})
# Nouns that make a toponym before them a landmark inside a town ("Tahrir square", "Main Street").
_LANDMARKS = frozenset(
    {"square", "street", "avenue", "road", "boulevard", "bridge", "market", "hospital", "university", "stadium",
     "park", "mosque", "church", "cathedral", "temple", "airport", "station", "building", "palace", "camp",
     "roundabout", "junction", "plaza", "prison", "school", "college", "hall", "tower", "gate", "port"}
)  # fmt: skip
# Dependency links that keep a word inside the phrase of the verb it hangs from.
PHRASE_LINKS = frozenset(
    {
        "dobj",
        "pobj",
        "prep",
        "nsubj",
        "nsubjpass",
        "compound",
        "appos",
        "amod",
        "nmod",
        "poss",
        "attr",
        "npadvmod",
    }
)  # a place found only as the document's focus is a weaker statement


def focus_place(doc: Document, parties: frozenset[tuple[int, int]]) -> PlaceMention | None:
    """Return the document's most-mentioned resolved town or district (else country; ties to the finer)."""
    counts: Counter[str] = Counter()
    first: dict[str, PlaceMention] = {}
    # A capital the actor stage read as a party ("accuses Ankara of") is who, not where.
    places = [m for m in doc.places if (m.start, m.end) not in parties]
    for mention in places:
        if mention.place is None or mention.demonym or mention.inferred:
            continue
        counts[mention.place.id] += 1
        first.setdefault(mention.place.id, mention)
    if not counts:
        return None
    # A town or district the story keeps returning to, before the countries it names (often as actors).
    fine = [pid for pid in counts if (first[pid].precision or 3) < 3]
    best = max(fine or counts, key=lambda pid: (counts[pid], -(first[pid].precision or 3)))
    return first[best]


# A wire story's dateline: a town in capitals opening a paragraph, perhaps its country or state and the
# agency, then a dash ("ADEN, Yemen —", "KABUL (Reuters) -", "NEW DELHI, India, March 3 –").
_DATELINE = re.compile(
    r"(?:^|\n)[ \t]*(?P<town>[A-Z][A-Z'.\-]+(?:[ \t]+[A-Z][A-Z'.\-]+){0,3})"
    r"(?:,[ \t]*[A-Z][\w'.\-]*(?:[ \t]+[\w'.\-]+){0,3})*"
    r"[ \t]*(?:\([A-Za-z. ]{1,24}\)[ \t]*)?(?:--|[—–-])[ \t]"
)
_DATELINE_REACH = 400  # a dateline opens the story: it is looked for in its first lines only


def dateline(doc: Document) -> PlaceMention | None:
    """Return the town of the story's dateline ("ADEN, Yemen —": Aden), or None without one.

    It says where the story was filed: where its events are when they name no place of their own.
    """
    match = _DATELINE.search(doc.text[:_DATELINE_REACH])
    if match is None or not any(c.isalpha() and c.isupper() for c in match.group("town")[1:]):
        return None
    start = match.start("town")
    return next(
        (
            m
            for m in doc.places
            if m.start == start and m.place is not None and not m.inferred and not m.demonym
        ),
        None,
    )


def place_event(
    doc: Document,
    event: Event,
    focus: PlaceMention | None,
    parties: frozenset[tuple[int, int]],
    *,
    filed: PlaceMention | None = None,
    text: str | None = None,
) -> PlaceMention | None:
    """Return where `event` happened: its sentence's places first, then the previous sentence, then the
    dateline's town (`filed`), then the focus.

    `text` is the parsed document's text when the caller has it (spaCy's `doc.text` joins every token
    on each call, and a document's events ask it again and again).

    A sentence without places that puts the act "on Syrian soil" (a nationality word in a locative phrase)
    places it in that country, before the previous sentence is asked.

    When the sentence names only places the gazetteer lacks, the answer is the document's country (or None).
    """
    usable = [
        m
        for m in doc.places
        if m.place is not None
        and not m.demonym
        and not m.inferred
        and not _fragment(doc.text, m)
        and not (filed is not None and m.start == filed.start)  # the dateline says where it was filed
    ]
    here = [m for m in usable if m.sentence == event.sentence]
    trigger = _token_at(doc.parsed, event.trigger_start)
    if here:
        # A country named outside any locative phrase ("the US refused", "an anti-France march") says who
        # or about whom, not where: the event is placed as if the sentence named no place.
        here = [m for m in here if not _bare_country(m) or _attachment(doc.parsed, trigger, m) > 0]
        # A capital standing for its government ("accuses Ankara of", "Moscow said") is a party, not a
        # place, unless a locative phrase puts the act there (`parties`: `party_spans(doc)`).
        here = [m for m in here if (m.start, m.end) not in parties or _attachment(doc.parsed, trigger, m) > 0]
        # "outside the Russian Consulate in Almaty": a building named for a country stands in a town
        here = [m for m in here if not (_bare_country(m) and _facility(m.surface))] or here
        # "at Armas square", "outside the Capitol in Hartford": a landmark is in a town, it is not one
        here = [m for m in here if not _landmark(doc.parsed, m)] or here
        # "in rural X", "in the X countryside": the land around a town, where a village it names lies
        here = [replace(m, precision=3) if _countryside(doc.text, m) else m for m in here]
    if here and event.type in STATEMENTS:
        # A statement happens where it is made ("told reporters in Geneva"), never at what it is about.
        said = [m for m in here if _where_said(doc.parsed, trigger, m)]
        if not said:
            return _at_focus(filed or focus)
        return _best_in_sentence(doc.parsed, event, said, context=here, text=text)
    if here:
        return _best_in_sentence(doc.parsed, event, here, text=text)
    if any((m.place is None or m.inferred) and m.sentence == event.sentence for m in doc.places):
        # The sentence names a place the gazetteer lacks: it happened there, somewhere in the document's
        # country as far as we can tell — not at another town of the story.
        street = next(
            (m for m in doc.places if m.inferred and m.sentence == event.sentence and m.precision == 2), None
        )
        if street is not None:
            # a street or a building the index lacks lies in the town the story is about ("Marginal Road")
            return replace(street, score=round(street.score * FOCUS_SCORE, 3))
        area = _country_mention(usable, focus)
        if area is None:
            # no country named: the resolver's guess for the unknown name (the document's focus), coarsely
            guess = next((m for m in doc.places if m.inferred and m.sentence == event.sentence), None)
            if guess is None:
                return None
            return replace(guess, precision=3, score=round(guess.score * FOCUS_SCORE, 3))
        return replace(area, precision=3, score=round(area.score * FOCUS_SCORE, 3))
    trigger = _token_at(doc.parsed, event.trigger_start)
    soil = [
        m
        for m in doc.places
        if m.demonym
        and m.place is not None
        and m.sentence == event.sentence
        and _territorial(doc.parsed, m)
        and _attachment(doc.parsed, trigger, m)
    ]
    if soil:
        # "on Syrian soil", "in Iraqi territory": a nationality word inside a locative phrase names a country.
        return replace(soil[0], precision=3)
    # The previous sentence's places, less a country it names outside any locative phrase ("And the US
    # has no intention of moving"): that says who, not where, there as here.
    before = [
        m
        for m in usable
        if m.sentence == event.sentence - 1
        and event.type not in STATEMENTS
        and (not (_bare_country(m) or (m.start, m.end) in parties) or _attachment(doc.parsed, None, m) > 0)
    ]
    if before:
        # the place the previous sentence is about: a town before a country, the head of "X (Y, Z)"
        # before what its brackets add, the first named before later ones
        nearest = min(
            before,
            key=lambda m: (_bare_country(m), m.precision or 3, _bracketed(doc.parsed, m), m.start),
        )
        return replace(nearest, precision=max(nearest.precision or 1, 2), score=round(nearest.score * 0.7, 3))
    if (event.type in STATEMENTS or not event.happened) and _story_of_towns(usable):
        # In a story told across several towns, a statement whose sentence names no place ("accused Trump
        # of lying") or an act that did not happen ("the convoy will go back") is not put at the story's
        # main town: only its country is known. (A short report about one town keeps that town.)
        area = _country_mention(usable, focus)
        return None if area is None else replace(area, precision=3, score=round(area.score * FOCUS_SCORE, 3))
    return _at_focus(filed or focus)


def party_spans(doc: Document) -> frozenset[tuple[int, int]]:
    """Return the spans the actor stage read as an institution (a capital as its government: "Ankara" →
    TURGOV); a place name it reads as the country alone ("Manbij" → SYR) is not one.

    Only where the parse gives it a party's role: subject, object or possessor ("Ankara said", "accuses
    Ankara of", "Moscow's decision"), never the object of a preposition ("in Paris", "(Paris)")."""
    spans: set[tuple[int, int]] = set()
    for m in doc.mentions:
        if m.actor is None or m.actor.sector is None:
            continue
        token = _token_at(doc.parsed, m.start)
        if token is None:
            continue
        while token.dep_ in {"compound", "amod", "appos", "conj"} and token.head is not token:
            token = token.head
        if token.dep_ in _PARTY_DEPS:
            spans.add((m.start, m.end))
    return frozenset(spans)


_PARTY_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "poss", "agent"})


def _story_of_towns(usable: Sequence[PlaceMention]) -> bool:
    """Return True when the document names three or more different towns (a story told across places)."""
    towns = {m.place.id for m in usable if m.place is not None and (m.precision or 3) < 3}
    return len(towns) >= 3


def _facility(surface: str) -> bool:
    words = surface.lower().split()
    return len(words) > 1 and any(w in FACILITY_WORDS for w in words)


def _at_focus(focus: PlaceMention | None) -> PlaceMention | None:
    if focus is None:
        return None
    return replace(focus, precision=max(focus.precision or 1, 2), score=round(focus.score * FOCUS_SCORE, 3))


_RURAL_BEFORE = re.compile(r"(?:\brural|\bcountryside of(?: the)?(?: city of)?)\s+$", re.IGNORECASE)
_RURAL_AFTER = re.compile(r"(?:'s)?\s+(?:countryside|hinterland|rural areas?)\b", re.IGNORECASE)


def _countryside(text: str, mention: PlaceMention) -> bool:
    """Return True for a town named for the land around it ("rural X", "the X countryside"): an area."""
    return (mention.precision or 3) < 3 and bool(
        _RURAL_BEFORE.search(text[max(0, mention.start - 40) : mention.start])
        or _RURAL_AFTER.match(text, mention.end)
    )


def _fragment(text: str, mention: PlaceMention) -> bool:
    """Return True for a toponym glued by a hyphen to another word: part of a longer name ("Marrakech-Safi"),
    or a modifier ("the Turkey-Greece border"), not a place named on its own."""
    before = text[mention.start - 2 : mention.start]
    after = text[mention.end : mention.end + 2]
    return (len(before) == 2 and before[1] == "-" and before[0].isalpha()) or (
        len(after) == 2 and after[0] == "-" and after[1].isalpha()
    )


def _landmark(parsed: Doc, mention: PlaceMention) -> bool:
    """Return True when the toponym names a landmark ("Armas square", "Hamra street"), not a town."""
    token = _token_at(parsed, mention.start)
    if token is None:
        return False
    end = _token_at(parsed, mention.end - 1)
    last = end if end is not None else token
    following = parsed[last.i + 1] if last.i + 1 < len(parsed) else None
    return following is not None and following.lower_ in _LANDMARKS and following.i == last.head.i


def _opening(parsed: Doc, prep: Token) -> bool:
    """Return True for a locative phrase that opens its sentence ("In X (Y), …", "On 3 May, in X, …"):
    it places everything the sentence reports, whatever the parser hung it on."""
    sent = prep.sent
    if prep.lower_ not in STRONG:
        return False
    if prep.i == sent.start:
        return True
    previous = parsed[prep.i - 1]
    if previous.text != ",":
        return False
    # only a date or time phrase may come before it ("On 12 March 2021, in X, …")
    return all(t.ent_type_ in {"DATE", "TIME"} or t.is_punct or t.lower_ in {"on", "around", "at"}
               for t in parsed[sent.start : prep.i - 1])  # fmt: skip


def _where_said(parsed: Doc, trigger: Token, mention: PlaceMention) -> bool:
    """Return True when the toponym says where a statement was made: a locative phrase on the statement
    or on the act it is part of ("gathered in X to denounce …"), on its speaker ("students in X
    demanded …"), or opening the sentence."""
    token = _token_at(parsed, mention.start)
    if token is None or trigger is None:
        return False
    while token.dep_ in {"compound", "amod", "nmod", "appos", "conj", "poss"} and token.head is not token:
        token = token.head
    prep = token.head if token.dep_ == "pobj" else None
    if prep is None or prep.lower_ not in LOCATIVE:
        return False
    if _opening(parsed, prep):
        return True
    holder = prep.head
    speakers = {c for c in trigger.children if c.dep_ in {"nsubj", "nsubjpass"}}
    governing = trigger.head if trigger.dep_ in {"xcomp", "advcl", "conj", "ccomp"} else None
    return holder == trigger or holder in speakers or (governing is not None and holder == governing)


def _bare_country(mention: PlaceMention) -> bool:
    code = (mention.place.feature_code or "") if mention.place is not None else ""
    return code.startswith("PCL")


def _country_mention(usable: Sequence[PlaceMention], focus: PlaceMention | None) -> PlaceMention | None:
    """Return the first country or division mention in the focus place's country (None without one)."""
    if focus is None or focus.place is None:
        return None
    country = focus.place.country
    for mention in usable:
        if mention.place is not None and (mention.precision or 3) == 3 and mention.place.country == country:
            return mention
    return None


_AREA_AFTER = re.compile(
    r"\s+(?:district|province|governorate|region|county|township|municipality|prefecture|sub-district)\s+of\b"
)


def _best_in_sentence(
    parsed: Doc,
    event: Event,
    mentions: Sequence[PlaceMention],
    *,
    context: Sequence[PlaceMention] | None = None,
    text: str | None = None,
) -> PlaceMention:
    """Return the best of `mentions` for the event; `context` (the sentence's places) may name its town."""
    trigger = _token_at(parsed, event.trigger_start)
    whole = str(parsed.text) if text is None else text

    def rank(mention: PlaceMention) -> tuple[int, int, int, int, int]:
        attach = _attachment(parsed, trigger, mention)
        # "in Sumqayit (Sumqayit, Azerbaijan)", "in X village (Y township, Z region)": at equal attachment
        # a country loses to a division or town, the head of the phrase to what the brackets add, and
        # of the bracketed ones the first (the finest: township before region).
        bracketed = _bracketed(parsed, mention)
        # "in the X district of Y": a town's name that names its district here is the district (an address
        # "in X township (Y, Z)" names the town's own township: it keeps the town)
        precision = mention.precision or 3
        if precision < 2 and _AREA_AFTER.match(whole, mention.end):
            precision = 2
        return (
            attach,
            0 if _bare_country(mention) else 1,
            -precision,
            0 if bracketed else 1,
            -mention.start if bracketed else -abs(mention.start - event.trigger_start),
        )

    towns = [m for m in mentions if (m.precision or 3) < 3]
    if towns:
        # a country named in the clause of a town says whose town it is (or who acts), not where
        mentions = [m for m in mentions if not _bare_country(m) or rank(m)[0] >= 4] or mentions
    best = _quarter_of(parsed, _first_of_address(parsed, max(mentions, key=rank), mentions), mentions)
    best = _container(parsed, best, context if context is not None else mentions)
    if (best.precision or 3) < 3 or best.place is None:
        return _addressed_town(parsed, best, context if context is not None else mentions, whole)
    sentence_towns = [m for m in (context if context is not None else mentions) if (m.precision or 3) < 3]
    inside = _in_brackets_after(parsed, best, sentence_towns)
    if inside is not None:
        # "in X state (coded to Y, X)", "in the Czech Republic [Prague]": the town its brackets name
        return inside
    # "attacked the town of X in central Mali": a finer place of the same country that the trigger
    # governs is where it happened; the country only says where the town is.
    finer = [
        m
        for m in mentions
        if (m.precision or 3) < 3
        and m.place is not None
        and m.place.country in {best.place.country, None}
        and _governed(parsed, trigger, m)
    ]
    if finer:
        return max(finer, key=rank)
    return _addressed_town(parsed, best, context if context is not None else mentions, whole)


# A town named with its address ("in X (Y)", "in X, Y") is where the sentence's events are; another town
# that the index puts this far from it is a landmark or a quarter of that town the index misread ("in El
# Trebol sector", "in the Colon Cemetery"), or a place the sentence only mentions.
_ADDRESSED_KM = 25.0
_ADDRESS_OPENS = re.compile(
    r"(?:\s+-\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3})?"  # a quarter of the town: "X - Old Town (Y)"
    r"(?:\s+(?:district|township|town|city|village|municipality|county))?\s*[,(]\s*"
)


def _addressed_town(
    parsed: Doc, best: PlaceMention, mentions: Sequence[PlaceMention], text: str
) -> PlaceMention:
    """Return the town named with its address in a locative phrase when `best` is another, far-off town."""
    if best.place is None or (best.precision or 3) > 2 or _addressed(text, best, mentions):
        return best
    anchors = [
        m
        for m in sorted(mentions, key=lambda m: m.start)
        if m.place is not None
        and (m.precision or 3) == 1
        and _addressed(text, m, mentions)
        and not _in_address(text, m, mentions)
        and _strong_locative(parsed, m)
    ]
    if not anchors or any(
        m.place is not None and haversine_km(m.place, best.place) <= _ADDRESSED_KM for m in anchors
    ):
        return best
    return anchors[0]


def _addressed(text: str, town: PlaceMention, mentions: Sequence[PlaceMention]) -> bool:
    """Return True when a place of the town's country is named right after it ("X (Y)", "X, Y")."""
    if town.place is None:
        return False
    after = [m for m in mentions if m.start >= town.end]
    if not after:
        return False
    area = min(after, key=lambda m: m.start)
    return (
        _ADDRESS_OPENS.fullmatch(text[town.end : area.start]) is not None
        and area.place is not None
        and area.place.country == town.place.country
    )


def _in_address(text: str, place: PlaceMention, mentions: Sequence[PlaceMention]) -> bool:
    """Return True for a place named inside another's address ("X (Y, Z)": Y and Z)."""
    before = [m for m in mentions if m.end <= place.start]
    if not before:
        return False
    head = max(before, key=lambda m: m.end)
    return _ADDRESS_OPENS.fullmatch(text[head.end : place.start]) is not None


def _strong_locative(parsed: Doc, mention: PlaceMention) -> bool:
    """Return True when the toponym is the object of a preposition that places ("in X", "near X")."""
    token = _token_at(parsed, mention.start)
    if token is None:
        return False
    while token.dep_ in {"compound", "amod", "nmod", "appos", "conj", "poss"} and token.head is not token:
        token = token.head
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.dep_ == "pobj":
        token = token.head.head  # "in the rural area of X municipality (Y)"
    return token.dep_ == "pobj" and token.head.lower_ in STRONG


# Nouns naming a part of a town or area, told as "the A <noun> of B" with either name the part.
_QUARTER_NOUNS = frozenset(
    {"suburb", "district", "neighbourhood", "neighborhood", "quarter", "town", "village", "area", "township"}
)


def _quarter_of(parsed: Doc, best: PlaceMention, mentions: Sequence[PlaceMention]) -> PlaceMention:
    """Return the part a phrase "the A suburb of B" names, when `best` is the town that holds it.

    News writes both "the Jobar district of Damascus" and "the Damascus suburb of Douma": of the two names,
    the smaller place of the same country (fewer people, or a town in a city) is the part, and where it was.
    """
    token = _token_at(parsed, best.start)
    if token is None or best.place is None or (best.precision or 3) > 2:
        return best
    head = token
    while head.dep_ == "compound" and head.head is not head:
        head = head.head
    if head.lower_ in _QUARTER_NOUNS and head is not token:
        # "the Damascus suburb of Douma": best is the compound, the part is the object of "of"
        others = [t for c in head.children if c.lower_ == "of" for t in c.children if t.dep_ == "pobj"]
    elif token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ in _QUARTER_NOUNS:
        # "the Jobar district of Damascus": best is the object of "of", the part the compound
        others = [c for c in token.head.head.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    else:
        return best
    for other in others:
        part = next((m for m in mentions if m.start <= other.idx < m.end and m is not best), None)
        if (
            part is not None
            and part.place is not None
            and part.place.country == best.place.country
            and (part.precision or 3) <= 2
            and part.place.population < best.place.population
        ):
            return part
    return best


def _first_of_address(parsed: Doc, best: PlaceMention, mentions: Sequence[PlaceMention]) -> PlaceMention:
    """Return the first place of the address bracket `best` lies in ("(Y, Z)": Y), else `best`.

    An address names its areas from the smallest up, whatever the index says of each name: in "X (Y, Z)"
    with X unknown, Y is where it happened even when Z reads as a town (a province named after its seat).
    """
    token = _token_at(parsed, best.start)
    if token is None or _bare_country(best):
        return best
    opening = next(
        (t for t in reversed(parsed[max(0, token.i - 12) : token.i]) if t.text in {"(", ")", "[", "]"}), None
    )
    if opening is None or opening.text != "(":
        return best
    inside = [
        m
        for m in mentions
        if opening.idx < m.start <= best.start and not _bare_country(m) and m.place is not None
    ]
    return min(inside, key=lambda m: m.start, default=best)


def _in_brackets_after(
    parsed: Doc, region: PlaceMention, towns: Sequence[PlaceMention]
) -> PlaceMention | None:
    """Return the first town named inside the brackets right after a region's name, in that region."""
    token = _token_at(parsed, region.end - 1)
    if token is None or region.place is None:
        return None
    window = parsed[token.i + 1 : token.i + 4]
    opening = next((t for t in window if t.text in {"(", "["}), None)
    if opening is None:
        return None
    closing = next(
        (t.idx for t in parsed[opening.i + 1 : opening.i + 15] if t.text in {")", "]"}), opening.idx + 200
    )
    for mention in sorted(towns, key=lambda m: m.start):
        if (
            opening.idx < mention.start < closing
            and mention.place is not None
            and mention.place.country == region.place.country
        ):
            return mention
    return None


# Places the gazetteer put this far from the town the text says they are in were misread ("the Capitol in
# Charleston" is not the one in Washington).
_CONTAINER_KM = 50.0


def _container(parsed: Doc, best: PlaceMention, mentions: Sequence[PlaceMention]) -> PlaceMention:
    """Return the town a place is said to be "in" when the gazetteer put the place far from it, else it.

    A town said to be in a state, province or country other than its own is misread too ("X town in the
    Y countryside" read as a namesake abroad): the area it is said to be in is where it happened.
    """
    token = _token_at(parsed, best.start)
    if token is None or best.place is None:
        return best
    for mention in mentions:
        inner = _token_at(parsed, mention.start)
        if inner is None or mention is best or mention.place is None:
            continue
        abroad = (
            (mention.precision or 3) > 2
            and not _bare_country(best)
            and mention.place.country is not None
            and best.place.country != mention.place.country
        )
        if (mention.precision or 3) > 2 and not abroad:
            continue
        while inner.dep_ in {"compound", "amod", "nmod"} and inner.head is not inner:
            inner = inner.head
        prep = inner.head if inner.dep_ == "pobj" else None
        # "the Capitol in Charleston": the "in" follows the place's phrase, whatever the parser hung it on
        if (
            prep is None
            or prep.lower_ != "in"
            or not (prep.head.i in range(token.i, token.i + 3) or prep.i in range(token.i + 1, token.i + 4))
        ):
            continue
        if abroad or haversine_km(best.place, mention.place) > _CONTAINER_KM:
            return mention
    return best


def _bracketed(parsed: Doc, mention: PlaceMention) -> bool:
    """Return True for a place inside brackets or after a comma of another place ("X (Y, Z)", "X, Z")."""
    token = _token_at(parsed, mention.start)
    if token is None or token.i == 0:
        return False
    if token.dep_ in {"appos", "conj"} or parsed[token.i - 1].text == ",":
        return True
    for before in reversed(parsed[max(0, token.i - 12) : token.i]):
        if before.text in {"(", ")", "[", "]"}:
            return bool(before.text in {"(", "["})
    return False


def _governed(parsed: Doc, trigger: Token, mention: PlaceMention) -> bool:
    """Return True when the toponym lies in the trigger's own phrase: its object, subject or adjunct.

    The path up to the trigger may run through nouns and prepositions only; a clause of its own ("in a
    push to drive them out of X") is another event's business.
    """
    token = _token_at(parsed, mention.start)
    if token is None or trigger is None:
        return False
    while token != trigger:
        if token.dep_ not in PHRASE_LINKS or token.head is token:
            return False
        token = token.head
    return True


# Nouns a nationality word turns into a country's ground ("on Syrian soil"); not "due to Russian bombing".
_TERRITORY = frozenset(
    {"soil", "territory", "land", "ground", "border", "airspace", "waters", "side", "coast", "mainland"}
)


def _territorial(parsed: Doc, mention: PlaceMention) -> bool:
    """Return True when a nationality word modifies a noun of territory ("Syrian soil", "Iraqi territory")."""
    token = _token_at(parsed, mention.start)
    return (
        token is not None and token.dep_ in {"amod", "compound"} and token.head.lemma_.lower() in _TERRITORY
    )


# Words of a place that name another place after "of" or "between" ("the town of X", "the outskirts of X",
# "north of X", "the road between X and Y"): the toponym's phrase is theirs.
_DIRECTIONS = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "north-east",
     "north-west", "south-east", "south-west", "northward", "southward", "eastward", "westward"}
)  # fmt: skip
_HOLDERS = _DIRECTIONS | frozenset(
    {"town", "city", "village", "villages", "towns", "district", "districts", "area", "areas", "province",
     "region", "governorate", "municipality", "township", "county", "neighbourhood", "neighborhood",
     "quarter", "suburb", "suburbs", "outskirts", "countryside", "vicinity", "environs", "edge", "edges",
     "outside", "centre", "center", "heart", "entrance", "part", "parts", "road", "highway", "route"}
)  # fmt: skip
_CLIMB = frozenset({"compound", "amod", "nmod", "appos", "conj", "poss"})


def _phrase_head(token: Token) -> tuple[Token, bool]:
    """Return the head of the toponym's phrase: through compounds and appositions, and on through a word
    of place that holds it ("in the town of X", "on the outskirts of X", "on the road between X and Y"),
    but not through a named area ("in the Y district of X": X only says where Y is). The flag is True when
    the way runs through a direction ("west of X"): the phrase places the act off the town, not in it."""
    relative = False
    for _ in range(4):
        while token.dep_ in _CLIMB and token.head is not token:
            token = token.head
        link = token.head
        if not (token.dep_ == "pobj" and link.lower_ in {"of", "between"} and link.head.lower_ in _HOLDERS):
            break
        if link.lower_ == "between" and link.head.lower_ not in {"road", "highway", "route"}:
            break
        if any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in link.head.children):
            break  # "the Jobar district of Damascus": the named district is the place, the town holds it
        token = link.head
        relative = relative or token.lower_ in _DIRECTIONS
    return token, relative


def _attachment(parsed: Doc, trigger: Token | None, mention: PlaceMention) -> int:
    """Return 3 for a locative preposition on the trigger, 2 for one nearby in its clause, 1 for any, 0 none."""
    token = _token_at(parsed, mention.start)
    if token is None:
        return 0
    # Climb from the toponym through compounds, appositions and "the town of" to the head of its phrase.
    token, relative = _phrase_head(token)
    if token.lower_ in _DIRECTIONS and token.dep_ in {"advmod", "npadvmod"} and token.head is not token:
        # "attacked a post 20 km north of X": the direction places the act like "near" would
        if trigger is None:
            return 1
        governor = token.head
        strong = 0
    else:
        prep = token.head if token.dep_ == "pobj" else None
        if prep is None or prep.lower_ not in LOCATIVE:
            return 0
        if prep.lower_ == "by" and _bare_country(mention):
            return 0  # "an invasion by Russia", "shelled by Turkey": the one who acts, not where
        if trigger is None:
            return 1
        if _opening(parsed, prep) and prep.i < trigger.i:
            return 5
        # "in the countryside west of X" is off the town: a place named as the act's own goes first
        strong = 1 if prep.lower_ in STRONG and not relative else 0
        governor = prep.head
    if governor == trigger:
        return 4 + strong
    if governor in trigger.children or trigger in governor.children or governor in trigger.subtree:
        return 2 + strong
    return 1


class _Starts:
    """A memo: the token start offsets of the last parsed document asked about (events are placed one
    document at a time, each asking for many offsets)."""

    parsed: ClassVar[Any] = None
    starts: ClassVar[list[int]] = []


def _token_at(parsed: Doc, offset: int) -> Any:
    """Return the token that covers character `offset` (the one starting before it), or None."""
    if parsed is None:
        return None
    if _Starts.parsed is not parsed:
        _Starts.parsed, _Starts.starts = parsed, [token.idx for token in parsed]
    i = bisect.bisect_right(_Starts.starts, offset) - 1
    if i < 0:
        return None
    token = parsed[i]
    # an offset in the whitespace after a token belongs to no token
    return token if offset < token.idx + len(token.text) else None
