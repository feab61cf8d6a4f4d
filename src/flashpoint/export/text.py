"""Stored events as text for a terminal: the events table, one event's nested fields, clipped cells.

The CLI prints these (`flashpoint events`, `show`, `stats`); they sit beside the CSV, JSON and GeoJSON
writers so every rendering of a stored event lives in one package.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from flashpoint.store.results import StoredClaim, StoredEvent

__all__ = ["claimant_label", "clip", "events_table", "nested_text", "report_places"]

TABLE_HEADERS = ("id", "date", "type", "actor", "recipient", "place", "claimed by", "sentence")


def clip(text: str | None, width: int) -> str:
    """Return `text` on one line, cut to `width` characters with an ellipsis when longer."""
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def claimant_label(claims: Iterable[StoredClaim]) -> str:
    """Return who claims an event and how firmly: "claimant (stance)", the author's own voice as the bare
    stance; "-" when nobody does."""
    labels = (f"{c.claimant} ({c.stance or '?'})" if c.claimant else str(c.stance or "") for c in claims)
    return ", ".join(dict.fromkeys(label for label in labels if label)) or "-"


def events_table(events: Sequence[StoredEvent], claimants: Mapping[str, str] | None = None) -> str:
    """Return the events as an aligned text table; `claimants` gives the "claimed by" cell by event id."""
    if not events:
        return "no events\n"
    claimants = claimants or {}
    lines = []
    for event in events:
        d = event.as_dict()
        status = "" if d.get("happened", True) else " (not happened)"
        lines.append(
            (
                d["id"],
                d.get("date") or "-",
                f"{d['type']}{status}",
                _actor_label(d, "actor"),
                _actor_label(d, "recipient"),
                _place_label(d),
                clip(claimants.get(d["id"], "-"), 30),
                clip(d.get("sentence") or "", 70),
            )
        )
    widths = [max(len(str(x)) for x in col) for col in zip(TABLE_HEADERS, *lines, strict=False)]
    widths[-1] = min(widths[-1], 70)
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    out = [fmt.format(*TABLE_HEADERS), fmt.format(*("-" * w for w in widths))]
    out += [fmt.format(*(str(x) for x in line)) for line in lines]
    return "\n".join(out) + "\n"


def _actor_label(d: Mapping[str, Any], key: str) -> str:
    code = f"{d.get(f'{key}_country') or ''}{d.get(f'{key}_sector') or ''}"
    text = d.get(f"{key}_text")
    if not code and not text:
        return "-"
    return f"{code or '?'} ({clip(text, 24)})" if text else code


def _place_label(d: Mapping[str, Any]) -> str:
    name = d.get("place_name") or d.get("place_surface")
    if not name:
        return "-"
    precision = d.get("place_precision")
    return f"{name} p{precision}" if precision else str(name)


def report_places(data: Mapping[str, Any]) -> str:
    """Return one line per report of an event's `as_dict()`: its own place, outlet, claimants and stance."""
    lines = [f"reports by place: ({len(data['reports'])})"]
    for report in data["reports"]:
        place = report.get("place_name") or report.get("place_surface") or "no place"
        outlet = report.get("publisher") or report.get("origin") or "unknown outlet"
        claimants = ", ".join(
            dict.fromkeys(c.get("claimant") or c.get("channel") or "the author" for c in report["claims"])
        )
        lines.append(f"  - {place} · {outlet} · {claimants or 'the author'} · {report.get('stance') or '-'}")
    return "\n".join(lines)


def nested_text(data: Mapping[str, Any], indent: str = "") -> str:
    """Return a nested dict as indented `key: value` lines, lists as `- ` items, empty values left out."""
    lines: list[str] = []
    for key, value in data.items():
        if isinstance(value, dict):
            lines.append(f"{indent}{key}:")
            lines.append(nested_text(value, indent + "  "))
        elif isinstance(value, list | tuple):
            if not value:
                continue
            lines.append(f"{indent}{key}: ({len(value)})")
            for item in value:
                if isinstance(item, dict):
                    block = nested_text(item, indent + "    ")
                    lines.append(indent + "  - " + block.lstrip())
                else:
                    lines.append(f"{indent}  - {clip(str(item), 200)}")
        elif value not in (None, ""):
            text = " ".join(str(value).split())
            lines.append(f"{indent}{key}: {text}")
    return "\n".join(line for line in lines if line)
