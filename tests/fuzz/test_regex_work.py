"""Every regex the readers use does work linear in its input: steps counted, never wall time.

Each pattern in `flashpoint.ingest` is scanned (as `finditer`/`sub` scan) over inputs built to make a
backtracking engine go quadratic — long runs of spaces, `#`, `[`, `](`, punctuation, handles,
underscores, mixed scripts — at sizes n and 4n.  Linear work grows about 4×; the test allows 6×
(quadratic work grows 16×).  `bench/fuzz.py --linear` measures the readers end to end on CPU time.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.fuzz.regex_steps import StepLimit, count_steps, find_spans

import flashpoint.ingest

GROWTH_LIMIT = 6.0
SMALL, LARGE = 40, 160  # repetitions of a unit; LARGE = 4 × SMALL

UNITS = (
    " ",
    "\t",
    "#",
    " #",
    "[",
    "](",
    "![a](b) ",
    "[a](",
    ",",
    " ,",
    ". ",
    "@a ",
    "via @a ",
    "_",
    "*",
    "\\",
    "> ",
    "- ",
    "1",
    "a",
    "a, ",
    "\u0627\u4e2d ",
    "\u2014 ",
    "<",
    "&#",
    '"',
    "\n",
)
PREFIXES = ("", "a")
SUFFIXES = ("", "a", "!")


# Modules outside flashpoint.ingest whose patterns see what a client sends.
OTHER_MODULES = ("flashpoint.api.server", "flashpoint.api.validation", "flashpoint.api.links")


def _patterns() -> list[tuple[str, re.Pattern[Any]]]:
    found: dict[int, tuple[str, re.Pattern[Any]]] = {}
    names = [info.name for info in pkgutil.iter_modules(flashpoint.ingest.__path__, "flashpoint.ingest.")]
    for module_name in [*names, *OTHER_MODULES]:
        module = importlib.import_module(module_name)
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern):
                found.setdefault(id(value), (f"{module_name.rsplit('.', 1)[1]}.{name}", value))
    return sorted(found.values(), key=lambda item: item[0])


PATTERNS = _patterns()


def _text(pattern: re.Pattern[Any], prefix: str, unit: str, suffix: str, times: int) -> str | bytes:
    text = prefix + unit * times + suffix
    return text.encode("utf-8") if isinstance(pattern.pattern, bytes) else text


def growth(pattern: re.Pattern[Any], prefix: str, unit: str, suffix: str) -> float:
    """Return how many times more steps a scan takes on the 4× longer input."""
    small = count_steps(pattern, _text(pattern, prefix, unit, suffix, SMALL))
    large = count_steps(pattern, _text(pattern, prefix, unit, suffix, LARGE), limit=small * 40)
    return large / small


def test_regex_work_finds_the_readers_patterns() -> None:
    names = [name for name, _ in PATTERNS]
    assert "markdown._SPACE_BEFORE_PUNCT" in names and "text._DATELINE" in names
    assert "server._PARAM" in names
    assert len(names) > 30


def test_regex_work_counter_sees_quadratic_backtracking() -> None:
    # The classic trap: `\s+X` searched over a long run of spaces without X retries every start.
    assert growth(re.compile(r"\s+#"), "a", " ", "a") > 12
    assert growth(re.compile(r"(?<!\s)\s+#"), "a", " ", "a") < GROWTH_LIMIT


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (r"(?<![\w@])_+(?=\S)|(?<=\S)_+(?!\w)", "a _x_ snake_case __b_ @c_d _"),
        (r"^\s{0,3}#{1,6}\s+|\s+#+\s*$", "  ## Title ##  "),
        (r"\[([^\[\]]*)\]\(([^()\s]*)\)", "see [a](b) and [c](d e) [f]( g)"),
        (r"(?i)\bvia\s+@\w{1,3}", "Via @abcd, via  @x"),
        (r"a*?b|a++c|(?>a|ab)c", "aab aaac abc"),
    ],
)
def test_regex_work_counter_finds_what_re_finds(pattern: str, text: str) -> None:
    compiled = re.compile(pattern)
    assert find_spans(compiled, text) == [m.span() for m in compiled.finditer(text)]
    assert count_steps(compiled, text) >= len(text)


@pytest.mark.parametrize(("name", "pattern"), PATTERNS, ids=[name for name, _ in PATTERNS])
def test_regex_work_is_linear(name: str, pattern: re.Pattern[Any]) -> None:
    slow = []
    for unit in UNITS:
        for prefix in PREFIXES:
            for suffix in SUFFIXES:
                try:
                    ratio = growth(pattern, prefix, unit, suffix)
                except StepLimit:
                    ratio = float("inf")
                if ratio > GROWTH_LIMIT:
                    slow.append(f"{prefix!r} + {unit!r} × n + {suffix!r}: {ratio:.1f}×")
        if slow:
            break  # one family is enough to show the problem; the rest would cost minutes
    assert not slow, f"{name} is not linear on: " + "; ".join(slow[:3])


hostile_unit = st.text(alphabet=" \t\n#[]()!*_@,.:;?>-\\<&\"'a1\u0627\u2014", min_size=1, max_size=6)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    index=st.integers(min_value=0, max_value=len(PATTERNS) - 1),
    prefix=st.text(alphabet=" #>a[", max_size=3),
    unit=hostile_unit,
    suffix=st.text(alphabet=" !a\n#)", max_size=3),
)
def test_regex_work_is_linear_on_generated_runs(index: int, prefix: str, unit: str, suffix: str) -> None:
    name, pattern = PATTERNS[index]
    try:
        ratio = growth(pattern, prefix, unit, suffix)
    except StepLimit:
        ratio = float("inf")
    assert ratio <= GROWTH_LIMIT, f"{name} grows {ratio:.1f}× on {prefix!r} + {unit!r} × n + {suffix!r}"
