"""Inline SVG for briefs: a map of events and flashpoints over country outlines, and hostility bar charts.

Self-contained on purpose (no script, no link, no font): the SVG opens offline in any browser or mail
client.  Outlines are the Natural Earth 1:110m countries the web page bundles (`web/vendor/world-atlas`).
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Iterator, Sequence
from html import escape
from importlib.resources import files
from typing import Any

from flashpoint.alerts.escalation import Hostility

__all__ = ["hostility_svg", "map_svg"]

_QUAD_COLOURS = {1: "#2f9e44", 2: "#1971c2", 3: "#e8590c", 4: "#c92a2a"}


@functools.lru_cache(maxsize=1)
def _rings() -> tuple[tuple[tuple[float, float], ...], ...]:
    """Return every country ring of the bundled outlines as (lon, lat) points."""
    path = files("flashpoint") / "web" / "vendor" / "world-atlas" / "countries-110m.json"
    try:
        topology: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ()
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        decoded = []
        for dx, dy in arc:
            x += dx
            y += dy
            decoded.append((x * sx + tx, y * sy + ty))
        arcs.append(decoded)
    rings = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        kind = geometry.get("type")
        polygons = (
            [geometry["arcs"]] if kind == "Polygon" else geometry["arcs"] if kind == "MultiPolygon" else []
        )
        for polygon in polygons:
            for ring in polygon:
                points: list[tuple[float, float]] = []
                for index in ring:
                    arc = arcs[~index][::-1] if index < 0 else arcs[index]
                    points.extend(arc[1:] if points else arc)
                rings.append(tuple(points))
    return tuple(rings)


def _bounds(points: Sequence[tuple[float, float]]) -> tuple[float, float, float, float]:
    lons = [p[0] for p in points]
    lats = [p[1] for p in points]
    pad = max(1.0, 0.15 * max(max(lons) - min(lons), max(lats) - min(lats)))
    return min(lons) - pad, min(lats) - pad, max(lons) + pad, max(lats) + pad


def map_svg(
    events: Sequence[tuple[float, float, int | None, str]],
    flashpoints: Sequence[tuple[float, float, str]],
    *,
    width: int = 640,
    height: int = 420,
) -> str:
    """Return an SVG map: events as dots coloured by QuadClass, flashpoints as labelled rings.

    `events` are (lat, lon, quad_class, title), `flashpoints` (lat, lon, label).  An empty map says so.
    """
    points = [(lon, lat) for lat, lon, *_ in events] + [(lon, lat) for lat, lon, _ in flashpoints]
    if not points:
        return f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="40"><text x="4" y="24">No placed events.</text></svg>'
    west, south, east, north = _bounds(points)
    middle = math.radians((south + north) / 2)
    span_x = (east - west) * math.cos(middle)
    span_y = north - south
    scale = min(width / span_x, height / span_y)

    def xy(lon: float, lat: float) -> tuple[float, float]:
        return (lon - west) * math.cos(middle) * scale, (north - lat) * scale

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="Map of the brief\'s events">',
        f'<rect width="{width}" height="{height}" fill="#d0e3f0"/>',
    ]
    outlines = []
    for ring in _rings():
        lons = [p[0] for p in ring]
        lats = [p[1] for p in ring]
        if max(lons) < west or min(lons) > east or max(lats) < south or min(lats) > north:
            continue
        outlines.append(
            "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in (xy(lon, lat) for lon, lat in ring)) + "Z"
        )
    if outlines:
        parts.append(f'<path d="{"".join(outlines)}" fill="#f1efe6" stroke="#9a9a8e" stroke-width="0.6"/>')
    for lat, lon, quad, title in events:
        x, y = xy(lon, lat)
        colour = _QUAD_COLOURS.get(quad or 0, "#868e96")
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{colour}" fill-opacity="0.8" stroke="#fff">'
            f"<title>{escape(title)}</title></circle>"
        )
    for lat, lon, label in flashpoints:
        x, y = xy(lon, lat)
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="11" fill="none" stroke="#212529" stroke-width="2"/>'
        )
        parts.append(
            f'<text x="{x + 13:.1f}" y="{y + 4:.1f}" font-family="sans-serif" font-size="12" '
            f'fill="#212529">{escape(label)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _bars(series: Hostility, width: int, height: int) -> Iterator[str]:
    top = max([1.0, *(max(0.0, d.material) + max(0.0, d.verbal) for d in series.days)])
    step = width / max(1, len(series.days))
    for i, day in enumerate(series.days):
        material = max(0.0, day.material) / top * (height - 14)
        verbal = max(0.0, day.verbal) / top * (height - 14)
        base = height - 14
        label = (
            f"{day.day}: material {day.material:.1f}, verbal {day.verbal:.1f}, {len(day.event_ids)} events"
        )
        yield f"<g><title>{escape(label)}</title>"
        if material:
            yield f'<rect x="{i * step:.1f}" y="{base - material:.1f}" width="{max(1.0, step - 1):.1f}" height="{material:.1f}" fill="#c92a2a"/>'
        if verbal:
            yield f'<rect x="{i * step:.1f}" y="{base - material - verbal:.1f}" width="{max(1.0, step - 1):.1f}" height="{verbal:.1f}" fill="#e8590c"/>'
        yield "</g>"


def hostility_svg(series: Hostility, *, width: int = 420, height: int = 90) -> str:
    """Return a bar chart of daily hostility: material conflict (red) under verbal conflict (orange)."""
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="Hostility per day from {series.since} to {series.until}">'
    )
    axis = (
        f'<line x1="0" x2="{width}" y1="{height - 14}" y2="{height - 14}" stroke="#adb5bd"/>'
        f'<text x="0" y="{height - 2}" font-family="sans-serif" font-size="10" fill="#868e96">{series.since}</text>'
        f'<text x="{width}" y="{height - 2}" text-anchor="end" font-family="sans-serif" font-size="10" '
        f'fill="#868e96">{series.until}</text>'
    )
    return head + "".join(_bars(series, width, height)) + axis + "</svg>"
