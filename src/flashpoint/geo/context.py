"""Document context: which countries a document is about and where its unambiguous places lie."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from flashpoint.geo.distance import great_circle_km
from flashpoint.geo.names import name_key
from flashpoint.records import Place

__all__ = ["DocumentContext", "haversine_km"]

# Votes cast by other names below this total say too little to judge a candidate against.
MIN_VOTES = 2.0
# Distances are judged on this scale (km) when telling whether a candidate sits among the others.
FIT_SCALE_KM = 500.0
AREA_SCALE_KM = 150.0


def haversine_km(a: Place, b: Place) -> float:
    """Return the great-circle distance between two places in kilometres."""
    return great_circle_km(a.lat, a.lon, b.lat, b.lon)


@dataclass(frozen=True, slots=True)
class DocumentContext:
    """Country votes by name, and anchor places (unambiguous towns and districts) by name.

    A name votes once however often it is repeated, for the country of its likeliest candidate; every
    judgement of a name leaves that name's own evidence out.
    """

    votes: tuple[tuple[str, str, float], ...] = ()  # (name, country, weight)
    anchors: tuple[tuple[str, Place], ...] = ()  # (name, place)
    areas: tuple[tuple[str, Place], ...] = ()  # (name, country or division): its centroid, for `fit` only
    # (name as written, country, name key) of each state or province the document names
    divisions: tuple[tuple[str, str | None, str], ...] = ()

    @classmethod
    def of(
        cls,
        weighted: Iterable[tuple[str, dict[str, float]]],
        anchors: Iterable[tuple[str, Place]],
        areas: Iterable[tuple[str, Place]] = (),
    ) -> DocumentContext:
        """Return the context from each name's country weights, anchor places and areas, names lower-cased."""
        seen: set[str] = set()
        votes: list[tuple[str, str, float]] = []
        for name, weights in weighted:
            key = name.lower()
            if key in seen:
                continue
            seen.add(key)
            votes.extend((key, country, w) for country, w in weights.items() if w > 0)
        lower = tuple((n.lower(), p) for n, p in anchors)
        areas = tuple((n.lower(), p) for n, p in areas)
        divisions = tuple(
            (n, p.country, key)
            for n, p in areas
            if p.feature_code == "ADM1"
            for key in {name_key(p.name), name_key(n)}
        )
        return cls(tuple(votes), lower, areas, divisions)

    def in_named_division(self, place: Place, *, excluding: str = "") -> bool:
        """Return True when `place` lies in a state or province the document names (by another name)."""
        if not place.admin1 or not self.divisions:
            return False
        key, own = name_key(place.admin1), excluding.lower()
        return any(c == place.country and k == key and n != own for n, c, k in self.divisions)

    def total(self, *, excluding: str = "") -> float:
        """Return the weight of the votes cast by names other than `excluding`."""
        key = excluding.lower()
        return sum(w for name, _, w in self.votes if name != key)

    def share(self, country: str | None, *, excluding: str = "") -> float:
        """Return the share of other names' votes that went to `country` (0 when nobody voted)."""
        total = self.total(excluding=excluding)
        if not total or not country:
            return 0.0
        key = excluding.lower()
        # A nationality word alone ("Russian forces shelled X") says who acts, not which X: weak votes are
        # shared out of at least one full vote.
        return sum(w for name, c, w in self.votes if c == country and name != key) / max(total, 1.0)

    def main_countries(self, *, minimum_share: float, limit: int = 3) -> list[str]:
        """Return up to `limit` countries holding at least `minimum_share` of all votes, largest first."""
        total = self.total()
        if not total:
            return []
        by_country: dict[str, float] = {}
        for _, country, w in self.votes:
            by_country[country] = by_country.get(country, 0.0) + w
        ranked = sorted(by_country, key=lambda c: -by_country[c])
        return [c for c in ranked[:limit] if by_country[c] / total >= minimum_share]

    def nearest_km(self, place: Place, *, excluding: str = "") -> float:
        """Return the distance to the nearest anchor named otherwise than `excluding` (inf when none)."""
        key = excluding.lower()
        return min((haversine_km(place, p) for n, p in self.anchors if n != key), default=math.inf)

    def fit(self, place: Place, *, excluding: str = "") -> float:
        """Return how well `place` sits in the document, in [0, 1]: 1 when there is too little to judge.

        The largest of its country's share of the other names' votes, a decay with the distance to the
        nearest other anchor place, and a steeper one with the distance to the centre of a country or
        division the document names (an island beside a named territory fits; a town in a neighbouring
        country, hundreds of kilometres from that country's centre, does not).
        """
        if self.total(excluding=excluding) < MIN_VOTES:
            return 1.0
        key = excluding.lower()
        near = math.exp(-self.nearest_km(place, excluding=excluding) / FIT_SCALE_KM)
        centre = min((haversine_km(place, p) for n, p in self.areas if n != key), default=math.inf)
        return max(self.share(place.country, excluding=excluding), near, math.exp(-centre / AREA_SCALE_KM))
