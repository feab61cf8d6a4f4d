"""Nested place names: "X (Y)", "X, Y", "X (Y, Z)" — a place followed by the areas that hold it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from flashpoint.geo.context import haversine_km
from flashpoint.geo.gazetteer import AREA_CODES, Gazetteer
from flashpoint.geo.names import name_key
from flashpoint.geo.recognise import Span
from flashpoint.records import Place

__all__ = ["area_key", "holders", "holds", "seat_of"]

# A word naming the kind of place may stand between a name and its holder ("Dholpur district (Rajasthan)").
_KIND = (
    r"(?:\s+(?:district|township|town|city|village|municipality|county|province|state|region|governorate|"
    r"department|area|sub-county|subdistrict|tehsil|commune|locality|neighbou?rhood))?"
)
# What joins a name to the first area that holds it: "X (Y", "X, Y", "X district (Y".
_OPENS = re.compile(_KIND + r"\s*[,(]\s*", re.IGNORECASE)
# What joins one holding area to the next, larger one: "Y, Z" inside the brackets.
_NEXT = re.compile(_KIND + r"\s*,\s*", re.IGNORECASE)
# Words an area's name carries or drops at will ("Donetsk Oblast", "Hajjah Governorate", "Kharkiv region").
_AREA_WORDS = frozenset(
    {"oblast", "province", "governorate", "region", "state", "district", "county", "department",
     "prefecture", "municipality", "raion", "rayon", "division", "territory", "muhafazat", "of", "the",
     "departamento", "de", "provincia", "estado"}
)  # fmt: skip
# A town further than this from the point of a state or province it is said to lie in is another town.
AREA_KM = 250.0
# A town said to lie in another town (a district named after its seat) lies this close to it.
TOWN_KM = 60.0


def area_key(name: str) -> str:
    """Return an area's name key without the words naming its kind ("Donetsk Oblast" → "donetsk")."""
    words = [w for w in name_key(name).split() if w not in _AREA_WORDS]
    return " ".join(words) or name_key(name)


def holders(text: str, spans: Sequence[Span]) -> dict[int, list[int]]:
    """Return, for each span index, the indices of the spans right after it that name areas holding it.

    "in Soledar, Donetsk" → {Soledar: [Donetsk]}; "in Opira (Oicha, Beni, Nord-Kivu)" → {Opira: [Oicha,
    Beni, Nord-Kivu]}. Only spans of one sentence joined by a comma or an opening bracket count.
    """
    out: dict[int, list[int]] = {}
    for i in range(len(spans) - 1):
        head, first = spans[i], spans[i + 1]
        if first.sentence != head.sentence or not _OPENS.fullmatch(text[head.end : first.start]):
            continue
        chain = [i + 1]
        for j in range(i + 2, len(spans)):
            previous = spans[chain[-1]]
            if spans[j].sentence != head.sentence or not _NEXT.fullmatch(text[previous.end : spans[j].start]):
                break
            chain.append(j)
        out[i] = chain
    return out


def holds(area: Place, surface: str, place: Place) -> int:
    """Return how surely `area` (a candidate for the name `surface`) holds `place`: 0 not, 1, 2 surely.

    A state or province holds for sure the towns whose first-level division bears its name, and may hold
    those near its point; a country holds its towns; a town may hold the places close to it (a district
    named after its seat).
    """
    code = area.feature_code or ""
    inner = place.feature_code or ""
    if place.country is None or area.country != place.country or area is place:
        return 0
    if inner in AREA_CODES or inner.startswith("PCL"):
        return 0  # a state or a country is held by nothing named after it
    if place.admin1 and area_key(place.admin1) in {area_key(area.name), area_key(surface)}:
        return 2
    if code.startswith("PCL"):
        return 2
    limit = AREA_KM if code in AREA_CODES or area.feature_class == "A" else TOWN_KM
    return int(haversine_km(area, place) <= limit)


def seat_of(area: Place, gazetteer: Gazetteer) -> Place | None:
    """Return the town an area is named after, inside it ("Kharkiv Oblast" → Kharkiv), or None.

    A region or district named for its seat is placed at that town: the usual point for an event known
    only to the region ("in Hajjah governorate"), and what a bare name most often means ("in Kaluga").
    """
    if area.feature_class != "A" or (area.feature_code or "").startswith("PCL") or area.country is None:
        return None
    towns = [
        k.place
        for k in gazetteer.candidates(area_key(area.name))
        if k.match <= 1
        and k.place.feature_class == "P"
        and holds(area, area.name, k.place)
        and not _other_state(area, k.place)
    ]
    return max(towns, key=lambda p: p.population, default=None)


def _other_state(area: Place, town: Place) -> bool:
    """Return True when a county or district lies in another state or province than the town.

    A second-level area is named after a town of its own state ("Tippecanoe County" is not Tipp City, in
    the next state), however near its point the other town lies.
    """
    if (area.feature_code or "") == "ADM1" or not area.admin1 or not town.admin1:
        return False
    return area_key(area.admin1) != area_key(town.admin1)
