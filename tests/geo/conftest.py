"""Geo fixtures: one small gazetteer per session (cities of 15,000+ people and our own tables)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from flashpoint.geo import Gazetteer, build_gazetteer

VILLAGES_CSV = """name,alternates,lat,lon,country,admin1,feature_code,population
Kafr Halab,Kafr Halab village,36.055,36.868,SY,Aleppo,PPL,2000
Al-Eis,Al Eis|Al-Ees|Al-Eiss,36.034,37.002,SYR,Aleppo,PPL,3000
Al-Qammari,Qammari,35.996,36.963,SY,Idlib,PPL,1500
"""


@pytest.fixture(scope="session")
def small_gazetteer_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The path of a small gazetteer index, built once per session."""
    path = tmp_path_factory.mktemp("small-gazetteer") / "gazetteer.sqlite"
    build_gazetteer(path, min_population=15000)
    return path


@pytest.fixture(scope="session")
def small_gazetteer(small_gazetteer_path: Path) -> Gazetteer:
    """The small gazetteer, in memory (never modified: copy it first to import into it)."""
    return Gazetteer.open(small_gazetteer_path)


@pytest.fixture()
def gazetteer_copy(small_gazetteer_path: Path, tmp_path: Path) -> Callable[[], Path]:
    """Return a function that copies the small index to a fresh path that a test may modify."""

    def make() -> Path:
        target = tmp_path / "copy.sqlite"
        shutil.copy(small_gazetteer_path, target)
        return target

    return make


@pytest.fixture(scope="session")
def villages_gazetteer(tmp_path_factory: pytest.TempPathFactory, small_gazetteer_path: Path) -> Gazetteer:
    """The small gazetteer plus three Syrian villages added from a CSV of our own."""
    folder = tmp_path_factory.mktemp("villages")
    path = folder / "gazetteer.sqlite"
    shutil.copy(small_gazetteer_path, path)
    csv_file = folder / "villages.csv"
    csv_file.write_text(VILLAGES_CSV, encoding="utf-8")
    gazetteer = Gazetteer.open(path)
    gazetteer.add_csv(csv_file)
    return gazetteer
