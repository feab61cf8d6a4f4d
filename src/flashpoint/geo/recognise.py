"""Toponym recognition: spaCy's place entities, a whole-word gazetteer matcher and demonyms."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

from flashpoint.geo.gazetteer import AREA_CODES, Gazetteer
from flashpoint.geo.names import ocr_variants
from flashpoint.geo.tables import read_table
from flashpoint.time.expressions import CALENDAR_NAMES

__all__ = ["Recogniser", "Span"]

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Entities whose words are never read as places by the gazetteer matcher.
BLOCKING_LABELS = frozenset({"PERSON", "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"})
MAX_WORDS = 5
# Prepositions after which a name is a place, even when spaCy took it for a person ("In Gao, …").
PLACE_PREPOSITIONS = frozenset(
    {"in", "at", "near", "outside", "inside", "around", "across", "throughout", "within", "into", "toward",
     "towards"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of text that may name a place, and how it was found: ner, gazetteer, demonym or variant."""

    start: int
    end: int
    surface: str
    source: str
    sentence: int
    label: str = ""
    locative: bool = False  # the object of a locative preposition ("in X", "near X")


class Recogniser:
    """Finds candidate toponyms in a parsed document; the resolver decides which are places."""

    def __init__(self, gazetteer: Gazetteer, demonyms: dict[str, Any]) -> None:
        self.gazetteer = gazetteer
        self.demonyms = demonyms
        self.stop_words = frozenset(row[0] for row in read_table("stopwords.txt"))

    def spans(self, parsed: Doc, *, text: str | None = None) -> list[Span]:
        """Return candidate toponym spans of a spaCy Doc, without overlaps, sorted by start.

        `text` is the Doc's text when the caller has it (spaCy rebuilds it from the tokens otherwise).
        """
        tokens = _Tokens(parsed, parsed.text if text is None else text)
        taken: list[Span] = list(self._addresses(tokens, parsed))
        taken.extend(self._comma_areas(tokens))
        for ent in parsed.ents:
            if any(tokens.covered[i] for i in range(ent.start, ent.end)):
                continue  # a name of an address bracket, read above whatever spaCy took it for
            if ent.label_ == "PERSON" and self.gazetteer.is_area(ent.text):
                # spaCy's small model takes some regions for people ("Tamil Nadu said …").
                span = self._entity_span(tokens, ent.start, ent.end, "GPE")
                if span is not None:
                    taken.append(span)
            elif (
                ent.label_ in MISREAD_LABELS
                and _after_place_preposition(ent)
                and _looks_like_a_name(ent)
                and self.gazetteer.has_name(ent.text)
            ):
                # spaCy's small model reads short unfamiliar names as people (or dates: "in Manbij, some
                # 100km east"); "in X" is a place all the same.
                # The resolver treats it as a word-matcher find: a small town needs support from the document.
                taken.append(self._person_place(tokens, ent.start, ent.end))
            elif ent.label_ in BLOCKING_LABELS:
                for i in range(ent.start, ent.end):
                    tokens.blocked[i] = True
            elif ent.label_ in PLACE_LABELS or ent.label_ == "NORP":
                span = self._entity_span(tokens, ent.start, ent.end, ent.label_)
                if span is not None:
                    taken.append(span)
        taken.extend(self._matches(tokens))
        taken.sort(key=lambda s: s.start)
        return taken

    def _entity_span(self, tokens: _Tokens, first: int, end: int, label: str) -> Span | None:
        # "the Netherlands", "the West Bank": the article is not part of the name.
        while first < end and tokens.lower[first] in {"the", "a"}:
            first += 1
        if first >= end:
            return None
        # "Idlib" + "Governorate", "Aleppo" + "province": keep the longer name when the index has it.
        for extra in (2, 1):
            if end + extra > tokens.n or not all(
                tokens.text[j][:1].isalpha() for j in range(end, end + extra)
            ):
                continue
            if self.gazetteer.has_name(tokens.surface(first, end + extra)):
                end += extra
                break
        text = tokens.surface(first, end)
        if label == "NORP" or text in self.demonyms:
            if text not in self.demonyms:
                return None
            span = Span(
                tokens.idx[first], tokens.idx[first] + len(text), text, "demonym", tokens.sent[first], label
            )
        else:
            if text.endswith(("'s", "’s")):
                text = text[:-2]
            locative = first > 0 and tokens.lower[first - 1] in PLACE_PREPOSITIONS
            span = Span(
                tokens.idx[first],
                tokens.idx[first] + len(text),
                text,
                "ner",
                tokens.sent[first],
                label,
                locative=locative,
            )
        for j in range(first, end):
            tokens.covered[j] = True
        return span

    def _addresses(self, tokens: _Tokens, parsed: Doc) -> Iterator[Span]:
        """Yield the names of address brackets: "X (Y, Z)", "X district (Y)" — a place and the areas holding it.

        Inside such a bracket every part is a capitalised name (a word of kind may follow it); each part the
        gazetteer knows is a place, whatever spaCy's small model took it for (it reads unfamiliar district
        names as people or organisations). So is the name before the bracket, when spaCy did not see a place.
        """
        place_tokens = {
            i for ent in parsed.ents if ent.label_ in PLACE_LABELS for i in range(ent.start, ent.end)
        }
        for i in range(1, tokens.n - 2):
            if tokens.text[i] != "(" or not _opens_address(tokens, i - 1):
                continue
            close = next(
                (j for j in range(i + 1, min(tokens.n, i + 30)) if tokens.text[j] in {"(", ")"}), None
            )
            if close is None or tokens.text[close] != ")" or tokens.sent[close] != tokens.sent[i]:
                continue
            parts: list[tuple[int, int]] = []
            first = i + 1
            for j in range(i + 1, close + 1):
                if j == close or tokens.text[j] == ",":
                    parts.append((first, j))
                    first = j + 1
            if not all(_address_part(tokens, a, b) for a, b in parts):
                continue
            if len(parts) == 1 and not self._names_a_place_before(tokens, i, place_tokens):
                continue  # "Dozhd (Rain)": a word in brackets after a name may be its translation
            # A list of areas is an address for sure, and so is one state or province in brackets ("X
            # (Florida)") or one name after a word of kind ("X district (Y)"); another single name must still
            # fit the document as any name the word matcher finds.
            single = len(parts) == 1 and tokens.lower[i - 1] not in ADDRESS_KINDS
            found = [
                span
                for a, b in parts
                if (span := self._address_span(tokens, a, b, "gazetteer" if single else "ner")) is not None
            ]
            if single and found and self.gazetteer.is_area(found[0].surface):
                found = [replace(found[0], source="ner")]
            if not found:
                continue
            head = self._address_head(tokens, i, place_tokens)
            if head is not None:
                yield head
            yield from found

    def _comma_areas(self, tokens: _Tokens) -> Iterator[Span]:
        """Yield the areas closing an address after a comma ("shelled X, Kherson."): a one-word name the index
        holds as a state or province, whatever spaCy's small model took it for."""
        for i in range(2, tokens.n):
            word = tokens.text[i]
            if (
                tokens.covered[i]
                or tokens.text[i - 1] != ","
                or not (tokens.text[i - 2][:1].isupper() or tokens.text[i - 2] == ")")
                or not (word[:1].isupper() and word.isalpha() and len(word) > 3)
                or tokens.sent[i] != tokens.sent[i - 2]
                or word in self.demonyms
                or tokens.lower[i] in self.stop_words
            ):
                continue
            following = tokens.text[i + 1] if i + 1 < tokens.n else "."
            if following not in {".", ",", ";", ")", "and", "but", "to", "in"}:
                continue
            # (a large town there may be one of a list of places: "Fife, Kent." are two counties)
            if not any(
                k.match <= 1 and (k.place.feature_code or "") in AREA_CODES
                for k in self.gazetteer.candidates(word)
            ):
                continue
            tokens.covered[i] = True
            yield Span(tokens.idx[i], tokens.idx[i] + len(word), word, "ner", tokens.sent[i], "GPE")

    def _names_a_place_before(self, tokens: _Tokens, bracket: int, place_tokens: set[int]) -> bool:
        # "Sreepur upazila (", "Nahr Ibrahim (", "in Kinyamahura (": a word of kind, a place's name, or a name
        # after a locative preposition comes before an address
        before = bracket - 1
        if tokens.lower[before] in ADDRESS_KINDS or before in place_tokens or tokens.covered[before]:
            return True
        first = before
        while first > 0 and bracket - first < 4 and tokens.text[first - 1][:1].isupper():
            first -= 1
        if first > 0 and tokens.lower[first - 1] in PLACE_PREPOSITIONS | {"of"}:
            return True
        return any(self.gazetteer.has_name(tokens.surface(start, bracket)) for start in range(first, bracket))

    def _address_span(self, tokens: _Tokens, first: int, end: int, source: str) -> Span | None:
        # "Sagaing region", "Beni territory": the whole name when the index has it, else without its kind word
        while end > first + 1 and tokens.lower[end - 1] in ADDRESS_KINDS:
            if self.gazetteer.has_name(tokens.surface(first, end)):
                break
            end -= 1
        if any(tokens.covered[j] for j in range(first, end)):
            return None
        surface = tokens.surface(first, end)
        if not self.gazetteer.has_name(surface) or surface in self.demonyms:
            return None
        if end - first == 1 and tokens.lower[first] in self.stop_words:
            return None  # "(X, Western)", "(X, Central)": a word of direction, not a place the index means
        if (
            end - first == 1
            and surface.isupper()
            and len(surface) <= 4
            and not self.gazetteer.is_area(surface)
        ):
            return (
                None  # "(AP)", "(SNA)": an acronym in brackets names an organisation more often than a town
            )
        for j in range(first, end):
            tokens.covered[j] = True
        return Span(
            tokens.idx[first], tokens.idx[first] + len(surface), surface, source, tokens.sent[first], "GPE"
        )

    def _address_head(self, tokens: _Tokens, bracket: int, place_tokens: set[int]) -> Span | None:
        # The name right before the bracket ("Dholpur district (", "Hays (") when spaCy missed it as a place.
        end = bracket
        while end > 0 and tokens.lower[end - 1] in ADDRESS_KINDS:
            end -= 1
        first = end
        while first > 0 and end - first < 4 and tokens.text[first - 1][:1].isupper():
            first -= 1
        while first < end and tokens.lower[first] in ARTICLES:
            first += 1
        if first >= end or any(j in place_tokens or tokens.covered[j] for j in range(first, end)):
            return None
        previous = tokens.lower[first - 1] if first > 0 else ""
        if previous in NAME_JOINERS - {"of", "and"} or not (
            previous.isalpha() or previous in {",", "(", ":", ""}
        ):
            return None  # the end of a longer name ("Juiz de Fora", "Lee's Summit"), not a name of its own
        surface = tokens.surface(first, end)
        if (tokens.starts[first] and end - first == 1) or not self.gazetteer.has_name(surface):
            return None  # (a single capitalised word opening the sentence may be any word)
        for j in range(first, end):
            tokens.covered[j] = True
        locative = first > 0 and previous in PLACE_PREPOSITIONS
        return Span(
            tokens.idx[first], tokens.idx[first] + len(surface), surface, "ner", tokens.sent[first], "GPE",
            locative=locative,
        )  # fmt: skip

    @staticmethod
    def _person_place(tokens: _Tokens, first: int, end: int) -> Span:
        for j in range(first, end):
            tokens.covered[j] = True
        text = tokens.surface(first, end)
        return Span(
            tokens.idx[first],
            tokens.idx[first] + len(text),
            text,
            "gazetteer",
            tokens.sent[first],
            "GPE",
            locative=True,
        )

    def _matches(self, tokens: _Tokens) -> Iterator[Span]:
        has_name = self.gazetteer.has_name
        text, covered, blocked, sent = tokens.text, tokens.covered, tokens.blocked, tokens.sent
        n = tokens.n
        i = 0
        while i < n:
            word = text[i]
            if covered[i] or blocked[i] or not word[:1].isupper():
                i += 1
                continue
            # a stop word may open a longer name ("Union Hidalgo") but is no place by itself
            narrowest = 2 if tokens.lower[i] in self.stop_words else 1
            if narrowest == 2 and tokens.lower[i] in ARTICLES:
                i += 1
                continue
            found = 0
            for width in range(min(MAX_WORDS, n - i), narrowest - 1, -1):
                end = i + width
                last = text[end - 1]
                if not (last[:1].isupper() or last.isdigit()) or sent[end - 1] != sent[i]:
                    continue
                if any(covered[j] or blocked[j] for j in range(i, end)):
                    continue
                surface = tokens.surface(i, end)
                start = tokens.idx[i]
                if surface in self.demonyms:
                    yield Span(start, start + len(surface), surface, "demonym", sent[i])
                    found = width
                    break
                if has_name(surface) and tokens.proper(i, end):
                    locative = i > 0 and tokens.lower[i - 1] in PLACE_PREPOSITIONS
                    yield Span(start, start + len(surface), surface, "gazetteer", sent[i], locative=locative)
                    found = width
                    break
            if not found and narrowest == 1 and tokens.propn[i] and len(word) >= 4 and ocr_variants(word):
                # Possibly a misread name ("AIEis"); the resolver keeps it only if a variant is a place.
                yield Span(tokens.idx[i], tokens.idx[i] + len(word), word, "variant", sent[i])
            i += max(found, 1)


