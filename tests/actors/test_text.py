"""Tokens of actor phrases: the keys, case flags and offsets the dictionary and the resolver share."""

from __future__ import annotations

import pytest

from flashpoint.actors.text import phrase_key, tokenize


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("the U.S. envoy", ["the", "us", "envoy"]),  # dotted acronyms lose their dots
        ("St. Louis police", ["st", "louis", "police"]),  # a closing dot is dropped
        ("AT&T's board", ["at&t", "'s", "board"]),
        ("Pro-government militias", ["pro", "government", "militias"]),  # hyphens split
        ("3.5 km away", ["3.5", "km", "away"]),
        ("the rebels' base", ["the", "rebels", "base"]),  # a bare apostrophe is no token
    ],
)
def test_tokenize_keys_match_phrase_keys(text: str, keys: list[str]) -> None:
    assert [t.key for t in tokenize(text)] == keys
    assert list(phrase_key(text)) == keys


def test_tokenize_offsets_and_case_flags_index_the_text() -> None:
    text = "NATO and the U.N. met Ahmed in Zürich."
    tokens = tokenize(text)
    assert [text[t.start : t.end] for t in tokens] == [
        "NATO",
        "and",
        "the",
        "U.N.",
        "met",
        "Ahmed",
        "in",
        "Zürich.",  # the offsets keep the closing dot the key drops
    ]
    assert [t.upper for t in tokens] == [True, False, False, True, False, False, False, False]
    assert [t.title for t in tokens] == [True, False, False, True, False, True, False, True]
