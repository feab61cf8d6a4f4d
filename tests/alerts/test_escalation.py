"""Escalation series: daily points that list their events, and the trend rule."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from flashpoint.alerts.escalation import EscalationRules, pair_series, place_series
from flashpoint.store import Store

AS_OF = dt.date(2024, 3, 30)
# a different type for each report, so that reports a few days apart stay separate events
HOSTILE = ("THREATEN", "ACCUSE", "REJECT", "SANCTION", "COERCE", "ASSAULT")
FRIENDLY = ("CONSULT", "AGREE", "SUPPORT", "COOPERATE", "AID", "CONCEDE")


def _add(store: Store, report: Any, days_back: list[int], *, goldstein: float, actor: str = "INDGOV") -> None:
    for i, back in enumerate(days_back):
        day = AS_OF - dt.timedelta(days=back)
        store.add(
            report(
                f"Item {i} {goldstein}: India warned Pakistan near Poonch.",
                type=(HOSTILE if goldstein < 0 else FRIENDLY)[i % 6],
                trigger="warned",
                actor=actor,
                recipient="PAK",
                place="Poonch",
                day=day,
                goldstein=goldstein,
            )
        )


def test_escalation_points_list_their_events(store: Store, report: Any) -> None:
    _add(store, report, [0, 0, 3], goldstein=-4.0)
    [series] = pair_series(store.events(), as_of=AS_OF)
    assert series.key == ("IND", "PAK")
    assert [(p.day, p.score, len(p.event_ids)) for p in series.points] == [
        (AS_OF - dt.timedelta(days=3), -4.0, 1),
        (AS_OF, -8.0, 2),
    ]
    ids = {e.id for e in store.events()}
    assert {i for p in series.points for i in p.event_ids} == ids
    [by_place] = place_series(store.events(), as_of=AS_OF)
    assert by_place.key == ("fp:poonch",) and by_place.points == series.points


@pytest.mark.parametrize(
    ("recent", "baseline", "goldstein", "trend"),
    [
        ([0, 1, 2, 3], [], -4.0, "escalating"),  # a burst after quiet
        ([0, 1, 2, 3], [8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34], -4.0, "stable"),  # as before
        ([0], [], -4.0, "stable"),  # too few events
        ([0, 5], [], -1.0, "stable"),  # below the floor
        ([], [8, 9, 10, 11, 12, 13, 14, 15], -6.0, "de-escalating"),
        ([0, 1, 2, 3], [], 3.0, "stable"),  # cooperation is not hostility
    ],
)
def test_escalation_trend_rule(
    store: Store, report: Any, recent: list[int], baseline: list[int], goldstein: float, trend: str
) -> None:
    _add(store, report, recent + baseline, goldstein=goldstein)
    [series] = pair_series(store.events(), as_of=AS_OF, rules=EscalationRules())
    assert series.trend == trend


def test_escalation_ignores_hypothetical_events(store: Store, report: Any) -> None:
    for i in range(3):
        store.add(
            report(
                f"Case {i}: India could strike Pakistan near Poonch.",
                type="ASSAULT",
                trigger="strike",
                actor="INDMIL",
                recipient="PAK",
                place="Poonch",
                day=AS_OF,
                goldstein=-10.0,
                aux_modes=("hypothetical",),
            )
        )
    [series] = pair_series(store.events(), as_of=AS_OF)
    assert series.points == () and series.trend == "stable"


@pytest.mark.parametrize(
    ("stance", "counted"),
    [("denied", False), ("future", False), ("reported", True), ("alleged", True), ("threatened", True)],
)
def test_escalation_counts_only_what_happened_by_stance(
    store: Store, report: Any, stance: str, counted: bool
) -> None:
    # The modes are left empty on purpose: the stance alone must keep a denial or a plan out.
    for i in range(3):
        store.add(
            report(
                f"Case {i}: India and the strike on Pakistan near Poonch ({stance}).",
                type="ASSAULT",
                trigger="strike",
                actor="INDMIL",
                recipient="PAK",
                place="Poonch",
                day=AS_OF,
                goldstein=-10.0,
                stance=stance,
                claimant="a spokesman",
            )
        )
    [series] = pair_series(store.events(), as_of=AS_OF)
    assert bool(series.points) is counted
