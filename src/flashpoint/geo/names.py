"""Name keys for the gazetteer: a lower-case ASCII key, a compact key, and OCR-confusion variants."""

from __future__ import annotations

import re

from unidecode import unidecode

__all__ = [
    "CODE_PREFIX",
    "compact_key",
    "compact_of_key",
    "index_key",
    "is_code",
    "is_latin",
    "name_key",
    "ocr_variants",
]

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
# Arabic articles and joining forms written many ways: Al-Eis, al Eis, Al Eis, AlEis, El-Eis.
_DOUBLED = re.compile(r"(.)\1+")
_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|at|an|az|ash|ath)(?=[a-z]{3})")


def name_key(name: str) -> str:
    """Return the lookup key of a name: ASCII, lower case, punctuation runs as single spaces."""
    return _NON_ALNUM.sub(" ", unidecode(name).lower()).strip()


def compact_key(name: str) -> str:
    """Return a spelling-tolerant key: the name key without spaces, a leading Arabic article or doubled letters.

    "Al-Eis", "al Eis", "AlEiss" and "Eis" share one compact key; it serves the fuzzy pass only.
    """
    return compact_of_key(name_key(name))


def compact_of_key(key: str) -> str:
    """Return the compact key of a name key (what `compact_key` gives for any name with that key)."""
    return _DOUBLED.sub(r"\1", _ARTICLE.sub("", key.replace(" ", "")))


def ocr_variants(surface: str) -> tuple[str, ...]:
    """Return the surface with the usual OCR and typing confusions undone (capital I read for l, 0 for O).

    "AIEis" gives "AlEis"; only upper-case I that follows another letter or precedes a capital is swapped,
    so that "Idlib" stays as it is.
    """
    variants: list[str] = []
    swapped = re.sub(r"(?<=[A-Za-z])I|I(?=[A-Z])", "l", surface)
    if swapped != surface:
        variants.append(swapped)
    zero = surface.replace("0", "O")
    if zero != surface:
        variants.append(zero)
    return tuple(variants)


def is_latin(name: str) -> bool:
    """Return True when every letter of `name` is in the Latin blocks (worth indexing for English text)."""
    return all(ord(ch) < 0x250 or not ch.isalpha() for ch in name)


CODE_PREFIX = "^"


def is_code(text: str) -> bool:
    """Return True for a short all-capital code such as "UK", "U.S.", "CA" or "DRC"."""
    letters = [ch for ch in text if ch.isalpha()]
    return 0 < len(letters) <= 4 and all(ch.isupper() for ch in letters) and " " not in text


def index_key(name: str) -> str:
    """Return the key a name is stored under: codes get their own keys, so "AL" never answers for "Al"."""
    return CODE_PREFIX + name_key(name) if is_code(name) else name_key(name)


# Adjectival endings and what the place name ends with instead (tried in order).
ADJECTIVE_ENDINGS = (("ian", "ia"), ("ian", "y"), ("ian", "ium"), ("an", "a"), ("n", ""), ("ese", ""),
                     ("ese", "a"), ("ish", "land"), ("i", ""), ("ic", "ia"))  # fmt: skip


def adjective_bases(surface: str) -> tuple[str, ...]:
    """Return the place names an adjectival form may come from: "Siberian" → "Siberia", "Sicilian" → "Sicily"."""
    words = surface.split()
    if not words or not words[-1][:1].isupper() or len(words[-1]) < 5:
        return ()
    head, last = " ".join(words[:-1]), words[-1]
    bases: list[str] = []
    for suffix, replacement in ADJECTIVE_ENDINGS:
        if last.lower().endswith(suffix):
            stem = last[: len(last) - len(suffix)] + replacement
            bases.append(f"{head} {stem}".strip())
    return tuple(dict.fromkeys(bases))
