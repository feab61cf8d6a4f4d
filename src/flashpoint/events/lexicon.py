"""The trigger lexicon: PLOVER types and modes looked up by lemma, compiled once from YAML."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import yaml

if TYPE_CHECKING:
    from spacy.tokens import Token

from flashpoint.errors import LexiconError
from flashpoint.events.docindex import children
from flashpoint.events.ontology import PLOVER_TYPES

__all__ = ["PLOVER_TYPES", "Lexicon", "TriggerEntry", "load_lexicon"]

Pos = Literal["verb", "noun"]
_POS_TAGS: Mapping[str, Pos] = {"VERB": "verb", "NOUN": "noun", "PROPN": "noun"}
# Verbs used as modifiers ("US-backed Kurds", "the divided island") describe, they do not report acts.
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    """One lexicon phrase: its head lemma, the lemmas that must sit under the head, and what it codes."""

    type: str
    mode: str | None
    head: str
    rest: tuple[str, ...]
    pos: Pos
    phrase: str


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Compiled lexicon: entries keyed by (pos, head lemma), longest phrase first."""

    entries: Mapping[tuple[str, str], tuple[TriggerEntry, ...]]
    reporting: Mapping[str, str]
    governing_types: frozenset[str]
    intent: frozenset[str]
    hedge: frozenset[str]
    anonymous: frozenset[str]
    # Verb lemmas spaCy's rule lemmatizer gets wrong ("staged" → "stag"), mapped to the right ones.
    verb_lemmas: Mapping[str, str] = field(default_factory=dict)
    # Verbs of landing or going off, and the munitions whose landing is an attack (lemma → mode).
    impacts: frozenset[str] = frozenset()
    munitions: Mapping[str, str] = field(default_factory=dict)

    def lemma(self, token: Token) -> str:
        """Return the token's lower-case lemma, with a verb's known misreadings corrected."""
        lemma = str(token.lemma_).lower()
        return self.verb_lemmas.get(lemma, lemma) if token.pos_ in {"VERB", "AUX"} else lemma

    def match(self, token: Token) -> TriggerEntry | None:
        """Return the lexicon entry a spaCy token triggers, or None."""
        pos = _POS_TAGS.get(token.pos_)
        if pos is None:
            return None
        if pos == "verb" and token.dep_ in _MODIFIER_DEPS:
            return None
        lemma = self.lemma(token)
        if pos == "verb" and lemma in self.impacts:
            impact = self._impact(token, lemma)
            if impact is not None:
                return impact
        candidates = self.entries.get((pos, lemma))
        if not candidates:
            return None
        below: tuple[set[str], set[str]] | None = None
        for entry in candidates:
            if not entry.rest:
                return entry
            if below is None:
                below = _lemmas_below(token)
            # A verb phrase's words are its complements, not its subject ("the crowd dispersed" disperses
            # no crowd), except that a movement may name who moves ("troops moved": "move troop").
            words = below[1] if entry.type in _MOVEMENTS else below[0]
            if all(word in words for word in entry.rest):
                return entry
        return None

    def _impact(self, token: Token, lemma: str) -> TriggerEntry | None:
        """Return an ASSAULT entry when a munition lands or goes off ("shells hit the market"), else None."""
        if lemma == "go" and not any(c.lower_ == "off" for c in children(token)):
            return None  # "a bomb went off", not "the shells went into storage"
        for child in children(token):
            if child.dep_ in {"nsubj", "nsubjpass"}:
                mode = self.munitions.get(child.lemma_.lower())
                if mode is not None:
                    return TriggerEntry("ASSAULT", mode, lemma, (), "verb", f"{child.lemma_.lower()} {lemma}")
        return None

    def is_reporting(self, token: Token) -> bool:
        """Return True when the token is a verb of saying/reporting."""
        return token.pos_ in {"VERB", "AUX"} and token.lemma_.lower() in self.reporting


# Types whose verb phrases may name the mover as the subject ("troops moved", "forces pulled back").
_MOVEMENTS = frozenset({"MOBILIZE", "RETREAT"})