ARTICLES = frozenset({"the", "a", "an"})
# Words naming the kind of an area, written after its name in an address ("Sagaing region", "Koch county").
ADDRESS_KINDS = frozenset(
    {"district", "township", "region", "state", "province", "county", "division", "territory", "governorate",
     "municipality", "sub-county", "subdistrict", "tehsil", "upazila", "block", "area", "city", "town",
     "village", "commune", "department", "prefecture", "oblast", "zone", "regency", "lga", "parish"}
)  # fmt: skip
# Short lower-case words that may join the words of a name ("Kitaf wa Al Boqee", "Valle del Cauca").
NAME_JOINERS = frozenset(
    {"wa", "de", "del", "da", "do", "di", "al", "el", "la", "le", "of", "and", "du", "des"}
)
# Nouns naming the kind of place a name before them is ("Turbat town", "Kani Masi village").
KIND_WORDS = frozenset({"town", "village", "city", "township", "district", "area", "municipality"})
# Nouns of place whose "of" names one: "the town of X", "the Y suburb of X", "the X district of Y".
NAMED_PLACE_NOUNS = frozenset(
    {"town", "city", "village", "suburb", "district", "neighbourhood", "neighborhood", "quarter", "province",
     "region", "governorate", "municipality", "township", "county", "outskirts", "port", "hamlet"}
)  # fmt: skip
# Entity labels spaCy's small model gives to unfamiliar place names it has misread.
MISREAD_LABELS = frozenset({"PERSON", "DATE", "TIME"})

