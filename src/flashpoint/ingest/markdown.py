r"""Plain sentences from markdown-ish lines: links become their text, emphasis and markers go.

Every pattern here runs in time linear in its line (tests/fuzz/test_regex_work.py counts the steps):
a search that starts with a repeat (`\s+`, `[^]]*`) either cannot start inside a run it would rescan
(a look-behind, or a set that stops at the next opener), or the work is done in Python instead.
"""

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
_UNDERSCORE_RUN = re.compile(r"_+")
_WORD_CHAR = re.compile(r"\w")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_BULLET = re.compile(r"^\s*(?:[-+•]|\d{1,3}[.)])\s+")
_CODE_TICKS = re.compile(r"`+")
_SPACES = re.compile(r"[ \t\u00a0]+")
# Only at the start of a run of spaces: a search from inside the run would rescan it.
_SPACE_BEFORE_PUNCT = re.compile(r"(?<!\s)\s+(?=[,.;:!?])")

_PIC_LINK = re.compile(r"\bpic\.twitter\.com/\S+|\bhttps?://t\.co/\S+")
_THREAD_NUMBER = re.compile(r"^\s*\d{1,2}/(?:\d{1,2})?\s+")
# Trailing "@a via @b" credits, matched on the reversed text from its start: one anchored attempt
# (searching the text for "(?:\s*(?:via\s+)?@\w{1,30})+\s*$" retries from every space).
_TRAILING_HANDLES_REVERSED = re.compile(r"(?<!\s)\s*(?:\w{1,30}@(?:\s+aiv(?!@))?\s*)+", re.IGNORECASE)
_LINK_HINT = re.compile(r"\[[^\[\]]*\]\(")
_MARKDOWN_HINT = re.compile(r"\*\*[^*]+\*\*|^\s{0,3}#{1,6}\s|^[^\S\n]*>\s", re.MULTILINE)


def has_markdown(text: str) -> bool:
    """Return True when `text` carries markdown syntax (links, bold, headings or quotes)."""
    link = _LINK_HINT.search(text)
    if link is not None and ")" in text[link.end() :]:
        return True
    return _MARKDOWN_HINT.search(text) is not None


def strip_inline(line: str) -> str:
    """Return `line` as plain text: images dropped, links as their text, emphasis and markers removed."""
    line = _IMAGE.sub("", line)
    line = LINK.sub(lambda m: m.group(1), line)
    line = _REFERENCE_LINK.sub(lambda m: m.group(1), line)
    line = _AUTOLINK.sub(lambda m: m.group(1), line)
    line = _drop_closing_hashes(_HEADING.sub("", line))
    line = _QUOTE.sub("", line)
    line = _BULLET.sub("", line)
    # Escaped markers (\*) are literal: park them in the private-use area while markers are removed.
    line = _ESCAPE.sub(lambda m: chr(_PARKED + ord(m.group(1))), line)
    line = _STARS.sub("", line)
    line = _UNDERSCORE_RUN.sub(_emphasis_underscores, line)
    line = _CODE_TICKS.sub("", line)
    line = _PARKED_CHAR.sub(lambda m: chr(ord(m.group(0)) - _PARKED), line)
    line = _PIC_LINK.sub("", line)
    line = _SPACES.sub(" ", line).strip()
    return _SPACE_BEFORE_PUNCT.sub("", line)


def strip_post_artefacts(text: str) -> str:
    """Return a post's text without its thread number ("1/ ") and trailing credit handles."""
    text = _THREAD_NUMBER.sub("", text)
    text = _PIC_LINK.sub("", text)
    credits = _TRAILING_HANDLES_REVERSED.match(text[::-1])
    if credits is not None:
        text = text[: len(text) - credits.end()]
    return _SPACES.sub(" ", text).strip()


def _drop_closing_hashes(line: str) -> str:
    """Return `line` without a heading's closing hashes ("Title ##"); hashes glued to a word stay."""
    body = line.rstrip()
    trimmed = body.rstrip("#")
    if trimmed != body and trimmed and trimmed[-1].isspace():
        return trimmed.rstrip()
    return line


def _emphasis_underscores(run: re.Match[str]) -> str:
    r"""Return "" for a run of underscores that marks emphasis (at a word's edge), else the run itself.

    The same decisions as the pattern `(?<![\w@])_+(?=\S)|(?<=\S)_+(?!\w)`, made once per run.
    """
    text, start, end = run.string, run.start(), run.end()
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    if before and (before == "@" or _WORD_CHAR.match(before)):
        return run.group() if after and _WORD_CHAR.match(after) else ""  # snake_case keeps its "_"
    if (after and not after.isspace()) or end - start > 1 or (before and not before.isspace()):
        return ""
    return run.group()
