"""A table-driven stand-in for spaCy's attribute ruler: the same rules and result, applied with arrays.

The English model's attribute ruler maps each token's fine tag (and a few words and dependency labels) to
its coarse part of speech, morphology and some lemmas. spaCy runs those rules through its general token
Matcher on every document, which costs about a tenth of the whole parse. Almost every rule looks at one
token only, so its outcome is a function of the token's (tag, lower form, dependency label, is-space):
this table works that outcome out once per distinct combination and writes whole columns back with
`Doc.from_array`. The few rules that span several tokens ("gon na") are fixed sequences of such token
tests, found with array operations over the same rows.
Rules are applied in the order they were added, later ones overriding earlier ones, as spaCy does.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from typing import Any

import numpy as np

__all__ = ["AttributeTable"]

# Token attributes a one-token rule may test, in the order of the key columns.
_KEY_ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")
# Token attributes a rule may set, in the order of the value columns.
_SET_ATTRS = ("POS", "MORPH", "LEMMA", "TAG", "DEP")

# A token as the one-token rules see it: (tag, outcomes of the lower-form checks, dep label, is-space).
_Token = tuple[str, tuple[bool, ...], str, bool]
_Test = Callable[[_Token], bool]
_Check = Callable[[str], bool]


class AttributeTable:
    """Callable Doc → Doc giving the same token attributes as the attribute ruler it was built from."""

    def __init__(
        self,
        ruler: Any,
        tests: list[_Test | None],
        lower: _LowerChecks,
        specs: list[_Test],
        sequences: list[tuple[int, int, tuple[int, ...]]],
        tags: list[frozenset[str] | None],
    ) -> None:
        self.vocab = ruler.vocab
        self.name = ruler.name
        self._set_ids = _ids(_SET_ATTRS)
        self._key_ids = _ids(_KEY_ATTRS)
        # Each rule's assignments as (value column, value), in the ruler's order.
        self._rules: list[tuple[tuple[int, int], ...]] = [
            tuple((self._set_ids.index(int(a)), int(v)) for a, v in attrs.items()) for attrs in ruler.attrs
        ]
        self._indices: list[int] = list(ruler.indices)
        self._tests = tests
        self._tags = tags  # the fine tags each one-token rule can match (None: any)
        self._by_tag: dict[str, tuple[tuple[int, _Test], ...]] = {}  # tag → the rules worth testing
        self._lower = lower  # the tests rules make of the lower-case form
        # The rules over several tokens: (rule, target position, token tests by index into `specs`).
        self._specs = specs
        self._sequences = sequences
        # A lower-case form matters only through the outcome of those tests: words with the same
        # outcomes share a class, which keeps the table small (a few hundred rows).
        self._classes: dict[tuple[bool, ...], int] = {}
        self._lower_class: dict[int, int] = {}
        self._outcomes: list[tuple[bool, ...]] = []
        self._rows: dict[tuple[int, int, int, int], int] = {}  # (tag, class, dep, space) → row
        self._rule_ids: list[tuple[int, ...]] = []  # row → matching one-token rules, in order
        self._row_values: list[list[int]] = []
        self._row_has: list[list[bool]] = []
        self._row_specs: list[list[bool]] = []
        # Arrays of the rows above (values, which values are set, sequence tests), rebuilt when rows are
        # added. New rows and classes are made under the lock and published last: threads may share this.
        self._tables = (
            np.zeros((0, len(_SET_ATTRS)), dtype=np.uint64),
            np.zeros((0, len(_SET_ATTRS)), dtype=bool),
            np.zeros((0, len(specs)), dtype=bool),
        )
        self._lock = threading.Lock()

    @classmethod
    def from_ruler(cls, ruler: Any) -> AttributeTable | None:
        """Return a table for the ruler's rules, or None when a rule uses a feature the table does not read."""
        if any(not {int(a) for a in attrs} <= set(_ids(_SET_ATTRS)) for attrs in ruler.attrs):
            return None
        tests: list[_Test | None] = []
        tags: list[frozenset[str] | None] = []
        lower = _LowerChecks()
        specs: list[_Test] = []
        sequences: list[tuple[int, int, tuple[int, ...]]] = []
        for rule_id, entry in enumerate(ruler.patterns):
            patterns = entry["patterns"]
            index = entry.get("index", 0)
            if all(len(p) == 1 for p in patterns) and index in (0, -1):
                test = _compile([p[0] for p in patterns], lower)
                if test is None:
                    return None
                tests.append(test)
                tags.append(_tag_filter([p[0] for p in patterns]))
                continue
            tests.append(None)
            tags.append(None)
            for pattern in patterns:
                target = index if index >= 0 else len(pattern) + index
                compiled = [_compile_token(token, lower) for token in pattern]
                if not 0 <= target < len(pattern) or any(c is None for c in compiled):
                    return None  # an operator, an unknown feature or a bad index: leave it to spaCy
                first = len(specs)
                specs.extend(c for c in compiled if c is not None)
                sequences.append((rule_id, target, tuple(range(first, len(specs)))))
        return cls(ruler, tests, lower, specs, sequences, tags)

    def __call__(self, doc: Any) -> Any:
        if len(doc) == 0:
            return doc
        tags, lowers, deps, spaces = doc.to_array(self._key_ids).T.tolist()
        old = doc.to_array(self._set_ids)
        # The common case in plain comprehensions (this runs once per token); misses fill in after.
        lower_class = self._lower_class
        groups: list[int] = [lower_class.get(lower, -1) for lower in lowers]
        if -1 in groups:
            groups = [self._group(lower) if g < 0 else g for g, lower in zip(groups, lowers, strict=True)]
        table = self._rows
        found = [table.get(key, -1) for key in zip(tags, groups, deps, spaces, strict=True)]
        if -1 in found:
            found = [
                self._row(key) if row < 0 else row
                for row, key in zip(found, zip(tags, groups, deps, spaces, strict=True), strict=True)
            ]
        rows = np.array(found, dtype=np.intp)
        values, has, specs = self._tables
        if len(values) <= rows.max():
            values, has, specs = self._rebuild()
        new = np.where(has[rows], values[rows], old)
        if self._sequences:
            self._apply_sequences(rows, specs, old, new)
        changed = [j for j in range(len(_SET_ATTRS)) if not np.array_equal(new[:, j], old[:, j])]
        if changed:
            doc.from_array([self._set_ids[j] for j in changed], new[:, changed])
        return doc

    def _rebuild(self) -> tuple[Any, Any, Any]:
        # Only the rows added since the last rebuild are converted; the arrays grow by concatenation.
        with self._lock:
            values, has, specs = self._tables
            done, n = len(values), len(self._row_values)
            if n > done:
                self._tables = (
                    np.concatenate([values, np.array(self._row_values[done:n], dtype=np.uint64)]),
                    np.concatenate([has, np.array(self._row_has[done:n], dtype=bool)]),
                    np.concatenate(
                        [
                            specs,
                            np.array(self._row_specs[done:n], dtype=bool).reshape(n - done, len(self._specs)),
                        ]
                    ),
                )
            return self._tables

    def _row(self, key: tuple[int, int, int, int]) -> int:
        with self._lock:
            row = self._rows.get(key)
            if row is not None:
                return row
            tag, group, dep, space = key
            strings = self.vocab.strings
            token = (strings[tag], self._outcomes[group], strings[dep], bool(space))
            candidates = self._by_tag.get(token[0])
            if candidates is None:
                candidates = self._by_tag[token[0]] = self._candidates(token[0])
            matching = tuple(i for i, test in candidates if test(token))
            values = [0] * len(_SET_ATTRS)
            has = [False] * len(_SET_ATTRS)
            for rule_id in matching:
                for column, value in self._rules[rule_id]:
                    values[column] = value
                    has[column] = True
            row = len(self._rule_ids)
            self._rule_ids.append(matching)
            self._row_values.append(values)
            self._row_has.append(has)
            self._row_specs.append([spec(token) for spec in self._specs])
            self._rows[key] = row
            return row

    def _candidates(self, tag: str) -> tuple[tuple[int, _Test], ...]:
        found = []
        for rule_id, (test, allowed) in enumerate(zip(self._tests, self._tags, strict=True)):
            if test is not None and (allowed is None or tag in allowed):
                found.append((rule_id, test))
        return tuple(found)

    def _group(self, lower: int) -> int:
        with self._lock:
            group = self._lower_class.get(lower)
            if group is not None:
                return group
            text = self.vocab.strings[lower]
            outcome = self._lower.outcome(text)
            group = self._classes.setdefault(outcome, len(self._classes))
            if group == len(self._outcomes):
                self._outcomes.append(outcome)
            self._lower_class[lower] = group
            return group

    def _apply_sequences(self, rows: Any, tests: Any, old: Any, new: Any) -> None:
        # Where a sequence matches, its rule joins the target token's one-token rules, all in rule order.
        hits = tests[rows]
        n = len(rows)
        extra: dict[int, set[int]] = {}
        for rule_id, target, specs in self._sequences:
            length = len(specs)
            if length > n:
                continue
            ok = hits[: n - length + 1, specs[0]].copy()
            for k in range(1, length):
                ok &= hits[k : n - length + 1 + k, specs[k]]
            for start in np.flatnonzero(ok).tolist():
                extra.setdefault(start + target, set()).add(rule_id)
        for position, rule_ids in extra.items():
            values = old[position].copy()
            for rule_id in sorted(rule_ids | set(self._rule_ids[rows[position]])):
                for column, value in self._rules[rule_id]:
                    values[column] = value
            new[position] = values