# Months, weekdays and seasons: a capitalised one opens no place name ("Spring offensive").
CALENDAR_WORDS = CALENDAR_NAMES | {"spring", "summer", "autumn", "winter"}


def _opens_address(tokens: _Tokens, i: int) -> bool:
    """Return True when token `i` may end a place's name before an address bracket (a name or kind word)."""
    word = tokens.text[i]
    return (word[:1].isupper() and word.isalpha()) or tokens.lower[i] in ADDRESS_KINDS or word == "]"


def _address_part(tokens: _Tokens, first: int, end: int) -> bool:
    """Return True for one part of an address bracket: a capitalised name, perhaps with a word of kind."""
    if not 0 < end - first <= 6:
        return False
    words = tokens.text[first:end]
    if not words[0][:1].isupper():
        return False
    return all(
        w[:1].isupper()
        or w in {"-", "'", "’", "."}
        or w.isdigit()
        or w.lower() in ADDRESS_KINDS | NAME_JOINERS
        for w in words[1:]
    )


def _looks_like_a_name(ent: SpacySpan) -> bool:
    """Return True when every word is capitalised, without digits or calendar words ("in May" is a date)."""
    return all(
        token.text[:1].isupper()
        and not any(c.isdigit() for c in token.text)
        and token.lower_ not in CALENDAR_WORDS
        for token in ent
        if token.is_alpha or any(c.isdigit() for c in token.text)
    )


