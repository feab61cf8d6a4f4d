"""Event clusters: reports of one happening merge; stable ids; origins and stance; batches give the same."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from flashpoint import open_store
from flashpoint.corroborate import Corroboration
from flashpoint.corroborate.clusters import STANCE_ORDER, ClusterRules, strongest
from flashpoint.store import Store, event_id

BASE = "Turkish troops shelled fighters near Manbij."


@pytest.mark.parametrize(
    ("change", "merged"),
    [
        ({}, True),
        ({"outlet": "Wire Two"}, True),
        ({"place": "Jarabulus"}, True),  # about 33 km away
        ({"day": dt.date(2024, 5, 4)}, True),  # two days later
        ({"recipient": None}, True),  # an uncoded side matches anything
        ({"actor": "TUR"}, True),  # a sector left open matches
        ({"place": "Afrin"}, False),  # about 96 km away
        ({"day": dt.date(2024, 5, 9)}, False),
        ({"type": "MOBILIZE", "trigger": "troops"}, False),
        ({"actor": "RUSMIL"}, False),
        ({"actor": "TURGOV"}, False),
        ({"negated": True}, False),
        ({"place": None}, False),  # a placed cluster never absorbs an unplaced report
        ({"actor": None, "recipient": None}, True),  # uncoded: same place, next day at most
        ({"actor": None, "recipient": None, "day": dt.date(2024, 5, 3)}, True),
        ({"actor": None, "recipient": None, "place": "Jarabulus"}, False),
        ({"actor": None, "recipient": None, "day": dt.date(2024, 5, 4)}, False),
    ],
)
def test_clusters_merge_only_compatible_reports(
    store: Store, report: Any, change: dict[str, Any], merged: bool
) -> None:
    first = report(BASE)
    second = report(
        "Artillery of the Turkish army shelled fighters today. " + BASE.lower(),
        **{"outlet": "Wire Two", **change},
    )
    store.add(first)
    store.add(second)
    assert len(store.events()) == (1 if merged else 2)


def test_clusters_keep_the_id_of_their_first_report(store: Store, report: Any) -> None:
    first, second = (
        report(BASE, outlet="Wire One"),
        report("Reports say Turkish guns shelled Manbij.", outlet="Wire Two", trigger="shelled"),
    )
    store.add(first)
    store.add(second)
    [event] = store.events()
    assert event.id == event_id(first.hash, first.events[0])
    assert (event.reports, event.origins) == (2, 2)
    detail = store.event(event.id)
    assert detail is not None
    assert [r.own_id for r in detail.reports] == [event.id, event_id(second.hash, second.events[0])]
    assert store.document(second.id).event_ids == (event.id,)  # type: ignore[union-attr]


def test_clusters_carry_the_strongest_stance(store: Store, report: Any) -> None:
    store.add(report(BASE, stance="alleged", claimant="a militia"))
    store.add(
        report(
            "Turkish forces have shelled Manbij, the ministry said.",
            trigger="shelled",
            outlet="Wire Two",
            stance="reported",
            claimant="the ministry",
        )
    )
    [event] = store.events()
    assert event.stance == "reported"
    store.add(
        report("Turkish forces shelled Manbij.", trigger="shelled", outlet="Wire Three")
    )  # no claim: the author asserts it
    [event] = store.events()
    assert (event.stance, event.origins, event.reports) == ("asserted", 3, 3)


@pytest.mark.parametrize(
    ("stances", "expected"),
    [(("denied", "alleged"), "alleged"), (("future", "threatened"), "threatened"), ((), None)],
)
def test_clusters_strongest_follows_the_documented_order(
    stances: tuple[str, ...], expected: str | None
) -> None:
    assert strongest(stances) == expected
    assert STANCE_ORDER[0] == "asserted" and STANCE_ORDER[-1] == "denied"


def test_clusters_respect_the_rules_given(tmp_path: Path, report: Any) -> None:
    with Store.open(
        str(tmp_path / "wide.db"), corroborator=Corroboration(ClusterRules(km=150.0, days=3))
    ) as wide:
        wide.add(report(BASE))
        wide.add(
            report(
                "Turkish troops shelled fighters near Afrin.",
                trigger="shelled",
                place="Afrin",
                outlet="Wire Two",
            )
        )
        assert len(wide.events()) == 1


def _corpus(report: Any) -> list[Any]:
    docs = []
    places = ["Manbij", "Jarabulus", "Afrin", "Idlib"]
    kinds = [("ASSAULT", "shelled"), ("MOBILIZE", "massed"), ("THREATEN", "threatened")]
    for i in range(30):
        kind, verb = kinds[i % 3]
        place = places[(i // 3) % 4]
        day = dt.date(2024, 5, 1) + dt.timedelta(days=i // 4)
        text = f"Report {i}: Turkish units {verb} near {place} on day {i // 4}."
        docs.append(report(text, type=kind, trigger=verb, place=place, day=day, outlet=f"Outlet {i % 5}"))
    return docs


def _clusters(store: Store) -> dict[str, tuple[int, int, tuple[str, ...]]]:
    out = {}
    for event in store.events():
        detail = store.event(event.id)
        assert detail is not None
        out[event.id] = (event.reports, event.origins, tuple(sorted(r.own_id or "" for r in detail.reports)))
    return out


def test_clusters_are_the_same_in_one_batch_or_ten(tmp_path: Path, report: Any) -> None:
    docs = _corpus(report)
    with open_store(str(tmp_path / "one.db")) as one:
        for doc in docs:
            one.add(doc)
        whole = _clusters(one)
    path = str(tmp_path / "ten.db")
    for batch in range(10):
        with open_store(path) as part:
            for doc in docs[batch * 3 : batch * 3 + 3]:
                part.add(doc)
    with open_store(path) as ten:
        assert _clusters(ten) == whole
    assert len(whole) < len(docs)  # the corpus does collapse


def test_clusters_join_is_undone_when_the_document_fails(store: Store, report: Any) -> None:
    from dataclasses import replace

    from flashpoint.errors import StoreError

    store.add(report(BASE))
    good = report(
        "Wire two says Turkish troops shelled fighters near Manbij.", trigger="shelled", outlet="Wire Two"
    )
    broken = replace(
        good.events[0], type="MOBILIZE", trigger_start=0, trigger_end=4, trigger="Wire", fatalities=-1
    )
    bad = replace(good, events=(good.events[0], broken))  # joins the stored cluster, then breaks a constraint
    with pytest.raises(StoreError):
        store.add(bad)
    [event] = store.events()
    assert (event.reports, event.origins) == (1, 1)
