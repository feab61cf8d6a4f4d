"""YAML front matter ("---" … "---" at the top of a markdown file): metadata, not body text."""

from __future__ import annotations

import re
from typing import Any

import yaml

__all__ = ["split_front_matter"]

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(?P<yaml>.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_MAX_CHARS = 10_000


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """Return the front matter's mapping (empty when there is none or it is not YAML) and the rest."""
    match = _FRONT_MATTER.match(text[:_MAX_CHARS])
    if match is None:
        return {}, text
    try:
        data = yaml.safe_load(match.group("yaml"))
    except (yaml.YAMLError, RecursionError):  # RecursionError: flow collections nested absurdly deep
        return {}, text  # a "---" rule that happens to open the text: leave it to the body
    if not isinstance(data, dict):
        return {}, text
    return {str(key).lower(): value for key, value in data.items()}, text[match.end() :]