def _lemmas_below(token: Token) -> tuple[set[str], set[str]]:
    """Return the lemmas of the token's children and grandchildren: without, then with, a verb's subject."""
    lemmas: set[str] = set()
    subject: set[str] = set()
    verb = token.pos_ in {"VERB", "AUX"}
    for child in children(token):
        if child.dep_ == "prep" and _dates_only(child):
            continue  # "called a strike for Monday": a time adjunct is no particle of a phrase ("call for")
        found = subject if verb and child.dep_ == "nsubj" else lemmas
        found.add(child.lemma_.lower())
        for grandchild in children(child):
            found.add(grandchild.lemma_.lower())
    return lemmas, lemmas | subject


def _dates_only(prep: Token) -> bool:
    """Return True when a preposition's objects are all dates or times ("for Monday", "on 3 May")."""
    objects = [c for c in children(prep) if c.dep_ == "pobj"]
    return bool(objects) and all(o.ent_type_ in {"DATE", "TIME"} for o in objects)


def _head_index(words: list[str], pos: Pos) -> int:
    # Verb phrases lead with the verb ("pull out"); noun compounds end with the noun ("hunger strike"),
    # except "X of Y" phrases whose head precedes "of" ("state of emergency").
    if pos == "verb":
        return 0
    if "of" in words:
        return max(words.index("of") - 1, 0)
    return len(words) - 1


def _compile(raw: Mapping[str, Any], origin: str) -> Lexicon:
    events = raw.get("events")
    if not isinstance(events, Mapping):
        raise LexiconError(f"{origin}: top-level 'events' mapping is missing")
    table: dict[tuple[str, str], list[TriggerEntry]] = {}
    seen: dict[tuple[str, str], str] = {}
    for plover, by_pos in events.items():
        if plover not in PLOVER_TYPES:
            raise LexiconError(f"{origin}: {plover!r} is not a PLOVER event type")
        for pos_name, phrases in (by_pos or {}).items():
            if pos_name not in ("verb", "noun"):
                raise LexiconError(f"{origin}: {plover}.{pos_name}: use 'verb' or 'noun'")
            pos: Pos = "verb" if pos_name == "verb" else "noun"
            for phrase, mode in (phrases or {}).items():
                # spaCy splits "sit-in" into "sit", "-", "in": a hyphenated word is matched as its parts
                words = str(phrase).lower().replace("-", " ").split()
                if not words:
                    raise LexiconError(f"{origin}: {plover}.{pos_name} has an empty phrase")
                key = (pos, " ".join(words))
                if key in seen:
                    raise LexiconError(
                        f"{origin}: {pos} phrase {phrase!r} is listed under both {seen[key]} and {plover}"
                    )
                seen[key] = plover
                at = _head_index(words, pos)
                rest = tuple(w for i, w in enumerate(words) if i != at and w != "of")
                entry = TriggerEntry(plover, mode, words[at], rest, pos, " ".join(words))
                table.setdefault((pos, words[at]), []).append(entry)
    entries = {
        key: tuple(sorted(found, key=lambda e: len(e.rest), reverse=True)) for key, found in table.items()
    }
    return Lexicon(
        entries=entries,
        reporting={str(k).lower(): str(v) for k, v in (raw.get("reporting") or {}).items()},
        governing_types=frozenset(raw.get("governing_types") or ()),
        intent=frozenset(str(w).lower() for w in raw.get("intent") or ()),
        hedge=frozenset(str(w).lower() for w in raw.get("hedge") or ()),
        anonymous=frozenset(str(w).lower() for w in raw.get("anonymous") or ()),
        verb_lemmas={str(k).lower(): str(v).lower() for k, v in (raw.get("verb_lemmas") or {}).items()},
        impacts=frozenset(str(w).lower() for w in raw.get("impacts") or ()),
        munitions={str(k).lower(): str(v) for k, v in (raw.get("munitions") or {}).items()},
    )


@functools.lru_cache(maxsize=8)
def load_lexicon(path: Path | None = None) -> Lexicon:
    """Return the compiled lexicon from `path` (default: the packaged triggers.yaml), cached per path."""
    try:
        if path is None:
            text = resources.files("flashpoint.events").joinpath("triggers.yaml").read_text("utf-8")
            origin = "triggers.yaml"
        else:
            text = Path(path).read_text(encoding="utf-8")
            origin = str(path)
        raw = yaml.safe_load(text)
    except (OSError, yaml.YAMLError) as exc:
        raise LexiconError(f"cannot read trigger lexicon {path or 'triggers.yaml'}: {exc}") from exc
    if not isinstance(raw, Mapping):
        raise LexiconError(f"{origin}: expected a mapping at the top level")
    return _compile(raw, origin)
