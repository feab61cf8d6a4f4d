"""Plain sentences from markdown-ish lines: links become their text, emphasis and markers go."""

from __future__ import annotations

import re

__all__ = ["LINK", "has_markdown", "strip_inline", "strip_post_artefacts"]

LINK = re.compile(r"\[([^\[\]]*)\]\(([^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+\"[^\"]*\")?\)")
_IMAGE = re.compile(r"!\[[^\[\]]*\]\([^()]*\)")
_REFERENCE_LINK = re.compile(r"\[([^\[\]]+)\]\[[^\[\]]*\]")
_AUTOLINK = re.compile(r"<(https?://[^<>\s]+)>")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>])")
_PARKED = 0xE000
_PARKED_CHAR = re.compile("[\ue000-\ue07f]")
_STARS = re.compile(r"\*+")
# Underscores are emphasis only at a word's edge: snake_case words and @some_handle keep theirs.
_UNDERSCORES = re.compile(r"(?<![\w@])_+(?=\S)|(?<=\S)_+(?!\w)")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+|\s+#+\s*$")
_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_BULLET = re.compile(r"^\s*(?:[-+•]|\d{1,3}[.)])\s+")
_CODE_TICKS = re.compile(r"`+")
_SPACES = re.compile(r"[ \t\u00a0]+")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?])")

_PIC_LINK = re.compile(r"\bpic\.twitter\.com/\S+|\bhttps?://t\.co/\S+")
_THREAD_NUMBER = re.compile(r"^\s*\d{1,2}/(?:\d{1,2})?\s+")
_TRAILING_HANDLES = re.compile(r"(?:\s*(?:via\s+)?@\w{1,30})+\s*$", re.IGNORECASE)
_MARKDOWN_HINT = re.compile(r"\[[^\]]*\]\([^)]*\)|\*\*[^*]+\*\*|^\s{0,3}#{1,6}\s|^\s*>\s", re.MULTILINE)


def has_markdown(text: str) -> bool:
    """Return True when `text` carries markdown syntax (links, bold, headings or quotes)."""
    return _MARKDOWN_HINT.search(text) is not None


def strip_inline(line: str) -> str:
    """Return `line` as plain text: images dropped, links as their text, emphasis and markers removed."""
    line = _IMAGE.sub("", line)
    line = LINK.sub(lambda m: m.group(1), line)
    line = _REFERENCE_LINK.sub(lambda m: m.group(1), line)
    line = _AUTOLINK.sub(lambda m: m.group(1), line)
    line = _HEADING.sub("", line)
    line = _QUOTE.sub("", line)
    line = _BULLET.sub("", line)
    # Escaped markers (\*) are literal: park them in the private-use area while markers are removed.
    line = _ESCAPE.sub(lambda m: chr(_PARKED + ord(m.group(1))), line)
    line = _STARS.sub("", line)
    line = _UNDERSCORES.sub("", line)
    line = _CODE_TICKS.sub("", line)
    line = _PARKED_CHAR.sub(lambda m: chr(ord(m.group(0)) - _PARKED), line)
    line = _PIC_LINK.sub("", line)
    line = _SPACES.sub(" ", line).strip()
    return _SPACE_BEFORE_PUNCT.sub(r"\1", line)


def strip_post_artefacts(text: str) -> str:
    """Return a post's text without its thread number ("1/ ") and trailing credit handles."""
    text = _THREAD_NUMBER.sub("", text)
    text = _PIC_LINK.sub("", text)
    text = _TRAILING_HANDLES.sub("", text)
    return _SPACES.sub(" ", text).strip()
