"""The era of an undated text, from the office holders it names with their titles."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from flashpoint.actors import ActorDictionary, ActorResolver, ActorStage
from flashpoint.actors.era import era
from flashpoint.records import Document
from flashpoint.settings import Settings

# Invented people: a foreign minister of the 1990s, a president of 1985-2000 and one still in office.
_PEOPLE = """
people:
  - {name: Anselm Verhoek, country: NLD, roles: [[GOV, Foreign Minister, 1991-03-01, 1997-06-01]]}
  - {name: Odile Marchetti, country: ITA, roles: [[GOV, President, 1985-01-01, 2000-01-01]]}
  - {name: Teodor Balanescu, country: ROU, roles: [[GOV, President, 2015-01-01, null]]}
"""
_TODAY = dt.date(2026, 1, 1)


@pytest.fixture(scope="module")
def resolver(tmp_path_factory: pytest.TempPathFactory) -> ActorResolver:
    path: Path = tmp_path_factory.mktemp("era") / "people.yaml"
    path.write_text(_PEOPLE, encoding="utf-8")
    return ActorResolver(ActorDictionary.load((path,), phoenix=False))


def test_era_is_inside_the_titled_office(resolver: ActorResolver) -> None:
    found = era("Dutch Foreign Minister Anselm Verhoek flew to Cairo.", resolver, today=_TODAY)
    assert found is not None and dt.date(1991, 3, 1) <= found < dt.date(1997, 6, 1)


def test_era_is_when_all_titled_people_held_office(resolver: ActorResolver) -> None:
    text = "President Odile Marchetti received Foreign Minister Anselm Verhoek in Rome."
    found = era(text, resolver, today=_TODAY)
    assert found is not None and dt.date(1991, 3, 1) <= found < dt.date(1997, 6, 1)


@pytest.mark.parametrize(
    "text",
    [
        "Anselm Verhoek flew to Cairo.",  # no title: nothing says when
        "Former Foreign Minister Anselm Verhoek flew to Cairo.",  # the office is over
        "President Teodor Balanescu flew to Cairo.",  # still in office: today will do
        "The minister flew to Cairo.",
    ],
)
def test_era_none_without_a_past_titled_office(resolver: ActorResolver, text: str) -> None:
    assert era(text, resolver, today=_TODAY) is None


def test_era_codes_a_bare_name_by_the_office_of_its_time(resolver: ActorResolver) -> None:
    text = "Foreign Minister Anselm Verhoek met Marchetti."
    date = era(text, resolver, today=_TODAY)
    actor = resolver.resolve("Marchetti", date=date, cased=True)
    assert actor is not None and (actor.country, actor.sector) == ("ITA", "GOV")


def test_era_stage_codes_an_undated_text_in_its_era(
    resolver: ActorResolver, parse: Callable[..., Document]
) -> None:
    stage = ActorStage(Settings(), resolver=resolver)
    doc = stage(parse("Foreign Minister Anselm Verhoek said Marchetti would visit.", published=None))
    coded = {m.text: m.actor for m in doc.mentions}
    assert coded.get("Marchetti") is not None and coded["Marchetti"].sector == "GOV", coded
