"""A table-driven stand-in for spaCy's attribute ruler: the same rules and result, applied with arrays.

The English model's attribute ruler maps each token's fine tag (and a few words and dependency labels) to
its coarse part of speech, morphology and some lemmas. spaCy runs those rules through its general token
Matcher on every document, which costs about a tenth of the whole parse. Almost every rule looks at one
token only, so its outcome is a function of the token's (tag, lower form, dependency label, is-space):
this table works that outcome out once per distinct combination and writes whole columns back with
`Doc.from_array`. The few rules that span several tokens ("gon na") still go through a small Matcher.
Rules are applied in the order they were added, later ones overriding earlier ones, as spaCy does.
"""

from __future__ import annotations

import re
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

    def __init__(self, ruler: Any, tests: list[_Test | None], lower: list[_Check], matcher: Any) -> None:
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
        self._lower = lower  # the tests rules make of the lower-case form
        self._matcher = matcher  # the rules over several tokens, or None when there are none
        # A lower-case form matters only through the outcome of those tests: words with the same
        # outcomes share a class, which keeps the table small (a few hundred rows).
        self._classes: dict[tuple[bool, ...], int] = {}
        self._lower_class: dict[int, int] = {}
        self._outcomes: list[tuple[bool, ...]] = []
        self._rows: dict[tuple[int, int, int, int], int] = {}  # (tag, class, dep, space) → row
        self._rule_ids: list[tuple[int, ...]] = []  # row → matching one-token rules, in order
        self._row_values: list[list[int]] = []
        self._row_has: list[list[bool]] = []
        self._values = np.zeros((0, len(_SET_ATTRS)), dtype=np.uint64)
        self._has = np.zeros((0, len(_SET_ATTRS)), dtype=bool)

    @classmethod
    def from_ruler(cls, ruler: Any) -> AttributeTable | None:
        """Return a table for the ruler's rules, or None when a rule uses a feature the table does not read."""
        from spacy.matcher import Matcher

        if any(not {int(a) for a in attrs} <= set(_ids(_SET_ATTRS)) for attrs in ruler.attrs):
            return None
        tests: list[_Test | None] = []
        lower: list[_Check] = []
        matcher = Matcher(ruler.vocab)
        several = 0
        for rule_id, entry in enumerate(ruler.patterns):
            patterns = entry["patterns"]
            if all(len(p) == 1 for p in patterns) and entry.get("index", 0) in (0, -1):
                test = _compile([p[0] for p in patterns], lower)
                if test is None:
                    return None
                tests.append(test)
            else:
                tests.append(None)
                matcher.add(str(rule_id), patterns)
                several += 1
        return cls(ruler, tests, lower, matcher if several else None)

    def __call__(self, doc: Any) -> Any:
        if len(doc) == 0:
            return doc
        keys = doc.to_array(self._key_ids).tolist()
        old = doc.to_array(self._set_ids)
        rows = np.fromiter((self._row(*k) for k in keys), dtype=np.intp, count=len(keys))
        if len(self._row_values) != len(self._values):
            self._values = np.array(self._row_values, dtype=np.uint64)
            self._has = np.array(self._row_has, dtype=bool)
        new = np.where(self._has[rows], self._values[rows], old)
        if self._matcher is not None:
            self._apply_spans(doc, rows, old, new)
        changed = [j for j in range(len(_SET_ATTRS)) if not np.array_equal(new[:, j], old[:, j])]
        if changed:
            doc.from_array([self._set_ids[j] for j in changed], new[:, changed])
        return doc

    def _row(self, tag: int, lower: int, dep: int, space: int) -> int:
        group = self._lower_class.get(lower)
        if group is None:
            group = self._group(lower)
        key = (tag, group, dep, space)
        row = self._rows.get(key)
        if row is None:
            strings = self.vocab.strings
            token = (strings[tag], self._outcomes[group], strings[dep], bool(space))
            matching = tuple(i for i, test in enumerate(self._tests) if test is not None and test(token))
            values = [0] * len(_SET_ATTRS)
            has = [False] * len(_SET_ATTRS)
            for rule_id in matching:
                for column, value in self._rules[rule_id]:
                    values[column] = value
                    has[column] = True
            row = len(self._rule_ids)
            self._rows[key] = row
            self._rule_ids.append(matching)
            self._row_values.append(values)
            self._row_has.append(has)
        return row

    def _group(self, lower: int) -> int:
        text = self.vocab.strings[lower]
        outcome = tuple(check(text) for check in self._lower)
        group = self._classes.setdefault(outcome, len(self._classes))
        if group == len(self._outcomes):
            self._outcomes.append(outcome)
        self._lower_class[lower] = group
        return group

    def _apply_spans(self, doc: Any, rows: Any, old: Any, new: Any) -> None:
        # Several-token rules are rare: merge them with each touched token's one-token rules, in order.
        strings = self.vocab.strings
        extra: dict[int, list[int]] = {}
        for match_id, start, end in self._matcher(doc, allow_missing=True):
            rule_id = int(strings[match_id])
            index = self._indices[rule_id]
            position = (start if index >= 0 else end) + index
            if not start <= position < end:
                raise IndexError(f"attribute rule {rule_id} points outside its match")
            extra.setdefault(position, []).append(rule_id)
        for position, rule_ids in extra.items():
            values = old[position].copy()
            for rule_id in sorted(set(rule_ids) | set(self._rule_ids[rows[position]])):
                for column, value in self._rules[rule_id]:
                    values[column] = value
            new[position] = values


def _ids(names: tuple[str, ...]) -> list[int]:
    from spacy import attrs

    return [int(getattr(attrs, name)) for name in names]


def _compile(tokens: list[dict[str, Any]], lower: list[_Check]) -> _Test | None:
    """Return a test true when any of the one-token patterns matches, or None when one is not readable."""
    checks = [_compile_token(t, lower) for t in tokens]
    ready = [c for c in checks if c is not None]
    if len(ready) != len(checks):
        return None
    return lambda token: any(check(token) for check in ready)


def _compile_token(spec: dict[str, Any], lower: list[_Check]) -> _Test | None:
    parts: list[_Test] = []
    for attr, value in spec.items():
        if attr == "IS_SPACE" and isinstance(value, bool):
            parts.append(_space_is(value))
            continue
        if attr not in ("TAG", "LOWER", "DEP"):
            return None
        check = _check(value)
        if check is None:
            return None
        if attr == "LOWER":
            lower.append(check)
            parts.append(_lower_outcome(len(lower) - 1))
        else:
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
