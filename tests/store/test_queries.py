"""Event queries: filters by type, actor, country, dates, distance, and paging."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from flashpoint.records import Document
from flashpoint.store import EventQuery, Store
from flashpoint.store.queries import haversine_km

DocumentFactory = Callable[..., Document]


@pytest.fixture()
def filled(store: Store, make_document: DocumentFactory) -> Store:
    store.add(make_document())
    return store


def _types(store: Store, query: EventQuery) -> list[str]:
    return [e.type for e in store.events(query)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (EventQuery(), ["ASSAULT", "COERCE", "REQUEST"]),
        (EventQuery(type="assault"), ["ASSAULT"]),
        (EventQuery(actor="SYR"), ["ASSAULT"]),
        (EventQuery(actor="SYRREB"), ["ASSAULT"]),
        (EventQuery(actor="SYRMIL"), []),  # the recipient is not the actor
        (EventQuery(actor="police"), ["COERCE"]),
        (EventQuery(actor="ukrainian"), ["REQUEST"]),
        (EventQuery(actor="100%"), []),
        (EventQuery(country="irq"), ["COERCE"]),
        (EventQuery(country="SYR"), ["ASSAULT"]),
        (EventQuery(since=dt.date(2024, 2, 15)), ["ASSAULT"]),
        (EventQuery(until=dt.date(2024, 2, 15)), ["COERCE"]),
        (EventQuery(since=dt.date(2024, 2, 1), until=dt.date(2024, 2, 29)), ["ASSAULT", "COERCE"]),
        (EventQuery(happened_only=True), ["ASSAULT", "COERCE"]),
        (EventQuery(stance="reported"), ["ASSAULT", "REQUEST"]),  # any of an event's claims counts
        (EventQuery(stance="asserted"), ["REQUEST"]),
        (EventQuery(stance="claimed_responsibility"), []),
        (EventQuery(near=(36.0, 37.0, 50.0)), ["ASSAULT"]),
        (EventQuery(near=(36.0, 40.0, 400.0)), ["ASSAULT", "COERCE"]),
        (EventQuery(near=(0.0, 0.0, 100.0)), []),
        (EventQuery(limit=2), ["ASSAULT", "COERCE"]),
        (EventQuery(limit=1, offset=1), ["COERCE"]),
        (EventQuery(near=(36.0, 40.0, 400.0), limit=1, offset=1), ["COERCE"]),
    ],
)
def test_queries_filter_events(filled: Store, query: EventQuery, expected: list[str]) -> None:
    # Order: latest date first, undated last.
    assert _types(filled, query) == expected


def test_queries_near_keeps_exactly_the_circle(filled: Store) -> None:
    # Aleppo to Mosul is about 530 km: a radius just over includes Mosul, just under does not.
    distance = haversine_km(36.2021, 37.1343, 36.335, 43.1189)
    assert 500 < distance < 560
    assert _types(filled, EventQuery(near=(36.2021, 37.1343, distance + 1))) == ["ASSAULT", "COERCE"]
    assert _types(filled, EventQuery(near=(36.2021, 37.1343, distance - 1))) == ["ASSAULT"]


@pytest.mark.parametrize(
    ("a", "b", "km"),
    [
        ((0.0, 0.0), (0.0, 1.0), 111.19),
        ((0.0, 179.5), (0.0, -179.5), 111.19),
        ((10.0, 20.0), (10.0, 20.0), 0.0),
    ],
)
def test_queries_haversine_km(a: tuple[float, float], b: tuple[float, float], km: float) -> None:
    assert haversine_km(*a, *b) == pytest.approx(km, abs=0.1)


def test_queries_events_carry_their_sentence(filled: Store) -> None:
    [event] = filled.events(EventQuery(type="COERCE"))
    assert event.sentence == "Iraqi police arrested three men in Mosul."
    assert event.trigger == "arrested"
    assert event.reports == 1


def test_queries_events_carry_the_first_claim(filled: Store) -> None:
    by_type = {e.type: e for e in filled.events(EventQuery())}
    assert (by_type["ASSAULT"].claimant, by_type["ASSAULT"].channel) == ("a monitor", "Example Wire")
    assert by_type["REQUEST"].claimant == "Officials"
    assert by_type["COERCE"].claimant is None  # the author's own voice
