"""The time stage: event dates from their sentence, the post or document date, and honest fallbacks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

import pytest

from flashpoint.records import Document, Event, Post, Sentence
from flashpoint.settings import Settings
from flashpoint.time import UNDATED_PRECISION, TimeStage, event_date

PUBLISHED = dt.date(2022, 6, 15)  # a Wednesday


def _document(
    text: str, triggers: list[str], *, published: dt.date | None = PUBLISHED, posts: tuple[Post, ...] = ()
) -> Document:
    # One sentence per line; one event per trigger word, in the sentence that holds it.
    sentences, start = [], 0
    for index, line in enumerate(text.split("\n")):
        sentences.append(Sentence(index=index, start=start, end=start + len(line), text=line))
        start += len(line) + 1
    events = []
    for trigger in triggers:
        at = text.index(trigger)
        sentence = next(s for s in sentences if s.start <= at < s.end)
        events.append(
            Event(
                type="ASSAULT",
                sentence=sentence.index,
                trigger_start=at,
                trigger_end=at + len(trigger),
                trigger=trigger,
            )
        )
    return Document(
        id="d", text=text, published=published, posts=posts, sentences=tuple(sentences), events=tuple(events)
    )


def _dates(doc: Document) -> list[tuple[dt.date | None, str | None]]:
    out = TimeStage(Settings())(doc)
    return [(e.date, e.date_precision) for e in out.events]


def test_time_stage_contract() -> None:
    stage = TimeStage(Settings())
    assert stage.name == "time"
    assert stage.requires == {"events", "sentences"}
    assert stage.provides == {"events.date"}


def test_time_stage_dates_each_event_from_its_sentence() -> None:
    doc = _document(
        "Militants attacked a checkpoint on Sunday.\nPolice raided a house last week.\nThe army shelled a village.",
        ["attacked", "raided", "shelled"],
    )
    assert _dates(doc) == [
        (dt.date(2022, 6, 12), "day"),
        (dt.date(2022, 6, 8), "week"),
        (PUBLISHED, UNDATED_PRECISION),  # no expression: reported around publication
    ]


def test_time_stage_picks_the_expression_nearest_the_trigger() -> None:
    doc = _document(
        "After talks collapsed last month, gunmen stormed the office yesterday.", ["collapsed", "stormed"]
    )
    assert _dates(doc) == [(dt.date(2022, 5, 1), "month"), (dt.date(2022, 6, 14), "day")]


def test_time_stage_uses_the_embedded_post_date() -> None:
    text = "A reporter wrote about the day.\nSoldiers fired on a crowd yesterday."
    second = text.index("Soldiers")
    post = Post(start=second, end=len(text), handle="@reporter", published=dt.date(2022, 1, 20))
    doc = _document(text, ["fired"], posts=(post,))
    assert _dates(doc) == [(dt.date(2022, 1, 19), "day")]


def test_time_stage_post_without_date_falls_back_to_document() -> None:
    text = "Soldiers fired on a crowd yesterday."
    doc = _document(text, ["fired"], posts=(Post(start=0, end=len(text)),))
    assert _dates(doc) == [(dt.date(2022, 6, 14), "day")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rebels seized the town yesterday.", (None, None)),
        ("Rebels seized the town on 3 April 2019.", (dt.date(2019, 4, 3), "day")),
        ("Rebels seized the town in 2014.", (dt.date(2014, 1, 1), "year")),
    ],
)
def test_time_stage_without_reference_keeps_only_absolute_dates(
    text: str, expected: tuple[dt.date | None, str | None]
) -> None:
    doc = _document(text, ["seized"], published=None)
    assert _dates(doc) == [expected]


def test_time_stage_keeps_a_date_already_set() -> None:
    doc = _document("Rebels seized the town yesterday.", ["seized"])
    known = replace(doc.events[0], date=dt.date(2020, 1, 1), date_precision="day")
    out = TimeStage(Settings())(replace(doc, events=(known,)))
    assert (out.events[0].date, out.events[0].date_precision) == (dt.date(2020, 1, 1), "day")


def test_time_stage_leaves_documents_without_events_alone() -> None:
    doc = _document("Nothing happened on Monday.", [])
    assert TimeStage(Settings())(doc) is doc


@pytest.mark.slow
def test_time_stage_reads_spacy_date_entities(parse: Callable[..., Document]) -> None:
    # "the autumn of 2015" has no cue word our patterns know, but the tagger marks it a date.
    doc = parse("Government troops besieged the city throughout the autumn of 2015.", published=PUBLISHED)
    at = doc.text.index("besieged")
    event = Event(type="COERCE", sentence=0, trigger_start=at, trigger_end=at + 8, trigger="besieged")
    entities = [e.text for e in doc.parsed.ents if e.label_ == "DATE"]
    assert any("2015" in e for e in entities)
    assert event_date(doc, event) == (dt.date(2015, 1, 1), "year")


@pytest.mark.slow
def test_time_stage_prefers_the_expression_the_parse_attaches(parse: Callable[..., Document]) -> None:
    # Nearest by characters is "in March" (another verb's); the parse ties "on Sunday" to the trigger.
    doc = parse("Gunmen who had fled in March stormed the office on Sunday.", published=PUBLISHED)
    at = doc.text.index("stormed")
    event = Event(type="ASSAULT", sentence=0, trigger_start=at, trigger_end=at + 7, trigger="stormed")
    assert event_date(doc, event) == (dt.date(2022, 6, 12), "day")


@pytest.mark.slow
def test_time_stage_day_of_another_verb_only_gives_the_week(parse: Callable[..., Document]) -> None:
    doc = parse("Police said on Sunday that gunmen had attacked a checkpoint.", published=PUBLISHED)
    said, attacked = doc.text.index("said"), doc.text.index("attacked")
    report = Event(type="CONSULT", sentence=0, trigger_start=said, trigger_end=said + 4, trigger="said")
    attack = Event(
        type="ASSAULT", sentence=0, trigger_start=attacked, trigger_end=attacked + 8, trigger="attacked"
    )
    assert event_date(doc, report) == (dt.date(2022, 6, 12), "day")
    assert event_date(doc, attack) == (dt.date(2022, 6, 12), "week")


def test_time_stage_public_names_resolve() -> None:
    import flashpoint.time as package

    assert {"TimeStage", "resolve_date", "find_dates"} <= set(package.__all__)
    assert all(getattr(package, name, None) is not None for name in package.__all__)


def test_time_stage_events_of_one_sentence_share_its_expressions() -> None:
    # Three events in one sentence, one in the next: each is dated from its own sentence, whatever
    # the stage kept from reading the one before.
    text = "Rebels shelled Klow on Monday, burned a depot and raided a farm.\nOn 3 May 2021 troops fired on Szohod."
    dates = _dates(_document(text, ["shelled", "burned", "raided", "fired"]))
    monday = dt.date(2022, 6, 13)
    assert dates[:3] == [(monday, "day")] * 3
    assert dates[3] == (dt.date(2021, 5, 3), "day")
    # the same sentence against another reference date is read afresh
    later = _dates(_document(text, ["shelled"], published=dt.date(2022, 6, 22)))
    assert later == [(dt.date(2022, 6, 20), "day")]


@pytest.mark.slow
def test_time_stage_date_entities_of_each_document(parse: Callable[..., Document]) -> None:
    first = parse("Troops besieged the town throughout the autumn of 2015.", published=PUBLISHED)
    second = parse("Troops besieged the town throughout the winter of 2012.", published=PUBLISHED)
    for doc, year in ((first, 2015), (second, 2012), (first, 2015)):
        at = doc.text.index("besieged")
        event = Event(type="COERCE", sentence=0, trigger_start=at, trigger_end=at + 8, trigger="besieged")
        assert event_date(doc, event) == (dt.date(year, 1, 1), "year")
