"""Event clusters: which stored event (cluster) a new report of a happening joins, and what a cluster says.

A report joins an existing cluster when all of these agree with the cluster's first report (the row in
`events`, whose id the cluster keeps for good):

- type family: the same `family()` (today every PLOVER type is its own family);
- happened: both state the event as having happened, or neither does;
- dyad: the actor countries are equal when both are coded, and so are the sectors when both are coded;
  the same for the recipients (an uncoded side is compatible with anything);
- place: both placed within `ClusterRules.km` of each other; a report without coordinates only joins a
  cluster without coordinates and vice versa, and then only when both actors are coded and equal;
- date: the clustering dates (the event's date, else its document's publication date) are within
  `ClusterRules.days` of each other, or both unknown;
- anchor: at least one coded country (actor or recipient) is shared, or both are placed;
- uncoded: when either report has no coded country on either side ("an attack hit the market"), only the
  same gazetteer place and dates at most `UNCODED_DAYS` apart will do: such reports are too vague for the
  wider radius and window.

Among several matching clusters the nearest in date, then in distance, then the smallest id wins, so the
outcome depends only on what is stored and the order documents arrive in.

This module only compares rows: the store selects the candidates and writes the outcome
(`flashpoint.store.corroboration`), and a backfill replays the same choice (`flashpoint.batch.clusters`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from flashpoint.geo.distance import great_circle_km as haversine_km
from flashpoint.records import Claim
from flashpoint.settings import Settings

__all__ = [
    "STANCE_ORDER",
    "ClusterRules",
    "choose_cluster",
    "compatible",
    "family",
    "report_stance",
    "strongest",
]

# Strongest first.  What the author asserts outranks what a named party is reported to have said, then a
# perpetrator's own claim, then an allegation; a threat or announced future act says less about what
# happened, a hypothetical less still, a negation ("did not fire") less again, and a denial least.
STANCE_ORDER: tuple[str, ...] = (
    "asserted",
    "reported",
    "claimed_responsibility",
    "alleged",
    "threatened",
    "future",
    "hypothetical",
    "negated",
    "denied",
)

_FAMILIES: dict[str, str] = {}  # a type missing here is its own family
UNCODED_DAYS = 1


@dataclass(frozen=True, slots=True)
class ClusterRules:
    """How close two reports must be to count as the same happening."""

    km: float = 50.0
    days: int = 3

    @classmethod
    def from_settings(cls, settings: Settings) -> ClusterRules:
        """Return the rules from a Settings (`cluster_km`, `cluster_days`)."""
        return cls(km=float(settings.cluster_km), days=int(settings.cluster_days))


def family(event_type: str) -> str:
    """Return the type family that clustering compares (a PLOVER type is its own family)."""
    return _FAMILIES.get(event_type, event_type)


def strongest(stances: Iterable[str | None]) -> str | None:
    """Return the strongest of `stances` by STANCE_ORDER (unknown values rank last); None when empty."""
    known = [s for s in stances if s]
    if not known:
        return None
    return min(known, key=lambda s: STANCE_ORDER.index(s) if s in STANCE_ORDER else len(STANCE_ORDER))


def report_stance(claims: Iterable[Claim]) -> str:
    """Return a report's stance: the strongest of its claims, "asserted" (by the author) when it has none."""
    return strongest(c.stance for c in claims) or "asserted"


def _side(c1: str | None, s1: str | None, c2: str | None, s2: str | None) -> bool:
    if c1 and c2 and c1 != c2:
        return False
    return not (s1 and s2 and s1 != s2)


def compatible(a: Mapping[Any, Any], b: Mapping[Any, Any], rules: ClusterRules) -> bool:
    """Return True when two event rows (the `events` columns) may be reports of the same happening."""
    if family(a["type"]) != family(b["type"]) or bool(a["happened"]) != bool(b["happened"]):
        return False
    if not _side(a["actor_country"], a["actor_sector"], b["actor_country"], b["actor_sector"]):
        return False
    if not _side(
        a["recipient_country"], a["recipient_sector"], b["recipient_country"], b["recipient_sector"]
    ):
        return False
    da, db = a["cluster_date"], b["cluster_date"]
    if (da is None) != (db is None):
        return False
    if da is not None and db is not None and abs((da - db).days) > rules.days:
        return False
    if not _coded(a) or not _coded(b):
        if a["place_id"] is None or a["place_id"] != b["place_id"]:
            return False
        if da is not None and db is not None and abs((da - db).days) > UNCODED_DAYS:
            return False
    placed_a = a["lat"] is not None and a["lon"] is not None
    placed_b = b["lat"] is not None and b["lon"] is not None
    if placed_a and placed_b:
        return haversine_km(a["lat"], a["lon"], b["lat"], b["lon"]) <= rules.km
    # neither placed (one placed and one not never match): the initiating actors must be coded and equal
    return placed_a == placed_b and bool(a["actor_country"]) and a["actor_country"] == b["actor_country"]


def _coded(row: Mapping[Any, Any]) -> bool:
    return bool(row["actor_country"] or row["recipient_country"])


def _distance(a: Mapping[Any, Any], b: Mapping[Any, Any]) -> float:
    if None in (a["lat"], a["lon"], b["lat"], b["lon"]):
        return 0.0
    return haversine_km(a["lat"], a["lon"], b["lat"], b["lon"])


def _shares_country(a: Mapping[Any, Any], b: Mapping[Any, Any]) -> bool:
    known = {a["actor_country"], a["recipient_country"]} - {None}
    return bool(known & {b["actor_country"], b["recipient_country"]})


def choose_cluster(
    row: Mapping[Any, Any], candidates: Iterable[Mapping[Any, Any]], rules: ClusterRules
) -> str | None:
    """Return the id of the candidate cluster the event row joins (None: it starts a new one).

    Candidates are clusters of the row's type within the date window; the compatible one nearest in days,
    then in distance, then by id wins. One without a place on either side must share a country.
    """
    day: dt.date | None = row["cluster_date"]
    best: tuple[int, float, str] | None = None
    for candidate in candidates:
        if not compatible(row, candidate, rules):
            continue
        placed = row["lat"] is not None and candidate["lat"] is not None
        if not (placed or _shares_country(row, candidate)):
            continue
        gap = abs((day - candidate["cluster_date"]).days) if day is not None else 0
        key = (gap, _distance(row, candidate), str(candidate["id"]))
        if best is None or key < best:
            best = key
    return None if best is None else best[2]
