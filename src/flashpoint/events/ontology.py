"""The event ontology: PLOVER types and modes, their CAMEO/QuadClass/Goldstein crosswalk, ACLED types.

The tables are facts kept as our own YAML files under `events/data/`; they are read once per process.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from flashpoint.errors import OntologyError

__all__ = [
    "PLOVER_TYPES",
    "QUAD_CLASSES",
    "CameoRoot",
    "Crosswalk",
    "acled_crosswalk",
    "acled_fits",
    "acled_types",
    "cameo_roots",
    "crosswalk",
    "modes",
]

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)

QUAD_CLASSES: dict[int, str] = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


@dataclass(frozen=True, slots=True)
class Crosswalk:
    """A PLOVER type (and mode) expressed in CAMEO root, QuadClass and Goldstein-style score."""

    plover: str
    mode: str | None
    cameo_root: str
    quad_class: int
    goldstein: float


@dataclass(frozen=True, slots=True)
class CameoRoot:
    code: str
    name: str
    goldstein: float
    quad_class: int


@dataclass(frozen=True, slots=True)
class _Mode:
    cameo_root: str
    goldstein: float
    acled: tuple[str, str] | None


@dataclass(frozen=True, slots=True)
class _Type:
    quad_class: int
    cameo_root: str
    goldstein: float
    acled: tuple[str, str] | None
    modes: dict[str, _Mode]
    aliases: dict[str, str]


def _read(name: str) -> dict[str, Any]:
    text = resources.files("flashpoint.events").joinpath("data", name).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise OntologyError(f"ontology file {name} is not a mapping")
    return data


def _pair(value: Any, where: str) -> tuple[str, str] | None:
    if value is None:
        return None
    if not (isinstance(value, list) and len(value) == 2):
        raise OntologyError(f"{where}: acled must be [event type, sub-event type], got {value!r}")
    return str(value[0]), str(value[1])


@functools.cache
def _plover() -> dict[str, _Type]:
    raw = _read("plover.yaml")["types"]
    table: dict[str, _Type] = {}
    for name, spec in raw.items():
        root = str(spec["cameo_root"])
        type_modes = {
            str(mode): _Mode(
                cameo_root=str((m or {}).get("cameo_root", root)),
                goldstein=float((m or {}).get("goldstein", spec["goldstein"])),
                acled=_pair((m or {}).get("acled"), f"{name}/{mode}") or _pair(spec.get("acled"), name),
            )
            for mode, m in (spec.get("modes") or {}).items()
        }
        table[str(name)] = _Type(
            quad_class=int(spec["quad_class"]),
            cameo_root=root,
            goldstein=float(spec["goldstein"]),
            acled=_pair(spec.get("acled"), name),
            modes=type_modes,
            aliases={str(k): str(v) for k, v in (spec.get("aliases") or {}).items()},
        )
    if tuple(table) != PLOVER_TYPES:
        raise OntologyError(f"plover.yaml lists {tuple(table)}, expected {PLOVER_TYPES}")
    return table


def _type(plover: str) -> _Type:
    table = _plover()
    try:
        return table[plover.upper()]
    except KeyError:
        raise OntologyError(
            f"unknown PLOVER event type {plover!r}; known: {', '.join(PLOVER_TYPES)}"
        ) from None


def _mode(plover: str, mode: str | None) -> tuple[str | None, _Mode | None]:
    spec = _type(plover)
    if not mode:
        return None, None
    key = spec.aliases.get(mode.lower(), mode.lower())
    if key not in spec.modes:
        known = ", ".join(spec.modes) or "none"
        raise OntologyError(f"unknown mode {mode!r} for PLOVER type {plover.upper()}; known: {known}")
    return key, spec.modes[key]


def modes(plover: str) -> tuple[str, ...]:
    """Return the modes a PLOVER type has (empty for types without modes)."""
    return tuple(_type(plover).modes)


def crosswalk(plover: str, mode: str | None = None) -> Crosswalk:
    """Return the CAMEO root, QuadClass and Goldstein-style score of a PLOVER type and optional mode.

    Raises OntologyError for a type or mode that is not in the ontology (mode aliases are accepted).
    """
    spec = _type(plover)
    key, found = _mode(plover, mode)
    return Crosswalk(
        plover=plover.upper(),
        mode=key,
        cameo_root=found.cameo_root if found else spec.cameo_root,
        quad_class=spec.quad_class,
        goldstein=found.goldstein if found else spec.goldstein,
    )


def acled_crosswalk(plover: str, mode: str | None = None) -> tuple[str, str] | None:
    """Return the (ACLED event type, sub-event type) a PLOVER type and mode alone imply, if any."""
    spec = _type(plover)
    _, found = _mode(plover, mode)
    return found.acled if found else spec.acled


@functools.cache
def acled_types() -> dict[str, tuple[str, ...]]:
    """Return ACLED's event types, each with its sub-event types."""
    raw = _read("acled.yaml")["event_types"]
    return {str(k): tuple(str(s) for s in v) for k, v in raw.items()}


@functools.cache
def _acled_fits() -> dict[str, dict[str, frozenset[str]]]:
    raw = _read("acled.yaml").get("plover_fits") or {}
    types = acled_types()
    fits: dict[str, dict[str, frozenset[str]]] = {}
    for plover, allowed in raw.items():
        _type(str(plover))  # an unknown PLOVER type is an error in the table
        fits[str(plover)] = {}
        for event_type, subs in allowed.items():
            if event_type not in types:
                raise OntologyError(
                    f"acled.yaml: plover_fits.{plover} names no ACLED event type {event_type!r}"
                )
            chosen = frozenset(types[event_type]) if subs == "all" else frozenset(str(s) for s in subs)
            unknown = chosen - set(types[event_type])
            if unknown:
                raise OntologyError(
                    f"acled.yaml: plover_fits.{plover}: {sorted(unknown)} not under {event_type!r}"
                )
            fits[str(plover)][str(event_type)] = chosen
    return fits


def acled_fits(plover: str, event_type: str, sub_type: str | None) -> bool:
    """Return whether an event of the PLOVER type can carry that ACLED coding (`plover_fits` in acled.yaml)."""
    allowed = _acled_fits().get(plover.upper())
    if allowed is None:
        return True
    subs = allowed.get(event_type)
    return subs is not None and (sub_type is None or sub_type in subs)


@functools.cache
def cameo_roots() -> dict[str, CameoRoot]:
    """Return the CAMEO root codes ("01"…"20") with their names and root scores."""
    raw = _read("cameo.yaml")["roots"]
    return {
        str(code): CameoRoot(
            code=str(code),
            name=str(spec["name"]),
            goldstein=float(spec["goldstein"]),
            quad_class=int(spec["quad_class"]),
        )
        for code, spec in raw.items()
    }
