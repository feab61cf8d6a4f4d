"""The document's focus: where names the gazetteer lacks most likely lie, and how the guess is marked."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from flashpoint.geo.context import haversine_km
from flashpoint.records import PlaceMention

__all__ = ["FACILITY_WORDS", "with_focus"]

# An unresolved name is placed at the town its document's other towns cluster around (within this distance).
FOCUS_KM = 100.0
INFERRED_SCORE = 0.5  # the share of such guesses within 161 km on the development corpora (0.52)
# A place named inside a longer name this far from a well-supported focus is the wrong guess for it.
PART_FAR_KM = 300.0
FACILITY_WORDS = frozenset(
    {"street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "drive", "square", "plaza",
     "church", "cathedral", "mosque", "temple", "hospital", "clinic", "school", "high", "elementary",
     "college", "university", "academy", "center", "centre", "hall", "park", "stadium", "arena", "court",
     "courthouse", "station", "bridge", "market", "mall", "hotel", "inn", "museum", "library", "prison",
     "jail", "embassy", "consulate", "tower", "building", "house", "office", "headquarters", "base",
     "camp", "checkpoint", "crossing", "port", "harbour", "harbor", "restaurant", "club", "theatre",
     "theater", "cemetery", "graveyard", "complex", "estate", "district", "quarter", "neighborhood",
     "neighbourhood", "campus", "field", "ground", "grounds", "garden", "gardens"}
)  # fmt: skip


def with_focus(mentions: list[PlaceMention], *, partial: Sequence[bool] = ()) -> list[PlaceMention]:
    """Return the mentions with each unresolved name placed at the document's focus, marked as inferred.

    A street, building or village the gazetteer lacks is most likely where the rest of the story is: the
    town most of the document's other towns cluster around. Its precision says how far that guess goes
    (2 for a street or building, which lies in that town; 3 for anything else) and its score is low.
    `partial` flags the mentions resolved through a place named inside them ("Douglas" in "Marjory
    Stoneman Douglas High School"): when that place lies far from a focus other towns agree on, the focus
    is the better guess too.
    """
    points = [m for m in mentions if m.place is not None and not m.demonym and m.precision == 1]
    if not points:
        return mentions
    support = [sum(haversine_km(m.place, o.place) <= FOCUS_KM for o in points) for m in points]  # type: ignore[arg-type]
    best = max(range(len(points)), key=lambda i: (support[i], points[i].score))
    focus = points[best].place
    assert focus is not None
    out: list[PlaceMention] = []
    for i, m in enumerate(mentions):
        guess = m.place is None or (
            i < len(partial)
            and partial[i]
            and support[best] >= 2
            and haversine_km(m.place, focus) > PART_FAR_KM
        )
        if guess:
            precision = 2 if _is_facility(m.surface) else 3
            m = replace(m, place=focus, precision=precision, score=INFERRED_SCORE, inferred=True)
        out.append(m)
    return out


def _is_facility(surface: str) -> bool:
    words = surface.lower().replace(".", " ").split()
    return len(words) > 1 and any(w in FACILITY_WORDS for w in words)
