"""The gold gate: floors on evaluation scores, pinned in eval_gates.toml; lowering one takes a flag."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flashpoint.errors import ConfigError

__all__ = ["check_gate", "gates_path", "load_gates", "update_gate_floors"]


def gates_path() -> Path:
    """Return the gate file: $FLASHPOINT_GATES, else ./eval_gates.toml, else the repository's own."""
    if "FLASHPOINT_GATES" in os.environ:
        return Path(os.environ["FLASHPOINT_GATES"])
    here = Path.cwd() / "eval_gates.toml"
    if here.exists():
        return here
    return Path(__file__).resolve().parents[3] / "eval_gates.toml"


def load_gates(path: Path | None = None) -> dict[str, dict[str, float]]:
    """Return {gate name: {metric path: floor}} from the gate file.

    Nested tables are gates with dotted names: `[check.plover_dev]` is the gate "check.plover_dev".
    """
    path = path or gates_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read the gate file {path}: {exc}") from exc
    gates: dict[str, dict[str, float]] = {}
    _collect(data, "", gates, path)
    return gates


def _collect(table: Mapping[str, Any], prefix: str, gates: dict[str, dict[str, float]], path: Path) -> None:
    for name, value in table.items():
        if not isinstance(value, Mapping):
            raise ConfigError(f"{path}: {prefix + name!r} must be a table of floors")
        floors = {k: v for k, v in value.items() if not isinstance(v, Mapping)}
        for metric, floor in floors.items():
            if isinstance(floor, bool) or not isinstance(floor, int | float):
                raise ConfigError(f"{path}: [{prefix + name}] {metric!r} must be a number, not {floor!r}")
        if floors:
            gates[prefix + name] = {k: float(v) for k, v in floors.items()}
        nested = {k: v for k, v in value.items() if isinstance(v, Mapping)}
        _collect(nested, f"{prefix}{name}.", gates, path)


def _metric(scores: Mapping[str, Any], dotted: str) -> float | None:
    value: Any = scores
    for part in dotted.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    return float(value) if isinstance(value, int | float) else None


def check_gate(name: str, scores: Mapping[str, Any], *, path: Path | None = None) -> list[str]:
    """Return one line per floor not met (empty when the gate passes)."""
    gates = load_gates(path)
    if name not in gates:
        raise ConfigError(
            f"no gate {name!r} in {path or gates_path()}; known: {', '.join(sorted(gates)) or 'none'}"
        )
    failures = []
    for metric, floor in sorted(gates[name].items()):
        value = _metric(scores, metric)
        if value is None:
            failures.append(f"{metric}: missing from the scores (floor {floor:.3f})")
        elif value + 1e-9 < floor:
            failures.append(f"{metric}: {value:.3f} is below the floor {floor:.3f}")
    return failures


def update_gate_floors(
    name: str, scores: Mapping[str, Any], *, allow_lower: bool = False, path: Path | None = None
) -> list[str]:
    """Set the gate's floors to the scores (rounded down to 3 places); return what changed.

    A floor is only lowered with `allow_lower`: a regression must be a decision, not an accident.
    """
    path = path or gates_path()
    gates = load_gates(path)
    if name not in gates:
        raise ConfigError(f"no gate {name!r} in {path}: add its metric names there first")
    changes = []
    for metric, floor in sorted(gates[name].items()):
        value = _metric(scores, metric)
        if value is None:
            continue
        new = int(value * 1000) / 1000
        if new < floor and not allow_lower:
            changes.append(f"{metric}: kept {floor:.3f} (score {new:.3f} is lower; pass --allow-lower)")
            continue
        if new != floor:
            gates[name][metric] = new
            changes.append(f"{metric}: {floor:.3f} → {new:.3f}")
    _write(path, gates)
    return changes


def _write(path: Path, gates: dict[str, dict[str, float]]) -> None:
    lines = [
        "# Floors reached on the development gold sets (../shared/data/gold). `flashpoint eval … --gate NAME`",
        "# fails below a floor. Raise with --update-gate; lowering a floor also needs --allow-lower.",
    ]
    for name in sorted(gates):
        lines.append(f"\n[{name}]")
        lines += [f'"{metric}" = {floor:.3f}' for metric, floor in sorted(gates[name].items())]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
