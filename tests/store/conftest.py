"""Store fixtures: hand-built documents and a Store on SQLite (and on PostgreSQL when one is configured)."""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from flashpoint import open_store
from flashpoint.records import (
    Actor,
    Claim,
    Document,
    Event,
    Place,
    PlaceMention,
    Post,
    Sentence,
    content_hash,
)
from flashpoint.store import Store

PG_URL = os.environ.get("FLASHPOINT_TEST_PG_URL")

ALEPPO = Place(id="170063", name="Aleppo", lat=36.2021, lon=37.1343, country="SYR", admin1="Aleppo")
MOSUL = Place(id="99072", name="Mosul", lat=36.335, lon=43.1189, country="IRQ", admin1="Nineveh")
KYIV = Place(id="703448", name="Kyiv", lat=50.4547, lon=30.5238, country="UKR", admin1="Kyiv City")


FIXED_NOW = dt.datetime(2024, 3, 1, 12, 0, tzinfo=dt.UTC)


def fixed_clock() -> dt.datetime:
    return FIXED_NOW


@pytest.fixture()
def now() -> dt.datetime:
    """The time the store's clock reports in these tests (ingest and rejection times)."""
    return FIXED_NOW


@pytest.fixture(
    params=[
        "sqlite",
        pytest.param(
            "postgresql",
            marks=[
                pytest.mark.postgres,
                pytest.mark.skipif(
                    PG_URL is None, reason="set FLASHPOINT_TEST_PG_URL to run against PostgreSQL"
                ),
            ],
        ),
    ]
)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A fresh Store: an SQLite file, or a private schema on the PostgreSQL server."""
    if request.param == "sqlite":
        opened = open_store(str(tmp_path / "events.db"), clock=fixed_clock)
        yield opened
        opened.close()
        return
    yield from _postgres_store()


def _postgres_store() -> Iterator[Store]:
    from sqlalchemy import create_engine, text

    assert PG_URL is not None
    schema = f"fp_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    separator = "&" if "?" in PG_URL else "?"
    opened = open_store(f"{PG_URL}{separator}options=-csearch_path%3D{schema}", clock=fixed_clock)
    try:
        yield opened
    finally:
        opened.close()
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


def _sentence_of(text: str, phrase: str, index: int) -> Sentence:
    start = text.index(phrase)
    return Sentence(index=index, start=start, end=start + len(phrase), text=phrase)


DocumentFactory = Callable[..., Document]


@pytest.fixture()
def make_document() -> DocumentFactory:
    """Return a builder of a small, fully enriched document (two events, places, a post, claims)."""

    def make(
        *,
        suffix: str = "",
        published: dt.date | None = dt.date(2024, 2, 20),
        fatalities: int | None = 2,
        lat: float | None = None,
    ) -> Document:
        first = "Rebel fighters shelled an army post near Aleppo on Sunday, a monitor said."
        second = "Iraqi police arrested three men in Mosul."
        third = "Officials in Kyiv asked for more air defence."
        text = f"{first} {second}\n\n{third}{suffix}"
        sentences = tuple(_sentence_of(text, s, i) for i, s in enumerate((first, second, third)) if s in text)
        trig1, trig2, trig3 = text.index("shelled"), text.index("arrested"), text.index("asked")
        aleppo_at, mosul_at, kyiv_at = text.index("Aleppo"), text.index("Mosul"), text.index("Kyiv")
        aleppo = ALEPPO if lat is None else replace(ALEPPO, lat=lat)
        aleppo_mention = PlaceMention(
            aleppo_at, aleppo_at + 6, "Aleppo", aleppo, precision=1, score=0.9, sentence=0
        )
        mosul_mention = PlaceMention(
            mosul_at, mosul_at + 5, "Mosul", MOSUL, precision=1, score=0.8, sentence=1
        )
        kyiv_mention = PlaceMention(kyiv_at, kyiv_at + 4, "Kyiv", KYIV, precision=1, score=0.7, sentence=2)
        events = (
            Event(
                type="ASSAULT",
                sentence=0,
                trigger_start=trig1,
                trigger_end=trig1 + 7,
                trigger="shelled",
                mode="aerial",
                actor=Actor("SYR", "REB", name=None, kind="group"),
                actor_text="Rebel fighters",
                recipient=Actor("SYR", "MIL"),
                recipient_text="an army post",
                claims=(
                    Claim(
                        stance="reported",
                        claimant="a monitor",
                        channel="Example Wire",
                        quote=None,
                        chain=("Example Wire",),
                        anonymous=True,
                    ),
                ),
                place=aleppo_mention,
                date=dt.date(2024, 2, 18),
                date_precision="day",
                cameo_root="19",
                quad_class=4,
                goldstein=-10.0,
                acled_event_type="Explosions/Remote violence",
                acled_sub_event_type="Shelling/artillery/missile attack",
                fatalities=fatalities,
            ),
            Event(
                type="COERCE",
                sentence=1,
                trigger_start=trig2,
                trigger_end=trig2 + 8,
                trigger="arrested",
                mode="arrest",
                actor=Actor("IRQ", "COP"),
                actor_text="Iraqi police",
                recipient=Actor(None, "CVL"),
                recipient_text="three men",
                place=mosul_mention,
                date=dt.date(2024, 2, 12),
                date_precision="week",
                quad_class=4,
            ),
            Event(
                type="REQUEST",
                sentence=2,
                trigger_start=trig3,
                trigger_end=trig3 + 5,
                trigger="asked",
                actor=Actor("UKR", "GOV", name="Ukrainian government"),
                actor_text="Officials",
                aux_modes=("future",),
                place=kyiv_mention,
                claims=(
                    Claim(stance="asserted", claimant="Officials", claimant_actor=Actor("UKR", "GOV")),
                    Claim(
                        stance="reported",
                        channel="@example_handle",
                        quote="asked for more",
                        quote_start=0,
                        quote_end=5,
                    ),
                ),
                date=None,
            ),
        )
        return Document(
            id="article-1",
            text=text,
            title="Shelling and arrests",
            author="A. Writer",
            publisher="Example Wire",
            published=published,
            url="https://news.example/1",
            source="tests/article-1.txt",
            posts=(Post(start=sentences[-1].start, end=len(text), handle="@example_handle"),),
            hash=content_hash(text),
            sentences=sentences,
            places=(aleppo_mention, mosul_mention, kyiv_mention),
            events=events,
        )

    return make
