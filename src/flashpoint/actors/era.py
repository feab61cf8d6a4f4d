"""The era of an undated text: when the office holders it names with their titles were all in office.

A report that calls someone "Foreign Minister X" was written while X held that office. People are coded by
the office they hold on the document's date, and a text without one would otherwise be read as of today:
"Arafat said" in a 1990s wire story is the Palestinian leader (GOV), not the late one (ELI).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence

from flashpoint.actors.entries import Role
from flashpoint.actors.resolver import ActorResolver
from flashpoint.actors.text import tokenize

__all__ = ["era"]

# Words before a title that say the office is no longer held ("former President X", "the late King Y").
_PAST = frozenset({"former", "ex", "retired", "ousted", "deposed", "late", "exiled", "onetime", "erstwhile"})
# Title words that name an office of any sector ("Chairman X"), as the dictionary's NONE titles do.
_OFFICE_KINDS = frozenset({"title", "sector", "organisation"})
# A surname shared by several office holders is evidence only when its matching offices span few years.
_SURNAME_SPAN = dt.timedelta(days=12 * 366)


def era(text: str, resolver: ActorResolver, *, today: dt.date | None = None) -> dt.date | None:
    """Return a date when every titled office holder in `text` held the office the title names, or None.

    None when the text names no such person, when their offices never overlap, or when they overlap today
    (a current text needs no other date). The date is the middle of the shared period.
    """
    return _era(text, resolver, today or dt.date.today())


# The actor stage and the event coder both ask, a batch of 64 documents apart: one scan per document.
@functools.lru_cache(maxsize=128)
def _era(text: str, resolver: ActorResolver, today: dt.date) -> dt.date | None:
    tokens = tokenize(text)
    hits = resolver.scan(tokens)
    shared: list[tuple[dt.date, dt.date]] | None = None  # the periods when all of them held office
    for k, hit in enumerate(hits):
        if hit.entry.kind != "person" or not hit.entry.roles or k == 0:
            continue
        title = hits[k - 1]
        if title.last != hit.first or title.entry.kind not in _OFFICE_KINDS:
            continue  # "Ruiz" alone, or "Ruiz, the minister": no title written with the name
        if any(t.key in _PAST for t in tokens[max(0, title.first - 2) : title.first]):
            continue
        periods = [
            (r.start or dt.date.min, r.end or today) for r in _offices(hit.entry.roles, title.entry.sector)
        ]
        if not periods:
            continue
        if hit.entry.partial and (
            min(p[0] for p in periods) == dt.date.min
            or max(p[1] for p in periods) - min(p[0] for p in periods) > _SURNAME_SPAN
        ):
            continue  # "President Bush": which one the title does not say
        if shared is None:
            shared = periods
        else:
            shared = [(max(a, c), min(b, d)) for a, b in shared for c, d in periods if max(a, c) < min(b, d)]
    if not shared:
        return None
    start, end = max(shared, key=lambda p: p[1])  # the latest shared period
    if end >= today or start == dt.date.min:
        return None
    return start + (end - start) / 2


def _offices(roles: Sequence[Role], sector: str | None) -> list[Role]:
    """Return the roles a title of `sector` names (any role for a title of no sector: "Chairman X")."""
    if sector is None:
        return list(roles)
    return [r for r in roles if r.sector == sector]
