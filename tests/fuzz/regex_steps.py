"""Count the steps a backtracking regex engine takes, so tests can assert work per byte, not wall time.

`count_steps(pattern, text)` walks the pattern's parse tree (the same tree `re` compiles) with a
plain backtracking matcher and counts every node it tries, across a full `finditer` scan of `text`.
It models `re`'s backtracking without its shortcuts (literal-prefix scans, charset skips): a count
that grows with the square of the input means the pattern backtracks quadratically, and `re` does
too unless a shortcut happens to skip those starts (bench/fuzz.py --linear checks the real engine).  Supports what our readers use: literals, sets,
categories, greedy/lazy/possessive repeats, groups, alternation, anchors, look-arounds, atomic groups.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from functools import lru_cache
from re import _constants as c  # type: ignore[attr-defined]
from re import _parser as parser  # type: ignore[attr-defined]
from typing import Any

__all__ = ["StepLimit", "count_steps", "find_spans"]

Continuation = Callable[[int], int | None]


class StepLimit(Exception):
    """Raised when a scan takes more steps than allowed (a runaway pattern)."""


@lru_cache(maxsize=64)
def _category(name: Any, is_bytes: bool) -> re.Pattern[Any]:
    source = {
        c.CATEGORY_DIGIT: r"\d",
        c.CATEGORY_NOT_DIGIT: r"\D",
        c.CATEGORY_SPACE: r"\s",
        c.CATEGORY_NOT_SPACE: r"\S",
        c.CATEGORY_WORD: r"\w",
        c.CATEGORY_NOT_WORD: r"\W",
    }[name]
    return re.compile(source.encode() if is_bytes else source)


class _Scan:
    def __init__(self, pattern: re.Pattern[Any], codes: list[int], limit: int) -> None:
        self.flags = pattern.flags
        self.is_bytes = isinstance(pattern.pattern, bytes)
        self.ignore_case = bool(self.flags & re.IGNORECASE)
        self.codes = codes
        self.limit = limit
        self.steps = 0

    def _char(self, code: int) -> Any:
        return bytes([code]) if self.is_bytes else chr(code)

    def _fold(self, code: int) -> int:
        if not self.ignore_case:
            return code
        if self.is_bytes:
            return ord(bytes([code]).lower())
        return ord(chr(code).lower()[0])

    def _in_set(self, items: list[tuple[Any, Any]], code: int) -> bool:
        negate = False
        found = False
        for op, av in items:
            if op is c.NEGATE:
                negate = True
            elif op is c.LITERAL:
                found = found or self._fold(av) == self._fold(code)
            elif op is c.RANGE:
                low, high = av
                found = found or low <= code <= high or low <= self._fold(code) <= high
            elif op is c.CATEGORY:
                found = found or _category(av, self.is_bytes).match(self._char(code)) is not None
            else:
                raise NotImplementedError(f"set item {op}")
        return found != negate

    def _is_word(self, at: int) -> bool:
        return (
            0 <= at < len(self.codes)
            and _category(c.CATEGORY_WORD, self.is_bytes).match(self._char(self.codes[at])) is not None
        )

    def _at(self, where: Any, pos: int) -> bool:
        codes, multiline = self.codes, bool(self.flags & re.MULTILINE)
        if where is c.AT_BEGINNING:
            return pos == 0 or (multiline and codes[pos - 1] == 10)
        if where is c.AT_BEGINNING_STRING:
            return pos == 0
        if where is c.AT_END:
            if multiline:
                return pos == len(codes) or codes[pos] == 10
            return pos == len(codes) or (pos == len(codes) - 1 and codes[pos] == 10)
        if where is c.AT_END_STRING:
            return pos == len(codes)
        if where is c.AT_BOUNDARY:
            return self._is_word(pos - 1) != self._is_word(pos)
        if where is c.AT_NON_BOUNDARY:
            return self._is_word(pos - 1) == self._is_word(pos)
        raise NotImplementedError(f"anchor {where}")

    def match(self, items: list[tuple[Any, Any]], index: int, pos: int, k: Continuation) -> int | None:
        """Return where a match of items[index:] then `k` ends when started at `pos`, else None."""
        self.steps += 1
        if self.steps > self.limit:
            raise StepLimit(f"more than {self.limit} steps")
        if index == len(items):
            return k(pos)
        op, av = items[index]
        codes = self.codes

        def rest(end: int) -> int | None:
            return self.match(items, index + 1, end, k)

        if op is c.LITERAL:
            ok = pos < len(codes) and self._fold(codes[pos]) == self._fold(av)
            return rest(pos + 1) if ok else None
        if op is c.NOT_LITERAL:
            ok = pos < len(codes) and self._fold(codes[pos]) != self._fold(av)
            return rest(pos + 1) if ok else None
        if op is c.ANY:
            ok = pos < len(codes) and (bool(self.flags & re.DOTALL) or codes[pos] != 10)
            return rest(pos + 1) if ok else None
        if op is c.IN:
            return rest(pos + 1) if pos < len(codes) and self._in_set(av, codes[pos]) else None
        if op is c.AT:
            return rest(pos) if self._at(av, pos) else None
        if op is c.SUBPATTERN:
            return self.match(list(av[-1]), 0, pos, rest)
        if op is c.ATOMIC_GROUP:
            end = self.match(list(av), 0, pos, lambda p: p)
            return None if end is None else rest(end)
        if op is c.BRANCH:
            for alternative in av[1]:
                end = self.match(list(alternative), 0, pos, rest)
                if end is not None:
                    return end
            return None
        if op in (c.ASSERT, c.ASSERT_NOT):
            direction, sub = av
            sub = list(sub)
            if direction == 1:
                found = self.match(sub, 0, pos, lambda p: p) is not None
            else:
                width = parser.SubPattern(parser.State(), sub).getwidth()[0]
                start = pos - width
                found = (
                    start >= 0 and self.match(sub, 0, start, lambda p: p if p == pos else None) is not None
                )
            return rest(pos) if found == (op is c.ASSERT) else None
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            low, high, sub = av
            return self._repeat(op, low, high, list(sub), pos, rest)
        raise NotImplementedError(f"regex node {op}")

    def _repeat(
        self, op: Any, low: int, high: int, sub: list[tuple[Any, Any]], pos: int, k: Continuation
    ) -> int | None:
        if op is c.POSSESSIVE_REPEAT:
            count = 0
            while count < high:
                end = self.match(sub, 0, pos, lambda p: p)
                if end is None or (end == pos and count >= low):
                    break
                pos, count = end, count + 1
            return k(pos) if count >= low else None

        def attempt(count: int, at: int) -> int | None:
            def more() -> int | None:
                if count >= high:
                    return None
                # An empty iteration cannot make progress: stop repeating (as `re` does).
                return self.match(sub, 0, at, lambda p: attempt(count + 1, p) if p != at else None)

            if count < low:
                return more()
            if op is c.MAX_REPEAT:
                end = more()
                return end if end is not None else k(at)
            end = k(at)
            return end if end is not None else more()

        return attempt(0, pos)


def count_steps(pattern: re.Pattern[Any], text: str | bytes, *, limit: int = 20_000_000) -> int:
    """Return the number of matcher steps a full `finditer` scan of `text` with `pattern` takes.

    Raises StepLimit past `limit` steps, and NotImplementedError for syntax the model lacks
    (back-references, conditionals).
    """
    return _scan(pattern, text, limit)[0]


def find_spans(pattern: re.Pattern[Any], text: str | bytes) -> list[tuple[int, int]]:
    """Return the (start, end) of each match the model finds scanning `text` (as `finditer` would)."""
    return _scan(pattern, text, 20_000_000)[1]


def _scan(pattern: re.Pattern[Any], text: str | bytes, limit: int) -> tuple[int, list[tuple[int, int]]]:
    codes = list(text) if isinstance(text, bytes) else [ord(ch) for ch in text]
    scan = _Scan(pattern, codes, limit)
    items = list(parser.parse(pattern.pattern, pattern.flags))
    spans: list[tuple[int, int]] = []
    old_limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old_limit, 50_000))
    try:
        pos = 0
        while pos <= len(codes):
            end = scan.match(items, 0, pos, lambda p: p)
            if end is not None:
                spans.append((pos, end))
            pos = pos + 1 if end is None or end == pos else end
    finally:
        sys.setrecursionlimit(old_limit)
    return scan.steps, spans
