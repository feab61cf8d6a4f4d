"""The events scorer: metric arithmetic on a tiny gold file and hand-made predictions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from flashpoint.errors import FlashpointError
from flashpoint.evaluate.events import EventReport, read_gold, score_predictions
from flashpoint.records import Actor, Event


def _gold_event(
    plover: str | None,
    *,
    mode: str | None = None,
    actor: tuple[str | None, str | None] | None = None,
    recipient: tuple[str | None, str | None] | None = None,
    acled: tuple[str, str] | None = None,
) -> dict[str, Any]:
    def side(pair: tuple[str | None, str | None] | None) -> dict[str, Any] | None:
        return None if pair is None else {"text": None, "country": pair[0], "sector": pair[1]}

    return {
        "plover": plover,
        "mode": mode,
        "acled_event_type": acled[0] if acled else None,
        "acled_sub_event_type": acled[1] if acled else None,
        "case_label": None,
        "actor": side(actor),
        "recipient": side(recipient),
        "location": None,
        "date": None,
        "fatalities": None,
    }


def _event(
    plover: str,
    *,
    mode: str | None = None,
    actor: Actor | None = None,
    recipient: Actor | None = None,
    acled: tuple[str, str] | None = None,
    goldstein: float | None = None,
) -> Event:
    return Event(
        type=plover,
        sentence=0,
        trigger_start=0,
        trigger_end=1,
        trigger="x",
        mode=mode,
        actor=actor,
        recipient=recipient,
        goldstein=goldstein,
        acled_event_type=acled[0] if acled else None,
        acled_sub_event_type=acled[1] if acled else None,
    )


@pytest.fixture()
def gold_file(tmp_path: Path) -> Path:
    records = [
        {
            "id": "r1",
            "text": "Northland troops shelled a border post.",
            "published": None,
            "events": [
                _gold_event("ASSAULT", mode="heavy-weapons", actor=("NLD", "MIL"), recipient=("SLD", "MIL"))
            ],
        },
        {
            "id": "r2",
            "text": "The two ministers met and agreed to talk again.",
            "published": "2024-03-01",
            "events": [
                _gold_event("CONSULT", actor=("NLD", "GOV"), recipient=("IGO", None)),
                _gold_event("AGREE", actor=(None, None)),
            ],
        },
        {
            "id": "r3",
            "text": "Workers protested outside the port.",
            "published": None,
            "events": [_gold_event("PROTEST", mode="demo", actor=("SLD", "LAB"))],
        },
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def _score(gold_file: Path, predictions: list[tuple[Event, ...]]) -> EventReport:
    return score_predictions(read_gold(gold_file), predictions, gold=str(gold_file))


def test_read_gold_reads_records(gold_file: Path) -> None:
    records = read_gold(gold_file)
    assert [r.id for r in records] == ["r1", "r2", "r3"]
    assert len(records[1].events) == 2


def test_read_gold_rejects_bad_json(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "a", "text": "x", "events": []}\n{not json\n', encoding="utf-8")
    with pytest.raises(FlashpointError, match="line 2"):
        read_gold(path)


def test_score_predictions_counts_per_type(gold_file: Path) -> None:
    northland = Actor(country="NLD", sector="MIL")
    report = _score(
        gold_file,
        [
            (_event("ASSAULT", actor=northland), _event("THREATEN")),  # 1 TP ASSAULT, 1 FP THREATEN
            (_event("CONSULT"),),  # 1 TP CONSULT, 1 FN AGREE
            (),  # 1 FN PROTEST
        ],
    )
    assert report.per_type["ASSAULT"].tp == 1
    assert (report.per_type["THREATEN"].tp, report.per_type["THREATEN"].fp) == (0, 1)
    assert report.per_type["AGREE"].fn == 1
    assert report.per_type["PROTEST"].fn == 1
    micro = report.micro
    assert (micro.tp, micro.fp, micro.fn) == (2, 1, 2)
    assert micro.precision == pytest.approx(2 / 3)
    assert micro.recall == pytest.approx(2 / 4)
    assert micro.f1 == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))
    # F1 per type: ASSAULT 1, CONSULT 1, THREATEN 0, AGREE 0, PROTEST 0.
    assert report.macro_f1 == pytest.approx(2 / 5)
    assert (report.gold_events, report.predicted_events) == (4, 3)


def test_score_predictions_counts_types_as_multiset(gold_file: Path) -> None:
    report = _score(gold_file, [(_event("ASSAULT"), _event("ASSAULT")), (), ()])
    assert (report.per_type["ASSAULT"].tp, report.per_type["ASSAULT"].fp) == (1, 1)


def test_score_predictions_matched_actor_accuracy(gold_file: Path) -> None:
    report = _score(
        gold_file,
        [
            (_event("ASSAULT", mode="aerial", actor=Actor("NLD", "MIL"), recipient=Actor("SLD", "GOV")),),
            (_event("CONSULT", actor=Actor("NLD", "GOV"), recipient=Actor("FRA", "GOV")), _event("AGREE")),
            (_event("PROTEST", mode="demo", actor=Actor("SLD", "LABxyz")),),
        ],
    )
    # actor country: r1 NLD ok, r2 CONSULT NLD ok, AGREE null not checked, r3 SLD ok
    assert (report.actor_country.correct, report.actor_country.total) == (3, 3)
    # actor sector: MIL ok, GOV ok, LAB vs LABxyz compared on three letters ok
    assert (report.actor_sector.correct, report.actor_sector.total) == (3, 3)
    # recipient country: r1 SLD ok; r2 IGO not checked
    assert (report.recipient_country.correct, report.recipient_country.total) == (1, 1)
    # recipient sector: r1 MIL vs GOV wrong; r2 null not checked
    assert (report.recipient_sector.correct, report.recipient_sector.total) == (0, 1)
    # mode: r1 heavy-weapons vs aerial wrong, r3 demo ok
    assert report.mode.value == pytest.approx(0.5)
    assert report.acled_event_type.value is None  # no ACLED gold here


def test_score_predictions_acled_per_record(tmp_path: Path) -> None:
    records = [
        {
            "id": "a1",
            "text": "Soldiers and gunmen fought for hours near the dam.",
            "published": None,
            "events": [_gold_event(None, acled=("Battles", "Armed clash"))],
        },
        {
            "id": "a2",
            "text": "Hundreds marched peacefully through the capital to demand lower prices.",
            "published": None,
            "events": [_gold_event(None, acled=("Protests", "Peaceful protest"))],
        },
        {
            "id": "a3",
            "text": "Something happened in the square on Tuesday.",
            "published": None,
            "events": [_gold_event(None, acled=("Riots", "Mob violence"))],
        },
    ]
    path = tmp_path / "acled.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    predictions = [
        # the stronger (more negative) event informs the classifier; the words decide here
        (
            _event("PROTEST", acled=("Protests", "Peaceful protest"), goldstein=-5.0),
            _event("ASSAULT", acled=("Battles", "Armed clash"), goldstein=-9.0),
        ),
        (),  # no event: classify() on the text finds a peaceful protest
        # no cue words: the strongest event's PLOVER type and mode decide; type right, sub wrong
        (_event("CONSULT", goldstein=1.0), _event("PROTEST", mode="riot", goldstein=-7.0)),
    ]
    report = score_predictions(read_gold(path), predictions)
    assert (report.acled_event_type.correct, report.acled_event_type.total) == (3, 3)
    assert (report.acled_sub_event_type.correct, report.acled_sub_event_type.total) == (2, 3)


def test_score_predictions_rejects_length_mismatch(gold_file: Path) -> None:
    with pytest.raises(FlashpointError):
        _score(gold_file, [()])


def test_report_as_dict_and_table(gold_file: Path) -> None:
    report = _score(gold_file, [(_event("ASSAULT"),), (_event("CONSULT"), _event("AGREE")), ()])
    data = report.as_dict()
    assert data["micro"] == {"precision": 1.0, "recall": 0.75, "f1": pytest.approx(6 / 7)}
    assert data["per_type"]["PROTEST"]["fn"] == 1  # type: ignore[index]
    json.dumps(data)
    table = report.as_table()
    assert "ASSAULT" in table and "micro" in table and "macro F1" in table


def test_select_sample_is_deterministic_and_ordered() -> None:
    from flashpoint.evaluate.events import GoldRecord, _select

    records = [GoldRecord(id=f"r{i}", text=f"text {i}", published=None, events=()) for i in range(30)]
    first = _select(records, None, 7)
    assert len(first) == 7
    assert first == _select(records, None, 7)
    positions = [records.index(r) for r in first]
    assert positions == sorted(positions)
    assert _select(records, 2, None) == records[:2]


def test_score_file_with_empty_pipeline_falls_back_to_classifier(tmp_path: Path) -> None:
    from flashpoint.evaluate.events import score_file
    from flashpoint.pipeline import Pipeline
    from flashpoint.settings import Settings

    records = [
        {
            "id": "b1",
            "text": "An airstrike destroyed a bridge south of the city.",
            "published": "2024-05-02",
            "events": [_gold_event("ASSAULT", acled=("Explosions/Remote violence", "Air/drone strike"))],
        },
        {
            "id": "b2",
            "text": "Villagers gathered to demand clean water.",
            "published": None,
            "events": [_gold_event("PROTEST", acled=("Protests", "Protest with intervention"))],
        },
    ]
    path = tmp_path / "mini.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    report = score_file(path, Settings(), pipeline=Pipeline([]))
    assert report.records == 2
    assert report.predicted_events == 0
    assert report.micro.recall == 0.0
    assert (report.acled_event_type.correct, report.acled_sub_event_type.correct) == (2, 1)
    assert score_file(path, Settings(), pipeline=Pipeline([]), limit=1).records == 1


def test_score_predictions_where_and_when_of_the_main_event(tmp_path: Path) -> None:
    import dataclasses
    import datetime as dt

    from flashpoint.records import Place, PlaceMention

    def located(lat: float, lon: float, country: str, day: str) -> dict[str, Any]:
        gold = _gold_event(None, acled=("Battles", "Armed clash"))
        gold["location"] = {"name": "x", "lat": lat, "lon": lon, "admin1": None, "country": country}
        gold["date"] = day
        return gold

    records = [
        {
            "id": f"w{i}",
            "text": "Fighting.",
            "published": None,
            "events": [located(36.2, 37.1, "SYR", "2024-03-02")],
        }
        for i in range(3)
    ]
    path = tmp_path / "where.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")

    def at(lat: float, lon: float, country: str, day: dt.date) -> Event:
        place = Place(id="p", name="p", lat=lat, lon=lon, country=country)
        return dataclasses.replace(
            _event("ASSAULT", goldstein=-9.0), place=PlaceMention(0, 1, "p", place, 1, 0.8), date=day
        )

    predictions = [
        (at(36.25, 37.15, "SYR", dt.date(2024, 3, 2)),),  # right place, right day
        (at(33.5, 36.3, "SYR", dt.date(2024, 3, 1)),),  # same country, 300 km off, a day early
        (),  # no event: a miss on all three
    ]
    report = score_predictions(read_gold(path), predictions)
    assert (report.event_place_161.correct, report.event_place_161.total) == (1, 3)
    assert (report.event_place_country.correct, report.event_place_country.total) == (2, 3)
    assert (report.event_date.correct, report.event_date.total) == (1, 3)
    assert "event_place_161" in report.as_dict()
