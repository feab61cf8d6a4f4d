"""The trigger lexicon: loading, validation and lookups by lemma."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from flashpoint.errors import LexiconError
from flashpoint.events import PLOVER_TYPES, load_lexicon


def test_lexicon_covers_every_plover_type() -> None:
    lexicon = load_lexicon()
    covered = {entry.type for entries in lexicon.entries.values() for entry in entries}
    assert covered == set(PLOVER_TYPES)


def test_lexicon_reporting_verbs_have_known_stances() -> None:
    lexicon = load_lexicon()
    assert lexicon.reporting["say"] == "asserted"
    assert set(lexicon.reporting.values()) <= {"asserted", "reported", "alleged", "denied"}


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("The troops pulled out of the town.", "pulled", "RETREAT"),
        ("The prisoners began a hunger strike.", "strike", "PROTEST"),
        ("Jets carried out an air strike.", "strike", "ASSAULT"),
        ("The ministry called on the rebels to disarm.", "called", "REQUEST"),
        # a preposition that only brings a date is no particle of the phrase ("call for")
        ("The dockers' union called a two-day strike for Thursday.", "called", "PROTEST"),
        ("The dockers' union called for a two-day strike on Thursday.", "called", "REQUEST"),
        ("Riot police dispersed the crowd near the stadium.", "dispersed", "COERCE"),
        ("The crowd was dispersed by riot police near the stadium.", "dispersed", "COERCE"),
    ],
)
def test_lexicon_match_multiword_phrases(nlp: Any, text: str, word: str, expected: str) -> None:
    token = next(t for t in nlp(text) if t.text == word)
    entry = load_lexicon().match(token)
    assert entry is not None and entry.type == expected


def test_lexicon_match_ignores_modifier_participles(nlp: Any) -> None:
    token = next(t for t in nlp("The Bordurian-backed militia stayed home.") if t.text == "backed")
    assert load_lexicon().match(token) is None


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("events:\n  FIGHT:\n    verb: {hit: null}\n", "not a PLOVER event type"),
        ("events:\n  ASSAULT:\n    verb: {hit: null}\n  COERCE:\n    verb: {hit: null}\n", "both"),
        ("events:\n  ASSAULT:\n    adverb: {hit: null}\n", "use 'verb' or 'noun'"),
        ("reporting: {}\n", "'events'"),
    ],
)
def test_lexicon_load_rejects_malformed_files(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=message):
        load_lexicon(path)


def test_lexicon_a_verb_phrase_word_is_never_the_verb_s_subject(nlp: Any) -> None:
    # "disperse crowd" is someone breaking a crowd up; a crowd that disperses does nothing to anyone
    token = next(t for t in nlp("The crowd dispersed quietly after sunset.") if t.text == "dispersed")
    assert load_lexicon().match(token) is None
