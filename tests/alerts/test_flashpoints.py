"""Flashpoint detection on hand-built events: a seed-shaped showdown, and a border corpus day by day."""

from __future__ import annotations

import datetime as dt
from typing import Any

from flashpoint.alerts.flashpoints import find_flashpoints
from flashpoint.alerts.registry import list_alerts, refresh_alerts
from flashpoint.store import Store

DAY = "2023-06-12"


def _showdown(store: Store, report: Any) -> None:
    """A demand, a refusal and a threat between Turkey and the US over Manbij, forces around it."""
    reports = [
        dict(
            text="Ankara demanded that American troops leave Manbij.",
            type="REQUEST",
            trigger="demanded",
            actor="TURGOV",
            recipient="USAMIL",
            place="Manbij",
            goldstein=-1.0,
            outlet="Wire One",
        ),
        dict(
            text="Turkey's foreign minister demanded a US withdrawal from Manbij.",
            type="REQUEST",
            trigger="demanded",
            actor="TURGOV",
            recipient="USAMIL",
            place="Manbij",
            goldstein=-1.0,
            outlet="Wire Two",
        ),
        dict(
            text="A US general refused to pull troops out of Manbij.",
            type="REJECT",
            trigger="refused",
            actor="USAMIL",
            recipient="TURGOV",
            place="Manbij",
            goldstein=-4.0,
            outlet="Wire One",
        ),
        dict(
            text="The Turkish president threatened to strike Manbij next.",
            type="THREATEN",
            trigger="threatened",
            actor="TURGOV",
            recipient="USA",
            place="Manbij",
            goldstein=-4.4,
            outlet="Wire One",
            stance="threatened",
            claimant="the Turkish president",
        ),
        dict(
            text="Turkish troops pushed into Afrin with tanks.",
            type="ASSAULT",
            trigger="pushed",
            actor="TURMIL",
            recipient="SYRREB",
            place="Afrin",
            goldstein=-9.0,
            outlet="Wire Two",
        ),
        dict(
            text="A big Turkish army convoy drove through Idlib, a reporter posted.",
            type="MOBILIZE",
            trigger="drove",
            actor="TURMIL",
            recipient=None,
            place="Idlib",
            goldstein=-6.5,
            outlet="Wire One",
            handle="@convoy_watcher",
        ),
        dict(
            text="Cafes in Ankara were full for the match.",
            type="CONSULT",
            trigger="full",
            actor=None,
            recipient=None,
            place="Ankara",
            goldstein=1.0,
            outlet="Wire Two",
        ),
    ]
    for item in reports:
        store.add(report(day=DAY, **item))


def test_flashpoints_seed_shaped_showdown_at_manbij(store: Store, report: Any) -> None:
    _showdown(store, report)
    found = {fp.actors: fp for fp in find_flashpoints(store)}
    flashpoint = found[("TUR", "USA")]
    assert (flashpoint.place_name, flashpoint.trend, flashpoint.severity) == (
        "Manbij",
        "escalating",
        "medium",
    )
    assert found[("SYR", "TUR")].severity == "high"  # Turkish troops fighting in Afrin: a clash of its own
    by_type = {e.type: e for e in flashpoint.evidence}
    assert {"REQUEST", "REJECT", "THREATEN", "MOBILIZE"} <= set(by_type)
    assert "CONSULT" not in by_type
    assert by_type["REQUEST"].reports == 2 and not by_type["REQUEST"].single_source
    assert by_type["MOBILIZE"].single_source and by_type["MOBILIZE"].role == "forces"
    assert by_type["MOBILIZE"].sources[0].origin == "post:@convoy_watcher"
    assert by_type["THREATEN"].sources[0].claimants == ("the Turkish president",)
    assert by_type["REJECT"].sources[0].sentence == "A US general refused to pull troops out of Manbij."


def test_flashpoints_need_forces_near_the_place(store: Store, report: Any) -> None:
    store.add(
        report(
            "Ankara accused Washington of arming militias.",
            type="ACCUSE",
            trigger="accused",
            actor="TURGOV",
            recipient="USAGOV",
            place="Ankara",
            goldstein=-4.0,
            day=DAY,
        )
    )
    store.add(
        report(
            "Ankara warned Washington over its policy.",
            type="THREATEN",
            trigger="warned",
            actor="TURGOV",
            recipient="USAGOV",
            place="Ankara",
            goldstein=-4.4,
            day=DAY,
        )
    )
    assert find_flashpoints(store) == []


def test_flashpoints_ignore_country_centroids(store: Store, report: Any) -> None:
    _showdown(store, report)
    before = find_flashpoints(store)
    assert all(fp.place_name != "Ankara" for fp in before)


def _simulate(
    store: Store, corpus: dict[str, Any], clock: Any, report: Any
) -> dict[dt.date, set[tuple[str, ...]]]:
    """Ingest the corpus day by day, refreshing alerts each evening; return the open alerts' pairs per day."""
    reports = corpus["reports"]
    day = dt.date.fromisoformat(reports[0]["day"])
    last = dt.date.fromisoformat(reports[-1]["day"])
    open_by_day: dict[dt.date, set[tuple[str, ...]]] = {}
    while day <= last:
        for item in reports:
            if item["day"] == day.isoformat():
                store.add(report(**item))
        clock.now = dt.datetime.combine(day, dt.time(20), dt.UTC)
        refresh_alerts(store, as_of=day)
        open_by_day[day] = {a.actors for a in list_alerts(store, status="open")}
        day += dt.timedelta(days=1)
    return open_by_day


def test_flashpoints_border_corpus_fires_on_the_escalation_only(
    store: Store, border_corpus: dict[str, Any], clock: Any, report: Any
) -> None:
    open_by_day = _simulate(store, border_corpus, clock, report)
    run_up = dt.date.fromisoformat(border_corpus["run_up_day"])
    escalation = dt.date.fromisoformat(border_corpus["escalation_day"])
    fired = sorted(day for day, pairs in open_by_day.items() if ("IND", "PAK") in pairs)
    assert fired, "the escalation was missed"
    assert run_up <= fired[0] <= escalation  # not before the run-up, and by the day of the shelling
    assert all(("GRC", "TUR") not in pairs for pairs in open_by_day.values())  # the quiet control
    assert not open_by_day[max(open_by_day)]  # closed once the shelling fades
