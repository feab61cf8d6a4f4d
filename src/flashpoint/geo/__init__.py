"""Geo: the gazetteer, toponym recognition and resolution, and event placement."""

from __future__ import annotations

from flashpoint.geo.build import build_gazetteer
from flashpoint.geo.gazetteer import Gazetteer
from flashpoint.geo.index import GazetteerStats
from flashpoint.geo.resolve import haversine_km, precision_of
from flashpoint.geo.stage import GeoStage, PlaceLinkStage

__all__ = [
    "Gazetteer",
    "GazetteerStats",
    "GeoStage",
    "PlaceLinkStage",
    "build_gazetteer",
    "haversine_km",
    "precision_of",
]