def _ids(names: tuple[str, ...]) -> list[int]:
    from spacy import attrs

    return [int(getattr(attrs, name)) for name in names]


def _tag_filter(tokens: list[dict[str, Any]]) -> frozenset[str] | None:
    """Return the fine tags one of these token patterns can match, or None when some pattern takes any."""
    allowed: set[str] = set()
    for token in tokens:
        value = token.get("TAG")
        if isinstance(value, str):
            allowed.add(value)
        elif (
            isinstance(value, dict) and list(value) == ["IN"] and all(isinstance(t, str) for t in value["IN"])
        ):
            allowed.update(value["IN"])
        else:
            return None
    return frozenset(allowed)


def _compile(tokens: list[dict[str, Any]], lower: _LowerChecks) -> _Test | None:
    """Return a test true when any of the one-token patterns matches, or None when one is not readable."""
    checks = [_compile_token(t, lower) for t in tokens]
    ready = [c for c in checks if c is not None]
    if len(ready) != len(checks):
        return None
    return lambda token: any(check(token) for check in ready)


def _compile_token(spec: dict[str, Any], lower: _LowerChecks) -> _Test | None:
    parts: list[_Test] = []
    for attr, value in spec.items():
        if attr == "IS_SPACE" and isinstance(value, bool):
            parts.append(_space_is(value))
            continue
        if attr not in ("TAG", "LOWER", "DEP"):
            return None
        if attr == "LOWER":
            index = lower.add(value)
            if index is None:
                return None
            parts.append(_lower_outcome(index))
            continue
        check = _check(value)
        if check is None:
            return None
        parts.append(_string_at(0 if attr == "TAG" else 2, check))
    return _all(parts)


