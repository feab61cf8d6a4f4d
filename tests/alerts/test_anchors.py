"""Better flashpoints: one per meeting place of a pair, anchored only where the pair's forces are reported."""

from __future__ import annotations

from typing import Any

from flashpoint.alerts.flashpoints import find_flashpoints
from flashpoint.store import Store

DAY = "2018-01-28"


# Turkey against Syrian forces in two places about 100 km apart: Afrin and Manbij.
TWO_FRONTS = [
    ("Turkish jets bombed Syrian army posts near Afrin.", "ASSAULT", "bombed", "TURMIL", "SYRMIL", "Afrin", -10.0),
    ("Syrian troops fired on Turkish tanks outside Afrin.", "ASSAULT", "fired", "SYRMIL", "TURMIL", "Afrin", -10.0),
    ("Turkish armour massed west of Manbij.", "MOBILIZE", "massed", "TURMIL", None, "Manbij", -6.5),
    ("Syrian soldiers moved into Manbij.", "MOBILIZE", "moved", "SYRMIL", None, "Manbij", -6.5),
    ("Damascus warned Turkish forces at Manbij to leave.", "THREATEN", "warned", "SYRGOV", "TURMIL", "Manbij", -4.4),
]  # fmt: skip


def test_flashpoints_one_per_meeting_place_of_a_pair(store: Store, report: Any) -> None:
    report.add_all(store, TWO_FRONTS, day=DAY)
    found = [fp for fp in find_flashpoints(store) if fp.actors == ("SYR", "TUR")]
    assert sorted(fp.place_name for fp in found) == ["Afrin", "Manbij"]
    by_place = {fp.place_name: fp for fp in found}
    assert by_place["Afrin"].severity == "high" and by_place["Manbij"].severity != "high"
    # each place keeps its own evidence: the Afrin fighting is not Manbij's, and the reverse
    assert {e.place for e in by_place["Afrin"].evidence} == {"Afrin"}
    assert {e.place for e in by_place["Manbij"].evidence} == {"Manbij"}
    assert by_place["Manbij"].severity_reason.startswith("medium: forces of both sides (SYR and TUR)")


# Statements that name Idlib, while the only forces reported are Turkish ones 68 km away at Afrin.
NAMED_ONLY = [
    ("Ankara accused Washington over Idlib.", "ACCUSE", "accused", "TURGOV", "USAGOV", "Idlib", -4.0),
    ("Washington rejected Turkish claims about Idlib.", "REJECT", "rejected", "USAGOV", "TURGOV", "Idlib", -4.0),
    ("Turkey threatened the US over its Idlib policy.", "THREATEN", "threatened", "TURGOV", "USA", "Idlib", -4.4),
    ("Turkish troops massed at Afrin.", "MOBILIZE", "massed", "TURMIL", None, "Afrin", -6.5),
]  # fmt: skip


def test_flashpoints_never_anchor_where_a_place_is_only_named(store: Store, report: Any) -> None:
    report.add_all(store, NAMED_ONLY, day=DAY)
    assert [fp for fp in find_flashpoints(store) if fp.actors == ("TUR", "USA")] == []


def test_flashpoints_anchor_where_one_sides_forces_meet_the_other(store: Store, report: Any) -> None:
    # the same statements, and now US troops reported in Idlib itself: the rivals meet there
    report.add_all(store, NAMED_ONLY, day=DAY)
    report.add_all(
        store,
        [("US soldiers patrolled Idlib.", "MOBILIZE", "patrolled", "USAMIL", None, "Idlib", -2.0)],
        day=DAY,
    )
    (fp,) = [fp for fp in find_flashpoints(store) if fp.actors == ("TUR", "USA")]
    assert fp.place_name == "Idlib"


def test_flashpoints_series_keep_each_places_events(store: Store, report: Any) -> None:
    from flashpoint.alerts.flashpoints import local_events

    report.add_all(store, TWO_FRONTS, day=DAY)
    found = [fp for fp in find_flashpoints(store) if fp.actors == ("SYR", "TUR")]
    by_place = {fp.place_name: fp for fp in found}
    events = store.events()
    manbij = local_events(events, by_place["Manbij"], siblings=found)
    assert {e.place_name for e in manbij} == {"Manbij"}
    alone = local_events(events, by_place["Manbij"])  # without its sibling, Afrin's fighting is in reach
    assert {e.place_name for e in alone} == {"Manbij", "Afrin"}
