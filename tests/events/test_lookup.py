"""Actor look-up: land features are places, and what does not place an unnamed group."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from flashpoint.events.lookup import ActorLookup, is_feature
from flashpoint.records import Actor, Document, Event, Mention

Code = Callable[..., tuple[Event, ...]]


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("The convoy stopped on the western bank of the river.", "bank", True),
        ("Shells fell on the outskirts of the city.", "outskirts", True),
        ("The central bank raised its rates.", "bank", False),
        ("Gunmen robbed a bank in the capital.", "bank", False),
        ("The World Bank approved a loan.", "Bank", False),
    ],
)
def test_lookup_is_feature_tells_land_from_parties(
    parse: Callable[..., Document], text: str, word: str, expected: bool
) -> None:
    doc = parse(text)
    token = next(t for t in doc.parsed if t.text == word)
    assert is_feature(token) is expected


def test_lookup_a_geocoded_place_inside_the_phrase_does_not_place_it(code_events: Code) -> None:
    # "Ruritania-backed" names the sponsor, not where the fighters are; the valley town does.
    text = "Ruritania-backed fighters shelled a checkpoint near Zelmo."
    (event,) = code_events(text, places={"Ruritania": "RUR", "Zelmo": "BOR"})
    assert event.actor is not None and event.actor.country == "BOR"


def test_lookup_a_place_in_what_a_group_says_does_not_place_it(code_events: Code) -> None:
    text = "The mission's command refused to set a date, saying it would wait for orders from Zelmo."
    events = code_events(text, places={"Zelmo": "BOR"})
    refusal = next(e for e in events if e.type == "REJECT")
    assert refusal.actor is None or refusal.actor.country != "BOR"


def test_lookup_resolve_answers_for_the_document_of_the_token(parse: Callable[..., Document]) -> None:
    # One lookup per document: a token of another document at the same index is not given its answer.
    first = parse("Syldavia protested.").parsed
    second = parse("Borduria protested.").parsed
    mentions = (
        Mention(0, 8, "Syldavia", Actor(country="SYL"), 0),
        Mention(0, 8, "Borduria", Actor(country="BOR"), 0),
    )
    lookup = ActorLookup(mentions=mentions[:1], resolver=None, date=None)
    assert lookup.resolve(first[0]) == (Actor(country="SYL"), "Syldavia")
    assert lookup.resolve(first[0]) == (Actor(country="SYL"), "Syldavia")
    other = ActorLookup(mentions=mentions[1:], resolver=None, date=None)
    assert other.resolve(second[0]) == (Actor(country="BOR"), "Borduria")
    assert lookup.resolve(second[0])[1] == "Borduria"