def _all(parts: list[_Test]) -> _Test:
    return lambda token: all(part(token) for part in parts)


def _space_is(value: bool) -> _Test:
    return lambda token: token[3] is value


def _lower_outcome(index: int) -> _Test:
    return lambda token: token[1][index]


def _string_at(column: int, check: _Check) -> _Test:
    return lambda token: check(token[column])  # type: ignore[arg-type]


def _check(value: Any) -> _Check | None:
    """Return the string test of one attribute's pattern value (the Matcher's semantics), or None."""
    if isinstance(value, str):
        return lambda s: s == value
    if not isinstance(value, dict) or len(value) != 1:
        return None
    op, arg = next(iter(value.items()))
    if op == "IN":
        members = frozenset(arg)
        return lambda s: s in members
    if op == "NOT_IN":
        excluded = frozenset(arg)
        return lambda s: s not in excluded
    if op == "REGEX":
        pattern = re.compile(arg)
        return lambda s: pattern.search(s) is not None
    return None


class _LowerChecks:
    """The tests rules make of a token's lower-case form, answered all at once for a new word.

    A new word costs one dictionary lookup and the few regular expressions, not one call per test.
    """

    def __init__(self) -> None:
        self._base: list[bool] = []  # each test's answer for a word it does not name
        self._named: dict[str, list[int]] = {}  # word → the tests whose answer it flips
        self._patterns: list[tuple[int, re.Pattern[str]]] = []

    def add(self, value: Any) -> int | None:
        """Return the index of a new test of the Matcher pattern value, or None when it is not readable."""
        index = len(self._base)
        words: set[str] = set()
        if isinstance(value, str):
            base, words = False, {value}
        elif isinstance(value, dict) and len(value) == 1:
            op, arg = next(iter(value.items()))
            if op in ("IN", "NOT_IN") and all(isinstance(w, str) for w in arg):
                base, words = op == "NOT_IN", set(arg)
            elif op == "REGEX" and isinstance(arg, str):
                base = False
                self._patterns.append((index, re.compile(arg)))
            else:
                return None
        else:
            return None
        self._base.append(base)
        for word in words:
            self._named.setdefault(word, []).append(index)
        return index

    def outcome(self, text: str) -> tuple[bool, ...]:
        """Return every test's answer for the lower-case form `text`."""
        answers = list(self._base)
        for index in self._named.get(text, ()):
            answers[index] = not answers[index]
        for index, pattern in self._patterns:
            answers[index] = pattern.search(text) is not None
        return tuple(answers)
