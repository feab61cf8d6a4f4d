"""Nested names ("X (Y)", "X, Y"), weak nationality votes, locative small towns and regions' seats."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import cast

import pytest

from flashpoint.geo import Gazetteer, GeoStage, PlaceLinkStage
from flashpoint.geo.context import haversine_km
from flashpoint.geo.gazetteer import Candidate
from flashpoint.geo.nesting import area_key, holders, holds, seat_of
from flashpoint.geo.recognise import Span
from flashpoint.geo.resolve import Resolver
from flashpoint.geo.stage import load_demonyms
from flashpoint.records import Document, Event, Place, PlaceMention
from flashpoint.settings import Settings


def _spans(text: str, surfaces: list[str], *, source: str = "oracle") -> list[Span]:
    spans, at = [], 0
    for surface in surfaces:
        start = text.index(surface, at)
        at = start + len(surface)
        spans.append(Span(start, at, surface, source, text.count(".", 0, start)))
    return spans


def _resolve(gazetteer: Gazetteer, text: str, surfaces: list[str]) -> list[PlaceMention]:
    resolver = Resolver(gazetteer, load_demonyms(gazetteer))
    return resolver.resolve(_spans(text, surfaces), text=text)


@pytest.mark.parametrize(
    ("text", "surfaces", "expected"),
    [
        ("Riots hit Alpha (Beta) at noon.", ["Alpha", "Beta"], {0: [1]}),
        ("Riots hit Alpha, Beta at noon.", ["Alpha", "Beta"], {0: [1]}),
        ("Riots hit Alpha (Beta, Gamma, Delta).", ["Alpha", "Beta", "Gamma", "Delta"], {0: [1, 2, 3], 1: [2, 3], 2: [3]}),
        ("Riots hit Alpha district (Beta).", ["Alpha", "Beta"], {0: [1]}),
        ("Riots hit Alpha and Beta.", ["Alpha", "Beta"], {}),
        ("Riots hit Alpha. Beta was calm.", ["Alpha", "Beta"], {}),
    ],
)  # fmt: skip
def test_holders_finds_the_areas_named_after_a_place(
    text: str, surfaces: list[str], expected: dict[int, list[int]]
) -> None:
    assert holders(text, _spans(text, surfaces)) == expected


@pytest.mark.parametrize(
    ("name", "key"),
    [("Donetsk Oblast", "donetsk"), ("Hajjah Governorate", "hajjah"), ("Province of Toledo", "toledo"), ("Region", "region")],
)  # fmt: skip
def test_area_key_drops_the_words_naming_the_kind(name: str, key: str) -> None:
    assert area_key(name) == key


def test_holds_prefers_a_named_division_to_mere_nearness() -> None:
    state = Place("s", "Ohio", 40.2, -82.7, "USA", "Ohio", "A", "ADM1")
    town = Place("t", "Kent", 41.15, -81.36, "USA", "Ohio", "P", "PPL", 30000)
    far = Place("f", "Kent", 47.38, -122.23, "USA", "Washington", "P", "PPL", 130000)
    assert holds(state, "Ohio", town) == 2
    assert holds(state, "Ohio", far) == 0
    assert holds(town, "Kent", state) == 0  # a state is held by nothing named after it


@pytest.mark.parametrize(
    ("text", "town", "country"),
    [
        ("Nurses rallied in Saint Petersburg (Florida) on Sunday.", "Saint Petersburg", "USA"),
        ("Farmers blocked a road in Paris, Texas, over water prices.", "Paris", "USA"),
        ("Dockers struck in Tripoli (Lebanon) after pay cuts.", "Tripoli", "LBN"),
    ],
)
def test_resolver_reads_a_town_in_the_area_named_after_it(
    small_gazetteer: Gazetteer, text: str, town: str, country: str
) -> None:
    area = text.split("(")[1].split(")")[0] if "(" in text else text.split(", ")[1].split(",")[0]
    found = {m.surface: m for m in _resolve(small_gazetteer, text, [town, area])}
    place = found[town].place
    assert place is not None and place.country == country


def test_resolver_drops_another_places_alternate_name_outside_the_named_area(
    small_gazetteer: Gazetteer,
) -> None:
    # "Peking" is only other places' older names: "Peking (Ituri)" is a place the index lacks, not Beijing.
    text = "Militiamen burned huts near Peking (Ituri) overnight."
    found = {m.surface: m for m in _resolve(small_gazetteer, text, ["Peking", "Ituri"])}
    assert found["Peking"].place is None or found["Peking"].place.country == "COD"
    plain = {m.surface: m for m in _resolve(small_gazetteer, "Trains stopped in Peking.", ["Peking"])}
    assert plain["Peking"].place is not None and plain["Peking"].place.country == "CHN"


def test_resolver_a_lone_nationality_word_does_not_pick_the_town(small_gazetteer: Gazetteer) -> None:
    # Two towns are called Donetsk; "Russian forces" says who fired, not which Donetsk was hit.
    text = "Russian forces shelled Donetsk overnight."
    found = {m.surface: m for m in _resolve(small_gazetteer, text, ["Russian", "Donetsk"])}
    place = found["Donetsk"].place
    assert place is not None and place.country == "UKR"


@pytest.fixture(scope="module")
def geo(small_gazetteer: Gazetteer) -> GeoStage:
    return GeoStage(Settings(gazetteer=small_gazetteer.path), gazetteer=small_gazetteer)


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("About 300 teachers gathered in Ennis to demand higher pay.", "Ennis"),
        ("Climate activists marched in Kalmar on Friday.", "Kalmar"),
    ],
)
def test_geo_keeps_a_small_town_named_after_a_locative_preposition(
    geo: GeoStage, parse: Callable[..., Document], text: str, surface: str
) -> None:
    places = {m.surface: m for m in geo(parse(text)).places}
    assert surface in places and places[surface].place is not None


def test_geo_does_not_take_a_small_town_out_of_a_locative_phrase(
    geo: GeoStage, parse: Callable[..., Document]
) -> None:
    # the same small town's name as the subject, with no other place near: not read as a place
    places = {m.surface: m for m in geo(parse("Ennis said the talks would resume.")).places}
    assert "Ennis" not in places or places["Ennis"].place is None


def test_seat_of_a_region_is_the_town_it_is_named_after(small_gazetteer: Gazetteer) -> None:
    region = next(p for p in small_gazetteer.lookup("Kharkiv Oblast") if p.feature_code == "ADM1")
    seat = seat_of(region, small_gazetteer)
    assert seat is not None and seat.feature_class == "P" and seat.country == "UKR"
    assert haversine_km(seat, Place("k", "Kharkiv", 49.99, 36.23, "UKR")) < 10
    country = next(p for p in small_gazetteer.lookup("Ukraine") if (p.feature_code or "").startswith("PCL"))
    assert seat_of(country, small_gazetteer) is None


def test_link_places_an_event_in_a_region_at_its_seat(
    small_gazetteer: Gazetteer, geo: GeoStage, parse: Callable[..., Document]
) -> None:
    settings = Settings(gazetteer=small_gazetteer.path)
    doc = geo(parse("Air defences downed two drones over the Kharkiv region on Monday."))
    start = doc.text.index("downed")
    event = Event("ASSAULT", 0, start, start + len("downed"), "downed")
    doc = replace(doc, events=(event,))
    with_seat = PlaceLinkStage(settings, gazetteer=small_gazetteer)(doc).events[0].place
    without = PlaceLinkStage(settings)(doc).events[0].place
    assert with_seat is not None and with_seat.place is not None and with_seat.place.feature_class == "P"
    assert with_seat.precision == 3  # still only the region is known
    assert without is not None and without.place is not None and without.place.feature_code == "ADM1"


def test_geo_keeps_a_town_after_in_when_the_document_is_about_other_countries(
    geo: GeoStage, parse: Callable[..., Document]
) -> None:
    # The march is in a French town; the countries the document names are what it is about.
    text = "Nurses demonstrated in Lorient on Saturday. They condemned the war that Russia wages in Ukraine."
    places = {m.surface: m for m in geo(parse(text)).places}
    place = places["Lorient"].place
    assert place is not None and place.country == "FRA"


@pytest.mark.parametrize(("surface", "country"), [("Sanandaj city", "IRN"), ("Tikrit town", "IRQ")])
def test_resolver_reads_a_name_with_its_kind_word(
    small_gazetteer: Gazetteer, surface: str, country: str
) -> None:
    text = f"Pensioners rallied in {surface} on Sunday."
    (mention,) = _resolve(small_gazetteer, text, [surface])
    assert mention.place is not None and mention.place.country == country
    assert mention.place.feature_class == "P" and mention.precision == 1  # the town itself, not near it


class _Towns:
    """A gazetteer stand-in that knows a few towns by one name."""

    def __init__(self, towns: list[Place]) -> None:
        self.towns = towns

    def candidates(self, name: str) -> list[Candidate]:
        return [Candidate(t, 1, i) for i, t in enumerate(self.towns)]


def test_seat_of_a_county_is_never_a_town_of_another_state() -> None:
    county = Place("c", "Maple County", 40.4, -86.9, "USA", "Indiana", "A", "ADM2", 100_000)
    abroad = Place("t", "Maple City", 39.9, -84.2, "USA", "Ohio", "P", "PPL", 9_000)
    home = Place("h", "Maple", 40.4, -86.8, "USA", "Indiana", "P", "PPL", 5_000)
    assert seat_of(county, cast(Gazetteer, _Towns([abroad]))) is None
    assert seat_of(county, cast(Gazetteer, _Towns([abroad, home]))) == home
