"""bench/yardstick.py: the half split, the scorers' figures, the check-half gate, and the clean skip."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from flashpoint.errors import ConfigError
from flashpoint.evaluate.gate import load_gates

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def yardstick() -> ModuleType:
    spec = importlib.util.spec_from_file_location("yardstick", ROOT / "bench" / "yardstick.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["yardstick"] = module
    spec.loader.exec_module(module)
    return module


def test_nested_tables_are_gates_with_dotted_names(tmp_path: Path) -> None:
    path = tmp_path / "gates.toml"
    path.write_text('[dev]\n"f1" = 0.5\n\n[check.set_a]\n"f1" = 0.6\n"x.y" = 0.1\n')
    assert load_gates(path) == {"dev": {"f1": 0.5}, "check.set_a": {"f1": 0.6, "x.y": 0.1}}


def test_a_floor_that_is_not_a_number_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "gates.toml"
    path.write_text('[check.set_a]\n"f1" = "high"\n')
    with pytest.raises(ConfigError, match="must be a number"):
        load_gates(path)


def test_the_repository_gates_have_check_tables_for_every_set(yardstick: ModuleType) -> None:
    gates = load_gates(ROOT / "eval_gates.toml")
    for name in yardstick.SETS:
        assert gates.get(f"check.{name}"), f"no [check.{name}] floors"
        shown = {key for key, _ in yardstick.SHOWN[name]}
        assert set(gates[f"check.{name}"]) <= shown, name


def test_event_figures_read_the_scorer_result(yardstick: ModuleType) -> None:
    result = {
        "n_gold_docs": 4,
        "n_gold_events": 5,
        "n_pred_events_on_gold_docs": 8,
        "plover": {"micro": {"f1": 0.5}, "macro_f1": 0.25},
        "actor": {"country_acc": 0.75, "sector_acc": None},
        "acled_event_type": None,
        "location": {"within_25km": 0.4},
    }
    figures = yardstick.event_figures(result)
    assert figures["micro_f1"] == 0.5
    assert figures["macro_f1"] == 0.25
    assert figures["actor_country"] == 0.75
    assert figures["event_type"] is None
    assert figures["events_per_gold_event"] == 1.6
    assert figures["place_25km"] == 0.4


def test_claim_figures_read_the_scorer_result(yardstick: ModuleType) -> None:
    result = {
        "events": {"precision": 0.8, "recall": 0.4},
        "stance": {"accuracy": 0.7, "macro_f1": 0.6, "end_to_end_accuracy": 0.3},
        "claimant": {"null_agree": 0.9, "named_match": 0.5},
        "channel": {"null_agree": 0.2, "named_match": 0.1},
        "empty_records_clean": 0.85,
    }
    figures = yardstick.claim_figures(result)
    assert (figures["event_precision"], figures["event_recall"]) == (0.8, 0.4)
    assert (figures["stance_accuracy"], figures["stance_macro_f1"], figures["stance_end_to_end"]) == (
        0.7,
        0.6,
        0.3,
    )
    assert (figures["claimant_named"], figures["claimant_null"], figures["channel_named"]) == (0.5, 0.9, 0.1)
    assert figures["empty_clean"] == 0.85


def test_half_ids_take_a_fixed_prefix(
    yardstick: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "s.tune.ids").write_text("a\nb\nc\n")
    (tmp_path / "s.check.ids").write_text("d\ne\n")
    monkeypatch.setattr(yardstick, "SPLITS", tmp_path)
    assert yardstick.half_ids("s") == {"tune": ["a", "b", "c"], "check": ["d", "e"]}
    assert yardstick.half_ids("s", 2, ("check",)) == {"check": ["d", "e"]}
    assert yardstick.half_ids("s", 1) == {"tune": ["a"], "check": ["d"]}


def test_gate_fails_below_a_check_floor(
    yardstick: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "gates.toml"
    path.write_text('[check.plover_dev]\n"micro_f1" = 0.8\n')
    monkeypatch.setenv("FLASHPOINT_GATES", str(path))
    passing = {"plover_dev": {"tune": {"micro_f1": 0.1}, "check": {"micro_f1": 0.81}}}
    assert yardstick.gate(passing) == []
    failing = {"plover_dev": {"tune": {"micro_f1": 0.9}, "check": {"micro_f1": 0.79}}}
    assert yardstick.gate(failing) == ["check.plover_dev: micro_f1: 0.790 is below the floor 0.800"]


def test_skips_cleanly_without_the_shared_data(
    yardstick: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(yardstick, "SHARED", tmp_path / "absent")
    assert yardstick.main(["--gate"]) == 0
    assert "skipped" in capsys.readouterr().out


def test_actor_halves_are_scored_separately(
    yardstick: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shared = tmp_path / "shared"
    (shared / "eval").mkdir(parents=True)
    (shared / "data" / "gold" / "actors").mkdir(parents=True)
    rows = [
        {"id": "t1", "text": "French soldiers", "country": "FRA", "sector": "MIL"},
        {"id": "c1", "text": "French soldiers", "country": "DEU", "sector": "MIL"},
        {"id": "c2", "text": "the Kenyan police", "country": "KEN", "sector": None},
    ]
    (shared / "data" / "gold" / "actors" / "actors_dev.jsonl").write_text(
        "\n".join(json.dumps(r) for r in rows)
    )
    splits = tmp_path / "splits"
    splits.mkdir()
    (splits / "actors_dev.tune.ids").write_text("t1\n")
    (splits / "actors_dev.check.ids").write_text("c1\nc2\n")
    monkeypatch.setattr(yardstick, "SHARED", shared)
    monkeypatch.setattr(yardstick, "SPLITS", splits)
    assert yardstick.main(["--sets", "actors_dev", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)["actors_dev"]
    assert figures["tune"] == {"records": 1, "country_accuracy": 1.0, "sector_accuracy": 1.0}
    assert figures["check"]["records"] == 2
    assert figures["check"]["country_accuracy"] == 0.5


def test_a_missing_id_list_is_a_clear_error(
    yardstick: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(yardstick, "SPLITS", tmp_path)
    with pytest.raises(SystemExit, match="no id list"):
        yardstick.half_ids("plover_dev")
