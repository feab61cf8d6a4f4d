"""Site chrome: the lines around an article that are not the article (disclaimers, calls to action)."""

from __future__ import annotations

import re

__all__ = ["TAXONOMY", "is_chrome"]

TAXONOMY = re.compile(
    r"^(?:regions?|themes?|in-depth reports?|tags?|topics?|categor(?:y|ies)|filed under|keywords|"
    r"articles by|related(?: articles| stories)?|see also)\s*:",
    re.IGNORECASE,
)
# Site chrome recognised at any length.
_CHROME = re.compile(
    r"^(?:disclaimer\b|comment on .{0,80}\bpage\b|become a (?:member|patron|subscriber)\b|copyright\b|©|"
    r"\(c\) \d{4}|for media inquiries|all images in this article|featured image\b)"
    r"|contains copyrighted material|all rights reserved",
    re.IGNORECASE,
)
# Calls to action, recognised only on short lines so that a sentence starting "Support for…" survives.
_SHORT_CHROME = re.compile(
    r"^(?:subscribe|sign up|follow us|share this|share on|click here|read more|donate|support (?:us|our)|"
    r"join us|visit our|listen to|watch:)",
    re.IGNORECASE,
)
_SHORT_CHROME_WORDS = 14
_WORD = re.compile(r"\w")


def is_chrome(plain: str) -> bool:
    """Return True when a plain-text line is site chrome or taxonomy rather than article text."""
    if not _WORD.search(plain):
        return True
    if TAXONOMY.match(plain) or _CHROME.search(plain):
        return True
    return len(plain.split()) <= _SHORT_CHROME_WORDS and _SHORT_CHROME.match(plain) is not None
