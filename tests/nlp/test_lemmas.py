"""The lemma memo: the model's rule lemmatizer, asked once per (text, part of speech, morphology)."""

from __future__ import annotations

from typing import Any

import pytest

from flashpoint.nlp.lemmas import LemmaMemo

_TEXTS = [
    "Gunmen were seen attacking the villages; the attacks killed three and wounded more.",
    "She says the talks are failing, while ministers said talks had failed twice already.",
]


@pytest.mark.parametrize("text", _TEXTS)
def test_lemmas_match_the_model_lemmatizer(nlp: Any, text: str) -> None:
    with nlp.select_pipes(disable=["lemmatizer"]):
        before = nlp(text)
    memo = LemmaMemo.from_lemmatizer(nlp.get_pipe("lemmatizer"))
    assert memo is not None
    reference = nlp.get_pipe("lemmatizer")(before.copy())
    ours = memo(before.copy())
    assert [t.lemma_ for t in ours] == [t.lemma_ for t in reference]
    # A second pass reads the memo and must give the same answer.
    assert [t.lemma_ for t in memo(before.copy())] == [t.lemma_ for t in reference]


def test_lemmas_keep_lemmas_already_set(nlp: Any) -> None:
    with nlp.select_pipes(disable=["lemmatizer"]):
        doc = nlp("Troops shelled the town.")
    doc[1].lemma_ = "bombard"
    memo = LemmaMemo.from_lemmatizer(nlp.get_pipe("lemmatizer"))
    assert memo is not None
    assert [t.lemma_ for t in memo(doc)][1] == "bombard"


@pytest.mark.parametrize(("mode", "overwrite"), [("lookup", False), ("rule", True)])
def test_lemmas_refuse_other_lemmatizers(mode: str, overwrite: bool) -> None:
    class Other:
        name = "lemmatizer"
        vocab = None

    other = Other()
    other.mode = mode  # type: ignore[attr-defined]
    other.overwrite = overwrite  # type: ignore[attr-defined]
    assert LemmaMemo.from_lemmatizer(other) is None
