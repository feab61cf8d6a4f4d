"""Short reports as one happening: one event with the report's ACLED label, distinct happenings kept apart."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from flashpoint.events import EventStage
from flashpoint.events.acled import NOTE_SENTENCES, elsewhere, label_note, note_length
from flashpoint.records import Document, Event, Place, PlaceMention, Sentence

Code = Callable[..., tuple[Event, ...]]


def _sentences(*texts: str) -> tuple[Sentence, ...]:
    return tuple(Sentence(i, 0, len(text), text) for i, text in enumerate(texts))


def test_note_length_does_not_count_closing_tags() -> None:
    sentences = _sentences(
        "Farmers marched in the capital.",
        "They demanded cheaper diesel.",
        "[size=a few hundred]",
        "[crowd: farmers] [counter-march]",
    )
    assert note_length(sentences) == 2


def test_note_length_counts_sentences_that_hold_a_tag() -> None:
    assert note_length(_sentences("Traders shut their stalls [size=dozens].", "Police watched.")) == 2


def _coded(
    parse: Callable[..., Document], event_stage: EventStage, text: str, towns: tuple[str, ...] = ()
) -> tuple[Event, ...]:
    """Code `text` with each of `towns` given as a resolved town (as the geo stage would)."""
    doc = parse(text)
    located = []
    for name in towns:
        start = text.index(name)
        sentence = doc.sentence_at(start)
        place = Place(id=name, name=name, lat=1.0, lon=1.0, country="RUR", feature_code="PPL")
        located.append(
            PlaceMention(
                start,
                start + len(name),
                name,
                place,
                precision=1,
                sentence=sentence.index if sentence else -1,
            )
        )
    return event_stage(replace(doc, places=tuple(located))).events


@pytest.mark.parametrize(
    "text",
    [
        # the crowd's words after it took to the streets are the protest
        "Hundreds of nurses rallied outside the health ministry in Ostrava. They condemned the pay freeze "
        "and urged the minister to resign.",
        # who joins a protest joins that one happening
        "Dozens of taxi drivers blocked the ring road in Ostrava. Members of two tenant unions also attended "
        "the blockade.",
        # the police dispersal is the protest's intervention
        "Some 300 students marched to the parliament in Ostrava. Police fired tear gas to disperse the march.",
    ],
)
def test_note_a_protest_report_is_one_event(
    parse: Callable[..., Document], event_stage: EventStage, text: str
) -> None:
    events = _coded(parse, event_stage, text, ("Ostrava",))
    assert [e.type for e in events] == ["PROTEST"]
    assert events[0].acled_event_type == "Protests"


def test_note_a_dispersal_labels_the_protest_as_an_intervention(
    parse: Callable[..., Document], event_stage: EventStage
) -> None:
    text = (
        "Some 300 students marched to the parliament in Ostrava. Police fired tear gas to disperse the march."
    )
    (event,) = _coded(parse, event_stage, text, ("Ostrava",))
    assert event.acled_sub_event_type == "Protest with intervention"


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen stormed a police post near Ostrava on Sunday. Fighting lasted two hours, and four officers "
        "were killed.",
        "Militia fighters ambushed an army patrol outside Ostrava, which left six soldiers dead.",
    ],
)
def test_note_the_casualties_of_a_clash_are_the_clash(
    parse: Callable[..., Document], event_stage: EventStage, text: str
) -> None:
    events = _coded(parse, event_stage, text, ("Ostrava",))
    assert [e.type for e in events] == ["ASSAULT"]
    assert events[0].acled_event_type == "Battles"


def test_note_strikes_on_two_towns_are_two_events(
    parse: Callable[..., Document], event_stage: EventStage
) -> None:
    text = "Near Ostrava, two air strikes destroyed a fuel depot. Near Brunnfeld, an air strike destroyed a bridge."
    events = _coded(parse, event_stage, text, ("Ostrava", "Brunnfeld"))
    assert [e.type for e in events] == ["ASSAULT", "ASSAULT"]
    assert [e.acled_sub_event_type for e in events] == ["Air/drone strike", "Air/drone strike"]


def test_note_another_partys_decision_stays_its_own_event(
    parse: Callable[..., Document], event_stage: EventStage
) -> None:
    # the crowd protests the minister's act: the act is not part of the protest
    text = (
        "Teachers protested in Ostrava on Monday. The minister had closed the union's offices a week earlier."
    )
    events = _coded(parse, event_stage, text, ("Ostrava",))
    assert [(e.type, e.acled_event_type) for e in events] == [("PROTEST", "Protests"), ("SANCTION", None)]


def _event(kind: str, start: int, *, sentence: int = 0, actor: str | None = None, **more: object) -> Event:
    return Event(
        type=kind,
        sentence=sentence,
        trigger_start=start,
        trigger_end=start + 5,
        trigger="xxxxx",
        actor_text=actor,
        goldstein=-9.0 if kind == "ASSAULT" else -6.5,
        **more,  # type: ignore[arg-type]
    )


def _town(name: str, sentence: int) -> PlaceMention:
    place = Place(id=name, name=name, lat=0.0, lon=0.0, country="RUR")
    return PlaceMention(0, len(name), name, place, precision=1, sentence=sentence)


def test_elsewhere_needs_another_town_in_its_own_sentence() -> None:
    first, second = _event("ASSAULT", 0), _event("ASSAULT", 60, sentence=1)
    assert elsewhere(second, first, [_town("Ostrava", 0), _town("Brunnfeld", 1)])
    assert not elsewhere(second, first, [_town("Ostrava", 0), _town("Ostrava", 1)])
    assert not elsewhere(second, first, [_town("Ostrava", 0)])  # no town of its own: same happening
    assert not elsewhere(
        _event("ACCUSE", 60, sentence=1), first, [_town("Ostrava", 0), _town("Brunnfeld", 1)]
    )


def test_label_note_a_refused_act_is_never_folded() -> None:
    text = "Rebels shelled the town, and the army refused to withdraw from it."
    events = [
        _event("ASSAULT", 7, actor="Rebels"),
        _event("RETREAT", 49, actor="the army", negated=True),
    ]
    labelled = label_note(text, events, sentences=1)
    assert [e.type for e in labelled] == ["ASSAULT", "RETREAT"]
    assert labelled[0].acled_sub_event_type == "Shelling/artillery/missile attack"


def test_label_note_a_long_story_keeps_every_event() -> None:
    text = "Rebels shelled the town. Rebels shelled the town again."
    events = [_event("ASSAULT", 7, actor="Rebels"), _event("ASSAULT", 32, sentence=1, actor="Rebels")]
    assert len(label_note(text, events, sentences=NOTE_SENTENCES + 1)) == 2


def test_label_note_the_polices_intervention_folds_into_the_protest() -> None:
    text = "Nurses marched to the ministry. Police intervened and the crowd left."
    events = [
        _event("PROTEST", 7, actor="Nurses"),
        _event("AID", 39, sentence=1, actor="Police"),
    ]
    (event,) = label_note(text, events, sentences=2)
    assert event.type == "PROTEST" and event.acled_event_type == "Protests"


def test_label_note_a_crowds_words_before_its_protest_fold_into_it() -> None:
    text = "Local residents demanded clean water and then protested outside the town hall."
    events = [
        _event("REQUEST", text.index("demanded"), actor="Local residents"),
        _event("PROTEST", text.index("protested"), actor="Local residents"),
    ]
    (event,) = label_note(text, events, sentences=1)
    assert event.type == "PROTEST" and event.acled_sub_event_type == "Peaceful protest"
