"""DocumentContext: country votes by name and anchor places, each judgement leaving its own name out."""

from __future__ import annotations

import math

import pytest

from flashpoint.geo.context import DocumentContext
from flashpoint.records import Place


def _town(name: str, lat: float, lon: float, country: str) -> Place:
    return Place(id=f"t:{name}", name=name, lat=lat, lon=lon, country=country, feature_class="P")


# Made-up towns: two close together in country AAA, one far away in BBB.
NORTH = _town("North", 10.0, 10.0, "AAA")
SOUTH = _town("South", 10.5, 10.2, "AAA")
FAR = _town("Far", -30.0, 120.0, "BBB")


def _context() -> DocumentContext:
    votes = [("North", {"AAA": 1.0}), ("South", {"AAA": 1.0}), ("north", {"AAA": 1.0}), ("Far", {"BBB": 1.0})]
    return DocumentContext.of(votes, [("North", NORTH), ("South", SOUTH)])


def test_document_context_counts_one_vote_per_name() -> None:
    context = _context()
    assert context.total() == 3.0
    assert context.share("AAA") == pytest.approx(2 / 3)


def test_document_context_share_leaves_the_name_itself_out() -> None:
    context = _context()
    assert context.share("BBB", excluding="Far") == 0.0
    assert context.share("AAA", excluding="North") == pytest.approx(1 / 2)


def test_document_context_nearest_ignores_the_name_itself() -> None:
    context = _context()
    assert context.nearest_km(NORTH, excluding="North") < 100
    assert math.isinf(DocumentContext.of([], [("North", NORTH)]).nearest_km(NORTH, excluding="north"))


@pytest.mark.parametrize(("place", "name", "low"), [(FAR, "Far", True), (SOUTH, "South", False)])
def test_document_context_fit_tells_a_stranger(place: Place, name: str, low: bool) -> None:
    assert (_context().fit(place, excluding=name) < 0.1) is low


def test_document_context_fit_is_one_without_enough_votes() -> None:
    context = DocumentContext.of([("North", {"AAA": 1.0})], [("North", NORTH)])
    assert context.fit(FAR, excluding="Far") == 1.0


def test_document_context_main_countries_need_a_share() -> None:
    context = _context()
    assert context.main_countries(minimum_share=0.2) == ["AAA", "BBB"]
    assert context.main_countries(minimum_share=0.5) == ["AAA"]
