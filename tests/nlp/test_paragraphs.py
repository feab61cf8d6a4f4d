"""Sentence boundaries at paragraph breaks and closing quotes, set before spaCy's parser runs.

Our own invented text (Ruritania, Radio Nord); headings and quoted paragraphs as web pages put them.
"""

from __future__ import annotations

from typing import Any

import pytest

from flashpoint.nlp.paragraphs import PARAGRAPHS


def _sentences(nlp: Any, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents]


def test_the_model_carries_the_component_before_its_parser(nlp: Any) -> None:
    names = list(nlp.pipe_names)
    assert names.index(PARAGRAPHS) < names.index("parser")


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        # a heading with no full stop does not run into the paragraph below it
        (
            "Border guards leave the river posts\n\nThe interior ministry said its units had withdrawn.",
            "Border guards leave the river posts",
            "The interior ministry said its units had withdrawn.",
        ),
        # a quoted paragraph ends at its blank line, spaces on that line or not
        (
            '"We will hold the bridge," the colonel told Radio Nord\n \nShelling resumed near the bridge on Friday.',
            '"We will hold the bridge," the colonel told Radio Nord',
            "Shelling resumed near the bridge on Friday.",
        ),
    ],
)
def test_a_blank_line_ends_a_sentence(nlp: Any, text: str, first: str, second: str) -> None:
    assert _sentences(nlp, text)[:2] == [first, second]


def test_a_closing_quote_stays_with_the_sentence_it_closes(nlp: Any) -> None:
    text = 'The minister said a pullback was "not on the table."\n\nLast week troops crossed the Velka river.'
    assert _sentences(nlp, text) == [
        'The minister said a pullback was "not on the table."',
        "Last week troops crossed the Velka river.",
    ]


def test_a_single_line_break_is_left_to_the_parser(nlp: Any) -> None:
    # hard-wrapped wire copy: one sentence over two lines stays one sentence
    text = "Ruritanian troops shelled the border village of Kell on\nMonday, residents said."
    assert len(_sentences(nlp, text)) == 1
