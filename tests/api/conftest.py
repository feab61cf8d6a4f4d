"""A real SQLite store filled with hand-built Documents (no spaCy): three articles on northern Syria."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from flashpoint import open_store
from flashpoint.records import Actor, Claim, Document, Event, Place, PlaceMention, Sentence
from flashpoint.settings import Settings
from flashpoint.store import Store

PLACES = {
    "Manbij": Place("166365", "Manbij", 36.5281, 37.9549, "SYR", "Aleppo", "P", "PPLA2", 99_000),
    "Afrin": Place("170017", "Afrin", 36.5119, 36.8692, "SYR", "Aleppo", "P", "PPLA2", 36_000),
    "Idlib": Place("169389", "Idlib", 35.9306, 36.6339, "SYR", "Idlib", "P", "PPLA", 128_000),
}


@dataclass(frozen=True)
class Spec:
    """One article with one event in its first sentence."""

    doc_id: str
    place: str
    date: dt.date
    type: str
    trigger: str
    sentences: tuple[str, ...]
    actor: Actor | None
    recipient: Actor | None
    claimant: str | None
    stance: str
    quad_class: int
    chain: tuple[str, ...] = ()


SPECS = (
    Spec(
        doc_id="a-manbij",
        place="Manbij",
        date=dt.date(2026, 3, 2),
        type="ASSAULT",
        trigger="shelled",
        sentences=(
            "Turkish artillery shelled villages west of Manbij on Monday, a local monitor said.",
            "Residents described fires in two farms.",
        ),
        actor=Actor("TUR", "MIL", kind="state"),
        recipient=Actor("SYR", "REB", name="Manbij Military Council", kind="group"),
        claimant="a local monitor",
        stance="reported",
        quad_class=4,
    ),
    Spec(
        doc_id="a-afrin",
        place="Afrin",
        date=dt.date(2026, 3, 20),
        type="PROTEST",
        trigger="marched",
        sentences=(
            "Hundreds of displaced families marched through Afrin demanding to return home.",
            "Organisers said the march was peaceful.",
        ),
        actor=Actor("SYR", "CVL", kind="people"),
        recipient=None,
        claimant="organisers",
        stance="asserted",
        quad_class=3,
    ),
    Spec(
        doc_id="a-idlib",
        place="Idlib",
        date=dt.date(2026, 4, 15),
        type="ASSAULT",
        trigger="struck",
        sentences=(
            "Russian jets struck a market in Idlib, according to rescuers quoted by a regional broadcaster.",
            "Moscow denied any role.",
        ),
        actor=Actor("RUS", "MIL", kind="state"),
        recipient=Actor("SYR", "CVL", kind="people"),
        claimant="rescuers",
        stance="alleged",
        quad_class=4,
        chain=("a regional broadcaster",),
    ),
)


def build_document(spec: Spec, *, extra_text: str = "") -> Document:
    """Return a Document whose offsets, sentences, place and event agree with its text."""
    text = " ".join(spec.sentences) + extra_text
    sentences = []
    cursor = 0
    for index, sentence in enumerate(spec.sentences):
        start = text.index(sentence, cursor)
        sentences.append(Sentence(index, start, start + len(sentence), sentence))
        cursor = start + len(sentence)
    if extra_text:
        start = text.index(extra_text.strip(), cursor)
        sentences.append(Sentence(len(sentences), start, len(text), text[start:]))
    trigger_start = text.index(spec.trigger)
    place_start = text.index(spec.place)
    mention = PlaceMention(
        place_start,
        place_start + len(spec.place),
        spec.place,
        PLACES[spec.place],
        precision=1,
        score=0.9,
        sentence=0,
    )
    claim = Claim(stance=spec.stance, claimant=spec.claimant, chain=spec.chain)
    event = Event(
        type=spec.type,
        sentence=0,
        trigger_start=trigger_start,
        trigger_end=trigger_start + len(spec.trigger),
        trigger=spec.trigger,
        actor=spec.actor,
        recipient=spec.recipient,
        claims=(claim,),
        place=mention,
        date=spec.date,
        date_precision="day",
        quad_class=spec.quad_class,
    )
    return Document(
        id=spec.doc_id,
        text=text,
        title=f"Report from {spec.place}",
        publisher="Test Wire",
        published=spec.date,
        sentences=tuple(sentences),
        places=(mention,),
        events=(event,),
    )


@pytest.fixture()
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "api.db"


@pytest.fixture()
def filled_store(db_path: Path) -> Iterator[Store]:
    """A store on a temp SQLite file holding the three sample articles."""
    store = open_store(str(db_path))
    for spec in SPECS:
        assert store.add(build_document(spec))
    yield store
    store.close()


@pytest.fixture()
def api_settings(db_path: Path) -> Settings:
    return Settings(db=str(db_path), max_bytes=4096)
