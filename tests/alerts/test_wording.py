"""The one-line reasons read as English: one event, two events."""

from __future__ import annotations

from flashpoint.alerts.escalation import EscalationRules, Series
from flashpoint.alerts.flashpoints import _trend_reason, counted


def test_counted_puts_the_noun_in_the_right_number() -> None:
    assert [counted(n, "event") for n in (0, 1, 2)] == ["0 events", "1 event", "2 events"]


def test_trend_reason_says_one_event_for_a_single_event() -> None:
    series = Series(
        key=("SYR", "TUR"),
        points=(),
        trend="escalating",
        recent_hostility=4.5,
        baseline_hostility=0.3,
        recent_events=6,
        baseline_events=1,
    )
    reason = _trend_reason(series, EscalationRules())
    assert "(6 events) against 0.3" in reason
    assert reason.endswith("over the 28 days before (1 event)")
