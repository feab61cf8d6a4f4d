"""The geo scorer on a tiny gold file of our own (EUPEG matching rule)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flashpoint.evaluate.geo import match_toponyms, score_file
from flashpoint.geo import build_gazetteer
from flashpoint.records import PlaceMention
from flashpoint.settings import Settings

TEXT_A = "Talks in Ankara ended early and the envoys flew to Paris."
TEXT_B = "Farmers near Lyon sold their crops to buyers from Turkey and from Zorblatt."


def _topo(text: str, surface: str, lat: float | None, lon: float | None) -> dict[str, object]:
    start = text.index(surface)
    return {"start": start, "end": start + len(surface), "surface": surface, "lat": lat, "lon": lon}


@pytest.fixture(scope="module")
def gold(tmp_path_factory: pytest.TempPathFactory) -> Path:
    records = [
        {"corpus": "ours", "doc_id": "a", "text": TEXT_A,
         "toponyms": [_topo(TEXT_A, "Ankara", 39.92, 32.85), _topo(TEXT_A, "Paris", 48.85, 2.35)]},
        {"corpus": "ours", "doc_id": "b", "text": TEXT_B,
         "toponyms": [_topo(TEXT_B, "Lyon", 45.75, 4.85), _topo(TEXT_B, "Turkey", 39.0, 35.0),
                      _topo(TEXT_B, "Zorblatt", None, None)]},
    ]  # fmt: skip
    path = tmp_path_factory.mktemp("gold") / "gold.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def geo_settings(small_gazetteer_path: Path) -> Settings:
    return Settings(gazetteer=small_gazetteer_path)


@pytest.fixture(scope="session")
def small_gazetteer_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("eval-gazetteer") / "gazetteer.sqlite"
    build_gazetteer(path, min_population=15000)
    return path


def test_match_toponyms_needs_close_midpoints_and_equal_surfaces() -> None:
    gold = [{"start": 10, "end": 16, "surface": "Ankara"}, {"start": 40, "end": 45, "surface": "Paris"}]
    predicted = [
        PlaceMention(start=12, end=18, surface="ANKARA", place=None),  # midpoint 2 away, case differs
        PlaceMention(start=60, end=65, surface="Paris", place=None),  # too far
    ]
    pairs = match_toponyms(gold, predicted)
    assert [(g["surface"], p.surface) for g, p in pairs] == [("Ankara", "ANKARA")]


@pytest.mark.parametrize("oracle", [False, True])
def test_score_file_reports_tagging_and_distance(gold: Path, geo_settings: Settings, oracle: bool) -> None:
    report = score_file(gold, geo_settings, oracle=oracle)
    assert report.documents == 2
    assert report.gold_toponyms == 4  # the toponym without coordinates is ignored
    assert report.acc_161 == 1.0
    assert report.median_km is not None and report.median_km < 30
    if oracle:
        assert (report.precision, report.recall) == (1.0, 1.0)
    else:
        assert report.recall == 1.0
        assert report.precision <= 1.0
    table = report.as_table()
    assert "acc_161" in table and json.dumps(report.as_dict())


def test_score_file_limit_reads_fewer_documents(gold: Path, geo_settings: Settings) -> None:
    assert score_file(gold, geo_settings, limit=1).documents == 1


def test_calibration_error_is_zero_when_scores_match_the_share_right() -> None:
    from flashpoint.evaluate.geo import calibration_error

    honest = [(0.75, True), (0.75, True), (0.75, True), (0.75, False)]
    assert calibration_error(honest) == pytest.approx(0.0)
    overconfident = [(0.95, True), (0.95, False)]
    assert calibration_error(overconfident) == pytest.approx(0.45)
