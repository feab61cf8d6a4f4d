"""The actors scorer on a tiny gold file of our own: null/""/not/A|B/UNK rules and the report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flashpoint.errors import FlashpointError
from flashpoint.evaluate.actors import ActorReport, score_file
from flashpoint.settings import Settings

RECORDS = [
    # right country and sector
    {"id": "a1", "text": "Ghanaian fishermen", "country": "GHA", "sector": "AGR", "method": "nouns"},
    # right country; sector not checked
    {"id": "a2", "text": "Nepalese officials", "country": "NPL", "sector": None, "method": "nouns"},
    # wrong on purpose: the gold expects another country
    {"id": "a3", "text": "Peruvian police", "country": "BOL", "sector": "COP", "method": "nouns"},
    # "" means the resolver must find nothing; UNK counts as no sector
    {"id": "a4", "text": "a large dog", "country": "", "sector": "UNK", "method": "empty"},
    # either sector accepted; date in a written-out form
    {
        "id": "a5",
        "text": "Shinzo Abe",
        "date": "3 March 2016",
        "country": "JPN",
        "sector": "GOV|LEG",
        "method": "people",
    },
    # a negative expectation only
    {
        "id": "a6",
        "text": "the coast guard",
        "known_country": "GRC",
        "country": None,
        "sector": None,
        "not": {"country": "TUR"},
        "method": "hints",
    },
    # a gold IGO accepts the UN (UNO) and the EU (EUR), which are intergovernmental too
    {"id": "a7", "text": "UN peacekeepers", "country": "IGO", "sector": "MIL", "method": "igo"},
    {"id": "a8", "text": "the UN refugee agency", "country": "UNO", "sector": "REF", "method": "igo"},
]


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> ActorReport:
    path = tmp_path_factory.mktemp("gold") / "actors.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n", encoding="utf-8")
    return score_file(path, Settings())


def test_score_file_counts_checked_fields(report: ActorReport) -> None:
    assert report.n == len(RECORDS)
    assert report.total.country_total == 8
    assert report.total.country_correct == 7
    assert report.total.sector_total == 6
    assert report.total.sector_correct == 6


def test_score_file_reports_the_miss(report: ActorReport) -> None:
    assert [m.id for m in report.misses] == ["a3"]
    assert report.misses[0].got == "PER/COP"


def test_score_file_breaks_down_by_method(report: ActorReport) -> None:
    methods = dict(report.by_method)
    assert set(methods) == {"nouns", "empty", "people", "hints", "igo"}
    assert methods["nouns"].country_total == 3
    assert methods["nouns"].country_correct == 2


def test_score_file_as_dict_and_table(report: ActorReport) -> None:
    data = report.as_dict()
    assert data["country_accuracy"] == round(7 / 8, 4)
    assert data["sector_accuracy"] == 1.0
    assert isinstance(data["by_method"], dict) and "people" in data["by_method"]
    table = report.as_table()
    assert "country" in table and "nouns" in table and "a3" in table


def test_score_file_limit(tmp_path: Path) -> None:
    path = tmp_path / "actors.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in RECORDS), encoding="utf-8")
    assert score_file(path, Settings(), limit=2).n == 2


@pytest.mark.parametrize("content", ["{not json}\n", '{"id": "x"}\n'])
def test_score_file_bad_gold_raises(tmp_path: Path, content: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(FlashpointError, match=r"bad\.jsonl"):
        score_file(path, Settings())
