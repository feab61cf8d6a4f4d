"""PlaceLinkStage: where an event happened, from the parse around its trigger."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from flashpoint.geo import Gazetteer, GeoStage, PlaceLinkStage
from flashpoint.records import Actor, Document, Event, Mention
from flashpoint.settings import Settings


def _event(doc: Document, trigger: str, *, kind: str = "MOBILIZE") -> Event:
    start = doc.text.index(trigger)
    sentence = doc.sentence_at(start)
    assert sentence is not None
    return Event(
        type=kind,
        sentence=sentence.index,
        trigger_start=start,
        trigger_end=start + len(trigger),
        trigger=trigger,
    )


@pytest.fixture(scope="module")
def link(villages_gazetteer: Gazetteer) -> Callable[[Document, list[str]], list[Event]]:
    settings = Settings(gazetteer=villages_gazetteer.path)
    geo = GeoStage(settings, gazetteer=villages_gazetteer)
    linker = PlaceLinkStage(settings)

    def run(doc: Document, triggers: list[str]) -> list[Event]:
        doc = geo(doc)
        events = tuple(_event(doc, t) for t in triggers)
        return list(linker(replace(doc, events=events)).events)

    return run


def test_place_link_prefers_the_place_after_a_locative_preposition(
    link: Callable[[Document, list[str]], list[Event]], parse: Callable[..., Document]
) -> None:
    doc = parse("After driving through Idlib, the Turkish convoy stopped around Kafr Halab on Monday.")
    (event,) = link(doc, ["stopped"])
    assert event.place is not None and event.place.place is not None
    assert event.place.place.name == "Kafr Halab"
    assert event.place.precision == 1


def test_place_link_never_uses_a_demonym(
    link: Callable[[Document, list[str]], list[Event]], parse: Callable[..., Document]
) -> None:
    doc = parse("Heavy fighting was reported in Manbij. Turkish troops shelled positions overnight.")
    (event,) = link(doc, ["shelled"])
    assert event.place is not None
    assert not event.place.demonym
    assert event.place.surface == "Manbij"
    assert event.place.precision == 2  # only the sentence before says where: not an exact placement


def test_place_link_falls_back_to_the_focus_with_degraded_precision(
    link: Callable[[Document, list[str]], list[Event]], parse: Callable[..., Document]
) -> None:
    text = (
        "Aid workers returned to Afrin this week. The clinic in Afrin reopened. "
        "Donors praised the staff. Officials said that guards were deployed."
    )
    (event,) = link(parse(text), ["deployed"])
    assert event.place is not None and event.place.surface == "Afrin"
    assert event.place.precision == 2


def test_place_link_leaves_place_empty_without_any_place(
    link: Callable[[Document, list[str]], list[Event]], parse: Callable[..., Document]
) -> None:
    (event,) = link(parse("The committee met and then adjourned."), ["met"])
    assert event.place is None


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen raided the village of Kafr Halab in northern Syria on Friday night.",
        "Rebels shelled Kafr Halab in Syria before dawn.",
    ],
)
def test_place_link_prefers_a_governed_town_to_its_country(
    link: Callable[[Document, list[str]], list[Event]], parse: Callable[..., Document], text: str
) -> None:
    doc = parse(text)
    trigger = "raided" if "raided" in text else "shelled"
    (event,) = link(doc, [trigger])
    assert event.place is not None and event.place.place is not None
    assert event.place.surface == "Kafr Halab"
    assert event.place.precision == 1


def test_place_link_keeps_the_country_when_the_town_is_elsewhere(
    link: Callable[[Document, list[str]], list[Event]], parse: Callable[..., Document]
) -> None:
    # The town lies in another country than the one the event is placed in: the country stays.
    doc = parse("Officials from Kafr Halab said that protesters gathered in Turkey on Sunday.")
    (event,) = link(doc, ["gathered"])
    assert event.place is not None and event.place.place is not None
    assert event.place.surface == "Turkey"


def test_place_link_uses_the_country_when_the_sentence_names_an_unknown_place(
    link: Callable[[Document, list[str]], list[Event]], parse: Callable[..., Document]
) -> None:
    text = "Shelling hit Idlib in Syria on Monday. On Tuesday gunmen attacked Qarnazzurab at dawn."
    (event,) = link(parse(text), ["attacked"])
    assert event.place is not None and event.place.place is not None
    assert event.place.surface == "Syria"
    assert event.place.precision == 3


def test_place_link_keeps_the_country_when_the_town_is_in_another_clause(
    link: Callable[[Document, list[str]], list[Event]], parse: Callable[..., Document]
) -> None:
    # The crossing happened into Syria; the town belongs to the aim of the push, not to the crossing.
    doc = parse("On Monday the brigade crossed into Syria in a push to clear fighters out of Kafr Halab.")
    (event,) = link(doc, ["crossed"])
    assert event.place is not None and event.place.surface == "Syria"


def test_place_link_does_not_place_an_event_in_a_country_named_as_its_actor(
    link: Callable[[Document, list[str]], list[Event]], parse: Callable[..., Document]
) -> None:
    doc = parse(
        "Shelling hit Manbij again on Sunday. Residents of Manbij fled east. "
        "Later Turkey refused every call for a ceasefire."
    )
    (event,) = link(doc, ["refused"])
    assert event.place is not None and event.place.place is not None
    assert event.place.place.name == "Manbij"  # the story's town, said as a weaker statement
    assert event.place.precision == 2


def test_place_link_keeps_a_country_after_a_locative_preposition(
    link: Callable[[Document, list[str]], list[Event]], parse: Callable[..., Document]
) -> None:
    doc = parse("Shelling hit Manbij on Sunday. Two days later, troops were deployed in Turkey.")
    (event,) = link(doc, ["deployed"])
    assert event.place is not None and event.place.place is not None
    assert event.place.place.country == "TUR" and event.place.surface == "Turkey"


@pytest.mark.parametrize(
    "text",
    [
        "In Kafr Halab (Aleppo, Syria), gunmen attacked a checkpoint on Monday.",
        "On Monday, gunmen attacked a checkpoint in Kafr Halab (Aleppo, Syria).",
    ],
)
def test_place_link_prefers_the_place_to_the_divisions_in_its_brackets(
    link: Callable[[Document, list[str]], list[Event]], parse: Callable[..., Document], text: str
) -> None:
    (event,) = link(parse(text), ["attacked"])
    assert event.place is not None and event.place.surface == "Kafr Halab"


def test_place_link_takes_the_town_a_far_misread_place_is_said_to_be_in(
    link: Callable[[Document, list[str]], list[Event]], parse: Callable[..., Document]
) -> None:
    # The text puts the village in Damascus; the gazetteer's Kafr Halab lies hundreds of km away.
    doc = parse("Rebels shelled Kafr Halab in Damascus before dawn.")
    (event,) = link(doc, ["shelled"])
    assert event.place is not None and event.place.surface == "Damascus"


def test_place_link_a_nationality_in_a_locative_phrase_names_the_country(
    link: Callable[[Document, list[str]], list[Event]], parse: Callable[..., Document]
) -> None:
    doc = parse("Heavy fighting was reported in Manbij. Later, troops shelled positions on Syrian soil.")
    (event,) = link(doc, ["shelled"])
    assert event.place is not None and event.place.place is not None
    assert event.place.place.country == "SYR" and event.place.precision == 3


def test_place_link_a_nationality_before_an_act_is_not_its_place(
    link: Callable[[Document, list[str]], list[Event]], parse: Callable[..., Document]
) -> None:
    # "due to Russian bombing" says who bombed, not that the act happened in Russia.
    doc = parse("Fighting raged in Manbij. Due to nearby Russian bombing, the convoy turned back.")
    (event,) = link(doc, ["turned"])
    assert event.place is None or event.place.place is None or event.place.place.country != "RUS"


def _link_as(villages_gazetteer: Gazetteer, doc: Document, trigger: str, kind: str) -> Event:
    settings = Settings(gazetteer=villages_gazetteer.path)
    doc = GeoStage(settings, gazetteer=villages_gazetteer)(doc)
    event = _event(doc, trigger, kind=kind)
    (linked,) = PlaceLinkStage(settings)(replace(doc, events=(event,))).events
    return linked


def test_place_link_skips_a_country_the_previous_sentence_names_as_a_party(
    villages_gazetteer: Gazetteer, parse: Callable[..., Document]
) -> None:
    # "the US" in the sentence before says who, not where: the story stays at its town.
    doc = parse(
        "Shells hit the market of Manbij on Monday. And the US has no wish to pull out. "
        "More armoured vehicles deployed overnight."
    )
    event = _link_as(villages_gazetteer, doc, "deployed", "MOBILIZE")
    assert event.place is not None and event.place.place is not None
    assert event.place.place.name == "Manbij"


def test_place_link_puts_a_promise_of_support_where_it_was_made_not_at_the_last_town(
    villages_gazetteer: Gazetteer, parse: Callable[..., Document]
) -> None:
    # An expressed intent (AGREE) is a statement: with no place of its own in a story told across towns,
    # only the country is known, not the town of the sentence before.
    doc = parse(
        "Fighting spread from Aleppo to Idlib and Homs this week. Shells fell on Kafr Halab. "
        "A coalition spokesman said the allies would go on backing the Kurdish units."
    )
    event = _link_as(villages_gazetteer, doc, "backing", "AGREE")
    assert event.place is None or event.place.place is None or event.place.precision == 3


@pytest.mark.parametrize(
    ("text", "trigger", "town"),
    [
        # a quarter the index reads as a far-off town of the same name: the town with its address wins
        ("On 2 March, in Salem (Oregon), nurses rallied in Leeds sector to demand pay.", "rallied", "Salem"),
        # a place named with its own address keeps the event
        (
            "On 2 March, nurses from Salem (Oregon) marched in Eugene (Oregon) to demand pay.",
            "marched",
            "Eugene",
        ),
    ],
)
def test_place_link_prefers_the_town_named_with_its_address(
    link: Callable[[Document, list[str]], list[Event]],
    parse: Callable[..., Document],
    text: str,
    trigger: str,
    town: str,
) -> None:
    (event,) = link(parse(text), [trigger])
    assert event.place is not None and event.place.surface == town


def test_place_link_does_not_place_an_act_at_a_capital_named_as_the_accused(
    villages_gazetteer: Gazetteer, parse: Callable[..., Document]
) -> None:
    # "Ankara" stands for the Turkish government here; the accusation is not placed in Ankara.
    doc = parse("The militia commander accused Ankara of shelling the water station on purpose.")
    settings = Settings(gazetteer=villages_gazetteer.path)
    doc = GeoStage(settings, gazetteer=villages_gazetteer)(doc)
    start = doc.text.index("Ankara")
    government = Actor(country="TUR", sector="GOV", kind="state")
    doc = replace(doc, mentions=(Mention(start, start + len("Ankara"), "Ankara", government, 0),))
    event = _event(doc, "accused", kind="ACCUSE")
    (linked,) = PlaceLinkStage(settings)(replace(doc, events=(event,))).events
    assert linked.place is None or linked.place.surface != "Ankara"
