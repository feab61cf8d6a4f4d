"""Where an event happened: opening phrases, brackets, landmarks, countries as actors, statements."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from flashpoint.geo import Gazetteer, GeoStage, PlaceLinkStage
from flashpoint.records import Document, Event
from flashpoint.settings import Settings

Link = Callable[[Document, list[tuple[str, str]]], list[Event]]


@pytest.fixture(scope="module")
def link(villages_gazetteer: Gazetteer) -> Link:
    settings = Settings(gazetteer=villages_gazetteer.path)
    geo = GeoStage(settings, gazetteer=villages_gazetteer)
    linker = PlaceLinkStage(settings)

    def run(doc: Document, triggers: list[tuple[str, str]]) -> list[Event]:
        doc = geo(doc)
        events = []
        for trigger, kind in triggers:
            start = doc.text.index(trigger)
            sentence = doc.sentence_at(start)
            assert sentence is not None
            events.append(Event(kind, sentence.index, start, start + len(trigger), trigger))
        return list(linker(replace(doc, events=tuple(events))).events)

    return run


def _surface(event: Event) -> str | None:
    return event.place.surface if event.place is not None else None


@pytest.mark.parametrize(
    "text",
    [
        "In Saraqib (Idlib), farmers whose land was seized in Aleppo marched on Tuesday.",
        "On 3 May 2021, in Saraqib, farmers whose land was seized in Aleppo marched.",
    ],
)
def test_link_an_opening_phrase_places_the_sentence(
    link: Link, parse: Callable[..., Document], text: str
) -> None:
    (event,) = link(parse(text), [("marched", "PROTEST")])
    assert _surface(event) == "Saraqib"


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen attacked a bakery in Syria (Idlib, Idlib) at dawn.",
        "Gunmen attacked a bakery in Syria [Idlib] at dawn.",
    ],
)
def test_link_a_region_gives_way_to_the_town_its_brackets_name(
    link: Link, parse: Callable[..., Document], text: str
) -> None:
    (event,) = link(parse(text), [("attacked", "ASSAULT")])
    assert _surface(event) == "Idlib"


def test_link_a_landmark_gives_way_to_its_town(link: Link, parse: Callable[..., Document]) -> None:
    doc = parse("In Idlib, traders held a sit-in at Aleppo square on Friday.")
    (event,) = link(doc, [("sit-in", "PROTEST")])
    assert _surface(event) == "Idlib"


def test_link_a_hyphenated_pair_is_not_a_place(link: Link, parse: Callable[..., Document]) -> None:
    doc = parse("Militants ambushed a truck on the Idlib-Aleppo highway near Saraqib.")
    (event,) = link(doc, [("ambushed", "ASSAULT")])
    assert _surface(event) == "Saraqib"


def test_link_a_country_acting_in_a_towns_clause_is_not_the_place(
    link: Link, parse: Callable[..., Document]
) -> None:
    doc = parse("Turkish troops and militias from Turkey shelled Manbij.")
    (event,) = link(doc, [("shelled", "ASSAULT")])
    assert _surface(event) == "Manbij"


def test_link_a_statement_is_not_placed_at_its_topic(link: Link, parse: Callable[..., Document]) -> None:
    doc = parse(
        "Fighting went on around Idlib for a third day. Shops in Idlib stayed shut. "
        "Russia demanded that rebel forces leave Aleppo."
    )
    (event,) = link(doc, [("demanded", "REQUEST")])
    assert _surface(event) == "Idlib"  # the story's focus, not the town the demand is about


def test_link_a_statement_naming_no_place_is_at_the_country_not_the_storys_town(
    link: Link, parse: Callable[..., Document]
) -> None:
    doc = parse(
        "Fighting went on around Idlib, Saraqib and Kafr Halab in Syria for a third day. Shops in Idlib stayed "
        "shut. Later the ministry accused the rebels of lying."
    )
    (event,) = link(doc, [("accused", "ACCUSE")])
    assert event.place is not None and event.place.surface == "Syria" and event.place.precision == 3


def test_link_a_statement_naming_no_place_in_a_report_about_one_town_is_at_that_town(
    link: Link, parse: Callable[..., Document]
) -> None:
    doc = parse(
        "Fighting went on around Idlib in Syria for a third day. Later the ministry accused the rebels of lying."
    )
    (event,) = link(doc, [("accused", "ACCUSE")])
    assert _surface(event) == "Idlib"


@pytest.mark.parametrize("modes", [("future",), ("hypothetical",)], ids=["future", "hypothetical"])
def test_link_an_act_that_did_not_happen_naming_no_place_is_at_the_country(
    villages_gazetteer: Gazetteer, parse: Callable[..., Document], modes: tuple[str, ...]
) -> None:
    settings = Settings(gazetteer=villages_gazetteer.path)
    doc = GeoStage(settings, gazetteer=villages_gazetteer)(
        parse(
            "Fighting went on around Idlib, Saraqib and Kafr Halab in Syria for a third day. Shops in Idlib "
            "stayed shut. Nobody knows why. We hear it may turn back."
        )
    )
    start = doc.text.index("turn")
    sentence = doc.sentence_at(start)
    assert sentence is not None
    went = Event("RETREAT", sentence.index, start, start + 4, "turn", aux_modes=modes)
    happened = Event("RETREAT", sentence.index, start, start + 4, "turn")
    linked = PlaceLinkStage(settings)(replace(doc, events=(went, happened))).events
    assert [(e.place.surface, e.place.precision) if e.place else None for e in linked] == [
        ("Syria", 3),
        ("Idlib", 2),  # the same act told as a happening: the story's town
    ]


def test_link_a_statement_is_placed_where_it_was_made(link: Link, parse: Callable[..., Document]) -> None:
    doc = parse("Saraqib was shelled again. Students in Idlib demanded that the shelling of Aleppo stop.")
    (event,) = link(doc, [("demanded", "REQUEST")])
    assert _surface(event) == "Idlib"


def test_link_a_statement_of_a_gathering_is_placed_at_the_gathering(
    link: Link, parse: Callable[..., Document]
) -> None:
    doc = parse("Hundreds of nurses held a sit-in in Homs to denounce the pay cuts announced in Damascus.")
    (event,) = link(doc, [("denounce", "ACCUSE")])
    assert _surface(event) == "Homs"


def test_link_each_strike_at_its_own_town(link: Link, parse: Callable[..., Document]) -> None:
    doc = parse(
        "Near Saraqib, two strikes destroyed a fuel depot. Near Kafr Halab, one strike destroyed a bridge. "
        "Near Al-Eis, three strikes destroyed a tank."
    )
    events = link(
        doc,
        [("destroyed a fuel", "ASSAULT"), ("destroyed a bridge", "ASSAULT"), ("destroyed a tank", "ASSAULT")],
    )
    assert [_surface(e) for e in events] == ["Saraqib", "Kafr Halab", "Al-Eis"]


def test_link_a_building_far_from_the_town_it_is_in_gives_way_to_the_town(
    link: Link, parse: Callable[..., Document]
) -> None:
    # the gazetteer's "Capitol" is in another country; the text puts this one in Homs
    doc = parse("Hundreds of protesters gathered outside the Capitol in Homs on Monday.")
    (event,) = link(doc, [("gathered", "PROTEST")])
    assert _surface(event) == "Homs"


def test_link_a_country_after_by_is_the_agent_not_the_place(
    link: Link, parse: Callable[..., Document]
) -> None:
    (event,) = link(parse("Aleppo was shelled by Turkey overnight."), [("shelled", "ASSAULT")])
    assert _surface(event) == "Aleppo"


def test_link_a_building_named_for_a_country_is_not_the_country(
    link: Link, parse: Callable[..., Document]
) -> None:
    doc = parse(
        "Police detained six activists outside the Russian Consulate near the centre of Aleppo on Monday."
    )
    (event,) = link(doc, [("detained", "COERCE")])
    assert _surface(event) == "Aleppo"


def test_link_a_street_the_index_lacks_lies_in_the_storys_town(
    link: Link, parse: Callable[..., Document]
) -> None:
    doc = parse(
        "Shelling hit Idlib and Saraqib on Monday in Syria. Later, gunmen attacked a bakery on Qamar Street."
    )
    (event,) = link(doc, [("attacked", "ASSAULT")])
    assert event.place is not None and event.place.place is not None
    assert event.place.place.name in {"Idlib", "Saraqib"} and event.place.precision == 2
