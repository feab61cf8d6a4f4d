"""The gold gate: a score below a floor fails; a floor is only lowered on purpose."""

from __future__ import annotations

from pathlib import Path

import pytest

from flashpoint.errors import ConfigError
from flashpoint.evaluate.gate import check_gate, load_gates, update_gate_floors


@pytest.fixture()
def gates(tmp_path: Path) -> Path:
    path = tmp_path / "gates.toml"
    path.write_text('[dev]\n"micro_f1" = 0.700\n"actor.country_accuracy" = 0.850\n')
    return path


def test_check_gate_passes_and_fails(gates: Path) -> None:
    good = {"micro_f1": 0.72, "actor": {"country_accuracy": 0.9}}
    assert check_gate("dev", good, path=gates) == []
    bad = {"micro_f1": 0.65, "actor": {}}
    failures = check_gate("dev", bad, path=gates)
    assert any("micro_f1: 0.650 is below the floor 0.700" in f for f in failures)
    assert any("actor.country_accuracy: missing" in f for f in failures)


def test_check_gate_unknown_name(gates: Path) -> None:
    with pytest.raises(ConfigError, match="no gate 'other'"):
        check_gate("other", {}, path=gates)


def test_update_gate_raises_but_never_silently_lowers(gates: Path) -> None:
    update_gate_floors("dev", {"micro_f1": 0.7567, "actor": {"country_accuracy": 0.80}}, path=gates)
    floors = load_gates(gates)["dev"]
    assert floors == {"micro_f1": 0.756, "actor.country_accuracy": 0.85}
    update_gate_floors(
        "dev", {"micro_f1": 0.7, "actor": {"country_accuracy": 0.80}}, allow_lower=True, path=gates
    )
    assert load_gates(gates)["dev"] == {"micro_f1": 0.7, "actor.country_accuracy": 0.8}
