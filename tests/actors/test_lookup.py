"""events.lookup with the real resolver: a known person out of office takes the office their apposition names."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from flashpoint.actors import ActorDictionary, ActorResolver
from flashpoint.events.lookup import ActorLookup

# An invented person: a French minister until 2004, out of every office afterwards.
PEOPLE = "people:\n  - {name: Marta Quillon, country: FRA, roles: [[GOV, Foreign Minister, 2001-01-01, 2004-01-01]]}\n"


@pytest.fixture(scope="module")
def resolver(tmp_path_factory: pytest.TempPathFactory) -> ActorResolver:
    path: Path = tmp_path_factory.mktemp("actors") / "people.yaml"
    path.write_text(PEOPLE)
    return ActorResolver(ActorDictionary.load([path]))


def _subject(nlp: Any, text: str) -> Any:
    doc = nlp(text)
    return next(t for t in doc if t.dep_ == "nsubj")


def test_an_apposition_names_the_office_of_a_person_out_of_office(nlp: Any, resolver: ActorResolver) -> None:
    token = _subject(
        nlp, "Marta Quillon, the United Nations refugee envoy, urged both sides to open the roads."
    )
    lookup = ActorLookup(mentions=(), resolver=resolver, date=dt.date(2015, 5, 1))
    actor, _ = lookup.resolve(token)
    assert actor is not None
    assert (actor.country, actor.name, actor.kind) == ("IGO", "Marta Quillon", "person")


def test_a_person_in_office_keeps_their_own_code(nlp: Any, resolver: ActorResolver) -> None:
    token = _subject(
        nlp, "Marta Quillon, the United Nations refugee envoy, urged both sides to open the roads."
    )
    lookup = ActorLookup(mentions=(), resolver=resolver, date=dt.date(2002, 5, 1))
    actor, _ = lookup.resolve(token)
    assert actor is not None
    assert (actor.country, actor.sector) == ("FRA", "GOV")


def test_without_an_apposition_the_person_is_coded_by_the_date(nlp: Any, resolver: ActorResolver) -> None:
    token = _subject(nlp, "Marta Quillon urged both sides to open the roads.")
    lookup = ActorLookup(mentions=(), resolver=resolver, date=dt.date(2015, 5, 1))
    actor, _ = lookup.resolve(token)
    assert actor is not None
    assert (actor.country, actor.sector) == ("FRA", "ELI")
