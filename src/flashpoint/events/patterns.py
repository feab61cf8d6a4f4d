"""CAMEO verb patterns (PETRARCH2's dictionary, converted): a PLOVER type for verbs our lexicon lacks.

The table `data/cameo_verbs.tsv` is written by `scripts/convert_cameo.py` (see `data/NOTICE`). A verb matches
a pattern when every word the pattern puts after the verb sits in the verb's own phrase (its objects and
prepositional phrases, not its clauses) and every word it puts before the verb sits in the subject. A pattern
written for one verb of a family holds for that verb only. Of the patterns that match, the one with the most
words wins; with none, the verb's own code (if it has one).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

from flashpoint.errors import LexiconError
from flashpoint.events.lexicon import PLOVER_TYPES, TriggerEntry

__all__ = ["VerbPattern", "VerbTable", "load_verb_table"]

# A slot accepts any of its alternatives; an alternative is one word or several ("armed forces").
Slot = tuple[tuple[str, ...], ...]
# A slot as it is tested: its one-word alternatives as a set (one set operation), and the others.
_Test = tuple[frozenset[str], tuple[tuple[str, ...], ...]]
# Clauses and parties below a verb are not its phrase: "agreed to talks" must not lend "talks" to "agreed".
_NOT_PHRASE = frozenset(
    {
        "ccomp",
        "advcl",
        "conj",
        "parataxis",
        "relcl",
        "csubj",
        "nsubj",
        "nsubjpass",
        "mark",
        "punct",
        "cc",
        "xcomp",
        # a passive's "by" agent is its doer, not what it was done with: "carried out by aircraft"
        "agent",
    }
)
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "agent"})


@dataclass(frozen=True, slots=True)
class VerbPattern:
    """One pattern: the words before and after the verb, its CAMEO code, PLOVER type and mode."""

    before: tuple[Slot, ...]
    after: tuple[Slot, ...]
    cameo: str
    plover: str
    mode: str | None
    # The single words the pattern needs after the verb: a quick subset test before the slot-by-slot one.
    needed: frozenset[str] = frozenset()
    # `before` and `after` as `_fits` tests them (built from the slots when not given).
    before_tests: tuple[_Test, ...] = field(default=(), compare=False, repr=False)
    after_tests: tuple[_Test, ...] = field(default=(), compare=False, repr=False)
    # The lemma the pattern was written for (None: any verb of its family).
    verb: str | None = None

    def __post_init__(self) -> None:
        if self.before and not self.before_tests:
            object.__setattr__(self, "before_tests", _tests(self.before))
        if self.after and not self.after_tests:
            object.__setattr__(self, "after_tests", _tests(self.after))

    @property
    def size(self) -> int:
        """Return the number of words the pattern asks for (its specificity)."""
        return len(self.before) + len(self.after)

    def entry(self, head: str) -> TriggerEntry:
        """Return the pattern as a lexicon entry for a trigger whose lemma is `head`."""
        return TriggerEntry(self.plover, self.mode, head, (), "verb", f"cameo {self.cameo}")


@dataclass(frozen=True, slots=True)
class _Verb:
    particles: tuple[str, ...]
    family: int
    own: VerbPattern | None


@dataclass(frozen=True, slots=True)
class VerbTable:
    """The compiled table: verbs by lemma, patterns by family."""

    verbs: Mapping[str, tuple[_Verb, ...]]
    families: Mapping[int, tuple[VerbPattern, ...]]
    # Each family's patterns, the most words first (the table's order within a size): the first that fits
    # is the one `best` wants, so the rest need no test.
    by_size: Mapping[int, tuple[VerbPattern, ...]] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.families and not self.by_size:
            by_size = {k: tuple(sorted(v, key=lambda p: -p.size)) for k, v in self.families.items()}
            object.__setattr__(self, "by_size", by_size)

    def best(self, token: Token) -> VerbPattern | None:
        """Return the most specific pattern a verb token matches (None: no pattern, no own code)."""
        lemma = token.lemma_.lower()
        verbs = self.verbs.get(lemma)
        if not verbs or token.pos_ not in {"VERB", "AUX"}:
            return None
        after: set[str] | None = None
        before: set[str] | None = None
        found: VerbPattern | None = None
        for verb in verbs:  # phrasal verbs first (sorted when the table was read)
            if verb.particles:
                particles = {c.lower_ for c in token.children if c.dep_ in {"prt", "prep", "advmod"}}
                if not all(p in particles for p in verb.particles):
                    continue
            for pattern in self.by_size.get(verb.family, ()):
                if found is not None and pattern.size <= found.size:
                    break
                if pattern.verb is not None and pattern.verb != lemma:
                    continue  # written for another verb of the family ("attack * government")
                if pattern.after and after is None:
                    after = _phrase_words(token)
                if pattern.before and before is None:
                    before = _subject_words(token)
                if after is not None and not pattern.needed <= after:
                    continue
                if _fits(pattern.after_tests, after) and _fits(pattern.before_tests, before):
                    found = pattern
            if found is None and verb.own is not None:
                found = verb.own
            if found is not None:
                return found
        return None


def _tests(slots: tuple[Slot, ...]) -> tuple[_Test, ...]:
    return tuple(
        (
            frozenset(alternative[0] for alternative in slot if len(alternative) == 1),
            tuple(alternative for alternative in slot if len(alternative) != 1),
        )
        for slot in slots
    )


def _fits(tests: tuple[_Test, ...], words: set[str] | None) -> bool:
    """Return True when every slot has an alternative all of whose words are in `words`."""
    if not tests:
        return True
    if words is None:
        return False
    return all(
        not single.isdisjoint(words) or any(all(w in words for w in alternative) for alternative in other)
        for single, other in tests
    )


def _words(token: Token) -> tuple[str, str]:
    return token.lower_, token.lemma_.lower()


def _phrase_words(token: Token) -> set[str]:
    words: set[str] = set()
    stack = [c for c in token.children if c.dep_ not in _NOT_PHRASE and c.i > token.i]
    while stack:
        node = stack.pop()
        words.update(_words(node))
        stack.extend(c for c in node.children if c.dep_ not in _NOT_PHRASE)
    return words


def _subject_words(token: Token) -> set[str]:
    words: set[str] = set()
    for child in token.children:
        if child.dep_ in _SUBJECTS:
            for node in child.subtree:
                words.update(_words(node))
    return words


def _slots(field: str, synsets: Mapping[str, Slot], origin: str) -> tuple[Slot, ...]:
    if field == "-":
        return ()
    slots: list[Slot] = []
    for word in field.split():
        if word.startswith("&"):
            if word[1:] not in synsets:
                raise LexiconError(f"{origin}: unknown synonym set {word}")
            slots.append(synsets[word[1:]])
        else:
            slots.append(((word,),))
    return tuple(slots)


def _pattern(
    before: tuple[Slot, ...],
    after: tuple[Slot, ...],
    cameo: str,
    plover: str,
    mode: str,
    origin: str,
    verb: str = "-",
) -> VerbPattern:
    if plover not in PLOVER_TYPES:
        raise LexiconError(f"{origin}: {plover!r} is not a PLOVER event type")
    needed = frozenset(slot[0][0] for slot in after if len(slot) == 1 and len(slot[0]) == 1)
    return VerbPattern(
        before,
        after,
        cameo,
        plover,
        None if mode == "-" else mode,
        needed,
        verb=None if verb == "-" else verb,
    )


def parse_table(text: str, origin: str = "cameo_verbs.tsv") -> VerbTable:
    """Return the table compiled from the TSV text written by scripts/convert_cameo.py."""
    synsets: dict[str, Slot] = {}
    verbs: dict[str, list[_Verb]] = {}
    families: dict[int, list[VerbPattern]] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        where = f"{origin}:{number}"
        try:
            if fields[0] == "@set":
                synsets[fields[1]] = tuple(tuple(w.split()) for w in fields[2].split("|"))
            elif fields[0] == "@verb":
                _, lemma, particles, family, cameo, plover, mode = fields
                own = None if plover == "-" else _pattern((), (), cameo, plover, mode, where)
                parts = () if particles == "-" else tuple(particles.split())
                verbs.setdefault(lemma, []).append(_Verb(parts, int(family), own))
            else:
                # the VERB column is optional: a table without it lends every pattern to the whole family
                family, before, after, cameo, plover, mode, *verb = fields
                if len(verb) > 1:
                    raise ValueError(f"{len(fields)} fields")
                families.setdefault(int(family), []).append(
                    _pattern(
                        _slots(before, synsets, where),
                        _slots(after, synsets, where),
                        cameo,
                        plover,
                        mode,
                        where,
                        *verb,
                    )
                )
        except ValueError as exc:
            raise LexiconError(f"{where}: malformed row ({exc}): {line!r}") from exc
    return VerbTable(
        verbs={k: tuple(sorted(v, key=lambda verb: -len(verb.particles))) for k, v in verbs.items()},
        families={k: tuple(v) for k, v in families.items()},
    )


@functools.lru_cache(maxsize=4)
def load_verb_table(path: Path | None = None) -> VerbTable:
    """Return the CAMEO verb table from `path` (default: the packaged one), read once per process."""
    try:
        if path is None:
            text = resources.files("flashpoint.events").joinpath("data", "cameo_verbs.tsv").read_text("utf-8")
        else:
            text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise LexiconError(f"cannot read the CAMEO verb table {path or 'cameo_verbs.tsv'}: {exc}") from exc
    return parse_table(text, str(path or "cameo_verbs.tsv"))
