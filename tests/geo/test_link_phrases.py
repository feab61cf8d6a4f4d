"""Where an event happened: datelines, "the town of X", directions, targets, named districts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from flashpoint.geo import Gazetteer, GeoStage, PlaceLinkStage
from flashpoint.geo.link import dateline
from flashpoint.records import Actor, Document, Event, Mention
from flashpoint.settings import Settings

Link = Callable[[Document, list[str]], list[Event]]


@pytest.fixture(scope="module")
def geo(villages_gazetteer: Gazetteer) -> GeoStage:
    return GeoStage(Settings(gazetteer=villages_gazetteer.path), gazetteer=villages_gazetteer)


@pytest.fixture(scope="module")
def link(villages_gazetteer: Gazetteer, geo: GeoStage) -> Link:
    linker = PlaceLinkStage(Settings(gazetteer=villages_gazetteer.path))

    def run(doc: Document, triggers: list[str]) -> list[Event]:
        doc = geo(doc)
        events = []
        for trigger in triggers:
            start = doc.text.index(trigger)
            sentence = doc.sentence_at(start)
            assert sentence is not None
            events.append(Event("ASSAULT", sentence.index, start, start + len(trigger), trigger))
        return list(linker(replace(doc, events=tuple(events))).events)

    return run


def _surface(event: Event) -> str | None:
    return event.place.surface if event.place is not None else None


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("KABUL, Afghanistan — Gunmen stormed a guest house overnight, police said.", "KABUL"),
        ("BAGHDAD (Reuters) - A roadside bomb wounded four soldiers on the main highway.", "BAGHDAD"),
        ("ADEN, Yemen -- Fighters clashed for hours. Two were killed.", "ADEN"),
    ],
)
def test_place_link_puts_an_event_without_a_place_at_the_dateline_town(
    link: Link, parse: Callable[..., Document], text: str, town: str
) -> None:
    (event,) = link(
        parse(text), ["clashed" if "clashed" in text else ("stormed" if "stormed" in text else "wounded")]
    )
    assert _surface(event) == town
    assert event.place is not None and event.place.precision == 2  # where it was filed, not exactly where


def test_place_link_prefers_the_sentence_place_to_the_dateline(
    link: Link, parse: Callable[..., Document]
) -> None:
    doc = parse("BEIRUT, Lebanon — Rebels shelled an army post near Homs on Monday, activists said.")
    (event,) = link(doc, ["shelled"])
    assert _surface(event) == "Homs"


def test_place_link_a_dateline_read_as_a_party_is_still_where(
    villages_gazetteer: Gazetteer, geo: GeoStage, parse: Callable[..., Document]
) -> None:
    doc = geo(parse("MOGADISHU, Somalia — Militants attacked a hotel overnight, witnesses said."))
    # the actor stage read the capital in capitals as the government; the dateline is a place all the same
    government = Actor(country="SOM", sector="GOV", kind="state")
    doc = replace(doc, mentions=(Mention(0, len("MOGADISHU"), "MOGADISHU", government, 0),))
    start = doc.text.index("attacked")
    event = Event("ASSAULT", 0, start, start + len("attacked"), "attacked")
    (linked,) = PlaceLinkStage(Settings(gazetteer=villages_gazetteer.path))(
        replace(doc, events=(event,))
    ).events
    assert _surface(linked) == "MOGADISHU"


@pytest.mark.parametrize(
    "text",
    [
        "Kabul — a city of millions — woke to the news.",
        "The report from Kabul said nothing — officials declined to comment.",
    ],
)
def test_dateline_needs_a_town_in_capitals_opening_the_story(
    geo: GeoStage, parse: Callable[..., Document], text: str
) -> None:
    assert dateline(geo(parse(text))) is None


@pytest.mark.parametrize(
    ("text", "trigger", "town"),
    [
        # the town named after "of" is in the locative phrase that "the town of" opens
        (
            "Rebels shelled army positions in the town of Kafr Halab in Idlib province on Friday.",
            "shelled",
            "Kafr Halab",
        ),
        ("Clashes broke out on the outskirts of Manbij near the river Euphrates.", "Clashes", "Manbij"),
        # a direction puts the act near the town it names
        (
            "Militants ambushed a convoy 30 km south of Kirkuk, and the army sent troops along the Euphrates.",
            "ambushed",
            "Kirkuk",
        ),
    ],
)
def test_place_link_reads_the_phrase_that_holds_the_town(
    link: Link, parse: Callable[..., Document], text: str, trigger: str, town: str
) -> None:
    (event,) = link(parse(text), [trigger])
    assert _surface(event) == town


def test_place_link_a_named_district_of_a_town_is_not_the_town_itself(
    link: Link, parse: Callable[..., Document]
) -> None:
    # "the Afrin district of Aleppo": Afrin is where; the governorate's city only says where Afrin lies
    doc = parse("Jets bombed a bakery in the Afrin district of Aleppo on Tuesday.")
    (event,) = link(doc, ["bombed"])
    assert _surface(event) == "Afrin"


@pytest.mark.parametrize(
    "text",
    [
        "Artillery pounded the Damascus suburb of Douma overnight.",
        "Artillery pounded the Douma suburb of Damascus overnight.",
    ],
)
def test_place_link_of_a_town_and_its_part_the_smaller_place_is_where(
    link: Link, parse: Callable[..., Document], text: str
) -> None:
    # news writes the part first or second: of the two names the smaller place is the part
    (event,) = link(parse(text), ["pounded"])
    assert _surface(event) == "Douma"


@pytest.mark.parametrize(
    "text",
    [
        "Troops shelled Manbij in rural Aleppo on Sunday.",
        "Troops shelled Manbij in the Aleppo countryside on Sunday.",
    ],
)
def test_place_link_reads_the_countryside_of_a_town_as_an_area_holding_the_village(
    link: Link, parse: Callable[..., Document], text: str
) -> None:
    (event,) = link(parse(text), ["shelled"])
    assert _surface(event) == "Manbij"


def test_place_link_keeps_the_countryside_of_a_town_when_no_village_is_named(
    link: Link, parse: Callable[..., Document]
) -> None:
    (event,) = link(parse("Troops shelled positions in rural Aleppo on Sunday."), ["shelled"])
    assert _surface(event) == "Aleppo"
    assert event.place is not None and event.place.precision == 3  # somewhere around the town


ABROAD_CSV = """name,alternates,lat,lon,country,admin1,feature_code,population
Qarvelo,,45.20,9.10,IT,Lombardy,PPL,20000
"""


def test_place_link_a_town_said_to_be_in_an_area_of_another_country_is_misread(
    gazetteer_copy: Callable[[], Path], tmp_path: Path, parse: Callable[..., Document]
) -> None:
    # the index knows "Qarvelo" only in Italy; the text puts it in the countryside of a Syrian town
    csv_file = tmp_path / "abroad.csv"
    csv_file.write_text(ABROAD_CSV, encoding="utf-8")
    gazetteer = Gazetteer.open(gazetteer_copy())
    gazetteer.add_csv(csv_file)
    settings = Settings(gazetteer=gazetteer.path)
    doc = GeoStage(settings, gazetteer=gazetteer)(
        parse("Gunmen attacked a checkpoint in the vicinity of Qarvelo town in the Aleppo countryside.")
    )
    start = doc.text.index("attacked")
    event = Event("ASSAULT", 0, start, start + len("attacked"), "attacked")
    (linked,) = PlaceLinkStage(settings)(replace(doc, events=(event,))).events
    assert linked.place is not None and linked.place.place is not None
    assert linked.place.place.country == "SYR"
