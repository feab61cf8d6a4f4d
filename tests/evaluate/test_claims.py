"""The claims score: matching by type, stance preference, party agreement, and the gold reader's errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flashpoint.errors import FlashpointError
from flashpoint.evaluate.claims import (
    ClaimsGold,
    ClaimView,
    predicted_view,
    read_gold,
    same_party,
    score_views,
)
from flashpoint.records import Claim, Event


def _gold(record_id: str, *events: ClaimView) -> ClaimsGold:
    return ClaimsGold(record_id, "text of " + record_id, events)


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        (None, None, True),
        ("the defence ministry", "Defence Ministry", True),
        ("Radio Nord", None, False),
        (None, "Radio Nord", False),
        ("the governor", "the mayor", False),
        ("a news agency", "the agency", False),  # "agency" and "news" carry no identity
    ],
)
def test_claims_same_party_shares_a_content_word(
    gold: str | None, predicted: str | None, expected: bool
) -> None:
    assert same_party(gold, predicted) is expected


def test_claims_score_matches_by_type_and_prefers_the_gold_stance() -> None:
    gold = [
        _gold(
            "r1",
            ClaimView("ASSAULT", "alleged", "residents", None),
            ClaimView("ASSAULT", "denied", "the army", None),
        ),
        _gold("r2", ClaimView("PROTEST", "reported", "Radio Nord", "Radio Nord")),
        _gold("r3"),
        _gold("r4"),
    ]
    predicted = {
        "r1": [ClaimView("ASSAULT", "denied", "the army"), ClaimView("ASSAULT", "asserted")],
        "r2": [ClaimView("COERCE", "reported", "Radio Nord", "Radio Nord")],
        "r3": [],
        "r4": [ClaimView("AID", "asserted")],
    }
    report = score_views(gold, predicted)
    # Gold events are matched in order, greedily, as score_claims.py does: the first gold event takes the
    # first prediction of its type when none has its stance.
    assert report.events == {"tp": 2, "fp": 2, "fn": 1, "precision": 0.5, "recall": 0.667, "f1": 0.571}
    assert report.stance["matched"] == 2
    assert report.stance["accuracy"] == 0.0
    assert report.stance["confusion"] == [("alleged->denied", 1), ("denied->asserted", 1)]
    assert report.stance["per_label"] == {"alleged": {"gold": 1, "f1": 0.0}, "denied": {"gold": 1, "f1": 0.0}}
    assert report.claimant["named_match"] == 0.0 and report.claimant["named_n"] == 2
    assert report.channel["null_agree"] == 1.0 and report.channel["named_n"] == 0
    assert report.empty_records_clean == 0.5
    assert report.records_missing_from_pred == 0


def test_claims_score_prefers_the_prediction_with_the_gold_stance() -> None:
    gold = [_gold("r1", ClaimView("ASSAULT", "denied", "the army", None))]
    predicted = {"r1": [ClaimView("ASSAULT", "asserted"), ClaimView("ASSAULT", "denied", "army command")]}
    report = score_views(gold, predicted)
    assert report.stance["accuracy"] == 1.0 and report.stance["macro_f1"] == 1.0
    assert report.claimant["named_match"] == 1.0
    assert report.events["fp"] == 1


def test_claims_score_counts_records_missing_from_the_prediction() -> None:
    report = score_views([_gold("r1", ClaimView("AID", "asserted"))], {})
    assert report.records_missing_from_pred == 1
    assert report.events["fn"] == 1 and report.stance["end_to_end_accuracy"] == 0.0


@pytest.mark.parametrize(
    ("stance", "negated", "expected"),
    [
        ("asserted", True, "negated"),
        ("alleged", True, "negated"),
        ("denied", True, "denied"),
        ("hypothetical", True, "hypothetical"),
        ("reported", False, "reported"),
    ],
)
def test_claims_predicted_view_reads_the_negated_flag(stance: str, negated: bool, expected: str) -> None:
    claim = Claim(stance=stance, claimant="the army", channel="a statement")
    event = Event(type="ASSAULT", sentence=0, trigger_start=0, trigger_end=4, trigger="shot", negated=negated,
                  claims=(claim,))  # fmt: skip
    assert predicted_view(event) == ClaimView("ASSAULT", expected, "the army", "a statement")


def test_claims_read_gold_parses_records(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    lines = [
        {
            "id": 7,
            "text": "Troops fired.",
            "events": [{"plover": "ASSAULT", "stance": "asserted", "claimant": None}],
        },
        {"id": "x", "text": "Nothing here.", "events": []},
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n\n", encoding="utf-8")
    records = read_gold(path)
    assert [r.id for r in records] == ["7", "x"]
    assert records[0].events == (ClaimView("ASSAULT", "asserted", None, None),)


@pytest.mark.parametrize(
    "line",
    ['{"id": 1, "text": "t"}', '{"id": 1, "text": "t", "events": [{"plover": "AID"}]}', "not json"],
)
def test_claims_read_gold_names_the_bad_line(tmp_path: Path, line: str) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": 0, "text": "fine", "events": []}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(FlashpointError, match="line 2"):
        read_gold(path)
