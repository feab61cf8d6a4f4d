"""Toponym recognition: spaCy's place entities, a whole-word gazetteer matcher and demonyms."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from flashpoint.geo.gazetteer import Gazetteer
from flashpoint.geo.names import ocr_variants

__all__ = ["Recogniser", "Span"]

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Entities whose words are never read as places by the gazetteer matcher.
BLOCKING_LABELS = frozenset({"PERSON", "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"})
MAX_WORDS = 5
# Capitalised words that are also place names somewhere but almost never one in news prose.
STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "in",
        "on",
        "at",
        "to",
        "for",
        "by",
        "with",
        "from",
        "as",
        "is",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "he",
        "she",
        "we",
        "they",
        "i",
        "you",
        "mr",
        "mrs",
        "ms",
        "dr",
        "sir",
        "gen",
        "general",
        "col",
        "colonel",
        "president",
        "minister",
        "prime",
        "king",
        "queen",
        "prince",
        "sheikh",
        "pope",
        "saint",
        "st",
        "will",
        "may",
        "march",
        "june",
        "july",
        "august",
        "april",
        "may",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "september",
        "october",
        "november",
        "december",
        "today",
        "tomorrow",
        "yesterday",
        "government",
        "army",
        "police",
        "military",
        "forces",
        "state",
        "city",
        "province",
        "district",
        "region",
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "new",
        "old",
        "great",
        "upper",
        "lower",
        "university",
        "hospital",
        "school",
        "street",
        "road",
        "square",
        "park",
        "centre",
        "center",
        "airport",
        "station",
        "news",
        "media",
        "report",
        "reports",
        "says",
        "said",
        "video",
        "photo",
        "map",
        "live",
        "update",
        "breaking",
        "official",
        "officials",
        "source",
        "sources",
        "group",
        "party",
        "union",
        "mark",
        "victory",
        "hope",
        "faith",
        "grace",
        "justice",
        "independence",
        "liberty",
        "freedom",
        "unity",
        "peace",
        "progress",
        "republic",
        "kingdom",
        "federation",
        "people",
        "nation",
        "national",
        "international",
        "world",
        "global",
    ]
)


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of text that may name a place, and how it was found: ner, gazetteer, demonym or variant."""

    start: int
    end: int
    surface: str
    source: str
    sentence: int
    label: str = ""


class Recogniser:
    """Finds candidate toponyms in a parsed document; the resolver decides which are places."""

    def __init__(self, gazetteer: Gazetteer, demonyms: dict[str, Any]) -> None:
        self.gazetteer = gazetteer
        self.demonyms = demonyms

    def spans(self, parsed: Any) -> list[Span]:
        """Return candidate toponym spans of a spaCy Doc, without overlaps, sorted by start."""
        taken: list[Span] = []
        covered = [False] * len(parsed)
        blocked = [False] * len(parsed)
        sent_of = _sentence_index(parsed)
        for ent in parsed.ents:
            if ent.label_ in BLOCKING_LABELS:
                for i in range(ent.start, ent.end):
                    blocked[i] = True
            span = self._entity_span(ent, sent_of)
            if span is not None:
                taken.append(span)
                for token in parsed.char_span(span.start, span.end, alignment_mode="expand") or ():
                    covered[token.i] = True
        taken.extend(self._matches(parsed, covered, blocked, sent_of))
        taken.sort(key=lambda s: s.start)
        return taken

    def _entity_span(self, ent: Any, sent_of: list[int]) -> Span | None:
        first = ent.start
        # "the Netherlands", "the West Bank": the article is not part of the name.
        while first < ent.end and ent.doc[first].lower_ in {"the", "a"}:
            first += 1
        if first >= ent.end:
            return None
        end = ent.end
        # "Idlib" + "Governorate", "Aleppo" + "province": keep the longer name when the index has it.
        for extra in (2, 1):
            if end + extra > len(ent.doc):
                continue
            words = all(t.text[:1].isalpha() for t in ent.doc[end : end + extra])
            if words and self.gazetteer.has_name(ent.doc[first : end + extra].text):
                end += extra
                break
        span = ent.doc[first:end]
        text = span.text
        if ent.label_ == "NORP" or text in self.demonyms:
            if text in self.demonyms:
                return Span(span.start_char, span.end_char, text, "demonym", sent_of[first], ent.label_)
            return None
        if ent.label_ not in PLACE_LABELS:
            return None
        if text.endswith("'s") or text.endswith("’s"):
            text = text[:-2]
        return Span(span.start_char, span.start_char + len(text), text, "ner", sent_of[first], ent.label_)

    def _matches(
        self, parsed: Any, covered: list[bool], blocked: list[bool], sent_of: list[int]
    ) -> Iterator[Span]:
        has_name = self.gazetteer.has_name
        n = len(parsed)
        i = 0
        while i < n:
            token = parsed[i]
            if covered[i] or blocked[i] or not _capitalised(token.text) or token.lower_ in STOP_WORDS:
                i += 1
                continue
            found = 0
            for width in range(min(MAX_WORDS, n - i), 0, -1):
                end = i + width
                if any(covered[j] or blocked[j] for j in range(i, end)) or sent_of[end - 1] != sent_of[i]:
                    continue
                last = parsed[end - 1]
                if not (last.text[:1].isupper() or last.is_digit):
                    continue
                surface = parsed[i:end].text
                if surface in self.demonyms:
                    yield Span(token.idx, last.idx + len(last.text), surface, "demonym", sent_of[i])
                    found = width
                    break
                if has_name(surface) and _proper(parsed, i, end):
                    yield Span(token.idx, last.idx + len(last.text), surface, "gazetteer", sent_of[i])
                    found = width
                    break
            if not found and token.pos_ == "PROPN" and len(token.text) >= 4 and ocr_variants(token.text):
                # Possibly a misread name ("AIEis"); the resolver keeps it only if a variant is a place.
                yield Span(token.idx, token.idx + len(token.text), token.text, "variant", sent_of[i])
            i += max(found, 1)


def _capitalised(text: str) -> bool:
    return text[:1].isupper() and any(ch.isalpha() for ch in text)


def _proper(parsed: Any, start: int, end: int) -> bool:
    # A capitalised common word at the start of a sentence ("Speaking", "Meanwhile") is not a name.
    tokens = parsed[start:end]
    if any(t.pos_ == "PROPN" for t in tokens):
        return True
    return end - start > 1 and not tokens[0].is_sent_start


def _sentence_index(parsed: Any) -> list[int]:
    out = [0] * len(parsed)
    for index, sent in enumerate(parsed.sents):
        for i in range(sent.start, sent.end):
            out[i] = index
    return out
