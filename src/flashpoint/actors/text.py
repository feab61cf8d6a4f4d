"""Tokens of an actor phrase: the one normalisation shared by the dictionary and the resolver."""

from __future__ import annotations

import re
from typing import NamedTuple

from unidecode import unidecode

__all__ = ["Token", "phrase_key", "plural_forms", "tokenize"]

# A word (letters/digits, inner dots or ampersands kept: "U.S.", "AT&T") or a possessive marker.
_TOKEN = re.compile(r"[A-Za-z0-9]+(?:[.&][A-Za-z0-9]+)*\.?|'s\b|'")
_ACRONYM_DOTS = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]?\.?$")


class Token(NamedTuple):
    """One word: `key` is the lower-cased form used for lookups, `upper` says it was written in capitals."""

    key: str
    upper: bool
    title: bool
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """Return the tokens of `text` (ASCII-folded, hyphens split, "'s" kept as its own token)."""
    folded = (text if text.isascii() else unidecode(text)).replace("`", "'")
    if len(folded) != len(text):
        # Offsets must index the caller's string: fall back to a per-character fold.
        folded = "".join((unidecode(ch)[:1] or " ") for ch in text).replace("`", "'")
    tokens: list[Token] = []
    new = Token._make  # positional: a whole document's words go through here
    for match in _TOKEN.finditer(folded.replace("-", " ")):
        word = match.group()
        if word == "'":
            continue
        start, end = match.span()
        if "." in word:  # the only words the dots rules change
            word = word.replace(".", "") if _ACRONYM_DOTS.match(word) else word.rstrip(".")
            if not word:
                continue
        tokens.append(new((word.lower(), word.isupper() and len(word) > 1, word[:1].isupper(), start, end)))
    return tokens


def phrase_key(text: str) -> tuple[str, ...]:
    """Return the lookup key of a dictionary phrase: its lower-cased tokens (as `tokenize` gives them)."""
    folded = (text if text.isascii() else unidecode(text)).replace("`", "'").replace("-", " ")
    words = []
    for word in _TOKEN.findall(folded):
        if word == "'":
            continue
        word = word.replace(".", "") if _ACRONYM_DOTS.match(word) else word.rstrip(".")
        if word:
            words.append(word.lower())
    return tuple(words)


def plural_forms(word: str) -> tuple[str, ...]:
    """Return likely English plurals of a lower-case noun ("army" → "armies", "policeman" → "policemen").

    Where spelling cannot tell, both forms are given: "monarch" → "monarchs" but "church" → "churches",
    "German" → "Germans" but "gunman" → "gunmen", "thief" → "thieves" but "chief" → "chiefs". The form
    that is not English never occurs in text, so it costs nothing.
    """
    if word.endswith("man"):
        return (word[:-3] + "men", word + "s")
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return (word[:-1] + "ies",)
    if word.endswith("ch"):
        return (word + "es", word + "s")
    if word.endswith(("s", "x", "z", "sh")):
        return (word + "es",)
    if word.endswith("fe"):
        return (word[:-2] + "ves", word + "s")
    if word.endswith("f") and not word.endswith("ff"):
        return (word[:-1] + "ves", word + "s")
    return (word + "s",)