def _after_place_preposition(ent: SpacySpan) -> bool:
    """Return True when an entity is the object of a locative preposition ("in", "near", …) or names a
    place of a kind ("the town of X").

    A coordinated name counts too: "near Kidal and Gao".
    """
    root = ent.root
    while root.dep_ == "conj" and root.head is not root:
        root = root.head
    if (
        root.dep_ == "compound"
        and root.head.lower_ in NAMED_PLACE_NOUNS
        and any(c.lower_ == "of" for c in root.head.children)
    ):
        return len(ent) <= 3  # "the X suburb of Damascus"
    if root.dep_ == "compound" and root.head.lower_ in KIND_WORDS:
        root = root.head  # "at Turbat town", "in Tamu village"
    if len(ent) > 3 or root.dep_ != "pobj":
        return False
    prep = root.head
    # "the town of X", "the Damascus suburb of X": a word of place names X as one
    return prep.lower_ in PLACE_PREPOSITIONS or (
        prep.lower_ == "of" and prep.head.lower_ in NAMED_PLACE_NOUNS
    )


class _Tokens:
    """Plain lists of what the matcher reads from each token (much faster than spaCy slices)."""

    def __init__(self, parsed: Doc, body: str) -> None:
        from spacy.attrs import IDX, LENGTH, POS, SENT_START, SPACY
        from spacy.symbols import PROPN

        rows = parsed.to_array([IDX, LENGTH, SPACY, POS, SENT_START]).tolist() if len(parsed) else []
        self.idx: list[int] = [r[0] for r in rows]
        self.text: list[str] = [body[r[0] : r[0] + r[1]] for r in rows]
        self.space: list[str] = [" " if r[2] else "" for r in rows]
        self.lower: list[str] = [t.lower() for t in self.text]
        self.propn: list[bool] = [r[3] == PROPN for r in rows]
        # SENT_START is 1 for a sentence's first token, -1 inside, 0 when unknown
        self.starts: list[bool] = [r[4] == 1 for r in rows]
        self.n = len(self.text)
        self.sent: list[int] = []
        index = -1
        for i in range(self.n):
            if self.starts[i] or i == 0:
                index += 1
            self.sent.append(index)
        self.covered = [False] * self.n
        self.blocked = [False] * self.n

    def surface(self, start: int, end: int) -> str:
        """Return the text of tokens start..end-1 as written."""
        parts = [self.text[j] + self.space[j] for j in range(start, end - 1)]
        return "".join(parts) + self.text[end - 1]

    def proper(self, start: int, end: int) -> bool:
        """Return False for a capitalised common word opening a sentence ("Speaking", "Meanwhile")."""
        if any(self.propn[j] for j in range(start, end)):
            return True
        return end - start > 1 and not self.starts[start]
