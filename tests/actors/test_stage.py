"""The actors stage on text we parse ourselves: mentions found, coded, placed in their sentence."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from typing import Any

import pytest

from flashpoint.actors import ActorStage
from flashpoint.records import Document, Mention
from flashpoint.settings import Settings

TEXT = (
    "Lithuanian border guards detained two Belarusian men near Vilnius on Monday, the Kremlin said. "
    "Later, Prime Minister Shinzo Abe met the Greek coast guard commander in Athens."
)


@pytest.fixture(scope="module")
def stage() -> ActorStage:
    return ActorStage(Settings())


@pytest.fixture(scope="module")
def mentions(stage: ActorStage, parse: Callable[..., Document]) -> tuple[Mention, ...]:
    doc = stage(parse(TEXT, published=dt.date(2016, 5, 1)))
    return doc.mentions


def _by_code(mentions: tuple[Mention, ...]) -> dict[str, list[Mention]]:
    found: dict[str, list[Mention]] = {}
    for mention in mentions:
        assert mention.actor is not None
        found.setdefault(mention.actor.code, []).append(mention)
    return found


@pytest.mark.parametrize(
    ("code", "surface", "sentence"),
    [
        ("LTUMIL", "Lithuanian border guards", 0),
        ("RUSGOV", "Kremlin", 0),
        ("JPNGOV", "Shinzo Abe", 1),
        ("GRCMIL", "Greek coast guard commander", 1),
    ],
)
def test_stage_codes_mentions(mentions: tuple[Mention, ...], code: str, surface: str, sentence: int) -> None:
    found = _by_code(mentions)
    assert code in found, f"{code} not among {sorted(found)}"
    assert any(surface in m.text and m.sentence == sentence for m in found[code])


def test_stage_offsets_index_the_text(mentions: tuple[Mention, ...]) -> None:
    assert mentions
    for mention in mentions:
        assert TEXT[mention.start : mention.end] == mention.text
    starts = [m.start for m in mentions]
    assert starts == sorted(starts)
    spans = [(m.start, m.end) for m in mentions]
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


def test_stage_skips_places_used_as_locations(mentions: tuple[Mention, ...]) -> None:
    surfaces = {m.text for m in mentions}
    assert "Vilnius" not in surfaces
    assert "Athens" not in surfaces


def test_stage_uses_the_document_date(stage: ActorStage, parse: Callable[..., Document]) -> None:
    text = "Shinzo Abe spoke to reporters."
    before = stage(parse(text, published=dt.date(2016, 5, 1))).mentions
    after = stage(parse(text, published=dt.date(2023, 5, 1))).mentions
    sectors = {m.actor.sector for m in before if m.actor}, {m.actor.sector for m in after if m.actor}
    assert "GOV" in sectors[0]
    assert "ELI" in sectors[1]


def test_stage_contract(stage: ActorStage) -> None:
    assert stage.requires == {"sentences", "parsed"}
    assert stage.provides == {"mentions"}
    unparsed = Document(id="u", text="Kenyan police")
    assert stage(unparsed).mentions == ()


def test_stage_pipe_matches_call(stage: ActorStage, parse: Callable[..., Any]) -> None:
    docs = [parse("Yemeni civilians fled."), parse("The Pentagon declined to comment.")]
    assert [d.mentions for d in stage.pipe(docs)] == [stage(d).mentions for d in docs]


def _coded(stage: ActorStage, parse: Callable[..., Document], text: str) -> dict[str, str]:
    doc = stage(parse(text, published=dt.date(2021, 3, 1)))
    return {m.text: m.actor.code for m in doc.mentions if m.actor is not None}


def test_stage_definite_phrase_takes_the_country_named_earlier(
    stage: ActorStage, parse: Callable[..., Document]
) -> None:
    coded = _coded(
        stage, parse, "Peru's interior ministry denied the report. Later the ministry closed two roads."
    )
    assert coded["ministry"] == "PERGOV"


def test_stage_definite_phrase_stays_open_when_two_countries_share_its_noun(
    stage: ActorStage, parse: Callable[..., Document]
) -> None:
    text = "The Chadian army and the Sudanese army met at the border. Then the army withdrew."
    coded = _coded(stage, parse, text)
    assert coded["army"] == "---MIL"


def test_stage_bare_coalition_is_the_one_the_document_names(
    stage: ActorStage, parse: Callable[..., Document]
) -> None:
    coded = _coded(
        stage, parse, "A Saudi-led coalition formed in March. By June the coalition bombed a port."
    )
    assert coded["coalition"] == "SAUMIL"
    war = _coded(stage, parse, "Near the river, the coalition carried out three strikes on Friday.")
    assert war["coalition"] == "IGOMIL"


def test_stage_bare_coalition_of_a_political_story_is_no_actor(
    stage: ActorStage, parse: Callable[..., Document]
) -> None:
    coded = _coded(stage, parse, "The coalition lost its majority after the vote on Thursday.")
    assert "coalition" not in coded and "The coalition" not in coded
