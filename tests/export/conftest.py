"""Export fixtures: a hand-built enriched document and the stored events it becomes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from flashpoint import open_store
from flashpoint.records import Actor, Claim, Document, Event, Place, PlaceMention, Sentence, content_hash
from flashpoint.store import StoredEvent

TEXT = (
    "Border guards fired on smugglers near Zakho on Tuesday. "
    "A ministry spokesman denied that troops entered the village.\n"
    "Protesters gathered in Erbil."
)


def _at(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


@pytest.fixture()
def document() -> Document:
    """A document with three events: located and dated, negated with a claim, and one without a place."""
    first_end = TEXT.index("Tuesday.") + len("Tuesday.")
    second_end = TEXT.index("village.") + len("village.")
    sentences = (
        Sentence(0, 0, first_end, TEXT[:first_end]),
        Sentence(1, first_end + 1, second_end, TEXT[first_end + 1 : second_end]),
        Sentence(2, second_end + 1, len(TEXT), TEXT[second_end + 1 :]),
    )
    zakho = Place(id="292", name="Zakho", lat=37.1437, lon=42.6819, country="IRQ", admin1="Duhok")
    erbil = Place(id="95446", name="Erbil", lat=36.19, lon=44.01, country="IRQ", admin1="Erbil")
    zakho_at, erbil_at = _at(TEXT, "Zakho"), _at(TEXT, "Erbil")
    zakho_mention = PlaceMention(*zakho_at, "Zakho", zakho, precision=1, score=0.9, sentence=0)
    erbil_mention = PlaceMention(*erbil_at, "Erbil", erbil, precision=1, score=0.9, sentence=2)
    village_at = _at(TEXT, "village")
    unresolved = PlaceMention(*village_at, "village", None, sentence=1)
    fired, entered, gathered = _at(TEXT, "fired"), _at(TEXT, "entered"), _at(TEXT, "gathered")
    events = (
        Event(
            type="ASSAULT",
            sentence=0,
            trigger_start=fired[0],
            trigger_end=fired[1],
            trigger="fired",
            mode="firearms",
            actor=Actor("IRQ", "MIL"),
            actor_text="Border guards",
            recipient=Actor(None, "CRM"),
            recipient_text="smugglers",
            place=zakho_mention,
            date=dt.date(2023, 5, 9),
            date_precision="day",
            cameo_root="19",
            quad_class=4,
            goldstein=-10.0,
            acled_event_type="Battles",
            acled_sub_event_type="Armed clash",
            fatalities=1,
            claims=(Claim(stance="asserted"),),
        ),
        Event(
            type="MOBILIZE",
            sentence=1,
            trigger_start=entered[0],
            trigger_end=entered[1],
            trigger="entered",
            actor_text="troops",
            negated=True,
            aux_modes=("negation",),
            place=unresolved,
            date=dt.date(2023, 5, 10),
            date_precision="week",
            claims=(
                Claim(
                    stance="denied",
                    claimant="A ministry spokesman",
                    claimant_actor=Actor("IRQ", "GOV"),
                    channel=None,
                    quote="troops entered the village",
                ),
            ),
        ),
        Event(
            type="PROTEST",
            sentence=2,
            trigger_start=gathered[0],
            trigger_end=gathered[1],
            trigger="gathered",
            actor=Actor("IRQ", "CVL"),
            actor_text="Protesters",
            place=erbil_mention,
            date=dt.date(2023, 5, 1),
            date_precision="month",
            acled_event_type="Protests",
            acled_sub_event_type="Peaceful protest",
        ),
    )
    return Document(
        id="wire-7",
        text=TEXT,
        title="Shots at the border",
        publisher="Example Wire",
        published=dt.date(2023, 5, 10),
        url="https://wire.example/7",
        hash=content_hash(TEXT),
        sentences=sentences,
        places=(zakho_mention, unresolved, erbil_mention),
        events=events,
    )


@pytest.fixture()
def stored(document: Document, tmp_path: Path) -> list[StoredEvent]:
    """The document's events as the store gives them back (latest date first)."""
    with open_store(
        str(tmp_path / "export.db"), clock=lambda: dt.datetime(2023, 5, 11, tzinfo=dt.UTC)
    ) as store:
        store.add(document)
        return store.events()
